"""A single-file interactive HTML page: the map (SVG) beside the article text.

Hovering or clicking a node highlights its span in the article and shows its role,
markers and the rules of its relations; clicking a span in the article selects its node.
The page has no external scripts, fonts or styles: it works offline.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from argmap.diagram import DrawOptions, pipe, shown_as, to_digraph, unit_labels
from argmap.model import ArgumentMap

__all__ = ["to_html"]

_PROLOG = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 Georgia,'DejaVu Serif',serif;color:#111;display:flex;height:100vh}
#map{flex:3;overflow:auto;border-right:1px solid #ccc;background:#fff}
#map svg{display:block;max-width:100%;height:auto}
#map.full svg{max-width:none}
#zoom{position:sticky;top:0;left:0;z-index:1;margin:.3em;font:12px Helvetica,Arial,sans-serif}
#side{flex:2;display:flex;flex-direction:column;min-width:22em}
#info{padding:.6em 1em;border-bottom:1px solid #ccc;font:13px/1.45 Helvetica,Arial,sans-serif;
 background:#f8fafc;min-height:7em;max-height:40vh;overflow:auto}
#info h2{font-size:14px;margin:0 0 .3em}
#info code{font-size:12px;background:#e2e8f0;padding:0 .25em;border-radius:3px}
#info ul{margin:.2em 0;padding-left:1.2em}
#article{padding:1em 1.4em;overflow:auto;white-space:pre-wrap}
#article h1{font-size:1.3em;white-space:normal}
.unit{cursor:pointer;border-radius:2px}
.unit:hover{background:#e0f2fe}
.unit.hl{background:#fde047;outline:2px solid #f59e0b}
.boiler{color:#9ca3af}
g.node{cursor:pointer}
g.node.hl polygon,g.node.hl path{stroke:#f59e0b;stroke-width:4px}
"""

_JS = """
(function(){
var data=JSON.parse(document.getElementById('argmap-data').textContent);
var info=document.getElementById('info');
function esc(s){return String(s).replace(/[&<>"]/g,function(c){
 return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
function clear(){document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl');});}
function show(id,scroll){
 var u=data.units[id]; if(!u)return;
 clear();
 var span=document.getElementById('t-'+id), node=document.getElementById(id);
 if(span){span.classList.add('hl'); if(scroll)span.scrollIntoView({block:'center'});}
 if(node){node.classList.add('hl');}
 var h='<h2>'+esc(u.role.replace('_',' '))+' <code>'+esc(id)+'</code> ['
   +u.start+'\u2013'+u.end+']</h2>';
 h+='<div>Markers: '+(u.markers.length?u.markers.map(function(m){
   return '<code>'+esc(m.text)+'</code> '+esc(m.function)+' ('+esc(m.sense)
     +', pattern '+esc(m.rule)+')';}).join('; '):'none')+'</div>';
 var rel=data.relations.filter(function(r){return r.source===id||r.target===id;});
 h+='<ul>'+rel.map(function(r){
   var out=r.source===id, other=out?r.target:r.source;
   return '<li>'+(out?'':'&larr; ')+esc(r.kind)+' ('+esc(r.subtype)+') '+(out?'&rarr; ':'from ')
     +'<code>'+esc(other)+'</code> '+(data.units[other]?'\u201c'+esc(data.units[other].text)
     +'\u201d':'')+', marker '+(r.marker?'<code>'+esc(r.marker)+'</code>':'none')
     +', rule <code>'+esc(r.rule)+'</code></li>';}).join('')+'</ul>';
 info.innerHTML=h;
}
var map=document.getElementById('map'), zoom=document.getElementById('zoom');
zoom.addEventListener('click',function(){
 var full=map.classList.toggle('full');
 zoom.textContent=full?'Fit to pane':'Actual size';});
document.querySelectorAll('g.node').forEach(function(g){
 if(!data.units[g.id])return;
 g.addEventListener('mouseenter',function(){show(g.id,true);});
 g.addEventListener('click',function(){show(g.id,true);});
});
document.querySelectorAll('.unit').forEach(function(s){
 s.addEventListener('click',function(){var id=s.dataset.unit; show(id,false);
  var n=document.getElementById(id);
  if(n&&n.scrollIntoView)n.scrollIntoView({block:'center',inline:'center'});});
});
})();
"""


#: What follows a title on its line and below it, and goes into its heading: closing
#: ``#`` marks, the line break, a Setext underline (``=====``) and blank lines.
_AFTER_TITLE = re.compile(r"[ \t#]*(?:\r?\n|\Z)(?:[ \t]*(?:=+|-+)[ \t]*(?:\r?\n|\Z))?"
                          r"(?:[ \t]*\r?\n)*")


