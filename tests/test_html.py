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


def _article_pane(page: str) -> str:
    """The article column of a page, as HTML."""
    found = re.search(r'<div id="article">(.*?)</div></div>\n<script', page, re.DOTALL)
    assert found is not None
    return found.group(1)


# The article column shows the title once, as its heading, where the text has it (after
# the lines above it); the rest of the text is all there.
@pytest.mark.parametrize(("source", "fmt", "title", "before"), [
    pytest.param("# Why Fees Must Fall\n\nFees must fall. However, costs rise.\n",
                 "markdown", "Why Fees Must Fall", "", id="markdown-atx"),
    pytest.param("Why Fees Must Fall\n==================\n\nFees must fall. However, costs "
                 "rise.\n", "markdown", "Why Fees Must Fall", "", id="markdown-setext"),
    pytest.param("Why Fees Must Fall\r\n\r\nFees must fall. However, costs rise.\r\n",
                 "text", "Why Fees Must Fall", "", id="text-crlf"),
    pytest.param("Home | News | Login\nWhy Fees Must Fall\nFees must fall. However, costs "
                 "rise.\n", "text", "Why Fees Must Fall", "Home | News | Login", id="text-menu"),
    pytest.param("<html><head><title>Why Fees Must Fall</title></head><body><article><h1>Why "
                 "Fees Must Fall</h1><p>Fees must fall. However, costs rise every year for "
                 "all.</p></article></body></html>", "html", "Why Fees Must Fall", "",
                 id="html"),
])
def test_the_article_shows_the_title_once(source: str, fmt: str, title: str,
                                          before: str) -> None:
    doc = argmap.read_document(source, format=fmt)
    m = argmap.analyze(doc)
    assert m.title == title
    pane = _article_pane(render(m, "html", source=doc.text).decode("utf-8"))
    assert pane.count(title) == 1
    assert f"<h1>{title}</h1>" in pane
    shown = re.sub(r"<[^>]+>", "", pane)
    assert shown[: shown.index(title)].strip() == before
    for unit in m.units:
        assert f">{unit.text}</span>" in pane


@pytest.mark.parametrize("source", [
    pytest.param("Fees must fall. However, costs rise.", id="no-title"),
    pytest.param(None, id="no-source"),
])
def test_without_the_title_in_the_text_the_heading_comes_first(source: str | None) -> None:
    m = argmap.analyze("# Why Fees Must Fall\n\nFees must fall. However, costs rise.\n")
    if source is None:
        pane = _article_pane(render(m, "html").decode("utf-8"))
        assert pane.startswith("<h1>Why Fees Must Fall</h1>") and pane.count("Why Fees") == 1
    else:
        plain = argmap.analyze(source)
        pane = _article_pane(render(plain, "html", source=source).decode("utf-8"))
        assert pane.startswith("<h1>Argument map</h1>")


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
    # the article column shows the title once, as its heading
    pane = page.locator("#article").inner_text()
    assert pane.count(m.title or "") == 1
    assert page.locator("#article h1").inner_text() == m.title
    page.screenshot(path=str(SHOT))
    assert SHOT.stat().st_size > 10_000
    assert all(u.startswith("file:") for u in requests), requests


def _inside(page: Any, title: str) -> bool:
    """Whether the node with this SVG title lies wholly inside the visible map pane."""
    return bool(page.evaluate(
        """t => {const m = document.getElementById('map').getBoundingClientRect();
                 const g = [...document.querySelectorAll('g.node')].find(
                     g => g.querySelector('title').textContent === t);
                 const r = g.getBoundingClientRect();
                 return r.left >= m.left && r.right <= m.right && r.top >= m.top
                        && r.bottom <= m.bottom;}""", title))


# The map fits its pane, legend and thesis in view, at the 1600-pixel width where the
# legend was cut off; "Actual size" shows it unscaled, to scroll. A small map is not
# enlarged.
@pytest.mark.parametrize(("source", "wide"), [
    pytest.param(SEED, True, id="seed"),
    pytest.param(ROOT / "tests" / "data" / "article.html", True, id="article-html"),
    pytest.param(None, False, id="small"),
])
def test_the_map_fits_its_pane_with_its_legend(browser: Any, tmp_path: Path,
                                               source: Path | None, wide: bool) -> None:
    text = source.read_text(encoding="utf-8") if source else "Fees must fall. However, " \
        "they fund teaching."
    m = argmap.analyze(source if source else text)
    doc = argmap.ingest.read_document(source) if source else None
    path = render(m, tmp_path / "map.html", source=doc.text if doc else text)
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.goto(Path(path).as_uri())
    natural = float(page.evaluate("() => document.querySelector('#map svg')"
                                  ".width.baseVal.value"))  # its width attribute, in px
    shown = page.locator("#map svg").bounding_box()["width"]
    pane = page.evaluate("() => document.getElementById('map').clientWidth")
    assert _inside(page, "legend") and _inside(page, m.central_claim or "")
    assert shown <= pane + 1
    assert (shown < natural - 1) is wide
    page.locator("#zoom").click()
    assert page.locator("#zoom").inner_text() == "Fit to pane"
    assert page.locator("#map svg").bounding_box()["width"] == pytest.approx(natural, abs=1)
    page.close()


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
