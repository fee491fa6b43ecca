"""The aligner: which sentences of several documents tell the same claim.

A claim is often one sentence in one report and two in another, so alignment is
many-to-many: a pair of sentences is kept when it scores well *for both of them* (near the
best either has in the other document), not only when it is one sentence's single best.

Comparing every sentence with every other is quadratic; instead one inverted index over all
documents maps each feature to the sentences that have it. A
sentence looks up only its rarest features; the few sentences per other document that share
most of them are the candidates, scored exactly:

    score(a, b) = (shared weight + SENSE_SHARE * weight of words that share a meaning)
                  / sqrt(W(a) * W(b))

where W is the sum of a sentence's feature weights (idf). The score is 1 for the same
features, about sqrt(1/2) for a sentence that holds half of another. Identical sentences
(after normalising quotes and spacing) score 1. The documents' order is a weak prior: of two
equally good partners, the one at the nearer relative position wins, and a pair in the same
region of both documents gets a small bonus when partners are chosen.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sidelight.annotations.comparison.features import SentenceFacts

THRESHOLD = 0.25
# A weaker pair (down to this share of THRESHOLD) counts when it is mutual: each sentence is
# the other's best partner in the other document.
MUTUAL_SHARE = 0.64
# A sentence keeps every partner that scores at least this share of its best one (and of the
# partner's own best): the second half of a claim retold as two sentences.
RELATIVE = 0.7
SENSE_SHARE = 0.6  # a shared WordNet meaning counts this much of a shared word
SINGLE_WORD = 0.45  # the least score of a pair that shares a single feature
# A sentence next to one that tells a claim joins it when it shares this much with the
# claim's partner: the other half of a claim told in two sentences.
ADJACENT = 0.15
ORDER_BONUS = 0.04  # at most, for a pair at the same relative position in both documents
# How many of a sentence's rarest features find candidates, how long a posting
# list may be per document for that, and how many candidates per other document are scored
# exactly: together they bound the work per sentence, whatever the document sizes.
PROBE_FEATURES = 8
MAX_POSTING = 32
CANDIDATES = 6
MEANING_CACHE = 4096  # classes whose meaning look-up tables are kept while scoring
SCORE_CACHE = 1 << 18  # scores of pairs of classes kept while scoring
PRUNE = 0.25
# A sentence repeated word for word in two documents (a recurring line: a filler, a
# disclaimer) is paired with every repetition of it while the pairs are few; beyond this
# many, each repetition with the one at the nearest place of the other document, so that the
# pairs grow with the repetitions, not with their product.
REPEATS_ALL = 16


@dataclass(frozen=True, slots=True)
class Match:
    index: int
    score: float


Node = tuple[int, int]  # (document, sentence)
_SHIFT = 32  # a node packed in one int: document << _SHIFT | sentence


class CorpusIndex:
    """Every document's sentences, indexed by feature and by exact text.

    Features are numbered in the order of their names, and a sentence keeps its features as
    a set of those numbers: sums of weights and ties between equal weights then come out the
    same on every run (string hashes differ from one run to the next), and sets of small
    ints are cheaper to intersect than sets of strings.

    Sentences with the same text and the same features (wire copy repeats sentences word
    for word in every source) form one class: its candidates are found once, and a pair of
    classes is scored once, however many documents repeat them.
    """

    def __init__(self, facts: Sequence[Sequence[SentenceFacts]],
                 weights: dict[str, float]) -> None:
        self.facts = facts
        self.weights = weights
        names = sorted(weights)
        number = {name: k for k, name in enumerate(names)}
        self._number = number
        self._w = w = [weights[name] for name in names]
        self.postings: list[list[int]] = [[] for _ in names]
        self.exact: dict[str, list[int]] = defaultdict(list)
        # Per class: its features, their total weight, its text's number, its meanings.
        classes: dict[tuple[str, frozenset[int]], int] = {}
        self._features: list[frozenset[int]] = []
        self._totals: list[float] = []
        self._normal: list[int] = []
        self._senses: list[tuple[tuple[str, frozenset[int]], ...]] = []
        # The same, each word by its feature's number, with every key its meanings are
        # looked up by in another sentence's (``_probe``): scoring reads these.
        self._sense_ids: list[tuple[tuple[int, frozenset[int], frozenset[int]], ...]] = []
        self.klass: list[array[int]] = []
        normals: dict[str, int] = {}
        for d, doc_facts in enumerate(facts):
            ks = array("q")
            for i, f in enumerate(doc_facts):
                node = d << _SHIFT | i
                ids = sorted(number[x] for x in f.features)
                for x in ids:
                    self.postings[x].append(node)
                self.exact[f.normal].append(node)
                feats = frozenset(ids)
                k = classes.get((f.normal, feats))
                if k is None or self._senses[k] != f.senses:
                    k = classes[f.normal, feats] = len(self._features)
                    self._features.append(feats)
                    self._totals.append(sum(w[x] for x in ids))
                    self._normal.append(normals.setdefault(f.normal, len(normals)))
                    self._senses.append(f.senses)
                    self._sense_ids.append(tuple(
                        (number[feat], ms, meaning_probe(ms)) for feat, ms in f.senses))
                ks.append(k)
            self.klass.append(ks)
        self.max_posting = MAX_POSTING * max(1, len(facts))
        self._meaning_maps: dict[int, dict[int, int]] = {}
        self._scores: dict[int, float] = {}

    def candidates(self, node: Node) -> dict[int, list[int]]:
        """Other documents' sentences worth scoring against ``node``, per document: the ones
        that share most of its rarest features (paraphrases still share a name, a figure
        or a rare word; their other words are compared by meaning when scored)."""
        d, i = node
        out: dict[int, list[int]] = {}
        for other in self.exact.get(self.facts[d][i].normal, ()):
            od = other >> _SHIFT
            if od != d:
                out.setdefault(od, []).append(other & _LOW)
        out.update(self.shared_candidates(self._features[self.klass[d][i]], {d, *out}))
        return out

    def shared_candidates(self, feats: frozenset[int], skip: set[int]
                          ) -> dict[int, list[int]]:
        """The candidates of a sentence with features ``feats`` in every document but the
        ones in ``skip`` (its own, and those that tell it word for word: settled)."""
        postings, w, cap = self.postings, self._w, self.max_posting
        probes = [x for x in sorted(feats) if 1 < len(postings[x]) <= cap]
        if len(probes) > PROBE_FEATURES:
            probes = heapq.nlargest(PROBE_FEATURES, probes, key=w.__getitem__)
        partial: dict[int, float] = {}
        get = partial.get
        for x in probes:
            wx = w[x]
            for other in postings[x]:
                if other >> _SHIFT not in skip:
                    partial[other] = get(other, 0.0) + wx
        by_doc: dict[int, list[int]] = defaultdict(list)
        for other in partial:
            by_doc[other >> _SHIFT].append(other)
        out: dict[int, list[int]] = {}
        for od, nodes in by_doc.items():
            if len(nodes) > CANDIDATES:
                nodes = heapq.nlargest(CANDIDATES, nodes, key=partial.__getitem__)
            # Candidates that share far less than the best one cannot score near it.
            top = max(partial[n] for n in nodes)
            out[od] = [n & _LOW for n in nodes if partial[n] >= PRUNE * top]
        return out

    def _meanings(self, k: int) -> dict[int, int]:
        """Meaning id -> the first feature of class ``k`` that has it."""
        mm = self._meaning_maps.get(k)
        if mm is None:
            if len(self._meaning_maps) >= MEANING_CACHE:
                self._meaning_maps.clear()  # bounded: memory must not grow with the text
            mm = {}
            for x, ms, _ in self._sense_ids[k]:
                for m in ms:
                    mm.setdefault(m, x)
            self._meaning_maps[k] = mm
        return mm

    def score(self, a: Node, b: Node) -> float:
        """How much of one claim two sentences share (0..1)."""
        return self.class_score(self.klass[a[0]][a[1]], self.klass[b[0]][b[1]])

    def class_score(self, ka: int, kb: int) -> float:
        """``score`` of a sentence of class ``ka`` against one of class ``kb`` (cached while
        few enough pairs are held: memory must not grow with the text)."""
        key = ka << _SHIFT | kb
        s = self._scores.get(key)
        if s is None:
            if len(self._scores) >= SCORE_CACHE:
                self._scores.clear()
            s = self._scores[key] = self._score(ka, kb)
        return s

    def _score(self, ka: int, kb: int) -> float:
        if self._normal[ka] == self._normal[kb]:
            return 1.0
        ta, tb = self._totals[ka], self._totals[kb]
        if ta <= 0 or tb <= 0:
            return 0.0
        w = self._w
        shared = self._features[ka] & self._features[kb]
        total = sum(w[x] for x in sorted(shared))
        n = len(shared)
        senses_a = self._sense_ids[ka]
        if senses_a and self._sense_ids[kb]:
            mb = self._meanings(kb)
            get, keys = mb.get, mb.keys()
            used: set[int] = set()
            for x, ms, probe in senses_a:
                # Most words have no meaning the other sentence's words have: one look at
                # the keys (in C) settles them.
                if x in shared or keys.isdisjoint(probe):
                    continue
                for m in ms:
                    # A same meaning, or one word a kind of the other ("houses" /
                    # "buildings"); two kinds of one thing are not one thing.
                    g = get(m) if m >= 0 else None
                    if g is None:
                        g = get(-m - 1)
                    if g is not None and g not in shared and g not in used:
                        used.add(g)
                        total += SENSE_SHARE * min(w[x], w[g])
                        n += 1
                        break
        score = min(1.0, total / math.sqrt(ta * tb))
        # One word in common is chance, unless the sentences are short and it is most of
        # what they say ("We kept our promise." / "We kept our word.").
        return score if n >= 2 or score >= SINGLE_WORD else 0.0


_LOW = (1 << _SHIFT) - 1


@lru_cache(maxsize=65536)
def meaning_probe(ms: frozenset[int]) -> frozenset[int]:
    """Every key a word's meanings ``ms`` are looked up by in another sentence's meaning
    map when scoring: a meaning itself, and ``-m - 1`` (a kind-of entry ``m`` is the meaning
    ``-m - 1`` is a kind of; a meaning ``m`` is also looked up among the other's kind-of
    entries). A word whose keys are none of the map's shares no meaning with its words."""
    return frozenset([m for m in ms if m >= 0] + [-m - 1 for m in ms])


