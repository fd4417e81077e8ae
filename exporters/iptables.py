"""iptables: a complete ``iptables-restore`` file for the filter table, with its own chain.

Syntax: iptables(8), iptables-extensions(8) (multiport: "Up to 15 ports can be
specified. A port range (port:port) counts as two ports."; comment: at most 256
characters; conntrack --ctstate), iptables-restore(8) for the file format.
The FORWARD chain's policy becomes DROP; it jumps to FWPLAN, which accepts
replies and the planned flows.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, ExportError, Peer, clip, comment_block, header_lines, one_line, peer
from exporters.base import labels_scopes, rule_comment, token
from exporters.dialects import format_ports
from exporters.words import say
from fwplan.merge import Limits, Rule, RuleSet

CHAIN = "FWPLAN"
COMMENT_BYTES = 255


def ipt_comment(text: str) -> str:
    """A double-quoted --comment value; quotes and backslashes, which iptables-restore would read, are dropped."""
    cleaned = one_line(text).replace('"', "").replace("'", "").replace("\\", "/")
    return '"' + clip(cleaned, COMMENT_BYTES) + '"'


def _address(p: Peer) -> str:
    if p.placeholder is not None:
        return token(p.placeholder)
    return ",".join(p.addresses)


@dataclass(frozen=True)
class IptablesExporter:
    name: str = "iptables"
    description: str = "iptables-restore file (filter table, FWPLAN chain jumped to from FORWARD)"
    suffix: str = ".rules"
    limits: Limits = Limits(max_entries=15, range_cost=2)
    fuse_protocols: bool = False
    takes_names: bool = False
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        family = context.family
        tool = "ip6tables-restore" if family == 6 else "iptables-restore"
        head = header_lines(ruleset, context, tool, self.takes_names, spell=token)
        head.append(say("iptables.load", context.lang, tool=tool))
        out = [comment_block(head), "*filter\n", ":INPUT ACCEPT [0:0]\n", ":FORWARD DROP [0:0]\n",
               ":OUTPUT ACCEPT [0:0]\n", f":{CHAIN} - [0:0]\n", f"-A FORWARD -j {CHAIN}\n",
               f"-A {CHAIN} -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n"]
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            out.append(f"# {rule_comment(number, rule, context.lang, scoped)}\n")
            out.append(self._line(number, rule, context, family) + "\n")
        out.append("COMMIT\n")
        return "".join(out)

    def _line(self, number: int, rule: Rule, context: ExportContext, family: int) -> str:
        words = [f"-A {CHAIN}"]
        for flag, endpoint in (("-s", rule.source), ("-d", rule.destination)):
            p = peer(endpoint, context, self.takes_names)
            if p.is_any:
                continue
            if p.family not in (None, family):
                raise ExportError.about("export.iptables_family", address=endpoint.value, version=p.family,
                                        family=family)
            words.append(f"{flag} {_address(p)}")
        words.append(f"-p {rule.protocol}")
        if len(rule.ports.ranges) == 1:
            words.append(f"--dport {format_ports(rule.ports, 'iptables')}")
        else:
            words.append(f"-m multiport --dports {format_ports(rule.ports, 'iptables')}")
        words.append(f"-m comment --comment {ipt_comment(f'fwplan rule {number}')}")
        words.append("-j ACCEPT")
        return " ".join(words)


EXPORTER = IptablesExporter()
