"""What a sentence is compared by: its content words, numbers and entity keys.

Feature names carry a prefix so that kinds never collide: ``w:`` a content-word stem, ``e:``
an entity key (its words are not counted again as words, so "Mark Zuckerberg" and
"Zuckerberg" meet when the recogniser gives them one key; only the company words ending a
full name, "Systems" in "Cisco Systems", stay words), ``n:`` a quantity's unit and
value, ``u:`` only its unit (two sentences that both give a percentage have something in
common even when the percentages differ).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from sidelight.annotations.comparison.attribution import attribution_spans, told_on
from sidelight.annotations.comparison.numbers import NUMBER_WORDS, Quantity
from sidelight.annotations.comparison.quantities import is_joined
from sidelight.annotations.comparison.quotes import Quote, unmarked_speech
from sidelight.annotations.comparison.senses import kind_of, meanings
from sidelight.annotations.comparison.sentences import Sentence
from sidelight.annotations.comparison.words import (
    WORD,
    content_word_forms,
    content_words,
    normalise_text,
)
from sidelight.annotations.entities.keys import company_tail

# Labels whose mentions are numbers or dates: ``numbers`` compares those by value.
NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
)
UNIT_WEIGHT = 0.5  # a shared unit alone is weaker evidence than a shared word


class Mention(Protocol):
    """An entity mention as ``annotations.entities`` produces it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def key(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    sentence: Sentence
    features: frozenset[str]
    quantities: tuple[Quantity, ...]
    quotes: tuple[Quote, ...]
    normal: str
    # Each content word's feature and the WordNet meanings of the word ("w:hurt", {…}).
    senses: tuple[tuple[str, frozenset[int]], ...] = ()


# Figures that say when: one fact, not also a bare value and its words ("on Tuesday" is
# the date it names, once).
_WHEN_UNITS = frozenset({"date", "clock", "calendar-year"})


def quantity_features(q: Quantity) -> tuple[str, ...]:
    if q.unit == "age" or is_joined(q):
        # "Hale, 58," says who he is, "a six-week trial" which trial: compared within a
        # claim, never what makes two sentences one claim.
        return ()
    unit = f"u:{q.unit}"
    if q.value is None:
        return (unit,)
    near = _near(q)
    if q.value >= 10:
        # The figure alone: "200,000 people" and "200,000 employees" count one thing.
        return (unit, f"n:{q.unit}:{q.value:g}", f"v:{q.value:g}", *near)
    return (unit, f"n:{q.unit}:{q.value:g}", *near)


# A count or an amount this close to another of its unit is often one figure as two
# reports give it ("about ten thousand acres" / "12,400 acres", "40 trapped" / "37
# miners"), and so is a time of day ("6:15 p.m." / "18:30"): each figure gets two buckets,
# the second shifted by half a bucket, so that two figures less than half a bucket apart
# share at least one. Counts and amounts are bucketed by size (a quarter of a power of
# ten), times by two hours. Dates, years, shares and scales are not: a story's events fall
# on a few days, and its percentages and magnitudes are often near without being one.
_NEAR_STEPS = 4.0
_CLOCK_HOURS = 2.0
_NOT_NEAR = frozenset({"", "date", "calendar-year", "percent", "points", "magnitude"})


def _near(q: Quantity) -> tuple[str, ...]:
    if q.unit in _NOT_NEAR or q.value is None or q.value <= 0:
        return ()
    x = (q.value / (60.0 * _CLOCK_HOURS) if q.unit == "clock"
         else math.log10(q.value) * _NEAR_STEPS)
    return (f"b:{q.unit}:{math.floor(x)}", f"c:{q.unit}:{math.floor(x + 0.5)}")


def sentence_facts(
    text: str,
    sentences: Sequence[Sentence],
    entities: Sequence[Mention],
    quantities: Sequence[Quantity],
    quotes: Sequence[Quote],
) -> list[SentenceFacts]:
    """The facts of each sentence, gathered in one pass over each list (all in text order)."""
    named = sorted((e for e in entities if e.label not in NUMERIC_LABELS), key=lambda e: e.start)
    words, written = content_word_forms(text)
    starts = [w[0] for w in words]
    # Each word's feature and meanings, looked up once per spelling (a sentence takes the
    # meanings of the first of its words with a feature that has any).
    keys = list(map(_word_key, (w[2] for w in words)))
    means = list(map(_word_meanings, written))
    qs = sorted(quantities, key=lambda q: q.start)
    quote_list = sorted(quotes, key=lambda q: q.start)
    out: list[SentenceFacts] = []
    wi = ei = qi = qq = 0
    for s in sentences:
        feats: set[str] = set()
        while ei < len(named) and named[ei].end <= s.start:
            ei += 1
        k = ei
        while qq < len(quote_list) and quote_list[qq].end <= s.start:
            qq += 1
        # Who told a claim is not the claim: the words and names of an attribution clause
        # are features of their own (``s:``), which meet only another report's source.
        # A quotation's speaker is part of what is quoted.
        quoted = qq < len(quote_list) and quote_list[qq].start < s.end
        said = [] if quoted else attribution_spans(s)
        # Words inside entity spans are counted as the entity; the number words of a
        # quantity ("million", "roughly") as the quantity.
        spans: list[tuple[int, int]] = []
        owners: list[tuple[int, str]] = []  # (end, name word) of whom a figure may be
        while k < len(named) and named[k].start < s.end:
            e = named[k]
            k += 1
            if said and any(a <= e.start < b for a, b in said):
                feats.add("s:" + entity_feature(e.key))
                spans.append((e.start, e.end))
                continue
            feats.add(entity_feature(e.key))
            if e.label in _OWNERS and not _SPEAKS.match(text, e.end, min(s.end, e.end + 60)):
                owners += [(e.end, w) for w in _name_words(e.key)]
            ts, te = company_tail(e.text) if e.label == "ORG" else (0, 0)
            if ts < te:
                # "Cisco Systems" and "Cisco" share a key, which then says only which
                # company; the words of the full name still tell two sentences that
                # introduce it (usually the leads) from the ones that just name it.
                spans += [(e.start, e.start + ts), (e.start + te, e.end)]
            else:
                spans.append((e.start, e.end))
        while qi < len(qs) and qs[qi].start < s.start:
            qi += 1
        j = qi
        sq: list[Quantity] = []
        while j < len(qs) and qs[j].start < s.end:
            q = qs[j]
            j += 1
            if q.unit in _WHEN_UNITS and (
                    (said and any(a <= q.start < b for a, b in said)) or told_on(text, q.start)):
                continue  # when the source spoke ("said in its Friday update"): no claim
            sq.append(q)
            feats.update(quantity_features(q))
        spans.sort()
        qspans = [(q.start, q.end) for q in sq]
        when = [(q.start, q.end) for q in sq if q.unit in _WHEN_UNITS]
        wi = bisect_left(starts, s.start, wi)
        last = bisect_left(starts, s.end, wi)
        if sq:
            # "On an adjusted basis, …", "Excluding one-off items, …": the sentence's figures
            # after those words are adjusted measures.
            adjusted = [ws for ws, _, stem in _words_in(words, wi, s.start, s.end)
                        if stem in ADJUSTED_STEMS]
            sq = [replace(q, context=(c := _context(text, words, wi, s, q)),
                          subjects=frozenset(f for end, f in owners if end <= q.start),
                          standing=_standing(q, c, adjusted) | _position(text, q),
                          share=share_of(text, words, wi, s, q),
                          role=q.role or date_role(text, s.start, q))
                  for q in sq]
        senses: dict[str, frozenset[int]] = {}
        if not (said or spans or qspans) and (last == wi or text.find(
                "-", s.start, max(s.end, words[last - 1][1]) + 1) < 0):
            # Nothing in the sentence to leave out and no compound (most sentences): every
            # word counts.
            ks = keys[wi:last]
            feats.update(ks)
            for feat, m in zip(ks, means[wi:last], strict=True):
                if m and feat not in senses:
                    senses[feat] = m
        else:
            si = 0
            for j in range(wi, last):
                ws, we, stem = words[j]
                while si < len(spans) and spans[si][1] <= ws:
                    si += 1
                if said and any(a <= ws < b for a, b in said):
                    if not any(a <= ws < b for a, b in spans):
                        feats.add("s:" + _word_key(stem))
                elif not (si < len(spans) and spans[si][0] <= ws < spans[si][1]) and not (
                    qspans and _in_number(text, ws, we, qspans)
                ) and not (when and any(a <= ws < b for a, b in when)):
                    feat = keys[j]
                    feats.add(feat)
                    if feat not in senses and means[j]:
                        senses[feat] = means[j]
                    if text.startswith("-", we):
                        _compound(text, ws, we, feats, senses)
        # Quotes never overlap one another, so their ends are in order too.
        while qq < len(quote_list) and quote_list[qq].end <= s.start:
            qq += 1
        j = qq
        sent_quotes: list[Quote] = []
        while j < len(quote_list) and quote_list[j].start < s.end:
            # Only the part of a quotation inside this sentence: a long speech spans
            # many sentences, and each is compared with its own counterpart.
            q = quote_list[j]
            qs_, qe_ = max(q.start, s.start), min(q.end, s.end)
            while qs_ < qe_ and not text[qs_].isalnum():
                qs_ += 1
            while qe_ > qs_ and not text[qe_ - 1].isalnum():
                qe_ -= 1
            if qs_ < qe_:
                sent_quotes.append(Quote(text[qs_:qe_], qs_, qe_, q.speaker))
            j += 1
        if not sent_quotes:
            speech = unmarked_speech(text, s.start, s.end, s.speaker)
            if speech is not None:
                sent_quotes.append(speech)
        out.append(SentenceFacts(s, frozenset(feats), tuple(sq), tuple(sent_quotes),
                                 normalise_text(s.text), tuple(senses.items())))
    return out


# Parts of a day belong to how a date or time is written ("on Tuesday night", "Wednesday
# night, March 4"), not to what it dates: two dates of different events share them.
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "tonight", "overnight",
                       "dawn", "dusk", "midnight", "noon", "midday", "day", "today",
                       "yesterday", "tomorrow", "week", "weekend", "local", "time"})
