"""Load the Lark marker grammar (built-in plus user files) and parse sentences with it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

import attrs
import lark
from lark.lexer import Lexer

from argmap.exceptions import GrammarFileError
from argmap.lalr import Plan, PlanParser
from argmap.model import MarkerFunction
from argmap.scanner import Gapped, Scanner, build_scanner

__all__ = [
    "Grammar",
    "Hit",
    "TerminalInfo",
    "Token",
    "grammar_dir",
    "load_grammar",
]

_T = TypeVar("_T")

#: Terminals the scanner emits itself rather than finding them in the text.
SYNTHETIC = ("SOS", "EOS", "TEXT")

_ANNOTATION = re.compile(
    r"^(?P<name>[A-Z][A-Z0-9_]*)(?:\.-?\d+)?\s*:.*?//\s*sense:\s*(?P<sense>\S+)"
    r"(?P<note>[^\n]*?)(?:\s+value:\s*(?P<value>-?\d+))?\s*$",
    re.MULTILINE,
)

#: Rule names of the grammar that are function groups, mapped to their function.
_GROUPS: dict[str, MarkerFunction] = {
    "contrast": MarkerFunction.CONTRAST,
    "contrast_conjunction": MarkerFunction.CONTRAST,
    "contra_expectation": MarkerFunction.CONTRA_EXPECTATION,
    "concession": MarkerFunction.CONCESSION,
    "concession_clause": MarkerFunction.CONCESSION,
    "while_clause": MarkerFunction.CONTRAST,
    "result": MarkerFunction.RESULT,
    "result_conjunction": MarkerFunction.RESULT,
    "summary": MarkerFunction.SUMMARY,
    "reason_comma": MarkerFunction.REASON,
    "reason_clause": MarkerFunction.REASON,
    "since_clause": MarkerFunction.REASON,
    "example": MarkerFunction.EXAMPLE,
    "elaboration": MarkerFunction.ELABORATION,
    "restatement": MarkerFunction.RESTATEMENT,
    "addition": MarkerFunction.ADDITION,
    "ordinal": MarkerFunction.ORDINAL,
    "list_marker": MarkerFunction.ORDINAL,
    "list_label": MarkerFunction.ORDINAL,
    "example_apposition": MarkerFunction.EXAMPLE,
    "restatement_apposition": MarkerFunction.RESTATEMENT,
    "contrast_comma": MarkerFunction.CONTRAST,
    "contra_expectation_comma": MarkerFunction.CONTRA_EXPECTATION,
    "concession_comma": MarkerFunction.CONCESSION,
    "summary_comma": MarkerFunction.SUMMARY,
    "addition_comma": MarkerFunction.ADDITION,
    "elaboration_comma": MarkerFunction.ELABORATION,
    "addition_conjunction": MarkerFunction.ADDITION,
    "and_clause": MarkerFunction.ADDITION,
    "as_clause": MarkerFunction.REASON,
    "reason_conjunction": MarkerFunction.REASON,
    "unless_clause": MarkerFunction.CONCESSION,
}


def grammar_dir() -> Path:
    """Return the folder of the built-in grammars.

    An installed wheel carries them as ``argmap/grammars``; a source checkout keeps them
    in the repository's top-level ``grammars/`` folder.
    """
    packaged = resources.files("argmap").joinpath("grammars")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "grammars"
    if checkout.is_dir():
        return checkout
    raise GrammarFileError("argmap's built-in grammars are missing from the installation")


@attrs.frozen
class TerminalInfo:
    """What the grammar says about one marker terminal."""

    name: str
    function: MarkerFunction | None
    group: str  # the function-group rule that holds it ("contrast"), or ""
    sense: str
    note: str
    value: int
    pattern: str


class Token(NamedTuple):
    """One coarse token of a sentence: a terminal, TEXT (a run of other words), SOS or EOS.

    Attributes:
        type: the terminal name (``"HOWEVER"``, ``"TEXT"`` …).
        value: the text of the token (``str(token)`` gives it too).
        start_pos, end_pos: its character offsets in the analysed text.
    """

    type: str
    value: str
    start_pos: int
    end_pos: int

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Hit:
    """One marker pattern found by the parser in a sentence.

    Attributes:
        rule: the grammar rule (or alias) that matched, e.g. ``"opener"``.
        tokens: the marker tokens of the pattern (absolute ``start_pos``/``end_pos``).
        head: for an announcement, the TEXT token after the cardinal; else ``None``.
    """

    rule: str
    tokens: tuple[Token, ...]
    head: Token | None = None


class _TokenListLexer(Lexer):
    """Lark lexer that passes through the token list the scanner made."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterable[lark.Token]:  # type: ignore[override]
        tokens: Iterable[lark.Token] = data
        return iter(tokens)


