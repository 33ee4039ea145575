"""Golden tables for lists that run past their count, what follows a list, the closing
conclusion, and results drawn across paragraphs and sections.

Each row is a kind of input a first-time user's texts broke (more items than announced,
an example after the last item, an unmarked last paragraph that concludes nothing, a
"Therefore" after an objection and its answer, a section whose claim is the conclusion
of its first paragraph), with rows where the rule must not fire. Expected values follow
the annotation scheme of Peldszus & Stede (2016) and the PDTB 2.0 senses named in
``grammars/markers.lark``.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.model import ArgumentMap, RelationKind

SUPPORT, ATTACK = RelationKind.SUPPORT, RelationKind.ATTACK


def _texts(m: ArgumentMap) -> dict[str, str]:
    return {u.id: u.text for u in m.units}


def lists(text: str) -> tuple[list[tuple[str | None, list[str]]], list[str]]:
    """(announcement text, item texts) of each enumeration, and the map's warnings."""
    m = argmap.analyze(text)
    texts = _texts(m)
    found = [(texts[e.announcement] if e.announcement else None, [texts[i] for i in e.items])
             for e in m.enumerations]
    warnings = m.metadata["warnings"]
    assert isinstance(warnings, list)
    return found, warnings


def relations_of(text: str, source: str) -> set[tuple[RelationKind, str, str]]:
    """(kind, target text, rule id) of each relation whose source is the unit ``source``."""
    m = argmap.analyze(text)
    texts = _texts(m)
    return {(r.kind, texts.get(r.target, r.target), r.rule) for r in m.relations
            if texts.get(r.source) == source}


_FEES = "Fees should fall.\n\nFees do damage in three ways:\n\n"
_WAYS = "Fees do damage in three ways"
_THREE = ["They deter poor students.", "They burden families.", "They raise debt."]
_ABROAD = "They push graduates abroad."
_MISCOUNT = '"Fees do damage in three ways" (line 3): announces 3 items but has {}'

# A list whose numbering or bullets go on past its announced count is one list: the
# extra item is an item of it, and a warning says the count is wrong
# (structure._Builder.overflow).
MORE_ITEMS_THAN_ANNOUNCED = [
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n"
        "3. They raise debt.\n4. They push graduates abroad.\n",
        ([(_WAYS, [*_THREE, _ABROAD])], [_MISCOUNT.format(4)]),
        id="a-fourth-numbered-item-under-three-ways"),
    pytest.param(
        _FEES + "- They deter poor students.\n- They burden families.\n"
        "- They raise debt.\n- They push graduates abroad.\n",
        ([(_WAYS, [*_THREE, _ABROAD])], [_MISCOUNT.format(4)]),
        id="a-fourth-bullet-under-three-ways"),
    pytest.param(
        _FEES + "- They deter poor students.\n- They burden families.\n"
        "- They raise debt.\n- They push graduates abroad.\n- They cost the state.\n",
        ([(_WAYS, [*_THREE, _ABROAD, "They cost the state."])],
         [_MISCOUNT.format(5)]),
        id="two-bullets-past-the-count-warn-once"),
    pytest.param(
        "Fees should fall. Fees do damage in two ways. First, they deter poor students. "
        "Second, they burden families. Third, they raise debt.",
        ([("Fees do damage in two ways.",
           ["they deter poor students.", "they burden families.", "they raise debt."])],
         ['"Fees do damage in two ways" (line 1): announces 2 items but has 3']),
        id="a-third-ordinal-after-two-ways"),
    # where the rule must not fire
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n"
        "3. They raise debt.\n",
        ([(_WAYS, _THREE)], []), id="as-many-items-as-announced"),
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n",
        ([(_WAYS, _THREE[:2])], [_MISCOUNT.format(2)]),
        id="fewer-items-than-announced-warn-as-before"),
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n"
        "3. They raise debt.\n\nThe council met in May.\n\n4. They push graduates abroad.\n",
        ([(_WAYS, _THREE)], []), id="a-paragraph-between-ends-the-list"),
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n"
        "3. They raise debt.\n5. They push graduates abroad.\n",
        ([(_WAYS, _THREE)], []), id="a-number-that-skips-is-no-next-item"),
    pytest.param(
        _FEES + "1. They deter poor students.\n2. They burden families.\n"
        "3. They raise debt.\n- They push graduates abroad.\n",
        ([(_WAYS, _THREE), (None, [_ABROAD])], []),
        id="a-bullet-after-numbered-items-is-another-list"),
]


