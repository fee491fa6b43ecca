"""What the reader shows while it opens its documents: one line per document, saying whether
it is being fetched, has opened (with its title and outlet) or failed (and why), with the
time it has taken so far. Documents that fail do not stop the others."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import DocumentError
from sidelight.tui.safe_text import one_line

# Opens one source: returns its document or raises DocumentError.
Opener = Callable[[str], Document]


@dataclass
class _Row:
    source: str
    state: str = "waiting"  # waiting, opening, opened, failed
    detail: str = ""
    started: float = 0.0
    took: float = 0.0


class LoadingScreen(Screen[None]):
    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen > Vertical { width: 90%; height: auto; border: round $accent; padding: 1 2; }
    LoadingScreen #loading-title { text-style: bold; margin-bottom: 1; }
    """

    def __init__(self, sources: Sequence[str], opener: Opener,
                 done: Callable[[list[Document], list[str]], None]) -> None:
        super().__init__()
        self.rows = [_Row(s) for s in sources]
        self.opener = opener
        self.done = done

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Opening {len(self.rows)} document"
                         f"{'s' if len(self.rows) != 1 else ''}…", id="loading-title")
            yield Static(self._rows_text(), id="loading-rows", markup=False)

    def on_mount(self) -> None:
        self.set_interval(0.2, self._refresh_rows)
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        docs: list[Document] = []
        failures: list[str] = []
        for row in self.rows:
            row.state, row.started = "opening", time.monotonic()
            self.app.call_from_thread(self._refresh_rows)
            try:
                doc = self.opener(row.source)
            except DocumentError as err:
                row.state, row.detail = "failed", str(err)
                failures.append(str(err))
            except Exception as err:  # a bug of ours must not take the other documents down
                message = f"{row.source}: unexpected error ({type(err).__name__}: {err})"
                row.state, row.detail = "failed", message
                failures.append(message)
            else:
                web = doc.web
                row.state = "opened"
                row.detail = doc.title + (f" — {web.site_name}" if web and web.site_name else "")
                if web is not None and web.requested_url and web.final_url not in ("", doc.path):
                    row.detail += f" (redirected to {web.final_url})"
                docs.append(doc)
            row.took = time.monotonic() - row.started
            self.app.call_from_thread(self._refresh_rows)
        self.app.call_from_thread(self.done, docs, failures)

    def _refresh_rows(self) -> None:
        self.query_one("#loading-rows", Static).update(self._rows_text())

    def _rows_text(self) -> Text:
        text = Text()
        now = time.monotonic()
        for i, row in enumerate(self.rows):
            if i:
                text.append("\n")
            mark, style = {"waiting": ("·", "dim"), "opening": ("…", "bold"),
                           "opened": ("✓", "green"), "failed": ("✗", "red")}[row.state]
            text.append(f"{mark} ", style=style)
            text.append(one_line(row.source, 100))
            if row.state == "opening":
                text.append(f"  fetching or reading… {now - row.started:.1f} s", style="italic")
            elif row.state in ("opened", "failed"):
                text.append(f"  {row.took:.1f} s", style="dim")
                text.append(f"\n    {one_line(row.detail, 200)}",
                            style="red" if row.state == "failed" else "")
        return text
