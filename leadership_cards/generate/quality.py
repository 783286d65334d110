"""The rules every card obeys (DESIGN.md, "Cards that are worth learning").

Extractors propose candidates freely; `problems` is the single judge, used both to filter the
candidates and by the tests, so a rule is stated once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from leadership_cards.cards import (
    CLOZE_BLANK,
    WRITTEN_KINDS,
    Card,
    Kind,
    cloze_parts,
    normalise,
)
from leadership_cards.generate.text import FUNCTION_WORDS, ends_in_function_word
from leadership_cards.source import is_furniture

MAX_ANSWER_WORDS = 45
MAX_QUESTION_WORDS = 80
_FURNITURE_TEXT = re.compile(
    r"table of contents|previous section|next section|westside toastmasters is located|"
    r"on meetup",
    re.IGNORECASE,
)


def problems(card: Card) -> list[str]:
    """Every rule the card breaks, in plain words; empty when the card is fit to learn."""
    found: list[str] = []
    front, back = card.front.strip(), card.back.strip()
    if not front:
        found.append("empty question")
    if not back or not any(c.isalnum() for c in back):
        found.append("empty answer")
    # A member's own card is taken as written: only the rules that keep a card usable apply.
    judged = card.kind not in WRITTEN_KINDS
    if judged and card.kind is not Kind.DISCUSSION and len(back.split()) > MAX_ANSWER_WORDS:
        found.append(f"answer longer than {MAX_ANSWER_WORDS} words")
    if judged and len(front.split()) > MAX_QUESTION_WORDS:
        found.append(f"question longer than {MAX_QUESTION_WORDS} words")
    if judged and back and _contains(front, back):
        found.append("question contains its answer")
    elif judged and back and _gives_away(front, back):
        found.append("question gives away its answer")
    if judged and card.kind is not Kind.DISCUSSION:
        statement = card.cloze.replace("{{c1::", "").replace("}}", "") if card.cloze else front
        if ends_in_function_word(statement) or ends_in_function_word(back):
            found.append("sentence cut mid-clause")
    if judged and not balanced(back):
        found.append("answer breaks a bracket pair")
    for text in (front, back):
        if _FURNITURE_TEXT.search(text) or any(is_furniture(line) for line in text.splitlines()):
            found.append("page furniture in the card")
            break
    if card.cloze is not None:
        try:
            parts = cloze_parts(card.cloze)
        except ValueError:
            found.append("malformed cloze")
        else:
            if parts != (card.front, card.back):
                found.append("cloze does not match question and answer")
            if card.cloze.count("{{c1::") != 1:
                found.append("more than one cloze deletion")
    elif CLOZE_BLANK in front:
        found.append("blank without a cloze")
    if not card.deck or not card.chapter:
        found.append("no deck or chapter")
    if not card.source.file or not card.source.position or not card.source.passage:
        found.append("no source position or passage")
    if card.deck not in card.tags or str(card.kind) not in card.tags:
        found.append("missing deck or kind tag")
    return found


def passes(card: Card) -> bool:
    return not problems(card)


def deck_problems(cards: Iterable[Card]) -> list[str]:
    """Rules that concern the deck as a whole: ids and questions are unique."""
    found: list[str] = []
    ids: set[str] = set()
    fronts: set[tuple[str, str]] = set()
    for card in cards:
        if card.id in ids:
            found.append(f"duplicate card {card.id}: {card.front!r}")
        ids.add(card.id)
        key = (card.deck, normalise(card.front))
        if key in fronts:
            found.append(f"duplicate question: {card.front!r}")
        fronts.add(key)
    return found


_PAIRS = {")": "(", "]": "["}


def balanced(text: str) -> bool:
    """True when every bracket in the text is closed, in order."""
    stack: list[str] = []
    for c in text:
        if c in "([":
            stack.append(c)
        elif c in _PAIRS and (not stack or stack.pop() != _PAIRS[c]):
            return False
    return not stack


def _gives_away(front: str, back: str) -> bool:
    """True when every content word of the answer is already in the question, in any order
    ("What is Technique 2 of Technique 2 relationship focus?" -> "Relationship focus")."""
    answer = set(normalise(back).split()) - FUNCTION_WORDS
    return bool(answer) and answer <= set(normalise(front).split())


def _contains(front: str, back: str) -> bool:
    """True when the answer's words appear, in order and whole, in the question."""
    answer = normalise(back)
    if not answer:
        return False
    return f" {answer} " in f" {normalise(front)} "
