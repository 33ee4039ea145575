"""Frozen attrs types of an argument map: spans, markers, ADUs, relations, the map."""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs
import cattrs.gen

from argmap.exceptions import SchemaError

__all__ = [
    "SCHEMA",
    "ArgumentMap",
    "Boilerplate",
    "Enumeration",
    "Marker",
    "MarkerFunction",
    "Relation",
    "RelationKind",
    "Role",
    "Section",
    "SharedText",
    "Span",
    "Unit",
]


class Role(str, enum.Enum):
    """The argumentative role of an ADU (Stab & Gurevych 2017; Peldszus & Stede 2016).

    ``CONCESSION`` is a point the author grants ("Of course, X."; "X. But Y."), and
    ``OBJECTION`` a view of the other side that the text reports and answers ("Critics
    say X. But Y."): both attack a claim of the author's, but only the concession is the
    author's own statement (the opponent's role of Peldszus & Stede 2016, a claim
    "against" in Stab & Gurevych 2017).
    """

    CENTRAL_CLAIM = "central_claim"
    CLAIM = "claim"
    PREMISE = "premise"
    CONCLUSION = "conclusion"
    CONCESSION = "concession"
    OBJECTION = "objection"
    RESTATEMENT = "restatement"


class RelationKind(str, enum.Enum):
    """Support or attack; undercuts are attacks whose target is a relation."""

    SUPPORT = "support"
    ATTACK = "attack"


class MarkerFunction(str, enum.Enum):
    """What a discourse marker does to the unit it marks (see ``DESIGN.md``)."""

    REASON = "reason"
    RESULT = "result"
    SUMMARY = "summary"
    CONTRAST = "contrast"
    CONCESSION = "concession"
    CONTRA_EXPECTATION = "contra_expectation"
    EXAMPLE = "example"
    ELABORATION = "elaboration"
    RESTATEMENT = "restatement"
    ADDITION = "addition"
    ORDINAL = "ordinal"
    ANNOUNCEMENT = "announcement"


def _shared(text: str) -> str:
    """One string object for all equal ones (``sys.intern``): for the few hundred marker
    words and unit leads ("But ", "because ") that a long text repeats thousands of times."""
    return sys.intern(text)


@attrs.frozen(order=True, weakref_slot=False)  # 48 bytes, not 64: a map holds many spans
class Span:
    """A half-open range ``[start, end)`` of character offsets into the decoded input.

    Examples:
        >>> span = Span(4, 9)
        >>> span.slice("The quick fox")
        'quick'
        >>> len(span)
        5
    """

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


#: The slots of :class:`Span`, which :func:`_unchecked_span` fills directly (a frozen
#: attrs class refuses ``setattr``; its slot descriptors do not).
_SET_START = Span.__dict__["start"].__set__
_SET_END = Span.__dict__["end"].__set__


def _unchecked_span(start: int, end: int) -> Span:
    """``Span(start, end)`` made without running its validators: for the segmenter's
    spans, whose offsets it knows to hold ``0 <= start <= end``. Equal, in hash, repr
    and everything else, to the span the public constructor makes, in half the time."""
    span = object.__new__(Span)
    _SET_START(span, start)
    _SET_END(span, end)
    return span


@attrs.frozen
class Marker:
    """A discourse marker occurrence.

    Attributes:
        text: the marker as written, e.g. ``"However"``.
        span: its characters in the input.
        function: what it does to the unit it marks.
        sense: its PDTB 2.0 sense, e.g. ``"Comparison.Contrast"``.
        rule: the id of the grammar rule that recognised it, e.g. ``"opener"``.
        terminal: the grammar terminal that matched, e.g. ``"HOWEVER"``.
        value: the number an ordinal or cardinal stands for (``2`` for "second"), else 0.
    """

    text: str = attrs.field(converter=_shared)
    span: Span
    function: MarkerFunction
    sense: str
    rule: str
    terminal: str
    value: int = 0


#: The setters of the slots of :class:`Marker`, in field order (see :func:`_new_marker`).
_MARKER_SLOTS = tuple(Marker.__dict__[name].__set__ for name in
                      ("text", "span", "function", "sense", "rule", "terminal", "value"))


