"""One reader (or a minimal Textual app) in its own process, for ``bench_store``.

    python -m benchmarks.reader_child minimal
    python -m benchmarks.reader_child reader DB DOC [--keys N]

Prints ``ready`` once the first screen is drawn (the parent times the launch up to that line),
then one JSON line of figures measured inside the process:

- ``highlight_s``: key ``h`` on a 12-character selection until the highlight is saved and the
  screen redrawn (``Pilot.press`` then ``Pilot.pause``), one per key, at spread offsets, and
  ``highlight_cpu_s`` the CPU time of the process meanwhile (what a loaded machine does not
  inflate);
- ``undo_s``: the same for ``u``, which removes it again (so the store keeps its size);
- ``external_s``: another store object adds a highlight to the document; time until the pane
  shows it (the reader polls the store once a second);
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


async def _minimal() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("The first line of a story.")

    async with Minimal().run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
    return {}


async def _reader(db: str, doc_path: str, keys: int) -> dict[str, float]:
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.model import new_highlight, quote_target
    from sidelight.annotations.store import AnnotationStore

    doc = load_document(doc_path)
    store = AnnotationStore(db)
    from sidelight.tui.app import SidelightApp
    from sidelight.tui.widgets.pane import Pane

    app = SidelightApp([doc], store, freeze_gc=True)
    out: dict[str, float] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.screen.query_one(Pane)
        view = pane.view
        highlight: list[float] = []
        undo: list[float] = []
        highlight_cpu: list[float] = []
        n = len(doc.text)
        for i in range(keys):
            start = (i * 7919 * 13) % max(1, n - 40)
            view.move_cursor(start)
            view.start_visual()
            view.move_cursor(start + 12)
            await pilot.pause()
            began, cpu = time.perf_counter(), time.process_time()
            await pilot.press("h")
            await pilot.pause()
            highlight.append(time.perf_counter() - began)
            highlight_cpu.append(time.process_time() - cpu)
            began = time.perf_counter()
            await pilot.press("u")
            await pilot.pause()
            undo.append(time.perf_counter() - began)
        out["highlight_s"] = highlight  # type: ignore[assignment]
        out["highlight_cpu_s"] = highlight_cpu  # type: ignore[assignment]
        out["undo_s"] = undo  # type: ignore[assignment]

        idle_wall = time.perf_counter()
        idle_cpu = time.process_time()
        await asyncio.sleep(3.0)
        out["idle_cpu_ms_per_s"] = ((time.process_time() - idle_cpu) * 1000
                                    / (time.perf_counter() - idle_wall))

        began = time.perf_counter()
        other = AnnotationStore(db)
        added = other.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 100,
                                                     130)))
        while added.id not in {a.id for a in pane.annotations}:
            await asyncio.sleep(0.02)
            if time.perf_counter() - began > 30:
                break
        out["external_s"] = time.perf_counter() - began
    return out


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
    else:
        keys = int(argv[argv.index("--keys") + 1]) if "--keys" in argv else 40
        figures = asyncio.run(_reader(argv[1], argv[2], keys))
    figures["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
