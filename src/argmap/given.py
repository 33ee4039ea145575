"""Segment a document into units the caller gives (gold EDUs), with the markers of each.

Used by ``argmap eval --gold-units``: the relation and structure rules then run over
the given units, so that segmentation errors and relation errors can be told apart.
Each given span is read by the same marker grammar as a sentence of its own; a unit that
does not start its sentence and opens with a conjunction or subordinator ("but …",
"because …") is linked to the unit before it exactly as the segmenter links the clauses
it cuts (a ``joiner``); a sentence-initial subordinate clause ("Although X," | "Y") is
linked to the unit after the comma that closes it ("Although X" | "and Y," | "Z" -> Z).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

import attrs

from argmap.grammar import Grammar, load_grammar
from argmap.ingest import BlockKind, Document
from argmap.model import Marker, MarkerFunction, Role, Section, SharedText, Span, Unit
from argmap.segment import Segmentation, clause_units, split_sentences, unit_id

__all__ = ["segment_given"]

#: Marker functions that, at the start of a unit inside a sentence, join it to the
#: clause before (coordinating and subordinating conjunctions, PDTB explicit
#: connectives of these senses).
_JOINING = frozenset({MarkerFunction.CONTRAST, MarkerFunction.CONTRA_EXPECTATION,
                      MarkerFunction.CONCESSION, MarkerFunction.REASON,
                      MarkerFunction.RESULT, MarkerFunction.ADDITION})


def segment_given(document: Document, spans: Sequence[Span],
                  grammar: Grammar | None = None) -> Segmentation:
    """Build a :class:`~argmap.segment.Segmentation` whose units are exactly ``spans``.

    Args:
        document: the input document.
        spans: unit spans (character offsets into ``document.text``), in any order;
            they must not overlap.

    Returns:
        The segmentation: one unit per span (text order), each with the markers found
        in it, the sentences of the document, and the clause links described in the
        module docstring. Headings are not read: all units are in one section, ``lead``.
        A unit's span is the given span, so its opening marker lies inside it.

    Raises:
        ValueError: two spans overlap, or a span lies outside the text.
    """
    grammar = grammar or load_grammar()
    text = document.text
    shared = SharedText(text)  # the units slice their text from the input's
    ordered = sorted(spans)
    for a, b in pairwise(ordered):
        if a.overlaps(b):
            raise ValueError(f"given units {a} and {b} overlap")
    if ordered and ordered[-1].end > len(text):
        raise ValueError(f"given unit {ordered[-1]} lies outside the text")
    sentences: list[Span] = []
    paragraph_of: list[int] = []
    paragraphs = [b for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    for n, block in enumerate(paragraphs):
        for sentence in split_sentences(text, block.span, grammar):
            sentences.append(sentence)
            paragraph_of.append(n)
    starts = sorted(s.start for s in sentences)
    units: list[Unit] = []
    links: list[tuple[str, str, Marker]] = []
    taken: dict[str, int] = {}
    previous_sentence = -1
    pending_leading: tuple[str, Marker] | None = None
    for span in ordered:
        # the sentence the unit starts in (or the last one starting before it)
        index = max(0, bisect_right(starts, span.start) - 1)
        pieces, piece_links = clause_units(grammar, text, span)
        markers = list(pieces[0][1]) if pieces else []
        # inner markers of the unit's later clauses ("…, which, however, …") count too
        markers += [m for _, later in pieces[1:] for m in later
                    if m.rule in ("parenthetical", "final", "medial")]
        continues = span.slice(text).rstrip().endswith((",", ";", "—", "–"))
        if (0, 1) in {(a, b) for a, b, _ in piece_links} and markers and not continues:
            markers = markers[1:]  # "Although X, Y" inside one unit: the unit is Y's
        sentence_initial = index != previous_sentence
        uid = unit_id(span.slice(text), taken)
        first = markers[0] if markers else None
        opens = first is not None and first.span.start - span.start <= 1
        if first is not None and opens and not sentence_initial and \
                first.function in _JOINING and units:
            markers[0] = attrs.evolve(first, rule="joiner")
            links.append((uid, units[-1].id, markers[0]))
        if pending_leading is not None and sentence_initial:
            pending_leading = None
        elif pending_leading is not None and units[-1].text.rstrip().endswith((",", ";")):
            # "Although X" | "and Y," | "Z": the main clause starts after the comma
            links.append((pending_leading[0], uid, pending_leading[1]))
            pending_leading = None
        if first is not None and opens and sentence_initial and (
                first.rule in ("subordinate", "while_concession")
                or (first.function is MarkerFunction.CONCESSION
                    and first.terminal in grammar.clause_terminals)):
            pending_leading = (uid, first)
        units.append(Unit(uid, span, shared, Role.PREMISE, tuple(markers),
                          "lead", paragraph_of[index] if paragraph_of else 0, index))
        previous_sentence = index
    section = Section("lead", None, None, tuple(u.id for u in units))
    return Segmentation(document, tuple(units), tuple(sentences), (section,), tuple(links))
