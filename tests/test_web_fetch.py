"""Fetching pages from a real local server: what opens, what is refused, and every failure as
one line naming the address."""

from __future__ import annotations

import pytest
from web_server import PageServer, article, web_server_fixture  # noqa: F401

from sidelight.annotations.errors import DocumentError
from sidelight.annotations.web.fetch import fetch_page, normalise_url


def test_article_is_fetched_and_decoded(web_server: PageServer) -> None:
    page = fetch_page(web_server.url("/herald/story"))
    assert page.final_url == web_server.url("/herald/story")
    assert page.redirects == ()
    assert article("portal").paragraphs[0] in page.html


def test_charset_from_meta_when_the_header_has_none(web_server: PageServer) -> None:
    page = fetch_page(web_server.url("/courier/story"))
    assert page.encoding == "cp1252"
    assert article("legacy").headline in page.html


def test_redirect_is_followed_and_remembered(web_server: PageServer) -> None:
    page = fetch_page(web_server.url("/old-address"))
    assert page.final_url == web_server.url("/herald/story")
    assert page.redirects == (web_server.url("/old-address"),)


@pytest.mark.parametrize(("path", "expected"), [
    ("/missing", "not found (HTTP 404)"),
    ("/broken", "the server failed (HTTP 503)"),
    ("/report.pdf", "is not a web page (application/pdf)"),
    ("/huge", "larger than 10 MB"),
    ("/bomb", "larger than 10 MB"),
    ("/slow", "no complete answer within 2 s"),
    ("/to-file", "not http:// or https://"),
])
def test_failures_are_one_line(web_server: PageServer, path: str, expected: str) -> None:
    with pytest.raises(DocumentError) as err:
        fetch_page(web_server.url(path))
    message = str(err.value)
    assert expected in message
    assert message.startswith(web_server.url(path))
    assert "\n" not in message


def test_refused_and_unknown_hosts(web_server: PageServer) -> None:
    url = web_server.url("/herald/story")
    web_server.stop()
    with pytest.raises(DocumentError, match="connection refused"):
        fetch_page(url)
    with pytest.raises(DocumentError, match=r"could not be found \(DNS\)"):
        fetch_page("http://no-such-host.invalid/story")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:1",
                                 "data:text/html,<p>x</p>", "http://", "https://a b/c"])
def test_only_http_and_https_addresses(url: str) -> None:
    with pytest.raises(DocumentError) as err:
        normalise_url(url)
    assert "\n" not in str(err.value)


def test_addresses_are_named_one_way() -> None:
    assert normalise_url("HTTPS://News.Example/a?b=1#frag") == "https://news.example/a?b=1"
    assert normalise_url("http://news.example") == "http://news.example/"