@pytest.mark.parametrize(("text", "warnings"), [
    ("Fees should fall. The fees that the universities of this country now charge do "
     "damage in three ways. First, they deter poor students. Second, they burden families.",
     ['"The fees that the universities of this country now charge…" (line 1): announces '
      "3 items but has 2"]),
    # an HTML page's lines are not the analysed text's: the paragraph is named instead
    ("<html><body><h1>Fees</h1><p>Fees should fall.</p><p>Fees do damage in three ways."
     "</p><p>First, they deter students.</p><p>Second, they burden families.</p></body>"
     "</html>",
     ['"Fees do damage in three ways" (paragraph 2): announces 3 items but has 2']),
    # no warning: the count matches, or no count was announced
    ("Fees should fall. Fees do damage in two ways. First, they deter poor students. "
     "Second, they burden families.", []),
    ("Fees should fall. First, they deter poor students. Second, they burden families.", []),
])
def test_a_miscounted_list_is_named_by_its_announcement(text: str,
                                                        warnings: list[str]) -> None:
    assert argmap.analyze(text).metadata["warnings"] == warnings


@pytest.mark.parametrize(("text", "expected"), MORE_ITEMS_THAN_ANNOUNCED)
def test_items_past_the_announced_count(
        text: str, expected: tuple[list[tuple[str | None, list[str]]], list[str]]) -> None:
    assert lists(text) == expected


_CHARGE = ("Riverton should introduce a congestion charge.\n\n"
           "A charge reduces traffic in three ways:\n\n"
           "1. It makes drivers consider whether a trip is necessary.\n\n"
           "2. It shifts trips to off-peak hours.\n\n")
_ANNOUNCING = "A charge reduces traffic in three ways"
_FUNDS = "It funds better public transport."
_STOCKHOLM = "Stockholm cut central traffic by 20 percent after its charge began."

# An example in the paragraph after a closed list illustrates the list's claim unless it
# is about the last item (lexical cohesion; structure._after_list).
EXAMPLE_AFTER_A_LIST = [
    pytest.param(
        _CHARGE + f"3. {_FUNDS}\n\nFor example, {_STOCKHOLM}\n",
        _STOCKHOLM, {(SUPPORT, _ANNOUNCING, "example.opener.after-list")},
        id="an-example-paragraph-about-the-announcement"),
    pytest.param(
        _CHARGE + f"3. {_FUNDS}\n\nAfter all, the charge cut central traffic in "
        "Stockholm.\n",
        "the charge cut central traffic in Stockholm.",
        {(SUPPORT, _ANNOUNCING, "reason.opener.after-list")},
        id="a-reason-paragraph-about-the-announcement"),
    # where the rule must not fire
    pytest.param(
        _CHARGE + f"3. {_FUNDS} For example, {_STOCKHOLM}\n",
        _STOCKHOLM, {(SUPPORT, _FUNDS, "example.opener")},
        id="an-example-in-the-items-own-paragraph"),
    pytest.param(
        _CHARGE + f"3. {_FUNDS}\n\nFor example, Stockholm spends the money on better "
        "public transport.\n",
        "Stockholm spends the money on better public transport.",
        {(SUPPORT, _FUNDS, "example.opener")},
        id="an-example-paragraph-about-the-last-item"),
    pytest.param(
        _CHARGE + f"For example, {_STOCKHOLM}\n\n3. {_FUNDS}\n",
        _STOCKHOLM, {(SUPPORT, "It shifts trips to off-peak hours.", "example.opener")},
        id="an-example-between-two-items-of-an-open-list"),
]


@pytest.mark.parametrize(("text", "source", "expected"), EXAMPLE_AFTER_A_LIST)
def test_a_paragraph_after_a_list(text: str, source: str,
                                  expected: set[tuple[RelationKind, str, str]]) -> None:
    assert relations_of(text, source) == expected


_TRAINS = ("The city should scrap first-class carriages on commuter trains.\n\n"
           "First-class tickets cost four times as much as standard ones. Premium seats "
           "are empty most mornings.\n\n")
_SCRAP = "The city should scrap first-class carriages on commuter trains."

