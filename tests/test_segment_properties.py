"""Hypothesis properties of the segmenter: spans, order, robustness, stability."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from argmap.exceptions import EmptyInputError, InputError
from argmap.ingest import Document, read_document
from argmap.pipeline import analyze
from argmap.segment import Segmentation, segment
from strategies import (
    arbitrary_text,
    messy_documents,
    prose_documents,
    prose_sentence,
    respace,
)

PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Rules of markers that open a unit: they lie before the unit's span (docs/json-schema.md).
OPENING_RULES = frozenset({"opener", "stacked", "subordinate", "while_concession", "joiner"})

any_text = st.one_of(arbitrary_text(), prose_documents(), messy_documents())


def _segment(text: str) -> Segmentation:
    return segment(Document.from_text(text))


def _markers_per_unit(seg: Segmentation) -> list[list[tuple[str, str]]]:
    return [[(m.terminal, m.rule) for m in u.markers] for u in seg.units]


@PROPERTY
@given(any_text)
def test_every_span_slices_back_to_its_text(text: str) -> None:
    seg = _segment(text)
    for unit in seg.units:
        assert text[unit.span.start : unit.span.end] == unit.text
        for marker in unit.markers:
            assert text[marker.span.start : marker.span.end] == marker.text
    for block in seg.document.blocks:
        assert block.span.slice(text) == block.text
    for boiler in seg.document.boilerplate:
        assert boiler.span.slice(text) == boiler.text


@PROPERTY
@given(any_text)
def test_units_are_in_text_order_and_do_not_overlap(text: str) -> None:
    seg = _segment(text)
    for unit in seg.units:
        assert unit.text, "a unit is never empty"
        assert unit.text == unit.text.strip(), "a unit's span excludes surrounding spaces"
    for left, right in zip(seg.units, seg.units[1:], strict=False):
        assert left.span.end <= right.span.start, (left.text, right.text)
    for left, right in zip(seg.sentences, seg.sentences[1:], strict=False):
        assert left.end <= right.start
    assert len({u.id for u in seg.units}) == len(seg.units), "unit ids are unique"


@PROPERTY
@given(messy_documents())
# found by CI: a lone "but" grows into the next unit over its "; by contrast" opener
@example("Fees fees. but ; by contrast fees.")
def test_opening_markers_lie_before_the_unit_and_the_others_inside(text: str) -> None:
    """The contract of ``segment``: "the markers that open a unit lie before its span,
    the others inside it"."""
    seg = _segment(text)
    for unit in seg.units:
        for marker in unit.markers:
            if marker.rule in OPENING_RULES:
                assert marker.span.end <= unit.span.start, (marker, unit.text)
            else:
                assert unit.span.contains(marker.span), (marker, unit.text)


@PROPERTY
@given(arbitrary_text())
@example("\ufeff")
@example("\u2028")  # LINE SEPARATOR: Unicode White_Space, so "only whitespace"
@example("\x0b\x0c")
@example("a\x00b")
def test_arbitrary_unicode_never_raises_anything_but_input_errors(text: str) -> None:
    """Bytes of any Unicode text: read_document may refuse empty, blank or NUL-holding
    input with an InputError; everything else must segment and map without error."""
    # a leading UTF-8 BOM is dropped when decoding, and with it any U+FEFF that repeats
    # it (a BOM written twice by a tool that adds one to a text that had one)
    body = text.lstrip("\ufeff")
    try:
        document = read_document(text.encode("utf-8"))
    except EmptyInputError:
        # blank: whitespace and the invisible format characters (BOM, zero-width space)
        assert not body.strip().strip(INVISIBLE).strip()
        return
    except InputError:
        assert "\x00" in body
        return
    assert body.strip().strip(INVISIBLE).strip() and "\x00" not in body
    assert document.text == body
    seg = segment(document)
    try:
        m = analyze(document)
    except EmptyInputError:
        assert not seg.units, "analyze refused a document that has units"
        return
    assert [u.text for u in m.units] == [u.text for u in seg.units]


#: Format characters a reader does not see; argmap reads a text of only these as empty.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


@FEW
@given(st.binary(max_size=300))
@example(b"\x0b")
@example(b"\xff\xfe\x00\x00")
def test_arbitrary_bytes_raise_only_input_errors(data: bytes) -> None:
    try:
        document = read_document(data)
    except InputError:
        return
    assert document.text.strip()
    segment(document)


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\t", "\u00a0\u3000", "\ufeff", "\x00", "a\x00b",
    # every other Unicode White_Space character is whitespace too (str.isspace)
    "\x0b\x0c", "\u2028", "\u2003",
])
def test_read_document_refuses_empty_and_nul_input(text: str) -> None:
    with pytest.raises(InputError):
        read_document(text.encode("utf-8"))


