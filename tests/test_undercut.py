"""Golden table for undercuts: an attack on the inference between two units.

An attack whose subject refers back to the reasoning and whose predicate denies the
inference ("But this assumes …", "But that does not follow", "This argument ignores …")
undercuts the support (or a conceded point's attack) it answers, not a unit (Pollock
1987; the undercut of Peldszus & Stede 2013/2016). Each row gives a text, the unit that
carries the cue, and what that unit attacks: a unit's text (a rebuttal), or the
(source, target) texts of the relation it undercuts. None is taken from a corpus.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.model import ArgumentMap, RelationKind
from argmap.rules import catalog
from argmap.undercut import denies_inference
from exporters import UNDERCUTS

SUPPORT, ATTACK = RelationKind.SUPPORT, RelationKind.ATTACK


def attacked(text: str, cue: str) -> set[tuple[RelationKind, str | tuple[str, str]]]:
    """What the unit whose text is ``cue`` relates to: a unit's text, or the source and
    target texts of the relation it targets."""
    m = argmap.analyze(text)
    texts = {u.id: u.text for u in m.units}
    by_id = {r.id: r for r in m.relations}
    source = next(u.id for u in m.units if u.text == cue)
    return {(r.kind, (texts[by_id[r.target].source], texts[by_id[r.target].target])
             if r.target in by_id else texts[r.target])
            for r in m.relations if r.source == source}


UNDERCUT_ROWS = [
    # the attacked unit is the premise of a conclusion drawn in its sentence
    pytest.param(
        "Bars lost customers after the ban, so the ban hurt business. But that does not "
        "follow, because customers were already leaving.",
        "that does not follow",
        {(ATTACK, ("Bars lost customers after the ban", "the ban hurt business."))},
        id="does-not-follow-after-a-result-clause"),
    pytest.param(
        "Bars lost customers after the ban, so the ban hurt business, but that proves "
        "nothing.",
        "that proves nothing.",
        {(ATTACK, ("Bars lost customers after the ban", "the ban hurt business"))},
        id="proves-nothing-in-a-but-clause"),
    pytest.param(
        "Cars pollute, so cities should ban them. But that is no reason to ban them "
        "outright.",
        "that is no reason to ban them outright.",
        {(ATTACK, ("Cars pollute", "cities should ban them."))},
        id="no-reason-to"),
    pytest.param(
        "The town needs a bypass. Traffic has doubled, so the centre is unsafe. But that "
        "only holds if the traffic passes through the centre.",
        "that only holds if the traffic passes through the centre.",
        {(ATTACK, ("Traffic has doubled", "the centre is unsafe."))},
        id="only-holds-if"),
    pytest.param(
        "Wages must rise. Prices went up, so workers are poorer. Still, the conclusion "
        "does not follow.",
        "the conclusion does not follow.",
        {(ATTACK, ("Prices went up", "workers are poorer."))},
        id="the-conclusion-does-not-follow-contra-expectation"),
    # the attacked unit is the conclusion: its incoming support is undercut
    pytest.param(
        "We should cut taxes. Lower taxes leave people more money. Therefore growth will "
        "rise. However, this reasoning ignores the deficit.",
        "this reasoning ignores the deficit.",
        {(ATTACK, ("Lower taxes leave people more money.", "growth will rise."))},
        id="this-reasoning-ignores-a-therefore-conclusion"),
    pytest.param(
        "Fees must fall because they deter students. But this rests on the assumption "
        "that students know the fees.",
        "this rests on the assumption that students know the fees.",
        {(ATTACK, ("they deter students.", "Fees must fall"))},
        id="rests-on-the-assumption-because-clause"),
    pytest.param(
        "Parks should be free, because fees keep poor families out. But this, of course, "
        "assumes that the fees are high.",
        "this, of course, assumes that the fees are high.",
        {(ATTACK, ("fees keep poor families out.", "Parks should be free"))},
        id="this-of-course-assumes"),
    # a paragraph-opening contrast that answers the central claim undercuts the
    # support the paragraph before gave it
    pytest.param(
        "We should ban cars. They pollute.\n\nHowever, this argument ignores electric cars.",
        "this argument ignores electric cars.",
        {(ATTACK, ("They pollute.", "We should ban cars."))},
        id="this-argument-ignores-in-the-next-paragraph"),
    # a conceded point's attack is an inference too: "that is no reason" grants the
    # point and denies that it tells against the claim
    pytest.param(
        "Schools should require uniforms. Admittedly, uniforms cost money. But that is no "
        "reason to reject them.",
        "that is no reason to reject them.",
        {(ATTACK, ("uniforms cost money.", "Schools should require uniforms."))},
        id="no-reason-after-a-concession"),
    pytest.param(
        "Cities should ban cars. Cars pollute the air.\n\nAdmittedly, a ban costs shops "
        "money. But that is beside the point.",
        "that is beside the point.",
        {(ATTACK, ("a ban costs shops money.", "Cities should ban cars."))},
        id="beside-the-point-after-a-concession-across-paragraphs"),
    # must not fire: no contrast (an unmarked "This assumes" explains, it does not
    # attack), the transitive "follow", a subject that is not the reasoning, a plain
    # rebuttal, a "does not follow that Y" that names a further conclusion, a thing as
    # subject ("this law", "it")
    pytest.param(
        "Fees keep families out. This assumes that fees are high.",
        "This assumes that fees are high.",
        {(SUPPORT, "Fees keep families out.")},
        id="this-assumes-without-a-contrast"),
    pytest.param(
        "The parade is on Sunday. It does not follow the usual route.",
        "It does not follow the usual route.",
        {(SUPPORT, "The parade is on Sunday.")},
        id="transitive-follow"),
    pytest.param(
        "Fees must fall. Students pay too much. But the argument about fees is old.",
        "the argument about fees is old.",
        {(ATTACK, "Students pay too much.")},
        id="the-argument-about-x-is-old"),
    pytest.param(
        "Smoking bans are fair. Bars lost customers after the ban, so the ban hurt "
        "business. But the ban did not hurt business.",
        "the ban did not hurt business.",
        {(ATTACK, "Bars lost customers after the ban")},
        id="plain-rebuttal"),
    pytest.param(
        "The plan will work. Prices will drop, so costs will fall. But it does not follow "
        "that wages will rise.",
        "it does not follow that wages will rise.",
        {(ATTACK, "Prices will drop")},
        id="does-not-follow-that-a-further-conclusion"),
    pytest.param(
        "Cities need trams. Trams are cheap, so they save money. But this law ignores the "
        "poor.",
        "this law ignores the poor.",
        {(ATTACK, "Trams are cheap")},
        id="this-law-ignores"),
    pytest.param(
        "Cities need trams. Trams are cheap, so they save money. But it ignores the cost "
        "of tracks.",
        "it ignores the cost of tracks.",
        {(ATTACK, "Trams are cheap")},
        id="it-ignores"),
    # fallback: the attacked unit states no inference in the text (its link to the
    # central claim is the map builder's, between paragraphs), so it is rebutted
    pytest.param(
        "Nuclear power is the best way to cut emissions. It produces almost no carbon "
        "dioxide.\n\nMy opponent claims that nuclear power is too dangerous. But this "
        "assumes that modern reactors are as unsafe as Chernobyl.",
        "this assumes that modern reactors are as unsafe as Chernobyl.",
        {(ATTACK, "My opponent claims that nuclear power is too dangerous.")},
        id="no-stated-inference-rebuts"),
    # without a contrast marker: the denial right after someone's reasoning is itself the
    # answer (fresh user's debate texts: "That does not follow." supported the minister)
    pytest.param(
        "We should keep the fare.\n\nThe minister claims that fares must rise because "
        "costs have risen. That does not follow.",
        "That does not follow.",
        {(ATTACK, ("costs have risen.", "The minister claims that fares must rise"))},
        id="unmarked-does-not-follow-after-a-reported-view-and-its-reason"),
    pytest.param(
        "We should keep the fare.\n\nThe minister claims that fares must rise because "
        "costs have risen. This assumes that subsidies stay flat.",
        "This assumes that subsidies stay flat.",
        {(ATTACK, ("costs have risen.", "The minister claims that fares must rise"))},
        id="unmarked-this-assumes-after-a-reported-view-and-its-reason"),
    pytest.param(
        "We should keep the ban.\n\nBars lost customers, so the ban hurt business. That "
        "does not follow. Customers were already leaving.",
        "That does not follow.",
        {(ATTACK, ("Bars lost customers", "the ban hurt business."))},
        id="unmarked-does-not-follow-after-a-result-clause"),
    pytest.param(
        "We should ban bags.\n\nMy opponent argues that shoppers will buy thicker bags, "
        "and therefore the ban will fail. But this assumes that thicker bags are allowed.",
        "this assumes that thicker bags are allowed.",
        {(ATTACK, ("My opponent argues that shoppers will buy thicker bags",
                   "therefore the ban will fail."))},
        id="and-therefore-is-a-conclusion-drawn-not-an-added-premise"),
    pytest.param(
        "We should raise the wage.\n\nThe minister claims that small firms cannot afford "
        "the rise. This assumes that firms pay the full cost.",
        "This assumes that firms pay the full cost.",
        {(ATTACK, "The minister claims that small firms cannot afford the rise.")},
        id="unmarked-this-assumes-after-a-view-without-a-reason-rebuts-it"),
    # must not: no reasoning before the denial; a denial that is no sentence's opening;
    # "It does not follow the rules"
    pytest.param(
        "We should keep the ban.\n\nBars lost customers. That does not follow. Customers "
        "were already leaving.",
        "That does not follow.",
        {(SUPPORT, "Bars lost customers.")},
        id="unmarked-denial-after-no-reasoning-is-no-attack"),
    pytest.param(
        "We should keep the ban.\n\nBars lost customers, so the ban hurt business. The "
        "owners say that this assumes too much.",
        "The owners say that this assumes too much.",
        {(SUPPORT, "Bars lost customers")},
        id="a-reported-denial-inside-a-sentence-is-no-attack"),
    pytest.param(
        "We should keep the ban.\n\nBars lost customers, so the ban hurt business. It does "
        "not follow the rules.",
        "It does not follow the rules.",
        {(SUPPORT, "Bars lost customers")},
        id="unmarked-transitive-follow-is-no-attack"),
]


@pytest.mark.parametrize(("text", "cue", "expected"), UNDERCUT_ROWS)
def test_undercuts(text: str, cue: str,
                   expected: set[tuple[RelationKind, str | tuple[str, str]]]) -> None:
    assert attacked(text, cue) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("that does not follow.", True),
    ("that simply does not follow, because X.", True),
    ("It does not follow.", True),
    ("this argument overlooks the cost.", True),
    ("that's beside the point.", True),
    ("this does not prove anything.", True),
    ("that begs the question.", True),
    # second review: "from" with any source of the inference, not only a pronoun
    ("that does not follow from the pollution data.", True),
    # must not fire
    ("It does not follow the rules.", False),
    ("it does not follow from this that Y.", False),
    ("that does not mean that Y.", False),
    ("that is no reasonable price.", False),
    ("the argument about fees is old.", False),
    ("these assume X.", False),
])
def test_denies_inference(text: str, expected: bool) -> None:
    assert denies_inference(text) is expected


@pytest.fixture(scope="module")
def undercuts() -> ArgumentMap:
    return argmap.analyze(UNDERCUTS)


def test_an_undercut_targets_a_relation_and_is_catalogued(undercuts: ArgumentMap) -> None:
    ids = {r.id for r in undercuts.relations}
    made = [r for r in undercuts.relations if r.target in ids]
    assert [r.subtype for r in made] == ["undercut", "undercut"]
    assert all(r.kind is ATTACK and r.rule.endswith(".undercut") for r in made)
    known = {r.id for r in catalog()}
    assert {r.rule for r in made} <= known


def test_an_undercut_round_trips_through_json(undercuts: ArgumentMap) -> None:
    assert ArgumentMap.from_json(undercuts.to_json()) == undercuts


def test_an_undercut_is_drawn_to_a_dot_on_the_edge_it_attacks(
        undercuts: ArgumentMap) -> None:
    from argmap.diagram import to_digraph

    source = to_digraph(undercuts).source
    for r in undercuts.relations:
        if r.subtype == "undercut":
            assert f'"{r.target}" [' in source  # the attacked edge's dot
            assert f'"{r.source}" -> "{r.target}"' in source
