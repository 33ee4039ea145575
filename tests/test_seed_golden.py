"""Golden test: the seed article's map, asserted by unit texts and relation kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.model import ArgumentMap, Relation, RelationKind, Role, Unit

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ce97f1ba0d0e35d1.txt"


@pytest.fixture(scope="module")
def seed_map() -> ArgumentMap:
    return argmap.analyze(SEED)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def unit(m: ArgumentMap, start: str, *, section: str | None = None) -> Unit:
    """The one unit whose text starts with ``start`` (in ``section`` if given)."""
    found = [u for u in m.units if u.text.startswith(start)
             and (section is None or u.section == section)]
    assert len(found) == 1, f"{len(found)} units start with {start!r}"
    return found[0]


def relation(m: ArgumentMap, source: Unit, target: Unit) -> Relation:
    found = [r for r in m.relations if r.source == source.id and r.target == target.id]
    assert found, f"no relation {source.text[:40]!r} -> {target.text[:40]!r}"
    return found[0]


def test_seed_file_is_the_shared_seed_byte_for_byte() -> None:
    shared = SEED.parents[2] / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared/seeds is absent on this machine")
    assert SEED.read_bytes() == shared.read_bytes()


def test_title_and_sections(seed_map: ArgumentMap) -> None:
    assert seed_map.title == "Russia’s Strategy in Asia"
    headings = [s.heading for s in seed_map.sections if s.heading]
    assert headings == ["Three turning points", "Window for a dialogue", "A conundrum"]


def test_no_boilerplate_in_the_map(seed_map: ArgumentMap, seed_text: str) -> None:
    texts = " ".join(u.text for u in seed_map.units)
    for furniture in ("用户名", "登录", "2021-06-30", "Analytics", "Views expressed",
                      "关键词", "标签", "滚动新闻"):
        assert furniture not in texts
    kinds = {b.kind for b in seed_map.boilerplate}
    assert kinds == {"foreign-script", "meta", "disclaimer", "tags"}
    for b in seed_map.boilerplate:
        assert b.span.slice(seed_text) == b.text


def test_units_slice_back_in_order(seed_map: ArgumentMap, seed_text: str) -> None:
    previous_end = 0
    for u in seed_map.units:
        assert u.span.slice(seed_text) == u.text
        assert u.span.start >= previous_end
        previous_end = u.span.end


def test_thesis_and_its_two_supporting_sentences(seed_map: ArgumentMap) -> None:
    thesis = seed_map.unit(seed_map.central_claim or "")
    assert thesis.text == (
        "The polarization of the Asia Pacific Region is in the way of Russia’s new Asian "
        "strategy."
    )
    assert thesis.role is Role.CENTRAL_CLAIM
    for start in ("The Obama administration’s policy", "This puts Russia in a difficult"):
        supporter = unit(seed_map, start, section="lead")
        assert relation(seed_map, supporter, thesis).kind is RelationKind.SUPPORT


def test_in_fact_answers_the_asian_offensive_reading(seed_map: ArgumentMap) -> None:
    in_fact = unit(seed_map, "Russia’s goals in the Pacific are not this ambitious")
    assert [m.text for m in in_fact.markers] == ["In fact"]
    reading = unit(seed_map, "American experts were quick to see")
    assert "Asian offensive" in reading.text
    rel = relation(seed_map, in_fact, reading)
    assert rel.kind is RelationKind.ATTACK
    assert rel.marker is not None and rel.marker.text == "In fact"


def test_three_turning_points(seed_map: ArgumentMap) -> None:
    announcement = unit(seed_map, "Over the past twenty years")
    (enum,) = [e for e in seed_map.enumerations if e.announcement == announcement.id]
    assert enum.cardinal == 3 and enum.complete
    items = [seed_map.unit(i).text for i in enum.items]
    assert items[0].startswith("The first was during the visit of President Boris Yeltsin")
    assert items[1].startswith("The second turning point in Russia’s Pacific policy")
    assert items[2].startswith("The third turning point came around in 2009")
    for item_id in enum.items:
        rel = relation(seed_map, seed_map.unit(item_id), announcement)
        assert (rel.kind, rel.subtype) == (RelationKind.SUPPORT, "item")
    third_stage = unit(seed_map, "The third stage of Russia’s Pacific policy")
    assert third_stage.id not in enum.items


def test_taken_together_concludes_the_turning_points(seed_map: ArgumentMap) -> None:
    conclusion = unit(seed_map, "these circumstances predetermined")
    assert conclusion.role is Role.CONCLUSION
    assert conclusion.section == "three-turning-points"
    announcement = unit(seed_map, "Over the past twenty years")
    rel = relation(seed_map, announcement, conclusion)
    assert rel.kind is RelationKind.SUPPORT
    assert rel.marker is not None and rel.marker.text == "Taken together"
    thesis = seed_map.unit(seed_map.central_claim or "")
    assert relation(seed_map, conclusion, thesis).kind is RelationKind.SUPPORT


def test_four_aims(seed_map: ArgumentMap) -> None:
    announcement = unit(seed_map, "This approach allows it to address four sets of problems")
    (enum,) = [e for e in seed_map.enumerations if e.announcement == announcement.id]
    assert enum.cardinal == 4 and enum.complete
    items = [seed_map.unit(i) for i in enum.items]
    assert [u.markers[0].text for u in items] == ["First", "Second", "Third", "Fourth"]
    assert items[0].text.startswith("the dialogue with the Pacific countries")
    assert items[3].text.startswith("Russia is expanding its economic ties")
    assert all(u.section == "window-for-a-dialogue" for u in items)


def test_of_course_is_a_concession_answered_by_but(seed_map: ArgumentMap) -> None:
    first_aim = unit(seed_map, "the dialogue with the Pacific countries")
    concession = unit(seed_map, "Beijing will be Russia’s priority partner")
    answer = unit(seed_map, "Moscow is seeking to create economic relations")
    assert concession.role is Role.CONCESSION
    assert relation(seed_map, concession, first_aim).kind is RelationKind.ATTACK
    rel = relation(seed_map, answer, concession)
    assert rel.kind is RelationKind.ATTACK
    assert rel.marker is not None and rel.marker.text == "But"


def test_conundrum_restates_the_thesis_against_the_strategy(seed_map: ArgumentMap) -> None:
    thesis = seed_map.unit(seed_map.central_claim or "")
    restated = unit(seed_map, "the polarization of the Asia Pacific Region",
                    section="a-conundrum")
    assert restated.role is Role.RESTATEMENT
    assert relation(seed_map, restated, thesis).subtype == "restatement"
    attacks = [r for r in seed_map.relations_from(restated.id)
               if r.kind is RelationKind.ATTACK]
    assert len(attacks) == 1
    assert seed_map.unit(attacks[0].target).section == "window-for-a-dialogue"
    assert attacks[0].marker is not None and attacks[0].marker.text == "However"


def test_closing_conclusion(seed_map: ArgumentMap) -> None:
    closing = unit(seed_map, "These variables raise doubts")
    assert closing.role is Role.CONCLUSION
    restated = unit(seed_map, "the polarization of the Asia Pacific Region",
                    section="a-conundrum")
    assert relation(seed_map, closing, restated).kind is RelationKind.SUPPORT


def test_every_relation_says_why(seed_map: ArgumentMap) -> None:
    ids = {u.id for u in seed_map.units} | {r.id for r in seed_map.relations}
    for rel in seed_map.relations:
        assert rel.source in ids and rel.target in ids
        assert rel.rule
        if rel.rule.split(".")[0] in ("contrast", "concession", "summary", "enumeration"):
            assert rel.marker is not None


def test_json_round_trip(seed_map: ArgumentMap) -> None:
    assert ArgumentMap.from_json(seed_map.to_json()) == seed_map
