"""How fast `review` starts and answers, on a large collection, in a real pseudo-terminal.

    python benchmarks/make_collection.py --db /tmp/big.db --cards 100000 --reviews 1000000
    python benchmarks/review_latency.py --db /tmp/big.db [--runs 7]

Prints the median of several cold runs: process start to the first card on screen, one
answer recorded to the next card on screen, and the process's peak memory (VmHWM).
The collection is copied first, so the runs do not change the file given.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ENTRY = Path(sys.executable).with_name("leadership-cards")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_run(db: Path) -> tuple[float, float, float]:
    started = time.perf_counter()
    child = pexpect.spawn(
        str(ENTRY),
        ["review", "--db", str(db)],
        env={"NO_COLOR": "1", "TERM": "xterm", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=30,
    )
    child.delaybeforesend = None  # pexpect otherwise sleeps 50 ms before each send
    child.expect("show answer")
    first_card = time.perf_counter() - started
    child.send(" ")
    child.expect("4 Easy")
    answered = time.perf_counter()
    child.send("3")
    child.expect("done 1")
    child.expect("show answer")
    answer = time.perf_counter() - answered
    memory = peak_rss_mib(child.pid)
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    return first_card, answer, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "collection.db"
        shutil.copy(args.db, db)
        one_run(db)  # warm the page cache and take the day's backup, as a real day would
        runs = [one_run(db) for _ in range(args.runs)]
    first, answer, memory = (statistics.median(values) for values in zip(*runs, strict=True))
    print(f"collection: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB)")
    print(f"runs: {args.runs} (after one warm-up)")
    print(f"cold start to first card: median {first * 1000:.0f} ms")
    print(f"answer to next card:      median {answer * 1000:.1f} ms")
    print(f"peak memory (VmHWM):      median {memory:.1f} MiB")


if __name__ == "__main__":
    main()
