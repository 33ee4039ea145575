"""The fast paths of ``Grammar.hits`` (memo on token types, parser skip, the plan-level LALR
driver of ``argmap.lalr``) change nothing: hits equal a fresh parse by Lark."""

from __future__ import annotations

from pathlib import Path

import lark
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.grammar import SYNTHETIC, Grammar, Hit, Plan, Token, load_grammar
from argmap.lalr import PlanParser
from argmap.segment import segment
from strategies import prose_documents

GRAMMAR = load_grammar()
#: Every terminal the scanner can emit between SOS and EOS.
INNER = sorted(set(GRAMMAR.terminals) | {"TEXT"})


def _tokens(types: list[str]) -> list[Token]:
    """Tokens of the given types at made-up, increasing offsets."""
    out = []
    for n, name in enumerate(["SOS", *types, "EOS"]):
        out.append(Token(name, f"w{n}", 3 * n, 3 * n + 2))
    return out


def _shape(hits: list[Hit], tokens: list[Token]) -> list[tuple[str, tuple[int, ...], int]]:
    """Hits as (rule, token indices, head index), by identity with ``tokens``."""
    where = {id(t): n for n, t in enumerate(tokens)}
    return [(h.rule, tuple(where[id(t)] for t in h.tokens),
             -1 if h.head is None else where[id(h.head)]) for h in hits]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(INNER), max_size=24))
def test_hits_equal_a_fresh_parse(types: list[str]) -> None:
    tokens = _tokens(types)
    fresh = _shape(GRAMMAR.parse(tokens), tokens)
    first = _shape(GRAMMAR.hits(tokens), tokens)
    again = _tokens(types)  # new token objects: the memo must map hits onto them
    assert first == fresh
    assert _shape(GRAMMAR.hits(again), again) == fresh


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        # a marker-free sentence is not parsed, and has no hit
        (["TEXT"], []),
        (["THE", "TEXT", "COMMA", "AND_OR", "TEXT"], []),
        (["NEG", "TEXT", "MONTH", "YEAR"], []),
        # a marker or a cardinal sends the sentence to the parser
        (["HOWEVER", "COMMA", "TEXT"], [("opener", (1,), -1)]),
        (["TEXT", "COMMA", "BUT", "TEXT"], [("joiner", (3,), -1)]),
        (["CARD_3", "TEXT"], [("announcement", (1,), 2)]),
        (["THE", "ORD_2", "TEXT"], [("ordinal_np", (2,), -1)]),
        # non-marker patterns of marker words: parsed, no hit
        (["HOWEVER", "DEGREE", "TEXT"], []),
        (["SINCE", "YEAR", "COMMA", "TEXT"], []),
    ],
)
def test_hit_table(types: list[str], expected: list[tuple[str, tuple[int, ...], int]]) -> None:
    tokens = _tokens(types)
    assert _shape(GRAMMAR.hits(tokens), tokens) == expected


def test_plan_parser_refuses_what_its_grammar_does_not_accept() -> None:
    from argmap.lalr import PlanParser

    tiny = lark.Lark('start: A B\nA: "a"\nB: "b"', parser="lalr")
    parser = PlanParser(tiny, (), ())
    assert parser.plans(["A", "B"]) == ()
    with pytest.raises(ValueError, match="cannot read B at token 0 of B; it expects one of: A"):
        parser.plans(["B"])
    with pytest.raises(ValueError, match="cannot read C at token 1 of A C; it expects one of: B"):
        parser.plans(["A", "C"])  # a type the grammar does not know


def test_fillers_learned_for_all_lookaheads_are_the_fillers_of_each_pair() -> None:
    # _learn_filler walks the table once for lookaheads it treats alike; _filler_item
    # is the definition, one pair at a time
    parser = _fresh_parser()
    terminals = sorted({symbol for row in parser._actions for symbol in row})  # and $END
    for symbol in terminals:
        learned = parser._learn_filler(symbol)
        assert learned == {la for la in terminals if parser._filler_item(symbol, la)}, symbol
    assert parser._fillers["THE"] == parser._fillers["DEGREE"] == set(terminals)
    assert "THEREFORE" not in parser._fillers["TEXT"]
    assert "$END" not in parser._fillers["$END"] and not parser._fillers["BECAUSE"]


