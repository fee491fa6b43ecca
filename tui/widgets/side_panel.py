"""The side panel: every annotation of the open documents (orphans too) or the entity legend.

Choosing an annotation posts ``SidePanel.Jump``; toggling a label in the legend posts
``SidePanel.LabelsChanged`` with the labels to hide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, SelectionList, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from annotations.documents import Document
from annotations.model import Annotation
from tui.colors import Palette
from tui.marks import targets_on
from tui.safe_text import one_line

NOTES_TAB = "notes-tab"
LEGEND_TAB = "legend-tab"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the annotation list: an annotation as seen from one pane."""

    pane: int
    annotation: Annotation
    start: int | None  # where it sits in that pane's document; None for orphans and doc notes


def entries_for(docs: Sequence[Document], per_pane: Sequence[Sequence[Annotation]]) -> list[Entry]:
    """Rows in reading order per document; orphans and document notes after the anchored ones."""
    out: list[Entry] = []
    for pane, (doc, anns) in enumerate(zip(docs, per_pane, strict=True)):
        rows = []
        for ann in anns:
            targets = targets_on(ann, doc)
            rows.append(Entry(pane, ann, targets[0].start if targets else None))
        rows.sort(key=lambda e: (e.start is None, e.start or 0, e.annotation.created))
        out.extend(rows)
    return out


def entry_text(entry: Entry, palette: Palette, width: int = 60) -> Text:
    ann = entry.annotation
    text = Text(f"{entry.pane + 1} ", style="bold")
    if ann.kind == "note":
        text.append("doc note", style="italic")
    else:
        quote = next((t.exact for t in ann.targets if t.exact), "")
        if ann.kind == "link":
            text.append(f"↔ {ann.relation or 'link'} ", style="italic")
        text.append(f"“{one_line(quote, width)}”", style=palette.highlight(ann.color))
    if ann.orphan:
        text.append(" orphan: text not found", style="bold italic")
    if ann.note:
        text.append("\n  ")
        text.append(one_line(ann.note, width), style="italic")
    return text


class AnnotationList(OptionList):
    """Annotations of every open document; enter jumps to the one highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.delete_listed", "Delete", id="sidelight.delete_listed"),
        Binding("a", "screen.edit_listed", "Edit note", id="sidelight.edit_listed"),
    ]


class Legend(SelectionList[str]):
    """Entity labels; a ticked label is drawn in the documents."""


class SidePanel(Vertical):
    class Jump(Message):
        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class LabelsChanged(Message):
        def __init__(self, hidden: set[str]) -> None:
            super().__init__()
            self.hidden = hidden

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Entry] = []
        self._labels: list[str] = []

    def compose(self) -> ComposeResult:
        with TabbedContent(initial=NOTES_TAB):
            with TabPane("Annotations", id=NOTES_TAB):
                yield AnnotationList(id="annotation-list")
            with TabPane("Entities", id=LEGEND_TAB):
                yield Legend(id="legend")

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active

    @tab.setter
    def tab(self, value: str) -> None:
        self.query_one(TabbedContent).active = value

    @property
    def active_list(self) -> OptionList:
        if self.tab == LEGEND_TAB:
            return self.query_one(Legend)
        return self.query_one(AnnotationList)

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def show_entries(self, entries: list[Entry], palette: Palette) -> None:
        option_list = self.query_one(AnnotationList)
        keep = option_list.highlighted
        self._entries = entries
        if entries:
            option_list.set_options(
                Option(entry_text(e, palette), id=f"{e.pane}:{e.annotation.id}") for e in entries
            )
        else:
            option_list.set_options(
                [Option(Text("No annotations yet: select with v, then h or a.", "italic"),
                        disabled=True)]
            )
        if entries:
            # Keep the reader's place in the list; start at the top so enter always acts.
            option_list.highlighted = min(keep or 0, len(entries) - 1)

    def show_labels(self, counts: dict[str, int], hidden: set[str], palette: Palette) -> None:
        legend = self.query_one(Legend)
        keep = legend.highlighted
        self._labels = sorted(counts)
        legend.clear_options()
        legend.add_options(
            Selection(
                Text.assemble((label, f"bold {palette.entity(label)}"), f"  {counts[label]}"),
                label,
                label not in hidden,
            )
            for label in self._labels
        )
        if self._labels:
            legend.highlighted = min(keep or 0, len(self._labels) - 1)

    def hidden_labels(self) -> set[str]:
        return set(self._labels) - set(self.query_one(Legend).selected)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "annotation-list":
            return
        event.stop()
        if 0 <= event.option_index < len(self._entries):
            self.post_message(self.Jump(self._entries[event.option_index]))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        # Also fires when the legend is refilled; the screen ignores an unchanged set.
        event.stop()
        self.post_message(self.LabelsChanged(self.hidden_labels()))

    def label_order(self) -> Iterable[str]:
        return iter(self._labels)
