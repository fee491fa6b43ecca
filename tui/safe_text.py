"""Document-derived strings made safe to show outside the document view.

Titles, quotes, notes and file names come from untrusted files. Anything that a terminal
would act on (C0 and C1 controls, ESC, DEL) or that reorders a line (bidi overrides) is
replaced by a visible one-cell placeholder before it reaches a label.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _placeholder(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL, …
    if code == 0x7F:
        return "␡"
    return "¿"


def printable(text: str) -> str:
    """``text`` with terminal controls made visible; tabs kept, other line breaks kept."""
    return _UNSAFE.sub(lambda m: _placeholder(m.group()), text)


def one_line(text: str, limit: int = 80) -> str:
    """``printable`` on a single line, shortened to ``limit`` characters with an ellipsis."""
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: max(1, limit - 1)] + "…"
