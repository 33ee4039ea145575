"""Ingest: boilerplate kinds, paragraphs, headings, title, spans and decoding."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.exceptions import EmptyInputError, InputError
from argmap.furniture import index_entry
from argmap.ingest import BlockKind, Document, _cues, read_document

TITLE = "Fees Must Fall"
BODY = "Fees deter students from poor homes. They must fall."

# A body long enough that its middle lines are far from either end of the page.
LONG_BODY = "\n\n".join(f"Paragraph {n} argues that fees deter students." for n in range(1, 13))


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks]


def boilerplate(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.boilerplate]


# ------------------------------------------------------------------ boilerplate table

BOILERPLATE = [
    pytest.param(f"Home | News | Login\n{TITLE}\n\n{BODY}",
                 [("navigation", "Home | News | Login")], id="navigation-pipes"),
    pytest.param(f"Home \u00bb World \u00bb Asia\n{TITLE}\n\n{BODY}",
                 [("navigation", "Home \u00bb World \u00bb Asia")], id="breadcrumbs"),
    pytest.param(f"Login\nMenu\nSearch\n{TITLE}\n\n{BODY}",
                 [("navigation", "Login"), ("navigation", "Menu"), ("navigation", "Search")],
                 id="menu-words-above-title"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nShare\nPrint\nComments",
                 [("navigation", "Share"), ("navigation", "Print"), ("navigation", "Comments")],
                 id="menu-words-at-the-end"),
    pytest.param(f"{TITLE}\n2021-06-30 00:00:00.0    Analytics    Opinion\n\n{BODY}",
                 [("meta", "2021-06-30 00:00:00.0    Analytics    Opinion")],
                 id="meta-line-date-and-column-gaps"),
    pytest.param(f"{TITLE}\nJune 30, 2021\n\n{BODY}", [("meta", "June 30, 2021")],
                 id="meta-line-date-alone"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nTags:  fees   students   policy",
                 [("tags", "Tags:  fees   students   policy")], id="tags-footer"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nKeywords: fees, students, policy, aid",
                 [("tags", "Keywords: fees, students, policy, aid")], id="keywords-footer"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nViews expressed are those of the author and do not "
                 "necessarily reflect the position of the site.",
                 [("disclaimer", "Views expressed are those of the author and do not "
                                 "necessarily reflect the position of the site.")],
                 id="disclaimer-at-the-end"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n\u00a9 2021 The Daily Paper. All rights reserved.",
                 [("disclaimer", "\u00a9 2021 The Daily Paper. All rights reserved.")],
                 id="copyright-at-the-end"),
    pytest.param(f"{TITLE}\n\n\u7528\u6237\u540d \u767b\u5f55 \u6ce8\u518c \u5bc6\u7801\n\n"
                 f"{BODY}",
                 [("foreign-script", "\u7528\u6237\u540d \u767b\u5f55 \u6ce8\u518c \u5bc6\u7801")],
                 id="foreign-script-line"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629 "
                 "\u0627\u0644\u0623\u062e\u0628\u0627\u0631",
                 [("foreign-script", "\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629 "
                                     "\u0627\u0644\u0623\u062e\u0628\u0627\u0631")],
                 id="foreign-script-rtl-line"),
    # not boilerplate: prose that merely contains the cue words
    pytest.param(f"{TITLE}\n\n{BODY}\n\nSearch results are often misleading, and the menu "
                 "of options is short.", [], id="menu-words-in-a-sentence"),
    pytest.param(f"{TITLE}\n\nOn 2012-09-08 the summit opened in Vladivostok. {BODY}", [],
                 id="date-in-a-sentence"),
    pytest.param(f"{TITLE}\n\nNote: the fees rose again last year. {BODY}", [],
                 id="label-colon-sentence"),
    pytest.param(f"{TITLE}\n\nStay home.\n\n{BODY}", [], id="menu-word-in-short-sentence"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.",
        "Copyright law protects the authors of textbooks."), [],
        id="disclaimer-cue-mid-document"),
]


# Front and back matter (Chicago Manual of Style 1.18, 1.40, 1.72, 16.6-16.9; AP Stylebook
# "byline", "credit"): whole lines only, and only where furniture sits.
INDEX = "\n\n".join(["Index", "Aid, student, 12, 40 ff", "Fees, 3-9; and enrolment, 14",
                      "Malthus, 43", "Zeno the Eleatic, 64, 80, 89 ff"])
FURNITURE = [
    pytest.param(f"{TITLE}\nBy Jane Doe\n\n{BODY}", [("byline", "By Jane Doe")],
                 id="byline-under-title"),
    pytest.param(f"{TITLE}\nBY BERTRAND RUSSELL\n\n{BODY}",
                 [("byline", "BY BERTRAND RUSSELL")], id="byline-in-capitals"),
    pytest.param(f"{TITLE}\nBy Jane Doe and John Roe | Reuters\n\n{BODY}",
                 [("byline", "By Jane Doe and John Roe | Reuters")], id="byline-with-agency"),
    pytest.param(f"{TITLE}\nPosted on 12 May 2021 by Jane Doe\n\n{BODY}",
                 [("byline", "Posted on 12 May 2021 by Jane Doe")], id="byline-posted-on"),
    pytest.param(f"{TITLE}\n\nWritten by Jane Doe\n\n{BODY}",
                 [("byline", "Written by Jane Doe")], id="byline-written-by"),
    pytest.param(f"{TITLE}\n\nBY\n\nJANE DOE, M.A.\n\nSometime Fellow of Trinity College"
                 f"\n\n{BODY}",
                 [("byline", "BY"), ("byline", "JANE DOE, M.A."),
                  ("byline", "Sometime Fellow of Trinity College")], id="byline-title-page"),
    pytest.param(f"{TITLE}\nBy Jane Doe\nPhoto: Getty Images\n\n{BODY}",
                 [("byline", "By Jane Doe"), ("credit", "Photo: Getty Images")],
                 id="photo-credit"),
    pytest.param(f"{TITLE}\n\nTranslated by Helen Zimmern\n\n{BODY}",
                 [("credit", "Translated by Helen Zimmern")], id="translator-credit"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nReporting by Jane Doe; Editing by John Roe",
                 [("credit", "Reporting by Jane Doe; Editing by John Roe")],
                 id="reporting-credit-at-the-end"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nImage credit: NASA",
                 [("credit", "Image credit: NASA")], id="image-credit"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nGEORGE ALLEN & UNWIN LTD\n\nLONDON: 40 MUSEUM STREET"
                 "\n\nPRINTED IN GREAT BRITAIN",
                 [("imprint", "GEORGE ALLEN & UNWIN LTD"), ("imprint", "LONDON: 40 MUSEUM STREET"),
                  ("imprint", "PRINTED IN GREAT BRITAIN")], id="imprint-at-the-end"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}\n\n{INDEX}",
                 [("index", line) for line in INDEX.split("\n\n")], id="index-at-the-end"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.", "Chapter I ........ 1"),
        [("contents", "Chapter I ........ 1")], id="dot-leaders-anywhere"),
    pytest.param(f"{TITLE}\n\nContents\n\nI. Fees 1\n\nII. Aid 9\n\n{BODY}",
                 [("contents", "Contents"), ("contents", "I. Fees 1"),
                  ("contents", "II. Aid 9")], id="contents-with-pages"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.",
        'P. 20, l. 11. For "teaching" read "reaching"'),
        [("errata", 'P. 20, l. 11. For "teaching" read "reaching"')], id="erratum"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.",
        "End of the Project Gutenberg EBook of Fees, by Jane Doe"),
        [("end-of-text", "End of the Project Gutenberg EBook of Fees, by Jane Doe")],
        id="e-book-end-line"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nBY THE SAME AUTHOR\n\nFEES AND FOLLY\n\nAID",
                 [("also-by", "BY THE SAME AUTHOR"), ("also-by", "FEES AND FOLLY"),
                  ("also-by", "AID")], id="also-by-list"),
    # must not fire: prose and headings that hold the cue words
    pytest.param(f"{TITLE}\n\nBy 2030, fees will double.\n\n{BODY}", [],
                 id="by-a-year-in-prose"),
    pytest.param(f"{TITLE}\n\nWritten by hand, the letters took weeks.\n\n{BODY}", [],
                 id="written-by-hand"),
    pytest.param(f"{TITLE}\n\nReuters reported that fees rose.\n\n{BODY}", [],
                 id="reuters-reported-that"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nBy Design\n\n{BODY}", [], id="by-one-word-heading"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nIndex funds\n\n{BODY}", [],
                 id="index-funds-heading"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nContents of the bill\n\n{BODY}", [],
                 id="contents-of-the-bill-heading"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nTHE NATURE OF MATTER\n\n{BODY}", [],
                 id="heading-in-capitals"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n1. Fees deter students.\n\n2. Aid is scarce.", [],
                 id="numbered-list-item"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.", "Malthus, 43"), [],
        id="index-line-mid-document"),
    pytest.param(f"{TITLE}\n\n{LONG_BODY}".replace(
        "Paragraph 6 argues that fees deter students.",
        "He paused.... Then 3 more came."), [], id="ellipsis-in-prose"),
    # a title in headline style with a firm word is no imprint (a fresh user's title)
    pytest.param(f"Why Homework Should Be Limited\n\n{BODY}", [],
                 id="title-ending-in-limited"),
    pytest.param(f"Homework Must Be Limited Now\n\n{BODY}", [], id="title-with-limited"),
    pytest.param(f"Why Publishers Fail\n\n{BODY}", [], id="title-with-publishers"),
    # a letter: salutation at the head, close and signature at the tail (third new user)
    pytest.param(f"To the Editor:\n\n{BODY}\n\nJane Hollis\nRiverside",
                 [("salutation", "To the Editor:"), ("signature", "Jane Hollis"),
                  ("signature", "Riverside")], id="letter-to-the-editor"),
    pytest.param(f"Dear Sir,\n\n{BODY}\n\nYours faithfully,\nJohn Roe",
                 [("salutation", "Dear Sir,"), ("signature", "Yours faithfully,"),
                  ("signature", "John Roe")], id="letter-with-a-close"),
    # a bare form of address alone on the first line, the signature after it (fresh user
    # #2: "Sir" was the thesis, "MARGARET LEWIS" and the town premises)
    pytest.param(f"Sir,\n\n{BODY}\n\nMARGARET LEWIS\nHarrogate, North Yorkshire",
                 [("salutation", "Sir,"), ("signature", "MARGARET LEWIS"),
                  ("signature", "Harrogate, North Yorkshire")], id="letter-sir"),
    pytest.param(f"Madam,\n\n{BODY}\n\nJohn Roe\nLeeds",
                 [("salutation", "Madam,"), ("signature", "John Roe"),
                  ("signature", "Leeds")], id="letter-madam"),
    pytest.param(f"Sirs:\n\n{BODY}\n\nJohn Roe", [("salutation", "Sirs:"),
                                                   ("signature", "John Roe")], id="letter-sirs"),
    pytest.param(f"Dear Editor\n\n{BODY}\n\nJohn Roe",
                 [("salutation", "Dear Editor"), ("signature", "John Roe")],
                 id="letter-dear-editor-no-comma"),
    # must not: a closing heading-like line in a text that is no letter; "Dear" in prose
    pytest.param(f"{TITLE}\n\n{BODY}\n\nFurther Reading", [], id="no-salutation-no-signature"),
    pytest.param(f"Dear readers will know the story.\n\n{BODY}", [], id="dear-in-prose"),
    pytest.param(f"Sir Keir spoke first.\n\n{BODY}", [], id="sir-as-a-title-in-prose"),
    pytest.param(f"Sir\n\n{BODY}", [], id="sir-without-its-comma"),
    pytest.param(f"Sir, your leader was wrong.\n\n{BODY}\n\nJohn Roe", [],
                 id="sir-opening-a-sentence"),
    # a contributor note ends an op-ed (fresh session: it became the closing conclusion)
    pytest.param(f"{TITLE}\n\n{BODY}\n\nJane Hollis is a professor of planning at "
                 "Riverside University.",
                 [("contributor", "Jane Hollis is a professor of planning at Riverside "
                   "University.")], id="contributor-note"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nThe writer, a former mayor of Leeds, chairs\n"
                 "the Transport Trust.",
                 [("contributor", "The writer, a former mayor of Leeds, chairs"),
                  ("contributor", "the Transport Trust.")], id="contributor-note-wrapped"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nJohn Roe teaches history at Bard College.\n\n"
                 "Yours faithfully,",
                 [("contributor", "John Roe teaches history at Bard College."),
                  ("signature", "Yours faithfully,")], id="contributor-note-above-a-close"),
    # any role "a/an <noun> in/at/for/with/of <Name>", and a dash signature (fresh user #2)
    pytest.param(f"{TITLE}\n\n{BODY}\n\nDr Amir Shah is a paediatrician in Leeds.",
                 [("contributor", "Dr Amir Shah is a paediatrician in Leeds.")],
                 id="contributor-role-in-a-place"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nJane Roe is a senior fellow at the Resolution "
                 "Foundation.",
                 [("contributor", "Jane Roe is a senior fellow at the Resolution Foundation.")],
                 id="contributor-role-at-a-body"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n\u2014 Amir Shah, paediatrician, Leeds",
                 [("contributor", "\u2014 Amir Shah, paediatrician, Leeds")],
                 id="contributor-dash-signature"),
    # must not: prose last paragraphs, a note that does not end the text, a lone line
    pytest.param(f"{TITLE}\n\n{BODY}\n\nNew York is a city of renters.", [],
                 id="place-is-no-contributor"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nThe Government has been slow to act.", [],
                 id="institution-is-no-contributor"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nOur mayor is a former teacher.", [],
                 id="our-mayor-is-no-contributor"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nOur mayor is a former teacher in Leeds.", [],
                 id="our-mayor-in-a-place-is-no-contributor"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nLeeds is a city of renters.", [],
                 id="place-with-a-role-is-no-contributor"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n\u2014 and so the fees must fall", [],
                 id="dash-and-prose-is-no-signature"),
    pytest.param(f"{TITLE}\n\nDr Amir Shah is a paediatrician in Leeds.\n\n{BODY}", [],
                 id="role-in-a-place-mid-text"),
    pytest.param(f"{TITLE}\n\nJane Hollis is a professor of planning.\n\n{BODY}", [],
                 id="contributor-words-mid-text"),
    pytest.param("Jane Hollis is a professor of planning at Riverside University.", [],
                 id="contributor-words-alone"),
    pytest.param(f"{TITLE}\n\n{BODY * 50}\n\nThey must fall.", [],
                 id="last-line-under-a-line-too-long-to-test"),
    # second review: last sentences of the argument that only look like notes
    pytest.param(f"{TITLE}\n\n{BODY}\n\nThe writer, a nurse, is right: we must act now.",
                 [], id="the-writer-is-right-is-no-note"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nDr Ahmed is a lecturer at Kings College. He says "
                 "the shortage will double by 2030.", [], id="a-cited-lecturer-says"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nJane Doe is a nurse at St Mary's Hospital, and "
                 "she works double shifts every week.", [], id="a-nurse-and-her-shifts"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nGreat Britain is a country in Europe.", [],
                 id="a-country-in-europe"),
]


@pytest.mark.parametrize(("text", "expected"), FURNITURE)
def test_furniture(text: str, expected: list[tuple[str, str]]) -> None:
    doc = Document.from_text(text)
    assert boilerplate(doc) == expected
    for b in doc.boilerplate:
        assert b.span.slice(text) == b.text
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    for _, line in expected:
        assert line not in headings


#: Pieces of index lines and of prose, for lines that may or may not be index entries.
_PIECES = ["Kant", "a", "é", "i", "v", "c", "l", "x", "12", "3-9", "0", ",", ", ", ";", ":",
           ".", " ", "  ", "-", "–", "f", "ff", "n", "_", "_n_", "et seq", "passim", "²"]


@pytest.mark.parametrize("seed", range(4))
def test_index_entry_is_the_language_of_the_grammar(seed: int) -> None:
    # index_entry walks positions instead of running the INDEX_ENTRY/INDEX_ENTRIES
    # regexes (which backtrack for seconds on prose); it must accept the same lines
    rng = random.Random(seed)
    cues = _cues()
    lines = [line for _, line in [*INDEX_ENTRIES, *NO_INDEX_ENTRIES]]
    lines += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
              for _ in range(3000)]
    for expected, line in [*INDEX_ENTRIES, *NO_INDEX_ENTRIES]:
        assert index_entry(line, several=True) == expected, line
    for line in lines:
        assert index_entry(line) == (cues["INDEX_ENTRY"].fullmatch(line) is not None), line
        assert index_entry(line, several=True) == (
            cues["INDEX_ENTRIES"].fullmatch(line) is not None), line


INDEX_ENTRIES = [(True, "Kant, 85, 96 ff"), (True, "Fees, 3-9; and enrolment, 14"),
                 (True, "Knowledge by acquaintance, 209 ff; by description, 214 ff"),
                 (True, "Malthus, 43. Mill, 12, 19 et seq.")]
NO_INDEX_ENTRIES = [(False, "Fees deter students, and they must fall."),
                    (False, "Kant, in 1781, wrote the first Critique."), (False, "Malthus")]


@pytest.mark.parametrize(("several", "line"), [
    (False, "Aid, student, 12, 40 ff"), (True, "Kant, 85, 96 ff. Hume, 2, 7"),
    (True, "Aid, 12. " * 200 + "Fees, 3-9")])
def test_index_entry(several: bool, line: str) -> None:
    assert index_entry(line, several=several)
    assert not index_entry(line + " and more", several=several)


def test_pathological_lines_at_the_tail_are_read() -> None:
    # lines that a backtracking INDEX_ENTRIES regex takes hours over ("i n" and "civil"
    # are locators); time: benchmarks/adversarial.py, index-like-prose
    prose = "the public will, in civil ill, vii " * 3000
    text = f"{TITLE}\n\n{LONG_BODY}\n\n{prose[:100_000]}\n\n{prose[:1990]}!"
    doc = read_document(text)
    assert boilerplate(doc) == []
    assert not index_entry(prose[:1990] + "!", several=True)
    assert not index_entry(prose[:100_000] + "!", several=True)


@pytest.mark.parametrize("line", [
    "By " + "Ann   " * 45 + "!",  # a space more or less in each gap: 2**45 ways to fail
    "Photo: " + "Ann   " * 45 + "!", "London: " + "Ann   " * 45 + "!",
    "a.. 1  " * 280 + "!",  # dot leaders: a space in the leader or after it
])
def test_pathological_furniture_lines_are_read(line: str) -> None:
    # time: benchmarks/adversarial.py, furniture-gaps
    doc = read_document(f"{TITLE}\n{line}\n\n{BODY}")
    assert boilerplate(doc) == []


@pytest.mark.parametrize(("text", "heading"), [
    pytest.param(f"{TITLE}\n\n{BODY}\n\nBy Design\n\n{BODY}", "By Design", id="by-one-word"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nIndex funds\n\n{BODY}", "Index funds",
                 id="index-funds"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nTHE NATURE OF MATTER\n\n{BODY}",
                 "THE NATURE OF MATTER", id="capitals"),
    pytest.param(f"{BODY}\n\nTHE DEFENDANT\n\nBY JANE DOE\n\nCONTENTS\n\nI. Fees 1\n\n{BODY}",
                 "THE DEFENDANT", id="title-of-a-work-above-its-byline"),
])
def test_furniture_keeps_headings(text: str, heading: str) -> None:
    doc = Document.from_text(text)
    assert heading in [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]

@pytest.mark.parametrize(("text", "expected"), BOILERPLATE)
def test_boilerplate(text: str, expected: list[tuple[str, str]]) -> None:
    doc = Document.from_text(text)
    assert boilerplate(doc) == expected
    for b in doc.boilerplate:
        assert b.span.slice(text) == b.text
    kept = " ".join(b.text for b in doc.blocks)
    for _, line in expected:
        assert line not in kept


def test_boilerplate_of_the_seed_slices_back() -> None:
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_ce97f1ba0d0e35d1.txt"
    doc = read_document(seed)
    assert doc.boilerplate
    for b in doc.boilerplate:
        assert b.span.slice(doc.text) == b.text
    for block in doc.blocks:
        assert block.span.slice(doc.text) == block.text
        assert not any(block.span.overlaps(b.span) for b in doc.boilerplate)


# ------------------------------------------------------------------ blocks table

BLOCKS = [
    # a hard-wrapped first line is no title: a sentence ends inside it, or it ends in a
    # word that needs the next line
    pytest.param("We should keep the levy. It raises money. It was passed by\nCongress. "
                 "It is fair.",
                 [("paragraph", "We should keep the levy. It raises money. It was passed "
                   "by\nCongress. It is fair.")], id="wrapped-first-line-with-a-stop"),
    pytest.param("We keep the levy. It was passed in\n1990. It is fair.",
                 [("paragraph", "We keep the levy. It was passed in\n1990. It is fair.")],
                 id="wrapped-first-line-before-a-year"),
    pytest.param("The levy was passed by\nCongress in 1990. It is fair.",
                 [("paragraph", "The levy was passed by\nCongress in 1990. It is fair.")],
                 id="wrapped-line-ends-in-by"),
    pytest.param("Why Taxes Fail. A Reply\n\nFees deter students.",
                 [("title", "Why Taxes Fail. A Reply"), ("paragraph", "Fees deter students.")],
                 id="title-with-a-stop-in-headline-style"),
    pytest.param("Roe vs. Wade Revisited\n\nFees deter students.",
                 [("title", "Roe vs. Wade Revisited"), ("paragraph", "Fees deter students.")],
                 id="title-with-an-abbreviation"),
    pytest.param("A Tax Worth Keeping\nFees deter students.",
                 [("title", "A Tax Worth Keeping"), ("paragraph", "Fees deter students.")],
                 id="title-right-above-its-text"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n\nThey must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="blank-line-splits"),
    pytest.param(f"{TITLE}\r\n\r\nFees deter students.\r\n\r\nThey must fall.\r\n",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="crlf-blank-line-splits"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n \t\nThey must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="whitespace-only-line-splits"),
    pytest.param(f"{TITLE}\n\nFees deter students from poor homes, and the harm they do "
                 "to families lasts\nfor years. They must fall.",
                 [("title", TITLE),
                  ("paragraph", "Fees deter students from poor homes, and the harm they do to "
                                "families lasts\nfor years. They must fall.")],
                 id="hard-wrapped-long-line"),
    # A hard-wrapped line of a few words, continued in lower case on the next line, is
    # part of its paragraph, not a heading (plain-text e-mail and book formatting).
    pytest.param(f"{TITLE}\n\nFees deter students from poor homes, and the harm\n"
                 "lasts for years. They must fall.",
                 [("title", TITLE),
                  ("paragraph", "Fees deter students from poor homes, and the harm\n"
                                "lasts for years. They must fall.")],
                 id="hard-wrapped-short-first-line"),
    pytest.param(f"{TITLE}\n\nFees deter students. They must fall.\nAid is scarce, and the "
                 "harm it does to families\nlasts for years.",
                 [("title", TITLE),
                  ("paragraph", "Fees deter students. They must fall.\nAid is scarce, and the "
                                "harm it does to families\nlasts for years.")],
                 id="hard-wrapped-short-middle-line"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n  They must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="space-indent-splits"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n\tThey must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="tab-indent-splits"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n\u00a0\u00a0They must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="nbsp-indent-splits"),
    pytest.param(f"{TITLE}\n\nFees deter students.\n\n\u3000They must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("paragraph", "They must fall.")], id="ideographic-space-indent"),
    pytest.param(f"{TITLE}\n\nFees deter students. They must fall.\n\nWhy it matters\n\n"
                 "Aid is scarce. Costs rise.",
                 [("title", TITLE), ("paragraph", "Fees deter students. They must fall."),
                  ("heading", "Why it matters"), ("paragraph", "Aid is scarce. Costs rise.")],
                 id="heading-between-paragraphs"),
    pytest.param(f"{TITLE}\n\nFees deter students. They must fall.\n\nAid is scarce.\n\n"
                 "That is the end of it",
                 [("title", TITLE), ("paragraph", "Fees deter students. They must fall."),
                  ("paragraph", "Aid is scarce."), ("paragraph", "That is the end of it")],
                 id="short-last-line-is-a-paragraph"),
    pytest.param("# Fees Must Fall\n\nFees deter students.\n\n## Why it matters\n\n"
                 "Aid is scarce.",
                 [("title", TITLE), ("paragraph", "Fees deter students."),
                  ("heading", "Why it matters"), ("paragraph", "Aid is scarce.")],
                 id="markdown-headings"),
    pytest.param("Fees deter students. They must fall.",
                 [("paragraph", "Fees deter students. They must fall.")], id="no-title"),
    pytest.param(f"{TITLE}\nFees deter students. They must fall.",
                 [("title", TITLE), ("paragraph", "Fees deter students. They must fall.")],
                 id="title-without-blank-line"),
    pytest.param(f"\u201cFees Must Fall\u201d\n\n{BODY}",
                 [("title", "\u201cFees Must Fall\u201d"), ("paragraph", BODY)],
                 id="quoted-title"),
]


# A line that ends in a colon, a dash or a comma introduces the text after it (a lead-in
# to a list or a quotation, the first part of a sentence), and a line that starts in
# lower case, or that the next block goes on with ("--that is, …"), is part of a
# sentence: none of them is a heading, which is a title (Chicago Manual of Style 8.159;
# APA 7th ed. 2.27). The last rows are headings that must stay headings.
LEAD_IN = f"{TITLE}\n\n{BODY}\n\n"
HEADINGS = [
    pytest.param(f"{LEAD_IN}Objections fall under the following heads:--\n\nFirstly, "
                 "aid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "Objections fall under the following heads:--"),
                  ("paragraph", "Firstly, aid is scarce.")], id="lead-in-colon-dashes"),
    pytest.param(f"{LEAD_IN}Several observations must be made--\n\n(1) Aid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "Several observations must be made--"),
                  ("paragraph", "(1) Aid is scarce.")], id="lead-in-double-hyphen"),
    pytest.param(f"{LEAD_IN}The same writer remarks---\n\n\"Aid is scarce.\"",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "The same writer remarks---"),
                  ("paragraph", "\"Aid is scarce.\"")], id="lead-in-triple-hyphen"),
    pytest.param(f"{LEAD_IN}On behalf of the committee:\u2014\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "On behalf of the committee:\u2014"),
                  ("paragraph", "Aid is scarce.")], id="lead-in-colon-em-dash"),
    pytest.param(f"{LEAD_IN}Compare the minister\u2019s words \u2013\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "Compare the minister\u2019s words \u2013"),
                  ("paragraph", "Aid is scarce.")], id="lead-in-en-dash"),
    pytest.param(f"{LEAD_IN}Who is the true and who the false statesman?--\n\n"
                 "The true one brings order.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "Who is the true and who the false statesman?--"),
                  ("paragraph", "The true one brings order.")], id="lead-in-question-dashes"),
    pytest.param(f"{LEAD_IN}\u201cFees must rise, and\u2014\u201d\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "\u201cFees must rise, and\u2014\u201d"),
                  ("paragraph", "Aid is scarce.")], id="lead-in-dash-inside-quotes"),
    pytest.param(f"{LEAD_IN}and\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("paragraph", "and"),
                  ("paragraph", "Aid is scarce.")], id="lower-case-word"),
    pytest.param(f"{LEAD_IN}page 19: fess changed to fees\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "page 19: fess changed to fees"),
                  ("paragraph", "Aid is scarce.")], id="lower-case-note"),
    pytest.param(f"{LEAD_IN}\"If fees were what fees seem\"\n\n--that is, small; then "
                 "aid would do.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "\"If fees were what fees seem\""),
                  ("paragraph", "--that is, small; then aid would do.")],
                 id="next-block-goes-on-after-a-dash"),
    pytest.param(f"{LEAD_IN}Fees rose in every year\n\n\u2026and aid fell.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("paragraph", "Fees rose in every year"),
                  ("paragraph", "\u2026and aid fell.")], id="next-block-goes-on-after-dots"),
    # must not fire: headings with a colon or a dash inside, a capital inside the first
    # word, a menu line above the title, a Markdown heading, a next block in capitals
    pytest.param(f"{LEAD_IN}Part One: The Problem\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Part One: The Problem"),
                  ("paragraph", "Aid is scarce.")], id="colon-inside-heading"),
    pytest.param(f"{LEAD_IN}CHAPTER IV--_The Ethics of Fees_\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY),
                  ("heading", "CHAPTER IV--_The Ethics of Fees_"),
                  ("paragraph", "Aid is scarce.")], id="dash-inside-heading"),
    pytest.param(f"{LEAD_IN}Window for a dialogue\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Window for a dialogue"),
                  ("paragraph", "Aid is scarce.")], id="sentence-case-heading"),
    pytest.param(f"{LEAD_IN}iPhone Fees\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "iPhone Fees"),
                  ("paragraph", "Aid is scarce.")], id="capital-inside-first-word"),
    pytest.param(f"{LEAD_IN}CHAPTER I\n\n\"Aid is scarce,\" they said.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "CHAPTER I"),
                  ("paragraph", "\"Aid is scarce,\" they said.")], id="next-block-quoted"),
    pytest.param(f"{LEAD_IN}Introduction\n\n--Aid is scarce, they said.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Introduction"),
                  ("paragraph", "--Aid is scarce, they said.")],
                 id="next-block-dash-then-capital"),
    pytest.param(f"{LEAD_IN}Our proposals\n\n- cut fees for first-year students\n"
                 "- raise grants for the poorest\n\nThese steps would cost little.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Our proposals"),
                  ("paragraph", "- cut fees for first-year students"),
                  ("paragraph", "- raise grants for the poorest"),
                  ("paragraph", "These steps would cost little.")],
                 id="next-block-a-lower-case-dash-list"),
    pytest.param(f"latest stories\n{TITLE}\n\n{BODY}",
                 [("title", TITLE), ("paragraph", BODY)], id="lower-case-menu-above-title"),
    # a first line in headline style above a shorter section heading is the title (fresh
    # user #2: "Congestion Pricing for the City Centre" was navigation, "Background" the
    # title); a menu word or a shorter line above the title is not
    pytest.param(f"Congestion Pricing for the City Centre\n\nBackground\n\n{BODY}",
                 [("title", "Congestion Pricing for the City Centre"),
                  ("heading", "Background"), ("paragraph", BODY)], id="title-above-section"),
    pytest.param(f"Why Fees Must Fall Now\nThe Case\n\n{BODY}",
                 [("title", "Why Fees Must Fall Now"), ("heading", "The Case"),
                  ("paragraph", BODY)], id="title-above-two-word-section"),
    pytest.param(f"World News\n{TITLE}\n\n{BODY}",
                 [("title", TITLE), ("paragraph", BODY)], id="short-menu-line-above-title"),
    pytest.param(f"Politics and Society Today\nWhy Fees Must Fall Now\n\n{BODY}",
                 [("title", "Why Fees Must Fall Now"), ("paragraph", BODY)],
                 id="as-long-a-line-under-it-is-the-title"),
    pytest.param(f"Congestion pricing for the centre\n\nBackground\n\n{BODY}",
                 [("title", "Background"), ("paragraph", BODY)],
                 id="sentence-case-first-line-is-no-title-above-a-heading"),
    pytest.param(f"{LEAD_IN}## and what follows\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "and what follows"),
                  ("paragraph", "Aid is scarce.")], id="lower-case-markdown-heading"),
    pytest.param(f"{LEAD_IN}## Costs --\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Costs --"),
                  ("paragraph", "Aid is scarce.")], id="markdown-heading-with-a-dash"),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_headings(text: str, expected: list[tuple[str, str]]) -> None:
    assert blocks(Document.from_text(text)) == expected


# A question on the first line, standing alone in headline style, is the title; a '#'
# heading may end in '?' or '!' in plain text as in Markdown (the '#' is left out).
QUESTION_TITLES = [
    pytest.param(f"Should Schools Ban Phones?\n\n{BODY}",
                 [("title", "Should Schools Ban Phones?"), ("paragraph", BODY)],
                 id="question-title"),
    pytest.param(f"Is It Time to Ban Phones under Ten?\n\n{BODY}",
                 [("title", "Is It Time to Ban Phones under Ten?"), ("paragraph", BODY)],
                 id="question-title-one-long-preposition"),
    pytest.param(f"Home | News | Login\nShould Fees Fall?\n\n{BODY}",
                 [("title", "Should Fees Fall?"), ("paragraph", BODY)],
                 id="question-title-under-a-menu"),
    pytest.param(f"# Should Schools Ban Phones?\n\n{BODY}",
                 [("title", "Should Schools Ban Phones?"), ("paragraph", BODY)],
                 id="hash-question-title"),
    pytest.param(f"# Fees Must Fall!\n\n{BODY}",
                 [("title", "Fees Must Fall!"), ("paragraph", BODY)], id="hash-exclamation"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\n## Who pays?\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("heading", "Who pays?"),
                  ("paragraph", "Aid is scarce.")], id="hash-question-heading"),
    # must not fire: sentence case, a dialogue line, no blank line after it, a question
    # in the body, a question with nothing after it, a '#' line ending in a full stop,
    # a question list item, a question followed by another short line
    pytest.param(f"Why cities need more trees?\n\n{BODY}",
                 [("paragraph", "Why cities need more trees?"), ("paragraph", BODY)],
                 id="sentence-case-question"),
    pytest.param("SOCRATES: Then, if you approve the question, Gorgias, what is the answer?"
                 "\n\nGORGIAS: I answer that rhetoric is the art of persuasion.",
                 [("paragraph", "SOCRATES: Then, if you approve the question, Gorgias, what"
                                " is the answer?"),
                  ("paragraph", "GORGIAS: I answer that rhetoric is the art of persuasion.")],
                 id="dialogue-question"),
    pytest.param(f"Should Schools Ban Phones?\n{BODY}",
                 [("paragraph", f"Should Schools Ban Phones?\n{BODY}")], id="no-blank-after"),
    pytest.param(f"{TITLE}\n\n{BODY}\n\nWho Pays for It?\n\nAid is scarce.",
                 [("title", TITLE), ("paragraph", BODY), ("paragraph", "Who Pays for It?"),
                  ("paragraph", "Aid is scarce.")], id="question-in-the-body"),
    pytest.param("Should Schools Ban Phones?",
                 [("paragraph", "Should Schools Ban Phones?")], id="question-alone"),
    pytest.param(f"# Fees Must Fall.\n\n{BODY}",
                 [("paragraph", "# Fees Must Fall."), ("paragraph", BODY)],
                 id="hash-full-stop"),
    pytest.param(f"- Should Fees Fall?\n\n{BODY}",
                 [("paragraph", "- Should Fees Fall?"), ("paragraph", BODY)],
                 id="question-list-item"),
]


@pytest.mark.parametrize(("text", "expected"), QUESTION_TITLES)
def test_question_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert blocks(Document.from_text(text)) == expected
    # standard input: the same reading whether sniffed as text or as Markdown
    doc = read_document(text.encode("utf-8"))
    if doc.format == "text":
        assert blocks(doc) == expected


@pytest.mark.parametrize("heading", ["Is College Worth It?", "Part One: The Problem"])
def test_markdown_headings_keep_their_punctuation(heading: str) -> None:
    doc = read_document(f"# {TITLE}\n\n{BODY}\n\n## {heading}\n\nAid is scarce.\n")
    assert (doc.format, blocks(doc)[2]) == ("markdown", ("heading", heading))


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_blocks(text: str, expected: list[tuple[str, str]]) -> None:
    doc = Document.from_text(text)
    assert blocks(doc) == expected
    for block in doc.blocks:
        assert block.span.slice(text) == block.text
        assert block.text == block.text.strip()


def test_title_property() -> None:
    doc = Document.from_text(f"Home | News\n{TITLE}\n\n{BODY}")
    assert doc.title is not None
    assert (doc.title.kind, doc.title.text) == (BlockKind.TITLE, TITLE)
    assert Document.from_text(BODY).title is None


def test_markdown_heading_span_excludes_the_hashes() -> None:
    text = "# Fees Must Fall\n\nFees deter students."
    title = Document.from_text(text).title
    assert title is not None
    assert (title.span.start, title.span.slice(text)) == (2, TITLE)


# ------------------------------------------------------------------ reading and decoding


def test_utf8_with_bom_is_decoded_without_the_bom() -> None:
    text = f"{TITLE}\n\nFees \u201cdeter\u201d students \u2014 caf\u00e9 owners agree."
    doc = read_document(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert doc.text == text
    assert doc.encoding == "utf-8"


def test_cp1252_bytes_are_detected() -> None:
    text = (f"{TITLE}\n\nFees \u201cdeter\u201d students \u2013 and caf\u00e9 owners agree. "
            "The na\u00efve view says fees are harmless\u2026 It is wrong.\n\n"
            "Students\u2019 debts rise every year, and the r\u00e9gime of fees is to blame.\n")
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_document(data)
    assert doc.text == text


def test_explicit_encoding_is_used() -> None:
    text = f"{TITLE}\n\nCaf\u00e9 owners agree: fees \u2013 all of them \u2013 must fall."
    doc = read_document(text.encode("cp1252"), encoding="cp1252")
    assert (doc.text, doc.encoding) == (text, "cp1252")


@pytest.mark.parametrize(("data", "encoding"), [
    pytest.param(b"Caf\xe9 owners agree.", "utf-8", id="wrong-codec"),
    pytest.param(b"Fees fall.", "no-such-codec", id="unknown-codec"),
])
def test_undecodable_input_is_an_input_error(data: bytes, encoding: str) -> None:
    with pytest.raises(InputError, match="decode"):
        read_document(data, encoding=encoding)


def test_read_document_reads_paths(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    for source in (path, str(path)):
        doc = read_document(source)
        assert doc.source == str(path)
        assert blocks(doc) == [("title", TITLE), ("paragraph", BODY)]


@pytest.mark.parametrize(("make", "error", "message"), [
    pytest.param(lambda p: p / "missing.txt", InputError, "no such file", id="missing"),
    pytest.param(lambda p: p, InputError, "directory", id="directory"),
    pytest.param(lambda p: (p / "e.txt", (p / "e.txt").write_bytes(b""))[0],
                 EmptyInputError, "empty", id="empty-file"),
    pytest.param(lambda p: (p / "w.txt", (p / "w.txt").write_bytes(b" \n\t\r\n"))[0],
                 EmptyInputError, "only white space", id="whitespace-file"),
    pytest.param(lambda p: (p / "b.bin", (p / "b.bin").write_bytes(b"PK\x03\x04\x00\x00ab"))[0],
                 InputError, "binary", id="binary-file"),
])
def test_unreadable_paths(tmp_path: Path, make, error: type[Exception], message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message):
        read_document(make(tmp_path))


def test_a_one_line_string_that_is_no_file_is_text() -> None:
    doc = read_document("Fees deter students. They must fall.")
    assert doc.source is None
    assert blocks(doc) == [("paragraph", "Fees deter students. They must fall.")]
