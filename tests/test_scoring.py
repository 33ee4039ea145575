"""The scorer: Peldszus & Stede (2015) levels, checked against the reference evaluator."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from argmap.evaluation import Evaluation, boundary_counts, evaluate_corpus
from argmap.model import ArgumentMap, Relation, RelationKind, Span, Unit
from argmap.scoring import Tree, labelled_attachment, level_vectors, macro_f1, tree_of

MICROTEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arg-microtexts" / "en"


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    pytest.param("0011", "0011", 1.0, id="perfect"),
    # evidencegraph evaluation.evaluate doctest: macro F 0.507...
    pytest.param("011222", "002222", (2 / 3 + 0 + 6 / 7) / 3, id="reference-doctest"),
    # a label only predicted counts with F1 0 (scikit-learn, zero_division=0)
    pytest.param("000", "001", (0.8 + 0.0) / 2, id="label-only-predicted"),
    pytest.param("", "", 0.0, id="empty"),
])
def test_macro_f1(gold: str, predicted: str, expected: float) -> None:
    assert macro_f1(gold, predicted) == pytest.approx(expected)


def test_macro_f1_needs_equal_lengths() -> None:
    with pytest.raises(ValueError, match="3 gold labels but 2 predicted"):
        macro_f1("001", "00")


def one_based(n: int, triples: Sequence[tuple[int, int, str]]) -> Tree:
    return Tree.from_triples(n, [(s - 1, t - 1, lab) for s, t, lab in triples])


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    # evidencegraph evaluation.eval_prediction doctests (accuracy per level, then LAS)
    pytest.param([(1, 2, "sup"), (3, 2, "att"), (4, 3, "att")],
                 [(1, 2, "sup"), (3, 2, "att"), (4, 2, "sup")],
                 (1.0, 1.0, 0.75, 10 / 12, 0.75), id="reference-doctest-1"),
    pytest.param([(2, 1, "sup"), (3, 2, "sup")], [(2, 1, "sup"), (3, 1, "sup")],
                 (1.0, 1.0, 1.0, 4 / 6, 2 / 3), id="reference-doctest-2"),
])
def test_levels_match_the_reference_evaluator(
        gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]],
        expected: tuple[float, ...]) -> None:
    n = 1 + max(max(s, t) for s, t, _ in gold)
    g, p = one_based(n - 1, gold), one_based(n - 1, predicted)
    gv, pv = level_vectors(g), level_vectors(p)
    right, total = labelled_attachment(g, p)
    got = (*(accuracy(gv[lv], pv[lv]) for lv in ("cc", "ro", "fu", "at")), right / total)
    assert got == pytest.approx(expected)


def test_level_vectors_of_the_reference_doctest_tree() -> None:
    t = one_based(4, [(1, 2, "sup"), (3, 2, "att"), (4, 3, "att")])
    v = level_vectors(t)
    assert v["cc"] == ["0", "1", "0", "0"]
    assert v["ro"] == ["pro", "pro", "opp", "pro"]
    assert v["fu"] == ["sup", "cc", "att", "att"]
    assert [int(x) for x in v["at"]] == [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]


SEGMENTS = [Span(0, 10), Span(11, 20), Span(21, 30), Span(31, 40)]


def unit(uid: str, start: int, end: int) -> Unit:
    return Unit(uid, Span(start, end), "x" * (end - start))


def rel(rid: str, source: str, target: str, kind: RelationKind) -> Relation:
    return Relation(rid, source, target, kind, "test", "test")


@pytest.mark.parametrize(("m", "parents", "labels", "root"), [
    pytest.param(
        ArgumentMap(None, "d", units=(unit("a", 0, 10), unit("b", 11, 20), unit("c", 21, 30),
                                      unit("d", 31, 40)),
                    relations=(rel("r1", "a", "d", RelationKind.ATTACK),
                               rel("r2", "b", "a", RelationKind.SUPPORT),
                               rel("r3", "c", "r1", RelationKind.ATTACK))),
        (3, 0, 0, None), ("att", "sup", "att", None), 3,
        id="undercut-goes-to-the-source-of-the-relation-it-attacks"),
    pytest.param(
        ArgumentMap(None, "a", units=(unit("a", 0, 10), unit("b", 11, 20), unit("c", 21, 30),
                                      unit("d", 31, 40)),
                    relations=(rel("r1", "c", "a", RelationKind.SUPPORT),
                               rel("r2", "b", "r1", RelationKind.SUPPORT),
                               rel("r3", "d", "a", RelationKind.SUPPORT))),
        (None, 0, 1, 0), (None, "sup", "sup", "sup"), 0,
        id="linked-premise-earlier-than-the-source-becomes-the-head"),
    pytest.param(
        ArgumentMap(None, "b", units=(unit("a", 0, 20), unit("b", 21, 40)),
                    relations=(rel("r1", "a", "b", RelationKind.ATTACK),)),
        (2, 0, None, 2), ("att", "sup", None, "sup"), 2,
        id="unsplit-unit-joins-its-segments"),
    pytest.param(
        ArgumentMap(None, "a", units=(unit("a", 0, 10), unit("a2", 11, 13),
                                      unit("a3", 14, 20), unit("b", 21, 30),
                                      unit("z", 41, 50)),
                    relations=(rel("r1", "a2", "a3", RelationKind.SUPPORT),
                               rel("r2", "a3", "a", RelationKind.ATTACK),
                               rel("r3", "b", "a2", RelationKind.SUPPORT),
                               rel("r4", "z", "a", RelationKind.SUPPORT))),
        (None, 0, 1, None), (None, "att", "sup", None), 0,
        id="over-split-segment-takes-its-larger-unit-units-outside-ignored"),
])
def test_tree_of(m: ArgumentMap, parents: tuple[int | None, ...],
                 labels: tuple[str | None, ...], root: int) -> None:
    t = tree_of(m, SEGMENTS)
    assert (t.parents, t.labels, t.root) == (parents, labels, root)


@pytest.mark.parametrize(("gold", "predicted", "expected"), [
    pytest.param([(0, 10), (11, 20)], [(0, 10), (11, 20)], (1, 1, 1), id="same"),
    pytest.param([(0, 10), (11, 20)], [(0, 20)], (1, 0, 0), id="under-segmented"),
    pytest.param([(0, 20)], [(0, 10), (11, 20)], (0, 1, 0), id="over-segmented"),
    pytest.param([(0, 10), (11, 30)], [(0, 10), (21, 30)], (1, 1, 1),
                 id="opening-marker-left-out-of-the-unit"),
    pytest.param([(0, 10), (11, 30)], [(0, 15), (16, 30)], (1, 1, 0), id="shifted"),
])
def test_boundary_counts(gold: list[tuple[int, int]], predicted: list[tuple[int, int]],
                         expected: tuple[int, int, int]) -> None:
    assert boundary_counts([Span(*s) for s in gold], [Span(*s) for s in predicted]) == expected


@pytest.mark.corpus
def test_trivial_baselines_reproduce_the_published_figures() -> None:
    """FORMAT.md of the corpus copy: attach-to-first cc .712 ro .439 fu .407 at .618 LAS
    .313; attach-to-preceding at .662 LAS .300 (mean over the 50 folds)."""
    if not MICROTEXTS.is_dir():
        pytest.skip("../shared/corpora/arg-microtexts is absent on this machine")
    gold = evaluate_corpus(MICROTEXTS, gold_units=True)

    def baseline(target: int | None) -> dict[str, float]:
        texts = tuple(attrs.evolve(r, predicted=Tree.from_triples(
            len(r.segments),
            [(i, i - 1 if target is None else target, "sup") for i in range(1, len(r.segments))],
            0)) for r in gold.texts)
        return Evaluation("gold-units", texts, gold.folds).scores()["folds"]

    first, preceding = baseline(0), baseline(None)
    assert {k: round(v, 3) for k, v in first.items()} == {
        "cc": 0.712, "ro": 0.439, "fu": 0.407, "at": 0.618, "las": 0.313}
    assert (round(preceding["at"], 3), round(preceding["las"], 3)) == (0.662, 0.300)
    perfect = Evaluation("gold-units", tuple(attrs.evolve(r, predicted=r.gold)
                                             for r in gold.texts), gold.folds)
    assert set(perfect.scores()["folds"].values()) == {1.0}
