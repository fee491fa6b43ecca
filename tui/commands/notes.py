"""``sidelight notes``: list annotations, of every document or of the ones named.

    sidelight notes [FILE…] [--format table|json|jsonl] [--filter QUERY] [--limit N]
                    [--db PATH] [--encoding NAME]

With FILEs, annotations are anchored on the documents as they are now (found by path or by
content, so moved files keep theirs) and listed with their lines; annotations whose words are
gone are flagged ORPHAN. ``--format json`` prints a list of W3C Web Annotations, ``jsonl`` one
per line. ``--filter`` (``#tag``, a colour, words) and ``--limit`` choose the annotations before
anything is formatted.

Rows are printed as they are formatted (``notes_table``: notes wrapped whole in their column,
a column only when some annotation fills it), so that the first rows of a store of 100,000
annotations appear at once and memory does not grow with the listing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.filtering import AnnotationFilter, matches, parse_filter
from sidelight.annotations.listing import Listing, order, stream_everything
from sidelight.annotations.model import COLORS, Annotation
from sidelight.annotations.sources import snapshot_library
from sidelight.annotations.store import open_store
from sidelight.annotations.w3c import to_w3c
from sidelight.annotations.w3c_json import w3c_json_joined
from sidelight.annotations.web.w3c_state import add_web_states
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_refresh_option,
    open_requested,
    warn_unreadable,
)
from sidelight.tui.safe_text import one_line

T = TypeVar("T")
FORMATS = ("table", "json", "jsonl")
# Rows formatted and printed together: the first appear at once, the rest in few writes.
_CHUNK = 200


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "notes",
        help="list annotations (all, or those on the given documents)",
        description=(
            "List annotations: all of them, or those on the given documents, anchored on "
            "their current text. Orphans (annotations whose words are gone) are flagged."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="documents whose annotations to list (default: all annotations)")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="a table for reading, W3C Web Annotation JSON, or one W3C "
                             "annotation per line (jsonl) (default: table)")
    parser.add_argument("--filter", metavar="QUERY", default="",
                        help="only annotations matching all of: #tag, a colour, words in the "
                             "quote, note or tags (as the reader's f)")
    parser.add_argument("--grep", metavar="TEXT", action="append", default=[],
                        help="only annotations whose quote, note or tags hold TEXT (any case)")
    parser.add_argument("--tag", metavar="T", action="append", default=[],
                        help="only annotations tagged T (repeatable: all of them)")
    parser.add_argument("--color", choices=COLORS, action="append", default=[],
                        help="only annotations of this colour (repeatable: any of them)")
    parser.add_argument("--limit", type=_positive, metavar="N",
                        help="list only the first N annotations (in document order)")
    add_db_option(parser)
    add_encoding_option(parser)
    add_refresh_option(parser)
    parser.set_defaults(func=run)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return n


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    query = parse_filter(args.filter)
    query = AnnotationFilter(
        words=(*query.words, *(w for w in args.grep if w.strip())),
        tags=(*query.tags, *(t.strip().lstrip("#") for t in args.tag if t.strip())),
        colors=(*query.colors, *args.color),
    )
    listing = Listing()
    if args.files:
        docs, found = open_requested(store, args.files, args.encoding, args)
        for d in docs:
            listing.by_path[d.path] = d
            listing.by_print.setdefault(d.fingerprint, d)
        anns: Iterator[Annotation] = iter(sorted(found, key=order))
    else:
        # Document by document: the first rows of a large store appear at once.
        anns = stream_everything(store, listing, args.encoding, snapshot_library(store.path))
    if not query.empty:
        anns = (a for a in anns if matches(a, query))
    anns = itertools.islice(anns, args.limit)
    try:
        if args.format == "table":
            return _print(args, store.path, listing, anns, query)
        # JSON of a whole store is one pass over records that hold no reference cycles: the
        # cycle collector would only re-walk every record read so far, again and again. The
        # records are let go before it is back, or its first pass would walk them all once.
        with no_cycle_collection():
            path = store.path
            del store
            status = _print(args, path, listing, anns, query)
            del anns
        return status
    finally:
        warn_unreadable(listing.unreadable)


def _print(args: argparse.Namespace, db: Path, listing: Listing, anns: Iterator[Annotation],
           query: AnnotationFilter) -> int:
    # The first chunk is read before anything is printed: when it is all there is, the table
    # shows only the columns it fills; a longer listing streams with every column.
    head = list(itertools.islice(anns, _CHUNK))
    if args.format in ("json", "jsonl"):
        return _print_json(args.format, db, listing, itertools.chain(head, anns), bool(head))
    return _print_table(args, db, listing, head, anns, query)


def _print_json(fmt: str, db: Path, listing: Listing, anns: Iterator[Annotation],
                some: bool) -> int:
    out = sys.stdout
    library = snapshot_library(db)

    def item(ann: Annotation) -> dict[str, object]:
        obj = to_w3c(ann, listing.by_path)
        add_web_states([obj], library)
        return obj

    # ASCII escapes keep every control character of a quote or note off the terminal.
    if out.isatty() and fmt == "json":
        # Indented for a person at a terminal.
        out.write("[")
        for n, ann in enumerate(anns):
            text = json.dumps(item(ann), indent=2, ensure_ascii=True).replace("\n", "\n  ")
            out.write(("," if n else "") + "\n  " + text)
        out.write("\n]\n" if some else "]\n")
        return 0

    def other(ann: Annotation) -> str:
        # A web target's TimeState and a lone surrogate's scrubbing take the object's way.
        return json.dumps(item(ann), ensure_ascii=True)

    # Piped to a program: one annotation per line (Python's fast encoder cannot indent, and
    # 100,000 indented ones take a minute), written a chunk at a time, each chunk's
    # annotations written straight into one text (as json.dumps writes their objects).
    by_path = listing.by_path
    if fmt == "jsonl":
        for chunk in _chunks(anns, _CHUNK):
            out.write(w3c_json_joined(chunk, by_path, "\n", other))
            out.write("\n")
        return 0
    out.write("[")
    for n, chunk in enumerate(_chunks(anns, _CHUNK)):
        # The separator apart, not joined to the chunk's text: that would copy the text again.
        out.write(",\n  " if n else "\n  ")
        out.write(w3c_json_joined(chunk, by_path, ",\n  ", other))
    out.write("\n]\n" if some else "]\n")
    return 0


def _print_table(args: argparse.Namespace, db: Path, listing: Listing, head: list[Annotation],
                 anns: Iterator[Annotation], query: AnnotationFilter) -> int:
    # Rich only here: JSON never draws, and a listing piped to a program starts sooner.
    from rich.console import Console
    from rich.text import Text

    from sidelight.tui.commands.notes_table import layout as table_layout
    from sidelight.tui.commands.notes_table import rows as table_rows

    out = sys.stdout
    console = Console(highlight=False)
    if not head:
        where = "these documents" if args.files else str(db)
        if not query.empty:
            where += f" matching {query.describe()}"
        # One line also when piped (Rich would cut it at 80 columns): grep finds it whole.
        console.print(Text(one_line(f"No annotations in {where}.", 200)), soft_wrap=True)
        return 0
    # Piped (to a file, grep, less): a wide table, not 80 columns.
    width = console.width if console.is_terminal else 220
    table = table_layout(head, width, every=len(head) == _CHUNK)
    rows = table_rows(itertools.chain(head, anns), listing, table)
    for chunk in _chunks(rows, _CHUNK):
        if console.is_terminal:
            console.print(Text("\n").join(chunk), crop=True, overflow="crop", no_wrap=True)
        else:
            out.write("".join(line.rstrip() + "\n" for row in chunk
                              for line in row.plain.split("\n")))
    return 0


def _chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` rows, the last one shorter (never empty)."""
    # Cut by islice, not a loop over each row: a listing of 100,000 spent a tenth of a second
    # of its CPU there.
    it = iter(rows)
    return iter(lambda: list(itertools.islice(it, size)), [])
