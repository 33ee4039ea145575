"""The ``argmap`` command: a thin click layer over ``analyze``, ``render`` and JSON export."""

from __future__ import annotations

import codecs
import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from argmap import __version__
from argmap.exceptions import ArgmapError, InputError, OptionError, OptionWarning

__all__ = ["main"]

_FORMATS = ("svg", "png", "pdf", "dot", "json", "aif", "argdown", "graphml", "mermaid", "html")
_BINARY = ("png", "pdf")
_TEXT_FORMATS = tuple(f for f in _FORMATS if f not in _BINARY)
_SEGMENT_FORMATS = ("tsv", "json")
_INPUT_FORMATS = ("auto", "text", "markdown", "html")
#: The standard streams' name on the command line.
STDIO = "-"
_F = TypeVar("_F", bound=Callable[..., Any])


def _fail(exc: ArgmapError | str) -> NoReturn:
    click.echo(f"argmap: error: {exc}", err=True)
    sys.exit(1)


def _analyze(file: str, grammar: tuple[str, ...], encoding: str | None,
             input_format: str = "auto") -> tuple[Any, str]:
    """The map of FILE (or standard input for -) and the text it indexes: the decoded
    input, or for HTML the extracted main text. The map's warnings
    (``metadata["warnings"]``) go to standard error, one ``argmap: warning:`` line each."""
    from argmap.ingest import read_document
    from argmap.pipeline import analyze

    try:
        if file == STDIO:
            data = sys.stdin.buffer.read()
            document = read_document(data, encoding=encoding, format=input_format)
        else:
            document = read_document(Path(file), encoding=encoding, format=input_format)
        m = analyze(document, grammar_files=grammar)
    except ArgmapError as exc:
        _fail(exc)
    where = "standard input" if file == STDIO else file
    for warning in m.metadata.get("warnings", ()):
        # the map's own warnings ('"…in three ways" (line 3): announces 3 items but has
        # 2'), with the file they are about
        click.echo(f"argmap: warning: {where}: {warning}", err=True)
    return m, document.text


def _load_grammar(grammar: tuple[str, ...]) -> Any:
    """The marker grammar extended by the ``--grammar`` files; a file that cannot be read
    or does not compile fails here, once, as bad input (exit 1)."""
    from argmap.grammar import load_grammar

    try:
        return load_grammar(tuple(Path(g) for g in grammar))
    except ArgmapError as exc:
        _fail(exc)


