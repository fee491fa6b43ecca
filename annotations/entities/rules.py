"""The rule-based engine: gazetteers, name shape and document-level evidence.

One regular-expression pass finds every candidate (capitalised spans, numbers, dates); each
distinct capitalised span is analysed once per document (cached), then a document pass makes
the labels consistent: a surname takes its full name's label, an acronym its long form's,
a word left in doubt at the start of a sentence or in a headline is kept only when the
document names it elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import compress
from operator import attrgetter

from .gazetteer import Gazetteer, for_language
from .keys import Row, acronym_definitions, link_rows
from .languages import full_support, lexicon, lower_entities, patterns
from .lexicon import ENGLISH, Lexicon
from .model import Entity
from .patterns import (
    AGENCY_DATELINE,
    ANY_NUMBER,
    BRACKET_ACRONYM,
    DATELINE_END,
    LOWER_WORD,
    NUMBER_START,
    PROSE_WORD,
    RARE_CURRENCY,
    RIC_TAIL,
    SIGNED_NUMBER,
    SPEAKER,
)

# Confidence levels of a mention: the document pass lets stronger evidence decide.
AMBIG = -1    # a gazetteer name that is also a common word, at a sentence start ("Apple")
NEED = 0      # kept only if the document names it elsewhere
GUESS = 1     # label by default (an unknown capitalised word is an organisation)
SHAPE = 2     # name shape (first name + surname, bracketed acronym, context cue)
SURE = 3      # gazetteer, title, organisation suffix, number pattern

_SCAN_LABEL = {
    "date": "DATE", "year": "DATE", "duration": "DATE", "money": "MONEY",
    "percent": "PERCENT", "time": "TIME", "quantity": "QUANTITY", "ordinal": "ORDINAL",
    "cardinal": "CARDINAL", "numword": "CARDINAL",
}
_OPENERS = frozenset(".!?:;\n|•>")
_SKIP_BACK = frozenset(" \t\"“”‘’'([{*_")
_QUOTES = frozenset("\"“‘")
_PREFIX_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
# "X state media" is a country's press, not a state called X.
_STATE_NOT_PLACE = frozenset(("media", "television", "tv", "news", "broadcaster", "agency",
                              "newspaper", "radio", "company", "firm", "department"))
# Nouns whose "in" is a share of a company, not a place ("a stake in", "invested in").
_HOLDING_NOUNS = frozenset(("stake", "stakes", "shares", "share", "interest", "investment",
                            "invest", "invested", "investing", "investor", "investors", "holding",
                            "holdings", "position", "role", "jobs", "job", "career", "work",
                            "worked", "works", "working", "confidence", "trust", "changes"))
# Names of measuring scales ("the Richter Scale"): no organisation.
_SCALE_WORDS = frozenset(("Scale", "scale"))
_PLACE_OF = tuple(f"{w} of " for w in
                  ("town", "city", "village", "province", "state", "region", "district", "capital"))
_NAME_SYLLABLE = re.compile(r"-[a-z]{1,3}(?:-|$)")
_NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))
_ONE_PRONOUN_BEFORE = frozenset((
    "the", "this", "that", "which", "no", "any", "each", "every", "only", "another", "wrong",
    "right", "other", "last", "first", "new", "old", "same", "next", "latest", "big", "good",
    "bad", "little", "such", "a"))
_KEEP_SURE = frozenset(("PERSON", "GPE", "NORP"))
_AND_CO = frozenset(("Co.", "Co", "Company", "Sons"))
_WEB_TLDS = (".com", ".org", ".net", ".io")
# Company-form words written after a comma ("Maritime Industries, Inc."): part of the name.
_COMMA_SUFFIX = frozenset(("Inc.", "Inc", "Ltd.", "Ltd", "LLC", "LLP", "Corp.", "Corp", "Co.",
                           "plc", "PLC", "S.A.", "AG", "N.V.", "NV", "SA", "L.P.", "LP"))
_COMMA_SUFFIX_STARTS = tuple(_COMMA_SUFFIX)

# Verbs of links and buttons on news pages ("Get Report", "Read More", "Show Less").
_UI_VERBS = frozenset((
    "Get", "Read", "Sign", "Click", "Learn", "Watch", "See", "Subscribe", "Download", "Show",
    "View", "Follow", "Share", "Log", "Buy", "Join", "Continue", "Load", "Listen", "Tap"))

Result = tuple[int, int, str, int]   # start, end (relative to the span), label, confidence
# Where a span stands: ``initial`` is False mid-sentence, True at a sentence start, HEAD on a
# title-case or capitals line (a headline), where every word is capitalised.
HEAD = 2
_ANALYSIS_CACHE_MAX = 200_000
_PRECISE_NUMBERS = frozenset(("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_AFTER = re.compile(r"[ \u00a0]\d{4}(?!\d)")
_START = attrgetter("start")
_WORD_AFTER = re.compile(r"[\w-]+")


def _doubt(span: str, res: list[Result]) -> tuple[int, int] | None:
    """Where in ``span`` its one doubtful word stands, when that is its whole reading and the
    word cannot be joined to a company form after a comma ("Industries, Inc.")."""
    if len(res) == 1:
        a, b, label, conf = res[0]
        if conf == NEED and label == "ORG" and span[a:b] not in _COMMA_SUFFIX:
            return a, b
    return None


# A capitalised word or span that reads as a common word (an organisation kept only if the
# document names it elsewhere: ``NEED``): start, end, and whether it stood mid-sentence.
# Most of them are dropped (in German every noun is one), so they are kept apart from the
# mentions as plain tuples, and only those the document pass keeps become mentions. Those
# that touch another candidate (an amount over them, a comma, a line break) go the way of
# every mention instead, so that the result is the same.
Doubtful = tuple[int, int, bool]
Reading = tuple[bool, list[Result], bool, "tuple[int, int] | None"]


class Mention:
    __slots__ = ("conf", "end", "label", "mid", "start")

    def __init__(self, start: int, end: int, label: str, conf: int, mid: bool = False) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.conf = conf
        self.mid = mid   # capitalised in mid-sentence, outside a headline


# Inflected forms of common words ("Refuting", "Regulators", "Shortly"): suffix, replacement,
# grouped by the last letter so most names are turned away by one lookup.
_INFLECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "s": (("s", ""), ("es", ""), ("ers", ""), ("ers", "e"), ("ies", "y")),
    "d": (("ed", ""), ("ed", "e")),
    "g": (("ing", ""), ("ing", "e")),
    "y": (("ly", ""), ("ily", "y")),
}
# Stems shorter than this are no evidence ("Carly" is no "car" + "ly").
_MIN_STEM = 4


def _is_common(gz: Gazetteer, word: str) -> bool:
    low = word.lower()
    if gz.compound_nouns and "ß" in low:
        low = low.replace("ß", "ss")   # the German list is written as its source folds it
    common = gz.common_words
    if low in common:
        return True
    for suf, repl in _INFLECTIONS.get(low[-1:], ()):
        if low.endswith(suf) and len(low) >= len(suf) + _MIN_STEM \
                and low[: -len(suf)] + repl in common:
            return True
    return gz.compound_nouns and _is_compound(common, low)


# German plural and case endings, stripped to find a noun's stem ("Investitionen").
_NOUN_ENDINGS = ("en", "n", "e", "es", "s", "er", "ern")
# The last part of a German compound is its head ("Datenschutz|skandal"); a head of this many
# letters or more is evidence that the whole is a common noun.
_MIN_HEAD = 5
# Heads that end family names and place names as often as nouns ("Zuckerberg", "Weidmann",
# "Pfaffenhofen"): never evidence alone.
_NAME_HEADS = ("berg", "burg", "mann", "stein", "feld", "dorf", "heim", "hausen", "hofen",
               "bach", "brück", "brunn", "meier", "meyer", "müller", "schmidt", "thal", "kirchen",
               "hagen", "stadt", "furt", "ingen", "leben", "rode", "werder", "horst", "wald")


def _is_compound(common: frozenset[str], low: str) -> bool:
    if low.endswith(_NAME_HEADS) or len(low) < _MIN_HEAD + 3:
        return False
    for cut in range(3, len(low) - _MIN_HEAD + 1):
        head = low[cut:]
        if head in common:
            return True
        for end in _NOUN_ENDINGS:
            if head.endswith(end) and len(head) - len(end) >= _MIN_HEAD \
                    and head[: -len(end)] in common:
                return True
    return False


class _Analyser:
    """Context-free analysis of one capitalised span, cached per document run."""

    def __init__(self, gz: Gazetteer, lx: Lexicon = ENGLISH) -> None:
        self.gz = gz
        self.lx = lx
        self.cache: dict[tuple[str, bool], list[Result]] = {}
        self.sens: dict[str, bool] = {}
        # What the pass over the text needs of a span, mid-sentence [0] and at a start [1].
        self.readings: tuple[dict[str, Reading], dict[str, Reading]] = ({}, {})
        # Spans that are one doubtful word wherever they stand, or None (see the method).
        self.anywhere: dict[str, tuple[int, int] | None] = {}

    def doubtful_anywhere(self, span: str) -> tuple[int, int] | None:
        """The doubtful word the span stands for both at a sentence start and mid-sentence,
        read the same on a headline, not in capitals: then where it stands does not matter."""
        mid = self.reading(span, False)
        start = self.reading(span, True)
        if mid[0] or mid[2] or start[2] or mid[3] is None or mid[3] != start[3]:
            return None
        return mid[3]

    def reading(self, span: str, initial: bool) -> Reading:
        """A span's analysis where it stands (mid-sentence or at a sentence start) and what
        the pass over the text asks of it, worked out once per span: whether it is in
        capitals, whether a headline would read it differently, and the doubtful word
        (start, end) it stands for, if it is no more than one (see ``Doubtful``)."""
        hit = self.readings[initial].get(span)
        if hit is None:
            res = self.analyse(span, initial)
            sensitive = (" " in span) if initial else self.sensitive(span)
            hit = self.readings[initial][span] = (
                span.isupper() and len(span) > 1, res, sensitive, _doubt(span, res))
        return hit

    def analyse(self, span: str, initial: int) -> list[Result]:
        key = (span, initial)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._span(span, initial)
        return hit

    def sensitive(self, span: str) -> bool:
        """Whether the span reads differently at a sentence start (then headlines matter)."""
        hit = self.sens.get(span)
        if hit is None:
            mid = self.analyse(span, False)
            hit = self.sens[span] = self.analyse(span, True) != mid or (
                # A headline after a name ("Read more: AMD's Lisa Su Redoubles ...")
                " " in span and self.analyse(span, HEAD) != mid)
        return hit

    # -- whole spans -------------------------------------------------------------------
    def _span(self, span: str, initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        found = gz.names.get(span)
        if found is not None:
            return [self._gaz(span, 0, found, initial)]
        words = span.split(" ")
        offs: list[int] = []
        pos = 0
        for w in words:
            offs.append(pos)
            pos += len(w) + 1
        if span.isupper() and any(len(w) > 1 for w in words):
            return self._allcaps(span, words, offs, initial)
        # A trailing number belongs to a name ("Boeing 737"), never stands in for one.
        if words[-1].isdigit():
            rest = " ".join(words[:-1])
            res = self._span(rest, initial) if rest else []
            if res and res[-1][1] == len(rest) and res[-1][3] >= GUESS \
                    and res[-1][2] in ("ORG", "PRODUCT", "FAC", "EVENT"):
                res[-1] = (res[-1][0], len(span), res[-1][2], res[-1][3])
            # Otherwise the number is left to the number scanner ("Nearly 40 states").
            return res
        for c in range(2, len(words) - 1):
            if words[c] in lx.title_core and words[c - 1] in lx.org_ends:
                head = " ".join(words[:c])
                hf = self.gz.names.get(head)
                if hf is not None and hf[0] == "ORG":
                    return [(0, len(head), "ORG", SURE),
                            *self._group(words[c:], offs[c:], False)]
                break
        # Split at connectors unless they belong inside the name, and at capitalised function
        # words of title-case headlines ("Warren To McCain").
        groups: list[tuple[int, int]] = []
        start = 0
        i = 0
        n = len(words)
        joined = False
        while i < n:
            w = words[i]
            if w in lx.connectors and not w[:1].isupper():
                j = i
                while j < n and words[j] in lx.connectors:
                    j += 1
                if joined or self._keep_connector(words, start, i, j):
                    joined = True
                else:
                    groups.append((start, i))
                    start = j
                i = j
            elif i > start and not w.isupper() and w.lower() in lx.stopwords and not (
                    # "Marine Le Pen", "Bruno Le Maire": a capitalised particle inside a name
                    w.lower() in lx.name_particles and words[i - 1] in self.gz.first_names
                    and i + 1 < n and words[i + 1][:1].isupper()):
                groups.append((start, i))
                start = i + 1
                i += 1
            else:
                i += 1
        groups.append((start, n))
        out: list[Result] = []
        for gi, (a, b) in enumerate(groups):
            if a >= b:
                continue
            # On a headline every group reads like a sentence start.
            ini = initial if gi == 0 or initial == HEAD else False
            out.extend(self._group(words[a:b], offs[a:b], ini))
        return out

    def _keep_connector(self, words: list[str], start: int, i: int, j: int) -> bool:
        lx = self.lx
        conn = words[i]
        if j < len(words) and words[j] in lx.date_words:
            return False   # "the Supreme Court on Nov 11": the date is not part of the name
        if conn == "&":
            return True
        if conn in lx.name_particles:
            # Where nouns are capitalised, "von" joins a name only after a given name or a
            # name ("Ursula von der Leyen"), not after a noun ("Nachfolger von Carlo Ancelotti").
            prev = words[i - 1] if i > 0 else ""
            return not lx.capitalises_nouns or prev in self.gz.first_names or (
                not _is_common(self.gz, prev))
        if conn == "and" and j == len(words) - 1 and words[j] in _AND_CO:
            return True   # "Wells Fargo and Co.", "Johnson and Sons"
        prev = words[i - 1] if i > 0 else ""
        if conn in lx.of_words and (prev in lx.org_head or prev in lx.org_suffix):
            return True
        if conn == "on" and prev in lx.org_head:
            return True
        return (conn == "and" and j < len(words) and words[-1] in lx.org_suffix
                and any(w in lx.org_head for w in words[start:i]))

    def _allcaps(self, span: str, words: list[str], offs: list[int], initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        if len(words) == 1:
            w = words[0]
            titled = w.title()
            found = gz.names.get(titled)
            if found is not None and len(w) > 3:
                return [(0, len(w), found[0], SURE if not initial else SHAPE)]
            if w in lx.non_entity_acronyms or w in lx.title_core or titled in lx.title_core:
                return []
            letters = sum(c.isalpha() for c in w)
            if 2 <= letters <= 5 and not any(c.isdigit() for c in w):
                # Page furniture in capitals ("SHARE", "MORE") needs the document's word for
                # it; short acronyms that spell a word (WHO, ACT) are too often real ones.
                conf = NEED if letters >= 4 and _is_common(gz, w) else GUESS
                return [(0, len(w), "ORG", conf)]
            if titled in gz.first_names or titled in gz.surnames or not _is_common(gz, w):
                return [(0, len(w), "ORG", NEED)]
            return []
        # Acronyms the gazetteer knows keep their own reading ("CNN ANCHOR").
        out: list[Result] = []
        for w, o in zip(words, offs, strict=True):
            found = gz.names.get(w)
            if found is not None and len(w) <= 5:
                out.append((o, o + len(w), found[0], SHAPE))
        if out:
            return out
        titled = span.title()
        if len(titled) != len(span) or titled.isupper():
            return []
        # A line in capitals reads like a headline: only what the gazetteers know, or the
        # document confirms, survives.
        res = self._span(titled, HEAD)
        return [(a, b, lab, min(conf, SHAPE)) for a, b, lab, conf in res]

    def _gaz(self, text: str, rel: int, found: tuple[str, str], initial: int) -> Result:
        label = found[0]
        conf = SURE
        if (initial or label == "PERSON") and " " not in text and not text.isupper() \
                and text not in self.gz.major_places and _is_common(self.gz, text):
            # "Apple hopes", "Sun rises": needs the document's word for it.
            conf = AMBIG
        return (rel, rel + len(text), label, conf)

    def _portfolio_word(self, w: str) -> bool:
        """An ordinary word that can name a minister's portfolio ("Affairs", "Cyber")."""
        lx = self.lx
        gz = self.gz
        return (w not in lx.org_ends and w not in gz.names and w not in gz.first_names
                and w[1:2].islower() and _is_common(gz, w))

    # -- connector-free groups ---------------------------------------------------------
    def _group(self, words: list[str], offs: list[int], initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        while words and words[0] in lx.drop_lead:
            words, offs = words[1:], offs[1:]
            initial = initial if initial == HEAD else False
        if not words:
            return []
        n = len(words)
        text = " ".join(words)
        base = offs[0]
        found = gz.names.get(text)
        if found is not None:
            return [self._gaz(text, base, found, initial)]
        if n == 1:
            return self._single(words[0], base, initial)
        if lx.capitalises_nouns:
            # Every noun is capitalised, so a common noun glues to the name after it ("Firma
            # Cambridge Analytica", "Sender Channel 4"): the name starts at its first word
            # that is no common noun. (After the name, a common word may be a surname that
            # is also a word, so the end stays.)
            k0 = 0
            while k0 < n - 1 and words[k0] not in gz.first_names and words[k0] not in gz.names \
                    and words[k0] not in lx.title_any and not words[k0].isupper() \
                    and _is_common(gz, words[k0]):
                k0 += 1
            if 0 < k0 < n - 1 or (k0 == n - 1 and not _is_common(gz, words[k0])):
                return self._group(words[k0:], offs[k0:], False)
            # A common noun after a name of two words or more ("Cambridge Analytica Fehler
            # eingeräumt") is the sentence's, not the name's.
            if n >= 3 and words[-1] not in lx.org_ends and words[-1] not in gz.names \
                    and _is_common(gz, words[-1]) and not _is_common(gz, words[-2]) \
                    and not any(w in gz.first_names or w in lx.title_any for w in words) \
                    and gz.names.get(words[0], ("",))[0] != "NORP":
                return self._group(words[:-1], offs[:-1], initial)
        if (n <= 3 and words[0] in _UI_VERBS and all(_is_common(gz, w) for w in words)) or (
                n == 2 and words[0] == "Big" and words[1] not in gz.names):
            # Link and button text ("Get Report", "Read More") and the press's collective
            # nouns ("Big Tech", "Big Oil"): capitalised, repeated, never a name.
            return []
        if words[0].lower() in lx.number_words and " ".join(words[1:]) in gz.names:
            # "Six U.S. senators": the count is no part of the name
            return [(base, base + len(words[0]), "CARDINAL", SURE),
                    *self._group(words[1:], offs[1:], False)]
        if initial == HEAD:
            # A headline capitalises its verbs and nouns too ("Acacia Stock Rises", "Cisco
            # Agrees"): the name ends at its last word that is not an ordinary word, and a run
            # of ordinary words between two names parts them ("China Approves AMD", "Ottawa
            # Halts Hong Kong").
            namey = [not _is_common(gz, w) or w in gz.first_names or w in gz.names
                     or w in lx.name_ends
                     # A surname after a given name or a title may be a word ("Tim Cook",
                     # "President Trump").
                     or (k == 1 and words[0] in gz.first_names)
                     or (k > 0 and words[k - 1] in lx.personal_titles)
                     for k, w in enumerate(words)]
            for k in range(1, n):
                kf = gz.names.get(words[k])
                if kf is not None and kf[0] in ("ORG", "GPE", "NORP") and namey[k - 1] \
                        and not _is_common(gz, words[k - 1]) and words[k - 1] not in lx.name_ends:
                    # A known name after another name's words: a verb stood between them
                    # ("Lisa Su Redoubles Intel Challenge").
                    return [*self._group(words[:k], offs[:k], initial),
                            (offs[k], offs[k] + len(words[k]), kf[0], SURE),
                            *self._group(words[k + 1:], offs[k + 1:], initial)]
            keep = max((k + 1 for k in range(n) if namey[k]), default=0)
            if 0 < keep < n:
                return self._group(words[:keep], offs[:keep], initial)
            first_name = namey.index(True) if keep else 0
            for k in range(first_name + 1, n - 1):
                if namey[k - 1] and not namey[k]:
                    j = k
                    while not namey[j]:
                        j += 1
                    return (self._group(words[:k], offs[:k], initial)
                            + self._group(words[j:], offs[j:], initial))

        # Titles split a span: what precedes is classified alone, what follows is a person.
        t0 = -1
        for k, w in enumerate(words):
            if w in lx.title_any or (w in lx.plural_titles and k < n - 1):
                t0 = k
                break
        if t0 >= 0:
            t1 = t0
            has_core = False
            while t1 < n and (words[t1] in lx.title_any or words[t1] in lx.plural_titles):
                has_core = has_core or words[t1] in lx.title_core or words[t1] in lx.plural_titles
                t1 += 1
            if not has_core:
                # A portfolio of ordinary words inside the title ("Home Affairs Minister").
                j = t1
                while j < n and self._portfolio_word(words[j]):
                    j += 1
                if j < n - 1 and words[j] in lx.title_core:
                    t1 = j
                    while t1 < n and words[t1] in lx.title_any:
                        t1 += 1
                    has_core = True
            if has_core and t1 < n:
                # ...and before it ("Cyber Security Minister"), but never a known name.
                if words[t0] not in lx.title_core and " ".join(words[:t0]) not in gz.names:
                    while t0 > 0 and self._portfolio_word(words[t0 - 1]):
                        t0 -= 1
                out = self._group(words[:t0], offs[:t0], initial) if t0 else []
                rest, roffs = words[t1:], offs[t1:]
                rtext = " ".join(rest)
                rfound = gz.names.get(rtext)
                if rfound is not None and rfound[0] != "PERSON":
                    out.append((roffs[0], roffs[0] + len(rtext), rfound[0], SURE))
                elif rest[0] in lx.connectors or all(w in lx.org_ends for w in rest):
                    # "General Court", "Court of Justice": the title word names the body
                    return [(base, base + len(text), "ORG", SHAPE)]
                elif initial == HEAD and len(rest) == 1 and rest[0][-1:] == "s" \
                        and _is_common(gz, rest[0]):
                    pass   # a headline's verb after a noun ("Judge Approves", "Mayor Quits")
                elif words[t1 - 1] in lx.personal_titles or any(
                        not _is_common(gz, w) or w in gz.first_names for w in rest):
                    out.append((roffs[0], roffs[0] + len(rtext), "PERSON", SURE))
                return out
            if has_core and t1 == n and t0 > 0 and words[t0] in lx.title_core:
                return self._group(words[:t0], offs[:t0], initial)

        first = words[0]
        # A day or month glued to the name after it ("On Friday Canada joined").
        if first in lx.weekdays or (first in lx.months and first not in lx.ambiguous_months):
            return [(base, base + len(first), "DATE", SURE),
                    *self._group(words[1:], offs[1:], False)]
        # A web name ends a byline's name ("By Peter Nurse Investing.com").
        for k in range(1, n):
            if words[k].endswith(_WEB_TLDS):
                return [*self._group(words[:k], offs[:k], initial),
                        (offs[k], offs[k] + len(words[k]), "ORG", SHAPE),
                        *self._group(words[k + 1:], offs[k + 1:], False)]
        # Sentence-initial common word glued to a name ("Meanwhile Facebook").
        if initial and (_is_common(gz, first) or first.lower() in lx.stopwords) \
                and first not in gz.first_names \
                and first not in gz.names and words[-1] not in lx.org_suffix:
            return self._group(words[1:], offs[1:], False)

        # Hyphenated compound whose left part is a known name ("Facebook-Cambridge Analytica").
        if "-" in first:
            left, _, right = first.partition("-")
            lf = gz.names.get(left)
            if lf is not None and right[:1].isupper():
                out = [(base, base + len(left), lf[0], SURE)]
                rwords = [right, *words[1:]]
                roffs = [base + len(left) + 1, *offs[1:]]
                return out + self._group(rwords, roffs, False)

        last = words[-1]
        if last in _SCALE_WORDS:
            return []   # "Richter Scale", "Mercalli Scale": a measure, not a body
        if len(last) == 1 and _is_common(gz, words[-2]):
            return [(base, base + len(text), "ORG", NEED)]   # "Group D", "Plan B"
        if last in lx.org_suffix:
            if initial == HEAD and all(_is_common(gz, w) for w in words):
                # "Shareholders Ask Court": a headline's words; the body must name it
                return [(base, base + len(text), "ORG", NEED)]
            return [(base, base + len(text), "ORG", SURE)]
        if first in lx.org_head and "of" in words:
            return [(base, base + len(text), "ORG", SURE)]

        # A known place or group followed by another known name or a person: two entities.
        f0 = gz.names.get(first)
        if lx.demonym_titles and f0 is not None and f0[0] == "NORP" and all(
                w[1:2].islower() and w not in gz.names and not _is_common(gz, w)
                for w in words[1:]) and n <= 4:
            # "le Slovène Tadej Pogacar": the nationality stands where a title would
            return [(base, base + len(first), "NORP", SURE),
                    (offs[1], base + len(text), "PERSON", SHAPE)]
        if f0 is not None and f0[0] in ("GPE", "NORP"):
            rest_text = " ".join(words[1:])
            rf = gz.names.get(rest_text)
            if f0[0] == "GPE" and rf is not None and rf[0] == "ORG" and n > 2 and (
                    words[1] in lx.org_head or words[-1] in lx.org_suffix):
                return [(base, base + len(text), "ORG", SHAPE)]
            w1 = gz.names.get(words[1])
            if words[1] in gz.first_names or rest_text in gz.names or (
                    # "Florida Republican Michael Bilirakis"
                    n > 2 and w1 is not None and w1[0] in ("GPE", "NORP")
                    and words[2] in gz.first_names):
                return [(base, base + len(first), f0[0], SURE),
                        *self._group(words[1:], offs[1:], False)]
        if last in lx.fac_suffix:
            return [(base, base + len(text), "FAC", SHAPE)]
        if last in lx.loc_suffix:
            return [(base, base + len(text), "LOC", SHAPE)]
        if last in lx.gpe_suffix and (f0 is not None or not _is_common(gz, first)):
            return [(base, base + len(text), "GPE", SHAPE)]

        if last.rpartition("-")[2] in lx.org_suffix and "-" in last:
            return [(base, base + len(text), "ORG", SHAPE)]   # "Regina Leader-Post"
        if n <= 3 and first in gz.surname_first and all(
                w[1:2].islower() and not _is_common(gz, w) for w in words[1:]):
            return [(base, base + len(text), "PERSON", SHAPE)]   # "Meng Wanzhou"
        if first in gz.first_names and n <= 4 and not any(w in lx.org_suffix for w in words[1:]):
            return [(base, base + len(text), "PERSON", SURE)]
        if any(w in lx.org_suffix for w in words[1:]):
            return [(base, base + len(text), "ORG", SURE)]   # "Contingency Fund for Emergencies"
        commons = [_is_common(gz, w) for w in words]
        places = [w in gz.names and gz.names[w][0] == "GPE" for w in words]
        if n <= 3 and last in gz.surnames and not commons[0] and not places[0]:
            return [(base, base + len(text), "PERSON", SHAPE)]
        if all(commons):
            if initial:
                # A title-case headline: each word on its own ("Apple Unveils New").
                out = []
                for w, o in zip(words, offs, strict=True):
                    out.extend(self._single(w, o, True) if w not in gz.names
                               else [self._gaz(w, o, gz.names[w], True)])
                return out
            return [(base, base + len(text), "ORG", NEED)]
        if n <= 3 and not any(commons) and not any(places) and all(w[1:2].islower() for w in words):
            return [(base, base + len(text), "PERSON", GUESS)]
        return [(base, base + len(text), "ORG", GUESS)]

    def _single(self, w: str, base: int, initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        end = base + len(w)
        low = w.lower()
        if len(w) == 1 or (low in lx.stopwords and not w.isupper()):
            return []
        if low in lx.number_words:
            return [(base, end, "CARDINAL", SURE)]
        if w in lx.weekdays:
            return [(base, end, "DATE", SURE)]
        if w in lx.months:
            return [(base, end, "DATE", NEED if w in lx.ambiguous_months else SURE)]
        if w in lx.title_core or w in lx.non_entity_acronyms:
            return []
        if "-" in w:
            left, _, right = w.partition("-")
            lf = gz.names.get(left)
            rf = gz.names.get(right)
            if lf is not None and rf is not None:
                return [(base, base + len(left), lf[0], SURE),
                        (base + len(left) + 1, end, rf[0], SURE)]
            if lf is not None and not right[:1].isdigit():
                return [(base, base + len(left), lf[0], SURE),
                        *self._single(right, base + len(left) + 1, False)]
            if rf is not None and left.isupper() and len(left) > 2:
                # A wire slug before the name ("FACTBOX-European", "UPDATE-Google").
                return [(base + len(left) + 1, end, rf[0], SURE)]
        if w.isupper():
            return self._allcaps(w, [w], [0], initial) if base == 0 else [
                (base + a, base + b, lab, c)
                for a, b, lab, c in self._allcaps(w, [w], [0], initial)]
        if _NAME_SYLLABLE.search(w):
            return [(base, end, "PERSON", GUESS)]   # Sohail-ur-Rehman, Jong-un
        common = _is_common(gz, w)
        if w in gz.first_names and not common:
            return [(base, end, "PERSON", GUESS)]
        if common:
            return [(base, end, "ORG", NEED)]
        return [(base, end, "ORG", GUESS)]


def _may_join(text: str, a: int, b: int) -> bool:
    """Whether the word at ``a:b`` may be joined to a neighbour by ``_join_parts``: a given
    name ending the line before it ("Richard\nBlumenthal"), a company form after its comma
    ("Industries, Inc.")."""
    return (text[a - 1:a] == "\n" and a > 1 and text[a - 2] != "\n") or (
        text[b:b + 2] == ", " and text.startswith(_COMMA_SUFFIX_STARTS, b + 2))


def _undefer(doubtful: list[Doubtful], out: list[Mention],
             touches: Callable[[Doubtful], bool]) -> list[Doubtful]:
    """Moves the doubtful words for which ``touches`` holds into ``out`` as mentions."""
    rest: list[Doubtful] = []
    for d in doubtful:
        if touches(d):
            out.append(Mention(d[0], d[1], "ORG", NEED, d[2]))
        else:
            rest.append(d)
    return rest


def _undefer_overlapping(text: str, doubtful: list[Doubtful], out: list[Mention],
                         others: list[Mention]) -> list[Doubtful]:
    """Moves the doubtful words that overlap one of ``others`` (an amount over "Milliarden
    Euro") into ``out``, where the overlap is settled as for every mention."""
    starts: list[int] = []
    keep = bytearray()
    for o in others:
        # To overlap a capitalised word, a mention holds its capital or starts inside it.
        s = o.start
        if not (s and (text[s - 1].isalnum() or text[s - 1] in "_'’&-.")):
            seg = text[s:o.end]
            if seg == seg.lower():
                continue
        if not starts:
            starts = [d[0] for d in doubtful]
            keep = bytearray(b"\x01") * len(doubtful)
        i = bisect_left(starts, o.end) - 1
        while i >= 0 and doubtful[i][1] > o.start:
            if keep[i]:
                keep[i] = 0
                d = doubtful[i]
                out.append(Mention(d[0], d[1], "ORG", NEED, d[2]))
            i -= 1
    return list(compress(doubtful, keep)) if keep else doubtful


def _after_boundary(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``rx``, which opens with the one character that must precede a word (no
    letter, digit, "_" or "-"), over the text with a space before it, so that a word at the
    very start counts too; offsets are one more than the text's. A match that ends on such a
    character lends it to the next one, as a look-behind would."""
    src = " " + text
    pos = 0
    while True:
        for m in rx.finditer(src, pos):
            yield m
            end = m.end()
            last = src[end - 1]
            # (Rare: only an amount's symbol or abbreviation's dot ends a match so.)
            if not (last.isalnum() or last in "_-") and rx.match(src, end - 1) is not None:
                pos = end - 1
                break
        else:
            return


def _table_lines(text: str) -> list[tuple[int, int]]:
    """Lines of numbers with signs and little prose: stock tables and ticker debris."""
    out: list[tuple[int, int]] = []
    last_line = -1
    hits = [m for rx in SIGNED_NUMBER for m in rx.finditer(text)]
    hits.sort(key=lambda m: m.start())
    for m in hits:
        ls = text.rfind("\n", 0, m.start()) + 1
        if ls == last_line:
            continue
        last_line = ls
        if m.start() and text[m.start() - 1].isalnum():
            continue
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        line = text[ls:le]
        if len(line) < 200 and len(ANY_NUMBER.findall(line)) >= 2 \
                and len(LOWER_WORD.findall(line)) <= 2:
            out.append((ls, le))
    return out


def _on_headline(text: str, at: int, heads: dict[int, bool]) -> bool:
    """Whether offset ``at`` is on a short line with no lower-case prose word (a title-case or
    capitals headline); cached per line start in ``heads`` for one pass over the text."""
    ls = text.rfind("\n", 0, at) + 1
    head = heads.get(ls)
    if head is None:
        le = text.find("\n", at)
        le = len(text) if le < 0 else le
        head = heads[ls] = le - ls <= 200 and PROSE_WORD.search(text, ls, le) is None
    return head


class RuleRecognizer:
    """The default engine: offline, no model, linear in the text."""

    name = "rules"

    def __init__(self, gazetteer: Gazetteer | None = None, language: str = "en") -> None:
        self._gz = gazetteer
        self._an: _Analyser | None = None
        self.language = language
        # Languages without their own data are read for high-precision entities only.
        self.precise_only = not full_support(language)
        self.lx = lexicon(language)
        self.pt = patterns(language)
        self._lower = lower_entities(language)

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gz is None:
            self._gz = for_language(self.language)
        return self._gz

    def recognize(self, text: str) -> list[Entity]:
        return link_rows([text], [self.rows(text)])[0]

    def rows(self, text: str) -> list[Row]:
        """``(start, end, label, text)`` of every entity, before keys are given."""
        ms = self._precise(text) if self.precise_only else self._mentions(text)
        return [(m.start, m.end, m.label, text[m.start:m.end]) for m in ms]

    def _precise(self, text: str) -> list[Mention]:
        """High-precision entities for a language the rules were not written for: amounts in
        digits, dates in ISO form and names exactly as the gazetteer knows them — no guess
        from capitals, which mean something else in every language."""
        out = [m for m in self._numbers(text)
               if m.label in _PRECISE_NUMBERS or (
                   m.label == "DATE" and _ISO_DATE.fullmatch(text, m.start, m.end))]
        names = self.gazetteer.names
        for m in self.pt.capspan.finditer(text):
            s = m.start()
            if s and text[s - 1].isalnum():
                continue
            found = names.get(m.group())
            if found is not None and (found[0] != "PERSON" or " " in m.group()) \
                    and not _is_common(self.gazetteer, m.group()):
                out.append(Mention(s, m.end(), found[0], SURE))
        out.sort(key=lambda x: (x.start, -x.end))
        kept: list[Mention] = []
        end = -1
        for m in out:
            if m.start >= end:
                kept.append(m)
                end = m.end
        return kept

    # -- the pass over the text --------------------------------------------------------
    def _analyser(self) -> _Analyser:
        # The analysis of a span depends on the gazetteer alone, so it is kept across documents
        # (the stories read side by side name the same people); bounded, so a long session
        # cannot grow it without end.
        an = self._an
        if an is None or len(an.cache) > _ANALYSIS_CACHE_MAX:
            an = self._an = _Analyser(self.gazetteer, self.lx)
        return an

    def _mentions(self, text: str) -> list[Mention]:
        an = self._analyser()
        out, doubtful = self._capitalised(text, an)
        tail = self.pt.name_tail
        if tail is not None:
            doubtful = _undefer(doubtful, out, lambda d: text[d[1]:d[1] + 1] == " " and (
                self._may_tail(text, d[1]) and tail.match(text, d[1]) is not None))
            self._name_tails(text, out, tail)
        others = self._numbers(text)
        for am in AGENCY_DATELINE.finditer(text):
            ls = text.rfind("\n", 0, am.start()) + 1
            if am.start() - ls <= 40 and text[ls:ls + 1].isupper():
                others.append(Mention(am.start(1), am.end(1), "ORG", SURE))
        if doubtful and others:
            doubtful = _undefer_overlapping(text, doubtful, out, others)
        out.extend(others)
        # Capitalised and numeric candidates may overlap ("Channel 4", "March 22, 2018"):
        # the one that starts first, then the longer, wins.
        out.sort(key=_START)
        kept: list[Mention] = []
        end = -1
        for m in out:
            if m.start >= end:
                kept.append(m)
                end = m.end
            elif m.start == kept[-1].start and m.end > end:
                kept[-1] = m   # of two that start together, the longer
                end = m.end
        kept = self._join_parts(text, kept, self.gazetteer)
        tables = _table_lines(text)
        if tables:
            kept = [m for m in kept if not any(a <= m.start < b for a, b in tables)]
            doubtful = [d for d in doubtful if not any(a <= d[0] < b for a, b in tables)]
        return self._document_pass(text, kept, doubtful)

    def _join_parts(self, text: str, ms: list[Mention], gz: Gazetteer) -> list[Mention]:
        """Join what the scan cut at a comma: "Industries, Inc." and "Saturday 26 Apr 2014";
        and a name cut by the line break of hard-wrapped wire copy ("Richard\nBlumenthal")."""
        lx = self.lx
        out: list[Mention] = []
        for m in ms:
            if out and m.start - out[-1].end <= 2:
                p = out[-1]
                gap = text[p.end:m.start]
                if gap == "\n" and p.label == "PERSON" and m.label in ("PERSON", "ORG") \
                        and m.conf <= SHAPE and text[p.start:p.end] in gz.first_names \
                        and " " not in text[m.start:m.end] \
                        and text[m.start:m.end] not in gz.names:
                    p.end = m.end
                    continue
                if gap in (", ", " ") and (
                        (p.label == "ORG" and gap == ", "
                         and text[m.start:m.end] in _COMMA_SUFFIX)
                        or (p.label == m.label == "DATE" and text[p.start:p.end] in lx.weekdays
                            and text[m.start:m.start + 1].isdigit())):
                    p.end = m.end
                    p.conf = max(p.conf, m.conf)
                    continue
            out.append(m)
        return out

    def _capitalised(self, text: str, an: _Analyser) -> tuple[list[Mention], list[Doubtful]]:
        """The mentions of the capitalised spans, and apart from them the doubtful ones (see
        ``Doubtful``)."""
        out: list[Mention] = []
        doubtful: list[Doubtful] = []
        heads: dict[int, bool] = {}
        skip_until = -1
        initial_of = self._initial
        readings = an.readings
        reading = an.reading
        # Where every noun is capitalised, most spans are one doubtful word wherever they
        # stand: those skip the sentence-start test (see ``_Analyser.anywhere``).
        anywhere = an.anywhere if self.lx.capitalises_nouns else None
        # Where every noun is capitalised, a capital mid-sentence is no evidence (see the
        # document pass), so its headline check is skipped.
        nouns_capitalised = self.lx.capitalises_nouns
        # (The scanner starts no span right after a letter or digit.)
        for m in self.pt.capspan.finditer(text):
            s = m.start()
            if s < skip_until:
                continue
            span = m.group()
            if anywhere is not None:
                doubt = anywhere.get(span)
                if doubt:
                    a = s + doubt[0]
                    b = s + doubt[1]
                    # (The common case first, without a call: no line break before, no comma
                    # after.)
                    if (text[a - 1:a] != "\n" and text[b:b + 2] != ", ") \
                            or not _may_join(text, a, b):
                        doubtful.append((a, b, False))
                        continue
            if s > 1 and text[s - 1] == " ":
                # Fast paths: after a letter and a space, or a comma and a space, a word is
                # mid-sentence; after a full stop (or another opener) and a space, it starts
                # one. Anything else is for ``_initial`` to tell.
                p2 = text[s - 2]
                if p2.isalpha() or p2 == ",":
                    initial = False
                elif p2 in _OPENERS:
                    initial = True
                else:
                    initial = initial_of(text, s)
            else:
                initial = initial_of(text, s) if s else True
            got = readings[initial].get(span)
            if got is None:
                got = reading(span, initial)
                if anywhere is not None:
                    anywhere[span] = an.doubtful_anywhere(span)
            upper, res, sensitive, doubt = got
            if upper:
                if RIC_TAIL.match(text, m.end()) is not None:
                    continue   # "AMZN.O": a ticker, not a name
                # A transcript speaker label starts its line in capitals.
                ls = text.rfind("\n", 0, s) + 1
                if s - ls < 14:
                    sm = SPEAKER.match(text, ls)
                    if sm is not None:
                        out.extend(self._speaker(text, sm, an))
                        skip_until = sm.end()
                        continue
            mid = not initial and not nouns_capitalised
            # Title-case and capitals lines read like sentence starts throughout, and
            # capitalise ordinary words after a name.
            if sensitive and _on_headline(text, s, heads):
                res = an.analyse(span, HEAD)
                doubt = _doubt(span, res)
                mid = False
            if not res:
                continue
            if mid and res[0][3] == NEED:
                # Capitalised on a title-case line is no sign of a name ("500 Points").
                mid = not _on_headline(text, s, heads)
            if doubt is not None:
                a = s + doubt[0]
                b = s + doubt[1]
                if not _may_join(text, a, b):
                    doubtful.append((a, b, mid))
                    continue
            for a, b, label, conf in res:
                out.append(Mention(s + a, s + b, label, conf, mid))
            if res[-1][2] == "DATE":
                # "March 22, 2018": the day and year belong to the month.
                dm = self.pt.month_date.match(text, s + res[-1][0])
                if dm is not None:
                    out[-1] = Mention(dm.start(), dm.end(), "DATE", SURE)
        return out, doubtful

    def _numbers(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        numeric = self.pt.numeric
        starts = [m.start() for m in NUMBER_START.finditer(text)]
        for sym in RARE_CURRENCY:
            i = text.find(sym)
            while i >= 0:
                starts.append(i)
                i = text.find(sym, i + 1)
        if len(starts) > 1:
            starts.sort()
        end = -1
        for s in starts:
            if s < end:
                continue
            prev = text[s - 1] if s else " "
            if text[s].isdigit() and (
                    prev.isalnum() or (prev in ".,/:" and s > 1 and text[s - 2].isdigit())):
                continue
            m = numeric.match(text, s)
            if m is None:
                continue
            end = m.end()
            kind = m.lastgroup or "cardinal"
            start = s
            if kind == "money" and text[s] == "$":
                # "US$500", "NT$154 million", "U.S.$5 million": the country prefix (capitals,
                # maybe dotted) belongs to the amount.
                j = s
                while j > 0 and s - j < 4 and (text[j - 1] in _PREFIX_CHARS):
                    j -= 1
                while j < s and text[j] == ".":
                    j += 1
                if j < s and (j == 0 or not text[j - 1].isalnum()):
                    start = j
            elif kind == "cardinal" and text[s:end].startswith(("+", "-")):
                continue
            elif kind == "alnum":
                found = self.gazetteer.names.get(text[s:end])
                if found is not None:
                    out.append(Mention(s, end, found[0], SURE))
                elif sum(c.isupper() for c in text[s:end]) >= 3:
                    out.append(Mention(s, end, "ORG", GUESS))   # "1MDB"; not "5G", "3D"
                continue
            out.append(Mention(start, end, _SCAN_LABEL[kind], SURE))
        spelled = self.pt.spelled_number
        if spelled is not None:
            for m in spelled.finditer(text):
                unit = m.group("unit")
                if m.group("n") == "one" and not unit and not m.group("cur"):
                    # "the wrong one lost", "this one matters": a pronoun, not an amount
                    w = text[max(0, m.start() - 12):m.start()].rsplit(None, 1)
                    if w and w[-1].lower().strip("“\"(") in _ONE_PRONOUN_BEFORE:
                        continue
                label = "CARDINAL"
                if m.group("cur"):
                    label = "MONEY"
                elif unit:
                    u = unit.strip(" -")
                    label = "PERCENT" if u.startswith("per") else (
                        "TIME" if u[:1] in "hms" and not u.startswith("mon") else "DATE")
                out.append(Mention(m.start("n"), m.end(), label, SURE))
        if self.pt.lower is not None:
            out.extend(self._lower_words(text, self.pt.lower))
        return out

    def _name_tails(self, text: str, ms: list[Mention], tail: re.Pattern[str]) -> None:
        """Names that end in lower-case adjectives: the gazetteer's ("Union européenne") and
        bodies whose head says so ("Conseil fédéral", "Office national")."""
        names = self.gazetteer.names
        heads = self.lx.org_head
        for m in ms:
            if text[m.end:m.end + 1] != " " or not self._may_tail(text, m.end):
                continue
            tm = tail.match(text, m.end)
            if tm is None:
                continue
            # The longest name the tail makes, one adjective at a time.
            ends = [m.end]
            for wm in re.finditer(r" \S+", tm.group()):
                ends.append(m.end + wm.end())
            for end in reversed(ends[1:]):
                found = names.get(text[m.start:end])
                if found is not None:
                    m.end, m.label, m.conf = end, found[0], SURE
                    break
            else:
                if text[m.start:m.end].rsplit(" ", 1)[-1] in heads:
                    m.end, m.label, m.conf = ends[-1], "ORG", SURE

    def _may_tail(self, text: str, end: int) -> bool:
        """Whether the word after the space at ``end`` may open a name's lower-case tail."""
        wm = _WORD_AFTER.match(text, end + 1)
        if wm is None:
            return False
        word = wm.group()
        return word in self.pt.tail_words or word.endswith(self.pt.tail_endings)

    def _lower_words(self, text: str, rx: re.Pattern[str]) -> list[Mention]:
        """Lower-case entities of a language other than English: counts in words and the
        amounts they open ("zwei Milliarden Euro", "neuf pour cent"), months and weekdays
        ("mardi"), nationality adjectives ("deutschen")."""
        out: list[Mention] = []
        table = self._lower
        for m in _after_boundary(rx, text):
            w = m.group("w")
            label = table[w][0]
            start = m.start("w") - 1
            if label == "CARDINAL":
                if m.group("cur"):
                    label = "MONEY"
                elif m.group("pct"):
                    label = "PERCENT"
                out.append(Mention(start, m.end() - 1, label, SURE))
            else:
                end = m.end("w") - 1
                if label == "DATE":
                    ym = _YEAR_AFTER.match(text, end)
                    if ym is not None:
                        end = ym.end()   # "novembre 2018"
                out.append(Mention(start, end, label, SURE))
        return out

    @staticmethod
    def _initial(text: str, s: int) -> bool:
        i = s - 1
        while i >= 0 and text[i] in _SKIP_BACK:
            if text[i] in _QUOTES:
                return True
            i -= 1
        if i >= 0 and text[i].isdigit():
            # A page's date stamp or a wire dateline opens the first sentence ("2020-06-23
            # Former Wirecard chief...", "WASHINGTON, Sept 27 Six U.S. senators").
            return DATELINE_END.search(text, max(0, i - 40), i + 1) is not None
        return i < 0 or text[i] in _OPENERS

    def _speaker(self, text: str, m: re.Match[str], an: _Analyser) -> list[Mention]:
        lx = self.lx
        out: list[Mention] = []
        s = m.start("name")
        name = m.group("name")
        words = name.split(" ")
        # Leading titles in capitals ("SEN. LINDSEY GRAHAM").
        k = 0
        while k < len(words) and (words[k].title() in lx.title_core or words[k] in lx.title_core):
            k += 1
        words_left = words[k:]
        gz = self.gazetteer
        pname = " ".join(words_left)
        found = gz.names.get(pname) or gz.names.get(pname.title())
        if found is not None and found[0] != "PERSON" and words_left:
            off = len(" ".join(words[:k])) + (1 if k else 0)
            out.append(Mention(s + off, s + off + len(pname), found[0], SURE))
        elif words_left and not any(w.strip(".") in lx.non_name_speakers for w in words_left) \
                and words_left[0].lower() not in lx.stopwords and not (
                    len(words_left) > 1
                    and all(_is_common(gz, w) and w.title() not in gz.first_names
                                                for w in words_left)):
            off = len(" ".join(words[:k])) + (1 if k else 0)
            out.append(Mention(s + off, s + off + len(pname), "PERSON", SURE))
        role = m.group("role")
        if role:
            rs = m.start("role")
            for rm in self.pt.capspan.finditer(role):
                for a, b, label, conf in an.analyse(rm.group(), True):
                    if conf >= SHAPE and label != "PERSON":
                        out.append(Mention(rs + rm.start() + a, rs + rm.start() + b, label, conf))
        return out

    # -- document-level consistency ----------------------------------------------------
    def _document_pass(self, text: str, ms: list[Mention],
                       doubtful: list[Doubtful] | None = None) -> list[Mention]:
        lx = self.lx
        # (A doubtful word between two mentions needs no place here: the cues below that read
        # the gap from the mention before see its word in that gap, and so do not hold.)
        doubtful = doubtful or []
        gz = self.gazetteer
        names = gz.names
        votes: dict[str, dict[str, int]] = {}
        surname_of: set[str] = set()
        first_token_org: set[str] = set()
        # First words of full names: surname-first names are short-named by their first word
        # ("Lim Guan Eng" ... "Lim", "Wu Shu-jen" ... "Wu").
        first_token_person: set[str] = set()
        # Names that lead an organisation's name ("Johns Hopkins" of "Johns Hopkins
        # University"): alone they are its short form, not a person.
        org_stems: set[str] = set()
        # Last words of organisations' names that name the body alone ("the Commission").
        org_ends: set[str] = set()
        prev: Mention | None = None
        for m in ms:
            # Context first ("Ziarat district", "his wife Melania"), so it counts in the vote.
            if m.conf == GUESS and m.label in ("ORG", "PERSON"):
                multi = " " in text[m.start:m.end]
                cue = self._context_label(text, m.start, m.end, multi)
                if cue is not None:
                    m.label, m.conf = cue, SHAPE
                elif m.label == "ORG" and not multi and self._in_place(text, m.start, m.end):
                    # A weak cue: it holds only where no other mention of the name says
                    # otherwise ("Shares in Wirecard" after "Wirecard said").
                    m.label = "GPE"
                elif m.label == "ORG" and text[m.end:m.end + 6] == " scale":
                    m.conf = NEED   # "the Richter scale"
                elif m.label == "ORG" and prev is not None and prev.label == "GPE" \
                        and self._place_list(text[prev.end:m.start]):
                    m.label, m.conf = "GPE", SHAPE   # "Jajarkot district and Rukum West"
                elif m.label == "ORG" and prev is not None and prev.label == "PERSON" \
                        and text[prev.end:m.start] in (" or ", " and ", " nor ") \
                        and not multi:
                    m.label, m.conf = "PERSON", SHAPE   # "Carson or Fiorina"
            prev = m
        # Amounts, dates and the like that are sure of themselves neither vote nor change
        # below: only the others are read (a third of the mentions or more are amounts).
        open_ = [m for m in ms if m.conf <= NEED or m.label in _NAME_LABELS]
        # Keys are lower-cased so a speaker label in capitals counts for the name in prose.
        texts = [text[m.start:m.end].lower() for m in open_]
        # The tallies below need only each distinct (text, label, confidence, place) and how
        # often it occurs, not every mention.
        tally = Counter([(t, m.label, m.conf, m.mid) for m, t in zip(open_, texts, strict=True)])
        # A common word capitalised mid-sentence more than once is a name here ("Rangers").
        mids: dict[str, int] = {}
        ambig: dict[str, int] = {}
        for (t, label, conf, mid), n in tally.items():
            if conf >= GUESS and label in _NAME_LABELS:
                v = votes.get(t)
                if v is None:
                    v = votes[t] = {}
                v[label] = v.get(label, 0) + conf * conf * n
                if " " in t:
                    parts = t.split(" ")
                    if label == "PERSON":
                        surname_of.add(parts[-1])
                        first_token_person.add(parts[0])
                    elif label == "ORG":
                        if parts[0].title() not in lx.not_short_forms:
                            first_token_org.add(parts[0])
                        if len(parts) > 2 and parts[-1].title() in lx.org_ends:
                            org_stems.add(" ".join(parts[:-1]))
                        if parts[-1].title() in lx.org_ends:
                            org_ends.add(parts[-1])
            elif conf == NEED and mid and not lx.capitalises_nouns:
                # (Where every noun is capitalised, a capital mid-sentence says nothing.)
                mids[t] = mids.get(t, 0) + n
            elif conf == AMBIG:
                ambig[t] = ambig.get(t, 0) + n
        if not lx.capitalises_nouns:
            for a, b, mid in doubtful:
                if mid:
                    t = text[a:b].lower()
                    mids[t] = mids.get(t, 0) + 1

        def decide(t: str, label: str, conf: int) -> tuple[str, int]:
            """The final reading of a name: a function of its text, first reading and the
            document's tables, so it is worked out once per distinct mention."""
            if conf == NEED and mids.get(t, 0) > 1:
                conf = GUESS
            elif conf == NEED and t in org_ends:
                label, conf = "ORG", GUESS
            elif conf == AMBIG:
                # Named twice, or named elsewhere with this label: the gazetteer reading holds.
                conf = SHAPE if ambig[t] > 1 or label in votes.get(t, ()) else NEED
            single = " " not in t
            if single and t in surname_of and (conf < SURE or label not in _KEEP_SURE or (
                    label == "GPE" and t.title() not in gz.major_places)):
                # "Zuckerberg" after "Mark Zuckerberg", "HARLOW" after "Poppy Harlow"; a
                # country or province stays itself ("Canada" after a misread "Friday Canada").
                label, conf = "PERSON", SHAPE
            elif single and conf == GUESS and label == "ORG" and t in first_token_person \
                    and t not in first_token_org:
                label, conf = "PERSON", SHAPE
            elif label == "PERSON" and not single and t in org_stems:
                label, conf = "ORG", SHAPE
            elif conf <= GUESS:
                v = votes.get(t)
                if v:
                    best = max(v.items(), key=lambda kv: kv[1])
                    if best[1] > (conf * conf if label in v else 0):
                        label, conf = best[0], max(conf, GUESS)
                if conf == NEED and single and t in first_token_org:
                    label, conf = "ORG", GUESS   # "Teck" after "Teck Resources"
                if conf == GUESS and single and label == "ORG" \
                        and t.title() in gz.famous_surnames \
                        and t.title() not in names:
                    label, conf = "PERSON", SHAPE
            return label, conf

        decided: dict[tuple[str, str, int], tuple[str, int]] = {}
        for m, t in zip(open_, texts, strict=True):
            label, conf = m.label, m.conf
            if label in _NAME_LABELS:
                k = (t, label, conf)
                got = decided.get(k)
                if got is None:
                    got = decided[k] = decide(t, label, conf)
                label, conf = got
            elif conf <= NEED:
                if conf == NEED and mids.get(t, 0) > 1:
                    conf = GUESS
                elif conf == AMBIG:
                    conf = SHAPE if ambig[t] > 1 or label in votes.get(t, ()) else NEED
                if label == "DATE" and conf == NEED:
                    if self._date_context(text, m.start):
                        conf = SURE
                    elif t in surname_of:
                        label, conf = "PERSON", SHAPE
            m.label, m.conf = label, conf
        kept = [m for m in ms if m.conf > NEED]
        # The doubtful words the document confirms, read as any other mention would be.
        by_span: dict[str, tuple[str, int]] = {}
        confirmed: list[Mention] = []
        for a, b, mid in doubtful:
            span = text[a:b]
            got = by_span.get(span)
            if got is None:
                t = span.lower()
                k = (t, "ORG", NEED)
                got = decided.get(k)
                if got is None:
                    got = decided[k] = decide(t, "ORG", NEED)
                by_span[span] = got
            if got[1] > NEED:
                confirmed.append(Mention(a, b, got[0], got[1], mid))
        if confirmed:
            kept.extend(confirmed)
            kept.sort(key=_START)
        return self._acronyms(text, kept)

    def _acronyms(self, text: str, ms: list[Mention]) -> list[Mention]:
        if "(" not in text:
            return ms
        # Only a name before a bracketed acronym can define one: where such a bracket could
        # open (any of the spaces before it, or the bracket itself); and only a mention right
        # after a bracket can be an acronym of lower-case words.
        opens: set[int] = set()
        after: set[int] = set()
        p = text.find("(")
        while p >= 0:
            after.add(p + 1)
            if BRACKET_ACRONYM.match(text, p) is not None:
                j = p
                while j and text[j - 1].isspace():
                    j -= 1
                opens.update(range(j, p + 1))
            p = text.find("(", p + 1)
        rows = [(m.start, m.end, m.label, text[m.start:m.end]) for m in ms
                if m.end in opens and m.end - m.start > 3]
        defs = acronym_definitions(text, rows)
        suppressed = self._lowercase_acronyms(text, [m for m in ms if m.start in after])
        if not defs and not suppressed:
            return ms
        # People are not given acronyms in brackets: a "person" that has one is a body
        # ("Bharat Rashtra Samiti (BRS)").
        bodies = {d[0] for d in defs.values() if d[2] == "PERSON" and " " in d[3]}
        # Only a mention as long as an acronym, or a body's, can change below.
        sizes = {len(k) for k in defs} | {len(k) for k in suppressed}
        out: list[Mention] = []
        for m in ms:
            if m.end - m.start not in sizes and m.start not in bodies:
                out.append(m)
                continue
            t = text[m.start:m.end]
            long = defs.get(t)
            if m.start in bodies or (long is not None and long[0] in bodies):
                m.label = "ORG"
            elif long is not None and long[0] != m.start:
                m.label = long[2]
            elif t in suppressed:
                continue
            out.append(m)
        return out

    @staticmethod
    def _lowercase_acronyms(text: str, ms: list[Mention]) -> set[str]:
        """Acronyms defined for lower-case phrases ("chronic refractory cough (CRC)")."""
        out: set[str] = set()
        for m in ms:
            if m.start > 0 and text[m.start - 1] == "(" and text[m.end:m.end + 1] == ")":
                acr = text[m.start:m.end]
                if not acr.isupper():
                    continue
                before = text[max(0, m.start - 80):m.start - 1].split()
                words = before[-len(acr):]
                if len(words) == len(acr) and all(w[:1].islower() for w in words) and \
                        "".join(w[0] for w in words).upper() == acr:
                    out.add(acr)
        return out

    def _context_label(self, text: str, s: int, e: int, multi: bool = False) -> str | None:
        lx = self.lx
        after = text[e:e + 24]
        if after.startswith(", who ") or after.startswith(" who "):
            return "PERSON"
        if after[:1] == " ":
            nxt = after.split(None, 2)
            w0 = nxt[0].rstrip(",.;:") if nxt else ""
            if w0.endswith("s") and w0[:-1] in lx.place_nouns:
                w0 = w0[:-1]   # "Jajarkot and Rukum West districts"
            if w0 in lx.place_nouns and not (
                    w0 == "state" and len(nxt) > 1 and nxt[1].rstrip(",.;:") in _STATE_NOT_PLACE):
                return "GPE"     # "Ziarat district", "Oriental Mindoro province"
        window = text[s - 24 if s > 24 else 0:s]
        if window.endswith(_PLACE_OF):
            return "GPE"     # "the town of Portoviejo"
        before = window.rstrip(" ,").rsplit(" ", 1)[-1].lower().strip("“\"(")
        if before in lx.person_cues_before:
            if multi and not all(w[:1].isupper() and w[1:2].islower() for w in text[s:e].split()):
                return None   # "analyst Morgan Stanley ..." shapes stay as they were
            return "PERSON"
        if multi:
            return None   # the weaker cues below are read for single words only
        if after.startswith(", "):
            nxt = text[e + 2:e + 40]
            for cand in (nxt.split(",")[0].split(".")[0], nxt.split(" ")[0].rstrip(",.")):
                found = self.gazetteer.names.get(cand)
                if found is not None and found[0] == "GPE":
                    return "GPE"
        if after[:1] == " " and after[1:].split(" ", 1)[0] in lx.cues_after:
            return "PERSON"
        return None

    def _in_place(self, text: str, s: int, e: int) -> bool:
        """"struck in Jajarkot": an unknown word after "in" is where something happened,
        unless the "in" is a holding's ("a stake in Acmeco") or the word is an acronym."""
        words = text[max(0, s - 30):s].split()
        if len(words) < 1 or words[-1] not in self.lx.place_preps or text[s:e].isupper() \
                or text[e:e + 2] in ("'s", "’s"):   # "in Lim's trial": whose, not where
            return False
        return len(words) < 2 or words[-2].lower().strip(",.") not in _HOLDING_NOUNS

    def _place_list(self, gap: str) -> bool:
        """The words between two names list places ("X district and Y", "X province, Y")."""
        lx = self.lx
        words = gap.replace(",", " , ").split()
        return len(words) == 2 and words[1] in ("and", ",", "or") and (
            words[0] in lx.place_nouns)

    def _date_context(self, text: str, s: int) -> bool:
        lx = self.lx
        before = text[max(0, s - 12):s].split()
        if before and before[-1].lower().rstrip("-") in lx.date_preps:
            return True
        after = text[s:s + 16].split(" ")
        return len(after) > 1 and after[1][:1].isdigit()



