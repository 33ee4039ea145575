"""Draw an ``ArgumentMap`` as a ``graphviz.Digraph``: styles, palettes, ranks, legend."""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Callable
from typing import Literal

import attrs
import graphviz

from argmap.exceptions import OptionError, RenderError
from argmap.markdown import inline_text, inline_texts, reference_env
from argmap.model import ArgumentMap, Relation, Role, Unit

__all__ = ["ENGINES", "MAX_LABEL", "RANKDIRS", "WRAP", "DrawOptions", "edge_label", "pipe",
           "shown_as", "shown_text", "svg_titles", "to_digraph", "unit_labels"]

#: Node text is wrapped at this many characters per line.
WRAP = 40
#: Longest node text shown, in characters; the rest is cut with an ellipsis.
MAX_LABEL = 320
#: Where the thesis sits: ``TB`` top (reasons below it), ``BT`` bottom, ``LR`` left,
#: ``RL`` right. Edges point from reason to claim, so Graphviz gets the opposite.
RANKDIRS = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
#: Graphviz layout engines argmap accepts (``dot`` draws ranks; the rest ignore them).
ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork")

_FONT = "Helvetica"
Palette = Literal["color", "mono"]

_NODE_STYLE: dict[str, dict[Role, dict[str, str]]] = {
    "color": {
        Role.CENTRAL_CLAIM: {"fillcolor": "#fde68a", "penwidth": "2.5", "fontsize": "13"},
        Role.CLAIM: {"fillcolor": "#dbeafe"},
        Role.CONCLUSION: {"fillcolor": "#dcfce7", "peripheries": "2"},
        Role.CONCESSION: {"fillcolor": "#fee2e2", "style": "rounded,filled,dashed"},
        Role.OBJECTION: {"fillcolor": "#fed7aa", "style": "rounded,filled,dashed",
                         "penwidth": "1.6"},
        Role.RESTATEMENT: {"fillcolor": "#fef3c7", "style": "rounded,filled,bold"},
        Role.PREMISE: {"fillcolor": "#ffffff"},
    },
    # Greyscale print: roles differ by grey level and by border, not by hue. Roles of
    # one fill differ by border: premise (white, solid), concession (white, dashed);
    # central claim (dark, solid, 3 pt), objection (mid grey, dotted, 2 pt); claim and
    # conclusion (light, single or double border).
    "mono": {
        Role.CENTRAL_CLAIM: {"fillcolor": "#b0b0b0", "penwidth": "3", "fontsize": "13"},
        Role.CLAIM: {"fillcolor": "#e8e8e8"},
        Role.CONCLUSION: {"fillcolor": "#e8e8e8", "peripheries": "2"},
        Role.CONCESSION: {"fillcolor": "#ffffff", "style": "rounded,filled,dashed"},
        Role.OBJECTION: {"fillcolor": "#d8d8d8", "style": "rounded,filled,dotted",
                         "penwidth": "2"},
        Role.RESTATEMENT: {"fillcolor": "#f4f4f4", "style": "rounded,filled,bold"},
        Role.PREMISE: {"fillcolor": "#ffffff"},
    },
}
# Support and attack differ in colour, line style and arrowhead, so the map reads in
# greyscale print too; the mono palette keeps the styles and drops the hues.
_EDGE_STYLE: dict[str, dict[str, dict[str, str]]] = {
    "color": {
        "support": {"color": "#15803d", "style": "solid", "arrowhead": "normal"},
        "attack": {"color": "#b91c1c", "style": "dashed", "arrowhead": "tee",
                   "penwidth": "1.6"},
        "undercut": {"color": "#7c2d12", "style": "dashed", "arrowhead": "tee",
                     "penwidth": "2.2"},
        "restatement": {"color": "#6b7280", "style": "dotted", "arrowhead": "odiamond"},
        "item": {"color": "#1d4ed8", "style": "bold", "arrowhead": "empty"},
    },
    "mono": {
        "support": {"color": "#000000", "style": "solid", "arrowhead": "normal"},
        "attack": {"color": "#000000", "style": "dashed", "arrowhead": "tee",
                   "penwidth": "1.6"},
        # no hue to tell it from an attack: a second bar
        "undercut": {"color": "#000000", "style": "dashed", "arrowhead": "teetee",
                     "penwidth": "2.6"},
        "restatement": {"color": "#707070", "style": "dotted", "arrowhead": "odiamond"},
        "item": {"color": "#000000", "style": "bold", "arrowhead": "empty"},
    },
}
_CLUSTER_STYLE = {"color": {"fillcolor": "#f8fafc", "color": "#94a3b8"},
                  "mono": {"fillcolor": "#fafafa", "color": "#777777"}}
