"""Error messages in German and English: the table, the errors that use it, the escaping in both languages."""

from __future__ import annotations

import ast
import errno
import os
import string

import pytest

from fwplan.catalog import load_catalog
from fwplan.errors import FwplanError, OutputError, system_reason
from fwplan.plan import PlanError, atomic_write_bytes, parse_host, parse_lan, parse_plan, read_plan_file
from tests.conftest import ROOT
from tests.hardening.fuzzing import assert_clean_message

#: Modules whose errors a user meets: every error they raise must come from the table.
USER_FACING = sorted(
    path
    for package in ("fwplan", "exporters", "tui")
    for path in (ROOT / package).rglob("*.py")
    if (ROOT / "fwplan" / "i18n") not in path.parents
)
#: English only, on purpose: the catalog's content checks (for catalog authors) and port-list parsing.
ENGLISH_ONLY = {"catalog.py", "ports.py", "dialects.py"}
ERROR_NAMES = {"FwplanError", "PlanError", "OutputError", "ExportError", "ProbeError", "UsageError", "CatalogError"}


def fields(template: str) -> set[tuple[str, str | None, str]]:
    """Each field with its conversion and format: ``{value!r}`` must quote (and so escape) in both languages."""
    return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(
    "path", [p for p in USER_FACING if p.name not in ENGLISH_ONLY], ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_english_only_error_is_raised_where_users_meet_it(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERROR_NAMES:
            assert not node.args, f"{path.name}:{node.lineno} raises {node.func.id}(text): use .about(key, ...)"


def test_str_is_english_and_message_gives_either_language():
    with pytest.raises(PlanError) as info:
        parse_lan("192.168.50.2/240")
    error = info.value
    assert str(error) == "prefix '240' in LAN address '192.168.50.2/240' is not valid; use /0 to /32"
    assert error.message("en") == str(error)
    assert error.message("de") == "Präfix '240' in LAN-Adresse '192.168.50.2/240' ist ungültig; /0 bis /32 verwenden"
    assert FwplanError("an English-only text").message("de") == "an English-only text"


@pytest.mark.parametrize(
    ("parse", "text", "german"),
    [
        (parse_lan, "", "LAN-Adresse ist leer"),
        (parse_lan, "lan", "ist keine IP-Adresse"),
        (parse_lan, "192.168.500.2/24", "keine gültige IPv4-Adresse"),
        (parse_lan, "fd00::zz", "ist keine IP-Adresse"),
        (parse_lan, "192.168.50.2/33", "Präfix '33'"),
        (parse_lan, "127.0.0.1/8", "kann keine Geräteadresse sein"),
        (parse_host, " ", "PBX-Hostname ist leer"),
        (parse_host, "999.1.1.1", "keine gültige IP-Adresse"),
        (parse_host, "xn--a.\udcff", "kein gültiger Hostname; Buchstaben, Ziffern"),
        (parse_host, "acme", "kein gültiger Hostname; einen vollständigen Namen"),
    ],
    ids=lambda v: v.__name__ if callable(v) else repr(v),
)
def test_each_input_reason_is_named_in_german(parse, text, german):
    with pytest.raises(PlanError) as info:
        parse(text)
    assert german in info.value.message("de")


NASTY = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202e"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "make",
    [
        lambda: parse_lan(NASTY),
        lambda: parse_lan(f"192.168.50.2/{NASTY}"),
        lambda: parse_host(f"a{NASTY}.de"),
        lambda: parse_plan(
            f'lan = "{NASTY.encode("unicode_escape").decode()}"\n'.encode(), load_catalog(), source=f"plan{NASTY}.toml"
        ),
        lambda: parse_plan(b"\x1b = 1\n", load_catalog(), source=f"{NASTY}.toml"),
        lambda: atomic_write_bytes(f"/nonexistent-dir/{NASTY}.csv", b"", what="export"),
    ],
    ids=["lan", "prefix", "host", "plan-file-lan", "plan-file-toml", "output"],
)
def test_user_supplied_text_is_escaped_in_both_languages(make, lang):
    with pytest.raises(FwplanError) as info:
        make()
    message = info.value.message(lang)
    assert_clean_message(message)
    assert "\\x1b" in message or "\\u202e" in message, message


def test_a_nested_error_is_shown_in_the_same_language(catalog):
    with pytest.raises(PlanError) as info:
        parse_plan(b'lan = "10.0.0.1/99"\n', catalog, source="site.toml")
    assert (
        info.value.message("de") == "Plandatei 'site.toml': Präfix '99' in LAN-Adresse '10.0.0.1/99' ist ungültig; "
        "/0 bis /32 verwenden"
    )
    assert (
        str(info.value) == "plan file 'site.toml': prefix '99' in LAN address '10.0.0.1/99' is not valid; use /0 to /32"
    )


def test_plan_file_errors_in_german(tmp_path, catalog):
    cases = [
        (tmp_path / "missing.toml", "Plandatei '{}' nicht gefunden"),
        (tmp_path, "Plandatei '{}' ist ein Verzeichnis; bitte eine .toml-Datei angeben"),
    ]
    for path, german in cases:
        with pytest.raises(PlanError) as info:
            read_plan_file(path, catalog)
        assert info.value.message("de") == german.format(path)
    for text, where in (("lan = = 1\n", "TOML: Zeile 1, Spalte 7: "), ("select = [\n", "TOML: am Ende der Datei: ")):
        (tmp_path / "bad.toml").write_text(text)
        with pytest.raises(PlanError) as info:
            read_plan_file(tmp_path / "bad.toml", catalog)
        assert "ist kein gültiges TOML: " in info.value.message("de") and where in info.value.message("de")


@pytest.mark.parametrize(
    ("toml", "english", "german"),
    [
        ("a = = 1\n", "line 1, column 5: Invalid value", "Zeile 1, Spalte 5: Invalid value"),
        ("select = [\n", "at the end of the file: Invalid value", "am Ende der Datei: Invalid value"),
    ],
)
def test_plan_and_catalog_files_say_where_toml_gives_up_alike(catalog, toml, english, german):
    from fwplan.catalog import CatalogError, parse_catalog

    with pytest.raises(PlanError) as plan_error:
        parse_plan(toml, catalog, source="plan.toml")
    with pytest.raises(CatalogError) as catalog_error:
        parse_catalog(toml, source="catalog.toml")
    for error in (plan_error.value, catalog_error.value):
        assert error.message("en").endswith(f"TOML: {english}")
        assert error.message("de").endswith(f"TOML: {german}")


def test_system_reasons_come_from_real_faults_in_both_languages(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    faults = {
        errno.ENOENT: lambda: open(tmp_path / "missing"),
        errno.EISDIR: lambda: open(tmp_path, "wb"),
        errno.ELOOP: lambda: open(tmp_path / "loop"),
        errno.ENOTDIR: lambda: os.stat(__file__ + "/x"),  # a path through a file
    }
    german = {
        errno.ENOENT: "Datei oder Verzeichnis nicht gefunden",
        errno.EISDIR: "ist ein Verzeichnis",
        errno.ELOOP: "zu viele Ebenen symbolischer Links",
        errno.ENOTDIR: "ein Teil des Pfads ist kein Verzeichnis",
    }
    for code, fault in faults.items():
        with pytest.raises(OSError) as info:
            fault()
        assert info.value.errno == code
        assert system_reason(info.value) == (german[code], info.value.strerror)
    unknown = OSError(errno.EBADMSG, os.strerror(errno.EBADMSG))
    assert system_reason(unknown) == (os.strerror(errno.EBADMSG), os.strerror(errno.EBADMSG))


def test_a_failed_write_names_what_where_and_why_in_german(tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(OutputError) as info:
        atomic_write_bytes(tmp_path / "loop", b"x", what="plan")
    assert info.value.message("de") == (
        f"Plan '{tmp_path}/loop' kann nicht geschrieben werden: zu viele Ebenen symbolischer Links"
    )
    assert str(info.value) == f"cannot write plan '{tmp_path}/loop': Too many levels of symbolic links"
