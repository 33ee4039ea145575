"""Why each relation exists: one readable line per relation, with marker, rule and sentence."""

from __future__ import annotations

from argmap.model import ArgumentMap, Relation, Unit

__all__ = ["explain", "explain_relation"]


def _evidence(m: ArgumentMap, rel: Relation, source: str | None) -> tuple[Unit, str]:
    """The unit whose words made the relation (the one carrying the marker), and its text
    from its first marker on: from "But" in "But still, Moscow …" though the relation's
    marker is "still", so that every line quotes a unit's words as the text has them."""
    units = {u.id: u for u in m.units}
    candidates = [units[i] for i in (rel.source, rel.target) if i in units]
    unit = candidates[0]
    if rel.marker is not None:
        unit = next((u for u in candidates if rel.marker in u.markers), unit)
    start = min([unit.span.start] + [mk.span.start for mk in unit.markers
                                     if mk.span.end <= unit.span.start])
    text = source[start : unit.span.end] if source is not None else unit.text
    return unit, " ".join(text.split())


def explain_relation(m: ArgumentMap, rel: Relation, source: str | None = None) -> str:
    r"""One line: ``SOURCE -> TARGET: kind (subtype); marker "M" at START-END; rule R; "…"``.

    Example:
        >>> import argmap
        >>> text = "Fees must fall. However, cutting them costs money."
        >>> m = argmap.analyze(text)
        >>> print(explain_relation(m, m.relations[0], text).replace("; ", ";\n"))
        u-cutting-them-5da2 -> u-fees-must-9d92: attack (contrast);
        marker "However" at 16-23;
        rule contrast.opener;
        in "However, cutting them costs money."
    """
    marker = (f'marker "{" ".join(rel.marker.text.split())}" at '
              f"{rel.marker.span.start}-{rel.marker.span.end}" if rel.marker else "no marker")
    _, sentence = _evidence(m, rel, source)
    return (f"{rel.source} -> {rel.target}: {rel.kind.value} ({rel.subtype}); {marker}; "
            f'rule {rel.rule}; in "{sentence}"')


def explain(m: ArgumentMap, source: str | None = None, *, unit: str | None = None,
            ) -> list[str]:
    """One line per relation (:func:`explain_relation`), in the map's order.

    Args:
        m: the map.
        source: the analysed text; when given, the quoted sentence starts at its marker.
        unit: keep only the relations that start or end at this unit id.

    Raises:
        KeyError: ``unit`` is not a unit id of the map.
    """
    if unit is not None:
        m.unit(unit)
    return [explain_relation(m, r, source) for r in m.relations
            if unit is None or unit in (r.source, r.target)]
