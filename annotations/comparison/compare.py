"""``compare_documents``: every part of a comparison, put together (pure: no files, no store)."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.comparison.alignment import (
    MUTUAL_SHARE,
    THRESHOLD,
    align_all,
)
from sidelight.annotations.comparison.boilerplate import is_boilerplate
from sidelight.annotations.comparison.clauses import ClauseIndex, DocumentClauses
from sidelight.annotations.comparison.contrast import (
    is_shortened,
    number_contrasts,
    pair_kind,
    quote_contrasts,
)
from sidelight.annotations.comparison.entities_across import entity_rows
from sidelight.annotations.comparison.features import (
    NUMERIC_LABELS,
    Mention,
    SentenceFacts,
    feature_weights,
    sentence_facts,
)
from sidelight.annotations.comparison.figure_agree import agreeing_pairs
from sidelight.annotations.comparison.figure_pairs import figure_pairs, figures_by_unit
from sidelight.annotations.comparison.figures_across import figure_rows
from sidelight.annotations.comparison.model import (
    KINDS,
    UNMATCHED,
    AlignedSentence,
    Comparison,
    Counterpart,
    Difference,
    DocSpan,
    NumberContrast,
    Passage,
    QuoteContrast,
    QuoteMatch,
)
from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.only_here import document_gives, told_here_only
from sidelight.annotations.comparison.order_prior import weak_pairs
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.quotes import (
    Quote,
    WordDiff,
    find_quotes,
    quote_stems,
    quote_words,
    word_diff,
)
from sidelight.annotations.comparison.sentences import Sentence, split_sentences
from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation

_RANK = {k: i for i, k in enumerate(KINDS)}
Node = int  # a sentence: document << _BITS | sentence
_BITS = 32
_LOW = (1 << _BITS) - 1
_PAIR_BITS = 64  # a link: its lower node << _PAIR_BITS | its higher node
_PAIR_LOW = (1 << _PAIR_BITS) - 1


def _node(doc: int, sentence: int) -> Node:
    return doc << _BITS | sentence


def _link(a: Node, b: Node) -> int:
    """The key of the link between two sentences, whichever end it is found from."""
    return a << _PAIR_BITS | b if a < b else b << _PAIR_BITS | a
_STORY_NAMES = 3  # named entities a document needs before sharing none of them counts


def compare_documents(
    docs: Sequence[Document],
    entities: Sequence[Sequence[Mention]] | None = None,
    links: Sequence[Annotation] = (),
    *,
    threshold: float = THRESHOLD,
) -> Comparison:
    """Align the sentences of ``docs`` with one another and gather what differs.

    ``entities`` holds one mention list per document with keys shared across documents
    (as ``annotations.entities.recognize_many`` makes them); when None they are recognised
    here. ``links`` are the reader's cross-source link annotations, carried to the report.
    """
    # A comparison builds millions of small objects that hold no cycles and live until it
    # ends; the collector would re-walk them all (a fifth of the time on four 0.5 MB documents).
    with no_cycle_collection():
        return _compare(tuple(docs), entities, links, threshold)


def _compare(
    docs: tuple[Document, ...],
    entities: Sequence[Sequence[Mention]] | None,
    links: Sequence[Annotation],
    threshold: float,
) -> Comparison:
    from sidelight.annotations.language import document_language

    langs = [document_language(d) for d in docs]
    if entities is None:
        from sidelight.annotations.entities import recognize_many

        entities = recognize_many([d.text for d in docs], langs=langs)
    if len(entities) != len(docs):
        raise ValueError(f"{len(entities)} entity lists for {len(docs)} documents")
    quantities = [all_quantities(d.text, d.date, lang) for d, lang in zip(docs, langs,
                                                                          strict=True)]
    quotes = [find_quotes(d.text) for d in docs]
    facts = [
        sentence_facts(d.text, _claim_sentences(d.text), ents, qs, qt)
        for d, ents, qs, qt in zip(docs, entities, quantities, quotes, strict=True)
    ]
    weights = feature_weights(facts)
    parts = [DocumentClauses(f, ents, qs, weights)
             for f, ents, qs in zip(facts, entities, quantities, strict=True)]
    index = ClauseIndex(facts, weights, parts)
    accepted = align_all(index, threshold)
    named = [{e.key for e in ents if e.label not in NUMERIC_LABELS} for ents in entities]
    for a, b in list(accepted):
        # Two reports of one story name at least one same person, place or organisation;
        # documents that share none tell other stories, whatever words they share.
        if len(named[a]) >= _STORY_NAMES and len(named[b]) >= _STORY_NAMES and \
                not named[a] & named[b]:
            del accepted[a, b]
    _quotation_rest(accepted, [_continued(f, q) for f, q in zip(facts, quotes, strict=True)])
    # Sentences paired for one figure they give differently: that figure is their contrast.
    by_figure: dict[tuple[int, int, int, int], list[NumberContrast]] = defaultdict(list)
    own: set[int] = set()  # their links: a passage of their own (a claim about the figure)
    # Links of a sentence that joined a claim as the rest of a speaker's turn: it tells the
    # rest of an answer, whose figures may be about another part of it.
    turned: set[int] = set()
    by_unit: dict[int, dict[str, list[tuple[int, Quantity]]]] = {}
    for (a, b), pairs in accepted.items():
        for d in (a, b):
            if d not in by_unit:
                by_unit[d] = figures_by_unit(facts[d])
        found = figure_pairs(facts[a], facts[b], pairs,
                             lambda i, j, a=a, b=b, score=index.score: score((a, i), (b, j)),
                             (by_unit[a], by_unit[b]))
        pairs += sorted({(p.a, p.b, p.score) for p in found})
        for p in found:
            own.add(_link(_node(a, p.a), _node(b, p.b)))
            by_figure[a, p.a, b, p.b].append(p.contrast)
            by_figure[b, p.b, a, p.a].append(NumberContrast(p.contrast.b, p.contrast.a,
                                                            p.contrast.relation))
        # Sentences giving one rare figure alike: a claim retold in other words.
        alike = agreeing_pairs(facts[a], facts[b], pairs,
                               lambda i, j, a=a, b=b, score=index.score: score((a, i), (b, j)))
        pairs += alike
        pairs.sort()
        own.update(_link(_node(a, i), _node(b, j)) for i, j, _ in alike)
        # Sentences left facing each other between two claims told in order (the order of
        # the documents is the evidence their few shared words lack), and the rest of a
        # speaker's answer in a transcript beside the sentence of it aligned.
        ordered, turns = weak_pairs(pairs, (facts[a], facts[b]),
                                    (docs[a].text, docs[b].text), weights)
        pairs += ordered + turns
        pairs.sort()
        turned.update(_link(_node(a, i), _node(b, j)) for i, j, _ in turns)
    gives = [document_gives(d.text, f, ents, qs, lang)
             for d, f, ents, qs, lang in zip(docs, facts, entities, quantities, langs,
                                             strict=True)]
    # "+": sentences without a counterpart, told on strong evidence by their source only.
    marked = told_here_only(index, accepted, gives, threshold * MUTUAL_SHARE)
    del index, parts  # the clauses read while scoring: tens of MB on long documents

    sentences: list[tuple[AlignedSentence, ...]] = []
    agreed: dict[tuple[str, tuple[str, ...], bool], str] = {}
    raw_differences: list[tuple[int, int, int, int, int, Difference]] = []
    # Each link between two sentences is found from both of its ends: kept once, with the
    # less alike kind, its two sentences packed in one int (see ``_link``).
    joined: dict[int, tuple[float, str]] = {}
    # The (document, sentence, other document) of every pair made for a figure: most
    # sentences have none, and their partners are then all runs by words.
    for_figure = {key[:3] for key in by_figure}
    # One string per text: sources repeat one another's sentences, and a sentence's text is
    # also a passage's, a claim's and a difference's side. Shared, the comparison holds and
    # pickles each text once (the reader's comparing process sends it back pickled: 4 x 250 KB
    # of retellings held 7.2 million characters of texts in 89,000 strings, 0.8 million
    # distinct).
    canon: dict[str, str] = {}
    one = canon.setdefault
    weak_below = threshold * MUTUAL_SHARE
    for i in range(len(docs)):
        row: list[AlignedSentence] = []
        partners = _partners_of(i, accepted)
        for si, f in enumerate(facts[i]):
            counterparts: list[Counterpart] = []
            kinds: list[str] = []
            told = partners.get(si, {})
            here = i << _BITS | si  # _node(i, si)
            for j in sorted(told):
                runs: list[Counterpart] = []
                figured = (i, si, j) in for_figure
                if figured:
                    # A sentence paired for a figure is a claim of its own, not part of a run.
                    by_words = [p for p in told[j] if (i, si, j, p[0]) not in by_figure]
                    found_runs = _runs(by_words) + [
                        (t, t, sc) for t, sc in told[j] if (i, si, j, t) in by_figure]
                else:
                    found_runs = _runs(told[j])
                there = j << _BITS
                for first, last, score in found_runs:
                    run = facts[j][first : last + 1]
                    # A pair that joined its claim only as a neighbour is weaker evidence.
                    strong = score >= weak_below
                    # Many sources repeat one another word for word: a pair of wordings
                    # that agreed once agrees again (only differences need their offsets).
                    rest = tuple(_link(_node(i, si), _node(j, t)) in turned
                                 for t in range(first, last + 1))
                    seen = (f.normal, tuple(r.normal for r in run), strong, rest)
                    kind = agreed.get(seen, "")
                    forced = by_figure.get((i, si, j, first)) if figured else None
                    if forced:
                        kind, numbers, qcs = "differs", list(forced), []
                    elif kind:
                        numbers, qcs = [], []
                    else:
                        kind, numbers, qcs = _contrast(
                            f, run, strong, [r for r, t in zip(run, rest, strict=True) if not t])
                        if kind != "differs":
                            agreed[seen] = kind
                    start, end = run[0].sentence.start, run[-1].sentence.end
                    runs.append(Counterpart(j, first, last, start, end, score, kind))
                    kinds.append(kind)
                    rank = _RANK[kind]
                    for t in range(first, last + 1):
                        b = there | t
                        # _link(here, b), inlined: one per pair of sentences told alike.
                        key = here << _PAIR_BITS | b if here < b else b << _PAIR_BITS | here
                        old = joined.get(key)
                        if old is None or rank > _RANK[old[1]]:
                            joined[key] = (max(score, old[0]) if old else score, kind)
                    if kind == "differs":
                        # The other side shows the sentences that disagree, not the whole
                        # run (a headline beside its lead).
                        d0, d1 = _disagreeing(run, numbers, qcs)
                        first_d, last_d = first + d0, first + d1
                        ds, de = facts[j][first_d].sentence.start, facts[j][last_d].sentence.end
                        said = docs[j].text[ds:de]
                        diff = Difference(
                            a=DocSpan(i, f.sentence.start, f.sentence.end,
                                      one(f.sentence.text, f.sentence.text)),
                            b=DocSpan(j, ds, de, one(said, said)),
                            score=score,
                            numbers=tuple(numbers),
                            quotes=tuple(qcs),
                        )
                        raw_differences.append((i, si, j, first_d, last_d, diff))
                # The best place first (``counterpart_in``), then the others in reading order.
                if len(runs) == 1:
                    counterparts.append(runs[0])
                else:
                    best = max(runs, key=lambda r: r.score)
                    counterparts += [best, *(r for r in runs if r is not best)]
            if kinds:
                kind = max(kinds, key=_RANK.__getitem__)
            else:
                # No counterpart found is no proof that no other source tells it.
                kind = "unique" if (i, si) in marked else UNMATCHED
            s = f.sentence
            row.append(AlignedSentence(si, s.start, s.end, one(s.text, s.text), kind,
                                       tuple(counterparts), s.speaker))
        sentences.append(tuple(row))
        for a in range(i):
            accepted.pop((a, i), None)  # both of its documents are done
        del partners

    return Comparison(
        documents=docs,
        sentences=tuple(sentences),
        passages=tuple(_passages(docs, facts, joined, own, canon)),
        differences=tuple(_dedupe(raw_differences)),
        quote_matches=tuple(_quote_matches(quotes)),
        entity_rows=tuple(entity_rows(entities, [d.text for d in docs])),
        figure_rows=tuple(figure_rows([_in_claims(qs, f) for qs, f in zip(quantities, facts,
                                                                          strict=True)])),
        quotes=tuple(tuple(q) for q in quotes),
        quantities=tuple(tuple(q) for q in quantities),
        links=tuple(links),
        _starts=tuple(tuple(s.start for s in row) for row in sentences),
    )


def _partners_of(doc: int, accepted: dict[tuple[int, int], list[tuple[int, int, float]]]
                 ) -> dict[int, dict[int, list[tuple[int, float]]]]:
    """``[sentence][other doc] = [(sentence there, score), ...]`` for the sentences of
    ``doc`` that have partners: made for one document at a time, so that a long comparison
    does not hold every document's at once."""
    out: dict[int, dict[int, list[tuple[int, float]]]] = {}
    for (a, b), pairs in accepted.items():
        if a == doc:
            for i, j, score in pairs:
                out.setdefault(i, {}).setdefault(b, []).append((j, score))
        elif b == doc:
            for i, j, score in pairs:
                out.setdefault(j, {}).setdefault(a, []).append((i, score))
    return out