CONTEXT_BEFORE = 5  # content words before a figure that say what it counts
CONTEXT_AFTER = 4


def _context(text: str, words: list[tuple[int, int, str]], first: int, s: Sentence,
             q: Quantity) -> frozenset[str]:
    """Stems and meanings of the content words around ``q`` inside sentence ``s``
    (``first``: the index of the first word at or after the sentence start)."""
    before: list[tuple[int, int, str]] = []
    after: list[tuple[int, int, str]] = []
    skip = NUMBER_WORDS | DAY_PARTS if q.unit in _WHEN_UNITS else NUMBER_WORDS
    j = first
    while j < len(words) and words[j][0] < s.end:
        ws, we, stem = words[j]
        if text[ws:we].lower() not in skip:
            if we <= q.start:
                before.append(words[j])
            elif ws >= q.end and len(after) < CONTEXT_AFTER:
                after.append(words[j])
        j += 1
    out: set[str] = set()
    # A time of day times the event its sentence tells, however far ahead the sentence
    # names it ("The blast, thought to have been caused by gas, struck at about 18:30").
    reach = len(before) if q.unit == "clock" else CONTEXT_BEFORE
    for ws, we, stem in before[max(0, len(before) - reach):] + after:
        out.add(stem)
        out.update(f"m:{m}" for m in _word_meanings(text[ws:we]) if m >= 0)
    # What happened to the people counted: the figure's own words ("14 missing") say it,
    # else its own clause only ("72 rescued, but survivors said" says nothing of the
    # survivors about 72; in "nine dead and 14 missing" each figure has its own).
    clause = [w for w in before if not _CLAUSE_END.search(text, w[1], q.start)] + [
        w for w in after if not _CLAUSE_END.search(text, q.end, w[0])]
    # What someone expected or forecast, its own clause says ("against expectations of
    # $1.45", "the $4.6bn analysts had expected").
    out.update(f"x:{w[2]}" for w in clause if w[2] in EXPECTED_STEMS)
    own = {f"o:{OUTCOMES[stem]}" for ws, we, stem in _words_in(words, first, q.start, q.end)
           if stem in OUTCOMES}
    if own:
        return frozenset(out | own)
    out.update(f"o:{OUTCOMES[w[2]]}" for w in clause if w[2] in OUTCOMES)
    return frozenset(out)


