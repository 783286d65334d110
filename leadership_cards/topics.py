"""Table Topics practice: impromptu answers to the chapters' discussion questions, timed
with the club's green, yellow and red lights.

Qualification follows the Toastmasters timing rule for Table Topics: an answer qualifies
when it lasts at least the green time and no longer than the red time plus 30 seconds of
grace (1:00 to 2:30 with the usual 1:00 / 1:30 / 2:00 lights).
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from leadership_cards.cards import Kind
from leadership_cards.errors import UserError
from leadership_cards.store import Store, StoredCard
from leadership_cards.terminal import CTRL_C, CTRL_D, Terminal, style, wrap

GRACE_SECONDS = 30.0
#: Redraws of the timing bar per second.
TICKS_PER_SECOND = 4
LIGHT_COLOURS = {"green": "green", "yellow": "yellow", "red": "red"}
BAR_LINES = 3


def parse_time(text: str, option: str) -> float:
    """`M:SS` (1:30) or seconds (90, 0.5) as seconds; anything else is one clear error."""
    value = text.strip()
    match = re.fullmatch(r"(\d+):([0-5]\d)", value)
    if match:
        return int(match.group(1)) * 60 + int(match.group(2))
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    raise UserError(f"{option} {text!r} is not a time; use M:SS or seconds (e.g. 1:30 or 90)")


def limit_text(seconds: float) -> str:
    """A light's time as given: M:SS, or seconds when it is not a whole second (0.5s)."""
    return clock_text(seconds) if float(seconds).is_integer() else f"{seconds:g}s"


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class Lights:
    """The timing lights, in seconds from the start of an answer."""

    green: float = 60.0
    yellow: float = 90.0
    red: float = 120.0
    grace: float = GRACE_SECONDS

    def __post_init__(self) -> None:
        if not 0 < self.green < self.yellow < self.red:
            raise UserError(
                "the lights must come in order, after zero: --green < --yellow < --red "
                f"(got {limit_text(self.green)}, {limit_text(self.yellow)}, "
                f"{limit_text(self.red)})"
            )

    def light(self, elapsed: float) -> str | None:
        """The light showing after `elapsed` seconds (None before green)."""
        if elapsed >= self.red:
            return "red"
        if elapsed >= self.yellow:
            return "yellow"
        if elapsed >= self.green:
            return "green"
        return None

    def passed(self, elapsed: float) -> list[str]:
        """The lights whose time has come, in order (each is announced once)."""
        times = (("green", self.green), ("yellow", self.yellow), ("red", self.red))
        return [name for name, at in times if elapsed >= at]

    def until_next(self, elapsed: float) -> list[float]:
        """Seconds until each light still to come."""
        return [at - elapsed for at in (self.green, self.yellow, self.red) if at > elapsed]

    def qualified(self, seconds: float) -> bool:
        return self.green <= seconds <= self.red + self.grace

    def verdict(self, seconds: float) -> str:
        if seconds < self.green:
            return f"short (under {limit_text(self.green)})"
        if seconds > self.red + self.grace:
            return f"over time (past {limit_text(self.red + self.grace)})"
        return "qualified"


def draw_topics(store: Store, deck: str | None, count: int, rng: random.Random) -> list[StoredCard]:
    """Up to `count` discussion questions, the least recently spoken on first: questions
    never spoken on come first in seeded random order, then the others oldest first."""
    if count < 1:
        raise UserError("--count must be at least 1")
    store.require_deck(deck)
    questions = list(store.cards(deck=deck, kind=Kind.DISCUSSION))
    if not questions:
        where = f"deck {deck!r}" if deck else "the collection"
        raise UserError(f"no discussion questions in {where}")
    spoken = store.last_spoken(deck)
    never = datetime.min.replace(tzinfo=UTC)
    rng.shuffle(questions)
    questions.sort(key=lambda card: spoken.get(card.id, never))
    return questions[:count]


@dataclass(frozen=True, slots=True)
class Talk:
    card: StoredCard
    seconds: float
    qualified: bool


QUIT_KEYS = ("q", "Q", CTRL_D, "\x1b")
#: Space ends an answer as Enter does: the key under a speaker's hand.
END_KEYS = ("\r", "\n", " ")