class _Found(NamedTuple):
    """A hit as Lark's parse finds it, over Lark's tokens (see :meth:`Grammar.parse`)."""

    rule: str
    tokens: tuple[lark.Token, ...]
    head: lark.Token | None = None


class _Collect(lark.Transformer[lark.Token, Any]):
    """Turn each reduced pattern into :class:`Hit` objects, on the fly (no tree kept).

    Function-group rules (``contrast``, ``reason`` …) become ``("group", token)`` pairs;
    position rules (``opener``, ``joiner`` …) become lists of hits (:class:`_Found`);
    ``start`` gathers them.
    """

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if data.startswith("_"):  # an inlined helper rule: Lark splices its children
            return lark.Tree(data, children)
        if data in _GROUPS:
            return ("group", children[0])
        if data in _POSITIONS:
            tokens = tuple(c[1] for c in children if isinstance(c, tuple))
            return [_Found(str(data), tokens)] if tokens else []
        return []  # a non-marker pattern ("However much", "Since 2010", …)

    def opener_weak(self, children: list[Any]) -> list[_Found]:
        # The last marker word had no comma after it: it is an ordinary word.
        tokens = tuple(c[1] for c in children if isinstance(c, tuple))[:-1]
        return [_Found("opener", tokens)] if tokens else []

    def opener_stacked(self, children: list[Any]) -> list[_Found]:
        # "Thus, for example, …": the opener, then the adverbial stacked after its comma.
        tokens = tuple(c[1] for c in children if isinstance(c, tuple))
        return [_Found("opener", tokens[:-1]), _Found("stacked", tokens[-1:])]

    def opener_subordinate(self, children: list[Any]) -> list[_Found]:
        # "However, because …": the opener, then the subordinator that opens its clause.
        tokens = tuple(c[1] for c in children if isinstance(c, tuple))
        return [_Found("opener", tokens[:-1]), _Found("subordinate", tokens[-1:])]

    def semi_subordinate(self, children: list[Any]) -> list[_Found]:
        # "…; although X, Y": the segmenter reads it as "Although X, Y" or as a joiner.
        return [_Found("semi_subordinate", tuple(c[1] for c in children if isinstance(c, tuple)))]

    def subordinate_stacked(self, children: list[Any]) -> list[_Found]:
        # "Since, however, …": the subordinator, then the adverbial stacked after it.
        tokens = tuple(c[1] for c in children if isinstance(c, tuple))
        return [_Found("subordinate", tokens[:-1]), _Found("stacked", tokens[-1:])]

    def subordinate_weak(self, children: list[Any]) -> list[_Found]:
        # "Since, still water …": the word after the comma is an ordinary word.
        tokens = tuple(c[1] for c in children if isinstance(c, tuple))[:-1]
        return [_Found("subordinate", tokens)]

    def medial_final(self, children: list[Any]) -> list[_Found]:
        # A medial-position adverb that ends the sentence is clause-final.
        return [_Found("final", tuple(c[1] for c in children if isinstance(c, tuple)))]

    def final_though(self, children: list[Any]) -> list[_Found]:
        return [_Found("final_though", tuple(c[1] for c in children if isinstance(c, tuple)))]

    def list_item(self, children: list[Any]) -> list[_Found]:
        marker = next(c[1] for c in children if isinstance(c, tuple))
        lead = next((c for c in children if isinstance(c, lark.Token) and c.type != "SOS"), None)
        return [_Found("list_item", (marker,), lead)]

    def ordinal_np(self, children: list[Any]) -> list[_Found]:
        tokens = tuple(c for c in children if isinstance(c, lark.Token) and c.type != "SOS")
        return [_Found("ordinal_np", tokens[1:])]

    def while_concession(self, children: list[Any]) -> list[_Found]:
        tokens = tuple(c for c in children if isinstance(c, lark.Token) and c.type == "WHILE")
        return [_Found("while_concession", tokens)]

    def announcement(self, children: list[Any]) -> list[_Found]:
        cardinal = next(c for c in children if isinstance(c, lark.Token))
        return [_Found("announcement", (cardinal,), children[-1])]

    def start(self, children: list[Any]) -> list[_Found]:
        hits: list[_Found] = []
        for child in children:
            if isinstance(child, list):
                hits.extend(child)
        return hits


