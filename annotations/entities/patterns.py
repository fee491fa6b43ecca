"""Compiled regular expressions: one scanner finds every candidate in a single pass."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sidelight.annotations.language.profiles import Profile

from .lexicon import MONTHS, PARTICLE_PAIRS, STOPWORDS, Lexicon

# Upper-case initials: ASCII and Latin-1 only, so the scanner's first-character test stays a
# 256-bit table (a wider class makes the whole pass several times slower).
UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"


def month_names(months: Iterable[str],
                join: Callable[[list[str]], str] = lambda ws: "|".join(map(re.escape, ws)),
                ) -> str:
    """Month names as a regular expression, the full stop of an abbreviation ("Feb.",
    "févr.") included; a full name's full stop ends its sentence ("le 13 février.")."""
    ms = sorted(months, key=len, reverse=True)
    short = [m for m in ms if any(n != m and n.startswith(m) for n in ms)]
    return f"(?:{join([m for m in ms if m not in short])}|(?:{join(short)})\\.?)"


_MONTH = month_names(MONTHS)
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# Capitalised too: title-case headlines write "$4.5 Billion".
_SCALE = r"(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)"
# Spelled-out numbers as a trie: the engine then tests one letter per branch point, not
# thirty words, at every space of the text.
_NUMWORD = (r"(?:t(?:wo|hree|hirteen|hirty|en|welve|wenty)|f(?:ourteen|orty|our|ifteen|ifty|ive)"
            r"|s(?:ixteen|ixty|ix|eventeen|eventy|even)|e(?:ighteen|ighty|ight|leven)"
            r"|n(?:ineteen|inety|ine))")
_DUR_UNIT = r"(?:years?|months?|weeks?|days?|decades?|centuries|century)"
_TIME_UNIT = r"(?:hours?|minutes?|seconds?)"
# Currency names written after the amount: the ISO 4217 currencies that news names in words
# ("2 million ringgit", "20.5 trillion naira"), singular and plural. Names that are also
# everyday words ("real", "mark", "crown") are left out.
_CURRENCY = (r"(?:dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|rupiah|pesos?|rubles?|roubles?"
             r"|francs?|cents|pence|dinars?|dirhams?|riyals?|rials?|won|ringgit|naira|rand|baht"
             r"|dong|kwacha|shillings?|cedis?|lira|liras|lire|kronor|krona|kroner|krone|zloty|zlotys"
             r"|forints?|hryvnias?|hryvnia|lari|taka|tenge|soms?|manats?|afghanis?|kyats?|riels?"
             r"|birr|leones?|kwanzas?|pula|dalasis?|ariary|rufiyaa|ngultrum|patacas?|guaranis?"
             r"|bolivianos?|soles|colones|quetzales|quetzals?|lempiras?|cordobas?|bolivars?"
             r"|bolívares|gourdes?|metical|meticais|nakfa|leu|lei|leva|lev|denars?|drams?|reais"
             r"|bitcoins?)")
_QUANT_UNIT = (r"(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|ft|inch|inches|cm"
               r"|mm|kg|kilograms?|lbs?|tons?|tonnes?|gallons?|litres?|liters?|barrels?|mph|km/h"
               r"|degrees?|acres?|hectares?|GB|MB|TB|GHz|MW|GW|megapixels?|magnitude)")

