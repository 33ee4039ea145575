"""Every case of ``../shared/cases/segmentation.md`` as a row: its input, the expected
units (ADUs), the markers of each unit with their function (the label), the sentence
count, and the relations that markers make.

argmap's policy (case 29): a unit's span excludes its opening marker ("However,") and
the separating punctuation at its edges (the colon of a lead-in, the comma before a
joiner); those characters are marker spans and punctuation (see ``argmap.coverage``).
Relations that no marker made (``default.paragraph``: an unmarked sentence supports its
paragraph's first) are not counted where a case says "R: none".
"""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap.coverage import lost
from argmap.model import ArgumentMap

SUPPORT, ATTACK = "support", "attack"


def row(case: str, text: str, units: list[str], *, sentences: int,
        markers: dict[str, list[tuple[str, str]]] | None = None,
        relations: set[tuple[str, str, str, str, str]] | frozenset[Any] = frozenset(),
        **extra: Any) -> Any:
    """``markers``: unit text -> [(marker text, function)] for the units that have any;
    ``relations``: (source text, kind, subtype, target text, marker text)."""
    return pytest.param(text, units, sentences, markers or {}, set(relations), extra,
                        id=case)


CASES = [
    row("A1-acronym-mid-sentence",
        "The U.S. economy grew last year. However, wages stagnated.",
        ["The U.S. economy grew last year.", "wages stagnated."], sentences=2,
        markers={"wages stagnated.": [("However", "contrast")]},
        relations={("wages stagnated.", ATTACK, "contrast", "The U.S. economy grew last year.",
                    "However")}),
    row("A2-acronym-at-sentence-end",
        "Most of the money comes from the U.S. Therefore, the program depends on Congress.",
        ["Most of the money comes from the U.S.", "the program depends on Congress."],
        sentences=2, markers={"the program depends on Congress.": [("Therefore", "result")]},
        relations={("Most of the money comes from the U.S.", SUPPORT, "result",
                    "the program depends on Congress.", "Therefore")}),
    row("A3-title-abbreviation", "Dr. Okafor rejects this view. She says the sample is biased.",
        ["Dr. Okafor rejects this view.", "She says the sample is biased."], sentences=2),
    row("A4-eg-ie-without-comma",
        "Some cities (e.g. Lyon) already ban cars downtown. Others, i.e. most of them, do not.",
        ["Some cities (e.g. Lyon) already ban cars downtown.",
         "Others, i.e. most of them, do not."], sentences=2,
        # "(e.g. Lyon)" stays inside S1 as an example; "i.e." restates inside S2
        markers={"Some cities (e.g. Lyon) already ban cars downtown.": [("e.g.", "example")],
                 "Others, i.e. most of them, do not.": [("i.e.", "restatement")]}),
    row("A6-no-number", "See rule no. 7 for the exception. It applies here.",
        ["See rule no. 7 for the exception.", "It applies here."], sentences=2),
    row("A7-single-capital", "The better choice is Plan B. It costs less and works sooner.",
        ["The better choice is Plan B.", "It costs less and works sooner."], sentences=2),
    row("A9-decimal", "Inflation fell to 2.5 percent. Still, prices remain high.",
        ["Inflation fell to 2.5 percent.", "prices remain high."], sentences=2,
        markers={"prices remain high.": [("Still", "contra_expectation")]},
        relations={("prices remain high.", ATTACK, "contrast", "Inflation fell to 2.5 percent.",
                    "Still")}),
    row("A11-ellipsis-lower-case",
        "The plan might work... or it might not. Either way, we need data.",
        ["The plan might work... or it might not.", "Either way, we need data."],
        sentences=2),
    row("A12-straight-quotes",
        'The minister said, "We will act. The budget is ready." Critics were unconvinced.',
        ['The minister said, "We will act. The budget is ready."', "Critics were unconvinced."],
        sentences=2),
    row("A13-curly-quotes", "\u201cTaxes must rise.\u201d That was the whole argument.",
        ["\u201cTaxes must rise.\u201d", "That was the whole argument."], sentences=2),
    row("A15A-parenthesised-sentence",
        "Fees rose sharply. (Most students pay in full.) As a result, enrollment fell.",
        ["Fees rose sharply.", "(Most students pay in full.)", "enrollment fell."],
        sentences=3, markers={"enrollment fell.": [("As a result", "result")]},
        relations={("Fees rose sharply.", SUPPORT, "result", "enrollment fell.",
                    "As a result")},
        # S2 is a parenthetical elaboration of S1 (a rule of position, no marker)
        also=("(Most students pay in full.)", SUPPORT, "elaboration", "Fees rose sharply.")),
    row("A15B-letter-items", "Read sections (a) and (b) before you vote.",
        ["Read sections (a) and (b) before you vote."], sentences=1),
    row("A17-missing-space-marker", "The data are old.Therefore the conclusion is weak.",
        ["The data are old.", "the conclusion is weak."], sentences=2,
        markers={"the conclusion is weak.": [("Therefore", "result")]},
        relations={("The data are old.", SUPPORT, "result", "the conclusion is weak.",
                    "Therefore")}),
    row("A17-counter-case", "Version 2.Beta ships today.", ["Version 2.Beta ships today."],
        sentences=1),
    row("A18A-nbsp", "Mr.\u00a0Jones objected. However,\u00a0the vote passed.",
        ["Mr.\u00a0Jones objected.", "the vote passed."], sentences=2,
        markers={"the vote passed.": [("However", "contrast")]},
        relations={("the vote passed.", ATTACK, "contrast", "Mr.\u00a0Jones objected.",
                    "However")}),
    row("A18B-nbsp-inline-list", "Two costs matter: 1.\u00a0rent and 2.\u00a0transport.",
        ["Two costs matter", "rent", "transport."], sentences=1,
        markers={"Two costs matter": [("Two costs", "announcement")],
                 # the "and" joining the last item is a marker (Expansion.Conjunction)
                 "rent": [("1.", "ordinal")],
                 "transport.": [("and", "addition"), ("2.", "ordinal")]},
        relations={("rent", SUPPORT, "item", "Two costs matter", "1."),
                   ("transport.", SUPPORT, "item", "Two costs matter", "2.")},
        enumeration=("Two costs matter", ["rent", "transport."])),
    row("A19-inline-numbered-list",
        "There are two reasons: 1. costs are high; 2. benefits are unclear.",
        ["There are two reasons", "costs are high", "benefits are unclear."], sentences=1,
        markers={"There are two reasons": [("two reasons", "announcement")],
                 "costs are high": [("1.", "ordinal")],
                 "benefits are unclear.": [("2.", "ordinal")]},
        relations={("costs are high", SUPPORT, "item", "There are two reasons", "1."),
                   ("benefits are unclear.", SUPPORT, "item", "There are two reasons", "2.")},
        enumeration=("There are two reasons", ["costs are high", "benefits are unclear."])),
    row("A20-line-list-and-heading",
        "Why the Levy Fails\nThe levy ignores costs. We propose three changes:\n1. Cut fees\n"
        "2. Expand aid\n3. Publish results",
        ["The levy ignores costs.", "We propose three changes", "Cut fees", "Expand aid",
         "Publish results"], sentences=5,
        markers={"We propose three changes": [("three changes", "announcement")],
                 "Cut fees": [("1.", "ordinal")], "Expand aid": [("2.", "ordinal")],
                 "Publish results": [("3.", "ordinal")]},
        relations={("Cut fees", SUPPORT, "item", "We propose three changes", "1."),
                   ("Expand aid", SUPPORT, "item", "We propose three changes", "2."),
                   ("Publish results", SUPPORT, "item", "We propose three changes", "3.")},
        enumeration=("We propose three changes", ["Cut fees", "Expand aid",
                                                  "Publish results"]),
        title="Why the Levy Fails"),
    row("A21-markdown-emphasis", "**This is the key claim.** Everything else follows from it.",
        ["**This is the key claim.**", "Everything else follows from it."], sentences=2),
    row("B23A-since-temporal", "Since 2010, enrollment has doubled.",
        ["Since 2010, enrollment has doubled."], sentences=1),
    row("B23B-since-causal", "Since the data are incomplete, the claim is premature.",
        ["the data are incomplete", "the claim is premature."], sentences=1,
        markers={"the data are incomplete": [("Since", "reason")]},
        relations={("the data are incomplete", SUPPORT, "reason", "the claim is premature.",
                    "Since")},
        thesis="the claim is premature."),
    row("B24A-while-temporal", "While the votes were counted, protesters waited outside.",
        ["While the votes were counted, protesters waited outside."], sentences=1),
    row("B24B-while-concessive", "While the plan is cheap, it is unfair.",
        ["the plan is cheap", "it is unfair."], sentences=1,
        markers={"the plan is cheap": [("While", "concession")]},
        relations={("the plan is cheap", ATTACK, "concession", "it is unfair.", "While")},
        roles={"the plan is cheap": "concession", "it is unfair.": "central_claim"}),
    # "first" is read as an ordinal adjective; with no announced list it makes no item
    row("B25A-first-adjective", "The first problem is cost.", ["The first problem is cost."],
        sentences=1, markers={"The first problem is cost.": [("first", "ordinal")]}),
    row("B25B-first-second", "First, the plan is costly. Second, it is slow.",
        ["the plan is costly.", "it is slow."], sentences=2,
        markers={"the plan is costly.": [("First", "ordinal")],
                 "it is slow.": [("Second", "ordinal")]},
        relations={("it is slow.", SUPPORT, "item", "the plan is costly.", "Second")},
        enumeration=(None, ["the plan is costly.", "it is slow."])),
    row("B25C-clearly-adverb", "Clearly written rules help everyone.",
        ["Clearly written rules help everyone."], sentences=1),
    row("B27A-however-degree", "However much we spend, the gap remains.",
        ["However much we spend, the gap remains."], sentences=1),
    row("B27B-however-parenthetical", "The plan is popular. Its cost, however, is hidden.",
        ["The plan is popular.", "Its cost, however, is hidden."], sentences=2,
        markers={"Its cost, however, is hidden.": [("however", "contrast")]},
        relations={("Its cost, however, is hidden.", ATTACK, "contrast",
                    "The plan is popular.", "however")}),
    row("B29-markers-outside-units",
        "To be sure, the tax is unpopular. In other words, voters hate it.",
        ["the tax is unpopular.", "voters hate it."], sentences=2,
        markers={"the tax is unpopular.": [("To be sure", "concession")],
                 "voters hate it.": [("In other words", "restatement")]},
        relations={("voters hate it.", SUPPORT, "restatement", "the tax is unpopular.",
                    "In other words")},
        roles={"the tax is unpopular.": "concession"}),
]


