"""The reader: documents side by side, the side panel, the search bar and the status line.

Every key action of the reader lives here, acting on the current pane (the one whose view
last had focus). Changes go through ``Session`` to the store at once; the screen then re-reads
the annotations of every open document, so what is drawn is always what is stored.

With two or more documents the sources are compared in a thread once their entities are
known (``annotations.comparison``): gutter marks per sentence, jumps to counterparts,
differences and passages only one source tells, synced scrolling, the Compare panel. Link
notes tie a passage of one pane to one of another with a relation and a note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from annotations.documents import Document, is_current
from annotations.errors import SidelightError
from annotations.model import (
    COLORS,
    DEFAULT_COLOR,
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
)
from annotations.model import quote_target as make_target
from annotations.output_files import write_text
from tui.colors import COMPARE_GLYPHS, COMPARE_WORDS, Palette, palette_for
from tui.labels import label_order, plain_name, short_name
from tui.marks import EntityLike, annotation_at, find_all, ranges_on, step, step_index
from tui.safe_text import one_line
from tui.screens.export_dialog import ExportDialog
from tui.screens.link_dialog import LinkDialog
from tui.screens.note_editor import NoteEditor
from tui.session import Session
from tui.view import DocumentView
from tui.widgets.compare_panel import ONE_DOCUMENT, ComparePanel, describe_difference
from tui.widgets.pane import Pane
from tui.widgets.side_panel import (
    COMPARE_TAB,
    LEGEND_TAB,
    TABS,
    AnnotationList,
    Entry,
    SidePanel,
    entries_for,
)
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from annotations.comparison import Comparison, Difference, EntityRow
    from annotations.store import AnnotationStore

T = TypeVar("T")

# Below this many columns per document the panes are not all side by side: two per row
# (a 2x2 grid for four) when two still fit, else stacked one above the other.
MIN_PANE_WIDTH = 40
# The side panel starts open only when the documents keep room enough beside it.
PANEL_WIDTH = 38
PANEL_ROOM = 2 * MIN_PANE_WIDTH + PANEL_WIDTH
# The Compare view wants room for two versions side by side; it widens the panel when the
# documents keep MIN_PANE_WIDTH each.
WIDE_PANEL_WIDTH = 64
POLL_SECONDS = 1.0
# Synced scrolling waits for the keys to settle: a held key moves the other panes once.
SYNC_DELAY = 0.06


def _b(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, id=f"sidelight.{action}")


def pane_columns(room: int, n_docs: int) -> int:
    """How many of ``n_docs`` panes sit side by side in ``room`` columns: all of them, else
    two per row, else one (stacked)."""
    if n_docs <= 1 or room // n_docs >= MIN_PANE_WIDTH:
        return max(1, n_docs)
    return 2 if room // 2 >= MIN_PANE_WIDTH else 1


class SearchBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="sidelight.search_close"),
    ]

    def action_close(self) -> None:
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.close_search()


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        _b("tab", "next_pane", "Next pane"),
        _b("shift+tab", "previous_pane", "Previous pane"),
        # A priority binding runs as the key arrives, so the keys typed right after / land
        # in the search bar, not in the document (check_action lets / into text fields).
        Binding("slash", "search", "Search", id="sidelight.search", priority=True),
        _b("u", "undo", "Undo"),
        _b("ctrl+r", "redo", "Redo"),
        Binding("p,f2", "toggle_panel", "Panel", id="sidelight.toggle_panel"),
        _b("L", "switch_panel", "Switch the panel: annotations / entity legend / compare"),
        _b("C", "compare_panel", "Compare the sources (side panel)"),
        _b("S", "toggle_sync", "Synced scrolling: the other panes follow this one"),
        Binding("escape", "cancel_link", "Cancel the link being made", show=False,
                id="sidelight.cancel_link"),
        _b("x", "export", "Export", show=True),
    ]

    def __init__(
        self, documents: Sequence[Document], store: AnnotationStore, failures: Sequence[str] = ()
    ) -> None:
        super().__init__(id="reader")
        self.documents = list(documents)
        self.store = store
        self.session = Session(store)
        self.failures = list(failures)
        self.color = DEFAULT_COLOR
        self.palette: Palette = palette_for("#000000")
        self.hidden_labels: set[str] = set()
        self.entities: list[list[EntityLike]] | None = None
        self.query_text = ""
        self._current = 0
        self.comparison: Comparison | None = None
        self.compare_note = ONE_DOCUMENT if len(self.documents) < 2 else "Comparing the sources…"
        self.synced = False
        self._sync_timer: Timer | None = None
        self._diff_index: dict[int, int] = {}
        # (pane, start, end) of the first passage of a link being made.
        self.pending_link: tuple[int, int, int] | None = None
        self._announced_link: str | None = None
        self._width = 0
        # The panel was hidden by a narrowing terminal, not by the user: it comes back.
        self._panel_gave_way = False

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Horizontal(id="panes"):
                for i, doc in enumerate(self.documents):
                    yield Pane(doc, i)
            yield SidePanel(id="side-panel")
        yield SearchBar(id="search", placeholder="search (enter: next hit, escape: close)")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def panes(self) -> list[Pane]:
        return list(self.query(Pane))

    @property
    def pane(self) -> Pane:
        """The current pane: the one whose document view last had focus."""
        return self.panes[self._current]

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.palette = self._theme_palette()
        self.query_one(SearchBar).display = False
        self._width = self.app.size.width
        self.side.display = self._width >= PANEL_ROOM
        self._arrange(self._width)
        self.reload_annotations()
        self.pane.view.focus()
        self._show_mode()
        self._show_position(self.pane)
        for failure in self.failures:
            self.app.notify(one_line(failure, 300), title="Not opened", severity="error",
                            timeout=12)
        empty = [p.document.name for p in self.panes if p.document.empty]
        if self.failures:
            # Each failure has popped up above; the status line keeps the first in view.
            more = f" (and {len(self.failures) - 1} more)" if len(self.failures) > 1 else ""
            self.status.show_message(self.failures[0] + more, "error")
        elif empty:
            self.say(f"{one_line(', '.join(empty), 120)}: the document is empty")
        else:
            compare = " · C compare" if len(self.documents) > 1 else ""
            self.say(f"? help · v select · h highlight · a note · l link{compare} · / search "
                     "· q quit")
        self.side.compare.show_waiting(self.compare_note, self.palette)
        for pane in self.panes:
            self.watch(pane.view, "scroll_y", partial(self._scrolled, pane), init=False)
        self.recognise_entities()
        self._stale_warned: set[str] = set()
        self.set_interval(POLL_SECONDS, self.poll_store, name="store-poll")

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        before, self._width = self._width, width
        self._fit_panel(before, width)
        self._arrange(width)

    def _fit_panel(self, before: int, after: int) -> None:
        """As at start-up, the side panel gives way to the documents when the terminal
        narrows below PANEL_ROOM, and comes back when it widens again (unless p or L was
        pressed in between: then the user's choice stands)."""
        side = self.side
        if side.display and before >= PANEL_ROOM > after:
            self._hide_panel()
            self._panel_gave_way = True
            self.say("Side panel hidden to make room (p shows it)")
        elif self._panel_gave_way and not side.display and before < PANEL_ROOM <= after:
            side.display = True
            self._panel_gave_way = False
            self.say("Side panel shown again (p hides it)")

    def _hide_panel(self) -> None:
        side = self.side
        side.display = False
        if self.focused is not None and side in self.focused.ancestors:
            self.pane.view.focus()

    def _arrange(self, width: int) -> None:
        n = len(self.documents)
        # The Compare view widens the panel only if the documents keep their arrangement
        # and MIN_PANE_WIDTH each.
        columns = pane_columns(width - WIDE_PANEL_WIDTH, n)
        wide = (self.side.tab == COMPARE_TAB
                and columns == pane_columns(width - PANEL_WIDTH, n)
                and (width - WIDE_PANEL_WIDTH) // columns >= MIN_PANE_WIDTH)
        self.side.set_class(wide, "wide")
        side = (WIDE_PANEL_WIDTH if wide else PANEL_WIDTH) if self.side.display else 0
        columns = pane_columns(width - side, n)
        grid = 1 < columns < n
        panes = self.query_one("#panes")
        panes.set_class(columns == 1 and n > 1, "stacked")
        panes.set_class(grid, "grid")
        rows = -(-n // columns)
        for pane in self.panes:
            row, column = divmod(pane.index, columns)
            # Rules between the cells: right of the left column, under every row but the
            # last; an odd last pane spans both columns rather than leave a hole.
            pane.set_class(grid and column == 0 and pane.index < n - 1, "grid-left")
            pane.set_class(grid and row < rows - 1, "grid-top")
            pane.set_class(grid and pane.index == n - 1 and column == 0, "grid-span")

    # --- messages -----------------------------------------------------------------------

    def say(self, message: str, severity: str = "information") -> None:
        """A message in the status line; errors also pop up as a notification."""
        self.status.show_message(message, severity)
        if severity == "error":
            self.app.notify(one_line(message, 300), severity="error", timeout=8)

    def _store_call(self, fn: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a store operation; on failure say why and keep going."""
        try:
            return True, fn()
        except SidelightError as err:
            self.say(str(err), "error")
            return False, None

    def _show_mode(self) -> None:
        view = self.pane.view
        mode = "VISUAL" if view.visual else ("SELECTED" if view.selection else "NORMAL")
        if self.pending_link is not None:
            mode += " · LINK"
        if self.synced:
            mode += " · SYNC"
        self.status.set_mode(mode, self.color)

    def _show_position(self, pane: Pane) -> None:
        doc = pane.document
        offset = pane.view.cursor
        line = doc.line_of(offset)
        col = offset - (doc.text.rfind("\n", 0, offset) + 1) + 1
        where = f"{pane.index + 1}/{len(self.documents)}"
        self.status.set_position(f"{where} {one_line(doc.name, 30)} {line}:{col}",
                                 short=f"{where} {line}:{col}")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget: Widget | None = event.widget
        if isinstance(widget, DocumentView):
            pane = next((p for p in widget.ancestors if isinstance(p, Pane)), None)
            if pane is not None:
                self._current = pane.index
                self._show_position(pane)
                self._show_mode()
                self._mark_current(pane)

    def _mark_current(self, current: Pane) -> None:
        for pane in self.panes:
            pane.set_class(pane is current, "current")

    def on_document_view_cursor_moved(self, event: DocumentView.CursorMoved) -> None:
        pane = next((p for p in event.view.ancestors if isinstance(p, Pane)), None)
        if pane is not None and pane.index == self._current:
            self._show_position(pane)
            if pane.hits:
                pane.show_hits(pane.hits, current=event.offset)
            self._announce_link(pane)
            self._schedule_sync(pane)

    def on_document_view_selection_changed(self, event: DocumentView.SelectionChanged) -> None:
        self._show_mode()
        # Messages queue up behind keys: a selection already highlighted is old news.
        if event.selection and event.view.selection == event.selection:
            s, e = event.selection
            if self.pending_link is not None:
                self.say(f"{e - s} characters selected: l links them to the first passage, "
                         "escape cancels")
            else:
                self.say(f"{e - s} characters selected: h highlight, a note, l link, "
                         "escape cancel")

    # --- the store ----------------------------------------------------------------------

    def reload_annotations(self) -> None:
        """Re-read and re-anchor the annotations of every document, and redraw them."""
        from annotations.library import open_annotations

        for pane in self.panes:
            doc = pane.document
            ok, anns = self._store_call(lambda doc=doc: open_annotations(self.store, doc))
            if ok and anns is not None:
                pane.show_annotations(anns, self.palette)
        self._refresh_entries()

    def _refresh_entries(self) -> None:
        panes = self.panes
        entries = entries_for([p.document for p in panes], [p.annotations for p in panes])
        self.side.show_entries(entries, self.palette)

    def poll_store(self) -> None:
        """Pick up changes made by another process (the CLI, a second reader)."""
        self._warn_changed_files()
        try:
            if not self.store.changed():
                return
            self.store.reload()
        except SidelightError as err:
            self.say(str(err), "error")
            return
        before = {a.id: a.modified for p in self.panes for a in p.annotations}
        self.reload_annotations()
        after = {a.id: a.modified for p in self.panes for a in p.annotations}
        if before != after:
            self.say("Annotations changed by another program; the panes show them now")

    def _warn_changed_files(self) -> None:
        """Say once per document that its file changed on disk since it was opened: the pane
        keeps showing (and anchoring to) the text as opened until sidelight is started again."""
        for doc in self.documents:
            if doc.path not in self._stale_warned and not is_current(doc):
                self._stale_warned.add(doc.path)
                self.app.notify(
                    one_line(f"{doc.name} changed on disk. This pane shows it as opened; "
                             "start sidelight again to read the new text (annotations follow).",
                             300),
                    severity="warning", timeout=10,
                )

    def all_annotations(self) -> list[Annotation]:
        seen: dict[str, Annotation] = {}
        for pane in self.panes:
            for ann in pane.annotations:
                seen.setdefault(ann.id, ann)
        return list(seen.values())

    # --- entities -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def recognise_entities(self) -> list[list[EntityLike]]:
        from annotations.entities import recognize_many

        return list(recognize_many([d.text for d in self.documents]))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "compare":
            self._compare_state(event)
            return
        if event.worker.group != "entities":
            return
        if event.state == WorkerState.RUNNING:
            self.status.set_progress(f"entities: reading {len(self.documents)} documents…")
        elif event.state == WorkerState.SUCCESS:
            self.show_entities(event.worker.result or [])
            self._start_comparison(self.entities)
        elif event.state == WorkerState.ERROR:
            self.status.set_progress("entities: unavailable")
            self.say(f"Entities could not be recognised: {event.worker.error}", "warning")
            # The sentences can still be compared, without entities to help.
            self._start_comparison([[] for _ in self.documents])

    def show_entities(self, entities: list[list[EntityLike]]) -> None:
        self.entities = entities
        counts: dict[str, int] = {}
        for pane, found in zip(self.panes, entities, strict=False):
            pane.show_entities(found, self.hidden_labels, self.palette)
            for ent in found:
                counts[ent.label] = counts.get(ent.label, 0) + 1
        self.side.show_labels(counts, self.hidden_labels, self.palette)
        total = sum(counts.values())
        self.status.set_progress(f"{total} entit{'ies' if total != 1 else 'y'}")

    @on(SidePanel.LabelsChanged)
    def _labels_changed(self, event: SidePanel.LabelsChanged) -> None:
        if event.hidden == self.hidden_labels:
            return
        self.set_hidden_labels(event.hidden)

    def set_hidden_labels(self, hidden: set[str]) -> None:
        self.hidden_labels = set(hidden)
        for pane in self.panes:
            pane.show_entities(pane.entities, self.hidden_labels, self.palette)
        shown = ("all labels shown" if not hidden
                 else f"hidden: {', '.join(plain_name(h) for h in label_order(hidden))}")
        self.say(f"Entities: {shown}")

    def toggle_label(self, label: str) -> None:
        """Show or hide one entity label (from the command palette)."""
        self.set_hidden_labels(self.hidden_labels ^ {label})
        counts: dict[str, int] = {}
        for pane in self.panes:
            for ent in pane.entities:
                counts[ent.label] = counts.get(ent.label, 0) + 1
        self.side.show_labels(counts, self.hidden_labels, self.palette)

    # --- theme ---------------------------------------------------------------------------

    def _theme_palette(self) -> Palette:
        app = self.app
        return palette_for(app.theme_variables.get("background", ""), app.current_theme.dark)

    def apply_theme(self) -> None:
        """Recolour every layer for the current theme's background."""
        if not self.is_mounted:
            return  # on_mount takes the palette of whatever theme is current by then
        self.palette = self._theme_palette()
        for pane in self.panes:
            pane.show_annotations(pane.annotations, self.palette)
            pane.show_entities(pane.entities, self.hidden_labels, self.palette)
        self._refresh_entries()
        if self.entities is not None:
            self.show_entities(self.entities)
        if self.comparison is not None:
            self.show_comparison(self.comparison)
        else:
            self.side.compare.show_waiting(self.compare_note, self.palette)

    # --- panes and panel -----------------------------------------------------------------

    def _focus_stops(self) -> list[Widget]:
        stops: list[Widget] = [p.view for p in self.panes]
        if self.side.display:
            stops.extend(self.side.focus_stops())
        return stops

    def _cycle_focus(self, delta: int) -> None:
        stops = self._focus_stops()
        focused = self.focused
        i = stops.index(focused) if focused in stops else self._current
        stops[(i + delta) % len(stops)].focus()

    def action_next_pane(self) -> None:
        self._cycle_focus(1)

    def action_previous_pane(self) -> None:
        self._cycle_focus(-1)

    def focus_pane(self, index: int) -> Pane:
        pane = self.panes[index]
        self._current = index
        pane.view.focus()
        return pane

    def action_toggle_panel(self) -> None:
        side = self.side
        self._panel_gave_way = False
        if side.display:
            self._hide_panel()
        else:
            side.display = True
        self._arrange(self.size.width)
        self.say("Side panel shown (tab reaches it)" if side.display else "Side panel hidden")

    def action_switch_panel(self) -> None:
        side = self.side
        if not side.display:
            side.display = True
        self.show_tab(TABS[(TABS.index(side.tab) + 1) % len(TABS)])

    def show_tab(self, tab: str) -> None:
        side = self.side
        side.display = True
        self._panel_gave_way = False
        if side.tab != tab and self.focused is not None and side in self.focused.ancestors:
            self.pane.view.focus()  # the list that had focus is about to be hidden
        side.tab = tab
        self._arrange(self.size.width)
        if tab == LEGEND_TAB and self.entities is None:
            self.say("Entity legend: entities are still being recognised")
        elif tab == LEGEND_TAB:
            self.say("Side panel: entity legend (space toggles a label)")
        elif tab == COMPARE_TAB:
            self.say("Side panel: compare (tab reaches the lists; enter jumps)"
                     if self.comparison is not None else self.compare_note)
        else:
            self.say("Side panel: annotations (enter jumps)")

    def action_compare_panel(self) -> None:
        self.show_tab(COMPARE_TAB)
        if self.comparison is not None:
            self.side.compare.lists[0].focus()
            self.say("Compare: enter walks the mentions of an entity; tab reaches the "
                     "differences; escape goes back to the document")

    def action_focus_document(self) -> None:
        self.pane.view.focus()

    @on(SidePanel.Jump)
    def _jump(self, event: SidePanel.Jump) -> None:
        entry = event.entry
        ann = entry.annotation
        if entry.start is not None:
            pane = self.focus_pane(entry.pane)
            pane.view.move_cursor(entry.start, center=True)
            self.say(f"“{one_line(ann.target.exact, 60)}”" + (f": {one_line(ann.note, 80)}"
                                                              if ann.note else ""))
            return
        # Nothing in the text to go to: the list keeps focus, so d and a act on this entry.
        self._current = entry.pane
        self._mark_current(self.panes[entry.pane])
        if ann.kind == "note":
            self.say(f"Document note: {one_line(ann.note, 120)} · a edits, d deletes")
        else:
            quote = next((t.exact for t in ann.targets if t.exact), "")
            self.say(f"Orphan: “{one_line(quote, 80)}” is no longer in this document · "
                     "a edits its note, d deletes it", "warning")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_link":
            return self.pending_link is not None
        return not (action == "search" and isinstance(self.focused, Input))

    # --- search --------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.value = self.query_text
        # Focus now, not on the next idle: keys typed right after / must reach the bar.
        self.set_focus(bar)
        self.status.set_mode("SEARCH", self.color)

    def close_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = False
        self.set_focus(self.pane.view)
        self._show_mode()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close_search()
        self.search(event.value)

    def search(self, query: str) -> None:
        self.query_text = query
        total = 0
        for pane in self.panes:
            pane.show_hits(find_all(pane.document.text, query))
            total += len(pane.hits)
        if not query:
            self.say("Search cleared")
            return
        if not self.pane.hits:
            where = f"; {total} in other panes (tab to go there)" if total else ""
            self.say(f"Not found in this pane: {one_line(query, 60)}{where}", "warning")
            return
        self._search_step(forward=True, count=True)

    def _search_step(self, forward: bool, count: bool = False) -> None:
        pane = self.pane
        if not self.query_text:
            self.say("No search yet: press / and type a phrase")
            return
        if not pane.hits:
            self.say(f"No hits for “{one_line(self.query_text, 60)}” in this pane", "warning")
            return
        starts = [s for s, _ in pane.hits]
        found = step(starts, pane.view.cursor, forward)
        assert found is not None
        offset, wrapped = found
        pane.view.move_cursor(offset, center=True)
        pane.show_hits(pane.hits, current=offset)
        n = starts.index(offset) + 1
        msg = f"“{one_line(self.query_text, 60)}”: hit {n} of {len(starts)}"
        if wrapped:
            msg += " (search wrapped " + ("to the top)" if forward else "to the bottom)")
        self.say(msg)

    def action_search_next(self) -> None:
        self._search_step(forward=True)

    def action_search_previous(self) -> None:
        self._search_step(forward=False)

    # --- making annotations ----------------------------------------------------------------

    def _selection(self) -> tuple[Pane, int, int] | None:
        pane = self.pane
        sel = pane.view.selection
        if not sel or sel[0] >= sel[1]:
            return None
        return pane, sel[0], sel[1]

    def action_set_color(self, name: str) -> None:
        if name not in COLORS:
            return
        self.color = name
        self._show_mode()
        self.say(f"New highlights will be {name}")

    def action_highlight(self) -> None:
        found = self._selection()
        if found is None:
            self.say("Nothing selected: press v, move the cursor to extend, then h")
            return
        pane, start, end = found
        doc = pane.document
        ann = new_highlight(
            make_target(doc.path, doc.fingerprint, doc.text, start, end), color=self.color
        )
        ok, _ = self._store_call(lambda: self.session.add(ann, "highlight"))
        if ok:
            pane.view.cancel_visual()
            self.reload_annotations()
            self._show_mode()
            self.say(f"Highlighted “{one_line(ann.target.exact, 60)}” in {self.color} (u undoes)")

    def _open_editor(self, title: str, text: str, save: Callable[[str], str | None]) -> None:
        self.app.push_screen(NoteEditor(title, text, save))

    def action_annotate(self) -> None:
        found = self._selection()
        if found is not None:
            pane, start, end = found
            doc = pane.document
            target = make_target(doc.path, doc.fingerprint, doc.text, start, end)
            color = self.color

            def save_new(text: str) -> str | None:
                if not text.strip():
                    return "the note is empty; type it, or press escape to leave"
                ann = new_highlight(target, color=color, note=text)
                try:
                    self.session.add(ann, "note")
                except SidelightError as err:
                    return str(err)
                pane.view.cancel_visual()
                self.reload_annotations()
                self._show_mode()
                self.say(f"Note added on “{one_line(target.exact, 60)}”")
                return None

            self._open_editor(f"Note on “{one_line(target.exact, 80)}”", "", save_new)
            return
        ann = self.pane.annotation_under_cursor()
        if ann is None:
            self.say("Select text first (v and a motion), or put the cursor on a highlight")
            return
        self.edit_note(ann)

    def edit_note(self, ann: Annotation) -> None:
        if ann.kind == "link":
            self.edit_link(ann)
            return

        def save_edit(text: str) -> str | None:
            current = self.store.get(ann.id) or ann
            try:
                self.session.replace(current, current.edited(note=text), "note")
            except SidelightError as err:
                return str(err)
            self.reload_annotations()
            self.say("Note saved")
            return None

        quote = next((t.exact for t in ann.targets if t.exact), "")
        title = f"Note on “{one_line(quote, 80)}”" if quote else "Note on the document"
        self._open_editor(title, ann.note, save_edit)

    def action_document_note(self) -> None:
        doc = self.pane.document

        def save_doc_note(text: str) -> str | None:
            if not text.strip():
                return "the note is empty; type it, or press escape to leave"
            try:
                self.session.add(new_document_note(doc.path, doc.fingerprint, text), "note")
            except SidelightError as err:
                return str(err)
            self.reload_annotations()
            self.say(f"Note added to {one_line(doc.name, 60)}")
            return None

        self._open_editor(f"Note on the document {one_line(doc.title, 80)}", "", save_doc_note)

    def _under_cursor(self) -> Annotation | None:
        ann = self.pane.annotation_under_cursor()
        if ann is None:
            self.say("No annotation under the cursor ([ and ] move between annotations)")
        return ann

    def action_cycle_color(self) -> None:
        ann = self._under_cursor()
        if ann is None:
            return
        color = COLORS[(COLORS.index(ann.color) + 1) % len(COLORS)] if ann.color in COLORS \
            else DEFAULT_COLOR
        ok, _ = self._store_call(lambda: self.session.replace(ann, ann.edited(color=color),
                                                              "colour"))
        if ok:
            self.reload_annotations()
            self.say(f"Colour: {color}")

    def action_delete(self) -> None:
        ann = self._under_cursor()
        if ann is not None:
            self.delete(ann)

    def delete(self, ann: Annotation) -> None:
        ok, _ = self._store_call(lambda: self.session.delete(ann))
        if ok:
            self.reload_annotations()
            quote = next((t.exact for t in ann.targets if t.exact), "")
            self.say(f"Deleted “{one_line(quote, 60)}” (u undoes)")

    def action_delete_listed(self) -> None:
        entry = self._listed()
        if entry is not None:
            self.delete(entry.annotation)

    def action_edit_listed(self) -> None:
        entry = self._listed()
        if entry is not None:
            self.edit_note(entry.annotation)

    def _listed(self) -> Entry | None:
        option_list = self.query_one(AnnotationList)
        index = option_list.highlighted
        entries = self.side.entries
        if index is None or not 0 <= index < len(entries):
            self.say("No annotation chosen in the list")
            return None
        return entries[index]

    def action_undo(self) -> None:
        ok, change = self._store_call(self.session.undo)
        if ok:
            if change is None:
                self.say("Nothing to undo")
                return
            self.reload_annotations()
            self.say(f"Undone: {change.label} (ctrl+r redoes)")

    def action_redo(self) -> None:
        ok, change = self._store_call(self.session.redo)
        if ok:
            if change is None:
                self.say("Nothing to redo")
                return
            self.reload_annotations()
            self.say(f"Redone: {change.label}")

    # --- moving between marks ----------------------------------------------------------------

    def _go(self, starts: list[int], forward: bool, what: str) -> int | None:
        pane = self.pane
        found = step(sorted(set(starts)), pane.view.cursor, forward)
        if found is None:
            self.say(f"No {what} in this document")
            return None
        offset, wrapped = found
        pane.view.move_cursor(offset, center=True)
        if wrapped:
            self.say(f"Wrapped to the {'first' if forward else 'last'} {what}")
        return offset

    def action_next_annotation(self) -> None:
        self._annotation_step(True)

    def action_previous_annotation(self) -> None:
        self._annotation_step(False)

    def _annotation_step(self, forward: bool) -> None:
        pane = self.pane
        ranges = ranges_on(pane.annotations, pane.document)
        offset = self._go([s for s, _, _ in ranges], forward, "annotation")
        if offset is None:
            return
        ann = pane.annotation_under_cursor()
        if ann is not None and ann.note:
            self.say(f"Note: {one_line(ann.note, 120)}")

    def _visible_entities(self, pane: Pane) -> list[EntityLike]:
        return [e for e in pane.entities if e.label not in self.hidden_labels]

    def _entity_step(self, forward: bool) -> None:
        if self.entities is None:
            self.say("Entities are still being recognised; try again in a moment")
            return
        pane = self.pane
        if self._go([e.start for e in self._visible_entities(pane)], forward, "entity") is None:
            return
        ent = pane.entity_under_cursor()
        if ent is not None:
            self.say(f"{short_name(ent.label)}: {one_line(ent.text, 60)}")

    def action_next_entity(self) -> None:
        self._entity_step(True)

    def action_previous_entity(self) -> None:
        self._entity_step(False)

    def _mention_step(self, forward: bool) -> None:
        if self.entities is None:
            self.say("Entities are still being recognised; try again in a moment")
            return
        pane = self.pane
        ent = pane.entity_under_cursor()
        if ent is None:
            self.say("No entity under the cursor ( ) and ( move between entities)")
            return
        mentions = sorted(
            (p.index, e.start)
            for p in self.panes
            for e in p.entities
            if e.key == ent.key
        )
        here = (pane.index, pane.view.cursor)
        if forward:
            later = [m for m in mentions if m > here]
            target, wrapped = (later[0], False) if later else (mentions[0], True)
        else:
            # The mention under the cursor starts at or before the cursor: skip it.
            earlier = [m for m in mentions if m < (pane.index, ent.start)]
            target, wrapped = (earlier[-1], False) if earlier else (mentions[-1], True)
        index, offset = target
        dest = self.focus_pane(index) if index != pane.index else pane
        dest.view.move_cursor(offset, center=True)
        n = mentions.index(target) + 1
        msg = (f"{short_name(ent.label)} “{one_line(ent.text, 40)}”: mention {n} of {len(mentions)}"
               f" (pane {index + 1})")
        if wrapped:
            msg += ", wrapped"
        self.say(msg)

    def action_next_mention(self) -> None:
        self._mention_step(True)

    def action_previous_mention(self) -> None:
        self._mention_step(False)

    # --- comparing the sources -------------------------------------------------------------

    def _start_comparison(self, entities: Sequence[Sequence[EntityLike]] | None) -> None:
        if len(self.documents) < 2:
            return
        self.status.set_progress(self._progress("comparing the sources…"))
        self.compare_sources(list(entities) if entities is not None else None)

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare_sources(self, entities: list[Sequence[EntityLike]] | None) -> Comparison:
        from annotations.comparison import compare_documents

        return compare_documents(self.documents, entities)

    def _progress(self, what: str) -> str:
        if self.entities is None:
            return what
        total = sum(len(found) for found in self.entities)
        return f"{total} entit{'ies' if total != 1 else 'y'} · {what}"

    def _compare_state(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.show_comparison(event.worker.result)
            n = len(self.comparison.differences) if self.comparison else 0
            self.status.set_progress(self._progress(f"{n} difference{'s' if n != 1 else ''}"))
        elif event.state == WorkerState.ERROR:
            self.compare_note = f"The sources could not be compared: {event.worker.error}"
            self.side.compare.show_waiting(self.compare_note, self.palette)
            self.status.set_progress(self._progress("comparison unavailable"))
            self.say(self.compare_note, "warning")

    def show_comparison(self, comparison: Comparison) -> None:
        """Gutter marks in every pane and the Compare panel, for this comparison."""
        self.comparison = comparison
        for pane in self.panes:
            pane.show_compare_marks(comparison.marks(pane.index), self.palette)
        self.side.compare.show(comparison, self.palette)

    def _compared(self) -> Comparison | None:
        """The comparison, or None after saying why there is none yet."""
        if self.comparison is None:
            self.say(self.compare_note, "warning" if len(self.documents) < 2 else "information")
        return self.comparison

    def _tint(self, spans: dict[int, tuple[int, int]]) -> None:
        """Tint one passage per pane (the sentence compared and its counterparts)."""
        for pane in self.panes:
            span = spans.get(pane.index)
            pane.show_compare_tint([span] if span else [], self.palette)

    def _show_in(self, index: int, offset: int, *, center: bool = True) -> None:
        """Put another pane's cursor on ``offset``; a pane in the middle of a keyboard
        selection only scrolls there, so its selection is kept."""
        view = self.panes[index].view
        if view.visual:
            view.scroll_to_offset(offset, center=center)
        else:
            view.move_cursor(offset, center=center)

    def action_counterpart(self) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        sentence = c.sentence_at(pane.index, pane.view.cursor)
        if sentence is None:
            self.say("This document has no sentences to compare")
            return
        spans = {pane.index: (sentence.start, sentence.end)}
        told: list[str] = []
        for cp in sentence.counterparts:
            spans[cp.doc] = (cp.start, cp.end)
            self._show_in(cp.doc, cp.start)
            told.append(f"{COMPARE_GLYPHS[cp.kind]} pane {cp.doc + 1} ({cp.kind})")
        self._tint(spans)
        if not told:
            self.say(f"{COMPARE_GLYPHS['unique']} Only this source tells this sentence")
            return
        missing = [str(p.index + 1) for p in self.panes
                   if p.index != pane.index and p.index not in spans]
        msg = "Counterpart: " + ", ".join(told)
        if missing:
            msg += f"; not told in pane {', '.join(missing)}"
        differs = [d for d in c.differences_in(pane.index)
                   if d.a.start <= sentence.start < d.a.end or sentence.start <= d.a.start
                   < sentence.end]
        if differs:
            msg += f" · {describe_difference(differs[0])}"
        self.say(msg)

    # Synced scrolling: the current pane leads; the others follow its sentence.

    def action_toggle_sync(self) -> None:
        if self._compared() is None:
            return
        self.synced = not self.synced
        self._show_mode()
        if self.synced:
            self.say("Synced scrolling on: the other panes follow this one (S turns it off)")
            self._sync_now()
        else:
            self._tint({})
            self.say("Synced scrolling off")

    def _scrolled(self, pane: Pane) -> None:
        if pane.index == self._current and self.focused is pane.view:
            self._schedule_sync(pane)

    def _schedule_sync(self, pane: Pane) -> None:
        if not self.synced or self.comparison is None or pane.index != self._current:
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_timer = self.set_timer(SYNC_DELAY, self._sync_now, name="sync-scroll")

    def _sync_now(self) -> None:
        """Scroll the other panes so that the counterpart of what the current pane shows
        stands on the same screen row. Only the current pane's moves lead, so the panes
        moved here cannot move it back."""
        c = self.comparison
        if not self.synced or c is None:
            return
        pane = self.pane
        view = pane.view
        first, last = view.visible_range()
        offset = view.cursor if first <= view.cursor <= last else first
        # The row the others line up with: where the sentence at the offset starts (its
        # counterparts start there too), or the offset itself between sentences.
        anchor = offset
        spans: dict[int, tuple[int, int]] = {}
        sentence = c.sentence_at(pane.index, offset)
        if sentence is not None and sentence.start <= offset < sentence.end:
            anchor = sentence.start
            spans[pane.index] = (sentence.start, sentence.end)
            spans.update({cp.doc: (cp.start, cp.end) for cp in sentence.counterparts})
        row = view.wrap_index.row_of_offset(anchor) - round(view.scroll_y)
        for index, target in c.follow(pane.index, offset).items():
            other = self.panes[index].view
            self._show_in(index, target, center=False)
            top = other.wrap_index.row_of_offset(target) - row
            other.scroll_y = max(0, min(top, round(other.max_scroll_y)))
        self._tint(spans)

    # Differences and passages only one source tells.

    def _difference_step(self, forward: bool) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        diffs = c.differences_in(pane.index)
        if not diffs:
            self.say("No differences between this source and the others")
            return
        found = step_index([d.a.start for d in diffs], pane.view.cursor, forward,
                           self._diff_index.get(pane.index))
        assert found is not None
        index, wrapped = found
        self.show_difference(diffs[index], f"Difference {index + 1} of {len(diffs)}", wrapped,
                             forward)

    def show_difference(self, d: Difference, what: str, wrapped: bool = False,
                        forward: bool = True) -> None:
        """Both sides of a difference: the cursor on side a (in the current pane), the other
        pane on side b, both tinted."""
        a_pane = self.panes[d.a.doc]
        diffs = self.comparison.differences_in(d.a.doc) if self.comparison else []
        self._diff_index[d.a.doc] = next(
            (i for i, x in enumerate(diffs) if (x.a.start, x.b.doc, x.b.start)
             == (d.a.start, d.b.doc, d.b.start)), 0)
        a_pane.view.move_cursor(d.a.start, center=True)
        self._show_in(d.b.doc, d.b.start)
        self._tint({d.a.doc: (d.a.start, d.a.end), d.b.doc: (d.b.start, d.b.end)})
        msg = f"{what} (with pane {d.b.doc + 1}): {describe_difference(d)}"
        if wrapped:
            msg += " · wrapped to the " + ("first" if forward else "last")
        self.say(msg)

    def action_next_difference(self) -> None:
        self._difference_step(True)

    def action_previous_difference(self) -> None:
        self._difference_step(False)

    def action_next_unique(self) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        runs = c.unique(pane.index)
        if not runs:
            self.say("Every sentence of this source is told by another one too")
            return
        found = step([r.start for r in runs], pane.view.cursor, True)
        assert found is not None
        offset, wrapped = found
        index = [r.start for r in runs].index(offset)
        run = runs[index]
        pane.view.move_cursor(run.start, center=True)
        self._tint({pane.index: (run.start, run.end)})
        msg = (f"{COMPARE_GLYPHS['unique']} {COMPARE_WORDS['unique'].capitalize()} "
               f"({index + 1} of {len(runs)}): “{one_line(run.text, 80)}”")
        if wrapped:
            msg += " · wrapped to the first"
        self.say(msg)

    @on(ComparePanel.EntityChosen)
    def _entity_chosen(self, event: ComparePanel.EntityChosen) -> None:
        self.walk_mentions(event.row)

    def walk_mentions(self, row: EntityRow) -> None:
        """The next mention of ``row`` after the cursor of the current pane, across panes in
        order; the list keeps focus so that enter walks on."""
        mentions = sorted((doc, s, e) for doc, spans in enumerate(row.mentions)
                          for s, e in spans)
        if not mentions:
            self.say(f"{one_line(row.name, 40)} is not mentioned in the open documents")
            return
        here = (self._current, self.pane.view.cursor)
        later = [m for m in mentions if (m[0], m[1]) > here]
        (doc, start, end), wrapped = (later[0], False) if later else (mentions[0], True)
        pane = self.panes[doc]
        self._current = doc
        self._mark_current(pane)
        self._show_in(doc, start)
        self._show_position(pane)
        self._tint({doc: (start, end)})
        n = mentions.index((doc, start, end)) + 1
        counts = ", ".join(str(c) for c in row.counts)
        msg = (f"“{one_line(row.name, 40)}” ({short_name(row.label)}): "
               f"mention {n} of {len(mentions)}, pane {doc + 1}")
        if wrapped and n == 1 and len(mentions) > 1:
            msg += " (wrapped)"
        self.say(f"{msg} · enter: next, escape: back · per pane: {counts}")

    @on(ComparePanel.DifferenceChosen)
    def _difference_chosen(self, event: ComparePanel.DifferenceChosen) -> None:
        d = event.difference
        self.focus_pane(d.a.doc)
        n = self.side.compare.differences.index(d) + 1
        self.show_difference(d, f"Difference {n} of {len(self.side.compare.differences)}")

    # --- link notes ----------------------------------------------------------------------

    def action_link(self) -> None:
        found = self._selection()
        pending = self.pending_link
        if pending is None:
            if found is None:
                self.say("Select a passage first (v and a motion, or drag), then l to link it "
                         "to a passage in another pane")
                return
            pane, start, end = found
            self.pending_link = (pane.index, start, end)
            pane.view.cancel_visual()
            pane.show_pending_link((start, end))
            self._show_mode()
            quote = one_line(pane.document.text[start:end], 50)
            self.say(f"Link from “{quote}”: select the other passage (tab to another pane) "
                     "and press l · escape cancels")
            return
        if found is None:
            self.say("Select the other passage (v and a motion), then press l again · escape "
                     "cancels the link")
            return
        pane, start, end = found
        first_pane, first_start, first_end = pending
        if (first_pane, first_start, first_end) == (pane.index, start, end):
            self.say("That is the passage the link starts from: select another one")
            return
        a_doc = self.panes[first_pane].document
        b_doc = pane.document
        targets = (
            make_target(a_doc.path, a_doc.fingerprint, a_doc.text, first_start, first_end),
            make_target(b_doc.path, b_doc.fingerprint, b_doc.text, start, end),
        )

        def save(relation: str, note: str) -> str | None:
            try:
                ann = new_link(targets, relation, note)
                self.session.add(ann, "link")
            except (SidelightError, ValueError) as err:
                return str(err)
            self._end_link()
            pane.view.cancel_visual()
            self.reload_annotations()
            self._show_mode()
            self.say(f"Linked “{one_line(targets[0].exact, 40)}” ↔ "
                     f"“{one_line(targets[1].exact, 40)}” ({one_line(ann.relation, 30)}) "
                     "· u undoes")
            return None

        def closed(saved: bool | None) -> None:
            if not saved:
                self.action_cancel_link()

        title = (f"Link “{one_line(targets[0].exact, 60)}” (pane {first_pane + 1}) ↔ "
                 f"“{one_line(targets[1].exact, 60)}” (pane {pane.index + 1})")
        self.app.push_screen(LinkDialog(title, save), closed)

    def _end_link(self) -> None:
        if self.pending_link is not None:
            self.panes[self.pending_link[0]].show_pending_link(None)
        self.pending_link = None
        self._show_mode()

    def action_cancel_link(self) -> None:
        if self.pending_link is None:
            return
        self._end_link()
        self.say("Link cancelled")

    def edit_link(self, ann: Annotation) -> None:
        def save(relation: str, note: str) -> str | None:
            current = self.store.get(ann.id) or ann
            try:
                self.session.replace(current, current.edited(relation=relation, note=note),
                                     "link")
            except SidelightError as err:
                return str(err)
            self.reload_annotations()
            self.say(f"Link saved ({one_line(relation, 30)})")
            return None

        quotes = [f"“{one_line(t.exact, 50)}”" for t in ann.targets]
        self.app.push_screen(LinkDialog("Link " + " ↔ ".join(quotes), save,
                                        relation=ann.relation, note=ann.note))

    def _announce_link(self, pane: Pane) -> None:
        """Say what a link note under the cursor ties this passage to, once per link."""
        ann = annotation_at([a for a in pane.annotations if a.kind == "link"], pane.document,
                            pane.view.cursor)
        if ann is None or ann.id == self._announced_link:
            self._announced_link = ann.id if ann else None
            return
        self._announced_link = ann.id
        others = [f"“{one_line(t.exact, 40)}”" for t in ann.targets
                  if t.source != pane.document.path]
        msg = f"↔ {one_line(ann.relation, 30) or 'link'} {', '.join(others)}"
        if ann.note:
            msg += f": {one_line(ann.note, 80)}"
        self.say(msg + " · a edits, d deletes")

    # --- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                n = len(self.all_annotations())
                self.say(f"Exported {n} annotation{'s' if n != 1 else ''} to {path}")
            self.pane.view.focus()

        self.app.push_screen(ExportDialog(self.export_to), done)

    def export_to(self, path: Path) -> str | None:
        """Write the Markdown export to ``path``; None, or a one-line error."""
        from annotations.export_markdown import export_markdown

        try:
            text = export_markdown(self.documents, self.all_annotations())
            # The dialog has asked before replacing an existing file.
            write_text(path, text, replace=True)
        except SidelightError as err:
            return str(err)
        return None


