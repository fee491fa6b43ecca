"""``sidelight entities``: the named entities of a document.

    sidelight entities FILE [--format jsonl|table] [--encoding NAME] [--lang CODE]

``jsonl`` prints one object per entity, ``{"start", "end", "label", "text", "key"}``, with
offsets into the document's reading text (for Markdown, the rendered text); ``table`` lists
them for reading. No Textual here: the command runs without a terminal user interface.
"""

from __future__ import annotations

import argparse
import json
import sys

from sidelight.annotations.language import document_language, language_name
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_lang_option,
    add_refresh_option,
    open_document,
)

FORMATS = ("jsonl", "table")
_LABEL_STYLES = {"PERSON": "bold cyan", "ORG": "bold magenta", "GPE": "bold green",
                 "NORP": "green", "DATE": "yellow", "MONEY": "bold yellow",
                 "PERCENT": "yellow", "CARDINAL": "dim yellow"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="list the named entities of a document",
        description="List the people, organisations, places, dates and amounts of a document.",
    )
    parser.add_argument("file", metavar="FILE",
                        help="a .txt, .md or .html document, an http(s) address, or - for "
                        "standard input")
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="one JSON object per entity, or a table for reading (default: jsonl)")
    add_encoding_option(parser)
    add_lang_option(parser)
    add_refresh_option(parser)
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = open_document(args.file, args)
    lang = document_language(doc)
    # Imported here: the word lists load only for the command that uses them.
    from sidelight.annotations.entities import recognize

    ents = recognize(doc.text, lang)
    if args.format == "jsonl":
        out = sys.stdout
        for e in ents:
            # ASCII escapes keep any control character of the document off the terminal.
            out.write(json.dumps({"start": e.start, "end": e.end, "label": e.label,
                                  "text": e.text, "key": e.key}) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from sidelight.tui.safe_text import one_line

    # Text, not str: Rich would read "[...]" in a title or an entity as console markup.
    table = Table(title=Text(f"{one_line(doc.title or doc.name)} ({language_name(lang)})"),
                  show_lines=False)
    for col in ("line", "label", "text", "key"):
        table.add_column(col, justify="right" if col == "line" else "left")
    for e in ents:
        table.add_row(str(doc.line_of(e.start)), e.label, Text(one_line(e.text)),
                      Text(one_line(e.key)), style=_LABEL_STYLES.get(e.label))
    Console(highlight=False).print(table)
    return 0
