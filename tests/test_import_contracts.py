"""Imports flow one way: tui and exporters use fwplan; the core never imports them or textual."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

FORBIDDEN_IN_CORE = ("textual", "tui", "exporters", "rich")


def _imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node


CORE_FILES = sorted(p for p in (ROOT / "fwplan").rglob("*.py") if p.name != "cli.py")


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_never_imports_ui_or_exporters(path):
    for module, _node in _imported_modules(path):
        root = module.split(".")[0]
        assert root not in FORBIDDEN_IN_CORE, f"{path.name} imports {module}"


def test_cli_imports_ui_and_exporters_only_lazily():
    path = ROOT / "fwplan" / "cli.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:  # module level only: imports inside functions are lazy
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN_IN_CORE, f"cli.py imports {name} at module level"


@pytest.mark.parametrize("package", ["exporters"])
def test_exporters_never_import_textual(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        for module, _node in _imported_modules(path):
            assert module.split(".")[0] not in ("textual", "tui"), f"{path.name} imports {module}"


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["export", "--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "acme.telovip.de"],
        ["export", "--select", "instantpbx", "--format", "json"],
        ["check-catalog", str(ROOT / "catalog.toml")],
        ["export", "--select", "nope"],
        ["probe", "--select", "instantpbx"],
    ],
    ids=lambda argv: argv[0],
)
def test_headless_commands_do_not_import_textual(argv):
    code = (
        "import sys\n"
        "from fwplan.cli import main\n"
        f"rc = main({argv!r})\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui', 'rich'))\n"
        "sys.stdout.flush()\n"
        "print('LEAKED', leaked, file=sys.stderr)\n"
        "sys.exit(0 if not leaked else 99)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "LEAKED []" in result.stderr