#: Position rules of the grammar whose marker tokens become hits.
_POSITIONS = frozenset({"opener", "parenthetical", "final", "joiner", "subordinate",
                        "apposition", "medial"})


@attrs.frozen
class Grammar:
    """A compiled marker grammar: the LALR parser, its scanner and its terminal facts.

    Build one with :func:`load_grammar`; it is immutable and safe to share.
    """

    source: str
    terminals: dict[str, TerminalInfo]
    parser: lark.Lark = attrs.field(repr=False, eq=False)
    scanner: Scanner = attrs.field(repr=False, eq=False)
    group_names: tuple[str, ...] = attrs.field(eq=False)
    #: Terminals of subordinating conjunctions ("although", "because", "while"), which
    #: open a clause rather than a sentence.
    clause_terminals: frozenset[str] = attrs.field(eq=False, factory=frozenset)
    #: Terminals a :class:`Hit` can hold: those of a function group, the ordinals and
    #: the cardinals of announcements. A sentence without one has no marker pattern.
    hit_terminals: frozenset[str] = attrs.field(eq=False, factory=frozenset)
    #: The same LALR table driven over token types (see :mod:`argmap.lalr`).
    plan_parser: PlanParser = attrs.field(eq=False, repr=False, init=False)
    #: Terminals of the ``result`` group ("therefore"), which mark a conclusion anywhere.
    result_terminals: frozenset[str] = attrs.field(eq=False, init=False)
    _plans: dict[tuple[str, ...], tuple[Plan, ...]] = \
        attrs.field(eq=False, repr=False, init=False, factory=dict)
    _derived: dict[Hashable, Any] = attrs.field(eq=False, repr=False, init=False, factory=dict)

    @plan_parser.default
    def _plan_parser(self) -> PlanParser:
        return PlanParser(self.parser, _GROUPS, _POSITIONS)

    @result_terminals.default
    def _result_terminals(self) -> frozenset[str]:
        return frozenset(n for n, info in self.terminals.items() if info.group == "result")

    def scan(self, text: str, start: int, end: int) -> list[Token]:
        """Return the coarse tokens of ``text[start:end]``: SOS, terminals, TEXT, EOS.

        Offsets of the tokens are absolute character offsets into ``text``. Runs of other
        words become one TEXT token; punctuation-only gaps are skipped; closing
        punctuation at the end of the sentence becomes the EOS token.
        """
        return self.tokens(text, *self.scan_types(text, start, end))

    def scan_types(self, text: str, start: int, end: int) -> tuple[list[str], list[int]]:
        """The token types of ``text[start:end]`` and their bounds, without tokens.

        Returns:
            ``(types, bounds)``: the types as :meth:`scan` gives them, and for the n-th
            token its start and end character offsets at ``bounds[2n]`` and
            ``bounds[2n + 1]`` (for TEXT, those of the whole gap, white space included).
            :meth:`tokens` makes the tokens of a sentence that needs them.
        """
        stop = end
        while stop > start and text[stop - 1] in _CLOSERS:
            stop -= 1
        types = ["SOS"]
        bounds = [start, start]
        gapped = self.scanner.gapped
        if gapped is None or start == 0 or \
                not self._scan_gapped(gapped, text, start, stop, types, bounds):
            del types[1:], bounds[2:]
            self._scan(text, start, stop, types, bounds)
        types.append("EOS")
        bounds.append(stop)
        bounds.append(end)
        return types, bounds

    def _scan(self, text: str, start: int, stop: int, types: list[str],
              bounds: list[int]) -> None:
        """Append the tokens of ``text[start:stop]`` to ``types`` and ``bounds`` (see
        :meth:`scan_types`), found with the scanner's pattern."""
        add_type, add_bound = types.append, bounds.append
        wordish = _WORDISH.search
        pos = start
        scanner = self.scanner
        kinds, literal = scanner.kinds, scanner.literals.get
        for m in scanner.pattern.finditer(text, start, stop):
            a, b = m.span()
            # A gap with a word character in it is a TEXT token. Most gaps are one space
            # between two terminals, or a space and then a word: those are told from
            # their first two characters (a space is no word character; a letter or
            # digit, ``str.isalnum``, is one), the others by a search of the gap.
            if a > pos and ((text[pos] != " " and wordish(text, pos, a)) if a - pos == 1
                            else text[pos + 1].isalnum() or wordish(text, pos, a)):
                add_type("TEXT")
                add_bound(pos)
                add_bound(a)
            k = m.lastindex
            if k:
                add_type(kinds[k])
            else:  # a literal word or punctuation (see Scanner)
                add_type(literal(text[a:b].lower()) or scanner.terminal(m))
            add_bound(a)
            add_bound(b)
            pos = b
        if stop > pos and wordish(text, pos, stop):
            add_type("TEXT")
            add_bound(pos)
            add_bound(stop)

    def _scan_gapped(self, gapped: Gapped, text: str, start: int, stop: int,
                     types: list[str], bounds: list[int]) -> bool:
        """:meth:`_scan` with the scanner's :class:`~argmap.scanner.Gapped` pattern,
        searched from the character before ``start`` (``start`` > 0); ``False``, with
        ``types`` and ``bounds`` left half made, where that pattern may miss a match of
        the scanner's (see :class:`~argmap.scanner.Gapped`)."""
        add_type, add_bound = types.append, bounds.append
        wordish, word_or_hyphen = _WORDISH.search, _WORD_OR_HYPHEN.match
        pos = start
        scanner = self.scanner
        kinds, literal, punctuation = gapped.kinds, scanner.literals.get, gapped.punctuation
        shifted = gapped.shifted
        for m in gapped.pattern.finditer(text, start - 1, stop):
            at, b = m.span()  # ``at``: the character before the terminal (or a comma …)
            if text[at] in punctuation and at >= start:  # not one before the sentence
                if at > pos and ((text[pos] != " " and wordish(text, pos, at))
                                 if at - pos == 1
                                 else text[pos + 1].isalnum() or wordish(text, pos, at)):
                    add_type("TEXT")
                    add_bound(pos)
                    add_bound(at)
                add_type(punctuation[text[at]])
                add_bound(at)
                add_bound(at + 1)
                pos = at + 1
            if b == at + 1:
                continue  # a punctuation terminal alone
            a = at + 1  # where the terminal starts
            k = m.lastindex
            if k:
                if k in shifted:
                    a = at - 1  # it starts before the character the match opens with
                    if a < pos:
                        return False
                    if a > pos and ((text[pos] != " " and wordish(text, pos, a))
                                    if a - pos == 1
                                    else text[pos + 1].isalnum() or wordish(text, pos, a)):
                        add_type("TEXT")
                        add_bound(pos)
                        add_bound(a)
                    at = pos  # its gap is read (not again below)
                name = kinds[k]
                # the scanner may find a terminal right after the match (a regex
                # terminal may end in a character that is no word character, a letter
                # or digit being one, ``str.isalnum``): a word start ("—however"), or
                # another terminal whose character before this match took ("——")
                if b < stop and not text[b - 1].isalnum() and \
                        not word_or_hyphen(text, b - 1) and not text[b].isspace():
                    return False
            else:  # a literal word (see Scanner)
                name = literal(text[a:b].lower()) or scanner.match(text, a, stop) or ""
            # A TEXT token for a gap with a word character in it (as in _scan). The gap
            # ends in the character ``at``, which is no word character: a gap of that one
            # character has none; a longer one has one if its second character is a
            # letter or digit, or a search finds one.
            if at > pos and (text[pos + 1].isalnum() or wordish(text, pos, at)):
                add_type("TEXT")
                add_bound(pos)
                add_bound(a)
            add_type(name)
            add_bound(a)
            add_bound(b)
            pos = b
        if stop > pos and wordish(text, pos, stop):
            add_type("TEXT")
            add_bound(pos)
            add_bound(stop)
        return True

    def tokens(self, text: str, types: list[str], bounds: list[int]) -> list[Token]:
        """The tokens of a sentence from :meth:`scan_types` (TEXT trimmed of space)."""
        out = []
        for n, kind in enumerate(types):
            a, b = bounds[2 * n], bounds[2 * n + 1]
            value = text[a:b]
            if kind == "TEXT":
                stripped = value.lstrip()
                a += len(value) - len(stripped)
                value = stripped.rstrip()
                b = a + len(value)
            out.append(Token(kind, value, a, b))
        return out

    def plan(self, types: Sequence[str]) -> tuple[Plan, ...]:
        """The marker patterns of a sentence with these token types, as token indices.

        The patterns depend only on the sequence of token types. A sentence with no token
        that a hit can hold (:attr:`hit_terminals`) is not parsed at all: every pattern
        it could match is a non-marker one. The others go to the plan driver
        (:class:`~argmap.lalr.PlanParser`), which remembers the items it has read: few
        whole sequences recur, and a memo of them cost more than it saved. A grammar the
        driver does not model is parsed by Lark, once per distinct sequence (a bounded
        memo of :data:`MEMO_SIZE` sequences).
        """
        if self.hit_terminals.isdisjoint(types):
            return ()
        if self.plan_parser.exact:
            return self.plan_parser.plans(types)
        key = tuple(types)
        plans = self._plans
        plan = plans.get(key)
        if plan is None:
            plan = self._lark_plan(key)
            if len(plans) >= MEMO_SIZE:
                plans.clear()
            plans[key] = plan
        return plan

    def forget(self) -> None:
        """Empty the memos that fill up with the text read: the plans of whole sentences
        (:meth:`plan`, for a grammar that Lark parses) and of single items
        (:class:`~argmap.lalr.PlanParser`). The memos
        that depend on the grammar alone are kept. For benchmarks that time a run as a
        fresh process would make it; the results never depend on the memos."""
        self._plans.clear()
        self.plan_parser.forget()

    def _lark_plan(self, types: Sequence[str]) -> tuple[Plan, ...]:
        """The plans of Lark's own parse over tokens of these types (for a grammar that
        :class:`~argmap.lalr.PlanParser` does not model exactly)."""
        larks = [lark.Token(t, "", n, None, None, None, None, n) for n, t in enumerate(types)]
        where = {id(t): n for n, t in enumerate(larks)}
        found = cast("list[_Found]", self.parser.parse(cast("str", larks)))
        return tuple((h.rule, tuple(where[id(t)] for t in h.tokens),
                      None if h.head is None else where[id(h.head)]) for h in found)

    def hits(self, tokens: list[Token], plan: tuple[Plan, ...] | None = None) -> list[Hit]:
        """The marker patterns of one sentence's tokens (see :meth:`plan`)."""
        if plan is None:
            plan = self.plan([t.type for t in tokens])
        return [Hit(rule, tuple([tokens[n] for n in picks]),
                    None if head is None else tokens[head]) for rule, picks, head in plan]

    def parse(self, tokens: Sequence[Token]) -> list[Hit]:
        """Run Lark's own LALR parser on one sentence's tokens (no memo, no fast path):
        the reference that :meth:`hits` is tested against."""
        larks = [lark.Token(t.type, str(t), t.start_pos, None, None, None, None, t.end_pos)
                 for t in tokens]
        where = {id(t): n for n, t in enumerate(larks)}
        found = cast("list[_Found]", self.parser.parse(cast("str", larks)))
        return [Hit(h.rule, tuple(tokens[where[id(t)]] for t in h.tokens),
                    None if h.head is None else tokens[where[id(h.head)]]) for h in found]

    def derived(self, key: Hashable, make: Callable[[Grammar], _T]) -> _T:
        """``make(self)``, made at the first call with ``key`` and kept as long as the
        grammar: for what other modules compute from the grammar alone (it is
        immutable), such as :mod:`argmap.structure`'s quick searches for cue terminals.
        ``key`` names what ``make`` computes (the function that computes it, with its
        arguments, is a key no other module can take); calls with one key must make
        the same."""
        derived = self._derived
        if key not in derived:
            derived[key] = make(self)
        return cast(_T, derived[key])

    def info(self, terminal: str) -> TerminalInfo | None:
        return self.terminals.get(terminal)

    def terminal_at(self, text: str, pos: int) -> str | None:
        """The terminal the scanner finds starting exactly at character ``pos`` of ``text``
        (as it would in :meth:`scan`), or ``None``."""
        return self.scanner.match(text, pos)


