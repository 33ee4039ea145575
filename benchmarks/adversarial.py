"""Adversarial inputs: does analysis time grow linearly with input size?

Each case is built at 1/8, 1/4, 1/2 and 1 times its full size and analysed (best of
``--repeat`` runs, to damp noise from other processes). The table gives seconds,
microseconds per character, and the growth exponent ``k`` fitted to ``time ~ size**k``
by least squares on the log-log points: ``k`` near 1 is linear, near 2 quadratic.

Run from a checkout::

    PYTHONPATH=src python benchmarks/adversarial.py            # all cases, full sizes
    PYTHONPATH=src python benchmarks/adversarial.py --scale 0.1 --repeat 1   # a quick look
    PYTHONPATH=src python benchmarks/adversarial.py markers-in-a-row nested-parens

This is a measurement, not a test: it prints numbers and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
import time
from collections.abc import Callable

import argmap
from argmap.exceptions import ArgmapError
from argmap.ingest import read_document

#: name -> (build(n) -> text, full n, unit of n, input format)
CASES: dict[str, tuple[Callable[[int], str], int, str, str]] = {
    # 1 MB of words with no sentence end: one sentence, one paragraph
    "no-sentence-end": (lambda n: "word " * (n // 5), 1_000_000, "chars", "text"),
    # 100,000 discourse markers in a row, in one sentence and as sentence openers
    "markers-in-a-row": (lambda n: "Fees rise " + "however " * n + "costs fall.",
                         100_000, "markers", "text"),
    "openers-in-a-row": (lambda n: "Fees rise. " + "However, " * n + "costs fall.",
                         100_000, "markers", "text"),
    # prose lines that look like index entries ("i n" and "civil" are locators) at the
    # tail of the text, where a run of index entries is sought; each is 1,990 characters
    "index-like-prose": (lambda n: "Fees rise.\n\n" + "\n\n".join(
        ["the public will, in civil ill, vii " * 57] * (n // 1990)), 1_000_000,
        "chars", "text"),
    # a byline and a leaders line with wide gaps under a title, again and again
    "furniture-gaps": (lambda n: "\n\n".join(
        ["Fees Must Fall\nBy " + "Ann   " * 45 + "!\n" + "a.. 1  " * 40 + "!"] * (n // 560)),
        1_000_000, "chars", "text"),
    "joiners-in-a-row": (lambda n: "Fees rise, but costs fall" * n + ".", 100_000,
                         "markers", "text"),
    "sentences-with-markers": (lambda n: "Fees rise. " + "However, costs fall. " * n,
                               100_000, "markers", "text"),
    # 10,000 nested brackets and quotes
    "nested-parens": (lambda n: "Fees rise " + "(" * n + "x" + ")" * n + ". It is so.",
                      10_000, "levels", "text"),
    "nested-quotes": (lambda n: "Fees rise " + "\u201c" * n + "x" + "\u201d" * n + ".",
                      10_000, "levels", "text"),
    "straight-quotes": (lambda n: "Fees rise " + '"' * (2 * n) + ". It is so.", 10_000,
                        "levels", "text"),
    "unclosed-brackets": (lambda n: "Fees rise " + "[ " * n + "x. However, it is so.",
                          10_000, "levels", "text"),
    # runs that trip backtracking regular expressions
    "dots-then-letter": (lambda n: "Fees rise " + "." * n + "x", 100_000, "chars", "text"),
    "stars-after-stop": (lambda n: "Fees rise." + "*" * n + "x", 100_000, "chars", "text"),
    "abbreviations": (lambda n: "Fees rise. " + "Dr. Smith and Mr. Jones and " * n + "x.",
                      20_000, "repeats", "text"),
    # one paragraph of distinct unmarked sentences: every one a central-claim candidate
    # (choose_thesis once compared each with all the others: 20,000 took 86 s)
    "one-long-paragraph": (lambda n: " ".join(
        f"Citizen number {i} paid the levy in full." for i in range(n)), 20_000,
        "sentences", "text"),
    # one paragraph of concessions and answers: the waiting unmarked units were listed
    # again for each marked one (32,000 pairs took 12.7 s)
    "exchanges-in-one-paragraph": (lambda n: " ".join(
        f"Plan {i} is costly. Admittedly, plan {i} is slow." for i in range(n // 2)),
        40_000, "sentences", "text"),
    "duplicate-sentences": (lambda n: "Prices rose. Wages fell. " * n, 20_000, "repeats",
                            "text"),
    # Markdown and HTML readers
    "markdown-emphasis": (lambda n: "# T\n\n" + "*a " * n + ".", 100_000, "marks",
                          "markdown"),
    "markdown-list": (lambda n: "# T\n\nWe propose:\n\n" + "- Cut fees now.\n" * n,
                      20_000, "items", "markdown"),
    "html-nested-divs": (lambda n: "<html><body>" + "<div>" * n + "<p>Fees must fall "
                         "because they deter students from applying.</p>" + "</div>" * n
                         + "</body></html>", 10_000, "levels", "html"),
    "html-paragraphs": (lambda n: "<html><body><article>" + "<p>Fees must fall, because "
                        "they deter students. However, they pay for teaching.</p>" * n
                        + "</article></body></html>", 5_000, "paragraphs", "html"),
}


def _time(text: str, fmt: str, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(ArgmapError):  # bad input is an answer too; it counts
            argmap.analyze(read_document(text, format=fmt))
        best = min(best, time.perf_counter() - start)
    return best


def _exponent(sizes: list[int], seconds: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / \
        sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", choices=[[], *CASES], default=[],
                        help="cases to run (default: all)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every full size by this (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per point, best kept")
    args = parser.parse_args(argv)
    argmap.analyze("Warm up. However, the grammar is compiled once.")
    argmap.analyze("<html><body><p>Warm up: trafilatura loads its settings once, and "
                   "lxml its parser.</p></body></html>", format="html")
    argmap.analyze("# Warm up\n\n- markdown-it builds its parser once.\n",
                   format="markdown")
    print(f"{'case':24} {'full size':>16} {'chars':>9} " +
          " ".join(f"{f'{f}x s':>8}" for f in ("1/8", "1/4", "1/2", "1")) +
          f" {'us/char':>8} {'MB/s':>6} {'k':>5}")
    for name in args.cases or CASES:
        build, full, unit, fmt = CASES[name]
        full = max(8, int(full * args.scale))
        sizes, lengths, seconds = [], [], []
        for fraction in (8, 4, 2, 1):
            n = full // fraction
            text = build(n)
            sizes.append(len(text))
            lengths.append(len(text))
            seconds.append(_time(text, fmt, args.repeat))
        k = _exponent(sizes, seconds)
        per_char = seconds[-1] / lengths[-1] * 1e6
        rate = len(build(full).encode("utf-8")) / seconds[-1] / 1e6
        print(f"{name:24} {f'{full:,} {unit}':>16} {lengths[-1]:>9,} " +
              " ".join(f"{t:8.3f}" for t in seconds) +
              f" {per_char:8.2f} {rate:6.2f} {k:5.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
