"""Card overrides: the learner's wording (from `edit` or an Anki import) survives the deck
being generated and synced again, and the card keeps its id and its history."""

from __future__ import annotations

from datetime import timedelta

import pytest

from conftest import NOW, fill, sample_cards
from leadership_cards.errors import NotFound
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import DeckInfo, Store


def test_an_override_shows_at_once_and_survives_regeneration(store: Store) -> None:
    card = next(c for c in store.cards() if c.kind == "definition")
    session = ReviewSession(store, SchedulerConfig(fuzz=False), now=NOW)
    session.answer(card, Rating.GOOD, NOW, 3000)
    store.set_override(card.id, front="What is term one?", back="The first", origin="edit", now=NOW)
    assert (store.card(card.id).front, store.card(card.id).back) == (
        "What is term one?",
        "The first",
    )
    # The deck is generated again from its source: the generated wording comes back, the
    # override is put over it, and the schedule and history are untouched.
    fill(store)
    again = store.card(card.id)
    assert (again.front, again.back) == ("What is term one?", "The first")
    assert again.schedule.state == "learning" and len(list(store.reviews(card.id))) == 1
    override = store.override(card.id)
    assert override is not None and override.origin == "edit" and override.changed_at == NOW
    assert list(store.overrides("sample")) == [card.id]


def test_an_override_of_a_cloze_card_fills_its_gap(store: Store) -> None:
    card = next(c for c in store.cards() if c.cloze)
    later = NOW + timedelta(days=1)
    store.set_override(
        card.id, front="Leaders rely on [...], not rank.", back="trust", origin="anki", now=later
    )
    again = store.card(card.id)
    assert again.cloze == "Leaders rely on {{c1::trust}}, not rank."
    store.sync_deck(DeckInfo("sample", "Sample"), sample_cards(), later)
    assert store.card(card.id).cloze == "Leaders rely on {{c1::trust}}, not rank."
    assert store.override(card.id).origin == "anki"


def test_an_override_needs_a_card(store: Store) -> None:
    with pytest.raises(NotFound):
        store.set_override("nosuchcard", front="a", back="b", origin="edit", now=NOW)
