"""A user's note in an export: kept as Markdown, but never as live HTML and never able to
break the export's structure.

A note sits inside a highlight's (or a source's, or a link's) section. Rendered by any
CommonMark renderer it must not

* carry HTML (``<`` outside code becomes ``&lt;``);
* end the section: its headings are demoted below the section's level (``# x`` in a note under
  a level-4 heading becomes a level-5 heading);
* swallow what follows: a code fence left open, an HTML block, a table without its end.

The note is rewritten with the same parser the checks use (markdown-it-py, CommonMark and a
GFM-like flavour), then checked as it will stand in the export: followed by a blank line and
a heading. Anything that fails the check is written in a plain form instead: every line
escaped so that it renders as exactly its text (no markup at all). ``export_markdown`` checks
the whole export once more, because some Markdown (link reference definitions, lazy
continuation lines) reaches across notes.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sidelight.annotations.markdown_escape import control_picture, escape_line, is_control


# Renderers the checks stand for: CommonMark with HTML on (as GitHub, pandoc and Obsidian
# have it) and a GFM-like flavour (tables, strikethrough, bare-URL links).
def _gfm_like() -> MarkdownIt:
    # Bare-URL linking needs linkify-it-py (Textual brings it); links never change
    # the structure or HTML the checks look at, so without it the flavour is checked as is.
    try:
        import linkify_it  # noqa: F401
    except ImportError:
        return MarkdownIt("gfm-like", {"html": True, "linkify": False})
    return MarkdownIt("gfm-like", {"html": True, "linkify": True})


CHECKERS: tuple[MarkdownIt, ...] = (MarkdownIt("commonmark", {"html": True}), _gfm_like())


def _blocks_only(md: MarkdownIt) -> MarkdownIt:
    """``md`` parsing blocks only (headings, quotes, lists, code, HTML blocks), several
    times faster: enough to check a whole export whose notes were checked one by one."""
    rules = set(md.core.ruler.get_all_rules())
    md.core.ruler.disable([r for r in ("inline", "linkify", "replacements", "smartquotes",
                                       "text_join") if r in rules])
    return md


BLOCK_CHECKERS: tuple[MarkdownIt, ...] = (
    _blocks_only(MarkdownIt("commonmark", {"html": True})),
    _blocks_only(MarkdownIt("gfm-like", {"html": True, "linkify": False})),
)
_INVISIBLE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))
_HTML = frozenset(("html_inline", "html_block"))
_SENTINEL = "Sentinel section"
# An opening fence (CommonMark: a backtick fence's info string holds no backtick) and a
# closing one (only spaces after the marker).
_OPEN_FENCE = re.compile(r" {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$")
_CLOSE_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_LOOKS_LIKE_FENCE = re.compile(r"[ \t>]*(?:[-+*]|\d{1,9}[.)])?[ \t]*(?:`{3,}|~{3,})")
# A code span: a run of backticks closed by a run of exactly the same length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
# What may stand before a heading's marker on its line: indentation, block quote markers,
# list markers.
_CONTAINER = r"(?:[ ]{0,3}>[ ]?|[ ]{0,3}(?:[-+*]|\d{1,9}[.)])[ ]{1,4})*[ ]{0,3}"
_ATX = re.compile(rf"^({_CONTAINER})(#{{1,6}})(?=[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(rf"^({_CONTAINER})(=+|-+)[ \t]*$")


def escape_note(note: str, level: int = 4) -> str:
    """``note`` as Markdown that stays inside a section of heading level ``level``.

    Headings in the note become level ``level + 1`` or deeper (at most 6); with ``level``
    5 or 6 there is no deeper level, and such a note is written in the plain form.
    """
    floor = level + 1
    if floor > 6:
        return plain_note(note)
    text = note.strip("\n")
    # Code kept as written first; if HTML survived the line-by-line guess of where code is,
    # every "<" is escaped, code or not.
    for keep_code in (True, False):
        candidate = _demote_headings(_without_html(text, keep_code=keep_code), floor)
        if note_is_contained(candidate, floor):
            return candidate
    return plain_note(note)


def plain_note(note: str) -> str:
    """``note`` as paragraphs that render as exactly its text, with no markup at all."""
    out: list[str] = []
    for line in note.strip("\n").split("\n"):
        out.append(escape_line(line) if line.strip() else "")
    # A single newline inside a paragraph renders as a space: keep the line break visible.
    joined: list[str] = []
    for i, line in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else ""
        joined.append(line + ("\\" if line and nxt else ""))
    return "\n".join(_squeeze_blank(joined)) or "&#8203;"


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def note_is_contained(markdown: str, floor: int) -> bool:
    """True when ``markdown``, followed by a blank line and a heading, leaves that heading a
    heading, holds no HTML and no heading above level ``floor``."""
    if _only_paragraphs(markdown):
        return True
    if not _fences_agree(markdown):
        return False
    probe = f"{markdown}\n\n#### {_SENTINEL}\n"
    # The GFM-like flavour differs from CommonMark in tables, strikethrough and bare links;
    # only the first two can change blocks, and they need "|" or "~".
    checkers = CHECKERS if ("|" in markdown or "~" in markdown) else CHECKERS[:1]
    for md in checkers:
        tokens = md.parse(probe)
        if has_html(tokens):
            return False
        headings = [(i, t) for i, t in enumerate(tokens) if t.type == "heading_open"]
        if not headings:
            return False
        last_i, last = headings[-1]
        if last.level != 0 or last.tag != "h4" or tokens[last_i + 1].content != _SENTINEL:
            return False
        if last_i + 3 != len(tokens):
            return False
        if any(int(t.tag[1]) < floor for _, t in headings[:-1]):
            return False
    return True


# What can start a block other than a paragraph (or end one): headings, quotes, lists, code,
# tables, HTML, setext underlines, thematic breaks.
_BLOCK_START = re.compile(r"^(?:[ ]{0,3}(?:[#>=*+\-|<`~_]|\d{1,9}[.)])|[ ]{4}|\t)", re.MULTILINE)


def _only_paragraphs(markdown: str) -> bool:
    """True for Markdown that can only be paragraphs of inline text with no HTML: no line
    starts a block of another kind and nothing can open HTML or code. Such a note is
    contained without parsing it (most notes are like this)."""
    return not any(ch in markdown for ch in "<`|") and not _BLOCK_START.search(markdown)


def _fences_agree(markdown: str) -> bool:
    """Every line that looks like a code fence is one to CommonMark. Other renderers (pandoc's
    Markdown) take some of the others (a backtick in the info string) as fences too, and
    then the code block swallows what follows: such a note is written in plain form."""
    looks = {i for i, line in enumerate(markdown.split("\n")) if _LOOKS_LIKE_FENCE.match(line)}
    if not looks:
        return True
    bounds: set[int] = set()
    for token in CHECKERS[0].parse(markdown):
        if token.type == "fence" and token.map is not None:
            bounds.add(token.map[0])
            bounds.add(token.map[1] - 1)
    return looks <= bounds


def has_html(tokens: list[Token]) -> bool:
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.type in _HTML:
            return True
        stack.extend(token.children or ())
    return False


# A line that may be or end a heading: "#" after container markers, or a setext underline.
_MAYBE_HEADING = re.compile(r"^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*#|^[ \t>]*(?:=+|-+)[ \t]*$",
                            re.MULTILINE)


def _demote_headings(text: str, floor: int) -> str:
    if not _MAYBE_HEADING.search(text):
        return text
    lines = text.split("\n")
    for md in CHECKERS[:1]:
        for token in md.parse(text):
            if token.type != "heading_open" or token.map is None:
                continue
            new_level = min(6, floor + int(token.tag[1]) - 1)
            first, end = token.map
            if token.markup.startswith("#"):
                lines[first] = _ATX.sub(lambda m, n=new_level: m.group(1) + "#" * n, lines[first])
            else:
                # A setext heading: its underline becomes literal text and the first line an
                # ATX heading of the new level.
                last = end - 1
                lines[last] = _SETEXT_UNDERLINE.sub(
                    lambda m: m.group(1) + "\\" + m.group(2), lines[last]
                )
                m = re.match(_CONTAINER, lines[first])
                cut = m.end() if m else 0
                lines[first] = lines[first][:cut] + "#" * new_level + " " + lines[first][cut:]
    return "\n".join(lines)


def _without_html(note: str, *, keep_code: bool = True) -> str:
    """``<`` outside code as ``&lt;``, controls as pictures; an open fence closed."""
    out: list[str] = []
    fence: str | None = None
    for line in note.split("\n"):
        if fence is None:
            m = _OPEN_FENCE.match(line)
            if m and keep_code:
                fence = m.group(1) or m.group(2)
                out.append(_controls(line))
                continue
            out.append(_outside_code(line, keep_code))
            continue
        m = _CLOSE_FENCE.match(line)
        if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            fence = None
        out.append(_controls(line))
    if fence is not None:
        out.append(fence)
    return "\n".join(out)


def _outside_code(line: str, keep_code: bool) -> str:
    """Escape ``<`` in a line, except inside backtick code spans (where it is literal)."""
    if not keep_code:
        return _controls(line).replace("<", "&lt;")
    out: list[str] = []
    at = 0
    for m in _CODE_SPAN.finditer(line):
        out += [_controls(line[at : m.start()]).replace("<", "&lt;"), _controls(m.group())]
        at = m.end()
    out.append(_controls(line[at:]).replace("<", "&lt;"))
    return "".join(out)


def _controls(text: str) -> str:
    return "".join(
        control_picture(ch)
        if is_control(ch)
        else f"&#{ord(ch)};"
        if ch != "\t" and ch > "~" and unicodedata.category(ch) in _INVISIBLE
        else ch
        for ch in text
    )