_CLOSERS = frozenset(".!?…\"'”’»)]")
_WORDISH = re.compile(r"\w")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")

#: How many distinct token-type sequences :meth:`Grammar.plan` remembers for a grammar
#: that Lark parses itself (:attr:`argmap.lalr.PlanParser.exact` false).
MEMO_SIZE = 1 << 14


def _where(line: int, origins: list[tuple[int, Path]]) -> str:
    """``file:line`` of a line of the merged grammar source."""
    for first, path in reversed(origins):
        if line >= first:
            return f"{path}:{line - first + 1}"
    return f"built-in markers.lark:{line}"


#: Where Lark's messages say a grammar error is: "at line 401, column 6." (a parse
#: error), "at line 402 column 6 in <string>:" (a lexical one), ", at line 3 column 1"
#: (a named mistake, e.g. "Unclosed parenthesis"), "at line 4 col 2".
_LARK_WHERE = re.compile(r",?\s*at line (\d+),? col(?:umn)? (\d+)(?: in <string>)?[:.]?")


def _explain(exc: Exception, origins: list[tuple[int, Path]]) -> str:
    """One line saying where and why a grammar does not compile: ``FILE:LINE:COLUMN: ``
    in the user's file (GNU style), as Lark counts lines in the merged grammar."""
    first = (str(exc).strip().splitlines() or [""])[0]
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    found = _LARK_WHERE.search(first)
    if found is None:  # no place: a conflict in the whole grammar, maybe with a list
        first = _first_line(exc)
    else:  # the rest is Lark's context and the tokens of its own grammar it expected
        first = (first[: found.start()] + first[found.end() :]).strip()
        if not isinstance(line, int) or line < 1:
            line, column = int(found.group(1)), int(found.group(2))
    where = ""
    if isinstance(line, int) and line > 0:
        where = _where(line, origins)
        where += f":{column}: " if isinstance(column, int) and column > 0 else ": "
    hint = ""
    if "defined more than once" in first:
        hint = "; to add words to a built-in group, write `%extend <group>: NEW_TERMINAL`"
    return f"{where}grammar does not compile: {first}{hint}"


