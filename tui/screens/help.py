"""The help screen: every key of the reader, as currently mapped, grouped by where it acts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sidelight.tui.keys import KeyRow

INTRO = (
    "Select with v and the motion keys (or drag with the mouse), then h to highlight or a to "
    "add a note. With two or more documents the gutter marks each sentence: = told the same "
    "elsewhere, ≈ similarly, ≠ differently, + only in this source; = jumps the other panes "
    "to the counterpart, C opens the comparison, and l on a selection, then l on one in "
    "another pane, links the two with a note. Everything below is also in the command "
    "palette (ctrl+p). Keys can be remapped with a \"keymap\" object (binding id → keys) in "
    "settings.json."
)


def help_table(rows: Sequence[KeyRow]) -> Group:
    """A heading and a table per section; the key column is as wide as the longest keys, so
    that a long heading does not push the descriptions aside."""
    key_width = max((cell_len(row.keys) for row in rows), default=1)
    parts: list[Text | Table] = []
    table: Table | None = None
    section = None
    for row in rows:
        if row.section != section or table is None:
            section = row.section
            parts.append(Text(f"\n{section}", style="bold underline"))
            table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
            table.add_column("key", style="bold", no_wrap=True, width=key_width)
            table.add_column("action", ratio=1)
            parts.append(table)
        table.add_row(row.keys, row.description)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="sidelight.help_close"),
    ]

    def __init__(self, rows: Sequence[KeyRow]) -> None:
        super().__init__()
        self._rows = list(rows)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(Text("sidelight keys", style="bold"), id="help-title")
            yield Static(INTRO, markup=False)
            yield Static(help_table(self._rows))
            yield Static(Text("escape, q or ? closes this help", style="italic"))

    def action_close(self) -> None:
        self.dismiss(None)
