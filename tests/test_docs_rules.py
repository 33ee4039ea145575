"""The rules reference: its examples agree with the parser, and it covers the grammar."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from argmap.grammar import grammar_dir, load_grammar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "scripts"))

import rules_reference as rr

EXAMPLES = rr.load_examples()
SOURCE = (grammar_dir() / "markers.lark").read_text(encoding="utf-8")
RULES = rr.grammar_rules(SOURCE)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule}:{e.text}" for e in EXAMPLES])
def test_example_markers_are_what_the_parser_finds(example: rr.Example) -> None:
    assert rr.found_markers(example.text) == example.markers


def test_check_examples_names_a_wrong_example() -> None:
    wrong = rr.Example("opener", "However, the plan failed.", ())
    with pytest.raises(rr.RulesReferenceError, match="HOWEVER@opener"):
        rr.check_examples([wrong])


def test_every_rule_of_the_compiled_grammar_is_read_from_the_file() -> None:
    compiled = {str(r.origin.name) for r in load_grammar().parser.rules}
    # Lark adds "__name_star_n" rules for repetitions; they are not in the file.
    compiled = {name for name in compiled if not name.startswith("__")}
    assert {r.name for r in RULES} == compiled


@pytest.mark.parametrize(("name", "section", "comment_start"), [
    ("opener", "positions", "Sentence-initial:"),
    ("parenthetical", "positions", "Between commas:"),
    ("since_temporal", "non-markers", "\"Since 2010\""),
    ("contrast", "function groups", "Comparison.Contrast -> the marked unit attacks"),
    ("contrast_conjunction", "function groups", "Comparison.Contrast -> the marked unit"),
    ("_filler", "non-markers", "Words and phrases that are never markers"),
    ("start", "", ""),
])
def test_rules_carry_their_section_and_comment(name: str, section: str,
                                               comment_start: str) -> None:
    rule = next(r for r in RULES if r.name == name)
    assert rule.section == section
    assert rule.comment.startswith(comment_start)


def test_every_position_and_non_marker_pattern_has_an_example() -> None:
    documented = {e.rule for e in EXAMPLES}
    for rule in RULES:
        if rule.section in ("positions", "non-markers") and not rule.name.startswith("_"):
            assert rule.name in documented, f"add an example of {rule.name} to {rr.EXAMPLES}"
    silent = {e.rule for e in EXAMPLES if not e.markers}
    for rule in RULES:
        if rule.section == "non-markers" and not rule.name.startswith("_"):
            assert rule.name in silent, f"add a non-firing example of {rule.name}"


@pytest.mark.parametrize(("terminal", "expected"), [
    ("HOWEVER", "however"),
    ("ON_THE_OTHER_HAND", "on the other hand"),
    ("E_G", "e.g."),
    ("I_E", "i.e."),
    ("WHAT_IS_MORE", "what is more"),
    ("LIST_NUM", None),  # "\d{1,2}[.)](?=\s)": no plain sample
])
def test_sample_matches_the_terminal(terminal: str, expected: str | None) -> None:
    assert rr.sample(load_grammar().terminals[terminal]) == expected


@pytest.mark.parametrize(("terminal", "fires", "silent"), [
    ("HOWEVER", {"opener", "between commas", "after a semicolon"}, {"after “the”"}),
    ("STILL", {"opener"}, {"opener, no comma"}),
    ("BECAUSE", {"inside a clause", "after a comma"}, {"clause-final"}),
    ("ORD_2", {"opener", "after “the”"}, {"between commas"}),
    ("CARD_3", {"before a plural"}, {"opener"}),
])
def test_probe_shows_where_a_marker_fires(terminal: str, fires: set[str],
                                          silent: set[str]) -> None:
    rows = rr.probe(load_grammar().terminals[terminal])
    fired = {frame for frame, _, hit in rows if hit}
    assert fires <= fired
    assert not silent & fired


def test_page_lists_every_marker_terminal() -> None:
    page = rr.page()
    for info in load_grammar().terminals.values():
        if info.function is not None:
            assert f"`{info.name}`" in page, info.name
    assert "### `however_degree`" in page
    assert "Comparison.Contrast" in page
