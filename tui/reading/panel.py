"""The side panel's tabs (annotations, entity legend, compare) and jumps from the
annotation list to the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.side_panel import (
    COMPARE_TAB,
    LEGEND_TAB,
    NOTES_TAB,
    TABS,
    Entry,
    SidePanel,
)

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class PanelTabs:
    def action_switch_panel(self: ReaderScreen) -> None:
        side = self.side
        if not side.display:
            side.display = True
        self.show_tab(TABS[(TABS.index(side.tab) + 1) % len(TABS)])

    def show_tab_quietly(self: ReaderScreen) -> None:
        """The annotation list in view, without a word about it."""
        side = self.side
        side.display = True
        self._panel_gave_way = False
        side.tab = NOTES_TAB
        self._arrange(self.size.width)

    def show_tab(self: ReaderScreen, tab: str) -> None:
        side = self.side
        side.display = True
        self._panel_gave_way = False
        if side.tab != tab and self.focused is not None and side in self.focused.ancestors:
            self.set_focus(self.pane.view)  # the list that had focus is about to be hidden
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

    def action_compare_panel(self: ReaderScreen) -> None:
        self.show_tab(COMPARE_TAB)
        if self.comparison is None and self._held_comparison is not None:
            self._start_comparison(self._held_comparison, asked=True)
            self.say("Comparing the large sources: this takes a while; the reader stays usable")
            return
        if self.comparison is not None:
            # At once: a key typed right after C (a down arrow) is the list's.
            self.set_focus(self.side.compare.lists[0])
            self.say("Compare: enter shows a claim in every pane; tab reaches the entities "
                     "and the differences; escape goes back to the document", pop_up=False)

    def on_side_panel_jump(self: ReaderScreen, event: SidePanel.Jump) -> None:
        self.jump_to_entry(event.entry)  # a click on a row

    def action_jump_listed(self: ReaderScreen) -> None:
        # enter in the annotation list jumps here, on the key's own turn, not through
        # messages: a key typed right behind it (enter then v) acts in the pane jumped to.
        entry = self.side.entry_at(self.side.annotation_list.highlighted)
        if entry is not None:
            self.jump_to_entry(entry)

    def jump_to_entry(self: ReaderScreen, entry: Entry) -> None:
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