def _check_output(file: str, output: Path) -> None:
    """Refuse an output path that is the input file or a directory (bad input: exit 1),
    before anything is read or written."""
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
    "--grammar", "grammar", multiple=True, type=click.Path(),
    help="A .lark file extending the built-in marker grammar (repeatable); one that "
         "cannot be read or does not compile is bad input (exit 1).")
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

    FILE is a text, Markdown or HTML file, or - to read standard input.
    """


if TYPE_CHECKING:
    _StrChoice = click.Choice[str]
else:  # click.Choice takes a type parameter from click 8.4 on
    _StrChoice = click.Choice


class _UpperChoice(_StrChoice):
    """Upper-case choices, typed in any case and shown as written (``TB``, not the
    ``tb`` that ``case_sensitive=False`` shows in ``--help`` and in its errors)."""

    def normalize_choice(self, choice: object, ctx: click.Context | None) -> str:
        return super().normalize_choice(choice, ctx).upper()


def _kinds(ctx: click.Context, param: click.Parameter, value: str | None,
           ) -> tuple[str, ...] | None:
    from argmap.view import RELATION_KINDS

    if value is None:
        return None
    kinds = tuple(k.strip().lower() for k in value.split(",") if k.strip())
    bad = [k for k in kinds if k not in RELATION_KINDS]
    if bad:
        raise click.BadParameter(f"unknown kind {bad[0]!r}; choose from "
                                 f"{', '.join(RELATION_KINDS)}")
    return kinds


def _view_options(func: _F) -> _F:
    """The drawing and view options shared by ``render`` and ``extract``."""
    from argmap.diagram import ENGINES, RANKDIRS

    options = [
        click.option("--rankdir", type=_UpperChoice(tuple(RANKDIRS)),
                     help="Where the thesis sits: TB top (default), BT bottom, LR left, "
                          "RL right."),
        click.option("--wrap", type=click.IntRange(min=10), metavar="N",
                     help="Characters per node-label line (default 40)."),
        click.option("--palette", type=click.Choice(("color", "mono")),
                     help="color (default), or mono for greyscale print."),
        click.option("--no-clusters", "clusters", flag_value=False, default=None,
                     help="Do not box sections under their headings."),
        click.option("--no-legend", "legend", flag_value=False, default=None,
                     help="Leave the legend out."),
        click.option("--hide-kinds", callback=_kinds, metavar="K1,K2",
                     help="Collapse relations of these kinds or subtypes (e.g. "
                          "elaboration,default) and the detail hanging on them."),
        click.option("--focus", metavar="UNIT",
                     help="Show only the units near this unit id (ids: argmap segment)."),
        click.option("--depth", type=click.IntRange(min=0), metavar="K",
                     help="With --focus: how many relations away to go (default 2)."),
        click.option("--engine", type=click.Choice(ENGINES),
                     help="Graphviz layout engine (default dot)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _output_format(command: str, output: str, fmt: str | None, formats: tuple[str, ...],
                   default: str | None) -> str:
    """The format that ``command`` writes to ``-o OUTPUT``, the same rule for every
    command: a known extension (:data:`argmap.render.EXTENSIONS`) picks the format and
    must agree with ``--format`` (``fmt``); an unknown one takes ``fmt``, else the
    command's ``default``.

    Raises:
        click.UsageError: the extension contradicts ``fmt``, names a format the command
            does not write (``extract -o map.png``), or is unknown with neither ``fmt``
            nor a default (exit 2).
    """
    from argmap.render import EXTENSIONS, format_of

    implied = format_of(output)
    if fmt is not None and implied is not None and implied != fmt:
        raise click.UsageError(f"--format {fmt} contradicts the extension of {output!r}")
    if implied is not None and implied not in formats:
        hint = f"; 'argmap render' writes {implied}" if implied in _FORMATS else ""
        raise click.UsageError(f"the extension of {output!r} names {implied}, which "
                               f"'argmap {command}' does not write (it writes "
                               f"{', '.join(formats)}){hint}")
    chosen = fmt or implied or default
    if chosen is None:
        raise click.UsageError(
            f"cannot tell the format from {output!r}; use --format or one of the "
            f"extensions {' '.join(sorted(EXTENSIONS))}")
    return chosen


def _write(m: Any, text: str, target: str | Path, fmt: str | None,
           options: dict[str, Any]) -> bytes | Path:
    """Render, turning option warnings into ``argmap: warning:`` lines on stderr."""
    from argmap.render import render as render_map

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OptionWarning)
        try:
            result = render_map(m, target, source=text, format=fmt, **options)
        except OptionError as exc:
            raise click.UsageError(str(exc)) from None
        except ArgmapError as exc:
            _fail(exc)
    for w in caught:
        if issubclass(w.category, OptionWarning):
            click.echo(f"argmap: warning: {_in_flags(str(w.message))}", err=True)
    return result


def _in_flags(message: str) -> str:
    """An option warning of :func:`argmap.render.render`, with each keyword it names
    written as its flag ("depth applies only together with focus" -> "--depth applies
    only together with --focus"; ``legend`` -> ``--no-legend``)."""
    import re

    from argmap.render import OPTIONS

    def flag(m: re.Match[str]) -> str:
        return {"clusters": "--no-clusters", "legend": "--no-legend"}.get(
            m[0], "--" + m[0].replace("_", "-"))

    return re.sub(rf"\b(?:{'|'.join(OPTIONS)})\b", flag, message)


@main.command(short_help="Draw FILE's argument map or export it (svg, png, pdf, dot, json, …).")
@_file_argument
@click.option("-o", "--output", metavar="PATH",
              help="Output file; its extension picks the format (.svg .png .pdf .dot "
                   ".json .aif .argdown .graphml .mmd .html); - is standard output. "
                   "Default: FILE's name with .svg, in the current folder.")
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS, case_sensitive=False),
              help="Output format; without -o, text formats go to standard output.")