def _continued(facts: Sequence[SentenceFacts], quotes: Sequence[Quote]) -> set[int]:
    """The sentences that carry on a quotation the sentence before them opened."""
    starts = [f.sentence.start for f in facts]
    out = set()
    for q in quotes:
        first = bisect_right(starts, q.start) - 1
        last = bisect_right(starts, q.end - 1) - 1
        if first >= 0:
            out.update(range(first + 1, last + 1))
    return out


def _quotation_rest(accepted: dict[tuple[int, int], list[tuple[int, int, float]]],
                    continued: Sequence[set[int]]) -> None:
    """A quotation cut into sentences is one claim: the sentences of it that found no
    partner of their own join the partners of the rest of it ("Don't wait for a knock on
    your door. | Go now," Lund said.)."""
    for (a, b), pairs in accepted.items():
        for x, y, cont in ((0, 1, continued[b]), (1, 0, continued[a])):
            if not cont:
                continue
            told = {p[y] for p in pairs}
            extra = []
            for p in pairs:
                # Forward through the rest of the quotation (the sentences that carry it
                # on), and back to the sentence that opened it.
                rest = []
                t = p[y] + 1
                while t in cont and t not in told:
                    rest.append(t)
                    t += 1
                t = p[y]
                while t in cont and t - 1 not in told:
                    rest.append(t - 1)
                    t -= 1
                for t in rest:
                    told.add(t)
                    extra.append((p[x], t, p[2]) if y == 1 else (t, p[x], p[2]))
            pairs.extend(extra)
        pairs.sort()


