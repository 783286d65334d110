"""Review intervals are fuzzed exactly as Anki fuzzes them: the same range for every interval,
checked against the real Anki engine's own fuzz."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from anki.collection import Collection

from leadership_cards.scheduler import fuzz_bounds, fuzz_interval

MAXIMUM = 36500
INTERVALS = [*range(1, 40), 50, 73, 100, 180, 365]


def anki_fuzzed_intervals(tmp_path: Path, cards: int = 600) -> dict[int, set[int]]:
    """Every interval Anki's fuzz gave each of INTERVALS, over `cards` cards (each card
    draws its own fuzz factor, so many cards cover the whole range)."""
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        model = col.models.by_name("Basic")
        deck_id = col.decks.id("fuzz")
        for i in range(cards):
            note = col.new_note(model)
            note["Front"], note["Back"] = f"q{i}", f"a{i}"
            col.add_note(note, deck_id)
        ids = col.find_cards("deck:fuzz")
        return {
            days: {days + col.fuzz_delta(card_id, days) for card_id in ids} for days in INTERVALS
        }
    finally:
        col.close()


def test_fuzz_ranges_match_anki(tmp_path: Path) -> None:
    seen = anki_fuzzed_intervals(tmp_path)
    for days, intervals in seen.items():
        lower, upper = fuzz_bounds(float(days), MAXIMUM)
        # Every interval Anki gave lies in our range, and both ends are reached.
        assert intervals <= set(range(lower, upper + 1)), days
        assert (min(intervals), max(intervals)) == (lower, upper), days
    assert fuzz_bounds(8.0, MAXIMUM) == (6, 10)


def test_fuzzed_intervals_stay_in_anki_range() -> None:
    rng = random.Random(7)
    for days in INTERVALS:
        lower, upper = fuzz_bounds(float(days), MAXIMUM)
        drawn = {fuzz_interval(timedelta(days=days), MAXIMUM, rng).days for _ in range(2000)}
        if days < 3:
            assert drawn == {days}  # short intervals are not fuzzed
        else:
            assert drawn == set(range(lower, upper + 1)), days
    eight = {fuzz_interval(timedelta(days=8), MAXIMUM, rng).days for _ in range(2000)}
    assert min(eight) == 6 and max(eight) == 10


def test_fuzz_respects_the_maximum_interval() -> None:
    rng = random.Random(1)
    drawn = {fuzz_interval(timedelta(days=100), 100, rng).days for _ in range(500)}
    assert max(drawn) == 100 and min(drawn) >= 92
