"""Cardinals that count no list: proportions, fractions, sums, larger numbers, measures;
and sentences that report an amount."""

from __future__ import annotations

import re

__all__ = ["counts_no_list", "label_value", "measure", "proportion", "states_amount"]

#: A cardinal that is the second number of a proportion ("one in five", "9 out of 10",
#: "one in every five", "one out of every three", "nine times out of ten"): a ratio, not
#: the size of a list.
#: Matched on the characters before the cardinal; the first number is a part of the
#: second, so smaller (:func:`proportion`). "one of two things" is left alone: it
#: announces the alternatives that follow.
_PROPORTION = re.compile(
    r"\b(?P<part>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?:times\s+)?(?:in|out\s+of)(?:\s+every)?\s+\Z", re.IGNORECASE)
#: The first number of a proportion, spelled out: its value.
_SMALL = {w: n for n, w in enumerate(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1)}
#: Nouns named by a number that follows them ("Chapter one", "Section 4", "page 10"):
#: such a number is no proportion's ("Chapter one in two parts" announces the parts).
_NAMED_BY_NUMBER = frozenset({
    "chapter", "section", "part", "page", "article", "volume", "book", "step", "stage",
    "phase", "figure", "table", "act", "scene", "verse", "line", "number", "no", "room"})
_LAST_WORD = re.compile(r"(\w+)\W*\Z")


def proportion(text: str, at: int, whole: int) -> bool:
    """Whether the cardinal at character ``at`` of ``text``, of value ``whole``, is the
    second number of a proportion (:data:`_PROPORTION`): the first number is smaller
    ("grade nine in two schools", "passed 52 in two readings" are no proportions) and
    names no noun (:data:`_NAMED_BY_NUMBER`: "Chapter one in two parts")."""
    m = _PROPORTION.search(text, max(0, at - 40), at)
    if m is None:
        return False
    part = m.group("part").lower()
    if not 0 < (int(part) if part.isdigit() else _SMALL[part]) < whole:
        return False
    before = _LAST_WORD.search(text, max(0, m.start() - 24), m.start())
    return before is None or before.group(1).lower() not in _NAMED_BY_NUMBER


#: A number word or numeral, as an operand or the other end of a range.
_NUMBER = (r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|"
           r"seventy|eighty|ninety|hundred|thousand|million)\b)")
#: The words right after a cardinal that make it part of a number expression, not the
#: size of a list (Quirk et al. 1985, ch. 6, numerals: fractions and multipliers;
#: Huddleston & Pullum 2002 (CGEL), ch. 5, numerals and fractions):
#:
#: - a fraction, the cardinal its numerator: "two thirds", "nine tenths", "three
#:   hundredths". A denominator made from an ordinal (thirds … tenths, hundredths) is a
#:   fraction wherever it stands ("Two thirds agreed"). "halves" and "quarters" are also
#:   nouns of parts (the halves of a brain, the quarters of a city): they make a
#:   fraction only before "of" (the partitive: "three quarters of the budget"), and not
#:   after a definite determiner (:data:`_DEFINITE`: "the three quarters of Paris", "the
#:   two halves of the brain" count the parts) — group ``parts``;
#: - a larger number, the cardinal its multiplier: "two hundred years", "ten thousand
#:   throats", "four millions of slaves", "two dozen eggs" (no list of two hundred is
#:   enumerated, and its value is not the cardinal's);
#: - a range, the cardinal one end of it: "ten to twenty times" (as "two or three");
#: - a sum, the cardinal its first operand: "two plus two", "two minus one", "ten
#:   divided by two", "three multiplied by four", "three times five" (an operator and a
#:   number: "Two reasons, plus a caveat, follow" is a list);
#: - a multiplier: "ten times as fast", "three times too big", "five times more", "ten
#:   times or a hundred times as fast"; or
#:   the part of a proportion: "nine times out of ten". "three times" alone counts
#:   occasions, which a list may follow ("He was arrested three times: first …").
_NOT_A_COUNT = re.compile(
    r"(?:(?:thirds|fourths|fifths|sixths|sevenths|eighths|ninths|tenths|hundredths|"
    r"thousandths)\b"
    r"|(?P<parts>halves|quarters)\s+of\b"
    r"|(?:hundred|thousand|million|billion)s?\b|dozen\b|score\b"
    r"|(?:to|plus|minus|(?:divided|multiplied)\s+by)\s+" + _NUMBER +
    r"|times\s+(?:or\s+(?:a\s+)?" + _NUMBER + r"\s+times\s+)?"
    r"(?:as|too|more|less|" + _NUMBER + r"|(?:in|out\s+of)\s+(?:every\s+)?" + _NUMBER + r"))",
    re.IGNORECASE)
