"""Reliability harnesses for the annotation store: writers killed with SIGKILL, and two writers.

The quick tests in ``tests/test_reliability_store.py`` run them small; ``benchmarks/
bench_reliability.py`` runs them full length. The writer is ``harness_store_writer.py``, run as
a subprocess; it logs every change it is about to make and every change the store acknowledged
to a side file, so after a kill the harness knows exactly what must be on disk.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from sidelight.annotations.errors import StoreError
from sidelight.annotations.model import COLORS, Annotation, new_highlight, quote_target
from sidelight.annotations.store import SCHEMA, AnnotationStore, store_files, store_temporaries

WRITER = Path(__file__).with_name("harness_store_writer.py")
# The document every harness writer annotates.
WRITER_SOURCE = "/home/reader/news/2018-03-21-statement.txt"
WRITER_FINGERPRINT = "f" * 64

_PHRASE = (
    "the minister said on Tuesday that the company had shared data of 87 million users with "
    "a consultancy hired by the campaign and that regulators in London and Washington would "
    "ask for records analysts expect shares to fall further as advertisers review spending"
)
_WORDS = _PHRASE.split()


def prose(rng: random.Random, n_chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < n_chars:
        word = rng.choice(_WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:n_chars]


def realistic_annotation(rng: random.Random, source: str = WRITER_SOURCE) -> Annotation:
    """A highlight like a reader makes: a 100–300 character quote, a 0–500 character note."""
    quote_len = rng.randint(100, 300)
    text = prose(rng, quote_len + 80)
    start = rng.randint(0, 40)
    target = quote_target(source, WRITER_FINGERPRINT, text, start, start + quote_len)
    note = prose(rng, rng.choice((0, 0, rng.randint(10, 120), rng.randint(100, 500))))
    tags = tuple(rng.sample(("claim", "number", "quote", "check", "source"), rng.randint(0, 2)))
    return new_highlight(target, color=rng.choice(COLORS), note=note, tags=tags)


def prefill(db: Path, n: int, *, on_writer_document: int = 5_000, seed: int = 99) -> None:
    """Make ``db`` a store of ``n`` annotations before the harness starts: ``on_writer_document``
    of them on the document the harness writers annotate, the rest 1,000 per other document.
    Written as a one-file store and opened once, which migrates it to the current layout."""
    rng = random.Random(seed)
    records = {}
    for i in range(n):
        source = (WRITER_SOURCE if i < on_writer_document
                  else f"/home/reader/library/story-{i // 1000:05d}.txt")
        doc = realistic_annotation(rng, source).to_dict()
        records[doc["id"]] = doc
    db.write_text(json.dumps({"_meta": {"1": {"schema": 1}}, "annotations": records}),
                  encoding="utf-8")
    AnnotationStore(db, lock_timeout=60)


def _read_log(path: Path) -> list[dict[str, Any]]:
    """The writer's log, without a last line cut short by the kill."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    lines = raw.split(b"\n")
    return [json.loads(line) for line in lines[:-1] if line]


