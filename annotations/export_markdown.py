"""Annotations exported as one Markdown file that reads well in GitHub, Obsidian or any
CommonMark renderer.

Layout: YAML front matter Obsidian reads as properties (title, export time as a date-time,
sources and tags as lists of strings), then per source its title, path and date, its
document notes, its highlights in reading order (quote as a block quote or an Obsidian
callout, colour, tags, location, note), its orphans; then the links between sources with
both quotes. Headings are unique in the export (``Highlight 2-3``, ``Highlights, source 2``)
and every annotation carries an Obsidian block id (``^sl-…``) that stays the same from one
export to the next. A template (``markdown_template``) may replace each highlight's block.

Document text (quotes, titles, paths, tags) goes through ``markdown_escape`` so that it
renders as exactly itself and never as markup; notes are the user's own Markdown and stay
Markdown, without live HTML and below their section's level (``markdown_notes``). The whole
export is parsed before it is returned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from sidelight.annotations.dateline import dateline_date
from sidelight.annotations.documents import Document
from sidelight.annotations.markdown_escape import blockquote, escape_inline
from sidelight.annotations.markdown_notes import BLOCK_CHECKERS, escape_note, has_html, plain_note
from sidelight.annotations.markdown_template import Template, render, section_headings
from sidelight.annotations.model import Annotation, Target, now_iso
from sidelight.annotations.quote_context import context_line
from sidelight.annotations.web.model import PageMeta

TITLE = "Annotations from sidelight"
# Section headings the export writes (levels 1-4); a note sits below its section's level.
NOTE_LEVEL = 4


@dataclass(frozen=True, slots=True)
class _Source:
    path: str
    title: str
    date: str | None
    doc: Document | None
    missing: bool = False  # no file at ``path`` (when ``doc`` is None)


@dataclass(frozen=True, slots=True)
class MarkdownOptions:
    """How highlights are written: plain block quotes, or Obsidian callouts (``> [!yellow]``)."""

    callouts: bool = False
    template: Template | None = None  # the per-highlight block, see ``markdown_template``


class _Lines:
    """The export's lines, and where each section heading the export writes stands."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.line = 0
        self.headings: list[int] = []

    def add(self, *chunks: str) -> None:
        for chunk in chunks:
            self.chunks.append(chunk)
            self.line += chunk.count("\n") + 1

    def block(self, text: str) -> None:
        """A block whose own top-level section headings count as the export's."""
        self.headings += [self.line + n for n in section_headings(text, NOTE_LEVEL)]
        self.add(text, "")

    def heading(self, level: int, text: str) -> None:
        self.headings.append(self.line)
        self.add("#" * level + " " + text, "")


def export_markdown(
    docs: Sequence[Document],
    annotations: Sequence[Annotation],
    *,
    exported_at: str | None = None,
    options: MarkdownOptions | None = None,
) -> str:
    """The Markdown export of ``annotations``; ``docs`` are the sources that could be read.

    A source named by an annotation but missing from ``docs`` is exported from the stored
    quotes and marked "(source file not found)", or "(source file not read)" when the file
    is there but was not opened (another encoding, not among the documents open).

    The whole export is parsed before it is returned: if any note still broke its structure
    (a section heading no longer a heading, live HTML), every note is written in plain form.
    """
    options = options or MarkdownOptions()
    stamp = exported_at or now_iso()
    text, body_start, headings = _build(docs, annotations, stamp, options, escape_note)
    # Only notes are Markdown; the GFM-like flavour changes blocks only with "|" or "~".
    gfm = any("|" in a.note or "~" in a.note for a in annotations) or options.template
    flavours = BLOCK_CHECKERS if gfm else BLOCK_CHECKERS[:1]
    if not structure_intact(text[body_start:], headings, flavours):
        text, body_start, headings = _build(
            docs, annotations, stamp, options, lambda note, level: plain_note(note)
        )
        if options.template is not None and not structure_intact(
            text[body_start:], headings, flavours
        ):
            raise ValueError(
                f"{options.template.name}: the export's sections do not survive this template "
                "(a field inside a heading, a quote or a list?); put each field on its own line"
            )
    return text