def _check_user_terminals(source: str, origins: list[tuple[int, Path]], parser: lark.Lark,
                          notes: dict[str, re.Match[str]]) -> None:
    """A user terminal must be used by a rule and say its PDTB sense."""
    if not origins:
        return
    used = {s.name for rule in parser.rules for s in rule.expansion}
    first_user_line = origins[0][0]
    for n, text in enumerate(source.splitlines()[first_user_line - 1 :], first_user_line):
        m = re.match(r"([A-Z][A-Z0-9_]*)(?:\.-?\d+)?\s*:", text)
        if m is None:
            continue
        name = m.group(1)
        if name not in used:
            raise GrammarFileError(
                f"{_where(n, origins)}: terminal {name} is not used by any rule; add it to a "
                f"function group, e.g. `%extend contrast: {name}`")
        if name not in notes:
            raise GrammarFileError(
                f"{_where(n, origins)}: terminal {name} needs a `// sense: <PDTB sense>` "
                "comment, e.g. `// sense: Comparison.Contrast`")
        problem = _pattern_problem(parser.get_terminal(name))
        if problem:
            raise GrammarFileError(f"{_where(n, origins)}: terminal {name} {problem}")


def _pattern_problem(term: lark.lexer.TerminalDef) -> str | None:
    """Why a terminal's pattern cannot join the scanner's one regular expression (it
    does not compile as a group of an alternation, e.g. ``/(/`` or ``/(?i)x/``), or
    would find markers of no characters (``/x*/``); ``None`` if it can."""
    try:
        pattern = re.compile(f"(?:{term.pattern.to_regexp()})")
    except re.error as exc:
        return f"is not a regular expression argmap can use: {exc.msg}"
    if pattern.fullmatch(""):
        return "matches the empty string; a marker needs at least one character"
    return None


