"""Shared helpers of the export tests: the seed, the microtexts and the external readers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import attrs

from argmap.model import ArgumentMap, Relation, RelationKind

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ce97f1ba0d0e35d1.txt"
MICROTEXTS = ROOT.parent / "shared" / "corpora" / "arg-microtexts" / "en"
#: A text whose map has two undercuts that the rules make (argmap.undercut): of a
#: support ("so") and of a conceded point's attack ("Admittedly").
UNDERCUTS = ("Cars pollute, so cities should ban them. But that is no reason to ban them "
             "outright, because electric cars do not pollute.\n\nAdmittedly, a ban costs "
             "shops money. But that is beside the point.\n")


def argdown_cli() -> str | None:
    """The ``argdown`` executable: ``$ARGMAP_ARGDOWN``, the one ``.ci/run`` installs in
    ``.cache/argdown``, or one on PATH."""
    for candidate in (os.environ.get("ARGMAP_ARGDOWN"),
                      str(ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"),
                      shutil.which("argdown")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def with_undercut(m: ArgumentMap) -> ArgumentMap:
    """``m`` plus one undercut: the first attack's source undercuts the first support
    relation between two other units (the seed's rules make none; :data:`UNDERCUTS`
    is a text whose rules do)."""
    attack = next(r for r in m.relations if r.kind is RelationKind.ATTACK)
    support = next(r for r in m.relations if r.kind is RelationKind.SUPPORT
                   and attack.source not in (r.source, r.target))
    undercut = Relation(f"r-{attack.source}-{support.id}", attack.source, support.id,
                        RelationKind.ATTACK, "contrast", "contrast.opener", attack.marker)
    return attrs.evolve(m, relations=(*m.relations, undercut))
