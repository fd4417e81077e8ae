"""Every error message a user meets, in German and English: ``key -> (de, en)`` with ``{fields}``.

Raised as ``SomeError.about(key, **fields)`` (``fwplan.errors``). A field given as ``{value!r}`` is
quoted as Python quotes it, which also writes control characters as escapes; the whole message is
escaped once more when shown. The catalog's own checks (for catalog authors) stay English.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # the LAN address input (--lan, the planner's field, a plan file's lan)
    "lan.empty": (
        "LAN-Adresse ist leer; bitte die Adresse aus dem Planungsdokument angeben, z. B. 192.168.50.2/24",
        "LAN address is empty; give the planning document's address, e.g. 192.168.50.2/24",
    ),
    "lan.not_ip": (
        "LAN-Adresse {value!r} ist keine IP-Adresse; z. B. 192.168.50.2 oder 192.168.50.2/24 angeben",
        "LAN address {value!r} is not an IP address; give e.g. 192.168.50.2 or 192.168.50.2/24",
    ),
    "lan.invalid": (
        "LAN-Adresse {value!r} ist keine gültige IPv{version}-Adresse; z. B. 192.168.50.2/24 angeben",
        "LAN address {value!r} is not a valid IPv{version} address; give e.g. 192.168.50.2/24",
    ),
    "lan.prefix": (
        "Präfix {prefix!r} in LAN-Adresse {value!r} ist ungültig; /0 bis /{max_prefix} verwenden",
        "prefix {prefix!r} in LAN address {value!r} is not valid; use /0 to /{max_prefix}",
    ),
    "lan.not_device": (
        "LAN-Adresse {value!r} kann keine Geräteadresse sein; bitte die LAN-Adresse aus dem Planungsdokument angeben",
        "LAN address {value!r} cannot be a device's address; give the planning document's LAN address",
    ),
    # the VPN router's address (--vpn-router, the planner's field, a plan file's vpn_router)
    "vpn.empty": (
        "VPN-Router-Adresse ist leer; bitte die Adresse aus dem Planungsdokument angeben, z. B. 192.168.50.1",
        "VPN router address is empty; give the planning document's address, e.g. 192.168.50.1",
    ),
    "vpn.not_ip": (
        "VPN-Router-Adresse {value!r} ist keine IP-Adresse; z. B. 192.168.50.1 angeben",
        "VPN router address {value!r} is not an IP address; give e.g. 192.168.50.1",
    ),
    "vpn.invalid": (
        "VPN-Router-Adresse {value!r} ist keine gültige IPv{version}-Adresse; z. B. 192.168.50.1 angeben",
        "VPN router address {value!r} is not a valid IPv{version} address; give e.g. 192.168.50.1",
    ),
    "vpn.prefix": (
        "Präfix {prefix!r} in VPN-Router-Adresse {value!r} ist ungültig; /0 bis /{max_prefix} verwenden oder weglassen",
        "prefix {prefix!r} in VPN router address {value!r} is not valid; use /0 to /{max_prefix} or none",
    ),
    "vpn.not_device": (
        "VPN-Router-Adresse {value!r} kann keine Geräteadresse sein; bitte die Adresse des VPN-Routers "
        "aus dem Planungsdokument angeben",
        "VPN router address {value!r} cannot be a device's address; give the VPN router's address "
        "from the planning document",
    ),
    "vpn.family": (
        "VPN-Router-Adresse {value!r} ist IPv{vpn}, die LAN-Adresse IPv{lan}; bitte eine Adresse derselben "
        "Familie angeben",
        "VPN router address {value!r} is IPv{vpn} while the LAN address is IPv{lan}; give an address of the "
        "same family",
    ),
    # the PBX host input
    "host.empty": (
        "PBX-Hostname ist leer; z. B. acme.telovip.de oder eine IP-Adresse angeben",
        "PBX hostname is empty; give it as e.g. acme.telovip.de or an IP address",
    ),
    "host.bad_ip": (
        "PBX-Host {value!r} ist keine gültige IP-Adresse; z. B. acme.telovip.de oder 203.0.113.10 angeben",
        "PBX host {value!r} is not a valid IP address; give e.g. acme.telovip.de or 203.0.113.10",
    ),
    "host.bad_letters": (
        "PBX-Hostname {value!r} ist kein gültiger Hostname; Buchstaben, Ziffern, '-' und '.' "
        "verwenden, z. B. acme.telovip.de",
        "PBX hostname {value!r} is not a valid hostname; use letters, digits, '-' and '.', e.g. acme.telovip.de",
    ),
    "host.invalid": (
        "PBX-Hostname {value!r} ist kein gültiger Hostname; einen vollständigen Namen aus Buchstaben, "
        "Ziffern, '-' und '.' angeben, z. B. acme.telovip.de, oder eine IP-Adresse",
        "PBX hostname {value!r} is not a valid hostname; use a full name of letters, digits, '-' and '.', "
        "e.g. acme.telovip.de, or an IP address",
    ),
    # product and component ids (--select, a plan file's select)
    "id.unknown": (
        "unbekannte Produkt- oder Komponenten-ID {value!r}; 'fwplan list' zeigt die IDs",
        "unknown product or component id {value!r}; 'fwplan list' shows the ids",
    ),
    "id.unknown.close": (
        "unbekannte Produkt- oder Komponenten-ID {value!r}; meinten Sie {close}?",
        "unknown product or component id {value!r}; did you mean {close}?",
    ),
    # plan files
    "plan.too_large": (
        "Plandatei {path!r} ist größer als {mib} MiB; kein Plan",
        "plan file {path!r} is larger than {mib} MiB; not a plan",
    ),
    "plan.not_found": ("Plandatei {path!r} nicht gefunden", "plan file {path!r} not found"),
    "plan.is_dir": (
        "Plandatei {path!r} ist ein Verzeichnis; bitte eine .toml-Datei angeben",
        "plan file {path!r} is a directory; give a .toml file",
    ),
    "plan.unreadable": (
        "Plandatei {path!r} kann nicht gelesen werden: {reason}",
        "cannot read plan file {path!r}: {reason}",
    ),
    "plan.bad_name": (
        "Plandatei {path!r} ist kein verwendbarer Dateiname",
        "plan file {path!r} is not a usable file name",
    ),
    "plan.not_utf8": (
        "Plandatei {path!r} ist kein UTF-8-Text (Byte {byte})",
        "plan file {path!r} is not UTF-8 text (byte {byte})",
    ),
    "plan.not_toml": (
        "Plandatei {path!r} ist kein gültiges TOML: {detail}",
        "plan file {path!r} is not valid TOML: {detail}",
    ),
    "plan.too_deep": (
        "Plandatei {path!r} ist kein gültiges TOML: zu tief verschachtelt",
        "plan file {path!r} is not valid TOML: nested too deeply",
    ),
    "plan.unknown_key": (
        "Plandatei {path!r}: unbekannter Schlüssel {key!r}; erlaubt: {accepted}",
        "plan file {path!r}: unknown key {key!r}; accepted: {accepted}",
    ),
    "plan.select_type": (
        "Plandatei {path!r}: 'select' muss eine Liste von Produkt- oder Komponenten-IDs sein",
        "plan file {path!r}: 'select' must be a list of product or component ids",
    ),
    "plan.not_string": (
        "Plandatei {path!r}: {key!r} muss ein Text (String) sein",
        "plan file {path!r}: {key!r} must be a string",
    ),
    "plan.in_file": ("Plandatei {path!r}: {problem}", "plan file {path!r}: {problem}"),
    "plan.export_table": ("'export' muss eine Tabelle sein ([export])", "'export' must be a table ([export])"),
    "plan.export_key": (
        "unbekannter Schlüssel {key!r} in [export]; erlaubt: {accepted}",
        "unknown key {key!r} in [export]; accepted: {accepted}",
    ),
    "plan.export_bool": ("[export] {key!r} muss true oder false sein", "[export] {key!r} must be true or false"),
    "plan.export_string": ("[export] {key!r} muss ein Text (String) sein", "[export] {key!r} must be a string"),
    # router settings (--wan-if, --lan-if, --name-prefix, a plan's [export])
    "iface.invalid": (
        "Schnittstellenname {value!r} ist ungültig; 1 bis 64 Zeichen aus Buchstaben, Ziffern und "
        "._:/@- verwenden, z. B. wan1 oder ether1",
        "interface name {value!r} is not valid; use 1 to 64 letters, digits and ._:/@-, e.g. wan1 or ether1",
    ),
    "prefix.invalid": (
        "Namenspräfix {value!r} ist ungültig; 1 bis {most} Zeichen aus Buchstaben, Ziffern, '-' und "
        "'_', mit einem Buchstaben am Anfang",
        "name prefix {value!r} is not valid; use 1 to {most} letters, digits, '-' and '_', starting with a letter",
    ),
    "plan.save_dir": (
        "Plan kann nicht gespeichert werden: {path!r} ist ein Verzeichnis; bitte einen Dateinamen angeben",
        "cannot save plan: {path!r} is a directory; give a file name",
    ),
    # writing a plan, an export (-o), a file
    "what.plan": ("Plan", "plan"),
    "what.export": ("Export", "export"),
    "what.file": ("Datei", "file"),
    "write.failed": (
        "{what} {path!r} kann nicht geschrieben werden: {reason}",
        "cannot write {what} {path!r}: {reason}",
    ),
    "write.failed.link": (
        "{what} {path!r} (ein symbolischer Link auf {target!r}) kann nicht geschrieben werden: {reason}",
        "cannot write {what} {path!r} (a symlink to {target!r}): {reason}",
    ),
    "write.bad_name": (
        "{what} kann nicht geschrieben werden: {path!r} ist kein verwendbarer Dateiname",
        "cannot write {what}: {path!r} is not a usable file name",
    ),
    "write.stdout": (
        "Standardausgabe kann nicht geschrieben werden: {reason}",
        "cannot write to standard output: {reason}",
    ),
    "write.stdout_closed": (
        "Standardausgabe kann nicht geschrieben werden: sie ist geschlossen",
        "cannot write to standard output: it is closed",
    ),
    # the system's reasons (fwplan.errors.system_reason): the English shown is the system's own words,
    # which these are in the C locale
    "reason.enospc": ("kein Platz mehr auf dem Gerät", "No space left on device"),
    "reason.edquot": ("Speicherkontingent überschritten", "Disk quota exceeded"),
    "reason.erofs": ("Dateisystem ist nur lesbar", "Read-only file system"),
    "reason.eacces": ("keine Berechtigung", "Permission denied"),
    "reason.eperm": ("Vorgang nicht erlaubt", "Operation not permitted"),
    "reason.enoent": ("Datei oder Verzeichnis nicht gefunden", "No such file or directory"),
    "reason.eisdir": ("ist ein Verzeichnis", "Is a directory"),
    "reason.enotdir": ("ein Teil des Pfads ist kein Verzeichnis", "Not a directory"),
    "reason.eloop": ("zu viele Ebenen symbolischer Links", "Too many levels of symbolic links"),
    "reason.enametoolong": ("Dateiname zu lang", "File name too long"),
    "reason.eio": ("Ein-/Ausgabefehler", "Input/output error"),
    "reason.exdev": ("Verschieben über Dateisystemgrenzen nicht möglich", "Invalid cross-device link"),
    "reason.eai_noname": ("Name oder Dienst nicht bekannt", "Name or service not known"),
    "reason.eai_again": ("vorübergehender Fehler bei der Namensauflösung", "Temporary failure in name resolution"),
    "reason.eai_fail": ("dauerhafter Fehler bei der Namensauflösung", "Non-recoverable failure in name resolution"),
    "reason.eai_nodata": ("zu diesem Namen ist keine Adresse eingetragen", "No address associated with hostname"),
    "write.is_dir": (
        "{what} kann nicht geschrieben werden: {path!r} ist ein Verzeichnis; bitte einen Dateinamen angeben",
        "cannot write {what}: {path!r} is a directory; give a file name",
    ),
    # catalog files (--catalog, check-catalog); the checks of the content stay English
    "catalog.too_large": ("{path}: größer als {mib} MiB; kein Katalog", "{path}: larger than {mib} MiB; not a catalog"),
    "catalog.not_found": ("{path}: Katalogdatei nicht gefunden", "{path}: catalog file not found"),
    "catalog.is_dir": ("{path}: ist ein Verzeichnis, keine Katalogdatei", "{path}: is a directory, not a catalog file"),
    "catalog.unreadable": (
        "{path}: Katalog kann nicht gelesen werden: {reason}",
        "{path}: cannot read catalog: {reason}",
    ),
    "catalog.bad_name": (
        "{path!r}: kein verwendbarer Dateiname für einen Katalog",
        "{path!r}: not a usable file name for a catalog",
    ),
    "catalog.not_utf8": ("{path}: kein UTF-8-Text (Byte {byte})", "{path}: not UTF-8 text (byte {byte})"),
    "catalog.not_toml": ("{path}: ungültiges TOML: {detail}", "{path}: invalid TOML: {detail}"),
    "catalog.too_deep": ("{path}: ungültiges TOML: zu tief verschachtelt", "{path}: invalid TOML: nested too deeply"),
    # exports
    "export.nothing_selected": (
        "nichts ausgewählt; im Planer eine Komponente anhaken, oder --select ID (siehe "
        "'fwplan list') oder --plan DATEI angeben",
        "nothing is selected; tick a component in the planner, or give --select ID (see 'fwplan list') or --plan FILE",
    ),
    "export.forward_to_network": (
        "Regel {rule}: eine eingehende Regel zum ganzen Netz {destination} kann keine "
        "Portweiterleitung sein, die zu genau einem Gerät führt; ist das LAN geroutet "
        "(öffentliche Adressen), mit --no-nat exportieren",
        "rule {rule}: an inbound rule to the whole network {destination} cannot be a port "
        "forward, which goes to one device; if the LAN is routed (public addresses), export "
        "with --no-nat",
    ),
    "export.mixed_family": (
        "die LAN-Adresse ist IPv{lan}, der PBX-Host IPv{host}: ohne NAT64 kann kein Router diese "
        "Verbindungen weiterleiten; beide Angaben in derselben Adressfamilie machen",
        "the LAN address is IPv{lan} and the PBX host IPv{host}: no router passes these flows "
        "without NAT64; give both in the same address family",
    ),
    "export.masquerade_no_nat": (
        "--masquerade braucht NAT: {why}; ohne --masquerade exportieren",
        "--masquerade needs NAT: {why}; export without --masquerade",
    ),
    "export.masquerade.v6": (
        "der Plan ist IPv6, und IPv6 wird nicht übersetzt",
        "the plan is IPv6, which is not translated",
    ),
    "export.masquerade.routed": (
        "NAT ist aus (--no-nat oder nat = false im [export] des Plans): das LAN wird geroutet",
        "NAT is off (--no-nat, or nat = false in the plan's [export]): the LAN is routed",
    ),
    "export.linux_interface": (
        "Schnittstellenname {value!r} passt nicht zu Linux ({format}): höchstens 15 Zeichen, ohne '/' und ':'",
        "interface name {value!r} does not fit Linux ({format}): at most 15 characters, without '/' and ':'",
    ),
    "export.option_unused": (
        "{option} gilt nicht für das Format {format}; dieses Format nimmt: {accepted}",
        "{option} does not apply to format {format}; this format takes: {accepted}",
    ),
    "export.options_none": ("keine dieser Optionen", "none of these options"),
    "export.empty_scope": (
        "die Auswahl hat keine Regel im Bereich {scopes}, nur in {others}; eine Router-Datei ohne "
        "Regel würde allen Verkehr sperren: mit --scope {others} exportieren, falls diese Regeln "
        "auf diesen Router gehören",
        "the selection has no rule in scope {scopes}, only in {others}; a router file without rules "
        "would block all traffic: export with --scope {others} if those rules belong on this "
        "router",
    ),
    "export.unresolved": (
        "PBX-Host {host!r} lässt sich für --resolve nicht auflösen: {reason}; ohne --resolve "
        "exportieren, um einen Platzhalter zu erhalten, oder --host als IP-Adresse angeben",
        "cannot resolve PBX host {host!r} for --resolve: {reason}; "
        "export without --resolve to get a placeholder, or give --host as an IP address",
    ),
    "export.no_address": (
        "PBX-Host {host!r} wurde zu keiner IPv{family}-Adresse aufgelöst ({found}); --host als IP-Adresse angeben",
        "PBX host {host!r} resolved to no IPv{family} address ({found}); give --host as an IP address",
    ),
    "export.nothing_found": ("nichts", "nothing"),
    "export.iptables_family": (
        "Adresse {address!r} ist IPv{version}, dieser iptables-Export aber IPv{family}; "
        "für LAN und PBX-Host eine Adressfamilie verwenden, oder nftables exportieren",
        "address {address!r} is IPv{version} but this iptables export is IPv{family}; "
        "use one address family for LAN and PBX host, or export nftables",
    ),
    "export.cisco_family": (
        "Adresse {address!r} ist IPv{version}, dieser Cisco-IOS-Export aber IPv{family}; für LAN "
        "und PBX-Host eine Adressfamilie verwenden",
        "address {address!r} is IPv{version} but this Cisco IOS export is IPv{family}; "
        "use one address family for LAN and PBX host",
    ),
    # FortiGate: FortiOS name limits (policy 35, interface 35, address/VIP/service 79 characters)
    "export.fortigate_name": (
        "Name {name!r} ist für FortiOS zu lang: höchstens {most} Zeichen (Schnittstellen und "
        "Policies 35, Adressen, VIPs und Dienste 79)",
        "name {name!r} is too long for FortiOS: at most {most} characters (interfaces and "
        "policies 35, addresses, VIPs and services 79)",
    ),
    # merge options (--max-entries, --range-cost, --max-gap)
    "limits.max_entries": ("max_entries {value} muss 1 oder mehr sein", "max_entries {value} must be 1 or more"),
    "limits.range_cost": ("range_cost {value} muss 1 oder mehr sein", "range_cost {value} must be 1 or more"),
    "limits.range_over_entries": (
        "ein Portbereich zählt als {cost} Einträge, eine Regel darf aber nur {entries} "
        "enthalten; mehr Einträge je Regel erlauben (--max-entries) oder einen Bereich "
        "als weniger zählen (--range-cost)",
        "a port range counts as {cost} entries but a rule may hold only {entries}; "
        "allow more entries per rule (--max-entries) or count a range as fewer "
        "(--range-cost)",
    ),
    "limits.max_gap": (
        "max_gap {value} ist negativ; 0 (Standard) oder mehr verwenden",
        "max_gap {value} is negative; use 0 (the default) or more",
    ),
    # the command line's own checks (argparse's built-in messages stay English)
    "usage": ("{message} (siehe '{prog} --help')", "{message} (see '{prog} --help')"),
    "usage.argument": (
        "Argument {argument}: {problem} (siehe '{prog} --help')",
        "argument {argument}: {problem} (see '{prog} --help')",
    ),
    "usage.seconds": (
        "{value!r} ist keine Sekundenzahl über 0 und höchstens {most:g}, z. B. 2 oder 0.5",
        "{value!r} is not a number of seconds more than 0 and at most {most:g}, e.g. 2 or 0.5",
    ),
    "usage.whole_number": (
        "{value!r} ist keine ganze Zahl von 0 oder mehr",
        "{value!r} is not a whole number of 0 or more",
    ),
    "usage.at_least_one": ("{value!r} muss 1 oder mehr sein", "{value!r} must be 1 or more"),
    "usage.scope": (
        "unbekannter Bereich {value!r}; erlaubt: {accepted} (mehrere durch Komma getrennt)",
        "unknown scope {value!r}; accepted: {accepted} (several separated by commas)",
    ),
    "usage.unknown_format": (
        "unbekanntes Format {value!r}; erlaubt: {accepted}",
        "unknown format {value!r}; accepted: {accepted}",
    ),
    "usage.probe_nothing": (
        "nichts ausgewählt; --select ID (siehe 'fwplan list') oder --plan DATEI angeben",
        "nothing is selected; give --select ID (see 'fwplan list') or --plan FILE",
    ),
    "usage.probe_no_host": (
        "kein PBX-Host angegeben; --host NAME|IP angeben (oder eine Plandatei mit host): "
        "diesen Host prüft fwplan probe",
        "no PBX host given; give --host NAME|IP (or a plan file with host): it is the host fwplan probe checks",
    ),
    "usage.bad_target": (
        "--target {value!r} ist kein Hostname und keine IP-Adresse; einen vollständigen Namen wie "
        "sbc.example.net oder eine Adresse wie 198.51.100.7 angeben",
        "--target {value!r} is not a hostname or IP address; "
        "give a full name such as sbc.example.net or an address such as 198.51.100.7",
    ),
    "usage.no_tui": (
        "die Planer-Oberfläche ist in diesem Build nicht installiert; 'fwplan export' verwenden",
        "the planner's TUI is not installed in this build; use 'fwplan export'",
    ),
    # the on-site check (fwplan probe, the planner's probe screen)
    "probe.timeout": (
        "Zeitlimit {value!r} ist ungültig; Sekunden angeben, mehr als 0 und höchstens {most:g}",
        "timeout {value!r} is not valid; give seconds, more than 0 and at most {most:g}",
    ),
    "probe.parallel": (
        "parallel {value!r} ist ungültig; eine ganze Zahl von 1 oder mehr angeben",
        "parallel {value!r} is not valid; give a whole number of 1 or more",
    ),
    "probe.resolve_deadline": (
        "das Auflösen von {hosts} dauerte länger als die Frist des Laufs von {deadline:.1f} s",
        "resolving {hosts} took longer than the run's deadline of {deadline:.1f} s",
    ),
    "probe.resolve_slow": (
        "das Auflösen von {host!r} dauerte länger als {timeout:g} s; Namen und DNS prüfen oder die IP-Adresse angeben",
        "resolving {host!r} took longer than {timeout:g} s; check the name and DNS, or give the IP address",
    ),
    "probe.unresolved": (
        "{host!r} lässt sich nicht auflösen: {reason}; Namen und DNS prüfen oder die IP-Adresse angeben",
        "cannot resolve {host!r}: {reason}; check the name and DNS, or give the IP address",
    ),
}
