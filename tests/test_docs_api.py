"""The API reference page documents exactly the public names, at their defining paths."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "scripts"))

import api_reference

import argmap


def test_every_public_name_has_one_block() -> None:
    page = api_reference.page()
    blocks = [line[4:] for line in page.splitlines() if line.startswith("::: ")]
    assert len(blocks) == len([n for n in argmap.__all__ if not n.startswith("__")])
    assert sorted(b.rsplit(".", 1)[1] for b in blocks) == sorted(api_reference.public_names())


def test_names_are_documented_where_they_are_defined() -> None:
    # argmap.render is also a submodule: the function's own path avoids the clash.
    assert api_reference.canonical("render") == "argmap.render.render"
    assert api_reference.canonical("analyze") == "argmap.pipeline.analyze"
    assert api_reference.canonical("ArgumentMap") == "argmap.model.ArgumentMap"
    assert api_reference.canonical("SCHEMA") == "argmap.model.SCHEMA"


def test_sections_sort_by_kind() -> None:
    page = api_reference.page()
    assert page.index("## Entry points") < page.index("::: argmap.pipeline.analyze") \
        < page.index("## Exceptions") < page.index("::: argmap.exceptions.ArgmapError") \
        < page.index("## Map types") < page.index("::: argmap.model.ArgumentMap") \
        < page.index("## Constants") < page.index("::: argmap.model.SCHEMA")
