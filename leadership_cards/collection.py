"""Opening the user's collection, with the embedded deck loaded into a new one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leadership_cards.cards import Card
from leadership_cards.store import DeckInfo, Store, SyncResult

if TYPE_CHECKING:
    from leadership_cards.deck_source import DeckSource

EMBEDDED_LOADED = "embedded_deck_loaded"


def open_collection(path: Path, now: datetime) -> Store:
    """The collection at `path`; a new one starts with the Inner Leadership deck in it."""
    store = Store.open(path)
    try:
        if store.is_empty() and not store.setting(EMBEDDED_LOADED):
            load_embedded(store, now)
    except BaseException:
        store.close()
        raise
    return store


def load_embedded(store: Store, now: datetime) -> SyncResult:
    from leadership_cards.deck_source import embedded_deck

    result = add_deck(store, embedded_deck(), now, origin="embedded")
    store.set_setting(EMBEDDED_LOADED, True)
    return result


def add_deck(
    store: Store,
    source: DeckSource,
    now: datetime,
    origin: str,
    cards: Sequence[Card] | None = None,
    exclusive: bool = False,
) -> SyncResult:
    """Make the stored deck match `source` (generated here unless `cards` are given); an
    `exclusive` add refuses a deck of that name made from other files."""
    if cards is None:
        from leadership_cards.generate import generate

        cards = generate(source)
    info = DeckInfo(
        name=source.name,
        title=source.title,
        publisher=source.publisher,
        source=source.source,
        origin=origin,
    )
    return store.sync_deck(info, cards, now, exclusive=exclusive)
