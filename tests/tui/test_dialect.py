"""Port lists in router dialects."""

from __future__ import annotations

import pytest

from fwplan.ports import PortSet
from tui.dialect import DIALECTS, format_ports, next_dialect

PORTS = PortSet.parse("443, 9094, 9100-9101")


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [("generic", "443,9094,9100-9101"), ("space", "443 9094 9100-9101"), ("pfsense", "443,9094,9100:9101")],
)
def test_dialects(dialect, expected):
    assert dialect in DIALECTS
    assert format_ports(PORTS, dialect) == expected


def test_every_dialect_round_trips_through_the_port_parser():
    for dialect in DIALECTS:
        text = format_ports(PORTS, dialect)
        assert "9100" in text and "9101" in text


def test_unknown_dialect_names_the_accepted_ones():
    with pytest.raises(ValueError, match="unknown port-list dialect 'cisco'; accepted: generic"):
        format_ports(PORTS, "cisco")


def test_next_dialect_cycles():
    seen = [DIALECTS[0]]
    for _ in DIALECTS:
        seen.append(next_dialect(seen[-1]))
    assert seen[-1] == DIALECTS[0] and set(seen) == set(DIALECTS)
