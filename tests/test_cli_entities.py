"""``sidelight entities``: the table and JSON lines, safe for any document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidelight.tui import cli


def test_table_shows_brackets_in_a_title_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Square brackets are Rich console markup: a title must neither be eaten as a style
    # nor, when the "tag" does not match, crash the command.
    doc = tmp_path / "story.md"
    doc.write_text(
        '---\ntitle: "[/b] and [link=http://evil.example]here[/link]"\n---\n'
        "Barack Obama spoke in Paris [on Tuesday].\n",
        encoding="utf-8",
    )
    assert cli.main(["entities", str(doc), "--format", "table"]) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "[/b]" in out.out and "[link=http://evil.example]" in out.out


def test_jsonl_offsets_point_into_the_reading_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "story.md"
    doc.write_text("# Visit\n\n**Barack Obama** went to *Paris*.\n", encoding="utf-8")
    assert cli.main(["entities", str(doc)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    from sidelight.annotations.documents import load_document

    text = load_document(doc).text
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert any(r["text"] == "Paris" for r in rows)
