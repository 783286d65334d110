"""Opening the user's collection: the embedded deck loaded into a new one and kept up to date
in an existing one, and decks (re)generated into it without losing anyone's progress."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leadership_cards.errors import UserError
from leadership_cards.store import DeckInfo, Store, SyncResult

if TYPE_CHECKING:
    from leadership_cards.deck_source import DeckSource
    from leadership_cards.generate import Generation

#: Set once the embedded deck has been loaded, so a collection whose embedded deck was
#: removed does not get it back.
EMBEDDED_LOADED = "embedded_deck_loaded"
#: Which generator and which source files made the embedded deck in this collection.
EMBEDDED_STAMP = "embedded_deck_stamp"
#: The `origin` of the embedded deck's row, whatever the deck is called now.
EMBEDDED_ORIGIN = "embedded"


@dataclass(frozen=True, slots=True)
class DeckUpdate:
    """What adding a deck changed, and what the user should read about it."""

    result: SyncResult
    warnings: list[str]


def open_collection(path: Path, now: datetime) -> Store:
    """The collection at `path`: a new one starts with the Inner Leadership deck in it, and
    an existing one gets the embedded deck this version makes (see `refresh_embedded`)."""
    store = Store.open(path)
    try:
        if store.is_empty() and not store.setting(EMBEDDED_LOADED):
            load_embedded(store, now)
        else:
            try:
                refresh_embedded(store, now)
            except sqlite3.OperationalError as error:
                # A read-only collection can still be read; it is refreshed (in one
                # transaction, so nothing was half done) once it can be written again.
                if "readonly" not in str(error):
                    raise
    except BaseException:
        store.close()
        raise
    return store


def load_embedded(store: Store, now: datetime) -> SyncResult:
    from leadership_cards.deck_source import embedded_deck
    from leadership_cards.stamp import current_stamp

    with store.transaction():
        result = add_deck(store, embedded_deck(), now, origin=EMBEDDED_ORIGIN).result
        store.set_setting(EMBEDDED_LOADED, True)
        store.set_setting(EMBEDDED_STAMP, current_stamp().to_json())
    return result


def refresh_embedded(store: Store, now: datetime) -> SyncResult | None:
    """Regenerate the embedded deck when this version would make it differently (a newer
    generator, edited chapter files) than the version that made the stored one; each card
    regenerated from the same source keeps its history (`add_deck`). The check costs a
    settings read and a few `stat` calls, so opening an up-to-date collection never pays
    for generation. A collection without the embedded deck (the learner removed it) is left
    alone. Returns what changed, or None when nothing was regenerated."""
    deck = store.deck_with_origin(EMBEDDED_ORIGIN)
    if deck is None:
        return None
    from leadership_cards.stamp import Stamp, current_stamp

    saved = Stamp.from_json(store.setting(EMBEDDED_STAMP))
    now_stamp = current_stamp(saved)
    if saved is not None and saved.files == now_stamp.files:
        return None
    result = None
    if saved is None or saved.content != now_stamp.content:
        from leadership_cards.deck_source import embedded_deck

        source = embedded_deck()
        if deck.name != source.name:  # renamed by its owner: keep their name and title
            source = replace(source, name=deck.name, title=deck.title)
        result = add_deck(store, source, now, origin=EMBEDDED_ORIGIN).result
    # (When only the files' times changed, the stamp is saved so the next start is quick.)
    store.set_setting(EMBEDDED_STAMP, now_stamp.to_json())
    return result


def restore_embedded(store: Store, now: datetime) -> SyncResult:
    """Bring the embedded deck back after the learner removed it (its cards start new: the
    removal took their history, and the backup taken then still holds it)."""
    from leadership_cards.deck_source import embedded_deck

    name = embedded_deck().name
    for deck in store.decks():
        if deck.name == name or deck.origin == "embedded":  # perhaps renamed since
            shown = "" if deck.name == name else f" (as {deck.name!r})"
            raise UserError(f"the Inner Leadership deck is already in the collection{shown}")
    return load_embedded(store, now)


def add_deck(
    store: Store,
    source: DeckSource,
    now: datetime,
    origin: str,
    generation: Generation | None = None,
    exclusive: bool = False,
) -> DeckUpdate:
    """Make the stored deck match `source` (generated here unless `generation` is given); an
    `exclusive` add refuses a deck of that name made from other files.

    Each generated card first takes the id of the stored card it replaces (the same kind and
    source, alike text: see `matching`), so it keeps that card's history and Anki note, and
    the deck's overrides then apply by the ids the member sees."""
    from leadership_cards.generate import generate_report
    from leadership_cards.matching import Fingerprint, match

    # A renamed deck's cards are made as under the name they were first made with, so their
    # ids match and adding the chapters again updates them instead of starting them over.
    ids_from = store.ids_deck_name(source.name)
    if ids_from != source.name:
        generation = generate_report(replace(source, name=ids_from))
    elif generation is None:
        generation = generate_report(source)
    info = DeckInfo(
        name=source.name,
        title=source.title,
        publisher=source.publisher,
        source=source.source,
        origin=origin,
    )
    with store.transaction():
        pairs = match(
            store.fingerprints(info.name), [Fingerprint.of(c) for c in generation.generated]
        )
        identities = {pair.new: pair.old for pair in pairs}
        final = generation.carrying_on(identities)
        generated_ids = {identities.get(c.id, c.id): c.id for c in generation.generated}
        result = store.sync_deck(info, final.cards, now, generated_ids, exclusive=exclusive)
    return DeckUpdate(result, final.warnings)
