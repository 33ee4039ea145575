"""What a unit's discourse markers say about its relation to what came before.

Each rule here reads one marker function (from the grammar's function groups) and
returns an :class:`Intent`: the relation kind, its direction and a rule id. Where the
relation attaches (the previous sentence, the paragraph head, the section claim) is
decided by :mod:`argmap.structure`.

Sources: the direction of each function follows the PDTB 2.0 sense of its markers
(Prasad et al. 2008; counts in Eng-DiMLex) and the indicator classes of Stab &
Gurevych (2017): reason markers mark a premise of what precedes, result markers a
conclusion from it, contrast markers an attack on it, concessions a granted opposing
point (Peldszus & Stede 2013, "From argument diagrams to argumentation mining").
"""

from __future__ import annotations

import enum
import functools

import attrs

from argmap.grammar import load_grammar
from argmap.model import Marker, MarkerFunction, RelationKind, Unit

__all__ = ["JUXTAPOSITION", "Direction", "Intent", "clause_intent", "corrected",
           "opposed_intent", "unit_intent"]


class Direction(str, enum.Enum):
    """``BACKWARD``: the marked unit is the source (it supports/attacks what precedes).
    ``FORWARD``: what precedes is the source (it supports the marked unit, a conclusion).
    ``SUMMARY``: several preceding units support the marked unit.
    ``PARALLEL``: the marked unit attaches where the previous unit attached.
    ``ITEM``: the marked unit is an item of the open enumeration.
    """

    BACKWARD = "backward"
    FORWARD = "forward"
    SUMMARY = "summary"
    PARALLEL = "parallel"
    ITEM = "item"


@attrs.frozen
class Intent:
    """The relation a marker asks for.

    Attributes:
        kind: support or attack.
        subtype: the discourse relation (``contrast``, ``reason``, ``result`` …).
        direction: see :class:`Direction`.
        rule: the rule id, ``<function>.<position>`` (e.g. ``contrast.opener``).
        marker: the marker that triggered it.
        concedes: the unit grants an opposing point that a later contrast answers.
    """

    kind: RelationKind
    subtype: str
    direction: Direction
    rule: str
    marker: Marker
    concedes: bool = False


_BY_FUNCTION: dict[MarkerFunction, tuple[RelationKind, str, Direction]] = {
    MarkerFunction.CONTRAST: (RelationKind.ATTACK, "contrast", Direction.BACKWARD),
    MarkerFunction.CONTRA_EXPECTATION: (RelationKind.ATTACK, "contrast", Direction.BACKWARD),
    MarkerFunction.CONCESSION: (RelationKind.ATTACK, "concession", Direction.BACKWARD),
    MarkerFunction.REASON: (RelationKind.SUPPORT, "reason", Direction.BACKWARD),
    MarkerFunction.EXAMPLE: (RelationKind.SUPPORT, "example", Direction.BACKWARD),
    MarkerFunction.ELABORATION: (RelationKind.SUPPORT, "elaboration", Direction.BACKWARD),
    MarkerFunction.RESTATEMENT: (RelationKind.SUPPORT, "restatement", Direction.BACKWARD),
    MarkerFunction.ADDITION: (RelationKind.SUPPORT, "addition", Direction.PARALLEL),
    MarkerFunction.RESULT: (RelationKind.SUPPORT, "result", Direction.FORWARD),
    MarkerFunction.SUMMARY: (RelationKind.SUPPORT, "summary", Direction.SUMMARY),
    MarkerFunction.ORDINAL: (RelationKind.SUPPORT, "item", Direction.ITEM),
}

#: Functions whose marker governs the unit from the start of its sentence.
_OPENING_RULES = frozenset({"opener", "subordinate", "while_concession", "ordinal_np",
                            "list_item"})
#: Marker rules that govern the unit from inside it, when no marker opens it; and the
#: adverbial stacked after an adverbial opener ("Thus, for example,"), which stands
#: before the unit's text but is read as a parenthetical.
_INNER_RULES = frozenset({"parenthetical", "final", "final_though", "inline", "medial",
                          "stacked"})
#: The functions of contrastive connectives ("but", "yet", "however", "still"): an
#: elaborating marker (:data:`_ELABORATING`) stacked after one does not govern the unit.
_CONTRASTIVE = frozenset({MarkerFunction.CONTRAST, MarkerFunction.CONTRA_EXPECTATION})
#: The functions of markers that say how a unit states its own claim, more exactly or
#: again (PDTB 2.0 Expansion: Instantiation, Restatement; avowal, Halliday & Hasan
#: 1976, §5.4), not how it stands to the unit before: "in fact", "for example", "in
#: other words". After a contrastive connective the contrast says that.
_ELABORATING = frozenset({MarkerFunction.ELABORATION, MarkerFunction.EXAMPLE,
                          MarkerFunction.RESTATEMENT})


