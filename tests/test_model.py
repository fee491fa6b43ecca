"""The annotation model: selectors from text, validation, and the stored shape round-trip."""

from __future__ import annotations

import pytest

from sidelight.annotations.model import (
    CONTEXT_CHARS,
    Annotation,
    Target,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)

TEXT = "x" * 50 + "the quoted words" + "y" * 50


def test_quote_target_fills_both_selectors() -> None:
    start = TEXT.index("the quoted")
    t = quote_target("/doc.txt", "fp", TEXT, start, start + 16)
    assert t.exact == "the quoted words"
    assert t.prefix == "x" * CONTEXT_CHARS
    assert t.suffix == "y" * CONTEXT_CHARS
    assert (t.start, t.end) == (50, 66)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (10, 3), (0, len(TEXT) + 1)])
def test_quote_target_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside the document"):
        quote_target("/doc.txt", "fp", TEXT, start, end)


def test_round_trip_of_every_kind() -> None:
    t1 = quote_target("/a.txt", "fa", TEXT, 0, 10)
    t2 = quote_target("/b.txt", "fb", TEXT, 50, 66)
    for ann in (
        new_highlight(t1, color="green", note="*why* it matters", tags=("claim", "check")),
        new_document_note("/a.txt", "fa", "Overall: one-sided."),
        new_link((t1, t2), "contradicts", "numbers differ"),
    ):
        assert Annotation.from_dict(ann.to_dict()) == ann


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "scribble"}, "unknown annotation kind"),
        ({"targets": []}, "non-empty list"),
        ({"color": "mauve"}, "unknown colour"),
        ({"tags": "one"}, "list of strings"),
        ({"note": 3}, "'note' must be a string"),
        ({"id": ""}, "'id'"),
        ({"id": 7}, "'id'"),
        ({"tags": ["claim", 1]}, "list of strings"),
        ({"color": 5}, "unknown colour '5'"),
        ({"via": 3}, "'via' must be a string"),
        ({"creator": ["me"]}, "'creator' must be a string"),
        ({"targets": ["/a.txt"]}, "a target must be an object"),
    ],
)
def test_from_dict_names_the_bad_field(change: dict, message: str) -> None:
    data = new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10)).to_dict() | change
    with pytest.raises(ValueError, match=message):
        Annotation.from_dict(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": ""}, "'source'"),
        ({"source": 5}, "'source'"),
        ({"start": True}, "'start' must be an integer"),
        ({"end": 10.0}, "'end' must be an integer"),
        ({"encoding": 3}, "'encoding' must be a string"),
    ],
)
def test_from_dict_names_the_bad_target_field(change: dict, message: str) -> None:
    data = new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10)).to_dict()
    data["targets"][0] |= change
    with pytest.raises(ValueError, match=message):
        Annotation.from_dict(data)


def test_from_dict_reads_loose_fields_as_before() -> None:
    # Fields sidelight never writes in another type are taken as their text (or default).
    data = new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10)).to_dict()
    data |= {"color": None, "relation": None, "modified": ""}
    data["targets"][0] |= {"fingerprint": 12, "exact": None, "orphan": 1, "imported": "yes"}
    ann = Annotation.from_dict(data)
    assert (ann.color, ann.relation, ann.modified) == ("yellow", "", data["created"])
    t = ann.target
    assert (t.fingerprint, t.exact, t.orphan, t.imported) == ("12", "", True, False)


def test_shapes_are_validated() -> None:
    bare = Target(source="/a.txt", fingerprint="fa")
    with pytest.raises(ValueError, match="two or more targets"):
        new_link((quote_target("/a.txt", "fa", TEXT, 0, 10), bare), "agrees")
    with pytest.raises(ValueError, match="unknown colour"):
        new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10), color="mauve")
    data = new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10)).to_dict()
    data["targets"][0]["start"] = "zero"
    with pytest.raises(ValueError, match="'start' must be an integer"):
        Annotation.from_dict(data)


def test_edited_updates_modified_only() -> None:
    ann = new_highlight(quote_target("/a.txt", "fa", TEXT, 0, 10))
    changed = ann.edited(note="new")
    assert changed.note == "new" and changed.created == ann.created and changed.id == ann.id
    assert changed.modified >= ann.modified
