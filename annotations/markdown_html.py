"""HTML written inside Markdown, read as text: the reader shows what the HTML says, never its
tags. Nothing is rendered: tags, comments and the contents of scripts and styles are dropped,
entities decoded, whitespace collapsed, and block elements (paragraphs, divisions, list items,
line breaks) end a paragraph. Each piece keeps the source text it came from, so that the
reading text still maps back to the file's characters."""

from __future__ import annotations

import html
import re

# A comment, a CDATA section, a declaration or processing instruction, or a tag (its name).
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*(?:>|\Z)"
    r"|<(/?)([A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*(?:>|\Z)",
    re.DOTALL,
)
_WORD_OR_ENTITY = re.compile(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[^\s&]+|&"
)
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
})
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})
BREAK = "\n\n"
"""The piece that ends a paragraph."""

# Inline tags the reader can draw as the Markdown they stand for.
INLINE_STYLES = {"b": "strong", "strong": "strong", "i": "emphasis", "em": "emphasis",
                 "s": "strike", "del": "strike", "strike": "strike"}


def tag_of(markup: str) -> tuple[str, bool] | None:
    """(tag name in lower case, closing?) of one tag, or None for a comment or anything else."""
    m = _MARKUP.fullmatch(markup.strip())
    if m is None or m.group(2) is None:
        return None
    return m.group(2).lower(), bool(m.group(1))


def html_pieces(content: str) -> list[tuple[str, str]]:
    """The reading text of an HTML block as (text, source) pieces: ``text`` is what is shown
    (a word, an entity decoded, a single space, or ``BREAK``), ``source`` the characters of
    ``content`` it stands for ("" for a space or a break). No space or break leads, trails or
    doubles."""
    out: list[tuple[str, str]] = []

    def space(kind: str) -> None:
        if not out:
            return
        if out[-1][0] in (" ", BREAK):
            if kind == BREAK:
                out[-1] = (BREAK, "")
            return
        out.append((kind, ""))

    def words(text: str) -> None:
        at = 0
        for m in _WORD_OR_ENTITY.finditer(text):
            if m.start() > at:
                space(" ")
            raw = m.group()
            out.append((html.unescape(raw) if raw.startswith("&") else raw, raw))
            at = m.end()
        if at < len(text):
            space(" ")

    at = 0
    hidden: str | None = None
    for m in _MARKUP.finditer(content):
        name = m.group(2).lower() if m.group(2) else None
        if hidden is None:
            words(content[at:m.start()])
        at = m.end()
        if name is None:
            continue
        closing = bool(m.group(1))
        if hidden is not None:
            if closing and name == hidden:
                hidden = None
            continue
        if name in _HIDDEN_TAGS and not closing:
            hidden = name
        elif name in _BLOCK_TAGS:
            space(BREAK)
    if hidden is None:
        words(content[at:])
    while out and out[-1][0] in (" ", BREAK):
        out.pop()
    return out
