"""The relations between a map's units as arrays of C ints: a graph kept in topological
order, so that a new edge that would close a cycle is refused (a map is acyclic), and a
set of units by position (:class:`UnitSet`). The map builder (:mod:`argmap.structure`)
holds one of each; they know nothing of units but their numbers and ids."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

__all__ = ["UnitGraph", "UnitSet"]


class UnitGraph:
    """The relations between units as arrays of C ints, kept in a topological order.

    Units are numbered by their position in ``seg.units`` and relations (edges) by their
    position in the relation list; an end that is no unit (a relation id) is -1. The
    edges of each unit are kept in singly linked lists, newest first (``out_head[u]``,
    then ``out_next[e]``; -1 ends a list): 4 bytes per unit and edge, where a Python
    list per unit and end took about 100.
    """

    __slots__ = ("dst", "in_head", "in_next", "order", "out_head", "out_next", "src", "top")

    def __init__(self, units: int) -> None:
        #: ``order[s] < order[t]`` for every edge ``s -> t``; units start in reverse text
        #: order, so the usual relation (a later unit backing an earlier one) is in order
        self.order = array("i", range(0, -units, -1))
        #: an order above every unit's (see :meth:`make_room`)
        self.top = 1
        self.out_head = array("i", [-1]) * units
        self.in_head = array("i", [-1]) * units
        self.src, self.dst = array("i"), array("i")
        self.out_next, self.in_next = array("i"), array("i")

    def add(self, source: int, target: int) -> None:
        """Add the edge ``source -> target`` (unit numbers, or -1 for no unit)."""
        edge = len(self.src)
        self.src.append(source)
        self.dst.append(target)
        self.out_next.append(self.out_head[source] if source >= 0 else -1)
        self.in_next.append(self.in_head[target] if target >= 0 else -1)
        if source >= 0:
            self.out_head[source] = edge
        if target >= 0:
            self.in_head[target] = edge

    def link(self, source: int, target: int) -> bool:
        """Add the edge ``source -> target`` between two units, unless it would close a
        cycle or is there already; return whether it was added.

        ``make_room``, ``has`` and ``add`` in one call, for the map builder's one edge
        per relation; ``make_room`` only when the order asks for it (most edges are in
        order already).
        """
        if self.order[source] >= self.order[target] and not self.make_room(source, target):
            return False
        if self.has(source, target):
            return False
        self.add(source, target)
        return True

    def has(self, source: int, target: int) -> bool:
        """Whether there is an edge ``source -> target`` (unit numbers)."""
        edge, dst, following = self.out_head[source], self.dst, self.out_next
        while edge >= 0:
            if dst[edge] == target:
                return True
            edge = following[edge]
        return False

    def edges_to(self, unit: int) -> Iterator[int]:
        """The edges whose target is ``unit``, newest first."""
        edge = self.in_head[unit]
        while edge >= 0:
            yield edge
            edge = self.in_next[edge]

    def edges_from(self, unit: int) -> Iterator[int]:
        """The edges whose source is ``unit``, newest first."""
        edge = self.out_head[unit]
        while edge >= 0:
            yield edge
            edge = self.out_next[edge]

    def make_room(self, source: int, target: int) -> bool:
        """Keep ``order`` topological for a new edge ``source -> target``, or return
        ``False`` if the edge would close a cycle.

        Dynamic topological order of Pearce & Kelly (2006, "A dynamic topological sort
        algorithm for directed acyclic graphs", JEA 11): only the units whose order lies
        between the two ends are searched and renumbered, so a long chain of relations
        in order stays linear.

        A target that has no edge out yet (the usual case: a conclusion drawn from the
        unit before it, "X. Therefore Y.") reaches no unit, so the edge closes no cycle;
        it takes an order above every unit's instead (``top``): every edge into it still
        comes from a lower order, and no edge leaves it. The orders then stay distinct
        but are no longer a permutation of the first ones, which nothing asks of them:
        only the comparisons of the orders are read, and a valid order gives the same
        answers (cycle or none) as any other.
        """
        order = self.order
        lower, upper = order[target], order[source]
        if upper < lower:
            return True  # already in order
        if self.out_head[target] < 0 and source != target:
            order[target] = self.top
            self.top += 1
            return True
        ahead = self._search(target, self.out_head, self.out_next, self.dst,
                             lambda n: n <= upper)
        if source in ahead:
            return False
        behind = self._search(source, self.in_head, self.in_next, self.src,
                              lambda n: n >= lower)
        moved = sorted(behind, key=order.__getitem__) + sorted(ahead, key=order.__getitem__)
        for node, slot in zip(moved, sorted(order[n] for n in moved), strict=True):
            order[node] = slot
        return True

    def _search(self, start: int, head: array[int], following: array[int], ends: array[int],
                inside: Callable[[int], bool]) -> set[int]:
        """The units reachable from ``start`` along one direction of the edges, through
        units whose order is ``inside``."""
        seen, stack = {start}, [start]
        while stack:
            edge = head[stack.pop()]
            while edge >= 0:
                nxt = ends[edge]
                if nxt >= 0 and nxt not in seen and inside(self.order[nxt]):
                    seen.add(nxt)
                    stack.append(nxt)
                edge = following[edge]
        return seen


class UnitSet:
    """A set of unit ids stored as one byte per unit; ids of no unit go to a plain set."""

    __slots__ = ("_index", "_other", "flags")

    def __init__(self, index: dict[str, int], units: int) -> None:
        self._index = index
        #: one byte per unit, by position: 1 for a member
        self.flags = bytearray(units)
        self._other: set[str] = set()

    def add(self, unit_id: str) -> None:
        """Add a unit by id."""
        n = self._index.get(unit_id)
        if n is None:
            self._other.add(unit_id)
        else:
            self.flags[n] = 1

    def discard(self, unit_id: str) -> None:
        n = self._index.get(unit_id)
        if n is None:
            self._other.discard(unit_id)
        else:
            self.flags[n] = 0

    def __contains__(self, unit_id: object) -> bool:
        n = self._index.get(unit_id) if isinstance(unit_id, str) else None
        return unit_id in self._other if n is None else bool(self.flags[n])