#: A cardinal that is the second operand of a sum: "two plus two", "ten divided by two",
#: "three times five" (a number, an operator, the cardinal). Matched on the characters
#: before the cardinal.
_OPERAND = re.compile(
    r"(?<![\w-])" + _NUMBER.replace(r"\d", r"\d+") +
    r"\s+(?:plus|minus|times|(?:divided|multiplied)\s+by)\s+\Z", re.IGNORECASE)
#: Definite determiners: "the two halves of the brain" counts parts (see _NOT_A_COUNT).
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our",
                       "my", "your"})


def counts_no_list(text: str, at: int, whole: int, after: int) -> bool:
    """Whether the cardinal at character ``at`` of ``text``, of value ``whole``, whose
    following word starts at character ``after``, belongs to a number expression that
    counts no list: a proportion (:func:`proportion`), a fraction, a larger number, a
    range, a sum or a multiplier (:data:`_NOT_A_COUNT`, :data:`_OPERAND`).

    Examples:
        >>> text = "Two thirds of voters agreed."
        >>> counts_no_list(text, 0, 2, 4)
        True
        >>> text = "Two reasons, plus a caveat, follow."
        >>> counts_no_list(text, 0, 2, 4)
        False
        >>> text = "The three quarters of Paris differ."
        >>> counts_no_list(text, 4, 3, 10)
        False
    """
    m = _NOT_A_COUNT.match(text, after)
    if m is not None:
        if m.group("parts") is None:
            return True
        before = _LAST_WORD.search(text, max(0, at - 24), at)
        return before is None or before.group(1).lower() not in _DEFINITE
    return _OPERAND.search(text, max(0, at - 40), at) is not None or \
        proportion(text, at, whole)


#: Units of measure, plural (Huddleston & Pullum 2002 (CGEL), ch. 5, measure nouns:
#: "three pounds of flour"; Quirk et al. 1985, ch. 5, measure partitives): a cardinal
#: with one of them for its head quantifies an amount of time, length, area, volume,
#: weight or money ("eight minutes", "three acres", "nine shillings", "three more
#: years"); it names no set of items to be enumerated. A closed class, of the nouns whose
#: common sense is a unit: "seasons", "generations", "degrees", "points", "grains" (of
#: seed), "stones", "marks", "crowns", "sovereigns", "talents", "rods" and "hands" also
#: count things that a list may follow ("four seasons: spring …", "three degrees of
#: certainty") and are left out (some measure before an adverbial head:
#: :data:`_MEASURE_LIKE`). Temperature has no unit here for that reason ("degrees").
#: On the essay corpus no enumeration was announced by a unit (about 110 announcements,
#: the two with items both false): the rare one ("Two years stand out: 1848 and 1871")
#: is the price.
_UNITS = frozenset({
    # time
    "seconds", "minutes", "hours", "days", "weeks", "fortnights", "months", "years",
    "twelvemonths", "decades", "centuries",
    # length and area
    "inches", "yards", "miles", "leagues", "furlongs", "fathoms", "cubits", "paces",
    "metres", "meters", "centimetres", "centimeters", "millimetres", "millimeters",
    "kilometres", "kilometers", "versts", "acres", "hectares", "roods",
    # volume and weight
    "pints", "quarts", "gallons", "litres", "liters", "bushels", "pecks", "spoonfuls",
    "table-spoonfuls", "tablespoonfuls", "teaspoonfuls", "cupfuls", "ounces", "pounds",
    "tons", "tonnes", "grams", "grammes", "kilograms", "kilogrammes", "kilos",
    "hundredweights", "drams",
    # money
    "pennies", "shillings", "guineas", "farthings", "groats", "florins", "ducats",
    "dollars", "cents", "francs", "roubles", "rubles", "rupees", "obols", "drachmas",
    "minas", "sesterces"})
#: Nouns that measure only before an adverbial head (see :data:`_MEASURE_HEAD`): "ten
#: degrees colder", "three points higher", "two steps away", "two heads taller"; alone
#: they count things ("three degrees of certainty", "two points: …", "three heads: theft
#: …"). Those of :data:`_PERIODS` measure time before a temporal head too.
_MEASURE_LIKE = frozenset({
    "degrees", "points", "steps", "lengths", "stories", "storeys", "heads", "stones",
    "generations", "seasons", "moments", "instants"})
#: Nouns of periods that are no units: "two generations later", "three seasons earlier"
#: ("four seasons: spring …" counts them).
_PERIODS = frozenset({"generations", "seasons", "moments", "instants"})
#: The adverbial head of a measure phrase, right after its noun (CGEL ch. 6, measure
#: phrases modifying adjectives: "three years old", "ten feet high"; ch. 7, modifying
#: prepositions and adverbs: "two miles off", "a few minutes before the end"). Group
#: ``ago``: the preposition that follows its complement, a measure of time whatever its
#: noun ("three wars ago", CGEL ch. 7). Group ``temporal``: heads that also modify a
#: clause after its subject ("Two points later proved wrong"), so a measure only after
#: a period (:data:`_PERIODS`). Heads that open a clause's own adverbial or modify its
#: verb ("before", "after", "long", "further": "two points before we start", "two
#: facts further weaken it") are left out.
_MEASURE_HEAD = re.compile(
    r"\s+(?:(?P<ago>ago)|(?P<temporal>later|earlier|hence)|old|away|off|apart|higher|"
    r"lower|taller|older|younger|colder|warmer|hotter|longer|shorter|deeper|wider|nearer|"
    r"closer|heavier|lighter)\b",
    re.IGNORECASE)


