"""Build the ``ArgumentMap``: central claim, relations, enumerations, sections, roles.

The map is built bottom-up in three levels (Mann & Thompson's RST nuclearity read as
argument structure, as in Peldszus & Stede 2013):

1. sentence level: a unit attaches, by its marker, to the previous unit of its
   paragraph; an unmarked unit supports the paragraph head (its first unit), or the
   central claim in the central claim's paragraph; "X. But Y." concedes X; an addition
   after a concession continues the author's line, unless a contrast answers it right
   after (then it is a further conceded point);
2. paragraph level: a paragraph head attaches, by its marker, to an earlier paragraph
   (an ordinal to the open enumeration, which closes at a heading, at its count, at a
   restart of the numbering, or when no first item comes within one paragraph of the
   announcement; a contrast to the paragraph or the reported
   view it answers); after a heading, to the central claim instead of the section
   before, unless a contrast follows a section that argued against the central claim
   (then it answers that section); unmarked heads support their section's claim, and so
   does an additive head ("Moreover, …") early in its section, beside the paragraph
   before it; a result opening the last paragraph is the closing conclusion;
3. section level: each section's claim (its summary or closing conclusion, else its
   first paragraph head) supports the central claim, unless it restates it.

The central claim (chosen by :mod:`argmap.thesis`) is the root: the source of no relation.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import attrgetter

import attrs

from argmap.cohesion import (
    about_the_text_before,
    answers_back,
    opponents_view,
    refers_back,
    rejects,
    topic_words,
)
from argmap.grammar import Grammar, load_grammar
from argmap.ingest import LEAD_IN_DASHES
from argmap.model import (
    ArgumentMap,
    Enumeration,
    Marker,
    MarkerFunction,
    Relation,
    RelationKind,
    Role,
    Unit,
    _usual_relation,
)
from argmap.numerals import states_amount
from argmap.relate import (
    JUXTAPOSITION,
    Direction,
    Intent,
    clause_intent,
    corrected,
    opposed_intent,
    unit_intent,
)
from argmap.scanner import build_scanner
from argmap.segment import Segmentation, sentence_vocabulary
from argmap.thesis import (
    ANSWERING,
    RESTATEMENT_OVERLAP,
    answering,
    central_claim,
    choose_thesis,
    claim_cue,
    content_words,
    restates,
)
from argmap.undercut import denies_inference, undercut
from argmap.unitgraph import UnitGraph, UnitSet

__all__ = ["RESTATEMENT_OVERLAP", "build_map", "central_claim"]


#: Enum members that the loops over units and markers compare with, read once here:
#: in Python 3.11 reading a member off its class (``Direction.ITEM``) costs about ten
#: times reading a module global, and these are read several times per marked unit.
_SUPPORT, _ATTACK = RelationKind.SUPPORT, RelationKind.ATTACK
_CONCESSION = MarkerFunction.CONCESSION
_RESULT = MarkerFunction.RESULT
_ANNOUNCEMENT = MarkerFunction.ANNOUNCEMENT
_FORWARD, _SUMMARY, _PARALLEL, _ITEM = (Direction.FORWARD, Direction.SUMMARY,
                                        Direction.PARALLEL, Direction.ITEM)
_ELABORATION, _ANNOUNCEMENT = MarkerFunction.ELABORATION, MarkerFunction.ANNOUNCEMENT
#: A unit's id and paragraph number, read by ``map`` over all units
_ID, _PARAGRAPH = attrgetter("id"), attrgetter("paragraph")
#: What follows a lead-in to a list: a colon or a dash ("heads:--", "made--", "this —").
_LEAD_IN_GAPS = (":", "：", *LEAD_IN_DASHES)


#: Terminals of attribution ("say", "according to") and negation cues.
_ATTRIBUTION = frozenset({"ATTRIBUTION"})
#: A unit that opens with a speaker and a verb of saying ("the mayor says …", "Critics
#: argue …"): the reported view is the unit's own statement, not a cue word inside it
#: ("have no say in", "according to the market").
_SPEAKER_SAYS = re.compile(
    r"(?:[\w'’-]+\s+){1,4}(?:says?|said|argues?|argued|claims?|claimed|insists?|"
    r"insisted|believes?|believed|contends?|thinks?|maintains?|warns?|warned)\b",
    re.IGNORECASE)
_NEGATION = frozenset({"NEG", "CLITIC_NEG"})
#: Regex constructs that can refuse a match at the end of a unit that the scanner, which
#: stops before the closing punctuation, accepts: no quick search past them.
_END_SENSITIVE = ("(?!", "(?<!", "$", "\\Z")


def _quick_pattern(grammar: Grammar, terminals: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern that finds a match wherever the scanner could find one of ``terminals``.

    It is the pattern of a scanner of ``terminals`` alone
    (:func:`~argmap.scanner.build_scanner` of their definitions, as the grammar's
    scanner is built of all of them). By the scanner's contract a token of a terminal is
    a match of the terminal's own pattern with the scanner's word-start and word-end
    checks, and this pattern finds every such match; the grammar's scanner only takes
    some away (the terminals that win a position before it). So where this pattern
    finds nothing in a unit, the scanner finds none of the terminals. Like the grammar's
    scanner it opens each alternative with a literal first character, which ``re``
    skips past at once: on the essay corpus it searches a unit six times as fast as the
    plain alternation of the terminals' patterns that it replaced, and finds a quarter
    fewer units to scan.

    ``None`` when a terminal's pattern has an end-sensitive construct (a negative
    lookaround, an end anchor), or none of the terminals is in the grammar: then every
    unit is scanned. (The scanner stops before a unit's closing punctuation, the search
    does not; its own word-end check, "no word character or hyphen next", reads the
    same at that stop and before a closing quote or bracket.)
    """
    terms = [t for t in grammar.parser.terminals if t.name in terminals]
    if not terms or any(c in t.pattern.to_regexp() for t in terms for c in _END_SENSITIVE):
        return None
    return build_scanner(terms).pattern


def _known_quick_pattern(grammar: Grammar, terminals: frozenset[str]
                         ) -> re.Pattern[str] | None:
    """:func:`_quick_pattern`, made once per grammar and set of terminals and kept with
    the grammar (:meth:`~argmap.grammar.Grammar.derived`): the pattern takes about
    0.4 ms to make, longer than a text of a few thousand characters takes to map."""
    return grammar.derived((_quick_pattern, terminals),
                           lambda g: _quick_pattern(g, terminals))


