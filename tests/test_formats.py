"""HTML and Markdown input: blocks, sections, lists and boilerplate, with exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.exceptions import EmptyInputError
from argmap.html import extract_html, looks_like_html
from argmap.ingest import read_document
from argmap.markdown import looks_like_markdown, markdown_blocks
from argmap.model import RelationKind

DATA = Path(__file__).parent / "data"


def texts(m: argmap.ArgumentMap, ids: tuple[str, ...]) -> list[str]:
    return [m.unit(i).text for i in ids]


# ------------------------------------------------------------------ HTML


def test_html_article_keeps_main_text_and_headings() -> None:
    doc = read_document(DATA / "article.html")
    assert (doc.format, doc.text_source) == ("html", "extracted")
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("title", "Tuition Fees Must Fall"),
        ("paragraph", "Tuition fees must fall, because they keep capable students out of "
                      "university. Every year the fees rise, and every year fewer students "
                      "from poor families apply."),
        ("heading", "The costs of fees"),
        ("paragraph", "Fees do damage in three ways:"),
        ("paragraph", "- They deter students from applying."),
        ("paragraph", "- They leave graduates with debt."),
        ("paragraph", "- They push students towards the safest subjects."),
        ("paragraph", "Of course, cutting fees costs money. However, the state can pay for "
                      "it, since graduates pay more tax over their lives."),
        ("paragraph", "The figures come from the national admissions office and cover the "
                      "last ten years of applications."),
        ("heading", "What we propose"),
        ("paragraph", "Therefore, fees should be cut by half within five years."),
    ]
    # an <h4> is kept in the text but out of the map, with its span
    assert [(b.kind, b.text) for b in doc.boilerplate] == [
        ("minor-heading", "A note on the figures")]
    for block in doc.blocks:
        assert block.span.slice(doc.text) == block.text


@pytest.mark.parametrize("furniture", [
    "Home", "Log in", "Subscribe", "3 March 2026", "Why rents rise", "Great piece",
    "First!", "All rights reserved", "Privacy policy", "dataLayer", "The Campus Review",
])
def test_html_boilerplate_is_not_in_the_extracted_text(furniture: str) -> None:
    assert furniture not in read_document(DATA / "article.html").text


def test_html_map_records_extracted_offsets() -> None:
    doc = read_document(DATA / "article.html")
    m = argmap.analyze(doc)
    assert m.metadata["format"] == "html"
    assert m.metadata["text_source"] == "extracted"
    assert m.metadata["characters"] == len(doc.text)
    assert m.metadata["encoding"] == "utf-8"
    assert m.title == "Tuition Fees Must Fall"
    assert [s.heading for s in m.sections] == [None, "The costs of fees", "What we propose"]
    for u in m.units:
        assert u.span.slice(doc.text) == u.text
    (enum,) = m.enumerations
    assert m.unit(enum.announcement).text == "Fees do damage in three ways"
    assert texts(m, enum.items) == ["They deter students from applying.",
                                    "They leave graduates with debt.",
                                    "They push students towards the safest subjects."]
    assert m.unit(m.central_claim).text == "Tuition fees must fall"


def test_html_list_items_are_one_line_each() -> None:
    text, blocks = extract_html(
        "<html><body><article><h1>Fees</h1><p>Fees rise every year and they deter poor "
        "students from applying to university.</p><p>We propose:</p><ol><li>Cut fees</li>"
        "<li>Expand aid</li></ol></article></body></html>")
    assert text.endswith("We propose:\n\n1. Cut fees\n2. Expand aid\n")
    assert [span.slice(text) for _, span in blocks][-2:] == ["1. Cut fees", "2. Expand aid"]


def test_html_without_h1_takes_the_metadata_title() -> None:
    text, blocks = extract_html(
        "<html><head><title>Why Fees Fail</title></head><body><article><p>Fees rise "
        "every year, and they deter poor students from applying.</p></article></body>"
        "</html>")
    kind, span = blocks[0]
    assert (kind, span.slice(text)) == ("title", "Why Fees Fail")


def test_html_of_only_boilerplate_is_an_empty_input_error() -> None:
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav>"
            "<footer>© 2026 Site. All rights reserved.</footer></body></html>")
    with pytest.raises(EmptyInputError, match="has no main text"):
        read_document(page.encode("utf-8"))


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("<!DOCTYPE html><html><body><p>Hi</p></body></html>", True, id="doctype"),
    pytest.param("  <html lang='en'><p>Hi</p>", True, id="html-tag"),
    pytest.param("<!-- saved page --><html><body>x</body></html>", True, id="comment-first"),
    pytest.param("<div><p>A</p><p>B</p><p>C</p><br></div>", True, id="fragment"),
    pytest.param("Costs rose <b>sharply</b>. However, wages fell.", False, id="prose-tag"),
    pytest.param("If a < b and b > c then a < c.", False, id="angle-brackets"),
    pytest.param("Fees must fall. However, costs rise.", False, id="plain"),
])
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


# ------------------------------------------------------------------ Markdown


def test_markdown_blocks_and_boilerplate() -> None:
    source = (DATA / "draft.md").read_text(encoding="utf-8")
    doc = read_document(DATA / "draft.md")
    assert (doc.format, doc.text_source, doc.text) == ("markdown", "original", source)
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("title", "Tuition Fees Must Fall"),
        ("paragraph", "Tuition fees must fall, because they keep *capable* students out of "
                      "university. Every\nyear the fees rise, and every year **fewer "
                      "students from poor families** apply."),
        ("heading", "The costs of fees"),
        ("paragraph", "Fees do damage in several ways:"),
        ("paragraph", "- They deter students from applying."),
        ("paragraph", "- They leave graduates with debt."),
        ("paragraph", "- They push students towards the *safest* subjects."),
        ("paragraph", "Of course, cutting fees costs money. However, the state can pay for "
                      "it, since\n> graduates pay more tax over their lives."),
        ("heading", "What we propose"),
        ("paragraph", "Therefore, fees should be cut by half within five years."),
    ]
    assert [b.kind for b in doc.boilerplate] == ["front-matter", "code", "table"]
    assert doc.boilerplate[1].text == "```python\nfees = [9250, 9250, 9535]\n```"
    for b in (*doc.blocks, *doc.boilerplate):
        assert b.span.slice(source) == b.text


def test_markdown_map() -> None:
    m = argmap.analyze(DATA / "draft.md")
    assert (m.metadata["format"], m.metadata["text_source"]) == ("markdown", "original")
    assert m.title == "Tuition Fees Must Fall"
    assert [s.heading for s in m.sections] == [None, "The costs of fees", "What we propose"]
    (enum,) = m.enumerations
    assert (m.unit(enum.announcement).text, enum.cardinal, enum.rule) == (
        "Fees do damage in several ways", 0, "enumeration.lead_in")
    assert texts(m, enum.items) == ["They deter students from applying.",
                                    "They leave graduates with debt.",
                                    "They push students towards the *safest* subjects."]
    # emphasis does not break sentences, and a quoted line's ">" is not in the unit
    assert "Every\nyear the fees rise, and every year **fewer students from poor families** " \
        "apply." in [u.text for u in m.units]
    assert "graduates pay more tax over their lives." in [u.text for u in m.units]


@pytest.mark.parametrize(("source", "expected"), [
    pytest.param("# Fees\n\nFees rise.\n", [("title", "Fees"), ("paragraph", "Fees rise.")],
                 id="atx-title"),
    pytest.param("Fees\n====\n\nFees rise.\n\nCosts\n-----\n\nCosts fall.\n",
                 [("title", "Fees"), ("paragraph", "Fees rise."), ("heading", "Costs"),
                  ("paragraph", "Costs fall.")], id="setext"),
    pytest.param("Intro text.\n\n# Late heading\n\nMore.\n",
                 [("paragraph", "Intro text."), ("heading", "Late heading"),
                  ("paragraph", "More.")], id="h1-after-prose-is-a-section"),
    pytest.param("## Costs ##\n\nCosts fall.\n",
                 [("heading", "Costs"), ("paragraph", "Costs fall.")], id="closing-hashes"),
    pytest.param("We propose:\n1. Cut fees\n2) Expand aid\n",
                 [("paragraph", "We propose:"), ("paragraph", "1. Cut fees"),
                  ("paragraph", "2) Expand aid")], id="list-interrupts-paragraph"),
    pytest.param("- Cut fees\n  - Expand aid\n", [("paragraph", "- Cut fees"),
                                                   ("paragraph", "- Expand aid")],
                 id="nested-list"),
    pytest.param("> Fees rise.\n", [("paragraph", "Fees rise.")], id="block-quote"),
    pytest.param("    code line\n\nFees rise.\n", [("paragraph", "Fees rise.")],
                 id="indented-code"),
    pytest.param("<div>raw</div>\n\nFees rise.\n", [("paragraph", "Fees rise.")],
                 id="html-block"),
])
def test_markdown_block_table(source: str, expected: list[tuple[str, str]]) -> None:
    blocks, _ = markdown_blocks(source)
    assert [(kind, span.slice(source)) for kind, span in blocks] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("# Fees\n\nFees **must** fall.\n", True, id="heading-and-bold"),
    pytest.param("Fees:\n\n- cut\n- aid\n", False, id="bullets-are-plain-text-too"),
    pytest.param("Why the Levy Fails\nWe propose:\n1. Cut fees\n2. Expand aid\n", False,
                 id="numbered-lines"),
    pytest.param("## Costs\n\nFees **rise**.\n", True, id="heading-and-bold-marker"),
    pytest.param("```\ncode\n```\n", True, id="fence"),
    pytest.param("See [the report](http://x.org) and **this**.", True, id="link-bold"),
    pytest.param("Fees must fall. However, costs rise.", False, id="prose"),
    pytest.param("Fees must fall - however, costs rise.", False, id="dash-in-prose"),
    pytest.param("# Fees only one sign\n\nFees rise.", False, id="one-sign"),
])
def test_looks_like_markdown(text: str, expected: bool) -> None:
    assert looks_like_markdown(text) is expected


@pytest.mark.parametrize(("name", "fmt"), [
    ("page.html", "html"), ("page.HTM", "html"), ("notes.md", "markdown"),
    ("notes.markdown", "markdown"), ("notes.txt", "text"),
    ("notes", "markdown"),  # no extension: the heading and bold make it Markdown
])
def test_the_extension_picks_the_format(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text("# Fees\n\nFees must fall. **However**, costs rise.\n\n- cut\n- aid\n",
                    encoding="utf-8")
    if fmt == "html":
        path.write_text("<html><body><article><p>Fees must fall, and they deter poor "
                        "students from applying.</p></article></body></html>", "utf-8")
    assert read_document(path).format == fmt


def test_format_can_be_forced() -> None:
    text = "# Fees\n\n- Fees must fall.\n- Costs rise.\n"
    assert read_document(text, format="text").format == "text"
    assert read_document(text, format="markdown").format == "markdown"


def test_markdown_list_with_lead_in_is_an_enumeration_and_without_is_not() -> None:
    m = argmap.analyze("Fees must fall. We propose these changes:\n\n- Cut fees.\n"
                       "- Expand aid.\n", format="markdown")
    (enum,) = m.enumerations
    assert m.unit(enum.announcement).text == "We propose these changes"
    m = argmap.analyze("Fees must fall. We propose changes.\n\n- Cut fees.\n- Expand aid.\n",
                       format="markdown")
    (enum,) = m.enumerations
    assert (enum.announcement, enum.rule) == (None, "enumeration.implicit")
    for item in enum.items:
        (rel,) = [r for r in m.relations if r.source == item]
        assert (rel.kind, m.unit(rel.target).text) == (RelationKind.SUPPORT,
                                                       "Fees must fall.")


@pytest.mark.parametrize(("source", "blocks", "meta"), [
    pytest.param("# Fees\n\n*by A. Writer, 2026*\n\nFees rise every year.\n",
                 ["Fees", "Fees rise every year."], ["*by A. Writer, 2026*"], id="byline"),
    pytest.param("# Fees\n\nMarch 2026 · 5 min read\n\nFees rise.\n", ["Fees", "Fees rise."],
                 ["March 2026 · 5 min read"], id="dateline"),
    pytest.param("# Fees\n\nFees rise.\n\nA short line without a stop\n",
                 ["Fees", "Fees rise.", "A short line without a stop"], [],
                 id="after-prose-stays"),
    pytest.param("# Fees\n\nWe propose:\n\n- Cut fees\n", ["Fees", "We propose:", "- Cut fees"],
                 [], id="lead-in-is-prose"),
    pytest.param("# Fees\n\nFees must fall\n", ["Fees", "Fees must fall"], [],
                 id="the-only-paragraph-stays"),
])
def test_markdown_bylines_above_the_first_prose_are_meta(source: str, blocks: list[str],
                                                         meta: list[str]) -> None:
    found, boilerplate = markdown_blocks(source)
    assert [span.slice(source) for _, span in found] == blocks
    assert [(b.kind, b.text) for b in boilerplate] == [("meta", m) for m in meta]


# A question title, plain or after '#', is the map's title in every format and on
# standard input (sniffed as text: one '#' line is not enough Markdown); it was a claim
# supporting the thesis, or a unit with a literal '#' (fresh-user report, (a)11, (c)4).
QUESTION_BODY = "Schools should ban smartphones. First, phones distract students.\n"


@pytest.mark.parametrize(("source", "fmt"), [
    pytest.param(("essay.txt", "Should Schools Ban Phones?\n\n"), "text", id="txt"),
    pytest.param(("q.txt", "# Should Schools Ban Phones?\n\n"), "text", id="hash-txt"),
    pytest.param(("q.md", "# Should Schools Ban Phones?\n\n"), "markdown", id="md"),
    pytest.param((None, "# Should Schools Ban Phones?\n\n"), "text", id="hash-stdin"),
    pytest.param((None, "Should Schools Ban Phones?\n\n"), "text", id="stdin"),
])
def test_a_question_title_is_the_title_not_a_claim(tmp_path: Path, source: tuple[str | None,
                                                   str], fmt: str) -> None:
    name, head = source
    data = (head + QUESTION_BODY).encode("utf-8")
    if name is None:
        m = argmap.analyze(read_document(data))
    else:
        (tmp_path / name).write_bytes(data)
        m = argmap.analyze(tmp_path / name)
    assert (m.metadata["format"], m.title) == (fmt, "Should Schools Ban Phones?")
    assert [u.text for u in m.units] == ["Schools should ban smartphones.",
                                         "phones distract students."]
    assert m.unit(m.central_claim).text == "Schools should ban smartphones."


# A run-in label that opens a Markdown paragraph ("**Summary.** The government should
# …") is boilerplate of kind run-in-heading, and the sentence after it the paragraph's
# first unit; it was a claim "Summary." supporting the thesis (fresh-user report, (a)12).
LABEL_BODY = "The government should cap fees."


@pytest.mark.parametrize(("head", "label"), [
    pytest.param("**Summary.** ", "**Summary.**", id="bold-stop-inside"),
    pytest.param("**Summary**. ", "**Summary**.", id="bold-stop-after"),
    pytest.param("__Recommendation:__ ", "__Recommendation:__", id="underscores-colon"),
    pytest.param("*Background.* ", "*Background.*", id="italic"),
    pytest.param("**Key Findings.** ", "**Key Findings.**", id="headline-style"),
    pytest.param("**Key findings:** ", "**Key findings:**", id="colon-sentence-case"),
    pytest.param("> **Summary.** ", "**Summary.**", id="in-a-block-quote"),
    # must not fire: a bold sentence, a bold sentence in sentence case, no stop, a
    # question, a lower-case run, too many words, not at the paragraph's start
    pytest.param("**Fees must fall.** ", None, id="bold-sentence"),
    pytest.param("**Act now.** ", None, id="bold-two-word-sentence"),
    pytest.param("**Summary** ", None, id="no-stop"),
    pytest.param("**Why now?** ", None, id="question"),
    pytest.param("**summary:** ", None, id="lower-case"),
    pytest.param("**The Six Things We Propose Today:** ", None, id="six-words"),
    pytest.param("In **Summary.** ", None, id="not-at-the-start"),
])
def test_a_run_in_label_is_furniture_of_its_paragraph(head: str, label: str | None) -> None:
    source = f"# Fees\n\n{head}{LABEL_BODY}\n"
    doc = read_document(source, format="markdown")
    found = [(b.kind, b.text) for b in doc.boilerplate]
    m = argmap.analyze(doc)
    if label is None:
        assert found == []
        assert head.split()[0].strip("*_:.") in m.units[0].text  # the head is text
        assert m.units[-1].text.endswith(LABEL_BODY)
    else:
        assert found == [("run-in-heading", label)]
        assert [u.text for u in m.units] == [LABEL_BODY]
        assert m.unit(m.central_claim).text == LABEL_BODY


# A list item that opens with a run-in label ("- **Option A:** extend meals.") is one unit
# after its label, which is boilerplate of kind run-in-heading as a paragraph's is; the
# item keeps its bullet as its list marker, and the closing "*" of the label is no bullet
# (fresh-user report #2, (a)8: two units "**Option A" and "extend meals.", marker "*").
@pytest.mark.parametrize(("item", "label", "unit"), [
    pytest.param("- **Option A:** extend free meals.", "**Option A:**", "extend free meals.",
                 id="bold-colon"),
    pytest.param("* *Option B.* Raise the threshold.", "*Option B.*", "Raise the threshold.",
                 id="star-bullet-italic-stop"),
    pytest.param("1. __Plan C:__ keep the scheme.", "__Plan C:__", "keep the scheme.",
                 id="numbered-underscores"),
    # must not fire: a bold sentence, no stop, a label not at the item's start
    pytest.param("- **Fees must fall.** They deter students.", None,
                 "**Fees must fall.**|They deter students.", id="bold-sentence"),
    pytest.param("- **Option A** extends meals.", None, "**Option A** extends meals.",
                 id="no-stop"),
    pytest.param("- We prefer **Option A:** it is cheap.", None,
                 "We prefer **Option A:** it is cheap.", id="not-at-the-start"),
])
def test_a_list_items_run_in_label_is_furniture(item: str, label: str | None,
                                                unit: str) -> None:
    source = f"# Meals\n\nPupils go hungry.\n\n{item}\n- Other items stay.\n"
    doc = read_document(source, format="markdown")
    found = [(b.kind, b.text) for b in doc.boilerplate]
    m = argmap.analyze(doc)
    assert found == ([("run-in-heading", label)] if label else [])
    assert [u.text for u in m.units] == ["Pupils go hungry.", *unit.split("|"),
                                         "Other items stay."]
    assert [mk.text for mk in m.units[1].markers] == [item.split()[0]]  # the bullet


# A contributor note that ends a Markdown text, in italics or not, is boilerplate of kind
# contributor as in plain text (fresh user #2: it supported the thesis).
@pytest.mark.parametrize(("tail", "note"), [
    pytest.param("*Dr Amir Shah is a paediatrician in Leeds and the author of a book.*",
                 True, id="italic-note"),
    pytest.param("_Jane Hollis is a professor of planning at Riverside University._", True,
                 id="underscore-italic-note"),
    pytest.param("\u2014 Amir Shah, paediatrician, Leeds", True, id="dash-signature"),
    # must not: a prose last paragraph, an italic sentence of the argument
    pytest.param("*Fees must fall in Leeds.*", False, id="italic-prose"),
    pytest.param("Our mayor is a former teacher in Leeds.", False, id="our-mayor"),
])
def test_a_markdown_contributor_note_is_furniture(tail: str, note: bool) -> None:
    source = f"# Fees\n\nFees deter students. They must fall.\n\n{tail}\n"
    doc = read_document(source, format="markdown")
    kinds = [(b.kind, b.text) for b in doc.boilerplate]
    assert kinds == ([("contributor", tail)] if note else [])
    assert any(tail in b.text for b in doc.blocks) is not note


# README: for HTML, what trafilatura drops is not in the extracted text and is not
# recorded; the map's boilerplate lists only the kept <h4>-<h6> (minor-heading).
@pytest.mark.parametrize(("markup", "kinds"), [
    pytest.param("<html><body><nav><a href='/'>Home</a> <a href='/l'>Log in</a></nav>"
                 "<div id='cookie'>We use cookies. <button>Accept all</button></div>"
                 "<article><h1>Why Fees Fail</h1><p>Fees must fall, because they deter "
                 "poor students from applying to university.</p><h4>A note</h4><p>Aid is "
                 "scarce, and grants have not kept pace with fees for a decade.</p>"
                 "</article><footer>© 2024 The Campus Review</footer></body></html>",
                 ["minor-heading"], id="nav-cookie-footer-dropped-h4-kept"),
    pytest.param("<html><body><article><h1>Why Fees Fail</h1><p>Fees must fall, because "
                 "they deter poor students from applying to university.</p></article>"
                 "</body></html>", [], id="nothing-dropped-recorded"),
])
def test_html_boilerplate_records_only_minor_headings(markup: str, kinds: list[str]) -> None:
    doc = read_document(markup.encode("utf-8"))
    m = argmap.analyze(doc)
    assert [b.kind for b in m.boilerplate] == kinds
    for dropped in ("Home", "cookies", "Campus Review"):
        assert dropped not in doc.text
