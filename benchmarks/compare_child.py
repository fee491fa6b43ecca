"""Four large documents compared in a process of their own, as the reader compares them.

    python -m benchmarks.compare_child MEGABYTES [--thread]

Builds four retellings of one long story (each about MEGABYTES MB), then compares them as the
reader does: a worker thread hands them to a comparing child process and waits
(``compare_in_child``); with ``--thread`` the worker thread runs ``compare_documents`` itself,
as the reader did before. Meanwhile the main thread (where the reader handles keys) wakes
every 5 ms and records how late it wakes: the time a key would wait for the interpreter lock.
Prints one JSON line:

- ``seconds``: the comparison's wall time; ``cpu_seconds``: its CPU time, the child's and
  this process's; ``own_cpu_seconds``: this process's alone (every thread; what the reader's
  process spends while a comparison runs, the documents sent and the answer read);
- ``rss_before_mb``: resident set once the documents are built; ``peak_rss_mb``: the peak of
  the process that compared (``VmHWM``: the comparing child's, sampled while it runs, else
  this process's own; ``ru_maxrss`` would carry the parent's); ``own_peak_rss_mb``: this
  process's;
- ``wait_p50_ms`` / ``wait_p99_ms`` / ``wait_max_ms``: how late the main thread woke;
  ``idle_wait_p99_ms``: the same for one second before the comparison starts (what the
  machine's own load adds, the baseline).
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from benchmarks.reader_child import peak_rss_mb

TICK = 0.005


def _rss_mb(pid: str = "self", field: str = "VmRSS:") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _ticks(going: Callable[[], bool], every: Callable[[], None] = lambda: None) -> list[float]:
    """How late each 5 ms sleep of this thread ends, while ``going()``, sorted; ``every()``
    is called each 20 ticks."""
    waits: list[float] = []
    while going():
        due = time.perf_counter() + TICK
        time.sleep(TICK)
        waits.append(max(0.0, time.perf_counter() - due))
        if len(waits) % 20 == 0:
            every()
    return sorted(waits)


def _pct(waits: list[float], q: float) -> float:
    return waits[min(len(waits) - 1, int(q * len(waits)))] * 1000 if waits else 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> int:
    from benchmarks.bench_compare import large_documents
    from sidelight.annotations.comparison import compare_documents
    from sidelight.tui.reading import compare_process

    in_thread = "--thread" in argv
    docs = large_documents(int(float(argv[0]) * 1_000_000))
    before = _rss_mb()
    result: dict[str, float] = {}
    idle_until = time.perf_counter() + 1.0
    idle = _ticks(lambda: time.perf_counter() < idle_until)
    children: list[str] = []
    start = compare_process._start

    def started() -> Any:
        child, send, receive = start()
        children.append(str(child.pid))
        return child, send, receive

    compare_process._start = started  # type: ignore[assignment]
    child_peak = [0.0]

    def sample() -> None:
        if children:
            child_peak[0] = max(child_peak[0], _rss_mb(children[-1], "VmHWM:"))

    def work() -> None:
        began, cpu, child_cpu = time.perf_counter(), time.process_time(), _children_cpu()
        if in_thread:
            compare_documents(docs, entities=[[] for _ in docs])
        else:
            compare_process.compare_in_child(docs, [[] for _ in docs], lambda: False)
        result["seconds"] = time.perf_counter() - began
        result["own_cpu_seconds"] = time.process_time() - cpu
        result["cpu_seconds"] = result["own_cpu_seconds"] + _children_cpu() - child_cpu

    worker = threading.Thread(target=work)
    worker.start()
    waits = _ticks(worker.is_alive, sample)
    worker.join()
    own_peak = peak_rss_mb()
    result.update(rss_before_mb=before, peak_rss_mb=child_peak[0] if children else own_peak,
                  own_peak_rss_mb=own_peak, wait_p50_ms=_pct(waits, 0.5),
                  wait_p99_ms=_pct(waits, 0.99), wait_max_ms=_pct(waits, 1.0),
                  idle_wait_p99_ms=_pct(idle, 0.99),
                  megabytes=sum(len(d.text.encode()) for d in docs) / 1e6)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
