"""The segmenter's fast paths equal the plain computations they replace, on real inputs:
the seed article, the test documents, the segmentation cases and generated prose."""

from __future__ import annotations

import itertools
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings

from argmap.grammar import Grammar, Hit, Token, load_grammar
from argmap.ingest import BlockKind, Document, read_document
from argmap.model import (
    Marker,
    MarkerFunction,
    Role,
    SharedText,
    Span,
    Unit,
    _new_marker,
    _premise_unit,
    _unchecked_span,
)
from argmap.numerals import counts_no_list, measure
from argmap.segment import (
    _ALNUM,
    _NEXT_WORD,
    _NOT_PLURAL,
    _PLURAL,
    _PREV_WORD,
    _SPACE,
    _abbreviations,
    _add,
    _announcement,
    _auxiliary_words,
    _Clauses,
    _corrective,
    _new_hit,
    _new_tuple,
    _protected,
    _SentenceTokens,
    _strip,
    _subject_follows,
    segment,
    sentence_vocabulary,
    split_sentences,
)
from strategies import arbitrary_text, messy_documents, prose_documents
from test_segmentation_cases import CASES

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = load_grammar()
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _texts() -> Iterator[str]:
    yield (ROOT / "seeds" / "000_ce97f1ba0d0e35d1.txt").read_text("utf-8")
    for path in sorted((ROOT / "tests" / "data").iterdir()):
        yield path.read_text("utf-8")
    for case in CASES:
        yield str(case.values[0])


def _sentences(document: Document, grammar: Grammar = GRAMMAR) -> Iterator[Span]:
    for block in document.blocks:
        if block.kind not in (BlockKind.TITLE, BlockKind.HEADING):
            yield from split_sentences(document.text, block.span, grammar)


REAL = [read_document(text) for text in _texts()]


def _same_tokens(document: Document) -> None:
    for sentence in _sentences(document):
        types, bounds = GRAMMAR.scan_types(document.text, sentence.start, sentence.end)
        plan = GRAMMAR.plan(types)
        tokens = GRAMMAR.tokens(document.text, types, bounds)
        lazy = _SentenceTokens(GRAMMAR, document.text, types, bounds)
        hits = lazy.hits(plan)
        assert hits == GRAMMAR.hits(tokens, plan)
        assert all(type(hit) is Hit and all(type(t) is Token for t in hit.tokens)
                   and (hit.head is None or type(hit.head) is Token) for hit in hits)
        assert [lazy[n] for n in range(len(types))] == tokens
        assert all(type(lazy[n]) is Token for n in range(len(types)))
        assert [lazy[n - len(types)] for n in range(len(types))] == tokens


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_sentence_tokens_equal_the_whole_list_on_real_text(document: Document) -> None:
    _same_tokens(document)


@FEW
@given(prose_documents() | messy_documents())
def test_sentence_tokens_equal_the_whole_list_on_generated_text(text: str) -> None:
    _same_tokens(Document.from_text(text))


def _plain_corrective(text: str, tokens: list[Token], hit: Hit) -> bool:
    """:func:`argmap.segment._corrective` read from the whole token list, by a scan."""
    but = hit.tokens[0]
    if but.type != "BUT" or _subject_follows(text, but):
        return False
    if _auxiliary_words().search(text, but.end_pos, tokens[-1].start_pos):
        return False
    j = max((n for n, t in enumerate(tokens) if t.start_pos < but.start_pos), default=-1)
    if j >= 0 and tokens[j].type == "COMMA":
        j -= 1
    edges = [n for n in range(j + 1) if tokens[n].type in _Clauses._EDGES]
    return bool(edges) and tokens[edges[-1]].type in ("NEG", "CLITIC_NEG")


CORRECTIVE = [
    "It is not cheap, but fair.",
    "It is not cheap but fair, and it is not slow, but quick.",
    "It isn't cheap, but it is fair.",
    "The bill did not pass, but its supporters will try again.",
    "Nobody came; we waited, but   nothing happened.",
    "  Not   a tax ,  but  a  fee   .",
]


def _same_corrective(document: Document) -> int:
    """Compare on every hit whose first token is "but"; return how many there were."""
    seen = 0
    for sentence in _sentences(document):
        types, bounds = GRAMMAR.scan_types(document.text, sentence.start, sentence.end)
        tokens = GRAMMAR.tokens(document.text, types, bounds)
        clauses = _Clauses(document.text, types, bounds)
        for hit in GRAMMAR.hits(tokens, GRAMMAR.plan(types)):
            if hit.tokens[0].type == "BUT":
                seen += 1
                assert _corrective(document.text, hit, clauses) == \
                    _plain_corrective(document.text, tokens, hit), sentence.slice(document.text)
    return seen


