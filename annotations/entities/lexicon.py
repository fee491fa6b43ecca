"""Small closed word classes the rules lean on (curated by hand from English grammar and news
style guides; the long open lists — names, places, organisations — live in ``data/``)."""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS: frozenset[str] = _words("""
January February March April May June July August September October November December Jan Feb
Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""")
# Months that are also ordinary words or names: a date only beside a number or a date word.
AMBIGUOUS_MONTHS: frozenset[str] = _words("""
March May June April August Jan Mar
""")
WEEKDAYS: frozenset[str] = _words("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays
Fridays Saturdays Sundays
""")
DATE_WORDS: frozenset[str] = MONTHS | WEEKDAYS | _words("""
Christmas Easter Thanksgiving Ramadan Hanukkah Diwali
""")

# Words that open a person's title; the name that follows is a PERSON.
TITLE_CORE: frozenset[str] = _words("""
President President-elect Vice Prime Premier Minister Secretary Chancellor Senator Sen Sen. Rep
Rep. Representative Congressman Congresswoman Governor Gov Gov. Lt Lt. Lieutenant Mayor Judge
Justice Chief CEO CFO COO CTO CIO Founder Co-founder Cofounder Director Chairman Chairwoman
Chairperson Chair Speaker Leader Ambassador Commissioner Attorney General Gen Gen. Col Col.
Colonel Captain Capt Capt. Sgt Sgt. Sergeant Admiral Adm Adm. Commander Marshal Mr Mr. Mrs Mrs.
Ms Ms. Mx Miss Madam Madame Dr Dr. Prof Prof. Professor Sir Dame Lord Lady King Queen Prince
Princess Pope Rev Rev. Reverend Father Sheikh Emir Sultan Ayatollah Imam Rabbi Bishop Archbishop
Cardinal Emeritus Deputy Assistant Acting Interim Spokesman Spokeswoman Spokesperson MP MEP MSP
Inspector Detective Superintendent Sheriff Officer Executive Anchor Host Correspondent Reporter
Editor Coach Manager Striker Midfielder Defender Goalkeeper Analyst Economist Whip Treasurer
Comptroller Councillor Councilman Councilwoman Alderman Premier Viceroy Dictator Czar Tsar
Warden Magistrate Provost Dean Rector
""")
# Title modifiers ("Health Secretary", "Chief Operating Officer"): titles only next to a core.
TITLE_MOD: frozenset[str] = _words("""
Vice Prime Foreign Defence Defense Interior Health Finance Home Culture Trade Energy Education
Transport Transportation Labor Labour Treasury Commerce State Homeland Security Economy
Environment Agriculture Digital Media Sport Justice Operating Financial Technology Information
Marketing Executive Senior Junior Former Then Majority Minority Chief Deputy Assistant Acting
Interim Crown Supreme Attorney Solicitor Surgeon Managing Technical Creative Political National
Regional Foreign-policy First Lord High Grand General Joint Special Principal Permanent Shadow
Opposition
""")
# Inside speaker labels and captions: roles, not names.
NON_NAME_SPEAKERS: frozenset[str] = _words("""
UNIDENTIFIED UNKNOWN MALE FEMALE MAN WOMAN ANNOUNCER NARRATOR REPORTER CROWD AUDIENCE GROUP
VOICE VOICES Q A QUESTION ANSWER OPERATOR MODERATOR CHILD CHILDREN SPEAKER PROTESTERS PROTESTER
OFFICER PILOT DOCTOR NURSE STUDENT STUDENTS TEACHER INTERPRETER TRANSLATOR CAPTION NOTE EDITOR
UPDATE BREAKING TRANSCRIPT END BEGIN CLIP VIDEO AUDIO
""")

# Last words of organisation names.
ORG_SUFFIX: frozenset[str] = _words("""
Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP
LP PLC Plc plc AG SA S.A. NV N.V. GmbH SE SpA AB ASA Oyj KK Bhd Pty Holdings Holding Group
Groups Partners Partnership Associates Ventures Capital Investments Securities Bank Bancorp
Banking Financial Insurance Assurance Trust Fund Funds Exchange Markets Brands Technologies
Technology Tech Systems Solutions Software Labs Laboratories Networks Network Communications
Telecom Media Entertainment Studios Pictures Records Publishing Press News Times Post Journal
Tribune Herald Gazette Chronicle Observer Guardian Telegraph Mail Star Review Magazine Daily
Weekly Today Broadcasting Radio TV Television Channel Airlines Airways Air Motors Automotive
Industries Industrial Manufacturing Steel Mining Resources Energy Petroleum Oil Gas Power
Electric Utilities Pharmaceuticals Pharma Therapeutics Biosciences Biotech Health Healthcare
Medical Clinic Foods Beverages Logistics Shipping Railways Railway Rail Transport Motors Retail
Stores Apparel Analytics Research Consulting Consultants Advisors Advisers Services Service
Agency Agencies Bureau Office Department Ministry Commission Committee Council Board Authority
Administration Directorate Service Court Tribunal Parliament Congress Senate Assembly Cabinet
Government Police Army Navy Force Forces Guard Corps Command University College School Academy
Institute Institution Foundation Association Society Federation Union League Alliance Coalition
Party Movement Front Organization Organisation Club FC United Church Mission Council Centre
Center Hospital Trust Commission Initiative Project Program Programme Campaign Cooperative Co-op
Conference Forum Caucus Lab Unit Team
""")
# Words that head "X of Y" organisation names and keep the "of" inside the span.
ORG_HEAD: frozenset[str] = _words("""
University College School Academy Institute Bank Department Ministry Office Bureau Board Council
Commission Committee Federation Association Society Union League Church Court House Chamber
Museum Library Centre Center Organization Organisation Order Party Republic Kingdom Federation
Government State States Parliament Assembly Senate Congress Fund Administration Agency Authority
Coalition Alliance Friends Sisters Brothers Knights Daughters Sons Army Navy Corps Secretary
Ministry Minister Prince Duke Duchess Earl Archbishop Bishop Mayor Governor Governors Chancellor
Chief Chiefs Director Directorate Service Services Division Institute Institutes Hall Bay Gulf
Isle Islands Sea Cape City Port Strait Straits Coast Banks Cathedral Palace Tower
""")
# Last words of facility names (label FAC) and of geographic features (label LOC).
FAC_SUFFIX: frozenset[str] = _words("""
Theater Theatre Stadium Arena Airport Station Bridge Square Street St St. Avenue Ave Road
Boulevard Lane Highway Tower Towers Building Hall Palace Castle Cathedral Mosque Temple Park
Prison Jail Plaza Mall Hotel Museum Gallery Library Centre Center Memorial Gardens
""")
LOC_SUFFIX: frozenset[str] = _words("""
River Lake Mountain Mountains Mount Mt Valley Desert Ocean Sea Bay Gulf Strait Island Islands
Peninsula Coast Canal Forest Basin Plateau Glacier Volcano Falls Hills Range
""")
GPE_SUFFIX: frozenset[str] = _words("""
County City Province Prefecture District Borough Township Parish Oblast Region State Governorate
Territory Municipality Village Town
""")

# Connectors that may sit inside a proper-name span.
CONNECTORS: frozenset[str] = _words("""
of for and & the de del della der den van von du da di la le al el bin ibn y on upon
""")
NAME_PARTICLES: frozenset[str] = _words("""
de del della der den van von du da di la le al el bin ibn y
""")
# Name particles of two words inside a person's name ("Ursula von der Leyen", "Rafael van der
# Vaart", "Marie de la Tour"), in every language: one connector between capitalised words, as
# the scanner reads them, cannot span them, and German reads "der" as an article elsewhere.
PARTICLE_PAIRS: frozenset[tuple[str, str]] = frozenset((
    ("von", "der"), ("von", "den"), ("von", "dem"), ("van", "der"), ("van", "den"),
    ("van", "de"), ("de", "la"), ("de", "las"), ("de", "los")))

# Words before a name that mark the name as a person ("his wife Melania").
PERSON_CUES_BEFORE: frozenset[str] = _words("""
wife husband son daughter brother sister mother father uncle aunt cousin nephew niece grandson
granddaughter grandfather grandmother widow widower fiancee fiance boyfriend girlfriend partner
friend colleague spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney analyst
economist reporter correspondent columnist author writer actor actress singer rapper player
striker midfielder defender goalkeeper coach manager captain founder cofounder co-founder
chairman chairwoman director boss owner investor billionaire businessman businesswoman
entrepreneur engineer scientist professor researcher student president senator congressman
congresswoman governor mayor minister secretary candidate nominee rival challenger opponent
colleagues mr mrs ms dr
""")
# Verbs after a name that suggest a person when nothing else decides.
PERSON_CUES_AFTER: frozenset[str] = _words("""
said says told added wrote explained argued insisted admitted recalled noted tweeted asked
replied testified claimed warned acknowledged conceded stressed believes thinks thought who
himself herself
""")

NUMBER_WORDS: frozenset[str] = _words("""
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion dozen
""")
SCALE_WORDS: frozenset[str] = _words("""
hundred thousand million billion trillion
""")

# Capitalised abbreviations that are not entities by themselves.
NON_ENTITY_ACRONYMS: frozenset[str] = _words("""
OK TV AM PM ET PT GMT UTC EST EDT PST PDT BST CET ID PC AI IQ FAQ PDF HTML USB DNA RNA HIV AIDS
GDP VAT LGBT LGBTQ NGO NGOs CEO CFO COO CTO CIO MP MPs MEP MEPs VP GOP2 RSVP ASAP FYI DIY SUV
SUVs LED OLED LCD RAM CPU GPU API APIs URL URLs SMS GPS IT IPO IPOs ETF ETFs PR HR RIP USD EUR
GBP JPY CNY BC AD CE BCE II III IV VI VII VIII IX XI XII PhD MBA BA BSc MSc COVID COVID-19 SARS
MERS EVD TB FM AC DC3 QR NFT NFTs VR AR UV XL
""")
# Words before a bare month that make "May", "March" a date.
DATE_PREPS: frozenset[str] = _words("""
in on since until till by from through last next this early late mid of during before after
between
""")

# Closed-class words: never an entity on their own, whatever the capitalisation.
STOPWORDS: frozenset[str] = _words("""
i it he she they we you me him her them us his hers its their theirs our ours my mine your yours
the a an this that these those there here what when where why how who whom whose which but and
or nor if as at in on of for to from with by after before while although though because since so
yet not no yes oh ah is was are were be been being has have had do does did would could should
can might must shall all some any every each many much more most such only even just also then
now well very still perhaps indeed however meanwhile instead other another both either neither
upon into over under about against among between through during without within despite until
unless whether nothing everything something anything nobody everyone someone anyone let please
thank thanks yesterday today tomorrow tonight again once never always often sometimes soon later
already ever too therefore thus hence moreover furthermore nevertheless nonetheless besides
otherwise although whereas whatever whoever whenever wherever whichever what's it's that's
there's here's let's i'm i've i'll i'd he's she's we're they're you're don't can't won't
""")

# Titles that make the next capitalised word a person even when it is also a common word
# ("President Trump", "Mr. Cook").
PERSONAL_TITLES: frozenset[str] = _words("""
President President-elect Senator Sen Sen. Rep Rep. Representative Congressman Congresswoman
Governor Gov Gov. Mayor Judge Justice Minister Secretary Chancellor Premier Speaker Ambassador
Commissioner Mr Mr. Mrs Mrs. Ms Ms. Mx Miss Madam Madame Dr Dr. Prof Prof. Professor Sir Dame
Lord Lady King Queen Prince Princess Pope Rev Rev. Reverend Sheikh Emir Ayatollah Imam Rabbi
Bishop Archbishop Cardinal Chairman Chairwoman CEO Coach Captain Capt Capt. Colonel Col Col.
General Gen Gen. Lt Lt. Sgt Sgt. Sergeant Admiral Detective Inspector
""")

# Articles dropped from the front of a span ("The Pentagon").
DROP_LEAD: frozenset[str] = _words("The A An")
# Nouns after a name that make it a place ("Ziarat district").
PLACE_NOUNS: frozenset[str] = _words("""
district province county region city town village municipality prefecture state governorate
oblast township barangay commune
""")
# Plural titles before names ("Senators Patrick Leahy, Al Franken and ..."); never a name's last
# word, so teams ("Ottawa Senators") keep theirs.
PLURAL_TITLES: frozenset[str] = _words("""
Senators Sens. Representatives Reps. Governors Mayors Judges Justices Ministers Presidents
Commissioners Ambassadors Chancellors Drs.
""")
# First words of organisation names that are no short form of them ("Board of Directors").
_NOT_SHORT = _words("New North South East West United National International General Global Royal")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The closed word classes of one language, as the rules use them (English's are the
    constants above; another language's are English's plus its own, from
    ``data/<lang>/lexicon.txt``, since its texts quote English names too)."""

    code: str
    months: frozenset[str]
    ambiguous_months: frozenset[str]
    weekdays: frozenset[str]
    date_words: frozenset[str]
    title_core: frozenset[str]
    title_mod: frozenset[str]
    non_name_speakers: frozenset[str]
    org_suffix: frozenset[str]
    org_head: frozenset[str]
    fac_suffix: frozenset[str]
    loc_suffix: frozenset[str]
    gpe_suffix: frozenset[str]
    connectors: frozenset[str]
    name_particles: frozenset[str]
    person_cues_before: frozenset[str]
    person_cues_after: frozenset[str]
    number_words: frozenset[str]
    non_entity_acronyms: frozenset[str]
    date_preps: frozenset[str]
    stopwords: frozenset[str]
    personal_titles: frozenset[str]
    drop_lead: frozenset[str]
    place_nouns: frozenset[str]
    plural_titles: frozenset[str]
    # Connectors that keep an organisation's name whole after its head ("Bank of England").
    of_words: frozenset[str] = frozenset(("of", "for"))
    # Prepositions after which an unknown name is a place ("struck in Jajarkot").
    place_preps: frozenset[str] = frozenset(("in",))
    # Lower-case nouns that make an institution of the name after them, with or without "de"
    # ("l'université de Cambridge", "l'université Harvard").
    lower_org_heads: frozenset[str] = frozenset()
    # A nationality before a name reads as a title ("le Slovène Tadej Pogacar").
    demonym_titles: bool = False
    # Every noun capitalised (German): a capital is then no sign of a name, and a common
    # word capitalised mid-sentence is no name even when repeated.
    capitalises_nouns: bool = False
    # Derived classes, filled in by ``__post_init__``.
    title_any: frozenset[str] = frozenset()
    org_ends: frozenset[str] = frozenset()
    not_short_forms: frozenset[str] = frozenset()
    # "said" follows organisations as often as people.
    cues_after: frozenset[str] = frozenset()
    name_ends: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        title_any = self.title_core | self.title_mod
        org_ends = self.org_suffix | self.org_head
        derived = {
            "title_any": title_any,
            "org_ends": org_ends,
            "not_short_forms": title_any | org_ends | _NOT_SHORT,
            "cues_after": self.person_cues_after - {"said", "says"},
            "name_ends": self.org_suffix | self.fac_suffix | self.loc_suffix | self.gpe_suffix
            | title_any,
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def extended(self, code: str, extra: dict[str, frozenset[str]],
                 capitalises_nouns: bool = False, demonym_titles: bool = False) -> Lexicon:
        """This lexicon with each class grown by ``extra``'s words of the same name, less
        the words of ``extra["drop_<class>"]`` (what the language reads otherwise: "der" is
        an article in German, not the particle of "van der")."""
        fields = {name: (getattr(self, name) | extra.get(name, frozenset()))
                  - extra.get(f"drop_{name}", frozenset())
                  for name in _CLASSES}
        return Lexicon(code=code, capitalises_nouns=capitalises_nouns,
                       demonym_titles=demonym_titles, **fields)


_CLASSES: tuple[str, ...] = (
    "months", "ambiguous_months", "weekdays", "date_words", "title_core", "title_mod",
    "non_name_speakers", "org_suffix", "org_head", "fac_suffix", "loc_suffix", "gpe_suffix",
    "connectors", "name_particles", "person_cues_before", "person_cues_after", "number_words",
    "non_entity_acronyms", "date_preps", "stopwords", "personal_titles", "drop_lead",
    "place_nouns", "plural_titles", "of_words", "place_preps", "lower_org_heads",
)

ENGLISH = Lexicon(
    code="en", months=MONTHS, ambiguous_months=AMBIGUOUS_MONTHS, weekdays=WEEKDAYS,
    date_words=DATE_WORDS, title_core=TITLE_CORE, title_mod=TITLE_MOD,
    non_name_speakers=NON_NAME_SPEAKERS, org_suffix=ORG_SUFFIX, org_head=ORG_HEAD,
    fac_suffix=FAC_SUFFIX, loc_suffix=LOC_SUFFIX, gpe_suffix=GPE_SUFFIX, connectors=CONNECTORS,
    name_particles=NAME_PARTICLES, person_cues_before=PERSON_CUES_BEFORE,
    person_cues_after=PERSON_CUES_AFTER, number_words=NUMBER_WORDS,
    non_entity_acronyms=NON_ENTITY_ACRONYMS, date_preps=DATE_PREPS, stopwords=STOPWORDS,
    personal_titles=PERSONAL_TITLES, drop_lead=DROP_LEAD, place_nouns=PLACE_NOUNS,
    plural_titles=PLURAL_TITLES,
)