def structure_intact(
    body: str, headings: Sequence[int], flavours: Sequence[MarkdownIt] = BLOCK_CHECKERS
) -> bool:
    """True when, under every renderer in ``flavours``, the section headings of levels 1-4
    are exactly the lines ``headings`` and nothing in ``body`` is HTML."""
    for md in flavours:
        # Blocks only: HTML inside a line (inline) cannot reach past a note, and each note
        # was checked with its inline content.
        tokens = md.parse(body)
        if has_html(tokens):
            return False
        found = [
            t.map[0] for t in tokens
            if t.type == "heading_open" and t.map is not None and t.level == 0
            and int(t.tag[1]) <= NOTE_LEVEL
        ]
        nested = [
            t for t in tokens
            if t.type == "heading_open" and t.level > 0 and int(t.tag[1]) <= NOTE_LEVEL
        ]
        if found != list(headings) or nested:
            return False
    return True


def _build(
    docs: Sequence[Document],
    annotations: Sequence[Annotation],
    exported_at: str,
    options: MarkdownOptions,
    note_form: Callable[[str, int], str],
) -> tuple[str, int, list[int]]:
    sources = _sources(docs, annotations)
    index = {s.path: i for i, s in enumerate(sources, 1)}
    front = _front_matter(sources, annotations, exported_at)
    out = _Lines()
    out.heading(1, TITLE)
    if not annotations:
        out.add("No annotations.", "")
    ids = _block_ids(annotations)
    for source in sources:
        _source_section(out, source, index[source.path], annotations, ids, options, note_form)
    links = [a for a in annotations if a.kind == "link"]
    if links:
        out.heading(2, "Links between sources")
        for n, link in enumerate(links, 1):
            _link(out, link, n, {s.path: s for s in sources}, ids, note_form)
    body = "\n".join(out.chunks).rstrip("\n") + "\n"
    return front + body, len(front), out.headings


def _block_ids(annotations: Sequence[Annotation]) -> dict[str, str]:
    """A short Obsidian block id per annotation (``sl-`` and the start of its id), unique in
    the export and the same in every export, so ``[[file#^sl-1a2b3c4d]]`` links keep working."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for ann in sorted(annotations, key=lambda a: a.id):
        plain = "".join(ch for ch in ann.id.lower() if ch.isascii() and ch.isalnum())
        size = 8
        block = f"sl-{plain[:size]}"
        while block in taken and size < len(plain):
            size += 4
            block = f"sl-{plain[:size]}"
        n = 2
        while block in taken:
            block = f"sl-{plain[:size]}-{n}"
            n += 1
        taken.add(block)
        out[ann.id] = block
    return out


def _sources(docs: Sequence[Document], annotations: Sequence[Annotation]) -> list[_Source]:
    out = [_Source(d.path, d.title, d.date, d) for d in docs]
    known = {d.path for d in docs}
    missing = sorted({t.source for a in annotations for t in a.targets} - known)
    out += [_Source(p, Path(p).name, None, None, not _is_file(p)) for p in missing]
    return out


def _is_file(path: str) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # a stored path the system cannot look up names no file
        return False


def _front_matter(
    sources: Sequence[_Source], annotations: Sequence[Annotation], exported_at: str
) -> str:
    """YAML front matter Obsidian shows as properties: lists of strings, dates as dates."""
    lines = ["---", f"title: {_yaml(TITLE)}"]
    stamp = _yaml_datetime(exported_at)
    lines.append(f"exported: {stamp}" if stamp else f"exported: {_yaml(exported_at)}")
    lines.append("sources:" if sources else "sources: []")
    for s in sources:
        shown = s.title if s.title == s.path else f"{s.title} — {s.path}"
        lines.append(f"  - {_yaml(shown)}")
    tags = sorted({tag for a in annotations for tag in a.tags}, key=str.casefold)
    lines.append("tags:" if tags else "tags: []")
    lines += [f"  - {_yaml(tag.lstrip('#') or tag)}" for tag in tags]
    lines += ["---", ""]
    return "\n".join(lines)


def _yaml_datetime(stamp: str) -> str:
    """An ISO 8601 UTC time as a plain YAML date-time Obsidian recognises, or ""."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z", stamp)
    return f"{m.group(1)}T{m.group(2)}Z" if m else ""


