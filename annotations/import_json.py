"""Untrusted JSON read safely: one clear line for whatever is wrong, never a traceback.

Python's parser gives a ``RecursionError`` on deeply nested input (``[`` × 100000) and its raw
"Exceeds the limit (4300 digits)" message on oversized integers; text may hold lone
surrogates (``"\\ud800"``), which are not Unicode and would make every later export of the
store fail. ``load_json`` turns each into a ``ValueError`` with a message a user can act on.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sidelight.annotations.model import Annotation

MAX_DEPTH = 64
# Positions past this are no position in any document sidelight opens.
MAX_OFFSET = 10**12
_DATETIME = re.compile(
    r"(?P<year>\d{4})-(?P<rest>\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?"
)


def load_json(text: str) -> Any:
    """The JSON value of ``text``; ``ValueError`` with one line if it is not usable."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise ValueError(
            f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from None
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep; not an annotation file")\
            from None
    except ValueError as err:
        if "digits" in str(err):
            raise ValueError("holds a number with thousands of digits; not an annotation file")\
                from None
        raise ValueError(f"not valid JSON ({err})") from None
    check_values(data)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def check_values(data: Any) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` and strings holding lone surrogates."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError(f"nested more than {MAX_DEPTH} levels deep; not an annotation file")
        if isinstance(value, str):
            _check_text(value)
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, dict):
            for key, v in value.items():
                _check_text(key)
                stack.append((v, depth + 1))


def _check_text(text: str) -> None:
    for ch in text:
        if "\ud800" <= ch <= "\udfff":
            shown = text[:40].encode("utf-8", "backslashreplace").decode("ascii", "replace")
            raise ValueError(
                f"the text {shown!r} holds a lone surrogate (\\u{ord(ch):04x}), which is not "
                "Unicode; fix the file's encoding"
            )


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    # A regular expression: a scan in C, where a loop over the characters cost an export of
    # 100,000 annotations most of its time.
    return _SURROGATE.search(text) is not None


def scrub(text: str) -> str:
    """``text`` with any lone surrogate (only a damaged store holds them) as U+FFFD."""
    if not has_surrogates(text):
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def parse_datetime(value: str, what: str) -> str:
    """An xsd:dateTime as sidelight stores times (UTC, milliseconds, ``Z``).

    A time without a zone is taken as UTC. ``ValueError`` names ``what`` and the value.
    """
    m = _DATETIME.fullmatch(value.strip())
    if m is None:
        raise ValueError(
            f"'{what}' must be a date-time such as 2024-05-01T12:00:00Z, not {value[:40]!r}"
        )
    frac = m.group("rest")
    if "." in frac:
        head, digits = frac.split(".")
        frac = f"{head}.{digits[:6]}"
    zone = m.group("zone") or "Z"
    try:
        stamp = datetime.fromisoformat(f"{m.group('year')}-{frac}{zone.replace('Z', '+00:00')}")
        utc = stamp.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError(f"'{what}' is not a real date-time: {value[:40]!r}") from None
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def stored_time(value: str) -> datetime | None:
    """A stored time as a datetime for comparison, or None if it does not parse."""
    try:
        return datetime.fromisoformat(parse_datetime(value, "time").replace("Z", "+00:00"))
    except ValueError:
        return None


def scrub_annotation(ann: Annotation) -> Annotation:
    """``ann`` with every text scrubbed of lone surrogates (see ``scrub``)."""
    targets = tuple(
        replace(t, source=scrub(t.source), exact=scrub(t.exact), prefix=scrub(t.prefix),
                suffix=scrub(t.suffix))
        for t in ann.targets
    )
    return replace(ann, targets=targets, note=scrub(ann.note), relation=scrub(ann.relation),
                   tags=tuple(scrub(t) for t in ann.tags))
