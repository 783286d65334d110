"""The review queue: which card comes next, and how many wait. Every query here is answered
from the per-queue partial indexes (see `rows.IN_QUEUE`), so `review` starts at once on any
collection."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from leadership_cards.clock import from_epoch, to_epoch
from leadership_cards.errors import NotFound
from leadership_cards.scheduler import Schedule
from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import (
    CARD_COLUMNS,
    IN_QUEUE,
    LEARNING,
    NOT_BURIED,
    StoredCard,
    card_from_row,
    schedule_from_row,
)


class ReviewQueue(StoreBase):
    """What is due, in what order, and how much of it."""

    # -- the review queue ----------------------------------------------------------------

    def next_learning(self, deck: str | None, before: datetime, now: datetime) -> StoredCard | None:
        """The learning or relearning card due first, if due before `before`."""
        return self._first(f"{LEARNING} AND due <= ?", [to_epoch(before)], deck, now, "due")

    def next_review(self, deck: str | None, before: datetime, now: datetime) -> StoredCard | None:
        return self._first("state = 'review' AND due < ?", [to_epoch(before)], deck, now, "due")

    def next_new(self, deck: str | None, now: datetime) -> StoredCard | None:
        return self._first("state = 'new'", [], deck, now, "deck, ord")

    def _first(
        self, condition: str, args: list[Any], deck: str | None, now: datetime, order: str
    ) -> StoredCard | None:
        sql = (
            f"SELECT {CARD_COLUMNS} FROM cards WHERE {condition} AND {IN_QUEUE} "
            "AND (buried_until IS NULL OR buried_until <= ?)"
        )
        args = [*args, to_epoch(now)]
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        row = self.conn.execute(f"{sql} ORDER BY {order} LIMIT 1", args).fetchone()
        return None if row is None else card_from_row(row)

    def count_due(
        self,
        deck: str | None,
        before: datetime,
        now: datetime,
        caps: dict[str, int] | None = None,
    ) -> dict[str, int]:
        """How many cards wait: learning and reviews due before `before`, and new cards.

        Each queue is counted through its own partial index. `caps` bounds a count (the
        progress line needs no more than what today's limits allow), so a collection with
        thousands of overdue cards is not read in full to say "200 left".
        """
        params: dict[str, Any] = {"before": to_epoch(before), "now": to_epoch(now)}
        deck_filter = ""
        if deck is not None:
            deck_filter = " AND deck = :deck"
            params["deck"] = deck
        conditions = {
            "learning": f"{LEARNING} AND due < :before",
            "review": "state = 'review' AND due < :before",
            "new": "state = 'new'",
        }
        counts = {}
        for queue, condition in conditions.items():
            inner = f"SELECT 1 FROM cards WHERE {condition} AND {IN_QUEUE} AND {NOT_BURIED}"
            inner += deck_filter
            if caps is not None and queue in caps:
                inner += f" LIMIT {int(caps[queue])}"
            counts[queue] = self.conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[
                0
            ]
        return counts

    def deck_counts(self, before: datetime, now: datetime) -> list[dict[str, Any]]:
        """Per deck: cards, and how many are new, learning, due before `before`, suspended."""
        rows = self.conn.execute(
            "SELECT d.name, d.title, "
            "count(c.id), "
            f"count(*) FILTER (WHERE c.state = 'new' AND {IN_QUEUE}), "
            "count(*) FILTER (WHERE c.state IN ('learning', 'relearning') AND c.suspended = 0), "
            f"count(*) FILTER (WHERE c.state != 'new' AND c.due < :before AND {IN_QUEUE} "
            "AND (c.buried_until IS NULL OR c.buried_until <= :now)), "
            "count(*) FILTER (WHERE c.suspended = 1) "
            "FROM decks d LEFT JOIN cards c ON c.deck = d.name AND c.retired_at IS NULL "
            "GROUP BY d.name ORDER BY d.position, d.name",
            {"before": to_epoch(before), "now": to_epoch(now)},
        )
        keys = ("name", "title", "cards", "new", "learning", "due_today", "suspended")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def next_due_after(self, deck: str | None, moment: datetime) -> datetime | None:
        """When the next scheduled card falls due (for "nothing due until ...")."""
        sql = f"SELECT min(due) FROM cards WHERE state != 'new' AND {IN_QUEUE} AND due >= ?"
        args: list[Any] = [to_epoch(moment)]
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        return from_epoch(self.conn.execute(sql, args).fetchone()[0])

    def answered_since(self, since: datetime, deck: str | None = None) -> dict[str, int]:
        """Answers given since `since` (the study day's start), by the state before them."""
        sql = "SELECT state_before, count(*) FROM reviews r WHERE reviewed_at >= ?"
        args: list[Any] = [int(since.timestamp() * 1000)]
        if deck is not None:
            sql += " AND (SELECT deck FROM cards WHERE id = r.card_id) = ?"
            args.append(deck)
        rows = self.conn.execute(sql + " GROUP BY state_before", args)
        return dict(rows.fetchall())

    # -- answers -------------------------------------------------------------------------

    def schedule_of(self, card_id: str) -> Schedule:
        row = self.conn.execute(
            "SELECT state, step, stability, difficulty, due, last_review, reps, lapses "
            "FROM cards WHERE id = ?",
            (card_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no card with id {card_id!r}")
        return schedule_from_row(row)

    def siblings_to_bury(self, card_id: str) -> list[str]:
        """New and review cards from the same source item, which wait until tomorrow."""
        rows = self.conn.execute(
            "SELECT s.id FROM cards c JOIN cards s ON s.deck = c.deck AND s.item = c.item "
            "WHERE c.id = ? AND s.id != c.id AND s.state IN ('new', 'review') "
            "AND s.suspended = 0 AND s.retired_at IS NULL",
            (card_id,),
        )
        return [row[0] for row in rows]
