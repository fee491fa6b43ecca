"""Whether bytes of unknown kind (a pipe, a file without a telling suffix) are an HTML page:
what the first non-blank bytes say, as browsers sniff it."""

from __future__ import annotations

import codecs
import re

_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|"
    rb"script|style|link|table|h[1-6]|main|section|header|nav)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF_BYTES = 1024


def looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom):]
    return bool(_HTML_START.match(head))
