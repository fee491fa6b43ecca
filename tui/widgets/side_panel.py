"""The side panel: every annotation of the open documents (orphans too), the entity legend,
or the comparison of the sources (``ComparePanel``).

Choosing an annotation posts ``SidePanel.Jump``; toggling a label in the legend posts
``SidePanel.LabelsChanged`` with the labels to hide.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, SelectionList, TabbedContent, TabPane
from textual.widgets.selection_list import Selection

from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation
from sidelight.tui.colors import Palette
from sidelight.tui.labels import label_order, plain_name
from sidelight.tui.marks import targets_on
from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.compare_panel import ComparePanel
from sidelight.tui.widgets.mounting import mount_now
from sidelight.tui.widgets.row_list import Row, RowList

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


def entry_for(pane: int, ann: Annotation, docs: Sequence[Document]) -> Entry:
    """The row of ``ann`` as seen from pane ``pane``."""
    doc = docs[pane]
    targets = targets_on(ann, doc)
    here = targets[0] if targets else None
    quote = here.exact if here else next((t.exact for t in ann.targets if t.exact), "")
    others: tuple[tuple[int | None, str], ...] = ()
    if ann.kind == "link":
        others = tuple(
            (_pane_of(t.source, t.fingerprint, docs), t.exact)
            for t in ann.targets if t is not here
        )
    return Entry(pane, ann, here.start if here else None, quote, others)


def entry_order(entry: Entry, order: int) -> tuple[int, bool, int, str, int]:
    """Where a row stands: by pane, in reading order; orphans and document notes after the
    anchored ones; ``order`` (the annotation's place in the store) breaks ties."""
    return (entry.pane, entry.start is None, entry.start or 0, entry.annotation.created, order)


def entries_for(docs: Sequence[Document], per_pane: Sequence[Sequence[Annotation]]) -> list[Entry]:
    """Rows in reading order per document; orphans and document notes after the anchored ones."""
    keyed = [(entry_order(entry, i), entry)
             for pane, anns in enumerate(per_pane)
             for i, entry in enumerate(entry_for(pane, a, docs) for a in anns)]
    keyed.sort(key=lambda k: k[0])
    return [entry for _k, entry in keyed]


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
        self._order: list[tuple[int, bool, int, str, int]] = []  # entry_order of each entry
        self._where: dict[tuple[int, str], tuple[int, bool, int, str, int]] = {}
        self._palette: Palette | None = None
        self._labels: list[str] = []
        self._legend_list: Legend | None = None
        # The panel's tabs (a dozen widgets and their stylesheets) are mounted in the frame
        # after the first one, which shows the documents' text (``_fill``). The lists are
        # made now and filled as if shown: they are mounted as they are.
        self._filled = False
        self._tab = NOTES_TAB  # the tab to open on
        self._list = AnnotationList(id="annotation-list")
        self._compare = ComparePanel(id="compare-panel")
        self._legend_pane: TabPane | None = None
        self._filling = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Filled in the panel's own turn: the screen's other work after the first frame (the
        # entity worker's start) does not wait for it.
        self.call_after_refresh(self.call_later, self.fill)

    async def fill(self) -> None:
        """Mount the tabs, unless they are in place; a key that reaches for the panel before
        they came (tab, at once) awaits this first."""
        async with self._filling:
            await self._fill()

    async def _fill(self) -> None:
        if self._filled or not self.is_attached:
            return
        # No initial tab: Textual's tabs would insist it exists while a reader closed as it
        # opens removes them (the first tab is active by default; another is set below).
        tabs = TabbedContent()
        tabs.compose_add_child(TabPane("Annotations", self._list, id=NOTES_TAB))
        # The comparison's widgets are built when first shown or filled (``_build``), the
        # legend when entities are known.
        legend = () if self._legend_list is None else (self._legend_list,)
        self._legend_pane = TabPane("Entities", *legend, id=LEGEND_TAB)
        tabs.compose_add_child(self._legend_pane)
        tabs.compose_add_child(TabPane("Compare", self._compare, id=COMPARE_TAB))
        await self.mount(tabs)  # the tabs' panes are in place on return
        if not self.is_attached:
            return  # the screen closed meanwhile
        self._filled = True
        if self._tab != NOTES_TAB:
            tabs.active = self._tab
        self._build(self._tab)
        if self._compare.has_comparison:
            self._compare.build()

    @property
    def filled(self) -> bool:
        """The tabs and lists are in place (from the frame after the first)."""
        return self._filled

    @property
    def tab(self) -> str:
        if not self._filled:
            return self._tab
        return self.query_one(TabbedContent).active or self._tab

    @tab.setter
    def tab(self, value: str) -> None:
        self._tab = value
        if not self._filled:
            return  # opened on it when filled
        self._build(value)
        self.query_one(TabbedContent).active = value

    def _build(self, tab: str) -> None:
        if tab == LEGEND_TAB:
            self._legend()
        elif tab == COMPARE_TAB:
            self.compare.build()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # A tab clicked with the mouse is shown without the ``tab`` setter.
        self._build(event.pane.id or "")

    def _legend(self) -> Legend | None:
        """The legend, made on first use; None while the panel goes away."""
        if self._legend_list is None:
            legend = Legend(id="legend")
            pane = self._legend_pane
            if pane is None:
                self._legend_list = legend  # mounted with the tabs (``_fill``)
            elif not pane.is_attached:
                if self._filled:
                    return None  # the panel goes away
                pane.compose_add_child(legend)  # mounted with its tab, being mounted
                self._legend_list = legend
            elif mount_now(pane, legend):
                self._legend_list = legend
        return self._legend_list

    @property
    def active_list(self) -> OptionList | RowList:
        if self.tab == LEGEND_TAB and (legend := self._legend()) is not None:
            return legend
        if self.tab == COMPARE_TAB and (lists := self.compare.lists):
            return lists[0]
        return self._list

    def focus_stops(self) -> list[OptionList | RowList]:
        """The lists tab reaches in the shown tab, top to bottom (none until filled)."""
        if not self._filled:
            return []
        if self.tab == COMPARE_TAB:
            return self.compare.lists
        return [self.active_list]

    @property
    def compare(self) -> ComparePanel:
        return self._compare

    @property
    def annotation_list(self) -> AnnotationList:
        return self._list

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def entry_at(self, index: int | None) -> Entry | None:
        return self._entries[index] if index is not None and 0 <= index < len(
            self._entries) else None

    def show_entries(self, entries: list[Entry], palette: Palette, orders: list[int],
                     empty: str | None = None) -> None:
        """Every row at once, in order; ``orders[i]`` is ``entries[i]``'s annotation's place
        in the store (see ``entry_order``); ``empty``: what the list says when a filter
        leaves nothing."""
        listing = self._list
        keep = listing.highlighted
        self._entries = entries
        self._order = [entry_order(e, o) for e, o in zip(entries, orders, strict=True)]
        self._where = {(e.pane, e.annotation.id): k for e, k in zip(entries, self._order,
                                                                   strict=True)}
        self._palette = palette
        listing.set_rows((EntryRow(e, palette) for e in entries), Text(
            empty or "No annotations yet:\nselect with v, then h or a.", "italic"))
        if entries:
            # Keep the reader's place in the list; start at the top so enter always acts.
            listing.highlighted = min(keep or 0, len(entries) - 1)

    def change_entries(self, remove: Iterable[tuple[int, str]],
                       add: Iterable[tuple[Entry, int]]) -> None:
        """Take out the rows of these (pane, annotation id) and put in those entries (each
        with its ``entry_order`` tie-breaker): costs the rows changed, however long the
        list. The highlighted row stays on its entry."""
        listing = self._list
        keep = listing.highlighted
        entries, order, where = self._entries, self._order, self._where
        was_empty = not entries
        for pane_id in remove:
            key = where.pop(pane_id, None)
            if key is None:
                continue  # not listed (a filter hides it)
            i = bisect_left(order, key)
            del entries[i], order[i]
            listing.remove_row(i)
            if keep is not None and i < keep:
                keep -= 1
        for entry, o in add:
            key = entry_order(entry, o)
            i = bisect_right(order, key)
            entries.insert(i, entry)
            order.insert(i, key)
            where[entry.pane, entry.annotation.id] = key
            listing.insert_row(i, EntryRow(entry, self._palette))
            if keep is not None and i <= keep:
                keep += 1
        if entries:
            listing.highlighted = 0 if was_empty or keep is None else min(keep,
                                                                          len(entries) - 1)

    def show_labels(self, counts: dict[str, int], hidden: set[str], palette: Palette) -> None:
        self._labels = label_order(counts)
        legend = self._legend()
        if legend is None:
            return
        keep = legend.highlighted
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
        legend = self._legend()
        return set(self._labels) - set(legend.selected) if legend is not None else set()

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        if not isinstance(event.row_list, AnnotationList):
            return
        event.stop()
        if 0 <= event.index < len(self._entries):
            self.post_message(self.Jump(self._entries[event.index]))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        # Also fires when the legend is refilled; the screen ignores an unchanged set.
        event.stop()
        self.post_message(self.LabelsChanged(self.hidden_labels()))

    def label_order(self) -> Iterable[str]:
        return iter(self._labels)
