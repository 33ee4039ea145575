"""Run the marker grammar's LALR(1) table over a sentence's token types, for its hits.

Lark compiles ``grammars/markers.lark`` into an LALR(1) parse table. Its own parser then
feeds one ``lark.Token`` at a time and, at every reduction, calls its tree builder and our
transformer (``grammar._Collect``): about 60 Python calls per sentence. This module drives
the same table itself, over token *types* only, and computes the transformer's result
directly as *plans*: ``(rule, token indices, head index)`` — the hits of
:class:`argmap.grammar.Hit` with indices in place of tokens. The semantics are Lark's:
children of rules whose name starts with ``_`` are spliced into their parent, an alias
names the rule, and each named rule is read as ``grammar._Collect`` reads it. That the
plans equal Lark's own parse is a tested property (``tests/test_grammar_memo.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

import lark
from lark.parsers.lalr_analysis import Shift

__all__ = ["Plan", "PlanParser"]

#: One marker pattern: (rule, indices of its marker tokens, index of its head or None).
Plan = tuple[str, tuple[int, ...], "int | None"]

# How a reduction computes its value (see PlanParser._parse and _value).
_INLINE, _GROUP, _POSITION, _START, _OTHER = range(5)
#: The inlined rule Lark makes of ``start: _item*``.
_ITEMS = "__start_star_0"
#: How many items each :class:`_ItemMemo` keeps before it starts afresh.
_ITEM_MEMO = 1 << 12
#: Rules (or aliases) with a reading of their own, as in ``grammar._Collect``.
_SPECIAL = frozenset({"opener_weak", "opener_stacked", "opener_subordinate", "semi_subordinate",
                      "subordinate_weak", "subordinate_stacked",
                      "medial_final", "final_though", "list_item", "ordinal_np",
                      "while_concession", "announcement"})


class _Spliced(list[Any]):
    """The children of an inlined ``_rule``, to be spliced into its parent's."""


#: The lists of plans an item adds to the ``_item*`` list, at token indices counted from
#: the item's first token.
_Added = tuple[tuple[Plan, ...], ...]


class _ItemMemo:
    """A bounded memo of items: the token types of an item and the lookahead that ends
    it -> the lists of plans the item adds (:data:`_Added`), and its size in tokens.

    A lookup at token ``i`` tries the sizes of the items remembered with the same first
    type, shortest first (the short ones are read most often). At :data:`_ITEM_MEMO`
    entries the memo starts afresh: a long text's items would otherwise fill it.
    """

    __slots__ = ("added", "sizes")

    def __init__(self) -> None:
        self.added: dict[tuple[str, ...], tuple[_Added, int]] = {}
        #: for each first token type, the sizes (in tokens) of the items remembered
        self.sizes: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.added)

    def clear(self) -> None:
        self.added.clear()
        self.sizes.clear()

    def find(self, symbols: list[str], i: int, last: int) -> tuple[_Added, int] | None:
        """What the item remembered at ``symbols[i:]`` adds, and its size in tokens; or
        ``None``. ``last`` is the index of "$END": no item reads past it."""
        added = self.added
        for size in self.sizes.get(symbols[i], ()):
            if i + size <= last:
                found = added.get(tuple(symbols[i:i + size + 1]))
                if found is not None:
                    return found  # (added, size), made once in add()
        return None

    def add(self, symbols: list[str], added: _Added) -> None:
        """Remember that the item of ``symbols`` (its tokens, then its lookahead) adds
        ``added``."""
        if len(self.added) >= _ITEM_MEMO:
            self.clear()
        self.added[tuple(symbols)] = (added, len(symbols) - 1)
        sizes = self.sizes.setdefault(symbols[0], [])
        if len(symbols) - 1 not in sizes:
            sizes.append(len(symbols) - 1)
            sizes.sort()


