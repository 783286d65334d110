"""Shared fixtures: real collection files in tmp_path, filled with small hand-made decks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.store import DeckInfo, Store

#: A fixed moment for deterministic tests: a Monday, mid-morning UTC.
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def sample_cards(deck: str = "sample", chapters: int = 2, per_chapter: int = 6) -> list[Card]:
    """A small deck with every shape of card the store must carry: basic, cloze, discussion,
    siblings (two cards from one source item) and text with markup in it."""
    cards: list[Card] = []
    for c in range(1, chapters + 1):
        chapter = f"Chapter {c}: Sample Chapter {c}"
        for i in range(1, per_chapter + 1):
            item = f"{deck}/ch{c}/p{(i + 1) // 2}"  # pairs of cards share an item
            source = SourceRef(f"chapter-{c}.txt", f"paragraph {i}", f"Passage {c}.{i} text.")
            if i % 3 == 0:
                cloze = f"Leaders in chapter {c} rely on {{{{c1::value number {i}}}}}, not rank."
                front, back = cloze_parts(cloze)
                cards.append(
                    Card(deck, chapter, Kind.CLAIM, front, back, source, item, cloze, (deck,))
                )
            else:
                cards.append(
                    Card(
                        deck,
                        chapter,
                        Kind.DEFINITION,
                        f"What is term {c}.{i} <b>& co</b>?",
                        f"Answer {c}.{i} & more",
                        source,
                        item,
                        None,
                        (deck, "definition"),
                    )
                )
        cards.append(
            Card(
                deck,
                chapter,
                Kind.DISCUSSION,
                f"How would you apply chapter {c} at work?",
                chapter,
                SourceRef(f"chapter-{c}.txt", "discussion question 1"),
                f"{deck}/ch{c}/q1",
                None,
                (deck, "discussion"),
            )
        )
    return cards


def fill(store: Store, deck: str = "sample", **kwargs) -> list[Card]:
    cards = sample_cards(deck, **kwargs)
    store.sync_deck(DeckInfo(deck, deck.title(), origin=f"test:{deck}"), cards, NOW)
    return cards


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A collection file holding the sample deck (so the embedded deck is not loaded)."""
    path = tmp_path / "collection.db"
    with Store.open(path) as store:
        fill(store)
    return path


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened
