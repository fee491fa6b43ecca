"""``sidelight library``: the web articles kept in the snapshot library.

    sidelight library [--format table|json] [--db PATH]
    sidelight library --remove URL [--delete-annotations] [--db PATH]

Lists each saved page (title, outlet, date, address, when fetched, snapshots kept, annotations
on it). ``--remove`` forgets a page's snapshots; its annotations stay in the store as orphans
(their quotes kept) unless ``--delete-annotations`` deletes them too.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from sidelight.annotations.errors import DocumentError, SidelightError
from sidelight.annotations.model import Annotation
from sidelight.annotations.sources import snapshot_library
from sidelight.annotations.store import open_store
from sidelight.annotations.web.fetch import normalise_url
from sidelight.annotations.web.snapshots import SnapshotLibrary
from sidelight.tui.commands.common import add_db_option
from sidelight.tui.safe_text import one_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "library",
        help="list the saved web pages, or remove one",
        description="List the web pages kept as snapshots (title, outlet, date, address, "
        "annotation count), or remove one with --remove URL.",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="a table for reading, or JSON (default: table)")
    parser.add_argument("--remove", metavar="URL",
                        help="forget this page's snapshots (its annotations become orphans)")
    parser.add_argument("--delete-annotations", action="store_true",
                        help="with --remove, delete the page's annotations as well")
    add_db_option(parser)
    parser.set_defaults(func=run, usage_error=parser.error)


def run(args: argparse.Namespace) -> int:
    if args.delete_annotations and not args.remove:
        args.usage_error("--delete-annotations goes with --remove URL")
    library = snapshot_library(args.db)
    if args.remove:
        return _remove(args, library)
    store = open_store(args.db) if _store_exists(args.db) else None
    anns = store.all() if store is not None else []
    rows = []
    for url in library.urls():
        entries = library.entries(url)
        try:
            doc = library.document(entries[-1])
            web = doc.web
            title = doc.title
        except DocumentError as err:
            print(f"sidelight: warning: {one_line(str(err), 400)}", file=sys.stderr)
            web, title = None, ""
        rows.append({
            "url": url,
            "title": title,
            "site_name": web.site_name if web else "",
            "date": web.date if web else "",
            "authors": list(web.authors) if web else [],
            "fetched": entries[-1].fetched,
            "snapshots": len(entries),
            "snapshot": entries[-1].snapshot,
            "annotations": sum(1 for a in anns if _on(a, url)),
        })
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=True))
        return 0
    if not rows:
        print(f"No saved web pages in {one_line(str(library.root), 300)}.")
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(one_line(f"Saved web pages ({library.root})", 300)))
    for col in ("title", "outlet", "date", "address", "fetched", "annotations"):
        table.add_column(col, justify="right" if col == "annotations" else "left")
    for r in rows:
        fetched = r["fetched"][:16].replace("T", " ")
        table.add_row(Text(one_line(r["title"], 80)), Text(one_line(r["site_name"], 40)),
                      Text(one_line(r["date"], 20)), Text(one_line(r["url"], 120)),
                      Text(one_line(fetched, 20)), str(r["annotations"]))
    Console(highlight=False).print(table)
    return 0


def _remove(args: argparse.Namespace, library: SnapshotLibrary) -> int:
    url = normalise_url(args.remove)
    if not library.entries(url):
        raise SidelightError(
            f"{url}: not in the snapshot library {library.root}; `sidelight library` lists "
            "the saved pages"
        )
    store = open_store(args.db) if _store_exists(args.db) else None
    touched = [a for a in store.all() if _on(a, url)] if store is not None else []
    for ann in touched:
        if args.delete_annotations:
            store.delete(ann.id)
        else:
            store.put(_orphaned(ann, url))
    removed = library.remove(url)
    what = "deleted" if args.delete_annotations else "kept as orphans"
    print(one_line(f"Removed {len(removed)} snapshot{'s' if len(removed) != 1 else ''} of "
                   f"{url}; {len(touched)} annotation{'s' if len(touched) != 1 else ''} "
                   f"{what}.", 400))
    return 0


def _on(ann: Annotation, url: str) -> bool:
    return any(t.source == url for t in ann.targets)


def _orphaned(ann: Annotation, url: str) -> Annotation:
    targets = tuple(replace(t, orphan=True) if t.source == url and t.has_range else t
                    for t in ann.targets)
    return ann.edited(targets=targets)


def _store_exists(db: str | None) -> bool:
    from sidelight.annotations.locations import resolve_db_path

    return resolve_db_path(db).exists()
