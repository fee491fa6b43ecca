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
_GENERATOR = json.dumps(GENERATOR)
_BODY = '{"type": "TextualBody", "value": '


def w3c_json(ann: Annotation, docs: Mapping[str, Document] | None = None) -> str | None:
    """``json.dumps(to_w3c(ann, docs))``, or None for an annotation holding a lone surrogate."""
    text = (f'{_HEAD}{_str(f"urn:uuid:{ann.id}")}, "type": "Annotation", "motivation": '
            f'{_str(motivation(ann))}, "created": {_str(ann.created)}, "modified": '
            f'{_str(ann.modified)}, "generator": {_GENERATOR}, "sidelight:kind": '
            f'{_str(ann.kind)}')
    if ann.via:
        text += ', "via": ' + _str(ann.via)
    if ann.creator:
        who = creator(ann.creator)
        text += ', "creator": ' + (_str(who) if isinstance(who, str) else json.dumps(who))
    if ann.kind == "highlight":
        text += ', "sidelight:color": ' + _str(ann.color)
    bodies = []
    if ann.note:
        language = note_language(ann.note)
        bodies.append(f'{_BODY}{_str(ann.note)}, "format": "text/markdown", "purpose": '
                      + (f'"commenting", "language": {_str(language)}}}' if language
                         else '"commenting"}'))
    bodies += [f'{_BODY}{_str(tag)}, "purpose": "tagging"}}' for tag in ann.tags]
    if ann.relation:
        bodies.append(f'{_BODY}{_str(ann.relation)}, "purpose": "classifying"}}')
    if bodies:
        text += ', "body": ' + _one_or_list(bodies)
    docs = docs or {}
    targets = ann.targets
    if len(targets) == 1:
        text += ', "target": ' + _target(targets[0], docs.get(targets[0].source)) + "}"
    else:
        text += ', "target": [' + ", ".join([_target(t, docs.get(t.source))
                                             for t in targets]) + "]}"
    # Every string but the source (``source_iri`` scrubs it, as for to_w3c) is written as it
    # is, and the escaping writes any surrogate as \udXXX: without that in the text, there is
    # none to scrub. With it (a character outside the BMP, or a backslash before "ud"), the
    # annotation itself is asked.
    if "\\ud" in text and holds_surrogates(ann):
        return None
    return text


def _target(t: Target, doc: Document | None) -> str:
    text = '{"type": "SpecificResource", "source": ' + _str(source_iri(t.source))
    quote = position = reading = ""
    if t.exact:
        quote = (f'{{"type": "TextQuoteSelector", "exact": {_str(t.exact)}, '
                 f'"prefix": {_str(t.prefix)}, "suffix": {_str(t.suffix)}}}')
    start, end = t.start, t.end
    if start is not None and end is not None:
        mapped = file_range(t, doc)
        if mapped is not None:
            # Positions count the Markdown file; sidelight's own go beside them.
            reading = (f', "sidelight:readingPosition": {{"start": {int(start)!r}, '
                       f'"end": {int(end)!r}}}')
            start, end = mapped
        position = (f'{{"type": "TextPositionSelector", "start": {int(start)!r}, '
                    f'"end": {int(end)!r}}}')
    if quote and position:
        text += f', "selector": [{quote}, {position}]'
    elif quote or position:
        text += ', "selector": ' + (quote or position)
    if t.fingerprint:
        text += ', "sidelight:fingerprint": ' + _str(t.fingerprint)
    if t.orphan:
        text += ', "sidelight:orphan": true'
    text += reading
    if t.encoding:
        text += ', "sidelight:encoding": ' + _str(t.encoding)
    return text + "}"


def _one_or_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "[" + ", ".join(items) + "]"
