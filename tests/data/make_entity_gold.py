"""Turn the hand-written (doc, label, string) pairs of a set's ``pairs.tsv`` into ``gold.jsonl``.

    python tests/data/make_entity_gold.py tests/data/entities_blind3

Each string is looked up after the previous one of the same document, on word boundaries,
so the pairs can be written in reading order from the text alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _find(text: str, needle: str, pos: int) -> int:
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return -1
        before = text[i - 1] if i else " "
        after = text[i + len(needle)] if i + len(needle) < len(text) else " "
        if not (before.isalnum() and needle[0].isalnum()) and \
                not (after.isalnum() and needle[-1].isalnum()):
            return i
        pos = i + 1


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    here = Path(sys.argv[1])
    rows = []
    pos: dict[str, int] = {}
    for n, line in enumerate((here / "pairs.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        doc, label, needle = line.split("\t")
        needle = needle.replace("\\n", "\n")
        text = (here / doc).read_text(encoding="utf-8")
        i = _find(text, needle, pos.get(doc, 0))
        if i < 0:
            print(f"pairs.tsv:{n}: {needle!r} not found in {doc} after {pos.get(doc, 0)}")
            return 1
        pos[doc] = i + len(needle)
        rows.append({"doc": doc, "start": i, "end": i + len(needle), "label": label,
                     "text": needle})
    with (here / "gold.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
