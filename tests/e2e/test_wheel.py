"""A wheel built from the repo, installed (not editable) into a fresh venv, finds its catalog and exports."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.conftest import ROOT, require_tool

# uv builds the wheel and a venv: on a fresh machine it fetches hatchling and the dependencies first
pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_wheel_installs_into_a_fresh_venv_and_exports(tmp_path):
    require_tool("uv")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "UV_PROJECT"))}
    dist = tmp_path / "dist"
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        env=env,
        timeout=300,
    )
    (wheel,) = dist.glob("fwplan-*.whl")
    venv = tmp_path / "venv"
    subprocess.run(["uv", "venv", "--quiet", str(venv)], check=True, env=env, timeout=120)
    subprocess.run(
        ["uv", "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), str(wheel)],
        check=True,
        env=env,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            str(venv / "bin" / "fwplan"),
            "export",
            "--select",
            "hostedpbx-classic",
            "--lan",
            "192.168.50.2/24",
            "--host",
            "acme.telovip.de",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert any(r["ports"] == [[9944, 9944]] for r in document["rules"])
    installed = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import fwplan.catalog as c; print(c.default_catalog_path())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    ).stdout.strip()
    assert str(venv) in installed and installed.endswith("fwplan/data/catalog.toml")
