"""What each language writes like: dates, numbers, quotes and sentence ends, as plain data.

The entity recogniser builds its date, number and amount patterns from a profile, and the
comparison can read numbers and split sentences with the same data. English is the default;
a language without a profile gets the high-precision treatment (numbers, ISO dates, known
names only).
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _nums(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in text.split():
        word, _, value = item.partition("=")
        out[word] = int(value)
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _seq(text: str, start: int = 1) -> dict[str, int]:
    """"a b|bb c" -> {a: 1, b: 2, bb: 2, c: 3}: names in order, variants joined by |."""
    out: dict[str, int] = {}
    for i, group in enumerate(text.split(), start):
        for w in group.split("|"):
            out[w] = i
    return out


@dataclass(frozen=True, slots=True)
class Profile:
    code: str
    # month name (and its short forms) -> 1..12
    months: dict[str, int]
    # weekday name -> 1 (Monday) .. 7
    weekdays: dict[str, int]
    # counts written in words -> value ("zwei" -> 2); "one"/"ein"/"un" are left out, they are
    # articles more often than counts
    number_words: dict[str, int]
    # scale words after a number -> factor ("Milliarden" -> 1e9); abbreviations included
    scales: dict[str, int]
    # words for "percent" after a number, longest first
    percent_words: tuple[str, ...]
    # currencies named in words after an amount, lower case
    currencies: tuple[str, ...]
    decimal: str = "."
    # characters that group thousands (besides none): "," in English, "." and spaces elsewhere
    thousands: str = ","
    # opening -> closing quote marks
    quotes: dict[str, str] = field(default_factory=dict)
    # abbreviations whose dot ends no sentence
    abbreviations: frozenset[str] = frozenset()
    # Whether every noun is capitalised (German): a capital is then no sign of a name.
    capitalises_nouns: bool = False
    # Whether a day of the month is written with an ordinal dot ("7. Mai").
    ordinal_dot: bool = False
    # Whether a space stands before ": ; ! ?" and inside guillemets (French).
    space_before_punctuation: bool = False


_EN = Profile(
    code="en",
    months=_seq("January|Jan February|Feb March|Mar April|Apr May June|Jun July|Jul "
                "August|Aug September|Sep|Sept October|Oct November|Nov December|Dec"),
    weekdays=_seq("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    number_words=_nums("two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 "
                       "eleven=11 twelve=12 twenty=20 thirty=30 forty=40 fifty=50 hundred=100"),
    scales=_nums("thousand=1000 million=1000000 billion=1000000000 "
                 "trillion=1000000000000 bn=1000000000 m=1000000"),
    percent_words=("percentage points", "percentage point", "per cent", "percent", "%"),
    currencies=("dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan"),
    quotes={"“": "”", '"': '"', "‘": "’"},
    abbreviations=_words("Mr Mrs Ms Dr Prof St Jr Sr Inc Ltd Corp Co Gen Gov Sen Rep "
                            "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S"),
)

_DE = Profile(
    code="de",
    months=_seq("Januar|Jan|Jänner Februar|Feb März|Mär April|Apr Mai Juni|Jun Juli|Jul "
                "August|Aug September|Sep|Sept Oktober|Okt November|Nov Dezember|Dez"),
    weekdays=_seq("Montag Dienstag Mittwoch Donnerstag Freitag Samstag|Sonnabend Sonntag"),
    number_words=_nums(
        "zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10 elf=11 zwölf=12 "
        "dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19 "
        "zwanzig=20 dreißig=30 vierzig=40 fünfzig=50 sechzig=60 siebzig=70 achtzig=80 "
        "neunzig=90 hundert=100 tausend=1000 zweitausend=2000"),
    scales=_nums("Tausend=1000 Million=1000000 Millionen=1000000 Mio=1000000 "
                 "Milliarde=1000000000 Milliarden=1000000000 Mrd=1000000000 "
                 "Billion=1000000000000 Billionen=1000000000000 Bio=1000000000000"),
    percent_words=("Prozentpunkten", "Prozentpunkte", "Prozentpunkt", "Prozent", "%"),
    currencies=("euro", "us-dollar", "dollar", "pfund", "franken", "yen", "yuan", "rubel",
                "cent"),
    decimal=",",
    thousands=". \u00a0\u202f",
    quotes={"„": "“", "»": "«", "‚": "‘", "“": "”", '"': '"'},
    abbreviations=_words("Dr Prof bzw ca Nr Mio Mrd Bio Jh vgl usw etc z.B d.h u.a "
                            "St Str Abs Art Okt Dez Jan Feb Sept"),
    capitalises_nouns=True,
    ordinal_dot=True,
)

_FR = Profile(
    code="fr",
    months=_seq("janvier|janv février|févr mars avril|avr mai juin juillet|juil août "
                "septembre|sept octobre|oct novembre|nov décembre|déc"),
    weekdays=_seq("lundi mardi mercredi jeudi vendredi samedi dimanche"),
    number_words=_nums(
        "deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12 "
        "treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
        "cinquante=50 soixante=60 cent=100 mille=1000 deux-cents=200 trois-cents=300"),
    scales=_nums("mille=1000 million=1000000 millions=1000000 milliard=1000000000 "
                 "milliards=1000000000 billion=1000000000000 billions=1000000000000 "
                 "Md=1000000000 Mds=1000000000 M=1000000"),
    percent_words=("points de pourcentage", "point de pourcentage", "pour cent", "%"),
    currencies=("euros", "euro", "dollars", "dollar", "francs", "franc", "livres", "livre",
                "yens", "yuans", "roubles", "centimes"),
    decimal=",",
    thousands=" \u00a0\u202f.",
    quotes={"«": "»", "‹": "›", "“": "”", '"': '"'},
    abbreviations=_words("M Mme Mlle Dr Pr MM St Ste janv févr avr juil sept oct nov déc "
                            "etc cf p ex"),
    space_before_punctuation=True,
)

_PROFILES: dict[str, Profile] = {p.code: p for p in (_EN, _DE, _FR)}


def supported() -> tuple[str, ...]:
    """Languages with full entity recognition; others get the high-precision set."""
    return tuple(_PROFILES)


def profile(code: str) -> Profile | None:
    return _PROFILES.get(code)
