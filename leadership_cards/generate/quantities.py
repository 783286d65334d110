"""Numbers with their units in a sentence: the spans a cloze may blank as one quantity."""

from __future__ import annotations

import re

from leadership_cards.generate.syntax import Analysis, Token, analyse
from leadership_cards.generate.words import DURATIONS, UNITS

_COUNT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_QUALIFIER = (
    r"(?:(?:about|around|roughly|nearly|almost|approximately|at least|more than|less than|"
    r"fewer than|over|under|only|just|barely|well over)\s+)?"
)
_RATIO = (
    rf"{_COUNT_WORD}\s+(?:out\s+of|in)\s+(?:every\s+)?"
    r"(?:two|three|four|five|six|ten|twenty|a\s+hundred|\d+)\b"
)
_FRACTION = (
    r"(?:half|a\s+third|a\s+quarter|a\s+fifth|one\s+third|one\s+quarter|two\s+thirds|"
    r"three\s+quarters)"
)
#: A share in words, one phrase with what qualifies it: "[eight out of ten] managers",
#: "[one in three] followers", "[nearly half] of new leaders", "[two thirds] of teams".
SHARE = re.compile(rf"\b{_QUALIFIER}(?:{_RATIO}|{_FRACTION}(?=\s+of\s))", re.IGNORECASE)
_WHOLE_SHARE = re.compile(rf"{_QUALIFIER}(?:{_RATIO}|{_FRACTION})$", re.IGNORECASE)
_MULTIPLE = r"(?:twice|three\s+times|four\s+times|five\s+times|ten\s+times|\d+\s+times)"
#: How many times as much, and a ratio: "[twice as likely] to finish", "[three times more
#: likely]", "outnumber criticism [by about five to one]".
MULTIPLE = re.compile(
    rf"\b{_QUALIFIER}{_MULTIPLE}\s+(?:as\s+(?:likely|much|many|often|long|fast|effective)\b"
    r"|(?:more|less|faster|longer|likelier)\s+(?:likely\b)?)"
    rf"|(?<=\bby ){_QUALIFIER}(?:{_COUNT_WORD}|twenty|a\s+hundred)\s+to\s+(?:one|two|three|1|2|3)\b",
    re.IGNORECASE,
)
#: What every `SHARE` and `MULTIPLE` holds: one search, the cheap test before they are tried.
MAY_SHARE = re.compile(
    r"\b(?:half|thirds?|quarters?|fifth|twice|times|out of|to (?:one|two|three|1|2|3))\b"
    rf"|\b{_COUNT_WORD} in\b",
    re.IGNORECASE,
)


def is_share(phrase: str) -> bool:
    """True when the phrase is a share in words and nothing else: "eight out of ten",
    "nearly half"; one phrase, though "of" or a noun follows it."""
    return bool(_WHOLE_SHARE.match(phrase) or MULTIPLE.fullmatch(phrase))


Span = tuple[int, int]


_UNIT_AFTER = frozenset(["to", "and", "or"])


def quantity(sentence: str) -> Span | None:
    """A number with its unit, a range kept whole: "lasts from [one to two minutes]",
    "[70 percent] of men", "at [one minute thirty seconds]"."""
    found = quantities(sentence)
    return found[0] if found else None


