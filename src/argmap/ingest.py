"""Read text into a ``Document``: paragraphs, headings, title and boilerplate, with spans."""

from __future__ import annotations

import enum
import functools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import NamedTuple

import attrs

from argmap.decode import decode
from argmap.exceptions import EmptyInputError, InputError
from argmap.furniture import CONTRIBUTOR_LINES, contributor_note, furniture
from argmap.headline import headline_style
from argmap.html import extract_html, looks_like_html
from argmap.markdown import looks_like_markdown, markdown_blocks
from argmap.model import Boilerplate, Span, _unchecked_span

__all__ = ["FORMATS", "LEAD_IN_DASHES", "SUFFIXES", "Block", "BlockKind", "Document",
           "read_document"]

#: Longest line (in words) that can be a heading, a title or a navigation line.
HEADING_MAX_WORDS = 12
NAVIGATION_MAX_WORDS = 6
#: Lines this close to either end of the page can be a disclaimer.
EDGE_LINES = 5


class BlockKind(str, enum.Enum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


@attrs.frozen
class Block:
    """A title, heading or paragraph; ``span`` excludes its surrounding whitespace."""

    kind: BlockKind
    span: Span
    text: str


@attrs.frozen
class Document:
    """Decoded text split into blocks; everything else is boilerplate with its span.

    Attributes:
        text: the decoded input, unchanged; every span indexes into it.
        blocks: title, headings and paragraphs in text order.
        boilerplate: excluded lines with their kind (``navigation``, ``meta``, ``tags``,
            ``disclaimer``, ``foreign-script``, and the front and back matter kinds of
            ``argmap.furniture.FURNITURE_KINDS``: ``byline``, ``credit`` …).
        source: the file name, or ``None`` for text given directly.
        encoding: the encoding the bytes were decoded with, or ``None`` for ``str`` input.
        format: what the input was read as: ``text``, ``markdown`` or ``html``.
        text_source: ``original`` when ``text`` is the decoded input itself,
            ``extracted`` when it is the main text taken out of an HTML page.
    """

    text: str
    blocks: tuple[Block, ...]
    boilerplate: tuple[Boilerplate, ...] = ()
    source: str | None = None
    encoding: str | None = None
    format: str = "text"
    text_source: str = "original"

    @property
    def title(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.TITLE), None)

    @classmethod
    def from_text(cls, text: str, *, source: str | None = None,
                  encoding: str | None = None) -> Document:
        """Split decoded text into blocks and boilerplate.

        Examples:
            >>> doc = Document.from_text("Why Fees Fail\\n\\nFees rise. Enrolment falls.\\n")
            >>> [(b.kind.value, b.text) for b in doc.blocks]
            [('title', 'Why Fees Fail'), ('paragraph', 'Fees rise. Enrolment falls.')]
        """
        blocks, boilerplate = _split(text)
        return cls(text=text, blocks=tuple(blocks), boilerplate=tuple(boilerplate),
                   source=source, encoding=encoding)


#: Input formats ``read_document`` knows; ``auto`` picks one from the name and content.
FORMATS = ("auto", "text", "markdown", "html")
_SUFFIXES = {".txt": "text?", ".text": "text?", ".md": "markdown", ".markdown": "markdown",
             ".mdown": "markdown", ".mkd": "markdown", ".html": "html", ".htm": "html",
             ".xhtml": "html"}
#: The file extensions ``read_document`` knows, in any case: text, Markdown and HTML.
SUFFIXES = tuple(_SUFFIXES)


