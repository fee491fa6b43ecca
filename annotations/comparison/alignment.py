"""The aligner: for each sentence, its best counterpart in another document, or none.

Comparing every sentence with every other is quadratic; instead each document gets an
inverted index from feature to sentences, and a sentence looks up only its rarest features
(the ones with the highest idf weight and short posting lists). The few sentences that share
them are the candidates, scored exactly by weighted overlap:

    score(a, b) = sum of the weights of the shared features / sqrt(W(a) * W(b))

where W is the sum of a sentence's feature weights. The score is 1 for the same features and
about sqrt(1/2) for a sentence that holds half of another, so a long sentence retold as two
still finds both halves. Identical sentences (after normalising quotes and spacing) are found
by a hash look-up first. Ties go to the candidate at the nearer relative position, so that
repeated sentences ("Yes.") pair in order.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from annotations.comparison.features import SentenceFacts

THRESHOLD = 0.3
# A weaker match (down to this share of THRESHOLD) counts when it is mutual: each sentence
# is the other's best match in the other document.
MUTUAL_SHARE = 0.6
# How many of a sentence's rarest features find candidates, how long a posting list may be
# for that, and how many candidates are scored exactly: together they bound the work per
# sentence, whatever the document sizes.
PROBE_FEATURES = 8
MAX_POSTING = 256
CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class Match:
    index: int
    score: float


class SentenceIndex:
    """One document's sentences, indexed for look-ups by feature and by exact text."""

    def __init__(self, facts: Sequence[SentenceFacts], weights: dict[str, float]) -> None:
        self.facts = facts
        self.weights = weights
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.totals: list[float] = []
        for i, f in enumerate(facts):
            for feat in f.features:
                self.postings[feat].append(i)
            self.exact[f.normal].append(i)
            self.totals.append(sum(weights[x] for x in f.features))

    def position(self, i: int) -> float:
        return i / max(1, len(self.facts) - 1)

    def best(self, query: SentenceFacts, total: float, rel_pos: float,
             threshold: float = THRESHOLD) -> Match | None:
        """The sentence that best matches ``query`` if it scores at least ``threshold``."""
        same = self.exact.get(query.normal)
        if same:
            return Match(min(same, key=lambda i: abs(self.position(i) - rel_pos)), 1.0)
        if total <= 0:
            return None
        weights = self.weights
        postings = self.postings
        probes = sorted(
            (f for f in query.features if 0 < len(postings.get(f, ())) <= MAX_POSTING),
            key=weights.__getitem__, reverse=True,
        )[:PROBE_FEATURES]
        partial: dict[int, float] = {}
        get = partial.get
        for feat in probes:
            w = weights[feat]
            for i in postings[feat]:
                partial[i] = get(i, 0.0) + w
        if not partial:
            return None
        if len(partial) > CANDIDATES:
            candidates = heapq.nlargest(CANDIDATES, partial, key=partial.__getitem__)
        else:
            candidates = list(partial)
        best_key: tuple[float, float] | None = None
        best_i = -1
        for i in candidates:
            cand = self.facts[i]
            shared = query.features & cand.features
            if len(shared) < 2:
                continue  # one word in common is chance (identical sentences matched above)
            score = sum(weights[f] for f in shared) / math.sqrt(total * self.totals[i])
            key = (round(score, 9), -abs(self.position(i) - rel_pos))
            if best_key is None or key > best_key:
                best_key, best_i = key, i
        if best_key is None or best_key[0] < threshold:
            return None
        return Match(best_i, min(1.0, round(best_key[0], 3)))


def align_pair(
    query_facts: Sequence[SentenceFacts], index: SentenceIndex, threshold: float = THRESHOLD
) -> list[Match | None]:
    """The best match in ``index`` of each sentence of ``query_facts`` (None: unique)."""
    weights = index.weights
    n = max(1, len(query_facts) - 1)
    out: list[Match | None] = []
    for i, f in enumerate(query_facts):
        total = sum(weights[x] for x in f.features)
        out.append(index.best(f, total, i / n, threshold))
    return out


def counterpart_run(
    src: int, match: Match, back: Sequence[Match | None]
) -> tuple[int, int]:
    """The sentences ``first..last`` around ``match.index`` whose own best match is ``src``:
    a sentence that the other document retold as several adjacent ones."""
    first = last = match.index
    while first > 0 and (m := back[first - 1]) is not None and m.index == src:
        first -= 1
    while last + 1 < len(back) and (m := back[last + 1]) is not None and m.index == src:
        last += 1
    return first, last
