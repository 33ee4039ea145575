"""The bucketed scanner finds exactly what the plain alternation of the terminals finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.grammar import SYNTHETIC, load_grammar
from argmap.scanner import Scanner, _bucketed, _plain, build_scanner
from strategies import MARKERS

GRAMMAR = load_grammar()
TERMS = [t for t in GRAMMAR.parser.terminals if t.name not in SYNTHETIC]
PLAIN_SOURCE, PLAIN_NAMES = _plain(TERMS)
PLAIN = re.compile(PLAIN_SOURCE)


def plain_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, terminal) of every match of the reference alternation."""
    return [(m.start(), m.end(), PLAIN_NAMES[int((m.lastgroup or "_0")[1:])])
            for m in PLAIN.finditer(text)]


def fast_tokens(scanner: Scanner, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), scanner.terminal(m)) for m in scanner.pattern.finditer(text)]


def test_the_built_in_grammar_gets_the_fast_shape() -> None:
    assert _bucketed(TERMS) is not None
    assert GRAMMAR.scanner.pattern.pattern != PLAIN_SOURCE


#: Words that are terminals, words that only start like one, and the characters that
#: decide a match: white space, hyphens, apostrophes, digits and the letters that
#: ``re.IGNORECASE`` folds onto ASCII (İ ı ſ K).
_PIECES = (*MARKERS, "However", "HOWEVER", "howeverish", "non-however", "and", "And the",
           "as", "as well", "for it", "for this reason", "that's why", "thats", "didn't",
           "don’t", "n't", "1999", "1990s", "the 1980s", "the sixties", "May", "Mayor",
           "12.", "3)", "e.g.", "i.e.", "-", "*", "•", "not", "never", "said", "thinks",
           "first of all", "first", "İn fact", "ın fact", "ſo", "Kind", "also", "yet more",
           "Yet again", "so far", "evermore")
_GLUE = st.sampled_from([" ", "  ", "\n", ", ", "; ", ": ", "-", "", ".", "'", "’", "x"])


@st.composite
def scanner_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)),
                          max_size=12))
    return "".join(w + draw(_GLUE) for w in words)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scanner_text())
def test_fast_scanner_equals_the_plain_alternation(text: str) -> None:
    assert fast_tokens(GRAMMAR.scanner, text) == plain_tokens(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("However, fees rose.", [("However", "HOWEVER"), (",", "COMMA")]),
        ("first of all", [("first of all", "FIRST_OF_ALL")]),  # the longest phrase wins
        ("firstly", [("firstly", "FIRSTLY")]),
        ("in  fact", [("in  fact", "IN_FACT")]),  # any white space inside a phrase
        ("Mayor", []),  # a word that only starts like a terminal
        ("non-however", []),  # a hyphen before is no word start
        ("and the", [("and", "AND_CLAUSE"), ("the", "THE")]),  # priority 2 before "and"
        ("and.", [("and", "AND")]),
        ("the 1980s", [("the 1980s", "DECADE")]),
        ("in 1999 they", [("1999", "YEAR"), ("they", "PRONOUN_THEY")]),
        ("didn't", [("n't", "CLITIC_NEG")]),
        ("DIDN'T", [("N'T", "CLITIC_NEG")]),
        ("12. Cut", [("12.", "LIST_NUM")]),
        # a literal word's first letter matches its two cases only (as before the
        # rewrite); the rest of the word matches under re.IGNORECASE
        ("İn fact", []),
        ("ſo", []),
        ("Kind", []),
        ("alſo", [("alſo", "ALSO")]),
    ],
)
def test_scanner_table(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(text[a:b], name) for a, b, name in fast_tokens(GRAMMAR.scanner, text)]
    assert found == expected
    assert fast_tokens(GRAMMAR.scanner, text) == plain_tokens(text)


def test_a_case_sensitive_literal_word_falls_back_to_the_plain_shape(tmp_path: Path) -> None:
    user = tmp_path / "strict.lark"
    user.write_text('%extend contrast: ALBEIT\n'
                    'ALBEIT: "Albeit"   // sense: Comparison.Concession\n', encoding="utf-8")
    grammar = load_grammar((user,))
    terms = [t for t in grammar.parser.terminals if t.name not in SYNTHETIC]
    assert _bucketed(terms) is None
    assert grammar.scanner.match("Albeit late", 0) == "ALBEIT"
    assert grammar.scanner.match("albeit late", 0) is None