@attrs.define
class _Builder:
    seg: Segmentation
    grammar: Grammar
    relations: list[Relation] = attrs.field(factory=list)
    roles: dict[str, Role] = attrs.field(factory=dict)
    enumerations: list[Enumeration] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    #: the offsets where the input's lines start after the first (:meth:`line`)
    _line_starts: list[int] | None = attrs.field(default=None, init=False)
    pending: _OpenEnumeration | None = None
    #: the list that closed at its announced count, with its position in
    #: ``enumerations``, while an item that continues its numbering may still follow
    #: (:meth:`_Builder.overflow`)
    full: tuple[int, _OpenEnumeration] | None = None
    thesis: str | None = None  # the central claim: the root, source of no relation
    #: the thesis's paragraph number (``None`` without a thesis)
    thesis_paragraph: int | None = None
    #: restatements of the thesis in its own paragraph (its closing one, if any)
    restating: frozenset[str] = frozenset()
    #: restatements of the thesis in any paragraph (``restatement.thesis``)
    restatements: frozenset[str] = frozenset()
    #: units a contrast clause answers (", but …"), with the answering marker
    answered: dict[str, Marker] = attrs.field(factory=dict)
    #: the position of each unit in ``seg.units``, by id
    unit_index: dict[str, int] = attrs.field(init=False)
    #: the relations as edges between unit positions (relation ``n`` is edge ``n``)
    graph: UnitGraph = attrs.field(init=False)
    #: units attached to a parent (the source of a relation other than a restatement)
    sources: UnitSet = attrs.field(init=False)
    #: (source, target) of the relations whose source is no unit (others are in ``graph``)
    loose: set[tuple[str, str]] = attrs.field(factory=set)
    #: the intent of each marked unit asked about (:meth:`intent`), by unit id
    intents: dict[str, Intent | None] = attrs.field(factory=dict)
    #: units that are clauses joined to another unit's sentence (the sources of
    #: ``seg.links``): not main units (:func:`_main_units`)
    clauses: frozenset[str] = frozenset()
    #: the sentences whose clauses a reason or result joins (:func:`_states_inference`),
    #: found at the first sentence that denies an inference
    inferring: frozenset[int] | None = None

    def __attrs_post_init__(self) -> None:
        units = self.seg.units
        self.unit_index = dict(zip(map(_ID, units), range(len(units)), strict=True))
        self.graph = UnitGraph(len(units))
        self.sources = UnitSet(self.unit_index, len(units))

    # ------------------------------------------------------------ primitives

    def unit_set(self, unit_ids: Iterable[str]) -> UnitSet:
        """A set of unit ids, one byte per unit (see :class:`UnitSet`)."""
        out = UnitSet(self.unit_index, len(self.seg.units))
        for unit_id in unit_ids:
            out.add(unit_id)
        return out

    def intent(self, unit: Unit) -> Intent | None:
        """``unit_intent(unit)``, found once per unit: most marked units are asked about
        three times (their attachment, the concession pass, their final role)."""
        if not unit.markers:
            return None
        if unit.id not in self.intents:
            self.intents[unit.id] = unit_intent(unit)
        return self.intents[unit.id]

    def concedes(self, unit: Unit) -> bool:
        """Whether the unit opens with a concession marker (:func:`argmap.thesis.concedes`)."""
        intent = self.intent(unit)
        return intent is not None and intent.concedes

    def conceded(self, unit: Unit) -> bool:
        """Whether the unit concedes: by its marker (:meth:`concedes`), or as a conceded
        point a rule read ("Some argue X. However, Y.": X, :func:`_concede`)."""
        return self.concedes(unit) or self.roles.get(unit.id) is Role.CONCESSION

    def backs_concession(self, unit: Unit) -> bool:
        """Whether ``unit`` supports a concession: a further conceded point ("Admittedly
        X. Moreover, Y. However, Z."), on the opponent's side as the concession is."""
        for edge in self.graph.edges_from(self.unit_index[unit.id]):
            relation = self.relations[edge]
            if relation.kind is RelationKind.SUPPORT and self.conceded(
                    self.unit(relation.target)):
                return True
        return False

    def conceded_against(self, unit: Unit) -> str | None:
        """The claim a concession ``unit`` was granted against: the target of its attack,
        or (not attached yet: a concession nothing answered attacks the central claim at
        the end, rule ``concession.thesis``) the central claim; ``None`` when there is
        neither.

        What the author adds after a concession ("Admittedly X. Moreover, Y.") supports
        this claim, not the concession: in the microtext scheme (Peldszus & Stede 2016,
        "An annotated corpus of argumentative microtexts") a conceded point is an ADU of
        the opponent, attacking a claim of the proponent (the author), and the
        proponent's further premises go on supporting the proponent's claims; an
        additive ("moreover", "in addition": PDTB 2.0 Expansion.Conjunction, 100 of 101
        and 165 of 165 tokens) adds a premise on the author's side.
        """
        for edge in self.graph.edges_from(self.unit_index[unit.id]):
            relation = self.relations[edge]
            if relation.kind is _ATTACK:
                return relation.target
        return self.thesis if self.thesis != unit.id else None

    def line(self, offset: int) -> int:
        """The 1-based line of a character offset into the input (the line starts are
        found once, on the first call: a warning per list costs no pass over the text)."""
        if self._line_starts is None:
            text = self.seg.document.text
            self._line_starts = [m.end() for m in re.finditer("\n", text)]
        return bisect.bisect_right(self._line_starts, offset) + 1

    def unit(self, unit_id: str) -> Unit:
        """The unit with this id (``KeyError`` if none)."""
        return self.seg.units[self.unit_index[unit_id]]

    def next_main(self, unit: Unit) -> Unit | None:
        """The main unit (no clause joined to another's sentence) right after ``unit``
        in text order: the next one of its paragraph, or the head of the next paragraph
        when ``unit`` ends its own; ``None`` at the end of the text."""
        units, clauses = self.seg.units, self.clauses
        for n in range(self.unit_index[unit.id] + 1, len(units)):
            if units[n].id not in clauses:
                return units[n]
        return None

    def conceded_further(self, unit: Unit) -> bool:
        """Whether an addition ``unit`` right after a concession is a further conceded
        point: a contrast answers it right after (", but …" joined to it, the next unit
        of its paragraph, or the next paragraph's head when it ends its paragraph),
        or right after the run of additions that it opens.

        "Admittedly X. Furthermore, Y. However, Z.": the contrast answers X and Y
        together, so Y continued the concession (Concede-Concede-Counter, the
        Concede-Counter pattern of Couper-Kuhlen & Thompson 2000 with the concession
        stretched over two moves; "Also, W." before "However" stretches it over three);
        without the contrast Y continues the author's line (:meth:`conceded_against`).
        """
        following = self.next_main(unit)
        while following is not None and unit.id not in self.answered:
            intent = self.intent(following)
            if intent is None or intent.direction is not _PARALLEL:
                break
            unit, following = following, self.next_main(following)
        return _answered_next(self, unit, following)

    def before(self, unit: Unit) -> Unit | None:
        """The unit just before ``unit`` in text order, or ``None`` for the first."""
        n = self.unit_index[unit.id]
        return self.seg.units[n - 1] if n > 0 else None

    def relate(self, source: str, target: str, kind: RelationKind, subtype: str, rule: str,
               marker: Marker | None = None) -> None:
        if source == self.thesis and subtype != "restatement":
            # The thesis is the root (Peldszus & Stede 2013: the central claim is the
            # source of no relation). A relation the markers ask from it is read the
            # other way round, with the same kind: an attack still puts the two units
            # on opposite sides, a support on the same side ("Of course X. But T." ->
            # X attacks T; "Experts say X. In fact, T." -> X attacks T).
            source, target, rule = target, source, f"{rule}.to-thesis"
        if source == target:
            return
        graph = self.graph
        s, t = self.unit_index.get(source, -1), self.unit_index.get(target, -1)
        if s >= 0 and t >= 0:
            # a map is acyclic (never let a claim support itself), and has one relation
            # per pair of units
            if not graph.link(s, t):
                return
        else:
            if s >= 0:
                if any(self.relations[e].target == target for e in graph.edges_from(s)):
                    return
            elif (source, target) in self.loose:
                return
            else:
                self.loose.add((source, target))
            graph.add(s, t)
        # id None: the usual r-<source>-<target>, derived, not stored; rule ids repeat:
        # one string each, not one per relation
        self.relations.append(_usual_relation(source, target, kind, subtype, sys.intern(rule),
                                              marker))
        if subtype != "restatement":
            if s >= 0:
                self.sources.flags[s] = 1  # sources.add(source), by position
            else:
                self.sources.add(source)

    def relate_each(self, pairs: Iterable[tuple[str, str]], kind: RelationKind, subtype: str,
                    rule: str) -> None:
        """``relate(source, target, kind, subtype, rule)`` for each pair, in order.

        The usual pair (two units, the source neither the thesis nor the target) takes
        the steps of :meth:`relate` that it needs, with the builder's look-ups made once
        for all pairs: a unit-to-unit edge (:meth:`UnitGraph.link`), the relation, and the
        source's mark as attached (``sources``, by position). Every other pair goes
        through :meth:`relate` itself. The default attachments of a paragraph's units
        and of a section's heads (most relations of a map) are made here.
        """
        index, link, thesis = self.unit_index.get, self.graph.link, self.thesis
        relations, attached = self.relations, self.sources.flags
        rule = sys.intern(rule)
        for source, target in pairs:
            s, t = index(source, -1), index(target, -1)
            if s < 0 or t < 0 or source in (thesis, target):
                self.relate(source, target, kind, subtype, rule)
            elif link(s, t):
                relations.append(_usual_relation(source, target, kind, subtype, rule))
                if subtype != "restatement":
                    attached[s] = 1

    def built(self) -> _Built:
        """The relations, and each unit's final role: the one a rule gave it, else a
        concession's, a conclusion's ("Therefore, …": drawn from what precedes), a
        claim's (supported by something), or a premise's."""
        codes = {role: n for n, role in enumerate(_ROLES)}
        # by position, from the weakest reading to the strongest, each one overwriting
        # the one before: a premise; a claim, if a support targets it; ...
        roles = bytearray([codes[Role.PREMISE]]) * len(self.seg.units)
        support, claim = _SUPPORT, codes[Role.CLAIM]  # looked up once
        for target, r in zip(self.graph.dst, self.relations, strict=True):
            if target >= 0 and r.kind is support:
                roles[target] = claim
        # ... a conclusion or a concession, by its marker; ...
        announcing = []  # the positions of units with an announcement marker
        for n, unit in enumerate(self.seg.units):
            if unit.markers:  # most units have none
                intent = self.intent(unit)
                if intent is not None and intent.concedes:
                    roles[n] = codes[Role.CONCESSION]
                elif intent is not None and intent.direction is _FORWARD:
                    roles[n] = codes[Role.CONCLUSION]
                for m in unit.markers:
                    if m.function is _ANNOUNCEMENT:
                        announcing.append(n)
                        break
        # ... the role a rule gave it
        for unit_id, role in self.roles.items():
            n = self.unit_index.get(unit_id, -1)
            if n >= 0:
                roles[n] = codes[_objection(self, self.seg.units[n]) if role is
                                 Role.CONCESSION else role]
        # ... and a conceded point or an objection is on the other side: it attacks,
        # or backs a point that does ("Some argue X. Admittedly, Y. However, Z.": Y
        # backs X). One whose relations all support the author's side (a list item, a
        # summary's premise) is a claim if something supports it, else a premise (the
        # role says what its relations do)
        against = (codes[Role.CONCESSION], codes[Role.OBJECTION])
        relations, graph = self.relations, self.graph

        def attacks(unit: int) -> bool:
            return any(relations[e].kind is _ATTACK for e in graph.edges_from(unit))

        for n, code in enumerate(roles):
            if code in against and graph.out_head[n] >= 0 and not attacks(n) and \
                    not any(graph.dst[e] >= 0 and attacks(graph.dst[e])
                            for e in graph.edges_from(n)):
                supported = any(relations[e].kind is support for e in graph.edges_to(n))
                roles[n] = claim if supported else codes[Role.PREMISE]
        return _Built(self.thesis, tuple(self.relations), bytes(roles),
                      tuple(self.enumerations), tuple(self.warnings), tuple(announcing))

    def first_unattached(self, units: Iterable[Unit]) -> Unit | None:
        """The first of ``units`` that is the source of no relation (but a restatement)
        and does not concede: ``next((u for u in units if u.id not in self.sources and
        not self.concedes(u)), None)``, reading ``sources`` by position (these are units
        of the map) without a call per unit. Most units of a paragraph are attached,
        and all are read."""
        index, attached = self.unit_index, self.sources.flags
        for unit in units:
            if not attached[index[unit.id]] and not self.concedes(unit):
                return unit
        return None

    def first_relation_from(self, source: str) -> Relation | None:
        """The earliest relation from ``source`` that is not a restatement."""
        s = self.unit_index.get(source)
        if s is None:
            return next((r for r in self.relations if r.source == source
                         and r.subtype != "restatement"), None)
        first = None
        for edge in self.graph.edges_from(s):  # newest first: the last one found wins
            if self.relations[edge].subtype != "restatement":
                first = self.relations[edge]
        return first

    def apply(self, unit: Unit, intent: Intent, target: str) -> None:
        if intent.direction is _FORWARD:
            self.relate(target, unit.id, intent.kind, intent.subtype, intent.rule, intent.marker)
        else:
            self.relate(unit.id, target, intent.kind, intent.subtype, intent.rule, intent.marker)
        if intent.concedes:
            self.roles[unit.id] = Role.CONCESSION

    def holds(self, unit: Unit, terminals: frozenset[str]) -> bool:
        """Whether the scanner finds one of ``terminals`` in the unit.

        The unit is scanned only when a search for the terminals' own patterns finds
        something (:func:`_quick_pattern`): most units hold no attribution or negation
        cue, and the search costs a small fraction of a scan.
        """
        quick = _known_quick_pattern(self.grammar, terminals)
        text = self.seg.document.text
        if quick is not None and quick.search(text, unit.span.start, unit.span.end) is None:
            return False
        types, _ = self.grammar.scan_types(text, unit.span.start, unit.span.end)
        return not terminals.isdisjoint(types)

    # ------------------------------------------------------------ enumerations

    def inside_item(self, unit: Unit) -> bool:
        """Whether ``unit`` is the open list's last item: a cardinal in it ("2. Keep two
        of the six centres open") counts something inside the item and opens no list of
        its own, which would close the open one before its next item. A later sentence
        of the item's paragraph may open a sub-list ("Opponents raise two objections.")."""
        state = self.pending
        return state is not None and bool(state.items) and state.items[-1] == unit.id

    def open_enumeration(self, unit: Unit, marker: Marker) -> None:
        self.close_enumeration()
        self.pending = _OpenEnumeration(unit.id, unit.id, marker.value, marker,
                                        "enumeration.announced", unit.paragraph)

    def close_enumeration(self) -> None:
        state, self.pending, self.full = self.pending, None, None
        if state is None or not state.items:
            return
        enum = Enumeration(f"e{len(self.enumerations) + 1}", state.announcement,
                           state.cardinal, tuple(state.items), state.rule, state.cue)
        if not enum.complete:
            self.warnings.append(_count_warning(enum, self))
        self.enumerations.append(enum)

    def overflow(self, unit: Unit, marker: Marker) -> bool:
        """Take ``unit`` as a further item of the list that closed at its announced
        count, if its marker goes on with the list's numbering; warn of the count.

        "Fees do damage in three ways: 1. … 2. … 3. … 4. …": the fourth item is one more
        item of the same list, not a new paragraph or the item of an item. It must come
        right after the last item (no paragraph between them: the items of a list are
        adjacent, Mann & Thompson 1988) with the same kind of marker as the last item
        (a "4." after "3.", a fourth bullet after bullets, "Fourth," after "Third,"), and
        number the next item ("4.") or be a bullet. The announcement then miscounts its
        list, which ``metadata["warnings"]`` says, as it says of a list with too few.
        """
        full = self.full
        if full is None or marker.rule not in _OPENS_LIST:
            return False
        position, state = full
        last = self.unit(state.items[-1])
        mark = next((m for m in last.markers if m.rule == marker.rule), None)
        if mark is None or (mark.value == 0) != (marker.value == 0) or \
                marker.value not in (0, len(state.items) + 1):
            return False
        units, start = self.seg.units, self.unit_index[last.id] + 1
        if any(units[n].paragraph != last.paragraph
               for n in range(start, self.unit_index[unit.id])):
            return False
        state.items.append(unit.id)
        old = self.enumerations[position]
        enum = self.enumerations[position] = attrs.evolve(old, items=tuple(state.items))
        warning = _count_warning(enum, self)
        if old.complete:
            self.warnings.append(warning)
        else:
            self.warnings[self.warnings.index(_count_warning(old, self))] = warning
        self.relate(unit.id, state.target, RelationKind.SUPPORT, "item", "enumeration.item",
                    marker)
        return True

    def take_item(self, unit: Unit, intent: Intent, fallback: str | None) -> bool:
        """Attach ``unit`` as the next item of the open enumeration, if it is one.

        Without an open enumeration, a sentence-initial "First," opens an implicit one
        whose items support ``fallback``; "The first …" does not (it is an adjective
        unless a cardinal announced a list, as in "The first problem is cost.").

        The open enumeration is closed first (:func:`_closes_before`) when ``unit`` is
        its first item and comes too many paragraphs after the announcement, or restarts
        the numbering with a first item; "First," or "(1)" then opens a new one. It is
        closed too before a first item right after a lead-in that is not the
        announcement and does not refer back to it (:func:`~argmap.cohesion.refers_back`):
        "two promises. / Here is what she should do -- / First, …" lists what the lead-in
        introduces, not the promises.
        """
        value = intent.marker.value
        state = self.pending
        listing = intent.marker.rule in _OPENS_LIST
        # a first item right after a lead-in ("… under these heads:--", "They are as
        # follows:") is as far from the announcement as its lead-in is
        lead_in = self.lead_in(unit) if listing and value in (0, 1) else None
        if state is not None and (_closes_before(
                state, unit.paragraph if lead_in is None or state.items else lead_in.paragraph,
                value == 1 and listing) or (
                lead_in is not None and not state.items and lead_in.id != state.announcement
                and not refers_back(lead_in.text))):
            # (a lead-in of its own, "Here is what she should do --", introduces its
            # own list, not the items a cardinal announced before it)
            self.close_enumeration()
            state = None
        if intent.marker.rule == "ordinal_np" and (state is None or state.announcement is None):
            return False  # "The second half …" needs an announced list to be an item
        if state is None and self.overflow(unit, intent.marker):
            return True
        if value == -2:  # "Next,": the next item of an open enumeration, else none
            if state is None or not state.items:
                return False
            value = len(state.items) + 1
        if value == 0:  # a bullet: the next item
            value = len(state.items) + 1 if state else 1
        if state is None:
            if value != 1 or not listing or fallback is None:
                return False
            state = self.pending = _OpenEnumeration(None, fallback, 0, None,
                                                    "enumeration.implicit", unit.paragraph) \
                if lead_in is None else _OpenEnumeration(lead_in.id, lead_in.id, 0, None,
                                                         "enumeration.lead_in",
                                                         unit.paragraph)
        last = value == -1 and len(state.items) > 0
        if not (value == len(state.items) + 1 or last):
            return False
        state.items.append(unit.id)
        state.paragraph = unit.paragraph
        self.relate(unit.id, state.target, RelationKind.SUPPORT, "item", "enumeration.item",
                    intent.marker)
        if last or (state.cardinal and len(state.items) == state.cardinal):
            self.close_enumeration()
            if not last:
                self.full = (len(self.enumerations) - 1, state)
        return True


    def lead_in(self, item: Unit) -> Unit | None:
        """The unit that introduces a list with a colon or a dash ("We propose these
        changes:", "… several observations must be made--"), when it comes right before
        the list's first item, else ``None``."""
        index = self.unit_index.get(item.id, 0)
        if index == 0:
            return None
        before = self.seg.units[index - 1]
        gap = self.seg.document.text[before.span.end : item.span.start]
        return before if gap.lstrip().startswith(_LEAD_IN_GAPS) else None


