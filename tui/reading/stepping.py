"""Stepping to the next or previous item of a list of places: the one pattern behind search
hits, annotations, entities, mentions, differences and passages only one source tells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sidelight.tui.marks import step_index

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen

# (pane index, offset): places are sorted in this order, so steps run across panes.
Place = tuple[int, int]


class Stepping:
    def step_to(
        self: ReaderScreen,
        places: Sequence[Place],
        forward: bool,
        *,
        empty: str,
        where: Callable[[int, bool], str | None],
        here: Place | None = None,
        current: int | None = None,
        move: Callable[[int, int], None] | None = None,
    ) -> int | None:
        """Step from ``here`` (the current pane's cursor) to the next or previous of
        ``places`` (sorted), wrapping around; move there (``move``, else the cursor of that
        pane, focused) and say what ``where(index, wrapped)`` says. ``current`` is the item
        last visited, so that items sharing a start are visited one by one. Says ``empty``
        and returns None when there is no place; else the index of the place reached."""
        if here is None:
            here = (self.pane.index, self.pane.view.cursor)
        found = step_index(places, here, forward, current)
        if found is None:
            self.say(empty)
            return None
        index, wrapped = found
        pane, offset = places[index]
        (move or self.go_to)(pane, offset)
        message = where(index, wrapped)
        if message:
            self.say(message)
        return index

    def go_to(self: ReaderScreen, index: int, offset: int) -> None:
        """The cursor of pane ``index`` on ``offset``, centred; that pane takes the focus."""
        pane = self.focus_pane(index) if index != self.pane.index else self.pane
        pane.view.move_cursor(offset, center=True)
