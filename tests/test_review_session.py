"""The review queue and answers: limits, the 4 a.m. rollover, leeches, siblings, undo."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import NOW, fill
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store

LA = ZoneInfo("America/Los_Angeles")


def session(store: Store, now: datetime = NOW, **config) -> ReviewSession:
    options = {"fuzz": False, **config}
    return ReviewSession(store, SchedulerConfig(**options), now=now, zone=LA, rng=random.Random(3))


def answer_all(s: ReviewSession, rating: Rating, now: datetime) -> list[str]:
    seen = []
    while (card := s.next_card(now)) is not None:
        seen.append(card.id)
        s.answer(card, rating, now, 800)
    return seen


def test_discussion_prompts_never_enter_review(store: Store) -> None:
    seen = answer_all(session(store, new_per_day=100), Rating.EASY, NOW)
    kinds = {store.card(card_id).kind for card_id in seen}
    assert "discussion" not in kinds
    assert kinds == {"definition", "claim"}


def test_new_card_limit_holds_across_sessions(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        fill(store, chapters=5, per_chapter=10)
        first = answer_all(session(store, new_per_day=4), Rating.EASY, NOW)
        # siblings of answered cards are buried, so count new cards introduced
        assert len(first) == 4
        later = NOW + timedelta(hours=1)  # 3 a.m. in Los Angeles: the same study day
        assert session(store, later, new_per_day=4).next_card(later) is None
        # the next study day brings four more
        tomorrow = NOW + timedelta(days=1)
        assert len(answer_all(session(store, tomorrow, new_per_day=4), Rating.EASY, tomorrow)) >= 4


def test_study_day_rolls_over_at_4am_local(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        fill(store, chapters=5, per_chapter=10)
        evening = datetime(2026, 3, 2, 23, 0, tzinfo=LA)
        answer_all(session(store, evening, new_per_day=3), Rating.EASY, evening)
        # 1:30 a.m. is still the same study day: no new cards left
        night = datetime(2026, 3, 3, 1, 30, tzinfo=LA)
        assert session(store, night, new_per_day=3).next_card(night) is None
        # 4:30 a.m. starts a new one
        morning = datetime(2026, 3, 3, 4, 30, tzinfo=LA)
        assert session(store, morning, new_per_day=3).next_card(morning) is not None


def test_learning_steps_bring_a_card_back_the_same_session(store: Store) -> None:
    s = session(store)
    card = s.next_card(NOW)
    assert card is not None
    s.answer(card, Rating.AGAIN, NOW, 500)  # 1 minute step
    later = NOW + timedelta(minutes=2)
    assert s.next_card(later).id == card.id


def test_siblings_are_not_shown_the_same_day(store: Store) -> None:
    s = session(store, new_per_day=100)
    seen = answer_all(s, Rating.EASY, NOW)
    items = [store.card(card_id).item for card_id in seen]
    assert len(items) == len(set(items))  # one card per source item today
    tomorrow = NOW + timedelta(days=1)
    more = answer_all(session(store, tomorrow, new_per_day=100), Rating.EASY, tomorrow)
    assert set(more).isdisjoint(seen) and more


def test_leech_is_tagged_and_suspended_at_eight_lapses(store: Store) -> None:
    s = session(store, new_per_day=1)
    card = s.next_card(NOW)
    moment = NOW
    s.answer(card, Rating.EASY, moment, 500)
    for lapse in range(1, 9):
        moment = store.card(card.id).schedule.due + timedelta(minutes=1)
        s.answer(store.card(card.id), Rating.AGAIN, moment, 500)
        stored = store.card(card.id)
        assert stored.schedule.lapses == lapse
        if lapse < 8:
            assert not stored.suspended
            # relearn it back into review
            moment = stored.schedule.due + timedelta(minutes=1)
            s.answer(stored, Rating.GOOD, moment, 500)
    stored = store.card(card.id)
    assert stored.suspended and stored.leech
    assert "leech" in stored.to_json()["tags"]
    assert stored.to_json()["state"] == "suspended"


def test_undo_restores_the_card_and_drops_the_log_row(store: Store) -> None:
    s = session(store)
    card = s.next_card(NOW)
    siblings = store.siblings_to_bury(card.id)
    s.answer(card, Rating.GOOD, NOW, 700)
    assert store.card(card.id).schedule.state == "learning"
    assert all(store.card(sib).buried_until is not None for sib in siblings)
    assert s.undo() == card.id
    restored = store.card(card.id)
    assert restored.schedule == card.schedule
    assert list(store.reviews(card.id)) == []
    assert all(store.card(sib).buried_until is None for sib in siblings)
    assert s.tally.answered == 0
    assert s.undo() is None


def test_answer_limit_ends_the_session(store: Store) -> None:
    s = ReviewSession(store, SchedulerConfig(fuzz=False), now=NOW, answer_limit=2)
    assert len(answer_all(s, Rating.GOOD, NOW)) == 2


def test_due_reviews_come_before_new_cards(store: Store) -> None:
    s = session(store)
    first = s.next_card(NOW)
    s.answer(first, Rating.EASY, NOW, 500)
    later = store.card(first.id).schedule.due + timedelta(hours=1)
    s2 = session(store, later)
    assert s2.next_card(later).id == first.id


def test_due_tomorrow_counts_tomorrow_alone_as_the_forecast_does(store: Store) -> None:
    """Cards still due today are said once ("still due today"), not again as due tomorrow."""
    from leadership_cards.stats import collect

    s = session(store, new_per_day=3)
    for _ in range(3):
        card = s.next_card(NOW)
        s.answer(card, Rating.GOOD, NOW, 800)  # learning, due again in ten minutes
    assert s.left(NOW)["learning"] == 3
    forecast = collect(store, s.config, now=NOW, zone=LA)["forecast"]
    assert s.due_tomorrow() == forecast[1]["due"] == 0
