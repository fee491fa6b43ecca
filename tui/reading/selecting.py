"""Selecting by text object: ``V`` selects the sentence under the cursor, ``V`` again its
paragraph; the selection then extends with the motion keys as one made with ``v``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelight.tui.text_objects import paragraph_at, sentence_at

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class Selecting:
    def action_select_sentence(self: ReaderScreen) -> None:
        view = self.pane.view
        text = self.pane.document.text
        sentence = sentence_at(text, view.cursor)
        if sentence is None:
            self.say("Nothing to select: the document is empty")
            return
        span, what = sentence, "sentence"
        if view.selection is not None and view.selection[0] <= sentence[0] \
                and sentence[1] <= view.selection[1]:
            # Already holds the sentence: widen to the paragraph.
            paragraph = paragraph_at(text, view.cursor)
            if paragraph is not None and paragraph != view.selection:
                span, what = (min(paragraph[0], view.selection[0]),
                              max(paragraph[1], view.selection[1])), "paragraph"
        view.select_span(*span)
        self.said_selection = view.selection
        key = self.key_for
        more = (f" · {key('select_sentence')} again: paragraph" if what == "sentence"
                else f", {key('link')} link")
        # Short enough for the status line: a hint that pops up at every V would be noise.
        self.say(f"{what.capitalize()} selected · {key('highlight')} highlight, "
                 f"{key('annotate')} note{more}",
                 transient=True)
