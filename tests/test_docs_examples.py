"""Every code example in the documentation runs, so a broken example fails CI.

The fenced blocks of ``docs/**/*.md`` are found with markdown-it (CommonMark) and run by
their language:

* ``python``: executed; ``pycon``: run as a doctest (ELLIPSIS on);
* ``console``: each ``$ command`` runs in bash and its output (stdout and stderr) must
  match the lines below it (``...`` matches anything, as in doctest);
* ``sh``: set-up commands. Those that ``.ci/run`` runs (``pip install``, ``python -m
  pytest``) are checked to be there, since CI runs them; the others run and must succeed;
* ``lark``: must compile as a user grammar; ``json``: must parse; ``text``: not code.

Examples run in a temporary folder that holds links to the repository's ``seeds/`` and
``docs/``, with an ``argmap`` command that runs this checkout's ``src/``.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from argmap.grammar import load_grammar

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
_SNIPPET = re.compile(r'^--8<--\s+"([^"]+)"\s*$', re.MULTILINE)
_RUN = {"python", "pycon", "console", "sh", "lark", "json"}
_SHOWN = {"text"}


def _blocks() -> list[tuple[str, int, str, str]]:
    md = MarkdownIt("commonmark")
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for token in md.parse(text):
            if token.type == "fence" and token.map is not None:
                lang = (token.info.split() or [""])[0]
                content = _SNIPPET.sub(
                    lambda m: (ROOT / m.group(1)).read_text(encoding="utf-8"), token.content)
                found.append((str(path.relative_to(ROOT)), token.map[0] + 1, lang, content))
    return found


BLOCKS = _blocks()


SHARED = ROOT.parent / "shared"


def _marks(lang: str, content: str) -> list[pytest.MarkDecorator]:
    needs_dot = "argmap render" in content and "--format dot" not in content
    needs_dot = needs_dot or "argmap.render(m, \"seed-map.svg\")" in content
    marks = [pytest.mark.dot] if needs_dot else []
    if "../shared" in content:
        marks.append(pytest.mark.corpus)
        if not SHARED.is_dir():
            marks.append(pytest.mark.skip(reason="../shared (the corpora) is absent here"))
    return marks


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with ``seeds`` and ``docs`` linked in, ``../shared`` beside it as beside
    the checkout, and an ``argmap`` command on PATH."""
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)
    tmp_path = tmp_path / "work"
    tmp_path.mkdir()
    for name in ("seeds", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "argmap"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m argmap "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _ci_commands() -> list[list[str]]:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [_normal(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _normal(command: str) -> list[str]:
    """A command's words without flags (``--quiet``) and without a ``python -m`` prefix."""
    words = [w for w in shlex.split(command, comments=True) if not w.startswith("--")]
    if words[:2] == ["python", "-m"]:
        words = words[2:]
    return words


def _run_console(content: str) -> None:
    checker = doctest.OutputChecker()
    sessions: list[tuple[str, list[str]]] = []
    for line in content.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        else:
            assert sessions, f"console output before any $ command: {line!r}"
            sessions[-1][1].append(line)
    for command, expected_lines in sessions:
        done = subprocess.run(["bash", "-c", command], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=120, check=False)
        expected = "\n".join(expected_lines) + "\n" if expected_lines else ""
        assert checker.check_output(expected, done.stdout, doctest.ELLIPSIS), (
            f"$ {command}\nexpected:\n{expected}\ngot (exit {done.returncode}):\n{done.stdout}")


def _run_sh(content: str) -> None:
    ci = _ci_commands()
    for line in content.splitlines():
        for command in line.split("&&"):
            words = _normal(command)
            if not words:
                continue
            if any(words == c[: len(words)] or words == c for c in ci):
                continue  # CI runs it: .ci/run is the proof
            assert words[0] not in ("pip", "pytest"), (
                f"set-up command {command.strip()!r} is not one that .ci/run runs")
            done = subprocess.run(command, shell=True, capture_output=True, text=True,
                                  timeout=120, check=False)
            assert done.returncode == 0, f"{command.strip()!r} failed:\n{done.stderr}"


def _run_pycon(content: str, name: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(content, {}, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)


@pytest.mark.parametrize(
    ("where", "lang", "content"),
    [pytest.param(f"{path}:{line}", lang, content, id=f"{path}:{line}:{lang}",
                  marks=_marks(lang, content))
     for path, line, lang, content in BLOCKS if lang not in _SHOWN],
)
def test_docs_example_runs(where: str, lang: str, content: str, sandbox: Path) -> None:
    assert lang in _RUN, f"{where}: a ```{lang} block; give it a language this test runs"
    if lang == "python":
        exec(compile(content, where, "exec"), {"__name__": "__docs__"})
    elif lang == "pycon":
        _run_pycon(content, where)
    elif lang == "console":
        _run_console(content)
    elif lang == "sh":
        _run_sh(content)
    elif lang == "lark":
        grammar = sandbox / "example.lark"
        grammar.write_text(content, encoding="utf-8")
        assert load_grammar((grammar,)).terminals
    else:
        json.loads(content)


def test_docs_have_runnable_examples() -> None:
    langs = [lang for _, _, lang, _ in BLOCKS]
    # The pages this issue wrote hold console, pycon, python, sh, lark and json examples.
    for lang in ("console", "pycon", "python", "sh", "lark", "json"):
        assert lang in langs, lang
    assert all(lang for lang in langs), "a fenced block without a language"


def test_console_checker_catches_a_wrong_output(sandbox: Path) -> None:
    with pytest.raises(AssertionError, match="expected"):
        _run_console("$ echo one\ntwo\n")


def test_sh_checker_refuses_an_install_ci_does_not_run(sandbox: Path) -> None:
    with pytest.raises(AssertionError, match=r"not one that \.ci/run runs"):
        _run_sh("pip install something-else\n")

