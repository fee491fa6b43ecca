"""Bytes of a web page to text: byte-order mark, then the HTTP header's charset, then the
page's own ``<meta>`` declaration, then UTF-8, then Windows-1252 (what browsers assume).

Labels browsers treat as Windows-1252 (``iso-8859-1``, ``latin1``, ``us-ascii``) are read as
such, so that curly quotes from such pages are quotes and not C1 control characters.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_AS_WINDOWS_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                              "us-ascii", "ascii", "iso_8859-1", "cp819", "windows-1252"})
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# Where browsers look for the <meta> declaration.
_PRESCAN_BYTES = 4096


def charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def charset_from_meta(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page served in UTF-16 declares it in a BOM; a <meta> naming it is a lie in ASCII.
    return None if name.startswith("utf-16") or name.startswith("utf-32") else name


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """The page's text and the name of the encoding it was read with. Never raises: bytes the
    encoding cannot map become U+FFFD."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, "replace"), name
    for label in (charset_from_header(content_type), charset_from_meta(data)):
        name = _codec(label)
        if name:
            return data.decode(name, "replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), "cp1252"
