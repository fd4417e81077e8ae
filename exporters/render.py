"""One way to turn a plan into an export: the CLI's `fwplan export` and the planner's export dialog both call it.

Every option is either applied by the chosen format or refused with one line naming the option and the
format: nothing is silently ignored.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import exporters
from fwplan.catalog import SCOPES, Catalog
from fwplan.errors import FwplanError
from fwplan.i18n import text
from fwplan.merge import Limits, MergeOptions, RuleSet, build
from fwplan.plan import ExportPrefs, Plan

ROUTER_SCOPES = ("internet",)
#: The site router's settings, named as ``exporters.base.RouterSettings`` names its fields.
ROUTER_OPTIONS = ("wan_if", "lan_if", "nat", "masquerade", "name_prefix", "plain_acl")

#: The options some formats do not take, with the flag that names them.
OPTION_FLAGS = {
    "separate_protocols": "--separate-protocols",
    "max_entries": "--max-entries",
    "range_cost": "--range-cost",
    "csv_german": "--csv-dialect",
    "resolve": "--resolve",
    "wan_if": "--wan-if",
    "lan_if": "--lan-if",
    "nat": "--nat/--no-nat",
    "masquerade": "--masquerade",
    "name_prefix": "--name-prefix",
    "plain_acl": "--plain-acl",
}


class ExportSettings(NamedTuple):
    """The options of `fwplan export`, with its defaults.

    ``given`` names the options the user set (keys of OPTION_FLAGS): a format that does not apply one
    of them refuses it.
    """

    lang: str = "en"
    separate_protocols: bool = False
    max_gap: int = 0
    max_entries: int | None = None  # document formats only: routers bring their own limits
    range_cost: int = 1
    csv_german: bool = False
    resolve: bool = False
    dialect: str | None = None  # only each rule's port list, in this dialect
    #: Which scopes to export; None: every scope for the document formats, the internet router's for routers.
    scopes: tuple[str, ...] | None = None
    wan_if: str | None = None
    lan_if: str | None = None
    nat: bool = True
    masquerade: bool = False
    name_prefix: str = "fwplan"
    plain_acl: bool = False
    given: frozenset[str] = frozenset()

    def with_prefs(
        self, prefs: ExportPrefs, format_name: str, overridden: frozenset[str] = frozenset()
    ) -> ExportSettings:
        """These settings with a plan's ``[export]`` values filled in where the user gave no flag.

        ``overridden`` names further keys a flag set back to the default (``--no-masquerade``,
        ``--dialect none``): the plan's values for them are left out too, as are values the format
        does not take (they belong to the plan's own format).
        """
        accepted = accepted_options(format_name)
        skip = self.given | overridden
        # each value has its field's type: ExportPrefs checked it when the plan was read
        values: dict[str, Any] = {}
        for key, value in prefs.items().items():
            if key in ("format",) or key in skip or (key in OPTION_FLAGS and key not in accepted):
                continue
            if key == "dialect" and self.dialect is not None:
                continue
            values[key] = value
        if values.get("dialect") or self.dialect:  # port lists only: the router's settings do not apply
            values = {k: v for k, v in values.items() if k not in OPTION_FLAGS or k in DIALECT_OPTIONS}
        return self._replace(**values, given=self.given | (values.keys() & OPTION_FLAGS.keys()))


def format_names() -> tuple[str, ...]:
    return exporters.names()


def format_suffixes() -> dict[str, str]:
    """Every format with its file suffix."""
    formats = {}
    for name in exporters.names():
        suffix = exporters.get(name).suffix
        formats[name] = suffix if suffix.startswith(".") or not suffix else f".{suffix}"
    return formats


def default_scopes(format_name: str) -> tuple[str, ...]:
    return SCOPES if exporters.is_document(format_name) else ROUTER_SCOPES


def accepted_options(format_name: str) -> frozenset[str]:
    """The options of OPTION_FLAGS that the format applies."""
    exporter = exporters.get(format_name)
    accepted = set(exporter.options) | {"separate_protocols"}  # a format that never fuses has them apart already
    if not exporter.takes_names:
        accepted.add("resolve")
    return frozenset(accepted)


#: What still applies with --dialect, which prints only each rule's port list.
DIALECT_OPTIONS = frozenset(("separate_protocols", "max_entries", "range_cost"))


def check_options(format_name: str, settings: ExportSettings) -> None:
    """Refuse, in one line, an option the user gave that the format would not apply."""
    accepted = accepted_options(format_name)
    if settings.dialect:
        accepted &= DIALECT_OPTIONS
        format_name = f"{format_name} --dialect {settings.dialect}"
    if "range_cost" in settings.given and "max_entries" not in settings.given:
        accepted -= {"range_cost"}
    for key, flag in OPTION_FLAGS.items():
        if key in settings.given and key not in accepted:
            flags = ", ".join(f for k, f in OPTION_FLAGS.items() if k in accepted)
            raise FwplanError.about(
                "export.option_unused",
                option=flag,
                format=format_name,
                accepted=flags or text("export.options_none"),
            )


#: Linux interface names (IFNAMSIZ 16 with the NUL; '/' and ':' are refused or mean aliases).
LINUX_FORMATS = frozenset(("nftables", "iptables"))


def check_router(format_name: str, plan: Plan, settings: ExportSettings) -> None:
    """Refuse router settings that cannot work: masquerading where nothing is translated, a Linux
    interface name Linux would refuse."""
    if settings.masquerade and "masquerade" in accepted_options(format_name):
        v6 = plan.lan is not None and plan.lan.version == 6
        if v6 or not settings.nat:
            why = text("export.masquerade.v6" if v6 else "export.masquerade.routed")
            raise FwplanError.about("export.masquerade_no_nat", why=why)
    if format_name in LINUX_FORMATS:
        for name in (settings.wan_if, settings.lan_if):
            if name is not None and (len(name) > 15 or "/" in name or ":" in name):
                raise FwplanError.about("export.linux_interface", value=name, format=format_name)


def check_families(plan: Plan) -> None:
    """A router cannot pass flows between an IPv4 LAN and an IPv6 PBX (or the reverse) without NAT64."""
    if plan.lan is None or plan.host is None or not plan.host.is_ip:
        return
    if plan.lan.version != plan.host.version:
        raise FwplanError.about("export.mixed_family", lan=plan.lan.version, host=plan.host.version)


def render_export(catalog: Catalog, plan: Plan, format_name: str, settings: ExportSettings = ExportSettings()) -> str:
    if not plan.selected:
        # A router file with no rules would still set a drop policy and cut all forwarded traffic.
        raise FwplanError.about("export.nothing_selected")
    exporter = exporters.get(format_name)
    document = exporters.is_document(format_name)
    check_options(format_name, settings)
    if not document:
        check_families(plan)
        check_router(format_name, plan, settings)
    if document:
        limits = Limits(settings.max_entries, settings.range_cost) if settings.max_entries else Limits()
    else:
        limits = exporter.limits
    options = MergeOptions(
        fuse_protocols=exporter.fuse_protocols and not settings.separate_protocols,
        max_gap=settings.max_gap,
        limits=limits,
    )
    scopes = settings.scopes or default_scopes(format_name)
    ruleset = build(catalog, plan, options).in_scopes(scopes)
    if not ruleset.rules and not document:
        # A router file with no rules would still set a drop policy and cut all forwarded traffic.
        raise FwplanError.about(
            "export.empty_scope", scopes=",".join(scopes), others=",".join(scope for scope, _ in ruleset.omitted)
        )
    if settings.dialect:
        return port_lists(ruleset, settings.dialect)
    if format_name in exporters.CORE:
        from exporters.document import DocumentExporter
        from fwplan.formats import RenderOptions

        if not isinstance(exporter, DocumentExporter):
            raise TypeError(f"{format_name} is a core format without a DocumentExporter")

        return exporter.render_options(
            ruleset, RenderOptions(lang=settings.lang, csv_german=settings.csv_german, catalog=catalog, plan=plan)
        )
    from exporters.base import ExportContext, RouterSettings, forward_target, is_port_forward

    router = RouterSettings(**{key: getattr(settings, key) for key in ROUTER_OPTIONS})
    context = ExportContext(
        catalog, plan, settings.lang, resolve=settings.resolve, router=router, csv_german=settings.csv_german
    )
    if not document:
        for number, rule in ruleset.numbered():
            if is_port_forward(rule, context):
                forward_target(rule, number, context)
    return exporter.render(ruleset, context)


def port_lists(ruleset: RuleSet, dialect: str) -> str:
    """Each rule's port list in the dialect: one rule per line, or blank-line separated where a list spans lines."""
    from exporters.dialects import format_ports

    lists = [format_ports(rule.ports, dialect) for rule in ruleset.rules]
    joiner = "\n\n" if any("\n" in text for text in lists) else "\n"
    return joiner.join(lists) + "\n" if lists else ""
