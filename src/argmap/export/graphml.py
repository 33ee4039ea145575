"""The map as GraphML (via networkx), for graph tools such as Gephi, yEd or networkx."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from argmap.model import ArgumentMap

__all__ = ["to_graphml", "to_networkx"]


def to_networkx(m: ArgumentMap) -> nx.MultiDiGraph:
    """The map as a ``networkx.MultiDiGraph``.

    Nodes are unit ids with the attributes ``text``, ``role``, ``section``, ``start`` and
    ``end`` (character offsets), ``paragraph``, ``sentence`` and ``central`` (bool).
    Edges run source → target with the key the relation id and the attributes ``kind``
    (``support``/``attack``), ``subtype``, ``rule``, ``marker`` (text or ``""``) and
    ``undercuts`` (the id of the relation an undercut attacks, else ``""``). An
    undercut's edge ends at the unit the attacked relation points to.

    Example:
        >>> import argmap
        >>> g = to_networkx(argmap.analyze("Fees must fall. However, they fund labs."))
        >>> [(d["kind"], d["rule"]) for _, _, d in g.edges(data=True)]
        [('attack', 'contrast.opener')]
    """
    g = nx.MultiDiGraph(title=m.title or "", central_claim=m.central_claim or "")
    for u in m.units:
        g.add_node(u.id, text=u.text, role=u.role.value, section=u.section or "",
                   start=u.span.start, end=u.span.end, paragraph=u.paragraph,
                   sentence=u.sentence, central=u.id == m.central_claim)
    by_id = {r.id: r for r in m.relations}
    for r in m.relations:
        target, undercuts = r.target, ""
        while target in by_id:  # an undercut: land on the attacked relation's target
            undercuts = undercuts or target
            target = by_id[target].target
        attrs: dict[str, Any] = {"kind": r.kind.value, "subtype": r.subtype, "rule": r.rule,
                                 "marker": r.marker.text if r.marker else "",
                                 "undercuts": undercuts}
        g.add_edge(r.source, target, key=r.id, **attrs)
    return g


def to_graphml(m: ArgumentMap) -> str:
    """:func:`to_networkx` written as GraphML text (UTF-8)."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(m), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
