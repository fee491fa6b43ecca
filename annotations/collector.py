"""A pause of the cycle collector around work that makes many objects and no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pauses the cycle collector for the block (unless it was off already). For work that
    makes tens of thousands of objects without cycles (parsing a store file, reading a long
    text for entities): the collector, run every few hundred new objects, re-walks them all
    and finds nothing to free. Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
