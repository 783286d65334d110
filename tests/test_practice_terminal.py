"""`quiz` and `topics` in a real pseudo-terminal, as a member would use them before a meeting."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from conftest import spawn_cli
from leadership_cards.cards import cloze_parts
from leadership_cards.cli import cli
from leadership_cards.store import DeckInfo, Store
from tests.conftest import NOW, sample_cards

# The loops end lines with \r\n; the terminal's own output processing may add another \r.
QUESTION = re.compile(
    r"Question (\d+)/(\d+)  [^\r]*\r+\n(?:\([^\r]*\)\r+\n)?\r+\n([^\r]+)\r+\n\r+\n"
)


def exact(text: str) -> str:
    """A pattern for `text` whatever the terminal does to its line ends."""
    return r"\r+\n".join(re.escape(part) for part in text.split("\r\n"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The sample deck, with every question worded differently so that its answer is known
    from the screen (the sample's two cloze cards a chapter blank the same sentence)."""
    cards = []
    for card in sample_cards():
        if card.cloze:
            cloze = card.cloze.replace("not rank", f"not rank ({card.source.position})")
            card = replace(card, cloze=cloze, front=cloze_parts(cloze)[0])
        cards.append(card)
    path = tmp_path / "collection.db"
    with Store.open(path) as store:
        store.sync_deck(DeckInfo("sample", "Sample"), cards, NOW)
    return path


def spawn(db: Path, *args: str, color: bool = False) -> pexpect.spawn:
    return spawn_cli(db, *args, color=color, width=200, timeout=10)


def answers(db: Path) -> dict[str, tuple[str, str]]:
    """Each question's answer and chapter, from the collection itself."""
    with Store.open(db) as store:
        return {card.front: (card.back, card.chapter) for card in store.cards()}


def cards_json(db: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["cards", "--json", "--db", str(db)])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def next_question(child: pexpect.spawn, number: int, total: int) -> str:
    child.expect(QUESTION)
    assert child.match.group(1, 2) == (str(number), str(total))
    return child.match.group(3)


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return re.sub(r"\r+\n", "\r\n", child.before)


def test_choice_quiz_right_wrong_quit_score_and_history(db_path: Path):
    known = answers(db_path)
    schedule_before = cards_json(db_path)
    child = spawn(db_path, "quiz", "--seed", "1", "--count", "3", "--mode", "choice")
    wrongly_answered = None
    for number, pick in ((1, "right"), (2, "wrong")):
        front = next_question(child, number, 3)
        child.expect(r"((?:  \d\. [^\r]*\r+\n)+)\r+\n\[1-(\d)\] answer  \[q\] quit")
        options = dict(re.findall(r"  (\d)\. ([^\r]*)\r+\n", child.match.group(1)))
        right = next(key for key, text in options.items() if text == known[front][0])
        if pick == "right":
            child.send(right)
            child.expect(exact("Right."))
        else:
            wrongly_answered = front
            child.send(next(key for key in options if key != right))
            child.expect(exact(f"Wrong. The answer is {right}. {known[front][0]}"))
        child.expect(exact("[any key] next  [q] quit"))
        child.send(" " if number == 1 else "q")
    out = finish(child)
    assert "Score: 1/2 (stopped after 2 of 3) in 0m 0" in out
    back, chapter = known[wrongly_answered]
    assert f"Missed:\r\n  2. {wrongly_answered}\r\n     {back}  ({chapter})" in out
    # The quiz left every card's schedule as it was ...
    assert cards_json(db_path) == schedule_before
    # ... and kept its score for --history.
    history = CliRunner().invoke(cli, ["quiz", "--history", "--db", str(db_path)])
    assert history.exit_code == 0
    (row,) = history.stdout.splitlines()[1:]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d  all +choice +1/2 +0m 0\ds  all chapters", row)


