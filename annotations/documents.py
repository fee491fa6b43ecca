"""Documents: a file read into the reading text that every offset in sidelight points into.

Offsets are Python ``str`` indices (code points) into ``Document.text``, end exclusive.
Plain text is the file's text with line endings normalised to ``\\n``; Markdown is rendered
to reading text (see ``markdown_text``) with a map back to source offsets.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sidelight.annotations.errors import DocumentError, EmptyInput
from sidelight.annotations.special_files import FileTooLarge, NotRegularFile, read_regular

if TYPE_CHECKING:
    # Imported when a Markdown document is read or a page is fetched: a plain text one (the
    # reader's first screen on the seeds) needs neither.
    from sidelight.annotations.markdown_text import StyleRun
    from sidelight.annotations.web.model import PageMeta

MAX_BYTES = 64 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_DATE_LINE = re.compile(
    r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\s*", re.IGNORECASE
)
_TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps reading-text offsets to source offsets, piecewise linear over segments."""

    reading_starts: tuple[int, ...] = ()
    source_starts: tuple[int, ...] = ()

    def to_source(self, offset: int) -> int:
        if not self.reading_starts:
            return offset
        i = bisect.bisect_right(self.reading_starts, offset) - 1
        if i < 0:
            return self.source_starts[0]
        return self.source_starts[i] + (offset - self.reading_starts[i])


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    text: str
    title: str
    date: str | None
    fingerprint: str
    kind: str = "text"  # "text", "markdown" or "html"
    styles: tuple[StyleRun, ...] = ()
    source_text: str = ""
    source_map: SourceMap = field(default_factory=SourceMap)
    _line_starts: tuple[int, ...] = ()
    # (mtime_ns, size) of the file when it was read, to tell when it changed on disk since.
    file_stamp: tuple[int, int] | None = None
    # A web article's metadata (outlet, authors, canonical URL, when fetched); None otherwise.
    web: PageMeta | None = None
    # The language the file declares (Markdown front matter ``lang``/``language``) or the
    # user gave (``--lang``), as written; "" to detect it from the text.
    language: str = ""
    # The encoding the file was decoded with when the user gave one other than UTF-8
    # (``--encoding``); "" for UTF-8 (and for web pages, which name their own charset).
    encoding: str = ""

    @property
    def name(self) -> str:
        if is_url(self.path):
            return self.path
        return Path(self.path).name

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def line_of(self, offset: int) -> int:
        """The 1-based line of the reading text that holds ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def source_line_of(self, offset: int) -> int:
        """The 1-based line of the source file that produced reading offset ``offset``."""
        if self.kind != "markdown":
            return self.line_of(offset)
        src = self.source_map.to_source(offset)
        return self.source_text.count("\n", 0, max(0, src)) + 1


def fingerprint_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def read_source(path: Path, encoding: str | None = None) -> str:
    """Read a file as text, or raise DocumentError with a one-line message naming it."""
    try:
        # stat, not exists(): exists() lets some errors through (a name too long, a loop)
        # and hides others (permission) behind "no such file".
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied; check the file's permissions") from None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or err
        raise DocumentError(f"{path}: cannot be opened ({reason}); check the path") from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(f"{path}: is a directory; give a .txt, .md or .html file")
    if st.st_size > MAX_BYTES:
        raise _too_large(path)
    try:
        # Regular files only, refused before opening: a FIFO would block, a device never end.
        data, _ = read_regular(path, MAX_BYTES)
    except NotRegularFile as err:
        raise DocumentError(
            f"{path}: is {err.kind}, not a document; sidelight opens regular .txt, .md and "
            ".html files (for a pipe, give - to read standard input)"
        ) from None
    except FileTooLarge:
        raise _too_large(path) from None
    except PermissionError:
        raise DocumentError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as err:
        raise DocumentError(f"{path}: cannot be read ({err.strerror or err})") from None
    return decode_source(data, path, encoding)


def _too_large(path: Path | str) -> DocumentError:
    return DocumentError(
        f"{path}: is larger than {MAX_BYTES // (1024 * 1024)} MB; sidelight opens files up to "
        "that size, split it first"
    )


def decode_source(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """The text of a document's bytes, line endings normalised; DocumentError naming ``path``
    when it is binary or not in the encoding."""
    nul = data.find(b"\x00")
    if nul != -1 and encoding is None:
        raise DocumentError(
            f"{path}: looks like a binary file (NUL byte at offset {nul}); "
            "sidelight opens text and Markdown files (for UTF-16 text, pass --encoding utf-16)"
        )
    if encoding is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise DocumentError(
                f"{path}: not valid UTF-8 at byte {err.start}; if it uses another encoding, "
                "pass --encoding (for example --encoding latin-1)"
            ) from None
    else:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DocumentError(
                f"{path}: unknown text encoding {encoding!r}; give one such as utf-8, "
                "latin-1 or cp1252 to --encoding"
            ) from None
        except UnicodeDecodeError as err:
            raise DocumentError(
                f"{path}: not valid {encoding} at byte {err.start}; try another --encoding"
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_document(path: str | Path, encoding: str | None = None) -> Document:
    """Load a ``.txt``, ``.md`` or ``.html`` file. Raises DocumentError for anything
    unreadable."""
    p = Path(path).expanduser()
    stamp = stamp_of(p)
    if p.suffix.lower() in HTML_SUFFIXES:
        # Imported here: the extractor is large and only HTML needs it.
        from sidelight.annotations.web.page import html_file_document

        return replace(html_file_document(p, encoding), file_stamp=stamp,
                       encoding=encoding_name(encoding))
    source = read_source(p, encoding)
    resolved = str(p.resolve())
    if p.suffix.lower() in MARKDOWN_SUFFIXES:
        doc = _markdown_document(resolved, source)
    else:
        doc = make_text_document(resolved, source)
    # Stamped before reading: a change while we read makes the document stale, never current.
    return replace(doc, file_stamp=stamp, encoding=encoding_name(encoding))


def encoding_name(encoding: str | None) -> str:
    """The encoding to remember for a document read with ``encoding``: "" for none or UTF-8
    (the default needs no remembering), else the name as given."""
    if not encoding:
        return ""
    try:
        if codecs.lookup(encoding).name == "utf-8":
            return ""
    except LookupError:
        pass
    return encoding.strip()


STDIN = "-"
_MARKDOWN_HINTS = re.compile(
    r"\A---\n|^#{1,6}[ \t]+\S|^\s{0,3}[-*+][ \t]+\S.*\n\s{0,3}[-*+][ \t]+\S"
    r"|\[[^\]\n]+\]\([^)\s]+\)|^```",
    re.MULTILINE,
)


def piped_text_document(data: bytes, path: str, encoding: str | None = None) -> Document:
    """A document from piped bytes (standard input) that are not a web page: Markdown when
    they look like Markdown (front matter, headings, lists, links, fences), else plain text."""
    source = decode_source(data, "standard input", encoding)
    if not source.strip():
        raise EmptyInput()
    if looks_like_markdown(source):
        return _markdown_document(path, source)
    return make_text_document(path, source)


def looks_like_markdown(text: str) -> bool:
    return _MARKDOWN_HINTS.search(text[:65536]) is not None


def is_url(source: str) -> bool:
    """True for an http(s) address: a web article rather than a file."""
    return source[:8].lower().startswith(("http://", "https://"))


def stamp_of(path: str | Path) -> tuple[int, int] | None:
    """The file's (mtime_ns, size), or None when it cannot be looked up."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size)


