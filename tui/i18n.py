"""The planner's own words, in German and English. Catalog names come from the catalog."""

from __future__ import annotations

from fwplan.lang import pick

LANGUAGES = ("de", "en")

_STRINGS: dict[str, tuple[str, str]] = {
    # key bindings (Footer, help, command palette)
    "key.toggle": ("Haken", "Tick"),
    "key.focus": ("Fokus", "Focus"),
    "key.copy": ("Kopie", "Copy"),
    "key.export": ("Export", "Export"),
    "key.file": ("Datei", "File"),
    "key.palette": ("Befehle", "Cmds"),
    "key.language": ("English", "Deutsch"),
    "key.dialect": ("Dialekt", "Dialect"),
    "key.probe": ("Prüfen", "Probe"),
    "key.help": ("Hilfe", "Help"),
    "key.notes": ("Hinweise", "Notes"),
    "key.quit": ("Ende", "Quit"),
    "key.close": ("Schließen", "Close"),
    "key.scroll": ("Blättern", "Scroll"),
    # long descriptions (help screen and command palette)
    "help.toggle": (
        "Knoten unter dem Cursor an- oder abhaken; der Haken eines Produkts hakt seine unbedingten "
        "Komponenten an (eine bedingte nur mit eigenem Haken); ein ganz angehaktes Produkt abhaken hakt "
        "alle seine Komponenten ab",
        "Tick or untick the node under the cursor; a product's tick ticks its unconditional components "
        "(a conditional one only by its own tick); unticking a fully ticked product unticks all its "
        "components",
    ),
    "help.focus": ("Fokus zum nächsten / vorigen Bereich", "Move the focus to the next / previous pane"),
    "help.copy_ports": (
        "Portliste der markierten Regel im gewählten Router-Dialekt kopieren",
        "Copy the highlighted rule's port list in the chosen router dialect",
    ),
    "help.copy_rules": ("Ganzen Regelsatz als Texttabelle kopieren", "Copy the whole rule set as the text table"),
    "help.export": (
        "Exportieren: Format, Bereiche, Einstellungen des Routers und Pfad wählen",
        "Export: choose a format, the scopes, the router's settings and a path",
    ),
    "help.save": ("Plan speichern", "Save the plan"),
    "help.open": (
        "Plan öffnen (fragt bei ungespeicherten Änderungen)",
        "Open a plan (asks first when there are unsaved changes)",
    ),
    "help.language": ("Sprache umschalten (Deutsch/English)", "Switch the language (Deutsch/English)"),
    "help.dialect": ("Nächster Router-Dialekt für Portlisten", "Next router dialect for port lists"),
    "help.help": ("Diese Hilfe", "This help"),
    "help.notes": (
        "Hinweise und Bedingungen des Artikels zur Auswahl, je mit Produkt und Komponente",
        "The article's notes and conditions for the selection, each with its product and component",
    ),
    "help.probe": (
        "Vor-Ort-Prüfung: kommen die geplanten Ports zur Telefonanlage durch? (Esc bricht ab)",
        "On-site check: do the planned ports get through to the PBX? (Esc cancels)",
    ),
    "help.quit": ("Beenden (fragt bei ungespeicherten Änderungen)", "Quit (asks first when there are unsaved changes)"),
    "help.palette": ("Befehlspalette: jede Aktion per Name", "Command palette: every action by name"),
    "help.move": ("Cursor bewegen; links/rechts klappt im Baum zu/auf", "Move the cursor; left/right fold the tree"),
    "help.enter": ("Im Baum: auf-/zuklappen", "In the tree: expand or collapse"),
    "help.title": ("Tasten", "Keys"),
    "help.mouse": (
        "Die Maus geht auch, wird aber nie gebraucht. Buchstabentasten wirken außerhalb der Eingabefelder.",
        "The mouse works but is never needed. Letter keys act outside the input fields.",
    ),
    "help.close": ("Schließen: Esc", "Close: Esc"),
    "help.marks": ("Zeichen", "Marks"),
    "help.mark.ticked": (
        "im Baum: alle unbedingten Komponenten des Produkts angehakt / einige (oder nur bedingte) / keine",
        "in the tree: all the product's unconditional components ticked / some (or only conditional ones) / none",
    ),
    "help.mark.plus": (
        "hinter dem Kästchen eines Produkts: N seiner bedingten Komponenten sind auch angehakt",
        "after a product's box: N of its conditional components are ticked too",
    ),
    "help.mark.conditional_item": (
        "im Baum: eine bedingte Komponente, nur mit eigenem Haken; steht der Cursor darauf, nennen die Details "
        "ihre Bedingung (alle Bedingungen: n)",
        "in the tree: a conditional component, ticked only on its own; with the cursor on it the details name "
        "its condition (all conditions: n)",
    ),
    "help.mark.conditional": (
        "hinter der Regelnummer: die Regel gilt nur unter einer Bedingung (siehe Details, n)",
        "after the rule number: the rule is needed only under a condition (see details, n)",
    ),
    "help.mark.scope": ("in der Spalte {column} (Bereich): {title}", "in the column {column} (scope): {title}"),
    # inputs
    "input.lan": ("LAN-Adresse (Planungsdokument)", "LAN address (planning document)"),
    "input.host": ("PBX-Hostname", "PBX hostname"),
    "input.lan.placeholder": ("z. B. 192.168.50.2/24", "e.g. 192.168.50.2/24"),
    "input.host.placeholder": ("z. B. acme.telovip.de", "e.g. acme.telovip.de"),
    "input.needed_by": ("benötigt von: {names}", "needed by: {names}"),
    "input.not_needed": ("von keiner gewählten Komponente benötigt", "not needed by any ticked component"),
    "input.invalid": ("{message} (Regeln unverändert)", "{message} (rules unchanged)"),
    "input.vpn": ("VPN-Router", "VPN router"),
    "input.vpn.placeholder": ("leer: die LAN-Adresse", "empty: the LAN address"),
    # tree
    "tree.title": ("Produkte", "Products"),
    # table
    # the scope column: one letter each, so that the source column fits at 80 columns (legend: help, details)
    "col.scope": ("B", "S"),
    "scope.internet": ("I", "I"),
    "scope.internal": ("S", "S"),
    "scope.remote": ("U", "R"),
    # the scopes by name, in the export dialog (English: as `fwplan export --scope` names them)
    "scope.internet.name": ("Internet", "internet"),
    "scope.internal.name": ("intern", "internal"),
    "scope.remote.name": ("unterwegs", "remote"),
    "col.direction": ("Ri.", "Dir"),
    "col.protocol": ("Prot.", "Proto"),
    "col.source": ("Quelle", "Source"),
    "col.destination": ("Ziel", "Destination"),
    "col.ports": ("Ports", "Ports"),
    "col.purpose": ("Zweck", "Purpose"),
    "dir.outbound": ("aus", "out"),
    "dir.inbound": ("ein", "in"),
    # details
    "details.none": (
        "Keine Regel markiert. Links Produkte und Geräteklassen anhaken.",
        "No rule highlighted. Tick products and device classes on the left.",
    ),
    "details.rule": ("Regel {number}", "Rule {number}"),
    "details.ports": ("Ports ({dialect})", "Ports ({dialect})"),
    "details.why": ("Warum", "Why"),
    "details.article": ("Artikel", "Article"),
    "details.via": ("über die breitere Regel statt {via}", "served by this broader rule instead of {via}"),
    "details.alternatives": ("Alternativen: einer der Ports genügt", "alternatives: one of the ports suffices"),
    "details.warnings": ("Warnungen", "Warnings"),
    "details.no_warnings": ("Keine Warnungen.", "No warnings."),
    "details.scope": ("Bereich", "Scope"),
    "details.port_purposes": ("Welcher Port wofür", "Which port for what"),
    "details.notes": ("Hinweise aus dem Artikel", "Notes from the article"),
    "details.conditional_item": (
        "Bedingt: nur mit eigenem Haken, nie mit dem Produkt; seine Regeln haben * hinter der Nummer.",
        "Conditional: ticked only on its own, never with its product; its rules have * after their number.",
    ),
    # notes view
    "notes.title": ("Hinweise und Bedingungen aus dem Artikel", "Notes and conditions from the article"),
    "notes.none": (
        "Keine Hinweise: nichts angehakt, oder die angehakten Komponenten haben keine.",
        "No notes: nothing is ticked, or the ticked components have none.",
    ),
    "notes.condition": ("Bedingung", "Condition"),
    "notes.unticked": (
        "Bedingte Komponenten, nicht angehakt (nur anhaken, wenn die Bedingung zutrifft):",
        "Conditional components, not ticked (tick one only where its condition applies):",
    ),
    # status line
    "status.rules": ("{count} Regeln", "{count} rules"),
    "status.ports": ("TCP {tcp} / UDP {udp} Ports", "TCP {tcp} / UDP {udp} ports"),
    "status.caveat": (
        "Installationen unterscheiden sich: Änderungen mit dem Anbieter absprechen.",
        "Installations differ: agree changes with the provider's contact.",
    ),
    "status.unsaved": ("geändert", "modified"),
    # notices
    "copied.rules": (
        "Regelsatz ({count} Regeln) kopiert über {channels}",
        "Rule set ({count} rules) copied via {channels}",
    ),
    "copied.ports": ("Ports {ports} kopiert über {channels}", "Ports {ports} copied via {channels}"),
    "copy.failed": ("Kopieren fehlgeschlagen: {channels}", "Copy failed: {channels}"),
    "copy.nothing": ("Keine Regel markiert: nichts zu kopieren", "No rule highlighted: nothing to copy"),
    "channel.osc52": ("OSC 52 (Terminal)", "OSC 52 (terminal)"),
    "channel.system": ("X/Wayland-Zwischenablage", "X/Wayland clipboard"),
    "system.not-read-back": ("sie hat den Text nicht übernommen", "it did not take the text"),
    "system.no-mechanism": ("kein xclip, xsel oder wl-copy gefunden", "no xclip, xsel or wl-copy found"),
    "system.timed-out": ("keine Antwort", "no answer"),
    "system.helper-failed": ("Hilfsprozess gescheitert", "its helper process failed"),
    "exported": ("{format} geschrieben: {path}", "{format} written: {path}"),
    "export.failed": ("Export fehlgeschlagen: {message}", "Export failed: {message}"),
    "saved": ("Plan gespeichert: {path}", "Plan saved: {path}"),
    "opened": ("Plan geöffnet: {path}", "Plan opened: {path}"),
    "language": ("Sprache: Deutsch", "Language: English"),
    "dialect": ("Router-Dialekt: {dialect}", "Router dialect: {dialect}"),
    # dialogs
    "dialog.export.title": ("Exportieren", "Export"),
    "dialog.format": ("Format", "Format"),
    "dialog.scopes": ("Bereiche", "Scopes"),
    "dialog.scopes.none": ("Mindestens einen Bereich anhaken", "Tick at least one scope"),
    "export.scope_hint": (
        "In diesem Dialog: {scopes} unter Bereiche anhaken.",
        "In this dialog: tick {scopes} under Scopes.",
    ),
    "dialog.path": ("Pfad", "Path"),
    "dialog.export": ("Exportieren", "Export"),
    "dialog.export.dialect": (
        "Nur die Portlisten, im Dialekt {dialect} (dialect im [export] des Plans)",
        "Port lists only, in the {dialect} dialect (the plan's [export] dialect)",
    ),
    # the site router's settings in the export dialog
    "router.wan_if": ("WAN-Schnittstelle", "WAN interface"),
    "router.lan_if": ("LAN-Schnittstelle", "LAN interface"),
    "router.nat": ("NAT", "NAT"),
    "router.nat.text": ("LAN hinter NAT (aus: öffentliches LAN)", "LAN behind NAT (off: routed public LAN)"),
    "router.masquerade": ("Masquerade", "Masquerade"),
    "router.masquerade.text": ("ausgehende Quell-NAT mit exportieren", "add the outbound source NAT"),
    "router.name_prefix": ("Namenspräfix", "Name prefix"),
    "router.plain_acl": ("Access-Listen", "Access lists"),
    "router.plain_acl.text": ("einfache ACL statt Zonen-Firewall", "plain ACLs, not the zone-based firewall"),
    "router.default": ("Standard: {value}", "default: {value}"),
    "router.format_default": ("Standard des Formats", "the format's default"),
    "dialog.cancel": ("Abbrechen", "Cancel"),
    "dialog.open.title": ("Plan öffnen", "Open a plan"),
    "dialog.save.title": ("Plan speichern", "Save the plan"),
    "dialog.open": ("Öffnen", "Open"),
    "dialog.save": ("Speichern", "Save"),
    "dialog.path.empty": ("Bitte einen Dateipfad angeben", "Give a file path"),
    "dialog.path.no_dir": ("Verzeichnis {dir!r} gibt es nicht", "directory {dir!r} does not exist"),
    "dialog.path.is_dir": (
        "{path!r} ist ein Verzeichnis; bitte einen Dateinamen angeben",
        "{path!r} is a directory; give a file name",
    ),
    "dialog.quit.title": ("Ungespeicherte Änderungen", "Unsaved changes"),
    "dialog.quit.text": (
        "Der Plan hat ungespeicherte Änderungen. Trotzdem beenden?",
        "The plan has unsaved changes. Quit anyway?",
    ),
    "dialog.quit.quit": ("Beenden ohne Speichern", "Quit without saving"),
    "dialog.quit.save": ("Speichern und beenden", "Save and quit"),
    "dialog.open.text": (
        "Der Plan hat ungespeicherte Änderungen. Trotzdem einen anderen öffnen?",
        "The plan has unsaved changes. Open another one anyway?",
    ),
    "dialog.open.quit": ("Verwerfen und öffnen", "Discard and open"),
    "dialog.open.save": ("Speichern, dann öffnen", "Save, then open"),
    # on-site check (probe screen)
    "probe.title": ("Prüfung vor Ort", "On-site check"),
    "probe.col.rule": ("#", "#"),
    "probe.col.proto": ("Prot.", "Proto"),
    "probe.col.host": ("Host", "Host"),
    "probe.col.result": ("Ergebnis", "Result"),
    "probe.col.ports": ("Ports", "Ports"),
    "probe.waiting": ("wartet", "waiting"),
    "probe.not_testable": ("nicht prüfbar", "not testable"),
    "probe.not_probed": ("nicht geprüft", "not probed"),
    "probe.running": ("Prüfe… Escape bricht ab", "Probing… escape cancels"),
    "probe.cancelled": (
        "Abgebrochen: die bisherigen Ergebnisse stehen da. Escape schließt, r prüft erneut.",
        "Cancelled: the results so far are shown. Escape closes, r runs again.",
    ),
    "probe.done": ("Escape schließt, r prüft erneut.", "Escape closes, r runs again."),
    "probe.no_host": (
        "Kein PBX-Host: bitte erst im Planer eingeben; geprüft wird nur dieser Host.",
        "No PBX host: enter it in the planner first; the check probes only that host.",
    ),
    "probe.nothing": ("In diesem Plan gibt es nichts zu prüfen.", "Nothing to probe in this plan."),
    "probe.key.cancel": ("Abbrechen / schließen", "Cancel / close"),
    "probe.key.again": ("Erneut prüfen", "Run again"),
    # Textual's own commands in the palette
    "palette.theme": ("Farbschema", "Theme"),
    "palette.theme.help": ("Das Farbschema wechseln", "Change the current theme"),
    "palette.quit": ("Beenden", "Quit"),
    "palette.quit.help": ("Die Anwendung sofort beenden", "Quit the application as soon as possible"),
    "palette.keys": ("Tasten", "Keys"),
    "palette.keys.help": (
        "Hilfe zum fokussierten Element und eine Übersicht der Tasten zeigen",
        "Show help for the focused widget and a summary of available keys",
    ),
    "palette.keys.hide": ("Das Tasten- und Hilfefeld ausblenden", "Hide the keys and widget help panel"),
    "palette.minimize": ("Verkleinern", "Minimize"),
    "palette.minimize.help": (
        "Das Element wieder auf normale Größe bringen",
        "Minimize the widget and restore to normal size",
    ),
    "palette.maximize": ("Maximieren", "Maximize"),
    "palette.maximize.help": ("Das fokussierte Element maximieren", "Maximize the focused widget"),
    "palette.screenshot": ("Bildschirmfoto", "Screenshot"),
    "palette.screenshot.help": (
        "Ein SVG-Bildschirmfoto der aktuellen Ansicht speichern",
        "Save an SVG 'screenshot' of the current screen",
    ),
    # command palette
    "cmd.dialect": ("Router-Dialekt: {dialect}", "Router dialect: {dialect}"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (German for "de", English otherwise), filled in."""
    return pick(_STRINGS[key], lang, **values)


def keys() -> tuple[str, ...]:
    return tuple(_STRINGS)
