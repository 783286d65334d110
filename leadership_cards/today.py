"""What today holds: the day's limits and the cards still to do within them.

`decks`, `stats` and the review's progress line all count through here, so they say the same
thing under the same names: `new` (new cards today's limit still lets in), `learning`
(learning cards due today) and `review` (reviews due today, within the day's review limit).
The limits are the collection's, not a deck's: cards introduced in a `review --deck` session
count against the same twenty new cards a day as any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from leadership_cards.clock import StudyDay
from leadership_cards.scheduler import SchedulerConfig
from leadership_cards.store import Store


@dataclass(frozen=True, slots=True)
class Budget:
    """What is left of the day's limits, over every deck."""

    day: StudyDay
    new: int
    reviews: int


def budget(
    store: Store, config: SchedulerConfig, now: datetime, zone: tzinfo | None = None
) -> Budget:
    day = StudyDay.containing(now, zone, config.rollover_hour)
    done = store.answered_since(day.start)
    return Budget(
        day,
        new=max(0, config.new_per_day - done.get("new", 0)),
        reviews=max(0, config.reviews_per_day - done.get("review", 0)),
    )


def left(
    store: Store, deck: str | None, day: StudyDay, now: datetime, new: int, reviews: int
) -> dict[str, int]:
    """Cards still to do today in `deck` (every deck for None), within `new` and `reviews`."""
    return store.count_due(deck, day.end, now, {"new": new, "review": reviews})


def deck_rows(store: Store, config: SchedulerConfig, now: datetime) -> list[dict[str, Any]]:
    """`decks`: each deck's card counts and what is left of it today, under the same names
    as `stats` and the review's progress line."""
    limits = budget(store, config, now)
    rows = store.deck_counts(limits.day.end, now)
    for row in rows:
        row.update(left(store, row["name"], limits.day, now, limits.new, limits.reviews))
        row["due_today"] = row["learning"] + row["review"]
    return rows