def test_hit_terminals_are_markers_and_cardinals() -> None:
    assert {"HOWEVER", "BUT", "ORD_1", "CARD_2", "LIST_NUM", "WHILE"} <= GRAMMAR.hit_terminals
    assert not {"TEXT", "THE", "COMMA", "NEG", "AND_OR", *SYNTHETIC} & GRAMMAR.hit_terminals


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the memo of whole sequences, for a grammar that Lark parses (see below)
    import argmap.grammar as grammar_module

    user = tmp_path / "paren.lark"
    user.write_text('%extend list_item: SOS "(" list_marker\n', encoding="utf-8")
    grammar = load_grammar((user,))
    fresh = Grammar(grammar.source, grammar.terminals, grammar.parser, grammar.scanner,
                    grammar.group_names, grammar.clause_terminals, grammar.hit_terminals)
    monkeypatch.setattr(grammar_module, "MEMO_SIZE", 3)
    for n in range(10):
        types = ["SOS", *["TEXT"] * n, "COMMA", "BUT", "TEXT", "EOS"]
        assert fresh.plan(types) == (("joiner", (n + 2,), None),)
        assert 1 <= len(fresh._plans) <= 3


def test_the_plan_driver_keeps_no_memo_of_whole_sequences() -> None:
    grammar = Grammar(GRAMMAR.source, GRAMMAR.terminals, GRAMMAR.parser, GRAMMAR.scanner,
                      GRAMMAR.group_names, GRAMMAR.clause_terminals, GRAMMAR.hit_terminals)
    types = ["SOS", "TEXT", "COMMA", "BUT", "TEXT", "EOS"]
    assert grammar.plan(types) == grammar.plan(types) == (("joiner", (3,), None),)
    assert not grammar._plans and grammar.plan_parser._items


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose_documents())
def test_segmentation_is_the_same_without_the_fast_paths(text: str) -> None:
    from argmap.ingest import Document

    document = Document.from_text(text)
    fast = segment(document, GRAMMAR)
    with pytest.MonkeyPatch.context() as patch:
        # every sentence through Lark's own parser, with its tokens made
        patch.setattr(Grammar, "plan", _lark_plan)
        slow = segment(document, GRAMMAR)
    assert slow == fast


class _Parsed(tuple):  # type: ignore[type-arg]
    """A plan that is never empty to ``if``, so that segment makes the tokens."""

    def __bool__(self) -> bool:
        return True


def _lark_plan(self: Grammar, types: list[str]) -> _Parsed:
    tokens = _tokens(types[1:-1])
    return _Parsed((rule, picks, None if head < 0 else head)
                   for rule, picks, head in _shape(self.parse(tokens), tokens))


def test_a_user_rule_with_a_filtered_token_gets_larks_hits(tmp_path: Path) -> None:
    # Lark drops anonymous literals ("(") from a rule's children; the plan driver does not
    # model that, so such a grammar is parsed by Lark (list_item has no lead here).
    user = tmp_path / "paren.lark"
    user.write_text('%extend list_item: SOS "(" list_marker\n', encoding="utf-8")
    grammar = load_grammar((user,))
    assert not grammar.plan_parser.exact
    text = "(3) Fees go up."
    tokens = grammar.scan(text, 0, len(text))
    assert [t.type for t in tokens][:3] == ["SOS", "LPAR", "LIST_NUM"]
    assert grammar.hits(tokens) == grammar.parse(tokens)
    assert grammar.hits(tokens)[0].head is None
    assert GRAMMAR.plan_parser.exact  # the built-in grammar keeps the fast driver


#: A few token types, so that items (", but", "; however ,", "three TEXT") recur and the
#: parser's memo of items (``PlanParser._remember_item``) is read as well as written.
_FEW = ["TEXT", "TEXT", "COMMA", "SEMI", "BUT", "HOWEVER", "AND", "THE", "ORD_2", "CARD_3",
        "LIST_NUM", "THEREFORE", "ALTHOUGH", "EOS"]
#: A user grammar with a new position rule: inlined children, an alias, optional tokens.
_USER = """\
%extend _item: aside
%extend final: COLON _medial_adverbial EOS? -> joiner
%extend concession_clause: ALBEIT
aside: ASIDE_OPEN _aside_tail COMMA? -> apposition
_aside_tail: _medial_adverbial | addition_comma TEXT?
ASIDE_OPEN: "by the way"i   // sense: Expansion.Conjunction
ALBEIT: "albeit"i   // sense: Comparison.Concession
"""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_FEW), max_size=16), min_size=2, max_size=8),
       st.booleans())
