"""The "+" rule (``only_here``) on its own, on every open gold set: what it would say of each
gold sentence if the aligner found no counterpart for it.

    python -m benchmarks.only_here_latent [-v]

``compare_quality`` scores "+" only on the sentences the aligner leaves without a partner, so
a set the aligner reads well hides the rule's errors that an unseen set (where it finds two
thirds of the pairs) shows. Here every sentence of a sure gold pair is a claim the other
report tells, and marking it "+" is an error; every gold unique sentence is one it should
mark. Sealed sets are never read.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.compare_quality import gold_sets, read_gold
from sidelight.annotations.comparison.alignment import MUTUAL_SHARE, THRESHOLD
from sidelight.annotations.comparison.clauses import ClauseIndex, DocumentClauses
from sidelight.annotations.comparison.compare import _claim_sentences
from sidelight.annotations.comparison.features import (
    SentenceFacts,
    feature_weights,
    sentence_facts,
)
from sidelight.annotations.comparison.only_here import (
    RARE_NAME,
    Gives,
    document_gives,
    name_feature,
    only_here,
    tells_claim,
    told_here_only,
)
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.quotes import find_quotes
from sidelight.annotations.entities import recognize_many
from sidelight.annotations.language import document_language


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="the '+' rule on every gold sentence")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    print(f"{'set':8} {'false + (of sure)':>18} {'unique found':>14}")
    for s in gold_sets():
        if s.sealed:
            continue
        rows, docs = read_gold(s)
        fp = n_sure = tp = n_unique = 0
        for pair in (r for r in rows if r["type"] == "pair"):
            pd = [docs[pair["a"]], docs[pair["b"]]]
            langs = [document_language(d) for d in pd]
            ents = recognize_many([d.text for d in pd], langs=langs)
            qs = [all_quantities(d.text, d.date, lang) for d, lang in zip(pd, langs, strict=True)]
            facts = [sentence_facts(d.text, _claim_sentences(d.text), e, q, find_quotes(d.text))
                     for d, e, q in zip(pd, ents, qs, strict=True)]
            gives = [document_gives(d.text, f, e, q, lang)
                     for d, f, e, q, lang in zip(pd, facts, ents, qs, langs, strict=True)]
            weights = feature_weights(facts)
            index = ClauseIndex(facts, weights, [DocumentClauses(f, e, q, weights)
                                                 for f, e, q in zip(facts, ents, qs, strict=True)])
            # As if the aligner had paired no sentence.
            plus = told_here_only(index, {}, gives, THRESHOLD * MUTUAL_SHARE)

            def marked(side: int, sub: str, occ: int | None = None,
                       plus: set[tuple[int, int]] = plus,
                       facts: list[list[SentenceFacts]] = facts,
                       texts: tuple[str, str] = (pd[0].text, pd[1].text)) -> bool:
                at = texts[side].find(sub)
                for _ in range((occ or 1) - 1):
                    at = texts[side].find(sub, at + 1)
                end = at + len(sub)
                return any((side, i) in plus for i, f in enumerate(facts[side])
                           if f.sentence.start < end and at < f.sentence.end)

            sure = {(0, r["a"]) for r in rows if r.get("pair") == pair["pair"]
                    and r["type"] == "align" and r["sure"]}
            sure |= {(1, r["b"]) for r in rows if r.get("pair") == pair["pair"]
                     and r["type"] == "align" and r["sure"]}
            for side, sub in sorted(sure):
                n_sure += 1
                if marked(side, sub):
                    fp += 1
                    if args.verbose:
                        print(f"  FALSE + {s.name} {pair['pair']} {'AB'[side]}: {sub[:90]!r}")
            for r in rows:
                if r.get("pair") == pair["pair"] and r["type"] == "unique":
                    n_unique += 1
                    side = 0 if r["side"] == "a" else 1
                    if marked(side, r["text"], r.get("occ")):
                        tp += 1
                    elif args.verbose:
                        why = _why_not(facts[side], r["text"], pd[side].text, gives, side)
                        print(f"  missed ({why}) {s.name} {pair['pair']} {'AB'[side]}: "
                              f"{r['text'][:80]!r}")
        print(f"{s.name:8} {fp:>10} of {n_sure:<5} {tp:>6} of {n_unique:<5}")
    return 0


def _why_not(facts: list[SentenceFacts], sub: str, text: str, gives: list[Gives],
             side: int) -> str:
    """Why the rule leaves a gold unique sentence unmarked (its first sentence's reason)."""
    at = text.find(sub)
    f = next(f for f in facts if f.sentence.start < at + len(sub) and at < f.sentence.end)
    other = gives[1 - side]
    if not tells_claim(f):
        return "tells no claim"
    if only_here(f, gives[side], [other]):
        return "near a sentence of the other"
    if any(0 < other.name_counts.get(n, 0) <= RARE_NAME
           for x in f.features if (n := name_feature(x))):
        return "shares a rare name"
    return "no new name or figure"


if __name__ == "__main__":
    sys.exit(main())
