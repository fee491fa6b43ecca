"""Keys in the reader while it compares four large documents, in a process of its own.

    python -m benchmarks.reader_compare_child MEGABYTES [--keys N]

Opens the four retellings of ``bench_compare.large_documents`` (about MEGABYTES MB each) in
the reader, waits for their entities, then times key ``j`` (cursor down) posted as a terminal
sends it, until the first frame composed once the cursor has moved: first N keys with no
comparison running, then keys until the comparison is shown, after ``C`` has started it. The
reader compares sources this large only when ``C`` is pressed; here every size waits for it,
so both phases are measured in the same run. Prints one JSON line:

- ``idle_ms`` / ``busy_ms``: key-to-frame latencies of both phases (sorted);
- ``compare_s``: from ``C`` to the comparison shown in the panes; ``show_s``: how long
  showing it held the reader's thread (gutter marks and the Compare panel's lists), a key
  pressed meanwhile waits that long;
- ``ui_cpu_s``: CPU time of the reader's process (every thread) from ``C`` to the comparison
  shown; ``child_cpu_s``: CPU time of the child processes it waited for meanwhile (0 when
  the comparison runs in the reader's own process); ``idle_ui_cpu_s`` / ``busy_ui_cpu_s``:
  the reader's CPU time over the keys of each phase (what answering them costs, and what the
  comparison adds to it);
- ``peak_rss_mb``: the reader process's own peak resident set.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.reader_child import peak_rss_mb

GAP_S = (0.02, 0.06)  # the pause between two keys, drawn at random so keys fall anywhere
BUSY_KEYS_AT_MOST = 20_000


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class _Frames:
    """Wraps the app's ``_display``: when a key is out, the time of the first frame composed
    once the view's cursor has moved (no polling: the wait costs the reader nothing)."""

    def __init__(self, app: Any, view: Any) -> None:
        self.app, self.view = app, view
        self.display = app._display
        self.before: int | None = None
        self.shown = asyncio.Event()
        self.at = 0.0
        app._display = self._display

    def _display(self, screen: object, renderable: object) -> None:
        at = time.perf_counter()
        self.display(screen, renderable)
        if renderable is not None and self.before is not None and \
                self.view.cursor != self.before:
            self.before, self.at = None, at
            self.shown.set()

    async def key(self, key: str) -> float:
        """Seconds from ``key`` posted to the first frame composed after the cursor moved."""
        from textual import events

        self.shown.clear()
        self.before = self.view.cursor
        began = time.perf_counter()
        self.app.post_message(events.Key(key, key))
        await asyncio.wait_for(self.shown.wait(), 60)
        return self.at - began

    def close(self) -> None:
        self.app._display = self.display


async def _keys(frames: _Frames, n: int, going: Any, rng: random.Random) -> list[float]:
    out: list[float] = []
    for i in range(n):
        if not going():
            break
        out.append(await frames.key("j" if i % 40 < 20 else "k"))
        await asyncio.sleep(rng.uniform(*GAP_S))
    return sorted(out)


async def _run(megabytes: float, keys: int) -> dict[str, Any]:
    from benchmarks.bench_compare import large_documents
    from sidelight.annotations.store import AnnotationStore
    from sidelight.tui.app import SidelightApp
    from sidelight.tui.reading import comparing

    docs = large_documents(int(megabytes * 1_000_000))
    comparing.AUTO_COMPARE_CHARS = 0  # every size waits for C: an idle phase to measure
    rng = random.Random(5)
    out: dict[str, Any] = {"megabytes": sum(len(d.text.encode()) for d in docs) / 1e6}
    with tempfile.TemporaryDirectory() as tmp:
        app = SidelightApp(docs, AnnotationStore(Path(tmp) / "store.json"), freeze_gc=True)
        async with app.run_test(size=(160, 50)) as pilot:
            reader = app.reader
            began = time.perf_counter()
            while reader.entities is None and time.perf_counter() - began < 1800:
                await pilot.pause(0.1)
            await pilot.pause()
            view = reader.pane.view
            view.move_cursor(len(view.document.text) // 3)
            await pilot.pause()
            frames = _Frames(app, view)
            cpu = time.process_time()
            out["idle_ms"] = [s * 1000 for s in await _keys(frames, keys, lambda: True, rng)]
            out["idle_ui_cpu_s"] = time.process_time() - cpu
            show = reader.show_comparison
            showing = [0.0]

            def timed_show(*args: Any) -> None:
                t = time.perf_counter()
                show(*args)
                showing[0] += time.perf_counter() - t

            reader.show_comparison = timed_show  # type: ignore[method-assign]
            cpu, child_cpu, began = time.process_time(), _children_cpu(), time.perf_counter()
            await pilot.press("C")
            view.focus()
            # Until the comparison is shown: a key pressed as it arrives waits for the panes
            # and the panel to take it in, and counts.
            out["busy_ms"] = [s * 1000 for s in await _keys(
                frames, BUSY_KEYS_AT_MOST, lambda: reader.comparison is None, rng)]
            out["busy_ui_cpu_s"] = time.process_time() - cpu
            while reader.comparison is None and time.perf_counter() - began < 3600:
                await asyncio.sleep(0.05)
            out["compare_s"] = time.perf_counter() - began
            out["show_s"] = showing[0]
            await pilot.pause()
            out["ui_cpu_s"] = time.process_time() - cpu
            await app.workers.wait_for_complete()
            out["child_cpu_s"] = _children_cpu() - child_cpu
            out["compared"] = reader.comparison is not None
            frames.close()
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main(argv: list[str]) -> int:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    keys = int(argv[argv.index("--keys") + 1]) if "--keys" in argv else 200
    print(json.dumps(asyncio.run(_run(float(argv[0]), keys))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
