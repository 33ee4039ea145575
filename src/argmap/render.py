"""Write a map in any output format: Graphviz drawings, JSON, AIF, Argdown, GraphML, …"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from argmap.diagram import WRAP, DrawOptions, pipe, to_digraph
from argmap.exceptions import OptionWarning, RenderError
from argmap.model import ArgumentMap
from argmap.view import select

__all__ = ["EXTENSIONS", "FORMATS", "OPTIONS", "WRAP", "format_of", "render", "to_digraph",
           "write_atomic"]

#: Output formats by name; svg, png, pdf and html need Graphviz's ``dot``.
FORMATS = ("svg", "png", "pdf", "dot", "json", "aif", "argdown", "graphml", "mermaid", "html")
#: File extensions and the format each one names (longest match wins: ``.aif.json``).
EXTENSIONS = {
    ".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot",
    ".json": "json", ".aif": "aif", ".aif.json": "aif", ".argdown": "argdown",
    ".ad": "argdown", ".graphml": "graphml", ".mmd": "mermaid", ".mermaid": "mermaid",
    ".html": "html", ".htm": "html",
}
_GRAPHVIZ = ("svg", "png", "pdf", "dot", "html")
#: Each option and the formats it applies to; the view options apply to every format.
OPTIONS: dict[str, tuple[str, ...]] = {
    "rankdir": (*_GRAPHVIZ, "mermaid"),
    "wrap": (*_GRAPHVIZ, "mermaid"),
    "palette": (*_GRAPHVIZ, "mermaid"),
    "clusters": (*_GRAPHVIZ, "mermaid"),
    "legend": _GRAPHVIZ,
    "engine": _GRAPHVIZ,
    "hide_kinds": FORMATS,
    "focus": FORMATS,
    "depth": FORMATS,
}


def format_of(path: str | os.PathLike[str]) -> str | None:
    """The format a file name's extension names (``map.aif.json`` -> ``aif``), or ``None``.

    Example:
        >>> format_of("out/map.aif.json"), format_of("map.SVG"), format_of("map.txt")
        ('aif', 'svg', None)
    """
    name = Path(path).name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext) and len(name) > len(ext):
            return EXTENSIONS[ext]
    return None


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


def _text_exporters() -> dict[str, Callable[[ArgumentMap, str | None, dict[str, Any]], str]]:
    from argmap.export.aif import to_aif_json
    from argmap.export.argdown import to_argdown
    from argmap.export.graphml import to_graphml
    from argmap.export.mermaid import to_mermaid

    return {
        "json": lambda m, source, o: m.to_json() + "\n",
        "aif": lambda m, source, o: to_aif_json(m),
        "argdown": lambda m, source, o: to_argdown(m, source=source),
        "graphml": lambda m, source, o: to_graphml(m),
        "mermaid": lambda m, source, o: to_mermaid(
            m, source=source, rankdir=o.get("rankdir") or "TB", wrap=o.get("wrap") or WRAP,
            clusters=o.get("clusters", True) is not False,
            palette=o.get("palette") or "color"),
    }


def render(m: ArgumentMap, target: str | os.PathLike[str], *, source: str | None = None,
           format: str | None = None, rankdir: str | None = None, wrap: int | None = None,
           palette: str | None = None, clusters: bool | None = None,
           legend: bool | None = None, hide_kinds: Sequence[str] | None = None,
           focus: str | None = None, depth: int | None = None, engine: str | None = None,
           ) -> bytes | Path:
    """Render a map to a format (returns the bytes) or to a file (returns its path).

    Args:
        m: the map.
        target: a format name from :data:`FORMATS` (``"svg"``, ``"aif"`` …) or a path
            whose extension names the format (:data:`EXTENSIONS`).
        source: the analysed text, so that the HTML page shows the article and the
            labels of a map read from Markdown are read with the text between them
            and its reference links (see ``argmap.diagram.unit_labels``).
        format: the format, overriding the path's extension.
        rankdir: where the thesis sits: ``TB`` (top, the default), ``BT``, ``LR``, ``RL``.
        wrap: characters per node-label line (default 40).
        palette: ``color`` (default) or ``mono`` for greyscale print.
        clusters: draw sections as labelled boxes (default true).
        legend: draw the legend (default true).
        hide_kinds: relation kinds or subtypes to collapse (see ``argmap.view.select``).
        focus: a unit id: show only the units near it.
        depth: how many relations away from ``focus`` to go (default 2).
        engine: the Graphviz layout engine (default ``dot``).

    An option given for a format it does not apply to (``rankdir`` for ``json``) is
    ignored with an :class:`~argmap.exceptions.OptionWarning` that says so.

    Returns:
        ``bytes`` for a format name (UTF-8 text for the text formats); the
        :class:`~pathlib.Path` written for a path.

    Raises:
        RenderError: unknown format, ``dot`` missing for SVG/PNG/PDF/HTML, or an
            unwritable path.
        OptionError: a bad option value (unknown unit id, kind, engine …).
    """
    path: Path | None = None
    fmt = format.lower() if format else None
    if isinstance(target, str) and target.lower() in FORMATS and fmt in (None, target.lower()):
        fmt = target.lower()
    else:
        path = Path(target)
        fmt = fmt or format_of(path) or path.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    given = {k: v for k, v in {
        "rankdir": rankdir, "wrap": wrap, "palette": palette, "clusters": clusters,
        "legend": legend, "hide_kinds": hide_kinds, "focus": focus, "depth": depth,
        "engine": engine}.items() if v is not None}
    for name in list(given):
        if fmt not in OPTIONS[name]:
            warnings.warn(OptionWarning(f"{name} does not apply to {fmt} output; ignored"),
                          stacklevel=2)
            del given[name]
    if "depth" in given and focus is None:
        warnings.warn(OptionWarning("depth applies only together with focus; ignored"),
                      stacklevel=2)
    view = select(m, focus=focus, depth=2 if depth is None else depth,
                  hide_kinds=hide_kinds or ())
    if fmt in _GRAPHVIZ:
        options = DrawOptions(
            rankdir=rankdir or "TB", wrap=wrap or WRAP, palette=palette or "color",
            clusters=clusters is not False, legend=legend is not False,
            engine=engine or "dot")
        if fmt == "html":
            from argmap.export.html import to_html

            data = to_html(view, source=source, options=options).encode("utf-8")
        elif fmt == "dot":
            data = to_digraph(view, source=source, options=options).source.encode("utf-8")
        else:
            data = pipe(to_digraph(view, source=source, options=options), fmt)
    else:
        data = _text_exporters()[fmt](view, source, given).encode("utf-8")
    if path is None:
        return data
    write_atomic(path, data)
    return path
