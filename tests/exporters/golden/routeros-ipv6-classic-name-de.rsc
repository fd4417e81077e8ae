# fwplan-Export für RouterOS
# Katalog: Welche Ports werden verwendet? (Stand 2020-04)
# Ausgewählt: hostedpbx-classic/vpn-tunnel, hostedpbx-classic/swyx-clients-lan, hostedpbx-classic/system-phones, hostedpbx-classic/yealink-phones, hostedpbx-classic/other-devices, hostedpbx-classic/swyx-clients-remote, hostedpbx-classic/webinterface
# LAN-Adresse (Planungsdokument): 2001:db8:50::2, LAN-Netz 2001:db8:50::/64
# PBX-Host: acme.telovip.de (als Name eingetragen; RouterOS löst ihn selbst auf)
# Hinweis: VPN-Router-Adresse nicht angegeben: der Tunnel nutzt die LAN-Adresse 2001:db8:50::2 (nennt das Planungsdokument eine andere: --vpn-router oder das Feld VPN-Router im Planer)
# Nicht enthalten: 3 Regel(n) internal, 1 Regel(n) remote (mit --scope internal,remote oder --scope all aufnehmen)
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Den Endpunkt auf Anbieterseite (meist Kundenkürzel.telovip.de) nennt der Anbieter bei der Installation: als PBX-Hostname eintragen.
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Ihr Endpunkt ist der VPN-Router mit der Adresse aus dem Planungsdokument.
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Diesen Verkehr nach Möglichkeit auf dem Internet-Router priorisieren (außer der DSL-Zugang kommt vom Anbieter).
# Laut Artikel: HostedPBX classic (mit VPN) › VPN-Tunnel: Bei mehreren Standorten mit VPN-Endpunkten können andere Ports gelten: beim Ansprechpartner nachfragen.
# Laut Artikel: HostedPBX classic (mit VPN) › Swyx-Clients innerhalb Ihres Netzes: Die Clients sprechen nur untereinander und mit der lokalen Adresse aus dem Planungsdokument.
# Laut Artikel: HostedPBX classic (mit VPN) › Swyx-Clients außerhalb Ihres Netzes (unterwegs): Mit aktivem RemoteConnector sprechen die Clients nur mit der externen Adresse der Telefonanlage (meist Kundenkürzel.telovip.de).
# Laut Artikel: HostedPBX classic (mit VPN) › Analog-Adapter direkt am Telefonnetz des Anbieters: nicht ausgewählt (hostedpbx-classic/analog-adapters-direct); Bedingung: Nur wenn der Anbieter Analog-Wandler (z.B. für Fax) direkt an sein Telefonnetz anbindet statt als Nebenstelle hinter der Telefonanlage: dann gehen SIP und STUN außerhalb des VPN direkt ins Internet.
# Installationen unterscheiden sich im Einzelfall: Firewall-Änderungen vorher mit Ihrem Ansprechpartner beim Anbieter absprechen.
# Import: /import file-name=DATEI, oder in ein Terminal einfügen. Die Filterregeln werden am Ende der forward-Chain angefügt: über Ihre drop-Regeln verschieben; established,related zuerst annehmen (die RouterOS-Standardkonfiguration tut das).
# Schnittstellen: die Internet-Regeln prüfen die Interface-Listen WAN (Internet) und LAN (LAN), wie sie die RouterOS-Standardkonfiguration anlegt; andere Listen mit --wan-if/--lan-if.
# Erneutes Einfügen ist sicher: jeder Abschnitt entfernt zuerst die früheren Einträge dieses Präfixes (die Adressliste fwplan-pbx-host, NAT- und Filtereinträge mit einem Kommentar, der mit "fwplan " und einer Ziffer beginnt) und legt sie dann neu an: die Filterregeln stehen dann wieder am Ende der forward-Chain, also erneut über Ihre drop-Regeln verschieben.
# Syntax nach MikroTik-Hilfe: https://help.mikrotik.com/docs/display/ROS/Filter, https://help.mikrotik.com/docs/display/ROS/NAT, https://help.mikrotik.com/docs/display/ROS/Address-lists
/ipv6 firewall address-list
remove [find list=fwplan-pbx-host dynamic=no]
add list=fwplan-pbx-host address="acme.telovip.de" comment="fwplan: PBX-Host"
/ipv6 firewall filter
remove [find comment~"^fwplan [0-9]"]
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=2001:db8:50::/64 dst-address-list=fwplan-pbx-host dst-port=9443 comment="fwplan 1 ausgehend tcp: Webinterface der Telefonanlage"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=2001:db8:50::2 dst-address-list=fwplan-pbx-host dst-port=9944 comment="fwplan 2 ausgehend udp: VPN-Tunnel zum Endpunkt des Anbieters"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=2001:db8:50::/64 dst-port=21,80,443,9200 comment="fwplan 3 ausgehend tcp: Firmware-Updates, Logo-Konfiguration (FTP, http, https); Ersteinrichtung am zentralen Provisionierungsserver (http/https); Ersteinrichtung beim Hersteller (https); Firmware-Updates, Logo-Download beim Anbieter (https); Firmware-Updates, Logo-Download beim Hersteller (https); Webinterface der Telefonanlage; Ersteinrichtung an der externen Adresse der Telefonanlage (http/https)"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=2001:db8:50::/64 dst-port=123 comment="fwplan 4 ausgehend udp: Zeitabgleich (NTP)"
add chain=forward action=accept in-interface-list=WAN out-interface-list=LAN protocol=udp src-address-list=fwplan-pbx-host dst-address=2001:db8:50::2 dst-port=9944 comment="fwplan 5 eingehend udp: VPN-Tunnel zum Endpunkt des Anbieters"
