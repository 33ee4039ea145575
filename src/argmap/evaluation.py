"""Evaluate argmap on a corpus of ARG-XML gold graphs (the argumentative microtexts).

Two modes: **end to end** (argmap segments the ``.txt`` files itself; its units are
mapped to the gold segments by character overlap before the relations are scored, and
the unit boundaries are scored against the gold EDU boundaries) and **gold units** (the
rules decide roles, relations and the central claim over the gold segments). Scores are
the levels of :mod:`argmap.scoring`, reported as the mean over the standard folds
(``folds.json``: 10×5 cross-validation test folds of ``peldszus/evidencegraph``) and
pooled over the whole corpus.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from statistics import mean
from typing import Any

import attrs

from argmap.argxml import read_argxml
from argmap.exceptions import InputError
from argmap.model import Span
from argmap.scoring import LEVELS, Tree, labelled_attachment, level_vectors, macro_f1, tree_of

__all__ = ["BASELINES", "Evaluation", "TextResult", "boundary_counts", "evaluate_corpus"]

#: Reference figures (macro-F1, mean over the 50 folds; LAS as a share of segments).
#: The attach-to-first baseline (every segment supports the first; evidencegraph
#: ``src/experiments/run_baseline.py``) as computed in the corpus copy's ``FORMAT.md`` and
#: reproduced by this scorer; the target is the level of the trained evidence-graph
#: model of Peldszus & Stede (2015, EMNLP), as set in argmap's issue 3.
BASELINES: dict[str, dict[str, float]] = {
    "attach-to-first baseline": {"cc": 0.712, "ro": 0.439, "fu": 0.407, "at": 0.618,
                                 "las": 0.313},
    "target: trained evidence graph": {"cc": 0.86, "ro": 0.74, "fu": 0.76, "at": 0.71},
}

MODES = ("end-to-end", "gold-units")


@attrs.frozen
class TextResult:
    """The gold and predicted trees of one text, over its gold segments.

    Attributes:
        id: the text id (``micro_b001``).
        segments: the gold segment spans (character offsets into the text).
        texts: the segments' texts.
        gold: the gold tree.
        predicted: argmap's map projected onto the gold segments.
        boundaries: ``(gold, predicted, matched)`` internal unit-boundary counts
            (end-to-end mode; zeros in gold-units mode).
    """

    id: str
    segments: tuple[Span, ...]
    texts: tuple[str, ...]
    gold: Tree
    predicted: Tree
    boundaries: tuple[int, int, int] = (0, 0, 0)


def boundary_counts(gold: Sequence[Span], predicted: Sequence[Span]) -> tuple[int, int, int]:
    """Count internal unit boundaries: ``(gold, predicted, matched)``.

    A gold boundary is the start of every gold segment but the first. A predicted
    boundary is the gap between two consecutive predicted units, from the end of one to
    the start of the next (argmap leaves an opening marker such as "But still" and the
    punctuation out of its units, so the gap holds them). A gap matches a gold boundary
    that lies inside it (ends included); each is matched at most once, in text order.

    Example:
        >>> g = [Span(0, 10), Span(11, 30), Span(31, 40)]
        >>> p = [Span(0, 10), Span(21, 40)]        # "But still" left out: gap 10..21
        >>> boundary_counts(g, p)
        (2, 1, 1)
    """
    gold_points = [s.start for s in sorted(gold)[1:]]
    ordered = sorted(predicted)
    gaps = [(a.end, b.start) for a, b in pairwise(ordered)]
    matched, g = 0, 0
    for lo, hi in gaps:
        while g < len(gold_points) and gold_points[g] < lo:
            g += 1
        if g < len(gold_points) and gold_points[g] <= hi:
            matched += 1
            g += 1
    return len(gold_points), len(gaps), matched


def _prf(gold: int, predicted: int, matched: int) -> dict[str, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@attrs.frozen
class Evaluation:
    """The results of one evaluation run.

    Attributes:
        mode: ``"end-to-end"`` or ``"gold-units"``.
        texts: one :class:`TextResult` per text, sorted by id.
        folds: the test folds (lists of text ids); one fold of all texts when the corpus
            has no ``folds.json``.
    """

    mode: str
    texts: tuple[TextResult, ...]
    folds: tuple[tuple[str, ...], ...]

    def _scores(self, results: Sequence[TextResult]) -> dict[str, float]:
        gold = [level_vectors(r.gold) for r in results]
        pred = [level_vectors(r.predicted) for r in results]
        out = {lv: macro_f1([x for v in gold for x in v[lv]], [x for v in pred for x in v[lv]])
               for lv in LEVELS}
        right = total = 0
        for r in results:
            a, b = labelled_attachment(r.gold, r.predicted)
            right, total = right + a, total + b
        out["las"] = right / total if total else 0.0
        return out

    def scores(self) -> dict[str, dict[str, float]]:
        """``{"folds": {level: mean over folds}, "pooled": {level: score}}``.

        Levels are ``cc``, ``ro``, ``fu``, ``at`` (macro-F1) and ``las``.
        """
        by_id = {r.id: r for r in self.texts}
        per_fold = [self._scores([by_id[t] for t in fold if t in by_id])
                    for fold in self.folds if any(t in by_id for t in fold)]
        folds = {lv: mean(f[lv] for f in per_fold) for lv in (*LEVELS, "las")} \
            if per_fold else {}
        return {"folds": folds, "pooled": self._scores(self.texts)}

    def segmentation(self) -> dict[str, float]:
        """Unit-boundary precision, recall and F1, pooled over the corpus."""
        g, p, m = (sum(r.boundaries[i] for r in self.texts) for i in range(3))
        return {**_prf(g, p, m), "gold": g, "predicted": p, "matched": m}

    def confusion(self, level: str) -> dict[str, dict[str, int]]:
        """Pooled confusion counts of one level: ``{gold label: {predicted: count}}``."""
        counts: Counter[tuple[str, str]] = Counter()
        for r in self.texts:
            g, p = level_vectors(r.gold)[level], level_vectors(r.predicted)[level]
            counts.update(zip(g, p, strict=True))
        labels = sorted({a for a, _ in counts} | {b for _, b in counts})
        return {a: {b: counts[(a, b)] for b in labels} for a in labels}

    def errors(self, top: int = 10) -> list[dict[str, Any]]:
        """The most common error kinds, each with its count and one example.

        A segment is an error when its target or label (or its being the central claim)
        differs from gold. Its kind names what went wrong and the rule that made the
        predicted edge, e.g. ``"attack predicted as support (default.paragraph)"``.
        """
        kinds: Counter[str] = Counter()
        examples: dict[str, dict[str, Any]] = {}
        for r in self.texts:
            for i, text in enumerate(r.texts):
                kind = _error_kind(r.gold, r.predicted, i)
                if kind is None:
                    continue
                kinds[kind] += 1
                examples.setdefault(kind, {
                    "text": r.id, "segment": i + 1, "segment_text": text,
                    "gold": _describe(r.gold, i), "predicted": _describe(r.predicted, i)})
        return [{"kind": k, "count": n, "example": examples[k]} for k, n in kinds.most_common(top)]

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data: scores, segmentation, confusions, errors, texts."""
        out: dict[str, Any] = {"mode": self.mode, "texts_count": len(self.texts),
                               "folds_count": len(self.folds), **self.scores()}
        if self.mode == "end-to-end":
            out["segmentation"] = self.segmentation()
        out["baselines"] = BASELINES
        out["confusion"] = {lv: self.confusion(lv) for lv in LEVELS}
        out["errors"] = self.errors()
        out["texts"] = [{
            "id": r.id,
            "scores": self._scores([r]),
            "segments": [[s.start, s.end] for s in r.segments],
            "gold": _tree_dict(r.gold),
            "predicted": _tree_dict(r.predicted),
            **({"boundaries": dict(zip(("gold", "predicted", "matched"), r.boundaries,
                                       strict=True))} if self.mode == "end-to-end" else {}),
        } for r in self.texts]
        return out

    def table(self) -> str:
        """A plain-text table of the scores beside the baselines."""
        scores = self.scores()
        rows = [("argmap, mean over folds", scores["folds"]),
                ("argmap, pooled", scores["pooled"]),
                *BASELINES.items()]
        head = f"{'':38}" + "".join(f"{lv:>7}" for lv in (*LEVELS, "las"))
        lines = [f"argmap eval: {len(self.texts)} texts, {len(self.folds)} folds, "
                 f"mode {self.mode}", "", head]
        for name, row in rows:
            cells = "".join(f"{row[lv]:>7.3f}" if lv in row else f"{'-':>7}"
                            for lv in (*LEVELS, "las"))
            lines.append(f"{name:38}{cells}")
        if self.mode == "end-to-end":
            s = self.segmentation()
            lines += ["", f"unit boundaries: precision {s['precision']:.3f}  recall "
                          f"{s['recall']:.3f}  F1 {s['f1']:.3f}  ({s['matched']} of "
                          f"{s['gold']} gold, {s['predicted']} predicted)"]
        return "\n".join(lines)


