"""The reader: documents side by side, the side panel, the search bar and the status line.

This screen holds the layout, the focus and the status line; each feature of the reader
(search, annotating, moving between marks, comparing, links, export, the store) is a module
of ``tui.reading`` mixed in here, and acts on the current pane (the one whose view last had
focus). Changes go through ``Session`` to the store at once; the screen then re-reads the
annotations of every open document, so what is drawn is always what is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input

from sidelight.annotations.documents import STDIN, Document
from sidelight.annotations.filtering import AnnotationFilter
from sidelight.annotations.model import DEFAULT_COLOR
from sidelight.tui.colors import Palette, palette_for
from sidelight.tui.marks import EntityLike
from sidelight.tui.reading.annotating import Annotating
from sidelight.tui.reading.comparing import Comparing
from sidelight.tui.reading.conflicts import Conflicts
from sidelight.tui.reading.documents import Documents
from sidelight.tui.reading.entities import Entities
from sidelight.tui.reading.exporting import Exporting
from sidelight.tui.reading.focus import Focus
from sidelight.tui.reading.linking import Linking
from sidelight.tui.reading.messages import Messages
from sidelight.tui.reading.moving import Moving
from sidelight.tui.reading.panel import PanelTabs
from sidelight.tui.reading.search import SearchBar, Searching
from sidelight.tui.reading.selecting import Selecting
from sidelight.tui.reading.stepping import Stepping
from sidelight.tui.reading.store import StoreFeature
from sidelight.tui.reading.syncing import Syncing
from sidelight.tui.reading.tagging import Tagging
from sidelight.tui.safe_text import one_line
from sidelight.tui.session import Session
from sidelight.tui.view import DocumentView
from sidelight.tui.widgets.pane import Pane
from sidelight.tui.widgets.side_panel import COMPARE_TAB, ONE_DOCUMENT, SidePanel
from sidelight.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from sidelight.annotations.comparison import Comparison
    from sidelight.annotations.library import Memo
    from sidelight.annotations.store import AnnotationStore

__all__ = ["MIN_PANE_WIDTH", "ReaderScreen", "SearchBar", "pane_columns"]

# Below this many columns per document the panes are not all side by side: two per row
# (a 2x2 grid for four) when two still fit, else stacked one above the other.
MIN_PANE_WIDTH = 40
# The side panel starts open only when the documents keep room enough beside it.
PANEL_WIDTH = 38
PANEL_ROOM = 2 * MIN_PANE_WIDTH + PANEL_WIDTH
# The Compare view wants room for two versions side by side; it widens the panel when the
# documents keep MIN_PANE_WIDTH each.
WIDE_PANEL_WIDTH = 64
# How often another program's changes are looked for: a stat per open file, and a timer's
# tick, twice a second stay under a millisecond of CPU per second, and leave half a second
# for re-reading what changed before a change made elsewhere has waited a second.
POLL_SECONDS = 0.5


def _b(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, id=f"sidelight.{action}")


def pane_columns(room: int, n_docs: int) -> int:
    """How many of ``n_docs`` panes sit side by side in ``room`` columns: all of them, else
    two per row, else one (stacked)."""
    if n_docs <= 1 or room // n_docs >= MIN_PANE_WIDTH:
        return max(1, n_docs)
    return 2 if room // 2 >= MIN_PANE_WIDTH else 1


class ReaderScreen(
    Searching, Selecting, Annotating, Moving, Comparing, Syncing, Linking, Exporting, Entities,
    PanelTabs, Focus, Tagging, Documents, StoreFeature, Conflicts, Stepping, Messages, Screen[None],
):
    BINDINGS: ClassVar[list[BindingType]] = [
        _b("tab", "next_pane", "Next pane"),
        _b("shift+tab", "previous_pane", "Previous pane"),
        # A priority binding runs as the key arrives, so the keys typed right after / land
        # in the search bar, not in the document (check_action lets / into text fields).
        Binding("slash", "search", "Search", id="sidelight.search", priority=True),
        _b("u", "undo", "Undo"),
        _b("ctrl+r", "redo", "Redo"),
        _b("R", "recreate", "Re-create what another window deleted while you changed it"),
        Binding("p,f2", "toggle_panel", "Panel", id="sidelight.toggle_panel"),
        _b("L", "switch_panel", "Switch the panel: annotations / entity legend / compare"),
        _b("C", "compare_panel", "Compare the sources (side panel)"),
        _b("S", "toggle_sync", "Synced scrolling: the other panes follow this one"),
        Binding("escape", "cancel_link", "Cancel the link being made", show=False,
                id="sidelight.cancel_link"),
        _b("x", "export", "Export", show=True),
        _b("m", "messages", "Messages: every message in full"),
        _b("f", "filter_list", "Filter the annotation list by #tag, colour or words"),
        Binding("f5,ctrl+l", "reload", "Reload this document from disk (annotations follow)",
                id="sidelight.reload", show=False),
        _b("o", "open_document", "Open another document into a new pane"),
        _b("ctrl+w", "close_pane", "Close this pane"),
    ]

    def __init__(
        self, documents: Sequence[Document], store: AnnotationStore, failures: Sequence[str] = (),
        *, generation: int = 0,
    ) -> None:
        # A screen rebuilt on other documents is mounted before the one it replaces leaves.
        super().__init__(id="reader" if generation == 0 else f"reader-{generation}")
        self.generation = generation
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
        self._held_comparison: list[Sequence[EntityLike]] | None = None
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
        self._stale_warned: set[str] = set()
        self._anchor_memos: dict[int, tuple[object, Memo]] = {}
        self._entries_stale = True  # the list is redrawn whole at the next reload
        self._panes: list[Pane] = []
        self._init_messages()
        self.entry_filter = AnnotationFilter()
        self.said_selection: tuple[int, int] | None = None
        # Set when the screen replaces another on new documents (reload, open, close).
        self.restore: tuple[int, dict[int, int]] | None = None
        self.greeting = None
        self._resumed = False  # shown once (``on_screen_resume``)

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Horizontal(id="panes"):
                for i, doc in enumerate(self.documents):
                    # Classed as it is made: a class set now would style it twice.
                    pane = Pane(doc, i, last=i == len(self.documents) - 1)
                    self._panes.append(pane)
                    yield pane
            yield SidePanel(id="side-panel")
        yield StatusLine(id="status")
        # The key bar (a widget per key) and the search bar (hidden until /) are mounted in
        # the frame after the first, which shows the documents' text; the key bar's line is
        # kept for it.
        yield Widget(id="footer-slot")

    def _mount_chrome(self) -> None:
        if not self.is_attached:
            return
        self.search_bar()
        footer = Footer()
        self.query_one("#footer-slot").mount(footer)
        # The key bar lists the keys of what has focus once told the bindings changed.
        footer.call_after_refresh(self.refresh_bindings)

    @property
    def panes(self) -> list[Pane]:
        # Kept from compose (a screen's panes never change; another set of documents is a
        # new screen): a query walks the whole screen, on every key.
        return list(self._panes)

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
        self._width = self.app.size.width
        self.side.display = self._width >= PANEL_ROOM
        self._arrange(self._width)
        self.reload_annotations()
        # At once, so that a rebuilt screen's restore_state (below) moving it on is not undone
        # by a focus that lands later.
        self.set_focus(self.pane.view)
        self._show_mode()
        self._show_position(self.pane)
        for failure in self.failures:
            # Logged too: the status line keeps only the first, and m is where the others
            # ("and 2 more") are read once their pop-ups are gone.
            self.log_message(failure, "error")
            self.app.notify(one_line(failure, 300), title="Not opened", severity="error",
                            timeout=12)
        empty = [p.document.name for p in self.panes if p.document.empty]
        if self.restore_state():
            pass  # a rebuilt screen has said what changed
        elif self.failures:
            # Each failure has popped up above; the status line keeps the first in view.
            more = f" (and {len(self.failures) - 1} more)" if len(self.failures) > 1 else ""
            self.status.show_message(self.failures[0] + more, "error")
        elif empty:
            self.say(f"{one_line(', '.join(empty), 120)}: the document is empty")
        else:
            key = self.key_for
            compare = f" · {key('compare_panel')} compare" if len(self.documents) > 1 else ""
            self.say(f"{key('help')} help · {key('visual')} select · {key('highlight')} "
                     f"highlight · {key('annotate')} note · {key('link')} link{compare} · "
                     f"{key('search')} search · {key('quit')} quit", pop_up=False)
        self.side.show_waiting(self.compare_note, self.palette)
        for pane in self.panes:
            self.watch(pane.view, "scroll_y", partial(self._scrolled, pane), init=False)
        # Entities are recognised in a thread started once the first screen is drawn: loading
        # the word lists would hold the interpreter while the text is first painted.
        self.call_after_refresh(self._mount_chrome)
        self.call_after_refresh(self.recognise_entities)
        self.poll_timer = self.set_interval(POLL_SECONDS, self.poll_store, name="store-poll")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual works out the styles of the whole screen again on every resume. On the
        # first, the widgets' styles were worked out as they were mounted, just before: doing
        # it again (a third of the CSS work of the first frame) would change nothing.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

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
            self.say(f"Side panel hidden to make room ({self.key_for('toggle_panel')} shows it)")
        elif self._panel_gave_way and not side.display and before < PANEL_ROOM <= after:
            side.display = True
            self._panel_gave_way = False
            self.say(f"Side panel shown again ({self.key_for('toggle_panel')} hides it)")

    def _hide_panel(self) -> None:
        side = self.side
        side.display = False
        if self.focused is not None and side in self.focused.ancestors:
            self.set_focus(self.pane.view)

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

    # --- mode and position --------------------------------------------------------------

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
        # A piped document's file name is "-", which says nothing in the status line.
        name = "standard input" if doc.path == STDIN else doc.name
        self.status.set_position(f"{where} {one_line(name, 30)} {line}:{col}",
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
        elif widget is not None and self.side in widget.ancestors:
            self.show_panel_focus()

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
        if not event.selection:
            self.clear_transient()
        # Messages queue up behind keys: a selection already highlighted is old news.
        if event.selection and event.selection == self.said_selection:
            return  # already described (V said what it selected)
        if event.selection and event.view.selection == event.selection:
            s, e = event.selection
            key = self.key_for
            chosen = f"{e - s} character{'s' if e - s != 1 else ''} selected"
            if self.pending_link is not None:
                self.say(f"{chosen}: {key('link')} links them to the first "
                         f"passage, {key('cancel_link')} cancels", transient=True)
            else:
                self.say(f"{chosen}: {key('highlight')} highlight, "
                         f"{key('annotate')} note, {key('link')} link, {key('view.cancel')} "
                         "cancel", transient=True)

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
            self.side.show_waiting(self.compare_note, self.palette)

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
        # Focused at once (``focus()`` waits for the app's turn): a second tab already queued
        # behind this one (keys typed together, a loaded machine) moves on from this stop.
        self.set_focus(stops[(i + delta) % len(stops)])

    async def action_next_pane(self) -> None:
        await self.side.fill()  # its lists are stops too
        self._cycle_focus(1)

    async def action_previous_pane(self) -> None:
        await self.side.fill()
        self._cycle_focus(-1)

    def focus_pane(self, index: int) -> Pane:
        pane = self.panes[index]
        self._current = index
        # At once, as tab does: a key typed right after a jump (``*`` then ``v``) is already
        # queued behind it and must act in the pane jumped to, not the one left.
        self.set_focus(pane.view)
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

    def action_focus_document(self) -> None:
        self.set_focus(self.pane.view)  # at once: the next key is the document's

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_link":
            return self.pending_link is not None
        return not (action == "search" and isinstance(self.focused, Input))


# Where the reader's bindings are declared, innermost first: hints name keys from these, and
# from the annotation list's (``side_lists.AnnotationList``, imported after the first frame),
# whose binding ids are its own.
BINDING_OWNERS: tuple[type, ...] = (DocumentView, Pane, SearchBar, ReaderScreen)
