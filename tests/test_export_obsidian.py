"""Markdown for Obsidian and friends: callouts, templates, and re-exporting into a file the
user has edited without losing the edit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sidelight.annotations.documents import load_document
from sidelight.annotations.export_markdown import MarkdownOptions, export_markdown
from sidelight.annotations.markdown_template import parse_template
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main

TEXT = "Alice went to Paris. Bob stayed in Rome. 40 people died, police said.\n"
STAMP = "2024-05-01T12:00:00.000Z"


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    doc_path = tmp_path / "story.txt"
    doc_path.write_text(TEXT, encoding="utf-8")
    doc = load_document(doc_path)
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    for quote, color in (("Paris", "green"), ("40 people", "pink")):
        s = doc.text.index(quote)
        store.put(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s,
                                             s + len(quote)), color=color, tags=("news desk",),
                                note=f"About {quote}."))
    return doc_path, db


def test_callouts_carry_the_colour(setup: tuple[Path, Path],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _doc, db = setup
    assert main(["export", "--callouts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "> [!green]\n>\n> Paris" in out and "> [!pink]\n>\n> 40 people" in out


def test_a_template_shapes_each_highlight(setup: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    _doc, db = setup
    template = tmp_path / "t.md"
    template.write_text("#### {heading} ^{block_id}\n\n{quote}\n\n- {hashtags} ({color}, "
                        "{created})\n\n{note}\n", encoding="utf-8")
    assert main(["export", "--template", str(template), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"#### Highlight 1-1 \^sl-[0-9a-f]{8}\n\n> Paris\n\n- #news-desk \(green, "
                     r"\d{4}-\d\d-\d\d\)\n\nAbout Paris\.", out)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{heading} {nope}", "unknown field {nope}"),
        ("{quote}", "use {heading} or {block_id}"),
        ("<div>{heading}</div>", "writes HTML"),
    ],
)
def test_a_bad_template_is_one_line(text: str, message: str, tmp_path: Path,
                                    setup: tuple[Path, Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_template(text)
    template = tmp_path / "bad.md"
    template.write_text(text, encoding="utf-8")
    assert main(["export", "--template", str(template), "--db", str(setup[1])]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_template_that_breaks_the_sections_is_refused(setup: tuple[Path, Path]) -> None:
    doc = load_document(setup[0])
    anns = AnnotationStore(setup[1]).all()
    # A fence the template leaves open swallows every later section.
    template = parse_template("#### {heading}\n\n```\n{text}")
    with pytest.raises(ValueError, match="do not survive this template"):
        export_markdown([doc], anns, exported_at=STAMP,
                        options=MarkdownOptions(template=template))


def test_re_export_keeps_the_users_edits_and_says_what_changed(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_path, db = setup
    out = tmp_path / "vault" / "story notes.md"
    out.parent.mkdir()
    assert main(["export", "-o", str(out), "--db", str(db)]) == 0
    first = out.read_text(encoding="utf-8")
    assert first.startswith("---\n") and "[sidelight-begin]: # (" in first
    # The user adds a property, a paragraph above and a section below sidelight's part.
    edited = first.replace("---\ntitle:", "---\nstatus: draft\ntitle:", 1)
    edited = edited.replace("[sidelight-begin]", "My own summary.\n\n[sidelight-begin]", 1)
    edited += "\n## My thoughts\n\nKeep this.\n"
    out.write_text(edited, encoding="utf-8")
    # Meanwhile: one highlight more, one note changed.
    store = AnnotationStore(db)
    doc = load_document(doc_path)
    s = doc.text.index("Rome")
    store.put(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + 4)))
    paris = next(a for a in store.all() if a.target.exact == "Paris")
    store.put(paris.edited(note="Changed note."))
    capsys.readouterr()
    assert main(["export", "-o", str(out), "--db", str(db)]) == 0  # no --force needed
    err = capsys.readouterr().err
    assert "1 added, 0 removed, 1 changed" in err and "your text outside it is kept" in err
    again = out.read_text(encoding="utf-8")
    assert "status: draft" in again and "My own summary." in again
    assert again.rstrip().endswith("## My thoughts\n\nKeep this.")
    assert "> Rome" in again and "Changed note." in again and "About Paris." not in again
    # An edit inside sidelight's part would be lost: refused, the file untouched.
    inside = again.replace("Changed note.", "Changed note, and my words.")
    out.write_text(inside, encoding="utf-8")
    assert main(["export", "-o", str(out), "--db", str(db)]) == 1
    assert "edited inside sidelight's part" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == inside


@pytest.mark.parametrize("renderer", ["cmark-gfm", "pandoc-markdown", "pandoc-gfm"])
def test_the_export_of_the_seeds_opens_in_other_renderers(
    renderer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import subprocess

    from sidelight.annotations.locations import seed_paths

    program = renderer.split("-")[0] if renderer.startswith("pandoc") else renderer
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed")
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    notes = ["# A heading in a note", "```x`y", "```\n<img src=x onerror=alert(1)>",
             "Title\n===", "plain *note*"]
    n = 0
    for path in seed_paths():
        doc = load_document(path)
        for k in range(3):
            start = 100 + 200 * k
            store.put(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                                 start + 30), note=notes[n % len(notes)]))
            n += 1
    out = tmp_path / "seeds.md"
    assert main(["export", "-o", str(out), "--db", str(db)]) == 0
    if program == "cmark-gfm":
        cmd = ["cmark-gfm", "-e", "table", "-e", "autolink", "--unsafe", str(out)]
    else:
        cmd = ["pandoc", "-f", renderer.split("-")[1], "-t", "html", str(out)]
    html = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=60).stdout
    heads = re.findall(r"<h4[^>]*>\s*Highlight (\d+-\d+)", html)
    assert heads == [f"{s}-{i}" for s in (1, 2) for i in (1, 2, 3)]
    ids = re.findall(r'<h\d id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "<img" not in html and "<h1" in html and html.count("<h1") == 1
