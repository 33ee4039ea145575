"""Why each relation exists: one readable line per relation, with marker, rule and sentence."""

from __future__ import annotations

from argmap.model import ArgumentMap, Relation, Unit

__all__ = ["explain", "explain_relation"]


def _start(unit: Unit) -> int:
    """Where a unit's quote starts (a character offset): at its first marker, "But" in
    "But still, Moscow …" though a relation's marker is "still", so that every line
    quotes a unit's words as the text has them."""
    return min([unit.span.start] + [mk.span.start for mk in unit.markers
                                    if mk.span.end <= unit.span.start])


def _quote(unit: Unit, source: str | None) -> str:
    """A unit's words from :func:`_start` on, white space runs joined; without the
    source, the unit's own text."""
    text = source[_start(unit) : unit.span.end] if source is not None else unit.text
    return " ".join(text.split())


class _Index:
    """The map's units by id and by the markers they carry (built once per call)."""

    def __init__(self, m: ArgumentMap) -> None:
        self.units = {u.id: u for u in m.units}
        self.carriers = {mk: u for u in reversed(m.units) for mk in u.markers}
        self.relations = m.relations

    def target(self, rel: Relation, source: str | None) -> tuple[str, str]:
        """How the line names a relation's target: its unit id; for an undercut, whose
        target is a relation, that relation's edge ``[A -> B]``, with the words
        ``; against the inference "A" -> "B"`` to end the line."""
        if rel.target in self.units:
            return rel.target, ""
        attacked = next((r for r in self.relations if r.id == rel.target), None)
        if attacked is None or attacked.source not in self.units \
                or attacked.target not in self.units:
            return rel.target, ""
        words = " -> ".join(f'"{_quote(self.units[i], source)}"'
                            for i in (attacked.source, attacked.target))
        return (f"[{attacked.source} -> {attacked.target}]",
                f"; against the inference {words}")

    def evidence(self, rel: Relation) -> tuple[Unit, Unit | None]:
        """The unit a relation's line quotes, and the unit that carries its marker when
        that is neither the relation's source nor its target (else ``None``).

        The quoted unit is the source or target that carries the marker, else the source
        (the target when the source is not a unit). The marker of a relation that a rule
        infers from a neighbour ("Some argue X. However, Y.": X attacks the thesis because
        "However" answers it, rule ``concession.implicit``) lies in a third unit."""
        candidates = [self.units[i] for i in (rel.source, rel.target) if i in self.units]
        unit = candidates[0]
        if rel.marker is None:
            return unit, None
        carrier = next((u for u in candidates if rel.marker in u.markers), None)
        if carrier is not None:
            return carrier, None
        return unit, self.carriers.get(rel.marker)

    def line(self, rel: Relation, source: str | None) -> str:
        marker = (f'marker "{" ".join(rel.marker.text.split())}" at '
                  f"{rel.marker.span.start}-{rel.marker.span.end}" if rel.marker
                  else "no marker")
        unit, elsewhere = self.evidence(rel)
        target, inference = self.target(rel, source)
        line = (f"{rel.source} -> {target}: {rel.kind.value} ({rel.subtype}); "
                f'{marker}; rule {rel.rule}; in "{_quote(unit, source)}"')
        if elsewhere is not None:
            line += f' (marker in "{_quote(elsewhere, source)}")'
        return line + inference


def explain_relation(m: ArgumentMap, rel: Relation, source: str | None = None) -> str:
    r"""One line saying why a relation exists.

    The line reads ``SOURCE -> TARGET: KIND (SUBTYPE); MARKER; rule RULE; in "QUOTE"``:

    - ``MARKER`` is ``marker "M" at START-END`` (character offsets into ``source``), or
      ``no marker`` for a relation drawn from position alone;
    - ``QUOTE`` is the unit that carries the marker (the source or the target), from its
      first marker on; with no marker, the source unit;
    - when the marker lies in neither the source nor the target (a relation inferred from
      a neighbour, e.g. rule ``concession.implicit``: in "Some argue X. However, Y." X is
      the view that Y answers), ``QUOTE`` is the source unit and the line ends with a
      space and ``(marker in "QUOTE2")``, QUOTE2 being the unit that carries the marker;
    - an undercut, whose target is a relation (the inference it attacks), names that
      relation as ``[A -> B]`` (the ids of its source and target) in place of
      ``TARGET``, and the line ends ``; against the inference "QUOTE_A" -> "QUOTE_B"``.

    Quotes have their runs of white space joined into single spaces.

    Example:
        >>> import argmap
        >>> text = "Fees must fall. However, cutting them costs money."
        >>> m = argmap.analyze(text)
        >>> print(explain_relation(m, m.relations[0], text).replace("; ", ";\n"))
        u-cutting-them-5da2 -> u-fees-must-9d92: attack (contrast);
        marker "However" at 16-23;
        rule contrast.opener;
        in "However, cutting them costs money."
        >>> text = ("Bars lost customers after the ban, so the ban hurt business. But that "
        ...         "does not follow.")
        >>> m = argmap.analyze(text)
        >>> print(explain_relation(m, m.relations[1], text).replace("; ", ";\n"))
        u-that-does-fabb -> [u-bars-lost-d7ad -> u-the-ban-85dc]: attack (undercut);
        marker "But" at 61-64;
        rule contrast.opener.undercut;
        in "But that does not follow.";
        against the inference "Bars lost customers after the ban" -> "so the ban hurt business."
    """
    return _Index(m).line(rel, source)


def explain(m: ArgumentMap, source: str | None = None, *, unit: str | None = None,
            ) -> list[str]:
    """One line per relation (:func:`explain_relation`), in text order.

    Text order is the order of the quotes' first characters (the ``in "…"`` quote,
    which starts at the unit's first marker); relations that quote the same unit keep
    the map's order.

    Args:
        m: the map.
        source: the analysed text; when given, the quoted sentence starts at its marker.
        unit: keep only the relations that start or end at this unit id.

    Returns:
        The lines, without newlines.

    Raises:
        KeyError: ``unit`` is not a unit id of the map.

    Example:
        >>> import argmap
        >>> text = "Fees must fall. Students pay. Some argue fees fund staff. But cuts can."
        >>> m = argmap.analyze(text)
        >>> [r.source for r in m.relations]
        ['u-some-argue-1ac2', 'u-cuts-can-db24', 'u-students-pay-ae8c']
        >>> for line in explain(m, text):
        ...     print(line.split("; ")[-1])
        in "Students pay."
        in "Some argue fees fund staff." (marker in "But cuts can.")
        in "But cuts can."
    """
    if unit is not None:
        m.unit(unit)
    index = _Index(m)
    chosen = [r for r in m.relations if unit is None or unit in (r.source, r.target)]
    starts = [_start(index.evidence(r)[0]) for r in chosen]
    order = sorted(range(len(chosen)), key=starts.__getitem__)  # stable: ties keep map order
    return [index.line(chosen[n], source) for n in order]
