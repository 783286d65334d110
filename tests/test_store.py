"""The collection file: refusing what is not ours, keeping history across regeneration."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from conftest import NOW, sample_cards
from leadership_cards.cards import Card
from leadership_cards.errors import NotFound, StoreError
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import DeckInfo, Store, schema


def test_new_collection_is_ours_and_in_wal_mode(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        assert store.is_empty()


def test_refuses_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a leadership-cards collection"):
        Store.open(path)
    assert path.read_bytes() == before


def test_refuses_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program's database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_refuses_a_newer_schema_without_touching_it(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of leadership-cards"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_refuses_a_truncated_file(db_path: Path) -> None:
    data = db_path.read_bytes()
    db_path.write_bytes(data[:1000])
    with pytest.raises(StoreError), Store.open(db_path) as store:
        list(store.cards())


def test_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_card_lookup_by_prefix(store: Store) -> None:
    card = next(store.cards())
    assert store.card(card.id[:6]).id == card.id
    with pytest.raises(NotFound, match="no card with id"):
        store.card("zzzz")


def test_regeneration_keeps_history_of_unchanged_cards(store: Store) -> None:
    session = ReviewSession(store, SchedulerConfig(fuzz=False), now=NOW)
    reviewed = [c for c in store.cards() if c.kind != "discussion"][:3]
    for card in reviewed:
        session.answer(card, Rating.GOOD, NOW, 500)
    cards = sample_cards()
    # an edit that only changes case, punctuation and spacing keeps the id
    first = cards[0]
    touched = dataclasses.replace(first, front=first.front.upper().replace("?", " ?  "))
    assert touched.id == first.id
    # a corrected answer to the same question carries the card on: same id, same history
    corrected = dataclasses.replace(cards[1], back="A different answer entirely")
    # a card whose question and answer both changed is another card; the old one is retired
    # with its history
    replaced = dataclasses.replace(cards[3], front="Who founded the club?", back="Ralph Smedley")
    edited: list[Card] = [touched, corrected, cards[2], replaced, *cards[4:]]
    result = store.sync_deck(DeckInfo("sample", "Sample", origin="test:sample"), edited, NOW)
    assert (result.added, result.retired, result.carried) == (1, 1, 1)
    assert result.updated == 1  # the re-cased card: text updated, id and history kept
    assert store.card(cards[1].id).back == corrected.back
    assert store.card(cards[3].id).retired_at is not None
    for card in reviewed:
        kept = store.card(card.id)
        assert kept.schedule.reps == 1
        assert len(list(store.reviews(card.id))) == 1
    assert store.card(first.id).front == touched.front
    # the retired card comes back, history intact, when its source returns
    result = store.sync_deck(DeckInfo("sample", "Sample", origin="test:sample"), cards, NOW)
    assert result.restored == 1
    assert store.card(cards[3].id).retired_at is None


def test_unmarked_file_with_tables_is_refused_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as store:
        store.set_setting("marker", 1)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")  # pretend it predates a migration
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    # version 0 with tables is indistinguishable from a foreign file: refused, not migrated
    with pytest.raises(StoreError):
        Store.open(path)


def test_an_older_schema_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    from leadership_cards.backup import backups

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, upto=schema.VERSION - 1)
    conn.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    (saved,) = backups(path)
    assert saved.reason == f"before-schema-{schema.VERSION}"
    old = sqlite3.connect(saved.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION - 1
    old.close()


def test_queue_queries_use_their_partial_indexes(store: Store) -> None:
    from leadership_cards.store import IN_QUEUE, LEARNING

    for state, deck in ((LEARNING, ""), ("state = 'review'", " AND deck = 'x'")):
        plan = " ".join(
            str(tuple(row))
            for row in store.conn.execute(
                f"EXPLAIN QUERY PLAN SELECT id FROM cards WHERE {state} AND due <= 5 "
                f"AND {IN_QUEUE} AND (buried_until IS NULL OR buried_until <= 3){deck} "
                "ORDER BY due LIMIT 1"
            )
        )
        assert "cards_queue_" in plan and "TEMP B-TREE" not in plan, plan


def test_a_card_carried_over_by_sync_is_known_at_once_next_time(store: Store) -> None:
    cards = sample_cards()
    reworded = [dataclasses.replace(cards[0], back=cards[0].back + " indeed"), *cards[1:]]
    info = DeckInfo("sample", "Sample", origin="test:sample")
    assert store.sync_deck(info, reworded, NOW).carried == 1
    # The stored card keeps its id and remembers the id of the wording it now has, so the
    # same cards again pair by id, and change nothing.
    kept = store.card(cards[0].id)
    assert kept.back == reworded[0].back
    row = store.conn.execute("SELECT generated_id FROM cards WHERE id = ?", (kept.id,))
    assert row.fetchone()[0] == reworded[0].id
    again = store.sync_deck(info, reworded, NOW)
    assert (again.added, again.carried, again.updated, again.retired) == (0, 0, 0, 0)
