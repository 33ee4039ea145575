"""In headless Chromium: the interactive HTML page (click a node, its span lights up) and
the Mermaid export drawn by Mermaid itself."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.render import render
from exporters import ROOT, SEED, chromium

pytestmark = pytest.mark.dot

#: Where the screenshot of the last run is kept for a person to look at.
SHOT = Path(tempfile.gettempdir()) / "argmap-html-seed.png"


def test_html_page_is_one_offline_file(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    page = render(argmap.analyze(SEED), "html", source=text).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|@import|https?://(?!www\.w3\.org)",
                         page), "the page must not load anything"
    assert page.count('class="unit"') == len(argmap.analyze(SEED).units)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium()
    if executable is None:
        pytest.skip("chromium is absent (Debian: apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright (PyPI) drives headless Chromium")
    # Playwright starts Chromium with a new temporary profile of its own.
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        yield b
        b.close()


def test_clicking_a_node_highlights_its_span_and_shows_its_rule(browser: Any,
                                                                tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    m = argmap.analyze(SEED)
    path = render(m, tmp_path / "seed.html", source=text)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(Path(path).as_uri())
    attack = next(r for r in m.relations if r.rule == "contrast.opener")
    node = page.locator(f"g.node#{attack.source}")
    node.click()
    span = page.locator(f"#t-{attack.source}")
    assert "hl" in (span.get_attribute("class") or "").split()
    # the highlighted span is exactly the unit's text in the article
    unit = m.unit(attack.source)
    assert span.inner_text() == unit.text
    assert page.locator(".unit.hl").count() == 1
    info = page.locator("#info").inner_text()
    assert attack.rule in info and (attack.marker is not None and attack.marker.text in info)
    # hovering another node moves the highlight
    page.locator(f"g.node#{m.central_claim}").hover()
    assert page.locator(".unit.hl").get_attribute("id") == f"t-{m.central_claim}"
    # clicking a span in the article selects its node
    page.locator(f"#t-{attack.source}").click()
    assert "hl" in (node.get_attribute("class") or "")
    page.screenshot(path=str(SHOT))
    assert SHOT.stat().st_size > 10_000
    assert all(u.startswith("file:") for u in requests), requests


MERMAID_JS = ROOT / ".cache" / "mermaid" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"


def test_mermaid_draws_the_seed_with_every_node_link_and_section(browser: Any) -> None:
    if not MERMAID_JS.is_file():
        pytest.skip("mermaid.js is absent: `npm install --prefix .cache/mermaid "
                    "mermaid@10.9.3` (.ci/run does this)")
    from argmap.export.mermaid import to_mermaid

    text = SEED.read_text(encoding="utf-8")
    m = argmap.analyze(SEED)
    page = browser.new_page()
    page.set_content("<html><body><div id=out></div></body></html>")
    page.add_script_tag(content=MERMAID_JS.read_text(encoding="utf-8"))
    drawn = page.evaluate("""async (code) => {
      mermaid.initialize({startOnLoad: false, maxTextSize: 1000000});
      try { await mermaid.parse(code); } catch (e) { return {error: String(e)}; }
      const {svg} = await mermaid.render('map', code);
      document.getElementById('out').innerHTML = svg;
      const q = (s) => document.querySelectorAll('#out ' + s).length;
      return {nodes: q('g.node'), links: q('path.flowchart-link'), clusters: q('g.cluster')};
    }""", to_mermaid(m, source=text))
    assert drawn == {"nodes": len(m.units), "links": len(m.relations),
                     "clusters": sum(1 for s in m.sections if s.heading)}
