"""Analyse many inputs: one JSON map per input, a JSON Lines index, all cores or a Dask cluster.

The unit of work is :class:`Job` (one input file, one output file); :func:`run_job` does
it and never raises for a bad input, so one failing input does not stop the others.
:func:`run_batch` runs the jobs in worker processes (``jobs`` of them) or, given a
``distributed`` scheduler address, as a ``dask.bag`` on that cluster, and writes
``index.jsonl`` in the output folder.
"""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

import attrs

from argmap.exceptions import ArgmapError, InputError
from argmap.ingest import SUFFIXES

__all__ = [
    "INDEX_NAME",
    "BatchReport",
    "Job",
    "Outcome",
    "expand_inputs",
    "gather_inputs",
    "plan_jobs",
    "run_batch",
    "run_job",
]

#: The JSON Lines index written in the output folder, one record per input.
INDEX_NAME = "index.jsonl"
#: File name patterns taken from a directory given as input (matched in any case): the
#: extensions :func:`~argmap.ingest.read_document` knows, text, Markdown and HTML.
DEFAULT_PATTERNS = tuple(f"*{suffix}" for suffix in SUFFIXES)
_GLOB_CHARS = frozenset("*?[")
#: How long to try to reach a Dask scheduler before giving up (a Dask time string).
CONNECT_TIMEOUT = "10s"


@attrs.frozen
class Job:
    """One input and the JSON file its map goes to."""

    source: Path
    output: Path

    def is_fresh(self) -> bool:
        """Whether the output exists and is newer than the input (so it can be skipped)."""
        try:
            return self.output.stat().st_mtime_ns >= self.source.stat().st_mtime_ns
        except OSError:
            return False


@attrs.frozen
class Outcome:
    """What became of one job; ``to_record`` is its line in ``index.jsonl``.

    Attributes:
        source: the input as found, or as given when it names nothing.
        output: the JSON map's path; ``None`` when the input failed (no map was written
            for it; ``error`` says why).
        status: ``"ok"`` (analysed now), ``"skipped"`` (output newer than input) or
            ``"failed"``.
        error: the one-line reason of a failure.
        size: the input's size in bytes.
        seconds: wall time of the analysis in seconds (0 when skipped).
    """

    source: str
    output: str | None
    status: str
    error: str | None = None
    size: int = 0
    units: int | None = None
    relations: int | None = None
    central_claim: str | None = None
    seconds: float = 0.0

    def to_record(self) -> dict[str, Any]:
        return attrs.asdict(self)


def expand_inputs(inputs: Iterable[str], patterns: Sequence[str] = DEFAULT_PATTERNS) -> list[Path]:
    """Files named by ``inputs``: files as given, directories searched recursively for
    file names that match ``patterns`` in any case (``a.HTML`` too), and glob patterns
    (``**`` allowed) expanded.

    Returns:
        Unique files, in the order given (each directory's and glob's files sorted).

    Raises:
        InputError: an input names nothing that exists, or a pattern matches no file.
    """
    files, unmatched = gather_inputs(inputs, patterns)
    if unmatched:
        raise unmatched[0][1]
    return files


