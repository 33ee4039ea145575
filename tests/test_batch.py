"""``argmap batch``: inputs, output names, resume, failures, processes and a Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.batch import DEFAULT_PATTERNS, INDEX_NAME, Job, expand_inputs, plan_jobs, run_batch
from argmap.cli import main
from argmap.exceptions import InputError
from argmap.pipeline import analyze

MICROTEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arg-microtexts" / "en"
SRC = Path(__file__).resolve().parents[1] / "src"

TEXTS = {
    "fees.txt": "Fees must fall. First, they deter students. However, the state must pay.",
    "cars/ban.txt": "Cars should be banned downtown, because they pollute. Of course, shops "
                    "object. Still, the air matters more.",
    "cars/notes.md": "# Tolls\n\nTolls work. For example, London cut traffic by a third.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for name, text in TEXTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "cars" / "image.png").write_bytes(b"\x89PNG not a text")  # not a text pattern
    return root


def _records(outdir: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (outdir / INDEX_NAME).read_text("utf-8").splitlines()]


def test_expand_inputs_files_directories_and_globs(corpus: Path) -> None:
    names = lambda paths: [p.relative_to(corpus).as_posix() for p in paths]  # noqa: E731
    assert names(expand_inputs([str(corpus)])) == ["cars/ban.txt", "cars/notes.md", "fees.txt"]
    assert names(expand_inputs([str(corpus / "**" / "*.txt")])) == ["cars/ban.txt", "fees.txt"]
    # a file given twice (directly and through its folder) is analysed once
    assert names(expand_inputs([str(corpus / "fees.txt"), str(corpus)])) == \
        ["fees.txt", "cars/ban.txt", "cars/notes.md"]
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([str(corpus / "missing.txt")])
    with pytest.raises(InputError, match="no file matches"):
        expand_inputs([str(corpus / "*.html")])


# A directory gives every file argmap reads by its extension, in any case; not images,
# JSON maps, PDFs, backups or files without an extension.
@pytest.mark.parametrize(("name", "taken"), [
    ("page.html", True),
    ("page.htm", True),
    ("page.xhtml", True),
    ("PAGE.HTML", True),
    ("notes.markdown", True),
    ("notes.mdown", True),
    ("notes.mkd", True),
    ("essay.TXT", True),
    ("essay.text", True),  # these two were searched before
    ("essay.md", True),
    ("map.json", False),
    ("scan.pdf", False),
    ("page.html.bak", False),
    ("README", False),
    ("html", False),
])
def test_a_directory_gives_every_file_argmap_reads(tmp_path: Path, name: str,
                                                   taken: bool) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_text("Fees must fall. However, the state must pay.",
                                         encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == ([tmp_path / "sub" / name] if taken else [])


def test_the_help_and_readme_list_the_patterns_a_directory_gives() -> None:
    shown = CliRunner().invoke(main, ["batch", "--help"], terminal_width=200).output
    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    for pattern in DEFAULT_PATTERNS:
        assert pattern in shown
        assert f"`{pattern}`" in readme


def test_batch_analyses_the_html_pages_of_a_directory(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "page.html").write_text(
        "<html><head><title>Fees</title></head><body><article><h1>Fees</h1><p>Fees must "
        "fall. However, the state must pay for it.</p></article></body></html>",
        encoding="utf-8")
    (inputs / "essay.txt").write_text(TEXTS["fees.txt"], encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    records = {Path(str(r["source"])).name: r for r in _records(out)}
    assert sorted(records) == ["essay.txt", "page.html"]
    assert records["page.html"]["status"] == "ok"
    assert (out / "page.json").is_file()


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (["d/a.txt", "d/b/c.md"], ["o/a.json", "o/b/c.json"]),
        (["a.txt"], ["o/a.json"]),
        (["d/a.txt", "d/a.md"], ["o/a.txt.json", "o/a.md.json"]),  # same stem: keep extension
        (["d/x.tar.gz"], ["o/x.tar.json"]),
    ],
)
def test_output_names(inputs: list[str], expected: list[str]) -> None:
    assert [j.output.as_posix() for j in plan_jobs([Path(i) for i in inputs], Path("o"))] \
        == expected


def test_batch_writes_one_map_per_input_and_an_index(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "3 inputs: 3 analysed, 0 up to date, 0 failed" in result.stderr
    for name in TEXTS:
        stem = name.rsplit(".", 1)[0]
        assert (out / f"{stem}.json").read_text("utf-8") == analyze(corpus / name).to_json()
    records = _records(out)
    assert [r["status"] for r in records] == ["ok", "ok", "ok"]
    ban = next(r for r in records if str(r["source"]).endswith("ban.txt"))
    m = analyze(corpus / "cars" / "ban.txt")
    assert (ban["units"], ban["relations"], ban["central_claim"]) == \
        (len(m.units), len(m.relations), m.central_claim)


def test_rerun_skips_fresh_outputs_and_redoes_changed_inputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", str(corpus), "-o", str(out), "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    first = _records(out)
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0
    assert "0 analysed, 3 up to date" in again.stderr
    second = _records(out)
    assert [r["status"] for r in second] == ["skipped"] * 3
    # what the first run learnt is kept in the index
    assert [r["units"] for r in second] == [r["units"] for r in first]
    # an input edited after its output is analysed again
    fees = corpus / "fees.txt"
    fees.write_text("Fees must rise. Because costs grow.", encoding="utf-8")
    later = (out / "fees.json").stat().st_mtime_ns + 1_000_000_000
    os.utime(fees, ns=(later, later))
    third = CliRunner().invoke(main, args)
    assert "1 analysed, 2 up to date" in third.stderr
    assert (out / "fees.json").read_text("utf-8") == analyze(fees).to_json()
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert "3 analysed, 0 up to date" in forced.stderr


def test_a_failing_input_is_reported_and_does_not_stop_the_others(
        corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "5 inputs: 3 analysed, 0 up to date, 2 failed" in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("argmap: failed:")]
    assert len(failed) == 2
    assert any("empty.txt" in line for line in failed)
    # each names its input once, whether or not the error itself names it
    for name in ("empty.txt", "binary.txt"):
        [line] = [line for line in failed if name in line]
        assert line.count(str(corpus / name)) == 1, line
    assert "Traceback" not in result.output
    records = {Path(str(r["source"])).name: r for r in _records(out)}
    assert records["empty.txt"]["status"] == "failed"
    assert records["empty.txt"]["error"]
    # a failed input has no map, so the index lists no output for it, only its error
    assert records["empty.txt"]["output"] is None
    assert records["binary.txt"]["output"] is None
    assert records["fees.txt"]["status"] == "ok"
    assert records["fees.txt"]["output"] == str(out / "fees.json")
    assert not (out / "empty.json").exists()


# An input among others that names nothing (a missing file, a pattern that matches no
# file) fails alone: the others are analysed, and it is reported at the end and in the
# index with its error and no output (it stopped the whole batch, with nothing written).
@pytest.mark.parametrize(("missing", "error"), [
    ("missing.txt", "cannot read missing.txt: no such file or directory"),
    ("nowhere/*.txt", "no file matches 'nowhere/*.txt'"),
])
def test_an_input_that_names_nothing_does_not_stop_the_others(
        corpus: Path, monkeypatch: pytest.MonkeyPatch, missing: str, error: str) -> None:
    monkeypatch.chdir(corpus.parent)
    result = CliRunner().invoke(main, ["batch", "in", missing, "-o", "out", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"argmap: failed: {error}"
    assert "4 inputs: 3 analysed, 0 up to date, 1 failed" in result.stderr
    records = _records(corpus.parent / "out")
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "failed"]
    assert records[-1] == {"source": missing, "output": None, "status": "failed",
                           "error": error, "size": 0, "units": None, "relations": None,
                           "central_claim": None, "seconds": 0.0}
    assert sorted(p.name for p in (corpus.parent / "out").rglob("*.json")) == [
        "ban.json", "fees.json", "notes.json"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["batch", "in", "-o", "out", "--jobs", "0"], 2, "--jobs"),
        (["batch", "in"], 2, "--output"),
        (["batch", "in", "-o", "out", "--jobs", "2", "--scheduler", "tcp://x:1"], 2,
         "exclude each other"),
    ],
)
def test_bad_usage(corpus: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int,
                   message: str) -> None:
    monkeypatch.chdir(corpus.parent)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


# Inputs that name no file argmap reads are bad input (exit 1), as a missing FILE is for
# every other command (README, docs/reference/cli.md); they were usage errors (exit 2).
# When none of the inputs names a file, nothing is written.
@pytest.mark.parametrize(("inputs", "message"), [
    (["nowhere/*.txt"], "argmap: error: no file matches 'nowhere/*.txt'"),
    (["missing.txt"], "argmap: error: cannot read missing.txt: no such file or directory"),
    (["missing.txt", "nowhere/*.txt"], "argmap: error: cannot read missing.txt: no such "
                                       "file or directory"),
    (["empty"], "argmap: error: the inputs hold no text, Markdown or HTML"),
])
def test_inputs_that_name_nothing_exit_1(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                         inputs: list[str], message: str) -> None:
    monkeypatch.chdir(corpus.parent)
    (corpus.parent / "empty").mkdir()
    result = CliRunner().invoke(main, ["batch", *inputs, "-o", "out"])
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1
    assert not (corpus.parent / "out").exists()


def test_a_bad_grammar_file_fails_once_before_any_input(corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.lark"
    bad.write_text("%extend contrast: \n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(out), "--jobs", "1",
                                       "--grammar", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("argmap: error: grammar does not compile")
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_a_user_grammar_reaches_every_input(corpus: Path, tmp_path: Path) -> None:
    extra = tmp_path / "albeit.lark"
    extra.write_text('%extend concession_clause: ALBEIT\nALBEIT: "albeit"i'
                     '   // sense: Comparison.Concession\n', encoding="utf-8")
    (corpus / "fees.txt").write_text("Fees must fall, albeit slowly.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus / "fees.txt"), "-o", str(out),
                                       "--grammar", str(extra)])
    assert result.exit_code == 0, result.output
    units = json.loads((out / "fees.json").read_text("utf-8"))["units"]
    assert [m["terminal"] for u in units for m in u["markers"]] == ["ALBEIT"]


def test_two_processes_give_the_same_maps_as_one(corpus: Path, tmp_path: Path) -> None:
    jobs = plan_jobs(expand_inputs([str(corpus)]), tmp_path / "one")
    one = run_batch(jobs, tmp_path / "one", workers=1)
    two_jobs = [Job(j.source, tmp_path / "two" / j.output.name) for j in jobs]
    two = run_batch(two_jobs, tmp_path / "two", workers=2)
    assert [o.status for o in two.outcomes] == ["ok"] * 3
    for a, b in zip(jobs, two_jobs, strict=True):
        assert a.output.read_bytes() == b.output.read_bytes()
    assert [(o.units, o.relations) for o in one.outcomes] == \
        [(o.units, o.relations) for o in two.outcomes]


@pytest.mark.corpus
def test_dask_cluster_gives_the_same_maps_as_a_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="needs argmap[dask]")
    if not MICROTEXTS.is_dir():
        pytest.skip(f"the microtexts are not at {MICROTEXTS}")
    inputs = tmp_path / "micro"
    inputs.mkdir()
    for path in sorted(MICROTEXTS.glob("*.txt"))[:8]:
        shutil.copy(path, inputs / path.name)
    jobs = plan_jobs(expand_inputs([str(inputs)]), tmp_path / "local")
    local = run_batch(jobs, tmp_path / "local", workers=1)
    # The workers import this checkout's argmap, not an installed one.
    env = {"PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    # port 0 everywhere: the scheduler and its dashboard take free ports (with None, the
    # dashboard still tried 8787 and the test failed when a notebook or a second run held
    # it)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  scheduler_port=0, dashboard_address=":0",
                                  env=env) as cluster:
        remote_jobs = [Job(j.source, tmp_path / "dask" / j.output.name) for j in jobs]
        remote = run_batch(remote_jobs, tmp_path / "dask", scheduler=cluster.scheduler_address)
        workers_used = len(cluster.scheduler_info["workers"])
    assert workers_used == 2
    assert [o.status for o in remote.outcomes] == ["ok"] * 8
    for a, b in zip(jobs, remote_jobs, strict=True):
        assert a.output.read_bytes() == b.output.read_bytes()
    strip = lambda o: (o.source, o.status, o.units, o.relations, o.central_claim)  # noqa: E731
    assert [strip(o) for o in remote.outcomes] == [strip(o) for o in local.outcomes]


def test_unreachable_scheduler_is_one_clear_error(corpus: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="needs argmap[dask]")
    monkeypatch.setattr("argmap.batch.CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(main, ["batch", str(corpus), "-o", str(tmp_path / "o"),
                                       "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("argmap: error: cannot reach the Dask scheduler")
