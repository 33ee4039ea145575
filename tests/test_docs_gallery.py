"""The gallery: its catalogue is complete, its texts carry their source, its pages build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "scripts"))

import gallery

ENTRIES = gallery.load_entries()


def test_catalogue_has_the_texts_the_gallery_promises() -> None:
    assert len(ENTRIES) >= 6
    assert sum(e.path == "seeds/000_ce97f1ba0d0e35d1.txt" for e in ENTRIES) == 1
    assert sum(bool(e.corpus and e.corpus.startswith("arg-microtexts/")) for e in ENTRIES) >= 2
    excerpts = [e for e in ENTRIES if e.path and e.path.startswith("docs/gallery/texts/")]
    assert len(excerpts) >= 3
    assert len({e.slug for e in ENTRIES}) == len(ENTRIES)
    for entry in ENTRIES:
        assert entry.reading.strip() and "TODO" not in entry.reading, entry.slug


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.path and "gallery/texts" in e.path],
                         ids=lambda e: e.slug)
def test_excerpts_name_their_source_and_are_not_analysed_with_it(entry: gallery.Entry) -> None:
    text, source = entry.text()
    assert source and "public domain" in source
    assert "SOURCE:" not in text
    assert len(text) > 1000


@pytest.mark.dot
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_entry_builds_a_page_and_a_map(entry: gallery.Entry) -> None:
    if entry.corpus and not entry.available():
        pytest.skip(f"the shared corpus file {entry.source_file()} is absent")
    built = gallery.build(entry)
    assert built.svg.lstrip().startswith(b"<?xml") and b"<svg" in built.svg
    assert f"(maps/{entry.slug}.svg)" in built.markdown
    assert entry.reading.strip()[:40] in built.markdown
    claim = built.m.unit(built.m.central_claim).text
    assert claim.startswith(entry.central_claim)
    table = [line for line in built.markdown.splitlines() if line.startswith("    | ")]
    assert len(table) == 1 + len(built.m.relations)  # the header row, then one per relation


def test_a_changed_central_claim_stops_the_build() -> None:
    seed = next(e for e in ENTRIES if e.slug == "seed")
    stale = gallery.Entry(**{**seed.__dict__, "central_claim": "Something else entirely"})
    with pytest.raises(gallery.GalleryError, match="update the reading"):
        gallery.build(stale)


def test_missing_corpus_texts_are_named_on_the_index(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_SHARED", str(tmp_path))
    micro = [e for e in ENTRIES if e.corpus]
    assert micro and not any(e.available() for e in micro)
    page = gallery.index(ENTRIES, {})
    assert "Texts left out of this build" in page
    assert all(e.title in page for e in micro)
