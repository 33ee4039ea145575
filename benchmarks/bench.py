"""argmap's speed beside its peers, its scaling, memory, batch speed-up and start-up.

Run from the repository root (``pip install -e '.[bench]'`` first)::

    python benchmarks/bench.py              # everything (about 5 minutes on 2 cores)
    python benchmarks/bench.py --only throughput --runs 5 --limit 1

It prints Markdown tables (the ones in ``benchmarks/README.md``). Figures are MB of
UTF-8 input per second of wall time: the median of ``--runs`` runs after one warm-up,
all tools measured in the same run, because the machine is shared and noisy; the ratios
are what to compare between machines.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "gutenberg-essays" / "corpus.txt"
sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, not an installed argmap


def mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: imports, compiled grammars and models, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# ------------------------------------------------------------------ the tools


def argmap_analyze(text: str) -> Callable[[], object]:
    """Each run starts with empty memos of marker patterns and of the words before full
    stops (as a fresh process would): memos warmed by the same text would flatter the
    figure."""
    from argmap.grammar import load_grammar
    from argmap.pipeline import analyze
    from argmap.segment import _before

    grammar = load_grammar()

    def run() -> object:
        grammar.forget()
        _before.cache_clear()
        return analyze(text)

    return run


def spacy_sentencizer(text: str) -> Callable[[], object]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = len(text) + 1

    def run() -> int:
        return sum(len(list(doc.sents)) for doc in nlp.pipe(paragraphs(text)))

    return run


def syntok_segmenter(text: str) -> Callable[[], object]:
    from syntok import segmenter

    def run() -> int:
        return sum(1 for p in paragraphs(text) for para in segmenter.analyze(p) for _ in para)

    return run


def pysbd_segmenter(text: str) -> Callable[[], object]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda: sum(len(seg.segment(p)) for p in paragraphs(text))


def marker_words() -> list[str]:
    """The literal words and phrases of argmap's grammar (markers and function words)."""
    from argmap.grammar import load_grammar

    words: set[str] = set()
    for info in load_grammar().terminals.values():
        if re.fullmatch(r"[a-z]+(?: [a-z]+)*", info.pattern):
            words.add(info.pattern)
        elif re.fullmatch(r"[a-z]+(?:\|[a-z]+)+", info.pattern):
            words.update(info.pattern.split("|"))
    return sorted(words)


def trie_regex(words: list[str]) -> str:
    """One regular expression shaped as a trie of ``words`` (shared prefixes factored)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch).replace("\\ ", r"\s+") + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return rf"\b{build(trie)}\b"


def regex_floor(text: str) -> Callable[[], object]:
    pattern = re.compile(trie_regex(marker_words()), re.IGNORECASE)
    return lambda: len(pattern.findall(text))


PEERS: dict[str, tuple[str, Callable[[str], Callable[[], object]]]] = {
    "argmap": ("`analyze` (ingest, segment, relate, structure; no layout)", argmap_analyze),
    "spacy": ("spaCy blank `en` + rule-based `sentencizer` (sentences only)", spacy_sentencizer),
    "syntok": ("syntok `segmenter.analyze` (sentences only)", syntok_segmenter),
    "pysbd": ("pySBD `Segmenter(clean=False)` (sentences only)", pysbd_segmenter),
    "regex": ("one trie-shaped regex over the grammar's words (`findall`)", regex_floor),
}


def throughput(text: str, runs: int, pysbd_limit: float) -> list[dict[str, object]]:
    rows = []
    for name, (what, make) in PEERS.items():
        sample = text[: int(pysbd_limit * 1e6)] if name == "pysbd" else text
        sample = sample[: sample.rfind("\n\n")] if len(sample) < len(text) else sample
        try:
            seconds = median_time(make(sample), runs)
        except ImportError as exc:
            rows.append({"tool": name, "what": what, "error": f"not installed ({exc.name})"})
            continue
        rows.append({"tool": name, "what": what, "mb": round(mb(sample), 2),
                     "seconds": round(seconds, 3), "mb_s": round(mb(sample) / seconds, 3)})
        print(f"  {name}: {rows[-1]['mb_s']} MB/s", file=sys.stderr)
    return rows


# ------------------------------------------------------------------ scaling, memory

# Peak RSS is the kernel's high-water mark of this process (VmHWM): unlike ru_maxrss, it
# is not inherited from the parent across fork and exec.
_CHILD = """
import re, resource, sys, time
def hwm():
    try:
        status = open("/proc/self/status").read()
        return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) * 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