@attrs.define
class _OpenEnumeration:
    announcement: str | None
    target: str  # what the items support: the announcement, or the claim before them
    cardinal: int
    cue: Marker | None
    rule: str
    paragraph: int  # the paragraph of the last item, or of the announcement before one
    items: list[str] = attrs.field(factory=list)


#: How many paragraphs after its announcement the first item of an announced list may
#: come: in the announcement's paragraph or the next one. An announcement is the lead-in
#: of its list, and a lead-in introduces the list that follows it ("The bag included
#: three varieties of fruit:", then the items; Chicago Manual of Style, 17th ed., 6.130).
#: Measured on the essay corpus: of the 25 first items found two or more paragraphs
#: after their announcement, 24 were no item of it (7 opened another, unannounced list);
#: the one true list, whose lead-in "They are as follows" stood between, is now read
#: as a list after that lead-in.
FIRST_ITEM_WINDOW = 1


#: The marker rules whose first item can begin a list of its own ("First,", "1.",
#: "(1)"); "The first …" cannot (it needs an announcement: "The first step is …").
_OPENS_LIST = ("opener", "list_item")


def _closes_before(state: _OpenEnumeration, paragraph: int, restart: bool) -> bool:
    """Whether the open enumeration ``state`` ends before an item in paragraph number
    ``paragraph``; ``restart`` tells whether the item is a first one that can begin a
    list ("First,", "(1)": :data:`_OPENS_LIST`).

    It ends when the first item comes more than :data:`FIRST_ITEM_WINDOW` paragraphs
    after the announcement (no item yet), or when a first item restarts the numbering
    of a list that has items (a new first item begins another list). A later item is
    never too far from the one before: the items of a list and what elaborates them
    make one contiguous span (List is a multinuclear relation in RST's relation
    definitions, and the spans of one schema application are adjacent: Mann &
    Thompson 1988, "structural analyses"), so the distance between two items is the
    length of the first with its elaboration, which has no bound (an op-ed gives an
    item several paragraphs, a news page one sentence to each). The list still ends
    at a heading and at its announced count (:meth:`_Builder.take_item`). On the essay
    corpus this lets 5 late items back that a limit of two paragraphs had cut off: 2
    true ("The second definition" ten paragraphs on, Jowett's "(3)"), 3 not.

    >>> s = _OpenEnumeration("a", "a", 3, None, "enumeration.announced", paragraph=4)
    >>> _closes_before(s, 5, True), _closes_before(s, 6, False)
    (False, True)
    >>> s.items.append("i1")
    >>> _closes_before(s, 6, False), _closes_before(s, 17, False), _closes_before(s, 4, True)
    (False, False, True)
    """
    if not state.items:
        return paragraph - state.paragraph > FIRST_ITEM_WINDOW
    return restart


def _count_warning(enum: Enumeration, b: _Builder) -> str:
    """The warning for a list whose items do not number its announced count, naming the
    list as a reader finds it: its announcement's words (up to 60 characters, cut at a
    space and ended with "…", without the closing punctuation) and line (1-based, in
    the decoded input; the paragraph, 1-based, when the text was extracted from an HTML
    page, whose lines are not the file's). An unannounced list has cardinal 0 and is
    always complete.

    >>> import argmap
    >>> argmap.analyze("Fees must fall.\\nThey do damage in three ways. First, they "
    ...                "deter students. Second, they burden families.").metadata["warnings"]
    ['"They do damage in three ways" (line 2): announces 3 items but has 2']
    """
    unit = b.unit(str(enum.announcement if enum.announcement is not None else enum.items[0]))
    words = unit.text.strip().rstrip(":;,.—–- ")
    if len(words) > 60:
        words = words[:60].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    where = (f"line {b.line(unit.span.start)}"
             if b.seg.document.text_source == "original" else f"paragraph {unit.paragraph + 1}")
    return f'"{words}" ({where}): announces {enum.cardinal} items but has {len(enum.items)}'


def _reported(b: _Builder, units: Iterable[Unit]) -> set[str]:
    """Units that report someone else's view ("Experts say that …"; attribution cues of
    PARC 3.0, Pareti 2016), unless the speaker is the author ("I think …"); a view the
    other side holds (:func:`~argmap.cohesion.opponents_view`: "Opponents warn that …",
    "Many people worry that …") is reported whatever its verb, and "my opponent" or
    "our critics" is no first-person speaker."""
    first_person = sentence_vocabulary()["FIRST_PERSON"]
    out = set()
    for unit in units:
        # the other side opens the sentence as its speaker: a first person after it is
        # inside the view ("Some say we should ban cars.", "My opponent claims …")
        if opponents_view(unit.text) or (b.holds(unit, _ATTRIBUTION) and not any(
                first_person.fullmatch(w) for w in re.findall(r"\w+", unit.text))):
            out.add(unit.id)
    return out


def _objection(b: _Builder, unit: Unit) -> Role:
    """The final role of a unit a rule read as a conceded point: ``OBJECTION`` when it
    opens with a speaker and a verb of saying (:func:`_voiced_view`: "Some argue X.",
    "The council says X.") and no concession marker of its own grants it ("Some argue
    X. However, Y.": X is the other side's claim, which the author answers, not a point
    the author grants; the opponent's role of Peldszus & Stede 2016), else
    ``CONCESSION`` ("X. But Y.": the author grants X). A cue inside the sentence ("he
    sees", "the thought of") does not make it the other side's."""
    return Role.OBJECTION if not b.concedes(unit) and _voiced_view(b, unit) \
        else Role.CONCESSION


def _aside(text: str, unit: Unit) -> bool:
    """A sentence wholly in brackets: "(Most students pay in full.)". ``text`` is the
    input, which the unit is cut from."""
    span = unit.span
    # the first character is read in the input: most units fail here, unsliced
    return text.startswith(("(", "["), span.start, span.end) and \
        unit.text.rstrip(".!?").endswith((")", "]"))


def _may_hold_asides(text: str, units: Sequence[Unit]) -> bool:
    """``False`` when none of ``units`` (in text order, cut from the input ``text``) is
    an :func:`_aside`: an aside starts with a bracket, and no bracket opens between the
    first unit's start and the last one's end. Two searches of the input per paragraph
    spare a call of ``_aside`` per unit in the paragraphs without brackets (most)."""
    if not units:
        return False
    start, end = units[0].span.start, units[-1].span.end
    return text.find("(", start, end) >= 0 or text.find("[", start, end) >= 0


def _announcement(unit: Unit) -> Marker | None:
    for marker in unit.markers:  # a loop, not next() of a generator: twice as fast
        if marker.function is _ANNOUNCEMENT:
            return marker
    return None


def _paragraph_starts(units: Sequence[Unit]) -> array[int]:
    """Where each paragraph (a run of units with one paragraph number) starts in
    ``units``, then ``len(units)``: paragraph ``n`` is ``units[starts[n]:starts[n + 1]]``."""
    numbers = list(map(_PARAGRAPH, units))  # each unit's number read once, in C
    starts = array("i", [0] if numbers else [])
    starts.extend([n for n, (before, number) in enumerate(pairwise(numbers), 1)
                   if number != before])
    starts.append(len(units))
    return starts


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
    # The relations are found in a function of their own, so that the builder's indexes
    # are gone before the map's units are made (the peak of memory is there).
    built = _relate(seg, grammar, title)
    # the attacks that deny an inference undercut it (argmap.undercut)
    built = attrs.evolve(built, relations=undercut(seg.units, built.relations))
    return _assemble(seg, _objections(seg, built), title)


_OBJECTION_CODE = tuple(Role).index(Role.OBJECTION)


def _objections(seg: Segmentation, built: _Built) -> _Built:
    """Give the attacks of objections their own subtype: an attack from a unit whose
    final role is ``objection`` ("My opponent argues X. But Y.": X, the other side's
    claim, attacks the thesis) has subtype ``objection``, not ``concession``, which stays
    for a point the author grants ("Of course, X."). The rules find both as conceded
    points and tell them apart only at the end (:func:`_objection`), after the undercuts
    (which treat both alike). A map without objections is returned as it is.

    >>> import argmap
    >>> m = argmap.analyze("We should raise the wage. My opponent argues that prices "
    ...                    "will rise. But workers gain more.")
    >>> [(r.kind.value, r.subtype) for r in m.relations]
    [('attack', 'objection'), ('attack', 'contrast')]
    """
    if _OBJECTION_CODE not in built.roles:
        return built
    units = seg.units
    objections = {units[n].id for n, code in enumerate(built.roles) if code == _OBJECTION_CODE}
    return attrs.evolve(built, relations=tuple(
        attrs.evolve(r, subtype="objection") if r.subtype == "concession"
        and r.kind is _ATTACK and r.source in objections else r for r in built.relations))


@attrs.frozen
class _Built:
    """What the map is assembled from: the relations and the final role of each unit."""

    thesis: str | None
    relations: tuple[Relation, ...]
    roles: bytes  # index into _ROLES, for each unit by position
    enumerations: tuple[Enumeration, ...]
    warnings: tuple[str, ...]
    announcing: tuple[int, ...] = ()  # positions of units with an announcement marker


#: The roles a unit can end with, coded by position for ``_Built.roles``.
_ROLES = tuple(Role)