@functools.lru_cache(maxsize=1)
def _clause_terminals() -> frozenset[str]:
    """The terminals of the built-in grammar's subordinating conjunctions ("although",
    "unless"): read once, the first time a concession follows a result marker. (A user
    grammar's own ``*_clause`` terminals are not among them.)"""
    return load_grammar().clause_terminals


#: The slots of :class:`Intent`, which :func:`_intent` fills directly.
_INTENT_SLOTS = tuple(Intent.__dict__[name].__set__ for name in
                      ("kind", "subtype", "direction", "rule", "marker", "concedes"))
#: The function whose intents concede, read off its enum once (``_intent`` runs for every
#: marked unit; in Python 3.11 a member read off its class costs ten times a global).
_CONCESSION = MarkerFunction.CONCESSION
_RESULT = MarkerFunction.RESULT
_CONTRAST = MarkerFunction.CONTRAST
_SUPPORT, _PARALLEL = RelationKind.SUPPORT, Direction.PARALLEL
#: The PDTB sense of a contrast that juxtaposes ("while", "whereas"): joining two clauses
#: it makes them parallel (rule ``juxtaposition.joiner``), inside a clause it asks for no
#: relation.
JUXTAPOSITION = "Comparison.Contrast.Juxtaposition"
#: The rule id of each (marker function, position) met, ``<function>.<position>``.
_RULE_IDS: dict[tuple[MarkerFunction, str], str] = {}


def _intent(marker: Marker, position: str, juxtapose: bool = True) -> Intent | None:
    """The intent of ``marker`` at ``position`` (its rule), or ``None`` for a function
    that asks for no relation.

    The intent is made as ``Intent(kind, subtype, direction, rule, marker, concedes=…)``
    would make it, but by filling its slots directly (a frozen attrs class refuses
    ``setattr``; its slot descriptors do not): the class has no validator or converter,
    and its ``__init__`` cost half of this function, which runs for every marked unit
    and clause link. The rule id is made once per function and position.
    """
    function = marker.function
    entry = _BY_FUNCTION.get(function)
    if entry is None:
        return None
    kind, subtype, direction = entry
    if juxtapose and function is _CONTRAST and position != "opener" and \
            marker.sense == JUXTAPOSITION:
        # ", while Y" / ", whereas Y" juxtaposes two parallel claims of one sentence
        # (PDTB 2.0 Comparison.Contrast.Juxtaposition): neither attacks the other, and
        # the sentence does not answer the one before
        if position != "joiner":
            return None
        kind, subtype, direction = _SUPPORT, "juxtaposition", _PARALLEL
        rule = "juxtaposition.joiner"
    else:
        known = _RULE_IDS.get((function, position))
        if known is None:
            known = _RULE_IDS[function, position] = f"{function.value}.{position}"
        rule = known
    intent = object.__new__(Intent)
    set_kind, set_subtype, set_direction, set_rule, set_marker, set_concedes = _INTENT_SLOTS
    set_kind(intent, kind)
    set_subtype(intent, subtype)
    set_direction(intent, direction)
    set_rule(intent, rule)
    set_marker(intent, marker)
    set_concedes(intent, function is _CONCESSION)
    return intent


