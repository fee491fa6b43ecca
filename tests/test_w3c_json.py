"""The W3C JSON text written straight from an annotation is what json.dumps makes of to_w3c."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.documents import _markdown_document, is_url, make_text_document
from sidelight.annotations.model import COLORS, RELATIONS, Annotation, Target, quote_target
from sidelight.annotations.w3c import holds_surrogates, to_w3c
from sidelight.annotations.w3c_json import w3c_json, w3c_json_joined

MARKDOWN = "# Budget\n\nThe *minister* said the [plan](https://x.test) was **final**.\n\n- one\n"
PLAIN = "The minister said the plan was final. Critics said it would change.\n"
DOCS = {d.path: d for d in (_markdown_document("/docs/story.md", MARKDOWN),
                            make_text_document("/docs/other.txt", PLAIN))}

# Every kind of character a note, quote or path may hold: controls, quotes and backslashes,
# non-ASCII letters, characters outside the BMP (written as surrogate pairs), and text in
# several languages so that notes get a language.
_texts = st.text(alphabet=st.characters(), max_size=40) | st.sampled_from([
    "", "Der Minister hat am Donnerstag gesagt, dass die Pläne nicht fertig sind.",
    "Le ministre a dit que le plan était définitif et que les critiques ont tort.",
    "The minister said that the plan was final and that it would not change.",
    'quote "this" \\ and that\n\ttab \x00 \x1f \u2028 \u202e 😀', "C:\\udb\\x",
    "broken \ud800 text", "\udfff",
])
_sources = st.sampled_from(["/docs/story.md", "/docs/other.txt", "/docs/gone café.txt",
                            "relative/path.txt", "-", "https://news.example/story"])


@st.composite
def _targets(draw: st.DrawFn, ranged: bool) -> Target:
    source = draw(_sources)
    doc = DOCS.get(source)
    if ranged and doc is not None and draw(st.booleans()):
        start = draw(st.integers(0, len(doc.text) - 2))
        end = draw(st.integers(start + 1, len(doc.text)))
        t = quote_target(doc.path, doc.fingerprint, doc.text, start, end)
    else:
        start = draw(st.integers(0, 500)) if ranged else None
        end = None if start is None else start + draw(st.integers(0, 80))
        t = Target(source, draw(st.sampled_from(["", "f" * 64])), start, end,
                   draw(_texts), draw(_texts), draw(_texts))
    return replace(t, orphan=draw(st.booleans()), imported=draw(st.booleans()),
                   encoding=draw(st.sampled_from(["", "cp1252"])),
                   fingerprint=draw(st.sampled_from([t.fingerprint, "", "other"])))


@st.composite
def _annotations(draw: st.DrawFn) -> Annotation:
    kind = draw(st.sampled_from(["highlight", "note", "link"]))
    n = {"highlight": 1, "note": 1, "link": draw(st.integers(2, 3))}[kind]
    targets = tuple(draw(_targets(kind != "note")) for _ in range(n))
    return Annotation(
        id=draw(st.uuids()).hex if draw(st.booleans()) else str(draw(st.uuids())),
        kind=kind, targets=targets, color=draw(st.sampled_from(COLORS)),
        tags=tuple(draw(st.lists(_texts.filter(bool), max_size=3))), note=draw(_texts),
        relation=draw(st.sampled_from(["", *RELATIONS])) if kind == "link" else "",
        created="2026-01-01T00:00:00.000Z", modified=draw(st.sampled_from(
            ["2026-01-01T00:00:00.000Z", "2026-02-03T04:05:06.789Z"])),
        via=draw(st.sampled_from(["", "https://hypothes.is/a/abc"])),
        creator=draw(st.sampled_from(["", "acct:reader@hypothes.is", "reader"])),
    )


@settings(max_examples=400, deadline=None)
@given(_annotations())
def test_text_is_json_dumps_of_to_w3c(ann: Annotation) -> None:
    for docs in (None, DOCS):
        text = w3c_json(ann, docs)
        if text is None:  # a lone surrogate, which to_w3c scrubs: the caller writes its object
            assert holds_surrogates(ann)
        else:
            assert text == json.dumps(to_w3c(ann, docs), ensure_ascii=True)


def test_every_body_and_target_field_is_written() -> None:
    doc = DOCS["/docs/story.md"]
    start = doc.text.index("minister")
    ann = Annotation(
        id="1b4e28ba-2fa1-41d2-883f-0016d3cca427", kind="link",
        targets=(quote_target(doc.path, doc.fingerprint, doc.text, start, start + 8),
                 replace(quote_target(doc.path, doc.fingerprint, doc.text, 0, 6),
                         orphan=True, encoding="cp1252")),
        tags=("claim",), note="The minister said that the plan was final and would stay so.",
        relation="agrees", via="https://hypothes.is/a/abc", creator="reader")
    text = w3c_json(ann, DOCS)
    assert text == json.dumps(to_w3c(ann, DOCS))
    obj = json.loads(text)
    assert obj["body"][0]["language"] == "en"
    assert [b["purpose"] for b in obj["body"]] == ["commenting", "tagging", "classifying"]
    first, second = obj["target"]
    assert first["sidelight:readingPosition"] == {"start": start, "end": start + 8}
    assert first["selector"][1]["start"] == MARKDOWN.index("minister")
    assert second["sidelight:orphan"] is True and second["sidelight:encoding"] == "cp1252"
    assert obj["creator"] == {"type": "Person", "nickname": "reader"}


def test_a_lone_surrogate_is_left_to_to_w3c() -> None:
    ann = Annotation(id="1b4e28ba-2fa1-41d2-883f-0016d3cca427", kind="note",
                     targets=(Target("/docs/other.txt", ""),), note="broken \ud800 text")
    assert w3c_json(ann) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(_annotations(), max_size=6), st.sampled_from(["\n", ",\n  "]))
def test_joined_text_is_each_annotations_text(anns: list[Annotation], separator: str) -> None:
    # Web targets and lone surrogates are the caller's to write (here a marker of its own).
    def other(ann: Annotation) -> str:
        return f"<other {ann.id}>"

    def one(ann: Annotation) -> str:
        if any(is_url(t.source) for t in ann.targets):
            return other(ann)
        text = w3c_json(ann, DOCS)
        return other(ann) if text is None else text

    assert w3c_json_joined(anns, DOCS, separator, other) == separator.join(map(one, anns))
