"""Options and helpers shared by the subcommands (no Textual here)."""

from __future__ import annotations

import argparse


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
