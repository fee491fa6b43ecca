"""Link notes: ``l`` on a passage, then ``l`` on a passage in another pane ties them with a
relation and a note; a link under the cursor says what it ties the passage to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelight.annotations.model import Annotation, new_link
from sidelight.annotations.model import quote_target as make_target
from sidelight.tui.marks import annotation_at
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.widgets.pane import Pane


class Linking:
    # (pane, start, end) of the first passage of a link being made.
    pending_link: tuple[int, int, int] | None
    _announced_link: str | None

    def action_link(self: ReaderScreen) -> None:
        key = self.key_for
        found = self._selection()
        pending = self.pending_link
        if pending is None:
            if found is None:
                self.say(f"Select a passage first ({key('visual')} and a motion, or drag), then "
                         f"{key('link')} to link it to a passage in another pane")
                return
            pane, start, end = found
            self.pending_link = (pane.index, start, end)
            pane.view.cancel_visual()
            pane.show_pending_link((start, end))
            self._show_mode()
            quote = one_line(pane.document.text[start:end], 50)
            self.say(f"Link from “{quote}”: select the other passage "
                     f"({key('next_pane')} to another pane) and press {key('link')} · "
                     f"{key('cancel_link')} cancels")
            return
        if found is None:
            self.say(f"Select the other passage ({key('visual')} and a motion), then press "
                     f"{key('link')} again · {key('cancel_link')} cancels the link")
            return
        pane, start, end = found
        first_pane, first_start, first_end = pending
        a_doc = self.panes[first_pane].document
        b_doc = pane.document
        if first_pane == pane.index or a_doc.path == b_doc.path:
            # A note within one document is a note (a); links tie what two sources say.
            self.say(f"A link ties passages of two documents: {key('next_pane')} to another pane "
                     f"and select the other passage there · {key('cancel_link')} cancels the "
                     "link", "warning")
            return
        targets = (
            make_target(a_doc.path, a_doc.fingerprint, a_doc.text, first_start, first_end,
                        a_doc.encoding),
            make_target(b_doc.path, b_doc.fingerprint, b_doc.text, start, end,
                        b_doc.encoding),
        )

        def done(ann: Annotation) -> str:
            pane.view.cancel_visual()
            self._show_mode()
            return (f"Linked “{one_line(targets[0].exact, 40)}” ↔ "
                    f"“{one_line(targets[1].exact, 40)}” ({one_line(ann.relation, 30)}) "
                    f"· {key('undo')} undoes")

        def add(ann: Annotation) -> Annotation:
            self.session.add(ann, "link")
            self._end_link()
            return ann

        def save(relation: str, note: str) -> str | None:
            try:
                ann = new_link(targets, relation, note)
            except ValueError as err:
                return str(err)
            return self.try_change(lambda: add(ann), done)

        def closed(saved: bool | None) -> None:
            if not saved:
                self.action_cancel_link()

        title = (f"Link “{one_line(targets[0].exact, 60)}” (pane {first_pane + 1}) ↔ "
                 f"“{one_line(targets[1].exact, 60)}” (pane {pane.index + 1})")
        from sidelight.tui.screens.link_dialog import LinkDialog  # loaded when first opened

        self.app.push_screen(LinkDialog(title, save), closed)

    def _end_link(self: ReaderScreen) -> None:
        if self.pending_link is not None:
            self.panes[self.pending_link[0]].show_pending_link(None)
        self.pending_link = None
        self._show_mode()

    def action_cancel_link(self: ReaderScreen) -> None:
        if self.pending_link is None:
            return
        self._end_link()
        self.say("Link cancelled")

    def edit_link(self: ReaderScreen, ann: Annotation) -> None:
        # Saved over the link as this reader showed it when the dialog opened.
        save_shown = self.saver(ann, "link", lambda saved: f"Link saved "
                                f"({one_line(saved.relation, 30)})")

        def save(relation: str, note: str) -> str | None:
            return save_shown(relation=relation, note=note)

        quotes = [f"“{one_line(t.exact, 50)}”" for t in ann.targets]
        from sidelight.tui.screens.link_dialog import LinkDialog  # loaded when first opened

        self.app.push_screen(LinkDialog("Link " + " ↔ ".join(quotes), save,
                                        relation=ann.relation, note=ann.note))

    def _announce_link(self: ReaderScreen, pane: Pane) -> None:
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
        self.say(f"{msg} · {self.key_for('annotate')} edits, {self.key_for('delete')} deletes")
