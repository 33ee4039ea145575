"""Front and back matter: bylines, credits, imprints, contents, index and errata lines, a
letter's salutation and signature, and a contributor note at the tail."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

__all__ = ["FURNITURE_KINDS", "contributor_note", "furniture", "index_entry"]

#: The boilerplate kinds this module gives, in the order of the terminals that find them.
FURNITURE_KINDS = ("byline", "credit", "imprint", "also-by", "errata", "end-of-text",
                   "index", "contents", "table", "salutation", "signature", "contributor")
#: Most lines of a letter's signature under its close, or at its tail after a salutation.
SIGNATURE_LINES = 3
#: Most lines a contributor note at the tail may be wrapped over (plain text).
CONTRIBUTOR_LINES = 3
#: Longest contributor note (characters).
CONTRIBUTOR_CHARS = 400
#: Lines this close to either end of the text are at its head or tail.
EDGE_LINES = 5
#: Longest line (characters) tried against the index and byline patterns.
MAX_CHARS = 2000
#: Longest line (characters) read as one index entry whose heading may hold commas.
SHORT_ENTRY = 150
#: How many lines that are no index entry may stand between two that are, in an index.
INDEX_GAP = 2
#: Fewest index entries in a run at the tail with no "Index" line above it.
INDEX_RUN = 3
#: Longest contents run after a "Contents" line (lines).
CONTENTS_MAX = 200

#: A line that only holds a note in brackets ("[Illustration]") or an asterism.
_ORNAMENT = re.compile(r"\[[^\]]*\]|[*\s.]+")


#: What only a publisher's line has beside a firm word ("Limited", "Publishers"):
#: a partner ("&", "and", "Sons"), a company abbreviation, a place, or a verb of printing.
_FIRM_MARK = re.compile(
    r"&|\b(?:and|Sons|SONS|Co|CO|Ltd|LTD|Inc|INC|Press|PRESS)\b|[:,]\s*\d{4}\b"
    r"|(?i:\b(?:printed|published|reprinted|made)\s+(?:in|by|at|for)\b)|^[A-Z][A-Za-z]+\s*[:.,]")


def _firm_like(text: str) -> bool:
    """Whether a line the IMPRINT cue matches reads as a publisher's line, not a title
    in headline style that happens to hold a firm word ("Why Homework Should Be Limited",
    "Why Publishers Fail"): it is in capitals ("THE BODLEY HEAD LTD"), or it has a mark
    that only a firm's line has (:data:`_FIRM_MARK`: "George Allen & Unwin", "Macmillan
    and Co., Limited", "London: …", "Printed in Great Britain")."""
    return text.isupper() or _FIRM_MARK.search(text) is not None


