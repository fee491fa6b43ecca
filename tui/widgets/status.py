"""The status line: where the cursor is, the mode, the last message, background progress."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from sidelight.tui.safe_text import one_line
from sidelight.tui.widgets.mounting import fill_once

SEVERITY_STYLE = {"information": "", "warning": "bold", "error": "bold reverse"}
# The message is what answers the last key; on a narrow terminal the file name and the
# progress give way so that at least this many columns are left for it.
MESSAGE_ROOM = 40


def fit_status(width: int, mode: str, position: str, short_position: str,
               progress: str) -> tuple[str, bool]:
    """The position to show and whether the progress is shown, leaving the message room.

    Each part is drawn with a column of padding either side (the mode is padded in its text).
    """
    def room(pos: str, with_progress: bool) -> int:
        used = cell_len(mode) + cell_len(pos) + 2 + 2
        if with_progress and progress:
            used += cell_len(progress) + 2
        return width - used

    for pos, with_progress in ((position, True), (short_position, True),
                               (short_position, False)):
        if room(pos, with_progress) >= MESSAGE_ROOM:
            return pos, with_progress
    return short_position, False


def restate(widget: Static, content: Text | str, *, fixed_width: bool = False) -> None:
    """Show ``content`` in ``widget``. The screen is laid out again only when the text's
    width changed and the widget's width follows it (not ``fixed_width``): a layout redraws
    every widget on the screen, which a keystroke's message must not cost."""
    old = widget.content
    if type(old) is type(content) and old == content:
        return
    same = fixed_width or _cells(old) == _cells(content)
    widget.update(content, layout=not same)


def _cells(content: object) -> int:
    return cell_len(content.plain if isinstance(content, Text) else str(content))


class StatusLine(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message = ""
        self._mode = ""
        self._position = ""
        self._short_position = ""
        self._progress = ""
        # Mounted in the frame after the first one, which shows the documents' text; they
        # hold what they show meanwhile.
        self._parts = {name: Static("", id=f"status-{name}", markup=False)
                       for name in ("mode", "position", "message", "progress")}

    def compose(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.call_after_refresh(fill_once, self, *self._parts.values())

    def set_mode(self, mode: str, color: str = "") -> None:
        text = Text(f" {mode} ", style="bold reverse")
        if color:
            text.append(f" {color} ")
        self._mode = text.plain
        restate(self._parts["mode"], text)
        self._fit()

    def set_position(self, position: str, short: str | None = None) -> None:
        """``short`` (e.g. without the file name) is shown when the line is narrow."""
        self._position = position
        self._short_position = short if short is not None else position
        self._fit()

    def show_message(self, message: str, severity: str = "information") -> None:
        self._message = one_line(message, 300)
        restate(self._parts["message"],
                Text(self._message, style=SEVERITY_STYLE.get(severity, "")), fixed_width=True)

    @property
    def message(self) -> str:
        return self._message

    def fits(self, message: str) -> bool:
        """Whether ``message`` is shown whole (true until the screen has a size)."""
        width = self._parts["message"].size.width or self._message_room()
        return width <= 0 or cell_len(one_line(message, 300)) <= width

    def _message_room(self) -> int:
        """The message's width once laid out: before its parts are mounted (they come after
        the first frame), what ``fit_status`` leaves it."""
        width = self.size.width or self.app.size.width
        position, with_progress = fit_status(width, self._mode, self._position,
                                             self._short_position, self._progress)
        used = cell_len(self._mode) + cell_len(position) + 2 + 2
        if with_progress and self._progress:
            used += cell_len(self._progress) + 2
        return width - used

    def set_progress(self, progress: str) -> None:
        self._progress = progress
        restate(self._parts["progress"], progress)
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.size.width or self.app.size.width
        position, with_progress = fit_status(width, self._mode, self._position,
                                             self._short_position, self._progress)
        restate(self._parts["position"], position)
        self._parts["progress"].display = with_progress
