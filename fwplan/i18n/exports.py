"""The exporters' own words, in German and English: every fixed text an export file shows a person.

Keys, ids, target keywords and menu paths of a router's (English) web UI stay
out of this table: they are what the target reads or what the user clicks.
``tests/exporters/test_words.py`` checks that no English text reaches a German export.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # header_lines: what the file is and what it was made from
    "head.title": ("fwplan-Export für {target}", "fwplan export for {target}"),
    "head.catalog": ("Katalog: {title} (Stand {version})", "Catalog: {title} (data {version})"),
    "head.selected": ("Ausgewählt: {ids}", "Selected: {ids}"),
    "head.lan": (
        "LAN-Adresse (Planungsdokument): {address}, LAN-Netz {network}",
        "LAN address (planning document): {address}, LAN network {network}",
    ),
    "head.host": ("PBX-Host: {host}", "PBX host: {host}"),
    "head.host.name": (
        "PBX-Host: {host} (als Name eingetragen; {target} löst ihn selbst auf)",
        "PBX host: {host} (written as a name; {target} resolves it itself)",
    ),
    "head.host.resolved": (
        "PBX-Host: {host}, beim Export aufgelöst (--resolve) zu {addresses}; ändert sich die Adresse, neu exportieren",
        "PBX host: {host}, resolved when this file was exported (--resolve) to {addresses}; "
        "export again if its address changes",
    ),
    "head.host.placeholder": (
        "PBX-Host: {host}. {target} kann hier keinen Namen nehmen: der Platzhalter "
        "{placeholder} ist durch die Adresse des Hosts zu ersetzen (oder mit --resolve "
        "exportieren)",
        "PBX host: {host}. {target} cannot take a name here: replace the placeholder "
        "{placeholder} with the host's address (or export with --resolve)",
    ),
    "head.missing": (
        "Platzhalter {placeholders}: Angabe fehlt im Plan; vor dem Laden ersetzen",
        "Placeholders {placeholders}: missing from the plan; replace them before loading",
    ),
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
    # nftables, iptables (issue 10: the Linux site router, its interfaces, port forwards and source NAT)
    "linux.interfaces": (
        "Schnittstellen: Internetseite (WAN) {wan}, LAN-Seite {lan}. Die Weiterleitungsregeln "
        "prüfen sie, eine Gegenstelle any ist also nur die Internetseite",
        "Interfaces: internet side (WAN) {wan}, LAN side {lan}. The forward rules match them, so a "
        "peer any is the internet side only",
    ),
    "nftables.interfaces.change": (
        "Ändern: mit --wan-if/--lan-if exportieren (oder wan_if/lan_if in der Tabelle "
        "[export] der Plandatei) oder die Zeilen WAN_IF und LAN_IF unten ändern",
        "To change them: export with --wan-if/--lan-if (or wan_if/lan_if in the plan "
        "file's [export] table), or edit the WAN_IF and LAN_IF lines below",
    ),
    "iptables.interfaces.change": (
        "Ändern: neu mit --wan-if/--lan-if exportieren (oder wan_if/lan_if in der Tabelle [export] der Plandatei)",
        "To change them: export again with --wan-if/--lan-if (or wan_if/lan_if in the plan file's [export] table)",
    ),
    "linux.interfaces.default": (
        "Vorgabe von fwplan, nicht unbedingt Ihres Routers: {names}; passt ein Name zu "
        "keiner Schnittstelle, wird nichts weitergeleitet",
        "fwplan's default, not necessarily your router's: {names}; where a name matches no "
        "interface, nothing is forwarded",
    ),
    "linux.internal": (
        "Interne Regeln (beide Enden im Standort) prüfen nur Adressen, keine Schnittstellen: auf "
        "einer Firewall zwischen LAN-Segmenten sind beide Seiten LAN",
        "Internal rules (both ends inside the site) match addresses only, not interfaces: on a "
        "firewall between LAN segments both sides are LAN",
    ),
    "linux.no_nat": (
        "--no-nat: das LAN wird geroutet (öffentliche Adressen): reine Filterregeln, keine Portweiterleitung",
        "--no-nat: the LAN is routed (public addresses): plain filter rules, no port forward",
    ),
    "linux.no_nat.v6": (
        "IPv6: kein NAT; eingehende Regeln sind reine Filterregeln zu den LAN-Geräten",
        "IPv6: no NAT; inbound rules are plain filter rules to the LAN devices",
    ),
    "linux.masquerade.unused": (
        "--masquerade wird nicht angewandt: hier gibt es kein NAT",
        "--masquerade is not applied: there is no NAT here",
    ),
    "linux.forward": (
        "Portweiterleitung (DNAT) für Regel {numbers}: Pakete von der Quelle der Regel an die eigene "
        "Adresse dieses Routers auf {wan} gehen an das LAN-Gerät der Regel; ihre Filterregel nimmt nur "
        "solche umgesetzten Pakete an",
        "Port forward (DNAT) for rule {numbers}: packets from the rule's source to this router's own "
        "address on {wan} go to the rule's LAN device; its filter rule accepts only such translated "
        "packets",
    ),
    "linux.masquerade": (
        "Quell-NAT (--masquerade): Verkehr aus {network}, der über {wan} hinausgeht, erhält die Adresse von {wan}",
        "Source NAT (--masquerade): traffic from {network} leaving through {wan} takes the address of {wan}",
    ),
    "linux.masquerade.off": (
        "Kein Quell-NAT in dieser Datei: das Masquerading des Routers (auf einem Linux-Router "
        "üblich) muss {network} über {wan} abdecken; mit --masquerade exportieren, um es "
        "hinzuzufügen",
        "No source NAT in this file: the router's own masquerading (usual on a Linux router) "
        "must cover {network} leaving through {wan}; export with --masquerade to add it",
    ),
    "nftables.load": (
        "Laden: nft -f DATEI. Ersetzt nur die Tabelle inet fwplan samt ihren NAT-Chains; erneutes "
        "Laden (etwa nach einer Änderung) ersetzt sie wieder und lässt alle anderen Tabellen "
        "unberührt. Vorher prüfen: nft -c -f DATEI",
        "Load: nft -f FILE. It replaces only table inet fwplan, its nat chains included; loading again "
        "(after a change, say) replaces it again and leaves every other table alone. Check first: "
        "nft -c -f FILE",
    ),
    "nftables.docs": (
        "Syntax nach nft(8), https://www.netfilter.org/projects/nftables/manpage.html; NAT-Chains in "
        "einer inet-Tabelle (ab Linux 5.2): "
        "https://wiki.nftables.org/wiki-nftables/index.php/Performing_Network_Address_Translation_(NAT)",
        "Syntax: nft(8), https://www.netfilter.org/projects/nftables/manpage.html; NAT chains in an "
        "inet table (Linux 5.2 or later): "
        "https://wiki.nftables.org/wiki-nftables/index.php/Performing_Network_Address_Translation_(NAT)",
    ),
    "iptables.load": (
        "Laden: {tool} --noflush DATEI. Ohne --noflush leert {tool} zuerst jede Tabelle, die diese "
        "Datei nennt, samt den eigenen Regeln des Routers (sein Masquerading, seine INPUT-Regeln). "
        "Vorher prüfen: {tool} --noflush --test DATEI",
        "Load: {tool} --noflush FILE. Without --noflush {tool} first empties every table this file "
        "names, the router's own rules (its masquerading, its INPUT rules) included. Check first: "
        "{tool} --noflush --test FILE",
    ),
    "iptables.again": (
        "Laden leert und füllt die fwplan-Chains ({chains}) und macht FORWARD zu dieser Datei "
        "(Policy DROP, ein Sprung zu FWPLAN); INPUT, OUTPUT, Ihre anderen Chains und NAT-Regeln "
        "bleiben. Erneutes Laden, auch nach einer Änderung, ist sicher",
        "Loading empties and refills the fwplan chains ({chains}) and makes FORWARD this file's "
        "(policy DROP, one jump to FWPLAN); INPUT, OUTPUT, your other chains and nat rules stay. "
        "Loading again, after a change too, is safe",
    ),
    "iptables.again.same": (
        "Ein zweites Laden ergibt dasselbe, jede Datei nach jeder anderen ist sicher",
        "A second load gives the same result; any file after any other is safe",
    ),
    "iptables.hooks": (
        "Die Sprünge in die NAT-Chains stehen nicht in dieser Datei: eine iptables-restore-Datei kann "
        "keine Regel nur dort einfügen, wo sie fehlt (und keine nur dort löschen, wo sie steht: eine "
        "fehlende bricht das Laden ab), jedes Laden fügte also einen Sprung mehr ein; PREROUTING und "
        "POSTROUTING zu leeren löschte das NAT des Routers. Einmal, nach dem ersten Laden (die Chains "
        "müssen bestehen), ausführen: {hooks}. Jeder Befehl prüft zuerst (-C) und fügt den Sprung nur "
        "ein, wo er fehlt; erneutes Ausführen schadet nicht. Ohne diese Sprünge wirken "
        "Portweiterleitung und Masquerading nicht",
        "The jumps into the nat chains are not in this file: an iptables-restore file cannot add a "
        "rule only where it is missing (nor delete one only where it is present: a missing one aborts "
        "the load), so each load would add one more jump; flushing PREROUTING and POSTROUTING would "
        "delete the router's own NAT. Once, after the first load (the chains must exist), run: "
        "{hooks}. Each command checks first (-C) and adds the jump only where it is missing; running "
        "it again does no harm. Without these jumps the port forwards and the masquerading do nothing",
    ),
    "iptables.nat.empty": (
        "Ohne NAT (--no-nat oder ein öffentliches LAN): die NAT-Chains ({chains}) werden "
        "leer deklariert, so beendet das Laden die Portweiterleitungen und das Masquerading einer "
        "früheren Datei; Sprünge dorthin (PREROUTING, POSTROUTING) bleiben und führen in die "
        "leeren Chains",
        "Without NAT (--no-nat or a public LAN): the nat chains ({chains}) are declared empty, so "
        "loading ends an earlier file's port forwards and masquerading; jumps to them (PREROUTING, "
        "POSTROUTING) stay and lead into the empty chains",
    ),
    "iptables.docs": (
        "Syntax nach iptables-restore(8) und iptables-extensions(8) (DNAT, MASQUERADE, addrtype, "
        "conntrack, multiport, comment): https://ipset.netfilter.org/iptables-extensions.man.html",
        "Syntax: iptables-restore(8) and iptables-extensions(8) (DNAT, MASQUERADE, addrtype, conntrack, "
        "multiport, comment): https://ipset.netfilter.org/iptables-extensions.man.html",
    ),
    # end of nftables, iptables
    # RouterOS, FortiGate (issue 10: the site router, port forwards, pasting again)
    "routeros.load": (
        "Import: /import file-name=DATEI, oder in ein Terminal einfügen. Die Filterregeln werden am "
        "Ende der forward-Chain angefügt: über Ihre drop-Regeln verschieben; established,related "
        "zuerst annehmen (die RouterOS-Standardkonfiguration tut das).",
        "Import: /import file-name=FILE, or paste into a terminal. The filter rules are added at the "
        "end of the forward chain: move them above your drop rules; accept established,related first "
        "(RouterOS default configuration does).",
    ),
    "routeros.interfaces": (
        "Schnittstellen: die Internet-Regeln prüfen die Interface-Listen {wan} (Internet) und "
        "{lan} (LAN), wie sie die RouterOS-Standardkonfiguration anlegt; andere Listen mit "
        "--wan-if/--lan-if.",
        "Interfaces: the internet rules match the interface lists {wan} (internet) and {lan} "
        "(LAN), as the RouterOS default configuration creates them; other lists with "
        "--wan-if/--lan-if.",
    ),
    "routeros.interfaces.given": (
        "Schnittstellen: die Internet-Regeln prüfen die Interface-Listen {wan} (Internet) "
        "und {lan} (LAN) aus --wan-if/--lan-if; beide müssen unter /interface list "
        "bestehen.",
        "Interfaces: the internet rules match the interface lists {wan} (internet) and "
        "{lan} (LAN) from --wan-if/--lan-if; both must exist under /interface list.",
    ),
    "routeros.forward": (
        "Portweiterleitungen: jede eingehende Regel ins private LAN ist ein dst-nat-Eintrag in "
        "/ip firewall nat (in-interface-list={wan}, nur von der Quelle der Regel) und eine "
        "Filterregel mit connection-nat-state=dstnat. Die RouterOS-Standardkonfiguration verwirft "
        "neue Verbindungen aus dem WAN, die nicht per dst-nat umgesetzt wurden (defconf: drop all "
        "from WAN not DSTNATed): ohne den dst-nat-Eintrag kämen sie nicht an. Ein geroutetes "
        "öffentliches LAN: mit --no-nat exportieren.",
        "Port forwards: each inbound rule to the private LAN is a dst-nat entry in /ip firewall nat "
        "(in-interface-list={wan}, only from the rule's source) and a filter rule with "
        "connection-nat-state=dstnat. The RouterOS default configuration drops new connections from "
        "the WAN that were not translated by dst-nat (defconf: drop all from WAN not DSTNATed): "
        "without the dst-nat entry they would not arrive. A routed public LAN: export with "
        "--no-nat.",
    ),
    "routeros.no_nat": (
        "Ohne NAT (--no-nat): eingehende Regeln sind einfache Filterregeln zu den öffentlichen Adressen des LAN.",
        "No NAT (--no-nat): inbound rules are plain filter rules to the LAN's public addresses.",
    ),
    "routeros.again": (
        "Erneutes Einfügen ist sicher: jeder Abschnitt entfernt zuerst die früheren Einträge dieses "
        "Präfixes (die Adressliste {list}, NAT- und Filtereinträge mit einem Kommentar, der mit "
        '"{prefix} " und einer Ziffer beginnt) und legt sie dann neu an: die Filterregeln stehen '
        "dann wieder am Ende der forward-Chain, also erneut über Ihre drop-Regeln verschieben.",
        "Pasting again is safe: each section first removes the earlier entries of this prefix (the "
        'address list {list}, nat and filter entries whose comment starts with "{prefix} " and a '
        "digit), then adds them anew: the filter rules are then at the end of the forward chain again, "
        "so move them above your drop rules again.",
    ),
    "routeros.docs": (
        "Syntax nach MikroTik-Hilfe: https://help.mikrotik.com/docs/display/ROS/Filter, "
        "https://help.mikrotik.com/docs/display/ROS/NAT, "
        "https://help.mikrotik.com/docs/display/ROS/Address-lists",
        "Syntax: MikroTik help, https://help.mikrotik.com/docs/display/ROS/Filter, "
        "https://help.mikrotik.com/docs/display/ROS/NAT, "
        "https://help.mikrotik.com/docs/display/ROS/Address-lists",
    ),
    "fortigate.docs": (
        "Syntax nach FortiOS 7.4 CLI Reference (config firewall address, vip, service custom, policy): "
        "https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference",
        "Syntax: FortiOS 7.4 CLI Reference (config firewall address, vip, service custom, policy): "
        "https://docs.fortinet.com/document/fortigate/7.4.0/cli-reference",
    ),
    "fritzbox.docs": (
        "Felder nach AVM-Hilfe Portfreigabe: https://service.avm.de/help/de/FRITZ-Box-7530/019p2/hilfe_portfreigabe",
        "Fields: AVM help Port Sharing: https://service.avm.de/help/en/FRITZ-Box-7530/019p2/hilfe_portfreigabe",
    ),
    "routeros.pbx_comment": ("{prefix}: PBX-Host", "{prefix}: PBX host"),
    "fortigate.load": (
        "In die CLI-Konsole einfügen. Schnittstellen: {lan} (LAN) und {wan} (Internet); andere mit "
        "--lan-if/--wan-if. Neue Policies kommen ans Ende: über jede deny-Policy verschieben.",
        "Paste into the CLI console. Interfaces: {lan} (LAN) and {wan} (internet); others with "
        "--lan-if/--wan-if. New policies are added at the end: move them above any deny policy.",
    ),
    "fortigate.nat": (
        "NAT: ausgehende Policies setzen die Absenderadresse auf die von {wan} um (set nat enable). "
        "Ein geroutetes öffentliches LAN: mit --no-nat exportieren.",
        "NAT: outbound policies translate the source to the address of {wan} (set nat enable). A "
        "routed public LAN: export with --no-nat.",
    ),
    "fortigate.forward": (
        "Portweiterleitungen: eingehende Regeln ins private LAN gehen über je eine VIP pro "
        "Protokoll und Portbereich (config firewall vip, extintf {wan}, extip 0.0.0.0 = die "
        "Adresse von {wan}), die dstaddr der Policy; die Policy lässt nur die Quelle der Regel zu.",
        "Port forwards: inbound rules to the private LAN go through one VIP per protocol and port "
        "range (config firewall vip, extintf {wan}, extip 0.0.0.0 = the address of {wan}), the "
        "policy's dstaddr; the policy allows only the rule's source.",
    ),
    "fortigate.no_nat": (
        "Ohne NAT (--no-nat): Policies ohne Adressumsetzung, eingehende Regeln gehen an die "
        "öffentlichen Adressen des LAN.",
        "No NAT (--no-nat): policies without address translation; inbound rules go to the LAN's public addresses.",
    ),
    "fortigate.v6": (
        "IPv6: ohne NAT; die Namen der Objekte enden auf -v6 und stoßen nicht mit denen eines IPv4-Exports zusammen.",
        "IPv6: no NAT; the objects' names end in -v6 and do not clash with an IPv4 export's.",
    ),
    "fortigate.again": (
        'Erneutes Einfügen: edit "NAME" ändert Adressen, VIPs und Dienste dieser Namen (Präfix '
        "{prefix}) an Ort und Stelle; jede Policy wird mit edit 0 neu angelegt, und FortiOS lehnt "
        "eine zweite Policy gleichen Namens ab (Policy-Namen sind je VDOM eindeutig): vorher die "
        "früheren Policies dieses Präfixes löschen (die dieser Datei: {first} bis {last}).",
        'Pasting again: edit "NAME" updates the addresses, VIPs and services of these names '
        "(prefix {prefix}) in place; each policy is added anew with edit 0, and FortiOS refuses a "
        "second policy of the same name (policy names are unique per VDOM): delete the earlier "
        "policies of this prefix first (this file's: {first} to {last}).",
    ),
    # Cisco ASA (cisco), Cisco IOS (cisco-ios), pfSense and OPNsense (issue 10: the site router, port forwards,
    # merging into the interfaces' own lists, pasting again)
    "cisco.placeholder.wan": ("<WAN-Schnittstelle>", "<WAN_interface>"),
    "cisco.placeholder.lan": ("<LAN-Schnittstelle>", "<LAN_interface>"),
    "ios.docs": (
        'Syntax nach Cisco "Zone-Based Policy Firewalls", https://www.cisco.com/c/en/us/td/docs/ios-xml/'
        'ios/sec_data_zbf/configuration/15-mt/sec-data-zbf-15-mt-book/sec-zone-pol-fw.html, und "Object '
        'Groups for ACLs", https://www.cisco.com/en/US/docs/ios-xml/ios/sec_data_acl/configuration/15-2mt/'
        "sec-object-group-acl.html",
        'Syntax: Cisco "Zone-Based Policy Firewalls", https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/'
        'sec_data_zbf/configuration/15-mt/sec-data-zbf-15-mt-book/sec-zone-pol-fw.html, and "Object Groups '
        'for ACLs", https://www.cisco.com/en/US/docs/ios-xml/ios/sec_data_acl/configuration/15-2mt/'
        "sec-object-group-acl.html",
    ),
    "asa.docs": (
        "Syntax nach den Cisco-ASA-CLI-Handbüchern, https://www.cisco.com/c/en/us/td/docs/security/asa/"
        'asa-cli-reference/, und "Network Object NAT", https://www.cisco.com/en/US/docs/security/asa/asa84/'
        "configuration/guide/nat_objects.html",
        "Syntax: the Cisco ASA CLI configuration guides, https://www.cisco.com/c/en/us/td/docs/security/asa/"
        'asa-cli-reference/, and "Network Object NAT", https://www.cisco.com/en/US/docs/security/asa/asa84/'
        "configuration/guide/nat_objects.html",
    ),
    "pfsense.docs": (
        "Felder nach https://docs.netgate.com/pfsense/en/latest/firewall/aliases.html und "
        "https://docs.netgate.com/pfsense/en/latest/nat/port-forwards.html",
        "Fields: https://docs.netgate.com/pfsense/en/latest/firewall/aliases.html and "
        "https://docs.netgate.com/pfsense/en/latest/nat/port-forwards.html",
    ),
    "opnsense.docs": (
        "Felder nach https://docs.opnsense.org/manual/aliases.html und https://docs.opnsense.org/manual/nat.html",
        "Fields: https://docs.opnsense.org/manual/aliases.html and https://docs.opnsense.org/manual/nat.html",
    ),
    "asa.load": (
        "Im Konfigurationsmodus einfügen. access-group bindet je Schnittstelle und Richtung eine Liste und "
        "ersetzt die zuvor gebundene: show running-config access-group zeigt Ihre. Hat eine Schnittstelle "
        "schon eine Liste, vor dem Einfügen {out} bzw. {in_} in den Zeilen unten durch deren Namen "
        "ersetzen, dann kommen die Einträge zu ihr hinzu, an ihr Ende: endet sie mit einem ausdrücklichen "
        "deny, träfen sie nie; dann jeden Eintrag mit einer Zeilennummer davor einfügen (access-list NAME "
        "line N extended permit ..., show access-list NAME zeigt die Nummern); unsere Liste nur an eine "
        "Schnittstelle ohne Liste "
        "binden (access-group {in_} in interface {wan}). Ohne Liste an {lan} erlauben die Security-Level "
        "den Verkehr von {lan} nach {wan} schon: {out} dort nie allein binden, ihr implizites deny würde "
        "allen anderen ausgehenden Verkehr sperren.",
        "Paste in configuration mode. access-group binds one list per interface and direction and replaces "
        "the list bound before: show running-config access-group shows yours. Where an interface has a "
        "list, change {out} or {in_} in the lines below to its name before pasting, so that the entries "
        "are added to it, at its end: where it ends in an explicit deny they would never match, so insert "
        "each entry before it with a line number instead (access-list NAME line N extended permit ..., show "
        "access-list NAME shows the numbers); bind ours only to an interface without a list (access-group "
        "{in_} in interface "
        "{wan}). Without a list on {lan}, the security levels already allow traffic from {lan} to {wan}: "
        "never bind {out} there on its own, its implicit deny would block all other outbound traffic.",
    ),
    "asa.fqdn": (
        "Ein FQDN-Objekt braucht einen DNS-Server auf der ASA (dns domain-lookup).",
        "An FQDN object needs a DNS server on the ASA (dns domain-lookup).",
    ),
    "asa.nat": (
        "Portweiterleitungen: jede eingehende Regel ins private LAN ist ein statisches NAT auf die Adresse "
        "von {wan} (Objekt-NAT nat ({lan},{wan}) static interface service, ein Objekt je Port; ein "
        "Portbereich: Twice-NAT mit einem Service-Objekt). Ihr Listeneintrag lässt nur die Quelle der Regel "
        "zu und nennt die echte (LAN-)Adresse, wie Access-Listen ab ASA 8.3. Ein geroutetes öffentliches "
        "LAN: mit --no-nat exportieren.",
        "Port forwards: each inbound rule to the private LAN is a static NAT to the address of {wan} "
        "(object NAT nat ({lan},{wan}) static interface service, one object per port; a port range: twice "
        "NAT with a service object). Its list entry admits only the rule's source and names the real (LAN) "
        "address, as access lists do from ASA 8.3 on. A routed public LAN: export with --no-nat.",
    ),
    "asa.no_nat": (
        "Ohne NAT (--no-nat): eingehende Regeln sind Listeneinträge zu den öffentlichen Adressen des "
        "LAN, ohne statisches NAT.",
        "No NAT (--no-nat): inbound rules are list entries to the LAN's public addresses, without static NAT.",
    ),
    "asa.v6": (
        "IPv6: ohne NAT; Objekte und Dienstgruppen enden auf -V6 und stoßen nicht mit denen eines "
        "IPv4-Exports zusammen.",
        "IPv6: no NAT; objects and service groups end in -V6 and do not clash with an IPv4 export's.",
    ),
    "asa.again": (
        "Erneutes Einfügen ist sicher: die ersten Zeilen entfernen genau die Einträge und Dienstgruppen "
        "dieses Exports (meldet die ASA, einer existiere nicht, ist das harmlos), dann werden sie neu "
        "angelegt; eine eigene Liste, die mit access-group gebunden ist, verliert die Bindung mit ihrem "
        "letzten Eintrag: nach dem Einfügen wieder binden. Objekte und NAT-Regeln werden an Ort und Stelle "
        "überschrieben. Einträge eines früheren Exports mit anderen Regeln bleiben: show running-config | "
        "include {prefix} zeigt sie.",
        "Pasting again is safe: the first lines remove exactly this export's entries and service groups "
        "(an ASA message that one does not exist is harmless), then they are added anew; a list of ours "
        "bound with access-group loses the binding with its last entry: bind it again after pasting. "
        "Objects and NAT rules are overwritten in place. Entries of an earlier export with other rules "
        "stay: show running-config | include {prefix} lists them.",
    ),
    "ios.zbf": (
        "Im Konfigurationsmodus einfügen (configure terminal). Eine zonenbasierte Firewall (ZBF): die Zonen "
        "{inside} (LAN) und {outside} (Internet), je Richtung eine Class-Map mit der Access-Liste, eine "
        "Policy-Map, die sie prüft (inspect), und ein Zone-Pair; inspect lässt die Antworten zurück, sie "
        "brauchen keinen Listeneintrag.",
        "Paste in configuration mode (configure terminal). A zone-based firewall (ZBF): the zones {inside} "
        "(LAN) and {outside} (internet), per direction a class map matching the access list, a policy map "
        "that inspects it, and a zone pair; inspect lets the replies back, they need no list entry.",
    ),
    "ios.interfaces": (
        "Schnittstellen: die letzten Zeilen nehmen {lan} in die Zone {inside} und {wan} in die Zone "
        "{outside} auf; erst dann greift die Firewall.",
        "Interfaces: the last lines put {lan} into zone {inside} and {wan} into zone {outside}; only "
        "then does the firewall act.",
    ),
    "ios.interfaces.placeholder": (
        "Platzhalter {placeholders} in den Zeilen unten durch Ihre Schnittstellen "
        "ersetzen (oder mit --lan-if/--wan-if exportieren): bis dahin lehnt IOS diese "
        "Zeilen ab, und Zonen ohne Mitglieder ändern nichts.",
        "Replace the placeholders {placeholders} in the lines below with your interfaces "
        "(or export with --lan-if/--wan-if): until then IOS refuses those lines, and "
        "zones without members change nothing.",
    ),
    "ios.zbf.default": (
        "Was eine ZBF mit anderem Verkehr tut: zwischen Schnittstellen verschiedener Zonen wird "
        "verworfen, was keine Klasse prüft (class class-default, drop), und eine Schnittstelle ohne "
        "Zone erreicht keine in einer Zone. Der übrige ausgehende Verkehr des Standorts (Web, Mail, "
        "DNS zu externen Servern) geht weiter durch wie bisher: nach den geplanten Flüssen prüft die "
        "Klasse {other} in {policy} allen anderen TCP-, UDP- und ICMP-Verkehr von {inside} nach "
        "{outside} (inspect, die Antworten kommen zurück). Wer sie entfernt (policy-map type inspect "
        "{policy}, dann no class type inspect {other}), lässt nach außen nur noch die geplanten "
        "Flüsse zu. Andere IP-Protokolle (GRE, ESP) brauchen eigene Klassen. Von {outside} nach "
        "{inside} gehen nur die geplanten Flüsse. Weitere Schnittstellen auf der LAN-Seite (VLANs, "
        "Gäste, Tunnel) "
        "brauchen eine Zone und Zone-Pairs. Verkehr zum und vom Router selbst (die self-Zone: "
        "Verwaltung, DHCP, DNS, sein eigenes VPN) bleibt unberührt, solange kein Zone-Pair self "
        "nennt.",
        "What a ZBF does to other traffic: between interfaces of different zones, whatever no class "
        "inspects is dropped (class class-default, drop), and an interface in no zone reaches none "
        "in a zone. The site's other outbound traffic (web, mail, DNS to outside servers) keeps "
        "passing as it did before: after the planned flows, the class {other} in {policy} inspects "
        "all other TCP, UDP and ICMP from {inside} to {outside} (the replies come back). Removing it "
        "(policy-map type inspect {policy}, then no class type inspect {other}) leaves only the "
        "planned flows outbound. Other IP protocols (GRE, ESP) need classes of their own. From "
        "{outside} to {inside} only the planned flows pass. Other LAN-side interfaces (VLANs, guests, "
        "tunnels) need a zone and zone pairs. Traffic to and "
        "from the router itself (the self zone: management, DHCP, DNS, its own VPN) is not touched "
        "while no zone pair names self.",
    ),
    "ios.zbf.existing": (
        "Hat der Router schon eine zonenbasierte Firewall: die Zeilen zone, zone-pair und "
        "interface nicht einfügen, sondern jede Klasse in die Policy-Map Ihres Zone-Pairs derselben "
        "Richtung aufnehmen (class type inspect NAME, dann inspect; {other} nur, wenn Ihre "
        "ausgehende Policy den übrigen Verkehr durchlassen soll): ein Zone-Pair nimmt eine "
        "Policy-Map.",
        "Where the router already has a zone-based firewall: do not paste the zone, zone-pair and "
        "interface lines; add each class to the policy map of your zone pair of the same direction "
        "instead (class type inspect NAME, then inspect; {other} only where your outbound policy "
        "is meant to pass the site's other traffic): a zone pair takes one policy map.",
    ),
    "ios.nat": (
        "Portweiterleitungen: jede eingehende Regel ins private LAN ist je Port ein statischer NAT-Eintrag "
        "(ip nat inside source static ... interface {wan} ...), der ip nat inside an der LAN- und ip nat "
        "outside an der Internet-Schnittstelle voraussetzt, wie sie jeder NAT-Router hat. {filter} Ein "
        "geroutetes öffentliches LAN: mit --no-nat exportieren.",
        "Port forwards: each inbound rule to the private LAN is a static NAT entry per port (ip nat inside "
        "source static ... interface {wan} ...), which needs ip nat inside on the LAN interface and ip nat "
        "outside on the internet interface, as every NAT router has. {filter} A routed public LAN: export "
        "with --no-nat.",
    ),
    "ios.nat.zbf": (
        "Ihre Klasse lässt nur die Quelle der Regel zu; die ZBF sieht die umgesetzte (LAN-)Adresse.",
        "Its class admits only the rule's source; the ZBF sees the translated (LAN) address.",
    ),
    "ios.nat.acl": (
        "Ihr Listeneintrag lässt nur die Quelle der Regel zu und hat das Ziel any: eine Liste eingehend "
        "an der Internet-Schnittstelle sieht das Ziel vor dem NAT (die öffentliche Adresse).",
        "Its list entry admits only the rule's source and has destination any: a list inbound on the "
        "internet interface sees the destination before NAT (the public address).",
    ),
    "ios.no_nat": (
        "Ohne NAT (--no-nat): eingehende Regeln gehen an die öffentlichen Adressen des LAN, ohne statisches NAT.",
        "No NAT (--no-nat): inbound rules go to the LAN's public addresses, without static NAT.",
    ),
    "ios.v6": (
        "IPv6: ohne NAT; Listen und Klassen enden auf -V6 und teilen Policy-Maps und Zone-Pairs mit einem "
        'IPv4-Export desselben Präfixes. Die ZBF für IPv6 braucht ein Release mit "Zone-Based Policy '
        'Firewall IPv6 Support"; sonst mit --plain-acl exportieren.',
        "IPv6: no NAT; lists and classes end in -V6 and share the policy maps and zone pairs with an IPv4 "
        'export of the same prefix. The ZBF for IPv6 needs a release with "Zone-Based Policy Firewall IPv6 '
        'Support"; otherwise export with --plain-acl.',
    ),
    "ios.v6.plain": ("IPv6: ohne NAT; die Listen enden auf -V6.", "IPv6: no NAT; the lists end in -V6."),
    "ios.plain": (
        "Im Konfigurationsmodus einfügen (configure terminal). Einfache Access-Listen (--plain-acl), an "
        "keine Schnittstelle gebunden: ihre Einträge in die Liste übernehmen, die an der Schnittstelle "
        "schon gilt ({out} in die eingehend an der LAN-Schnittstelle {lan}, {in_} in die eingehend an der "
        "Internet-Schnittstelle {wan}), mit {command_list} und dem Namen jener Liste, dann die "
        "permit-Zeilen; "
        "endet sie mit einem ausdrücklichen deny, die Zeilen mit Sequenznummern davor setzen. Eine "
        "Schnittstelle ohne Liste braucht keine. Nie {out} oder {in_} allein mit {command} binden: eine "
        "Liste endet mit einem impliziten deny, und IOS-Listen sind zustandslos; das sperrte allen anderen "
        "Verkehr und die Antworten auf diese Verbindungen.",
        "Paste in configuration mode (configure terminal). Plain access lists (--plain-acl), applied to no "
        "interface: merge their entries into the list the interface already has ({out} into the one "
        "inbound on the LAN interface {lan}, {in_} into the one inbound on the internet interface {wan}), "
        "with "
        "{command_list} and that list's name, then the permit lines; where it ends in an explicit deny, "
        "give the lines sequence numbers before it. An interface without a list needs none. Never apply "
        "{out} or {in_} on their own with {command}: a list ends in an implicit deny and IOS lists are "
        "stateless, so that would block all other traffic and the replies to these flows.",
    ),
    "ios.again": (
        "Erneutes Einfügen ist sicher: die ersten Zeilen entfernen die Access-Listen und Objektgruppen "
        "dieses Exports (meldet IOS, eine existiere nicht, ist das harmlos), der Rest legt sie neu an; "
        "Class-Maps, Policy-Maps, Zone-Pairs, Zonen und NAT-Einträge werden unverändert erneut "
        "eingegeben, nur die Klasse {other} wird aus {policy} genommen, entfernt und neu angelegt (wer "
        "sie entfernt hatte, entfernt sie nach dem Einfügen wieder). Dienstgruppen {prefix}-RULE... eines "
        "früheren Exports, die dieser nicht "
        "mehr anlegt (andere Regeln oder Nummern), bleiben ungenutzt: mit no object-group service NAME "
        "entfernen.",
        "Pasting again is safe: the first lines remove this export's access lists and object groups (an "
        "IOS message that one does not exist is harmless) and the rest adds them anew; class maps, policy "
        "maps, zone pairs, zones and NAT entries are entered again unchanged, except that the class "
        "{other} is taken out of {policy}, removed and added anew (where you had removed it, remove it "
        "again after pasting). Service groups {prefix}-RULE... "
        "of an earlier export that this one no longer defines (other rules or numbers) stay unused: remove "
        "them with no object-group service NAME.",
    ),
    "ios.again.plain": (
        "Erneutes Einfügen: die ersten Zeilen entfernen die Listen und Objektgruppen dieses "
        "Exports, dann werden sie neu angelegt. In Ihre eigenen Listen übernommene Einträge "
        "entfernt das nicht: dort löschen (remark fwplan N).",
        "Pasting again: the first lines remove this export's lists and object groups, then they are "
        "added anew. Entries merged into your own lists are not removed: delete them there (remark "
        "fwplan N).",
    ),
    "pfsense.interfaces": (
        "Schnittstellen: {lan} (LAN) und {wan} (Internet), wie die Weboberfläche sie nennt; "
        "andere mit --lan-if/--wan-if.",
        "Interfaces: {lan} (LAN) and {wan} (internet), as the web interface names them; others with --lan-if/--wan-if.",
    ),
    "pfsense.steps": (
        "Schritt 1: die Adress-Aliase anlegen ({address_menu}). Schritt 2: {port_step} Schritt 3: die "
        "Regeln der Regeltabelle auf der dort genannten Schnittstelle anlegen ({rules_menu}), oberhalb "
        "jeder Block-Regel; {family_field} wie in der Spalte Adressfamilie setzen: die Vorgabe IPv4 "
        "trifft nie eine IPv6-Regel.",
        "Step 1: create the address aliases ({address_menu}). Step 2: {port_step} Step 3: add the "
        "rules of the rules table on the interface it names ({rules_menu}), above any block rule; set "
        "{family_field} as in the column Address family: the default IPv4 never matches an IPv6 rule.",
    ),
    "pfsense.port_step": (
        "je Block unten einen Port-Alias anlegen ({menu}): den Namen nach BEGIN, die Zeilen "
        "zwischen BEGIN und END in das Feld Aliases to import.",
        "create one port alias per block below ({menu}): the name after BEGIN, the lines between "
        "BEGIN and END into the field Aliases to import.",
    ),
    "opnsense.port_step": (
        "je Block unten einen Port-Alias anlegen ({menu}, Typ Port(s)): den Namen nach BEGIN, die "
        "Zeile zwischen BEGIN und END in das Feld Content einfügen, das sie an den Kommas teilt "
        "(oder unter Content auf Text klicken und je Zeile einen Eintrag eingeben).",
        "create one port alias per block below ({menu}, type Port(s)): the name after BEGIN, "
        "paste the line between BEGIN and END into the field Content, which splits it at the "
        "commas (or click Text under Content and enter one entry per line).",
    ),
    "pfsense.nat": (
        "Portweiterleitungen: jede eingehende Regel ins private LAN ist eine Portweiterleitung auf "
        "{wan}, nur von der Quelle der Regel. Ein geroutetes öffentliches LAN: mit --no-nat exportieren.",
        "Port forwards: each inbound rule to the private LAN is a port forward on {wan}, only from the "
        "rule's source. A routed public LAN: export with --no-nat.",
    ),
    "pfsense.forward_step": (
        "Schritt 4: die Portweiterleitungen der letzten Tabelle anlegen ({nat_menu}), ihre "
        "Spalten in der Reihenfolge des Formulars: Quelle wie angegeben, Ziel {destination}, "
        "als Zielport und Weiterleitungsziel-Port der Alias der Regel, als "
        "Weiterleitungsziel-IP der Alias des Geräts; {filter}. Sie brauchen keine Zeile in der "
        "Regeltabelle.",
        "Step 4: add the port forwards of the last table ({nat_menu}): Source as given, "
        "Destination {destination}, Destination port range and Redirect target port the rule's "
        "alias, Redirect target IP the device's alias; {filter}. They need no line in the rules "
        "table.",
    ),
    "pfsense.filter": (
        "Filter rule association: Add associated filter rule (legt die Regel auf {wan} an)",
        "Filter rule association: Add associated filter rule (creates the rule on {wan})",
    ),
    "opnsense.filter": (
        "Firewall rule: Register rule (vor 26.1: Filter rule association: Add associated filter "
        "rule), das legt die Regel auf {wan} an",
        "Firewall rule: Register rule (before 26.1: Filter rule association: Add associated filter "
        "rule), which creates the rule on {wan}",
    ),
    "pfsense.no_nat": (
        "Ohne NAT (--no-nat): eingehende Regeln sind Regeln auf {wan} zu den öffentlichen Adressen des LAN.",
        "No NAT (--no-nat): inbound rules are rules on {wan} to the LAN's public addresses.",
    ),
    "pfsense.again": (
        "Erneut eintragen: einen vorhandenen Alias-Namen lehnt die Firewall ab (den Alias stattdessen "
        "bearbeiten); Regeln und Portweiterleitungen kämen doppelt: die früheren (Beschreibung "
        "fwplan N) vorher löschen.",
        "Entering again: the firewall refuses an alias name that exists (edit that alias instead); "
        "rules and port forwards would be there twice: delete the earlier ones (description fwplan N) "
        "first.",
    ),
    # menu paths as the (English) web UIs name them; only the words around them are translated
    "pfsense.address_menu": ("Firewall > Aliases > IP > Add", "Firewall > Aliases > IP > Add"),
    "pfsense.alias_menu": ("Firewall > Aliases > Ports > Import", "Firewall > Aliases > Ports > Import"),
    "pfsense.rules_menu": ("Firewall > Rules, Reiter der Schnittstelle", "Firewall > Rules, the interface's tab"),
    "pfsense.nat_menu": ("Firewall > NAT, Reiter Port Forward", "Firewall > NAT, tab Port Forward"),
    "opnsense.address_menu": (
        "Firewall > Aliases, Typ Host(s) oder Network(s)",
        "Firewall > Aliases, type Host(s) or Network(s)",
    ),
    "opnsense.alias_menu": ("Firewall > Aliases, Schaltfläche +", "Firewall > Aliases, button +"),
    "opnsense.rules_menu": ("Firewall > Rules, Schnittstelle wählen", "Firewall > Rules, choose the interface"),
    "opnsense.nat_menu": (
        "Firewall > NAT > Destination NAT (vor 26.1: Port Forward)",
        "Firewall > NAT > Destination NAT (before 26.1: Port Forward)",
    ),
    "pfsense.address_aliases": ("Adress-Aliase", "Address aliases"),
    "pfsense.port_aliases": ("Port-Aliase", "Port aliases"),
    "pfsense.rules": ("Regeln ({menu})", "Rules ({menu})"),
    "pfsense.forwards": ("Portweiterleitungen ({menu})", "Port forwards ({menu})"),
    "pfsense.alias": ("{alias} (Typ {type}): {value}", "{alias} (type {type}): {value}"),
    "pfsense.port_alias": ("{alias} (Typ Port, Regel {number})", "{alias} (type Port, rule {number})"),
    "pfsense.col.interface": ("Schnittstelle", "Interface"),
    "pfsense.col.direction": ("Richtung", "Direction"),
    "pfsense.col.family": ("Adressfamilie", "Address family"),
    "pfsense.col.protocol": ("Protokoll", "Protocol"),
    "pfsense.col.source": ("Quelle", "Source"),
    "pfsense.col.destination": ("Ziel", "Destination"),
    "pfsense.col.port": ("Zielport", "Destination port"),
    "pfsense.col.redirect_ip": ("Weiterleitungsziel-IP", "Redirect target IP"),
    "pfsense.col.redirect_port": ("Weiterleitungsziel-Port", "Redirect target port"),
    "pfsense.col.description": ("Beschreibung", "Description"),
    # FRITZ!Box: its German menu names are the product's own; the English ones are AVM's English UI
    "fritzbox.inbound": (
        "Portfreigaben (Internet > Freigaben > Portfreigaben > Gerät für Freigaben hinzufügen > Neue Freigabe)",
        "Port sharings (Internet > Permit Access > Port Sharing > Add Device for Sharing > New Sharing)",
    ),
    # FRITZ!Box (issue 10: one device per IPv4 port, IPv6 sharings per device, entering twice)
    "fritzbox.sharing.v4": (
        "Gerät {device}, Protokoll {protocol}, Port an Gerät {lo} bis Port {hi}, "
        "Port extern gewünscht {lo}, Freigabe aktivieren für IPv4",
        "device {device}, protocol {protocol}, port to device {lo} through {hi}, "
        "port requested externally {lo}, enable sharing for IPv4",
    ),
    "fritzbox.sharing.v6": (
        "Gerät {device}, Protokoll {protocol}, Port an Gerät {lo} bis Port {hi}, "
        "Freigabe aktivieren für IPv6 (kein externer Port: eine IPv6-Freigabe öffnet den Port "
        "an der eigenen Adresse des Geräts)",
        "device {device}, protocol {protocol}, port to device {lo} through {hi}, "
        "enable sharing for IPv6 (no external port: an IPv6 sharing opens the port at the "
        "device's own address)",
    ),
    "fritzbox.from": (
        "die Regel erlaubt nur Quelle {src}; eine FRITZ!Box-Freigabe kann die Quelle nicht einschränken",
        "the rule allows only source {src}; a FRITZ!Box sharing cannot limit the source",
    ),
    "fritzbox.internal": (
        "innerhalb des LAN ({src} -> {dst}): läuft nicht über die FRITZ!Box, nichts einzustellen",
        "inside the LAN ({src} -> {dst}): does not pass the FRITZ!Box, nothing to set",
    ),
    "fritzbox.network.v4": (
        "Ziel ist das Netz {dst}: über IPv4 geht ein Port an genau ein Gerät; die Freigabe dem "
        "einen Gerät geben, das diese Ports bedient",
        "the destination is the network {dst}: over IPv4 a port goes to exactly one device; "
        "give the sharing to the one device that serves these ports",
    ),
    "fritzbox.network.v6": (
        "Ziel ist das Netz {dst}: IPv6-Freigaben gelten je Gerät; für jedes Gerät, das sie "
        "braucht, eine Freigabe anlegen",
        "the destination is the network {dst}: IPv6 sharings are per device; add one for each device that needs it",
    ),
    "fritzbox.again.v4": (
        "Zweimal eintragen: die FRITZ!Box gibt jeden externen IPv4-Port nur einmal und jeden Port "
        "je Gerät nur einmal frei und lehnt die zweite Freigabe ab; eine vorhandene Freigabe "
        "stattdessen unter Portfreigaben ändern.",
        "Entering twice: the FRITZ!Box shares each external IPv4 port once only and each port "
        "once per device, and refuses the second sharing; change an existing sharing under Port "
        "Sharing instead.",
    ),
    "fritzbox.again.v6": (
        "Zweimal eintragen: die FRITZ!Box gibt jeden Port je Gerät nur einmal frei und lehnt die "
        "zweite Freigabe ab; eine vorhandene Freigabe stattdessen beim Gerät unter Portfreigaben "
        "ändern.",
        "Entering twice: the FRITZ!Box shares each port once per device and refuses the second "
        "sharing; change an existing sharing at the device under Port Sharing instead.",
    ),
    "fritzbox.outbound": (
        "Ausgehend (keine Einstellung nötig: die FRITZ!Box lässt ausgehenden Verkehr standardmäßig durch)",
        "Outbound (no setting needed: the FRITZ!Box lets outbound traffic through by default)",
    ),
    "fritzbox.none": ("keine", "none"),
    # Markdown
    "markdown.title": ("Firewall-Regeln (fwplan)", "Firewall rules (fwplan)"),
    "markdown.warnings": ("Warnungen", "Warnings"),
    "markdown.article_notes": ("Hinweise aus dem Artikel", "Notes from the article"),
    "markdown.no_rules": ("Keine Regeln in den gewählten Bereichen.", "No rules in the chosen scopes."),
    "markdown.condition.one": ("{mark} Regel {numbers}, Bedingung: {text}", "{mark} Rule {numbers}, condition: {text}"),
    "markdown.condition.many": (
        "{mark} Regeln {numbers}, Bedingung: {text}",
        "{mark} Rules {numbers}, condition: {text}",
    ),
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
