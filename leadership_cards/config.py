"""The user's settings, stored in the collection, and the scheduler config built from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from leadership_cards.errors import UserError
from leadership_cards.scheduler import SchedulerConfig
from leadership_cards.store import Store


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    help: str
    parse: Callable[[str], Any]
    default: Any


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError("is not a whole number") from None


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError("is not a number") from None


def _ratio(text: str) -> float:
    value = _number(text)
    if not 0.7 <= value <= 0.99:
        raise ValueError("must be between 0.70 and 0.99")
    return value


def _count(text: str) -> int:
    value = _whole(text)
    if not 0 <= value <= 100_000:
        raise ValueError("must be a whole number from 0 to 100000")
    return value


def _hour(text: str) -> int:
    value = _whole(text)
    if not 0 <= value <= 23:
        raise ValueError("must be an hour from 0 to 23")
    return value


def _steps(text: str) -> list[float]:
    """Steps as Anki writes them: "1m 10m", "10m", "1h"."""
    units = {"s": 1 / 60, "m": 1, "h": 60, "d": 1440}
    steps = []
    for word in text.replace(",", " ").split():
        number, unit = (word[:-1], word[-1]) if word[-1] in units else (word, "m")
        minutes = _number(number) * units[unit]
        if minutes <= 0:
            raise ValueError("steps must be positive")
        steps.append(minutes)
    return steps


def _flag(text: str) -> bool:
    if text.lower() in ("on", "true", "yes", "1"):
        return True
    if text.lower() in ("off", "false", "no", "0"):
        return False
    raise ValueError("must be on or off")


SETTINGS = {
    s.key: s
    for s in (
        Setting("desired_retention", "chance of recall the schedule aims for", _ratio, 0.90),
        Setting("new_per_day", "new cards introduced a day", _count, 20),
        Setting("reviews_per_day", "reviews shown a day", _count, 200),
        Setting("learning_steps", "learning steps (e.g. 1m 10m)", _steps, [1.0, 10.0]),
        Setting("relearning_steps", "relearning steps (e.g. 10m)", _steps, [10.0]),
        Setting("leech_lapses", "lapses that make a card a leech", _count, 8),
        Setting("rollover_hour", "local hour when the study day starts", _hour, 4),
        Setting("fuzz", "spread review intervals a little", _flag, True),
    )
}

#: Written by `optimize`; not set by hand.
PARAMETERS_KEY = "fsrs_parameters"


def set_value(store: Store, key: str, text: str) -> Any:
    setting = SETTINGS.get(key)
    if setting is None:
        raise UserError(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    try:
        value = setting.parse(text)
    except (ValueError, IndexError) as error:
        raise UserError(f"{key}: {text!r} {error}") from None
    store.set_setting(key, value)
    return value


def values(store: Store) -> dict[str, Any]:
    stored = store.settings()
    return {key: stored.get(key, setting.default) for key, setting in SETTINGS.items()}


def scheduler_config(store: Store) -> SchedulerConfig:
    v = values(store)
    parameters = store.setting(PARAMETERS_KEY)
    return SchedulerConfig(
        parameters=tuple(parameters["parameters"]) if parameters else None,
        desired_retention=v["desired_retention"],
        learning_steps=tuple(timedelta(minutes=m) for m in v["learning_steps"]),
        relearning_steps=tuple(timedelta(minutes=m) for m in v["relearning_steps"]),
        fuzz=v["fuzz"],
        new_per_day=v["new_per_day"],
        reviews_per_day=v["reviews_per_day"],
        leech_lapses=v["leech_lapses"],
        rollover_hour=v["rollover_hour"],
    )