def _start_writer(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _wait_ready(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    # The writer prints one line once its store is open; reading it blocks until then.
    line = proc.stdout.readline()
    if line.strip() != b"ready":
        proc.kill()
        _, err = proc.communicate()
        raise RuntimeError(f"writer did not start: {err.decode(errors='replace')[-500:]}")


@dataclass
class CrashResult:
    trials: int = 0
    unreadable: int = 0
    lost: int = 0
    acknowledged: int = 0
    # Kills that landed while a save was under way (its temporary file was still there, or
    # the journal ended in a line cut short).
    killed_mid_save: int = 0
    # Kills that landed between a change being logged and being acknowledged.
    killed_in_change: int = 0
    temporaries_left: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.unreadable + self.lost + self.temporaries_left + len(
            [p for p in self.problems if p.startswith("writer")]
        )


def crash_trials(
    n: int, *, workdir: Path | None = None, seed: int = 0, max_delay: float = 0.4,
    prefilled: int = 0,
) -> CrashResult:
    """Kill a writer doing adds, edits and deletes ``n`` times; check the store after each kill.

    After every kill the store must open and hold every acknowledged change; the one change in
    flight may be there or not, but nothing else. The store carries over from trial to trial.
    """
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="sidelight-crash-")) if own_dir else Path(workdir)
    db = root / "annotations.json"
    rng = random.Random(seed)
    result = CrashResult()
    expected: dict[str, dict[str, Any] | None] = {}
    try:
        if prefilled:
            prefill(db, prefilled)
            # What the writers may edit or delete: the annotations of their document.
            expected = {a.id: a.to_dict() for a in AnnotationStore(db).for_document(
                WRITER_SOURCE, WRITER_FINGERPRINT)}
        for trial in range(n):
            log = root / f"log-{trial}.jsonl"
            proc = _start_writer("crash", str(db), str(log), str(seed * 100_003 + trial))
            _wait_ready(proc)
            time.sleep(rng.uniform(0.0, max_delay))
            if proc.poll() is not None:
                _, err = proc.communicate()
                tail = err.decode(errors="replace")[-300:]
                result.problems.append(f"writer exited early: {tail}")
            else:
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
            result.trials += 1
            result.killed_mid_save += bool(list(store_temporaries(db))) or _journal_cut(db)
            entries = _read_log(log)
            in_flight: dict[str, Any] | None = None
            for entry in entries:
                if "ack" in entry:
                    expected[entry["id"]] = entry.get("doc")
                    result.acknowledged += 1
                    in_flight = None
                else:
                    in_flight = entry
            result.killed_in_change += in_flight is not None
            log.unlink(missing_ok=True)
            try:
                store = AnnotationStore(db, lock_timeout=30)
            except StoreError as err:
                result.unreadable += 1
                result.problems.append(f"trial {trial}: unreadable: {err}")
                # Start afresh so that later trials still test something.
                shutil.move(db, root / f"unreadable-{trial}.json")
                expected.clear()
                continue
            # Every annotation the writers touch is on their document: read that one file, as
            # a reader does (a store of 100,000 need not be read whole after every kill).
            on_doc = {a.id: a for a in store.for_document(WRITER_SOURCE, WRITER_FINGERPRINT)}
            for ann_id, doc in expected.items():
                if in_flight is not None and ann_id == in_flight["id"]:
                    continue
                have = on_doc.get(ann_id)
                if (have.to_dict() if have else None) != doc:
                    result.lost += 1
                    result.problems.append(f"trial {trial}: {ann_id} is not as acknowledged")
            if in_flight is not None:
                ann_id = in_flight["id"]
                have = on_doc.get(ann_id)
                now = have.to_dict() if have else None
                if now not in (expected.get(ann_id), in_flight.get("doc")):
                    result.lost += 1
                    result.problems.append(f"trial {trial}: in-flight {ann_id} is neither state")
                # The change in flight may have landed; from here on, the store says which.
                expected[ann_id] = now
        # The next writer sweeps what killed writers left; none may survive a normal save.
        store = AnnotationStore(db, lock_timeout=30)
        store.add(realistic_annotation(rng))
        result.temporaries_left = len(list(store_temporaries(db)))
        return result
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


def _journal_cut(db: Path) -> bool:
    """True when a document file's journal ends in a line cut short (a killed append)."""
    for f in store_files(db)[1:]:
        journal = Path(f"{f}.journal")
        with contextlib.suppress(OSError):
            raw = journal.read_bytes()
            if raw and not raw.endswith(b"\n"):
                return True
    return False


@dataclass
class WritersResult:
    writers: int
    per_writer: int
    found: int = 0
    lost: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return self.writers * self.per_writer


def two_writers(n: int, *, workdir: Path | None = None, writers: int = 2,
                prefilled: int = 0) -> WritersResult:
    """``writers`` processes add ``n`` annotations each to one store (of ``prefilled``
    annotations already) at the same time."""
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="sidelight-writers-")) if own_dir else Path(workdir)
    db = root / "annotations.json"
    result = WritersResult(writers, n)
    try:
        if prefilled:
            prefill(db, prefilled)
        logs = [root / f"writer-{i}.jsonl" for i in range(writers)]
        procs = [_start_writer("add", str(db), str(log), str(n)) for log in logs]
        for proc in procs:
            _wait_ready(proc)
        # Both start together, so their writes interleave for the whole run.
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write(b"go\n")
            proc.stdin.flush()
        for i, proc in enumerate(procs):
            _, err = proc.communicate(timeout=600)
            if proc.returncode != 0:
                result.errors.append(f"writer {i} exited {proc.returncode}: "
                                     f"{err.decode(errors='replace')[-300:]}")
        store = AnnotationStore(db)
        result.found = len(store) - prefilled
        acked = {e["id"] for log in logs for e in _read_log(log) if "ack" in e}
        result.lost = sum(1 for ann_id in acked if store.get(ann_id) is None)
        return result
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