def test_corrective_from_the_scan_equals_the_token_reading_on_real_text() -> None:
    seen = sum(_same_corrective(d) for d in REAL)
    seen += sum(_same_corrective(Document.from_text(t)) for t in CORRECTIVE)
    assert seen >= 10


@FEW
@given(prose_documents() | messy_documents())
def test_corrective_from_the_scan_equals_the_token_reading_on_generated_text(text: str,
                                                                            ) -> None:
    _same_corrective(Document.from_text(text))


def test_alnum_pattern_is_str_isalnum_on_every_character() -> None:
    chars = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode(
        "utf-8", "surrogatepass")
    assert [m.start() for m in _ALNUM.finditer(chars)] == \
        [n for n, ch in enumerate(chars) if ch.isalnum()]


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_strip_equals_the_plain_reading_on_real_text(document: Document) -> None:
    text = document.text
    cuts = sorted({0, len(text), *(m.start() for m in re.finditer(r"[\s,;:—–>-]+", text))})
    for a, b in itertools.pairwise(cuts[:400]):
        for start, end in ((a, b), (a, min(len(text), b + 1)), (max(0, a - 1), b)):
            assert _strip(text, start, end) == _plain_strip(text, start, end)


@pytest.mark.parametrize("text", ["", " ", ", ;", "—", " _ ", "__x_", "...", "> -- ,",
                                  "²", " ٣,", "(!)", ",a,", "> quoted", "¿?", "x"])
def test_strip_equals_the_plain_reading_on_edge_cases(text: str) -> None:
    for a, b in itertools.combinations_with_replacement(range(len(text) + 1), 2):
        assert _strip(text, a, b) == _plain_strip(text, a, b)


def _plain_strip(text: str, a: int, b: int) -> Span | None:
    while a < b and (text[a].isspace() or text[a] in ",;:—–->"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    if a >= b or not any(ch.isalnum() for ch in text[a:b]):
        return None
    return Span(a, b)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 5), (3, 9), (7, 7), (10**9, 10**9 + 1)])
def test_unchecked_span_is_the_span_the_constructor_makes(start: int, end: int) -> None:
    fast, plain = _unchecked_span(start, end), Span(start, end)
    assert type(fast) is Span
    assert fast == plain and plain == fast and hash(fast) == hash(plain)
    assert repr(fast) == repr(plain) and attrs.asdict(fast) == attrs.asdict(plain)
    assert not fast < plain and not plain < fast and fast <= plain
    assert pickle.loads(pickle.dumps(fast)) == plain
    assert attrs.evolve(fast, end=end + 1) == Span(start, end + 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]


def _plain_add(text: str, start: int, end: int, out: list[Span]) -> None:
    chunk = text[start:end]
    stripped = chunk.lstrip()
    lead = len(chunk) - len(stripped)
    stripped = stripped.rstrip()
    if stripped:
        out.append(Span(start + lead, start + lead + len(stripped)))


_WHITE = "".join(ch for ch in map(chr, range(0x3100)) if ch.isspace() or ch in "\u200b\ufeff")


@pytest.mark.parametrize("text", ["", " ", "a", " a ", _WHITE, f"{_WHITE}x{_WHITE}",
                                  f"x{_WHITE}y", "\u2028.\u3000"])
def test_add_trims_as_str_strip(text: str) -> None:
    for a, b in itertools.combinations_with_replacement(range(len(text) + 1), 2):
        fast: list[Span] = []
        plain: list[Span] = []
        _add(text, a, b, fast)
        _plain_add(text, a, b, plain)
        assert fast == plain


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_add_trims_as_str_strip_on_real_text(document: Document) -> None:
    text = document.text
    cuts = [0, *(m.end() for m in re.finditer(r"[.!?]\s+|\n", text)), len(text)]
    for a, b in itertools.pairwise(cuts):
        for start, end in ((a, b), (a, b - 1), (a + 1, b)):
            fast: list[Span] = []
            plain: list[Span] = []
            _add(text, start, end, fast)
            _plain_add(text, start, end, plain)
            assert fast == plain


