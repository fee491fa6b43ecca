"""The ``sidelight notes`` table: notes wrapped whole, a relation column for links, and a
column only when some annotation fills it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sidelight.annotations.documents import Document, make_text_document
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.commands.notes_table import layout, rows

A_TEXT = "Report A\n\nThe minister resigned on Monday after the vote.\n"
B_TEXT = "Report B\n\nOn Monday the minister quit.\n"
NOTE = ("Check whether this was the letter or the interview: one source says letter, the "
        "other a broadcast interview. Need a third source before quoting.")


def _docs() -> tuple[Document, Document]:
    return make_text_document("/r/a.txt", A_TEXT), make_text_document("/r/b.txt", B_TEXT)


def _quote(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def _highlight(doc: Document, words: str, **kw: object) -> Annotation:
    return new_highlight(quote_target(doc.path, doc.fingerprint, doc.text,
                                      *_quote(doc, words)), **kw)  # type: ignore[arg-type]


def _table(anns: list[Annotation], docs: tuple[Document, ...], width: int) -> list[str]:
    return [line.rstrip() for row in rows(anns, docs, layout(anns, width))
            for line in row.plain.split("\n")]


def test_a_long_note_is_wrapped_whole_at_150_columns() -> None:
    a, b = _docs()
    lines = _table([_highlight(a, "minister resigned", note=NOTE)], (a, b), 150)
    assert all(len(line) <= 150 for line in lines)
    assert "…" not in "\n".join(lines)
    words = " ".join(" ".join(lines[1:]).split())
    for word in NOTE.split():
        assert word in words
    assert len(lines) > 2  # wrapped onto more lines, not cut


def test_columns_only_when_filled() -> None:
    a, b = _docs()
    header = _table([_highlight(a, "minister resigned")], (a, b), 150)[0].split()
    assert header == ["id", "document", "where", "colour", "quote"]
    tagged = _highlight(a, "the vote", tags=("check",), note="why")
    header = _table([tagged], (a, b), 150)[0].split()
    assert header == ["id", "document", "where", "colour", "quote", "note", "tags"]


def test_a_link_has_its_relation_and_both_passages() -> None:
    a, b = _docs()
    link = new_link((quote_target(a.path, a.fingerprint, a.text, *_quote(a, "resigned")),
                     quote_target(b.path, b.fingerprint, b.text, *_quote(b, "quit"))),
                    "contradicts", "resigned or quit?")
    lines = _table([link, _highlight(a, "the vote")], (a, b), 150)
    assert lines[0].split()[-1] == "relation"
    first, second = lines[1], lines[2]
    assert "contradicts" in first and "a.txt" in first and "L3" in first
    assert "resigned" in first and "quit" in second and "b.txt" in second and "L3" in second


def test_a_narrow_terminal_puts_notes_under_their_row() -> None:
    a, b = _docs()
    note = new_document_note(b.path, b.fingerprint, "Second source.\nNo byline.")
    lines = _table([_highlight(a, "minister resigned", note=NOTE, tags=("t",)), note],
                   (a, b), 80)
    assert "note" not in lines[0].split()
    assert all(len(line) <= 80 for line in lines)
    text = "\n".join(lines)
    assert "Second source." in text and "\n          No byline." in text
    assert " ".join(text.split()).count("Need a third source before quoting.") == 1


def test_hostile_notes_and_quotes_reach_no_terminal() -> None:
    a, _ = _docs()
    lines = _table([_highlight(a, "minister", note="\x1b]2;owned\x07 and\x1b[2J more")],
                   (a,), 120)
    assert not any(ch in "\n".join(lines) for ch in "\x1b\x07")


def test_notes_piped_prints_whole_notes(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(A_TEXT, encoding="utf-8")
    db = tmp_path / "db.json"
    made = subprocess.run([sys.executable, "-m", "sidelight", "annotate", str(doc), "--quote",
                           "minister resigned", "--note", NOTE, "--db", str(db)],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert len(AnnotationStore(db).all()) == 1
    listed = subprocess.run([sys.executable, "-m", "sidelight", "notes", "--db", str(db)],
                            capture_output=True, text=True)
    assert listed.returncode == 0 and listed.stderr == ""
    assert " ".join(listed.stdout.split()).count("Need a third source before quoting.") == 1


def test_a_huge_note_is_cut_after_a_screen_and_says_where_the_rest_is() -> None:
    a, _ = _docs()
    huge = "word " * 200_000 + "\n" * 1000
    lines = _table([_highlight(a, "minister", note=huge)], (a,), 150)
    assert 40 <= len(lines) <= 45
    assert "(the rest: --format json)" in lines[-1]
    assert all(len(line) <= 150 for line in lines)


def test_a_long_word_is_folded_not_lost() -> None:
    a, _ = _docs()
    word = "x" * 120
    lines = _table([_highlight(a, "minister", note=f"see {word} here")], (a,), 100)
    text = "".join("".join(line.split()) for line in lines[1:])
    assert word in text and "here" in text
