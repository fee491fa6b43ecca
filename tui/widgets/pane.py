"""One document in the reader: a title line over a ``DocumentView``.

The pane holds what is drawn over its document (annotations, entities, search hits) and
turns it into the view's layers; the reader screen decides what to hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from annotations.documents import Document
from annotations.model import COLORS, Annotation
from tui.colors import CURRENT_SEARCH_STYLE, LINK_STYLE, SEARCH_STYLE, Palette
from tui.marks import EntityLike, annotation_at, annotation_spans, entity_at, entity_spans
from tui.safe_text import one_line
from tui.view import DocumentView


def _b(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    # Actions run on the reader screen, which knows every pane; ids make them remappable.
    return Binding(key, f"screen.{action}", description, show=show, id=f"sidelight.{action}")


class Pane(Vertical):
    """A document pane. Its bindings are active while its view has focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _b("h", "highlight", "Highlight", show=True),
        _b("a", "annotate", "Note", show=True),
        _b("A", "document_note", "Note on the document"),
        _b("c", "cycle_color", "Change colour of the annotation under the cursor"),
        *(
            Binding(
                str(i), f"screen.set_color('{name}')", f"Use {name} for new highlights",
                show=False, id=f"sidelight.color_{name}",
            )
            for i, name in enumerate(COLORS, 1)
        ),
        _b("d", "delete", "Delete the annotation under the cursor"),
        _b("right_square_bracket", "next_annotation", "Next annotation"),
        _b("left_square_bracket", "previous_annotation", "Previous annotation"),
        _b("right_parenthesis", "next_entity", "Next entity"),
        _b("left_parenthesis", "previous_entity", "Previous entity"),
        _b("asterisk", "next_mention", "Next mention of the entity under the cursor"),
        _b("number_sign", "previous_mention", "Previous mention of the entity under the cursor"),
        _b("n", "search_next", "Next search hit"),
        _b("N", "search_previous", "Previous search hit"),
    ]

    def __init__(self, document: Document, index: int) -> None:
        super().__init__(id=f"pane-{index}", classes="pane")
        self.document = document
        self.index = index
        self.annotations: list[Annotation] = []
        self.entities: list[EntityLike] = []
        self.hits: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-title"):
            yield Static(self.title_text(), classes="pane-name", markup=False)
            yield Static(self.meta_text(), classes="pane-meta", markup=False)
        yield DocumentView(self.document, id=f"view-{self.index}")

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def title_text(self) -> Text:
        text = Text(f"{self.index + 1} ", style="bold")
        text.append(one_line(self.document.title, 200), style="bold")
        return text

    def meta_text(self) -> Text:
        """Date and annotation count, kept in view when a long title is cut short."""
        doc = self.document
        parts = []
        if doc.date:
            parts.append(one_line(doc.date, 40))
        if doc.empty:
            parts.append("empty document")
        else:
            n = len(self.annotations)
            count = f"{n} annotation{'s' if n != 1 else ''}"
            orphans = sum(1 for a in self.annotations if a.orphan)
            if orphans:
                count += f" ({orphans} orphaned)"
            parts.append(count)
        return Text(" · ".join(parts), style="italic")

    def refresh_title(self) -> None:
        self.query_one(".pane-meta", Static).update(self.meta_text())

    # --- layers -------------------------------------------------------------------------

    def show_annotations(self, annotations: Sequence[Annotation], palette: Palette) -> None:
        self.annotations = list(annotations)
        view = self.view
        highlights = [a for a in self.annotations if a.kind == "highlight"]
        links = [a for a in self.annotations if a.kind == "link"]
        view.set_layer(
            "highlights",
            annotation_spans(highlights, self.document, lambda a: palette.highlight(a.color)),
        )
        view.set_layer("links", annotation_spans(links, self.document, lambda a: LINK_STYLE))
        self.refresh_title()

    def show_entities(
        self, entities: Sequence[EntityLike], hidden: set[str], palette: Palette
    ) -> None:
        self.entities = sorted(entities, key=lambda e: (e.start, -e.end))
        self.view.set_layer("entities", entity_spans(self.entities, hidden, palette.entity))

    def show_hits(self, hits: Sequence[tuple[int, int]], current: int | None = None) -> None:
        self.hits = list(hits)
        spans = [
            (s, e, CURRENT_SEARCH_STYLE if s == current else SEARCH_STYLE) for s, e in self.hits
        ]
        if spans:
            self.view.set_layer("search", spans)
        else:
            self.view.clear_layer("search")

    # --- what is under the cursor ------------------------------------------------------

    def annotation_under_cursor(self) -> Annotation | None:
        return annotation_at(self.annotations, self.document, self.view.cursor)

    def entity_under_cursor(self) -> EntityLike | None:
        return entity_at(self.entities, self.view.cursor)
