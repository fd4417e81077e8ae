# fwplan-Export für RouterOS
# Katalog: Welche Ports werden verwendet? (Stand 2020-04)
# Ausgewählt: instantpbx/sip-phones, instantpbx/swyxit-windows, instantpbx/swyx-softclients, instantpbx/webinterface
# LAN-Adresse (Planungsdokument): 192.168.1.10, LAN-Netz 192.168.1.0/24
# PBX-Host: 203.0.113.10
# Hinweis: LAN-Adresse 192.168.1.10 ohne Präfix: 192.168.1.0/24 als LAN-Netz angenommen
# Laut Artikel: InstantPBX › SwyxIt!-Softphone für Windows: Benötigt die Ports unter "Alle Swyx-Softclients".
# Laut Artikel: InstantPBX › SwyxIt! für Windows: erstmaliger Start: nicht ausgewählt (instantpbx/swyxit-windows-first-start); Bedingung: Nur bis der RemoteConnector nach dem erstmaligen Start aktiviert ist; danach reichen die Ports unter "Alle Swyx-Softclients".
# Installationen unterscheiden sich im Einzelfall: Firewall-Änderungen vorher mit Ihrem Ansprechpartner beim Anbieter absprechen.
# Import: /import file-name=DATEI, oder in ein Terminal einfügen. Die Filterregeln werden am Ende der forward-Chain angefügt: über Ihre drop-Regeln verschieben; established,related zuerst annehmen (die RouterOS-Standardkonfiguration tut das).
# Schnittstellen: die Internet-Regeln prüfen die Interface-Listen WAN (Internet) und LAN (LAN), wie sie die RouterOS-Standardkonfiguration anlegt; andere Listen mit --wan-if/--lan-if.
# Erneutes Einfügen ist sicher: jeder Abschnitt entfernt zuerst die früheren Einträge dieses Präfixes (die Adressliste fwplan-pbx-host, NAT- und Filtereinträge mit einem Kommentar, der mit "fwplan " und einer Ziffer beginnt) und legt sie dann neu an: die Filterregeln stehen dann wieder am Ende der forward-Chain, also erneut über Ihre drop-Regeln verschieben.
# Syntax nach MikroTik-Hilfe: https://help.mikrotik.com/docs/display/ROS/Filter, https://help.mikrotik.com/docs/display/ROS/NAT, https://help.mikrotik.com/docs/display/ROS/Address-lists
/ip firewall address-list
remove [find list=fwplan-pbx-host dynamic=no]
add list=fwplan-pbx-host address="203.0.113.10" comment="fwplan: PBX-Host"
/ip firewall nat
remove [find comment~"^fwplan [0-9]"]
/ip firewall filter
remove [find comment~"^fwplan [0-9]"]
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.1.0/24 dst-address-list=fwplan-pbx-host dst-port=9094,9100-9101,9443,16203,57203 comment="fwplan 1 ausgehend tcp: Swyx-Client zum Server; Webinterface der Telefonanlage"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.1.0/24 dst-address-list=fwplan-pbx-host dst-port=5060,10000-59999 comment="fwplan 2 ausgehend udp: Call-Handling (SIP); RTP-Stream (Ton), Port je Gespraech ausgehandelt"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.1.0/24 dst-port=443,9200 comment="fwplan 3 ausgehend tcp: Telefonbuch-Zugriff (https), sofern verfuegbar; Autoprovisioning beim Anbieter (http/https); Autoprovisioning beim Hersteller (http/https); Swyx-Client zum Server; Webinterface der Telefonanlage"