class PlanParser:
    """The LALR(1) table of a compiled Lark grammar, driven over token types.

    Args:
        parser: a ``lark.Lark`` built with ``parser="lalr"``.
        groups: names of the function-group rules (``contrast``, ``reason_clause`` …).
        positions: names of the position rules whose group tokens become hits.
    """

    def __init__(self, parser: lark.Lark, groups: Collection[str],
                 positions: Collection[str]) -> None:
        # LALR_Parser keeps the table it was built or loaded with as ``_parse_table``.
        table = parser.parser.parser._parse_table
        self._start: int = table.start_states["start"]
        self._end: int = table.end_states["start"]
        self._actions: list[dict[str, tuple[Any, ...]]] = []
        self._goto: list[dict[str, int]] = []
        rules: dict[int, tuple[Any, ...]] = {}
        self._chains: dict[tuple[int, int, str], tuple[int, bool]] = {}
        #: for each token type met so far, the lookaheads after which it is a filler
        #: item between items (_learn_filler); the sets of lookaheads of the stacks
        #: the walks met
        self._fillers: dict[str, frozenset[str]] = {}
        self._walks: dict[tuple[int, ...], frozenset[str]] = {}
        #: items read from between items (_remember_item)
        self._items = _ItemMemo()
        #: first items of sentences, parsed from ``start`` (_remember_opening)
        self._openings = _ItemMemo()
        for state in range(max(table.states) + 1):
            actions: dict[str, tuple[Any, ...]] = {}
            goto: dict[str, int] = {}
            for symbol, (action, arg) in table.states.get(state, {}).items():
                if action is Shift:
                    if symbol.isupper() or symbol == "$END":
                        actions[symbol] = (arg,)
                    else:
                        goto[symbol] = arg
                else:
                    rule = rules.get(id(arg))
                    if rule is None:
                        rule = rules[id(arg)] = _reduction(arg, groups, positions)
                    actions[symbol] = rule
            self._actions.append(actions)
            self._goto.append(goto)
        #: the state between items: ``start`` with its ``_item*`` list on the stack
        self._base = self._goto[self._start].get(_ITEMS, -1)
        #: whether, between items, the table accepts at "$END" by reducing the start
        #: rule (``start: _item*``) as :meth:`plans` does in one step
        accept = self._actions[self._base].get("$END") if self._base >= 0 else None
        self._accepts = (isinstance(accept, _Reduce) and accept.size == 1
                         and accept.origin == "start" and accept.kind == _START
                         and accept.splices == (True,)
                         and self._goto[self._start].get("start") == self._end)
        #: Whether the plans are Lark's: they are not for a grammar whose rules drop
        #: tokens from their children (anonymous literals such as ``"("``, terminals named
        #: ``_X``), collapse a single child (``?rule``) or are templates, which Lark's tree
        #: builder applies and this driver does not model. Such a (user) grammar is left
        #: to Lark's own parse (:meth:`argmap.grammar.Grammar.plan`).
        self.exact: bool = all(_modelled(rule) for rule in parser.rules)

    def plans(self, types: Sequence[str]) -> tuple[Plan, ...]:
        """The marker patterns of one sentence, given its token types (SOS … EOS).

        The parse is the LALR table's (:meth:`_parse`), read in items: the first item of
        the sentence, then from between items (the stack ``[start, base]``) each next
        one. Between items, a run of filler items is skipped and an item read before is
        taken from the memo; only the others are parsed.

        Raises:
            ValueError: the grammar does not accept the sequence (the built-in grammar
                accepts every sequence of its terminals; a user grammar may not).
        """
        base = self._base
        # "$END" twice: the filler loop below reads the lookahead of "$END" too
        symbols = [*types, "$END", "$END"]
        last = len(types)  # the index of "$END"
        values: list[Any] = []
        if base < 0:  # a start rule that is not a list of items: the table alone
            self._parse(symbols, types, [self._start], values, 0)
            return tuple(values[-1])
        # The first item is parsed from ``start`` alone, not from between items: it has
        # a memo of its own (_remember_opening).
        opening = self._openings.find(symbols, 0, last)
        if opening is not None:
            items_list = [list(child) for child in opening[0]]
            i = opening[1]
        else:
            i = self._parse(symbols, types, [self._start], values, 0)
            if i < 0:  # accepted without an item (no tokens)
                return tuple(values[-1])
            items_list = values[0]
            self._remember_opening(symbols[:i + 1], items_list)
        find_item = self._items.find
        while True:
            i = self._skip_fillers(symbols, i)
            if i == last and self._accepts:
                # the table reduces ``start: _item*`` and accepts: the start rule keeps
                # the lists of plans of the items (_value)
                return tuple([plan for child in items_list if isinstance(child, list)
                              for plan in child])
            # An item read before from between items, on the same tokens and lookahead,
            # is read the same way (_remember_item).
            item = find_item(symbols, i, last)
            if item is not None:
                items_list.extend(_shifted(item[0], i))
                i += item[1]
            else:
                kept = len(items_list)
                values = [items_list]
                end = self._parse(symbols, types, [self._start, base], values, i)
                if end < 0:
                    return tuple(values[-1])
                if values[0] is items_list:  # grown in place, as always
                    self._remember_item(symbols[i:end + 1], items_list[kept:], i)
                items_list = values[0]
                i = end

    def _skip_fillers(self, symbols: list[str], i: int) -> int:
        """The index of the first token from ``i`` on that is not a filler item before
        the next one.

        Between items, a token that the next one shows to be a plain filler item adds
        nothing the start rule keeps: it is skipped, which leaves the parse of the rest
        as it was (:meth:`_filler_item`). Most tokens are; a run of them is skipped here
        in one go. ("$END" is never a filler, and ``symbols`` ends with it twice.)
        """
        fillers = self._fillers
        while True:
            after = fillers.get(symbols[i])
            if after is None:  # a type met for the first time
                after = self._learn_filler(symbols[i])
            if symbols[i + 1] not in after:
                return i
            i += 1

    def _parse(self, symbols: list[str], types: Sequence[str], states: list[int],
               values: list[Any], i: int) -> int:
        """Run the LALR table from the stack ``states`` (values ``values``) at token ``i``
        until the stack is back between items (``[start, base]``) after a token: return
        the index of the lookahead then, or -1 once the table accepts (the plans are
        then ``values[-1]``)."""
        actions, goto, chains = self._actions, self._goto, self._chains
        base, first = self._base, i
        while True:
            symbol = symbols[i]
            while True:
                if len(states) == 2 and states[1] == base and i > first:
                    return i
                try:
                    action = actions[states[-1]][symbol]
                except KeyError:
                    raise self._refusal(types) from None
                if len(action) == 1:  # shift
                    states.append(action[0])
                    values.append(i)
                    i += 1
                    break
                size, origin, kind, name, expand = action
                # Each value has one parent, so an inlined child's list may be reused or
                # grown in place (no copy of the growing ``_item*`` list at every item).
                if size == 1 and kind == _INLINE:
                    # a run of one-child inlined rules (TEXT -> _filler -> _bare -> _item)
                    # changes only the top state: done in one step, remembered
                    link = (states[-2], states[-1], symbol)
                    chain = chains.get(link)
                    if chain is None:
                        chain = chains[link] = self._chain(*link)
                    states[-1], wrap = chain
                    if wrap:
                        values[-1] = _Spliced([values[-1]])
                    continue
                if size == 2 and kind == _INLINE:  # _item* grows by one item, in place
                    second = values.pop()
                    if not expand[0]:
                        values[-1] = _Spliced([values[-1]])
                    if expand[1]:
                        values[-1].extend(second)
                    else:
                        values[-1].append(second)
                    del states[-2:]
                    states.append(goto[states[-1]][origin])
                    continue
                if size == 1:
                    child = values.pop()
                    del states[-1]
                    flat = child if expand[0] else [child]
                elif size:
                    children = values[-size:]
                    del values[-size:]
                    del states[-size:]
                    flat = children[0] if expand[0] else _Spliced(children[:1])
                    for child, spliced in zip(children[1:], expand[1:], strict=True):
                        if spliced:
                            flat.extend(child)
                        else:
                            flat.append(child)
                else:
                    flat = _Spliced()
                values.append(flat if kind == _INLINE else _value(kind, name, flat, types))
                states.append(goto[states[-1]][origin])
                if symbol == "$END" and states[-1] == self._end:
                    return -1

    def forget(self) -> None:
        """Empty the memos of items and of first items (they fill up with the text
        read). What depends on the grammar alone (fillers, chains) is kept."""
        self._items.clear()
        self._openings.clear()

    def _remember_opening(self, symbols: list[str], added: list[Any]) -> None:
        """Remember what the first item of a sentence put on the ``_item*`` list.

        From the stack ``[start]``, the parse up to the first time the stack is
        ``[start, base]`` reads only the tokens so far and the lookahead that ends the
        item (``symbols``): the same tokens at the start of another sentence leave the
        same list. Only its lists of plans are kept: the start rule reads nothing else.
        """
        self._openings.add(symbols, tuple(
            tuple(child) for child in added if isinstance(child, list)))

    def _remember_item(self, symbols: list[str], added: list[Any], first: int) -> None:
        """Remember what one item added to the ``_item*`` list, read from between items.

        From the stack ``[start, base]``, the LALR parse of an item is a function of its
        tokens and the lookahead that ends it (``symbols``, types), and nothing else: the
        same tokens elsewhere add the same values, their token indices moved by where
        they begin. Only the lists of plans are kept (``added``, from token ``first``):
        the start rule reads nothing else. Bounded by :data:`_ITEM_MEMO`.
        """
        self._items.add(symbols, tuple(
            tuple(_shift(plan, -first) for plan in child)
            for child in added if isinstance(child, list)))

    def _refusal(self, types: Sequence[str]) -> ValueError:
        """The error for a sequence the table does not accept: at its first token that
        the plain LALR parse has no action for (the fast paths skip only what that parse
        reads without error, so it is where they stopped or would have)."""
        actions, goto = self._actions, self._goto
        states = [self._start]
        symbols = [*types, "$END"]
        for i, symbol in enumerate(symbols):
            while symbol in actions[states[-1]]:
                action = actions[states[-1]][symbol]
                if len(action) == 1:
                    states.append(action[0])
                    break
                size, origin = action[:2]
                if size:
                    del states[-size:]
                states.append(goto[states[-1]][origin])
                if symbol == "$END" and states[-1] == self._end:
                    raise AssertionError("the sequence is accepted")  # pragma: no cover
            else:
                expected = ", ".join(sorted(k for k in actions[states[-1]] if k.isupper()))
                return ValueError(f"the marker grammar cannot read {symbol} at token {i} "
                                  f"of {' '.join(types)}; it expects one of: {expected}")
        raise AssertionError("the LALR table ended without accepting")  # pragma: no cover

    def _learn_filler(self, symbol: str) -> frozenset[str]:
        """The lookaheads after which ``symbol`` is a filler item (:meth:`_filler_item`),
        remembered."""
        action = self._actions[self._base].get(symbol) if self._base >= 0 else None
        found: frozenset[str] = frozenset()
        if action is not None and len(action) == 1:
            found = self._fillers_from((self._start, self._base, action[0]))
        self._fillers[symbol] = found
        return found

    def _fillers_from(self, states: tuple[int, ...]) -> frozenset[str]:
        """The lookaheads with which the :meth:`_filler_item` walk from the stack
        ``states`` ends between items: those whose reduction leads there, or to a stack
        from which the walk with the same lookahead does. Done once for each set of
        lookaheads that the table treats alike, and remembered for each stack."""
        found = self._walks.get(states)
        if found is not None:
            return found
        alike: dict[int, tuple[tuple[Any, ...], set[str]]] = {}
        for lookahead, action in self._actions[states[-1]].items():
            if len(action) != 1:  # a reduction: lookaheads with the same one go alike
                alike.setdefault(id(action), (action, set()))[1].add(lookahead)
        ends: set[str] = set()
        for action, same in alike.values():
            size, origin, kind = action[:3]
            if kind not in (_INLINE, _GROUP, _OTHER) or size >= len(states):
                continue
            after = states[:-size] if size else states
            after = (*after, self._goto[after[-1]][origin])
            if after == (self._start, self._base):
                ends |= same
            else:
                ends |= same & self._fillers_from(after)
        found = self._walks[states] = frozenset(ends)
        return found

    def _filler_item(self, symbol: str, lookahead: str) -> bool:
        """Whether ``symbol``, read between items and followed by ``lookahead``, is
        reduced to an item of its own that holds no hit, the stack back between items.

        The definition of a filler, one pair at a time: :meth:`_learn_filler` computes it
        for all lookaheads at once, and the tests compare the two.

        Such an item adds only a token index or a group pair to the ``_item*`` list, which
        the start rule drops; skipping the token leaves the parse of the rest unchanged.
        """
        states = [self._start, self._base]
        action = self._actions[self._base].get(symbol)
        if action is None or len(action) != 1:
            return False
        states.append(action[0])
        while True:
            action = self._actions[states[-1]].get(lookahead)
            if action is None or len(action) == 1:
                return False  # the token opens a longer pattern with the next one
            size, origin, kind = action[:3]
            if kind not in (_INLINE, _GROUP, _OTHER) or size >= len(states):
                return False
            if size:
                del states[-size:]
            states.append(self._goto[states[-1]][origin])
            if len(states) == 2 and states[1] == self._base:
                return True

    def _chain(self, below: int, top: int, symbol: str) -> tuple[int, bool]:
        """Where a run of one-child inlined reductions on ``top`` (over ``below``) with
        lookahead ``symbol`` ends, and whether its value is wrapped for splicing."""
        wrap = False
        first = True
        while True:
            action = self._actions[top][symbol]
            if not isinstance(action, _Reduce) or action.size != 1 or action.kind != _INLINE:
                return top, wrap
            if not action.splices[0]:
                if not first:
                    return top, wrap  # a second wrap: left to the general path
                wrap = True
            top = self._goto[below][action.origin]
            first = False