#: Modifiers between a cardinal and its unit that keep the phrase a measure: they add to
#: the amount, say it is whole, or place it in time ("three more years", "two full
#: days", "three long years", "five consecutive months", "eight following years"). Any
#: other modifier makes the unit noun name particular periods or sums, which a list may
#: follow ("three critical years: 1929, 1973 and 2008", "two lost decades. The first
#: …").
_AMOUNT_MODIFIERS = frozenset({
    "more", "further", "additional", "extra", "full", "whole", "entire", "long", "short",
    "consecutive", "successive", "straight", "odd", "following", "preceding", "previous",
    "intervening", "subsequent"})


def measure(noun: str, text: str, end: int, before: str | None = None) -> bool:
    """Whether ``noun``, the plural head of a cardinal's noun phrase, ending at character
    ``end`` of ``text``, makes the phrase a measure of an amount, not the size of a
    list: a unit (:data:`_UNITS`: "eight minutes", "three acres") right after the
    cardinal or after a modifier of the amount (``before``, the word between them, in
    :data:`_AMOUNT_MODIFIERS`: "three more years"), a measure-like noun
    before an adverbial head (:data:`_MEASURE_LIKE`, :data:`_PERIODS`,
    :data:`_MEASURE_HEAD`: "ten degrees colder", "two generations later"), or any noun
    before "ago" ("three wars ago").

    Examples:
        >>> text = "He asked for three acres and a cow."
        >>> measure("acres", text, 24)
        True
        >>> text = "It happened three wars ago."
        >>> measure("wars", text, 22)
        True
        >>> text = "Ten degrees colder, the lake froze."
        >>> measure("degrees", text, 11)
        True
        >>> text = "He holds three degrees: a BA, an MA and a PhD."
        >>> measure("degrees", text, 22)
        False
        >>> text = "Three critical years stand out."
        >>> measure("years", text, 20, before="critical")
        False
    """
    noun = noun.lower()
    if noun in _UNITS and (before is None or before.lower() in _AMOUNT_MODIFIERS):
        return True
    m = _MEASURE_HEAD.match(text, end)
    if m is None:
        return False
    if m.group("ago") is not None:
        return True
    return noun in (_PERIODS if m.group("temporal") is not None else _MEASURE_LIKE)


_ROMAN = {"i": 1, "v": 5, "x": 10}


def label_value(label: str) -> int:
    """The position a list label names: ``"(b)"`` -> 2, ``"[C]"`` -> 3, ``"(iv)"`` -> 4.

    ``label`` is a letter or a roman numeral of i, v and x, in round or square brackets
    (the LIST_LABEL terminal of ``grammars/markers.lark``). A lone "i", "v" or "x" is
    read as the roman numeral (1, 5, 10), as in the Chicago Manual of Style's (17th ed.,
    §6.130) "(i)" lists; any other single letter as its place in the alphabet.

    Example:
        >>> [label_value(x) for x in ("(a)", "(b)", "[C]", "(i)", "(iv)", "(ix)", "(x)")]
        [1, 2, 3, 1, 4, 9, 10]
    """
    core = label.strip("()[]").lower()
    if core and all(ch in _ROMAN for ch in core):
        total = 0
        for n, ch in enumerate(core):
            value = _ROMAN[ch]
            total += -value if n + 1 < len(core) and _ROMAN[core[n + 1]] > value else value
        return total
    return ord(core[0]) - ord("a") + 1 if len(core) == 1 and core.isalpha() else 0


#: A figure: a numeral, a number word from "two" up, or a percentage ("twelve billion
#: pounds", "40 percent", "£90m"). "one" is left out: it is a pronoun as often ("no
#: one", "one must …").
_AMOUNT = re.compile(
    r"(?<![\w-])(?:[£$€]?\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|"
    r"percent|per\s+cent)(?![\w'’-]))", re.IGNORECASE)


def states_amount(text: str) -> bool:
    """Whether ``text`` reports a figure: a numeral, a number word from "two" up, or a
    percentage. A sentence that reports a measured amount is evidence of the
    statistical kind, a premise that backs a claim (the "study" evidence of Rinott et
    al. 2015, "Show Me Your Evidence", EMNLP: results stated with numbers and
    percentages), not the claim that a text concludes with.

    >>> states_amount("The cut would cost twelve billion pounds a year.")
    True
    >>> states_amount("No one should pay 40% more."), states_amount("One must act.")
    (True, False)
    """
    return _AMOUNT.search(text) is not None
