"""Choose the central claim (thesis) of a text: position, restatement and thesis cues."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Sequence
from itertools import groupby
from operator import attrgetter

from argmap.model import MarkerFunction, RelationKind, Unit
from argmap.relate import Direction, Intent, unit_intent
from argmap.segment import Segmentation, sentence_vocabulary
from argmap.undercut import denies_inference

__all__ = ["ANSWERING", "RESTATEMENT_OVERLAP", "answering", "central_claim",
           "choose_thesis", "claim_cue", "concedes", "content_words", "restates",
           "word_overlap"]

#: Share of content words a later unit must have in common with the central claim to
#: restate it (Jaccard similarity of word sets; chosen on the seed and the microtexts'
#: restated claims, where restatements share 70–100% of their words).
RESTATEMENT_OVERLAP = 0.7

_CONTENT = re.compile(r"[^\W\d_]{3,}")
#: The same words in lower-cased ASCII text, where a letter is one of a-z.
_ASCII_CONTENT = re.compile(r"[a-z]{3,}")


def content_words(text: str) -> set[str]:
    """The words of three letters or more (runs of letters), case-folded.

    Compared for restatements. ASCII text is lower-cased once, before the words are
    found (for ASCII letters ``lower`` is ``casefold`` and keeps every letter a letter);
    other text is case-folded word by word, since folding can change what is a letter
    ("ß" becomes "ss").

    Example:
        >>> sorted(content_words("Fees rose 3% in 2024, as fees do."))
        ['fees', 'rose']
    """
    if text.isascii():
        return set(_ASCII_CONTENT.findall(text.lower()))
    return {w.casefold() for w in _CONTENT.findall(text)}


def word_overlap(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two word sets; 0 when either is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def restates(words: set[str], claim: set[str]) -> bool:
    """Whether ``word_overlap(words, claim) >= RESTATEMENT_OVERLAP``, computed cheaply.

    The overlap is at most ``len(smaller) / len(larger)`` (and float division rounds
    monotonically), so most pairs are rejected on their sizes alone; for the rest the
    union is counted (``len(a) + len(b) - shared``), not built.
    """
    if not words or not claim:
        return False
    n, m = len(words), len(claim)
    if (n / m if n < m else m / n) < RESTATEMENT_OVERLAP:
        return False
    shared = len(words & claim)
    return shared / (n + m - shared) >= RESTATEMENT_OVERLAP


def central_claim(seg: Segmentation, title: str | None,
                  exclude: frozenset[str] = frozenset(),
                  reported: frozenset[str] = frozenset()) -> Unit | None:
    """Choose the thesis among the units of the lead paragraph (see :func:`choose_thesis`)."""
    return choose_thesis(seg, title, exclude, reported)[0]


def choose_thesis(seg: Segmentation, title: str | None,
                  exclude: Container[str] = frozenset(),
                  reported: Container[str] = frozenset(),
                  ) -> tuple[Unit | None, list[Unit]]:
    """Choose the thesis among the units of the lead paragraph, and find its restatements.

    Score: words shared with the title (but names, :func:`_names`); plus 2 if a later
    paragraph restates the unit, or a closing conclusion of its own paragraph does (its
    last candidate, with a result
    or summary marker: "X. … Therefore, X."; it is then no candidate itself: the
    conclusion restates the thesis, Stab & Gurevych 2017, and a claim stated twice is
    one unit at its first statement in the microtexts' scheme, Peldszus & Stede 2016);
    plus 2 for a sentence-level result or summary marker ("therefore", "that's why",
    "in sum": a conclusion, Stab & Gurevych 2017), 1.5 for a clause-level one ("…, so
    Y": its first argument is the clause before, not the preceding discourse; PDTB 2.0
    Arg1 locations, Prasad et al. 2008), so between a sentence-level conclusion and
    the first position; plus 1.25 for an advising modal ("should", "ought": more than
    the first position, micro_k011 right and no text wrong on the microtexts) and 1
    for "must", which states necessity too (Quirk et al. 1985, §4.49–4.55), or a
    negated one ("that shouldn't be an issue") — a policy
    claim, the usual thesis of argumentative texts; modal verbs are claim
    features in Stab & Gurevych 2017 and Peldszus & Stede 2015); plus 1 for the first
    position (news lead, Van Dijk 1988; essays' thesis position, Stab & Gurevych 2017),
    which lies past the opponent's point when the paragraph opens with one: a
    concession, a reported view, or a statement the next sentence answers with a
    contrast (then the claim is the answer or follows it: the Concede–Counter pattern,
    Couper-Kuhlen & Thompson 2000; see :func:`_own_line`); in a text of one
    paragraph, plus 0.5 for the last unit when it carries one of these cues (the
    conclusion position of essays, Stab & Gurevych 2017). Ties go to the earlier unit.

    Never the thesis: units in ``exclude`` (subordinate clauses: reasons and
    concessions) or ``reported`` (reported views: someone else's position),
    concessions, units whose marker makes them a premise of something else (reason,
    example, elaboration, addition, list item), and an opening the next sentence
    answers with a contrast (the opponent's point, :func:`_own_line`).

    Returns:
        ``(thesis, restatements)``: the thesis (``None`` when there are no units) and
        the units of other paragraphs that restate it (word overlap at least
        :data:`RESTATEMENT_OVERLAP`), with the closing conclusion of its own paragraph
        when that one does, in text order. The later units are read once,
        one at a time: memory stays that of the lead paragraph's word sets.
    """
    lead = _lead(seg.units, exclude, reported)
    if not lead:
        return None, []
    home = lead[0].paragraph
    paragraph = [u for u in seg.units if u.paragraph == home]
    lead, first = _own_line(seg, paragraph, lead, reported)
    lead, first = _past_denied(paragraph, lead, first)
    lead_words = [content_words(u.text) for u in lead]
    # a closing conclusion that says an earlier candidate again ("X. … Therefore, X."):
    # a restatement, no claim of its own
    again = [n for n in range(len(lead) - 1) if restates(lead_words[-1], lead_words[n])] \
        if len(lead) > 1 and _conclusion_cue(lead[-1]) else []
    closing = None
    if again:
        closing = lead.pop()
        lead_words.pop()
        first = None if first == len(lead) else first
    restated, restating, has_later = _restated(seg.units, home, lead_words,
                                               seg.document.text)
    for n in again:
        restated[n] = True
    if closing is not None:
        restating = sorted([closing, *restating], key=lambda u: u.span.start)
    title_words = content_words(title or "")
    deontic = sentence_vocabulary()["DEONTIC"]
    best, best_score = 0, -1.0
    any_cued = False
    # in how many candidates each word stands (one count per candidate), so that a
    # name's presence in the others is read in constant time: a lead paragraph of n
    # sentences costs O(n), not O(n²) (a 20,000-sentence paragraph took 86 s)
    holders = Counter(w for words in lead_words for w in words)
    for n, unit in enumerate(lead):
        # a name shared with another candidate tells neither apart ("Main Street" in
        # the scene and in the proposal); a name only this unit has still counts
        own = lead_words[n]
        shared_names = {w for w in _names(unit.text)
                        if holders[w] - (w in own) > 0}
        score = len((lead_words[n] - shared_names) & title_words) + \
            (1.0 if n == first else 0.0)
        cue = _conclusion_cue(unit)
        score += cue
        cued = cue > 0
        modals = _main_clause_modals(unit.text, deontic)
        if modals:
            # "should"/"ought" advise, a policy claim; "must" also states necessity ("we
            # must return to this later", "it must be so"), so it counts as before
            score += 1.25 if any(w.casefold() in ("should", "ought") for w in modals) \
                else 1.0
            cued = True
        if cued and not has_later and unit is paragraph[-1]:
            score += 0.5
        if restated[n]:
            score += 2.0
        any_cued = any_cued or cued or restated[n]
        if score > best_score:
            best, best_score = n, score
    if not any_cued and has_later:
        recommendation = _closing_recommendation(seg, exclude, reported)
        if recommendation is not None:
            return recommendation, []
    thesis_words = lead_words[best]
    return lead[best], [u for u in restating if restates(content_words(u.text), thesis_words)]


#: Headings of a text's closing section that hold its recommendation (policy briefs,
#: reports: "Recommendation", "Conclusions", "Proposal", "The way forward").
_RECOMMENDING_HEADING = re.compile(
    r"recommend|conclu|proposal|way forward|next steps|what (?:should|must) be done",
    re.IGNORECASE)


def _closing_recommendation(seg: Segmentation, exclude: Container[str],
                            reported: Container[str]) -> Unit | None:
    """The first unit of the text's last paragraph when a result or summary marker opens
    it ("X. ¶ … ¶ Therefore, Y.", "In conclusion, Y."), or when it advises (:func:`_advises`:
    a letter's or an op-ed's closing call to act, backing sentences after it or not); else
    the first unit that advises among the paragraph heads of the sections whose heading
    announces a recommendation or conclusion ("## Recommendation", "## Conclusions",
    ``_RECOMMENDING_HEADING``), the last such section first; else ``None``.

    A brief whose lead paragraph states no claim (no modal, no conclusion marker, nothing
    restated later: its background) has its claim where policy briefs put it, in the
    recommendation that closes them (Stab & Gurevych 2017: the major claim in the
    introduction or the conclusion). Under a heading that names the recommendation the
    advice needs no "Therefore", and it need not be the text's last paragraph: a
    section after it ("## Next steps", "## Costs") says how, not what. Without such a
    heading a lead that states its claim without a cue ("Homework is a waste of time.")
    stays the central claim.
    """
    units = seg.units
    if not units:
        return None
    last = units[-1].paragraph
    unit = next(u for u in units if u.paragraph == last)
    if _may_recommend(unit, exclude, reported):
        if unit.markers and unit.markers[0].rule in _SENTENCE_INITIAL and \
                unit.markers[0].function in (MarkerFunction.RESULT, MarkerFunction.SUMMARY):
            # "X. ¶ … ¶ Therefore, Y." / "In conclusion, Y.": the conclusion that opens
            # the text's last paragraph, drawn from all before it
            return unit
        if _advises(unit):
            # a closing paragraph that opens with advice: the letter's or op-ed's call to
            # act ("The council must build a protected lane on Harbour Road. Other towns
            # have.")
            return unit
    headed = {s.id for s in seg.sections
              if s.heading is not None and _RECOMMENDING_HEADING.search(s.heading)}
    if not headed:
        return None
    found: dict[str, Unit] = {}  # section id -> its first paragraph head that advises
    paragraph = None
    for u in units:
        if u.paragraph == paragraph or u.id in exclude:
            continue  # not a paragraph head (a leading clause is no head either)
        paragraph = u.paragraph
        if u.section in headed and u.section not in found and \
                _may_recommend(u, exclude, reported) and _advises(u):
            found[u.section] = u
    return max(found.values(), key=lambda u: u.span.start, default=None)


def _may_recommend(unit: Unit, exclude: Container[str], reported: Container[str]) -> bool:
    """Whether ``unit`` may be the text's recommendation: no subordinate clause, reported
    view, concession or question."""
    return unit.id not in exclude and unit.id not in reported and not concedes(unit) \
        and not unit.text.rstrip().endswith("?")


def _advises(unit: Unit) -> bool:
    """Whether ``unit`` advises: a deontic modal in its main clause ("The council should
    …") or a recommending phrase ("We recommend Option A", "It is time to …",
    ``RECOMMENDING`` in ``grammars/sentences.lark``)."""
    vocabulary = sentence_vocabulary()
    return bool(_main_clause_modals(unit.text, vocabulary["DEONTIC"])) or \
        vocabulary["RECOMMENDING"].search(unit.text) is not None


#: Words after which a modal stands in a subordinate clause ("the idea that the man
#: should rule", "ways in which no conflict ought to exist", "what ought to be done"):
#: no claim of the unit's own.
_SUBORDINATORS = frozenset({"that", "who", "whom", "whose", "which", "what", "whatever",
                            "whoever", "why", "how", "if", "whether", "where", "when",
                            "lest", "unless", "than", "case"})
#: Verbs after which "should" is the old first-person "would" ("I should like …").
_WOULD_VERBS = frozenset({"like", "love", "prefer", "welcome", "think", "say", "imagine",
                          "be", "have", "hope", "wish", "fancy", "suppose"})


def _main_clause_modals(text: str, deontic: re.Pattern[str]) -> list[str]:
    """The deontic modals of ``text`` that advise in its main clause: not in a question,
    not after a subordinator ("the idea that the man should rule"), and not the
    "should" of "I should like", "we should be glad" (Quirk et al. 1985, §4.57–4.59:
    putative and tentative "should" state no obligation)."""
    if text.rstrip().endswith("?"):
        return []
    out = []
    for clause in re.split(r"[,;:\u2014]", text):  # a subordinator governs its own clause
        words = re.findall(r"[\w'’]+", clause)
        for n, w in enumerate(words):
            if not deontic.fullmatch(w):
                continue
            if {v.casefold() for v in words[:n]} & _SUBORDINATORS:
                continue
            after = words[n + 1].casefold() if n + 1 < len(words) else ""
            if w.casefold() == "should" and n > 0 and \
                    words[n - 1].casefold() in ("i", "we") and after in _WOULD_VERBS:
                continue
            # "should not" counts as "shouldn't" does (a negated modal, see below)
            out.append(f"{w}n't" if after == "not" else w)
    return out


def _names(text: str) -> set[str]:
    """The words of ``text`` written with a capital inside the sentence (names: "Main
    Street", "Ghent"), folded as :func:`content_words` folds them. A title names the
    text's topic, which its context sentences name too ("Give Main Street to Bicycles"
    / "Every morning, cars crawl along Main Street …"); the claim is told by its other
    words."""
    words = re.findall(r"[\w'’]+", text)
    return {w.casefold() for w in words[1:] if w[:1].isupper()}


def _conclusion_cue(unit: Unit) -> float:
    """2 for a sentence-level result or summary marker ("Therefore, X", "In sum, X"),
    1.5 for a clause-level result ("…, so X": a conclusion from the clause before only),
    else 0."""
    intent = unit_intent(unit)
    if intent is not None and intent.direction in (Direction.FORWARD, Direction.SUMMARY):
        return 2.0
    if any(m.rule == "joiner" and m.function is MarkerFunction.RESULT for m in unit.markers):
        return 1.5
    return 0.0


def claim_cue(unit: Unit) -> bool:
    """Whether the unit carries a cue of a claim the author advances: a result or
    summary marker (:func:`_conclusion_cue`), an advising modal in its main clause
    ("should", "ought", "must": modal verbs are claim features in Stab & Gurevych 2017
    and Peldszus & Stede 2015), or a recommending phrase without a modal ("It is time
    for the government to lead", "Let us …": ``RECOMMENDING`` in
    ``grammars/sentences.lark``).

    >>> from argmap.model import Span
    >>> def cue(text: str) -> bool:
    ...     return claim_cue(Unit("u", Span(0, len(text)), text))
    >>> cue("The city must act now."), cue("It is time for the city to act.")
    (True, True)
    >>> cue("Thus far, the operator has ignored these figures.")
    False
    """
    if _conclusion_cue(unit) > 0:
        return True
    vocabulary = sentence_vocabulary()
    text = unit.text
    return bool(_main_clause_modals(text, vocabulary["DEONTIC"])) or (
        not text.rstrip().endswith("?") and vocabulary["RECOMMENDING"].search(text)
        is not None)


def _lead(units: Sequence[Unit], exclude: Container[str],
          reported: Container[str] = frozenset()) -> list[Unit]:
    """The thesis candidates of the first paragraph that has one.

    Candidates are the units that are neither excluded (in ``exclude`` or ``reported``),
    conceding, premise-marked, questions nor denials of an inference
    (:func:`~argmap.undercut.denies_inference`); failing any, those neither excluded nor
    conceding; failing any, every unit.
    """
    def lenient(u: Unit) -> bool:
        return u.id not in exclude and u.id not in reported and not concedes(u)

    def strict(u: Unit) -> bool:
        # nor a question: it asks what the text then claims ("Should schools start
        # later?" above the essay that says they should); nor the denial of an
        # inference ("But that does not follow."): it answers a claim, states none
        return lenient(u) and not _premise_marked(u) and \
            not u.text.rstrip().endswith("?") and not denies_inference(u.text)

    keeps: tuple[Callable[[Unit], bool], ...] = (strict, lenient, lambda u: True)
    for keep in keeps:
        first = next((u for u in units if keep(u)), None)
        if first is not None:
            return [u for u in units if u.paragraph == first.paragraph and keep(u)]
    return []


def _own_line(seg: Segmentation, paragraph: Sequence[Unit], lead: list[Unit],
              reported: Container[str]) -> tuple[list[Unit], int | None]:
    """Where the author's own line starts in the lead paragraph, past an opening that
    states the opponent's point.

    A paragraph opens with the opponent's point when a concession ("Of course X") or a
    reported view ("Some say X", ``reported``) comes before the first candidate, or when
    the next sentence answers the first candidate with a contrast ("X. But Y.") and the
    paragraph goes on past the answer ("X. But Y. Z."), and nothing answers Y in turn
    ("X. But Y. Still, Z." grants Y, an objection to X). In the arg-microtexts (Peldszus
    & Stede 2016) a first sentence that the next one answers with a contrast is never
    the central claim (11 texts) and is the opponent's (``opp``) in 10 of them: the
    answered candidate is dropped here. (In micro_b003 the contrast answers the first
    sentence's closing "unless" clause, and the sentence is the central claim: a
    conceding clause at the end of the sentence takes the answer, see :func:`_answer`.)
    A bare "X. But Y." stays a contrast between two statements, X first (the shared
    segmentation cases read it so).

    The answer then decides where the claim stands (the Concede–Counter pattern,
    Couper-Kuhlen & Thompson 2000): a contra-expectation ("Nevertheless Y", "Still Y")
    is what the author stands by, so Y holds the first position; a plain contrast ("But
    Y", "However, Y") is the counter, an attack on the opponent's point, and the claim
    follows it, so the first candidate after Y holds it (in the microtexts the plain
    contrast that answers an opening is never the central claim, 9 texts; the
    contra-expectation is, 2 of 2). Without an answer no candidate holds the first
    position.

    Returns:
        ``(candidates, first)``: the candidates (``lead`` without an answered opening)
        and the index among them of the one in first position, or ``None``.
    """
    opening = lead[0]
    if any(concedes(u) or u.id in reported
           for u in paragraph[: paragraph.index(opening)]):
        answer, function = opening, _answering(opening)
    else:
        answer, function = _answer(seg, paragraph, opening)
        if function is None or lead[-1].span.start <= answer.span.start \
                or _answer(seg, paragraph, answer)[1] is not None:
            return lead, 0
        lead = lead[1:]
    if function is None:
        return lead, None
    if function is MarkerFunction.CONTRA_EXPECTATION:
        return lead, next((n for n, u in enumerate(lead) if u is answer), None)
    start = answer.span.start
    return lead, next((n for n, u in enumerate(lead) if u.span.start > start), None)


def _past_denied(paragraph: Sequence[Unit], lead: list[Unit],
                 first: int | None) -> tuple[list[Unit], int | None]:
    """``(lead, first)`` without the units of a sentence whose reasoning the next
    sentence denies with a contrast ("Bars lost customers, so the ban hurt business.
    But that does not follow, …"; :func:`~argmap.undercut.denies_inference`): the
    inference the author undercuts is the opponent's, and so is its conclusion; the
    denial itself is no claim either. A lead that would be left with no candidate is
    kept whole. One pass: O(n) for n units.
    """
    denied: set[str] = set()
    sentence: list[Unit] = []  # the units of the sentence before, in text order
    for unit in paragraph:
        if sentence and unit.sentence != sentence[-1].sentence:
            if _answering(unit) is not None and denies_inference(unit.text):
                # the denial itself states no claim of its own either
                denied.update([*(u.id for u in sentence), unit.id])
            sentence = []
        sentence.append(unit)
    keep = [u for u in lead if u.id not in denied]
    if not denied or not keep or len(keep) == len(lead):
        return lead, first
    chosen = lead[first] if first is not None else None
    return keep, (keep.index(chosen) if chosen in keep else None)


#: The marker functions of a contrast that answers what it follows: a plain contrast
#: ("but", "however") and a contra-expectation ("nevertheless", "still").
ANSWERING = (MarkerFunction.CONTRAST, MarkerFunction.CONTRA_EXPECTATION)


def _answer(seg: Segmentation, paragraph: Sequence[Unit], unit: Unit,
            ) -> tuple[Unit, MarkerFunction | None]:
    """The unit that answers ``unit``'s sentence with a contrast, and the contrast's
    function (one of :data:`ANSWERING`): the paragraph's next unit that is no clause of
    another, when a contrast marker opens it ("X. But Y."); not when a conceding clause
    ends the sentence ("X, unless Y. Yet Z.": Z answers Y, as :mod:`argmap.structure`
    reads it). The function is ``None`` when nothing answers.

    A contrast inside the sentence ("X, but Y") does not count: in long sentences it
    often qualifies a part of X ("… by making equal hollows, but never letting them
    break") rather than answer X as a whole.
    """
    clauses = {source for source, _, _ in seg.links}
    following = paragraph[paragraph.index(unit) + 1 :]
    for after in following:
        if after.id not in clauses:
            return after, _answering(after)
        if any(m.rule == "joiner" and m.function is MarkerFunction.CONCESSION
               for m in after.markers):
            return unit, None  # "X unless Y. Yet Z.": Z answers Y
    return unit, None


#: The positions of a marker that opens its sentence: the opener, and an adverbial
#: stacked after it ("Indeed, however, …").
_SENTENCE_INITIAL = ("opener", "stacked")


def answering(intent: Intent | None) -> MarkerFunction | None:
    """The function of the contrast marker that opens a unit's sentence and answers the
    sentence before (one of :data:`ANSWERING`), given the unit's intent; else ``None``.

    Only a sentence-initial marker counts ("But Y.", "However, Y.", "Indeed, however,
    Y."): a contrast inside the sentence ("In some cases they deter, in general,
    however, …") may answer the sentence's own first clause, not the sentence before.

    Example:
        >>> from argmap.model import Marker, Span
        >>> but = Marker("But", Span(0, 3), MarkerFunction.CONTRAST,
        ...              "Comparison.Contrast", "opener", "BUT")
        >>> answering(unit_intent(Unit("u", Span(4, 12), "it is.", markers=(but,))))
        <MarkerFunction.CONTRAST: 'contrast'>
    """
    if intent is not None and intent.kind is RelationKind.ATTACK and not intent.concedes:
        marker = intent.marker
        if marker.function in ANSWERING and marker.rule in _SENTENCE_INITIAL:
            return marker.function
    return None


def _answering(unit: Unit) -> MarkerFunction | None:
    """:func:`answering` of the unit's intent."""
    return answering(unit_intent(unit))


def _restated(units: Sequence[Unit], home: int, lead_words: list[set[str]], source: str,
              ) -> tuple[list[bool], list[Unit], bool]:
    """Which lead units a unit of another paragraph restates, streaming over those units.

    A unit's words are found only when its paragraph's text (``source``, the input, from
    the paragraph's first unit to its last) and its own text hold enough of some lead
    unit's words (:meth:`_Claim.may_be_restated_in`): most share too few to restate
    anything. ``units`` are in text order, each one's text its span of ``source``, as
    in every :class:`~argmap.segment.Segmentation`.

    Returns:
        ``(restated, restating, has_later)``: for each lead unit whether some later unit
        restates it; the later units that restate at least one lead unit (text order);
        whether there is any unit outside paragraph ``home``.
    """
    claims = [_Claim(words) for words in lead_words]
    restated = [False] * len(lead_words)
    restating: list[Unit] = []
    has_later = False
    for paragraph, group in groupby(units, key=attrgetter("paragraph")):
        if paragraph == home:
            continue
        has_later = True
        members = list(group)
        # what no unit of the paragraph may restate, no unit of it restates
        folded = _folded(source[members[0].span.start : members[-1].span.end])
        candidates = [n for n, claim in enumerate(claims) if claim.may_be_restated_in(folded)]
        if not candidates:
            continue
        for unit in members:
            text = unit.text
            folded = _folded(text)
            maybe = [n for n in candidates if claims[n].may_be_restated_in(folded)]
            if not maybe:
                continue
            words = content_words(text)
            hit = False
            for n in maybe:
                if restates(words, claims[n].words):
                    restated[n] = hit = True
            if hit:
                restating.append(unit)
    return restated, restating, has_later


def _folded(text: str) -> str:
    """``text`` case-folded so that each of ``content_words(text)`` is a substring of it.

    ASCII text is lower-cased, as :func:`content_words` does; other text is case-folded
    whole, which folds each character on its own (``str.casefold`` looks at no
    neighbour), so a word folded by itself is a substring of the folded text.
    """
    return text.lower() if text.isascii() else text.casefold()


class _Claim:
    """A lead unit's content words, and a quick test of whether a later unit may restate it.

    ``restates(words, claim)`` needs ``len(words & claim) / len(claim) >=
    RESTATEMENT_OVERLAP`` (the union of the two sets is at least the claim), and each
    shared word is a substring of the later unit's :func:`_folded` text. So a text that
    lacks more than ``spare`` of the claim's words does not restate it.
    """

    __slots__ = ("probes", "spare", "words")

    def __init__(self, words: set[str]) -> None:
        self.words = words
        #: the words to look for, longest (rarest as substrings, so the first to miss) first
        self.probes = tuple(sorted(words, key=lambda w: (-len(w), w)))
        size = len(words)
        fewest = next((k for k in range(size + 1) if k / size >= RESTATEMENT_OVERLAP), 0) \
            if size else 0
        #: how many of the words a restating text may lack (float division as in restates)
        self.spare = size - fewest

    def may_be_restated_in(self, folded: str) -> bool:
        """``False`` when a unit whose :func:`_folded` text is ``folded`` cannot restate
        the claim (``restates`` would say no); ``True`` when it may."""
        if not self.words:
            return False
        spare = self.spare
        for word in self.probes:
            if word not in folded:
                spare -= 1
                if spare < 0:
                    return False
        return True


def _premise_marked(unit: Unit) -> bool:
    """Whether the unit's marker makes it a premise of what precedes ("Besides, …")."""
    intent = unit_intent(unit)
    return intent is not None and intent.kind is RelationKind.SUPPORT and \
        intent.direction in (Direction.BACKWARD, Direction.PARALLEL, Direction.ITEM)


def concedes(unit: Unit) -> bool:
    """Whether the unit opens with a concession marker ("Of course", "To be sure")."""
    intent = unit_intent(unit)
    return intent is not None and intent.concedes
