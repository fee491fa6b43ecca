"""What sidelight knows about a web article besides its text: plain data, JSON round trip."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata of an article. Every field is text from the page (untrusted) or empty.

    ``url`` is the page's canonical address when it names one, else the address it was read
    from; ``fetched`` (ISO 8601 UTC) and ``snapshot`` (the raw HTML's sha256) are set for
    pages that came over the network and were kept in the snapshot library.
    """

    title: str = ""
    authors: tuple[str, ...] = ()
    site_name: str = ""
    date: str = ""
    url: str = ""
    language: str = ""
    fetched: str = ""
    snapshot: str = ""
    # The address the page was asked for and, after redirects, the one that answered.
    requested_url: str = ""
    final_url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "site_name": self.site_name,
            "date": self.date,
            "url": self.url,
            "language": self.language,
            "fetched": self.fetched,
            "snapshot": self.snapshot,
            "requested_url": self.requested_url,
            "final_url": self.final_url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageMeta:
        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        authors = data.get("authors")
        return cls(
            title=text("title"),
            authors=tuple(a for a in authors if isinstance(a, str))
            if isinstance(authors, list)
            else (),
            site_name=text("site_name"),
            date=text("date"),
            url=text("url"),
            language=text("language"),
            fetched=text("fetched"),
            snapshot=text("snapshot"),
            requested_url=text("requested_url"),
            final_url=text("final_url"),
        )
