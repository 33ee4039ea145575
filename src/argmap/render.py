"""Draw an ``ArgumentMap`` with the graphviz package and write SVG, PNG, PDF or DOT."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import graphviz

from argmap.exceptions import RenderError
from argmap.model import ArgumentMap, RelationKind, Role, Unit

__all__ = ["FORMATS", "WRAP", "render", "to_digraph", "write_atomic"]

#: Output formats by name; the first three need Graphviz's ``dot`` executable.
FORMATS = ("svg", "png", "pdf", "dot", "json")
_NEEDS_DOT = frozenset({"svg", "png", "pdf"})
#: Node text is wrapped at this many characters per line.
WRAP = 40
#: Longest node text shown, in characters; the rest is cut with an ellipsis.
MAX_LABEL = 320

#: C0 control characters and DEL, which XML (and so SVG) cannot hold, are drawn as their
#: Unicode control pictures (U+2400 block): "\x08" shows as "␈".
_CONTROL_PICTURES = {c: 0x2400 + c for c in range(32)} | {0x7F: 0x2421}

_FONT = "Helvetica"
_NODE_STYLE: dict[Role, dict[str, str]] = {
    Role.CENTRAL_CLAIM: {"fillcolor": "#fde68a", "penwidth": "2.5", "fontsize": "13"},
    Role.CLAIM: {"fillcolor": "#dbeafe"},
    Role.CONCLUSION: {"fillcolor": "#dcfce7", "peripheries": "2"},
    Role.CONCESSION: {"fillcolor": "#fee2e2", "style": "rounded,filled,dashed"},
    Role.RESTATEMENT: {"fillcolor": "#fef3c7", "style": "rounded,filled,bold"},
    Role.PREMISE: {"fillcolor": "#ffffff"},
}
# Support and attack differ in colour, line style and arrowhead, so the map reads in
# greyscale print too.
_EDGE_STYLE: dict[str, dict[str, str]] = {
    "support": {"color": "#15803d", "style": "solid", "arrowhead": "normal"},
    "attack": {"color": "#b91c1c", "style": "dashed", "arrowhead": "tee", "penwidth": "1.6"},
    "restatement": {"color": "#6b7280", "style": "dotted", "arrowhead": "odiamond"},
    "item": {"color": "#1d4ed8", "style": "bold", "arrowhead": "empty"},
}


def _label(text: str, width: int = WRAP) -> str:
    """Wrap and escape ``text`` for a DOT label; backslashes and ``<…>`` stay literal."""
    text = " ".join(text.split()).translate(_CONTROL_PICTURES)
    if len(text) > MAX_LABEL:
        text = text[: MAX_LABEL - 1].rstrip() + "…"
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    # dot decodes HTML entities even in plain labels, so "&" must be written "&amp;"
    escaped = [graphviz.escape(line.replace("&", "&amp;")) for line in lines]
    label: str = graphviz.nohtml("\\n".join(escaped))
    return label


def _shown_text(m: ArgumentMap, unit: Unit, source: str | None) -> str:
    """The unit with the markers that open it ("However, the …"), when the input is at hand."""
    opening = [mk for mk in unit.markers if mk.span.end <= unit.span.start]
    if source is not None and opening:
        return source[opening[0].span.start : unit.span.end]
    return unit.text


def _edge_kind(kind: RelationKind, subtype: str) -> str:
    if subtype in ("restatement", "item"):
        return subtype
    return kind.value


def to_digraph(m: ArgumentMap, *, source: str | None = None, wrap: int = WRAP,
               legend: bool = True) -> graphviz.Digraph:
    """Build the ``graphviz.Digraph`` of a map.

    The central claim is on the top rank (edges point from premise to claim, drawn
    bottom-to-top); each section is a cluster labelled with its heading; edges carry
    their marker ("however") as label.

    Args:
        m: the map.
        source: the analysed text; when given, node labels show the opening markers.
        wrap: characters per label line.
        legend: add a legend of node and edge styles.
    """
    name = "argmap"
    g = graphviz.Digraph(name=name, graph_attr={
        "rankdir": "BT", "fontname": _FONT, "newrank": "true", "nodesep": "0.25",
        "ranksep": "0.45", "labelloc": "t", "fontsize": "18",
        "label": _label(m.title or "", 80) if m.title else "",
    }, node_attr={"shape": "box", "style": "rounded,filled", "fontname": _FONT,
                  "fontsize": "10", "margin": "0.12,0.06"},
       edge_attr={"fontname": _FONT, "fontsize": "9"})
    by_section: dict[str | None, list[Unit]] = {}
    for unit in m.units:
        by_section.setdefault(unit.section, []).append(unit)

    def add_node(graph: graphviz.Digraph, unit: Unit) -> None:
        attrs = dict(_NODE_STYLE.get(unit.role, {}))
        graph.node(unit.id, _label(_shown_text(m, unit, source), wrap),
                   tooltip=graphviz.escape(f"{unit.id} [{unit.role.value}]"), **attrs)

    headings = {s.id: s.heading for s in m.sections}
    for section_id, units in by_section.items():
        heading = headings.get(section_id or "")
        if heading is None:
            for unit in units:
                if unit.id == m.central_claim:
                    with g.subgraph(name="thesis_rank", graph_attr={"rank": "max"}) as top:
                        add_node(top, unit)
                else:
                    add_node(g, unit)
            continue
        # labelloc "b" puts the heading at the top, because the ranks run bottom to top.
        with g.subgraph(name=f"cluster_{section_id}", graph_attr={
            "label": _label(heading, 60), "style": "rounded,filled", "fillcolor": "#f8fafc",
            "color": "#94a3b8", "fontsize": "14", "labeljust": "l", "labelloc": "b",
        }) as cluster:
            for unit in units:
                add_node(cluster, unit)
            ids = {u.id for u in units}
            for enum in m.enumerations:
                if all(i in ids for i in enum.items) and len(enum.items) > 1:
                    with cluster.subgraph(name=f"{enum.id}_rank",
                                          graph_attr={"rank": "same"}) as same:
                        for item in enum.items:
                            same.node(item)
                        for left, right in zip(enum.items, enum.items[1:], strict=False):
                            same.edge(left, right, style="invis")  # keep text order
    for rel in m.relations:
        kind = _edge_kind(rel.kind, rel.subtype)
        label = rel.marker.text.lower() if rel.marker else ""
        g.edge(rel.source, rel.target, label=_label(label, 30) if label else "",
               tooltip=graphviz.escape(f"{rel.kind.value} ({rel.subtype}) by rule {rel.rule}"),
               **_EDGE_STYLE[kind])
    _stack_leaves(g, m)
    if legend:
        _legend(g)
    return g


def _stack_leaves(g: graphviz.Digraph, m: ArgumentMap, per_column: int = 1) -> None:
    """Stack the leaf premises of one claim in columns of ``per_column`` with invisible
    edges, so that a paragraph of many sentences grows the map downwards, not sideways."""
    has_incoming = {r.target for r in m.relations}
    leaves: dict[str, list[str]] = {}
    for rel in m.relations:
        if rel.source not in has_incoming and rel.subtype in ("default", "elaboration"):
            leaves.setdefault(rel.target, []).append(rel.source)
    for group in leaves.values():
        for n in range(per_column, len(group)):
            g.edge(group[n], group[n - per_column], style="invis")


_LEGEND_EDGES = (
    ("support", "&#9472;&#9472;&#9472;&#9654;", "support (solid, arrow)"),
    ("attack", "&#8211; &#8211; &#8211;&#9475;", "attack (dashed, bar)"),
    ("item", "&#9473;&#9473;&#9473;&#9655;", "enumeration item (bold, hollow arrow)"),
    ("restatement", "&#183;&#183;&#183;&#183;&#183;&#9671;", "restatement (dotted, diamond)"),
)


def _legend(g: graphviz.Digraph) -> None:
    """A legend node: one row per node role and per edge kind (fixed text, no input)."""
    rows = []
    for role in (Role.CENTRAL_CLAIM, Role.CLAIM, Role.CONCLUSION, Role.CONCESSION,
                 Role.RESTATEMENT, Role.PREMISE):
        fill = _NODE_STYLE[role]["fillcolor"]
        rows.append(f'<TR><TD BGCOLOR="{fill}" BORDER="1" STYLE="rounded">&#160;&#160;&#160;</TD>'
                    f'<TD ALIGN="LEFT">{role.value.replace("_", " ")}</TD></TR>')
    for kind, sample, text in _LEGEND_EDGES:
        color = _EDGE_STYLE[kind]["color"]
        rows.append(f'<TR><TD><FONT COLOR="{color}">{sample}</FONT></TD>'
                    f'<TD ALIGN="LEFT">{text}</TD></TR>')
    table = ('<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" '
             'COLOR="#cbd5e1"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR>'
             + "".join(rows) + "</TABLE>>")
    g.node("legend", table, shape="plaintext", style="", fontsize="9")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises:
        RenderError: if the folder is not writable.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:  # interrupted (Ctrl-C): leave neither half a file nor the temp
        Path(tmp).unlink(missing_ok=True)
        raise


def render(m: ArgumentMap, target: str | os.PathLike[str], *, source: str | None = None,
           format: str | None = None, wrap: int = WRAP, legend: bool = True,
           ) -> bytes | Path:
    """Render a map to a format (returns the bytes) or to a file (returns its path).

    Args:
        m: the map.
        target: a format name from :data:`FORMATS` (``"svg"``, ``"dot"`` …) or a path
            whose extension names the format.
        source: the analysed text, so that node labels show their opening markers.
        format: the format, overriding the path's extension.
        wrap: characters per node-label line.
        legend: draw the legend.

    Returns:
        ``bytes`` for a format name (UTF-8 text for ``dot`` and ``json``); the
        :class:`~pathlib.Path` written for a path.

    Raises:
        RenderError: unknown format, ``dot`` missing for SVG/PNG/PDF, or an unwritable
            path.
    """
    path: Path | None = None
    fmt = format
    if isinstance(target, str) and target.lower() in FORMATS and fmt in (None, target.lower()):
        fmt = target.lower()
    else:
        path = Path(target)
        fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        data = m.to_json().encode("utf-8")
    else:
        graph = to_digraph(m, source=source, wrap=wrap, legend=legend)
        if fmt == "dot":
            data = graph.source.encode("utf-8")
        else:
            try:
                data = graph.pipe(format=fmt)
            except graphviz.ExecutableNotFound:
                raise RenderError(
                    f"rendering {fmt.upper()} needs Graphviz's `dot`, which is not on PATH. "
                    "Install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew "
                    "install graphviz; Windows: winget install graphviz); DOT and JSON output "
                    "work without it."
                ) from None
            except graphviz.CalledProcessError as exc:
                raise RenderError(f"Graphviz failed: {exc.stderr!r}") from None
    if path is None:
        return data
    write_atomic(path, data)
    return path
