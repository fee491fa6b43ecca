"""The store's layout: one file per document under a small index, and the move to it."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from harness_store import realistic_annotation

from sidelight.annotations.errors import StoreError
from sidelight.annotations.model import Annotation, new_link
from sidelight.annotations.store import SCHEMA, AnnotationStore, shard_name, store_files
from sidelight.annotations.store_file import StoreFile


@pytest.fixture
def rng() -> random.Random:
    return random.Random(5)


def _on(rng: random.Random, source: str) -> Annotation:
    ann = realistic_annotation(rng, source)
    return replace(ann, targets=(replace(ann.target, fingerprint=Path(source).stem[0] * 64),))


def _one_file_store(db: Path, anns: list[Annotation]) -> bytes:
    raw = json.dumps({"_meta": {"1": {"schema": 1}},
                      "annotations": {a.id: a.to_dict() for a in anns}}).encode()
    db.write_bytes(raw)
    return raw


def test_a_one_file_store_is_migrated_after_a_backup(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    anns = [_on(rng, f"/news/{i % 3}.txt") for i in range(30)]
    original = _one_file_store(db, anns)
    store = AnnotationStore(db)
    assert store.schema == SCHEMA and not store.read_only
    assert (tmp_path / "annotations.json.bak-schema1").read_bytes() == original
    assert len(store_files(db)) == 1 + 3  # the index and one file per document
    assert {a.id: a for a in AnnotationStore(db).all()} == {a.id: a for a in anns}
    # The backup is a store in its own right: what was there can always be had back.
    assert {a.id for a in StoreFile(tmp_path / "annotations.json.bak-schema1").all()} == {
        a.id for a in anns}


def test_a_document_reads_only_its_own_file(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    mine = [_on(rng, "/news/a.txt") for _ in range(3)]
    store.put_many(mine + [_on(rng, f"/news/{i}.txt") for i in range(5)])
    fresh = AnnotationStore(db)
    found = fresh.for_document("/news/a.txt", "a" * 64)
    assert {a.id for a in found} == {a.id for a in mine}
    assert list(fresh._files) == [shard_name("/news/a.txt")]


def test_a_link_is_found_from_both_documents_and_by_content(tmp_path: Path,
                                                             rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    a, b = _on(rng, "/news/a.txt"), _on(rng, "/news/b.txt")
    link = new_link((a.target, b.target), "contradicts")
    AnnotationStore(db).add(link)
    fresh = AnnotationStore(db)
    assert [x.id for x in fresh.for_document("/news/b.txt", "nothing")] == [link.id]
    # A moved file is found by its fingerprint.
    assert [x.id for x in AnnotationStore(db).for_document("/moved/b.txt",
                                                          b.target.fingerprint)] == [link.id]


def test_a_moved_annotation_stays_in_its_file_and_is_found_at_the_new_path(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    store = AnnotationStore(db)
    ann = store.add(_on(rng, "/news/a.txt"))
    moved = replace(ann, targets=(replace(ann.target, source="/moved/a.txt"),))
    assert store.replace_unchanged([(ann, moved)]) == [moved]
    fresh = AnnotationStore(db)
    assert fresh.for_document("/moved/a.txt", "other") == [moved]
    assert len(store_files(db)) == 2


def test_changes_of_another_process_are_seen_by_stat(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    reader = AnnotationStore(db)
    reader.add(_on(rng, "/news/a.txt"))
    reader.for_document("/news/a.txt", "")
    assert not reader.changed()
    other = AnnotationStore(db)
    added = other.add(_on(rng, "/news/a.txt"))
    assert reader.changed()
    reader.reload()
    assert not reader.changed() and reader.get(added.id) == added
    # A new document elsewhere changes the index, not the reader's files: one more stat.
    other.add(_on(rng, "/news/z.txt"))
    assert reader.changed()
    reader.reload()
    assert list(reader._files) == [shard_name("/news/a.txt")]


def test_a_damaged_document_file_is_refused_by_name_and_left_untouched(
        tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    AnnotationStore(db).add(_on(rng, "/news/a.txt"))
    AnnotationStore(db).add(_on(rng, "/news/b.txt"))
    broken = tmp_path / "annotations.json.d" / f"{shard_name('/news/a.txt')}.json"
    broken.write_text("{ broken", encoding="utf-8")
    store = AnnotationStore(db)
    assert len(store.for_document("/news/b.txt", "")) == 1  # other documents still open
    with pytest.raises(StoreError, match=f"{broken.name} is not a valid sidelight store"):
        store.for_document("/news/a.txt", "")
    with pytest.raises(StoreError, match="not a valid sidelight store"):
        store.add(_on(rng, "/news/a.txt"))
    assert broken.read_text(encoding="utf-8") == "{ broken"


def test_a_stale_folder_is_never_adopted(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    AnnotationStore(db).add(_on(rng, "/news/a.txt"))
    db.unlink()  # the user starts afresh; the old folder stays where it was
    store = AnnotationStore(db)
    assert store.all() == []
    store.add(_on(rng, "/news/a.txt"))
    assert store.folder == tmp_path / "annotations.json.d2"
    assert len(AnnotationStore(db).all()) == 1


def test_an_index_naming_a_folder_elsewhere_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    db.write_text(json.dumps({"_meta": {"1": {"schema": 2, "folder": "../../etc"}},
                              "documents": {}}), encoding="utf-8")
    with pytest.raises(StoreError, match="names no valid folder"):
        AnnotationStore(db)
