"""The export dialog: asks for a path and refuses to overwrite a file without confirmation.

``write(path)`` does the export and returns None or a one-line error; on an error the
dialog stays open so the user can pick another path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.safe_text import one_line

DEFAULT_EXPORT_NAME = "sidelight-notes.md"


class ConfirmOverwrite(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Overwrite", id="sidelight.overwrite_yes"),
        Binding("n,escape", "answer(False)", "Keep the file", id="sidelight.overwrite_no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(
                f"{one_line(str(self._path), 200)} exists. Overwrite it?", markup=False
            )
            with Horizontal(classes="buttons"):
                yield Button("Overwrite (y)", id="yes", variant="error")
                yield Button("Keep it (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportDialog(ModalScreen[Path | None]):
    """Dismisses with the path written, or None when the user cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sidelight.export_cancel"),
    ]

    def __init__(self, write: Callable[[Path], str | None], default: str = DEFAULT_EXPORT_NAME):
        super().__init__()
        self._write = write
        self._default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static("Export highlights and notes to Markdown", markup=False)
            yield Input(self._default, id="export-path", placeholder="path of the .md file")
            yield Static(self._hint(), id="export-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @staticmethod
    def _hint() -> str:
        # A relative path lands in the directory sidelight was started from: say which.
        try:
            here = one_line(str(Path.cwd()), 80)
        except OSError:  # the start directory was removed meanwhile
            return "enter export · escape cancel"
        return f"enter export · escape cancel · a relative path is saved in {here}"

    def _tell(self, message: str) -> None:
        self.query_one("#export-help", Static).update(one_line(message, 300))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        if not raw:
            self._tell("Give a path for the Markdown file")
            return
        path = Path(raw).expanduser().absolute()
        if path.is_dir():
            self._tell(f"{one_line(str(path), 120)} is a directory; give a file name")
            return
        if path.exists():
            self.app.push_screen(ConfirmOverwrite(path), lambda yes: self._confirmed(path, yes))
            return
        self._export(path)

    def _confirmed(self, path: Path, yes: bool | None) -> None:
        if yes:
            self._export(path)
        else:
            self._tell("Not overwritten: choose another path, or press enter to be asked again")
            self.query_one(Input).focus()

    def _export(self, path: Path) -> None:
        error = self._write(path)
        if error:
            self._tell(f"Not exported: {error}")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
