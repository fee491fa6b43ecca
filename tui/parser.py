"""The command line's argument parser: a usage error is one line, like every other error.

argparse prints the whole usage block before its message; on a narrow terminal that is a
dozen lines for one wrong option, and a script reading stderr sees the usage, not the error.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from sidelight.tui.safe_text import one_line


class CommandParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors are one line that says where help is."""

    def error(self, message: str) -> NoReturn:
        # The message may quote what the user typed: it is made printable and kept on one line.
        print(f"{self.prog}: {one_line(message, 300)} (`{self.prog} --help` shows the usage)",
              file=sys.stderr)
        sys.exit(2)
