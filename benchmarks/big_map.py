"""Measure how large a map argmap can draw: analyse the first N characters of the
Gutenberg essay corpus, then time DOT, SVG (Graphviz ``dot``), the focused SVG and the
text exports. Not a test; run it by hand:

    python benchmarks/big_map.py [UNITS ...]      # default: 250 500 1000 2000

Each run prints one line per step: units, relations, seconds, output size in bytes.
``ARGMAP_BENCH_TIMEOUT`` (seconds, default 600) bounds each Graphviz layout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import argmap
from argmap.diagram import to_digraph
from argmap.render import render

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gutenberg-essays" / \
    "corpus.txt"


def text_with_units(units: int) -> str:
    """A prefix of the corpus, cut at a paragraph, with about ``units`` ADUs."""
    text = CORPUS.read_text(encoding="utf-8")
    size = units * 160  # about 160 characters per unit in these essays
    while True:
        cut = text.rfind("\n\n", 0, size)
        m = argmap.analyze(text[:cut])
        if len(m.units) >= units or cut >= len(text) - 2:
            return text[:cut]
        size = int(size * units / max(len(m.units), 1) * 1.05)


def timed(label: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = func(*args, **kwargs)
    print(f"  {label:<22} {time.perf_counter() - start:8.2f} s  "
          f"{len(out) if isinstance(out, (bytes, str)) else '':>10}", flush=True)
    return out


def main(sizes: list[int]) -> None:
    timeout = float(os.environ.get("ARGMAP_BENCH_TIMEOUT", "600"))
    for n in sizes:
        text = text_with_units(n)
        m = timed("analyze", argmap.analyze, text)
        print(f"{len(m.units)} units, {len(m.relations)} relations, {len(text)} characters")
        dot = timed("dot source", render, m, "dot", source=text)
        for fmt in ("json", "aif", "argdown", "graphml", "mermaid"):
            timed(fmt, render, m, fmt, source=text)
        start = time.perf_counter()
        try:
            svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True,
                                 timeout=timeout, check=True).stdout
            print(f"  {'svg (dot)':<22} {time.perf_counter() - start:8.2f} s  {len(svg):>10}")
        except subprocess.TimeoutExpired:
            print(f"  {'svg (dot)':<22} > {timeout:.0f} s: timed out")
        start = time.perf_counter()
        try:
            svg = subprocess.run(["dot", "-Tsvg"], capture_output=True, timeout=timeout,
                                 input=to_digraph(m, source=text).source.replace(
                                     "newrank=true", "newrank=true splines=false").encode(),
                                 check=True).stdout
            print(f"  {'svg, straight edges':<22} {time.perf_counter() - start:8.2f} s  "
                  f"{len(svg):>10}")
        except subprocess.TimeoutExpired:
            print(f"  {'svg, straight edges':<22} > {timeout:.0f} s: timed out")
        focus = m.central_claim or m.units[0].id
        timed("svg --focus thesis -d2", render, m, "svg", source=text, focus=focus, depth=2)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000, 2000])