def store_bytes(path: Path) -> bytes | None:
    """The store file's bytes, or None when there is none (for 'left untouched' checks)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# -- faults -----------------------------------------------------------------------------


@dataclass
class FaultOutcome:
    """One fault: the message the user got, and whether the data survived."""

    name: str
    message: str
    expected: str  # words the message must contain
    intact: bool  # the file parses and holds every annotation saved before the fault
    lost: int = 0
    left_temporaries: int = 0
    how: str = ""  # real (tmpfs, chmod) or injected

    @property
    def ok(self) -> bool:
        return (self.expected in self.message and self.intact and not self.lost
                and not self.left_temporaries)


@contextlib.contextmanager
def small_tmpfs(root: Path, size: str = "256k") -> Iterator[Path | None]:
    """A tiny tmpfs mounted under ``root`` when this machine allows it, else None."""
    mnt = root / "tmpfs"
    mnt.mkdir()
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                              capture_output=True)
        mounted = done.returncode == 0
    try:
        yield mnt if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _saved_state(db: Path) -> dict[str, dict[str, Any]]:
    return {a.id: a.to_dict() for a in AnnotationStore(db).all()}


def _outcome(name: str, db: Path, before: dict[str, dict[str, Any]], err: str, expected: str,
             how: str) -> FaultOutcome:
    try:
        after = _saved_state(db)
        intact = True
    except StoreError:
        after, intact = {}, False
    lost = sum(1 for k, v in before.items() if after.get(k) != v)
    return FaultOutcome(name, err, expected, intact, lost,
                        len(list(store_temporaries(db))), how)


def _seed(db: Path, n: int, rng: random.Random) -> dict[str, dict[str, Any]]:
    store = AnnotationStore(db)
    store.put_many(realistic_annotation(rng) for _ in range(n))
    return _saved_state(db)


def fault_disk_full(root: Path) -> FaultOutcome:
    rng = random.Random(7)
    with small_tmpfs(root) as mnt:
        if mnt is not None:
            db = mnt / "annotations.json"
            store = AnnotationStore(db)
            saved: dict[str, dict[str, Any]] = {}
            message = ""
            for _ in range(10_000):
                ann = realistic_annotation(rng)
                try:
                    store.add(ann)
                except StoreError as err:
                    message = str(err)
                    break
                saved[ann.id] = ann.to_dict()
            return _outcome("disk full", db, saved, message, "disk full", "real: 256 KB tmpfs")
    db = root / "diskfull.json"
    before = _seed(db, 20, rng)
    store = AnnotationStore(db)

    def no_space(fd: int, buffers: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    message = ""
    with mock.patch("sidelight.annotations.atomic_files.os.writev", no_space):
        try:
            store.add(realistic_annotation(rng))
        except StoreError as err:
            message = str(err)
    return _outcome("disk full", db, before, message, "disk full", "injected ENOSPC")


def fault_read_only_directory(root: Path) -> FaultOutcome:
    rng = random.Random(8)
    folder = root / "ro"
    folder.mkdir()
    db = folder / "annotations.json"
    before = _seed(db, 20, rng)
    store = AnnotationStore(db)
    message = ""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            store.add(realistic_annotation(rng))
        except StoreError as err:
            message = str(err)
        finally:
            folder.chmod(0o755)
        how = "real: chmod 555"
    else:
        # root writes through permissions; refuse the temporary file as the kernel would.
        def denied(*args: Any, **kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        with mock.patch("sidelight.annotations.atomic_files.create_temporary", denied):
            try:
                store.add(realistic_annotation(rng))
            except StoreError as err:
                message = str(err)
        how = "injected EACCES (running as root)"
    return _outcome("read-only directory", db, before, message, "permission denied", how)


def fault_read_only_filesystem(root: Path) -> FaultOutcome:
    rng = random.Random(9)
    with small_tmpfs(root, "4m") as mnt:
        if mnt is not None:
            db = mnt / "annotations.json"
            before = _seed(db, 20, rng)
            store = AnnotationStore(db)
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            message = ""
            try:
                store.add(realistic_annotation(rng))
            except StoreError as err:
                message = str(err)
            return _outcome("read-only file system", db, before, message, "read-only",
                            "real: tmpfs remounted read-only")
    db = root / "erofs.json"
    before = _seed(db, 20, rng)
    store = AnnotationStore(db)

    def erofs(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    message = ""
    with mock.patch("sidelight.annotations.atomic_files.create_temporary", erofs):
        try:
            store.add(realistic_annotation(rng))
        except StoreError as err:
            message = str(err)
    return _outcome("read-only file system", db, before, message, "read-only", "injected EROFS")


_HOLD_LOCK = (
    "import sys, time\n"
    "from filelock import FileLock\n"
    "lock = FileLock(sys.argv[1])\n"
    "lock.acquire()\n"
    "print('held', flush=True)\n"
    "time.sleep(600)\n"
)


def fault_lock_held(root: Path) -> FaultOutcome:
    rng = random.Random(10)
    db = root / "locked.json"
    before = _seed(db, 20, rng)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, f"{db}.lock"],
                              stdout=subprocess.PIPE)
    message = ""
    try:
        assert holder.stdout is not None
        holder.stdout.readline()
        store = AnnotationStore(db, lock_timeout=0.3)
        try:
            store.add(realistic_annotation(rng))
        except StoreError as err:
            message = str(err)
    finally:
        holder.kill()
        holder.wait()
    return _outcome("lock held by a stuck process", db, before, message,
                    "is locked by another sidelight process", "real: a process holding the lock")


def fault_replaced_between_read_and_write(root: Path) -> FaultOutcome:
    """Another program (not taking the lock) replaces the file after our read, before our write.

    The save notices, starts over on the new file and keeps both sides' annotations.
    """
    rng = random.Random(11)
    db = root / "replaced.json"
    _seed(db, 20, rng)
    store = AnnotationStore(db)
    theirs = realistic_annotation(rng)
    ours = realistic_annotation(rng)
    # Both go to the same document file: that file is replaced under the save's feet.
    target = store.file_for(ours)
    original = target._table._update_table
    calls = {"n": 0}

    def replace_first(updater: Any, *rest: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            other = AnnotationStore(db)
            with mock.patch.object(other.file_for(theirs), "_locked", contextlib.nullcontext):
                other.add(theirs)
        original(updater, *rest)

    message = ""
    with mock.patch.object(target._table, "_update_table", replace_first):
        try:
            store.add(ours)
        except StoreError as err:
            message = str(err)
    expected_after = {**_saved_state(db)}
    kept = theirs.id in expected_after and ours.id in expected_after and calls["n"] == 2
    outcome = _outcome("file replaced between read and write", db, {}, message, "", "real")
    outcome.message = message or "no error: the save started over and kept both"
    outcome.intact = outcome.intact and kept
    return outcome


FAULTS = (
    fault_disk_full,
    fault_read_only_directory,
    fault_read_only_filesystem,
    fault_lock_held,
    fault_replaced_between_read_and_write,
)


def fault_trials(workdir: Path | None = None) -> list[FaultOutcome]:
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="sidelight-faults-")) if own_dir else Path(workdir)
    try:
        outcomes = []
        for i, fault in enumerate(FAULTS):
            sub = root / f"fault-{i}"
            sub.mkdir()
            outcomes.append(fault(sub))
        return outcomes
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


# -- damaged stores ---------------------------------------------------------------------


def _valid_store_bytes() -> bytes:
    root = Path(tempfile.mkdtemp(prefix="sidelight-valid-"))
    try:
        db = root / "a.json"
        _seed(db, 3, random.Random(12))
        # A document file: the one-file layout a store had before schema 2.
        return store_files(db)[-1].read_bytes()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _record(**changes: Any) -> dict[str, Any]:
    doc = realistic_annotation(random.Random(13)).to_dict()
    doc.update(changes)
    return doc


def _store_json(*docs: dict[str, Any], schema: int = 1, keys: list[str] | None = None) -> bytes:
    table = dict(zip(keys or [d["id"] for d in docs], docs, strict=True))
    return json.dumps({"_meta": {"1": {"schema": schema}}, "annotations": table}).encode()


@dataclass(frozen=True)
class DamagedCase:
    name: str
    content: Callable[[], bytes]
    expected: str  # words of the error (or of the read-only reason)
    read_only: bool = False  # opened read-only instead of refused


def _duplicate_keys() -> bytes:
    doc = json.dumps(_record())
    rid = _record()["id"]
    return (f'{{"_meta": {{"1": {{"schema": 1}}}}, "annotations": '
            f'{{"{rid}": {doc}, "{rid}": {doc}}}}}').encode()


def _duplicate_ids_plain_tinydb() -> bytes:
    doc = _record()
    return json.dumps({"annotations": {"1": doc, "2": doc}}).encode()


DAMAGED = (
    DamagedCase("empty", lambda: b"", "the file is empty"),
    DamagedCase("only whitespace", lambda: b"  \n\n", "the file is empty"),
    DamagedCase("truncated", lambda: _valid_store_bytes()[:-300], "truncated"),
    DamagedCase("not JSON", lambda: b"annotations: none\n", "not JSON"),
    DamagedCase("not UTF-8", lambda: b'{"a": "\xff\xfe"}', "not UTF-8"),
    DamagedCase("a list", lambda: b"[]", "the top level is a list"),
    DamagedCase("table is a list", lambda: b'{"annotations": []}', "is a list"),
    DamagedCase("record is a number",
                lambda: b'{"_meta": {"1": {"schema": 1}}, "annotations": {"x": 5}}',
                "is a number"),
    DamagedCase("wrong type: start is text",
                lambda: _store_json(_record(targets=[{"source": "/a.txt", "fingerprint": "f",
                                                       "start": "one", "end": 5}])),
                "'start' must be an integer"),
    DamagedCase("wrong type: tags is text", lambda: _store_json(_record(tags="urgent")),
                "'tags' must be a list"),
    DamagedCase("unknown colour", lambda: _store_json(_record(color="octarine")),
                "unknown colour"),
    DamagedCase("duplicate ids (same key twice)", _duplicate_keys, "appears twice"),
    DamagedCase("duplicate ids (plain TinyDB)", _duplicate_ids_plain_tinydb, "appears twice"),
    DamagedCase("record under another id",
                lambda: _store_json(_record(), keys=["00000000-0000-4000-8000-000000000000"]),
                "holds the annotation with id"),
    DamagedCase("schema is not a number",
                lambda: b'{"_meta": {"1": {"schema": "one"}}, "annotations": {}}',
                "no valid schema version"),
    DamagedCase("nested too deeply", lambda: b"[" * 100_000 + b"]" * 100_000,
                "nested too deeply"),
    DamagedCase("unknown fields", lambda: _store_json(_record(mood="wry")),
                "does not know", read_only=True),
    DamagedCase("newer schema", lambda: _store_json(_record(), schema=SCHEMA + 1),
                f"written by a newer sidelight (schema {SCHEMA + 1})", read_only=True),
)


@dataclass
class DamagedOutcome:
    name: str
    message: str
    expected: str
    untouched: bool
    read_only: bool
    wanted_read_only: bool

    @property
    def ok(self) -> bool:
        return self.expected in self.message and self.untouched and (
            self.read_only == self.wanted_read_only)


def damaged_trial(case: DamagedCase, root: Path) -> DamagedOutcome:
    """Open a damaged store, try to change it; the file must be exactly as it was."""
    db = root / "annotations.json"
    content = case.content()
    db.write_bytes(content)
    message, read_only = "", False
    try:
        store = AnnotationStore(db)
        read_only = store.read_only
        message = store.read_only_reason
        try:
            store.add(realistic_annotation(random.Random(14)))
        except StoreError as err:
            message = message or str(err)
    except StoreError as err:
        message = str(err)
    untouched = db.read_bytes() == content and not list(store_temporaries(db)) and not [
        p for p in root.iterdir() if p.name.startswith(f"{db.name}.bak")]
    return DamagedOutcome(case.name, message, case.expected, untouched, read_only,
                          case.read_only)


def damaged_trials(workdir: Path | None = None) -> list[DamagedOutcome]:
    own_dir = workdir is None
    root = Path(tempfile.mkdtemp(prefix="sidelight-damaged-")) if own_dir else Path(workdir)
    try:
        outcomes = []
        for i, case in enumerate(DAMAGED):
            sub = root / f"case-{i}"
            sub.mkdir()
            outcomes.append(damaged_trial(case, sub))
        return outcomes
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)
