"""Numbered technique lists -> one card an item (its gist) and one for the list's count.

Reciting a list whole is hard to learn; one item a card, each numbered "3 of 11", teaches both
the items and their order. The answer is the item's gist (`gist.technique_gist`), a phrase of
a few words; the full sentence stays in the card's passage."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.gist import technique_gist
from leadership_cards.generate.quality import MAX_ANSWER_WORDS
from leadership_cards.generate.text import (
    capitalise,
    number_word,
    sentences,
    strip_citations,
    word_count,
)
from leadership_cards.source import ListRole, singular

_CLAUSE = re.compile(r"[;:—]")


def extract(chapter: Chapter) -> Iterator[Card]:
    for numbered in chapter.doc.lists:
        if numbered.role is not ListRole.ITEMS:
            continue
        label = " ".join(numbered.label.lower().split())
        words = label.split()
        one = " ".join([*words[:-1], singular(words[-1])])
        total = len(numbered.items)
        gists = item_gists([item.text for item in numbered.items])
        for item, gist in zip(numbered.items, gists, strict=True):
            if not gist:
                continue
            position = f"{numbered.item_noun} {item.number}"
            front = f"What is {one} {item.number} of {total}?"
            yield chapter.card(Kind.TECHNIQUE, front, gist, position, item.text)
        if total >= 2:
            passage = "\n".join(f"{i.number}. {i.text}" for i in numbered.items)
            yield chapter.card(
                Kind.TECHNIQUE_COUNT,
                f"How many {label} are there?",
                capitalise(number_word(total)),
                f"{numbered.item_noun}s 1-{numbered.items[-1].number}",
                passage,
            )


def item_gists(texts: list[str]) -> list[str | None]:
    """Each item's gist; items whose gists coincide ("Preparing to serve their followers")
    are told apart by what follows their "by" ("Learning to be teachers")."""
    found = []
    for text in texts:
        first = sentences(text)
        found.append(technique_gist(strip_citations(first[0])) if first else None)
    counts: dict[str, int] = {}
    for gist in found:
        if gist:
            counts[gist.text.lower()] = counts.get(gist.text.lower(), 0) + 1
    out: list[str | None] = []
    for text, gist in zip(texts, found, strict=True):
        if gist is None:
            out.append(item_gist(text))
        elif counts[gist.text.lower()] > 1:
            out.append(gist.means or item_gist(text))
        else:
            out.append(gist.text)
    return out


def item_gist(text: str) -> str | None:
    """An item's first sentence, or its first clause when the sentence runs long."""
    found = sentences(text)
    if not found:
        return None
    first = strip_citations(found[0]).rstrip(",;: ")
    if word_count(first) <= MAX_ANSWER_WORDS:
        return capitalise(first)
    clause = _CLAUSE.split(first, 1)[0].strip()
    if 6 <= word_count(clause) <= MAX_ANSWER_WORDS:
        return capitalise(clause) + "."
    return None
