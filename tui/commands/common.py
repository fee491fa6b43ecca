"""Options and helpers shared by the subcommands (no Textual here)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence

from annotations.documents import Document, load_document
from annotations.errors import DocumentError, EditConflict
from annotations.library import open_everything, open_many
from annotations.model import Annotation
from annotations.store import AnnotationStore
from tui.safe_text import one_line


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation store (default: $SIDELIGHT_DB, else the per-user data directory)",
    )


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode documents with this encoding instead of UTF-8 (e.g. latin-1)",
    )


def warn_unreadable(errors: Sequence[DocumentError]) -> None:
    """One line on stderr per annotated document that is there but could not be read."""
    for err in errors:
        print(f"sidelight: warning: {one_line(str(err), 2000)} (its annotations are "
              "given from their stored quotes)", file=sys.stderr)


def open_requested(
    store: AnnotationStore, files: Sequence[str], encoding: str | None
) -> tuple[list[Document], list[Annotation]]:
    """The named documents and their annotations, anchored; with no names, every annotation in
    the store, anchored on the documents that can still be read (a warning for the others)."""
    if files:
        docs = [load_document(path, encoding) for path in files]
        return docs, open_many(store, docs)
    unreadable: list[DocumentError] = []
    docs, anns = open_everything(store, encoding, unreadable)
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