# The head of the last paragraph is the closing conclusion only when something shows
# that it concludes: a claim cue, or topic words it shares with the central claim or its
# section's claim (structure._concludes_argument).
CLOSING_CONCLUSION = [
    pytest.param(
        _TRAINS + "Thus far, the operator has ignored these figures. Besides the cost, "
        "there is the question of fairness.\n",
        "Thus far, the operator has ignored these figures.",
        {(SUPPORT, _SCRAP, "default.section")},
        id="an-unmarked-last-paragraph-that-concludes-nothing"),
    pytest.param(
        _TRAINS + "The timetable changed in May. Standing has become normal.\n",
        "The timetable changed in May.", {(SUPPORT, _SCRAP, "default.section")},
        id="a-last-paragraph-of-new-facts"),
    # where it still is the closing conclusion
    pytest.param(
        _TRAINS + "First-class carriages waste space on crowded commuter trains. Everyone "
        "pays the same taxes.\n",
        "First-class carriages waste space on crowded commuter trains.",
        {(SUPPORT, _SCRAP, "conclusion.closing")},
        id="a-last-paragraph-that-says-the-claim-again-in-part"),
    pytest.param(
        _TRAINS + "The operator must act before winter. Everyone pays the same taxes.\n",
        "The operator must act before winter.", {(SUPPORT, _SCRAP, "conclusion.closing")},
        id="a-last-paragraph-with-a-modal"),
    pytest.param(
        _TRAINS + "It is time for the operator to act. Everyone pays the same taxes.\n",
        "It is time for the operator to act.", {(SUPPORT, _SCRAP, "conclusion.closing")},
        id="a-last-paragraph-that-recommends"),
    # a figure reported with a shared topic word: evidence, no conclusion (fresh user's
    # quote2.txt: "The cut would cost twelve billion pounds a year." concluded all)
    pytest.param(
        _TRAINS + "First-class carriages cost the operator twelve million pounds a year.\n",
        "First-class carriages cost the operator twelve million pounds a year.",
        {(SUPPORT, _SCRAP, "default.section")},
        id="a-last-paragraph-that-reports-a-figure-in-words"),
    pytest.param(
        _TRAINS + "Commuter trains carry 40 percent more people than in 2010.\n",
        "Commuter trains carry 40 percent more people than in 2010.",
        {(SUPPORT, _SCRAP, "default.section")},
        id="a-last-paragraph-that-reports-a-figure-in-digits"),
    # where a figure does not stop it: a claim cue; "one" is no figure
    pytest.param(
        _TRAINS + "The operator must save twelve million pounds a year.\n",
        "The operator must save twelve million pounds a year.",
        {(SUPPORT, _SCRAP, "conclusion.closing")},
        id="a-figure-with-a-modal"),
    pytest.param(
        _TRAINS + "No one needs first-class carriages on commuter trains.\n",
        "No one needs first-class carriages on commuter trains.",
        {(SUPPORT, _SCRAP, "conclusion.closing")},
        id="no-one-is-no-figure"),
]


@pytest.mark.parametrize(("text", "source", "expected"), CLOSING_CONCLUSION)
def test_the_closing_conclusion_concludes(
        text: str, source: str, expected: set[tuple[RelationKind, str, str]]) -> None:
    assert relations_of(text, source) == expected


_PHONES = "Schools should ban smartphones during the school day."
_OBJECTION = ("Some argue that students need phones in an emergency. However, every "
              "school office has a telephone that parents can call.\n\n")
_FIRST_BELL = "schools should ban phones from the first bell to the last."

# A result that opens a paragraph or a section is not drawn from an objection or from
# the answer to one, but from the author's line (structure._in_objection, _author_line).
# (A result opening the text's last paragraph two paragraphs or more into its section
# is the closing conclusion, drawn from the paragraph before's head: rule .closing; the
# rows end with another paragraph where that would hide the rule.)
RESULT_AFTER_AN_OBJECTION = [
    pytest.param(
        f"{_PHONES} Phones distract students from learning.\n\n" + _OBJECTION
        + f"Therefore, {_FIRST_BELL}\n",
        _FIRST_BELL, {(SUPPORT, _PHONES, "result.opener.past-objection.to-thesis")},
        id="therefore-after-an-objection-paragraph"),
    pytest.param(
        f"{_PHONES}\n\nPhones distract students from learning. Admittedly, some parents "
        "worry about emergencies. But every office has a telephone.\n\nTherefore, a ban "
        "would help students learn.\n\nThe council votes in May.\n",
        "a ban would help students learn.",
        {(SUPPORT, "Phones distract students from learning.",
          "result.opener.past-objection")},
        id="therefore-after-a-paragraph-that-grants-and-answers-a-point"),
    pytest.param(
        "# Congestion pricing\n\nRiverton should introduce a congestion charge.\n\n"
        "## Objections\n\nCritics say the charge hurts low-income drivers. However, most "
        "low-income residents do not commute by car.\n\n## Recommendation\n\n"
        "Therefore, the council should adopt the charge.\n",
        "the council should adopt the charge.",
        {(SUPPORT, "Riverton should introduce a congestion charge.",
          "result.opener.section-start.past-objection.to-thesis")},
        id="therefore-opening-a-section-after-an-objections-section"),
    # where the rule must not fire
    pytest.param(
        f"{_PHONES}\n\nPhones distract students from learning. Grades fall.\n\n"
        "Therefore, a ban would help students learn.\n\nThe council votes in May.\n",
        "a ban would help students learn.",
        {(SUPPORT, "Grades fall.", "result.opener")},
        id="therefore-after-a-paragraph-of-reasons"),
    pytest.param(
        f"{_PHONES}\n\nPhones distract students from learning. But tablets distract "
        "them too.\n\nTherefore, a ban would help students learn.\n\nThe council votes in "
        "May.\n",
        "a ban would help students learn.",
        {(SUPPORT, "tablets distract them too.", "result.opener")},
        id="therefore-after-a-contrast-that-answers-no-objection"),
]


