"""Copying from the planner: OSC 52 at once, the desktop clipboard where usable (in a thread: it runs a child
process), and a notice that names the channels that took the text and those that failed, and why."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from fwplan.i18n import say

if TYPE_CHECKING:
    from exporters.clipboard import Delivery
    from tui.app import PlannerApp

#: what the notice says once it knows the channels: ``describe(lang, channels=...)``
Describe = Callable[..., str]

#: channel (``exporters.clipboard.OSC52``, ``SYSTEM``) -> i18n key of its name
CHANNEL_KEYS = {"osc52": "channel.osc52", "system": "channel.system"}
#: why the desktop clipboard failed (``exporters.clipboard.NOT_READ_BACK``, ...) -> i18n key of the reason
PROBLEM_KEYS = {
    "not-read-back": "system.not-read-back",
    "no-mechanism": "system.no-mechanism",
    "timed-out": "system.timed-out",
    "helper-failed": "system.helper-failed",
}


class ClipboardReport:
    """Copies text for the app and tells the user, in the app's language, how it went."""

    def __init__(self, app: PlannerApp) -> None:
        self.app = app

    def copy(self, text: str, describe: Describe) -> None:
        """Deliver ``text`` in a worker thread; ``describe`` words the notice of success."""
        self.app.run_worker(partial(self._deliver, text, describe), thread=True, group="clipboard", exit_on_error=False)

    def _deliver(self, text: str, describe: Describe) -> None:
        from exporters.clipboard import deliver

        app = self.app
        delivery = deliver(text, lambda value: app.call_from_thread(app.copy_to_clipboard, value), app.environ)
        app.call_from_thread(self.report, delivery, describe)

    def report(self, delivery: Delivery, describe: Describe) -> None:
        lang = self.app.lang
        if delivery.delivered:
            channels = ", ".join(say(CHANNEL_KEYS[channel], lang) for channel in delivery.delivered)
            self.app.notify(describe(lang, channels=channels))
        if delivery.failed:
            channels = ", ".join(self._failed_channel(c, delivery.system_problem) for c in delivery.failed)
            self.app.notify(say("copy.failed", lang, channels=channels), severity="warning")

    def _failed_channel(self, channel: str, system_problem: str) -> str:
        name = say(CHANNEL_KEYS[channel], self.app.lang)
        if channel == "system" and system_problem:
            return f"{name} ({say(PROBLEM_KEYS[system_problem], self.app.lang)})"
        return name
