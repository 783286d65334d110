"""Key points -> cloze cards on each point's salient phrase (its contrast, comparison, verdict
or main claim), never a random word."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import (
    _phrase_before,
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_citations,
    strip_connectives,
)
from leadership_cards.source import ListRole


def extract(chapter: Chapter) -> Iterator[Card]:
    for numbered in chapter.doc.lists:
        if numbered.role is not ListRole.KEY_POINTS:
            continue
        for item in numbered.items:
            for cloze in candidate_clozes(item.text):
                yield chapter.card(
                    Kind.KEY_POINT, "", "", f"key point {item.number}", item.text, cloze=cloze
                )


def candidate_clozes(text: str) -> list[str]:
    """Clozes of the point's sentences, best first: a contrast, comparison or verdict before
    a plain statement, the first sentence before later ones. The generator keeps the first
    that is not already in the deck (a key point often restates the chapter's prose)."""
    telling: list[str] = []
    plain: list[str] = []
    for index, raw in enumerate(sentences(text)):
        sentence = strip_citations(strip_connectives(raw))
        if "{{" in sentence or "}}" in sentence or (index and dangles(sentence)):
            continue
        found = salient_span(sentence)
        if found:
            (plain if found[1] == "statement" else telling).append(cloze_of(sentence, found[0]))
            continue
        end = len(sentence.rstrip('.!?"”’ '))
        span = _phrase_before(sentence, end)
        if span:
            plain.append(cloze_of(sentence, span))
    return telling + plain
