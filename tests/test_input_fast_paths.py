"""Fast paths of ingest and the sentence splitter equal the slow code they replace.

Each slow reference below is the code these functions had before they were made fast
(a regex search over the whole line, a word list, a per-character loop): the fast path
must agree with it on every input, so that maps stay byte-identical.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap import ingest, segment
from argmap.grammar import load_grammar
from argmap.model import Span

PROPERTY = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _soup(*pieces: str, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text made of the given pieces: the characters and words a fast path keys on."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


LINE_PIECES = (" ", "  ", "   ", "\t", "\u00a0", "\u3000", "\n", "a", "Fees", "rose", "x",
               ".", "!", "?", ":", ";", ",", "…", "。", "：", "'", '"', "”", "’", ")", "]",
               "」", "』", "）", "|", "»", "›", ">", "•", "·", "/", "[", "(", "0", "7", "12",
               "2020", "-", "٣", "Jan", "May", "March", "Sept", "Mayor", "é", "Привет", "中文",
               "_", "#", "1.", "* ")


# ------------------------------------------------------------------ ingest: line checks

#: The line-end regex ``_ends_with_stop`` replaces.
_END_PUNCT = re.compile(r"[.!?:;,…。！？；：]['\"”’)\]」』）]*$")


@pytest.mark.parametrize(("text", "expected"), [
    ("Fees rose.", True), ("Fees rose", False), ("Why?", True), ('He said "no."', True),
    ("(see above.)", True), ("Fees rose.\n", True), ("Fees rose.\n\n", False), ("", False),
    ('"', False), ("费用上涨。", True), ("Fees rose.x", False), ("Tags:", True),
])
def test_ends_with_stop_table(text: str, expected: bool) -> None:
    assert ingest._ends_with_stop(text) is expected
    assert (_END_PUNCT.search(text) is not None) is expected


@PROPERTY
@given(_soup(*LINE_PIECES))
def test_ends_with_stop_equals_the_regex(text: str) -> None:
    assert ingest._ends_with_stop(text) == (_END_PUNCT.search(text) is not None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Posted 2020-01-02", True), ("Jan 5, 2020", True), ("Jan. 5, 2020", True),
    ("January 5 2020", True), ("Septembre 5, 2020", True), ("5 March 2021", True),
    ("at 12:30", True), ("on 1/2/2020", True), ("Mayor 5, 2020", True),  # [a-z]*
    ("12020-01-02", False), ("page 7", False), ("no digits at all", False),
    ("x Jan 5, 2020", True), ("xJan 5, 2020", False), ("٣:٣٣", True),
])
def test_has_date_table(text: str, expected: bool) -> None:
    assert ingest._has_date(text) is expected
    assert (ingest._DATE.search(text) is not None) is expected


@PROPERTY
@given(_soup(" ", ".", ",", "-", "/", ":", "0", "1", "2", "12", "2020", "x", "a", "Jan",
             "May", "Dec", "Mayor", "Sep", "ember", "٣", "_", "\n", max_size=30))
@example("Jan.  5, 2020 Jan 5, 2020")
def test_has_date_equals_a_search_of_the_whole_line(text: str) -> None:
    assert ingest._has_date(text) == (ingest._DATE.search(text) is not None)
    plain = re.compile(ingest._DATE.pattern.removeprefix(r"(?=[\dJFMASOND])"))
    assert plain.pattern != ingest._DATE.pattern
    assert [m.span() for m in ingest._DATE.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]


@PROPERTY
@given(_soup("a", "b", " ", "  ", "   ", "\t", "\u00a0", "\u3000", "\n", ".", max_size=30))
def test_has_columns_equals_the_regex(text: str) -> None:
    assert ingest._has_columns(text) == (ingest._COLUMNS.search(text) is not None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Home | News", True), ("[Home | News]", True), ("Home » World", True),
    ("and/or", False), ("a / b", True), ("[note] |", False), ("[Home|", True), ("plain", False),
])
def test_separated_table(text: str, expected: bool) -> None:
    assert ingest._separated(text) is expected
    assert (ingest._SEPARATORS.search(text) is not None) is expected


@PROPERTY
@given(_soup("a", "Home", " ", "\n", "[", "]", "|", "»", "›", ">", "•", "·", "/", "x"),
       st.sets(st.sampled_from(ingest._SEPARATOR_CHARS)))
def test_separated_equals_the_regex(text: str, page_chars: set[str]) -> None:
    """``separators`` may leave out the characters the page (and so the line) lacks."""
    expected = ingest._SEPARATORS.search(text) is not None
    assert ingest._separated(text) == expected
    present = "".join(c for c in ingest._SEPARATOR_CHARS if c in text or c in page_chars)
    assert ingest._separated(text, present) == expected


@PROPERTY
@given(_soup("a", "word", "_", "é", "٣", " ", "-", ".", "'", "\n", "中文", max_size=30))
def test_more_words_equals_a_word_count(text: str) -> None:
    count = len(re.findall(r"\w+", text))
    for n, pattern in ingest._MORE_WORDS.items():
        assert (pattern.match(text) is not None) == (count > n)


# ------------------------------------------------------------------ ingest: scripts, lines


def _slow_scripts(text: str) -> Counter[str]:
    """Letters per script, character by character (the code before the fast path)."""
    latin = len(text.encode("ascii", "ignore").translate(None, ingest._ASCII_NON_LETTERS))
    counts = Counter(ingest._script(ch) for ch in re.sub(r"[\x00-\x7f]+", "", text)
                     if ch.isalpha())
    if latin:
        counts["LATIN"] += latin
    return counts


SCRIPT_PIECES = ("a", "Fees", " ", ".", "é", "ß", "Привет", "мир", "中文", "عربى", "ǅ", "ﬁ",
                 "①", "½", "😀", "\u0301", "Ω", "ı", "7")


@PROPERTY
@given(_soup(*SCRIPT_PIECES))
@example("Привет a 中文")
def test_scripts_equal_the_per_character_count_in_order(text: str) -> None:
    """Same counts, and the same order of scripts: ``most_common`` breaks ties by it."""
    fast, slow = ingest._scripts(text), _slow_scripts(text)
    assert list(fast.items()) == list(slow.items())


@PROPERTY
@given(_soup(*SCRIPT_PIECES), st.sampled_from(["LATIN", "CYRILLIC", "CJK", "ARABIC"]))
def test_foreign_equals_the_script_share(text: str, body: str) -> None:
    letters = _slow_scripts(text)
    total = sum(letters.values())
    assert ingest._foreign(text, body) == (bool(total) and letters.get(body, 0) / total < 0.5)


#: Pieces where the "e" shortcut of ``_latin_majority`` decides, or nearly: "e"s
#: against non-ASCII letters and other characters, and a lone surrogate.
MAJORITY_PIECES = (*SCRIPT_PIECES, "e", "ee", "e e", "Привет", "中文", "’", "—", "\ud800",
                   "\U0001d400", "ſ")


@PROPERTY
@given(_soup(*MAJORITY_PIECES))
@example("")
@example("eé")
@example("ee中文")
@example("e\ud800")
def test_body_script_is_the_most_common_script(text: str) -> None:
    slow = _slow_scripts(text)
    assert ingest._body_script(text) == (slow.most_common(1)[0][0] if slow else "LATIN")


@PROPERTY
@given(_soup(*MAJORITY_PIECES), st.sampled_from(["LATIN", "CYRILLIC", "CJK"]))
@example("eeé中", "LATIN")
@example("e中", "LATIN")
def test_foreign_with_the_latin_shortcut_equals_the_script_share(text: str, body: str,
                                                                 ) -> None:
    letters = _slow_scripts(text)
    total = sum(letters.values())
    assert ingest._foreign(text, body) == (bool(total) and letters.get(body, 0) / total < 0.5)


@pytest.mark.parametrize(("text", "expected"), [
    ("", False), ("e", True), ("eé", False), ("eeé", True), ("ee中", False), ("eee中", True),
    ("Привет", False), ("e\ud800", False), ("eeee\ud800", True), ("xyz", False),
])
def test_latin_majority_table(text: str, expected: bool) -> None:
    assert ingest._latin_majority(text) is expected


def _slow_lines(text: str) -> list[tuple[int, int, str, bool, bool]]:
    """The lines as the regex-based splitter found them."""
    out = []
    blank = True
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        raw = m.group()
        if not raw:
            break
        content = raw.strip().strip(ingest._INVISIBLE).strip()
        if not content:
            blank = True
            continue
        lead = raw.index(content)
        out.append((m.start() + lead, m.start() + lead + len(content), content,
                    lead > 0, blank))
        blank = False
    return out


@pytest.mark.parametrize("text", [
    "", "a", "a\n", "a\r\nb", "a\rb", "a\r\r\nb", "\n\n  a  \n\tb\n", " \u200b a\u200b \r\n",
    "a\n\r\n\rb", "\ufeffTitle\n\nBody.", "x\u2028y\nz",
    # found by Hypothesis: the content is the middle zero-width space, found first at 0
    "\u200b\u2028\u200b\u2028\u200b",
])
def test_lines_table(text: str) -> None:
    fast = [tuple(line) for line in ingest._lines(text)]
    assert fast == _slow_lines(text)


@PROPERTY
@given(_soup("a", "Fees.", " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u200b", "\ufeff",
             "\u3000", "\u2028", "\x0b", "\x85", "#", max_size=30))
def test_lines_equal_the_regex_splitter(text: str) -> None:
    fast = [tuple(line) for line in ingest._lines(text)]
    assert fast == _slow_lines(text)
    for line in ingest._lines(text):
        assert line.span.slice(text) == line.text


# ------------------------------------------------------------------ sentence splitter

#: The candidate regex before its first character became one class.
_SLOW_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]+[\"'”’»)\]*_]*(?=\s|$)"
    r"|\.(?=[A-Z][a-z])"
    r"|[。！？]+[」』”’）)]*"
)

STOP_PIECES = (".", ".", "!", "?", "…", "。", "！", "？", "」", "』", "”", "’", "）", ")", '"',
               "'", "»", "]", "*", "_", " ", "\n", "\t", "A", "Ab", "a", "x", "Z", "é")


@PROPERTY
@given(_soup(*STOP_PIECES), st.integers(0, 40), st.integers(0, 40))
@example("Fees.Therefore x", 0, 99)
@example("a..b. ……x Fees.*****x", 0, 99)
def test_candidate_regex_equals_the_slow_one(text: str, pos: int, endpos: int) -> None:
    """Same matches, also within a window (lookbehinds see before ``pos``)."""
    pos, endpos = min(pos, len(text)), min(max(pos, endpos), len(text))
    fast = [(m.span(), m.group()) for m in segment._CANDIDATE.finditer(text, pos, endpos)]
    slow = [(m.span(), m.group()) for m in _SLOW_CANDIDATE.finditer(text, pos, endpos)]
    assert fast == slow


@PROPERTY
@given(_soup(*STOP_PIECES, max_size=6),
       _soup(*(p for p in STOP_PIECES if p not in segment._OTHER_STOPS), "Fees", "old.The",
             "“", "(", max_size=30),
       _soup(*STOP_PIECES, max_size=6))
@example("!", ". x", "")
@example("…", ".. x. Ab", "?")
@example("", "Fees.Therefore x", "!")
def test_full_stop_candidate_equals_the_candidate_without_other_stops(
        before: str, window: str, after: str) -> None:
    """In a window without ``_OTHER_STOPS`` (they may stand just outside it), the same
    matches, with the same groups."""
    text = before + window + after
    pos, endpos = len(before), len(before) + len(window)
    fast = [(m.span(), m.groups()) for m in
            segment._FULL_STOP_CANDIDATE.finditer(text, pos, endpos)]
    slow = [(m.span(), m.groups()) for m in segment._CANDIDATE.finditer(text, pos, endpos)]
    assert fast == slow


@PROPERTY
@given(_soup("U", "S", ".", "e", "g", "Dr", "the", " ", "  ", "'", "’", "-", "(", "\n", "7",
             "é", max_size=20))
def test_previous_word_from_the_last_space_equals_a_search_of_the_window(text: str) -> None:
    """``_boundary`` searches the word before a stop only after the window's last space."""
    stop = len(text)
    for start in range(len(text) + 1):
        window = max(start, stop - 48)
        slow = segment._PREV_WORD.search(text[window:stop])
        fast = segment._PREV_WORD.search(
            text, max(window, text.rfind(" ", window, stop) + 1), stop)
        assert (slow and slow.group(1)) == (fast and fast.group(1))


