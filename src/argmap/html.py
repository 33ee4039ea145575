"""HTML pages: the main text and its headings, extracted with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool
for Text Discovery and Extraction", ACL demos) drops navigation, menus, comments, share
bars and footers and keeps the article's paragraphs, headings, lists and quotations.
This module lays those out as plain text, one block per paragraph, and returns the block
spans; every offset of the map then refers to this *extracted* text, not to the markup.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from argmap.exceptions import EmptyInputError, InputError
from argmap.model import Span

__all__ = ["SECTION_LEVELS", "Extracted", "extract_html", "looks_like_html"]

#: Heading levels that open a section (h1-h3); deeper headings stay out of the map.
SECTION_LEVELS = frozenset({"h1", "h2", "h3"})

#: ``(kind, span)`` pairs: kind is ``title``, ``heading``, ``paragraph`` or ``minor-heading``.
Extracted = tuple[str, list[tuple[str, Span]]]

_HTML_START = re.compile(r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|ul|ol|li|a|span|table|article|section)\b[^>]*>",
                  re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page: a doctype or ``<html>`` start, or more than one
    block tag per 200 characters of the first 4,000.

    Example:
        >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
        True
        >>> looks_like_html("Costs rose <b>sharply</b>. However, wages fell.")
        False
    """
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) > max(2, len(head) // 200)


def extract_html(markup: str, *, name: str = "input") -> Extracted:
    """Extract the main text of an HTML page and lay it out as plain text.

    The title (the page's ``<h1>``, else its metadata title) comes first, then each
    paragraph, heading, quotation and list item on its own, separated by blank lines;
    list items keep a ``- `` or ``1. `` bullet so that the marker grammar sees a list.
    Blocks at the end that repeat earlier ones are dropped: older trafilatura versions
    echo a short page's blocks there.

    Args:
        markup: the decoded HTML.
        name: how error messages name the input.

    Returns:
        ``(text, blocks)``: the extracted text, and ``(kind, span)`` per block in text
        order, spans being character offsets into that text.

    Raises:
        EmptyInputError: the page holds nothing but boilerplate (no main text).
        InputError: the markup cannot be parsed.

    Example:
        >>> text, blocks = extract_html(
        ...     "<html><body><nav><a href='/'>Home</a> | <a href='/x'>Log in</a></nav>"
        ...     "<article><h1>Why Fees Fail</h1><p>Fees rise every year, and they "
        ...     "deter poor students from applying.</p></article></body></html>")
        >>> [(kind, span.slice(text)[:24]) for kind, span in blocks]
        [('title', 'Why Fees Fail'), ('paragraph', 'Fees rise every year, an')]
    """
    import trafilatura

    try:
        xml = trafilatura.extract(markup, output_format="xml", include_comments=False,
                                  include_tables=False, include_formatting=False,
                                  include_links=False, include_images=False, deduplicate=False,
                                  favor_precision=True)
    except (ValueError, TypeError) as exc:  # pragma: no cover - lxml is forgiving
        raise InputError(f"{name}: cannot parse the HTML: {exc}") from None
    if not xml:
        raise EmptyInputError(f"{name} has no main text: the page is only navigation, "
                              "comments or other boilerplate")
    root = ElementTree.fromstring(xml)
    main = root.find("main")
    parts: list[tuple[str, str]] = []
    for element in (main if main is not None else root):
        parts.extend(_blocks(element))
    parts = [(kind, text) for kind, text in parts if text]
    # trafilatura before 2.1 can append blocks it already gave to the end of a short
    # page; a trailing block that repeats an earlier one is such an echo
    while parts and parts[-1] in parts[:-1]:
        parts.pop()
    if not any(kind == "paragraph" for kind, _ in parts):
        raise EmptyInputError(f"{name} has no main text: the page is only navigation, "
                              "comments or other boilerplate")
    if parts[0][0] != "title":
        title = _metadata_title(markup)
        if title:
            parts.insert(0, ("title", title))
    return _layout(parts)


def _blocks(element: ElementTree.Element) -> list[tuple[str, str]]:
    tag = element.tag
    if tag == "head":
        level = element.get("rend", "h2")
        if level == "h1":
            return [("title", _text(element))]
        return [("heading" if level in SECTION_LEVELS else "minor-heading", _text(element))]
    if tag == "list":
        ordered = element.get("rend") == "ol"
        out = []
        for n, item in enumerate(element.findall("item"), start=1):
            bullet = f"{n}." if ordered else "-"
            out.append(("item", f"{bullet} {_text(item)}"))
        return out
    if tag in ("p", "quote", "item"):
        return [("paragraph", _text(element))]
    out = []
    for child in element:
        out.extend(_blocks(child))
    return out


def _text(element: ElementTree.Element) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _metadata_title(markup: str) -> str | None:
    import trafilatura

    metadata = trafilatura.extract_metadata(markup)
    title = getattr(metadata, "title", None) if metadata is not None else None
    return _SPACE.sub(" ", title).strip() or None if isinstance(title, str) else None


def _layout(parts: list[tuple[str, str]]) -> Extracted:
    text = ""
    blocks: list[tuple[str, Span]] = []
    previous = None
    for n, (kind, chunk) in enumerate(parts):
        if n:
            text += "\n" if kind == previous == "item" else "\n\n"
        previous = kind
        if kind == "title" and n:
            kind = "heading"  # a second <h1> further down: a section
        elif kind == "heading" and n == 0:
            kind = "title"
        elif kind == "item":
            kind = "paragraph"  # one block per list item, its bullet kept
        blocks.append((kind, Span(len(text), len(text) + len(chunk))))
        text += chunk
    return text + "\n", blocks