def furniture(texts: Sequence[str], heading_like: Sequence[bool],
              kinds: Sequence[str | None], cues: Mapping[str, re.Pattern[str]],
              ) -> list[str | None]:
    """The boilerplate kind of each line, with front and back matter found.

    Args:
        texts: the page's non-blank lines, stripped, in text order.
        heading_like: for each line, whether it is short and unpunctuated enough to be a
            title or a heading.
        kinds: for each line, its boilerplate kind from the line alone, or ``None``.
        cues: the compiled terminals of ``grammars/boilerplate.lark``.

    Returns:
        ``kinds`` with furniture kinds (:data:`FURNITURE_KINDS`) given or put in place
        of a weaker kind (a byline with a date is a ``byline``, not ``meta``; one with
        "| Reuters" not ``navigation``).

    The cues and where they apply follow the parts of a book (Chicago Manual of Style,
    17th ed., 1.4, 1.18, 1.21, 1.40, 1.72, 16.6–16.9) and of a news page (AP
    Stylebook, "byline", "credit"); see the header of ``grammars/boilerplate.lark``.

    Examples:
        >>> from argmap.ingest import _cues
        >>> lines = ["Fees Must Fall", "By Jane Doe", "Fees deter students."]
        >>> furniture(lines, [True, True, False], [None] * 3, _cues())
        [None, 'byline', None]
    """
    out = list(kinds)
    n = len(texts)
    # each line without the underscores of italics and outer stars ("_by_"); inline, as a
    # call per line costs more than the rest of the pass on prose
    plain = [(t.replace("_", "") if "_" in t else t).strip(" *") if len(t) <= MAX_CHARS
             else "" for t in texts]
    #: the lines short enough to head contents or an index
    short = [i for i, t in enumerate(plain) if 0 < len(t) < 40]
    #: the lines that may be furniture: short ones, and long ones that start or end as
    #: the cues for lines anywhere must (``_ends_in_locator``, inline)
    maybe = [i for i, t in enumerate(plain) if t and (
        len(t) <= 300 or t[0] in _ANYWHERE_FIRST or t[0].isspace()
        or (c := t[-2 if t[-1] == "." else -1]) in _CELL_END or c.isdecimal())]

    def placed(i: int) -> bool:
        # at the head or tail, or right under a short line or other furniture
        if i < EDGE_LINES or i >= n - EDGE_LINES:
            return True
        j = i - 1
        while j > 0 and _ORNAMENT.fullmatch(texts[j]):
            j -= 1
        return heading_like[j] or out[j] is not None

    last_byline = -2
    for i in maybe:
        text = plain[i]
        first = text[0]  # the cues for lines anywhere start so (a cheap test first)
        if (first in "*eE" or first.isspace()) and cues["END_OF_TEXT"].fullmatch(text):
            out[i] = "end-of-text"
        elif first in "pP" and cues["ERRATUM"].fullmatch(text):
            out[i] = "errata"
        elif _ends_in_locator(text) and ("...." in text or ". . . ." in text) \
                and cues["LEADERS"].fullmatch(text):
            out[i] = "contents" if cues["CONTENTS_ENTRY"].match(text) else "table"
        elif len(text) > 300 or not placed(i):
            continue
        elif first in "aAoObB" and cues["ALSO_BY"].fullmatch(text):
            out[i] = "also-by"
            for j in range(i + 1, n):  # the titles listed under it
                if not heading_like[j] or out[j] is not None:
                    break
                out[j] = "also-by"
        elif first in _BYLINE_FIRST and cues["BYLINE"].fullmatch(text) and (_named(text) or (
                i + 1 < n and cues["CREDIT"].fullmatch(plain[i + 1]) is not None)):
            out[i] = "byline"  # "By Plato" above "Translated by …" names someone
            last_byline = i
        elif last_byline == i - 1 and (heading_like[i] or len(text.split()) <= 8) and (
                plain[i - 1].lower().strip(" :") == "by" or cues["AFFILIATION"].fullmatch(text)):
            out[i] = "byline"  # the name under a bare "BY", or the author's standing
            last_byline = i
        elif cues["CREDIT"].fullmatch(text):
            out[i] = "credit"
        elif cues["IMPRINT"].fullmatch(text) and _firm_like(text):
            out[i] = "imprint"
    for i in range(1, n - 1) if "byline" in out or "table" in out else ():
        if out[i] is None and heading_like[i] and out[i - 1] == "byline" \
                and out[i + 1] == "imprint":
            out[i] = "imprint"  # "JOHN LANE" between the author and the publisher
        elif out[i] == "table" and out[i - 1] is None and heading_like[i - 1] \
                and len(plain[i - 1].split()) <= 2:
            out[i - 1] = "table"  # the header of a column ("Feet")
    _letter(plain, heading_like, out, cues)
    _contributor(plain, out, cues)
    _contents(plain, short, heading_like, out, cues)
    _index(plain, short, out, cues)
    headed = any(kind in out for kind in _HEADED)
    # the line that heads a run of contents, index or errata
    for i in range(n - 1) if headed else ():
        below = out[i + 1]
        if out[i] is None and below in _HEADED and len(plain[i]) < 40 and \
                cues[_HEADED[below]].fullmatch(plain[i]):
            out[i] = below
    return out


#: The first letters of ``BYLINE`` (and what they match ignoring case: "ı", "İ", "ſ").
_BYLINE_FIRST = frozenset("wpustriaebWPUSTRIAEBıİſ")
#: What a line of dot leaders ends in, before an optional full stop (``_CELL``).
_CELL_END = frozenset("0123456789,IVXLCivxlc")
#: The first characters of ``END_OF_TEXT`` and ``ERRATUM`` lines (after outer spaces).
_ANYWHERE_FIRST = frozenset("*eEpP")