def _slow_protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``_protected`` as written before it looked for the first quote or bracket: the
    same reading from the span's start."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            if straight is None and (i == start or text[i - 1] in segment._OPENS_QUOTE):
                straight = i
            elif straight is not None and (i + 1 == end
                                           or text[i + 1] in segment._CLOSES_QUOTE):
                regions.append((straight, i))
                straight = None
        elif ch in segment._OPEN_CLOSE:
            stack.append((segment._OPEN_CLOSE[ch], i))
        elif stack and ch == stack[-1][0]:
            regions.append((stack.pop()[1], i))
        elif ch in "”»)]" and stack:
            stack.clear()
    return regions


@PROPERTY
@given(_soup('"', "“", "”", "«", "»", "(", ")", "[", "]", "„", " ", "a", ".", "-", "\n",
             max_size=30), st.integers(0, 30), st.integers(0, 30))
@example('"a" (b) "', 0, 99)
@example('x "a"', 2, 99)
def test_protected_equals_a_scan_of_every_character(text: str, pos: int, endpos: int,
                                                    ) -> None:
    pos, endpos = min(pos, len(text)), min(max(pos, endpos), len(text))
    assert segment._protected(text, pos, endpos) == _slow_protected(text, pos, endpos)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
       st.integers(0, 31), st.integers(0, 31))
