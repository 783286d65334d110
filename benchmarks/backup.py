"""Seconds to take a backup (copy, quick check, rename) of a large collection, beside the
full integrity check that `backup restore` gives the file it is handed.

Run: python benchmarks/backup.py [--runs N] [--cards 10000,100000]
Each collection comes from make_collection.py, with ten reviews a card.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_collection  # noqa: E402

from leadership_cards import backup  # noqa: E402

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cards", default="10000,100000")
    args = parser.parse_args()
    for cards in (int(n) for n in args.cards.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "c.db"
            make_collection.main(
                ["--db", str(db), "--cards", str(cards), "--reviews", str(cards * 10)]
            )
            takes, checks = [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                saved = backup.take(db, "manual", NOW)
                takes.append(time.perf_counter() - started)
                started = time.perf_counter()
                backup.verify(saved, thorough=True)
                checks.append(time.perf_counter() - started)
            size = db.stat().st_size / 1e6
            print(
                f"{cards:>7} cards ({size:6.1f} MB): backup {statistics.median(takes):6.3f} s "
                f"median of {args.runs}; a full integrity check {statistics.median(checks):6.3f} s"
            )


if __name__ == "__main__":
    main()
