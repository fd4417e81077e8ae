"""catalog.toml against the article: every port line present and exact, nothing invented, nothing dropped.

The table below is read off ports-article.de.txt by hand, one row per port
statement (a bullet that names several peers is one row per peer).
"""

from __future__ import annotations

import re

import pytest

from fwplan.ports import PortSet
from tests.conftest import ARTICLE_DE, SHARED_ARTICLE_DE

I, V, C = "instantpbx", "hostedpbx-vpnless", "hostedpbx-classic"

# (component, words of the article bullet, direction, protocol, ports, peer)
ARTICLE_LINES = [
    (f"{I}/sip-phones", "Call-Handling: 5060 UDP", "outbound", "udp", "5060", "pbx-host"),
    (f"{I}/sip-phones", "im Bereich 10000-59999 individuell", "outbound", "udp", "10000-59999", "pbx-host"),
    (
        f"{I}/sip-phones",
        "(Ports TCP 9200 und 443) eine Verbindung sowohl zum Hersteller",
        "outbound",
        "tcp",
        "443,9200",
        "manufacturer",
    ),
    (
        f"{I}/sip-phones",
        "(Ports TCP 9200 und 443) eine Verbindung sowohl zum Hersteller als auch zu uns",
        "outbound",
        "tcp",
        "443,9200",
        "provider",
    ),
    (f"{I}/sip-phones", "Telefonbuch-Zugriff (sofern verfügbar)", "outbound", "tcp", "443", "provider"),
    (
        f"{I}/swyxit-windows-first-start",
        "erstmaligen Start zusätzlich: TCP/UDP 5060 und 5070",
        "outbound",
        "tcp/udp",
        "5060,5070",
        "pbx-host",
    ),
    (
        f"{I}/swyxit-windows",
        "Server-Ports 443, 9094, 9100, 9101, 16203, 57203",
        "outbound",
        "tcp",
        "443,9094,9100-9101,16203,57203",
        "pbx-host",
    ),
    (
        f"{I}/swyx-softclients",
        "Server-Ports 443, 9094, 9100, 9101, 16203, 57203",
        "outbound",
        "tcp",
        "443,9094,9100-9101,16203,57203",
        "pbx-host",
    ),
    (f"{I}/webinterface", "Server-Ports 443 und 9443", "outbound", "tcp", "443,9443", "pbx-host"),
    (f"{V}/hardware", "Autoprovisioning (erstmalige Konfiguration", "outbound", "tcp", "443,9200", "provider"),
    (f"{V}/hardware", "Call-Handling: 5060 UDP", "outbound", "udp", "5060", "pbx-host"),
    (f"{V}/hardware", "im Bereich 10000-59999 individuell", "outbound", "udp", "10000-59999", "pbx-host"),
    (
        f"{V}/hardware",
        "per https (TCP 443) eine Verbindung sowohl zum Hersteller",
        "outbound",
        "tcp",
        "443",
        "manufacturer",
    ),
    (
        f"{V}/hardware",
        "per https (TCP 443) eine Verbindung sowohl zum Hersteller als auch zu uns",
        "outbound",
        "tcp",
        "443",
        "provider",
    ),
    (f"{V}/hardware", "LDAP-Verbindung auf TCP-Port 10389", "outbound", "tcp", "10389", "provider"),
    (
        f"{V}/swyxit-windows-first-start",
        "erstmaligen Start zusätzlich: TCP/UDP 5060 und 5070",
        "outbound",
        "tcp/udp",
        "5060,5070",
        "pbx-host",
    ),
    (
        f"{V}/swyxit-windows",
        "Server-Ports 443, 9094, 9100, 9101, 16203, 57203",
        "outbound",
        "tcp",
        "443,9094,9100-9101,16203,57203",
        "pbx-host",
    ),
    (
        f"{V}/swyx-softclients",
        "Server-Ports 443, 9094, 9100, 9101, 16203, 57203",
        "outbound",
        "tcp",
        "443,9094,9100-9101,16203,57203",
        "pbx-host",
    ),
    (f"{V}/webinterface", "Server-Ports 443 und 9443", "outbound", "tcp", "443,9443", "pbx-host"),
    (f"{C}/vpn-tunnel", "UDP 9944 (in und out)", "both", "udp", "9944", "pbx-host"),
    (
        f"{C}/swyx-clients-lan",
        "TCP/UDP Ports 5060, 5070 für Call-Handling",
        "outbound",
        "tcp/udp",
        "5060,5070",
        "lan-address",
    ),
    (f"{C}/swyx-clients-lan", "UDP-Port im Bereich 10000-50999", "outbound", "udp", "10000-50999", "lan-address"),
    (
        f"{C}/swyx-clients-lan",
        "TCP ausgehend auf Zielports 443, 9094, 9100, 9101",
        "outbound",
        "tcp",
        "443,9094,9100-9101",
        "lan-address",
    ),
    (
        f"{C}/system-phones",
        "Zielports 4060, 4061, 1300, 1720, 1721, 8085",
        "outbound",
        "tcp",
        "1300,1720-1721,4060-4061,8085",
        "lan-address",
    ),
    (f"{C}/system-phones", "RTP-Stream/Ton: UDP 5000-5020", "outbound", "udp", "5000-5020", "lan-address"),
    (f"{C}/system-phones", "NTP: UDP Zielport 123", "outbound", "udp", "123", "any"),
    (
        f"{C}/system-phones",
        "FTP abgehend (TCP Zielport 21), http und https abgehend (TCP Zielports 80 und 443)",
        "outbound",
        "tcp",
        "21,80,443",
        "any",
    ),
    (
        f"{C}/system-phones",
        "Fernkonfiguration: http(s) ankommend, TCP 80, 8000, 8080, 443",
        "inbound",
        "tcp",
        "80,443,8000,8080",
        "lan-address",
    ),
    (f"{C}/yealink-phones", "UDP 5060 für CallControl (SIP)", "outbound", "udp", "5060", "lan-address"),
    (f"{C}/yealink-phones", "UDP 65012 für CTI-Steuerung", "outbound", "udp", "65012", "lan-address"),
    (f"{C}/yealink-phones", "TCP 389 (LDAP) für Telefonbuch-Zugriff", "outbound", "tcp", "389", "lan-address"),
    (f"{C}/yealink-phones", "RTP-Stream/Ton: UDP 11000-13000", "outbound", "udp", "11000-13000", "lan-address"),
    (
        f"{C}/yealink-phones",
        "(TCP Zielport 443) zum Hersteller, http und https",
        "outbound",
        "tcp",
        "443",
        "manufacturer",
    ),
    (f"{C}/yealink-phones", "(Zielport 9200 und 443) zur externen", "outbound", "tcp", "443,9200", "pbx-host"),
    (
        f"{C}/yealink-phones",
        "und/oder internen IP-Adresse der Telefonanlage",
        "outbound",
        "tcp",
        "443,9200",
        "lan-address",
    ),
    (f"{C}/yealink-phones", "zu unserem zentralen Provisionierungsserver", "outbound", "tcp", "443,9200", "provider"),
    (
        f"{C}/yealink-phones",
        "Logo-Download usw: https abgehend (TCP Zielport 443) zum Hersteller",
        "outbound",
        "tcp",
        "443",
        "manufacturer",
    ),
    (
        f"{C}/yealink-phones",
        "Logo-Download usw: https abgehend (TCP Zielport 443) zum Hersteller und zu uns",
        "outbound",
        "tcp",
        "443",
        "provider",
    ),
    (
        f"{C}/yealink-phones",
        "Fernkonfiguration: http(s) ankommend, TCP 80 oder 443",
        "inbound",
        "tcp",
        "80,443",
        "lan-address",
    ),
    (f"{C}/other-devices", "UDP 5060 für CallControl (SIP)", "outbound", "udp", "5060", "lan-address"),
    (f"{C}/other-devices", "RTP-Stream: UDP 50000-50999", "outbound", "udp", "50000-50999", "lan-address"),
    (
        f"{C}/other-devices",
        "Fernkonfiguration i.d.R.: http(s) ankommend, TCP 80, 8000, 8080, 443",
        "inbound",
        "tcp",
        "80,443,8000,8080",
        "lan-address",
    ),
    (f"{C}/other-devices", "LDAP TCP auf Zielports 389 oder 50000", "outbound", "tcp", "389,50000", "lan-address"),
    (f"{C}/analog-adapters-direct", "Telefonie (UDP 5060)", "outbound", "udp", "5060", "provider"),
    (f"{C}/analog-adapters-direct", "STUN (UDP 3478)", "outbound", "udp", "3478", "provider"),
    (
        f"{C}/swyx-clients-remote",
        "Zielports 443, 9094, 9100, 9101, 16203, 57203",
        "outbound",
        "tcp",
        "443,9094,9100-9101,16203,57203",
        "pbx-host",
    ),
    (f"{C}/webinterface", "TCP ausgehend auf Ports 443 und 9443", "outbound", "tcp", "443,9443", "pbx-host"),
]


