"""A real HTTP server on 127.0.0.1 for the web tests: realistic article pages, a redirect,
a 404, a server error, a slow answer, an oversized page, a compressed bomb, a PDF.

Pages can be changed while it runs (``server.pages[path] = ...``) and it can be stopped, to
test snapshots, ``--refresh`` and reading offline.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks.web_pages import DATA, Article, build_page, corpus, make_article


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {
        "Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


def article(style: str, n: int = 0):
    """The n-th corpus article wrapped in ``style``."""
    return [a for a, s in corpus() if s == style][n]


@functools.cache
def _big_bodies() -> tuple[bytes, bytes]:
    big = b"<html><body>" + b"<p>filler paragraph of an endless page.</p>" * 300_000
    bomb = gzip.compress(b"<html><body>" + b" " * (40 * 1024 * 1024), compresslevel=6)
    return big, bomb


def same_story() -> tuple[Article, Article]:
    """Two outlets' reports of one story (Cisco's revised offer for Acacia)."""
    folder = DATA / "compare_unseen" / "cisco_acacia"
    return (make_article(folder / "barrons.txt", 3, "magazine"),
            make_article(folder / "thestreet.txt", 4, "blog"))


def default_pages() -> dict[str, Response]:
    herald = article("portal")
    courier = article("legacy")
    mag, blog = same_story()
    big, bomb = _big_bodies()
    return {
        "/herald/story": Response(body=build_page(herald, "portal", padding=2)),
        # A Windows-1252 page that says so only in its <meta>.
        "/courier/story": Response(body=build_page(courier, "legacy"),
                                   headers={"Content-Type": "text/html"}),
        "/meridian/acacia": Response(body=build_page(mag, "magazine")),
        "/northfield/acacia": Response(body=build_page(blog, "blog")),
        "/old-address": Response(301, headers={"Location": "/herald/story"}),
        "/to-file": Response(302, headers={"Location": "file:///etc/passwd"}),
        "/missing": Response(404, b"<html><body><h1>Not found</h1></body></html>"),
        "/broken": Response(503, b"<html><body>Service unavailable</body></html>"),
        "/slow": Response(body=b"<html><body><p>late</p></body></html>", delay=5.0),
        "/huge": Response(body=big),
        "/bomb": Response(body=bomb, headers={"Content-Type": "text/html",
                                              "Content-Encoding": "gzip"}),
        "/app-shell": Response(body=b'<!DOCTYPE html><html><head><title>App</title></head>'
                               b'<body><div id="root"></div><script src="/app.js"></script>'
                               b"</body></html>"),
        "/report.pdf": Response(body=b"%PDF-1.4 ...", headers={
            "Content-Type": "application/pdf"}),
    }


class PageServer:
    def __init__(self) -> None:
        self.pages = default_pages()
        self.requests: list[str] = []
        pages, requests = self.pages, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                resp = pages.get(self.path, Response(404, b"<html><body>no</body></html>"))
                if resp.delay:
                    time.sleep(resp.delay)
                try:
                    self.send_response(resp.status)
                    for k, v in resp.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(resp.body)))
                    self.end_headers()
                    self.wfile.write(resp.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        self.running = True

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.running = False


@pytest.fixture(name="web_server")
def web_server_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    # A proxy from the environment must not stand between the tests and 127.0.0.1.
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SIDELIGHT_FETCH_TIMEOUT", "2")
    server = PageServer()
    try:
        yield server
    finally:
        server.stop()
