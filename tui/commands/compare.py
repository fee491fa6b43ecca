"""``sidelight compare A B [C…]``: the comparison report, without the reader.

    sidelight compare a.txt b.md [--format markdown|json] [-o PATH [--force]] [--db PATH]

The report goes to stdout, or to PATH (never over an existing file unless --force). Link
notes between the documents are read from the annotation store; the store is only read,
and a missing one is not created.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import DocumentError, SidelightError
from sidelight.annotations.model import Annotation
from sidelight.annotations.output_files import check_output, write_text
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_lang_option,
    add_refresh_option,
    given_twice,
    open_document,
)
from sidelight.tui.safe_text import one_line, printable

FORMATS = ("markdown", "json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare two or more documents: entities, differences, unique and aligned passages",
        description=(
            "Compare accounts of one story: which entities each source names, where numbers "
            "or quoted words differ, what only one source says, and which passages align."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="two or more .txt, .md or .html files or http(s) addresses")
    parser.add_argument("--format", choices=FORMATS, default="markdown",
                        help="report format (default: markdown)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write the report to PATH instead of standard output (- is "
                        "standard output)")
    parser.add_argument("--force", action="store_true",
                        help="with -o, replace PATH if it already exists")
    add_db_option(parser)
    add_encoding_option(parser)
    add_lang_option(parser)
    add_refresh_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    if len(args.files) < 2:
        # How the command was called, not what a file holds: a usage error (exit 2).
        args.usage_error(f"needs at least two documents, got {len(args.files)}; "
                         "name two or more files")
    twice = given_twice(args.files)
    if twice is not None:
        # A document compared with itself tells every claim "the same way" twice over.
        args.usage_error(f"{twice} is given twice; name each document once")
    # `-o -` is standard output, as for `export`.
    out_path = Path(args.output).expanduser() if args.output and args.output != "-" else None
    if out_path is not None:
        check_output(out_path, force=args.force)
    docs = [_load(path, args) for path in args.files]
    try:
        links = load_links(docs, args.db)
    except SidelightError as err:
        # The report stands without the notes; say why they are missing.
        print(f"sidelight: warning: {err}; link notes are left out of the report",
              file=sys.stderr)
        links = []
    # Imported here: every other command (and --help) starts without the comparison.
    from sidelight.annotations.comparison import compare_documents

    comparison = compare_documents(docs, links=links)
    # Imported here: building the command line must not depend on the report's helpers.
    from sidelight.annotations.comparison.report import render_json, render_markdown

    if args.format == "json":
        report = render_json(comparison)
    else:
        # Escaped Markdown can still hold terminal controls from a document: make them
        # visible, whether the report goes to a terminal or to a file someone will cat.
        report = printable(render_markdown(comparison))
    if out_path is None:
        sys.stdout.write(report)
        sys.stdout.flush()
    else:
        write_text(out_path, report, replace=args.force)
        print(f"sidelight: wrote the comparison of {len(docs)} documents to "
              f"{one_line(str(out_path), 300)}", file=sys.stderr)
    return 0


def _load(path: str, args: argparse.Namespace) -> Document:
    doc = open_document(path, args)
    if doc.empty:
        raise DocumentError(f"{doc.path}: is empty; there is nothing to compare")
    return doc


def load_links(docs: Sequence[Document], db: str | None) -> list[Annotation]:
    """Link notes that touch any of ``docs``, re-anchored to their current text. Read only:
    a store that does not exist yet yields none (and is not created)."""
    from sidelight.annotations.anchoring import anchor_annotation
    from sidelight.annotations.locations import resolve_db_path
    from sidelight.annotations.store import AnnotationStore

    path = resolve_db_path(db)
    if not path.exists():
        return []
    store = AnnotationStore(path)
    found: dict[str, Annotation] = {}
    for doc in docs:
        for ann in store.for_document(doc.path, doc.fingerprint):
            if ann.kind == "link":
                found.setdefault(ann.id, ann)
    links = []
    for ann in found.values():
        for doc in docs:
            if ann.touches(doc.path, doc.fingerprint):
                ann = anchor_annotation(ann, doc)
        links.append(ann)
    return sorted(links, key=lambda a: a.created)


