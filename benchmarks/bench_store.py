"""The store at scale: 1k, 10k, 100k and 200k annotations, 5k of them on the open document.

For every size a store is written straight to disk (``benchmarks.store_fixture``; a 200k
store takes seconds) and then used the way a reader does, each program in its own process so
that its peak RSS is its own:

* in this process: open the store and find the document's annotations (``open``), then
  ``insert`` (a new highlight on the document) and ``update`` (an edited note) p50, fsync on,
  beside the disk's own cost of flushing a small append in the same folder (``fsync``);
  the first open after the fixture is written is timed apart (``first_open``: a store in the
  old one-file layout is migrated then);
* ``sidelight annotate DOC`` and ``sidelight notes DOC`` (median of three runs), ``notes
  --format json`` of the whole store, and the time until ``notes`` (table) prints its first row;
* the reader on the document (``benchmarks.reader_child``): launch to first frame of text, key ``h``
  to the highlight saved and drawn (p50 / p99 of 40 keys), another process's change shown,
  idle CPU, peak RSS;
* a minimal Textual app launched the same way, the floor for the reader's first screen; and
  the reader on the two seed articles against it, alternately, three times each. Both start
  from compiled modules, as an installed program does (``_bytecode_env``).

The ``5k`` size is a store holding only the document's 5k annotations: the ``ratio`` figures
divide the large stores' times by it. ``exponent`` figures are growth exponents of a time in
the store size between 10k and the largest size (0 is flat, 1 is linear).

TinyDB's own ``JSONStorage`` (in-place rewrite + fsync) is measured at 1k and 10k in the same
run as the reference for a plain TinyDB file. Set ``SIDELIGHT_BENCH_DIR`` to measure on
another disk (the default is the temp directory).

    python -m benchmarks --only store [--quick]     # quick: 1k, 5k, 10k
    python -m benchmarks.bench_store --cli-only --sizes 5000 100000 --runs 3   # commands only
    python -m benchmarks.bench_store --seeds-only --runs 4   # the reader's start-up on the seeds
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from benchmarks.figures import REPO, Figure
from benchmarks.store_fixture import StoreFixture, make_store
from sidelight.annotations.documents import load_document
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from tests.harness_store import realistic_annotation

SIZES = (1_000, 5_000, 10_000, 100_000, 200_000)
QUICK_SIZES = (1_000, 5_000, 10_000)
ON_DOCUMENT = 5_000
BASELINE = 5_000  # the store holding only the document's annotations
SAMPLES = 31
CLI_RUNS = 3
READER_KEYS = 40
FIRST_ROW_TIMEOUT = 120.0
_ROW = re.compile(r"\b[0-9a-f]{8}\b")


def _label(n: int) -> str:
    return f"{n // 1000}k"


def _p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# Linux carries a process's peak RSS across ``exec`` into the program it runs, so a program
# forked from this (large) process would report this process's peak. A small launcher forks
# the measured program instead and reports its peak on the last line of stderr.
_LAUNCH = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execv(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "sys.stderr.write(f'\\n__peak_rss_kb__ {usage.ru_maxrss}\\n')\n"
    "sys.stderr.write(f'__cpu_s__ {usage.ru_utime + usage.ru_stime}\\n')\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


# Where the reader and the minimal app keep their compiled modules (see ``_bytecode_env``).
_BYTECODE: dict[str, Path] = {}


def _bytecode_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` with Python's compiled modules kept in a cache shared by the launches.

    An installed program starts from compiled modules (pip compiles a wheel's on install, and
    a checkout writes them on its first run). Where writing them is turned off
    (``PYTHONDONTWRITEBYTECODE``), every launch of the reader would compile each of its modules
    from source while Textual's, installed compiled, would not be: the start-up comparison
    would weigh the compiler. The launches share one cache, filled by an untimed launch."""
    if "dir" not in _BYTECODE:
        return env
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(_BYTECODE["dir"])
    return env


