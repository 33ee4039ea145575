"""Fuzz target over ``analyze`` and the renderer (Hypothesis).

Any input -- bytes, Unicode text, prose, Markdown, HTML -- either raises an ``InputError``
(one clear message) or gives a map that keeps every invariant: spans slice back, units do
not overlap, nothing is lost, relations point at units and form no cycle, the JSON round
trip is exact, and the DOT source has exactly one node per unit and one edge per relation,
whatever the labels hold.

CI runs a brief pass. Run longer with, for example::

    ARGMAP_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:cacheprovider

(``ARGMAP_FUZZ_EXAMPLES`` sets Hypothesis's ``max_examples`` per target; failing inputs
are shrunk and printed, and Hypothesis's database replays them on the next run.)
"""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.coverage import lost
from argmap.exceptions import InputError
from argmap.ingest import read_document
from argmap.model import ArgumentMap
from argmap.render import to_digraph
from strategies import arbitrary_text, html_documents, markdown_documents, messy_documents

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Byte patterns that reach the decoder's branches: BOMs, signatures, NULs, 8-bit text.
_BYTE_PIECES = st.sampled_from([
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"\x00",
    b"caf\xe9 ", b"\x93quoted\x94 ", "\u4e2d\u6587\u3002".encode("gb18030"),
    "However, fees rise. ".encode("utf-16-le"), b"Fees must fall. ", b"However, ",
    b"<html><body><p>", b"</p></body></html>", b"# Title\n\n", b"\n\n", b"- item\n",
])
any_bytes = st.one_of(
    st.binary(max_size=300),
    st.lists(_BYTE_PIECES, max_size=20).map(b"".join),
    arbitrary_text().map(lambda t: t.encode("utf-8", "surrogatepass")),
)
any_input = st.one_of(
    st.tuples(arbitrary_text(), st.just("auto")),
    st.tuples(messy_documents(), st.sampled_from(["auto", "text", "markdown"])),
    st.tuples(markdown_documents(), st.just("markdown")),
    st.tuples(html_documents(), st.just("html")),
)


def check(m: ArgumentMap, text: str) -> None:
    ids = {u.id for u in m.units}
    assert len(ids) == len(m.units)
    for before, after in zip(m.units, m.units[1:], strict=False):
        assert before.span.end <= after.span.start
    for u in m.units:
        assert u.span.slice(text) == u.text and u.text.strip() == u.text
    assert lost(m, text) == []
    relation_ids = {r.id for r in m.relations}
    for r in m.relations:
        assert r.source in ids and (r.target in ids or r.target in relation_ids)
    assert _acyclic(m)
    assert m.central_claim is None or m.central_claim in ids
    assert ArgumentMap.from_json(m.to_json()) == m
    dot = to_digraph(m, source=text, legend=False).source
    nodes = {n for n in re.findall(r'^\t+"?(u-[^"\s]+)"? \[', dot, re.MULTILINE)}
    assert nodes == ids
    edges = re.findall(r"^\t+\S.* -> \S.* \[(.*)\]$", dot, re.MULTILINE)
    assert len([e for e in edges if e != "style=invis"]) == len(m.relations)


def _acyclic(m: ArgumentMap) -> bool:
    out: dict[str, list[str]] = {}
    for r in m.relations:
        out.setdefault(r.source, []).append(r.target)
    state: dict[str, int] = {}
    for root in out:
        stack = [(root, iter(out.get(root, ())))]
        if state.get(root):
            continue
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                return False
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(out.get(child, ()))))
    return True


@FUZZ
@given(any_bytes)
def test_fuzz_bytes(data: bytes) -> None:
    try:
        document = read_document(data)
        m = argmap.analyze(document)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check(m, document.text)


@FUZZ
@given(any_input)
def test_fuzz_text(case: tuple[str, str]) -> None:
    text, fmt = case
    try:
        document = read_document(text, format=fmt)
        m = argmap.analyze(document)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check(m, document.text)


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
@settings(max_examples=max(5, EXAMPLES // 4), deadline=None, derandomize=EXAMPLES <= 40,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(messy_documents(), arbitrary_text(max_size=200)))
def test_fuzz_render_svg(text: str) -> None:
    """Graphviz draws one node per unit and one edge per relation: no label breaks out."""
    try:
        m = argmap.analyze(text, format="text")
    except InputError:
        return
    svg = to_digraph(m, source=text, legend=False).pipe(format="svg")
    titles: dict[str, set[str]] = {"node": set(), "edge": set()}
    for g in ET.fromstring(svg).iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        if g.get("class") in titles and title is not None and title.text:
            titles[g.get("class", "")].add(title.text)
    assert titles["node"] == {u.id for u in m.units}
    assert {f"{r.source}->{r.target}" for r in m.relations} <= titles["edge"]


def test_control_characters_render_as_well_formed_svg() -> None:
    """Found by the fuzzer: a C0 control character made Graphviz write invalid XML."""
    text = "Fees rise\x08 fast. However\x01, costs \x7ffall."
    m = argmap.analyze(text)
    dot = to_digraph(m, source=text).source
    assert "\x08" not in dot and "\u2408" in dot and "\u2401" in dot and "\u2421" in dot
    if shutil.which("dot"):
        ET.fromstring(to_digraph(m, source=text).pipe(format="svg"))
