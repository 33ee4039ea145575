"""One regular expression that finds every terminal of a marker grammar, shaped for speed.

What it matches (the scanner's contract, the same as the plain alternation it replaces):
at each position, the first of these that matches wins —

1. punctuation terminals (``","``, ``";"`` …);
2. at a word start (no word character or hyphen before it): the regex terminals with a
   priority above 0, then the literal words and phrases (the longest first; a space in a
   phrase matches any run of white space), then the other regex terminals, each in the
   order of (priority, length of its pattern), highest first; a terminal that ends in a
   word character or a full stop must end a word (no word character or hyphen after);
3. terminals that open with a lookbehind (``(?<=\\w)n't``), anywhere.

How it is fast: Python's ``re`` tries the branches of an alternation one by one, but skips
a branch at once when it opens with a literal character or a character class that does not
match. So the word-start alternatives are grouped in *buckets* by their first character,
each opening with that character as a literal; the literal words and phrases of a bucket
form one trie of character classes; the buckets come in the order English words most
often begin with their letter; a terminal that opens with a lookbehind gets its first
character in front of the lookbehind. Which terminal matched is told by the last group the
match closed (``Match.lastindex``): each word of a trie, and each run of one regex
terminal's alternatives, ends in an empty group of its own. On the essay corpus this runs
at about 9 MB/s: 14× the plain alternation, 5× the grouping by first letter it replaced.

Grammars this cannot reshape (a case-sensitive literal word, literal terminals of different
priorities, a regex alternative whose first characters cannot be worked out) fall back to
the plain alternation, with the same matches.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, cast

import attrs
from lark.lexer import PatternStr, TerminalDef

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

__all__ = ["Scanner", "build_scanner"]

#: The end-of-word check appended to terminals that end in a word character or a stop.
_END = r"(?![\w-])"
#: The word-start check in front of the word terminals.
_START = r"(?<![\w-])"
#: A first character that can be taken out in front of the rest of an alternative.
_LEAD = re.compile(r"[A-Za-z0-9](?![?*+{])")
#: Characters that ``re.IGNORECASE`` matches to an ASCII letter beyond its two cases.
_FOLDS = "İıſK"


@attrs.frozen
class Scanner:
    """A compiled scanner: a fast pattern, and what names the terminal of each match.

    Attributes:
        pattern: the regular expression to search with. A match of a regex terminal
            closes an empty group of its own last, so that ``kinds[m.lastindex]`` names
            it; a match of a literal word or punctuation terminal closes no group
            (``m.lastindex`` is ``None``) and is named by :meth:`terminal`.
        kinds: for each group index of :attr:`pattern`, the terminal whose match closes
            that group last (``""`` for the others).
        literals: the lower-case ASCII text of each literal word and punctuation
            terminal, with its terminal; of a phrase, only one whose words are parted
            by single spaces (see :func:`_word_end`).
        exact: the same matches as :attr:`pattern`, every terminal closing a group of
            its own; it names the matches that :attr:`literals` does not hold (a word
            with non-ASCII letters, a phrase with other white space than one space).
        exact_kinds: :attr:`kinds` of :attr:`exact`.

        gapped: the same matches found faster, for a scan (see :class:`Gapped`), or
            ``None`` when the terminals do not allow it or it was not asked for. A
            scanner with it has :attr:`exact` as its :attr:`pattern` (every match
            closes a group; :attr:`kinds` is :attr:`exact_kinds`).

    Why two patterns: Python's ``re`` copies every group's marks at each match, so the
    group per literal word (about 300) cost as much as the search itself.
    """

    pattern: re.Pattern[str]
    kinds: tuple[str, ...]
    literals: dict[str, str] = attrs.field(factory=dict)
    exact: re.Pattern[str] | None = None
    exact_kinds: tuple[str, ...] = ()
    gapped: Gapped | None = None

    def terminal(self, m: re.Match[str]) -> str:
        """The terminal name of a match of :attr:`pattern`."""
        k = m.lastindex
        if k:
            return self.kinds[k]
        name = self.literals.get(m.group().lower())
        if name is None:
            name = self.match(m.string, m.start(), m.endpos) or ""
        return name

    def match(self, text: str, pos: int, endpos: int | None = None) -> str | None:
        """The terminal that starts exactly at ``pos`` of ``text`` (read as if it ended
        at ``endpos``), or ``None``."""
        pattern, kinds = (self.exact, self.exact_kinds) if self.exact else \
            (self.pattern, self.kinds)
        m = pattern.match(text, pos, len(text) if endpos is None else endpos)
        return kinds[m.lastindex or 0] if m else None


@attrs.frozen
class Gapped:
    """The scanner's matches, each found from the character before it.

    A word terminal matches only at a word start, after a character that is no word
    character or hyphen (the scanner's contract). :attr:`pattern` takes that character
    into its match, so that it opens with one character class (``[^\\w-]``, spelt so
    that ASCII word characters are told from a bitmap): Python's ``re`` then skips in
    one C loop the characters inside words, where the scanner's own pattern tries its
    alternatives at every one and fails on its word-start check. On the essay corpus
    the search takes a fifth less time (0.081 → 0.066 s per MB).

    A match of :attr:`pattern` is one character ``c`` and then

    1. a terminal that opens with a lookbehind, ``(?<=X)c`` (``(?<=\\w)n['’]t``), if
       ``c`` is the character after its first one: the terminal starts one character
       before ``c``, and its group is in :attr:`shifted`;
    2. else a word terminal (as after the scanner's word-start check), starting after
       ``c``; named as a match of the scanner's pattern is (:attr:`kinds`,
       :attr:`Scanner.literals`);
    3. else nothing, if ``c`` is a punctuation terminal (all of them are one character
       here): :attr:`punctuation` names it; a punctuation terminal followed at once by
       a word terminal is one match of both.

    It finds what the scanner's pattern finds from ``pos`` when it searches from
    ``pos - 1``, but where a match ends in a character that is no word character or
    hyphen and a word character or hyphen follows (the scanner may find a word start
    there; this pattern cannot take the character before it), or a shifted terminal
    starts before ``pos`` or inside the match before it. :meth:`Grammar.scan_types`
    checks both and scans such a sentence with the scanner's pattern.
    """

    pattern: re.Pattern[str]
    kinds: tuple[str, ...]
    #: each punctuation terminal's character, with its terminal
    punctuation: dict[str, str]
    #: the groups of the terminals that start one character before the match
    shifted: frozenset[int]


def build_scanner(terms: Sequence[TerminalDef], gapped: bool = False) -> Scanner:
    """Compile ``terms`` (Lark terminal definitions) into one :class:`Scanner`; with
    ``gapped``, with its :attr:`Scanner.gapped` pattern where the terms allow it (for
    the grammar's scans; other searches take the group-less :attr:`Scanner.pattern`)."""
    exact = _bucketed(terms)
    if exact is None:
        source, names = _plain(terms)
        pattern = re.compile(source)
        return Scanner(pattern, _kinds(pattern, names))
    literals: dict[str, str] = {}
    gaps: list[str] = []
    fast, fast_names = cast("tuple[str, list[str]]",
                            _bucketed(terms, literals, gaps if gapped else None))
    exact_pattern = re.compile(exact[0])
    exact_kinds = _kinds(exact_pattern, exact[1])
    if gaps:
        # The scans search with the gapped pattern; the few they cannot (a sentence at
        # the start of its text, or one the gapped pattern may misread) with the exact
        # one, which is then the scanner's pattern too: one compile fewer per process
        # (about 30 ms) for a pattern that would find only those.
        source, shifted = gaps[0], gaps[1:]
        gap_pattern = re.compile(source)
        punctuation = {t.pattern.value: literals[t.pattern.value] for t in _sections(terms)[0]}
        found = Gapped(gap_pattern, _kinds(gap_pattern, fast_names), punctuation,
                       frozenset(gap_pattern.groupindex[name] for name in shifted))
        return Scanner(exact_pattern, exact_kinds, literals, exact_pattern, exact_kinds,
                       found)
    pattern = re.compile(fast)
    return Scanner(pattern, _kinds(pattern, fast_names), literals, exact_pattern,
                   exact_kinds)


def _kinds(pattern: re.Pattern[str], names: Sequence[str]) -> tuple[str, ...]:
    """For each group of ``pattern``, the terminal its group ``_n`` names (``names[n]``)."""
    kinds = [""] * (pattern.groups + 1)
    for group, index in pattern.groupindex.items():
        if re.fullmatch(r"_\d+", group):  # ours; a terminal's own named groups are not
            kinds[index] = names[int(group[1:])]
    return tuple(kinds)


def _ordered(terms: Iterable[TerminalDef]) -> list[TerminalDef]:
    return sorted(terms, key=lambda t: (-t.priority, -len(t.pattern.value)))


def _flags(term: TerminalDef) -> int:
    return re.IGNORECASE if "i" in term.pattern.flags else 0


def _inline(term: TerminalDef, body: str) -> str:
    """``body`` under the terminal's own flags."""
    flags = "".join(f for f in term.pattern.flags if f in "imsx")
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _ends_word(term: TerminalDef) -> bool:
    return re.search(r"[\w.]$", term.pattern.value) is not None


def _phrase(term: TerminalDef) -> str:
    """A literal word or phrase as a regex: any white space between its words. The first
    character of a case-insensitive one matches its upper and lower case only, not the
    other characters ``re.IGNORECASE`` folds onto it ("ſince" is no "since"); the rest
    matches under the flag."""
    value = term.pattern.value
    rest = r"\s+".join(re.escape(w) for w in value[1:].split(" "))
    if "i" not in term.pattern.flags:
        return re.escape(value[0]) + rest
    key = value[0].lower()
    first = f"[{re.escape(key.upper() + key)}]" if key.isalpha() else re.escape(value[0])
    return f"{first}(?i:{rest})"


def _sections(terms: Sequence[TerminalDef]) -> tuple[list[TerminalDef], ...]:
    """punctuation, word regexes before the literals, literal words, word regexes after,
    lookbehind regexes — each in scanning order."""
    ordered = _ordered(terms)
    punct: list[TerminalDef] = []
    first: list[TerminalDef] = []
    words: list[TerminalDef] = []
    last: list[TerminalDef] = []
    free: list[TerminalDef] = []
    for t in ordered:
        value = t.pattern.value
        if isinstance(t.pattern, PatternStr):
            (words if re.match(r"\w", value) else punct).append(t)
        elif value.startswith("(?<="):
            free.append(t)
        else:
            (first if t.priority > 0 else last).append(t)
    return punct, first, words, last, free


def _plain(terms: Sequence[TerminalDef]) -> tuple[str, list[str]]:
    """The scanner as a plain alternation in scanning order (the reference shape)."""
    punct, first, words, last, free = _sections(terms)
    names: list[str] = []

    def group(name: str, body: str) -> str:
        names.append(name)
        return f"(?P<_{len(names) - 1}>{body})"

    def regex(t: TerminalDef) -> str:
        return group(t.name, _inline(t, t.pattern.value) + (_END if _ends_word(t) else ""))

    parts = [group(t.name, re.escape(t.pattern.value)) for t in punct]
    word = [regex(t) for t in first]
    word += [group(t.name, f"(?:{_phrase(t)})" + _END) for t in words]
    word += [regex(t) for t in last]
    parts.append(f"{_START}(?:{'|'.join(word)})")
    parts += [regex(t) for t in free]
    return "|".join(parts), names


# --- the bucketed shape -------------------------------------------------------------


def _cased(ch: str, ignore_case: bool, folds: bool = True) -> list[str]:
    """The characters that ``ch`` matches (all its case variants under ``ignore_case``;
    without ``folds``, its upper and lower case only)."""
    if not ignore_case or not ch.isascii() or ch.lower() == ch.upper():
        return [ch]
    pool = {ch, ch.lower(), ch.upper(), *(_FOLDS if folds else "")}
    return sorted(c for c in pool if re.fullmatch(re.escape(ch), c, re.IGNORECASE))


def _char_class(ch: str, ignore_case: bool) -> str:
    if ignore_case and not ch.isascii():
        return f"(?i:{re.escape(ch)})"
    chars = _cased(ch, ignore_case)
    return re.escape(ch) if len(chars) == 1 else f"[{''.join(map(re.escape, chars))}]"


def _trie(words: Iterable[tuple[str, str]], group: Callable[[str, str], str],
          word_end: Callable[[str, str], str] | None = None) -> str:
    """A regex trie of case-insensitive literal remainders ``(rest, terminal)``; a space
    is ``\\s+``. Each word ends in an empty group of its own, the last group a match of
    it closes, which names its terminal; or, with ``word_end``, in what
    ``word_end(rest, terminal)`` returns. At every node the longer continuations come
    before the end of a word, so the longest word wins."""
    root: dict[str, Any] = {}
    for rest, name in words:
        node = root
        for ch in rest:
            node = node.setdefault(ch, {})
        node[""] = (rest, name)

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else _char_class(ch, True)) + emit(child)
                for ch, child in node.items() if ch]
        if "" in node:
            rest, name = node[""]
            alts.append((group(name, "") if word_end is None else word_end(rest, name))
                        + _END)
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(root)


def _structure(body: str) -> Iterator[tuple[int, str, int]]:
    """The ``(``, ``)`` and ``|`` of a regex outside escapes and character classes, as
    ``(index, character, group depth after it)``."""
    depth, in_class, i = 0, False, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if body[i + 1 : i + 2] == "^":
                i += 1
            if body[i + 1 : i + 2] == "]":  # a "]" first in a class is a literal
                i += 1
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth
        i += 1


def _split_top(body: str) -> list[str]:
    """``body`` split at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    last = 0
    for i, ch, depth in _structure(body):
        if ch == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return parts


def _closing(body: str) -> int:
    """Index of the ``)`` that closes the group opened at ``body[0]``, or -1."""
    return next((i for i, ch, depth in _structure(body) if ch == ")" and depth == 0), -1)


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of ``body``, with a leading ``(?:a|b)`` distributed
    over the rest (``(?:a|b)X`` = ``aX|bX``, tried in the same order)."""
    out: list[str] = []
    for alt in _split_top(body):
        j = _closing(alt) if alt.startswith("(?:") else -1
        if j > 0 and alt[j + 1 : j + 2] not in ("?", "*", "+", "{"):
            out += _alternatives_of_group(alt[3:j], alt[j + 1 :])
        else:
            out.append(alt)
    return out


def _alternatives_of_group(inner: str, rest: str) -> list[str]:
    return [x for a in _split_top(inner) for x in _alternatives(a + rest)]


def _first_class(alts: Sequence[str]) -> str | None:
    """A character class holding every first character of ``alts``, if it can be told
    and none of them is a cased letter; else ``None``."""
    items: list[str] = []

    def walk(seq: list[tuple[Any, Any]]) -> bool:
        if not seq:
            return False
        op, av = seq[0]
        if op is sre_constants.LITERAL:
            ch = chr(av)
            items.append(re.escape(ch))
            return ch.lower() == ch.upper()
        if op is sre_constants.IN:
            return all(member(o, a) for o, a in av)
        if op is sre_constants.SUBPATTERN:
            return walk(list(av[3]))
        if op is sre_constants.BRANCH:
            return all(walk(list(b)) for b in av[1])
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            return walk(list(av[2]))
        return False

    def member(op: Any, av: Any) -> bool:
        if op is sre_constants.LITERAL:
            ch = chr(av)
            items.append(re.escape(ch))
            return ch.lower() == ch.upper()
        if op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            items.append(r"\d")
            return True
        return False

    for alt in alts:
        try:
            parsed = sre_parse.parse(alt)
        except re.error:
            return None
        if not walk(list(parsed)):
            return None
    return f"[{''.join(items)}]"


#: Letters in the order English words most often begin with them (counted on the essay
#: corpus), lower case first: ``re`` tries the buckets in turn at every word start, so
#: the common ones come first. The order changes no match: buckets open with different
#: characters.
_WORD_INITIALS = "taoiswbmchpfdenrlgyuvkjqzxITASBCWMPHEGFONRLDYJUVKQZX"


def _frequency(ch: str) -> int:
    """Rank of ``ch`` among the usual word-initial characters (unlisted ones last)."""
    rank = _WORD_INITIALS.find(ch)
    return len(_WORD_INITIALS) if rank < 0 else rank


@attrs.define
class _Bucket:
    """The word-start alternatives that open with one character, in scanning order."""

    before: list[tuple[str, str]] = attrs.Factory(list)  # (terminal, regex) ahead of words
    rests: list[tuple[str, str]] = attrs.Factory(list)  # (word after its first character,
    # terminal)
    after: list[tuple[str, str]] = attrs.Factory(list)  # (terminal, regex) after the words


def _bucketed(terms: Sequence[TerminalDef], literals: dict[str, str] | None = None,
              gapped: list[str] | None = None) -> tuple[str, list[str]] | None:
    """The fast shape of :func:`_plain`, or ``None`` when ``terms`` do not allow it.

    With ``literals``, a literal word or punctuation terminal closes no group where the
    lower case of its match tells it: its ASCII text, lower case with one space between
    words, is put in ``literals`` instead (see :class:`Scanner`). With ``gapped`` too,
    the source of :attr:`Gapped.pattern` is appended to it, followed by the names of
    its shifted groups, if the terms allow that shape (:func:`_gapped`); its groups are
    named in the list this returns.
    """
    punct, first, words, last, free = _sections(terms)
    if len({t.priority for t in words}) > 1 or any("i" not in t.pattern.flags for t in words):
        return None
    buckets: dict[str, _Bucket] = {}
    others: list[tuple[int, tuple[str, str]]] = []  # (order, (terminal, body))
    alts_of_others: list[str] = []  # the regex text of each of the others
    latest: dict[str, int] = {}  # bucket -> order of its last alternative
    order = iter(range(1 << 30))

    def bucket(ch: str, seq: int) -> _Bucket:
        latest[ch] = seq
        return buckets.setdefault(ch, _Bucket())

    def add_regex(t: TerminalDef, ahead: bool) -> None:
        ignore = "i" in t.pattern.flags
        tail = _END if _ends_word(t) else ""
        for alt in _alternatives(t.pattern.value):
            seq = next(order)
            lead = _LEAD.match(alt)
            if lead is None:
                others.append((seq, (t.name, _inline(t, alt) + tail)))
                alts_of_others.append(alt)
                continue
            for ch in _cased(lead.group(), ignore):
                found = bucket(ch, seq)
                (found.before if ahead else found.after).append(
                    (t.name, _inline(t, alt[1:]) + tail))

    for t in first:
        add_regex(t, ahead=True)
    for t in words:
        phrase = t.pattern.value  # a space is \s+ (as in _plain); other white space is kept
        if not phrase[0].isascii() and phrase[0].lower() != phrase[0].upper():
            return None  # a bucket opens with its character as a case-sensitive literal
        seq = next(order)
        for ch in _cased(phrase[0], True, folds=False):  # as _phrase
            rest = phrase[1:]
            bucket(ch, seq).rests.append((rest.casefold() if rest.isascii() else rest, t.name))
    for t in last:
        add_regex(t, ahead=False)
    guard = _first_class(alts_of_others) if others else ""
    if guard is None:
        return None
    if others:
        # The others are tried after every bucket: where one can start like a bucket, it
        # must also come after that bucket's alternatives in scanning order.
        earliest = min(seq for seq, _ in others)
        if any(re.fullmatch(guard, ch) and latest[ch] > earliest for ch in buckets):
            return None

    names: list[str] = []

    def group(name: str, body: str) -> str:
        names.append(name)
        return f"(?P<_{len(names) - 1}>{body})"

    def shared(items: list[tuple[str, str]]) -> list[str]:
        """The alternatives of a bucket, each run of one terminal's alternatives ending in
        one empty group of its own (so that each opens with its own characters, which
        ``re`` compares at once)."""
        runs: list[tuple[str, list[str]]] = []
        for name, body in items:
            if runs and runs[-1][0] == name:
                runs[-1][1].append(body)
            else:
                runs.append((name, [body]))
        return [(b[0] if len(b) == 1 else f"(?:{'|'.join(b)})") + group(n, "") for n, b in runs]

    def punctuation(t: TerminalDef) -> str:
        value = t.pattern.value
        if literals is None or not value.isascii() or value.lower() != value.upper():
            return group(t.name, re.escape(value))
        literals.setdefault(value, t.name)  # the first of equal ones matches
        return re.escape(value)

    parts = [punctuation(t) for t in punct]
    word = []
    for ch, b in sorted(buckets.items(), key=lambda item: _frequency(item[0])):
        alts = shared(b.before)
        if b.rests:
            alts.append(_trie(b.rests, group, None if literals is None else _word_end(
                ch, literals, group)))
        alts += shared(b.after)
        word.append(re.escape(ch) + (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"))
    if others:
        word.append(f"(?={guard})(?:{'|'.join(group(n, b) for _, (n, b) in others)})")
    parts.append(f"{_START}(?:{'|'.join(word)})")
    for t in free:
        parts += _lookbehind(t, group)
    if gapped is not None and literals is not None:
        gapped += _gapped(punct, word, free, group, names)
    return "|".join(parts), names


def _gapped(punct: Sequence[TerminalDef], word: Sequence[str], free: Sequence[TerminalDef],
            group: Callable[[str, str], str], names: list[str]) -> list[str]:
    """The source of :attr:`Gapped.pattern` and the names of its shifted groups, from
    the punctuation terminals, the word-start alternatives (``word``, in scanning
    order, of a pattern whose literals are named by :attr:`Scanner.literals`) and the
    lookbehind terminals; or ``[]`` when they do not allow that shape: every
    punctuation terminal must be one character that is no word character or hyphen,
    and every lookbehind terminal ``(?<=X)cR`` a letter or digit ``c`` and an ``R``
    that opens with such a character or a class of them, then a letter or digit
    (``(?<=\\w)n['’]t``)."""
    if not all(_never_word(re.escape(t.pattern.value), 0) for t in punct):
        return []
    # a bucket opens with its character (a literal); the others' run with a lookahead
    if any(alt.startswith("(?") and sre_parse.parse(alt).getwidth()[0] == 0
           for alt in word):
        return []
    shifted: list[str] = []
    firsts: list[str] = []
    for t in free:
        value = t.pattern.value
        j = _closing(value)
        behind, rest = value[4:j], value[j + 1 :]
        lead = _LEAD.match(rest)
        second = _SECOND.match(rest, 1)
        third = _LEAD.match(rest, second.end()) if second else None
        if j < 0 or lead is None or second is None or third is None \
                or len(_split_top(rest)) > 1 or len(_split_top(behind)) > 1 \
                or not _never_word(second.group(), _flags(t)):
            return []
        tail = _END if _ends_word(t) else ""
        # (?<=X)cR0dR' as d(?<=XcR0d)R', for each case of d: the match opens with R0,
        # and its branch with the literal d, which re compares at once
        seen = rest[: third.end()]
        for ch in _cased(third.group(), "i" in t.pattern.flags):
            behind_all = f"(?<={_inline(t, behind)}{_inline(t, seen[:-1])}{re.escape(ch)})"
            firsts.append(re.escape(ch) + group(t.name, behind_all
                                                + _inline(t, rest[third.end():]) + tail))
            shifted.append(f"_{len(names) - 1}")
    alts = [*firsts, *word]
    if punct:
        alts.append(f"(?<=[{''.join(re.escape(t.pattern.value) for t in punct)}])")
    # [^\w-], its ASCII word characters listed too: re then tells them by a bitmap
    # before it asks Unicode whether the character is a word character
    return [rf"[^{_ASCII_WORD}\w-](?:{'|'.join(alts)})", *shifted]


#: The ASCII word characters, as in a character class.
_ASCII_WORD = "0-9A-Za-z_"


#: The first element of a regex after its first character: a character class or one
#: (escaped) character.
_SECOND = re.compile(r"\[\^?\]?[^\]]*\]|\\.|[^\\()|?*+{.\[]")


def _never_word(element: str, flags: int) -> bool:
    """Whether the regex ``element`` (a class or one character) matches one character
    and only such that are no word character or hyphen: a literal, or a class of
    literals and ranges of them (not negated, no categories such as ``\\s``)."""
    try:
        parsed = list(sre_parse.parse(element, flags))
    except re.error:
        return False
    if len(parsed) != 1:
        return False
    op, av = parsed[0]
    items = [(op, av)] if op is sre_constants.LITERAL else av if op is sre_constants.IN \
        else []
    chars: list[str] = []
    for kind, arg in items:
        if kind is sre_constants.LITERAL:
            chars.append(chr(arg))
        elif kind is sre_constants.RANGE and arg[1] - arg[0] < 256:
            chars += map(chr, range(arg[0], arg[1] + 1))
        else:
            return False
    # under re.IGNORECASE, a character also matches its other cases
    return bool(chars) and not any(re.fullmatch(r"[\w-]", c) or c.lower() != c.upper()
                                   for c in chars)


def _word_end(first: str, literals: dict[str, str], group: Callable[[str, str], str],
              ) -> Callable[[str, str], str]:
    """How a trie word that opens with ``first`` ends: in nothing when its lower-case
    ASCII text is a key of ``literals`` that only it can match, else in its group.

    Only a word with one space between its parts, and no other white space, is such a
    key: a space of the trie is ``\\s+``, so a text with a tab, a newline or two spaces
    in it may reach the end of another word ("in\\nfact" and "in  fact" both match
    "in fact"); such a word is named by its group, as in :attr:`Scanner.exact`."""
    def end(rest: str, name: str) -> str:
        word = first + rest
        if not word.isascii() or word != " ".join(word.split()):
            return group(name, "")
        literals[word.lower()] = name  # the trie keeps the last of equal words
        return ""

    return end


def _lookbehind(t: TerminalDef, group: Callable[[str, str], str]) -> list[str]:
    """``(?<=X)cR`` as ``c(?<=Xc)R`` for each case of ``c``, so that the branch opens with
    a literal; other shapes as they are."""
    value = t.pattern.value
    tail = _END if _ends_word(t) else ""
    j = _closing(value)
    behind, rest = value[4:j], value[j + 1 :]
    lead = _LEAD.match(rest)
    if j < 0 or lead is None or len(_split_top(rest)) > 1 or len(_split_top(behind)) > 1:
        return [group(t.name, _inline(t, value) + tail)]
    out = []
    for ch in _cased(lead.group(), "i" in t.pattern.flags):
        c = re.escape(ch)
        # the lookbehind under the terminal's flags, as in (?i:(?<=X)cR)
        behind_c = f"(?<={_inline(t, behind)}{c})"
        out.append(c + group(t.name, behind_c + _inline(t, rest[1:]) + tail))
    return out