class _Child:
    """A child process timed from launch, with its own peak RSS."""

    def __init__(self, command: list[str], *, timeout: float = 600.0,
                 compiled: bool = False) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), TEXTUAL_ANIMATIONS="none")
        if compiled:
            env = _bytecode_env(env)
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the child)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCH, *command], cwd=REPO,
                                     env=env, stdout=subprocess.PIPE, stderr=self._errors,
                                     text=True, start_new_session=True)
        self.killed = False
        self.cpu = math.nan  # the program's CPU time (user + system), known when it ended
        self._timer = threading.Timer(timeout, self._kill)
        self._timer.start()

    def _kill(self) -> None:
        self.killed = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # the launcher and the program it runs

    def lines(self):  # type: ignore[no-untyped-def]
        assert self.proc.stdout is not None
        # Not ``yield from``: closing this generator early must not close the pipe.
        for line in self.proc.stdout:  # noqa: UP028
            yield line

    def finish(self) -> tuple[float, float]:
        """Wall time from launch to exit, and peak RSS in MB."""
        assert self.proc.stdout is not None
        for _ in self.proc.stdout:
            pass
        self.proc.wait()
        wall = time.perf_counter() - self.started
        self._timer.cancel()
        self._errors.seek(0)
        errors = self._errors.read().decode(errors="replace")
        if self.proc.returncode != 0 and not self.killed:
            raise RuntimeError(f"{' '.join(self.proc.args[4:7])} failed: {errors[-1500:]}")  # type: ignore[index]
        peak = re.findall(r"__peak_rss_kb__ (\d+)", errors)
        cpu = re.findall(r"__cpu_s__ ([0-9.]+)", errors)
        self.cpu = float(cpu[-1]) if cpu else math.nan
        return wall, (int(peak[-1]) / 1024 if peak else math.nan)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sidelight", *args]


def _run_cli(command: list[str]) -> tuple[float, float]:
    child = _Child(command, compiled=True)
    return child.finish()


def _compile_cli(root: Path) -> None:
    """Compile sidelight's modules into the launches' shared cache (``_bytecode_env``), untimed:
    the commands start from compiled modules, as an installed sidelight does, rather than
    compiling every module changed since a checkout last wrote its own."""
    if "dir" not in _BYTECODE:
        _BYTECODE["dir"] = root / "bytecode"
    env = _bytecode_env(dict(os.environ))
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "1",
                    *(str(REPO / part) for part in ("sidelight", "annotations", "tui"))],
                   env=env, check=True, stdout=subprocess.DEVNULL)


def _first_row(command: list[str]) -> tuple[float, float, float]:
    """Seconds to the first table row, to the end, and peak RSS."""
    child = _Child(command, timeout=FIRST_ROW_TIMEOUT, compiled=True)
    first = math.nan
    for line in child.lines():
        if _ROW.search(line):
            first = time.perf_counter() - child.started
            break
    wall, rss = child.finish()
    if child.killed:
        return (first if first == first else FIRST_ROW_TIMEOUT), FIRST_ROW_TIMEOUT, rss
    return first, wall, rss


def _reader(command: list[str]) -> dict[str, float]:
    child = _Child(command, compiled=True)
    ready = cpu = math.nan
    result: dict[str, float] = {}
    for line in child.lines():
        if line.startswith("ready"):
            ready = time.perf_counter() - child.started
            cpu = float(line.split()[1])
        elif line.startswith("{"):
            result = json.loads(line)
    _, rss = child.finish()
    result["first_screen_s"] = ready
    result["first_screen_cpu_s"] = cpu
    result["child_rss_mb"] = rss
    return result


