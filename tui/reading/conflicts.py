"""Changes made from what this reader shows, when another window (a second reader, the command
line) changed or deleted the annotation meanwhile.

Every change names the annotation as this reader showed it; the store applies it only if
nothing it touches changed since (``annotations.edits``). When it refuses, nothing is written
and the user is told what happened: a recolour of an annotation deleted elsewhere can be
re-created with R; a note or link being edited stays in its dialog, with what was typed,
until the user saves it again (over the other window's version, or re-created) or leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sidelight.annotations.errors import EditConflict, SidelightError
from sidelight.annotations.model import Annotation, now_iso
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


def describe(ann: Annotation) -> str:
    """An annotation in a few words: its quote, else its note."""
    quote = next((t.exact for t in ann.targets if t.exact), "")
    if quote:
        return f"“{one_line(quote, 50)}”"
    return f"the note “{one_line(ann.note, 50)}”" if ann.note else "the annotation"


def what_changed(err: EditConflict) -> str:
    """`` (its note is now “…”)``: what the other window saved, in a few words."""
    current = err.current
    if not isinstance(current, Annotation):
        return ""
    return f" (its note is now “{one_line(current.note, 40)}”, colour {current.color})"


class Conflicts:
    # What the last change refused as deleted elsewhere would have written: R re-creates it.
    _recreatable: Annotation | None = None

    def edit_shown(self: ReaderScreen, ann: Annotation, label: str,
                   done: Callable[[Annotation], str], **changes: Any) -> bool:
        """Set fields of ``ann`` as this reader shows it; say what happened either way."""
        try:
            saved = self.session.edit(ann, label, **changes)
        except EditConflict as err:
            self.reload_annotations()
            if err.kind == "deleted":
                self._recreatable = replace(ann, modified=now_iso(), **changes)
                self.say(f"{describe(ann)} was deleted in another window — press R to "
                         f"re-create it with the new {label}", "warning")
            else:
                self.say(f"{describe(ann)} was changed in another window{what_changed(err)}; "
                         f"your {label} was not saved — look, then try again", "warning")
            return False
        except SidelightError as err:
            self.say(str(err), "error")
            return False
        self.reload_annotations()
        self.say(done(saved))
        return True

    def delete_shown(self: ReaderScreen, ann: Annotation, done: Callable[[], str]) -> None:
        """Delete ``ann`` if it still says what this reader shows."""
        try:
            self.session.delete(ann)
        except EditConflict as err:
            self.reload_annotations()
            if err.kind == "deleted":
                self.say(f"{describe(ann)} was already deleted in another window", "warning")
            else:
                self.say(f"{describe(ann)} was changed in another window{what_changed(err)}; "
                         "it was not deleted — d deletes it as it is now", "warning")
            return
        except SidelightError as err:
            self.say(str(err), "error")
            return
        self.reload_annotations()
        self.say(done())

    def saver(self: ReaderScreen, ann: Annotation, label: str,
              done: Callable[[Annotation], str]) -> Callable[..., str | None]:
        """The save function of a dialog editing ``ann`` (fields as keyword arguments).

        Returns None once saved, else why not; the dialog then keeps what was typed. After
        being told the annotation changed elsewhere, saving again writes over that version;
        after being told it was deleted, saving again re-creates it with what was typed.
        """
        state: dict[str, Any] = {"base": ann, "deleted": False}

        def save(**changes: Any) -> str | None:
            base: Annotation = state["base"]
            try:
                if state["deleted"]:
                    saved = self.session.recreate(replace(base, modified=now_iso(), **changes))
                    self.reload_annotations()
                    self.say(f"Re-created {describe(saved)} with your {label} (u undoes)")
                    return None
                saved = self.session.edit(base, label, **changes)
            except EditConflict as err:
                self.reload_annotations()
                if err.kind == "deleted":
                    state["deleted"] = True
                    return ("deleted in another window — your text is kept; ctrl+s re-creates "
                            "it with your text, escape leaves")
                if isinstance(err.current, Annotation):
                    state["base"] = err.current
                return (f"changed in another window{what_changed(err)} — your text is kept in "
                        "the editor; ctrl+s saves it over that, escape leaves")
            except SidelightError as err:
                return str(err)
            self.reload_annotations()
            self.say(done(saved))
            return None

        return save

    def action_recreate(self: ReaderScreen) -> None:
        """R: re-create the annotation a change of ours found deleted in another window."""
        ann = self._recreatable
        if ann is None:
            self.say(f"Nothing to re-create: {self.key_for('recreate')} brings back an "
                     "annotation another window deleted while you changed it")
            return
        try:
            saved = self.session.recreate(ann)
        except SidelightError as err:
            self.say(str(err), "error")
            return
        self._recreatable = None
        self.reload_annotations()
        self.say(f"Re-created {describe(saved)} (u undoes)")
