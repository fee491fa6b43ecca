"""Numbers with their units and approximators, normalised so that two sources can be compared.

"around 7 percent" and "roughly 9%" are both percentages, both approximate, and differ;
"$9 billion" is 9e9 USD; "several billion dollars" is a vague amount of USD between two and
ten billion, which "$9 billion" falls inside; "50 million users" counts users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sidelight.annotations.comparison.number_words import COMPOUND, word_value
from sidelight.annotations.comparison.words import word_set
from sidelight.annotations.dates import WEEKDAYS
from sidelight.annotations.entities.patterns import alternation

_SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7,
    "lakh": 1e5,
}
_WORD_NUMBERS: dict[str, float] = {
    w: float(i)
    for i, w in enumerate(
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "a dozen": 12, "half a": 0.5, "a hundred": 100, "a thousand": 1e3,
     "a million": 1e6, "a billion": 1e9, "a trillion": 1e12,
     # Fractions, as rate moves are told: "a quarter of a percentage point".
     "a quarter of a": 0.25, "quarter": 0.25, "three quarters of a": 0.75,
     "three-quarters of a": 0.75, "half of a": 0.5}
# Word numbers that are too often no amount at all ("one of the", "a quarter of the
# population", "the third quarter"): kept only before a measure (percent, points, money).
_WEAK_WORDS = frozenset({"one", "half a", "half of a", "quarter", "a quarter of a",
                         "three quarters of a", "three-quarters of a"})
# Vague multipliers: "several billion", "a few million", "dozens of", "millions of".
_VAGUE: dict[str, tuple[float, float]] = {
    "several": (2, 9.99), "a few": (2, 5), "a couple of": (2, 3), "some": (2, 9.99),
    "many": (3, 99), "dozens of": (24, 144), "scores of": (40, 200), "hundreds of": (200, 999),
    "thousands of": (2e3, 9.99e3), "tens of thousands of": (2e4, 9.99e4),
    "hundreds of thousands of": (2e5, 9.99e5), "millions of": (2e6, 9.99e6),
    "tens of millions of": (2e7, 9.99e7), "hundreds of millions of": (2e8, 9.99e8),
    "billions of": (2e9, 9.99e9),
}
_CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "₹": "INR",
    "rs": "INR", "chf": "CHF",
}
_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "francs": "CHF", "roubles": "RUB", "rubles": "RUB",
}
# Approximators, by what they claim about the true value.
_APPROX: dict[str, str] = {
    "around": "about", "about": "about", "roughly": "about", "approximately": "about",
    "approx.": "about", "some": "about", "circa": "about", "an estimated": "about",
    "estimated": "about", "~": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "more than": "over", "over": "over",
    "above": "over", "upwards of": "over", "just over": "just over", "in excess of": "over",
    "at least": "at least", "less than": "under", "fewer than": "under", "under": "under",
    "below": "under", "up to": "up to", "as many as": "up to", "as much as": "up to",
    "as high as": "up to",
}
_PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
_POINTS = re.compile(r"\s*(?:percentage\s+points?|points?|pts?\b|bps|basis\s+points)\b",
                     re.IGNORECASE)
_MONTHS = word_set("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec")
# Words before a four-digit number that make it a year.
_YEAR_LEADS = word_set("in since by from until till of after before during early late mid the "
                        "between and to through circa")
# Words after a number that are not what it counts.
_NOT_UNITS = word_set("and or the a an of in on at to for by with from as than per is are was "
                       "were has have had will would who which that this last next ago "
                       "earlier later more less other others each apiece")
_CASUALTY_BEFORE = re.compile(
    r"(?:\btoll\b[^.;!?]{0,100}?\b(?:to|of|at|reached|hit|is|was|stands at)"
    r"|\b(?:kill(?:s|ed|ing)?|claim(?:s|ed|ing)? the lives of))\s*$", re.IGNORECASE)
_CASUALTY_AFTER = re.compile(
    r"(?P<who>\s+(?:other\s+)?(?:people|others))?(?P<aux>\s+(?:were|are|was|have\s+been|"
    r"had\s+been))?\s+(?:killed|dead|injured|wounded|hurt|missing|evacuated|displaced)\b",
    re.IGNORECASE)
# An earthquake's magnitude, written before or after the number: "magnitude of 6.4",
# "magnitude-7.1", "a 6.8-magnitude quake", "6.1 on the Richter scale".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-]magnitude\b|\s+on\s+the\s+richter\s+scale\b",
                              re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written (``text == doc.text[start:end]``) and what it means.

    ``value`` is None for a vague amount, which then has ``low``..``high`` instead;
    ``unit`` is a currency code, "percent", "points", "calendar-year", or the counted noun in the
    singular ("user"); ``approx`` is "", "about", "nearly", "over", "just over", "at least",
    "under", "up to" or "vague".
    """

    value: float | None
    unit: str
    approx: str
    text: str
    start: int
    end: int
    low: float = 0.0
    high: float = 0.0
    # The words around it in its sentence (stems and meanings): what the figure is about.
    context: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # Whose figure it is: the people and organisations its sentence names before it (the
    # one who only told it left out), as the words of their names ("maya", "sandhu").
    subjects: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # What kind of figure its sentence says it is besides its unit: "expected" (its clause
    # gives what someone expected or forecast, not what happened), "adjusted" (a measure
    # excluding items, not the one reported as is).
    standing: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # A time of day's zone (``zones``): "" none written, "local", "GMT", "UTC+120", ...
    zone: str = ""
    # What a share is of ("40% of the vote": vote; "turnout was 34%": turnout), as word
    # stems and "#" WordNet meaning ids; empty when its sentence does not say.
    share: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # What a date or a year is in its sentence, from the word before it: "end" ("until
    # November 30", "postponed to Nov. 23", "by 2030"), "start" ("since", "from"), "at"
    # ("on Monday"), "before", "after", "made" (a year of what is counted: "SUVs built
    # between 2023 and 2025"), "future" (a year after the report's: a goal, set by
    # ``quantities.all_quantities``); "" when nothing says (``features.date_role``).
    role: str = field(default="", compare=False, repr=False)

    def describe(self) -> str:
        return self.text


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn|crore|lakh|[kmb])\b"
_WORDNUM = COMPOUND + "|" + "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len,
                                             reverse=True))
