"""Annotations as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/).

Each annotation becomes one ``Annotation`` object: its note a ``TextualBody`` (Markdown), each
tag a ``TextualBody`` with purpose ``tagging``, each target a ``SpecificResource`` on the
document with a TextQuoteSelector and, when it has a range, a TextPositionSelector.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotations.model import Annotation, Target

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
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
    return out


def to_w3c_list(anns: Iterable[Annotation]) -> list[dict[str, Any]]:
    return [to_w3c(a) for a in anns]


def _target(t: Target) -> dict[str, Any]:
    source = Path(t.source).as_uri() if Path(t.source).is_absolute() else t.source
    target: dict[str, Any] = {"source": source}
    selectors: list[dict[str, Any]] = []
    if t.exact:
        selectors.append({"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix,
                          "suffix": t.suffix})
    if t.has_range:
        selectors.append({"type": "TextPositionSelector", "start": t.start, "end": t.end})
    if selectors:
        target["selector"] = selectors[0] if len(selectors) == 1 else selectors
    return target