def _title_span(m: ArgumentMap, source: str) -> tuple[int, int] | None:
    """The characters of ``source`` that the title's heading stands for: the title's span
    (``metadata["title_span"]``) with its line's Markdown marks (``# ``), its line break,
    underline and the blank lines after it; ``None`` when the map records no span, or
    one outside the source or overlapping a unit or boilerplate."""
    found = m.metadata.get("title_span")
    if not (isinstance(found, list) and len(found) == 2
            and all(isinstance(n, int) for n in found)):
        return None
    start, end = found
    others = [u.span for u in m.units] + [b.span for b in m.boilerplate]
    if not 0 <= start < end <= len(source) or \
            any(s.start < end and start < s.end for s in others):
        return None
    line_start = source.rfind("\n", 0, start) + 1
    if not source[line_start:start].strip(" \t#"):
        start = line_start  # "# Title": the marks go with the title
    after = _AFTER_TITLE.match(source, end)
    if after is not None:  # the title ends its line
        end = min([after.end()] + [s.start for s in others if s.start >= end])
    return start, end


def _article(m: ArgumentMap, source: str | None, title: str) -> str:
    """The article as HTML: the title as its heading, once, and each unit's span wrapped
    in ``<span class="unit">``. The heading takes the title's place in the text when the
    map records it (:func:`_title_span`); else it comes first."""
    if source is None:  # no input at hand: the units, a paragraph per line
        parts, last = [f"<h1>{title}</h1>"], None
        for u in m.units:
            if last is not None:
                parts.append("\n\n" if u.paragraph != last else " ")
            parts.append(f'<span class="unit" id="t-{u.id}" data-unit="{u.id}">'
                         f"{html.escape(u.text)}</span>")
            last = u.paragraph
        return "".join(parts)
    cuts = sorted([(u.span.start, u.span.end, "unit", u.id) for u in m.units]
                  + [(b.span.start, b.span.end, "boiler", "") for b in m.boilerplate])
    heading = _title_span(m, source)
    if heading is None:
        out = [f"<h1>{title}</h1>"]
    else:
        out = []
        cuts = sorted([*cuts, (*heading, "title", "")])
    pos = 0
    for start, end, kind, uid in cuts:
        if start < pos:
            continue  # overlapping spans never happen; be safe
        out.append(html.escape(source[pos:start]))
        text = html.escape(source[start:end])
        if kind == "unit":
            out.append(f'<span class="unit" id="t-{uid}" data-unit="{uid}">{text}</span>')
        elif kind == "title":
            out.append(f"<h1>{title}</h1>")
        else:
            out.append(f'<span class="boiler">{text}</span>')
        pos = end
    out.append(html.escape(source[pos:]))
    return "".join(out)


def _excerpt(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _data(m: ArgumentMap, source: str | None) -> dict[str, Any]:
    labels = unit_labels(m, source)  # as the nodes show them
    units = {u.id: {"role": u.role.value, "start": u.span.start, "end": u.span.end,
                    "text": _excerpt(labels[u.id]),
                    "markers": [{"text": mk.text, "function": mk.function.value,
                                 "sense": mk.sense, "rule": mk.rule} for mk in u.markers]}
             for u in m.units}
    relations = [{"id": r.id, "source": r.source, "target": r.target, "kind": r.kind.value,
                  "subtype": r.subtype, "rule": r.rule,
                  "marker": r.marker.text if r.marker else None} for r in m.relations]
    return {"units": units, "relations": relations}


def to_html(m: ArgumentMap, *, source: str | None = None,
            options: DrawOptions | None = None) -> str:
    """Write the interactive page of a map.

    Args:
        m: the map.
        source: the analysed text; without it the article column shows the units only.
            The column shows the title once, as its heading: in the title's place in
            the text (``metadata["title_span"]``, with its ``#`` marks and the line
            break after it), else above the text.
        options: how to draw the map.

    Returns:
        One HTML5 document (UTF-8 text) with the SVG, the data and the script inline.

    Raises:
        RenderError: Graphviz's ``dot`` is missing (the page embeds the SVG drawing).
    """
    svg = pipe(to_digraph(m, source=source, options=options), "svg").decode("utf-8")
    svg = _PROLOG.sub("", svg, count=1)
    title = html.escape(shown_as(m, source)(m.title) if m.title else "Argument map")
    # "</" cannot close the script element early once "<" is escaped in the JSON.
    data = json.dumps(_data(m, source), ensure_ascii=False).replace("<", "\\u003c")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} — argmap</title>\n<style>{_CSS}</style></head>\n<body>\n"
        '<div id="map"><button id="zoom" type="button" title="The map fits the pane; '
        f'this shows it at full size, to scroll">Actual size</button>{svg}</div>\n'
        '<div id="side"><div id="info">'
        "<h2>Hover or click a node</h2>Its span is highlighted in the article, with its "
        "markers and the rules of its relations.</div>\n"
        f'<div id="article">{_article(m, source, title)}</div></div>\n'
        f'<script type="application/json" id="argmap-data">{data}</script>\n'
        f"<script>{_JS}</script>\n</body></html>\n"
    )
