"""Read the port lists back out of each exporter's output, strictly: an unexpected line is an error.

Each reader returns one (protocol, PortSet) per rule, in rule order, parsed
with exporters.dialects the way the target would read the field.
"""

from __future__ import annotations

import re

from exporters.dialects import parse_ports
from fwplan.ports import PortSet


class Unexpected(AssertionError):
    pass


def _fail(line: str, fmt: str):
    raise Unexpected(f"{fmt}: unexpected line {line!r}")


def nftables(text: str) -> list:
    sets = dict(re.findall(r"set (rule\d+_ports) \{\n\t\ttype inet_service\n\t\tflags interval\n"
                           r"\t\telements = (\{[^}\n]*\})\n\t\}", text))
    out = []
    for line in text.splitlines():
        m = re.search(r"(tcp|udp|meta l4proto \{ tcp, udp \} th) dport @(rule\d+_ports) accept comment \"fwplan rule \d+\"$", line)
        if m:
            proto = {"tcp": "tcp", "udp": "udp"}.get(m.group(1), "tcp/udp")
            out.append((proto, parse_ports(sets[m.group(2)], "nftables")))
    return out


def iptables(text: str) -> list:
    out = []
    for line in text.splitlines():
        if not line.startswith("-A FWPLAN -") or "--ctstate" in line:
            if line and not line.startswith(("#", "*", ":", "-A FORWARD -j FWPLAN", "-A FWPLAN -m conntrack", "COMMIT")):
                _fail(line, "iptables")
            continue
        m = re.fullmatch(r"-A FWPLAN(?: -s \S+)?(?: -d \S+)? -p (tcp|udp) (?:--dport (\S+)|-m multiport --dports (\S+))"
                         r" -m comment --comment \"[^\"]*\" -j ACCEPT", line)
        if m is None:
            _fail(line, "iptables")
        out.append((m.group(1), parse_ports(m.group(2) or m.group(3), "iptables")))
    return out


_ROS_VALUE = r'(?:"(?:\\[0-9A-F]{2}|[^"\\])*"|[^\s"]+)'


def routeros(text: str) -> list:
    out = []
    for line in text.splitlines():
        if line.startswith("#") or line in ("/ip firewall address-list", "/ip firewall filter", "/ipv6 firewall filter",
                                              "/ipv6 firewall address-list"):
            continue
        if not re.fullmatch(rf"add(?: [a-z-]+={_ROS_VALUE})+", line):
            _fail(line, "routeros")
        if line.startswith("add list="):
            continue
        fields = dict(re.findall(rf"([a-z-]+)=({_ROS_VALUE})", line))
        out.append((fields["protocol"], parse_ports(fields["dst-port"], "routeros")))
    return out


def pfsense(text: str) -> list:
    blocks = re.findall(r"^# BEGIN (fwplan_rule\d+) \((?:type|Typ) Port, (?:rule|Regel) \d+\)\n(.*?)^# END \1$", text, re.S | re.M)
    for _, body in blocks:
        for line in body.splitlines():
            if not re.fullmatch(r"\d+(:\d+)?", line):
                _fail(line, "pfsense")
    protocols = re.findall(r"^# \d+ +\S+ +\S+ +(TCP/UDP|TCP|UDP) ", text, re.M)
    assert len(protocols) == len(blocks), (protocols, blocks)
    return [(proto.lower(), parse_ports(body, "pfsense")) for proto, (_, body) in zip(protocols, blocks)]


_FORTI_STRING = r'"(?:\\.|[^"\\])*"'


def fortigate(text: str) -> list:
    out, section, current = [], None, None
    for line in text.splitlines():
        s = line.strip()
        if line.startswith("#"):
            continue
        if s.startswith("config "):
            section = s
            continue
        if s in ("next", "end"):
            continue
        if re.fullmatch(rf"edit (?:0|{_FORTI_STRING})", s):
            if section == "config firewall service custom":
                current = {}
                out.append(current)
            continue
        m = re.fullmatch(rf"set ([a-z0-9-]+) ((?:{_FORTI_STRING}|[^\s\"]+)(?: (?:{_FORTI_STRING}|[^\s\"]+))*)", s)
        if m is None:
            _fail(line, "fortigate")
        if section == "config firewall service custom" and m.group(1).endswith("-portrange"):
            current[m.group(1).split("-")[0]] = parse_ports(m.group(2), "fortigate")
    result = []
    for service in out:
        if len(service) == 2:
            assert service["tcp"] == service["udp"]
            result.append(("tcp/udp", service["tcp"]))
        else:
            (proto, ports), = service.items()
            result.append((proto, ports))
    return result