def _cache_file(source: str, stem: str = "markers") -> str | bool:
    """Where Lark keeps the compiled parse table of ``source`` (the grammar file named
    ``stem``) between runs.

    Lark's own cache (``cache=True``) checks the grammar's hash; it lives in the user's
    cache folder (``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``), or Lark's
    default temporary file when that folder cannot be made.
    """
    import hashlib
    import os

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "argmap"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return True
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return str(base / f"{stem}-{lark.__version__}-{digest}.lark-cache")


@functools.lru_cache(maxsize=8)
def grammar_terminals(stem: str) -> tuple[lark.lexer.TerminalDef, ...]:
    """The terminals of the built-in ``grammars/<stem>.lark``, a grammar read for its
    vocabulary only (``boilerplate``, ``sentences``, ``relations``).

    Lark builds a parser to read them; it is cached on disk as the marker grammar's is
    (:func:`_cache_file`), since building the largest takes 30 ms and loading it 1 ms.

    Raises:
        OSError: the file cannot be read (a broken installation).
    """
    source = (grammar_dir() / f"{stem}.lark").read_text("utf-8")
    return tuple(lark.Lark(source, parser="lalr", cache=_cache_file(source, stem)).terminals)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GrammarFileError(f"cannot read grammar file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise GrammarFileError(f"grammar file {path} is not UTF-8 text: byte "
                               f"0x{exc.object[exc.start]:02x} at offset {exc.start}") from None


