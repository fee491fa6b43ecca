"""One document in the reader: a title line over a ``DocumentView``.

The pane holds what is drawn over its document (annotations, entities, search hits,
comparison marks in the gutter, a link being made) and turns it into the view's layers; the
reader screen decides what to hold.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from sidelight.annotations.documents import Document
from sidelight.annotations.model import COLORS, Annotation
from sidelight.tui.colors import (
    COMPARE_GLYPHS,
    CURRENT_SEARCH_STYLE,
    PENDING_LINK_STYLE,
    SEARCH_STYLE,
    Palette,
)
from sidelight.tui.marks import (
    EntityLike,
    entity_at,
    entity_spans,
    innermost,
    ranges_on,
    targets_on,
)
from sidelight.tui.safe_text import one_line
from sidelight.tui.view import DocumentView
from sidelight.tui.widgets.mounting import fill_once
from sidelight.tui.widgets.status import restate

# The view's layer for each kind of annotation drawn in the text.
_LAYERS: dict[str, str] = {"highlights": "highlight", "links": "link"}
_KIND_LAYER: dict[str, str] = {kind: layer for layer, kind in _LAYERS.items()}

# Which sentence's mark a shared screen row shows: the most telling kind.
GUTTER_ORDER: tuple[str, ...] = ("differs", "similar", "same", "unique")


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
                str(i), f"screen.set_color('{name}')",
                f"Colour {name}: the annotation under the cursor, else new highlights",
                show=False, id=f"sidelight.color_{name}",
            )
            for i, name in enumerate(COLORS, 1)
        ),
        _b("V", "select_sentence", "Select the sentence under the cursor (again: its paragraph)"),
        _b("t", "edit_tags", "Tags of the annotation under the cursor"),
        _b("d", "delete", "Delete the annotation under the cursor"),
        _b("right_square_bracket", "next_annotation", "Next annotation"),
        _b("left_square_bracket", "previous_annotation", "Previous annotation"),
        _b("right_parenthesis", "next_entity", "Next entity"),
        _b("left_parenthesis", "previous_entity", "Previous entity"),
        _b("asterisk", "next_mention", "Next mention of the entity under the cursor"),
        _b("number_sign", "previous_mention", "Previous mention of the entity under the cursor"),
        _b("n", "search_next", "Next search hit"),
        _b("N", "search_previous", "Previous search hit"),
        _b("equals_sign", "counterpart", "Show where the other sources tell this sentence"),
        _b("greater_than_sign", "next_difference", "Next difference from another source"),
        _b("less_than_sign", "previous_difference", "Previous difference from another source"),
        _b("U", "next_unique", "Next passage only this source tells"),
        Binding("l", "screen.link", "Link", show=True, id="sidelight.link",
                tooltip="Link note: l on a selection, then l on a selection in another pane"),
    ]

    def __init__(self, document: Document, index: int, *, last: bool = False) -> None:
        super().__init__(id=f"pane-{index}", classes="pane last-pane" if last else "pane")
        self.document = document
        self.index = index
        self.annotations: list[Annotation] = []
        self._by_id: dict[str, Annotation] = {}
        self._order: dict[str, int] = {}  # id -> place in the store's order
        self._next_order = 0
        self._orphans = 0
        self.drawn = False  # True once show_annotations drew this pane's annotations
        self._ranges: list[tuple[int, int, Annotation]] | None = None
        self._starts: list[int] | None = None
        self.entities: list[EntityLike] = []
        self.hits: list[tuple[int, int]] = []
        self._meta = Static("", classes="pane-meta", markup=False)

    def compose(self) -> ComposeResult:
        # The title line's text is mounted in the frame after the first one, which shows the
        # document's text; its line is kept for it.
        yield Horizontal(classes="pane-title")
        yield DocumentView(self.document, id=f"view-{self.index}")

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill_title)

    def _fill_title(self) -> None:
        # The title's text (the language is detected for it) is made after the first frame too.
        fill_once(self.query_one(".pane-title"),
                  Static(self.title_text(), classes="pane-name", markup=False), self._meta)

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def title_text(self) -> Text:
        """Number, language and title. The language is its code, before the title: a long
        title is what gets cut short."""
        text = Text(f"{self.index + 1} ", style="bold")
        text.append(f"{self.language_tag} ", style="italic")
        text.append(one_line(self.document.title, 200), style="bold")
        return text

    @property
    def language_tag(self) -> str:
        return self.language.upper() if self.language != "und" else "??"

    @functools.cached_property
    def language(self) -> str:
        """The document's language code: given (``--lang``, front matter, the page's own
        declaration) or detected from its text."""
        # Imported for the title, which is made after the first frame, not for the text.
        from sidelight.annotations.language import document_language

        return document_language(self.document)

    def meta_text(self) -> Text:
        """Date and annotation count, kept in view when a long title is cut short."""
        doc = self.document
        parts = []
        if doc.web is not None and doc.web.site_name:
            parts.append(one_line(doc.web.site_name, 40))
        if doc.date:
            parts.append(one_line(doc.date, 40))
        if doc.web is not None and doc.web.fetched:
            parts.append("fetched " + one_line(doc.web.fetched[:16].replace("T", " "), 20))
        if doc.empty:
            parts.append("empty document")
        else:
            n = len(self.annotations)
            count = f"{n} annotation{'s' if n != 1 else ''}"
            orphans = self._orphans
            if orphans:
                count += f" ({orphans} orphaned)"
            parts.append(count)
        return Text(" · ".join(parts), style="italic")

    def refresh_title(self) -> None:
        restate(self._meta, self.meta_text())

    # --- layers -------------------------------------------------------------------------

    def show_annotations(self, annotations: Sequence[Annotation], palette: Palette) -> None:
        """Draw these annotations (all of them, replacing what was drawn)."""
        self.drawn = True
        self._ranges = self._starts = None
        self._by_id = {a.id: a for a in annotations}
        self.annotations = list(self._by_id.values())
        self._order = {a.id: i for i, a in enumerate(self.annotations)}
        self._next_order = len(self.annotations)
        self._orphans = sum(1 for a in self.annotations if a.orphan)
        view = self.view
        for layer, kind in _LAYERS.items():
            keyed = [(key, span) for a in self.annotations if a.kind == kind
                     for key, span in self._spans(a, palette)]
            view.set_layer(layer, [span for _k, span in keyed], [k for k, _span in keyed])
        self.refresh_title()

    def change_annotations(self, changed: Mapping[str, Annotation | None],
                           palette: Palette) -> list[tuple[Annotation | None, Annotation | None]]:
        """Draw the changes in ``changed`` (id to the annotation as it is now, None when it
        is gone from this document): costs what changed, however many are drawn.
        Returns (before, after) for each id that changed here."""
        done: list[tuple[Annotation | None, Annotation | None]] = []
        remove: dict[str, list[Hashable]] = {layer: [] for layer in _LAYERS}
        add: dict[str, list[tuple[Hashable, tuple[int, int, str]]]] = {
            layer: [] for layer in _LAYERS}
        by_id = self._by_id
        for id, ann in changed.items():
            old = by_id.get(id)
            if old is ann or (old is None and ann is None):
                continue
            if old is not None:
                self._orphans -= old.orphan
                if old.kind in _KIND_LAYER:
                    remove[_KIND_LAYER[old.kind]].extend(k for k, _s in self._spans(old, palette))
            if ann is None:
                del by_id[id]
                del self._order[id]
            else:
                by_id[id] = ann  # an edited record keeps its place, as in the store
                if id not in self._order:
                    self._order[id] = self._next_order
                    self._next_order += 1
                self._orphans += ann.orphan
                if ann.kind in _KIND_LAYER:
                    add[_KIND_LAYER[ann.kind]].extend(self._spans(ann, palette))
            done.append((old, ann))
        if not done:
            return done
        self._ranges = self._starts = None
        self.annotations = list(by_id.values())
        view = self.view
        for layer in _LAYERS:
            if remove[layer] or add[layer]:
                view.patch_layer(layer, remove[layer], add[layer])
        self.refresh_title()
        return done

    def order_of(self, ann: Annotation) -> int:
        """Where ``ann`` stands among this pane's annotations (the store's order): what
        breaks ties between annotations at the same place."""
        return self._order.get(ann.id, self._next_order)

    def _spans(self, ann: Annotation,
               palette: Palette) -> list[tuple[Hashable, tuple[int, int, str]]]:
        """Keyed spans of one annotation: keys sort longer ranges first where ranges start
        together (a short highlight inside a long one is drawn on top), then in store order."""
        style = palette.link(ann.relation) if ann.kind == "link" else palette.highlight(ann.color)
        order = self.order_of(ann)
        return [((t.start, t.start - t.end, order, j), (t.start, t.end, style))  # type: ignore[operator]
                for j, t in enumerate(targets_on(ann, self.document))]

    def show_pending_link(self, span: tuple[int, int] | None) -> None:
        """The first passage of a link being made, until the second is chosen."""
        if span is None:
            self.view.clear_layer("link-pending")
        else:
            self.view.set_layer("link-pending", [(span[0], span[1], PENDING_LINK_STYLE)])

    def show_compare_marks(self, marks: Sequence[tuple[int, int, str]], palette: Palette) -> None:
        """One gutter mark per sentence: its kind as a glyph in the kind's colour.

        A screen row shows one mark, the first listed of those on it; marks are listed most
        telling first (differs, similar, same, unique) so that a sentence which differs keeps
        its glyph when it starts beside a sentence of another kind."""
        rank = {kind: i for i, kind in enumerate(GUTTER_ORDER)}
        ordered = sorted(marks, key=lambda m: (rank.get(m[2], len(rank)), m[0]))
        self.view.set_gutter(
            [(s, e, COMPARE_GLYPHS.get(kind, "?"), palette.compare_mark(kind))
             for s, e, kind in ordered]
        )

    def show_compare_tint(self, spans: Sequence[tuple[int, int]], palette: Palette) -> None:
        """The sentence being compared (or its counterpart), tinted."""
        if spans:
            style = palette.compare_tint()
            self.view.set_layer("compare", [(s, e, style) for s, e in spans])
        else:
            self.view.clear_layer("compare")

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
        return innermost(self.ranges(), self.view.cursor)

    def ranges(self) -> list[tuple[int, int, Annotation]]:
        """Where this pane's annotations are drawn, sorted as ``ranges_on`` sorts them; kept
        until they change, so that keys stepping through them cost a look-up."""
        if self._ranges is None:
            self._ranges = ranges_on(self.annotations, self.document)
        return self._ranges

    def annotation_starts(self) -> list[int]:
        """The distinct offsets where annotations start, in order (kept as ``ranges``)."""
        if self._starts is None:
            self._starts = sorted({s for s, _e, _a in self.ranges()})
        return self._starts

    def entity_under_cursor(self) -> EntityLike | None:
        return entity_at(self.entities, self.view.cursor)
