"""Headline style: whether a short line is capitalised as a title or heading is."""

from __future__ import annotations

import re

__all__ = ["headline_style"]

#: A word: letters, maybe with inner apostrophes or hyphens ("Don't", "Well-Being").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def headline_style(text: str, min_words: int = 1) -> bool:
    """Whether ``text`` is capitalised in headline style: at least ``min_words`` words,
    the first and the last capitalised, and every word between of four letters or more
    capitalised but at most one. Headline style capitalises the first and last words
    and the major words, and lowercases articles, short conjunctions and prepositions
    of any length ("under", "between"): Chicago Manual of Style, 17th ed., 8.159.

    Example:
        >>> headline_style("Should Schools Ban Phones?"), headline_style("Is It Time "
        ...     "to Ban Phones under Ten?"), headline_style("Why cities need more trees?")
        (True, True, False)
        >>> headline_style("Summary."), headline_style("Act now."), headline_style("")
        (True, False, False)
    """
    words = _WORD.findall(text)
    if len(words) < max(min_words, 1) or not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return sum(1 for w in words[1:-1] if len(w) >= 4 and not w[0].isupper()) <= 1
