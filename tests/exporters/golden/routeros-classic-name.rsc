# fwplan export for RouterOS
# Catalog: Welche Ports werden verwendet? (data 2020-04)
# Selected: hostedpbx-classic/vpn-tunnel, hostedpbx-classic/swyx-clients-lan, hostedpbx-classic/system-phones, hostedpbx-classic/yealink-phones, hostedpbx-classic/other-devices, hostedpbx-classic/analog-adapters-direct, hostedpbx-classic/swyx-clients-remote, hostedpbx-classic/webinterface
# LAN address (planning document): 192.168.50.2, LAN network 192.168.50.0/24
# PBX host: acme.telovip.de (written as a name; RouterOS resolves it itself)
# Note: Analog adapters attached directly to the provider's network: Only where the provider attaches analog adapters (e.g. for fax) directly to its phone network instead of as extensions behind the PBX: SIP and STUN then go directly to the internet, outside the VPN.
# Individual installations differ: agree firewall changes with your contact at the provider first.
# Import: /import file-name=FILE, or paste into a terminal. The rules are added at the end of the forward chain: move them above your drop rules; accept established,related first (RouterOS default configuration does).
/ip firewall address-list
add list=fwplan-pbx-host address="acme.telovip.de" comment="fwplan: PBX host"
/ip firewall filter
add chain=forward action=accept protocol=tcp dst-address-list=fwplan-pbx-host dst-port=443,9094,9100-9101,16203,57203 comment="fwplan 1 outbound tcp: Remote Swyx client to the PBX's external address; PBX web interface; First setup at the PBX's external address (http/https)"
add chain=forward action=accept protocol=tcp src-address=192.168.50.0/24 dst-address-list=fwplan-pbx-host dst-port=9443 comment="fwplan 2 outbound tcp: PBX web interface"
add chain=forward action=accept protocol=udp src-address=192.168.50.2 dst-address-list=fwplan-pbx-host dst-port=9944 comment="fwplan 3 outbound udp: VPN tunnel to the provider's endpoint"
add chain=forward action=accept protocol=tcp src-address=192.168.50.0/24 dst-address=192.168.50.2 dst-port=389,1300,1720-1721,4060-4061,5060,5070,8085,9094,9100-9101,50000 comment="fwplan 4 outbound tcp: Phone book access (LDAP): 389 or 50000, either may be used; Call handling; Swyx client to server; Call control (CorNet, H.323); Phone book access (LDAP)"
add chain=forward action=accept protocol=udp src-address=192.168.50.0/24 dst-address=192.168.50.2 dst-port=5000-5020,5070,10000-50999,65012 comment="fwplan 5 outbound udp: RTP stream, negotiated per call; Call handling; RTP stream (audio), port negotiated dynamically; RTP stream (audio); CTI control"
add chain=forward action=accept protocol=tcp src-address=192.168.50.0/24 dst-port=21,80,443,9200 comment="fwplan 6 outbound tcp: Firmware updates, logo configuration (FTP, http, https); First setup at the central provisioning server (http/https); First setup at the manufacturer (https); Firmware updates, logo download from the provider (https); Firmware updates, logo download from the manufacturer (https); Swyx client to server; First setup at the PBX's internal address (http/https); First setup at the PBX's external address (http/https)"
add chain=forward action=accept protocol=udp src-address=192.168.50.0/24 dst-port=123,3478,5060 comment="fwplan 7 outbound udp: STUN directly to the provider's network, outside the VPN; Telephony (SIP) directly to the provider's network, outside the VPN; Time sync (NTP); Call control (SIP); Call handling"
add chain=forward action=accept protocol=udp src-address-list=fwplan-pbx-host dst-address=192.168.50.2 dst-port=9944 comment="fwplan 8 inbound udp: VPN tunnel to the provider's endpoint"
add chain=forward action=accept protocol=tcp src-address=192.168.50.2 dst-address=192.168.50.0/24 dst-port=80,443,8000,8080 comment="fwplan 9 inbound tcp: Remote configuration by the PBX (http/https), usually; Remote configuration by the PBX (http/https); Remote configuration by the PBX: http (80) or https (443), either may be used"
