"""Nothing in fwplan runs a shell, starts a program or evaluates text from a catalog or a plan.

Scans the source of fwplan/, exporters/ and tui/ (the AST, not the text, so comments and strings do not
count). A new exception must be listed in ALLOWED with the reason it is safe.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("fwplan", "exporters", "tui")
SOURCES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))

#: Calls that evaluate text, run a shell or a program, or load objects from bytes.
FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "breakpoint",
    "input",
    "os.system",
    "os.popen",
    "os.execv",
    "os.execve",
    "os.execvp",
    "os.execvpe",
    "os.execl",
    "os.execle",
    "os.execlp",
    "os.execlpe",
    "os.spawnv",
    "os.spawnve",
    "os.spawnvp",
    "os.spawnvpe",
    "os.spawnl",
    "os.spawnle",
    "os.spawnlp",
    "os.spawnlpe",
    "os.posix_spawn",
    "os.posix_spawnp",
    "os.startfile",
    "subprocess.run",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.Popen",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "asyncio.create_subprocess_shell",
    "asyncio.create_subprocess_exec",
    "pty.spawn",
    "yaml.load",
    "yaml.unsafe_load",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "code.interact",
    "runpy.run_path",
    "runpy.run_module",
}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "yaml", "pty", "code", "runpy", "ctypes", "dill"}
#: (file, call) -> why it is safe. Keep this short.
ALLOWED = {
    (
        "exporters/clipboard.py",
        "subprocess.Popen",
    ): "runs this interpreter on the module's own fixed pyperclip snippet, without a shell; the copied text "
    "goes to the child's stdin as data, never into its command line, which holds only a number of seconds",
    (
        "exporters/__init__.py",
        "importlib.import_module",
    ): "the module name comes from the fixed REGISTRY table, looked up by a format name argparse has checked",
}
IMPORT_BY_NAME = {"importlib.import_module", "importlib.__import__"}


def dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def findings(path: Path) -> list[tuple[str, int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases: dict[str, str] = {}  # from subprocess import run as r -> r: subprocess.run
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name] = alias.name
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(("import", node.lineno, name))
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            if name is None:
                continue
            head, _, rest = name.partition(".")
            full = f"{aliases[head]}.{rest}" if head in aliases and rest else aliases.get(head, name)
            if full in FORBIDDEN_CALLS or full in IMPORT_BY_NAME:
                found.append(("call", node.lineno, full))
            for keyword in node.keywords:
                if keyword.arg == "shell":
                    found.append(("shell=", node.lineno, full))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_shell_no_program_no_eval(path):
    relative = str(path.relative_to(ROOT))
    bad = [
        f"{relative}:{line}: {kind} {name}" for kind, line, name in findings(path) if (relative, name) not in ALLOWED
    ]
    assert not bad, "\n".join(bad)


def test_the_scanner_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, pickle\nfrom subprocess import run as r\nimport subprocess as sp\n"
        "eval('1')\nos.system('x')\nr(['ls'])\nsp.Popen('ls', shell=True)\n",
        encoding="utf-8",
    )
    kinds = {(kind, name) for kind, _, name in findings(sample)}
    assert kinds == {
        ("import", "pickle"),
        ("call", "eval"),
        ("call", "os.system"),
        ("call", "subprocess.run"),
        ("call", "subprocess.Popen"),
        ("shell=", "subprocess.Popen"),
    }


def test_every_allowed_exception_is_still_there():
    for relative, name in ALLOWED:
        assert any(n == name for _, _, n in findings(ROOT / relative)), (relative, name)
