"""Read the port lists back out of each exporter's output, strictly: an unexpected line is an error.

Each reader returns one (protocol, PortSet) per rule, in rule order, parsed
with tests.exporters.ports_reader the way the target would read the field.
"""

from __future__ import annotations

import re

from fwplan.merge import _letters
from fwplan.ports import PortRange, PortSet
from tests.exporters.ports_reader import parse_ports


class Unexpected(AssertionError):
    pass


def _fail(line: str, fmt: str):
    raise Unexpected(f"{fmt}: unexpected line {line!r}")


# nftables, iptables: every line is one of the forms the exporter writes (the nat parts included); the
# filter rules are read back, one per rule.
_IFACE = r"[A-Za-z0-9][A-Za-z0-9._:/@-]*"
_NFT_SIDES = r"(?:iifname \$(?:WAN|LAN)_IF oifname \$(?:WAN|LAN)_IF )?"
_NFT_PEER = r"(?:ip6? saddr \S+(?: \S+)* )?(?:ip6? daddr \S+(?: \S+)* )?"
_NFT_PROTO = r"(tcp|udp|meta l4proto \{ tcp, udp \} th) dport @(rule\d+[a-z]*_ports)"
_NFT_FIXED = (
    "#!/usr/sbin/nft -f",
    "table inet fwplan",
    "delete table inet fwplan",
    "table inet fwplan {",
    "\tchain forward {",
    "\t\ttype filter hook forward priority filter; policy drop;",
    "\t\tct state established,related accept",
    "\tchain prerouting {",
    "\t\ttype nat hook prerouting priority dstnat; policy accept;",
    "\tchain postrouting {",
    "\t\ttype nat hook postrouting priority srcnat; policy accept;",
    '\t\toifname $WAN_IF ip saddr $LAN_NET masquerade comment "fwplan masquerade"',
    "\t\ttype inet_service",
    "\t\tflags interval",
    "\t}",
    "}",
)


def nftables(text: str) -> list:
    sets = dict(
        re.findall(
            r"set (rule\d+[a-z]*_ports) \{\n\t\ttype inet_service\n\t\tflags interval\n"
            r"\t\telements = (\{[^}\n]*\})\n\t\}",
            text,
        )
    )
    out = []
    for line in text.splitlines():
        if not line or line.lstrip("\t").startswith("# ") or line in _NFT_FIXED:
            continue
        if re.fullmatch(r"define [A-Z_]+ = .+|\tset rule\d+[a-z]*_ports \{|\t\telements = \{[^}]*\}", line):
            continue
        m = re.fullmatch(
            rf"\t\t{_NFT_SIDES}(?:ct status dnat )?{_NFT_PEER}{_NFT_PROTO} accept "
            r"comment \"fwplan rule \d+[a-z]*\"",
            line,
        )
        if m:
            proto = {"tcp": "tcp", "udp": "udp"}.get(m.group(1), "tcp/udp")
            out.append((proto, parse_ports(sets[m.group(2)], "nftables")))
            continue
        m = re.fullmatch(
            rf"\t\tiifname \$WAN_IF fib daddr type local (?:ip saddr \S+(?: \S+)* )?{_NFT_PROTO} "
            r"dnat ip to \S+ comment \"fwplan rule \d+[a-z]*\"",
            line,
        )
        if m is None or m.group(2) not in sets:
            _fail(line, "nftables")
    return out


_IPT_FIXED = (
    "*nat",
    "*filter",
    "COMMIT",
    ":FORWARD DROP [0:0]",
    ":FWPLAN - [0:0]",
    ":FWPLAN-DNAT - [0:0]",
    ":FWPLAN-SNAT - [0:0]",
    "-F FORWARD",
    "-A FORWARD -j FWPLAN",
    "-A FWPLAN -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
)
_IPT_PORTS = r"-p (tcp|udp) (?:--dport (\S+)|-m multiport --dports (\S+))"


def iptables(text: str) -> list:
    out = []
    for line in text.splitlines():
        if not line or line.startswith("# ") or line in _IPT_FIXED:
            continue
        if re.fullmatch(
            rf"-A FWPLAN-SNAT -o {_IFACE} -s \S+ -m comment --comment \"fwplan masquerade\" -j MASQUERADE", line
        ):
            continue
        if re.fullmatch(
            rf"-A FWPLAN-DNAT -i {_IFACE}(?: -s \S+)? {_IPT_PORTS} -m addrtype --dst-type LOCAL "
            r"-m comment --comment \"fwplan rule \d+[a-z]*\" -j DNAT --to-destination \S+",
            line,
        ):
            continue
        m = re.fullmatch(
            rf"-A FWPLAN(?: -i {_IFACE} -o {_IFACE})?(?: -s \S+)?(?: -d \S+)? {_IPT_PORTS}"
            r"(?: -m conntrack --ctstate DNAT)? -m comment --comment \"[^\"]*\" -j ACCEPT",
            line,
        )
        if m is None:
            _fail(line, "iptables")
        out.append((m.group(1), parse_ports(m.group(2) or m.group(3), "iptables")))
    return out


