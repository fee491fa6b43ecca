"""Pure helpers that turn annotations, entities and searches into spans and cursor targets.

Offsets are code points into ``Document.text``; spans are ``(start, end, style)`` with
``end`` exclusive, the shape ``DocumentView.set_layer`` takes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation, Target

Span = tuple[int, int, str]
# A place to step to: an offset, or a (pane, offset) pair when the steps cross panes.
Place = TypeVar("Place", int, tuple[int, int])


class EntityLike(Protocol):
    start: int
    end: int
    label: str
    text: str
    key: str


def targets_on(ann: Annotation, doc: Document) -> list[Target]:
    """The anchored (non-orphan) ranged targets of ``ann`` that point into ``doc``."""
    out = []
    for t in ann.targets:
        if t.orphan or not t.has_range:
            continue
        if t.source != doc.path and t.fingerprint != doc.fingerprint:
            continue
        assert t.start is not None and t.end is not None
        if 0 <= t.start < t.end <= len(doc.text):
            out.append(t)
    return out


def ranges_on(anns: Iterable[Annotation], doc: Document) -> list[tuple[int, int, Annotation]]:
    """Every drawn range of ``anns`` in ``doc``, sorted by start then by length (longest first)."""
    out = [
        (t.start, t.end, ann)
        for ann in anns
        for t in targets_on(ann, doc)
        if t.start is not None and t.end is not None
    ]
    out.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    return out


def annotation_at(anns: Iterable[Annotation], doc: Document, offset: int) -> Annotation | None:
    """The innermost annotation whose range in ``doc`` holds ``offset``."""
    return innermost(ranges_on(anns, doc), offset)


def innermost(ranges: Sequence[tuple[int, int, Annotation]], offset: int) -> Annotation | None:
    """The annotation of the shortest of ``ranges`` (as ``ranges_on`` sorts them) that holds
    ``offset``."""
    best: tuple[int, Annotation] | None = None
    for s, e, ann in ranges:
        if s > offset:
            break  # sorted by start: no later range holds it
        if offset < e and (best is None or e - s < best[0]):
            best = (e - s, ann)
    return best[1] if best else None


def step(starts: Sequence[int], offset: int, forward: bool) -> tuple[int, bool] | None:
    """The next start after ``offset`` (or the previous one before it), wrapping around.

    ``starts`` must be sorted. Returns ``(start, wrapped)`` or None when ``starts`` is empty.
    """
    if not starts:
        return None
    if forward:
        i = bisect.bisect_right(starts, offset)
        return (starts[i], False) if i < len(starts) else (starts[0], True)
    i = bisect.bisect_left(starts, offset) - 1
    return (starts[i], False) if i >= 0 else (starts[-1], True)


def step_index(
    starts: Sequence[Place], offset: Place, forward: bool, current: int | None = None
) -> tuple[int, bool] | None:
    """As ``step``, but as an index into ``starts`` (sorted, repeats allowed), so that items
    sharing a start are visited one by one: ``current`` is the item last visited, used when
    the cursor is still on its start. Returns ``(index, wrapped)``. Starts may be offsets or
    ``(pane, offset)`` pairs, compared in order."""
    if not starts:
        return None
    n = len(starts)
    if current is not None and 0 <= current < n and starts[current] == offset:
        nxt = current + 1 if forward else current - 1
        return nxt % n, not 0 <= nxt < n
    if forward:
        i = bisect.bisect_right(starts, offset)
        return (i, False) if i < n else (0, True)
    i = bisect.bisect_left(starts, offset) - 1
    return (i, False) if i >= 0 else (n - 1, True)


def smartcase_flags(query: str) -> int:
    """Case-insensitive unless the query has a capital letter (as vim's smartcase)."""
    return 0 if any(c.isupper() for c in query) else re.IGNORECASE


def find_all(text: str, query: str, limit: int = 100_000) -> list[tuple[int, int]]:
    """Non-overlapping hits of the literal ``query`` in ``text``."""
    if not query:
        return []
    hits = []
    for m in re.finditer(re.escape(query), text, smartcase_flags(query)):
        hits.append((m.start(), m.end()))
        if len(hits) >= limit:
            break
    return hits


def entity_spans(
    entities: Iterable[EntityLike], hidden: set[str], style_of: Callable[[str], str]
) -> list[Span]:
    return [(e.start, e.end, style_of(e.label)) for e in entities if e.label not in hidden]


def entity_at(entities: Sequence[EntityLike], offset: int) -> EntityLike | None:
    """The entity whose range holds ``offset``; ``entities`` sorted by start."""
    starts = [e.start for e in entities]
    i = bisect.bisect_right(starts, offset) - 1
    # Entities rarely nest, so the holder is among the last few that start before offset.
    for j in range(i, max(-1, i - 16), -1):
        ent = entities[j]
        if ent.start <= offset < ent.end:
            return ent
    return None


def clamp(offset: int, text: str) -> int:
    return max(0, min(offset, max(0, len(text) - 1)))
