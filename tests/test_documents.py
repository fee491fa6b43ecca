"""Loading documents: reading text, offsets, titles, dates, fingerprints and every bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelight.annotations import documents
from sidelight.annotations.documents import fingerprint_of, load_document, make_text_document
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.locations import seed_paths

SEEDS = {p.name: p for p in seed_paths()}


def test_seeds_ship_byte_for_byte() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    assert sorted(SEEDS) == ["000_95310665ade1c0aa.txt", "003_3a0c9eed804c7a9d.txt"]
    if shared.is_dir():
        for name, path in SEEDS.items():
            assert path.read_bytes() == (shared / name).read_bytes()


def test_seed_with_date_line_gets_date_and_title() -> None:
    doc = load_document(SEEDS["000_95310665ade1c0aa.txt"])
    assert doc.date == "2018-03-22"
    assert doc.title.startswith("A probe is underway")
    assert doc.text == SEEDS["000_95310665ade1c0aa.txt"].read_text(encoding="utf-8")
    assert doc.fingerprint == fingerprint_of(doc.text)
    assert doc.kind == "text"


def test_seed_title_is_first_line() -> None:
    doc = load_document(SEEDS["003_3a0c9eed804c7a9d.txt"])
    assert doc.title == "Facebook's Zuckerberg breaks silence, says 'we also made mistakes'"
    assert doc.date is None


def test_line_endings_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle line\r\nsecond\rthird\r\n")
    doc = load_document(path)
    assert doc.text == "Title line\nsecond\nthird\n"
    assert doc.title == "Title line"
    assert doc.line_of(0) == 1
    assert doc.line_of(doc.text.index("third")) == 3


def test_offsets_are_code_points(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("naïve 日本 😀 end", encoding="utf-8")
    doc = load_document(path)
    start = doc.text.index("end")
    assert doc.text[start : start + 3] == "end"
    assert start == len("naïve 日本 😀 ")


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"abc\x00def"), "binary file (NUL byte at offset 3)"),
        (lambda p: p.write_bytes("UTF-16".encode("utf-16")), "pass --encoding utf-16"),
        (lambda p: p.write_bytes("caf\u00e9".encode("latin-1")), "not valid UTF-8 at byte 3"),
        # Errors that Path.exists() raises instead of answering: a name longer than the
        # file system allows, and a path that goes through a file.
        (lambda p: "x" * 300 + ".txt", "cannot be opened (File name too long)"),
        (lambda p: (p.write_text("x", encoding="utf-8"), "doc.txt/inner.txt")[1], "no such file"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, setup, expected: str) -> None:
    path = tmp_path / "doc.txt"
    relative = setup(path)
    if isinstance(relative, str):
        path = tmp_path / relative
    with pytest.raises(DocumentError) as err:
        load_document(path)
    message = str(err.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_non_utf8_message_offers_encoding_and_encoding_works(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café au lait".encode("latin-1"))
    with pytest.raises(DocumentError, match="--encoding"):
        load_document(path)
    assert load_document(path, encoding="latin-1").text == "café au lait"
    for codec in ("no-such-codec", "rot13"):  # rot13 is a codec, but not a text encoding
        with pytest.raises(DocumentError, match=r"unknown text encoding.*such as utf-8"):
            load_document(path, encoding=codec)


def test_huge_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    monkeypatch.setattr(documents, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError, match="split it first"):
        load_document(path)


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        load_document(path)


def test_empty_file_opens_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_document(path)
    assert doc.empty
    assert doc.title == "empty.txt"


def test_markdown_reading_text_styles_and_source_lines(tmp_path: Path) -> None:
    source = (
        "---\ntitle: Front matter title\ndate: 2024-05-01\n---\n"
        "# Heading one\n\n"
        "A paragraph with *emphasis*, **strong**, `code` and a [link](https://example.org).\n\n"
        "- first item\n- second item\n\n"
        "> quoted words\n\n"
        "```python\nprint('hi')\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    path = tmp_path / "note.md"
    path.write_text(source, encoding="utf-8")
    doc = load_document(path)
    assert doc.kind == "markdown"
    assert doc.title == "Front matter title"
    assert doc.date == "2024-05-01"
    text = doc.text
    assert "# " not in text and "*" not in text and "`" not in text and "](" not in text
    for words in (
        "Heading one",
        "emphasis",
        "strong",
        "code",
        "link",
        "first item",
        "quoted words",
        "print('hi')",
        "1 │ 2",
    ):
        assert words in text
    styles = {(text[s.start : s.end], s.style) for s in doc.styles}
    assert ("Heading one", "heading1") in styles
    assert ("emphasis", "emphasis") in styles
    assert ("strong", "strong") in styles
    assert ("code", "code") in styles
    assert ("link", "link") in styles
    assert ("print('hi')", "codeblock") in styles
    links = [s for s in doc.styles if s.style == "link"]
    assert links[0].href == "https://example.org"
    source_lines = source.split("\n")
    for words in ("Heading one", "emphasis", "second item", "quoted words", "print('hi')"):
        line = doc.source_line_of(text.index(words))
        assert words in source_lines[line - 1], words


def test_markdown_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("Intro text\n\n## Real heading\n", encoding="utf-8")
    assert load_document(path).title == "Real heading"


def test_fingerprint_changes_with_text() -> None:
    a = make_text_document("/a.txt", "one")
    b = make_text_document("/a.txt", "one!")
    assert a.fingerprint != b.fingerprint


def test_a_bracketed_editors_block_before_the_title_is_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    path.write_text("        [Picture:\n\n   A harbour at dawn\n        ]\n\n   * * *\n\n"
                    "   THE LIGHTHOUSE KEEPER\n\nIt was a calm night.\n")
    assert load_document(path).title == "THE LIGHTHOUSE KEEPER"
    one = tmp_path / "one.txt"
    one.write_text("[Photo: a crane on the quay]\nPort reopens after strike\n\nText.\n")
    assert load_document(one).title == "Port reopens after strike"
    # A title that only starts with a bracketed word is still the title.
    tag = tmp_path / "tag.txt"
    tag.write_text("[Update] Port reopens after strike\n\nText.\n")
    assert load_document(tag).title == "[Update] Port reopens after strike"


def test_html_in_markdown_shows_its_text_not_its_tags(tmp_path: Path) -> None:
    source = ("# Harbour notes\n\n"
              "The crane was <b>repaired</b> on <span class=\"d\">Tuesday</span>.<br>\n"
              "Work <!-- check --> resumed &amp; ships left.\n\n"
              "<div class=\"box\">\n<p>Boxed fact &mdash; one line</p>\n"
              "<script>track()</script>\n</div>\n\nLast line.\n")
    path = tmp_path / "notes.md"
    path.write_text(source)
    doc = load_document(path)
    assert doc.text == ("Harbour notes\n\nThe crane was repaired on Tuesday.\n"
                        "Work resumed & ships left.\n\nBoxed fact — one line\n\nLast line.\n")
    assert "<" not in doc.text and "track" not in doc.text
    bold = doc.text.index("repaired")
    assert any(s.style == "strong" and (s.start, s.end) == (bold, bold + 8)
               for s in doc.styles)
    # Every word still maps to its characters in the file (exports name them).
    for word in ("repaired", "Tuesday", "resumed", "Boxed", "fact", "one", "Last"):
        at = doc.text.index(word)
        assert source[doc.source_map.to_source(at):].startswith(word), word
