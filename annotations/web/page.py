"""Web articles as documents: an HTML file or a fetched page becomes a ``Document`` whose
reading text is the extracted article, with its metadata in ``Document.web``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sidelight.annotations.documents import Document, _line_starts, fingerprint_of, read_source
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.markdown_text import StyleRun
from sidelight.annotations.web.charset import decode_html
from sidelight.annotations.web.extract import extract_article
from sidelight.annotations.web.model import PageMeta


def html_document(path: str, html: str, url: str | None = None,
                  meta: PageMeta | None = None) -> Document:
    """The document of a page's HTML text. ``path`` is what annotations name as their source
    (a file's path or the page's address); ``meta`` adds what the fetch knows (when, which
    snapshot, redirects)."""
    page = extract_article(html, url)
    found = page.meta
    if meta is not None:
        found = replace(found, fetched=meta.fetched, snapshot=meta.snapshot,
                        requested_url=meta.requested_url, final_url=meta.final_url)
    return document_from_extracted(path, page.text, page.styles, found)


def document_from_extracted(path: str, text: str, styles: Sequence[StyleRun],
                            meta: PageMeta) -> Document:
    """A document from text already extracted (a snapshot read back)."""
    fallback = Path(path).name if not meta.url else meta.url
    return Document(
        path=path,
        text=text,
        title=meta.title or _first_line(text) or fallback,
        date=meta.date or None,
        fingerprint=fingerprint_of(text),
        kind="html",
        styles=tuple(styles),
        source_text=text,
        _line_starts=_line_starts(text),
        web=meta,
    )


def html_file_document(path: Path, encoding: str | None = None) -> Document:
    """A saved ``.html`` page. Its charset comes from a byte-order mark or its ``<meta>``
    unless ``encoding`` is given. The file's links, scripts and images are never followed."""
    if encoding is not None:
        html = read_source(path, encoding)
    else:
        # Latin-1 maps every byte to one code point: the file's bytes come back unchanged,
        # after the same checks (missing, directory, size, permissions) as any document.
        data = read_source(path, "latin-1").encode("latin-1")
        nul = data.find(b"\x00")
        if nul != -1 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DocumentError(
                f"{path}: looks like a binary file (NUL byte at offset {nul}); "
                "sidelight opens text, Markdown and HTML files"
            )
        html, _ = decode_html(data)
    resolved = str(path.resolve())
    return html_document(resolved, html, None)


def _first_line(text: str) -> str:
    for line in text.split("\n", 20):
        if line.strip():
            return line.strip()[:120]
    return ""
