"""The core's own words: ``key -> (de, en)``.

- ``list.*``: ``fwplan list``;
- ``cli.*``: the other commands' own lines (the ``fwplan:`` prefix stays outside, the same in both languages);
- ``notice.*``: the warnings a plan gives (a missing input, an assumed prefix, a changed catalog);
- ``text.*``: the core's text export and the facts an export starts with;
- ``placeholder.*``: how a missing input reads for a person;
- ``toml.*``: where a TOML file goes wrong (plan and catalog files alike).
"""

TEXTS: dict[str, tuple[str, str]] = {
    # fwplan list
    "list.needs": ("braucht", "needs"),
    "list.needs.lan": ("LAN-Adresse", "LAN address"),
    "list.needs.host": ("PBX-Host", "PBX host"),
    "list.needs.vpn": ("VPN-Router (sonst die LAN-Adresse)", "VPN router (else the LAN address)"),
    "list.conditional": (" [bedingt]", " [conditional]"),
    "list.select": (
        "--select PRODUKT wählt dessen Komponenten ohne die mit [bedingt] markierten; ein bedingtes Element "
        "wird nur über seine eigene ID gewählt.",
        "--select PRODUCT selects its components except the [conditional] ones; a conditional item is "
        "selected only by its own id.",
    ),
    # fwplan export -o PATH, fwplan check-catalog, an interrupted run
    "cli.wrote": ("{format} nach {path} geschrieben", "wrote {format} to {path}"),
    "cli.check_catalog": (
        "{path}: gültig (Schema {schema}, Daten {data}): {products} Produkte, {components} Komponenten "
        "({conditional} bedingt), {groups} Gruppe(n), {requirements} Anforderungen; je Komponente und Bereich: "
        "{per_scope}",
        "{path}: valid (schema {schema}, data {data}): {products} products, {components} components "
        "({conditional} conditional), {groups} group(s), {requirements} requirements; per component and scope: "
        "{per_scope}",
    ),
    "cli.interrupted": ("abgebrochen", "interrupted"),
    # a missing input, as exports and the planner show it (the value in JSON and CSV stays English)
    "placeholder.lan_network": ("<LAN-Netz>", "<LAN network>"),
    "placeholder.lan_address": ("<LAN-Adresse>", "<LAN address>"),
    "placeholder.pbx_host": ("<PBX-Host>", "<PBX host>"),
    # the catalog's caveat where the catalog gives none
    "caveat.default": (
        "Firewall-Änderungen vorher mit dem Anbieter absprechen.",
        "Agree firewall changes with the provider first.",
    ),
    # where TOML gives up, first; tomllib's own words stay English
    "toml.at": ("Zeile {line}, Spalte {column}: {problem}", "line {line}, column {column}: {problem}"),
    "toml.at_end": ("am Ende der Datei: {problem}", "at the end of the file: {problem}"),
    # the plan's warnings
    "notice.prefix_assumed": (
        "LAN-Adresse {address} ohne Präfix: {network} als LAN-Netz angenommen",
        "LAN address {address} has no prefix: assumed {network} as the LAN network",
    ),
    "notice.public_lan": (
        "LAN-Adresse {address} ist öffentlich; Planungsdokumente nennen meist eine private wie 192.168.x.y",
        "LAN address {address} is public; planning documents usually give a private one such as 192.168.x.y",
    ),
    "notice.catalog_version": (
        "Der Plan wurde mit Katalogstand {plan_version} erstellt, dieser Katalog ist {version}: Regeln bitte prüfen",
        "the plan was made with catalog data {plan_version}; this catalog is {version}: check the rules again",
    ),
    "notice.catalog_digest": (
        "Die Katalogdatei hat sich seit dem Speichern des Plans geändert: Regeln bitte prüfen",
        "the catalog file has changed since the plan was saved: check the rules again",
    ),
    "notice.missing_lan": (
        "LAN-Adresse (Planungsdokument) fehlt; benötigt von: {ids}",
        "LAN address (planning document) missing; needed by: {ids}",
    ),
    "notice.missing_host": (
        "PBX-Hostname fehlt; benötigt von: {ids}",
        "PBX hostname missing; needed by: {ids}",
    ),
    "notice.vpn_default": (
        "VPN-Router-Adresse nicht angegeben: der Tunnel nutzt die LAN-Adresse {address} "
        "(nennt das Planungsdokument eine andere: --vpn-router oder das Feld VPN-Router im Planer)",
        "VPN router address not given: the tunnel uses the LAN address {address} "
        "(if the planning document names another: --vpn-router, or the VPN router field in the planner)",
    ),
    "notice.vpn_unused": (
        "VPN-Router-Adresse {address} angegeben, aber kein ausgewählter Teil nutzt sie (der VPN-Tunnel "
        "ist nicht ausgewählt)",
        "VPN router address {address} given, but nothing selected uses it (the VPN tunnel is not selected)",
    ),
    "notice.vpn_outside": (
        "VPN-Router-Adresse {address} liegt nicht im LAN-Netz {network}: bitte mit dem Planungsdokument vergleichen",
        "VPN router address {address} is not inside the LAN network {network}: check it against the planning document",
    ),
    "notice.parent": (
        "{id} ist ausgewählt, {parent} nicht: seine Ports kommen zu denen von {parent} hinzu",
        "{id} is selected without {parent}: its ports are needed in addition to those of {parent}",
    ),
    "notice.max_gap": (
        "max_gap {max_gap} öffnet zusätzlich {extra} ({where}), die der Artikel nicht verlangt",
        "max_gap {max_gap} also opens {extra} ({where}), which the article does not ask for",
    ),
    # the core's text export: each scope's heading and where its rules go
    "text.scope.internet": ("Internet-Router", "Internet router"),
    "text.scope.internal": ("Innerhalb des Standorts", "Inside the site"),
    "text.scope.remote": ("Clients unterwegs", "Remote clients"),
    "text.scope.internet.where": (
        "Regeln zwischen dem LAN des Standorts und dem Internet, für den Internet-Router. "
        "Ausgehend: LAN -> Internet; eingehend: Internet -> LAN.",
        "Rules between the site's LAN and the internet, for the site's internet router. "
        "Outbound: LAN -> internet; inbound: internet -> LAN.",
    ),
    "text.scope.internal.where": (
        "Beide Enden liegen im Netz des Standorts: nur nötig auf einer Firewall zwischen LAN-Segmenten oder VLANs, "
        "nicht auf dem Internet-Router.",
        "Both ends are inside the site: needed only on a firewall between LAN segments or VLANs, not on the "
        "internet router.",
    ),
    "text.scope.remote.where": (
        "Für das Netz, in dem ein Client unterwegs sitzt (z. B. Homeoffice); nie auf dem Router des Standorts.",
        "For the network where a remote client sits (a home office, say); never on the site's router.",
    ),
    "text.warnings": ("Warnungen", "Warnings"),
    "text.notes": ("Hinweise aus dem Artikel", "Notes from the article"),
    "text.note.condition": ("Bedingung", "Condition"),
    "text.note.not_selected": ("nicht ausgewählt ({id}); Bedingung", "not selected ({id}); condition"),
    "text.no_rules": ("Keine Regeln: nichts ausgewählt.", "No rules: nothing is selected."),
    "text.no_rules.in_scopes": ("Keine Regeln in den gewählten Bereichen.", "No rules in the chosen scopes."),
    "text.omitted": (
        "Nicht enthalten: {counts} (mit --scope {scopes} oder --scope all aufnehmen)",
        "Left out: {counts} (include them with --scope {scopes} or --scope all)",
    ),
    "text.omitted.count": ("{n} Regel(n) {scope}", "{n} {scope} rule(s)"),
    # what an export was made from
    "text.lan": (
        "LAN-Adresse (Planungsdokument): {address}, LAN-Netz {network}{assumed}",
        "LAN address (planning document): {address}, LAN network {network}{assumed}",
    ),
    "text.lan.assumed": (", Präfix /{prefix} angenommen", ", prefix /{prefix} assumed"),
    "text.lan.none": ("LAN-Adresse: nicht angegeben", "LAN address: not given"),
    "text.host.none": ("PBX-Host: nicht angegeben", "PBX host: not given"),
    "text.vpn": ("VPN-Router: {address}", "VPN router: {address}"),
    "text.vpn.lan": (
        "VPN-Router: {address} (die LAN-Adresse; keine eigene angegeben)",
        "VPN router: {address} (the LAN address; none given)",
    ),
    "text.vpn.none": ("VPN-Router: nicht angegeben", "VPN router: not given"),
}
