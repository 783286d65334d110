"""The shape of an answer: what kind of phrase it is, so a quiz offers wrong answers of
the same kind (a number for a number, a gerund phrase for a gerund phrase).

A choice whose options differ in shape gives itself away: "Eleven" among three noun phrases
needs no memory. The shape is found once, when `add` generates the card, and stored with it,
so the quiz compares two strings and never analyses a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leadership_cards.cards import Shape
from leadership_cards.generate.text import (
    AUXILIARIES,
    DETERMINERS,
    NUMBER_WORDS,
    PREPOSITIONS,
    VERBS,
)

_WORD = re.compile(r"[\w'’-]+")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_SUBJECT_PRONOUNS = frozenset(("i", "we", "you", "he", "she", "it", "they", "there"))
#: Auxiliaries that only a finite clause has ("be" and "being" also open verb phrases).
_FINITE = AUXILIARIES - {"be", "been", "being"}
#: Words after which a leading verb is an imperative ("accept the role"), not a noun
#: ("Trust relationships").
_OBJECT_START = (
    DETERMINERS
    | PREPOSITIONS
    | _SUBJECT_PRONOUNS
    | frozenset(("one", "two", "three", "both", "each", "all", "more", "less", "them", "up", "out"))
)


def _is_number(word: str) -> bool:
    lower = word.lower()
    return bool(_NUMBER.match(lower)) or lower in NUMBER_WORDS or lower.rstrip("%").isdigit()


@lru_cache(maxsize=8192)
def answer_shape(answer: str) -> Shape:
    """The answer's phrase type, read from its words alone. Cached: every card asks it of
    its answer, and a chapter's alternatives for one item share their answers."""
    words = _WORD.findall(answer)
    if not words:
        return Shape.NOUN_PHRASE
    lower = [w.lower() for w in words]
    if _is_number(words[0]) or answer.strip().startswith(("$", "£", "€")):
        return Shape.COUNT if len(words) == 1 else Shape.QUANTITY
    first = lower[0]
    if first == "to" and len(words) > 1 or (first.endswith("ing") and first in VERBS):
        return Shape.VERB_PHRASE
    if first.endswith("ing") and len(first) > 5 and first not in ("thing", "something"):
        return Shape.VERB_PHRASE
    # A verb after the first word makes a statement: "Leaders are in service to others".
    # A word in a comma series ("values, vision, goals") is a noun whatever its ending.
    for index, word in enumerate(lower[1:7], 1):
        if word in _FINITE:
            return Shape.CLAUSE
        in_series = words[index] + "," in answer or f", {words[index]}" in answer
        if word in VERBS and word.endswith("s") and not in_series:
            return Shape.CLAUSE
    if first in _SUBJECT_PRONOUNS and len(words) > 1:
        return Shape.CLAUSE
    imperative = first in VERBS and not first.endswith(("s", "ed"))
    if imperative and len(lower) > 1 and lower[1] in _OBJECT_START:
        return Shape.VERB_PHRASE  # an imperative or a bare verb phrase: "accept the role"
    return _tagged_shape(answer) if len(words) > 1 else Shape.NOUN_PHRASE


_FINITE_TAGS = frozenset(("VBZ", "VBP", "VBD", "MD"))


def _tagged_shape(answer: str) -> Shape:
    """What the word lists above cannot tell, the part-of-speech tagger does: "Listen to
    the whole speech" opens on a verb; "The timer tracks how long ..." has a subject and its
    verb. Asked only of phrases the lists leave as noun phrases."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(answer)
    if analysis is None:
        return Shape.NOUN_PHRASE
    tags = [t.tag for t in analysis.tokens]
    if tags[0] == "VB":
        return Shape.VERB_PHRASE
    for index in range(1, len(tags)):
        if tags[index] in _FINITE_TAGS and tags[index - 1].startswith(("NN", "PRP")):
            return Shape.CLAUSE
    return Shape.NOUN_PHRASE
