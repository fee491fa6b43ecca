"""Hostile notes and quotes through the Markdown export, and the checks every export must pass.

``hostile_exports(n)`` makes ``n`` highlights with random hostile quotes and notes (fences
that CommonMark does not take as fences, HTML of every block kind, headings, setext
underlines, tables, link definitions, lazy continuations, controls, bidi, backslashes and
entities), exports them ten to a file, and parses each whole export with markdown-it-py as
CommonMark and GFM-like. An export passes when every section heading it should have is a
heading, in order, with its text; no token anywhere is HTML; every quote renders as exactly
its text. Returns ``{"trials", "structure_breaks", "html", "quote_mismatches"}`` and the first
failures.

Used by tests/test_export_hostile.py and ``benchmarks/bench_interop.py`` (the reliability
table).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from sidelight.annotations.documents import make_text_document
from sidelight.annotations.export_markdown import MarkdownOptions, export_markdown, shown_quote
from sidelight.annotations.markdown_escape import control_picture, is_control
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)

PARSERS = {
    "commonmark": MarkdownIt("commonmark", {"html": True}),
    "gfm-like": MarkdownIt("gfm-like", {"linkify": True, "html": True}),
}
PER_EXPORT = 10
STAMP = "2024-05-01T12:00:00.000Z"

NOTE_PIECES = (
    "```", "```x`y", "````", "~~~", "~~~ python", "```\n", "\n```\n", "`", "``", "` `",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<script>", "</script>",
    "<!--", "-->", "<?php", "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<div>", "</div>",
    "<pre>", "<textarea>", "<style>", "<a href='javascript:alert(1)'>x</a>", "<b>", "<",
    "<https://example.com>", "&lt;", "&#60;", "&#x3C;", "&", "\\", "\\`", "\\<",
    "# Highlight 1-1", "#", "## ", "###### x", "\n# x\n", "\n=====\n", "\n---\n", "\n- - -\n",
    "Title\n===", "Title\n---", "\n> ", "> quote", ">", "- item", "* item", "1. item", "1)",
    "    indented code", "\n    code\n", "\t", "|a|b|\n|-|-|\n|c|d|", "| x |", "[x]: /url",
    "[x]: javascript:alert(1)", "[x]", "[[wiki]]", "![[embed]]", "^block-id", " ^abc", "==",
    "%%", "$$", "$x$", "*", "**", "_", "~~", "\n", "\n\n", "\n\n\n", " ", "  ", "word",
    "The bridge is safe.", "é", "漢字", "👨\u200d👩\u200d👧", "\u202eevil\u202c", "\u2028",
    "\x1b[2J", "\x00", "\x9b", "\x7f", "\r", "\ud800", "\ufeff", "\u00ad", "www.example.com",
    "https://example.com/x?y=<z>",
)
QUOTE_PIECES = (*(p for p in NOTE_PIECES if p not in ("\r", "\ud800")),
    "Paris", "40 people", " said. ", "\n\n", "\n",
)


@dataclass
class Tally:
    trials: int = 0
    structure_breaks: int = 0
    html: int = 0
    quote_mismatches: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, kind: str, detail: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.failures) < 5:
            self.failures.append(f"{kind}: {detail}")


def hostile_piece_text(rng: random.Random, pieces: tuple[str, ...], k: int) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, k)))


def expected_text(quote: str) -> str:
    """What a quote renders as: controls are shown as their pictures (Markdown cannot carry
    them), and a trailing line break is not shown."""
    shown = shown_quote(quote)
    return "".join(control_picture(ch) if is_control(ch) else ch for ch in shown)


def build(rng: random.Random, n: int) -> tuple[list, list[Annotation], list[str]]:
    """A document holding ``n`` hostile quotes, a highlight with a hostile note on each, a
    hostile document note and a hostile link; and the quotes in reading order."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i in range(n):
        quote = hostile_piece_text(rng, QUOTE_PIECES, 6)
        if not quote.strip():
            quote = f"word{i}" + quote
        head = f"Paragraph {i} begins. "
        spans.append((pos + len(head), pos + len(head) + len(quote)))
        part = f"{head}{quote} Paragraph {i} ends.\n\n"
        parts.append(part)
        pos += len(part)
    doc = make_text_document("/docs/hostile.txt", "".join(parts))
    anns: list[Annotation] = []
    for a, b in spans:
        target = quote_target(doc.path, doc.fingerprint, doc.text, a, b)
        anns.append(new_highlight(target, note=hostile_piece_text(rng, NOTE_PIECES, 12)))
    anns.append(new_document_note(doc.path, doc.fingerprint,
                                  hostile_piece_text(rng, NOTE_PIECES, 12)))
    link = new_link((anns[0].target, anns[-2].target), "agrees",
                    note=hostile_piece_text(rng, NOTE_PIECES, 12))
    anns.append(link)
    quotes = [doc.text[a:b] for a, b in spans]
    return [doc], anns, quotes


