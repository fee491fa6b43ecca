"""The document view against Textual's TextArea(read_only=True) on the same text: generated
news-like text (5 MB) and real prose (the shared corpus's novel, 738 KB, hard-wrapped; a
generated text of that size stands in when ``../shared`` is absent, and the figure says so).

Each widget runs in its own subprocess (so peak RSS is its own), headless at 160x50, in a
one-widget app, with the same instrumentation inside the app for both:

- **key mark**: ``App.on_event`` receiving the ``Key`` event (the moment the app starts
  handling a key, as it would for a key read from the terminal).
- **frame mark**: the end of ``App._display``, after Textual's compositor has composed the
  update *and* it has been turned into the terminal byte string. The headless driver skips
  that last step (it has no terminal), so the bench app does it itself exactly as
  ``App._display`` does for a real terminal (``CompositorUpdate.render_segments`` with the
  app's console, true colour) and discards the bytes. Without this a headless frame would
  leave out the cost of writing the screen.

Keys are posted straight into the app's message queue (what the terminal driver does); the
benchmark coroutine then sleeps on an ``asyncio.Event`` until a frame is written and until
no further frame follows for 40 ms, so the test pilot's bookkeeping never runs inside a
measured interval. A key that produced no frame fails the run rather than count as fast.

Figures per widget:

- first screen: wall time from constructing the widget (document object included) to the
  first frame written after the widget has drawn its lines, app start-up included.
- frame: CPU time (``time.process_time``) from the key mark to the last frame mark the key
  caused: handling, layout, the widget's drawing, composition and the terminal string. CPU
  time, because the wall time between the two marks also holds idle waiting for Textual's
  60 fps update timer (up to 16.7 ms) and other processes on a loaded machine; the wall
  figure ("latency") is reported too. 200 keys spread through the document: ten jumps to
  evenly spaced offsets (not timed), each followed by 20 keys (pagedown, down, pageup,
  right, up) that both widgets bind. ``render`` is the CPU time inside the widget's
  ``render_lines`` and ``write`` the CPU time turning the update into terminal bytes.
- rewrap: CPU time from a terminal resize (160 -> 120 columns) to the first frame written at
  the new width. The view wraps the rest of the document in idle slices afterwards; "wrap
  complete" is the wall time until its index is exact everywhere.
- peak RSS: the subprocess's own high-water mark (``VmHWM``; ``ru_maxrss`` would report the
  benchmark runner's, which Linux carries into a program it starts).

Each child runs ``RUNS`` times (once with ``--quick``): figures are medians, with the range
over the runs in the note.

TextArea's cursor blink is turned off so that, as in the view, every frame is caused by a
key. Navigation starts once the view's background wrap is complete (TextArea wraps everything
before its first screen). Both apps call ``gc.freeze()`` after mounting, as the view's
contract recommends the reader do once its documents are open, so full collections of the
start-up heap do not land in random frames of either widget; the view is measured a second
time without it ("no freeze" figures) because an app that does not freeze pays those
collections in its frames. The trace shows the collections during each key.
``--no-freeze`` measures both widgets without it.

    python -m benchmarks.bench_view [--quick] [--no-freeze] [--runs N]
    BENCH_VIEW_TRACE=1 prints every key; BENCH_VIEW_PROFILE=FILE writes a cProfile of the keys.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import time

from benchmarks.figures import REPO, Figure, corpus_path, generated_text
from benchmarks.reader_child import peak_rss_mb

WIDGETS = ("view", "textarea")
TEXTS = ("generated", "prose")
RUNS = 2
NOVEL = "pride-and-prejudice.txt"
NOVEL_SIZE = 737_944
_KEYS = ["pagedown"] * 6 + ["down"] * 5 + ["pageup"] * 2 + ["right"] * 3 + ["up"] * 4
_QUIET = 0.04  # no frame for this long after the last one: the key's work is done
_FRAME_TIMEOUT = 5.0


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _text(kind: str, size: int) -> tuple[str, str]:
    """The text to read and what it is."""
    if kind == "prose":
        novel = corpus_path(NOVEL)
        if novel is not None:
            return novel.read_text(encoding="utf-8"), f"the corpus novel ({NOVEL})"
        return generated_text(NOVEL_SIZE, seed=2), "generated text standing in for the novel"
    return generated_text(size), f"{size / 1e6:g} MB generated text"


async def _measure(widget_name: str, kind: str, size: int, steps: int,
                   freeze: bool) -> dict[str, float]:
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    from textual import events
    from textual._compositor import CompositorUpdate
    from textual.app import App, ComposeResult
    from textual.geometry import Region, Size
    from textual.screen import Screen
    from textual.strip import Strip
    from textual.widget import Widget
    from textual.widgets import TextArea

    from sidelight.annotations.documents import make_text_document
    from sidelight.tui.view import DocumentView

    text, _what = _text(kind, size)
    render_cpu = [0.0]
    write_cpu = [0.0]
    drawn = [False]
    first_screen: list[float] = []
    key_marks: list[tuple[float, float]] = []
    frame_marks: list[tuple[float, float]] = []
    frame_written = asyncio.Event()
    collections = [0, 0, 0]  # garbage collections per generation in the current step

    def count_collections(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections[info["generation"]] += 1

    gc.callbacks.append(count_collections)

    def timed(cls: type[Widget]) -> type[Widget]:
        class Timed(cls):  # type: ignore[valid-type, misc]
            def render_lines(self, crop: Region) -> list[Strip]:
                started = time.process_time()
                lines = super().render_lines(crop)
                render_cpu[0] += time.process_time() - started
                if self.size.height > 0:
                    drawn[0] = True
                return lines

        return Timed

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield self.widget

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and not key_marks:  # it bubbles back here later
                key_marks.append((time.perf_counter(), time.process_time()))
            await super().on_event(event)

        def _display(self, screen: Screen, renderable: object) -> None:
            super()._display(screen, renderable)  # type: ignore[arg-type]
            if renderable is None or self._batch_count:
                return
            started = time.process_time()
            if isinstance(renderable, CompositorUpdate):
                data = renderable.render_segments(self.console)
            else:
                data = self.console._render_buffer(self.console.render(renderable))
            del data  # a real driver writes this to the terminal
            now = time.process_time()
            write_cpu[0] += now - started
            frame_marks.append((time.perf_counter(), now))
            if drawn[0] and not first_screen:
                first_screen.append(time.perf_counter())
            frame_written.set()

    async def settle(required: bool = True) -> None:
        """Wait until a frame is written and no other follows within the quiet time."""
        try:
            await asyncio.wait_for(frame_written.wait(), _FRAME_TIMEOUT if required else _QUIET)
        except TimeoutError:
            if required:
                raise RuntimeError(f"{widget_name}: no frame within {_FRAME_TIMEOUT} s") from None
        while True:
            seen = len(frame_marks)
            await asyncio.sleep(_QUIET)
            if len(frame_marks) == seen:
                return

    def begin() -> None:
        key_marks.clear()
        frame_marks.clear()
        frame_written.clear()
        render_cpu[0] = write_cpu[0] = 0.0
        collections[:] = [0, 0, 0]

    started = time.perf_counter()
    if widget_name == "view":
        widget = timed(DocumentView)(make_text_document("/bench/generated.txt", text))
    else:
        widget = timed(TextArea)(text, read_only=True)
        widget.cursor_blink = False  # the view has no blinking cursor: frames come from keys only
    app = Bench()
    app.widget = widget  # type: ignore[attr-defined]
    frames: list[float] = []
    latencies: list[float] = []
    renders: list[float] = []
    writes: list[float] = []
    trace = bool(os.environ.get("BENCH_VIEW_TRACE"))
    async with app.run_test(size=(160, 50)) as pilot:
        while not first_screen:
            await pilot.pause(0.01)
        first = first_screen[0] - started
        widget.focus()
        wrap = getattr(widget, "wrap_index", None)
        while wrap is not None and not wrap.complete:
            await asyncio.sleep(0.05)
        await pilot.pause(0.2)
        gc.collect()
        if freeze:
            gc.freeze()
        jumps = max(1, steps // len(_KEYS))
        profile_path = os.environ.get("BENCH_VIEW_PROFILE")
        if profile_path:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        for j in range(jumps):
            offset = len(text) * j // jumps
            begin()
            if widget_name == "view":
                widget.move_cursor(offset, center=True)
            else:
                row = text.count("\n", 0, offset)
                col = offset - (text.rfind("\n", 0, offset) + 1)
                widget.move_cursor((row, col), center=True)
            await settle(required=False)  # the first jump may not move
            for key in _KEYS:
                begin()
                event = events.Key(key, None)
                event.set_sender(app)
                app.post_message(event)
                await settle()
                if len(key_marks) != 1:
                    raise RuntimeError(f"{widget_name}: key {key} not handled once")
                (key_wall, key_cpu), (end_wall, end_cpu) = key_marks[0], frame_marks[-1]
                frames.append(end_cpu - key_cpu)
                latencies.append(end_wall - key_wall)
                renders.append(render_cpu[0])
                writes.append(write_cpu[0])
                if trace:
                    print(f"{key:>10} {frames[-1] * 1000:7.2f} ms cpu {latencies[-1] * 1000:7.2f}"
                          f" wall {renders[-1] * 1000:6.2f} render {writes[-1] * 1000:6.2f} write"
                          f" {len(frame_marks)} frame(s) gc {collections}", file=sys.stderr)
        if profile_path:
            profiler.disable()
            profiler.dump_stats(profile_path)
        begin()
        resize_cpu = time.process_time()
        resize_wall = time.perf_counter()
        app._driver._size = Size(120, 50)  # type: ignore[union-attr]  # as Pilot.resize_terminal
        app.post_message(events.Resize(Size(120, 50), Size(120, 50)))
        await settle()
        rewrap = frame_marks[0][1] - resize_cpu
        while wrap is not None and not wrap.complete:
            await asyncio.sleep(0.01)
        wrap_complete = time.perf_counter() - resize_wall
    return {
        "first_screen_s": first,
        "frame_p50_ms": _percentile(frames, 0.5) * 1000,
        "frame_p99_ms": _percentile(frames, 0.99) * 1000,
        "frame_max_ms": max(frames) * 1000,
        "latency_p50_ms": _percentile(latencies, 0.5) * 1000,
        "latency_p99_ms": _percentile(latencies, 0.99) * 1000,
        "render_p50_ms": _percentile(renders, 0.5) * 1000,
        "render_p99_ms": _percentile(renders, 0.99) * 1000,
        "write_p99_ms": _percentile(writes, 0.99) * 1000,
        "rewrap_s": rewrap,
        "wrap_complete_s": wrap_complete,
        "peak_rss_mb": peak_rss_mb(),
        "steps": len(frames),
    }


def _child(widget: str, kind: str, size: int, steps: int, freeze: bool) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(REPO), TEXTUAL_ANIMATIONS="none",
               TEXTUAL_COLOR_SYSTEM="truecolor")
    command = [sys.executable, "-m", "benchmarks.bench_view", "--child", widget, "--text", kind,
               "--size", str(size), "--steps", str(steps)]
    if not freeze:
        command.append("--no-freeze")
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench_view child {widget} failed: {done.stderr.strip()[-2000:]}")
    if done.stderr and os.environ.get("BENCH_VIEW_TRACE"):
        print(f"-- {widget}\n{done.stderr}", file=sys.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


class _Runs:
    """The figures of several runs of one child: medians, and ranges for the notes."""

    def __init__(self, runs: list[dict[str, float]]) -> None:
        self.runs = runs

    def __getitem__(self, key: str) -> float:
        return statistics.median(r[key] for r in self.runs)

    def span(self, key: str) -> str:
        values = [r[key] for r in self.runs]
        return f"runs {min(values):.3g}–{max(values):.3g}" if len(values) > 1 else "one run"


def _ratio_span(t: _Runs, v: _Runs, key: str) -> str:
    ratios = [a[key] / max(b[key], 1e-9) for a, b in zip(t.runs, v.runs, strict=True)]
    return f"runs {min(ratios):.3g}–{max(ratios):.3g}" if len(ratios) > 1 else "one run"


def _figures(prefix: str, what: str, v: _Runs, t: _Runs, loose: _Runs | None,
             steps: int) -> list[Figure]:
    n = f"{steps} keys, CPU key -> frame written"

    def fig(name: str, runs: _Runs, key: str, unit: str, note: str = "") -> Figure:
        return Figure(f"{prefix}{name}", runs[key], unit,
                      "; ".join(x for x in (note, runs.span(key)) if x))

    figures = [
        fig("view first screen", v, "first_screen_s", "s", f"{what}, 160x50; target <= 0.3 s"),
        fig("textarea first screen", t, "first_screen_s", "s", "TextArea(read_only=True)"),
        fig("view frame p50", v, "frame_p50_ms", "ms", n),
        fig("view frame p99", v, "frame_p99_ms", "ms", "target <= 16 ms"),
        fig("view frame max", v, "frame_max_ms", "ms"),
    ]
    if loose is not None:
        figures += [
            fig("view frame p99, no freeze", loose, "frame_p99_ms", "ms",
                "without gc.freeze(), separate run"),
            fig("view frame max, no freeze", loose, "frame_max_ms", "ms"),
        ]
    figures += [
        fig("textarea frame p50", t, "frame_p50_ms", "ms", n),
        fig("textarea frame p99", t, "frame_p99_ms", "ms"),
        Figure(f"{prefix}frame ratio p50", t["frame_p50_ms"] / max(v["frame_p50_ms"], 1e-9),
               "x", f"textarea / view; target >= 10x; {_ratio_span(t, v, 'frame_p50_ms')}"),
        Figure(f"{prefix}frame ratio p99", t["frame_p99_ms"] / max(v["frame_p99_ms"], 1e-9),
               "x", f"textarea / view; {_ratio_span(t, v, 'frame_p99_ms')}"),
        fig("view latency p50", v, "latency_p50_ms", "ms",
            "wall, incl. waiting for the 60 fps update timer"),
        fig("view latency p99", v, "latency_p99_ms", "ms"),
        fig("textarea latency p50", t, "latency_p50_ms", "ms"),
        fig("textarea latency p99", t, "latency_p99_ms", "ms"),
        fig("view render p50", v, "render_p50_ms", "ms", "CPU inside render_lines per key"),
        fig("view render p99", v, "render_p99_ms", "ms"),
        fig("view write p99", v, "write_p99_ms", "ms", "CPU making the terminal string"),
        fig("textarea render p50", t, "render_p50_ms", "ms"),
        fig("textarea render p99", t, "render_p99_ms", "ms"),
        fig("view rewrap after resize", v, "rewrap_s", "s",
            "160 -> 120 columns, CPU to first frame"),
        fig("textarea rewrap after resize", t, "rewrap_s", "s"),
        fig("view wrap complete", v, "wrap_complete_s", "s", "wall, background slices"),
        fig("view peak RSS", v, "peak_rss_mb", "MB", "own subprocess"),
        fig("textarea peak RSS", t, "peak_rss_mb", "MB", "own subprocess"),
    ]
    return figures


def run(quick: bool, freeze: bool = True, runs: int | None = None) -> list[Figure]:
    size = 500_000 if quick else 5_000_000
    steps = 40 if quick else 200
    runs = runs or (1 if quick else RUNS)
    figures: list[Figure] = []
    for kind in TEXTS:
        res = {w: _Runs([_child(w, kind, size, steps, freeze) for _ in range(runs)])
               for w in WIDGETS}
        loose = None
        if freeze and kind == "generated":
            loose = _Runs([_child("view", kind, size, steps, False)])
        what = f"{size / 1e6:g} MB generated text" if kind == "generated" else _prose_name()
        prefix = "" if kind == "generated" else "prose: "
        steps_done = int(res["view"]["steps"])
        figures += _figures(prefix, what, res["view"], res["textarea"], loose, steps_done)
    return figures


def _prose_name() -> str:
    return (f"the corpus novel ({NOVEL})" if corpus_path(NOVEL) is not None
            else "generated text standing in for the novel")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_view")
    parser.add_argument("--child", choices=WIDGETS)
    parser.add_argument("--text", choices=TEXTS, default="generated")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--size", type=int, default=5_000_000)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-freeze", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        result = asyncio.run(_measure(args.child, args.text, args.size, args.steps,
                                      not args.no_freeze))
        print(json.dumps(result))
        return 0
    for figure in run(args.quick, not args.no_freeze, args.runs):
        print(f"{figure.name:32} {figure.value:12.3f} {figure.unit:3} {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
