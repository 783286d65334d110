"""Seconds to `import anki` a package of 10,000 cards and 100,000 answers, and how the time
grows with the size of the review log.

Run: python benchmarks/import_anki.py [--runs N] [--sizes 1000,10000,100000]
Each size is a count of answers, spread ten to a card over a deck made in the real Anki
engine (`anki`, a test dependency): Basic notes in two decks, every tenth a Cloze note,
answered over the past year. The engine writes the package (current format, zstd); each run
imports it into a fresh copy of an empty collection, so every card and answer is new and
every schedule is replayed. Prints the medians of the runs (wall-clock and CPU seconds: on a
shared machine the second says more) and wall-clock microseconds per answer.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leadership_cards.anki_import import import_anki  # noqa: E402
from leadership_cards.scheduler import SchedulerConfig  # noqa: E402
from leadership_cards.store import Store  # noqa: E402

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
DAY_MS = 86_400_000


def make_package(folder: Path, answers: int, seed: int = 1) -> Path:
    """An Anki package of answers/10 cards with `answers` answers in its review log."""
    from anki.collection import AddNoteRequest, Collection, ExportAnkiPackageOptions

    rng = random.Random(seed)
    col = Collection(str(folder / "collection.anki2"))
    try:
        basic, cloze = col.models.by_name("Basic"), col.models.by_name("Cloze")
        decks = [col.decks.id("Club::Roles"), col.decks.id("Club::Speeches")]
        requests = []
        for i in range(max(1, answers // 10)):
            if i % 10 == 0:
                note = col.new_note(cloze)
                note["Text"] = f"Speech {i} runs {{{{c1::five to seven}}}} minutes."
            else:
                note = col.new_note(basic)
                note["Front"] = f"What does role {i} do at the <b>meeting</b>?"
                note["Back"] = f"Duty number {i}&nbsp;of the evening"
            requests.append(AddNoteRequest(note=note, deck_id=decks[i % 2]))
        col.add_notes(requests)
        card_ids = list(col.find_cards(""))
        start = int(NOW.timestamp() * 1000) - 365 * DAY_MS
        rows = []
        used: set[int] = set()
        per_card = max(1, answers // len(card_ids))
        for n, card_id in enumerate(card_ids):
            moment = start + rng.randrange(DAY_MS)
            for k in range(per_card if n < len(card_ids) - 1 else answers - len(rows)):
                kind = 0 if k < 2 else 1
                ease = rng.choice([1, 3, 3, 3, 4]) if kind else 3
                while moment in used:  # review-log ids are unique: one answer a millisecond
                    moment += 1
                used.add(moment)
                rows.append(
                    (moment, card_id, -1, ease, 1, 0, 2500, rng.randrange(2000, 9000), kind)
                )
                moment += (10 * 60_000) if k < 2 else rng.randrange(1, 30) * DAY_MS
    finally:
        col.close()
    # Straight into the closed collection's review log: through the engine's database
    # proxy each row costs a round trip.
    with contextlib.closing(sqlite3.connect(folder / "collection.anki2")) as conn, conn:
        conn.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    col = Collection(str(folder / "collection.anki2"))
    try:
        out = folder / f"club-{answers}.apkg"
        options = ExportAnkiPackageOptions(with_scheduling=True, legacy=False)
        col.export_anki_package(out_path=str(out), options=options, limit=None)
    finally:
        col.close()
    return out


def time_import(package: Path, empty: Path, folder: Path) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of one import into a fresh collection, and answers added."""
    db = folder / "run.db"
    shutil.copy(empty, db)
    with Store.open(db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        report = import_anki(store, package, SchedulerConfig(), NOW)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return elapsed, cpu, report.answers_added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        empty = folder / "empty.db"
        Store.open(empty).close()
        print(f"{'answers':>8} {'cards':>7} {'median s':>9} {'cpu s':>7} {'us/answer':>10}")
        for size in (int(s) for s in args.sizes.split(",")):
            anki_folder = folder / f"anki-{size}"
            anki_folder.mkdir()
            package = make_package(anki_folder, size)
            times, cpus = [], []
            for _ in range(args.runs):
                elapsed, cpu, added = time_import(package, empty, folder)
                assert added == size, (added, size)
                times.append(elapsed)
                cpus.append(cpu)
            median, cpu = statistics.median(times), statistics.median(cpus)
            print(
                f"{size:>8} {size // 10:>7} {median:>9.2f} {cpu:>7.2f} {median / size * 1e6:>10.1f}"
            )


if __name__ == "__main__":
    main()
