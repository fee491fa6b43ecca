"""Realistic web pages built around real article texts, for the extraction benchmark and the
tests: the article wrapped in the boilerplate of six kinds of site (a news portal, a blog, an
old table layout, a magazine, a minimal mobile page, a legacy Windows-1252 site), with its
metadata declared the way such sites do (JSON-LD, OpenGraph, ``<meta>``, microdata, bylines).

The article texts are the news excerpts in ``tests/data`` (entity and comparison sets):
first line the headline, every other non-empty line a paragraph. What a page declares (outlet,
authors, date,
canonical address) is made up here, so extraction can be scored against it.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
STYLES = ("portal", "blog", "table", "magazine", "minimal", "legacy", "cms")
# Written after the extractor's fixes and scored once, untuned: how it does on a layout unseen.
HELD_OUT = ("cms",)
_AUTHORS = ("Maria Lopez", "Tom Becker", "Aisha Rahman", "Daniel Okafor", "Claire Dubois",
            "Kenji Watanabe", "Sofia Ricci", "Priya Natarajan", "Jonas Lindqvist")
_OUTLETS = {
    "portal": "The Riverside Herald",
    "blog": "Northfield Notes",
    "table": "Coastal Wire Service",
    "magazine": "Meridian Magazine",
    "minimal": "Daily Ledger",
    "legacy": "The Valley Courier",
    "cms": "Metro Dispatch",
}


@dataclass(frozen=True, slots=True)
class Article:
    headline: str
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]
    outlet: str
    date: str  # YYYY-MM-DD
    url: str
    language: str = "en"

    @property
    def text(self) -> str:
        return "\n\n".join((self.headline, *self.paragraphs))


def article_texts() -> list[Path]:
    """The news texts of ``tests/data`` that open with a headline (excerpts that start in
    the middle of a story have none to put in a page's ``<h1>``), sorted."""
    paths = [*DATA.glob("entities_blind*/*.txt"), *DATA.glob("entities_dev/*.txt"),
             *DATA.glob("compare_unseen/*/*.txt")]
    return sorted(p for p in paths if _opens_with_headline(p))


def _opens_with_headline(path: Path) -> bool:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if len(lines) < 5:
        return False
    first = lines[0]
    return (len(first) <= 130 and not first.endswith(".") and not first.startswith("date ")
            and not re.match(r"[A-Z][a-z]{2} \d", first))


def make_article(path: Path, i: int, style: str) -> Article:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    slug = path.stem.replace("_", "-")
    host = _OUTLETS[style].lower().replace("the ", "").replace(" ", "") + ".example"
    n_authors = 1 + i % 2
    authors = tuple(_AUTHORS[(i + k * 4) % len(_AUTHORS)] for k in range(n_authors))
    return Article(
        headline=lines[0],
        paragraphs=tuple(lines[1:]),
        authors=authors,
        outlet=_OUTLETS[style],
        date=f"20{15 + i % 9:02d}-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}",
        url=f"https://www.{host}/news/{slug}",
    )


def corpus() -> list[tuple[Article, str]]:
    """Every article text with the site style it is wrapped in (styles rotate)."""
    out = []
    for i, path in enumerate(article_texts()):
        style = STYLES[i % len(STYLES)]
        out.append((make_article(path, i, style), style))
    return out


def build_page(a: Article, style: str, padding: int = 0) -> bytes:
    """The page's bytes; ``padding`` adds that many related-story cards and comments (the
    boilerplate that makes real pages 100–300 KB)."""
    return _BUILDERS[style](a, padding)


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _nav(n: int = 8) -> str:
    sections = ["World", "Politics", "Business", "Technology", "Science", "Sport", "Culture",
                "Opinion", "Travel", "Video", "Podcasts", "Weather"][:n]
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in sections)
    return f'<nav class="main-nav" aria-label="Sections"><ul>{items}</ul></nav>'


def _cookie_banner() -> str:
    return (
        '<div id="cookie-consent" class="cookie-banner" role="dialog"><p>We use cookies and '
        "similar technologies to personalise content and ads, and to analyse our traffic. "
        'By clicking "Accept all" you agree to this.</p><button>Accept all</button>'
        "<button>Manage preferences</button></div>"
    )


