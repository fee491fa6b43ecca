"""Filtering annotations by tag, colour and words, for the reader's list and ``notes``.

A filter query is words separated by spaces: ``#tag`` keeps annotations with that tag, a
colour name keeps annotations of that colour, any other word must occur (any case) in the
quote, the note, the relation or a tag. Every part must match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sidelight.annotations.model import COLORS, Annotation

_TAG_SPLIT = re.compile(r"[,\s]+")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as ``budget, follow-up #council``: split on commas and spaces, a leading
    ``#`` dropped, repeats dropped (first spelling kept)."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in _TAG_SPLIT.split(text):
        tag = raw.lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class AnnotationFilter:
    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.words or self.tags or self.colors)

    def describe(self) -> str:
        parts = [*(f"#{t}" for t in self.tags), *self.colors, *(f"“{w}”" for w in self.words)]
        return " ".join(parts)


def parse_filter(query: str) -> AnnotationFilter:
    words: list[str] = []
    tags: list[str] = []
    colors: list[str] = []
    for token in query.split():
        if token.startswith("#") and len(token) > 1:
            tags.append(token[1:])
        elif token.lower() in COLORS:
            colors.append(token.lower())
        else:
            words.append(token)
    return AnnotationFilter(tuple(words), tuple(tags), tuple(colors))


def matches(ann: Annotation, flt: AnnotationFilter) -> bool:
    own_tags = {t.casefold() for t in ann.tags}
    if any(t.casefold() not in own_tags for t in flt.tags):
        return False
    if flt.colors and ann.color not in flt.colors:
        return False
    if flt.words:
        text = " ".join([*(t.exact for t in ann.targets), ann.note, ann.relation, *ann.tags])
        folded = text.casefold()
        return all(w.casefold() in folded for w in flt.words)
    return True


def filter_annotations(anns: Iterable[Annotation], flt: AnnotationFilter) -> list[Annotation]:
    return [a for a in anns if matches(a, flt)]
