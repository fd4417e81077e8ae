"""The catalog: products, components and their port requirements, from TOML.

Read with stdlib tomllib and validated into frozen dataclasses. Every problem
is reported as one ``CatalogError`` naming the file, the line where TOML gives
one, and the key path.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

from fwplan.errors import FwplanError
from fwplan.files import MAX_CATALOG_BYTES, read_user_file, toml_position
from fwplan.i18n import LANGUAGES, Text, text
from fwplan.ports import PortError, PortRange, PortSet

SCHEMA_VERSION = 1
#: Some Windows editors start UTF-8 files with one; it is invisible, so it is skipped, not refused.
BOM = "\ufeff"

#: The way a flow goes: from the site (outbound) or to it (inbound).
Direction = Literal["outbound", "inbound"]
#: A requirement's direction: ``both`` asks for the flow each way.
RequirementDirection = Literal["outbound", "inbound", "both"]
#: A flow's protocol.
Protocol = Literal["tcp", "udp"]
#: A requirement's or a rule's protocol: ``tcp/udp`` is both with the same ports.
Protocols = Literal["tcp", "udp", "tcp/udp"]
#: Where a flow starts or ends. The first three are filled in from the plan.
Peer = Literal["lan-network", "lan-address", "pbx-host", "manufacturer", "provider", "any"]
#: Where a component's devices are. ``vpn-router`` is the tunnel's end at the site (it defaults to the
#: LAN address); ``remote`` is a client outside the site, such as a home office; ``any`` is the older
#: name for ``remote`` and means the same.
Local = Literal["lan-network", "lan-address", "vpn-router", "remote", "any"]
#: Where a rule belongs: on the site's internet router, on a firewall between the site's own segments,
#: or on the network where a remote client sits.
Scope = Literal["internet", "internal", "remote"]
#: The plan inputs a component's rules use: the LAN address, the PBX host, the VPN router's address.
Need = Literal["lan", "host", "vpn"]

DIRECTIONS: tuple[RequirementDirection, ...] = ("outbound", "inbound", "both")
PROTOCOLS: tuple[Protocols, ...] = ("tcp", "udp", "tcp/udp")
PEERS: tuple[Peer, ...] = ("lan-network", "lan-address", "pbx-host", "manufacturer", "provider", "any")
LOCALS: tuple[Local, ...] = ("lan-network", "lan-address", "vpn-router", "remote", "any")
#: The scopes in output order.
SCOPES: tuple[Scope, ...] = ("internet", "internal", "remote")
#: The ends that lie inside the site.
INSIDE: frozenset[str] = frozenset(("lan-network", "lan-address", "vpn-router"))

_Choice = TypeVar("_Choice", bound=str)


def scope_of(local: Local, peer: Peer) -> Scope:
    """Where a flow between a component's ``local`` side and its ``peer`` belongs."""
    if local not in INSIDE:
        return "remote"
    return "internal" if peer in INSIDE else "internet"


_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
_DATA_VERSION = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


class CatalogError(FwplanError):
    """A catalog that cannot be used; the message is one line for the user."""


class Note(NamedTuple):
    """An article bullet that opens no port, or a condition, in both languages."""

    text: Text
    article: str = ""


class Requirement(NamedTuple):
    """One port statement of the article."""

    article: str
    direction: RequirementDirection
    protocol: Protocols
    ports: PortSet
    peer: Peer
    purpose: Text
    local: Local | None = None
    alternatives: bool = False


class Group(NamedTuple):
    """Requirements the article lists once and refers to by name."""

    id: str
    name: Text
    requirements: tuple[Requirement, ...]


class Demand(NamedTuple):
    """A requirement as one component asks for it, with where it comes from and where it belongs."""

    component_id: str
    requirement: Requirement
    section: str
    local: Local
    scope: Scope = "internet"
    condition: Note | None = None


