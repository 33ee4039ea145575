"""argmap: argument maps from argumentative prose, with transparent hand-written rules.

>>> import argmap
>>> m = argmap.analyze("Taxes must rise. However, voters object.")
>>> [u.text for u in m.units]
['Taxes must rise.', 'voters object.']
"""

from __future__ import annotations

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
from argmap.render import render

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
