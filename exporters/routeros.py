"""MikroTik RouterOS: a script for ``/import`` or pasting: address list, port forwards (dst-nat), filter rules.

Syntax: MikroTik help "Firewall / Filter" and "Common Firewall Matchers and
Actions" (https://help.mikrotik.com/docs/display/ROS/Filter), "NAT"
(https://help.mikrotik.com/docs/display/ROS/NAT: ``chain=dstnat
action=dst-nat to-addresses=...``; without ``to-ports`` the port is kept),
"Address-lists" (https://help.mikrotik.com/docs/display/ROS/Address-lists: an
entry may be a DNS name, which RouterOS resolves and keeps current in dynamic
entries; adding an entry that exists aborts the script with "already have such
entry"), "Interface Lists" (``in-interface-list``/``out-interface-list``; the
default configuration's lists are ``WAN`` and ``LAN``) and "Scripting" (strings
in double quotes; ``\\"``, ``\\\\``, ``\\$``, ``\\?`` and ``\\XX`` hex escapes;
``[find comment~"REGEX"]`` selects entries by a POSIX regular expression).
dst-port takes ``443,9100-9101``; RouterOS refuses more than 15 ports in one
rule ("15 ports max"), so rules are split, a range counted as 2 to stay on the
safe side.

The site router: the internet rules match the interface lists (``--wan-if``,
``--lan-if``; default ``WAN``/``LAN``). An inbound internet rule to the private
IPv4 LAN is a port forward: a dst-nat entry from the WAN list, restricted to the
rule's source, plus the filter rule for the translated connection
(``connection-nat-state=dstnat``). The default configuration's forward chain
ends in "defconf: drop all from WAN not DSTNATed" (``connection-state=new
connection-nat-state=!dstnat in-interface-list=WAN``), so without the dst-nat
entry the packet is dropped there. IPv6 (``/ipv6 firewall``) and ``--no-nat``
write plain filter rules.

Pasting again: every section first removes the earlier entries of the same
name prefix (address list by its name, nat and filter entries by a comment
``PREFIX N ...``), so the second paste replaces the first instead of aborting
on the address-list entry or doubling the rules. Comments are folded to ASCII:
RouterOS keeps them as bytes, and Winbox and ``/export`` show UTF-8 mangled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporters.base import (
    ExportContext,
    Peer,
    ascii_text,
    comment_block,
    forward_device,
    header_lines,
    labels_scopes,
    one_line,
    peer,
    rule_comment,
)
from exporters.dialects import format_ports
from fwplan.i18n import say
from fwplan.merge import PLACEHOLDER_PBX_HOST, PLACEHOLDER_WORDS, Endpoint, Limits, Rule, RuleSet

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_/()[]{}<>!#%&'*+=@^|~")
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def ros_string(text: str) -> str:
    """A RouterOS double-quoted string: everything outside a safe ASCII set as a \\XX byte escape."""
    out = []
    for ch in one_line(text):
        if ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"\\{b:02X}" for b in ch.encode("utf-8"))
    return '"' + "".join(out) + '"'


def ros_value(text: str) -> str:
    """A name as RouterOS reads it: bare where it is a plain word, else quoted."""
    return text if _BARE.fullmatch(text) else ros_string(text)


def ros_comment(text: str, prefix: str) -> str:
    """A rule's comment, starting with the name prefix (``fwplan 3 ...``), folded to ASCII and quoted."""
    return ros_string(ascii_text(prefix + text.removeprefix("fwplan")))


def pbx_list(prefix: str) -> str:
    return f"{prefix}-pbx-host"


