"""Meeting practice: quiz runs and Table Topics talks. Kept in tables of their own, so practice
never changes a card's schedule or the review log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import QuizRun, ms


class Practice(StoreBase):
    """Quiz answers and timed talks."""

    def start_quiz_run(
        self,
        started_at: datetime,
        deck: str | None,
        chapter: str | None,
        mode: str,
        planned: int,
        weakest: bool,
    ) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO quiz_runs (started_at, finished_at, deck, chapter, mode, weakest, "
                "planned) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    ms(started_at),
                    ms(started_at),
                    deck,
                    chapter,
                    mode,
                    int(weakest),
                    planned,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_quiz_answer(
        self,
        run_id: int,
        card_id: str,
        position: int,
        verdict: str,
        given: str,
        answered_at: datetime,
        duration_ms: int,
        run_duration_ms: int,
    ) -> None:
        """One quiz answer and the run's running totals, together, so a quiz cut short
        still shows its score over the questions asked."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO quiz_answers (run_id, card_id, position, verdict, given, "
                "answered_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, card_id, position, verdict, given, ms(answered_at), duration_ms),
            )
            conn.execute(
                "UPDATE quiz_runs SET asked = asked + 1, correct = correct + ?, "
                "finished_at = ?, duration_ms = ? WHERE id = ?",
                (int(verdict != "wrong"), ms(answered_at), run_duration_ms, run_id),
            )

    def quiz_runs(self, limit: int | None = None) -> list[QuizRun]:
        """Past quizzes with at least one answer, oldest first (the last `limit` of them)."""
        sql = (
            "SELECT id, started_at, deck, chapter, mode, weakest, planned, asked, correct, "
            "duration_ms FROM quiz_runs WHERE asked > 0 ORDER BY started_at DESC, id DESC"
        )
        args: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        runs = [
            QuizRun(
                row[0],
                datetime.fromtimestamp(row[1] / 1000, UTC),
                row[2],
                row[3],
                row[4],
                bool(row[5]),
                row[6],
                row[7],
                row[8],
                row[9],
            )
            for row in self.conn.execute(sql, args)
        ]
        return runs[::-1]

    def last_spoken(self, deck: str | None = None) -> dict[str, datetime]:
        """When each discussion question was last spoken on, by card id."""
        sql = (
            "SELECT t.card_id, max(t.spoken_at) FROM topic_talks t JOIN cards c ON c.id = t.card_id"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " WHERE c.deck = ?"
            args.append(deck)
        rows = self.conn.execute(sql + " GROUP BY t.card_id", args)
        return {row[0]: datetime.fromtimestamp(row[1] / 1000, UTC) for row in rows}

    def record_talk(
        self,
        card_id: str,
        spoken_at: datetime,
        duration_ms: int,
        green_ms: int,
        red_ms: int,
        qualified: bool,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO topic_talks (card_id, spoken_at, duration_ms, green_ms, red_ms, "
                "qualified) VALUES (?, ?, ?, ?, ?, ?)",
                (card_id, ms(spoken_at), duration_ms, green_ms, red_ms, int(qualified)),
            )