def align_all(index: CorpusIndex, threshold: float = THRESHOLD
              ) -> dict[tuple[int, int], list[tuple[int, int, float]]]:
    """Accepted sentence pairs for each pair of documents ``(a, b)``, ``a < b``:
    ``(sentence in a, sentence in b, score)``. Candidates are found once per class of
    sentences; each pair of documents is then scored and settled in turn, so that only one
    pair's scores are held at a time."""
    # Pairs to score, packed as (sentence in a) << 32 | (sentence in b): a long document
    # has millions of them.
    wanted: dict[tuple[int, int], array[int]] = defaultdict(lambda: array("q"))

    def want(d: int, i: int, od: int, js: Sequence[int]) -> None:
        if d < od:
            wanted[d, od].extend((i << _SHIFT) | j for j in js)
        else:
            wanted[od, d].extend((j << _SHIFT) | i for j in js)

    klass = index.klass
    sizes = [len(doc) for doc in index.facts]
    for nodes in index.exact.values():
        # The documents that tell this text word for word are settled for all of them.
        told: dict[int, list[int]] = defaultdict(list)
        for n in nodes:
            told[n >> _SHIFT].append(n & _LOW)
        by_class: dict[int, list[int]] = defaultdict(list)
        for n in nodes:
            by_class[klass[n >> _SHIFT][n & _LOW]].append(n)
        for k, members in by_class.items():
            # Told word for word in every document: no candidate is left to find.
            found = index.shared_candidates(index._features[k], set(told)) \
                if len(told) < len(index.facts) else {}
            for n in members:
                d, i = n >> _SHIFT, n & _LOW
                here = told[d]
                for od, js in told.items():
                    if od != d:
                        if len(here) * len(js) > REPEATS_ALL:
                            js = nearest_repeat(i, sizes[d], js, sizes[od])
                        want(d, i, od, js)
                for od, js in found.items():
                    want(d, i, od, js)
    out: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    score = index.score  # a subclass may weigh more than the sentences' classes
    normal = index._normal
    for (a, b) in sorted(wanted):
        table: dict[tuple[int, int], float] = {}
        ka, kb = klass[a], klass[b]
        for packed in wanted.pop((a, b)):
            pair = (packed >> _SHIFT, packed & _LOW)
            if pair not in table:  # a pair is often wanted from both of its ends
                i, j = pair
                # The same text scores 1 whatever else is weighed: most pairs of sources
                # that repeat one another are those.
                table[pair] = 1.0 if normal[ka[i]] == normal[kb[j]] else score((a, i), (b, j))
        out[a, b] = select(table, len(index.facts[a]), len(index.facts[b]), threshold)
    return out


