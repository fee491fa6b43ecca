"""A table read a column at a time gives what reading it record by record gives."""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.errors import StoreError
from sidelight.annotations.model import COLORS, Annotation, Target, new_highlight, quote_target
from sidelight.annotations.plain_records import plain_annotations
from sidelight.annotations.store_records import _by_record, validated

TEXT = "The council approved the budget on Tuesday. Spending rises by 4 percent. " * 3
PATH = Path("/tmp/store-file.json")


def _record(i: int, kind: str = "highlight") -> dict[str, Any]:
    start = (i * 7) % 60
    target = quote_target("/docs/a.txt", "f" * 64, TEXT, start, start + 12)
    if kind == "note":
        target = Target("/docs/a.txt", "f" * 64)
    ann = new_highlight(target, color=COLORS[i % 5], note=f"note {i}" if i % 2 else "",
                        tags=("claim",) if i % 3 else ())
    if kind == "note":
        ann = Annotation(id=ann.id, kind="note", targets=(target,), note="a document note")
    return ann.to_dict()


# Ways a record may differ from the plain shape (each must send the table record by record).
_CHANGES = {
    "link": lambda r: r.update(kind="link", targets=[r["targets"][0], dict(r["targets"][0])]),
    "imported": lambda r: r["targets"][0].update(imported=True),
    "encoding": lambda r: r["targets"][0].update(encoding="cp1252"),
    "via": lambda r: r.update(via="https://hypothes.is/a/1"),
    "unknown field": lambda r: r.update(stars=5),
    "unknown target field": lambda r: r["targets"][0].update(page=3),
    "no note": lambda r: r.pop("note"),
    "no start": lambda r: r["targets"][0].pop("start"),
    "start is None": lambda r: r["targets"][0].update(start=None, end=None),
    "start alone is None": lambda r: r["targets"][0].update(start=None),
    "end alone is None": lambda r: r["targets"][0].update(end=None),
    "end is a float": lambda r: r["targets"][0].update(end=float(r["targets"][0]["end"] or 0)),
    "exact is None": lambda r: r["targets"][0].update(exact=None),
    "created is a number": lambda r: r.update(created=5),
    "start is True": lambda r: r["targets"][0].update(start=True),
    "start is text": lambda r: r["targets"][0].update(start="3"),
    "negative start": lambda r: r["targets"][0].update(start=-1),
    "end before start": lambda r: r["targets"][0].update(
        end=(r["targets"][0].get("start") or 0) - 1),
    "empty colour": lambda r: r.update(color=""),
    "unknown colour": lambda r: r.update(color="octarine"),
    "empty modified": lambda r: r.update(modified=""),
    "kind unknown": lambda r: r.update(kind="bookmark"),
    "tag not text": lambda r: r.update(tags=["a", 3]),
    "tags text": lambda r: r.update(tags="urgent"),
    "note not text": lambda r: r.update(note=5),
    "orphan is 1": lambda r: r["targets"][0].update(orphan=1),
    "empty source": lambda r: r["targets"][0].update(source=""),
    "no targets": lambda r: r.update(targets=[]),
    "target not object": lambda r: r.update(targets=["x"]),
    "id upper case": lambda r: r.update(id=r["id"].upper()),
    "empty id": lambda r: r.update(id=""),
}


def _table(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {r["id"]: r for r in records}


def _outcome(read: Any) -> Any:
    try:
        return read()
    except (StoreError, ValueError) as err:
        return ("error", type(err).__name__, str(err))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12), st.lists(st.sampled_from(sorted(_CHANGES)), max_size=2),
       st.integers(0, 11), st.booleans(), st.booleans())
def test_columns_give_what_records_give(n: int, changes: list[str], at: int, notes: bool,
                                        keyed_elsewhere: bool) -> None:
    records = [_record(i, "note" if notes and i % 4 == 0 else "highlight") for i in range(n)]
    for change in changes:
        if records:
            # A second change may find the first took away what it changes (a link made of
            # a target that is no longer an object).
            with contextlib.suppress(LookupError, AttributeError, TypeError, ValueError):
                _CHANGES[change](records[at % len(records)])
    table = _table(records)
    if keyed_elsewhere and records:
        # A record stored under another key than its id.
        table = dict(zip([*[*table][:-1], "00000000-0000-4000-8000-000000000000"],
                         table.values(), strict=True))
    plain = plain_annotations(copy.deepcopy(table))
    if plain is not None:
        assert list(plain.items()) == [(k, Annotation.from_dict(v)) for k, v in table.items()]
    data = {"_meta": {"1": {"schema": 1}}, "annotations": table}
    unknown: list[str] = []
    by_record = _outcome(lambda: _by_record(PATH, 1, table, unknown))
    got = _outcome(lambda: validated(PATH, copy.deepcopy(data)))
    if isinstance(by_record, tuple):
        assert got == by_record
    else:
        assert list(got.annotations.items()) == list(by_record.items())
        assert bool(got.read_only_reason) == bool(unknown)


@pytest.mark.parametrize("change", sorted(set(_CHANGES) - {"id upper case"}))
def test_each_kind_of_difference_is_read_record_by_record(change: str) -> None:
    # (An id in capitals is plain in shape: the store's own check of ids refuses it.)
    records = [_record(i) for i in range(4)]
    _CHANGES[change](records[2])
    assert plain_annotations(_table(records)) is None


def test_a_plain_table_is_read_in_columns() -> None:
    records = [_record(i, "note" if i == 3 else "highlight") for i in range(6)]
    plain = plain_annotations(_table(records))
    assert plain is not None
    assert list(plain.values()) == [Annotation.from_dict(r) for r in records]
    assert plain_annotations({}) == {}
