"""Export from the reader: ``x`` asks for a file and writes the Markdown export of the open
documents and their annotations."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotations.errors import SidelightError
from annotations.output_files import write_text
from tui.screens.export_dialog import ExportDialog

if TYPE_CHECKING:
    from tui.screens.reader import ReaderScreen


class Exporting:
    def action_export(self: ReaderScreen) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                n = len(self.all_annotations())
                self.say(f"Exported {n} annotation{'s' if n != 1 else ''} to {path}")
            self.pane.view.focus()

        self.app.push_screen(ExportDialog(self.export_to), done)

    def export_to(self: ReaderScreen, path: Path) -> str | None:
        """Write the Markdown export to ``path``; None, or a one-line error."""
        from annotations.export_markdown import export_markdown
        from annotations.managed_region import is_managed, update, wrap

        try:
            text = export_markdown(self.documents, self.all_annotations())
            existing = _read_existing(path)
            if existing is not None and is_managed(existing):
                # An export written before: only sidelight's part changes.
                text = update(existing, text).text
            else:
                text = wrap(text)
            # The dialog has asked before replacing an existing file.
            write_text(path, text, replace=True)
        except (SidelightError, ValueError) as err:
            return str(err)
        return None


def _read_existing(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > 64 * 1024 * 1024:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
