"""Reading W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/) back into
annotations.

Accepts what sidelight writes and what other tools write: a list, one annotation, an
AnnotationPage or AnnotationCollection; a target that is only an IRI; selectors without a
position (the quote is found when the document is opened); a note as a ``TextualBody``, as
``bodyValue`` or as a body that is only an IRI (kept in the note); ids that are not
``urn:uuid:`` (a stable uuid is derived from them). Times must be xsd:dateTime and are stored
in UTC. Everything is checked before anything is returned: ``ValueError`` names the
annotation and the field.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse

from sidelight.annotations.import_json import MAX_OFFSET, load_json, parse_datetime
from sidelight.annotations.model import (
    COLORS,
    DEFAULT_COLOR,
    KINDS,
    Annotation,
    Target,
    now_iso,
    validate,
)

_UUID_NAMESPACE = uuid.UUID("6f1c5e0a-3d2b-4c59-9a0e-5b7d2f8e4a11")


def parse_w3c_file(text: str) -> list[Annotation]:
    """Annotations from W3C JSON-LD text: a list, one annotation, or an AnnotationPage /
    AnnotationCollection with its ``items``. Raises ``ValueError`` naming what is wrong (and
    which annotation); nothing is returned unless everything is valid."""
    return parse_w3c_data(load_json(text))


@dataclass(frozen=True, slots=True)
class Parsed:
    annotations: list[Annotation]
    unsupported: list[str]  # one phrase per kind of thing not imported, with its count


def parse_w3c_data(data: Any) -> list[Annotation]:
    return parse_w3c_items(data).annotations


def parse_w3c_items(data: Any) -> Parsed:
    """The annotations of parsed W3C JSON, and what was not imported: replies (motivation
    ``replying``), which sidelight has no place for."""
    items = _items(data)
    replies = [i for i in items if isinstance(i, dict)
               and "replying" in _as_list(i.get("motivation"))]
    items = [i for i in items if not any(i is r for r in replies)]
    unsupported = ([f"{len(replies)} repl{'ies' if len(replies) != 1 else 'y'} skipped "
                    "(sidelight has no replies)"] if replies else [])
    anns: list[Annotation] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items, 1):
        try:
            ann = from_w3c(item)
        except ValueError as err:
            ident = item.get("id") if isinstance(item, dict) else None
            named = f" ({ident[:80]})" if isinstance(ident, str) and ident else ""
            raise ValueError(f"annotation {i}{named}: {err}") from None
        if ann.id in seen:
            raise ValueError(f"annotation {i}: same id as annotation {seen[ann.id]} ({ann.id})")
        seen[ann.id] = i
        anns.append(ann)
    return Parsed(anns, unsupported)


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        types = _as_list(data.get("type"))
        if "Annotation" in types:
            return [data]
        if "AnnotationPage" in types or "AnnotationCollection" in types:
            items = data.get("items")
            if items is None and isinstance(data.get("first"), dict):
                items = data["first"].get("items")
            if isinstance(items, list):
                return items
            raise ValueError(f"the {types[0]} has no 'items' list")
    raise ValueError(
        "expected a list of W3C Web Annotations (or one annotation, or an AnnotationPage)"
    )


def from_w3c(obj: Any) -> Annotation:
    """One annotation from its W3C JSON-LD object; ``ValueError`` names what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"an annotation must be a JSON object, not {_json_type(obj)}")
    if "Annotation" not in _as_list(obj.get("type")):
        raise ValueError("'type' must be \"Annotation\"")
    ann_id = _id(obj.get("id"))
    via = _via(obj)
    creator = _creator(obj.get("creator"))
    bodies = [_body(b) for b in _as_list(obj.get("body"))]
    if "bodyValue" in obj:
        if not isinstance(obj["bodyValue"], str):
            raise ValueError("'bodyValue' must be a string")
        bodies.insert(0, ("commenting", obj["bodyValue"]))
    notes = [v for purpose, v in bodies if purpose in ("commenting", "describing", "")]
    tags = tuple(v for purpose, v in bodies if purpose == "tagging")
    relations = [v for purpose, v in bodies if purpose == "classifying"]
    raw_targets = _as_list(obj.get("target"))
    if not raw_targets:
        raise ValueError("'target' is missing")
    targets = tuple(_read_target(t, n) for n, t in enumerate(raw_targets, 1))
    kind = obj.get("sidelight:kind")
    if kind is None:
        kind = _infer_kind(obj.get("motivation"), targets)
    if kind not in KINDS:
        raise ValueError(f"'sidelight:kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    color = obj.get("sidelight:color", DEFAULT_COLOR)
    if color not in COLORS:
        raise ValueError(f"'sidelight:color' must be one of {', '.join(COLORS)}, not {color!r}")
    created = _timestamp(obj, "created") or now_iso()
    modified = _timestamp(obj, "modified") or created
    ann = Annotation(
        id=ann_id,
        kind=kind,
        targets=targets,
        color=color,
        tags=tags,
        note="\n\n".join(notes),
        relation=relations[0] if relations else "",
        created=created,
        modified=modified,
        via=via,
        creator=creator,
    )
    validate(ann)
    return ann


def _via(obj: dict[str, Any]) -> str:
    """The annotation's id in the tool it came from: its ``via``, else its own id when that is
    another tool's IRI (not one of sidelight's ``urn:uuid:`` ids)."""
    via = obj.get("via")
    if isinstance(via, list):
        via = via[0] if via else None
    if isinstance(via, str) and via.strip():
        return via.strip()
    ident = obj.get("id")
    if isinstance(ident, str) and not ident.strip().lower().startswith("urn:uuid:"):
        try:
            uuid.UUID(ident.strip())
        except ValueError:
            return ident.strip()
    return ""


def _creator(value: Any) -> str:
    """Who made the annotation: an IRI or account, or an agent's id, nickname or name."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in ("id", "nickname", "name"):
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key].strip()
    return ""


def stable_id(value: Any) -> str:
    """A uuid for an annotation id: the uuid itself (any case, with or without
    ``urn:uuid:``), else one derived from the IRI, the same on every import."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("'id' is missing or not a string")
    value = value.strip()
    key = value.lower().removeprefix("urn:uuid:")
    try:
        parsed = uuid.UUID(key)
    except ValueError:
        return str(uuid.uuid5(_UUID_NAMESPACE, value))
    return str(parsed)


_id = stable_id


def _body(body: Any) -> tuple[str, str]:
    if isinstance(body, str):
        # A body that is only an IRI: a resource sidelight cannot show, kept in the note.
        return "", body.strip()
    if not isinstance(body, dict):
        raise ValueError(f"a 'body' must be an object or an IRI, not {_json_type(body)}")
    purpose = body.get("purpose", "")
    if isinstance(purpose, list):
        purpose = purpose[0] if purpose else ""
    if not isinstance(purpose, str):
        raise ValueError("a body's 'purpose' must be a string")
    if "TextualBody" not in _as_list(body.get("type")):
        ident = body.get("id") or body.get("source")
        if isinstance(ident, str) and ident.strip():
            return purpose, ident.strip()
        raise ValueError("a 'body' must be a TextualBody or have an 'id'")
    value = body.get("value")
    if not isinstance(value, str):
        raise ValueError("a TextualBody's 'value' must be a string")
    return purpose, value


def _read_target(raw: Any, n: int) -> Target:
    where = f"target {n}"
    if isinstance(raw, str):
        return Target(source=_source_path(raw, where), fingerprint="", imported=True)
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object or an IRI, not {_json_type(raw)}")
    source = raw.get("source")
    if isinstance(source, dict):
        source = source.get("id")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f"{where}: 'source' is missing or not a string")
    quote: dict[str, Any] | None = None
    position: dict[str, Any] | None = None
    for sel in _as_list(raw.get("selector")):
        if not isinstance(sel, dict):
            raise ValueError(f"{where}: a 'selector' must be an object")
        kind = sel.get("type")
        if kind == "TextQuoteSelector" and quote is None:
            quote = sel
        elif kind == "TextPositionSelector" and position is None:
            position = sel
    position = _reading_position(raw, where) or position
    fingerprint = raw.get("sidelight:fingerprint", "")
    if not isinstance(fingerprint, str):
        raise ValueError(f"{where}: 'sidelight:fingerprint' must be a string")
    orphan = raw.get("sidelight:orphan", False)
    if not isinstance(orphan, bool):
        raise ValueError(f"{where}: 'sidelight:orphan' must be true or false")
    encoding = raw.get("sidelight:encoding", "")
    if not isinstance(encoding, str) or len(encoding) > 64:
        raise ValueError(f"{where}: 'sidelight:encoding' must be the name of a text encoding")
    exact = prefix = suffix = ""
    if quote is not None:
        exact = _sel_str(quote, "exact", where, required=True)
        prefix = _sel_str(quote, "prefix", where)
        suffix = _sel_str(quote, "suffix", where)
    start = end = None
    if position is not None:
        start = _sel_int(position, "start", where)
        end = _sel_int(position, "end", where)
        if end < start:
            raise ValueError(f"{where}: TextPositionSelector 'end' is before 'start'")
        if quote is not None and end - start != len(exact) and not fingerprint:
            # Another tool's position counts another text (a web page's DOM): a hint only;
            # the quote decides where the words are when the document is opened.
            end = start + len(exact)
        elif quote is not None and end - start != len(exact) and not orphan:
            raise ValueError(
                f"{where}: the TextPositionSelector spans {end - start} characters but the "
                f"quote has {len(exact)}"
            )
    elif quote is not None:
        # A quote without a position (as other tools write): a provisional range that the
        # fingerprint-less target makes anchoring check, by quote, on first open.
        start, end = 0, len(exact)
        fingerprint = ""
    return Target(
        source=_source_path(source, where),
        fingerprint=fingerprint,
        start=start,
        end=end,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        orphan=orphan,
        imported=True,
        encoding=encoding,
    )