# A capitalised token: a word that may hold internal capitals (McGregor, WhatsApp), "&"
# (AT&T), hyphenated capitalised parts (Coca-Cola) and short lower-case name syllables
# (Kim Jong-un, Sohail-ur-Rehman); then the dot of an initialism (U.S.), of a single initial
# before another name (Donald J. Trump), of a known abbreviation (Mr., Inc.) or of a web name
# (Investing.com). A possessive 's stays outside. Built from fast pieces (\w* runs), since
# this pattern is tried at every capital letter of the text; each way of ending on a dot
# opens with the dot, so that at the end of a word without one the engine drops it at once
# (a look-behind first would be tested at the end of every word).
#
# The pattern is tried at tens of thousands of capitals per megabyte, and after nearly every
# word all its optional parts fail. An optional part is written as a branch with an empty
# alternative, ``(?:X|)``, not ``(?:X)?``, and a repeated one as ``(?:X(?:X)*|)``, each X
# opening with a literal or a character set: the engine then turns it away with one
# character test, where a quantified group sets up a repeat (same matches, in the same order).
_PART = r"['’&-](?:[A-Z0-9]\w*|(?<=-)[a-z]{1,3}(?=-[A-Z])|(?<=-)%s[a-z]{1,%d}(?![\w-]))"
_TOKEN = (
    rf"[{UP}]\w*(?:{_PART}(?:{_PART})*|)"
    r"(?:\.(?:(?:[A-Z]\.)+|(?:com|org|net|io)\b|(?<=\b[A-Z]\.)(?= [A-Z])"
    r"|(?<=\b(?:Mr|Dr|St|Jr|Sr|Co|Lt|Mt|Ms)\.)"
    r"|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Inc|Ltd|Adm)\.)"
    r"|(?<=\b(?:Capt|Prof|Corp|Sept)\.))|)"
)
_CONN = r"(?:(?:of|for|on)(?: the)?|and|&|de|del|della|der|den|van|von|du|da|di|la|le|y)"
# After the first word a longer lower-case syllable joins too: the given names of Chinese and
# Korean names ("Chen Shui-bian", "Ban Ki-moon"); as a first word it would take in
# sentence-initial compounds ("Anti-war", "Self-made").
# Common words that end hyphenated compounds ("Party-led", "Tory-run") are no syllable.
_NOT_SYLLABLE = (r"(?!(?:led|run|era|wide|like|free|born|made|type|held|only|side|area|up|out|off"
                 r"|on|war|day|year|old|time|long|term|top|end|fed|set|due|less|rich|poor|high"
                 r"|low|hit|user|use|good|bad|new|ever|bred|news|hour|week|size|lead)(?![a-z]))")
_NEXT = _TOKEN % (_NOT_SYLLABLE, 4, _NOT_SYLLABLE, 4)


def _capitals() -> list[str]:
    """Every letter of ``UP``, one by one."""
    out: list[str] = []
    for a, b in re.findall(r"(.)(?:-(.))?", UP):
        out.extend(chr(c) for c in range(ord(a), ord(b or a) + 1))
    return out


def _first_capital(stopwords: frozenset[str] = STOPWORDS, elided: str = "") -> str:
    """The first letter of a span, refusing a lone capitalised function word ("I", "The",
    "She" with nothing capitalised after it): a third of the capitals of running text, which
    would each cost a match and a lookup only to be dropped. One branch per capital, each a
    literal letter followed by the test of that letter's words only: the scanner keeps its
    first-character table (every branch opens with a literal), picks the branch by a one-letter
    compare and pays one short look-ahead per capital. A letter of ``elided`` followed by an
    apostrophe is an elided article ("L'Union"), no start of a name: the scan starts after it."""
    rests: dict[str, list[str]] = defaultdict(list)
    for w in ("i", *stopwords):
        if w.isalpha() and w.isascii():
            rests[w[0].upper()].append(re.escape(w[1:]))
    alone = rf"(?![\w'’&.-])(?! [{UP}0-9])(?! {_CONN} )"
    branches = []
    for c in _capitals():
        refuse = [f"(?:{'|'.join(sorted(rests[c], key=len, reverse=True))}){alone}"] \
            if c in rests else []
        if c in elided:
            refuse.insert(0, "['’]")
        branches.append(f"{c}(?!{'|'.join(refuse)})" if refuse else c)
    return "(?:" + "|".join(branches) + ")"


