"""Where the focus is: the status line names the side panel when one of its lists has the
focus, and a document key pressed there says where it acts instead of doing nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import BindingsMap

from sidelight.tui.keys import keymap_of
from sidelight.tui.view import DocumentView
from sidelight.tui.widgets.pane import Pane
from sidelight.tui.widgets.side_panel import COMPARE_TAB, LEGEND_TAB

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen

TAB_NAMES = {LEGEND_TAB: "entity legend", COMPARE_TAB: "compare"}


class Focus:
    def in_side_panel(self: ReaderScreen) -> bool:
        focused = self.focused
        return focused is not None and self.side in focused.ancestors

    def show_panel_focus(self: ReaderScreen) -> None:
        tab = TAB_NAMES.get(self.side.tab, "annotations")
        self.status.set_position(f"side panel: {tab}", short="panel")

    def document_keys(self: ReaderScreen) -> set[str]:
        """The keys (as the keymap binds them) that act on a document pane."""
        keys: set[str] = set()
        for cls in (Pane, DocumentView):
            bindings = BindingsMap(cls.BINDINGS)
            keymap = keymap_of(self.app)
            if keymap:
                bindings.apply_keymap(keymap)
            keys.update(bindings.key_to_bindings)
        return keys

    def on_key(self: ReaderScreen, event: events.Key) -> None:
        if not self.in_side_panel() or event.key not in self.document_keys():
            return
        if event.key in self.active_bindings:
            return  # the list (or the screen) has a use for it: its binding runs
        # Said on the app's turn, just before it looks up the key's binding: a key typed right
        # behind escape (or another key that moves the focus to a document) reaches this
        # screen before the app has run escape's binding, and is the document's by then.
        name = event.character if event.is_printable else event.key
        self.app.call_later(self._document_key_in_panel, name)

    def _document_key_in_panel(self: ReaderScreen, name: str | None) -> None:
        if not self.in_side_panel():
            return
        self.say(f"{name} acts on a document: "
                 f"{self.key_for('back_to_document')} or {self.key_for('next_pane')} goes "
                 "back to it", "warning")