def quantities(sentence: str) -> list[Span]:
    """Every number with its unit in the sentence (see `quantity`), each with the word that
    says how exact it is ("[about 50 percent]", "[at least once a month]"), and frequencies
    ("[twice a year]")."""
    analysis = analyse(sentence)
    if analysis is None:
        return []
    tokens = analysis.tokens
    out: list[Span] = []
    taken = -1  # the last token of the number before: "one to [two hours]" is no number
    for i, t in enumerate(tokens):
        if i <= taken:
            continue
        if t.lower in _TIMES and i + 2 < len(tokens) and tokens[i + 1].lower in _PER:
            if tokens[i + 2].lower in UNITS:
                out.append(analysis.span(_hedged(tokens, i), i + 2))  # "twice a year"
            continue
        if t.tag != "CD" or (i and tokens[i - 1].tag == "CD"):
            continue
        j = i
        while j + 1 < len(tokens) and (
            tokens[j + 1].tag in ("NN", "NNS")
            or _unit_after_number(tokens, j + 1)
            or tokens[j + 1].tag == "CD"
            and (
                not tokens[j].tag.startswith("NN")  # "25 percent [two months] later"
                or tokens[j].lower in DURATIONS  # "one minute thirty seconds"
                and j + 2 < len(tokens)
                and tokens[j + 2].lower in DURATIONS
            )
            or tokens[j + 1].lower in _UNIT_AFTER
            and j + 2 < len(tokens)
            and tokens[j + 2].tag == "CD"
        ):
            j += 1
        measured = t.text[:1].isdigit() or tokens[j].lower in UNITS
        if j > i and (tokens[j].tag.startswith("NN") or _unit_after_number(tokens, j)) and measured:
            if j + 2 < len(tokens) and tokens[j].lower == "times" and tokens[j + 1].lower in _PER:
                j += 2  # "three times a week"
            out.append(analysis.span(_hedged(tokens, i), j))
        taken = j
    return out


def _unit_after_number(tokens: tuple[Token, ...], i: int) -> bool:
    """ "two [hours] a day": a unit of time right after a number is a noun, whatever the
    tagger makes of it (it reads "hours" after "two" as a verb)."""
    return tokens[i].lower in DURATIONS and tokens[i - 1].tag == "CD"


def _hedged(tokens: tuple[Token, ...], i: int) -> int:
    """The index where a number's phrase starts once the words that say how exact it is are
    taken in: "about 50 percent", "at least once a month", "more than 30 seconds"."""
    if i and tokens[i - 1].lower in _HEDGES:
        return i - 1
    if i > 1 and (tokens[i - 2].lower, tokens[i - 1].lower) in _TWO_WORD_HEDGES:
        return i - 2
    return i


def is_hedge(tokens: tuple[Token, ...], i: int) -> bool:
    """ "[about] 50 percent", "[at least] once a month": the word that says how exact a
    number is belongs to the number's phrase; so does the word that opens a time, a date
    or a point on a scale ("[within] the first thirty seconds", "[from] one to ten", "[a]
    day before", "[in] the spring")."""
    if any(
        j < len(tokens)
        and (tokens[j].tag == "CD" or tokens[j].lower in _TIMES or tokens[j].lower in _FRACTIONS)
        and _hedged(tokens, j) == i
        for j in (i + 1, i + 2)
    ):
        return True
    if tokens[i].lower not in _LEADS:
        return False
    near = tokens[i : i + 6]
    if any(first == 0 for first, _ in _dates(near) + _scales(near) + _relative_times(near)):
        return True
    return tokens[i].lower in _TIME_PREPOSITIONS and any(t.tag == "CD" for t in near[1:4])


def ends_a_time(tokens: tuple[Token, ...], last: int) -> bool:
    """ "[a day before]": the adverb that counts a time from an event ends its phrase."""
    start = max(0, last - 2)
    return any(start + end == last for _, end in _relative_times(tokens[start : last + 2]))


_TIMES = frozenset(["once", "twice"])
#: Counts without a number: "the first [few] months".
_FEW = frozenset(["few", "several", "couple"])
_PER = frozenset(["a", "an", "per", "each", "every"])
#: A share's word, hedged as a number is: "[about half] of all decisions".
_FRACTIONS = frozenset(["half", "third", "thirds", "quarter", "quarters", "fifth"])
_HEDGES = frozenset(["about", "around", "roughly", "nearly", "almost", "approximately"])
_TWO_WORD_HEDGES = frozenset(
    [("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than")]
)


def timed(sentence: str) -> list[Span]:
    """Every figure a learner is asked for, as a complete phrase: a number with its unit
    and rate ("[about 120 to 150 words per minute]"), what it counts from ("[more than
    thirty seconds past the red signal]", "[a day before]", "[within the first thirty
    seconds]"), a date or a season ("[from July 1 to June 30]", "[in the spring]"), a point
    on a scale ("rate, [from one to ten], ...", "an answer [below eight]") and a count of
    named things ("[three habits]", "[ten goals]"). Spans do not overlap, in reading order."""
    analysis = analyse(sentence)
    if analysis is None:
        return []
    tokens = analysis.tokens
    spans: list[tuple[int, int]] = []  # token indices, first and last
    for first, last in (_token_span(analysis, s) for s in quantities(sentence)):
        spans.append(_widened(tokens, first, last))
    spans += _dates(tokens) + _scales(tokens) + _relative_times(tokens) + _counts(tokens)
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and first <= out[-1][1]:
            continue  # inside a phrase already taken
        out.append((first, last))
    return [analysis.span(first, last) for first, last in out]