def time_answer(
    term: Terminal,
    lights: Lights,
    monotonic: Callable[[], float] = time.monotonic,
    width: int = 60,
) -> float | None:
    """Time one answer until Enter or Space; None if the speaker quits (q) instead.

    With colour, a bar redrawn about four times a second shows the light; without it
    (NO_COLOR, a plain terminal) the light's name is printed once as each time passes.
    """
    start = monotonic()
    announced = 0
    drawn = False
    period = 1.0 / TICKS_PER_SECOND
    while True:
        elapsed = monotonic() - start
        light = lights.light(elapsed)
        if term.color:
            term.write(_bar(term, light, elapsed, width, redraw=drawn))
            drawn = True
        else:
            for passed in lights.passed(elapsed)[announced:]:
                term.write(f"{passed.upper()} at {clock_text(elapsed)}\n")
                announced += 1
        # Wake at the next redraw, or sooner when a light is due, so it changes on time.
        since = monotonic() - start
        wait = min([period - since % period, *lights.until_next(since)])
        key = term.key(wait)
        if key in END_KEYS:
            seconds = monotonic() - start
            if term.color:
                term.write(_bar(term, lights.light(seconds), seconds, width, redraw=True))
            return seconds
        if key == CTRL_C:
            raise KeyboardInterrupt
        if key in QUIT_KEYS:
            if term.color:
                term.write("\n")
            return None


def _bar(term: Terminal, light: str | None, elapsed: float, width: int, redraw: bool) -> str:
    """The timing light as a block of colour BAR_LINES high, with the time in its middle."""
    label = f"{clock_text(elapsed)}  {(light or 'no light yet').upper()}"
    colour = LIGHT_COLOURS.get(light or "", "bright_black")
    fg = "black" if light in ("green", "yellow") else "white"
    blank = style(term, " " * width, bg=colour)
    middle = style(term, label.center(width), bg=colour, fg=fg, bold=True)
    up = f"\x1b[{BAR_LINES}F" if redraw else ""
    return up + "\n".join((blank, middle, blank)) + "\x1b[K\n"


def run_topics(
    store: Store,
    topics: Sequence[StoredCard],
    lights: Lights,
    term: Terminal,
    now: Callable[[], datetime],
    monotonic: Callable[[], float] = time.monotonic,
    width: int = 60,
) -> list[Talk]:
    """One timed answer a topic; each time spoken is saved as soon as the answer ends."""
    talks: list[Talk] = []
    total = len(topics)
    for number, card in enumerate(topics, 1):
        term.clear()
        term.write(
            style(term, f"Topic {number}/{total}", bold=True)
            + style(term, f"  {card.deck} · {card.chapter}", fg="cyan")
            + "\n\n"
        )
        term.write(style(term, wrap(card.front), bold=True) + "\n\n")
        term.write(
            style(
                term,
                f"Lights: green {limit_text(lights.green)}, yellow {limit_text(lights.yellow)}, "
                f"red {limit_text(lights.red)}.",
                dim=True,
            )
            + "\n"
        )
        # The clock waits for the speaker: reading the question is not part of the answer.
        term.write(
            style(term, "[any key] start the clock  [q] quit", bold=True)
            + style(term, "   then [Space/Enter] ends the answer", dim=True)
            + "\n\n"
        )
        if _wait_to_start(term):
            break
        seconds = time_answer(term, lights, monotonic, width)
        if seconds is None:
            break
        talk = Talk(card, seconds, lights.qualified(seconds))
        store.record_talk(
            card.id,
            now(),
            round(seconds * 1000),
            round(lights.green * 1000),
            round(lights.red * 1000),
            talk.qualified,
        )
        talks.append(talk)
        term.write(f"Time: {clock_text(seconds)}, {lights.verdict(seconds)}.\n")
        if number < total:
            term.write(style(term, "[any key] next topic  [q] quit", dim=True) + "\n")
            if _wait_to_start(term):
                break
    _finish(term, talks, lights)
    return talks


def _wait_to_start(term: Terminal) -> bool:
    """Wait for a key; True when it asks to quit."""
    key = term.key()
    if key == CTRL_C:
        raise KeyboardInterrupt
    return key in QUIT_KEYS


def _finish(term: Terminal, talks: list[Talk], lights: Lights) -> None:
    term.write("\n")
    if not talks:
        term.write("No answers timed.\n")
        return
    window = f"{limit_text(lights.green)}-{limit_text(lights.red + lights.grace)}"
    qualified = sum(talk.qualified for talk in talks)
    term.write(
        style(term, f"Table Topics: {qualified}/{len(talks)} inside {window}", bold=True) + "\n"
    )
    for number, talk in enumerate(talks, 1):
        verdict = lights.verdict(talk.seconds)
        colour = "green" if talk.qualified else "red"
        term.write(
            f"  {number}. {clock_text(talk.seconds)}  "
            + style(term, f"{verdict:<24}", fg=colour)
            + f"  {talk.card.front}\n"
        )