_LEGEND_BORDER = {"color": "#cbd5e1", "mono": "#bbbbbb"}


def _upper(value: str) -> str:
    return value.upper()


@attrs.frozen
class DrawOptions:
    """How a map is drawn (the CLI flags of ``argmap render`` have the same names).

    Attributes:
        rankdir: where the thesis sits, see :data:`RANKDIRS`.
        wrap: characters per node-label line (at least 10).
        palette: ``"color"``, or ``"mono"`` for greyscale print.
        clusters: draw each section as a box labelled with its heading.
        legend: draw the legend of the node and edge styles that the map has.
        engine: the Graphviz layout engine, one of :data:`ENGINES`.
    """

    rankdir: str = attrs.field(default="TB", converter=_upper)
    wrap: int = WRAP
    palette: str = "color"
    clusters: bool = True
    legend: bool = True
    engine: str = "dot"

    def __attrs_post_init__(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise OptionError(f"rankdir must be one of {', '.join(RANKDIRS)}, "
                              f"not {self.rankdir!r}")
        if self.wrap < 10:
            raise OptionError(f"wrap must be at least 10 characters, not {self.wrap}")
        if self.palette not in _NODE_STYLE:
            raise OptionError(f"palette must be color or mono, not {self.palette!r}")
        if self.engine not in ENGINES:
            raise OptionError(f"engine must be one of {', '.join(ENGINES)}, "
                              f"not {self.engine!r}")


#: C0 control characters and DEL, which XML (and so SVG) cannot hold, are drawn as their
#: Unicode control pictures (U+2400 block): "\x08" shows as "␈".
_CONTROL_PICTURES = {c: 0x2400 + c for c in range(32)} | {0x7F: 0x2421}


def label(text: str, width: int = WRAP) -> str:
    """Wrap and escape ``text`` for a DOT label; backslashes and ``<…>`` stay literal."""
    text = " ".join(text.split()).translate(_CONTROL_PICTURES)
    if len(text) > MAX_LABEL:
        text = text[: MAX_LABEL - 1].rstrip() + "…"
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    # dot decodes HTML entities even in plain labels, so "&" must be written "&amp;"
    escaped = [graphviz.escape(line.replace("&", "&amp;")) for line in lines]
    out: str = graphviz.nohtml("\\n".join(escaped))
    return out


def shown_text(unit: Unit, source: str | None = None) -> str:
    """The unit as written, with the markers that open it ("However, the …").

    ``source`` is accepted for callers that have the text at hand; ``Unit.lead`` already
    holds the opening markers' characters, so the label is the same without it.
    """
    return unit.lead + unit.text


def unit_labels(m: ArgumentMap, source: str | None = None) -> dict[str, str]:
    """The text of each unit's label, by unit id: the clause as written, with the
    markers that open it (:func:`shown_text`).

    A map read from Markdown (``m.metadata["format"] == "markdown"``) shows it as a
    reader of the page sees it, without inline markup: the labels of each paragraph
    are read together (:func:`argmap.markdown.inline_texts`), so an emphasis that a
    unit boundary cuts loses both halves. With ``source``, the analysed Markdown text,
    they are read with the text between them, and reference links (``[text][1]``) read
    as their text; without it, a space is assumed between two labels.
    """
    labels = {u.id: shown_text(u) for u in m.units}
    if not _from_markdown(m):
        return labels
    env = reference_env(source) if source is not None else None
    for _, group in itertools.groupby(m.units, key=_paragraph_of):
        units = list(group)
        gaps = _gaps(units, source) if source is not None else None
        read = inline_texts([labels[u.id] for u in units], gaps, env)
        labels.update(zip([u.id for u in units], read, strict=True))
    return labels


def _gaps(units: list[Unit], source: str) -> list[str] | None:
    """The text of ``source`` between each unit's label (its lead and text) and the
    next one's; ``None`` if the labels are not consecutive slices of ``source`` or
    words lie between two of them (units given by the caller may leave words out)."""
    gaps = []
    for before, unit in itertools.pairwise(units):
        start = unit.span.start - len(unit.lead)
        gap = source[before.span.end : start]
        if not before.span.end <= start or source[start : unit.span.start] != unit.lead \
                or any(c.isalnum() for c in gap):
            return None
        gaps.append(gap)
    return gaps


def shown_as(m: ArgumentMap, source: str | None = None) -> Callable[[str], str]:
    """How drawings of ``m`` show its title and section headings: as a reader of the
    page sees them (:func:`argmap.markdown.inline_text`; with ``source``, reference
    links too) for a map read from Markdown, as written for any other."""
    if not _from_markdown(m):
        return _as_written
    env = reference_env(source) if source is not None else None
    return lambda text: inline_text(text, env)


def _from_markdown(m: ArgumentMap) -> bool:
    return m.metadata.get("format") == "markdown"


def _as_written(text: str) -> str:
    return text


def _paragraph_of(unit: Unit) -> int:
    return unit.paragraph


def edge_kind(rel: Relation, relation_ids: set[str] | frozenset[str]) -> str:
    """The drawing style of a relation: support, attack, undercut, restatement or item."""
    if rel.target in relation_ids:
        return "undercut"
    if rel.subtype in ("restatement", "item"):
        return rel.subtype
    return rel.kind.value


def to_digraph(m: ArgumentMap, *, source: str | None = None,
               options: DrawOptions | None = None, wrap: int | None = None,
               legend: bool | None = None) -> graphviz.Digraph:
    """Build the ``graphviz.Digraph`` of a map.

    The central claim is on the first rank (the top with the default ``rankdir="TB"``);
    edges point from premise to claim; each section is a cluster labelled with its
    heading; the items of an enumeration share a rank, in text order; edges carry their
    marker ("however") as label; an undercut points at a small dot on the edge it attacks.
    A map read from Markdown (``m.metadata["format"] == "markdown"``) shows its labels,
    title and headings without inline markup (:func:`unit_labels`, :func:`shown_as`):
    ``**abolished**`` reads ``abolished``, a link its text. Node and edge ids are the
    unit and relation ids, which are derived from the text, so an edit in one paragraph
    leaves the rest of the drawing's source unchanged.

    Args:
        m: the map.
        source: the analysed text: a Markdown map's labels are then read with the text
            between them and with its reference links (:func:`unit_labels`).
        options: how to draw; :class:`DrawOptions` defaults when ``None``.
        wrap: shorthand for ``options.wrap``.
        legend: shorthand for ``options.legend``.
    """
    opts = options or DrawOptions()
    if wrap is not None or legend is not None:
        opts = attrs.evolve(opts, wrap=opts.wrap if wrap is None else wrap,
                            legend=opts.legend if legend is None else legend)
    graph_rankdir = RANKDIRS[opts.rankdir]
    shown, labels = shown_as(m, source), unit_labels(m, source)
    g = graphviz.Digraph(name="argmap", engine=opts.engine, graph_attr={
        "rankdir": graph_rankdir, "fontname": _FONT, "newrank": "true", "nodesep": "0.25",
        "ranksep": "0.45", "labelloc": "t", "fontsize": "18",
        "label": label(shown(m.title), 80) if m.title else "",
        **({"layout": opts.engine, "overlap": "false"} if opts.engine != "dot" else {}),
    }, node_attr={"shape": "box", "style": "rounded,filled", "fontname": _FONT,
                  "fontsize": "10", "margin": "0.12,0.06"},
       edge_attr={"fontname": _FONT, "fontsize": "9"})
    node_style = _NODE_STYLE[opts.palette]
    edge_style = _EDGE_STYLE[opts.palette]

    def add_node(graph: graphviz.Digraph, unit: Unit) -> None:
        graph.node(unit.id, label(labels[unit.id], opts.wrap), id=unit.id,
                   tooltip=graphviz.escape(f"{unit.id} [{unit.role.value}]"),
                   **node_style.get(unit.role, {}))

    by_section: dict[str | None, list[Unit]] = {}
    for unit in m.units:
        by_section.setdefault(unit.section, []).append(unit)
    thesis = next((u for u in m.units if u.id == m.central_claim), None)
    if thesis is not None:
        # The thesis is on the first rank whatever its section ("max": edges run up).
        with g.subgraph(name="thesis_rank", graph_attr={"rank": "max"}) as top:
            add_node(top, thesis)
    headings = {s.id: s.heading for s in m.sections}
    placed: set[str] = set()
    for section_id, units in by_section.items():
        units = [u for u in units if u is not thesis]
        heading = headings.get(section_id or "")
        if heading is None or not opts.clusters:
            for unit in units:
                add_node(g, unit)
            continue
        # labelloc "b" puts the heading at the top when the ranks run bottom to top.
        with g.subgraph(name=f"cluster_{section_id}", graph_attr={
            "label": label(shown(heading), 60), "style": "rounded,filled", "fontsize": "14",
            # Graphviz mirrors "l"/"b" with the rank direction: keep headings top left.
            "labeljust": "r" if graph_rankdir == "RL" else "l",
            "labelloc": "b" if graph_rankdir == "BT" else "t",
            **_CLUSTER_STYLE[opts.palette],
        }) as cluster:
            for unit in units:
                add_node(cluster, unit)
            ids = {u.id for u in units}
            for enum in m.enumerations:
                if len(enum.items) > 1 and all(i in ids for i in enum.items):
                    _same_rank(cluster, enum.id, enum.items, graph_rankdir)
                    placed.add(enum.id)
    for enum in m.enumerations:
        if enum.id not in placed and len(enum.items) > 1:
            _same_rank(g, enum.id, enum.items, graph_rankdir)
    _edges(g, m, opts, edge_style)
    _stack_leaves(g, m)
    if opts.legend:
        _legend(g, m, opts.palette)
    return g


def _same_rank(graph: graphviz.Digraph, name: str, items: tuple[str, ...],
               graph_rankdir: str) -> None:
    """Put an enumeration's items on one rank, kept in text order (left to right, or top
    to bottom) by invisible edges; Graphviz's LR and RL directions run a rank bottom to
    top."""
    if graph_rankdir in ("LR", "RL"):
        items = items[::-1]
    with graph.subgraph(name=f"{name}_rank", graph_attr={"rank": "same"}) as same:
        for item in items:
            same.node(item)
        for left, right in itertools.pairwise(items):
            same.edge(left, right, style="invis")


def _marks_an_end(rel: Relation, units: dict[str, Unit]) -> bool:
    """Whether the relation's marker is written in its source or its target (with the
    words that open it): the edge is labelled with it then. A conceded view's attack
    on the thesis carries the answering contrast's marker as evidence ("Some argue X.
    However, Y."), which is written in neither, so that edge shows no label (`explain`
    says where the marker is)."""
    marker = rel.marker
    if marker is None:
        return False
    for end in (units.get(rel.source), units.get(rel.target)):
        if end is not None and end.span.start - len(end.lead) <= marker.span.start and \
                marker.span.end <= end.span.end:
            return True
    return False


def edge_label(rel: Relation, units: dict[str, Unit]) -> str:
    """The label of a relation's edge: its marker in lower case ("however"), or ``""``
    when it has none, when the marker is written in neither end (:func:`_marks_an_end`),
    or when it is a list item's bullet or number ("-", "1.", "2)"), which the item's box
    shows where the page has it ("1. It makes drivers …") and the item arrow's style
    already says.

    Args:
        rel: the relation.
        units: the map's units by id.

    Example:
        >>> from argmap import analyze
        >>> m = analyze("Fees do damage in two ways:\\n\\n- They deter students.\\n"
        ...             "- They burden families.\\n\\nHowever, fees fund teaching.\\n")
        >>> units = {u.id: u for u in m.units}
        >>> sorted({edge_label(r, units) for r in m.relations})
        ['', 'however']
    """
    marker = rel.marker
    if marker is None or not _marks_an_end(rel, units) \
            or not any(ch.isalpha() for ch in marker.text):
        return ""
    return marker.text.lower()


def _edges(g: graphviz.Digraph, m: ArgumentMap, opts: DrawOptions,
           edge_style: dict[str, dict[str, str]]) -> None:
    relation_ids = {r.id for r in m.relations}
    undercut = {r.target for r in m.relations if r.target in relation_ids}
    units = {u.id: u for u in m.units}
    for rel in m.relations:
        kind = edge_kind(rel, relation_ids)
        text = edge_label(rel, units)
        attrs_ = {"label": label(text, 30) if text else "",
                  "tooltip": graphviz.escape(f"{rel.kind.value} ({rel.subtype}) by rule "
                                             f"{rel.rule}"),
                  **edge_style[kind]}
        if rel.id in undercut:
            # An attacked inference: the edge runs through a dot the undercut points at.
            g.node(rel.id, "", shape="point", width="0.08", style="filled",
                   fillcolor=edge_style[kind]["color"], color=edge_style[kind]["color"])
            g.edge(rel.source, rel.id, arrowhead="none", **{k: v for k, v in attrs_.items()
                                                            if k != "arrowhead"})
            g.edge(rel.id, rel.target, **{k: v for k, v in attrs_.items() if k != "label"})
        else:
            g.edge(rel.source, rel.target, **attrs_)


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


#: The legend's rows of node roles, in this order.
_LEGEND_ROLES = (Role.CENTRAL_CLAIM, Role.CLAIM, Role.CONCLUSION, Role.OBJECTION,
                 Role.CONCESSION, Role.RESTATEMENT, Role.PREMISE)
#: The legend's rows of edge styles (:func:`edge_kind`), in this order: sample, text.
_LEGEND_EDGES = (
    ("support", "&#9472;&#9472;&#9472;&#9654;", "support (solid, arrow)"),
    ("attack", "&#8211; &#8211; &#8211;&#9475;", "attack (dashed, bar)"),
    ("undercut", "&#8211; &#8211; &#8211;&#9475;", "undercut (thick dashed, bar on an edge's dot)"),
    ("item", "&#9473;&#9473;&#9473;&#9655;", "enumeration item (bold, hollow arrow)"),
    ("restatement", "&#183;&#183;&#183;&#183;&#183;&#9671;", "restatement (dotted, diamond)"),
)


#: Legend rows of an edge style that a palette draws otherwise: (palette, kind) ->
#: (sample, text).
_LEGEND_EDGE_OVERRIDES = {
    ("mono", "undercut"): ("&#8211; &#8211; &#8211;&#9475;&#9475;",
                           "undercut (thick dashed, double bar on an edge's dot)"),
}


#: The nodes' border colour (Graphviz's default), which the legend's swatches draw.
_NODE_BORDER = "#000000"


def _swatch(style: dict[str, str]) -> str:
    """A legend cell drawn as a node of ``style`` is: its fill, its border's line style
    (dashed, dotted; else rounded like the nodes) and width (points, rounded, at least
    1), so that roles of one fill are told apart in the legend as in the map.

    >>> _swatch({"fillcolor": "#ffffff", "style": "rounded,filled,dashed"})
    '<TD BGCOLOR="#ffffff" BORDER="1" STYLE="dashed" COLOR="#000000">&#160;&#160;&#160;</TD>'
    >>> _swatch({"fillcolor": "#b0b0b0", "penwidth": "3"})[:60]
    '<TD BGCOLOR="#b0b0b0" BORDER="3" STYLE="rounded" COLOR="#000'
    """
    styles = style.get("style", "").split(",")
    line = next((x for x in ("dashed", "dotted") if x in styles), "rounded")
    border = max(1, round(float(style.get("penwidth", "1"))))
    return (f'<TD BGCOLOR="{style["fillcolor"]}" BORDER="{border}" STYLE="{line}" '
            f'COLOR="{_NODE_BORDER}">&#160;&#160;&#160;</TD>')


def _legend(g: graphviz.Digraph, m: ArgumentMap, palette: str) -> None:
    """A legend node: one row per node role and per edge style that the drawn map has
    (fixed text, no input), in a fixed order; none for a map without units."""
    roles = {u.role for u in m.units}
    relation_ids = {r.id for r in m.relations}
    kinds = {edge_kind(r, relation_ids) for r in m.relations}
    rows = []
    for role in _LEGEND_ROLES:
        if role not in roles:
            continue
        rows.append(f'<TR>{_swatch(_NODE_STYLE[palette][role])}'
                    f'<TD ALIGN="LEFT">{role.value.replace("_", " ")}</TD></TR>')
    for kind, sample, text in _LEGEND_EDGES:
        if kind not in kinds:
            continue
        sample, text = _LEGEND_EDGE_OVERRIDES.get((palette, kind), (sample, text))
        color = _EDGE_STYLE[palette][kind]["color"]
        rows.append(f'<TR><TD><FONT COLOR="{color}">{sample}</FONT></TD>'
                    f'<TD ALIGN="LEFT">{text}</TD></TR>')
    if not rows:
        return
    table = ('<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" '
             f'COLOR="{_LEGEND_BORDER[palette]}"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR>'
             + "".join(rows) + "</TABLE>>")
    g.node("legend", table, shape="plaintext", style="", fontsize="9")


def pipe(graph: graphviz.Digraph, fmt: str) -> bytes:
    """Lay out and render ``graph`` with Graphviz (``fmt``: svg, png, pdf …).

    Raises:
        RenderError: ``dot`` (or the chosen engine) is not on PATH, or Graphviz failed.
    """
    try:
        data: bytes = graph.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise RenderError(
            f"rendering {fmt.upper()} needs Graphviz's `{graph.engine}`, which is not on "
            "PATH. Install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew "
            "install graphviz; Windows: winget install graphviz); DOT and the text formats "
            "work without it."
        ) from None
    except graphviz.CalledProcessError as exc:
        raise RenderError(f"Graphviz failed: {exc.stderr!r}") from None
    return svg_titles(data) if fmt == "svg" else data


#: An edge's ``<title>`` (its DOT name: "u-a->u-b") and the link that carries its
#: tooltip, as Graphviz writes them into SVG.
_SVG_TITLE = re.compile(rb'(<g id="edge\d+" class="edge">\s*)<title>[^<]*</title>'
                        rb'(\s*<g id="a_edge\d+"><a xlink:title="([^"]*)")')
_CLUSTER_TITLE = re.compile(rb'(<g id="clust\d+" class="cluster">\s*)<title>[^<]*</title>\n?')


def svg_titles(svg: bytes) -> bytes:
    """Graphviz SVG whose edges' ``<title>`` elements, which browsers show on hover, say
    what their tooltips say ("support (default) by rule default.paragraph") instead of
    the DOT names ("u-the-budget-353e->u-the-council-7477"); a section box's
    (``cluster_…``) is dropped. A node's stays its unit id, which names it for
    ``--focus`` and for readers of the SVG.

    Example:
        >>> svg = svg_titles(b'<g id="edge1" class="edge"><title>a&#45;&gt;b</title>\\n'
        ...                  b'<g id="a_edge1"><a xlink:title="support by rule x">')
        >>> svg.split(b"\\n")[0]
        b'<g id="edge1" class="edge"><title>support by rule x</title>'
    """
    svg = _SVG_TITLE.sub(lambda m: m[1] + b"<title>" + m[3] + b"</title>" + m[2], svg)
    return _CLUSTER_TITLE.sub(rb"\1", svg)
