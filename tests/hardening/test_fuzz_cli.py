"""Fuzzing the command line: any argv exits 0 or 2, errors are one clean line, nothing raw reaches stderr.

Driven in-process through ``fwplan.cli.main`` (fast); a handful of subprocess runs check the real
console script. The planner's own command line (no subcommand) is parsed and its inputs loaded exactly
as ``cmd_tui`` does, without starting the app. ``probe`` is left out: it would contact hosts.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from fwplan import cli
from fwplan.errors import FwplanError
from tests.hardening.fuzzing import (
    CATALOG_BYTES,
    NASTY_TEXT,
    PLAN_SEEDS,
    assert_clean_message,
    fuzz_settings,
    mutated_bytes,
)

FWPLAN = str(Path(sys.executable).parent / "fwplan")
#: Values for any option; none names a path outside the fuzzing directory (the tests run there).
SAFE_TEXT = [t for t in NASTY_TEXT if "/" not in t and ".." not in t and "\\" not in t]
FORMATS = [
    "csv",
    "text",
    "json",
    "nftables",
    "iptables",
    "routeros",
    "cisco",
    "cisco-ios",
    "fritzbox",
    "markdown",
    "pdf",
]


def populate(root: Path) -> Path:
    """Write the good and bad catalogs and plans afresh: a fuzzed ``-o`` may have overwritten them."""
    (root / "catalog.toml").write_bytes(CATALOG_BYTES)
    for name, raw in PLAN_SEEDS.items():
        (root / name).write_bytes(raw)
    (root / "dir").mkdir(exist_ok=True)
    (root / "bad-catalog.toml").write_bytes(CATALOG_BYTES.replace(b'peer = "pbx-host"', b'peer = "\\u001b[2J"', 1))
    (root / "bad-plan.toml").write_bytes(b'host = "\\u001b]52;c;ZXZpbA==\\u0007"\n')
    return root


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    """The current directory while fuzzing, shared by the examples, each of which repopulates it."""
    return tmp_path_factory.mktemp("cli-fuzz")


@pytest.fixture
def workdir(tmp_path):
    """A directory with a good and some bad catalogs and plans, used as the current directory."""
    return populate(tmp_path)


PATHS = [
    "catalog.toml",
    *PLAN_SEEDS,
    "dir",
    "missing.toml",
    "bad-catalog.toml",
    "bad-plan.toml",
    "mutated.toml",
    "out.txt",
    "dir/out.csv",
    "missing-dir/out.csv",
    "-",
    "",
]

path_values = st.sampled_from(PATHS)
free_values = st.one_of(
    st.sampled_from(SAFE_TEXT), st.text(max_size=20).filter(lambda t: "/" not in t and ".." not in t)
)
OPTION_VALUES = {
    "--catalog": path_values,
    "--plan": path_values,
    "-o": path_values,
    "--output": path_values,
    "--select": st.one_of(
        st.sampled_from(
            [
                "instantpbx",
                "hostedpbx-classic",
                "hostedpbx-vpnless",
                "instantpbx/sip-phones",
                "hostedpbx-classic/vpn-tunnel",
            ]
        ),
        free_values,
    ),
    "--lan": st.one_of(
        st.sampled_from(["192.168.50.2/24", "10.0.0.1", "fd00::5", "8.8.4.4/24", "192.168.1.300"]), free_values
    ),
    "--host": st.one_of(
        st.sampled_from(["acme.telovip.de", "203.0.113.10", "münchen.telovip.de", "\x1b[2J"]), free_values
    ),
    "--format": st.one_of(st.sampled_from(FORMATS), free_values),
    "--lang": st.one_of(st.sampled_from(["de", "en"]), free_values),
    "--csv-dialect": st.one_of(st.sampled_from(["rfc4180", "excel-de"]), free_values),
    "--max-gap": st.one_of(st.sampled_from(["0", "3", "65535", "99999999999999999999", "-1", "²"]), free_values),
    "--max-entries": st.one_of(st.sampled_from(["1", "2", "15", "0", "10" * 30]), free_values),
    "--range-cost": st.one_of(st.sampled_from(["1", "2", "0"]), free_values),
    "--dialect": st.one_of(st.sampled_from(["fritzbox", "routeros", "cisco", "nope"]), free_values),
}
FLAGS = [
    "--separate-protocols",
    "--resolve",
    "--",
    "-",
    "--bogus",
    "-x",
    "--sel",
    "--format=csv",
    "--lan=",
    "--host=\x1b[2J",
    "-o-",
]


@st.composite
def argvs(draw) -> list[str]:
    command = draw(st.sampled_from(["export", "export", "export", "list", "check-catalog", None]))
    argv = [command] if command else []
    if command == "check-catalog":
        argv.append(draw(st.one_of(path_values, free_values)))
    if command == "export" and draw(st.booleans()):  # often a working export, so that the options get used
        argv += ["--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "acme.telovip.de"]
    for _ in range(draw(st.integers(0, 7))):
        kind = draw(st.integers(0, 9))
        if kind < 7:
            option = draw(st.sampled_from(sorted(OPTION_VALUES)))
            argv.append(option)
            if draw(st.integers(0, 9)):  # now and then an option without its value
                argv.append(draw(OPTION_VALUES[option]))
        elif kind < 9:
            argv.append(draw(st.sampled_from(FLAGS)))
        else:
            argv.append(draw(free_values))
    if "--resolve" in argv:
        argv.remove("--resolve")  # it would ask the system's resolver; tested with /etc/hosts elsewhere
    return argv


def run_in(directory: Path, argv: list[str]) -> tuple[int, str, str]:
    """``run_in_process`` with ``directory`` as the current directory, where relative paths point."""
    previous = os.getcwd()
    os.chdir(directory)
    try:
        return run_in_process(argv)
    finally:
        os.chdir(previous)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        if argv and argv[0] in cli.HANDLERS:
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # --help
                code = exc.code
        else:
            code = _planner_arguments(argv)
    return code, out.getvalue(), err.getvalue()


def _planner_arguments(argv: list[str]) -> int:
    """What ``fwplan [options]`` does before the app starts: parse, load the catalog and the plan."""
    try:
        cli.load_inputs(cli.build_tui_parser().parse_args(argv))
    except SystemExit as exc:
        return exc.code
    except FwplanError as exc:
        print(cli.error_line(exc, cli.requested_language(argv)), file=sys.stderr)
        return cli.EXIT_USAGE
    return cli.EXIT_OK


def assert_cli_contract(argv: list[str], code: int, out: str, err: str) -> None:
    assert code in (0, 2), (argv, code, err)
    assert "Traceback" not in err
    if code == 2:
        lines = err.splitlines()
        assert len(lines) == 1, (argv, err)
        assert lines[0].startswith("fwplan: error: "), (argv, err)
        assert_clean_message(lines[0])
    else:
        for line in err.splitlines():
            assert_clean_message(line)


@fuzz_settings(250)
@given(argv=argvs(), mutated=mutated_bytes(CATALOG_BYTES[:3000]) | mutated_bytes(PLAN_SEEDS["classic-name.toml"]))
def test_any_command_line_exits_0_or_2_with_one_clean_line(fuzz_dir, argv, mutated):
    populate(fuzz_dir)
    (fuzz_dir / "mutated.toml").write_bytes(mutated)
    code, out, err = run_in(fuzz_dir, argv)
    event(f"exit {code}")
    assert_cli_contract(argv, code, out, err)


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--select", "instantpbx", "--host", "\x1b[2J"],
        ["export", "--select", "\x1b[2J\x1b]52;c;ZXZpbA==\x07"],
        ["export", "--plan", "bad-plan.toml"],
        ["export", "--select", "instantpbx", "--catalog", "bad-catalog.toml"],
        ["export", "--select", "instantpbx", "--catalog", "\x1b[2J.toml"],
        ["export", "--select", "instantpbx", "-o", "dir/\x1b[2J/out.csv"],
        ["check-catalog", "\x1b[2J"],
        ["\x1b[2J"],
        ["export", "--bogus\x1b[2J"],
        ["list", "--format", "\x1b[2J"],
        ["export", "--select", "instantpbx", "--max-gap", "\x1b[2J"],
        ["export", "--select", "instantpbx", "--lan", "\u202e1.1.1.1"],
    ],
    ids=lambda argv: " ".join(argv).encode("unicode_escape").decode(),
)
@pytest.mark.parametrize("locale", ["C.UTF-8", "de_DE.UTF-8"])
def test_escapes_in_arguments_come_back_escaped(workdir, argv, locale, monkeypatch):
    monkeypatch.setenv("LC_ALL", locale)  # the messages in English, then in German
    code, out, err = run_in(workdir, argv)
    assert code == 2
    assert_cli_contract(argv, code, out, err)
    assert any(shown in err for shown in ("\\x1b", "\\u202e", "U+001B", "U+202E")), err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--select", "instantpbx", "--host", "\x1b[2J"],
        ["export", "--plan", "bad-plan.toml"],
        ["--bogus\x1b[2J"],
        ["export", "--select", "instantpbx", "--catalog", "dir"],
        ["export", "--select", "instantpbx", "-o", "dir"],
        ["probe", "--select", "instantpbx"],
        ["probe", "--select", "instantpbx", "--host", "acme.telovip.de", "--timeout", "nan"],
    ],
    ids=lambda argv: " ".join(argv).encode("unicode_escape").decode(),
)
def test_console_script_user_errors(workdir, argv):
    result = subprocess.run(
        [FWPLAN, *argv], capture_output=True, text=True, cwd=workdir, timeout=60, env={**os.environ, "LANG": "C.UTF-8"}
    )
    assert_cli_contract(argv, result.returncode, result.stdout, result.stderr)
    assert result.returncode == 2


def test_console_script_with_non_utf8_arguments(workdir):
    result = subprocess.run(
        [FWPLAN.encode(), b"export", b"--select", b"\xff\xfe\x1b[2J"],
        capture_output=True,
        cwd=workdir,
        timeout=60,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 2
    assert_clean_message(result.stderr.decode("utf-8", "backslashreplace").rstrip("\n"))
