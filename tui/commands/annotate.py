"""``sidelight annotate FILE``: add a highlight from the command line and print its id.

    sidelight annotate FILE (--start N --end M | --quote TEXT) [--note TEXT] [--color C]
                            [--tag T]… [--db PATH] [--encoding NAME]

Offsets count characters (code points) of the reading text, end exclusive: the offsets that
``sidelight notes --format json`` shows in its TextPositionSelectors. A quote must occur in the
reading text exactly once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import SidelightError
from sidelight.annotations.library import open_annotations
from sidelight.annotations.model import COLORS, DEFAULT_COLOR, new_highlight, quote_target
from sidelight.annotations.store import open_store
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_refresh_option,
    open_document,
    report_refreshed,
)
from sidelight.tui.safe_text import one_line

_SHOWN_POSITIONS = 3


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "annotate",
        help="highlight a passage of a document, with an optional note and tags",
        description=(
            "Highlight a passage, given by its words (--quote) or by character offsets "
            "(--start/--end), and print the new annotation's id."
        ),
    )
    parser.add_argument("file", metavar="FILE",
                        help="the .txt, .md or .html document, or an http(s) address")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT",
                       help="the passage's exact words; they must occur once in FILE")
    where.add_argument("--start", type=int, metavar="N",
                       help="first character of the passage (0-based, with --end)")
    parser.add_argument("--end", type=int, metavar="M",
                        help="character after the passage's last (with --start)")
    parser.add_argument("--note", default="", metavar="TEXT", help="a note on the passage")
    parser.add_argument("--color", choices=COLORS, default=DEFAULT_COLOR,
                        help=f"highlight colour (default: {DEFAULT_COLOR})")
    parser.add_argument("--tag", action="append", default=[], metavar="T",
                        help="a tag; repeat for more")
    add_db_option(parser)
    add_encoding_option(parser)
    add_refresh_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    if args.start is not None and args.end is None:
        args.usage_error("--start needs --end")
    if args.quote is not None and args.end is not None:
        args.usage_error("--end goes with --start, not with --quote")
    tags = _tags(args.tag, args.usage_error)
    doc = open_document(args.file, args)
    start, end = _range(doc, args)
    target = quote_target(doc.path, doc.fingerprint, doc.text, start, end,
                          doc.encoding)
    store = open_store(args.db)
    # Opening a document anchors its annotations; the new one joins them as they are now.
    before = store.all() if args.refresh else []
    anchored = open_annotations(store, doc)
    if args.refresh:
        report_refreshed([doc], before, anchored)
    ann = store.add(new_highlight(target, color=args.color, note=args.note, tags=tags))
    print(ann.id)
    return 0


def _range(doc: Document, args: argparse.Namespace) -> tuple[int, int]:
    if args.quote is None:
        start, end = args.start, args.end
        if not 0 <= start < end <= len(doc.text):
            raise SidelightError(
                f"{args.file}: the range {start}..{end} is outside the document's "
                f"{len(doc.text)} characters or empty; give 0 <= --start < --end <= "
                f"{len(doc.text)}"
            )
        return start, end
    quote = args.quote
    if not quote.strip():
        raise SidelightError("--quote is empty; give the words of the passage to highlight")
    positions = _occurrences(doc.text, quote)
    shown = one_line(quote, 40)
    if not positions:
        raise SidelightError(
            f"quote {shown!r} not found in {args.file}; it must match the document's words "
            "exactly (use `sidelight notes --format json` offsets or --start/--end otherwise)"
        )
    if len(positions) > 1:
        first = ", ".join(f"{p}..{p + len(quote)}" for p in positions[:_SHOWN_POSITIONS])
        more = ", …" if len(positions) > _SHOWN_POSITIONS else ""
        raise SidelightError(
            f"quote {shown!r} occurs {len(positions)} times in {args.file}; "
            f"use --start/--end (first at offsets {first}{more})"
        )
    return positions[0], positions[0] + len(quote)


def _occurrences(text: str, quote: str) -> list[int]:
    """Every start of ``quote`` in ``text``, overlapping ones included."""
    found: list[int] = []
    i = text.find(quote)
    while i != -1:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _tags(raw: list[str], usage_error: Callable[[str], NoReturn]) -> tuple[str, ...]:
    tags: list[str] = []
    for tag in raw:
        tag = tag.strip()
        if not tag:
            usage_error("--tag needs a non-empty tag")
        if tag not in tags:
            tags.append(tag)
    return tuple(tags)
