"""A comparison as a report: Markdown for people, JSON for programs.

Every piece of document text in the Markdown goes through ``annotations.markdown_escape``:
documents are untrusted and their words must never become HTML, links or markup, nor break
out of a block quote or a table cell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sidelight.annotations.comparison.claims import Claim, claims
from sidelight.annotations.comparison.model import (
    KINDS,
    UNMATCHED,
    Comparison,
    Difference,
    DocSpan,
    NumberContrast,
    QuoteContrast,
    QuoteMatch,
)
from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.quotes import Quote, WordDiff
from sidelight.annotations.documents import Document
from sidelight.annotations.markdown_escape import blockquote, escape_inline
from sidelight.annotations.model import Annotation

_RELATION_WORDS = {
    "conflict": "differ",
    "compatible": "agree within the wording",
    "vaguer": "one is vaguer",
}


# ----------------------------------------------------------------------------- Markdown


def render_markdown(c: Comparison) -> str:
    """The whole report: sources, the claims table, entities, figures, differences, quotes,
    unique passages, sentences without a counterpart found, aligned passages and link
    notes."""
    parts: list[str] = [f"# Comparison of {len(c.documents)} sources", ""]
    parts += _sources(c)
    parts += _claims(c)
    parts += _entities(c)
    parts += _figures(c)
    parts += _differences(c)
    parts += _quotes(c)
    parts += _unique(c)
    parts += _unmatched(c)
    parts += _passages(c)
    parts += _links(c)
    return "\n".join(parts).rstrip("\n") + "\n"


def _label(c: Comparison, doc: int) -> str:
    return f"Source {doc + 1}"


def _cell(text: str) -> str:
    # A table cell is one line; the escaper takes care of pipes and markup.
    return escape_inline(" ".join(text.split()))


# How a count of sentences reads ("2 differing", not the kind's name "2 differs").
SENTENCE_KINDS = {"same": "the same", "similar": "similar", "differs": "differing",
                  "unique": "unique"}


def _sources(c: Comparison) -> list[str]:
    out = ["## Sources", ""]
    for i, d in enumerate(c.documents):
        kinds = [s.kind for s in c.sentences[i]]
        told = [f"{kinds.count(k)} {SENTENCE_KINDS[k]}" for k in KINDS if kinds.count(k)]
        if kinds.count(UNMATCHED):
            told.append(f"{kinds.count(UNMATCHED)} without a counterpart found")
        counts = ", ".join(told)
        date = f", {_cell(d.date)}" if d.date else ""
        out.append(
            f"{i + 1}. **{_cell(d.title)}**{date} ({_cell(_where_from(d))}): "
            f"{len(kinds)} sentences — {counts or 'no sentences'}"
        )
    return [*out, ""]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


_GLYPHS = {"same": "=", "similar": "≈", "differs": "≠", "": "·"}


def _claims(c: Comparison) -> list[str]:
    rows = claims(c)
    out = ["## Claims", ""]
    if not rows:
        return [*out, "No claim is told by more than one source.", ""]
    out += ["Each row is one claim and how each source tells it: `=` the same words, `≈` "
            "reworded, `≠` with a figure or quotation that differs, `·` not told.", ""]
    header = ["#", "Claim", *(f"S{i + 1}" for i in range(len(c.documents))), "Differences"]
    table = []
    for n, cl in enumerate(rows, 1):
        table.append([str(n), _cell(_short(cl.text, 140)), *(_GLYPHS[t] for t in cl.told),
                      _cell(_claim_differences(cl)) or "—"])
    return [*out, *_table(header, table), ""]


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _claim_differences(cl: Claim) -> str:
    # Keyed by what the figures mean: a headline and its body that give one figure twice
    # ("at least 27", "at least 27 people") make one entry, worded as first met.
    parts: dict[object, str] = {}
    for d in cl.differences:
        for nc in d.conflicts:
            key = (d.a.doc, _meaning(nc.a), d.b.doc, _meaning(nc.b))
            parts.setdefault(key, f"S{d.a.doc + 1} {nc.a.text} vs S{d.b.doc + 1} {nc.b.text}")
        if d.quotes:
            text = f"quoted words differ (S{d.a.doc + 1}, S{d.b.doc + 1})"
            parts.setdefault(text, text)
    return "; ".join(parts.values())


def _meaning(q: Quantity) -> tuple[object, ...]:
    return (q.unit, q.approx, q.value, q.low, q.high)


def _entities(c: Comparison) -> list[str]:
    out = ["## Entities", ""]
    if not c.entity_rows:
        return [*out, "No named entities were recognised.", ""]
    header = ["Entity", "Type", *(_label(c, i) for i in range(len(c.documents)))]
    rows = [
        [_cell(" / ".join(r.names[:3])), r.label, *(str(n) for n in r.counts)]
        for r in c.entity_rows
    ]
    out += _table(header, rows)
    out.append("")
    for i in range(len(c.documents)):
        only = c.entities_only_in(i)
        if only:
            names = ", ".join(_cell(r.name) for r in only)
            out.append(f"- Only in {_label(c, i)}: {names}")
    return [*out, ""]


def _unit_name(unit: str) -> str:
    # An ordinal's unit is "#" and what it counts ("the third round": "#round"), a key the
    # reader of a report has no use for.
    if unit.startswith("#"):
        return f"{unit[1:]} (ordinal)"
    return unit or "number"


def _figures(c: Comparison) -> list[str]:
    if not c.figure_rows:
        return []
    out = ["## Figures", ""]
    header = ["Figure", "Unit", *(_label(c, i) for i in range(len(c.documents)))]
    rows = [
        [_cell(" / ".join(r.texts[:3])), _cell(_unit_name(r.unit)),
         *(str(n) for n in r.counts)]
        for r in c.figure_rows
    ]
    return [*out, *_table(header, rows), ""]


def _differences(c: Comparison) -> list[str]:
    out = ["## Differences", ""]
    if not c.differences:
        return [*out, "No aligned passages differ in their numbers or quoted words.", ""]
    for n, d in enumerate(c.differences, 1):
        out.append(f"### {n}. {_label(c, d.a.doc)} and {_label(c, d.b.doc)} "
                   f"(similarity {d.score:.2f})")
        out.append("")
        for nc in d.numbers:
            out.append(f"- {_cell(nc.a.text)} ({_label(c, d.a.doc)}) and {_cell(nc.b.text)} "
                       f"({_label(c, d.b.doc)}): {_RELATION_WORDS[nc.relation]}")
        for qc in d.quotes:
            out.append(f"- quoted words: {_diff_inline(qc.diff)}")
        out.append("")
        out += _side(c, d.a)
        out += _side(c, d.b)
    return out


def _diff_inline(diff: Sequence[WordDiff]) -> str:
    """``equal ~~removed~~ **added**``: readable in GitHub and Obsidian, plain in CommonMark."""
    words = []
    for w in diff:
        if w.op == "equal":
            words.append(_cell(w.old))
            continue
        if w.old:
            words.append(f"~~{_cell(w.old)}~~")
        if w.new:
            words.append(f"**{_cell(w.new)}**")
    return " ".join(words)


def _side(c: Comparison, span: DocSpan) -> list[str]:
    line = c.documents[span.doc].line_of(span.start)
    return [f"{_label(c, span.doc)}, line {line}:", "", blockquote(span.text), ""]


def _quotes(c: Comparison) -> list[str]:
    if not c.quote_matches:
        return []
    out = ["## Quotes in more than one source", ""]
    for m in c.quote_matches:
        who = _speakers(m.a, m.b)
        if m.trimmed:
            # The words both give; the longer side goes on (or starts earlier).
            short, long_doc = (m.a, m.b_doc) if len(m.a.text) <= len(m.b.text) else (m.b, m.a_doc)
            out.append(f"- Same words in {_label(c, m.a_doc)} and {_label(c, m.b_doc)}{who}, "
                       f"{_label(c, long_doc)} quoting more: “{_cell(short.text)}”")
        elif m.same:
            out.append(f"- Same words in {_label(c, m.a_doc)} and {_label(c, m.b_doc)}{who}: "
                       f"“{_cell(m.a.text)}”")
        else:
            out.append(f"- Different words in {_label(c, m.a_doc)} and {_label(c, m.b_doc)}"
                       f"{who}: {_diff_inline(m.diff)}")
    return [*out, ""]


def _speakers(a: Quote, b: Quote) -> str:
    names = [s for s in dict.fromkeys((a.speaker, b.speaker)) if s]
    return f" ({_cell(' / '.join(names))})" if names else ""


def _unique(c: Comparison) -> list[str]:
    out = ["## Passages unique to one source", ""]
    for i in range(len(c.documents)):
        runs = c.unique(i)
        out.append(f"### {_label(c, i)}: {len(runs)} passages")
        out.append("")
        for run in runs:
            out += _side(c, run)
    return out


def _unmatched(c: Comparison) -> list[str]:
    counts = [len(c.unmatched(i)) for i in range(len(c.documents))]
    if not any(counts):
        return []
    out = ["## No counterpart found", "",
           "No other source was found to tell these sentences, but nothing shows that none "
           "does: another may tell them in other words. They are not unique passages.", ""]
    for i, n in enumerate(counts):
        if not n:
            continue
        out += [f"### {_label(c, i)}: {n} {'sentence' if n == 1 else 'sentences'}", ""]
        for s in c.unmatched(i):
            out += _side(c, DocSpan(i, s.start, s.end, s.text))
    return out


def _passages(c: Comparison) -> list[str]:
    out = ["## Aligned passages", ""]
    if not c.passages:
        return [*out, "No passages align.", ""]
    for n, p in enumerate(c.passages, 1):
        out.append(f"### {n}. {p.kind} (similarity {p.score:.2f})")
        out.append("")
        for side in p.sides:
            out += _side(c, side)
    return out


def _links(c: Comparison) -> list[str]:
    out = ["## Link notes", ""]
    if not c.links:
        return [*out, "No link notes between these sources.", ""]
    for n, link in enumerate(c.links, 1):
        relation = _cell(link.relation or "link")
        out.append(f"### {n}. {relation}")
        out.append("")
        if link.note:
            out += [blockquote(link.note), ""]
        for t in link.targets:
            out.append(f"{_cell(_target_name(c, t.source, t.fingerprint))}"
                       f"{' (text no longer found)' if t.orphan else ''}:")
            out += ["", blockquote(t.exact or "(no quoted text)"), ""]
    return out


def _target_name(c: Comparison, source: str, fingerprint: str) -> str:
    for i, d in enumerate(c.documents):
        if d.path == source or d.fingerprint == fingerprint:
            return _label(c, i)
    return Path(source).name


# ----------------------------------------------------------------------------- JSON


def to_dict(c: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data (offsets are code points into each text)."""
    return {
        "documents": [
            {"index": i, "path": d.path, "title": d.title, "date": d.date,
             "fingerprint": d.fingerprint, "sentences": len(c.sentences[i])}
            for i, d in enumerate(c.documents)
        ],
        "passages": [
            {"kind": p.kind, "score": p.score, "sides": [_span(s) for s in p.sides]}
            for p in c.passages
        ],
        "claims": [
            {"text": cl.text, "told": list(cl.told), "sides": [_span(s) for s in cl.sides],
             "differences": [c.differences.index(d) for d in cl.differences]}
            for cl in claims(c)
        ],
        "differences": [_difference(d) for d in c.differences],
        "unique": [_span(s) for i in range(len(c.documents)) for s in c.unique(i)],
        # Sentences without a counterpart found and without evidence that only their
        # source tells them: not "unique", not told elsewhere either.
        "unmatched": [{"doc": i, "start": s.start, "end": s.end, "text": s.text}
                      for i in range(len(c.documents)) for s in c.unmatched(i)],
        "entities": [
            {"key": r.key, "label": r.label, "names": list(r.names), "counts": list(r.counts),
             "only_in": r.only_in}
            for r in c.entity_rows
        ],
        "figures": [
            {"unit": r.unit, "value": r.value, "texts": list(r.texts),
             "counts": list(r.counts)}
            for r in c.figure_rows
        ],
        "quotes": [_quote_match(m) for m in c.quote_matches],
        "links": [_link(a) for a in c.links],
    }


