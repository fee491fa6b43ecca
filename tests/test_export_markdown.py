"""The Markdown export: structure, exact quotes under a CommonMark parser, and safety."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from test_export_escape import HOSTILE, PARSERS, rendered_quote_texts

from sidelight.annotations.documents import Document, load_document, make_text_document
from sidelight.annotations.export_markdown import export_markdown
from sidelight.annotations.locations import seed_paths
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)

STAMP = "2024-05-01T12:00:00.000Z"


def _highlight(doc: Document, quote: str, **kw: object) -> Annotation:
    start = doc.text.index(quote)
    target = quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(quote))
    return new_highlight(target, **kw)  # type: ignore[arg-type]


def _front_matter(export: str) -> str:
    m = re.match(r"---\n(.*?)\n---\n", export, re.DOTALL)
    assert m, "the export starts with front matter"
    return m.group(1)


def _body(export: str) -> str:
    return export[len(_front_matter(export)) + 9 :]


def _hostile() -> tuple[Document, list[tuple[int, int]]]:
    # Every hostile quote in its own paragraph, with ordinary words around it.
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, q in enumerate(HOSTILE):
        head = f"Paragraph {i} begins. "
        spans.append((pos + len(head), pos + len(head) + len(q)))
        part = f"{head}{q} Paragraph {i} ends.\n\n"
        parts.append(part)
        pos += len(part)
    return make_text_document("/docs/hostile <b>*doc*</b>.txt", "".join(parts)), spans


@pytest.fixture
def hostile_doc() -> Document:
    return _hostile()[0]


@pytest.mark.parametrize("flavour", sorted(PARSERS))
def test_every_hostile_quote_renders_exactly(flavour: str) -> None:
    hostile_doc, spans = _hostile()
    anns = [
        new_highlight(quote_target(hostile_doc.path, hostile_doc.fingerprint, hostile_doc.text,
                                   a, b), note="plain note")
        for a, b in spans
    ]
    export = export_markdown([hostile_doc], anns, exported_at=STAMP)
    quotes = rendered_quote_texts(PARSERS[flavour], _body(export))
    # Reading order is document order, which is the order of HOSTILE; a selection's
    # trailing line break is not shown.
    assert quotes == [q.rstrip("\n") or q for q in HOSTILE]
    html = PARSERS[flavour].render(_body(export))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<div>" not in html and "<!--" not in html


def test_front_matter_is_inert_and_parses(hostile_doc: Document) -> None:
    export = export_markdown([hostile_doc], [_highlight(hostile_doc, "# not a heading")],
                             exported_at=STAMP)
    fm = _front_matter(export)
    # YAML double-quoted scalars written here are also JSON strings.
    def value(pattern: str) -> str:
        m = re.search(pattern + r"(\".*\")$", fm, re.MULTILINE)
        assert m, pattern
        return json.loads(m.group(1))

    # Obsidian properties: a date-time, lists of strings.
    assert re.search(r"^exported: 2024-05-01T12:00:00Z$", fm, re.MULTILINE)
    assert value("^title: ") == "Annotations from sidelight"
    assert value("^  - ") == f"{hostile_doc.title} — {hostile_doc.path}"
    assert re.search(r"^tags: \[\]$", fm, re.MULTILINE)
    # Shown as plain Markdown (renderers without front matter support), nothing is live.
    html = MarkdownIt("commonmark", {"html": True}).render(export)
    assert "<b>" not in html
    md = MarkdownIt("commonmark").use(front_matter_plugin)
    assert md.parse(export)[0].type == "front_matter"


def _sections(export: str) -> list[str]:
    return re.findall(r"^#{1,4} .*$", export, re.MULTILINE)


def test_structure_notes_highlights_orphans_links(tmp_path: Path) -> None:
    md_path = tmp_path / "story.md"
    md_path.write_text(
        "---\ntitle: The story\ndate: 2018-03-22\n---\n# Heading\n\n"
        "Intro paragraph with *emphasis*.\n\nThe second paragraph says the bridge is safe.\n",
        encoding="utf-8",
    )
    story = load_document(md_path)
    other = make_text_document("/docs/other.txt", "Another account: the bridge is unsafe.\n")
    later = _highlight(story, "the bridge is safe", color="green", tags=("claim", "#x"),
                       note="**Check** this <b>now</b>")
    first = _highlight(story, "Intro paragraph")
    orphan = new_highlight(replace(
        quote_target(story.path, story.fingerprint, story.text, 0, 7),
        exact="words since deleted", orphan=True,
    ))
    note = new_document_note(story.path, story.fingerprint, "A document note.")
    link = new_link((later.target, _highlight(other, "the bridge is unsafe").target),
                    "contradicts", note="They disagree.")
    missing_t = quote_target("/gone/missing.txt", "f" * 64, "A quote from a lost file.", 2, 7)
    missing = new_highlight(missing_t)
    export = export_markdown([story, other], [later, link, orphan, first, note, missing],
                             exported_at=STAMP)
    heads = _sections(export)
    assert heads[0] == "# Annotations from sidelight"
    assert heads[1].startswith("## 1. The story")
    i = heads.index("### Document notes, source 1")
    assert heads[i + 1] == "### Highlights, source 1"
    assert "### Orphaned highlights, source 1" in heads and "## Links between sources" in heads
    assert "### Link 1: contradicts" in heads
    body = _body(export)
    # Highlights in reading order, with colour, tags, location and the Markdown source line.
    assert body.index("> Intro paragraph") < body.index("> the bridge is safe")
    assert re.search(
        r"colour: green · tags: claim, \\#x · line \d+, characters \d+–\d+, source line 9",
        body,
    )
    assert "**Check** this &lt;b>now&lt;/b>" in body
    assert "> words since deleted" in body and "last seen at characters 0–7" in body
    assert "A document note." in body
    # The missing source is still exported, from its stored quote.
    assert "## 3. missing\\.txt" in body and "source file not found" in body
    assert "> quote" in body
    # The link shows both quotes and the relation.
    link_part = body[body.index("## Links between sources") :]
    assert "> the bridge is safe" in link_part and "> the bridge is unsafe" in link_part
    assert "They disagree." in link_part


def test_export_of_both_seeds_renders_cleanly() -> None:
    docs = [load_document(p) for p in seed_paths()]
    assert len(docs) >= 2
    anns = []
    for doc in docs:
        paragraphs = [p for p in doc.text.split("\n\n") if len(p) > 40]
        for p in paragraphs:
            sentence = p.split(". ")[0].strip()
            if doc.text.count(sentence) == 1:
                anns.append(_highlight(doc, sentence, note=f"On *{doc.name}*"))
    link = new_link((anns[0].target, anns[-1].target), "same-claim")
    export = export_markdown(docs, [*anns, link], exported_at=STAMP)
    for md in PARSERS.values():
        tokens = md.parse(_body(export))
        assert not [t for t in tokens if t.type == "html_block"]
        quotes = rendered_quote_texts(md, _body(export))
        assert quotes == [a.target.exact for a in anns] + [
            t.exact for t in link.targets
        ]


def test_no_annotations_says_so() -> None:
    assert "No annotations." in export_markdown([], [], exported_at=STAMP)
