"""The journal beside each document file: a change is one appended line, and nothing is lost."""

from __future__ import annotations

import errno
import json
import os
import random
from pathlib import Path
from unittest import mock

import pytest
from harness_store import realistic_annotation

from sidelight.annotations.errors import StoreError
from sidelight.annotations.model import Annotation
from sidelight.annotations.store import SCHEMA, AnnotationStore, store_files


@pytest.fixture
def rng() -> random.Random:
    return random.Random(11)


def _store_with(db: Path, rng: random.Random, n: int = 20) -> tuple[AnnotationStore, Path]:
    store = AnnotationStore(db)
    store.put_many(realistic_annotation(rng) for _ in range(n))
    (doc_file,) = store_files(db)[1:]
    return store, doc_file


def _journal(doc_file: Path) -> Path:
    return Path(f"{doc_file}.journal")


def _ids(db: Path) -> dict[str, Annotation]:
    return {a.id: a for a in AnnotationStore(db).all()}


def test_a_change_is_appended_and_the_document_file_is_not_rewritten(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    before = doc_file.read_bytes()
    added = [store.add(realistic_annotation(rng)) for _ in range(3)]
    edited = store.update(added[0], note="checked against the transcript")
    gone = store.delete(added[1].id)
    assert doc_file.read_bytes() == before
    lines = _journal(doc_file).read_bytes().splitlines()
    assert len(lines) == 1 + 5  # its header, then one line per change
    seen = _ids(db)
    assert seen[edited.id] == edited and gone.id not in seen and added[2].id in seen
    assert len(seen) == 22


def test_another_process_reads_only_the_new_lines(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    writer, _ = _store_with(db, rng)
    writer.add(realistic_annotation(rng))  # the journal exists from here on
    reader = AnnotationStore(db)
    assert len(reader.all()) == 21 and not reader.changed()
    new = writer.add(realistic_annotation(rng))
    assert reader.changed()
    with mock.patch("sidelight.annotations.storage.read_regular",
                    side_effect=AssertionError("the document file was read again")):
        reader.reload()
    assert reader.get(new.id) == new and not reader.changed()


def test_a_line_cut_off_by_a_killed_writer_is_skipped_then_cut(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    kept = store.add(realistic_annotation(rng))
    journal = _journal(doc_file)
    whole = journal.read_bytes()
    with journal.open("ab") as f:
        f.write(b'0badf00d {"annotations":{"put":{"x"')  # no newline: never acknowledged
    assert _ids(db)[kept.id] == kept and len(_ids(db)) == 21
    later = AnnotationStore(db).add(realistic_annotation(rng))
    assert journal.read_bytes().startswith(whole)
    assert b"0badf00d" not in journal.read_bytes()
    assert set(_ids(db)) >= {kept.id, later.id} and len(_ids(db)) == 22


def test_a_damaged_journal_line_is_refused_by_name_and_left_untouched(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    store.add(realistic_annotation(rng))
    store.add(realistic_annotation(rng))
    journal = _journal(doc_file)
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"highlight"', b'"highlighT"')  # checksum no longer matches
    journal.write_bytes(b"".join(lines))
    files = {p: p.read_bytes() for p in (*store_files(db), journal)}
    fresh = AnnotationStore(db)
    with pytest.raises(StoreError, match=f"{journal}.*checksum.*left untouched"):
        fresh.for_document(realistic_annotation(rng).target.source, "")
    with pytest.raises(StoreError, match="checksum"):
        fresh.add(realistic_annotation(rng))
    assert {p: p.read_bytes() for p in files} == files


def test_the_journal_is_folded_into_the_file_when_it_grows(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    with mock.patch("sidelight.annotations.storage.JOURNAL_MIN_BYTES", 2_000):
        added = [store.add(realistic_annotation(rng)) for _ in range(30)]
    journal = _journal(doc_file)
    # Folded at least once: the file holds what the journal held, and the journal is short.
    raw = json.loads(doc_file.read_bytes())
    assert added[0].id in raw["annotations"]
    assert not journal.exists() or journal.stat().st_size < doc_file.stat().st_size
    assert len(_ids(db)) == 50


def test_a_journal_left_from_before_the_last_fold_is_ignored(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    doomed = store.add(realistic_annotation(rng))
    journal = _journal(doc_file)
    old = journal.read_bytes()
    store.delete(doomed.id)
    with mock.patch("sidelight.annotations.storage.JOURNAL_MIN_BYTES", 0):
        for _ in range(100):  # until the journal is folded: a new file, a new write token
            store.add(realistic_annotation(rng))
            if not journal.exists():
                break
    n = len(_ids(db))
    journal.write_bytes(old)  # as if the old journal's removal had not reached the disk
    assert doomed.id not in _ids(db) and len(_ids(db)) == n


def test_a_failed_flush_leaves_no_trace(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store, doc_file = _store_with(db, rng)
    store.add(realistic_annotation(rng))
    journal = _journal(doc_file)
    before = journal.read_bytes()

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with (mock.patch("sidelight.annotations.journal.os.fdatasync", failing),
          pytest.raises(StoreError, match=r"could not save.*unchanged")):
        store.add(realistic_annotation(rng))
    assert journal.read_bytes() == before
    assert len(_ids(db)) == 21


def test_an_index_of_schema_2_is_upgraded_after_a_backup(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    _store_with(db, rng)
    raw = json.loads(db.read_bytes())
    raw["_meta"]["1"]["schema"] = 2
    db.write_text(json.dumps(raw))
    old = db.read_bytes()
    store = AnnotationStore(db)
    assert store.schema == SCHEMA == 3 and not store.read_only
    assert (tmp_path / "annotations.json.bak-schema2").read_bytes() == old
    assert len(store.all()) == 20
