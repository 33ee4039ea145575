"""Markdown: headings, paragraphs and list items from markdown-it-py's block parse.

Offsets stay in the Markdown source: a block's span covers its source lines, so inline
markup (``**bold**``, ``*emphasis*``, links) stays inside the unit text, and a list
item keeps its bullet (``- ``, ``1. ``), which the marker grammar reads as a list
marker. Block rules follow CommonMark 0.31 (ATX and setext headings, lists, block
quotes); code, tables, raw HTML and YAML front matter are boilerplate.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any, cast

from argmap.headline import headline_style
from argmap.model import Boilerplate, Span

__all__ = ["MarkdownBlocks", "inline_text", "inline_texts", "looks_like_markdown",
           "markdown_blocks", "reference_env"]

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
            item = _ITEM_LEAD.match(text, span.start, span.end) \
                if n and tokens[n - 1].type == "list_item_open" else None
            label = _run_in_label(text, Span(item.end() if item else span.start, span.end))
            if label is not None:
                boilerplate.append(Boilerplate(label, "run-in-heading", label.slice(text)))
                if item is None:  # a list item keeps its bullet (the segmenter skips
                    # the label: segment._skip_labels)
                    span = Span(_skip_space(text, label.end, span.end), span.end)
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


#: A paragraph's opening emphasis or strong run that ends in a full stop or a colon,
#: inside or right after its closing delimiter, with more text after it: "**Summary.**
#: The state should …", "__Note__: …", "*Background.* …".
_RUN_IN = re.compile(r"(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]{1,80}?)([.:]?)(?<=\S)\1([.:]?)"
                     r"[ \t]+(?=\S)")
#: The bullet or number that opens a list item's first paragraph, with its white space.
_ITEM_LEAD = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
#: Longest run-in label, in words.
RUN_IN_MAX_WORDS = 5


def _run_in_label(text: str, span: Span) -> Span | None:
    """The span of the run-in label that opens the paragraph at ``span`` ("**Summary.**",
    "*Key findings:*", with its delimiters and stop), or ``None``.

    A run-in head opens its paragraph in bold or italic and ends in a full stop
    (Chicago's fifth heading level: "run in at beginning of paragraph, boldface or
    italic type, … terminal period"; Dominican University, "Chicago formatting",
    research.dom.edu/citations/chicagoformatting); it labels the paragraph and is no
    claim. A bold or italic run at the paragraph's start, of at most
    ``RUN_IN_MAX_WORDS`` words starting with a capital, with text after it, is one when
    it ends in a colon, or in a full stop and is one word or in headline style
    (:func:`~argmap.headline.headline_style`). A bold sentence ("**Act now.** The
    deadline …", "**Fees must fall.** …") is not, and stays in the paragraph.

    Example:
        >>> src = "**Summary.** The state should act."
        >>> _run_in_label(src, Span(0, len(src))).slice(src)
        '**Summary.**'
        >>> _run_in_label("**Fees must fall.** They deter students.", Span(0, 40)) is None
        True
    """
    m = _RUN_IN.match(text, span.start, span.end)
    if m is None or bool(m[3]) == bool(m[4]) or not m[2][0].isupper():
        return None
    words = len(m[2].split())
    if words > RUN_IN_MAX_WORDS or (
            (m[3] or m[4]) == "." and words > 1 and not headline_style(m[2])):
        return None
    return Span(m.start(), m.end(4))


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _line_span(text: str, starts: list[int], lines: list[int]) -> Span:
    first, last = lines[0], lines[1]
    start = starts[first] if first < len(starts) else len(text)
    end = starts[last] if last < len(starts) else len(text)
    return Span(start, max(start, end))


def _trim(text: str, span: Span) -> Span:
    chunk = span.slice(text)
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


#: What may mark where each piece of a paragraph begins while the pieces are parsed
#: together: rare punctuation (U+2E19 PALM BRANCH, U+2E3C, U+2058; the first that the
#: paragraph lacks). Next to punctuation a delimiter run can open (before a word) and
#: close (after one) as it does after the space, comma or nothing that the mark
#: follows, ``_`` too (CommonMark 0.31 §6.2, left- and right-flanking runs).
_MARKS = ("\u2e19", "\u2e3c", "\u2058")
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
#: The block-quote markers that open the later lines of a quoted paragraph ("\n> "; a
#: line indented four spaces or more cannot open a block quote, CommonMark 0.31 §5.1).
_QUOTED_LINE = re.compile(r"\n(?:[ ]{0,3}>[ \t]?)+")
#: A piece that ends with an emphasis delimiter run or a separator (which only markup or
#: a block-quote marker after it kept in the unit): what the segmenter would have
#: trimmed from the unit's end is trimmed once the piece is read.
_UNTRIMMED_END = re.compile(r"[*_,;:\u2014\u2013-]\s*\Z")


def inline_text(source: str, env: dict[str, Any] | None = None) -> str:
    """The text a reader sees of Markdown inline ``source``, without its markup.

    Emphasis and strong emphasis lose their delimiters, links and images keep their
    text (``[the report](https://…)`` reads ``the report``), code spans keep their
    content, raw inline HTML is dropped (``<br>`` becomes a space), entities and
    backslash escapes are decoded and line breaks become spaces: the inline rules of
    CommonMark 0.31, as markdown-it-py parses them. Delimiters that match nothing stay,
    as CommonMark keeps them (``word*``, ``a_b_``). ``env`` is markdown-it-py's
    environment of the whole document (from :func:`reference_env`), without which a
    reference link ``[text][1]`` stays as written.

    Example:
        >>> inline_text("Fees are **high** (see [the report](https://example.org)).")
        'Fees are high (see the report).'
        >>> inline_text(r"costs rise* sharply, \\*not\\* `a*b`")
        'costs rise* sharply, *not* a*b'
    """
    return inline_texts([source], env=env)[0]


def inline_texts(pieces: Sequence[str], gaps: Sequence[str] | None = None,
                 env: dict[str, Any] | None = None) -> list[str]:
    """:func:`inline_text` of each of ``pieces``: consecutive parts of one Markdown
    paragraph, in text order (the labels of its units), read as the paragraph.

    A unit can begin or end inside an emphasis: "**fees are high, but** costs …" is cut
    into two units, each holding one half of the ``**`` pair, and "high *because* costs"
    leaves the opening ``*`` with the first. Parsed alone, each label would keep its
    half as a literal delimiter; parsed together, as the paragraph they were cut from,
    the pair matches as it does for the reader of the page. ``gaps[i]`` is the text
    between piece ``i`` and piece ``i + 1`` in the paragraph (white space and separating
    punctuation, ``len(pieces) - 1`` of them); without them a space is assumed, which a
    delimiter that touched the next piece no longer reads the same. Each piece's text
    ends before its gap. If the paragraph holds every character that may mark where
    pieces begin (:data:`_MARKS`), or markup swallows one of the marks (a cut inside an
    HTML tag), each piece is parsed alone. Block-quote markers at the start of a later
    line ("\\n> ") are not text.

    Example:
        >>> inline_texts(["Fees are high *", "because* costs rise."], [""])
        ['Fees are high', 'because costs rise.']
        >>> inline_texts(["**Fees are high", "but costs** rise."], [", "])
        ['Fees are high', 'but costs rise.']
    """
    if not any(_MARKUP & set(piece) for piece in pieces):
        return list(pieces)  # no markup: most paragraphs
    between = list(gaps) if gaps is not None else [" "] * (len(pieces) - 1)
    everything = "".join([*pieces, *between])
    mark = next((m for m in _MARKS if m not in everything), None)
    if len(pieces) > 1 and len(between) == len(pieces) - 1 and mark is not None:
        joined = pieces[0] + "".join(gap + mark + piece
                                     for gap, piece in zip(between, pieces[1:], strict=True))
        shown = _rendered(_QUOTED_LINE.sub("\n", joined), env).split(mark)
        if len(shown) == len(pieces):
            return [_trimmed(text, piece, gap) for text, piece, gap
                    in zip(shown, pieces, [*between, ""], strict=True)]
    return [_rendered(_QUOTED_LINE.sub("\n", piece), env) for piece in pieces]


_SPACE = " \t\n\r\f\v\u00a0"
#: The separators that the segmenter trims from a unit's end (:func:`argmap.segment._strip`).
_SEPARATORS = ",;:\u2014\u2013-"


def _trimmed(text: str, piece: str, gap: str) -> str:
    """A piece's ``text`` as read in its paragraph, without the ``gap`` after it (read
    too) and without the white space that its markup left at either end; a piece that
    ended with a delimiter run ("high; **") loses the separators before the run, as
    the segmenter would have trimmed them without it (so does one that ended with a
    separator and a block-quote marker: "rise,\\n>")."""
    text = text.strip(_SPACE)
    rest = " ".join(_QUOTED_LINE.sub("\n", gap).split())
    if rest and text.endswith(rest):
        text = text[: -len(rest)].rstrip(_SPACE)
    if _UNTRIMMED_END.search(_QUOTED_LINE.sub("\n", piece)):
        text = text.rstrip(_SPACE + _SEPARATORS)
    return text


#: Characters without which a text has no inline markup, entity or escape to read.
_MARKUP = frozenset("*_`[]<>&\\\n!")


def reference_env(document: str) -> dict[str, Any]:
    """markdown-it-py's environment of a Markdown ``document``: its link reference
    definitions (``[1]: https://…``), for :func:`inline_text`.

    The document is parsed once for its last few callers (a drawing asks for its labels
    and for its headings, the HTML page for its panel too); each gets a fresh dict
    around the shared definitions, which the inline parse only reads."""
    return {"references": _references(document)}


@functools.lru_cache(maxsize=4)
def _references(document: str) -> dict[str, Any]:
    env: dict[str, Any] = {}
    _inline_parser().parse(document, env)
    return cast(dict[str, Any], env.get("references", {}))


def _rendered(source: str, env: dict[str, Any] | None) -> str:
    """The text of markdown-it-py's inline parse of ``source`` (see :func:`inline_text`)."""
    pieces: list[str] = []
    for token in _inline_parser().parseInline(source, env)[0].children or []:
        if token.type in ("text", "code_inline", "image"):
            pieces.append(token.content)  # an image's content is its alt text
        elif token.type in ("softbreak", "hardbreak") or (
                token.type == "html_inline" and _LINE_BREAK.fullmatch(token.content)):
            pieces.append(" ")
    return "".join(pieces)


_PARSER: list[Any] = []


def _inline_parser() -> Any:
    """markdown-it-py's CommonMark parser, made at the first use (imported lazily)."""
    if not _PARSER:
        from markdown_it import MarkdownIt

        _PARSER.append(MarkdownIt("commonmark"))
    return _PARSER[0]