def _letter(plain: Sequence[str], heading_like: Sequence[bool], out: list[str | None],
            cues: Mapping[str, re.Pattern[str]]) -> None:
    """Mark a letter's salutation ("To the Editor:", "Dear Sir,", "Sir,") at the head, and its
    close ("Yours sincerely,") with the signature lines under it at the tail, as
    ``salutation`` and ``signature``. After a salutation, the short lines of capitalised
    words that end the letter ("Jane Hollis" / "Riverside") are its signature though
    no close stands above them."""
    n = len(plain)
    greeted = False
    for i in range(min(EDGE_LINES, n)):
        if out[i] is None and plain[i] and plain[i][0] in "tTdDsSmMgG" and \
                cues["SALUTATION"].fullmatch(plain[i]):
            out[i] = "salutation"
            greeted = True
            break
    tail = range(max(0, n - SIGNATURE_LINES - 1), n)
    close = next((i for i in tail if out[i] is None and cues["VALEDICTION"].fullmatch(plain[i])),
                 None)
    if close is not None:
        out[close] = "signature"
    if close is None and not greeted:
        return
    start = close + 1 if close is not None else n - SIGNATURE_LINES
    for i in range(max(start, 0), n):
        words = plain[i].split()
        if out[i] is None and heading_like[i] and 0 < len(words) <= 4 and \
                all(w[0].isupper() for w in words):
            out[i] = "signature"


def contributor_note(texts: Sequence[str], cues: Mapping[str, re.Pattern[str]]) -> int | None:
    """The index of the first of ``texts`` (paragraphs in text order, each one line)
    that the contributor note at their tail starts at, or ``None``: the tail test of
    :func:`furniture` for input read by blocks (Markdown), each text without its outer
    emphasis ("*Dr Amir Shah is a paediatrician in Leeds.*").

    Example:
        >>> from argmap.ingest import _cues
        >>> contributor_note(["Fees must fall.", "*Jo Roe is a nurse in Leeds.*"], _cues())
        1
    """
    plain = [(t.replace("_", "") if "_" in t else t).strip(" *") for t in texts]
    out: list[str | None] = [None] * len(plain)
    _contributor(plain, out, cues)
    return out.index("contributor") if "contributor" in out else None


def _contributor(plain: Sequence[str], out: list[str | None],
                 cues: Mapping[str, re.Pattern[str]]) -> None:
    """Mark the contributor note that ends an op-ed or a guest post ("Jane Hollis is a
    professor of planning at Riverside University.", the tagline of the AP Stylebook)
    as ``contributor``: the text's last line that is no other furniture, or its last
    few lines wrapped (at most :data:`CONTRIBUTOR_LINES`, :data:`CONTRIBUTOR_CHARS`
    characters; each but the last ends inside a sentence), when the ``CONTRIBUTOR`` cue
    matches them whole and some line of the text stands before them."""
    last = len(plain) - 1
    while last >= 0 and (out[last] is not None or not plain[last]):
        last -= 1
    text = ""
    for first in range(last, max(last - CONTRIBUTOR_LINES, 0), -1):  # none at line 0
        if out[first] is not None or not plain[first] or (text and plain[first][-1] in ".!?:"):
            return  # furniture, a line too long, or a line that ends a sentence: no note
        text = f"{plain[first]} {text}" if text else plain[first]
        if len(text) > CONTRIBUTOR_CHARS:
            return
        if (plain[first][:1].isupper() or plain[first][:1] in "—–") and \
                cues["CONTRIBUTOR"].fullmatch(text):
            for i in range(first, last + 1):
                out[i] = "contributor"
            return


def _ends_in_locator(text: str) -> bool:
    """Whether ``text`` ends as a ``LEADERS`` line must, in a page number maybe followed by
    a full stop: a test of one or two characters that most prose lines fail."""
    last = text[-2] if text[-1] == "." and len(text) > 1 else text[-1]
    return last in _CELL_END or last.isdecimal()


#: Kinds of lines that a heading line of their own may head, and its terminal.
_HEADED = {"contents": "CONTENTS_HEADING", "index": "INDEX_HEADING",
           "errata": "ERRATA_HEADING"}


#: A name of one word that can stand alone in a byline: an agency's initials ("AFP").
_INITIALS = re.compile(r"[A-Z]{2,}")
_SMALL = frozenset({"&", "and", "the", "of", "de", "du", "da", "van", "von", "der", "den",
                    "la", "le", "by", "with", "at", "for"})


