"""Store write latency: insert and update p50 at 1k, 10k and 50k stored annotations.

Two stores are measured in the same run on the same disk, both fsyncing every write:

* ``atomic``: sidelight's ``AnnotationStore`` (lock, re-read check, atomic replace, fsync of
  file and directory) through its public ``add`` and ``put``;
* ``jsonstorage``: plain TinyDB with its default ``JSONStorage`` (in-place rewrite + fsync),
  ``insert`` and ``update`` by doc id — the baseline the store replaces.

Annotations are realistic: a 100–300 character quote with its context, a 0–500 character note.
Set ``SIDELIGHT_BENCH_DIR`` to measure on another disk (the default is the temp directory).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from annotations.store import AnnotationStore
from benchmarks.figures import Figure
from tests.harness_store import realistic_annotation

SIZES = (1_000, 10_000, 50_000)
QUICK_SIZES = (1_000, 10_000)


def _label(n: int) -> str:
    return f"{n // 1000}k"


def _p50_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _samples_for(n: int, quick: bool) -> int:
    if quick:
        return 9 if n <= 10_000 else 5
    return 41 if n <= 10_000 else 15


def measure(n: int, samples: int, root: Path) -> dict[str, float]:
    rng = random.Random(n)
    prefill = [realistic_annotation(rng) for _ in range(n)]
    extra = [realistic_annotation(rng) for _ in range(samples)]
    out: dict[str, float] = {}

    path = root / f"atomic-{n}.json"
    store = AnnotationStore(path)
    store.put_many(prefill)
    store = AnnotationStore(path)  # a fresh process's view: open, then change
    out["open"] = _time(lambda: AnnotationStore(path))
    out["size_mb"] = path.stat().st_size / 1e6
    inserts = [_time(lambda a=a: store.add(a)) for a in extra]
    updates = []
    for i in range(samples):
        old = prefill[rng.randrange(n)]
        new = old.edited(note=f"revised {i}: " + old.note[:200])
        updates.append(_time(lambda new=new: store.put(new)))
    out["atomic.insert"] = _p50_ms(inserts)
    out["atomic.update"] = _p50_ms(updates)

    db = TinyDB(str(root / f"jsonstorage-{n}.json"))
    table = db.table("annotations")
    ids = table.insert_multiple(a.to_dict() for a in prefill)
    inserts = [_time(lambda a=a: table.insert(a.to_dict())) for a in extra]
    updates = []
    for i in range(samples):
        doc_id = ids[rng.randrange(n)]
        updates.append(_time(lambda i=i, d=doc_id: table.update({"note": f"revised {i}"},
                                                                 doc_ids=[d])))
    db.close()
    out["jsonstorage.insert"] = _p50_ms(inserts)
    out["jsonstorage.update"] = _p50_ms(updates)
    return out


def run(quick: bool) -> list[Figure]:
    base = os.environ.get("SIDELIGHT_BENCH_DIR") or None
    root = Path(tempfile.mkdtemp(prefix="sidelight-bench-store-", dir=base))
    figures: list[Figure] = []
    try:
        for n in QUICK_SIZES if quick else SIZES:
            k = _label(n)
            m = measure(n, _samples_for(n, quick), root)
            for op in ("insert", "update"):
                figures.append(Figure(f"store.{op}_p50.{k}.atomic", m[f"atomic.{op}"], "ms",
                                      "AnnotationStore, fsync on"))
                figures.append(Figure(f"store.{op}_p50.{k}.jsonstorage",
                                      m[f"jsonstorage.{op}"], "ms",
                                      "TinyDB JSONStorage, same run"))
                figures.append(Figure(f"store.{op}_p50.{k}.ratio",
                                      m[f"atomic.{op}"] / m[f"jsonstorage.{op}"], "x",
                                      "atomic / jsonstorage (lower is faster)"))
            figures.append(Figure(f"store.open.{k}", m["open"] * 1000, "ms",
                                  f"open and validate a {m['size_mb']:.1f} MB store"))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return figures
