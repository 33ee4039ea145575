"""Golden tables: which words are discourse markers, how sentences split, what relates.

Every expected value is what the sentence means (PDTB 2.0 senses, DESIGN.md's
direction table, ../shared/cases/segmentation.md), not what the code happened to print.
Rows are named after the input kind they guard.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.ingest import Document
from argmap.model import ArgumentMap, MarkerFunction, RelationKind, Role
from argmap.segment import segment

SUPPORT, ATTACK = RelationKind.SUPPORT, RelationKind.ATTACK


def markers_of(text: str) -> list[tuple[str, str, str]]:
    """(marker as written, function, grammar rule) of every unit, in text order."""
    seg = segment(Document.from_text(text))
    return [(m.text, m.function.value, m.rule) for u in seg.units for m in u.markers]


def units_of(text: str) -> list[str]:
    return [u.text for u in segment(Document.from_text(text)).units]


# ------------------------------------------------------------------ marker table

NOT_A_MARKER = [
    # ordinal adjective "the first ever" (seed article)
    pytest.param("The first ever Russian-Japanese negotiations were held.", [],
                 id="ordinal-adjective-first-ever"),
    pytest.param("The first time we met, it rained.", [], id="ordinal-adjective-first-time"),
    pytest.param("At first, the plan seemed cheap.", [], id="temporal-at-first"),
    # temporal "since" (Temporal.Asynchronous.Succession)
    pytest.param("Since 2010, enrollment has doubled.", [], id="temporal-since-year"),
    pytest.param("Since May, enrollment has doubled.", [], id="temporal-since-month"),
    pytest.param("Since the 1990s, costs have risen.", [], id="temporal-since-decade"),
    pytest.param("Since January, costs have risen.", [], id="temporal-since-month"),
    pytest.param("Since then, prices have risen.", [], id="temporal-since-then"),
    pytest.param("Prices have risen since 2010.", [], id="temporal-since-year-medial"),
    pytest.param("Ever since the war, trade has fallen.", [], id="temporal-ever-since"),
    # degree "however" (not a connective)
    pytest.param("However much we spend, the gap remains.", [], id="degree-however-much"),
    pytest.param("However hard they try, they fail.", [], id="degree-however-hard"),
    # ... before any gradable adjective or adverb, in any position: the wh-ever
    # conjunction of a universal conditional-concessive clause (Quirk et al. 1985,
    # ch. 15), not the connective
    pytest.param("However strong the case, it will lose.", [], id="degree-however-adjective"),
    pytest.param("However different it may be, the rule holds.", [],
                 id="degree-however-listed-adjective"),
    pytest.param("However carefully you drive, accidents happen.", [],
                 id="degree-however-ly-adverb"),
    pytest.param("We must act, however hard it may be.", [], id="degree-however-after-comma"),
    pytest.param("It fails, however many times we try.", [],
                 id="degree-however-many-after-comma"),
    pytest.param("There may be some doubt, however slight, as to whether men are mortal.", [],
                 id="degree-however-between-commas"),
    pytest.param("If we admit, however reluctantly, that the law is needed, we must obey it.",
                 [], id="degree-however-adverb-between-commas"),
    pytest.param("All ethics, however refined, remains subjective.", [],
                 id="degree-however-participle-between-commas"),
    pytest.param("No measure, however harsh and costly, will help.", [],
                 id="degree-however-coordinated-adjectives"),
    pytest.param("The rule holds for any part, however unusually developed, of the body.",
                 [], id="degree-however-adverb-participle-after-comma"),
    pytest.param("The plan fails; however much we spend, the gap remains.", [],
                 id="degree-however-after-semicolon"),
    # "instead of" + gerund is a preposition phrase, not a contrast
    pytest.param("Instead of raising taxes, cut spending.", [], id="instead-of-gerund"),
    # adverbs that are not on the marker list at all
    pytest.param("Clearly written rules help everyone.", [], id="manner-adverb-clearly"),
    # temporal "while" (Temporal.Synchrony): past auxiliary in the clause
    pytest.param("While the votes were counted, protesters waited outside.", [],
                 id="temporal-while"),
    # corrective "not X, but rather Y": one claim (PDTB Expansion.Alternative)
    pytest.param("The search is not proactive, but rather a reaction.", [],
                 id="corrective-not-but-rather"),
    pytest.param("The plan is not cheap but fair.", [], id="corrective-not-x-but-y"),
    pytest.param("The problem is not the cost, but the delay.", [],
                 id="corrective-not-np-comma-but-np"),
    pytest.param("Moscow not only obtained membership (2010) but it was assigned the APEC "
                 "presidency (2012).", [], id="not-only-but"),
    # aspectual "still", intensifier "yet", adjective "still"
    pytest.param("He is still here.", [], id="aspectual-still"),
    pytest.param("Still water runs deep.", [], id="adjective-still"),
    pytest.param("Yet another delay hit the project.", [], id="intensifier-yet-another"),
    pytest.param("He has yet to decide.", [], id="aspectual-yet"),
    pytest.param("He finally agreed to the plan.", [], id="temporal-finally-medial"),
    # degree "so", "so far", "thus far"
    pytest.param("I am so tired.", [], id="degree-so"),
    pytest.param("So far, the results are good.", [], id="temporal-so-far"),
    pytest.param("Thus far, nothing has changed.", [], id="temporal-thus-far"),
    # a multi-word marker's words opening a prepositional phrase: "in short supply",
    # "after all the effort" (the marker needs its comma or a clause right after it)
    pytest.param("In short supply, water became costly.", [], id="pp-in-short-supply"),
    pytest.param("In particular cases, the rule fails.", [], id="pp-in-particular-cases"),
    pytest.param("On balance sheets, debts are listed.", [], id="pp-on-balance-sheets"),
    pytest.param("After all the effort, the plan failed.", [], id="pp-after-all-the-effort"),
    pytest.param("Because of the fees, students left.", [], id="because-of-noun-phrase"),
    # a cardinal that counts a proportion, or is followed by no plural noun, announces
    # no list: "one in five", "four out of five"; "always", "seems"
    pytest.param("A survey found that one in five skipped trips.", [],
                 id="proportion-one-in-five"),
    pytest.param("Four out of five doctors agree.", [], id="proportion-out-of"),
    pytest.param("Nearly 9 in ten voters agree.", [], id="proportion-after-digits"),
    pytest.param("One in every five students skipped classes.", [],
                 id="proportion-in-every"),
    pytest.param("One out of every three members voted.", [], id="proportion-out-of-every"),
    pytest.param("Two always wins.", [], id="cardinal-then-adverb-then-verb"),
    pytest.param("We two always disagree.", [], id="cardinal-then-adverb-in-s"),
    pytest.param("That two and two make five seems certain.", [],
                 id="cardinal-subject-then-seems"),
    # a cardinal subject, then its verb: the plural after the verb is not its head
    pytest.param("Only one or two are new forms.", [], id="cardinal-subject-then-are"),
    pytest.param("Of the twelve, two have been Jews.", [], id="cardinal-subject-then-have"),
    # a fraction, the cardinal its numerator (CGEL ch. 5; Quirk et al. ch. 6): a
    # denominator made from an ordinal always; "quarters", "halves" before "of"
    pytest.param("Two thirds of voters agreed.", [], id="fraction-thirds-of"),
    pytest.param("Two thirds agreed.", [], id="fraction-thirds-alone"),
    pytest.param("Two fifths of the land lies fallow.", [], id="fraction-fifths-of"),
    pytest.param("They are nine tenths of the population.", [], id="fraction-tenths-of"),
    pytest.param("Three quarters of the budget went to defence.", [],
                 id="fraction-quarters-of"),
    # a larger number, the cardinal its multiplier; a range, the cardinal one end of it
    pytest.param("The law stood for two hundred years.", [], id="number-two-hundred"),
    pytest.param("The state holds four millions of slaves.", [], id="number-millions-of"),
    pytest.param("The walls are ten to twenty times thicker.", [], id="range-ten-to-twenty"),
    # a sum: the cardinal an operand (before or after the operator)
    pytest.param("Two plus two equals four.", [], id="arithmetic-plus"),
    pytest.param("Two minus one leaves one.", [], id="arithmetic-minus"),
    pytest.param("Three times five makes fifteen.", [], id="arithmetic-times"),
    pytest.param("Ten divided by two gives five.", [], id="arithmetic-divided-by"),
    pytest.param("He might steal ninety times nine shillings.", [],
                 id="arithmetic-operand-after-times"),
    # a multiplier, or the part of a proportion counted in "times"
    pytest.param("Achilles ran ten times as fast.", [], id="multiplier-times-as"),
    pytest.param("Let him go ten times or a hundred times as fast.", [],
                 id="multiplier-times-or-times-as"),
    pytest.param("Nine times out of ten these things fail.", [],
                 id="proportion-times-out-of"),
    # a measure phrase (CGEL chs. 5-7): a cardinal and a unit of time, length, area,
    # volume, weight or money quantifies an amount, with or without an adverbial head
    pytest.param("The light we see left the sun eight minutes ago.", [],
                 id="measure-minutes-ago"),
    pytest.param("The state of the world five minutes later is the effect.", [],
                 id="measure-minutes-later"),
    pytest.param("He was three years old when his father died.", [], id="measure-years-old"),
    pytest.param("The town lies ten miles away.", [], id="measure-miles-away"),
    pytest.param("Some were four inches high.", [], id="measure-inches-high"),
    pytest.param("It takes three acres to keep each head of cattle.", [],
                 id="measure-acres"),
    pytest.param("He refused to pay nine shillings to the State.", [],
                 id="measure-shillings"),
    pytest.param("They work eight hours a day.", [], id="measure-hours-a-day"),
    pytest.param("Eight years of captivity broke his health.", [],
                 id="measure-years-of"),
    pytest.param("He needs three more years to complete it.", [],
                 id="measure-adjective-before-the-unit"),
    pytest.param("He fought in the Seven Years War.", [], id="measure-unit-in-a-name"),
    pytest.param("He waited three long years for it.", [], id="measure-long-before-the-unit"),
    pytest.param("It rained for five consecutive days.", [],
                 id="measure-consecutive-before-the-unit"),
    # the price: no enumeration on the essay corpus has a unit for its head
    pytest.param("Two years stand out: 1848 and 1871.", [],
                 id="measure-unit-even-before-a-list"),
    # a noun that also counts things measures before an adverbial head; any noun
    # before "ago"
    pytest.param("The lake is ten degrees colder.", [], id="measure-like-degrees-colder"),
    pytest.param("Two generations later, the farm was sold.", [],
                 id="measure-like-generations-later"),
    pytest.param("The country was at peace three wars ago.", [], id="measure-any-noun-ago"),
]

MARKER = [
    # contrast in its three positions (PDTB Comparison.Contrast)
    pytest.param("However, wages stagnated.", [("However", "contrast", "opener")],
                 id="however-opener"),
    pytest.param("However, much remains to be done.", [("However", "contrast", "opener")],
                 id="however-comma-then-much"),
    pytest.param("Its cost, however, is hidden.", [("however", "contrast", "parenthetical")],
                 id="however-parenthetical"),
    # the connective without its comma keeps its reading before an adjective that
    # modifies a bare noun, a sentence adverb, a noun, a participle with a preposition,
    # a non-gradable adverb, or "that"
    pytest.param("However strong evidence suggests otherwise.",
                 [("However", "contrast", "opener")], id="however-adjective-bare-noun"),
    pytest.param("However local authorities disagree.", [("However", "contrast", "opener")],
                 id="however-listed-adjective-bare-noun"),
    pytest.param("However unfortunately, the plan failed.",
                 [("However", "contrast", "opener")], id="however-sentence-adverb"),
    pytest.param("However government is the problem.", [("However", "contrast", "opener")],
                 id="however-noun"),
    pytest.param("However based on the data, we disagree.",
                 [("However", "contrast", "opener")], id="however-participle-preposition"),
    pytest.param("However also the threat remains.", [("However", "contrast", "opener")],
                 id="however-also"),
    # nor before a compound that a degree word opens, a participle after an -ly adverb,
    # or after a semicolon when no comma closes a wh-ever clause (review of the degree
    # reading)
    pytest.param("However long-term studies are still lacking.",
                 [("However", "contrast", "opener")], id="however-degree-word-compound"),
    pytest.param("However well-funded lobbies fought it.",
                 [("However", "contrast", "opener")], id="however-well-compound"),
    pytest.param("However seasonally adjusted figures tell another story.",
                 [("However", "contrast", "opener")], id="however-adverb-participle"),
    pytest.param("The plan is cheap; however many critics doubt that it will work.",
                 [("however", "contrast", "joiner")], id="however-many-after-semicolon"),
    pytest.param("It is important to observe, however that fees rose.",
                 [("however", "contrast", "parenthetical")], id="however-that"),
    pytest.param("Moscow did sign several joint declarations with ASEAN however.",
                 [("however", "contrast", "final")], id="however-clause-final"),
    pytest.param("The plan is cheap, but it is unfair.", [("but", "contrast", "joiner")],
                 id="but-joiner"),
    # "not X, but Y" is corrective only when Y replaces X ("not proactive, but rather a
    # reaction"); a "but" that opens a clause with its own subject contrasts.
    pytest.param("It is not cheap, but it is fair.", [("but", "contrast", "joiner")],
                 id="but-after-negated-clause-with-own-subject"),
    pytest.param("The plan did not pass, but its supporters will try again.",
                 [("but", "contrast", "joiner")], id="but-after-negated-verb-clause"),
    pytest.param("But Moscow seeks alternatives.", [("But", "contrast", "opener")],
                 id="but-opener"),
    pytest.param("But still, Russia was not invited.",
                 [("But", "contrast", "opener"), ("still", "contra_expectation", "opener")],
                 id="but-still-opener"),
    # a coordinator, a comma, then an adverbial between commas stacks as "But still"
    # does: both are read, the adverbial last (PDTB 2.0: two connectives)
    pytest.param("And, of course, they cost money.",
                 [("And", "addition", "opener"), ("of course", "concession", "opener")],
                 id="comma-stack-and-of-course"),
    pytest.param("But, of course, the question is open.",
                 [("But", "contrast", "opener"), ("of course", "concession", "opener")],
                 id="comma-stack-but-of-course"),
    pytest.param("Yet, of course, the question is open.",
                 [("Yet", "contrast", "opener"), ("of course", "concession", "opener")],
                 id="comma-stack-yet-of-course"),
    pytest.param("And, indeed, the data agree.",
                 [("And", "addition", "opener"), ("indeed", "elaboration", "opener")],
                 id="comma-stack-and-indeed"),
    pytest.param("But, in fact, fees rose.",
                 [("But", "contrast", "opener"), ("in fact", "elaboration", "opener")],
                 id="comma-stack-but-in-fact"),
    pytest.param("And, moreover, they burden families.",
                 [("And", "addition", "opener"), ("moreover", "addition", "opener")],
                 id="comma-stack-and-moreover-and-clause"),
    pytest.param("So, for example, fees rose.",
                 [("So", "result", "opener"), ("for example", "example", "opener")],
                 id="comma-stack-so-for-example"),
    pytest.param("But, still, Russia was not invited.",
                 [("But", "contrast", "opener"), ("still", "contra_expectation", "opener")],
                 id="comma-stack-but-still"),
    pytest.param("And, therefore, fees must fall.",
                 [("And", "addition", "opener"), ("therefore", "result", "opener")],
                 id="comma-stack-and-therefore"),
    pytest.param("And, first, fees must fall.",
                 [("And", "addition", "opener"), ("first", "ordinal", "opener")],
                 id="comma-stack-and-first"),
    pytest.param("But, after all, fees deter students.",
                 [("But", "contrast", "opener"), ("after all", "reason", "opener")],
                 id="comma-stack-but-after-all"),
    # ... but not a word that is no marker, nor a marker word in another sense (no
    # closing comma), nor after an adverbial opener, nor inside the sentence
    pytest.param("And, Paris, too, is costly.", [("And", "addition", "opener")],
                 id="comma-stack-not-a-name"),
    pytest.param("But, Mary, you are wrong.", [("But", "contrast", "opener")],
                 id="comma-stack-not-a-vocative"),
    pytest.param("But, still water runs deep.", [("But", "contrast", "opener")],
                 id="comma-stack-not-adjective-still"),
    pytest.param("And, of course not.", [("And", "addition", "opener")],
                 id="comma-stack-not-of-course-not"),
    pytest.param("But, besides such differences, all agree.", [("But", "contrast", "opener")],
                 id="comma-stack-not-preposition-besides"),
    # an adverbial opener, a comma and an adverbial between commas: the opener, then
    # the second, stacked before the unit (it governs as a parenthetical would)
    pytest.param("Therefore, of course, we must act.",
                 [("Therefore", "result", "opener"), ("of course", "concession", "stacked")],
                 id="reverse-stack-therefore-of-course"),
    pytest.param("Hence, also, fees rose.",
                 [("Hence", "result", "opener"), ("also", "addition", "stacked")],
                 id="reverse-stack-hence-also"),
    pytest.param("In fact, however, fees rose.",
                 [("In fact", "elaboration", "opener"), ("however", "contrast", "stacked")],
                 id="reverse-stack-in-fact-however"),
    pytest.param("Finally, however, fees rose.",
                 [("Finally", "ordinal", "opener"), ("however", "contrast", "stacked")],
                 id="reverse-stack-finally-however"),
    pytest.param("Secondly, still, fees rose.",
                 [("Secondly", "ordinal", "opener"),
                  ("still", "contra_expectation", "stacked")],
                 id="reverse-stack-comma-adverbial-both"),
    pytest.param("Therefore, for example fees rose.", [("Therefore", "result", "opener")],
                 id="reverse-stack-not-without-closing-comma"),
    pytest.param("Therefore, for example, fees rose.",
                 [("Therefore", "result", "opener"), ("for example", "example", "stacked")],
                 id="reverse-stack-therefore-for-example"),
    # "thus" before an example marker is exemplificatory (Halliday & Hasan 1976, ch. 5)
    pytest.param("Thus, for example, fees rose.",
                 [("Thus", "example", "opener"), ("for example", "example", "stacked")],
                 id="reverse-stack-thus-for-example"),
    pytest.param("Thus , for instance , fees rose.",
                 [("Thus", "example", "opener"), ("for instance", "example", "stacked")],
                 id="reverse-stack-thus-for-instance-spaced"),
    pytest.param("Thus, e.g., fees rose.",
                 [("Thus", "example", "opener"), ("e.g.", "example", "apposition")],
                 id="thus-before-e-g-exemplifies"),
    # ... but not a comma-delimited word that is no marker, nor a marker word in another
    # sense (no closing comma), nor in mid-sentence; "thus" without an example marker
    # after it, or inside its clause, stays resultive
    pytest.param("Thus, Paris, too, is costly.", [("Thus", "result", "opener")],
                 id="reverse-stack-not-a-name"),
    pytest.param("Finally, John, you are wrong.", [("Finally", "ordinal", "opener")],
                 id="reverse-stack-not-a-vocative"),
    pytest.param("However, still water runs deep.", [("However", "contrast", "opener")],
                 id="reverse-stack-not-adjective-still"),
    pytest.param("Therefore, besides such costs, fees rose.", [("Therefore", "result", "opener")],
                 id="reverse-stack-not-preposition-besides"),
    pytest.param("Thus, for example fees rose.", [("Thus", "example", "opener")],
                 id="thus-exemplifies-but-no-stack-without-closing-comma"),
    pytest.param("Fees rose, thus, for example, rents rose.",
                 [("thus", "result", "parenthetical")],
                 id="reverse-stack-not-mid-sentence"),
    pytest.param("It was thus, for example, that rents rose.",
                 [("for example", "example", "parenthetical"), ("thus", "result", "inline")],
                 id="thus-in-its-clause-stays-resultive"),
    pytest.param("Thus, rents rose.", [("Thus", "result", "opener")],
                 id="thus-alone-stays-resultive"),
    pytest.param("Fees rose, but, of course, rents rose.", [("but", "contrast", "joiner")],
                 id="comma-stack-not-mid-sentence"),
    pytest.param("Instead, cut spending.", [("Instead", "contrast", "opener")],
                 id="instead-opener"),
    pytest.param("The plan is cheap, while the alternative is costly.",
                 [("while", "contrast", "joiner")], id="while-juxtaposition-joiner"),
    pytest.param("Still, prices remain high.", [("Still", "contra_expectation", "opener")],
                 id="still-opener"),
    # reason (Contingency.Cause.Reason): the marked unit supports
    pytest.param("Fees fell because demand dropped.", [("because", "reason", "joiner")],
                 id="because-joiner"),
    pytest.param("Since the data are incomplete, the claim is premature.",
                 [("Since", "reason", "subordinate")], id="causal-since-clause"),
    # a month name is a whole word: "Mayor" is not "May", so this "since" is causal
    pytest.param("Since Mayor Jones is honest, the council trusts him.",
                 [("Since", "reason", "subordinate")], id="causal-since-not-a-month"),
    # a clause that ends in a verb of beginning names an event: temporal (SINCE_EVENT)
    pytest.param("Since Mayor Jones took office, crime has fallen.", [],
                 id="temporal-since-event-clause"),
    pytest.param("Because the data are old, the claim is weak.",
                 [("Because", "reason", "subordinate")], id="because-initial-clause"),
    # a sentence-initial subordinator, a comma and an adverbial between commas: the
    # subordinator, then the adverbial stacked on it (as after an adverbial opener)
    pytest.param("Since, however, wages rose, nobody complained.",
                 [("Since", "reason", "subordinate"), ("however", "contrast", "stacked")],
                 id="subordinator-stack-since-however"),
    pytest.param("Because, of course, fees deter students, they must fall.",
                 [("Because", "reason", "subordinate"), ("of course", "concession", "stacked")],
                 id="subordinator-stack-because-of-course"),
    pytest.param("Unless, indeed, costs rise, fees must fall.",
                 [("Unless", "concession", "subordinate"),
                  ("indeed", "elaboration", "stacked")],
                 id="subordinator-stack-unless-indeed"),
    pytest.param("Although, therefore, we cannot refute it, we can weaken it.",
                 [("Although", "concession", "opener"), ("therefore", "result", "stacked")],
                 id="subordinator-stack-although-therefore"),
    # ... but not a marker word without its closing comma, nor a "however" after the
    # clause, nor after a subordinator the grammar does not read ("if", "when")
    pytest.param("Since, still water runs deep, we wait.", [("Since", "reason", "subordinate")],
                 id="subordinator-stack-not-adjective-still"),
    pytest.param("Since wages rose, however, nobody complained.",
                 [("Since", "reason", "subordinate"), ("however", "contrast", "parenthetical")],
                 id="subordinator-then-however-in-the-main-clause"),
    pytest.param("If, however, wages rise, nobody will complain.",
                 [("however", "contrast", "parenthetical")], id="if-however-parenthetical"),
    pytest.param("After all, fees deter students.", [("After all", "reason", "opener")],
                 id="after-all-opener"),
    # the minimal pairs of the prepositional-phrase rows above
    pytest.param("In short, fees must fall.", [("In short", "summary", "opener")],
                 id="in-short-comma"),
    pytest.param("On balance, fees must fall.", [("On balance", "summary", "opener")],
                 id="on-balance-comma"),
    pytest.param("In particular, the poor suffer.",
                 [("In particular", "elaboration", "opener")], id="in-particular-comma"),
    # concession (Comparison.Concession)
    pytest.param("While the plan is cheap, it is unfair.",
                 [("While", "concession", "while_concession")], id="concessive-while"),
    pytest.param("Although the plan is cheap, it is unfair.",
                 [("Although", "concession", "opener")], id="although-clause"),
    pytest.param("Of course, Beijing is the priority.", [("Of course", "concession", "opener")],
                 id="of-course-opener"),
    pytest.param("Of\u00a0course, Beijing is the priority.",
                 [("Of\u00a0course", "concession", "opener")], id="multiword-with-nbsp"),
    pytest.param("To be sure, the tax is unpopular.", [("To be sure", "concession", "opener")],
                 id="to-be-sure-opener"),
    # result, summary (Contingency.Cause.Result, Expansion.Restatement.Generalization)
    pytest.param("Therefore the conclusion is weak.", [("Therefore", "result", "opener")],
                 id="therefore-without-comma"),
    pytest.param("Therefore, the program depends on Congress.",
                 [("Therefore", "result", "opener")], id="therefore-opener"),
    pytest.param("The talks failed, so the deal is dead.", [("so", "result", "joiner")],
                 id="so-joiner"),
    pytest.param("Taken together, these circumstances predetermined the outcome.",
                 [("Taken together", "summary", "opener")], id="taken-together"),
    pytest.param("Taken  together, these facts decide it.",
                 [("Taken  together", "summary", "opener")], id="multiword-double-space"),
    # example, elaboration, restatement, addition
    pytest.param("For example, Lyon bans cars.", [("For example", "example", "opener")],
                 id="for-example-opener"),
    pytest.param("The plan, for example, failed.",
                 [("for example", "example", "parenthetical")], id="for-example-parenthetical"),
    pytest.param("In fact, the goals are not ambitious.", [("In fact", "elaboration", "opener")],
                 id="in-fact-opener"),
    pytest.param("In other words, voters hate it.",
                 [("In other words", "restatement", "opener")], id="in-other-words"),
    pytest.param("Moreover, the plan is unfair.", [("Moreover", "addition", "opener")],
                 id="moreover-opener"),
    # ordinals and announcements (Expansion.List)
    pytest.param("First, the plan is costly.", [("First", "ordinal", "opener")],
                 id="first-comma"),
    pytest.param("First of all, the plan is costly.", [("First of all", "ordinal", "opener")],
                 id="first-of-all"),
    pytest.param("Finally, the plan is slow.", [("Finally", "ordinal", "opener")],
                 id="finally-opener"),
    pytest.param("The second turning point came in 2002.",
                 [("second", "ordinal", "ordinal_np")], id="the-ordinal-noun-phrase"),
    # "The first problem" is only a candidate: it becomes an item after an announcement
    # (see test_ordinal_adjective_makes_no_enumeration for the map).
    pytest.param("The first problem is cost.", [("first", "ordinal", "ordinal_np")],
                 id="ordinal-np-candidate"),
    pytest.param("Russia changed course on three occasions.",
                 [("three occasions", "announcement", "announcement")],
                 id="announcement-cardinal-plural"),
    pytest.param("This approach allows it to address four sets of problems.",
                 [("four sets", "announcement", "announcement")], id="announcement-sets-of"),
    # "in" and "of" before a cardinal without a number before them: still a count
    pytest.param("Fees do damage in three ways.",
                 [("three ways", "announcement", "announcement")], id="announcement-in-ways"),
    pytest.param("The essay consists of three parts.",
                 [("three parts", "announcement", "announcement")],
                 id="announcement-of-parts"),
    pytest.param("We may mean one of two things.",
                 [("two things", "announcement", "announcement")],
                 id="announcement-one-of-two-alternatives"),
    # a year or a numbered noun before "in" is no proportion's first number
    pytest.param("The law was passed in 2010 in two stages.",
                 [("two stages", "announcement", "announcement")],
                 id="announcement-after-a-year"),
    pytest.param("Chapter one in two parts weighs costs.",
                 [("two parts", "announcement", "announcement")],
                 id="announcement-after-a-numbered-noun"),
    # a proportion's first number is the smaller: these name a grade, a vote count
    pytest.param("Pupils in grade nine in two schools sat the test.",
                 [("two schools", "announcement", "announcement")],
                 id="announcement-after-a-larger-number"),
    pytest.param("The bill passed 52 in two readings.",
                 [("two readings", "announcement", "announcement")],
                 id="announcement-after-a-larger-count"),
    # "-sis" nouns are singular: the head is the plural after them
    pytest.param("We built three analysis tools.",
                 [("three analysis tools", "announcement", "announcement")],
                 id="announcement-past-a-sis-noun"),
    # the minimal pairs of the number-expression rows above: the cardinal counts a list
    pytest.param("The three quarters of Paris voted differently.",
                 [("three quarters", "announcement", "announcement")],
                 id="announcement-quarters-of-a-city"),
    pytest.param("He studied the two halves of the brain.",
                 [("two halves", "announcement", "announcement")],
                 id="announcement-halves-after-the"),
    pytest.param("Two reasons, plus a caveat, follow.",
                 [("Two reasons", "announcement", "announcement")],
                 id="announcement-then-plus-a-noun"),
    pytest.param("He was arrested three times: first in 1990, then in 1995.",
                 [("three times", "announcement", "announcement")],
                 id="announcement-times-as-occasions"),
    pytest.param("Two main reasons are given.",
                 [("Two main reasons", "announcement", "announcement")],
                 id="announcement-then-its-verb"),
    # the minimal pairs of the measure rows above: a noun that also counts things, with
    # no adverbial head (or "later" modifying the clause), and a unit after the head
    pytest.param("He holds three degrees: a BA, an MA and a PhD.",
                 [("three degrees", "announcement", "announcement")],
                 id="announcement-degrees-as-diplomas"),
    pytest.param("The year has four seasons: spring, summer, autumn and winter.",
                 [("four seasons", "announcement", "announcement")],
                 id="announcement-seasons-of-the-year"),
    pytest.param("He treats crime under three heads: theft, violence and fraud.",
                 [("three heads", "announcement", "announcement")],
                 id="announcement-heads-as-topics"),
    pytest.param("The essay makes two points later in the book.",
                 [("two points", "announcement", "announcement")],
                 id="announcement-points-then-later"),
    pytest.param("The two parties for years have fought.",
                 [("two parties", "announcement", "announcement")],
                 id="announcement-unit-after-the-head"),
    # a unit after another modifier names particular periods, which a list may follow
    pytest.param("The report singles out three critical years: 1929, 1973 and 2008.",
                 [("three critical years", "announcement", "announcement")],
                 id="announcement-unit-after-an-adjective"),
    pytest.param("Japan suffered two lost decades.",
                 [("two lost decades", "announcement", "announcement")],
                 id="announcement-decades-after-an-adjective"),
    # e.g. / i.e. inside a sentence introduce an apposition, not a new unit
    # (../shared/cases/segmentation.md, case 4)
    pytest.param("Some cities (e.g. Lyon) already ban cars downtown.",
                 [("e.g.", "example", "apposition")], id="eg-in-brackets"),
    pytest.param("Others, i.e. most of them, do not.",
                 [("i.e.", "restatement", "apposition")], id="ie-between-commas"),
]


@pytest.mark.parametrize(("sentence", "expected"), NOT_A_MARKER + MARKER)
def test_markers(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert markers_of(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("And, of course, they cost money.", [(0, 3), (5, 14)],
                 id="comma-stack-and-of-course"),
    pytest.param("But ,  in fact , fees rose.", [(0, 3), (7, 14)], id="comma-stack-spaced"),
    pytest.param("Thus, for example, fees rose.", [(0, 4), (6, 17)],
                 id="reverse-stack-thus-for-example"),
    pytest.param("In fact ,  however , fees rose.", [(0, 7), (11, 18)],
                 id="reverse-stack-spaced"),
])
def test_stacked_opener_spans(sentence: str, expected: list[tuple[int, int]]) -> None:
    """Each marker of a comma stack has its own span, which slices to its text."""
    seg = segment(Document.from_text(sentence))
    spans = [(m.span.start, m.span.end) for u in seg.units for m in u.markers]
    assert spans == expected
    assert [sentence[a:b] for a, b in spans] == [m.text for u in seg.units for m in u.markers]


@pytest.mark.parametrize(("sentence", "terminal", "value"), [
    ("First, the plan is costly.", "ORD_1", 1),
    ("Secondly, it is slow.", "SECONDLY", 2),
    ("The third came in 2009.", "ORD_3", 3),
    ("Finally, the plan is slow.", "FINALLY", -1),
    ("Lastly, it is unfair.", "LASTLY", -1),
    ("Russia changed course on three occasions.", "CARD_3", 3),
])
def test_ordinal_and_cardinal_values(sentence: str, terminal: str, value: int) -> None:
    (marker,) = [m for u in segment(Document.from_text(sentence)).units for m in u.markers]
    assert (marker.terminal, marker.value) == (terminal, value)


def test_markers_carry_the_pdtb_sense_from_the_grammar() -> None:
    seg = segment(Document.from_text("However, wages stagnated. Fees fell because demand "
                                     "dropped. While the plan is cheap, it is unfair."))
    senses = {m.text: m.sense for u in seg.units for m in u.markers}
    assert senses == {
        "However": "Comparison.Contrast",
        "because": "Contingency.Cause.Reason",
        "While": "Comparison.Concession",
    }


# ------------------------------------------------------------------ unit table

UNITS = [
    # clause splits made by markers
    pytest.param("Since the data are incomplete, the claim is premature.",
                 ["the data are incomplete", "the claim is premature."], id="causal-since"),
    pytest.param("Since 2010, enrollment has doubled.",
                 ["Since 2010, enrollment has doubled."], id="temporal-since-one-unit"),
    pytest.param("While the plan is cheap, it is unfair.",
                 ["the plan is cheap", "it is unfair."], id="concessive-while"),
    pytest.param("While the votes were counted, protesters waited outside.",
                 ["While the votes were counted, protesters waited outside."],
                 id="temporal-while-one-unit"),
    pytest.param("However much we spend, the gap remains.",
                 ["However much we spend, the gap remains."], id="degree-however-one-unit"),
    pytest.param("The plan is cheap, but it is unfair.", ["The plan is cheap", "it is unfair."],
                 id="but-joiner"),
    pytest.param("It is not cheap, but it is fair.", ["It is not cheap", "it is fair."],
                 id="but-after-negated-clause-with-own-subject"),
    pytest.param("Russia wasn't invited, but it kept trying.",
                 ["Russia wasn't invited", "it kept trying."], id="but-after-clitic-negation"),
    pytest.param("The search is not proactive, but rather a reaction.",
                 ["The search is not proactive, but rather a reaction."],
                 id="corrective-not-but-rather"),
    pytest.param("The problem is not the cost, but the delay.",
                 ["The problem is not the cost, but the delay."],
                 id="corrective-not-np-comma-but-np"),
    pytest.param("The plan is cheap; however, it is unfair.",
                 ["The plan is cheap", "it is unfair."], id="semicolon-however"),
    pytest.param("Ever since the war, trade has fallen.",
                 ["Ever since the war, trade has fallen."], id="temporal-ever-since"),
    pytest.param("After all the effort, the plan failed.",
                 ["After all the effort, the plan failed."], id="pp-after-all-the-effort"),
    pytest.param("Because of the fees, students left.",
                 ["Because of the fees, students left."], id="because-of-noun-phrase"),
    pytest.param("Fees fell because demand dropped.", ["Fees fell", "demand dropped."],
                 id="because-joiner"),
    pytest.param("First, the plan is costly. Second, it is slow.",
                 ["the plan is costly.", "it is slow."], id="first-second"),
    pytest.param("To be sure, the tax is unpopular. In other words, voters hate it.",
                 ["the tax is unpopular.", "voters hate it."], id="markers-not-in-units"),
    # sentence splits (../shared/cases/segmentation.md, section A; opening markers are
    # kept out of the unit text by argmap's policy, case 29)
    pytest.param("The U.S. economy grew last year. However, wages stagnated.",
                 ["The U.S. economy grew last year.", "wages stagnated."],
                 id="acronym-mid-sentence"),
    pytest.param("Most of the money comes from the U.S. Therefore, the program depends on "
                 "Congress.",
                 ["Most of the money comes from the U.S.", "the program depends on Congress."],
                 id="acronym-at-sentence-end"),
    pytest.param("Dr. Okafor rejects this view. She says the sample is biased.",
                 ["Dr. Okafor rejects this view.", "She says the sample is biased."],
                 id="title-abbreviation"),
    pytest.param("Some cities (e.g. Lyon) already ban cars downtown. Others, i.e. most of "
                 "them, do not.",
                 ["Some cities (e.g. Lyon) already ban cars downtown.",
                  "Others, i.e. most of them, do not."], id="eg-ie-without-comma"),
    pytest.param("See rule no. 7 for the exception. It applies here.",
                 ["See rule no. 7 for the exception.", "It applies here."], id="no-number"),
    # what follows a stop and hides no boundary
    pytest.param("The levy is unfair.\u200b However,\u200b it raises money.",
                 ["The levy is unfair.", "it raises money."], id="zero-width-space-after-stop"),
    pytest.param("The levy is unfair.\U0001f621 However, it raises money.",
                 ["The levy is unfair.\U0001f621", "it raises money."], id="emoji-after-stop"),
    pytest.param("The vote was at 9 p.m. Nobody came.",
                 ["The vote was at 9 p.m.", "Nobody came."], id="pm-at-sentence-end"),
    pytest.param("The vote was at 9 p.m. on Monday.",
                 ["The vote was at 9 p.m. on Monday."], id="pm-inside-sentence"),
    pytest.param("He is Smith, a.k.a. Jones.", ["He is Smith, a.k.a. Jones."],
                 id="aka-never-ends"),
    pytest.param("We have reasons:\n99. It is cheap.\n100. It is fast.\n101. It is fair.",
                 ["We have reasons", "It is cheap.", "It is fast.", "It is fair."],
                 id="three-digit-list-numbers"),
    pytest.param("The better choice is Plan B. It costs less and works sooner.",
                 ["The better choice is Plan B.", "It costs less and works sooner."],
                 id="single-capital-before-period"),
    # a single capital after a label noun is a name: its stop ends the sentence before any
    # capitalised word; after a given name, an initial or a preposition it is an initial
    pytest.param("We recommend Option A. Universal provision removes stigma.",
                 ["We recommend Option A.", "Universal provision removes stigma."],
                 id="label-capital-option"),
    pytest.param("We chose Plan B. Several towns agree.",
                 ["We chose Plan B.", "Several towns agree."], id="label-capital-plan"),
    pytest.param("Option C. Free meals work.", ["Option C.", "Free meals work."],
                 id="label-capital-opens-text"),
    pytest.param("Take vitamin D. Doctors agree.", ["Take vitamin D.", "Doctors agree."],
                 id="label-capital-lower-case-noun"),
    pytest.param("John F. Kennedy spoke first.", ["John F. Kennedy spoke first."],
                 id="initial-after-given-name"),
    pytest.param("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."],
                 id="initial-after-initial"),
    pytest.param("U. S. policy changed.", ["U. S. policy changed."], id="spaced-acronym"),
    pytest.param("A letter from J. Smith arrived.", ["A letter from J. Smith arrived."],
                 id="initial-after-preposition"),
    pytest.param("We chose a plan. B. Smith agreed.", ["We chose a plan.", "B. Smith agreed."],
                 id="label-noun-in-another-sentence"),
    pytest.param("Inflation fell to 2.5 percent. Still, prices remain high.",
                 ["Inflation fell to 2.5 percent.", "prices remain high."], id="decimal"),
    pytest.param("The plan might work... or it might not. Either way, we need data.",
                 ["The plan might work... or it might not.", "Either way, we need data."],
                 id="ellipsis-lower-case"),
    pytest.param('The minister said, "We will act. The budget is ready." Critics were '
                 "unconvinced.",
                 ['The minister said, "We will act. The budget is ready."',
                  "Critics were unconvinced."], id="straight-quotes-with-sentences"),
    pytest.param("\u201cTaxes must rise.\u201d That was the whole argument.",
                 ["\u201cTaxes must rise.\u201d", "That was the whole argument."],
                 id="curly-quotes"),
    pytest.param("Fees rose sharply. (Most students pay in full.) As a result, enrollment "
                 "fell.",
                 ["Fees rose sharply.", "(Most students pay in full.)", "enrollment fell."],
                 id="parenthesised-sentence"),
    pytest.param("Read sections (a) and (b) before you vote.",
                 ["Read sections (a) and (b) before you vote."], id="letter-items-in-parens"),
    pytest.param("The data are old.Therefore the conclusion is weak.",
                 ["The data are old.", "the conclusion is weak."], id="missing-space-marker"),
    pytest.param("Version 2.Beta ships today.", ["Version 2.Beta ships today."],
                 id="missing-space-not-marker"),
    pytest.param("Mr.\u00a0Jones objected. However,\u00a0the vote passed.",
                 ["Mr.\u00a0Jones objected.", "the vote passed."], id="nbsp"),
    pytest.param("**This is the key claim.** Everything else follows from it.",
                 ["**This is the key claim.**", "Everything else follows from it."],
                 id="markdown-emphasis"),
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_units(text: str, expected: list[str]) -> None:
    assert units_of(text) == expected


# ------------------------------------------------------------------ relation table


def relations_of(m: ArgumentMap) -> set[tuple[str, RelationKind, str, str]]:
    return {(m.unit(r.source).text, r.kind, r.subtype, m.unit(r.target).text)
            for r in m.relations}


RELATIONS = [
    pytest.param("The U.S. economy grew last year. However, wages stagnated.",
                 {("wages stagnated.", ATTACK, "contrast", "The U.S. economy grew last year.")},
                 id="however-attacks-previous"),
    pytest.param("The plan is popular. Its cost, however, is hidden.",
                 {("Its cost, however, is hidden.", ATTACK, "contrast", "The plan is popular.")},
                 id="parenthetical-however-attacks-previous"),
    pytest.param("Inflation fell to 2.5 percent. Still, prices remain high.",
                 {("prices remain high.", ATTACK, "contrast", "Inflation fell to 2.5 percent.")},
                 id="still-attacks-previous"),
    pytest.param("The plan is cheap, but it is unfair.",
                 {("it is unfair.", ATTACK, "contrast", "The plan is cheap")},
                 id="but-clause-attacks-first-clause"),
    pytest.param("Most of the money comes from the U.S. Therefore, the program depends on "
                 "Congress.",
                 {("Most of the money comes from the U.S.", SUPPORT, "result",
                   "the program depends on Congress.")}, id="therefore-premise-supports"),
    pytest.param("Fees deter students. Therefore fees must fall.",
                 {("Fees deter students.", SUPPORT, "result", "fees must fall.")},
                 id="therefore-without-comma"),
    pytest.param("The talks failed, so the deal is dead.",
                 {("The talks failed", SUPPORT, "result", "the deal is dead.")},
                 id="so-first-clause-supports"),
    pytest.param("Fees must fall because they deter students.",
                 {("they deter students.", SUPPORT, "reason", "Fees must fall")},
                 id="because-clause-supports"),
    pytest.param("Since the data are incomplete, the claim is premature.",
                 {("the data are incomplete", SUPPORT, "reason", "the claim is premature.")},
                 id="since-clause-supports-main-clause-only"),
    pytest.param("Because the data are old, the claim is weak.",
                 {("the data are old", SUPPORT, "reason", "the claim is weak.")},
                 id="because-initial-clause-supports-main-clause-only"),
    pytest.param("While the plan is cheap, it is unfair.",
                 {("the plan is cheap", ATTACK, "concession", "it is unfair.")},
                 id="while-concession-only"),
    pytest.param("Although the plan is cheap, it is unfair.",
                 {("the plan is cheap", ATTACK, "concession", "it is unfair.")},
                 id="although-concession-only"),
    pytest.param("Cities should ban cars. For example, Lyon is cleaner without them.",
                 {("Lyon is cleaner without them.", SUPPORT, "example",
                   "Cities should ban cars.")}, id="for-example-supports"),
    pytest.param("Fees must fall. In fact, they deter students.",
                 {("they deter students.", SUPPORT, "elaboration", "Fees must fall.")},
                 id="in-fact-elaborates"),
    pytest.param("Fees must fall. Moreover, they are unfair.",
                 {("they are unfair.", SUPPORT, "addition", "Fees must fall.")},
                 id="moreover-adds"),
    pytest.param("Fees must fall. First, they deter students. Second, they burden families.",
                 {("they deter students.", SUPPORT, "item", "Fees must fall."),
                  ("they burden families.", SUPPORT, "item", "Fees must fall.")},
                 id="first-second-items-of-the-claim"),
    pytest.param("Russia changed course on three occasions. The first was in 1992. The "
                 "second turning point came in 2002. The third came in 2009.",
                 {("The first was in 1992.", SUPPORT, "item",
                   "Russia changed course on three occasions."),
                  ("The second turning point came in 2002.", SUPPORT, "item",
                   "Russia changed course on three occasions."),
                  ("The third came in 2009.", SUPPORT, "item",
                   "Russia changed course on three occasions.")},
                 id="announced-enumeration"),
    pytest.param("Russia needs partners. Of course, Beijing is the priority. But Moscow seeks "
                 "alternatives.",
                 {("Beijing is the priority.", ATTACK, "concession", "Russia needs partners."),
                  ("Moscow seeks alternatives.", ATTACK, "contrast",
                   "Beijing is the priority.")}, id="concession-answered-mid-paragraph"),
    # When the answer is the central claim, the concession attacks it: the central claim
    # is the root, the source of no relation (Peldszus & Stede 2013).
    pytest.param("Of course, Beijing is the priority. But Moscow seeks alternatives.",
                 {("Beijing is the priority.", ATTACK, "contrast", "Moscow seeks alternatives.")},
                 id="concession-answered-paragraph-initial"),
    # "In fact" after a reported view it denies corrects it (Halliday & Hasan 1976, 5.4;
    # relate.unit_intent): an attack, whether or not a paragraph break comes between.
    # The correction is the central claim here, the root: the view attacks it.
    pytest.param("Experts say that fees are harmless.\n\nIn fact, fees are not harmless.",
                 {("Experts say that fees are harmless.", ATTACK, "correction",
                   "fees are not harmless.")}, id="in-fact-corrects-next-paragraph"),
    pytest.param("Experts say that fees are harmless. In fact, fees are not harmless.",
                 {("Experts say that fees are harmless.", ATTACK, "correction",
                   "fees are not harmless.")}, id="in-fact-corrects-same-paragraph"),
    pytest.param("Fees must fall. Experts say that fees are harmless. In fact, fees are "
                 "not harmless.",
                 {("Experts say that fees are harmless.", ATTACK, "objection",
                   "Fees must fall."),
                  ("fees are not harmless.", ATTACK, "correction",
                   "Experts say that fees are harmless.")}, id="in-fact-corrects-after-thesis"),
    pytest.param("Fees deter students. Aid is scarce. Taken together, these facts show that "
                 "fees must fall.",
                 {("Fees deter students.", SUPPORT, "summary",
                   "these facts show that fees must fall."),
                  ("Aid is scarce.", SUPPORT, "summary",
                   "these facts show that fees must fall.")},
                 id="taken-together-sums-up-both-facts"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_relations(text: str, expected: set[tuple[str, RelationKind, str, str]]) -> None:
    assert relations_of(argmap.analyze(text)) == expected


def test_appositive_eg_ie_relate_no_sentences() -> None:
    """Case 4: "(e.g. Lyon)" and ", i.e. most of them," stay inside their sentences; no
    marker-driven relation links the two sentences."""
    m = argmap.analyze("Some cities (e.g. Lyon) already ban cars downtown. Others, i.e. "
                       "most of them, do not.")
    assert [u.text for u in m.units] == ["Some cities (e.g. Lyon) already ban cars downtown.",
                                         "Others, i.e. most of them, do not."]
    assert [r.marker for r in m.relations if r.marker is not None] == []


ENUMERATIONS = [
    pytest.param("Fees must fall. First, they deter students. Second, they burden families.",
                 None, ["they deter students.", "they burden families."],
                 id="first-second-mid-paragraph"),
    pytest.param("First, the plan is costly. Second, it is slow. Finally, it is unfair.",
                 None, ["the plan is costly.", "it is slow.", "it is unfair."],
                 id="first-second-finally"),
    pytest.param("Russia changed course on three occasions. The first was in 1992. The "
                 "second turning point came in 2002. The third came in 2009.",
                 "Russia changed course on three occasions.",
                 ["The first was in 1992.", "The second turning point came in 2002.",
                  "The third came in 2009."], id="announced-the-ordinal-np"),
    pytest.param("This approach allows it to address four sets of problems.\n\nFirst, it "
                 "offsets China. Second, it proves success. Third, it opens markets. Fourth, "
                 "it attracts investment.",
                 "This approach allows it to address four sets of problems.",
                 ["it offsets China.", "it proves success.", "it opens markets.",
                  "it attracts investment."], id="announced-then-paragraphs"),
    pytest.param("Fees must fall. In fact, fees cause three problems. The first problem is "
                 "cost. The second problem is debt. The third problem is stress.",
                 "fees cause three problems.",
                 ["The first problem is cost.", "The second problem is debt.",
                  "The third problem is stress."], id="announcement-in-a-marked-sentence"),
    # a proportion inside an item ("one in five skipped trips") announces no new list
    pytest.param("Fares should go. The case rests on three arguments.\n\nFirst, fares keep "
                 "the poor off buses: a survey found that one in five skipped trips. Second, "
                 "free transit cuts traffic. Third, fares cost much to collect.",
                 "The case rests on three arguments.",
                 ["fares keep the poor off buses: a survey found that one in five skipped "
                  "trips.", "free transit cuts traffic.", "fares cost much to collect."],
                 id="proportion-inside-an-item"),
    # a fraction inside an item ("two thirds of riders") announces no new list
    pytest.param("Fares should go. The case rests on three arguments.\n\nFirst, fares keep "
                 "the poor off buses: two thirds of riders are poor. Second, free transit "
                 "cuts traffic. Third, fares cost much to collect.",
                 "The case rests on three arguments.",
                 ["fares keep the poor off buses: two thirds of riders are poor.",
                  "free transit cuts traffic.", "fares cost much to collect."],
                 id="fraction-inside-an-item"),
    # ../shared/cases/segmentation.md, cases 18B, 19 and 20
    pytest.param("Two costs matter: 1.\u00a0rent and 2.\u00a0transport.", "Two costs matter",
                 ["rent", "transport."], id="inline-numbers-after-nbsp"),
    pytest.param("There are two reasons: 1. costs are high; 2. benefits are unclear.",
                 "There are two reasons", ["costs are high", "benefits are unclear."],
                 id="inline-numbered-list"),
    pytest.param("Why the Levy Fails\nThe levy ignores costs. We propose three changes:\n"
                 "1. Cut fees\n2. Expand aid\n3. Publish results",
                 "We propose three changes", ["Cut fees", "Expand aid", "Publish results"],
                 id="line-based-list"),
]


@pytest.mark.parametrize(("text", "announcement", "items"), ENUMERATIONS)
def test_enumerations(text: str, announcement: str | None, items: list[str]) -> None:
    m = argmap.analyze(text)
    assert [(m.unit(e.announcement).text if e.announcement else None,
             [m.unit(i).text for i in e.items]) for e in m.enumerations] == [
        (announcement, items)]
    if announcement is not None:  # each item supports the announcement, and only it
        target = next(u.id for u in m.units if u.text == announcement)
        for item in m.enumerations[0].items:
            assert [(r.kind, r.subtype, r.target) for r in m.relations if r.source == item] \
                == [(SUPPORT, "item", target)]


# ------------------------------------------------------------------ map-level rows


@pytest.mark.parametrize(("text", "thesis"), [
    pytest.param("Since the data are incomplete, the claim is premature.",
                 "the claim is premature.", id="main-clause-not-its-reason"),
    pytest.param("While the plan is cheap, it is unfair.", "it is unfair.",
                 id="main-clause-not-the-concession"),
    pytest.param("Although the plan is cheap, it is unfair.", "it is unfair.",
                 id="main-clause-not-the-although-clause"),
    pytest.param("Fees must fall because they deter students.", "Fees must fall",
                 id="main-clause-not-the-because-clause"),
    pytest.param("Fees deter students. Therefore fees must fall.", "fees must fall.",
                 id="therefore-conclusion"),
    pytest.param("Fees must fall. First, they deter students. Second, they burden families.",
                 "Fees must fall.", id="claim-before-its-reasons"),
    pytest.param("Of course, Beijing is the priority. But Moscow seeks alternatives.",
                 "Moscow seeks alternatives.", id="not-the-conceded-point"),
    pytest.param("Experts say that fees are harmless.\n\nIn fact, fees are not harmless.",
                 "fees are not harmless.", id="not-the-corrected-view-paragraphs"),
    pytest.param("Experts say that fees are harmless. In fact, fees are not harmless.",
                 "fees are not harmless.", id="not-the-corrected-view"),
])
def test_central_claim(text: str, thesis: str) -> None:
    m = argmap.analyze(text)
    assert m.central_claim is not None
    assert m.unit(m.central_claim).text == thesis


@pytest.mark.parametrize("text", [
    pytest.param("Russia needs partners. Of course, Beijing is the priority. But Moscow "
                 "seeks alternatives.", id="mid-paragraph"),
    pytest.param("Of course, Beijing is the priority. But Moscow seeks alternatives.",
                 id="paragraph-initial"),
])
def test_concession_answered_by_contrast(text: str) -> None:
    """DESIGN.md: a concession "grants an opposing point, which the next contrast
    answers" -- the granted unit has the concession role, the contrast answers it. When
    the answer is the central claim (the root), the concession attacks it instead."""
    m = argmap.analyze(text)
    conceded = next(u for u in m.units if u.text == "Beijing is the priority.")
    answer = next(u for u in m.units if u.text == "Moscow seeks alternatives.")
    assert conceded.role is Role.CONCESSION
    if answer.id == m.central_claim:
        (rel,) = [r for r in m.relations if r.source == conceded.id]
        assert (rel.target, rel.kind) == (answer.id, ATTACK)
        assert rel.rule.endswith("answers-concession.to-thesis")
    else:
        (rel,) = [r for r in m.relations if r.source == answer.id]
        assert (rel.target, rel.kind) == (conceded.id, ATTACK)
        assert rel.rule.endswith("answers-concession")


@pytest.mark.parametrize("text", [
    pytest.param("The first problem is cost.", id="alone"),
    pytest.param("Fees must fall. The first problem is cost.", id="after-a-claim"),
    pytest.param("The first ever Russian-Japanese negotiations were held. They failed.",
                 id="first-ever"),
])
def test_ordinal_adjective_makes_no_enumeration(text: str) -> None:
    """Without an announcement ("three problems") or "First," an ordinal adjective is no
    list item: no enumeration and no item relation."""
    m = argmap.analyze(text)
    assert m.enumerations == ()
    assert [r for r in m.relations if r.subtype == "item"] == []
    if len(m.units) == 1:
        assert m.relations == ()


def test_first_second_make_an_implicit_enumeration() -> None:
    m = argmap.analyze("First, the plan is costly. Second, it is slow.")
    (enum,) = m.enumerations
    assert [m.unit(i).text for i in enum.items] == ["the plan is costly.", "it is slow."]
    assert (enum.announcement, enum.cardinal, enum.complete) == (None, 0, True)


def test_announced_enumeration_counts_its_items() -> None:
    m = argmap.analyze("Russia changed course on three occasions. The first was in 1992. "
                       "The second turning point came in 2002.")
    (enum,) = m.enumerations
    assert m.unit(str(enum.announcement)).text == "Russia changed course on three occasions."
    assert enum.cardinal == 3
    assert [m.unit(i).text for i in enum.items] == [
        "The first was in 1992.", "The second turning point came in 2002."]
    assert not enum.complete
    assert m.metadata["warnings"] == [
        '"Russia changed course on three occasions" (line 1): announces 3 items but has 2']


@pytest.mark.parametrize(("text", "role"), [
    # a summary below the central claim is a conclusion
    pytest.param("Fees must fall.\n\nFees deter students. Aid is scarce. Taken together, "
                 "these facts show that the system fails the poor.", Role.CONCLUSION,
                 id="below-the-central-claim"),
    # a summary that is the central claim has its role (adversarial review: the map's
    # root had role conclusion, and no unit had role central_claim)
    pytest.param("Fees deter students. Aid is scarce. Taken together, these facts show "
                 "that fees must fall.", Role.CENTRAL_CLAIM, id="the-central-claim"),
    pytest.param("In short, the ban works. It cut deaths. It cut noise.", Role.CENTRAL_CLAIM,
                 id="in-short-opening-the-text"),
])
def test_summary_unit_role(text: str, role: Role) -> None:
    m = argmap.analyze(text)
    summary = next(u for u in m.units if u.markers and u.markers[0].function is
                   MarkerFunction.SUMMARY)
    assert summary.role is role
    assert [u.id for u in m.units if u.role is Role.CENTRAL_CLAIM] == [m.central_claim]
