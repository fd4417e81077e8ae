"""What every router exporter provides, and what it is given."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from fwplan.catalog import Catalog
from fwplan.merge import Limits, RuleSet
from fwplan.plan import Plan


@dataclass(frozen=True)
class ExportContext:
    """Everything an exporter may use besides the rule set."""

    catalog: Catalog
    plan: Plan
    lang: str = "en"
    resolve: bool = False
    options: dict = field(default_factory=dict)


class Exporter(Protocol):
    name: str
    description: str
    suffix: str
    limits: Limits
    #: False where the target wants TCP and UDP as separate rules.
    fuse_protocols: bool

    def render(self, ruleset: RuleSet, context: ExportContext) -> str: ...
