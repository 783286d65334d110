"""`review` in a real pseudo-terminal: reveal, rate, undo, quit, a killed process, two
terminals at once, and no terminal at all."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import spawn_cli
from leadership_cards.store import Store

TIMEOUT = 15


def spawn(db: Path, *args: str) -> pexpect.spawn:
    return spawn_cli(db, "review", *args, timeout=TIMEOUT)


def review_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def answer_one(child: pexpect.spawn, key: str = "3") -> None:
    child.expect("show answer")
    child.send(" ")
    child.expect(r"1 Again \S+ +2 Hard \S+ +3 Good \S+ +4 Easy \S+")
    child.send(key)


def test_reveal_rate_undo_quit(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind != "discussion")
    child = spawn(db_path)
    child.expect("left today: ")
    child.expect_exact(first.front)
    child.send(" ")
    child.expect_exact(first.back)
    child.expect("3 Good 10m")
    child.send("3")
    child.expect("done 1")
    assert review_count(db_path) == 1  # committed the moment it was given
    child.send("u")
    child.expect("Undone.")
    child.expect_exact(first.front)  # the same card again
    assert review_count(db_path) == 0
    child.send(" ")
    child.send("4")
    child.expect("done 1")
    child.send("q")
    child.expect(r"Session done\. Reviewed 1 card, 100% correct, in \dm \d\ds\.\s+Still due today:")
    child.expect(r"Due\s+tomorrow:\s+\d+\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with Store.open(db_path) as store:
        assert store.card(first.id).schedule.state == "review"
        assert [r.rating for r in store.reviews(first.id)] == [4]


def test_sigkill_keeps_every_answer_given(db_path: Path) -> None:
    child = spawn(db_path)
    for _ in range(3):
        answer_one(child)
    child.expect("done 3")
    child.kill(signal.SIGKILL)
    child.close()
    assert review_count(db_path) == 3
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_two_terminals_review_one_collection(db_path: Path) -> None:
    one, two = spawn(db_path), spawn(db_path)
    for _ in range(3):
        answer_one(one)
        answer_one(two)
    for child in (one, two):
        child.expect("done 3")
        child.send("q")
        child.expect("Session done")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    assert review_count(db_path) == 6


def test_nothing_due_says_when_next(db_path: Path) -> None:
    child = spawn(db_path, "--new", "1")
    answer_one(child, "4")  # Easy on a new card: due again in days
    child.expect("Session done")  # the one new card allowed was the day's work
    child.expect(pexpect.EOF)
    child = spawn(db_path, "--new", "0")
    child.expect(r"Nothing is due now\. The next card is due in \d+d \(\d{4}-\d\d-\d\d \d\d:\d\d\)")
    child.expect(pexpect.EOF)


def test_without_a_terminal_it_says_so(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "leadership_cards", "review", "--db", str(db_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == "Error: review needs an interactive terminal (stdin and stdout are not a TTY)\n"
    )
    assert review_count(db_path) == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--deck", "nope"], "Error: no deck named 'nope' (decks: sample)"),
    ],
)
def test_bad_options_are_one_line(db_path: Path, args: list[str], message: str) -> None:
    child = spawn(db_path, *args)
    child.expect_exact(message)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1


def test_suspend_and_bury_keys(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind != "discussion")
    child = spawn(db_path)
    child.expect_exact(first.front)
    child.send("s")  # on the question side
    child.expect(rf"Suspended {first.id[:8]} \(unsuspend with")
    child.expect("show answer")
    child.send(" ")
    child.expect("4 Easy")
    child.send("b")  # on the answer side
    child.expect(r"Buried \w{8} until tomorrow\.")
    child.send("q")
    child.expect(pexpect.EOF)
    with Store.open(db_path) as store:
        assert store.card(first.id).suspended
        buried = [c for c in store.cards() if c.buried_until is not None]
        assert len(buried) == 1 and not buried[0].suspended
    assert review_count(db_path) == 0
