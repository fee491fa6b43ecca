"""Options and helpers shared by the subcommands (no Textual here)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from sidelight.annotations.documents import STDIN, Document, is_url
from sidelight.annotations.errors import DocumentError, EditConflict, SidelightError
from sidelight.annotations.library import open_everything, open_many, remembered_encoding
from sidelight.annotations.model import Annotation
from sidelight.annotations.sources import open_source, reanchor_report, snapshot_library
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.safe_text import one_line


def describe_annotation(ann: Annotation) -> str:
    """An annotation for a message: its kind, short id and quote (or note)."""
    quote = next((t.exact for t in ann.targets if t.exact), "")
    what = f"“{one_line(quote, 60)}”" if quote else f"note “{one_line(ann.note, 60)}”"
    kind = {"note": "document note", "link": "link"}.get(ann.kind, "highlight")
    return f"{kind} {ann.id[:8]} {what}"


def _db(value: str) -> str:
    # `--db "$STORE"` with the variable unset would otherwise fall back to the default
    # store: a script meant for a scratch store would write into the user's own.
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty; give the path of the store file")
    return value


def given_twice(sources: Sequence[str]) -> str | None:
    """The first document named twice in ``sources`` (the same file by another path too),
    else None: a document is open once, as the reader's open prompt insists."""
    seen: set[str] = set()
    for source in sources:
        key = source if is_url(source) or source == STDIN else \
            os.path.realpath(os.path.expanduser(source))
        if key in seen:
            return source
        seen.add(key)
    return None


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=_db,
        help="annotation store (default: $SIDELIGHT_DB, else the per-user data directory)",
    )


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode documents with this encoding instead of UTF-8 (e.g. latin-1)",
    )


def _lang(value: str) -> str:
    from sidelight.annotations.language import language_code
    from sidelight.annotations.language.codes import ISO_639_1

    code = language_code(value)
    if code is None or code not in ISO_639_1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is no language; give a code such as en, de or fr, or a name such as "
            "German")
    return code


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        metavar="CODE",
        type=_lang,
        help="read the documents as this language (en, de, fr, …) instead of detecting it",
    )


def add_refresh_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch web pages again instead of using the saved snapshot; annotations follow "
        "their words (or become orphans) and the new snapshot is kept",
    )


def open_document(source: str, args: argparse.Namespace,
                  db: str | Path | None = None, *, quiet: bool = False) -> Document:
    """The file or web article ``source`` names, with the command's --encoding, --refresh and
    store (whose folder holds the snapshot library). ``quiet``: nothing on stderr (the reader
    shows progress and redirects itself). ``-`` is standard input."""
    if is_url(source) and sys.stderr.isatty() and not quiet:
        print(f"sidelight: opening {one_line(source, 200)} …", file=sys.stderr, flush=True)
    db = db if db is not None else getattr(args, "db", None)
    encoding = getattr(args, "encoding", None)
    try:
        doc = open_source(source, encoding, library=snapshot_library(db),
                          refresh=bool(getattr(args, "refresh", False)))
    except DocumentError as err:
        # Not UTF-8: read it as the user did when annotating it (--encoding then), if so.
        remembered = "" if (encoding or is_url(source) or source == "-"
                            or not hasattr(args, "db")) else _remembered(source, db)
        if not remembered:
            raise
        try:
            doc = open_source(source, remembered)
        except DocumentError:
            raise err from None
    lang = getattr(args, "lang", None)
    if lang:
        doc = replace(doc, language=lang)
    web = doc.web
    redirected = web is not None and web.requested_url and web.final_url not in ("", doc.path)
    if redirected and not quiet and web is not None:
        print(f"sidelight: {one_line(doc.path, 200)} was redirected to "
              f"{one_line(web.final_url, 200)}", file=sys.stderr)
    return doc


def _remembered(source: str, db: str | Path | None) -> str:
    """The encoding the store remembers for the file ``source`` ("" for none)."""
    from sidelight.annotations.locations import resolve_db_path
    from sidelight.annotations.store import open_store

    try:
        where = resolve_db_path(str(db) if db is not None else None)
        if not where.exists():
            return ""
        store = open_store(str(where))
        path = str(Path(source).expanduser().resolve())
        return remembered_encoding(store.for_document(path, ""), path)
    except (SidelightError, OSError, ValueError):
        return ""


def report_refreshed(docs: Sequence[Document], before: Sequence[Annotation],
                     after: Sequence[Annotation]) -> None:
    """One line on stderr per page fetched again: how many annotations moved or orphaned."""
    for doc in docs:
        if is_url(doc.path):
            print(f"sidelight: {one_line(reanchor_report(doc.path, before, after).message(), 400)}",
                  file=sys.stderr)


def warn_unreadable(errors: Sequence[DocumentError]) -> None:
    """One line on stderr per annotated document that is there but could not be read."""
    for err in errors:
        print(f"sidelight: warning: {one_line(str(err), 2000)} (its annotations are "
              "given from their stored quotes)", file=sys.stderr)


def open_requested(
    store: AnnotationStore, files: Sequence[str], encoding: str | None,
    args: argparse.Namespace | None = None,
) -> tuple[list[Document], list[Annotation]]:
    """The named documents and their annotations, anchored; with no names, every annotation in
    the store, anchored on the documents that can still be read (a warning for the others).
    Web articles come from the snapshot library beside the store (fetched when new, or again
    with --refresh)."""
    library = snapshot_library(store.path)
    if files:
        opts = args if args is not None else argparse.Namespace(encoding=encoding)
        docs = [open_document(path, opts, store.path) for path in files]
        refreshed = bool(getattr(opts, "refresh", False))
        before = store.all() if refreshed else []
        anns = open_many(store, docs)
        if refreshed:
            report_refreshed(docs, before, anns)
        return docs, anns
    unreadable: list[DocumentError] = []
    docs, anns = open_everything(store, encoding, unreadable, library)
    warn_unreadable(unreadable)
    return docs, anns


@contextlib.contextmanager
def again_on_conflict() -> Iterator[None]:
    """Turn a compare-and-swap refusal into what the user can do about it."""
    try:
        yield
    except EditConflict as err:
        if err.kind == "deleted":
            raise EditConflict(f"{err}; it is gone — nothing to do", kind=err.kind,
                               id=err.id) from None
        raise EditConflict(f"{err}; look at it with `sidelight notes` and run the command "
                           "again", kind=err.kind, id=err.id, current=err.current) from None
