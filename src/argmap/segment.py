"""Split a ``Document`` into sentences and clause units (ADUs) with their markers."""

from __future__ import annotations

import bisect
import enum
import functools
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable

import attrs
import lark

from argmap.grammar import Grammar, Hit, Token, grammar_terminals, load_grammar
from argmap.ingest import BlockKind, Document
from argmap.lalr import Plan
from argmap.model import (
    Marker,
    MarkerFunction,
    Section,
    SharedText,
    Span,
    Unit,
    _new_marker,
    _premise_unit,
    _unchecked_span,
)
from argmap.numerals import counts_no_list, label_value, measure

__all__ = ["Segmentation", "segment", "split_sentences", "unit_id"]

#: Hits whose marker opens a new unit inside the sentence, splitting it in two.
_SPLITTING = frozenset({"joiner"})
#: Rules of markers that open a unit and lie before its span.
_OPENERS = frozenset({"opener", "stacked", "subordinate", "while_concession", "ordinal_np",
                      "list_item"})
#: Hits of a sentence-initial subordinate clause: "Since X, Y" -> X | Y.
_LEADING_CLAUSE = frozenset({"subordinate", "while_concession"})


@attrs.frozen
class Segmentation:
    """The units of a document and what they hang in.

    Attributes:
        document: the input.
        units: ADUs in text order (spans ordered, never overlapping).
        sentences: sentence spans in text order.
        sections: one per heading, plus ``lead`` for the text before the first heading.
        links: intra-sentence pairs ``(unit id, other unit id, marker)`` made by a
            clause-joining or subordinating marker: the first unit is the one the marker
            opens.
    """

    document: Document
    units: tuple[Unit, ...]
    sentences: tuple[Span, ...]
    sections: tuple[Section, ...]
    links: tuple[tuple[str, str, Marker], ...] = ()


@functools.lru_cache(maxsize=1)
def _sentence_terminals() -> tuple[lark.lexer.TerminalDef, ...]:
    """The terminals of ``grammars/sentences.lark``."""
    return grammar_terminals("sentences")


@functools.lru_cache(maxsize=1)
def sentence_vocabulary() -> dict[str, re.Pattern[str]]:
    """The word classes of ``grammars/sentences.lark`` as compiled patterns, by terminal."""
    return {
        t.name: re.compile(rf"(?:{t.pattern.value})", re.IGNORECASE)
        for t in _sentence_terminals()
    }


