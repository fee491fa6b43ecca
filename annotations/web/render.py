"""An extracted article (trafilatura's XML body) rendered to reading text with style runs.

The same shape Markdown documents have: headings, paragraphs, lists, block quotes, tables and
inline emphasis become plain lines, and what the markup meant is kept as ``StyleRun`` ranges
(``heading1``…``heading6``, ``emphasis``, ``strong``, ``strike``, ``code``, ``codeblock``,
``quote``, ``tablehead``) for the view to draw. Nothing here is ever drawn as HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sidelight.annotations.markdown_text import StyleRun, text_tail

# No-break and other fixed-width spaces read as spaces: "50&nbsp;million" is one number and
# one word to the reader and to entity recognition alike.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_RUNS_OF_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_INLINE_STYLES = {"#i": "emphasis", "#b": "strong", "#u": "emphasis", "#t": "code",
                  "#sub": "", "#sup": ""}
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "code", "table", "row", "div",
                     "section", "fw", "note"})


@dataclass
class RenderedPage:
    text: str
    styles: tuple[StyleRun, ...]
    first_heading: str = ""


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    styles: list[StyleRun] = field(default_factory=list)
    quote_depth: int = 0
    list_depth: int = 0
    first_heading: str = ""
    # True right after a line break or a block start: leading spaces are dropped there.
    at_line_start: bool = True

    def emit(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.pos += len(s)

    def tail(self, n: int) -> str:
        return text_tail(self.parts, n)

    def ensure_newlines(self, n: int) -> None:
        if self.pos == 0:
            return
        # Trailing spaces before a line end are noise from the markup.
        if self.parts and self.parts[-1].endswith(" ") and self.parts[-1].strip(" "):
            stripped = self.parts[-1].rstrip(" ")
            self.pos -= len(self.parts[-1]) - len(stripped)
            self.parts[-1] = stripped
        tail = self.tail(n)
        have = len(tail) - len(tail.rstrip("\n"))
        if have < n:
            self.emit("\n" * (n - have))
        self.at_line_start = True

    def line_prefix(self) -> None:
        if self.quote_depth:
            self.emit("│ " * self.quote_depth)

    def text(self, raw: str | None) -> None:
        if not raw:
            return
        s = _RUNS_OF_SPACE.sub(" ", _SPACES.sub(" ", raw))
        if self.at_line_start:
            s = s.lstrip(" ")
            if not s:
                return
        elif s.startswith(" ") and self.tail(1) in (" ", "\n"):
            s = s[1:]
        if s:
            self.emit(s)
            self.at_line_start = False

    def style(self, start: int, style: str) -> None:
        end = self.pos
        while end > start and self.tail(self.pos - end + 1)[:1] in ("\n", " "):
            end -= 1
        if style and end > start:
            self.styles.append(StyleRun(start, end, style))


def render_body(body: Any) -> RenderedPage:
    """Reading text and style runs of trafilatura's ``<body>`` element (an lxml element)."""
    b = _Builder()
    for child in body:
        _block(b, child)
    text = "".join(b.parts).rstrip() + ("\n" if b.pos else "")
    styles = tuple(
        StyleRun(s.start, min(s.end, len(text)), s.style) for s in b.styles if s.start < len(text)
    )
    return RenderedPage(text=text, styles=styles, first_heading=b.first_heading)


def _block(b: _Builder, el: Any) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "head":
        b.ensure_newlines(2)
        b.line_prefix()
        start = b.pos
        _inline_children(b, el)
        level = (el.get("rend") or "h2").lstrip("h")
        level = level if level in ("1", "2", "3", "4", "5", "6") else "2"
        if not b.first_heading:
            b.first_heading = "".join(b.parts)[start:].strip()
        b.style(start, "heading" + level)
        b.ensure_newlines(2)
    elif tag == "p":
        b.ensure_newlines(1 if b.list_depth else 2)
        b.line_prefix()
        _inline_children(b, el)
        b.ensure_newlines(1 if b.list_depth else 2)
    elif tag == "list":
        b.ensure_newlines(1 if b.list_depth else 2)
        ordered = (el.get("rend") or "").lower() == "ol"
        b.list_depth += 1
        number = 1
        for item in el:
            if not isinstance(item.tag, str):
                continue
            if item.tag != "item":
                _block(b, item)
                continue
            b.ensure_newlines(1)
            b.line_prefix()
            b.emit("  " * (b.list_depth - 1) + (f"{number}. " if ordered else "• "))
            b.at_line_start = True
            number += 1
            _inline_children(b, item)
            b.ensure_newlines(1)
        b.list_depth -= 1
        b.ensure_newlines(1 if b.list_depth else 2)
    elif tag == "quote":
        b.ensure_newlines(2)
        b.quote_depth += 1
        start = b.pos
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
            b.text(el.text)
            for child in el:
                _block(b, child)
        else:
            b.line_prefix()
            _inline_children(b, el)
        b.quote_depth -= 1
        b.style(start, "quote")
        b.ensure_newlines(2)
    elif tag == "code":
        b.ensure_newlines(2)
        start = b.pos
        b.emit("".join(el.itertext()).strip("\n"))
        b.at_line_start = False
        b.style(start, "codeblock")
        b.ensure_newlines(2)
    elif tag == "table":
        b.ensure_newlines(2)
        for row in el.iter("row"):
            b.ensure_newlines(1)
            b.line_prefix()
            cells = [c for c in row if isinstance(c.tag, str) and c.tag == "cell"]
            for i, cell in enumerate(cells):
                if i:
                    b.emit(" │ ")
                    b.at_line_start = True
                start = b.pos
                _inline_children(b, cell)
                if cell.get("role") == "head":
                    b.style(start, "tablehead")
            b.ensure_newlines(1)
        b.ensure_newlines(2)
    elif tag in ("lb", "graphic"):
        if tag == "lb":
            b.ensure_newlines(1)
            b.line_prefix()
    elif tag:
        # A wrapper (div, section) or an element trafilatura names otherwise: its text counts.
        b.ensure_newlines(2)
        b.line_prefix()
        _inline_children(b, el)
        b.ensure_newlines(2)
    if el.tail and el.tail.strip():
        b.text(el.tail)


def _inline_children(b: _Builder, el: Any) -> None:
    b.text(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCKS:
            _block(b, child)
            continue
        if tag == "lb":
            b.ensure_newlines(1)
            b.line_prefix()
        elif tag in ("hi", "del", "ref", "span"):
            start = b.pos
            _inline_children(b, child)
            if tag == "hi":
                b.style(start, _INLINE_STYLES.get((child.get("rend") or "").lower(), "emphasis"))
            elif tag == "del":
                b.style(start, "strike")
        elif tag == "graphic":
            pass
        elif tag:
            _inline_children(b, child)
        b.text(child.tail)
