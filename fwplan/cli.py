"""The composition root: the headless commands, and the planner's TUI (imported lazily).

Exit codes: 0 when it worked, 2 for every user error (one line on stderr:
``fwplan: error: ...``, the prefix fixed for scripts, the message in the
user's language), 1 for a failure that is not the user's (and, for
``fwplan probe``, when some probed port did not get through). A stderr that is closed or fails loses
what is written there (through ``STDERR``) but never ends a command or changes its exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TextIO

from fwplan.catalog import Catalog, CatalogError, load_catalog
from fwplan.errors import FwplanError, OutputError, printable, system_reason
from fwplan.i18n import LANGUAGES, default_language, say
from fwplan.merge import build
from fwplan.plan import (
    Plan,
    PlanError,
    atomic_write_bytes,
    check_vpn_router,
    expand_selection,
    parse_host,
    parse_lan,
    parse_vpn_router,
    read_plan_file,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG = "fwplan"
COMMANDS = ("list", "export", "check-catalog", "probe")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(FwplanError):
    """Bad command-line arguments."""


class _BadValue(argparse.ArgumentTypeError):
    """An option value one of our type functions refused; carries the error in both languages."""

    def __init__(self, error: FwplanError) -> None:
        super().__init__(str(error))
        self.error = error


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and lets the caller choose the exit."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        """``--help`` goes to stdout through ``write_stdout``, so that a full device there is one error line."""
        if file is not None:
            super().print_help(file)
        else:
            write_stdout(self.format_help())

    def error(self, message: str) -> NoReturn:
        # argparse calls this while handling the ArgumentError it made from a _BadValue of ours
        handled = sys.exc_info()[1]
        if isinstance(handled, argparse.ArgumentError) and isinstance(handled.__context__, _BadValue):
            raise UsageError.about(
                "usage.argument", argument=handled.argument_name, problem=handled.__context__.error, prog=self.prog
            )
        raise UsageError.about("usage", message=message, prog=self.prog)


def _add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", metavar="PATH", help="use this catalog instead of the built-in one")


def _add_plan_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("plan (flags override the plan file)")
    group.add_argument("--plan", metavar="FILE", help="plan file (TOML) to start from")
    group.add_argument(
        "--select",
        metavar="ID",
        action="append",
        default=None,
        help="product id (its unconditional components) or component id (a conditional item is "
        "selected only by its own id); repeat for more",
    )
    group.add_argument("--lan", metavar="ADDR[/LEN]", help="planning-document LAN address, e.g. 192.168.50.2/24")
    group.add_argument("--host", metavar="NAME|IP", help="PBX hostname, e.g. acme.telovip.de, or its IP address")
    group.add_argument(
        "--vpn-router",
        metavar="ADDR",
        help="the VPN router's local address from the planning document, where it is not the LAN "
        "address (default: the LAN address); used by the VPN tunnel's rules",
    )
    _add_catalog_option(parser)


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of names and purposes (default: from LANG/LC_ALL)"
    )


def build_tui_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Plan the firewall rules for InstantPBX and HostedPBX. Without a command, opens the planner.",
        epilog="commands:\n"
        "  list            products and components, with ids and what each needs\n"
        "  export          the merged rule set as csv, text, json or a router format\n"
        "  check-catalog   validate a catalog file and summarise it\n"
        "  probe           on site: check that the planned outbound ports to the PBX get through\n"
        f"Run '{PROG} COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_plan_options(parser)
    _add_lang_option(parser)
    return parser


def build_list_parser() -> _Parser:
    parser = _Parser(prog=f"{PROG} list", description="List products and components with their ids.")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang_option(parser)
    _add_catalog_option(parser)
    return parser


def export_format_names() -> tuple[str, ...]:
    from exporters.render import format_names

    return format_names()


def build_export_parser() -> _Parser:
    parser = _Parser(prog=f"{PROG} export", description="Export the merged, minimal rule set.")
    _add_plan_options(parser)
    parser.add_argument(
        "--format",
        default=None,
        metavar="FORMAT",
        help=f"one of: {', '.join(export_format_names())} (default: the plan's [export] format, else text)",
    )
    parser.add_argument("-o", "--output", metavar="PATH", default="-", help="file to write, or - for stdout (default)")
    _add_lang_option(parser)
    parser.add_argument(
        "--csv-dialect",
        choices=("rfc4180", "excel-de"),
        default=None,
        help="excel-de: ';' separator and a BOM, for spreadsheets in German locales",
    )
    parser.add_argument(
        "--separate-protocols",
        action="store_true",
        help="keep TCP and UDP rules apart instead of fusing them into tcp/udp",
    )
    parser.add_argument(
        "--max-gap",
        type=_non_negative_int,
        default=0,
        metavar="N",
        help="merge port ranges across gaps of at most N ports; the extra ports are reported "
        "(default 0: never open more than the article asks)",
    )
    parser.add_argument(
        "--max-entries",
        type=_positive_int,
        default=None,
        metavar="N",
        help="split rules so that none has more than N port entries",
    )
    parser.add_argument(
        "--range-cost",
        type=_positive_int,
        default=None,
        metavar="N",
        help="entries a port range counts as with --max-entries (iptables multiport: 2)",
    )
    parser.add_argument(
        "--scope",
        action="append",
        type=_scopes,
        default=None,
        metavar="SCOPE",
        help="which rules: internet (the site's internet router), internal (between LAN segments), "
        "remote (remote clients' networks) or all; repeat or give a comma list (default: all "
        "for csv, text, json and markdown, internet for router formats)",
    )
    parser.add_argument(
        "--resolve",
        action="store_true",
        help="resolve the PBX hostname at export time where the format cannot take a name",
    )
    router = parser.add_argument_group("the site's router (router formats; a plan's [export] table sets them too)")
    router.add_argument(
        "--wan-if",
        type=_interface,
        default=None,
        metavar="NAME",
        help="the router's internet interface (or interface list); each format has a default",
    )
    router.add_argument(
        "--lan-if",
        type=_interface,
        default=None,
        metavar="NAME",
        help="the router's LAN interface (or interface list); each format has a default",
    )
    router.add_argument(
        "--no-nat",
        dest="nat",
        action="store_false",
        default=None,
        help="the LAN is routed (public addresses): plain filter rules, no port forwards or NAT",
    )
    router.add_argument(
        "--nat",
        dest="nat",
        action="store_true",
        help="the LAN is private IPv4 behind NAT (the default; overrides a plan's nat = false)",
    )
    router.add_argument(
        "--masquerade",
        action="store_true",
        default=None,
        help="nftables, iptables: add the outbound source NAT (a Linux router usually has it)",
    )
    router.add_argument(
        "--no-masquerade",
        dest="masquerade",
        action="store_false",
        help="no outbound source NAT (the default; overrides a plan's masquerade = true)",
    )
    router.add_argument(
        "--name-prefix",
        type=_name_prefix,
        default=None,
        metavar="PREFIX",
        help="prefix of the objects the export creates (default fwplan)",
    )
    router.add_argument(
        "--plain-acl",
        action="store_true",
        default=None,
        help="cisco-ios: plain access lists to merge into yours, instead of the zone-based firewall",
    )
    router.add_argument(
        "--no-plain-acl",
        dest="plain_acl",
        action="store_false",
        help="cisco-ios: the zone-based firewall (the default; overrides a plan's plain_acl = true)",
    )
    from exporters.dialects import DIALECTS

    parser.add_argument(
        "--dialect",
        choices=(*DIALECTS, "none"),
        default=None,
        metavar="NAME",
        help="print only each rule's port list, written the way that router's port field wants it "
        f"(one rule per line; a blank line between multi-line lists): {', '.join(DIALECTS)}; "
        "none: the whole file, even where the plan's [export] sets a dialect",
    )
    return parser


def build_check_parser() -> _Parser:
    parser = _Parser(prog=f"{PROG} check-catalog", description="Validate a catalog file and summarise it.")
    parser.add_argument("path", metavar="PATH")
    return parser


def build_probe_parser() -> _Parser:
    from fwplan.probe import DEFAULT_PARALLEL, DEFAULT_TIMEOUT, MAX_TIMEOUT

    parser = _Parser(
        prog=f"{PROG} probe",
        description="On site, after the router is configured: check that the planned outbound ports to the PBX "
        "get through. TCP ports get a connect (large ranges are sampled: each end and a few inside); "
        "UDP 5060 gets a SIP OPTIONS request and UDP 3478 a STUN Binding request; other UDP ports "
        "are listed as not testable. Only the PBX host and the --target you give are contacted.",
        epilog="results: open (connected or answered), refused (the host answered: the path is open, nothing "
        "listens), filtered (no answer within the timeout), unreachable (an ICMP error or no route), "
        "not run (the run's deadline came first). Progress goes to stderr: a bar on a terminal, one line "
        "per probe otherwise. The whole run ends within timeout x (ceil(probes / parallel) + 1) + 0.5 s. "
        "Exit codes: 0 when every probed port got through (open or refused), 1 when some did not, "
        "2 for a user error.",
    )
    _add_plan_options(parser)
    parser.add_argument(
        "--target",
        metavar="HOST",
        help="host (name or IP) to check the rules to 'any' against; without it they are skipped",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds to wait for each probe (default {DEFAULT_TIMEOUT:g}, at most {MAX_TIMEOUT:g})",
    )
    parser.add_argument(
        "--parallel",
        type=_positive_int,
        default=DEFAULT_PARALLEL,
        metavar="N",
        help=f"probes at once (default {DEFAULT_PARALLEL})",
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="results on stdout as a text table (default), csv or json",
    )
    _add_lang_option(parser)
    return parser


def _seconds(text: str) -> float:
    from fwplan.probe import MAX_TIMEOUT

    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_TIMEOUT:  # also false for nan
        raise _BadValue(UsageError.about("usage.seconds", value=text, most=MAX_TIMEOUT))
    return value


def _scopes(text: str) -> tuple[str, ...]:
    from fwplan.catalog import SCOPES

    chosen: list[str] = []
    for item in text.split(","):
        item = item.strip()
        if item == "all":
            chosen.extend(SCOPES)
        elif item in SCOPES:
            chosen.append(item)
        else:
            raise _BadValue(UsageError.about("usage.scope", value=item, accepted=", ".join(SCOPES + ("all",))))
    return tuple(chosen)


def _interface(text: str) -> str:
    from fwplan.plan import parse_interface

    try:
        return parse_interface(text)
    except PlanError as exc:
        raise _BadValue(exc) from None


def _name_prefix(text: str) -> str:
    from fwplan.plan import parse_name_prefix

    try:
        return parse_name_prefix(text)
    except PlanError as exc:
        raise _BadValue(exc) from None


def _non_negative_int(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise _BadValue(UsageError.about("usage.whole_number", value=text))
    return int(text)


def _positive_int(text: str) -> int:
    value = _non_negative_int(text)
    if value < 1:
        raise _BadValue(UsageError.about("usage.at_least_one", value=text))
    return value


# --------------------------------------------------------------------------
# Shared steps
# --------------------------------------------------------------------------


class Inputs(NamedTuple):
    """What the commands work on: the catalog, the plan, the language."""

    catalog: Catalog
    plan: Plan
    lang: str


def load_inputs(args: argparse.Namespace) -> Inputs:
    catalog = load_catalog(args.catalog)
    plan = read_plan_file(args.plan, catalog) if args.plan else Plan()
    if args.select is not None:
        plan = plan.with_selection(expand_selection(catalog, args.select))
    if args.lan is not None:
        plan = replace(plan, lan=parse_lan(args.lan))
    if args.host is not None:
        plan = replace(plan, host=parse_host(args.host))
    if args.vpn_router is not None:
        plan = replace(plan, vpn_router=parse_vpn_router(args.vpn_router))
    check_vpn_router(plan)
    return Inputs(catalog, plan, args.lang or default_language())


def write_output(text: str, output: str) -> None:
    """Write ``text`` to the file ``output``, or to stdout for ``-``; a failure is an ``OutputError``."""
    if output == "-":
        write_stdout(text)
        return
    atomic_write_bytes(Path(output), text.encode("utf-8"), what="export")


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout and flush it; a full device, a closed descriptor or an I/O error is an
    ``OutputError`` (a broken pipe stays a ``BrokenPipeError``: the reader has gone, which is no error).

    After a failure stdout points at the null device, so that the flush at exit does not fail again.
    """
    stream = sys.stdout
    try:
        if stream is None:  # the descriptor was closed when Python started
            raise OutputError.about("write.stdout_closed")
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise OutputError.about("write.stdout", reason=system_reason(exc)) from None
    except ValueError:  # closed inside Python: "I/O operation on closed file"
        _silence_stdout()
        raise OutputError.about("write.stdout_closed") from None


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def cmd_tui(args: argparse.Namespace) -> int:
    inputs = load_inputs(args)
    try:
        from tui.app import run_planner
    except ImportError:
        raise FwplanError.about("usage.no_tui") from None
    return run_planner(inputs.catalog, inputs.plan, inputs.lang, plan_path=args.plan) or EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    lang = args.lang or default_language()
    if args.format == "json":
        import json

        document = {
            "data_version": catalog.data_version,
            "products": [
                {
                    "id": product.id,
                    "name": product.name.get(lang),
                    "components": [
                        {
                            "id": c.id,
                            "name": c.name.get(lang),
                            "parent": c.parent,
                            "condition": c.condition.text.get(lang) if c.condition else None,
                            "needs": sorted(catalog.needs(c.id)),
                        }
                        for c in product.components
                    ],
                }
                for product in catalog.products
            ],
        }
        write_stdout(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = []
    width = max(len(("    " if c.parent else "  ") + c.id) for c in catalog.components) + 2
    label = say("list.needs", lang)
    needs_words = {
        "lan": say("list.needs.lan", lang),
        "vpn": say("list.needs.vpn", lang),
        "host": say("list.needs.host", lang),
    }
    for product in catalog.products:
        lines.append(f"{product.id}  {product.name.get(lang)}")
        for c in product.components:
            indent = "    " if c.parent else "  "
            needs = ", ".join(word for n, word in needs_words.items() if n in catalog.needs(c.id)) or "-"
            condition = say("list.conditional", lang) if c.condition else ""
            lines.append(f"{(indent + c.id).ljust(width)}{c.name.get(lang)}{condition}  ({label}: {needs})")
        lines.append("")
    lines.append(say("list.select", lang))
    write_stdout("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from exporters.render import ROUTER_OPTIONS, ExportSettings, format_names, render_export

    inputs = load_inputs(args)
    names = format_names()
    format_name = args.format or inputs.plan.export.format or "text"
    if format_name not in names:
        raise UsageError.about("usage.unknown_format", value=format_name, accepted=", ".join(names))
    given = {
        key: value
        for key, value in (
            ("separate_protocols", args.separate_protocols or None),
            ("max_entries", args.max_entries),
            ("range_cost", args.range_cost),
            ("csv_german", args.csv_dialect),
            ("resolve", args.resolve or None),
            ("wan_if", args.wan_if),
            ("lan_if", args.lan_if),
            ("nat", args.nat),
            ("masquerade", args.masquerade),
            ("name_prefix", args.name_prefix),
            ("plain_acl", args.plain_acl),
        )
        if value is not None
    }
    # --no-masquerade and --no-plain-acl only undo a plan's setting: a format without the option is not refused
    refusable = {k for k, v in given.items() if not (k in ("masquerade", "plain_acl") and v is False)}
    overridden = set(given) | ({"dialect"} if args.dialect == "none" else set())
    settings = ExportSettings(
        lang=inputs.lang,
        separate_protocols=args.separate_protocols,
        max_gap=args.max_gap,
        max_entries=args.max_entries,
        range_cost=args.range_cost or 1,
        csv_german=args.csv_dialect == "excel-de",
        resolve=args.resolve,
        dialect=None if args.dialect == "none" else args.dialect,
        scopes=tuple(dict.fromkeys(s for group in args.scope for s in group)) if args.scope else None,
        **{k: v for k, v in given.items() if k in ROUTER_OPTIONS},
        given=frozenset(refusable),
    ).with_prefs(inputs.plan.export, format_name, overridden=frozenset(overridden))
    text = render_export(inputs.catalog, inputs.plan, format_name, settings)
    write_output(text, args.output)
    if args.output != "-":
        _to_stderr(f"{PROG}: {say('cli.wrote', inputs.lang, format=format_name, path=printable(args.output))}")
    return EXIT_OK


def cmd_probe(args: argparse.Namespace) -> int:
    import asyncio

    from fwplan.probe import ProbeOptions, plan_probe, run_probe
    from fwplan.probe.formats import PROBE_FORMATS, StderrProgress, start_line

    inputs = load_inputs(args)
    if not inputs.plan.selected:
        raise UsageError.about("usage.probe_nothing")
    if inputs.plan.host is None:
        raise UsageError.about("usage.probe_no_host")
    target = None
    if args.target is not None:
        try:
            target = parse_host(args.target).value
        except PlanError:
            raise UsageError.about("usage.bad_target", value=args.target) from None
    options = ProbeOptions(args.timeout, args.parallel)
    probe_plan = plan_probe(build(inputs.catalog, inputs.plan), inputs.plan, target)
    _to_stderr(f"{PROG} probe: {start_line(probe_plan, options, inputs.lang)}")
    if target is not None and target not in probe_plan.hosts:
        _to_stderr(f"{PROG} probe: {say('probe.target_unused', inputs.lang, target=target)}")
    progress = StderrProgress(STDERR, f"{PROG} probe", lang=inputs.lang)
    try:
        report = asyncio.run(run_probe(probe_plan, options, progress))
    finally:
        progress.finish()
    write_output(PROBE_FORMATS[args.format](report, inputs.lang), "-")
    return EXIT_OK if report.all_passed else EXIT_FAILURE


def cmd_check_catalog(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.path)
    lang = default_language()
    components = catalog.components
    conditional = sum(1 for c in components if c.condition)
    requirements = sum(len(c.requirements) for c in components) + sum(
        len(g.requirements) for g in catalog.groups.values()
    )
    from fwplan.catalog import SCOPES

    scopes = dict.fromkeys(SCOPES, 0)
    for c in components:
        for demand in catalog.demands(c.id):
            scopes[demand.scope] += 1
    per_scope = ", ".join(f"{n} {scope}" for scope, n in scopes.items())  # the scopes' ids, as --scope takes them
    summary = say(
        "cli.check_catalog",
        lang,
        path=printable(args.path),
        schema=catalog.schema,
        data=catalog.data_version,
        products=len(catalog.products),
        components=len(components),
        conditional=conditional,
        groups=len(catalog.groups),
        requirements=requirements,
        per_scope=per_scope,
    )
    write_stdout(summary + "\n")
    return EXIT_OK


HANDLERS = {
    "list": (build_list_parser, cmd_list),
    "export": (build_export_parser, cmd_export),
    "check-catalog": (build_check_parser, cmd_check_catalog),
    "probe": (build_probe_parser, cmd_probe),
}


def run(argv: Sequence[str]) -> int:
    argv = list(argv)
    if argv and argv[0] in HANDLERS:
        make_parser, handler = HANDLERS[argv[0]]
        argv = argv[1:]
    else:
        make_parser, handler = build_tui_parser, cmd_tui
    args = make_parser().parse_args(argv)
    return handler(args)


def requested_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of the run: the last valid ``--lang`` in ``argv``, else the locale's.

    Read before argparse, so that its errors, too, are in the user's language.
    """
    lang = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            lang = value
    return lang or default_language(environ)


def error_line(error: FwplanError, lang: str) -> str:
    """The one line a user error gives on stderr: the prefix stays English for scripts, the message follows lang."""
    return f"{PROG}: error: {_one_line(error.message(lang))}"


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        code = run(argv)
    except (FwplanError, CatalogError, PlanError, OutputError) as exc:
        _to_stderr(error_line(exc, requested_language(argv)))
        code = EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_OK
    except KeyboardInterrupt:
        _to_stderr(f"{PROG}: {say('cli.interrupted', requested_language(argv))}")
        code = 130
    return code


def _one_line(message: str) -> str:
    return printable(" ".join(message.split()))


def _silence_stdout() -> None:
    """Point stdout at the null device: what is still buffered is dropped at exit instead of failing again
    (Python's documentation on SIGPIPE does the same)."""
    import os

    try:
        fd = sys.stdout.fileno() if sys.stdout is not None else 1
    except (OSError, ValueError):
        fd = 1
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


class GuardedStderr:
    """The one way to stderr: ``sys.stderr`` as it is at each write, written and flushed at once.

    Where stderr is closed (``None`` when descriptor 2 was closed at start, or closed inside Python) or
    fails (a full device, an I/O error, a reader gone), there is nowhere left to say anything: what is
    written is dropped, and after the first failure that stream is not tried again. Neither ends the
    command nor changes its exit code: stderr only carries messages and progress, never results.
    """

    def __init__(self) -> None:
        self._failed: object = None  # the stream that failed, kept to know it again

    def _stream(self) -> TextIO | None:
        stream = sys.stderr
        return None if stream is None or stream is self._failed else stream

    def write(self, text: str, /) -> None:
        stream = self._stream()
        if stream is None:
            return
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):  # ValueError: "I/O operation on closed file"
            self._failed = stream

    def flush(self) -> None:
        """Nothing to do: ``write`` flushes."""

    def isatty(self) -> bool:
        stream = self._stream()
        try:
            return stream is not None and stream.isatty()
        except (OSError, ValueError):
            return False


STDERR = GuardedStderr()


def _to_stderr(line: str) -> None:
    """One line on stderr, through ``STDERR``."""
    STDERR.write(line + "\n")


if __name__ == "__main__":
    sys.exit(main())
