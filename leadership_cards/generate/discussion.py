"""Discussion questions -> prompts to speak on (Table Topics), kept out of daily review."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind, normalise
from leadership_cards.generate.context import Chapter
from leadership_cards.source import ListRole


def extract(chapter: Chapter) -> Iterator[Card]:
    for numbered in chapter.doc.lists:
        if numbered.role is not ListRole.QUESTIONS:
            continue
        for item in numbered.items:
            hint = chapter.title
            if normalise(hint) in normalise(item.text):
                hint = f"Chapter: {hint}"
            yield chapter.card(
                Kind.DISCUSSION,
                item.text,
                hint,
                numbered.position(item),
                item.text,
            )
