"""The cross-document keys made once per distinct (label, text) and the entities built as
tuples give exactly what the key linker gave when it worked mention by mention: the reference
below is that linker as it was (commit f1145d4; since then it also gives German genitives
their name's key, through the same ``genitive_keys``), run beside ``link_rows`` on every test
article, alone, together with the others of its set, and across languages."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.dates import day_of, lead_date
from sidelight.annotations.entities import language_of, link_rows, rule_engine
from sidelight.annotations.entities.gazetteer import load
from sidelight.annotations.entities.keys import (
    _NAME_LINKED,
    _PARENT_WORDS,
    Row,
    _deletions,
    _initials,
    _normalise_cached,
    _short_forms,
    _subsequence,
    acronym_definitions,
    bounded_distance,
    genitive_keys,
)
from sidelight.annotations.entities.patterns import BRACKET_ACRONYM
from sidelight.annotations.language.numbers import local_day

DATA = Path(__file__).resolve().parent / "data"
SETS = ("entities_dev", "entities_blind", "entities_blind2", "entities_blind3",
        "entities_blind4", "entities_blind_de", "entities_blind_fr", "entities_seeds",
        "languages", "multilingual")

Keyed = tuple[int, int, str, str, str]


def _reference_acronyms(text: str, rows: Sequence[Row]) -> dict[str, Row]:
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
        if acr and acr[0].upper() == initials[:1] and _subsequence(acr.upper(), initials.upper()):
            defs[acr] = e
    return defs


def _reference_link(texts: Sequence[str], docs: Sequence[Sequence[Row]],
                    langs: Sequence[str] | None = None) -> list[list[Keyed]]:
    counts_lt: Counter[tuple[str, str]] = Counter()
    norm: dict[tuple[str, str], str] = {}
    langs_ = list(langs) if langs is not None else ["en"] * len(docs)
    for i, doc in enumerate(docs):
        lang = langs[i] if langs is not None else "en"
        for r in doc:
            lt = (r[2], r[3])
            counts_lt[lt] += 1
            if lt not in norm:
                norm[lt] = _normalise_cached(r[2], r[3], lang)
    alias: dict[tuple[str, str], str] = {}
    for text, doc in zip(texts, docs, strict=True):
        for acr, long in _reference_acronyms(text, doc).items():
            n_long = norm[(long[2], long[3])]
            alias[(long[2], acr.lower())] = n_long
            for lab in _NAME_LINKED:
                alias.setdefault((lab, acr.lower()), n_long)
    full_by_last: dict[str, set[str]] = defaultdict(set)
    long_by_initials: dict[str, set[str]] = defaultdict(set)
    for (label, _), n in norm.items():
        if " " in n:
            if label == "PERSON":
                full_by_last[n.rsplit(" ", 1)[1]].add(n)
            elif label == "ORG":
                long_by_initials[_initials(n)].add(n)
    famous = load().famous_surnames
    if "de" in langs_:
        norm.update(genitive_keys(norm, [Counter((r[2], r[3]) for r in doc)
                                         for doc, lang in zip(docs, langs_, strict=True)
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
    grouped = {n for (label, text), n in resolved.items()
               if label == "ORG" and text.split()[-1:] != []
               and text.split()[-1].strip(".,").lower() in _PARENT_WORDS}
    short_form = _short_forms(orgs, grouped)
    resolved = {lt: short_form.get(n, n) if lt[0] == "ORG" else n for lt, n in resolved.items()}
    counts: Counter[tuple[str, str]] = Counter()
    for lt, c in counts_lt.items():
        if lt[0] in _NAME_LINKED:
            counts[(lt[0], resolved[lt])] += c
    fix: dict[tuple[str, str], str] = {}
    rare = [(k, c) for k, c in counts.items() if c == 1 and len(k[1]) >= 6]
    if rare:
        near = {(label, len(n) + d) for (label, n), _ in rare for d in (-2, -1, 0, 1, 2)}
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
    keys = {lt: f"{lt[0]}:{fix.get((lt[0], r), r)}" for lt, r in resolved.items()}
    codes = langs if langs is not None else ["en"] * len(texts)
    out: list[list[Keyed]] = []
    for text, doc, lang in zip(texts, docs, codes, strict=True):
        ref = lead_date(text)
        keyed: list[Keyed] = []
        for e in doc:
            key = keys[(e[2], e[3])]
            if e[2] == "DATE":
                day = day_of(e[3], ref)
                if day is None and lang != "en":
                    day = local_day(e[3], lang)
                if day is not None:
                    key = f"DATE:{day.isoformat()}"
            keyed.append((e[0], e[1], e[2], e[3], key))
        out.append(keyed)
    return out


def _articles() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in SETS:
        paths = sorted((DATA / name).glob("*.txt")) + sorted((DATA / name).glob("*.md"))
        out[name] = [p.read_text(encoding="utf-8") for p in paths]
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    out["seeds"] = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))
                    + sorted(seeds.glob("*.md"))]
    return {k: v for k, v in out.items() if v}


def _linked(texts: list[str]) -> tuple[list[list[Keyed]], list[list[Keyed]]]:
    langs = [language_of(t) for t in texts]
    rows = [rule_engine(c).rows(t) for t, c in zip(texts, langs, strict=True)]
    got = [[(e.start, e.end, e.label, e.text, e.key) for e in doc]
           for doc in link_rows(texts, rows, langs)]
    return got, _reference_link(texts, rows, langs)


def test_keys_equal_the_reference_on_every_test_article_alone() -> None:
    n = 0
    for texts in _articles().values():
        for text in texts:
            got, want = _linked([text])
            assert got == want
            n += len(got[0])
    assert n > 2500   # the test articles were read


def test_keys_equal_the_reference_across_each_set_and_across_languages() -> None:
    sets = _articles()
    for texts in sets.values():
        got, want = _linked(texts)
        assert got == want
    mixed = [sets[name][i] for name in ("entities_blind", "entities_blind_de",
                                         "entities_blind_fr", "languages") for i in (0, 1)]
    got, want = _linked(mixed)
    assert got == want
    assert any(e[2] == "DATE" and e[4].startswith("DATE:20") for doc in got for e in doc)


def test_rows_without_a_language_are_keyed_as_english_as_before() -> None:
    texts = _articles()["entities_blind2"][:3]
    rows = [rule_engine("en").rows(t) for t in texts]
    got = [[(e.start, e.end, e.label, e.text, e.key) for e in doc]
           for doc in link_rows(texts, rows)]
    assert got == _reference_link(texts, rows)


_PIECES = st.sampled_from(["Acme Group", "World Health Organization", "New York", " ", "  ",
                           "\n", "\u00a0", "(", ")", "(WHO)", "(W.H.O.)", "(NY)", "(AG)",
                           "(acme)", "((AG))", "said", ", "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30), st.data())
def test_bracketed_acronyms_found_from_the_brackets_equal_the_reference(
        pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    # Rows ending anywhere (a name before spaces and a bracket, or elsewhere).
    ends = data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    rows: list[Row] = []
    for end in ends:
        start = data.draw(st.integers(0, end))
        rows.append((start, end, "ORG", data.draw(st.sampled_from(
            ["Acme Group", "World Health Organization", "New York", "Acme"]))))
    assert acronym_definitions(text, rows) == _reference_acronyms(text, rows)
