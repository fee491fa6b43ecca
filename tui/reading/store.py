"""The store: every change goes through ``change_store`` (run it, re-read the annotations of
every open document, report), and changes made by other programs are picked up by polling."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sidelight.annotations.documents import is_current
from sidelight.annotations.errors import EditConflict, SidelightError
from sidelight.annotations.filtering import matches
from sidelight.annotations.library import Memo, open_annotations, open_changed
from sidelight.annotations.model import Annotation
from sidelight.tui.safe_text import one_line
from sidelight.tui.session import DroppedChange
from sidelight.tui.widgets.side_panel import Entry, entries_for, entry_for

if TYPE_CHECKING:
    from sidelight.annotations.documents import Document
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.widgets.pane import Pane

T = TypeVar("T")


class StoreFeature:
    _stale_warned: set[str]
    _anchor_memos: dict[int, tuple[object, Memo]]
    _entries_stale: bool

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
        """Run ``change`` on the store; once it is saved, redraw what it changed and say what
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
            self.session.written()
            return str(err)
        self._show_written(self.session.written())
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

    def _show_written(self: ReaderScreen, written: dict[str, Annotation | None]) -> None:
        """Redraw the records this reader just wrote: anchored one by one, so a change costs
        what it changed. When another program changed the store meanwhile (or nothing is
        known), everything is read again."""
        try:
            moved = not written or self.store.changed()
        except SidelightError as err:
            self.say(str(err), "error")
            return
        if moved:
            self.reload_annotations()
            return
        for pane in self.panes:
            doc = pane.document
            memo = self._memo_for(doc)
            changed: dict[str, Annotation | None] = {}
            for id, ann in written.items():
                if ann is None:
                    changed[id] = None
                    continue
                ok, anchored = self._store_call(
                    lambda ann=ann, doc=doc, memo=memo: open_changed(self.store, doc, ann, memo))
                if not ok:
                    self.reload_annotations()
                    return
                changed[id] = anchored
            self._show_changes(pane, changed)

    def _memo_for(self: ReaderScreen, doc: Document) -> Memo:
        memos = self._anchor_memos
        if id(doc) not in memos:
            memos[id(doc)] = (doc, {})
        return memos[id(doc)][1]

    def reload_annotations(self: ReaderScreen) -> bool:
        """Re-read and re-anchor the annotations of every document, and redraw those that
        changed; True when some did."""
        self.session.written()  # everything is read again: what this reader wrote too
        # One memo per open document: only annotations whose record changed are anchored again.
        memos = self._anchor_memos
        self._anchor_memos = {id(p.document): memos.get(id(p.document), (p.document, {}))
                              for p in self.panes}
        shown = False
        for pane in self.panes:
            doc = pane.document
            memo = self._anchor_memos[id(doc)][1]
            ok, anns = self._store_call(
                lambda doc=doc, memo=memo: open_annotations(self.store, doc, memo))
            if not ok or anns is None:
                continue
            if not pane.drawn:
                pane.show_annotations(anns, self.palette)
                self._entries_stale = shown = True
                continue
            now = {a.id: a for a in anns}
            changed: dict[str, Annotation | None] = {
                a.id: None for a in pane.annotations if a.id not in now}
            was = {a.id: a for a in pane.annotations}
            changed.update((i, a) for i, a in now.items() if was.get(i) is not a)
            shown = self._show_changes(pane, changed) or shown
        if self._entries_stale:
            self._refresh_entries()
        return shown

    def _show_changes(self: ReaderScreen, pane: Pane,
                      changed: dict[str, Annotation | None]) -> bool:
        """Draw changed annotations in ``pane`` and in the list; True when any changed."""
        done = pane.change_annotations(changed, self.palette)
        if not done or self._entries_stale:
            return bool(done)
        docs = [p.document for p in self.panes]
        flt = self.entry_filter
        remove = [(pane.index, (old or new).id) for old, new in done  # type: ignore[union-attr]
                  if old is not None]
        add = [(entry_for(pane.index, new, docs), pane.order_of(new)) for _old, new in done
               if new is not None and (flt.empty or matches(new, flt))]
        self.side.change_entries(remove, add)
        return True

    def all_entries(self: ReaderScreen) -> list[Entry]:
        """Every row of the annotation list, before the filter."""
        panes = self.panes
        return entries_for([p.document for p in panes], [p.annotations for p in panes])

    def _refresh_entries(self: ReaderScreen) -> None:
        """Every row of the list again (a new filter, palette or document)."""
        self._entries_stale = False
        entries = self.all_entries()
        flt = self.entry_filter
        if not flt.empty:
            entries = [e for e in entries if matches(e.annotation, flt)]
        empty = (f"No annotation matches {flt.describe()}: "
                 f"{self.key_for('filter_list')} changes the filter" if not flt.empty else None)
        panes = self.panes
        self.side.show_entries(entries, self.palette,
                               [panes[e.pane].order_of(e.annotation) for e in entries],
                               empty=empty)

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
        if self.reload_annotations():
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
