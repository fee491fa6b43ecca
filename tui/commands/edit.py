"""``sidelight edit ID``: change an annotation's note or colour.

    sidelight edit ID [--note TEXT] [--color C] [--db PATH]

ID is the annotation's id or a unique prefix of it. Prints the id.
"""

from __future__ import annotations

import argparse
from typing import Any

from annotations.model import COLORS
from annotations.store import open_store
from tui.commands.common import add_db_option, again_on_conflict


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change an annotation's note or colour",
        description="Change the note or the colour of an annotation (by id or unique prefix).",
    )
    parser.add_argument("id", metavar="ID", help="the id, or a unique prefix (see `notes`)")
    parser.add_argument("--note", metavar="TEXT", help="the new note ('' clears it)")
    parser.add_argument("--color", choices=COLORS, help="the new highlight colour")
    add_db_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.note is not None:
        changes["note"] = args.note
    if args.color is not None:
        changes["color"] = args.color
    if not changes:
        args.usage_error("nothing to change; give --note and/or --color")
    store = open_store(args.db)
    ann = store.find(args.id)
    # The record as read is the version this edit is based on: a change another program
    # saves between that read and this write is never overwritten.
    with again_on_conflict():
        store.update(ann, **changes)
    print(ann.id)
    return 0
