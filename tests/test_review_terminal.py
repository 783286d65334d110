"""`review` in a real pseudo-terminal: reveal, rate, undo, quit, a killed process, two
terminals at once, and no terminal at all."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from conftest import NOW, spawn_cli
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


CLEAR = "\x1b[2J\x1b[H"


def test_confirmations_stay_on_the_next_screen(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind != "discussion")
    child = spawn_cli(db_path, "review", color=True, timeout=TIMEOUT)
    child.expect_exact(first.front)
    child.send("s")
    # The screen is cleared for the next card, and the confirmation is the first thing on it.
    child.expect_exact(CLEAR)
    child.expect(rf"Suspended {first.id[:8]} \(unsuspend with: leadership-cards unsuspend")
    child.expect("show answer")
    child.send("b")
    child.expect_exact(CLEAR)
    child.expect(r"Buried \w{8} until tomorrow\.")
    child.expect("show answer")
    child.send(" ")
    child.expect("4 Easy")
    child.send("3")
    child.expect("done 1")
    child.send("u")
    child.expect_exact(CLEAR)
    child.expect("Undone: the answer to ")
    child.send("q")
    child.expect("Session done")
    child.expect(pexpect.EOF)


def test_f_flags_the_card_and_says_so(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind != "discussion")
    child = spawn(db_path)
    child.expect_exact(first.front)
    child.send("f")
    child.expect_exact("Flagged for later (see: leadership-cards cards --flagged).")
    child.expect("flagged")
    child.expect_exact(first.front)  # the same card, still to answer
    child.send(" ")
    child.expect("4 Easy")
    child.send("3")
    child.expect("done 1")
    child.send("q")
    child.expect(pexpect.EOF)
    with Store.open(db_path) as store:
        assert store.card(first.id).flagged
        assert [c.id for c in store.cards(flagged=True)] == [first.id]
        assert len(list(store.reviews(first.id))) == 1


def test_e_edits_the_card_on_screen(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind != "discussion")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "text = p.read_text().rsplit('## Front', 1)[0]\n"
        "p.write_text(text + '## Front\\nWhat is the edited term?\\n\\n## Back\\nEdited answer\\n')\n"
    )
    child = spawn_cli(
        db_path, "review", timeout=TIMEOUT, env={"EDITOR": f"{sys.executable} {editor}"}
    )
    child.expect_exact(first.front)
    child.send(" ")
    child.expect("4 Easy")
    child.send("e")  # on the answer side
    child.expect_exact("Edited: the new wording is kept when the deck is generated again.")
    child.expect_exact("What is the edited term?")
    child.send(" ")
    child.expect_exact("Edited answer")
    child.send("3")
    child.expect("done 1")
    child.send("q")
    child.expect(pexpect.EOF)
    with Store.open(db_path) as store:
        card = store.card(first.id)
        assert (card.front, card.back) == ("What is the edited term?", "Edited answer")
        assert store.override(first.id).origin == "edit"
        assert len(list(store.reviews(first.id))) == 1


def test_ctrl_c_exits_130_and_keeps_only_whole_answers(db_path: Path) -> None:
    child = spawn(db_path)
    answer_one(child)
    child.expect("done 1")
    child.send(" ")  # the next card's answer is on screen, not yet rated
    child.expect("4 Easy")
    child.send("\x03")
    child.expect("Interrupted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert review_count(db_path) == 1


def test_answers_wrap_at_word_boundaries(db_path: Path) -> None:
    long_answer = " ".join(f"word{i:02d}" for i in range(30))
    with Store.open(db_path) as store:
        first = next(c for c in store.cards() if c.kind == "definition")
        store.set_override(first.id, front=first.front, back=long_answer, origin="edit", now=NOW)
    child = spawn_cli(db_path, "review", width=60, timeout=TIMEOUT)
    child.expect_exact(first.front)
    child.send(" ")
    child.expect("4 Easy")
    shown = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    lines = [line for line in shown.splitlines() if "word" in line]
    assert len(lines) >= 2  # folded ...
    assert all(len(line) <= 60 for line in lines)
    for line in lines:  # ... between words, never inside one
        assert all(w.startswith("word") and len(w) == 6 for w in line.split())


def test_quitting_before_any_answer_says_no_cards_were_reviewed(db_path: Path) -> None:
    child = spawn(db_path)
    child.expect("show answer")
    child.send("q")
    child.expect(r"Session done\. No cards reviewed\.\s+Still due today:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "correct" not in child.before


def test_on_a_narrow_screen_each_key_stays_beside_its_label(db_path: Path) -> None:
    child = spawn_cli(db_path, "review", width=28, timeout=TIMEOUT)
    child.expect(r"\[q\] quit")
    keys_screen = child.before
    child.send(" ")
    child.expect(r"4 Easy \S+")
    buttons_screen = child.before + child.after
    child.send("q")
    child.expect(pexpect.EOF)
    for label in ("[e] edit", "[f] flag", "[s] suspend", "[b] bury", "[u] undo"):
        assert label in keys_screen  # never "[b]" at one line's end and "bury" on the next
    for button in ("1 Again", "2 Hard", "3 Good"):
        assert re.search(re.escape(button) + r" \S+", buttons_screen)
    lines = [line for line in (keys_screen + buttons_screen).splitlines() if "[" in line]
    assert all(len(line.rstrip()) <= 28 for line in lines), lines
