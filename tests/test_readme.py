"""README.md's examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.model import RelationKind

README = Path(__file__).resolve().parents[1] / "README.md"


def fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text("utf-8"), re.DOTALL)


def test_custom_marker_example(tmp_path: Path) -> None:
    (grammar,) = fenced("lark")
    (path := tmp_path / "my.lark").write_text(grammar, encoding="utf-8")
    essay = next(block for block in fenced("sh") if "Contrariwise" in block)
    text = re.search(r'echo "(.*?)"', essay)
    assert text is not None
    m = argmap.analyze(text.group(1), grammar_files=[path])
    first, second = m.units
    assert [(k.text, k.function.value) for k in second.markers] == [("Contrariwise", "contrast")]
    (rel,) = [r for r in m.relations if r.source == second.id]
    assert (rel.target, rel.kind) == (first.id, RelationKind.ATTACK)
    plain = argmap.analyze(text.group(1))
    assert not plain.units[-1].markers  # without the file the word is no marker


@pytest.mark.dot
def test_python_example(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (snippet,) = fenced("python")
    monkeypatch.chdir(README.parent)
    snippet = snippet.replace('"map.svg"', repr(str(tmp_path / "map.svg")))
    exec(compile(snippet, "README.md", "exec"), {})  # runs our own README's example
    assert (tmp_path / "map.svg").read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_the_file_types_batch_searches_agree_in_readme_help_and_code() -> None:
    """README, `argmap batch --help` and the code name the same directory patterns."""
    from click.testing import CliRunner

    from argmap.batch import DEFAULT_PATTERNS
    from argmap.cli import main

    text = " ".join(README.read_text("utf-8").split())
    said = re.search(r"A directory is searched, with its subfolders, for the files argmap "
                     r"reads: ((?:`\*\.\w+`,? )+)", text)
    assert said is not None
    readme = said[1].replace("`", "").replace(",", "").split()
    shown = " ".join(CliRunner().invoke(main, ["batch", "--help"],
                                        terminal_width=200).output.split())
    helped = re.search(r"Markdown and HTML files: ((?:\*\.\w+,? )+)", shown)
    assert helped is not None
    assert readme == helped[1].replace(",", "").split() == list(DEFAULT_PATTERNS)
    # and the formats paragraph names every extension read_document knows
    formats = text[text.index("**Formats.**"):text.index("`--input-format` overrides")]
    assert all(f"`{p[1:]}`" in formats for p in DEFAULT_PATTERNS)