def _matches(demand, words, direction, protocol, ports, peer):
    req = demand.requirement
    return (
        words in req.article
        and req.direction == direction
        and req.protocol == protocol
        and req.ports == PortSet.parse(ports)
        and req.peer == peer
    )


@pytest.mark.parametrize("line", ARTICLE_LINES, ids=lambda line: f"{line[0]}: {line[1][:40]}")
def test_article_line_is_in_the_catalog_exactly(catalog, line):
    component_id, *expected = line
    demands = catalog.demands(component_id)
    assert any(_matches(d, *expected) for d in demands), f"{component_id} lacks {expected}"


def test_catalog_invents_no_requirement(catalog):
    for component in catalog.components:
        for demand in catalog.demands(component.id):
            expected = [line for line in ARTICLE_LINES if line[0] == component.id]
            assert any(_matches(demand, *line[1:]) for line in expected), (
                f"{component.id} has a requirement not in the article: {demand.requirement}"
            )


def _article_bullets() -> list[str]:
    text = ARTICLE_DE.read_text(encoding="utf-8")
    return [m.group(1).strip(" \u00a0") for m in re.finditer(r"^\s*•\s*(.+)$", text, re.MULTILINE)]


def test_every_article_bullet_is_quoted_verbatim(catalog):
    quoted = {catalog.caveat.article}
    for component in catalog.components:
        quoted.update(d.requirement.article for d in catalog.demands(component.id))
        quoted.update(n.article for n in component.notes)
        if component.condition:
            quoted.add(component.condition.article)
    bullets = _article_bullets()
    assert len(bullets) > 40
    missing = [b for b in bullets if b not in quoted]
    assert not missing, f"article bullets not in the catalog: {missing}"
    article = ARTICLE_DE.read_text(encoding="utf-8")
    invented = [q for q in quoted if q and q not in article]
    assert not invented, f"quotes not in the article: {invented}"


