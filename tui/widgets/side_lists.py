"""The side panel's lists: the annotation list's rows and the entity legend.

Imported when the panel's tabs are mounted, in the frame after the first one: the reader's
first screen shows the documents' text, and these classes (Textual's selection list among
them) are not on its path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import SelectionList

from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.row_list import Row, RowList

if TYPE_CHECKING:
    from sidelight.tui.colors import Palette
    from sidelight.tui.widgets.side_panel import Entry


def entry_text(entry: Entry, palette: Palette, width: int = 60) -> Text:
    ann = entry.annotation
    text = Text(f"{entry.pane + 1} ", style="bold")
    if ann.kind == "note":
        text.append("doc note", style="italic")
    elif ann.kind == "link":
        text.append(f"“{one_line(entry.quote, width // 2)}”", style=palette.link(ann.relation))
        for pane, quote in entry.others:
            where = f"{pane + 1}" if pane is not None else "a closed document"
            text.append(f"\n  ↔ {one_line(ann.relation, 30) or 'link'} ", style="bold italic")
            text.append(f"{where} “{one_line(quote, width // 2)}”")
    else:
        quote = entry.quote or next((t.exact for t in ann.targets if t.exact), "")
        text.append(f"“{one_line(quote, width)}”", style=palette.highlight(ann.color))
    if ann.tags:
        text.append(" " + " ".join(f"#{one_line(t, 30)}" for t in ann.tags), style="dim")
    if ann.orphan:
        text.append(" orphan: text not found", style="bold italic")
    if ann.note:
        text.append("\n  ")
        text.append(one_line(ann.note, width), style="italic")
    return text


def entry_height(entry: Entry) -> int:
    """Lines of ``entry_text(entry)``, known without making it."""
    ann = entry.annotation
    return 1 + (len(entry.others) if ann.kind == "link" else 0) + (1 if ann.note else 0)


class EntryRow(Row):
    """An entry's row; its text is made when the row is first drawn."""

    __slots__ = ("_entry", "_palette")

    def __init__(self, entry: Entry, palette: Palette) -> None:
        self._entry = entry
        self._palette = palette
        self.height = entry_height(entry)

    @property
    def text(self) -> Text:
        return entry_text(self._entry, self._palette)


class AnnotationList(RowList):
    """Annotations of every open document; enter jumps to the one highlighted.

    Thousands of entries cost nothing per change: rows are cut to the panel's width rather
    than wrapped, a change inserts, removes or replaces its own rows, and only the rows on
    screen are drawn.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.delete_listed", "Delete", id="sidelight.delete_listed"),
        Binding("a", "screen.edit_listed", "Edit note", id="sidelight.edit_listed"),
        Binding("t", "screen.edit_listed_tags", "Edit tags", id="sidelight.edit_listed_tags"),
        Binding("escape", "screen.focus_document", "Back to the document",
                id="sidelight.back_to_document"),
        Binding("enter", "screen.jump_listed", "Go to", show=False),
    ]


class Legend(SelectionList[str]):
    """Entity labels; a ticked label is drawn in the documents."""
