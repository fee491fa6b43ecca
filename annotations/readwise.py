"""Readwise (https://readwise.io): highlights written as its CSV import file, and its CSV
export read back.

Write: the columns of Readwise's CSV import (Highlight, Title, Author, URL, Note, Location,
Date), one row per highlight, with its tags in the note as Readwise reads them (``.tag``
words at the start of the note), so a user can send sidelight highlights to their Readwise
library. Location is the highlight's position, so Readwise keeps reading order.

Read: that file, or Readwise's own export (Highlight, Book Title, Book Author, Note, Color,
Tags, Location, Highlighted at, ...). A row names no file sidelight could open, so each
highlight is anchored by its quote: its source is the URL column when there is one (the
words are found when the user opens it), else the book's title, and such a highlight is an
orphan that keeps its quote.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sidelight.annotations.import_json import has_surrogates, parse_datetime
from sidelight.annotations.model import COLORS, DEFAULT_COLOR, Annotation, Target, now_iso, validate

HEADER = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")
_NAMESPACE = uuid.UUID("a3c51e7e-21b4-4c1e-9d5e-0f6b2d9c8e71")
_TAG_WORD = re.compile(r"\.([\w-]+)")
MAX_ROWS = 1_000_000


def to_readwise_csv(anns: Sequence[Annotation], titles: dict[str, str]) -> str:
    """Readwise's CSV import file for the highlights of ``anns``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for ann in anns:
        if ann.kind != "highlight":
            continue
        t = ann.target
        tags = " ".join(f".{_tag_word(tag)}" for tag in ann.tags if _tag_word(tag))
        note = f"{tags}\n{ann.note}".strip("\n") if tags else ann.note
        writer.writerow([
            t.exact.rstrip("\n") or t.exact, titles.get(t.source, "") or t.source, "",
            t.source, note, t.start or 0, _date(ann.created),
        ])
    return out.getvalue()


def as_stored(anns: Sequence[Annotation], current: Mapping[str, Annotation]) -> list[Annotation]:
    """``anns`` read from a CSV, each row that names a highlight of ``current`` by its file,
    quote and position (sidelight's own export read back) under that highlight's id. The CSV
    has no id column: without this, a round trip would add a second highlight beside each
    one; with it, the import's usual rules apply (the same, or the user's version kept)."""
    places: dict[tuple[str, str, int], str] = {}
    for ann in current.values():
        if ann.kind == "highlight" and ann.targets:
            t = ann.target
            places.setdefault((t.source, t.exact.rstrip("\n"), t.start or 0), ann.id)
    out = []
    for ann in anns:
        t = ann.target
        stored = places.get((t.source, t.exact.rstrip("\n"), t.start or 0))
        out.append(replace(ann, id=stored) if stored is not None else ann)
    return out


def _tag_word(tag: str) -> str:
    return re.sub(r"[^\w-]+", "-", tag.lstrip("#")).strip("-")


def _date(stamp: str) -> str:
    """Readwise's date format: ``YYYY-MM-DD HH:MM:SS`` (UTC)."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})", stamp)
    return f"{m.group(1)} {m.group(2)}" if m else ""


def is_readwise_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return first.startswith("Highlight,") or first.startswith('"Highlight",')


def parse_readwise_csv(text: str) -> list[Annotation]:
    """Highlights from a Readwise CSV (its import format or its export). ``ValueError``
    names the row and what is wrong; all or nothing."""
    if has_surrogates(text):
        raise ValueError("holds a lone surrogate, which is not Unicode")
    if "\x00" in text:
        raise ValueError("holds a NUL byte; not a CSV file")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    fields = reader.fieldnames or []
    if "Highlight" not in fields:
        raise ValueError("no 'Highlight' column; not a Readwise CSV")
    anns: list[Annotation] = []
    seen: set[str] = set()
    try:
        for n, row in enumerate(reader, 2):
            if n > MAX_ROWS:
                raise ValueError(f"more than {MAX_ROWS} rows")
            if None in row:
                raise ValueError(f"row {n}: more cells than the header has columns")
            ann = _row(row, n)
            if ann is None:
                continue
            if ann.id in seen:
                continue  # the same highlight twice in one file: once is enough
            seen.add(ann.id)
            anns.append(ann)
    except csv.Error as err:
        raise ValueError(f"not a valid CSV file ({err})") from None
    return anns


def _row(row: dict[str, Any], n: int) -> Annotation | None:
    quote = (row.get("Highlight") or "").replace("\r\n", "\n")
    if not quote.strip():
        return None
    title = (row.get("Title") or row.get("Book Title") or "").strip()
    url = (row.get("URL") or "").strip()
    note = row.get("Note") or ""
    tags, note = _tags(note)
    tags += tuple(t.strip() for t in (row.get("Tags") or "").split(",") if t.strip())
    color = (row.get("Color") or "").strip().lower()
    location = _location(row.get("Location"))
    stamp = (row.get("Date") or row.get("Highlighted at") or "").strip()
    created = now_iso()
    if stamp:
        try:
            created = parse_datetime(stamp.replace(" ", "T", 1), "Date")
        except ValueError:
            raise ValueError(f"row {n}: 'Date' {stamp[:40]!r} is not a date-time") from None
    source = url or f"Readwise: {title or 'untitled'}"
    target = Target(
        source=source, fingerprint="", start=location, end=location + len(quote), exact=quote,
        orphan=not url, imported=True,
    )
    key = hashlib.sha256(f"{source}\x00{quote}\x00{location}".encode()).hexdigest()
    ann = Annotation(
        id=str(uuid.uuid5(_NAMESPACE, key)), kind="highlight", targets=(target,),
        color=color if color in COLORS else DEFAULT_COLOR, tags=tags, note=note,
        created=created, modified=created,
    )
    validate(ann)
    return ann


def _tags(note: str) -> tuple[tuple[str, ...], str]:
    """Readwise's inline tags: ``.tag`` words opening the note (a line of them)."""
    first, _, rest = note.partition("\n")
    words = first.split()
    if words and all(_TAG_WORD.fullmatch(w) for w in words):
        return tuple(w[1:] for w in words), rest
    return (), note


def _location(value: Any) -> int:
    try:
        number = int(str(value or "0").strip())
    except ValueError:
        return 0
    return number if 0 <= number < 10**12 else 0
