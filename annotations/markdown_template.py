"""A user's template for each highlight's block in the Markdown export (``--template FILE``),
so an export can follow a vault's conventions.

Fields, written ``{name}`` (``{{`` and ``}}`` for literal braces):

* ``{heading}``: the highlight's unique heading text (``Highlight 2-3``), no ``#``;
* ``{quote}``: the quote as a block quote (or an Obsidian callout with ``--callouts``);
* ``{text}``: the quote on one line, escaped;
* ``{context}``: for a short quote, the sentence around it on one line with the quote in
  bold, escaped; empty when the quote is long or is its whole sentence;
* ``{note}``: the note (Markdown, its headings demoted, never HTML), empty when none;
* ``{color}``, ``{tags}`` (comma-separated), ``{hashtags}`` (``#tag`` words for Obsidian);
* ``{location}``: line and characters; ``{source}``: the document's title;
* ``{created}``, ``{modified}``: dates (``YYYY-MM-DD``);
* ``{block_id}``: the annotation's Obsidian block id (``sl-1a2b3c4d``; write ``^{block_id}``).

Every field's value is already escaped for Markdown. The template itself must not hold HTML
(the export never does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from sidelight.annotations.markdown_notes import CHECKERS, has_html

FIELDS: tuple[str, ...] = (
    "heading", "quote", "text", "context", "note", "color", "tags", "hashtags", "location",
    "source", "created", "modified", "block_id",
)
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
MAX_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    name: str = "template"


def parse_template(text: str, name: str = "template") -> Template:
    """Check ``text`` as a template; ``ValueError`` with one line naming what is wrong."""
    for m in _FIELD.finditer(text):
        field = m.group(1)
        if field is not None and field not in FIELDS:
            line = text.count("\n", 0, m.start()) + 1
            raise ValueError(
                f"line {line}: unknown field {{{field}}}; the fields are "
                + ", ".join(f"{{{f}}}" for f in FIELDS)
            )
    if "{heading}" not in text and "{block_id}" not in text:
        raise ValueError("use {heading} or {block_id}, so each highlight can be linked to")
    sample = render(Template(text, name), {f: "x" for f in FIELDS})
    if any(has_html(md.parse(sample)) for md in CHECKERS):
        raise ValueError("writes HTML; sidelight's exports hold none (use Markdown)")
    return Template(text, name)


def render(template: Template, values: dict[str, str]) -> str:
    def field(m: re.Match[str]) -> str:
        if m.group(0) == "{{":
            return "{"
        if m.group(0) == "}}":
            return "}"
        return values.get(m.group(1), "")

    return _FIELD.sub(field, template.text).strip("\n")


def section_headings(markdown: str, deepest: int) -> list[int]:
    """Lines of ``markdown`` that are top-level headings of level ``deepest`` or above."""
    md: MarkdownIt = CHECKERS[0]
    return [
        t.map[0] for t in md.parse(markdown)
        if t.type == "heading_open" and t.level == 0 and t.map is not None
        and int(t.tag[1]) <= deepest
    ]
