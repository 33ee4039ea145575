"""The rules reference, generated from ``grammars/markers.lark`` and checked by the real parser.

Three sources, none copied by hand:

* the grammar file itself: its rules, grouped by its ``// ---- section`` lines, each with
  the comment written above it as its description;
* the compiled grammar (:func:`argmap.grammar.load_grammar`): every marker terminal, its
  function group, its PDTB sense and value, read from the ``// sense:`` annotations;
* ``docs/reference/rule-examples.toml``: sentences where a pattern fires and where it does
  not, each with the exact markers argmap must find. Building the page runs every one
  through the segmenter (the first step of :func:`argmap.analyze`) and fails if it
  finds anything else.

Each marker is also tried in a fixed set of neutral sentence frames (:data:`FRAMES`); the
page shows in which frames the real parser takes it as a marker and in which it does not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from argmap.grammar import TerminalInfo, grammar_dir, load_grammar

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "reference" / "rule-examples.toml"

#: Neutral sentence frames a marker is tried in: (short name, sentence with {m} or {M}).
FRAMES: tuple[tuple[str, str], ...] = (
    ("opener", "{M}, the plan failed."),
    ("opener, no comma", "{M} the plan failed."),
    ("between commas", "The plan, {m}, failed."),
    ("clause-final", "The plan failed {m}."),
    ("final, after a comma", "The plan failed, {m}."),
    ("after a comma", "The plan failed, {m} the budget grew."),
    ("after a semicolon", "The plan failed; {m}, the budget grew."),
    ("inside a clause", "The plan failed {m} the budget grew."),
    ("after “the”", "The {m} plan failed."),
    ("before a plural", "We saw {m} plans fail."),
    ("in brackets", "Some plans ({m} the big ones) failed."),
)


class RulesReferenceError(Exception):
    """An example's markers differ from what the parser finds, or the grammar is unreadable."""


@dataclass(frozen=True)
class RuleText:
    """One rule of the grammar file as written: its name, source lines and comment."""

    name: str
    source: str
    comment: str
    section: str


def grammar_rules(source: str) -> list[RuleText]:
    """Split a ``.lark`` file into its rules, each with the comment block above it.

    A comment block describes the rules that follow it without a blank line between
    them; ``// ---- name`` lines open a section. Terminal definitions are skipped.
    """
    rules: list[RuleText] = []
    comment: list[str] = []
    after_rule = False
    section = ""
    current: list[str] = []
    name = ""
    for line in [*source.splitlines(), ""]:
        if current and re.match(r"^\s+\|", line):
            current.append(line)
            continue
        if current:
            rules.append(RuleText(name, "\n".join(current), " ".join(comment), section))
            current = []
        stripped = line.strip()
        head = re.match(r"^\??([a-z_][a-z0-9_]*)\s*:", line)
        if stripped.startswith("//"):
            body = stripped[2:].strip()
            dashes = re.match(r"^-{4,}\s*(.*)$", body)
            if dashes:
                section, comment = dashes.group(1), []
            else:
                comment = [body] if after_rule else [*comment, body]
            after_rule = False
        elif not stripped:
            comment, after_rule = [], False
        elif head:
            name, current, after_rule = head.group(1), [line], True
    return rules


@dataclass(frozen=True)
class Example:
    """A sentence and the markers argmap must find in it, as ``TERMINAL@rule`` strings."""

    rule: str
    text: str
    markers: tuple[str, ...]
    why: str = ""


def load_examples(path: Path = EXAMPLES) -> list[Example]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Example(row["rule"], row["text"], tuple(row["markers"]), row.get("why", ""))
            for row in data["example"]]


