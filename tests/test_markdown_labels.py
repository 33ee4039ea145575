"""Labels of maps read from Markdown show the text as a reader of the page sees it."""

from __future__ import annotations

import json
import re

import pytest

import argmap
from argmap.diagram import to_digraph, unit_labels
from argmap.export.html import to_html
from argmap.export.mermaid import to_mermaid
from argmap.markdown import inline_text, inline_texts, reference_env

INLINE = [
    # (Markdown inline source, what the label shows)
    ("Tuition fees should be **abolished**.", "Tuition fees should be abolished."),
    ("They *deter* poor students.", "They deter poor students."),
    ("Fees are __high__ and _rising_.", "Fees are high and rising."),
    ("***Both*** at once.", "Both at once."),
    ("See [the report](https://example.org/a/long/path).", "See the report."),
    ("See [the *report*](https://example.org).", "See the report."),
    ("A chart: ![fees by year](chart.png).", "A chart: fees by year."),
    ("Call `free_tuition()` twice.", "Call free_tuition() twice."),
    ("Fees &amp; rents rose.", "Fees & rents rose."),
    ("Fees <em>rose</em> again.", "Fees rose again."),
    ("Fees<br>rose, <BR/>again.", "Fees rose,  again."),
    ("Fees rose\nagain.", "Fees rose again."),
    # not markup, as CommonMark reads it: the characters stay
    ("Fees rose 3 * 4 times.", "Fees rose 3 * 4 times."),
    ("The snake_case_name stays.", "The snake_case_name stays."),
    ("A footnote word* stays.", "A footnote word* stays."),
    ("A trailing_ underscore stays.", "A trailing_ underscore stays."),
    ("See https://example.org/a_b_ for data.", "See https://example.org/a_b_ for data."),
    ("See <https://a.org/x_y_> now.", "See https://a.org/x_y_ now."),
    (r"An escaped \*star\* stays.", "An escaped *star* stays."),
    ("An &#42;entity&#42; stays.", "An *entity* stays."),
    (r"An escaped \\*backslash* is one.", "An escaped \\backslash is one."),
    ("Code keeps `a*b*c` and `a\\*b`.", "Code keeps a*b*c and a\\*b."),
    ("A reference [link][1] stays without its definition.",
     "A reference [link][1] stays without its definition."),
    ("Plain text needs no parse.", "Plain text needs no parse."),
    ("", ""),
]


@pytest.mark.parametrize(("source", "expected"), INLINE)
def test_inline_text(source: str, expected: str) -> None:
    assert inline_text(source) == expected


PARAGRAPHS = [
    # (the labels of one paragraph's units, the text between them, what they show)
    (["**Fees are high", "but costs** rise."], [", "], ["Fees are high", "but costs rise."]),
    (["**Fees must fall.", "They deter students.**", "But the state pays."], [" ", " "],
     ["Fees must fall.", "They deter students.", "But the state pays."]),
    # a delimiter that touches the next unit: the gap is empty
    (["Fees are high *", "because* costs rise."], [""],
     ["Fees are high", "because costs rise."]),
    (["Fees are high; **", "however**, costs rise."], [""],
     ["Fees are high", "however, costs rise."]),
    (["*Fees are high", "but costs rise", "* so we keep them."], [", ", ","],
     ["Fees are high", "but costs rise", "so we keep them."]),
    # block-quote markers of later lines are not text
    (["**Fees are\n> high", "but** costs rise,\n>", "so we keep them."], [", ", " "],
     ["Fees are high", "but costs rise", "so we keep them."]),
    # what nothing opened or closes stays, as CommonMark keeps it
    (["Note:** fees", "rise."], [" "], ["Note:** fees", "rise."]),
    (["A word* here", "but *there* not."], [", "], ["A word* here", "but there not."]),
    # without the gaps a space is assumed
    (["**Fees are high", "but costs** rise."], None, ["Fees are high", "but costs rise."]),
    # "_" opens and closes next to where a unit begins, as "*" does
    (["Fees are high.", "_Costs_ rise."], [" "], ["Fees are high.", "Costs rise."]),
    (["Fees are _high_", "costs rise."], ["; "], ["Fees are high", "costs rise."]),
    (["Fees are high _", "because_ costs rise."], [""],
     ["Fees are high", "because costs rise."]),
    # separators and arrows that are the unit's own text stay
    (["Fees rise", "but the arrow is `-->`"], [", "], ["Fees rise", "but the arrow is -->"]),
    # a paragraph holding every character that may mark a piece is read piece by piece
    (["**Fees \u2e19\u2e3c\u2058 are high", "but costs** rise."], [", "],
     ["**Fees \u2e19\u2e3c\u2058 are high", "but costs** rise."]),
    (["No markup here.", "None here either."], [" "], ["No markup here.", "None here either."]),
]


