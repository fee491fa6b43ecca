"""Canonical keys: one identity per entity across the documents open together.

Works on any engine's output (it needs only labels, texts and the document text), so a
plugged-in engine gets the same linking: "US"/"United States" through the gazetteer aliases,
a surname to the full name given elsewhere, an acronym to its long form, and a misspelt
name to the name it is one or two edits away from.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.dates import day_of, lead_date

from .gazetteer import for_language, load
from .model import Entity
from .patterns import BRACKET_ACRONYM

_ORG_TAIL = re.compile(
    r"(?:,? (?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|nv|gmbh"
    r"|group|holdings))\.?$"
)
# Words that end a company's long name and are dropped in its short one ("Cisco Systems" /
# "Cisco"). Unlike the legal forms cut by ``_ORG_TAIL`` they stay in the key, and the
# comparison still counts them as words (``company_tail``).
COMPANY_WORDS = frozenset({
    "systems", "communications", "technologies", "technology", "industries", "international",
    "networks", "enterprises", "partners", "pharmaceuticals", "therapeutics", "motors",
    "airlines", "brands", "laboratories", "labs", "solutions",
})
_LEGAL_WORDS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "plc", "ag", "sa", "nv", "gmbh", "group", "holdings",
})
_PARENT_WORDS = frozenset({"group", "holdings"})
_TAIL_WORDS = COMPANY_WORDS | _LEGAL_WORDS
_SPACES = re.compile(r"\s+")
_PERCENT = re.compile(r"\s*(?:percent|per cent|%)$")
_NAME_LINKED = ("PERSON", "ORG")
# ``BRACKET_ACRONYM`` without its leading spaces.
_BRACKETED = re.compile(BRACKET_ACRONYM.pattern.removeprefix(r"\s*"))
_END = itemgetter(1)
_LABEL = itemgetter(2)
_TEXT = itemgetter(3)


def normalise(label: str, text: str, lang: str = "en") -> str:
    """The readable identity of one mention, before any linking; names the gazetteer of the
    text's language knows take their English key, so they are one across languages."""
    t = _SPACES.sub(" ", text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
                    ).strip()
    gaz = for_language(lang).names
    hit = gaz.get(t) or gaz.get(t.title() if t.isupper() and len(t) > 3 else t)
    if hit is not None and (hit[0] == label or label in ("GPE", "NORP", "LOC")):
        return hit[1]
    low = t.lower()
    if low.endswith("'s"):
        low = low[:-2]
    if label in ("ORG", "FAC", "PRODUCT", "EVENT"):
        if low.startswith("the "):
            low = low[4:]
        low = _ORG_TAIL.sub("", low)
    elif label == "PERSON":
        # Middle initials come and go ("Donald J. Trump").
        low = " ".join(w for w in low.split() if not (len(w) == 2 and w.endswith(".")))
    elif label == "PERCENT":
        low = _PERCENT.sub("%", low)
    elif label in ("CARDINAL", "MONEY"):
        low = low.replace(",", "")
    return low.strip(" .") or low


Row = tuple[int, int, str, str]   # start, end, label, text: an entity before its key


