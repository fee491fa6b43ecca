"""One W3C annotation as JSON text, written straight from the annotation.

``w3c_json(ann, docs)`` is exactly ``json.dumps(to_w3c(ann, docs))`` (ASCII escapes, the json
module's default separators), without building the object first: listing a store of 100,000
annotations as JSON spent most of its time building each object and walking it again to
encode it. Here the fixed parts (the context, the generator, every key) are encoded once, and
only the annotation's own strings are escaped, by the json module's own escaping function.
What each part says (motivation, bodies, selectors, positions in a Markdown file) comes from
``annotations.w3c``; the tests check the text against ``to_w3c`` over every shape.

An annotation holding a lone surrogate (``to_w3c`` scrubs those) gives None: the caller
writes it from its object, as does a caller with a web target to give a TimeState.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from json.encoder import encode_basestring_ascii as _str

from sidelight.annotations.documents import Document
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
_TYPE = ', "type": "Annotation", "motivation": '
_GENERATOR = ', "generator": ' + json.dumps(GENERATOR) + ', "sidelight:kind": '
_NOTE = '{"type": "TextualBody", "value": '
_NOTE_TAIL = ', "format": "text/markdown", "purpose": "commenting"'
_TAG_TAIL = ', "purpose": "tagging"}'
_RELATION_TAIL = ', "purpose": "classifying"}'
_QUOTE = '{"type": "TextQuoteSelector", "exact": '
_POSITION = '{"type": "TextPositionSelector", "start": '


def w3c_json(ann: Annotation, docs: Mapping[str, Document] | None = None) -> str | None:
    """``json.dumps(to_w3c(ann, docs))``, or None for an annotation holding a lone surrogate."""
    parts = [_HEAD, _str(f"urn:uuid:{ann.id}"), _TYPE, _str(motivation(ann)),
             ', "created": ', _str(ann.created), ', "modified": ', _str(ann.modified),
             _GENERATOR, _str(ann.kind)]
    if ann.via:
        parts += (', "via": ', _str(ann.via))
    if ann.creator:
        who = creator(ann.creator)
        parts += (', "creator": ', _str(who) if isinstance(who, str) else json.dumps(who))
    if ann.kind == "highlight":
        parts += (', "sidelight:color": ', _str(ann.color))
    bodies = []
    if ann.note:
        language = note_language(ann.note)
        bodies.append(_NOTE + _str(ann.note) + _NOTE_TAIL
                      + (f', "language": {_str(language)}}}' if language else "}"))
    bodies += [_NOTE + _str(tag) + _TAG_TAIL for tag in ann.tags]
    if ann.relation:
        bodies.append(_NOTE + _str(ann.relation) + _RELATION_TAIL)
    if bodies:
        parts += (', "body": ', _one_or_list(bodies))
    docs = docs or {}
    parts += (', "target": ', _one_or_list([_target(t, docs.get(t.source))
                                            for t in ann.targets]), "}")
    text = "".join(parts)
    # Every string but the source (``source_iri`` scrubs it, as for to_w3c) is written as it
    # is, and the escaping writes any surrogate as \udXXX: without that in the text, there is
    # none to scrub. With it (a character outside the BMP, or a backslash before "ud"), the
    # annotation itself is asked.
    if "\\ud" in text and holds_surrogates(ann):
        return None
    return text


def _target(t: Target, doc: Document | None) -> str:
    parts = ['{"type": "SpecificResource", "source": ', _str(source_iri(t.source))]
    selectors = []
    if t.exact:
        selectors.append(_QUOTE + _str(t.exact) + ', "prefix": ' + _str(t.prefix)
                         + ', "suffix": ' + _str(t.suffix) + "}")
    reading = ""
    if t.start is not None and t.end is not None:
        mapped = file_range(t, doc)
        start, end = (t.start, t.end) if mapped is None else mapped
        selectors.append(f'{_POSITION}{int(start)!r}, "end": {int(end)!r}}}')
        if mapped is not None:
            reading = f'{{"start": {int(t.start)!r}, "end": {int(t.end)!r}}}'
    if selectors:
        parts += (', "selector": ', _one_or_list(selectors))
    if t.fingerprint:
        parts += (', "sidelight:fingerprint": ', _str(t.fingerprint))
    if t.orphan:
        parts.append(', "sidelight:orphan": true')
    if reading:
        parts += (', "sidelight:readingPosition": ', reading)
    if t.encoding:
        parts += (', "sidelight:encoding": ', _str(t.encoding))
    parts.append("}")
    return "".join(parts)


def _one_or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "[" + ", ".join(items) + "]"