# Characters written as YAML escapes: what quoting needs, and what a renderer that shows the
# front matter as Markdown text could turn into HTML or a link.
_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
_YAML_HEX = frozenset("<>&[]@")


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar that stays inert when shown as Markdown."""
    out = []
    for i, ch in enumerate(value):
        if ch in _YAML_ESCAPES:
            out.append(_YAML_ESCAPES[ch])
        elif (
            ch in _YAML_HEX
            or (ch == ":" and value.startswith("//", i + 1))
            or (ch == "." and value[max(0, i - 3) : i].lower() == "www")
            or not (ch.isprintable() or ch == " ")
        ):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _web_lines(web: PageMeta) -> list[str]:
    """What a web article adds to its source's header: outlet, authors, address, snapshot."""
    lines = [
        f"Outlet: {escape_inline(web.site_name) if web.site_name else 'not given'}  ",
        f"Authors: {escape_inline(', '.join(web.authors)) if web.authors else 'not given'}  ",
    ]
    if web.url:
        lines.append(f"Canonical address: {escape_inline(web.url)}  ")
    if web.fetched:
        lines.append(f"Fetched: {escape_inline(web.fetched)} (snapshot "
                     f"{escape_inline(web.snapshot[:12])})  ")
    lines[-1] = lines[-1].rstrip()
    return lines


def _source_section(
    out: _Lines,
    source: _Source,
    n: int,
    annotations: Sequence[Annotation],
    ids: dict[str, str],
    options: MarkdownOptions,
    note_form: Callable[[str, int], str],
) -> None:
    mine = [
        a for a in annotations if a.kind != "link" and a.target.source == source.path
    ]
    out.heading(2, f"{n}. {escape_inline(source.title)}")
    out.add(f"Path: {escape_inline(source.path)}  ")
    web = source.doc.web if source.doc is not None else None
    if web is None:
        out.add(f"Date: {_date(source)}")
    else:
        out.add(f"Date: {_date(source)}  ")
        out.add(*_web_lines(web))
    if source.doc is None:
        why = "not found" if source.missing else "not read for this export"
        out.add("", f"*(source file {why}: quotes and positions are the last ones stored)*")
    out.add("")
    notes = sorted((a for a in mine if a.kind == "note"), key=lambda a: a.created)
    highlights = sorted(
        (a for a in mine if a.kind == "highlight" and not a.orphan), key=_reading_order
    )
    orphans = sorted((a for a in mine if a.kind == "highlight" and a.orphan), key=_reading_order)
    if notes:
        out.heading(3, f"Document notes, source {n}")
        for note in notes:
            out.add(note_form(note.note, NOTE_LEVEL), "", f"^{ids[note.id]}", "")
    if highlights:
        out.heading(3, f"Highlights, source {n}")
        for i, ann in enumerate(highlights, 1):
            _highlight(out, ann, f"Highlight {n}-{i}", source.doc, ids, options, note_form)
    if orphans:
        out.heading(3, f"Orphaned highlights, source {n}")
        out.add(
            "The words of these highlights are no longer in the document. They are kept with "
            "their last quote.",
            "",
        )
        for i, ann in enumerate(orphans, 1):
            _highlight(out, ann, f"Orphan {n}-{i}", None, ids, options, note_form)
    if not (notes or highlights or orphans):
        out.add("No highlights or notes on this source.", "")


def _date(source: _Source) -> str:
    """The source's date: its date line or metadata, else what its dateline says."""
    if source.date:
        return escape_inline(source.date)
    given = dateline_date(source.doc.text) if source.doc is not None else None
    return f"{escape_inline(given)} (from the dateline)" if given else "not given"


def _reading_order(ann: Annotation) -> tuple[int, int]:
    return (ann.target.start or 0, ann.target.end or 0)


