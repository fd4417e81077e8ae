"""One line: the number of rules, the ports opened per protocol, and the article's caveat in short."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from fwplan.i18n import say
from fwplan.merge import RuleSet


def status_text(ruleset: RuleSet, lang: str, modified: bool) -> Text:
    counts = ruleset.ports_per_protocol()
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(say("status.rules", lang, count=len(ruleset.rules)), style="bold")
    text.append(" · " + say("status.ports", lang, tcp=counts["tcp"], udp=counts["udp"]))
    if modified:
        text.append(f" · {say('status.unsaved', lang)}", style="italic")
    text.append(" · " + say("status.caveat", lang))
    return text


class StatusLine(Static):
    def show(self, ruleset: RuleSet, lang: str, modified: bool) -> None:
        self.update(status_text(ruleset, lang, modified))
