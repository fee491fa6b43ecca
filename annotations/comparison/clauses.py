"""Claims inside long sentences: a sentence's clauses, and scoring that looks at them.

A lead often packs several claims into one sentence ("A quake struck at 3:42 a.m., killing
27 people and bringing down houses in hill towns"), which another report tells in a short
sentence of its own ("Dozens of buildings collapsed in hill towns"). Compared whole, the long
sentence shares too small a part of its words to align; compared clause by clause, the claim
it shares stands out. Clauses are cut at commas (not inside figures), semicolons, colons,
dashes and brackets; a piece too short to tell a claim joins its neighbour, and a clause that
only says who told the claim ("the agency said on Thursday", "according to the sheriff's
office") is left out: two reports citing one source share it without telling one claim.

``ClauseIndex`` scores a pair of sentences as ``CorpusIndex`` does and, when they share
something but too little (more than ``CLAUSE_FLOOR``, less than ``CLAUSE_TRIED``) and one is
clearly the longer (``CLAUSE_LONGER``), also each clause of the longer against the shorter
sentence; a clause counts ``CLAUSE_SHARE`` of its share. A sentence told word for word in
the other document is not read clause by clause (its claim has its partner there), and a
sentence's clauses are read when a pair first needs them.
Two sentences that quote one speaker with most of the same words, small ones included,
tell one quote worded differently even when its few content words differ ("No family will
be left alone" / "No family will be abandoned").
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sidelight.annotations.comparison.alignment import (
    SENSE_SHARE,
    SINGLE_WORD,
    THRESHOLD,
    CorpusIndex,
    meaning_probe,
)
from sidelight.annotations.comparison.attribution import (
    ATTRIBUTION_WORDS,
    CLAUSE_CUT,
    WORD_OR_NUMBER,
    is_attribution,
)
from sidelight.annotations.comparison.features import (
    Mention,
    SentenceFacts,
    entity_feature,
    quantity_features,
)
from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.partial_quotes import quoted_part
from sidelight.annotations.comparison.quotes import Quote, quote_words, same_speaker
from sidelight.annotations.comparison.sentences import Sentence
from sidelight.annotations.comparison.words import content_words

MIN_WORDS = 4  # a clause shorter than this ("he said", "on Sunday") joins its neighbour
CLAUSE_SHARE = 0.8
CLAUSE_TRIED = 0.5
CLAUSE_LONGER = 1.2  # times the other's weight: a sentence that may hold several claims
CLAUSE_FLOOR = 0.1  # pairs that share less are not worth reading clause by clause
_CACHE = 8192  # sentences whose clauses are kept while scoring


def clauses(s: Sentence) -> list[Sentence]:
    """The claim-telling clauses of ``s`` (offsets into the same text); ``[]`` when the
    sentence is one clause."""
    text = s.text
    cuts = [m.end() for m in CLAUSE_CUT.finditer(text)]
    if not cuts:
        return []
    words = [m.start() for m in WORD_OR_NUMBER.finditer(text)]  # counted by position, read once
    pieces: list[list[int]] = []
    for a, b in pairwise([0, *cuts, len(text)]):
        if pieces and _count(words, *pieces[-1]) < MIN_WORDS:
            pieces[-1][1] = b
        else:
            pieces.append([a, b])
    if len(pieces) > 1 and _count(words, *pieces[-1]) < MIN_WORDS:
        last = pieces.pop()
        pieces[-1][1] = last[1]
    if len(pieces) < 2:
        return []
    out = []
    for a, b in pieces:
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if a < b and not (_count(words, a, b) <= ATTRIBUTION_WORDS
                          and is_attribution(text[a:b])):
            out.append(Sentence(s.start + a, s.start + b, text[a:b], s.speaker))
    return out


def _count(starts: list[int], a: int, b: int) -> int:
    return bisect_left(starts, b) - bisect_left(starts, a)


@dataclass(frozen=True, slots=True)
class Part:
    """What a clause is compared by: its share of its sentence's features and meanings."""

    features: frozenset[str]
    # Each word's feature, meanings, and the keys they are looked up by (``meaning_probe``).
    senses: tuple[tuple[str, frozenset[int], frozenset[int]], ...]
    total: float
    meanings: dict[int, str]


