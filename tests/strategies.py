"""Hypothesis strategies: arbitrary text and prose-like documents built from the grammar.

The marker vocabulary comes from the compiled grammar (``load_grammar().terminals``),
never from a list kept here: ``grammars/markers.lark`` is the single source of the
rules' vocabulary (DESIGN.md).
"""

from __future__ import annotations

import functools
import re

from hypothesis import strategies as st

from argmap.grammar import load_grammar
from argmap.model import MarkerFunction

__all__ = [
    "FUNCTION_WORDS",
    "MARKERS",
    "PLAIN_WORDS",
    "arbitrary_text",
    "clause",
    "group_words",
    "html_documents",
    "inline_whitespace",
    "markdown_documents",
    "marker_words",
    "messy_documents",
    "prose_documents",
    "prose_paragraph",
    "prose_sentence",
    "respace",
]

_LITERAL = re.compile(r"[a-z]+(?: [a-z]+)*")
_ALTERNATION = re.compile(r"[A-Za-z]+(?:\|[A-Za-z]+)+")


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[MarkerFunction, tuple[tuple[str, str], ...]], tuple[str, ...]]:
    """``(word, terminal)`` pairs of marker words by function, and the grammar's
    non-marker function words.

    Only literal terminals ("however", "of course") and plain alternations
    ("was|were|had") are used; regex terminals (years, "e.g.") are left to other
    strategies.
    """
    markers: dict[MarkerFunction, list[tuple[str, str]]] = {}
    function_words: list[str] = []
    for name, info in load_grammar().terminals.items():
        if _LITERAL.fullmatch(info.pattern):
            words = [info.pattern]
        elif _ALTERNATION.fullmatch(info.pattern):
            words = info.pattern.split("|")
        else:
            continue
        if info.function is None:
            function_words.extend(words)
        else:
            markers.setdefault(info.function, []).extend((w, name) for w in words)
    return ({f: tuple(sorted(w)) for f, w in markers.items()}, tuple(sorted(function_words)))


def marker_words(*functions: MarkerFunction, clause: bool | None = None) -> tuple[str, ...]:
    """The grammar's literal marker words of the given functions (all if none given).

    ``clause=True`` keeps only subordinating conjunctions ("because", "although",
    "while"), which open a clause; ``clause=False`` leaves them out.
    """
    by_function = _vocabulary()[0]
    subordinators = load_grammar().clause_terminals
    chosen = functions or tuple(by_function)
    return tuple(w for f in chosen for w, name in by_function.get(f, ())
                 if clause is None or (name in subordinators) == clause)


def group_words(*rules: str) -> tuple[str, ...]:
    """The literal words of the terminals that the named grammar rules list."""
    grammar = load_grammar()
    names = {sym.name for rule in grammar.parser.rules if str(rule.origin.name) in rules
             for sym in rule.expansion}
    return tuple(sorted(grammar.terminals[n].pattern for n in names
                        if _LITERAL.fullmatch(grammar.terminals[n].pattern)))


MARKERS: tuple[str, ...] = marker_words()
#: Function words the grammar looks at without being markers ("the", "ever", "was", …).
FUNCTION_WORDS: tuple[str, ...] = _vocabulary()[1]

_CANDIDATE_WORDS = (
    "fees", "deter", "students", "aid", "helps", "families", "costs", "rise", "policy",
    "fails", "voters", "object", "plan", "works", "prices", "remain", "high", "rents",
    "grow", "cities", "ban", "cars", "data", "are", "incomplete", "claim", "is",
    "premature", "Russia", "Moscow", "partners", "seeks", "trade", "problems",
    "occasions", "reasons", "points", "sets", "budget", "ready", "tax", "unfair",
    "cheap", "schools", "close", "early", "wages", "stagnate", "growth", "slows",
)


@functools.lru_cache(maxsize=1)
def _plain_words() -> tuple[str, ...]:
    scanner = load_grammar().scanner.pattern
    return tuple(w for w in _CANDIDATE_WORDS if scanner.search(w) is None)


#: Words no grammar terminal matches: the stuff plain clauses are made of.
PLAIN_WORDS: tuple[str, ...] = _plain_words()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def clause(draw: st.DrawFn, min_words: int = 2, max_words: int = 7) -> str:
    """A clause of plain words only (no grammar terminal in it)."""
    words = draw(st.lists(st.sampled_from(PLAIN_WORDS), min_size=min_words,
                          max_size=max_words))
    return " ".join(words)


_STOPS = st.sampled_from([".", ".", ".", "!", "?"])


