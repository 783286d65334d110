"""`check`: SQLite's own integrity check plus the collection's invariants, said in plain
words, and the repairs that are safe to make (after a backup).

A card's schedule is a function of its review log, so an inconsistent schedule is repaired by
replaying the log through the scheduler; nothing the learner did is thrown away.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from leadership_cards.scheduler import Rating, Schedule, Scheduler, SchedulerConfig
from leadership_cards.store import Store


def unreadable_json(error: Exception) -> dict[str, Any]:
    """`check --json` on a file too damaged to open: the same shape, the damage as its one
    problem."""
    return {
        "ok": False,
        "problems": [f"the file is damaged: {error}"],
        "integrity": [str(error)],
        "orphan_reviews": 0,
        "missing_decks": [],
        "bad_schedules": [],
    }


@dataclass
class Report:
    integrity: list[str] = field(default_factory=list)  # SQLite's complaints: not repairable here
    orphan_reviews: int = 0  # reviews of cards that no longer exist
    missing_decks: list[str] = field(default_factory=list)  # decks named by cards, not stored
    bad_schedules: list[str] = field(default_factory=list)  # card ids

    @property
    def ok(self) -> bool:
        return not (
            self.integrity or self.orphan_reviews or self.missing_decks or self.bad_schedules
        )

    def to_json(self) -> dict[str, Any]:
        """`check --json`: the findings, stable for scripts."""
        return {
            "ok": self.ok,
            "problems": self.lines(),
            "integrity": self.integrity,
            "orphan_reviews": self.orphan_reviews,
            "missing_decks": self.missing_decks,
            "bad_schedules": self.bad_schedules,
        }

    def lines(self) -> list[str]:
        said = [f"SQLite integrity check: {problem}" for problem in self.integrity[:10]]
        if self.orphan_reviews:
            said.append(f"{self.orphan_reviews} reviews belong to cards that no longer exist")
        if self.missing_decks:
            said.append(f"cards name decks that are missing: {', '.join(self.missing_decks)}")
        if self.bad_schedules:
            shown = ", ".join(self.bad_schedules[:5])
            more = f" and {len(self.bad_schedules) - 5} more" if len(self.bad_schedules) > 5 else ""
            said.append(
                f"{len(self.bad_schedules)} cards have a schedule that does not match their "
                f"review history ({shown}{more})"
            )
        return said


def check(store: Store) -> Report:
    report = Report()
    problems = store.integrity_problems()
    if problems:
        report.integrity = problems
        return report  # the invariants below would only repeat the damage
    report.orphan_reviews = store.orphan_review_count()
    report.missing_decks = store.decks_missing()
    report.bad_schedules = store.inconsistent_schedules()
    return report


def repair(store: Store, report: Report, config: SchedulerConfig, now: datetime) -> list[str]:
    """Fix what can be fixed safely. The caller has backed the file up first."""
    done = []
    with store.transaction():
        if report.missing_decks:
            store.recreate_decks(report.missing_decks, now)
            done.append(f"recreated {len(report.missing_decks)} missing decks")
        if report.orphan_reviews:
            store.delete_orphan_reviews()
            done.append(f"removed {report.orphan_reviews} reviews of cards that no longer exist")
        for card_id in report.bad_schedules:
            store.write_schedule(card_id, replay(store, card_id, config))
        if report.bad_schedules:
            done.append(f"rebuilt {len(report.bad_schedules)} schedules from their review history")
        store.reindex()
    return done


def replay(store: Store, card_id: str, config: SchedulerConfig) -> Schedule:
    """The schedule a card's review log leads to (fuzz seeded by the card, so it is stable)."""
    reviews = store.reviews(card_id, since_reset=True)
    answers = ((Rating(r.rating), r.reviewed_at) for r in reviews)
    final = Schedule()
    for _, after in replay_answers(card_id, answers, Scheduler(config)):
        final = after
    return final


def replay_answers(
    card_id: str, answers: Iterable[tuple[Rating, datetime]], scheduler: Scheduler
) -> Iterator[tuple[Schedule, Schedule]]:
    """Each answer's schedule before and after, replayed from a new card in the order given;
    the fuzz is seeded by the card, so the same log always gives the same schedule."""
    rng = random.Random(card_id)
    schedule = Schedule()
    for rating, moment in answers:
        after = scheduler.answer(schedule, rating, moment, rng)
        yield schedule, after
        schedule = after