_VAGUEWORD = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_APPROXWORD = "|".join(sorted((re.escape(w) for w in _APPROX), key=len, reverse=True))
_CURSYM = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|€|£|¥|₹|(?:USD|EUR|GBP|CHF|Rs\.?)\s?)"

_QUANTITY = re.compile(
    # Not inside a word, a number, a time ("3:30") or a date ("11/3"); "magnitude-7.1" is.
    rf"(?:(?<=magnitude-)|(?<![\w.,:/$€£¥₹-]))(?:(?P<approx>{_APPROXWORD})\s+)?"
    rf"(?P<cur>{_CURSYM})?"
    rf"(?:(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
    rf"|(?P<vague>{_VAGUEWORD})(?:\s+(?P<vscale>(?:hundred|thousand|million|billion|trillion)s?))?"
    rf"|(?P<wnum>{_WORDNUM})(?:\s(?P<wscale>{_SCALE}))?)"
    r"(?!\w|-(?!magnitude\b)|[.,]\d)",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_UNIT_WORD = re.compile(r"\s+(?:of\s+)?(?:[A-Z][\w’'&.-]*\s+){0,2}([a-z][a-z-]+)")


# Tokens a quantity must contain: a digit, a currency sign, or a number word. The full
# pattern is tried only at the starts of the few tokens before such an anchor (where an
# approximator or a currency may begin); scanning every position with it is far slower.
_SCAN = re.compile(r"[^\W\d_]+|\d|[$€£¥₹~]")
_ANCHOR_WORDS = frozenset(
    w for phrase in (*_WORD_NUMBERS, *_VAGUE, *_SCALES) for w in phrase.lower().split()
    if w not in ("a", "of", "some", "many", "half") and len(w) > 1
) | {"half"}
# The anchors themselves, found in one scan: a number word that is a whole token (a run of
# letters), a digit, a currency sign. Case-insensitive matching also takes a few letters
# whose lowercase is no number word (the Kelvin sign), so a word found is checked again.
_ANCHOR = re.compile(
    r"(?<![^\W\d_])(?:" + alternation(w for w in _ANCHOR_WORDS if w.isalpha())
    + r")(?![^\W\d_])|\d|[$€£¥₹]", re.IGNORECASE)
_RECENT = 6  # tokens: the anchor and the five before it
_LOOK_BEHIND = 24  # characters: room for the longest approximator and currency before


def extract_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Quantity] = []
    pos = start
    match = _QUANTITY.match
    tokens = _SCAN.finditer
    for anchor in _ANCHOR.finditer(text, start, end):
        t0 = anchor.start()
        if t0 < pos:
            continue
        word = anchor.group()
        if len(word) > 1 and word.lower() not in _ANCHOR_WORDS:
            continue
        # The starts of the tokens just before the anchor (a token cut by the window's
        # start is inside a word, where no quantity begins).
        recent = [tok.start() for tok in tokens(text, max(start, t0 - _LOOK_BEHIND), t0)]
        recent = [*recent[1 - _RECENT:], t0]
        for cand in recent:
            if cand < pos:
                continue
            m = match(text, cand, end)
            if m is not None and m.end() > t0:
                q = _quantity(text, m, end)
                if q is not None:
                    out.append(q)
                pos = m.end()
                break
    return out


