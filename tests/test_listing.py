"""Listing a whole store document by document gives what reading it all first gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sidelight.annotations.documents import load_document
from sidelight.annotations.library import open_everything
from sidelight.annotations.listing import Listing, order, stream_everything
from sidelight.annotations.model import new_highlight, new_link, quote_target
from sidelight.annotations.store import AnnotationStore

TEXT = ("The council approved the budget on Tuesday. Spending rises by 4 percent. "
        "The mayor said the vote was close. Critics called the plan rushed.\n")


def _write(path: Path, text: str = TEXT) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _on(path: Path, quote: str, text: str = TEXT):  # type: ignore[no-untyped-def]
    doc = load_document(path)
    start = text.index(quote)
    return quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(quote))


def test_the_stream_is_the_whole_listing_in_order(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    a = _write(tmp_path / "a.txt")
    b = _write(tmp_path / "b.txt", TEXT.replace("4 percent", "5 percent"))
    gone = _write(tmp_path / "gone.txt", TEXT.replace("Tuesday", "Monday"))
    moved = _write(tmp_path / "old-name.txt", TEXT.replace("mayor", "governor"))
    anns = [
        new_highlight(_on(a, "Critics called")),
        new_highlight(_on(a, "The council")),
        new_highlight(_on(b, "5 percent", b.read_text())),
        new_highlight(_on(gone, "Monday", gone.read_text())),
        new_highlight(_on(moved, "governor", moved.read_text())),
        new_link((_on(b, "The mayor", b.read_text()), _on(a, "The mayor")), "agrees"),
    ]
    # Only imported annotations name this file: it is never read.
    imported = _write(tmp_path / "imported.txt")
    anns.append(new_highlight(replace(_on(imported, "Critics"), imported=True)))
    store.put_many(anns)
    gone.unlink()
    # The moved file's new name sorts first, and a highlight made there since names it: the
    # older annotation is anchored there, and listed there.
    new_name = moved.rename(tmp_path / "0-new-name.txt")
    store.add(new_highlight(_on(new_name, "Critics", new_name.read_text())))

    listing = Listing()
    streamed = list(stream_everything(AnnotationStore(db), listing))
    _, everything = open_everything(AnnotationStore(db))
    assert streamed == sorted(everything, key=order)
    assert [a.target.source for a in streamed][:2] == [str(new_name)] * 2
    assert str(imported) not in listing.by_path
    link = next(x for x in streamed if x.kind == "link")
    assert [t.start for t in link.targets] == [TEXT.index("The mayor")] * 2


def test_an_annotation_whose_file_is_gone_waits_for_a_copy_of_its_text(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    first = _write(tmp_path / "a-first.txt")
    ann = new_highlight(_on(first, "budget"))
    later = _write(tmp_path / "z-copy.txt")
    other = new_highlight(_on(later, "Critics"))
    store.put_many([ann, other])
    first.unlink()
    streamed = list(stream_everything(AnnotationStore(db), Listing()))
    _, everything = open_everything(AnnotationStore(db))
    assert sorted(streamed, key=order) == sorted(everything, key=order)
    assert {a.target.source for a in streamed} == {str(later)}
