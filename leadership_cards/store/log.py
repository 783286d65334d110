"""The review log: recording an answer with the schedule it gave, undoing it, reading it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from leadership_cards.clock import to_epoch
from leadership_cards.errors import NotFound, UserError
from leadership_cards.scheduler import Schedule
from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import (
    Answer,
    Review,
    schedule_from_json,
    schedule_json,
    schedule_row,
)


class ReviewLog(StoreBase):
    """Answers: each one written with the schedule it produced, atomically."""

    def record(self, answer: Answer, bury_until: datetime | None) -> int:
        """Write one answer: the review log row and the card's new schedule, atomically."""
        after = answer.after
        prior = self.conn.execute(
            "SELECT suspended, leech, buried_until FROM cards WHERE id = ?", (answer.card_id,)
        ).fetchone()
        undo = {
            "schedule": schedule_json(answer.before),
            "suspended": prior[0],
            "leech": prior[1],
            "buried_until": prior[2],
            "buried_siblings": list(answer.buried_siblings),
        }
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, "
                "state_after, stability, difficulty, due_after, undo) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.card_id,
                    answer.rating,
                    int(answer.reviewed_at.timestamp() * 1000),
                    answer.duration_ms,
                    answer.before.state,
                    after.state,
                    after.stability,
                    after.difficulty,
                    to_epoch(after.due),
                    json.dumps(undo),
                ),
            )
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ?, buried_until = NULL, "
                "suspended = suspended OR ?, leech = leech OR ? WHERE id = ?",
                (
                    *schedule_row(after),
                    int(answer.suspend_as_leech),
                    int(answer.suspend_as_leech),
                    answer.card_id,
                ),
            )
            if answer.buried_siblings and bury_until is not None:
                conn.executemany(
                    "UPDATE cards SET buried_until = ? WHERE id = ?",
                    [(to_epoch(bury_until), sibling) for sibling in answer.buried_siblings],
                )
            return int(cursor.lastrowid or 0)

    def undo(self, review_id: int) -> str:
        """Take back one answer: restore the card as it was and drop the log row."""
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT card_id, undo FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise NotFound("that answer is no longer in the log")
            card_id, undo = row[0], json.loads(row[1])
            # Checked inside the write lock: the answer must still be the card's latest, or
            # putting the card back would throw away what another terminal did since.
            later = conn.execute(
                "SELECT 1 FROM reviews WHERE card_id = ? AND id > ? LIMIT 1", (card_id, review_id)
            ).fetchone()
            if later is not None:
                raise UserError(
                    "cannot undo: the card was answered again since (in another session); "
                    "nothing was changed"
                )
            before = schedule_from_json(undo["schedule"])
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ?, suspended = ?, leech = ?, "
                "buried_until = ? WHERE id = ?",
                (
                    *schedule_row(before),
                    undo["suspended"],
                    undo["leech"],
                    undo["buried_until"],
                    card_id,
                ),
            )
            conn.executemany(
                "UPDATE cards SET buried_until = NULL WHERE id = ?",
                [(sibling,) for sibling in undo["buried_siblings"]],
            )
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return card_id

    # -- the review log ------------------------------------------------------------------

    def reviews(self, card_id: str | None = None, since_reset: bool = False) -> Iterator[Review]:
        """The log, oldest first; `since_reset`: only the answers that count for each card's
        schedule now (those after it was last reset to new)."""
        sql = (
            "SELECT id, card_id, rating, reviewed_at, duration_ms, state_before, state_after "
            "FROM reviews r"
        )
        where: list[str] = []
        args: list[Any] = []
        if card_id is not None:
            where.append("card_id = ?")
            args.append(card_id)
        if since_reset:
            where.append(
                "reviewed_at >= coalesce((SELECT reset_at FROM cards WHERE id = r.card_id), 0)"
            )
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self.conn.execute(sql + " ORDER BY reviewed_at, id", args):
            yield Review(
                row[0],
                row[1],
                row[2],
                datetime.fromtimestamp(row[3] / 1000, UTC),
                row[4],
                row[5],
                row[6],
            )

    def write_schedule(self, card_id: str, schedule: Schedule) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ? WHERE id = ?",
                (*schedule_row(schedule), card_id),
            )