class DocumentClauses:
    """The parts of a document's sentences' clauses, made on first use."""

    def __init__(self, facts: Sequence[SentenceFacts], entities: Sequence[Mention],
                 quantities: Sequence[Quantity], weights: dict[str, float]) -> None:
        self.facts, self.weights = facts, weights
        self.entities = sorted(entities, key=lambda e: e.start)
        self.quantities = sorted(quantities, key=lambda q: q.start)
        self._starts = ([e.start for e in self.entities], [q.start for q in self.quantities])
        self._cache: dict[int, tuple[Part, ...]] = {}

    def get(self, i: int) -> tuple[Part, ...]:
        got = self._cache.get(i)
        if got is None:
            if len(self._cache) >= _CACHE:
                self._cache.clear()  # bounded: memory must not grow with the text
            got = self._cache[i] = self._make(self.facts[i])
        return got

    def _make(self, f: SentenceFacts) -> tuple[Part, ...]:
        cut = clauses(f.sentence)
        if not cut:
            return ()
        es, qs = self._starts
        weights = self.weights
        base = f.sentence.start
        words = content_words(f.sentence.text)
        starts = [w[0] + base for w in words]
        out = []
        for c in cut:
            # The sentence's own features that stand in this clause.
            feats = {"w:" + w[2] for w in
                     words[bisect_left(starts, c.start):bisect_left(starts, c.end)]}
            feats.update(entity_feature(e.key) for e in
                         self.entities[bisect_left(es, c.start):bisect_left(es, c.end)])
            for q in self.quantities[bisect_left(qs, c.start):bisect_left(qs, c.end)]:
                feats.update(quantity_features(q))
            mine = f.features & feats
            total = sum(weights[x] for x in mine)
            if total > 0:
                senses = tuple((x, ms) for x, ms in f.senses if x in mine)
                out.append(Part(frozenset(mine), _probed(senses), total, _meaning_map(senses)))
        return tuple(out)


