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
    pytest.param('%extend contrast: FOO\nFOO: "foo\n', ":2: grammar does not compile",
                 id="syntax-error"),
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
    if message.startswith(":"):
        assert str(info.value).startswith(f"{path}{message.split(' ')[0]}")


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
