"""How fast regenerated cards are paired with the stored cards they replace (`matching.match`),
in the worst case: every card of the deck reworded, so none pairs by id and each is scored.

The decks are the shipped deck's cards copied with varied words, so every card has many
near-twins (a hard case: each is a candidate for the others); the rewording changes one word
of each answer and renames every source item in one card of three (a renumbering), so those
pair by their passage or their words. Time should grow about linearly with the deck: a
steeper rise would mean pairwise work.

    python benchmarks/matching.py [--runs N] [--sizes 1000,5000,20000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadership_cards.deck_source import embedded_deck  # noqa: E402
from leadership_cards.generate import generate  # noqa: E402
from leadership_cards.matching import Fingerprint, match  # noqa: E402


def decks(size: int, seed: int = 1) -> tuple[list[Fingerprint], list[Fingerprint]]:
    """A stored deck of `size` cards and the same deck reworded."""
    rng = random.Random(seed)
    shipped = generate(embedded_deck())
    stored, reworded = [], []
    for n in range(size):
        card = shipped[n % len(shipped)]
        copy = n // len(shipped)
        tag = "".join(rng.choice("bcdfgklmnprstvz") for _ in range(4))

        def vary(text: str, tag: str = tag) -> str:
            return " ".join(
                w + tag if len(w) > 4 and rng.random() < 0.4 else w for w in text.split()
            )

        front, back, passage = vary(card.front), vary(card.back), vary(card.source.passage)
        item = f"{card.item}/{copy}"
        stored.append(
            Fingerprint.stored("bench", f"s{n}", str(card.kind), item, front, back, passage)
        )
        words = back.split()
        words[rng.randrange(len(words))] = "notably"
        new_item = f"moved/{item}" if n % 3 == 0 else item
        reworded.append(
            Fingerprint(f"n{n}", str(card.kind), new_item, front, " ".join(words), passage)
        )
    return stored, reworded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        stored, reworded = decks(size)
        times, paired = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            paired = len(match(stored, reworded))
            times.append(time.perf_counter() - start)
        seconds = statistics.median(times)
        print(
            f"{size:>6} cards, all reworded: median {seconds * 1000:8.1f} ms "
            f"({seconds / size * 1e6:.0f} us a card), {paired} paired"
        )


if __name__ == "__main__":
    main()
