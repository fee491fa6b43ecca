"""The documents' order as a prior for weak matches between strong anchors.

Two reports of one story mostly tell its claims in one order. Where both tell a run of
claims in order, the sentences the aligner paired are anchors; a sentence left between two
anchors in one report, facing a sentence left between the same two anchors in the other,
very likely tells the same claim even when the two share few words ("Nine of the passengers
suffered minor injuries" / "Several travellers were slightly hurt"): collation tools and
sentence aligners use this order as a prior. Such a pair is accepted on weaker evidence
than the aligner asks for elsewhere, but never on names alone: the two must share a word, a
meaning or a figure of one thing (a shared name says who, not what happened), the gap must
be short on both sides, and each sentence takes at most one partner, in order.

Anchors are the longest chain of aligned pairs that runs forward in both documents; where
a report tells its story in another order (a transcript beside an article), only the gaps
of that chain are filled.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence

from sidelight.annotations.comparison.alignment import SENSE_SHARE
from sidelight.annotations.comparison.features import SentenceFacts
from sidelight.annotations.comparison.turns import turn_pairs

MAX_GAP = 3  # sentences between two anchors, on each side, at most
GAP_FLOOR = 0.08  # the least evidence a pair inside a gap needs
# Between an anchor and a document's end only one side is held in place: twice as much.
OPEN_FLOOR = 2 * GAP_FLOOR
# Features that say who, or only that a figure of some kind is given, not what happened:
# their weight counts only beside a shared word, meaning or figure of one thing (a same
# or near count of one noun: "about 3,000 homes" / "nearly 2,800 houses").
_NOT_CONTENT = ("e:", "s:", "u:", "v:")


def anchor_chain(pairs: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The longest chain of pairs ``(i, j)`` that rises in both ``i`` and ``j`` (one pair
    per sentence), in order: O(n log n) over the pairs."""
    # Sorted by i, and by falling j within one i, a rising run of j takes at most one pair
    # of each sentence of the first document.
    ordered = sorted({(i, j) for i, j, _ in pairs}, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # the least j ending a chain of each length
    ends: list[int] = []  # the index in ``ordered`` of that chain's last pair
    back = [-1] * len(ordered)
    for k, (_, j) in enumerate(ordered):
        at = bisect_left(tails, j)
        back[k] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[at] = j
            ends[at] = k
    out = []
    k = ends[-1] if ends else -1
    while k >= 0:
        out.append(ordered[k])
        k = back[k]
    return out[::-1]


def weak_pairs(pairs: Sequence[tuple[int, int, float]],
               facts: tuple[Sequence[SentenceFacts], Sequence[SentenceFacts]],
               texts: tuple[str, str], weights: dict[str, float]
               ) -> tuple[list[tuple[int, int, float]], list[tuple[int, int, float]]]:
    """The pairs of two documents to add to their aligned ``pairs`` on weak evidence: the
    sentences left facing each other between anchors (``gap_pairs``), and then the rest of
    a transcript turn beside its aligned sentence (``turns.turn_pairs``)."""
    fa, fb = facts

    def evidence(i: int, j: int) -> float:
        return content_evidence(fa[i], fb[j], weights)

    ordered = gap_pairs(pairs, len(fa), len(fb), evidence)
    return ordered, turn_pairs([*pairs, *ordered], facts, texts, evidence, GAP_FLOOR)


def gap_pairs(pairs: Sequence[tuple[int, int, float]], na: int, nb: int,
              evidence: Callable[[int, int], float]) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, evidence)`` to add to the aligned ``pairs`` of two documents of
    ``na`` and ``nb`` sentences: unaligned sentences facing each other between two anchors
    (or between an anchor and a document's end), at most ``MAX_GAP`` apart on each side."""
    chain = anchor_chain(pairs)
    if not chain:
        return []
    told_a = {i for i, _, _ in pairs}
    told_b = {j for _, j, _ in pairs}
    out: list[tuple[int, int, float]] = []
    for (i0, j0), (i1, j1) in zip([(-1, -1), *chain], [*chain, (na, nb)], strict=True):
        if not (0 < i1 - i0 - 1 <= MAX_GAP and 0 < j1 - j0 - 1 <= MAX_GAP):
            continue
        free_a = [x for x in range(i0 + 1, i1) if x not in told_a]
        free_b = [y for y in range(j0 + 1, j1) if y not in told_b]
        scored = sorted(((evidence(x, y), x, y) for x in free_a for y in free_b),
                        key=lambda t: (-t[0], t[1], t[2]))
        floor = GAP_FLOOR if i0 >= 0 and i1 < na else OPEN_FLOOR
        taken: list[tuple[int, int]] = []
        for s, x, y in scored:
            if s < floor:
                break
            # One partner each, and in the documents' order.
            if all(x != p and y != q and (x < p) == (y < q) for p, q in taken):
                taken.append((x, y))
                out.append((x, y, round(s, 3)))
    return sorted(out)


def content_evidence(fa: SentenceFacts, fb: SentenceFacts, weights: dict[str, float]) -> float:
    """How much two sentences share (0..1), as the aligner scores it but without its floor
    for a single shared word: 0 unless they share a word or a meaning."""
    ta = sum(weights[x] for x in fa.features)
    tb = sum(weights[x] for x in fb.features)
    if ta <= 0 or tb <= 0:
        return 0.0
    shared = fa.features & fb.features
    content = sum(weights[x] for x in shared if not x.startswith(_NOT_CONTENT))
    rest = sum(weights[x] for x in shared if x.startswith(_NOT_CONTENT))
    meanings_b: dict[int, str] = {}
    for feat, ms in fb.senses:
        for m in ms:
            meanings_b.setdefault(m, feat)
    used: set[str] = set()
    for feat, ms in fa.senses:
        if feat in shared:
            continue
        for m in ms:
            # A same meaning, or one word a kind of the other; two kinds of one thing are
            # not one thing (as the aligner reads them).
            g = meanings_b.get(m) if m >= 0 else None
            if g is None:
                g = meanings_b.get(-m - 1)
            if g is not None and g not in shared and g not in used:
                used.add(g)
                content += SENSE_SHARE * min(weights[feat], weights[g])
                break
    if content <= 0:
        return 0.0
    return min(1.0, (content + rest) / math.sqrt(ta * tb))
