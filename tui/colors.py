"""Colours for entity labels, highlights and search hits, readable in dark and light themes.

Highlights carry their own text colour so the contrast does not depend on the theme. Entity
labels are text colours over the theme's background; each label has a base hue that is
lightened (dark themes) or darkened (light themes) until it reaches a WCAG contrast ratio of
at least ``MIN_CONTRAST`` against the actual background of the active theme.
"""

from __future__ import annotations

import functools
import os
import zlib
from dataclasses import dataclass

from sidelight.annotations.model import COLORS

MIN_CONTRAST = 4.5
DARK_TEXT = "#000000"

# One background per highlight colour and theme polarity; the text on it is DARK_TEXT.
_HIGHLIGHT_BG: dict[bool, dict[str, str]] = {
    True: {  # dark themes: saturated bands that stand out from a dark page
        "yellow": "#d7b400",
        "green": "#5faf5f",
        "blue": "#6f9be6",
        "pink": "#e67fa6",
        "purple": "#a98be0",
    },
    False: {  # light themes: pastel bands that stay distinct from a light page
        "yellow": "#ffdd33",
        "green": "#8fdc9f",
        "blue": "#8ec3f5",
        "pink": "#f48fb1",
        "purple": "#b894e6",
    },
}

# A base hue per entity label; unknown labels get one from FALLBACK_HUES by a stable hash.
LABEL_HUES: dict[str, str] = {
    "PERSON": "#ff8787",
    "ORG": "#5fafff",
    "GPE": "#87d75f",
    "LOC": "#5fd7af",
    "NORP": "#d787ff",
    "DATE": "#ffaf5f",
    "TIME": "#ffd75f",
    "MONEY": "#d7d700",
    "PERCENT": "#ff87d7",
    "CARDINAL": "#afafaf",
    "ORDINAL": "#87afaf",
    "QUANTITY": "#d7af87",
    "EVENT": "#af87ff",
    "PRODUCT": "#5fd7d7",
    "LAW": "#d7875f",
    "WORK_OF_ART": "#ffafaf",
    "FAC": "#afd787",
    "LANGUAGE": "#87afd7",
}
FALLBACK_HUES: tuple[str, ...] = ("#ff5faf", "#5fd7ff", "#d7ff5f", "#ffaf87", "#af5fff")

SEARCH_STYLE = "bold #000000 on #ff8700"
CURRENT_SEARCH_STYLE = "bold #000000 on #ffd700"
LINK_STYLE = "underline"
# The first passage of a link being made: it must stand out until the second is chosen.
PENDING_LINK_STYLE = "bold underline #000000 on #87d7ff"

# Comparison marks in the gutter: a glyph per sentence kind, so the marks read without
# colour too, and a base hue made readable on the theme's background.
COMPARE_GLYPHS: dict[str, str] = {"same": "=", "similar": "≈", "differs": "≠", "unique": "+"}
COMPARE_HUES: dict[str, str] = {
    "same": "#5faf5f",
    "similar": "#5fafd7",
    "differs": "#ff5f5f",
    "unique": "#d7af00",
}
COMPARE_WORDS: dict[str, str] = {
    "same": "told the same elsewhere",
    "similar": "told similarly elsewhere",
    "differs": "told differently elsewhere",
    "unique": "only in this source",
}
# The sentence under study and its counterparts, tinted after a jump or while scrolling in
# step; one tint per polarity, light enough for entity colours to stay readable on it.
_COMPARE_TINT: dict[bool, str] = {True: "#2e3a4a", False: "#dde8f5"}
# Link notes: underlined over a tint that tells the relation.
_LINK_TINT: dict[bool, dict[str, str]] = {
    True: {"contradicts": "#4a2424", "agrees": "#243f24", "same-claim": "#24344a",
           "same-quote": "#3a2a4a", "": "#3a3a3a"},
    False: {"contradicts": "#ffd7d7", "agrees": "#d7f5d7", "same-claim": "#d7e5ff",
            "same-quote": "#ecdcff", "": "#e4e4e4"},
}