# end of nftables, iptables


_ROS_VALUE = r'(?:"(?:\\[0-9A-F]{2}|[^"\\])*"|[^\s"]+)'


_ROS_SECTIONS = {f"/{ip} firewall {menu}" for ip in ("ip", "ipv6") for menu in ("address-list", "nat", "filter")}


def routeros(text: str) -> list:
    """RouterOS (issue 10): each section removes its earlier entries before adding; a dst-nat entry is a port
    forward from the WAN list with its own filter rule (same comment, protocol, ports and source,
    ``dst-address`` = ``to-addresses``, ``connection-nat-state=dstnat``)."""
    out, section, added = [], None, set()
    nat: dict[str, dict[str, str]] = {}
    filters: list[dict[str, str]] = []
    removes: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line in _ROS_SECTIONS:
            assert section is None or line[:5] == section[:5], f"routeros: mixed families at {line!r}"
            section = line
            continue
        if section is None:
            _fail(line, "routeros")
        menu = section.rsplit(" ", 1)[1]
        if m := re.fullmatch(
            r'remove \[find (list=[A-Za-z][\w-]* dynamic=no|comment~"\^[A-Za-z][\w-]* \[0-9\]")\]', line
        ):
            assert menu not in added, f"routeros: {line!r} after an add in {section}"
            assert m.group(1).startswith("list=") == (menu == "address-list"), f"routeros: {line!r} in {section}"
            removes[menu] = m.group(1)
            continue
        if not re.fullmatch(rf"add(?: [a-z-]+={_ROS_VALUE})+", line):
            _fail(line, "routeros")
        assert menu in removes, f"routeros: {section} adds without removing the earlier entries first"
        added.add(menu)
        fields = dict(re.findall(rf"([a-z-]+)=({_ROS_VALUE})", line))
        comment = fields.get("comment", "")
        assert not re.search(r"\\[89A-F][0-9A-F]", comment), f"routeros: a comment not folded to ASCII: {comment!r}"
        if menu == "address-list":
            assert (
                set(fields) == {"list", "address", "comment"} and removes[menu] == f"list={fields['list']} dynamic=no"
            )
            continue
        prefix = removes[menu].split("^", 1)[1].split(" ", 1)[0]
        assert re.fullmatch(rf'"{prefix} \d+[a-z]* .*"', comment), f"routeros: {comment!r} escapes the removal"
        if menu == "nat":
            assert (fields["chain"], fields["action"]) == ("dstnat", "dst-nat") and "in-interface-list" in fields
            assert "to-addresses" in fields and "to-ports" not in fields and comment not in nat, line
            nat[comment] = fields
            continue
        assert (fields["chain"], fields["action"]) == ("forward", "accept"), line
        assert ("in-interface-list" in fields) == ("out-interface-list" in fields), line
        filters.append(fields)
        out.append((fields["protocol"], parse_ports(fields["dst-port"], "routeros")))
    by_comment = {f["comment"]: f for f in filters}
    for comment, entry in nat.items():
        rule = by_comment.get(comment)
        assert rule is not None, f"routeros: the dst-nat {comment} has no filter rule"
        assert rule.get("connection-nat-state") == "dstnat" and rule["dst-address"] == entry["to-addresses"]
        assert rule["in-interface-list"] == entry["in-interface-list"], comment
        for key in ("protocol", "dst-port", "src-address", "src-address-list"):
            assert rule.get(key) == entry.get(key), (comment, key)
    assert all(f["comment"] in nat for f in filters if "connection-nat-state" in f), "routeros: dstnat without nat"
    return out


def _pfsense_rows(lines: list[str], cells: int, fmt: str) -> list[list[str]]:
    rows = []
    for line in lines:
        parts = re.split(r" {2,}", line[2:], maxsplit=cells - 1)
        if len(parts) != cells or not re.fullmatch(r"\d+[a-z]*", parts[0]):
            _fail(line, fmt)
        rows.append(parts)
    return rows