sys.path.insert(0, {src!r})
from argmap.pipeline import analyze
from argmap.grammar import load_grammar
load_grammar()
text = open({path!r}, encoding="utf-8").read()
base = hwm()
started = time.perf_counter()
m = analyze(text)
seconds = time.perf_counter() - started
print(seconds, base, hwm(), len(m.units))
"""


def scaling(text: str, sizes: list[float]) -> dict[str, object]:
    """Time and peak memory (RSS, bytes) of ``analyze`` on growing prefixes, one process each."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            want = int(size * 1e6)
            body = text
            while len(body.encode("utf-8")) < want:  # repeat the corpus past its 5 MB
                body += "\n\n" + text
            body = body[:want]
            body = body[: body.rfind("\n\n")]
            path = Path(tmp) / f"{size}.txt"
            path.write_text(body, encoding="utf-8")
            out = subprocess.run(
                [sys.executable, "-c", _CHILD.format(src=str(ROOT / "src"), path=str(path))],
                check=True, capture_output=True, text=True).stdout.split()
            seconds, base, peak, units = float(out[0]), int(out[1]), int(out[2]), int(out[3])
            size_mb = mb(body)
            rows.append({"mb": round(size_mb, 3), "seconds": round(seconds, 3),
                         "mb_s": round(size_mb / seconds, 3), "units": units,
                         "peak_rss_mb": round(peak / 1e6, 1),
                         "rss_growth_mb": round((peak - base) / 1e6, 1),
                         "limit_mb": round(5 * size_mb + 100, 1)})
            print(f"  {size_mb:.2f} MB: {seconds:.2f} s, peak {peak / 1e6:.0f} MB",
                  file=sys.stderr)
    xs = [math.log(r["mb"]) for r in rows]  # type: ignore[arg-type]
    ys = [math.log(r["seconds"]) for r in rows]  # type: ignore[arg-type]
    slope, _ = statistics.linear_regression(xs, ys)
    return {"rows": rows, "exponent": round(slope, 3)}


# ------------------------------------------------------------------ batch, start-up


def batch_speedup(text: str, files: int, runs: int) -> dict[str, object]:
    """``run_batch`` over ``files`` slices of the corpus with 1 and with 2 worker processes."""
    from argmap.batch import Job, run_batch
    from argmap.grammar import load_grammar

    parts = paragraphs(text)
    per = math.ceil(len(parts) / files)
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        sources = []
        for n in range(files):
            path = Path(tmp) / "in" / f"part{n:03d}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text("\n\n".join(parts[n * per:(n + 1) * per]) or "Empty.", "utf-8")
            sources.append(path)
        size = sum(p.stat().st_size for p in sources) / 1e6
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        machine = []
        for run in range(runs):  # interleaved, so that both see the same load
            for workers in (1, 2):
                outdir = Path(tmp) / f"out{workers}-{run}"
                jobs = [Job(p, outdir / f"{p.stem}.json") for p in sources]
                load_grammar().forget()  # forked workers would inherit warm memos
                before = _cpu_seconds()
                started = time.perf_counter()
                report = run_batch(jobs, outdir, workers=workers)
                times[workers].append(time.perf_counter() - started)
                cpu[workers].append(_cpu_seconds() - before)
                assert not report.failed, report.failed
            machine.append(machine_speedup())
        for workers in (1, 2):
            out[f"seconds_{workers}"] = round(statistics.median(times[workers]), 3)
            out[f"cpu_{workers}"] = round(statistics.median(cpu[workers]), 3)
            out[f"mb_s_{workers}"] = round(size / statistics.median(times[workers]), 3)
            print(f"  batch, {workers} worker(s): {out[f'mb_s_{workers}']} MB/s, "
                  f"{out[f'cpu_{workers}']} CPU s", file=sys.stderr)
        out["mb"] = round(size, 2)
        out["files"] = files
        out["speedup"] = round(out["seconds_1"] / out["seconds_2"], 2)  # type: ignore[operator]
        # What two otherwise idle cores would give: the CPU work is shared with no loss
        # other than the extra CPU time that a second process costs.
        out["efficiency"] = round(out["cpu_1"] / out["cpu_2"], 3)  # type: ignore[operator]
        out["machine"] = round(statistics.median(machine), 2)
        print(f"  two plain CPU loops: {out['machine']}x", file=sys.stderr)
    return out


_SPIN = """
import multiprocessing, statistics, time
def spin(n):
    total = 0
    for i in range(n):
        total += i
    return total
if __name__ == "__main__":
    times = []
    for procs in (1, 2):
        started = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(procs) as pool:
            pool.map(spin, [10_000_000] * 2)
        times.append(time.perf_counter() - started)
    print(times[0] / times[1])
"""


def machine_speedup() -> float:
    """Wall-time speed-up of 2 processes over 1 on a pure CPU loop, measured now: what
    the shared machine can give two workers at this moment (2.0 on two idle cores).
    It runs in a child process, so that this one starts no thread (``run_batch`` forks
    its workers only from a single-threaded process)."""
    out = subprocess.run([sys.executable, "-c", _SPIN], check=True, capture_output=True,
                         text=True)
    return float(out.stdout)


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children, in seconds."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def startup(runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    seed = ROOT / "seeds" / "000_ce97f1ba0d0e35d1.txt"
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "version": [sys.executable, "-m", "argmap", "--version"],
            "render_svg": [sys.executable, "-m", "argmap", "render", str(seed),
                           "-o", str(Path(tmp) / "seed.svg")],
        }
        for name, cmd in commands.items():
            subprocess.run(cmd, check=True, env=env, capture_output=True)  # warm caches
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(cmd, check=True, env=env, capture_output=True)
                times.append(time.perf_counter() - started)
            result[name] = round(statistics.median(times), 3)
            print(f"  {name}: {result[name]} s", file=sys.stderr)
    return result