def test_remembered_items_give_larks_plans(sentences: list[list[str]], sos: bool) -> None:
    # with and without SOS, so that items also end at the end, with no EOS after them;
    # a fresh parser, so that its memo of items starts empty and fills in a new order
    parser = _fresh_parser()
    for types in sentences:
        full = ["SOS", *types] if sos else types
        assert parser.plans(full) == GRAMMAR._lark_plan(full)


def test_a_remembered_item_is_not_read_across_the_end() -> None:
    # ", however ," is remembered as an item of 3 tokens, then ", but" at the end as one
    # of 2 (before $END). At the end of a third sentence, the 3-token key cut short by
    # the end is (COMMA, BUT, $END): the item of 2 tokens, not one of 3.
    parser = _fresh_parser()
    for types in (["TEXT", "COMMA", "HOWEVER", "COMMA", "TEXT"], ["TEXT", "COMMA", "BUT"],
                  ["TEXT", "COMMA", "BUT"]):
        assert parser.plans(types) == GRAMMAR._lark_plan(types)
    assert parser.plans(["TEXT", "COMMA", "BUT"]) == (("joiner", (2,), None),)


@pytest.mark.parametrize(
    "sentences",
    [
        # the first item ("SOS BUT" before TEXT) read again, then with more after it
        [["SOS", "BUT", "TEXT", "EOS"], ["SOS", "BUT", "TEXT", "COMMA", "BUT", "TEXT", "EOS"]],
        # a first item of 3 tokens is not read across the end of a shorter sentence
        [["SOS", "HOWEVER", "COMMA", "TEXT"], ["SOS", "HOWEVER", "COMMA"], ["SOS", "HOWEVER"]],
        # the same first tokens, another lookahead: another first item
        [["SOS", "THE", "TEXT"], ["SOS", "THE", "ORD_2", "TEXT"], ["SOS", "THE", "TEXT"]],
        [["SOS", "WHILE", "TEXT", "TEXT", "EOS"], ["SOS", "WHILE", "TEXT", "PAST_AUX", "EOS"],
         ["SOS", "WHILE", "TEXT", "TEXT", "COMMA", "BUT", "TEXT"]],
    ],
)
def test_remembered_first_items_give_larks_plans(sentences: list[list[str]]) -> None:
    parser = _fresh_parser()
    for _ in range(2):
        for types in sentences:
            assert parser.plans(types) == GRAMMAR._lark_plan(types), types
    assert parser._openings


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        # a filler run up to a token that is no filler before its lookahead
        (["SOS", "TEXT", "THE", "DEGREE", "TEXT", "THEREFORE", "TEXT", "EOS"],
         [("medial", (5,), None)]),
        (["SOS", "TEXT", "SO", "DEGREE", "TEXT", "EOS"], []),
        (["SOS", "TEXT", "SO", "TEXT", "EOS"], []),
        (["SOS", "TEXT", "COMMA", "SO", "TEXT", "EOS"], [("joiner", (3,), None)]),
        (["SOS", "TEXT", "CARD_3", "TEXT", "EOS"], [("announcement", (2,), 3)]),
        (["SOS", "TEXT", "CARD_3"], []),  # a cardinal at the end: "$END" its lookahead
        (["SOS", "TEXT", "HOWEVER"], [("medial", (2,), None)]),
        (["SOS", "TEXT", "HOWEVER", "EOS"], [("final", (2,), None)]),  # medial_final
        (["SOS", "TEXT", "AND", "LIST_NUM", "TEXT"], [("list_item", (3,), 2)]),
        (["TEXT", "THE", "TEXT"], []),  # no SOS, no EOS, only fillers
        ([], []),
    ],
)
def test_filler_runs_give_larks_plans(types: list[str], expected: list[Plan]) -> None:
    parser = _fresh_parser()
    for _ in range(2):  # with empty memos, then with what they remembered
        assert parser.plans(types) == GRAMMAR._lark_plan(types) == tuple(expected), types


