"""Cardinals that count no list: the numbers of proportions, fractions, sums."""

from __future__ import annotations

import re

__all__ = ["proportion"]

#: A cardinal that is the second number of a proportion ("one in five", "9 out of 10",
#: "one in every five", "one out of every three"): a ratio, not the size of a list.
#: Matched on the characters before the cardinal; the first number is a part of the
#: second, so smaller (:func:`proportion`). "one of two things" is left alone: it
#: announces the alternatives that follow.
_PROPORTION = re.compile(
    r"\b(?P<part>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?:in|out\s+of)(?:\s+every)?\s+\Z", re.IGNORECASE)
#: The first number of a proportion, spelled out: its value.
_SMALL = {w: n for n, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1)}
#: Nouns named by a number that follows them ("Chapter one", "Section 4", "page 10"):
#: such a number is no proportion's ("Chapter one in two parts" announces the parts).
_NAMED_BY_NUMBER = frozenset({
    "chapter", "section", "part", "page", "article", "volume", "book", "step", "stage",
    "phase", "figure", "table", "act", "scene", "verse", "line", "number", "no", "room"})
_LAST_WORD = re.compile(r"(\w+)\W*\Z")


def proportion(text: str, at: int, whole: int) -> bool:
    """Whether the cardinal at character ``at`` of ``text``, of value ``whole``, is the
    second number of a proportion (:data:`_PROPORTION`): the first number is smaller
    ("grade nine in two schools", "passed 52 in two readings" are no proportions) and
    names no noun (:data:`_NAMED_BY_NUMBER`: "Chapter one in two parts")."""
    m = _PROPORTION.search(text, max(0, at - 40), at)
    if m is None:
        return False
    part = m.group("part").lower()
    if not 0 < (int(part) if part.isdigit() else _SMALL[part]) < whole:
        return False
    before = _LAST_WORD.search(text, max(0, m.start() - 24), m.start())
    return before is None or before.group(1).lower() not in _NAMED_BY_NUMBER
