"""The model: span validation and slicing, JSON round trip, schema errors."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.exceptions import ArgmapError, SchemaError
from argmap.model import SCHEMA, ArgumentMap, MarkerFunction, RelationKind, Role, Span

# ------------------------------------------------------------------ Span


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (0, -1), (-3, -1)])
def test_span_rejects_negative_or_reversed_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span(start, end)


@pytest.mark.parametrize(("span", "text", "expected"), [
    (Span(4, 9), "The quick fox", "quick"),
    (Span(0, 0), "abc", ""),
    (Span(2, 2), "abc", ""),
    (Span(0, 3), "abc", "abc"),
    (Span(1, 2), "h\u00e9llo", "\u00e9"),  # characters, not bytes
    (Span(0, 1), "\U0001f600 ok", "\U0001f600"),  # one code point, four UTF-8 bytes
])
def test_span_slices_characters(span: Span, text: str, expected: str) -> None:
    assert span.slice(text) == expected
    assert len(span) == len(expected)


@pytest.mark.parametrize(("a", "b", "overlaps"), [
    (Span(0, 3), Span(3, 5), False),  # half-open: touching is not overlapping
    (Span(0, 3), Span(2, 5), True),
    (Span(2, 5), Span(0, 3), True),
    (Span(0, 10), Span(4, 6), True),
    (Span(0, 0), Span(0, 5), False),  # an empty span shares no character
    (Span(1, 2), Span(5, 6), False),
])
def test_span_overlaps_is_half_open_and_symmetric(a: Span, b: Span, overlaps: bool) -> None:
    assert a.overlaps(b) is overlaps
    assert b.overlaps(a) is overlaps


@pytest.mark.parametrize(("outer", "inner", "contains"), [
    (Span(0, 10), Span(0, 10), True),
    (Span(0, 10), Span(3, 4), True),
    (Span(0, 10), Span(9, 11), False),
    (Span(3, 4), Span(0, 10), False),
])
def test_span_contains(outer: Span, inner: Span, contains: bool) -> None:
    assert outer.contains(inner) is contains


def test_spans_order_by_start_then_end() -> None:
    assert sorted([Span(3, 4), Span(0, 9), Span(0, 2)]) == [Span(0, 2), Span(0, 9), Span(3, 4)]


def test_span_is_frozen() -> None:
    span = Span(1, 2)
    with pytest.raises(AttributeError):
        span.start = 0  # type: ignore[misc]


# ------------------------------------------------------------------ JSON round trip

TEXT = """Why Fees Must Fall

Home | News | Login

Fees must fall. First, they deter students. Second, they burden families.

Three problems

Experts say that fees are harmless. In fact, fees are not harmless. Fees cause three \
problems. The first problem is cost. The second problem is debt. The third problem is stress.

Of course, cutting fees costs money. But the state can pay, because it saves on welfare.

Taken together, fees must fall.

