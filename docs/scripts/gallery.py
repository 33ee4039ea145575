"""The gallery: real texts, their maps drawn by this checkout's argmap, and a reading of each.

``docs/gallery/gallery.toml`` lists the entries in page order. Each names its text:

* ``path``: a file in the repository (the seed, or an excerpt in ``docs/gallery/texts/``
  whose first line is ``SOURCE: …``; that line and the blank line after it are not
  analysed);
* ``corpus``: a file of the shared corpora, read from ``../shared/corpora/`` (or from
  ``$ARGMAP_SHARED/corpora/``) at build time and never copied into the repository.

Each entry also records the start of the central claim the reading was written for
(``central_claim``). When the map's central claim changes, building the gallery fails
with a message asking for the map to be looked at and the reading updated, so a reading
never silently describes a map that is no longer drawn.
"""

from __future__ import annotations

import html
import inspect
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import argmap

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "docs" / "gallery"
CATALOGUE = GALLERY / "gallery.toml"


class GalleryError(Exception):
    """An entry's text is unreadable, or its map no longer matches its reading."""


def shared_dir() -> Path:
    """The shared data folder: ``$ARGMAP_SHARED`` or ``../shared`` beside the checkout."""
    env = os.environ.get("ARGMAP_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


@dataclass(frozen=True)
class Entry:
    """One gallery text, as ``gallery.toml`` describes it."""

    slug: str
    title: str
    credit: str
    licence: str
    reading: str
    central_claim: str
    path: str | None = None
    corpus: str | None = None
    notes: list[str] = field(default_factory=list)

    def source_file(self) -> Path:
        if self.path is not None:
            return ROOT / self.path
        assert self.corpus is not None
        return shared_dir() / "corpora" / self.corpus

    def available(self) -> bool:
        return self.source_file().is_file()

    def text(self) -> tuple[str, str | None]:
        """The text to analyse and its SOURCE line (``None`` when it has none)."""
        try:
            raw = self.source_file().read_text(encoding="utf-8")
        except OSError as exc:
            raise GalleryError(f"gallery entry {self.slug!r}: cannot read "
                               f"{self.source_file()}: {exc.strerror}") from None
        first, _, rest = raw.partition("\n")
        if first.startswith("SOURCE:"):
            return rest.lstrip("\n"), first.removeprefix("SOURCE:").strip()
        return raw, None


def load_entries(catalogue: Path = CATALOGUE) -> list[Entry]:
    """Read ``gallery.toml``; each ``[[entry]]`` names exactly one of ``path`` or ``corpus``."""
    data = tomllib.loads(catalogue.read_text(encoding="utf-8"))
    entries = [Entry(**row) for row in data["entry"]]
    for entry in entries:
        if (entry.path is None) == (entry.corpus is None):
            raise GalleryError(f"gallery entry {entry.slug!r} needs exactly one of path, corpus")
    return entries


@dataclass(frozen=True)
class Built:
    """One gallery page and the SVG map it shows."""

    slug: str
    markdown: str
    svg: bytes
    m: argmap.ArgumentMap


def build(entry: Entry) -> Built:
    """Analyse an entry's text, draw its map as SVG, and write its page.

    Raises:
        GalleryError: the text is unreadable, or the central claim is no longer the one
            the reading was written for.
    """
    text, source_line = entry.text()
    m = argmap.analyze(text)
    claim = m.unit(m.central_claim).text if m.central_claim else ""
    if not claim.startswith(entry.central_claim):
        raise GalleryError(
            f"gallery entry {entry.slug!r}: the central claim is now {claim[:80]!r}, not the "
            f"one its reading was written for ({entry.central_claim!r}). Look at the new map "
            "and update the reading and central_claim in docs/gallery/gallery.toml.")
    # Node labels show each unit's opening marker; older renderers need the text for it.
    needs_text = "source" in inspect.signature(argmap.render).parameters
    svg = argmap.render(m, "svg", **({"source": text} if needs_text else {}))
    assert isinstance(svg, bytes)
    return Built(entry.slug, _page(entry, m, text, source_line), svg, m)


def _page(entry: Entry, m: argmap.ArgumentMap, text: str, source_line: str | None) -> str:
    kinds = Counter(r.kind.value for r in m.relations)
    roles = Counter(u.role.value for u in m.units)
    where = entry.path or f"../shared/corpora/{entry.corpus}"
    lines = [
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        f"# {entry.title}",
        "",
        f"*{entry.credit}* — {entry.licence}",
        "",
    ]
    if source_line:
        lines += [f"Source: {source_line}", ""]
    lines += [
        '<div class="argmap-figure" markdown>',
        "",
        f"[![The argument map of {_cell(entry.title, 200)}](maps/{entry.slug}.svg)]"
        f"(maps/{entry.slug}.svg)",
        "",
        "</div>",
        "",
        f"[Open the map at full size](maps/{entry.slug}.svg) · drawn "
        f"at build time by argmap {argmap.__version__} from `{where}`.",
        "",
        "## Reading",
        "",
        entry.reading.strip(),
        "",
        "## What argmap found",
        "",
        f"- **{len(m.units)} units**: "
        + ", ".join(f"{n} {role.replace('_', ' ')}" for role, n in sorted(roles.items())),
        f"- **{len(m.relations)} relations**: "
        + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())),
        f"- **{len(m.enumerations)} enumerations**, **{len(m.sections)} sections**, "
        f"**{len(m.boilerplate)} boilerplate lines** left out",
        f"- **Central claim**: “{_one_line(m.unit(m.central_claim).text)}”"
        if m.central_claim else "- **Central claim**: none",
        "",
        "??? note \"Every relation, with the rule that made it\"",
        "",
        "    | from | kind | to | marker | rule |",
        "    |---|---|---|---|---|",
    ]
    for r in m.relations:
        target = (_cell(m.unit(r.target).text, 60) if any(u.id == r.target for u in m.units)
                  else f"`{r.target}`")
        marker = f"“{_cell(r.marker.text, 20)}”" if r.marker else ""
        lines.append(f"    | {_cell(m.unit(r.source).text, 60)} | {r.kind.value} ({r.subtype}) "
                     f"| {target} | {marker} | `{r.rule}` |")
    lines += ["", "??? quote \"The text\"", ""]
    for para in text.strip().split("\n\n"):
        lines += ["    " + _cell(para, 100_000), ""]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str, width: int) -> str:
    """Text for a Markdown table cell: one line, ``|`` escaped, cut at ``width`` characters."""
    text = _one_line(text)
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return html.escape(text, quote=False).replace("|", "&#124;").replace("_", r"\_") \
        .replace("*", r"\*")


