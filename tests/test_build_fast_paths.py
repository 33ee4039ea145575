"""Fast paths of the map builder equal the plain computations they replace.

Each test compares one shortcut of :mod:`argmap.thesis`, :mod:`argmap.relate` or
:mod:`argmap.structure` with the simple reading it stands for, on real texts (the seed,
the microtexts, a slice of the essay corpus) and on generated ones.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.grammar import load_grammar
from argmap.ingest import Document
from argmap.model import (
    Marker,
    MarkerFunction,
    RelationKind,
    Role,
    SharedText,
    Span,
    Unit,
    _premise_unit,
)
from argmap.relate import (
    _INNER_RULES,
    _OPENING_RULES,
    JUXTAPOSITION,
    Direction,
    Intent,
    clause_intent,
    corrected,
    opposed_intent,
    unit_intent,
)
from argmap.segment import Segmentation, segment
from argmap.structure import (
    _ROLES,
    _aside,
    _Builder,
    _Built,
    _may_hold_asides,
    _objection,
    _paragraph_starts,
    _read_intent,
    _reported,
    build_map,
)
from argmap.thesis import _Claim, _folded, _restated, concedes, content_words, restates
from strategies import PLAIN_WORDS, arbitrary_text

GRAMMAR = load_grammar()
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"


@cache
def _real_segmentations() -> tuple[Segmentation, ...]:
    """The seed, every tenth microtext and the first 150 kB of the essay corpus, segmented
    (the shared corpora only where this machine has them)."""
    texts = [(ROOT / "seeds" / "000_ce97f1ba0d0e35d1.txt").read_text("utf-8")]
    texts += [p.read_text("utf-8")
              for p in sorted((SHARED / "arg-microtexts" / "en").glob("*.txt"))[::10]]
    corpus = SHARED / "gutenberg-essays" / "corpus.txt"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as f:
            texts.append(f.read(150_000))
    return tuple(segment(Document.from_text(text), GRAMMAR) for text in texts)


# ------------------------------------------------------------------ restatements


def _plain_restated(units: tuple[Unit, ...], home: int, lead_words: list[set[str]],
                    ) -> tuple[list[bool], list[Unit], bool]:
    """``_restated`` as first written: every later unit's words against every lead unit."""
    restated = [False] * len(lead_words)
    restating = []
    later = [u for u in units if u.paragraph != home]
    for unit in later:
        words = content_words(unit.text)
        hits = [n for n, claim in enumerate(lead_words) if restates(words, claim)]
        for n in hits:
            restated[n] = True
        if hits:
            restating.append(unit)
    return restated, restating, bool(later)


@pytest.mark.parametrize("which", range(3))
def test_restated_equals_the_plain_version_on_real_texts(which: int) -> None:
    """Every 7th unit's words (and the same words with one dropped, so that near
    copies count) stand for the lead units: many more claims than a lead paragraph has."""
    for seg in _real_segmentations():
        units = seg.units
        home = units[which % len(units)].paragraph
        lead_words = [content_words(u.text) for u in units[which::7]]
        lead_words += [set(sorted(words)[1:]) for words in lead_words]
        assert _restated(units, home, lead_words, seg.document.text) == \
            _plain_restated(units, home, lead_words)


_FOLDING = st.text("aBcSsßẞİıIiΣσςﬁK’'- .1_", max_size=40)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PLAIN_WORDS) | _FOLDING, max_size=10) | arbitrary_text(),
       st.data())
def test_a_text_that_restates_a_claim_may_restate_it(words: list[str] | str,
                                                     data: st.DataObject) -> None:
    """The quick test rejects no text that restates the claim, nor the paragraphs
    (texts joined by spaces) that hold the text."""
    text = words if isinstance(words, str) else " ".join(words)
    own = sorted(content_words(text))
    kept = data.draw(st.lists(st.sampled_from(own), unique=True) if own else st.just([]))
    claim = set(kept) | set(data.draw(st.lists(st.sampled_from(PLAIN_WORDS), max_size=3)))
    may = _Claim(claim).may_be_restated_in
    if restates(content_words(text), claim):
        assert may(_folded(text))
        others = data.draw(st.lists(arbitrary_text(60) | _FOLDING, max_size=3))
        assert may(_folded(" ".join([*others, text, *others])))


