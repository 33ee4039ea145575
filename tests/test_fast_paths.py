"""Fast paths of the segmenter equal the plain readings they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.segment import _auxiliary_words, sentence_vocabulary

_WORDS = st.sampled_from(["is", "Is", "won't", "won’t", "isn't", "island", "this", "was-",
                          "did", "_do", "do_", "can't", "can", "cant", "x", "has'", "’had",
                          "will", "willow", "2", "é", "may"])
_GLUE = st.sampled_from([" ", "", "'", "’", "-", ", ", ".", "_"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GLUE), max_size=10))
def test_auxiliary_words_are_whole_words_that_match_in_full(pairs: list[tuple[str, str]],
                                                            ) -> None:
    text = "".join(w + g for w, g in pairs)
    auxiliary = sentence_vocabulary()["AUXILIARY"]
    plain = [m.start() for m in re.finditer(r"[\w'’]+", text) if auxiliary.fullmatch(m.group())]
    assert [m.start() for m in _auxiliary_words().finditer(text)] == plain
