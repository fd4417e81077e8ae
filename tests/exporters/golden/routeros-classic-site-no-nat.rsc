# fwplan export for RouterOS
# Catalog: Welche Ports werden verwendet? (data 2020-04)
# Selected: hostedpbx-classic/vpn-tunnel, hostedpbx-classic/swyx-clients-lan, hostedpbx-classic/system-phones, hostedpbx-classic/yealink-phones, hostedpbx-classic/other-devices, hostedpbx-classic/swyx-clients-remote, hostedpbx-classic/webinterface
# LAN address (planning document): 192.168.50.2, LAN network 192.168.50.0/24
# PBX host: 203.0.113.10
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
# Interfaces: the internet rules match the interface lists ppp0 (internet) and bridge-lan (LAN) from --wan-if/--lan-if; both must exist under /interface list.
# No NAT (--no-nat): inbound rules are plain filter rules to the LAN's public addresses.
# Pasting again is safe: each section first removes the earlier entries of this prefix (the address list site7-pbx-host, nat and filter entries whose comment starts with "site7 " and a digit), then adds them anew: the filter rules are then at the end of the forward chain again, so move them above your drop rules again.
# Syntax: MikroTik help, https://help.mikrotik.com/docs/display/ROS/Filter, https://help.mikrotik.com/docs/display/ROS/NAT, https://help.mikrotik.com/docs/display/ROS/Address-lists
/ip firewall address-list
remove [find list=site7-pbx-host dynamic=no]
add list=site7-pbx-host address="203.0.113.10" comment="site7: PBX host"
/ip firewall nat
remove [find comment~"^site7 [0-9]"]
/ip firewall filter
remove [find comment~"^site7 [0-9]"]
add chain=forward action=accept in-interface-list=bridge-lan out-interface-list=ppp0 protocol=tcp src-address=192.168.50.0/24 dst-address-list=site7-pbx-host dst-port=9443 comment="site7 1 outbound tcp: PBX web interface"
add chain=forward action=accept in-interface-list=bridge-lan out-interface-list=ppp0 protocol=udp src-address=192.168.50.2 dst-address-list=site7-pbx-host dst-port=9944 comment="site7 2 outbound udp: VPN tunnel to the provider's endpoint"
add chain=forward action=accept in-interface-list=bridge-lan out-interface-list=ppp0 protocol=tcp src-address=192.168.50.0/24 dst-port=21,80,443,9200 comment="site7 3 outbound tcp: Firmware updates, logo configuration (FTP, http, https); First setup at the central provisioning server (http/https); First setup at the manufacturer (https); Firmware updates, logo download from the provider (https); Firmware updates, logo download from the manufacturer (https); PBX web interface; First setup at the PBX's external address (http/https)"
add chain=forward action=accept in-interface-list=bridge-lan out-interface-list=ppp0 protocol=udp src-address=192.168.50.0/24 dst-port=123 comment="site7 4 outbound udp: Time sync (NTP)"
add chain=forward action=accept in-interface-list=ppp0 out-interface-list=bridge-lan protocol=udp src-address-list=site7-pbx-host dst-address=192.168.50.2 dst-port=9944 comment="site7 5 inbound udp: VPN tunnel to the provider's endpoint"
