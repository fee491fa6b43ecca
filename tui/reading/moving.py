"""Moving between marks: annotations (``[``/``]``), entities (``(``/``)``) and the mentions of
the entity under the cursor across every pane (``*``/``#``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelight.tui.labels import short_name
from sidelight.tui.marks import EntityLike
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.widgets.pane import Pane

STILL_RECOGNISING = "Entities are still being recognised; try again in a moment"


class Moving:
    def action_next_annotation(self: ReaderScreen) -> None:
        self._annotation_step(True)

    def action_previous_annotation(self: ReaderScreen) -> None:
        self._annotation_step(False)

    def _annotation_step(self: ReaderScreen, forward: bool) -> None:
        pane = self.pane
        starts = pane.annotation_starts()

        def where(n: int, wrapped: bool) -> str:
            # Always said: a message left from before ("Wrapped to the first annotation")
            # would be untrue after the next step.
            msg = f"Annotation {n + 1} of {len(starts)}"
            ann = pane.annotation_under_cursor()
            if ann is not None and ann.note:
                msg += f": note: {one_line(ann.note, 120)}"
            elif ann is not None:
                quote = next((pane.document.text[s:e] for s, e, a in pane.ranges()
                              if a is ann), "")
                msg += f": {ann.color} “{one_line(quote, 60)}”"
            return f"{msg} · {wrap_message('annotation', forward).lower()}" if wrapped else msg

        self.step_to([(pane.index, s) for s in starts], forward,
                     empty="No annotation in this document", where=where)

    def _visible_entities(self: ReaderScreen, pane: Pane) -> list[EntityLike]:
        return [e for e in pane.entities if e.label not in self.hidden_labels]

    def _entity_step(self: ReaderScreen, forward: bool) -> None:
        if self.entities is None:
            self.say(STILL_RECOGNISING)
            return
        pane = self.pane
        starts = sorted({e.start for e in self._visible_entities(pane)})

        def where(_: int, wrapped: bool) -> str | None:
            ent = pane.entity_under_cursor()
            if ent is not None:
                return f"{short_name(ent.label)}: {one_line(ent.text, 60)}"
            return wrap_message("entity", forward) if wrapped else None

        self.step_to([(pane.index, s) for s in starts], forward,
                     empty="No entity in this document", where=where)

    def action_next_entity(self: ReaderScreen) -> None:
        self._entity_step(True)

    def action_previous_entity(self: ReaderScreen) -> None:
        self._entity_step(False)

    def _mention_step(self: ReaderScreen, forward: bool) -> None:
        if self.entities is None:
            self.say(STILL_RECOGNISING)
            return
        pane = self.pane
        ent = pane.entity_under_cursor()
        if ent is None:
            self.say(f"No entity under the cursor ({self.key_for('next_entity')} and "
                     f"{self.key_for('previous_entity')} move between entities)")
            return
        found = sorted((((p.index, e.start), e) for p in self.panes for e in p.entities
                        if e.key == ent.key), key=lambda f: f[0])
        mentions = [place for place, _ in found]

        def where(n: int, wrapped: bool) -> str:
            # The mention reached, not the one left: its words may differ ("Mark Zuckerberg"
            # then "Zuckerberg").
            reached = found[n][1]
            msg = (f"{short_name(reached.label)} “{one_line(reached.text, 40)}”: mention "
                   f"{n + 1} of {len(mentions)} (pane {mentions[n][0] + 1})")
            return msg + ", wrapped" if wrapped else msg

        # Backwards, the mention under the cursor starts at or before the cursor: skip it.
        here = (pane.index, pane.view.cursor if forward else ent.start)
        self.step_to(mentions, forward, empty="", where=where, here=here)

    def action_next_mention(self: ReaderScreen) -> None:
        self._mention_step(True)

    def action_previous_mention(self: ReaderScreen) -> None:
        self._mention_step(False)


def wrap_message(what: str, forward: bool) -> str:
    return f"Wrapped to the {'first' if forward else 'last'} {what}"