def acronym_definitions(text: str, rows: Sequence[Row],
                        brackets: dict[int, str] | None = None) -> dict[str, Row]:
    """Acronym -> the multi-word entity (row) it was introduced for in brackets;
    ``brackets`` is ``bracket_ends(text)`` when the caller has it already."""
    defs: dict[str, Row] = {}
    if brackets is None:
        brackets = bracket_ends(text)
    if not brackets:
        return defs
    # (The rows that end at one, picked out in C: a text has tens of thousands of rows.)
    for e in compress(rows, map(brackets.__contains__, map(_END, rows))):
        acr = brackets[e[1]]
        etext = e[3]
        if " " not in etext:
            continue
        words = [w for w in etext.replace("-", " ").split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        # The acronym's letters must come from the long form's words, in order, first one first.
        if acr and acr[0].upper() == initials[:1] and _subsequence(acr.upper(), initials.upper()):
            defs[acr] = e
    return defs


def bracket_ends(text: str) -> dict[int, str]:
    """Every offset where ``BRACKET_ACRONYM`` matches (spaces, then an acronym in brackets),
    with its acronym, dots dropped: found from the brackets, a handful in a text, rather than
    tried at the end of every entity."""
    out: dict[int, str] = {}
    for m in _BRACKETED.finditer(text):
        acr = m.group(1).replace(".", "")
        i = m.start()
        out[i] = acr
        while i > 0 and text[i - 1].isspace():
            i -= 1
            out[i] = acr
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made by deleting up to ``depth`` characters of it.

    Two names within that many edits share one of these (symmetric deletion), so a typo is
    found by lookup rather than by comparing every pair of names.
    """
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def bounded_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def link(texts: Sequence[str], docs: Sequence[Sequence[Entity]]) -> list[list[Entity]]:
    """Give every entity its canonical key, linking mentions within and across ``docs``."""
    return link_rows(texts, [[(e.start, e.end, e.label, e.text) for e in doc] for doc in docs])


def link_rows(texts: Sequence[str], docs: Sequence[Sequence[Row]],
              langs: Sequence[str] | None = None) -> list[list[Entity]]:
    """``link`` for engines that hand over plain ``(start, end, label, text)`` rows;
    ``langs`` gives each document's language (English when not given)."""
    # A pass over many thousands of rows that makes an entity each and no cycle.
    with no_cycle_collection():
        return _link_rows(texts, docs, langs if langs is not None else ["en"] * len(texts))


def _link_rows(texts: Sequence[str], docs: Sequence[Sequence[Row]],
               langs: Sequence[str]) -> list[list[Entity]]:
    # Everything but the final entities is worked out once per distinct (label, text): a long
    # document names the same few people hundreds of times. Counted in C, in order of first
    # mention (which the typo pass's ties depend on).
    counts_lt: Counter[tuple[str, str]] = Counter()
    norm: dict[tuple[str, str], str] = {}
    per_doc: list[Counter[tuple[str, str]]] = []
    for i, doc in enumerate(docs):
        lang = langs[i]
        here = Counter(zip(map(_LABEL, doc), map(_TEXT, doc), strict=True))
        per_doc.append(here)
        for lt in here:
            if lt not in norm:
                norm[lt] = _normalise_cached(lt[0], lt[1], lang)
        counts_lt.update(here)
    alias: dict[tuple[str, str], str] = {}

    # Acronyms brought in with their long form, anywhere among the documents.
    for text, doc in zip(texts, docs, strict=True):
        for acr, long in acronym_definitions(text, doc).items():
            n_long = norm[(long[2], long[3])]
            alias[(long[2], acr.lower())] = n_long
            for lab in _NAME_LINKED:
                alias.setdefault((lab, acr.lower()), n_long)

    # Full names, to resolve surnames and bare acronyms against.
    full_by_last: dict[str, set[str]] = defaultdict(set)
    long_by_initials: dict[str, set[str]] = defaultdict(set)
    for (label, _), n in norm.items():
        if " " in n:
            if label == "PERSON":
                full_by_last[n.rsplit(" ", 1)[1]].add(n)
            elif label == "ORG":
                long_by_initials[_initials(n)].add(n)
    famous = load().famous_surnames
    if "de" in langs:
        norm.update(genitive_keys(norm, [here for here, lang in zip(per_doc, langs, strict=True)
                                         if lang == "de"], full_by_last, famous))

    def resolve(label: str, n: str, text: str) -> str:
        n = alias.get((label, n), n)
        if " " in n:
            return n
        if label == "PERSON":
            fulls = full_by_last.get(n)
            if fulls and len(fulls) == 1:
                return next(iter(fulls))
            cap = text.strip().split()[-1].replace("’s", "").replace("'s", "")
            if not fulls and cap.title() in famous:
                return famous[cap.title()]
        elif label == "ORG" and text.isupper() and 2 <= len(text) <= 6:
            longs = long_by_initials.get(text.upper())
            if longs and len(longs) == 1:
                return next(iter(longs))
        return n

    resolved = {lt: resolve(lt[0], n, lt[1]) for lt, n in norm.items()}
    orgs = {n for (label, _), n in resolved.items() if label == "ORG"}
    # "Acme Group" keys as "acme" (its legal form cut), yet beside "Acme Systems" it is a
    # second longer name with that stem.
    grouped = {n for (label, text), n in resolved.items()
               if label == "ORG" and text.split()[-1:] != []
               and text.split()[-1].strip(".,").lower() in _PARENT_WORDS}
    short_form = _short_forms(orgs, grouped)
    resolved = {lt: short_form.get(n, n) if lt[0] == "ORG" else n for lt, n in resolved.items()}

    # Misspellings: a rare name one or two edits from a more frequent one of the same label.
    counts: Counter[tuple[str, str]] = Counter()
    for lt, c in counts_lt.items():
        if lt[0] in _NAME_LINKED:
            counts[(lt[0], resolved[lt])] += c
    fix: dict[tuple[str, str], str] = {}
    # Only a name seen once is taken for a typo, and only of a name seen three times or more.
    rare = [(k, c) for k, c in counts.items() if c == 1 and len(k[1]) >= 6]
    if rare:
        # Lengths the rare names have: a name more than two letters longer or shorter than all
        # of them cannot be within two edits, so its deletions are never built.
        near: set[tuple[str, int]] = {(label, len(n) + d) for (label, n), _ in rare
                                      for d in (-2, -1, 0, 1, 2)}
        index: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for (label, n), c in counts.items():
            if c > 2 and len(n) >= 5 and (label, len(n)) in near:
                for v in _deletions(n, 1 if len(n) < 9 else 2):
                    index[(label, v)].append((n, c))
        for (label, n), c in rare:
            limit = 1 if len(n) < 9 else 2
            best: tuple[int, str] | None = None
            for v in _deletions(n, limit):
                for other, oc in index.get((label, v), ()):
                    if oc > c and other != n and (best is None or oc > best[0]) \
                            and bounded_distance(n, other, limit) <= limit:
                        best = (oc, other)
            if best is not None:
                fix[(label, n)] = best[1]

    # Keys by label, then text: two lookups of strings, whose hashes are kept, cost less than
    # building and hashing a pair for each of a document's tens of thousands of entities.
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    for (label, t), r in resolved.items():
        keys[label][t] = f"{label}:{fix.get((label, r), r)}"
    new = tuple.__new__
    out: list[list[Entity]] = []
    for text, doc, here, lang in zip(texts, docs, per_doc, langs, strict=True):
        days = _day_keys(text, [t for label, t in here if label == "DATE"], lang)
        if days:
            k = keys.copy()
            k["DATE"] = {**keys["DATE"], **{t: key for (_, t), key in days.items()}}
        else:
            k = keys
        # (Built as the tuple it is: a named tuple's own constructor is a Python call.)
        out.append([new(Entity, (s, e, label, t, k[label][t])) for s, e, label, t in doc])
    return out


_GENITIVE_LABELS = frozenset(("PERSON", "ORG", "GPE"))


def genitive_keys(norm: dict[tuple[str, str], str], german: Sequence[Iterable[tuple[str, str]]],
                  full_by_last: dict[str, set[str]],
                  famous: dict[str, str]) -> dict[tuple[str, str], str]:
    """The identity of each name German documents give in the genitive ("Zuckerbergs",
    "Facebooks"): the name's own, when the documents, a full name or the gazetteer know the
    name without its -s. ``german`` holds each German document's distinct (label, text)."""
    out: dict[tuple[str, str], str] = {}
    gaz = for_language("de").names
    for here in german:
        for lt in here:
            label, text = lt
            if label not in _GENITIVE_LABELS or text[-1:] != "s" or text[-2:] == "ss" \
                    or " " in text or len(text) < 4:
                continue
            stem = text[:-1]
            known = norm.get((label, stem))
            if known is not None:
                out[lt] = known
            elif label == "PERSON" and stem.lower() in full_by_last:
                out[lt] = stem.lower()   # resolved to the full name below
            elif label == "PERSON" and stem.title() in famous:
                out[lt] = famous[stem.title()]
            elif stem in gaz and gaz[stem][0] == label:
                out[lt] = gaz[stem][1]
    return out


def _day_keys(text: str, dates: Sequence[str], lang: str = "en") -> dict[tuple[str, str], str]:
    """The keys of the dates among ``dates`` (distinct texts of a document's DATE entities)
    that name one day ("DATE:2018-03-20" for "March 20, 2018", "20 March 2018" and
    "20/03/2018"); a weekday or a date without its year is read against the document's own
    date line. Dates that name no single day keep their words."""
    if not dates:
        return {}
    ref = lead_date(text)
    out: dict[tuple[str, str], str] = {}
    for t in dates:
        day = day_of(t, ref)
        if day is None and lang != "en":
            from sidelight.annotations.language.numbers import local_day

            day = local_day(t, lang)   # "22. März 2018", "22 mars 2018"
        if day is not None:
            out[("DATE", t)] = f"DATE:{day.isoformat()}"
    return out


def company_tail(text: str) -> tuple[int, int]:
    """Where the descriptive company words ending an organisation's name lie in ``text``
    ("Cisco Systems Inc." -> (6, 13)); an empty span when it has none."""
    words = list(re.finditer(r"[^\s,]+", text))
    while len(words) > 1 and words[-1].group().rstrip(".").lower() in _LEGAL_WORDS:
        words.pop()
    end = start = words[-1].end() if words else 0
    while len(words) > 1 and words[-1].group().rstrip(".").lower() in COMPANY_WORDS:
        start = words.pop().start()
    return (start, end) if start < end else (end, end)


def _stems(name: str) -> list[str]:
    """``name`` without one, two, … of its trailing company words, keeping at least one word."""
    words = name.split()
    out = []
    while len(words) > 1 and words[-1].strip(".,") in _TAIL_WORDS:
        words = words[:-1]
        out.append(" ".join(words).rstrip(","))
    return out


def _short_forms(names: set[str], grouped: set[str]) -> dict[str, str]:
    """Short organisation name -> the one long name it is short for ("cisco" -> "cisco
    systems"). A stem that two different long names share ("Acme Systems", "Acme Group")
    names neither, so it keeps its own key."""
    longs: dict[str, set[str]] = defaultdict(set)
    for n in names:
        for stem in _stems(n):
            if stem in names:
                longs[stem].add(n)
    out: dict[str, str] = {}
    for stem, found in longs.items():
        if stem in grouped:
            continue
        # The long names of one company nest ("acme systems international" holds "acme
        # systems"): the shortest of such a chain is the key; anything else is ambiguous.
        shortest = min(found, key=len)
        if all(shortest == n or shortest in _stems(n) for n in found):
            out[stem] = shortest
    return out


@functools.lru_cache(maxsize=65536)
def _normalise_cached(label: str, text: str, lang: str = "en") -> str:
    # The gazetteers are loaded once per process, so the readable identity of a (label, text)
    # never changes: kept across documents and calls.
    return normalise(label, text, lang)
