"""The plan: what the user ticked, the planning-document LAN address, the PBX host.

Plan files are TOML, read with tomllib and written with tomlkit so that a
user's comments survive a save. Writes are atomic: a temporary file in the
same directory, flushed and renamed over the old one.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

import netaddr

from fwplan.catalog import BOM, Catalog
from fwplan.errors import FwplanError, OutputError, system_reason
from fwplan.files import MAX_PLAN_BYTES, read_user_file, toml_position
from fwplan.i18n import Text, text

if TYPE_CHECKING:
    from tomlkit import TOMLDocument

DEFAULT_IPV4_PREFIX = 24
DEFAULT_IPV6_PREFIX = 64
PLAN_FORMAT = 1
#: What is being written, as the write errors name it.
What = Literal["plan", "export", "file"]


class PlanError(FwplanError):
    """A plan input or plan file that cannot be used; the message is one line for the user."""


class LanAddress(NamedTuple):
    """The planning document's local address and, from its prefix, the LAN network."""

    address: str
    network: str
    prefix_assumed: bool = False

    @property
    def text(self) -> str:
        return f"{self.address}/{self.network.rsplit('/', 1)[1]}"

    @property
    def is_public(self) -> bool:
        return not _is_private(self.address)

    @property
    def version(self) -> int:
        return _version(self.address)


class PbxHost(NamedTuple):
    """The PBX's hostname (ASCII, IDNA-encoded where it was typed in Unicode) or IP address."""

    value: str
    typed: str
    is_ip: bool

    @property
    def version(self) -> int | None:
        """4 or 6 for an IP address; None for a name."""
        return _version(self.value) if self.is_ip else None


_IPV4_SHAPE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_IPV6_SHAPE = re.compile(r"[0-9A-Fa-f:.]+")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def parse_lan(text: str) -> LanAddress:
    """``192.168.50.2`` (a /24 is assumed) or ``192.168.50.2/24``; IPv6 takes /64 when no prefix is given."""
    parsed = _parse_site_address(text)
    if isinstance(parsed, _AddressProblem):
        raise {
            "empty": lambda f: PlanError.about("lan.empty"),
            "not_ip": lambda f: PlanError.about("lan.not_ip", **f),
            "invalid": lambda f: PlanError.about("lan.invalid", **f),
            "prefix": lambda f: PlanError.about("lan.prefix", **f),
            "not_device": lambda f: PlanError.about("lan.not_device", **f),
        }[parsed.failure](parsed.fields)
    return parsed


class VpnRouter(NamedTuple):
    """The VPN router's local address from the planning document: the site's end of the tunnel."""

    address: str
    typed: str

    @property
    def version(self) -> int:
        return _version(self.address)


def parse_vpn_router(text: str) -> VpnRouter:
    """The VPN router's address, ``192.168.50.1``; a prefix (``/24``) is accepted and not needed."""
    parsed = _parse_site_address(text)
    if isinstance(parsed, _AddressProblem):
        raise {
            "empty": lambda f: PlanError.about("vpn.empty"),
            "not_ip": lambda f: PlanError.about("vpn.not_ip", **f),
            "invalid": lambda f: PlanError.about("vpn.invalid", **f),
            "prefix": lambda f: PlanError.about("vpn.prefix", **f),
            "not_device": lambda f: PlanError.about("vpn.not_device", **f),
        }[parsed.failure](parsed.fields)
    return VpnRouter(parsed.address, text.strip())


def check_vpn_router(plan: Plan) -> None:
    """The VPN router must be of the LAN's address family: the tunnel's rules sit beside the LAN's."""
    router, lan = plan.vpn_router, plan.lan
    if router is None or lan is None:
        return
    if router.version != lan.version:
        raise PlanError.about("vpn.family", value=router.typed, vpn=router.version, lan=lan.version)


class _AddressProblem(NamedTuple):
    """Why a site address was refused; each input turns it into its own message."""

    failure: Literal["empty", "not_ip", "invalid", "prefix", "not_device"]
    fields: dict[str, object]


