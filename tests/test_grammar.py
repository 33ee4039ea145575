"""User grammar files: errors name the file and line; valid files extend the groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.exceptions import GrammarFileError
from argmap.grammar import load_grammar
from argmap.model import MarkerFunction

BAD = [
    pytest.param('ALBEIT: "albeit"i   // sense: Comparison.Concession\n',
                 ":1: terminal ALBEIT is not used by any rule", id="unused-terminal"),
    pytest.param('%extend concession_clause: ALBEIT\nALBEIT: "albeit"i\n',
                 ":2: terminal ALBEIT needs a `// sense: <PDTB sense>` comment",
                 id="no-sense"),
    pytest.param('%extend contrast: FOO\nFOO: "foo\n',
                 ":2:6: grammar does not compile: Unexpected input", id="syntax-error"),
    # Lark counts lines and columns in the merged grammar (the built-in one first) and
    # says so in its message: the place is the user's file, line and column, once.
    pytest.param("junk here\n",
                 ":1:6: grammar does not compile: Unexpected token Token('RULE', 'here')",
                 id="two-words"),
    pytest.param('\n// mine\nALBEIT "albeit"i\n',
                 ":3:8: grammar does not compile: Unexpected token Token('STRING', "
                 "'\"albeit\"i')", id="missing-colon"),
    pytest.param('%extend concession_clause: ALBEIT\nALBEIT: "albeit":\n',
                 ":2:17: grammar does not compile: Expecting a value", id="named-mistake"),
    # A terminal's pattern must compile as one alternative of the scanner's expression
    # and match at least one character (it was a traceback, or an empty marker).
    pytest.param('%extend concession_clause: ALBEIT\nALBEIT: /albeit(/  // sense: '
                 'Comparison.Concession\n', ":2: terminal ALBEIT is not a regular "
                 "expression argmap can use: missing ), unterminated subpattern",
                 id="regex-unclosed"),
    pytest.param('%extend concession_clause: ALBEIT\nALBEIT: /(?i)albeit/  // sense: '
                 'Comparison.Concession\n', ":2: terminal ALBEIT is not a regular "
                 "expression argmap can use: global flags not at the start",
                 id="regex-global-flag"),
    pytest.param('%extend concession_clause: ALBEIT\nALBEIT: /(albeit)?/  // sense: '
                 'Comparison.Concession\n', ":2: terminal ALBEIT matches the empty string",
                 id="regex-empty"),
    pytest.param('contrast: FOO\nFOO: "foo"  // sense: Comparison.Contrast\n',
                 "defined more than once; to add words to a built-in group, write `%extend",
                 id="redefined-group"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_user_grammar_says_where(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.lark"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GrammarFileError) as info:
        load_grammar((path,))
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert " line " not in str(info.value) and "column" not in str(info.value)
    if message.startswith(":"):
        assert str(info.value).startswith(f"{path}{message.split(' ')[0]}")


def test_an_error_in_the_second_user_file_names_it(tmp_path: Path) -> None:
    first, second = tmp_path / "first.lark", tmp_path / "second.lark"
    first.write_text('%extend concession_clause: ALBEIT\n'
                     'ALBEIT: "albeit"i   // sense: Comparison.Concession\n', encoding="utf-8")
    second.write_text("\n\njunk here\n", encoding="utf-8")
    with pytest.raises(GrammarFileError) as info:
        load_grammar((first, second))
    assert str(info.value).startswith(f"{second}:3:6: grammar does not compile: ")


@pytest.mark.parametrize("pattern", [
    '/albeit|al?beit/', '/(?i:albeit)/', '/albeit(?=,)/', '"albeit"i',
])
def test_a_terminal_pattern_that_the_scanner_can_use_compiles(tmp_path: Path,
                                                              pattern: str) -> None:
    path = tmp_path / "mine.lark"
    path.write_text(f'%extend concession_clause: ALBEIT\nALBEIT: {pattern}  // sense: '
                    'Comparison.Concession\n', encoding="utf-8")
    assert load_grammar((path,)).info("ALBEIT") is not None


def test_user_terminal_joins_its_group(tmp_path: Path) -> None:
    path = tmp_path / "mine.lark"
    path.write_text('%extend concession_clause: ALBEIT\n'
                    'ALBEIT: "albeit"i   // sense: Comparison.Concession\n', encoding="utf-8")
    info = load_grammar((path,)).info("ALBEIT")
    assert info is not None
    assert (info.function, info.group, info.sense) == (
        MarkerFunction.CONCESSION, "concession_clause", "Comparison.Concession")
    assert load_grammar().info("ALBEIT") is None


def test_every_marker_terminal_has_a_sense() -> None:
    grammar = load_grammar()
    marked = [t for t in grammar.terminals.values() if t.function is not None]
    assert len(marked) > 80
    missing = [t.name for t in marked if not t.sense]
    assert missing == []
