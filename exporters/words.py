"""The exporters' own words, in German and English: every fixed text an export file shows a person.

Keys, ids, target keywords and menu paths of a router's (English) web UI stay
out of this table: they are what the target reads or what the user clicks.
``tests/exporters/test_words.py`` checks that each entry has both languages
with the same ``{fields}`` and that no English text reaches a German export.
"""

from __future__ import annotations

from fwplan.lang import pick

_WORDS: dict[str, tuple[str, str]] = {
    # header_lines: what the file is and what it was made from
    "head.title": ("fwplan-Export für {target}", "fwplan export for {target}"),
    "head.catalog": ("Katalog: {title} (Stand {version})", "Catalog: {title} (data {version})"),
    "head.selected": ("Ausgewählt: {ids}", "Selected: {ids}"),
    "head.lan": ("LAN-Adresse (Planungsdokument): {address}, LAN-Netz {network}",
                 "LAN address (planning document): {address}, LAN network {network}"),
    "head.host": ("PBX-Host: {host}", "PBX host: {host}"),
    "head.host.name": ("PBX-Host: {host} (als Name eingetragen; {target} löst ihn selbst auf)",
                       "PBX host: {host} (written as a name; {target} resolves it itself)"),
    "head.host.resolved": ("PBX-Host: {host}, beim Export aufgelöst (--resolve) zu {addresses}; "
                           "ändert sich die Adresse, neu exportieren",
                           "PBX host: {host}, resolved when this file was exported (--resolve) to {addresses}; "
                           "export again if its address changes"),
    "head.host.placeholder": ("PBX-Host: {host}. {target} kann hier keinen Namen nehmen: der Platzhalter "
                              "{placeholder} ist durch die Adresse des Hosts zu ersetzen (oder mit --resolve "
                              "exportieren)",
                              "PBX host: {host}. {target} cannot take a name here: replace the placeholder "
                              "{placeholder} with the host's address (or export with --resolve)"),
    "head.missing": ("Platzhalter {placeholders}: Angabe fehlt im Plan; vor dem Laden ersetzen",
                     "Placeholders {placeholders}: missing from the plan; replace them before loading"),
    "head.notice": ("Hinweis: {text}", "Note: {text}"),
    "head.article_note": ("Laut Artikel: {text}", "From the article: {text}"),
    "head.vpn_router": ("VPN-Router (Planungsdokument): {address}", "VPN router (planning document): {address}"),
    "rule.condition": ("Bedingung", "condition"),
    # a rule's scope, named in its comment where an export holds more than the internet router's rules
    "scope.internet": ("Internet", "internet"),
    "scope.internal": ("intern", "internal"),
    "scope.remote": ("unterwegs", "remote"),
    # a placeholder for the PBX host where the target needs an address
    "placeholder.host": ("<PBX-Host {host}>", "<PBX host {host}>"),
    # how to load each format
    "nftables.load": ("Laden: nft -f DATEI (ersetzt nur die Tabelle inet fwplan). Vorher prüfen: nft -c -f DATEI",
                      "Load: nft -f FILE (replaces only table inet fwplan). Check first: nft -c -f FILE"),
    "iptables.load": ("Laden: {tool} DATEI (ersetzt die Tabelle filter). Vorher prüfen: {tool} --test DATEI",
                      "Load: {tool} FILE (replaces the filter table). Check first: {tool} --test FILE"),
    "routeros.load": ("Import: /import file-name=DATEI, oder in ein Terminal einfügen. Die Regeln werden am Ende "
                      "der forward-Chain angefügt: über Ihre drop-Regeln verschieben; established,related zuerst "
                      "annehmen (die RouterOS-Standardkonfiguration tut das).",
                      "Import: /import file-name=FILE, or paste into a terminal. The rules are added at the end of "
                      "the forward chain: move them above your drop rules; accept established,related first "
                      "(RouterOS default configuration does)."),
    "routeros.pbx_comment": ("fwplan: PBX-Host", "fwplan: PBX host"),
    "fortigate.load": ("In die CLI-Konsole einfügen. Als Schnittstellen sind {lan} (LAN) und {wan} (Internet) "
                       "eingetragen: vor dem Einfügen durch Ihre ersetzen. Neue Policies kommen ans Ende: über "
                       "jede deny-Policy verschieben.",
                       "Paste into the CLI console. Interfaces are set to {lan} (LAN) and {wan} (internet): change "
                       "them to yours before pasting. New policies are added at the end: move them above any deny "
                       "policy."),
    "cisco.load": ("Im Konfigurationsmodus einfügen. Die Listen an Ihre Schnittstellen binden, z. B. access-group "
                   "{out} in interface inside und access-group {in_} in interface outside (eine Access-Liste endet "
                   "mit einem impliziten deny). Ein FQDN-Objekt braucht einen DNS-Server auf der ASA "
                   "(dns domain-lookup).",
                   "Paste in configuration mode. Bind the lists to your interfaces, e.g. access-group {out} in "
                   "interface inside and access-group {in_} in interface outside (an access list ends in an "
                   "implicit deny). An FQDN object needs a DNS server on the ASA (dns domain-lookup)."),
    "ios.load": ("Im Konfigurationsmodus einfügen (configure terminal). Die Listen an Ihre Schnittstellen binden: "
                 "{bindings} (eine Access-Liste endet mit einem impliziten deny).",
                 "Paste in configuration mode (configure terminal). Apply the lists to your interfaces: "
                 "{bindings} (an access list ends in an implicit deny)."),
    "ios.bind": ("{command} {acl} in an der {side}", "{command} {acl} in on {side}"),
    "ios.side.outbound": ("LAN-Schnittstelle", "the LAN interface"),
    "ios.side.inbound": ("Internet-Schnittstelle", "the internet interface"),
    "ios.stateless": ("IOS-Access-Listen sind zustandslos: filtert FWPLAN-IN (oder eine andere Liste) die "
                      "Internet-Schnittstelle, brauchen die Antworten auf die ausgehenden Verbindungen die "
                      "zonenbasierte Firewall (inspect) oder reflexive Einträge. Mit NAT sieht eine Liste eingehend "
                      "an der Internet-Schnittstelle die öffentlichen Adressen (vor dem NAT).",
                      "IOS access lists are stateless: where FWPLAN-IN (or any list) filters the internet interface, "
                      "replies to the outbound flows need the zone-based firewall (inspect) or reflexive entries. "
                      "With NAT, a list inbound on the internet interface sees the public (pre-NAT) addresses."),
    "ios.again": ("Erneutes Einfügen ergänzt die Listen und Gruppen dieser Namen: vorher entfernen ({remove}).",
                  "Pasting again adds to the lists and groups of these names: remove them first ({remove})."),
    "ios.remove.v4": ("no ip access-list extended NAME, dann no object-group network|service NAME",
                      "no ip access-list extended NAME, then no object-group network|service NAME"),
    "pfsense.steps": ("Schritt 1: die Adress-Aliase anlegen ({address_menu}). Schritt 2: je Block unten einen "
                      "Port-Alias anlegen ({alias_menu}): die Zeilen zwischen BEGIN und END einfügen. Schritt 3: "
                      "die Regeln der Tabelle anlegen (ausgehende Regeln auf der LAN-Schnittstelle, eingehende auf "
                      "der WAN-Schnittstelle), oberhalb jeder Block-Regel.",
                      "Step 1: create the address aliases ({address_menu}). Step 2: create one port alias per "
                      "block below ({alias_menu}): paste the lines between BEGIN and END. Step 3: add the rules of "
                      "the table (outbound rules on the LAN interface, inbound on the WAN interface), above any "
                      "block rule."),
    # menu paths as the (English) web UIs name them; only the words around them are translated
    "pfsense.address_menu": ("Firewall > Aliases > IP > Add", "Firewall > Aliases > IP > Add"),
    "pfsense.alias_menu": ("Firewall > Aliases > Ports > Import", "Firewall > Aliases > Ports > Import"),
    "opnsense.address_menu": ("Firewall > Aliases, Typ Host(s) oder Network(s)",
                              "Firewall > Aliases, type Host(s) or Network(s)"),
    "opnsense.alias_menu": ("Firewall > Aliases, Typ Port(s), in das Feld Content einfügen",
                            "Firewall > Aliases, type Port(s), paste into Content"),
    "pfsense.address_aliases": ("Adress-Aliase", "Address aliases"),
    "pfsense.port_aliases": ("Port-Aliase", "Port aliases"),
    "pfsense.rules": ("Regeln", "Rules"),
    "pfsense.alias": ("{alias} (Typ {type}): {value}", "{alias} (type {type}): {value}"),
    "pfsense.port_alias": ("{alias} (Typ Port, Regel {number})", "{alias} (type Port, rule {number})"),
    "pfsense.col.interface": ("Schnittstelle", "Interface"),
    "pfsense.col.direction": ("Richtung", "Direction"),
    "pfsense.col.protocol": ("Protokoll", "Protocol"),
    "pfsense.col.source": ("Quelle", "Source"),
    "pfsense.col.destination": ("Ziel", "Destination"),
    "pfsense.col.port": ("Zielport", "Destination port"),
    "pfsense.col.description": ("Beschreibung", "Description"),
    # FRITZ!Box: its German menu names are the product's own; the English ones are AVM's English UI
    "fritzbox.inbound": ("Portfreigaben (Internet > Freigaben > Portfreigaben > Gerät für Freigaben hinzufügen > "
                         "Neue Freigabe)",
                         "Port sharings (Internet > Permit Access > Port Sharing > Add Device for Sharing > New "
                         "Sharing)"),
    "fritzbox.sharing": ("Gerät {device}, Protokoll {protocol}, Port an Gerät {lo} bis Port {hi}, "
                         "Port extern gewünscht {lo}",
                         "device {device}, protocol {protocol}, port to device {lo} through {hi}, "
                         "port requested externally {lo}"),
    "fritzbox.from": ("die Regel erlaubt nur Quelle {src}; eine FRITZ!Box-Freigabe kann die Quelle nicht einschränken",
                      "the rule allows only source {src}; a FRITZ!Box sharing cannot limit the source"),
    "fritzbox.internal": ("innerhalb des LAN ({src} -> {dst}): läuft nicht über die FRITZ!Box, nichts einzustellen",
                          "inside the LAN ({src} -> {dst}): does not pass the FRITZ!Box, nothing to set"),
    "fritzbox.network": ("Ziel ist das Netz {dst}: je Gerät, das es braucht, eine Freigabe anlegen",
                         "the destination is the network {dst}: add one sharing per device that needs it"),
    "fritzbox.outbound": ("Ausgehend (keine Einstellung nötig: die FRITZ!Box lässt ausgehenden Verkehr "
                          "standardmäßig durch)",
                          "Outbound (no setting needed: the FRITZ!Box lets outbound traffic through by default)"),
    "fritzbox.none": ("keine", "none"),
    # Markdown
    "markdown.title": ("Firewall-Regeln (fwplan)", "Firewall rules (fwplan)"),
    "markdown.warnings": ("Warnungen", "Warnings"),
    "markdown.article_notes": ("Hinweise aus dem Artikel", "Notes from the article"),
    "markdown.no_rules": ("Keine Regeln in den gewählten Bereichen.", "No rules in the chosen scopes."),
    "markdown.condition.one": ("{mark} Regel {numbers}, Bedingung: {text}", "{mark} Rule {numbers}, condition: {text}"),
    "markdown.condition.many": ("{mark} Regeln {numbers}, Bedingung: {text}",
                                "{mark} Rules {numbers}, condition: {text}"),
    "col.direction": ("Richtung", "Direction"),
    "col.protocol": ("Protokoll", "Protocol"),
    "col.source": ("Quelle", "Source"),
    "col.destination": ("Ziel", "Destination"),
    "col.ports": ("Ports", "Ports"),
    "col.port_purposes": ("Zwecke je Port", "Purposes per port"),
    # shared
    "dir.outbound": ("ausgehend", "outbound"),
    "dir.inbound": ("eingehend", "inbound"),
}


def say(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (German for "de", English otherwise), filled in."""
    return pick(_WORDS[key], lang, **values)


def keys() -> tuple[str, ...]:
    return tuple(_WORDS)


def both(key: str) -> tuple[str, str]:
    """The German and the English template of ``key``, unfilled."""
    return _WORDS[key]
