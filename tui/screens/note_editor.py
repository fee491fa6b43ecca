"""The note editor: a modal multi-line editor; ctrl+s saves, escape leaves.

Saving calls ``save(text)``, which returns None on success or a one-line error. On an error
the editor stays open with the text intact, so a failed write never loses what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from sidelight.tui.safe_text import one_line
from sidelight.tui.screens.guarded_dialog import GuardedDialog


class NoteEditor(GuardedDialog):
    """Dismisses with True when the note was saved, False when the user left."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: ctrl+s must queue behind the keys typed before it, or a
        # fast typist (or a paste) would save the note without its last characters.
        Binding("ctrl+s", "save", "Save note", id="sidelight.note_save"),
        Binding("escape", "leave", "Leave", id="sidelight.note_leave"),
    ]

    def __init__(self, title: str, text: str, save: Callable[[str], str | None]) -> None:
        super().__init__()
        self._title = title
        self._initial = text
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(one_line(self._title, 200), id="note-title", markup=False)
            yield TextArea(self._initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static("ctrl+s save · escape leave", id="note-help", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def _tell(self, message: str) -> None:
        self.query_one("#note-help", Static).update(one_line(message, 300))

    def action_save(self) -> None:
        self._saved_or_told(self._save(self.text))

    def action_leave(self) -> None:
        self._leave_unless_typed(
            self.text != self._initial,
            "The note has unsaved changes: escape again to discard, ctrl+s to save",
        )
