"""``sidelight delete ID``: delete an annotation (by its id or a unique prefix of it).

    sidelight delete ID [--db PATH]

Prints the deleted annotation's id.
"""

from __future__ import annotations

import argparse

from annotations.store import open_store
from tui.commands.common import add_db_option, again_on_conflict


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
    # Deleted only if it still says what was read: a note another program saved meanwhile is
    # not deleted unseen.
    with again_on_conflict():
        store.delete(ann.id, base=ann)
    print(ann.id)
    return 0
