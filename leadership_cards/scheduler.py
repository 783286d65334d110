"""FSRS-6 scheduling through the `fsrs` reference implementation.

py-fsrs has no "new" state (a fresh card is Learning at step 0), so the schedule keeps one:
a card is `new` until its first answer. Fuzz is drawn from a passed-in `random.Random`
rather than the global generator fsrs uses, so a session can be replayed exactly.

`fsrs` is imported on first use, not with this module: `review` shows its first card
before it needs the memory model.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import fsrs


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


STATES = ("new", "learning", "review", "relearning")
#: py-fsrs numbers its states Learning=1, Review=2, Relearning=3.
_FSRS_STATES = {"learning": 1, "review": 2, "relearning": 3}
_FROM_FSRS_STATE = {value: key for key, value in _FSRS_STATES.items()}


def default_parameters() -> tuple[float, ...]:
    from fsrs.scheduler import DEFAULT_PARAMETERS

    return tuple(DEFAULT_PARAMETERS)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A card's memory state and next due time, as stored beside the card."""

    state: str = "new"
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0


@dataclass(frozen=True, slots=True)
class SchedulerConfig:
    """The user's scheduling settings; `config` changes them, `optimize` fits `parameters`."""

    parameters: tuple[float, ...] | None = None  # None: the FSRS-6 defaults
    desired_retention: float = 0.90
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36500
    fuzz: bool = True
    new_per_day: int = 20
    reviews_per_day: int = 200
    leech_lapses: int = 8
    rollover_hour: int = 4

    def fsrs_scheduler(self) -> fsrs.Scheduler:
        import fsrs

        return fsrs.Scheduler(
            parameters=self.parameters or default_parameters(),
            desired_retention=self.desired_retention,
            learning_steps=self.learning_steps,
            relearning_steps=self.relearning_steps,
            maximum_interval=self.maximum_interval,
            enable_fuzzing=False,  # applied below with the caller's generator
        )


class Scheduler:
    """Answers cards: a Schedule and a rating in, the next Schedule out."""

    def __init__(self, config: SchedulerConfig | None = None) -> None:
        self.config = config or SchedulerConfig()
        self._fsrs = self.config.fsrs_scheduler()

    def answer(
        self,
        schedule: Schedule,
        rating: Rating,
        now: datetime,
        rng: random.Random | None = None,
    ) -> Schedule:
        """The schedule after answering `rating` at `now`; fuzzed if the config says so."""
        import fsrs

        now = utc(now)
        card, _ = self._fsrs.review_card(_to_fsrs(schedule, now), fsrs.Rating(int(rating)), now)
        due = card.due
        if self.config.fuzz and card.state == fsrs.State.Review:
            due = now + fuzz_interval(
                due - now, self.config.maximum_interval, rng or random.Random()
            )
        lapsed = schedule.state == "review" and rating == Rating.AGAIN
        return Schedule(
            state=_FROM_FSRS_STATE[int(card.state)],
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=due,
            last_review=now,
            reps=schedule.reps + 1,
            lapses=schedule.lapses + (1 if lapsed else 0),
        )

    def preview(self, schedule: Schedule, now: datetime) -> dict[Rating, timedelta]:
        """The interval each button would give, unfuzzed, for showing on the buttons."""
        plain = replace(self.config, fuzz=False)
        scheduler = self if not self.config.fuzz else Scheduler(plain)
        return {
            rating: scheduler.answer(schedule, rating, now).due - now  # type: ignore[operator]
            for rating in Rating
        }

    def retrievability(self, schedule: Schedule, now: datetime) -> float:
        """The chance the card is recalled at `now` (0 for a card never reviewed)."""
        if schedule.state == "new" or schedule.stability is None:
            return 0.0
        now = utc(now)
        return self._fsrs.get_card_retrievability(_to_fsrs(schedule, now), now)


def _to_fsrs(schedule: Schedule, now: datetime) -> fsrs.Card:
    import fsrs

    if schedule.state == "new":
        # card_id given so fsrs does not sleep a millisecond to make a unique one
        return fsrs.Card(card_id=0, state=fsrs.State.Learning, step=0, due=now)
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(_FSRS_STATES[schedule.state]),
        step=schedule.step,
        stability=schedule.stability,
        difficulty=schedule.difficulty,
        due=schedule.due or now,
        last_review=schedule.last_review,
    )


#: Anki's fuzz ranges (rslib/src/scheduler/states/fuzz.rs): an interval is spread by one day,
#: plus a share of its days in each range.
FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, math.inf, 0.05))


def fuzz_bounds(days: float, maximum_interval: int, minimum: int = 1) -> tuple[int, int]:
    """The shortest and longest interval fuzz may give `days`, as Anki computes them: an
    8-day interval lies between 6 and 10 days, never 11."""
    minimum = min(minimum, maximum_interval)
    days = min(max(days, minimum), maximum_interval)
    delta = fuzz_delta(days)
    lower = min(max(_round_half_up(days - delta), minimum), maximum_interval)
    upper = min(max(_round_half_up(days + delta), minimum), maximum_interval)
    if upper == lower and 2 < upper < maximum_interval:
        upper = lower + 1
    return lower, upper


def fuzz_delta(days: float) -> float:
    """Days of fuzz either way: none under 2.5 days, else one plus a share of each range."""
    if days < 2.5:
        return 0.0
    return 1.0 + sum(
        factor * max(min(days, end) - start, 0.0) for start, end, factor in FUZZ_RANGES
    )


def _round_half_up(value: float) -> int:
    # Rust's f32::round, which Anki uses, rounds halves away from zero; Python's round()
    # rounds them to even.
    return math.floor(value + 0.5)


def fuzz_interval(interval: timedelta, maximum_interval: int, rng: random.Random) -> timedelta:
    """The interval fuzzed as Anki does it, drawn uniformly from `fuzz_bounds`."""
    days = interval.days
    if days < 2.5:
        return interval
    lower, upper = fuzz_bounds(float(days), maximum_interval)
    return timedelta(days=math.floor(lower + rng.random() * (1 + upper - lower)))


def format_interval(interval: timedelta) -> str:
    """Anki's short form: 1m, 10m, 3h, 4d, 2.1mo, 1.3y."""
    seconds = interval.total_seconds()
    if seconds < 3600:
        return f"{max(1, math.ceil(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def utc(moment: datetime) -> datetime:
    """`moment` as an aware UTC datetime (fsrs insists on UTC)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC)