def read_document(source: str | bytes | os.PathLike[str], *, encoding: str | None = None,
                  format: str = "auto") -> Document:
    """Read a path, bytes or text into a :class:`Document`.

    A ``str`` that names an existing file (one line, no newline) is read as a path;
    any other ``str`` is the text itself. With ``format="auto"`` the file extension
    decides (``.html``/``.htm``: HTML; ``.md``/``.markdown``: Markdown; ``.txt``: text,
    unless it starts like an HTML page); without one, text that starts like an HTML
    page is HTML, text with Markdown syntax (headings, bullets, fences, links, bold) is
    Markdown, and anything else is text.

    Args:
        source: a path, the raw bytes of a file, or the text.
        encoding: decode bytes with this codec instead of detecting it.
        format: ``auto``, ``text``, ``markdown`` or ``html``.

    Returns:
        The document. For HTML its ``text`` is the extracted main text
        (``text_source == "extracted"``); otherwise it is the decoded input.

    Raises:
        InputError: the file is missing, a directory, unreadable, binary (NUL bytes, a
            PDF, an image), or not decodable; or ``format`` is unknown.
        EmptyInputError: the input is empty ("… is empty"), only white space ("… holds
            only white space"), or (HTML) only boilerplate.
    """
    if format not in FORMATS:
        raise InputError(f"unknown input format {format!r}; use one of {', '.join(FORMATS)}")
    name: str | None = None
    if isinstance(source, str) and "\n" not in source and len(source) < 4096 \
            and source and os.path.exists(source):
        source = Path(source)
    if isinstance(source, os.PathLike):
        path = Path(source)
        name = str(path)
        if format == "auto":
            format = _SUFFIXES.get(path.suffix.lower(), "auto")
        if path.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        try:
            source = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    used: str | None = None
    where = name or "input"
    if isinstance(source, bytes):
        text, used = decode(source, encoding, where)
    else:
        text = source
    if _blank(text):
        raise EmptyInputError(f"{where} is empty" if not text else
                              f"{where} holds only white space")
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{where} is not valid Unicode text: a lone surrogate "
                         f"at character {exc.start}") from None
    if b"\x00" in encoded:  # U+0000 is the one character whose UTF-8 holds a zero byte
        raise InputError(f"{where} looks binary (it contains NUL characters)")
    if format == "text?":  # a .txt file: text, unless it is a saved HTML page
        format = "html" if looks_like_html(text) else "text"
    if format == "auto":
        format = "html" if looks_like_html(text) else \
            "markdown" if looks_like_markdown(text) else "text"
    if format == "html":
        return _from_html(text, name, used)
    if format == "markdown":
        blocks, boiler = _contributor_block(text, *markdown_blocks(text))
        return Document(text=text, blocks=tuple(Block(BlockKind(k), s, s.slice(text))
                                                for k, s in blocks),
                        boilerplate=tuple(boiler), source=name, encoding=used,
                        format="markdown")
    return Document.from_text(text, source=name, encoding=used)


def _contributor_block(text: str, blocks: list[tuple[str, Span]], boiler: list[Boilerplate],
                       ) -> tuple[list[tuple[str, Span]], list[Boilerplate]]:
    """Markdown ``blocks`` and ``boiler`` with the contributor note that ends the text
    (:func:`argmap.furniture.contributor_note`; in Markdown often in italics) moved to
    boilerplate of kind ``contributor``, as the plain-text reader moves it."""
    paragraphs = [n for n, (kind, _) in enumerate(blocks) if kind == "paragraph"]
    if len(paragraphs) < 2 or paragraphs[-1] != len(blocks) - 1:
        return blocks, boiler
    tail = paragraphs[-CONTRIBUTOR_LINES:]
    first = contributor_note([" ".join(blocks[n][1].slice(text).split()) for n in tail], _cues())
    if first is None:
        return blocks, boiler
    noted = [Boilerplate(blocks[n][1], "contributor", blocks[n][1].slice(text))
             for n in tail[first:]]
    return blocks[: tail[first]], sorted([*boiler, *noted], key=lambda b: b.span)


def _from_html(markup: str, name: str | None, encoding: str | None) -> Document:
    text, parts = extract_html(markup, name=name or "input")
    blocks = [Block(BlockKind(k), s, s.slice(text)) for k, s in parts if k != "minor-heading"]
    boiler = [Boilerplate(s, "minor-heading", s.slice(text))
              for k, s in parts if k == "minor-heading"]
    return Document(text=text, blocks=tuple(blocks), boilerplate=tuple(boiler), source=name,
                    encoding=encoding, format="html", text_source="extracted")