# Words beside a share that say how it moved or was won, not what it is a share of.
_SHARE_VERBS = frozenset(stem for _, _, stem in content_words(
    "fell rose stood stands reached hit came comes totalled totals accounted accounts "
    "represented represents made makes took takes won wins got gets received receives secured "
    "captured garnered polled scored ended closed opened edged added slipped jumped cut "
    "raised rate level mark just nearly almost roughly around some estimated cent percent "
    "percentage point points basis"))
_SHARE_UNITS = frozenset({"percent", "points"})
SHARE_BEFORE = 3
SAID = "!"  # in a share: its sentence says outright what it is of ("of the vote")
PROGRESS = "@"  # in a share: it tells how far a count has got ("of ballots counted")
_OF_PHRASE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|all|this|these|those)\s+)?",
                        re.IGNORECASE)
_ADJACENT = re.compile(r"[\s-]+")


def share_of(text: str, words: list[tuple[int, int, str]], first: int, s: Sentence,
             q: Quantity) -> frozenset[str]:
    """What a share or a move in points is of (``Quantity.share``): the words of its own
    clause just before it ("turnout was", "Kestrel shares tumbled"), its "of" phrase ("of the
    vote", "of eligible voters") or the noun it qualifies ("a 25% tariff")."""
    if q.unit not in _SHARE_UNITS:
        return frozenset()
    before = [w for w in _words_in(words, first, s.start, q.start)
              if not _CLAUSE_END.search(text, w[1], q.start)]
    picked = [w for w in before if w[2] not in _SHARE_VERBS][-SHARE_BEFORE:]
    after = _words_in(words, first, q.end, s.end)
    of = _OF_PHRASE.match(text, q.end)
    said = set()
    if after and of is not None:
        # "of the vote", "of eligible voters": the share is of that, whoever won it.
        picked = []
        said.add(SAID)
        at = of.end()
        for w in after[:3]:
            if w[0] != at and not _ADJACENT.fullmatch(text[at:w[0]]):
                break  # "of the vote in the referendum": the share is of the vote
            picked.append(w)
            at = w[1]
            if text[w[0]:w[1]].lower().endswith(("ed", "ing")) and len(picked) > 1:
                # "of votes counted", "of precincts reporting": how far a count has got,
                # a share of another kind than "of the vote".
                said.add(PROGRESS)
                break
    elif after and _ADJACENT.fullmatch(text[q.end:after[0][0]]) \
            and after[0][2] not in _SHARE_VERBS:
        picked.append(after[0])
        said.add(SAID)
    if not picked:
        return frozenset()
    out = {w[2] for w in picked} | said
    # Meanings, and what a noun is a kind of ("staff" and "workforce" are personnel).
    out.update(f"#{m}" if m >= 0 else f"^{kind_of(m)}"
               for w in picked for m in _word_meanings(text[w[0]:w[1]]))
    return frozenset(out)


