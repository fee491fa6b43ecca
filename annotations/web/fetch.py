"""Fetching a web page over HTTP(S): the edge where sidelight talks to the network.

Only ``http`` and ``https`` addresses are fetched (``file:`` and every other scheme are
refused, also as a redirect target, so a page cannot make sidelight read a local file).
Redirects are followed (at most ten) and remembered so they can be shown; a timeout bounds the
whole transfer, not only each read; the size cap counts the bytes after decompression, so a
small compressed response cannot unpack into something huge. Every failure is a
``DocumentError`` with one line naming the address and what to do.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from sidelight.annotations.errors import DocumentError
from sidelight.annotations.web.charset import decode_html

MAX_PAGE_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
TIMEOUT_ENV = "SIDELIGHT_FETCH_TIMEOUT"
MAX_REDIRECTS = 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "sidelight/0.1 (terminal reader for comparing sources)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # as asked for
    final_url: str  # after redirects
    redirects: tuple[str, ...]  # each address that redirected, in order
    body: bytes
    html: str
    encoding: str
    content_type: str


def normalise_url(url: str) -> str:
    """The address as sidelight names the article: scheme and host lower-case, no fragment.
    Raises DocumentError for anything that is not an http(s) address with a host."""
    raw = url.strip()
    try:
        parts = urlsplit(raw)
    except ValueError:
        raise DocumentError(f"{raw}: not a valid web address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "an address without http:// or https://"
        raise DocumentError(
            f"{raw}: sidelight fetches only http:// and https:// addresses, not {shown}; "
            "give a local file by its path"
        )
    if not parts.hostname or any(c.isspace() or ord(c) < 0x20 for c in raw):
        raise DocumentError(f"{raw}: not a valid web address (no host, or spaces in it)")
    return urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def fetch_timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def fetch_page(url: str, timeout: float | None = None,
               max_bytes: int = MAX_PAGE_BYTES) -> FetchedPage:
    """GET ``url`` and return the page. Raises DocumentError with a one-line reason."""
    import httpx  # imported on first fetch: commands that read no URL never pay for it

    url = normalise_url(url)
    timeout = fetch_timeout() if timeout is None else timeout
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9",
               "Accept-Encoding": "gzip, deflate"}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          timeout=httpx.Timeout(timeout), headers=headers) as client, \
                client.stream("GET", url) as response:
            redirects = tuple(str(r.url) for r in response.history)
            final = str(response.url)
            _check_status(url, response.status_code, final)
            content_type = response.headers.get("content-type", "")
            _check_type(url, content_type)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(url, max_bytes)
            chunks: list[bytes] = []
            size = 0
            # iter_bytes yields the decompressed body: the cap holds for what is unpacked.
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(url, max_bytes)
                if time.monotonic() > deadline:
                    raise _timed_out(url, timeout)
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise _timed_out(url, timeout) from None
    except httpx.TooManyRedirects:
        raise DocumentError(
            f"{url}: more than {MAX_REDIRECTS} redirects; the site is redirecting in a loop"
        ) from None
    except httpx.UnsupportedProtocol:
        raise DocumentError(
            f"{url}: redirected to an address that is not http:// or https://; not followed"
        ) from None
    except httpx.ConnectError as err:
        raise _connect_error(url, err) from None
    except httpx.DecodingError:
        raise DocumentError(f"{url}: the server sent a damaged compressed response") from None
    except (httpx.TransportError, httpx.InvalidURL) as err:
        raise DocumentError(f"{url}: could not be fetched ({_reason(err)})") from None
    body = b"".join(chunks)
    html, encoding = decode_html(body, content_type)
    return FetchedPage(url=url, final_url=final, redirects=redirects, body=body, html=html,
                       encoding=encoding, content_type=content_type)


def _check_status(url: str, status: int, final: str) -> None:
    where = url if final == url else f"{url} (redirected to {final})"
    if status == 404 or status == 410:
        raise DocumentError(f"{where}: not found (HTTP {status}); check the address")
    if status >= 500:
        raise DocumentError(
            f"{where}: the server failed (HTTP {status}); try again later"
        )
    if status >= 400:
        raise DocumentError(
            f"{where}: the server refused the request (HTTP {status}); the page may need a "
            "login, or save it from a browser and open the .html file"
        )
    if status >= 300:
        raise DocumentError(f"{where}: HTTP {status} without a usable redirect")


def _check_type(url: str, content_type: str) -> None:
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        raise DocumentError(
            f"{url}: is not a web page ({kind}); sidelight opens HTML articles — save other "
            "files and open them by path"
        )


def _too_large(url: str, max_bytes: int) -> DocumentError:
    return DocumentError(
        f"{url}: the page is larger than {max_bytes // (1024 * 1024)} MB; not read "
        "(save it and open the .html file if it is really an article)"
    )


def _timed_out(url: str, timeout: float) -> DocumentError:
    return DocumentError(
        f"{url}: no complete answer within {timeout:g} s; check the connection or try again "
        f"(${TIMEOUT_ENV} sets the limit)"
    )


def _connect_error(url: str, err: Exception) -> DocumentError:
    reason = _reason(err).lower()
    host = urlsplit(url).hostname or url
    if "name or service" in reason or "nodename" in reason or "getaddrinfo" in reason \
            or "name resolution" in reason or "no address" in reason:
        return DocumentError(f"{url}: the host {host} could not be found (DNS); check the address "
                             "and your connection")
    if "refused" in reason:
        return DocumentError(f"{url}: connection refused by {host}; is the site up?")
    return DocumentError(f"{url}: could not connect to {host} ({_reason(err)})")


def _reason(err: Exception) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__