@st.composite
def prose_sentence(draw: st.DrawFn) -> str:
    """A well-formed sentence: markers only where the grammar places discourse markers.

    Shapes: ``[Opener,] clause[, joiner clause][, parenthetical,] .`` where the opener is
    a sentence adverbial ("However,", "Of course,", "First,"), or one stacked after a
    coordinator and a comma ("And, of course,", "But, in fact,") or before a second
    adverbial between commas ("Thus, for example,", "Finally, however,"), the joiner a
    coordinating or subordinating conjunction after a comma (", but", ", because"),
    and the parenthetical an adverbial between commas (", however,").
    """
    adverbials = marker_words(
        MarkerFunction.CONTRAST, MarkerFunction.CONTRA_EXPECTATION,
        MarkerFunction.CONCESSION, MarkerFunction.RESULT, MarkerFunction.SUMMARY,
        MarkerFunction.EXAMPLE, MarkerFunction.ELABORATION, MarkerFunction.RESTATEMENT,
        MarkerFunction.ADDITION, MarkerFunction.ORDINAL, clause=False,
    )
    # Subordinators ("because", "since", "while") and the coordinating conjunctions of
    # the grammar ("but", "yet", "so") join clauses after a comma.
    joiners = marker_words(clause=True) + group_words("contrast_conjunction",
                                                      "result_conjunction")
    parentheticals = marker_words(MarkerFunction.CONTRAST, MarkerFunction.EXAMPLE,
                                  MarkerFunction.RESULT, clause=False)
    coordinators = group_words("contrast_conjunction", "result_conjunction",
                               "addition_conjunction")
    parts: list[str] = []
    if draw(st.booleans()):
        opener = draw(st.sampled_from(adverbials))
        stack = draw(st.integers(0, 5)) if opener not in coordinators else -1
        if stack == 0:  # "And, of course, …"
            opener = draw(st.sampled_from(coordinators)) + ", " + opener
        elif stack == 1:  # "Thus, for example, …", "Finally, however, …"
            opener += ", " + draw(st.sampled_from([w for w in adverbials
                                                   if w not in coordinators]))
        parts.append(_cap(opener) + ", " + draw(clause()))
    else:
        parts.append(_cap(draw(clause())))
    shape = draw(st.sampled_from(["plain", "joiner", "parenthetical"]))
    if shape == "joiner" and joiners:
        parts.append(", " + draw(st.sampled_from(joiners)) + " " + draw(clause()))
    elif shape == "parenthetical":
        parts.append(", " + draw(st.sampled_from(parentheticals)) + ", " + draw(clause()))
    return "".join(parts) + draw(_STOPS)


#: Whitespace between words of one line: single spaces, NBSP, double spaces, tabs.
inline_whitespace = st.sampled_from([" ", " ", " ", "\u00a0", "  ", "\t"])
_LINE_BREAK = st.sampled_from(["\n", "\r\n"])


@st.composite
def prose_paragraph(draw: st.DrawFn, sentences: st.SearchStrategy[str] | None = None,
                    ) -> str:
    """Sentences joined by spaces, NBSP, tabs or a line break (no indentation)."""
    if sentences is None:
        sentences = prose_sentence()
    items = draw(st.lists(sentences, min_size=1, max_size=4))
    out = items[0]
    for item in items[1:]:
        gap = draw(st.one_of(inline_whitespace, _LINE_BREAK))
        out += gap + item
    return out


@st.composite
def prose_documents(draw: st.DrawFn, sentences: st.SearchStrategy[str] | None = None,
                    ) -> str:
    """Paragraphs separated by blank lines (``\\n\\n``, ``\\r\\n\\r\\n``, whitespace lines)."""
    paragraphs = draw(st.lists(prose_paragraph(sentences), min_size=1, max_size=4))
    out = paragraphs[0]
    for p in paragraphs[1:]:
        out += draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n \n", "\n\n\n", "\n\u00a0\n"])) + p
    return out


_TRAP_TOKENS = st.sampled_from(["2010", "1990s", "the 1990s", "January", ",", ",", ";",
                                "e.g.", "i.e.", "U.S.", "Dr.", "(", ")", "\u201c",
                                "\u201d", '"', "...", "2.5", "what's more", "didn't"])


@st.composite
def _mixed_sentence(draw: st.DrawFn) -> str:
    """A sentence of plain words, marker words, function words and punctuation, in any
    order: the marker words land in marker and non-marker positions alike."""
    word = st.one_of(
        st.sampled_from(PLAIN_WORDS), st.sampled_from(PLAIN_WORDS),
        st.sampled_from(MARKERS), st.sampled_from(FUNCTION_WORDS), _TRAP_TOKENS,
    )
    words = draw(st.lists(word, min_size=1, max_size=12))
    if draw(st.booleans()):
        words[0] = _cap(words[0])
    return " ".join(words) + draw(st.sampled_from([".", ".", "?", "!", "", "\u2026"]))


