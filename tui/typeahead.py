"""Keys typed ahead land where the user meant them: the app hands its keys (and pastes) to its screens one at
a time, each once everything the one before it set off has happened.

Textual forwards a key to the focused widget and goes on with the next at once. A key that widget does not
handle comes back up to the app's bindings through the message queues, and a dialog a key opens is mounted,
and its field focused, by further messages; a key that arrives in the same burst (a laggy SSH link, tmux,
a fast typist) overtook all of that: it went to the widget focused before, or to a dialog whose field had no
focus yet, and was lost. So while the app is busy with a key, the keys behind it wait here, in order, and
each goes on once every message queue of the app and of its screens is empty and every screen is mounted:
then the binding has acted, a dialog it opened is up with its field focused, a dialog an Enter or Escape
closed is gone, and the key goes where it would have gone had the user waited.

Only a key that may move the focus or change the screens makes the keys behind it wait: one the app, a
screen or a container binds (tab, shift+tab, a letter that opens a dialog), Enter, Escape, any ctrl key, and
a paste (such a key itself waits while the app is busy with the keys before it: a priority binding would
overtake them). A key the focused widget handles itself (a character typed into a field, an arrow in the
tree) goes on at once when no key waits, as Textual would send it, and after a key that made others wait,
all such keys that wait go on together once the app is idle: a burst of characters typed into a field is
not slowed down, and typing at a human pace waits for nothing. Only public Textual API is used
(``App.on_event``, ``active_bindings``, ``message_queue_size``, ``is_mounted``, ``walk_children``,
``call_later``).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ScreenStackError, UnknownModeError

from tui import textual_internals

if TYPE_CHECKING:
    from textual.app import App

#: consecutive looks, each after every other task had its turn, that must find the app idle: a handler that
#: awaits something shows no queued message while it waits, and the looks in between let it finish
QUIET_LOOKS = 3
#: the looks yield to the event loop only; after this many, each also sleeps LOOK_SLEEP (a worker or a
#: subprocess is being waited for: no busy loop)
EAGER_LOOKS = 50
LOOK_SLEEP = 0.002
#: the longest a key waits. No screen of the planner keeps its queues busy without a pause (an animation or a
#: cursor blink leaves them empty between frames), so this only bounds what cannot be foreseen; it is generous
#: because on a starved CPU (a test run in parallel, 4 processes a core) mounting a dialog took over a second
MAX_WAIT_SECONDS = 5.0
#: keys that move the focus, submit, cancel or close wherever they are bound, even by the focused widget
MOVING_KEYS = frozenset({"tab", "shift+tab", "enter", "escape"})


class TypeAhead:
    """Holds the app's keys while it is busy with the one before, and hands them on in order.

    ``dispatch`` is Textual's own handling of an input event (``App.on_event``); the app calls ``holds``
    for each event it receives and dispatches it itself where that returns False.
    """

    def __init__(self, app: App[Any], dispatch: Callable[[events.Event], Awaitable[None]]) -> None:
        self.app = app
        self._dispatch = dispatch
        self._held: deque[events.Event] = deque()
        self._busy = False  # a key went on and what it set off may not have happened yet
        self._watches: set[asyncio.Task[None]] = set()  # asyncio keeps only a weak reference to a task

    def __len__(self) -> int:
        """How many keys wait, plus one while what a key that makes keys wait set off may not have happened yet."""
        return len(self._held) + self._busy

    def holds(self, event: events.Event) -> bool:
        """True where ``event`` is a key or a paste that must wait (it is kept and goes on later). For one that
        may go on now, False: the app dispatches it, and the keys after it wait until it has had its effect."""
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            return False
        if self._busy:
            self._held.append(event)
            return True
        if self.moves(event):
            # a key handed on before may still wait in a widget's queue: a priority binding would overtake it
            self._busy = True
            self._watch_until_idle()
            if not self._idle():
                self._held.append(event)
                return True
        return False

    def moves(self, event: events.Event) -> bool:
        """Whether ``event`` may move the focus or change the screens, so the keys behind it must wait for it.

        A paste may; a key may where it is Enter, Escape, tab, shift+tab or a ctrl key, or where a node other
        than the focused widget binds it (the app, a screen, a container). A key the focused widget binds
        itself (an arrow, space in the tree), consumes (a character in a field) or nobody binds does not."""
        if not isinstance(event, events.Key):
            return True
        key = event.key
        if key in MOVING_KEYS or key.startswith("ctrl+"):
            return True
        app = self.app
        try:
            focused = app.focused
            bound = app.active_bindings.get(key)
        except (ScreenStackError, KeyError, UnknownModeError):  # closing: wait, as before
            return True
        if bound is None:
            return False
        return not (focused is not None and bound.node is focused and not bound.binding.priority)

    def _watch_until_idle(self) -> None:
        watch = asyncio.create_task(self._wait_until_idle())
        self._watches.add(watch)
        watch.add_done_callback(self._watches.discard)

    async def _wait_until_idle(self) -> None:
        app = self.app
        deadline = monotonic() + MAX_WAIT_SECONDS
        quiet = looks = 0
        while quiet < QUIET_LOOKS and monotonic() < deadline:
            await asyncio.sleep(0 if looks < EAGER_LOOKS else LOOK_SLEEP)
            looks += 1
            if not app.is_running:
                return
            quiet = quiet + 1 if self._idle() else 0
        app.call_later(self._next)

    def _idle(self) -> bool:
        """Whether no message waits in the app or on any of its screens, and every screen is mounted."""
        app = self.app
        if app.message_queue_size:
            return False
        try:
            screens = app.screen_stack
        except (KeyError, UnknownModeError):  # closing
            return True
        for screen in screens:
            if not screen.is_mounted:
                return False
            if any(node.message_queue_size for node in screen.walk_children(with_self=True)):
                return False
        return True

    async def _next(self) -> None:
        """In the app's task: hand on the keys that wait, oldest first, up to and including the first that may
        move the focus or change the screens (that one waits for the keys before it, and the keys behind it
        for it); or, once what the keys handed on last set off has happened, stop holding keys."""
        handed_on = False
        while self._held:
            event = self._held.popleft()
            if textual_internals.input_without_screen(self.app, event):
                continue
            if self.moves(event):
                if handed_on:  # it waits for what the keys handed on before it set off
                    self._held.appendleft(event)
                    break
                self._watch_until_idle()
                await self._dispatch(event)
                return
            handed_on = True
            await self._dispatch(event)
        if handed_on:
            self._watch_until_idle()
        else:
            self._busy = False
