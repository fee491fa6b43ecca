"""Tags in the reader and the annotation list's filter (by #tag, colour and words)."""

from __future__ import annotations

from pathlib import Path

from conftest import alpha_beta, pilot_test, reader_app

from sidelight.annotations.filtering import filter_annotations, parse_filter, parse_tags
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.screens.prompt import Prompt


def _highlight(db_path: Path, doc, phrase: str, color: str = "yellow",  # type: ignore[no-untyped-def]
               tags: tuple[str, ...] = (), note: str = "") -> None:
    start = doc.text.index(phrase)
    AnnotationStore(db_path).add(new_highlight(
        quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(phrase)),
        color=color, tags=tags, note=note))


def test_tags_and_filters_parse_as_typed(tmp_path: Path) -> None:
    assert parse_tags("budget, follow-up #council budget") == ("budget", "follow-up", "council")
    assert parse_tags("  ") == ()
    flt = parse_filter("#budget PINK mayor")
    assert (flt.tags, flt.colors, flt.words) == (("budget",), ("pink",), ("mayor",))
    doc = alpha_beta(tmp_path)[0]

    def ann(phrase: str, color: str, tags: tuple[str, ...], note: str = ""):  # type: ignore[no-untyped-def]
        s = doc.text.index(phrase)
        return new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + len(phrase)),
                             color=color, tags=tags, note=note)

    a = ann("the budget", "pink", ("Budget",), "check the figure")
    b = ann("The mayor", "yellow", ("budget",))
    c = ann("Critics", "pink", ())
    anns = [a, b, c]
    assert filter_annotations(anns, parse_filter("#budget")) == [a, b]  # any case
    assert filter_annotations(anns, parse_filter("pink")) == [a, c]
    assert filter_annotations(anns, parse_filter("#budget pink")) == [a]
    assert filter_annotations(anns, parse_filter("FIGURE")) == [a]  # the note counts
    assert filter_annotations(anns, parse_filter("")) == anns


@pilot_test
async def test_t_tags_the_annotation_and_f_filters_the_list(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "The council met", tags=("council",))
    _highlight(db_path, docs[0], "the budget", color="pink")
    _highlight(db_path, docs[1], "Critics were unconvinced", color="pink")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.pause()
        view = reader.pane.view
        view.move_cursor(docs[0].text.index("the budget"))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)
        app.screen.query_one("#prompt-value").value = "budget, #follow-up"
        await pilot.press("enter")
        await pilot.pause()
        stored = {a.target.exact: a.tags for a in AnnotationStore(db_path).all()}
        assert stored["the budget"] == ("budget", "follow-up")
        assert "#budget #follow-up" in reader.status.message
        assert "#budget" in str(reader.side.query_one("#annotation-list").row_text(
            [e.annotation.target.exact for e in reader.side.entries].index("the budget")))

        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#prompt-value").value = "pink"
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(e.annotation.target.exact for e in reader.side.entries) == [
            "Critics were unconvinced", "the budget"]
        assert "2 of 3 match pink" in reader.status.message
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#prompt-value").value = "#follow-up"
        await pilot.press("enter")
        await pilot.pause()
        assert [e.annotation.target.exact for e in reader.side.entries] == ["the budget"]
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#prompt-value").value = "#nothing"
        await pilot.press("enter")
        await pilot.pause()
        assert reader.side.entries == []
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#prompt-value").value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert len(reader.side.entries) == 3 and "all 3 shown" in reader.status.message
