"""The API reference page: one mkdocstrings block per public name in ``argmap.__all__``."""

from __future__ import annotations

import inspect
import sys

import argmap

#: Page sections, in order, and how a public object is sorted into them.
_SECTIONS = (
    ("Entry points", lambda o: inspect.isfunction(o)),
    ("Exceptions", lambda o: inspect.isclass(o) and issubclass(o, BaseException)),
    ("Map types", lambda o: inspect.isclass(o)),
    ("Constants", lambda o: True),
)


def public_names() -> list[str]:
    """The names ``import argmap`` documents: ``argmap.__all__`` without dunders."""
    return [n for n in argmap.__all__ if not n.startswith("__")]


def canonical(name: str) -> str:
    """The dotted path where a public name is defined, e.g. ``argmap.render.render``.

    ``argmap.render`` is both a submodule and the function it exports; documenting the
    defining path avoids the clash, and cross-references resolve to the same place.
    """
    obj = getattr(argmap, name)
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and module.startswith("argmap"):
        return f"{module}.{qualname}"
    for mod_name, mod in sorted(sys.modules.items()):
        if mod_name.startswith("argmap.") and getattr(mod, name, None) is obj \
                and name in getattr(mod, "__all__", ()):
            return f"{mod_name}.{name}"
    return f"argmap.{name}"


def page() -> str:
    """Markdown for ``reference/api.md``; mkdocstrings fills in each block from docstrings."""
    sections: dict[str, list[str]] = {title: [] for title, _ in _SECTIONS}
    for name in public_names():
        obj = getattr(argmap, name)
        title = next(t for t, test in _SECTIONS if test(obj))
        sections[title].append(name)
    lines = [
        "# Python API",
        "",
        "The public names of `import argmap` (its `__all__`), documented from their "
        "docstrings. Anything not listed here is internal and may change without notice. "
        f"This page documents argmap {argmap.__version__}. The JSON that `ArgumentMap.to_json` "
        "writes is described in [the JSON schema](../json-schema.md).",
        "",
    ]
    for title, names in sections.items():
        if not names:
            continue
        lines += [f"## {title}", ""]
        for name in names:
            lines += [f"::: {canonical(name)}", "    options:", "      heading_level: 3", ""]
    return "\n".join(lines)
