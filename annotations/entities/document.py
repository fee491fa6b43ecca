"""The document pass: a name read the same way throughout a text. A surname takes its full
name's label, an unknown word the label most of its mentions vote for, and a word left in
doubt at a sentence start or on a headline is kept only when the document names it
elsewhere."""

from __future__ import annotations

from collections import Counter

from .common_words import is_common
from .context import context_label, date_context, in_place, place_list
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .mentions import AMBIG, GUESS, NEED, SHAPE, START, SURE, Doubtful, Mention

_NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"))
_KEEP_SURE = frozenset(("PERSON", "GPE", "NORP"))


def document_pass(text: str, ms: list[Mention], doubtful: list[Doubtful] | None,
                  lx: Lexicon, gz: Gazetteer) -> list[Mention]:
    """The mentions the document keeps, with consistent labels: context cues first, then a
    vote per name, then the doubtful words the document confirms elsewhere."""
    # (A doubtful word between two mentions needs no place here: the cues below that read
    # the gap from the mention before see its word in that gap, and so do not hold.)
    doubtful = doubtful or []
    names = gz.names
    votes: dict[str, dict[str, int]] = {}
    surname_of: set[str] = set()
    first_token_org: set[str] = set()
    # First words of full names: surname-first names are short-named by their first word
    # ("Lim Guan Eng" ... "Lim", "Wu Shu-jen" ... "Wu").
    first_token_person: set[str] = set()
    # Names that lead an organisation's name ("Johns Hopkins" of "Johns Hopkins
    # University"): alone they are its short form, not a person.
    org_stems: set[str] = set()
    # Last words of organisations' names that name the body alone ("the Commission").
    org_ends: set[str] = set()
    # (Only a name read by default can take a cue: a few in a hundred mentions.)
    for i in [i for i, m in enumerate(ms) if m.conf == GUESS]:
        m = ms[i]
        prev = ms[i - 1] if i else None
        # Context first ("Ziarat district", "his wife Melania"), so it counts in the vote.
        if m.label in ("ORG", "PERSON"):
            multi = " " in text[m.start:m.end]
            cue = context_label(lx, gz, text, m.start, m.end, multi)
            if cue is not None:
                m.label, m.conf = cue, SHAPE
            elif m.label == "ORG" and not multi and in_place(lx, text, m.start, m.end):
                # A weak cue: it holds only where no other mention of the name says
                # otherwise ("Shares in Wirecard" after "Wirecard said").
                m.label = "GPE"
            elif m.label == "ORG" and text[m.end:m.end + 6] == " scale":
                m.conf = NEED   # "the Richter scale"
            elif m.label == "ORG" and prev is not None and prev.label == "GPE" \
                    and place_list(lx, text[prev.end:m.start]):
                m.label, m.conf = "GPE", SHAPE   # "Jajarkot district and Rukum West"
            elif m.label == "ORG" and prev is not None and prev.label == "PERSON" \
                    and text[prev.end:m.start] in (" or ", " and ", " nor ") \
                    and not multi:
                m.label, m.conf = "PERSON", SHAPE   # "Carson or Fiorina"
    # Amounts, dates and the like that are sure of themselves neither vote nor change
    # below: only the others are read (a third of the mentions or more are amounts).
    open_ = [m for m in ms if m.conf <= NEED or m.label in _NAME_LABELS]
    # The tallies below need only each distinct (words, label, confidence, place) and how
    # often it occurs, not every mention. Their keys are lower-cased (so a speaker label in
    # capitals counts for the name in prose), once per distinct words.
    texts = [text[m.start:m.end] for m in open_]
    tally = Counter([(w, m.label, m.conf, m.mid) for m, w in zip(open_, texts, strict=True)])
    # A common word capitalised mid-sentence more than once is a name here ("Rangers").
    mids: dict[str, int] = {}
    ambig: dict[str, int] = {}
    lowered: dict[str, str] = {}
    for (w, label, conf, mid), n in tally.items():
        t = lowered.get(w)
        if t is None:
            t = lowered[w] = w.lower()
        if conf >= GUESS and label in _NAME_LABELS:
            v = votes.get(t)
            if v is None:
                v = votes[t] = {}
            v[label] = v.get(label, 0) + conf * conf * n
            if " " in t:
                parts = t.split(" ")
                if label == "PERSON":
                    surname_of.add(parts[-1])
                    first_token_person.add(parts[0])
                elif label == "ORG":
                    if parts[0].title() not in lx.not_short_forms:
                        first_token_org.add(parts[0])
                    if len(parts) > 2 and parts[-1].title() in lx.org_ends:
                        org_stems.add(" ".join(parts[:-1]))
                    if parts[-1].title() in lx.org_ends:
                        org_ends.add(parts[-1])
        elif conf == NEED and mid and not lx.capitalises_nouns:
            # (Where every noun is capitalised, a capital mid-sentence says nothing.)
            mids[t] = mids.get(t, 0) + n
        elif conf == AMBIG:
            ambig[t] = ambig.get(t, 0) + n
    if not lx.capitalises_nouns:
        for a, b, mid in doubtful:
            if mid:
                t = text[a:b].lower()
                mids[t] = mids.get(t, 0) + 1

    # German writes a name's genitive with a bare -s ("Zuckerbergs Vermögen").
    genitives = lx.capitalises_nouns

    def decide(t: str, label: str, conf: int) -> tuple[str, int]:
        """The final reading of a name: a function of its text, first reading and the
        document's tables, so it is worked out once per distinct mention."""
        if conf == NEED and mids.get(t, 0) > 1:
            conf = GUESS
        elif conf == NEED and t in org_ends:
            label, conf = "ORG", GUESS
        elif conf == AMBIG:
            # Named twice, or named elsewhere with this label: the gazetteer reading holds.
            conf = SHAPE if ambig[t] > 1 or label in votes.get(t, ()) else NEED
        single = " " not in t
        if genitives and single and conf <= GUESS and t[-1:] == "s" and t[-2:] != "ss":
            got = _genitive(t[:-1], votes, surname_of, gz)
            if got is not None:
                return got
        if single and t in surname_of and (conf < SURE or label not in _KEEP_SURE or (
                label == "GPE" and t.title() not in gz.major_places)):
            # "Zuckerberg" after "Mark Zuckerberg", "HARLOW" after "Poppy Harlow"; a
            # country or province stays itself ("Canada" after a misread "Friday Canada").
            label, conf = "PERSON", SHAPE
        elif single and conf == GUESS and label == "ORG" and t in first_token_person \
                and t not in first_token_org:
            label, conf = "PERSON", SHAPE
        elif label == "PERSON" and not single and t in org_stems:
            label, conf = "ORG", SHAPE
        elif conf <= GUESS:
            v = votes.get(t)
            if v:
                best = max(v.items(), key=lambda kv: kv[1])
                if best[1] > (conf * conf if label in v else 0):
                    label, conf = best[0], max(conf, GUESS)
            if conf == NEED and single and t in first_token_org:
                label, conf = "ORG", GUESS   # "Teck" after "Teck Resources"
            if conf == GUESS and single and label == "ORG" \
                    and t.title() in gz.famous_surnames \
                    and t.title() not in names:
                label, conf = "PERSON", SHAPE
        return label, conf

    decided: dict[tuple[str, str, int], tuple[str, int]] = {}
    # What ``_genitive_before_nouns`` and the first test of ``_org_short_form`` make of a
    # mention's words: a function of the words and the tables above, asked once per name.
    genitive_of: dict[str, tuple[int, str, int] | None] = {}
    may_short: dict[str, bool] = {}
    # (``decided`` is keyed by the words as written, each decided in lower case.)
    for m, w in zip(open_, texts, strict=True):
        label, conf = m.label, m.conf
        if label in _NAME_LABELS:
            k = (w, label, conf)
            got = decided.get(k)
            if got is None:
                got = decided[k] = decide(w.lower(), label, conf)
            label, conf = got
        elif conf <= NEED:
            t = w.lower()
            if conf == NEED and mids.get(t, 0) > 1:
                conf = GUESS
            elif conf == AMBIG:
                conf = SHAPE if ambig[t] > 1 or label in votes.get(t, ()) else NEED
            if label == "DATE" and conf == NEED:
                if date_context(lx, text, m.start):
                    conf = SURE
                elif t in surname_of:
                    label, conf = "PERSON", SHAPE
        m.label, m.conf = label, conf
        # (Each mention's reading is final here: the steps below read only its own words and
        # the document's tables.)
        if genitives and label == "ORG" and conf <= GUESS:
            if w in genitive_of:
                cut = genitive_of[w]
            else:
                cut = genitive_of[w] = _genitive_before_nouns(w, votes, surname_of, gz)
            if cut is not None:
                m.end = m.start + cut[0]
                m.label, m.conf = cut[1], cut[2]
                w = text[m.start:m.end]
        if first_token_org and m.label == "GPE":
            ok = may_short.get(w)
            if ok is None:
                ok = may_short[w] = _may_be_short_form(w, first_token_org, gz)
            if ok:
                _org_short_form(text, m, lx)
    kept = [m for m in ms if m.conf > NEED]
    # The doubtful words the document confirms, read as any other mention would be: each
    # distinct word decided once, then only the confirmed ones looked at again.
    confirmed: list[Mention] = []
    if doubtful:
        spans = [text[a:b] for a, b, _ in doubtful]
        by_span: dict[str, tuple[str, int]] = {}
        for span in dict.fromkeys(spans):
            k = (span, "ORG", NEED)
            got = decided.get(k)
            if got is None:
                got = decided[k] = decide(span.lower(), "ORG", NEED)
            by_span[span] = got
        sure = {span for span, got in by_span.items() if got[1] > NEED}
        if sure:
            confirmed = [Mention(d[0], d[1], *by_span[span], d[2])
                         for d, span in zip(doubtful, spans, strict=True) if span in sure]
    if confirmed:
        kept.extend(confirmed)
        kept.sort(key=START)
    return kept