def messy_documents() -> st.SearchStrategy[str]:
    """Prose-like documents whose sentences mix markers and plain clauses freely."""
    return prose_documents(st.one_of(prose_sentence(), _mixed_sentence()))


#: An alphabet dense in the characters that segmenters trip on.
_PUNCTUATED = (
    *" \t\n\r\u00a0\u2028\u3000.,;:!?…\"'()[]“”‘’«»-—*_#|aAzZ19\x00\ufeff",
    "However, ", "but ", "since ", "The first ", "three occasions", "U.S.", "e.g. ",
)


def arbitrary_text(max_size: int = 400) -> st.SearchStrategy[str]:
    """Any Unicode text (no surrogates), sometimes spliced with prose and markers."""
    return st.one_of(
        st.text(max_size=max_size),
        st.lists(st.sampled_from(_PUNCTUATED), max_size=max_size // 4).map("".join),
        st.lists(st.one_of(st.text(max_size=20), messy_documents()), max_size=4).map(
            "".join),
    )


@st.composite
def respace(draw: st.DrawFn, text: str) -> str:
    """Change whitespace inside paragraphs: each single space becomes a space, a NBSP or
    two spaces; each ``\\n`` becomes ``\\r\\n``. Line structure (and so paragraph and
    heading structure) stays the same."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " " and (i == 0 or text[i - 1] not in "\r\n") and \
                (i + 1 == len(text) or text[i + 1] not in "\r\n"):
            out.append(draw(st.sampled_from([" ", "\u00a0", "  "])))
        elif ch == "\n" and (i == 0 or text[i - 1] != "\r"):
            out.append("\r\n")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


_EMPHASIS = st.sampled_from(["**", "*", "_", "__", "`"])


@st.composite
def _emphasised(draw: st.DrawFn) -> str:
    """A prose sentence with one span of inline Markdown emphasis or code."""
    sentence = draw(prose_sentence())
    words = sentence.split(" ")
    i = draw(st.integers(0, len(words) - 1))
    j = draw(st.integers(i, len(words) - 1))
    mark = draw(_EMPHASIS)
    words[i] = mark + words[i]
    words[j] = words[j] + mark
    return " ".join(words)


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    """Markdown: an optional front matter and ``#`` title, ``##`` sections, paragraphs
    with emphasis, bullet and numbered lists after a colon lead-in, fenced code."""
    out: list[str] = []
    if draw(st.booleans()):
        out.append("---\ntitle: A draft\ntags: [a, b]\n---")
    if draw(st.booleans()):
        out.append("# " + _cap(draw(clause())))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "list", "heading", "code",
                                     "quote"]))
        if kind == "paragraph":
            out.append(draw(prose_paragraph(st.one_of(prose_sentence(), _emphasised()))))
        elif kind == "list":
            bullet = draw(st.sampled_from(["- ", "* ", "+ ", "1. "]))
            items = draw(st.lists(st.one_of(clause(), prose_sentence(), _emphasised()),
                                  min_size=1, max_size=4))
            lines = [(f"{n}. " if bullet == "1. " else bullet) + item
                     for n, item in enumerate(items, start=1)]
            out.append(_cap(draw(clause())) + ":\n" + "\n".join(lines))
        elif kind == "heading":
            out.append(draw(st.sampled_from(["## ", "### ", "#### "])) + _cap(draw(clause())))
        elif kind == "code":
            out.append("```\n" + draw(clause()) + "\n```")
        else:
            out.append("> " + draw(prose_sentence()) + "\n> " + draw(prose_sentence()))
    return "\n\n".join(out) + draw(st.sampled_from(["", "\n"]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """An HTML page: navigation, an article with headings, paragraphs and lists, a
    comment section and a footer."""
    body: list[str] = []
    if draw(st.booleans()):
        body.append(f"<h1>{_escape(_cap(draw(clause())))}</h1>")
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "p", "p", "h2", "h3", "h4", "ul", "ol"]))
        if kind == "p":
            body.append(f"<p>{_escape(draw(prose_paragraph()))}</p>")
        elif kind in ("ul", "ol"):
            items = draw(st.lists(clause(), min_size=1, max_size=4))
            body.append(f"<p>{_escape(_cap(draw(clause())))}:</p><{kind}>"
                        + "".join(f"<li>{_escape(i)}</li>" for i in items) + f"</{kind}>")
        else:
            body.append(f"<{kind}>{_escape(_cap(draw(clause())))}</{kind}>")
    return ("<!DOCTYPE html><html><head><title>Site</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/login'>Log in</a></nav><main><article>"
            + "\n".join(body)
            + "</article><section class='comments'><p>Nice post!</p></section></main>"
            "<footer>© 2026 Site. All rights reserved.</footer></body></html>")