def _relate(seg: Segmentation, grammar: Grammar, title: str | None) -> _Built:
    """Find the central claim, every relation and the units' roles (the three levels of
    the module docstring)."""
    b = _Builder(seg, grammar)
    # a plain set: it holds only the clauses, and _main_units asks about every unit
    clause_sources = b.clauses = frozenset(source for source, _, _ in seg.links)
    # Subordinate reasons and concessions are never the thesis; a result clause
    # (", so …") may be: it is the conclusion. Nor is a reported view: the opponent's
    # point when it opens the paragraph (see argmap.thesis).
    links = _clause_links(b)
    # (read off the segmenter's markers: "A, and therefore B" leaves B out, as before)
    never = b.unit_set(source for source, _, marker in seg.links
                       if marker.function is not MarkerFunction.RESULT)
    second = seg.units[0].paragraph + 1 if seg.units else 0
    opening = [u for u in seg.units if u.paragraph <= second]
    thesis, restating = choose_thesis(seg, title, never, _reported(b, opening))
    if thesis is not None:
        b.roles[thesis.id] = Role.CENTRAL_CLAIM
        b.thesis, b.thesis_paragraph = thesis.id, thesis.paragraph
        b.restating = frozenset(u.id for u in restating if u.paragraph == thesis.paragraph)
        b.restatements = frozenset(u.id for u in restating)
    # each clause link's intent, once (a juxtaposition read as opposed where it is)
    link_intents = [_link_intent(b, source, target, marker)
                    for source, target, marker in links]
    b.answered = {
        target: marker for (_, target, marker), intent in zip(links, link_intents,
                                                              strict=True)
        if marker.function in ANSWERING and intent is not None and intent.kind is _ATTACK}

    # Clause links inside sentences.
    parallel: list[tuple[str, str, Intent]] = []
    # the conclusion clauses of "A, so B" (B)
    conclusions = frozenset(source for source, _, marker in links if _concludes(marker))
    for (source, target, _), intent in zip(links, link_intents, strict=True):
        if intent is None:
            continue
        if intent.direction is Direction.PARALLEL:
            parallel.append((source, target, intent))  # resolved once the target attaches
            continue
        if intent.concedes and _opens_answer_to_view(b, b.unit(source), target):
            continue  # granted against the central claim below (concession.thesis)
        b.apply(b.unit(source), intent, target)
    # A contrast that answers "X, and Y" answers the whole coordination.
    for source, target, _ in reversed(parallel):
        if source in b.answered:
            b.answered.setdefault(target, b.answered[source])

    units = seg.units
    starts = _paragraph_starts(units)
    by_section: dict[str | None, list[int]] = {}  # paragraph numbers
    for n in range(len(starts) - 1):
        by_section.setdefault(units[starts[n]].section, []).append(n)
    section_claims: list[tuple[str | None, str]] = []
    previous_paragraph: Sequence[Unit] | None = None
    last_paragraph = units[starts[-2]:] if units else None

    for section_id, paras in by_section.items():
        heads: list[Unit] = []  # paragraph roots not attached inside the section yet
        # unmarked paragraph roots after a list item, while its list is open: they
        # elaborate that item if another item of the list follows them
        between: list[Unit] = []
        summary: Unit | None = None
        # marked heads that take a place among the section's heads (see _beside)
        beside: dict[str, Intent] = {}
        closing = False  # whether a result opening the last paragraph closes the text
        answers: dict[str, Unit] = {}  # a view standing alone -> the paragraph rejecting it
        first_main = _main_units(units[starts[paras[0]]:starts[paras[0] + 1]], clause_sources)
        first_head = next((u for u in first_main if not b.concedes(u)), first_main[0])
        # the section that opens with the central claim's paragraph argues for it: its
        # other paragraphs support the central claim, not the sentence that happens to
        # open that paragraph ("Every year millions visit Venice. … Venice should
        # therefore limit visitors."); that sentence supports it too, as before
        intro_head = first_head if thesis is not None and first_head.id != thesis.id and \
            any(u.id == thesis.id for u in first_main) else None
        for n in paras:
            para = units[starts[n]:starts[n + 1]]
            main = _main_units(para, clause_sources)
            head = main[0]  # a leading reason or concession clause is not the head
            intent = _read_intent(b, head)
            announcement = _announcement(head)
            attached = False
            # a head after a heading: the paragraph before it belongs to another section
            section_start = n == paras[0] and previous_paragraph is not None
            if intent is not None and intent.direction is Direction.ITEM:
                # Items of an unannounced list support the claim just before them; after
                # a heading, the central claim (the paragraph before is another
                # section's: a list, like a paragraph, ends at a heading, Chicago Manual
                # of Style, 17th ed., 6.130; see _section_start_target)
                before = previous_paragraph[0].id if previous_paragraph else None
                if section_start and thesis is not None:
                    before = thesis.id
                open_list = b.pending
                attached = b.take_item(head, intent, before or (thesis.id if thesis else None))
                if between:
                    _elaborate_item(b, open_list, head, between, heads)
            elif intent is not None and intent.direction is Direction.SUMMARY:
                heads.extend(between)  # a summary takes what waited after an item too
                between.clear()
                for h in heads:
                    b.relate(h.id, head.id, RelationKind.SUPPORT, "summary", intent.rule,
                             intent.marker)
                heads, summary, attached = [], head, True
                b.roles[head.id] = Role.CONCLUSION
                b.sources.discard(head.id)
            elif (intent is None or intent.direction is not _ITEM) and \
                    previous_paragraph is not None and not section_start and heads and \
                    heads[-1] is previous_paragraph[-1] and (
                        marker := _answer_marker(b, head)) is not None and \
                    opponents_view(heads[-1].text) and \
                    _reported(b, (heads[-1],)) and not b.conceded(heads[-1]):
                # "Critics say X. ¶ In fact, Y.": the corrective answers the view that
                # stands alone before it, as a contrast would (``opponent.answer``)
                view = heads.pop()
                _object(b, view)
                b.relate(head.id, view.id, _ATTACK, "correction", "opponent.answer", marker)
                answers[view.id] = head
                attached = True
            elif intent is not None and previous_paragraph is not None and \
                    not section_start and (place := _beside(
                        b, intent, head, heads, previous_paragraph, n - paras[0],
                        n == len(starts) - 2, beside,
                        (thesis.id if intro_head is not None and thesis is not None
                         else first_head.id))) is not None:
                if place:  # the claim the paragraph before supports, or is granted against
                    b.apply(head, attrs.evolve(intent, rule=f"{intent.rule}.beside"), place)
                    attached = True
                else:
                    beside[head.id] = intent  # attached with the section's heads
                    closing = closing or intent.direction is _FORWARD
            elif intent is not None and previous_paragraph is not None:
                target, rule = _paragraph_target(
                    b, intent, head, previous_paragraph,
                    section_claims[-1][1] if section_start else None)
                if rule != intent.rule:
                    intent = attrs.evolve(intent, rule=rule)
                b.apply(head, intent, target)
                attached = True
                if not section_start and intent.kind is _ATTACK and not intent.concedes \
                        and heads and heads[-1] is previous_paragraph[-1] and \
                        target == heads[-1].id and _voiced_view(b, heads[-1]):
                    # "Critics say X. ¶ However, Y.": the view that stands alone is the
                    # opponent's point, conceded (as "Critics say X. However, Y." in one
                    # paragraph), and Y stands for the section where X opened it
                    _concede(b, heads.pop(), intent.marker)
                    answers[target] = head
                if not section_start and _closes_text(b, intent, head, n - paras[0],
                                                      n == len(starts) - 2):
                    # drawn from the paragraph before's last unit, and the closing
                    # conclusion still (see _beside)
                    closing = True
                    heads.append(head)
            elif intent is None and previous_paragraph is not None and not section_start \
                    and heads and heads[-1] is previous_paragraph[-1] and \
                    _rejects_view(b, head, previous_paragraph[-1]):
                # "> Critics say X. ¶ This is overstated. …": the paragraph rejects the
                # view that stands alone before it; the answer stands for the section
                # where the view opened it (as a contrast's answer does, ``conceded``)
                answers[heads.pop().id] = head
                attached = True
            if announcement is not None and not b.inside_item(head):
                b.open_enumeration(head, announcement)
            _sentence_level(b, head, main)
            # The paragraph's root: its first unit that supports or attacks nothing yet
            # (the head, or the conclusion a "therefore" drew from it).
            root = b.first_unattached(main)
            if root is None and not attached and len(main) < len(para) and \
                    _island(b, para) and not b.conceded(head) and not _reported(b, (head,)):
                # "A, so B." with A attached to B only: B, the conclusion, is the root
                root = b.first_unattached(u for u in para if u.id in conclusions)
            if root is not None and root is not summary and not (attached and root is head):
                # a paragraph after the one that holds the open list's last item
                listing = b.pending is not None and b.pending.items and \
                    root.paragraph > b.unit(b.pending.items[-1]).paragraph
                (between if listing and intent is None else heads).append(root)
            previous_paragraph = para
        if between:  # after the last item: the section's, as before, in text order
            heads.extend(between)
            heads.sort(key=lambda u: u.span.start)
        b.close_enumeration()
        for h in [h for h in heads if h.id != b.thesis and h.id not in b.sources
                  and opponents_view(h.text) and _reported(b, (h,))]:
            # an opponent's view that nothing in its section answered is an objection
            # to the central claim all the same ("Critics warn that X." then the
            # author's own points), not a reason of the section (Peldszus & Stede 2016)
            _object(b, h)
            if b.conceded(h):
                heads.remove(h)
        # nor a further conceded point: after "Admittedly X. Moreover, Y." the claim is
        # the answer ("However, Z."), as in Concede-Counter (Couper-Kuhlen & Thompson
        # 2000)
        # (nor a reported view conceded: "Some argue X. However, Z." -> Z)
        if b.conceded(first_main[0]):
            first_head = next((u for u in first_main if not b.conceded(u)
                               and not b.backs_concession(u)), first_head)
            first_head = answers.get(first_head.id, first_head)
        if intro_head is not None and thesis is not None:
            if intro_head in heads:
                heads.remove(intro_head)
                b.relate(intro_head.id, thesis.id, RelationKind.SUPPORT, "default",
                         "section.thesis")
                b.roles.setdefault(intro_head.id, Role.CLAIM)
            first_head = b.unit(thesis.id)
        claim = _section_claim(b, summary, _drawn_into(b, first_head), heads,
                               last_paragraph, beside, closing)
        section_claims.append((section_id, claim.id))

    # Section claims support the thesis, or restate it.
    thesis_words = content_words(thesis.text) if thesis else set()
    for _, claim_id in section_claims:
        if thesis is None or claim_id == thesis.id:
            continue
        if restates(content_words(b.unit(claim_id).text), thesis_words):
            continue  # linked below as a restatement
        if claim_id not in b.sources:
            b.relate(claim_id, thesis.id, RelationKind.SUPPORT, "default", "section.thesis")
        claim_intent = b.intent(b.unit(claim_id))
        if claim_intent is None or claim_intent.direction is not _FORWARD:
            # (one drawn by a result marker, "Therefore, …", stays a conclusion)
            b.roles.setdefault(claim_id, Role.CLAIM)
    if thesis is not None:
        for unit in restating:  # in other paragraphs, or closing the thesis's
            b.relate(unit.id, thesis.id, RelationKind.SUPPORT, "restatement",
                     "restatement.thesis")
            b.roles[unit.id] = Role.RESTATEMENT

    # A concession that nothing answered grants a point against the thesis.
    if thesis is not None:
        for unit in seg.units:
            # most units have no marker, so concede nothing: that test goes first
            intent = b.intent(unit) if unit.markers else None
            if intent is not None and intent.concedes and unit.id != thesis.id \
                    and unit.id not in b.sources:  # b.concedes(unit), its intent kept
                b.relate(unit.id, thesis.id, RelationKind.ATTACK, "concession",
                         "concession.thesis", intent.marker)

    _parallel_clauses(b, parallel)
    _conclusions_take_their_premises_place(b, links)
    if thesis is not None:
        # whatever role a rule gave it on the way ("In short, X." is a summary), the
        # root of the map is the central claim
        b.roles[thesis.id] = Role.CENTRAL_CLAIM
        _attach_other_roots(b, thesis.id)
    return b.built()


def _attach_other_roots(b: _Builder, thesis: str) -> None:
    """Attach to the central claim each unit that is still the source of no relation.

    An argument map is a tree whose one root is the central claim (Peldszus & Stede
    2013: every other ADU supports or attacks, directly or through others, the central
    claim). The rules above leave a unit unattached where none of them applies (a
    summary "In short, X" after the text's conclusion, a paragraph none of the section
    rules reaches); such a unit serves the central claim as a paragraph head does: it
    supports it, or attacks it if it concedes (rule ``default.root``). The map is
    acyclic and the central claim the source of nothing (:meth:`_Builder.relate`), so
    once every other unit is the source of an edge, each has a path to the central
    claim (a unit the central claim restates is joined to it by that restatement).
    """
    graph = b.graph
    head, root = graph.out_head, b.unit_index[thesis]
    # what the central claim restates ("X. In other words, T."): the same claim said
    # twice, joined to it already (a restatement is the one relation the central claim
    # may be the source of)
    restated = {graph.dst[e] for e in graph.edges_from(root)}
    for n, unit in enumerate(b.seg.units):
        if head[n] < 0 and n != root and n not in restated:
            conceded = b.roles.get(unit.id) is Role.CONCESSION or b.concedes(unit)
            b.relate(unit.id, thesis, _ATTACK if conceded else _SUPPORT,
                     "concession" if conceded else "default", "default.root")


def _conclusions_take_their_premises_place(b: _Builder,
                                           links: Iterable[tuple[str, str, Marker]]) -> None:
    """Attach each conclusion that nothing attached: it relates to what its premise
    relates to, in the same way (rule ``<rule>.in-place``), so that it is no second root
    beside the central claim.

    A result marker draws its unit B from a premise A ("A, so B", "A. Therefore, B.", a
    paragraph opening with "Thus, B"; PDTB 2.0 Contingency.Cause.Result, Arg2 the
    result), and A had already taken its place in the argument; B stands in the same
    place, one step further along it (the microtexts' gold attaches such a B where A's
    sentence attaches: micro_b016, b051, k010, k024). A chain ("A. So B. Hence C.") is
    followed to its end. ``links`` are the clause links, whose conclusions come first.
    """
    drawn = [(source, target, f"{marker.function.value}.{marker.rule}")
             for source, target, marker in links if _concludes(marker)]
    drawn += [(r.target, r.source, r.rule) for r in b.relations
              if r.subtype == "result" and r.kind is _SUPPORT]
    for _ in range(3):  # a chain of conclusions settles in as many passes as it is long
        placed = False
        for conclusion, premise, rule in drawn:
            if conclusion in b.sources or conclusion == b.thesis or \
                    premise not in b.unit_index:
                continue
            first = next((r for r in _relations_from(b, premise) if r.target != conclusion),
                         None)
            if first is None or first.target == conclusion:
                continue
            rule = f"{rule.removesuffix('.to-thesis')}.in-place"
            if first.kind is _ATTACK and (".joiner" not in rule or (first.target == b.thesis
                                          and not b.conceded(b.unit(premise)))):
                # "Hence, B" after an attack answers nothing itself: the author's
                # conclusion supports the central claim (only ", so B" of a concession
                # or an answer goes on with it)
                if b.thesis is not None:
                    b.relate(conclusion, b.thesis, _SUPPORT, "default", rule)
                    placed = True
                continue
            b.relate(conclusion, first.target, first.kind, first.subtype, rule)
            placed = True
        if not placed:
            break


def _parallel_clauses(b: _Builder, links: list[tuple[str, str, Intent]]) -> None:
    """Attach "X, and Y" clauses: Y relates to what X relates to, in the same way.

    "and" joining two clauses is Expansion.Conjunction in PDTB 2.0 (Prasad et al. 2008):
    the clauses are parallel, co-premises of one claim or two sides of one concession.
    When X is the thesis, Y supports it.
    """
    for source, target, intent in links:
        first = b.first_relation_from(target)
        if first is None:
            b.relate(source, target, RelationKind.SUPPORT, intent.subtype, intent.rule,
                     intent.marker)
            continue
        b.relate(source, first.target, first.kind, first.subtype,
                 f"{intent.rule}.parallel", intent.marker)
        if b.roles.get(target) is Role.CONCESSION:
            b.roles[source] = Role.CONCESSION


#: At most this many unmarked paragraphs between two items are read as the earlier
#: item's elaboration (:func:`_elaborate_item`); more are left to the section, as a
#: digression is, or a list read across pages of another text.
ITEM_ELABORATION_PARAGRAPHS = 3


