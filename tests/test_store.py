"""The annotation store: identity by uuid, merging across processes, schema and migration."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from harness_store import realistic_annotation
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from sidelight.annotations.errors import ReadOnlyStoreError, StoreError
from sidelight.annotations.storage import stale_temporaries
from sidelight.annotations.store import SCHEMA, AnnotationStore, open_store, shard_name, store_files


@pytest.fixture
def rng() -> random.Random:
    return random.Random(42)


def test_add_persists_at_once_with_schema_and_uuid_keys(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "sub" / "annotations.json"
    ann = AnnotationStore(db).add(realistic_annotation(rng))
    index = json.loads(db.read_text(encoding="utf-8"))
    assert index["_meta"]["1"]["schema"] == SCHEMA
    name = shard_name(ann.target.source)
    assert index["documents"] == {name: {"sources": [ann.target.source],
                                         "fingerprints": [ann.target.fingerprint]}}
    raw = json.loads((db.parent / "annotations.json.d" / f"{name}.json").read_text("utf-8"))
    assert raw["_meta"]["1"]["schema"] == 1
    assert raw["annotations"] == {ann.id: ann.to_dict()}
    assert AnnotationStore(db).get(ann.id) == ann


def test_tinydb_json_storage_reads_the_files(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    ann = AnnotationStore(db).add(realistic_annotation(rng))
    index, document = store_files(db)
    for path, table, want in ((index, "documents", [shard_name(ann.target.source)]),
                              (document, "annotations", {ann.id: ann.to_dict()})):
        plain = JSONStorage(str(path), access_mode="r")
        try:
            got = plain.read()[table]  # type: ignore[index]
            assert (list(got) if isinstance(want, list) else got) == want
        finally:
            plain.close()


def test_missing_store_is_empty_and_reading_does_not_create_it(tmp_path: Path) -> None:
    db = tmp_path / "none.json"
    store = AnnotationStore(db)
    assert store.all() == [] and not store.read_only
    assert not db.exists()


def test_put_replaces_delete_returns_what_it_deleted(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "a.json"
    store = AnnotationStore(db)
    a, b = realistic_annotation(rng), realistic_annotation(rng)
    store.put_many([a, b])
    edited = a.edited(note="changed")
    store.put(edited)
    fresh = AnnotationStore(db)
    assert fresh.get(a.id) == edited and len(fresh) == 2
    assert fresh.delete(b.id) == b
    assert [x.id for x in AnnotationStore(db).all()] == [a.id]
    with pytest.raises(StoreError, match="no annotation with id"):
        fresh.delete(b.id)


def test_add_refuses_an_existing_id(tmp_path: Path, rng: random.Random) -> None:
    store = AnnotationStore(tmp_path / "a.json")
    ann = store.add(realistic_annotation(rng))
    with pytest.raises(StoreError, match="already in"):
        store.add(ann)


def test_find_by_id_urn_or_unique_prefix(tmp_path: Path, rng: random.Random) -> None:
    store = AnnotationStore(tmp_path / "a.json")
    store.put_many(realistic_annotation(rng) for _ in range(40))
    first = store.all()[0]
    assert store.find(first.id) == first
    assert store.find(f"urn:uuid:{first.id.upper()}") == first
    assert store.find(first.id[:13]) == first
    common = Counter(a.id[0] for a in store.all()).most_common(1)[0][0]
    with pytest.raises(StoreError, match=r"matches \d+ annotations .*give more of the id"):
        store.find(common)
    with pytest.raises(StoreError, match="no annotation with id 'zz'"):
        store.find("zz")


def test_for_document_matches_by_path_or_fingerprint(tmp_path: Path, rng: random.Random) -> None:
    store = AnnotationStore(tmp_path / "a.json")
    here = realistic_annotation(rng, source="/news/a.txt")
    moved = realistic_annotation(rng, source="/old/place/a.txt")
    other = realistic_annotation(rng, source="/news/b.txt")
    other = other.edited(targets=(other.target.__class__(**{**other.target.to_dict(),
                                                            "fingerprint": "0" * 64}),))
    store.put_many([here, moved, other])
    found = {a.id for a in store.for_document("/news/a.txt", "f" * 64)}
    assert found == {here.id, moved.id}


def test_never_writes_a_record_it_could_not_read_back(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "a.json"
    store = AnnotationStore(db)
    store.add(realistic_annotation(rng))
    before = db.read_bytes()
    bad = realistic_annotation(rng).edited(color="octarine")
    with pytest.raises(StoreError, match=r"unknown colour .* nothing was written"):
        store.add(bad)
    not_uuid = realistic_annotation(rng).edited(id="my-note")
    with pytest.raises(StoreError, match="not a lowercase uuid"):
        store.put(not_uuid)
    assert db.read_bytes() == before


def test_two_store_objects_keep_each_others_changes(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "a.json"
    reader, cli = AnnotationStore(db), AnnotationStore(db)
    mine = reader.add(realistic_annotation(rng))
    theirs = cli.add(realistic_annotation(rng))
    assert reader.changed()
    # The reader's next save reads the CLI's change first; both survive.
    also_mine = reader.add(realistic_annotation(rng))
    assert {a.id for a in AnnotationStore(db).all()} == {mine.id, theirs.id, also_mine.id}
    # The merged change is news to the reader until it reloads, though the file is its own.
    assert reader.changed()
    reader.reload()
    assert not reader.changed()
    assert reader.get(theirs.id) == theirs


def test_changed_is_false_after_own_writes(tmp_path: Path, rng: random.Random) -> None:
    store = AnnotationStore(tmp_path / "a.json")
    for _ in range(3):
        store.add(realistic_annotation(rng))
        assert not store.changed()


def test_reload_of_a_damaged_file_raises_and_keeps_the_view(tmp_path: Path,
                                                             rng: random.Random) -> None:
    db = tmp_path / "a.json"
    store = AnnotationStore(db)
    ann = store.add(realistic_annotation(rng))
    db.write_text("{ broken", encoding="utf-8")
    assert store.changed()
    with pytest.raises(StoreError, match="not a valid sidelight store"):
        store.reload()
    assert store.get(ann.id) == ann
    with pytest.raises(StoreError, match="not a valid sidelight store"):
        store.add(realistic_annotation(rng))
    assert db.read_text(encoding="utf-8") == "{ broken"


def test_temporaries_of_a_killed_writer_are_swept(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "a.json"
    (tmp_path / f".a.json.{'0f' * 16}.sidelight-tmp").write_text("half a store", encoding="utf-8")
    AnnotationStore(db).add(realistic_annotation(rng))
    assert list(stale_temporaries(db)) == []


def test_plain_tinydb_file_is_upgraded_after_a_backup(tmp_path: Path, rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    anns = [realistic_annotation(rng) for _ in range(3)]
    with TinyDB(str(db)) as plain:
        plain.table("annotations").insert_multiple(a.to_dict() for a in anns)
    original = db.read_bytes()
    store = AnnotationStore(db)
    assert store.schema == SCHEMA and not store.read_only
    assert (tmp_path / "annotations.json.bak-schema0").read_bytes() == original
    raw = json.loads(db.read_text(encoding="utf-8"))
    assert raw["_meta"]["1"]["schema"] == SCHEMA
    assert {a.id: a for a in AnnotationStore(db).all()} == {a.id: a for a in anns}


def test_newer_schema_is_read_only_with_a_clear_message(tmp_path: Path,
                                                          rng: random.Random) -> None:
    db = tmp_path / "annotations.json"
    ann = realistic_annotation(rng)
    db.write_text(json.dumps({"_meta": {"1": {"schema": SCHEMA + 1}},
                              "annotations": {ann.id: ann.to_dict()}}), encoding="utf-8")
    before = db.read_bytes()
    store = AnnotationStore(db)
    assert store.read_only and store.all() == [ann]
    assert f"newer sidelight (schema {SCHEMA + 1}); opened read-only" in store.read_only_reason
    for change in (lambda: store.add(realistic_annotation(rng)), lambda: store.delete(ann.id),
                   lambda: store.put(ann.edited(note="x"))):
        with pytest.raises(ReadOnlyStoreError, match="upgrade sidelight"):
            change()
    assert db.read_bytes() == before


def test_open_store_resolves_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIDELIGHT_DB", str(tmp_path / "env.json"))
    assert open_store(None).path == tmp_path / "env.json"
    assert open_store(str(tmp_path / "cli.json")).path == tmp_path / "cli.json"


def test_a_directory_as_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory, not a sidelight store"):
        AnnotationStore(tmp_path)
