"""A store writer for the reliability harnesses, run as a subprocess (see harness_store.py).

    harness_store_writer.py crash DB LOG SEED   adds, edits and deletes until killed
    harness_store_writer.py add DB LOG N        waits for "go" on stdin, then adds N

Before each change it appends the change to LOG; after the store acknowledges it, it appends
an acknowledgement with the record as saved. Each line is one ``write`` to an ``O_APPEND`` file,
so a kill leaves at most a last line cut short, never a torn earlier one.
"""

from __future__ import annotations

import json
import os
import random
import sys
from typing import Any

from harness_store import WRITER_FINGERPRINT, WRITER_SOURCE, prose, realistic_annotation

from sidelight.annotations.model import COLORS
from sidelight.annotations.store import AnnotationStore


def _log(fd: int, entry: dict[str, Any]) -> None:
    os.write(fd, (json.dumps(entry) + "\n").encode("utf-8"))


def crash(db: str, log: str, seed: int) -> None:
    rng = random.Random(seed)
    store = AnnotationStore(db, lock_timeout=30)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    # A writer works on one document, as a reader does: the store may hold many others.
    ids = [a.id for a in store.for_document(WRITER_SOURCE, WRITER_FINGERPRINT)]
    print("ready", flush=True)
    while True:
        roll = rng.random()
        if roll < 0.45 or len(ids) < 5:
            ann = realistic_annotation(rng)
            if rng.random() < 0.05:
                # Now and then a long note, so that writes vary in size and duration.
                ann = ann.edited(note=prose(rng, rng.randint(5_000, 40_000)))
            _log(fd, {"op": "add", "id": ann.id, "doc": ann.to_dict()})
            store.add(ann)
            ids.append(ann.id)
            _log(fd, {"ack": "add", "id": ann.id, "doc": ann.to_dict()})
        elif roll < 0.8:
            old = store.get(rng.choice(ids))
            assert old is not None
            new = old.edited(note=prose(rng, rng.randint(0, 600)), color=rng.choice(COLORS))
            _log(fd, {"op": "edit", "id": new.id, "doc": new.to_dict()})
            store.put(new)
            _log(fd, {"ack": "edit", "id": new.id, "doc": new.to_dict()})
        else:
            victim = ids.pop(rng.randrange(len(ids)))
            _log(fd, {"op": "delete", "id": victim, "doc": None})
            store.delete(victim)
            _log(fd, {"ack": "delete", "id": victim, "doc": None})


def add(db: str, log: str, n: int) -> None:
    rng = random.Random(os.getpid())
    store = AnnotationStore(db, lock_timeout=60)
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    print("ready", flush=True)
    sys.stdin.readline()
    for _ in range(n):
        ann = realistic_annotation(rng)
        store.add(ann)
        _log(fd, {"ack": "add", "id": ann.id})


def main(argv: list[str]) -> int:
    mode, db, log, number = argv
    if mode == "crash":
        crash(db, log, int(number))
    elif mode == "add":
        add(db, log, int(number))
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
