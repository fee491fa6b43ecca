"""The capitalised spans of a text, read where they stand: mid-sentence, at a sentence start,
on a headline, in a transcript's speaker label; and the joins the scan cannot see (a company
form after its comma, a name cut by a line break, a name's lower-case tail)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, repeat
from operator import itemgetter

from .analyser import COMMA_SUFFIX, COMMA_SUFFIX_STARTS, Analyser, doubtful_word
from .common_words import is_common
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .mentions import HEAD, NEED, SHAPE, SURE, Doubtful, Mention
from .patterns import DATELINE_END, PROSE_WORD, RIC_TAIL, SPEAKER, Patterns

# (The lookups of the spans' loop, as C calls.)
_START = re.Match.start
_GROUP = itemgetter(0)
_NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))
_OPENERS = frozenset(".!?:;\n|•>")
_SKIP_BACK = frozenset(" \t\"“”‘’'([{*_")
_QUOTES = frozenset("\"“‘")


def capitalised(text: str, an: Analyser, lx: Lexicon, pt: Patterns,
                gz: Gazetteer) -> tuple[list[Mention], list[Doubtful]]:
    """The mentions of the capitalised spans, and apart from them the doubtful ones (see
    ``Doubtful``)."""
    out: list[Mention] = []
    doubtful: list[Doubtful] = []
    heads: dict[int, bool] = {}
    skip_until = -1
    initial_of = starts_sentence
    readings = an.readings
    reading = an.reading
    # Where every noun is capitalised, most spans are one doubtful word wherever they
    # stand: those skip the sentence-start test (see ``Analyser.anywhere``).
    anywhere = an.anywhere if lx.capitalises_nouns else None
    # ...and most others are read the same wherever they stand (names, places, amounts in
    # words): those skip it too (see ``Analyser.settled_anywhere``).
    settled = an.settled
    # Where every noun is capitalised, a capital mid-sentence is no evidence (see the
    # document pass), so its headline check is skipped.
    nouns_capitalised = lx.capitalises_nouns
    # Whether the line being read is a headline (see ``on_headline``), worked out when first
    # asked: the spans come in order, so the line is known until its end.
    line_end = -1
    line_head = False
    # (The scanner starts no span right after a letter or digit.) Each span's start, text
    # and doubtful word are taken out of the matches in C rather than one call at a time: a
    # German megabyte holds some 42,000 spans, half of them one common noun.
    found = list(pt.capspan.finditer(text))
    spans = list(map(_GROUP, found))
    doubts = map(anywhere.get, spans) if anywhere is not None else repeat(None)
    for m, s, span, doubt in zip(found, map(_START, found), spans, doubts, strict=False):
        if s < skip_until:
            continue
        if anywhere is not None:
            if doubt:
                a = s + doubt[0]
                b = s + doubt[1]
                # (The common case first, without a call: no line break before, no comma
                # after.)
                if (text[a - 1:a] != "\n" and text[b:b + 2] != ", ") \
                        or not may_join(text, a, b):
                    doubtful.append((a, b, False))
                    continue
            else:
                got = settled.get(span)
                if got is not None:
                    if got[1] and s >= line_end:
                        line_end, line_head = _line_at(text, s, heads)
                    if not (got[1] and line_head):
                        res = got[0]
                        for a, b, label, conf in res:
                            out.append(Mention(s + a, s + b, label, conf, False))
                        if res and res[-1][2] == "DATE":
                            dm = pt.month_date.match(text, s + res[-1][0])
                            if dm is not None:
                                out[-1] = Mention(dm.start(), dm.end(), "DATE", SURE)
                        continue
        if s > 1 and text[s - 1] == " ":
            # Fast paths: after a letter and a space, or a comma and a space, a word is
            # mid-sentence; after a full stop (or another opener) and a space, it starts
            # one. Anything else is for ``starts_sentence`` to tell.
            p2 = text[s - 2]
            if p2.isalpha() or p2 == ",":
                initial = False
            elif p2 in _OPENERS:
                initial = True
            else:
                initial = initial_of(text, s)
        elif s and text[s - 1] == "\n":
            initial = True   # a paragraph's first word
        else:
            initial = initial_of(text, s) if s else True
        got = readings[initial].get(span)
        if got is None:
            got = reading(span, initial)
            if anywhere is not None:
                anywhere[span] = an.doubtful_anywhere(span)
                settled[span] = an.settled_anywhere(span)
        upper, res, sensitive, doubt = got
        if upper:
            if RIC_TAIL.match(text, m.end()) is not None:
                continue   # "AMZN.O": a ticker, not a name
            # A transcript speaker label starts its line in capitals.
            ls = text.rfind("\n", 0, s) + 1
            if s - ls < 14:
                sm = SPEAKER.match(text, ls)
                if sm is not None:
                    out.extend(speaker(text, sm, an, lx, pt, gz))
                    skip_until = sm.end()
                    continue
        mid = not initial and not nouns_capitalised
        # Title-case and capitals lines read like sentence starts throughout, and
        # capitalise ordinary words after a name.
        if sensitive and s >= line_end:
            line_end, line_head = _line_at(text, s, heads)
        if sensitive and line_head:
            res = an.analyse(span, HEAD)
            doubt = doubtful_word(span, res)
            mid = False
        if not res:
            continue
        if mid and res[0][3] == NEED:
            # Capitalised on a title-case line is no sign of a name ("500 Points").
            if s >= line_end:
                line_end, line_head = _line_at(text, s, heads)
            mid = not line_head
        if doubt is not None:
            a = s + doubt[0]
            b = s + doubt[1]
            if (text[a - 1:a] != "\n" and text[b:b + 2] != ", ") or not may_join(text, a, b):
                doubtful.append((a, b, mid))
                continue
        for a, b, label, conf in res:
            out.append(Mention(s + a, s + b, label, conf, mid))
        if res[-1][2] == "DATE":
            # "March 22, 2018": the day and year belong to the month.
            dm = pt.month_date.match(text, s + res[-1][0])
            if dm is not None:
                out[-1] = Mention(dm.start(), dm.end(), "DATE", SURE)
    return out, doubtful


def starts_sentence(text: str, s: int) -> bool:
    """Whether a word at ``s`` opens a sentence (after quotes, brackets and spaces)."""
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


def speaker(text: str, m: re.Match[str], an: Analyser, lx: Lexicon, pt: Patterns,
            gz: Gazetteer) -> list[Mention]:
    """The name (and the bodies in the role) of a transcript's speaker label
    ("SEN. LINDSEY GRAHAM (R-SC):")."""
    out: list[Mention] = []
    s = m.start("name")
    name = m.group("name")
    words = name.split(" ")
    # Leading titles in capitals ("SEN. LINDSEY GRAHAM").
    k = 0
    while k < len(words) and (words[k].title() in lx.title_core or words[k] in lx.title_core):
        k += 1
    words_left = words[k:]
    pname = " ".join(words_left)
    found = gz.names.get(pname) or gz.names.get(pname.title())
    if found is not None and found[0] != "PERSON" and words_left:
        off = len(" ".join(words[:k])) + (1 if k else 0)
        out.append(Mention(s + off, s + off + len(pname), found[0], SURE))
    elif words_left and not any(w.strip(".") in lx.non_name_speakers for w in words_left) \
            and words_left[0].lower() not in lx.stopwords and not (
                len(words_left) > 1
                and all(is_common(gz, w) and w.title() not in gz.first_names
                                            for w in words_left)):
        off = len(" ".join(words[:k])) + (1 if k else 0)
        out.append(Mention(s + off, s + off + len(pname), "PERSON", SURE))
    role = m.group("role")
    if role:
        rs = m.start("role")
        for rm in pt.capspan.finditer(role):
            for a, b, label, conf in an.analyse(rm.group(), True):
                if conf >= SHAPE and label != "PERSON":
                    out.append(Mention(rs + rm.start() + a, rs + rm.start() + b, label, conf))
    return out


def on_headline(text: str, at: int, heads: dict[int, bool]) -> bool:
    """Whether offset ``at`` is on a short line with no lower-case prose word (a title-case or
    capitals headline); cached per line start in ``heads`` for one pass over the text."""
    ls = text.rfind("\n", 0, at) + 1
    head = heads.get(ls)
    if head is None:
        le = text.find("\n", at)
        le = len(text) if le < 0 else le
        head = heads[ls] = le - ls <= 200 and PROSE_WORD.search(text, ls, le) is None
    return head


def _line_at(text: str, at: int, heads: dict[int, bool]) -> tuple[int, bool]:
    """Where the line holding offset ``at`` ends, and whether it is a headline (see
    ``on_headline``)."""
    le = text.find("\n", at)
    return (len(text) if le < 0 else le), on_headline(text, at, heads)


def may_join(text: str, a: int, b: int) -> bool:
    """Whether the word at ``a:b`` may be joined to a neighbour by ``join_parts``: a given
    name ending the line before it ("Richard\nBlumenthal"), a company form after its comma
    ("Industries, Inc.")."""
    return (text[a - 1:a] == "\n" and a > 1 and text[a - 2] != "\n") or (
        text[b:b + 2] == ", " and text.startswith(COMMA_SUFFIX_STARTS, b + 2))


def undefer(doubtful: list[Doubtful], out: list[Mention],
             touches: Callable[[Doubtful], bool]) -> list[Doubtful]:
    """Moves the doubtful words for which ``touches`` holds into ``out`` as mentions."""
    rest: list[Doubtful] = []
    for d in doubtful:
        if touches(d):
            out.append(Mention(d[0], d[1], "ORG", NEED, d[2]))
        else:
            rest.append(d)
    return rest


def undefer_overlapping(text: str, doubtful: list[Doubtful], out: list[Mention],
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


def join_parts(text: str, ms: list[Mention], gz: Gazetteer, lx: Lexicon) -> list[Mention]:
    """Join what the scan cut at a comma: "Industries, Inc." and "Saturday 26 Apr 2014";
    and a name cut by the line break of hard-wrapped wire copy ("Richard\nBlumenthal")."""
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
                     and text[m.start:m.end] in COMMA_SUFFIX)
                    or (p.label == m.label == "DATE" and text[p.start:p.end] in lx.weekdays
                        and text[m.start:m.start + 1].isdigit())):
                p.end = m.end
                p.conf = max(p.conf, m.conf)
                continue
        out.append(m)
    return out


def org_heads(text: str, ms: list[Mention], head: re.Pattern[str]) -> None:
    """A name after a lower-case institution's head is the institution's, head included
    ("l'université de Cambridge" is an organisation, not the town)."""
    starts = {m.end(): m.start() for m in head.finditer(text)
              if not (m.start() and (text[m.start() - 1].isalnum()
                                     or text[m.start() - 1] in "_-"))}
    if not starts:
        return
    for m in ms:
        s = starts.get(m.start)
        if s is not None and m.label in _NAME_LABELS:
            m.start, m.label, m.conf = s, "ORG", SURE


def name_tails(text: str, ms: list[Mention], tail: re.Pattern[str], gz: Gazetteer,
               lx: Lexicon) -> None:
    """Names that end in lower-case adjectives: the gazetteer's ("Union européenne") and
    bodies whose head says so ("Conseil fédéral", "Office national")."""
    names = gz.names
    heads = lx.org_head
    for m in ms:
        if text[m.end:m.end + 1] != " ":
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
