"""Rendering: DOT source (no Graphviz needed), hostile text, and a missing ``dot``."""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.exceptions import RenderError
from argmap.model import ArgumentMap, RelationKind, Role
from argmap.render import render, to_digraph

TEXT = """Fees Must Fall

Fees must fall. First, they deter students. Second, they burden families.

Of course, cutting fees costs money. But the state can pay, because it saves on welfare. \
However, critics disagree.

Taken together, fees must fall.
"""

# ------------------------------------------------------------------ reading DOT

_STMT = re.compile(r'^\s*(?P<a>"(?:[^"\\]|\\.)*"|[\w.-]+)(?:\s*->\s*(?P<b>"(?:[^"\\]|\\.)*"'
                   r"|[\w.-]+))?\s*\[(?P<attrs>.*)\]\s*;?\s*$")
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<(?:[^<>]|<[^<>]*>)*>|[^\s\]]+)')


def _unquote(value: str) -> str:
    return value[1:-1].replace('\\"', '"') if value.startswith('"') else value


_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def label_text(value: str) -> str:
    """The text a DOT escString label shows: ``\\n``/``\\l``/``\\r`` break the line
    (read here as a space), any other backslash pair stands for its second character, and
    -- as Graphviz does in every label -- HTML character entities ("&amp;") are decoded."""
    raw = _ENTITY.sub(lambda m: html.unescape(m.group()), _unquote(value))
    out, i = [], 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw):
            out.append(" " if raw[i + 1] in "nlr" else raw[i + 1])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def statements(dot: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]]]:
    """Nodes (id -> attributes) and edges (source, target, attributes) of DOT source."""
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    for line in dot.splitlines():
        m = _STMT.match(line)
        if m is None or m["a"] in ("graph", "node", "edge"):
            continue
        attrs = {k: v for k, v in _ATTR.findall(m["attrs"])}
        if m["b"] is None:
            nodes[_unquote(m["a"])] = attrs
        else:
            edges.append((_unquote(m["a"]), _unquote(m["b"]), attrs))
    return nodes, edges