# ------------------------------------------------------------------ report


def markdown(results: dict[str, object]) -> str:
    lines = [f"Measured {results['date']} on {results['machine']}.", ""]
    if "throughput" in results:
        rows = results["throughput"]
        by = {r["tool"]: r for r in rows if "mb_s" in r}  # type: ignore[index, union-attr]
        ours = by.get("argmap", {}).get("mb_s")
        lines += ["| tool | what it does | input MB | median s | MB/s | argmap ÷ tool |",
                  "|---|---|---:|---:|---:|---:|"]
        for r in rows:  # type: ignore[union-attr]
            if "mb_s" not in r:
                lines.append(f"| {r['tool']} | {r['what']} | | | {r['error']} | |")
                continue
            ratio = f"{ours / r['mb_s']:.2f}" if ours else ""
            lines.append(f"| {r['tool']} | {r['what']} | {r['mb']} | {r['seconds']} | "
                         f"{r['mb_s']} | {ratio} |")
        lines.append("")
    if "scaling" in results:
        sc = results["scaling"]
        lines += ["| input MB | seconds | MB/s | units | peak RSS MB | growth MB | "
                  "limit 5×input+100 MB |", "|---:|---:|---:|---:|---:|---:|---:|"]
        for r in sc["rows"]:  # type: ignore[index]
            lines.append(f"| {r['mb']} | {r['seconds']} | {r['mb_s']} | {r['units']} | "
                         f"{r['peak_rss_mb']} | {r['rss_growth_mb']} | {r['limit_mb']} |")
        lines += ["", f"Fitted exponent (time ∝ size^k, least squares on logs): "
                      f"**k = {sc['exponent']}**", ""]  # type: ignore[index]
    if "batch" in results:
        b = results["batch"]
        lines += [f"`run_batch` over {b['files']} files ({b['mb']} MB): 1 worker "  # type: ignore[index]
                  f"{b['mb_s_1']} MB/s, 2 workers {b['mb_s_2']} MB/s: wall-time speed-up "  # type: ignore[index]
                  f"**{b['speedup']}×**. CPU seconds: {b['cpu_1']} (1 worker), "  # type: ignore[index]
                  f"{b['cpu_2']} (2 workers): parallel efficiency {b['efficiency']}, "  # type: ignore[index]
                  f"so two idle cores would give {2 * b['efficiency']:.2f}×. In the same "
                  f"minute two plain CPU-bound processes got {b['machine']}× over one "  # type: ignore[index]
                  f"(2.0 on an idle machine).", ""]
    if "startup" in results:
        s = results["startup"]
        lines += [f"Start-up (median wall time of a fresh process): `argmap --version` "
                  f"**{s['version']} s**; `argmap render` of the seed to SVG "  # type: ignore[index]
                  f"**{s['render_svg']} s**.", ""]  # type: ignore[index]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up")
    parser.add_argument("--limit", type=float, default=None,
                        help="use only the first MB of the corpus for throughput")
    parser.add_argument("--pysbd-limit", type=float, default=1.0,
                        help="MB given to pySBD (it is ~30x slower than the others)")
    parser.add_argument("--sizes", default="0.1,0.3,1,3,10", help="MB sizes for scaling")
    parser.add_argument("--only", default="throughput,scaling,batch,startup")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"bench: the corpus is not at {args.corpus} (see benchmarks/README.md)")
    text = args.corpus.read_text(encoding="utf-8")
    if args.limit:
        text = text[: text.rfind("\n\n", 0, int(args.limit * 1e6))]
    results: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                   f"{platform.processor() or platform.platform()}, Python "
                   f"{platform.python_version()}, load average at start "
                   f"{os.getloadavg()[0]:.1f} (other users' jobs)",
    }
    only = set(args.only.split(","))
    if "throughput" in only:
        print("throughput …", file=sys.stderr)
        results["throughput"] = throughput(text, args.runs, args.pysbd_limit)
    if "scaling" in only:
        print("scaling …", file=sys.stderr)
        full = args.corpus.read_text(encoding="utf-8")
        results["scaling"] = scaling(full, [float(s) for s in args.sizes.split(",")])
    if "batch" in only:
        print("batch …", file=sys.stderr)
        results["batch"] = batch_speedup(text, 40, max(1, args.runs // 2))
    if "startup" in only:
        print("start-up …", file=sys.stderr)
        results["startup"] = startup(args.runs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
