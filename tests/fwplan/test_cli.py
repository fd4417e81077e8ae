"""The CLI contract, driven through the installed ``fwplan`` console script."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FWPLAN = str(Path(sys.executable).parent / "fwplan")
CLASSIC = ["--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "acme.telovip.de"]


def run(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", **(env or {})}
    return subprocess.run([FWPLAN, *args], capture_output=True, text=True, env=environment, cwd=cwd or ROOT, timeout=60)


def assert_user_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fwplan: error: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["export", "--select", "instantpbx/sip-phone"],
            ["'instantpbx/sip-phone'", "did you mean instantpbx/sip-phones"],
        ),
        (["export", "--select", "hostedpbx"], ["'hostedpbx'", "did you mean"]),
        (["export", "--select", "instantpbx", "--lan", "192.168.1.300"], ["'192.168.1.300'", "192.168.50.2/24"]),
        (["export", "--select", "instantpbx", "--host", "evil;rm -rf /"], ["'evil;rm -rf /'", "acme.telovip.de"]),
        (["export", "--select", "instantpbx", "--host", "=cmd|'/c calc'!A0"], ["=cmd|", "not a valid hostname"]),
        (["export", "--select", "instantpbx", "--lan", "=cmd|'/c calc'!A0"], ["not an IP address"]),
        (
            ["export", "--select", "instantpbx", "-o", "/nonexistent-dir/rules.csv"],
            ["/nonexistent-dir/rules.csv", "No such file"],
        ),
        (["export", "--select", "instantpbx", "--format", "pdf"], ["'pdf'", "csv, text, json"]),
        (["export", "--select", "instantpbx", "--max-gap", "-3"], ["--max-gap", "'-3'"]),
        (["export"], ["nothing is selected", "--select"]),
        (["export", "--plan", "/nonexistent/plan.toml"], ["plan file", "not found"]),
        (["export", "--select", "instantpbx", "--catalog", "/nonexistent/cat.toml"], ["catalog file not found"]),
        (["check-catalog", "/nonexistent/cat.toml"], ["not found"]),
        (["list", "--format", "yaml"], ["invalid choice: 'yaml'"]),
        (["--bogus"], ["unrecognized arguments: --bogus"]),
        (["--lan", "999.1.1.1"], ["'999.1.1.1'"]),
    ],
)
def test_user_errors_exit_2_with_one_line(args, words):
    assert_user_error(run(*args), *words)


def test_broken_plan_and_catalog_files_are_user_errors(tmp_path):
    plan = tmp_path / "plan.toml"
    plan.write_text("select = [\n", encoding="utf-8")
    assert_user_error(run("export", "--plan", str(plan)), "not valid TOML")
    catalog = tmp_path / "cat.toml"
    catalog.write_text('schema = 1\ndata_version = "2020-04"\n[[product]]\nid = "x"\n', encoding="utf-8")
    assert_user_error(run("check-catalog", str(catalog)), "cat.toml", "missing key 'name'")
    assert_user_error(run("export", "--select", "x", "--catalog", str(catalog)), "cat.toml")


def test_csv_header_order_and_cells():
    result = run("export", *CLASSIC, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:8] == ["rule", "direction", "protocol", "source", "destination", "ports", "purpose", "components"]
    body = rows[1:]
    assert [int(r[0]) for r in body] == list(range(1, len(body) + 1))
    assert {r[1] for r in body} == {"outbound", "inbound"}
    assert {r[2] for r in body} <= {"tcp", "udp", "tcp/udp"}
    tunnel = [r for r in body if r[5] == "9944"]
    assert sorted((r[1], r[3], r[4]) for r in tunnel) == [
        ("inbound", "acme.telovip.de", "192.168.50.2"),
        ("outbound", "192.168.50.2", "acme.telovip.de"),
    ]
    remote = next(r for r in body if r[3] == "any" and r[4] == "acme.telovip.de")
    assert remote[5] == "443,9094,9100-9101,16203,57203"
    assert "hostedpbx-classic/swyx-clients-remote" in remote[7].split(" ")


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    catalog = tmp_path / "cat.toml"
    catalog.write_text(
        'schema = 1\ndata_version = "2020-04"\n[[product]]\nid = "p"\nname = { de = "P", en = "P" }\n'
        '[[product.component]]\nid = "c"\nname = { de = "C", en = "C" }\n'
        '[[product.component.requirement]]\ndirection = "outbound"\nprotocol = "tcp"\nports = "443"\n'
        'peer = "any"\npurpose = { de = "=HYPERLINK(1)", en = "@SUM(A1)" }\n',
        encoding="utf-8",
    )
    result = run("export", "--catalog", str(catalog), "--select", "p", "--lan", "10.0.0.1", "--format", "csv")
    row = list(csv.reader(io.StringIO(result.stdout)))[1]
    assert row[6] == "'@SUM(A1)"
    german = run(
        "export",
        "--catalog",
        str(catalog),
        "--select",
        "p",
        "--lan",
        "10.0.0.1",
        "--format",
        "csv",
        "--lang",
        "de",
        "--csv-dialect",
        "excel-de",
    )
    assert german.stdout.startswith("\ufeffrule;direction;")
    assert "'=HYPERLINK(1)" in german.stdout


def test_text_format_is_aligned_per_scope_and_ends_with_the_caveat():
    result = run("export", *CLASSIC)
    lines = result.stdout.splitlines()
    headings = [i for i, line in enumerate(lines) if line.split()[:3] == ["#", "Direction", "Protocol"]]
    assert [lines[i - 4] for i in headings] == ["Internet router", "Inside the site", "Remote clients"]
    for i in headings:
        ports_column = lines[i].index("Ports")
        rows = []
        for line in lines[i + 2 :]:
            if not line:
                break
            if not line.startswith("    "):  # the per-port purposes and conditions are indented below a rule
                rows.append(line)
        assert rows and all(line[ports_column - 2 : ports_column] == "  " for line in rows)
    assert (
        lines[-1] == "Individual installations differ: agree firewall changes with your contact at the provider first."
    )
    german = run("export", *CLASSIC, env={"LANG": "de_DE.UTF-8"})
    assert "# Richtung Protokoll" in " ".join(german.stdout.split())
    assert "Ansprechpartner" in german.stdout.splitlines()[-1]


def test_text_format_starts_with_what_it_was_made_from():
    lines = run(
        "export", "--select", "hostedpbx-classic/vpn-tunnel", "--lan", "192.168.50.2", "--host", "acme.telovip.de"
    ).stdout.splitlines()
    assert lines[:5] == [
        "Catalog: Welche Ports werden verwendet? (data 2020-04)",
        "LAN address (planning document): 192.168.50.2, LAN network 192.168.50.0/24, prefix /24 assumed",
        "PBX host: acme.telovip.de",
        "VPN router: 192.168.50.2 (the LAN address; none given)",
        "Selected: hostedpbx-classic/vpn-tunnel",
    ]
    given = run(
        "export",
        "--select",
        "hostedpbx-classic/vpn-tunnel",
        "--lan",
        "192.168.50.2/24",
        "--vpn-router",
        "192.168.50.1",
        "--lang",
        "de",
    ).stdout.splitlines()
    assert given[:4] == [
        "Katalog: Welche Ports werden verwendet? (Stand 2020-04)",
        "LAN-Adresse (Planungsdokument): 192.168.50.2, LAN-Netz 192.168.50.0/24",
        "PBX-Host: nicht angegeben",
        "VPN-Router: 192.168.50.1",
    ]


def test_json_has_ranges_provenance_and_warnings():
    result = run("export", "--select", "instantpbx", "--format", "json", "--host", "acme.telovip.de")
    document = json.loads(result.stdout)
    rule = next(r for r in document["rules"] if r["protocol"] == "udp")
    assert [10000, 59999] in rule["ports"]
    assert all(isinstance(lo, int) and lo <= hi for lo, hi in rule["ports"])
    assert rule["provenance"][0]["section"].startswith("InstantPBX › ")
    assert rule["provenance"][0]["article"]
    codes = {w["code"] for w in document["warnings"]}
    assert "missing-lan" in codes and "missing-host" not in codes
    assert "<LAN network>" in {r["source"] for r in document["rules"]}
    assert document["caveat"]


def test_flags_override_the_plan_file(tmp_path):
    plan = tmp_path / "site.toml"
    plan.write_text(
        'select = ["instantpbx/webinterface"]\nlan = "10.9.9.9/24"\nhost = "old.telovip.de"\n', encoding="utf-8"
    )
    from_file = json.loads(run("export", "--plan", str(plan), "--format", "json").stdout)
    assert {r["destination"] for r in from_file["rules"]} == {"old.telovip.de"}
    overridden = json.loads(run("export", "--plan", str(plan), "--host", "new.telovip.de", "--format", "json").stdout)
    assert {r["destination"] for r in overridden["rules"]} == {"new.telovip.de"}
    assert {r["source"] for r in overridden["rules"]} == {"10.9.9.0/24"}


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "rules.csv"
    result = run("export", *CLASSIC, "--format", "csv", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr == f"fwplan: wrote csv to {out}\n"
    assert out.read_text(encoding="utf-8") == run("export", *CLASSIC, "--format", "csv").stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules.csv"]


def test_export_onto_a_directory_is_refused(tmp_path):
    assert_user_error(run("export", *CLASSIC, "-o", str(tmp_path)), "is a directory")


def test_max_entries_splits_for_multiport_targets():
    document = json.loads(run("export", *CLASSIC, "--format", "json", "--max-entries", "3", "--range-cost", "2").stdout)
    assert all(sum(1 if lo == hi else 2 for lo, hi in r["ports"]) <= 3 for r in document["rules"])
    assert any(r["part"][1] > 1 for r in document["rules"])


def test_list_shows_every_component_and_what_it_needs():
    document = json.loads(run("list", "--format", "json").stdout)
    ids = [c["id"] for p in document["products"] for c in p["components"]]
    assert len(ids) == 18 and "hostedpbx-classic/vpn-tunnel" in ids
    remote = next(c for p in document["products"] for c in p["components"] if c["id"].endswith("swyx-clients-remote"))
    assert remote["needs"] == ["host"]
    text = run("list").stdout
    assert "hostedpbx-classic/analog-adapters-direct" in text and "[conditional]" in text
    assert "only by its own id" in text
    for line in text.splitlines():
        if "/" in line:  # a component line: its id and its name are apart
            component_id = line.split()[0]
            assert (
                line.index(component_id) + len(component_id) + 2 <= len(line)
                and line[line.index(component_id) + len(component_id) :][:2] == "  "
            ), line


def test_check_catalog_summarises():
    result = run("check-catalog", str(ROOT / "catalog.toml"))
    assert result.returncode == 0
    assert "3 products, 18 components (3 conditional)" in result.stdout
    assert result.stdout.startswith(f"{ROOT / 'catalog.toml'}: valid (schema 1, data ")
    assert result.stdout.endswith(" requirements; per component and scope: 30 internet, 16 internal, 1 remote\n")


def test_the_commands_own_lines_follow_the_language(tmp_path):
    german = run("check-catalog", "catalog.toml", env={"LANG": "de_DE.UTF-8"})
    assert german.stdout.startswith("catalog.toml: gültig (Schema 1, Daten ")
    assert "3 Produkte, 18 Komponenten (3 bedingt)" in german.stdout
    out = tmp_path / "rules.txt"
    wrote = run("export", *CLASSIC, "--lang", "de", "-o", str(out))
    assert wrote.returncode == 0 and wrote.stderr == f"fwplan: text nach {out} geschrieben\n"


@pytest.mark.parametrize(("argv", "line"), [([], "fwplan: interrupted\n"), (["--lang", "de"], "fwplan: abgebrochen\n")])
def test_an_interrupted_run_says_so_and_exits_130(monkeypatch, capsys, argv, line):
    from fwplan import cli

    def interrupted(argv: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run", interrupted)
    assert cli.main(["list", *argv]) == 130
    assert capsys.readouterr().err == line


def test_broken_pipe_is_quiet():
    script = f"{FWPLAN} export --select hostedpbx-classic --format json | head -c 10 >/dev/null"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--plan", "--catalog"])
def test_an_endless_file_is_refused_not_read_into_memory(option):
    args = ["export", option, "/dev/zero"] + (["--select", "instantpbx"] if option == "--catalog" else [])
    assert_user_error(run(*args), "/dev/zero", "larger than")


GERMAN_ERRORS = [
    (
        ["export", "--select", "instantpbx", "--lan", "192.168.50.2/240"],
        "Präfix '240' in LAN-Adresse '192.168.50.2/240' ist ungültig; /0 bis /32 verwenden",
    ),
    (["export", "--select", "instantpbx", "--host", "acme"], "PBX-Hostname 'acme' ist kein gültiger Hostname"),
    (
        ["export", "--select", "instantpbx/sip-phone"],
        "unbekannte Produkt- oder Komponenten-ID 'instantpbx/sip-phone'; meinten Sie instantpbx/sip-phones,",
    ),
    (["export", "--plan", "/nonexistent/plan.toml"], "Plandatei '/nonexistent/plan.toml' nicht gefunden"),
    (
        ["export", "--select", "instantpbx", "-o", "/nonexistent-dir/rules.csv"],
        "Export '/nonexistent-dir/rules.csv' kann nicht geschrieben werden: Datei oder Verzeichnis nicht gefunden",
    ),
    (["export", "--select", "instantpbx", "--format", "pdf"], "unbekanntes Format 'pdf'; erlaubt: csv, text, json"),
    (
        ["export", "--select", "instantpbx", "--max-gap", "-3"],
        "Argument --max-gap: '-3' ist keine ganze Zahl von 0 oder mehr (siehe 'fwplan export --help')",
    ),
    (["export"], "nichts ausgewählt; im Planer eine Komponente anhaken"),
    (["probe", "--select", "instantpbx"], "kein PBX-Host angegeben; --host NAME|IP angeben"),
    (
        ["probe", "--select", "instantpbx", "--host", "acme.telovip.de", "--target", "nope"],
        "--target 'nope' ist kein Hostname und keine IP-Adresse",
    ),
    (["--catalog", "/nonexistent/cat.toml"], "/nonexistent/cat.toml: Katalogdatei nicht gefunden"),
]


@pytest.mark.parametrize(("args", "german"), GERMAN_ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_user_errors_are_german_with_lang_de(args, german):
    result = run(*args, "--lang", "de")
    assert_user_error(result, german)


@pytest.mark.parametrize(
    ("args", "german"), GERMAN_ERRORS[::2], ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_user_errors_are_german_under_a_german_locale_and_english_with_lang_en(args, german):
    german_locale = {"LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    assert_user_error(run(*args, env=german_locale), german)
    english = run(*args, "--lang", "en", env=german_locale)
    assert english.returncode == 2 and german not in english.stderr
    assert english.stderr == run(*args).stderr


def test_a_german_full_disk_keeps_the_prefix_and_names_the_reason(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run("export", *CLASSIC, "-o", "/dev/full", "--lang=de")
    assert_user_error(result, "Export '/dev/full' kann nicht geschrieben werden: kein Platz mehr auf dem Gerät")


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        (["--lang", "de"], {}, "de"),
        (["export", "--lang=de", "--select", "x"], {"LANG": "C"}, "de"),
        (["--lang", "de", "--lang", "en"], {"LANG": "de_DE.UTF-8"}, "en"),
        (["--lang", "xx"], {"LANG": "de_DE.UTF-8"}, "de"),
        (["--lang"], {"LC_ALL": "de_AT.UTF-8", "LANG": "C"}, "de"),
        (["--", "--lang", "de"], {}, "en"),
        ([], {"LANG": "en_GB.UTF-8"}, "en"),
    ],
)
def test_the_language_of_errors_is_read_before_argparse(argv, environ, lang):
    from fwplan.cli import requested_language

    assert requested_language(argv, environ) == lang