# ---------------------------------------------------------------- line classification


class _Line(NamedTuple):
    """One line that is not blank: its content, without surrounding whitespace and
    invisible characters, is ``text[start:end]``."""

    start: int
    end: int
    text: str
    indented: bool
    blank_before: bool

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _lines(text: str) -> Iterator[_Line]:
    """The lines of ``text`` that are not blank; ``\\r\\n``, ``\\r`` and ``\\n`` end a line."""
    if "\r" in text:
        # Same offsets, one separator: "\r\n" -> " \n" (the space is stripped with the
        # line's other whitespace), a lone "\r" -> "\n".
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    blank = True
    start = 0
    for raw in text.split("\n"):
        content = raw.strip().strip(_INVISIBLE).strip()
        if content:
            # the first occurrence, as before: "\u200b\u2028\u200b" keeps its first
            # zero-width space (the last strip removes only whitespace)
            lead = 0 if len(content) == len(raw) else raw.index(content)
            yield _Line(start + lead, start + lead + len(content), content, lead > 0, blank)
        blank = not content
        start += len(raw) + 1


#: Characters that are whitespace to a reader but not to ``str.strip``.
_INVISIBLE = " \t\r\n\u00a0\ufeff\u200b\u200c\u200d\u2060\u3000"


def _blank(text: str) -> bool:
    """Whether the text holds nothing but whitespace and invisible characters."""
    return not text.strip().strip(_INVISIBLE).strip()


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[\x00-\x7f]+")


def _scripts(text: str) -> Counter[str]:
    """Letters per Unicode script (the first word of the character's name).

    The scripts come in the order of their first non-ASCII letter, then ``LATIN`` for
    the ASCII letters if no other Latin letter put it there first: ``most_common``
    breaks ties by that order.
    """
    latin = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    counts: Counter[str] = Counter()
    if not text.isascii():
        # each distinct character is named once: Counter keeps first-occurrence order
        for ch, n in Counter(_NON_ASCII.sub("", text)).items():
            if ch.isalpha():
                counts[_script(ch)] += n
    if latin:
        counts["LATIN"] += latin
    return counts


def _latin_majority(text: str) -> bool:
    """Whether the ``LATIN`` letters of ``text`` surely outnumber all its other letters
    together: a quick test that says so when its ASCII "e"s alone outnumber its non-ASCII
    characters (each of which takes two bytes or more in UTF-8). ``False`` says nothing.

    Then ``LATIN`` is the most common script of :func:`_scripts` whatever the order of
    its counts, and holds more than half the letters."""
    return text.count("e") > len(text.encode("utf-8", "surrogatepass")) - len(text)


def _body_script(text: str) -> str:
    """The script of most letters of ``text`` (``LATIN`` if it has none), as
    ``_scripts(text).most_common(1)`` names it, without counting when
    :func:`_latin_majority` already answers."""
    if _latin_majority(text):
        return "LATIN"
    scripts = _scripts(text)
    return scripts.most_common(1)[0][0] if scripts else "LATIN"


def _foreign(text: str, body_script: str) -> bool:
    """Whether fewer than half the letters of ``text`` (if it has any) are of the body's
    script."""
    if text.isascii():  # its letters, if any, are all Latin
        return body_script != "LATIN" and _ASCII_LETTER.search(text) is not None
    if body_script == "LATIN" and _latin_majority(text):
        return False
    letters = _scripts(text)
    total = sum(letters.values())
    return bool(total) and letters.get(body_script, 0) / total < 0.5


_ASCII_LETTER = re.compile(r"[A-Za-z]")


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    from argmap.grammar import grammar_terminals

    cues = {}
    for term in grammar_terminals("boilerplate"):
        flags = re.IGNORECASE if "i" in term.pattern.flags else 0
        cues[term.name] = re.compile(rf"(?<!\w)(?:{term.pattern.value})(?!\w)", flags)
    return cues


