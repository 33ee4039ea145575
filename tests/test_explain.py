"""``argmap explain`` (why each relation exists) and ``argmap rules`` (the rule catalogue)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.explain import explain, explain_relation
from argmap.model import ArgumentMap
from argmap.rules import catalog
from exporters import MICROTEXTS, ROOT, SEED

TEXT = ("Fees must fall. First, they deter students. Second, they burden families. "
        "Of course, cutting fees costs money. But the state can pay, because it saves on "
        "welfare. However, critics disagree. In fact, they are not right. (Most pay.) "
        "Taken together, fees must fall and grants must rise.")


@pytest.fixture(scope="module")
def seed() -> tuple[ArgumentMap, str]:
    return argmap.analyze(SEED), SEED.read_text(encoding="utf-8")


def test_explain_gives_one_line_per_relation_with_marker_rule_and_sentence(
        seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    lines = explain(m, text)
    assert sorted(lines) == sorted(explain_relation(m, rel, text) for rel in m.relations)
    for rel in m.relations:
        line = explain_relation(m, rel, text)
        assert "\n" not in line
        assert line.startswith(f"{rel.source} -> {rel.target}: {rel.kind.value} "
                               f"({rel.subtype}); ")
        assert f"; rule {rel.rule}; " in line
        if rel.marker is not None:
            assert f'marker "{" ".join(rel.marker.text.split())}" at ' \
                   f"{rel.marker.span.start}-{rel.marker.span.end}" in line
        else:
            assert "; no marker; " in line


@pytest.mark.parametrize(("marker", "sentence"), [
    ("However", "However, critics disagree."),
    ("because", "because it saves on welfare."),
    ("Taken together", "Taken together, fees must fall and grants must rise."),
    ("In fact", "In fact, they are not right."),
])
def test_explain_quotes_the_sentence_from_its_marker(marker: str, sentence: str) -> None:
    m = argmap.analyze(TEXT)
    line = next(ln for ln in explain(m, TEXT) if f'marker "{marker}"' in ln)
    assert line.endswith(f'in "{sentence}"')


@pytest.mark.parametrize(("text", "marker", "quoted"), [
    # The relation's marker is the second of two stacked openers: the quote starts at
    # the first, as the sentence reads.
    ("We tried hard. But still, it failed.", "still", "But still, it failed."),
    ("Fees rose. And yet, nobody left.", "yet", "And yet, nobody left."),
    # One opener: the quote starts at it.
    ("We tried hard. Still, it failed.", "Still", "Still, it failed."),
    # A marker inside the unit: the quote is the unit, from its start.
    ("Fees must fall because they deter students.", "because",
     "because they deter students."),
])
def test_explain_quotes_the_unit_from_its_first_marker(text: str, marker: str,
                                                       quoted: str) -> None:
    line = next(ln for ln in explain(argmap.analyze(text), text) if f'marker "{marker}"' in ln)
    assert line.endswith(f'in "{quoted}"')


# Lines come in text order: by where their quote starts, ties in the map's order. The
# maps of the first three rows list their relations in another order.
@pytest.mark.parametrize(("text", "quotes"), [
    # a concession answered by "But": structure adds the answer's attack first
    ("Of course, fees fund staff. But fees must fall, because students pay.",
     ["But fees must fall", "because students pay."]),
    ("Fees must fall. Students pay. Some argue fees fund staff. But cuts can.",
     ["Students pay.", "Some argue fees fund staff.", "But cuts can."]),
    # "Yes, …" concedes before the thesis; the answer quoted last
    ("Yes, it is cumbersome to sort rubbish. Three bins stink in the kitchen. But still "
     "we waste too much. We should sort our rubbish!",
     ["Yes, it is cumbersome to sort rubbish.", "Three bins stink in the kitchen.",
      "But still we waste too much."]),
    # must not reorder: two lines quote one unit ("In conclusion" opens the summary), so
    # they keep the map's order
    ("Cities should ban cars.\n\nCar-free centres are good for business. Shop takings "
     "rose.\n\nIn conclusion, cities should ban cars.",
     ["Shop takings rose.", "In conclusion, cities should ban cars.",
      "In conclusion, cities should ban cars."]),
])
def test_explain_lines_come_in_text_order(text: str, quotes: list[str]) -> None:
    m = argmap.analyze(text)
    lines = explain(m, text)
    assert [re.search(r'; in "([^"]*)"', ln).group(1) for ln in lines] == quotes
    assert sorted(lines) == sorted(explain_relation(m, r, text) for r in m.relations)
    # without the source, the same order
    assert [ln.split(";")[0] for ln in explain(m)] == [ln.split(";")[0] for ln in lines]


def test_explain_ties_keep_the_map_order() -> None:
    text = ("Cities should ban cars.\n\nCar-free centres are good for business. Shop "
            "takings rose.\n\nIn conclusion, cities should ban cars.")
    m = argmap.analyze(text)
    lines = explain(m, text)
    tied = [r for r in m.relations if r.marker is not None]
    assert len(tied) == 2
    assert lines[-2:] == [explain_relation(m, r, text) for r in tied]


# A relation whose marker lies in a third unit says where the marker is; one whose marker
# lies in its source or target quotes that unit only.
@pytest.mark.parametrize(("text", "rule", "ending"), [
    ("Fees must fall. Students pay. Some argue fees fund staff. But cuts can.",
     "concession.implicit",
     'in "Some argue fees fund staff." (marker in "But cuts can.")'),
    ("Cities should ban cars.\n\nSome argue that a ban is hard on disabled people. "
     "However, permits can meet their needs.",
     "concession.implicit",
     'in "Some argue that a ban is hard on disabled people." '
     '(marker in "However, permits can meet their needs.")'),
    # the answer carries the marker itself: no note
    ("Fees must fall. Students pay. Some argue fees fund staff. But cuts can.",
     "contrast.opener.answers-concession", 'in "But cuts can."'),
    # the marker in the target ("In conclusion" opens the summary the unit supports)
    ("Cities should ban cars.\n\nCar-free centres are good for business. Shop takings "
     "rose.\n\nIn conclusion, cities should ban cars.",
     "summary.opener", 'in "In conclusion, cities should ban cars."'),
])
def test_explain_says_where_a_marker_of_another_unit_is(text: str, rule: str,
                                                        ending: str) -> None:
    m = argmap.analyze(text)
    line = next(ln for ln in explain(m, text) if f"; rule {rule}; " in ln)
    assert line.endswith(ending)
    assert line.count(" (marker in ") == ending.count(" (marker in ")
    without = next(ln for ln in explain(m) if f"; rule {rule}; " in ln)
    assert without.count(" (marker in ") == ending.count(" (marker in ")


def test_explain_unit_narrows_to_one_unit(seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    thesis = str(m.central_claim)
    lines = explain(m, text, unit=thesis)
    assert len(lines) == sum(thesis in (r.source, r.target) for r in m.relations) > 3
    with pytest.raises(KeyError):
        explain(m, text, unit="u-nope")


def test_cli_explain(tmp_path: Path) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    m = argmap.analyze(TEXT)
    result = CliRunner().invoke(main, ["explain", str(essay)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == explain(m, TEXT)
    unit = m.relations[0].source
    one = CliRunner().invoke(main, ["explain", str(essay), "--unit", unit])
    assert one.stdout.splitlines() == explain(m, TEXT, unit=unit)
    bad = CliRunner().invoke(main, ["explain", str(essay), "--unit", "u-nope"])
    assert bad.exit_code == 2 and "no unit 'u-nope'" in bad.output


# ------------------------------------------------------------------ the rule catalogue


def _used_rule_ids() -> set[str]:
    texts = [TEXT, SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(MICROTEXTS.glob("micro_*.txt"))]
    cases = ROOT.parent / "shared" / "cases" / "segmentation.md"
    if cases.is_file():
        texts += [block for block in cases.read_text(encoding="utf-8").split("\n\n")
                  if len(block) > 40]
    ids: set[str] = set()
    for text in texts:
        try:
            m = argmap.analyze(text)
        except argmap.ArgmapError:
            continue
        ids |= {r.rule for r in m.relations} | {e.rule for e in m.enumerations}
    return ids


def test_every_rule_id_the_maps_carry_is_in_the_catalogue() -> None:
    ids = {r.id for r in catalog()}
    used = _used_rule_ids()
    assert len(used) >= 12
    assert used <= ids, sorted(used - ids)


def _literal_rule_ids(path: Path) -> set[str]:
    """Rule-id-shaped string constants of a module ("default.paragraph", "section.thesis")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                re.fullmatch(r"[a-z_]+\.[a-z_]+(?:-[a-z]+)?", node.value):
            found.add(node.value)
    return found


