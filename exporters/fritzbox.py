"""FRITZ!Box: one port sharing per port or range for the inbound rules; the outbound rules as notes.

Source: AVM knowledge base "Setting up port sharing in the FRITZ!Box"
(https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-7590/34_Configuring-static-port-sharing/):
Internet > Permit Access > Port Sharing > Add Device for Sharing > New
Sharing > Port sharing; each sharing names one device, one protocol (TCP or
UDP) and one port or one range ("Port to device ... through ..."). A sharing
cannot be limited to a source address. A FRITZ!Box lets outbound traffic
through by default, so the outbound rules need no setting there.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, comment_block, header_lines, one_line, peer
from fwplan.merge import Limits, RuleSet

WORDS = {
    "en": {
        "inbound": "Port sharings (Internet > Permit Access > Port Sharing > Add Device for Sharing > New Sharing)",
        "device": "device", "protocol": "protocol", "port": "port to device", "through": "through",
        "external": "port requested externally",
        "from": "the rule allows only source {src}; a FRITZ!Box sharing cannot limit the source",
        "internal": "inside the LAN ({src} -> {dst}): does not pass the FRITZ!Box, nothing to set",
        "network": "the destination is the network {dst}: add one sharing per device that needs it",
        "outbound": "Outbound (no setting needed: the FRITZ!Box lets outbound traffic through by default)",
        "none": "none",
    },
    "de": {
        "inbound": "Portfreigaben (Internet > Freigaben > Portfreigaben > Gerät für Freigaben hinzufügen > Neue Freigabe)",
        "device": "Gerät", "protocol": "Protokoll", "port": "Port an Gerät", "through": "bis Port",
        "external": "Port extern gewünscht",
        "from": "die Regel erlaubt nur Quelle {src}; eine FRITZ!Box-Freigabe kann die Quelle nicht einschränken",
        "internal": "innerhalb des LAN ({src} -> {dst}): läuft nicht über die FRITZ!Box, nichts einzustellen",
        "network": "Ziel ist das Netz {dst}: je Gerät, das es braucht, eine Freigabe anlegen",
        "outbound": "Ausgehend (keine Einstellung nötig: die FRITZ!Box lässt ausgehenden Verkehr standardmäßig durch)",
        "none": "keine",
    },
}


@dataclass(frozen=True)
class FritzboxExporter:
    name: str = "fritzbox"
    description: str = "FRITZ!Box port sharings (one port or range each) and the outbound rules as notes"
    suffix: str = ".txt"
    limits: Limits = Limits(max_entries=1)
    fuse_protocols: bool = False
    takes_names: bool = False

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        w = WORDS[context.lang]
        out = [comment_block(header_lines(ruleset, context, "FRITZ!Box", self.takes_names)), "\n"]
        inbound = [(n, r) for n, r in enumerate(ruleset.rules, start=1) if r.direction == "inbound"]
        outbound = [(n, r) for n, r in enumerate(ruleset.rules, start=1) if r.direction == "outbound"]
        out.append(f"{w['inbound']}:\n")
        if not inbound:
            out.append(f"  {w['none']}\n")
        for number, rule in inbound:
            src, dst = peer(rule.source, context, False), peer(rule.destination, context, False)
            src_text, dst_text = self._text(src), self._text(dst)
            r = rule.ports.ranges[0]
            if src.role in ("lan-network", "lan-address"):
                out.append(f"  {number}. {rule.protocol.upper()} {r.format('-')}: "
                           f"{one_line(w['internal'].format(src=src_text, dst=dst_text))}\n")
                continue
            out.append(f"  {number}. {w['device']} {dst_text}, {w['protocol']} {rule.protocol.upper()}, "
                       f"{w['port']} {r.lo} {w['through']} {r.hi}, {w['external']} {r.lo}\n")
            if not src.is_any:
                out.append(f"     {one_line(w['from'].format(src=src_text))}\n")
            if dst.role == "lan-network":
                out.append(f"     {one_line(w['network'].format(dst=dst_text))}\n")
            out.append(f"     {one_line(rule.purpose(context.lang))}\n")
        out.append(f"\n{w['outbound']}:\n")
        if not outbound:
            out.append(f"  {w['none']}\n")
        for number, rule in outbound:
            src, dst = peer(rule.source, context, False), peer(rule.destination, context, False)
            r = rule.ports.ranges[0]
            out.append(f"  {number}. {rule.protocol.upper()} {r.format('-')}: {self._text(src)} -> {self._text(dst)}: "
                       f"{one_line(rule.purpose(context.lang))}\n")
        return "".join(out)

    @staticmethod
    def _text(p) -> str:
        if p.is_any:
            return "any"
        if p.placeholder is not None:
            return one_line(p.placeholder)
        return one_line(", ".join(p.addresses))


EXPORTER = FritzboxExporter()
