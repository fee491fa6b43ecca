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

from annotations.errors import DocumentError
from annotations.markdown_text import StyleRun
from annotations.web.model import PageMeta
from annotations.web.render import RenderedPage, render_body

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WS = re.compile(r"\s+")
_TITLE_CHARS = 300


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
        )
    except (ValueError, TypeError, etree.LxmlError) as err:
        raise DocumentError(
            f"{url or 'page'}: the page could not be read as HTML ({err})"
        ) from None
    body = getattr(result, "body", None) if result is not None else None
    rendered = render_body(body) if body is not None else RenderedPage("", ())
    if not rendered.text.strip():
        rendered = _baseline(html)
    meta = _meta(result, url, language)
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


def _meta(result: Any, url: str | None, language: str) -> PageMeta:
    def field(name: str) -> str:
        value = getattr(result, name, None) if result is not None else None
        return _WS.sub(" ", value).strip() if isinstance(value, str) else ""

    authors = tuple(a.strip() for a in field("author").split(";") if a.strip())
    title = field("title")
    if len(title) > _TITLE_CHARS:
        title = title[: _TITLE_CHARS - 1] + "…"
    canonical = field("url")
    if not canonical.lower().startswith(("http://", "https://")):
        canonical = url or ""
    return PageMeta(
        title=title,
        authors=authors,
        site_name=field("sitename"),
        date=field("date"),
        url=canonical,
        language=language,
    )


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
    if not title or _norm(text[: len(title) + 8]).startswith(_norm(title)):
        return text, page.styles
    head = title + "\n\n"
    shifted = tuple(StyleRun(s.start + len(head), s.end + len(head), s.style, s.href)
                    for s in page.styles)
    return head + text, (StyleRun(0, len(title), "heading1"), *shifted)


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip().casefold()
