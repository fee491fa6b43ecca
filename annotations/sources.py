"""Opening what the user names: a file by its path, or a web article by its address.

A web article is read from the snapshot library when it has been read before (so it opens
offline and its annotations point into the text the user annotated); it is fetched, extracted
and kept as a new snapshot the first time, or when ``refresh`` asks for the page as it is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sidelight.annotations.documents import (
    MAX_BYTES,
    Document,
    is_url,
    load_document,
    piped_text_document,
)
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.locations import resolve_db_path
from sidelight.annotations.model import Annotation, now_iso
from sidelight.annotations.web.snapshots import SnapshotLibrary


def snapshot_library(db: str | Path | None = None) -> SnapshotLibrary:
    """The snapshots beside the store: the annotations and the text they point into travel
    together (the default store, and so the library, is in the per-user data directory)."""
    return SnapshotLibrary(resolve_db_path(str(db) if db else None).parent / "snapshots")


def open_source(source: str | Path, encoding: str | None = None, *,
                library: SnapshotLibrary | None = None, refresh: bool = False,
                offline: bool = False) -> Document:
    """The document ``source`` names (``-``: standard input). Raises DocumentError with a
    one-line reason."""
    if source == "-":
        return read_piped(_read_stdin(), encoding)
    if isinstance(source, str) and is_url(source):
        return open_url(source, library or snapshot_library(), refresh=refresh,
                        offline=offline)
    return load_document(source, encoding)


STDIN_NAME = "-"


def _read_stdin() -> bytes:
    import sys

    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"standard input: more than {MAX_BYTES // (1024 * 1024)} MB; save it to a file and "
            "split it first"
        )
    return data


def read_piped(data: bytes, encoding: str | None = None) -> Document:
    """A document from piped bytes: an HTML page when its first bytes say so (its article is
    extracted, charset from its <meta>), else Markdown or text."""
    from sidelight.annotations.web.sniff import looks_like_html

    if looks_like_html(data):
        from sidelight.annotations.web.charset import decode_html
        from sidelight.annotations.web.page import html_document

        html = data.decode(encoding, "replace") if encoding else decode_html(data)[0]
        return html_document(STDIN_NAME, html)
    return piped_text_document(data, STDIN_NAME, encoding)


def open_url(url: str, library: SnapshotLibrary, *, refresh: bool = False,
             offline: bool = False) -> Document:
    from sidelight.annotations.web.fetch import fetch_page, normalise_url

    url = normalise_url(url)
    if not refresh:
        entry = library.latest(url)
        if entry is not None:
            return library.document(entry)
    if offline:
        raise DocumentError(f"{url}: no snapshot of it in {library.root}; open it once to fetch it")
    from sidelight.annotations.web.model import PageMeta
    from sidelight.annotations.web.page import html_document

    page = fetch_page(url)
    fetched = now_iso()
    meta = PageMeta(fetched=fetched, requested_url=url, final_url=page.final_url)
    doc = html_document(url, page.html, page.final_url, meta)
    if doc.empty:
        raise DocumentError(
            f"{url}: the page has no article text sidelight can read (it may be built by "
            "JavaScript in a browser); save it from a browser and open the .html file"
        )
    entry = library.save(url, page.body, doc, fetched, page.final_url, page.redirects)
    assert doc.web is not None
    return replace(doc, web=replace(doc.web, snapshot=entry.snapshot))


@dataclass(frozen=True, slots=True)
class Reanchored:
    """How a refreshed page's annotations fared against its new text."""

    source: str
    kept: int
    moved: int
    orphaned: int
    # Now on words that differ from the quote the reader highlighted ("about 8 percent"
    # edited to "about 9 percent"), moved or not: a note on them may no longer fit. Spacing
    # alone (a reflowed paragraph) changes no word.
    reworded: int = 0

    @property
    def total(self) -> int:
        return self.kept + self.moved + self.reworded + self.orphaned

    def counts(self) -> str:
        """``"1 unchanged, 2 moved, …"``, for the reader's and the commands' messages."""
        its = "their notes" if self.reworded > 1 else "its note"
        changed = f", {self.reworded} on changed words (check {its})" if self.reworded else ""
        return (f"{self.kept} unchanged, {self.moved} moved{changed}, {self.orphaned} orphaned "
                "(kept, flagged)")

    def message(self) -> str:
        if not self.total:
            return f"{self.source}: fetched again; no annotations on it"
        return (f"{self.source}: fetched again; {self.total} annotation"
                f"{'s' if self.total != 1 else ''}: {self.counts()}")


def reanchor_report(source: str, before: Sequence[Annotation],
                    after: Sequence[Annotation]) -> Reanchored:
    """Compare the targets on ``source`` before and after the page was read again."""
    old = {a.id: a for a in before}
    kept = moved = orphaned = reworded = 0
    for ann in after:
        prev = old.get(ann.id)
        if prev is None:
            continue
        for t_old, t_new in zip(prev.targets, ann.targets, strict=False):
            if t_new.source != source or not t_new.has_range:
                continue
            if t_new.orphan:
                orphaned += 1
            elif " ".join(t_new.exact.split()) != " ".join(t_old.exact.split()):
                reworded += 1
            elif (t_new.start, t_new.end) != (t_old.start, t_old.end):
                moved += 1
            else:
                kept += 1
    return Reanchored(source, kept, moved, orphaned, reworded)