@pytest.mark.parametrize(("pieces", "gaps", "expected"), PARAGRAPHS)
def test_inline_texts_read_a_paragraph_together(pieces: list[str], gaps: list[str] | None,
                                                expected: list[str]) -> None:
    assert inline_texts(pieces, gaps) == expected


LABELS = [
    # (a Markdown paragraph, its units' labels as the drawing shows them)
    ("Fees are high *because* costs rise.", ["Fees are high", "because costs rise."]),
    ("Fees are high; **however**, costs rise.", ["Fees are high", "however, costs rise."]),
    ("*Fees are high, but costs rise,* so we keep them.",
     ["Fees are high", "but costs rise", "so we keep them."]),
    ("Fees are high, **because costs rise**.", ["Fees are high", "because costs rise."]),
    ("> **Fees are\n> high, but** costs rise,\n> so we keep them.",
     ["Fees are high", "but costs rise", "so we keep them."]),
    ("Fees are `high, but` costs rise.", ["Fees are high", "but costs rise."]),
    ("_Fees are high, but_ costs rise.", ["Fees are high, but costs rise."]),
    ("Fees are high. _Costs_ rise.", ["Fees are high.", "Costs rise."]),
    # a line indented four spaces cannot open a block quote: its ">" is text
    ("Fees rise, but wages\n    > fall sharply.", ["Fees rise", "but wages > fall sharply."]),
]


@pytest.mark.parametrize(("paragraph", "expected"), LABELS)
def test_labels_of_a_markdown_paragraph(paragraph: str, expected: list[str]) -> None:
    source = f"# Fees\n\n{paragraph}\n"
    m = argmap.analyze(source, format="markdown")
    assert list(unit_labels(m, source).values()) == expected


def test_units_given_with_words_between_them_are_read_with_spaces_between() -> None:
    from argmap.model import Span

    source = "# Fees\n\nFees are *high*, costs rise, wages fall.\n"
    at = source.index("Fees are")
    m = argmap.analyze(source, format="markdown",
                       units=[Span(at, at + 15), Span(at + 29, at + 40)])
    assert [u.text for u in m.units] == ["Fees are *high*", "wages fall."]
    assert list(unit_labels(m, source).values()) == ["Fees are high", "wages fall."]


def test_reference_links_read_as_their_text_with_the_documents_definitions() -> None:
    document = "See [the *report*][1], and [this][].\n\n[1]: https://x.org\n[this]: /t\n"
    env = reference_env(document)
    assert inline_text("See [the *report*][1], and [this][].", env) == \
        "See the report, and this."
    assert inline_text("See [the *report*][1].") == "See [the report][1]."


DOC = ("# Why *fees* fail\n\n## The **cost**\n\n"
       "Tuition fees should be **abolished**. First, they *deter* poor students, as "
       "[the report][r] shows. However, some say `free` education is costly.\n\n"
       "**Fees are high, but rents** rise faster.\n\n[r]: https://example.org/report\n")


def test_markdown_labels_lose_markup_but_units_keep_their_text() -> None:
    m = argmap.analyze(DOC)
    assert m.metadata["format"] == "markdown"
    labels = unit_labels(m, DOC)
    assert sorted(labels.values()) == sorted([
        "Tuition fees should be abolished.", "First, they deter poor students",
        "as the report shows.", "However, some say free education is costly.",
        "Fees are high", "but rents rise faster."])
    dot = to_digraph(m, source=DOC).source
    for text in labels.values():
        assert text.split(",")[0] in dot
    assert "*" not in dot and "`" not in dot and "[r]" not in dot
    assert 'label="Why fees fail"' in dot  # the title
    assert "label=<The cost>" not in dot and 'label="The cost"' in dot  # the heading
    # the map itself is unchanged: spans still slice the Markdown source
    assert "Tuition fees should be **abolished**." in [u.text for u in m.units]
    assert all(u.span.slice(DOC) == u.text for u in m.units)


def test_mermaid_and_html_show_the_same_labels() -> None:
    m = argmap.analyze(DOC)
    chart = to_mermaid(m, source=DOC)
    assert "Tuition fees should be abolished." in chart and "Why fees fail" in chart
    assert "**" not in chart and "https://example.org" not in chart
    page = to_html(m, source=DOC)
    assert "<title>Why fees fail — argmap</title>" in page
    assert "<h1>Why fees fail</h1>" in page
    raw = re.search(r'id="argmap-data">(.*?)</script>', page, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    assert sorted(u["text"] for u in data["units"].values()) == sorted(
        unit_labels(m, DOC).values())


def test_plain_text_labels_keep_asterisks() -> None:
    text = "Tuition fees should be **abolished**. First, they deter poor students."
    m = argmap.analyze(text, format="text")
    assert m.metadata["format"] == "text"
    assert "Tuition fees should be **abolished**." in to_digraph(m).source
    assert unit_labels(m)[m.units[0].id] == "Tuition fees should be **abolished**."