def test_every_rule_id_written_in_the_rule_modules_is_in_the_catalogue() -> None:
    ids = {r.id for r in catalog()}
    literal = _literal_rule_ids(ROOT / "src" / "argmap" / "structure.py")
    assert {"default.paragraph", "section.thesis", "enumeration.item"} <= literal
    assert literal <= ids, sorted(literal - ids)
    # the suffix structure adds to attacks that answer a concession
    assert "contrast.opener.answers-concession" in ids
    assert "concession.opener.answers-concession" not in ids  # concessions never answer


def test_catalogue_entries_are_described_and_marker_rules_read_the_grammar() -> None:
    entries = {r.id: r for r in catalog()}
    assert all(r.description and "\n" not in r.description for r in entries.values())
    contrast = entries["contrast.opener"]
    assert contrast.source == "grammars/markers.lark"
    assert "attacks what came before" in contrast.description
    assert "Sentence-initial" in contrast.description
    assert entries["reason.subordinate"].description.startswith("reason (support)")
    assert entries["concession.while_concession"].description.startswith("concession (attack)")
    assert "ordinal.opener" not in entries  # ordinals become enumeration.item
    assert entries["default.paragraph"].source == "grammars/relations.lark"


def test_cli_rules_flat_lists_the_catalogue() -> None:
    result = CliRunner().invoke(main, ["rules", "--flat"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == [r.id for r in catalog()]


def test_cli_rules_prints_each_description_once_with_its_ids() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    entries = catalog()
    descriptions = [ln[4:] for ln in lines if ln.startswith("    ")]
    assert sorted(descriptions) == sorted({r.description for r in entries})
    # every id is named once: in a comma list, or by a suffix that only its group has
    heads = " ".join(ln for ln in lines if not ln.startswith("    "))
    suffixes = re.findall(r"\*\.(\S+) \((\d+) rule ids", heads)
    listed = re.sub(r"\*\.\S+ \(\d+ rule ids; --flat lists them\)", "", heads)
    named = [i for i in re.split(r"[,\s]+", listed) if i]
    covered = {r.id for r in entries if any(r.id.endswith(f".{suf}") for suf, _ in suffixes)}
    assert sorted(named) == sorted({r.id for r in entries} - covered)
    assert len(named) == len(set(named))
    assert sum(int(n) for _, n in suffixes) == len(covered)
    assert ("to-thesis", str(sum(r.id.endswith(".to-thesis") for r in entries))) in suffixes
    # must not fire: a rule with a description of its own keeps one id on its line
    assert "contrast.opener" in [ln for ln in lines if not ln.startswith("    ")]
    assert len(lines) < len(entries) / 3


# An undercut's target is a relation: explain names it by its edge and quotes both ends,
# not by the relation id ("r-u-…"), which no reader can look up.
@pytest.mark.parametrize(("text", "tail"), [
    ("Bars lost customers after the ban, so the ban hurt business. But that does not "
     "follow, because customers were already leaving.",
     ': attack (undercut); marker "But" at 61-64; rule contrast.opener.undercut; in "But '
     'that does not follow"; against the inference "Bars lost customers after the ban" '
     '-> "so the ban hurt business."'),
    ("We should ban plastic bags now. Admittedly, some small shops will face higher costs. "
     "But that is no reason to delay a ban.",
     ': attack (undercut); marker "But" at 85-88; rule '
     'contrast.opener.answers-concession.undercut; in "But that is no reason to delay a '
     'ban."; against the inference "Admittedly, some small shops will face higher costs." '
     '-> "We should ban plastic bags now."'),
])
def test_explain_names_an_undercuts_target_by_its_edge(text: str, tail: str) -> None:
    m = argmap.analyze(text)
    (undercut,) = [r for r in m.relations if r.subtype == "undercut"]
    attacked = next(r for r in m.relations if r.id == undercut.target)
    line = explain_relation(m, undercut, text)
    assert line == f"{undercut.source} -> [{attacked.source} -> {attacked.target}]{tail}"
    # must not fire: every other line names its target unit by id, with no inference
    for rel in m.relations:
        if rel is not undercut:
            assert explain_relation(m, rel, text).startswith(
                f"{rel.source} -> {rel.target}: ")
            assert "against the inference" not in explain_relation(m, rel, text)