# After the first capital, a look-behind refuses a span that starts inside a word ("$730M
# Securities", "iPhone"), so the scan moves on to the next word instead of losing the span.
_FIRST = _first_capital() + r"(?<!\w\w)" + (_TOKEN % ("", 2, "", 2))[len(f"[{UP}]"):]
# A Reuters instrument code ("AMZN.O", "VOWG_p.DE") after a company's name is no part of it.
_NOT_RIC = r"(?![A-Z]{1,6}\.[A-Z]{1,2}(?![\w.]))"
# A number after a name belongs to it ("Boeing 737") unless it opens an amount ("fined Google
# 250 million euros", "Apple 5 percent").
_NOT_AMOUNT = (rf"(?![\w,.:/%-])(?! (?:{_SCALE}|percent|per cent|{_CURRENCY}|{_QUANT_UNIT}"
               rf"|{_DUR_UNIT}|{_TIME_UNIT})\b)")




def _pairs() -> str:
    """The two-word name particles (``PARTICLE_PAIRS``), longest first."""
    return "(?:" + "|".join(sorted((" ".join(p) for p in PARTICLE_PAIRS),
                                   key=lambda w: (-len(w), w))) + ")"


def _words(conn: str) -> str:
    """The capitalised words after a span's first, each after a space, a connector (``conn``)
    or a pair of name particles between spaces: ``(?:(?: conn)? NEXT)*`` written as the engine
    rejects fastest (see ``_TOKEN``)."""
    word = rf" (?:{_pairs()} |{conn} |){_NOT_RIC}{_NEXT}"
    return f"(?:{word}(?:{word})*|)"


# The English scanners are kept as pattern text and compiled on first use (see ``english``):
# compiling them costs tens of milliseconds that a program which never reads entities (or
# reads them later, in a worker) should not pay on import.
_CAPSPAN = rf"{_FIRST}{_words(_CONN)}(?: [0-9]{{1,3}}{_NOT_AMOUNT}|)"
# The instrument code itself, tested where a capitals span ends.
RIC_TAIL = re.compile(r"\.[A-Z]{1,2}(?![\w.])")

# Where a number may start; the full forms are matched there by the numeric scanner. A digit after
# a letter or digit starts none ("G20", the "0" of "2019"), so the look-behind (after the
# character class, which keeps the scanner's first-character table) leaves it out.
NUMBER_START = re.compile(r"[0-9$£¥](?<![^\W_][0-9])")
RARE_CURRENCY = ("€", "₹")
_NUMERIC = "|".join((
        rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}\b|\d{{4}}\.\d{{2}}\.\d{{2}}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
        rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? \d{{4}}(?!\d))?)",
        rf"(?P<money>[$£€¥₹] ?{_NUM}(?: ?(?:{_SCALE}|bn|mn|m|k|B|M|K)\b)?"
        rf"|{_NUM}(?:[- ]{_SCALE})?[- ]{_CURRENCY}\b)",
        rf"(?P<percent>{_NUM} ?(?:%|percent\b|per cent\b|percentage points?\b))",
        rf"(?P<duration>{_NUM}[- ]{_DUR_UNIT}\b(?: (?:old|ago))?)",
        rf"(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?: ?(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?"
        rf"|\d{{1,2}} ?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)|{_NUM}[- ]{_TIME_UNIT}\b)",
        rf"(?P<quantity>{_NUM}[- ]?{_QUANT_UNIT}\b)",
        r"(?P<ordinal>\d+(?:st|nd|rd|th)\b)",
        # A name that starts with a digit ("1MDB", "3M"): the gazetteer or its capitals decide.
        rf"(?P<alnum>\d{{1,3}}[{UP}][A-Za-z]*(?![\w-]))",
        # A season or fiscal year written as a range of years ("2019-20", "2019–2020").
        r"(?P<year>(?:1[6-9]|20)\d{2}(?:[-–](?:(?:1[6-9]|20)\d{2}|\d{2})(?![\w%-])|s|['’]s)?"
        r"(?![\w%]|[.,:/]\d))",
        rf"(?P<cardinal>{_NUM}(?:-\d+(?![\w.]))?(?: {_SCALE})?(?![\w%]))",
))
# A date that starts with its month name ("March 22, 2018", "December 2015").
_MONTH_DATE = (
    rf"{_MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,? \d{{4}}(?!\d))?|(?:of )?\d{{4}}(?!\d))"
)
# A bare "one" counts only before a noun it counts ("won one seat", "one constituency"): not
# "one of", "one another", "the wrong one", nor the idioms and durations ("one day", "one
# thing", "one year"), which are not amounts.
_ONE_NOUN = (r"(?= (?!(?:of|another|or|and|nor|who|whom|which|that|is|was|has|had|would|will"
             r"|can|could|may|might|must|should|does|did|day|time|way|thing|things|hand|side"
             r"|point|by|in|on|at|to|for|with|as|more|less|such|the|a|an|he|she|they|we|you|it"
             r"|else|place|step|after|before|last|final|single|big|great|little|very|too|so"
             rf"|{_DUR_UNIT}|{_TIME_UNIT})\b)[a-z]{{3,}}\b)")