def test_inside_equals_a_scan_of_every_region(pairs: list[tuple[int, int]], start: int,
                                              end: int) -> None:
    regions = sorted((min(a, b), max(a, b)) for a, b in pairs)
    opens = [a for a, _ in regions]
    reach = list(itertools.accumulate((b for _, b in regions), max))
    expected = any(a < start and end <= b for a, b in regions)
    assert segment._inside(opens, reach, start, end) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the grammar is asked for a marker only where it decides; these are those places
    ("It failed.However, we tried.", ["It failed.", "However, we tried."]),
    ("It is old.Therefore it goes.", ["It is old.", "Therefore it goes."]),
    ("Version 2.Beta is out.", ["Version 2.Beta is out."]),
    ("It is bad. however, it stays.", ["It is bad.", "however, it stays."]),
    ("It is bad. it stays.", ["It is bad. it stays."]),
    ("It may work... or it might not.", ["It may work... or it might not."]),
    ("It may work... however, it might not.", ["It may work... however, it might not."]),
    ("We chose Plan B. It costs less.", ["We chose Plan B.", "It costs less."]),
    ("We chose Plan B. Therefore we saved.", ["We chose Plan B.", "Therefore we saved."]),
    ("We chose Plan B. Costs fell.", ["We chose Plan B.", "Costs fell."]),
    ("We met John F. Kennedy there.", ["We met John F. Kennedy there."]),
    ("It grew in the U.S. However, wages fell.", ["It grew in the U.S.", "However, wages fell."]),
    ("See no. 7 and Dr. Okafor.", ["See no. 7 and Dr. Okafor."]),
    ("1. Cut fees now.", ["1. Cut fees now."]),
])
def test_split_sentences_where_markers_decide(text: str, expected: list[str]) -> None:
    spans = segment.split_sentences(text, Span(0, len(text)), load_grammar())
    assert [s.slice(text) for s in spans] == expected


# ------------------------------------------------------------------ unit ids


@PROPERTY
@given(_soup("Fees", "rose", " ", ".", "ﬁ", "ß", "İ", "é", "e\u0301", "_", "٣", "中文", "-",
             "\n", max_size=12))
def test_unit_id_spells_the_first_two_words(text: str) -> None:
    norm = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", norm)[:2]
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=2).hexdigest()
    assert segment.unit_id(text, {}) == "u-" + "-".join([*words, digest])
