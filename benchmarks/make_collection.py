"""Build a large synthetic collection for benchmarks, through the project's own store.

    python benchmarks/make_collection.py --db /tmp/big.db --cards 100000 --reviews 1000000

Deterministic for a given seed and --now. The cards are spread over several decks and every
state: about a fifth new, a few in (re)learning due within the hour, most in review with due
dates from two weeks overdue to two months ahead, some suspended, a few leeches. Each
reviewed card's history is spread over the past year and ends with the answer its schedule
follows from (state, stability, due and last review agree with the log).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadership_cards.store import DeckInfo, Store  # noqa: E402

DAY = 86400
KINDS = ("key_point", "definition", "technique", "enumeration", "statistic", "claim")


def card_rows(
    rng: random.Random, cards: int, reviews: int, decks: list[str], now: int
) -> tuple[list[tuple], list[tuple]]:
    """The cards and their review log, as rows for `Store.bulk_load`."""
    states = rng.choices(
        ["new", "review", "learning", "relearning"], weights=[20, 74, 3, 3], k=cards
    )
    reviewed = [i for i, state in enumerate(states) if state != "new"]
    # Share the reviews out: each reviewed card gets at least one, the rest at random.
    per_card = dict.fromkeys(reviewed, 1)
    spare = max(0, reviews - len(reviewed))
    if reviewed:
        for i in rng.choices(reviewed, k=spare):
            per_card[i] += 1
    card_out: list[tuple] = []
    review_out: list[tuple] = []
    for i in range(cards):
        deck = decks[i % len(decks)]
        card_id = hashlib.blake2b(f"{deck}/{i}".encode(), digest_size=6).hexdigest()
        chapter = f"Chapter {1 + (i // len(decks)) % 5}"
        kind = KINDS[i % len(KINDS)]
        content = (
            card_id,
            deck,
            chapter,
            kind,
            f"Question {i} about {chapter.lower()}?",
            f"Answer {i}",
            None,
            json.dumps([deck]),
            f"chapter-{1 + (i // len(decks)) % 5}.txt",
            f"paragraph {i % 40}",
            "",
            f"{deck}/item{i // 2}",
            i // len(decks),
            now - 400 * DAY,
        )
        state = states[i]
        if state == "new":
            card_out.append((*content, "new", None, None, None, None, None, 0, 0, 0, 0))
            continue
        history, schedule = _history(rng, card_id, per_card[i], state, now)
        review_out.extend(history)
        card_out.append((*content, *schedule))
    return card_out, review_out


def _history(
    rng: random.Random, card_id: str, count: int, state: str, now: int
) -> tuple[list[tuple], tuple]:
    """One card's answers, oldest first, and the schedule the last one leaves."""
    first = now - rng.randint(DAY, 365 * DAY)
    times = sorted(rng.randint(first, now - 600) for _ in range(count - 1))
    times = [first, *times] if count > 1 else [first]
    rows = []
    before, stability, difficulty, lapses = "new", 0.0, rng.uniform(3, 8), 0
    for n, at in enumerate(times):
        last = n == len(times) - 1
        if before == "new":
            rating = rng.choices((1, 2, 3, 4), weights=(20, 10, 50, 20))[0]
        else:
            rating = rng.choices((1, 2, 3, 4), weights=(10, 10, 65, 15))[0]
        if last and state == "relearning":
            rating = 1
        if rating == 1 and before == "review":
            lapses += 1
        gap = (times[n + 1] - at) / DAY if not last else rng.uniform(0.5, 40)
        stability = max(0.1, gap * rng.uniform(0.8, 1.5))
        if last and state in ("learning", "relearning"):
            after = state
        elif rating == 1:
            after = "relearning" if before == "review" else "learning"
        else:
            after = "review"
        rows.append(
            (
                card_id,
                rating,
                at * 1000 + rng.randint(0, 999),
                rng.randint(1500, 25000),
                before,
                after,
                stability,
                difficulty,
                at + int(stability * DAY),
            )
        )
        before = after
    last_at = times[-1]
    if state in ("learning", "relearning"):
        due = now + rng.randint(-600, 3600)
        step = 0
    else:
        # Due from two weeks overdue to two months ahead, as a real collection's reviews are.
        due = now + rng.randint(-14 * DAY, 60 * DAY)
        due = max(due, last_at + DAY)
        step = None
    leech = int(lapses >= 8 or rng.random() < 0.002)
    suspended = int(leech or rng.random() < 0.02)
    schedule = (
        state,
        step,
        max(0.1, (due - last_at) / DAY),
        difficulty,
        due,
        last_at,
        count,
        lapses,
        suspended,
        leech,
    )
    return rows, schedule


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--decks", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--now", help="ISO time the collection is built around (default: now)")
    args = parser.parse_args(argv)
    if args.db.exists():
        parser.error(f"{args.db} exists; give a new path")
    now = datetime.fromisoformat(args.now) if args.now else datetime.now(UTC)
    started = time.perf_counter()
    rng = random.Random(args.seed)
    names = [f"bench-{n + 1}" for n in range(args.decks)]
    cards, reviews = card_rows(rng, args.cards, args.reviews, names, int(now.timestamp()))
    built = time.perf_counter()
    with Store.open(args.db) as store:
        store.bulk_load(
            [DeckInfo(name, f"Benchmark deck {name}", origin="benchmark") for name in names],
            cards,
            reviews,
            now,
        )
    print(
        f"{args.db}: {len(cards)} cards, {len(reviews)} reviews "
        f"(generated in {built - started:.1f}s, loaded in {time.perf_counter() - built:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
