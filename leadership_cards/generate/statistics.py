"""Statistics ("70 percent of men") -> cloze cards, one a figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
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
MAX_SENTENCE_WORDS = 50
_DIGIT = re.compile(r"\d")


def extract(chapter: Chapter) -> Iterator[Card]:
    for text, position in chapter.passages():
        yield from _from_text(chapter, text, position)


def _from_text(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    if not _DIGIT.search(text):
        return
    for raw in sentences(text):
        sentence = strip_citations(strip_connectives(raw))
        if "{{" in sentence or "}}" in sentence or word_count(sentence) > MAX_SENTENCE_WORDS:
            continue
        for m in _FIGURE.finditer(sentence):
            cloze = cloze_of(sentence, m.span())
            yield chapter.card(Kind.STATISTIC, "", "", position, text, cloze=cloze)