def _parse_site_address(text: str) -> LanAddress | _AddressProblem:
    """An address inside the site with an optional prefix, or why it is not one."""
    original = text
    text = text.strip() if isinstance(text, str) else text
    if not isinstance(text, str) or not text:
        return _AddressProblem("empty", {})
    address_part, slash, prefix_part = text.partition("/")
    version: Literal[4, 6]
    if _IPV4_SHAPE.fullmatch(address_part):
        version, max_prefix, default = 4, 32, DEFAULT_IPV4_PREFIX
    elif ":" in address_part and _IPV6_SHAPE.fullmatch(address_part):
        version, max_prefix, default = 6, 128, DEFAULT_IPV6_PREFIX
    else:
        return _AddressProblem("not_ip", {"value": original})
    address = _strict_address(address_part, version)
    if address is None:
        return _AddressProblem("invalid", {"value": original, "version": version})
    if slash:
        if not prefix_part.isascii() or not prefix_part.isdigit() or not 0 <= int(prefix_part) <= max_prefix:
            return _AddressProblem("prefix", {"prefix": prefix_part, "value": original, "max_prefix": max_prefix})
        prefix = int(prefix_part)
    else:
        prefix = default
    network = netaddr.IPNetwork(f"{address}/{prefix}").cidr
    if address.is_loopback() or address.is_multicast() or str(address) in ("0.0.0.0", "::"):
        return _AddressProblem("not_device", {"value": original})
    return LanAddress(str(address), str(network), prefix_assumed=not slash)


def parse_host(text: str) -> PbxHost:
    """An FQDN per RFC 1123 (Unicode names are IDNA-encoded) or an IP address."""
    original = text
    if not isinstance(text, str) or not text.strip():
        raise PlanError.about("host.empty")
    text = text.strip()
    version: Literal[4, 6] | None = None
    if _IPV4_SHAPE.fullmatch(text):
        version = 4
    elif ":" in text and _IPV6_SHAPE.fullmatch(text):
        version = 6
    if version is not None:
        address = _strict_address(text, version)
        if address is None:
            raise PlanError.about("host.bad_ip", value=original)
        return PbxHost(str(address), original, True)
    name = text[:-1] if text.endswith(".") else text
    try:
        ascii_name = name.encode("idna").decode("ascii").lower() if not name.isascii() else name.lower()
    except UnicodeError:
        raise PlanError.about("host.bad_letters", value=original) from None
    labels = ascii_name.split(".")
    if (
        len(ascii_name) > 253
        or len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise PlanError.about("host.invalid", value=original)
    return PbxHost(ascii_name, original, False)


class ExportPrefs(NamedTuple):
    """A site's router settings, kept in the plan file's ``[export]`` table; None: not set (the default)."""

    format: str | None = None
    wan_if: str | None = None
    lan_if: str | None = None
    nat: bool | None = None
    masquerade: bool | None = None
    name_prefix: str | None = None
    plain_acl: bool | None = None
    dialect: str | None = None

    def items(self) -> dict[str, object]:
        """The settings that are set, by key."""
        return {key: getattr(self, key) for key in EXPORT_KEYS if getattr(self, key) is not None}


EXPORT_KEYS = ("format", "wan_if", "lan_if", "nat", "masquerade", "name_prefix", "plain_acl", "dialect")
_EXPORT_BOOLS = frozenset(("nat", "masquerade", "plain_acl"))
_INTERFACE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/@-]{0,63}")
_NAME_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
#: The longest name prefix: FortiOS object names hold 35 characters (79 for some), and fwplan adds up to 14.
MAX_NAME_PREFIX = 20


def parse_interface(text: str) -> str:
    """A router interface (or interface list) name: ``wan1``, ``ether1``, ``GigabitEthernet0/1``."""
    value = text.strip() if isinstance(text, str) else ""
    if not _INTERFACE.fullmatch(value):
        raise PlanError.about("iface.invalid", value=text)
    return value


