"""Four large documents compared in a process of their own, as the reader compares them.

    python -m benchmarks.compare_child MEGABYTES

Builds four retellings of one long story (each about MEGABYTES MB), then runs
``compare_documents`` in a worker thread, as the reader's comparison worker does, while the
main thread (where the reader handles keys) wakes every 5 ms and records how late it wakes:
the time a key would wait for the comparison thread to let go. Prints one JSON line:

- ``seconds`` / ``cpu_seconds``: the comparison's wall and process time;
- ``rss_before_mb``: resident set once the documents are built; ``peak_rss_mb``: this
  process's peak (``VmHWM``, the child's own: ``ru_maxrss`` would carry the parent's);
- ``wait_p50_ms`` / ``wait_p99_ms`` / ``wait_max_ms``: how late the main thread woke;
  ``idle_wait_p99_ms``: the same for one second before the comparison starts (what the
  machine's own load adds, the baseline).
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable

from benchmarks.reader_child import peak_rss_mb

TICK = 0.005


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _ticks(going: Callable[[], bool]) -> list[float]:
    """How late each 5 ms sleep of this thread ends, while ``going()``, sorted."""
    waits: list[float] = []
    while going():
        due = time.perf_counter() + TICK
        time.sleep(TICK)
        waits.append(max(0.0, time.perf_counter() - due))
    return sorted(waits)


def _pct(waits: list[float], q: float) -> float:
    return waits[min(len(waits) - 1, int(q * len(waits)))] * 1000 if waits else 0.0


def main(argv: list[str]) -> int:
    from benchmarks.bench_compare import large_documents
    from sidelight.annotations.comparison import compare_documents

    docs = large_documents(int(float(argv[0]) * 1_000_000))
    before = _rss_mb()
    result: dict[str, float] = {}
    idle_until = time.perf_counter() + 1.0
    idle = _ticks(lambda: time.perf_counter() < idle_until)

    def work() -> None:
        began, cpu = time.perf_counter(), time.process_time()
        compare_documents(docs, entities=[[] for _ in docs])
        result["seconds"] = time.perf_counter() - began
        result["cpu_seconds"] = time.process_time() - cpu

    worker = threading.Thread(target=work)
    worker.start()
    waits = _ticks(worker.is_alive)
    worker.join()
    result.update(rss_before_mb=before, peak_rss_mb=peak_rss_mb(), wait_p50_ms=_pct(waits, 0.5),
                  wait_p99_ms=_pct(waits, 0.99), wait_max_ms=_pct(waits, 1.0),
                  idle_wait_p99_ms=_pct(idle, 0.99),
                  megabytes=sum(len(d.text.encode()) for d in docs) / 1e6)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
