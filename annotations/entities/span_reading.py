"""The names one capitalised span holds, read out of context: a gazetteer name, a person's
name by its shape, an organisation by its suffix, a span split at connectors and function
words, a span in capitals read as title case.

``analyser.Analyser`` caches these readings; this module only reads.
"""

from __future__ import annotations

import re

from .common_words import is_common
from .gazetteer import Gazetteer
from .lexicon import ENGLISH, PARTICLE_PAIRS, Lexicon
from .mentions import AMBIG, GUESS, HEAD, NEED, SHAPE, SURE, Result

_SCALE_WORDS = frozenset(("Scale", "scale"))
_NAME_SYLLABLE = re.compile(r"-[a-z]{1,3}(?:-|$)")
_AND_CO = frozenset(("Co.", "Co", "Company", "Sons"))
_WEB_TLDS = (".com", ".org", ".net", ".io")

# Verbs of links and buttons on news pages ("Get Report", "Read More", "Show Less").
_UI_VERBS = frozenset((
    "Get", "Read", "Sign", "Click", "Learn", "Watch", "See", "Subscribe", "Download", "Show",
    "View", "Follow", "Share", "Log", "Buy", "Join", "Continue", "Load", "Listen", "Tap"))


class SpanReader:
    """Reads one capitalised span against the gazetteer and the language's word classes; the
    methods call one another on the parts of a span (a span in capitals is read again in
    title case), uncached."""

    def __init__(self, gz: Gazetteer, lx: Lexicon = ENGLISH) -> None:
        self.gz = gz
        self.lx = lx

    # -- whole spans -------------------------------------------------------------------
    def _span(self, span: str, initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        found = gz.names.get(span)
        if found is not None:
            return [self._gaz(span, 0, found, initial)]
        words = span.split(" ")
        offs: list[int] = []
        pos = 0
        for w in words:
            offs.append(pos)
            pos += len(w) + 1
        if span.isupper() and any(len(w) > 1 for w in words):
            return self._allcaps(span, words, offs, initial)
        # A trailing number belongs to a name ("Boeing 737"), never stands in for one.
        if words[-1].isdigit():
            if lx.capitalises_nouns and len(words) > 2 and self._descriptor(words[0]):
                # The noun that says what the name is stays out of it ("Sender Channel 4").
                cut = len(words[0]) + 1
                return [(a + cut, b + cut, label, conf)
                        for a, b, label, conf in self._span(span[cut:], False)]
            rest = " ".join(words[:-1])
            res = self._span(rest, initial) if rest else []
            if res and res[-1][1] == len(rest) and res[-1][3] >= GUESS \
                    and res[-1][2] in ("ORG", "PRODUCT", "FAC", "EVENT"):
                res[-1] = (res[-1][0], len(span), res[-1][2], res[-1][3])
            # Otherwise the number is left to the number scanner ("Nearly 40 states").
            return res
        for c in range(2, len(words) - 1):
            if words[c] in lx.title_core and words[c - 1] in lx.org_ends:
                head = " ".join(words[:c])
                hf = self.gz.names.get(head)
                if hf is not None and hf[0] == "ORG":
                    return [(0, len(head), "ORG", SURE),
                            *self._group(words[c:], offs[c:], False)]
                break
        # Split at connectors unless they belong inside the name, and at capitalised function
        # words of title-case headlines ("Warren To McCain").
        groups: list[tuple[int, int]] = []
        start = 0
        i = 0
        n = len(words)
        joined = False
        while i < n:
            w = words[i]
            pair = i + 1 < n and (w, words[i + 1]) in PARTICLE_PAIRS
            if (pair or w in lx.connectors) and not w[:1].isupper():
                if pair:
                    j = i + 2   # "von der", a connector in every language
                else:
                    j = i
                    while j < n and words[j] in lx.connectors:
                        j += 1
                if joined or self._keep_connector(words, start, i, j):
                    # A person's name particle after a given name joins no more at a
                    # connector: "Charles de Gaulle and Winston Churchill", "Ursula von der
                    # Leyen und Emmanuel Macron" are two people (an organisation's "of" still
                    # joins its "and": "Department of Health and Human Services").
                    joined = joined or not (pair or (
                        i > 0 and words[i - 1] in self.gz.first_names
                        and all(x in lx.name_particles for x in words[i:j])))
                else:
                    groups.append((start, i))
                    start = j
                i = j
            elif i > start and not w.isupper() and w.lower() in lx.stopwords and not (
                    # "Marine Le Pen", "Bruno Le Maire": a capitalised particle inside a name
                    w.lower() in lx.name_particles and words[i - 1] in self.gz.first_names
                    and i + 1 < n and words[i + 1][:1].isupper()):
                groups.append((start, i))
                start = i + 1
                i += 1
            else:
                i += 1
        groups.append((start, n))
        out: list[Result] = []
        for gi, (a, b) in enumerate(groups):
            if a >= b:
                continue
            # On a headline every group reads like a sentence start.
            ini = initial if gi == 0 or initial == HEAD else False
            out.extend(self._group(words[a:b], offs[a:b], ini))
        return out

    def _keep_connector(self, words: list[str], start: int, i: int, j: int) -> bool:
        lx = self.lx
        conn = words[i]
        if j < len(words) and words[j] in lx.date_words:
            return False   # "the Supreme Court on Nov 11": the date is not part of the name
        if conn == "&":
            return True
        if j - i == 2 and (conn, words[i + 1]) in PARTICLE_PAIRS:
            # A particle of two words belongs to a person's name after a given name ("Ursula
            # von der Leyen"), not to a role's ("PDG de la SNCF").
            return i > 0 and words[i - 1] in self.gz.first_names
        if conn in lx.name_particles:
            prev = words[i - 1] if i > 0 else ""
            if prev.lower() in lx.stopwords or (
                    lx.capitalises_nouns and j < len(words) and words[j] in self.gz.first_names):
                # A preposition before it ("Selon le New York Times"), or a given name after
                # it ("Team von Donald Trump"): the particle is the sentence's, not a name's.
                return False
            # Where nouns are capitalised, "von" joins a name only after a given name or a
            # name ("Ursula von der Leyen"), not after a noun ("Nachfolger von Carlo Ancelotti").
            return not lx.capitalises_nouns or prev in self.gz.first_names or (
                not is_common(self.gz, prev))
        if conn == "and" and j == len(words) - 1 and words[j] in _AND_CO:
            return True   # "Wells Fargo and Co.", "Johnson and Sons"
        prev = words[i - 1] if i > 0 else ""
        if conn in lx.of_words and (prev in lx.org_head or prev in lx.org_suffix):
            return True
        if conn == "on" and prev in lx.org_head:
            return True
        return (conn == "and" and j < len(words) and words[-1] in lx.org_suffix
                and any(w in lx.org_head for w in words[start:i]))

    def _allcaps(self, span: str, words: list[str], offs: list[int], initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        if len(words) == 1:
            w = words[0]
            titled = w.title()
            found = gz.names.get(titled)
            if found is not None and len(w) > 3:
                return [(0, len(w), found[0], SURE if not initial else SHAPE)]
            if w in lx.non_entity_acronyms or w in lx.title_core or titled in lx.title_core:
                return []
            letters = sum(c.isalpha() for c in w)
            if 2 <= letters <= 5 and not any(c.isdigit() for c in w):
                # Page furniture in capitals ("SHARE", "MORE") needs the document's word for
                # it; short acronyms that spell a word (WHO, ACT) are too often real ones.
                conf = NEED if letters >= 4 and is_common(gz, w) else GUESS
                return [(0, len(w), "ORG", conf)]
            if titled in gz.first_names or titled in gz.surnames or not is_common(gz, w):
                return [(0, len(w), "ORG", NEED)]
            return []
        # Acronyms the gazetteer knows keep their own reading ("CNN ANCHOR").
        out: list[Result] = []
        for w, o in zip(words, offs, strict=True):
            found = gz.names.get(w)
            if found is not None and len(w) <= 5:
                out.append((o, o + len(w), found[0], SHAPE))
        if out:
            return out
        titled = span.title()
        if len(titled) != len(span) or titled.isupper():
            return []
        # A line in capitals reads like a headline: only what the gazetteers know, or the
        # document confirms, survives.
        res = self._span(titled, HEAD)
        return [(a, b, lab, min(conf, SHAPE)) for a, b, lab, conf in res]

    def _gaz(self, text: str, rel: int, found: tuple[str, str], initial: int) -> Result:
        label = found[0]
        conf = SURE
        if (initial or label == "PERSON") and " " not in text and not text.isupper() \
                and text not in self.gz.major_places and is_common(self.gz, text):
            # "Apple hopes", "Sun rises": needs the document's word for it.
            conf = AMBIG
        return (rel, rel + len(text), label, conf)

    def _compound_name(self, w: str, at: int) -> list[Result]:
        """The known name before the hyphen of a compound ("EU" of "EU-Parlamentspräsident")."""
        left, dash, _ = w.partition("-")
        found = self.gz.names.get(left) if dash else None
        if found is None or found[0] not in ("ORG", "GPE", "NORP"):
            return []
        return [(at, at + len(left), found[0], SURE)]

    def _named_noun(self, w: str) -> bool:
        """A known name, a hyphen and a common noun ("CDU-Fraktionschef", "Bahn-Chef")."""
        _, dash, right = w.partition("-")
        return bool(dash) and "-" not in right and right[:1].isupper() \
            and bool(self._compound_name(w, 0)) and is_common(self.gz, right)

    def _descriptor(self, w: str) -> bool:
        """A common noun that can say what the name after it is ("Sender", "Firma")."""
        gz = self.gz
        return (w not in gz.first_names and w not in gz.names and w not in self.lx.title_any
                and not w.isupper() and is_common(gz, w))

    def _genitive_name(self, w: str) -> bool:
        """A known name with the German genitive -s ("Merkels", "Facebooks")."""
        gz = self.gz
        stem = w[:-1]
        return (len(stem) > 2 and w.endswith("s") and not w.endswith("ss")
                and w not in gz.first_names
                and (stem in gz.surnames or stem in gz.famous_surnames
                     or (stem in gz.names and gz.names[stem][0] in ("PERSON", "ORG", "GPE"))))

    def _portfolio_word(self, w: str) -> bool:
        """An ordinary word that can name a minister's portfolio ("Affairs", "Cyber")."""
        lx = self.lx
        gz = self.gz
        return (w not in lx.org_ends and w not in gz.names and w not in gz.first_names
                and w[1:2].islower() and is_common(gz, w))

    # -- connector-free groups ---------------------------------------------------------
    def _group(self, words: list[str], offs: list[int], initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        while words and words[0] in lx.drop_lead:
            words, offs = words[1:], offs[1:]
            initial = initial if initial == HEAD else False
        if not words:
            return []
        n = len(words)
        text = " ".join(words)
        base = offs[0]
        found = gz.names.get(text)
        if found is not None:
            return [self._gaz(text, base, found, initial)]
        if n == 1:
            return self._single(words[0], base, initial)
        if lx.capitalises_nouns:
            # Every noun is capitalised, so a common noun glues to the name after it ("Firma
            # Cambridge Analytica", "Sender Channel 4"): the name starts at its first word
            # that is no common noun. (After the name, a common word may be a surname that
            # is also a word, so the end stays.)
            if self._genitive_name(words[0]) and all(
                    is_common(gz, w) and w not in lx.org_ends and w not in gz.names
                    for w in words[1:]):
                # A name in the genitive owns the nouns after it ("Merkels Nachfolger"):
                # they are not part of it.
                return self._group(words[:1], offs[:1], initial)
            k0 = 0
            while k0 < n - 1 and words[k0] not in gz.first_names and words[k0] not in gz.names \
                    and words[k0] not in lx.title_any and not words[k0].isupper() \
                    and (is_common(gz, words[k0]) or self._named_noun(words[k0])):
                k0 += 1
            if k0 == 1 and n == 2 and words[0] in lx.org_head \
                    and gz.names.get(words[1], ("",))[0] == "GPE":
                # A body named by its place ("Universität Cambridge", "Bank Frankreichs")
                return [(base, base + len(text), "ORG", SURE)]
            if 0 < k0 < n - 1 or (k0 == n - 1 and (
                    not is_common(gz, words[k0]) or words[k0] in gz.names
                    # "Millionen Facebook-Nutzern": the name leads the compound
                    or words[k0].partition("-")[0] in gz.names)):
                # A name leading a dropped compound is still one ("EZB-Präsidentin
                # Christine Lagarde": the bank, then the person).
                lead = [r for k in range(k0) for r in self._compound_name(words[k], offs[k])]
                return lead + self._group(words[k0:], offs[k0:], False)
            # A common noun after a name of two words or more ("Cambridge Analytica Fehler
            # eingeräumt") is the sentence's, not the name's.
            if n >= 3 and words[-1] not in lx.org_ends and words[-1] not in gz.names \
                    and is_common(gz, words[-1]) and not is_common(gz, words[-2]) \
                    and not any(w in gz.first_names or w in lx.title_any for w in words) \
                    and gz.names.get(words[0], ("",))[0] != "NORP":
                return self._group(words[:-1], offs[:-1], initial)
        if (n <= 3 and words[0] in _UI_VERBS and all(is_common(gz, w) for w in words)) or (
                n == 2 and words[0] == "Big" and words[1] not in gz.names):
            # Link and button text ("Get Report", "Read More") and the press's collective
            # nouns ("Big Tech", "Big Oil"): capitalised, repeated, never a name.
            return []
        if words[0].lower() in lx.number_words and " ".join(words[1:]) in gz.names:
            # "Six U.S. senators": the count is no part of the name
            return [(base, base + len(words[0]), "CARDINAL", SURE),
                    *self._group(words[1:], offs[1:], False)]
        if initial == HEAD:
            # A headline capitalises its verbs and nouns too ("Acacia Stock Rises", "Cisco
            # Agrees"): the name ends at its last word that is not an ordinary word, and a run
            # of ordinary words between two names parts them ("China Approves AMD", "Ottawa
            # Halts Hong Kong").
            namey = [not is_common(gz, w) or w in gz.first_names or w in gz.names
                     or w in lx.name_ends
                     # A surname after a given name or a title may be a word ("Tim Cook",
                     # "President Trump").
                     or (k == 1 and words[0] in gz.first_names)
                     or (k > 0 and words[k - 1] in lx.personal_titles)
                     for k, w in enumerate(words)]
            for k in range(1, n):
                kf = gz.names.get(words[k])
                if kf is not None and kf[0] in ("ORG", "GPE", "NORP") and namey[k - 1] \
                        and not is_common(gz, words[k - 1]) and words[k - 1] not in lx.name_ends:
                    # A known name after another name's words: a verb stood between them
                    # ("Lisa Su Redoubles Intel Challenge").
                    return [*self._group(words[:k], offs[:k], initial),
                            (offs[k], offs[k] + len(words[k]), kf[0], SURE),
                            *self._group(words[k + 1:], offs[k + 1:], initial)]
            keep = max((k + 1 for k in range(n) if namey[k]), default=0)
            if 0 < keep < n:
                return self._group(words[:keep], offs[:keep], initial)
            first_name = namey.index(True) if keep else 0
            for k in range(first_name + 1, n - 1):
                if namey[k - 1] and not namey[k]:
                    j = k
                    while not namey[j]:
                        j += 1
                    return (self._group(words[:k], offs[:k], initial)
                            + self._group(words[j:], offs[j:], initial))

        # Titles split a span: what precedes is classified alone, what follows is a person.
        t0 = -1
        for k, w in enumerate(words):
            if w in lx.title_any or (w in lx.plural_titles and k < n - 1):
                t0 = k
                break
        if t0 >= 0:
            t1 = t0
            has_core = False
            while t1 < n and (words[t1] in lx.title_any or words[t1] in lx.plural_titles):
                has_core = has_core or words[t1] in lx.title_core or words[t1] in lx.plural_titles
                t1 += 1
            if not has_core:
                # A portfolio of ordinary words inside the title ("Home Affairs Minister").
                j = t1
                while j < n and self._portfolio_word(words[j]):
                    j += 1
                if j < n - 1 and words[j] in lx.title_core:
                    t1 = j
                    while t1 < n and words[t1] in lx.title_any:
                        t1 += 1
                    has_core = True
            if has_core and t1 < n:
                # ...and before it ("Cyber Security Minister"), but never a known name.
                if words[t0] not in lx.title_core and " ".join(words[:t0]) not in gz.names:
                    while t0 > 0 and self._portfolio_word(words[t0 - 1]):
                        t0 -= 1
                out = self._group(words[:t0], offs[:t0], initial) if t0 else []
                rest, roffs = words[t1:], offs[t1:]
                rtext = " ".join(rest)
                rfound = gz.names.get(rtext)
                if rfound is not None and rfound[0] != "PERSON":
                    out.append((roffs[0], roffs[0] + len(rtext), rfound[0], SURE))
                elif rest[0] in lx.connectors or all(w in lx.org_ends for w in rest):
                    # "General Court", "Court of Justice": the title word names the body
                    return [(base, base + len(text), "ORG", SHAPE)]
                elif initial == HEAD and len(rest) == 1 and rest[0][-1:] == "s" \
                        and is_common(gz, rest[0]):
                    pass   # a headline's verb after a noun ("Judge Approves", "Mayor Quits")
                elif words[t1 - 1] in lx.personal_titles or any(
                        not is_common(gz, w) or w in gz.first_names for w in rest):
                    out.append((roffs[0], roffs[0] + len(rtext), "PERSON", SURE))
                return out
            if has_core and t1 == n and t0 > 0 and words[t0] in lx.title_core:
                return self._group(words[:t0], offs[:t0], initial)

        first = words[0]
        # A day or month glued to the name after it ("On Friday Canada joined").
        if first in lx.weekdays or (first in lx.months and first not in lx.ambiguous_months):
            return [(base, base + len(first), "DATE", SURE),
                    *self._group(words[1:], offs[1:], False)]
        # A web name ends a byline's name ("By Peter Nurse Investing.com").
        for k in range(1, n):
            if words[k].endswith(_WEB_TLDS):
                return [*self._group(words[:k], offs[:k], initial),
                        (offs[k], offs[k] + len(words[k]), "ORG", SHAPE),
                        *self._group(words[k + 1:], offs[k + 1:], False)]
        # Sentence-initial common word glued to a name ("Meanwhile Facebook"); one that a
        # lower-case connector follows heads the name instead ("Bank of America", "Ministry
        # of Finance"): no name starts with "of".
        if initial and (is_common(gz, first) or first.lower() in lx.stopwords) \
                and first not in gz.first_names \
                and first not in gz.names and words[-1] not in lx.org_suffix \
                and not words[1][:1].islower():
            return self._group(words[1:], offs[1:], False)

        # Hyphenated compound whose left part is a known name ("Facebook-Cambridge Analytica").
        if "-" in first:
            left, _, right = first.partition("-")
            lf = gz.names.get(left)
            if lf is not None and right[:1].isupper():
                out = [(base, base + len(left), lf[0], SURE)]
                rwords = [right, *words[1:]]
                roffs = [base + len(left) + 1, *offs[1:]]
                return out + self._group(rwords, roffs, False)

        last = words[-1]
        if last in _SCALE_WORDS:
            return []   # "Richter Scale", "Mercalli Scale": a measure, not a body
        if len(last) == 1 and is_common(gz, words[-2]):
            return [(base, base + len(text), "ORG", NEED)]   # "Group D", "Plan B"
        if last in lx.org_suffix:
            if initial == HEAD and all(is_common(gz, w) for w in words):
                # "Shareholders Ask Court": a headline's words; the body must name it
                return [(base, base + len(text), "ORG", NEED)]
            return [(base, base + len(text), "ORG", SURE)]
        if first in lx.org_head and "of" in words:
            return [(base, base + len(text), "ORG", SURE)]

        # A known place or group followed by another known name or a person: two entities.
        f0 = gz.names.get(first)
        if lx.demonym_titles and f0 is not None and f0[0] == "NORP" and all(
                w[1:2].islower() and w not in gz.names and not is_common(gz, w)
                for w in words[1:]) and n <= 4:
            # "le Slovène Tadej Pogacar": the nationality stands where a title would
            return [(base, base + len(first), "NORP", SURE),
                    (offs[1], base + len(text), "PERSON", SHAPE)]
        if f0 is not None and f0[0] in ("GPE", "NORP"):
            rest_text = " ".join(words[1:])
            rf = gz.names.get(rest_text)
            if f0[0] == "GPE" and rf is not None and rf[0] == "ORG" and n > 2 and (
                    words[1] in lx.org_head or words[-1] in lx.org_suffix):
                return [(base, base + len(text), "ORG", SHAPE)]
            w1 = gz.names.get(words[1])
            if words[1] in gz.first_names or rest_text in gz.names or (
                    # "Florida Republican Michael Bilirakis"
                    n > 2 and w1 is not None and w1[0] in ("GPE", "NORP")
                    and words[2] in gz.first_names):
                return [(base, base + len(first), f0[0], SURE),
                        *self._group(words[1:], offs[1:], False)]
        if last in lx.fac_suffix:
            return [(base, base + len(text), "FAC", SHAPE)]
        if last in lx.loc_suffix:
            return [(base, base + len(text), "LOC", SHAPE)]
        if last in lx.gpe_suffix and (f0 is not None or not is_common(gz, first)):
            return [(base, base + len(text), "GPE", SHAPE)]

        if last.rpartition("-")[2] in lx.org_suffix and "-" in last:
            return [(base, base + len(text), "ORG", SHAPE)]   # "Regina Leader-Post"
        if n <= 3 and first in gz.surname_first and all(
                w[1:2].islower() and not is_common(gz, w) for w in words[1:]):
            return [(base, base + len(text), "PERSON", SHAPE)]   # "Meng Wanzhou"
        if first in gz.first_names and n <= 4 and not any(w in lx.org_suffix for w in words[1:]):
            return [(base, base + len(text), "PERSON", SURE)]
        if any(w in lx.org_suffix for w in words[1:]):
            return [(base, base + len(text), "ORG", SURE)]   # "Contingency Fund for Emergencies"
        commons = [is_common(gz, w) for w in words]
        places = [w in gz.names and gz.names[w][0] == "GPE" for w in words]
        if lx.code != "en" and not lx.capitalises_nouns and n >= 3 and commons[0] \
                and places[-1] and words[-2] in lx.name_particles:
            # Where common nouns are written in lower case, a capitalised one with its place
            # names an institution ("la Bourse de Paris", "le Tribunal de Lyon").
            return [(base, base + len(text), "ORG", GUESS)]
        if n <= 3 and last in gz.surnames and not commons[0] and not places[0]:
            return [(base, base + len(text), "PERSON", SHAPE)]
        if all(commons):
            if initial:
                # A title-case headline: each word on its own ("Apple Unveils New").
                out = []
                for w, o in zip(words, offs, strict=True):
                    out.extend(self._single(w, o, True) if w not in gz.names
                               else [self._gaz(w, o, gz.names[w], True)])
                return out
            return [(base, base + len(text), "ORG", NEED)]
        if n <= 3 and not any(commons) and not any(places) and all(w[1:2].islower() for w in words):
            return [(base, base + len(text), "PERSON", GUESS)]
        return [(base, base + len(text), "ORG", GUESS)]

    def _single(self, w: str, base: int, initial: int) -> list[Result]:
        lx = self.lx
        gz = self.gz
        end = base + len(w)
        low = w.lower()
        if len(w) == 1 or (low in lx.stopwords and not w.isupper()):
            return []
        if low in lx.number_words:
            return [(base, end, "CARDINAL", SURE)]
        if w in lx.weekdays:
            return [(base, end, "DATE", SURE)]
        if w in lx.months:
            return [(base, end, "DATE", NEED if w in lx.ambiguous_months else SURE)]
        if w in lx.title_core or w in lx.non_entity_acronyms:
            return []
        if "-" in w:
            left, _, right = w.partition("-")
            lf = gz.names.get(left)
            rf = gz.names.get(right)
            if lf is not None and rf is not None:
                return [(base, base + len(left), lf[0], SURE),
                        (base + len(left) + 1, end, rf[0], SURE)]
            if lf is not None and not right[:1].isdigit():
                return [(base, base + len(left), lf[0], SURE),
                        *self._single(right, base + len(left) + 1, False)]
            if rf is not None and left.isupper() and len(left) > 2:
                # A wire slug before the name ("FACTBOX-European", "UPDATE-Google").
                return [(base + len(left) + 1, end, rf[0], SURE)]
        if w.isupper():
            return self._allcaps(w, [w], [0], initial) if base == 0 else [
                (base + a, base + b, lab, c)
                for a, b, lab, c in self._allcaps(w, [w], [0], initial)]
        if _NAME_SYLLABLE.search(w):
            return [(base, end, "PERSON", GUESS)]   # Sohail-ur-Rehman, Jong-un
        common = is_common(gz, w)
        if w in gz.first_names and not common:
            return [(base, end, "PERSON", GUESS)]
        if common:
            return [(base, end, "ORG", NEED)]
        return [(base, end, "ORG", GUESS)]