def _tree_dict(t: Tree) -> dict[str, Any]:
    return {"root": t.root, "edges": [
        {"source": i, "target": p, "label": lab, **({"rule": t.rules[i]} if t.rules else {})}
        for i, (p, lab) in enumerate(zip(t.parents, t.labels, strict=True)) if p is not None]}


def _describe(t: Tree, i: int) -> str:
    if i == t.root:
        return "central claim"
    if t.parents[i] is None:
        return "unattached"
    kind = "support" if t.labels[i] == "sup" else "attack"
    rule = f" [{t.rules[i]}]" if t.rules and t.rules[i] else ""
    return f"{kind} of segment {(t.parents[i] or 0) + 1}{rule}"


def _error_kind(gold: Tree, pred: Tree, i: int) -> str | None:
    rule = (pred.rules[i] if pred.rules else None) or "no relation"
    g_root, p_root = i == gold.root, i == pred.root
    if g_root and p_root:
        return None
    if g_root:
        return f"central claim predicted as {_name(pred.labels[i])} ({rule})"
    if p_root:
        return f"{_name(gold.labels[i])} predicted as the central claim"
    if pred.parents[i] is None:
        return f"{_name(gold.labels[i])} left unattached"
    same_label = gold.labels[i] == pred.labels[i]
    same_target = gold.parents[i] == pred.parents[i]
    if same_label and same_target:
        return None
    if same_label:
        return f"{_name(gold.labels[i])} attached to the wrong unit ({rule})"
    where = "right unit" if same_target else "wrong unit"
    return f"{_name(gold.labels[i])} predicted as {_name(pred.labels[i])}, {where} ({rule})"


def _name(label: str | None) -> str:
    return {"sup": "support", "att": "attack"}.get(label or "", "unattached")


def _folds(corpus: Path) -> tuple[tuple[str, ...], ...] | None:
    for place in (corpus, corpus.parent):
        path = place / "folds.json"
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                return tuple(tuple(f) for f in data["folds"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path} is not a folds file ({exc})") from exc
    return None


def evaluate_corpus(
    corpus: str | os.PathLike[str],
    *,
    gold_units: bool = False,
    grammar_files: Sequence[str | os.PathLike[str]] = (),
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> Evaluation:
    """Run argmap on every ``.xml``/``.txt`` pair of ``corpus`` and score it.

    Args:
        corpus: a folder of ARG-XML files with their ``.txt`` texts; ``folds.json`` in
            it or its parent gives the test folds.
        gold_units: score relations over the gold segments (``--gold-units``) instead of
            argmap's own segmentation.
        grammar_files: user grammar files, as for :func:`argmap.analyze`.
        progress: wraps the list of files (e.g. a progress bar).

    Returns:
        The :class:`Evaluation`.

    Raises:
        InputError: the folder is missing or holds no ARG-XML file, or a file is
            malformed.
    """
    from argmap.ingest import Document
    from argmap.pipeline import analyze

    folder = Path(corpus)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder")
    files = sorted(folder.glob("*.xml"))
    if not files:
        # a corpus keeps one folder per language (arg-microtexts/en): name those
        inside = sorted(str(d) for d in folder.iterdir() if d.is_dir() and any(d.glob("*.xml")))
        hint = f"; try {' or '.join(inside)}" if inside else ""
        raise InputError(f"{folder} holds no ARG-XML (.xml) file{hint}")
    results = []
    for path in progress(files) if progress else files:
        gold = read_argxml(path)
        txt = path.with_suffix(".txt")
        text = txt.read_text(encoding="utf-8") if txt.is_file() else \
            " ".join(u.text for u in gold.units)
        segments = tuple(u.span for u in gold.units)
        doc = Document.from_text(text, source=str(txt))
        try:  # an ArgmapError (empty text, bad grammar) passes through unchanged
            predicted = analyze(doc, grammar_files=grammar_files,
                                units=segments if gold_units else None)
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
        edus = [Span(a, b) for a, b in gold.metadata["edus"]]
        results.append(TextResult(
            id=str(gold.metadata["id"]), segments=segments,
            texts=tuple(u.text for u in gold.units),
            gold=tree_of(gold, segments), predicted=tree_of(predicted, segments),
            boundaries=(0, 0, 0) if gold_units else
            boundary_counts(edus, [u.span for u in predicted.units])))
    results.sort(key=lambda r: r.id)
    folds = _folds(folder) or (tuple(r.id for r in results),)
    return Evaluation("gold-units" if gold_units else "end-to-end", tuple(results), folds)