def unit_intent(unit: Unit, *, negated: bool = False) -> Intent | None:
    """The relation asked for by the markers that open ``unit`` (or lie inside it).

    The last opening marker wins ("But still," is contra-expectation), because it is the
    one closest to the unit's content; so too when commas set it off after a coordinator
    ("And, of course," concedes): PDTB 2.0 reads a conjunction before another connective
    as a connective of its own (The PDTB Research Group 2007, §1.5; Prasad et al. 2008),
    and the adverbial, the nearer one, decides. A parenthetical or clause-final marker
    ("Its cost, however, is hidden.") counts when no marker opens the unit; so a second
    adverbial set off by commas after an adverbial opener ("Therefore, of course, …",
    "Hence, also, …", "Finally, however, …"), which the grammar reads as a parenthetical,
    leaves the sentence-initial marker governing: "of course" there stresses the
    conclusion and concedes nothing, and "Finally," stays an item of its enumeration.
    So too after a result conjunction or adverb in the same opening ("So, of course,
    X", "So of course X", "Thus of course X"): a concession adverbial there ("of
    course", "naturally", "admittedly") does not govern and the unit is concluded, as
    after "Therefore, of course,"; real text uses "So, of course," for a consequence
    the writer finds obvious ("It was our last night. So, of course, we rewarded
    ourselves."), not for a point granted and then answered. A subordinating concession
    there ("So although X, Y") still concedes its clause.

    An elaboration marker in a negated unit ("In fact, X is not …") is corrective: it
    answers a reading given before, so it attacks (Halliday & Hasan 1976, §5.4: "in
    fact", "actually", "as a matter of fact" as adversative avowal). For the same reason
    an elaboration, example or restatement marker stacked after a contrastive one does
    not win ("But in fact, X", "Yet, indeed, X", "But, for example, X", "But, in other
    words, X"): it says how the unit states the contrasting claim, and the contrastive
    marker decides how that claim stands to what came before. Nor does an elaboration
    marker opening before a contrastive marker stacked after it ("In fact, however, X",
    "Indeed, however, X"): the avowal reinforces the contrast.

    Example:
        >>> from argmap.model import Span
        >>> m = Marker("However", Span(0, 7), MarkerFunction.CONTRAST,
        ...            "Comparison.Contrast", "opener", "HOWEVER")
        >>> unit_intent(Unit("u", Span(9, 20), "wages fell.", markers=(m,))).rule
        'contrast.opener'
    """
    markers = unit.markers
    if not markers:
        return None  # most units: no marker, no intent
    if len(markers) == 1:
        intent = _lone_marker_intent(markers[0])
        return corrected(intent) if negated and intent is not None else intent
    governing = [m for m in markers if m.rule in _OPENING_RULES] or \
        [m for m in markers if m.rule in _INNER_RULES]
    for k in range(len(governing) - 1, -1, -1):
        marker = governing[k]
        if marker.function in _ELABORATING and any(
                m.function in _CONTRASTIVE for m in governing[:k]):
            continue  # "But in fact, …", "But, for example, …": the contrast decides
        if marker.function is _CONCESSION and any(
                m.function is _RESULT for m in governing[:k]) and \
                marker.terminal not in _clause_terminals():
            continue  # "So, of course, …", "Thus of course …": the conclusion decides
        if marker.function is MarkerFunction.ELABORATION:
            # "In fact, however, …": the avowal reinforces the contrast stacked after it
            # (not one further on: "In fact, X agree that, however much …")
            marker = next((m for m in markers if m.rule == "stacked"
                           and m.function in _CONTRASTIVE), marker)
        intent = _intent(marker, marker.rule)
        if intent is not None:
            return corrected(intent) if negated else intent
    return None


def _lone_marker_intent(marker: Marker) -> Intent | None:
    """The intent of a unit whose one marker is ``marker`` (most marked units), as the
    general reading finds it without building its lists: the marker governs the unit
    when it opens it or lies inside it, and then its intent is the unit's."""
    rule = marker.rule
    if rule in _OPENING_RULES or rule in _INNER_RULES:
        return _intent(marker, rule)
    return None


def corrected(intent: Intent) -> Intent:
    """The intent of a negated unit's marker: corrective for elaboration ("In fact, X is
    not …": an attack, rule ``elaboration.corrective``), else ``intent`` itself.

    ``unit_intent(unit, negated=True) == corrected(unit_intent(unit))`` when the unit has
    an intent.
    """
    if intent.marker.function is MarkerFunction.ELABORATION:
        return attrs.evolve(intent, kind=RelationKind.ATTACK, subtype="correction",
                            rule="elaboration.corrective")
    return intent


def opposed_intent(marker: Marker) -> Intent | None:
    """The intent of a juxtaposing contrast marker (", while Y", ", whereas Y") read as
    opposition: Y attacks what it is set against, as after "but". That is its reading
    when one side reports a view or is the central claim ("Supporters claim X, while in
    reality Y"; PDTB 2.0 annotates such "while" as Comparison.Contrast, not
    Juxtaposition); the caller decides (:mod:`argmap.structure`). For any other marker,
    its usual intent.
    """
    return _intent(marker, marker.rule, juxtapose=False)


def clause_intent(marker: Marker) -> Intent | None:
    """The relation between the two clauses of one sentence joined by ``marker``.

    The marked clause is the source, except for result conjunctions (", so …") where the
    other clause supports it.
    """
    return _intent(marker, marker.rule)
