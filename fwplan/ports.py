"""Port sets: immutable, sorted, disjoint ranges of TCP/UDP port numbers.

Coalescing merges ranges that overlap, share an endpoint (10-20 with 20-30)
or touch (10-20 with 21-30); ``max_gap`` widens that to gaps of up to N
unlisted ports, which the caller must report as extra ports opened.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from fwplan.errors import FwplanError

MIN_PORT = 1
MAX_PORT = 65535


class PortError(FwplanError):
    """A port text or number that is not a valid port, list or range."""


class _Bounds(NamedTuple):
    lo: int
    hi: int


class PortRange(_Bounds):
    """The ports lo to hi, both included.

    A tuple underneath, so that sorting and comparing run at C speed; the
    constructor checks the bounds, ``_trusted`` skips that for results the
    module computed from ranges already checked.
    """

    __slots__ = ()

    def __new__(cls, lo: int, hi: int) -> PortRange:
        for value in (lo, hi):
            if isinstance(value, bool) or not isinstance(value, int):
                raise PortError(f"port {value!r} is not a whole number; ports are 1-65535")
            if not MIN_PORT <= value <= MAX_PORT:
                raise PortError(f"port {value} is out of range; ports are 1-65535")
        if lo > hi:
            raise PortError(f"range {lo}-{hi} is reversed; write the lower port first")
        return tuple.__new__(cls, (lo, hi))

    @classmethod
    def _trusted(cls, lo: int, hi: int) -> PortRange:
        return tuple.__new__(cls, (lo, hi))

    @property
    def size(self) -> int:
        return self.hi - self.lo + 1

    @property
    def is_single(self) -> bool:
        return self.lo == self.hi

    def format(self, range_mark: str = "-") -> str:
        return str(self.lo) if self.is_single else f"{self.lo}{range_mark}{self.hi}"

    def __str__(self) -> str:
        return self.format()


def coalesce(ranges: Iterable[PortRange], max_gap: int = 0) -> tuple[PortRange, ...]:
    """Sorted, disjoint ranges; ranges at most ``max_gap`` ports apart are joined."""
    if max_gap < 0:
        raise PortError(f"max_gap {max_gap} is negative; use 0 or more")
    merged: list[list[int]] = []
    for r in sorted(ranges):
        if merged and r.lo <= merged[-1][1] + 1 + max_gap:
            merged[-1][1] = max(merged[-1][1], r.hi)
        else:
            merged.append([r.lo, r.hi])
    return tuple(PortRange._trusted(lo, hi) for lo, hi in merged)


_DIGITS = re.compile(r"[0-9]{1,5}")


@dataclass(frozen=True, slots=True)
class PortSet:
    """An immutable set of ports kept as sorted, disjoint, non-touching ranges."""

    ranges: tuple[PortRange, ...] = ()
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        ranges = self.ranges
        if not isinstance(ranges, tuple) or not _is_canonical(ranges):
            object.__setattr__(self, "ranges", coalesce(ranges))

    @classmethod
    def _canonical(cls, ranges: tuple[PortRange, ...]) -> PortSet:
        """Wrap ranges already sorted, disjoint and not touching, without checking them again."""
        port_set = object.__new__(cls)
        object.__setattr__(port_set, "ranges", ranges)
        object.__setattr__(port_set, "_starts", None)
        return port_set

    @classmethod
    def of(cls, *items: int | tuple[int, int] | PortRange) -> PortSet:
        ranges = []
        for item in items:
            if isinstance(item, PortRange):
                ranges.append(item)
            elif isinstance(item, tuple):
                ranges.append(PortRange(*item))
            else:
                ranges.append(PortRange(item, item))
        return cls(tuple(ranges))

    @classmethod
    def parse(cls, text: str, sep: str = ",", range_mark: str = "-") -> PortSet:
        """Parse ``"443, 9100-9101"``; the separator and range mark are the caller's."""
        if not isinstance(text, str):
            raise PortError(f"port list {text!r} is not text")
        if sep == range_mark:
            raise PortError(f"separator and range mark are both {sep!r}; they must differ")
        if not text.strip():
            return cls()
        parts = text.split(sep) if sep.strip() else text.split()
        ranges = []
        for part in parts:
            if not part.strip():
                if sep.strip():
                    raise PortError(f"empty entry in port list {text!r}")
                continue
            ranges.append(_parse_entry(part, range_mark, text))
        return cls(tuple(ranges))

    def format(self, sep: str = ",", range_mark: str = "-") -> str:
        return sep.join(r.format(range_mark) for r in self.ranges)

    def __str__(self) -> str:
        return self.format()

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __len__(self) -> int:
        return sum(r.size for r in self.ranges)

    @property
    def size(self) -> int:
        return len(self)

    def __iter__(self) -> Iterator[PortRange]:
        return iter(self.ranges)

    def __contains__(self, port: object) -> bool:
        if isinstance(port, PortRange):
            return self.contains_range(port)
        if not isinstance(port, int) or isinstance(port, bool) or not MIN_PORT <= port <= MAX_PORT:
            return False
        return self.contains_range(PortRange(port, port))

    def covers(self, other: PortSet) -> bool:
        return all(self.contains_range(r) for r in other.ranges)

    def contains_range(self, r: PortRange) -> bool:
        """Whether every port of ``r`` is in the set; a binary search, since ranges never touch."""
        los = self._starts
        if los is None:
            los = self._los
        i = bisect_right(los, r[0]) - 1
        return i >= 0 and self.ranges[i][1] >= r[1]

    @property
    def _los(self) -> list[int]:
        los = self._starts
        if los is None:
            los = [r.lo for r in self.ranges]
            object.__setattr__(self, "_starts", los)
        return los

    def entry_count(self, range_cost: int = 1) -> int:
        """How many entries a target counts; iptables multiport counts a range as 2."""
        return sum(1 if r.is_single else range_cost for r in self.ranges)

    def union(self, *others: PortSet) -> PortSet:
        ranges = list(self.ranges)
        for other in others:
            ranges.extend(other.ranges)
        return PortSet._canonical(coalesce(ranges))

    __or__ = union

    def difference(self, other: PortSet) -> PortSet:
        result: list[PortRange] = []
        cut = other.ranges
        j = 0
        for r in self.ranges:
            lo = r.lo
            while j < len(cut) and cut[j].hi < lo:
                j += 1
            k = j
            while k < len(cut) and cut[k].lo <= r.hi:
                if cut[k].lo > lo:
                    result.append(PortRange._trusted(lo, cut[k].lo - 1))
                lo = max(lo, cut[k].hi + 1)
                k += 1
            if lo <= r.hi:
                result.append(PortRange._trusted(lo, r.hi))
        return PortSet._canonical(tuple(result))

    __sub__ = difference

    def intersection(self, other: PortSet) -> PortSet:
        small, large = (self, other) if len(self.ranges) <= len(other.ranges) else (other, self)
        if not small.ranges:
            return PortSet()
        los, big = large._los, large.ranges
        result: list[PortRange] = []
        for r in small.ranges:
            i = max(bisect_right(los, r.lo) - 1, 0)
            while i < len(big) and big[i].lo <= r.hi:
                lo, hi = max(r.lo, big[i].lo), min(r.hi, big[i].hi)
                if lo <= hi:
                    result.append(PortRange._trusted(lo, hi))
                i += 1
        return PortSet._canonical(tuple(result))

    __and__ = intersection

    def widened(self, max_gap: int) -> PortSet:
        """The set with gaps of at most ``max_gap`` ports filled in."""
        return PortSet._canonical(coalesce(self.ranges, max_gap))


def _is_canonical(ranges: tuple[object, ...]) -> bool:
    previous = None
    for r in ranges:
        if type(r) is not PortRange or (previous is not None and previous.hi + 1 >= r.lo):
            return False
        previous = r
    return True


def _parse_entry(part: str, range_mark: str, whole: str) -> PortRange:
    text = part.strip()
    pieces = text.split(range_mark) if range_mark.strip() else text.split()
    if len(pieces) in (1, 2) and all(_DIGITS.fullmatch(p.strip()) for p in pieces):
        lo, hi = int(pieces[0]), int(pieces[-1])
        return PortRange(lo, hi)
    raise PortError(f"{text!r} in {whole!r} is not a port or range; write ports 1-65535 as 443 or 9100{range_mark}9101")
