"""The ARG-XML reader: gold graphs become argmap's own ArgumentMap."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from argmap.argxml import read_argxml
from argmap.exceptions import InputError
from argmap.model import RelationKind, Role
from argmap.scoring import level_vectors, tree_of

MICROTEXTS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "arg-microtexts" / "en"

# The example graph of the corpus's FORMAT.md (micro_b001), shortened texts: a rebuttal,
# a support of it, an undercut of the rebuttal and a linked premise of the undercut.
B001 = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="waste" stance="pro">
  <edu id="e1"><![CDATA[Yes, it's annoying.]]></edu>
  <edu id="e2"><![CDATA[Bags stink.]]></edu>
  <edu id="e3"><![CDATA[But still we waste]]></edu>
  <edu id="e4"><![CDATA[and resources are lost.]]></edu>
  <edu id="e5"><![CDATA[We should separate!]]></edu>
  <adu id="a1" type="opp"/><adu id="a2" type="opp"/><adu id="a3" type="pro"/>
  <adu id="a4" type="pro"/><adu id="a5" type="pro"/>
  <edge id="c6" src="e1" trg="a1" type="seg"/><edge id="c7" src="e2" trg="a2" type="seg"/>
  <edge id="c8" src="e3" trg="a3" type="seg"/><edge id="c9" src="e4" trg="a4" type="seg"/>
  <edge id="c10" src="e5" trg="a5" type="seg"/>
  <edge id="c1" src="a1" trg="a5" type="reb"/>
  <edge id="c2" src="a2" trg="a1" type="sup"/>
  <edge id="c3" src="a3" trg="c1" type="und"/>
  <edge id="c4" src="a4" trg="c3" type="add"/>
</arggraph>
"""


@pytest.fixture
def b001(tmp_path: Path) -> Path:
    path = tmp_path / "t1.xml"
    path.write_text(B001, encoding="utf-8")
    return path


def test_units_relations_and_central_claim(b001: Path) -> None:
    m = read_argxml(b001)
    text = "Yes, it's annoying. Bags stink. But still we waste and resources are lost. " \
           "We should separate!"
    assert m.metadata["characters"] == len(text)
    assert [(u.id, u.span.slice(text)) for u in m.units] == [
        ("a1", "Yes, it's annoying."), ("a2", "Bags stink."), ("a3", "But still we waste"),
        ("a4", "and resources are lost."), ("a5", "We should separate!")]
    assert m.central_claim == "a5"
    assert m.unit("a5").role is Role.CENTRAL_CLAIM
    assert [(r.id, r.source, r.target, r.kind, r.subtype) for r in m.relations] == [
        ("c1", "a1", "a5", RelationKind.ATTACK, "rebuttal"),
        ("c2", "a2", "a1", RelationKind.SUPPORT, "support"),
        ("c3", "a3", "c1", RelationKind.ATTACK, "undercut"),
        ("c4", "a4", "c3", RelationKind.SUPPORT, "linked")]
    assert m.metadata["adu_types"]["a1"] == "opp"
    assert (m.metadata["stance"], m.metadata["topic_id"]) == ("pro", "waste")


def test_tree_follows_the_reference_evaluator(b001: Path) -> None:
    """FORMAT.md: "2→1 sup, 1→5 att, 3→1 att, 4→3 sup" (1-based)."""
    m = read_argxml(b001)
    tree = tree_of(m, [u.span for u in m.units])
    assert tree.parents == (4, 0, 0, 2, None)
    assert tree.labels == ("att", "sup", "att", "sup", None)
    assert tree.root == 4
    assert level_vectors(tree)["ro"] == ["opp", "opp", "pro", "pro", "pro"]