def _new_marker(text: str, span: Span, function: MarkerFunction, sense: str, rule: str,
                terminal: str, value: int) -> Marker:
    """``Marker(text, span, function, sense, rule, terminal, value)`` made by filling the
    slots, as :func:`_premise_unit` makes a unit: ``Marker`` has no validator, and its
    one converter (``text``'s :func:`_shared`) is applied here. Equal, in hash, repr and
    everything else, to the one the constructor makes; the segmenter makes one per
    marker it finds."""
    marker = object.__new__(Marker)
    set_text, set_span, set_function, set_sense, set_rule, set_terminal, set_value = \
        _MARKER_SLOTS
    set_text(marker, _shared(text))
    set_span(marker, span)
    set_function(marker, function)
    set_sense(marker, sense)
    set_rule(marker, rule)
    set_terminal(marker, terminal)
    set_value(marker, value)
    return marker


class SharedText:
    """The text of a document, which its units read their own text from.

    A unit made with ``text=SharedText(input)`` keeps no copy of its text but slices
    it from ``input`` by its span when ``Unit.text`` is read: the units of a long text
    then hold its characters once, not twice (the copies are about a third of a map's
    memory). Such a unit keeps the whole input alive; equality, hashing, ``repr`` and
    JSON see only the sliced text.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


@attrs.frozen(eq=False, repr=False)
class Unit:
    """An argumentative discourse unit (ADU).

    ``span.slice(input) == text`` always holds. The opening marker(s) of the unit (for
    example "However,") lie before ``span`` and are kept in ``markers``; ``lead`` holds
    the input's characters from the first opening marker to ``span.start`` ("However, "),
    so that ``lead + text`` is the clause as written. ``text`` may be given as a
    :class:`SharedText` of the input instead of a string (see there).
    """

    id: str
    span: Span
    #: the text, or the input it is sliced from (read it as ``text``)
    _text: str | SharedText = attrs.field(alias="text")
    role: Role = Role.PREMISE
    markers: tuple[Marker, ...] = ()
    section: str | None = None
    paragraph: int = 0
    sentence: int = 0
    lead: str = attrs.field(default="", converter=_shared)

    @property
    def text(self) -> str:
        """The unit's characters in the input (``span.slice(input)``)."""
        text = self._text
        return text if isinstance(text, str) else text.text[self.span.start : self.span.end]

    def reading(self, source: SharedText) -> Unit:
        """The same unit, reading its text from ``source`` (the input it was cut from)."""
        return Unit(self.id, self.span, source, self.role, self.markers, self.section,
                    self.paragraph, self.sentence, self.lead)

    def with_role(self, role: Role, markers: tuple[Marker, ...] | None = None) -> Unit:
        """The same unit in another role: ``attrs.evolve(unit, role=role)``, a unit that
        slices its text from the input still doing so; with ``markers``, with those
        markers too (``attrs.evolve(unit, role=role, markers=markers)``).

        Made by copying the slots (a frozen attrs class refuses ``setattr``; its slot
        descriptors do not) instead of calling ``Unit``: the class has no validator, and
        its one converter (``lead``'s ``sys.intern``) has run on this unit's own lead,
        which the copy shares. So the copy equals, hashes and prints as the evolved one,
        in half the time of the constructor (the map's assembly makes one per unit whose
        role changed)."""
        unit = object.__new__(Unit)
        set_id, set_span, set_text, set_role, set_markers, set_section, set_paragraph, \
            set_sentence, set_lead = _UNIT_SLOTS
        set_id(unit, self.id)
        set_span(unit, self.span)
        set_text(unit, self._text)
        set_role(unit, role)
        set_markers(unit, self.markers if markers is None else markers)
        set_section(unit, self.section)
        set_paragraph(unit, self.paragraph)
        set_sentence(unit, self.sentence)
        set_lead(unit, self.lead)
        return unit

    def _fields(self) -> tuple[Any, ...]:
        return (self.id, self.span, self.text, self.role, self.markers, self.section,
                self.paragraph, self.sentence, self.lead)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unit) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = ("id", "span", "text", "role", "markers", "section", "paragraph", "sentence",
                 "lead")
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(names, self._fields(),
                                                                     strict=True))
        return f"Unit({shown})"


#: The setters of the slots of :class:`Unit`, in field order, which
#: :meth:`Unit.with_role` fills.
_UNIT_SLOTS = tuple(Unit.__dict__[name].__set__ for name in
                    ("id", "span", "_text", "role", "markers", "section", "paragraph",
                     "sentence", "lead"))


