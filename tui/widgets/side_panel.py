"""The side panel: every annotation of the open documents (orphans too), the entity legend,
or the comparison of the sources (``ComparePanel``).

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
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList, SelectionList, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation
from sidelight.tui.colors import Palette
from sidelight.tui.labels import label_order, plain_name
from sidelight.tui.marks import targets_on
from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.compare_panel import ComparePanel

NOTES_TAB = "notes-tab"
LEGEND_TAB = "legend-tab"
COMPARE_TAB = "compare-tab"
# The order ``L`` cycles through.
TABS: tuple[str, ...] = (NOTES_TAB, LEGEND_TAB, COMPARE_TAB)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the annotation list: an annotation as seen from one pane."""

    pane: int
    annotation: Annotation
    start: int | None  # where it sits in that pane's document; None for orphans and doc notes
    quote: str = ""  # the words in this pane (a link has words in several)
    # A link's other ends: (pane number, or None for a document that is not open; words).
    others: tuple[tuple[int | None, str], ...] = ()


def entries_for(docs: Sequence[Document], per_pane: Sequence[Sequence[Annotation]]) -> list[Entry]:
    """Rows in reading order per document; orphans and document notes after the anchored ones."""
    out: list[Entry] = []
    for pane, (doc, anns) in enumerate(zip(docs, per_pane, strict=True)):
        rows = []
        for ann in anns:
            targets = targets_on(ann, doc)
            here = targets[0] if targets else None
            quote = here.exact if here else next((t.exact for t in ann.targets if t.exact), "")
            others: tuple[tuple[int | None, str], ...] = ()
            if ann.kind == "link":
                others = tuple(
                    (_pane_of(t.source, t.fingerprint, docs), t.exact)
                    for t in ann.targets if t is not here
                )
            rows.append(Entry(pane, ann, here.start if here else None, quote, others))
        rows.sort(key=lambda e: (e.start is None, e.start or 0, e.annotation.created))
        out.extend(rows)
    return out


def _pane_of(source: str, fingerprint: str, docs: Sequence[Document]) -> int | None:
    by_path = next((i for i, d in enumerate(docs) if d.path == source), None)
    if by_path is not None:
        return by_path
    return next((i for i, d in enumerate(docs) if d.fingerprint == fingerprint), None)


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


class _Row(Option):
    """An entry's option, knowing its height: one line per line of its text (never wrapped)."""

    def __init__(self, prompt: Text, id: str) -> None:
        super().__init__(prompt, id=id)
        self.height = prompt.plain.count("\n") + 1


class AnnotationList(OptionList):
    """Annotations of every open document; enter jumps to the one highlighted.

    Thousands of entries cost little per change: rows are cut to the panel's width rather
    than wrapped, so a row's height is its count of lines, known without laying it out; the
    list lays out and draws only the rows on screen. (Textual's list measures every option
    by wrapping it at the panel's width each time the options are set.)
    """

    DEFAULT_CSS = """
    AnnotationList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.delete_listed", "Delete", id="sidelight.delete_listed"),
        Binding("a", "screen.edit_listed", "Edit note", id="sidelight.edit_listed"),
        Binding("t", "screen.edit_listed_tags", "Edit tags", id="sidelight.edit_listed_tags"),
        Binding("escape", "screen.focus_document", "Back to the document",
                id="sidelight.back_to_document"),
    ]


    def _update_lines(self) -> None:
        # Textual's own, with each row's height taken from the row instead of measured.
        if not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        options = self.options
        if next_index < len(options):
            padding = self.get_component_styles("option-list--option").padding
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            for index, option in enumerate(options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                height = (option.height if isinstance(option, _Row) else
                          self._get_visual(option).get_height(self.styles,
                                                              width - padding.width))
                height += option._divider
                line_cache.heights[index] = height
                lines.extend((index, line_no) for line_no in range(height))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        last_divider = options and options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return sum(o.height if isinstance(o, _Row) else 1 for o in self.options)


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
        # Rows kept from the last change, by everything their text shows: an unchanged entry
        # is never formatted again.
        self._rows: dict[tuple[object, ...], _Row] = {}

    def compose(self) -> ComposeResult:
        with TabbedContent(initial=NOTES_TAB):
            with TabPane("Annotations", id=NOTES_TAB):
                yield AnnotationList(id="annotation-list")
            with TabPane("Entities", id=LEGEND_TAB):
                yield Legend(id="legend")
            with TabPane("Compare", id=COMPARE_TAB):
                yield ComparePanel(id="compare-panel")

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
        if self.tab == COMPARE_TAB:
            return self.compare.lists[0]
        return self.query_one(AnnotationList)

    def focus_stops(self) -> list[OptionList]:
        """The lists tab reaches in the shown tab, top to bottom."""
        if self.tab == COMPARE_TAB:
            return self.compare.lists
        return [self.active_list]

    @property
    def compare(self) -> ComparePanel:
        return self.query_one(ComparePanel)

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def show_entries(self, entries: list[Entry], palette: Palette,
                     empty: str | None = None) -> None:
        """``empty``: what the list says when a filter leaves nothing."""
        option_list = self.query_one(AnnotationList)
        keep = option_list.highlighted
        self._entries = entries
        if entries:
            rows: dict[tuple[object, ...], _Row] = {}
            for e in entries:
                a = e.annotation
                # What the row shows; strings cache their hashes, a whole Annotation would not.
                key = (e.pane, a.id, a.modified, a.kind, a.color, a.note, a.relation, a.tags,
                       a.orphan, e.quote, e.others, id(palette))
                rows[key] = self._rows.get(key) or _Row(entry_text(e, palette),
                                                        f"{e.pane}:{e.annotation.id}")
            self._rows = rows
            option_list.set_options(rows.values())
        else:
            option_list.set_options(
                [Option(Text(empty or "No annotations yet:\nselect with v, then h or a.",
                             "italic"), disabled=True)]
            )
        if entries:
            # Keep the reader's place in the list; start at the top so enter always acts.
            option_list.highlighted = min(keep or 0, len(entries) - 1)

    def show_labels(self, counts: dict[str, int], hidden: set[str], palette: Palette) -> None:
        legend = self.query_one(Legend)
        keep = legend.highlighted
        self._labels = label_order(counts)
        legend.clear_options()
        legend.add_options(
            Selection(
                Text.assemble((plain_name(label), f"bold {palette.entity(label)}"),
                              f"  {counts[label]}"),
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
