"""``sidelight import FILE``: read W3C Web Annotation JSON-LD into the store.

    sidelight import FILE [--db PATH]

Everything in the file is checked first; if anything is wrong, the message names the
annotation and the field, and nothing is imported. Ids are kept, so importing the same file
twice changes nothing; an annotation already in the store is replaced only if the imported
one was modified later.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotations.errors import SidelightError
from annotations.sources import snapshot_library
from annotations.store import open_store
from annotations.w3c import parse_w3c_file
from annotations.web.w3c_state import apply_web_states, w3c_items
from tui.commands.common import add_db_option
from tui.safe_text import one_line

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
    parser.add_argument("file", metavar="FILE", help="the JSON file to import")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    text = _read(path)
    try:
        anns = parse_w3c_file(text)
    except ValueError as err:
        raise SidelightError(f"{path}: {err}; nothing was imported") from None
    store = open_store(args.db)
    # Web targets that name a snapshot of ours by their state point into its text.
    anns = apply_web_states(anns, w3c_items(json.loads(text)), snapshot_library(store.path))
    new = updated = same = 0
    changes = []
    for ann in anns:
        current = store.get(ann.id)
        if current is None:
            new += 1
        elif current == ann or current.modified >= ann.modified:
            same += 1
            continue
        else:
            updated += 1
        changes.append(ann)
    store.put_many(changes)
    # Paths come from the user's shell and may hold control characters.
    message = (
        f"Imported {len(anns)} annotation{'s' if len(anns) != 1 else ''} from {path} into "
        f"{store.path}: {new} new, {updated} updated, {same} already there"
    )
    print(one_line(message, 4000), file=sys.stderr)
    return 0


def _read(path: Path) -> str:
    if not path.is_file():
        what = "is a directory" if path.is_dir() else "no such file"
        raise SidelightError(f"{path}: {what}; give the JSON file to import")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SidelightError(f"{path}: too large to be an annotation export")
        data = path.read_bytes()
    except OSError as err:
        raise SidelightError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SidelightError(
            f"{path}: not UTF-8 text (byte {err.start}); nothing was imported"
        ) from None
