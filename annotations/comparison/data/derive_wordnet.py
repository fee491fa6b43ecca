"""Derives ``wordnet_senses.tsv`` from WordNet 3.0 (Debian's ``wordnet-base``):

    python3 annotations/comparison/data/derive_wordnet.py /usr/share/wordnet

Each line is a word and the ids of the meanings it can have in news prose: the synsets of
its first few senses (the index lists senses most frequent first) and, through WordNet's
derivational links, the synsets of related forms ("investigation" -> investigate). Two words
that share an id can say the same thing ("hurt" / "injured", "blaze" / "fire"). Only ids
that at least two words share are kept, renumbered compactly; irregular inflections from the
exception lists ("fell", "rose", "sank") get their base form's ids.

A noun's first senses also list, marked ``^``, the synset one level up (its hypernym) when
that is still specific (at least ``HYPERNYM_DEPTH`` levels below WordNet's root): "house"
is a kind of building, "crash" of accident, "tremor" of earthquake. Such an id says "a
kind of": it meets the same id unmarked (the word it is a kind of), never another ``^`` id
(two kinds of building are not one thing). Not run by sidelight.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SENSES = {"n": 3, "v": 4, "a": 3, "r": 2}
DERIVED_SENSES = 2
HYPERNYM_SENSES = 2
HYPERNYM_DEPTH = 5
WORD = re.compile(r"[a-z]{3,}")


def parse_data(path: Path, pos: str) -> dict[tuple[str, int], tuple[list[str], list[tuple]]]:
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        offset, w_cnt = int(f[0]), int(f[3], 16)
        words = [f[4 + 2 * i].lower() for i in range(w_cnt)]
        i = 4 + 2 * w_cnt
        p_cnt = int(f[i])
        ptrs = []
        for k in range(p_cnt):
            sym, off, ppos, st = f[i + 1 + 4 * k: i + 5 + 4 * k]
            ptrs.append((sym, int(off), "a" if ppos == "s" else ppos, int(st[:2], 16)))
        out[pos, offset] = (words, ptrs)
    return out


def main(root: Path, out_path: Path) -> None:
    data = {}
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, pos in POS.items():
        data.update(parse_data(root / f"data.{name}", pos))
        for line in (root / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            lemma = f[0]
            if not WORD.fullmatch(lemma):
                continue
            n_syn = int(f[2])
            offsets = [int(x) for x in f[-n_syn:]]
            index[lemma] += [(pos, o) for o in offsets[: SENSES[pos]]]
    meanings: dict[str, set[tuple[str, int]]] = {}
    kinds: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for lemma, senses in index.items():
        ids = set(senses)
        for rank, key in enumerate(senses):
            if rank >= DERIVED_SENSES and key[0] != "a":
                continue
            words, ptrs = data[key]
            for sym, off, ppos, src in ptrs:
                if sym == "+" and (src == 0 or words[src - 1] == lemma):
                    ids.add((ppos, off))
        meanings[lemma] = ids
        for key in senses[:HYPERNYM_SENSES]:
            if key[0] != "n":
                continue
            for sym, off, ppos, _ in data[key][1]:
                if sym == "@" and _depth(data, (ppos, off)) >= HYPERNYM_DEPTH:
                    kinds[lemma].add((ppos, off))
    for name, pos in POS.items():
        exc = root / f"{name}.exc"
        for line in exc.read_text(encoding="latin-1").splitlines():
            f = line.split()
            if len(f) >= 2 and WORD.fullmatch(f[0]) and f[1] in meanings:
                meanings.setdefault(f[0], set()).update(
                    k for k in meanings[f[1]] if k[0] == pos or pos == "v")
    for name, pos in POS.items():
        if pos != "n":
            continue
        for line in (root / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            f = line.split()
            if len(f) >= 2 and WORD.fullmatch(f[0]) and f[1] in kinds:
                kinds[f[0]].update(kinds[f[1]])
    users: dict[tuple[str, int], int] = defaultdict(int)
    for ids in meanings.values():
        for k in ids:
            users[k] += 1
    # A synset some word is a kind of is kept when one word names it.
    wanted = {k for ks in kinds.values() for k in ks if users[k] >= 1}
    numbers: dict[tuple[str, int], int] = {}
    lines = []
    for lemma in sorted(set(meanings) | set(kinds)):
        kept = sorted(k for k in meanings.get(lemma, ()) if users[k] >= 2 or k in wanted)
        up = sorted(k for k in kinds.get(lemma, ()) if k in wanted)
        if not kept and not up:
            continue
        ids = sorted(numbers.setdefault(k, len(numbers)) for k in kept)
        ups = sorted(numbers.setdefault(k, len(numbers)) for k in up)
        lines.append(lemma + "\t" + " ".join([_base36(i) for i in ids]
                                             + ["^" + _base36(i) for i in ups]))
    out_path.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{out_path.name}: {len(lines)} words, {len(numbers)} meanings")


def _depth(data: dict, key: tuple[str, int], seen: tuple[tuple[str, int], ...] = ()) -> int:
    """Levels between a synset and WordNet's root, by its shortest hypernym path."""
    ups = [(p, o) for sym, o, p, _ in data[key][1] if sym in ("@", "@i")]
    if not ups or key in seen:
        return 0
    return 1 + min(_depth(data, u, (*seen, key)) for u in ups)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"),
         Path(__file__).with_name("wordnet_senses.tsv"))
