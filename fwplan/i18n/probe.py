"""The on-site probe's words (verdicts, reasons, its reports): ``key -> (de, en)``.

The probe's errors are in ``errors`` (``probe.timeout`` ...), the planner's probe screen in ``planner``.
Protocol names (``SIP OPTIONS``, ``STUN Binding``) and SIP status lines are the same in every language
and are not in this table.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # the result of one probe (fwplan.probe.State)
    "probe.state.open": ("offen", "open"),
    "probe.state.refused": ("abgewiesen", "refused"),
    "probe.state.filtered": ("gefiltert", "filtered"),
    "probe.state.unreachable": ("unerreichbar", "unreachable"),
    "probe.state.not_run": ("nicht gelaufen", "not run"),
    # how a port is probed (fwplan.probe.Method)
    "probe.method.tcp_connect": ("TCP-Verbindung", "TCP connect"),
    # why ports are not probed
    "probe.reason.udp": (
        "UDP hat keinen Verbindungsaufbau: nur ein Protokoll, das antwortet (SIP auf 5060, STUN auf 3478), "
        "zeigt, dass der Weg offen ist; ein bloßes Datagramm bleibt so oder so ohne Antwort",
        "UDP has no handshake: only a protocol that answers (SIP on 5060, STUN on 3478) shows the path is "
        "open; a plain datagram gets no reply either way",
    ),
    "probe.reason.inbound": (
        "eingehend: lässt sich nur von außerhalb Ihres Netzes prüfen",
        "inbound: can only be checked from outside your network",
    ),
    "probe.reason.any": (
        "Regel zu any: mit --target HOST gegen einen Host Ihrer Wahl prüfen",
        "rule to any: give --target HOST to check it against a host you choose",
    ),
    "probe.reason.remote": (
        "Regel für Clients unterwegs (Bereich remote): gilt im Netz des Clients, nicht am Standort; von hier "
        "nicht prüfbar",
        "rule for remote clients (scope remote): it applies on the client's network, not at this site; not "
        "checked from here",
    ),
    "probe.reason.no_host": ("PBX-Host fehlt: mit --host angeben", "PBX host missing: give it with --host"),
    "probe.reason.not_pbx": (
        "Ziel {destination} ist weder der PBX-Host noch any; fwplan probe kontaktiert es nicht",
        "destination {destination} is neither the PBX host nor any; fwplan probe does not contact it",
    ),
    "probe.note.single_source": (
        "die Firewall erlaubt dies nur von {source}; von einem anderen Gerät ist 'gefiltert' zu erwarten",
        "the firewall allows this only from {source}; from another device 'filtered' is expected",
    ),
    # what one probe met
    "probe.detail.refused": (
        "der Host hat geantwortet: dort lauscht nichts",
        "the host answered: nothing listens there",
    ),
    "probe.detail.host_unreachable": ("Host nicht erreichbar", "no route to host"),
    "probe.detail.net_unreachable": ("Netz nicht erreichbar", "network is unreachable"),
    "probe.detail.access_denied": (
        "Zugriff verweigert (lokale Firewall?)",
        "permission denied (local firewall?)",
    ),
    "probe.detail.not_permitted": (
        "nicht erlaubt (lokale Firewall?)",
        "operation not permitted (local firewall?)",
    ),
    "probe.detail.address_unavailable": ("Adresse nicht verfügbar", "address not available"),
    "probe.detail.system_error": ("Systemfehler: {error}", "{error}"),
    "probe.detail.connected": ("verbunden in {time}", "connected in {time}"),
    "probe.detail.no_answer": ("keine Antwort innerhalb von {timeout:g} s", "no answer within {timeout:g} s"),
    "probe.detail.no_protocol_answer": (
        "keine {protocol}-Antwort innerhalb von {timeout:g} s",
        "no {protocol} answer within {timeout:g} s",
    ),
    "probe.detail.ignored": (
        "{count} Datagramm(e) ignoriert, die keine {protocol}-Antwort waren",
        "{count} datagram(s) that were not a {protocol} answer ignored",
    ),
    "probe.detail.deadline": (
        "die Frist des Laufs von {deadline:.1f} s war erreicht",
        "the run's deadline of {deadline:.1f} s was reached",
    ),
    "probe.stun.error": ("STUN-Binding-Fehlerantwort", "STUN Binding error response"),
    "probe.stun.response": ("STUN-Binding-Antwort", "STUN Binding response"),
    "probe.stun.mapped": (
        "STUN-Binding-Antwort, gemappte Adresse {mapped}",
        "STUN Binding response, mapped address {mapped}",
    ),
    # a sampled range
    "probe.sample": (
        "{range}: {count} von {size} Ports geprüft: {ports}",
        "{range}: {count} of {size} ports probed: {ports}",
    ),
    # before and during a run (fwplan probe on stderr, the planner's probe screen)
    "probe.announce.only": ("kontaktiert nur {hosts}, sonst keinen Host", "contacting only {hosts}, no other host"),
    "probe.announce.none": ("kontaktiert keinen Host", "contacting no host"),
    "probe.announce.and": ("und", "and"),
    "probe.announce.pbx": ("PBX-Host", "PBX host"),
    "probe.start": (
        "{announce}; {checks} Prüfungen, Zeitlimit {timeout:g} s je Prüfung, {parallel} gleichzeitig, "
        "fertig in höchstens {deadline:.1f} s",
        "{announce}; {checks} probes, timeout {timeout:g} s each, {parallel} at once, done within {deadline:.1f} s",
    ),
    "probe.target_unused": (
        "--target {target}: keine Regel zu 'any', die dagegen zu prüfen wäre; er wird nicht kontaktiert",
        "--target {target}: no rule to 'any' to check against it, so it is not contacted",
    ),
    "probe.resolved": ("{host} ist {address}", "{host} is {address}"),
    # the report (fwplan probe --format text)
    "probe.report.columns": (
        "Regel|Protokoll|Host|Port|Prüfung|Ergebnis|Detail",
        "Rule|Protocol|Host|Port|Check|Result|Detail",
    ),
    "probe.report.not_testable": ("Von hier nicht prüfbar:", "Not testable from here:"),
    "probe.report.not_probed": ("Nicht geprüft:", "Not probed:"),
    "probe.report.sampled": (
        "Stichproben großer Bereiche (beide Enden und einige dazwischen):",
        "Sampled ranges (each end and a few inside):",
    ),
    "probe.report.notes": ("Hinweise:", "Notes:"),
    "probe.report.nothing": ("In diesem Plan gibt es nichts zu prüfen.", "Nothing to probe in this plan."),
    "probe.report.passed": (
        "Alle geprüften Ports kamen durch die Firewall (offen, oder vom Host selbst abgewiesen).",
        "Every probed port got through the firewall (open, or refused by the host itself).",
    ),
    "probe.report.failed": (
        "Einige geprüfte Ports kamen nicht durch: Firewall für die Regeln prüfen, die als gefiltert, "
        "unerreichbar oder nicht gelaufen markiert sind.",
        "Some probed ports did not get through: check the firewall for the rules marked filtered, "
        "unreachable or not run.",
    ),
    "probe.report.rule": ("Regel", "rule"),
    "probe.summary": (
        "{count} Prüfungen in {seconds:.1f} s (Grenze {deadline:.1f} s, Zeitlimit {timeout:g} s je Prüfung): {counts}",
        "{count} probes in {seconds:.1f} s (bound {deadline:.1f} s, timeout {timeout:g} s per probe): {counts}",
    ),
    "probe.summary.none": ("keine", "none"),
}