def parse_name_prefix(text: str) -> str:
    """The prefix of the object names an export creates, ``fwplan`` by default."""
    value = text.strip() if isinstance(text, str) else ""
    if len(value) > MAX_NAME_PREFIX or not _NAME_PREFIX.fullmatch(value):
        raise PlanError.about("prefix.invalid", value=text, most=MAX_NAME_PREFIX)
    return value


@dataclass(frozen=True, slots=True)
class Plan:
    """The ticked component ids and the two inputs."""

    selected: tuple[str, ...] = ()
    lan: LanAddress | None = None
    host: PbxHost | None = None
    catalog_version: str | None = None
    catalog_digest: str | None = None
    #: The VPN router's address where the planning document gives one apart from the LAN address.
    vpn_router: VpnRouter | None = None
    #: The site's router settings for exports.
    export: ExportPrefs = ExportPrefs()

    def with_selection(self, selected: Iterable[str]) -> Plan:
        return replace(self, selected=tuple(dict.fromkeys(selected)))


class Notice(NamedTuple):
    """Something the user should know that is not an error: localised, with the components it concerns."""

    code: str
    text: Text
    components: tuple[str, ...] = ()


def expand_selection(catalog: Catalog, ids: Iterable[str]) -> tuple[str, ...]:
    """Component ids for the given product and component ids, in catalog order.

    A product id selects its unconditional components; a conditional item is selected only by its own id.
    """
    wanted: set[str] = set()
    for item in ids:
        if catalog.has_product(item):
            wanted.update(c.id for c in catalog.product(item).components if not c.is_conditional)
        elif catalog.has_component(item):
            wanted.add(item)
        else:
            raise unknown_id_error(catalog, item)
    return tuple(c.id for c in catalog.components if c.id in wanted)


def unknown_id_error(catalog: Catalog, item: str) -> PlanError:
    import difflib

    close = difflib.get_close_matches(item, catalog.ids, n=3, cutoff=0.5)
    if close:
        return PlanError.about("id.unknown.close", value=item, close=", ".join(close))
    return PlanError.about("id.unknown", value=item)


def plan_notices(catalog: Catalog, plan: Plan) -> tuple[Notice, ...]:
    notices = []
    lan = plan.lan
    if lan is not None and lan.prefix_assumed:
        notices.append(
            Notice(
                "prefix-assumed",
                text("notice.prefix_assumed", address=lan.address, network=lan.network),
            )
        )
    if lan is not None and lan.is_public:
        notices.append(
            Notice(
                "public-lan",
                text("notice.public_lan", address=lan.address),
            )
        )
    if plan.catalog_version is not None and plan.catalog_version != catalog.data_version:
        notices.append(
            Notice(
                "catalog-changed",
                text("notice.catalog_version", plan_version=plan.catalog_version, version=catalog.data_version),
            )
        )
    elif plan.catalog_digest and catalog.digest and plan.catalog_digest != catalog.digest:
        notices.append(
            Notice(
                "catalog-changed",
                text("notice.catalog_digest"),
            )
        )
    return tuple(notices)


# --------------------------------------------------------------------------
# Plan files
# --------------------------------------------------------------------------

_PLAN_KEYS = ("fwplan", "catalog_version", "catalog_digest", "select", "lan", "host", "vpn_router", "export")


def read_plan_file(path: str | Path, catalog: Catalog) -> Plan:
    path = Path(path)
    raw = read_user_file(path, MAX_PLAN_BYTES, PlanError, "plan")
    return parse_plan(raw, catalog, source=str(path))


