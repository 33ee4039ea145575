"""Views of a map: keep the part around one unit (``focus``) or hide relation kinds."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import attrs

from argmap.exceptions import OptionError
from argmap.model import ArgumentMap, Relation

__all__ = ["RELATION_KINDS", "select"]

#: Names ``hide_kinds`` accepts: the relation kinds and the subtypes of ``Relation``.
RELATION_KINDS = ("support", "attack", "undercut", "reason", "result", "summary", "contrast",
                  "concession", "objection", "correction", "example", "elaboration", "restatement",
                  "addition", "item", "conclusion", "default")


def _kinds(rel: Relation, undercutting: frozenset[str]) -> set[str]:
    """The names ``hide_kinds`` matches ``rel`` by; ``undercutting``: ids of the undercuts."""
    kinds = {rel.kind.value, rel.subtype}
    if rel.id in undercutting:
        kinds.add("undercut")
    return kinds


def select(m: ArgumentMap, *, focus: str | None = None, depth: int = 2,
           hide_kinds: Iterable[str] = ()) -> ArgumentMap:
    """Return the part of ``m`` a reader asked for.

    Args:
        m: the map.
        focus: a unit id; keep only the units at most ``depth`` relations away from it
            (in either direction, undercuts counted through the relation they attack).
        depth: how many relations away from ``focus`` to go (ignored without ``focus``).
        hide_kinds: relation kinds (``support``, ``attack``, ``undercut``) or subtypes
            (``elaboration``, ``default`` …, see :data:`RELATION_KINDS`) to collapse: their
            relations are dropped, and so are the units that then hang on nothing but
            units reached only through them. ``undercut`` drops the undercuts (and the
            units that argue only through them), never the relations they attack. The
            central claim and the units unconnected in ``m`` itself are always kept.

    Returns:
        A map of the same schema; sections and enumerations keep only kept units, and
        ``metadata["view"]`` records the selection.

    Raises:
        OptionError: an unknown unit id or kind, or a negative depth.

    Example:
        >>> import argmap
        >>> m = argmap.analyze("Fees must fall. They deter students. In fact, many quit.")
        >>> [u.text for u in select(m, hide_kinds=["elaboration"]).units]
        ['Fees must fall.', 'They deter students.']
    """
    hide = tuple(dict.fromkeys(hide_kinds))
    unknown = [k for k in hide if k not in RELATION_KINDS]
    if unknown:
        raise OptionError(f"unknown relation kind {unknown[0]!r}; choose from "
                          f"{', '.join(RELATION_KINDS)}")
    if depth < 0:
        raise OptionError(f"depth must be 0 or more, not {depth}")
    ids = {u.id for u in m.units}
    if focus is not None and focus not in ids:
        raise OptionError(f"no unit {focus!r} in the map; `argmap segment FILE` lists the ids")
    if focus is None and not hide:
        return m
    rel_ids = {r.id for r in m.relations}
    # an undercut is the relation whose target is a relation; the relation it attacks
    # is not an undercut and stays unless its own kind is hidden
    undercutting = frozenset(r.id for r in m.relations if r.target in rel_ids)
    relations = [r for r in m.relations if not (_kinds(r, undercutting) & set(hide))]
    keep = set(ids)
    if hide:
        connected = {r.source for r in m.relations} | {r.target for r in m.relations}
        roots = {m.central_claim} | (ids - connected)
        keep = _reach(roots - {None}, relations, m) & ids
        keep |= ids - connected
    if focus is not None:
        keep &= _reach({focus}, relations, m, limit=depth)
    kept_rel = {r.id for r in relations}
    relations = [r for r in relations if r.source in keep
                 and (r.target in keep or r.target in kept_rel)]
    kept_rel = {r.id for r in relations}
    relations = [r for r in relations if r.target in keep or r.target in kept_rel]
    enumerations = tuple(
        attrs.evolve(e, items=tuple(i for i in e.items if i in keep),
                     announcement=e.announcement if e.announcement in keep else None)
        for e in m.enumerations if any(i in keep for i in e.items))
    sections = tuple(attrs.evolve(s, units=tuple(u for u in s.units if u in keep))
                     for s in m.sections if any(u in keep for u in s.units))
    metadata = dict(m.metadata)
    metadata["view"] = {"focus": focus, "depth": depth if focus else None,
                        "hide_kinds": list(hide)}
    return attrs.evolve(
        m, units=tuple(u for u in m.units if u.id in keep), relations=tuple(relations),
        enumerations=enumerations, sections=sections, metadata=metadata,
        central_claim=m.central_claim if m.central_claim in keep else None)


def _reach(start: set[str | None], relations: list[Relation], m: ArgumentMap,
           limit: int | None = None) -> set[str]:
    """Units reachable from ``start`` over ``relations`` in either direction."""
    by_id = {r.id: r for r in relations}
    neighbours: dict[str, set[str]] = {}
    for r in relations:
        target = by_id[r.target].source if r.target in by_id else r.target
        neighbours.setdefault(r.source, set()).add(target)
        neighbours.setdefault(target, set()).add(r.source)
    seen = {s for s in start if s is not None}
    queue = deque((s, 0) for s in seen)
    while queue:
        node, dist = queue.popleft()
        if limit is not None and dist >= limit:
            continue
        for nxt in neighbours.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, dist + 1))
    return seen
