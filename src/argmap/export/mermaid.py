"""The map as a Mermaid flowchart (mermaid.js.org), for Markdown pages that render it."""

from __future__ import annotations

import re
import textwrap

from argmap.diagram import RANKDIRS, WRAP, edge_label, shown_as, unit_labels
from argmap.model import ArgumentMap, RelationKind, Role

__all__ = ["to_mermaid"]

_CLASSES = {
    "color": {
        Role.CENTRAL_CLAIM: "fill:#fde68a,stroke:#333,stroke-width:3px",
        Role.CLAIM: "fill:#dbeafe,stroke:#333",
        Role.CONCLUSION: "fill:#dcfce7,stroke:#333,stroke-width:2px",
        Role.CONCESSION: "fill:#fee2e2,stroke:#333,stroke-dasharray:4 3",
        Role.OBJECTION: "fill:#fed7aa,stroke:#333,stroke-width:2px,stroke-dasharray:4 3",
        Role.RESTATEMENT: "fill:#fef3c7,stroke:#333",
        Role.PREMISE: "fill:#ffffff,stroke:#333",
    },
    "mono": {
        Role.CENTRAL_CLAIM: "fill:#c8c8c8,stroke:#000,stroke-width:3px",
        Role.CLAIM: "fill:#e8e8e8,stroke:#000",
        Role.CONCLUSION: "fill:#e8e8e8,stroke:#000,stroke-width:2px",
        Role.CONCESSION: "fill:#ffffff,stroke:#000,stroke-dasharray:4 3",
        Role.OBJECTION: "fill:#d4d4d4,stroke:#000,stroke-width:2px,stroke-dasharray:4 3",
        Role.RESTATEMENT: "fill:#f4f4f4,stroke:#000",
        Role.PREMISE: "fill:#ffffff,stroke:#000",
    },
}
# Mermaid reads "TB" with the first node on top; argmap's edges run reason -> claim, so
# the direction is flipped as for Graphviz.


def _text(text: str, wrap: int) -> str:
    """A quoted Mermaid label: entity codes for quotes and markup, ``<br>`` line breaks."""
    lines = textwrap.wrap(" ".join(text.split()), width=wrap, break_long_words=True) or [""]
    safe = [re.sub(r'[&"<>#;`|{}\[\]()]', lambda c: f"#{ord(c.group())};", line)
            for line in lines]
    return '"' + "<br>".join(safe) + '"'


def _node_id(unit_id: str) -> str:
    return re.sub(r"\W", "_", unit_id)


def to_mermaid(m: ArgumentMap, *, source: str | None = None, rankdir: str = "TB",
               wrap: int = WRAP, clusters: bool = True, palette: str = "color") -> str:
    """Write the map as Mermaid ``flowchart`` text.

    Support edges are solid arrows, attacks dotted with a cross head (``--x``),
    restatements and enumeration items thick; edge labels are the markers. Sections are
    subgraphs titled with their headings when ``clusters`` is true. Undercut edges end at
    the attacked relation's target and are labelled "undercut". ``rankdir`` has the
    meaning of :data:`argmap.diagram.RANKDIRS` (``TB``: the thesis on top).

    Example:
        >>> import argmap
        >>> print(to_mermaid(argmap.analyze("Fees must fall. However, they fund labs."))
        ...       .splitlines()[3])
            u_they_fund_1ba9 -. "however" .-x u_fees_must_9d92
    """
    direction = RANKDIRS[rankdir.upper()]
    # a map read from Markdown: labels, title and headings without inline markup
    shown, labels = shown_as(m, source), unit_labels(m, source)
    out = [f"flowchart {direction}"]
    if m.title:
        out.insert(0, f"---\ntitle: {_text(shown(m.title), 10_000)}\n---")
    headings = {s.id: s.heading for s in m.sections}
    groups: dict[str | None, list[str]] = {}
    for u in m.units:
        key = u.section if clusters and headings.get(u.section or "") and \
            u.id != m.central_claim else None
        groups.setdefault(key, []).append(
            f"    {_node_id(u.id)}[{_text(labels[u.id], wrap)}]:::{u.role.value}")
    for key, lines in groups.items():
        if key is None:
            out += lines
        else:
            heading = _text(shown(headings[key] or ""), 60)
            out.append(f"    subgraph {_node_id('s-' + key)} [{heading}]")
            out += ["    " + line for line in lines]
            out.append("    end")
    by_id = {r.id: r for r in m.relations}
    units = {u.id: u for u in m.units}
    for r in m.relations:
        target, label = r.target, edge_label(r, units)
        undercut = target in by_id
        while target in by_id:
            target = by_id[target].target
        if undercut:
            label = f"undercut {label}".strip()
        text = f" {_text(label, 10_000)} " if label else " "
        if r.kind is RelationKind.ATTACK or undercut:
            arrow = f"-.{text}.-x" if label else "-.-x"
        elif r.subtype in ("item", "restatement"):
            arrow = f"=={text}==>" if label else "==>"
        else:
            arrow = f"--{text}-->" if label else "-->"
        out.append(f"    {_node_id(r.source)} {arrow} {_node_id(target)}")
    for role, style in _CLASSES[palette].items():
        out.append(f"    classDef {role.value} {style}")
    return "\n".join(out) + "\n"
