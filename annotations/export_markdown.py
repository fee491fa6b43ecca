"""Annotations exported as one Markdown file that reads well in GitHub, Obsidian or any
CommonMark renderer.

Layout: YAML front matter (title, export time, sources), then per source its title, path and
date, its document notes, its highlights in reading order (quote as a block quote, colour,
tags, location, note), its orphans; then the links between sources with both quotes.

Document text (quotes, titles, paths, tags) goes through ``markdown_escape`` so that it
renders as exactly itself and never as markup; notes are the user's own Markdown and stay
Markdown, without live HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotations.documents import Document
from annotations.markdown_escape import blockquote, escape_inline, escape_note
from annotations.model import Annotation, Target, now_iso

TITLE = "Annotations from sidelight"


@dataclass(frozen=True, slots=True)
class _Source:
    path: str
    title: str
    date: str | None
    doc: Document | None
    missing: bool = False  # no file at ``path`` (when ``doc`` is None)


def export_markdown(
    docs: Sequence[Document],
    annotations: Sequence[Annotation],
    *,
    exported_at: str | None = None,
) -> str:
    """The Markdown export of ``annotations``; ``docs`` are the sources that could be read.

    A source named by an annotation but missing from ``docs`` is exported from the stored
    quotes and marked "(source file not found)", or "(source file not read)" when the file
    is there but was not opened (another encoding, not among the documents open).
    """
    sources = _sources(docs, annotations)
    index = {s.path: i for i, s in enumerate(sources, 1)}
    out: list[str] = [_front_matter(sources, exported_at or now_iso()), f"# {TITLE}", ""]
    if not annotations:
        out += ["No annotations.", ""]
    for source in sources:
        out += _source_section(source, index[source.path], annotations)
    links = [a for a in annotations if a.kind == "link"]
    if links:
        out += ["## Links between sources", ""]
        for n, link in enumerate(links, 1):
            out += _link(link, n, {s.path: s for s in sources})
    return "\n".join(out).rstrip("\n") + "\n"


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


def _front_matter(sources: Sequence[_Source], exported_at: str) -> str:
    lines = ["---", f"title: {_yaml(TITLE)}", f"exported_at: {_yaml(exported_at)}"]
    if sources:
        lines.append("sources:")
        for s in sources:
            lines.append(f"  - title: {_yaml(s.title)}")
            lines.append(f"    path: {_yaml(s.path)}")
            if s.date:
                lines.append(f"    date: {_yaml(s.date)}")
            if s.doc is None:
                lines.append("    missing: true" if s.missing else "    read: false")
    else:
        lines.append("sources: []")
    lines += ["---", ""]
    return "\n".join(lines)


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


def _source_section(source: _Source, n: int, annotations: Sequence[Annotation]) -> list[str]:
    mine = [
        a for a in annotations if a.kind != "link" and a.target.source == source.path
    ]
    out = [f"## {n}. {escape_inline(source.title)}", ""]
    out.append(f"Path: {escape_inline(source.path)}  ")
    out.append(f"Date: {escape_inline(source.date) if source.date else 'not given'}")
    if source.doc is None:
        why = "not found" if source.missing else "not read for this export"
        out += ["", f"*(source file {why}: quotes and positions are the last ones stored)*"]
    out.append("")
    notes = sorted((a for a in mine if a.kind == "note"), key=lambda a: a.created)
    highlights = sorted(
        (a for a in mine if a.kind == "highlight" and not a.orphan), key=_reading_order
    )
    orphans = sorted((a for a in mine if a.kind == "highlight" and a.orphan), key=_reading_order)
    if notes:
        out += ["### Document notes", ""]
        for note in notes:
            out += [escape_note(note.note), ""]
    if highlights:
        out += ["### Highlights", ""]
        for i, ann in enumerate(highlights, 1):
            out += _highlight(ann, i, source.doc)
    if orphans:
        out += [
            "### Orphaned highlights",
            "",
            "The words of these highlights are no longer in the document. They are kept with "
            "their last quote.",
            "",
        ]
        for i, ann in enumerate(orphans, 1):
            out += _highlight(ann, i, None)
    if not (notes or highlights or orphans):
        out += ["No highlights or notes on this source.", ""]
    return out


def _reading_order(ann: Annotation) -> tuple[int, int]:
    return (ann.target.start or 0, ann.target.end or 0)


def _highlight(ann: Annotation, n: int, doc: Document | None) -> list[str]:
    t = ann.target
    details = [f"colour: {ann.color}"]
    if ann.tags:
        details.append("tags: " + ", ".join(escape_inline(tag) for tag in ann.tags))
    details.append(_location(t, doc))
    out = [f"#### Highlight {n}", "", blockquote(t.exact), "", " · ".join(details), ""]
    if ann.note:
        out += [escape_note(ann.note), ""]
    return out


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


def _link(link: Annotation, n: int, sources: dict[str, _Source]) -> list[str]:
    relation = escape_inline(link.relation) if link.relation else "linked"
    out = [f"### Link {n}: {relation}", ""]
    for i, t in enumerate(link.targets):
        source = sources.get(t.source)
        title = source.title if source else Path(t.source).name
        doc = source.doc if source else None
        label = chr(ord("A") + i) if i < 26 else str(i + 1)
        orphan = " (orphaned: words no longer in the document)" if t.orphan else ""
        out += [
            f"**{label}.** {escape_inline(title)}, {_location(t, doc)}{orphan}:",
            "",
            blockquote(t.exact),
            "",
        ]
    if link.note:
        out += [escape_note(link.note), ""]
    return out

