"""Card overrides: wording the learner chose over the generated one, kept by card id.

An override comes from `edit` (origin "edit") or from a correction made in Anki and brought
back by `import anki` (origin "anki"). It is written onto the card at once and again every
time the deck is generated and synced, so a new generator or a re-added chapter never undoes
it. (A deck folder's `overrides.toml` rewords cards for everyone who adds that folder; these
are one collection's own.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from leadership_cards.cards import CLOZE_BLANK
from leadership_cards.clock import iso, to_epoch
from leadership_cards.errors import NotFound
from leadership_cards.store.base import StoreBase


@dataclass(frozen=True, slots=True)
class Override:
    card_id: str
    front: str
    back: str
    origin: str  # "edit", "anki", ...
    changed_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "front": self.front,
            "back": self.back,
            "origin": self.origin,
            "changed_at": iso(self.changed_at),
        }


def cloze_with(front: str, back: str) -> str | None:
    """The cloze statement an overridden cloze card now holds (its gap filled by `back`)."""
    if CLOZE_BLANK not in front:
        return None
    return front.replace(CLOZE_BLANK, "{{c1::" + back + "}}", 1)


class CardOverrides(StoreBase):
    """Setting and reading overrides; `sync_deck` applies them."""

    def set_override(
        self, card_id: str, *, front: str, back: str, origin: str, now: datetime
    ) -> None:
        """Keep new wording for a card and show it at once; the card keeps its id, its
        schedule and its history."""
        with self.transaction() as conn:
            row = conn.execute("SELECT cloze FROM cards WHERE id = ?", (card_id,)).fetchone()
            if row is None:
                raise NotFound(f"no card with id {card_id!r}")
            conn.execute(
                "INSERT INTO overrides (card_id, front, back, origin, changed_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (card_id) DO UPDATE SET "
                "front = excluded.front, back = excluded.back, origin = excluded.origin, "
                "changed_at = excluded.changed_at",
                (card_id, front, back, origin, to_epoch(now)),
            )
            cloze = cloze_with(front, back) if row[0] else None
            conn.execute(
                "UPDATE cards SET front = ?, back = ?, cloze = ? WHERE id = ?",
                (front, back, cloze, card_id),
            )

    def override(self, card_id: str) -> Override | None:
        row = self.conn.execute(
            "SELECT card_id, front, back, origin, changed_at FROM overrides WHERE card_id = ?",
            (card_id,),
        ).fetchone()
        return None if row is None else _override(row)

    def overrides(self, deck: str | None = None) -> dict[str, Override]:
        """Every override (of one deck's cards), by card id."""
        sql = "SELECT o.card_id, o.front, o.back, o.origin, o.changed_at FROM overrides o"
        args: list[Any] = []
        if deck is not None:
            sql += " JOIN cards c ON c.id = o.card_id WHERE c.deck = ?"
            args.append(deck)
        return {row[0]: _override(row) for row in self.conn.execute(sql, args)}


def _override(row) -> Override:
    return Override(row[0], row[1], row[2], row[3], datetime.fromtimestamp(row[4], UTC))
