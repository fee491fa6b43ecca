"""The rule-based engine: gazetteers, name shape and document-level evidence.

One regular-expression pass finds every candidate (capitalised spans, numbers, dates); each
distinct capitalised span is analysed once per document (cached), then a document pass makes
the labels consistent: a surname takes its full name's label, an acronym its long form's,
a word left in doubt at the start of a sentence or in a headline is kept only when the
document names it elsewhere.

The steps live in their own modules: ``capitalised`` (spans in capitals, read in place),
``analyser`` (one span out of context), ``amounts`` (numbers, amounts, dates), ``document``
(the document pass, with the cues of ``context``) and ``acronyms``; this module runs them.
"""

from __future__ import annotations

import bisect
import re

from sidelight.annotations.collector import no_cycle_collection

from .acronyms import resolve_acronyms
from .amounts import numbers, table_lines
from .analyser import Analyser
from .capitalised import (
    capitalised,
    join_parts,
    name_tails,
    org_heads,
    undefer,
    undefer_overlapping,
)
from .common_words import is_common
from .document import document_pass
from .gazetteer import Gazetteer, for_language
from .keys import Row, link_rows
from .languages import full_support, lexicon, lower_entities, patterns
from .mentions import START, SURE, Mention
from .model import Entity
from .patterns import AGENCY_DATELINE

_ANALYSIS_CACHE_MAX = 200_000
_PRECISE_NUMBERS = frozenset(("CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# Labels a dateline's place can be read as from its words alone.
_NOT_A_PLACE = frozenset({"FAC", "ORG", "PERSON"})

class RuleRecognizer:
    """The default engine: offline, no model, linear in the text."""

    name = "rules"

    def __init__(self, gazetteer: Gazetteer | None = None, language: str = "en") -> None:
        self._gz = gazetteer
        self._an: Analyser | None = None
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
        # A long text makes tens of thousands of candidates, none in a cycle: the collector
        # would walk them all again every few hundred (a tenth of the time on German news).
        with no_cycle_collection():
            ms = self._precise(text) if self.precise_only else self._mentions(text)
            return [(m.start, m.end, m.label, text[m.start:m.end]) for m in ms]

    def _precise(self, text: str) -> list[Mention]:
        """High-precision entities for a language the rules were not written for: amounts in
        digits, dates in ISO form and names exactly as the gazetteer knows them — no guess
        from capitals, which mean something else in every language."""
        out = [m for m in numbers(text, self.pt, self.gazetteer, self._lower)
               if m.label in _PRECISE_NUMBERS or (
                   m.label == "DATE" and _ISO_DATE.fullmatch(text, m.start, m.end))]
        names = self.gazetteer.names
        for m in self.pt.capspan.finditer(text):
            s = m.start()
            if s and text[s - 1].isalnum():
                continue
            found = names.get(m.group())
            if found is not None and (found[0] != "PERSON" or " " in m.group()) \
                    and not is_common(self.gazetteer, m.group()):
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
    def _analyser(self) -> Analyser:
        # The analysis of a span depends on the gazetteer alone, so it is kept across documents
        # (the stories read side by side name the same people); bounded, so a long session
        # cannot grow it without end.
        an = self._an
        if an is None or len(an.cache) > _ANALYSIS_CACHE_MAX:
            an = self._an = Analyser(self.gazetteer, self.lx)
        return an

    def _mentions(self, text: str) -> list[Mention]:
        an = self._analyser()
        out, doubtful = capitalised(text, an, self.lx, self.pt, self.gazetteer)
        tail = self.pt.name_tail
        if tail is not None:
            doubtful = undefer(doubtful, out, lambda d: text[d[1]:d[1] + 1] == " " and (
                tail.match(text, d[1]) is not None))
            name_tails(text, out, tail, self.gazetteer, self.lx)
        if self.pt.org_head_lower is not None:
            org_heads(text, out, self.pt.org_head_lower)
        others = numbers(text, self.pt, self.gazetteer, self._lower)
        # Where a wire report was filed: the name before its agency ("Menlo Park (dpa) - ")
        # is a place, whatever its last word suggests alone (a park, a bridge, a person).
        datelines: set[tuple[int, int]] = set()
        for am in AGENCY_DATELINE.finditer(text):
            ls = text.rfind("\n", 0, am.start()) + 1
            if am.start() - ls <= 40 and text[ls:ls + 1].isupper():
                others.append(Mention(am.start(1), am.end(1), "ORG", SURE))
                datelines.add((ls, ls + len(text[ls:am.start()].rstrip())))
        if doubtful and others:
            doubtful = undefer_overlapping(text, doubtful, out, others)
        out.extend(others)
        # Capitalised and numeric candidates may overlap ("Channel 4", "March 22, 2018"):
        # the one that starts first, then the longer, wins.
        out.sort(key=START)
        kept: list[Mention] = []
        end = -1
        for m in out:
            if m.start >= end:
                kept.append(m)
                end = m.end
            elif m.start == kept[-1].start and m.end > end:
                kept[-1] = m   # of two that start together, the longer
                end = m.end
        kept = join_parts(text, kept, self.gazetteer, self.lx)
        if datelines:
            kept = _dateline_places(text, kept, datelines)
        tables = table_lines(text)
        if tables:
            kept = [m for m in kept if not any(a <= m.start < b for a, b in tables)]
            doubtful = [d for d in doubtful if not any(a <= d[0] < b for a, b in tables)]
        return resolve_acronyms(text, document_pass(text, kept, doubtful, self.lx, self.gazetteer))


def _dateline_places(text: str, kept: list[Mention],
                     datelines: set[tuple[int, int]]) -> list[Mention]:
    """``kept`` with each dateline's place a place: relabelled when read as something else,
    added when its words were read as none (of one to four capitalised words)."""
    # (A few datelines in a text of tens of thousands of mentions, sorted by start: each
    # finds its neighbours by bisection.)
    for start, end in datelines:
        i = bisect.bisect_left(kept, start, key=START)
        while i < len(kept) and kept[i].start == start:
            m = kept[i]
            if m.end == end and m.label in _NOT_A_PLACE:
                m.label, m.conf = "GPE", SURE
            i += 1
    added = []
    for start, end in datelines:
        words = text[start:end].split()
        # ``kept`` does not overlap itself, so only the mentions beside ``start`` can reach it.
        at = bisect.bisect_left(kept, start, key=START)
        near = kept[max(0, at - 1):at + 1]
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
                m.start < end and start < m.end for m in near):
            added.append(Mention(start, end, "GPE", SURE))
    return sorted([*kept, *added], key=START) if added else kept