def _premise_unit(id: str, span: Span, text: str | SharedText, markers: tuple[Marker, ...],
                  section: str | None, paragraph: int, sentence: int, lead: str) -> Unit:
    """``Unit(id, span, text, Role.PREMISE, markers, section, paragraph, sentence, lead)``
    made by filling the slots, as :meth:`Unit.with_role` does (``Unit`` has no validator),
    with the lead's converter (:func:`_shared`) applied here. Equal, in hash, repr and
    everything else, to the one the constructor makes; the segmenter makes every unit
    with it."""
    unit = object.__new__(Unit)
    set_id, set_span, set_text, set_role, set_markers, set_section, set_paragraph, \
        set_sentence, set_lead = _UNIT_SLOTS
    set_id(unit, id)
    set_span(unit, span)
    set_text(unit, text)
    set_role(unit, Role.PREMISE)
    set_markers(unit, markers)
    set_section(unit, section)
    set_paragraph(unit, paragraph)
    set_sentence(unit, sentence)
    set_lead(unit, _shared(lead))
    return unit


@attrs.frozen(init=False, repr=False)
class Relation:
    """A directed argumentative relation ``source -> target``.

    The target is a unit id, or a relation id for an undercut (an attack on the
    inference, Peldszus & Stede 2013). ``subtype`` names the discourse relation that
    produced it (``reason``, ``result``, ``contrast``, ``concession``, ``example``,
    ``restatement``, ``item``, ``summary``, ``elaboration``, ``addition``, ``default``).

    The usual id, ``r-<source>-<target>``, is not stored but derived when read: a map
    holds about one relation per unit, and the id would be its largest string. Any
    other id is kept as given; ``None`` stands for the usual one. (So ``attrs.evolve``
    of the source or target of a relation with the usual id gives the new relation its
    own usual id.)

    Example:
        >>> r = Relation("r-a-b", "a", "b", RelationKind.SUPPORT, "reason", "reason.opener")
        >>> r.id, r == Relation("r-a-b", "a", "b", RelationKind.SUPPORT, "reason",
        ...                     "reason.opener")
        ('r-a-b', True)
    """

    #: the id when it is not the usual one, else ``None``
    _id: str | None
    source: str
    target: str
    kind: RelationKind
    subtype: str
    rule: str
    marker: Marker | None = None

    def __init__(self, id: str | None, source: str, target: str, kind: RelationKind,
                 subtype: str, rule: str, marker: Marker | None = None) -> None:
        usual = id is None or id == f"r-{source}-{target}"
        self.__attrs_init__(None if usual else id, source, target, kind, subtype, rule,
                            marker)

    @property
    def id(self) -> str:
        """The relation's id: ``r-<source>-<target>`` unless it was given another."""
        return f"r-{self.source}-{self.target}" if self._id is None else self._id

    def __repr__(self) -> str:
        names = ("id", "source", "target", "kind", "subtype", "rule", "marker")
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"Relation({shown})"


#: The slots of :class:`Relation`, which :func:`_usual_relation` fills directly.
_RELATION_SLOTS = tuple(Relation.__dict__[name].__set__ for name in
                        ("_id", "source", "target", "kind", "subtype", "rule", "marker"))


def _usual_relation(source: str, target: str, kind: RelationKind, subtype: str, rule: str,
                    marker: Marker | None = None) -> Relation:
    """``Relation(None, source, target, kind, subtype, rule, marker)``: a relation with the
    usual id, made without the public constructor's id check (there is no id to check)
    and its call of ``__attrs_init__``, by filling the slots directly as ``__attrs_init__``
    does (a frozen attrs class refuses ``setattr``; its slot descriptors do not). Equal,
    in hash, repr and everything else, to the relation the constructor makes: the map
    builder makes one per unit."""
    relation = object.__new__(Relation)
    set_id, set_source, set_target, set_kind, set_subtype, set_rule, set_marker = \
        _RELATION_SLOTS
    set_id(relation, None)
    set_source(relation, source)
    set_target(relation, target)
    set_kind(relation, kind)
    set_subtype(relation, subtype)
    set_rule(relation, rule)
    set_marker(relation, marker)
    return relation