def test_typed_quiz_right_close_and_wrong(db_path: Path):
    known = answers(db_path)
    child = spawn(
        db_path, "quiz", "--seed", "1", "--count", "3", "--mode", "typed", "--chapter", "2"
    )
    for number in (1, 2, 3):
        front = next_question(child, number, 3)
        back, chapter = known[front]
        assert chapter == "Chapter 2: Sample Chapter 2"
        child.expect(exact("Type the answer and press Enter (q alone quits).\r\n> "))
        if number == 1:
            child.send(back.upper() + "\r")
            child.expect(exact("Right."))
        elif number == 2:
            typo = back[0] + back[2:]  # one letter dropped
            child.send(typo + "\r")
            child.expect(exact(f"Close enough.\r\n  expected: {back}\r\n  you typed: {typo}"))
        else:
            child.send("no idea\r")
            child.expect(exact(f"Wrong. The answer is: {back}"))
        if number < 3:
            child.expect(exact("[any key] next"))
            child.send(" ")
    out = finish(child)
    assert "Score: 2/3 in 0m 0" in out
    assert "Missed:\r\n  3. " in out


def test_flip_quiz_reveal_and_self_grade(db_path: Path):
    known = answers(db_path)
    child = spawn(db_path, "quiz", "--seed", "4", "--count", "2", "--mode", "flip", "--weakest")
    for number, grade in ((1, "y"), (2, "n")):
        front = next_question(child, number, 2)
        child.expect(exact("[Space/Enter] show the answer  [q] quit"))
        child.send(" ")
        child.expect(exact(known[front][0] + "\r\n\r\nDid you know it? [y] yes  [n] no  [q] quit"))
        child.send(grade)
        if number == 1:
            child.expect(exact("[any key] next"))
            child.send("\r")
    out = finish(child)
    assert "Score: 1/2 in 0m 0" in out
    history = CliRunner().invoke(cli, ["quiz", "--history", "--db", str(db_path)])
    assert " flip* " in history.stdout and history.stdout.endswith("* weakest cards\n")


def talks(db: Path) -> list[tuple[int, int]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT duration_ms, qualified FROM topic_talks ORDER BY id").fetchall()
    conn.close()
    return rows


def test_timing_lights_change_colour_and_the_time_is_kept(db_path: Path):
    child = spawn(
        db_path,
        "topics",
        *("--seed", "1", "--count", "1", "--green", "0:01", "--yellow", "0:02", "--red", "0:03"),
        color=True,
    )
    child.expect(r"How would you apply chapter \d at work\?")
    child.expect(exact("[any key] start the clock"))
    child.send("x")
    for code, light in (("100", "NO LIGHT YET"), ("42", "GREEN"), ("43", "YELLOW"), ("41", "RED")):
        child.expect(exact(f"\x1b[{code}m"))
        child.expect(rf"0:0\d  {light}")
    child.send("\r")
    child.expect(r"Time: 0:03, qualified\.")
    out = finish(child)
    assert "Table Topics: 1/1 inside 0:01-0:33" in out
    ((duration, qualified),) = talks(db_path)
    assert 3000 <= duration < 4500 and qualified == 1


def test_timing_lights_without_colour_are_words(db_path: Path):
    child = spawn(
        db_path,
        "topics",
        *("--seed", "1", "--count", "2", "--green", "0.3", "--yellow", "0.6", "--red", "0.9"),
    )
    child.expect(exact("Topic 1/2"))
    child.expect(exact("start the clock"))
    child.send("x")
    child.expect(r"GREEN at 0:00\r+\nYELLOW at 0:00\r+\nRED at 0:00\r+\n")
    child.send("\r")
    child.expect(exact("[any key] next topic  [q] quit"))
    child.send(" ")
    child.expect(exact("Topic 2/2"))
    child.expect(exact("start the clock"))
    child.send("x")
    child.send(" ")  # Space ends the answer as Enter does; at once: too short
    out = finish(child)
    assert "Table Topics: 1/2 inside 0.3s-30.9s" in out
    assert "short (under 0.3s)" in out
    assert "\x1b[" not in out
    assert [qualified for _, qualified in talks(db_path)] == [1, 0]


@pytest.mark.parametrize("command", ["quiz", "topics"])
def test_q_at_the_first_prompt_records_nothing(db_path: Path, command: str):
    child = spawn(db_path, command, "--seed", "1")
    child.expect(exact("[q] quit"))
    child.send("q")
    out = finish(child)
    assert "nothing was recorded" in out or "No answers timed." in out
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM quiz_runs").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM topic_talks").fetchone() == (0,)
    conn.close()
