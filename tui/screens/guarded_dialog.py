"""What the note editor and the link dialog share: a save that keeps the dialog open with the
typed text on an error, and an escape that warns once before throwing typed text away."""

from __future__ import annotations

from textual.screen import ModalScreen


class GuardedDialog(ModalScreen[bool]):
    """Dismisses with True when saved, False when the user left."""

    def __init__(self) -> None:
        super().__init__()
        self._warned = False

    def _tell(self, message: str) -> None:
        raise NotImplementedError

    def _saved_or_told(self, error: str | None) -> None:
        if error:
            # A message that says what ctrl+s does next needs no "retry".
            retry = "" if "ctrl+s" in error else " (ctrl+s to retry)"
            self._tell(f"Not saved: {error}{retry}")
            return
        self.dismiss(True)

    def _leave_unless_typed(self, typed: bool, warning: str) -> None:
        if typed and not self._warned:
            # One extra escape to throw away typed text; a slip of the finger costs nothing.
            self._warned = True
            self._tell(warning)
            return
        self.dismiss(False)
