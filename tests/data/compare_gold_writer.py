"""Writes a comparison gold set's gold.jsonl from the lists its make_gold.py holds: each set
keeps only its texts' gold, and every set is written and checked the same way (the format and
rules of the development gold on the seeds)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def once(text: str, sub: str, where: str) -> None:
    n = text.count(sub)
    if n != 1:
        raise SystemExit(f"{sub!r} occurs {n} times in {where}")


def write_gold(here: Path, note: str, pairs: Mapping[str, tuple[str, str]],
               align: Mapping[str, Sequence[tuple[bool, str, str, str]]],
               numbers: Mapping[str, Sequence[tuple[str, str, str, str, str]]],
               quotes: Mapping[str, Sequence[tuple[str, str]]],
               unique: Mapping[str, Sequence[tuple[str, str]]],
               compatible: Mapping[str, Sequence[tuple[str, str]]]) -> None:
    """``here/gold.jsonl``, every quoted sentence checked to occur once in its text."""
    lines: list[dict[str, Any]] = [{"type": "meta", "note": note}]
    for name, (fa, fb) in pairs.items():
        ta, tb = ((here / f).read_text(encoding="utf-8") for f in (fa, fb))
        ida, idb = f"{name}-a", f"{name}-b"
        lines += [{"type": "doc", "id": ida, "root": "articles", "file": fa},
                  {"type": "doc", "id": idb, "root": "articles", "file": fb},
                  {"type": "pair", "pair": name, "a": ida, "b": idb}]
        for sure, rel, a, b in align[name]:
            once(ta, a, fa)
            once(tb, b, fb)
            lines.append({"type": "align", "pair": name, "sure": sure, "relation": rel,
                          "a": a, "b": b})
        for sa, sb, va, vb, what in numbers.get(name, []):
            once(ta, sa, fa)
            once(tb, sb, fb)
            if va not in sa or vb not in sb:
                raise SystemExit(f"figure not in its sentence: {va!r} / {vb!r}")
            lines.append({"type": "number_diff", "pair": name, "a_sentence": sa,
                          "b_sentence": sb, "a": va, "b": vb, "what": what})
        for qa, qb in quotes.get(name, []):
            once(ta, qa, fa)
            once(tb, qb, fb)
            lines.append({"type": "quote_diff", "pair": name, "a": qa, "b": qb})
        for side, text in unique.get(name, []):
            once(ta if side == "a" else tb, text, fa if side == "a" else fb)
            lines.append({"type": "unique", "pair": name, "side": side, "text": text})
        for a, b in compatible.get(name, []):
            lines.append({"type": "compatible", "pair": name, "a": a, "b": b})
    out = here / "gold.jsonl"
    out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                   encoding="utf-8")
    kinds: dict[str, int] = {}
    for x in lines:
        key = x["type"] + ("" if x["type"] != "align" else (" sure" if x["sure"] else " possible"))
        kinds[key] = kinds.get(key, 0) + 1
    print(f"{out.name}: {len(pairs)} pairs, {kinds}")
