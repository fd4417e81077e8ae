"""A synthetic catalog of many components, seeded, shaped like the real one (used by a test and the benchmark)."""

from __future__ import annotations

import json
import random

PEERS = ("pbx-host", "pbx-host", "provider", "manufacturer", "any", "lan-address")


def _text(de: str, en: str) -> str:
    return f"{{ de = {json.dumps(de, ensure_ascii=False)}, en = {json.dumps(en, ensure_ascii=False)} }}"


def huge_catalog_text(components: int, products: int = 20, seed: int = 5) -> str:
    """TOML for a catalog with ``components`` components over ``products`` products."""
    rnd = random.Random(seed)
    out = [
        "schema = 1",
        'data_version = "2026-01"',
        "title = 'Synthetischer Großkatalog'",
        "",
        "[[group]]",
        'id = "softclients"',
        f"name = {_text('Alle Softclients', 'All soft clients')}",
        "",
        "[[group.requirement]]",
        'direction = "outbound"',
        'protocol = "tcp"',
        'ports = "443, 9094, 9100-9101"',
        'peer = "pbx-host"',
        f"purpose = {_text('Client zum Server', 'Client to server')}",
        "",
    ]
    per_product = components // products
    for p in range(products):
        out += ["[[product]]", f'id = "product-{p}"', f"name = {_text(f'Produkt {p} (Größe)', f'Product {p}')}", ""]
        for c in range(per_product):
            out += ["[[product.component]]", f'id = "c{c}"', f"name = {_text(f'Gerät {c} für Büro', f'Device {c}')}"]
            if c % 10 and c > 0:
                out.append(f'parent = "c{c - c % 10}"')
            if c % 25 == 3:
                out.append(f"condition = {_text(f'Nur wenn Fall {c} zutrifft', f'Only if case {c} applies')}")
            if c % 7 == 0:
                out.append('groups = ["softclients"]')
            if c % 9 == 0:
                out.append(f"notes = [{_text(f'Hinweis {c}', f'Note {c}')}]")
            out.append("")
            for r in range(rnd.randint(1, 3)):
                kind = rnd.random()
                if kind < 0.5:
                    ports = str(rnd.choice((80, 443, 5060, 5061, 3478, 9443)) + rnd.randint(0, 40))
                elif kind < 0.85:
                    ports = ", ".join(str(rnd.randint(1, 65535)) for _ in range(rnd.randint(2, 5)))
                else:
                    lo = rnd.randint(1024, 60000)
                    ports = f"{lo}-{min(65535, lo + rnd.randint(10, 5000))}"
                out += [
                    "[[product.component.requirement]]",
                    f"article = 'Zeile {c}.{r}: Ports {ports}'",
                    f'direction = "{rnd.choice(("outbound", "outbound", "inbound"))}"',
                    f'protocol = "{rnd.choice(("tcp", "udp", "tcp/udp"))}"',
                    f'ports = "{ports}"',
                    f'peer = "{rnd.choice(PEERS)}"',
                    f"purpose = {_text(f'Zweck {c}.{r} (äöü)', f'Purpose {c}.{r}')}",
                    "",
                ]
    return "\n".join(out) + "\n"
