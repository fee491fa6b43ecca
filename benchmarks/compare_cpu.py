"""CPU time of one comparison of each of the comparison benchmark's document sets, on one line:
two ~740 KB documents, 16 articles of 5 KB, 2 and 16 articles of 50 KB (entities left out, as
``python -m benchmarks --only compare`` leaves them), and the exponent of the CPU time in the
number of 50 KB articles (1 = linear in the total text).

    python -m benchmarks.compare_cpu [LABEL]

Made to be run alternately in two checkouts (the code before and after a change) on a shared
machine: process time moves less with the load than wall time, and one line per run is easy to
set side by side.
"""

from __future__ import annotations

import math
import sys
import time

from benchmarks.bench_compare import _cut, _docs, _source_text, edited_copy
from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.documents import Document, make_text_document


def _cpu(docs: list[Document]) -> float:
    began = time.process_time()
    compare_documents(docs, entities=[[] for _ in docs])
    return time.process_time() - began


def _many(full: str, size: int, n: int) -> list[Document]:
    story = _cut(full, size)
    return [make_text_document(f"/bench/{n}-{i}.txt", story if i == 0 else edited_copy(story, i))
            for i in range(n)]


def main(argv: list[str]) -> int:
    full = _source_text(740_000)
    _cpu(_many(full, 5_000, 2))  # word lists and tables loaded before anything is timed
    found = {
        "2 x 740 KB": _cpu(list(_docs(full))),
        "16 x 5 KB": _cpu(_many(full, 5_000, 16)),
        "2 x 50 KB": _cpu(_many(full, 50_000, 2)),
        "16 x 50 KB": _cpu(_many(full, 50_000, 16)),
    }
    k = math.log(found["16 x 50 KB"] / found["2 x 50 KB"]) / math.log(8)
    label = f"{argv[0]}: " if argv else ""
    print(label + ", ".join(f"{name} {s:.2f} s" for name, s in found.items())
          + f", exponent in articles {k:.2f} (CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
