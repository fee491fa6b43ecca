"""Hostile import files against a store holding the user's annotations.

``hostile_imports(n)`` runs ``sidelight import`` ``n`` times (in-process), each time on a fresh
store with three annotations of the user's and a file that mixes valid annotations with one
hostile ingredient: deep nesting, oversized integers, NaN, lone surrogates, dates that are not
dates, conflicting ids (later, earlier, upper-case, different content), ``bodyValue`` and IRI
bodies, wrong types, huge positions, a position and quote that disagree, duplicates; and
Hypothesis JSON (replies, private permissions, conflicting ids, broken targets) and Readwise
CSV (bad dates, ragged rows, unclosed quotes, NUL, huge locations). A trial passes when

* a refused file left the store exactly as it was (no partial import), with one line on
  stderr and no traceback;
* an accepted file left every annotation of the user's unchanged (no silent overwrite), and
  every imported annotation is in the store, under its id or as a copy, or was named as kept.

Returns ``{"trials", "partial", "overwrites", "crashes", "refused", "accepted"}`` and the
first failures. Used by tests/test_import_hostile.py and ``benchmarks/bench_interop.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sidelight.annotations.documents import make_text_document
from sidelight.annotations.importing import content_key
from sidelight.annotations.model import Annotation, new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import to_w3c
from sidelight.tui.cli import main

TEXT = "Alice went to Paris. Bob stayed in Rome. 40 people died, police said.\n"
QUOTES = ("Alice", "Paris", "Bob", "Rome", "40 people", "police said")


def _highlight(rng: random.Random, note: str = "") -> Annotation:
    doc = make_text_document("/docs/story.txt", TEXT)
    quote = rng.choice(QUOTES)
    s = doc.text.index(quote)
    target = quote_target(doc.path, doc.fingerprint, doc.text, s, s + len(quote))
    return new_highlight(target, note=note or f"note {rng.random():.6f}")


def _conflict(mine: Annotation, rng: random.Random) -> dict[str, Any]:
    obj = to_w3c(mine)
    obj["body"] = {"type": "TextualBody", "value": f"theirs {rng.random():.6f}"}
    obj["modified"] = rng.choice([
        "2999-01-01T00:00:00Z", "1999-01-01T00:00:00Z", mine.modified,
        mine.modified[:19] + "+23:59", mine.modified[:19] + "-23:59",
    ])
    if rng.random() < 0.5:
        obj["id"] = "urn:uuid:" + mine.id.upper()
    return obj


def _ingredients() -> list[Callable[[random.Random, list[Annotation]], Any]]:
    def deep(rng: random.Random, mine: list[Annotation]) -> Any:
        return "[" * rng.choice([100, 1000, 100000])

    def digits(rng: random.Random, mine: list[Annotation]) -> Any:
        return '[{"type": "Annotation", "id": "x", "n": ' + "9" * rng.choice([5000, 20000]) + "}]"

    def nan(rng: random.Random, mine: list[Annotation]) -> Any:
        return '[{"type": "Annotation", "id": "x", "target": "file:///a", "n": NaN}]'

    def surrogate(rng: random.Random, mine: list[Annotation]) -> Any:
        obj = to_w3c(_highlight(rng))
        obj["target"]["source"] = "file:///docs/st\\ud800ry.txt"
        return json.dumps([obj]).replace("\\\\ud800", "\\ud800")

    def bad_date(rng: random.Random, mine: list[Annotation]) -> Any:
        obj = to_w3c(_highlight(rng))
        obj[rng.choice(["created", "modified"])] = rng.choice(
            ["zzzz", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "", "yesterday", 5])
        return [obj]

    def conflicts(rng: random.Random, mine: list[Annotation]) -> Any:
        return [_conflict(m, rng) for m in rng.sample(mine, rng.randint(1, len(mine)))] + [
            to_w3c(_highlight(rng)) for _ in range(rng.randint(0, 3))]

    def same_again(rng: random.Random, mine: list[Annotation]) -> Any:
        return [to_w3c(m) for m in mine]

    def body_forms(rng: random.Random, mine: list[Annotation]) -> Any:
        out = []
        for i in range(3):
            obj = to_w3c(_highlight(rng))
            obj.pop("body", None)
            obj["id"] = f"https://example.org/anno/{rng.random()}/{i}"
            obj[rng.choice(["bodyValue", "body"])] = rng.choice(
                ["a note", "http://example.org/tag"])
            out.append(obj)
        return out

    def wrong_types(rng: random.Random, mine: list[Annotation]) -> Any:
        obj = to_w3c(_highlight(rng))
        key, value = rng.choice([
            ("target", 5), ("body", [1]), ("type", "Note"), ("id", None),
            ("sidelight:color", "red"), ("sidelight:kind", "bookmark"), ("target", []),
            ("bodyValue", {"x": 1}),
        ])
        obj[key] = value
        return [to_w3c(_highlight(rng)), obj]

    def bad_position(rng: random.Random, mine: list[Annotation]) -> Any:
        obj = to_w3c(_highlight(rng))
        sel = obj["target"]["selector"][1]
        sel[rng.choice(["start", "end"])] = rng.choice([10**40, -1, 1.5, "3", True, 10**13])
        return [to_w3c(_highlight(rng)), obj]

    def duplicate(rng: random.Random, mine: list[Annotation]) -> Any:
        obj = to_w3c(_highlight(rng))
        return [obj, dict(obj)]

    def not_annotations(rng: random.Random, mine: list[Annotation]) -> Any:
        return rng.choice(['{"type": "AnnotationPage"}', "42", '"text"', "{}", "", "[",
                           "\ufeff[]", "\x00", '{"items": [1]}'])

    def hypothesis(rng: random.Random, mine: list[Annotation]) -> Any:
        target = mine[0]
        row = {
            "id": rng.choice([target.id.upper(), "Ab1cD2", target.id]),
            "created": "2024-01-01T00:00:00Z",
            "updated": rng.choice(["2999-01-01T00:00:00Z", "1999-01-01T00:00:00Z", "never"]),
            "user": "acct:eve@hypothes.is", "uri": "https://example.org/x",
            "text": f"theirs {rng.random():.6f}", "tags": rng.choice([["a"], "a", [1], []]),
            "target": rng.choice([
                [{"source": "https://example.org/x", "selector": [
                    {"type": "TextQuoteSelector", "exact": "Paris"},
                    {"type": "TextPositionSelector", "start": rng.choice([3, 10**30, -4])}]}],
                {"selector": "x"}, [5], [{"source": "", "selector": []}],
            ]),
            "permissions": {"read": ["acct:eve@hypothes.is"]},
        }
        reply = {**row, "id": "R1", "references": ["Ab1cD2"]}
        return {"total": 2, "rows": [row, reply]}

    def readwise(rng: random.Random, mine: list[Annotation]) -> Any:
        return rng.choice([
            "Highlight,Title,Author,URL,Note,Location,Date\n"
            f'"Paris",T,,https://example.org/x,".a .b\nnote",{rng.choice([3, 10**30, -1])},'
            f"{rng.choice(['2024-01-01 10:00:00', 'soon', ''])}\n",
            'Highlight,Title\n"unclosed quote,T\n',
            "Highlight,Title\nx,T,extra,cells\n",
            "Highlight,Title\n\x00,T\n",
            "Highlight,Book Title,Color,Tags\nq,B,red,\"a, b\"\n",
        ])

    return [deep, digits, nan, surrogate, bad_date, conflicts, same_again, body_forms,
            wrong_types, bad_position, duplicate, not_annotations, hypothesis, readwise]


def hostile_imports(n: int, *, seed: int = 3) -> dict[str, Any]:
    rng = random.Random(seed)
    makers = _ingredients()
    tally = {"trials": 0, "partial": 0, "overwrites": 0, "crashes": 0, "refused": 0,
             "accepted": 0}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for trial in range(n):
            maker = makers[trial % len(makers)]
            db = Path(tmp) / f"db{trial}.json"
            store = AnnotationStore(db)
            mine = [store.put(_highlight(rng)) for _ in range(3)]
            before = {a.id: a for a in AnnotationStore(db).all()}
            data = maker(rng, mine)
            path = Path(tmp) / f"in{trial}.json"
            path.write_text(data if isinstance(data, str) else json.dumps(data),
                            encoding="utf-8", errors="surrogatepass")
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    code = main(["import", str(path), "--db", str(db)])
                except BaseException as exc:  # a crash is a failure to report
                    code = -1
                    err.write(f"{type(exc).__name__}: {exc}")
            after = {a.id: a for a in AnnotationStore(db).all()}
            message = err.getvalue()
            tally["trials"] += 1
            what = f"{maker.__name__}: {message.strip()[:160]}"
            if code not in (0, 1) or "Traceback" in message or "unexpected error" in message:
                tally["crashes"] += 1
                failures.append(f"crash {what}")
            if code != 0:
                tally["refused"] += 1
                if after != before:
                    tally["partial"] += 1
                    failures.append(f"partial {what}")
                if message.count("\n") != 1:
                    tally["crashes"] += 1
                    failures.append(f"not one line {what}")
                continue
            tally["accepted"] += 1
            if any(after.get(i) != a for i, a in before.items()):
                tally["overwrites"] += 1
                failures.append(f"overwrite {what}")
            if not _all_accounted(data, after, message):
                tally["partial"] += 1
                failures.append(f"lost {what}")
    return {**tally, "failures": failures[:5]}


def _all_accounted(data: Any, after: dict[str, Annotation], message: str) -> bool:
    """Every imported annotation is in the store (by id or as a same-content copy), or the
    summary names it as kept."""
    from sidelight.annotations.hypothesis import is_hypothesis, parse_hypothesis
    from sidelight.annotations.readwise import is_readwise_csv, parse_readwise_csv
    from sidelight.annotations.w3c_import import parse_w3c_data

    if isinstance(data, str) and is_readwise_csv(data):
        incoming = parse_readwise_csv(data)
    else:
        value = json.loads(data.lstrip("\ufeff")) if isinstance(data, str) else data
        incoming = (parse_hypothesis(value).annotations if is_hypothesis(value)
                    else parse_w3c_data(value))
    contents = {content_key(a) for a in after.values()}
    for ann in incoming:
        if content_key(ann) in contents:
            continue
        if f"kept yours: {ann.id}" in message:
            continue
        return False
    return True
