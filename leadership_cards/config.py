"""The user's settings, stored in the collection, and the scheduler config built from them."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from leadership_cards.errors import SettingWarning, UserError
from leadership_cards.scheduler import SchedulerConfig
from leadership_cards.store import Store


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: how it is typed (`read`), the values it may take (`check`, which also
    vets what the collection already holds), and its default."""

    key: str
    help: str
    read: Callable[[str], Any]
    check: Callable[[Any], Any]
    default: Any

    def parse(self, text: str) -> Any:
        return self.check(self.read(text))


MIN_STEP_MINUTES = 1.0
MAX_STEP_MINUTES = 30 * 1440.0
MAX_STEPS = 10


def _number(value: Any) -> float:
    """A finite real number (JSON may hold NaN or an overflowed 1e400 as infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return float(value)


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    return value


def _read_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError("is not a whole number") from None


def _read_number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError("is not a number") from None


def _ratio(value: Any) -> float:
    value = _number(value)
    if not 0.7 <= value <= 0.99:
        raise ValueError("must be between 0.70 and 0.99")
    return value


def _count(value: Any) -> int:
    value = _whole(value)
    if not 0 <= value <= 100_000:
        raise ValueError("must be a whole number from 0 to 100000")
    return value


def _hour(value: Any) -> int:
    value = _whole(value)
    if not 0 <= value <= 23:
        raise ValueError("must be an hour from 0 to 23")
    return value


def _read_steps(text: str) -> list[float]:
    """Steps as Anki writes them: "1m 10m", "10m", "1h", "2d" (minutes when no unit)."""
    units = {"s": 1 / 60, "m": 1, "h": 60, "d": 1440}
    steps = []
    for word in text.replace(",", " ").split():
        number, unit = (word[:-1], word[-1]) if word[-1] in units else (word, "m")
        steps.append(_read_number(number) * units[unit])
    return steps


def _steps(value: Any) -> list[float]:
    if not isinstance(value, list):
        raise ValueError("must be a list of steps")
    if len(value) > MAX_STEPS:
        raise ValueError(f"must be at most {MAX_STEPS} steps")
    steps = [_number(step) for step in value]
    if not all(MIN_STEP_MINUTES <= step <= MAX_STEP_MINUTES for step in steps):
        raise ValueError("must each be from 1 minute to 30 days")
    return steps


def _read_flag(text: str) -> bool:
    if text.lower() in ("on", "true", "yes", "1"):
        return True
    if text.lower() in ("off", "false", "no", "0"):
        return False
    raise ValueError("must be on or off")


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be on or off")
    return value


SETTINGS = {
    s.key: s
    for s in (
        Setting(
            "desired_retention",
            "chance of recall the schedule aims for",
            _read_number,
            _ratio,
            0.90,
        ),
        Setting("new_per_day", "new cards introduced a day", _read_int, _count, 20),
        Setting("reviews_per_day", "reviews shown a day", _read_int, _count, 200),
        Setting("learning_steps", "learning steps (e.g. 1m 10m)", _read_steps, _steps, [1.0, 10.0]),
        Setting("relearning_steps", "relearning steps (e.g. 10m)", _read_steps, _steps, [10.0]),
        Setting("leech_lapses", "lapses that make a card a leech", _read_int, _count, 8),
        Setting("rollover_hour", "local hour when the study day starts", _read_int, _hour, 4),
        Setting("fuzz", "spread review intervals a little", _read_flag, _flag, True),
    )
}

#: Written by `optimize`; not set by hand.
PARAMETERS_KEY = "fsrs_parameters"


def shown(key: str, value: Any) -> str:
    """A setting's value as `config` shows it and takes it."""
    if key.endswith("steps"):
        return " ".join(f"{minutes:g}m" for minutes in value)
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def set_value(store: Store, key: str, text: str) -> Any:
    setting = SETTINGS.get(key)
    if setting is None:
        raise UserError(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    try:
        value = setting.parse(text)
    except (ValueError, IndexError, OverflowError) as error:
        raise UserError(f"{key}: {text!r} {error}") from None
    store.set_setting(key, value)
    return value


def values(store: Store) -> dict[str, Any]:
    """Every setting, as stored where the stored value is sound, else its default (and a
    `SettingWarning` says so)."""
    stored = store.settings()
    chosen = {}
    for key, setting in SETTINGS.items():
        if key not in stored:
            chosen[key] = setting.default
            continue
        try:
            chosen[key] = setting.check(stored[key])
        except ValueError as error:
            warnings.warn(
                SettingWarning(
                    f"the stored setting {key} ({stored[key]!r}) {error}; using the default "
                    f"{shown(key, setting.default)} (set it with `leadership-cards config {key} VALUE`)"
                ),
                stacklevel=2,
            )
            chosen[key] = setting.default
    return chosen


def _parameters(store: Store) -> tuple[float, ...] | None:
    """The fitted FSRS parameters, unless what is stored could not have come from `optimize`."""
    stored = store.setting(PARAMETERS_KEY)
    if not stored:
        return None
    try:
        numbers = stored["parameters"]
        if not isinstance(numbers, list) or not numbers:
            raise ValueError
        return tuple(_number(number) for number in numbers)
    except (ValueError, KeyError, TypeError):
        warnings.warn(
            SettingWarning(
                "the stored FSRS parameters are not usable; using the defaults "
                "(run `leadership-cards optimize` to fit them again)"
            ),
            stacklevel=2,
        )
        return None


def scheduler_config(store: Store) -> SchedulerConfig:
    v = values(store)
    return SchedulerConfig(
        parameters=_parameters(store),
        desired_retention=v["desired_retention"],
        learning_steps=tuple(timedelta(minutes=m) for m in v["learning_steps"]),
        relearning_steps=tuple(timedelta(minutes=m) for m in v["relearning_steps"]),
        fuzz=v["fuzz"],
        new_per_day=v["new_per_day"],
        reviews_per_day=v["reviews_per_day"],
        leech_lapses=v["leech_lapses"],
        rollover_hour=v["rollover_hour"],
    )
