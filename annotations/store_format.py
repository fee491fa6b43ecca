"""What a store file is: parsing one, and the messages for a file that is not one or that
cannot be read or written (each names the file and what to do)."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.errors import StoreError

Tables = dict[str, dict[str, dict[str, Any]]]


class SaveError(StoreError):
    """The store could not be written (disk full, no permission, lock); the old file is intact."""


class StoreConflict(SaveError):
    """The file changed on disk between this storage's read and its write; nothing was written."""


def parse_tables(path: Path, raw: bytes) -> Tables:
    """Parse a store file into TinyDB's ``{table: {doc_id: doc}}``, or raise a clear StoreError."""
    if not raw.strip():
        raise corrupt_error(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise corrupt_error(path, f"not UTF-8 text at byte {err.start}") from None
    try:
        # Parsing makes objects without cycles, hundreds of thousands for a large file; the
        # cycle collector, run every few hundred of them, re-walked them all and took as long
        # as the parse.
        with no_cycle_collection():
            data = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as dup:
        raise corrupt_error(path, f"the key {dup.key!r} appears twice in one object") from None
    except json.JSONDecodeError as err:
        where = f"{err.msg} at line {err.lineno} column {err.colno}"
        stripped = text.strip()
        # A store always ends with its closing brace; one that stops short was cut off.
        if stripped.startswith("{") and not stripped.endswith("}"):
            raise corrupt_error(path, f"it ends early, probably truncated: {where}") from None
        raise corrupt_error(path, f"not JSON: {where}") from None
    except RecursionError:
        raise corrupt_error(path, "nested too deeply") from None
    if not isinstance(data, dict):
        raise corrupt_error(
            path, f"the top level is {_json_type(data)}, expected an object of tables"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise corrupt_error(path, f"table {name!r} is {_json_type(table)}, expected an object")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise corrupt_error(
                    path, f"record {doc_id!r} in table {name!r} is {_json_type(doc)}, "
                    "expected an object"
                )
    return data


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys silently; two records with one id is damage.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def corrupt_error(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path} is not a valid sidelight store ({what}); it was left untouched — "
        "move it aside or restore a backup"
    )


def not_a_store_error(path: Path, kind: str) -> StoreError:
    return StoreError(
        f"{path} is {kind}, not a sidelight store; it was left alone — pass --db with the "
        "path of a regular file"
    )


def read_error(path: Path, err: OSError) -> StoreError:
    if isinstance(err, IsADirectoryError):
        return StoreError(
            f"{path} is a directory, not a sidelight store; pass --db with a file path"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return StoreError(
            f"{path}: permission denied while reading the store; check its permissions"
        )
    return StoreError(f"{path}: the store cannot be read ({err.strerror or err})")


def write_error(path: Path, err: OSError) -> SaveError:
    """The one-line message for a failed save; the old file is intact in every case."""
    unchanged = "your annotations on disk are unchanged"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return SaveError(f"disk full while saving {path}; free space and retry — {unchanged}")
    if err.errno == errno.EROFS:
        return SaveError(
            f"cannot save {path}: the file system is read-only; "
            f"remount it or use --db elsewhere — {unchanged}"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return SaveError(
            f"permission denied while saving {path}; make {path.parent} writable "
            f"or use --db elsewhere — {unchanged}"
        )
    return SaveError(f"could not save {path} ({err.strerror or err}); {unchanged}")
