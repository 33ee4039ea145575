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


def _analyze(file: str, grammar: tuple[str, ...], encoding: str | None) -> Any:
    from argmap.ingest import read_document
    from argmap.pipeline import analyze

    try:
        if file == "-":
            data = sys.stdin.buffer.read()
            document = read_document(data, encoding=encoding)
        else:
            document = read_document(Path(file), encoding=encoding)
        return analyze(document, grammar_files=grammar)
    except ArgmapError as exc:
        _fail(exc)


_file_argument = click.argument("file", metavar="FILE")
_grammar_option = click.option(
    "--grammar", "grammar", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="A .lark file extending the built-in marker grammar (repeatable).")
_encoding_option = click.option(
    "--encoding", default=None, help="Decode the input with this codec instead of detecting it.")


class _Group(click.Group):
    """A click group whose errors are one line, ``argmap: error: …`` (exit 2 for usage)."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False,
                                  **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.format_message(), err=True)  # bare "argmap": the help, exit 2
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            hint = f" (see 'argmap {exc.ctx.info_name} --help')" \
                if exc.ctx is not None and exc.ctx.parent is not None else \
                " (see 'argmap --help')"
            click.echo(f"argmap: error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"argmap: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("argmap: error: aborted", err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


@click.group(name="argmap", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def main() -> None:
    """Turn argumentative prose into argument maps with transparent rules.

    FILE is a text file, or - to read standard input.
    """


@main.command(short_help="Draw FILE's argument map (svg, png, pdf, dot, json).")
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
    """Draw FILE's argument map with Graphviz (svg, png, pdf, dot or json).

    Without -o the map goes to FILE's name with .svg (argmap.svg for -) in the current
    folder; with --format dot or json and no -o it goes to standard output.
    """
    from argmap.render import render as render_map

    if output is None and fmt in ("dot", "json"):
        target: str | Path = fmt
    elif output is None:
        stem = "argmap" if file == "-" else Path(file).stem
        target = Path(f"{stem}.{fmt or 'svg'}")
    else:
        target = Path(output)
        extension = target.suffix.lstrip(".").lower()
        if fmt is None and extension not in _FORMATS:
            raise click.UsageError(
                f"cannot tell the format from {output!r}; use --format or one of the "
                f"extensions {', '.join('.' + f for f in _FORMATS)}")
        if fmt is not None and extension in _FORMATS and extension != fmt.lower():
            raise click.UsageError(
                f"--format {fmt} contradicts the extension of {output!r}")
    if isinstance(target, Path) and file != "-" and target.resolve() == Path(file).resolve():
        raise click.UsageError("the output path is the input file; choose another -o")
    m = _analyze(file, grammar, encoding)
    try:
        result = render_map(m, target, format=fmt)
    except ArgmapError as exc:
        _fail(exc)
    if isinstance(result, bytes):
        out = result.decode("utf-8")
        click.echo(out, nl=not out.endswith("\n"))
    else:
        click.echo(str(result))


@main.command(short_help="Print FILE's argument map as JSON.")
@_file_argument
@_grammar_option
@_encoding_option
def extract(file: str, grammar: tuple[str, ...], encoding: str | None) -> None:
    """Print FILE's argument map as JSON (schema in docs/json-schema.md)."""
    m = _analyze(file, grammar, encoding)
    click.echo(m.to_json())


@main.command(short_help="Print one line per unit: id, span, markers, role, text.")
@_file_argument
@_grammar_option
@_encoding_option
def segment(file: str, grammar: tuple[str, ...], encoding: str | None) -> None:
    """Print one line per unit: id, character span, markers, role and text.

    The five columns are tab-separated; newlines and tabs inside the text are shown as
    single spaces (the span locates the exact characters).
    """
    m = _analyze(file, grammar, encoding)
    for unit in m.units:
        markers = ",".join(" ".join(f"{mk.text}:{mk.function.value}".split())
                           for mk in unit.markers) or "-"
        text = " ".join(unit.text.split())
        click.echo(f"{unit.id}\t{unit.span.start}-{unit.span.end}\t{markers}\t"
                   f"{unit.role.value}\t{text}")


if __name__ == "__main__":  # pragma: no cover
    main()
