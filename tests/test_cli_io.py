"""The command line's streams, formats and bad-input errors (issue: real inputs)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import argmap
from argmap.cli import main
from argmap.render import write_atomic

DATA = Path(__file__).parent / "data"
TEXT = ("Fees Must Fall\n\nFees must fall. First, they deter students. Second, they burden "
        "families.\n\nOf course, cutting fees costs money. However, the state can pay.\n")


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
    assert result.stderr == ""
    return result


def one_line_error(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return lines[0]


# ------------------------------------------------------------------ stdin and stdout


@pytest.mark.parametrize("command", [["extract"], ["segment"], ["render", "-f", "dot"],
                                     ["render", "-f", "json"]])
def test_every_command_reads_stdin_and_writes_stdout(runner: CliRunner, command: list[str],
                                                     essay: Path) -> None:
    from_file = ok(runner.invoke(main, [*command, str(essay)])).stdout
    from_stdin = ok(runner.invoke(main, [*command, "-"], input=TEXT.encode("utf-8"))).stdout
    to_dash = ok(runner.invoke(main, [*command, str(essay), "-o", "-"])).stdout
    assert from_file == to_dash
    # same output but the source name, which is null for standard input
    assert from_stdin.replace('"source": null', f'"source": {json.dumps(str(essay))}') \
        == from_file


@pytest.mark.parametrize(("command", "check"), [
    pytest.param(["extract"], lambda b: json.loads(b)["schema"] == "argmap/1", id="extract"),
    pytest.param(["extract", "-f", "json"], lambda b: json.loads(b)["schema"] == "argmap/1",
                 id="extract-json"),
    pytest.param(["segment"], lambda b: b.count(b"\n") == 5 and b.count(b"\t") == 20,
                 id="segment-tsv"),
    pytest.param(["segment", "-f", "json"],
                 lambda b: [u["text"] for u in json.loads(b)][:2] == ["Fees must fall.",
                                                                        "they deter students."],
                 id="segment-json"),
    pytest.param(["render", "-f", "dot"], lambda b: b.startswith(b"digraph"), id="dot"),
    pytest.param(["render", "-f", "json"], lambda b: json.loads(b)["title"] ==
                 "Fees Must Fall", id="render-json"),
])
def test_format_of_every_output_to_a_file(runner: CliRunner, essay: Path, tmp_path: Path,
                                          command: list[str], check) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.any"
    ok(runner.invoke(main, [*command, str(essay), "-o", str(out)]))
    assert check(out.read_bytes())
    assert essay.read_text(encoding="utf-8") == TEXT


# Every command reads -o's extension as render does: it picks the format, or must agree
# with --format; an unknown extension takes --format, else the command's default.
@pytest.mark.parametrize(("command", "name", "same_as"), [
    pytest.param("extract", "m.argdown", ["-f", "argdown"], id="extract-argdown"),
    pytest.param("extract", "m.mmd", ["-f", "mermaid"], id="extract-mmd"),
    pytest.param("extract", "m.aif.json", ["-f", "aif"], id="extract-aif-json"),
    pytest.param("extract", "m.gv", ["-f", "dot"], id="extract-gv"),
    pytest.param("extract", "m.json", [], id="extract-json-default"),
    pytest.param("extract", "m.out", [], id="extract-unknown-extension-json"),
    pytest.param("segment", "s.json", ["-f", "json"], id="segment-json"),
    pytest.param("segment", "s.tsv", [], id="segment-tsv-default"),
    pytest.param("segment", "s.txt", [], id="segment-unknown-extension-tsv"),
])
def test_output_extension_picks_the_format(runner: CliRunner, essay: Path, tmp_path: Path,
                                           command: str, name: str,
                                           same_as: list[str]) -> None:
    out = tmp_path / name
    ok(runner.invoke(main, [command, str(essay), "-o", str(out)]))
    assert out.read_text(encoding="utf-8") == \
        ok(runner.invoke(main, [command, str(essay), *same_as])).stdout


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["extract", "-o", "m.png"], "the extension of 'm.png' names png, which "
                 "'argmap extract' does not write", id="extract-png"),
    pytest.param(["extract", "-o", "m.pdf"], "'argmap render' writes pdf", id="extract-pdf"),
    pytest.param(["extract", "-f", "json", "-o", "m.argdown"],
                 "--format json contradicts the extension of 'm.argdown'",
                 id="extract-json-argdown"),
    pytest.param(["segment", "-o", "s.svg"], "'argmap segment' does not write (it writes "
                 "tsv, json)", id="segment-svg"),
    pytest.param(["segment", "-f", "tsv", "-o", "s.json"],
                 "--format tsv contradicts the extension of 's.json'", id="segment-tsv-json"),
    pytest.param(["render", "-f", "json", "-o", "m.argdown"],
                 "--format json contradicts the extension of 'm.argdown'", id="render"),
])
def test_output_extension_against_the_command_exits_2(runner: CliRunner, essay: Path,
                                                      tmp_path: Path, monkeypatch:
                                                      pytest.MonkeyPatch, args: list[str],
                                                      message: str) -> None:
    monkeypatch.chdir(tmp_path)
    line = one_line_error(runner.invoke(main, [args[0], str(essay), *args[1:]]), code=2)
    assert message in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["essay.txt"]  # nothing written


@pytest.mark.parametrize(("command", "fmt", "name"), [
    pytest.param("extract", "json", "m.txt", id="extract-json-unknown-extension"),
    pytest.param("extract", "aif", "m.aif.json", id="extract-aif-aif-json"),
    pytest.param("segment", "json", "s.tsv", id="segment-json-unknown-extension"),
])
def test_format_that_the_extension_does_not_contradict(runner: CliRunner, essay: Path,
                                                       tmp_path: Path, command: str,
                                                       fmt: str, name: str) -> None:
    out = tmp_path / name
    ok(runner.invoke(main, [command, str(essay), "-f", fmt, "-o", str(out)]))
    assert out.read_text(encoding="utf-8") == \
        ok(runner.invoke(main, [command, str(essay), "-f", fmt])).stdout


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"),
                                             ("svg", b"<?xml")])
def test_binary_formats_to_stdout(runner: CliRunner, essay: Path, fmt: str,
                                  magic: bytes) -> None:
    result = ok(runner.invoke(main, ["render", str(essay), "-f", fmt, "-o", "-"]))
    assert result.stdout_bytes.startswith(magic)


def test_segment_json_has_exact_text_and_spans(runner: CliRunner, essay: Path) -> None:
    rows = json.loads(ok(runner.invoke(main, ["segment", str(essay), "-f", "json"])).stdout)
    m = argmap.analyze(essay)
    assert [(r["id"], r["start"], r["end"], r["role"], r["text"]) for r in rows] == [
        (u.id, u.span.start, u.span.end, u.role.value, u.text) for u in m.units]
    assert rows[1]["markers"] == [{"text": "First", "function": "ordinal", "start": 32,
                                   "end": 37}]


@pytest.mark.parametrize(("fixture", "fmt", "source"), [
    ("article.html", "html", "extracted"), ("draft.md", "markdown", "original"),
])
def test_html_and_markdown_through_stdin_with_input_format(
        runner: CliRunner, fixture: str, fmt: str, source: str) -> None:
    data = (DATA / fixture).read_bytes()
    meta = json.loads(ok(runner.invoke(main, ["extract", "-", "--input-format", fmt],
                                       input=data)).stdout)["metadata"]
    assert (meta["format"], meta["text_source"], meta["source"]) == (fmt, source, None)
    sniffed = json.loads(ok(runner.invoke(main, ["extract", "-"], input=data)).stdout)
    assert sniffed["metadata"]["format"] == fmt


def test_encoding_option_on_every_command(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9s must close. However, owners object.".encode("latin-1"))
    for command in (["extract"], ["segment"], ["render", "-f", "json"]):
        result = ok(runner.invoke(main, [*command, "--encoding", "latin-1", str(path)]))
        assert "Caf\u00e9s must close." in result.stdout


def test_text_without_any_marker_still_gets_a_map(runner: CliRunner) -> None:
    result = ok(runner.invoke(main, ["extract", "-"],
                              input=b"The sky is blue. Grass is green. Water is wet.\n"))
    m = argmap.ArgumentMap.from_json(result.stdout)
    assert [u.text for u in m.units] == ["The sky is blue.", "Grass is green.",
                                         "Water is wet."]
    assert m.unit(m.central_claim).text == "The sky is blue."


# ------------------------------------------------------------------ bad input: exit 1


@pytest.mark.parametrize("command", ["extract", "segment", "render"])
@pytest.mark.parametrize(("data", "message"), [
    pytest.param(b"", "argmap: error: essay.txt is empty", id="empty"),
    pytest.param(b" \n\t\r\n\xc2\xa0\n", "argmap: error: essay.txt holds only white space",
                 id="whitespace-only"),
    pytest.param(b"   \n\n  ", "argmap: error: essay.txt holds only white space",
                 id="spaces-and-lines"),
    pytest.param(b"\xef\xbb\xbf\xe2\x80\x8b\n", "argmap: error: essay.txt holds only white "
                 "space", id="zero-width-space-after-a-bom"),
    pytest.param(b"\xef\xbb\xbf", "argmap: error: essay.txt is empty", id="only-a-bom"),
    pytest.param(b"Fees\x00must\x00fall" * 40, "argmap: error: essay.txt looks binary "
                 "(it contains NUL bytes)", id="nul-bytes"),
    pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n",
                 "argmap: error: essay.txt is a PDF file (application/pdf), not text; "
                 "convert it to text, HTML or Markdown first", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
                 "argmap: error: essay.txt is a PNG file (image/png), not text; convert it "
                 "to text, HTML or Markdown first", id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml",
                 "argmap: error: essay.txt is a ZIP file (application/zip), not text; "
                 "convert it to text, HTML or Markdown first", id="docx-zip"),
    pytest.param(b"<html><body><nav><a href='/'>Home</a> | <a href='/in'>Log in</a></nav>"
                 b"<footer>All rights reserved.</footer></body></html>",
                 "argmap: error: essay.txt has no main text: the page is only navigation, "
                 "comments or other boilerplate", id="html-only-boilerplate"),
    pytest.param(b"Home | News | Login\nTags:  a   b   c\n",
                 "argmap: error: essay.txt has no argumentative text (only headings or "
                 "boilerplate)", id="text-only-boilerplate"),
])
def test_bad_input_one_line_exit_1(runner: CliRunner, tmp_path: Path, monkeypatch:
                                   pytest.MonkeyPatch, command: str, data: bytes,
                                   message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("essay.txt").write_bytes(data)
    args = [command, "essay.txt"] + (["-o", "out.dot"] if command == "render" else [])
    assert one_line_error(runner.invoke(main, args)) == message
    assert not Path("out.dot").exists()
    assert Path("essay.txt").read_bytes() == data
    # the same through standard input, named "input"
    stdin = one_line_error(runner.invoke(main, [command, "-", *args[2:]], input=data))
    assert stdin == message.replace("essay.txt", "input")


@pytest.mark.parametrize("command", ["extract", "segment", "render"])
def test_missing_file_and_directory(runner: CliRunner, tmp_path: Path, command: str) -> None:
    missing = tmp_path / "nope.txt"
    assert one_line_error(runner.invoke(main, [command, str(missing)])) == \
        f"argmap: error: {missing}: no such file"
    assert one_line_error(runner.invoke(main, [command, str(tmp_path)])) == \
        f"argmap: error: {tmp_path} is a directory, not a file"


@pytest.mark.parametrize("command", [["extract"], ["segment"], ["render", "-f", "dot"]])
def test_undecodable_with_forced_encoding(runner: CliRunner, tmp_path: Path,
                                          command: list[str]) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Caf\xe9 fees must fall.")
    assert one_line_error(runner.invoke(main, [*command, "--encoding", "utf-8", str(path)])) \
        == f"argmap: error: {path}: cannot decode as utf-8: byte 0xe9 at offset 3"


@pytest.mark.parametrize(("command", "name"), [(["extract"], "out.dot"),
                                             (["segment"], "out.tsv"),
                                             (["render", "-f", "dot"], "out.dot")])
def test_unwritable_output_path(runner: CliRunner, essay: Path, tmp_path: Path,
                                command: list[str], name: str) -> None:
    folder = tmp_path / "missing-folder"
    line = one_line_error(runner.invoke(main, [*command, str(essay), "-o",
                                               str(folder / name)]))
    assert line == f"argmap: error: cannot write {folder / name}: No such file or " \
        "directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(runner: CliRunner, essay: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    line = one_line_error(runner.invoke(main, ["extract", str(essay), "-o",
                                               str(folder / "m.json")]))
    assert line == f"argmap: error: cannot write {folder / 'm.json'}: Permission denied"


@pytest.mark.parametrize("command", [["extract"], ["segment"], ["render", "-f", "dot"],
                                     ["render"]])
def test_output_is_a_directory(runner: CliRunner, essay: Path, tmp_path: Path,
                               command: list[str]) -> None:
    assert one_line_error(runner.invoke(main, [*command, str(essay), "-o", str(tmp_path)])) \
        == f"argmap: error: the output path {tmp_path} is a directory; give a file name"


def test_output_through_a_symlink_to_the_input(runner: CliRunner, essay: Path,
                                               tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(essay)
    line = one_line_error(runner.invoke(main, ["extract", str(essay), "-o", str(link)]))
    assert line.endswith("is the input file; choose another -o")
    assert essay.read_text(encoding="utf-8") == TEXT


# A --grammar file that is missing, a folder, not UTF-8 or not a grammar is bad input:
# exit 1 with one line, for every command that takes --grammar (docs/reference/cli.md).
# A missing file or a folder was a usage error (exit 2), a binary file a traceback.
GRAMMAR_COMMANDS = [
    pytest.param(["extract", "{essay}"], id="extract"),
    pytest.param(["segment", "{essay}"], id="segment"),
    pytest.param(["render", "{essay}", "-f", "dot"], id="render"),
    pytest.param(["explain", "{essay}"], id="explain"),
    pytest.param(["rules"], id="rules"),
    pytest.param(["batch", "{essay}", "-o", "{tmp}/maps", "--jobs", "1"], id="batch"),
    pytest.param(["eval", "{tmp}"], id="eval"),
]


@pytest.mark.parametrize("command", GRAMMAR_COMMANDS)
@pytest.mark.parametrize(("name", "data", "message"), [
    pytest.param("missing.lark", None,
                 "cannot read grammar file {path}: No such file or directory", id="missing"),
    pytest.param("folder.lark", "folder", "cannot read grammar file {path}: Is a directory",
                 id="folder"),
    pytest.param("binary.lark", b"\xff\xfe\x00%extend", "grammar file {path} is not UTF-8 "
                 "text: byte 0xff at offset 0", id="not-utf-8"),
    pytest.param("broken.lark", b'ALBEIT "albeit"i\n', "{path}:1:8: grammar does not "
                 "compile", id="does-not-compile"),
])
def test_bad_grammar_file_exits_1(runner: CliRunner, essay: Path, tmp_path: Path,
                                  command: list[str], name: str, data: bytes | str | None,
                                  message: str) -> None:
    path = tmp_path / name
    if data == "folder":
        path.mkdir()
    elif isinstance(data, bytes):
        path.write_bytes(data)
    args = [a.format(essay=essay, tmp=tmp_path) for a in command]
    line = one_line_error(runner.invoke(main, [*args, "--grammar", str(path)]))
    assert line.startswith("argmap: error: " + message.format(path=path))
    assert not (tmp_path / "maps").exists()


@pytest.mark.parametrize("command", GRAMMAR_COMMANDS[:-1])  # eval needs a corpus
def test_good_grammar_file_is_read_by_every_command(runner: CliRunner, essay: Path,
                                                    tmp_path: Path, command: list[str],
                                                    ) -> None:
    path = tmp_path / "mine.lark"
    path.write_text('%extend contrast: CONTRARIWISE\nCONTRARIWISE: "contrariwise"i'
                    "   // sense: Comparison.Contrast\n", encoding="utf-8")
    args = [a.format(essay=essay, tmp=tmp_path) for a in command]
    result = runner.invoke(main, [*args, "--grammar", str(path)])
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ usage errors: exit 2


@pytest.mark.parametrize("args", [
    pytest.param(["extract", "-", "--encoding", "klingon"], id="unknown-encoding"),
    pytest.param(["extract", "-", "--input-format", "pdf"], id="unknown-input-format"),
    pytest.param(["segment", "-", "--format", "xml"], id="unknown-segment-format"),
    pytest.param(["extract", "-", "--format", "png"], id="binary-extract-format"),
    pytest.param(["extract"], id="missing-file-argument"),
])
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args, input=b"Fees must fall.")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


# ------------------------------------------------------------------ atomic writes


def test_write_atomic_leaves_nothing_when_interrupted(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"old map")

    def interrupt(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new map " * 1000)
    assert target.read_bytes() == b"old map"  # the old file is whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json"]  # no temp left


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    target.write_bytes(b"x" * 10_000)
    write_atomic(target, b"short")
    assert target.read_bytes() == b"short"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json"]
