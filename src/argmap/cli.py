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


@main.command(name="eval")
@click.argument("corpus", metavar="CORPUS", type=click.Path(file_okay=False))
@click.option("--gold-units", is_flag=True,
              help="Score relations over the gold segments instead of argmap's own units.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="A table of scores, or everything as JSON.")
@_grammar_option
def evaluate(corpus: str, gold_units: bool, fmt: str, grammar: tuple[str, ...]) -> None:
    """Score argmap against a folder of ARG-XML gold graphs (e.g. the microtexts).

    Prints cc, ro, fu and at (macro-F1) and the labelled attachment score, as the mean
    over the folds of folds.json and pooled; end to end, also unit-boundary P/R/F1.
    """
    import json

    from argmap.evaluation import evaluate_corpus

    def progress(files: Any) -> Any:
        if not sys.stderr.isatty():
            yield from files
            return
        with click.progressbar(list(files), label="scoring", file=sys.stderr) as bar:
            yield from bar

    try:
        result = evaluate_corpus(corpus, gold_units=gold_units, grammar_files=grammar,
                                 progress=progress)
    except ArgmapError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(result.table())


if __name__ == "__main__":  # pragma: no cover
    main()