def index(entries: list[Entry], built: dict[str, Built]) -> str:
    """The gallery's front page: one card per entry; missing corpus texts are named."""
    lines = [
        "# Gallery",
        "",
        "Real texts and the maps argmap draws of them. Every map on these pages is drawn "
        "when the site is built, by the argmap of the same commit, so the pictures never "
        "drift from the code. Each page has a short reading of its map: what argmap got "
        "right and what it got wrong.",
        "",
        "| text | units | relations | central claim |",
        "|---|---|---|---|",
    ]
    missing = []
    for entry in entries:
        b = built.get(entry.slug)
        if b is None:
            missing.append(entry)
            continue
        claim = b.m.unit(b.m.central_claim).text if b.m.central_claim else "—"
        lines.append(f"| [{entry.title}]({entry.slug}.md) | {len(b.m.units)} | "
                     f"{len(b.m.relations)} | {_cell(claim, 90)} |")
    if missing:
        lines += ["", '!!! warning "Texts left out of this build"', ""]
        for entry in missing:
            lines.append(f"    - {entry.title}: `{entry.source_file()}` is not on this machine "
                         "(the shared corpora are read at build time, never copied).")
    lines += [
        "",
        "The two microtexts are from the *arg-microtexts* corpus: Andreas Peldszus and "
        "Manfred Stede (2016), “An annotated corpus of argumentative microtexts”, in "
        "*Argumentation and Reasoning in Natural Language*, licensed under "
        "[CC BY-NC-SA 4.0](https://creativecommons.org/licenses/by-nc-sa/4.0/). They are "
        "quoted here under that licence and are not part of argmap's MIT-licensed code. "
        "The essays are public-domain Project Gutenberg texts.",
        "",
    ]
    return "\n".join(lines)
