"""Account for every character of the analysed text: unit, marker, heading, boilerplate …"""

from __future__ import annotations

import enum

import attrs

from argmap.model import ArgumentMap, Span

__all__ = ["Part", "Share", "account", "lost"]


class Share(str, enum.Enum):
    """What a stretch of the analysed text went into."""

    UNIT = "unit"  #: an ADU's span (markers inside a unit count as the unit)
    MARKER = "marker"  #: a discourse marker outside every unit ("However" before ",")
    TITLE = "title"
    HEADING = "heading"  #: a section heading
    BOILERPLATE = "boilerplate"  #: a boilerplate span (navigation, tags, code …)
    WHITESPACE = "whitespace"
    PUNCTUATION = "punctuation"  #: separators between units: ", ", "; ", "- ", "**"
    LOST = "lost"  #: a letter or digit in none of the above: a bug


@attrs.frozen
class Part:
    """A maximal run of characters with one share; ``span`` indexes the analysed text."""

    span: Span
    share: Share


_ORDER = (Share.BOILERPLATE, Share.TITLE, Share.HEADING, Share.MARKER, Share.UNIT)


def account(m: ArgumentMap, text: str) -> list[Part]:
    """Split ``text`` (the text ``m`` was built from) into runs by what each character
    went into.

    Where spans nest, the innermost owner wins in the order unit, marker, heading, title,
    boilerplate; characters in no span are whitespace, punctuation (no letter or digit)
    or lost (a letter or digit that the map dropped).

    Args:
        m: the map; the title's span is ``m.metadata["title_span"]`` when present.
        text: the analysed text (for HTML, the extracted text).

    Returns:
        Runs in text order covering ``[0, len(text))`` exactly.

    Example:
        >>> import argmap
        >>> t = "Fees rose. However, wages fell."
        >>> [(p.span.slice(t), p.share.value) for p in account(argmap.analyze(t), t)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('Fees rose.', 'unit'), (' ', 'whitespace'), ('However', 'marker'),
         (',', 'punctuation'), (' ', 'whitespace'), ('wages fell.', 'unit')]
    """
    owner: list[Share | None] = [None] * len(text)
    spans: dict[Share, list[Span]] = {
        Share.BOILERPLATE: [b.span for b in m.boilerplate],
        Share.HEADING: [s.span for s in m.sections if s.span is not None],
        Share.MARKER: [mk.span for u in m.units for mk in u.markers]
        + [e.cue.span for e in m.enumerations if e.cue is not None],
        Share.UNIT: [u.span for u in m.units],
        Share.TITLE: [],
    }
    title = m.metadata.get("title_span")
    if title is not None:
        spans[Share.TITLE].append(Span(*title))
    for share in _ORDER:
        for span in spans[share]:
            owner[span.start : span.end] = [share] * len(span)
    parts: list[Part] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or _share(text, owner, i) != _share(text, owner, start):
            parts.append(Part(Span(start, i), _share(text, owner, start)))
            start = i
    return parts


def _share(text: str, owner: list[Share | None], i: int) -> Share:
    found = owner[i]
    if found is not None:
        return found
    ch = text[i]
    if ch.isspace() or ch in "\u200b\u200c\u200d\u2060\ufeff":
        return Share.WHITESPACE
    return Share.LOST if ch.isalnum() else Share.PUNCTUATION


def lost(m: ArgumentMap, text: str) -> list[Span]:
    """The spans of letters and digits that no unit, marker, heading, title or boilerplate
    holds; an empty list means nothing was lost.

    Example:
        >>> import argmap
        >>> t = "Fees rose. However, wages fell."
        >>> lost(argmap.analyze(t), t)
        []
    """
    return [p.span for p in account(m, text) if p.share is Share.LOST]