#: A date or a time of day. Each starts with a digit or the capital of a month's name,
#: so a lookahead for one of those comes first: at most characters of a line it fails
#: at once, without trying the alternatives (a search is then about twice as fast).
_DATE = re.compile(
    r"(?=[\dJFMASOND])\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})\b"
)
_DIGIT = re.compile(r"\d")
_COLUMNS = re.compile(r"\S(?:[ \t\u00a0\u3000]{3,})\S")
#: "Home | News", "[Home | News]"; no "[" inside the bracket, so a search is linear.
_SEPARATORS = re.compile(r"\s[|»›>•·/]\s|\[[^\][|\n]*\|")
#: Characters one of which every match of ``_SEPARATORS`` holds.
_SEPARATOR_CHARS = "|»›>•·/"
_LABELLED_LIST = re.compile(r"^[^\s:：]{1,24}\s*[:：]\s*(?P<items>.+)$")
_ITEM_SPLIT = re.compile(r"\s{2,}|[,;|、，]\s*")
#: What ends a sentence or clause, and what may close after it (quotes, brackets).
_STOPS = frozenset(".!?:;,…。！？；：")
#: The stops a heading may end with: a question or an exclamation mark.
_HEADING_STOPS = frozenset("?!？！")
_QUESTION_STOPS = frozenset("?？")
_CLOSING = "'\"”’)]」』）"
#: A list item line: "1. …", "2) …", "- …", "* …", "• …".
_LIST_LINE = re.compile(r"^(?:\d{1,2}[.)]|[-*•+])\s+\S")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
#: What a block that goes on with the sentence before it may start with: a dash or dots.
_CONTINUING = "-\u2013\u2014\u2015.\u2026"
#: Matches a text of more than ``n`` words (runs of ``\w``), for ``n`` in the keys.
_MORE_WORDS = {n: re.compile(rf"\W*(?:\w+\W+){{{n}}}\w")
               for n in (NAVIGATION_MAX_WORDS, HEADING_MAX_WORDS)}


def _ends_with_stop(text: str, stops: Collection[str] = _STOPS) -> bool:
    """Whether ``text`` ends with a stop (``.!?:;,…`` and their CJK forms, or one of
    ``stops``), maybe followed by closing quotes or brackets; like a regex ``$``, a
    final newline is skipped."""
    body = text.removesuffix("\n").rstrip(_CLOSING)
    return bool(body) and body[-1] in stops


def _has_date(text: str) -> bool:
    """Whether a date or a time of day (``_DATE``) occurs in ``text``.

    Every date holds a digit, and one that starts before the first digit of the text
    is a month name right before it ("Jan. 5, 2020": the name, maybe a full stop, one
    space), so the search can start after the last space before that space.
    """
    digit = _DIGIT.search(text)
    if digit is None:
        return False
    start = text.rfind(" ", 0, max(digit.start() - 1, 0)) + 1
    return _DATE.search(text, start) is not None


def _has_columns(text: str) -> bool:
    """Whether ``text`` holds a gap of three or more blanks (spaces, tabs, no-break and
    ideographic spaces) between two other characters (``_COLUMNS``)."""
    if "   " not in text and "\t" not in text and "\u00a0" not in text \
            and "\u3000" not in text:
        return False  # a gap of three blanks is three spaces or holds another blank
    return _COLUMNS.search(text) is not None


def _separated(text: str, separators: str = _SEPARATOR_CHARS) -> bool:
    """Whether ``text`` holds a menu separator (``_SEPARATORS``: "Home | News");
    ``separators`` may leave out characters of ``_SEPARATOR_CHARS`` that ``text`` lacks."""
    return any(c in text for c in separators) and _SEPARATORS.search(text) is not None