# Characters JSON may carry raw that a terminal would act on (C1 controls, DEL) or that
# reorder a line (bidi overrides); json.dumps already escapes C0 controls.
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def render_json(c: Comparison) -> str:
    """The comparison as JSON; readable text stays as it is, terminal controls are escaped
    (losslessly: a JSON reader gets the same strings back)."""
    text = json.dumps(to_dict(c), ensure_ascii=False, indent=2)
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _span(s: DocSpan) -> dict[str, Any]:
    return {"doc": s.doc, "start": s.start, "end": s.end, "text": s.text}


def _quantity(q: Quantity) -> dict[str, Any]:
    out: dict[str, Any] = {"text": q.text, "start": q.start, "end": q.end, "value": q.value,
                           "unit": q.unit, "approx": q.approx}
    if q.value is None:
        out["low"], out["high"] = q.low, q.high
    return out


def _number(n: NumberContrast) -> dict[str, Any]:
    return {"a": _quantity(n.a), "b": _quantity(n.b), "relation": n.relation}


def _quote(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker}


def _diff(diff: Sequence[WordDiff]) -> list[dict[str, str]]:
    return [{"op": w.op, "old": w.old, "new": w.new} for w in diff]


def _quote_contrast(q: QuoteContrast) -> dict[str, Any]:
    return {"a": _quote(q.a), "b": _quote(q.b), "diff": _diff(q.diff)}


def _difference(d: Difference) -> dict[str, Any]:
    return {
        "score": d.score,
        "sides": [_span(d.a), _span(d.b)],
        "numbers": [_number(n) for n in d.numbers],
        "quotes": [_quote_contrast(q) for q in d.quotes],
    }


def _quote_match(m: QuoteMatch) -> dict[str, Any]:
    return {"a_doc": m.a_doc, "a": _quote(m.a), "b_doc": m.b_doc, "b": _quote(m.b),
            "score": m.score, "same": m.same, "trimmed": m.trimmed, "diff": _diff(m.diff)}


def _link(a: Annotation) -> dict[str, Any]:
    return {"id": a.id, "relation": a.relation, "note": a.note,
            "targets": [t.to_dict() for t in a.targets]}


def _where_from(d: Document) -> str:
    """A file by its name; a web article by its outlet and address."""
    if d.web is not None:
        return " · ".join(x for x in (d.web.site_name, d.path) if x)
    return Path(d.path).name
