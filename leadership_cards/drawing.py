"""Drawing quiz questions from a deck: the one rule a quiz and a printed quiz share."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Protocol, TypeVar

from leadership_cards.cards import UNSCHEDULED_KINDS


class _HasKind(Protocol):
    @property
    def kind(self) -> str: ...


C = TypeVar("C", bound=_HasKind)


def draw_questions(cards: Iterable[C], n: int, rng: random.Random) -> list[C]:
    """Up to `n` cards drawn without repetition, in drawn order.

    Discussion cards are skipped: they are prompts to speak on, with no answer to check.
    The same cards in the same order and the same seed always give the same draw.
    """
    pool = [card for card in cards if card.kind not in UNSCHEDULED_KINDS]
    if n <= 0 or not pool:
        return []
    return rng.sample(pool, min(n, len(pool)))