def cisco(text: str) -> list:
    groups: dict[str, tuple[str, list[str]]] = {}
    order, current = [], None
    for line in text.splitlines():
        if line.startswith("!"):
            continue
        if m := re.fullmatch(r"object-group service (\S+) (tcp|udp)", line):
            current = groups[m.group(1)] = (m.group(2), [])
            continue
        if m := re.fullmatch(r" port-object (eq \d+|range \d+ \d+)", line):
            current[1].append(m.group(1))
            continue
        if m := re.fullmatch(r"access-list FWPLAN-(?:OUT|IN) extended permit (tcp|udp) \S+(?: \S+)? \S+(?: \S+)? "
                             r"object-group (\S+)", line):
            order.append(m.group(2))
            continue
        if re.fullmatch(r"access-list FWPLAN-(?:OUT|IN) remark [ -~]{1,100}", line):
            continue
        if re.fullmatch(r"object network \S+", line) or re.fullmatch(r" (host|subnet|fqdn v[46]) \S+( \S+)?", line):
            continue
        _fail(line, "cisco")
    return [(groups[name][0], parse_ports("\n".join(groups[name][1]), "cisco")) for name in order]


_IOS_PEER = r"(?:any|object-group FWPLAN-(?:LAN-NET|LAN-ADDR|VPN-ROUTER|PBX-HOST))"
_IOS_V6_PEER = r"(?:any|host [0-9a-f:]+|[0-9a-f:]+/\d{1,3}|(?:host )?<[!-~]+>)"


def cisco_ios(text: str) -> list:
    """Rules in the file's own numbering (the lists group them by direction): IPv4 by service group
    FWPLAN-RULEn, IPv6 by the entries after each ``remark fwplan n ...``."""
    groups: dict[int, tuple[set[str], list[str]]] = {}
    used: list[int] = []
    v6_rules: dict[int, tuple[set[str], list[str]]] = {}
    mode = current = None
    for line in text.splitlines():
        if line.startswith("!"):
            continue
        if m := re.fullmatch(r"(object-group network|object-group service|ip access-list extended|ipv6 access-list)"
                             r" (FWPLAN-[A-Z0-9-]+)", line):
            mode = m.group(1)
            if mode == "object-group service":
                current = groups[int(m.group(2).removeprefix("FWPLAN-RULE"))] = (set(), [])
            continue
        if mode == "object-group network" and re.fullmatch(
                r" (?:host (?:[0-9.]+|<[!-~]+>)|[0-9.]+ [0-9.]+|<[!-~]+>)", line):
            continue
        if mode == "object-group service" and (m := re.fullmatch(r" (tcp|udp) (eq \d+|range \d+ \d+)", line)):
            current[0].add(m.group(1))
            current[1].append(m.group(2))
            continue
        if mode in ("ip access-list extended", "ipv6 access-list") and (
                m := re.fullmatch(r" remark (fwplan (\d+)[ -~]*)", line)) and len(m.group(1)) <= 100:
            if mode == "ipv6 access-list":
                current = v6_rules[int(m.group(2))] = (set(), [])
            continue
        if mode == "ip access-list extended" and (
                m := re.fullmatch(rf" permit object-group FWPLAN-RULE(\d+) {_IOS_PEER} {_IOS_PEER}", line)):
            used.append(int(m.group(1)))
            continue
        if mode == "ipv6 access-list" and current is not None and (
                m := re.fullmatch(rf" permit (tcp|udp) {_IOS_V6_PEER} {_IOS_V6_PEER} (eq \d+|range \d+ \d+)", line)):
            current[0].add(m.group(1))
            current[1].append(m.group(2))
            continue
        _fail(line, "cisco-ios")
    rules = {n: groups[n] for n in used} if groups else v6_rules
    assert sorted(rules) == list(range(1, len(rules) + 1)), f"cisco-ios: rule numbers {sorted(rules)}"
    assert not groups or sorted(used) == sorted(groups), "cisco-ios: a service group is unused or used twice"
    for protocols, _ in rules.values():
        assert len(protocols) == 1, f"cisco-ios: a rule mixes or lacks protocols: {protocols}"
    return [(next(iter(rules[n][0])), parse_ports("\n".join(rules[n][1]), "cisco")) for n in sorted(rules)]

def fritzbox(text: str) -> list:
    found = {}
    for line in text.splitlines():
        if m := re.fullmatch(r"  (\d+)\. (?:device|Gerät) \S+, (?:protocol|Protokoll) (TCP|UDP), "
                             r"(?:port to device|Port an Gerät) (\d+) (?:through|bis Port) (\d+), .*", line):
            found[int(m.group(1))] = (m.group(2).lower(), PortSet.of((int(m.group(3)), int(m.group(4)))))
        elif m := re.fullmatch(r"  (\d+)\. (TCP|UDP) (\d+(?:-\d+)?): .*", line):
            found[int(m.group(1))] = (m.group(2).lower(), parse_ports(m.group(3), "fritzbox"))
    return [found[n] for n in sorted(found)]


def markdown(text: str) -> list:
    out = []
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| \\#") or line.startswith("| #"):
            continue
        cells = re.split(r"(?<!\\) \| ", line[2:-2])
        if len(cells) != 7:
            _fail(line, "markdown")
        out.append((cells[2], parse_ports(cells[5], "markdown")))
    return out


READERS = {"nftables": nftables, "iptables": iptables, "routeros": routeros, "pfsense": pfsense,
           "opnsense": pfsense, "fortigate": fortigate, "cisco": cisco, "cisco-ios": cisco_ios, "fritzbox": fritzbox, "markdown": markdown}
