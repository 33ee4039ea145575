"""Fast paths of :meth:`Grammar.scan_types` and of :func:`argmap.segment.segment` equal
the plain computations they replace, on real inputs, edge cases and generated text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given

from argmap.grammar import _CLOSERS, Grammar
from argmap.ingest import BlockKind, Document
from argmap.model import Span
from argmap.segment import split_sentences
from strategies import arbitrary_text, messy_documents, prose_documents
from test_segment_fast_paths import FEW, GRAMMAR, REAL


def _sentences(document: Document) -> Iterator[Span]:
    for block in document.blocks:
        if block.kind not in (BlockKind.TITLE, BlockKind.HEADING):
            yield from split_sentences(document.text, block.span, GRAMMAR)


def _plain_scan_types(grammar: Grammar, text: str, start: int, end: int,
                      ) -> tuple[list[str], list[int]]:
    """:meth:`Grammar.scan_types` with every gap searched for a word character."""
    types, bounds = ["SOS"], [start, start]
    stop = end
    while stop > start and text[stop - 1] in _CLOSERS:
        stop -= 1
    pos = start
    for m in grammar.scanner.pattern.finditer(text, start, stop):
        a, b = m.span()
        if a > pos and re.search(r"\w", text[pos:a]):
            types.append("TEXT")
            bounds += [pos, a]
        types.append(grammar.scanner.terminal(m))
        bounds += [a, b]
        pos = b
    if stop > pos and re.search(r"\w", text[pos:stop]):
        types.append("TEXT")
        bounds += [pos, stop]
    types.append("EOS")
    bounds += [stop, end]
    return types, bounds


def test_isalnum_implies_a_word_character_on_every_character() -> None:
    """The gap test's shortcut: a character ``str.isalnum`` accepts matches ``\\w``."""
    chars = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode(
        "utf-8", "surrogatepass")
    words = {m.start() for m in re.finditer(r"\w", chars)}
    assert all(n in words for n, ch in enumerate(chars) if ch.isalnum())


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_scan_types_equals_the_plain_scan_on_real_text(document: Document) -> None:
    for sentence in _sentences(document):
        assert GRAMMAR.scan_types(document.text, sentence.start, sentence.end) == \
            _plain_scan_types(GRAMMAR, document.text, sentence.start, sentence.end)


@pytest.mark.parametrize("gap", [" ", "x", "_", "é", "²", "٣", "\t", "\u00a0", "  ", " x",
                                 " _", "__", "-x", "- ", " - ", "(x)", " ٣", "\u00a0é"])
def test_scan_types_equals_the_plain_scan_on_gaps(gap: str) -> None:
    for text in (f"But{gap},{gap}because{gap}", f"{gap}however,{gap}", f"so{gap}"):
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                assert GRAMMAR.scan_types(text, start, end) == \
                    _plain_scan_types(GRAMMAR, text, start, end)


@FEW
@given(prose_documents() | messy_documents() | arbitrary_text())
def test_scan_types_equals_the_plain_scan_on_generated_text(text: str) -> None:
    assert GRAMMAR.scan_types(text, 0, len(text)) == _plain_scan_types(GRAMMAR, text, 0,
                                                                        len(text))
    document = Document.from_text(text)
    for sentence in _sentences(document):
        assert GRAMMAR.scan_types(document.text, sentence.start, sentence.end) == \
            _plain_scan_types(GRAMMAR, document.text, sentence.start, sentence.end)


@pytest.mark.parametrize("text", [" ——", " —— x", " — —", " ――however", "x.—— y", " --—"])
def test_scan_types_equals_the_plain_scan_after_a_terminal_that_ends_in_no_letter(
        text: str) -> None:
    # Hypothesis found " ——": the gapped pattern took the first dash's character before
    # it and then the first dash as the second's, so it missed the second dash
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert GRAMMAR.scan_types(text, start, end) == \
                _plain_scan_types(GRAMMAR, text, start, end)
