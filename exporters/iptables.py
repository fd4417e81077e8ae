"""iptables: a complete ``iptables-restore --noflush`` file: the filter table, and for IPv4 the nat table.

Syntax: iptables(8), iptables-restore(8) (the file format; "-n, --noflush: don't
flush the previous contents of the table. If not specified, both commands flush
(delete) all previous contents of the respective table"; a chain line ``:NAME``
creates the chain, or with --noflush empties it), iptables-extensions(8)
(https://ipset.netfilter.org/iptables-extensions.man.html: multiport "Up to 15
ports can be specified. A port range (port:port) counts as two ports."; comment
at most 256 characters; conntrack ``--ctstate ESTABLISHED,RELATED`` and the
virtual state ``DNAT``; addrtype ``--dst-type LOCAL``; the DNAT target's
``--to-destination`` (valid in the nat table's PREROUTING chain and the chains
called from it; without a port the port is kept) and the MASQUERADE target
(the nat table's POSTROUTING)).

Loading, always with ``--noflush``: without it iptables-restore would empty
every table the file names, the router's own nat rules (its masquerade) and
its INPUT rules included. The file declares its chains FWPLAN (filter) and,
for IPv4 always, FWPLAN-DNAT and FWPLAN-SNAT (nat; declared even when empty,
with ``--no-nat`` too), so each load empties and refills them, and any IPv4
file loaded after any other leaves only its own port forwards and masquerade.
FORWARD is the file's: its policy becomes DROP, it is flushed and jumps to
FWPLAN, which accepts replies and the planned flows (the same verdict as the
nftables table's drop policy).

The nat table's built-in chains PREROUTING and POSTROUTING keep their rules,
and the file writes no jump into them. Decided so, deliberately (Entscheidung,
bewusst): eine iptables-restore-Datei kann keine Regel nur dort einfügen, wo
sie fehlt, und keine nur dort löschen, wo sie steht (ein ``-D`` einer
fehlenden Regel bricht das ganze Laden ab); ``-I PREROUTING`` in der Datei
stapelte also bei jedem Laden einen Sprung mehr, und ``-F PREROUTING`` löschte
das NAT des Routers. Die Sprünge setzt der Nutzer einmal, geprüft (``-C ||
-I``), wie der Kopf der Datei sagt; danach ist jedes Laden idempotent. In
English: a restore file can neither add a rule only where it is missing nor
delete one only where it is present (a ``-D`` of a missing rule aborts the
whole load), so an ``-I PREROUTING`` in the file would stack one more jump
per load, and ``-F PREROUTING`` would delete the router's own NAT. The jumps
PREROUTING -> FWPLAN-DNAT and POSTROUTING -> FWPLAN-SNAT are therefore set
once, by the guarded commands (``iptables -t nat -C ... || iptables -t nat
-I ...``) that the header of every IPv4 NAT file names; they are the only
state outside the file, and every later load is idempotent. Without them the
port forwards and the masquerade do nothing (fail closed: nothing is
forwarded). tests/e2e/test_nat_namespaces.py proves it with real packets: two
NAT loads behave as one, and a ``--no-nat`` file loaded after a NAT file ends
its port forward.

The site router: forward rules match the interfaces (``--wan-if``/``--lan-if``,
default ``wan0``/``lan0``, see exporters.nftables), so that a peer ``any`` is
the internet side only; an inbound internet rule to the private IPv4 LAN is a
port forward: a DNAT for packets from the rule's source to the router's own
address on the WAN, and the filter rule for the translated packet (``--ctstate
DNAT``). ``--masquerade`` adds MASQUERADE for the LAN network leaving the WAN.
IPv6 (ip6tables-restore) writes the filter table only; ``--no-nat`` (IPv4) writes
the nat chains empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import (
    ExportContext,
    ExportError,
    Peer,
    clip,
    comment_block,
    header_lines,
    labels_scopes,
    one_line,
    peer,
    port_forwards,
    rule_comment,
    token,
)
from exporters.dialects import format_ports
from exporters.nftables import LINUX_INTERFACES, lan_network, router_lines, sides
from fwplan.i18n import say
from fwplan.merge import Limits, Rule, RuleSet

CHAIN = "FWPLAN"
DNAT_CHAIN = "FWPLAN-DNAT"
SNAT_CHAIN = "FWPLAN-SNAT"
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
    suffix: str = ".rules"
    limits: Limits = Limits(max_entries=15, range_cost=2)
    fuse_protocols: bool = False
    takes_names: bool = False
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "masquerade"))
    interfaces: tuple[str, str] = LINUX_INTERFACES

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        family = context.family
        tool = "ip6tables-restore" if family == 6 else "iptables-restore"
        command = "ip6tables" if family == 6 else "iptables"
        numbered = ruleset.numbered()
        forwards = port_forwards(numbered, context)
        masquerade = context.nat and context.router.masquerade
        wan, lan = context.interfaces(*self.interfaces)
        network = lan_network(context, self.takes_names)
        head = header_lines(ruleset, context, tool, self.takes_names, spell=token)
        head += router_lines(
            ruleset, context, self.interfaces, "iptables.interfaces.change", forwards, _address(network)
        )
        # the nat table's built-in chains keep their rules and get no jump from this file (see the docstring):
        # the guarded commands in the header hook them once, so that every load is idempotent
        hooks = "; ".join(
            f"{command} -t nat -C {hook} -j {chain} 2>/dev/null || {command} -t nat -I {hook} -j {chain}"
            for hook, chain in (("PREROUTING", DNAT_CHAIN), ("POSTROUTING", SNAT_CHAIN))
        )
        chains = (CHAIN,) if family == 6 else (CHAIN, DNAT_CHAIN, SNAT_CHAIN)
        head += [
            say("iptables.load", context.lang, tool=tool),
            say("iptables.again", context.lang, chains=", ".join(chains)),
            say("iptables.again.same", context.lang),
        ]
        if family == 4:
            head.append(
                say("iptables.hooks", context.lang, hooks=hooks)
                if context.nat
                else say("iptables.nat.empty", context.lang, chains=f"{DNAT_CHAIN}, {SNAT_CHAIN}")
            )
        head.append(say("iptables.docs", context.lang))
        out = [comment_block(head)]
        scoped = labels_scopes(ruleset)
        if family == 4:
            # declared always, even empty (--no-nat too): loading this file clears what an earlier one put there
            out += ["*nat\n", f":{DNAT_CHAIN} - [0:0]\n", f":{SNAT_CHAIN} - [0:0]\n"]
            for number, rule in numbered:
                if number not in forwards:
                    continue
                out.append(f"# {rule_comment(number, rule, context.lang, scoped)}\n")
                out.append(self._line(number, rule, context, family, wan, lan, dnat=True) + "\n")
            if masquerade:
                out.append(
                    f"-A {SNAT_CHAIN} -o {wan} -s {_address(network)} "
                    f"-m comment --comment {ipt_comment('fwplan masquerade')} -j MASQUERADE\n"
                )
            out.append("COMMIT\n")
        out += [
            "*filter\n",
            ":FORWARD DROP [0:0]\n",
            f":{CHAIN} - [0:0]\n",
            "-F FORWARD\n",
            f"-A FORWARD -j {CHAIN}\n",
            f"-A {CHAIN} -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n",
        ]
        for number, rule in numbered:
            out.append(f"# {rule_comment(number, rule, context.lang, scoped)}\n")
            out.append(self._line(number, rule, context, family, wan, lan, forwarded=number in forwards) + "\n")
        out.append("COMMIT\n")
        return "".join(out)

    def _line(
        self,
        number: str,
        rule: Rule,
        context: ExportContext,
        family: int,
        wan: str,
        lan: str,
        forwarded: bool = False,
        dnat: bool = False,
    ) -> str:
        """The filter rule (``forwarded``: for the translated packet), or with ``dnat`` the port forward itself."""
        words = [f"-A {DNAT_CHAIN} -i {wan}" if dnat else f"-A {CHAIN}"]
        crossed = sides(rule, wan, lan)
        if crossed is not None and not dnat:
            words.append(f"-i {crossed[0]} -o {crossed[1]}")
        target: Peer | None = None  # with ``dnat``: the destination the forward goes to
        for flag, endpoint in (("-s", rule.source), ("-d", rule.destination)):
            p = peer(endpoint, context, self.takes_names)
            if p.family not in (None, family):
                raise ExportError.about(
                    "export.iptables_family", address=endpoint.value, version=p.family, family=family
                )
            if flag == "-d" and dnat:
                target = p
            elif not p.is_any:
                words.append(f"{flag} {_address(p)}")
        words.append(f"-p {rule.protocol}")
        if len(rule.ports.ranges) == 1:
            words.append(f"--dport {format_ports(rule.ports, 'iptables')}")
        else:
            words.append(f"-m multiport --dports {format_ports(rule.ports, 'iptables')}")
        if dnat:
            words.append("-m addrtype --dst-type LOCAL")
        elif forwarded:
            words.append("-m conntrack --ctstate DNAT")
        words.append(f"-m comment --comment {ipt_comment(f'fwplan rule {number}')}")
        words.append("-j ACCEPT" if target is None else f"-j DNAT --to-destination {_address(target)}")
        return " ".join(words)


EXPORTER = IptablesExporter()
