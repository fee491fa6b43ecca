"""Figures written the way a language writes them ("2,5 Prozent", "12 000 Menschen",
"9 milliards de dollars", "neuf pour cent"), read into the comparison's ``Quantity`` so that
a German or French report's figures line up with an English one's (percentages, amounts of
money, years and counts by value; a counted noun stays in its language)."""

from __future__ import annotations

import datetime
import functools
import re

from sidelight.annotations.comparison.numbers import Quantity

from .profiles import Profile, profile

# Approximators by what they claim (the comparison's vocabulary: about, nearly, over, ...).
_APPROX: dict[str, dict[str, str]] = {
    "de": {"rund": "about", "etwa": "about", "ungefähr": "about", "circa": "about",
           "ca.": "about", "gut": "over", "knapp": "nearly", "fast": "nearly",
           "beinahe": "nearly", "mehr als": "over", "über": "over", "mindestens": "at least",
           "weniger als": "under", "unter": "under", "bis zu": "up to"},
    "fr": {"environ": "about", "quelque": "about", "près de": "nearly", "presque": "nearly",
           "plus de": "over", "au moins": "at least", "moins de": "under",
           "jusqu'à": "up to", "jusqu’à": "up to"},
}
_CURRENCIES: dict[str, str] = {
    "euro": "EUR", "euros": "EUR", "€": "EUR", "eur": "EUR", "dollar": "USD", "dollars": "USD",
    "us-dollar": "USD", "$": "USD", "usd": "USD", "pfund": "GBP", "livre": "GBP",
    "livres": "GBP", "£": "GBP", "franken": "CHF", "franc": "CHF", "francs": "CHF",
    "chf": "CHF", "yen": "JPY", "yens": "JPY", "yuan": "CNY", "yuans": "CNY",
}
_SP = "[ \u00a0\u202f]"
# Words after a French number that are no counted noun.
_NOT_NOUNS = frozenset((
    "de", "du", "des", "d", "en", "et", "à", "au", "aux", "le", "la", "les",
    "pour", "par", "sur", "dans", "sans", "avec", "ou", "qui", "que", "ont", "sont", "est", "a"))


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@functools.cache
def _pattern(lang: str) -> re.Pattern[str] | None:
    prof = profile(lang)
    if prof is None or lang == "en":
        return None
    thousands = "".join(c for c in prof.thousands if c not in " \u00a0\u202f")
    groups = f"(?:{_SP}|[{re.escape(thousands)}])" if thousands else _SP
    dec = re.escape(prof.decimal)
    num = rf"\d{{1,3}}(?:{groups}\d{{3}})+(?:{dec}\d+)?(?!\d)|\d+(?:{dec}\d+)?"
    months = _alt(prof.months)
    cur_words = _alt({c for c in _CURRENCIES if c[0].isalpha()}
                     | {c.title() for c in _CURRENCIES if c[0].isalpha()}
                     | {"US-Dollar", "EUR", "USD", "CHF"})
    return re.compile(
        rf"(?<![\w.,])(?:(?P<approx>{_alt(_APPROX.get(lang, {}))}){_SP})?"
        rf"(?P<sym>[€$£]{_SP}?)?"
        rf"(?:(?P<num>{num})|(?P<word>{_alt(prof.number_words)}))"
        rf"(?!\d|{_SP}?\.?{_SP}?(?:{months})\b|\.\d)"
        rf"(?:{_SP}(?P<scale>{_alt(prof.scales)})\.?(?!\w))?"
        rf"(?:{_SP}?(?P<pct>{_alt(prof.percent_words)})(?!\w)"
        rf"|{_SP}(?:de{_SP}|d['’])?(?P<cur>{cur_words})(?![\w-])"
        rf"|{_SP}?(?P<sym2>[€$£])"
        rf"|{_SP}(?P<noun>[^\W\d_][\w-]{{2,}}))?",
    )


@functools.cache
def _date_pattern(lang: str) -> re.Pattern[str] | None:
    prof = profile(lang)
    if prof is None or lang == "en":
        return None
    day = r"(?P<day>\d{1,2})\." if prof.ordinal_dot else r"(?P<day>1er|\d{1,2})"
    return re.compile(rf"(?<![\w.]){day}{_SP}?(?P<month>{_alt(prof.months)})\.?"
                      rf"{_SP}(?P<year>(?:1[6-9]|20)\d\d)(?!\d)")


def local_day(text: str, lang: str) -> datetime.date | None:
    """The day a full date names as ``lang`` writes it ("7. Mai 2019", "1er mars 2018")."""
    rx = _date_pattern(lang)
    prof = profile(lang)
    m = rx.fullmatch(text.strip()) if rx is not None else None
    if m is None or prof is None:
        return None
    day = 1 if m.group("day") == "1er" else int(m.group("day"))
    try:
        return datetime.date(int(m.group("year")), prof.months[m.group("month")], day)
    except ValueError:
        return None