# ------------------------------------------------------------------ sentence splitter

#: The candidate stops as the splitter read them before its pattern also read the word
#: after the stop (the same pattern, without its final lookahead).
_PLAIN_CANDIDATE = re.compile(
    r"[.!?…。！？]"
    r"(?:(?<=[.!?…])(?<![.!?…][\s\S])[.!?…]*[\"'”’»)\]*_"
    "\u200b-\u200d\u2060\ufeff\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
    r"]*(?=\s|$)"
    r"|(?<=\.)(?=[A-Z][a-z])"
    r"|(?<=[。！？])[。！？]*[」』”’）)]*)"
)


#: A lower-case list label after a stop ("(b) "): it opens a sentence.
_PLAIN_LABEL = re.compile(r"\s*[(\[](?:[a-z]|[ivx]{2,5})[)\]]\s")


def _plain_is_marker(word: str, text: str, at: int, grammar: Grammar) -> bool:
    space = _SPACE.match(text, at)
    terminal = grammar.terminal_at(text, space.end() if space else at)
    info = grammar.info(terminal) if terminal else None
    return info is not None and info.function is not None


def _plain_boundary(text: str, start: int, m: re.Match[str], word: str,
                    grammar: Grammar) -> bool:
    """The splitter's decision at a stop as it read it with no cache and no shortcut."""
    abbr = sentence_vocabulary()
    punct = m.group()
    if punct[0] in "。！？":
        return True
    at = m.end()
    if word[0].islower() and (".." in punct or "…" in punct
                              or not (_plain_is_marker(word, text, at, grammar)
                                      or _PLAIN_LABEL.match(text, at))):
        return False
    if punct[0] != "." or punct.startswith(".."):
        return True
    stop = m.start()
    if at - stop == 1 and at < len(text) and not text[at].isspace():
        return word[0].isupper() and _plain_is_marker(word, text, at, grammar)
    if text[start:stop].strip().isdigit() and len(text[start:stop].strip()) <= 3 \
            and stop - start <= 5:
        return False
    prev = _PREV_WORD.search(text[max(start, stop - 48) : stop])
    if prev is None:
        return True
    token = prev.group(1)
    if abbr["TITLE"].fullmatch(token) or abbr["LATIN"].fullmatch(token):
        return False
    if word[0].isdigit() and abbr["NUMBERED"].fullmatch(token):
        return False
    if "." in token and token.islower() and not abbr["NUMBERED"].fullmatch(token):
        return True
    if "." in token or (len(token) == 1 and token.isupper()):
        return abbr["STARTER"].fullmatch(word) is not None \
            or _plain_is_marker(word, text, at, grammar) \
            or (word[0].isupper() and len(token) == 1
                and re.search(rf"(?<![\w'’-])(?:{abbr['LABEL_NOUN'].pattern})\s+{token}$",
                              text[max(start, stop - 48) : stop], re.IGNORECASE) is not None)
    return True


def _plain_split(text: str, span: Span, grammar: Grammar = GRAMMAR) -> list[Span]:
    """:func:`split_sentences` as it was written before its fast paths: the next word
    matched on its own, every piece trimmed by ``str.strip``, no cache."""
    regions = _protected(text, span.start, span.end)
    spans: list[Span] = []
    start = span.start
    for m in _PLAIN_CANDIDATE.finditer(text, span.start, span.end):
        end = m.end()
        if any(a < m.start() and end <= b for a, b in regions):
            continue
        nxt = _NEXT_WORD.match(text, end, span.end)
        if nxt is None or not _plain_boundary(text, start, m, nxt.group(1), grammar):
            continue
        _plain_add(text, start, end, spans)
        start = end
    _plain_add(text, start, span.end, spans)
    return spans


SPLIT_CASES = [
    "The U.S. economy grew. However, wages stagnated.", "It failed.However, we tried.",
    "Version 2.Beta is out.", "See no. 7. It is there. Dr. Okafor agreed, e.g. here.",
    "1. Cut fees. 2. Raise pay.", "   12. Cut fees.", "Plan B. It costs. Plan B. Costs rise.",
    "P. 7 says so. Wait… or not. Wait... Or not.", "He said \"Stop. Now.\" Then left.",
    "A (b. c. D.) e. F", "中文。句子！好？ ok.", "fees.however, x. bad. however, good.",
    "Q.E.D. The end.  \n  Next one.\u3000 Last.\u2028", "etc. The end. et al. They said.",
    "ſt. Okafor. ST. X. Mr.Smith. Mr. 5.", "x.  1. Cut. y. 12. Cut", ". . . A. b.",
]


