"""Numbers, amounts, percentages, times and dates written in digits or in words, and the
lines of a stock table, whose numbers are no entities."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .gazetteer import Gazetteer
from .mentions import GUESS, SURE, Mention
from .patterns import ANY_NUMBER, LOWER_WORD, NUMBER_START, RARE_CURRENCY, SIGNED_NUMBER, Patterns

_SCAN_LABEL = {
    "date": "DATE", "year": "DATE", "duration": "DATE", "money": "MONEY",
    "percent": "PERCENT", "time": "TIME", "quantity": "QUANTITY", "ordinal": "ORDINAL",
    "cardinal": "CARDINAL", "numword": "CARDINAL",
}
_PREFIX_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_ONE_PRONOUN_BEFORE = frozenset((
    "the", "this", "that", "which", "no", "any", "each", "every", "only", "another", "wrong",
    "right", "other", "last", "first", "new", "old", "same", "next", "latest", "big", "good",
    "bad", "little", "such", "a"))
_YEAR_AFTER = re.compile(r"[ \u00a0]\d{4}(?!\d)")
_START = re.Match.start


def numbers(text: str, pt: Patterns, gz: Gazetteer,
            lower: dict[str, tuple[str, str]]) -> list[Mention]:
    """Amounts, percentages, times, dates and counts, in digits or in words; ``lower`` is the
    language's table of lower-case entities."""
    out: list[Mention] = []
    numeric = pt.numeric
    starts = list(map(_START, NUMBER_START.finditer(text)))
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
            found = gz.names.get(text[s:end])
            if found is not None:
                out.append(Mention(s, end, found[0], SURE))
            elif sum(c.isupper() for c in text[s:end]) >= 3:
                out.append(Mention(s, end, "ORG", GUESS))   # "1MDB"; not "5G", "3D"
            continue
        out.append(Mention(start, end, _SCAN_LABEL[kind], SURE))
    spelled = pt.spelled_number
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
    if pt.lower is not None:
        out.extend(lower_words(text, pt.lower, lower))
    return out


def lower_words(text: str, rx: re.Pattern[str], table: dict[str, tuple[str, str]]) -> list[Mention]:
    """Lower-case entities of a language other than English: counts in words and the
    amounts they open ("zwei Milliarden Euro", "neuf pour cent"), months and weekdays
    ("mardi"), nationality adjectives ("deutschen")."""
    out: list[Mention] = []
    for m in after_boundary(rx, text):
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


def after_boundary(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``rx``, which opens with the one character that must precede a word (no
    letter, digit, "_" or "-"), over the text with a space before it, so that a word at the
    very start counts too; offsets are one more than the text's. A match that ends on such a
    character lends it to the next one, as a look-behind would."""
    src = " " + text
    after_space, after_other = _split_boundary(rx)
    # The two scanners together find what ``rx`` finds: the leftmost of their next matches
    # is its next match (they never start at the same place: one opens on a space only).
    na = after_space.search(src)
    nb = after_other.search(src)
    while na is not None or nb is not None:
        m = na if nb is None or (na is not None and na.start() < nb.start()) else nb
        yield m
        pos = end = m.end()
        last = src[end - 1]
        # (Rare: only an amount's symbol or abbreviation's dot ends a match so.)
        if not (last.isalnum() or last in "_-") and rx.match(src, end - 1) is not None:
            pos = end - 1
        if na is not None and na.start() < pos:
            na = after_space.search(src, pos)
        if nb is not None and nb.start() < pos:
            nb = after_other.search(src, pos)


# Every character that is no space and surely a letter, digit, "_" or "-" (ASCII and the
# Latin letters): a set the engine tests without asking for each character's category.
_SURELY_WORD = (r"0-9A-Za-z_\-\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be"
                r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f")
_BOUNDARY = r"[^\w-]"


@functools.cache
def _split_boundary(rx: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``rx`` (opening with ``[^\\w-]``) as two scanners: one opening with a space, which the
    engine finds as a literal, and one opening with any other such character. A text's
    boundaries are nearly all spaces, and testing every character of it for the class
    ``[^\\w-]`` took most of the scan's time."""
    assert rx.pattern.startswith(_BOUNDARY)
    rest = rx.pattern[len(_BOUNDARY):]
    return (re.compile(" " + rest, rx.flags),
            re.compile(f"[^ {_SURELY_WORD}](?<={_BOUNDARY})" + rest, rx.flags))


def table_lines(text: str) -> list[tuple[int, int]]:
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
