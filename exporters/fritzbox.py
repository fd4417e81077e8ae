"""FRITZ!Box: one port sharing per port or range for the inbound rules; the outbound rules as notes.

Sources: AVM knowledge base "Setting up port sharing in the FRITZ!Box"
(https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-7590/34_Configuring-static-port-sharing/):
Internet > Permit Access > Port Sharing > Add Device for Sharing > New
Sharing > Port sharing; each sharing names one device, one protocol (TCP or
UDP) and one port or one range ("Port to device ... through port ..."), the
"Port requested externally" for IPv4 only, and "Enable sharing for IPv4" /
"for IPv6". AVM help "Port Sharing"
(https://service.avm.de/help/en/FRITZ-Box-7530/019p2/hilfe_portfreigabe): "A
port can be released for sharing only once per device" and the external port
"only once in the FRITZ!Box firewall". FRITZ!Box 7560 manual, "Configuring
Port Forwarding": over IPv4 "one port can be opened for exactly one computer",
over IPv6 "for each computer in the network" (each device has its own global
address: no external port, no translation). A sharing cannot be limited to a
source address. A FRITZ!Box lets outbound traffic through by default, so the
outbound rules need no setting there.

No router options: the FRITZ!Box has no interfaces to name, always translates
IPv4 (an IPv4 sharing is a port forward; a routed public LAN, ``--no-nat``,
is not a FRITZ!Box setup) and never IPv6, and its sharings carry no names.
Entering a sharing a second time is refused by the FRITZ!Box (the port is
taken), which the header says.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import (
    LAN_ROLES,
    ExportContext,
    Peer,
    comment_block,
    header_lines,
    labels_scopes,
    one_line,
    peer,
    rule_about,
)
from fwplan.i18n import say
from fwplan.merge import Limits, RuleSet


@dataclass(frozen=True)
class FamilyTexts:
    """The texts that differ between an IPv4 and an IPv6 FRITZ!Box export (keys of ``fwplan.i18n.exports``)."""

    again: str
    sharing: str
    network: str


FAMILY_TEXTS = {
    4: FamilyTexts("fritzbox.again.v4", "fritzbox.sharing.v4", "fritzbox.network.v4"),
    6: FamilyTexts("fritzbox.again.v6", "fritzbox.sharing.v6", "fritzbox.network.v6"),
}


@dataclass(frozen=True)
class FritzboxExporter:
    name: str = "fritzbox"
    suffix: str = ".txt"
    limits: Limits = Limits(max_entries=1)
    fuse_protocols: bool = False
    takes_names: bool = False
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang = context.lang
        family = FAMILY_TEXTS[6 if context.family == 6 else 4]
        head = header_lines(ruleset, context, "FRITZ!Box", self.takes_names)
        head.append(say(family.again, lang))
        head.append(say("fritzbox.docs", lang))
        out = [comment_block(head), "\n"]
        numbered = ruleset.numbered()
        inbound = [(n, r) for n, r in numbered if r.direction == "inbound"]
        outbound = [(n, r) for n, r in numbered if r.direction == "outbound"]
        scoped = labels_scopes(ruleset)
        out.append(f"{say('fritzbox.inbound', lang)}:\n")
        if not inbound:
            out.append(f"  {say('fritzbox.none', lang)}\n")
        for number, rule in inbound:
            src, dst = peer(rule.source, context, False), peer(rule.destination, context, False)
            src_text, dst_text = self._text(src), self._text(dst)
            r = rule.ports.ranges[0]
            if src.role in LAN_ROLES:
                out.append(
                    f"  {number}. {rule.protocol.upper()} {r.format('-')}: "
                    f"{one_line(say('fritzbox.internal', lang, src=src_text, dst=dst_text))}: "
                    f"{rule_about(rule, lang, scoped)}\n"
                )
                continue
            sharing = say(family.sharing, lang, device=dst_text, protocol=rule.protocol.upper(), lo=r.lo, hi=r.hi)
            out.append(f"  {number}. {one_line(sharing)}\n")
            if not src.is_any:
                out.append(f"     {one_line(say('fritzbox.from', lang, src=src_text))}\n")
            if dst.role == "lan-network" or dst.is_any or rule.destination.kind == "network":
                out.append(f"     {one_line(say(family.network, lang, dst=dst_text))}\n")
            out.append(f"     {rule_about(rule, lang, scoped)}\n")
        out.append(f"\n{say('fritzbox.outbound', lang)}:\n")
        if not outbound:
            out.append(f"  {say('fritzbox.none', lang)}\n")
        for number, rule in outbound:
            src, dst = peer(rule.source, context, False), peer(rule.destination, context, False)
            r = rule.ports.ranges[0]
            out.append(
                f"  {number}. {rule.protocol.upper()} {r.format('-')}: {self._text(src)} -> {self._text(dst)}: "
                f"{rule_about(rule, lang, scoped)}\n"
            )
        return "".join(out)

    @staticmethod
    def _text(p: Peer) -> str:
        if p.is_any:
            return "any"
        if p.placeholder is not None:
            return one_line(p.placeholder)
        return one_line(", ".join(p.addresses))


EXPORTER = FritzboxExporter()