@dataclass(frozen=True)
class RouterosExporter:
    name: str = "routeros"
    suffix: str = ".rsc"
    limits: Limits = Limits(max_entries=15, range_cost=2)
    fuse_protocols: bool = False
    takes_names: bool = True
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "name_prefix"))
    interfaces: tuple[str, str] = ("WAN", "LAN")

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang = context.lang
        v4 = context.family == 4
        ip = "/ip" if v4 else "/ipv6"
        wan, lan = context.interfaces(*self.interfaces)
        prefix = context.router.name_prefix
        numbered = ruleset.numbered()
        forwards = {n: forward_device(r, n, context) for n, r in numbered}
        head = header_lines(ruleset, context, "RouterOS", self.takes_names)
        head.append(say("routeros.load", lang))
        given = (wan, lan) != self.interfaces
        head.append(say("routeros.interfaces.given" if given else "routeros.interfaces", lang, wan=wan, lan=lan))
        if any(forwards.values()):
            head.append(say("routeros.forward", lang, wan=wan))
        elif v4 and not context.nat:
            head.append(say("routeros.no_nat", lang))
        head.append(say("routeros.again", lang, prefix=prefix, list=pbx_list(prefix)))
        head.append(say("routeros.docs", lang))
        out = [comment_block(head)]
        host = context.plan.host
        uses_host = any(
            peer(e, context, True).role == "pbx-host" for r in ruleset.rules for e in (r.source, r.destination)
        )
        out.append(f"{ip} firewall address-list\n")
        out.append(f"remove [find list={pbx_list(prefix)} dynamic=no]\n")
        if uses_host:
            address = host.value if host is not None else PLACEHOLDER_WORDS[PLACEHOLDER_PBX_HOST].get(lang)
            comment = ros_string(ascii_text(say("routeros.pbx_comment", lang, prefix=prefix)))
            out.append(f"add list={pbx_list(prefix)} address={ros_string(address)} comment={comment}\n")
        scoped = labels_scopes(ruleset)
        remove = f'remove [find comment~"^{prefix} [0-9]"]\n'
        if v4:
            out.append(f"{ip} firewall nat\n{remove}")
            for number, rule in numbered:
                target = forwards[number]
                if target is None:
                    continue
                words = [
                    "add chain=dstnat action=dst-nat",
                    f"in-interface-list={ros_value(wan)}",
                    f"protocol={rule.protocol}",
                    *self._side("src", rule.source, context),
                    f"dst-port={format_ports(rule.ports, 'routeros')}",
                    f"to-addresses={self._address(peer(target, context, self.takes_names))}",
                    f"comment={ros_comment(rule_comment(number, rule, lang, scoped), prefix)}",
                ]
                out.append(" ".join(words) + "\n")
        out.append(f"{ip} firewall filter\n{remove}")
        for number, rule in numbered:
            words = ["add chain=forward action=accept"]
            if forwards[number] is not None:
                words.append("connection-nat-state=dstnat")
            words.extend(self._interfaces(rule, wan, lan))
            words.append(f"protocol={rule.protocol}")
            words.extend(self._side("src", rule.source, context))
            words.extend(self._side("dst", rule.destination, context))
            words.append(f"dst-port={format_ports(rule.ports, 'routeros')}")
            words.append(f"comment={ros_comment(rule_comment(number, rule, lang, scoped), prefix)}")
            out.append(" ".join(words) + "\n")
        return "".join(out)

    def _side(self, side: str, endpoint: Endpoint, context: ExportContext) -> list[str]:
        p = peer(endpoint, context, self.takes_names)
        if p.is_any:
            return []
        if p.role == "pbx-host":
            return [f"{side}-address-list={pbx_list(context.router.name_prefix)}"]
        return [f"{side}-address={self._address(p)}"]

    @staticmethod
    def _interfaces(rule: Rule, wan: str, lan: str) -> list[str]:
        """An internet rule passes from one side of the router to the other; other scopes keep no interface."""
        if rule.scope != "internet":
            return []
        src, dst = (lan, wan) if rule.direction == "outbound" else (wan, lan)
        return [f"in-interface-list={ros_value(src)}", f"out-interface-list={ros_value(dst)}"]

    @staticmethod
    def _address(p: Peer) -> str:
        if p.placeholder is not None:
            return ros_string(p.placeholder)
        return p.addresses[0]


EXPORTER = RouterosExporter()
