"""``argmap eval``: the corpus driver, its regression floor, the CLI and the JSON export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.evaluation import evaluate_corpus
from argmap.given import segment_given
from argmap.ingest import Document
from argmap.model import Span

MICROTEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arg-microtexts" / "en"

#: Regression floors (mean over the 50 folds), measured with the rules of this commit and
#: rounded down to two decimals; docs/evaluation.md has the full figures. Raise a floor
#: when the rules improve; never lower one to let a change through.
FLOORS = {
    "gold-units": {"cc": 0.91, "ro": 0.88, "fu": 0.86, "at": 0.76, "las": 0.64},
    "end-to-end": {"cc": 0.90, "ro": 0.86, "fu": 0.83, "at": 0.76, "las": 0.62},
}
BOUNDARY_F1_FLOOR = 0.92


@pytest.fixture(scope="module")
def microtexts() -> Path:
    if not MICROTEXTS.is_dir():
        pytest.skip("../shared/corpora/arg-microtexts is absent on this machine: the "
                    "evaluation floor needs the gold corpus")
    return MICROTEXTS


@pytest.mark.corpus
@pytest.mark.parametrize("mode", ["gold-units", "end-to-end"])
def test_scores_stay_above_the_recorded_floor(microtexts: Path, mode: str) -> None:
    result = evaluate_corpus(microtexts, gold_units=mode == "gold-units")
    scores = result.scores()["folds"]
    below = {lv: round(scores[lv], 3) for lv, floor in FLOORS[mode].items()
             if scores[lv] < floor}
    assert below == {}, f"{mode}: below the floor {FLOORS[mode]}"
    if mode == "end-to-end":
        assert result.segmentation()["f1"] >= BOUNDARY_F1_FLOOR


@pytest.mark.corpus
def test_targets_of_issue_3_in_gold_units_mode(microtexts: Path) -> None:
    """Beat attach-to-first by a clear margin and reach the trained evidence graph."""
    scores = evaluate_corpus(microtexts, gold_units=True).scores()["folds"]
    baseline = {"cc": 0.712, "ro": 0.439, "fu": 0.407, "at": 0.618}
    target = {"cc": 0.86, "ro": 0.74, "fu": 0.76, "at": 0.71}
    assert all(scores[lv] >= baseline[lv] + 0.1 for lv in baseline)
    assert all(scores[lv] >= target[lv] for lv in target)


# ---------------------------------------------------------------- a tiny corpus

GRAPH = """<arggraph id="{id}">
  <edu id="e1">{e1}</edu><edu id="e2">{e2}</edu><edu id="e3">{e3}</edu>
  <adu id="a1" type="pro"/><adu id="a2" type="opp"/><adu id="a3" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="a2" trg="a1" type="reb"/><edge id="c5" src="a3" trg="a2" type="reb"/>
