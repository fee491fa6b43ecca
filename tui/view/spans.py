"""Layers of styled spans over a document, merged per row into Rich segments.

A layer is a named list of ``(start, end, style)`` spans (code-point offsets, rich style
strings). Layers are drawn in a fixed priority order; within a layer later spans win.
Spans are bucketed by offset so the spans of one row are found without scanning a layer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import Any

from rich.segment import Segment
from rich.style import Style

from sidelight.tui.view.cells import RowLayout

PRIORITY: tuple[str, ...] = (
    "markdown", "entities", "compare", "links", "", "highlights", "search", "selection", "cursor",
)
_UNKNOWN = PRIORITY.index("")
BUCKET = 2048

Span = tuple[int, int, str]
_first = itemgetter(0)


@lru_cache(maxsize=1024)
def parse_style(style: str) -> Style:
    """A Rich style from a style string; an unparsable string draws unstyled, not raises."""
    try:
        return Style.parse(style)
    except Exception:
        return Style.null()


@lru_cache(maxsize=4096)
def _combine(styles: tuple[Style, ...]) -> Style:
    return Style.combine(styles)


def layer_rank(name: str) -> int:
    try:
        return PRIORITY.index(name)
    except ValueError:
        return _UNKNOWN


class Layer:
    """One layer's spans, indexed by bucket of offsets.

    Spans are drawn in layer order: their list order, or the order of ``keys`` when the
    layer was given keys (then ``patch`` removes and adds spans by key, at the cost of the
    spans it touches: a removed span leaves a hole, an added one is appended)."""

    __slots__ = ("buckets", "in_order", "index_of", "keys", "rank", "spans")

    def __init__(self, name: str, spans: Iterable[Span],
                 keys: Iterable[Hashable] | None = None) -> None:
        self.rank = layer_rank(name)
        self.spans: list[tuple[int, int, Style] | None] = []
        self.keys: list[Any] | None = None
        self.index_of: dict[Hashable, int] = {}
        self.in_order = True  # span indices follow layer order (until a patch appends)
        self.buckets: dict[int, list[int]] = {}
        if keys is None:
            for s, e, st in spans:
                if e > s:
                    self._append(s, e, st)
        else:
            self.keys = []
            for key, (s, e, st) in sorted(zip(keys, spans, strict=True), key=_first):
                if e > s:
                    self.index_of[key] = len(self.spans)
                    self.keys.append(key)
                    self._append(s, e, st)

    def _append(self, s: int, e: int, style: str) -> None:
        index = len(self.spans)
        self.spans.append((s, e, parse_style(style)))
        buckets = self.buckets
        for b in range(s // BUCKET, (e - 1) // BUCKET + 1):
            bucket = buckets.get(b)
            if bucket is None:
                buckets[b] = [index]
            else:
                bucket.append(index)

    def patch(self, remove: Iterable[Hashable],
              add: Iterable[tuple[Hashable, Span]]) -> list[tuple[int, int]]:
        """Remove the spans with these keys and add keyed spans; returns the offset ranges
        they cover (where the layer may now draw differently). Only for a keyed layer."""
        assert self.keys is not None
        touched: list[tuple[int, int]] = []
        for key in remove:
            index = self.index_of.pop(key, None)
            if index is None:
                continue
            span = self.spans[index]
            assert span is not None
            s, e, _st = span
            for b in range(s // BUCKET, (e - 1) // BUCKET + 1):
                self.buckets[b].remove(index)
            self.spans[index] = None
            touched.append((s, e))
        for key, (s, e, st) in add:
            if e <= s or key in self.index_of:
                continue
            self.index_of[key] = len(self.spans)
            self.keys.append(key)
            self._append(s, e, st)
            self.in_order = False
            touched.append((s, e))
        return touched

    def overlapping_indices(self, start: int, end: int) -> list[int]:
        """Indices of spans overlapping ``[start, end)`` in layer order (for an empty range,
        the spans holding ``start``)."""
        found: set[int] = set()
        buckets = self.buckets
        for b in range(start // BUCKET, max(start, end - 1) // BUCKET + 1):
            found.update(buckets.get(b, ()))
        spans = self.spans
        hi = max(end, start + 1)
        ordered = sorted(found) if self.in_order else sorted(found, key=self.keys.__getitem__)  # type: ignore[union-attr]
        return [i for i in ordered if spans[i][0] < hi and spans[i][1] > start]  # type: ignore[index]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        spans = self.spans
        return [spans[i] for i in self.overlapping_indices(start, end)]  # type: ignore[misc]


class LayerSet:
    """All named layers of a view."""

    def __init__(self) -> None:
        self._layers: dict[str, Layer] = {}
        self._ordered: list[Layer] = []

    def set(self, name: str, spans: Sequence[Span],
            keys: Sequence[Hashable] | None = None) -> Layer | None:
        """Set a layer (keyed when ``keys`` are given, one per span); returns the layer it
        replaced."""
        old = self._layers.get(name)
        self._layers[name] = Layer(name, spans, keys)
        self._reorder()
        return old

    def patch(self, name: str, remove: Iterable[Hashable],
              add: Iterable[tuple[Hashable, Span]]) -> list[tuple[int, int]]:
        """Change a keyed layer span by span (see ``Layer.patch``); a layer not set yet is
        made keyed. Returns the offset ranges that may draw differently, merged."""
        layer = self._layers.get(name)
        if layer is None or layer.keys is None:
            added = list(add)
            self.set(name, [span for _k, span in added], [k for k, _span in added])
            return merge_ranges([(s, e) for _k, (s, e, _st) in added])
        return merge_ranges(layer.patch(remove, add))

    def clear(self, name: str) -> Layer | None:
        """Remove a layer; returns it (None if there was none)."""
        removed = self._layers.pop(name, None)
        self._reorder()
        return removed

    def get(self, name: str) -> Layer | None:
        return self._layers.get(name)

    def _reorder(self) -> None:
        self._ordered = sorted(self._layers.values(), key=lambda layer: layer.rank)

    def names(self) -> list[str]:
        return list(self._layers)

    def spans_in(self, start: int, end: int,
                 extra: Sequence[tuple[int, int, int, Style]] = ()) -> list[tuple[int, int, Style]]:
        """Every span over ``[start, end)`` from low to high priority; ``extra`` adds
        (rank, start, end, style) spans such as the selection and cursor."""
        if not self._ordered:
            return [x[1:] for x in sorted(extra, key=lambda x: x[0])] if extra else []
        out: list[tuple[int, int, Style]] = []
        extra_sorted = sorted(extra, key=lambda x: x[0])
        k = 0
        for layer in self._ordered:
            while k < len(extra_sorted) and extra_sorted[k][0] < layer.rank:
                out.append(extra_sorted[k][1:])
                k += 1
            out.extend(layer.overlapping(start, end))
        out.extend(x[1:] for x in extra_sorted[k:])
        return out


def changed_ranges(old: Layer | None, new: Layer | None,
                   limit: int = 4096) -> list[tuple[int, int]] | None:
    """Disjoint sorted offset ranges where two versions of a layer draw differently (the
    spans in one but not the other); None when more than ``limit`` spans changed, when
    redrawing everything is cheaper than finding them."""
    before = set(old.spans) if old is not None else set()
    after = set(new.spans) if new is not None else set()
    changed = before ^ after
    changed.discard(None)  # the holes removed spans leave
    if len(changed) > limit:
        return None
    return merge_ranges([(s, e) for s, e, _st in changed])  # type: ignore[misc]


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Disjoint sorted ranges covering the given ones."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def overlaps_any(ranges: Sequence[tuple[int, int]], starts: Sequence[int], start: int,
                 end: int) -> bool:
    """Whether ``[start, end)`` meets one of the disjoint sorted ``ranges`` (``starts`` are
    their start offsets)."""
    i = bisect_right(starts, max(start, end - 1)) - 1
    return i >= 0 and ranges[i][1] > start


def style_runs(start: int, end: int, spans: Sequence[tuple[int, int, Style]],
               base: Style) -> list[tuple[int, int, Style]]:
    """Cut ``[start, end)`` into runs of one combined style (relative offsets)."""
    if not spans:
        return [(0, end - start, base)]
    points = {start, end}
    for s, e, _st in spans:
        if s > start:
            points.add(min(s, end))
        if e < end:
            points.add(max(e, start))
    cuts = sorted(points)
    runs: list[tuple[int, int, Style]] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        active = tuple(st for s, e, st in spans if s <= a and e > a)
        style = _combine((base, *active)) if active else base
        if runs and runs[-1][2] == style and runs[-1][1] == a - start:
            runs[-1] = (runs[-1][0], b - start, style)
        else:
            runs.append((a - start, b - start, style))
    return runs


def row_pieces(layout: RowLayout, runs: Sequence[tuple[int, int, Style]],
               placeholder: Style) -> list[tuple[str, Style]]:
    """(drawn text, style) pieces drawing a row's units with the given runs (relative unit
    offsets); placeholders get the placeholder style on top of their run's."""
    drawn = layout.drawn
    pieces: list[tuple[str, Style]] = []
    append = pieces.append
    holders = layout.placeholders
    if not holders:
        for a, b, style in runs:
            piece = drawn[layout.drawn_index(a):layout.drawn_index(b)]
            if piece:
                append((piece, style))
        return pieces
    holder_set = set(holders)
    for a, b, style in runs:
        cut = a
        for i in range(a, b):
            if i in holder_set:
                if i > cut:
                    piece = drawn[layout.drawn_index(cut):layout.drawn_index(i)]
                    if piece:
                        append((piece, style))
                append((drawn[layout.drawn_index(i):layout.drawn_index(i + 1)],
                        _combine((style, placeholder))))
                cut = i + 1
        if cut < b:
            piece = drawn[layout.drawn_index(cut):layout.drawn_index(b)]
            if piece:
                append((piece, style))
    return pieces


def row_segments(layout: RowLayout, runs: Sequence[tuple[int, int, Style]],
                 placeholder: Style) -> list[Segment]:
    """Segments drawing a row's units with the given runs (relative unit offsets)."""
    return [Segment(text, style) for text, style in row_pieces(layout, runs, placeholder)]


def with_offsets(pieces: Iterable[tuple[str, Style]], x: int, y: int) -> list[Segment]:
    """Segments for pieces, each style carrying the ``offset`` meta of Textual's mouse
    selection, exactly as ``Strip.apply_offsets(x, y)`` adds it (without building the strip
    twice)."""
    segments: list[Segment] = []
    append = segments.append
    from_meta = Style.from_meta
    for text, style in pieces:
        offset_style = from_meta({"offset": (x, y)})
        append(Segment(text, style + offset_style if style else offset_style))
        x += len(text)
    return segments
