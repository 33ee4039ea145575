"""Score argument maps against gold maps at the levels of Peldszus & Stede (2015).

A map is first projected onto the gold segments of its text as a dependency tree
(:func:`tree_of`): every segment attaches to at most one other segment with the label
``sup`` or ``att``, and one segment is the root (the central claim). The projection
follows the reference evaluator (``peldszus/evidencegraph``, ``arggraph.py`` and
``argtree.py``, MIT licence): segments are ordered by position; a relation's head is
the earliest of its sources; an undercut (attack on a relation) and a linked premise
(``add``) attach to the head of the relation they target, the linked premise with
``sup``; support and example map to ``sup``, rebuttal and undercut to ``att``.

The levels (Peldszus & Stede 2015, "Joint prediction in MST-style discourse parsing
for argumentation mining", EMNLP), each a vector over the segments of a text:

* **cc**: 1 for the central claim, else 0;
* **ro**: the dialectical role, ``pro`` or ``opp``, found by walking down from the root
  and flipping the role at each ``att`` (segments the walk never reaches count as pro);
* **fu**: the function, ``cc``, ``sup`` or ``att`` (the label of the segment's outgoing
  edge; a segment that attaches nowhere counts as ``cc``);
* **at**: for every ordered pair of distinct segments, 1 if the first attaches to the
  second.

Each level is scored by macro-averaged F1 over the labels that occur in gold or
prediction (as scikit-learn's ``f1_score(average="macro")``, which the reference
evaluator calls). The labelled attachment score (LAS) is the share of segments whose
target and label are both right (the root's "target" being the root itself).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import permutations

import attrs

from argmap.model import ArgumentMap, Relation, RelationKind, Span

__all__ = ["LEVELS", "Tree", "labelled_attachment", "level_vectors", "macro_f1", "tree_of"]

#: The levels scored, in the order the reference evaluator prints them.
LEVELS = ("cc", "ro", "fu", "at")


@attrs.frozen
class Tree:
    """A dependency tree over the ``n`` segments of one text.

    Attributes:
        parents: for each segment, the index of the segment it attaches to, or ``None``.
        labels: for each segment, ``"sup"``, ``"att"``, or ``None`` when it attaches
            nowhere.
        root: the index of the central claim, or ``None``.
        rules: for each segment, the id of the rule that made its edge (predicted maps),
            or ``None``; empty when unknown.
    """

    parents: tuple[int | None, ...]
    labels: tuple[str | None, ...]
    root: int | None
    rules: tuple[str | None, ...] = ()

    def __len__(self) -> int:
        return len(self.parents)

    @classmethod
    def from_triples(cls, n: int, triples: Iterable[tuple[int, int, str]],
                     root: int | None = None) -> Tree:
        """Build a tree from ``(source, target, label)`` triples over ``n`` segments.

        Without ``root``, the root is the first segment that attaches nowhere.

        Example:
            >>> t = Tree.from_triples(4, [(0, 1, "sup"), (2, 1, "att"), (3, 2, "att")])
            >>> t.root, t.parents, t.labels
            (1, (1, None, 1, 2), ('sup', None, 'att', 'att'))
        """
        parents: list[int | None] = [None] * n
        labels: list[str | None] = [None] * n
        for src, trg, label in triples:
            parents[src], labels[src] = trg, label
        if root is None:
            root = next((i for i in range(n) if parents[i] is None), None)
        return cls(tuple(parents), tuple(labels), root)


def tree_of(m: ArgumentMap, segments: Sequence[Span]) -> Tree:
    """Project ``m`` onto ``segments`` (gold spans, in text order) as a :class:`Tree`.

    Each unit stands for the first segment it covers at least half of (else the one it
    overlaps most); each segment is represented by the unit that overlaps it most. A
    unit that spans several segments joins them: the others attach to its own segment
    with ``sup`` (the reference evaluator's ``join``). A unit's edge goes to the segment
    of its parent; when the parent stands for the same segment, the walk goes on up.
    Units that overlap no segment are ignored.

    Example:
        >>> from argmap.model import Unit
        >>> seg = [Span(0, 5), Span(6, 10), Span(11, 15)]
        >>> m = ArgumentMap(None, "b", units=(
        ...     Unit("a", Span(0, 10), "x"), Unit("b", Span(11, 15), "y")),
        ...     relations=(Relation("r", "a", "b", RelationKind.ATTACK, "contrast", "t"),))
        >>> t = tree_of(m, seg)
        >>> t.parents, t.labels, t.root
        ((2, 0, None), ('att', 'sup', None), 2)
    """
    image: dict[str, int] = {}
    best: dict[int, tuple[int, str]] = {}
    for unit in m.units:
        overlaps = [_overlap(unit.span, s) for s in segments]
        if not any(overlaps):
            continue
        image[unit.id] = next(
            (i for i, o in enumerate(overlaps) if 2 * o >= len(segments[i]) > 0),
            overlaps.index(max(overlaps)))
        for i, s in enumerate(segments):
            o = _overlap(unit.span, s)
            if o > 0 and o > best.get(i, (0, ""))[0]:
                best[i] = (o, unit.id)
    edges = _dependencies(m, image)
    parents: list[int | None] = [None] * len(segments)
    labels: list[str | None] = [None] * len(segments)
    rules: list[str | None] = [None] * len(segments)
    for i in range(len(segments)):
        if i not in best:
            continue
        uid = best[i][1]
        if image[uid] != i:
            parents[i], labels[i], rules[i] = image[uid], "sup", "join.unsplit"
            continue
        seen = {uid}
        label: str | None = None
        rule: str | None = None
        current = uid
        while current in edges:
            target, hop, hop_rule = edges[current]
            label, rule = label or hop, rule or hop_rule
            if target in seen:
                break
            seen.add(target)
            if image.get(target, i) != i:
                parents[i], labels[i], rules[i] = image[target], label, rule
                break
            current = target
    root = image.get(m.central_claim) if m.central_claim else None
    return Tree(tuple(parents), tuple(labels), root, tuple(rules))


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _dependencies(m: ArgumentMap,
                  image: dict[str, int]) -> dict[str, tuple[str, str, str]]:
    """Each unit's one outgoing edge ``unit -> (target unit, "sup" | "att", rule id)``.

    The first relation of a unit wins (restatement links only when there is no other).
    A relation's head is the earliest of its sources (its own source and the linked
    premises that target it); a relation aimed at a relation goes to that one's head.
    """
    by_id = {r.id: r for r in m.relations}
    order = {u.id: n for n, u in enumerate(m.units)}
    linked: dict[str, list[str]] = {}
    for r in m.relations:
        if r.target in by_id and r.kind is RelationKind.SUPPORT:
            linked.setdefault(r.target, []).append(r.source)

    def head(rel: Relation) -> str:
        sources = [rel.source, *linked.get(rel.id, [])]
        return min(sources, key=lambda s: order.get(s, len(order)))

    edges: dict[str, tuple[str, str, str]] = {}
    ranked = sorted(m.relations, key=lambda r: r.subtype == "restatement")
    for rel in ranked:
        if rel.target in by_id and rel.kind is RelationKind.SUPPORT:
            continue  # a linked premise: handled with the relation it joins
        label = "sup" if rel.kind is RelationKind.SUPPORT else "att"
        h = head(rel)
        target = head(by_id[rel.target]) if rel.target in by_id else rel.target
        edges.setdefault(h, (target, label, rel.rule))
        for other in [rel.source, *linked.get(rel.id, [])]:
            if other != h:
                edges.setdefault(other, (h, "sup", "linked"))
    return {k: v for k, v in edges.items() if k in image or k in order}


def level_vectors(tree: Tree) -> dict[str, list[str]]:
    """The cc, ro, fu and at vectors of a tree (labels as strings).

    Example:
        >>> t = Tree.from_triples(4, [(0, 1, "sup"), (2, 1, "att"), (3, 2, "att")])
        >>> v = level_vectors(t)
        >>> v["cc"], v["ro"], v["fu"]
        (['0', '1', '0', '0'], ['pro', 'pro', 'opp', 'pro'], ['sup', 'cc', 'att', 'att'])
        >>> "".join(v["at"])
        '100000010001'
    """
    n = len(tree)
    cc = ["1" if i == tree.root else "0" for i in range(n)]
    ro = ["pro"] * n
    if tree.root is not None:
        children: dict[int, list[int]] = {}
        for i, p in enumerate(tree.parents):
            if p is not None:
                children.setdefault(p, []).append(i)
        queue, seen = [(tree.root, "pro")], set()
        while queue:
            node, role = queue.pop(0)
            if node in seen:
                continue
            seen.add(node)
            ro[node] = role
            for child in children.get(node, []):
                flip = tree.labels[child] == "att"
                queue.append((child, ("opp" if role == "pro" else "pro") if flip else role))
    fu = [label or "cc" for label in tree.labels]
    at = ["1" if tree.parents[i] == j else "0" for i, j in permutations(range(n), 2)]
    return {"cc": cc, "ro": ro, "fu": fu, "at": at}


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Macro-averaged F1 over the labels seen in gold or prediction.

    A label never predicted (or never in gold) scores 0 for that label, as in
    scikit-learn with ``zero_division=0``.

    Example (the reference evaluator's doctest):
        >>> round(macro_f1("011222", "002222"), 3)
        0.508
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    labels = sorted(set(gold) | set(predicted))
    if not labels:
        return 0.0
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_n, pred_n = Counter(gold), Counter(predicted)
    total = 0.0
    for label in labels:
        tp = pairs[(label, label)]
        p = tp / pred_n[label] if pred_n[label] else 0.0
        r = tp / gold_n[label] if gold_n[label] else 0.0
        total += 2 * p * r / (p + r) if p + r else 0.0
    return total / len(labels)


def labelled_attachment(gold: Tree, predicted: Tree) -> tuple[int, int]:
    """``(right, total)``: segments whose target and label are both right.

    Example:
        >>> g = Tree.from_triples(4, [(0, 1, "sup"), (2, 1, "att"), (3, 2, "att")])
        >>> p = Tree.from_triples(4, [(0, 1, "sup"), (2, 1, "sup"), (3, 1, "sup")])
        >>> labelled_attachment(g, p)
        (2, 4)
    """
    def key(t: Tree, i: int) -> tuple[object, ...]:
        return ("ROOT",) if i == t.root else (t.parents[i], t.labels[i])

    right = sum(key(gold, i) == key(predicted, i) for i in range(len(gold)))
    return right, len(gold)
