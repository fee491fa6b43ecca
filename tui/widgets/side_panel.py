"""The side panel: every annotation of the open documents (orphans too), the entity legend,
or the comparison of the sources (``ComparePanel``).

Choosing an annotation posts ``SidePanel.Jump``; toggling a label in the legend posts
``SidePanel.LabelsChanged`` with the labels to hide.

The panel's tabs, lists and Compare view are mounted in the frame after the first one, which
shows the documents' text; their modules (``side_lists``, ``compare_panel`` and Textual's
tabs) are imported then too, so the first screen does not wait for them.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation
from sidelight.tui.colors import Palette
from sidelight.tui.labels import label_order, plain_name
from sidelight.tui.marks import targets_on
from sidelight.tui.widgets.mounting import mount_now

if TYPE_CHECKING:
    from textual.widgets import OptionList, SelectionList, TabbedContent, TabPane

    from sidelight.tui.widgets.compare_panel import ComparePanel
    from sidelight.tui.widgets.row_list import RowList
    from sidelight.tui.widgets.side_lists import AnnotationList, Legend

NOTES_TAB = "notes-tab"
LEGEND_TAB = "legend-tab"
COMPARE_TAB = "compare-tab"
# The order ``L`` cycles through.
TABS: tuple[str, ...] = (NOTES_TAB, LEGEND_TAB, COMPARE_TAB)
# What the Compare view says with a single document open.
ONE_DOCUMENT = "Open two or more documents to compare them."


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
        # after the first one, which shows the documents' text (``_fill``). The annotation
        # list and the Compare view are made on first use (``annotation_list``, ``compare``,
        # at the latest when the tabs are mounted): until then the panel keeps what they are
        # to show, and they are mounted as if they had shown it all along.
        self._filled = False
        self._tab = NOTES_TAB  # the tab to open on
        self._list: AnnotationList | None = None
        self._empty = ""  # what the list says when a filter leaves nothing ("": the default)
        self._compare: ComparePanel | None = None
        self._waiting: tuple[str, Palette] | None = None
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
        from textual.widgets import TabbedContent, TabPane

        # No initial tab: Textual's tabs would insist it exists while a reader closed as it
        # opens removes them (the first tab is active by default; another is set below).
        tabs = TabbedContent()
        tabs.compose_add_child(TabPane("Annotations", self.annotation_list, id=NOTES_TAB))
        # The comparison's widgets are built when first shown or filled (``_build``), the
        # legend when entities are known.
        legend = () if self._legend_list is None else (self._legend_list,)
        self._legend_pane = TabPane("Entities", *legend, id=LEGEND_TAB)
        tabs.compose_add_child(self._legend_pane)
        tabs.compose_add_child(TabPane("Compare", self.compare, id=COMPARE_TAB))
        await self.mount(tabs)  # the tabs' panes are in place on return
        if not self.is_attached:
            return  # the screen closed meanwhile
        self._filled = True
        if self._tab != NOTES_TAB:
            tabs.active = self._tab
        self._build(self._tab)
        if self.compare.has_comparison:
            self.compare.build()

    @property
    def filled(self) -> bool:
        """The tabs and lists are in place (from the frame after the first)."""
        return self._filled

    @property
    def tab(self) -> str:
        if not self._filled:
            return self._tab
        from textual.widgets import TabbedContent

        return self.query_one(TabbedContent).active or self._tab

    @tab.setter
    def tab(self, value: str) -> None:
        self._tab = value
        if not self._filled:
            return  # opened on it when filled
        self._build(value)
        from textual.widgets import TabbedContent

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
            from sidelight.tui.widgets.side_lists import Legend

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
        return self.annotation_list

    def focus_stops(self) -> list[OptionList | RowList]:
        """The lists tab reaches in the shown tab, top to bottom (none until filled)."""
        if not self._filled:
            return []
        if self.tab == COMPARE_TAB:
            return self.compare.lists
        return [self.active_list]

    @property
    def compare(self) -> ComparePanel:
        if self._compare is None:
            from sidelight.tui.widgets.compare_panel import ComparePanel

            self._compare = ComparePanel(id="compare-panel")
            if self._waiting is not None:
                self._compare.show_waiting(*self._waiting)
        return self._compare

    def show_waiting(self, message: str, palette: Palette) -> None:
        """What the Compare view says before a comparison exists (``ComparePanel.show_waiting``),
        kept until the view is first made."""
        if self._compare is None:
            self._waiting = (message, palette)
        else:
            self._compare.show_waiting(message, palette)

    @property
    def annotation_list(self) -> AnnotationList:
        if self._list is None:
            from sidelight.tui.widgets.side_lists import AnnotationList

            self._list = AnnotationList(id="annotation-list")
            if self._palette is not None:
                self._set_rows(self._list)
        return self._list

    def _set_rows(self, listing: AnnotationList) -> None:
        from sidelight.tui.widgets.side_lists import EntryRow

        palette = self._palette
        assert palette is not None
        keep = listing.highlighted
        listing.set_rows((EntryRow(e, palette) for e in self._entries), Text(
            self._empty or "No annotations yet:\nselect with v, then h or a.", "italic"))
        if self._entries:
            # Keep the reader's place in the list; start at the top so enter always acts.
            listing.highlighted = min(keep or 0, len(self._entries) - 1)

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
        self._entries = entries
        self._order = [entry_order(e, o) for e, o in zip(entries, orders, strict=True)]
        self._where = {(e.pane, e.annotation.id): k for e, k in zip(entries, self._order,
                                                                   strict=True)}
        self._palette = palette
        self._empty = empty or ""
        if self._list is not None:  # else the rows are made with the list
            self._set_rows(self._list)

    def change_entries(self, remove: Iterable[tuple[int, str]],
                       add: Iterable[tuple[Entry, int]]) -> None:
        """Take out the rows of these (pane, annotation id) and put in those entries (each
        with its ``entry_order`` tie-breaker): costs the rows changed, however long the
        list. The highlighted row stays on its entry."""
        entries, order, where = self._entries, self._order, self._where
        listing = self._list  # None: not made yet, and made from the entries when it is
        keep = listing.highlighted if listing is not None else None
        was_empty = not entries
        for pane_id in remove:
            key = where.pop(pane_id, None)
            if key is None:
                continue  # not listed (a filter hides it)
            i = bisect_left(order, key)
            del entries[i], order[i]
            if listing is not None:
                listing.remove_row(i)
            if keep is not None and i < keep:
                keep -= 1
        for entry, o in add:
            key = entry_order(entry, o)
            i = bisect_right(order, key)
            entries.insert(i, entry)
            order.insert(i, key)
            where[entry.pane, entry.annotation.id] = key
            if listing is not None:
                from sidelight.tui.widgets.side_lists import EntryRow

                listing.insert_row(i, EntryRow(entry, self._palette))
            if keep is not None and i <= keep:
                keep += 1
        if entries and listing is not None:
            listing.highlighted = 0 if was_empty or keep is None else min(keep,
                                                                          len(entries) - 1)

    def show_labels(self, counts: dict[str, int], hidden: set[str], palette: Palette) -> None:
        self._labels = label_order(counts)
        legend = self._legend()
        if legend is None:
            return
        keep = legend.highlighted
        from textual.widgets.selection_list import Selection

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
        if event.row_list is not self._list:
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