# Spelled-out numbers after a space (a literal the engine can skip to; capitalised ones at a
# sentence start come through the capitalised-span analysis).
_SPELLED_NUMBER = (
    rf" (?P<n>{_NUMWORD}(?:[- ](?:{_NUMWORD}|one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?: {_SCALE})?|one {_SCALE}|half an? (?:{_SCALE}|dozen)"
    rf"|one(?= percent| per cent| percentage point)|one{_ONE_NOUN})\b"
    rf"(?:(?P<unit>[- ](?:{_DUR_UNIT}|{_TIME_UNIT}|percent|per cent|percentage points?)\b)"
    # An amount in words and its currency ("three cents", "one cent", "five dollars").
    rf"|(?P<cur>[- ](?:{_CURRENCY}|cent)\b))?"
)

# A transcript speaker label: a name in capitals at the start of a line, an optional role
# after a comma, then a colon ("JOHN SMITH, CNN ANCHOR:"). An optional [hh:mm:ss] stamp first.
SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:\[[\d:]+\][ \t]*)?"
    rf"(?P<name>[{UP}][{UP}'’.\-]+(?: [{UP}][{UP}'’.\-]*){{0,4}})"
    r"(?:[ \t]*\([A-Z]{1,3}(?:-[A-Z]{2})?\))?"
    rf"(?:,[ \t]*(?P<role>[^:\n]{{1,100}}?))?[ \t]*:(?=\s)"
)

# Lines that are title case or capitals (headlines, section heads): every word of four or
# more letters starts upper-case, bar a few prepositions.
# (Searched inside one line at a time, only when a decision depends on it.)
PROSE_WORD = re.compile(
    r"\b(?!(?:with|from|into|over|than|that|upon|onto|amid|about|after|says|said|more)\b)[a-z]{4}"
)

# The end of a date stamp or wire dateline before a text's first sentence: " date 2020-06-23",
# "WASHINGTON, Sept 27" (searched backwards from a capital that follows a digit).
DATELINE_END = re.compile(
    rf"(?:^|\n|date )\d{{4}}-\d{{2}}-\d{{2}}$|(?:^|\n)[{UP}][{UP} .'-]+, {_MONTH} \d{{1,2}}$")

# A lower-case news agency in a dateline ("Manila (dpa) - ").
AGENCY_DATELINE = re.compile(r"\(([a-z]{2,4})\) [-–—] ")

# Candidate lines for table debris (stock tickers): a signed number somewhere in them.
SIGNED_NUMBER = (re.compile(r"-[0-9]"), re.compile(r"\+[0-9]"))
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
ANY_NUMBER = re.compile(r"[0-9][0-9.,]*")

# An acronym in brackets after its long form ("Cambridge Analytica (CA)").
BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.]{0,7}[A-Z]\.?)\)")
WORD = re.compile(r"[\w'’&.-]+")


# -- per-language scanners -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled scanners one language's recogniser runs over a text."""

    capspan: re.Pattern[str]
    numeric: re.Pattern[str]
    month_date: re.Pattern[str]
    spelled_number: re.Pattern[str] | None
    # Lower-case words that are entities in the language (French months and weekdays, counts
    # in words, nationality adjectives) with what follows them (a scale, currency, percent),
    # after the character before them (see ``amounts.lower_words``).
    lower: re.Pattern[str] | None = None
    # Lower-case adjectives that end a name in languages that write them so ("Assemblée
    # nationale", "Banque centrale européenne"), tried where a capitalised span ends (the
    # engine turns most words away within a few letters: no pre-test is quicker).
    name_tail: re.Pattern[str] | None = None
    # A lower-case institution's head and its "de" before a name ("université de "), where
    # the name after it is the institution's (see ``Lexicon.lower_org_heads``).
    org_head_lower: re.Pattern[str] | None = None


