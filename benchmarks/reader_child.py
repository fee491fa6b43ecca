"""One reader (or a minimal Textual app) in its own process, for ``bench_store``.

    python -m benchmarks.reader_child minimal
    python -m benchmarks.reader_child first DB DOC [DOC ...]
    python -m benchmarks.reader_child reader DB DOC [--keys N]

Prints ``ready CPU`` when the first frame of the screen that shows the text is drawn (the
parent times the launch up to that line; Textual's own ``_display`` is wrapped to see that
frame, the same way for the reader and the minimal app; CPU is the process's own CPU time
since it was started, which a loaded machine does not inflate), then one JSON line of figures
measured inside the process (``first`` stops at the first screen: start-up alone, and its
peak RSS):

- ``highlight_s``: key ``h`` on a 12-character selection until the highlight is saved and the
  screen redrawn (``Pilot.press`` then ``Pilot.pause``), one per key, at spread offsets, and
  ``highlight_cpu_s`` the CPU time of the process meanwhile (what a loaded machine does not
  inflate);
- ``floor_s``: the same press-and-pause for a key bound to nothing: the test driver's own
  cost (Pilot waits for the app to go idle after a key), which every key figure includes;
- ``highlight_direct_s``: key ``h`` posted as a terminal sends it, until the first frame
  composed once the highlight is in the pane, without the driver's wait;
- ``highlight_save_s``: the wall time of that spent inside the store's write (the save);
- ``undo_s``: the same for ``u``, which removes it again (so the store keeps its size);
- ``external_s``: another process adds a highlight to the document; time from its write to
  the pane showing it (the reader polls the store twice a second);
- ``idle_cpu_ms_per_s``: CPU time of the whole process per second of wall time while nothing
  happens (3 s);
- ``peak_rss_mb``: this process's peak resident set.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any


def _say_ready_at_first_frame(shows_text: Callable[[object], bool]) -> None:
    """Print ``ready`` once, when the first frame of a screen that shows the text is drawn."""
    from textual.app import App

    display = App._display
    said = False

    def first_frame(app: App[object], screen: object, renderable: object) -> None:
        nonlocal said
        display(app, screen, renderable)  # type: ignore[arg-type]
        if not said and renderable is not None and not app._batch_count and shows_text(screen):
            said = True
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"ready {usage.ru_utime + usage.ru_stime:.4f}", flush=True)

    App._display = first_frame  # type: ignore[method-assign]


async def _minimal() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("The first line of a story.")

    _say_ready_at_first_frame(lambda screen: True)
    async with Minimal().run_test(size=(160, 50)) as pilot:
        await pilot.pause()
    return {}


async def _first(db: str, doc_paths: list[str]) -> dict[str, float]:
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.store import AnnotationStore
    from sidelight.tui.commands.read import hold_collector

    hold_collector()  # where ``sidelight`` does: before Textual's import
    from sidelight.tui.app import SidelightApp

    _say_ready_at_first_frame(_is_reader)
    app = SidelightApp([load_document(p) for p in doc_paths], AnnotationStore(db),
                       freeze_gc=True)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
    return {}


def _is_reader(screen: object) -> bool:
    """The reader's screen, with every document's view laid out (so drawn in the frame)."""
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.view import DocumentView

    if not isinstance(screen, ReaderScreen):
        return False
    views = list(screen.query(DocumentView))
    return bool(views) and all(view.region.area > 0 for view in views)


async def _select(pilot: Any, view: Any, start: int) -> None:
    """Twelve characters from ``start`` selected, as ``v`` and a motion would."""
    view.move_cursor(start)
    view.start_visual()
    view.move_cursor(start + 12)
    await pilot.pause()


async def _reader(db: str, doc_path: str, keys: int) -> dict[str, float]:
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.store import AnnotationStore

    _say_ready_at_first_frame(_is_reader)
    doc = load_document(doc_path)
    store = AnnotationStore(db)
    from sidelight.tui.commands.read import hold_collector

    hold_collector()  # where ``sidelight`` does: before Textual's import
    from sidelight.tui.app import SidelightApp
    from sidelight.tui.widgets.pane import Pane

    # Time inside the store's own writes (the save), apart from the reader's work around it.
    saving = [0.0]

    def timed(write: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            began = time.perf_counter()
            try:
                return write(*args, **kwargs)
            finally:
                saving[0] += time.perf_counter() - began
        return run

    for name in ("add", "delete", "update", "recreate"):
        setattr(store, name, timed(getattr(store, name)))
    app = SidelightApp([doc], store, freeze_gc=True)
    out: dict[str, float] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.screen.query_one(Pane)
        view = pane.view
        highlight: list[float] = []
        undo: list[float] = []
        highlight_cpu: list[float] = []
        highlight_save: list[float] = []
        n = len(doc.text)
        for i in range(keys):
            await _select(pilot, view, (i * 7919 * 13) % max(1, n - 40))
            began, cpu = time.perf_counter(), time.process_time()
            saving[0] = 0.0
            await pilot.press("h")
            await pilot.pause()
            highlight.append(time.perf_counter() - began)
            highlight_cpu.append(time.process_time() - cpu)
            highlight_save.append(saving[0])
            began = time.perf_counter()
            await pilot.press("u")
            await pilot.pause()
            undo.append(time.perf_counter() - began)
        # The test driver's own cost: the same press-and-pause for a key bound to nothing
        # (Pilot waits for idle after each), alternated with cursor moves as above.
        floor: list[float] = []
        for i in range(keys):
            view.move_cursor((i * 104729) % max(1, n - 40))
            await pilot.pause()
            began = time.perf_counter()
            await pilot.press("f12")
            await pilot.pause()
            floor.append(time.perf_counter() - began)
        out["floor_s"] = floor  # type: ignore[assignment]

        # Without the driver's wait: the key is posted as the terminal would send it, and the
        # time taken is until the first frame composed after the highlight is in the pane.
        from textual import events

        frames: list[float] = [0.0]
        display = app._display

        def shown(screen: object, renderable: object) -> None:
            if renderable is not None:
                frames[0] = time.perf_counter()
            display(screen, renderable)  # type: ignore[arg-type]

        app._display = shown  # type: ignore[method-assign]
        direct: list[float] = []
        for i in range(keys):
            await _select(pilot, view, (i * 7919 * 17) % max(1, n - 40))
            had = len(pane.annotations)
            began = time.perf_counter()
            app.post_message(events.Key("h", "h"))
            while len(pane.annotations) == had and time.perf_counter() - began < 10:
                await asyncio.sleep(0.0005)
            in_pane = time.perf_counter()
            while frames[0] <= in_pane and time.perf_counter() - began < 10:
                await asyncio.sleep(0.0005)
            direct.append(frames[0] - began)
            await pilot.press("u")
            await pilot.pause()
        app._display = display  # type: ignore[method-assign]
        out["highlight_direct_s"] = direct  # type: ignore[assignment]
        out["highlight_s"] = highlight  # type: ignore[assignment]
        out["highlight_cpu_s"] = highlight_cpu  # type: ignore[assignment]
        out["highlight_save_s"] = highlight_save  # type: ignore[assignment]
        out["undo_s"] = undo  # type: ignore[assignment]

        idle_wall = time.perf_counter()
        idle_cpu = time.process_time()
        await asyncio.sleep(3.0)
        out["idle_cpu_ms_per_s"] = ((time.process_time() - idle_cpu) * 1000
                                    / (time.perf_counter() - idle_wall))

        # Another program (its own process, as the command line would be) adds a highlight;
        # timed from the moment its write is done until the pane shows it.
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.reader_child", "write", db, doc_path,
            stdout=asyncio.subprocess.PIPE)
        assert writer.stdout is not None
        added_id = (await writer.stdout.readline()).decode().strip()  # printed once saved
        began = time.perf_counter()
        while added_id not in {a.id for a in pane.annotations}:
            await asyncio.sleep(0.005)
            if time.perf_counter() - began > 30:
                break
        out["external_s"] = time.perf_counter() - began
        await writer.wait()
    return out


def _write(db: str, doc_path: str) -> str:
    """Add one highlight as another program would; returns its id."""
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.model import new_highlight, quote_target
    from sidelight.annotations.store import AnnotationStore

    doc = load_document(doc_path)
    return AnnotationStore(db).add(
        new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 100, 130))).id


def peak_rss_mb() -> float:
    """This process's own peak resident set. ``ru_maxrss`` would not do: Linux carries the
    high-water mark of the process that forked us across ``exec``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    if argv[0] == "minimal":
        figures = asyncio.run(_minimal())
    elif argv[0] == "write":
        print(_write(argv[1], argv[2]), flush=True)
        return 0
    elif argv[0] == "first":
        figures = asyncio.run(_first(argv[1], argv[2:]))
    else:
        keys = int(argv[argv.index("--keys") + 1]) if "--keys" in argv else 40
        figures = asyncio.run(_reader(argv[1], argv[2], keys))
    figures["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
