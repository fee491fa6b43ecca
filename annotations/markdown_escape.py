"""Document text made safe to put in Markdown: it renders as exactly the same text.

Untrusted text must not become markup in an export: no emphasis, headings, lists, code,
tables, raw HTML, links (including bare URLs that GitHub links by itself, Obsidian's
``[[wiki links]]``, ``#tags``, ``^block-ids``, ``==highlights==`` and ``%%comments%%``) and no math.
CommonMark lets any ASCII punctuation be escaped with a backslash and any character be
written as a numeric reference, so:

* punctuation that can open markup anywhere is backslash-escaped;
* punctuation that is markup only at the start of a line (``-``, ``+``, ``1.``) is escaped
  there;
* ``<`` and ``>`` become ``&lt;`` and ``&gt;``;
* characters whose meaning depends on where they stand (leading and trailing spaces, tabs,
  extra blank lines) and invisible characters (bidi controls, joiners, separators) become
  numeric references, so they survive and never reach a terminal raw;
* C0 and C1 control characters, which Markdown cannot carry at all (renderers turn their
  references into U+FFFD), are shown as their control pictures (ESC as ``␛``, U+2400 + code)
  or, for C1, as U+FFFD. This is the one place where the rendered text differs.

``escape_inline`` is for text inside one line; ``blockquote`` quotes a passage of several
lines and paragraphs.
"""

from __future__ import annotations

import re
import unicodedata

# Markup anywhere in a line (CommonMark, GFM, Obsidian, GitHub math).
_ANYWHERE = frozenset("\\`*_[]&|~$#=%@^")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "\t": "&#9;", "\n": "&#10;"}
# Markup at the start of a line: list bullets, headings, setext underlines, ordered lists.
_LINE_START = re.compile(r"[-+]|\d{1,9}[.)]")
# URLs that renderers link without any markup.
_SCHEME = re.compile(r"(?i)(?<=[a-z0-9])://")
_WWW = re.compile(r"(?i)\bwww\.")
# Domain names that linkifying renderers (markdown-it's linkify) link without ``www.``:
# the dot between a name and a letter is escaped.
_DOMAIN_DOT = re.compile(r"(?<=[A-Za-z0-9-])\.(?=[A-Za-z])")
_INVISIBLE = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))


def control_picture(ch: str) -> str:
    """What a C0/C1 control character (other than tab and newline) is shown as."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def is_control(ch: str) -> bool:
    return (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in "\t\n"


def _char(ch: str) -> str:
    if ch in _ENTITIES:
        return _ENTITIES[ch]
    if ch in _ANYWHERE:
        return "\\" + ch
    if ch > "~" or ch < " ":
        if is_control(ch):
            return control_picture(ch)
        if unicodedata.category(ch) in _INVISIBLE:
            return f"&#{ord(ch)};"
    return ch


def _escape_run(text: str) -> str:
    """Escape characters of ``text`` wherever they are, plus bare URLs."""
    out = "".join(_char(ch) for ch in text)
    out = _SCHEME.sub(r"\\://", out)
    out = _WWW.sub(lambda m: m.group(0)[:-1] + "\\.", out)
    return _DOMAIN_DOT.sub(r"\\.", out)


def escape_line(line: str) -> str:
    """One line of text (no newline) as Markdown that renders as exactly that line."""
    # Whitespace at either end (spaces, tabs, no-break and other Unicode spaces) would be
    # stripped, start a code block or make a hard line break: write it as references.
    body = line.lstrip()
    lead = line[: len(line) - len(body)]
    body = body.rstrip()
    trail = line[len(lead) + len(body) :]
    if not body:
        return _references(line)
    escaped = _escape_run(body)
    m = _LINE_START.match(body)
    if m:
        # Escape the last character of the marker: "\-", "2014\.", "3\)".
        cut = m.end() - 1
        escaped = _escape_run(body[:cut]) + "\\" + body[cut] + _escape_run(body[m.end() :])
    return _references(lead) + escaped + _references(trail)


def _references(whitespace: str) -> str:
    return "".join(
        control_picture(ch) if is_control(ch) else f"&#{ord(ch)};" for ch in whitespace
    )


def escape_inline(text: str) -> str:
    """``text`` as Markdown for inside one line (a heading, a list item, a table cell).

    Newlines become character references, so the result is always a single line.
    """
    return "&#10;".join(escape_line(line) for line in text.split("\n"))


def blockquote(text: str) -> str:
    """``text`` as a Markdown block quote whose rendered text is exactly ``text``.

    Every line starts with ``>``. A single newline is a line break within a paragraph, a blank
    line separates paragraphs, and newlines a paragraph break cannot express (a third one in a
    row, or at the start or end) are written as references.
    """
    if not text:
        return ">"
    # Alternating: text, newline run, text, ..., text (first and last may be empty).
    parts = re.split(r"(\n+)", text)
    lines: list[str] = []
    current = ""
    pending = ""  # references for newlines that go at the start of the next text piece
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part:
                current += pending + escape_line(part)
                pending = ""
            continue
        k = len(part)
        at_edge = (i == 1 and not parts[0]) or (i == len(parts) - 2 and not parts[-1])
        if at_edge:
            if current:
                current += "&#10;" * k
            else:
                pending += "&#10;" * k
            continue
        lines.append(current)
        current = ""
        if k >= 2:
            lines.append("")
            pending = "&#10;" * (k - 2)
    if pending:
        current += pending
    lines.append(current)
    return "\n".join(f"> {line}" if line else ">" for line in lines)
