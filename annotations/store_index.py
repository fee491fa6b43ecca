"""The store's index (``PATH``): which document file holds annotations on which documents.

A small TinyDB file whose ``documents`` table lists, for each document file
(``PATH.d/doc-<hash>.json``), the document paths and fingerprints its annotations point to.
It only ever over-approximates (see ``annotations.store``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sidelight.annotations.model import Annotation
from sidelight.annotations.storage import META_ID, META_TABLE, corrupt_error, stale_temporaries

# Schema 2: the index and one file per document; 3: document files may have a journal.
SCHEMA = 3
FIRST_INDEX_SCHEMA = 2
INDEX_TABLE = "documents"
_NAME = re.compile(r"doc-[0-9a-f]{16}\Z")

Keys = tuple[frozenset[str], frozenset[str]]


def shard_name(source: str) -> str:
    """The name of the file holding annotations made on the document at ``source``."""
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    return f"doc-{digest[:16]}"


def keys_of(ann: Annotation) -> tuple[frozenset[str], frozenset[str]]:
    return (frozenset(t.source for t in ann.targets),
            frozenset(t.fingerprint for t in ann.targets if t.fingerprint))


@dataclass
class Index:
    """What ``PATH`` says: the layout, and which document files touch which documents."""

    kind: str = "empty"  # "empty" (no file), "index" (schema 2+), or "legacy" (one file)
    schema: int = SCHEMA
    folder: str = ""
    entries: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    read_only_reason: str = ""
    by_source: dict[str, set[str]] = field(default_factory=dict)
    by_print: dict[str, set[str]] = field(default_factory=dict)

    def touching(self, source: str, fingerprint: str) -> set[str]:
        return self.by_source.get(source, set()) | self.by_print.get(fingerprint, set())

    def covers(self, name: str, keys: tuple[frozenset[str], frozenset[str]]) -> bool:
        have = self.entries.get(name)
        return have is not None and keys[0] <= have[0] and keys[1] <= have[1]


def parse_index(path: Path, data: dict[str, dict[str, Any]] | None) -> Index:
    if data is None:
        return Index()
    meta_table = data.get(META_TABLE)
    if meta_table is None:
        return Index(kind="legacy", schema=0)  # plain TinyDB
    meta = meta_table.get(META_ID)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise corrupt_error(path, "its _meta record has no valid schema version")
    if schema < FIRST_INDEX_SCHEMA or (schema > SCHEMA and INDEX_TABLE not in data):
        # The one-file layout; a newer one-file store is read (read-only) as such.
        return Index(kind="legacy", schema=schema)
    assert isinstance(meta, dict)
    folder = meta.get("folder")
    if not isinstance(folder, str) or folder != Path(folder).name or not folder.startswith(
            f"{path.name}.d"):
        raise corrupt_error(path, f"its _meta record names no valid folder ({folder!r})")
    index = Index(kind="index", schema=schema, folder=folder)
    unknown = [repr(n) for n in data if n not in (META_TABLE, INDEX_TABLE)]
    for name, entry in data.get(INDEX_TABLE, {}).items():
        if not _NAME.match(name):
            raise corrupt_error(path, f"document file {name!r} is not a valid name")
        lists = [entry.get(k) for k in ("sources", "fingerprints")]
        if not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists):
            raise corrupt_error(path, f"document file {name!r} must list sources and fingerprints")
        unknown += [repr(k) for k in entry if k not in ("sources", "fingerprints")]
        sources, prints = frozenset(lists[0]), frozenset(lists[1])  # type: ignore[arg-type]
        index.entries[name] = (sources, prints)
        for s in sources:
            index.by_source.setdefault(s, set()).add(name)
        for p in prints:
            index.by_print.setdefault(p, set()).add(name)
    if schema > SCHEMA:
        index.read_only_reason = (
            f"{path} was written by a newer sidelight (schema {schema}); "
            "opened read-only — upgrade sidelight to change it")
    elif unknown:
        index.read_only_reason = (
            f"{path} holds data this sidelight does not know ({', '.join(unknown[:3])}); "
            "opened read-only so it is kept — upgrade sidelight to change it")
    return index


def store_files(path: Path) -> list[Path]:
    """Every file of the store at ``path`` that exists: the index, then each document file
    (in every folder of document files, including ones no index names any more)."""
    out = [path] if path.exists() else []
    folder = re.compile(re.escape(path.name) + r"\.d\d*")
    try:
        names = sorted(os.listdir(path.parent))
    except OSError:
        return out
    for name in names:
        sub = path.parent / name
        if folder.fullmatch(name) and sub.is_dir():
            out += sorted(p for p in sub.iterdir() if _NAME.match(p.stem)
                          and p.suffix == ".json")
    return out


def store_temporaries(path: Path) -> list[Path]:
    """Temporary files left by writers of the index or of any document file."""
    found = list(stale_temporaries(path))
    for f in store_files(path):
        if f != path:
            found += stale_temporaries(f)
    return found


