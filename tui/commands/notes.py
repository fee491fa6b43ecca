"""``sidelight notes``: list annotations, of every document or of the ones named.

    sidelight notes [FILE…] [--format table|json] [--db PATH] [--encoding NAME]

With FILEs, annotations are anchored on the documents as they are now (found by path or by
content, so moved files keep theirs) and listed with their lines; annotations whose words are
gone are flagged ORPHAN. ``--format json`` prints a list of W3C Web Annotations.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from annotations.documents import Document, is_url
from annotations.model import Annotation, Target
from annotations.sources import snapshot_library
from annotations.store import open_store
from annotations.w3c import to_w3c_list
from annotations.web.w3c_state import add_web_states
from tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_refresh_option,
    open_requested,
)
from tui.safe_text import one_line

FORMATS = ("table", "json")
_QUOTE_CHARS = 60
_NOTE_CHARS = 60
# Terminal styles for the highlight colours ("pink" is not a colour name a terminal knows).
_STYLES = {"yellow": "yellow", "green": "green", "blue": "blue", "pink": "pink1",
           "purple": "purple"}


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
                        help="a table for reading, or W3C Web Annotation JSON (default: table)")
    add_db_option(parser)
    add_encoding_option(parser)
    add_refresh_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    docs, anns = open_requested(store, args.files, args.encoding, args)
    anns = sorted(anns, key=_order)
    if args.format == "json":
        # ASCII escapes keep every control character of a quote or note off the terminal.
        items = to_w3c_list(anns, docs)
        add_web_states(items, snapshot_library(store.path))
        print(json.dumps(items, indent=2, ensure_ascii=True))
        return 0
    console = Console(highlight=False)
    if not anns:
        where = "these documents" if args.files else str(store.path)
        console.print(Text(one_line(f"No annotations in {where}.", 200)))
        return 0
    console.print(_table(anns, docs))
    return 0


def _order(ann: Annotation) -> tuple[str, int, str]:
    t = ann.target
    return (t.source, t.start if t.start is not None else -1, ann.created)


def _table(anns: Sequence[Annotation], docs: Sequence[Document]) -> Table:
    by_path = {d.path: d for d in docs}
    by_print = {d.fingerprint: d for d in docs}
    table = Table()
    table.add_column("id", no_wrap=True)
    table.add_column("document", overflow="fold")
    table.add_column("where", no_wrap=True)
    table.add_column("colour", no_wrap=True)
    table.add_column("quote", overflow="fold", ratio=3)
    table.add_column("note", overflow="fold", ratio=2)
    table.add_column("tags", overflow="fold")
    table.add_column("", no_wrap=True)
    for ann in anns:
        t = ann.target
        doc = by_path.get(t.source) or by_print.get(t.fingerprint)
        names = " ↔ ".join(_source_name(x.source, by_path) for x in ann.targets)
        if ann.kind == "note":
            quote = Text("(document note)", style="italic")
        else:
            quote = Text(one_line(t.exact, _QUOTE_CHARS))
        table.add_row(
            Text(ann.id[:8]),
            Text(one_line(names, 80)),
            Text(_where(t, doc)),
            Text(ann.color, style=_STYLES.get(ann.color, "") if ann.kind != "note" else ""),
            quote,
            Text(one_line(ann.note, _NOTE_CHARS)),
            Text(one_line(", ".join(ann.tags), 40)),
            Text("ORPHAN", style="bold red") if ann.orphan else Text(""),
        )
    return table


def _source_name(source: str, by_path: dict[str, Document]) -> str:
    """A file by its name; a web article by its outlet, authors, date and title (its address when
    it could not be opened)."""
    doc = by_path.get(source)
    web = doc.web if doc is not None else None
    if doc is None or web is None:
        return source if is_url(source) else Path(source).name
    byline = " · ".join(x for x in (web.site_name, ", ".join(web.authors), web.date) if x)
    return f"{byline}: {doc.title}" if byline else doc.title


def _where(t: Target, doc: Document | None) -> str:
    """Lines when the document is open, else the character range."""
    if t.start is None or t.end is None:
        return "—"
    if doc is not None and not t.orphan and t.end <= len(doc.text):
        first, last = doc.line_of(t.start), doc.line_of(max(t.start, t.end - 1))
        return f"L{first}" if first == last else f"L{first}–{last}"
    return f"{t.start}–{t.end}"
