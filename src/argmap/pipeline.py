"""``analyze``: the one entry point from input to ``ArgumentMap`` that the API and CLI share."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs

from argmap.gcpause import paused
from argmap.grammar import load_grammar
from argmap.ingest import BlockKind, Document, read_document
from argmap.model import ArgumentMap, Span
from argmap.segment import segment
from argmap.structure import build_map

__all__ = ["analyze"]


def analyze(
    source: str | bytes | os.PathLike[str] | Document,
    *,
    grammar_files: Sequence[str | os.PathLike[str]] = (),
    encoding: str | None = None,
    format: str = "auto",
    units: Sequence[Span] | None = None,
) -> ArgumentMap:
    """Analyse a text and return its argument map.

    Args:
        source: a path, raw bytes, the text itself, or a :class:`~argmap.ingest.Document`.
            A one-line ``str`` naming an existing file is read as a path.
        grammar_files: user ``.lark`` files extending the built-in marker grammar.
        encoding: decode bytes with this codec instead of detecting it.
        format: ``auto``, ``text``, ``markdown`` or ``html`` (see
            :func:`~argmap.ingest.read_document`).
        units: take these spans (character offsets into the decoded text) as the units
            instead of segmenting, e.g. gold EDUs; the rules then decide only markers,
            relations and the central claim (see the module ``argmap.given``).

    Returns:
        The :class:`~argmap.model.ArgumentMap`. Every span in it is a character offset
        into the analysed text (``ArgumentMap.metadata["characters"]`` long): the decoded
        input, or for HTML the extracted main text. ``metadata`` records which
        (``text_source``: ``original`` or ``extracted``), the input ``format``, the
        ``encoding`` and the title's span (``title_span``, ``[start, end]`` or ``None``).

    Raises:
        argmap.exceptions.InputError: the input cannot be read as text.
        argmap.exceptions.EmptyInputError: the input is empty or only boilerplate.
        argmap.exceptions.GrammarFileError: a grammar file is missing or invalid.
        ValueError: given ``units`` overlap or lie outside the text.

    Called from the main thread, it pauses the cyclic garbage collector while the map is
    built and restores it after (the module ``argmap.gcpause``): the map's objects form
    no cycles, and the collector's passes over them cost 5–10% of the time on inputs of
    megabytes. From other threads the collector is left alone.

    Examples:
        >>> m = analyze("Fees must fall. First, they deter students. Second, they "
        ...             "burden families. However, cutting them costs money.")
        >>> m.unit(m.central_claim).text
        'Fees must fall.'
        >>> [(r.kind.value, r.subtype) for r in m.relations][:2]
        [('support', 'item'), ('support', 'item')]
    """
    with paused():
        return _analyze(source, grammar_files=grammar_files, encoding=encoding,
                        format=format, units=units)


def _analyze(
    source: str | bytes | os.PathLike[str] | Document,
    *,
    grammar_files: Sequence[str | os.PathLike[str]],
    encoding: str | None,
    format: str,
    units: Sequence[Span] | None,
) -> ArgumentMap:
    from pathlib import Path

    from argmap.exceptions import EmptyInputError

    grammar = load_grammar(tuple(Path(p) for p in grammar_files))
    document = source if isinstance(source, Document) else read_document(
        source, encoding=encoding, format=format)
    if units is None:
        seg = segment(document, grammar)
    else:
        from argmap.given import segment_given

        seg = segment_given(document, units, grammar)
    if not seg.units:
        where = document.source or "input"
        raise EmptyInputError(f"{where} has no argumentative text (only headings or "
                              "boilerplate)")
    # The paragraph and heading blocks (a second copy of the text) were read by the
    # segmenter only: let them go before the map is built. The units keep no copy: they
    # slice their text from the document's (model.SharedText).
    seg = attrs.evolve(seg, document=attrs.evolve(document, blocks=tuple(
        b for b in document.blocks if b.kind is BlockKind.TITLE)))
    m = build_map(seg, grammar=grammar)
    title = document.title
    metadata = {**m.metadata, "format": document.format, "text_source": document.text_source,
                "title_span": [title.span.start, title.span.end] if title else None}
    return attrs.evolve(m, metadata=metadata)
