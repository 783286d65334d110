"""The stored schedule follows the fsrs reference implementation exactly (fuzz off)."""

from __future__ import annotations

import random
from datetime import timedelta

import fsrs
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NOW, fill
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, Schedule, Scheduler, SchedulerConfig, format_interval
from leadership_cards.store import Store

PLAIN = SchedulerConfig(fuzz=False)


def reference(ratings: list[int], gaps: list[timedelta]) -> fsrs.Card:
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=NOW)
    moment = NOW
    for rating, gap in zip(ratings, gaps, strict=True):
        moment += gap
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), moment)
    return card


@settings(max_examples=60, deadline=None)
@given(
    ratings=st.lists(st.integers(1, 4), min_size=1, max_size=12),
    gap_minutes=st.lists(st.integers(0, 60 * 24 * 90), min_size=12, max_size=12),
)
def test_schedule_matches_fsrs_reference(ratings: list[int], gap_minutes: list[int]) -> None:
    gaps = [timedelta(minutes=m) for m in gap_minutes[: len(ratings)]]
    expected = reference(ratings, gaps)
    schedule = Schedule()
    moment = NOW
    scheduler = Scheduler(PLAIN)
    for rating, gap in zip(ratings, gaps, strict=True):
        moment += gap
        schedule = scheduler.answer(schedule, Rating(rating), moment)
        # invariants: due never before the review, stability positive
        assert schedule.due is not None and schedule.due >= moment
        assert schedule.stability is not None and schedule.stability > 0
    assert schedule.stability == expected.stability
    assert schedule.difficulty == expected.difficulty
    assert schedule.due == expected.due
    assert schedule.state == expected.state.name.lower()
    assert schedule.reps == len(ratings)


def test_stored_schedule_matches_reference(db_path) -> None:
    """Through the store: what is written after each answer equals the reference."""
    ratings = [3, 3, 1, 2, 3, 4]
    gaps = [
        timedelta(0),
        timedelta(minutes=10),
        timedelta(days=3),
        timedelta(minutes=10),
        timedelta(days=5),
        timedelta(days=12),
    ]
    expected = reference(ratings, gaps)
    with Store.open(db_path) as store:
        card = next(store.cards(kind="definition"))
        session = ReviewSession(store, PLAIN, now=NOW, rng=random.Random(1))
        moment = NOW
        for rating, gap in zip(ratings, gaps, strict=True):
            moment += gap
            session.answer(store.card(card.id), Rating(rating), moment, 1000)
        stored = store.card(card.id).schedule
    assert stored.stability == expected.stability
    assert stored.difficulty == expected.difficulty
    assert stored.due == expected.due.replace(microsecond=0)
    assert stored.lapses == 1  # the Again came in review state


def test_fuzz_is_seeded_and_within_range() -> None:
    scheduler = Scheduler(SchedulerConfig(fuzz=True))
    plain = Scheduler(PLAIN)
    schedule = Schedule(
        state="review",
        stability=40.0,
        difficulty=5.0,
        due=NOW,
        last_review=NOW - timedelta(days=40),
        reps=5,
    )
    unfuzzed = plain.answer(schedule, Rating.GOOD, NOW).due - NOW
    first = [scheduler.answer(schedule, Rating.GOOD, NOW, random.Random(7)).due for _ in range(3)]
    assert len(set(first)) == 1  # the same seed, the same interval
    spread = {
        scheduler.answer(schedule, Rating.GOOD, NOW, random.Random(s)).due - NOW for s in range(50)
    }
    assert len(spread) > 1
    assert all(abs((d - unfuzzed).days) <= max(2, unfuzzed.days * 0.1) for d in spread)


def test_preview_gives_each_button_its_interval() -> None:
    intervals = Scheduler(SchedulerConfig()).preview(Schedule(), NOW)
    assert [format_interval(intervals[r]) for r in Rating] == ["1m", "6m", "10m", "8d"]


def test_format_interval() -> None:
    assert format_interval(timedelta(seconds=30)) == "1m"
    assert format_interval(timedelta(hours=3)) == "3h"
    assert format_interval(timedelta(days=4)) == "4d"
    assert format_interval(timedelta(days=63)) == "2.1mo"
    assert format_interval(timedelta(days=730)) == "2.0y"


def test_sample_deck_fixture_is_real(tmp_path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        cards = fill(store)
        assert store.counts()["cards"] == len(cards)