def pfsense(text: str) -> list:
    """pfSense and OPNsense (issue 10): a port alias block per rule (pfSense one entry per line, OPNsense one
    comma-separated line), the rules table with an address family column, and the port forward table, where each
    inbound rule to the private LAN stands instead (from the WAN address, with the rule's alias as destination port
    and redirect target port). Every rule is in exactly one of the two tables."""
    blocks = {}
    inside = None
    sections: dict[str, list[str]] = {"rules": [], "forwards": []}
    section = None
    for line in text.splitlines():
        if m := re.fullmatch(
            r"# BEGIN ((\w+)_rule(\d+[a-z]*)) \((?:type|Typ) Port, (?:rule|Regel) (\d+[a-z]*)\)", line
        ):
            assert inside is None and m.group(3) == m.group(4), f"pfsense: {line!r}"
            inside = (m.group(1), m.group(3), [])
            continue
        if inside is not None:
            if line == f"# END {inside[0]}":
                name, label, body = inside
                assert label not in blocks and body, f"pfsense: block {name}"
                if any("," in entry for entry in body):
                    assert len(body) == 1, f"pfsense: {name} mixes comma-separated and one-per-line entries"
                entries = [e for entry in body for e in entry.split(",")]
                for entry in entries:
                    if not re.fullmatch(r"\d+(:\d+)?", entry):
                        _fail(entry, "pfsense")
                blocks[label] = (name, parse_ports("\n".join(entries), "pfsense"))
                inside = None
            elif line.startswith("#"):
                _fail(line, "pfsense")
            else:
                inside[2].append(line)
            continue
        if re.fullmatch(r"# (?:Rules|Regeln) \(.+\)", line):
            section = "rules"
        elif re.fullmatch(r"# (?:Port forwards|Portweiterleitungen) \(.+\)", line):
            section = "forwards"
        elif section and re.match(r"# \d+[a-z]* ", line):
            sections[section].append(line)
        elif line and not line.startswith("#"):
            _fail(line, "pfsense")
    assert inside is None, "pfsense: a block is not closed"
    found: dict[str, str] = {}
    families = set()
    rules = _pfsense_rows(sections["rules"], 9, "pfsense")
    for n, interface, _direction, family, proto, _src, _dst, port, about in rules:
        found[n] = proto
        families.add(family)
        assert port == blocks[n][0] and f"{about} ".startswith(f"fwplan {n}: "), (n, port, about)
    forwards = _pfsense_rows(sections["forwards"], 10, "pfsense")
    for n, interface, family, proto, _src, destination, port, target, target_port, about in forwards:
        assert n not in found, f"pfsense: rule {n} is both a rule and a port forward"
        found[n] = proto
        families.add(family)
        assert family == "IPv4" and destination == f"{interface} address", f"pfsense: port forward {n}"
        assert port == target_port == blocks[n][0] and f"{about} ".startswith(f"fwplan {n}: "), (n, port)
        assert target != "any", f"pfsense: port forward {n} to no device"
    assert len(families) <= 1 and families <= {"IPv4", "IPv6"}, f"pfsense: address families {families}"
    labels = _in_label_order(blocks, "pfsense")
    assert list(blocks) == labels and sorted(found, key=_label) == labels, (list(blocks), list(found))
    for table in (rules, forwards):
        assert [row[0] for row in table] == sorted((row[0] for row in table), key=_label), "pfsense: rows out of order"
    for proto in found.values():
        assert proto in ("TCP", "UDP", "TCP/UDP"), proto
    return [(found[n].lower(), blocks[n][1]) for n in labels]


_FORTI_STRING = r'"(?:\\.|[^"\\])*"'


def _forti_values(text: str) -> list[str]:
    return [
        re.sub(r"\\(.)", r"\1", v[1:-1]) if v.startswith('"') else v
        for v in re.findall(rf"{_FORTI_STRING}|[^\s\"]+", text)
    ]


