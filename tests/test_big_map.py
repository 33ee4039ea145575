"""A map of 2,000 units from the essay corpus: DOT and a focused SVG always; the full SVG
with ``ARGMAP_BIG=1`` (about 5–9 s of Graphviz; see README, "Big maps")."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.render import render
from argmap.view import select
from exporters import ROOT

CORPUS = ROOT.parent / "shared" / "corpora" / "gutenberg-essays" / "corpus.txt"

pytestmark = pytest.mark.corpus

#: Words of one unit about halfway through the big map (Russell, "The Problems of
#: Philosophy", ch. X, on knowledge of universals): an ordinary unit of running argument.
FOCUS = "does not require any knowledge of instances of the universals"


@pytest.fixture(scope="module")
def big() -> tuple[ArgumentMap, str]:
    if not CORPUS.is_file():
        pytest.skip(f"the Gutenberg essay corpus is not at {CORPUS}")
    text = CORPUS.read_text(encoding="utf-8")
    cut = text.rfind("\n\n", 0, 330_000)  # about 2,400 units of Russell and Chesterton
    text = text[:cut]
    return argmap.analyze(text), text


def test_the_big_map_has_2000_units_and_every_one_is_a_node(big: tuple[ArgumentMap, str]
                                                            ) -> None:
    m, text = big
    assert len(m.units) >= 2000
    dot = render(m, "dot", source=text)
    assert isinstance(dot, bytes)
    names = set(re.findall(r'^\s*"?(u-[\w-]+)"? \[label', dot.decode("utf-8"), re.M))
    assert names == {u.id for u in m.units}


@pytest.mark.dot
def test_focus_renders_a_readable_part_of_the_big_map(big: tuple[ArgumentMap, str]) -> None:
    m, text = big
    # a unit in the middle of the text, found by its words: "the middle unit" moves
    # whenever ingest keeps or drops a line (a title, a byline) anywhere before it
    [unit] = [u.id for u in m.units if FOCUS in text[u.span.start:u.span.end]]
    view = select(m, focus=unit, depth=3)
    assert 1 < len(view.units) < 60
    svg = render(m, "svg", source=text, focus=unit, depth=3)
    assert isinstance(svg, bytes)
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert len(nodes) == len(view.units) + 1  # and the legend
    width = float(root.get("width", "0pt").removesuffix("pt"))
    assert width < 3000  # points: fits a screen or two, unlike the whole map


@pytest.mark.dot
@pytest.mark.skipif(os.environ.get("ARGMAP_BIG") != "1",
                    reason="the full 2,000-unit SVG takes 5-9 s of Graphviz: set ARGMAP_BIG=1")
def test_the_whole_big_map_renders_to_svg(big: tuple[ArgumentMap, str]) -> None:
    m, text = big
    svg = render(m, "svg", source=text)
    assert isinstance(svg, bytes)
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert len(nodes) == len(m.units) + 1
