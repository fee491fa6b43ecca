"""``sidelight delete ID``: delete an annotation (by its id or a unique prefix of it).

    sidelight delete ID [--db PATH]

Prints the deleted annotation's id.
"""

from __future__ import annotations

import argparse

from annotations.store import open_store
from tui.commands.common import add_db_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "delete",
        help="delete an annotation",
        description="Delete an annotation, named by its id or a unique prefix of it.",
    )
    parser.add_argument("id", metavar="ID", help="the id, or a unique prefix (see `notes`)")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = open_store(args.db)
    ann = store.find(args.id)
    store.delete(ann.id)
    print(ann.id)
    return 0