class Component(NamedTuple):
    """A tickable device class or conditional item of a product."""

    id: str
    product_id: str
    name: Text
    local: Local = "lan-network"
    parent: str | None = None
    condition: Note | None = None
    groups: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    requirements: tuple[Requirement, ...] = ()

    @property
    def short_id(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def is_conditional(self) -> bool:
        """Needed only in some setups: selected by its own id or tick, never with its product."""
        return self.condition is not None


class Product(NamedTuple):
    """One of the provider's products and its components."""

    id: str
    name: Text
    components: tuple[Component, ...]


@dataclass(frozen=True)
class Catalog:
    """The whole catalog, validated."""

    schema: int
    data_version: str
    title: str
    caveat: Note
    groups: Mapping[str, Group]
    products: tuple[Product, ...]
    source: str = "<memory>"
    raw: bytes = field(default=b"", repr=False, compare=False)

    @cached_property
    def digest(self) -> str:
        """A short fingerprint of the catalog file, so a plan can tell when it changed."""
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()[:16] if self.raw else ""

    @cached_property
    def components(self) -> tuple[Component, ...]:
        return tuple(c for p in self.products for c in p.components)

    @cached_property
    def _components_by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}

    @cached_property
    def _products_by_id(self) -> dict[str, Product]:
        return {p.id: p for p in self.products}

    def product(self, product_id: str) -> Product:
        return self._products_by_id[product_id]

    def component(self, component_id: str) -> Component:
        return self._components_by_id[component_id]

    def has_component(self, component_id: str) -> bool:
        return component_id in self._components_by_id

    def has_product(self, product_id: str) -> bool:
        return product_id in self._products_by_id

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.products) + tuple(c.id for c in self.components)

    @cached_property
    def _children_by_parent(self) -> dict[str, tuple[Component, ...]]:
        index: dict[str, list[Component]] = {}
        for c in self.components:
            if c.parent is not None:
                index.setdefault(c.parent, []).append(c)
        return {parent: tuple(kids) for parent, kids in index.items()}

    def children(self, component_id: str) -> tuple[Component, ...]:
        return self._children_by_parent.get(component_id, ())

    @cached_property
    def _demands_memo(self) -> dict[str, tuple[Demand, ...]]:
        return {}

    def demands(self, component_id: str) -> tuple[Demand, ...]:
        """The component's requirements, its groups' included, with their article sections (built once)."""
        memo = self._demands_memo
        if component_id not in memo:
            memo[component_id] = self._build_demands(component_id)
        return memo[component_id]

    def _build_demands(self, component_id: str) -> tuple[Demand, ...]:
        component = self.component(component_id)
        product = self.product(component.product_id)
        condition = component.condition

        def demand(r: Requirement, section: str) -> Demand:
            local = r.local or component.local
            return Demand(component.id, r, section, local, scope_of(local, r.peer), condition)

        result = [demand(r, f"{product.name.de} › {component.name.de}") for r in component.requirements]
        for group_id in component.groups:
            group = self.groups[group_id]
            result.extend(demand(r, f"{product.name.de} › {group.name.de}") for r in group.requirements)
        return tuple(result)

    @cached_property
    def _needs_memo(self) -> dict[str, frozenset[Need]]:
        return {}

    def needs(self, component_id: str) -> frozenset[Need]:
        """Which plan inputs the component's rules use: ``lan``, ``host``, ``vpn`` (computed once per component).

        ``vpn`` is the VPN router's address, which falls back to the LAN address where the plan has none
        (``merge.plan_needs`` says what a component needs in a given plan).
        """
        memo = self._needs_memo
        if component_id not in memo:
            memo[component_id] = self._compute_needs(component_id)
        return memo[component_id]

    def _compute_needs(self, component_id: str) -> frozenset[Need]:
        used: set[str] = set()
        for d in self.demands(component_id):
            used.update((d.local, d.requirement.peer))
        needs: set[Need] = set()
        if used & {"lan-network", "lan-address"}:
            needs.add("lan")
        if "vpn-router" in used:
            needs.add("vpn")
        if "pbx-host" in used:
            needs.add("host")
        return frozenset(needs)


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def default_catalog_path() -> Path:
    """The catalog shipped in the wheel, or the one at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "catalog.toml"
    if packaged.is_file():
        return packaged
    return here.parent / "catalog.toml"


def load_catalog(path: str | Path | None = None) -> Catalog:
    path = Path(path) if path is not None else default_catalog_path()
    raw = read_user_file(path, MAX_CATALOG_BYTES, CatalogError, "catalog")
    return parse_catalog(raw, source=str(path))


def parse_catalog(raw: bytes | str, source: str = "<memory>") -> Catalog:
    data_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    try:
        text = data_bytes.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as exc:
        raise CatalogError.about("catalog.not_utf8", path=source, byte=exc.start) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError.about("catalog.not_toml", path=source, detail=toml_position(exc)) from None
    except RecursionError:
        raise CatalogError.about("catalog.too_deep", path=source) from None
    return _Validator(source).catalog(data, data_bytes)


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> CatalogError:
        return CatalogError(f"{self.source}: {path}: {message}")

    # ---- generic checks ----
    def table(self, value: Any, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"must be a table, not {_kind(value)}")
        table: dict[str, Any] = value
        allowed = tuple(allowed)
        for key in table:
            if key not in allowed:
                raise self.fail(f"{path}.{key}" if path else key, f"unknown key; allowed here: {', '.join(allowed)}")
        for key in required:
            if key not in table:
                raise self.fail(path or "top level", f"missing key {key!r}")
        return table

    def array_of_tables(self, value: Any, path: str) -> list[dict[str, Any]]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(
                path, f"must be an array of tables ([[{path.rsplit('.', maxsplit=1)[-1]}]]), not {_kind(value)}"
            )
        tables: list[dict[str, Any]] = value
        return tables

    def string(self, value: Any, path: str, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"must be a string, not {_kind(value)}")
        string: str = value
        if not allow_empty and not string.strip():
            raise self.fail(path, "must not be empty")
        bad = _unsafe_char(string)
        if bad is not None:
            raise self.fail(
                path, f"contains U+{ord(bad):04X}, a control or format character; only printable text is accepted"
            )
        return string

    def ident(self, value: Any, path: str) -> str:
        ident = self.string(value, path)
        if not _ID.fullmatch(ident):
            raise self.fail(path, f"id {ident!r} is not valid; use lowercase letters, digits and '-'")
        return ident

    def choice(self, value: Any, path: str, choices: tuple[_Choice, ...], what: str) -> _Choice:
        word = self.string(value, path)
        for choice in choices:
            if word == choice:
                return choice
        raise self.fail(path, f"unknown {what} {word!r}; accepted: {', '.join(choices)}")

    def text(self, value: Any, path: str) -> Text:
        value = self.table(value, path, LANGUAGES, LANGUAGES)
        return Text(self.string(value["de"], f"{path}.de"), self.string(value["en"], f"{path}.en"))

    def note(self, value: Any, path: str) -> Note:
        value = self.table(value, path, ("article", "de", "en"), ("de", "en"))
        article = self.string(value["article"], f"{path}.article") if "article" in value else ""
        return Note(Text(self.string(value["de"], f"{path}.de"), self.string(value["en"], f"{path}.en")), article)

    def ports(self, value: Any, path: str) -> PortSet:
        try:
            if isinstance(value, str):
                ports = PortSet.parse(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                ports = PortSet((PortRange(value, value),))
            elif isinstance(value, list):
                ranges: list[PortRange] = []
                for item in value:
                    if isinstance(item, str):
                        ranges.extend(PortSet.parse(item).ranges)
                    elif isinstance(item, int) and not isinstance(item, bool):
                        ranges.append(PortRange(item, item))
                    else:
                        raise PortError(f'entry {item!r} is neither a port number nor a text like "9100-9101"')
                ports = PortSet(tuple(ranges))
            else:
                raise PortError(f'must be a port, a list of ports or a text like "443, 9100-9101", not {_kind(value)}')
        except PortError as exc:
            raise self.fail(path, str(exc)) from None
        if not ports:
            raise self.fail(path, "names no port")
        return ports

    # ---- the catalog ----
    def catalog(self, data: dict[str, Any], file_bytes: bytes) -> Catalog:
        self.table(
            data,
            "",
            ("schema", "data_version", "title", "caveat", "group", "product"),
            ("schema", "data_version", "product"),
        )
        schema = data["schema"]
        if schema != SCHEMA_VERSION or isinstance(schema, bool):
            raise self.fail("schema", f"schema {schema!r} is not supported; this fwplan reads schema {SCHEMA_VERSION}")
        data_version = self.string(data["data_version"], "data_version")
        if not _DATA_VERSION.fullmatch(data_version):
            raise self.fail("data_version", f"{data_version!r} is not a date; write it as YYYY-MM, e.g. 2020-04")
        title = self.string(data.get("title", "fwplan catalog"), "title")
        caveat = self.note(data["caveat"], "caveat") if "caveat" in data else Note(text("caveat.default"))
        groups: dict[str, Group] = {}
        for i, raw in enumerate(self.array_of_tables(data.get("group", []), "group")):
            group = self.group(raw, f"group[{i}]")
            if group.id in groups:
                raise self.fail(f"group[{i}].id", f"duplicate group id {group.id!r}")
            groups[group.id] = group
        products = []
        seen_products: set[str] = set()
        for i, raw in enumerate(self.array_of_tables(data["product"], "product")):
            product = self.product(raw, f"product[{i}]", groups)
            if product.id in seen_products:
                raise self.fail(f"product[{i}].id", f"duplicate product id {product.id!r}")
            seen_products.add(product.id)
            products.append(product)
        if not products:
            raise self.fail("product", "the catalog has no product")
        return Catalog(SCHEMA_VERSION, data_version, title, caveat, groups, tuple(products), self.source, file_bytes)

    def group(self, raw: dict[str, Any], path: str) -> Group:
        self.table(raw, path, ("id", "name", "requirement"), ("id", "name", "requirement"))
        group_id = self.ident(raw["id"], f"{path}.id")
        path = f'group "{group_id}"'
        requirements = self.requirements(raw["requirement"], path)
        if not requirements:
            raise self.fail(f"{path}.requirement", "a group needs at least one requirement")
        return Group(group_id, self.text(raw["name"], f"{path}.name"), requirements)

    def product(self, raw: dict[str, Any], path: str, groups: Mapping[str, Group]) -> Product:
        self.table(raw, path, ("id", "name", "component"), ("id", "name", "component"))
        product_id = self.ident(raw["id"], f"{path}.id")
        path = f'product "{product_id}"'
        name = self.text(raw["name"], f"{path}.name")
        components: list[Component] = []
        seen: set[str] = set()
        for i, item in enumerate(self.array_of_tables(raw["component"], f"{path}.component")):
            component = self.component(item, f"{path}.component[{i}]", product_id, groups)
            if component.id in seen:
                raise self.fail(f"{path}.component[{i}].id", f"duplicate component id {component.id!r}")
            seen.add(component.id)
            components.append(component)
        if not components:
            raise self.fail(f"{path}.component", "a product needs at least one component")
        for component in components:
            if component.parent is not None and component.parent not in seen:
                raise self.fail(
                    f'{path}.component "{component.short_id}".parent',
                    f"no component {component.parent!r} in this product",
                )
        self.no_parent_cycles(components, path)
        return Product(product_id, name, tuple(components))

    def no_parent_cycles(self, components: list[Component], path: str) -> None:
        parents = {c.id: c.parent for c in components}
        for start, node in parents.items():
            seen = {start}
            while node is not None:
                if node in seen:
                    raise self.fail(f'{path}.component "{start.split("/", 1)[1]}".parent', "parents form a cycle")
                seen.add(node)
                node = parents[node]

    def component(self, raw: dict[str, Any], path: str, product_id: str, groups: Mapping[str, Group]) -> Component:
        self.table(
            raw, path, ("id", "name", "local", "parent", "condition", "groups", "notes", "requirement"), ("id", "name")
        )
        short = self.ident(raw["id"], f"{path}.id")
        path = f'{path.rsplit(".", 1)[0]}.component "{short}"'
        full_id = f"{product_id}/{short}"
        local = self.choice(raw.get("local", "lan-network"), f"{path}.local", LOCALS, "local side")
        parent = f"{product_id}/{self.ident(raw['parent'], f'{path}.parent')}" if "parent" in raw else None
        if parent == full_id:
            raise self.fail(f"{path}.parent", "a component cannot be its own parent")
        condition = self.note(raw["condition"], f"{path}.condition") if "condition" in raw else None
        group_ids = raw.get("groups", [])
        if not isinstance(group_ids, list):
            raise self.fail(f"{path}.groups", f"must be a list of group ids, not {_kind(group_ids)}")
        for j, group_id in enumerate(group_ids):
            group_id = self.string(group_id, f"{path}.groups[{j}]")
            if group_id not in groups:
                known = ", ".join(groups) or "none are defined"
                raise self.fail(f"{path}.groups[{j}]", f"no group {group_id!r}; defined groups: {known}")
        notes_raw = raw.get("notes", [])
        if not isinstance(notes_raw, list):
            raise self.fail(f"{path}.notes", f"must be a list of notes, not {_kind(notes_raw)}")
        notes = tuple(self.note(n, f"{path}.notes[{j}]") for j, n in enumerate(notes_raw))
        requirements = self.requirements(raw.get("requirement", []), path)
        if not requirements and not group_ids:
            raise self.fail(path, "a component needs a requirement or a group")
        for j, r in enumerate(requirements):
            self.reachable(r.local or local, r.peer, f"{path}.requirement[{j}]")
        for group_id in group_ids:
            for j, r in enumerate(groups[group_id].requirements):
                self.reachable(r.local or local, r.peer, f'{path} with group "{group_id}".requirement[{j}]')
        return Component(
            id=full_id,
            product_id=product_id,
            name=self.text(raw["name"], f"{path}.name"),
            local=local,
            parent=parent,
            condition=condition,
            groups=tuple(group_ids),
            notes=notes,
            requirements=requirements,
        )

    def reachable(self, local: Local, peer: Peer, path: str) -> None:
        """A remote client has no path into the site but through its internet router: refuse a site peer."""
        if local not in INSIDE and peer in INSIDE:
            raise self.fail(
                f"{path}.peer",
                f"a {local!r} side cannot have peer {peer!r}, an end inside the site; "
                "a remote client reaches the site at pbx-host (or any)",
            )

    def requirements(self, raw: Any, path: str) -> tuple[Requirement, ...]:
        items = self.array_of_tables(raw, f"{path}.requirement")
        return tuple(self.requirement(item, f"{path}.requirement[{j}]") for j, item in enumerate(items))

    def requirement(self, raw: dict[str, Any], path: str) -> Requirement:
        self.table(
            raw,
            path,
            ("article", "direction", "protocol", "ports", "peer", "local", "purpose", "alternatives"),
            ("direction", "protocol", "ports", "peer", "purpose"),
        )
        alternatives = raw.get("alternatives", False)
        if not isinstance(alternatives, bool):
            raise self.fail(f"{path}.alternatives", f"must be true or false, not {_kind(alternatives)}")
        return Requirement(
            article=self.string(raw.get("article", ""), f"{path}.article", allow_empty=True),
            direction=self.choice(raw["direction"], f"{path}.direction", DIRECTIONS, "direction"),
            protocol=self.choice(raw["protocol"], f"{path}.protocol", PROTOCOLS, "protocol"),
            ports=self.ports(raw["ports"], f"{path}.ports"),
            peer=self.choice(raw["peer"], f"{path}.peer", PEERS, "peer"),
            purpose=self.text(raw["purpose"], f"{path}.purpose"),
            local=self.choice(raw["local"], f"{path}.local", LOCALS, "local side") if "local" in raw else None,
            alternatives=alternatives,
        )


def _unsafe_char(value: str) -> str | None:
    """The first character that could act on a terminal or disguise text.

    Control characters (terminal escapes among them), format characters such
    as bidirectional overrides, surrogates, private-use and unassigned code
    points are refused; the no-break space is the one separator the article
    itself uses.
    """
    if value.isprintable():
        return None
    for ch in value:
        if not ch.isprintable() and ch != "\u00a0":
            return ch
    return None


def _kind(value: Any) -> str:
    return {
        dict: "a table",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)
