"""argmap: argument maps from argumentative prose, with transparent hand-written rules.

>>> import argmap
>>> m = argmap.analyze("Taxes must rise. However, voters object.")
>>> [u.text for u in m.units]
['Taxes must rise.', 'voters object.']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.exceptions import (
        ArgmapError,
        EmptyInputError,
        GrammarFileError,
        InputError,
        OptionError,
        OptionWarning,
        RenderError,
        SchemaError,
    )
    from argmap.ingest import Document, read_document
    from argmap.model import (
        SCHEMA,
        ArgumentMap,
        Boilerplate,
        Enumeration,
        Marker,
        MarkerFunction,
        Relation,
        RelationKind,
        Role,
        Section,
        Span,
        Unit,
    )
    from argmap.pipeline import analyze

# Imported now, not lazily: the submodule ``argmap.render`` would otherwise shadow the
# function of the same name once anything imports it (graphviz is light to import).
from argmap.render import render

#: Where each public name lives. The package imports them on first use (PEP 562), so
#: that ``import argmap`` and ``argmap --version`` do not load Lark, cattrs or graphviz.
_LAZY = {
    **dict.fromkeys(("ArgmapError", "EmptyInputError", "GrammarFileError", "InputError",
                     "OptionError", "OptionWarning", "RenderError", "SchemaError"),
                    "argmap.exceptions"),
    **dict.fromkeys(("Document", "read_document"), "argmap.ingest"),
    **dict.fromkeys(("SCHEMA", "ArgumentMap", "Boilerplate", "Enumeration", "Marker",
                     "MarkerFunction", "Relation", "RelationKind", "Role", "Section", "Span",
                     "Unit"), "argmap.model"),
    "analyze": "argmap.pipeline",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "ArgmapError",
    "ArgumentMap",
    "Boilerplate",
    "Document",
    "EmptyInputError",
    "Enumeration",
    "GrammarFileError",
    "InputError",
    "Marker",
    "MarkerFunction",
    "OptionError",
    "OptionWarning",
    "Relation",
    "RelationKind",
    "RenderError",
    "Role",
    "SchemaError",
    "Section",
    "Span",
    "Unit",
    "__version__",
    "analyze",
    "read_document",
    "render",
]
