"""Messages: the status line answers the last key; a message cut short there also pops up
whole; every message is kept in a log that ``m`` shows; a message that stops being true
(``… characters selected`` after the selection is gone) is cleared."""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen

LOG_LENGTH = 500


class Messages:
    message_log: deque[tuple[str, str, str]]
    _transient: str | None

    def _init_messages(self) -> None:
        self.message_log = deque(maxlen=LOG_LENGTH)
        self._transient = None

    def say(self: ReaderScreen, message: str, severity: str = "information", *,
            transient: bool = False, pop_up: bool = True) -> None:
        """A message in the status line, kept in the log. Errors, and messages too long for
        the status line, also pop up as a notification (unless ``pop_up`` is False).
        ``transient``: true only for now; ``clear_transient`` takes it away."""
        text = self.log_message(message, severity)
        self._transient = text if transient else None
        self.status.show_message(message, severity)
        if severity == "error":
            self.app.notify(text, severity="error", timeout=8)
        elif pop_up and not self.status.fits(message):
            self.app.notify(text, severity=severity, timeout=6)  # type: ignore[arg-type]

    def log_message(self: ReaderScreen, message: str, severity: str = "information") -> str:
        """Keep ``message`` in the log that m shows, on one line; return that line."""
        text = one_line(message, 300)
        self.message_log.append((time.strftime("%H:%M:%S"), severity, text))
        return text

    def key_for(self: ReaderScreen, action: str) -> str:
        """The user's key for a reader action (``highlight`` → ``h``, or what the keymap
        binds ``sidelight.highlight`` to), as hints and messages name it."""
        from sidelight.tui.keys import key_display
        from sidelight.tui.screens.reader import BINDING_OWNERS

        owners = (*BINDING_OWNERS, type(self.app))
        ids = (action,) if "." in action else (f"sidelight.{action}", f"view.{action}")
        for binding_id in ids:
            shown = key_display(self.app, binding_id, owners)
            if shown:
                return shown
        from sidelight.tui.widgets.side_lists import AnnotationList

        for binding_id in ids:
            shown = key_display(self.app, binding_id, (AnnotationList,))
            if shown:
                return shown
        return action

    def clear_transient(self: ReaderScreen) -> None:
        """Take away a transient message that is still shown."""
        if self._transient is not None and self.status.message == self._transient:
            self.status.show_message("")
        self._transient = None

    def action_messages(self: ReaderScreen) -> None:
        from sidelight.tui.screens.message_log import MessageLog  # not for the first screen

        self.app.push_screen(MessageLog(list(self.message_log)))