def _boilerplate_kind(line: _Line, body_script: str, edge: bool,
                      separators: str = _SEPARATOR_CHARS) -> str | None:
    """The kind of boilerplate ``line`` is, or ``None`` for a line of the text.

    Args:
        line: the line.
        body_script: the script of most letters of the page (``LATIN``, ``CJK`` …).
        edge: whether the line is one of the first or last ``EDGE_LINES``.
        separators: the characters of ``_SEPARATOR_CHARS`` that occur on the page.
    """
    text = line.text
    if _foreign(text, body_script):
        return "foreign-script"
    if _separated(text, separators) and (not _MORE_WORDS[HEADING_MAX_WORDS].match(text)
                                         or text.count("|") >= 2):
        return "navigation"
    stop = _ends_with_stop(text)
    if (not stop or _has_columns(text)) and _has_date(text):
        return "meta"
    m = _LABELLED_LIST.match(text)
    if m and not stop:
        items = [i for i in _ITEM_SPLIT.split(m["items"]) if i.strip()]
        if len(items) >= 3 and all(len(i.split()) <= 4 for i in items):
            return "tags"
    cues = _cues()
    if edge and cues["DISCLAIMER"].search(text):
        return "disclaimer"
    if not stop and cues["NAVIGATION"].fullmatch(text.strip(" .:|[]()-–—")) \
            and not _MORE_WORDS[NAVIGATION_MAX_WORDS].match(text):
        return "navigation"
    return None


#: A sentence that ends inside a line and another that starts after it: a lower-case
#: word of two letters or more (not an abbreviation that takes a full stop: "vs.",
#: "etc.", "no. 7") with its stop, then a capital or a digit ("… the levy. It raises …",
#: "… passed in 1990. It …"). Headings and titles hold no sentence-final stop inside
#: (Chicago Manual of Style, 17th ed., 8.159 on headline style); "Chapter 3. The Levy",
#: "Mr. Smith", "Why Taxes Fail. A Reply" are no match.
_SENTENCE_INSIDE = re.compile(
    r"(?<![\w.'’-])(?!(?:vs|etc|approx|no|nos|vol|vols|pp|ed|eds|cf|al|ch|chap|fig|figs|"
    r"sec|art|para|ca|ibid|op|cit|viz|esp|incl)\.)[a-z]*[a-z]{2}[.!?][\"'”’)\]]*\s+"
    r"[\"“‘(\[]*[A-Z0-9]")
#: A line that ends in a word no sentence or heading ends with (an article, a
#: possessive determiner, a coordinator, "of", "by", a perfect or modal auxiliary; Quirk
#: et al. 1985, ch. 5 and 3.21: they need a word after them): hard-wrapped prose that
#: the next line continues ("It was passed by" / "Congress. It is fair.").
_OPEN_END = re.compile(
    r"(?<![\w'’-])(?:the|a|an|and|or|but|of|by|its|their|our|his|her|my|your|has|have|"
    r"had|been|will|would|could|should|must|can|than|because|which|whose)\s*$",
    re.IGNORECASE)


def _heading_like(line: _Line, question: bool = False) -> bool:
    """Whether ``line`` can be a heading, a title or a short navigation line: at most
    ``HEADING_MAX_WORDS`` words and 100 characters, starting with a letter, a digit or
    a quote, and ending in neither a stop (:func:`_ends_with_stop`) nor a lead-in dash
    (:func:`_ends_with_lead_in`). A ``#`` prefix is left out of the test; a line with
    one may end in a question or exclamation mark ("# Should Schools Ban Phones?"), as
    a Markdown heading may, and so may any line when ``question`` (a question title).

    A title takes no full stop, but a question title keeps its question mark ("Nature
    or Nurture?": English for Research, "Punctuating titles", englishforresearch.com);
    an ATX heading's text is any inline content (CommonMark 0.31, 4.2). No sentence
    ends inside it (``_SENTENCE_INSIDE``): that is hard-wrapped prose."""
    if _LIST_LINE.match(line.text):
        return False
    text = line.text
    m = _MARKDOWN_HEADING.match(text)
    if m:
        text = text[m.end() :]
    marks = _HEADING_STOPS if m else _QUESTION_STOPS if question else ""
    return (
        len(text) <= 100
        and (not _ends_with_stop(text) or _ends_with_stop(text, marks))
        and (m is not None or not _ends_with_lead_in(text))
        and 0 < len(text.split()) <= HEADING_MAX_WORDS
        and (text[0].isalnum() or text[0] in "\"“'‘")
        and _SENTENCE_INSIDE.search(text) is None
    )