</arggraph>"""

TEXTS = {
    "t1": ("Fines must rise.", "Owners think dirt is harmless.", "But it is not."),
    "t2": ("Fees should fall.", "Some call them fair.", "Yet they deter the poor."),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for tid, (e1, e2, e3) in TEXTS.items():
        (tmp_path / f"{tid}.xml").write_text(GRAPH.format(id=tid, e1=e1, e2=e2, e3=e3),
                                             encoding="utf-8")
        (tmp_path / f"{tid}.txt").write_text(f"{e1} {e2} {e3}", encoding="utf-8")
    return tmp_path


def test_a_corpus_without_folds_is_one_fold(corpus: Path) -> None:
    result = evaluate_corpus(corpus, gold_units=True)
    assert result.folds == (("t1", "t2"),)
    # claim, objection, answer: every level right in both texts
    assert set(result.scores()["pooled"].values()) == {1.0}
    assert result.errors() == []


def test_folds_json_in_the_parent_folder_is_used(corpus: Path) -> None:
    texts = corpus / "en"
    texts.mkdir()
    for path in corpus.glob("t*"):
        path.rename(texts / path.name)
    (corpus / "folds.json").write_text(json.dumps({"folds": [["t1"], ["t2"]]}),
                                       encoding="utf-8")
    assert evaluate_corpus(texts).folds == (("t1",), ("t2",))


def test_errors_name_their_kind_and_an_example(corpus: Path) -> None:
    (corpus / "t3.xml").write_text(GRAPH.format(
        id="t3", e1="Fees should fall.", e2="Fees are high.", e3="Students are poor."),
        encoding="utf-8")
    (corpus / "t3.txt").write_text("Fees should fall. Fees are high. Students are poor.",
                                   encoding="utf-8")
    error, *_ = evaluate_corpus(corpus, gold_units=True).errors()
    assert error["kind"] == "attack predicted as support, right unit (default.paragraph)"
    assert error["example"]["text"] == "t3"
    assert error["example"]["segment_text"] in ("Fees are high.", "Students are poor.")


def test_cli_prints_the_table_and_the_json(corpus: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["eval", str(corpus), "--gold-units"])
    assert table.exit_code == 0, table.output
    assert "mode gold-units" in table.stdout
    assert "attach-to-first baseline" in table.stdout
    end_to_end = runner.invoke(main, ["eval", str(corpus)])
    assert "unit boundaries: precision 1.000  recall 1.000  F1 1.000" in end_to_end.stdout
    data = json.loads(runner.invoke(main, ["eval", str(corpus), "--format", "json"]).stdout)
    assert data["mode"] == "end-to-end"
    assert [t["id"] for t in data["texts"]] == ["t1", "t2"]
    assert set(data["folds"]) == {"cc", "ro", "fu", "at", "las"}
    assert data["segmentation"]["gold"] == 4


@pytest.mark.parametrize(("args", "code", "message"), [
    pytest.param(["eval", "no/such/folder"], 1, "argmap: error: no/such/folder is not a folder",
                 id="missing-folder"),
    pytest.param(["eval", "."], 1, "holds no ARG-XML", id="no-xml"),
    pytest.param(["eval", ".", "--format", "xml"], 2, "Invalid value for '-f' / '--format'",
                 id="bad-format"),
])
def test_cli_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                    code: int, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_corpus_folder_without_xml_names_its_subfolders_that_have_some(
        tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "t1.xml").write_text("<arggraph/>", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"argmap: error: {tmp_path} holds no ARG-XML (.xml) "
                                     f"file; try {tmp_path / 'en'}")


# ---------------------------------------------------------------- given units

def test_given_units_are_the_units_with_their_markers() -> None:
    text = "Fees must fall. Owners think they are fair, but they deter the poor."
    spans = [Span(0, 15), Span(16, 43), Span(44, 68)]
    seg = segment_given(Document.from_text(text), spans)
    assert [u.span for u in seg.units] == spans
    assert [(m.text, m.rule) for m in seg.units[2].markers] == [("but", "joiner")]
    assert [(s, t, m.text) for s, t, m in seg.links] == [(seg.units[2].id, seg.units[1].id,
                                                          "but")]


def test_a_leading_concession_attaches_after_the_comma_that_closes_it() -> None:
    """"Although X" | "and Y," | "Z": both conceded clauses attack the main clause Z."""
    text = "Although work is harder and staff are tired, the age should not remain 63."
    spans = [Span(0, 23), Span(24, 44), Span(45, 74)]
    m = argmap.analyze(text, units=spans)
    texts = {u.id: u.text for u in m.units}
    assert {(texts[r.source], r.kind.value, texts[r.target]) for r in m.relations} == {
        ("Although work is harder", "attack", "the age should not remain 63."),
        ("and staff are tired,", "attack", "the age should not remain 63.")}


def test_given_units_must_not_overlap() -> None:
    with pytest.raises(ValueError, match="overlap"):
        argmap.analyze("Fees must fall. They deter.", units=[Span(0, 10), Span(5, 20)])


# ---------------------------------------------------------------- JSON export (part 8)

def test_extract_json_carries_offsets_and_relations_for_an_outside_scorer(
        tmp_path: Path) -> None:
    """Every unit has character offsets into the input; every relation has source,
    target, kind and subtype (docs/json-schema.md)."""
    text = "Fines must rise. Owners think dirt is harmless. But it is not."
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["extract", str(path)]).stdout)
    for unit in data["units"]:
        assert text[unit["span"]["start"]:unit["span"]["end"]] == unit["text"]
    ids = {u["id"] for u in data["units"]}
    assert {(r["source"] in ids, r["target"] in ids, r["kind"], r["subtype"])
            for r in data["relations"]} == {(True, True, "attack", "objection"),
                                             (True, True, "attack", "contrast")}
