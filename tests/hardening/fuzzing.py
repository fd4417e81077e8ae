"""Strategies that mutate real inputs (the shipped catalog, sample plan files, command lines) for the fuzz tests.

The number of examples per fuzz test is bounded for CI; set FWPLAN_FUZZ_EXAMPLES (e.g. 5000) for a long run.
"""

from __future__ import annotations

import copy
import datetime
import os
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.conftest import ROOT

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
CORPUS = HERE / "corpus"
CATALOG_BYTES = (ROOT / "catalog.toml").read_bytes()
PLAN_SEEDS = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.toml"))}

EXAMPLES = int(os.environ.get("FWPLAN_FUZZ_EXAMPLES", "0")) or None


def fuzz_settings(bounded: int) -> settings:
    """``bounded`` examples by default (CI); FWPLAN_FUZZ_EXAMPLES examples for a long run."""
    return settings(
        max_examples=EXAMPLES or bounded,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        database=None if EXAMPLES is None else settings.default.database,
    )


# --------------------------------------------------------------------------
# Nasty values: the mistakes and attacks the fuzzers splice in
# --------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b[2J",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[31mred",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "\x9b2J",
    "\u202eevil",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\udcff",
    "münchen.telovip.de",
    "ß",
    "ＡＢＣ",
    "٣",
    "²",
    "🔥",
    "a" * 300,
    "9" * 400,
    "-1",
    "0",
    "65536",
    "1e999",
    "nan",
    "inf",
    "$(reboot)",
    "`id`",
    "; rm -rf /",
    "=cmd|'/c calc'!A0",
    "%s%n",
    "{0}",
    "[tcp]",
    "[b]x[/b]",
    "../../etc/passwd",
    "/dev/null",
    "C:\\x",
    "192.168.1.300",
    "192.168.50.2/24",
    "fd00::5",
    "acme.telovip.de",
    "instantpbx",
    "hostedpbx-classic/vpn-tunnel",
]

NASTY_BYTES = [
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x1b[2J",
    b"\x1b]52;c;ZXZpbA==\x07",
    b"\r\n",
    b"\r",
    b"\x80",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b'"',
    b"'",
    b"'''",
    b'"""',
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"=",
    b".",
    b",",
    b"{",
    b"}",
    b"#",
    b"\\",
    b"\\u0000",
    b"\\u001b",
    b"\\U0010FFFF",
    b"\\ud800",
    b"9" * 400,
    b"-0",
    b"+inf",
    b"nan",
    b"1979-05-27T07:32:00Z",
    b"0x7FFFFFFFFFFFFFFFFF",
    b"[" * 5000,
    b"{a=" * 3000,
    "münchen".encode(),
    "\u202e".encode(),
    b"\n[product]\n",
    b"\n[[product]]\n",
    b"\nschema = 1\n",
]


def scalar_values() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(NASTY_TEXT),
        st.text(max_size=40),
        st.integers(),
        st.sampled_from([0, -1, 1, 65535, 65536, 2**63 - 1, 2**63, -(2**63), 10**400]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.datetimes(max_value=datetime.datetime(9999, 1, 1)),
        st.dates(),
    )


def any_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        scalar_values(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.one_of(st.sampled_from(["id", "name", "de", "en", "ports", "x"]), st.text(max_size=8)),
                inner,
                max_size=4,
            ),
        ),
        max_leaves=12,
    )


def random_inputs(max_size: int) -> st.SearchStrategy[bytes]:
    """Bytes, or text as UTF-8 (lone surrogates kept), that owe nothing to a real file."""
    return st.binary(max_size=max_size) | st.text(max_size=max_size).map(lambda t: t.encode("utf-8", "surrogatepass"))


def deep(depth: int, kind: str) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value] if kind == "list" else {"x": value}
    return value


# --------------------------------------------------------------------------
# Byte-wise mutation
# --------------------------------------------------------------------------


@st.composite
def mutated_bytes(draw, seed: bytes) -> bytes:
    """The seed with a few byte-level edits: deletions, insertions, flips, duplicated or swapped slices."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        n = len(data)
        op = draw(st.sampled_from(["delete", "insert", "flip", "duplicate", "nasty", "truncate", "line"]))
        at = draw(st.integers(0, n))
        if op == "delete" and n:
            length = draw(st.integers(1, 64))
            del data[at : at + length]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "flip" and n:
            i = min(at, n - 1)
            data[i] = draw(st.integers(0, 255))
        elif op == "duplicate" and n:
            length = draw(st.integers(1, 400))
            data[at:at] = data[at : at + length]
        elif op == "nasty":
            data[at:at] = draw(st.sampled_from(NASTY_BYTES))
        elif op == "truncate":
            del data[at:]
        elif op == "line":  # delete or duplicate one whole line: duplicate keys, missing keys
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if draw(st.booleans()):
                del lines[i]
            else:
                lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


# --------------------------------------------------------------------------
# Structural mutation (on the parsed tree)
# --------------------------------------------------------------------------


def _paths(tree: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if len(prefix) > 40:  # inside a deeply nested value an earlier mutation made: deep enough
        return found
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.extend(_paths(value, prefix + (key,)))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            found.extend(_paths(value, prefix + (i,)))
    return found


def _get(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


@st.composite
def mutated_tree(draw, seed: dict) -> dict:
    """The parsed seed with a few edits: keys deleted, renamed or added, values of the wrong type, huge, deep."""
    tree = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(tree)
        path = draw(st.sampled_from(paths))
        node = _get(tree, path)
        op = draw(st.sampled_from(["replace", "delete", "add", "rename", "deep", "duplicate", "empty"]))
        if not path:
            if op in ("add", "rename", "delete") and isinstance(node, dict):
                key = draw(st.sampled_from(sorted(node) + ["extra"]))
                if op == "delete":
                    node.pop(key, None)
                else:
                    node[draw(st.text(max_size=10))] = draw(any_values())
            continue
        parent, key = _get(tree, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = draw(any_values())
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(node, dict):
            node[draw(st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=10)))] = draw(any_values())
        elif op == "add" and isinstance(node, list):
            node.append(draw(any_values()))
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=10)))] = parent.pop(key)
        elif op == "deep":
            parent[key] = deep(draw(st.integers(50, 1200)), draw(st.sampled_from(["list", "dict"])))
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, node)  # shared, not copied: copying a 1200-deep value overflows the stack
        elif op == "empty":
            parent[key] = type(node)() if isinstance(node, (dict, list, str)) else None
            if parent[key] is None:
                del parent[key]
    return tree


def dump_toml(tree: dict) -> bytes | None:
    """The tree as TOML text, or None where TOML cannot say it (tomlkit refuses some values)."""
    import tomlkit

    try:
        return tomlkit.dumps(tree).encode("utf-8", "surrogatepass")
    except Exception:
        return None


def load_seed(raw: bytes) -> dict:
    return tomllib.loads(raw.decode("utf-8"))


# --------------------------------------------------------------------------
# The oracle for messages
# --------------------------------------------------------------------------


def assert_clean_message(message: str) -> None:
    """One line, nothing a terminal would act on: every control or format character shown escaped."""
    assert message, "an empty error message"
    assert "\n" not in message and "\r" not in message, repr(message)
    bad = [ch for ch in message if not ch.isprintable() and ch != "\u00a0"]
    assert not bad, f"raw {[unicodedata.name(c, hex(ord(c))) for c in bad]} in {message!r}"
    assert "Traceback" not in message
