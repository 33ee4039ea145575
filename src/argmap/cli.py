"""The ``argmap`` command: a thin click layer over ``analyze``, ``render`` and JSON export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from argmap import __version__
from argmap.exceptions import ArgmapError

__all__ = ["main"]

_FORMATS = ("svg", "png", "pdf", "dot", "json")


def _fail(exc: ArgmapError) -> NoReturn:
    click.echo(f"argmap: error: {exc}", err=True)
    sys.exit(1)


def _analyze(file: str, grammar: tuple[str, ...], encoding: str | None) -> tuple[Any, str]:
    from argmap.ingest import read_document
    from argmap.pipeline import analyze

    try:
        if file == "-":
            data = sys.stdin.buffer.read()
            document = read_document(data, encoding=encoding)
        else:
            document = read_document(Path(file), encoding=encoding)
        return analyze(document, grammar_files=grammar), document.text
    except ArgmapError as exc:
        _fail(exc)


_file_argument = click.argument("file", metavar="FILE")
_grammar_option = click.option(
    "--grammar", "grammar", multiple=True, type=click.Path(dir_okay=False),
    help="A .lark file extending the built-in marker grammar (repeatable).")
_encoding_option = click.option(
    "--encoding", default=None, help="Decode the input with this codec instead of detecting it.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Turn argumentative prose into argument maps with transparent rules.

    FILE is a text file, or - to read standard input.
    """


@main.command()
@_file_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Output file; its extension picks the format. "
                   "Default: FILE's name with .svg, in the current folder.")
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS, case_sensitive=False),
              help="Output format; without -o, dot and json go to standard output.")
@_grammar_option
@_encoding_option
def render(file: str, output: str | None, fmt: str | None, grammar: tuple[str, ...],
           encoding: str | None) -> None:
    """Draw FILE's argument map with Graphviz (svg, png, pdf, dot or json)."""
    from argmap.render import render as render_map

    if output is None and fmt in ("dot", "json"):
        target: str | Path = fmt
    elif output is None:
        stem = "argmap" if file == "-" else Path(file).stem
        target = Path(f"{stem}.{fmt or 'svg'}")
    else:
        target = Path(output)
        if fmt is None and target.suffix.lstrip(".").lower() not in _FORMATS:
            raise click.UsageError(
                f"cannot tell the format from {output!r}; use --format or one of the "
                f"extensions {', '.join('.' + f for f in _FORMATS)}")
    if isinstance(target, Path) and file != "-" and target.resolve() == Path(file).resolve():
        raise click.UsageError("the output path is the input file; choose another -o")
    m, text = _analyze(file, grammar, encoding)
    try:
        result = render_map(m, target, source=text, format=fmt)
    except ArgmapError as exc:
        _fail(exc)
    if isinstance(result, bytes):
        click.echo(result.decode("utf-8"), nl=False)
    else:
        click.echo(str(result))


@main.command()
@_file_argument
@_grammar_option
@_encoding_option
def extract(file: str, grammar: tuple[str, ...], encoding: str | None) -> None:
    """Print FILE's argument map as JSON (schema in docs/json-schema.md)."""
    m, _ = _analyze(file, grammar, encoding)
    click.echo(m.to_json())


@main.command()
@_file_argument
@_grammar_option
@_encoding_option
def segment(file: str, grammar: tuple[str, ...], encoding: str | None) -> None:
    """Print one line per unit: id, character span, markers, role and text.

    The five columns are tab-separated; newlines and tabs inside the text are shown as
    single spaces (the span locates the exact characters).
    """
    m, _ = _analyze(file, grammar, encoding)
    for unit in m.units:
        markers = ",".join(" ".join(f"{mk.text}:{mk.function.value}".split())
                           for mk in unit.markers) or "-"
        text = " ".join(unit.text.split())
        click.echo(f"{unit.id}\t{unit.span.start}-{unit.span.end}\t{markers}\t"
                   f"{unit.role.value}\t{text}")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUTS...")
@click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
              type=click.Path(file_okay=False, writable=True),
              help="Output folder: one .json map per input and index.jsonl.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; 1 runs in this process).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Run on a Dask distributed cluster (tcp://host:8786) instead.")
@click.option("--force", is_flag=True,
              help="Analyse every input, even those whose output is newer.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
@_grammar_option
@_encoding_option
def batch(inputs: tuple[str, ...], outdir: str, jobs: int | None, scheduler: str | None,
          force: bool, progress: bool | None, grammar: tuple[str, ...],
          encoding: str | None) -> None:
    """Analyse many INPUTS (files, directories, globs) into OUTDIR, one JSON map each.

    Directories are searched for *.txt, *.md and *.text files. A rerun skips inputs
    whose output is newer (use --force to redo them). A failing input is reported at
    the end and does not stop the others; the exit status is 1 if any input failed.
    """
    from argmap.batch import expand_inputs, plan_jobs, run_batch
    from argmap.grammar import load_grammar

    if jobs is not None and scheduler is not None:
        raise click.UsageError("--jobs and --scheduler exclude each other")
    try:  # a bad grammar file fails once, here, not once per input
        load_grammar(tuple(Path(g) for g in grammar))
    except ArgmapError as exc:
        _fail(exc)
    try:
        planned = plan_jobs(expand_inputs(inputs), Path(outdir))
    except ArgmapError as exc:
        click.echo(f"argmap: error: {exc}", err=True)
        sys.exit(2)
    if not planned:
        raise click.UsageError("the inputs hold no *.txt, *.md or *.text file")
    bar = _progress_bar(sum(_size(j.source) for j in planned), len(planned), progress)

    def advance(outcome: Any) -> None:
        bar.set_postfix_str(_counts(bar.counts, outcome.status, len(planned)), refresh=False)
        bar.update(outcome.size)

    try:
        report = run_batch(planned, Path(outdir), workers=jobs, scheduler=scheduler,
                           grammar_files=grammar, encoding=encoding, skip_fresh=not force,
                           progress=advance)
    except ArgmapError as exc:
        bar.close()
        _fail(exc)
    bar.close()
    for outcome in report.failed:
        click.echo(f"argmap: failed: {outcome.source}: {outcome.error}", err=True)
    size = sum(o.size for o in report.outcomes if o.status == "ok")
    click.echo(f"argmap: {len(report.outcomes)} inputs: {report.count('ok')} analysed, "
               f"{report.count('skipped')} up to date, {report.count('failed')} failed; "
               f"{size / 1e6:.2f} MB in {report.seconds:.1f} s; index: "
               f"{Path(outdir) / 'index.jsonl'}", err=True)
    sys.exit(1 if report.failed else 0)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _counts(counts: dict[str, int], status: str, total: int) -> str:
    counts[status] = counts.get(status, 0) + 1
    done = sum(counts.values())
    return f"{done}/{total} files, {counts.get('failed', 0)} failed"


def _progress_bar(total_bytes: int, files: int, enabled: bool | None) -> Any:
    """A tqdm bar over input bytes (rate in MB/s, ETA), with file counts after it."""
    from tqdm import tqdm

    # No monitor thread: the batch forks its workers only while it runs no other thread.
    tqdm.monitor_interval = 0
    bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000,
               desc="argmap batch", disable=None if enabled is None else not enabled,
               dynamic_ncols=True, smoothing=0.1)
    bar.counts = {}
    bar.set_postfix_str(f"0/{files} files, 0 failed", refresh=False)
    return bar


if __name__ == "__main__":  # pragma: no cover
    main()
