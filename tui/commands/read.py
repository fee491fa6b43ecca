"""``sidelight [FILES…]``: open one to four documents side by side in the reader.

Documents and the store are opened here, before the full-screen app starts, so that a run
with nothing to show ends with a one-line error instead of a flash of the alternate screen.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from annotations.documents import Document, is_url
from annotations.errors import DocumentError, SidelightError
from annotations.locations import seed_paths
from tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_refresh_option,
    open_document,
)

MAX_DOCUMENTS = 4


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sidelight",
        description=(
            "Read up to four documents side by side (no files: the bundled sample articles)."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="a .txt, .md or .html document, or an http(s) address")
    add_db_option(parser)
    add_encoding_option(parser)
    add_refresh_option(parser)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if len(args.files) > MAX_DOCUMENTS:
        parser.error(
            f"{len(args.files)} files given; the reader shows at most {MAX_DOCUMENTS} side by side"
        )
    return args


def load_documents(
    paths: Sequence[str | Path], encoding: str | None = None,
    args: argparse.Namespace | None = None,
) -> tuple[list[Document], list[str]]:
    """The documents that opened, and a one-line message for each that did not (a page that
    cannot be fetched does not keep the others from opening)."""
    opts = args if args is not None else argparse.Namespace(encoding=encoding, db=None)
    docs: list[Document] = []
    failures: list[str] = []
    for path in paths:
        try:
            docs.append(open_document(str(path), opts))
        except DocumentError as err:
            failures.append(str(err))
    return docs, failures


def run(args: argparse.Namespace) -> int:
    paths: list[str | Path] = list(args.files) if args.files else list(seed_paths())
    if not paths:
        raise SidelightError("no documents given and no bundled seeds found; name a file")
    from annotations.store import open_store

    if any(is_url(str(p)) for p in paths):
        # Web pages may take a while to fetch: the reader starts at once and shows progress.
        store = open_store(args.db)
        from tui.app import SidelightApp

        app = SidelightApp([], store, freeze_gc=True, sources=[str(p) for p in paths],
                           opener=lambda source: open_document(source, args, quiet=True))
        app.run()
        if app.load_failures:
            failures = app.load_failures
            raise DocumentError(failures[0] if len(failures) == 1 else "; ".join(failures))
        return app.return_code or 0
    docs, failures = load_documents(paths, args.encoding, args)
    if not docs:
        raise DocumentError(failures[0] if len(failures) == 1 else "; ".join(failures))

    store = open_store(args.db)

    # Textual is imported only now: the other subcommands never pay for it.
    from tui.app import SidelightApp

    app = SidelightApp(docs, store, failures=failures, freeze_gc=True)
    app.run()
    return app.return_code or 0
