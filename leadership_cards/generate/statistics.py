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
from leadership_cards.source import ListRole, NumberedList, Paragraph

_FIGURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:percent\b|per cent\b|%)"
    r"|\b\d+(?:[.,]\d+)?\s+(?:out\s+)?of\s+(?:every\s+)?\d+\b",
    re.IGNORECASE,
)
MAX_SENTENCE_WORDS = 50


def extract(chapter: Chapter) -> Iterator[Card]:
    for block in chapter.doc.blocks:
        if isinstance(block, Paragraph):
            yield from _from_text(chapter, block.text, f"paragraph {block.number}")
        elif isinstance(block, NumberedList) and block.role is not ListRole.QUESTIONS:
            for item in block.items:
                yield from _from_text(chapter, item.text, f"{block.item_noun} {item.number}")


def _from_text(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    if not any(c.isdigit() for c in text):
        return
    for raw in sentences(text):
        sentence = strip_citations(strip_connectives(raw))
        if "{{" in sentence or "}}" in sentence or word_count(sentence) > MAX_SENTENCE_WORDS:
            continue
        for m in _FIGURE.finditer(sentence):
            cloze = cloze_of(sentence, m.span())
            yield chapter.card(Kind.STATISTIC, "", "", position, text, cloze=cloze)
