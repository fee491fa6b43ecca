"""Exporting again into a Markdown file the user has since edited: only sidelight's part is
replaced, the user's own text is kept, and what changed is said.

sidelight's part of the file is its front matter keys and the body between two markers that
every renderer hides (CommonMark link reference definitions, no HTML):

    [sidelight-begin]: # (1a2b3c4d5e6f7a8b)
    …the export…
    [sidelight-end]: #

The hash in the begin marker is the region's text as sidelight wrote it: if the user edited
inside the region, re-exporting would lose that edit, so it is refused (``--force`` replaces
it). Front matter keys sidelight does not write are kept, in their order.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

BEGIN = "[sidelight-begin]: # ({digest})"
END = "[sidelight-end]: #"
_BEGIN = re.compile(r"^\[sidelight-begin\]: # \(([0-9a-f]{16})\)$", re.MULTILINE)
_END = re.compile(r"^\[sidelight-end\]: #$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_KEY = re.compile(r"^([A-Za-z_][\w-]*):")
_BLOCK_ID = re.compile(r"\^(sl-[0-9a-z-]+)$")
OUR_KEYS = frozenset({"title", "exported", "sources", "tags"})


@dataclass(frozen=True, slots=True)
class Update:
    text: str
    added: int
    removed: int
    changed: int
    kept_user_text: bool

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.removed} removed", f"{self.changed} changed"]
        kept = "; your text outside it is kept" if self.kept_user_text else ""
        return "updated sidelight's part (" + ", ".join(parts) + ")" + kept


class EditedInside(ValueError):
    """The user edited inside sidelight's region."""


def digest(region: str) -> str:
    return hashlib.sha256(region.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def wrap(export: str) -> str:
    """A fresh export with its body inside the markers."""
    front, body = _split_front(export)
    body = body.strip("\n")
    return f"{front}{BEGIN.format(digest=digest(body))}\n\n{body}\n\n{END}\n"


def is_managed(existing: str) -> bool:
    return bool(_BEGIN.search(existing)) and bool(_END.search(existing))


def update(existing: str, export: str, *, force: bool = False) -> Update:
    """``existing`` with sidelight's region and front matter keys replaced by ``export``'s."""
    b, e = _BEGIN.search(existing), _END.search(existing)
    if b is None or e is None or e.start() < b.end():
        raise ValueError("has no sidelight region to update")
    old_region = existing[b.end() : e.start()].strip("\n")
    if digest(old_region) != b.group(1) and not force:
        raise EditedInside(
            "was edited inside sidelight's part (between the [sidelight-begin] and "
            "[sidelight-end] lines); move your text outside it, or pass --force to replace it"
        )
    new_front, new_body = _split_front(export)
    new_body = new_body.strip("\n")
    old_front, _ = _split_front(existing)
    before = existing[len(old_front) : b.start()]
    after = existing[e.end() :]
    front = _merge_front(old_front, new_front)
    text = (f"{front}{before}{BEGIN.format(digest=digest(new_body))}\n\n{new_body}\n\n{END}"
            f"{after}")
    if not text.endswith("\n"):
        text += "\n"
    old_blocks, new_blocks = _blocks(old_region), _blocks(new_body)
    added = len(new_blocks.keys() - old_blocks.keys())
    removed = len(old_blocks.keys() - new_blocks.keys())
    changed = sum(_content(old_blocks[k]) != _content(new_blocks[k])
                  for k in old_blocks.keys() & new_blocks.keys())
    kept = bool(before.strip() or after.strip() or _user_keys(old_front))
    return Update(text, added, removed, changed, kept)


def _content(block: str) -> str:
    """A block without its section headings, whose numbers shift when a highlight is added
    before it."""
    lines = [line for line in block.split("\n") if not re.match(r"#{1,4} ", line)]
    return "\n".join(lines).strip()


def _split_front(text: str) -> tuple[str, str]:
    m = _FRONT.match(text)
    return (m.group(0), text[m.end() :]) if m else ("", text)


def _entries(front: str) -> list[tuple[str, list[str]]]:
    """Top-level keys of YAML front matter with their lines (continuations included)."""
    out: list[tuple[str, list[str]]] = []
    lines = front.split("\n")[1:-2] if front else []
    for line in lines:
        m = _KEY.match(line)
        if m and not line.startswith((" ", "\t", "-")):
            out.append((m.group(1), [line]))
        elif out:
            out[-1][1].append(line)
        else:
            out.append(("", [line]))
    return out


def _user_keys(front: str) -> list[tuple[str, list[str]]]:
    return [(k, v) for k, v in _entries(front) if k not in OUR_KEYS]


def _merge_front(old: str, new: str) -> str:
    if not old:
        return new
    mine = _entries(new)
    lines = [line for _, ls in mine for line in ls]
    lines += [line for _, ls in _user_keys(old) for line in ls]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _blocks(region: str) -> dict[str, str]:
    """Each annotation's part of a region, by its block id: within a section (a heading of
    level 2-4 and what follows), the lines up to the one that ends with the id; what follows
    the last id (a highlight's note) belongs to it too."""
    out: dict[str, str] = {}
    section: list[str] = []
    for line in [*region.split("\n"), "## end"]:
        if re.match(r"#{1,4} ", line):
            chunk: list[str] = []
            last = ""
            for part in section:
                chunk.append(part)
                m = _BLOCK_ID.search(part)
                if m:
                    last = m.group(1)
                    out[last] = "\n".join(chunk)
                    chunk = []
            if last and chunk:
                out[last] += "\n" + "\n".join(chunk)
            section = []
        section.append(line)
    return out