@attrs.frozen
class Enumeration:
    """An announcement with a cardinal ("four sets of problems") and its ordinal items.

    ``cardinal`` is 0 when items came without an announcement ("First, … Second, …").
    ``complete`` tells whether the number of items equals the cardinal.
    """

    id: str
    announcement: str | None
    cardinal: int
    items: tuple[str, ...]
    rule: str
    cue: Marker | None = None

    @property
    def complete(self) -> bool:
        return self.cardinal == 0 or self.cardinal == len(self.items)


@attrs.frozen
class Section:
    """A part of the article under one heading; ``units`` are unit ids in text order."""

    id: str
    heading: str | None
    span: Span | None
    units: tuple[str, ...] = ()


@attrs.frozen
class Boilerplate:
    """Text excluded from the map (navigation, meta line, disclaimer, tags …)."""

    span: Span
    kind: str
    text: str


@attrs.frozen
class ArgumentMap:
    """The argument map of one document.

    Attributes:
        title: the document's title, or ``None``.
        central_claim: the id of the central claim (thesis), or ``None`` for empty maps.
        units: the ADUs in text order.
        relations: support and attack relations.
        enumerations: announced or implicit lists of items.
        sections: the document's parts, from its headings.
        boilerplate: what was excluded, with spans.
        metadata: source name, length in characters, warnings, schema version, …
    """

    title: str | None
    central_claim: str | None
    units: tuple[Unit, ...] = ()
    relations: tuple[Relation, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    sections: tuple[Section, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    metadata: dict[str, Any] = attrs.field(factory=dict, hash=False)

    def unit(self, unit_id: str) -> Unit:
        """Return the unit with this id; raise ``KeyError`` if there is none."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def relations_from(self, unit_id: str) -> Iterator[Relation]:
        return (r for r in self.relations if r.source == unit_id)

    def relations_to(self, target_id: str) -> Iterator[Relation]:
        return (r for r in self.relations if r.target == target_id)

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise to the versioned JSON schema (``docs/json-schema.md``).

        Examples:
            >>> m = ArgumentMap(title="T", central_claim=None)
            >>> ArgumentMap.from_json(m.to_json()) == m
            True
        """
        data = _CONVERTER.unstructure(self)
        data = {"schema": SCHEMA, **data}
        return json.dumps(data, indent=indent, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str | bytes) -> ArgumentMap:
        """Read a map written by :meth:`to_json`.

        Raises:
            SchemaError: if the text is not JSON, not an argmap map, or of an unknown
                schema version.
        """
        try:
            raw = json.loads(data)
        except ValueError as exc:
            raise SchemaError(f"not JSON: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
            found = raw.get("schema") if isinstance(raw, dict) else type(raw).__name__
            raise SchemaError(f"expected schema {SCHEMA!r}, found {found!r}")
        raw = {k: v for k, v in raw.items() if k != "schema"}
        try:
            return _CONVERTER.structure(raw, cls)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
            raise SchemaError(f"malformed argument map: {exc}") from exc


#: The JSON schema id written by :meth:`ArgumentMap.to_json`; bump on breaking change.
SCHEMA = "argmap/1"

_CONVERTER = cattrs.Converter(forbid_extra_keys=True)
_relation_dict = cattrs.gen.make_dict_unstructure_fn(
    Relation, _CONVERTER, _id=cattrs.gen.override(rename="id"))


def _unstructure_relation(relation: Relation) -> dict[str, Any]:
    """A relation's JSON object, with its id whether stored or derived."""
    data = _relation_dict(relation)
    data["id"] = relation.id
    return data


_CONVERTER.register_unstructure_hook(Relation, _unstructure_relation)
_unit_dict = cattrs.gen.make_dict_unstructure_fn(
    Unit, _CONVERTER,
    _text=cattrs.gen.override(rename="text", unstruct_hook=lambda value: None))


def _unstructure_unit(unit: Unit) -> dict[str, Any]:
    """A unit's JSON object, with its text whether stored or shared."""
    data = _unit_dict(unit)
    data["text"] = unit.text
    return data


_CONVERTER.register_unstructure_hook(Unit, _unstructure_unit)
_CONVERTER.register_structure_hook(Unit, cattrs.gen.make_dict_structure_fn(
    Unit, _CONVERTER,
    _text=cattrs.gen.override(rename="text", struct_hook=lambda value, _: str(value))))
_CONVERTER.register_structure_hook(Relation, cattrs.gen.make_dict_structure_fn(
    Relation, _CONVERTER,
    _id=cattrs.gen.override(rename="id", struct_hook=lambda value, _: str(value))))