def _channels(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_color!r}")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_color: str) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = _channels(hex_color)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1.0 .. 21.0)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def distance(a: str, b: str) -> float:
    """Euclidean distance in RGB: how far apart two colours look, hue included."""
    return sum((x - y) ** 2 for x, y in zip(_channels(a), _channels(b), strict=True)) ** 0.5


def is_dark(background: str) -> bool:
    return luminance(background) < 0.18


# Asked once per gutter mark, claim and entity drawn (tens of thousands for large sources),
# always for the same few colours and backgrounds.
@functools.lru_cache(maxsize=1024)
def readable_on(color: str, background: str, minimum: float = MIN_CONTRAST) -> str:
    """``color`` blended toward white (dark background) or black (light) until readable."""
    target = (255.0, 255.0, 255.0) if is_dark(background) else (0.0, 0.0, 0.0)
    base = _channels(color)
    for step in range(21):
        f = step / 20
        candidate = _hex(tuple(c + (t - c) * f for c, t in zip(base, target, strict=True)))
        if contrast(candidate, background) >= minimum:
            return candidate
    return _hex(target)


def label_hue(label: str) -> str:
    hue = LABEL_HUES.get(label)
    if hue is None:
        hue = FALLBACK_HUES[zlib.crc32(label.encode()) % len(FALLBACK_HUES)]
    return hue


@dataclass(frozen=True, slots=True)
class Palette:
    """Every style the reader draws, for one theme background."""

    background: str
    dark: bool
    # Without colour (NO_COLOR) every colour is grey: highlights are also underlined and
    # entities bold, so that each layer stays visible.
    mono: bool = False

    def entity(self, label: str) -> str:
        style = readable_on(label_hue(label), self.background)
        return f"bold {style}" if self.mono else style

    def highlight(self, color: str) -> str:
        """Rich style for a highlight of ``color`` (one of ``annotations.model.COLORS``)."""
        style = f"{DARK_TEXT} on {self.highlight_bg(color)}"
        return f"underline {style}" if self.mono else style

    def highlight_bg(self, color: str) -> str:
        table = _HIGHLIGHT_BG[self.dark]
        return table.get(color, table[COLORS[0]])

    def compare_mark(self, kind: str) -> str:
        """Rich style of a gutter mark for a sentence kind (``COMPARE_GLYPHS``)."""
        return f"bold {readable_on(COMPARE_HUES.get(kind, '#afafaf'), self.background)}"

    def compare_tint(self) -> str:
        return f"on {_COMPARE_TINT[self.dark]}"

    def link(self, relation: str) -> str:
        """Rich style of a link note's passages; relations of one's own share one tint."""
        table = _LINK_TINT[self.dark]
        return f"{LINK_STYLE} on {table.get(relation, table[''])}"


def no_color() -> bool:
    """Whether the user asked for no colour (https://no-color.org: NO_COLOR set, not empty)."""
    return bool(os.environ.get("NO_COLOR"))


def palette_for(background: str, dark: bool | None = None,
                mono: bool | None = None) -> Palette:
    """The palette for a theme with this background (any CSS colour Textual parses).

    Themes that leave the background to the terminal (ANSI themes) have no colour to measure;
    ``dark`` (the theme's own flag) then picks black or white as the assumed page.
    """
    bg = _normalise(background)
    if bg is None:
        bg = "#000000" if dark or dark is None else "#ffffff"
    return Palette(background=bg, dark=is_dark(bg), mono=no_color() if mono is None else mono)


def _normalise(color: str) -> str | None:
    try:
        _channels(color)
        return color.lower()
    except ValueError:
        pass
    from textual.color import Color, ColorParseError  # for theme colours in other CSS forms

    try:
        parsed = Color.parse(color)
    except ColorParseError:
        return None
    if parsed.ansi is not None or parsed.a == 0:
        return None
    return parsed.hex6.lower()
