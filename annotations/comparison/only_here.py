"""Whether a sentence that found no counterpart is told by its source only: the evidence
behind the "+" mark.

A sentence without a partner is most often a claim the other sources tell in other words
("The coming fortnight is decisive" / "The next two weeks will be critical", "Six others
were hurt" / "Five other people were injured"): the aligner missed it, and marking it
"only this source tells it" would mislead the reader more than no mark. So a sentence is
marked only on strong evidence, against each other document:

* it gives something specific that document never gives: a name whose key and telling words
  it never writes (a wire dateline's place is where the report was filed, no name of its
  sentence), or a figure not near any of its values, of a unit it gives no figure of or
  written in digits (a count, an amount), a year it never gives, a date or a time of day when
  it gives none of that kind;
* and it shares no rarely given name with that document (a name each source writes in one
  sentence only is a claim the two tell, however they word the rest), a country or a region
  aside (named in passing).

Sharing no word is evidence only between documents in one language: a German report shares
no word with an English one whatever it tells, so across languages only a new name or figure
(keyed alike in every language) is.

Nor is a sentence marked when the aligner nearly paired it: a sentence of another document
scores with it as high as a pair the aligner keeps when each is the other's best ("The
58-year-old bridge is used by roughly 18,000 cars and lorries a day" beside "About 18,000
vehicles cross the bridge every day"). A new name or figure there is a detail one source adds
to a claim both tell.

Otherwise the sentence is left unmarked: no counterpart was found, but that is no proof.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sidelight.annotations.comparison.alignment import RELATIVE, CorpusIndex
from sidelight.annotations.comparison.features import (
    NUMERIC_LABELS,
    Mention,
    SentenceFacts,
    entity_feature,
)
from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.senses import kind_of, meanings
from sidelight.annotations.comparison.words import STOPWORDS, content_words
from sidelight.annotations.dateline import wire_dateline

# Figures that say when: their unit is the kind of fact ("a date", "a year").
WHEN_UNITS = frozenset({"date", "clock", "calendar-year", "weekday"})
# A span of time is told in many ways ("a fortnight" / "two weeks", "in four years" / "by
# 2030"): no evidence that another report does not tell it.
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "fortnight",
                            "month", "year", "decade", "duration"})
# Two figures this close (as a ratio) may be one figure as two reports give it
# ("20,000 homes" / "25,000 units", "1.2 million people" / "nearly one million residents").
NEAR_RATIO = 1.3
# A name another document gives in this many sentences at most, shared with the sentence,
# ties the two to one claim.
RARE_NAME = 1
# Content words, names and figures a sentence needs to tell a claim of its own.
CLAIM_TERMS = 3
_TO_READER = re.compile(r"\b(?:follow|e-?mail|contact|call|message|write to|subscribe to|join)"
                        r"\s+us\b|\bmin(?:ute)?s?\.? read\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_BY_PRONOUN = re.compile(r"\b(?:he|she)\s+(?:said|says|added|told|wrote|warned|"
                         r"insisted|explained)\b|\b(?:said|added)\s+(?:he|she)\b",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gives:
    """What one document gives that a sentence of another could retell."""

    names: frozenset[str]  # entity features ("e:maya sandhu")
    doubtful: frozenset[str]  # those of its names that are no evidence (``_doubtful``)
    name_counts: dict[str, int]  # how many of its claim sentences give each name
    stems: frozenset[str]  # the stem of every word its claims and names write
    features: frozenset[str]  # every feature of its claim sentences
    meanings: frozenset[int]  # every meaning of their words (``senses``)
    units: frozenset[str]
    values: tuple[float, ...]  # sorted values of its figures that are not dates or times
    language: str = ""  # the document's language ("" when unknown: taken as any other's)
    persons: frozenset[str] = frozenset()  # those of its names it calls a person
    whens: frozenset[tuple[str, float]] = frozenset()  # (unit, value) of its dates and years
    dateline: frozenset[str] = frozenset()  # names its wire dateline only gives
    dateline_at: int = -1  # where the sentence that opens with that dateline starts


def document_gives(text: str, facts: Sequence[SentenceFacts], entities: Sequence[Mention],
                   quantities: Sequence[Quantity], language: str = "") -> Gives:
    """``Gives`` of one document: names and figures from all its text (headline and
    furniture too: evidence must be strong, so anything it writes counts)."""
    named = [e for e in entities if e.label not in NUMERIC_LABELS]
    names = frozenset(entity_feature(e.key) for e in named)
    starts = {f.sentence.start for f in facts}
    sure = {entity_feature(e.key) for e in named if not _doubtful(text, e, starts)}
    # In how many sentences each name is given: a sentence gives a name as "e:" or, when
    # it only says who told it, "s:e:" (counted once).
    # Names a wire dateline gives ("LONDON, June 15 (Wire) - ") say where the report was
    # filed, not what its sentence tells.
    top = wire_dateline(text)
    at, filed = -1, frozenset[str]()
    if top is not None:
        lead = next((f.sentence for f in facts
                     if f.sentence.start <= top[0] < f.sentence.end), None)
        if lead is not None:
            at = lead.start
            inside = {entity_feature(e.key) for e in named if top[0] <= e.start < top[1]}
            after = {entity_feature(e.key) for e in named if top[1] <= e.start < lead.end}
            filed = frozenset(inside - after)
    counts: Counter[str] = Counter()
    for f in facts:
        counts.update({n for x in f.features if x[:2] == "e:" or x[:4] == "s:e:"
                       if (n := x if x[0] == "e" else x[2:]) not in filed
                       or f.sentence.start != at})
    values = sorted(q.value for q in quantities
                    if q.value is not None and q.unit not in WHEN_UNITS)
    # A word or name of what someone said ("s:w:channel") is the same word told plainly.
    features = frozenset(_plain(x) for f in facts for x in f.features)
    meanings = frozenset().union(*(ms for f in facts for _, ms in f.senses))
    # Every word it writes, as the stems of its word features and of its names' words
    # (read from the features, not from the text again: a long document has many).
    stems = {x[2:] for x in features if x[:2] == "w:"}
    for key in {e.key for e in named}:
        stems.update(_stems(key.split(":", 1)[-1]))
    persons = frozenset(entity_feature(e.key) for e in named if e.label == "PERSON")
    whens = frozenset((q.unit, q.value) for q in quantities
                      if q.value is not None and q.unit in WHEN_UNITS)
    return Gives(names, names - sure, dict(counts), frozenset(stems), features, meanings,
                 frozenset(q.unit for q in quantities), tuple(values), language, persons,
                 whens, filed, at)


def told_here_only(index: CorpusIndex,
                   accepted: dict[tuple[int, int], list[tuple[int, int, float]]],
                   gives: Sequence[Gives], near: float) -> set[tuple[int, int]]:
    """The ``(document, sentence)`` of every sentence to mark "+": without a partner in
    ``accepted`` (the aligner's pairs of sentences per pair of documents), ``only_here`` on
    evidence, and without a near counterpart: a candidate in another document (``index``:
    the aligner's; candidates share most of its rarest features, so the few sentences kept
    by strong evidence cost a handful of scores) that scores ``near`` with it, unless that
    candidate tells a claim of its own far better (its partner scores more than 1/RELATIVE
    times as much, as the aligner keeps a second partner only near the best: a headline
    paired with its lead shares words with many sentences it does not retell)."""
    # Each sentence's best partner score in each other document.
    best: dict[tuple[int, int, int], float] = {}
    for (a, b), pairs in accepted.items():
        for i, j, score in pairs:
            best[a, i, b] = max(best.get((a, i, b), 0.0), score)
            best[b, j, a] = max(best.get((b, j, a), 0.0), score)
    paired = {(d, i) for d, i, _ in best}
    out: set[tuple[int, int]] = set()
    for d, doc_facts in enumerate(index.facts):
        others = [g for j, g in enumerate(gives) if j != d]
        for i, f in enumerate(doc_facts):
            if (d, i) in paired or not only_here(f, gives[d], others,
                                                 doc_facts[i - 1] if i else None):
                continue
            if not any((sc := index.score((d, i), (od, j))) >= near
                       and sc >= RELATIVE * best.get((od, j, d), 0.0)
                       for od, js in index.candidates((d, i)).items() for j in js):
                out.add((d, i))
    return out


def only_here(f: SentenceFacts, own: Gives, others: Sequence[Gives],
              before: SentenceFacts | None = None) -> bool:
    """Whether ``f``, a sentence of the document that gives ``own``, is on strong evidence
    told by none of the documents ``others``; ``before`` is the claim sentence before it,
    whose names a pronoun in ``f`` may stand for."""
    if not others:
        return False
    if all(not g.features for g in others):
        return True  # the others tell nothing at all
    if not tells_claim(f):
        return False
    names = {n for x in f.features if (n := name_feature(x))}
    if f.sentence.start == own.dateline_at:
        names -= own.dateline
    sure = names - own.doubtful
    # "…," she said: the speaker is a person the sentence before names.
    speakers = frozenset(n for x in before.features
                         if (n := name_feature(x)) and n in own.persons) \
        if before is not None and not names and _BY_PRONOUN.search(f.sentence.text) \
        else frozenset()
    return all(_new_to(f, names, sure, own.persons, g, g.language == own.language, speakers)
               for g in others)


def tells_claim(f: SentenceFacts) -> bool:
    """Whether ``f`` says enough to be a claim of its own: a greeting, an answer ("Yes."),
    a credit ("Tom Becker in Houma."), a by-line's reading time or a page's plea to the
    reader ("For more news, follow us on …") tells none, and nobody needs to hear that
    only one source tells it."""
    said = sum(1 for x in f.features if x[:2] in ("w:", "e:") or x[:4] == "s:e:")
    return said + len(f.quantities) >= CLAIM_TERMS and not _TO_READER.search(f.sentence.text)


def _new_to(f: SentenceFacts, names: set[str], sure: set[str], persons: frozenset[str],
            g: Gives, same_language: bool, speakers: frozenset[str] = frozenset()) -> bool:
    # A country or a region is named in passing by reports of one story ("a probe by the US
    # and UK authorities", "Europe's space programme"): sharing it ties no claim.
    if any(g.name_counts.get(n, 0) and g.name_counts[n] <= RARE_NAME
           and n[2:] not in _broad_places() for n in names):
        return False
    # A quotation or claim a pronoun attributes to someone the other report names shares its
    # speaker with it ('"We are very sorry," he said' / 'Ferris apologised'): sharing no
    # word is then no evidence.
    return any(_new_name(n, g, n in persons) for n in sure) or _new_figures(f, g) or (
        same_language and _nothing_in_common(f, g, persons)
        and all(_new_name(n, g, n in persons) for n in speakers))


def _new_figures(f: SentenceFacts, g: Gives) -> bool:
    """Whether ``f`` gives a figure the other document does not. A date or year is only when
    the sentence gives no other figure the other document gives too: "25,000 new rental units
    by 2030" beside "20,000 rental homes in four years" is one pledge, the year a detail."""
    new = [q for q in f.quantities if _new_figure(q, g)]
    if not new or any(q.unit not in WHEN_UNITS for q in new):
        return bool(new)
    return not any(q.unit not in WHEN_UNITS and q.value is not None and _near(q.value, g)
                   for q in f.quantities)


@lru_cache(maxsize=1)
def _broad_places() -> frozenset[str]:
    """The keys of countries and of regions wider than one ("united states", "europe",
    "middle east"), from the entity recogniser's gazetteer."""
    data = resources.files("sidelight.annotations.entities") / "data"
    keys: set[str] = set()
    for line in (data / "places.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2] == "country":
            keys.add(parts[1])
    for line in (data / "places_extra.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and (parts[1] == "LOC" or parts[2] in keys):
            keys.add(parts[2])
    return frozenset(keys)


def _plain(feature: str) -> str:
    return feature[2:] if feature[:2] == "s:" else feature


def _nothing_in_common(f: SentenceFacts, g: Gives, persons: frozenset[str]) -> bool:
    """No word, name, figure or unit of ``f``, and no meaning of its words, is in the other
    document: no sentence there is even weakly like it ("I am confident.")."""
    if not f.features or any(_plain(x) in g.features for x in f.features):
        return False
    # Words read as a name are no word features ("Lifeboats from nearby towns…" beside
    # "by lifeboat"): they are looked up as words too, as a person's surname is.
    for x in f.features:
        if (n := name_feature(x)) and not _new_name(n, g, n in persons):
            return False
    # A meaning meets the same meaning, and a word that is a kind of it (as the aligner
    # weighs them: ``kind_of``).
    return not any((m >= 0 and m in g.meanings) or kind_of(m) in g.meanings
                   for _, ms in f.senses for m in ms)


def _doubtful(text: str, e: Mention, starts: set[int]) -> bool:
    """Whether a mention is weak evidence of a name the other documents do not give: a
    nationality ("Canadian", "Irish": another report writes "Canada's", "Ireland") or a
    word of the language capitalised only because it starts a sentence or a headline
    ("Harbour strike halts…", "Aftershocks of up to…")."""
    if e.label == "NORP":
        return True
    if " " in e.text.strip() or not meanings(e.text.strip().lower()):
        return False
    at = e.start
    # Back over what may open a sentence before it (a quotation mark, a dash).
    while at > 0 and at not in starts and not text[at - 1].isalnum() \
            and text[at - 1] != "\n":
        at -= 1
    return at == 0 or at in starts or text[at - 1] == "\n"


def _new_name(feature: str, g: Gives, person: bool = False) -> bool:
    if feature in g.names:
        return False
    words = _telling_words(feature)
    # A person is often named by surname alone, and a surname may be a word of the language
    # ("Dr Fiona Marsh" / "Marsh said"): one that the other writes may be the same person.
    if person and (last := _WORD.findall(feature[2:].lower())[-1:]) and last[0] not in words:
        words.append(last[0])
    # A telling word of a name ("Sandberg", "Harlan" in "Harlan County") written anywhere
    # in the other document may be the same person or place named another way.
    return bool(words) and not any(_written(w, g) for w in words)


def _telling_words(feature: str) -> list[str]:
    """The words of a name that tell which one it is: those that are no common word of the
    language ("Harlan", not "County"), else its last word ("Health" in "Ministry of
    Health")."""
    words = [w for w in _WORD.findall(feature[2:].lower())
             if len(w) >= 3 and w not in STOPWORDS]
    rare = [w for w in words if not meanings(w)]
    return rare or words[-1:]


def _written(word: str, g: Gives) -> bool:
    """Whether the other document writes ``word`` in some form ("Brandt's", "lifeboat")."""
    return any(x in g.stems for x in _stems(word))


@lru_cache(maxsize=65536)
def _stems(words: str) -> tuple[str, ...]:
    return tuple(stem for _, _, stem in content_words(words))


def _new_figure(q: Quantity, g: Gives) -> bool:
    if q.value is None or q.unit in DURATION_UNITS:
        return False
    if q.unit in WHEN_UNITS:
        if q.unit not in g.units:
            return True
        # A year the other never gives, when it gives others ("went into liquidation in
        # 2025"). Not a day: the other may give it as "next week" or "in the coming days",
        # nor a time of day, given in other zones and clocks.
        return q.unit == "calendar-year" and (q.unit, q.value) not in g.whens
    # A figure of a unit the other gives too counts when it is written in digits: a word
    # ("half", "a quarter point") is as often a manner of speaking or a share the other
    # writes in another unit ("the second half of 2027", "25 basis points").
    if q.unit in g.units and not any(c.isdigit() for c in q.text):
        return False
    return not _near(q.value, g)


def _near(value: float, g: Gives) -> bool:
    """Whether the other document gives a figure near ``value`` (of any unit but a date)."""
    i = bisect.bisect_left(g.values, value / NEAR_RATIO)
    return i < len(g.values) and g.values[i] <= value * NEAR_RATIO


def name_feature(x: str) -> str:
    """The name of an entity feature, whether the sentence tells it or says it told it."""
    if x[:2] == "e:":
        return x
    if x[:4] == "s:e:":
        return x[2:]
    return ""
