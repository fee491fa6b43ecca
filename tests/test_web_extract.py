"""Web articles read from HTML: the article's text without the page around it, its structure as
style runs, its metadata, charsets, and saved .html files opened like any document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.web_pages import STYLES, build_page, corpus
from sidelight.annotations.documents import load_document
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.web.charset import decode_html
from sidelight.annotations.web.extract import extract_article

BOILERPLATE = ("cookies", "Advertisement", "Post comment", "Share on", "Sign up", "Privacy",
               "Most read", "Reply", "Subscribe", "ads.push", "tracker")

STRUCTURED = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Bridge reopens after repairs | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Ruth Evans">
<meta property="article:published_time" content="2023-05-04T07:00:00Z">
<script>document.write("<p>injected by a script</p>")</script></head>
<body><nav><a href="/">Home</a></nav><article>
<h1>Bridge reopens after repairs</h1>
<p>The Old Harbour Bridge reopened on Thursday after <em>eight months</em> of work costing
4&nbsp;million pounds &amp; more.</p>
<h2>What was fixed</h2>
<ul><li>The <strong>deck</strong> was resurfaced</li><li>Two piers were strengthened</li></ul>
<blockquote><p>We are delighted to have it back, said the harbour master.</p></blockquote>
<p>Traffic will be limited<br>until Monday.</p>
</article><div class="comments"><p>first!</p></div></body></html>"""


def _styles(text: str, styles) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in styles:
        out.setdefault(s.style, []).append(text[s.start:s.end])
    return out


def test_structure_becomes_reading_text_and_style_runs() -> None:
    page = extract_article(STRUCTURED, "https://harbour.example/bridge")
    text = page.text
    assert text.startswith("Bridge reopens after repairs\n\nThe Old Harbour Bridge reopened")
    # Entities decoded, no-break spaces read as spaces, <br> a line break, no markup left.
    assert "4 million pounds & more." in text
    assert "Traffic will be limited\nuntil Monday." in text
    assert "<" not in text and "&amp;" not in text and "\u00a0" not in text
    assert "• The deck was resurfaced\n• Two piers were strengthened" in text
    assert "│ We are delighted to have it back" in text
    runs = _styles(text, page.styles)
    assert runs["heading1"] == ["Bridge reopens after repairs"]
    assert runs["heading2"] == ["What was fixed"]
    assert runs["emphasis"] == ["eight months"]
    assert runs["strong"] == ["deck"]
    assert runs["quote"][0].startswith("│ We are delighted")
    # Scripts never run and their text never shows; comments are not the article.
    assert "injected" not in text and "first!" not in text and "Home" not in text


def test_metadata_from_meta_tags() -> None:
    meta = extract_article(STRUCTURED, "https://harbour.example/bridge").meta
    assert meta.title == "Bridge reopens after repairs"
    assert meta.authors == ("Ruth Evans",)
    assert meta.site_name == "Harbour Times"
    assert meta.date == "2023-05-04"
    assert meta.url == "https://harbour.example/bridge"
    assert meta.language == "en-GB"


@pytest.mark.parametrize("style", STYLES)
def test_each_site_style_gives_the_article_without_its_boilerplate(style: str) -> None:
    article, _ = next((a, s) for a, s in corpus() if s == style)
    html, _ = decode_html(build_page(article, style, padding=3))
    page = extract_article(html, article.url)
    for paragraph in article.paragraphs[:3]:
        assert paragraph in page.text
    for word in BOILERPLATE:
        assert word not in page.text, word
    assert page.meta.site_name == article.outlet
    assert page.meta.date == article.date


def test_news_portal_metadata_from_json_ld() -> None:
    article, _ = next((a, s) for a, s in corpus() if s == "portal")
    html, _ = decode_html(build_page(article, "portal"))
    meta = extract_article(html, "http://127.0.0.1:1/x").meta
    assert meta.title == article.headline
    assert meta.authors == article.authors
    assert meta.url == article.url
    assert meta.language == "en"


def test_charset_from_header_meta_bom_and_fallback() -> None:
    text = "“Quoted” café – 5 €"
    cp = f'<meta charset="windows-1252"><p>{text}</p>'.encode("cp1252")
    assert decode_html(cp) == (f'<meta charset="windows-1252"><p>{text}</p>', "cp1252")
    # The header wins over the page; latin-1 labels read as Windows-1252, as browsers do.
    assert decode_html(text.encode("cp1252"), "text/html; charset=ISO-8859-1")[0] == text
    assert decode_html(text.encode("utf-8"), "text/html")[0] == text
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8"), "text/html; charset=latin-1")[
        0] == text
    # Undeclared and not UTF-8: Windows-1252; an unknown label is ignored.
    assert decode_html(text.encode("cp1252"))[0] == text
    assert decode_html(text.encode("utf-8"), "text/html; charset=x-no-such")[0] == text


def test_saved_html_file_opens_as_its_article(tmp_path: Path) -> None:
    article, _ = next((a, s) for a, s in corpus() if s == "legacy")
    path = tmp_path / "saved page.HTM"
    path.write_bytes(build_page(article, "legacy"))
    doc = load_document(path)
    assert doc.kind == "html"
    assert doc.path == str(path.resolve())
    assert doc.title == article.headline
    assert doc.date == article.date
    assert doc.web is not None and doc.web.site_name == article.outlet
    assert article.paragraphs[0] in doc.text
    assert doc.file_stamp is not None


def test_binary_or_missing_html_is_a_one_line_error(tmp_path: Path) -> None:
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DocumentError, match="binary"):
        load_document(binary)
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "gone.html")


def test_entities_command_reads_the_article_not_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(STRUCTURED, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "sidelight", "entities", str(path), "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert '"text": "4 million pounds"' in out or '"text": "4 million"' in out
    assert "charset" not in out and '"text": "8"' not in out


def test_reader_start_up_does_not_import_the_extractor() -> None:
    code = ("import sys, sidelight.tui.cli, sidelight.annotations.documents, "
            "sidelight.annotations.library; "
            "print('trafilatura' in sys.modules, 'httpx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]


def test_extraction_quality_on_the_benchmark_pages() -> None:
    from benchmarks.bench_extraction import quality

    _, q = quality()
    assert q["precision"] >= 0.95 and q["recall"] >= 0.95
    assert q["meta_all"] >= 0.95


def test_page_title_read_from_the_wrong_end_and_microdata_authors() -> None:
    page = """<html><head><title>Metro Wire - Floods close the coast road</title>
    <meta property="og:site_name" content="Metro Wire"></head><body>
    <div itemscope itemtype="https://schema.org/Article">
    <span itemprop="author" itemscope><span itemprop="name">Ana Silva</span></span>
    <span itemprop="author" itemscope><span itemprop="name">Li Wei</span></span>
    <p class="date">March 5, 2024</p>
    <p>Heavy rain closed the coast road on Tuesday, and the council opened two shelters for
    families who had to leave their homes near the river overnight.</p>
    <p>Engineers said the road would stay shut until the water level drops below the
    warning mark, which could take several days.</p>
    <p>© 2024 Metro Wire</p></div></body></html>"""
    result = extract_article(page, "https://wire.example/floods")
    assert result.meta.title == "Floods close the coast road"
    assert result.meta.authors == ("Ana Silva", "Li Wei")
    assert "March 5, 2024" not in result.text and "©" not in result.text
    assert result.text.startswith("Floods close the coast road\n\nHeavy rain")
