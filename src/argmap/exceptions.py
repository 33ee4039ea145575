"""The errors argmap raises: each subclasses ``ArgmapError`` and the fitting builtin."""

from __future__ import annotations

__all__ = [
    "ArgmapError",
    "EmptyInputError",
    "GrammarFileError",
    "InputError",
    "OptionError",
    "OptionWarning",
    "RenderError",
    "SchemaError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class InputError(ArgmapError, ValueError):
    """The input cannot be read as text (missing file, binary data, bad encoding)."""


class EmptyInputError(InputError):
    """The input holds no text to analyse (empty, whitespace only, or only boilerplate)."""


class GrammarFileError(ArgmapError, ValueError):
    """A grammar file is missing or does not parse as a Lark grammar."""


class SchemaError(ArgmapError, ValueError):
    """A JSON document is not an argmap map of a known schema version."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz could not render the map (for example: ``dot`` is not installed)."""


class OptionError(ArgmapError, ValueError):
    """A rendering or export option has a bad value (unknown unit id, kind or engine)."""


class OptionWarning(UserWarning):
    """An option was given that does not apply to the chosen output format."""