Tags:  fees   students   policy
"""


@pytest.fixture(scope="module")
def real_map() -> ArgumentMap:
    return argmap.analyze(TEXT)


def test_the_real_map_exercises_every_part_of_the_schema(real_map: ArgumentMap) -> None:
    """The round-trip map is worth testing only if it holds every kind of field."""
    m = real_map
    assert m.title == "Why Fees Must Fall"
    assert m.central_claim is not None
    assert {r.kind for r in m.relations} == {RelationKind.SUPPORT, RelationKind.ATTACK}
    assert any(r.marker is not None for r in m.relations)
    assert any(r.marker is None for r in m.relations)
    assert m.enumerations and any(e.cue is not None for e in m.enumerations)
    assert any(s.heading == "Three problems" for s in m.sections)
    assert {b.kind for b in m.boilerplate} >= {"navigation", "tags"}
    assert any(mk.value for u in m.units for mk in u.markers)


def test_json_round_trip_of_a_real_map(real_map: ArgumentMap) -> None:
    again = ArgumentMap.from_json(real_map.to_json())
    assert again == real_map
    assert again.metadata == real_map.metadata
    # enums come back as enums, not strings
    assert all(isinstance(u.role, Role) for u in again.units)
    assert all(isinstance(mk.function, MarkerFunction) for u in again.units for mk in u.markers)
    assert all(isinstance(r.kind, RelationKind) for r in again.relations)


def test_json_round_trip_from_bytes_and_compact(real_map: ArgumentMap) -> None:
    assert ArgumentMap.from_json(real_map.to_json(indent=None).encode("utf-8")) == real_map


def test_json_carries_the_schema_and_spans(real_map: ArgumentMap) -> None:
    data = json.loads(real_map.to_json())
    assert data["schema"] == SCHEMA == "argmap/1"
    assert data["units"][0]["span"] == {"start": real_map.units[0].span.start,
                                        "end": real_map.units[0].span.end}
    for unit in data["units"]:
        assert TEXT[unit["span"]["start"] : unit["span"]["end"]] == unit["text"]


def test_json_keeps_non_ascii_text_readable() -> None:
    m = argmap.analyze("Fees \u201cmust\u201d fall \u2014 now. Caf\u00e9s close.")
    assert "\u201cmust\u201d" in m.to_json()
    assert ArgumentMap.from_json(m.to_json()) == m


# ------------------------------------------------------------------ schema errors


def _doc(real_map: ArgumentMap) -> dict[str, object]:
    data: dict[str, object] = json.loads(real_map.to_json())
    return data


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("{", id="truncated"),
    pytest.param("not json", id="prose"),
    pytest.param(b"\xff\xfe\x00", id="undecodable-bytes"),
])
def test_malformed_json_is_a_schema_error(text: str | bytes) -> None:
    with pytest.raises(SchemaError):
        ArgumentMap.from_json(text)


@pytest.mark.parametrize("text", [
    pytest.param("[]", id="array"),
    pytest.param("null", id="null"),
    pytest.param('"argmap/1"', id="string"),
    pytest.param("{}", id="no-schema"),
    pytest.param('{"schema": "argmap/2", "title": null, "central_claim": null}',
                 id="future-schema"),
    pytest.param('{"schema": "aif/1", "title": null, "central_claim": null}',
                 id="other-schema"),
])
def test_wrong_schema_is_a_schema_error(text: str) -> None:
    with pytest.raises(SchemaError, match="schema"):
        ArgumentMap.from_json(text)


@pytest.mark.parametrize("damage", [
    pytest.param(lambda d: d.update(units="none"), id="units-not-a-list"),
    pytest.param(lambda d: d["units"][0].update(role="hero"), id="unknown-role"),
    pytest.param(lambda d: d["units"][0]["span"].update(start=9, end=2), id="reversed-span"),
    pytest.param(lambda d: d["units"][0]["span"].update(start=-1), id="negative-span"),
    pytest.param(lambda d: d["units"][0].pop("text"), id="missing-field"),
    pytest.param(lambda d: d.update(colour="red"), id="extra-field"),
    pytest.param(lambda d: d["relations"][0].update(kind="undermine"), id="unknown-kind"),
])
def test_malformed_map_is_a_schema_error(real_map: ArgumentMap, damage) -> None:  # type: ignore[no-untyped-def]
    data = _doc(real_map)
    damage(data)
    with pytest.raises(SchemaError):
        ArgumentMap.from_json(json.dumps(data))


def test_schema_error_is_an_argmap_error_and_a_value_error() -> None:
    with pytest.raises(ArgmapError):
        ArgumentMap.from_json("{")
    with pytest.raises(ValueError):
        ArgumentMap.from_json("{")


def test_unit_lookup(real_map: ArgumentMap) -> None:
    first = real_map.units[0]
    assert real_map.unit(first.id) is first
    with pytest.raises(KeyError):
        real_map.unit("u-no-such-unit")
