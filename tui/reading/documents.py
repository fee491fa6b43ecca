"""Documents in the reader: reload one changed on disk (``F5``), open another into a new pane
(``o``, a path prompt with completion), close a pane (``ctrl+w``).

Each rebuilds the reader screen on the new set of documents, carrying over what the user
has: the undo history, the colour, hidden labels, messages, the focused pane and cursors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sidelight.annotations.documents import Document, is_url
from sidelight.annotations.errors import SidelightError
from sidelight.annotations.model import Annotation
from sidelight.annotations.sources import reanchor_report
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen

MAX_DOCUMENTS = 4

# What a rebuilt screen says once its annotations are read: a function of that screen.
Greeting = Callable[["ReaderScreen"], str]


class Documents:
    restore: tuple[int, dict[int, int]] | None
    greeting: Greeting | None

    def open_source(self: ReaderScreen, source: str) -> Document:
        """The document ``source`` names, opened as the command line opened the others
        (its --encoding and store); raises SidelightError."""
        opener = getattr(self.app, "opener", None)
        if opener is not None:
            return opener(source)
        from sidelight.annotations.sources import open_source

        return open_source(source)

    def rebuild(self: ReaderScreen, documents: Sequence[Document], focus: int,
                cursors: dict[int, int], greeting: Greeting) -> None:
        """Show ``documents`` in a new reader screen that keeps this one's state."""
        from sidelight.tui.screens.reader import ReaderScreen

        screen = ReaderScreen(documents, self.store, generation=self.generation + 1)
        screen.session = self.session
        screen.color = self.color
        screen.hidden_labels = set(self.hidden_labels)
        screen.message_log = self.message_log
        screen.query_text = self.query_text
        screen.entry_filter = self.entry_filter
        screen.restore = (focus, cursors)
        screen.greeting = greeting
        self.app.documents = list(documents)  # type: ignore[attr-defined]
        if self.app.screen_stack[0] is self:
            # The first reader is the app's base screen, which cannot be switched away:
            # it stays below, asleep, and the new one goes on top.
            self.poll_timer.pause()
            self.stop_comparing()
            self.app.push_screen(screen)
        else:
            self.app.switch_screen(screen)

    def restore_state(self: ReaderScreen) -> bool:
        """After a rebuild: cursors back, the focused pane, and what changed said. False
        when this screen was not rebuilt."""
        if self.restore is None:
            return False
        focus, cursors = self.restore
        for index, offset in cursors.items():
            if index < len(self.panes):
                self.panes[index].view.move_cursor(offset, center=True)
        self.focus_pane(min(focus, len(self.panes) - 1))
        if self.greeting is not None:
            self.say(self.greeting(self))
        return True

    def _cursors(self: ReaderScreen) -> dict[int, int]:
        return {p.index: p.view.cursor for p in self.panes}

    # --- reload -------------------------------------------------------------------------

    def action_reload(self: ReaderScreen) -> None:
        pane = self.pane
        doc = pane.document
        if is_url(doc.path):
            self.say(f"{one_line(doc.name, 60)} is a web page: its saved snapshot is what "
                     "this pane shows; start sidelight with --refresh to fetch it again")
            return
        try:
            fresh = self.open_source(doc.path)
        except SidelightError as err:
            self.say(str(err), "error")
            return
        if fresh.fingerprint == doc.fingerprint:
            self._stale_warned.discard(doc.path)
            self.say(f"{one_line(doc.name, 60)} has not changed since it was opened")
            return
        before: list[Annotation] = list(pane.annotations)
        documents = [fresh if p.index == pane.index else p.document for p in self.panes]
        index = pane.index

        def greeting(screen: ReaderScreen) -> str:
            report = reanchor_report(fresh.path, before, screen.panes[index].annotations)
            return (f"{one_line(fresh.name, 60)} reloaded: {report.total} annotation"
                    f"{'s' if report.total != 1 else ''} on it, {report.counts()}")

        self.rebuild(documents, index, self._cursors(), greeting)

    # --- open and close -------------------------------------------------------------------

    def action_open_document(self: ReaderScreen) -> None:
        if len(self.documents) >= MAX_DOCUMENTS:
            self.say(f"The reader shows at most {MAX_DOCUMENTS} documents: close one first "
                     f"({self.key_for('close_pane')} closes the current pane)", "warning")
            return
        opened: list[Document] = []

        def open_(source: str) -> str | None:
            local = None if is_url(source) else str(Path(source).resolve())
            for pane in self.panes:
                if pane.document.path in (source, local):
                    return f"{one_line(pane.document.name, 60)} is open in pane {pane.index + 1}"
            try:
                opened.append(self.open_source(source))
            except SidelightError as err:
                # This prompt takes no options: the command line's --encoding is what reads
                # every document, so the hint says where to give it.
                return str(err).replace("pass --encoding", "start sidelight with --encoding")
            return None

        def done(_: None) -> None:
            if not opened:
                self.pane.view.focus()
                return
            doc = opened[0]
            documents = [*self.documents, doc]
            n = len(documents)
            self.rebuild(documents, n - 1, self._cursors(),
                         lambda _screen: f"Opened {one_line(doc.name, 60)} in pane {n}")

        from sidelight.tui.screens.open_dialog import OpenDialog  # not for the first screen

        n = len(self.documents) + 1
        self.app.push_screen(OpenDialog(open_, f"Open a document into pane {n}"), done)

    def action_close_pane(self: ReaderScreen) -> None:
        if len(self.documents) < 2:
            self.say(f"The only document stays open ({self.key_for('quit')} quits)")
            return
        pane = self.pane
        index = pane.index
        documents = [d for i, d in enumerate(self.documents) if i != index]
        cursors = {i - (i > index): c for i, c in self._cursors().items() if i != index}
        name = pane.document.name
        self.rebuild(documents, max(0, index - 1), cursors,
                     lambda _screen: f"Closed {one_line(name, 60)}; its annotations stay in "
                                     "the store")