#: Dashes that end a lead-in ("… under the following heads:--", "And again:—").
LEAD_IN_DASHES = ("--", "\u2014", "\u2013", "\u2015")
#: The first word of a line, after any opening quotes or brackets.
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")


def _ends_with_lead_in(text: str) -> bool:
    """Whether ``text`` ends in a dash (``--``, ``---``, ``—``, ``–``, ``―``, also after a
    colon or a question mark), maybe followed by closing quotes or brackets: the line
    introduces the text after it (the first part of a sentence, a lead-in to a list or
    a quotation), so it is not a title. Headings are titles, and style guides give
    them no such final punctuation (Chicago Manual of Style, 17th ed., on headings and
    headline style, 8.159; APA Publication Manual, 7th ed., 2.27 on heading levels)."""
    return text.rstrip(_CLOSING).endswith(LEAD_IN_DASHES)


def _question_title(line: _Line, nxt: _Line | None) -> bool:
    """Whether ``line``, above the first prose line, is a question title ("Should Schools
    Ban Phones?"): a heading-like line of two words or more in headline style
    (:func:`~argmap.headline.headline_style`) that ends in a question mark, stands
    alone (a blank line after it) and has prose after it, so it is the text's title,
    not a claim. A title ends in no full stop but keeps
    a question mark (English for Research, "Punctuating titles"), so a question is the
    one stop a title line has; a question in sentence case ("Then, Gorgias, what is
    the answer?") is a sentence.

    Example:
        >>> [(b.kind.value, b.text) for b in Document.from_text(
        ...     "Should Schools Ban Phones?\\n\\nSchools should ban phones.\\n").blocks]
        [('title', 'Should Schools Ban Phones?'), ('paragraph', 'Schools should ban phones.')]
    """
    return (nxt is not None and nxt.blank_before and _ends_with_stop(line.text, _QUESTION_STOPS)
            and _heading_like(line, question=True) and headline_style(line.text, 2)
            and not _heading_like(nxt) and not _LIST_LINE.match(nxt.text))


def _starts_in_lower_case(text: str) -> bool:
    """Whether the first word of ``text`` (after opening quotes, brackets, dashes or an
    ellipsis) is all lower case ("and", "page 19: …", "--that is, …"); "iPhone" and
    "eBay" are not. Headings and titles capitalise their first word in headline and in
    sentence style alike (Chicago Manual of Style, 17th ed., 8.159; APA 7th ed., 6.17),
    so such a line is prose, and a block that starts so continues the line before it."""
    m = _FIRST_WORD.match(text)
    return m is not None and m[1].islower()


#: Fewest words of a first line that is the title above section headings.
TITLE_MIN_WORDS = 3


def _title_at(groups: list[list[_Line]], first_prose: int) -> int:
    """The index of the title among the heading lines above the first prose paragraph
    (``groups[:first_prose]``): the last of them, after the site's menu lines, unless
    the first line of the text is a headline-style title (:func:`headline_style`, at
    least ``TITLE_MIN_WORDS`` words) longer in words than each heading line after it:
    then those are the headings of the first sections ("Congestion Pricing for the City
    Centre" / "Background" / prose: a brief's title, then its first section). Menu lines
    are a word or two (Kohlschütter et al. 2010: navigation blocks are short, with few
    words per line); a section heading is shorter than the title it stands under."""
    last = first_prose - 1
    if last < 1 or len(groups[0]) != 1:
        return last
    first = groups[0][0].text
    words = len(first.split())
    if words < TITLE_MIN_WORDS or not headline_style(first) or \
            any(len(g) != 1 or len(g[0].text.split()) >= words for g in groups[1:first_prose]):
        return last
    return 0


