"""How long a member waits for the first quiz question, in a real pseudo-terminal.

Builds a collection with a deck the size of the real one (240 cards over 4 chapters, a third of
them reviewed) and prints the median of several runs from launching `leadership-cards quiz` to
"Question 1/10" on screen, for a drawn quiz and for `--weakest` (which loads the memory model).

    .venv/bin/python benchmarks/quiz_start.py [runs]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pexpect

from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.scheduler import Rating, Scheduler, SchedulerConfig
from leadership_cards.store import Answer, DeckInfo, Store

NOW = datetime.now(UTC)
KINDS = [Kind.KEY_POINT, Kind.DEFINITION, Kind.TECHNIQUE, Kind.STATISTIC, Kind.CLAIM]


def build(path: Path) -> None:
    rng = random.Random(1)
    cards = []
    for c in range(1, 5):
        for i in range(60):
            kind = KINDS[i % len(KINDS)]
            words = " ".join(f"word{rng.randrange(500)}" for _ in range(rng.randrange(2, 12)))
            cards.append(
                Card(
                    "bench",
                    f"Chapter {c}",
                    kind,
                    f"Question {c}.{i} about {words}?",
                    f"Answer {c}.{i}: {words}",
                    SourceRef(f"c{c}.txt", f"paragraph {i}"),
                    f"bench/{c}/{i}",
                )
            )
    scheduler = Scheduler(SchedulerConfig(fuzz=False))
    with Store.open(path) as store:
        store.sync_deck(DeckInfo("bench", "Bench"), cards, NOW)
        for card in cards[::3]:
            when = NOW - timedelta(days=rng.randrange(1, 60))
            before = store.schedule_of(card.id)
            after = scheduler.answer(before, Rating.GOOD, when)
            store.record(Answer(card.id, 3, when, 4000, before, after), None)


def first_question(db: Path, *args: str) -> float:
    env = dict(os.environ, TERM="xterm", NO_COLOR="1")
    started = time.perf_counter()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "leadership_cards", "quiz", "--db", str(db), "--seed", "1", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact("Question 1/10")
    elapsed = time.perf_counter() - started
    child.send("q\r")  # q quits; a typed answer also needs Enter
    child.expect(pexpect.EOF)
    child.close()
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        build(db)
        for label, args in (
            ("quiz (choice)", ()),
            ("quiz --mode typed", ("--mode", "typed")),
            ("quiz --weakest", ("--weakest",)),
        ):
            times = [first_question(db, *args) for _ in range(runs)]
            print(
                f"{label:<20} first question after {statistics.median(times) * 1000:6.0f} ms "
                f"(median of {runs})"
            )


if __name__ == "__main__":
    main()