def gather_inputs(inputs: Iterable[str], patterns: Sequence[str] = DEFAULT_PATTERNS,
                  ) -> tuple[list[Path], list[tuple[str, InputError]]]:
    """:func:`expand_inputs` that goes on past an input naming nothing.

    Returns:
        The unique files, as :func:`expand_inputs` finds them, and ``(input, error)``
        for each input that names nothing that exists or is a pattern that matches no
        file, so that a batch can analyse the rest and report these at the end.

    Example:
        >>> files, unmatched = gather_inputs(["nowhere.txt"])
        >>> files, [(item, str(e)) for item, e in unmatched]
        ([], [('nowhere.txt', 'cannot read nowhere.txt: no such file or directory')])
    """
    found: dict[Path, None] = {}
    unmatched: list[tuple[str, InputError]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            wanted = [p.lower() for p in patterns]
            files = sorted(f for f in path.rglob("*") if f.is_file()
                           and any(fnmatch.fnmatchcase(f.name.lower(), p) for p in wanted))
        elif path.is_file():
            files = [path]
        elif _GLOB_CHARS & set(item):
            files = sorted(Path(f) for f in glob.glob(item, recursive=True) if Path(f).is_file())
            if not files:
                unmatched.append((item, InputError(f"no file matches {item!r}")))
        else:
            unmatched.append((item, InputError(
                f"cannot read {item}: no such file or directory")))
            files = []
        found.update(dict.fromkeys(files))
    return list(found), unmatched


def plan_jobs(files: Sequence[Path], outdir: Path) -> list[Job]:
    """One :class:`Job` per file: ``OUTDIR/<path below the inputs' common folder>.json``.

    ``essays/a.txt`` and ``essays/b/c.txt`` go to ``OUTDIR/a.json`` and
    ``OUTDIR/b/c.json``. Two inputs that differ only by extension (``a.txt``,
    ``a.md``) keep it (``a.txt.json``, ``a.md.json``).

    Example:
        >>> [str(j.output) for j in plan_jobs([Path("d/a.txt"), Path("d/b/c.md")], Path("o"))]
        ['o/a.json', 'o/b/c.json']
    """
    if not files:
        return []
    absolute = [f.resolve() for f in files]
    root = Path(os.path.commonpath([f.parent for f in absolute]))
    relative = [f.relative_to(root) for f in absolute]
    stems = [r.with_suffix("") for r in relative]
    seen = Counter(stems)
    return [Job(f, outdir / r.parent / f"{r.name if seen[s] > 1 else s.name}.json")
            for f, r, s in zip(files, relative, stems, strict=True)]


def run_job(job: Job, grammar_files: tuple[str, ...] = (), encoding: str | None = None,
            *, skip_fresh: bool = True) -> Outcome:
    """Analyse one input and write its map as JSON (schema ``argmap/1``).

    Never raises for a bad input: an :class:`~argmap.exceptions.ArgmapError` or any
    other exception becomes a ``"failed"`` outcome with a one-line reason. The output is
    written to a temporary file first and renamed, so it is never half-written.
    """
    from argmap.pipeline import analyze

    source, output = str(job.source), str(job.output)
    try:
        size = job.source.stat().st_size
    except OSError as exc:
        return Outcome(source, None, "failed", f"cannot read {source}: {exc.strerror}")
    if skip_fresh and job.is_fresh():
        return Outcome(source, output, "skipped", size=size)
    started = time.perf_counter()
    try:
        m = analyze(job.source, grammar_files=grammar_files, encoding=encoding)
        job.output.parent.mkdir(parents=True, exist_ok=True)
        partial = job.output.with_name(f".{job.output.name}.{os.getpid()}.part")
        partial.write_text(m.to_json(), encoding="utf-8")
        os.replace(partial, job.output)
    except ArgmapError as exc:
        return Outcome(source, None, "failed", str(exc), size)
    except Exception as exc:  # one broken input must not stop the batch
        return Outcome(source, None, "failed", f"internal error: {type(exc).__name__}: {exc}",
                       size)
    return Outcome(source, output, "ok", None, size, len(m.units), len(m.relations),
                   m.central_claim, round(time.perf_counter() - started, 6))


@attrs.frozen
class BatchReport:
    """The outcomes of a batch, in input order, and its wall time in seconds."""

    outcomes: tuple[Outcome, ...]
    seconds: float

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "failed")


#: Called after each finished job with its outcome (for progress bars).
Progress = Callable[[Outcome], None]


