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
from textual.widgets import Button, Input, OptionList, Static

from sidelight.tui.safe_text import one_line

DEFAULT_EXPORT_NAME = "sidelight-notes.md"
# What the reader's x offers, in order.
EXPORT_KINDS: dict[str, str] = {
    "notes": "notes: highlights, notes and links (Markdown)",
    "comparison": "comparison report of the open documents (Markdown)",
    "jsonld": "annotations as W3C Web Annotation JSON-LD",
}


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

    def __init__(self, write: Callable[[Path], str | None], default: str = DEFAULT_EXPORT_NAME,
                 title: str = "Export highlights and notes to Markdown",
                 what: str = "the Markdown file", *, updates_in_place: bool = False):
        super().__init__()
        self._write = write
        self._default = default
        self._title = title
        self._what = what
        # The Markdown export updates sidelight's part of an export it wrote before.
        self._updates_in_place = updates_in_place

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(self._title, markup=False)
            yield Input(self._default, id="export-path", placeholder=f"path of {self._what}")
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
            self._tell(f"Give a path for {self._what}")
            return
        path = Path(raw).expanduser().absolute()
        if path.is_dir():
            self._tell(f"{one_line(str(path), 120)} is a directory; give a file name")
            return
        if path.exists() and not (self._updates_in_place and _managed_export(path)):
            self.app.push_screen(ConfirmOverwrite(path), lambda yes: self._confirmed(path, yes))
            return
        # A new file, or an export written before: only sidelight's part of it is updated,
        # the user's own text is kept, so there is nothing to confirm.
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


class ExportChoice(ModalScreen[str | None]):
    """What to export: dismisses with one of ``EXPORT_KINDS``' keys, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="sidelight.export_choice_cancel"),
        *(Binding(str(i), f"choose({i - 1})", label, show=False,
                  id=f"sidelight.export_choice_{kind}")
          for i, (kind, label) in enumerate(EXPORT_KINDS.items(), 1)),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-choice", classes="dialog"):
            yield Static("Export what?", markup=False)
            yield OptionList(*(f"{i} {label}" for i, label in
                               enumerate(EXPORT_KINDS.values(), 1)), id="export-kinds")
            yield Static("enter or a digit chooses · escape cancels", id="export-help",
                         markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option_index)

    def action_choose(self, index: int) -> None:
        kinds = list(EXPORT_KINDS)
        if 0 <= index < len(kinds):
            self.dismiss(kinds[index])

    def action_cancel(self) -> None:
        self.dismiss(None)


def _managed_export(path: Path) -> bool:
    """True when ``path`` is a Markdown export sidelight wrote (its part is updated in place)."""
    from sidelight.annotations.managed_region import is_managed

    try:
        if not path.is_file() or path.stat().st_size > 64 * 1024 * 1024:
            return False
        return is_managed(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