def test_products_and_ids_are_exactly_as_specified(catalog):
    assert [p.id for p in catalog.products] == ["instantpbx", "hostedpbx-vpnless", "hostedpbx-classic"]
    for component in catalog.components:
        assert component.id.startswith(component.product_id + "/")
    assert catalog.schema == 1
    assert catalog.data_version == "2020-04"


def test_conditional_items_carry_their_condition_in_both_languages(catalog):
    conditional = {c.id: c for c in catalog.components if c.condition}
    assert set(conditional) == {
        f"{I}/swyxit-windows-first-start",
        f"{V}/swyxit-windows-first-start",
        f"{C}/analog-adapters-direct",
    }
    for component in conditional.values():
        assert (
            "RemoteConnector" in component.condition.text.de + component.condition.text.en
            or "VPN" in component.condition.text.en
        )
        assert component.parent is not None


def test_swyx_group_is_written_once_and_referenced(catalog):
    assert list(catalog.groups) == ["swyx-softclients"]
    referencing = [c.id for c in catalog.components if "swyx-softclients" in c.groups]
    assert referencing == [
        f"{I}/swyxit-windows",
        f"{I}/swyx-softclients",
        f"{V}/swyxit-windows",
        f"{V}/swyx-softclients",
    ]
    for component_id in referencing:
        assert not catalog.component(component_id).requirements


def test_alternatives_keep_both_ports_and_say_either_may_be_used(catalog):
    alternatives = [
        d.requirement for c in catalog.components for d in catalog.demands(c.id) if d.requirement.alternatives
    ]
    assert {r.ports.format() for r in alternatives} == {"80,443", "389,50000"}
    for r in alternatives:
        assert "einer von beiden" in r.purpose.de and "either may be used" in r.purpose.en


def test_every_name_and_purpose_exists_in_german_and_english(catalog):
    for product in catalog.products:
        assert product.name.de and product.name.en
    for component in catalog.components:
        assert component.name.de and component.name.en
        for demand in catalog.demands(component.id):
            assert demand.requirement.purpose.de and demand.requirement.purpose.en
            assert demand.section.startswith(catalog.product(component.product_id).name.de)


def test_the_repository_copy_of_the_article_is_the_shared_seed():
    if not SHARED_ARTICLE_DE.exists():  # a clone outside the workplace; CI lays shared/ beside it
        pytest.skip(f"no shared seed beside this checkout ({SHARED_ARTICLE_DE})")
    assert ARTICLE_DE.read_bytes() == SHARED_ARTICLE_DE.read_bytes()
