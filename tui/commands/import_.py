"""``sidelight import FILE``: read W3C Web Annotation JSON-LD, Hypothesis JSON (API or client
export) or a Readwise CSV into the store; the format is told from the file.

    sidelight import FILE [--db PATH]

Everything in the file is checked first; if anything is wrong, the message names the
annotation and the field, and nothing is imported. Ids are kept, so importing the same file
twice changes nothing. An annotation already in the store is never replaced: when the
imported version differs, the user's is kept and the imported one is skipped (the user's is
as new or newer) or added beside it as a copy (the imported one is newer); the summary says
which, per annotation.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

from sidelight.annotations.errors import SidelightError
from sidelight.annotations.hypothesis import is_hypothesis, parse_hypothesis
from sidelight.annotations.import_json import load_json
from sidelight.annotations.importing import Outcome, details, plan_import, summary
from sidelight.annotations.model import Annotation
from sidelight.annotations.readwise import as_stored, is_readwise_csv, parse_readwise_csv
from sidelight.annotations.sources import snapshot_library
from sidelight.annotations.special_files import FileTooLarge, NotRegularFile, read_regular
from sidelight.annotations.store import open_store
from sidelight.annotations.w3c_import import parse_w3c_items
from sidelight.annotations.web.w3c_state import apply_web_states, w3c_items
from sidelight.tui.commands.common import add_db_option
from sidelight.tui.safe_text import one_line

MAX_BYTES = 256 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import annotations from W3C Web Annotation JSON (as `export --format json`)",
        description=(
            "Import W3C Web Annotation JSON-LD, as written by `sidelight export --format "
            "json`. All or nothing: a malformed file is rejected with what is wrong."
        ),
    )
    parser.add_argument("file", metavar="FILE",
                        help="the file to import (- for standard input): W3C JSON-LD, "
                        "Hypothesis JSON or a Readwise CSV")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    name = "standard input" if args.file == "-" else str(Path(args.file).expanduser())
    text = _read_stdin() if args.file == "-" else _read(Path(args.file).expanduser())
    if not text.strip():
        # Said as such: JSON's "Expecting value (line 2, column 1)" sends a user looking for
        # a syntax error in an input that holds nothing.
        example = ("e.g. `cat notes.jsonld | sidelight import -`" if args.file == "-"
                   else "check that the export was written")
        raise SidelightError(f"{name}: empty (no text was read); nothing was imported — give "
                             f"a W3C JSON-LD, Hypothesis JSON or Readwise CSV export, {example}")
    unsupported: list[str] = []
    data = None
    try:
        if is_readwise_csv(text):
            anns, kind = parse_readwise_csv(text), "Readwise CSV"
        else:
            data = load_json(text)
            if is_hypothesis(data):
                parsed = parse_hypothesis(data)
                anns, unsupported, kind = parsed.annotations, parsed.unsupported, "Hypothesis"
            else:
                parsed = parse_w3c_items(data)
                anns, unsupported, kind = parsed.annotations, parsed.unsupported, "W3C"
    except ValueError as err:
        raise SidelightError(one_line(f"{name}: {err}; nothing was imported", 4000)) from None
    store = open_store(args.db)
    if kind == "W3C":
        # Web targets that name a snapshot of ours by their state point into its text.
        anns = apply_web_states(anns, w3c_items(data), snapshot_library(store.path))
    outcomes: list[Outcome] = []

    def decide(current: Mapping[str, Annotation]) -> list[Annotation]:
        incoming = as_stored(anns, current) if kind == "Readwise CSV" else anns
        writes, found = plan_import(incoming, current)
        outcomes[:] = found
        return writes

    store.put_decided(decide)
    # Paths come from the user's shell and may hold control characters.
    message = (
        f"Imported {len(anns)} annotation{'s' if len(anns) != 1 else ''} ({kind}) from "
        f"{name} into {store.path}: {summary(outcomes)}"
        + "".join(f"; {phrase}" for phrase in unsupported)
    )
    print(one_line(message, 4000), file=sys.stderr)
    for line in details(outcomes):
        print(one_line(line, 4000), file=sys.stderr)
    return 0


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SidelightError("standard input: too large to be an annotation export")
    return _decode(data, "standard input")


def _read(path: Path) -> str:
    """The file's bytes, read from a regular file only (a FIFO or a device is refused before
    it is opened), capped by the bytes read."""
    if path.is_dir():
        raise SidelightError(f"{path}: is a directory; give the file to import")
    try:
        data, _ = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise SidelightError(f"{path}: no such file; give the file to import") from None
    except NotRegularFile as err:
        raise SidelightError(f"{path}: is {err.kind}; give the file to import") from None
    except FileTooLarge:
        raise SidelightError(f"{path}: too large to be an annotation export") from None
    except OSError as err:
        raise SidelightError(f"{path}: cannot be read ({err.strerror or err})") from None
    return _decode(data, str(path))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SidelightError(
            f"{name}: not UTF-8 text (byte {err.start}); nothing was imported"
        ) from None
