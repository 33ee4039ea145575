"""The map as Argdown text (argdown.org), so that a reader can correct it by hand.

Each section becomes a heading; each unit a statement ``[id]: text`` in text order,
followed by its incoming relations: ``+ [source]`` support, ``- [source]`` attack,
``_ [source]`` undercut. Argdown lets only an argument be undercut, so the source of an
undercut inference is written as an argument ``<id>: text``. Source: the Argdown syntax
guide (https://argdown.org/syntax/), relations section.
"""

from __future__ import annotations

import string

from argmap.model import ArgumentMap, RelationKind, Unit

__all__ = ["escape", "role_tag", "to_argdown"]

# Argdown gives meaning to most ASCII punctuation (titles, tags, mentions, emphasis,
# relations, comments); a backslash makes any character literal. "-", "+" and brackets
# mean something only at a line's start or beside "<"/">", which are escaped.
_PLAIN = set(".,;:'\"?%!&$-+()")
_SPECIAL = {c for c in string.punctuation if c not in _PLAIN}


def escape(text: str) -> str:
    r"""Argdown text for ``text``: whitespace runs become one space, specials are escaped.

    Example:
        >>> escape("costs #rose by [5] *a lot*")
        'costs \\#rose by \\[5\\] \\*a lot\\*'
    """
    return "".join("\\" + c if c in _SPECIAL else c for c in " ".join(text.split()))


def role_tag(unit: Unit) -> str:
    """The Argdown tag that carries a unit's role, e.g. ``#(central claim)``."""
    return f"#({unit.role.value.replace('_', ' ')})"


def to_argdown(m: ArgumentMap, *, source: str | None = None) -> str:
    """Write the map as an Argdown document.

    Args:
        m: the map.
        source: the analysed text; when given, statements show their opening marker
            ("However, …") as the map's nodes do.

    Returns:
        The document, ending with a newline. The text's title, if it has one, is its
        ``#`` heading (a text without one gets none: the central claim is no title).
        The central claim comes first; its title is the unit id, like every
        statement's.

    Example:
        >>> import argmap
        >>> print(to_argdown(argmap.analyze("Fees must fall. However, they fund labs.")),
        ...       end="")
        [u-fees-must-9d92]: Fees must fall. #(central claim)
          - [u-they-fund-1ba9]
        <BLANKLINE>
        [u-they-fund-1ba9]: However, they fund labs. #(premise)
    """
    from argmap.diagram import shown_text

    relation_ids = {r.id for r in m.relations}
    undercut_sources = {r.source for r in m.relations
                        if any(u.target == r.id for u in m.relations)}
    by_id = {r.id: r for r in m.relations}

    def ref(unit_id: str) -> str:
        return f"<{unit_id}>" if unit_id in undercut_sources else f"[{unit_id}]"

    def block(unit: Unit) -> list[str]:
        text = escape(shown_text(unit, source)) or "\\ "
        lines = [f"{ref(unit.id)}: {text} {role_tag(unit)}"]
        for rel in m.relations_to(unit.id):
            sign = "+" if rel.kind is RelationKind.SUPPORT else "-"
            lines.append(f"  {sign} {ref(rel.source)}")
        for rel in m.relations:
            if rel.target in relation_ids and by_id[rel.target].source == unit.id:
                lines.append(f"  _ {ref(rel.source)}")
        return lines

    out = [f"# {escape(m.title)}", ""] if m.title else []
    units = list(m.units)
    if m.central_claim is not None:  # the thesis first, where a reader looks
        units.sort(key=lambda u: u.id != m.central_claim)
    headings = {s.id: s.heading for s in m.sections}
    section: str | None = None
    for unit in units:
        heading = headings.get(unit.section or "")
        if unit.section != section and heading and unit.id != m.central_claim:
            out += [f"## {escape(heading)}", ""]
            section = unit.section
        out += [*block(unit), ""]
    return "\n".join(out).rstrip("\n") + "\n"