def parse_plan(raw: bytes | str, catalog: Catalog, source: str = "<plan>") -> Plan:
    try:
        content = (raw.decode("utf-8") if isinstance(raw, bytes) else raw).removeprefix(BOM)
        data = tomllib.loads(content)
    except UnicodeDecodeError as exc:
        raise PlanError.about("plan.not_utf8", path=source, byte=exc.start) from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError.about("plan.not_toml", path=source, detail=toml_position(exc)) from None
    except RecursionError:
        raise PlanError.about("plan.too_deep", path=source) from None
    for key in data:
        if key not in _PLAN_KEYS:
            raise PlanError.about("plan.unknown_key", path=source, key=key, accepted=", ".join(_PLAN_KEYS))
    select = data.get("select", [])
    if not isinstance(select, list) or not all(isinstance(s, str) for s in select):
        raise PlanError.about("plan.select_type", path=source)
    for key in ("lan", "host", "vpn_router", "catalog_version", "catalog_digest"):
        if key in data and not isinstance(data[key], str):
            raise PlanError.about("plan.not_string", path=source, key=key)
    try:
        selected = expand_selection(catalog, select)
        lan = parse_lan(data["lan"]) if data.get("lan", "").strip() else None
        host = parse_host(data["host"]) if data.get("host", "").strip() else None
        vpn_router = parse_vpn_router(data["vpn_router"]) if data.get("vpn_router", "").strip() else None
        prefs = _export_prefs(data.get("export", {}))
        plan = Plan(selected, lan, host, data.get("catalog_version"), data.get("catalog_digest"), vpn_router, prefs)
        check_vpn_router(plan)
    except PlanError as exc:
        raise PlanError.about("plan.in_file", path=source, problem=exc) from None
    return plan


def _export_prefs(table: object) -> ExportPrefs:
    """The ``[export]`` table, checked; a format or dialect name is checked where it is used.

    Its errors name no file: the caller puts them in ``plan.in_file``.
    """
    if not isinstance(table, dict):
        raise PlanError.about("plan.export_table")
    words: dict[str, str] = {}
    flags: dict[str, bool] = {}
    for key, value in table.items():
        if key not in EXPORT_KEYS:
            raise PlanError.about("plan.export_key", key=key, accepted=", ".join(EXPORT_KEYS))
        if key in _EXPORT_BOOLS:
            if not isinstance(value, bool):
                raise PlanError.about("plan.export_bool", key=key)
            flags[key] = value
        elif not isinstance(value, str):
            raise PlanError.about("plan.export_string", key=key)
        elif key in ("wan_if", "lan_if"):
            words[key] = parse_interface(value)
        elif key == "name_prefix":
            words[key] = parse_name_prefix(value)
        else:
            words[key] = value
    return ExportPrefs(
        format=words.get("format"),
        wan_if=words.get("wan_if"),
        lan_if=words.get("lan_if"),
        nat=flags.get("nat"),
        masquerade=flags.get("masquerade"),
        name_prefix=words.get("name_prefix"),
        plain_acl=flags.get("plain_acl"),
        dialect=words.get("dialect"),
    )


def render_plan(plan: Plan, catalog: Catalog, previous: str | None = None) -> str:
    """The plan as TOML; when ``previous`` (the file's old text) is given, its comments and layout are kept."""
    import tomlkit

    doc = None
    if previous is not None:
        try:
            doc = tomlkit.parse(previous)
        except Exception:  # an unreadable old file is replaced, not merged
            doc = None
    if doc is None:
        doc = tomlkit.document()
        doc.add(tomlkit.comment("fwplan plan: the components ticked, the planning-document LAN address, the PBX host"))
    select = tomlkit.array()
    select.extend(plan.selected)
    select.multiline(len(plan.selected) > 0)
    values: dict[str, object] = {
        "fwplan": PLAN_FORMAT,
        "catalog_version": catalog.data_version,
        "catalog_digest": catalog.digest,
        "select": select,
        "lan": plan.lan.text if plan.lan else "",
        "host": plan.host.value if plan.host else "",
    }
    if plan.vpn_router is not None or "vpn_router" in doc:
        values["vpn_router"] = plan.vpn_router.address if plan.vpn_router else ""
    _render_export_table(doc, plan.export)
    for key, value in values.items():
        if key in doc:
            doc[key] = value
        else:
            doc.add(key, value)
    return tomlkit.dumps(doc)