def _reading_position(raw: dict[str, Any], where: str) -> dict[str, Any] | None:
    """sidelight's own position in its reading text, written beside a TextPositionSelector
    that counts a Markdown file's characters."""
    value = raw.get("sidelight:readingPosition")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{where}: 'sidelight:readingPosition' must be an object")
    return value


def _source_path(iri: str, where: str) -> str:
    iri = iri.strip()
    if iri.startswith("file:"):
        parsed = urlparse(iri)
        if parsed.netloc not in ("", "localhost"):
            raise ValueError(f"{where}: 'source' {iri[:80]!r} is a file on another host")
        path = unquote(parsed.path, errors="strict")
        if "\x00" in path:
            raise ValueError(f"{where}: 'source' {iri[:80]!r} holds a NUL character")
        return path
    return iri


def _sel_str(sel: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = sel.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"{where}: TextQuoteSelector '{key}' must be a non-empty string"
                         if required else f"{where}: TextQuoteSelector '{key}' must be a string")
    return value


def _sel_int(sel: dict[str, Any], key: str, where: str) -> int:
    value = sel.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_OFFSET:
        raise ValueError(
            f"{where}: TextPositionSelector '{key}' must be a whole number from 0 to {MAX_OFFSET}"
        )
    return value


def _infer_kind(motivation: Any, targets: tuple[Target, ...]) -> str:
    motivations = _as_list(motivation)
    if "linking" in motivations or len(targets) > 1:
        return "link"
    return "highlight" if targets[0].has_range else "note"


def _timestamp(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a date-time string")
    return parse_datetime(value, key)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")
