"""MkDocs hook: list the gallery's pages in the navigation, in ``gallery.toml`` order.

Loaded first, with the configuration, so it also puts this checkout's ``src/`` at the
front of ``sys.path``: the site documents the code it is built from, whatever argmap is
installed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[2]
for _folder in (_ROOT / "docs" / "scripts", _ROOT / "src"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import gallery  # noqa: E402


def on_config(config: Any) -> Any:
    pages: list[Any] = [{"Overview": "gallery/index.md"}]
    pages += [{e.title: f"gallery/{e.slug}.md"} for e in gallery.load_entries() if e.available()]
    for item in config["nav"]:
        if isinstance(item, dict) and item.get("Gallery") == "gallery/index.md":
            item["Gallery"] = pages
    return config
