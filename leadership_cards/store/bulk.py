"""Loading a prepared collection in one transaction (benchmarks, imports of a history)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from leadership_cards.clock import to_epoch
from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import DeckInfo


class BulkLoading(StoreBase):
    """Whole decks, cards and review logs written at once."""

    def bulk_load(
        self,
        decks: Sequence[DeckInfo],
        cards: Iterable[Sequence[Any]],
        reviews: Iterable[Sequence[Any]],
        now: datetime,
    ) -> None:
        """Load a prepared collection in one transaction (benchmarks, imports of a history).

        `cards` rows follow `BULK_CARD_COLUMNS` and `reviews` rows `BULK_REVIEW_COLUMNS`;
        times are epoch seconds for cards and epoch milliseconds for reviews, as stored.
        """
        stamp = to_epoch(now)
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?)",
                [(d.name, d.title, d.publisher, d.source, d.origin, stamp) for d in decks],
            )
            marks = ", ".join("?" * len(BULK_CARD_COLUMNS))
            conn.executemany(
                f"INSERT INTO cards ({', '.join(BULK_CARD_COLUMNS)}) VALUES ({marks})", cards
            )
            marks = ", ".join("?" * len(BULK_REVIEW_COLUMNS))
            conn.executemany(
                f"INSERT INTO reviews ({', '.join(BULK_REVIEW_COLUMNS)}) VALUES ({marks})",
                reviews,
            )


BULK_CARD_COLUMNS = (
    "id",
    "deck",
    "chapter",
    "kind",
    "front",
    "back",
    "cloze",
    "tags",
    "source_file",
    "source_position",
    "passage",
    "item",
    "ord",
    "created_at",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "leech",
)
BULK_REVIEW_COLUMNS = (
    "card_id",
    "rating",
    "reviewed_at",
    "duration_ms",
    "state_before",
    "state_after",
    "stability",
    "difficulty",
    "due_after",
)