def test_a_text_file_beside_the_xml_gives_the_offsets(tmp_path: Path) -> None:
    xml = ('<arggraph id="t"><edu id="e1">Swim!</edu><edu id="e2">It is warm.</edu>'
           '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
           '<edge id="c1" src="e1" trg="a1" type="seg"/>'
           '<edge id="c2" src="e2" trg="a2" type="seg"/>'
           '<edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>')
    (tmp_path / "t.xml").write_text(xml, encoding="utf-8")
    (tmp_path / "t.txt").write_text("  Swim!\n\nIt is warm.", encoding="utf-8")
    m = read_argxml(tmp_path / "t.xml")
    assert [(u.span.start, u.span.end) for u in m.units] == [(2, 7), (9, 20)]


def test_joint_and_restatement(tmp_path: Path) -> None:
    """A joint groups adjacent EDUs into one unit; a second seg edge is a restatement."""
    xml = ('<arggraph id="t"><edu id="e1">We must act,</edu><edu id="e2">now.</edu>'
           '<edu id="e3">It is late.</edu><edu id="e4">Act now!</edu><joint id="j1"/>'
           '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
           '<edge id="c1" src="e1" trg="j1" type="seg"/>'
           '<edge id="c2" src="e2" trg="j1" type="seg"/>'
           '<edge id="c3" src="j1" trg="a1" type="seg"/>'
           '<edge id="c4" src="e4" trg="a1" type="seg"/>'
           '<edge id="c5" src="e3" trg="a2" type="seg"/>'
           '<edge id="c6" src="a2" trg="a1" type="sup"/></arggraph>')
    (tmp_path / "t.xml").write_text(xml, encoding="utf-8")
    m = read_argxml(tmp_path / "t.xml")
    assert [(u.id, u.text, u.role) for u in m.units] == [
        ("a1", "We must act, now.", Role.CENTRAL_CLAIM), ("a2", "It is late.", Role.PREMISE),
        ("a1-2", "Act now!", Role.RESTATEMENT)]
    assert ("a1-2", "a1", "restatement") in {(r.source, r.target, r.subtype)
                                             for r in m.relations}


@pytest.mark.parametrize(("content", "message"), [
    pytest.param("<arggraph id='t'><edu id='e1'>A", "not well-formed XML", id="truncated"),
    pytest.param("<graph/>", "not an ARG-XML graph", id="wrong-root"),
    pytest.param("<arggraph id='t'><edu id='e1'>A.</edu><edu id='e2'>B.</edu>"
                 "<adu id='a1' type='pro'/><adu id='a2' type='pro'/>"
                 "<edge id='c1' src='e1' trg='a1' type='seg'/>"
                 "<edge id='c2' src='e2' trg='a2' type='seg'/></arggraph>",
                 "expected one central claim", id="two-roots"),
    pytest.param("<arggraph id='t'><edu id='e1'>A.</edu><adu id='a1' type='pro'/>"
                 "<edge id='c1' src='e1' trg='a1' type='seg'/>"
                 "<edge id='c2' src='a1' trg='a1' type='foo'/></arggraph>",
                 "unknown type 'foo'", id="unknown-edge-type"),
])
def test_malformed_graphs_raise_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_argxml(path)


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_argxml(tmp_path / "absent.xml")


@pytest.mark.corpus
def test_the_whole_microtext_corpus_reads_as_the_format_describes() -> None:
    """Counts from the corpus's FORMAT.md: 112 texts, 576 ADUs (451 pro, 125 opp),
    relations sup/exa/reb/und/add 263/9/108/63/21; the roles derived from each tree
    match the annotated ADU types."""
    if not MICROTEXTS.is_dir():
        pytest.skip("../shared/corpora/arg-microtexts is absent on this machine")
    files = sorted(MICROTEXTS.glob("*.xml"))
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for path in files:
        m = read_argxml(path)
        kinds.update(r.rule.removeprefix("argxml.") for r in m.relations)
        adu_types = m.metadata["adu_types"]
        types.update(adu_types.values())
        roles = level_vectors(tree_of(m, [u.span for u in m.units]))["ro"]
        assert roles == [adu_types[u.id] for u in m.units], path.name
    assert len(files) == 112
    assert types == {"pro": 451, "opp": 125}
    assert kinds == {"sup": 263, "exa": 9, "reb": 108, "und": 63, "add": 21}