def test_a_user_regex_terminal_is_bucketed_in_order(tmp_path: Path) -> None:
    user = tmp_path / "albeit.lark"
    user.write_text('%extend contrast: ALBEIT\nALBEIT: /albeit|all\\s+but/i   '
                    "// sense: Comparison.Concession\n", encoding="utf-8")
    grammar = load_grammar((user,))
    terms = [t for t in grammar.parser.terminals if t.name not in SYNTHETIC]
    assert _bucketed(terms) is not None
    source, names = _plain(terms)
    plain = re.compile(source)
    text = "Albeit late, all but one came; all in all, ALL  BUT none."
    expected = [(m.start(), m.end(), names[int((m.lastgroup or "_0")[1:])])
                for m in plain.finditer(text)]
    assert fast_tokens(grammar.scanner, text) == expected
    assert grammar.scanner.match(text, 0) == "ALBEIT"
    assert grammar.scanner.match(text, text.index("all in")) == "ALL_IN_ALL"


def test_build_scanner_names_every_group() -> None:
    scanner = build_scanner(TERMS)
    assert scanner.exact is not None
    assert len(scanner.exact_kinds) == scanner.exact.groups + 1
    # in the exact pattern every terminal has a group, and every group but the whole
    # match names one
    assert set(scanner.exact_kinds[1:]) == {t.name for t in TERMS}
    # the fast pattern names the regex terminals by group, the literal ones by their text
    assert len(scanner.kinds) == scanner.pattern.groups + 1
    assert set(scanner.kinds[1:]) | set(scanner.literals.values()) == {t.name for t in TERMS}
    assert scanner.pattern.groups < scanner.exact.groups // 3
    assert scanner.literals["in fact"] == "IN_FACT"
    assert scanner.literals[","] == "COMMA"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In fact", "IN_FACT"),  # in the table of literals
        ("IN FACT", "IN_FACT"),
        ("In\n  fact", "IN_FACT"),  # other white space: named by the exact pattern
        ("alſo", "ALSO"),  # a non-ASCII letter: named by the exact pattern
        ("taKen together", "TAKEN_TOGETHER"),  # Kelvin sign, lower-cased to "k"
        (";", "SEMI"),
        ("the 1980s", "DECADE"),  # a regex terminal: named by its group
        ("they", "PRONOUN_THEY"),
        ("didn't", "CLITIC_NEG"),
    ],
)
def test_every_match_of_the_fast_pattern_is_named(text: str, expected: str) -> None:
    scanner = GRAMMAR.scanner
    m = scanner.pattern.search(text)
    assert m is not None
    assert scanner.terminal(m) == expected
    assert fast_tokens(scanner, text) == plain_tokens(text)
    assert [k for _, _, k in fast_tokens(scanner, text)][-1] == expected


def _user_scanner(tmp_path: Path, terminal: str) -> tuple[Scanner, re.Pattern[str], list[str]]:
    user = tmp_path / "user.lark"
    user.write_text(f"%extend contrast: ALBEIT\nALBEIT: {terminal}   "
                    "// sense: Comparison.Concession\n", encoding="utf-8")
    grammar = load_grammar((user,))
    terms = [t for t in grammar.parser.terminals if t.name not in SYNTHETIC]
    source, names = _plain(terms)
    return grammar.scanner, re.compile(source), names


@pytest.mark.parametrize(
    ("terminal", "text", "found"),
    [
        ('"über"i', "Über alles, ÜBER alles, über alles.", "Über"),  # non-ASCII first letter
        ('/(?<=a)beit/i', "Abeit and abeit.", "beit"),  # the lookbehind under the flags
        ('/q[^]|]q|zed/i', "q]q, qxq, zed.", "qxq"),  # "]" first in a negated class
        ('/(?P<al>al)beit/i', "Albeit late.", "Albeit"),  # a named group of its own
        ('"all  but"i', "all but one, all  but two.", "all  but"),  # two spaces: \s+\s+
        ('"all\\tbut"i', "all but one, all\tbut two.", "all\tbut"),  # a tab: only a tab
    ],
)
def test_user_terminals_scan_as_the_plain_alternation(
        tmp_path: Path, terminal: str, text: str, found: str) -> None:
    scanner, plain, names = _user_scanner(tmp_path, terminal)
    expected = [(m.start(), m.end(), names[int((m.lastgroup or "_0")[1:])])
                for m in plain.finditer(text)]
    assert fast_tokens(scanner, text) == expected
    assert found in [text[a:b] for a, b, name in expected if name == "ALBEIT"]