def shown(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def fees_map() -> ArgumentMap:
    return argmap.analyze(TEXT)


@pytest.fixture(scope="module")
def fees_dot(fees_map: ArgumentMap) -> str:
    data = render(fees_map, "dot")
    assert isinstance(data, bytes)
    return data.decode("utf-8")


# ------------------------------------------------------------------ DOT without Graphviz


def test_dot_has_the_thesis_node_with_its_own_style(fees_map: ArgumentMap,
                                                    fees_dot: str) -> None:
    nodes, _ = statements(fees_dot)
    thesis = fees_map.unit(str(fees_map.central_claim))
    assert thesis.id in nodes
    assert shown(thesis.text) in label_text(nodes[thesis.id]["label"])
    others = {nodes[u.id].get("fillcolor") for u in fees_map.units if u.id != thesis.id}
    assert nodes[thesis.id].get("fillcolor") not in others


def test_dot_has_a_node_for_every_unit_and_an_edge_for_every_relation(
    fees_map: ArgumentMap, fees_dot: str
) -> None:
    nodes, edges = statements(fees_dot)
    assert {u.id for u in fees_map.units} <= set(nodes)
    visible = {(a, b) for a, b, attrs in edges if attrs.get("style") != "invis"}
    assert {(r.source, r.target) for r in fees_map.relations} <= visible


def test_node_labels_show_the_opening_marker(fees_map: ArgumentMap, fees_dot: str) -> None:
    nodes, _ = statements(fees_dot)
    unit = next(u for u in fees_map.units if u.text == "critics disagree.")
    assert unit.lead == "However, "
    assert label_text(nodes[unit.id]["label"]) == "However, critics disagree."
    plain = next(u for u in fees_map.units if not u.lead)
    assert label_text(nodes[plain.id]["label"]) == plain.text


def test_edge_labels_carry_the_marker_text(fees_map: ArgumentMap, fees_dot: str) -> None:
    _, edges = statements(fees_dot)
    by_pair = {(a, b): attrs for a, b, attrs in edges}
    marked = [r for r in fees_map.relations if r.marker is not None]
    assert {r.marker.text.casefold() for r in marked if r.marker} >= {"however", "because"}
    for rel in marked:
        assert rel.marker is not None
        label = label_text(by_pair[(rel.source, rel.target)]["label"])
        assert shown(rel.marker.text).casefold() in label.casefold()


# A list item's bullet or number is shown once, in its box as on the page, not as the
# edge label ("-" and "1." were drawn on the item edges); word markers stay on the edge.
@pytest.mark.parametrize(("text", "items", "labels"), [
    pytest.param("# Fees\n\nFees do damage in two ways:\n\n- They deter students.\n"
                 "- They burden families.\n", ["- They deter students.",
                                                "- They burden families."], ["", ""],
                 id="markdown-bullets"),
    pytest.param("Fees do damage in two ways:\n\n* They deter students.\n"
                 "* They burden families.\n", ["* They deter students.",
                                                "* They burden families."], ["", ""],
                 id="text-star-bullets"),
    pytest.param("Fees do damage in two ways:\n\n1. They deter students.\n"
                 "2) They burden families.\n", ["1. They deter students.",
                                                 "2) They burden families."], ["", ""],
                 id="numbered"),
    # must not fire: ordinal words, a contrast
    pytest.param("Fees do damage in two ways. First, they deter students. Second, they "
                 "burden families.", ["First, they deter students.",
                                      "Second, they burden families."],
                 ["first", "second"], id="ordinal-words"),
    pytest.param("Fees must fall. However, they fund teaching.",
                 ["However, they fund teaching."], ["however"], id="contrast"),
])
def test_list_bullets_and_numbers_are_no_edge_labels(text: str, items: list[str],
                                                     labels: list[str]) -> None:
    from argmap.export.mermaid import to_mermaid

    m = argmap.analyze(text)
    nodes, edges = statements(to_digraph(m, source=text).source)
    by_source = {a: attrs for a, _, attrs in edges}
    ids = [next(u.id for u in m.units if u.lead + u.text == item) for item in items]
    assert [label_text(nodes[i]["label"]) for i in ids] == items
    assert [label_text(by_source[i].get("label", '""')) for i in ids] == labels
    mermaid = to_mermaid(m, source=text)
    for i, want in zip(ids, labels, strict=True):
        line = next(x for x in mermaid.splitlines() if x.strip().startswith(
            i.replace("-", "_") + " "))
        assert (f'"{want}"' in line) if want else ('"' not in line), line


def test_attack_and_support_edges_differ_in_colour_style_and_arrowhead(
    fees_map: ArgumentMap, fees_dot: str
) -> None:
    _, edges = statements(fees_dot)
    by_pair = {(a, b): attrs for a, b, attrs in edges}

    def looks(kind: RelationKind) -> set[tuple[str, str, str]]:
        return {(by_pair[(r.source, r.target)].get("color", ""),
                 by_pair[(r.source, r.target)].get("style", "solid"),
                 by_pair[(r.source, r.target)].get("arrowhead", "normal"))
                for r in fees_map.relations
                if r.kind is kind and r.subtype not in ("item", "restatement")}

    attack, support = looks(RelationKind.ATTACK), looks(RelationKind.SUPPORT)
    assert attack and support
    for colour, style, head in attack:
        for s_colour, s_style, s_head in support:
            assert colour != s_colour
            assert style != s_style
            assert head != s_head


# ------------------------------------------------------------------ hostile text

HOSTILE = [
    pytest.param('say "no"', id="double-quote"),
    pytest.param("a \\ b", id="backslash"),
    pytest.param("<b>bold</b>", id="html-tag"),
    pytest.param("R&D & more", id="ampersand"),
    # Graphviz decodes HTML entities even in plain labels: "&amp;" would show as "&"
    pytest.param("&amp; &lt;b&gt; &#169;", id="html-entities"),
    pytest.param("x ] y", id="closing-bracket"),
    pytest.param("{ braces }", id="brace"),
    pytest.param("a -> b", id="arrow"),
    pytest.param("left \\l right \\n", id="dot-escape-sequences"),
    pytest.param("\U0001f600 \U0001f1fa\U0001f1f8", id="emoji"),
    pytest.param("\u4e2d\u6587\u6587\u672c", id="cjk"),
    pytest.param("\u05e2\u05d1\u05e8\u05d9\u05ea \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
                 id="rtl"),
    pytest.param("\u202eevil\u202c", id="bidi-override"),
]


def hostile_map(hostile: str) -> tuple[ArgumentMap, str]:
    text = (f"Fees must fall, critics write {hostile} in reply. However, they say "
            f"{hostile} too.")
    m = argmap.analyze(text)
    assert any(hostile in u.text for u in m.units), "the hostile text reached a unit"
    return m, text


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_stays_literal_in_dot_labels(hostile: str) -> None:
    m, _ = hostile_map(hostile)
    nodes, _ = statements(to_digraph(m, wrap=200).source)
    for unit in m.units:
        assert shown(unit.text) in label_text(nodes[unit.id]["label"])


def _svg_node_texts(svg: bytes) -> dict[str, str]:
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "node":
            continue
        title = g.find("s:title", ns)
        texts = [t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}text")]
        if title is not None and title.text:
            out[title.text] = " ".join(texts)
    return out


@pytest.mark.dot
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_renders_literally_with_dot(hostile: str) -> None:
    m, _ = hostile_map(hostile)
    svg = to_digraph(m, wrap=200).pipe(format="svg")
    texts = _svg_node_texts(svg)
    for unit in m.units:
        assert shown(unit.text) in shown(texts[unit.id])


# What a browser shows on hover: an edge's tooltip ("support (item) by rule …"), not its
# DOT name ("u-a->u-b"); no "cluster_…" name; a node keeps its unit id.
@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_svg_titles_say_what_the_tooltips_say(tmp_path: Path) -> None:
    text = "Fees Must Fall\n\nFees must fall.\n\nCosts\n\nFees do damage in two ways. First, " \
           "they deter students. Second, they burden families. However, they fund teaching.\n"
    m = argmap.analyze(text)
    assert [s.heading for s in m.sections if s.heading] == ["Costs"]
    root = ET.fromstring(render(m, "svg", source=text))
    titles: dict[str, list[str]] = {}
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        title = g.find("{http://www.w3.org/2000/svg}title")
        if title is not None and g.get("class") in ("node", "edge", "cluster"):
            titles.setdefault(g.get("class") or "", []).append(title.text or "")
    assert sorted(titles["edge"]) == sorted(
        f"{r.kind.value} ({r.subtype}) by rule {r.rule}" for r in m.relations)
    assert set(titles["node"]) == {u.id for u in m.units} | {"legend"}
    assert "cluster" not in titles


@pytest.mark.parametrize(("svg", "expected"), [
    pytest.param(b'<g id="edge3" class="edge">\n<title>a&#45;&gt;b</title>\n<g id="a_edge3">'
                 b'<a xlink:title="attack (contrast) by rule contrast.opener">',
                 b'<g id="edge3" class="edge">\n<title>attack (contrast) by rule '
                 b'contrast.opener</title>\n<g id="a_edge3"><a xlink:title="attack (contrast) '
                 b'by rule contrast.opener">', id="edge"),
    pytest.param(b'<g id="clust2" class="cluster">\n<title>cluster_costs</title>\n<path/>',
                 b'<g id="clust2" class="cluster">\n<path/>', id="cluster"),
    # must not fire: a node, an edge without a tooltip
    pytest.param(b'<g id="u-a" class="node">\n<title>u&#45;a</title>\n<g id="a_u-a">'
                 b'<a xlink:title="u-a [claim]">', None, id="node"),
    pytest.param(b'<g id="edge1" class="edge">\n<title>a&#45;&gt;b</title>\n<path/>', None,
                 id="edge-without-tooltip"),
])
def test_svg_titles_table(svg: bytes, expected: bytes | None) -> None:
    from argmap.diagram import svg_titles

    assert svg_titles(svg) == (svg if expected is None else expected)


@pytest.mark.dot
def test_rendered_svg_and_png_files(fees_map: ArgumentMap, tmp_path: Path) -> None:
    svg = render(fees_map, tmp_path / "map.svg")
    assert svg == tmp_path / "map.svg"
    root = ET.fromstring(svg.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert set(_svg_node_texts(svg.read_bytes())) >= {u.id for u in fees_map.units}
    png = render(fees_map, tmp_path / "map.png")
    assert isinstance(png, Path)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    pdf = render(fees_map, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")


@pytest.mark.parametrize("target", ["map.gif", "map", "map.txt"])
def test_unknown_format_is_a_render_error(fees_map: ArgumentMap, tmp_path: Path,
                                          target: str) -> None:
    with pytest.raises(RenderError, match="format"):
        render(fees_map, tmp_path / target)
    assert not (tmp_path / target).exists()


# ------------------------------------------------------------------ no Graphviz


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert shutil.which("dot") is None
    return tmp_path


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_missing_dot_is_a_render_error_that_says_how_to_install(
    fees_map: ArgumentMap, no_dot: Path, fmt: str
) -> None:
    out = no_dot / f"map.{fmt}"
    for target in (fmt, out):
        with pytest.raises(RenderError) as info:
            render(fees_map, target)
        message = str(info.value)
        assert "Graphviz" in message
        assert re.search(r"install", message, re.IGNORECASE)
        assert "apt-get install graphviz" in message or "brew install graphviz" in message
    assert not out.exists()


def test_dot_and_json_work_without_graphviz(fees_map: ArgumentMap, no_dot: Path) -> None:
    dot = render(fees_map, "dot")
    assert isinstance(dot, bytes) and dot.startswith(b"digraph")
    data = render(fees_map, "json")
    assert isinstance(data, bytes)
    assert ArgumentMap.from_json(data) == fees_map
    written = render(fees_map, no_dot / "map.dot")
    assert isinstance(written, Path) and written.read_bytes() == render(fees_map, "dot")


def test_roles_of_the_sample_map(fees_map: ArgumentMap) -> None:
    """The sample holds every edge kind the style tests compare."""
    kinds = {(r.kind, r.subtype) for r in fees_map.relations}
    assert (RelationKind.ATTACK, "contrast") in {(k, s) for k, s in kinds}
    assert any(k is RelationKind.SUPPORT and s not in ("item", "restatement")
               for k, s in kinds)
    assert any(u.role is Role.CONCESSION for u in fees_map.units)
