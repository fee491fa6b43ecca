"""Annotations as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/).

Each annotation becomes one ``Annotation`` object:

* ``motivation``: ``highlighting`` (a highlight without a note), ``commenting`` (a highlight
  with a note, a document note) or ``linking`` (a link between sources, with several targets);
* ``body``: the note as a ``TextualBody`` in Markdown (purpose ``commenting``), each tag as a
  ``TextualBody`` with purpose ``tagging``, a link's relation with purpose ``classifying``;
* ``target``: a ``SpecificResource`` per target, its ``source`` the document's ``file:`` URI,
  with a TextQuoteSelector and, for ranges, a TextPositionSelector (code-point offsets into
  the resource as published: for a Markdown file, the file's own text, so that any tool
  resolving the selector against the file finds the quote; sidelight's position in its
  rendered reading text goes beside it as ``sidelight:readingPosition``);
* a note's body carries its ``language`` when its words tell it.

What the model has no term for goes in the ``sidelight:`` namespace declared in the context:
``sidelight:kind``, ``sidelight:color`` on a highlight (the only kind whose colour shows),
``sidelight:fingerprint``, ``sidelight:orphan``, ``sidelight:readingPosition`` and
``sidelight:encoding`` (the file's text encoding, when it is not UTF-8) on a target.
``to_w3c_collection`` wraps an export in an ``AnnotationCollection`` whose first page holds
every annotation. Reading back is ``w3c_import``.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sidelight.annotations.documents import Document
from sidelight.annotations.import_json import has_surrogates, scrub
from sidelight.annotations.language.detect import detect
from sidelight.annotations.model import Annotation, Target

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SIDELIGHT_NS = "urn:sidelight:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"sidelight": SIDELIGHT_NS}]
COLLECTION_LABEL = "Annotations from sidelight"
GENERATOR: dict[str, str] = {"id": "urn:sidelight:software", "type": "Software",
                             "name": "sidelight"}
_COLLECTION_NAMESPACE = uuid.UUID("3e2f6c1a-9b7d-4e08-a5c4-71d2b6f0e9a3")
_MOTIVATIONS = {"highlight": "highlighting", "note": "commenting", "link": "linking"}


def to_w3c(ann: Annotation, docs: Mapping[str, Document] | None = None) -> dict[str, Any]:
    """One annotation as a W3C object; ``docs`` (by path) are the documents open, whose text
    lets a Markdown source's positions count the file's characters."""
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{ann.id}",
        "type": "Annotation",
        "motivation": motivation(ann),
        "created": ann.created,
        "modified": ann.modified,
        "generator": GENERATOR,
        "sidelight:kind": ann.kind,
    }
    if ann.via:
        out["via"] = ann.via
    if ann.creator:
        out["creator"] = creator(ann.creator)
    if ann.kind == "highlight":
        out["sidelight:color"] = ann.color
    bodies: list[dict[str, Any]] = []
    if ann.note:
        body = {"type": "TextualBody", "value": ann.note, "format": "text/markdown",
                "purpose": "commenting"}
        language = note_language(ann.note)
        if language:
            body["language"] = language
        bodies.append(body)
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in ann.tags)
    if ann.relation:
        bodies.append({"type": "TextualBody", "value": ann.relation, "purpose": "classifying"})
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    docs = docs or {}
    targets = [_target(t, docs.get(t.source)) for t in ann.targets]
    out["target"] = targets[0] if len(targets) == 1 else targets
    return _scrubbed(out) if holds_surrogates(ann) else out


def motivation(ann: Annotation) -> str:
    """``highlighting``, ``commenting`` (a note, or a highlight with one) or ``linking``."""
    if ann.kind == "highlight" and ann.note:
        return "commenting"
    return _MOTIVATIONS[ann.kind]


def creator(name: str) -> str | dict[str, str]:
    """An IRI as it is; a name as a ``Person`` with that nickname."""
    return name if ":" in name else {"type": "Person", "nickname": name}


def note_language(note: str) -> str:
    """The language a note's words tell, or "" when they tell none."""
    language = detect(note, default="")
    return "" if language == "und" else language


def holds_surrogates(ann: Annotation) -> bool:
    """True when a string of ``ann`` holds a lone surrogate (only a damaged store has one)."""
    # One scan of every string the annotation holds: walking the whole output object for
    # each annotation cost a listing of 100,000 most of its time, and only a damaged store
    # has lone surrogates at all.
    strings = [ann.note, ann.relation, ann.via, ann.creator, ann.created, ann.modified,
               ann.color, *ann.tags]
    for t in ann.targets:
        strings += (t.source, t.exact, t.prefix, t.suffix, t.fingerprint)
    return has_surrogates("\n".join(strings))


def _scrubbed(value: Any) -> Any:
    """Every string without lone surrogates: a damaged store may hold them, and an export
    that cannot be written is no backup."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _scrubbed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    return value


def to_w3c_list(
    anns: Iterable[Annotation], docs: Iterable[Document] = ()
) -> list[dict[str, Any]]:
    by_path = {d.path: d for d in docs}
    return [to_w3c(a, by_path) for a in anns]


def to_w3c_collection(
    anns: Sequence[Annotation], docs: Iterable[Document] = (), *, label: str = COLLECTION_LABEL
) -> dict[str, Any]:
    """The export as an ``AnnotationCollection`` with one embedded ``AnnotationPage``.

    Its id is derived from the annotations' ids, so the same annotations give the same id.
    Each annotation keeps its own ``@context``: a tool that takes the items one by one still
    reads them as JSON-LD.
    """
    items = to_w3c_list(anns, docs)
    key = ",".join(sorted(a.id for a in anns))
    ident = f"urn:uuid:{uuid.uuid5(_COLLECTION_NAMESPACE, key)}"
    return {
        "@context": CONTEXT,
        "id": ident,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {
            "id": f"{ident}#page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def _target(t: Target, doc: Document | None = None) -> dict[str, Any]:
    target: dict[str, Any] = {"type": "SpecificResource", "source": source_iri(t.source)}
    selectors: list[dict[str, Any]] = []
    if t.exact:
        selectors.append({"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix,
                          "suffix": t.suffix})
    reading: dict[str, Any] | None = None
    if t.has_range:
        assert t.start is not None and t.end is not None
        mapped = file_range(t, doc)
        if mapped is None:
            selectors.append({"type": "TextPositionSelector", "start": t.start, "end": t.end})
        else:
            selectors.append({"type": "TextPositionSelector", "start": mapped[0],
                              "end": mapped[1]})
            reading = {"start": t.start, "end": t.end}
    if selectors:
        target["selector"] = selectors[0] if len(selectors) == 1 else selectors
    if t.fingerprint:
        target["sidelight:fingerprint"] = t.fingerprint
    if t.orphan:
        target["sidelight:orphan"] = True
    if reading is not None:
        target["sidelight:readingPosition"] = reading
    if t.encoding:
        target["sidelight:encoding"] = t.encoding
    return target


def file_range(t: Target, doc: Document | None) -> tuple[int, int] | None:
    """Where a target in a Markdown document's reading text stands in the file's text, or
    None when positions count the file already (plain text) or cannot be mapped (the
    document is not open, the target is an orphan or was placed in another version)."""
    if doc is None or doc.kind != "markdown" or t.orphan or t.fingerprint != doc.fingerprint:
        return None
    assert t.start is not None and t.end is not None
    if t.end > len(doc.text) or t.end <= t.start:
        return None
    to_source = doc.source_map.to_source
    return to_source(t.start), to_source(t.end - 1) + 1


@functools.lru_cache(maxsize=1024)
def source_iri(source: str) -> str:
    # Cached: a listing of a whole store names each document thousands of times.
    source = scrub(source)
    return Path(source).as_uri() if Path(source).is_absolute() else source