#: What follows the first character of a candidate stop (see ``_CANDIDATE``).
_AFTER_STOP = (
    r"(?:(?<=[.!?…])(?<![.!?…][\s\S])[.!?…]*[\"'”’»)\]*_"
    # zero-width and joining characters, variation selectors and emoji after the stop
    # ("unfair.\u200b However", "unfair.😡 However") hide no boundary
    "\u200b-\u200d\u2060\ufeff\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
    r"]*(?=\s|$)"
    r"|(?<=\.)(?=[A-Z][a-z])"  # missing space: "old.Therefore" (checked below)
    r"|(?<=[。！？])[。！？]*[」』”’）)]*)"  # CJK full stops need no space after them
    # Then, without moving the end, the word after the stop as ``_NEXT_WORD`` reads it
    # from the end of the match (group 2, ``None`` if there is none), and where the white
    # space before it ends (group 1): a lookahead at the end of the pattern cannot change
    # which stops match or where, and the window's end bounds it as it bounds
    # ``_NEXT_WORD.match``.
    r"(?=(\s*)[\"“‘'(\[*_]*([\w'’-]+))?"
)
#: The first character is one class, so ``re`` skips to the next stop without trying
#: the alternatives at every character; each branch then checks that character with a
#: lookbehind. First branch: a run of stops (not inside one: the stop before it is
#: checked), then closing quotes, brackets or emphasis, then space or end; its closers
#: are one class, so it never backtracks more than linearly ("……x", "Fees.*****x").
#: The stops of ``_CANDIDATE``'s first class but the full stop.
_OTHER_STOPS = "!?…。！？"
_CANDIDATE = re.compile(f"[.{re.escape(_OTHER_STOPS)}]" + _AFTER_STOP)
#: ``_CANDIDATE`` for a window without ``_OTHER_STOPS``: there its first character can
#: only be a full stop, and the rest is the same (its lookbehinds, which may look
#: before the window, are unchanged), so it finds the same matches. ``re`` skips to a
#: literal first character several times faster than to one of a class.
_FULL_STOP_CANDIDATE = re.compile(r"\." + _AFTER_STOP)
#: How many characters before a full stop :func:`_boundary` reads for the word there.
_LOOKBACK = 48
_PREV_WORD = re.compile(r"((?:[A-Za-z]\.)+[A-Za-z]?|[\w'’-]+)\.?$")
#: A lower-case list label after a stop, as the LIST_LABEL terminal of
#: ``grammars/markers.lark`` reads it ("(b) ", "[ii] "): it opens a sentence.
_LABEL = re.compile(r"\s*[(\[](?:[a-z]|[ivx]{2,5})[)\]]\s")
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[*_]*([\w'’-]+)")
_SPACE = re.compile(r"\s*")
_OPENS_QUOTE = frozenset(" \t\n\r\u00a0([{—–-")
_CLOSES_QUOTE = frozenset(" \t\n\r\u00a0.,;:!?)]}—–-")
_OPEN_CLOSE = {"“": "”", "«": "»", "(": ")", "[": "]", "„": "“"}
#: Every character :func:`_protected` looks at (the others cannot open or close a
#: region), as a string and as a pattern.
_QUOTES_AND_BRACKETS = '"“”«»()[]„'
_QUOTE_OR_BRACKET = re.compile(f"[{re.escape(_QUOTES_AND_BRACKETS)}]")


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside balanced quotes and brackets, where no sentence may end.

    The scan starts at the first quote or bracket, found with ``str.find`` per
    character (each search stops at the first found so far): in most paragraphs there
    is none, and these searches pass over the text several times faster than the
    pattern's character class does."""
    first = end
    for ch in _QUOTES_AND_BRACKETS:
        i = text.find(ch, start, first)
        if i >= 0:
            first = i
    if first == end:
        return []
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in _QUOTE_OR_BRACKET.finditer(text, first, end):
        i, ch = m.start(), m.group()
        if ch == '"':
            # A straight quote opens after a space or bracket and closes before a space
            # or punctuation; others are inch marks ("a 5" screen").
            if straight is None and (i == start or text[i - 1] in _OPENS_QUOTE):
                straight = i
            elif straight is not None and (i + 1 == end or text[i + 1] in _CLOSES_QUOTE):
                regions.append((straight, i))
                straight = None
        elif ch in _OPEN_CLOSE:
            stack.append((_OPEN_CLOSE[ch], i))
        elif stack and ch == stack[-1][0]:
            regions.append((stack.pop()[1], i))
        elif ch in "”»)]" and stack:
            stack.clear()  # unbalanced: give up protection rather than swallow text
    return regions


def _inside(opens: list[int], reach: list[int], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a region ``(a, b)`` of :func:`_protected`: one
    with ``a < start`` and ``end <= b``. ``opens`` are the regions' starts in ascending
    order and ``reach[k]`` the furthest end among the first ``k + 1``; O(log n)."""
    k = bisect.bisect_left(opens, start)
    return k > 0 and reach[k - 1] >= end


def split_sentences(text: str, span: Span, grammar: Grammar | None = None) -> list[Span]:
    """Split ``span`` of ``text`` into sentence spans (offsets into ``text``).

    Handles abbreviations (``U.S.``, ``Dr.``, ``e.g.``, ``no. 7``), decimals, ellipses
    followed by lower case, quotations and brackets (never split inside), and a missing
    space before a capitalised discourse marker ("old.Therefore").

    Example:
        >>> t = "The U.S. economy grew. However, wages stagnated."
        >>> [s.slice(t) for s in split_sentences(t, Span(0, len(t)))]
        ['The U.S. economy grew.', 'However, wages stagnated.']
    """
    grammar = grammar or load_grammar()
    regions = sorted(_protected(text, span.start, span.end))
    opens = [a for a, _ in regions]
    reach = list(itertools.accumulate((b for _, b in regions), max))
    spans: list[Span] = []
    # The sentence begun at ``start`` runs from ``first``, after the white space that
    # ``_add`` would trim: the span's first other character, then where ``_CANDIDATE``
    # saw the word after the last cut. A match of ``_CANDIDATE`` ends with a stop or a
    # closing mark, so nothing is trimmed at the cut's end either, and a cut sentence
    # holds at least its stop (``\s`` is ``str.isspace``). ``_boundary`` reads ``start``.
    start = span.start
    first = _SPACE.match(text, start, span.end).end()  # type: ignore[union-attr]
    candidate = _FULL_STOP_CANDIDATE
    for ch in _OTHER_STOPS:
        if text.find(ch, span.start, span.end) >= 0:
            candidate = _CANDIDATE
            break
    for m in candidate.finditer(text, span.start, span.end):
        word = m[2]  # the word after the stop (see _CANDIDATE)
        if word is None:
            continue
        stop, end = m.span()
        if opens and _inside(opens, reach, stop, end):
            continue  # inside a quotation or brackets (a closing mark ends the match)
        if not _boundary(text, start, stop, end, word, grammar):
            continue
        spans.append(_unchecked_span(first, end))
        start, first = end, m.end(1)
    _add(text, first, span.end, spans)
    return spans


def _boundary(text: str, start: int, stop: int, at: int, word: str, grammar: Grammar) -> bool:
    """Whether the candidate stop ``text[stop:at]`` (a match of ``_CANDIDATE``) ends the
    sentence begun at ``start``; ``word`` is the word after it. The grammar is asked for
    a marker there only when the answer depends on one."""
    first = text[stop]
    if first in "。！？":
        return True
    if word[0].islower():
        punct = text[stop:at]
        if ".." in punct or "…" in punct or not (_is_marker(text, at, grammar)
                                                  or _LABEL.match(text, at)):
            return False  # "work... or it might not", "e.g. most"; but "bad. however, …",
            # "cheap. (b) It is fast." (a list label: the LIST_LABEL terminal)
    if first != "." or (at - stop > 1 and text[stop + 1] == "."):
        return True
    if at - stop == 1 and at < len(text) and not text[at].isspace():
        # "old.Therefore" but not "2.Beta"
        return word[0].isupper() and _is_marker(text, at, grammar)
    if stop - start <= 5 and text[start:stop].strip().isdigit() \
            and len(text[start:stop].strip()) <= 3:
        return False  # "1. Cut fees", "100. Cut fees": a list number, not a sentence
    window = stop - _LOOKBACK if stop - _LOOKBACK > start else start
    # The word before the stop holds no space: read it from after the last one (``or``:
    # with no space in the window, ``rfind`` gives -1, and the window's start is taken).
    before = _before(text[text.rfind(" ", window, stop) + 1 or window : stop])
    if before is _ENDS:
        return True
    if before is _NEVER_ENDS or (word[0].isdigit() and before in _NUMBERED_ANY):
        return False  # "Dr. Okafor", "e.g. Lyon", "no. 7"
    if before is _ACRONYM or before is _NUMBERED_ACRONYM:
        # "the U.S. Therefore", "Plan B. It costs"; "Option A. Universal …" (a label)
        return sentence_vocabulary()["STARTER"].fullmatch(word) is not None \
            or _is_marker(text, at, grammar) \
            or (word[0].isupper() and _labelled().search(text, window, stop) is not None)
    return True


@functools.lru_cache(maxsize=1)
def _labelled() -> re.Pattern[str]:
    """A single capital that ends the text searched, after a ``LABEL_NOUN`` of
    ``sentences.lark`` ("Option A", "plan B"): a name, not an initial (read only after
    a single capital or an acronym, which few stops follow)."""
    noun = sentence_vocabulary()["LABEL_NOUN"].pattern
    return re.compile(rf"(?<![\w'’-])(?i:{noun})\s+[A-Z]\Z")


class _Before(enum.Enum):
    """What the word before a full stop says about it (see :func:`_before`)."""

    ENDS = "any word after the stop may start a sentence"
    NEVER_ENDS = 'a title or Latin abbreviation: "Dr.", "e.g."'
    NUMBERED = 'an abbreviation before a number: "no. 7"'
    ACRONYM = 'an acronym or a single capital: "U.S.", "Plan B."'
    NUMBERED_ACRONYM = "both of the last two"


_ENDS, _NEVER_ENDS, _NUMBERED, _ACRONYM, _NUMBERED_ACRONYM = _Before
_NUMBERED_ANY = (_NUMBERED, _NUMBERED_ACRONYM)


@functools.lru_cache(maxsize=4096)
def _before(chars: str) -> _Before:
    """What the characters between the last space before a full stop and the stop (at
    most ``_LOOKBACK``, none before the sentence's start) say about it: ``_ENDS`` when
    the word there (``_PREV_WORD``) lets any word after the stop start a sentence, or
    there is none; ``_NEVER_ENDS`` after a title or a Latin abbreviation ("Dr.", "e.g."),
    ``_NUMBERED`` after an abbreviation before a number ("no. 7"), ``_ACRONYM`` after an
    acronym or a single capital ("U.S.", "Plan B."), ``_NUMBERED_ACRONYM`` if both.

    A function of those characters alone (``$`` is the end of the window either way),
    so it is cached: the same few thousand words end most sentences, and the three
    abbreviation patterns cost more than the rest of :func:`_boundary`.
    """
    prev = _PREV_WORD.search(chars)
    if prev is None:
        return _ENDS
    token = prev.group(1)
    abbreviations, longest = _abbreviations()
    m = abbreviations.fullmatch(token) if len(token) <= longest else None
    if m is not None and m.start(1) >= 0:
        return _NEVER_ENDS
    numbered = m is not None
    if "." in token and token.islower() and not numbered:
        return _ENDS  # "9 p.m. Nobody came.": a lower-case initialism may end a sentence
    if "." in token or (len(token) == 1 and token.isupper()):
        return _NUMBERED_ACRONYM if numbered else _ACRONYM
    return _NUMBERED if numbered else _ENDS


@functools.lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern[str], int]:
    """``TITLE`` or ``LATIN`` (then group 1, empty, matches), else ``NUMBERED`` of
    ``sentences.lark``, in one pattern: a full match tries the first two before the
    third, so one call answers what the three patterns would, in order. With it, the
    longest text any of the three matches (Lark's ``max_width``; ignoring case, ``re``
    still matches one character with one): a longer word needs no match."""
    abbr = sentence_vocabulary()
    names = ("TITLE", "LATIN", "NUMBERED")
    longest = max(t.pattern.max_width for t in _sentence_terminals() if t.name in names)
    return re.compile(rf"(?:{abbr['TITLE'].pattern}|{abbr['LATIN'].pattern})()"
                      rf"|{abbr['NUMBERED'].pattern}", re.IGNORECASE), longest


def _is_marker(text: str, at: int, grammar: Grammar) -> bool:
    space = _SPACE.match(text, at)
    terminal = grammar.terminal_at(text, space.end() if space else at)
    info = grammar.info(terminal) if terminal else None
    return info is not None and info.function is not None


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    """Append the span of ``text[start:end]`` without white space at its ends (as
    ``str.strip`` trims it), unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(_unchecked_span(start, end))


def unit_id(text: str, taken: dict[str, int]) -> str:
    """A short id derived from the unit's text, stable under edits elsewhere.

    ``taken`` counts the ids given so far; a repeated text gets ``-2``, ``-3`` ….

    Example:
        >>> taken = {}
        >>> unit_id("Fees rose.", taken), unit_id("Fees rose.", taken)
        ('u-fees-rose-cba1', 'u-fees-rose-cba1-2')
    """
    norm = unicodedata.normalize("NFKC", text).casefold()
    digest = hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=2).hexdigest()
    first = _FIRST_WORDS.search(norm)
    if first is None:
        base = f"u-{digest}"
    else:
        one, two = first.groups()
        base = f"u-{one}-{digest}" if two is None else f"u-{one}-{two}-{digest}"
    n = taken.get(base, 0) + 1
    taken[base] = n
    return base if n == 1 else f"{base}-{n}"


def _slug(text: str) -> str:
    return "-".join(_WORDS.findall(text.casefold())[:6]) or "section"


#: The first word and, if there is one, the second: what :func:`unit_id` spells out
#: (a search that stops there instead of listing every word of the unit).
_FIRST_WORDS = re.compile(r"(\w+)(?:\W+(\w+))?")
_WORDS = re.compile(r"\w+")


def _marker(grammar: Grammar, hit: Hit, token: Token) -> Marker | None:
    info = grammar.info(token.type)
    if info is None:
        return None
    function = info.function
    value = info.value
    if hit.rule == "while_concession":
        function = MarkerFunction.CONCESSION
    elif hit.rule == "final_though":
        function = MarkerFunction.CONTRAST  # "It is unfair, though." = however
    if token.type == "LIST_NUM" or token.type == "LIST_NUM_LONG":
        value = int(str(token).rstrip(".)"))
    elif token.type == "LIST_LABEL":
        value = label_value(token.value)
    if function is None:
        return None
    # Marker(text, span, function, sense, rule, terminal, value), its slots filled
    return _new_marker(
        token.value,  # str(token)
        _unchecked_span(token.start_pos, token.end_pos),
        function,
        "Comparison.Concession" if hit.rule == "while_concession" else info.sense,
        hit.rule,
        token.type,
        value,
    )


#: A plural noun, as far as its letters tell: four letters or more, ending in "s" but
#: not in "ss", "us" or "sis" (singular "analysis", "basis", "crisis").
_PLURAL = re.compile(r"[A-Za-z-]{3,}(?<![su])(?<!si)s\b")
_NONSPACE = re.compile(r"\S+")
#: Closed-class words that end in "s" like a plural noun (adverbs, conjunctions,
#: determiners, pronouns; Quirk et al. 1985 §2.35), "seems", and the auxiliaries and
#: forms of "be" and "have": verbs after a cardinal subject. After a cardinal, such a
#: word shows that the cardinal heads no plural noun phrase ("two always win", "five
#: seems …", "only two are new forms", "two have been Jews", "half-past two this
#: afternoon"): a noun phrase ends before its verb, so the search for the head stops.
_NOT_PLURAL = frozenset({
    "always", "perhaps", "sometimes", "besides", "whereas", "this", "towards",
    "afterwards", "backwards", "forwards", "hers", "ours", "yours", "theirs", "seems",
    "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must"})


_SPACES = re.compile(r"\s+")


def _far_apart(text: str, end: int, start: int) -> bool:
    """Whether more than two characters part a cardinal ending at ``end`` from the head
    starting at ``start`` ("three, reasons" is two apart), a run of white space counting
    as one: the reading must not change with the spacing of a paragraph."""
    return start - end > 2 and len(_SPACES.sub(" ", text[end:start])) > 2


def _announcement(grammar: Grammar, hit: Hit, text: str) -> Marker | None:
    """The announcement marker of a cardinal and a plural noun ("three occasions",
    "four sets of problems"), or ``None`` when the words after the cardinal hold no
    plural head among their first three (or a closed-class word comes first), the
    cardinal is in a number expression ("one in five skipped trips", "two thirds"), or
    the head makes a measure ("eight minutes ago", "three acres")."""
    cardinal = hit.tokens[0]
    head = hit.head
    if head is None or _far_apart(text, cardinal.end_pos or 0, head.start_pos or 0):
        return None
    info = grammar.info(cardinal.type)
    if info is not None and counts_no_list(text, cardinal.start_pos or 0, info.value or 0,
                                           head.start_pos or 0):
        return None
    # the first three words only: the head is the rest of the clause, often long
    words = itertools.islice(_NONSPACE.finditer(str(head)), 3)
    before: str | None = None  # the word between the cardinal and this one
    for w in words:
        word = w.group().rstrip(",.:;")
        if word.lower() in _NOT_PLURAL:
            return None
        if _PLURAL.fullmatch(word):
            end = (head.start_pos or 0) + w.start() + len(word)
            if measure(word, text, end, before):
                return None
            return Marker(
                text=text[cardinal.start_pos : end],
                span=Span(cardinal.start_pos or 0, end),
                function=MarkerFunction.ANNOUNCEMENT,
                sense=info.sense if info else "Expansion.List",
                rule="announcement",
                terminal=cardinal.type,
                value=info.value if info else 0,
            )
        before = word
    return None


def _strip(text: str, a: int, b: int, whole: Span | None = None) -> Span | None:
    """Trim whitespace and separating punctuation from both ends of ``text[a:b]``, and a
    quotation prefix (``>``, of e-mail and Markdown block quotes) from its start.

    ``whole``, the span ``a:b`` itself if the caller has it, is returned when nothing is
    trimmed, rather than an equal new one (a long text's map holds one span fewer per
    sentence that is one unit)."""
    start, end = a, b
    while a < b and (text[a].isspace() or text[a] in ",;:—–->\u200b\u2060\ufeff"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-\u200b\u2060\ufeff"):
        b -= 1
    if a >= b or (not text[a].isalnum() and _ALNUM.search(text, a, b) is None):
        return None
    if whole is not None and a == start and b == end:
        return whole
    return _unchecked_span(a, b)


#: One character that ``str.isalnum`` accepts: a word character but the underscore.
_ALNUM = re.compile(r"[^\W_]")


@functools.lru_cache(maxsize=1)
def _auxiliary_words() -> re.Pattern[str]:
    """Auxiliaries and modals of ``sentences.lark`` as whole words: a match is a maximal
    run of word characters and apostrophes that the AUXILIARY pattern matches in full."""
    auxiliary = sentence_vocabulary()["AUXILIARY"].pattern
    return re.compile(rf"(?<![\w'’]){auxiliary}(?![\w'’])", re.IGNORECASE)


class _Clauses:
    """Per-sentence lookups that let :func:`_corrective` answer in O(log n) per "but",
    so that a sentence of many joined clauses stays linear.

    Read from :meth:`Grammar.scan_types`'s ``types`` and ``bounds`` (two offsets per
    token), not from the tokens: the start of a TEXT token there is that of the gap
    before its words, which orders it among the other tokens as its words' start does.
    """

    _EDGES = frozenset({"COMMA", "SEMI", "SOS", "NEG", "CLITIC_NEG"})

    def __init__(self, text: str, types: list[str], bounds: list[int]) -> None:
        #: the token types, SOS first and EOS last
        self.types = types
        #: start offsets of the tokens, in order
        self.starts = bounds[0::2]
        last = self.starts[-1] if types else 0
        #: where the sentence's EOS token starts: after its last word
        self.last = last
        self.text = text
        #: the start of the last search for an auxiliary, and the first one it found
        #: (see :meth:`auxiliary_between`)
        self._searched_from = self._first_after = -1
        #: index of the nearest clause edge or negation at or before each token, else -1
        self.edge: list[int] = []
        nearest = -1
        for i, kind in enumerate(types):
            if kind in self._EDGES:
                nearest = i
            self.edge.append(nearest)

    def auxiliary_between(self, start: int, end: int) -> bool:
        """Whether an auxiliary (:func:`_auxiliary_words`) starts in ``start:end``, for
        ``start`` after the sentence's start and ``end`` at most :attr:`last`.

        The search runs from ``start`` to :attr:`last` and its answer is kept: the first
        auxiliary at or after ``start`` (:attr:`last` if none), which is also the first
        one at or after any later ``start`` up to it. The "but"s of a sentence ask in
        text order, so each stretch of it is searched at most once, and a sentence of
        many joined clauses stays linear; most ask once, and the search stops at the
        first auxiliary after "but" rather than listing those of the whole sentence.
        An auxiliary is a whole word (its pattern is bounded by non-word lookarounds),
        so matches never overlap: the first one found from ``start`` is the first that
        a scan of the whole sentence finds there.
        """
        if not self._searched_from <= start <= self._first_after:
            m = _auxiliary_words().search(self.text, start, self.last)
            self._searched_from = start
            self._first_after = self.last if m is None else m.start()
        return self._first_after < end


class _SentenceTokens:
    """The tokens of one sentence, made only when asked for.

    ``types`` and ``bounds`` are what :meth:`Grammar.scan_types` returned (``bounds``
    holds two character offsets per token). Most sentences need a few of their tokens
    (those of the hits, the commas after a leading clause, the result adverbs): each is
    made as :meth:`Grammar.tokens` would make it in the whole list.
    """

    def __init__(self, grammar: Grammar, text: str, types: list[str], bounds: list[int],
                 ) -> None:
        self.grammar = grammar
        self.text = text
        self.types = types
        self.bounds = bounds

    def __getitem__(self, n: int) -> Token:
        """The ``n``-th token (``n`` may count from the end, as in a list)."""
        if n < 0:
            n += len(self.types)
        kind, a, b = self.types[n], self.bounds[2 * n], self.bounds[2 * n + 1]
        if kind == "TEXT":  # the bounds hold the white space around its words
            return self.grammar.tokens(self.text, [kind], [a, b])[0]
        # Token(kind, self.text[a:b], a, b), without the Python frame of its __new__
        return _new_tuple(Token, (kind, self.text[a:b], a, b))

    def hits(self, plan: tuple[Plan, ...]) -> list[Hit]:
        """The hits of ``plan`` (as :meth:`Grammar.hits` makes them), from the tokens
        they hold only."""
        token = self.__getitem__
        return [_new_hit(rule, tuple([token(n) for n in picks]),
                         None if head is None else token(head))
                for rule, picks, head in plan]


#: ``tuple.__new__``: ``_new_tuple(Token, fields)`` is the token ``Token(*fields)`` (a
#: ``NamedTuple``, whose generated ``__new__`` calls it with the fields as one tuple).
_new_tuple = tuple.__new__
#: The setters of the slots of :class:`Hit`, in field order (see :func:`_new_hit`).
_HIT_SLOTS = tuple(Hit.__dict__[name].__set__ for name in ("rule", "tokens", "head"))


def _new_hit(rule: str, tokens: tuple[Token, ...], head: Token | None) -> Hit:
    """``Hit(rule, tokens, head)`` made by filling the slots, as ``model._premise_unit``
    makes a unit: ``Hit`` has no validator or converter, so the hit is equal, in hash,
    repr and everything else, to the one the constructor makes (a frozen attrs class
    sets its fields one ``object.__setattr__`` at a time)."""
    hit = object.__new__(Hit)
    set_rule, set_tokens, set_head = _HIT_SLOTS
    set_rule(hit, rule)
    set_tokens(hit, tokens)
    set_head(hit, head)
    return hit


def _subject_follows(text: str, marker: Token) -> bool:
    """Whether a subject pronoun (``SUBJECT`` of ``sentences.lark``) follows the marker:
    the words after it then open a clause of their own."""
    after = _NEXT_WORD.match(text, marker.end_pos or 0)
    return after is not None and sentence_vocabulary()["SUBJECT"].fullmatch(after.group(1)) \
        is not None


def _corrective(text: str, hit: Hit, clauses: _Clauses) -> bool:
    """Whether a joining "but" corrects a negated clause ("not X, but Y").

    PDTB 2.0 annotates this "not … but" as Expansion.Alternative.Chosen alternative
    (Prasad et al. 2008, §3.3): Y replaces X inside one claim rather than attacking it.
    The clause is the stretch since the previous comma. When a subject pronoun or an
    auxiliary follows "but" ("not cheap, but it is fair", "did not pass, but its
    supporters will try again"), Y is a clause of its own and the "but" joins two claims.
    """
    if hit.tokens[0].type != "BUT" or _subject_follows(text, hit.tokens[0]):
        return False
    if clauses.auxiliary_between(hit.tokens[0].end_pos or 0, clauses.last):
        return False
    at = hit.tokens[0].start_pos or 0
    j = bisect.bisect_left(clauses.starts, at) - 1  # the last token before "but"
    if j >= 0 and clauses.types[j] == "COMMA":
        j -= 1
    edge = clauses.edge[j] if j >= 0 else -1
    return edge >= 0 and clauses.types[edge] in ("NEG", "CLITIC_NEG")


def _conjunction(token: Token) -> Marker:
    """The "and"/"or" that joins the last items of an inline list (PDTB 2.0 sense
    Expansion.Conjunction, resp. Expansion.Alternative)."""
    alternative = str(token).lower() == "or"
    return Marker(text=str(token), span=Span(token.start_pos or 0, token.end_pos or 0),
                  function=MarkerFunction.ADDITION,
                  sense="Expansion.Alternative" if alternative else "Expansion.Conjunction",
                  rule="list_item", terminal=token.type)


def _inline_results(grammar: Grammar, tokens: _SentenceTokens, hits: list[Hit],
                    ) -> list[Marker]:
    """Result adverbs inside a clause, with no comma ("Schools should therefore …").

    PDTB 2.0 annotates these adverbs as Contingency.Cause.Result wherever they stand
    (therefore 26 of 26 tokens, thus 103 of 112, consequently 10 of 10, hence 4 of 4),
    so a bare one still marks its unit as a conclusion. The grammar's ``result`` group
    (:attr:`Grammar.result_terminals`) holds them; the conjunction "so" is not in it.
    """
    if grammar.result_terminals.isdisjoint(tokens.types):
        return []
    taken = {t.start_pos for hit in hits for t in hit.tokens}
    found = []
    for n, kind in enumerate(tokens.types):
        if kind in grammar.result_terminals and (token := tokens[n]).start_pos not in taken:
            found.append(_marker(grammar, Hit("inline", (token,)), token))
    return [m for m in found if m is not None]


def _coordinated_phrase(text: str, sentence: Span, hit: Hit) -> bool:
    """Whether ", and" joins a noun phrase rather than a clause.

    The grammar's AND_CLAUSE joins only before a subject-like word; a determiner there
    may still open the last item of a list ("…, the Joint Declaration (1997), and the
    Treaty (2001)."). A subject pronoun after "and", or an auxiliary or modal later in
    the sentence (a closed class, Quirk et al. 1985 §3.21), shows a clause with its own
    verb: an EDU of its own (RST Discourse Treebank, Carlson & Marcu 2001).
    """
    if hit.tokens[0].type != "AND_CLAUSE" or _subject_follows(text, hit.tokens[0]):
        return False
    rest = text[hit.tokens[0].end_pos or 0 : sentence.end]
    return _auxiliary_words().search(rest) is None


def _sentence_units(
    grammar: Grammar, text: str, sentence: Span
) -> tuple[list[tuple[Span, list[Marker]]], list[tuple[int, int, Marker]]]:
    """Clause units of one sentence, with their markers, and intra-sentence links."""
    types, bounds = grammar.scan_types(text, sentence.start, sentence.end)
    plan = grammar.plan(types)
    if not plan and grammar.result_terminals.isdisjoint(types):
        # no marker pattern and no result adverb: the sentence is one unit, unmarked
        whole = _strip(text, sentence.start, sentence.end, sentence)
        return ([(whole, [])] if whole else []), []
    return _marked_units(grammar, text, sentence, types, bounds, plan)


def _marked_units(grammar: Grammar, text: str, sentence: Span, types: list[str],
                  bounds: list[int], plan: tuple[Plan, ...],
                  ) -> tuple[list[tuple[Span, list[Marker]]], list[tuple[int, int, Marker]]]:
    """:func:`_sentence_units` of a sentence with a marker pattern (``plan``, not empty)
    or a result adverb, from its scan (:meth:`Grammar.scan_types`)."""
    tokens = _SentenceTokens(grammar, text, types, bounds)
    hits = tokens.hits(plan)
    quoted = _embedded_quotations(text, sentence)
    if quoted:  # a connective quoted or mentioned inside the author's sentence
        hits = [h for h in hits if h.rule in _QUOTED_LINKS
                or not any(_within(quoted, t.start_pos) for t in h.tokens)]
    clauses: _Clauses | None = None  # built at the first "but" that may correct
    # a "but" corrects only a negated clause: without a negation, no "but" can (read at
    # the first joining "but": most sentences have none, and need not scan their types)
    negated: bool | None = None
    # (cut start, unit start, marker; None at the comma that closes a clause of `closes`)
    cuts: list[tuple[int, int, Marker | None]] = []
    closes: dict[int, Marker] = {}  # closing comma -> the subordinator of its clause
    opening: list[Marker] = []
    inner: list[Marker] = []
    leading: Marker | None = None
    unlinked: set[int] = set()
    joined: dict[int, Marker] = {}  # list-item marker start -> the "and"/"or" before it
    for hit in hits:
        if hit.rule == "announcement":
            marker = _announcement(grammar, hit, text)
            if marker:
                inner.append(marker)
            continue
        if hit.rule == "subordinate" and opening and \
                opening[-1].function is MarkerFunction.ORDINAL:
            # "Firstly, because X, and secondly, because Y": reasons listed as answers
            # to a "why", often with no main clause: the subordinator joins, as after
            # any word ("opener_subordinate" in markers.lark)
            hit = _new_hit("joiner", hit.tokens, hit.head)
        markers = [mk for tok in hit.tokens if (mk := _marker(grammar, hit, tok))]
        if not markers:
            continue
        if hit.rule == "list_item" and hit.head is None:
            opening.extend(markers)  # "1. Cut fees" on its own line
        elif hit.rule == "list_item" and hit.head is not None:
            # an inline item "…: 1. costs are high; 2. …" starts a unit, with no relation
            # to the clause before it (the enumeration makes that relation)
            cuts.append((hit.head.start_pos or 0, markers[0].span.end, markers[0]))
            unlinked.add(markers[0].span.start)
            if hit.head.type in ("AND", "OR", "AND_OR"):  # "1. rent and 2. transport"
                joined[markers[0].span.start] = _conjunction(hit.head)
        elif hit.rule == "opener" or hit.rule == "stacked":  # "Thus, for example, …"
            opening.extend(markers)
            if markers[-1].function is MarkerFunction.CONCESSION and \
                    markers[-1].terminal in grammar.clause_terminals:
                leading = markers[-1]
        elif hit.rule in _LEADING_CLAUSE:
            opening.extend(markers)
            leading = markers[-1]
        elif hit.rule == "semi_subordinate":
            # "…; although X, Y": X is conceded against Y, as in "Although X, Y"
            comma = _closing_comma(text, tokens, types, markers[-1])
            if comma is None or ";" in text[markers[-1].span.end : comma.start_pos] or \
                    _no_main_clause(text, comma.end_pos or 0, sentence.end):
                hit = _new_hit("joiner", hit.tokens, None)  # "…; although X.": joins
                marker = _marker(grammar, hit, hit.tokens[-1])
                if marker is not None:
                    cuts.append((marker.span.start, marker.span.end, marker))
                continue
            marker = _marker(grammar, _new_hit("subordinate", hit.tokens, None), hit.tokens[-1])
            if marker is not None:
                cuts.append((marker.span.start, marker.span.end, marker))
                unlinked.add(marker.span.start)
                closes[comma.start_pos or 0] = marker
                cuts.append((comma.start_pos or 0, comma.end_pos or 0, None))
        elif hit.rule in _SPLITTING and hit.tokens[0].type == "BUT" and \
                (negated := _has_negation(types) if negated is None else negated) and \
                _corrective(text, hit, clauses := clauses or _Clauses(text, types, bounds)):
            continue  # "not X, but Y": one claim with its correction, not two units
        elif hit.rule in _SPLITTING and _coordinated_phrase(text, sentence, hit):
            continue  # "…, and the Treaty (2001).": the last item of a list, no clause
        elif hit.rule in _SPLITTING:
            first = markers[0]
            cut = first.span.start
            # the comma before a joiner belongs to neither unit
            cuts.append((cut, markers[-1].span.end, first))
            inner.extend(markers[1:])
        else:
            inner.extend(markers)

    inline = _inline_results(grammar, tokens, hits)
    inner.extend(mk for mk in inline if not _within(quoted, mk.span.start)) if quoted \
        else inner.extend(inline)
    units: list[tuple[Span, list[Marker]]] = []
    links: list[tuple[int, int, Marker]] = []
    start = opening[-1].span.end if opening else sentence.start
    pieces: list[tuple[int, int, list[Marker]]] = []
    if leading is not None:
        comma = _closing_comma(text, tokens, types, leading)
        if comma is not None:
            # an opener before the subordinator ("However, because X, Y") governs the
            # sentence, whose main clause is Y (PDTB 2.0: the connective's Arg2 is the
            # whole "because X, Y"); the subordinator and what is stacked on it govern X
            # (only when that clause has words before the next cut: else they stay)
            after = comma.end_pos or 0
            ahead = [mk for mk in opening if mk.span.end <= leading.span.start]
            if ahead and _strip(text, after, min((c for c, _, _ in cuts if c > after),
                                                 default=sentence.end)) is None:
                ahead = []
            pieces.append((start, comma.start_pos or 0, opening[len(ahead):]))
            opening, start = ahead, after
            links.append((0, 1, leading))
    current_markers = list(opening)
    if closes:
        cuts.sort(key=lambda c: c[0])  # a closing comma may come after later hits
    for cut, unit_start, marker in cuts:
        if cut <= start:
            continue
        pieces.append((start, cut, current_markers))
        if marker is None:  # the comma that closes "although X": X -> the main clause
            current_markers = []
            links.append((len(pieces) - 1, len(pieces), closes[cut]))
            start = unit_start
            continue
        current_markers = [marker]
        if marker.span.start in joined:
            current_markers.insert(0, joined[marker.span.start])
        if marker.span.start not in unlinked:
            links.append((len(pieces), len(pieces) - 1, marker))
        start = unit_start
    pieces.append((start, sentence.end, current_markers))

    index_map: dict[int, int] = {}
    orphans: list[Marker] = []  # markers of pieces with no words ("X, because.")
    for n, (a, b, markers) in enumerate(pieces):
        span = _strip(text, a, b)
        if span is None:
            orphans.extend(markers)
            continue
        index_map[n] = len(units)
        if inner:
            markers = markers + [mk for mk in inner if span.start <= mk.span.start < span.end]
        units.append((span, markers))
    if not units:
        # the sentence is only markers ("But.", "Finally!"): keep it whole, as plain text
        whole = _strip(text, sentence.start, sentence.end)
        return ([(whole, [])] if whole else []), []
    if orphans or inner:
        _place_strays(text, units, orphans, inner)
    kept_links = [(index_map[a], index_map[b], mk) for a, b, mk in links
                  if a in index_map and b in index_map]
    return units, kept_links


#: Hits that may stand inside a quotation: a gloss inside one unit. A joiner or a
#: subordinator would cut the quotation, each piece with one quotation mark and the
#: attribution or nothing of it ('The minister said: "Firms invest more' / 'therefore
#: bills will fall."'), and the pieces would relate to the author's units.
_QUOTED_LINKS = frozenset({"apposition"})
#: The marks that open a quotation among those :func:`_protected` pairs (not brackets).
_QUOTE_OPENERS = '"“«„'
_QUOTE_MARK = re.compile(f"[{_QUOTE_OPENERS}]")


def _embedded_quotations(text: str, sentence: Span) -> list[tuple[int, int]]:
    """The quotations inside ``sentence`` that are not the whole of it, as ``(opening
    mark, closing mark)`` offsets; ``[]`` for most sentences, which hold no quotation
    mark (one search tells).

    A connective inside such a quotation is the quoted speaker's or a mentioned word
    ('He wrote "therefore" in the margin', 'The word "however" …'), not the author's:
    it relates nothing outside the quote, and does not cut it into units: the quotation
    stays whole in the author's unit (only a gloss, :data:`_QUOTED_LINKS`, stays marked
    inside it). PDTB 2.0 annotates a connective inside a
    quotation with the attribution of its own source, apart from the writer's (Prasad et
    al. 2007, PDTB 2.0 annotation manual, §4 "Attribution"), and a mentioned word is no
    connective at all (quoted as a word, not used: Quirk et al. 1985 §17.120 on the
    use/mention distinction). A sentence that is one quotation and nothing else keeps
    its markers.
    """
    if _QUOTE_MARK.search(text, sentence.start, sentence.end) is None:
        return []
    found = []
    for a, b in _protected(text, sentence.start, sentence.end):
        if text[a] in _QUOTE_OPENERS and (_ALNUM.search(text, sentence.start, a)
                                           or _ALNUM.search(text, b + 1, sentence.end)):
            found.append((a, b))
    return found


def _within(regions: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies inside one of ``regions`` (from
    :func:`_embedded_quotations`; a sentence holds few)."""
    return any(a < at < b for a, b in regions)


def _closing_comma(text: str, tokens: _SentenceTokens, types: list[str],
                   leading: Marker) -> Token | None:
    """The comma that closes the clause a sentence-initial subordinator (``leading``)
    opens, or ``None`` if there is none: the first comma after it, unless that comma
    follows it at once. A comma right after the subordinator opens an aside (a stacked
    adverbial, "Since, however, X, Y"; a parenthesis, "Although, morally and
    politically, X, Y"), whose own closing comma comes next: the clause's is the one
    after that: the subordinator alone cannot be the clause. With no comma left, the
    sentence has no main clause to split off ("Since, however, nobody cares.")."""
    end, bounds = leading.span.end, tokens.bounds
    commas = (n for n, kind in enumerate(types) if kind == "COMMA" and bounds[2 * n] >= end)
    first = next(commas, None)
    if first is not None and not text[end : bounds[2 * first]].strip():
        next(commas, None)  # the aside's closing comma
        first = next(commas, None)
    return None if first is None else tokens[first]


def _no_main_clause(text: str, at: int, end: int) -> bool:
    """Whether the word at ``at`` (after white space and opening quotes; before ``end``)
    opens no main clause: it is no subject pronoun or determiner (``CLAUSE_SUBJECT`` of
    ``sentences.lark``) and not capitalised, so a comma before it does not close a
    leading subordinate clause."""
    word = _NEXT_WORD.match(text, at, end)
    return word is None or not (word[1][0].isupper() or sentence_vocabulary()[
        "CLAUSE_SUBJECT"].fullmatch(word[1]) is not None)


def _has_negation(types: list[str]) -> bool:
    """Whether a sentence with these token types holds a negation."""
    return "NEG" in types or "CLITIC_NEG" in types


def _place_strays(text: str, units: list[tuple[Span, list[Marker]]], orphans: list[Marker],
                  inner: list[Marker]) -> None:
    """Make each marker that marks no unit (``orphans``, and those of ``inner`` that
    no unit took) plain text of its neighbouring unit, in ``units`` (in place). Called
    only when there are orphans or inner markers: most sentences have neither, and then
    it would do nothing."""
    kept = {id(mk) for _, own in units for mk in own} if inner else set()
    for marker in orphans + [mk for mk in inner if id(mk) not in kept]:
        # a marker with no clause to mark is plain text of its neighbouring unit
        k = max((i for i, (span, _) in enumerate(units) if span.start <= marker.span.start),
                default=0)
        span, own = units[k]
        grown = _strip(text, min(span.start, marker.span.start), max(span.end, marker.span.end))
        if grown is not None:
            # openers the unit grew over are plain text now; the rest keep their place
            units[k] = (grown, [mk for mk in own if mk.span.end <= grown.start
                                or (grown.contains(mk.span) and span.start <= mk.span.start
                                    and mk.rule not in _OPENERS)])


def segment(document: Document, grammar: Grammar | None = None) -> Segmentation:
    """Segment a document into sentences and ADUs.

    Every unit's span slices back to its text; units are in text order and do not
    overlap; the markers that open a unit lie before its span, the others inside it.

    Args:
        document: what :func:`argmap.ingest.read_document` returned.
        grammar: a compiled grammar; the built-in one by default.

    Returns:
        A :class:`Segmentation` with units, sentences, sections and clause links.
    """
    grammar = grammar or load_grammar()
    text = document.text
    shared = SharedText(text)  # the units slice their text from the input's
    units: list[Unit] = []
    sentences: list[Span] = []
    links: list[tuple[str, str, Marker]] = []
    taken: dict[str, int] = {}
    sections: list[tuple[str, str | None, Span | None, list[str]]] = [("lead", None, None, [])]
    section_ids = {"lead"}  # the ids given so far: a repeated heading gets "-2", "-3", …
    repeats: dict[str, int] = {}  # for each slug, the number its last repeat took
    paragraph = -1
    # run-in labels inside a block: a Markdown list item's ("- **Option A:** …")
    labels = [b.span for b in document.boilerplate if b.kind == "run-in-heading"]
    for block in document.blocks:
        if block.kind is BlockKind.TITLE:
            continue
        if block.kind is BlockKind.HEADING:
            sid = base = _slug(block.text)
            n = repeats.get(base, 1)
            while sid in section_ids:  # rarely more than one step: n resumes where it was
                n += 1
                sid = f"{base}-{n}"
            repeats[base] = n
            section_ids.add(sid)
            sections.append((sid, block.text, block.span, []))
            continue
        paragraph += 1
        section, section_units = sections[-1][0], sections[-1][3]
        found = split_sentences(text, block.span, grammar)
        if labels and len(found) > 1:
            found = _join_labels(found, labels)
        for sentence in found:
            number = len(sentences)
            sentences.append(sentence)
            clause_units, clause_links = _sentence_units(grammar, text, sentence)
            if labels:
                _skip_labels(text, sentence, clause_units, labels)
            made: list[str] = []
            for span, markers in clause_units:
                uid = unit_id(text[span.start : span.end], taken)
                made.append(uid)
                # Unit(uid, span, shared, Role.PREMISE, tuple(markers), section,
                #      paragraph, number, lead), its slots filled
                units.append(_premise_unit(uid, span, shared, tuple(markers), section,
                                           paragraph, number, _lead(text, span, markers)))
            section_units.extend(made)
            if clause_links:
                links.extend((made[a], made[b], mk) for a, b, mk in clause_links)
    built = tuple(Section(sid, heading, span, tuple(ids))
                  for sid, heading, span, ids in sections if ids or heading)
    return Segmentation(document, tuple(units), tuple(sentences), built, tuple(links))


def _join_labels(sentences: list[Span], labels: list[Span]) -> list[Span]:
    """``sentences`` with each one that ends inside a run-in label ("- *Option B.*
    Raise …": the label's full stop) joined to the next: the label opens that sentence
    (:func:`_skip_labels` then leaves it out of the unit)."""
    out: list[Span] = []
    for sentence in sentences:
        if out and any(out[-1].start <= label.start and out[-1].end <= label.end
                       and label.end <= sentence.start + 1 for label in labels
                       if label.start < out[-1].end):
            out[-1] = Span(out[-1].start, sentence.end)
        else:
            out.append(sentence)
    return out


def _skip_labels(text: str, sentence: Span, units: list[tuple[Span, list[Marker]]],
                 labels: list[Span]) -> None:
    """Start each unit of ``sentence`` after a run-in label (boilerplate of kind
    ``run-in-heading``) that opens it, in place: a Markdown list item keeps its bullet,
    the list marker, in its block, and its label ("- **Option A:** extend meals.") is no
    part of the unit, as a paragraph's label is no part of its block
    (:func:`argmap.markdown.markdown_blocks`)."""
    for label in labels:
        if not sentence.start <= label.start < sentence.end:
            continue
        for k, (span, markers) in enumerate(units):
            if span.start <= label.start < span.end:
                start = label.end
                while start < span.end and text[start].isspace():
                    start += 1
                if start < span.end:
                    units[k] = (Span(start, span.end), markers)
                break


def _lead(text: str, span: Span, markers: list[Marker]) -> str:
    """The characters of ``text`` from the unit's first opening marker (one that ends by
    ``span.start``) to the unit, or ``""`` if it has none."""
    if not markers:
        return ""
    opening = [mk.span.start for mk in markers if mk.span.end <= span.start]
    return text[min(opening) : span.start] if opening else ""


def iter_marker_units(seg: Segmentation) -> Iterable[tuple[Unit, Marker]]:
    """Every (unit, marker) pair, in text order."""
    for unit in seg.units:
        for marker in unit.markers:
            yield unit, marker


def clause_units(grammar: Grammar, text: str, span: Span,
                 ) -> tuple[list[tuple[Span, list[Marker]]], list[tuple[int, int, Marker]]]:
    """The clause units of ``text[span]`` read as one sentence, with their markers.

    Returns ``(units, links)``: each unit's span and markers, and the clause links
    ``(index of the marked unit, index of the other unit, marker)``. Used to read units
    given by the caller (:mod:`argmap.given`) with the segmenter's own rules.
    """
    return _sentence_units(grammar, text, span)
