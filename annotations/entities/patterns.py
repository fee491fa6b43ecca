"""Compiled regular expressions: one scanner finds every candidate in a single pass."""

from __future__ import annotations

import re

from .lexicon import MONTHS

# Upper-case initials: ASCII and Latin-1 only, so the scanner's first-character test stays a
# 256-bit table (a wider class makes the whole pass several times slower).
UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# Spelled-out numbers as a trie: the engine then tests one letter per branch point, not
# thirty words, at every space of the text.
_NUMWORD = (r"(?:t(?:wo|hree|hirteen|hirty|en|welve|wenty)|f(?:ourteen|orty|our|ifteen|ifty|ive)"
            r"|s(?:ixteen|ixty|ix|eventeen|eventy|even)|e(?:ighteen|ighty|ight|leven)"
            r"|n(?:ineteen|inety|ine))")
_DUR_UNIT = r"(?:years?|months?|weeks?|days?|decades?|centuries|century)"
_TIME_UNIT = r"(?:hours?|minutes?|seconds?)"
_CURRENCY = (r"(?:dollars|euros|pounds|yen|yuan|rupees|pesos|rubles|roubles|francs|cents|pence"
             r"|dinars|riyals|won)")
_QUANT_UNIT = (r"(?:km|kilometers?|kilometres?|miles?|meters?|metres?|feet|foot|ft|inch|inches|cm"
               r"|mm|kg|kilograms?|lbs?|tons?|tonnes?|gallons?|litres?|liters?|barrels?|mph|km/h"
               r"|degrees?|acres?|hectares?|GB|MB|TB|GHz|MW|GW|megapixels?|magnitude)")

# A capitalised token: a word that may hold internal capitals (McGregor, WhatsApp), "&"
# (AT&T), hyphenated capitalised parts (Coca-Cola) and short lower-case name syllables
# (Kim Jong-un, Sohail-ur-Rehman); then the dot of an initialism (U.S.), of a single initial
# before another name (Donald J. Trump), of a known abbreviation (Mr., Inc.) or of a web name
# (Investing.com). A possessive 's stays outside. Built from fast pieces (\w* runs), since
# this pattern is tried at every capital letter of the text.
_TOKEN = (
    rf"[{UP}]\w*(?:['’&-][A-Z0-9]\w*|-[a-z]{{1,3}}(?=-[A-Z])|-[a-z]{{1,2}}(?![\w-]))*"
    r"(?:\.(?:[A-Z]\.)+|\.(?:com|org|net|io)\b|(?<=\b[A-Z])\.(?= [A-Z])"
    r"|(?<=\bMr|\bDr|\bSt|\bJr|\bSr|\bCo|\bLt|\bMt|\bMs)\."
    r"|(?<=\bMrs|\bSen|\bRep|\bGov|\bGen|\bCol|\bSgt|\bInc|\bLtd|\bAdm)\."
    r"|(?<=\bCapt|\bProf|\bCorp|\bSept)\.)?"
)
_CONN = r"(?:(?:of|for|on)(?: the)?|and|&|de|del|della|der|den|van|von|du|da|di|la|le|y)"
CAPSPAN = re.compile(rf"{_TOKEN}(?:(?: {_CONN})? {_TOKEN})*(?: [0-9]{{1,3}}(?![\w,.:/%-]))?")

# Where a number may start; the full forms are matched there by NUMERIC.
NUMBER_START = re.compile(r"[0-9$£¥]")
RARE_CURRENCY = ("€", "₹")
NUMERIC = re.compile(
    "|".join((
        rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}\b|\d{{4}}\.\d{{2}}\.\d{{2}}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
        rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? \d{{4}}(?!\d))?)",
        rf"(?P<money>[$£€¥₹] ?{_NUM}(?: ?(?:{_SCALE}|bn|mn|m|k|B|M|K)\b)?"
        rf"|{_NUM}(?: {_SCALE})? {_CURRENCY}\b)",
        rf"(?P<percent>{_NUM} ?(?:%|percent\b|per cent\b|percentage points?\b))",
        rf"(?P<duration>{_NUM}[- ]{_DUR_UNIT}\b(?: (?:old|ago))?)",
        rf"(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?: ?(?:[ap]\.m\.|[ap]m\b|[AP]M\b))?"
        rf"|\d{{1,2}} ?(?:[ap]\.m\.|[ap]m\b|[AP]M\b)|{_NUM}[- ]{_TIME_UNIT}\b)",
        rf"(?P<quantity>{_NUM}[- ]?{_QUANT_UNIT}\b)",
        r"(?P<ordinal>\d+(?:st|nd|rd|th)\b)",
        r"(?P<year>(?:1[6-9]|20)\d{2}(?:s|['’]s)?(?![\w%]|[.,:/]\d))",
        rf"(?P<cardinal>{_NUM}(?:-\d+(?![\w.]))?(?: {_SCALE})?(?![\w%]))",
    ))
)
# A date that starts with its month name ("March 22, 2018", "December 2015").
MONTH_DATE = re.compile(
    rf"{_MONTH} (?:\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,? \d{{4}}(?!\d))?|\d{{4}}(?!\d))"
)
# Spelled-out numbers after a space (a literal the engine can skip to; capitalised ones at a
# sentence start come through the capitalised-span analysis).
SPELLED_NUMBER = re.compile(
    rf" (?P<n>{_NUMWORD}(?:[- ](?:{_NUMWORD}|one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?: {_SCALE})?|one {_SCALE}|one(?= percent| per cent| percentage point))\b"
    rf"(?P<unit>[- ](?:{_DUR_UNIT}|{_TIME_UNIT}|percent|per cent|percentage points?)\b)?"
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
    r"\b(?!(?:with|from|into|over|than|that|upon|onto|amid|about|after|says|said)\b)[a-z]{4}"
)

# Candidate lines for table debris (stock tickers): a signed number somewhere in them.
SIGNED_NUMBER = (re.compile(r"-[0-9]"), re.compile(r"\+[0-9]"))
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
ANY_NUMBER = re.compile(r"[0-9][0-9.,]*")

# An acronym in brackets after its long form ("Cambridge Analytica (CA)").
BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.]{0,7}[A-Z]\.?)\)")
WORD = re.compile(r"[\w'’&.-]+")