def optional_branches(pattern: str) -> str:
    """``pattern`` with each optional group ``(?:X)?`` written ``(?:X|)`` (a capturing one
    wrapped, ``(?:(?P<n>X)|)``): the same matches, preferred in the same order, but the engine
    turns the group away with a test of its first character, where a quantified group sets
    up a repeat first. For the scanners tried at thousands of places in every text."""
    out: list[str] = []
    opens: list[tuple[int, str]] = []   # where each open group starts in ``out``, its kind
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if pattern[j] == "^":
                j += 1
            if pattern[j] == "]":
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        if c == "(":
            kind = ("plain" if pattern.startswith("(?:", i)
                    else "capture" if pattern.startswith("(?P<", i) or pattern[i + 1] != "?"
                    else "other")
            opens.append((len(out), kind))
        elif c == ")":
            start, kind = opens.pop()
            if pattern[i + 1:i + 2] == "?" and pattern[i + 2:i + 3] not in ("?", "+"):
                if kind == "plain":
                    out.append("|)")
                    i += 2
                    continue
                if kind == "capture":
                    # (Only groups closed already lie after ``start``.)
                    out.insert(start, "(?:")
                    out.append(")|)")
                    i += 2
                    continue
        out.append(c)
        i += 1
    return "".join(out)


