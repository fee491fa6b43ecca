"""A one-line prompt: a title, a field, and a one-line help that shows errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sidelight.tui.safe_text import one_line


class Prompt(ModalScreen[None]):
    """``submit(value)`` returns None when done (the prompt closes), else an error to show."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sidelight.prompt_cancel"),
    ]

    def __init__(self, title: str, value: str, submit: Callable[[str], str | None],
                 help_text: str, placeholder: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value
        self._submit = submit
        self._help = help_text
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog", classes="dialog"):
            yield Static(one_line(self._title, 200), markup=False)
            yield Input(self._value, id="prompt-value", placeholder=self._placeholder)
            yield Static(one_line(self._help, 200), id="prompt-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self._submit(event.value)
        if error is None:
            self.dismiss(None)
        else:
            self.query_one("#prompt-help", Static).update(one_line(error, 300))

    def action_cancel(self) -> None:
        self.dismiss(None)
