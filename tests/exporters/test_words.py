"""No English in a German export: every fixed text goes through ``fwplan.i18n.exports``.

Every router export rendered in German and English for every product, with
and without the plan's inputs: each comment line (and, for the FRITZ!Box and
Markdown files, which are all prose, each line) must differ from its English
twin unless it is pure data, and no English text of the table may appear in
the German file.
"""

from __future__ import annotations

import re
import string

import pytest

import exporters
from exporters.base import ExportContext, ascii_text
from fwplan.catalog import load_catalog
from fwplan.i18n import say
from fwplan.i18n.exports import TEXTS
from fwplan.merge import PLACEHOLDER_WORDS, MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from tests.formats import exporter_names

#: Entries that read the same in both languages (see tests/fwplan/test_i18n.py).
SAME_IN_BOTH = {"col.ports", "pfsense.address_menu", "pfsense.alias_menu"}
#: Lines that are data in either language: a shebang, an alias's end marker, a Markdown rule, the LAN address.
DATA_LINE = re.compile(r"#!/usr/sbin/nft -f|# END \w+|\|(---\|)+|- LAN: \S+ \(\S+\)|")
PRODUCTS = ("instantpbx", "hostedpbx-vpnless", "hostedpbx-classic")
INPUTS = {
    "name": ("192.168.50.2/24", "acme.telovip.de"),
    "ip": ("192.168.1.10", "203.0.113.10"),
    "none": (None, None),
}
PROSE_FORMATS = {"fritzbox", "markdown"}


def test_placeholders_read_german_under_de():
    assert {w.de for w in PLACEHOLDER_WORDS.values()} == {"<LAN-Netz>", "<LAN-Adresse>", "<PBX-Host>"}
    assert say("placeholder.host", "de", host="acme.telovip.de") == "<PBX-Host acme.telovip.de>"


def _english_fragments() -> set[str]:
    """The fixed English parts of every entry, of two words or more (the parts a German file must not show)."""
    fragments = set()
    for key, (de, en) in TEXTS.items():
        if key in SAME_IN_BOTH:
            continue
        for literal, *_ in string.Formatter().parse(en):
            part = literal.strip(" .,:;()")
            if len(part.split()) >= 2 and part not in de:
                fragments.add(part)
    return fragments


def _render(fmt: str, product: str, inputs: str, lang: str) -> str:
    catalog = load_catalog()
    lan, host = INPUTS[inputs]
    plan = Plan(
        expand_selection(catalog, [product]), parse_lan(lan) if lan else None, parse_host(host) if host else None
    )
    exporter = exporters.get(fmt)
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    return exporter.render(ruleset, ExportContext(catalog, plan, lang))


@pytest.mark.parametrize("inputs", sorted(INPUTS))
@pytest.mark.parametrize("product", PRODUCTS)
@pytest.mark.parametrize("fmt", exporter_names())
def test_german_export_has_no_english_line_or_phrase(fmt, product, inputs):
    german, english = _render(fmt, product, inputs, "de"), _render(fmt, product, inputs, "en")
    de_lines, en_lines = german.splitlines(), english.splitlines()
    assert len(de_lines) == len(en_lines), "the two languages render the same structure"
    for de_line, en_line in zip(de_lines, en_lines):
        is_text = fmt in PROSE_FORMATS or de_line.startswith(("#", "!"))
        if is_text and de_line == en_line:
            assert DATA_LINE.fullmatch(de_line), f"{fmt}: untranslated line {de_line!r}"
    folded = ascii_text(german)
    for fragment in _english_fragments():
        assert fragment not in german and ascii_text(fragment) not in folded, f"{fmt}: English {fragment!r}"
