"""Python's garbage collector while the reader starts: held off until the first screen is
drawn, then what start-up built (modules, widgets, stylesheets, the documents and their wrap
indexes, all kept for the program's life) is frozen out of its reach.

On the way to its first frame the reader makes some 110,000 objects the collector tracks;
left on, it ran about 170 times meanwhile, once over all of them (30 ms, inside the first
render), and every later full collection would walk them again (30–50 ms, a visible stall
every few hundred keys). Start-up leaves few cycles behind (about 1,500 objects), which the
freeze keeps. Only for the real program: in a test process many apps come and go, and frozen
ones would never be freed.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No collection from now until ``release``."""
    gc.disable()


def release() -> None:
    """Everything alive now is out of the collector's reach; collections resume for what
    comes after."""
    gc.freeze()
    gc.enable()
