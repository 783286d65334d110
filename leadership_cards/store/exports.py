"""The queries the export formats need beyond the cards themselves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from leadership_cards.store.base import StoreBase
from leadership_cards.store.rows import ExportedReview


class ExportQueries(StoreBase):
    """The review log as an export carries it."""

    def exported_reviews(self, deck: str | None = None) -> Iterator[ExportedReview]:
        """The review log of the live cards (of one deck), grouped by card, oldest first."""
        sql = (
            "SELECT r.card_id, r.rating, r.reviewed_at, r.duration_ms, r.state_before, "
            "r.state_after, r.due_after FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE c.retired_at IS NULL"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " AND c.deck = ?"
            args.append(deck)
        for row in self.conn.execute(sql + " ORDER BY r.card_id, r.reviewed_at, r.id", args):
            yield ExportedReview(*row)
