"""One W3C annotation as JSON text, written straight from the annotation.

``w3c_json(ann, docs)`` is exactly ``json.dumps(to_w3c(ann, docs))`` (ASCII escapes, the json
module's default separators), without building the object first: listing a store of 100,000
annotations as JSON spent most of its time building each object and walking it again to
encode it. Here the fixed parts (the context, the generator, every key) are encoded once, and
only the annotation's own strings are escaped, by the json module's own escaping function.
What each part says (motivation, bodies, selectors, positions in a Markdown file) comes from
``annotations.w3c``; the tests check the text against ``to_w3c`` over every shape.

The parts an annotation shares with many others are written once and looked up after: the
words its kind, colour and note give (motivation, kind, colour), each tag's body, and the
parts of a target that name its document (source, fingerprint, orphan state, encoding), which
every annotation on a document repeats. Only the quote, the note, the positions, the id and
the dates are escaped per annotation.

An annotation holding a lone surrogate (``to_w3c`` scrubs those) gives None: the caller
writes it from its object, as does a caller with a web target to give a TimeState.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring_ascii as _str

from sidelight.annotations.documents import Document, is_url
from sidelight.annotations.model import Annotation, Target
from sidelight.annotations.w3c import (
    CONTEXT,
    GENERATOR,
    creator,
    file_range,
    holds_surrogates,
    motivation,
    note_language,
    source_iri,
)

_HEAD = '{"@context": ' + json.dumps(CONTEXT) + ', "id": '
_GENERATOR = json.dumps(GENERATOR)
_BODY = '{"type": "TextualBody", "value": '
_QUOTE = '{"type": "TextQuoteSelector", "exact": '
_POSITION = '{"type": "TextPositionSelector", "start": '
# Cached parts: few distinct keys each (kinds, colours, tags, a store's documents); bounded
# all the same, as tags and documents come from the user.
_CACHE_LIMIT = 4096
_motivations: dict[tuple[str, bool], str] = {}  # by kind and whether the note is empty
_note_ends: dict[str, str] = {}  # a note body's end, by the note's language
_kinds: dict[str, str] = {}
_colors: dict[str, str] = {}
_tags: dict[str, str] = {}
_sources: dict[str, str] = {}
_ends: dict[tuple[str, bool, str], str] = {}
_plain_sources: set[str] = set()
_NOTE_END = ', "format": "text/markdown", "purpose": "commenting"'
# What the escaping writes for a surrogate (and for a backslash before "ud"): searched for in
# each chunk's text by the regex engine, which scans for it in about half the time ``in`` takes.
_SURROGATE_ESCAPE = re.compile(r"\\ud")


def w3c_json(ann: Annotation, docs: Mapping[str, Document] | None = None) -> str | None:
    """``json.dumps(to_w3c(ann, docs))``, or None for an annotation holding a lone surrogate."""
    parts: list[str] = []
    _append(ann, docs, parts)
    text = "".join(parts)
    return None if "\\ud" in text and holds_surrogates(ann) else text


def w3c_json_joined(anns: Sequence[Annotation], docs: Mapping[str, Document] | None,
                    separator: str, other: Callable[[Annotation], str]) -> str:
    """The W3C JSON of each of ``anns`` joined by ``separator``: ``w3c_json(ann, docs)``, or
    ``other(ann)`` for an annotation with a web target (a caller gives its TimeState) or a
    lone surrogate.

    One text for them all: each part is copied once, into it, rather than into a text per
    annotation that is then copied again."""
    parts: list[str] = []
    bounds: list[int] = []  # where each annotation's parts start
    for n, ann in enumerate(anns):
        if n:
            parts.append(separator)
        bounds.append(len(parts))
        targets = ann.targets
        first = targets[0].source
        if ((first in _plain_sources or _is_plain(first))
                and (len(targets) == 1 or all(_is_plain(t.source) for t in targets[1:]))):
            _append(ann, docs, parts)
        else:
            parts.append(other(ann))
    text = "".join(parts)
    # Every string but the source (``source_iri`` scrubs it, as for to_w3c) is written as it
    # is, and the escaping writes any surrogate as \udXXX: without that in the text, there is
    # none to scrub. With it (a character outside the BMP, or a backslash before "ud"), the
    # annotations whose text holds it are asked.
    if _SURROGATE_ESCAPE.search(text) is None:
        return text
    bounds.append(len(parts) + 1)
    for n, ann in enumerate(anns):
        first, last = bounds[n], bounds[n + 1] - 1
        if "\\ud" in "".join(parts[first:last]) and holds_surrogates(ann):
            parts[first:last] = [other(ann)] + [""] * (last - first - 1)
    return "".join(parts)


def _append(ann: Annotation, docs: Mapping[str, Document] | None, parts: list[str]) -> None:
    kind, note = ann.kind, ann.note
    # The cached parts looked up here, the function that makes one called only on a miss:
    # this runs for every annotation of a listing.
    parts += (_HEAD, _str("urn:uuid:" + ann.id),
              _motivations.get((kind, not note)) or _motivation(ann, kind, note),
              _str(ann.created), ', "modified": ', _str(ann.modified),
              _kinds.get(kind) or _kind(kind))
    if ann.via:
        parts += (', "via": ', _str(ann.via))
    if ann.creator:
        who = creator(ann.creator)
        parts += (', "creator": ', _str(who) if isinstance(who, str) else json.dumps(who))
    if kind == "highlight":
        parts.append(_colors.get(ann.color) or _color(ann.color))
    tags, relation = ann.tags, ann.relation
    if note:
        language = note_language(note)
        parts += (', "body": [' if tags or relation else ', "body": ', _BODY, _str(note),
                  _note_ends.get(language) or _note_end(language))
        if tags or relation:
            for tag in tags:
                parts += (", ", _tags.get(tag) or _tag(tag))
            if relation:
                parts += (", ", _relation(relation))
            parts.append("]")
    elif tags or relation:
        bodies = [*map(_tag, tags), *([_relation(relation)] if relation else [])]
        parts += (', "body": ', bodies[0] if len(bodies) == 1
                  else "[" + ", ".join(bodies) + "]")
    targets = ann.targets
    if len(targets) == 1:
        t = targets[0]
        parts.append(', "target": ')
        _append_target(t, docs.get(t.source) if docs else None, parts)
        parts.append("}")
        return
    docs = docs or {}
    parts.append(', "target": [')
    for n, t in enumerate(targets):
        if n:
            parts.append(", ")
        _append_target(t, docs.get(t.source), parts)
    parts.append("]}")


def _append_target(t: Target, doc: Document | None, parts: list[str]) -> None:
    source = _sources.get(t.source)
    if source is None:
        source = _remember(_sources, t.source, '{"type": "SpecificResource", "source": '
                           + _str(source_iri(t.source)))
    parts.append(source)
    start, end = t.start, t.end
    reading = ""
    if start is not None and end is not None:
        mapped = file_range(t, doc) if doc is not None else None
        if mapped is not None:
            # Positions count the Markdown file; sidelight's own go beside them.
            reading = (f', "sidelight:readingPosition": {{"start": {int(start)!r}, '
                       f'"end": {int(end)!r}}}')
            start, end = mapped
        if t.exact:
            parts += (', "selector": [', _QUOTE, _str(t.exact), ', "prefix": ', _str(t.prefix),
                      ', "suffix": ', _str(t.suffix), "}, ", _POSITION, repr(int(start)),
                      ', "end": ', repr(int(end)), "}]")
        else:
            parts += (', "selector": ', _POSITION, repr(int(start)), ', "end": ',
                      repr(int(end)), "}")
    elif t.exact:
        parts += (', "selector": ', _QUOTE, _str(t.exact), ', "prefix": ', _str(t.prefix),
                  ', "suffix": ', _str(t.suffix), "}")
    if reading:
        parts.append(_end_of(t.fingerprint, t.orphan, t.encoding, reading))
        return
    key = (t.fingerprint, t.orphan, t.encoding)
    end_part = _ends.get(key)
    if end_part is None:
        end_part = _remember(_ends, key, _end_of(*key))
    parts.append(end_part)


def _end_of(fingerprint: str, orphan: bool, encoding: str, reading: str = "") -> str:
    text = ', "sidelight:fingerprint": ' + _str(fingerprint) if fingerprint else ""
    if orphan:
        text += ', "sidelight:orphan": true'
    text += reading
    if encoding:
        text += ', "sidelight:encoding": ' + _str(encoding)
    return text + "}"


def _note_end(language: str) -> str:
    part = _note_ends.get(language)
    if part is None:
        part = _remember(_note_ends, language, f'{_NOTE_END}, "language": {_str(language)}}}'
                         if language else _NOTE_END + "}")
    return part


def _motivation(ann: Annotation, kind: str, note: str) -> str:
    key = (kind, not note)
    part = _motivations.get(key)
    if part is None:
        part = _remember(_motivations, key, ', "type": "Annotation", "motivation": '
                         + _str(motivation(ann)) + ', "created": ')
    return part


def _kind(kind: str) -> str:
    part = _kinds.get(kind)
    if part is None:
        part = _remember(_kinds, kind,
                         f', "generator": {_GENERATOR}, "sidelight:kind": {_str(kind)}')
    return part


def _color(color: str) -> str:
    part = _colors.get(color)
    if part is None:
        part = _remember(_colors, color, ', "sidelight:color": ' + _str(color))
    return part


def _tag(tag: str) -> str:
    part = _tags.get(tag)
    if part is None:
        part = _remember(_tags, tag, f'{_BODY}{_str(tag)}, "purpose": "tagging"}}')
    return part


def _relation(relation: str) -> str:
    return f'{_BODY}{_str(relation)}, "purpose": "classifying"}}'


def _is_plain(source: str) -> bool:
    """Not a web address (whose annotations take the caller's way); remembered when so."""
    if is_url(source):
        return False
    if len(_plain_sources) >= _CACHE_LIMIT:
        _plain_sources.clear()
    _plain_sources.add(source)
    return True


def _remember(cache: dict, key: object, part: str) -> str:  # type: ignore[type-arg]
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = part
    return part
