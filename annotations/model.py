"""The annotation model: plain frozen dataclasses, named after the W3C Web Annotation model.

One ``Annotation`` type covers the three kinds a reader makes:

* ``highlight``: one target with a range, a colour, tags and an optional note;
* ``note``: a document note, one target without a range;
* ``link``: a cross-source link, two or more targets with ranges, a relation and a note.

A target carries both W3C selectors: a TextPositionSelector (``start``/``end``, code-point
offsets into the reading text, end exclusive) and a TextQuoteSelector (``exact``/``prefix``/
``suffix``), so that anchoring can find the words again after the document changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any

COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = "yellow"
KINDS: tuple[str, ...] = ("highlight", "note", "link")
RELATIONS: tuple[str, ...] = ("same-claim", "agrees", "contradicts", "same-quote")
CONTEXT_CHARS = 32


def now_iso() -> str:
    """The current time as an ISO 8601 UTC timestamp with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Target:
    """Where an annotation points: a document (by path and fingerprint) and, maybe, a range."""

    source: str
    fingerprint: str
    start: int | None = None
    end: int | None = None
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    # True when anchoring could not find the quoted words in the current text; the
    # selectors then keep the last known quote and position.
    orphan: bool = False
    # True for a target read from an import whose document the user has not opened since:
    # sidelight never reads that file on its own (an import must not make it read files the
    # user did not open); opening the document clears it.
    imported: bool = False
    # The text encoding the document was read with when it was not UTF-8 (``--encoding``), so
    # that commands listing every annotation read it the same way; "" for UTF-8.
    encoding: str = ""

    @property
    def has_range(self) -> bool:
        return self.start is not None and self.end is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "fingerprint": self.fingerprint,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "orphan": self.orphan,
        }
        if self.imported:
            out["imported"] = True
        if self.encoding:
            out["encoding"] = self.encoding
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        # Every field checked in line: a store of 100,000 annotations reads this 100,000
        # times, and a call per field cost most of its reading.
        get = data.get
        source = get("source")
        if not isinstance(source, str) or not source:
            source = _req_str(data, "source")
        start, end = get("start"), get("end")
        if start is not None and type(start) is not int:
            start = _opt_int(start, "start")
        if end is not None and type(end) is not int:
            end = _opt_int(end, "end")
        fingerprint, exact = get("fingerprint"), get("exact")
        prefix, suffix = get("prefix"), get("suffix")
        encoding = get("encoding") or ""
        if not isinstance(encoding, str):
            encoding = _opt_str(data, "encoding")
        return _stored_target(
            source,
            # A str stays itself; anything else (never written by sidelight) as before.
            fingerprint if type(fingerprint) is str else str(fingerprint or ""),
            start,
            end,
            exact if type(exact) is str else str(exact or ""),
            prefix if type(prefix) is str else str(prefix or ""),
            suffix if type(suffix) is str else str(suffix or ""),
            bool(get("orphan", False)),
            get("imported") is True,
            encoding,
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    kind: str
    targets: tuple[Target, ...]
    color: str = DEFAULT_COLOR
    tags: tuple[str, ...] = ()
    note: str = ""
    relation: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    # Where an imported annotation came from: its id in the other tool (an IRI, W3C ``via``)
    # and who made it there (W3C ``creator``). Empty for the user's own annotations.
    via: str = ""
    creator: str = ""

    @property
    def target(self) -> Target:
        """The first target: the only one for highlights and document notes."""
        return self.targets[0]

    @property
    def orphan(self) -> bool:
        return any(t.orphan for t in self.targets)

    def touches(self, source: str, fingerprint: str) -> bool:
        first = self.targets[0]  # the only one but for links: asked of every stored record
        if first.source == source or first.fingerprint == fingerprint:
            return True
        return any(t.source == source or t.fingerprint == fingerprint for t in self.targets)

    def edited(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied and ``modified`` set to now."""
        return replace(self, modified=now_iso(), **changes)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "targets": [t.to_dict() for t in self.targets],
            "color": self.color,
            "tags": list(self.tags),
            "note": self.note,
            "relation": self.relation,
            "created": self.created,
            "modified": self.modified,
        }
        if self.via:
            out["via"] = self.via
        if self.creator:
            out["creator"] = self.creator
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotation:
        """Build from stored data; raises ``ValueError`` naming the bad field."""
        if not isinstance(data, dict):
            raise ValueError(f"an annotation must be an object, not {type(data).__name__}")
        kind = _req_str(data, "kind")
        if kind not in KINDS:
            raise ValueError(f"unknown annotation kind {kind!r}")
        targets_raw = data.get("targets")
        if not isinstance(targets_raw, list) or not targets_raw:
            raise ValueError("'targets' must be a non-empty list")
        targets = tuple([Target.from_dict(_req_dict(t, "target")) for t in targets_raw])
        color = data.get("color") or DEFAULT_COLOR
        if type(color) is not str:
            color = str(color)
        if color not in COLORS:
            raise ValueError(f"unknown colour {color!r}")
        tags = data.get("tags") or []
        if not isinstance(tags, list):
            raise ValueError("'tags' must be a list of strings")
        for tag in tags:
            if not isinstance(tag, str):
                raise ValueError("'tags' must be a list of strings")
        note = data.get("note") or ""
        if not isinstance(note, str):
            raise ValueError("'note' must be a string")
        ident = data.get("id")
        if not isinstance(ident, str) or not ident:
            ident = _req_str(data, "id")
        relation, created = data.get("relation"), data.get("created")
        modified = data.get("modified") or created
        via, creator = data.get("via") or "", data.get("creator") or ""
        if not isinstance(via, str):
            via = _opt_str(data, "via")
        if not isinstance(creator, str):
            creator = _opt_str(data, "creator")
        ann = _stored_annotation(
            ident,
            kind,
            targets,
            color,
            tuple(tags),
            note,
            relation if type(relation) is str else str(relation or ""),
            created if type(created) is str else str(created or ""),
            modified if type(modified) is str else str(modified or ""),
            via,
            creator,
        )
        validate(ann)
        return ann


# Reading a store builds every annotation it holds. A frozen dataclass's ``__init__`` sets each
# field through ``object.__setattr__`` by name, and that was most of the cost of reading a large
# store; ``from_dict`` sets the slots directly instead, after checking every value itself. The
# unpacking below fails on import if a field is added without being set here too.
def _slot_setters(cls: type) -> tuple[Any, ...]:
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


(_t_source, _t_fingerprint, _t_start, _t_end, _t_exact, _t_prefix, _t_suffix, _t_orphan,
 _t_imported, _t_encoding) = _slot_setters(Target)
(_a_id, _a_kind, _a_targets, _a_color, _a_tags, _a_note, _a_relation, _a_created, _a_modified,
 _a_via, _a_creator) = _slot_setters(Annotation)


def _stored_target(source: str, fingerprint: str, start: int | None, end: int | None,
                   exact: str, prefix: str, suffix: str, orphan: bool, imported: bool,
                   encoding: str) -> Target:
    t = object.__new__(Target)
    _t_source(t, source)
    _t_fingerprint(t, fingerprint)
    _t_start(t, start)
    _t_end(t, end)
    _t_exact(t, exact)
    _t_prefix(t, prefix)
    _t_suffix(t, suffix)
    _t_orphan(t, orphan)
    _t_imported(t, imported)
    _t_encoding(t, encoding)
    return t


def _stored_annotation(id: str, kind: str, targets: tuple[Target, ...], color: str,
                       tags: tuple[str, ...], note: str, relation: str, created: str,
                       modified: str, via: str, creator: str) -> Annotation:
    a = object.__new__(Annotation)
    _a_id(a, id)
    _a_kind(a, kind)
    _a_targets(a, targets)
    _a_color(a, color)
    _a_tags(a, tags)
    _a_note(a, note)
    _a_relation(a, relation)
    _a_created(a, created)
    _a_modified(a, modified)
    _a_via(a, via)
    _a_creator(a, creator)
    return a


def validate(ann: Annotation) -> None:
    """Raise ``ValueError`` if the annotation's shape does not fit its kind."""
    if ann.kind == "note":
        if len(ann.targets) != 1:
            raise ValueError("a document note has exactly one target")
    elif ann.kind == "highlight":
        if len(ann.targets) != 1 or not ann.targets[0].has_range:
            raise ValueError("a highlight has exactly one target with a range")
    elif ann.kind == "link" and (len(ann.targets) < 2 or not all(t.has_range for t in ann.targets)):
        raise ValueError("a link has two or more targets with ranges")
    for t in ann.targets:
        if t.has_range:
            assert t.start is not None and t.end is not None
            if t.start < 0 or t.end < t.start:
                raise ValueError(f"bad range {t.start}..{t.end}")


def quote_target(source: str, fingerprint: str, text: str, start: int, end: int,
                 encoding: str = "") -> Target:
    """A target for ``text[start:end]`` with both selectors filled from the text; ``encoding``
    is the one the document was read with ("" for UTF-8)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"range {start}..{end} is outside the document (0..{len(text)}) or empty")
    return Target(
        source=source,
        fingerprint=fingerprint,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        encoding=encoding,
    )


def new_highlight(
    target: Target,
    *,
    color: str = DEFAULT_COLOR,
    note: str = "",
    tags: tuple[str, ...] = (),
) -> Annotation:
    if color not in COLORS:
        raise ValueError(f"unknown colour {color!r}; choose one of {', '.join(COLORS)}")
    stamp = now_iso()
    return Annotation(
        id=new_id(),
        kind="highlight",
        targets=(target,),
        color=color,
        tags=tuple(tags),
        note=note,
        created=stamp,
        modified=stamp,
    )


def new_document_note(source: str, fingerprint: str, note: str,
                      encoding: str = "") -> Annotation:
    stamp = now_iso()
    return Annotation(
        id=new_id(),
        kind="note",
        targets=(Target(source=source, fingerprint=fingerprint, encoding=encoding),),
        note=note,
        created=stamp,
        modified=stamp,
    )


def new_link(targets: tuple[Target, ...], relation: str, note: str = "") -> Annotation:
    stamp = now_iso()
    ann = Annotation(
        id=new_id(),
        kind="link",
        targets=targets,
        relation=relation.strip(),
        note=note,
        created=stamp,
        modified=stamp,
    )
    validate(ann)
    return ann


def _req_str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key!r} must be a non-empty string")
    return value


def _opt_str(data: dict[str, Any], key: str) -> str:
    value = data.get(key) or ""
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return value


def _req_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"a {what} must be an object")
    return value


def _opt_int(value: Any, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{key!r} must be an integer")
    return value