@pytest.mark.parametrize("text", SPLIT_CASES)
def test_split_sentences_equals_the_plain_splitter_on_cases(text: str) -> None:
    for a, b in itertools.combinations_with_replacement(range(0, len(text) + 1, 3), 2):
        assert split_sentences(text, Span(a, b), GRAMMAR) == \
            _plain_split(text, Span(a, b)), (a, b)


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_split_sentences_equals_the_plain_splitter_on_real_text(document: Document) -> None:
    for block in document.blocks:
        assert split_sentences(document.text, block.span, GRAMMAR) == \
            _plain_split(document.text, block.span)
    whole = Span(0, len(document.text))
    assert split_sentences(document.text, whole, GRAMMAR) == _plain_split(document.text, whole)


@FEW
@given(prose_documents() | messy_documents() | arbitrary_text())
def test_split_sentences_equals_the_plain_splitter_on_generated_text(text: str) -> None:
    for a in (0, 1, 5):
        span = Span(min(a, len(text)), len(text))
        assert split_sentences(text, span, GRAMMAR) == _plain_split(text, span)


def test_abbreviations_are_no_longer_than_their_bound() -> None:
    """Every word of TITLE, LATIN and NUMBERED fits the bound ``_before`` skips above,
    and the one pattern classes each as the three patterns do."""
    pattern, longest = _abbreviations()
    vocabulary = sentence_vocabulary()
    words = []
    for name in ("TITLE", "LATIN", "NUMBERED"):
        body = vocabulary[name].pattern.removeprefix("(?:").removesuffix(")")
        words += [w.replace("\\.", ".") for w in body.split("|")]
    assert longest == max(map(len, words))
    for word in [*words, *(w.upper() for w in words), "ſt", "Sept", "fees", "x" * longest]:
        m = pattern.fullmatch(word)
        never = bool(vocabulary["TITLE"].fullmatch(word) or vocabulary["LATIN"].fullmatch(word))
        assert (m is not None and m.start(1) >= 0) == never, word
        if not never:
            assert (m is not None) == (vocabulary["NUMBERED"].fullmatch(word) is not None)


def _real_markers() -> Iterator[tuple[Unit, Marker]]:
    for document in REAL:
        for unit in segment(document).units:
            for marker in unit.markers:
                yield unit, marker


def test_a_new_marker_equals_the_constructed_one() -> None:
    """``model._new_marker`` fills the slots that ``Marker(...)`` fills through attrs."""
    markers = [marker for _, marker in _real_markers()]
    assert len(markers) > 50
    for marker in markers:
        # a fresh copy of the text, which both must intern to the same object
        text = "".join(list(marker.text))
        made = _new_marker(text, marker.span, marker.function, marker.sense, marker.rule,
                           marker.terminal, marker.value)
        built = Marker(text, marker.span, marker.function, marker.sense, marker.rule,
                       marker.terminal, marker.value)
        assert made == built == marker
        assert hash(made) == hash(built) and repr(made) == repr(built)
        assert type(made) is Marker and made.text is built.text


def test_a_premise_unit_equals_the_constructed_one() -> None:
    """``model._premise_unit`` fills the slots that ``Unit(...)`` fills through attrs."""
    units = [unit for unit, _ in _real_markers()]
    assert len(units) > 50
    for unit in units:
        shared = SharedText(unit.text)
        for text in (unit.text, shared):
            for markers, lead in ((unit.markers, unit.lead), ((), ""),
                                  (unit.markers, "".join(list("But ")))):
                made = _premise_unit(unit.id, unit.span, text, markers, unit.section,
                                     unit.paragraph, unit.sentence, lead)
                built = Unit(unit.id, unit.span, text, Role.PREMISE, markers, unit.section,
                             unit.paragraph, unit.sentence, lead)
                assert made == built
                assert hash(made) == hash(built) and repr(made) == repr(built)
                assert type(made) is Unit and made._text is built._text
                assert made.lead is built.lead and made.markers is built.markers


