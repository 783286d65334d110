"""Decks and their cards: listing, syncing a regenerated deck, finding and flagging cards."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from leadership_cards.cards import Card
from leadership_cards.clock import to_epoch
from leadership_cards.errors import NotFound
from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import (
    CARD_COLUMNS,
    DeckInfo,
    StoredCard,
    SyncResult,
    card_from_row,
)


class DeckQueries(StoreBase):
    """Decks, the cards in them, and the flags a learner sets on a card."""

    # -- decks ---------------------------------------------------------------------------

    def decks(self) -> list[DeckInfo]:
        rows = self.conn.execute(
            "SELECT name, title, publisher, source, origin FROM decks ORDER BY position, name"
        )
        return [DeckInfo(*row) for row in rows]

    def deck(self, name: str) -> DeckInfo:
        row = self.conn.execute(
            "SELECT name, title, publisher, source, origin FROM decks WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            known = ", ".join(deck.name for deck in self.decks()) or "none"
            raise NotFound(f"no deck named {name!r} (decks: {known})")
        return DeckInfo(*row)

    def require_deck(self, name: str | None) -> None:
        if name is not None:
            self.deck(name)

    def sync_deck(self, info: DeckInfo, cards: Sequence[Card], now: datetime) -> SyncResult:
        """Make the deck hold exactly `cards`, keeping the schedule and history of every card
        whose id survived. Cards that vanished from the source are retired, not deleted."""
        stamp = to_epoch(now)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?) "
                "ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
                "publisher = excluded.publisher, source = excluded.source, "
                "origin = excluded.origin",
                (info.name, info.title, info.publisher, info.source, info.origin, stamp),
            )
            existing = {
                row[0]: tuple(row[1:])
                for row in conn.execute(
                    "SELECT id, chapter, kind, front, back, cloze, tags, source_file, "
                    "source_position, passage, item, ord, retired_at FROM cards WHERE deck = ?",
                    (info.name,),
                )
            }
            added = updated = unchanged = restored = 0
            for order, card in enumerate(cards):
                content = (
                    card.chapter,
                    str(card.kind),
                    card.front,
                    card.back,
                    card.cloze,
                    json.dumps(list(card.tags)),
                    card.source.file,
                    card.source.position,
                    card.source.passage,
                    card.item,
                    order,
                )
                old = existing.pop(card.id, None)
                if old is None:
                    conn.execute(
                        "INSERT INTO cards (id, deck, chapter, kind, front, back, cloze, tags, "
                        "source_file, source_position, passage, item, ord, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (card.id, info.name, *content, stamp),
                    )
                    added += 1
                    continue
                if old[-1] is not None:
                    restored += 1
                elif old[:-1] == content:
                    unchanged += 1
                    continue
                else:
                    updated += 1
                conn.execute(
                    "UPDATE cards SET chapter = ?, kind = ?, front = ?, back = ?, cloze = ?, "
                    "tags = ?, source_file = ?, source_position = ?, passage = ?, item = ?, "
                    "ord = ?, retired_at = NULL WHERE id = ?",
                    (*content, card.id),
                )
            gone = [card_id for card_id, old in existing.items() if old[-1] is None]
            conn.executemany(
                "UPDATE cards SET retired_at = ? WHERE id = ?", [(stamp, i) for i in gone]
            )
        return SyncResult(added, updated, unchanged, len(gone), restored)

    # -- cards ---------------------------------------------------------------------------

    def cards(
        self,
        deck: str | None = None,
        kind: str | None = None,
        search: str | None = None,
        chapter: str | None = None,
        include_retired: bool = False,
    ) -> Iterator[StoredCard]:
        """Cards in deck order, filtered; streamed, never loaded all at once."""
        where, args = [], []
        if not include_retired:
            where.append("retired_at IS NULL")
        if deck is not None:
            where.append("deck = ?")
            args.append(deck)
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        if chapter is not None:
            where.append("chapter = ?")
            args.append(chapter)
        if search:
            where.append("(front LIKE ? OR back LIKE ? OR chapter LIKE ?)")
            args += [f"%{search}%"] * 3
        sql = f"SELECT {CARD_COLUMNS} FROM cards"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY (SELECT position FROM decks WHERE name = deck), ord"
        for row in self.conn.execute(sql, args):
            yield card_from_row(row)

    def card(self, card_id: str) -> StoredCard:
        """A card by id, or by an unambiguous prefix of one (as git takes short hashes)."""
        rows = self.conn.execute(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE id >= ? AND id < ? LIMIT 2",
            (card_id, card_id + "\uffff"),
        ).fetchall()
        exact = [row for row in rows if row["id"] == card_id]
        if exact:
            return card_from_row(exact[0])
        if len(rows) == 1 and card_id:
            return card_from_row(rows[0])
        if not rows or not card_id:
            raise NotFound(f"no card with id {card_id!r}")
        raise NotFound(f"card id {card_id!r} is ambiguous; give more characters")

    def set_suspended(self, card_ids: Sequence[str], suspended: bool) -> list[str]:
        """Suspend or unsuspend cards; every id is checked before anything changes."""
        ids = [self.card(card_id).id for card_id in card_ids]
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET suspended = ?, leech = CASE WHEN ? THEN leech ELSE 0 END "
                "WHERE id = ?",
                [(int(suspended), int(suspended), card_id) for card_id in ids],
            )
        return ids

    def bury(self, card_id: str, until: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE cards SET buried_until = ? WHERE id = ?", (to_epoch(until), card_id)
            )

    def chapters(self, deck: str | None = None) -> list[tuple[str, str]]:
        """(deck, chapter) pairs in reading order: decks in their order, chapters by their
        first card."""
        sql = "SELECT deck, chapter, min(ord) AS first FROM cards WHERE retired_at IS NULL"
        args: list[Any] = []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        sql += (
            " GROUP BY deck, chapter ORDER BY (SELECT position FROM decks WHERE name = deck), first"
        )
        return [(row[0], row[1]) for row in self.conn.execute(sql, args)]

    def count_cards(self, deck: str | None = None) -> int:
        """Live cards (of one deck), without loading them."""
        sql, args = "SELECT count(*) FROM cards WHERE retired_at IS NULL", []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        return self.conn.execute(sql, args).fetchone()[0]