def fortigate(text: str) -> list:
    """FortiGate (issue 10): named objects (``edit "NAME"``), policies (``edit 0``) that name only defined
    objects; a VIP is a port forward (one protocol, ``extport`` = ``mappedport``) used as a whole policy's
    ``dstaddr``, from its ``extintf``, with the service's ports; no ``?`` anywhere (it opens the CLI's help)."""
    assert "?" not in text, "fortigate: a '?' would open the CLI's help"
    sections: dict[str, dict[str, dict[str, list[str]]]] = {}
    policies: list[dict[str, list[str]]] = []
    section = current = None
    for line in text.splitlines():
        s = line.strip()
        if line.startswith("#"):
            continue
        if m := re.fullmatch(r"config firewall (address6?|vip|service custom|policy)", line):
            assert section is None and m.group(1) not in sections, f"fortigate: {line!r}"
            section = m.group(1)
            sections[section] = {}
            continue
        if line == "end" and section is not None and current is None:
            section = None
            continue
        if line == "    next" and current is not None:
            current = None
            continue
        if section == "policy" and line == "    edit 0" and current is None:
            current = {}
            policies.append(current)
            continue
        if m := re.fullmatch(rf"    edit ({_FORTI_STRING})", line):
            (name,) = _forti_values(m.group(1))
            assert section not in (None, "policy") and current is None and name not in sections[section], line
            current = sections[section][name] = {}
            continue
        m = re.fullmatch(rf"set ([a-z0-9-]+) ((?:{_FORTI_STRING}|[^\s\"]+)(?: (?:{_FORTI_STRING}|[^\s\"]+))*)", s)
        if m is None or current is None or not line.startswith("        set ") or m.group(1) in current:
            _fail(line, "fortigate")
        current[m.group(1)] = _forti_values(m.group(2))
    assert section is None, "fortigate: a config block is not closed"
    addresses = sections.get("address6" if "address6" in sections else "address", {})
    assert not ("address" in sections and "address6" in sections), "fortigate: two address families"
    vips, services = sections.get("vip", {}), sections.get("service custom", {})
    for name, vip in vips.items():
        assert {"extintf", "extip", "mappedip", "comment", "portforward", "protocol", "extport"} <= set(vip), name
        assert vip["portforward"] == ["enable"] and vip["protocol"] in (["tcp"], ["udp"]), name
        assert vip.get("mappedport") == vip["extport"] and len(vip["extport"]) == len(vip["mappedip"]) == 1, name
    used_vips, names = set(), set()
    for policy in policies:
        v6 = "srcaddr6" in policy
        suffix = "6" if v6 else ""
        assert v6 == ("address6" in sections) or not addresses, "fortigate: a policy of the other family"
        assert set(policy) >= {"name", f"srcaddr{suffix}", f"dstaddr{suffix}", "srcintf", "dstintf", "service"}
        assert policy["action"] == ["accept"] and policy["schedule"] == ["always"], policy
        assert policy["name"][0] not in names, f"fortigate: policy name {policy['name']} twice"
        names.add(policy["name"][0])
        assert all(service in services for service in policy["service"]), policy["service"]
        assert all(a == "all" or a in addresses for a in policy[f"srcaddr{suffix}"]), policy
        destinations = policy[f"dstaddr{suffix}"]
        if any(d in vips for d in destinations):
            assert all(d in vips for d in destinations) and "nat" not in policy, "fortigate: VIPs and addresses mixed"
            assert all(vips[d]["extintf"] == policy["srcintf"] for d in destinations), policy
            forwarded = {}
            for d in destinations:
                vip = vips[d]
                forwarded.setdefault(vip["protocol"][0], []).append(vip["extport"][0])
                used_vips.add(d)
            service = services[policy["service"][0]]
            assert {p: parse_ports(" ".join(ports), "fortigate") for p, ports in forwarded.items()} == {
                key.split("-")[0]: parse_ports(" ".join(value), "fortigate")
                for key, value in service.items()
                if key.endswith("-portrange")
            }, policy
        else:
            assert all(d == "all" or d in addresses for d in destinations), policy
        if "nat" in policy:
            assert policy["nat"] == ["enable"] and not v6, "fortigate: NAT on an IPv6 policy"
    assert used_vips == set(vips), f"fortigate: VIPs no policy uses: {set(vips) - used_vips}"
    result = []
    for service in services.values():
        ranges = {
            key.split("-")[0]: parse_ports(" ".join(value), "fortigate")
            for key, value in service.items()
            if key.endswith("-portrange")
        }
        if len(ranges) == 2:
            assert ranges["tcp"] == ranges["udp"]
            result.append(("tcp/udp", ranges["tcp"]))
        else:
            ((proto, ports),) = ranges.items()
            result.append((proto, ports))
    return result


_CISCO_NAME = r"[A-Z][A-Z0-9_-]*"


def _cisco_label(name: str, suffix: str = "") -> str:
    """The rule label that a Cisco name spells in upper case: ``FWPLAN-RULE6A`` and then ``suffix`` is rule 6a."""
    m = re.fullmatch(rf"{_CISCO_NAME}-RULE(\d+[A-Z]*){suffix}", name)
    assert m, f"{name} names no rule"
    return m.group(1).lower()


def _forwarded_ports(nat: list[tuple[str, str, int, int]], rules: dict[str, tuple[str, PortSet]], fmt: str) -> None:
    """Every NAT entry (rule label, protocol, first port, last port) forwards ports of its inbound rule, and a rule
    with any forwarded port has all its ports forwarded, each once."""
    covered: dict[str, list] = {}
    for n, proto, lo, hi in nat:
        assert n in rules and rules[n][0] == proto, f"{fmt}: NAT of {proto} {lo}-{hi} is no inbound rule {n}'s"
        covered.setdefault(n, []).append(PortRange(lo, hi))
    for n, ranges in covered.items():
        assert (
            sum(r.hi - r.lo + 1 for r in ranges) == sum(r.hi - r.lo + 1 for r in rules[n][1].ranges)
            and PortSet.of(*((r.lo, r.hi) for r in ranges)) == rules[n][1]
        ), f"{fmt}: rule {n} forwarded in part"