def expected_headings(n: int, title: str) -> list[tuple[str, str]]:
    heads = [("h1", "Annotations from sidelight"), ("h2", f"1. {expected_text(title)}")]
    heads += [("h3", "Document notes, source 1"), ("h3", "Highlights, source 1")]
    heads += [("h4", f"Highlight 1-{i}") for i in range(1, n + 1)]
    heads += [("h2", "Links between sources"), ("h3", "Link 1: agrees")]
    return heads


def check_export(
    export: str, title: str, quotes: list[str], tally: Tally, callouts: bool
) -> None:
    n = len(quotes)
    body = export[export.index("\n---\n", 3) + 5 :]
    for flavour, md in PARSERS.items():
        tokens = md.parse(body)
        if _html(tokens):
            tally.fail("html", f"{flavour}: {_html(tokens)[:80]!r}")
        heads = [
            (t.tag, _inline_text(tokens[i + 1]))
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.level == 0 and t.tag in ("h1", "h2", "h3", "h4")
        ]
        if heads != expected_headings(n, title):
            tally.fail("structure_breaks", f"{flavour}: headings {heads[:6]}…")
            continue
        got = _highlight_quotes(tokens, callouts)
        want = [expected_text(q) for q in quotes]
        if got != want:
            bad = next((i for i, (g, w) in enumerate(zip(got, want, strict=False)) if g != w), 0)
            tally.fail("quote_mismatches", f"{flavour}: {want[bad]!r} shown as "
                       f"{got[bad] if bad < len(got) else None!r}")


def _html(tokens: list[Token]) -> str:
    stack = list(tokens)
    while stack:
        t = stack.pop()
        if t.type in ("html_inline", "html_block"):
            return t.content or t.type
        stack.extend(t.children or ())
    return ""


def _highlight_quotes(tokens: list[Token], callouts: bool) -> list[str]:
    """The text of the block quote right after each "Highlight" heading."""
    out: list[str] = []
    for i, t in enumerate(tokens):
        if not (t.type == "heading_open" and t.tag == "h4"):
            continue
        j = i + 3
        if j >= len(tokens) or tokens[j].type != "blockquote_open":
            out.append("<no quote>")
            continue
        paragraphs: list[str] = []
        j += 1
        while tokens[j].type != "blockquote_close":
            if tokens[j].type == "inline":
                paragraphs.append(_inline_text(tokens[j]))
            elif tokens[j].type not in ("paragraph_open", "paragraph_close"):
                paragraphs.append(f"<{tokens[j].type}>")
            j += 1
        if callouts and paragraphs:
            paragraphs = paragraphs[1:]
        out.append("\n\n".join(paragraphs))
    return out


def _inline_text(tok: Token) -> str:
    out = []
    for child in tok.children or []:
        if child.type == "softbreak":
            out.append("\n")
        elif child.type == "text":
            out.append(child.content)
        else:
            out.append(f"<{child.type}>")
    return "".join(out)


def hostile_exports(n: int, *, seed: int = 11) -> dict[str, int | list[str]]:
    """``n`` hostile highlights (quote and note each) through the export, ``PER_EXPORT`` to a
    file; every other file with Obsidian callouts."""
    rng = random.Random(seed)
    tally = Tally()
    done = 0
    while done < n:
        k = min(PER_EXPORT, n - done)
        docs, anns, quotes = build(rng, k)
        callouts = bool(rng.getrandbits(1))
        export = export_markdown(docs, anns, exported_at=STAMP,
                                 options=MarkdownOptions(callouts=callouts))
        check_export(export, docs[0].title, quotes, tally, callouts)
        tally.trials += k
        done += k
    return {"trials": tally.trials, "structure_breaks": tally.structure_breaks,
            "html": tally.html, "quote_mismatches": tally.quote_mismatches,
            "failures": tally.failures}
