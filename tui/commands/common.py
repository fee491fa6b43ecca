"""Options and helpers shared by the subcommands (no Textual here)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from annotations.errors import DocumentError
from tui.safe_text import one_line


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation store (default: $SIDELIGHT_DB, else the per-user data directory)",
    )


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode documents with this encoding instead of UTF-8 (e.g. latin-1)",
    )


def warn_unreadable(errors: Sequence[DocumentError]) -> None:
    """One line on stderr per annotated document that is there but could not be read."""
    for err in errors:
        print(f"sidelight: warning: {one_line(str(err), 2000)} (its annotations are "
              "given from their stored quotes)", file=sys.stderr)