def _token_span(analysis: Analysis, span: Span) -> tuple[int, int]:
    tokens = analysis.tokens
    first = next(i for i, t in enumerate(tokens) if t.start >= span[0])
    last = max(i for i, t in enumerate(tokens) if t.end <= span[1])
    return first, last


def _widened(tokens: tuple[Token, ...], first: int, last: int) -> tuple[int, int]:
    """A quantity with its rate ("words [per minute]"), the point it counts from ("seconds
    [past the red signal]") and its frame ("[within the first] thirty seconds")."""
    n = len(tokens)
    if last + 2 < n and tokens[last + 1].lower in _PER and tokens[last + 2].lower in UNITS:
        last += 2
    if last + 1 < n and tokens[last + 1].lower in _RELATIVE:
        end = _noun_phrase_end(tokens, last + 2)
        if end is not None:
            last = end
    if first > 1 and tokens[first - 1].lower in _ORDINALS and tokens[first - 2].tag in _OWNERS:
        first -= 2  # "[the first thirty seconds]", "[their first three sentences]"
    if first and tokens[first - 1].lower in _TIME_PREPOSITIONS:
        first -= 1  # "[within the first thirty seconds]"
    return first, last


def _noun_phrase_end(tokens: tuple[Token, ...], i: int) -> int | None:
    """The last token of the short noun phrase that starts at `i` ("the red signal")."""
    j = i
    while j < len(tokens) and j - i < 4 and tokens[j].tag in ("DT", "PRP$", "JJ", "NN", "NNS"):
        j += 1
    return j - 1 if j > i and tokens[j - 1].tag.startswith("NN") else None