def _elaborate_item(b: _Builder, open_list: _OpenEnumeration | None, item: Unit,
                    between: list[Unit], heads: list[Unit]) -> None:
    """Attach the unmarked paragraph roots ``between`` two items of one list to the
    earlier item, which they elaborate, and empty ``between``; rule ``default.item``.

    The items of a list and what elaborates each of them form one contiguous span (RST's
    List is multinuclear and the spans of a schema application are adjacent: Mann &
    Thompson 1988), so a paragraph between item n and item n + 1 belongs to item n. When
    ``item`` did not continue ``open_list`` (the list closed, or a new one began), the
    roots go to ``heads``, the section's, as unmarked paragraphs do.
    """
    if open_list is not None and len(open_list.items) >= 2 and \
            open_list.items[-1] == item.id and len(between) <= ITEM_ELABORATION_PARAGRAPHS:
        earlier = open_list.items[-2]
        b.relate_each([(r.id, earlier) for r in between], RelationKind.SUPPORT, "default",
                      "default.item")
    else:
        heads.extend(between)
    between.clear()


#: A paragraph that opens with an addition ("Moreover, …") at most this many paragraphs
#: after its section's first paragraph is a further premise beside the paragraph before
#: it (:func:`_beside`); further on, it adds to the paragraph before, as a long
#: chapter's "Moreover" goes on with the point just made rather than with a claim a
#: dozen paragraphs back.
ADDITION_BESIDE_PARAGRAPHS = 4


#: The grammar's groups of additive adverbials ("moreover", "also"); not the coordinator
#: "and", which opens a paragraph that goes on with the one before ("And these two
#: lines sum up …"), as it joins two clauses of one sentence.
_ADDITIVE_ADVERBIALS = frozenset({"addition", "addition_comma"})


def _beside(b: _Builder, intent: Intent, head: Unit, heads: list[Unit],
            previous: Sequence[Unit], offset: int, last: bool,
            beside: dict[str, Intent], line: str) -> str | None:
    """Where a marked paragraph head goes that stands beside the paragraph before it,
    within a section (no heading before it), instead of attaching to that paragraph
    (:func:`_paragraph_target`); ``None`` when it does not.

    The paragraph before must itself stand for a reason of the section's claim: its root
    is the last of the section's unattached ``heads`` (they support the claim), or its
    head is a list item or stands beside in turn (its support's target is the claim).
    Then, in a paragraph at most :data:`ADDITION_BESIDE_PARAGRAPHS` after the section's
    first (``offset``, in paragraphs):

    - an additive adverbial ("Moreover, Y"; not "And") adds a premise beside that
      paragraph's: Y supports what it supports (PDTB 2.0 Expansion.Conjunction: the two
      arguments are parallel, Prasad et al. 2008); the paragraphs of a short essay are
      its reasons;
    - a concession ("Admittedly, Y") grants the opponent a point against that claim,
      which it attacks (``line``: the section's claim, when the paragraph before is one
      of ``heads``), not against the reason before it (a conceded point attacks a claim
      of the proponent, Peldszus & Stede 2016); what the paragraph adds after its answer
      then continues the author's line (rule ``.past-concession``).

    A result that closes the text (:func:`_closes_text`; ``last``: the head's paragraph
    is the text's last) also stands beside a paragraph before that is one of ``heads``:
    it is drawn from that paragraph's head, which stands for the paragraph, not from its
    last sentence.

    Returns:
        ``""`` when the head takes its place among the section's heads
        (:func:`_section_claim` attaches it with its marker), else the id of the unit it
        attaches to now (with rule ``<rule>.beside``).
    """
    among_heads = bool(heads) and heads[-1].paragraph == head.paragraph - 1
    if intent.direction is Direction.FORWARD:
        return "" if among_heads and _closes_text(b, intent, head, offset, last) else None
    # a concession, or a contrast adverbial opening the paragraph that turns to the
    # other side ("On the other hand, …", "However, …"; not "But", a coordinator, nor a
    # "however" inside the sentence): either sets a point against the claim
    conceding = intent.kind is RelationKind.ATTACK and (
        intent.concedes or (intent.marker is not None and intent.marker.rule == "opener"
                            and _group(b, intent.marker) == "contrast"))
    additive = intent.direction is Direction.PARALLEL and intent.kind is _SUPPORT \
        and intent.marker is not None and _group(b, intent.marker) in _ADDITIVE_ADVERBIALS
    if not (conceding or additive):
        return None
    before = b.first_relation_from(previous[0].id)
    # a run of heads beside one another goes on past the window ("Also …", "Moreover
    # …" in a long essay's reasons)
    chained = previous[0].id in beside or (
        before is not None and before.rule.endswith(".beside"))
    if offset > ADDITION_BESIDE_PARAGRAPHS and not chained:
        return None
    if _reported(b, (previous[0], head)):
        # the paragraph before, or this one, reports someone's view: an addition goes
        # on with that view ("Moreover, they claim …"), a concession grants it a point
        return None
    if conceding and about_the_text_before(head.text, (u.text for u in previous),
                                           b.unit(line).text):
        return None  # "Admittedly, these studies are small.": the reason's own point
    if among_heads:
        # (a concession right after the section's first paragraph attacks its claim as
        # it attacks the paragraph before: no rule of its own is needed)
        return None if conceding and line == previous[0].id else line if conceding else ""
    if before is not None and before.kind is _SUPPORT and (
            before.rule == "enumeration.item" or before.rule.endswith(".beside")):
        return before.target
    return None


def _group(b: _Builder, marker: Marker) -> str:
    """The grammar's function group of a marker's terminal ("contrast" for the contrast
    adverbials, "contrast_conjunction" for "but"), or ``""``."""
    info = b.grammar.info(marker.terminal)
    return info.group if info is not None else ""


def _closes_text(b: _Builder, intent: Intent, head: Unit, offset: int, last: bool) -> bool:
    """Whether a result ("Therefore, Y") that opens the text's last paragraph (``last``)
    is the closing conclusion: at least one paragraph stands between it and its section's
    first (``offset``, in paragraphs, at least 2). Y is then drawn from the section's
    reasons and supports its claim, as an unmarked closing paragraph does (the
    conclusion position of essays, Stab & Gurevych 2017), instead of hanging from the
    paragraph before alone, apart from the central claim.

    Not a question ("So what would it cost?": "so" there shifts the topic), nor a unit
    that says the central claim again: that one restates it (``restatement.thesis``) and
    the reasons keep supporting the central claim.
    """
    return last and intent.direction is Direction.FORWARD and offset >= 2 and \
        not head.text.rstrip().endswith("?") and head.id not in b.restatements


def _drawn_into(b: _Builder, head: Unit) -> Unit:
    """The conclusion its paragraph draws from ``head`` ("A. As a result, B." -> B, and
    on along a chain: "A. So B. Hence C." -> C), or ``head`` when none does.

    A result marker makes B the conclusion drawn from A (PDTB 2.0 Contingency.Cause.
    Result, Arg2 the result): B, not its premise A, is what the paragraph arrives at
    and the claim its section stands for; A is attached to B only, so a section claim
    A would reach the central claim only through B, which nothing attached. A head
    attached elsewhere too (the answer to an objection, "However, crews sweep weekly, so
    drains stay clear") stays the claim; its conclusion goes where it goes (rule
    ``.in-place``).
    """
    seen = {head.id}
    while True:
        out = _relations_from(b, head.id)
        first = out[0] if len(out) == 1 else None
        if first is None or first.kind is not _SUPPORT or first.subtype != "result" or \
                first.target not in b.unit_index or first.target in seen:
            return head  # (a head attached elsewhere too reaches the claim itself)
        drawn = b.unit(first.target)
        if drawn.paragraph != head.paragraph or drawn.id in b.sources or \
                drawn.id == b.thesis:
            return head
        seen.add(drawn.id)
        head = drawn


#: How many topic words (:func:`~argmap.cohesion.topic_words`) an unmarked closing
#: paragraph's head must share with the central claim or its section's claim to be
#: read as the closing conclusion without a cue of its own (:func:`_concludes_argument`).
CLOSING_TOPIC_WORDS = 1


def _concludes_argument(b: _Builder, head: Unit, claim: Unit) -> bool:
    """Whether the unmarked head of the text's last paragraph shows that it concludes
    the argument, and so is its closing conclusion (:func:`_section_claim`).

    The conclusion position of essays (Stab & Gurevych 2017) holds a conclusion that
    restates or sums up the claim: the head must carry a thesis cue
    (:func:`~argmap.thesis.claim_cue`: "should", "must", "it is time", a result
    marker) or share at
    least :data:`CLOSING_TOPIC_WORDS` topic words with the central claim or the
    section's ``claim`` (lexical cohesion, Halliday & Hasan 1976, ch. 6). A head that
    reports a figure (:func:`~argmap.numerals.states_amount`: "The cut would cost twelve
    billion pounds a year.") needs the cue: a shared topic word is no sign that a
    statistic concludes, for statistics back claims (Rinott et al. 2015). Without
    either, or when the head reports a view (the other side's: "Many people worry that
    …") or asks a question, the last paragraph is an ordinary one ("Thus far, the
    operator has ignored these figures."): its head supports the section's claim
    (``default.section``).
    Without a central claim the position alone decides, as before.
    """
    thesis = b.thesis
    if thesis is None:
        return True
    if head.id in _reported(b, (head,)) or head.text.rstrip().endswith("?"):
        return False  # the other side's view, or a question: no conclusion of the author's
    if claim_cue(head):
        return True
    if states_amount(head.text):
        return False  # a figure reported: evidence, not the conclusion it backs
    words = topic_words(head.text)
    shared = words & (topic_words(b.unit(thesis).text) | topic_words(claim.text))
    return len(shared) >= CLOSING_TOPIC_WORDS


def _section_claim(b: _Builder, summary: Unit | None, first_head: Unit, heads: list[Unit],
                   last_paragraph: Sequence[Unit] | None,
                   beside: dict[str, Intent] | None = None, closing_result: bool = False,
                   ) -> Unit:
    """Pick the section's claim and attach the section's unattached paragraph heads.

    The claim is the section's summary ("Taken together, …") if it has one, else its
    first paragraph head. When the section holds the text's last paragraph, that
    paragraph's head is the closing conclusion (the conclusion position of essays and
    op-eds, Stab & Gurevych 2017): the other heads support it and it supports the claim.
    A marked head among ``heads`` (``beside``, :func:`_beside`) keeps its marker:
    an addition supports the claim with rule ``<rule>.beside``; a closing result is
    drawn, with its marker, from the head before it (rule ``<rule>.closing``). When
    ``closing_result``, the last of ``heads`` is a result that closes the text
    (:func:`_closes_text`), the closing conclusion though it is no last paragraph's
    first unit.
    """
    beside = beside or {}
    if summary is not None:
        for h in heads:
            b.relate(h.id, summary.id, RelationKind.SUPPORT, "summary", "summary.section")
        return summary
    rest = [h for h in heads if h is not first_head]
    closing = None
    last_intent = beside.get(rest[-1].id) if rest else None
    if rest and last_paragraph is not None and (
            closing_result or (last_intent is None and rest[-1] is last_paragraph[0]
                               and _concludes_argument(b, rest[-1], first_head))):
        closing = rest.pop()
        b.roles[closing.id] = Role.CONCLUSION
    claim_id = (closing or first_head).id
    if last_intent is not None and closing is not None and rest:
        # the closing result's marker: drawn from the head before it
        drawn = rest.pop()
        b.apply(closing, attrs.evolve(last_intent, rule=f"{last_intent.rule}.closing"),
                drawn.id)
    b.relate_each([(h.id, claim_id) for h in rest if h.id not in beside],
                  RelationKind.SUPPORT, "default",
                  "conclusion.closing" if closing else "default.section")
    for h in rest:
        intent = beside.get(h.id)
        if intent is not None:
            b.apply(h, attrs.evolve(intent, rule=f"{intent.rule}.beside"), claim_id)
    if closing is not None:
        b.relate(closing.id, first_head.id, RelationKind.SUPPORT, "conclusion",
                 "conclusion.closing")
    return first_head


def _main_units(para: Sequence[Unit], clause_sources: frozenset[str]) -> Sequence[Unit]:
    """The units of a paragraph that are not subordinate clauses of another unit."""
    return [u for u in para if u.id not in clause_sources] or para


