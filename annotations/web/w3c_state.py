"""Web annotation targets on web articles: the ``state`` the W3C model gives a resource that
changes over time (https://www.w3.org/TR/annotation-model/#time-state).

A target whose ``source`` is a page's address gets a ``TimeState``: ``sourceDate`` is when
the snapshot the annotation points into was fetched, ``cached`` the ``file:`` address of that
snapshot's HTML; ``sidelight:page`` holds the article's title, outlet, authors, publication
date, canonical address and language. Reading back, a ``cached`` address is never opened:
only a snapshot name (the hash in it) is taken, and used if the snapshot is in the user's own
library.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sidelight.annotations.documents import is_url
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.model import Annotation
from sidelight.annotations.web.snapshots import SnapshotEntry, SnapshotLibrary

_SNAPSHOT_NAME = re.compile(r"(?:^|/)([0-9a-f]{64})\.html$")


def add_web_states(items: Sequence[dict[str, Any]], library: SnapshotLibrary) -> None:
    """Give every web-article target of the W3C ``items`` its TimeState (in place)."""
    for item in items:
        for target in _as_list(item.get("target")):
            if not isinstance(target, dict):
                continue
            url = target.get("source")
            if not isinstance(url, str) or not is_url(url):
                continue
            fingerprint = target.get("sidelight:fingerprint")
            entry = (library.snapshot_with_text(url, fingerprint)
                     if isinstance(fingerprint, str) and fingerprint else None)
            entry = entry or library.latest(url)
            if entry is None:
                continue
            state: dict[str, Any] = {"type": "TimeState",
                                     "cached": library.html_path(entry.snapshot).as_uri()}
            if entry.fetched:
                state["sourceDate"] = entry.fetched
            target["state"] = state
            page = _page(library, entry)
            if page:
                target["sidelight:page"] = page


def _page(library: SnapshotLibrary, entry: SnapshotEntry) -> dict[str, Any]:
    """What the article says of itself (the model has no terms for an outlet or a byline)."""
    try:
        web = library.document(entry).web
    except DocumentError:
        return {}
    if web is None:
        return {}
    fields = {"title": web.title, "siteName": web.site_name, "authors": list(web.authors),
              "published": web.date, "canonical": web.url, "language": web.language}
    return {k: v for k, v in fields.items() if v}


def snapshot_of_state(state: Any) -> str | None:
    """The snapshot a TimeState's ``cached`` names, if it names one the sidelight way."""
    for candidate in _as_list(state):
        if not isinstance(candidate, dict):
            continue
        for cached in _as_list(candidate.get("cached")):
            if isinstance(cached, str):
                m = _SNAPSHOT_NAME.search(cached.strip())
                if m:
                    return m.group(1)
    return None


def apply_web_states(anns: Sequence[Annotation], items: Sequence[Any],
                     library: SnapshotLibrary) -> list[Annotation]:
    """Imported annotations whose web targets carry no fingerprint but whose state names a
    snapshot in ``library`` of the same address: pointed into that snapshot's text (so their
    positions count there). Everything else is returned unchanged."""
    if len(anns) != len(items):
        return list(anns)
    out = []
    for ann, item in zip(anns, items, strict=True):
        raw_targets = _as_list(item.get("target")) if isinstance(item, dict) else []
        targets = list(ann.targets)
        for i, (t, raw) in enumerate(zip(targets, raw_targets, strict=False)):
            if t.fingerprint or not is_url(t.source) or not isinstance(raw, dict):
                continue
            name = snapshot_of_state(raw.get("state"))
            entry = next((e for e in library.entries(t.source) if e.snapshot == name), None)
            if entry is not None:
                targets[i] = replace(t, fingerprint=library.document(entry).fingerprint)
        out.append(replace(ann, targets=tuple(targets)))
    return out


def w3c_items(data: Any) -> list[Any]:
    """The annotations of a W3C JSON document, in order: a list, one annotation, or a page or
    collection with ``items`` (or ``first.items``)."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("items"), list):
            return data["items"]
        first = data.get("first")
        if isinstance(first, dict) and isinstance(first.get("items"), list):
            return first["items"]
        return [data]
    return []


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