def _in_process(fx: StoreFixture, samples: int) -> dict[str, float]:
    doc = load_document(fx.document)
    out: dict[str, float] = {}
    out["first_open"] = _time(lambda: AnnotationStore(fx.db).for_document(doc.path,
                                                                            doc.fingerprint))

    def open_doc() -> None:
        AnnotationStore(fx.db).for_document(doc.path, doc.fingerprint)

    out["open"] = statistics.median(_time(open_doc) for _ in range(3))
    store = AnnotationStore(fx.db)
    on_doc = store.for_document(doc.path, doc.fingerprint)
    rng = random.Random(fx.total)
    inserts, updates, floor = [], [], []
    flush = _FlushFloor(fx.db.parent)
    try:
        for i in range(samples):
            s = rng.randrange(0, len(doc.text) - 50)
            ann = new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + 30))
            inserts.append(_time(lambda ann=ann: store.add(ann)))
            floor.append(flush.once())
            old = on_doc[rng.randrange(len(on_doc))]
            new = old.edited(note=f"revised {i}")
            updates.append(_time(lambda new=new: store.put(new)))
            floor.append(flush.once())
    finally:
        flush.close()
    out["insert_p50_ms"] = _p(inserts, 0.5) * 1000
    out["update_p50_ms"] = _p(updates, 0.5) * 1000
    out["fsync_p50_ms"] = _p(floor, 0.5) * 1000
    return out


