"""Markdown: headings, paragraphs and list items from markdown-it-py's block parse.

Offsets stay in the Markdown source: a block's span covers its source lines, so inline
markup (``**bold**``, ``*emphasis*``, links) stays inside the unit text, and a list
item keeps its bullet (``- ``, ``1. ``), which the marker grammar reads as a list
marker. Block rules follow CommonMark 0.31 (ATX and setext headings, lists, block
quotes); code, tables, raw HTML and YAML front matter are boilerplate.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.model import Boilerplate, Span

__all__ = ["MarkdownBlocks", "inline_text", "looks_like_markdown", "markdown_blocks"]

#: ``(kind, span)`` per block (``title``, ``heading`` or ``paragraph``), and boilerplate.
MarkdownBlocks = tuple[list[tuple[str, Span]], list[Boilerplate]]

_FRONT_MATTER = re.compile(
    r"\A(\ufeff?---[ \t]*\r?\n)(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_QUOTE_PREFIX = re.compile(r"(?:[ \t]*>[ \t]?)+")
_BOILERPLATE = {"fence": "code", "code_block": "code", "html_block": "html",
                "table_open": "table"}
#: Syntax that plain text rarely has: ATX headings, fences, bold, links, block quotes.
#: List bullets and numbers are left out: plain text has them too, and the plain-text
#: reader handles them.
_SIGNS = re.compile(r"^(?:#{1,6}[ \t]+\S|```|~~~|>[ \t])|\*\*[^\s*]|__[^\s_]|\]\(",
                    re.MULTILINE)


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` shows Markdown syntax: at least two ATX headings, fences, links,
    bold runs or block-quote lines in its first 20,000 characters.

    Example:
        >>> looks_like_markdown("# Fees\\n\\nFees **must** fall.\\n")
        True
        >>> looks_like_markdown("Fees must fall. However, costs rise.")
        False
    """
    return len(_SIGNS.findall(text[:20000])) >= 2


def markdown_blocks(text: str) -> MarkdownBlocks:
    """Parse Markdown ``text`` into block spans.

    The first level-1 heading before any paragraph is the title; every other heading
    opens a section. Short one-line paragraphs without a sentence end above the first
    prose paragraph (bylines, datelines) are boilerplate of kind ``meta``. Each
    paragraph, including each paragraph of a list item or a block quote, is a block;
    block-quote ``>`` prefixes are left out of the first line's span.

    Returns:
        ``(blocks, boilerplate)``: ``(kind, span)`` pairs in text order, spans being
        character offsets into ``text``; and the excluded blocks (``front-matter``,
        ``code``, ``table``, ``html``) with their spans.

    Example:
        >>> src = "# Why Fees Fail\\n\\nFees rise.\\n\\n- Cut *fees*\\n"
        >>> blocks, _ = markdown_blocks(src)
        >>> [(kind, span.slice(src)) for kind, span in blocks]
        [('title', 'Why Fees Fail'), ('paragraph', 'Fees rise.'), ('paragraph', '- Cut *fees*')]
    """
    from markdown_it import MarkdownIt

    boilerplate: list[Boilerplate] = []
    masked = text
    front = _FRONT_MATTER.match(text)
    if front:
        span = _trim(text, Span(len(front.group(1)) - len(front.group(1).lstrip("\ufeff")),
                                front.end()))
        boilerplate.append(Boilerplate(span, "front-matter", span.slice(text)))
        masked = re.sub(r"[^\r\n]", " ", text[: front.end()]) + text[front.end():]
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", masked)]
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(masked)
    blocks: list[tuple[str, Span]] = []
    skip_until = -1
    quoted = 0
    for n, token in enumerate(tokens):
        quoted += {"blockquote_open": 1, "blockquote_close": -1}.get(token.type, 0)
        if n <= skip_until or token.map is None:
            continue
        lines = _line_span(text, starts, token.map)
        if token.type in _BOILERPLATE:
            if token.type == "table_open":
                skip_until = next(i for i in range(n, len(tokens))
                                  if tokens[i].type == "table_close")
            span = _trim(text, lines)
            if len(span):
                boilerplate.append(Boilerplate(span, _BOILERPLATE[token.type],
                                               span.slice(text)))
        elif token.type == "heading_open":
            inline = tokens[n + 1]
            first = _line_span(text, starts, [token.map[0], token.map[0] + 1])
            at = text.find(inline.content, first.start, first.end) if inline.content else -1
            if at < 0:
                continue
            span = Span(at, at + len(inline.content))
            is_title = token.tag == "h1" and not blocks
            blocks.append(("title" if is_title else "heading", span))
        elif token.type == "paragraph_open":
            span = _trim(text, lines)
            quote = _QUOTE_PREFIX.match(text, span.start)
            if quote and quoted:
                span = Span(quote.end(), span.end)
            if len(span):
                blocks.append(("paragraph", span))
    blocks = _bylines(text, blocks, boilerplate)
    return blocks, sorted(boilerplate, key=lambda b: b.span)