def _ad(slot: str) -> str:
    return (f'<div class="ad-slot ad-{slot}" data-ad-unit="/1234/news/{slot}"><span '
            'class="ad-label">Advertisement</span><script>window.ads=window.ads||[];'
            f'ads.push("{slot}");</script></div>')


def _related(n: int, style: str) -> str:
    titles = ["Markets slip as investors weigh rate outlook", "Ten things to know this week",
              "Opinion: why the city needs more buses", "Storm warning issued for the coast",
              "Inside the race for the governor's mansion", "Quiz: how well do you know 2019?"]
    cards = "".join(
        f'<li class="card"><a href="/story/{k}"><img src="/img/{k}.jpg" alt="">'
        f"<h3>{titles[k % len(titles)]}</h3></a><span class=\"kicker\">Related</span></li>"
        for k in range(n)
    )
    return f'<aside class="related {style}"><h2>More from {style}</h2><ul>{cards}</ul></aside>'


def _comments(n: int) -> str:
    names = ["jdoe42", "NewsFan", "Pat R.", "concerned_citizen", "M. Ahmed"]
    items = "".join(
        f'<li class="comment"><span class="user">{names[k % len(names)]}</span>'
        f"<p>Great reporting, but what about the other side of this story? Comment {k}.</p>"
        '<a href="#reply">Reply</a></li>'
        for k in range(n)
    )
    return (f'<section id="comments" class="comments"><h2>Comments ({n})</h2><ol>{items}</ol>'
            '<form class="comment-form"><textarea name="c" placeholder="Join the discussion">'
            "</textarea><button>Post comment</button></form></section>")


def _footer(outlet: str) -> str:
    return (f'<footer class="site-footer"><p>© 2024 {_e(outlet)}. All rights reserved.</p>'
            '<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy'
            '</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/contact">Contact'
            "</a></li></ul></footer>")


def _paragraphs(a: Article) -> str:
    return "\n".join(f"<p>{_e(p)}</p>" for p in a.paragraphs)


def _jsonld(a: Article, authors_as_string: bool = False) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.headline,
        "datePublished": f"{a.date}T08:30:00Z",
        "author": ", ".join(a.authors) if authors_as_string
        else [{"@type": "Person", "name": n} for n in a.authors],
        "publisher": {"@type": "Organization", "name": a.outlet},
        "mainEntityOfPage": a.url,
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _og(a: Article) -> str:
    return (f'<meta property="og:site_name" content="{_e(a.outlet)}">'
            f'<meta property="og:title" content="{_e(a.headline)}">'
            f'<meta property="og:url" content="{_e(a.url)}">'
            '<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{a.date}T09:00:00+00:00">')


def _tracking() -> str:
    return ("<script>(function(){var s=document.createElement('script');"
            "s.src='https://tracker.example/t.js';document.head.appendChild(s);})();</script>"
            '<noscript><img src="https://tracker.example/pixel.gif" alt=""></noscript>')


def _portal(a: Article, padding: int) -> bytes:
    byline = " and ".join(a.authors)
    page = f"""<!DOCTYPE html>
<html lang="{a.language}"><head><meta charset="utf-8">
<title>{_e(a.headline)} | {_e(a.outlet)}</title>
<link rel="canonical" href="{_e(a.url)}">{_og(a)}{_jsonld(a)}{_tracking()}
<style>.ad-slot{{min-height:250px}}</style></head>
<body>{_cookie_banner()}<header class="masthead"><a class="logo" href="/">{_e(a.outlet)}</a>
{_nav()}<form class="search"><input name="q" placeholder="Search"></form></header>
{_ad("leaderboard")}
<main><article class="story">
<h1 class="headline">{_e(a.headline)}</h1>
<div class="byline">By <a href="/authors/1" rel="author">{_e(byline)}</a>
<time datetime="{a.date}T08:30:00Z">{a.date}</time></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
<div class="story-body">{_paragraphs(a)}</div>
{_ad("in-article")}
<div class="newsletter">Sign up for our morning briefing. <input type="email"></div>
</article>{_related(6 + padding, "portal")}</main>
{_comments(4 + padding)}{_footer(a.outlet)}</body></html>"""
    return page.encode("utf-8")