@_view_options
@_grammar_option
@_encoding_option
@_input_format_option
def render(file: str, output: str | None, fmt: str | None, grammar: tuple[str, ...],
           encoding: str | None, input_format: str, **options: Any) -> None:
    """Draw FILE's argument map or export it (svg, png, pdf, dot, json, aif, argdown,
    graphml, mermaid, html).

    Without -o the map goes to FILE's name with .svg (argmap.svg for -) in the current
    folder; with a text --format and no -o it goes to standard output.
    """
    fmt = fmt.lower() if fmt else None
    if output == STDIO:
        target: str | Path = fmt or "svg"
    elif output is None and fmt is not None and fmt not in _BINARY and fmt != "svg":
        target = fmt
    elif output is None:
        stem = "argmap" if file == "-" else Path(file).stem
        ext = {"mermaid": "mmd"}.get(fmt or "svg", fmt or "svg")
        target = Path(f"{stem}.{ext}")
    else:
        target = Path(output)
        _check_output(file, target)
        _output_format("render", output, fmt, _FORMATS, None)
    if isinstance(target, Path):
        _check_output(file, target)
    m, text = _analyze(file, grammar, encoding, input_format)
    result = _write(m, text, target, fmt,
                    {k: v for k, v in options.items() if v is not None})
    if isinstance(result, bytes) and (output == STDIO or (fmt or "svg") in _BINARY):
        _emit(result, STDIO)
    elif isinstance(result, bytes):
        out = result.decode("utf-8")
        click.echo(out, nl=not out.endswith("\n"))
    else:
        click.echo(str(result))


@main.command(short_help="Print FILE's argument map as JSON or another text format.")
@_file_argument
@_output_option
@click.option("-f", "--format", "fmt",
              type=click.Choice(_TEXT_FORMATS, case_sensitive=False),
              help="json (default, docs/json-schema.md), aif, argdown, graphml, mermaid, "
                   "html, dot or svg; the extension of -o picks it too and must agree.")
@_view_options
@_grammar_option
@_encoding_option
@_input_format_option
def extract(file: str, output: str | None, fmt: str | None, grammar: tuple[str, ...],
            encoding: str | None, input_format: str, **options: Any) -> None:
    """Print FILE's argument map on standard output (or write it to -o PATH), as JSON or
    another text format."""
    fmt = fmt.lower() if fmt else None
    if output not in (None, STDIO):
        _check_output(file, Path(output))
        fmt = _output_format("extract", output, fmt, _TEXT_FORMATS, "json")
    fmt = fmt or "json"
    m, text = _analyze(file, grammar, encoding, input_format)
    result = _write(m, text, fmt, fmt,
                    {k: v for k, v in options.items() if v is not None})
    assert isinstance(result, bytes)
    if output in (None, STDIO):
        click.echo(result.decode("utf-8"), nl=False)
    else:
        _emit(result, output)


@main.command(short_help="Say why each relation exists: marker, rule, sentence.")
@_file_argument
@click.option("--unit", "unit", metavar="ID", help="Only the relations of this unit id.")
@_grammar_option
@_encoding_option
@_input_format_option
def explain(file: str, unit: str | None, grammar: tuple[str, ...],
            encoding: str | None, input_format: str) -> None:
    """Say why each relation exists: one line per relation with its marker, rule and
    sentence, in the order of the text (`argmap rules` describes the rule ids). A
    relation whose marker lies in a third unit ends with (marker in "...")."""
    from argmap.explain import explain as explain_map

    m, text = _analyze(file, grammar, encoding, input_format)
    try:
        lines = explain_map(m, text, unit=unit)
    except KeyError:
        raise click.UsageError(f"no unit {unit!r} in the map; `argmap segment FILE` "
                               "lists the ids") from None
    for line in lines:
        click.echo(line)


@main.command(short_help="List every rule id with its description.")
@click.option("--flat", is_flag=True,
              help="One line per rule id: the id, two spaces, its description (for grep "
                   "and scripts), a shared description repeated on each.")