def _quantity(text: str, m: re.Match[str], limit: int) -> Quantity | None:
    approx = _APPROX.get((m.group("approx") or "").lower(), "")
    cur = m.group("cur")
    currency = _CURRENCY_SYMBOLS.get(cur.strip().lower().rstrip(".")) if cur else None
    low = high = 0.0
    value: float | None
    weak = False
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
        scale = m.group("scale")
        if scale:
            if len(scale) == 1 and not currency and m.group("num") + scale not in m.group():
                return None  # "100 m" is as likely metres as millions
            if scale == "m" and not currency and not _PLURAL_NEXT.match(text, m.end()):
                # "the 800m in 1:58.3", "a 400m final": a distance; "1.5m people" counts.
                return Quantity(value, "metre", "", m.group(), m.start(), m.end())
            value *= _SCALES[scale.lower()]
    elif m.group("vague"):
        vague = m.group("vague").lower()
        lo, hi = _VAGUE[vague]
        vscale = (m.group("vscale") or "").lower().rstrip("s")
        if vscale:
            lo, hi = lo * _SCALES[vscale], hi * _SCALES[vscale]
        elif vague in ("several", "a few", "a couple of", "some", "many"):
            # "several steps", "some users": not an amount worth comparing.
            return None
        value, low, high, approx = None, lo, hi, "vague"
    else:
        word = " ".join(m.group("wnum").lower().split())
        value = word_value(word, _WORD_NUMBERS)
        if word.endswith("dozen") and not approx:
            approx = "about"  # "a dozen people" is seldom a count of exactly twelve
        if m.group("wscale"):
            value *= _SCALES[m.group("wscale").lower()]
        else:
            weak = word in _WEAK_WORDS and not currency
    end = m.end()
    start = m.start()
    unit = currency or ""
    # A unit or counted noun never lies past a blank line: a headline's "kills 12" is not
    # counted in the body's first words (a single line break may be a hard wrap).
    brk = _PARAGRAPH_BREAK.search(text, end, limit)
    rest = text[end:brk.start() if brk else limit]
    if not unit:
        p = _PERCENT.match(rest)
        if p:
            unit, end = "percent", end + p.end()
        else:
            pts = _POINTS.match(rest)
            if pts and value is not None and value < 1e4:
                unit, end = "points", end + pts.end()
                if re.search(r"basis|bps", pts.group(), re.IGNORECASE):
                    value /= 100  # 25 basis points are a quarter of a percentage point
    if not unit:
        cw = re.match(r"\s+(" + "|".join(_CURRENCY_WORDS) + r")\b", rest, re.IGNORECASE)
        if cw:
            unit, end = _CURRENCY_WORDS[cw.group(1).lower()], end + cw.end()
    if not unit and m.group("num"):
        before = _MAGNITUDE_BEFORE.search(text, max(0, start - 16), start)
        after = _MAGNITUDE_AFTER.match(rest)
        if before or after:
            unit = "magnitude"
            start = before.start() if before else start
            end += after.end() if after else 0
    if weak and unit not in ("percent", "points") and unit not in _CURRENCY_WORDS.values():
        return None  # "one of the", "one day", "a quarter of the vote"
    rate = None if unit else _RATE.match(rest)
    if rate:
        # "ten thousand a year", "40 per day": an amount per period, whatever it counts.
        unit, end = "per " + rate.group(1).lower(), end + rate.end()
    if not unit:
        # "9 dead", "14 missing": what happened to them, not a noun they count.
        after = _CASUALTY_AFTER.match(rest)
        # "Six others were hurt": the figure is "Six others", what happened is its clause's.
        counted = ("people", after.end("who") if after.group("aux") and after.group("who")
                   else after.end()) if after and (after.group("who") or not after.group("aux")) \
            else _count_unit(text, m, rest)
        # Casualty counts may name what they count before the number ("the death toll
        # rose to 143", "kills at least 69").
        if counted is None or not counted[0]:
            # "the number of confirmed cases now at 2,016": the count named before it.
            named = _NUMBER_OF.search(text, max(0, start - 90), start)
            if named:
                noun = _singular(named.group(1).lower())
                counted = (_UNIT_ALIASES.get(noun, noun), 0)
        if (counted is None or not counted[0]) and _CASUALTY_BEFORE.search(
                text, max(0, start - 130), start):
            counted = ("people", 0)
        if counted is None:
            return None
        unit, noun_end = counted
        end += noun_end
    return Quantity(value, unit, approx, text[start:end], start, end, low, high)


