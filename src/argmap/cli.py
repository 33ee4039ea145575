"""The ``argmap`` command: a thin click layer over ``analyze``, ``render`` and JSON export."""

from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from argmap import __version__
from argmap.exceptions import ArgmapError, InputError

__all__ = ["main"]

_FORMATS = ("svg", "png", "pdf", "dot", "json")
_INPUT_FORMATS = ("auto", "text", "markdown", "html")
#: The standard streams' name on the command line.
STDIO = "-"


def _fail(exc: ArgmapError | str) -> NoReturn:
    click.echo(f"argmap: error: {exc}", err=True)
    sys.exit(1)


def _analyze(file: str, grammar: tuple[str, ...], encoding: str | None,
             input_format: str) -> tuple[Any, str]:
    from argmap.ingest import read_document
    from argmap.pipeline import analyze

    try:
        if file == STDIO:
            data = sys.stdin.buffer.read()
            document = read_document(data, encoding=encoding, format=input_format)
        else:
            document = read_document(Path(file), encoding=encoding, format=input_format)
        return analyze(document, grammar_files=grammar), document.text
    except ArgmapError as exc:
        _fail(exc)


def _check_output(file: str, output: Path) -> None:
    """Refuse an output path that is the input file or a directory (exit 1)."""
    if output.is_dir():
        _fail(InputError(f"the output path {output} is a directory; give a file name"))
    if file != STDIO and output.exists():
        try:
            same = output.samefile(file)
        except OSError:
            same = output.resolve() == Path(file).resolve()
        if same:
            _fail(InputError(f"the output path {output} is the input file; choose another -o"))


def _emit(data: bytes, output: str | None) -> None:
    """Write ``data`` to standard output (``None`` or ``-``) or atomically to a file."""
    if output in (None, STDIO):
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    from argmap.render import write_atomic

    try:
        write_atomic(Path(output), data)
    except ArgmapError as exc:
        _fail(exc)


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None,
                    ) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


_file_argument = click.argument("file", metavar="FILE")
_grammar_option = click.option(
    "--grammar", "grammar", multiple=True, type=click.Path(dir_okay=False),
    help="A .lark file extending the built-in marker grammar (repeatable).")
_encoding_option = click.option(
    "--encoding", default=None, callback=_check_encoding,
    help="Decode the input with this codec (utf-8, utf-16, gb18030, cp1252, latin-1 …) "
         "instead of detecting it.")
_input_format_option = click.option(
    "--input-format", "input_format", default="auto", show_default=True,
    type=click.Choice(_INPUT_FORMATS, case_sensitive=False),
    help="Read FILE as plain text, Markdown or HTML; auto goes by the extension, then "
         "by the content.")
_output_option = click.option(
    "-o", "--output", metavar="PATH",
    help="Write here instead of standard output (- is standard output); the file is "
         "replaced atomically.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Turn argumentative prose into argument maps with transparent rules.

    FILE is a text, Markdown or HTML file, or - to read standard input.
    """


@main.command()
@_file_argument
@click.option("-o", "--output", metavar="PATH",
              help="Output file; its extension picks the format; - is standard output. "
                   "Default: FILE's name with .svg, in the current folder.")
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS, case_sensitive=False),
              help="Output format; without -o, dot and json go to standard output.")
@_grammar_option
@_encoding_option
@_input_format_option
def render(file: str, output: str | None, fmt: str | None, grammar: tuple[str, ...],
           encoding: str | None, input_format: str) -> None:
    """Draw FILE's argument map with Graphviz (svg, png, pdf, dot or json)."""
    from argmap.render import render as render_map

    fmt = fmt.lower() if fmt else None
    if output == STDIO or (output is None and fmt in ("dot", "json")):
        target: str | Path = fmt or "svg"
    elif output is None:
        stem = "argmap" if file == STDIO else Path(file).stem
        target = Path(f"{stem}.{fmt or 'svg'}")
    else:
        target = Path(output)
        if fmt is None and target.suffix.lstrip(".").lower() not in _FORMATS:
            raise click.UsageError(
                f"cannot tell the format from {output!r}; use --format or one of the "
                f"extensions {', '.join('.' + f for f in _FORMATS)}")
    if isinstance(target, Path):
        _check_output(file, target)
    m, text = _analyze(file, grammar, encoding, input_format)
    try:
        result = render_map(m, target, source=text, format=fmt)
    except ArgmapError as exc:
        _fail(exc)
    if isinstance(result, bytes):
        _emit(result, None)
    else:
        click.echo(str(result))


@main.command()
@_file_argument
@_output_option
@click.option("-f", "--format", "fmt", default="json", show_default=True,
              type=click.Choice(("json",), case_sensitive=False),
              help="Output format (the argmap/1 JSON schema).")
@_grammar_option
@_encoding_option
@_input_format_option
def extract(file: str, output: str | None, fmt: str, grammar: tuple[str, ...],
            encoding: str | None, input_format: str) -> None:
    """Print FILE's argument map as JSON (schema in docs/json-schema.md)."""
    if output not in (None, STDIO):
        _check_output(file, Path(output))
    m, _ = _analyze(file, grammar, encoding, input_format)
    _emit((m.to_json() + "\n").encode("utf-8"), output)


@main.command()
@_file_argument
@_output_option
@click.option("-f", "--format", "fmt", default="tsv", show_default=True,
              type=click.Choice(("tsv", "json"), case_sensitive=False),
              help="tsv: one tab-separated line per unit; json: an array of units.")
@_grammar_option
@_encoding_option
@_input_format_option
def segment(file: str, output: str | None, fmt: str, grammar: tuple[str, ...],
            encoding: str | None, input_format: str) -> None:
    """Print one line per unit: id, character span, markers, role and text.

    The five columns are tab-separated; newlines and tabs inside the text are shown as
    single spaces (the span locates the exact characters). With --format json, an array
    of objects with the same fields and the exact text.
    """
    if output not in (None, STDIO):
        _check_output(file, Path(output))
    m, _ = _analyze(file, grammar, encoding, input_format)
    if fmt.lower() == "json":
        rows = [{"id": u.id, "start": u.span.start, "end": u.span.end,
                 "markers": [{"text": mk.text, "function": mk.function.value,
                              "start": mk.span.start, "end": mk.span.end}
                             for mk in u.markers],
                 "role": u.role.value, "text": u.text} for u in m.units]
        _emit((json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), output)
        return
    lines = []
    for unit in m.units:
        markers = ",".join(" ".join(f"{mk.text}:{mk.function.value}".split())
                           for mk in unit.markers) or "-"
        text = " ".join(unit.text.split())
        lines.append(f"{unit.id}\t{unit.span.start}-{unit.span.end}\t{markers}\t"
                     f"{unit.role.value}\t{text}\n")
    _emit("".join(lines).encode("utf-8"), output)


if __name__ == "__main__":  # pragma: no cover
    main()