def _sentence_level(b: _Builder, head: Unit, main: Sequence[Unit]) -> None:
    """Attach the units after the head of one paragraph (subordinate clauses excluded)."""
    local_head = head
    concession: Unit | None = head if b.concedes(head) else None
    previous = head
    # Inside the thesis's paragraph the thesis is the local root: unmarked units
    # support it, wherever it stands (first, or last after "therefore").
    # (main's units share the head's paragraph number: only there is the set needed)
    home = b.thesis if head.paragraph == b.thesis_paragraph and \
        b.thesis in {u.id for u in main} else head.id
    at_thesis, answered = home == b.thesis, b.answered
    # outside the thesis's paragraph, a head that reports someone's view ("Some teachers
    # argue that X.") and that its paragraph answers is conceded too: the opponent's
    # point, whatever paragraph states it
    if head.id in answered and (at_thesis or _reported(b, (head,))):
        _concede(b, head, answered[head.id])
    # The author's line, which an addition after a concession continues: the home
    # claim, or, in a paragraph that opens with a concession, the claim conceded against.
    line = (b.conceded_against(head) or home) if concession is head else home
    # whether the unit before concedes (an addition after it goes to ``line``)
    after_concession = concession is head
    last_target: str | None = None
    # Unmarked units wait here for their default attachment to the paragraph head, so
    # that a later summary ("Taken together, …") can claim them instead.
    pending: list[tuple[str, str]] = []
    rest = main[main.index(head) + 1 :]
    text = b.seg.document.text
    asides = _may_hold_asides(text, rest)
    # the opponent's view this paragraph opens with and has not answered yet ("My
    # opponent argues X."; an answer may open with "Even if" or "In fact")
    view: Unit | None = head if rest and not at_thesis and head.id not in b.sources and \
        opponents_view(head.text) and _reported(b, (head,)) else None
    for k, unit in enumerate(rest):
        if unit.id in b.restating:
            # the thesis said again ("Therefore, X." after X): it is linked to the thesis
            # as its restatement, and what precedes it supports the thesis itself
            continue
        if asides and _aside(text, unit):
            # A bracketed sentence elaborates the one before and is skipped by later
            # markers ("Fees rose. (Most pay.) As a result, …" -> the result of "Fees rose").
            b.relate(unit.id, previous.id, _SUPPORT, "elaboration",
                     "elaboration.aside")
            continue
        if not unit.markers and local_head is head and concession is None and \
                previous.id != b.thesis and answers_back(text, unit.span.start,
                                                         unit.span.end):
            # (one search, in place, tells the few units that reject, disagree or deny
            # from the rest)
            denial = denies_inference(unit.text)
            if (previous is head or any(p[0] == previous.id for p in pending[-1:])) and \
                    _rejects_view(b, unit, previous, denial):
                # "Critics say X. This is overstated. Y.": the view is the opponent's, the
                # rejection answers it, and what follows backs the rejection
                pending = [p for p in pending if p[0] != previous.id]
                rebutted = True
            elif denial and previous.sentence != unit.sentence and \
                    _states_inference(b, previous):
                # "Bars lost customers, so the ban hurt business. That does not follow.":
                # the denial attacks the reasoning just given (undercut turns the attack
                # into an undercut of its inference), and what follows backs the denial
                b.relate(unit.id, previous.id, _ATTACK, "contrast", "denial.inference")
                rebutted = True
            else:
                rebutted = False
            if rebutted:
                local_head = previous = unit
                line = unit.id  # what follows the answer is the author's (``.after-answer``)
                last_target = None
                after_concession = False
                continue
        if view is not None and local_head is head and concession is None and \
                (view is head or view is previous) and _answers_unmarked(b, unit):
            # "My opponent argues X. Even if X', Y." / "… In fact, Y.": Y answers the
            # opponent's view, which is the objection; what follows backs Y
            _object(b, view)
            b.relate(unit.id, view.id, _ATTACK, "correction", "opponent.answer",
                     _answer_marker(b, unit))
            pending = [p for p in pending if p[0] not in (unit.id, view.id)]
            previous, concession, view = unit, None, None
            if not at_thesis:  # (there the central claim is the author's line)
                local_head, line = unit, unit.id
            last_target = None
            after_concession = False
            continue
        if at_thesis and view is None and not unit.markers and unit.id not in answered \
                and opponents_view(unit.text) and _reported(b, (unit,)) and \
                not _beside_another_view(b, unit):
            # "T. My opponent argues X. …" in the thesis's paragraph: X is an objection
            # to T whether or not a contrast answers it (made below, if nothing else
            # reads it so: a contrast or a rejection after it)
            view = unit
        if not unit.markers and not (at_thesis and local_head is head
                                     and unit.id in answered):
            # Most units: no marker (so no intent, no announcement) and no contrast
            # answers them. The steps below take them to the default attachment; here
            # they go there without the tests of the marked units.
            target = home if local_head is head else local_head.id
            pending.append((unit.id, target))
            last_target = target
            previous = unit
            after_concession = False
            continue
        if unit.markers:
            intent = _read_intent(b, unit)
            announcement = _announcement(unit)
        else:  # no marker, but a contrast answers it (the others went on above)
            intent, announcement = None, None
        further = False  # whether the unit is a further conceded point (see below)
        if intent is not None and intent.subtype == "elaboration" and at_thesis \
                and _answered_next(b, unit, rest[k + 1] if k + 1 < len(rest) else None):
            # "Indeed X, but Y": an affirming adverb that a contrast answers concedes X
            # (the Concede-Counter pattern, Couper-Kuhlen & Thompson 2000).
            intent = attrs.evolve(intent, kind=_ATTACK, subtype="concession",
                                  rule=f"{intent.rule}.concessive", concedes=True)
        if intent is not None and intent.direction is _ITEM:
            if b.take_item(unit, intent, local_head.id):
                local_head = unit
                previous = unit
                after_concession = False
                continue
            intent = None
        if intent is None and at_thesis and local_head is head and \
                unit.id in answered and _concede(b, unit, answered[unit.id]):
            last_target = b.thesis
        elif intent is None:
            target = home if local_head is head else local_head.id
            pending.append((unit.id, target))
            last_target = target
        elif intent.direction is _SUMMARY:
            earlier = [head.id] + [source for source, _ in pending]
            for source in earlier:
                if source not in b.sources:
                    b.relate(source, unit.id, _SUPPORT, "summary", intent.rule,
                             intent.marker)
            pending = []
            b.roles[unit.id] = Role.CONCLUSION
        elif (intent.concedes and concession is None and previous is head
              and local_head is head and not at_thesis
              and (answer := _answer_after(b, unit, rest[k + 1] if k + 1 < len(rest)
                                           else None)) is not None
              and _voiced_view(b, head, named=False) and _concede(b, head, answer)):
            # "Some parents argue X. Admittedly, Y. However, Z.": the paragraph reports
            # the opponent's view X; Y grants it, a further conceded point on X's side
            # (Concede-Concede-Counter), and Z answers X (``concession``)
            b.relate(unit.id, head.id, _SUPPORT, "concession", f"{intent.rule}.grants-view",
                     intent.marker)
            b.roles[unit.id] = Role.CONCESSION
            concession = head
            last_target = head.id
        elif intent.direction is _PARALLEL and after_concession and \
                b.conceded_further(unit):
            # "Admittedly X. Moreover, Y. However, Z.": a contrast answers Y right after,
            # so Y is a further conceded point: it backs the concession, and the contrast
            # answers the concession (``concession`` stays open).
            conceded = concession if concession is not None else previous
            b.apply(unit, intent, conceded.id)
            last_target = conceded.id
            further = True  # after_concession stays: a further addition may concede too
        elif intent.direction is _PARALLEL and (last_target is not None or after_concession):
            # "Moreover, Y": a further premise of the claim the last one supported. Right
            # after a concession (that no contrast answers right after Y), or after an
            # exchange of attacks (a concession and its answer), it continues the author's
            # line instead (``line``: the home claim, or the claim a conceding paragraph
            # head was granted against); the rule id says so where that is not where the
            # home claim rule (``usual``) put it.
            last = b.relations[-1] if b.relations else None
            exchange = last is not None and last.kind is _ATTACK
            usual = home if exchange or last_target is None else last_target
            if after_concession or exchange:
                last_target = line
                if line != usual:
                    intent = attrs.evolve(intent, rule=f"{intent.rule}.past-concession")
            elif usual is not None and intent.marker.text.casefold() == "besides" and \
                    (on := b.first_relation_from(usual)) is not None and \
                    on.kind is _SUPPORT and on.target in b.unit_index:
                # "A. B, for this reason. Besides, C.": "besides" adds a further reason
                # for the claim the last reason backs (B), not for that reason (A)
                last_target = on.target
                intent = attrs.evolve(intent, rule=f"{intent.rule}.beside")
            else:
                last_target = usual
            b.apply(unit, intent, last_target)
        else:
            target = previous.id
            if intent.concedes and intent.kind is _ATTACK and view is head and \
                    previous is head and concession is None and b.thesis is not None and \
                    _answer_after(b, unit, rest[k + 1] if k + 1 < len(rest) else None) is None:
                # "Critics warn that X. Admittedly, Y." with no contrast after: the author
                # grants a point against the central claim, not against the view; one
                # about the view grants the view itself (``.grants-view``)
                if about_the_text_before(unit.text, (head.text,), b.unit(b.thesis).text):
                    intent = attrs.evolve(intent, kind=_SUPPORT,
                                          rule=f"{intent.rule}.after-view")
                    target = head.id
                    _object(b, head)
                else:
                    target = b.thesis
                    intent = attrs.evolve(intent, rule=f"{intent.rule}.after-view")
            elif intent.concedes and intent.kind is _ATTACK and at_thesis and \
                    previous.id != b.thesis and not about_the_text_before(
                        unit.text, (previous.text,), b.unit(home).text):
                # "T. A. Besides, B. Admittedly, C. But D.": C grants a point against the
                # thesis, not against B (Peldszus & Stede 2016: a conceded point attacks
                # a claim of the proponent), unless C is about B ("these studies …")
                target = home
            elif intent.concedes and intent.kind is _ATTACK and not at_thesis and \
                    concession is None and previous is not head and b.conceded(head) and \
                    _answers(b, previous, head) and (against := b.conceded_against(head)) \
                    is not None and not about_the_text_before(
                        unit.text, (previous.text,), b.unit(against).text):
                # "Some argue X. However, Y. Admittedly, C. But D.": after the answer to
                # the opponent's view the author is back on the main line; C grants a
                # further point against the claim X attacked, not against Y (Peldszus &
                # Stede 2016: a conceded point attacks a claim of the proponent)
                target = against
                intent = attrs.evolve(intent, rule=f"{intent.rule}.after-answer")
            # (the unmarked units waiting, ``pending``, are compared with the units
            # before only on the rare path that needs it: a list of them built for each
            # marked unit made a long paragraph quadratic)
            if intent.kind is _ATTACK and not intent.concedes and concession is None and \
                    local_head is head and not at_thesis and previous is not head and \
                    len(pending) == k and opponents_view(head.text) and \
                    [s for s, _ in pending] == [u.id for u in rest[:k]] and \
                    _reported(b, (head,)) and \
                    not about_the_text_before(unit.text, (previous.text,), head.text) and \
                    _concede(b, head, intent.marker):
                # "Critics argue that X. This worry is understandable. However, Y.": the
                # contrast answers the opponent's view that opens the paragraph, past the
                # unmarked sentences that dwell on it (they back it)
                concession = head
            before = b.before(unit)
            if intent.kind is _ATTACK and not intent.concedes and \
                    concession is None and before is not None and before.id in b.sources \
                    and _concedes_clause(before):
                concession = before  # "X, although/unless Y. But Z.": Z answers Y
            objection = intent.kind is _ATTACK and not intent.concedes and at_thesis and \
                concession is None and previous.id != b.thesis and \
                _SPEAKER_SAYS.match(unit.text) is not None and _reported(b, (unit,))
            if objection:
                # "T. A. However, the mayor says X.": a contrast that reports someone's
                # view raises an objection to the thesis; it answers nothing, so A, the
                # author's own reason, is no conceded point
                target = home
            if not objection and intent.kind is _ATTACK and not intent.concedes and \
                    concession is None and local_head is head and (
                        (at_thesis and pending and pending[-1][0] == previous.id)
                        or (previous is head and at_thesis and head.id not in b.sources
                            and answering(intent) is not None)
                        or (previous is head and not at_thesis and _reported(b, (head,)))) and \
                    _concede(b, previous, intent.marker):
                # "X. But Y.": the author grants X and answers it with Y.
                pending = [p for p in pending if p[0] != previous.id]
                concession = previous
            answering_view = False
            if intent.kind is _ATTACK and concession is not None and \
                    not intent.concedes:
                target = concession.id
                intent = attrs.evolve(intent, rule=f"{intent.rule}.answers-concession")
                # the answer to the opponent's view that opens the paragraph (or, in
                # the central claim's paragraph, stands in it): what follows is the
                # author's and backs the answer, not the view (Peldszus & Stede 2016)
                answering_view = local_head is head and (
                    concession is view or (concession is head and not at_thesis
                                           and _voiced_view(b, head)))
                concession = None
            b.apply(unit, intent, target)
            if answering_view and not at_thesis:  # (there the central claim is the line)
                local_head, line = unit, unit.id
            last_target = target
            if intent.concedes:
                concession = unit
            if intent.direction is _FORWARD:
                if target == local_head.id:
                    local_head = unit  # "X. Therefore Y. Z." : Z goes on to support Y
                # the conclusion takes the place its premise was waiting for
                pending = [(unit.id, t) if s == target else (s, t) for s, t in pending]
        if announcement is not None and not b.inside_item(unit):
            b.open_enumeration(unit, announcement)
        previous = unit
        after_concession = further or (intent is not None and intent.concedes)
    if view is not None and view is not head and not b.conceded(view):
        _object(b, view)  # the view in the central claim's paragraph nothing answered
        pending = [p for p in pending if p[0] != view.id]
    b.relate_each(pending, _SUPPORT, "default", "default.paragraph")