def _shift(plan: Plan, by: int) -> Plan:
    """``plan`` with its token indices moved by ``by``."""
    rule, picks, head = plan
    return rule, tuple(map(by.__add__, picks)), None if head is None else head + by


def _shifted(found: _Added, by: int) -> list[list[Plan]]:
    """The remembered lists of plans of an item that begins at token ``by``."""
    return [[_shift(plan, by) for plan in child] for child in found]


def _modelled(rule: Any) -> bool:
    """Whether Lark builds ``rule``'s children as :meth:`PlanParser.plans` assumes: every
    symbol kept, no single child collapsed, the rule's own name."""
    options = rule.options
    if (options.expand1 and not rule.alias) or options.template_source:
        return False
    return bool(options.keep_all_tokens) or not any(
        s.is_term and s.filter_out for s in rule.expansion)


class _Reduce(NamedTuple):
    """A reduction of the table as :meth:`PlanParser._parse` reads it (a shift is a
    1-tuple of the next state): unpacked in the parse loop, read by name elsewhere."""

    #: how many symbols the rule pops
    size: int
    #: the rule's name (the nonterminal it pushes)
    origin: str
    #: how its value is computed: _INLINE, _GROUP, _POSITION, _START or _OTHER
    kind: int
    #: the rule's alias, or its name
    name: str
    #: for each child, whether its children are spliced into this rule's (an ``_x`` rule)
    splices: tuple[bool, ...]