def _genitive(stem: str, votes: dict[str, dict[str, int]], surname_of: set[str],
              gz: Gazetteer) -> tuple[str, int] | None:
    """The reading of a name in the genitive from the name itself ("Trumps" after "Donald
    Trump", "Facebooks" after "Facebook"), or None when the document and the gazetteer
    know no such name."""
    if stem in surname_of:
        return "PERSON", SHAPE
    v = votes.get(stem)
    if v:
        return max(v.items(), key=lambda kv: kv[1])[0], SHAPE
    title = stem.title()
    found = gz.names.get(title)
    if found is not None and found[0] in _NAME_LABELS:
        return found[0], SHAPE
    if title in gz.famous_surnames:
        return "PERSON", SHAPE
    return None


# What may stand right before a place's name that is a place there ("in", "of", "de").
_PLACE_ARTICLES = frozenset(("the", "la", "le", "l'", "der", "die", "das"))


def _may_be_short_form(t: str, first_token_org: set[str], gz: Gazetteer) -> bool:
    """Whether a place named ``t`` may be read as an organisation's short form where it
    stands (see ``_org_short_form``): a single word that begins an organisation's name the
    document gives, neither in capitals nor a country or capital."""
    return not (" " in t or t.lower() not in first_token_org or t.isupper()
                or t in gz.major_places or t.title() in gz.major_places)


