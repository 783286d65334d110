"""Drawing quiz questions: shared by the markdown handout's quiz and the `quiz` command.

Deterministic for a seeded generator, so a quiz can be printed again or replayed; discussion
prompts are left out (they have no answer to mark).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TypeVar

from leadership_cards.cards import UNSCHEDULED_KINDS

C = TypeVar("C")


def draw_questions(cards: Iterable[C], n: int, rng: random.Random) -> list[C]:
    """Up to `n` cards drawn without repetition, in the order drawn.

    Reservoir sampling: the cards are streamed once and only `n` are held, and the result
    depends on nothing but the cards' order and the generator's state.
    """
    if n <= 0:
        return []
    reservoir: list[C] = []
    for seen, card in enumerate(
        c for c in cards if getattr(c, "kind", None) not in UNSCHEDULED_KINDS
    ):
        if seen < n:
            reservoir.append(card)
            continue
        slot = rng.randrange(seen + 1)
        if slot < n:
            reservoir[slot] = card
    rng.shuffle(reservoir)
    return reservoir
