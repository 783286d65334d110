"""Statistics ("70 percent of men") and every other figure a learner is asked for (a time,
a date, a rate, a point on a scale, a count of named things) -> cloze cards, one a figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.quality import passes, short_frame
from leadership_cards.generate.quantities import MAY_SHARE, MULTIPLE, SHARE, timed
from leadership_cards.generate.text import (
    cloze_of,
    sentences,
    strip_citations,
    strip_connectives,
    word_count,
)

_FIGURE = re.compile(
    r"(?:\b(?:about|around|roughly|nearly|almost|approximately|at least|more than|less than)\s+)?"
    r"\b\d+(?:[.,]\d+)?\s*(?:percent\b|per cent\b|%)"
    r"|\b\d+(?:[.,]\d+)?\s+(?:out\s+)?of\s+(?:every\s+)?\d+\b",
    re.IGNORECASE,
)
_MAKER_ASIDE = re.compile(
    r",\s+(?:first\s+)?(?:developed|devised|introduced|proposed|created|coined|founded|"
    r"popularised|popularized|made popular)\s+by\s+[A-Z][^,]{2,60},"
)
MAX_SENTENCE_WORDS = 50
#: Figures asked of one sentence: "green shows at five minutes, yellow at six and red at
#: seven" is one rule, not three facts.
MAX_FIGURES = 2
#: A number word, a unit of time, a month or a season: with a digit, the cheap test that a
#: passage holds a figure. ("may" is a month too: the test is generous, never strict.)
_NUMERIC_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    + ["twenty", "thirty", "forty", "fifty", "sixty", "hundred", "once", "twice"]
    + ["half", "third", "thirds", "quarter", "quarters", "fifth"]
    + ["spring", "summer", "autumn", "fall", "winter", "january", "february", "march", "april"]
    + ["may", "june", "july", "august", "september", "october", "november", "december"]
    + [
        f"{unit}{s}"
        for unit in ("second", "minute", "hour", "day", "week", "month", "year")
        for s in ("", "s")
    ]
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")


def _may_hold_figure(text: str) -> bool:
    """A digit or a word of `_NUMERIC_WORDS`: one pass for the digit and a set lookup per
    word, where one pattern of many alternatives tried at every character cost three times
    as much."""
    return bool(_DIGIT.search(text)) or not _NUMERIC_WORDS.isdisjoint(
        _WORD.findall(text.casefold())
    )


def extract(chapter: Chapter) -> Iterator[Card]:
    for text, position in chapter.passages():
        yield from _from_text(chapter, text, position)
        if _PICKED.search(text):
            yield from _picks(chapter, text, position)


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "last")
_ORDINAL = r"(?:" + "|".join(_ORDINALS) + r")"
#: "Leaders tend to rush the first stage and skip the third": stages of a whole the
#: passage counted, picked out by their place.
_PICKED = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<subj>[A-Z][a-z]+(?:\s+[a-z]+)?s)\s+"
    r"(?P<v1>(?:(?:tend|try|like|need|want) to\s+|often\s+|usually\s+)?[a-z]+)\s+"
    rf"the\s+(?P<o1>{_ORDINAL})\s+(?P<noun>[a-z]+)"
    rf"(?:\s+and\s+(?P<v2>[a-z]+)\s+the\s+(?P<o2>{_ORDINAL})(?:\s+(?P=noun))?)?(?=[,.;]|\s)"
)
#: "Kurt Lewin described change as a passage through three stages": the whole, counted, and
#: whose it is.
_COUNTED_WHOLE = re.compile(
    r"(?:(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:described|named|identified|"
    r"proposed|saw|set out|divided)\b[^.]*?)?\b"
    r"(?P<count>two|three|four|five|six|seven)\s+(?P<nouns>[a-z]+s)\b"
)
#: "First, unfreezing: ...": the name of the item at each place.
_PLACED = re.compile(
    rf"\b(?P<ord>{_ORDINAL[3:-1]}|Finally|Last),\s+(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*)?):",
    re.IGNORECASE,
)


def _picks(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    """ "Kurt Lewin described change as a passage through three stages ... Leaders tend to
    rush the first stage and skip the third" -> "Which of Lewin's stages do leaders tend
    to rush?" ("The first stage (unfreezing)"): a place in a counted whole, asked with
    the whole named. A place in nothing the passage counted ("the first time") is no card."""
    for m in _PICKED.finditer(text):
        noun = m.group("noun")
        whole = next(
            (
                w
                for w in _COUNTED_WHOLE.finditer(text[: m.start()])
                if w.group("nouns") == noun + "s"
            ),
            None,
        )
        if whole is None:
            continue
        named = {p.group("ord").lower(): p.group("name") for p in _PLACED.finditer(text)}
        owner = f"{whole.group('who').split()[-1]}'s" if whole.group("who") else "the"
        # The count is left out: it is a card's answer of its own ("How many stages ...?").
        of = f"Which of {owner} {whole.group('nouns')}"
        subject = m.group("subj")
        subject = subject if subject.isupper() else subject[:1].lower() + subject[1:]
        for verb, place in ((m.group("v1"), m.group("o1")), (m.group("v2"), m.group("o2"))):
            if not verb or not place:
                continue
            name = named.get(place)
            answer = f"The {place} {noun}" + (f" ({name})" if name else "")
            front = f"{of} do {subject} {verb}?"
            yield chapter.card(Kind.STATISTIC, front, answer, position, text)


def _from_text(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    if not _may_hold_figure(text):
        return
    for raw in sentences(text):
        # "Self-determination theory, developed by Deci and Ryan, holds that ...": who made
        # the theory is a card of its own, which a figure's front would give away.
        sentence = _MAKER_ASIDE.sub("", strip_citations(strip_connectives(raw)))
        if "{{" in sentence or "}}" in sentence or word_count(sentence) > MAX_SENTENCE_WORDS:
            continue
        # Every `_FIGURE` has a digit: a sentence without one is not searched for it.
        figures = [m.span() for m in _FIGURE.finditer(sentence)] if _DIGIT.search(sentence) else []
        if MAY_SHARE.search(sentence):
            figures += [
                m.span()
                for pattern in (SHARE, MULTIPLE)
                for m in pattern.finditer(sentence)
                if not any(m.start() < end and start < m.end() for start, end in figures)
            ]
        if _may_hold_figure(sentence):  # the sentence analysed only when it may hold a figure
            figures += [
                span
                for span in timed(sentence)
                if not any(span[0] < end and start < span[1] for start, end in figures)
            ]
        for span in figures[:MAX_FIGURES]:
            cloze = cloze_of(sentence, span)
            card = chapter.card(Kind.STATISTIC, "", "", position, text, cloze=cloze)
            # "An audience decides [...] whether a speaker is worth listening to." ends on
            # its preposition: a question may, and reads better than a cloze whose frame
            # only a figure pins down. (The question is looked for first: it is the cheaper
            # test, and most figures have none.)
            asked = time_question(sentence, span)
            if asked and (not passes(card) or short_frame(cloze)):
                card = chapter.card(Kind.STATISTIC, asked[0], asked[1], position, text)
            yield card


def time_question(sentence: str, span: tuple[int, int]) -> tuple[str, str] | None:
    """ "An audience decides [within the first thirty seconds] whether ..." -> ("When does
    an audience decide whether ...?", "Within the first thirty seconds"): a time that
    follows the main verb of a plain subject, asked with "when"."""
    from leadership_cards.generate.questions import _base_form
    from leadership_cards.generate.syntax import analyse

    figure = sentence[span[0] : span[1]]
    answer = figure[:1].upper() + figure[1:]
    lasting = _LASTING.search(sentence[: span[0]])
    if lasting and lasting.end() == span[0] and _DURATION.search(figure):
        # "For a standard prepared speech of [five to seven minutes], green shows at ..."
        return f"How long is {lasting.group('what')}?", answer
    done = _WHO_DOES.match(sentence[: span[0]])
    said = _IS_WHAT.match(sentence[span[1] :])
    if done and said:
        # "A speaker who runs [more than thirty seconds past the red signal] is over time."
        return f"When is {done.group('who').lower()} {said.group('what')}?", answer
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    first = next((i for i, t in enumerate(tokens) if t.start >= span[0]), None)
    if first is None or first < 2 or tokens[first].lower not in _TIME_LEADS:
        return None
    verb = tokens[first - 1]
    subject = tokens[: first - 1]
    if verb.tag != "VBZ" or not all(t.tag in ("DT", "JJ", "NN", "NNS", "NNP") for t in subject):
        return None
    rest = sentence[span[1] :].strip().rstrip(".!")
    who = sentence[subject[0].start : subject[-1].end]
    who = who if subject[0].tag == "NNP" else who[:1].lower() + who[1:]
    question = f"When does {who} {_base_form(verb.lower)} {rest}".rstrip() + "?"
    return question, answer


#: "a standard prepared speech of [...]": what lasts as long as the figure says.
_LASTING = re.compile(r"\b(?P<what>an?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)\s+of\s+$")
_DURATION = re.compile(r"\b(?:second|minute|hour|day|week|month|year)s?\b")
#: "A speaker who runs [...]" and "is over time.": who is what when the figure holds.
_WHO_DOES = re.compile(r"^(?P<who>An?\s+[a-z][\w-]*)\s+who\s+[a-z]+s\s+$")
_IS_WHAT = re.compile(r"^\s+is\s+(?P<what>[a-z][\w ,'’-]{2,40}?)\.?$")


#: Words that open a time a question asks with "when".
_TIME_LEADS = frozenset(["within", "during", "in", "after", "before", "on", "from", "by"])
