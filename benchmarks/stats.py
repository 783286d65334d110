"""Median time of `stats --json` on a collection: the in-process core, and a cold CLI run.

python benchmarks/make_collection.py --db /tmp/big.db --cards 100000 --reviews 1000000
python benchmarks/stats.py --db /tmp/big.db
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadership_cards.clock import local_zone, now_utc  # noqa: E402
from leadership_cards.config import scheduler_config  # noqa: E402
from leadership_cards.stats import collect  # noqa: E402
from leadership_cards.store import Store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--deck", help="Also time `stats --deck DECK`.")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"no collection at {args.db}")
    with Store.open(args.db) as store:
        counts = store.counts()
        config = scheduler_config(store)
        for deck in [None, args.deck] if args.deck else [None]:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                collect(store, config, now=now_utc(), zone=local_zone(), deck=deck)
                times.append(time.perf_counter() - started)
            label = f"core, deck {deck}" if deck else "core"
            print(f"{label:<24} median {statistics.median(times) * 1000:7.1f} ms")
    command = [sys.executable, "-m", "leadership_cards", "stats", "--json", "--db", str(args.db)]
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    print(f"{'cold CLI process':<24} median {statistics.median(times) * 1000:7.1f} ms")
    print(f"({counts['cards']} cards, {counts['reviews']} reviews, {args.runs} runs each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
