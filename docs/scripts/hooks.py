"""MkDocs hook: list the gallery's pages in the navigation, in ``gallery.toml`` order."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gallery


def on_config(config: Any) -> Any:
    pages: list[Any] = [{"Overview": "gallery/index.md"}]
    pages += [{e.title: f"gallery/{e.slug}.md"} for e in gallery.load_entries() if e.available()]
    for item in config["nav"]:
        if isinstance(item, dict) and item.get("Gallery") == "gallery/index.md":
            item["Gallery"] = pages
    return config
