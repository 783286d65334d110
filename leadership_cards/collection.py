"""Opening the user's collection, with the embedded deck loaded into a new one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leadership_cards.cards import Card
from leadership_cards.errors import UserError
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


def restore_embedded(store: Store, now: datetime) -> SyncResult:
    """Bring the embedded deck back after the learner removed it (its cards start new: the
    removal took their history, and the backup taken then still holds it)."""
    from leadership_cards.deck_source import embedded_deck

    if embedded_deck().name in {deck.name for deck in store.decks()}:
        raise UserError("the Inner Leadership deck is already in the collection")
    return load_embedded(store, now)


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
    from leadership_cards.generate import generate

    # A renamed deck's cards are made as under the name they were first made with, so their
    # ids match and adding the chapters again updates them instead of starting them over.
    ids_from = store.ids_deck_name(source.name)
    if ids_from != source.name:
        cards = generate(replace(source, name=ids_from))
    elif cards is None:
        cards = generate(source)
    info = DeckInfo(
        name=source.name,
        title=source.title,
        publisher=source.publisher,
        source=source.source,
        origin=origin,
    )
    return store.sync_deck(info, cards, now, exclusive=exclusive)
