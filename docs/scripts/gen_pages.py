"""mkdocs-gen-files script: the generated pages (gallery, rules, API) and the maps they show.

It documents the checkout it lives in: ``src/`` comes first on ``sys.path``, whatever
argmap is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "src", ROOT / "docs" / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import api_reference  # noqa: E402
import gallery  # noqa: E402
import mkdocs_gen_files  # noqa: E402
import rules_reference  # noqa: E402


def _write(path: str, data: str | bytes) -> None:
    mode = "wb" if isinstance(data, bytes) else "w"
    with mkdocs_gen_files.open(path, mode) as fh:
        fh.write(data)


def main() -> None:
    entries = gallery.load_entries()
    built = {}
    for entry in entries:
        if not entry.available():
            continue
        b = gallery.build(entry)
        built[entry.slug] = b
        _write(f"gallery/{entry.slug}.md", b.markdown)
        _write(f"gallery/maps/{entry.slug}.svg", b.svg)
    _write("gallery/index.md", gallery.index(entries, built))
    _write("reference/rules.md", rules_reference.page())
    _write("reference/api.md", api_reference.page())


main()
