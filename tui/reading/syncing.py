"""Synced scrolling: the current pane leads; the other panes follow its sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.widgets.pane import Pane

# Synced scrolling waits for the keys to settle: a held key moves the other panes once.
SYNC_DELAY = 0.06


class Syncing:
    synced: bool
    _sync_timer: Timer | None

    def action_toggle_sync(self: ReaderScreen) -> None:
        if self._compared() is None:
            return
        self.synced = not self.synced
        self._show_mode()
        if self.synced:
            self.say("Synced scrolling on: the other panes follow this one "
                     f"({self.key_for('toggle_sync')} turns it off)")
            self._sync_now()
        else:
            self._tint({})
            self.say("Synced scrolling off")

    def _scrolled(self: ReaderScreen, pane: Pane) -> None:
        if pane.index == self._current and self.focused is pane.view:
            self._schedule_sync(pane)

    def _schedule_sync(self: ReaderScreen, pane: Pane) -> None:
        if not self.synced or self.comparison is None or pane.index != self._current:
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_timer = self.set_timer(SYNC_DELAY, self._sync_now, name="sync-scroll")

    def _sync_now(self: ReaderScreen) -> None:
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
            for cp in sentence.counterparts:
                spans.setdefault(cp.doc, (cp.start, cp.end))  # the best place per document
        row = view.wrap_index.row_of_offset(anchor) - round(view.scroll_y)
        for index, target in c.follow(pane.index, offset).items():
            other = self.panes[index].view
            self._show_in(index, target, center=False)
            top = other.wrap_index.row_of_offset(target) - row
            other.scroll_y = max(0, min(top, round(other.max_scroll_y)))
        self._tint(spans)
