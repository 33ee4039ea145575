"""Choose the central claim (thesis) of a text: position, restatement and thesis cues."""

from __future__ import annotations

import re

from argmap.model import MarkerFunction, RelationKind, Unit
from argmap.relate import Direction, unit_intent
from argmap.segment import Segmentation, sentence_vocabulary

__all__ = ["RESTATEMENT_OVERLAP", "central_claim", "concedes", "content_words", "word_overlap"]

#: Share of content words a later unit must have in common with the central claim to
#: restate it (Jaccard similarity of word sets; chosen on the seed and the microtexts'
#: restated claims, where restatements share 70–100% of their words).
RESTATEMENT_OVERLAP = 0.7

_CONTENT = re.compile(r"[^\W\d_]{3,}")


def content_words(text: str) -> set[str]:
    """The words of three letters or more, case-folded (compared for restatements)."""
    return {w.casefold().replace("’", "'") for w in _CONTENT.findall(text)}


def word_overlap(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two word sets; 0 when either is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def central_claim(seg: Segmentation, title: str | None,
                  exclude: frozenset[str] = frozenset()) -> Unit | None:
    """Choose the thesis among the units of the lead paragraph.

    Score: words shared with the title; plus 2 if a later paragraph restates the unit;
    plus 2 for a sentence-level result or summary marker ("therefore", "that's why",
    "in sum": a conclusion, Stab & Gurevych 2017), 1.5 for a clause-level one ("…, so
    Y": its first argument is the clause before, not the preceding discourse; PDTB 2.0
    Arg1 locations, Prasad et al. 2008), so between a sentence-level conclusion and
    the first position; plus 1 for a deontic modal ("should", "must":
    a policy claim, the usual thesis of argumentative texts; modal verbs are claim
    features in Stab & Gurevych 2017 and Peldszus & Stede 2015); plus 1 for the first
    position (news lead, Van Dijk 1988; essays' thesis position, Stab & Gurevych 2017)
    unless a concession opens the paragraph (then the claim follows its answer: the
    Concede–Counter pattern, Couper-Kuhlen & Thompson 2000); in a text of one
    paragraph, plus 0.5 for the last unit when it carries one of these cues (the
    conclusion position of essays, Stab & Gurevych 2017). Ties go to the earlier unit.

    Never the thesis: units in ``exclude`` (subordinate clauses: reasons and
    concessions; reported views), concessions, and units whose marker makes them a
    premise of something else (reason, example, elaboration, addition, list item).
    """
    candidates = [u for u in seg.units if u.id not in exclude and not concedes(u)
                  and not _premise_marked(u)] \
        or [u for u in seg.units if u.id not in exclude and not concedes(u)] \
        or list(seg.units)
    if not candidates:
        return None
    lead = [u for u in candidates if u.paragraph == candidates[0].paragraph]
    paragraph = [u for u in seg.units if u.paragraph == lead[0].paragraph]
    later = [content_words(u.text) for u in seg.units if u.paragraph != lead[0].paragraph]
    conceded = any(concedes(u) for u in paragraph[: paragraph.index(lead[0])])
    title_words = content_words(title or "")
    deontic = sentence_vocabulary()["DEONTIC"]
    best, best_score = lead[0], -1.0
    for n, unit in enumerate(lead):
        words = content_words(unit.text)
        score = len(words & title_words) + (1.0 if n == 0 and not conceded else 0.0)
        intent = unit_intent(unit)
        cued = False
        if intent is not None and intent.direction in (Direction.FORWARD, Direction.SUMMARY):
            score += 2.0
            cued = True
        elif any(m.rule == "joiner" and m.function is MarkerFunction.RESULT
                 for m in unit.markers):
            score += 1.5  # "…, so Y": a conclusion from the clause before only
            cued = True
        if any(deontic.fullmatch(w) for w in re.findall(r"[\w'’]+", unit.text)):
            score += 1.0
            cued = True
        if cued and not later and unit is paragraph[-1]:
            score += 0.5
        if any(word_overlap(words, w) >= RESTATEMENT_OVERLAP for w in later):
            score += 2.0
        if score > best_score:
            best, best_score = unit, score
    return best


def _premise_marked(unit: Unit) -> bool:
    """Whether the unit's marker makes it a premise of what precedes ("Besides, …")."""
    intent = unit_intent(unit)
    return intent is not None and intent.kind is RelationKind.SUPPORT and \
        intent.direction in (Direction.BACKWARD, Direction.PARALLEL, Direction.ITEM)


def concedes(unit: Unit) -> bool:
    """Whether the unit opens with a concession marker ("Of course", "To be sure")."""
    intent = unit_intent(unit)
    return intent is not None and intent.concedes
