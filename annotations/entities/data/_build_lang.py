"""Build ``<lang>/common_words.txt`` for the languages with a folder here.

    python annotations/entities/data/_build_lang.py de fr

Needs the ``wordfreq`` package (3.1, its data is CC BY-SA 4.0) in the running Python; it is
no dependency of sidelight, only of this build step. A word list is the language's most
frequent words, lower case, minus the names the gazetteers know (a name is no common word
even where a corpus writes it often: "berlin", "macron") and minus given names.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
TOP = {"de": 50_000, "fr": 40_000}


def _known_names(lang: str) -> set[str]:
    out: set[str] = set()
    for name in ("first_names.txt", "first_names_intl.txt", f"{lang}/first_names.txt"):
        out.update(w.lower() for w in (HERE / name).read_text(encoding="utf-8").split())
    for ln in (HERE / "people.txt").read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            out.add(ln.split()[-1].lower())
    for name, col in (("places.tsv", 0), ("places_extra.tsv", 0), ("orgs.txt", None),
                      (f"{lang}/names.tsv", 0)):
        for ln in (HERE / name).read_text(encoding="utf-8").splitlines():
            if not ln.strip() or ln.startswith("#"):
                continue
            forms = [ln.split("\t")[col]] if col is not None else ln.split("|")
            for f in forms:
                f = f.strip()
                if " " not in f and not f.endswith("*"):
                    out.add(f.lower())
    return out


def build(lang: str) -> None:
    from wordfreq import top_n_list  # type: ignore[import-not-found]

    names = _known_names(lang)
    words = [w for w in top_n_list(lang, TOP[lang])
             if w.isalpha() and len(w) > 1 and w not in names]
    (HERE / lang / "common_words.txt").write_text("\n".join(sorted(set(words))) + "\n",
                                                   encoding="utf-8")
    print(f"{lang}: {len(words)} words")


if __name__ == "__main__":
    for code in sys.argv[1:]:
        build(code)
