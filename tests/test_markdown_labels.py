"""Labels of maps read from Markdown show the text without its inline markup."""

from __future__ import annotations

import pytest

import argmap
from argmap.diagram import to_digraph
from argmap.markdown import inline_text

INLINE = [
    # (Markdown inline source, what the label shows)
    ("Tuition fees should be **abolished**.", "Tuition fees should be abolished."),
    ("They *deter* poor students.", "They deter poor students."),
    ("Fees are __high__ and _rising_.", "Fees are high and rising."),
    ("***Both*** at once.", "Both at once."),
    ("See [the report](https://example.org/a/long/path).", "See the report."),
    ("A chart: ![fees by year](chart.png).", "A chart: fees by year."),
    ("Call `free_tuition()` twice.", "Call free_tuition() twice."),
    ("Fees &amp; rents rose.", "Fees & rents rose."),
    ("Fees <em>rose</em> again.", "Fees rose again."),
    ("Fees rose\nagain.", "Fees rose again."),
    # a unit that begins or ends inside an emphasis keeps no half of its delimiters
    ("Fees are **high", "Fees are high"),
    ("costs rise** sharply.", "costs rise sharply."),
    ("*Fees are high, but", "Fees are high, but"),
    # not markup: the characters stay
    ("Fees rose 3 * 4 times.", "Fees rose 3 * 4 times."),
    ("The snake_case_name stays.", "The snake_case_name stays."),
    (r"An escaped \*star\* stays.", "An escaped *star* stays."),
    (r"An escaped \_under\_ stays.", "An escaped _under_ stays."),
    ("Code keeps `a*b*c`.", "Code keeps a*b*c."),
    ("Plain text needs no parse.", "Plain text needs no parse."),
    ("", ""),
]


@pytest.mark.parametrize(("source", "expected"), INLINE)
def test_inline_text(source: str, expected: str) -> None:
    assert inline_text(source) == expected


DOC = ("# Why *fees* fail\n\n## The **cost**\n\n"
       "Tuition fees should be **abolished**. First, they *deter* poor students, as "
       "[the report](https://example.org/report) shows. However, some say `free` "
       "education is costly.\n")


def test_markdown_labels_lose_markup_but_units_keep_their_text() -> None:
    m = argmap.analyze(DOC)
    assert m.metadata["format"] == "markdown"
    dot = to_digraph(m).source
    assert "Tuition fees should be abolished." in dot
    assert "they deter poor students" in dot
    assert "the report shows" in dot
    assert "https://example.org" not in dot
    assert "**" not in dot and "`" not in dot
    assert "label=\"Why fees fail\"" in dot  # the title
    assert "label=\"The cost\"" in dot or "label=The cost" in dot  # the section heading
    # the map itself is unchanged: spans still slice the Markdown source
    texts = [u.text for u in m.units]
    assert "Tuition fees should be **abolished**." in texts
    assert all(u.span.slice(DOC) == u.text for u in m.units)


def test_plain_text_labels_keep_asterisks() -> None:
    text = "Tuition fees should be **abolished**. First, they deter poor students."
    m = argmap.analyze(text, format="text")
    assert m.metadata["format"] == "text"
    assert "Tuition fees should be **abolished**." in to_digraph(m).source


def test_mermaid_labels_lose_markup_too() -> None:
    from argmap.export.mermaid import to_mermaid

    chart = to_mermaid(argmap.analyze(DOC))
    assert "Tuition fees should be abolished." in chart
    assert "Why fees fail" in chart and "The cost" in chart
    assert "**" not in chart and "https://example.org" not in chart