@pytest.mark.parametrize(
    ("terminal", "text", "expected"),
    [
        # a space of the trie is \s+: the built-in "in fact" (first of the two) reaches
        # its end over a tab or a newline too, so the user's phrase is not named by the
        # lower case of the text ("in\tfact" would be its key)
        ('"in\\tfact"i', "in\tfact", ["IN_FACT"]),
        ('"in\\nfact"i', "In\nfact", ["IN_FACT"]),
        # "in  fact" is tried first, but "in fact"'s \s+ takes both spaces and then
        # matches: as the scanner before the table of literals (the plain alternation
        # names this ALBEIT, see the report of review2)
        ('"in  fact"i', "in  fact", ["IN_FACT"]),
        ('"all\\tbut"i', "all\tbut", ["ALBEIT"]),  # no other phrase: the user's own
    ],
)
def test_a_phrase_with_other_white_space_is_named_by_its_group(
        tmp_path: Path, terminal: str, text: str, expected: list[str]) -> None:
    user = tmp_path / "user.lark"
    user.write_text(f"%extend contrast: ALBEIT\nALBEIT: {terminal}   "
                    "// sense: Comparison.Concession\n", encoding="utf-8")
    grammar = load_grammar((user,))
    assert [name for _, _, name in fast_tokens(grammar.scanner, text)] == expected
    types, _ = grammar.scan_types(text, 0, len(text))
    assert types == ["SOS", *expected, "EOS"]
    assert [grammar.terminal_at(text, 0)] == expected


# --- the gapped pattern (Grammar.scan_types) -----------------------------------------


def plain_scan_types(grammar_scanner: re.Pattern[str], names: list[str], text: str,
                     start: int, end: int) -> tuple[list[str], list[int]]:
    """:meth:`Grammar.scan_types` read from the reference alternation ``grammar_scanner``
    (with the group names ``names``), every gap searched for a word character."""
    types, bounds = ["SOS"], [start, start]
    stop = end
    while stop > start and text[stop - 1] in ".!?…\"'”’»)]":
        stop -= 1
    pos = start
    for m in grammar_scanner.finditer(text, start, stop):
        a, b = m.span()
        if a > pos and re.search(r"\w", text[pos:a]):
            types.append("TEXT")
            bounds += [pos, a]
        types.append(names[int((m.lastgroup or "_0")[1:])])
        bounds += [a, b]
        pos = b
    if stop > pos and re.search(r"\w", text[pos:stop]):
        types.append("TEXT")
        bounds += [pos, stop]
    return [*types, "EOS"], [*bounds, stop, end]


def test_the_built_in_grammar_gets_the_gapped_pattern() -> None:
    gapped = GRAMMAR.scanner.gapped
    assert gapped is not None
    assert gapped.pattern.pattern.startswith(r"[^0-9A-Za-z_\w-](?:")
    assert gapped.punctuation == {",": "COMMA", ";": "SEMI", ":": "COLON"}
    assert {gapped.kinds[k] for k in gapped.shifted} == {"CLITIC_NEG"}
    assert build_scanner(TERMS).gapped is None  # only when asked for


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scanner_text(), scanner_text(), scanner_text())
def test_scan_types_equals_the_plain_alternation(before: str, text: str, after: str) -> None:
    whole = before + text + after
    start, end = len(before), len(before) + len(text)
    assert GRAMMAR.scan_types(whole, start, end) == \
        plain_scan_types(PLAIN, PLAIN_NAMES, whole, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Fees rose,however wages fell.",  # a comma and a word in one match
        "x;thus,for example, y",
        "They don't, and DIDN’T, and can't.",
        "n't at the start",
        "'t is",
        "the 1960'also",  # a regex terminal ends in "'" before a word: the plain scan
        "e.g.also the 1990s,so",
        "a - b -- c * • d +e",
        "1. Cut fees 2) Raise",
        "İn fact ın fact alſo taKen together",
        "in\n\tfact, \u00a0however",
    ],
)
def test_scan_types_on_edge_cases(text: str) -> None:
    for before in ("", " ", "x", ",", "n", "’", "do"):
        whole = before + text
        for start in range(len(before), len(whole)):
            assert GRAMMAR.scan_types(whole, start, len(whole)) == \
                plain_scan_types(PLAIN, PLAIN_NAMES, whole, start, len(whole)), (whole, start)


@pytest.mark.parametrize(
    ("terminal", "gapped"),
    [
        ('/(?<=a)beit/i', False),  # the character after the lookbehind's is a letter
        ("/(?<=\\w)s['’]t/i", True),  # as n't
        ('/(?<=\\w)s[\'’]?t/i', False),  # an optional character
        ('"--"', False),  # a punctuation terminal of two characters
        ('"albeit"i', True),
    ],
)
def test_user_terminals_scan_types_as_the_plain_alternation(
        tmp_path: Path, terminal: str, gapped: bool) -> None:
    user = tmp_path / "user.lark"
    user.write_text(f"%extend contrast: ALBEIT\nALBEIT: {terminal}   "
                    "// sense: Comparison.Concession\n", encoding="utf-8")
    grammar = load_grammar((user,))
    assert (grammar.scanner.gapped is not None) is gapped
    terms = [t for t in grammar.parser.terminals if t.name not in SYNTHETIC]
    source, names = _plain(terms)
    plain = re.compile(source)
    text = "Abeit, albeit -- it's ours: do's't and was't, abeit; x--albeit."
    for start in range(len(text)):
        assert grammar.scan_types(text, start, len(text)) == \
            plain_scan_types(plain, names, text, start, len(text))