def _count_unit(text: str, m: re.Match[str], rest: str) -> tuple[str, int] | None:
    """What a bare number counts ("user") and where that noun ends in ``rest`` (0 when
    there is no noun), "calendar-year" for a year, or None when it is no quantity."""
    num = m.group("num")
    window = text[max(0, m.start() - 24) : m.start()]
    # Only the words of this sentence: a headline's last word is not part of a name here.
    cut = max(window.rfind("\n"), *(window.rfind(c + " ") for c in ".!?"))
    before = window[cut + 1 :].split()
    prev = before[-1].strip(",.;:(") if before else ""
    u = _UNIT_WORD.match(rest)
    if num and not m.group("scale") and re.fullmatch(r"(1[89]|20)\d\d", num) and (
        not u or u.group(1).lower() in _NOT_UNITS or prev.lower() in _YEAR_LEADS
        or prev.endswith(("'s", "’s"))
    ):
        return "calendar-year", 0
    if prev.lower() in _MONTHS or re.match(r"\s*[:/]\d", rest):
        return None  # a date or a time of day
    if prev[:1].isupper() and not m.group("approx") and len(before) > 1:
        return None  # part of a name: "Channel 4", "Boeing 737"
    part = _PARTITIVE.match(rest)
    if part:
        # "eight of its ten cars", "seven of the train's cars": the cars are counted.
        noun = _singular(part.group(1).lower())
        return _UNIT_ALIASES.get(noun, noun), 0
    after = _BARE_AFTER.search(text, max(0, m.start() - 40), m.start())
    if after and not u:
        # "by 312 votes to 287": the second number counts what the first did.
        noun = _singular(after.group(1).lower())
        return _UNIT_ALIASES.get(noun, noun), 0
    acronym = _ACRONYM_PLURAL.match(rest)
    if acronym:
        # "312,000 Ridgeback SUVs", "14 MPs": an acronym in the plural is what is counted.
        noun = acronym.group(1).lower()
        return _UNIT_ALIASES.get(noun, noun), acronym.end()
    if num and u and u.group(1).endswith(("ed", "ing")):
        # "214 voting places", "12 remaining hostages": the plural after a participle is
        # what is counted (in words, "two devastating earthquakes" is seldom a figure).
        head = _HEAD_NOUN.match(rest, u.end())
        if head and _is_plural(head.group(1)) and head.group(1) not in _GENERIC_HEADS:
            noun = _singular(head.group(1))
            return _UNIT_ALIASES.get(noun, noun), head.end()
    # "2,000 evacuated", "50 killed": a participle says what happened, not what is counted.
    if u and u.group(1).lower() not in _NOT_UNITS and not u.group(1).endswith(("ed", "ing")):
        noun, end = u.group(1).lower(), u.end()
        head = _HEAD_NOUN.match(rest, end)
        if head and not _is_plural(noun) and not _is_plural(head.group(1)):
            # "290,000 sport utility vehicles": the head may come a word later still.
            later = _HEAD_NOUN.match(rest, head.end())
            if later and _is_plural(later.group(1)) and later.group(1) not in _GENERIC_HEADS:
                head = later
        if head and not _is_plural(noun) and _is_plural(head.group(1)) and \
                head.group(1) not in _GENERIC_HEADS:
            # A noun before the counted one says which: "twelve opposition lawmakers"
            # count lawmakers, "three police officers" officers ("16 crew members" crew).
            noun, end = head.group(1), head.end()
        noun = _singular(noun)
        return _UNIT_ALIASES.get(noun, noun), end
    if m.group("wscale"):
        return "", 0  # "ten thousand": an amount, of what the sentence says
    return ("", 0) if num and (m.group("scale") or "." in num or len(num) > 2) else None


