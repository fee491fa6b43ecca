"""``python -m sidelight``: the same entry point as the ``sidelight`` command."""

import sys

from sidelight.tui.cli import main

sys.exit(main())