def nearest_repeat(i: int, na: int, js: Sequence[int], nb: int) -> list[int]:
    """Of the sentences ``js`` (rising) of a document of ``nb`` sentences that repeat
    sentence ``i`` of one of ``na`` word for word, the one at the nearest relative position
    (the earlier of two as near)."""
    # |j / nb - i / na| compared in integers: the same choice on every machine.
    at = bisect_left(js, -(-i * nb // na))
    return [min(js[max(0, at - 1):at + 1], key=lambda j: (abs(j * na - i * nb), j))]


def select(table: dict[tuple[int, int], float], na: int, nb: int,
           threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """The pairs of one pair of documents that tell one claim (see the module docstring)."""
    da, db = max(1, na - 1), max(1, nb - 1)

    def prior(i: int, j: int) -> float:
        return ORDER_BONUS * (1.0 - abs(i / da - j / db))

    adjusted = {p: s + prior(*p) for p, s in table.items() if s > 0}
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    ga, gb = best_a.get, best_b.get
    for (i, j), s in adjusted.items():
        if s > ga(i, 0.0):
            best_a[i] = s
        if s > gb(j, 0.0):
            best_b[j] = s
    floor = threshold * MUTUAL_SHARE
    out = []
    for (i, j), s in adjusted.items():
        if s < floor:
            continue
        ba, bb = best_a[i], best_b[j]
        mutual = s >= ba and s >= bb
        near_best = s >= RELATIVE * ba and s >= RELATIVE * bb
        if mutual or (s >= threshold and near_best):
            out.append((i, j, round(min(1.0, table[i, j]), 3)))
    # A sentence without a partner whose neighbour's partner it also shares words with
    # tells the rest of that claim.
    in_a = {i for i, _, _ in out}
    in_b = {j for _, j, _ in out}
    extra = []
    for i, j, _ in out:
        for x, y in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
            s = table.get((x, y), 0.0)
            if s >= ADJACENT and (x not in in_a if y == j else y not in in_b):
                extra.append((x, y, round(min(1.0, s), 3)))
    return sorted(set(out) | set(extra))