def _blog(a: Article, padding: int) -> bytes:
    widgets = "".join(f'<li><a href="/tag/{t}">{t}</a></li>' for t in
                      ("economy", "policy", "world", "courts", "energy", "markets"))
    page = f"""<!DOCTYPE html>
<html lang="{a.language}"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(a.headline)} – {_e(a.outlet)}</title>{_og(a)}
<meta name="author" content="{_e(", ".join(a.authors))}">
<link rel="canonical" href="{_e(a.url)}"></head>
<body class="post-template-default single">
<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/">{_e(a.outlet)}</a></p>
<p class="site-description">Notes on the news, every weekday</p>{_nav(6)}</header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main"><div class="post type-post hentry">
<header class="entry-header"><h1 class="entry-title">{_e(a.headline)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on {a.date}</span>
<span class="byline"> by {_e(", ".join(a.authors))}</span></div></header>
<div class="entry-content">{_paragraphs(a)}</div>
<footer class="entry-footer"><span class="cat-links">Posted in News</span>
<span class="tags-links">Tagged economy, policy</span></footer></div>
<nav class="post-navigation"><a href="/prev">Previous post</a> <a href="/next">Next post</a>
</nav>{_comments(3 + padding)}</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent posts</h2>
{_related(5 + padding, "blog")}</section><section class="widget"><h2>Tags</h2><ul>{widgets}
</ul></section></aside></div>{_footer(a.outlet)}</div></body></html>"""
    return page.encode("utf-8")


def _table(a: Article, padding: int) -> bytes:
    rows = "".join(f'<tr><td class="menu"><a href="/s/{k}">Section {k}</a></td></tr>'
                   for k in range(12))
    paras = "".join(f"<p><font face=\"Arial\" size=\"2\">{_e(p)}</font></p>"
                    for p in a.paragraphs)
    page = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="content-language" content="{a.language}">
<title>{_e(a.outlet)} - {_e(a.headline)}</title>
<meta name="author" content="{_e("; ".join(a.authors))}">
<meta name="date" content="{a.date}">
<meta property="og:site_name" content="{_e(a.outlet)}">
<link rel="canonical" href="{_e(a.url)}"></head>
<body bgcolor="#ffffff"><table width="100%" border="0"><tr>
<td colspan="2"><img src="/banner.gif" alt="{_e(a.outlet)}">{_ad("top")}</td></tr>
<tr><td width="160" valign="top"><table>{rows}</table></td>
<td valign="top"><font face="Arial"><b class="headline"><font size="4">{_e(a.headline)}
</font></b></font><br><font size="1">{a.date} | {_e(", ".join(a.authors))}</font>
<div class="story">{paras}</div>
<p><a href="/print">Print this story</a> | <a href="/mail">E-mail this story</a></p>
{_related(4 + padding, "table")}</td></tr>
<tr><td colspan="2">{_footer(a.outlet)}</td></tr></table></body></html>"""
    return page.encode("utf-8")


def _magazine(a: Article, padding: int) -> bytes:
    paras = list(a.paragraphs)
    half = max(1, len(paras) // 2)
    first = "".join(f'<p class="body-text">{_e(p)}</p>' for p in paras[:half])
    second = "".join(f'<p class="body-text">{_e(p)}</p>' for p in paras[half:])
    authors = "".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{_e(n)}</span></span> ' for n in a.authors
    )
    page = f"""<!doctype html><html lang="{a.language}"><head><meta charset="utf-8">