def cisco(text: str) -> list:
    """Cisco ASA (issue 10): the first lines remove exactly the entries, service groups and twice NAT rules the
    file adds; entries name only defined objects and groups of their protocol; a static NAT (object NAT with one
    port, twice NAT with a service object for a range) forwards the ports of an inbound rule, all of them."""
    assert "?" not in text, "cisco: a '?' would open the CLI's help"
    groups: dict[str, tuple[str, list[str]]] = {}
    objects: dict[str, list[str]] = {}
    services: dict[str, tuple[str, int, int]] = {}
    removed, added, entries, order, nat = [], [], {}, [], []
    rules: dict[str, str] = {}  # each rule's service group, by label
    current = last_object = remarked = None
    for line in text.splitlines():
        if line.startswith("!"):
            continue
        if line.startswith("no "):
            assert not added and not objects and not groups, f"cisco: {line!r} after the first definition"
            removed.append(line[3:])
            continue
        if m := re.fullmatch(rf"object-group service ({_CISCO_NAME}) (tcp|udp)", line):
            current = groups[m.group(1)] = (m.group(2), [])
            continue
        if m := re.fullmatch(r" port-object (eq \d+|range \d+ \d+)", line):
            current[1].append(m.group(1))
            continue
        if m := re.fullmatch(rf"object network ({_CISCO_NAME})", line):
            assert m.group(1) not in objects, line
            current, last_object = objects.setdefault(m.group(1), []), m.group(1)
            continue
        if re.fullmatch(r" (host|subnet|fqdn v[46]) \S+( \S+)?", line) and current == []:
            current.append(line)
            continue
        if (
            (m := re.fullmatch(r" nat \((\S+),(\S+)\) static interface service (tcp|udp) (\d+) \4", line))
            and isinstance(current, list)
            and len(current) == 1
            and current[0].startswith(" host ")
        ):
            current.append(line)
            owner = _cisco_label(last_object, f"-{m.group(3).upper()}{m.group(4)}")
            nat.append((owner, m.group(3), int(m.group(4)), int(m.group(4))))
            continue
        if m := re.fullmatch(rf"object service ({_CISCO_NAME})", line):
            current = m.group(1)
            continue
        if (m := re.fullmatch(r" service (tcp|udp) source range (\d+) (\d+)", line)) and isinstance(current, str):
            owner = _cisco_label(current, f"-{m.group(1).upper()}{m.group(2)}-{m.group(3)}")
            assert current not in services, f"cisco: the service object {current} twice"
            services[current] = (owner, m.group(1), int(m.group(2)), int(m.group(3)))
            continue
        if m := re.fullmatch(
            rf"nat \(\S+,\S+\) source static ({_CISCO_NAME}) interface service ({_CISCO_NAME}) \2", line
        ):
            assert m.group(1) in objects and m.group(2) in services, f"cisco: {line!r} names undefined objects"
            nat.append(services[m.group(2)])
            added.append(line)
            continue
        if m := re.fullmatch(
            rf"access-list ({_CISCO_NAME}) extended permit (tcp|udp) (any|object {_CISCO_NAME}) "
            rf"(any|object {_CISCO_NAME}) object-group ({_CISCO_NAME})",
            line,
        ):
            for peer in (m.group(3), m.group(4)):
                assert peer == "any" or peer.split()[1] in objects, f"cisco: {peer} is not defined"
            assert groups[m.group(5)][0] == m.group(2), f"cisco: {line!r} uses a group of another protocol"
            assert m.group(5) not in entries, f"cisco: {m.group(5)} used twice"
            label = _cisco_label(m.group(5), "(?:-V6)?")
            assert remarked == (m.group(1), label), f"cisco: {line!r} after the remark of {remarked}"
            remarked = None
            entries[m.group(5)] = m.group(1)
            order.append(label)
            rules[label] = m.group(5)
            added.append(line)
            continue
        if (m := re.fullmatch(rf"access-list ({_CISCO_NAME}) remark (fwplan (\d+[a-z]*) [ -~]*)", line)) and len(
            m.group(2)
        ) <= 100:
            remarked = m.group(1, 3)
            added.append(line)
            continue
        _fail(line, "cisco")
    removable = added + [f"object-group service {name}" for name in groups]
    assert sorted(removed) == sorted(removable), "cisco: the first lines do not remove exactly what the file adds"
    assert order == _in_label_order(order, "cisco"), f"cisco: rules out of order: {order}"
    read = {n: (groups[name][0], parse_ports("\n".join(groups[name][1]), "cisco")) for n, name in rules.items()}
    inbound = {n: rule for n, rule in read.items() if entries[rules[n]].endswith(("-IN", "-IN-V6"))}
    _forwarded_ports(nat, inbound, "cisco")
    return [read[n] for n in order]


_IOS_PEER = rf"(?:any|object-group {_CISCO_NAME})"
_IOS_V6_PEER = r"(?:any|host [0-9a-f:]+|[0-9a-f:]+/\d{1,3}|(?:host )?<[!-~]+>)"
_IOS_IP = r"(?:\d{1,3}(?:\.\d{1,3}){3}|<[!-~]+>)"
_IOS_PAIRS = {"OUT": ("inside", "outside"), "IN": ("outside", "inside")}