#: Longest line (in words) that can be a byline, dek or date line above the first prose.
BYLINE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…。！？:;：]['\"”’)\]*_`]*$")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s")


def _bylines(text: str, blocks: list[tuple[str, Span]],
             boilerplate: list[Boilerplate]) -> list[tuple[str, Span]]:
    """Move short unpunctuated paragraphs above the first prose paragraph ("*by A.
    Writer, 1849*", "March 2026 · 5 min read") to boilerplate of kind ``meta``: like
    the plain-text reader's furniture above the first paragraph (DESIGN.md, ingest)."""
    kept: list[tuple[str, Span]] = []
    meta: list[Boilerplate] = []
    prose_seen = False
    for kind, span in blocks:
        chunk = span.slice(text)
        furniture = (kind == "paragraph" and not prose_seen and not _BULLET.match(chunk)
                     and "\n" not in chunk and len(chunk.split()) <= BYLINE_MAX_WORDS
                     and not _SENTENCE_END.search(chunk))
        if furniture:
            meta.append(Boilerplate(span, "meta", chunk))
            continue
        prose_seen = prose_seen or kind == "paragraph"
        kept.append((kind, span))
    if not any(kind == "paragraph" for kind, _ in kept):
        return blocks  # nothing reads as prose: keep the short lines as text
    boilerplate.extend(meta)
    return kept


def _line_span(text: str, starts: list[int], lines: list[int]) -> Span:
    first, last = lines[0], lines[1]
    start = starts[first] if first < len(starts) else len(text)
    end = starts[last] if last < len(starts) else len(text)
    return Span(start, max(start, end))


def _trim(text: str, span: Span) -> Span:
    chunk = span.slice(text)
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


#: A delimiter run of emphasis (``*``, ``**``, ``_``, ``__``, ``***``) that touches a word
#: on one side only: the opening or closing half of an emphasis whose other half lies
#: outside the text (CommonMark 0.31 §6.2, left- and right-flanking runs).
_STRAY_DELIMITER = re.compile(r"(?<!\w)(?:\*{1,3}|_{1,3})(?=\w)"
                              r"|(?<=\w)(?:\*{1,3}|_{1,3})(?!\w)")
#: Private-use stand-ins for the escaped ``\*`` and ``\_`` while stray runs are removed.
_ESCAPED = {"\\*": "\ue000", "\\_": "\ue001"}
_UNESCAPED = str.maketrans({"\ue000": "*", "\ue001": "_"})


def inline_text(source: str) -> str:
    r"""The text a reader sees of Markdown inline ``source``, without its markup.

    Emphasis and strong emphasis lose their delimiters, links and images keep their
    text (``[the report](https://…)`` reads ``the report``), code spans keep their
    content, raw inline HTML is dropped, entities and backslash escapes are decoded and
    line breaks become spaces: the inline rules of CommonMark 0.31, parsed by
    markdown-it-py. A unit can begin or end inside an emphasis (a clause boundary in
    ``**high, but** costs``); the half of that emphasis inside the unit, a delimiter run
    touching a word on one side only, is dropped too. Escaped ``\*`` and ``\_`` stay.

    Example:
        >>> inline_text("Fees are **high** (see [the report](https://example.org)).")
        'Fees are high (see the report).'
        >>> inline_text("costs rise** sharply, \\*not\\* `a*b`")
        'costs rise sharply, *not* a*b'
    """
    if not any(c in source for c in "*_`[]<>&\\\n!"):
        return source  # no markup: most labels
    escaped = source
    for escape, stand_in in _ESCAPED.items():
        escaped = escaped.replace(escape, stand_in)
    pieces: list[str] = []
    for token in _inline_parser().parseInline(escaped)[0].children or []:
        if token.type == "text":
            pieces.append(_STRAY_DELIMITER.sub("", token.content))
        elif token.type in ("code_inline", "image"):
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return "".join(pieces).translate(_UNESCAPED)


_PARSER: list[Any] = []


def _inline_parser() -> Any:
    """markdown-it-py's CommonMark parser, made at the first use (imported lazily)."""
    if not _PARSER:
        from markdown_it import MarkdownIt

        _PARSER.append(MarkdownIt("commonmark"))
    return _PARSER[0]
