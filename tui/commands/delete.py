"""``sidelight delete ID``: delete an annotation (by its id or a unique prefix of it).

    sidelight delete ID [--db PATH]

Prints the deleted annotation's id; says on stderr what was deleted.
"""

from __future__ import annotations

import argparse
import sys

from sidelight.annotations.store import open_store
from sidelight.tui.commands.common import add_db_option, again_on_conflict, describe_annotation


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "delete",
        help="delete an annotation",
        description="Delete an annotation, named by its id or a unique prefix of it.",
    )
    parser.add_argument("id", metavar="ID", help="the id, or a unique prefix (see `notes`)")
    add_db_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    if not args.id.strip():
        args.usage_error("ID is empty; give an annotation's id or a unique prefix of it "
                         "(sidelight notes lists them)")
    store = open_store(args.db)
    ann = store.find(args.id)
    # Deleted only if it still says what was read: a note another program saved meanwhile is
    # not deleted unseen.
    with again_on_conflict():
        store.delete(ann.id, base=ann)
    print(f"sidelight: deleted {describe_annotation(ann)}", file=sys.stderr)
    print(ann.id)
    return 0
