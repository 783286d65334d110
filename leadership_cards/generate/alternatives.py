"""One source item's candidate cards, best first, made only as far as they are needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from leadership_cards.cards import Card

#: A test of an alternative that costs more than deduplication's set lookups (a blank judged
#: in its own sentence): run only for a card that repeats nothing, once.
Guard = Callable[[], bool]
Alternative = Card | tuple[Card, Guard]


class Alternatives:
    """Ways to ask one item, best first, of which the deck keeps the first that passes the
    quality rules and repeats no earlier card (`generate._Seen.admit`). Each alternative costs
    a parse and a judgement, and most items are settled by their first or second, so they are
    made lazily from `cards`, once each, however often they are walked. An alternative may
    come with a guard, which `ways` leaves to the caller to run after its cheaper checks and
    plain iteration runs itself: either way a card whose guard fails is never kept."""

    __slots__ = ("_made", "_source")

    def __init__(self, cards: Iterable[Alternative]) -> None:
        self._source: Iterator[Alternative] | None = iter(cards)
        self._made: list[tuple[Card, _Once | None]] = []

    def ways(self) -> Iterator[tuple[Card, Guard | None]]:
        """Each alternative with its guard (None when it has none), made as it is reached."""
        index = 0
        while True:
            if index < len(self._made):
                yield self._made[index]
                index += 1
                continue
            if self._source is None:
                return
            made = next(self._source, None)
            if made is None:
                self._source = None
                return
            self._made.append((made, None) if isinstance(made, Card) else (made[0], _Once(made[1])))

    def __iter__(self) -> Iterator[Card]:
        """The alternatives whose guards hold."""
        for card, guard in self.ways():
            if guard is None or guard():
                yield card

    def first(self, test: Callable[[Card], bool]) -> Card | None:
        """The first alternative for which `test` holds, making no more than it must."""
        return next((card for card in self if test(card)), None)


class _Once:
    """A guard run at most once: an alternative is walked by deduplication and again by its
    extractor."""

    __slots__ = ("_guard", "_verdict")

    def __init__(self, guard: Guard) -> None:
        self._guard: Guard | None = guard
        self._verdict = False

    def __call__(self) -> bool:
        if self._guard is not None:
            self._verdict = self._guard()
            self._guard = None
        return self._verdict