def cisco_ios(text: str) -> list:
    """Cisco IOS (issue 10), in label order (the lists group the rules by direction): IPv4 by service group
    PREFIX-RULEn (PREFIX-RULE6A for rule 6a), each entry after its ``remark fwplan n ...``, IPv6 by the entries after
    each remark. The first lines remove exactly the lists and groups the file defines. With the zone-based firewall,
    each list is matched by a class that a policy inspects (and ends in class-default drop), applied by the zone pair
    of the list's direction (PREFIX-OUT: inside to outside, PREFIX-IN: outside to inside), both zones with a member
    interface; the inside-to-outside policy inspects, after the planned classes, one class matching protocols tcp,
    udp and icmp (the site's other outbound traffic, as through a plain NAT router), which no outside-to-inside
    policy names and which the first lines take out of that policy and remove; without it (--plain-acl) no zone or
    class line at all. Static NAT entries forward all the ports of inbound
    rules."""
    assert "?" not in text, "cisco-ios: a '?' would open the CLI's help"
    groups: dict[str, tuple[set[str], list[str]]] = {}
    networks: set[str] = set()
    acls: dict[str, str] = {}
    v6_rules: dict[str, tuple[set[str], list[str]]] = {}
    direction_of: dict[str, str] = {}
    used: list[str] = []
    classes: dict[str, str] = {}
    policies: dict[str, list[str]] = {}
    zones: set[str] = set()
    pairs: dict[str, tuple[str, str, str | None]] = {}
    members: dict[str, str] = {}
    removed: list[str] = []
    nat: list[tuple[str, str, int, int]] = []
    other: dict[str, list[str]] = {}  # class of the site's other outbound traffic -> its protocols
    detached: list[tuple[str, str]] = []  # (policy, class) taken out by the first lines
    started = False
    mode = current = name = forward = remarked = detaching = None
    for line in text.splitlines():
        if line.startswith("!"):
            if m := re.fullmatch(r"! fwplan (\d+[a-z]*) .*", line):
                forward = m.group(1)
            continue
        if m := re.fullmatch(
            rf"no (ip access-list extended|ipv6 access-list|object-group network|object-group service"
            rf"|class-map type inspect match-any) ({_CISCO_NAME})",
            line,
        ):
            assert not started, f"cisco-ios: {line!r} after the first definition"
            removed.append(f"{m.group(1)} {m.group(2)}")
            detaching = None
            continue
        if not started and (m := re.fullmatch(rf"policy-map type inspect ({_CISCO_NAME})", line)):
            detaching = m.group(1)
            continue
        if detaching and (m := re.fullmatch(rf" no class type inspect ({_CISCO_NAME})", line)):
            detached.append((detaching, m.group(1)))
            detaching = None
            continue
        started = True
        if m := re.fullmatch(
            r"(object-group network|object-group service|ip access-list extended|ipv6 access-list"
            r"|class-map type inspect match-any|policy-map type inspect|interface) (\S+)",
            line,
        ):
            mode, name = m.group(1), m.group(2)
            if mode == "object-group service":
                current = groups[_cisco_label(name)] = (set(), [])
            elif mode == "object-group network":
                networks.add(name)
            elif mode in ("ip access-list extended", "ipv6 access-list"):
                direction = re.fullmatch(rf"{_CISCO_NAME}-(OUT|IN)(?:-V6)?", name).group(1)
                assert name not in acls, line
                acls[name] = direction
            elif mode == "policy-map type inspect":
                policies[name] = []
            elif mode == "interface":
                assert name not in members, line
            continue
        if m := re.fullmatch(r"zone security (\S+)", line):
            zones.add(m.group(1))
            mode = None
            continue
        if m := re.fullmatch(rf"zone-pair security ({_CISCO_NAME}) source (\S+) destination (\S+)", line):
            assert m.group(2) in zones and m.group(3) in zones, f"cisco-ios: {line!r} names an undefined zone"
            mode, name = "zone-pair", m.group(1)
            pairs[name] = (m.group(2), m.group(3), None)
            continue
        if m := re.fullmatch(rf"ip nat inside source static (tcp|udp) {_IOS_IP} (\d+) interface \S+ (\d+)", line):
            assert m.group(2) == m.group(3) and forward is not None, f"cisco-ios: {line!r}"
            nat.append((forward, m.group(1), int(m.group(2)), int(m.group(2))))
            mode = None
            continue
        if mode == "object-group network" and re.fullmatch(
            r" (?:host (?:[0-9.]+|<[!-~]+>)|[0-9.]+ [0-9.]+|<[!-~]+>)", line
        ):
            continue
        if mode == "object-group service" and (m := re.fullmatch(r" (tcp|udp) (eq \d+|range \d+ \d+)", line)):
            current[0].add(m.group(1))
            current[1].append(m.group(2))
            continue
        if (
            mode in ("ip access-list extended", "ipv6 access-list")
            and (m := re.fullmatch(r" remark (fwplan (\d+[a-z]*) [ -~]*)", line))
            and len(m.group(1)) <= 100
        ):
            remarked = m.group(2)
            assert remarked not in direction_of, f"cisco-ios: rule {remarked} remarked twice"
            direction_of[remarked] = acls[name]
            if mode == "ipv6 access-list":
                current = v6_rules[remarked] = (set(), [])
            continue
        if mode == "ip access-list extended" and (
            m := re.fullmatch(rf" permit object-group ({_CISCO_NAME}) ({_IOS_PEER}) ({_IOS_PEER})", line)
        ):
            for peer in m.group(2, 3):
                assert peer == "any" or peer.split()[1] in networks, f"cisco-ios: {peer} is not defined"
            assert _cisco_label(m.group(1)) == remarked, f"cisco-ios: {line!r} after the remark of {remarked}"
            used.append(remarked)
            remarked = None
            continue
        if (
            mode == "ipv6 access-list"
            and current is not None
            and (m := re.fullmatch(rf" permit (tcp|udp) {_IOS_V6_PEER} {_IOS_V6_PEER} (eq \d+|range \d+ \d+)", line))
        ):
            current[0].add(m.group(1))
            current[1].append(m.group(2))
            continue
        if (
            mode == "class-map type inspect match-any"
            and (m := re.fullmatch(r" match protocol (tcp|udp|icmp)", line))
            and name not in classes
        ):
            assert m.group(1) not in other.setdefault(name, []), f"cisco-ios: {name}: {line!r} twice"
            other[name].append(m.group(1))
            continue
        if (
            mode == "class-map type inspect match-any"
            and (m := re.fullmatch(rf" match access-group name ({_CISCO_NAME})", line))
            and name not in classes | other
        ):
            assert m.group(1) in acls, f"cisco-ios: class {name} matches the undefined list {m.group(1)}"
            classes[name] = m.group(1)
            continue
        if mode == "policy-map type inspect" and (
            m := re.fullmatch(r" class (?:type inspect (\S+)|class-default)", line)
        ):
            assert m.group(1) is None or m.group(1) in classes | other, f"cisco-ios: undefined class in {line!r}"
            policies[name].append(m.group(1) or "class-default")
            continue
        if mode == "policy-map type inspect" and line in ("  inspect", "  drop") and policies[name]:
            assert (line == "  drop") == (policies[name][-1] == "class-default"), f"cisco-ios: {name}: {line!r}"
            policies[name].append(line.strip())
            continue
        if mode == "zone-pair" and (m := re.fullmatch(rf" service-policy type inspect ({_CISCO_NAME})", line)):
            assert m.group(1) in policies and pairs[name][2] is None, f"cisco-ios: {line!r}"
            pairs[name] = (*pairs[name][:2], m.group(1))
            continue
        if mode == "interface" and (m := re.fullmatch(r" zone-member security (\S+)", line)) and name not in members:
            assert m.group(1) in zones, f"cisco-ios: {line!r} names an undefined zone"
            members[name] = m.group(1)
            continue
        _fail(line, "cisco-ios")
    defined = (
        [f"object-group network {n}" for n in networks]
        + [f"object-group service {n}" for n in re.findall(rf"^object-group service ({_CISCO_NAME})$", text, re.M)]
        + [
            f"{'ipv6 access-list' if re.search(rf'^ipv6 access-list {a}$', text, re.M) else 'ip access-list extended'} {a}"
            for a in acls
        ]
        + [f"class-map type inspect match-any {c}" for c in other]
    )
    assert sorted(removed) == sorted(defined), "cisco-ios: the first lines do not remove exactly what the file defines"
    assert not detached or policies, "cisco-ios: the first lines name a policy without a zone-based firewall"
    if classes or policies or zones or pairs or members or other:
        for policy, steps in policies.items():
            assert steps[-2:] == ["class-default", "drop"] and steps.count("class-default") == 1, policy
        assert all(policy is not None for *_, policy in pairs.values()), "cisco-ios: a zone pair without a policy"
        outbound = [p for s, d, p in pairs.values() if (s, d) == _IOS_PAIRS["OUT"]]
        assert len(outbound) == 1 and len(other) == 1, f"cisco-ios: outbound policies {outbound}, classes {other}"
        ((other_class, protocols),) = other.items()
        assert sorted(protocols) == ["icmp", "tcp", "udp"], f"cisco-ios: {other_class} matches {protocols}"
        steps = policies[outbound[0]]
        assert other_class in steps and steps[steps.index(other_class) + 1] == "inspect", (
            f"cisco-ios: the outbound policy does not inspect {other_class}: {steps}"
        )
        assert all(steps.index(c) < steps.index(other_class) for c in steps[::2] if c in classes), (
            f"cisco-ios: {other_class} before a planned class: {steps}"
        )
        assert not any(other_class in policies[p] for s, d, p in pairs.values() if (s, d) != _IOS_PAIRS["OUT"]), (
            f"cisco-ios: {other_class} in a policy other than the outbound one"
        )
        assert detached == [(outbound[0], other_class)], f"cisco-ios: the first lines take out {detached}"
        for acl, direction in acls.items():
            source, destination = _IOS_PAIRS[direction]
            assert any(
                classes.get(c) == acl
                for s, d, p in pairs.values()
                if (s, d) == (source, destination)
                for c in policies[p]
            ), f"cisco-ios: no {source}->{destination} zone pair inspects {acl}"
        assert set(members.values()) == zones == {"inside", "outside"}, f"cisco-ios: zone members {members}"
    rules = {n: groups[n] for n in used} if groups else v6_rules
    labels = _in_label_order(rules, "cisco-ios")
    assert not groups or sorted(used) == sorted(groups), "cisco-ios: a service group is unused or used twice"
    for protocols, _ in rules.values():
        assert len(protocols) == 1, f"cisco-ios: a rule mixes or lacks protocols: {protocols}"
    result = {n: (next(iter(rules[n][0])), parse_ports("\n".join(rules[n][1]), "cisco")) for n in labels}
    _forwarded_ports(nat, {n: r for n, r in result.items() if direction_of[n] == "IN"}, "cisco-ios")
    return list(result.values())


