"""Markdown rendered to reading text, with style runs and a map back to source offsets.

The reader shows Markdown as text, not markup: headings, paragraphs, lists, emphasis, links,
inline and fenced code, tables and block quotes become plain lines, and what the markup meant
is kept as ``StyleRun`` ranges for the view to draw. Every piece of reading text remembers
where it came from in the source so that an export can name the source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sidelight.annotations.markdown_html import BREAK, INLINE_STYLES, html_pieces, tag_of

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_META_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_RULE = "─" * 24


@dataclass(frozen=True, slots=True)
class StyleRun:
    """``text[start:end]`` was marked up as ``style`` (heading1..6, emphasis, strong, strike,
    code, codeblock, link, quote, tablehead); ``href`` holds a link's destination."""

    start: int
    end: int
    style: str
    href: str = ""


@dataclass(slots=True)
class RenderedMarkdown:
    text: str
    styles: tuple[StyleRun, ...]
    reading_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    first_heading: str = ""


def split_front_matter(source: str) -> tuple[dict[str, str], int]:
    """YAML-style front matter (``key: value`` lines only) and the offset where the body starts."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, 0
    meta: dict[str, str] = {}
    for key, value in _META_LINE.findall(m.group(1)):
        meta[key.lower()] = value.strip().strip("\"'")
    return meta, m.end()


def _parser() -> MarkdownIt:
    # Imported when a Markdown document is read: a reader of plain text never loads it.
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


@dataclass
class _Builder:
    source: str
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    styles: list[StyleRun] = field(default_factory=list)
    reading_starts: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)

    def emit(self, s: str, src: int | None = None) -> None:
        if not s:
            return
        if src is not None:
            self.reading_starts.append(self.pos)
            self.source_starts.append(src)
        self.parts.append(s)
        self.pos += len(s)

    def tail(self, n: int) -> str:
        return text_tail(self.parts, n)

    def ensure_newlines(self, n: int) -> None:
        """End the text with at least ``n`` newlines (nothing at the very start)."""
        if self.pos == 0:
            return
        have = len(self.tail(n)) - len(self.tail(n).rstrip("\n"))
        if have < n:
            self.emit("\n" * (n - have))

    def style(self, start: int, style: str, href: str = "") -> None:
        if self.pos > start:
            self.styles.append(StyleRun(start, self.pos, style, href))


def render_markdown(source: str, body_offset: int = 0) -> RenderedMarkdown:
    body = source[body_offset:]
    tokens = _parser().parse(body)
    line_starts = [0]
    for i, ch in enumerate(body):
        if ch == "\n":
            line_starts.append(i + 1)
    b = _Builder(source)

    def line_offset(line: int) -> int:
        return body_offset + line_starts[min(line, len(line_starts) - 1)]

    lists: list[list[int | str]] = []  # [kind, next number]
    quote_depth = 0
    first_heading = ""
    open_at: list[int] = []
    block_src = body_offset
    tight_para: list[bool] = []
    row_cells = 0
    for tok in tokens:
        if tok.map:
            block_src = line_offset(tok.map[0])
        t = tok.type
        if t == "heading_open":
            b.ensure_newlines(2)
            open_at.append(b.pos)
        elif t == "heading_close":
            start = open_at.pop()
            if not first_heading:
                first_heading = "".join(b.parts)[start:].strip()
            b.style(start, "heading" + tok.tag[1:])
            b.ensure_newlines(2)
        elif t == "paragraph_open":
            tight_para.append(tok.hidden)
            if not tok.hidden and not _after_bullet(b):
                b.ensure_newlines(2 if not lists else 1)
            if quote_depth:
                b.emit("│ " * quote_depth)
        elif t == "paragraph_close":
            b.ensure_newlines(1 if tight_para.pop() else 2)
        elif t in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                b.ensure_newlines(2)
            else:
                b.ensure_newlines(1)
            start_num = int(tok.attrGet("start") or 1) if t == "ordered_list_open" else 0
            lists.append(["ol" if t == "ordered_list_open" else "ul", start_num])
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            b.ensure_newlines(1 if lists else 2)
        elif t == "list_item_open":
            b.ensure_newlines(1)
            kind, num = lists[-1]
            indent = "  " * (len(lists) - 1) + ("│ " * quote_depth)
            if kind == "ol":
                marker = f"{num}. "
                lists[-1][1] = int(num) + 1
            else:
                marker = "• "
            b.emit(indent + marker)
        elif t == "list_item_close":
            b.ensure_newlines(1)
        elif t == "blockquote_open":
            b.ensure_newlines(2)
            quote_depth += 1
            open_at.append(b.pos)
        elif t == "blockquote_close":
            quote_depth -= 1
            b.style(open_at.pop(), "quote")
            b.ensure_newlines(2)
        elif t in ("fence", "code_block"):
            b.ensure_newlines(2 if not lists else 1)
            start = b.pos
            first_line = tok.map[0] + (1 if t == "fence" else 0) if tok.map else 0
            for i, line in enumerate(tok.content.rstrip("\n").split("\n")):
                if i:
                    b.emit("\n")
                line_src = line_offset(first_line + i)
                found = source.find(line, line_src) if line else -1
                b.emit(line, found if found != -1 else line_src)
            b.style(start, "codeblock")
            b.ensure_newlines(2)
        elif t == "hr":
            b.ensure_newlines(2)
            b.emit(_RULE, block_src)
            b.ensure_newlines(2)
        elif t == "html_block":
            _html_block(b, tok.content, block_src)
        elif t == "table_open" or t == "table_close":
            b.ensure_newlines(2)
        elif t == "tr_open":
            row_cells = 0
        elif t == "tr_close":
            b.ensure_newlines(1)
        elif t in ("th_open", "td_open"):
            if row_cells:
                b.emit(" │ ")
            row_cells += 1
            open_at.append(b.pos)
        elif t in ("th_close", "td_close"):
            start = open_at.pop()
            if t == "th_close":
                b.style(start, "tablehead")
        elif t == "inline":
            _inline(b, tok, block_src)
    text = "".join(b.parts).rstrip() + ("\n" if b.pos else "")
    styles = tuple(
        StyleRun(s.start, min(s.end, len(text)), s.style, s.href)
        for s in b.styles
        if s.start < len(text)
    )
    return RenderedMarkdown(
        text=text,
        styles=styles,
        reading_starts=tuple(b.reading_starts),
        source_starts=tuple(b.source_starts),
        first_heading=first_heading,
    )


def _after_bullet(b: _Builder) -> bool:
    tail = b.tail(3)
    return tail.endswith("• ") or bool(re.search(r"\d\. $", tail))


_INLINE_STYLES = {"em": "emphasis", "strong": "strong", "s": "strike"}


def _inline(b: _Builder, tok: Token, block_src: int) -> None:
    cursor = block_src
    source = b.source
    opened: list[tuple[str, int, str]] = []
    broke = False
    for child in tok.children or ():
        t = child.type
        if t == "html_inline":
            # A tag is markup, not text: only what it stands for is shown.
            found = source.find(child.content, cursor) if child.content else -1
            if found != -1:
                cursor = found + len(child.content)
            _html_inline(b, child.content, opened)
            broke = tag_of(child.content) == ("br", False)
            continue
        if t == "softbreak" and broke:
            broke = False
            continue  # the line ends at the <br> already
        broke = False
        if t == "text":
            content = child.content
            if content.startswith(" ") and b.tail(1) in (" ", "\n"):
                content = content.lstrip(" ")  # a dropped tag or comment left two spaces
                if source.startswith(child.content[: len(child.content) - len(content)],
                                     cursor):
                    cursor += len(child.content) - len(content)
            found = source.find(content, cursor) if content else -1
            if found != -1:
                cursor = found + len(content)
            b.emit(content, found if found != -1 else cursor)
        elif t == "code_inline":
            found = source.find(child.content, cursor) if child.content else -1
            if found != -1:
                cursor = found + len(child.content)
            start = b.pos
            b.emit(child.content, found if found != -1 else cursor)
            b.style(start, "code")
        elif t == "softbreak":
            b.emit(" ")
        elif t == "hardbreak":
            b.emit("\n")
        elif t == "image":
            b.emit(child.content or "image", cursor)
        elif t.endswith("_open"):
            name = t[: -len("_open")]
            href = str(child.attrGet("href") or "") if name == "link" else ""
            opened.append((name, b.pos, href))
        elif t.endswith("_close"):
            name = t[: -len("_close")]
            for i in range(len(opened) - 1, -1, -1):
                if opened[i][0] == name:
                    _, start, href = opened.pop(i)
                    b.style(
                        start, "link" if name == "link" else _INLINE_STYLES.get(name, name), href
                    )
                    break


def _html_block(b: _Builder, content: str, block_src: int) -> None:
    """An HTML block as the text it holds (``markdown_html``), each piece mapped to its source."""
    cursor = block_src
    pieces = html_pieces(content)
    if pieces:
        b.ensure_newlines(2)
    for text, raw in pieces:
        if text == BREAK:
            b.ensure_newlines(2)
        elif not raw:
            b.emit(text)
        else:
            found = b.source.find(raw, cursor)
            if found != -1:
                cursor = found + len(raw)
            b.emit(text, found if found != -1 else cursor)
    if pieces:
        b.ensure_newlines(2)


def _html_inline(b: _Builder, markup: str, opened: list[tuple[str, int, str]]) -> None:
    """An inline tag: <br> breaks the line, <b>/<i>/<s> and kin style what they enclose as
    their Markdown would; every other tag, and comments, show nothing."""
    tag = tag_of(markup)
    if tag is None:
        return
    name, closing = tag
    if name == "br" and not closing:
        b.emit("\n")
        return
    style = INLINE_STYLES.get(name)
    if style is None:
        return
    if not closing:
        opened.append(("html:" + style, b.pos, ""))
        return
    for i in range(len(opened) - 1, -1, -1):
        if opened[i][0] == "html:" + style:
            _, start, _href = opened.pop(i)
            b.style(start, style)
            break


def text_tail(parts: list[str], n: int) -> str:
    """The last ``n`` characters of the text built so far from ``parts``, joining only as many
    parts from the end as that takes (the whole text is never joined per block)."""
    out = ""
    for part in reversed(parts):
        out = part + out
        if len(out) >= n:
            break
    return out[-n:]
