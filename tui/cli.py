"""The ``sidelight`` command: the reader when given files (or none), else a subcommand.

Exit status: 0 success, 1 failure, 2 usage error. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from sidelight.annotations.errors import EmptyInput, SidelightError
from sidelight.tui.parser import CommandParser
from sidelight.tui.safe_text import one_line

COMMANDS: tuple[str, ...] = (
    "compare", "annotate", "notes", "edit", "delete", "entities", "export", "import_",
    "library", "completion",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; ``only``: register just that command (as typed, e.g.
    ``import``). Each command's module imports what the command needs, and importing them all
    took about a tenth of a second before the reader or the command the user typed began."""
    parser = CommandParser(
        prog="sidelight",
        description="Read several accounts of a story side by side; highlight, annotate, compare.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name.rstrip("_") != only:
            continue
        module = importlib.import_module(f"sidelight.tui.commands.{name}")
        module.register(sub)
    return parser


def subcommand_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each subcommand's own parser, by name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def print_reader_help(parser: argparse.ArgumentParser) -> None:
    """The reader's usage (what ``sidelight FILE…`` takes), then the subcommands."""
    from sidelight.tui.commands import read

    read.build_parser().print_help()
    print("\ncommands (sidelight COMMAND --help for each):")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            # Each subcommand's one-line help, as `add_parser(help=…)` gave it.
            for choice in action._choices_actions:
                print(f"  {choice.dest:<10} {one_line(choice.help or '', 66)}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = {name.rstrip("_") for name in COMMANDS} | {"-h", "--help"}
    # Anything that is not a subcommand is a list of files for the reader.
    first = _first_word(argv)
    try:
        if first is None and "--version" in argv:
            from sidelight.tui.commands.read import version

            print(f"sidelight {version()}")
            return 0
        if first is None or first not in names:
            if any(a in ("-h", "--help") for a in argv):
                print_reader_help(build_parser())
                return 0
            slip = _command_slip(first)
            if slip is not None:
                print(f"sidelight: {one_line(first or '', 80)!r} is neither a file nor a "
                      f"command; did you mean `sidelight {slip}`? (`sidelight --help` lists "
                      "the commands)", file=sys.stderr)
                return 2
            from sidelight.tui.commands import read

            args = read.parse(argv)
            return read.run(args)
        # Options given before the subcommand (`sidelight --db X notes`) belong to it.
        at = argv.index(first)
        parser = build_parser(only=first)
        args, extra = parser.parse_known_args([first, *argv[:at], *argv[at + 1 :]])
        if extra:
            # Said with the subcommand's own usage, not the top-level one.
            subcommand_parsers(parser)[first].error(
                f"unrecognized arguments: {' '.join(extra)}")
        try:
            return int(args.func(args) or 0)
        except EmptyInput as err:
            raise EmptyInput(first) from err
    except SidelightError as err:
        # File names and quotes in messages come from outside: never let them drive the terminal.
        print(f"sidelight: {one_line(str(err), limit=2000)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output (head, less) went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as err:  # a bug of ours: one line, and the traceback on request
        if os.environ.get("SIDELIGHT_DEBUG"):
            raise
        print(
            f"sidelight: unexpected error ({type(err).__name__}: {one_line(str(err), 300)}); "
            "nothing was lost — set SIDELIGHT_DEBUG=1 to see where, and please report it",
            file=sys.stderr,
        )
        return 1


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor the value of ``--db``/``--encoding``."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


_OPTIONS_WITH_VALUES = frozenset({"--db", "--encoding", "--lang"})


def _command_slip(word: str | None) -> str | None:
    """The command ``word`` is a slip for (``note``, ``entity``, ``comapre``), when it names
    no file either: the reader would only say "no such file". A word with a dot or a slash
    is a path, however close to a command it is."""
    if word is None or "." in word or "/" in word or os.path.exists(word):
        return None
    import difflib

    names = [name.rstrip("_") for name in COMMANDS]
    close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.7)
    return close[0] if close else None


if __name__ == "__main__":
    sys.exit(main())
