"""The open dialog: a path (or web address) to open into a new pane, with Tab completing
file and folder names as a shell does; a web address is fetched in the background."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Input, Static

from sidelight.annotations.documents import is_url
from sidelight.tui.safe_text import one_line

HELP = "tab completes · enter opens · escape cancels"


def path_choices(value: str, cwd: Path | None = None) -> list[str]:
    """The names in ``value``'s directory that start with its last part (hidden ones only
    when that part starts with a dot), sorted; folders end in ``/``."""
    if not value or is_url(value):
        return []
    head, typed = os.path.split(os.path.expanduser(value))
    folder = Path(head) if head else (cwd or Path.cwd())
    if not folder.is_absolute() and cwd is not None:
        folder = cwd / folder
    try:
        return sorted(e.name + ("/" if e.is_dir() else "") for e in os.scandir(folder)
                      if e.name.startswith(typed)
                      and (typed.startswith(".") or not e.name.startswith(".")))
    except OSError:
        return []


def complete_path(value: str, cwd: Path | None = None) -> str | None:
    """``value`` completed to the longest name its directory's entries share (a folder gets a
    ``/``); None when nothing matches or there is nothing to add. Hidden entries only when
    the typed name starts with a dot."""
    if not value or is_url(value):
        return None
    expanded = os.path.expanduser(value)
    head, typed = os.path.split(expanded)
    folder = Path(head) if head else (cwd or Path.cwd())
    if not folder.is_absolute() and cwd is not None:
        folder = cwd / folder
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.startswith(typed) and (typed.startswith(".")
                                                        or not e.name.startswith(".")))
    except OSError:
        return None
    if not names:
        return None
    common = os.path.commonprefix(names)  # noqa: RUF071 -- names share characters, not folders
    if len(names) == 1 and (folder / common).is_dir():
        common += "/"
    if len(common) <= len(typed):
        return None
    # Keep what the user typed (a ~ stays a ~); add only the completed part.
    return value + common[len(typed):]


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class OpenDialog(ModalScreen[None]):
    """``open(source)`` opens the document and returns None, or a one-line error shown in the
    dialog (which stays open to correct the path).

    A web address is fetched in a worker thread: the dialog says what it is fetching and for
    how long, keeps answering keys (``Escape`` gives up waiting), and shows why a page could
    not be fetched. Files are read at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sidelight.open_cancel"),
        # Not a priority binding: tab must queue behind the characters typed (or pasted)
        # before it, or it would complete what the field held a moment earlier and drop them.
        Binding("tab", "complete", "Complete the file name", id="sidelight.open_complete"),
    ]

    def __init__(self, open_source: Callable[[str], str | None], title: str) -> None:
        super().__init__()
        self._open = open_source
        self._title = title
        # The address being fetched and since when; None when nothing is.
        self._fetching: tuple[str, float] | None = None
        self._ticker: Timer | None = None

    @property
    def fetching(self) -> bool:
        return self._fetching is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog", classes="dialog"):
            yield Static(one_line(self._title, 200), markup=False)
            yield Input(id="open-path", placeholder="path of a .txt, .md or .html file, or "
                        "a web address", suggester=PathSuggester())
            yield Static(HELP, id="open-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_complete(self) -> None:
        if self.fetching:
            return
        field = self.query_one(Input)
        completed = complete_path(field.value)
        if completed is not None:
            field.value = completed
            field.cursor_position = len(completed)
            return
        choices = path_choices(field.value)
        if len(choices) > 1:
            # Nothing more they all share: show what there is to choose from.
            shown = "  ".join(choices[:8]) + ("  …" if len(choices) > 8 else "")
            self._show(f"{len(choices)} choices: {shown}")
        elif not choices:
            self._show("no file or folder starts so")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.fetching:
            return
        source = event.value.strip()
        if not source:
            self._show("type a path, or escape to cancel")
            return
        if is_url(source):
            self._start_fetch(source)
            return
        error = self._open(os.path.expanduser(source))
        if error is None:
            self.dismiss(None)
        else:
            self._show(error)

    def _start_fetch(self, url: str) -> None:
        self._fetching = (url, time.monotonic())
        self.query_one(Input).disabled = True
        self._tick()
        self._ticker = self.set_interval(0.2, self._tick)
        self._fetch(url)

    @work(thread=True, exclusive=True, group="open-fetch")
    def _fetch(self, url: str) -> None:
        try:
            error = self._open(url)
        except Exception as err:  # a bug of ours must not leave the dialog waiting forever
            error = f"{url}: unexpected error ({type(err).__name__}: {err})"
        self.app.call_from_thread(self._fetched, url, error)

    def _fetched(self, url: str, error: str | None) -> None:
        if self._fetching is None or self._fetching[0] != url or not self.is_attached:
            return  # given up on (escape) before it came
        self._stop_fetching()
        if error is None:
            self.dismiss(None)
            return
        field = self.query_one(Input)
        field.disabled = False
        field.focus()
        self._show(error)

    def _tick(self) -> None:
        if self._fetching is not None:
            url, since = self._fetching
            self._show(f"fetching {one_line(url, 120)} … {time.monotonic() - since:.1f} s "
                       "(escape stops waiting)")

    def _stop_fetching(self) -> None:
        self._fetching = None
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def _show(self, error: str) -> None:
        self.query_one("#open-help", Static).update(one_line(error, 300))

    def action_cancel(self) -> None:
        # A fetch under way cannot be interrupted; its result is dropped when it comes.
        self._stop_fetching()
        self.dismiss(None)