def is_current(doc: Document) -> bool:
    """False when the document's file changed on disk (or went away) since it was read."""
    return doc.file_stamp is None or stamp_of(doc.path) == doc.file_stamp


def make_text_document(path: str, text: str) -> Document:
    """A plain-text document from already normalised text (also used by tests and benches)."""
    date_match = _DATE_LINE.match(text)
    date = date_match.group(1) if date_match else None
    body_for_title = text[date_match.end() :] if date_match else text
    return Document(
        path=path,
        text=text,
        title=_first_line_title(body_for_title) or Path(path).name,
        date=date,
        fingerprint=fingerprint_of(text),
        kind="text",
        source_text=text,
        _line_starts=_line_starts(text),
    )


def _markdown_document(path: str, source: str) -> Document:
    from sidelight.annotations.markdown_text import render_markdown, split_front_matter

    meta, body_offset = split_front_matter(source)
    rendered = render_markdown(source, body_offset)
    text = rendered.text
    date = meta.get("date")
    if not date:
        m = _DATE_LINE.match(text)
        date = m.group(1) if m else None
    title = meta.get("title") or rendered.first_heading or _first_line_title(text)
    return Document(
        path=path,
        text=text,
        title=title or Path(path).name,
        date=date or None,
        fingerprint=fingerprint_of(text),
        kind="markdown",
        styles=rendered.styles,
        source_text=source,
        source_map=SourceMap(rendered.reading_starts, rendered.source_starts),
        _line_starts=_line_starts(text),
        language=str(meta.get("lang") or meta.get("language") or ""),
    )


def _first_line_title(text: str) -> str:
    """The first line that reads as a title. An editor's bracketed block ("[Illustration:
    … ]", "[Photo: …]") and lines without a letter (rules, "* * *") come before the title in
    scanned books and some articles, and say nothing of the document."""
    in_brackets = False
    for line in text.split("\n", 200)[:200]:
        line = line.strip()
        if in_brackets:
            in_brackets = "]" not in line
            continue
        if line.startswith("[") and ("]" not in line or line.endswith("]")):
            in_brackets = "]" not in line
            continue
        if any(c.isalpha() for c in line):
            return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"
    return ""


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)
