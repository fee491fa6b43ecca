"""The message log: every message of this session in full, newest last, a key away."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sidelight.tui.widgets.status import SEVERITY_STYLE


class MessageLog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,m", "close", "Close the messages", id="sidelight.messages_close"),
    ]

    def __init__(self, messages: Sequence[tuple[str, str, str]]) -> None:
        """``messages``: (time, severity, text), oldest first."""
        super().__init__()
        self._messages = list(messages)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="messages-dialog", classes="dialog"):
            yield Static(Text("Messages", style="bold"), id="messages-title")
            body = Text()
            for when, severity, message in self._messages:
                body.append(f"{when} ", style="dim")
                body.append(message + "\n", style=SEVERITY_STYLE.get(severity, ""))
            if not self._messages:
                body.append("No messages yet.")
            yield Static(body, id="messages-body")
            yield Static(Text("escape closes", style="italic"))

    def on_mount(self) -> None:
        self.query_one("#messages-dialog", VerticalScroll).scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