def _label(text: str) -> tuple[int, int, str]:
    """A rule label (``6``, ``6b``, ``6aa``) as a sort key in rule order."""
    m = re.fullmatch(r"(\d+)([a-z]*)", text)
    return int(m.group(1)), len(m.group(2)), m.group(2)


def _in_label_order(labels, fmt: str) -> list[str]:
    """The rule labels sorted in rule order, checked as RuleSet.numbered() writes them: none twice, the bases 1, 2,
    ... with none left out, each base whole (``6``) or in two or more pieces ``6a``, ``6b``, ... with none left out."""
    labels = list(labels)
    assert len(set(labels)) == len(labels), f"{fmt}: a rule label twice in {labels}"
    pieces: dict[int, list[str]] = {}
    for label in sorted(labels, key=_label):
        base, _, letters = _label(label)
        pieces.setdefault(base, []).append(letters)
    assert list(pieces) == list(range(1, len(pieces) + 1)), f"{fmt}: rule numbers {list(pieces)}"
    for base, letters in pieces.items():
        assert letters == [""] or letters == [_letters(i) for i in range(1, max(len(letters), 2) + 1)], (
            f"{fmt}: rule {base} in pieces {letters}"
        )
    return sorted(labels, key=_label)


def fritzbox(text: str) -> list:
    """FRITZ!Box (issue 10): an IPv4 sharing names its external port (the first port) and IPv4, an IPv6 sharing
    names IPv6 and no external port; every numbered line is a sharing or a note of one port or range."""
    found = {}
    for line in text.splitlines():
        if m := re.fullmatch(
            r"  (\d+[a-z]*)\. (?:device|Gerät) ([^,]+), (?:protocol|Protokoll) (TCP|UDP), "
            r"(?:port to device|Port an Gerät) (\d+) (?:through|bis Port) (\d+), (.*)",
            line,
        ):
            lo, hi, rest = int(m.group(4)), int(m.group(5)), m.group(6)
            v4 = re.fullmatch(
                r"(?:port requested externally|Port extern gewünscht) (\d+), "
                r"(?:enable sharing for|Freigabe aktivieren für) IPv4",
                rest,
            )
            v6 = re.fullmatch(r"(?:enable sharing for|Freigabe aktivieren für) IPv6 \([^()]*\)", rest)
            assert (v4 and int(v4.group(1)) == lo) or v6, f"fritzbox: {line!r}"
            assert not (v6 and "." in m.group(2)) and not (v4 and ":" in m.group(2)), f"fritzbox: {line!r}"
            found[_label(m.group(1))] = (m.group(3).lower(), PortSet.of((lo, hi)))
        elif m := re.fullmatch(r"  (\d+[a-z]*)\. (TCP|UDP) (\d+(?:-\d+)?): .*", line):
            found[_label(m.group(1))] = (m.group(2).lower(), parse_ports(m.group(3), "fritzbox"))
        elif re.match(r" *\d+[a-z]*\.", line):
            _fail(line, "fritzbox")
    numbers = sorted({n for n, _, _ in found})
    assert numbers == list(range(1, len(numbers) + 1)), f"fritzbox: rule numbers {numbers}"
    return [found[n] for n in sorted(found)]


def markdown(text: str) -> list:
    """Markdown: a table row per rule over the scopes' tables, its label first (``6a``, ``\\*`` after it where
    the rule has a condition); read back in label order."""
    found = {}
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith(("| \\#", "| #")):
            continue
        cells = re.split(r"(?<!\\) \| ", line[2:-2])
        label = re.fullmatch(r"(\d+[a-z]*)(?:\\\*)?", cells[0])
        if len(cells) != 7 or label is None or label.group(1) in found:
            _fail(line, "markdown")
        found[label.group(1)] = (cells[2], parse_ports(cells[5], "markdown"))
    return [found[n] for n in _in_label_order(found, "markdown")]


READERS = {
    "nftables": nftables,
    "iptables": iptables,
    "routeros": routeros,
    "pfsense": pfsense,
    "opnsense": pfsense,
    "fortigate": fortigate,
    "cisco": cisco,
    "cisco-ios": cisco_ios,
    "fritzbox": fritzbox,
    "markdown": markdown,
}