def _org_short_form(text: str, m: Mention, lx: Lexicon) -> None:
    """A town's name that begins an organisation's name the document gives ("Cambridge"
    after "Cambridge Analytica") is that organisation's short form where it stands as a
    name of its own ("saying Cambridge played a role"); after a preposition ("in Cambridge",
    "the University of Cambridge") or as part of a word ("Cambridge-based") it stays the
    place. Countries and capitals are left alone: their names stand for their governments
    (``_may_be_short_form`` has said that the name may be such a short form)."""
    if text[m.end:m.end + 1] in ("-", "'", "’") or text[m.start - 1:m.start] in ("-", "'", "’"):
        return
    before = text[max(0, m.start - 30):m.start].split()
    if before:
        prev = before[-1].lower().strip("(\"“")
        if prev in lx.place_preps or prev in lx.of_words or prev in lx.name_particles \
                or prev in _PLACE_ARTICLES or prev in lx.stopwords:
            return
    m.label, m.conf = "ORG", SHAPE


def _genitive_before_nouns(t: str, votes: dict[str, dict[str, int]], surname_of: set[str],
                           gz: Gazetteer) -> tuple[int, str, int] | None:
    """"Baerbocks Besuch" read as one unknown name ``t`` where the document names "Annalena
    Baerbock": the name in the genitive alone, the nouns it owns left out (its length, label
    and confidence), or None."""
    first, sep, rest = t.partition(" ")
    if not sep or first[-1:] != "s" or first[-2:] == "ss" or len(first) < 4:
        return None
    got = _genitive(first[:-1].lower(), votes, surname_of, gz)
    if got is not None and all(is_common(gz, w) and w not in gz.names for w in rest.split(" ")):
        return len(first), got[0], got[1]
    return None