def _reduction(rule: Any, groups: Collection[str], positions: Collection[str]) -> _Reduce:
    """What reducing ``rule`` does."""
    origin = str(rule.origin.name)
    name = str(rule.alias or origin)
    if name.startswith("_"):
        kind = _INLINE
    elif name == "start":
        kind = _START
    elif name in groups:
        kind = _GROUP
    elif name in _SPECIAL or name in positions:
        kind = _POSITION
    else:
        kind = _OTHER
    expand = tuple(not s.is_term and s.name.startswith("_") for s in rule.expansion)
    return _Reduce(len(rule.expansion), origin, kind, name, expand)


def _value(kind: int, name: str, flat: list[Any], types: Sequence[str]) -> Any:
    """The value of a reduction, as ``grammar._Collect`` computes it (tokens as indices;
    a group as ``("group", index)``; a position rule as a list of plans)."""
    if kind == _INLINE:
        return _Spliced(flat)
    if kind == _GROUP:
        return ("group", flat[0])
    if kind == _START:
        return [plan for child in flat if isinstance(child, list) for plan in child]
    if kind == _OTHER:
        return []
    marked = tuple(c[1] for c in flat if isinstance(c, tuple))
    if name == "opener_weak":  # the last marker word had no comma: an ordinary word
        return [("opener", marked[:-1], None)] if marked[:-1] else []
    if name == "opener_stacked":  # the opener, then the adverbial stacked after its comma
        return [("opener", marked[:-1], None), ("stacked", marked[-1:], None)]
    if name == "opener_subordinate":  # "However, because …": the subordinator opens its clause
        return [("opener", marked[:-1], None), ("subordinate", marked[-1:], None)]
    if name == "subordinate_weak":  # "Since, still water …": an ordinary word after it
        return [("subordinate", marked[:-1], None)]
    if name == "subordinate_stacked":  # "Since, however, …": the adverbial stacked on it
        return [("subordinate", marked[:-1], None), ("stacked", marked[-1:], None)]
    if name == "medial_final":
        return [("final", marked, None)]
    if name == "final_though":
        return [("final_though", marked, None)]
    if name == "list_item":
        lead = next((c for c in flat if isinstance(c, int) and types[c] != "SOS"), None)
        return [("list_item", (marked[0],), lead)]
    if name == "ordinal_np":
        raw = tuple(c for c in flat if isinstance(c, int) and types[c] != "SOS")
        return [("ordinal_np", raw[1:], None)]
    if name == "while_concession":
        return [("while_concession",
                  tuple(c for c in flat if isinstance(c, int) and types[c] == "WHILE"), None)]
    if name == "announcement":
        cardinal = next(c for c in flat if isinstance(c, int))
        return [("announcement", (cardinal,), flat[-1])]
    return [(name, marked, None)] if marked else []