def _highlight(
    out: _Lines,
    ann: Annotation,
    heading: str,
    doc: Document | None,
    ids: dict[str, str],
    options: MarkdownOptions,
    note_form: Callable[[str, int], str],
) -> None:
    t = ann.target
    if options.template is not None:
        out.block(render(options.template, _fields(ann, heading, doc, ids, options, note_form)))
        return
    details = [f"colour: {ann.color}"]
    if ann.tags:
        details.append("tags: " + ", ".join(escape_inline(tag) for tag in ann.tags))
    details.append(_location(t, doc))
    out.heading(4, heading)
    out.add(quote_block(t.exact, ann.color if options.callouts else None), "")
    context = context_line(t, doc)
    if context:
        out.add(f"Context: {context}", "")
    out.add(" · ".join(details) + f" ^{ids[ann.id]}", "")
    if ann.note:
        out.add(note_form(ann.note, NOTE_LEVEL), "")


def _fields(
    ann: Annotation,
    heading: str,
    doc: Document | None,
    ids: dict[str, str],
    options: MarkdownOptions,
    note_form: Callable[[str, int], str],
) -> dict[str, str]:
    t = ann.target
    return {
        "heading": heading,
        "quote": quote_block(t.exact, ann.color if options.callouts else None),
        "text": escape_inline(shown_quote(t.exact)),
        "context": context_line(t, doc),
        "note": note_form(ann.note, NOTE_LEVEL) if ann.note else "",
        "color": ann.color,
        "tags": ", ".join(escape_inline(tag) for tag in ann.tags),
        "hashtags": " ".join(f"#{w}" for w in (_hashtag(tag) for tag in ann.tags) if w),
        "location": _location(t, doc),
        "source": escape_inline(doc.title) if doc is not None else escape_inline(t.source),
        "created": ann.created[:10],
        "modified": ann.modified[:10],
        "block_id": ids[ann.id],
    }


def _hashtag(tag: str) -> str:
    """A tag as an Obsidian ``#tag`` word: letters, digits, ``_``, ``-`` and ``/`` only."""
    word = re.sub(r"[^\w/-]+", "-", tag.lstrip("#")).strip("-/")
    return "" if not word or word.isdigit() else word


def shown_quote(exact: str) -> str:
    """The quote as the export shows it: a selection's trailing line break is not part of
    what the reader meant, and would only show up as a character reference."""
    return exact.rstrip("\r\n") or exact


def quote_block(exact: str, callout: str | None = None) -> str:
    """The quote as a block quote, or as an Obsidian callout of type ``callout``."""
    quoted = blockquote(shown_quote(exact))
    return f"> [!{callout}]\n>\n{quoted}" if callout else quoted


def _location(t: Target, doc: Document | None) -> str:
    assert t.start is not None and t.end is not None
    chars = f"characters {t.start}–{t.end}"
    if t.orphan:
        return f"last seen at {chars}"
    if doc is None or t.end > len(doc.text):
        return chars
    where = f"line {doc.line_of(t.start)}, {chars}"
    if doc.kind == "markdown":
        where += f", source line {doc.source_line_of(t.start)}"
    return where


def _link(
    out: _Lines,
    link: Annotation,
    n: int,
    sources: dict[str, _Source],
    ids: dict[str, str],
    note_form: Callable[[str, int], str],
) -> None:
    relation = escape_inline(link.relation) if link.relation else "linked"
    out.heading(3, f"Link {n}: {relation}")
    for i, t in enumerate(link.targets):
        source = sources.get(t.source)
        title = source.title if source else Path(t.source).name
        doc = source.doc if source else None
        label = chr(ord("A") + i) if i < 26 else str(i + 1)
        orphan = " (orphaned: words no longer in the document)" if t.orphan else ""
        out.add(
            f"**{label}.** {escape_inline(title)}, {_location(t, doc)}{orphan}:",
            "",
            quote_block(t.exact),
            "",
        )
        context = context_line(t, doc)
        if context:
            out.add(f"Context: {context}", "")
    out.add(f"^{ids[link.id]}", "")
    if link.note:
        out.add(note_form(link.note, NOTE_LEVEL), "")
