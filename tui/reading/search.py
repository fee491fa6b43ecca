"""Search: ``/`` opens the search bar; every pane shows its hits, ``n``/``N`` step through
those of the current pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from sidelight.tui.marks import find_all
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class SearchBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="sidelight.search_close"),
    ]

    def action_close(self) -> None:
        close = getattr(self.screen, "close_search", None)
        if close is not None:
            close()


class Searching:
    query_text: str

    def search_bar(self: ReaderScreen) -> SearchBar:
        """The search bar, mounted (hidden) in the frame after the first, or now if / came
        sooner."""
        found = self.query(SearchBar)
        if found:
            return found.first()
        bar = SearchBar(id="search", placeholder="search (enter: next hit, escape: close)")
        bar.display = False
        self.mount(bar, before=self.status)
        return bar

    def action_search(self: ReaderScreen) -> None:
        bar = self.search_bar()
        bar.display = True
        bar.value = self.query_text
        # Focus now, not on the next idle: keys typed right after / must reach the bar.
        self.set_focus(bar)
        self.status.set_mode("SEARCH", self.color)

    def close_search(self: ReaderScreen) -> None:
        bar = self.search_bar()
        bar.display = False
        self.set_focus(self.pane.view)
        self._show_mode()

    def on_input_submitted(self: ReaderScreen, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        self.close_search()
        self.search(event.value)

    def search(self: ReaderScreen, query: str) -> None:
        self.query_text = query
        for pane in self.panes:
            pane.show_hits(find_all(pane.document.text, query))
        if not query:
            self.say("Search cleared")
            return
        if not self.pane.hits:
            self._not_found_here()
            return
        self._search_step(forward=True)

    def _not_found_here(self: ReaderScreen) -> None:
        """One message for a search without hits in this pane, whether enter or n found none:
        the phrase, and how many hits the other panes hold."""
        others = sum(len(p.hits) for p in self.panes if p is not self.pane)
        where = (f"; {others} in other panes ({self.key_for('next_pane')} to go there)"
                 if others else "")
        self.say(f"“{one_line(self.query_text, 60)}”: not found in this pane{where}", "warning")

    def _search_step(self: ReaderScreen, forward: bool) -> None:
        pane = self.pane
        if not self.query_text:
            self.say("No search yet: press / and type a phrase")
            return
        if not pane.hits:
            self._not_found_here()
            return
        hits = pane.hits

        def move(index: int, offset: int) -> None:
            pane.view.move_cursor(offset, center=True)
            pane.show_hits(hits, current=offset)

        def where(n: int, wrapped: bool) -> str:
            msg = f"“{one_line(self.query_text, 60)}”: hit {n + 1} of {len(hits)}"
            if wrapped:
                msg += " (search wrapped " + ("to the top)" if forward else "to the bottom)")
            return msg

        self.step_to([(pane.index, s) for s, _ in hits], forward, empty="", where=where,
                     move=move)

    def action_search_next(self: ReaderScreen) -> None:
        self._search_step(forward=True)

    def action_search_previous(self: ReaderScreen) -> None:
        self._search_step(forward=False)