def _dates(text: str, lang: str, prof: Profile) -> list[Quantity]:
    """Full dates ("7. Mai 2019", "22 mars 2018") as the day they name, comparable with an
    English "May 7, 2019"."""
    rx = _date_pattern(lang)
    out: list[Quantity] = []
    if rx is None:
        return out
    for m in rx.finditer(text):
        day = 1 if m.group("day") == "1er" else int(m.group("day"))
        try:
            when = datetime.date(int(m.group("year")), prof.months[m.group("month")], day)
        except ValueError:
            continue
        out.append(Quantity(float(when.toordinal()), "date", "", m.group(), m.start(),
                            m.end()))
    return out


@functools.cache
def _weekday_pattern(lang: str) -> re.Pattern[str] | None:
    prof = profile(lang)
    if prof is None:
        return None
    names = {w for n in prof.weekdays for w in (n, n.lower(), n.capitalize())}
    return re.compile(rf"(?<![\w-])(?P<wd>{_alt(names)})(?![\w-])")


def _weekdays(text: str, prof: Profile, ref: datetime.date) -> list[Quantity]:
    """Weekdays as the day before the document's date they name (``dates.weekday_before``,
    as an English "on Monday" is read): one date, whatever the language."""
    from sidelight.annotations.dates import weekday_before

    rx = _weekday_pattern(prof.code)
    if rx is None:
        return []
    table = {n.lower(): i for n, i in prof.weekdays.items()}
    out = []
    for m in rx.finditer(text):
        day = weekday_before(ref, table[m.group("wd").lower()] - 1)
        out.append(Quantity(float(day.toordinal()), "date", "", m.group(), m.start(),
                            m.end()))
    return out


def _value(prof: Profile, m: re.Match[str]) -> float | None:
    if m.group("word"):
        value = float(prof.number_words[m.group("word")])
    else:
        raw = m.group("num")
        for sep in prof.thousands:
            raw = raw.replace(sep, "")
        try:
            value = float(raw.replace(prof.decimal, "."))
        except ValueError:
            return None
    # "neun Milliarden", "9 Mrd.": the scale counts for a number in words as in digits.
    scale = m.group("scale")
    if scale:
        value *= prof.scales.get(scale, prof.scales.get(scale.rstrip("."), 1))
    return value


def localised_quantities(text: str, lang: str, ref: datetime.date | None = None
                         ) -> list[Quantity] | None:
    """The figures of ``text`` as ``lang`` writes them, or None when the language has no
    profile of its own (the English reading then applies). ``ref``, the document's date,
    resolves weekdays ("am Montag", "lundi") to the day they name, as in English."""
    rx = _pattern(lang)
    prof = profile(lang)
    if rx is None or prof is None:
        return None
    dates = _dates(text, lang, prof)
    if ref is not None:
        # A weekday before a full date ("Montag, 19. März 2018") is that date's.
        dates += [d for d in _weekdays(text, prof, ref)
                  if not any(0 <= o.start - d.end <= 3 for o in dates)]
        dates.sort(key=lambda q: q.start)
    out: list[Quantity] = list(dates)
    approx_words = _APPROX.get(lang, {})
    for m in rx.finditer(text):
        if any(d.start <= m.start() < d.end for d in dates):
            continue   # the year of a date is the date's
        value = _value(prof, m)
        if value is None:
            continue
        approx = approx_words.get((m.group("approx") or "").lower(), "")
        sym = (m.group("sym") or m.group("sym2") or "").strip()
        end = m.end()
        noun = m.group("noun") or ""
        # The counted noun: capitalised in German, lower case and no function word in French.
        counted = bool(noun) and (noun[0].isupper() if prof.capitalises_nouns
                                  else noun[0].islower() and noun not in _NOT_NOUNS) \
            and noun not in prof.weekdays  # "neuf milliards mardi": a day, not a count
        year = bool(m.group("num")) and not m.group("scale") and re.fullmatch(
            r"(?:1[6-9]|20)\d\d", m.group("num")) is not None
        if m.group("pct"):
            unit = "percent"
        elif m.group("cur") or sym:
            unit = _CURRENCIES.get((m.group("cur") or sym).lower(), "")
        elif counted and not year:
            unit = noun.lower()
        else:
            end = m.end("scale") if m.group("scale") else m.end("num") if m.group("num") \
                else m.end("word")
            unit = "calendar-year" if year else ""
        if m.group("word") and not unit and not m.group("scale"):
            continue   # a bare count in words ("zwei") says too little to compare
        start = m.start("approx") if m.group("approx") else m.start()
        out.append(Quantity(value, unit, approx, text[start:end], start, end))
    out.sort(key=lambda q: q.start)
    return out
