"""What `import anki|csv` reads and writes: cards taken in from other decks, answers merged
into the log at their own moments, and schedules rebuilt from the merged log.

Each method writes inside the caller's transaction when there is one (`transaction()`
nests), so a whole import commits or rolls back as one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leadership_cards.cards import Card
from leadership_cards.clock import to_epoch
from leadership_cards.scheduler import Schedule
from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import DeckInfo, schedule_row


@dataclass(frozen=True, slots=True)
class LoggedAnswer:
    """An answer of the log as a replay reads it."""

    id: int
    rating: int
    reviewed_at_ms: int


@dataclass(frozen=True, slots=True)
class CardLog:
    """A card's answers; those before `reset_at_ms` (a reset to new) no longer count for
    its schedule, though they stay in the log."""

    reset_at_ms: int
    answers: list[LoggedAnswer]


class ImportQueries(StoreBase):
    """Imports: foreign cards by id, answers by card and moment, replayed schedules."""

    def card_ids(self) -> Iterator[str]:
        """Every card's id, retired ones included (an answer may belong to one)."""
        for row in self.conn.execute("SELECT id FROM cards"):
            yield row[0]

    def answer_logs(self, card_ids: Iterable[str]) -> dict[str, CardLog]:
        """Each card's answers, oldest first, and when it was last reset to new."""
        found: dict[str, CardLog] = {}
        for card_id in card_ids:
            row = self.conn.execute("SELECT reset_at FROM cards WHERE id = ?", (card_id,))
            reset = (row.fetchone() or (None,))[0] or 0
            rows = self.conn.execute(
                "SELECT id, rating, reviewed_at FROM reviews WHERE card_id = ? "
                "ORDER BY reviewed_at, id",
                (card_id,),
            )
            found[card_id] = CardLog(reset, [LoggedAnswer(*row) for row in rows])
        return found

    def take_in_cards(
        self, deck: DeckInfo, cards: Sequence[Card], now: datetime
    ) -> tuple[int, int]:
        """Add cards to a deck (made if need be), or update the text of those it already
        has, by id; cards the deck holds beside them are left as they are. Returns (added,
        updated)."""
        stamp = to_epoch(now)
        added = updated = 0
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?) "
                "ON CONFLICT (name) DO NOTHING",
                (deck.name, deck.title, deck.publisher, deck.source, deck.origin, stamp),
            )
            next_ord = conn.execute(
                "SELECT coalesce(max(ord), -1) + 1 FROM cards WHERE deck = ?", (deck.name,)
            ).fetchone()[0]
            for card in cards:
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
                )
                old = conn.execute(
                    "SELECT chapter, kind, front, back, cloze, tags, source_file, "
                    "source_position, passage, item FROM cards WHERE id = ?",
                    (card.id,),
                ).fetchone()
                if old is None:
                    conn.execute(
                        "INSERT INTO cards (id, deck, chapter, kind, front, back, cloze, tags, "
                        "source_file, source_position, passage, item, ord, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (card.id, deck.name, *content, next_ord, stamp),
                    )
                    next_ord += 1
                    added += 1
                elif tuple(old) != content:
                    conn.execute(
                        "UPDATE cards SET chapter = ?, kind = ?, front = ?, back = ?, cloze = ?, "
                        "tags = ?, source_file = ?, source_position = ?, passage = ?, "
                        "item = ?, retired_at = NULL WHERE id = ?",
                        (*content, card.id),
                    )
                    updated += 1
        return added, updated

    def add_replayed_answers(self, rows: Iterable[Sequence[Any]]) -> None:
        """New answers with the states they went between: (card id, rating, moment in ms,
        duration in ms, state before, state after, stability, difficulty, due after)."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, "
                "state_after, stability, difficulty, due_after) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def rewrite_replayed_answers(self, rows: Iterable[Sequence[Any]]) -> None:
        """Logged answers whose states a replay changed: (state before, state after,
        stability, difficulty, due after, review id)."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE reviews SET state_before = ?, state_after = ?, stability = ?, "
                "difficulty = ?, due_after = ? WHERE id = ?",
                rows,
            )

    def set_reset_moments(self, moments: dict[str, int]) -> None:
        """When each card was reset to new (ms): its answers before then stop counting."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET reset_at = ? WHERE id = ?",
                [(moment, card_id) for card_id, moment in moments.items()],
            )

    def set_replayed_schedules(self, rows: Iterable[tuple[str, Schedule, bool]]) -> None:
        """Each card's replayed schedule; a card that became a leech is tagged and suspended."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ?, suspended = suspended OR ?, "
                "leech = leech OR ? WHERE id = ?",
                [
                    (*schedule_row(schedule), int(leech), int(leech), card_id)
                    for card_id, schedule, leech in rows
                ],
            )
