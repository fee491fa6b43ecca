"""Export from the reader: ``x`` asks what (the notes in Markdown, the comparison report,
or the annotations as W3C JSON-LD), then for a file, and writes it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sidelight.annotations.errors import SidelightError
from sidelight.annotations.output_files import write_text

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class Exporting:
    def action_export(self: ReaderScreen) -> None:
        from sidelight.tui.screens.export_dialog import ExportChoice  # not for the first screen

        def chosen(kind: str | None) -> None:
            if kind is None:
                self.pane.view.focus()
            elif kind == "comparison":
                self._export_comparison()
            elif kind == "jsonld":
                self._export_with(self.export_jsonld, "sidelight-annotations.jsonld",
                                  "Export the annotations as W3C Web Annotation JSON-LD",
                                  "the .jsonld file", "annotations")
            else:
                self._export_with(self.export_to, "sidelight-notes.md",
                                  "Export highlights and notes to Markdown",
                                  "the Markdown file", "annotations", in_place=True)

        self.app.push_screen(ExportChoice(), chosen)

    def _export_with(self: ReaderScreen, write: Callable[[Path], str | None], default: str,
                     title: str, what: str, counted: str, in_place: bool = False) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                if counted == "annotations":
                    n = len(self.all_annotations())
                    update = getattr(self, "_export_update", "") if in_place else ""
                    self.say(f"Exported {n} annotation{'s' if n != 1 else ''} to {path}"
                             + (f": {update}" if update else ""))
                else:
                    self.say(f"Exported the comparison of {len(self.documents)} documents to "
                             f"{path}")
            self.pane.view.focus()

        from sidelight.tui.screens.export_dialog import ExportDialog

        self.app.push_screen(
            ExportDialog(write, default, title, what, updates_in_place=in_place), done
        )

    def _export_comparison(self: ReaderScreen) -> None:
        if self._compared() is None:
            self.pane.view.focus()
            return
        self._export_with(self.export_comparison, "sidelight-comparison.md",
                          "Export the comparison report to Markdown", "the Markdown file",
                          "comparison")

    def export_comparison(self: ReaderScreen, path: Path) -> str | None:
        """Write the comparison report (as ``sidelight compare`` does) to ``path``."""
        from sidelight.annotations.comparison.report import render_markdown
        from sidelight.tui.safe_text import printable

        if self.comparison is None:
            return self.compare_note
        # The comparing process sees the documents only; the link notes are the reader's, as
        # they stand now (made after the comparison, or edited since), as `compare` reads them.
        links = sorted((a for a in self.all_annotations() if a.kind == "link"),
                       key=lambda a: a.created)
        comparison = dataclasses.replace(self.comparison, links=tuple(links))
        try:
            write_text(path, printable(render_markdown(comparison)), replace=True)
        except SidelightError as err:
            return str(err)
        return None

    def export_jsonld(self: ReaderScreen, path: Path) -> str | None:
        """Write the annotations as a W3C ``AnnotationCollection`` (as ``export --format
        json`` does) to ``path``."""
        import json

        from sidelight.annotations.w3c import to_w3c_collection

        try:
            collection = to_w3c_collection(self.all_annotations(), self.documents)
            write_text(path, json.dumps(collection, indent=2, ensure_ascii=True) + "\n",
                       replace=True)
        except SidelightError as err:
            return str(err)
        return None

    def export_to(self: ReaderScreen, path: Path) -> str | None:
        """Write the Markdown export to ``path``; None, or a one-line error."""
        from sidelight.annotations.export_markdown import export_markdown
        from sidelight.annotations.managed_region import is_managed, update, wrap

        try:
            text = export_markdown(self.documents, self.all_annotations())
            existing = _read_existing(path)
            self._export_update = ""
            if existing is not None and is_managed(existing):
                # An export written before: only sidelight's part changes.
                result = update(existing, text)
                text = result.text
                self._export_update = result.summary()
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
