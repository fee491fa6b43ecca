"""``sidelight export``: annotations as Markdown, W3C Web Annotation JSON-LD, Hypothesis JSON
or a Readwise CSV.

    sidelight export [FILE…] [-o PATH] [--force] [--format markdown|json|hypothesis|readwise]
                     [--callouts] [--template FILE] [--db PATH] [--encoding NAME]

Without FILEs, every document that has annotations is exported. Each document is opened as
it is now, so annotations are anchored (and the store updated) first; a document whose file
is gone is exported from its stored quotes. Without ``-o`` (or with ``-o -``) the export goes
to stdout; ``-o`` refuses to replace an existing file unless ``--force`` is given, and never
replaces anything but a regular file (a FIFO, a device such as ``/dev/null``, a socket). A
Markdown export sidelight wrote there before is the exception: only sidelight's part of it is
updated (see ``managed_region``), the user's own text is kept, and what changed is said.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import SidelightError
from sidelight.annotations.export_markdown import MarkdownOptions, export_markdown
from sidelight.annotations.hypothesis import to_hypothesis_export
from sidelight.annotations.import_json import scrub, scrub_annotation
from sidelight.annotations.managed_region import is_managed, update, wrap
from sidelight.annotations.markdown_template import FIELDS, Template, parse_template
from sidelight.annotations.model import DEFAULT_COLOR, Annotation
from sidelight.annotations.output_files import check_output, write_text
from sidelight.annotations.readwise import to_readwise_csv
from sidelight.annotations.sources import snapshot_library
from sidelight.annotations.store import open_store
from sidelight.annotations.w3c import to_w3c_collection
from sidelight.annotations.web.w3c_state import add_web_states
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_refresh_option,
    open_requested,
)
from sidelight.tui.safe_text import one_line

FORMATS = ("markdown", "json", "hypothesis", "readwise")
MAX_MANAGED_BYTES = 64 * 1024 * 1024
TEMPLATE_BYTES = 64 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export annotations as Markdown or W3C Web Annotation JSON",
        description=(
            "Export annotations: of the given documents, or of every document that has "
            "some. Markdown (default) reads well in GitHub, Obsidian or any CommonMark "
            "viewer; --format json writes a W3C Web Annotation JSON-LD collection, for "
            "`sidelight import` and other tools."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="documents whose annotations to export (default: all)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write to PATH instead of stdout (- is stdout)")
    parser.add_argument("--force", action="store_true",
                        help="with -o, replace PATH if it is an existing regular file")
    parser.add_argument("--format", choices=FORMATS, default="markdown",
                        help="markdown (default), json (W3C Web Annotation), hypothesis "
                        "(Hypothesis client export JSON) or readwise (Readwise CSV import)")
    parser.add_argument("--callouts", action="store_true",
                        help="quotes as Obsidian callouts, the colour as the callout type")
    parser.add_argument("--template", metavar="FILE",
                        help="Markdown template for each highlight's block (fields: "
                        + ", ".join(f"{{{f}}}" for f in FIELDS) + ")")
    add_db_option(parser)
    add_encoding_option(parser)
    add_refresh_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # ``-o -`` is standard output, as without -o.
    output = Path(args.output).expanduser() if args.output and args.output != "-" else None
    markdown = args.format == "markdown"
    if not markdown and (args.callouts or args.template):
        raise SidelightError("--callouts and --template are for the Markdown export")
    options = MarkdownOptions(
        callouts=args.callouts,
        template=_template(Path(args.template).expanduser()) if args.template else None,
    )
    existing = _managed(output) if output is not None and markdown else None
    if output is not None and existing is None:
        check_output(output, force=args.force)
    store = open_store(args.db)
    docs, anns = open_requested(store, args.files, args.encoding, args)
    if not anns and not args.files:
        raise SidelightError(f"{store.path}: no annotations to export")
    if args.format == "json":
        collection = to_w3c_collection(anns, docs)
        add_web_states(collection["first"]["items"], snapshot_library(store.path))
        text = json.dumps(collection, indent=2, ensure_ascii=True) + "\n"
    elif args.format in ("hypothesis", "readwise"):
        text = _other_tool(args.format, docs, anns)
    else:
        try:
            text = export_markdown(docs, anns, options=options)
        except ValueError as err:
            raise SidelightError(one_line(str(err), 2000)) from None
    if output is None:
        sys.stdout.write(text)
        return 0
    # The path comes from the user's shell and may hold control characters.
    shown = one_line(str(output), 2000)
    if existing is not None:
        try:
            result = update(existing, text, force=args.force)
        except ValueError as err:
            raise SidelightError(f"{shown}: {err}") from None
        write_text(output, result.text, replace=True)
        print(f"Exported {len(anns)} annotation{'s' if len(anns) != 1 else ''} to {shown}: "
              f"{result.summary()}", file=sys.stderr)
        return 0
    write_text(output, wrap(text) if markdown else text, replace=args.force)
    print(f"Exported {len(anns)} annotation{'s' if len(anns) != 1 else ''} to {shown}",
          file=sys.stderr)
    return 0


def _managed(output: Path) -> str | None:
    """The text of ``output`` when it is a Markdown export sidelight manages (re-exported
    in place, keeping the user's edits), else None."""
    try:
        if not output.is_file() or output.stat().st_size > MAX_MANAGED_BYTES:
            return None
        text = output.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return text if is_managed(text) else None


def _template(path: Path) -> Template:
    shown = one_line(str(path), 2000)
    try:
        if path.is_dir():
            raise SidelightError(f"{shown}: is a directory; give a Markdown template file")
        if not path.is_file():
            raise SidelightError(f"{shown}: no such template file; give a Markdown file")
        if path.stat().st_size > TEMPLATE_BYTES:
            raise SidelightError(f"{shown}: too large for a template")
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SidelightError(f"{shown}: cannot be read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise SidelightError(f"{shown}: not UTF-8 text") from None
    try:
        return parse_template(text, shown)
    except ValueError as err:
        raise SidelightError(one_line(f"{shown}: {err}", 2000)) from None


def _other_tool(fmt: str, docs: list[Document], anns: list[Annotation]) -> str:
    """Hypothesis JSON or Readwise CSV; what the format cannot hold is named on stderr."""
    titles = {d.path: scrub(d.title) for d in docs}
    anns = [scrub_annotation(a) for a in anns]
    if fmt == "hypothesis":
        kept = [a for a in anns if a.kind in ("highlight", "note")]
        text = json.dumps(to_hypothesis_export(kept, titles), indent=2, ensure_ascii=True) + "\n"
    else:
        kept = [a for a in anns if a.kind == "highlight"]
        text = to_readwise_csv(kept, titles)
    left = len(anns) - len(kept)
    if left:
        what = "links" if fmt == "hypothesis" else "document notes and links"
        print(f"sidelight: {left} annotation{'s' if left != 1 else ''} not exported: "
              f"{fmt.capitalize()} has no {what}", file=sys.stderr)
    coloured = sum(a.color != DEFAULT_COLOR for a in kept)
    if fmt == "readwise" and coloured:
        print(f"sidelight: the colours of {coloured} highlight{'s' if coloured != 1 else ''} "
              "are not in the file: Readwise's import has no colours", file=sys.stderr)
    return text