_NUMBER_OF = re.compile(
    r"\b(?:number|count|total|tally)\s+of\s+(?:[a-z]+\s+)?([a-z]{3,}s)\b[^.;!?\d]{0,40}?"
    r"\b(?:at|to|reached|hit|is|was|stood\s+at|stands\s+at)\s+$", re.IGNORECASE)
_PLURAL_NEXT = re.compile(r"\s+(?:[a-z]+-)?(?:people|[a-z]{2,}s)\b")
_RATE = re.compile(r"\s+(?:a|an|per|each)\s+(year|month|week|day|hour|minute)\b",
                   re.IGNORECASE)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\w-]+['’]s\s+)?"
    r"(?:[\w-]+\s+)?([a-z]+s)\b")
_BARE_AFTER = re.compile(r"\d\s+([a-z]+s)\s+(?:to|against)\s+$")
# Counted nouns that count the same thing.
_UNIT_ALIASES: dict[str, str] = {
    w: "people"
    for w in (
        "person", "resident", "individual", "inhabitant", "local", "villager", "citizen",
        "civilian", "evacuee", "life", "death", "fatality", "victim",
    )
} | {"car": "car", "wagon": "car", "carriage": "car", "employee": "worker", "staff": "worker",
     "job": "job", "position": "job", "post": "job", "role": "job", "customer": "user",
     "subscriber": "user", "account": "user", "lawmaker": "member", "legislator": "member",
     "deputy": "member", "mp": "member"}

# Words that belong to how a number is written, not to what the sentence says about it.
NUMBER_WORDS: frozenset[str] = frozenset(
    w for phrase in (*_SCALES, *_WORD_NUMBERS, *_VAGUE, *_APPROX, *_CURRENCY_WORDS)
    for w in phrase.split()
) | word_set("percent per cent pct percentage point points thousands millions billions "
             "hundreds dozens tens trillions")


_HEAD_NOUN = re.compile(r"\s+([a-z]+)\b")
_ACRONYM_PLURAL = re.compile(r"\s+(?:[A-Z][a-z][\w’'&.-]*\s+){0,2}([A-Z]{2,5})s\b")
# Heads that say less than the noun before them: "crew members", "staff members".
_GENERIC_HEADS = frozenset({"members", "people", "persons", "individuals"})
_PLURALS = frozenset({"people", "children", "men", "women", "staff", "cattle"})


def _is_plural(word: str) -> bool:
    return word in _PLURALS or (len(word) > 3 and word.endswith("s")
                                and not word.endswith(("ss", "us", "is")))


def _singular(word: str) -> str:
    if word in ("lives", "wives", "knives"):
        return word[:-3] + "fe"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith(("shes", "ches", "xes", "sses", "zes")):
        return word[:-2]  # "crashes", "churches", "taxes", "buses" are not "crashe"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# How far "about 750" or "nearly 40" may lie from the true figure: a report that had 680
# or 37 would have written that; one that had 740 might still round to 750.
_ABOUT = 0.05


