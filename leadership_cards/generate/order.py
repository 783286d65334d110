"""The order a chapter's new cards are met in review.

Review introduces new cards in the order `generate` returns them, so a chapter opens with its
framing (title, definitions, key points: what the chapter is about), then follows the text in
reading order, each count card right after the items it counts. The order is a pure function
of the cards and their documents, so it is deterministic.
"""

from __future__ import annotations

import re

from leadership_cards.cards import Card, Kind
from leadership_cards.source import Document, Heading, NumberedList, Paragraph

#: Framing kinds, in the order they open a chapter.
FRAMING = (Kind.TITLE, Kind.DEFINITION, Kind.KEY_POINT)
_POSITION = re.compile(r"^(?P<noun>.+?)\s+(?:\d+-)?(?P<number>\d+)$")
_LAST = float("inf")

#: At one position, the items come first, then their count, then any other card.
_RANK = {
    Kind.TECHNIQUE: 0,
    Kind.ENUMERATION: 0,
    Kind.TECHNIQUE_COUNT: 1,
    Kind.ENUMERATION_COUNT: 1,
}

Key = tuple[int, ...]


def reading_order(cards: list[Card], docs: list[Document]) -> list[Card]:
    """The chapter's cards: framing first, then the rest in reading order. Ties keep the
    order the extractors made them in (a technique before the claims of its item)."""
    places = {doc.file: (n, _places(doc)) for n, doc in enumerate(docs)}

    def key(indexed: tuple[int, Card]) -> tuple[int, int, Key, int]:
        index, card = indexed
        file_no, where = places.get(card.source.file, (len(docs), {}))
        spot = _spot(card.source.position, where)
        if card.kind in FRAMING:
            return (0, FRAMING.index(card.kind), (file_no, *spot), index)
        return (1, 0, (file_no, *spot, _RANK.get(card.kind, 2)), index)

    return [card for _, card in sorted(enumerate(cards), key=key)]


def _places(doc: Document) -> dict[tuple[str, int], tuple[int, float]]:
    """Every citable position of the document -> (block, place inside the block)."""
    places: dict[tuple[str, int], tuple[int, float]] = {}
    for index, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            places.setdefault(("heading", block.number), (index, 0))
        elif isinstance(block, Paragraph):
            places.setdefault(("paragraph", block.number), (index, 0))
        elif isinstance(block, NumberedList):
            for n, item in enumerate(block.items):
                places.setdefault((block.where(block.item_noun), item.number), (index, n))
    return places


def _spot(position: str, places: dict[tuple[str, int], tuple[int, float]]) -> tuple[int, float]:
    """(block, place): a range ("paragraphs 9-14") sorts with its last member."""
    if position == "title":
        return (-1, 0)
    m = _POSITION.match(position)
    if m:
        noun, number = m.group("noun"), int(m.group("number"))
        # A range names its items in the plural: "techniques 1-11", "processes 1-4".
        for form in (noun, noun.removesuffix("s"), noun.removesuffix("es")):
            if (form, number) in places:
                return places[(form, number)]
    return (len(places) + 1, _LAST)
