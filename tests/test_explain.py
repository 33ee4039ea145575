"""``argmap explain`` (why each relation exists) and ``argmap rules`` (the rule catalogue)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.explain import explain
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
    assert len(lines) == len(m.relations)
    for line, rel in zip(lines, m.relations, strict=True):
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


def test_cli_rules_lists_the_catalogue() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == [r.id for r in catalog()]