def _named(text: str) -> bool:
    """Whether a byline line names no one ("BY"), an agency ("By AFP") or at least two
    words of a name ("By Jane Doe"): "By Design" is a heading's wordplay, not a byline."""
    words = [w for w in re.split(r"[\s,;|/·•–—-]+", text) if w]
    by = next((k for k, w in enumerate(words) if w.lower().rstrip(":") == "by"), len(words))
    names = [w for w in words[by + 1:] if w.lower() not in _SMALL]
    return not names or len(names) >= 2 or bool(_INITIALS.fullmatch(names[0]))


def _contents(plain: Sequence[str], short_lines: Sequence[int],
              heading_like: Sequence[bool], out: list[str | None],
              cues: Mapping[str, re.Pattern[str]]) -> None:
    """Mark the lines listed under a "Contents" line (Chicago Manual of Style 1.40).

    A list with page numbers holds the lines up to its last numbered one; a list without
    holds the short lines up to the first longer one, less the last if prose follows it
    right away (that is the body's first heading), and stops where an entry comes again.
    """
    n = len(plain)

    def short(j: int) -> bool:  # heading-like, also in underscores ("_Chap._ _Page_")
        return heading_like[j] or (0 < len(plain[j].split()) <= 12
                                   and plain[j][-1] not in ".!?;:,")

    for i in short_lines:  # "Contents" lines are shorter still
        text = plain[i]
        if not (len(text) < 30 and cues["CONTENTS_HEADING"].fullmatch(text)):
            continue
        run: list[int] = []
        numbered = -1
        for j in range(i + 1, min(n, i + 1 + CONTENTS_MAX)):
            line = plain[j]
            if out[j] is not None:
                if out[j] == "contents":
                    run.append(j)
                    numbered = j
                    continue
                break
            if run and line.lower() == plain[run[0]].lower():
                break
            if line and cues["CONTENTS_ENTRY"].fullmatch(line):
                numbered = j
            elif numbered >= 0 or not short(j):
                break
            run.append(j)
        if numbered >= 0:
            run = [j for j in run if j <= numbered]
        elif run and run[-1] + 1 < n and not short(run[-1] + 1) \
                and out[run[-1] + 1] is None and plain[run[-1] + 1][:1].isalpha():
            run.pop()
        for j in run:
            out[j] = "contents"


def _index(plain: Sequence[str], short_lines: Sequence[int], out: list[str | None],
           cues: Mapping[str, re.Pattern[str]]) -> None:
    """Mark index entries (Chicago Manual of Style 16.6–16.9): the entries under an
    "Index" line, up to ``INDEX_GAP`` other lines between two of them, and a run of
    ``INDEX_RUN`` or more at the tail of the text."""
    def is_entry(j: int) -> bool:
        text = plain[j]
        return "," in text and index_entry(text, several=len(text) > SHORT_ENTRY)

    n = len(plain)
    after = 0  # the first line after the last run under an "Index" line
    for i in short_lines:
        if i < after:
            continue
        if out[i] is None and cues["INDEX_HEADING"].fullmatch(plain[i]):
            gap = 0
            j = i + 1
            while j < n and gap <= INDEX_GAP:
                if out[j] is None and is_entry(j):
                    out[j] = "index"
                    gap = 0
                elif out[j] is None:
                    gap += 1
                j += 1
            after = j
    # a run at the tail, under furniture at most
    j = n - 1
    while j >= 0 and out[j] is not None and out[j] != "index":
        j -= 1
    run: list[int] = []
    while j >= 0 and out[j] is None and is_entry(j):
        run.append(j)
        j -= 1
    if len(run) >= INDEX_RUN:
        for j in run:
            out[j] = "index"


#: A comma not followed by what starts a locator (a digit or a roman numeral's letter).
_BAD_COMMA = re.compile(r",(?!\s*[\divxlc])")
_ROMAN = "ivxlc"
_DASHES = "-\u2013"


