"""The segmenter's fast paths equal the plain computations they replace, on real inputs:
the seed article, the test documents, the segmentation cases and generated prose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.grammar import Grammar, load_grammar
from argmap.ingest import BlockKind, Document, read_document
from argmap.model import Span
from argmap.segment import _SentenceTokens, split_sentences
from strategies import messy_documents, prose_documents
from test_segmentation_cases import CASES

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = load_grammar()
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts() -> Iterator[str]:
    yield (ROOT / "seeds" / "000_ce97f1ba0d0e35d1.txt").read_text("utf-8")
    for path in sorted((ROOT / "tests" / "data").iterdir()):
        yield path.read_text("utf-8")
    for case in CASES:
        yield str(case.values[0])


def _sentences(document: Document, grammar: Grammar = GRAMMAR) -> Iterator[Span]:
    for block in document.blocks:
        if block.kind not in (BlockKind.TITLE, BlockKind.HEADING):
            yield from split_sentences(document.text, block.span, grammar)


REAL = [read_document(text) for text in _texts()]


def _same_tokens(document: Document) -> None:
    for sentence in _sentences(document):
        types, bounds = GRAMMAR.scan_types(document.text, sentence.start, sentence.end)
        plan = GRAMMAR.plan(types)
        tokens = GRAMMAR.tokens(document.text, types, bounds)
        lazy = _SentenceTokens(GRAMMAR, document.text, types, bounds)
        assert lazy.hits(plan) == GRAMMAR.hits(tokens, plan)
        assert [lazy[n] for n in range(len(types))] == tokens
        assert [lazy[n - len(types)] for n in range(len(types))] == tokens
        assert lazy.all() == tokens


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_sentence_tokens_equal_the_whole_list_on_real_text(document: Document) -> None:
    _same_tokens(document)


@FEW
@given(prose_documents() | messy_documents())
def test_sentence_tokens_equal_the_whole_list_on_generated_text(text: str) -> None:
    _same_tokens(Document.from_text(text))