@functools.cache
def english() -> Patterns:
    """The English scanners, compiled once, when first needed."""
    return Patterns(re.compile(_CAPSPAN), re.compile(optional_branches(_NUMERIC)),
                    re.compile(_MONTH_DATE), re.compile(optional_branches(_SPELLED_NUMBER)))


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` (longest first), as a trie: the engine
    then tests one letter per branch point rather than every word at every position."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = []
        optional = False
        for ch, child in sorted(node.items(), key=lambda kv: kv[0], reverse=True):
            if ch == "":
                optional = True
                continue
            branches.append(re.escape(ch) + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


def build(lx: Lexicon, prof: Profile, lower_words: Iterable[str]) -> Patterns:
    """The scanners for a language other than English, from its lexicon and profile."""
    conn = alternation(sorted(lx.connectors - {"&"}, key=len, reverse=True))
    conn_re = rf"(?:(?:of|for|on)(?: the)?|{conn}|&)"
    # An elided article is no part of the name after it ("L'Union"): the scan starts after it.
    first = _first_capital(lx.stopwords, elided="LD") + r"(?<!\w\w)" \
        + (_TOKEN % ("", 2, "", 2))[len(f"[{UP}]"):]
    capspan = re.compile(
        rf"{first}{_words(conn_re)}(?: [0-9]{{1,3}}{_NOT_AMOUNT}|)")
    sp = "[ \u00a0\u202f]"
    thousands = re.escape(prof.thousands.replace(" ", "").replace("\u00a0", "")
                          .replace("\u202f", ""))
    groups = f"(?:{sp}|[{thousands}])" if thousands else sp
    dec = re.escape(prof.decimal)
    num = rf"(?:\d{{1,3}}(?:{groups}\d{{3}})+(?:{dec}\d+)?(?!\d)|\d+(?:{dec}\d+)?)"
    # A number before a unit is read whole, never again shorter: a shorter reading ends before
    # a digit, a separator or a decimal sign, where no unit, currency or scale word starts, so
    # the engine need not try them again (a bare count, below, may still end shorter).
    whole = f"(?>{num})"
    scale = alternation(sorted(prof.scales, key=len, reverse=True)) + r"\.?"
    months = month_names(prof.months, alternation)
    cur_words = alternation(sorted(set(prof.currencies) | {c.title() for c in prof.currencies}
                                   | {c.upper() for c in prof.currencies if len(c) <= 3},
                                   key=len, reverse=True))
    currency = rf"(?:(?:de |d['’])?{cur_words}(?![\w-])|[€$£¥₣]|EUR\b|USD\b|CHF\b)"
    pct = alternation(sorted(prof.percent_words, key=len, reverse=True))
    day = r"\d{1,2}\." if prof.ordinal_dot else r"(?:1er|\d{1,2})"
    units = (r"(?:km|Kilometern?|kilomètres?|Meter|Metern|mètres?|cm|mm|kg|Kilogramm|kilos?"
             r"|Tonnen|tonnes?|Liter|Litern|litres?|Grad|degrés?|Hektar|hectares?|km/h|MW|GW"
             r"|Quadratmetern?|m²|°C)")
    durations = (r"(?:Jahren?|Jahre|Monaten?|Monate|Wochen?|Tagen?|Tage|Stunden?|Minuten?"
                 r"|ans?|années?|mois|semaines?|jours?|heures?|minutes?)")
    numeric = re.compile(optional_branches("|".join((
        rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}\b|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b"
        rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}}\b|{day} ?{months}(?:{sp}\d{{4}}(?!\d))?)",
        rf"(?P<money>[€$£] ?{whole}(?:{sp}{scale})?|{whole}(?:{sp}{scale})?{sp}?{currency})",
        rf"(?P<percent>{whole}{sp}?(?:{pct})(?![\w]))",
        rf"(?P<time>\d{{1,2}}(?:[.:h]\d{{2}})?{sp}(?:Uhr|h)\b|\d{{1,2}}h\d{{2}}\b)",
        rf"(?P<quantity>{whole}{sp}?{units}(?![\w]))",
        rf"(?P<duration>{whole}{sp}{durations}(?![\w]))",
        r"(?P<ordinal>\d+(?:e|er|ère|ème|es)(?![\w])|\d{1,2}\.(?= [a-zäöü]| [A-ZÄÖÜ]\w+ [a-zäöü]))",
        rf"(?P<alnum>\d{{1,3}}[{UP}][A-Za-z]*(?![\w-]))",
        r"(?P<year>(?:1[6-9]|20)\d{2}(?:[-–](?:(?:1[6-9]|20)\d{2}|\d{2})(?![\w%-]))?"
        r"(?![\w%]|[.,:/]\d))",
        rf"(?P<cardinal>{num}(?:{sp}{scale})?(?![\w%]))",
    ))))
    month_date = re.compile(rf"{months}{sp}(?:\d{{4}}(?!\d))")
    lower = None
    words = sorted(set(lower_words), key=len, reverse=True)
    if words:
        # The character before the word is matched, not looked behind at: a pattern that opens
        # with a character class is searched for with the engine's first-character table,
        # while one that opens with a look-behind is tried at every position of the text.
        lower = re.compile(optional_branches(
            rf"[^\w-](?P<w>{alternation(words)})(?![\w-])"
            rf"(?:(?P<scale>{sp}{scale})?(?P<cur>{sp}{currency})|(?P<scale2>{sp}{scale})"
            rf"|(?P<pct>{sp}(?:{pct})(?![\w])))?"))
    tail = None
    if prof.code == "fr":
        endings = (r"ales?|aux|al|elles?|els?|iennes?|iens?|iques?|aises?|ais|aines?|ains?"
                   r"|éennes?|éens?|ives?|ifs?|aires?|ières?|iers?|uelles?|uels?|ales")
        adjectives = rf"[a-zéèêëàâîïôûç]+(?:{endings})"
        norp = alternation(sorted((w for w in lower_words if w.islower()), key=len, reverse=True))
        tail = re.compile(rf"(?: (?:{adjectives}|{norp})(?![\w-])){{1,2}}")
    head = None
    if lx.lower_org_heads:
        heads = alternation(sorted(lx.lower_org_heads, key=len, reverse=True))
        # (Opening with the heads' letters, not a look-behind: the engine then skips to them.)
        head = re.compile(rf"{heads}s? (?:de |d['’]|)(?=[{UP}])")
    return Patterns(capspan, numeric, month_date, None, lower, tail, head)
