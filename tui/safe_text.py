"""Untrusted text made safe to draw: one placeholder policy for the view, labels and the CLI.

Titles, quotes, notes, file names and whole documents come from outside. Anything a terminal
would act on (C0 and C1 controls, ESC, DEL), anything that reorders a line (bidi embeddings,
overrides and isolates), line and paragraph separators, and lone surrogates (which cannot
even be encoded for output) are drawn as one visible 1-cell placeholder, never raw.

This module imports nothing from Textual so that the command-line tools can use it.
"""

from __future__ import annotations

import re

C1_PLACEHOLDER = "\u2426"  # ⌦-like "substitute" symbol for 0x80–0x9F
BIDI_PLACEHOLDER = "\u21c4"
LINE_SEPARATOR_PLACEHOLDER = "\u2424"
INVALID_PLACEHOLDER = "\ufffd"
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Tabs and newlines are kept by ``printable``; ``one_line`` folds them into spaces.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def placeholder(ch: str) -> str | None:
    """The visible stand-in for a character that must never reach a terminal, else None."""
    cp = ord(ch)
    if cp < 0x20:
        return chr(0x2400 + cp)  # the Control Pictures block: ␛ for ESC, ␇ for BEL, …
    if cp == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= cp <= 0x9F:
        return C1_PLACEHOLDER
    if ch in BIDI_CONTROLS:
        return BIDI_PLACEHOLDER
    if ch in "\u2028\u2029":
        return LINE_SEPARATOR_PLACEHOLDER
    if 0xD800 <= cp <= 0xDFFF:
        return INVALID_PLACEHOLDER
    return None


def printable(text: str) -> str:
    """``text`` with terminal controls made visible; tabs and newlines kept."""
    return _UNSAFE.sub(lambda m: placeholder(m.group()) or INVALID_PLACEHOLDER, text)


def one_line(text: str, limit: int = 80) -> str:
    """``printable`` on a single line, shortened to ``limit`` characters with an ellipsis."""
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: max(1, limit - 1)] + "…"