def _split(text: str) -> tuple[list[Block], list[Boilerplate]]:
    lines = list(_lines(text))
    body_script = _body_script(text)
    boiler: list[Boilerplate] = []
    kept: list[_Line] = []
    separators = "".join(c for c in _SEPARATOR_CHARS if c in text)
    kinds = [_boilerplate_kind(line, body_script,
                               n < EDGE_LINES or n >= len(lines) - EDGE_LINES, separators)
             for n, line in enumerate(lines)]
    # front and back matter: bylines, credits, imprints, contents, index, errata
    texts = [line.text for line in lines]
    # _heading_like holds for 100 characters at most, after a "#" prefix
    heading_like = [(len(t) <= 100 or t[0] == "#") and _heading_like(line)
                    for t, line in zip(texts, lines, strict=True)]
    kinds = furniture(texts, heading_like, kinds, _cues())
    #: ends of the lines that a byline follows
    bylined = {lines[n - 1].end for n, kind in enumerate(kinds) if kind == "byline" and n
               and kinds[n - 1] is None}
    for line, kind in zip(lines, kinds, strict=True):
        if kind:
            boiler.append(Boilerplate(line.span, kind, line.text))
        else:
            kept.append(line)

    # Group prose lines into paragraphs; heading-like lines stand alone.
    groups: list[list[_Line]] = []
    heading_flags: list[bool] = []
    listed_before = False  # whether the line before is a list item
    prose_before = False  # whether a line before is prose (not heading-like)
    for n, line in enumerate(kept):
        nxt = kept[n + 1] if n + 1 < len(kept) else None
        continued = nxt is not None and (
            (nxt.text[:1].islower() or _OPEN_END.search(line.text) is not None)
            if not nxt.blank_before
            # after a blank line: "--that is, …", "… and so on" go on with the sentence
            else nxt.text[:1] in _CONTINUING and _starts_in_lower_case(nxt.text)
            and not _LIST_LINE.match(nxt.text))  # "- cut fees" is a list item
        heading = not continued and (
            (_heading_like(line) and not (
                # in the body a lower-case line is a sentence; above the first prose
                # line it may still be site furniture (a menu line), dropped with the rest
                prose_before and _starts_in_lower_case(line.text)
                and not _MARKDOWN_HEADING.match(line.text)))
            or (not prose_before and _question_title(line, nxt)))
        prose_before = prose_before or not heading
        listed = _LIST_LINE.match(line.text) is not None
        starts_new = (
            not groups or heading or heading_flags[-1] or line.blank_before or line.indented
            or listed or listed_before or _MARKDOWN_HEADING.match(line.text) is not None
        )
        listed_before = listed
        if starts_new:
            groups.append([line])
            heading_flags.append(heading)
        else:
            groups[-1].append(line)

    if groups and all(heading_flags):
        # No line reads as prose (unpunctuated text): keep the first as the title when
        # there are several, and read the rest as paragraphs rather than drop them.
        heading_flags = [i == 0 and len(groups) > 1 for i in range(len(groups))]
    blocks: list[Block] = []
    first_prose = next((i for i, h in enumerate(heading_flags) if not h), len(groups))
    title_at = _title_at(groups, first_prose)
    for i, (group, heading) in enumerate(zip(groups, heading_flags, strict=True)):
        # a group's lines are in text order, so these offsets make a valid span
        span = _unchecked_span(group[0].start, group[-1].end)
        if heading:
            if i < title_at:
                # Short lines above the title: site furniture (menus, section names).
                boiler.append(Boilerplate(span, "navigation", span.slice(text)))
                continue
            kind = BlockKind.TITLE if i == title_at else BlockKind.HEADING
            followed_by_prose = i + 1 < len(groups) and not heading_flags[i + 1]
            # a heading with a byline under it is the title of a work
            if kind is BlockKind.HEADING and not followed_by_prose \
                    and group[-1].end not in bylined:
                kind = BlockKind.PARAGRAPH  # a short last line: a sentence without a stop
            m = _MARKDOWN_HEADING.match(group[0].text)
            if m:
                span = Span(span.start + m.end(), span.end)
            blocks.append(Block(kind, span, span.slice(text)))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, span, span.slice(text)))
    boiler.sort(key=lambda b: b.span)
    return blocks, boiler
