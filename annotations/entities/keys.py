"""Canonical keys: one identity per entity across the documents open together.

Works on any engine's output (it needs only labels, texts and the document text), so a
plugged-in engine gets the same linking: "US"/"United States" through the gazetteer aliases,
a surname to the full name given elsewhere, an acronym to its long form, and a misspelt
name to the name it is one or two edits away from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .gazetteer import load
from .model import Entity
from .patterns import BRACKET_ACRONYM

_ORG_TAIL = re.compile(
    r"(?:,? (?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|nv|gmbh"
    r"|group|holdings))\.?$"
)
_SPACES = re.compile(r"\s+")
_PERCENT = re.compile(r"\s*(?:percent|per cent|%)$")
_NAME_LINKED = ("PERSON", "ORG")


def normalise(label: str, text: str) -> str:
    """The readable identity of one mention, before any linking."""
    t = _SPACES.sub(" ", text.replace("’", "'")).strip()
    gaz = load().names
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


def acronym_definitions(text: str, rows: Sequence[Row]) -> dict[str, Row]:
    """Acronym -> the multi-word entity (row) it was introduced for in brackets."""
    defs: dict[str, Row] = {}
    for e in rows:
        etext = e[3]
        if " " not in etext:
            continue
        m = BRACKET_ACRONYM.match(text, e[1])
        if m is None:
            continue
        acr = m.group(1).replace(".", "")
        words = [w for w in etext.replace("-", " ").split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        # The acronym's letters must come from the long form's words, in order, first one first.
        if acr and acr[0].upper() == initials[:1] and _subsequence(acr.upper(), initials.upper()):
            defs[acr] = e
    return defs


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


def link_rows(texts: Sequence[str], docs: Sequence[Sequence[Row]]) -> list[list[Entity]]:
    """``link`` for engines that hand over plain ``(start, end, label, text)`` rows."""
    cache: dict[tuple[str, str], str] = {}
    norms: list[list[str]] = []
    for doc in docs:
        dn = []
        for _, _, label, etext in doc:
            n = cache.get((label, etext))
            if n is None:
                n = cache[(label, etext)] = normalise(label, etext)
            dn.append(n)
        norms.append(dn)
    alias: dict[tuple[str, str], str] = {}

    # Acronyms brought in with their long form, anywhere among the documents.
    for text, doc, dnorm in zip(texts, docs, norms, strict=True):
        index = {e[0]: n for e, n in zip(doc, dnorm, strict=True)}
        for acr, long in acronym_definitions(text, doc).items():
            alias[(long[2], acr.lower())] = index[long[0]]
            for lab in _NAME_LINKED:
                alias.setdefault((lab, acr.lower()), index[long[0]])

    # Full names, to resolve surnames and bare acronyms against.
    full_by_last: dict[str, set[str]] = defaultdict(set)
    long_by_initials: dict[str, set[str]] = defaultdict(set)
    for doc, dnorm in zip(docs, norms, strict=True):
        for e, n in zip(doc, dnorm, strict=True):
            if " " in n:
                if e[2] == "PERSON":
                    full_by_last[n.rsplit(" ", 1)[1]].add(n)
                elif e[2] == "ORG":
                    long_by_initials[_initials(n)].add(n)
    famous = load().famous_surnames

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

    rcache: dict[tuple[str, str, str], str] = {}
    resolved: list[list[str]] = []
    for doc, dnorm in zip(docs, norms, strict=True):
        dres = []
        for e, n in zip(doc, dnorm, strict=True):
            k = (e[2], n, e[3])
            r = rcache.get(k)
            if r is None:
                r = rcache[k] = resolve(e[2], n, e[3])
            dres.append(r)
        resolved.append(dres)

    # Misspellings: a rare name one or two edits from a more frequent one of the same label.
    counts: Counter[tuple[str, str]] = Counter(
        (e[2], n) for doc, dres in zip(docs, resolved, strict=True)
        for e, n in zip(doc, dres, strict=True)
        if e[2] in _NAME_LINKED
    )
    fix: dict[tuple[str, str], str] = {}
    # Only a name seen once is taken for a typo, and only of a name seen three times or more.
    rare = [(k, c) for k, c in counts.items() if c == 1 and len(k[1]) >= 6]
    if rare:
        index: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for (label, n), c in counts.items():
            if c > 2 and len(n) >= 5:
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

    out: list[list[Entity]] = []
    for doc, dres in zip(docs, resolved, strict=True):
        out.append([Entity(e[0], e[1], e[2], e[3], f"{e[2]}:{fix.get((e[2], n), n)}")
                    for e, n in zip(doc, dres, strict=True)])
    return out
