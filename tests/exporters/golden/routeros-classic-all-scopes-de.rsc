# fwplan-Export für RouterOS
# Katalog: Welche Ports werden verwendet? (Stand 2020-04)
# Ausgewählt: hostedpbx-classic/vpn-tunnel, hostedpbx-classic/swyx-clients-lan, hostedpbx-classic/system-phones, hostedpbx-classic/yealink-phones, hostedpbx-classic/other-devices, hostedpbx-classic/analog-adapters-direct, hostedpbx-classic/swyx-clients-remote, hostedpbx-classic/webinterface
# LAN-Adresse (Planungsdokument): 192.168.50.2, LAN-Netz 192.168.50.0/24
# VPN-Router (Planungsdokument): 192.168.50.1
# PBX-Host: 203.0.113.10
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Den Endpunkt auf Anbieterseite (meist Kundenkürzel.telovip.de) nennt der Anbieter bei der Installation: als PBX-Hostname eintragen.
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Ihr Endpunkt ist der VPN-Router mit der Adresse aus dem Planungsdokument.
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Diesen Verkehr nach Möglichkeit auf dem Internet-Router priorisieren (außer der DSL-Zugang kommt vom Anbieter).
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Bei mehreren Standorten mit VPN-Endpunkten können andere Ports gelten: beim Ansprechpartner nachfragen.
# Laut Artikel: HostedPBX classic (mit VPN) › Swyx-Clients innerhalb Ihres Netzes: Die Clients sprechen nur untereinander und mit der lokalen Adresse aus dem Planungsdokument.
# Laut Artikel: HostedPBX classic (mit VPN) › Analog-Adapter direkt am Telefonnetz des Anbieters: Bedingung: Nur wenn der Anbieter Analog-Wandler (z.B. für Fax) direkt an sein Telefonnetz anbindet statt als Nebenstelle hinter der Telefonanlage: dann gehen SIP und STUN außerhalb des VPN direkt ins Internet.
# Laut Artikel: HostedPBX classic (mit VPN) › Swyx-Clients außerhalb Ihres Netzes (unterwegs): Mit aktivem RemoteConnector sprechen die Clients nur mit der externen Adresse der Telefonanlage (meist Kundenkürzel.telovip.de).
# Installationen unterscheiden sich im Einzelfall: Firewall-Änderungen vorher mit Ihrem Ansprechpartner beim Anbieter absprechen.
# Import: /import file-name=DATEI, oder in ein Terminal einfügen. Die Filterregeln werden am Ende der forward-Chain angefügt: über Ihre drop-Regeln verschieben; established,related zuerst annehmen (die RouterOS-Standardkonfiguration tut das).
# Schnittstellen: die Internet-Regeln prüfen die Interface-Listen WAN (Internet) und LAN (LAN), wie sie die RouterOS-Standardkonfiguration anlegt; andere Listen mit --wan-if/--lan-if.
# Portweiterleitungen: jede eingehende Regel ins private LAN ist ein dst-nat-Eintrag in /ip firewall nat (in-interface-list=WAN, nur von der Quelle der Regel) und eine Filterregel mit connection-nat-state=dstnat. Die RouterOS-Standardkonfiguration verwirft neue Verbindungen aus dem WAN, die nicht per dst-nat umgesetzt wurden (defconf: drop all from WAN not DSTNATed): ohne den dst-nat-Eintrag kämen sie nicht an. Ein geroutetes öffentliches LAN: mit --no-nat exportieren.
# Erneutes Einfügen ist sicher: jeder Abschnitt entfernt zuerst die früheren Einträge dieses Präfixes (die Adressliste fwplan-pbx-host, NAT- und Filtereinträge mit einem Kommentar, der mit "fwplan " und einer Ziffer beginnt) und legt sie dann neu an.
/ip firewall address-list
remove [find list=fwplan-pbx-host dynamic=no]
add list=fwplan-pbx-host address="203.0.113.10" comment="fwplan: PBX-Host"
/ip firewall nat
remove [find comment~"^fwplan [0-9]"]
add chain=dstnat action=dst-nat in-interface-list=WAN protocol=udp src-address-list=fwplan-pbx-host dst-port=9944 to-addresses=192.168.50.1 comment="fwplan 5 (Internet) eingehend udp: VPN-Tunnel zum Endpunkt des Anbieters"
/ip firewall filter
remove [find comment~"^fwplan [0-9]"]
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.50.0/24 dst-address-list=fwplan-pbx-host dst-port=9443 comment="fwplan 1 (Internet) ausgehend tcp: Webinterface der Telefonanlage"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.50.1 dst-address-list=fwplan-pbx-host dst-port=9944 comment="fwplan 2 (Internet) ausgehend udp: VPN-Tunnel zum Endpunkt des Anbieters"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.50.0/24 dst-port=21,80,443,9200 comment="fwplan 3 (Internet) ausgehend tcp: Firmware-Updates, Logo-Konfiguration (FTP, http, https); Ersteinrichtung am zentralen Provisionierungsserver (http/https); Ersteinrichtung beim Hersteller (https); Firmware-Updates, Logo-Download beim Anbieter (https); Firmware-Updates, Logo-Download beim Hersteller (https); Webinterface der Telefonanlage; Ersteinrichtung an der externen Adresse der Telefonanlage (http/https)"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.50.0/24 dst-port=123 comment="fwplan 4 (Internet) ausgehend udp: Zeitabgleich (NTP)"
add chain=forward action=accept connection-nat-state=dstnat in-interface-list=WAN out-interface-list=LAN protocol=udp src-address-list=fwplan-pbx-host dst-address=192.168.50.1 dst-port=9944 comment="fwplan 5 (Internet) eingehend udp: VPN-Tunnel zum Endpunkt des Anbieters"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.50.0/24 dst-port=3478,5060 comment="fwplan 6 (Internet) ausgehend udp [Bedingung: Nur wenn der Anbieter Analog-Wandler (z.B. fuer Fax) direkt an sein Telefonnetz anbindet statt als Nebenstelle hinter der Telefonanlage: dann gehen SIP und STUN ausserhalb des VPN direkt ins Internet.]: STUN direkt ins Telefonnetz des Anbieters, ausserhalb des VPN; Telefonie (SIP) direkt ins Telefonnetz des Anbieters, ausserhalb des VPN"
add chain=forward action=accept protocol=tcp src-address=192.168.50.0/24 dst-address=192.168.50.2 dst-port=389,443,1300,1720-1721,4060-4061,5060,5070,8085,9094,9100-9101,9200,50000 comment="fwplan 7 (intern) ausgehend tcp: Telefonbuch-Zugriff (LDAP): 389 oder 50000, einer von beiden genuegt; Swyx-Client zum Server; Call-Handling; CallControl (CorNet, H.323); Telefonbuch-Zugriff (LDAP); Ersteinrichtung an der internen Adresse der Telefonanlage (http/https)"
add chain=forward action=accept protocol=udp src-address=192.168.50.0/24 dst-address=192.168.50.2 dst-port=5000-5020,5060,5070,10000-50999,65012 comment="fwplan 8 (intern) ausgehend udp: CallControl (SIP); RTP-Stream, je Gespraech ausgehandelt; Call-Handling; RTP-Stream (Ton), Port dynamisch ausgehandelt; RTP-Stream (Ton); CTI-Steuerung"
add chain=forward action=accept protocol=tcp src-address=192.168.50.2 dst-address=192.168.50.0/24 dst-port=80,443,8000,8080 comment="fwplan 9 (intern) eingehend tcp: Fernkonfiguration durch die Telefonanlage (http/https), in der Regel; Fernkonfiguration durch die Telefonanlage (http/https); Fernkonfiguration durch die Telefonanlage: http (80) oder https (443), einer von beiden genuegt"
add chain=forward action=accept protocol=tcp dst-address-list=fwplan-pbx-host dst-port=443,9094,9100-9101,16203,57203 comment="fwplan 10 (unterwegs) ausgehend tcp: Swyx-Client unterwegs zur externen Adresse der Telefonanlage"
