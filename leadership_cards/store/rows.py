"""What the collection's rows mean in Python: the records callers receive, the SQL conditions
the queue and its partial indexes share, and the conversions between rows and records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from leadership_cards.cards import UNSCHEDULED_KINDS
from leadership_cards.clock import from_epoch, iso, to_epoch
from leadership_cards.scheduler import Schedule

UNSCHEDULED = ", ".join(f"'{kind}'" for kind in sorted(UNSCHEDULED_KINDS))
#: A card that may be shown in review. Spelled the same in the partial indexes and in the
#: queue queries, so SQLite can use those indexes.
IN_QUEUE = f"suspended = 0 AND retired_at IS NULL AND kind NOT IN ({UNSCHEDULED})"

#: Cards in the learning queue (learning or relearning), spelled as in its partial index.
LEARNING = "state IN ('learning', 'relearning')"
NOT_BURIED = "(buried_until IS NULL OR buried_until <= :now)"

CARD_COLUMNS = (
    "id, deck, chapter, kind, front, back, cloze, tags, source_file, source_position, "
    "passage, item, ord, state, step, stability, difficulty, due, last_review, reps, "
    "lapses, suspended, buried_until, leech, retired_at, flagged, tag_changes, shape"
)


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A card as the collection holds it: its content, its schedule and its flags."""

    id: str
    deck: str
    chapter: str
    kind: str
    front: str
    back: str
    cloze: str | None
    tags: tuple[str, ...]
    source_file: str
    source_position: str
    passage: str
    item: str
    schedule: Schedule
    suspended: bool = False
    buried_until: datetime | None = None
    leech: bool = False
    retired_at: datetime | None = None
    flagged: bool = False
    shape: str = ""  # the answer's phrase type, for the quiz's distractors

    @property
    def state(self) -> str:
        return "suspended" if self.suspended else self.schedule.state

    @property
    def all_tags(self) -> list[str]:
        return [*self.tags, "leech"] if self.leech else list(self.tags)

    def to_json(self) -> dict[str, Any]:
        """The `cards --json` shape promised in DESIGN.md."""
        s = self.schedule
        return {
            "id": self.id,
            "deck": self.deck,
            "chapter": self.chapter,
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "tags": self.all_tags,
            "source": {"file": self.source_file, "position": self.source_position},
            "state": self.state,
            "due": iso(s.due),
            "stability": s.stability,
            "difficulty": s.difficulty,
            "reps": s.reps,
            "lapses": s.lapses,
        }


@dataclass(frozen=True, slots=True)
class DeckInfo:
    name: str
    title: str
    publisher: str = ""
    source: str = ""
    origin: str = ""  # the files or folder the deck was generated from


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    restored: int = 0
    carried: int = 0  # stored cards that took a new wording and kept their history
    created: bool = False  # the deck is new


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int
    state_before: str
    state_after: str

    def to_json(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "rating": self.rating,
            "reviewed_at": iso(self.reviewed_at),
            "duration_ms": self.duration_ms,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """What one answer changed, kept so that `undo` can put it all back."""

    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int
    before: Schedule
    after: Schedule
    suspend_as_leech: bool = False
    buried_siblings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ExportedReview:
    """One answer as an export needs it: what Anki's review log records."""

    card_id: str
    rating: int
    reviewed_at_ms: int
    duration_ms: int
    state_before: str
    state_after: str
    due_after: int | None  # epoch seconds


@dataclass(frozen=True, slots=True)
class QuizRun:
    """One past quiz, for `quiz --history`."""

    id: int
    started_at: datetime
    deck: str | None
    chapter: str | None
    mode: str
    weakest: bool
    planned: int
    asked: int
    correct: int
    duration_ms: int

    def to_json(self) -> dict[str, Any]:
        """`quiz --history --json`: one run."""
        return {
            "started_at": iso(self.started_at),
            "deck": self.deck,
            "chapter": self.chapter,
            "mode": self.mode,
            "weakest": self.weakest,
            "planned": self.planned,
            "asked": self.asked,
            "correct": self.correct,
            "duration_ms": self.duration_ms,
        }


def ms(moment: datetime) -> int:
    """Milliseconds since the epoch, as the review log stores its times."""
    return int(moment.timestamp() * 1000)


def schedule_from_row(row: Sequence[Any]) -> Schedule:
    state, step, stability, difficulty, due, last_review, reps, lapses = row
    return Schedule(
        state, step, stability, difficulty, from_epoch(due), from_epoch(last_review), reps, lapses
    )


def schedule_row(s: Schedule) -> tuple[Any, ...]:
    return (
        s.state,
        s.step,
        s.stability,
        s.difficulty,
        to_epoch(s.due),
        to_epoch(s.last_review),
        s.reps,
        s.lapses,
    )


def schedule_json(s: Schedule) -> list[Any]:
    return list(schedule_row(s))


def schedule_from_json(values: list[Any]) -> Schedule:
    return schedule_from_row(values)


def card_from_row(row: sqlite3.Row) -> StoredCard:
    return StoredCard(
        id=row["id"],
        deck=row["deck"],
        chapter=row["chapter"],
        kind=row["kind"],
        front=row["front"],
        back=row["back"],
        cloze=row["cloze"],
        tags=effective_tags(json.loads(row["tags"]), json.loads(row["tag_changes"])),
        source_file=row["source_file"],
        source_position=row["source_position"],
        passage=row["passage"],
        item=row["item"],
        schedule=schedule_from_row(
            (
                row["state"],
                row["step"],
                row["stability"],
                row["difficulty"],
                row["due"],
                row["last_review"],
                row["reps"],
                row["lapses"],
            )
        ),
        suspended=bool(row["suspended"]),
        buried_until=from_epoch(row["buried_until"]),
        leech=bool(row["leech"]),
        retired_at=from_epoch(row["retired_at"]),
        flagged=bool(row["flagged"]),
        shape=row["shape"],
    )


def effective_tags(generated: list[str], changes: dict[str, list[str]]) -> tuple[str, ...]:
    """The generated tags, less those the learner took off, plus those they added."""
    removed = set(changes.get("removed", ()))
    kept = [tag for tag in generated if tag not in removed]
    return tuple(kept + [tag for tag in changes.get("added", ()) if tag not in kept])
