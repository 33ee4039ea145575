"""Hostile text in titles, headings, markers and units: it stays literal in DOT and in
Graphviz's output, and nothing from the input reaches a shell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.diagram import MAX_LABEL
from argmap.render import to_digraph
from test_render import _ATTR, HOSTILE, label_text, shown, statements

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")


#: What a reader of a Markdown heading sees of the hostile texts that are Markdown
#: markup too (raw HTML dropped, entities decoded); the others read as written. The
#: labels must show that literally.
_READ_IN_MARKDOWN = {"<b>bold</b>": "bold", "&amp; &lt;b&gt; &#169;": "& <b> \u00a9"}


def read(heading: str, hostile: str) -> str:
    return shown(heading.format(_READ_IN_MARKDOWN.get(hostile, hostile)))


def headed_map(hostile: str) -> tuple[argmap.ArgumentMap, str]:
    text = (f"# Fees {hostile} Fall\n\nFees must fall. First, they deter students.\n\n"
            f"## Costs {hostile} here\n\nCosts are high. However, the state can pay.\n")
    m = argmap.analyze(text, format="markdown")
    assert m.title == f"Fees {hostile} Fall"
    assert [s.heading for s in m.sections][-1] == f"Costs {hostile} here"
    return m, text


def _graph_labels(dot: str) -> list[str]:
    """The labels of the graph and of its clusters (``graph [... label=...]`` lines)."""
    out = []
    for line in dot.splitlines():
        stripped = line.strip()
        if stripped.startswith("graph [") and stripped.endswith("]"):
            attrs = dict(_ATTR.findall(stripped[len("graph ["):-1]))
            if "label" in attrs:
                out.append(shown(label_text(attrs["label"])))
    return out


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_title_and_headings_stay_literal(hostile: str) -> None:
    m, text = headed_map(hostile)
    dot = to_digraph(m, source=text, wrap=200).source
    labels = _graph_labels(dot)
    assert read("Fees {} Fall", hostile) in labels
    assert read("Costs {} here", hostile) in labels


@pytest.mark.parametrize(("run", "char"), [
    pytest.param("a" * 20_000, "a", id="letters"),
    pytest.param("\\" * 5_001, "\\", id="backslashes"),
    pytest.param('"' * 4_000, '"', id="quotes"),
    pytest.param("&" * 3_000, "&", id="ampersands"),
    pytest.param("<" * 3_000, "<", id="angle-brackets"),
    pytest.param("\U0001f600" * 3_000, "\U0001f600", id="emoji"),
])
def test_long_runs_of_one_character_are_cut_to_a_bounded_label(run: str, char: str) -> None:
    text = f"Fees must fall {run} now. However, costs rise."
    m = argmap.analyze(text)
    nodes, _ = statements(to_digraph(m, source=text).source)
    long_unit = next(u for u in m.units if run in u.text)
    shown_label = label_text(nodes[long_unit.id]["label"]).replace(" ", "")
    assert shown_label.startswith("Feesmustfall" + char * 10)
    assert shown_label.endswith("…")
    assert len(shown_label) <= MAX_LABEL


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize("hostile", ['"; rm -rf ~ #', "$(touch pwned)", "`touch pwned`",
                                     "| tee pwned", "\\l\\N\\G -> ]; }"])
def test_nothing_from_the_input_reaches_a_shell(hostile: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, Any]] = []
    real = subprocess.Popen

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, args: Any, *rest: Any, **kwargs: Any) -> None:
            calls.append((args, kwargs.get("shell", False)))
            super().__init__(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", Recording)
    monkeypatch.chdir(tmp_path)
    name = f"essay {hostile}.md".replace("/", "_")
    Path(name).write_text(f"# {hostile}\n\nFees must fall {hostile}. However, costs "
                          f"rise {hostile}.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", name, "-o", f"map {hostile}.svg".replace(
        "/", "_")])
    assert result.exit_code == 0, result.output
    assert calls, "Graphviz was run"
    for args, shell in calls:
        assert shell is False
        assert isinstance(args, list | tuple)
        assert not any(hostile in str(a) for a in args)  # the text goes through stdin
    assert not Path("pwned").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name, f"map {hostile}.svg".replace("/", "_")])


@pytest.mark.dot
@needs_dot
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_title_and_headings_render_literally_with_dot(hostile: str) -> None:
    import xml.etree.ElementTree as ET

    m, text = headed_map(hostile)
    svg = to_digraph(m, source=text, wrap=200, legend=False).pipe(format="svg")
    texts = [t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert read("Fees {} Fall", hostile) in [shown(t) for t in texts]
    assert read("Costs {} here", hostile) in [shown(t) for t in texts]