@PROPERTY
@given(prose_documents())
def test_a_sentence_final_unit_alone_segments_to_itself(text: str) -> None:
    """Re-segmenting one unit's text alone gives back exactly that unit.

    Assumed about the input: prose made by ``prose_sentence`` -- plain clauses, with
    discourse markers only in the positions the grammar gives them (sentence-initial
    adverbial with a comma, conjunction after a comma, adverbial between commas), each
    sentence ending in ``.``, ``!`` or ``?``. Only the last unit of each sentence is
    checked: a clause cut from the middle of a sentence ("the data are incomplete") has
    no final stop, and a lone line without one is read as a title by design. The unit
    no longer holds its opening marker, so alone it must not gain or lose a marker
    position either.
    """
    seg = _segment(text)
    for unit in seg.units:
        if not unit.text.endswith((".", "!", "?")):
            continue
        again = _segment(unit.text)
        assert [u.text for u in again.units] == [unit.text]
        inner = [(m.terminal, m.rule) for m in unit.markers
                 if m.rule not in OPENING_RULES]
        assert _markers_per_unit(again) == [inner]


@PROPERTY
@given(st.data(), st.one_of(prose_documents(), messy_documents()))
def test_whitespace_inside_a_paragraph_does_not_change_the_markers(
    data: st.DataObject, text: str
) -> None:
    """Single spaces -> NBSP or two spaces, ``\\n`` -> ``\\r\\n``: same markers per unit."""
    variant = data.draw(respace(text), label="variant")
    assume(variant != text)
    assert _markers_per_unit(_segment(variant)) == _markers_per_unit(_segment(text))


@FEW
@given(st.lists(prose_sentence(), min_size=2, max_size=5))
def test_each_prose_sentence_is_at_least_one_unit(sentences: list[str]) -> None:
    """Sentences that end in a stop and start with a capital are never merged."""
    text = " ".join(sentences)
    seg = _segment(text)
    assert len(seg.sentences) == len(sentences)
    assert [s.slice(text) for s in seg.sentences] == sentences


# Section ids: the heading's slug; a repeated heading takes "-2", "-3", … (one step per
# repeat, so a thousand equal headings cost a thousand steps, not a million), skipping
# an id a heading already took ("Costs 2" is "costs-2").
SECTION_IDS = [
    pytest.param(["Costs", "Costs"], ["costs", "costs-2"], id="a-repeat"),
    pytest.param(["Costs", "Costs", "Costs"], ["costs", "costs-2", "costs-3"],
                 id="two-repeats-count-on"),
    pytest.param(["Costs", "Costs 2", "Costs"], ["costs", "costs-2", "costs-3"],
                 id="a-repeat-skips-a-taken-id"),
    pytest.param(["Costs", "Aims", "Costs", "Aims"], ["costs", "aims", "costs-2", "aims-2"],
                 id="each-slug-counts-its-own"),
]


@pytest.mark.parametrize(("headings", "expected"), SECTION_IDS)
def test_section_ids(headings: list[str], expected: list[str]) -> None:
    text = "# Fees\n\nFees must fall.\n\n" + "".join(
        f"## {h}\n\nFees deter students.\n\n" for h in headings)
    assert [s.id for s in analyze(text).sections][1:] == expected


def test_a_thousand_equal_headings_get_a_thousand_ids() -> None:
    text = "# Fees\n\nFees must fall.\n\n" + "## Costs\n\nFees deter students.\n\n" * 1000
    ids = [s.id for s in analyze(text).sections][1:]
    assert ids[:3] == ["costs", "costs-2", "costs-3"] and ids[-1] == "costs-1000"
    assert len(set(ids)) == 1000


@pytest.mark.parametrize("gap", [" ", "  ", "   ", "\t", " \t "])
def test_an_announcement_does_not_depend_on_the_spaces_before_its_head(gap: str) -> None:
    # Hypothesis found "three  Fees" announce and "three   Fees" not: the cardinal and
    # its head were allowed two characters apart, counting every space
    m = analyze(f"Fees must fall. We have three{gap}reasons. First, aid is scarce.")
    assert [mk.rule for u in m.units for mk in u.markers if mk.rule == "announcement"] == \
        ["announcement"]
