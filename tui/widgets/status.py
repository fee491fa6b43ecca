"""The status line: where the cursor is, the mode, the last message, background progress."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tui.safe_text import one_line

SEVERITY_STYLE = {"information": "", "warning": "bold", "error": "bold reverse"}


class StatusLine(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="status-mode", markup=False)
        yield Static("", id="status-position", markup=False)
        yield Static("", id="status-message", markup=False)
        yield Static("", id="status-progress", markup=False)

    def set_mode(self, mode: str, color: str = "") -> None:
        text = Text(f" {mode} ", style="bold reverse")
        if color:
            text.append(f" {color} ")
        self.query_one("#status-mode", Static).update(text)

    def set_position(self, position: str) -> None:
        self.query_one("#status-position", Static).update(position)

    def show_message(self, message: str, severity: str = "information") -> None:
        self._message = one_line(message, 300)
        self.query_one("#status-message", Static).update(
            Text(self._message, style=SEVERITY_STYLE.get(severity, ""))
        )

    @property
    def message(self) -> str:
        return self._message

    def set_progress(self, progress: str) -> None:
        self.query_one("#status-progress", Static).update(progress)
