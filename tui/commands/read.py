"""``sidelight [FILES…]``: open one to four documents side by side in the reader.

Documents and the store are opened here, before the full-screen app starts, so that a run
with nothing to show ends with a one-line error instead of a flash of the alternate screen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sidelight.annotations.documents import STDIN, Document, EmptyInput, is_url
from sidelight.annotations.errors import DocumentError, SidelightError
from sidelight.annotations.locations import seed_paths
from sidelight.tui.commands.common import (
    add_db_option,
    add_encoding_option,
    add_lang_option,
    add_refresh_option,
    given_twice,
    open_document,
)
from sidelight.tui.parser import CommandParser

if TYPE_CHECKING:
    from sidelight.annotations.store import AnnotationStore

MAX_DOCUMENTS = 4


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("sidelight")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="sidelight",
        description=(
            "Read up to four documents side by side (no files: the bundled sample articles)."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="a .txt, .md or .html document, an http(s) address, or - for "
                        "standard input")
    add_db_option(parser)
    add_encoding_option(parser)
    add_lang_option(parser)
    add_refresh_option(parser)
    parser.add_argument("--version", action="version", version=f"sidelight {version()}")
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if len(args.files) > MAX_DOCUMENTS:
        parser.error(
            f"{len(args.files)} files given; the reader shows at most {MAX_DOCUMENTS} side by side"
        )
    twice = given_twice(args.files)
    if twice is not None:
        parser.error(f"{twice} is given twice; name each document once")
    return args


def load_documents(
    paths: Sequence[str | Path], encoding: str | None = None,
    args: argparse.Namespace | None = None,
) -> tuple[list[Document], list[str]]:
    """The documents that opened, and a one-line message for each that did not (a page that
    cannot be fetched does not keep the others from opening); ``-`` is standard input."""
    opts = args if args is not None else argparse.Namespace(encoding=encoding, db=None)
    docs: list[Document] = []
    failures: list[str] = []
    for path in paths:
        try:
            docs.append(open_document(str(path), opts))
        except DocumentError as err:
            failures.append(str(err))
    return docs, failures


def keyboard_from_terminal() -> None:
    """Make standard input the terminal again when it is a pipe or a file.

    The reader takes its keys from standard input; after a pipe has been read as a document
    (or when something was piped in by mistake) it would have none. The controlling terminal
    is reopened in its place; without one, the reader refuses to start.
    """
    try:
        if os.isatty(0):
            return
    except OSError:
        pass
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        raise SidelightError(
            "standard input is not a terminal and there is no terminal to take keys from; "
            "run the reader in a terminal (give a document as a file, or pipe it to "
            "`sidelight -` from a terminal)"
        ) from None
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)


def run(args: argparse.Namespace) -> int:
    paths: list[str | Path] = list(args.files) if args.files else list(seed_paths())
    if sum(str(p) == STDIN for p in paths) > 1:
        raise SidelightError("- (standard input) given more than once; it can be read once")
    docs: list[Document] = []
    if not args.files and not _stdin_is_terminal():
        # `cat article.txt | sidelight`: the pipe is the document (an empty one: the seeds).
        with contextlib.suppress(EmptyInput):
            docs = [open_document(STDIN, args)]
            paths = []
    if not paths and not docs:
        raise SidelightError("no documents given and no bundled seeds found; name a file")
    from sidelight.annotations.store import open_store

    if any(is_url(str(p)) for p in paths):
        # Web pages may take a while to fetch: the reader starts at once and shows progress.
        store = open_store(args.db)
        # Standard input is read now, before the keys come from the terminal again.
        piped = open_document(STDIN, args) if STDIN in map(str, paths) else None
        keyboard_from_terminal()
        hold_collector()
        from sidelight.tui.app import SidelightApp

        def opener(source: str) -> Document:
            if source == STDIN and piped is not None:
                return piped
            return open_document(source, args, quiet=True)

        app = SidelightApp([], store, freeze_gc=True, sources=[str(p) for p in paths],
                           opener=opener, after_load=refresh_messages(store, args.refresh))
        app.run()
        if app.load_failures:
            failures = app.load_failures
            raise DocumentError(failures[0] if len(failures) == 1 else "; ".join(failures))
        return app.return_code or 0
    more, failures = load_documents(paths, args.encoding, args)
    docs += more
    if not docs:
        raise DocumentError(failures[0] if len(failures) == 1 else "; ".join(failures))

    store = open_store(args.db)
    keyboard_from_terminal()

    # Textual is imported only now: the other subcommands never pay for it.
    hold_collector()
    from sidelight.tui.app import SidelightApp

    # Documents opened or reloaded from inside the reader are read as these were.
    app = SidelightApp(docs, store, failures=failures, freeze_gc=True,
                       opener=lambda source: open_document(source, args, quiet=True))
    app.run()
    return app.return_code or 0


def hold_collector() -> None:
    """No garbage collection from Textual's import to the reader's first screen
    (``tui.collector``; the app resumes it)."""
    from sidelight.tui import collector

    collector.hold()


def refresh_messages(
    store: AnnotationStore, refresh: bool
) -> Callable[[list[Document]], list[str]] | None:
    """With --refresh: once the pages are fetched again, how their annotations fared (kept,
    moved, orphaned), from the store as it was before."""
    if not refresh:
        return None
    before = store.all()

    def messages(docs: list[Document]) -> list[str]:
        from sidelight.annotations.library import open_many
        from sidelight.annotations.sources import reanchor_report

        return [reanchor_report(d.path, before, open_many(store, [d])).message()
                for d in docs if is_url(d.path)]

    return messages


def _stdin_is_terminal() -> bool:
    try:
        return os.isatty(0)
    except OSError:
        return True  # no standard input at all: nothing to read from it
