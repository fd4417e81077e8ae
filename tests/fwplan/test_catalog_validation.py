from __future__ import annotations

import textwrap

import pytest

from fwplan.catalog import CatalogError, load_catalog, parse_catalog

GOOD = textwrap.dedent(
    """
    schema = 1
    data_version = "2024-01"

    [[group]]
    id = "shared"
    name = { de = "Gemeinsam", en = "Shared" }
    [[group.requirement]]
    direction = "outbound"
    protocol = "tcp"
    ports = "443"
    peer = "pbx-host"
    purpose = { de = "Web", en = "Web" }

    [[product]]
    id = "p"
    name = { de = "Produkt", en = "Product" }

    [[product.component]]
    id = "a"
    name = { de = "A", en = "A" }
    groups = ["shared"]

    [[product.component]]
    id = "b"
    name = { de = "B", en = "B" }
    [[product.component.requirement]]
    direction = "both"
    protocol = "udp"
    ports = [5060, "10000-10010"]
    peer = "any"
    purpose = { de = "SIP", en = "SIP" }
    """
)


def test_a_small_valid_catalog_loads():
    catalog = parse_catalog(GOOD, source="mine.toml")
    assert [c.id for c in catalog.components] == ["p/a", "p/b"]
    assert catalog.demands("p/a")[0].requirement.ports.format() == "443"
    assert catalog.component("p/b").requirements[0].ports.format() == "5060,10000-10010"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('ports = "443"', 'ports = "0"', r'group "shared"\.requirement\[0\]\.ports: port 0 is out of range'),
        ('ports = "443"', 'ports = "65536"', r"port 65536 is out of range"),
        ('ports = "443"', 'ports = "30-20"', r"range 30-20 is reversed"),
        ('protocol = "tcp"', 'protocol = "sctp"', r"unknown protocol 'sctp'; accepted: tcp, udp, tcp/udp"),
        ('peer = "pbx-host"', 'peer = "mars"', r"unknown peer 'mars'; accepted: lan-network"),
        ('direction = "both"', 'direction = "sideways"', r"unknown direction 'sideways'"),
        (
            'groups = ["shared"]',
            'groups = ["nope"]',
            r'component "a"\.groups\[0\]: no group \'nope\'; defined groups: shared',
        ),
        ('id = "b"', 'id = "a"', r"duplicate component id 'p/a'"),
        ('id = "shared"', 'id = "Shared!"', r"id 'Shared!' is not valid"),
        ("schema = 1", "schema = 2", r"schema 2 is not supported"),
        ('data_version = "2024-01"', 'data_version = "April"', r"'April' is not a date"),
        ('purpose = { de = "SIP", en = "SIP" }', 'purpose = { de = "SIP" }', r"missing key 'en'"),
        ('peer = "any"', 'peer = "any"\nport = 5', r"requirement\[0\]\.port: unknown key; allowed here"),
        (
            'purpose = { de = "Web", en = "Web" }',
            'purpose = { de = "W\\u001b[2Jeb", en = "Web" }',
            r"contains U\+001B, a control or format character",
        ),
        (
            'name = { de = "B", en = "B" }',
            'name = { de = "B", en = "B" }\nlocal = "home"',
            r'component "b"\.local: unknown local side \'home\'; accepted: lan-network, lan-address, vpn-router, remote',
        ),
        (
            'name = { de = "B", en = "B" }',
            'name = { de = "B", en = "B" }\nlocal = "remote"\n'
            '[[product.component.requirement]]\ndirection = "outbound"\nprotocol = "tcp"\nports = "80"\n'
            'peer = "lan-address"\npurpose = { de = "X", en = "X" }',
            r"component \"b\"\.requirement\[0\]\.peer: a 'remote' side cannot have peer 'lan-address'",
        ),
    ],
)
def test_bad_catalog_gives_one_line_with_the_key_path(old, new, expected):
    assert old in GOOD
    with pytest.raises(CatalogError, match=expected) as info:
        parse_catalog(GOOD.replace(old, new, 1), source="mine.toml")
    message = str(info.value)
    assert message.startswith("mine.toml: ")
    assert "\n" not in message


def test_scopes_come_from_the_two_ends():
    catalog = parse_catalog(
        GOOD.replace(
            'id = "a"\nname = { de = "A", en = "A" }', 'id = "a"\nname = { de = "A", en = "A" }\nlocal = "remote"'
        ).replace('peer = "any"', 'peer = "lan-address"'),
        source="mine.toml",
    )
    assert [d.scope for d in catalog.demands("p/a")] == ["remote"]
    assert [d.scope for d in catalog.demands("p/b")] == ["internal"]
    assert [d.scope for d in parse_catalog(GOOD).demands("p/b")] == ["internet"]


def test_the_shipped_catalog_puts_remote_clients_in_the_remote_scope_only(catalog):
    scopes = {c.id: {d.scope for d in catalog.demands(c.id)} for c in catalog.components}
    assert scopes["hostedpbx-classic/swyx-clients-remote"] == {"remote"}
    assert all("remote" not in s for cid, s in scopes.items() if cid != "hostedpbx-classic/swyx-clients-remote")
    assert scopes["hostedpbx-classic/swyx-clients-lan"] == {"internal"}
    assert scopes["hostedpbx-classic/vpn-tunnel"] == {"internet"}


def test_toml_syntax_error_names_the_line():
    broken = GOOD.replace('id = "a"', 'id = "a', 1)
    with pytest.raises(CatalogError, match=r"mine\.toml: invalid TOML: line \d+, column \d+"):
        parse_catalog(broken, source="mine.toml")


def test_duplicate_product_id():
    doubled = GOOD + GOOD[GOOD.index("[[product]]") :]
    with pytest.raises(CatalogError, match=r"duplicate product id 'p'"):
        parse_catalog(doubled)


def test_missing_and_directory_paths(tmp_path):
    with pytest.raises(CatalogError, match="catalog file not found"):
        load_catalog(tmp_path / "none.toml")
    with pytest.raises(CatalogError, match="is a directory"):
        load_catalog(tmp_path)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.replace("Produkt", "Pr\u00f6dukt").encode("latin-1"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_catalog(path)


def test_parent_must_exist_in_the_product():
    bad = GOOD.replace('id = "b"\n', 'id = "b"\nparent = "zzz"\n', 1)
    with pytest.raises(CatalogError, match=r"no component 'p/zzz' in this product"):
        parse_catalog(bad)