def marked_relations(m: ArgumentMap) -> set[tuple[str, str, str, str, str]]:
    return {(m.unit(r.source).text, r.kind.value, r.subtype, m.unit(r.target).text,
             r.marker.text) for r in m.relations if r.marker is not None}


@pytest.mark.parametrize(("text", "units", "sentences", "markers", "relations", "extra"),
                         CASES)
def test_shared_segmentation_case(text: str, units: list[str], sentences: int,
                                  markers: dict[str, list[tuple[str, str]]],
                                  relations: set[tuple[str, str, str, str, str]],
                                  extra: dict[str, Any]) -> None:
    m = argmap.analyze(text)
    assert [u.text for u in m.units] == units
    assert m.metadata["sentences"] == sentences
    assert {u.text: [(mk.text, mk.function.value) for mk in u.markers]
            for u in m.units if u.markers} == markers
    assert marked_relations(m) == relations
    assert lost(m, text) == []  # byte-exact: every letter is in a unit, marker or title
    for u in m.units:
        assert text[u.span.start:u.span.end] == u.text
    if "also" in extra:
        source, kind, subtype, target = extra["also"]
        assert any((m.unit(r.source).text, r.kind.value, r.subtype, m.unit(r.target).text)
                   == (source, kind, subtype, target) for r in m.relations)
    if "enumeration" in extra:
        announcement, items = extra["enumeration"]
        assert [(m.unit(e.announcement).text if e.announcement else None,
                 [m.unit(i).text for i in e.items]) for e in m.enumerations] == [
            (announcement, items)]
    else:
        assert m.enumerations == ()
    assert m.title == extra.get("title")
    if "thesis" in extra:
        assert m.unit(m.central_claim).text == extra["thesis"]
    for unit_text, role in extra.get("roles", {}).items():
        assert next(u for u in m.units if u.text == unit_text).role.value == role