def _render_export_table(doc: TOMLDocument, prefs: ExportPrefs) -> None:
    """Set the ``[export]`` table's keys in place (its comments stay); drop the keys no longer set."""
    import tomlkit

    items = prefs.items()
    if "export" not in doc:
        if not items:
            return
        doc.add(tomlkit.nl())
        doc.add("export", tomlkit.table())
    table = doc["export"]
    for key in EXPORT_KEYS:
        if key in items:
            table[key] = items[key]
        elif key in table:
            del table[key]


def write_plan_file(path: str | Path, plan: Plan, catalog: Catalog) -> Path:
    """Save atomically; a symlink is followed so that its target is replaced, not the link."""
    if os.path.isdir(path):
        raise PlanError.about("plan.save_dir", path=str(path))
    previous = None
    try:
        target = Path(os.path.realpath(path))
        if stat.S_ISREG(target.stat().st_mode):  # never wait on reading a pipe or a device
            previous = target.read_text(encoding="utf-8").removeprefix(BOM)
    except (OSError, ValueError):  # missing, unreadable or not text: replaced, not merged
        previous = None
    atomic_write_text(path, render_plan(plan, catalog, previous), what="plan")
    return Path(os.path.realpath(path))


def atomic_write_text(path: str | Path, content: str, what: What = "file") -> None:
    atomic_write_bytes(path, content.encode("utf-8"), what=what)


def atomic_write_bytes(path: str | Path, data: bytes, what: What = "file") -> None:
    """Write to a temp file beside ``path`` and rename it over; never leaves a half-written file.

    A symlink is followed, so that its target is replaced and the link stays. A device, pipe or
    terminal (``/dev/null``, ``/dev/stdout``) is written in place: there is no file to replace, and
    renaming over it would replace the device node itself.
    """
    import tempfile

    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        status = None  # a new file, or a dangling symlink whose target is created
    except OSError as exc:  # a symlink loop, a path through a file, a name too long
        raise OutputError.about("write.failed", what=_what(what), path=str(path), reason=system_reason(exc)) from None
    except ValueError:  # a NUL byte or a lone surrogate: no file can have that name
        raise OutputError.about("write.bad_name", what=_what(what), path=str(path)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError.about("write.is_dir", what=_what(what), path=str(path))
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_in_place(path, data, what)
        return
    target = Path(os.path.realpath(path))
    fd = None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            fd = None
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        if target == path.absolute():
            raise OutputError.about(
                "write.failed", what=_what(what), path=str(path), reason=system_reason(exc)
            ) from None
        raise OutputError.about(
            "write.failed.link", what=_what(what), path=str(path), target=str(target), reason=system_reason(exc)
        ) from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _write_in_place(path: Path, data: bytes, what: What) -> None:
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError.about("write.failed", what=_what(what), path=str(path), reason=system_reason(exc)) from None


_WHAT_KEYS: dict[What, str] = {"plan": "what.plan", "export": "what.export", "file": "what.file"}


def _what(what: What) -> Text:
    """ "plan", "export" or "file" in both languages."""
    return text(_WHAT_KEYS[what])


def _version(address: str) -> int:
    """4 or 6: the family of a parsed (canonical) IP address."""
    return 6 if ":" in address else 4


def _strict_address(text: str, version: Literal[4, 6]) -> netaddr.IPAddress | None:
    """The address ``text`` spells in the strict form (``inet_pton``: four decimal parts, no leading zeros), or None.

    The caller has checked the shape (digits and dots, or hex digits and colons), so the shorter and
    octal forms ``inet_aton`` takes (``1``, ``10.1``, ``010.0.0.1``) never get here, and are refused
    here too.
    """
    try:
        return netaddr.IPAddress(text, version=version, flags=netaddr.INET_PTON)
    except (netaddr.AddrFormatError, ValueError):
        return None


def _is_private(address: str) -> bool:
    """Not reachable from the internet: IANA's special-purpose registries (RFC 1918, link-local, unique local,
    shared address space, documentation ...) say so."""
    return not netaddr.IPAddress(address).is_global()