def found_markers(text: str, grammar_files: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """The markers the segmenter (:func:`argmap.segment.segment`, the first step of
    :func:`argmap.analyze`) finds in ``text``, as ``TERMINAL@rule`` strings: what the
    grammar recognises, before the map keeps the ones its rules used (an announcement
    that opens no list is dropped there)."""
    from argmap.ingest import read_document
    from argmap.segment import segment

    seg = segment(read_document(text), load_grammar(grammar_files))
    return tuple(f"{mk.terminal}@{mk.rule}" for u in seg.units for mk in u.markers)


def check_examples(examples: list[Example]) -> None:
    """Raise :class:`RulesReferenceError` listing every example the parser disagrees with."""
    wrong = []
    for ex in examples:
        got = found_markers(ex.text)
        if got != ex.markers:
            wrong.append(f"  {ex.rule}: {ex.text!r}: expected {list(ex.markers)}, "
                         f"found {list(got)}")
    if wrong:
        raise RulesReferenceError(
            "docs/reference/rule-examples.toml disagrees with the parser:\n" + "\n".join(wrong))


def sample(info: TerminalInfo) -> str | None:
    """A word or phrase the terminal matches, checked against its pattern; ``None`` if
    no simple one can be derived from a regular expression."""
    pattern = info.pattern
    candidate = pattern
    candidate = re.sub(r"\\s[*?]", "", candidate)
    candidate = re.sub(r"\\s\+?", " ", candidate)
    candidate = re.sub(r"\(\?:([^|()]*)\|[^()]*\)", r"\1", candidate)
    candidate = re.sub(r"\[([^\]])[^\]]*\]", r"\1", candidate)
    candidate = candidate.replace("\\", "").replace("?", "")
    candidate = " ".join(candidate.split())
    try:
        ok = re.fullmatch(pattern, candidate, re.IGNORECASE) is not None
    except re.error:
        ok = False
    if candidate == pattern and ok:
        return candidate
    return candidate if ok else None


def probe(info: TerminalInfo) -> list[tuple[str, str, str | None]]:
    """Try a terminal in every frame: (frame name, sentence, the rule that fired or None)."""
    word = sample(info)
    if word is None:
        return []
    rows = []
    for frame, template in FRAMES:
        text = template.format(m=word, M=word[:1].upper() + word[1:])
        hit = next((s.split("@")[1] for s in found_markers(text)
                    if s.split("@")[0] == info.name), None)
        rows.append((frame, text, hit))
    return rows


def _group_members(rules: list[tuple[str, list[str]]], group: str) -> list[str]:
    """Terminals of a function group, following ``_``-prefixed helper rules."""
    out: list[str] = []
    for origin, expansion in rules:
        if origin != group:
            continue
        for symbol in expansion:
            if symbol.startswith("_") and symbol.islower():
                out += [t for t in _group_members(rules, symbol) if t not in out]
            elif symbol not in out:
                out.append(symbol)
    return out


#: One-letter codes of the patterns that make a marker, for the frame tables.
_CODES = {
    "opener": "O", "parenthetical": "P", "final": "F", "final_though": "T", "joiner": "J",
    "subordinate": "S", "while_concession": "W", "ordinal_np": "N", "announcement": "C",
    "list_item": "L", "apposition": "A",
}


def _cell(text: str, hit: str | None) -> str:
    if hit is None:
        return "·"
    title = text.replace('"', "&quot;").replace("|", "&#124;")
    return f'<abbr title="{title}">{_CODES.get(hit, hit)}</abbr>'


def _code(text: str) -> str:
    """``text`` as inline code. With a ``<`` in it, an HTML ``<code>`` element with the
    text escaped (its Markdown characters too): Python-Markdown reads raw HTML before
    code spans, and a lookbehind's ``<![`` would open a CDATA section there."""
    if "<" in text:
        import html

        escaped = html.escape(text, quote=False)
        for char in "\\*_`[]":  # no Markdown inside the element either
            escaped = escaped.replace(char, f"&#{ord(char)};")
        return f"<code>{escaped}</code>"
    return f"`{text}`" if "`" not in text else f"`` {text} ``"


def _shown(info: TerminalInfo) -> str:
    """A terminal as its table row shows it: a word it matches, else its pattern as code."""
    word = sample(info)
    return _escape(word) if word is not None else _code(info.pattern).replace("|", "&#124;")


def _escape(text: str) -> str:
    """Text for Markdown table cells and prose: ``|``, ``*``, ``_`` and ``<`` escaped
    outside backtick spans (inside them only ``|``, which would still end a table
    cell)."""
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(
        part.replace("|", "&#124;") if part.startswith("`")
        else part.replace("|", "&#124;").replace("*", r"\*").replace("_", r"\_")
        .replace("<", "&lt;")  # "<!" or "<x" would open raw HTML
        for part in parts)


def page() -> str:
    """Markdown for ``reference/rules.md``.

    Raises:
        RulesReferenceError: an example disagrees with the parser.
    """
    source = (grammar_dir() / "markers.lark").read_text(encoding="utf-8")
    grammar = load_grammar()
    texts = grammar_rules(source)
    examples = load_examples()
    check_examples(examples)
    expansions = [(str(r.origin.name), [s.name for s in r.expansion])
                  for r in grammar.parser.rules]
    header = []
    for line in source.splitlines():
        if not line.startswith("//"):
            break
        header.append(line[2:].removeprefix(" "))

    lines = [
        "---",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Rules reference",
        "",
        "This page is generated from `grammars/markers.lark`, the one place where argmap's "
        "marker vocabulary and marker patterns live, and every example on it was run "
        "through the parser when the page was built. To add markers of your own, see "
        "[Your own markers](user-grammar.md).",
        "",
        "## How the grammar reads a sentence",
        "",
        "The grammar file opens with this note:",
        "",
        "```text",
        *header,
        "```",
        "",
    ]
    for section, title, intro in (
        ("positions", "Where a marker fires",
         "Each pattern below is a rule of the grammar; the text under its name is the "
         "grammar's own comment. The examples were run through argmap's segmenter: "
         "**fires** rows list the markers found, as `TERMINAL@pattern`."),
        ("non-markers", "Where a marker word is not a marker",
         "These patterns catch a marker word in a use that is not a discourse marker, so "
         "that nothing fires. Their examples must yield exactly the markers listed."),
    ):
        lines += [f"## {title}", "", intro, ""]
        for rule in [r for r in texts if r.section == section and not r.name.startswith("_")]:
            lines += _pattern_section(rule, [e for e in examples if e.rule == rule.name])
    lines += [
        "## Markers by function",
        "",
        "Each function group is a rule of the grammar; argmap's relation rules read the "
        "group. A marker's **PDTB sense** is its most frequent sense in the Penn Discourse "
        "Treebank 2.0, or that of its closest PDTB synonym (named in brackets).",
        "",
        "Every marker was tried in the numbered sentences below, with the marker in place "
        "of “…”. In the tables, a letter means the parser took the word as a marker there, "
        "and names the pattern that fired; a dot means it did not. Hover over a letter to "
        "see the sentence that was parsed.",
        "",
        "| frame | sentence |",
        "|---|---|",
        *[f"| {n} {name} | {_escape(t.format(m='…', M='…'))} |"
          for n, (name, t) in enumerate(FRAMES, 1)],
        "",
        "Patterns: " + ", ".join(f"**{code}** {_escape(rule)}" for rule, code in _CODES.items())
        + ".",
        "",
    ]
    groups = [r for r in texts if r.section == "function groups" and not r.name.startswith("_")]
    for rule in groups:
        members = [t for t in _group_members(expansions, rule.name) if t in grammar.terminals]
        if not members:
            continue
        function = grammar.terminals[members[0]].function
        lines += [
            f"### `{rule.name}`",
            "",
            f"{_escape(rule.comment)} Function: **{function.value if function else '—'}**.",
            "",
            "```lark",
            rule.source,
            "```",
            "",
            '<div class="argmap-frames" markdown>',
            "",
            "| marker | PDTB sense | " + " | ".join(str(n) for n in range(1, len(FRAMES) + 1))
            + " |",
            "|---|---|" + "---|" * len(FRAMES),
        ]
        for name in members:
            info = grammar.terminals[name]
            rows = probe(info)
            cells = [_cell(text, hit) for _, text, hit in rows] or ["—"] * len(FRAMES)
            sense = info.sense + (f" {info.note}" if info.note else "")
            value = f", value {info.value}" if info.value else ""
            lines.append(
                f"| {_shown(info)}<br>`{name}` | "
                f"{_escape(sense)}{value} | " + " | ".join(cells) + " |")
        lines += ["", "</div>", ""]
    words = [t for t in grammar.terminals.values() if t.function is None and not t.sense]
    lines += [
        "## Function words",
        "",
        "Terminals that the patterns look at but that are never markers themselves.",
        "",
        "| terminal | pattern |",
        "|---|---|",
        *[f"| `{t.name}` | {_code(t.pattern).replace('|', '&#124;')} |" for t in words],
        "",
    ]
    return "\n".join(lines)


def _pattern_section(rule: RuleText, examples: list[Example]) -> list[str]:
    lines = [f"### `{rule.name}`", ""]
    if rule.comment:
        lines += [_escape(rule.comment), ""]
    lines += ["```lark", rule.source, "```", ""]
    if examples:
        lines += ["| | sentence | markers found |", "|---|---|---|"]
        for ex in examples:
            verdict = "fires" if ex.markers else "does not fire"
            found = ", ".join(f"`{m}`" for m in ex.markers) or "none"
            why = f" — {_escape(ex.why)}" if ex.why else ""
            lines.append(f"| {verdict} | “{_escape(ex.text)}”{why} | {found} |")
        lines.append("")
    return lines
