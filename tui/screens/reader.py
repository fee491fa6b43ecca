"""The reader: documents side by side, the side panel, the search bar and the status line.

Every key action of the reader lives here, acting on the current pane (the one whose view
last had focus). Changes go through ``Session`` to the store at once; the screen then re-reads
the annotations of every open document, so what is drawn is always what is stored.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from annotations.documents import Document
from annotations.errors import SidelightError
from annotations.model import COLORS, DEFAULT_COLOR, Annotation, new_document_note, new_highlight
from annotations.model import quote_target as make_target
from tui.colors import Palette, palette_for
from tui.marks import EntityLike, find_all, ranges_on, step
from tui.safe_text import one_line
from tui.screens.export_dialog import ExportDialog
from tui.screens.note_editor import NoteEditor
from tui.session import Session
from tui.view import DocumentView
from tui.widgets.pane import Pane
from tui.widgets.side_panel import (
    LEGEND_TAB,
    NOTES_TAB,
    AnnotationList,
    Entry,
    SidePanel,
    entries_for,
)
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from annotations.store import AnnotationStore

T = TypeVar("T")

# Below this many columns per document the panes are stacked instead of side by side.
MIN_PANE_WIDTH = 40
# The side panel starts open only when the documents keep room enough beside it.
PANEL_WIDTH = 38
POLL_SECONDS = 1.0


def _b(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, id=f"sidelight.{action}")


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
        _b("L", "switch_panel", "Switch the panel: annotations / entity legend"),
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
        self.side.display = self.app.size.width >= 2 * MIN_PANE_WIDTH + PANEL_WIDTH
        self._arrange(self.app.size.width)
        self.reload_annotations()
        self.pane.view.focus()
        self._show_mode()
        self._show_position(self.pane)
        for failure in self.failures:
            self.app.notify(one_line(failure, 300), title="Not opened", severity="error",
                            timeout=12)
        empty = [p.document.name for p in self.panes if p.document.empty]
        if self.failures:
            self.say(self.failures[0], "error")
        elif empty:
            self.say(f"{one_line(', '.join(empty), 120)}: the document is empty")
        else:
            self.say("? help · v select · h highlight · a note · / search · q quit")
        self.recognise_entities()
        self.set_interval(POLL_SECONDS, self.poll_store, name="store-poll")

    def on_resize(self, event: events.Resize) -> None:
        self._arrange(event.size.width)

    def _arrange(self, width: int) -> None:
        side = PANEL_WIDTH if self.side.display else 0
        narrow = (width - side) // max(1, len(self.documents)) < MIN_PANE_WIDTH
        self.query_one("#panes").set_class(narrow and len(self.documents) > 1, "stacked")

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
        self.status.set_mode(mode, self.color)

    def _show_position(self, pane: Pane) -> None:
        doc = pane.document
        offset = pane.view.cursor
        line = doc.line_of(offset)
        col = offset - (doc.text.rfind("\n", 0, offset) + 1) + 1
        self.status.set_position(
            f"{pane.index + 1}/{len(self.documents)} {one_line(doc.name, 30)} {line}:{col}"
        )

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

    def on_document_view_selection_changed(self, event: DocumentView.SelectionChanged) -> None:
        self._show_mode()
        # Messages queue up behind keys: a selection already highlighted is old news.
        if event.selection and event.view.selection == event.selection:
            s, e = event.selection
            self.say(f"{e - s} characters selected: h highlight, a note, escape cancel")

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
        if event.worker.group != "entities":
            return
        if event.state == WorkerState.RUNNING:
            self.status.set_progress(f"entities: reading {len(self.documents)} documents…")
        elif event.state == WorkerState.SUCCESS:
            self.show_entities(event.worker.result or [])
        elif event.state == WorkerState.ERROR:
            self.status.set_progress("entities: unavailable")
            self.say(f"Entities could not be recognised: {event.worker.error}", "warning")

    def show_entities(self, entities: list[list[EntityLike]]) -> None:
        self.entities = entities
        counts: dict[str, int] = {}
        for pane, found in zip(self.panes, entities, strict=False):
            pane.show_entities(found, self.hidden_labels, self.palette)
            for ent in found:
                counts[ent.label] = counts.get(ent.label, 0) + 1
        self.side.show_labels(counts, self.hidden_labels, self.palette)
        total = sum(counts.values())
        self.status.set_progress(f"{total} entities")

    @on(SidePanel.LabelsChanged)
    def _labels_changed(self, event: SidePanel.LabelsChanged) -> None:
        if event.hidden == self.hidden_labels:
            return
        self.set_hidden_labels(event.hidden)

    def set_hidden_labels(self, hidden: set[str]) -> None:
        self.hidden_labels = set(hidden)
        for pane in self.panes:
            pane.show_entities(pane.entities, self.hidden_labels, self.palette)
        shown = "all labels shown" if not hidden else f"hidden: {', '.join(sorted(hidden))}"
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

    # --- panes and panel -----------------------------------------------------------------

    def _focus_stops(self) -> list[Widget]:
        stops: list[Widget] = [p.view for p in self.panes]
        if self.side.display:
            stops.append(self.side.active_list)
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
        side.display = not side.display
        if not side.display and self.focused is not None and side in self.focused.ancestors:
            self.pane.view.focus()
        self._arrange(self.size.width)
        self.say("Side panel shown (tab reaches it)" if side.display else "Side panel hidden")

    def action_switch_panel(self) -> None:
        side = self.side
        if not side.display:
            side.display = True
            self._arrange(self.size.width)
        side.tab = LEGEND_TAB if side.tab == NOTES_TAB else NOTES_TAB
        if side.tab == LEGEND_TAB and self.entities is None:
            self.say("Entity legend: entities are still being recognised")
        else:
            self.say("Side panel: entity legend (space toggles a label)"
                     if side.tab == LEGEND_TAB else "Side panel: annotations (enter jumps)")

    @on(SidePanel.Jump)
    def _jump(self, event: SidePanel.Jump) -> None:
        entry = event.entry
        pane = self.focus_pane(entry.pane)
        ann = entry.annotation
        if entry.start is not None:
            pane.view.move_cursor(entry.start, center=True)
            self.say(f"“{one_line(ann.target.exact, 60)}”" + (f": {one_line(ann.note, 80)}"
                                                              if ann.note else ""))
        elif ann.kind == "note":
            self.say(f"Document note: {one_line(ann.note, 120)}")
        else:
            quote = next((t.exact for t in ann.targets if t.exact), "")
            self.say(f"Orphan: “{one_line(quote, 80)}” is no longer in this document", "warning")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
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
            self.say(f"{ent.label}: {one_line(ent.text, 60)}")

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
        msg = (f"{ent.label} “{one_line(ent.text, 40)}”: mention {n} of {len(mentions)}"
               f" (pane {index + 1})")
        if wrapped:
            msg += ", wrapped"
        self.say(msg)

    def action_next_mention(self) -> None:
        self._mention_step(True)

    def action_previous_mention(self) -> None:
        self._mention_step(False)

    # --- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                self.say(f"Exported {len(self.all_annotations())} annotations to {path}")
            self.pane.view.focus()

        self.app.push_screen(ExportDialog(self.export_to), done)

    def export_to(self, path: Path) -> str | None:
        """Write the Markdown export to ``path``; None, or a one-line error."""
        from annotations.export_markdown import export_markdown

        try:
            text = export_markdown(self.documents, self.all_annotations())
            write_atomically(path, text)
        except SidelightError as err:
            return str(err)
        except OSError as err:
            return f"{path}: cannot be written ({err.strerror or err})"
        return None


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` in one step so that a failed write leaves the old file whole."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
