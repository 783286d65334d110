"""What `check` asks of a collection and what `check --repair` may change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from leadership_cards.clock import to_epoch
from leadership_cards.store.base import StoreBase


class Checks(StoreBase):
    """SQLite's integrity check and the collection's own invariants."""

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check; empty when the file is sound."""
        rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def orphan_review_count(self) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)"
        ).fetchone()[0]

    def decks_missing(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT deck FROM cards WHERE deck NOT IN (SELECT name FROM decks) "
            "ORDER BY deck"
        )
        return [row[0] for row in rows]

    def inconsistent_schedules(self) -> list[str]:
        return [row[0] for row in self.conn.execute(_INCONSISTENT_SCHEDULES)]

    def recreate_decks(self, names: Sequence[str], now: datetime) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO decks (name, title, position, added_at) VALUES (?, ?, "
                "(SELECT coalesce(max(position), 0) + 1 FROM decks), ?)",
                [(name, f"{name} (recovered)", to_epoch(now)) for name in names],
            )

    def delete_orphan_reviews(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)")

    def reindex(self) -> None:
        self.conn.execute("REINDEX")

    def counts(self) -> dict[str, int]:
        cards, reviews = self.conn.execute(
            "SELECT (SELECT count(*) FROM cards WHERE retired_at IS NULL), "
            "(SELECT count(*) FROM reviews)"
        ).fetchone()
        return {"cards": cards, "reviews": reviews}


# A schedule is consistent with its log when: a new card has no reviews and no due date; a
# reviewed card has a memory state, its reps equal its reviews, its last review is the
# log's last, and it is not due before it was last reviewed. A card reset to new counts only
# the answers since its reset.
_INCONSISTENT_SCHEDULES = """
WITH log AS (
    SELECT r.card_id, count(*) AS n, max(r.reviewed_at) AS last FROM reviews r
    JOIN cards k ON k.id = r.card_id
    WHERE r.reviewed_at >= coalesce(k.reset_at, 0)
    GROUP BY r.card_id
)
SELECT c.id FROM cards c LEFT JOIN log ON log.card_id = c.id
WHERE (c.state = 'new' AND (coalesce(log.n, 0) > 0 OR c.reps != 0 OR c.due IS NOT NULL))
   OR (c.state != 'new' AND (
        c.due IS NULL OR c.last_review IS NULL OR c.stability IS NULL OR c.difficulty IS NULL
        OR c.stability <= 0 OR c.due < c.last_review
        OR c.reps != coalesce(log.n, 0)
        OR abs(c.last_review - coalesce(log.last, 0) / 1000) > 1))
ORDER BY c.id
"""
