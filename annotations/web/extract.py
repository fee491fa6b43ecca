"""The article in a web page: main text without navigation, ads, comments and banners, with
its structure as style runs, and its metadata (title, authors, outlet, date, canonical URL,
language).

Extraction is trafilatura's (the field's standard for main-text extraction); it is imported on
first use so that starting the reader or a command that opens no HTML never pays for it.
Nothing here fetches anything: the page's text is given, and links, images and scripts in it
are never followed, loaded or run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sidelight.annotations.errors import DocumentError
from sidelight.annotations.markdown_text import StyleRun
from sidelight.annotations.web.model import PageMeta
from sidelight.annotations.web.render import RenderedPage, render_body

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WS = re.compile(r"\s+")
_TITLE_CHARS = 300
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—:·•]{1,2})\s+")
_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE_ONLY = re.compile(
    r"^(?:(?:updated|published|posted)(?: on)?:?\s*)?(?:[a-z]+day,?\s*)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:]+Z?)?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|"
    rf"\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}})"
    r"(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    styles: tuple[StyleRun, ...]
    meta: PageMeta


def extract_article(html: str, url: str | None = None) -> ExtractedPage:
    """The article of ``html`` (already decoded). ``url`` is where the page came from; it is
    only used to resolve a relative canonical address and as the fallback URL."""
    from lxml import etree
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    # lxml refuses NUL and most C0 controls; they carry nothing an article needs.
    html = _CONTROL.sub("", html)
    try:
        tree = load_html(html)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is None:
        return ExtractedPage("", (), PageMeta(url=url or ""))
    language = _language(tree)
    page_title = _page_title(tree)
    microdata_authors = _microdata_authors(tree)
    try:
        result = bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_formatting=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            # No second-opinion extractors: the main pass is as good on article pages and
            # several times faster on large ones.
            fast=True,
        )
    except (ValueError, TypeError, etree.LxmlError) as err:
        raise DocumentError(
            f"{url or 'page'}: the page could not be read as HTML ({err})"
        ) from None
    body = getattr(result, "body", None) if result is not None else None
    if body is not None:
        _drop_page_furniture(body)
    rendered = render_body(body) if body is not None else RenderedPage("", ())
    if not rendered.text.strip():
        rendered = _baseline(html)
    meta = _meta(result, url, language, page_title, microdata_authors)
    text, styles = _with_title(rendered, meta.title)
    return ExtractedPage(text, styles, meta)


def _baseline(html: str) -> RenderedPage:
    """Every paragraph of a page the extractor finds no article in (a short note, a list)."""
    from trafilatura import baseline
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return RenderedPage("", ())
    body, _, _ = baseline(tree)
    return render_body(body)


def _meta(result: Any, url: str | None, language: str, page_title: str,
          microdata_authors: tuple[str, ...]) -> PageMeta:
    def field(name: str) -> str:
        value = getattr(result, name, None) if result is not None else None
        return _WS.sub(" ", value).strip() if isinstance(value, str) else ""

    authors = tuple(a.strip() for a in field("author").split(";") if a.strip())
    if len(microdata_authors) > len(authors):
        authors = microdata_authors
    site_name = field("sitename")
    title = field("title")
    if not title or (site_name and title.casefold() == site_name.casefold()):
        # "<title>Outlet - Headline</title>" read from the wrong end: the headline is the
        # longest part of the page title that is not the outlet.
        title = _headline_from_page_title(page_title, site_name) or title
    if len(title) > _TITLE_CHARS:
        title = title[: _TITLE_CHARS - 1] + "…"
    canonical = field("url")
    if not canonical.lower().startswith(("http://", "https://")):
        canonical = url or ""
    return PageMeta(
        title=title,
        authors=authors,
        site_name=site_name,
        date=field("date"),
        url=canonical,
        language=language,
    )


def _page_title(tree: Any) -> str:
    for el in tree.iter("title"):
        return _WS.sub(" ", el.text_content() if hasattr(el, "text_content") else el.text or ""
                       ).strip()
    return ""


def _headline_from_page_title(page_title: str, site_name: str) -> str:
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page_title) if p.strip()]
    parts = [p for p in parts if p.casefold() != site_name.casefold()]
    return max(parts, key=len) if parts else ""


def _microdata_authors(tree: Any) -> tuple[str, ...]:
    """Every author a page names in schema.org microdata (``itemprop="author"``)."""
    names: list[str] = []
    for el in tree.xpath('//*[@itemprop="author"]'):
        named = el.xpath('.//*[@itemprop="name"]')
        source = named[0] if named else el
        value = source.get("content") or source.text_content()
        value = _WS.sub(" ", value or "").strip()
        if value and len(value) <= 100 and value not in names:
            names.append(value)
    return tuple(names)


def _drop_page_furniture(body: Any) -> None:
    """Paragraphs of the page kept inside the article's container that are not the article:
    a line that is only a date (the dateline is metadata) and a closing copyright line."""
    blocks = [el for el in body if isinstance(el.tag, str)]
    for el in blocks:
        text = _WS.sub(" ", "".join(el.itertext())).strip()
        if el.tag == "p" and text and _DATE_ONLY.match(text):
            body.remove(el)
    blocks = [el for el in body if isinstance(el.tag, str)]
    if blocks:
        last = _WS.sub(" ", "".join(blocks[-1].itertext())).strip()
        if _COPYRIGHT.match(last) and len(last) <= 200:
            body.remove(blocks[-1])


def _language(tree: Any) -> str:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if _LANGUAGE.match(value):
            return value.replace("_", "-")
    return ""


def _with_title(page: RenderedPage, title: str) -> tuple[str, tuple[StyleRun, ...]]:
    """The article's text, led by its title as a heading when the page's body does not
    already start with it (so that every article reads from its headline)."""
    text = page.text
    if not text.strip():
        return "", ()  # a title alone is not an article
    if not title or _norm(text[: len(title) + 8]).startswith(_norm(title)):
        return text, page.styles
    head = title + "\n\n"
    shifted = tuple(StyleRun(s.start + len(head), s.end + len(head), s.style, s.href)
                    for s in page.styles)
    return head + text, (StyleRun(0, len(title), "heading1"), *shifted)


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().casefold()
