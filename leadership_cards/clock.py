"""Time as the learner lives it: UTC for storage, the local study day for limits and "today".

The study day rolls over at 4 a.m. local time, as Anki's does, so a review at 1 a.m. still
counts for the evening before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo


def now_utc() -> datetime:
    return datetime.now(UTC)


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


@dataclass(frozen=True, slots=True)
class StudyDay:
    """The local study day that contains a moment, as a UTC interval [start, end)."""

    start: datetime
    end: datetime

    @classmethod
    def containing(cls, moment: datetime, zone: tzinfo | None = None, rollover_hour: int = 4):
        local = moment.astimezone(zone or local_zone())
        start = local.replace(hour=rollover_hour, minute=0, second=0, microsecond=0)
        if local < start:
            start -= timedelta(days=1)
        # Adding a day to the wall-clock time keeps 4 a.m. across daylight-saving changes.
        end = (start.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=start.tzinfo)
        return cls(start.astimezone(UTC), end.astimezone(UTC))

    def next(self, zone: tzinfo | None = None, rollover_hour: int = 4) -> StudyDay:
        return StudyDay.containing(self.end + timedelta(hours=1), zone, rollover_hour)


def to_epoch(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp())


def from_epoch(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def iso(moment: datetime | None) -> str | None:
    """ISO-8601 UTC with a Z, as the JSON outputs promise."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