def test_the_quick_test_allows_exactly_the_misses_the_threshold_allows() -> None:
    """A text of ``shared`` of the claim's words and no other restates the claim exactly
    when ``shared / len(claim)`` reaches the threshold; the quick test says the same."""
    for size in range(1, 40):
        claim = sorted(f"word{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(size))
        for shared in range(size + 1):
            text = " ".join(claim[:shared])
            assert _Claim(set(claim)).may_be_restated_in(_folded(text)) is \
                restates(content_words(text), set(claim))


# ------------------------------------------------------------------ units and their roles


def test_a_unit_with_a_new_role_equals_its_evolved_copy() -> None:
    # Unit.with_role names every field of Unit: a new field must be added there too
    assert [a.name for a in attrs.fields(Unit)] == [
        "id", "span", "_text", "role", "markers", "section", "paragraph", "sentence", "lead"]
    for seg in _real_segmentations():
        shared = SharedText(seg.document.text)
        for unit in seg.units[::5]:
            for twin in (unit, unit.reading(shared)):
                for role in Role:
                    made, evolved = twin.with_role(role), attrs.evolve(twin, role=role)
                    assert made == evolved
                    assert hash(made) == hash(evolved) and repr(made) == repr(evolved)
                    assert type(made) is Unit and made.role is role
                    assert made._text is evolved._text and made.lead is evolved.lead


def test_an_unmarked_unit_equals_the_constructed_one() -> None:
    """``model._premise_unit`` with no marker and no lead, as the segmenter makes most
    units, fills the slots that ``Unit(...)`` fills through attrs."""
    for seg in _real_segmentations():
        shared = SharedText(seg.document.text)
        plain = [u for u in seg.units if not u.markers]
        assert plain
        for unit in plain[::3]:
            for text in (unit.text, shared):
                for section, paragraph, sentence in ((unit.section, unit.paragraph,
                                                      unit.sentence), (None, 0, 0)):
                    made = _premise_unit(unit.id, unit.span, text, (), section, paragraph,
                                         sentence, "")
                    built = Unit(unit.id, unit.span, text, Role.PREMISE, (), section,
                                 paragraph, sentence)
                    assert made == built
                    assert hash(made) == hash(built) and repr(made) == repr(built)
                    assert type(made) is Unit and made._text is built._text
                    assert made.lead is built.lead == "" and made.markers == ()


def test_aside_equals_the_plain_reading_of_the_unit_text() -> None:
    def plain(unit: Unit) -> bool:
        return unit.text.startswith(("(", "[")) and \
            unit.text.rstrip(".!?").endswith((")", "]"))

    text = "(Most pay.) [Few do]. ( x ) Fees rose. () (.) [ok.]. (a"
    made = [Unit(f"u{n}", Span(m.start(), m.end()), m.group())
            for n, m in enumerate(re.finditer(r"\S+(?: \S+)?", text))]
    made.append(Unit("empty", Span(0, 0), ""))
    segs = [*_real_segmentations(), Segmentation(Document(text, ()), tuple(made), (), ())]
    for seg in segs:
        assert [_aside(seg.document.text, u) for u in seg.units] == \
            [plain(u) for u in seg.units]
    assert sum(plain(u) for u in made) >= 3


def test_a_paragraph_without_brackets_holds_no_aside() -> None:
    text = "(Most pay.) [Few do]. ( x ) Fees rose. () (.) [ok.]. (a"
    made = tuple(Unit(f"u{n}", Span(m.start(), m.end()), m.group())
                 for n, m in enumerate(re.finditer(r"\S+(?: \S+)?", text)))
    for seg in [*_real_segmentations(), Segmentation(Document(text, ()), made, (), ())]:
        units, text = seg.units, seg.document.text
        for start in range(0, len(units), 3):
            for size in (0, 1, 2, 5, 9):
                run = units[start : start + size]
                if not _may_hold_asides(text, run):
                    assert not any(_aside(text, u) for u in run)


@given(st.lists(st.integers(0, 4), max_size=12))
def test_paragraph_starts_equal_the_plain_scan(numbers: list[int]) -> None:
    units = [Unit(f"u{n}", Span(0, 0), "", paragraph=p) for n, p in enumerate(numbers)]
    plain = [n for n, unit in enumerate(units)
             if n == 0 or unit.paragraph != units[n - 1].paragraph] + [len(units)]
    assert list(_paragraph_starts(units)) == plain
    assert _Builder(Segmentation(Document("", ()), tuple(units), (), ()), GRAMMAR
                    ).unit_index == {u.id: n for n, u in enumerate(units)}


# ------------------------------------------------------------------ relations


def _pairs(seg: Segmentation, thesis: str | None) -> list[tuple[str, str]]:
    """Pairs of ends to relate: neighbours both ways, to and from the thesis, to
    itself, again, and to and from ids of no unit."""
    ids = [u.id for u in seg.units]
    pairs = [(a, b) for a, b in zip(ids[1:], ids, strict=False)]
    pairs += [(b, a) for a, b in pairs[::4]] + pairs[::3]
    pairs += [(a, a) for a in ids[::7]] + [(a, "r-x-y") for a in ids[::11]]
    pairs += [("r-x-y", a) for a in ids[::13]] + [("r-x-y", "r-x-y"), ("r-x-y", "u0")]
    if thesis is not None:
        pairs += [(thesis, a) for a in ids[::5]] + [(a, thesis) for a in ids[::6]]
    return pairs


@pytest.mark.parametrize("subtype", ["default", "restatement"])
def test_relate_each_equals_relate_for_each_pair(subtype: str) -> None:
    for seg in _real_segmentations():
        for thesis in (None, seg.units[len(seg.units) // 2].id):
            each, one = _Builder(seg, GRAMMAR), _Builder(seg, GRAMMAR)
            each.thesis = one.thesis = thesis
            pairs = _pairs(seg, thesis)
            each.relate_each(pairs, RelationKind.SUPPORT, subtype, "default.paragraph")
            for source, target in pairs:
                one.relate(source, target, RelationKind.SUPPORT, subtype,
                           "default.paragraph")
            assert each.relations == one.relations
            assert [r.id for r in each.relations] == [r.id for r in one.relations]
            assert each.sources.flags == one.sources.flags
            assert each.sources._other == one.sources._other and each.loose == one.loose
            assert (each.graph.src, each.graph.dst, each.graph.order) == \
                (one.graph.src, one.graph.dst, one.graph.order)


def test_unmarked_units_attach_as_units_whose_marker_asks_nothing() -> None:
    """_sentence_level takes an unmarked unit straight to its default attachment; a
    unit whose only marker asks for no relation (a clause joiner's reason marker: no
    intent, no announcement) goes through every step for marked units, to the same."""
    for seg in _real_segmentations():
        def silent(unit: Unit) -> Unit:
            marker = Marker("so", Span(unit.span.start, unit.span.start), MarkerFunction.REASON,
                            "Contingency.Cause", "joiner", "SO")
            return unit if unit.markers else attrs.evolve(unit, markers=(marker,))

        marked = attrs.evolve(seg, units=tuple(silent(u) for u in seg.units))
        fast, plain = build_map(seg, grammar=GRAMMAR), build_map(marked, grammar=GRAMMAR)
        assert fast.relations == plain.relations and fast.central_claim == plain.central_claim
        assert [u.role for u in fast.units] == [u.role for u in plain.units]
        assert fast.enumerations == plain.enumerations


def test_first_unattached_equals_the_plain_search(monkeypatch: pytest.MonkeyPatch) -> None:
    builders: list[_Builder] = []
    original = _Builder.built

    def built(self: _Builder) -> _Built:
        builders.append(self)
        return original(self)

    monkeypatch.setattr(_Builder, "built", built)
    for seg in _real_segmentations():
        build_map(seg, grammar=GRAMMAR)
    assert len(builders) == len(_real_segmentations())
    for b in builders:
        units = b.seg.units
        for start in range(0, len(units), 4):
            for size in (0, 1, 3, 8):
                run = units[start : start + size]
                assert b.first_unattached(run) is next(
                    (u for u in run if u.id not in b.sources and not b.concedes(u)), None)


# ------------------------------------------------------------------ intents


def test_a_negated_unit_intent_is_the_corrected_plain_one() -> None:
    for seg in _real_segmentations():
        for unit in seg.units:
            plain = unit_intent(unit)
            assert unit_intent(unit, negated=True) == \
                (None if plain is None else corrected(plain))
    # the corrective reading itself
    fact = next(u for seg in _real_segmentations() for u in seg.units
                if (i := unit_intent(u)) is not None
                and i.marker.function is MarkerFunction.ELABORATION)
    negated = unit_intent(fact, negated=True)
    assert negated is not None and negated.rule == "elaboration.corrective"


def _plain_unit_intent(unit: Unit, *, negated: bool = False) -> Intent | None:
    """``unit_intent`` as first written: the governing markers listed, the last first;
    an elaboration, example or restatement marker after a contrastive one ("But in
    fact", "But, for example") is passed over, and an elaboration marker before a
    contrastive marker stacked after it ("In fact, however,") gives way."""
    governing = [m for m in unit.markers if m.rule in _OPENING_RULES] or \
        [m for m in unit.markers if m.rule in _INNER_RULES]
    contrastive = {MarkerFunction.CONTRAST, MarkerFunction.CONTRA_EXPECTATION}
    for k, marker in reversed(list(enumerate(governing))):
        if marker.function in (MarkerFunction.ELABORATION, MarkerFunction.EXAMPLE,
                               MarkerFunction.RESTATEMENT) and \
                contrastive & {m.function for m in governing[:k]}:
            continue
        if marker.function is MarkerFunction.ELABORATION:
            marker = next((m for m in unit.markers if m.rule == "stacked"
                           and m.function in contrastive), marker)
        intent = clause_intent(marker)
        if intent is not None:
            return corrected(intent) if negated else intent
    return None


def test_unit_intent_equals_the_plain_reading() -> None:
    units = [u for seg in _real_segmentations() for u in seg.units if u.markers]
    rules = sorted(_OPENING_RULES | _INNER_RULES | {"joiner", "other"})
    for n, (function, rule) in enumerate(
            (f, r) for f in MarkerFunction for r in rules):
        marker = Marker("m", Span(0, 1), function, "Sense", rule, "M")
        units.append(Unit(f"g{n}", Span(2, 3), "x", markers=(marker,)))
        units.append(Unit(f"h{n}", Span(2, 3), "x", markers=(marker, marker)))
        # a contrastive marker before it ("But in fact"): stacked markers of two functions
        but = Marker("But", Span(0, 1), MarkerFunction.CONTRAST, "Comparison", "opener", "B")
        units.append(Unit(f"b{n}", Span(2, 3), "x", markers=(but, marker)))
        # an opener before a contrastive marker stacked after it ("In fact, however,")
        however = Marker("however", Span(1, 2), MarkerFunction.CONTRAST, "Comparison",
                         "stacked", "H")
        units.append(Unit(f"s{n}", Span(2, 3), "x", markers=(marker, however)))
    assert any(len(u.markers) == 1 for u in units) and any(len(u.markers) > 1 for u in units)
    for unit in units:
        for negated in (False, True):
            assert unit_intent(unit, negated=negated) == \
                _plain_unit_intent(unit, negated=negated)


def _negated(seg: Segmentation, unit: Unit) -> bool:
    """The plain reading: an elaboration-marked unit whose scan holds a negation."""
    if not any(m.function is MarkerFunction.ELABORATION for m in unit.markers):
        return False
    types, _ = GRAMMAR.scan_types(seg.document.text, unit.span.start, unit.span.end)
    return "NEG" in types or "CLITIC_NEG" in types


def test_the_builders_intents_equal_unit_intent() -> None:
    for seg in _real_segmentations():
        builder = _Builder(seg, GRAMMAR)
        for _ in range(2):  # found, then remembered
            for unit in seg.units:
                assert builder.intent(unit) == unit_intent(unit)
                assert builder.concedes(unit) is concedes(unit)
                expected = unit_intent(unit, negated=_negated(seg, unit))
                juxtaposed = [m for m in unit.markers if m.sense == JUXTAPOSITION
                              and m.rule not in ("opener", "joiner")]
                if expected is None and juxtaposed and _reported(builder, (unit,)):
                    # "Managers say X, whereas Y.": opposed, a contrast again
                    expected = opposed_intent(juxtaposed[0])
                assert _read_intent(builder, unit) == expected


# ------------------------------------------------------------------ final roles


def _plain_roles(b: _Builder) -> bytes:
    """Each unit's final role as first written: the rule's, else by marker, else by
    whether a support targets it."""
    supported = {r.target for r in b.relations if r.kind is RelationKind.SUPPORT}
    roles = []
    for unit in b.seg.units:
        role = b.roles.get(unit.id)
        if role is Role.CONCESSION:
            role = _objection(b, unit)  # a conceded point the other side voiced
        if role is None:
            intent = unit_intent(unit)
            if intent is not None and intent.concedes:
                role = Role.CONCESSION
            elif intent is not None and intent.direction is Direction.FORWARD:
                role = Role.CONCLUSION
            else:
                role = Role.CLAIM if unit.id in supported else Role.PREMISE
        roles.append(_ROLES.index(role))
    return bytes(roles)


def test_final_roles_equal_the_plain_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[_Builder, _Built]] = []
    original = _Builder.built

    def built(self: _Builder) -> _Built:
        out = original(self)
        seen.append((self, out))
        return out

    monkeypatch.setattr(_Builder, "built", built)
    for seg in _real_segmentations():
        build_map(seg, grammar=GRAMMAR)
    assert len(seen) == len(_real_segmentations())
    for builder, out in seen:
        assert out.roles == _plain_roles(builder)
