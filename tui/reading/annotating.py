"""Annotating: highlights and notes on a selection, notes on a document, colours, delete,
undo and redo. Every change goes through ``change_store`` (or ``try_change`` from a dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sidelight.annotations.model import (
    COLORS,
    DEFAULT_COLOR,
    Annotation,
    new_document_note,
    new_highlight,
)
from sidelight.annotations.model import quote_target as make_target
from sidelight.tui.reading.conflicts import describe
from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.side_panel import Entry

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.session import Change
    from sidelight.tui.widgets.pane import Pane

EMPTY_NOTE = "the note is empty; type it, or press escape to leave"


class Annotating:
    color: str

    def _selection(self: ReaderScreen) -> tuple[Pane, int, int] | None:
        pane = self.pane
        sel = pane.view.selection
        if not sel or sel[0] >= sel[1]:
            return None
        return pane, sel[0], sel[1]

    def action_set_color(self: ReaderScreen, name: str) -> None:
        """On an annotation (and no selection being made): its colour. Else the colour of
        the next highlights."""
        if name not in COLORS:
            return
        ann = None if self.pane.view.selection else self.pane.annotation_under_cursor()
        if ann is not None and ann.kind != "note":
            if ann.color == name:
                self.say(f"{describe(ann)} is already {name}")
                return
            self.edit_shown(ann, "colour", lambda _: f"Colour of {describe(ann)}: {name} "
                            f"({self.key_for('undo')} undoes)", color=name)
            return
        self.color = name
        self._show_mode()
        self.say(f"New highlights will be {name}")

    def action_highlight(self: ReaderScreen) -> None:
        found = self._selection()
        if found is None:
            self.say(f"Nothing selected: press {self.key_for('visual')}, move the cursor to "
                     f"extend, then {self.key_for('highlight')}")
            return
        pane, start, end = found
        doc = pane.document
        ann = new_highlight(
            make_target(doc.path, doc.fingerprint, doc.text, start, end,
                        doc.encoding), color=self.color
        )

        def done(_: object) -> str:
            pane.view.cancel_visual()
            self._show_mode()
            return (f"Highlighted “{one_line(ann.target.exact, 60)}” in {self.color} "
                    f"({self.key_for('undo')} undoes)")

        self.change_store(lambda: self.session.add(ann, "highlight"), done)

    def _open_editor(self: ReaderScreen, title: str, text: str,
                     save: Callable[[str], str | None]) -> None:
        # The editor (and Textual's TextArea) is loaded when first opened, not at start-up.
        from sidelight.tui.screens.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(title, text, save))

    def action_annotate(self: ReaderScreen) -> None:
        found = self._selection()
        if found is not None:
            pane, start, end = found
            doc = pane.document
            target = make_target(doc.path, doc.fingerprint, doc.text, start, end,
                                 doc.encoding)
            color = self.color

            def done(_: object) -> str:
                pane.view.cancel_visual()
                self._show_mode()
                return f"Note added on “{one_line(target.exact, 60)}”"

            def save_new(text: str) -> str | None:
                if not text.strip():
                    return EMPTY_NOTE
                ann = new_highlight(target, color=color, note=text)
                return self.try_change(lambda: self.session.add(ann, "note"), done)

            self._open_editor(f"Note on “{one_line(target.exact, 80)}”", "", save_new)
            return
        ann = self.pane.annotation_under_cursor()
        if ann is None:
            self.say(f"Select text first ({self.key_for('visual')} and a motion), or put the "
                     "cursor on a highlight")
            return
        self.edit_note(ann)

    def edit_note(self: ReaderScreen, ann: Annotation) -> None:
        if ann.kind == "link":
            self.edit_link(ann)
            return

        # Saved over the note as this reader showed it when the editor opened: a note saved
        # meanwhile in another window is never overwritten unseen.
        save = self.saver(ann, "note", lambda _: "Note saved")

        def save_edit(text: str) -> str | None:
            return save(note=text)

        quote = next((t.exact for t in ann.targets if t.exact), "")
        title = f"Note on “{one_line(quote, 80)}”" if quote else "Note on the document"
        self._open_editor(title, ann.note, save_edit)

    def action_document_note(self: ReaderScreen) -> None:
        doc = self.pane.document
        existing = next((a for a in self.pane.annotations if a.kind == "note"), None)
        if existing is not None:
            self.edit_note(existing)  # one note per document: A edits it
            return

        def save_doc_note(text: str) -> str | None:
            if not text.strip():
                return EMPTY_NOTE
            return self.try_change(
                lambda: self.session.add(new_document_note(doc.path, doc.fingerprint, text,
                                                            doc.encoding),
                                         "note"),
                lambda _: f"Note added to “{one_line(doc.title or doc.name, 60)}”")

        self._open_editor(f"Note on the document “{one_line(doc.title, 80)}”", "",
                          save_doc_note)

    def _under_cursor(self: ReaderScreen) -> Annotation | None:
        ann = self.pane.annotation_under_cursor()
        if ann is None:
            self.say(f"No annotation under the cursor ({self.key_for('previous_annotation')} "
                     f"and {self.key_for('next_annotation')} move between annotations)")
        return ann

    def action_cycle_color(self: ReaderScreen) -> None:
        ann = self._under_cursor()
        if ann is None:
            return
        color = COLORS[(COLORS.index(ann.color) + 1) % len(COLORS)] if ann.color in COLORS \
            else DEFAULT_COLOR
        self.edit_shown(ann, "colour", lambda _: f"Colour of {describe(ann)}: {color} "
                        f"({self.key_for('undo')} undoes)", color=color)

    def action_delete(self: ReaderScreen) -> None:
        ann = self._under_cursor()
        if ann is not None:
            self.delete(ann)

    def delete(self: ReaderScreen, ann: Annotation) -> None:
        quote = next((t.exact for t in ann.targets if t.exact), "")
        self.delete_shown(ann, lambda: f"Deleted “{one_line(quote, 60)}” "
                                       f"({self.key_for('undo')} undoes)")

    def action_delete_listed(self: ReaderScreen) -> None:
        entry = self._listed()
        if entry is not None:
            self.delete(entry.annotation)

    def action_edit_listed(self: ReaderScreen) -> None:
        entry = self._listed()
        if entry is not None:
            self.edit_note(entry.annotation)

    def _listed(self: ReaderScreen) -> Entry | None:
        entry = self.side.entry_at(self.side.annotation_list.highlighted)
        if entry is None:
            self.say("No annotation chosen in the list")
        return entry

    def action_undo(self: ReaderScreen) -> None:
        self.change_store(self.session.undo, lambda change: (
            "Nothing to undo" if change is None
            else f"Undone: {self.describe_change(change)} "
                 f"({self.key_for('redo')} redoes)"))

    def action_redo(self: ReaderScreen) -> None:
        self.change_store(self.session.redo, lambda change: (
            "Nothing to redo" if change is None
            else f"Redone: {self.describe_change(change)}"))

    def describe_change(self: ReaderScreen, change: Change) -> str:
        """What a change did and where: ``highlight “…” in pane 2``."""
        ann = change.after or change.before
        if ann is None:
            return change.label
        sources = [t.source for t in ann.targets]
        panes = [str(p.index + 1) for p in self.panes if p.document.path in sources]
        where = f" in pane {' and '.join(panes)}" if panes else ""
        return f"{change.label} {describe(ann)}{where}"