def _in_claims(quantities: Sequence[Quantity], facts: Sequence[SentenceFacts]) -> list[Quantity]:
    """The figures that sentences telling a claim give: a ticker row's prices or a heading's
    number are page furniture, not figures a report gives about its story."""
    spans = sorted((f.sentence.start, f.sentence.end) for f in facts)
    starts = [start for start, _end in spans]
    out = []
    for q in quantities:
        at = bisect_right(starts, q.start) - 1
        if at >= 0 and q.end <= spans[at][1]:
            out.append(q)
    return out


def _claim_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` that can tell a claim: page furniture and questions (an
    interviewer's "Are you confident?", a page's "Got a tip?", which claim nothing, and
    would be marked told by this source only) are left out."""
    out = []
    headline = True
    for s in split_sentences(text):
        first = headline and not s.text.lower().startswith("date")
        if not is_boilerplate(text, s, first) and not s.text.rstrip().endswith("?"):
            out.append(s)
        if first:
            headline = False
    return out


def _runs(partners: list[tuple[int, float]]) -> list[tuple[int, int, float]]:
    """Adjacent partner sentences joined into runs: ``(first, last, best score)``."""
    if len(partners) == 1:
        j, score = partners[0]
        return [(j, j, score)]
    out: list[tuple[int, int, float]] = []
    for j, score in sorted(partners):
        if out and j == out[-1][1] + 1:
            first, _, best = out[-1]
            out[-1] = (first, j, max(best, score))
        else:
            out.append((j, j, score))
    return out


def _disagreeing(
    run: Sequence[SentenceFacts], numbers: Sequence[NumberContrast],
    quotes: Sequence[QuoteContrast],
) -> tuple[int, int]:
    """The first and last sentence of ``run`` (indices into it) that hold a figure or
    quotation of the difference."""
    offsets = [n.b.start for n in numbers if n.relation == "conflict"] + [
        q.b.start for q in quotes]
    hit = [k for k, r in enumerate(run)
           if any(r.sentence.start <= o < r.sentence.end for o in offsets)]
    return (hit[0], hit[-1]) if hit else (0, len(run) - 1)


def _contrast(
    f: SentenceFacts, run: Sequence[SentenceFacts], strong: bool,
    counted: Sequence[SentenceFacts] | None = None,
) -> tuple[str, list[NumberContrast], list[QuoteContrast]]:
    """How a sentence and the run of sentences that tells it in another source relate; its
    figures are set against those of ``counted`` (the whole run when None)."""
    run_normal = run[0].normal if len(run) == 1 else " ".join(r.normal for r in run)
    if f.normal == run_normal:
        return "same", [], []
    numbers = number_contrasts(
        f.quantities, [q for r in (run if counted is None else counted) for q in r.quantities],
        strong)
    qcs = quote_contrasts(f.quotes, _unique_quotes(run))
    return pair_kind(f.normal, run_normal, numbers, qcs), numbers, qcs


def _unique_quotes(run: Sequence[SentenceFacts]) -> list[Quote]:
    seen: dict[tuple[int, int], Quote] = {}
    for r in run:
        for q in r.quotes:
            seen.setdefault((q.start, q.end), q)
    return list(seen.values())


def _dedupe(
    raw: list[tuple[int, int, int, int, int, Difference]],
) -> list[Difference]:
    """One difference per pair of passages: a→b and b→a are the same finding, and so is
    the half of a retold sentence when its whole is already listed."""
    covered: dict[tuple[int, int, int, int], bool] = {}
    told: set[tuple[object, ...]] = set()
    out: list[Difference] = []
    # Wider spans first, so that the whole of a retold sentence wins over one half.
    for i, si, j, first, last, diff in sorted(raw, key=lambda r: -(r[4] - r[3])):
        nodes = [(i, si, j, t) for t in range(first, last + 1)]
        if all((j, t, i, si) in covered or (i, si, j, t) in covered for _, _, _, t in nodes):
            continue
        for n in nodes:
            covered[n] = True
        # A headline and its lead often give one figure twice: one finding, told once.
        what = (frozenset((n.a.unit, *sorted((n.a.value or 0.0, n.b.value or 0.0)))
                          for n in diff.numbers),
                frozenset(frozenset((q.a.text, q.b.text)) for q in diff.quotes))
        keys = {(diff.a.doc, diff.a.start, diff.b.doc, what),
                (diff.b.doc, diff.b.start, diff.a.doc, what)}
        if keys & told:
            continue
        told |= keys
        out.append(diff)
    out.sort(key=lambda d: (d.a.doc, d.a.start, d.b.doc, d.b.start))
    return out


_GAP = 2  # sentences of one document in one passage are at most this far apart
_FAR = itemgetter(2)  # of a group's (lowest, highest, far apart) in one document


def _passages(
    docs: Sequence[Document],
    facts: Sequence[Sequence[SentenceFacts]],
    pairs: dict[int, tuple[float, str]],
    own: set[int] = frozenset(),  # type: ignore[assignment]
    canon: dict[str, str] | None = None,
) -> list[Passage]:
    """Aligned sentences grouped into passages, one per claim. Strongest links first; a link
    that would join far-apart sentences in two documents (a chain through claims that
    merely share words), or one in ``own`` (sentences paired for one figure), stays a
    passage of its own. ``canon`` maps a text to the one string kept for it."""
    one = (canon if canon is not None else {}).setdefault
    parent: dict[Node, Node] = {}
    # Per group and document: the lowest and highest sentence, and whether a gap of more
    # than _GAP sentences lies between (kept, not recomputed: a merge costs O(documents)).
    spans: dict[Node, dict[int, tuple[int, int, bool]]] = {}
    members: dict[Node, list[Node]] = {}
    links: dict[Node, list[tuple[float, str]]] = defaultdict(list)
    loose: list[int] = []  # links kept as passages of their own, by key

    def find(x: Node) -> Node:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent.get(x, x)
        return root

    def span(x: Node) -> dict[int, tuple[int, int, bool]]:
        return spans.setdefault(x, {x >> _BITS: (x & _LOW, x & _LOW, False)})

    # Sorting the keys alone: a list of (key, value) pairs would copy every link. The
    # strongest first; links of one score in the order they were made (a stable sort).
    keys = list(pairs)
    minus = [-v[0] for v in pairs.values()]
    for key in map(keys.__getitem__, sorted(range(len(keys)), key=minus.__getitem__)):
        a, b = key >> _PAIR_BITS, key & _PAIR_LOW
        if key in own:
            loose.append(key)
            continue
        # A sentence in no group yet is its own root (roots have no parent entry).
        ra = find(a) if a in parent else a
        rb = find(b) if b in parent else b
        if ra != rb:
            sa, sb = span(ra), span(rb)
            merged = dict(sa)
            for d, v in sb.items():
                v2 = merged.get(d)
                if v2 is None:
                    merged[d] = v
                    continue
                lo, hi, far = v
                lo2, hi2, far2 = v2
                # max(lo, lo2) - min(hi, hi2) > _GAP: the two places lie apart
                apart = (lo if lo > lo2 else lo2) - (hi if hi < hi2 else hi2) > _GAP
                merged[d] = (lo if lo < lo2 else lo2, hi if hi > hi2 else hi2,
                             far or far2 or apart)
            # One claim may be told in several places of one document (a star around the
            # sentence that tells it once); two documents each far apart is a chain. A
            # passage is one claim: each of its places must be aligned with each place of
            # the other documents, not only reached through a third sentence.
            if sum(map(_FAR, merged.values())) > 1 or not _one_claim(
                    members.get(ra, [ra]), members.get(rb, [rb]), pairs):
                loose.append(key)
                continue
            big, small = (ra, rb) if len(members.get(ra, ())) >= len(members.get(rb, ())) \
                else (rb, ra)
            parent[small] = big
            spans[big] = merged
            spans.pop(small, None)
            members.setdefault(big, [big]).extend(members.pop(small, [small]))
            links[big] += links.pop(small, [])
        links[find(a)].append(pairs[key])  # the link's own (score, kind), not a copy
    out: list[Passage] = []
    # Made one at a time: most links of long documents are passages of their own.
    groups = chain(((members.get(r, [r]), scored) for r, scored in links.items()),
                   (([k >> _PAIR_BITS, k & _PAIR_LOW], [pairs[k]]) for k in loose))
    for nodes, scored in groups:
        by_doc: dict[int, set[int]] = defaultdict(set)
        for node in nodes:
            by_doc[node >> _BITS].add(node & _LOW)
        sides: list[DocSpan] = []
        for doc in sorted(by_doc):
            idx = sorted(by_doc[doc])
            run = [idx[0]]
            for s in [*idx[1:], None]:
                if s is not None and s == run[-1] + 1:
                    run.append(s)
                    continue
                a, b = facts[doc][run[0]].sentence, facts[doc][run[-1]].sentence
                text = docs[doc].text[a.start : b.end]
                sides.append(DocSpan(doc, a.start, b.end, one(text, text)))
                if s is not None:
                    run = [s]
        kind = max((k for _, k in scored), key=_RANK.__getitem__)
        mean = sum(sc for sc, _ in scored) / len(scored)
        out.append(Passage(kind, round(mean, 3), tuple(sides)))
    out.sort(key=lambda p: (p.sides[0].doc, p.sides[0].start))
    return out


_CLAIM_NODES = 48  # a group this large is a chain of claims, whatever its links


def _one_claim(first: list[Node], second: list[Node], linked: dict[int, object]) -> bool:
    """Whether every run of adjacent sentences among the nodes of two groups is aligned
    with every run of the other documents (some sentence of one with some sentence of the
    other). Each group already is one claim, so two runs that each hold a run of one same
    group are linked already: only runs told by one group alone against the other's are
    looked up (a claim told by many sources grows one source at a time)."""
    if len(first) + len(second) > _CLAIM_NODES:
        return False
    runs: list[tuple[list[Node], int]] = []  # a run's nodes, and which groups hold them
    run: list[Node] = []
    mask = 0
    for node, group in sorted([(n, 1) for n in first] + [(n, 2) for n in second]):
        # Nodes sort by document, then sentence: adjacent sentences differ by one.
        if run and node != run[-1] + 1:
            runs.append((run, mask))
            run, mask = [], 0
        run.append(node)
        mask |= group
    runs.append((run, mask))
    for k, (r1, m1) in enumerate(runs):
        for r2, m2 in runs[k + 1:]:
            # Nodes sort by document first: every node of a later run is the higher end.
            if not m1 & m2 and r1[0] >> _BITS != r2[0] >> _BITS and not any(
                    x << _PAIR_BITS | y in linked for x in r1 for y in r2):
                return False
    return True


_SHORT_QUOTE = 3  # content words; shorter quotes (scare quotes) must match word for word
_QUOTE_MATCH = 0.5
_QUOTE_PROBES = 6
_QUOTE_CANDIDATES = 8
# A word in more quotations of a document than this is no rarer than its words: it finds no
# candidates (on a long document, counting its quotations would make the matching grow with
# quotations times quotations).
_QUOTE_POSTING = 64


def _quote_matches(quotes: Sequence[Sequence[Quote]]) -> list[QuoteMatch]:
    """The same quotation across documents, found through an index of its words."""
    # Each quotation's words once per document, not once per pair of documents.
    words = [[quote_stems(q.text) for q in qs] for qs in quotes]
    said = [[quote_words(q.text) for q in qs] for qs in quotes]
    out: list[QuoteMatch] = []
    for j in range(1, len(quotes)):
        postings: dict[str, list[int]] = defaultdict(list)
        exact: dict[tuple[str, ...], int] = {}
        for k, (key, ws) in enumerate(zip(said[j], words[j], strict=True)):
            exact.setdefault(key, k)
            for w in ws:
                postings[w].append(k)
        # Sources repeat one another's quotations: a text's match in document j, found
        # once, is every repetition's (the match depends on the quotation's text alone).
        found: dict[str, tuple[Quote, float, bool, tuple[WordDiff, ...]] | None] = {}
        for i in range(j):
            for qa, wa, key in zip(quotes[i], words[i], said[i], strict=True):
                k = exact.get(key)
                if k is not None:
                    out.append(QuoteMatch(i, qa, j, quotes[j][k], 1.0))
                    continue
                if len(wa) < _SHORT_QUOTE:
                    continue  # a scare quote matches only word for word
                if qa.text in found:
                    match = found[qa.text]
                else:
                    match = found[qa.text] = _quote_match(qa.text, wa, quotes[j], words[j],
                                                          postings)
                if match is not None:
                    qb, score, trimmed, diff = match
                    out.append(QuoteMatch(i, qa, j, qb, score, diff, trimmed))
    return out


def _quote_match(
    text: str, wa: frozenset[str], quotes: Sequence[Quote], wbs: Sequence[frozenset[str]],
    postings: dict[str, list[int]],
) -> tuple[Quote, float, bool, tuple[WordDiff, ...]] | None:
    """The quotation of ``quotes`` that tells ``text`` in other words, its score, whether
    it is trimmed, and the words that differ."""
    best = _best_quote(wa, wbs, postings)
    if best is None:
        return None
    qb = quotes[best[0]]
    if is_shortened(text, qb.text):
        return qb, round(best[1], 3), True, ()
    return qb, round(best[1], 3), False, word_diff(text, qb.text)


def _best_quote(
    wa: frozenset[str], wbs: Sequence[frozenset[str]], postings: dict[str, list[int]],
) -> tuple[int, float] | None:
    """The index of the quote that shares most of ``wa``'s words, found through its rarest
    words; the share is over the shorter quote, so a trimmed quote still matches."""
    # Ties between equally rare words are broken by the word, so that a run does not
    # depend on the order of a set of strings (their hashes change from run to run).
    probes = sorted((w for w in wa if 0 < len(postings.get(w, ())) <= _QUOTE_POSTING),
                    key=lambda w: (len(postings[w]), w))
    counts: dict[int, int] = defaultdict(int)
    for w in probes[:_QUOTE_PROBES]:
        for k in postings[w]:
            counts[k] += 1
    best: tuple[int, float] | None = None
    for k in heapq.nlargest(_QUOTE_CANDIDATES, counts, key=counts.__getitem__):
        wb = wbs[k]
        if len(wb) < _SHORT_QUOTE:
            continue
        shared = len(wa & wb)
        score = shared / min(len(wa), len(wb))
        if shared >= 2 and score >= _QUOTE_MATCH and (best is None or score > best[1]):
            best = (k, score)
    return best