def _words_in(words: list[tuple[int, int, str]], first: int, start: int, end: int
              ) -> list[tuple[int, int, str]]:
    """The words (from index ``first`` on) inside ``start``..``end``."""
    out = []
    j = first
    while j < len(words) and words[j][0] < end:
        if words[j][0] >= start:
            out.append(words[j])
        j += 1
    return out


_CLAUSE_END = re.compile(r"[,;:—–()]|\s-\s")
# Words that give a figure as an expectation, by stem.
EXPECTED_STEMS = frozenset({"expect", "expectation", "forecast", "predict", "anticipat",
                            "consensu"})
EXPECTED = frozenset("x:" + w for w in EXPECTED_STEMS)
ADJUSTED_STEMS = frozenset({"adjust", "exclud", "underly", "gaap"})


def _standing(q: Quantity, context: frozenset[str], adjusted: list[int]) -> frozenset[str]:
    """What kind of figure ``q`` is besides its unit (``Quantity.standing``); a date or a
    time is when something happens, expected or not."""
    if q.unit in _WHEN_UNITS:
        return frozenset()
    out = []
    if any(w in EXPECTED for w in context if w[:2] == "x:"):
        out.append("expected")
    if any(a < q.start for a in adjusted):
        out.append("adjusted")
    return frozenset(out)


# The word before a date or a year that says which point of the story it is.
_ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(("until", "till", "to", "through", "by"), "end"),
    **dict.fromkeys(("since", "from"), "start"),
    **dict.fromkeys(("on", "at", "in"), "at"),
    "before": "before", "after": "after",
}
_ROLE = re.compile(r"\b(" + "|".join(_ROLE_WORDS) + r")\s+(?:the\s+)?$", re.IGNORECASE)


# Years of what is counted, not of the claim: "SUVs built between 2023 and 2025", "cars
# made in 2019".
_MADE = re.compile(r"\b(?:built|made|produced|manufactured|assembled|sold)\s+(?:in|between|"
                   r"from|since|before|after|during)\s+(?:(?:19|20)\d\d\s*(?:and|to|-|–)\s*)?$",
                   re.IGNORECASE)


def date_role(text: str, start: int, q: Quantity) -> str:
    """``Quantity.role`` of a date or a year of the sentence starting at ``start``."""
    if q.unit not in ("date", "calendar-year"):
        return ""
    if q.unit == "calendar-year" and _MADE.search(text, max(start, q.start - 40), q.start):
        return "made"
    m = _ROLE.search(text, max(start, q.start - 16), q.start)
    return _ROLE_WORDS[m.group(1).lower()] if m else ""


# A distance before one of these is a place along a route ("from the 30-kilometre mark"),
# not a distance covered ("the last 12 kilometres").
_POSITION = re.compile(r"\s+(?:mark|point|marker|post)\b", re.IGNORECASE)


