"""The reader's first screen: the comparison and the entity word lists are loaded after it is
drawn (in the workers that use them), the dialogs when first opened, the store's lock at
the first change and the side panel's tabs in the frame after, not on its way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ALPHA, alpha_beta, pilot_test, reader_app, until
from textual.widgets import Static, TabbedContent
from textual.widgets._footer import FooterKey

from sidelight.annotations.comparison.model import KINDS
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.colors import COMPARE_GLYPHS
from sidelight.tui.screens.reader import ReaderScreen, SearchBar
from sidelight.tui.widgets.side_lists import AnnotationList
from sidelight.tui.widgets.side_panel import LEGEND_TAB, NOTES_TAB

SEEDS = sorted(str(p) for p in (Path(__file__).parents[1] / "seeds").iterdir())

FIRST_SCREEN = """
import asyncio, sys
from sidelight.annotations.documents import load_document
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.screens.reader import ReaderScreen, SearchBar

started = []
ReaderScreen.recognise_entities = lambda self: started.append(len(self.panes))

async def main() -> None:
    docs = [load_document(p) for p in sys.argv[2:]]
    app = SidelightApp(docs, AnnotationStore(sys.argv[1]))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.pane.view.size.height > 0
        loaded = sorted(m for m in sys.modules if m.startswith(
            ("sidelight.annotations.comparison", "sidelight.annotations.entities")))
        screens = sorted(m for m in sys.modules if m.startswith("sidelight.tui.screens."))
        print(loaded, started, screens, "filelock" in sys.modules)

asyncio.run(main())
"""


def _on_the_seeds(script: str, tmp_path: Path) -> str:
    """What ``script`` prints, run in a fresh interpreter on the seeds and an empty store."""
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.json"), *SEEDS],
                          capture_output=True, text=True, timeout=120,
                          env={"TEXTUAL_ANIMATIONS": "none", "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_first_screen_is_drawn_without_the_comparison_or_the_word_lists(
        tmp_path: Path) -> None:
    # Nothing loaded; the entity worker (which loads them) was started, once the screen was up;
    # of the screens, only the reader (the dialogs are imported when first opened); no lock
    # (only a change takes the store's lock).
    assert _on_the_seeds(FIRST_SCREEN, tmp_path) == "[] [2] ['sidelight.tui.screens.reader'] False"


def test_the_legend_lists_every_kind_of_sentence_in_the_comparisons_order() -> None:
    # The compare panel draws its legend from the glyph table, without importing the comparison.
    assert tuple(COMPARE_GLYPHS) == KINDS


def test_a_keymap_may_name_the_bindings_of_dialogs_not_loaded_yet() -> None:
    # The dialogs are imported when first opened; their binding ids are still known.
    code = ("import sys\n"
            "import sidelight.tui.app\n"
            "from sidelight.tui.keys import unknown_keymap_ids\n"
            "loaded = 'sidelight.tui.screens.note_editor' in sys.modules\n"
            "print(loaded, unknown_keymap_ids({'sidelight.note_save': 'ctrl+x',\n"
            "    'sidelight.export_cancel': 'ctrl+g', 'sidelight.no_such_key': 'x'}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False ['sidelight.no_such_key']"


HELD = """
import asyncio, gc, sys
from sidelight.annotations.documents import load_document
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.screens.reader import ReaderScreen, SearchBar

ReaderScreen.recognise_entities = lambda self: None
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))
at_first_frame = []
display = SidelightApp._display

def first_frame(app, screen, renderable):
    display(app, screen, renderable)
    if renderable is not None and isinstance(screen, ReaderScreen) and not at_first_frame:
        at_first_frame.append(len(collections))

SidelightApp._display = first_frame

async def main() -> None:
    docs = [load_document(p) for p in sys.argv[2:]]
    app = SidelightApp(docs, AnnotationStore(sys.argv[1]), freeze_gc=True)
    collections.clear()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.pause()
        print(at_first_frame, gc.isenabled(), gc.get_freeze_count() > 0)

asyncio.run(main())
"""


def test_the_real_program_collects_no_garbage_until_its_first_screen(tmp_path: Path) -> None:
    # Held off from the app's start to its first frame, then start-up's objects are frozen
    # and the collector runs again (tui/collector.py).
    assert _on_the_seeds(HELD, tmp_path) == "[0] True True"


@pilot_test
async def test_the_side_panel_and_key_bar_come_in_the_frame_after_the_text(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    doc = docs[0]
    s = ALPHA.index("mayor")
    AnnotationStore(db_path).add(new_highlight(
        quote_target(doc.path, doc.fingerprint, doc.text, s, s + 5), note="kept"))
    app = reader_app(docs, db_path)
    first: list[tuple[bool, list[object], int]] = []
    chrome: list[str] = []
    display = app._display

    def shown(screen: object, renderable: object) -> None:
        display(screen, renderable)  # type: ignore[arg-type]
        if renderable is not None and isinstance(screen, ReaderScreen) and not first:
            first.append((screen.side.filled, [p.view.region for p in screen.panes],
                          screen.side.region.width))
            chrome.extend(type(w).__name__ for w in screen.query(
                "Footer, SearchBar, StatusLine Static, .pane-title Static"))

    app._display = shown  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.side.filled)
        await pilot.pause()
        filled, regions, side_width = first[0]
        # The first frame: the documents' text beside the panel's place, kept for it.
        assert not filled and side_width == 38
        assert [p.view.region for p in reader.panes] == regions  # not laid out again
        listing = reader.query_one(AnnotationList)
        assert reader.side.tab == NOTES_TAB and reader.query_one(TabbedContent).active == NOTES_TAB
        assert listing.row_count == 1 and "mayor" in listing.row_text(0).plain
        # Usable from the keyboard as before: tab reaches the list, enter jumps to the words.
        await pilot.press("tab", "tab")
        assert reader.focused is listing
        await pilot.press("enter")
        await pilot.pause()
        assert reader.pane.view.cursor == s
        await pilot.press("L")
        await pilot.pause()
        assert reader.side.tab == LEGEND_TAB
        # The panes' title text, the status line's parts, the key bar and the search bar came
        # after the first frame too, and work.
        assert chrome == []
        assert "NORMAL" in str(reader.query_one("#status-mode", Static).render())
        assert [str(p.query_one(".pane-meta", Static).render()) for p in reader.panes] == [
            "1 annotation", "0 annotations"]
        assert "Beta report" in str(reader.panes[1].query_one(".pane-name", Static).render())
        await until(pilot, lambda: bool(reader.query(FooterKey)))
        keys = {k.key_display for k in reader.query(FooterKey)}
        assert {"?", "x"} <= keys, keys
        await pilot.press("slash")
        assert isinstance(reader.focused, SearchBar) and reader.focused.display
        await pilot.press("m", "a", "y", "o", "r", "enter")
        await pilot.pause()
        assert not reader.query_one(SearchBar).display and reader.query_text == "mayor"


@pilot_test
async def test_a_reader_closed_as_it_opens_closes_cleanly(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    # Closed before, while and after the side panel fills: no widget of it is left half-made.
    docs = alpha_beta(tmp_path)
    for wait in (0, 0, 0, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02):
        app = reader_app(docs, db_path)
        async with app.run_test(size=(160, 50)) as pilot:
            if wait:
                await pilot.pause(wait)
        assert app.return_code in (0, None)
