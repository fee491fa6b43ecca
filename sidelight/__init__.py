"""sidelight: a terminal reader for comparing sources.

The installed distribution holds one top-level package, ``sidelight``; the repository's
``annotations/`` (the core) and ``tui/`` (the reader and the command line) folders install as
``sidelight.annotations`` and ``sidelight.tui``.
"""

from pathlib import Path

# In a source checkout those two folders sit beside this one rather than inside it (the wheel
# nests them, see pyproject's package-dir): let ``python -m sidelight`` run from the checkout's
# root, where this folder shadows any installed copy, find them there.
_here = Path(__file__).resolve().parent
if not (_here / "tui").is_dir() and (_here.parent / "tui" / "cli.py").is_file():
    __path__.append(str(_here.parent))
