"""The reader on web pages from a real local server: progress while loading, a page that
fails does not stop the others, outlet and date in the title bars, highlights on a page kept
through its snapshot with the server stopped."""

from __future__ import annotations

import argparse
from pathlib import Path

from conftest import pilot_test, select_phrase
from web_server import PageServer, article, web_server_fixture  # noqa: F401

from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.commands.common import open_document
from sidelight.tui.screens.loading import LoadingScreen
from sidelight.tui.screens.reader import ReaderScreen
from sidelight.tui.settings import Settings


def _app(sources: list[str], db_path: Path) -> SidelightApp:
    args = argparse.Namespace(encoding=None, db=str(db_path), refresh=False)
    return SidelightApp([], AnnotationStore(db_path), settings=Settings(), sources=sources,
                        opener=lambda s: open_document(s, args, quiet=True))


async def _wait_for_reader(pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen) and screen.is_mounted and screen.panes:
            await pilot.pause()
            return screen
    raise AssertionError("the reader never opened")


@pilot_test
async def test_two_pages_side_by_side_and_a_failure(
    web_server: PageServer, db_path: Path
) -> None:
    herald, courier = article("portal"), article("legacy")
    sources = [web_server.url("/herald/story"), web_server.url("/missing"),
               web_server.url("/courier/story")]
    app = _app(sources, db_path)
    async with app.run_test(size=(160, 40)) as pilot:
        assert isinstance(app.screen, LoadingScreen)
        reader = await _wait_for_reader(pilot)
        assert [p.document.path for p in reader.panes] == [sources[0], sources[2]]
        titles = [str(p.title_text()) + " " + str(p.meta_text()) for p in reader.panes]
        assert herald.headline[:30] in titles[0] and herald.outlet in titles[0]
        assert herald.date in titles[0] and "fetched" in titles[0]
        assert courier.outlet in titles[1] and courier.date in titles[1]
        assert "not found (HTTP 404)" in app.failures[0]


@pilot_test
async def test_highlight_on_a_page_survives_the_server_going_away(
    web_server: PageServer, db_path: Path
) -> None:
    url = web_server.url("/herald/story")
    words = article("portal").paragraphs[1].split()
    # Plain words: the selection grows one word end (e) per word.
    i = next(i for i in range(len(words)) if all(w.isalpha() for w in words[i:i + 3]))
    phrase = " ".join(words[i:i + 3])
    app = _app([url], db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await _wait_for_reader(pilot)
        await select_phrase(pilot, phrase)
        await pilot.press("h")
        await pilot.pause()
    web_server.stop()
    (ann,) = AnnotationStore(db_path).all()
    assert ann.target.source == url and ann.target.exact == phrase
    app = _app([url], db_path)
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await _wait_for_reader(pilot)
        (pane,) = reader.panes
        (shown,) = pane.annotations
        assert shown.id == ann.id and not shown.orphan
        assert pane.document.text[shown.target.start:shown.target.end] == phrase


@pilot_test
async def test_nothing_opens_exits_with_the_reasons(web_server: PageServer, db_path: Path
                                                    ) -> None:
    app = _app([web_server.url("/missing"), web_server.url("/report.pdf")], db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.return_code is not None:
                break
    assert app.return_code == 1
    assert len(app.load_failures) == 2 and "not a web page" in app.load_failures[1]


@pilot_test
async def test_refresh_in_the_reader_says_how_annotations_fared(
    web_server: PageServer, db_path: Path
) -> None:
    from dataclasses import replace

    from web_server import Response

    from benchmarks.web_pages import build_page
    from sidelight.annotations.library import open_many
    from sidelight.annotations.model import new_highlight, quote_target
    from sidelight.tui.commands.read import refresh_messages

    url = web_server.url("/herald/story")
    herald = article("portal")
    args = argparse.Namespace(encoding=None, db=str(db_path), refresh=False)
    doc = open_document(url, args, quiet=True)
    store = AnnotationStore(db_path)
    quote = herald.paragraphs[2][:40]
    start = doc.text.index(quote)
    store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                         start + len(quote))))
    open_many(store, [doc])
    moved = replace(herald, paragraphs=("A new first paragraph.", *herald.paragraphs))
    web_server.pages["/herald/story"] = Response(body=build_page(moved, "portal"))
    args.refresh = True
    app = SidelightApp([], store, settings=Settings(), sources=[url],
                       opener=lambda s: open_document(s, args, quiet=True),
                       after_load=refresh_messages(store, True))
    async with app.run_test(size=(140, 40)) as pilot:
        reader = await _wait_for_reader(pilot)
        messages = [n.message for n in app._notifications]
        assert any("1 annotation: 0 unchanged, 1 moved, 0 orphaned" in m for m in messages)
        (shown,) = reader.panes[0].annotations
        assert reader.panes[0].document.text[shown.target.start:shown.target.end] == quote
