"""The figures behind `stats`: counts, retention, streak, forecast, heatmap.

Everything is counted by SQLite (see the statistics section of store.py); this module only
turns a few hundred aggregate rows into figures, so `stats` stays fast on a collection with
a million reviews. Days are study days: local days that start at the rollover hour, so an
answer at 01:30 belongs to the evening before. `now` and the time zone are passed in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from leadership_cards.clock import StudyDay, iso
from leadership_cards.scheduler import SchedulerConfig
from leadership_cards.store import Store
from leadership_cards.today import budget, left

EPOCH_DATE = date(1970, 1, 1)
FORECAST_DAYS = 30
HEATMAP_DAYS = 365
RETENTION_DAYS = 30
RETENTION_WEEKS = 12
STATES = ("new", "learning", "review", "relearning", "suspended")


def offset_segments(zone: tzinfo, start: datetime, end: datetime) -> list[tuple[int, int]]:
    """The zone's UTC offsets between `start` and `end` as (epoch second, offset seconds)
    pairs, each holding until the next: what `study_day_sql` needs to put every moment on
    its local day across daylight-saving changes."""

    def offset(second: int) -> int:
        moment = datetime.fromtimestamp(second, zone)
        delta = moment.utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    first, last = int(start.timestamp()), int(end.timestamp())
    segments = [(first, offset(first))]
    step = 86400
    at = first
    while at < last:
        nxt = min(at + step, last)
        if offset(nxt) != segments[-1][1]:
            low, high = at, nxt  # the change happens in (low, high]
            while high - low > 1:
                middle = (low + high) // 2
                if offset(middle) == segments[-1][1]:
                    low = middle
                else:
                    high = middle
            segments.append((high, offset(high)))
        at = nxt
    return segments


def day_number(moment: datetime, zone: tzinfo, rollover_hour: int) -> int:
    """The study day of `moment`, numbered (days since 1970-01-01) as `study_day_sql` does."""
    local = moment.astimezone(zone) - timedelta(hours=rollover_hour)
    return (local.date() - EPOCH_DATE).days


def study_days_back(day: StudyDay, count: int, zone: tzinfo, rollover: int) -> list[StudyDay]:
    """`count` study days ending with `day`, oldest first (wall-clock days, so a day with a
    daylight-saving change is 23 or 25 hours long, as the learner lived it)."""
    days = [day]
    while len(days) < count:
        days.append(StudyDay.containing(days[-1].start - timedelta(hours=1), zone, rollover))
    return days[::-1]


def study_days_ahead(day: StudyDay, count: int, zone: tzinfo, rollover: int) -> list[StudyDay]:
    days = [day]
    while len(days) < count:
        days.append(days[-1].next(zone, rollover))
    return days


def local_date(day: StudyDay, zone: tzinfo) -> str:
    return day.start.astimezone(zone).date().isoformat()


def collect(
    store: Store,
    config: SchedulerConfig,
    *,
    now: datetime,
    zone: tzinfo,
    deck: str | None = None,
) -> dict[str, Any]:
    """Every figure `stats` shows, as the `stats --json` object."""
    rollover = config.rollover_hour
    day = StudyDay.containing(now, zone, rollover)

    cards = store.stats_cards(deck)
    by_state = {state: cards[state] for state in STATES}

    # Answers a study day, from the first answer ever (the streak may be long) to today.
    span = store.review_span()
    first = StudyDay.containing(span[0], zone, rollover) if span else day
    history = max(HEATMAP_DAYS, (day.start - first.start).days + 2)
    days = study_days_back(day, history, zone, rollover)
    answers = store.stats_answers([(d.start, d.end) for d in days], deck)
    streak_days = streak(answers)

    # Retention: the last 30 days, then week by week (the last week ends today).
    weeks = [
        (days[-7 * (RETENTION_WEEKS - w)].start, days[-7 * (RETENTION_WEEKS - w - 1) - 1].end)
        for w in range(RETENTION_WEEKS)
    ]
    month = (days[-RETENTION_DAYS].start, day.end)
    retention = store.stats_retention([month, *weeks], deck)
    total = store.stats_review_count(deck)
    timed, milliseconds = store.stats_answer_time(*month, deck)

    ahead = study_days_ahead(day, FORECAST_DAYS, zone, rollover)
    overdue_from = datetime.fromtimestamp(0, day.start.tzinfo)
    due_by_day = store.stats_due(
        [(overdue_from if i == 0 else d.start, d.end) for i, d in enumerate(ahead)], deck
    )

    # What is left today, counted as `decks` and the review's progress line count it.
    limits = budget(store, config, now, zone)
    due = left(store, deck, day, now, limits.new, limits.reviews)

    return {
        "deck": deck,
        "generated_at": iso(now),
        "study_day": {"date": local_date(day, zone), "start": iso(day.start), "end": iso(day.end)},
        "cards": cards["cards"],
        "by_state": by_state,
        "unscheduled": cards["unscheduled"],
        "leeches": cards["leeches"],
        "reviews": total,
        "reviews_today": answers[-1],
        "average_seconds": round(milliseconds / timed / 1000, 1) if timed else None,
        "due_today": due["learning"] + due["review"],
        "new_today": due["new"],
        "left_today": due,
        "retention_30d": _ratio(retention[0][1], retention[0][0]),
        "streak_days": streak_days,
        "forecast": [
            {"date": local_date(d, zone), "due": n} for d, n in zip(ahead, due_by_day, strict=True)
        ],
        "heatmap": [
            {"date": local_date(d, zone), "count": n}
            for d, n in zip(days[-HEATMAP_DAYS:], answers[-HEATMAP_DAYS:], strict=True)
        ],
        "retention_by_week": [
            {
                "start": local_date(days[-7 * (RETENTION_WEEKS - w)], zone),
                "answers": answered,
                "retention": _ratio(correct, answered),
            }
            for w, (answered, correct) in enumerate(retention[1:])
        ],
    }


def streak(answers: list[int]) -> int:
    """Study days in a row with at least one answer, ending today (the last entry), or
    yesterday while today's review is still to come: a streak is not broken until the day
    is over."""
    at = len(answers) - 1 if answers[-1] else len(answers) - 2
    count = 0
    while at >= 0 and answers[at]:
        count += 1
        at -= 1
    return count


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
