"""The catalogue of rule ids a relation can carry, with a one-line description of each.

Nothing here is a second list to keep by hand: marker-driven ids (``contrast.opener``)
are the function groups the grammar can reach from each marker position, described by
the comments of ``grammars/markers.lark``; position-driven ids come from the ``//!``
lines of ``grammars/relations.lark``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from argmap.grammar import Grammar, grammar_dir, load_grammar
from argmap.model import MarkerFunction

__all__ = ["RuleInfo", "catalog", "describe"]

#: Marker positions (``Marker.rule``) that can start a relation, and the grammar rule
#: whose comment describes each; aliases of segment's collector read their origin's.
_POSITION_RULES = {"opener": "opener", "stacked": "opener", "parenthetical": "parenthetical",
                   "final": "final",
                   "final_though": "final", "joiner": "joiner", "subordinate": "subordinate",
                   "while_concession": "while_opener", "ordinal_np": "ordinal_np",
                   "list_item": "list_item", "medial": "medial",
                   "medial_final": "medial"}
#: Positions where the segmenter gives the marker one fixed function
#: (``segment._marker``: a sentence-initial "While …" concedes; "…, though." contrasts).
_FIXED = {"while_concession": MarkerFunction.CONCESSION,
          "final_though": MarkerFunction.CONTRAST}

_RULE_LINE = re.compile(r"^\??(?P<name>[a-z_]+)\s*:", re.MULTILINE)
_FUNCTION_NOTE = re.compile(r"^//\s*[\w. /-]+?->\s*(?P<desc>.+?)\s*$")
_CATALOG_LINE = re.compile(r"^//!\s*(?P<id>[\w*.-]+)(?:\s*\[(?P<bases>[\w. ]+)\])?\s*:\s*"
                           r"(?P<desc>.+?)\s*$", re.MULTILINE)


@attrs.frozen
class RuleInfo:
    """One rule id: its description and where the description comes from."""

    id: str
    description: str
    source: str


def _comments(text: str) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(rule -> the comment block above it, group rule -> its function note)."""
    blocks: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    block: list[str] = []
    note = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            block.append(stripped)
            found = _FUNCTION_NOTE.match(stripped)
            if found:
                note = found["desc"]
            continue
        m = _RULE_LINE.match(stripped)
        if m:
            if block:
                blocks.setdefault(m["name"], [b.lstrip("/ ").rstrip() for b in block])
            notes.setdefault(m["name"], note)
        if not stripped.startswith("|"):
            block = []
    return blocks, notes


def _reach(grammar: Grammar, origin: str, alias: str) -> set[str]:
    """Names of the grammar symbols reachable from the expansions of one rule (alias)."""
    rules = grammar.parser.rules
    todo = [r for r in rules if str(r.origin.name) == origin
            and (r.alias or origin) == alias]
    seen: set[str] = set()
    while todo:
        rule = todo.pop()
        for sym in rule.expansion:
            name = str(sym.name)
            if name in seen:
                continue
            seen.add(name)
            if not sym.is_term:
                todo.extend(r for r in rules if str(r.origin.name) == name)
    return seen


def _marker_rules(grammar: Grammar) -> list[RuleInfo]:
    from argmap.relate import _BY_FUNCTION, Direction

    blocks, notes = _comments(grammar.source)
    group_note: dict[MarkerFunction, str] = {}
    for group, function in _group_functions():
        group_note.setdefault(function, notes.get(group, ""))
    out: list[RuleInfo] = []
    for position, origin in _POSITION_RULES.items():
        reach = _reach(grammar, origin, position if position in _FIXED else origin)
        if position in _FIXED:
            functions = {_FIXED[position]}
        else:
            functions = {info.function for name, info in grammar.terminals.items()
                         if name in reach and info.function is not None}
        block = blocks.get(origin) or [position]
        # A fixed alias ("while_concession") is told apart in the block's last line.
        where = block[-1] if position in _FIXED else block[0].split(": ")[0]
        for function in sorted(functions, key=lambda f: f.value):
            entry = _BY_FUNCTION.get(function)
            if entry is None or entry[2] is Direction.ITEM:
                continue  # items become enumeration.item relations (structure.take_item)
            kind = entry[0].value
            note = group_note.get(function, "").rstrip(".")
            text = f"{function.value} ({kind}): {note}; marker position {position}: {where}"
            out.append(RuleInfo(f"{function.value}.{position}", text, "grammars/markers.lark"))
    return out


def _group_functions() -> Iterable[tuple[str, MarkerFunction]]:
    from argmap.grammar import _GROUPS

    return _GROUPS.items()


def catalog(grammar: Grammar | None = None) -> tuple[RuleInfo, ...]:
    """Every rule id a relation or an enumeration can carry, sorted by id.

    Args:
        grammar: the marker grammar (the built-in one by default; user grammars extend
            the marker rules it yields).

    Example:
        >>> ids = {r.id for r in catalog()}
        >>> {"contrast.opener", "default.paragraph", "reason.joiner"} <= ids
        True
    """
    grammar = grammar or load_grammar()
    marker_rules = _marker_rules(grammar)
    out = {r.id: r for r in marker_rules}
    marker_ids = set(out)
    text = (grammar_dir() / "relations.lark").read_text(encoding="utf-8")
    lines = list(_CATALOG_LINE.finditer(text))
    for m in lines:
        if not m["id"].startswith("*."):
            out[m["id"]] = RuleInfo(m["id"], m["desc"], "grammars/relations.lark")
    for m in lines:
        if m["id"].startswith("*."):
            named = (m["bases"] or "").split()
            # A base is named outright, or by the function of a marker rule; suffixes
            # apply in file order, so a later line extends ids an earlier one made.
            bases = [rid for rid in list(out) if rid in named or "all" in named or
                     (rid.split(".")[0] in named and rid.split(".")[0] != "default"
                      and (rid in marker_ids or "." in rid[len(rid.split(".")[0]) + 1:]))]
            for base in bases:
                rid = base + m["id"][1:]
                out[rid] = RuleInfo(rid, m["desc"], "grammars/relations.lark")
    return tuple(sorted(out.values(), key=lambda r: r.id))


def describe(rule_id: str, grammar: Grammar | None = None) -> str:
    """The one-line description of a rule id, or ``""`` for an id not in the catalogue."""
    return next((r.description for r in catalog(grammar) if r.id == rule_id), "")