def run_batch(jobs: Sequence[Job], outdir: Path, *, workers: int | None = None,
              scheduler: str | None = None, grammar_files: tuple[str, ...] = (),
              encoding: str | None = None, skip_fresh: bool = True,
              progress: Progress | None = None,
              unmatched: Sequence[tuple[str, InputError]] = ()) -> BatchReport:
    """Run ``jobs`` and write ``outdir/index.jsonl`` (one JSON record per job, in order).

    Args:
        jobs: from :func:`plan_jobs`.
        outdir: the output folder (made if missing).
        workers: worker processes on this machine; ``None`` = all cores, 1 = in this
            process.
        scheduler: address of a Dask ``distributed`` scheduler (``tcp://host:8786``):
            run the jobs there as a ``dask.bag`` instead. Its workers must see the
            inputs and ``outdir`` at the same paths (a shared file system).
        skip_fresh: skip inputs whose output is newer than the input (resume).
        progress: called with each outcome as it finishes.
        unmatched: inputs that named nothing (from :func:`gather_inputs`): each is a
            ``"failed"`` outcome after the jobs', with no output and its error.

    Raises:
        InputError: ``scheduler`` is given but ``dask.distributed`` is not installed or
            the scheduler cannot be reached.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[Outcome | None] = [None] * len(jobs)
    previous = _read_index(outdir / INDEX_NAME) if skip_fresh else {}
    stale: list[tuple[int, Job]] = []
    for n, job in enumerate(jobs):  # up-to-date outputs are skipped here, not in a worker
        if skip_fresh and job.is_fresh():
            skipped = results[n] = _skipped(job, previous.get(str(job.source)))
            if progress is not None:
                progress(skipped)
        else:
            stale.append((n, job))
    if not stale:
        stream: Iterable[tuple[int, Outcome]] = ()
    elif scheduler is not None:
        stream = _on_dask(stale, scheduler, grammar_files, encoding)
    elif (workers or os.cpu_count() or 1) <= 1 or len(stale) <= 1:
        stream = ((n, run_job(j, grammar_files, encoding, skip_fresh=False)) for n, j in stale)
    else:
        stream = _on_processes(stale, min(len(stale), workers or os.cpu_count() or 1),
                               grammar_files, encoding)
    for n, outcome in stream:
        results[n] = outcome
        if progress is not None:
            progress(outcome)
    outcomes = tuple(o for o in results if o is not None) + tuple(
        Outcome(item, None, "failed", str(error)) for item, error in unmatched)
    index = outdir / INDEX_NAME
    partial = index.with_name(f".{INDEX_NAME}.part")
    with partial.open("w", encoding="utf-8") as out:
        for outcome in outcomes:
            out.write(json.dumps(outcome.to_record(), ensure_ascii=False) + "\n")
    os.replace(partial, index)
    return BatchReport(outcomes, time.perf_counter() - started)


def _warm(grammar_files: tuple[str, ...]) -> None:
    """Worker initialiser: compile the grammar once per process, before the first job."""
    from argmap.grammar import load_grammar

    load_grammar(tuple(Path(p) for p in grammar_files))


def _read_index(path: Path) -> dict[str, dict[str, Any]]:
    """The records of an earlier run's index, by source (empty if there is none)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    records: dict[str, dict[str, Any]] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("source"), str):
            records[record["source"]] = record
    return records


def _skipped(job: Job, record: dict[str, Any] | None) -> Outcome:
    """The outcome of an up-to-date job, keeping what the earlier run recorded of it."""
    size = job.source.stat().st_size
    if record is None or record.get("status") != "ok":
        return Outcome(str(job.source), str(job.output), "skipped", size=size)
    return Outcome(str(job.source), str(job.output), "skipped", None, size,
                   record.get("units"), record.get("relations"), record.get("central_claim"))


def _on_processes(jobs: Sequence[tuple[int, Job]], workers: int,
                  grammar_files: tuple[str, ...],
                  encoding: str | None) -> Iterator[tuple[int, Outcome]]:
    """Run jobs in a pool of ``workers`` processes, at most ``4 * workers`` in flight.

    On Linux, when this process runs no other thread, the workers are forked after the
    grammar is compiled here, so they start at once (``ProcessPoolExecutor`` starts
    forked workers before its own manager thread); otherwise they are spawned, which is
    safe everywhere, and each loads the grammar from Lark's on-disk cache.
    """
    import multiprocessing
    import sys
    import threading
    from multiprocessing.context import BaseContext

    context: BaseContext
    if sys.platform == "linux" and threading.active_count() == 1:
        _warm(grammar_files)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm,
                             initargs=(grammar_files,)) as pool:
        pending: dict[Future[Outcome], int] = {}
        todo = iter(jobs)

        def submit(n: int, job: Job) -> None:
            pending[pool.submit(run_job, job, grammar_files, encoding, skip_fresh=False)] = n

        for n, job in todo:
            submit(n, job)
            if len(pending) >= 4 * workers:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
                nxt = next(todo, None)
                if nxt is not None:
                    submit(*nxt)


def _run_partition(part: Iterable[tuple[int, Job]], grammar_files: tuple[str, ...],
                   encoding: str | None) -> list[tuple[int, Outcome]]:
    return [(n, run_job(job, grammar_files, encoding, skip_fresh=False)) for n, job in part]


def _on_dask(jobs: Sequence[tuple[int, Job]], scheduler: str, grammar_files: tuple[str, ...],
             encoding: str | None) -> Iterator[tuple[int, Outcome]]:
    """Run jobs as a ``dask.bag`` on the ``distributed`` cluster at ``scheduler``."""
    import importlib

    try:  # typed as Any: dask's own annotations are partial
        db: Any = importlib.import_module("dask.bag")
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise InputError("--scheduler needs Dask: pip install 'argmap[dask]'") from exc
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # Small partitions keep every worker busy and the progress bar moving.
        size = max(1, min(64, len(jobs) // (4 * workers) or 1))
        bag = db.from_sequence(list(jobs), partition_size=size)
        parts = bag.map_partitions(_run_partition, grammar_files, encoding)
        futures = client.compute(parts.to_delayed())
        for future in distributed.as_completed(futures):
            yield from future.result()