def _answered_next(b: _Builder, unit: Unit, following: Unit | None) -> bool:
    """Whether a contrast answers ``unit``: ", but …" joined to it, or the next sentence."""
    if unit.id in b.answered:
        return True
    if following is None:
        return False
    intent = b.intent(following)
    return intent is not None and intent.kind is _ATTACK and \
        intent.subtype == "contrast"


def _concludes(marker: Marker) -> bool:
    """Whether a clause link's marker draws its clause as a conclusion from the clause
    before (", so B", ", hence B": a result conjunction, PDTB 2.0 Contingency.Cause.
    Result, Arg2 the result)."""
    if marker.function is not _RESULT:
        return False
    intent = clause_intent(marker)
    return intent is not None and intent.direction is _FORWARD


def _island(b: _Builder, para: Sequence[Unit]) -> bool:
    """Whether no relation leads from a unit of ``para`` to a unit outside it."""
    inside = {u.id for u in para}
    return all(r.target in inside for u in para for r in _relations_from(b, u.id))


def _relations_from(b: _Builder, unit_id: str) -> list[Relation]:
    """The relations whose source is ``unit_id``, in the order they were made."""
    return [b.relations[edge] for edge in sorted(b.graph.edges_from(b.unit_index[unit_id]))]


def _clause_links(b: _Builder) -> list[tuple[str, str, Marker]]:
    """The segmentation's clause links, each with the marker that governs it: in "A, and
    therefore B" (or "and so", "and thus", "and hence") the result adverb right after the
    coordinator, read as a result conjunction (", so B": B concluded from A), not the
    "and" that adds B as a parallel premise. PDTB 2.0 reads a conjunction before another
    connective as a connective of its own, and the adverbial, the nearer one, decides
    the relation (The PDTB Research Group 2007, §1.5), as :func:`~argmap.relate.unit_intent`
    reads stacked openers ("And, of course, …").
    """
    links = list(b.seg.links)
    text = b.seg.document.text
    for n, (source, target, marker) in enumerate(links):
        if marker.function is not MarkerFunction.ADDITION or marker.rule != "joiner":
            continue
        markers = b.unit(source).markers
        if len(markers) < 2:
            continue  # the "and" alone (most coordinated clauses)
        end = marker.span.end
        result = next((m for m in markers if m.function is _RESULT
                       and m.span.start >= end
                       and not text[end : m.span.start].strip(" ,")), None)
        if result is not None:
            links[n] = (source, target, attrs.evolve(result, rule="joiner"))
    return links


def _link_intent(b: _Builder, source: str, target: str, marker: Marker) -> Intent | None:
    """The intent of a clause link: :func:`~argmap.relate.clause_intent`, but a
    juxtaposition (", while Y") whose sides stand opposed (:func:`_opposed`) is read as
    a contrast (:func:`~argmap.relate.opposed_intent`)."""
    intent = clause_intent(marker)
    if intent is not None and intent.subtype == "juxtaposition" and \
            _opposed(b, b.unit(source), b.unit(target)):
        return opposed_intent(marker)
    return intent


def _opposed(b: _Builder, *units: Unit) -> bool:
    """Whether juxtaposed clauses or a unit stand opposed, not side by side: one is the
    central claim ("Schools should ban phones, while some parents insist …": the other
    side answers the author's claim) or reports someone's view ("Supporters claim X,
    while in reality Y"; "Managers say X, whereas the surveys show Y"), as opposing
    positions are attributed (PARC 3.0 attribution cues, Pareti 2016; not the author's
    own "I believe", :func:`_reported`)."""
    if any(u.id == b.thesis for u in units):
        return True
    reported = _reported(b, units)
    # two clauses that both report a view juxtapose them ("Some insist on X, while
    # others would accept Y"); one that answers a reported view opposes it
    return bool(reported) and (len(units) == 1 or len(reported) < len(units))


def _answer_after(b: _Builder, unit: Unit, following: Unit | None) -> Marker | None:
    """The marker of the contrast that answers ``unit`` (:func:`_answered_next`), or
    ``None`` when none does."""
    if unit.id in b.answered:
        return b.answered[unit.id]
    if not _answered_next(b, unit, following):
        return None
    intent = b.intent(following) if following is not None else None
    return intent.marker if intent is not None else None


def _concedes_clause(unit: Unit) -> bool:
    """Whether a clause joined to its sentence concedes ("…, although Y", "… unless Y")."""
    return any(m.rule == "joiner" and m.function is MarkerFunction.CONCESSION
               for m in unit.markers)


def _concede(b: _Builder, unit: Unit, marker: Marker) -> bool:
    """Read an unmarked unit that a contrast answers as an implicit concession.

    In the thesis's paragraph, in "X. But Y." (or "X, but Y") the writer who holds Y
    grants X: X is the opponent's point and attacks the thesis, Y attacks X (the
    Concede–Counter pattern, Couper-Kuhlen & Thompson 2000; implicit concessions in
    Peldszus & Stede 2013). Not for the thesis itself, which a contrast simply
    attacks. ``marker`` is the answering contrast marker, the evidence for the reading.

    Returns:
        Whether the unit was read as a concession.
    """
    if b.thesis is None or unit.id == b.thesis:
        return False
    b.relate(unit.id, b.thesis, RelationKind.ATTACK, "concession", "concession.implicit",
             marker)
    b.roles[unit.id] = Role.CONCESSION
    return True


#: Openers that correct what was said before ("In fact, Y", "Actually, Y"): after an
#: opponent's view they answer it (Halliday & Hasan 1976, §5.4: the corrective "in fact").
_CORRECTIVE = frozenset({"in fact", "actually", "in reality", "in truth", "as a matter of fact"})


def _answer_marker(b: _Builder, unit: Unit) -> Marker | None:
    """The marker that makes ``unit`` an answer to the view before it
    (:func:`_answers_unmarked`): its corrective opener, or the concessive "Even if" of the
    clause that opens its sentence."""
    for marker in unit.markers:
        if marker.function is _ELABORATION and marker.text.casefold() in _CORRECTIVE:
            return marker
    before = b.before(unit)
    if before is not None and before.id in b.clauses and before.paragraph == unit.paragraph:
        return next((m for m in before.markers if m.function is MarkerFunction.CONCESSION
                     and m.rule != "joiner"), None)
    return None


def _answers_unmarked(b: _Builder, unit: Unit) -> bool:
    """Whether ``unit``, right after an opponent's view ("My opponent argues that prices
    will rise."), answers it without a contrast marker: it opens with a corrective "In
    fact" or "Actually", or its sentence opens with a conceding clause ("Even if prices
    rise slightly, workers gain more": the author grants part of the view and holds the
    main clause against it, Concede–Counter, Couper-Kuhlen & Thompson 2000)."""
    return _answer_marker(b, unit) is not None


def _beside_another_view(b: _Builder, unit: Unit) -> bool:
    """Whether a clause of ``unit``'s sentence after it reports a view too ("Some insist
    on drills, while others say that play is enough."): the sentence sets out views side
    by side (:func:`_opposed`), and takes no side against the central claim."""
    n = b.unit_index[unit.id] + 1
    following = b.seg.units[n] if n < len(b.seg.units) else None
    return following is not None and following.id in b.clauses and \
        following.sentence == unit.sentence and following.paragraph == unit.paragraph and \
        bool(_reported(b, (following,)))


def _opens_answer_to_view(b: _Builder, clause: Unit, target: str) -> bool:
    """Whether a conceding clause opens the sentence right after an opponent's view and
    its main clause is the answer ("My opponent argues that prices will rise. Even if
    prices rise slightly, workers gain more."): the author grants the point against the
    central claim, not against the answer (Concede–Counter, Couper-Kuhlen & Thompson
    2000; a conceded point attacks a claim of the proponent, Peldszus & Stede 2016)."""
    before = b.before(clause)
    n = b.unit_index[target]
    return before is not None and b.thesis is not None and before.id != b.thesis and \
        n == b.unit_index[clause.id] + 1 and before.paragraph == clause.paragraph and \
        before.sentence != clause.sentence and opponents_view(before.text) and \
        bool(_reported(b, (before,)))


def _object(b: _Builder, view: Unit) -> None:
    """Make the opponent's view ``view`` an objection: it attacks the central claim (rule
    ``opponent.objection``; the opponent's units of Peldszus & Stede 2016), whether or
    not a contrast answers it."""
    if b.thesis is None or view.id == b.thesis or b.conceded(view):
        return
    b.relate(view.id, b.thesis, RelationKind.ATTACK, "concession", "opponent.objection")
    b.roles[view.id] = Role.CONCESSION


def _voiced_view(b: _Builder, unit: Unit, *, named: bool = True) -> bool:
    """Whether ``unit`` reports a view that the text may answer as the other side's:
    an opponent's (:func:`~argmap.cohesion.opponents_view`: "Critics say …", "My
    opponent claims …"), or a speaker's it names ("The council says …", ``_SPEAKER_SAYS``;
    reported, :func:`_reported`). A named speaker is an opponent only where the text
    answers the view (a contrast right after it, a rejection); the callers ask that; a
    cited authority that nothing answers ("The WHO says X. So Y.") stays a source of
    support (attribution, PARC 3.0, Pareti 2016). With ``named=False`` (the answer may
    be to a concession after the view instead: "Economists say X. Of course, Y. But
    Z."), a named speaker counts only when the central claim names it too, as the party
    it tells what to do or faults ("The council should reverse it." … "The council says
    …"; :func:`_speaker_in_thesis`)."""
    if not _reported(b, (unit,)):
        return False
    if opponents_view(unit.text):
        return True
    speaker = _SPEAKER_SAYS.match(unit.text)
    return speaker is not None and (named or _speaker_in_thesis(b, speaker.group(0)))


def _speaker_in_thesis(b: _Builder, speaker: str) -> bool:
    """Whether the central claim shares a topic word with ``speaker`` ("The council
    says", its verb left out; :func:`~argmap.cohesion.topic_words`)."""
    if b.thesis is None:
        return False
    words = topic_words(speaker.rsplit(None, 1)[0]) if " " in speaker.strip() else set()
    return bool(words & topic_words(b.unit(b.thesis).text))


def _rejects_view(b: _Builder, unit: Unit, view: Unit, denial: bool | None = None) -> bool:
    """Read ``unit``, which rejects the view reported just before it ("This is
    overstated.", "That is not true."; :func:`~argmap.cohesion.rejects`), as the answer
    to that view: it attacks the view (rule ``rejection.answer``, subtype
    ``correction``), and the view, the opponent's, attacks the central claim (rule
    ``rejection.view``, a conceded point as in :func:`_concede`). A rejection denies
    what the sentence before said, as a corrective "in fact … not" does (Halliday &
    Hasan 1976, §5.4); the view it denies is the other side's (Peldszus & Stede 2016).
    So does a sentence that denies the inference the view states ("The minister claims
    that fares must rise because costs have risen. That does not follow."; "This assumes
    …": :func:`~argmap.undercut.denies_inference`): :func:`~argmap.undercut.undercut`
    then turns the attack into an undercut of the view's reason, or leaves it a rebuttal
    of a view given without one.

    ``denial``, when known, says whether ``unit`` denies an inference (asked once by
    the caller).

    Returns:
        Whether the reading was made: ``unit`` rejects, ``view`` reports a view
        (:func:`_voiced_view`) not conceded yet, and there is a central claim.
    """
    if denial is None:
        denial = denies_inference(unit.text)
    if not (denial or rejects(unit.text)) or b.thesis is None or \
            view.id == b.thesis or b.conceded(view) or not _voiced_view(b, view):
        return False
    b.relate(unit.id, view.id, RelationKind.ATTACK, "correction", "rejection.answer")
    b.relate(view.id, b.thesis, RelationKind.ATTACK, "concession", "rejection.view")
    b.roles[view.id] = Role.CONCESSION
    return True


def _states_inference(b: _Builder, unit: Unit) -> bool:
    """Whether ``unit``'s sentence states an inference: a reason or result clause joins
    two of its clauses ("X because Y", "A, so B", "A, and therefore B"). The sentences
    that do are found in one pass over the clause links, at the first sentence that
    denies an inference (rare), and kept."""
    if b.inferring is None:
        b.inferring = frozenset(
            b.unit(source).sentence for source, _, marker in b.seg.links
            if marker.function in (MarkerFunction.REASON, _RESULT))
    return unit.sentence in b.inferring


def _answers(b: _Builder, unit: Unit, view: Unit) -> bool:
    """Whether ``unit``'s first relation attacks ``view`` (it answers it)."""
    relation = b.first_relation_from(unit.id)
    return relation is not None and relation.kind is _ATTACK and relation.target == view.id


