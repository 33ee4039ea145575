"""Griffe extension: Sphinx cross-reference roles in docstrings become Markdown for mkdocstrings.

argmap's docstrings use ``:class:`~argmap.model.ArgumentMap``` and the like, which
Sphinx understands and mkdocstrings does not. Targets inside argmap become autorefs links
(``[ArgumentMap][argmap.model.ArgumentMap]``); others become inline code. A leading
``~`` shows the last name only, as in Sphinx.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`(~?)([\w.]+)`")


def _replace(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    shown = target.rsplit(".", 1)[-1] if short else target
    if target.startswith("argmap."):
        return f"[`{shown}`][{target}]"
    return f"`{shown}`"


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_replace, obj.docstring.value)