def load_grammar(extra: tuple[Path, ...] = ()) -> Grammar:
    """Compile the built-in marker grammar, extended by user grammar files.

    A user file adds terminals and extends function groups with Lark's ``%extend``, e.g.::

        %extend contrast: ALBEIT
        ALBEIT: "albeit"i   // sense: Comparison.Concession

    Args:
        extra: paths of user ``.lark`` files, appended in order.

    Returns:
        The compiled :class:`Grammar` (cached per tuple of paths).

    Raises:
        GrammarFileError: if a file cannot be read or the grammar does not compile. The
            one-line message starts with the place of the mistake in the user's file,
            ``FILE:LINE:COLUMN:`` (1-based, columns in characters) or ``FILE:LINE:``,
            when it has one place; a conflict between rules has none. A terminal's
            pattern must compile as a Python regular expression inside an alternation
            (no global flags such as ``(?i)``: write ``"word"i`` or ``(?i:...)``) and
            match at least one character.
    """
    return _load(tuple(extra))


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> Grammar:
    source = _read(grammar_dir() / "markers.lark")
    origins: list[tuple[int, Path]] = []  # (first line in the merged source, user file)
    for path in extra:
        source += f"\n// ---- {path}\n"
        origins.append((source.count("\n") + 1, path))
        source += _read(path)
    try:
        parser = lark.Lark(
            source,
            parser="lalr",
            lexer=_TokenListLexer,
            cache=_cache_file(source),
            transformer=_Collect(),
            maybe_placeholders=False,
        )
    except lark.exceptions.LarkError as exc:
        raise GrammarFileError(_explain(exc, origins)) from None
    functions: dict[str, MarkerFunction] = {}
    groups: dict[str, str] = {}
    clause_terminals: set[str] = set()
    for rule in parser.rules:
        group = _GROUPS.get(str(rule.origin.name))
        if group is None:
            continue
        for symbol in rule.expansion:
            functions[symbol.name] = group
            groups[symbol.name] = str(rule.origin.name)
            if str(rule.origin.name).endswith("_clause"):
                clause_terminals.add(symbol.name)
    # Terminals reached through _ordinal_word belong to the ordinal group.
    for rule in parser.rules:
        if str(rule.origin.name) == "_ordinal_word":
            for symbol in rule.expansion:
                functions[symbol.name] = MarkerFunction.ORDINAL
    notes = {m["name"]: m for m in _ANNOTATION.finditer(source)}
    _check_user_terminals(source, origins, parser, notes)
    scanned = [t for t in parser.terminals if t.name not in SYNTHETIC]
    infos: dict[str, TerminalInfo] = {}
    for term in scanned:
        note = notes.get(term.name)
        value = int(note["value"]) if note and note["value"] else 0
        infos[term.name] = TerminalInfo(
            name=term.name,
            function=functions.get(term.name),
            group=groups.get(term.name, ""),
            sense=note["sense"] if note else "",
            note=(note["note"] or "").strip() if note else "",
            value=value,
            pattern=term.pattern.value,
        )
    try:
        scanner = build_scanner(scanned, gapped=True)
    except re.error as exc:  # each terminal compiles (above), but not all together
        raise GrammarFileError("grammar does not compile: its terminals' regular "
                               f"expressions do not combine: {exc.msg}") from None
    return Grammar(
        source=source,
        terminals=infos,
        parser=parser,
        scanner=scanner,
        group_names=tuple(_GROUPS),
        clause_terminals=frozenset(clause_terminals),
        hit_terminals=frozenset(functions) | _announcing(parser),
    )


def _first_line(exc: Exception) -> str:
    """Lark's message on one line: its first line, and the next one when the first
    announces a list ("… between the following rules:"), with a count of the rest."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    text, rest = lines[0], lines[1:]
    if text.endswith(":") and rest:
        text, rest = f"{text} {rest[0]}", rest[1:]
    return f"{text} (and {len(rest)} more lines)" if rest else text


def _announcing(parser: lark.Lark) -> frozenset[str]:
    """The terminals that can open an ``announcement`` (its cardinals), through inlined
    helper rules such as ``_cardinal``."""
    by_origin: dict[str, list[Any]] = {}
    for rule in parser.rules:
        by_origin.setdefault(str(rule.origin.name), []).append(rule)
    found: set[str] = set()
    todo = [r.expansion[0] for r in by_origin.get("announcement", []) if r.expansion]
    seen: set[str] = set()
    while todo:
        symbol = todo.pop()
        if symbol.is_term:
            found.add(symbol.name)
        elif symbol.name not in seen:
            seen.add(symbol.name)
            todo.extend(r.expansion[0] for r in by_origin.get(symbol.name, []) if r.expansion)
    return frozenset(found)