def index_entry(text: str, several: bool = False) -> bool:
    """Whether ``text`` is, as a whole, an index entry: the ``INDEX_ENTRY`` terminal of
    ``grammars/boilerplate.lark`` (one entry, whose heading may hold commas), or with
    ``several`` its ``INDEX_ENTRIES`` (entries whose headings hold no commas, one after
    another); Chicago Manual of Style, 17th ed., 16.6-16.9.

    The same language as ``cues[...].fullmatch(text) is not None``, but found in time
    linear in ``len(text)`` (times the longest heading, 81 characters): a backtracking
    regex tries every way of cutting a line into headings and locators (a locator may be
    "i" or "civil"), which takes seconds on a prose line of 100 characters. This walks
    the positions left to right, keeping the set of those where a run of locators can
    end (tests/test_ingest.py checks the two agree on many lines).
    """
    n = len(text)
    if "," not in text:
        return False
    # every comma outside a heading is followed by a locator: a cheap test that most
    # prose fails (", and")
    if _BAD_COMMA.search(text, text.rfind(",") if not several else 0) is not None:
        return False
    if not several and _BAD_COMMA.search(text, 81) is not None:
        return False
    done = [False] * (n + 1)  # a run of locators ends right before this position

    def skip_space(k: int) -> int:
        while k < n and text[k].isspace():
            k += 1
        return k

    def locators(r: int) -> None:  # mark the ends of one locator starting at r
        if r >= n:
            return
        c = text[r]
        ok: Callable[[str], bool]
        if c.isdecimal():
            most, ok = 4, str.isdecimal
        elif c in _ROMAN:
            most, ok = 6, _ROMAN.__contains__
        else:
            return
        k = r
        while k < n and k - r < most and ok(text[k]):
            k += 1
            base = k
            ends = [base]
            if base + 1 < n and text[base] in _DASHES and text[base + 1].isdecimal():
                m = base + 1
                while m < n and m - base - 1 < 4 and text[m].isdecimal():
                    m += 1
                    ends.append(m)
            for g in ends:
                done[g] = True
                w = skip_space(g)
                for e in _suffix_ends(text, w):
                    done[e] = True

    def headings(q: int, first_ok: bool, longest: int, commas: bool,
                 comma_needed: bool) -> None:
        if not first_ok:
            return
        for h in range(q + 1, min(n, q + longest) + 1):
            if h > q + 1:
                c = text[h - 1]
                if c in ";:\n" or (c == "," and not commas):
                    break
            if h < n and text[h] == ",":
                locators(skip_space(h + 1))
            elif not comma_needed:
                locators(skip_space(h))

    def word_start(c: str, underscore: bool) -> bool:  # [^\W\d_] or [^\W\d]
        return (c.isalnum() and not c.isdecimal()) or (underscore and c == "_")

    if n:
        headings(0, word_start(text[0], False), 81, not several, True)
    for p in range(1, n + 1):
        if not done[p]:
            continue
        if p == n or (p == n - 1 and text[p] == "."):
            return True
        c = text[p]
        if c == ",":
            locators(skip_space(p + 1))
        q = p + 1 if c in ";:." else p
        w = skip_space(q)
        if w == q or w >= n:
            continue
        # a subentry: "; by description, 214 ff"; the comma before its locators may lack
        headings(w, word_start(text[w], True), 61, False, False)
        if several and c not in ":":  # the next entry: "Kant, 85. Hume, 90"
            headings(w, word_start(text[w], False), 81, False, True)
    return False


def _suffix_ends(text: str, w: int) -> list[int]:
    """Ends of a locator's suffix starting at ``w`` ("ff.", "n.", "et seq.", "passim")."""
    n = len(text)
    out: list[int] = []
    if text.startswith("f", w):
        k = w + 2 if text.startswith("ff", w) else w + 1
        out += [w + 1] + ([w + 2] if k == w + 2 else [])
        out += [e + 1 for e in list(out) if text.startswith(".", e)]
    elif text.startswith("n", w):
        out += [w + 1] + ([w + 2] if text.startswith(".", w + 1) else [])
    elif text.startswith("_n_", w):
        out.append(w + 3)
    elif text.startswith("passim", w):
        out.append(w + 6)
    elif text.startswith("et", w):
        k = w + 2
        while k < n and text[k].isspace():
            k += 1
        if k > w + 2 and text.startswith("seq", k):
            out += [k + 3] + ([k + 4] if text.startswith(".", k + 3) else [])
    return [e for e in out if e <= n]