def _fresh_parser() -> PlanParser:
    from argmap.grammar import _GROUPS, _POSITIONS

    return PlanParser(GRAMMAR.parser, _GROUPS, _POSITIONS)


def test_remembered_items_of_a_user_grammar_give_larks_plans(tmp_path: Path) -> None:
    import random

    user = tmp_path / "aside.lark"
    user.write_text(_USER, encoding="utf-8")
    grammar = load_grammar((user,))
    assert grammar.plan_parser.exact
    few = [*_FEW, "ASIDE_OPEN", "ALBEIT", "COLON", "ALSO", "IN_FACT"]
    rng = random.Random(7)
    for _ in range(3000):
        types = ["SOS", *rng.choices(few, k=rng.randint(0, 16))]
        try:
            expected: object = grammar._lark_plan(types)
        except lark.exceptions.UnexpectedInput:
            expected = ValueError
        try:
            got: object = grammar.plan_parser.plans(types)
        except ValueError:
            got = ValueError
        assert got == expected, types


def test_forget_empties_the_memos_of_the_text_read_and_changes_no_plan() -> None:
    grammar = Grammar(GRAMMAR.source, GRAMMAR.terminals, GRAMMAR.parser, GRAMMAR.scanner,
                      GRAMMAR.group_names, GRAMMAR.clause_terminals, GRAMMAR.hit_terminals)
    sentences = [["SOS", "TEXT", "COMMA", "BUT", "TEXT", "EOS"],
                 ["SOS", "HOWEVER", "COMMA", "TEXT", "EOS"],
                 ["SOS", "TEXT", "SEMI", "HOWEVER", "COMMA", "TEXT", "COMMA", "BUT", "TEXT",
                  "EOS"]]
    first = [grammar.plan(types) for types in sentences]
    assert grammar.plan_parser._items and grammar.plan_parser._openings
    grammar.forget()
    assert not grammar.plan_parser._items
    assert not grammar.plan_parser._items.sizes
    assert not grammar.plan_parser._openings and not grammar.plan_parser._openings.sizes
    assert [grammar.plan(types) for types in sentences] == first
    assert first[1] == (("opener", (1,), None),)


def test_memos_of_items_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.lalr as lalr_module

    monkeypatch.setattr(lalr_module, "_ITEM_MEMO", 2)
    parser = _fresh_parser()
    for lead in ("BUT", "HOWEVER", "SO", "AND", "TEXT", "THE"):
        for tail in (["COMMA", "BUT", "TEXT"], ["SEMI", "THUS", "COMMA"], ["CARD_2", "TEXT"]):
            types = ["SOS", lead, "TEXT", *tail, "EOS"]
            assert parser.plans(types) == GRAMMAR._lark_plan(types), types
            assert len(parser._items) <= 2 and len(parser._openings) <= 2
            for memo in (parser._items, parser._openings):
                assert {(key[0], len(key) - 1) for key in memo.added} == {
                    (first, size) for first, sizes in memo.sizes.items() for size in sizes}


def test_what_is_derived_from_a_grammar_is_made_once_and_dies_with_it() -> None:
    import gc
    import weakref

    from argmap.ingest import Document
    from argmap.structure import build_map

    grammar = Grammar(GRAMMAR.source, GRAMMAR.terminals, GRAMMAR.parser, GRAMMAR.scanner,
                      GRAMMAR.group_names, GRAMMAR.clause_terminals, GRAMMAR.hit_terminals)
    calls: list[int] = []

    def make(g: Grammar) -> object:
        calls.append(id(g))
        return object()

    first = grammar.derived("test.derived", make)
    assert grammar.derived("test.derived", make) is first
    assert calls == [id(grammar)]
    assert grammar.derived("test.other", make) is not first  # another key, another value
    assert GRAMMAR.derived("test.derived", make) is not first  # another grammar, its own
    # the map builder's quick searches for cues are kept by the grammar that they serve
    text = "Experts say that fees must fall. In fact, they do not fall."
    build_map(segment(Document.from_text(text), grammar), grammar=grammar)
    assert any(isinstance(k, tuple) and getattr(k[0], "__module__", "") == "argmap.structure"
               for k in grammar._derived)
    # and nothing else keeps the grammar alive
    ref = weakref.ref(grammar)
    del grammar, first
    gc.collect()
    assert ref() is None