def _read_intent(b: _Builder, unit: Unit) -> Intent | None:
    """``unit_intent(unit, negated=...)``, from the builder's intents: ``negated`` says
    whether the unit holds a negation, for a corrective "In fact, X is not …".

    Negation corrects only an elaboration's intent (:func:`~argmap.relate.corrected`
    returns any other unchanged), so only then is the unit searched for a negation.
    """
    intent = b.intent(unit)
    if intent is None:
        if unit.markers and _opposed(b, unit):
            # "X, whereas Y." inside one unit that reports a view: a contrast again
            marker = next((m for m in unit.markers if m.sense == JUXTAPOSITION
                           and m.rule not in ("opener", "joiner")), None)
            if marker is not None:
                return opposed_intent(marker)
        return intent
    if intent.direction is _FORWARD and len(unit.markers) > 1:
        # "So, of course, X. But Y.": the result marker governs ("So, of course, X"
        # concludes, relate.unit_intent) unless a contrast answers X; then the stacked
        # concession does, as "Indeed X. But Y." concedes (Concede-Counter)
        granted = next((m for m in unit.markers if m.function is _CONCESSION), None)
        if granted is not None and _answered_next(b, unit, b.next_main(unit)):
            return clause_intent(granted) or intent
        return intent
    if intent.marker.function is not _ELABORATION:
        return intent
    return corrected(intent) if b.holds(unit, _NEGATION) else intent


def _paragraph_target(b: _Builder, intent: Intent, head: Unit, previous: Sequence[Unit],
                      previous_claim: str | None) -> tuple[str, str]:
    """Where a marked paragraph head attaches, and the id of the rule that says so.

    Args:
        b: the builder (the relations so far, the central claim).
        intent: the head's intent (:func:`_read_intent`).
        head: the paragraph's head (its first main unit).
        previous: the units of the paragraph before it, in text order.
        previous_claim: when a heading stands between the two paragraphs, the claim of
            the section before (:func:`_section_claim`), else ``None``.

    Returns:
        ``(target unit id, rule id)``; the rule id is ``intent.rule``, or that id with a
        suffix naming the position that chose the target (``.section-start``,
        ``.past-concession``).

    An attack answers the last reported view (attribution cue, PARC 3.0) of the previous
    paragraph if there is one: that is an explicit target, even across a heading.
    Otherwise a head that opens a section does not take the previous paragraph (another
    section's last one) as its target: see :func:`_section_start_target`. Within a
    section, a result ("Therefore, …") is drawn from the previous paragraph's last unit;
    an addition after a paragraph that opens with a concession continues the author's
    line (:meth:`_Builder.conceded_against`), unless a contrast answers it right after
    (:meth:`_Builder.conceded_further`); any other head attaches to the previous
    paragraph's head.
    """
    if intent.kind is _ATTACK:
        # the last reported view: the previous paragraph is searched from its end
        reported = next((u for u in reversed(previous) if b.holds(u, _ATTRIBUTION)), None)
        if reported is not None and intent.concedes and b.conceded(reported) and \
                (against := _author_line(b, reported.id)) != reported.id and \
                not about_the_text_before(head.text, [reported.text], b.unit(against).text):
            # "Some argue X. But Y. ¶ Of course, C. However, D.": after the exchange the
            # author grants C against the claim X attacked (the central claim), not
            # against X, the opponent's own point (``.after-answer``)
            return against, f"{intent.rule}.after-answer"
        if reported is not None:
            return reported.id, intent.rule
    if previous_claim is not None:
        return _section_start_target(b, intent, head, previous_claim)
    thesis = b.thesis
    if intent.kind is _ATTACK and not intent.concedes and thesis is not None and \
            head.paragraph != b.thesis_paragraph and thesis != previous[0].id and \
            _SPEAKER_SAYS.match(head.text) is not None and _reported(b, (head,)) and \
            not _reported(b, (previous[0],)) and not b.conceded(previous[0]) and \
            not about_the_text_before(head.text, [u.text for u in previous],
                                      b.unit(thesis).text):
        # "T. ¶ A. ¶ However, the mayor says X.": a contrast that reports someone's view
        # raises an objection to the thesis, as it does inside the thesis's paragraph
        # (_sentence_level); A, the author's own reason, is no conceded point. A view
        # about what A said ("However, the architect says it could be extended") stays
        # an attack on A.
        return thesis, f"{intent.rule}.objection"
    if intent.direction is _FORWARD:
        if not _in_objection(b, previous[-1].id):
            return previous[-1].id, intent.rule
        if not _in_objection(b, previous[0].id):
            return previous[0].id, f"{intent.rule}.past-objection"
        return _author_line(b, previous[-1].id), f"{intent.rule}.past-objection"
    announced = _after_list(b, intent, head, previous)
    if announced is not None:
        return announced, f"{intent.rule}.after-list"
    if intent.direction is _PARALLEL and b.conceded(previous[0]) and \
            not b.conceded_further(head):
        line = b.conceded_against(previous[0])
        if line is not None and line != head.id:
            return line, f"{intent.rule}.past-concession"
    return previous[0].id, intent.rule


def _attacked(b: _Builder, unit_id: str) -> str | None:
    """The unit that ``unit_id`` attacks (its earliest attack), or ``None``."""
    return next((b.relations[e].target for e in sorted(
        b.graph.edges_from(b.unit_index[unit_id])) if b.relations[e].kind is _ATTACK), None)


def _in_objection(b: _Builder, unit_id: str) -> bool:
    """Whether a unit is an objection the author grants or answers, or the answer to
    one: it is conceded (a concession marker, or read as an implicit concession), or it
    attacks, along a chain of attacks, a unit that is ("Some argue X. However, Y.":
    both X and Y). A contrast within the author's own line ("A. But B.", B attacking a
    unit that concedes nothing) is none."""
    seen = set()
    current: str | None = unit_id
    while current is not None and current not in seen and current in b.unit_index:
        if b.conceded(b.unit(current)):
            return True
        seen.add(current)
        current = _attacked(b, current)
    return False


def _author_line(b: _Builder, unit_id: str) -> str:
    """The claim an exchange of attacks is about: from ``unit_id`` (an objection or an
    answer to one, :func:`_in_objection`) along the attacks to the first unit
    that takes no part in the exchange (the central claim, or the reason an objection
    was raised against); ``unit_id`` itself when no attack leads on.

    A result that opens a paragraph or a section after such an exchange ("Some argue X.
    However, Y. ¶ Therefore, Z.") is drawn from the author's line, not from the
    objection or its answer (:func:`_in_objection`): in the microtext scheme (Peldszus
    & Stede 2016) an objection attacks a claim of the proponent and the answer attacks
    the objection; neither is a premise of the proponent's conclusion. The claim
    attacked stands for the argument the exchange interrupted; the central claim, when
    it is that claim, is the root, and the conclusion is read as its support
    (``.to-thesis``).
    """
    seen = {unit_id}
    current = unit_id
    while _in_objection(b, current):
        unit = b.unit(current)
        target = _attacked(b, current)
        if target is None and b.conceded(unit):
            target = b.conceded_against(unit)
        if target is None or target in seen or target not in b.unit_index:
            break
        seen.add(target)
        current = target
    return current


def _after_list(b: _Builder, intent: Intent, head: Unit, previous: Sequence[Unit]
                ) -> str | None:
    """The claim a closed list's items support, when a paragraph that backs by its
    marker ("For example, …", "After all, …") comes right after the list's last item
    and is about that claim rather than the item; else ``None``.

    A list closes at its announced count or at its last item ("Finally, …"); the
    paragraph after it no longer continues an item (an open list's next item may still
    follow, and what stands between two items elaborates the earlier one:
    :func:`_elaborate_item`). Whether it illustrates the last item or the list's
    claim is told by lexical cohesion (Halliday & Hasan 1976, ch. 6;
    :func:`~argmap.cohesion.about_the_text_before`): a paragraph that opens with a
    demonstrative, or shares more topic words with the item's paragraph than with the
    claim, stays with the item. "A charge reduces traffic in three ways: 1. … 3. It
    funds better public transport. ¶ For example, Stockholm cut central traffic by 20
    percent after its charge began." illustrates the charge that reduces traffic.
    """
    if intent.kind is not _SUPPORT or intent.direction is not Direction.BACKWARD:
        return None
    item = previous[0]
    first = b.first_relation_from(item.id)
    if first is None or first.rule != "enumeration.item" or first.target not in b.unit_index:
        return None
    state = b.pending
    if state is not None and item.id in state.items:
        return None  # the list is open: another item may follow
    if b.next_main(previous[-1]) is not head or about_the_text_before(
            head.text, [u.text for u in previous], b.unit(first.target).text):
        return None
    return first.target


def _section_start_target(b: _Builder, intent: Intent, head: Unit,
                          previous_claim: str) -> tuple[str, str]:
    """Where a marked head that opens a section (the first paragraph after a heading)
    attaches, and the rule id: ``(target unit id, rule id)``.

    A connective's first argument need not be the sentence before it (PDTB 2.0, Prasad
    et al. 2008: Arg1 of an explicit connective may lie anywhere earlier in the text).
    After a heading the sentence before belongs to another section, and the section
    answers or backs the text's main line, as its claim does (``section.thesis``): a
    section-initial "However, …" or "Of course, …" attacks the central claim, a
    "For example, …" or "Moreover, …" supports it. A result ("Therefore, …") is drawn
    from the previous section's claim, which stands for that section, not from its last
    sentence. These targets carry the rule id ``<marker rule>.section-start``.

    The previous section's claim stays the target, with the marker's own rule id (the
    reading every section-initial attack had before), of an attack that restates the
    central claim (:func:`~argmap.thesis.restates`): a unit that says the thesis again
    does not attack it; its contrast is with the section before (the seed article's
    last section). It is also the target when there is no central claim, or the head's
    paragraph holds it.

    It is the target, too, of a contrast (an attack that does not itself concede) when
    the previous section argued against the central claim (:func:`_against_thesis`):
    "## The objection / Admittedly X. / ## Why it fails / Nevertheless, Y." — Y answers
    X, the section before, as a contrast answers the concession before it in a
    paragraph (Concede–Counter, Couper-Kuhlen & Thompson 2000, across a heading). Only
    after a section on the main line (or a neutral one) does the contrast answer the
    central claim. A concession after such a section ("Of course, …") is a further
    conceded point, and attacks the central claim.
    """
    moved = f"{intent.rule}.section-start"
    if intent.direction is _FORWARD:
        if _in_objection(b, previous_claim):
            return _author_line(b, previous_claim), f"{moved}.past-objection"
        return previous_claim, moved
    thesis = b.thesis
    main_line = thesis is not None and head.paragraph != b.thesis_paragraph
    if intent.kind is _ATTACK and (thesis is None or not main_line or restates(
            content_words(head.text), content_words(b.unit(thesis).text)) or (
            not intent.concedes and _against_thesis(b, previous_claim))):
        return previous_claim, intent.rule
    return (thesis if thesis is not None and main_line else previous_claim), moved


def _against_thesis(b: _Builder, claim: str) -> bool:
    """Whether the unit ``claim`` (a section's claim) argues against the central claim,
    by what the builder knows of it so far: it concedes (a concession marker, or the
    concession role of an implicit concession), it attacks the central claim, or it
    reports someone else's view (:func:`_reported`: the view an author sets out to
    answer, as an attack after it answers it within a section)."""
    thesis = b.thesis
    if thesis is None or claim == thesis:
        return False
    unit = b.unit(claim)
    if b.concedes(unit) or b.roles.get(claim) is Role.CONCESSION:
        return True
    for edge in b.graph.edges_from(b.unit_index[claim]):
        relation = b.relations[edge]
        if relation.kind is _ATTACK and relation.target == thesis:
            return True
    return bool(_reported(b, (unit,)))


def _assemble(seg: Segmentation, built: _Built, title: str | None) -> ArgumentMap:
    # most units keep the role they came with: those are shared with the segmentation
    roles = _ROLES
    units = tuple([unit if unit.role is roles[code] else unit.with_role(roles[code])
                   for unit, code in zip(seg.units, built.roles, strict=True)])
    announced = {e.announcement for e in built.enumerations}
    # an announcement that opened no list ("a space holds ten bicycles.") triggered no
    # rule: the map's markers are the evidence of its relations and lists
    unused = [n for n in built.announcing if units[n].id not in announced]
    if unused:
        kept = list(units)
        for n in unused:
            kept[n] = _without_announcement(kept[n])
        units = tuple(kept)
    doc = seg.document
    metadata: dict[str, object] = {
        "source": doc.source,
        "encoding": doc.encoding,
        "characters": len(doc.text),
        "sentences": len(seg.sentences),
        "warnings": list(built.warnings),
    }
    return ArgumentMap(
        title=title,
        central_claim=built.thesis,
        units=units,
        relations=built.relations,
        enumerations=built.enumerations,
        sections=seg.sections,
        boilerplate=doc.boilerplate,
        metadata=metadata,
    )


def _without_announcement(unit: Unit) -> Unit:
    """``unit`` without its announcement markers (itself when it has none)."""
    kept = tuple(m for m in unit.markers if m.function is not _ANNOUNCEMENT)
    return unit if len(kept) == len(unit.markers) else unit.with_role(unit.role, kept)


def relations_between(relations: Iterable[Relation], source: str, target: str) -> list[Relation]:
    return [r for r in relations if r.source == source and r.target == target]
