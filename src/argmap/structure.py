"""Build the ``ArgumentMap``: central claim, relations, enumerations, sections, roles.

The map is built bottom-up in three levels (Mann & Thompson's RST nuclearity read as
argument structure, as in Peldszus & Stede 2013):

1. sentence level: a unit attaches, by its marker, to the previous unit of its
   paragraph; an unmarked unit supports the paragraph head (its first unit);
2. paragraph level: a paragraph head attaches, by its marker, to an earlier paragraph
   (an ordinal to the open enumeration, a contrast to the paragraph or the reported
   view it answers); unmarked heads support their section's claim;
3. section level: each section's claim (its summary or closing conclusion, else its
   first paragraph head) supports the central claim, unless it restates it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from argmap.grammar import Grammar, load_grammar
from argmap.model import (
    ArgumentMap,
    Enumeration,
    Marker,
    MarkerFunction,
    Relation,
    RelationKind,
    Role,
    Unit,
)
from argmap.relate import Direction, Intent, clause_intent, unit_intent
from argmap.segment import Segmentation, sentence_vocabulary

__all__ = ["RESTATEMENT_OVERLAP", "build_map", "central_claim"]

#: Share of content words a later unit must have in common with the central claim to
#: restate it (Jaccard similarity of word sets; chosen on the seed and the microtexts'
#: restated claims, where restatements share 70–100% of their words).
RESTATEMENT_OVERLAP = 0.7

_CONTENT = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> set[str]:
    return {w.casefold().replace("’", "'") for w in _CONTENT.findall(text)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def central_claim(seg: Segmentation, title: str | None,
                  exclude: frozenset[str] = frozenset()) -> Unit | None:
    """Choose the thesis among the units of the lead paragraph.

    Score: words shared with the title, plus 2 if a later unit restates the unit, plus
    1 for the first position (news lead, Van Dijk 1988; essays' thesis position, Stab &
    Gurevych 2017). Ties go to the earlier unit. Units in ``exclude`` (subordinate
    clauses: reasons and concessions) are never the thesis.
    """
    candidates = [u for u in seg.units if u.id not in exclude and not _concedes(u)] \
        or list(seg.units)
    if not candidates:
        return None
    lead = [u for u in candidates if u.paragraph == candidates[0].paragraph]
    lead_words = [_words(u.text) for u in lead]
    # One pass over the later units, keeping no word sets (memory stays flat on long texts).
    restated = [False] * len(lead)
    for other in seg.units:
        if other.paragraph == lead[0].paragraph or all(restated):
            continue
        w = _words(other.text)
        for n, words in enumerate(lead_words):
            restated[n] = restated[n] or _overlap(words, w) >= RESTATEMENT_OVERLAP
    title_words = _words(title or "")
    best, best_score = lead[0], -1.0
    for n, unit in enumerate(lead):
        words = lead_words[n]
        score = len(words & title_words) + (1.0 if n == 0 else 0.0)
        intent = unit_intent(unit)
        if intent is not None and intent.direction in (Direction.FORWARD, Direction.SUMMARY):
            score += 2.0  # "therefore", "in sum": a conclusion (Stab & Gurevych 2017)
        if restated[n]:
            score += 2.0
        if score > best_score:
            best, best_score = unit, score
    return best


@attrs.define
class _Builder:
    seg: Segmentation
    grammar: Grammar
    relations: list[Relation] = attrs.field(factory=list)
    relation_ids: set[str] = attrs.field(factory=set)
    outgoing: dict[str, list[str]] = attrs.field(factory=dict)
    sources: set[str] = attrs.field(factory=set)  # units attached to a parent
    roles: dict[str, Role] = attrs.field(factory=dict)
    enumerations: list[Enumeration] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    pending: _OpenEnumeration | None = None

    # ------------------------------------------------------------ primitives

    def relate(self, source: str, target: str, kind: RelationKind, subtype: str, rule: str,
               marker: Marker | None = None) -> None:
        if source == target or self.reaches(target, source):
            return  # a map is acyclic: never let a claim support itself
        rid = f"r-{source}-{target}"
        if rid in self.relation_ids:
            return
        self.relation_ids.add(rid)
        self.outgoing.setdefault(source, []).append(target)
        self.relations.append(Relation(rid, source, target, kind, subtype, rule, marker))
        if subtype != "restatement":
            self.sources.add(source)

    def reaches(self, start: str, goal: str) -> bool:
        """Whether following relations from ``start`` leads to ``goal``."""
        seen, stack = {start}, [start]
        while stack:
            for nxt in self.outgoing.get(stack.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return False

    def apply(self, unit: Unit, intent: Intent, target: str) -> None:
        if intent.direction is Direction.FORWARD:
            self.relate(target, unit.id, intent.kind, intent.subtype, intent.rule, intent.marker)
        else:
            self.relate(unit.id, target, intent.kind, intent.subtype, intent.rule, intent.marker)
        if intent.concedes:
            self.roles[unit.id] = Role.CONCESSION

    def tokens_of(self, unit: Unit) -> set[str]:
        return {t.type for t in self.grammar.scan(self.seg.document.text, unit.span.start,
                                                    unit.span.end)}

    # ------------------------------------------------------------ enumerations

    def open_enumeration(self, unit: Unit, marker: Marker) -> None:
        self.close_enumeration()
        self.pending = _OpenEnumeration(unit.id, unit.id, marker.value, marker,
                                        "enumeration.announced")

    def close_enumeration(self) -> None:
        state, self.pending = self.pending, None
        if state is None or not state.items:
            return
        enum = Enumeration(f"e{len(self.enumerations) + 1}", state.announcement,
                           state.cardinal, tuple(state.items), state.rule, state.cue)
        if not enum.complete:
            self.warnings.append(f"enumeration {enum.id} announces {enum.cardinal} items "
                                 f"but has {len(enum.items)}")
        self.enumerations.append(enum)

    def take_item(self, unit: Unit, intent: Intent, fallback: str | None) -> bool:
        """Attach ``unit`` as the next item of the open enumeration, if it is one.

        Without an open enumeration, a sentence-initial "First," opens an implicit one
        whose items support ``fallback``; "The first …" does not (it is an adjective
        unless a cardinal announced a list, as in "The first problem is cost.").
        """
        value = intent.marker.value
        state = self.pending
        if intent.marker.rule == "ordinal_np" and (state is None or state.announcement is None):
            return False  # "The second half …" needs an announced list to be an item
        if value == 0:  # a bullet: the next item
            value = len(state.items) + 1 if state else 1
        if state is None:
            if value != 1 or intent.marker.rule not in ("opener", "list_item") \
                    or fallback is None:
                return False
            state = self.pending = _OpenEnumeration(None, fallback, 0, None,
                                                    "enumeration.implicit")
        last = value == -1 and len(state.items) > 0
        if not (value == len(state.items) + 1 or last):
            return False
        state.items.append(unit.id)
        self.relate(unit.id, state.target, RelationKind.SUPPORT, "item", "enumeration.item",
                    intent.marker)
        if last or (state.cardinal and len(state.items) == state.cardinal):
            self.close_enumeration()
        return True


@attrs.define
class _OpenEnumeration:
    announcement: str | None
    target: str  # what the items support: the announcement, or the claim before them
    cardinal: int
    cue: Marker | None
    rule: str
    items: list[str] = attrs.field(factory=list)


def _reported(b: _Builder, units: Iterable[Unit]) -> frozenset[str]:
    """Units that report someone else's view ("Experts say that …"; attribution cues of
    PARC 3.0, Pareti 2016), unless the speaker is the author ("I think …")."""
    first_person = sentence_vocabulary()["FIRST_PERSON"]
    out = set()
    for unit in units:
        if "ATTRIBUTION" in b.tokens_of(unit) and not any(
                first_person.fullmatch(w) for w in re.findall(r"\w+", unit.text)):
            out.add(unit.id)
    return frozenset(out)


def _concedes(unit: Unit) -> bool:
    """Whether the unit opens with a concession marker ("Of course", "To be sure")."""
    intent = unit_intent(unit)
    return intent is not None and intent.concedes


def _aside(unit: Unit) -> bool:
    """A sentence wholly in brackets: "(Most students pay in full.)"."""
    return unit.text.startswith(("(", "[")) and unit.text.rstrip(".!?").endswith((")", "]"))


def _announcement(unit: Unit) -> Marker | None:
    return next((m for m in unit.markers if m.function is MarkerFunction.ANNOUNCEMENT), None)


def _paragraphs(units: Sequence[Unit]) -> list[list[Unit]]:
    out: list[list[Unit]] = []
    for unit in units:
        if out and out[-1][0].paragraph == unit.paragraph:
            out[-1].append(unit)
        else:
            out.append([unit])
    return out


def build_map(seg: Segmentation, *, grammar: Grammar | None = None) -> ArgumentMap:
    """Turn a segmentation into an argument map (see the module docstring for the levels).

    Args:
        seg: the output of :func:`argmap.segment.segment`.
        grammar: the grammar used to segment (for negation and attribution cues).

    Returns:
        The :class:`ArgumentMap`; ``metadata["warnings"]`` lists count mismatches of
        enumerations.
    """
    grammar = grammar or load_grammar()
    doc = seg.document
    title = doc.title.text if doc.title else None
    b = _Builder(seg, grammar)
    clause_sources = frozenset(source for source, _, _ in seg.links)
    opening = [u for u in seg.units if u.paragraph <= seg.units[0].paragraph + 1] \
        if seg.units else []
    thesis = central_claim(seg, title, clause_sources | _reported(b, opening))
    if thesis is not None:
        b.roles[thesis.id] = Role.CENTRAL_CLAIM

    # Clause links inside sentences.
    by_id = {u.id: u for u in seg.units}
    for source, target, marker in seg.links:
        intent = clause_intent(marker)
        if intent is None:
            continue
        b.apply(by_id[source], intent, target)

    paragraphs = _paragraphs(seg.units)
    by_section: dict[str | None, list[list[Unit]]] = {}
    for para in paragraphs:
        by_section.setdefault(para[0].section, []).append(para)
    section_claims: list[tuple[str | None, str]] = []
    previous_paragraph: list[Unit] | None = None
    last_paragraph = paragraphs[-1] if paragraphs else None

    for section_id, paras in by_section.items():
        heads: list[Unit] = []  # paragraph roots not attached inside the section yet
        summary: Unit | None = None
        first_main = _main_units(paras[0], clause_sources)
        first_head = next((u for u in first_main if not _concedes(u)), first_main[0])
        for para in paras:
            main = _main_units(para, clause_sources)
            head = main[0]  # a leading reason or concession clause is not the head
            intent = unit_intent(head, negated=_negated(b, head))
            announcement = _announcement(head)
            attached = False
            if intent is not None and intent.direction is Direction.ITEM:
                # Items of an unannounced list support the claim just before them.
                before = previous_paragraph[0].id if previous_paragraph else None
                attached = b.take_item(head, intent, before or (thesis.id if thesis else None))
            elif intent is not None and intent.direction is Direction.SUMMARY:
                for h in heads:
                    b.relate(h.id, head.id, RelationKind.SUPPORT, "summary", intent.rule,
                             intent.marker)
                heads, summary, attached = [], head, True
                b.roles[head.id] = Role.CONCLUSION
                b.sources.discard(head.id)
            elif intent is not None and previous_paragraph is not None:
                target = _paragraph_target(b, intent, head, previous_paragraph, section_claims,
                                           is_section_start=head is first_head)
                b.apply(head, intent, target)
                attached = True
            if announcement is not None:
                b.open_enumeration(head, announcement)
            _sentence_level(b, head, main)
            # The paragraph's root: its first unit that supports or attacks nothing yet
            # (the head, or the conclusion a "therefore" drew from it).
            root = next((u for u in main if u.id not in b.sources and not _concedes(u)), None)
            if root is not None and root is not summary and not (attached and root is head):
                heads.append(root)
            previous_paragraph = para
        b.close_enumeration()
        claim = _section_claim(b, summary, first_head, heads, last_paragraph)
        section_claims.append((section_id, claim.id))

    # Section claims support the thesis, or restate it.
    thesis_words = _words(thesis.text) if thesis else set()
    for _, claim_id in section_claims:
        if thesis is None or claim_id == thesis.id:
            continue
        unit = by_id[claim_id]
        if _overlap(_words(unit.text), thesis_words) >= RESTATEMENT_OVERLAP:
            continue  # linked below as a restatement
        if claim_id not in b.sources:
            b.relate(claim_id, thesis.id, RelationKind.SUPPORT, "default", "section.thesis")
        b.roles.setdefault(claim_id, Role.CLAIM)
    if thesis is not None:
        for unit in seg.units:
            if unit.paragraph != thesis.paragraph and \
                    _overlap(_words(unit.text), thesis_words) >= RESTATEMENT_OVERLAP:
                b.relate(unit.id, thesis.id, RelationKind.SUPPORT, "restatement",
                         "restatement.thesis")
                b.roles[unit.id] = Role.RESTATEMENT

    # A concession that nothing answered grants a point against the thesis.
    if thesis is not None:
        for unit in seg.units:
            if unit.id not in b.sources and unit.id != thesis.id and _concedes(unit):
                intent = unit_intent(unit)
                b.relate(unit.id, thesis.id, RelationKind.ATTACK, "concession",
                         "concession.thesis", intent.marker if intent else None)

    return _assemble(b, thesis, title)


def _section_claim(b: _Builder, summary: Unit | None, first_head: Unit, heads: list[Unit],
                   last_paragraph: list[Unit] | None) -> Unit:
    """Pick the section's claim and attach the section's unattached paragraph heads.

    The claim is the section's summary ("Taken together, …") if it has one, else its
    first paragraph head. When the section holds the text's last paragraph, that
    paragraph's head is the closing conclusion (the conclusion position of essays and
    op-eds, Stab & Gurevych 2017): the other heads support it and it supports the claim.
    """
    if summary is not None:
        for h in heads:
            b.relate(h.id, summary.id, RelationKind.SUPPORT, "summary", "summary.section")
        return summary
    rest = [h for h in heads if h is not first_head]
    closing = None
    if rest and last_paragraph is not None and rest[-1] is last_paragraph[0]:
        closing = rest.pop()
        b.roles[closing.id] = Role.CONCLUSION
    for h in rest:
        b.relate(h.id, (closing or first_head).id, RelationKind.SUPPORT, "default",
                 "conclusion.closing" if closing else "default.section")
    if closing is not None:
        b.relate(closing.id, first_head.id, RelationKind.SUPPORT, "conclusion",
                 "conclusion.closing")
    return first_head


def _main_units(para: list[Unit], clause_sources: frozenset[str]) -> list[Unit]:
    """The units of a paragraph that are not subordinate clauses of another unit."""
    return [u for u in para if u.id not in clause_sources] or para


def _sentence_level(b: _Builder, head: Unit, main: list[Unit]) -> None:
    """Attach the units after the head of one paragraph (subordinate clauses excluded)."""
    local_head = head
    concession: Unit | None = head if _concedes(head) else None
    previous = head
    last_target: str | None = None
    # Unmarked units wait here for their default attachment to the paragraph head, so
    # that a later summary ("Taken together, …") can claim them instead.
    pending: list[tuple[str, str]] = []
    for unit in main[main.index(head) + 1 :]:
        if _aside(unit):
            # A bracketed sentence elaborates the one before and is skipped by later
            # markers ("Fees rose. (Most pay.) As a result, …" -> the result of "Fees rose").
            b.relate(unit.id, previous.id, RelationKind.SUPPORT, "elaboration",
                     "elaboration.aside")
            continue
        intent = unit_intent(unit, negated=_negated(b, unit))
        announcement = _announcement(unit)
        if intent is not None and intent.direction is Direction.ITEM:
            if b.take_item(unit, intent, local_head.id):
                local_head = unit
                previous = unit
                continue
            intent = None
        if intent is None:
            pending.append((unit.id, local_head.id))
            last_target = local_head.id
        elif intent.direction is Direction.SUMMARY:
            earlier = [head.id] + [source for source, _ in pending]
            for source in earlier:
                if source not in b.sources:
                    b.relate(source, unit.id, RelationKind.SUPPORT, "summary", intent.rule,
                             intent.marker)
            pending = []
            b.roles[unit.id] = Role.CONCLUSION
        elif intent.direction is Direction.PARALLEL and last_target is not None:
            b.apply(unit, intent, last_target)
        else:
            target = previous.id
            if intent.kind is RelationKind.ATTACK and concession is not None and \
                    not intent.concedes:
                target = concession.id
                intent = attrs.evolve(intent, rule=f"{intent.rule}.answers-concession")
                concession = None
            b.apply(unit, intent, target)
            last_target = target
            if intent.concedes:
                concession = unit
        if announcement is not None:
            b.open_enumeration(unit, announcement)
        previous = unit
    for source, target in pending:
        b.relate(source, target, RelationKind.SUPPORT, "default", "default.paragraph")


def _negated(b: _Builder, unit: Unit) -> bool:
    """Whether an elaboration-marked unit holds a negation (for corrective "in fact")."""
    if not any(m.function is MarkerFunction.ELABORATION for m in unit.markers):
        return False
    return bool(b.tokens_of(unit) & {"NEG", "CLITIC_NEG"})


def _paragraph_target(b: _Builder, intent: Intent, head: Unit, previous: list[Unit],
                      section_claims: list[tuple[str | None, str]],
                      *, is_section_start: bool) -> str:
    """Where a marked paragraph head attaches.

    An attack answers the last reported view (attribution cue, PARC 3.0) of the previous
    paragraph if there is one; a section-initial attack answers the previous section's
    claim; otherwise the previous paragraph's head.
    """
    if intent.kind is RelationKind.ATTACK:
        reported = [u for u in previous if "ATTRIBUTION" in b.tokens_of(u)]
        if reported:
            return reported[-1].id
        if is_section_start and section_claims:
            return section_claims[-1][1]
    if intent.direction is Direction.FORWARD:
        return previous[-1].id
    return previous[0].id


def _assemble(b: _Builder, thesis: Unit | None, title: str | None) -> ArgumentMap:
    seg = b.seg
    supported = {r.target for r in b.relations if r.kind is RelationKind.SUPPORT}
    units = []
    for unit in seg.units:
        role = b.roles.get(unit.id)
        if role is None and _concedes(unit):
            role = Role.CONCESSION
        if role is None:
            role = Role.CLAIM if unit.id in supported else Role.PREMISE
        units.append(attrs.evolve(unit, role=role))
    doc = seg.document
    metadata: dict[str, object] = {
        "source": doc.source,
        "encoding": doc.encoding,
        "characters": len(doc.text),
        "sentences": len(seg.sentences),
        "warnings": list(b.warnings),
    }
    return ArgumentMap(
        title=title,
        central_claim=thesis.id if thesis else None,
        units=tuple(units),
        relations=tuple(b.relations),
        enumerations=tuple(b.enumerations),
        sections=seg.sections,
        boilerplate=doc.boilerplate,
        metadata=metadata,
    )


def relations_between(relations: Iterable[Relation], source: str, target: str) -> list[Relation]:
    return [r for r in relations if r.source == source and r.target == target]
