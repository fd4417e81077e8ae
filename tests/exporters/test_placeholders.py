"""A placeholder the header tells the user to replace is written exactly so in the rules.

Exporters that need a placeholder as one token (iptables, Cisco) write
``<PBX_host_acme.telovip.de>``; a header that named ``<PBX host acme.telovip.de>``
would send a search-and-replace looking for text that is not there.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from tests.exporters.test_words import _render
from tests.formats import exporter_names

PLACEHOLDER = re.compile(r"<[^<>\n]+>")


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("inputs", ["name", "none"])
@pytest.mark.parametrize("fmt", exporter_names())
def test_every_placeholder_named_is_written_the_same_way_where_it_is_used(fmt, inputs, lang):
    text = _render(fmt, "hostedpbx-classic", inputs, lang)
    if fmt == "markdown":
        text = html.unescape(text)  # it writes <PBX host> as &lt;PBX host&gt;
    counts = Counter(PLACEHOLDER.findall(text))
    if inputs == "none":
        assert counts, "without a LAN address or PBX host, every format needs placeholders"
    named_once = sorted(p for p, n in counts.items() if n == 1)
    assert not named_once, f"{fmt}: written once only, so the header and the rules spell it differently: {named_once}"
