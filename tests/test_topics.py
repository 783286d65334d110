"""Table Topics' core: times, the lights, the qualifying window, which question comes next,
and the timing loop driven by a clock the test controls."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from leadership_cards.errors import UserError
from leadership_cards.store import Store
from leadership_cards.topics import Lights, draw_topics, parse_time, run_topics, time_answer
from tests.conftest import NOW, fill


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class ScriptedTerminal:
    """A terminal whose keys arrive at set moments of a test clock; waiting advances it."""

    def __init__(self, clock: Clock, keys: list[tuple[float, str]], color: bool) -> None:
        self.clock = clock
        self.keys = [(clock.now + at, key) for at, key in keys]
        self.color = color
        self.out: list[tuple[float, str]] = []
        self.waits: list[float] = []

    def write(self, text: str) -> None:
        self.out.append((self.clock.now, text))

    def key(self, timeout: float | None = None) -> str | None:
        at, key = self.keys[0]
        if timeout is None:  # waiting for the speaker, not timing
            self.clock.now = max(self.clock.now, at)
            self.keys.pop(0)
            return key
        self.waits.append(timeout)
        if at <= self.clock.now + timeout:
            self.clock.now = max(self.clock.now, at)
            self.keys.pop(0)
            return key
        self.clock.now += timeout
        return None

    def line(self, prompt: str) -> str:
        raise AssertionError("not used")

    def clear(self) -> None:
        pass

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.out)


def test_times_are_m_ss_or_seconds():
    assert parse_time("1:30", "--green") == 90
    assert parse_time("0:05", "--green") == 5
    assert parse_time("90", "--green") == 90
    assert parse_time(" 0.5 ", "--green") == 0.5
    for bad in ("1:75", "1:5", "abc", "-3", "", "1:30:00"):
        with pytest.raises(UserError, match="is not a time; use M:SS or seconds"):
            parse_time(bad, "--red")


def test_the_lights_and_the_qualifying_window():
    lights = Lights(60, 90, 120)
    assert [lights.light(t) for t in (0, 59.9, 60, 89.9, 90, 120, 400)] == [
        None,
        None,
        "green",
        "green",
        "yellow",
        "red",
        "red",
    ]
    assert not lights.qualified(59.9)
    assert lights.qualified(60) and lights.qualified(150)
    assert not lights.qualified(150.1)
    assert lights.verdict(45) == "short (under 1:00)"
    assert lights.verdict(151) == "over time (past 2:30)"
    with pytest.raises(UserError, match="must come in order"):
        Lights(60, 60, 120)


def test_questions_never_spoken_on_come_before_those_spoken_on_recently(store: Store):
    fill(store, deck="more", chapters=4)
    first = draw_topics(store, "more", 4, random.Random(5))
    assert len(first) == 4 and all(card.kind == "discussion" for card in first)
    assert [c.id for c in draw_topics(store, "more", 4, random.Random(5))] == [c.id for c in first]
    # Speak on three of them: the fourth comes first now, then the oldest spoken.
    for minutes, card in enumerate(first[:3]):
        store.record_talk(card.id, NOW + timedelta(minutes=minutes), 70_000, 60_000, 120_000, True)
    again = draw_topics(store, "more", 4, random.Random(99))
    assert [c.id for c in again] == [first[3].id, first[0].id, first[1].id, first[2].id]
    assert len(draw_topics(store, "more", 2, random.Random(1))) == 2


def test_plain_terminal_names_each_light_once_as_its_time_passes():
    clock = Clock()
    term = ScriptedTerminal(clock, [(3.6, "\r")], color=False)
    seconds = time_answer(term, Lights(1, 2, 3), clock)
    assert seconds == pytest.approx(3.6)
    lines = [(round(at - 100, 2), text) for at, text in term.out]
    assert lines == [
        (1.0, "GREEN at 0:01\n"),
        (2.0, "YELLOW at 0:02\n"),
        (3.0, "RED at 0:03\n"),
    ]
    assert "\x1b" not in term.text


def test_colour_bar_is_redrawn_four_times_a_second_and_changes_colour():
    clock = Clock()
    term = ScriptedTerminal(clock, [(3.5, "\n")], color=True)
    seconds = time_answer(term, Lights(1, 2, 3), clock, width=30)
    assert seconds == pytest.approx(3.5)
    assert all(wait == pytest.approx(0.25) for wait in term.waits)
    frames = [(at - 100, text) for at, text in term.out]
    assert len(frames) == 15  # 14 ticks over 3.5 s, and the final frame
    colours = {"\x1b[100m": None, "\x1b[42m": "green", "\x1b[43m": "yellow", "\x1b[41m": "red"}
    seen = []
    for at, frame in frames:
        (code,) = [code for code in colours if code in frame]
        seen.append((at, colours[code]))
        assert (colours[code] or "no light yet").upper() in frame
    assert [light for at, light in seen if at < 1] == [None] * 4
    assert [light for at, light in seen if 1 <= at < 2] == ["green"] * 4
    assert [light for at, light in seen if 2 <= at < 3] == ["yellow"] * 4
    assert [light for at, light in seen if at >= 3] == ["red"] * 3
    assert all(frame.startswith("\x1b[3F") for _, frame in frames[1:])  # redrawn in place


def test_q_while_speaking_quits_without_a_time():
    clock = Clock()
    term = ScriptedTerminal(clock, [(1.2, "q")], color=False)
    assert time_answer(term, Lights(1, 2, 3), clock) is None


def test_the_clock_starts_when_the_speaker_presses_a_key_and_space_stops_it(store: Store):
    (card,) = draw_topics(store, None, 1, random.Random(1))
    clock = Clock()
    # 40 s reading the question, then 75 s of answer ended with Space.
    term = ScriptedTerminal(clock, [(40.0, "x"), (115.0, " ")], color=False)
    (talk,) = run_topics(store, [card], Lights(60, 90, 120), term, lambda: NOW, clock)
    assert talk.seconds == pytest.approx(75.0)
    assert talk.qualified
    assert "start the clock" in term.text and "Time: 1:15, qualified." in term.text


def test_ctrl_c_while_speaking_stops_at_once():
    clock = Clock()
    term = ScriptedTerminal(clock, [(1.2, "\x03")], color=False)
    with pytest.raises(KeyboardInterrupt):
        time_answer(term, Lights(1, 2, 3), clock)
