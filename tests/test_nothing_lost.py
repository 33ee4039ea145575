"""Nothing is lost: every character of the analysed text is in exactly one unit, a
marker, a heading or the title, boilerplate, whitespace or separating punctuation."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.coverage import Share, account, lost
from argmap.exceptions import EmptyInputError
from argmap.ingest import read_document
from argmap.model import ArgumentMap
from strategies import arbitrary_text, html_documents, markdown_documents, messy_documents

PROPERTY = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check_accounted(m: ArgumentMap, text: str) -> None:
    parts = account(m, text)
    # the runs tile the text: no gap, no overlap
    assert [p.span.start for p in parts] == [0] + [p.span.end for p in parts[:-1]]
    assert (parts[-1].span.end if parts else 0) == len(text)
    assert lost(m, text) == [], [text[s.start:s.end] for s in lost(m, text)]
    # exactly one unit: unit spans are ordered and disjoint and slice back
    for before, after in zip(m.units, m.units[1:], strict=False):
        assert before.span.end <= after.span.start
    for u in m.units:
        assert u.span.slice(text) == u.text
    for b in m.boilerplate:
        assert b.span.slice(text) == b.text


def analysed(source: str, **kwargs: str) -> tuple[ArgumentMap, str]:
    document = read_document(source, **kwargs)
    return argmap.analyze(document), document.text


@PROPERTY
@given(messy_documents())
def test_plain_text_loses_nothing(text: str) -> None:
    try:
        m, analysed_text = analysed(text, format="text")
    except EmptyInputError:
        return
    assert analysed_text == text
    check_accounted(m, text)


@PROPERTY
@given(arbitrary_text())
def test_arbitrary_text_loses_nothing(text: str) -> None:
    try:
        m, analysed_text = analysed(text, format="text")
    except argmap.InputError:
        return
    check_accounted(m, analysed_text)


@PROPERTY
@given(markdown_documents())
def test_markdown_loses_nothing(text: str) -> None:
    try:
        m, analysed_text = analysed(text, format="markdown")
    except EmptyInputError:
        return
    assert analysed_text == text  # Markdown offsets are offsets into the source
    check_accounted(m, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_html_loses_nothing_of_the_extracted_text(page: str) -> None:
    try:
        m, extracted = analysed(page, format="html")
    except EmptyInputError:
        return
    assert m.metadata["text_source"] == "extracted"
    assert m.metadata["characters"] == len(extracted)
    check_accounted(m, extracted)
    for furniture in ("Log in", "Nice post!", "All rights reserved"):
        assert furniture not in extracted


def test_account_names_each_share() -> None:
    text = "Why Fees Fail\n\nFees rose. However, wages fell.\n\nTags: a, b, c, d\n"
    m = argmap.analyze(text)
    shares = [(p.span.slice(text), p.share) for p in account(m, text)]
    assert shares == [
        ("Why Fees Fail", Share.TITLE), ("\n\n", Share.WHITESPACE),
        ("Fees rose.", Share.UNIT), (" ", Share.WHITESPACE), ("However", Share.MARKER),
        (",", Share.PUNCTUATION), (" ", Share.WHITESPACE), ("wages fell.", Share.UNIT),
        ("\n\n", Share.WHITESPACE), ("Tags: a, b, c, d", Share.BOILERPLATE),
        ("\n", Share.WHITESPACE),
    ]


@pytest.mark.parametrize(("text", "dropped"), [
    pytest.param("Fees rose. However, wages fell.", [], id="nothing-dropped"),
    pytest.param("Bikes save lives. And, of course, they cost money.", [],
                 id="comma-stacked-opener"),
    pytest.param("Fees rose. But, of course not.", [], id="comma-after-but-no-stack"),
    pytest.param("Fees rose. Thus, for example, rents rose.", [], id="reverse-stacked-opener"),
    pytest.param("Fees rose. In fact, however, rents fell.", [],
                 id="reverse-stacked-contrast"),
    pytest.param("Fees rose. Thus, Paris, too, is costly.", [], id="opener-before-a-name"),
])
def test_lost_lists_dropped_words(text: str, dropped: list[str]) -> None:
    assert [s.slice(text) for s in lost(argmap.analyze(text), text)] == dropped


def test_lost_finds_a_word_that_no_span_holds() -> None:
    text = "Fees rose. Wages fell."
    m = argmap.analyze(text)
    broken = attrs.evolve(m, units=m.units[:1])  # as if the second sentence were dropped
    assert [s.slice(text) for s in lost(broken, text)] == ["Wages", "fell"]
