"""Numbers with their units in a sentence: the spans a cloze may blank as one quantity."""

from __future__ import annotations

from leadership_cards.generate.syntax import Token, analyse
from leadership_cards.generate.words import DURATIONS, UNITS

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
        if j > i and tokens[j].tag.startswith("NN") and measured:
            if j + 2 < len(tokens) and tokens[j].lower == "times" and tokens[j + 1].lower in _PER:
                j += 2  # "three times a week"
            out.append(analysis.span(_hedged(tokens, i), j))
        taken = j
    return out


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
    number is belongs to the number's phrase."""
    return any(
        j < len(tokens)
        and (tokens[j].tag == "CD" or tokens[j].lower in _TIMES)
        and _hedged(tokens, j) == i
        for j in (i + 1, i + 2)
    )


_TIMES = frozenset(["once", "twice"])
_PER = frozenset(["a", "an", "per", "each", "every"])
_HEDGES = frozenset(["about", "around", "roughly", "nearly", "almost", "approximately"])
_TWO_WORD_HEDGES = frozenset(
    [("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than")]
)
