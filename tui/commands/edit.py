"""``sidelight edit ID``: change an annotation's note, colour or tags.

    sidelight edit ID [--note TEXT] [--color C] [--tag T]… [--untag T]… [--db PATH]

ID is the annotation's id or a unique prefix of it. Prints the id; says on stderr what
changed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sidelight.annotations.model import COLORS, Annotation
from sidelight.annotations.store import open_store
from sidelight.tui.commands.common import add_db_option, again_on_conflict, describe_annotation
from sidelight.tui.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="change an annotation's note, colour or tags",
        description="Change the note, the colour or the tags of an annotation (by id or "
        "unique prefix).",
    )
    parser.add_argument("id", metavar="ID", help="the id, or a unique prefix (see `notes`)")
    parser.add_argument("--note", metavar="TEXT", help="the new note ('' clears it)")
    parser.add_argument("--color", choices=COLORS, help="the new highlight colour")
    parser.add_argument("--tag", metavar="T", action="append", default=[],
                        help="add a tag (repeatable)")
    parser.add_argument("--untag", metavar="T", action="append", default=[],
                        help="remove a tag (repeatable)")
    add_db_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    if not args.id.strip():
        args.usage_error("ID is empty; give an annotation's id or a unique prefix of it "
                         "(sidelight notes lists them)")
    if args.note is None and args.color is None and not args.tag and not args.untag:
        args.usage_error("nothing to change; give --note, --color, --tag or --untag")
    store = open_store(args.db)
    ann = store.find(args.id)
    changes: dict[str, Any] = {}
    if args.note is not None and args.note != ann.note:
        changes["note"] = args.note
    if args.color is not None and args.color != ann.color:
        changes["color"] = args.color
    tags = _retagged(ann.tags, args.tag, args.untag)
    if tags != ann.tags:
        changes["tags"] = tags
    if not changes:
        held = {t.casefold() for t in ann.tags}
        absent = [t.strip().lstrip("#") for t in args.untag
                  if t.strip().lstrip("#").casefold() not in held]
        why = (f"has no tag {' '.join('#' + one_line(t, 30) for t in absent)}" if absent
               else "already says that")
        print(f"sidelight: {describe_annotation(ann)} {why}; nothing changed",
              file=sys.stderr)
        print(ann.id)
        return 0
    # The record as read is the version this edit is based on: a change another program
    # saves between that read and this write is never overwritten.
    with again_on_conflict():
        store.update(ann, **changes)
    print(f"sidelight: edited {describe_annotation(ann)}: {_said(ann, changes)}",
          file=sys.stderr)
    print(ann.id)
    return 0


def _retagged(tags: tuple[str, ...], add: list[str], remove: list[str]) -> tuple[str, ...]:
    gone = {t.strip().lstrip("#").casefold() for t in remove}
    out = [t for t in tags if t.casefold() not in gone]
    for raw in add:
        tag = raw.strip().lstrip("#")
        if tag and tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return tuple(out)


def _said(before: Annotation, changes: dict[str, Any]) -> str:
    parts = []
    if "note" in changes:
        parts.append(f"note “{one_line(changes['note'], 60)}”" if changes["note"]
                     else "note cleared")
    if "color" in changes:
        parts.append(f"colour {before.color} → {changes['color']}")
    if "tags" in changes:
        shown = " ".join(f"#{one_line(t, 30)}" for t in changes["tags"]) or "none"
        parts.append(f"tags {shown}")
    return ", ".join(parts)