<title>{_e(a.headline)}</title>{_og(a)}<link rel="canonical" href="{_e(a.url)}">
{_tracking()}</head><body>
<div class="top-bar"><span>Subscribe: 12 issues for $1</span></div>{_nav(10)}
<div class="container"><div class="col-main" itemscope itemtype="https://schema.org/Article">
<div class="kicker">Feature</div><h1 itemprop="headline">{_e(a.headline)}</h1>
<div class="meta">{authors}<meta itemprop="datePublished" content="{a.date}">
<span class="read-time">6 min read</span></div>
<figure class="hero"><img src="/hero.jpg" alt=""><figcaption>Photograph: Agency via
Meridian Images</figcaption></figure>
<div class="article-body" itemprop="articleBody">{first}
<div class="inline-promo"><a href="/subscribe">Enjoying this story? Subscribe for unlimited
access.</a></div>{second}</div>
<div class="tags"><a href="/t/1">Economy</a> <a href="/t/2">World</a></div></div>
<div class="col-side">{_ad("sidebar")}<div class="most-read"><h2>Most read</h2>
{_related(5 + padding, "magazine")}</div></div></div>{_footer(a.outlet)}</body></html>"""
    return page.encode("utf-8")


def _minimal(a: Article, padding: int) -> bytes:
    # Paragraphs separated by <br><br> and words joined by &nbsp;, as some CMS write them.
    body = "<br><br>\n".join(_e(p).replace(" ", "&nbsp;", 2) for p in a.paragraphs)
    page = f"""<!DOCTYPE html><html lang="{a.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>{_e(a.headline)}</title>
{_jsonld(a, authors_as_string=True)}<meta property="og:site_name" content="{_e(a.outlet)}">
<link rel="canonical" href="{_e(a.url)}"></head><body>
<header><a href="/">{_e(a.outlet)}</a> <a href="/menu">Menu</a></header>
<main><h1>{_e(a.headline)}</h1><div class="text">{body}</div></main>
<div class="app-banner">Read this in our app <a href="/app">Open</a></div>
{_related(3 + padding, "minimal")}{_footer(a.outlet)}</body></html>"""
    return page.encode("utf-8")


def _legacy(a: Article, padding: int) -> bytes:
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{_e(a.headline)} :: {_e(a.outlet)}</title>
<meta name="author" content="{_e(" and ".join(a.authors))}">
<meta name="DC.date" content="{a.date}"><meta name="DC.language" content="{a.language}">
<meta property="og:site_name" content="{_e(a.outlet)}">
<link rel="canonical" href="{_e(a.url)}"></head><body>
<div id="header"><img src="/logo.gif" alt="logo"> {_nav(7)}</div>
<div id="left">{_related(4 + padding, "legacy")}</div>
<div id="content"><h2 class="title">{_e(a.headline)}</h2>
<p class="date">{a.date}</p>{_paragraphs(a)}
<p class="copyright">Copyright {_e(a.outlet)}. Reproduction prohibited.</p></div>
{_comments(2 + padding)}{_footer(a.outlet)}</body></html>"""
    return page.encode("cp1252", "replace")


def _cms(a: Article, padding: int) -> bytes:
    # Paragraphs as <div>s with "Read also" teasers between them; metadata in Twitter and
    # Dublin Core tags and a <time> element; the outlet only in application-name.
    blocks = []
    for k, p in enumerate(a.paragraphs):
        blocks.append(f'<div class="para" data-block="{k}">{_e(p)}</div>')
        if k == 1:
            blocks.append('<div class="read-also"><strong>Read also:</strong> <a href="/s/9">'
                          "Council to vote on transport plan next week</a></div>")
    page = f"""<!DOCTYPE html><html lang="{a.language}"><head><meta charset="utf-8">
<title>{_e(a.headline)}</title><meta name="application-name" content="{_e(a.outlet)}">
<meta name="twitter:title" content="{_e(a.headline)}">
<meta name="twitter:creator" content="@dispatch">
<meta name="DC.creator" content="{_e("; ".join(a.authors))}">
<meta name="DC.date.issued" content="{a.date}">
<link rel="canonical" href="{_e(a.url)}"></head><body>
<div class="skip"><a href="#main">Skip to content</a></div>
<div class="header-wrap">{_nav(9)}<div class="weather">12°C Cloudy</div></div>
<div id="main" class="page"><div class="article-header"><h1>{_e(a.headline)}</h1>
<p class="article-byline">Written by {_e(", ".join(a.authors))} ·
<time datetime="{a.date}">{a.date}</time></p></div>
<div class="article-content">{"".join(blocks)}</div>
<div class="article-tools"><button>Print</button><button>Save</button></div>
{_related(4 + padding, "cms")}</div>{_comments(2 + padding)}{_footer(a.outlet)}
</body></html>"""
    return page.encode("utf-8")


_BUILDERS = {
    "portal": _portal,
    "blog": _blog,
    "table": _table,
    "magazine": _magazine,
    "minimal": _minimal,
    "legacy": _legacy,
    "cms": _cms,
}
