from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leadership_cards.cards import Card, Kind
from leadership_cards.deck_source import embedded_deck, embedded_deck_dir
from leadership_cards.generate import generate

DECK_DIR = embedded_deck_dir()
SERVANTHOOD = DECK_DIR / "servanthood-service-techniques.txt"
INNER_TOP = DECK_DIR / "02-inner-and-top-leadership.txt"
KEY_POINTS = DECK_DIR / "02-inner-and-top-leadership-key-points.txt"
CHAPTER_5 = DECK_DIR / "05-technique-2-relationship-focus.txt"
OVERVIEW = DECK_DIR / "01-overview.txt"


@pytest.fixture(scope="session")
def cards() -> list[Card]:
    return generate(embedded_deck())


@pytest.fixture
def deck_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped deck folder."""
    folder = tmp_path / "inner-leadership"
    shutil.copytree(DECK_DIR, folder)
    return folder


def of_kind(cards: list[Card], kind: Kind) -> list[Card]:
    return [c for c in cards if c.kind is kind]


def one(cards: list[Card], kind: Kind, *, front: str = "", back: str = "") -> Card:
    """The single card of `kind` whose question and answer contain the given text."""
    found = [
        c
        for c in cards
        if c.kind is kind and front.lower() in c.front.lower() and back.lower() in c.back.lower()
    ]
    assert len(found) == 1, (kind, front, back, [(c.front, c.back) for c in found])
    return found[0]
