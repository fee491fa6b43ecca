"""Annotations as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/).

Each annotation becomes one ``Annotation`` object:

* ``motivation``: ``highlighting`` (a highlight without a note), ``commenting`` (a highlight
  with a note, a document note) or ``linking`` (a link between sources, with several targets);
* ``body``: the note as a ``TextualBody`` in Markdown (purpose ``commenting``), each tag as a
  ``TextualBody`` with purpose ``tagging``, a link's relation with purpose ``classifying``;
* ``target``: a ``SpecificResource`` per target, its ``source`` the document's ``file:`` URI,
  with a TextQuoteSelector and, for ranges, a TextPositionSelector (code-point offsets).

What the model has no term for goes in the ``sidelight:`` namespace declared in the context:
``sidelight:kind``, ``sidelight:color`` on the annotation, ``sidelight:fingerprint`` and
``sidelight:orphan`` on a target. Reading back (``from_w3c``) accepts what other tools write
too: a target that is only an IRI, selectors without a position (the quote is then found when
the document is opened), ids that are not ``urn:uuid:`` (a stable uuid is derived from them).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotations.import_json import scrub
from annotations.model import Annotation, Target

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SIDELIGHT_NS = "urn:sidelight:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"sidelight": SIDELIGHT_NS}]
_MOTIVATIONS = {"highlight": "highlighting", "note": "commenting", "link": "linking"}


def to_w3c(ann: Annotation) -> dict[str, Any]:
    motivation = _MOTIVATIONS[ann.kind]
    if ann.kind == "highlight" and ann.note:
        motivation = "commenting"
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{ann.id}",
        "type": "Annotation",
        "motivation": motivation,
        "created": ann.created,
        "modified": ann.modified,
        "sidelight:kind": ann.kind,
        "sidelight:color": ann.color,
    }
    bodies: list[dict[str, Any]] = []
    if ann.note:
        bodies.append({"type": "TextualBody", "value": ann.note, "format": "text/markdown",
                       "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in ann.tags)
    if ann.relation:
        bodies.append({"type": "TextualBody", "value": ann.relation, "purpose": "classifying"})
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    targets = [_target(t) for t in ann.targets]
    out["target"] = targets[0] if len(targets) == 1 else targets
    return _scrubbed(out)


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


def to_w3c_list(anns: Iterable[Annotation]) -> list[dict[str, Any]]:
    return [to_w3c(a) for a in anns]


def _target(t: Target) -> dict[str, Any]:
    target: dict[str, Any] = {"type": "SpecificResource", "source": _source_iri(t.source)}
    selectors: list[dict[str, Any]] = []
    if t.exact:
        selectors.append({"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix,
                          "suffix": t.suffix})
    if t.has_range:
        selectors.append({"type": "TextPositionSelector", "start": t.start, "end": t.end})
    if selectors:
        target["selector"] = selectors[0] if len(selectors) == 1 else selectors
    if t.fingerprint:
        target["sidelight:fingerprint"] = t.fingerprint
    if t.orphan:
        target["sidelight:orphan"] = True
    return target


def _source_iri(source: str) -> str:
    source = scrub(source)
    return Path(source).as_uri() if Path(source).is_absolute() else source