class ClauseIndex(CorpusIndex):
    """``CorpusIndex`` whose scores also weigh the claims told in clauses (see above).

    Many sources repeat one another's sentences, so one pair of wordings is met again in
    every pair of documents that tells it: its quotation and clause scores are kept per
    pair of *wordings* (a sentence's class with its text, names, figures and quotations,
    everything those scores read), not recomputed per pair of sentences.
    """

    def __init__(self, facts: Sequence[Sequence[SentenceFacts]], weights: dict[str, float],
                 parts: Sequence[DocumentClauses]) -> None:
        super().__init__(facts, weights)
        self.parts = parts
        self._told = [frozenset(f.normal for f in doc) for doc in facts]
        self._wording: list[array[int]] = [array("q", [-1]) * len(doc) for doc in facts]
        self._wordings: dict[tuple[object, ...], int] = {}
        self._quoted: dict[int, float] = {}
        self._clause: dict[int, float] = {}

    def score(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        ka, kb = self.klass[a[0]][a[1]], self.klass[b[0]][b[1]]
        whole = self._scores.get(ka << _SHIFT | kb)
        if whole is None:
            whole = self.class_score(ka, kb)
        if whole < THRESHOLD:
            fa, fb = self.facts[a[0]][a[1]], self.facts[b[0]][b[1]]
            if fa.quotes and fb.quotes:
                key = self._wording_of(a) << _SHIFT | self._wording_of(b)
                quoted = self._quoted.get(key)
                if quoted is None:
                    quoted = QUOTE_SHARE * quoted_alike(fa.quotes, fb.quotes)
                    if not quoted and quoted_part(fa.quotes, fb.quotes, self._named(a),
                                                  self._named(b)):
                        quoted = PART_SHARE
                    self._quoted[key] = quoted
                    self._bound()
                whole = max(whole, quoted)
        if whole <= CLAUSE_FLOOR or whole >= CLAUSE_TRIED:
            return whole  # next to nothing in common, or enough
        # The longer sentence's clauses against the shorter sentence: a long lead packs
        # several claims; two sentences of a length tell theirs whole.
        ta, tb = self._totals[ka], self._totals[kb]
        if max(ta, tb) < CLAUSE_LONGER * min(ta, tb):
            return whole
        (long_, short, k_short) = (a, b, kb) if ta >= tb else (b, a, ka)
        if self.facts[long_[0]][long_[1]].normal in self._told[short[0]]:
            return whole  # told word for word there: its claim has its partner
        key = self._wording_of(long_) << _SHIFT | k_short
        best = self._clause.get(key)
        if best is None:
            parts = self.parts[long_[0]].get(long_[1])
            other, weights = self._whole(short), self.weights
            best = max((clause_share(x, other, weights) for x in parts), default=-1.0)
            self._clause[key] = best
            self._bound()
        if best < 0:
            return whole  # one clause: nothing to read clause by clause
        return max(whole, CLAUSE_SHARE * best)

    def _wording_of(self, node: tuple[int, int]) -> int:
        """The number of a sentence's wording: its class, text, and the names, figures and
        quotations in it (by their offsets in the sentence)."""
        d, i = node
        w = self._wording[d][i]
        if w < 0:
            f = self.facts[d][i]
            base, end = f.sentence.start, f.sentence.end
            doc = self.parts[d]
            es, qs = doc._starts
            key = (
                self.klass[d][i], f.sentence.text,
                tuple((e.start - base, e.key) for e in
                      doc.entities[bisect_left(es, base):bisect_left(es, end)]),
                tuple((q.start - base, q.unit, q.value) for q in
                      doc.quantities[bisect_left(qs, base):bisect_left(qs, end)]),
                tuple((q.text, q.speaker) for q in f.quotes),
            )
            w = self._wordings.get(key, -1)
            if w < 0:
                w = self._wordings[key] = len(self._wordings)
            self._wording[d][i] = w
        return w

    def _named(self, node: tuple[int, int]) -> Callable[[int], str]:
        """The last person sentence ``node`` names before an offset (``partial_quotes``)."""
        doc = self.parts[node[0]]
        start = self.facts[node[0]][node[1]].sentence.start
        es = doc._starts[0]

        def named(offset: int) -> str:
            for e in reversed(doc.entities[bisect_left(es, start):bisect_left(es, offset)]):
                if e.label == "PERSON" and e.end <= offset:
                    return e.key.partition(":")[2] or e.text
            return ""

        return named

    def _bound(self) -> None:
        """Memory must not grow with the text: the kept scores are dropped when too many,
        and the wordings' numbers with them."""
        if len(self._quoted) + len(self._clause) + len(self._wordings) >= _WORDINGS:
            self._quoted.clear()
            self._clause.clear()
            self._wordings.clear()
            for row in self._wording:
                row[:] = array("q", [-1]) * len(row)

    def _whole(self, node: tuple[int, int]) -> Part:
        f = self.facts[node[0]][node[1]]
        return Part(f.features, _probed(f.senses), sum(self.weights[x] for x in f.features),
                    _meaning_map(f.senses))


_SHIFT = 32  # two numbers packed in one int key
_WORDINGS = 1 << 17  # kept wordings and scores, at most


QUOTE_SHARE = 0.6
# A few words quoted out of another report's longer quotation of one speaker: as strong as
# a pair of short sentences most of whose words are one rare word (``SINGLE_WORD``).
PART_SHARE = SINGLE_WORD
QUOTE_WORDS = 4  # words two renderings of a quote have in common, at least
QUOTE_AGREE = 0.6  # and that share of the shorter one's words


def quoted_alike(qa: Sequence[Quote], qb: Sequence[Quote]) -> float:
    """How far a quotation of one sentence is the other's worded differently (0..1): most
    of its words, small ones included, are the other's ("No family will be left alone" /
    "No family will be abandoned"), and no two different speakers said them."""
    best = 0.0
    for x in qa:
        wx = Counter(quote_words(x.text))
        for y in qb:
            if same_speaker(x.speaker, y.speaker) is False:
                continue
            wy = Counter(quote_words(y.text))
            common = sum((wx & wy).values())
            share = common / max(1, min(sum(wx.values()), sum(wy.values())))
            if common >= QUOTE_WORDS and share >= QUOTE_AGREE:
                best = max(best, share)
    return best


def _probed(senses: tuple[tuple[str, frozenset[int]], ...]
            ) -> tuple[tuple[str, frozenset[int], frozenset[int]], ...]:
    return tuple((feat, ms, meaning_probe(ms)) for feat, ms in senses)


def _meaning_map(senses: tuple[tuple[str, frozenset[int]], ...]) -> dict[int, str]:
    mm: dict[int, str] = {}
    for feat, ms in senses:
        for m in ms:
            mm.setdefault(m, feat)
    return mm


def clause_share(x: Part, y: Part, weights: dict[str, float]) -> float:
    """The sentence score's formula on two clauses, stricter: a clause is short, so it
    needs two things in common, one of them a word or a meaning (names or figures alone
    tell different things)."""
    shared = x.features & y.features
    total = sum(weights[f] for f in shared)
    n = len(shared)
    used: set[str] = set()
    get, keys = y.meanings.get, y.meanings.keys()
    for feat, ms, probe in x.senses:
        if feat in shared or keys.isdisjoint(probe):
            continue
        for m in ms:
            g = get(m) if m >= 0 else None
            if g is None:
                g = get(-m - 1)
            if g is not None and g not in shared and g not in used:
                used.add(g)
                total += SENSE_SHARE * min(weights[feat], weights[g])
                n += 1
                break
    if n < 2 or not (used or any(f[0] == "w" for f in shared)):
        return 0.0
    return min(1.0, total / math.sqrt(x.total * y.total))