def magnitude(q: Quantity) -> tuple[float, float]:
    """The interval of true values the wording allows."""
    if q.value is None:
        return q.low, q.high
    v = q.value
    if q.approx == "about":
        return v * (1 - _ABOUT), v * (1 + _ABOUT)
    if q.approx == "nearly":
        return v * (1 - _ABOUT), v
    if q.approx == "just over":
        return v, v * (1 + 2 * _ABOUT)  # "just over a third" is no 40%
    if q.approx in ("over", "at least"):
        return v, v * 1.25
    if q.approx in ("under", "up to"):
        return v * 0.75, v
    return v, v


def compare_quantities(a: Quantity, b: Quantity) -> str:
    """How two quantities of one unit relate: 'same', 'compatible' (one wording allows the
    other: "more than 50 million" and "50 million"), 'vaguer' (a vague amount that covers a
    precise one), 'conflict', or 'unknown' (not comparable: a local time and a GMT time)."""
    if a.unit == "clock" or b.unit == "clock":
        from sidelight.annotations.comparison.when import clock_relation

        return clock_relation(a, b)
    if a.unit == "duration" == b.unit and a.value is not None and b.value is not None:
        from sidelight.annotations.comparison.durations import duration_relation

        return duration_relation(a, b)
    if (
        a.value is not None and b.value is not None and a.approx == b.approx
        and abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))
    ):
        return "same"
    if a.unit == "date" or b.unit == "date":
        if a.value == b.value:
            return "same"
        return "compatible" if _one_weekday(a, b) else "conflict"
    if a.value is not None and b.value is not None and a.approx == b.approx:
        if _rounded_alike(a, b):
            return "compatible"   # "$4.82 billion" written "$4.8bn" by the other report
        # "at least 27" and "at least 31", "about 7%" and "about 9%": the same hedge on
        # two figures is two reports of the figure, not one allowing the other.
        return "conflict"
    alo, ahi = magnitude(a)
    blo, bhi = magnitude(b)
    if alo <= bhi and blo <= ahi:
        return "vaguer" if (a.value is None) != (b.value is None) else "compatible"
    return "conflict"


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _step(q: Quantity) -> float | None:
    """The precision a figure is written to, in its unit: a tenth of a billion for
    "$4.8bn", a hundredth of a percent for "1.25%"; None for a whole number without a scale
    word (a report's "12,000" is taken as written) or a figure in words."""
    m = _WRITTEN_NUMBER.search(q.text)
    if m is None or q.value is None or q.unit == "duration":
        return None  # a duration's parts are each written to the unit
    written = float(m.group().replace(",", ""))
    if written == 0:
        return None
    decimals = len(m.group(1) or "")
    factor = q.value / written
    if decimals == 0 and abs(factor - 1.0) < 1e-9:
        return None
    return factor * 10.0 ** -decimals


def _rounded_alike(a: Quantity, b: Quantity) -> bool:
    """One figure is the other rounded to the precision it is written to ("$612 million" and
    "$0.61bn"): two writings of one figure, not two figures."""
    assert a.value is not None and b.value is not None
    for coarse, fine in ((a, b), (b, a)):
        step = _step(coarse)
        fine_step = _step(fine)
        if step is None or (fine_step is not None and fine_step > step):
            continue
        if abs(fine.value - coarse.value) <= step / 2 * (1 + 1e-9):  # type: ignore[operator]
            return True
    return False


_APART = 10_000.0


def worlds_apart(a: Quantity, b: Quantity) -> bool:
    """Two amounts ten thousand times apart or more are about different things (a share's
    earnings of "$1.58" and a quarter's revenue of "$4.6bn"), never one figure told
    differently; a million written for a billion (a thousandfold slip) is still compared."""
    if a.value is None or b.value is None or a.value == 0 or b.value == 0:
        return False
    small, large = sorted((abs(a.value), abs(b.value)))
    return large >= small * _APART


def _one_weekday(a: Quantity, b: Quantity) -> bool:
    """A bare weekday ("on Monday") is read as the one before the document's date, yet a
    report may mean the one after ("will begin on Monday"): beside a date of that weekday
    within a week ("Monday, November 9") it is that date, not another."""
    if a.value is None or b.value is None:
        return False
    bare = [q for q in (a, b) if q.text.strip(" ,.").lower() in WEEKDAYS]
    if len(bare) != 1:
        return False
    days = abs(a.value - b.value)
    return days <= 7 and days % 7 == 0
