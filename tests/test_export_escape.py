"""Document text in an export renders as exactly itself, and never as markup."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from sidelight.annotations.markdown_escape import blockquote, escape_inline
from sidelight.annotations.markdown_notes import escape_note

HOSTILE = [
    "*emphasis* and **strong** and _under_ __score__",
    "# not a heading",
    "## also not\n### nor this",
    "> not a nested quote",
    "```\nnot a fence\n```",
    "`code` and ``more``",
    "| a | b |\n|---|---|\n| c | d |",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<!-- hidden --> after",
    "<div>\nblock html\n</div>",
    "[a](b) and [text][ref] and ![img](x.png)",
    "[ref]: https://example.com",
    "<https://example.com> and https://example.com/path and www.example.com",
    "mail me: someone@example.com",
    "bare domains bbc.co.uk and Pariswww.example.com",
    "1. not a list\n2) nor this",
    "2014. A year",
    "- bullet\n+ plus\n* star",
    "---",
    "Title\n===",
    "Title\n---",
    "trailing spaces  \nnext line",
    "trailing spaces at the end   ",
    "    indented code",
    "\tA tab at the start and\tone inside",
    "First paragraph.\n\nSecond paragraph.\n\n\nThird after two blank lines.",
    "\nleading newline",
    "trailing newline\n",
    "   ",
    "back\\slash \\* and \\\\",
    "&amp; &lt; &#x27; &copy; entities",
    "~~strike~~ and ==mark== and %%comment%% and [[wiki]] and #tag and $x^2$ math",
    "bidi \u202eevil\u202c and \u2068isolate\u2069 and \u2028sep and soft\u00adhyphen",
    "emoji 👨\u200d👩\u200d👧 and é and 漢字",
    "line one\n  indented continuation\n\tand a tab one",
    "\\",
    "!",
    ">",
    "1)",
    "-",
]

# Every renderer flavour the export has to survive: CommonMark, GFM-like (tables,
# strikethrough, bare-URL links) and HTML switched on.
PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    "gfm-like": MarkdownIt("gfm-like", {"linkify": True, "html": True}),
}
_PLAIN = {"text", "softbreak"}


def rendered_quote_texts(md: MarkdownIt, source: str) -> list[str]:
    """The text of each top-level block quote, paragraphs joined by a blank line.

    Fails if anything inside is not plain text: emphasis, code, links, HTML, hard breaks,
    headings, lists, nested quotes.
    """
    tokens = md.parse(source)
    quotes: list[str] = []
    depth = 0
    paragraphs: list[str] = []
    for tok in tokens:
        if tok.type == "blockquote_open":
            depth += 1
            assert depth == 1, "a nested block quote appeared"
            paragraphs = []
            continue
        if tok.type == "blockquote_close":
            depth -= 1
            quotes.append("\n\n".join(paragraphs))
            continue
        if depth == 0:
            continue
        if tok.type in ("paragraph_open", "paragraph_close"):
            continue
        assert tok.type == "inline", f"markup inside the quote: {tok.type}"
        paragraphs.append(_inline_text(tok))
    return quotes


def _inline_text(tok: Token) -> str:
    out = []
    for child in tok.children or []:
        assert child.type in _PLAIN, f"markup inside the quote: {child.type} {child.content!r}"
        out.append("\n" if child.type == "softbreak" else child.content)
    return "".join(out)


@pytest.mark.parametrize("flavour", sorted(PARSERS))
@pytest.mark.parametrize("quote", HOSTILE)
def test_blockquote_renders_exactly_the_quote(quote: str, flavour: str) -> None:
    md = PARSERS[flavour]
    source = blockquote(quote)
    assert all(line.startswith(">") for line in source.split("\n"))
    assert rendered_quote_texts(md, source + "\n") == [quote]
    html = md.render(source)
    assert "<script" not in html and "<a " not in html and "<img" not in html


@pytest.mark.parametrize("quote", HOSTILE)
def test_escape_inline_renders_exactly_the_text_on_one_line(quote: str) -> None:
    escaped = escape_inline(quote)
    assert "\n" not in escaped
    md = PARSERS["gfm-like"]
    # Inside a list item, as the export uses it.
    tokens = md.parse(f"- tags: {escaped}\n")
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1
    assert _inline_text(inline[0]) == f"tags: {quote}"


def test_no_control_character_survives_raw() -> None:
    text = "a\x1b[2Jb\x9bc\x00d\u202ee\x7f"
    for out in (blockquote(text), escape_inline(text), escape_note(text)):
        assert not any(ch in out for ch in "\x1b\x9b\x00\u202e\x7f")
    # Markdown cannot carry control characters; they are shown as control pictures.
    rendered = rendered_quote_texts(PARSERS["commonmark"], blockquote(text) + "\n")
    assert rendered == ["a\u241b[2Jb\ufffdc\u2400d\u202ee\u2421"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cc",), include_characters="\n\t"
        ),
        max_size=60,
    )
)
def test_any_text_round_trips_through_a_blockquote(text: str) -> None:
    assert rendered_quote_texts(PARSERS["commonmark"], blockquote(text) + "\n") == [text]


def test_note_keeps_markdown_but_not_html() -> None:
    note = "**bold** and [a link](https://example.com)\n<script>x</script> and `<b>code</b>`"
    out = escape_note(note)
    assert "**bold**" in out and "[a link](https://example.com)" in out
    html = MarkdownIt("commonmark", {"html": True}).render(out)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<code>&lt;b&gt;code&lt;/b&gt;</code>" in html


def test_note_with_an_open_fence_is_closed() -> None:
    out = escape_note("look:\n```\ncode <b>")
    assert out.endswith("\n```")
    assert "code <b>" in out  # inside code, kept as written


@pytest.mark.parametrize(
    "note",
    [
        "`` <img src=x onerror=alert(1)> `",  # backtick runs of different lengths: no code
        "```info`with`backticks\n<img src=x onerror=alert(1)>",  # not a fence
        "`starts here\nand ends` <img src=x onerror=alert(1)> `",  # a span over two lines
        "\\`<img src=x onerror=alert(1)>`",  # an escaped backtick opens nothing
    ],
)
def test_note_cannot_smuggle_html_past_the_code_guess(note: str) -> None:
    tokens = MarkdownIt("commonmark", {"html": True}).parse(escape_note(note))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block"}


def test_note_code_spans_of_any_length_keep_their_words() -> None:
    html = MarkdownIt("commonmark", {"html": True}).render(
        escape_note("``a`<u>`` and `<i>` and <b>")
    )
    assert "<code>a`&lt;u&gt;</code>" in html and "<code>&lt;i&gt;</code>" in html
    assert "<b>" not in html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="`<>ab \n\\~-", max_size=40))
def test_no_note_ever_renders_html(note: str) -> None:
    tokens = MarkdownIt("commonmark", {"html": True}).parse(escape_note(note + "<b>"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block"}
