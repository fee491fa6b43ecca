"""Hypothesis (https://web.hypothes.is): its API JSON read into annotations, and annotations
written in the shape of the Hypothesis client's own export file, which its importer reads.

Read: one API annotation, a list of them, a search result (``{"rows": [...]}``) or a client
export (``{"annotations": [...]}``). Each keeps ``text`` as the note, ``tags``, the page
(``uri`` or ``target[].source``) as the source, the quote and position from
``TextQuoteSelector``/``TextPositionSelector`` (a ``RangeSelector`` points into the page's
DOM, which sidelight does not keep: the quote finds the words), ``created``/``updated``, the
original id (``links.html``, else ``https://hypothes.is/a/ID``) as ``via`` and ``user`` as the
creator. What sidelight cannot hold is named, not dropped silently: replies (``references``)
are skipped, and permissions other than public are not kept.

Hypothesis's JSON-LD (``/api/annotations/ID.jsonld``) is W3C Web Annotation JSON and goes
through ``w3c_import``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from sidelight.annotations.import_json import MAX_OFFSET, parse_datetime
from sidelight.annotations.model import COLORS, DEFAULT_COLOR, Annotation, Target, now_iso, validate
from sidelight.annotations.w3c_import import stable_id

CLIENT_VERSION = "sidelight"
DEFAULT_USER = "acct:sidelight@localhost"
_ANNOTATION_URL = "https://hypothes.is/a/"


@dataclass(frozen=True, slots=True)
class Parsed:
    annotations: list[Annotation]
    unsupported: list[str]  # one phrase per kind of thing not imported, with its count


def is_hypothesis(data: Any) -> bool:
    """True for Hypothesis API JSON or a Hypothesis client export."""
    if isinstance(data, dict):
        if isinstance(data.get("rows"), list) or isinstance(data.get("annotations"), list):
            return True
        return _looks_like_one(data)
    return isinstance(data, list) and bool(data) and all(_looks_like_one(x) for x in data)


def _looks_like_one(obj: Any) -> bool:
    return (isinstance(obj, dict) and "type" not in obj and "@context" not in obj
            and ("uri" in obj or "text" in obj) and "target" in obj)


def parse_hypothesis(data: Any) -> Parsed:
    """Annotations from Hypothesis JSON; ``ValueError`` names the annotation and what is
    wrong. All or nothing."""
    if isinstance(data, dict) and isinstance(data.get("rows"), list):
        rows = data["rows"]
    elif isinstance(data, dict) and isinstance(data.get("annotations"), list):
        rows = data["annotations"]
    elif isinstance(data, dict):
        rows = [data]
    elif isinstance(data, list):
        rows = data
    else:
        raise ValueError("expected Hypothesis annotations (API JSON or a client export)")
    anns: list[Annotation] = []
    replies = private = 0
    seen: set[str] = set()
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ValueError(f"annotation {i}: must be a JSON object")
        if row.get("references"):
            replies += 1
            continue
        if not _public(row.get("permissions")):
            private += 1
        try:
            ann = _annotation(row)
        except ValueError as err:
            ident = row.get("id")
            named = f" ({ident[:40]})" if isinstance(ident, str) else ""
            raise ValueError(f"annotation {i}{named}: {err}") from None
        if ann.id in seen:
            raise ValueError(f"annotation {i}: the same id appears twice")
        seen.add(ann.id)
        anns.append(ann)
    unsupported = []
    if replies:
        unsupported.append(f"{replies} repl{'ies' if replies != 1 else 'y'} skipped "
                           "(sidelight has no replies)")
    if private:
        unsupported.append(f"permissions of {private} private or group annotation"
                           f"{'s' if private != 1 else ''} not kept (sidelight's store is "
                           "yours alone)")
    return Parsed(anns, unsupported)


def _public(permissions: Any) -> bool:
    if not isinstance(permissions, dict):
        return True
    read = permissions.get("read")
    return not isinstance(read, list) or "group:__world__" in read


def _annotation(row: dict[str, Any]) -> Annotation:
    ident = row.get("id")
    if not isinstance(ident, str) or not ident.strip():
        raise ValueError("'id' is missing or not a string")
    ident = ident.strip()
    links = row.get("links") if isinstance(row.get("links"), dict) else {}
    via = links.get("html") if isinstance(links.get("html"), str) else ""
    via = via or f"{_ANNOTATION_URL}{ident}"
    own = _own(row)
    if _is_uuid(ident):
        # One of sidelight's own, sent through Hypothesis's format and back.
        ann_id, via = ident.lower(), ""
    else:
        ann_id = stable_id(via)
    text = _str(row, "text")
    tags = row.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("'tags' must be a list of strings")
    user = _str(row, "user")
    created = parse_datetime(row["created"], "created") if row.get("created") else now_iso()
    updated = parse_datetime(row["updated"], "updated") if row.get("updated") else created
    target = replace(_target(row, own.get("fingerprint", "")), encoding=own.get("encoding", ""))
    kind = "highlight" if target.has_range else "note"
    color = own.get("color", DEFAULT_COLOR)
    ann = Annotation(
        id=ann_id, kind=kind, targets=(target,), tags=tuple(t for t in tags if t),
        color=color if color in COLORS else DEFAULT_COLOR,
        note=text, created=created, modified=updated, via=via,
        creator="" if user == DEFAULT_USER else user,
    )
    validate(ann)
    return ann


def _own(row: dict[str, Any]) -> dict[str, str]:
    """What sidelight wrote for itself in ``sidelight`` (colour, fingerprint, the file's
    encoding)."""
    own = row.get("sidelight")
    if not isinstance(own, dict):
        return {}
    return {k: v for k, v in own.items()
            if k in ("color", "fingerprint", "encoding") and isinstance(v, str) and len(v) < 100}


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36


def _target(row: dict[str, Any], fingerprint: str) -> Target:
    targets = row.get("target") or []
    if isinstance(targets, dict):
        targets = [targets]
    if not isinstance(targets, list):
        raise ValueError("'target' must be a list")
    first = targets[0] if targets else {}
    if not isinstance(first, dict):
        raise ValueError("a target must be an object")
    source = first.get("source") or row.get("uri")
    if not isinstance(source, str) or not source.strip():
        raise ValueError("no 'uri' or target 'source' names the page")
    quote: dict[str, Any] = {}
    position: dict[str, Any] = {}
    selectors = first.get("selector") or []
    if not isinstance(selectors, list):
        raise ValueError("a target's 'selector' must be a list")
    for sel in selectors:
        if not isinstance(sel, dict):
            raise ValueError("a selector must be an object")
        if sel.get("type") == "TextQuoteSelector":
            quote = sel
        elif sel.get("type") == "TextPositionSelector":
            position = sel
    exact = quote.get("exact")
    if not quote or not isinstance(exact, str) or not exact:
        # A page note: no quote, no range.
        return Target(source=_source(source), fingerprint=fingerprint, imported=True)
    prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise ValueError("a TextQuoteSelector's 'prefix' and 'suffix' must be strings")
    start = position.get("start", 0)
    if isinstance(start, bool) or not isinstance(start, int) or not 0 <= start <= MAX_OFFSET:
        start = 0
    # Hypothesis counts the page's DOM text; the quote finds the words when the page is open.
    # A position sidelight wrote (with the text's fingerprint) counts its own reading text.
    return Target(source=_source(source), fingerprint=fingerprint, start=start,
                  end=start + len(exact), exact=exact, prefix=prefix, suffix=suffix,
                  imported=True)


def _source(uri: str) -> str:
    uri = uri.strip()
    if uri.startswith("file:"):
        parsed = urlparse(uri)
        if parsed.netloc in ("", "localhost"):
            path = unquote(parsed.path)
            if "\x00" not in path:
                return path
    return uri


def _str(row: dict[str, Any], key: str) -> str:
    value = row.get(key) or ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string")
    return value


# -- writing ---------------------------------------------------------------------------------


def to_hypothesis_export(
    anns: Sequence[Annotation], titles: dict[str, str], *, user: str = DEFAULT_USER
) -> dict[str, Any]:
    """A Hypothesis client export file (``export_date``, ``export_userid``, ``annotations``)
    holding the highlights and document notes of ``anns``; links have no Hypothesis form and
    are left out (``unsupported_count`` says how many)."""
    rows = [_row(a, titles, user) for a in anns if a.kind in ("highlight", "note")]
    return {
        "export_date": now_iso(),
        "export_userid": user,
        "client_version": CLIENT_VERSION,
        "annotations": rows,
    }


def _row(ann: Annotation, titles: dict[str, str], user: str) -> dict[str, Any]:
    t = ann.target
    selectors: list[dict[str, Any]] = []
    if t.has_range and t.exact:
        selectors = [
            {"type": "TextPositionSelector", "start": t.start, "end": t.end},
            {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix,
             "suffix": t.suffix},
        ]
    uri = _uri(t.source)
    row: dict[str, Any] = {
        "id": ann.via.removeprefix(_ANNOTATION_URL) if ann.via.startswith(_ANNOTATION_URL)
        else ann.id,
        "created": ann.created,
        "updated": ann.modified,
        "user": ann.creator if ann.creator.startswith("acct:") else user,
        "uri": uri,
        "text": ann.note,
        "tags": list(ann.tags),
        "group": "__world__",
        "permissions": {"read": ["group:__world__"], "update": [user], "delete": [user],
                        "admin": [user]},
        "target": [{"source": uri, "selector": selectors}] if selectors else [{"source": uri}],
        "document": {"title": [titles.get(t.source, "")]} if titles.get(t.source) else {},
        "links": {},
        "flagged": False,
        "hidden": False,
        # What Hypothesis has no field for, read back by sidelight.
        "sidelight": {"color": ann.color, "fingerprint": t.fingerprint,
                      **({"encoding": t.encoding} if t.encoding else {})},
    }
    return row


def _uri(source: str) -> str:
    return Path(source).as_uri() if Path(source).is_absolute() else source
