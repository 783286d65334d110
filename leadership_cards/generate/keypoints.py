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
            cloze = best_cloze(item.text)
            if cloze:
                yield chapter.card(
                    Kind.KEY_POINT, "", "", f"key point {item.number}", item.text, cloze=cloze
                )


def best_cloze(text: str) -> str | None:
    """The cloze of the text's most telling sentence: one with a contrast, comparison or
    verdict if there is one, else the first sentence that stands on its own."""
    fallback = None
    for index, raw in enumerate(sentences(text)):
        sentence = strip_citations(strip_connectives(raw))
        if "{{" in sentence or "}}" in sentence or (index and dangles(sentence)):
            continue
        found = salient_span(sentence)
        if found and found[1] != "statement":
            return cloze_of(sentence, found[0])
        if fallback is None:
            if found:
                fallback = cloze_of(sentence, found[0])
            else:
                end = len(sentence.rstrip('.!?"”’ '))
                span = _phrase_before(sentence, end)
                if span:
                    fallback = cloze_of(sentence, span)
    return fallback
