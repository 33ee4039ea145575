"""The ``argmap`` command, through click's test runner."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.model import ArgumentMap, MarkerFunction, Role

TEXT = """Fees Must Fall

Fees must fall. First, they deter students. Second, they burden families.

Of course, cutting fees costs money. However, the state can pay, because it saves on \
welfare.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def assert_one_line_error(result: Result, code: int = 1) -> str:
    """Exit ``code``, one line on stderr starting "argmap: error:", no traceback."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("argmap: error: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return lines[0]


# ------------------------------------------------------------------ extract


def test_extract_prints_json_equal_to_analyze(runner: CliRunner, essay: Path) -> None:
    result = ok(runner.invoke(main, ["extract", str(essay)]))
    m = ArgumentMap.from_json(result.stdout)
    assert m == argmap.analyze(str(essay))
    assert m.metadata["source"] == str(essay)
    assert json.loads(result.stdout)["schema"] == argmap.SCHEMA


def test_extract_reads_stdin(runner: CliRunner) -> None:
    result = ok(runner.invoke(main, ["extract", "-"], input=TEXT.encode("utf-8")))
    assert ArgumentMap.from_json(result.stdout) == argmap.analyze(TEXT.encode("utf-8"))


def test_extract_with_encoding(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Caf\u00e9 Fees\n\nCaf\u00e9 fees must fall. However, owners disagree.\n"
    path.write_bytes(text.encode("cp1252"))
    result = ok(runner.invoke(main, ["extract", "--encoding", "cp1252", str(path)]))
    m = ArgumentMap.from_json(result.stdout)
    assert m.title == "Caf\u00e9 Fees"
    assert m.metadata["encoding"] == "cp1252"


# ------------------------------------------------------------------ segment


def test_segment_prints_one_tab_separated_line_per_unit(runner: CliRunner,
                                                        essay: Path) -> None:
    result = ok(runner.invoke(main, ["segment", str(essay)]))
    m = argmap.analyze(str(essay))
    lines = result.stdout.splitlines()
    assert len(lines) == len(m.units)
    roles = {r.value for r in Role}
    functions = {f.value for f in MarkerFunction}
    for line, unit in zip(lines, m.units, strict=True):
        uid, span, markers, role, text = line.split("\t")
        start, end = (int(x) for x in span.split("-"))
        assert (uid, start, end, role, text) == (unit.id, unit.span.start, unit.span.end,
                                                 unit.role.value, unit.text)
        assert TEXT[start:end] == text
        assert role in roles
        if unit.markers:
            pairs = [p.rsplit(":", 1) for p in markers.split(",")]
            assert [(t, f) for t, f in pairs] == [(mk.text, mk.function.value)
                                                  for mk in unit.markers]
            assert all(f in functions for _, f in pairs)
        else:
            assert markers == "-"
    by_text = {line.split("\t")[4]: line.split("\t")[2] for line in lines}
    assert by_text["the state can pay"] == "However:contrast"
    assert by_text["it saves on welfare."] == "because:reason"
    assert by_text["they deter students."] == "First:ordinal"


def test_segment_keeps_one_line_per_unit_for_wrapped_text(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    """A unit whose text spans a line break (hard-wrapped prose) is still one line."""
    path = tmp_path / "wrapped.txt"
    path.write_text("Fees must fall, and the harm they do to poor families lasts for\n"
                    "years. However, critics\tdisagree.\n", encoding="utf-8")
    result = ok(runner.invoke(main, ["segment", str(path)]))
    m = argmap.analyze(str(path))
    lines = result.stdout.splitlines()
    # ", and the harm … lasts": a coordinated clause, a unit of its own
    assert len(lines) == len(m.units) == 3
    assert all(len(line.split("\t")) == 5 for line in lines)


def test_segment_reads_stdin(runner: CliRunner) -> None:
    result = ok(runner.invoke(main, ["segment", "-"], input=b"Taxes must rise. However, "
                                                              b"voters object.\n"))
    assert [line.split("\t")[4] for line in result.stdout.splitlines()] == [
        "Taxes must rise.", "voters object."]


# ------------------------------------------------------------------ render


def test_render_dot_to_stdout(runner: CliRunner, essay: Path) -> None:
    result = ok(runner.invoke(main, ["render", str(essay), "--format", "dot"]))
    assert result.stdout.startswith("digraph")
    m = argmap.analyze(str(essay))
    for unit in m.units:
        assert f'"{unit.id}"' in result.stdout or f"{unit.id} " in result.stdout
    assert result.stdout == argmap.render(m, "dot").decode("utf-8")


def test_render_json_to_stdout(runner: CliRunner, essay: Path) -> None:
    result = ok(runner.invoke(main, ["render", str(essay), "-f", "json"]))
    assert ArgumentMap.from_json(result.stdout) == argmap.analyze(str(essay))


def test_render_dot_file_without_graphviz(runner: CliRunner, essay: Path,
                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "map.dot"
    ok(runner.invoke(main, ["render", str(essay), "-o", str(out)]))
    assert out.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.dot
def test_render_svg_file(runner: CliRunner, essay: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    result = ok(runner.invoke(main, ["render", str(essay), "-o", str(out)]))
    assert result.stdout.strip() == str(out)
    root = ET.fromstring(out.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Fees must fall." in "".join(root.itertext())


@pytest.mark.dot
def test_render_png_file(runner: CliRunner, essay: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    ok(runner.invoke(main, ["render", str(essay), "-o", str(out)]))
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.dot
def test_render_format_overrides_extension(runner: CliRunner, essay: Path,
                                           tmp_path: Path) -> None:
    out = tmp_path / "map.img"
    ok(runner.invoke(main, ["render", str(essay), "-o", str(out), "--format", "png"]))
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.dot
def test_render_default_output_is_stem_svg_in_the_current_folder(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # click 8.2+ deprecates isolated_filesystem
    cwd = tmp_path
    folder = Path(cwd) / "drafts"
    folder.mkdir()
    (folder / "my essay.txt").write_text(TEXT, encoding="utf-8")
    result = ok(runner.invoke(main, ["render", str(folder / "my essay.txt")]))
    assert sorted(p.name for p in Path(cwd).iterdir()) == ["drafts", "my essay.svg"]
    assert sorted(p.name for p in folder.iterdir()) == ["my essay.txt"]
    assert Path(result.stdout.strip()).resolve() == (Path(cwd) / "my essay.svg").resolve()
    assert ET.fromstring((Path(cwd) / "my essay.svg").read_bytes()).tag.endswith("svg")


@pytest.mark.dot
def test_render_from_stdin_to_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "stdin.svg"
    ok(runner.invoke(main, ["render", "-", "-o", str(out)], input=TEXT.encode("utf-8")))
    assert ET.fromstring(out.read_bytes()).tag.endswith("svg")


def test_render_without_dot_exits_1_with_install_hint(runner: CliRunner, essay: Path,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("dot") is None
    out = tmp_path / "map.svg"
    line = assert_one_line_error(runner.invoke(main, ["render", str(essay), "-o", str(out)]))
    assert "Graphviz" in line and re.search("install", line, re.IGNORECASE)
    assert not out.exists()


# ------------------------------------------------------------------ input errors: exit 1


@pytest.mark.parametrize("command", ["extract", "segment", "render"])
@pytest.mark.parametrize(("kind", "make", "message"), [
    pytest.param("missing", lambda p: p / "nope.txt", "no such file", id="missing-file"),
    pytest.param("directory", lambda p: p, "directory", id="directory"),
    pytest.param("empty", lambda p: (p / "e.txt", (p / "e.txt").write_bytes(b""))[0],
                 "empty", id="empty-file"),
    pytest.param("blank", lambda p: (p / "w.txt", (p / "w.txt").write_bytes(b"\n \t\n"))[0],
                 "only white space", id="whitespace-file"),
    pytest.param("binary", lambda p: (p / "b.txt", (p / "b.txt").write_bytes(
        b"\x01\x02\x00\x00\x00\rdata\x00"))[0], "binary", id="binary-file-nul"),
    pytest.param("png", lambda p: (p / "b.txt", (p / "b.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))[0], "is a PNG file (image/png), not text",
        id="png-file"),
    pytest.param("pdf", lambda p: (p / "paper.txt", (p / "paper.txt").write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))[0],
        "is a PDF file (application/pdf), not text", id="pdf-file"),
    pytest.param("headings", lambda p: (p / "h.txt", (p / "h.txt").write_bytes(
        b"Home | News | Login\nTags:  a   b   c\n"))[0], "no argumentative text",
        id="only-boilerplate"),
])
def test_bad_input_exits_1_with_one_line(runner: CliRunner, tmp_path: Path, command: str,
                                         kind: str, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    args = [command, str(path)]
    if command == "render":
        args += ["-o", str(tmp_path / "out.dot")]
    line = assert_one_line_error(runner.invoke(main, args))
    assert message in line
    assert not (tmp_path / "out.dot").exists()


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02binary"])
def test_bad_stdin_exits_1(runner: CliRunner, data: bytes) -> None:
    assert_one_line_error(runner.invoke(main, ["extract", "-"], input=data))


def test_undecodable_with_given_encoding_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Caf\xe9 fees must fall.")
    line = assert_one_line_error(runner.invoke(main, ["extract", "--encoding", "utf-8",
                                                      str(path)]))
    assert "decode" in line


# ------------------------------------------------------------------ usage errors: exit 2


def _usage_error(result: Result) -> None:
    assert_one_line_error(result, code=2)
    assert result.stderr.rstrip().endswith("--help')")  # points at the command's help
    assert result.stdout == ""


def test_unknown_format_exits_2(runner: CliRunner, essay: Path) -> None:
    _usage_error(runner.invoke(main, ["render", str(essay), "--format", "gif"]))


def test_unknown_output_extension_exits_2(runner: CliRunner, essay: Path,
                                          tmp_path: Path) -> None:
    _usage_error(runner.invoke(main, ["render", str(essay), "-o", str(tmp_path / "m.gif")]))
    assert not (tmp_path / "m.gif").exists()


@pytest.mark.parametrize("command", [
    pytest.param(["render", "--format", "svg"], id="render-svg"),
    pytest.param(["render", "--format", "dot"], id="render-dot"),
    # no --format: the input's extension (.txt) names no format; the refusal comes first
    pytest.param(["render"], id="render"),
    pytest.param(["extract", "--format", "argdown"], id="extract-argdown"),
    pytest.param(["extract"], id="extract"),
    pytest.param(["segment"], id="segment"),
])
def test_output_equal_to_input_exits_1_and_keeps_the_input(runner: CliRunner, essay: Path,
                                                           command: list[str]) -> None:
    before = essay.read_bytes()
    line = assert_one_line_error(runner.invoke(main, [*command, str(essay), "-o", str(essay)]))
    assert line.endswith("is the input file; choose another -o")
    assert essay.read_bytes() == before


@pytest.mark.parametrize("name", ["notes.png", "notes.md", "notes.json", "notes"])
@pytest.mark.parametrize("command", ["render", "extract", "segment"])
def test_output_equal_to_input_is_refused_whatever_the_extension(
        runner: CliRunner, tmp_path: Path, command: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    line = assert_one_line_error(runner.invoke(main, [command, str(path), "-o", str(path)]))
    assert line == f"argmap: error: the output path {path} is the input file; choose another -o"
    assert path.read_text(encoding="utf-8") == TEXT


def test_output_equal_to_input_by_another_spelling_exits_1(runner: CliRunner,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "notes.dot"
    path.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "." / "notes.dot"
    line = assert_one_line_error(runner.invoke(main, ["render", str(path), "-o", str(other)]))
    assert "is the input file" in line
    assert path.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("args", [
    pytest.param([], id="no-command"),
    pytest.param(["extract"], id="missing-file-argument"),
    pytest.param(["extract", "--colour", "x"], id="unknown-option"),
    pytest.param(["draw", "x.txt"], id="unknown-command"),
])
def test_bad_usage_exits_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_help_and_version(runner: CliRunner) -> None:
    assert "render" in ok(runner.invoke(main, ["--help"])).stdout
    assert argmap.__version__ in ok(runner.invoke(main, ["--version"])).stdout


def test_format_contradicting_the_extension_exits_2(runner: CliRunner, essay: Path,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    result = runner.invoke(main, ["render", str(essay), "-o", str(out), "--format", "svg"])
    _usage_error(result)
    assert "contradicts" in result.stderr
    assert not out.exists()


def test_bare_argmap_shows_help_and_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(main, [])
    assert result.exit_code == 2
    assert "Usage: argmap" in result.stderr and "render" in result.stderr


@pytest.mark.parametrize(("text", "warned"), [
    ("The deal has three problems.\n\nFirst, it costs too much.\n\nSecond, it floods.\n",
     'argmap: warning: {file}: "The deal has three problems" (line 1): announces 3 items '
     'but has 2\n'),
    # the line of the announcement, not of the first line or of the items
    ("Deal Or No Deal\n\nThe deal is bad. It has three problems.\n\nFirst, it costs too "
     "much.\n\nSecond, it floods.\n",
     'argmap: warning: {file}: "It has three problems" (line 3): announces 3 items '
     'but has 2\n'),
    # no warning: the count matches
    ("The deal has two problems.\n\nFirst, it costs too much.\n\nSecond, it floods.\n", ""),
])
def test_the_maps_warnings_go_to_stderr(runner: CliRunner, tmp_path: Path, text: str,
                                        warned: str) -> None:
    essay = tmp_path / "deal.txt"
    essay.write_text(text, encoding="utf-8")
    result = ok(runner.invoke(main, ["extract", str(essay)]))
    assert result.stderr == warned.format(file=essay)
    piped = ok(runner.invoke(main, ["extract", "-"], input=text))
    assert piped.stderr == warned.format(file="standard input")