def _position(text: str, q: Quantity) -> frozenset[str]:
    """``Quantity.standing`` "position" for a distance that says where, not how far."""
    if q.unit in _DISTANCES and _POSITION.match(text, q.end):
        return frozenset({"position"})
    return frozenset()


_DISTANCES = frozenset({"km", "kilometre", "kilometer", "mile", "metre", "meter", "m",
                        "yard", "foot", "feet", "ft"})


# Whose a figure is: a person or organisation named before it, unless it only speaks
# ("Mwila said 237 new infections", "Olsen, the runner-up, told supporters").
_OWNERS = frozenset({"PERSON", "ORG"})
_SPEAKS = re.compile(
    r"(?:,[^,.;]{1,40},)?\s+(?:\w+\s+){0,1}(?:said|says|told|tells|added|stated|announced|"
    r"confirmed|reported|wrote|warned|estimated)\b", re.IGNORECASE)
# What a count of people in the news says happened to them, by word stem: two figures
# with different outcomes (the rescued and the missing, the dead and those on board) are
# never two reports of one figure.
OUTCOMES: dict[str, str] = {
    **dict.fromkeys(("~kill", "fatality", "toll", "perish", "body", "drown"), "dead"),
    **dict.fromkeys(("~injure", "hurt", "hospitalis", "hospitaliz", "hospital", "treat"),
                    "hurt"),
    **dict.fromkeys(("miss", "trapp", "unaccount", "search"), "missing"),
    **dict.fromkeys(("rescu", "sav", "survivor", "surviv", "aliv"), "rescued"),
    **dict.fromkeys(("evacuat", "evacuation", "evacuee", "displac", "homeless", "flee",
                     "fled"), "evacuated"),
    **dict.fromkeys(("arrest", "detain", "detention", "jail"), "arrested"),
}


_LABEL = re.compile(r"[A-Z_]+:")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_NAME = frozenset({"the", "and", "for"})


@lru_cache(maxsize=65536)
def _name_words(key: str) -> frozenset[str]:
    """The words of an entity key: one organisation or person named in full in one report
    and in part in another ("the National Assembly" / "the Assembly") shares them."""
    m = _LABEL.match(key)
    return frozenset(w for w in _NAME_WORD.findall((key[m.end():] if m else key).lower())
                     if w not in _NOT_NAME)


@lru_cache(maxsize=65536)
def entity_feature(key: str) -> str:
    """The feature of an entity key, without its label: the recogniser may call one name a
    place in one sentence and a person or an organisation in the next ("Castel di Sangro"),
    and two sentences that give the same name still name the same thing."""
    m = _LABEL.match(key)
    return "e:" + (key[m.end():] if m else key)


@lru_cache(maxsize=131072)
def _word_key(stem: str) -> str:
    """One string per word feature: a long document repeats its words, and every sentence's
    feature set would otherwise hold its own copies."""
    return "w:" + stem


@lru_cache(maxsize=131072)
def _word_meanings(word: str) -> frozenset[int]:
    return meanings(word.lower().replace("’", "'"))


def _compound(text: str, ws: int, we: int, feats: set[str],
              senses: dict[str, frozenset[int]]) -> None:
    """A hyphenated compound read as the one word it is in WordNet ("take-offs" ->
    takeoff, a kind of departure; "e-mail" -> email): its halves alone mean other things."""
    m = WORD.match(text, we + 1)
    if m is None:
        return
    joined = text[ws:m.end()].replace("-", "")
    ms = _word_meanings(joined)
    if ms:
        stems = content_words(joined)
        feat = _word_key(stems[0][2] if len(stems) == 1 else joined.lower())
        feats.add(feat)
        senses.setdefault(feat, ms)


def _in_number(text: str, start: int, end: int, qspans: list[tuple[int, int]]) -> bool:
    return text[start:end].lower() in NUMBER_WORDS and any(
        s <= start < e for s, e in qspans
    )


def feature_weights(all_facts: Sequence[Sequence[SentenceFacts]]) -> dict[str, float]:
    """Inverse document frequency of each feature over every sentence of every document:
    a word that is in every sentence says nothing about which sentences match."""
    df: Counter[str] = Counter()
    n = 0
    for facts in all_facts:
        for f in facts:
            df.update(f.features)
            n += 1
    weights = {}
    for feat, count in df.items():
        w = math.log(1.0 + n / count)
        # A unit alone, a figure (which another source may well give differently) or who
        # told a claim is weaker evidence than a shared word.
        weights[feat] = w * UNIT_WEIGHT if feat[:2] in ("u:", "n:", "s:", "b:", "c:") else w
    return weights
