"""The store: every change goes through ``change_store`` (run it, re-read the annotations of
every open document, report), and changes made by other programs are picked up by polling."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sidelight.annotations.documents import is_current
from sidelight.annotations.errors import EditConflict, SidelightError
from sidelight.annotations.filtering import matches
from sidelight.annotations.library import Memo
from sidelight.annotations.model import Annotation
from sidelight.tui.safe_text import one_line
from sidelight.tui.session import DroppedChange
from sidelight.tui.widgets.side_panel import Entry, entries_for

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen

T = TypeVar("T")


class StoreFeature:
    _stale_warned: set[str]
    _anchor_memos: dict[int, tuple[object, Memo]]

    def _store_call(self: ReaderScreen, fn: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a store operation; on failure say why and keep going."""
        try:
            return True, fn()
        except SidelightError as err:
            self.say(str(err), "error")
            return False, None

    def try_change(
        self: ReaderScreen, change: Callable[[], T], done: Callable[[T], str | None]
    ) -> str | None:
        """Run ``change`` on the store; once it is saved, re-read the annotations and say what
        ``done(result)`` returns. Returns None, or why the change failed (nothing is said:
        a dialog shows it where the user typed)."""
        try:
            result = change()
        except (EditConflict, DroppedChange) as err:
            # Another window changed what this reader shows (an undo or redo dropped): show
            # the store as it is now.
            self.reload_annotations()
            return str(err)
        except SidelightError as err:
            return str(err)
        self.reload_annotations()
        message = done(result)
        if message:
            self.say(message)
        return None

    def change_store(
        self: ReaderScreen, change: Callable[[], T], done: Callable[[T], str | None]
    ) -> bool:
        """As ``try_change``, saying why in the status line (and a notification) on failure."""
        error = self.try_change(change, done)
        if error is not None:
            self.say(error, "error")
        return error is None

    def reload_annotations(self: ReaderScreen) -> None:
        """Re-read and re-anchor the annotations of every document, and redraw them."""
        from sidelight.annotations.library import open_annotations

        # One memo per open document: only annotations whose record changed are anchored again.
        memos = getattr(self, "_anchor_memos", {})
        self._anchor_memos = {id(p.document): memos.get(id(p.document), (p.document, {}))
                              for p in self.panes}
        for pane in self.panes:
            doc = pane.document
            memo = self._anchor_memos[id(doc)][1]
            ok, anns = self._store_call(
                lambda doc=doc, memo=memo: open_annotations(self.store, doc, memo))
            if ok and anns is not None:
                pane.show_annotations(anns, self.palette)
        self._refresh_entries()

    def all_entries(self: ReaderScreen) -> list[Entry]:
        """Every row of the annotation list, before the filter."""
        panes = self.panes
        return entries_for([p.document for p in panes], [p.annotations for p in panes])

    def _refresh_entries(self: ReaderScreen) -> None:
        entries = self.all_entries()
        flt = self.entry_filter
        if not flt.empty:
            entries = [e for e in entries if matches(e.annotation, flt)]
        empty = (f"No annotation matches {flt.describe()}: "
                 f"{self.key_for('filter_list')} changes the filter" if not flt.empty else None)
        self.side.show_entries(entries, self.palette, empty=empty)

    def poll_store(self: ReaderScreen) -> None:
        """Pick up changes made by another process (the CLI, a second reader)."""
        self._warn_changed_files()
        try:
            if not self.store.changed():
                return
            self.store.reload()
        except SidelightError as err:
            self.say(str(err), "error")
            return
        before = {a.id: a.modified for p in self.panes for a in p.annotations}
        self.reload_annotations()
        after = {a.id: a.modified for p in self.panes for a in p.annotations}
        if before != after:
            self.say("Annotations changed by another program; the panes show them now")

    def _warn_changed_files(self: ReaderScreen) -> None:
        """Say once per document that its file changed on disk since it was opened: the pane
        keeps showing (and anchoring to) the text as opened until sidelight is started again."""
        for doc in self.documents:
            if doc.path not in self._stale_warned and not is_current(doc):
                self._stale_warned.add(doc.path)
                self.app.notify(
                    one_line(f"{doc.name} changed on disk. This pane shows it as opened; "
                             f"{self.key_for('reload')} reloads it (annotations follow).", 300),
                    severity="warning", timeout=10,
                )

    def all_annotations(self: ReaderScreen) -> list[Annotation]:
        seen: dict[str, Annotation] = {}
        for pane in self.panes:
            for ann in pane.annotations:
                seen.setdefault(ann.id, ann)
        return list(seen.values())
