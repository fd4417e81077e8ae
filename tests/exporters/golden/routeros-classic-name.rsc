# fwplan export for RouterOS
# Catalog: Welche Ports werden verwendet? (data 2020-04)
# Selected: hostedpbx-classic/vpn-tunnel, hostedpbx-classic/swyx-clients-lan, hostedpbx-classic/system-phones, hostedpbx-classic/yealink-phones, hostedpbx-classic/other-devices, hostedpbx-classic/swyx-clients-remote, hostedpbx-classic/webinterface
# LAN address (planning document): 192.168.50.2, LAN network 192.168.50.0/24
# PBX host: acme.telovip.de (written as a name; RouterOS resolves it itself)
# Note: VPN router address not given: the tunnel uses the LAN address 192.168.50.2 (if the planning document names another: --vpn-router, or the VPN router field in the planner)
# Left out: 3 internal rule(s), 1 remote rule(s) (include them with --scope internal,remote or --scope all)
# From the article: HostedPBX classic (with VPN) › VPN tunnel: The provider names its endpoint (usually <customer code>.telovip.de) at installation: enter it as the PBX hostname.
# From the article: HostedPBX classic (with VPN) › VPN tunnel: Your endpoint is the VPN router at the address from the planning document.
# From the article: HostedPBX classic (with VPN) › VPN tunnel: Prioritise this traffic on the internet router where possible (unless the provider supplies the DSL line).
# From the article: HostedPBX classic (with VPN) › VPN tunnel: With several sites on VPN endpoints other ports may apply: ask your contact person.
# From the article: HostedPBX classic (with VPN) › Swyx clients inside your network: The clients talk only to each other and to the local address from the planning document.
# From the article: HostedPBX classic (with VPN) › Swyx clients outside your network (remote): With the RemoteConnector active the clients talk only to the PBX's external address (usually <customer code>.telovip.de).
# From the article: HostedPBX classic (with VPN) › Analog adapters attached directly to the provider's network: not selected (hostedpbx-classic/analog-adapters-direct); condition: Only where the provider attaches analog adapters (e.g. for fax) directly to its phone network instead of as extensions behind the PBX: SIP and STUN then go directly to the internet, outside the VPN.
# Individual installations differ: agree firewall changes with your contact at the provider first.
# Import: /import file-name=FILE, or paste into a terminal. The filter rules are added at the end of the forward chain: move them above your drop rules; accept established,related first (RouterOS default configuration does).
# Interfaces: the internet rules match the interface lists WAN (internet) and LAN (LAN), as the RouterOS default configuration creates them; other lists with --wan-if/--lan-if.
# Port forwards: each inbound rule to the private LAN is a dst-nat entry in /ip firewall nat (in-interface-list=WAN, only from the rule's source) and a filter rule with connection-nat-state=dstnat. The RouterOS default configuration drops new connections from the WAN that were not translated by dst-nat (defconf: drop all from WAN not DSTNATed): without the dst-nat entry they would not arrive. A routed public LAN: export with --no-nat.
# Pasting again is safe: each section first removes the earlier entries of this prefix (the address list fwplan-pbx-host, nat and filter entries whose comment starts with "fwplan " and a digit), then adds them anew: the filter rules are then at the end of the forward chain again, so move them above your drop rules again.
# Syntax: MikroTik help, https://help.mikrotik.com/docs/display/ROS/Filter, https://help.mikrotik.com/docs/display/ROS/NAT, https://help.mikrotik.com/docs/display/ROS/Address-lists
/ip firewall address-list
remove [find list=fwplan-pbx-host dynamic=no]
add list=fwplan-pbx-host address="acme.telovip.de" comment="fwplan: PBX host"
/ip firewall nat
remove [find comment~"^fwplan [0-9]"]
add chain=dstnat action=dst-nat in-interface-list=WAN protocol=udp src-address-list=fwplan-pbx-host dst-port=9944 to-addresses=192.168.50.2 comment="fwplan 5 inbound udp: VPN tunnel to the provider's endpoint"
/ip firewall filter
remove [find comment~"^fwplan [0-9]"]
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.50.0/24 dst-address-list=fwplan-pbx-host dst-port=9443 comment="fwplan 1 outbound tcp: PBX web interface"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.50.2 dst-address-list=fwplan-pbx-host dst-port=9944 comment="fwplan 2 outbound udp: VPN tunnel to the provider's endpoint"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=tcp src-address=192.168.50.0/24 dst-port=21,80,443,9200 comment="fwplan 3 outbound tcp: Firmware updates, logo configuration (FTP, http, https); First setup at the central provisioning server (http/https); First setup at the manufacturer (https); Firmware updates, logo download from the provider (https); Firmware updates, logo download from the manufacturer (https); PBX web interface; First setup at the PBX's external address (http/https)"
add chain=forward action=accept in-interface-list=LAN out-interface-list=WAN protocol=udp src-address=192.168.50.0/24 dst-port=123 comment="fwplan 4 outbound udp: Time sync (NTP)"
add chain=forward action=accept connection-nat-state=dstnat in-interface-list=WAN out-interface-list=LAN protocol=udp src-address-list=fwplan-pbx-host dst-address=192.168.50.2 dst-port=9944 comment="fwplan 5 inbound udp: VPN tunnel to the provider's endpoint"
