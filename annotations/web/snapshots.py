"""The snapshot library: what the user read of each web article, kept on disk.

A snapshot is the page's raw HTML (``html/<sha256>.html``, named by the hash of its bytes) and
what was extracted from it (``pages/<sha256>.json``: reading text, style runs, metadata),
so the reading text annotations point into never changes under them, even when the extractor
does. ``index.json`` lists, per address, the snapshots taken and when. Every file is written
to a temporary file, flushed and renamed into place, and the index is changed under a lock,
so two sidelights and a crash at any moment leave a readable library.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import DocumentError

_FORMAT = 1
_LOCK_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class SnapshotEntry:
    """One fetch of ``url``: the snapshot it produced and when."""

    url: str
    snapshot: str
    fetched: str
    final_url: str = ""
    redirects: tuple[str, ...] = ()


class SnapshotLibrary:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # --- reading ------------------------------------------------------------------------

    def entries(self, url: str) -> list[SnapshotEntry]:
        """The snapshots of ``url``, oldest first."""
        return [e for e in self._index_entries() if e.url == url]

    def latest(self, url: str) -> SnapshotEntry | None:
        found = self.entries(url)
        return found[-1] if found else None

    def urls(self) -> list[str]:
        seen: dict[str, None] = {}
        for e in self._index_entries():
            seen.setdefault(e.url, None)
        return list(seen)

    def document(self, entry: SnapshotEntry) -> Document:
        """The document a snapshot holds, exactly as it was first read."""
        from sidelight.annotations.markdown_text import StyleRun
        from sidelight.annotations.web.model import PageMeta
        from sidelight.annotations.web.page import document_from_extracted

        path = self.root / "pages" / f"{entry.snapshot}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            text = data["text"]
            styles = tuple(StyleRun(int(s), int(e), str(st)) for s, e, st in data["styles"])
            meta = PageMeta.from_dict(data["meta"])
        except FileNotFoundError:
            raise DocumentError(
                f"{entry.url}: its snapshot {entry.snapshot[:12]} is missing from {self.root}; "
                "open it with --refresh to fetch it again"
            ) from None
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise DocumentError(
                f"{entry.url}: its snapshot {path} cannot be read ({err}); "
                "open it with --refresh to fetch it again"
            ) from None
        meta = replace(meta, fetched=entry.fetched, snapshot=entry.snapshot,
                       final_url=entry.final_url, requested_url=entry.url)
        return document_from_extracted(entry.url, text, styles, meta)

    def snapshot_with_text(self, url: str, fingerprint: str) -> SnapshotEntry | None:
        """The newest snapshot of ``url`` whose reading text has ``fingerprint``."""
        for entry in reversed(self.entries(url)):
            with contextlib.suppress(DocumentError):
                if self.document(entry).fingerprint == fingerprint:
                    return entry
        return None

    def html_path(self, snapshot: str) -> Path:
        return self.root / "html" / f"{snapshot}.html"

    # --- writing ------------------------------------------------------------------------

    def save(self, url: str, body: bytes, doc: Document, fetched: str, final_url: str = "",
             redirects: tuple[str, ...] = ()) -> SnapshotEntry:
        """Keep a fetched page and what was read from it; returns the new index entry."""
        digest = hashlib.sha256(body).hexdigest()
        html_path = self.html_path(digest)
        page_path = self.root / "pages" / f"{digest}.json"
        if not html_path.exists():
            _write_atomic(html_path, body)
        if not page_path.exists():
            from sidelight.annotations.web.model import PageMeta

            meta = doc.web or PageMeta()
            record = {
                "format": _FORMAT,
                "text": doc.text,
                "styles": [[s.start, s.end, s.style] for s in doc.styles],
                "meta": {**meta.to_dict(), "fetched": "", "snapshot": digest},
            }
            _write_atomic(page_path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        entry = SnapshotEntry(url, digest, fetched, final_url, redirects)
        with self._locked():
            entries = self._index_entries()
            entries.append(entry)
            self._write_index(entries)
        return entry

    def remove(self, url: str) -> list[SnapshotEntry]:
        """Forget every snapshot of ``url``; files no other address uses are deleted."""
        with self._locked():
            entries = self._index_entries()
            removed = [e for e in entries if e.url == url]
            kept = [e for e in entries if e.url != url]
            self._write_index(kept)
        still_used = {e.snapshot for e in kept}
        for digest in {e.snapshot for e in removed} - still_used:
            for path in (self.html_path(digest), self.root / "pages" / f"{digest}.json"):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        return removed

    # --- the index ----------------------------------------------------------------------

    @property
    def _index_path(self) -> Path:
        return self.root / "index.json"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DocumentError(
                f"{self.root}: the snapshot library cannot be created ({err.strerror or err})"
            ) from None
        # Imported here: only a change to the library locks it, and opening the reader on a
        # local file reads nothing of it.
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.root / "index.json.lock"), timeout=_LOCK_TIMEOUT)
        try:
            lock.acquire()
        except Timeout:
            raise DocumentError(
                f"{self.root}: the snapshot library is locked by another sidelight; try again"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _index_entries(self) -> list[SnapshotEntry]:
        try:
            data: Any = json.loads(self._index_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as err:
            raise DocumentError(
                f"{self._index_path}: the snapshot index cannot be read ({err}); move it aside "
                "to start a new library"
            ) from None
        out = []
        for raw in data.get("snapshots", []) if isinstance(data, dict) else []:
            if not isinstance(raw, dict):
                continue
            url, digest = raw.get("url"), raw.get("snapshot")
            if not isinstance(url, str) or not isinstance(digest, str) \
                    or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
                continue  # never let an edited index name a file outside the library
            redirects = raw.get("redirects") or []
            out.append(SnapshotEntry(
                url, digest, str(raw.get("fetched") or ""), str(raw.get("final_url") or ""),
                tuple(r for r in redirects if isinstance(r, str)),
            ))
        return out

    def _write_index(self, entries: list[SnapshotEntry]) -> None:
        data = {"format": _FORMAT, "snapshots": [
            {"url": e.url, "snapshot": e.snapshot, "fetched": e.fetched,
             "final_url": e.final_url, "redirects": list(e.redirects)} for e in entries
        ]}
        _write_atomic(self._index_path,
                      json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise DocumentError(
            f"{path}: the snapshot cannot be saved ({err.strerror or err}); nothing was changed"
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
