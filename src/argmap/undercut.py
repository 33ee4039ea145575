"""Undercuts: an attack on the inference from one unit to another, not on a unit.

An undercutting defeater denies that a premise supports its conclusion, while granting
(or leaving open) both (Pollock 1987, "Defeasible reasoning", Cognitive Science 11); in
the argumentative microtexts it is an attack whose target is a support relation (the
``und`` edge of Peldszus & Stede 2013, "From argument diagrams to argumentation
mining", and 2016). Its cues are the critical questions that ask for an unstated
assumption or a missing link (Walton, Reed & Macagno 2008, "Argumentation Schemes"),
asked of the reasoning just given: "But this assumes …", "But that does not follow",
"This argument ignores …", "That only holds if …", "That is no reason to …". The
vocabulary is the terminal ``UNDERCUT`` of ``grammars/relations.lark``; the map builder
(:mod:`argmap.structure`) runs :func:`undercut` over the relations it found, as its last
step, and the rule id of an undercut is its attack's rule with ``.undercut`` added.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from argmap.grammar import grammar_terminals
from argmap.model import Marker, Relation, RelationKind, Unit

__all__ = ["denies_inference", "undercut"]

_SUPPORT, _ATTACK = RelationKind.SUPPORT, RelationKind.ATTACK
#: The rules of the attacks that may undercut: those of a contrastive marker ("but",
#: "however", "still") and a corrective "in fact" (the bases of ``*.undercut`` in
#: ``grammars/relations.lark``), by the first part of their ids.
_UNDERCUTTING = ("contrast.", "contra_expectation.", "elaboration.corrective",
                 "rejection.answer", "denial.inference")
#: Those of them made without a contrast marker, by the denial alone: they undercut
#: only an inference stated in a support (a reason or a conclusion), not a conceded
#: point's attack.
_UNMARKED = ("rejection.answer", "denial.inference")
#: Support subtypes that state no inference: saying the same again, an item of a list
#: under its announcement, a clause set beside another.
_NO_INFERENCE = frozenset({"restatement", "item", "juxtaposition"})


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The terminal ``UNDERCUT`` of ``grammars/relations.lark``, compiled."""
    terminal = next(t for t in grammar_terminals("relations") if t.name == "UNDERCUT")
    return re.compile(terminal.pattern.to_regexp(), re.IGNORECASE)


def denies_inference(text: str) -> bool:
    """Whether a unit's text (without its opening marker) denies the inference just
    given: its subject refers back to the reasoning ("this", "that", "this argument",
    "the conclusion") and its predicate denies that it holds ("assumes", "ignores",
    "does not follow", "only holds if", "is no reason to"; ``UNDERCUT`` in
    ``grammars/relations.lark``).

    >>> denies_inference("that does not follow."), denies_inference("this assumes X.")
    (True, True)
    >>> denies_inference("It does not follow the rules."), denies_inference(
    ...     "the argument about X is old.")
    (False, False)
    """
    return _pattern().match(text) is not None


def undercut(units: Sequence[Unit], relations: Sequence[Relation]) -> tuple[Relation, ...]:
    """The relations with each attack that denies an inference turned into an undercut.

    An attack from a unit U to a unit X, made by a contrastive marker or a corrective
    "in fact" (rule ``contrast.*``, ``contra_expectation.*``, ``elaboration.corrective``),
    whose U's text denies the inference (:func:`denies_inference`), attacks instead the
    inference that the reasoning just given stated: among the supports into or out of X,
    and X's own attack when X is a conceded point (subtype ``concession``), whose other
    end lies before U, the one whose later end is nearest U, an
    incoming one first ("A, so X. But that does not follow." undercuts A -> X; "X. But
    this assumes Z." undercuts X -> Y; "Admittedly X. But that is no reason to …"
    undercuts X's attack, the most frequent undercut of the microtexts). Restatements,
    list items and juxtaposed clauses state no inference and are passed over, and so is
    a relation without a marker between two paragraphs (the map builder's link of a
    paragraph to its section's claim, which the text did not state), or one across
    paragraphs whose marker is the undercutting answer's own (the attack of a view that
    only this answer makes a conceded point: "My opponent claims X. But this assumes …"
    rebuts X). With no
    such relation the attack stays a rebuttal of X. The undercut keeps the attack's
    marker, has the
    subtype ``undercut``, the target the attacked relation's id, and the rule id the
    attack's with ``.undercut`` added (``contrast.opener.undercut``).

    Args:
        units: the map's units, in text order.
        relations: its relations.

    Returns:
        The relations, in the same order, the undercutting attacks replaced.

    Example:
        >>> from argmap.model import Span
        >>> u = [Unit(i, Span(n, n + 1), t, paragraph=0)
        ...      for n, (i, t) in enumerate([("a", "Bars lost customers"),
        ...                                  ("x", "the ban hurt business."),
        ...                                  ("c", "that does not follow.")])]
        >>> r = [Relation(None, "a", "x", RelationKind.SUPPORT, "result", "result.joiner"),
        ...      Relation(None, "c", "a", RelationKind.ATTACK, "contrast",
        ...               "contrast.opener")]
        >>> undercut(u, r)[1].target, undercut(u, r)[1].rule
        ('r-a-x', 'contrast.opener.undercut')
    """
    match = _pattern().match
    position: dict[str, int] | None = None
    touching: dict[str, list[Relation]] | None = None
    out = list(relations)
    for n, rel in enumerate(relations):
        if rel.kind is not _ATTACK or not rel.rule.startswith(_UNDERCUTTING):
            continue
        if position is None:  # built at the first attack that may undercut
            position = {u.id: k for k, u in enumerate(units)}
        source, target = position.get(rel.source), position.get(rel.target)
        if source is None or target is None or not match(units[source].text):
            continue
        if touching is None:  # built at the first unit that denies an inference
            touching = {}
            for r in relations:
                if r.kind is _SUPPORT and r.subtype not in _NO_INFERENCE:
                    touching.setdefault(r.source, []).append(r)
                    touching.setdefault(r.target, []).append(r)
                elif r.kind is _ATTACK and r.subtype == "concession":
                    touching.setdefault(r.source, []).append(r)  # a conceded point's
        supports = touching.get(rel.target, ())
        if rel.rule.startswith(_UNMARKED):
            supports = [r for r in supports if r.kind is _SUPPORT]
        attacked = _inference(units, position, supports, target, source, rel.marker)
        if attacked is not None:
            out[n] = Relation(None, rel.source, attacked.id, _ATTACK, "undercut",
                              f"{rel.rule}.undercut", rel.marker)
    return tuple(out)


def _inference(units: Sequence[Unit], position: dict[str, int],
               supports: Sequence[Relation], attacked: int, attacker: int,
               answer: Marker | None) -> Relation | None:
    """The support into or out of the unit at position ``attacked`` that the attack of
    the unit at ``attacker``, made by the marker ``answer``, undercuts (see
    :func:`undercut`), or ``None``."""
    unit = units[attacked]
    best: Relation | None = None
    best_key = (-1, False, 0)
    for r in supports:
        incoming = r.target == unit.id
        other = position.get(r.source if incoming else r.target)
        if other is None or other == attacked or other >= attacker or (
                (r.marker is None or r.marker == answer)
                and units[other].paragraph != unit.paragraph):
            # an unmarked relation between paragraphs is the map's, not stated; so is
            # the attack of a point that only this answer makes conceded (its marker is
            # the answer's: "My opponent claims X. But this assumes …" rebuts X)
            continue
        key = (max(other, attacked), incoming, -abs(other - attacked))
        if key > best_key:
            best, best_key = r, key
    return best