@pytest.mark.parametrize(("text", "source", "expected"), RESULT_AFTER_AN_OBJECTION)
def test_a_result_after_an_objection(text: str, source: str,
                                     expected: set[tuple[RelationKind, str, str]]) -> None:
    m = argmap.analyze(text)
    texts = _texts(m)
    drawn = {(r.kind, texts[r.source], r.rule) for r in m.relations
             if texts.get(r.target) == source and r.subtype == "result"}
    turned = {(r.kind, texts[r.target], r.rule) for r in m.relations
              if texts.get(r.source) == source and r.subtype == "result"}
    assert drawn | turned == expected


_RIVERTON = "# Congestion pricing\n\nRiverton should introduce a congestion charge.\n\n"
_RIVERTON_THESIS = "Riverton should introduce a congestion charge."

# A section whose first paragraph draws a conclusion ("A. As a result, B.") stands for
# that conclusion: B is the section's claim and supports the central claim
# (structure._drawn_into); before, A was, and B reached nothing.
SECTION_CLAIM_DRAWN = [
    pytest.param(
        _RIVERTON + "## The problem\n\nTraffic has grown by 30 percent. As a result, buses "
        "are slower.\n",
        "buses are slower.", {(SUPPORT, _RIVERTON_THESIS, "section.thesis")},
        id="a-section-that-opens-with-a-result"),
    pytest.param(
        _RIVERTON + "## The problem\n\nTraffic has grown by 30 percent. As a result, buses "
        "are slower.\n\nAir quality has fallen too.\n",
        "Air quality has fallen too.", {(SUPPORT, "buses are slower.", "default.section")},
        id="the-sections-other-paragraphs-support-the-conclusion"),
    # where the rule must not fire
    pytest.param(
        _RIVERTON + "## The problem\n\nTraffic has grown by 30 percent. Buses are slower."
        "\n",
        "Traffic has grown by 30 percent.", {(SUPPORT, _RIVERTON_THESIS, "section.thesis")},
        id="a-section-without-a-result"),
]


@pytest.mark.parametrize(("text", "source", "expected"), SECTION_CLAIM_DRAWN)
def test_a_section_stands_for_its_first_conclusion(
        text: str, source: str, expected: set[tuple[RelationKind, str, str]]) -> None:
    assert relations_of(text, source) == expected


_MEALS = "# Meals\n\nThe council should fund free meals for all pupils.\n\n"
_FUND = "The council should fund free meals for all pupils."

# A bullet list closes at a heading: the bullets under the next heading are no items of
# it, and a list that opens a section without a lead-in supports the central claim, not
# the last paragraph of the section before (structure._relate, Direction.ITEM).
LIST_AFTER_A_HEADING = [
    pytest.param(
        _MEALS + "## Options\n\n- Extend meals to all pupils.\n- Keep the current "
        "scheme.\n\n## Risks\n\n- The cost is high.\n- Some kitchens are too small.\n",
        "The cost is high.", {(SUPPORT, _FUND, "enumeration.item")},
        id="bullets-under-the-next-heading"),
    pytest.param(
        _MEALS + "## Options\n\n- Extend meals to all pupils.\n- Keep the current "
        "scheme.\n\n## Risks\n\n- The cost is high.\n- Some kitchens are too small.\n",
        "Some kitchens are too small.", {(SUPPORT, _FUND, "enumeration.item")},
        id="the-second-bullet-under-the-next-heading"),
    # where the rule must not fire: a list in its own section, after a paragraph
    pytest.param(
        _MEALS + "## Risks\n\nThe plan has risks.\n\n- The cost is high.\n- Some kitchens "
        "are too small.\n",
        "The cost is high.", {(SUPPORT, "The plan has risks.", "enumeration.item")},
        id="bullets-after-a-paragraph-of-their-section"),
    pytest.param(
        _MEALS + "## Risks\n\nThe plan has two risks:\n\n- The cost is high.\n- Some "
        "kitchens are too small.\n",
        "The cost is high.", {(SUPPORT, "The plan has two risks", "enumeration.item")},
        id="bullets-after-a-lead-in"),
]


@pytest.mark.parametrize(("text", "source", "expected"), LIST_AFTER_A_HEADING)
def test_a_list_closes_at_a_heading(
        text: str, source: str, expected: set[tuple[RelationKind, str, str]]) -> None:
    assert relations_of(text, source) == expected
