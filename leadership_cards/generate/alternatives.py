"""One source item's candidate cards, best first, made only as far as they are needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from leadership_cards.cards import Card


class Alternatives:
    """Ways to ask one item, best first, of which the deck keeps the first that passes the
    quality rules and repeats no earlier card (`generate._Seen.admit`). Each alternative costs
    a parse and a judgement, and most items are settled by their first or second, so they are
    made lazily from `cards`, once each, however often they are walked."""

    __slots__ = ("_made", "_source")

    def __init__(self, cards: Iterable[Card]) -> None:
        self._source: Iterator[Card] | None = iter(cards)
        self._made: list[Card] = []

    def __iter__(self) -> Iterator[Card]:
        index = 0
        while True:
            if index < len(self._made):
                yield self._made[index]
                index += 1
                continue
            if self._source is None:
                return
            card = next(self._source, None)
            if card is None:
                self._source = None
                return
            self._made.append(card)

    def first(self, test: Callable[[Card], bool]) -> Card | None:
        """The first alternative for which `test` holds, making no more than it must."""
        return next((card for card in self if test(card)), None)
