from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fwplan.ports import PortError, PortRange, PortSet, coalesce

# ---- strategies ----

ports = st.integers(min_value=1, max_value=65535)


@st.composite
def port_ranges(draw, max_width=400):
    lo = draw(st.integers(min_value=1, max_value=65535))
    hi = draw(st.integers(min_value=lo, max_value=min(65535, lo + max_width)))
    return PortRange(lo, hi)


port_sets = st.lists(port_ranges(), max_size=12).map(lambda rs: PortSet(tuple(rs)))


def members(ps: PortSet) -> set[int]:
    return {p for r in ps.ranges for p in range(r.lo, r.hi + 1)}


# ---- named cases ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10-20, 20-30", "10-30"),  # shared endpoint (capirca's bug)
        ("10-20, 21-30", "10-30"),  # adjacent (firewalld's bug)
        ("10-30, 15-20", "10-30"),  # contained
        ("443, 443", "443"),  # duplicate
        ("9101, 9100", "9100-9101"),  # adjacent singles, out of order
        ("10-20, 22-30", "10-20,22-30"),  # a real gap stays
        ("443, 9094, 9100, 9101, 16203, 57203", "443,9094,9100-9101,16203,57203"),
        ("", ""),
    ],
)
def test_coalescing(text, expected):
    assert PortSet.parse(text).format() == expected


def test_max_gap_joins_across_small_gaps_only():
    ranges = (PortRange(10, 20), PortRange(23, 30), PortRange(40, 41))
    assert coalesce(ranges, max_gap=2) == (PortRange(10, 30), PortRange(40, 41))
    assert coalesce(ranges, max_gap=1) == ranges


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "out of range"),
        ("65536", "out of range"),
        ("30-20", "reversed"),
        ("http", "not a port or range"),
        ("1-2-3", "not a port or range"),
        ("1,,2", "empty entry"),
        ("٣", "not a port or range"),  # a non-ASCII digit
    ],
)
def test_bad_port_text_is_rejected_with_the_value(text, message):
    with pytest.raises(PortError, match=message):
        PortSet.parse(text)


def test_entry_count_counts_ranges_as_the_target_does():
    ps = PortSet.parse("443, 9100-9101, 10000-59999")
    assert ps.entry_count() == 3
    assert ps.entry_count(range_cost=2) == 5
    assert len(ps) == 1 + 2 + 50000


def test_custom_separator_and_range_mark_round_trip():
    ps = PortSet.parse("443, 9100-9101, 10000-59999")
    assert ps.format(" ", ":") == "443 9100:9101 10000:59999"
    assert PortSet.parse("443 9100:9101 10000:59999", sep=" ", range_mark=":") == ps
    assert PortSet.parse(ps.format("\n", ":"), sep="\n", range_mark=":") == ps


def test_separator_equal_to_range_mark_is_refused():
    with pytest.raises(PortError, match="must differ"):
        PortSet.parse("1-2", sep="-", range_mark="-")


def test_membership_of_ports_and_ranges():
    ps = PortSet.parse("443, 9100-9101")
    assert 9100 in ps and 9101 in ps and 443 in ps
    assert 444 not in ps and "443" not in ps
    assert PortRange(9100, 9101) in ps
    assert PortRange(9100, 9102) not in ps


# ---- properties ----


@given(port_sets)
def test_ranges_are_sorted_disjoint_and_not_touching(ps):
    for a, b in zip(ps.ranges, ps.ranges[1:]):
        assert a.hi + 1 < b.lo


@given(port_sets, port_sets)
def test_union_difference_intersection_match_set_semantics(a, b):
    assert members(a | b) == members(a) | members(b)
    assert members(a - b) == members(a) - members(b)
    assert members(a & b) == members(a) & members(b)


@given(port_sets)
def test_size_equals_member_count(ps):
    assert len(ps) == len(members(ps))


@given(port_sets, st.sampled_from([",", ", ", " ", "\n", ";"]), st.sampled_from(["-", ":", ".."]))
def test_format_then_parse_is_identity(ps, sep, mark):
    assert PortSet.parse(ps.format(sep, mark), sep=sep, range_mark=mark) == ps


@given(st.lists(port_ranges(), max_size=12), st.integers(min_value=0, max_value=50))
def test_max_gap_only_adds_ports_inside_small_gaps(ranges, gap):
    exact = PortSet(tuple(ranges))
    widened = exact.widened(gap)
    assert exact.covers(widened & exact) and widened.covers(exact)
    extra = widened - exact
    for r in extra.ranges:
        assert r.size <= gap
        assert r.lo - 1 in exact and r.hi + 1 in exact