def _plain_announcement(grammar: Grammar, hit: Hit, text: str) -> Marker | None:
    """:func:`_announcement` with every word of the head listed, then the first three;
    the number expressions and closed-class words that end it as :func:`_announcement`
    has them."""
    cardinal, head = hit.tokens[0], hit.head
    gap = text[cardinal.end_pos or 0 : head.start_pos or 0] if head is not None else ""
    if head is None or len(re.sub(r"\s+", " ", gap)) > 2:
        return None
    info = grammar.info(cardinal.type)
    if info is not None and counts_no_list(text, cardinal.start_pos or 0, info.value or 0,
                                           head.start_pos or 0):
        return None
    words = list(re.finditer(r"\S+", str(head)))[:3]
    for k, w in enumerate(words):
        if w.group().rstrip(",.:;").lower() in _NOT_PLURAL:
            return None  # a closed-class word or a verb ends the search for the head
        if _PLURAL.fullmatch(w.group().rstrip(",.:;")):
            end = (head.start_pos or 0) + w.start() + len(w.group().rstrip(",.:;"))
            before = words[k - 1].group().rstrip(",.:;") if k else None
            if measure(w.group().rstrip(",.:;"), text, end, before):
                return None
            return Marker(text=text[cardinal.start_pos : end],
                          span=Span(cardinal.start_pos or 0, end),
                          function=MarkerFunction.ANNOUNCEMENT,
                          sense=info.sense if info else "Expansion.List",
                          rule="announcement", terminal=cardinal.type,
                          value=info.value if info else 0)
    return None


def _same_announcements(document: Document) -> int:
    seen = 0
    for sentence in _sentences(document):
        types, bounds = GRAMMAR.scan_types(document.text, sentence.start, sentence.end)
        for hit in _SentenceTokens(GRAMMAR, document.text, types, bounds).hits(
                GRAMMAR.plan(types)):
            if hit.rule == "announcement":
                seen += 1
                assert _announcement(GRAMMAR, hit, document.text) == \
                    _plain_announcement(GRAMMAR, hit, document.text)
    return seen


def test_announcement_equals_the_plain_reading_on_real_text() -> None:
    assert sum(_same_announcements(document) for document in REAL) > 0


@FEW
@given(prose_documents() | messy_documents())
@example("three are fees.")  # found by Hypothesis: a verb after the cardinal ends it
@example("Two thirds of three  reasons.")
def test_announcement_equals_the_plain_reading_on_generated_text(text: str) -> None:
    _same_announcements(Document.from_text(text))


def _same_auxiliaries(document: Document) -> None:
    """``_Clauses.auxiliary_between`` asked at every token's end, in text order, then
    backwards (its kept answer must not leak), equals a search of that stretch."""
    text = document.text
    for sentence in _sentences(document):
        types, bounds = GRAMMAR.scan_types(text, sentence.start, sentence.end)
        clauses = _Clauses(text, types, bounds)
        ends = [b for b in bounds[1::2] if sentence.start < b <= clauses.last]
        for start in ends + ends[::-1]:
            for end in (clauses.last, (start + clauses.last) // 2):
                m = _auxiliary_words().search(text, start, clauses.last)
                assert clauses.auxiliary_between(start, end) == \
                    (m is not None and m.start() < end)


@pytest.mark.parametrize("document", REAL, ids=range(len(REAL)))
def test_auxiliary_between_equals_a_search_on_real_text(document: Document) -> None:
    _same_auxiliaries(document)


@FEW
@given(prose_documents() | messy_documents())
def test_auxiliary_between_equals_a_search_on_generated_text(text: str) -> None:
    _same_auxiliaries(Document.from_text(text))


@pytest.mark.parametrize(("rule", "tokens", "head"), [
    ("joiner", (Token("BUT", "but", 3, 6),), None),
    ("announcement", (Token("TWO", "two", 0, 3),), Token("TEXT", "reasons", 4, 11)),
    ("opener", (), None),
])
def test_a_new_hit_equals_the_constructed_one(rule: str, tokens: tuple[Token, ...],
                                              head: Token | None) -> None:
    made, built = _new_hit(rule, tokens, head), Hit(rule, tokens, head)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert type(made) is Hit and attrs.astuple(made, recurse=False) == (rule, tokens, head)


def test_a_new_tuple_is_the_token_the_constructor_makes() -> None:
    made, built = _new_tuple(Token, ("BUT", "but", 3, 6)), Token("BUT", "but", 3, 6)
    assert made == built and type(made) is Token and repr(made) == repr(built)
    assert (made.type, made.value, made.start_pos, made.end_pos) == ("BUT", "but", 3, 6)
