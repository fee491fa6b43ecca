"""The document view against Textual's TextArea(read_only=True) on the same generated text.

Each widget runs in its own subprocess (so peak RSS is its own), headless at 160x50, in a
one-widget app. Figures per widget:

- first screen: from constructing the widget to the end of its first ``render_lines`` (the
  first frame that shows the document), including app start-up.
- frame: CPU time (``time.process_time``, so idle waits of the test pilot do not count) of one
  navigation step: the key press or jump, its handling, and the repaint up to
  ``pilot.pause()`` returning. 200 steps spread through the document: ten jumps to evenly
  spaced offsets, each followed by 19 keys (pagedown, down, pageup, right, up) that both
  widgets bind. ``render`` is the CPU time spent inside the widget's ``render_lines`` per
  step.
- rewrap: CPU time of a terminal resize from 160 to 120 columns until the repaint is done.
- peak RSS: ``ru_maxrss`` of the subprocess at the end.

Both apps call ``gc.freeze()`` after mounting, as the reader does once its documents are open,
so full collections of the start-up heap do not land in random frames of either widget.

    python -m benchmarks.bench_view [--quick]      (BENCH_VIEW_TRACE=1 prints every step)
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import subprocess
import sys
import time

from benchmarks.figures import REPO, Figure, generated_text

WIDGETS = ("view", "textarea")
_KEYS = (["pagedown"] * 6 + ["down"] * 5 + ["pageup"] * 2 + ["right"] * 3 + ["up"] * 3)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _measure(widget_name: str, size: int, steps: int) -> dict[str, float]:
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    from textual.app import App, ComposeResult
    from textual.geometry import Region
    from textual.strip import Strip
    from textual.widget import Widget
    from textual.widgets import TextArea

    from annotations.documents import make_text_document
    from tui.view import DocumentView

    text = generated_text(size)
    render_time = [0.0]
    first_screen: list[float] = []

    def timed(cls: type[Widget]) -> type[Widget]:
        class Timed(cls):  # type: ignore[valid-type, misc]
            def render_lines(self, crop: Region) -> list[Strip]:
                started = time.process_time()
                lines = super().render_lines(crop)
                render_time[0] += time.process_time() - started
                if not first_screen and self.document_shown():
                    first_screen.append(time.perf_counter())
                return lines

            def document_shown(self) -> bool:
                return self.size.height > 0

        return Timed

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield self.widget

    started = time.perf_counter()
    if widget_name == "view":
        widget = timed(DocumentView)(make_text_document("/bench/generated.txt", text))
    else:
        widget = timed(TextArea)(text, read_only=True)
    app = Bench()
    app.widget = widget  # type: ignore[attr-defined]
    frames: list[float] = []
    renders: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        while not first_screen:
            await pilot.pause(0.01)
        first = first_screen[0] - started
        widget.focus()
        await pilot.pause(0.5)  # let the view finish wrapping in the background
        gc.collect()
        gc.freeze()
        jumps = max(1, steps // (len(_KEYS) + 1))
        for j in range(jumps):
            offset = len(text) * j // jumps
            plan: list[str | int] = [offset, *_KEYS]
            for step in plan:
                render_time[0] = 0.0
                cpu = time.process_time()
                if isinstance(step, int):
                    if widget_name == "view":
                        widget.move_cursor(step, center=True)
                    else:
                        row = text.count("\n", 0, step)
                        col = step - (text.rfind("\n", 0, step) + 1)
                        widget.move_cursor((row, col), center=True)
                else:
                    await pilot.press(step)
                await pilot.pause()
                frames.append(time.process_time() - cpu)
                renders.append(render_time[0])
                if os.environ.get("BENCH_VIEW_TRACE"):
                    print(f"{step!s:>10} {frames[-1] * 1000:7.2f} ms {renders[-1] * 1000:6.2f}",
                          file=sys.stderr)
        cpu = time.process_time()
        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        rewrap = time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "first_screen_s": first,
        "frame_p50_ms": _percentile(frames, 0.5) * 1000,
        "frame_p99_ms": _percentile(frames, 0.99) * 1000,
        "render_p50_ms": _percentile(renders, 0.5) * 1000,
        "render_p99_ms": _percentile(renders, 0.99) * 1000,
        "rewrap_s": rewrap,
        "peak_rss_mb": peak_kb / 1024,
        "steps": len(frames),
    }


def _child(widget: str, size: int, steps: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(REPO), TEXTUAL_ANIMATIONS="none")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_view", "--child", widget,
         "--size", str(size), "--steps", str(steps)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench_view child {widget} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Figure]:
    size = 500_000 if quick else 5_000_000
    steps = 40 if quick else 200
    res = {w: _child(w, size, steps) for w in WIDGETS}
    v, t = res["view"], res["textarea"]
    mb = f"{size / 1e6:g} MB generated text, 160x50"
    figures = [
        Figure("view first screen", v["first_screen_s"], "s", f"{mb}; target <= 0.3 s"),
        Figure("textarea first screen", t["first_screen_s"], "s", "TextArea(read_only=True)"),
        Figure("view frame p50", v["frame_p50_ms"], "ms", f"{int(v['steps'])} nav steps, CPU"),
        Figure("view frame p99", v["frame_p99_ms"], "ms", "target <= 16 ms"),
        Figure("textarea frame p50", t["frame_p50_ms"], "ms", f"{int(t['steps'])} nav steps"),
        Figure("textarea frame p99", t["frame_p99_ms"], "ms", ""),
        Figure("frame ratio p50", t["frame_p50_ms"] / max(v["frame_p50_ms"], 1e-9), "x",
               "textarea / view; target >= 10x"),
        Figure("frame ratio p99", t["frame_p99_ms"] / max(v["frame_p99_ms"], 1e-9), "x",
               "textarea / view"),
        Figure("view render p50", v["render_p50_ms"], "ms", "inside render_lines per step"),
        Figure("view render p99", v["render_p99_ms"], "ms", ""),
        Figure("textarea render p50", t["render_p50_ms"], "ms", ""),
        Figure("textarea render p99", t["render_p99_ms"], "ms", ""),
        Figure("view rewrap after resize", v["rewrap_s"], "s", "160 -> 120 columns, CPU"),
        Figure("textarea rewrap after resize", t["rewrap_s"], "s", ""),
        Figure("view peak RSS", v["peak_rss_mb"], "MB", "own subprocess"),
        Figure("textarea peak RSS", t["peak_rss_mb"], "MB", "own subprocess"),
    ]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_view")
    parser.add_argument("--child", choices=WIDGETS)
    parser.add_argument("--size", type=int, default=5_000_000)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(asyncio.run(_measure(args.child, args.size, args.steps))))
        return 0
    for figure in run(args.quick):
        print(f"{figure.name:32} {figure.value:12.3f} {figure.unit:3} {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
