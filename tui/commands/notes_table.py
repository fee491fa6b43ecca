"""The table ``sidelight notes`` prints: one row per annotation, long cells wrapped.

Notes are the user's own words and are shown whole, wrapped in their column (their line breaks
kept; past ``NOTE_LINES`` lines the row says where the rest is); quotes wrap to at most
``QUOTE_LINES`` lines. A column is shown only when some listed
annotation fills it: links bring a relation column, tags a tags column, orphans a state column.
Rows are formatted one at a time, as they are printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from sidelight.annotations.documents import Document, is_url
from sidelight.annotations.listing import Listing
from sidelight.annotations.model import Annotation, Target
from sidelight.tui.safe_text import one_line, printable

QUOTE_LINES = 3
# A note is shown whole up to this many lines (a screen); a longer one says where the rest is.
NOTE_LINES = 40
DOCUMENT_LINES = 2
_GAP = "  "
# Terminal styles for the highlight colours ("pink" is not a colour name a terminal knows).
_STYLES = {"yellow": "yellow", "green": "green", "blue": "blue", "pink": "pink1",
           "purple": "purple"}
# Fixed widths; the other columns share what is left.
_FIXED = {"id": 8, "where": 11, "colour": 6, "relation": 12, "state": 6}
_SHARES = {"document": 0.2, "quote": 0.36, "note": 0.32, "tags": 0.12}
# Below this, a shared column gets no narrower (the row then runs past the terminal's edge
# and is cut there, rather than wrapping every word onto its own line).
_NARROWEST = 8


@dataclass(frozen=True, slots=True)
class _Docs:
    by_path: dict[str, Document]
    by_print: dict[str, Document]

    def find(self, t: Target) -> Document | None:
        return self.by_path.get(t.source) or self.by_print.get(t.fingerprint)


@dataclass(frozen=True, slots=True)
class Layout:
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    # Too narrow a terminal for a note column: each note goes whole under its row instead,
    # indented by ``INDENT`` cells.
    notes_below: int = 0


INDENT = _FIXED["id"] + len(_GAP)
# Narrowest widths of the shared columns before notes move under their rows.
_AT_LEAST = {"document": 12, "quote": 16, "note": 24, "tags": 8}


def layout(anns: Sequence[Annotation], width: int, *, every: bool = False) -> Layout:
    """The columns the annotations fill, and their widths in a table ``width`` cells wide;
    ``every`` column when ``anns`` are only the first of a listing still streaming."""
    columns = ["id", "document", "where", "colour", "quote"]
    if every or any(a.note.strip() for a in anns):
        columns.append("note")
    fixed = dict(_FIXED)
    if every or any(a.kind == "link" for a in anns):
        columns.append("relation")
        fixed["relation"] = min(16, max(8, *(len(a.relation) for a in anns)))
    if every or any(a.tags for a in anns):
        columns.append("tags")
    if every or any(a.orphan for a in anns):
        columns.append("state")
    below = 0
    if "note" in columns and _room(columns, fixed, width) < sum(
            _AT_LEAST[c] for c in columns if c in _SHARES):
        columns.remove("note")
        below = max(20, width - INDENT)
    room = _room(columns, fixed, width)
    shared = [c for c in columns if c in _SHARES]
    total = sum(_SHARES[c] for c in shared)
    widths = {c: max(_NARROWEST, int(room * _SHARES[c] / total)) for c in shared}
    return Layout(tuple(columns), tuple(fixed.get(c) or widths[c] for c in columns), below)


def _room(columns: Sequence[str], fixed: dict[str, int], width: int) -> int:
    """What the shared columns have left between the fixed ones and the gaps."""
    return width - sum(fixed.get(c, 0) for c in columns) - len(_GAP) * (len(columns) - 1)


def rows(anns: Iterable[Annotation], docs: Sequence[Document] | Listing, table: Layout
         ) -> Iterator[Text]:
    """The header, then each annotation's row (one or more lines), formatted as asked for.
    A ``Listing`` is filled with documents as ``anns`` are read; each row sees it as it is."""
    found = (_Docs(docs.by_path, docs.by_print) if isinstance(docs, Listing)
             else _Docs({d.path: d for d in docs}, {d.fingerprint: d for d in docs}))
    yield _join([[Text(set_cell_size(c, w), style="bold")] for c, w in
                 zip(table.columns, table.widths, strict=True)], table.widths)
    for ann in anns:
        cells = _cells(ann, found.find(ann.target), found)
        row = _join([_wrap(cells[c], w, c) for c, w in zip(table.columns, table.widths,
                                                            strict=True)], table.widths)
        if table.notes_below and cells["note"].plain:
            for line in _wrap(cells["note"], table.notes_below, "note"):
                row.append("\n" + " " * INDENT)
                row.append_text(line)
        yield row


def _cells(ann: Annotation, doc: Document | None, docs: _Docs) -> dict[str, Text]:
    """The row's cells; a link's document, place and quote give one line per passage."""
    if ann.kind == "note":
        quote = Text("(document note)", style="italic")
    else:
        quote = Text("\n".join(one_line(t.exact, 2000) for t in ann.targets))
    return {
        "id": Text(ann.id[:8]),
        "document": Text("\n".join(one_line(source_name(t.source, docs.by_path), 400)
                                   for t in ann.targets)),
        "where": Text("\n".join(_where(t, docs.find(t) if n else doc)
                                for n, t in enumerate(ann.targets))),
        "colour": Text(ann.color, style=_STYLES.get(ann.color, "")) if ann.kind == "highlight"
        else Text(""),
        "quote": quote,
        "note": Text(printable(ann.note.strip()).replace("\t", " ")),
        "relation": Text(one_line(ann.relation, 40)),
        "tags": Text(one_line(", ".join(ann.tags), 400)),
        "state": Text("ORPHAN", style="bold red") if ann.orphan else Text(""),
    }


def _wrap(cell: Text, width: int, column: str) -> list[Text]:
    """The cell's lines at ``width`` cells: notes whole; quotes, documents and tags in a few
    lines per line of their own (a link has one per passage); the rest cut with an ellipsis."""
    most = {"note": NOTE_LINES, "quote": QUOTE_LINES, "document": DOCUMENT_LINES,
            "tags": DOCUMENT_LINES}.get(column, 1)
    plain = cell.plain
    if "\n" not in plain and cell_len(plain) <= width:
        return [cell]  # the common case, without the cost of wrapping
    lines: list[Text] = []
    for paragraph in cell.split("\n", allow_blank=True):
        wrapped = _words(paragraph, width, most + 1) if most != 1 else [paragraph]
        if column != "note" and len(wrapped) > most:
            wrapped = _cut(wrapped, most, width)
        lines.extend(wrapped)
        if column == "note" and len(lines) > most:
            # A note longer than a screen: the JSON formats give it whole.
            lines = [*_cut(lines, most, width),
                     Text("(the rest: --format json)", style="italic")]
            break
    for line in lines:
        line.truncate(width, overflow="ellipsis")
    return lines or [Text("")]


def _cut(lines: list[Text], most: int, width: int) -> list[Text]:
    """The first ``most`` lines, the last ending in an ellipsis."""
    kept = lines[:most]
    last = kept[-1]
    if cell_len(last.plain) >= width:
        last.truncate(width - 1)
    last.append("…")
    return kept


def _words(text: Text, width: int, limit: int) -> list[Text]:
    """``text`` broken at spaces into lines of at most ``width`` cells (a longer word is
    folded), at most ``limit`` of them; linear in what it wraps, so an imported note of a
    megabyte is no stall. Cells carry one style for their whole text, which each line keeps."""
    plain = text.plain
    out: list[Text] = []
    start, n = 0, len(plain)
    while start < n and len(out) < limit:
        used, end, cut = 0, start, -1
        while end < n:
            size = cell_len(plain[end])
            if used + size > width:
                break
            if plain[end] == " ":
                cut = end
            used += size
            end += 1
        if end >= n:
            out.append(Text(plain[start:n], style=text.style))
            break
        if plain[end] == " ":
            cut = end
        stop = cut if cut > start else max(end, start + 1)
        out.append(Text(plain[start:stop], style=text.style))
        start = stop
        while start < n and plain[start] == " ":
            start += 1
    return out or [Text("", style=text.style)]


def _join(cells: list[list[Text]], widths: Sequence[int]) -> Text:
    """Cells side by side, each padded to its width; a row is as tall as its tallest cell."""
    height = max(len(c) for c in cells)
    last = len(cells) - 1
    out = Text()
    for row in range(height):
        if row:
            out.append("\n")
        for n, (lines, width) in enumerate(zip(cells, widths, strict=True)):
            if n:
                out.append(_GAP)
            line = lines[row].copy() if row < len(lines) else Text("")
            if n < last:
                line.truncate(width, overflow="ellipsis", pad=True)
            out.append_text(line)
    out.rstrip()
    return out


def source_name(source: str, by_path: dict[str, Document]) -> str:
    """A file by its name; a web article by its outlet, authors, date and title (its address when
    it could not be opened)."""
    doc = by_path.get(source)
    web = doc.web if doc is not None else None
    if doc is None or web is None:
        return source if is_url(source) else Path(source).name
    byline = " · ".join(x for x in (web.site_name, ", ".join(web.authors), web.date) if x)
    return f"{byline}: {doc.title}" if byline else doc.title


def _where(t: Target, doc: Document | None) -> str:
    """Lines when the document is open, else the character range."""
    if t.start is None or t.end is None:
        return "—"
    if doc is not None and not t.orphan and t.end <= len(doc.text):
        first, last = doc.line_of(t.start), doc.line_of(max(t.start, t.end - 1))
        return f"L{first}" if first == last else f"L{first}–{last}"
    return f"{t.start}–{t.end}"
