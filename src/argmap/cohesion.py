"""Cohesion cues that place a sentence in its text: reference back, lexical repetition,
and who holds a reported view.

Halliday & Hasan (1976, "Cohesion in English") name the ties that make a sentence read
as a continuation of what came before: reference (ch. 2: "they", "these", "such") and
lexical cohesion (ch. 6: the same words again). The map builder (:mod:`argmap.structure`)
asks these questions of paragraph heads and list lead-ins; the vocabularies come from
``grammars/relations.lark`` so that the words stay beside the rules that use them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from argmap.grammar import grammar_terminals
from argmap.thesis import content_words

__all__ = ["about_the_text_before", "answers_back", "opponents_view", "refers_back", "rejects",
           "topic_words"]


@functools.cache
def _relations_vocabulary() -> dict[str, re.Pattern[str]]:
    """The terminals of ``grammars/relations.lark`` (``REFERS_BACK``, ``NAMES_ONLY``,
    ``OPPONENT``, ``VIEW_VERB``, ``REJECTION``, ``DISAGREEMENT``), compiled, by name."""
    return {t.name: re.compile(t.pattern.to_regexp(), re.IGNORECASE)
            for t in grammar_terminals("relations")}


def opponents_view(text: str) -> bool:
    """Whether a sentence reports the other side's view: it opens with an indefinite or
    adversarial source ("Some parents", "Critics", "My opponent", "Many people";
    ``OPPONENT`` in ``grammars/relations.lark``) and a verb of saying, thinking or
    warning within four words of it ("argue", "also says", "warn", "worry";
    ``VIEW_VERB``), or with an impersonal report ("It is often said …", "One might
    object …"); not an authority the author cites for support ("Many economists argue
    that such taxes work.", "The WHO says …"), nor a source that reports no view
    ("Some of the money is lost.").

    Attribution as in PARC 3.0 (Pareti 2016); the sources of opposing views as in
    Wingate (2012) and Hyland (2005).

    >>> opponents_view("Some parents argue that X."), opponents_view("Economists say X.")
    (True, False)
    >>> opponents_view("My opponent also says X."), opponents_view("Some of it is lost.")
    (True, False)
    """
    return _opponent_pattern().match(text) is not None


@functools.cache
def _opponent_pattern() -> re.Pattern[str]:
    """``OPPONENT``, then (unless it is an impersonal report, which holds its verb) up to
    four words and a ``VIEW_VERB``."""
    terminals = {t.name: t.pattern.to_regexp() for t in grammar_terminals("relations")}
    return re.compile(
        rf"(?:{terminals['OPPONENT']})(?:\s*,?\s+[\w'’-]+){{0,4}}?\s*,?\s+"
        rf"(?:{terminals['VIEW_VERB']})(?![\w'’-])"
        rf"|(?=(?:it\s+is|one\s+(?:might|could|may))\s)(?:{terminals['OPPONENT']})",
        re.IGNORECASE)


def rejects(text: str) -> bool:
    """Whether a sentence rejects the view just before it, without a contrast marker:
    a subject that points back (a demonstrative, "they", "he", "she"), the view's noun
    or its holders ("This claim", "The critics"), and a predicate of falsity or
    exaggeration ("This is overstated.", "That is not true.", "They are mistaken.",
    "This does not hold."; ``REJECTION`` in ``grammars/relations.lark``), or a refusal
    to agree ("I disagree.", "No independent forecaster agrees."; ``DISAGREEMENT``).
    Reference
    points back to what the text has just said (Halliday & Hasan 1976, ch. 2); the
    predicate denies it, as an attack does (Peldszus & Stede 2016: rebuttal).

    >>> rejects("This is overstated."), rejects("That is not true of new plants.")
    (True, True)
    >>> rejects("This is important."), rejects("It is wrong to ban cars."), rejects("Sure.")
    (False, False, False)
    >>> rejects("I disagree."), rejects("No independent forecaster agrees.")
    (True, True)
    >>> rejects("I disagree that taxes are low."), rejects("That is a mistake.")
    (False, True)
    """
    vocabulary = _relations_vocabulary()
    return vocabulary["REJECTION"].match(text) is not None or \
        vocabulary["DISAGREEMENT"].match(text) is not None


def answers_back(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a sentence may answer what was said before it: it opens as a rejection
    (:func:`rejects`) or a denial of an inference does (``UNDERCUT`` in
    ``grammars/relations.lark``, :func:`argmap.undercut.denies_inference`). One search
    of the three patterns together, which most sentences fail: the rules then ask each.
    With ``start`` and ``end`` (character offsets), the sentence is ``text[start:end]``,
    read in place (no copy of it is made).

    >>> answers_back("This is overstated."), answers_back("That does not follow.")
    (True, True)
    >>> answers_back("Traffic has doubled.")
    False
    """
    return _answer_pattern().match(text, start, len(text) if end is None else end) \
        is not None


@functools.cache
def _answer_pattern() -> re.Pattern[str]:
    """``REJECTION``, ``DISAGREEMENT`` and ``UNDERCUT`` as one anchored pattern."""
    terminals = {t.name: t.pattern.to_regexp() for t in grammar_terminals("relations")}
    return re.compile("|".join(f"(?:{terminals[name]})" for name in
                               ("REJECTION", "DISAGREEMENT", "UNDERCUT")), re.IGNORECASE)


def refers_back(lead_in: str) -> bool:
    """Whether a lead-in to a list refers back to items announced before it, and so
    continues that list: it opens with an anaphoric pronoun or demonstrative ("They are
    as follows", "These are", "Such are …"), or it is only a pointer to the list ("As
    follows", "Namely"). Reference makes a sentence cohesive with the one it points back
    to (Halliday & Hasan 1976, ch. 2: personal and demonstrative reference); a lead-in
    without it ("Here is what she should do") introduces a list of its own (Chicago
    Manual of Style, 17th ed., 6.130: the lead-in introduces the list that follows it).

    >>> (refers_back("They are as follows"), refers_back("As follows"),
    ...  refers_back("Here is what she should do"), refers_back("Theyre"))
    (True, True, False, False)
    """
    vocabulary = _relations_vocabulary()
    text = lead_in.strip().strip(".:;,!?\u2014\u2013-").strip()
    return vocabulary["REFERS_BACK"].match(text) is not None or \
        vocabulary["NAMES_ONLY"].fullmatch(text) is not None


#: Determiners that point back to what the text has just said (reference, Halliday &
#: Hasan 1976, ch. 2).
_DEMONSTRATIVES = frozenset({"this", "these", "those", "such"})

#: Function words that :func:`~argmap.thesis.content_words` keeps and that say nothing
#: of what a sentence is about.
_FUNCTION_WORDS = frozenset({
    "the", "and", "who", "for", "are", "its", "but", "not", "all", "any", "can", "has",
    "had", "was", "one", "our", "out", "you", "his", "her", "may", "how", "why", "now",
    "yet", "own", "that", "this", "with", "from", "have", "were", "their", "there",
    "which", "would", "could", "should", "about", "into", "than", "them", "they",
    "what", "when", "where", "while", "more", "most", "must", "also", "been", "being",
    "such", "some", "only", "very", "will", "other", "these", "those", "because",
    "does", "did",
})


def topic_words(text: str) -> set[str]:
    """The words of ``text`` that say what it is about: its content words
    (:func:`~argmap.thesis.content_words`) of three letters or more, without function
    words, a plural "-s" taken off (repetition of a word counts in any of its forms,
    Halliday & Hasan 1976, §6.1: "days" repeats "day").

    >>> sorted(topic_words("Admittedly, these studies are small days."))
    ['admittedly', 'day', 'small', 'study']
    """
    return {_singular(w) for w in content_words(text)
            if len(w) > 2 and w not in _FUNCTION_WORDS}


def _singular(word: str) -> str:
    """``word`` without a plural ending: "studies" -> "study", "days" -> "day"; not
    "-ss", "-us" or "-'s" ("class", "bus")."""
    if len(word) < 4 or word[-1] != "s" or word[-2] in "su'":
        return word
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def about_the_text_before(text: str, before: Iterable[str], claim: str) -> bool:
    """Whether a sentence ``text`` is about the sentences ``before`` it rather than the
    ``claim`` it could otherwise be read against: it opens with a demonstrative
    ("these studies are small."), or shares more topic words (:func:`topic_words`) with
    them than with the claim (lexical cohesion, Halliday & Hasan 1976, ch. 6: "teachers
    exaggerate." after a paragraph on what teachers report).

    >>> about_the_text_before("these studies are small.", ["Studies show X."], "Act now.")
    True
    >>> about_the_text_before("a ban is hard on drivers.", ["Shops gain."], "Ban cars.")
    False
    """
    first = text.split(None, 1)[0].strip(",;:").casefold() if text.strip() else ""
    if first in _DEMONSTRATIVES:
        return True
    own = topic_words(text)
    back = set().union(*(topic_words(t) for t in before)) & own
    return len(back) > len(own & topic_words(claim))