@_grammar_option
def rules(flat: bool, grammar: tuple[str, ...]) -> None:
    """List every rule id a relation can carry, with its description (taken from
    grammars/markers.lark and grammars/relations.lark).

    Rule ids that share a description (the variants of one rule for each marker
    position, the suffixes such as .to-thesis) are listed together, comma-separated,
    or, when more than six share a suffix that no other id has, named by it
    ("*.to-thesis (384 rule ids …)");
    the description, indented by four spaces, follows them once. --flat prints one
    line per id instead.
    """
    import textwrap

    from argmap.rules import catalog

    entries = catalog(_load_grammar(grammar))
    if flat:
        width = max(len(r.id) for r in entries)
        for r in entries:
            click.echo(f"{r.id:<{width}}  {r.description}")
        return
    groups: dict[str, list[str]] = {}
    for r in entries:
        groups.setdefault(r.description, []).append(r.id)
    for description, ids in groups.items():
        suffixes = {i.rsplit(".", 1)[-1] for i in ids}
        if len(ids) > _LISTED_IDS and len(suffixes) == 1 and len(ids) == sum(
                1 for r in entries if r.id.endswith(f".{next(iter(suffixes))}")):
            # a suffix rule that many rule ids carry: named by the suffix
            head = f"*.{suffixes.pop()} ({len(ids)} rule ids; --flat lists them)"
        else:
            head = textwrap.fill(", ".join(ids), width=100, break_long_words=False,
                                 break_on_hyphens=False)
        click.echo(head)
        click.echo(f"    {description}")


#: ``argmap rules`` lists the ids that share a description up to this many, else names
#: them by their common suffix ("*.to-thesis").
_LISTED_IDS = 6


@main.command(short_help="Print one line per unit: id, span, markers, role, text.")
@_file_argument
@_output_option
@click.option("-f", "--format", "fmt",
              type=click.Choice(_SEGMENT_FORMATS, case_sensitive=False),
              help="tsv (default): one tab-separated line per unit; json: an array of "
                   "units. A .json -o picks json and must agree.")
@_grammar_option
@_encoding_option
@_input_format_option
def segment(file: str, output: str | None, fmt: str | None, grammar: tuple[str, ...],
            encoding: str | None, input_format: str) -> None:
    """Print one line per unit: id, character span, markers, role and text.

    The five columns are tab-separated; newlines and tabs inside the text are shown as
    single spaces (the span locates the exact characters). With --format json, an array
    of objects with the same fields and the exact text. An -o file ending in .json
    picks json.
    """
    fmt = fmt.lower() if fmt else None
    if output not in (None, STDIO):
        _check_output(file, Path(output))
        fmt = _output_format("segment", output, fmt, _SEGMENT_FORMATS, "tsv")
    m, _ = _analyze(file, grammar, encoding, input_format)
    if fmt == "json":
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


@main.command(name="eval")
@click.argument("corpus", metavar="CORPUS", type=click.Path())
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

    _load_grammar(grammar)  # a bad grammar file fails once, not once per text

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

    Directories are searched for text, Markdown and HTML files: *.txt *.text *.md
    *.markdown *.mdown *.mkd *.html *.htm *.xhtml, in any case. A rerun skips inputs
    whose output is newer (use --force to redo them). A failing input (unreadable,
    empty, only boilerplate, or a file or pattern that names nothing) is reported at the
    end and does not stop the others; the exit status is 1 if any input failed.
    """
    from argmap.batch import gather_inputs, plan_jobs, run_batch

    if jobs is not None and scheduler is not None:
        raise click.UsageError("--jobs and --scheduler exclude each other")
    _load_grammar(grammar)  # a bad grammar file fails once, here, not once per input
    # an input that names nothing fails alone, reported at the end with the others; if
    # no input names a file argmap reads, that is bad input (exit 1) and nothing is written
    files, unmatched = gather_inputs(inputs)
    planned = plan_jobs(files, Path(outdir))
    if not planned and unmatched:
        _fail(unmatched[0][1])
    if not planned:
        _fail(InputError("the inputs hold no text, Markdown or HTML file (*.txt *.md "
                         "*.html …)"))
    bar = _progress_bar(sum(_size(j.source) for j in planned), len(planned), progress)

    def advance(outcome: Any) -> None:
        bar.set_postfix_str(_counts(bar.counts, outcome.status, len(planned)), refresh=False)
        bar.update(outcome.size)

    try:
        report = run_batch(planned, Path(outdir), workers=jobs, scheduler=scheduler,
                           grammar_files=grammar, encoding=encoding, skip_fresh=not force,
                           progress=advance, unmatched=unmatched)
    except ArgmapError as exc:
        bar.close()
        _fail(exc)
    bar.close()
    for outcome in report.failed:
        # most errors name their input already ("essays/a.txt is empty"): say it once
        error = str(outcome.error)
        named = error if str(outcome.source) in error else f"{outcome.source}: {error}"
        click.echo(f"argmap: failed: {named}", err=True)
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