def _dates(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """ "[from July 1 to June 30]", "[on March 3]", "[in the spring]", "[in 1970]"."""
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.lower in _MONTHS and t.text[:1].isupper() and i + 1 < n and tokens[i + 1].tag == "CD":
            first, last = i, i + 1
            if (
                last + 3 < n
                and tokens[last + 1].lower in ("to", "until", "through")
                and tokens[last + 2].lower in _MONTHS
                and tokens[last + 3].tag == "CD"
            ):
                last += 3
            if first and tokens[first - 1].lower in ("from", "on", "by", "until", "since"):
                first -= 1
            out.append((first, last))
        elif (
            _year(t)
            and t.text[:2] in ("17", "18", "19", "20")
            and i
            and tokens[i - 1].lower in _YEAR_LEADS
            and not (i + 1 < n and tokens[i + 1].tag.startswith("NN"))
            and not _in_leading_clause(tokens, i)
        ):
            out.append((i - 1, i))  # "[in 1970]", "[since 1924]"; not "a 1963 memo"
        elif (
            t.lower in _SEASONS
            and i > 1
            and tokens[i - 1].lower == "the"
            and tokens[i - 2].lower in ("in", "by", "during", "until")
        ):
            out.append((i - 2, i))
    return out


def _scales(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """A point or a range on a scale, a number with no unit: "rate, [from one to ten],",
    "an answer [below eight] is ..."."""
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.tag != "CD" or i == 0:
            continue
        after = tokens[i + 1] if i + 1 < n else None
        if after is not None and after.tag.startswith("NN"):
            continue  # a number with its noun: a quantity or a count
        before = tokens[i - 1]
        if before.lower in ("below", "above", "under", "over") and not _year(t):
            out.append((i - 1, i))
        elif (
            before.lower == "from"
            and i + 2 < n
            and tokens[i + 1].lower == "to"
            and tokens[i + 2].tag == "CD"
            and not (i + 3 < n and tokens[i + 3].tag.startswith("NN"))
        ):
            out.append((i - 1, i + 2))
    return out


def _relative_times(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """A time counted from an event the sentence names: "confirms every role-taker [a day
    before]", "[a week ahead]", "take one [within their first month]"."""
    out = []
    for i in range(len(tokens) - 3):
        prep, owner, ordinal, unit = tokens[i : i + 4]
        if (
            prep.lower in _TIME_PREPOSITIONS | {"in"}
            and owner.tag in _OWNERS
            and ordinal.lower in _ORDINALS
        ):
            if unit.lower in DURATIONS:
                out.append((i, i + 3))
            elif unit.lower in _FEW and i + 4 < len(tokens) and tokens[i + 4].lower in DURATIONS:
                out.append((i, i + 4))  # "[within the first few months]"
    for i in range(len(tokens) - 2):
        a, unit, when = tokens[i], tokens[i + 1], tokens[i + 2]
        if a.lower in ("a", "an", "one") and unit.lower in DURATIONS and when.lower in _BEFORE:
            follows = tokens[i + 3] if i + 3 < len(tokens) else None
            if follows is None or not follows.tag.startswith(("DT", "NN", "PRP", "JJ", "CD")):
                out.append((i, i + 2))  # "a day before," not "a day before the meeting"
    return out


def _counts(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """A count of named things: "[three habits] separate ...", "a set of [ten goals]". One
    thing ("one member") is a way of speaking, not a count worth asking."""
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.tag != "CD" or t.lower not in _COUNT_WORDS:
            continue
        if i and (tokens[i - 1].tag in ("CD", "DT", "PDT") or tokens[i - 1].lower in _POINTING):
            continue  # "the four levels", "these two definitions": counted before, or a list's
        j = i + 1
        while j < n and tokens[j].tag in ("JJ", "NN") and j - i < 3:
            j += 1  # "three [basic] needs" (the tagger reads some adjectives as nouns)
        if j < n and tokens[j].tag == "NNS":
            while j + 1 < n and tokens[j + 1].tag == "NNS":
                j += 1
            if tokens[j].lower not in _COUNTLESS or tokens[i - 1].lower in _ORDINALS:
                out.append(_widened(tokens, i, j))
    return out


def _in_leading_clause(tokens: tuple[Token, ...], i: int) -> bool:
    """True when token `i` sits in a clause that opens the sentence and sets a scene ("When
    the club met in 1990, the members voted ..."): narration, not a date to learn."""
    return tokens[0].lower in _SCENE_OPENERS and any(t.text == "," for t in tokens[i + 1 :])


_SCENE_OPENERS = frozenset(["when", "while", "as", "once", "after", "before", "until"])


#: Words that open a year as a time: "[in 1970]", "[since 1924]", "[by 2030]".
_YEAR_LEADS = frozenset(["in", "since", "by", "until", "during", "before", "after"])


def _year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit()


#: Number words from two up: a count of things worth asking.
_COUNT_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
)
#: Nouns that count parts of the text or of an argument, not things of the subject: "[three
#: points] can be emphasized here", "a combination of [three sets]"; unless an ordinal
#: picks them out ("[their first three sentences]").
_COUNTLESS = frozenset(
    ["points", "sets", "kinds", "types", "things", "parts", "aspects", "items", "examples"]
    + ["elements", "factors", "areas", "reasons", "definitions", "ones", "others", "times"]
    + ["sentences", "words", "paragraphs", "sections", "chapters", "pages", "questions"]
)
_POINTING = frozenset(["these", "those", "all", "both", "its", "his", "her", "our"])
_ORDINALS = frozenset(["first", "last", "next", "past", "final", "opening"])
_OWNERS = ("DT", "PRP$")
_TIME_PREPOSITIONS = frozenset(["within", "during"])
_RELATIVE = frozenset(["past", "after", "before", "beyond"])
_BEFORE = frozenset(["before", "after", "earlier", "later", "ahead", "ago", "beforehand"])
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september"]
    + ["october", "november", "december"]
)
_SEASONS = frozenset(["spring", "summer", "autumn", "fall", "winter"])
#: Words that open a time, a date or a point on a scale (see `is_hedge`).
_LEADS = frozenset(
    ["within", "during", "from", "on", "by", "until", "since", "in", "below", "above"]
    + ["under", "over", "a", "an", "one"]
)