class _FlushFloor:
    """What the disk alone costs a saved change: append one annotation's worth of bytes to a
    file in the store's folder and flush it (``fdatasync``), timed between the changes so that
    both see the same disk (its latency here varies twenty-fold within minutes)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "fsync-floor.bin"
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def once(self) -> float:
        started = time.perf_counter()
        os.write(self.fd, b"x" * 700 + b"\n")
        os.fdatasync(self.fd)
        return time.perf_counter() - started

    def close(self) -> None:
        os.close(self.fd)
        self.path.unlink()


def _jsonstorage(n: int, samples: int, root: Path) -> dict[str, float]:
    rng = random.Random(n)
    db = TinyDB(str(root / f"jsonstorage-{n}.json"))
    table = db.table("annotations")
    ids = table.insert_multiple(realistic_annotation(rng).to_dict() for _ in range(n))
    inserts = [_time(lambda: table.insert(realistic_annotation(rng).to_dict()))
               for _ in range(samples)]
    updates = [_time(lambda i=i: table.update({"note": f"revised {i}"},
                                              doc_ids=[ids[rng.randrange(n)]]))
               for i in range(samples)]
    db.close()
    return {"insert_p50_ms": _p(inserts, 0.5) * 1000, "update_p50_ms": _p(updates, 0.5) * 1000}


def _reader_rows(fx: StoreFixture, quick: bool) -> dict[str, float]:
    """The reader on the fixture's document, in its own process."""
    out: dict[str, float] = {}
    doc = str(fx.document)
    r = _reader([sys.executable, "-m", "benchmarks.reader_child", "reader", str(fx.db), doc,
                 "--keys", str(10 if quick else READER_KEYS)])
    out["reader_first_screen_s"] = r["first_screen_s"]
    out["reader_first_screen_cpu_s"] = r["first_screen_cpu_s"]
    out["reader_highlight_p50_ms"] = _p(r["highlight_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_highlight_p99_ms"] = _p(r["highlight_s"], 0.99) * 1000  # type: ignore[arg-type]
    out["reader_highlight_direct_p50_ms"] = _p(r["highlight_direct_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_highlight_direct_p99_ms"] = _p(r["highlight_direct_s"], 0.99) * 1000  # type: ignore[arg-type]
    out["reader_key_floor_p50_ms"] = _p(r["floor_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_highlight_net_p50_ms"] = (out["reader_highlight_p50_ms"]
                                          - out["reader_key_floor_p50_ms"])
    out["reader_highlight_cpu_p50_ms"] = _p(r["highlight_cpu_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_highlight_cpu_p99_ms"] = _p(r["highlight_cpu_s"], 0.99) * 1000  # type: ignore[arg-type]
    out["reader_highlight_save_p50_ms"] = _p(r["highlight_save_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_undo_p50_ms"] = _p(r["undo_s"], 0.5) * 1000  # type: ignore[arg-type]
    out["reader_undo_p99_ms"] = _p(r["undo_s"], 0.99) * 1000  # type: ignore[arg-type]
    out["reader_external_s"] = r["external_s"]
    out["reader_idle_cpu_ms_per_s"] = r["idle_cpu_ms_per_s"]
    out["reader_rss_mb"] = r["child_rss_mb"]
    return out


def _cli_rows(fx: StoreFixture) -> dict[str, float]:
    """The commands on the store, each in its own process from compiled modules: wall time,
    CPU time, peak RSS."""
    _compile_cli(fx.db.parent.parent)
    doc = str(fx.document)
    db = ("--db", str(fx.db))
    annotate, notes_doc, rss = [], [], []
    for i in range(CLI_RUNS):
        child = _Child(_cli("annotate", doc, "--start", str(1000 + 40 * i), "--end",
                            str(1030 + 40 * i), *db), compiled=True)
        wall, peak = child.finish()
        annotate.append((wall, child.cpu))
        rss.append(peak)
        child = _Child(_cli("notes", doc, "--format", "json", *db), compiled=True)
        wall, peak = child.finish()
        notes_doc.append((wall, child.cpu))
        rss.append(peak)
    out: dict[str, float] = {}
    for key, runs in (("annotate", annotate), ("notes_doc", notes_doc)):
        out[f"{key}_s"] = statistics.median(w for w, _ in runs)
        out[f"{key}_cpu_s"] = statistics.median(c for _, c in runs)
    out["cli_rss_mb"] = max(rss)
    child = _Child(_cli("notes", "--format", "json", *db), compiled=True)
    out["notes_json_all_s"], out["notes_json_rss_mb"] = child.finish()
    out["notes_json_all_cpu_s"] = child.cpu
    first, _, _ = _first_row(_cli("notes", *db))
    out["notes_first_row_s"] = first
    return out


def measure(n: int, root: Path, quick: bool) -> dict[str, float]:
    fx = make_store(root / _label(n), n, min(n, ON_DOCUMENT))
    out = _in_process(fx, 9 if quick else SAMPLES)
    _settle()
    out.update(_cli_rows(fx))
    out.update(_reader_rows(fx, quick))
    if n <= 10_000:
        base = _jsonstorage(n, 9 if quick else SAMPLES, root)
        out["jsonstorage_insert_p50_ms"] = base["insert_p50_ms"]
        out["jsonstorage_update_p50_ms"] = base["update_p50_ms"]
    shutil.rmtree(root / _label(n), ignore_errors=True)
    return out


_UNITS = {"_ms": "ms", "_s": "s", "_mb": "MB", "_ms_per_s": "ms/s"}
_NOTES = {
    "first_open": "first open + the document's annotations (migrates an old one-file store)",
    "open": "open + the document's annotations, median of 3",
    "insert_p50_ms": "add a highlight on the document, fsync on",
    "update_p50_ms": "edit a note on the document, fsync on",
    "fsync_p50_ms": "the disk alone: append 700 bytes + fdatasync, between the changes",
    "annotate_s": "`sidelight annotate DOC`, launch to exit, median of 3",
    "notes_doc_s": "`sidelight notes DOC --format json`, median of 3",
    "annotate_cpu_s": "`sidelight annotate DOC`: CPU time (not inflated by load), median of 3",
    "notes_doc_cpu_s": "`sidelight notes DOC --format json`: CPU time, median of 3",
    "notes_json_all_cpu_s": "`sidelight notes --format json`, whole store: CPU time",
    "cli_rss_mb": "peak RSS of annotate / notes DOC (own process)",
    "notes_json_all_s": "`sidelight notes --format json`, whole store, piped",
    "notes_json_rss_mb": "peak RSS of `notes --format json` (own process)",
    "notes_first_row_s": "`sidelight notes` (table): launch to first row",
    "reader_first_screen_s": "reader: launch to the first frame of text",
    "reader_first_screen_cpu_s": "reader: CPU time to the first frame of text (not inflated "
                                 "by load)",
    "reader_highlight_p50_ms": "reader: key h to highlight saved and drawn",
    "reader_highlight_p99_ms": "reader: key h to highlight saved and drawn",
    "reader_highlight_direct_p50_ms": "reader: key h posted as a terminal sends it, to the "
                                      "first frame composed with the highlight",
    "reader_highlight_direct_p99_ms": "reader: key h posted as a terminal sends it, to the "
                                      "first frame composed with the highlight",
    "reader_key_floor_p50_ms": "reader: the test driver's press-and-pause of a key bound to "
                               "nothing, same run (included in every key figure)",
    "reader_highlight_net_p50_ms": "reader: key h p50 less the driver's floor p50",
    "reader_highlight_cpu_p50_ms": "reader: CPU time of key h (not inflated by load)",
    "reader_highlight_cpu_p99_ms": "reader: CPU time of key h (not inflated by load)",
    "reader_highlight_save_p50_ms": "reader: of key h, wall time inside the store's save",
    "reader_undo_p50_ms": "reader: key u to highlight removed and drawn",
    "reader_undo_p99_ms": "reader: key u to highlight removed and drawn",
    "reader_external_s": "reader: another process's highlight shown, from its write (polls 2/s)",
    "reader_idle_cpu_ms_per_s": "reader: CPU while idle",
    "reader_rss_mb": "reader: peak RSS (own process)",
    "jsonstorage_insert_p50_ms": "TinyDB JSONStorage, same run",
    "jsonstorage_update_p50_ms": "TinyDB JSONStorage, same run",
}
_GROWTH = ("open", "first_open", "insert_p50_ms", "update_p50_ms", "annotate_s", "notes_doc_s",
           "notes_json_all_s", "reader_first_screen_s", "reader_highlight_p50_ms")
_RATIO = ("open", "annotate_s", "notes_doc_s", "annotate_cpu_s", "notes_doc_cpu_s",
          "reader_first_screen_s", "reader_first_screen_cpu_s", "reader_highlight_p50_ms")


def _settle() -> None:
    """Write out what making a store left in the page cache before anything is timed: a 100k
    store and its backup are hundreds of MB, whose write-back would otherwise still be under
    way while the launches at 100k (not those at 5k) are timed."""
    os.sync()


def _unit(key: str) -> str:
    for suffix in ("_ms_per_s", "_ms", "_mb", "_s"):
        if key.endswith(suffix):
            return _UNITS[suffix]
    return "s"


def _compile_once(root: Path, seeds: list[str]) -> None:
    """Launch the minimal app and the reader once, untimed: their modules are compiled into
    the launches' shared cache (``_bytecode_env``)."""
    _BYTECODE["dir"] = root / "bytecode"
    _reader([sys.executable, "-m", "benchmarks.reader_child", "minimal"])
    _reader([sys.executable, "-m", "benchmarks.reader_child", "first",
             str(root / "compile-once.json"), *seeds])


def minimal_first_screen(runs: int = 3) -> float:
    """Launch to first screen of a one-Static Textual app, median of ``runs``."""
    command = [sys.executable, "-m", "benchmarks.reader_child", "minimal"]
    return statistics.median(_reader(command)["first_screen_s"] for _ in range(runs))


def seeds_first_screen(root: Path, runs: int = 3) -> dict[str, float]:
    """The reader's first text on the two seed articles (an empty store) against a minimal
    Textual app, launched alternately ``runs`` times each: medians, ranges, peak RSS."""
    seeds = sorted(str(p) for p in (REPO / "seeds").iterdir())
    _compile_once(root, seeds)
    minimal, reader, ratios, rss = [], [], [], []
    minimal_cpu, reader_cpu = [], []
    for i in range(runs):
        m = _reader([sys.executable, "-m", "benchmarks.reader_child", "minimal"])
        r = _reader([sys.executable, "-m", "benchmarks.reader_child", "first",
                     str(root / f"seeds-{i}.json"), *seeds])
        minimal.append(m["first_screen_s"])
        reader.append(r["first_screen_s"])
        ratios.append(r["first_screen_s"] / m["first_screen_s"])
        minimal_cpu.append(m["first_screen_cpu_s"])
        reader_cpu.append(r["first_screen_cpu_s"])
        rss.append(r["child_rss_mb"])
    cpu_ratios = [r / m for r, m in zip(reader_cpu, minimal_cpu, strict=True)]
    return {"minimal_s": statistics.median(minimal), "minimal_min_s": min(minimal),
            "minimal_max_s": max(minimal), "reader_s": statistics.median(reader),
            "reader_min_s": min(reader), "reader_max_s": max(reader),
            "ratio": statistics.median(ratios), "ratio_min": min(ratios),
            "ratio_max": max(ratios), "rss_mb": max(rss),
            "minimal_cpu_s": statistics.median(minimal_cpu),
            "reader_cpu_s": statistics.median(reader_cpu),
            "cpu_ratio": statistics.median(cpu_ratios), "cpu_ratio_min": min(cpu_ratios),
            "cpu_ratio_max": max(cpu_ratios)}


def _seeds_figures(s: dict[str, float]) -> list[Figure]:
    return [
        Figure("reader.seeds_first_screen", s["reader_s"], "s",
               f"the reader on the two seeds: launch to first frame of text, median of 3 "
               f"(runs {s['reader_min_s']:.3g}–{s['reader_max_s']:.3g})"),
        Figure("reader.seeds_first_screen.minimal_app", s["minimal_s"], "s",
               f"a one-Static Textual app launched alternately with it "
               f"(runs {s['minimal_min_s']:.3g}–{s['minimal_max_s']:.3g})"),
        Figure("reader.seeds_first_screen.vs_minimal", s["ratio"], "x",
               f"reader / minimal app, run by run (runs {s['ratio_min']:.3g}–"
               f"{s['ratio_max']:.3g}); target <= 1.3x"),
        Figure("reader.seeds_first_screen.cpu_vs_minimal", s["cpu_ratio"], "x",
               f"the same in each process's CPU time to its first frame, which load does not "
               f"inflate ({s['reader_cpu_s']:.3g} s against {s['minimal_cpu_s']:.3g} s; runs "
               f"{s['cpu_ratio_min']:.3g}–{s['cpu_ratio_max']:.3g})"),
        Figure("reader.seeds_first_screen.rss", s["rss_mb"], "MB",
               "peak RSS of the reader to its first screen (own process)"),
    ]


def run(quick: bool) -> list[Figure]:
    base = os.environ.get("SIDELIGHT_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix="sidelight-bench-store-", dir=base))
    sizes = QUICK_SIZES if quick else SIZES
    results: dict[int, dict[str, float]] = {}
    figures: list[Figure] = []
    try:
        seeds = seeds_first_screen(root)
        floor = minimal_first_screen()
        for n in sizes:
            results[n] = measure(n, root, quick)
            print(f"store {_label(n)}: {json.dumps(results[n])}", file=sys.stderr)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for n, m in results.items():
        for key, value in m.items():
            figures.append(Figure(f"store.{key}.{_label(n)}", value, _unit(key),
                                  _NOTES.get(key, "")))
    figures.extend(_seeds_figures(seeds))
    figures.append(Figure("store.minimal_app_first_screen", floor, "s",
                          "a one-Static Textual app: launch to first screen"))
    for n, m in results.items():
        figures.append(Figure(f"store.reader_first_screen.{_label(n)}.vs_minimal",
                              m["reader_first_screen_s"] / floor, "x", "reader / minimal app"))
    for n, m in results.items():
        for key in ("insert_p50_ms", "update_p50_ms"):
            if 1_000 in results:
                figures.append(Figure(f"store.{key}.{_label(n)}.vs_1k",
                                      m[key] / results[1_000][key], "x",
                                      f"{_label(n)} store / the 1k store"))
            figures.append(Figure(f"store.{key}.{_label(n)}.vs_fsync", m[key] / m["fsync_p50_ms"],
                                  "x", "the change / the disk's flush of a small append"))
    largest = max(sizes)
    for n in (n for n in sizes if n > BASELINE and BASELINE in results):
        for key in _RATIO:
            figures.append(Figure(f"store.{key}.{_label(n)}.ratio",
                                  results[n][key] / results[BASELINE][key], "x",
                                  f"{_label(n)} store / store of only the document's 5k"))
    if 10_000 in results and largest > 10_000:
        for key in _GROWTH:
            a, b = results[10_000][key], results[largest][key]
            figures.append(Figure(f"store.{key}.exponent", math.log(b / a) / math.log(
                largest / 10_000), "", f"growth in store size, 10k → {_label(largest)}"))
    return figures


def reader_only(sizes: list[int], runs: int) -> None:
    """Only the reader's rows (and the seeds' start-up), ``runs`` times per store size, each
    run printed as one JSON line: ranges over runs without the whole benchmark."""
    base = os.environ.get("SIDELIGHT_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix="sidelight-bench-reader-", dir=base))
    try:
        for run_no in range(runs):
            print(json.dumps({"run": run_no, "seeds": seeds_first_screen(root)}), flush=True)
            for n in sizes:
                fx = make_store(root / _label(n), n, min(n, ON_DOCUMENT))
                AnnotationStore(fx.db)  # the first open migrates: not the reader's to pay
                _settle()
                print(json.dumps({"run": run_no, "size": n, **_reader_rows(fx, False)}),
                      flush=True)
                shutil.rmtree(root / _label(n), ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def seeds_only(runs: int) -> None:
    """Only the seeds' start-up against the minimal app (three alternated launches each),
    ``runs`` times, each run one JSON line with the load it was measured at."""
    base = os.environ.get("SIDELIGHT_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix="sidelight-bench-seeds-", dir=base))
    try:
        for run_no in range(runs):
            seeds = {k: round(v, 4) for k, v in seeds_first_screen(root).items()}
            print(json.dumps({"run": run_no, "load": round(os.getloadavg()[0], 1), **seeds}),
                  flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _each_run(kind: str, sizes: list[int], runs: int,
              rows: Callable[[StoreFixture], dict[str, float]]) -> None:
    """``rows`` of a fresh store of each size, ``runs`` times, each run one JSON line with the
    load it was measured at."""
    base = os.environ.get("SIDELIGHT_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix=f"sidelight-bench-{kind}-", dir=base))
    try:
        for run_no in range(runs):
            for n in sizes:
                fx = make_store(root / _label(n), n, min(n, ON_DOCUMENT))
                out = {k: round(v, 4) for k, v in rows(fx).items()}
                print(json.dumps({"run": run_no, "size": n,
                                  "load": round(os.getloadavg()[0], 1), **out}), flush=True)
                shutil.rmtree(root / _label(n), ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def writes_only(sizes: list[int], runs: int) -> None:
    """Only the in-process rows (first open, open, insert, update, the disk's flush floor),
    ``runs`` times per store size, each run one JSON line: ranges over runs in minutes."""
    _each_run("writes", sizes, runs, lambda fx: _in_process(fx, SAMPLES))


def cli_only(sizes: list[int], runs: int) -> None:
    """Only the command-line rows (annotate, notes DOC, notes of the whole store as JSON, the
    first table row), ``runs`` times per store size, each run one JSON line."""

    def rows(fx: StoreFixture) -> dict[str, float]:
        AnnotationStore(fx.db)  # the first open migrates: not the commands' to pay
        _settle()
        return _cli_rows(fx)

    _each_run("cli", sizes, runs, rows)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_store")
    parser.add_argument("--reader-only", action="store_true",
                        help="only the reader's rows and the seeds' start-up, as JSON lines")
    parser.add_argument("--seeds-only", action="store_true",
                        help="only the reader's first text on the seeds against a minimal "
                             "Textual app, as JSON lines")
    parser.add_argument("--writes-only", action="store_true",
                        help="only first open, open, insert, update and the disk's flush "
                             "floor, as JSON lines")
    parser.add_argument("--cli-only", action="store_true",
                        help="only annotate, notes DOC, notes --format json of the whole "
                             "store and the first table row (wall and CPU), as JSON lines")
    parser.add_argument("--sizes", type=int, nargs="+", default=[ON_DOCUMENT, 100_000])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    if args.reader_only:
        reader_only(args.sizes, args.runs)
        return 0
    if args.seeds_only:
        seeds_only(args.runs)
        return 0
    if args.writes_only:
        writes_only(args.sizes, args.runs)
        return 0
    if args.cli_only:
        cli_only(args.sizes, args.runs)
        return 0
    for figure in run(args.quick):
        print(f"{figure.name:48} {figure.value:12.3f} {figure.unit:5} {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
