"""Read ARG-XML gold argument graphs (Peldszus & Stede) into argmap's own ``ArgumentMap``.

ARG-XML is the format of the argumentative microtext corpus (``arggraph.dtd``): ``edu``
elements hold the text segments, ``joint`` elements group adjacent EDUs, ``adu``
elements are the argumentative units (``type`` pro or opp), and ``edge`` elements link
them: ``seg`` (EDU or joint to ADU), ``sup`` and ``exa`` (support), ``reb`` (rebuttal),
``und`` (undercut: an attack whose target is an edge) and ``add`` (an extra premise of a
linked argument, whose target is an edge). The central claim is the ADU that is the
source of no relation edge (Peldszus & Stede 2016, "An annotated corpus of
argumentative microtexts").

The reader turns one graph into an :class:`~argmap.model.ArgumentMap`, so that a gold
graph and a predicted map are the same kind of object:

* each ADU becomes a :class:`~argmap.model.Unit` whose id is the ADU id and whose span is
  the character span of its EDUs in the text (the ``.txt`` file beside the XML, or the
  EDU texts joined by single spaces); an ADU restated by a second, separate group of
  EDUs gets a second unit ``<id>-2`` that supports the first (``restatement``);
* each relation edge becomes a :class:`~argmap.model.Relation` whose id is the edge id;
  ``und`` and ``add`` target the edge id they attack or join;
* ``metadata`` keeps the EDU spans (``edus``), the annotated ADU types (``adu_types``),
  the ``stance`` and ``topic_id``.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.exceptions import InputError
from argmap.model import ArgumentMap, Relation, RelationKind, Role, Span, Unit

__all__ = ["EDGE_KINDS", "read_argxml"]

#: ARG-XML relation edge types -> (argmap relation kind, subtype).
EDGE_KINDS: dict[str, tuple[RelationKind, str]] = {
    "sup": (RelationKind.SUPPORT, "support"),
    "exa": (RelationKind.SUPPORT, "example"),
    "add": (RelationKind.SUPPORT, "linked"),
    "reb": (RelationKind.ATTACK, "rebuttal"),
    "und": (RelationKind.ATTACK, "undercut"),
}


def read_argxml(path: str | os.PathLike[str], text: str | None = None) -> ArgumentMap:
    """Read one ARG-XML file into an ``ArgumentMap``.

    Args:
        path: the ``.xml`` file.
        text: the text the EDUs come from; by default the ``.txt`` file beside ``path``
            if there is one, else the EDU texts joined by single spaces. Spans are
            character offsets into it.

    Returns:
        The gold map: units in text order (ids are ADU ids), relations (ids are edge
        ids), the central claim, and ``metadata`` with ``id``, ``source``,
        ``characters``, ``edus`` (list of ``[start, end]``), ``adu_types``,
        ``stance`` and ``topic_id``.

    Raises:
        InputError: the file cannot be read, is not well-formed XML, is not an
            ``arggraph``, or its EDUs are not found in ``text``.

    Example:
        >>> import tempfile, pathlib
        >>> xml = ('<arggraph id="t1"><edu id="e1">Swim!</edu><edu id="e2">It is warm.</edu>'
        ...        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
        ...        '<edge id="c1" src="e1" trg="a1" type="seg"/>'
        ...        '<edge id="c2" src="e2" trg="a2" type="seg"/>'
        ...        '<edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>')
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t1.xml"
        >>> _ = p.write_text(xml, encoding="utf-8")
        >>> m = read_argxml(p)
        >>> m.central_claim, [(u.id, u.span.start, u.span.end) for u in m.units]
        ('a1', [('a1', 0, 5), ('a2', 6, 17)])
        >>> [(r.source, r.target, r.kind.value) for r in m.relations]
        [('a2', 'a1', 'support')]
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except ET.ParseError as exc:
        raise InputError(f"{path} is not well-formed XML: {exc}") from exc
    if root.tag != "arggraph":
        raise InputError(f"{path} is not an ARG-XML graph (root <{root.tag}>, not <arggraph>)")
    edus = {e.get("id", ""): e.text or "" for e in root.findall("edu")}
    if text is None:
        txt = path.with_suffix(".txt")
        text = txt.read_text(encoding="utf-8") if txt.is_file() else " ".join(edus.values())
    edu_spans = _locate(edus, text, path)

    members: dict[str, list[str]] = {}  # joint or ADU id -> ids of the nodes segmented into it
    relations: list[tuple[str, str, str, str]] = []  # (edge id, src, trg, type)
    for edge in root.findall("edge"):
        eid, src, trg, kind = (edge.get(k, "") for k in ("id", "src", "trg", "type"))
        if kind == "seg":
            members.setdefault(trg, []).append(src)
        elif kind in EDGE_KINDS:
            relations.append((eid, src, trg, kind))
        else:
            raise InputError(f"{path}: edge {eid} has unknown type {kind!r}")

    def span_of(node: str) -> Span:
        """The span of an EDU, or of a joint from its first to its last EDU."""
        if node in edu_spans:
            return edu_spans[node]
        parts = [span_of(m) for m in members.get(node, [])]
        if not parts:
            raise InputError(f"{path}: {node} is segmented from no EDU")
        return Span(min(p.start for p in parts), max(p.end for p in parts))

    adu_types = {a.get("id", ""): a.get("type", "") for a in root.findall("adu")}
    sources = {src for _, src, _, _ in relations}
    units: list[Unit] = []
    extra: list[Relation] = []
    for adu in adu_types:
        groups = sorted(span_of(m) for m in members.get(adu, []))
        if not groups:
            raise InputError(f"{path}: ADU {adu} is segmented from no EDU")
        for n, span in enumerate(groups):
            uid = adu if n == 0 else f"{adu}-{n + 1}"
            role = Role.CENTRAL_CLAIM if adu not in sources else Role.PREMISE
            units.append(Unit(uid, span, span.slice(text),
                              role=Role.RESTATEMENT if n else role))
            if n:
                extra.append(Relation(f"r-{uid}-{adu}", uid, adu, RelationKind.SUPPORT,
                                      "restatement", "argxml.restatement"))
    units.sort(key=lambda u: u.span)
    roots = [a for a in adu_types if a not in sources]
    if len(roots) != 1:
        raise InputError(f"{path}: expected one central claim (an ADU that is the source "
                         f"of no relation), found {len(roots)}")
    rels = [Relation(eid, src, trg, *EDGE_KINDS[kind], rule=f"argxml.{kind}")
            for eid, src, trg, kind in relations]
    return ArgumentMap(
        title=None,
        central_claim=roots[0],
        units=tuple(units),
        relations=tuple(rels + extra),
        metadata={
            "id": root.get("id", path.stem),
            "source": str(path),
            "characters": len(text),
            "edus": [[s.start, s.end] for s in sorted(edu_spans.values())],
            "adu_types": adu_types,
            "stance": root.get("stance"),
            "topic_id": root.get("topic_id"),
        },
    )


def _locate(edus: dict[str, str], text: str, path: Path) -> dict[str, Span]:
    """Find each EDU's text in ``text``, in document order (offsets in characters)."""
    spans: dict[str, Span] = {}
    at = 0
    for eid, edu in edus.items():
        needle = edu.strip()
        start = text.find(needle, at)
        if start < 0 or not needle:
            raise InputError(f"{path}: the text of EDU {eid} is not in the text file")
        spans[eid] = Span(start, start + len(needle))
        at = start + len(needle)
    return spans
