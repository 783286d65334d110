"""Statistics and optimizer input. Every figure of `stats` is an aggregate computed here; the
day a moment belongs to is worked out in SQL by `study_day_sql`, so no query returns one row
per review."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import IN_QUEUE, UNSCHEDULED


class StatsQueries(StoreBase):
    """Counts, retention and forecasts, each as one aggregate query."""

    def stats_cards(self, deck: str | None = None) -> dict[str, int]:
        """Cards by state (suspended counted apart), leeches, and cards never scheduled."""
        sql = (
            "SELECT count(*), "
            f"count(*) FILTER (WHERE kind IN ({UNSCHEDULED})), "
            f"count(*) FILTER (WHERE suspended = 1 AND kind NOT IN ({UNSCHEDULED})), "
            "count(*) FILTER (WHERE leech = 1), "
            + ", ".join(
                f"count(*) FILTER (WHERE state = '{state}' AND suspended = 0 "
                f"AND kind NOT IN ({UNSCHEDULED}))"
                for state in ("new", "learning", "review", "relearning")
            )
            + " FROM cards WHERE retired_at IS NULL"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        row = self.conn.execute(sql, args).fetchone()
        keys = (
            "cards",
            "unscheduled",
            "suspended",
            "leeches",
            "new",
            "learning",
            "review",
            "relearning",
        )
        return dict(zip(keys, row, strict=True))

    def stats_answers(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[int]:
        """Answers given in each [start, end) range (one range a study day, say)."""
        return [row[0] for row in self._review_ranges(ranges, ["count(*)"], deck)]

    def stats_retention(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[tuple[int, int]]:
        """For each range: answers given to cards in review, and how many were not Again."""
        return self._review_ranges(
            ranges,
            [
                "count(*) FILTER (WHERE state_before = 'review')",
                "count(*) FILTER (WHERE state_before = 'review' AND rating > 1)",
            ],
            deck,
        )

    def stats_answer_time(
        self, start: datetime, end: datetime, deck: str | None = None
    ) -> tuple[int, int]:
        """Answers given in [start, end), and the milliseconds spent on them."""
        row = self._review_ranges([(start, end)], ["count(*)", "total(duration_ms)"], deck)[0]
        return row[0], int(row[1])

    def stats_review_count(self, deck: str | None = None) -> int:
        """Every answer ever given (to the deck's cards)."""
        if deck is None:
            return self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        return self.conn.execute(
            "SELECT count(*) FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE deck = ?)",
            (deck,),
        ).fetchone()[0]

    def _review_ranges(
        self,
        ranges: Sequence[tuple[datetime, datetime]],
        aggregates: Sequence[str],
        deck: str | None,
    ) -> list[tuple[int, ...]]:
        """Each aggregate over the answers in each range, as one statement: a correlated
        range scan of the covering index a range, so no answer is read twice and none is
        returned to Python. (A day's bounds come from `StudyDay`, which keeps
        daylight-saving changes right.)"""
        where = "reviewed_at >= b.lo AND reviewed_at < b.hi"
        args: list[Any] = [
            json.dumps(
                [[int(lo.timestamp() * 1000), int(hi.timestamp() * 1000)] for lo, hi in ranges]
            )
        ]
        source = "reviews INDEXED BY reviews_stats"
        if deck is not None:
            source = self._deck_reviews(deck)
        columns = ", ".join(
            f"(SELECT {aggregate} FROM {source} WHERE {where})" for aggregate in aggregates
        )
        rows = self.conn.execute(f"{_RANGES} SELECT {columns} FROM b ORDER BY b.i", args)
        return [tuple(row) for row in rows]

    def _deck_reviews(self, deck: str) -> str:
        """A temporary, time-indexed copy of one deck's answers (in SQLite's temp database,
        never the collection file), so each range of a deck's stats is a range scan of that
        deck alone rather than of every answer with a test of its card's deck."""
        # Named for the collection's state as well as the deck: any change to the
        # collection, from this connection or another, makes a fresh copy.
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        state = f"{deck}\x1f{version}\x1f{self.conn.total_changes}"
        key = hashlib.blake2b(state.encode(), digest_size=6).hexdigest()
        table = f"temp.deck_reviews_{key}"
        self.conn.execute(
            f"CREATE TABLE IF NOT EXISTS {table} AS SELECT r.reviewed_at, r.card_id, "
            "r.state_before, r.rating, r.duration_ms FROM cards c "
            "JOIN reviews r INDEXED BY reviews_card ON r.card_id = c.id WHERE c.deck = ?",
            (deck,),
        )
        self.conn.execute(
            f"CREATE INDEX IF NOT EXISTS temp.deck_reviews_{key}_time "
            f"ON deck_reviews_{key} (reviewed_at)"
        )
        return table

    def stats_due(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[int]:
        """Learning and review cards (in the queue) falling due in each [start, end) range."""
        where = f"state != 'new' AND {IN_QUEUE} AND due >= b.lo AND due < b.hi"
        args: list[Any] = [
            json.dumps([[int(lo.timestamp()), int(hi.timestamp())] for lo, hi in ranges])
        ]
        if deck is not None:
            where += " AND deck = ?"
            args.append(deck)
        rows = self.conn.execute(
            f"{_RANGES} SELECT (SELECT count(*) FROM cards WHERE {where}) FROM b ORDER BY b.i",
            args,
        )
        return [row[0] for row in rows]

    def review_span(self) -> tuple[datetime, datetime] | None:
        """The first and last answer in the log, or None for an empty log."""
        first, last = self.conn.execute(
            # Two subqueries, so each is one step down the time index.
            "SELECT (SELECT min(reviewed_at) FROM reviews), (SELECT max(reviewed_at) FROM reviews)"
        ).fetchone()
        if first is None:
            return None
        return (
            datetime.fromtimestamp(first / 1000, UTC),
            datetime.fromtimestamp(last / 1000, UTC),
        )

    def review_log_by_card(
        self, segments: Sequence[tuple[int, int]], rollover_hour: int
    ) -> Iterator[tuple[str, int, int]]:
        """Every answer as (card id, study day, rating), card by card and in order: the input
        the optimizer turns into FSRS items."""
        day = study_day_sql("reviewed_at", 1000, segments, rollover_hour)
        yield from self.conn.execute(
            f"SELECT card_id, {day}, rating FROM reviews ORDER BY card_id, reviewed_at"
        )


#: The ranges a statistics query counts over, from a JSON array of [start, end) pairs bound
#: as the first parameter.
_RANGES = (
    "WITH b(i, lo, hi) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') "
    "FROM json_each(?))"
)


def study_day_sql(
    column: str, per_second: int, segments: Sequence[tuple[int, int]], rollover_hour: int
) -> str:
    """An SQL expression numbering the local study day of `column` (days since 1970-01-01,
    local time, each day starting at `rollover_hour`).

    `column` counts `per_second` units a second. `segments` are (epoch second, UTC offset in
    seconds) pairs in time order, each offset holding from its moment until the next one, so
    daylight-saving changes fall on the right day. Every value is an integer we computed, so
    it is written into the SQL rather than bound.
    """
    if not segments:
        raise ValueError("at least one offset segment is needed")
    seconds = column if per_second == 1 else f"({column} / {int(per_second)})"
    if len(segments) == 1:
        offset = str(int(segments[0][1]))
    else:
        cases = " ".join(
            f"WHEN {column} >= {int(start) * per_second} THEN {int(offset)}"
            for start, offset in reversed(segments[1:])
        )
        offset = f"(CASE {cases} ELSE {int(segments[0][1])} END)"
    return f"(({seconds} + {offset} - {int(rollover_hour) * 3600}) / 86400)"
