"""Seconds to export 10,000 and 100,000 cards, beside genanki alone writing the same notes.

Run: python benchmarks/export.py [--runs N] [--sizes 10000,100000]
The collection is built through the store (cards of every shape, a tenth of them cloze);
"genanki alone" builds the same notes in memory and writes them with `Package.write_to_file`,
so the difference is our overhead: streaming from SQLite, escaping, the fixed-date zip.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.export import ExportOptions, export
from leadership_cards.export.apkg import models, note_fields, note_guid
from leadership_cards.export.fields import anki_deck_name, anki_id, tags_for
from leadership_cards.store import DeckInfo, Store

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def synthetic(n: int) -> list[Card]:
    cards = []
    for i in range(n):
        chapter = f"Chapter {i % 5 + 1}: Part {i % 5 + 1}"
        source = SourceRef(f"ch{i % 5}.txt", f"paragraph {i}", f"Passage {i} & <text>.")
        if i % 10 == 0:
            cloze = f"Leaders rely on {{{{c1::value {i}}}}}, not rank."
            front = f"Leaders rely on [...], not rank {i}."
            cards.append(
                Card("bench", chapter, Kind.CLAIM, front, f"value {i}", source, f"i{i}", cloze)
            )
        else:
            cards.append(
                Card(
                    "bench",
                    chapter,
                    Kind.DEFINITION,
                    f"What is term {i}?",
                    f"Answer {i}",
                    source,
                    f"i{i}",
                )
            )
    return cards


def build(folder: Path, n: int) -> Path:
    path = folder / f"bench-{n}.db"
    with Store.open(path) as store:
        store.sync_deck(DeckInfo("bench", "Bench"), synthetic(n), NOW)
    return path


def time_ours(db: Path, target: Path, fmt: str) -> float:
    with Store.open(db) as store:
        start = time.perf_counter()
        export(store, fmt, target, ExportOptions(), NOW)
        return time.perf_counter() - start


def time_read(db: Path) -> float:
    """Streaming the cards out of the store, which every export does and genanki alone not."""
    with Store.open(db) as store:
        start = time.perf_counter()
        for _ in store.cards():
            pass
        return time.perf_counter() - start


def time_genanki(db: Path, target: Path) -> float:
    """genanki's own way: every note in memory, then Package.write_to_file."""
    import genanki

    with Store.open(db) as store:
        cards = list(store.cards())
    start = time.perf_counter()
    note_types = models()
    decks: dict[str, genanki.Deck] = {}
    for card in cards:
        name = anki_deck_name("Bench", card.chapter)
        deck = decks.get(name) or decks.setdefault(name, genanki.Deck(anki_id(name), name))
        model_id, fields = note_fields(card)
        deck.add_note(
            genanki.Note(
                model=note_types[model_id],
                fields=fields,
                tags=tags_for(card),
                guid=note_guid(card.id),
            )
        )
    genanki.Package(list(decks.values())).write_to_file(str(target), timestamp=NOW.timestamp())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in (int(size) for size in args.sizes.split(",")):
            db = build(folder, n)
            rows = {
                "anki (ours)": [time_ours(db, folder / "a.apkg", "anki") for _ in range(args.runs)],
                "genanki alone": [time_genanki(db, folder / "g.apkg") for _ in range(args.runs)],
                "store read": [time_read(db) for _ in range(args.runs)],
                "csv": [time_ours(db, folder / "a.csv", "csv") for _ in range(args.runs)],
                "markdown": [time_ours(db, folder / "a.md", "markdown") for _ in range(args.runs)],
                "json": [time_ours(db, folder / "a.json", "json") for _ in range(args.runs)],
            }
            for name, times in rows.items():
                print(
                    f"{n:>7} cards  {name:<14} median {statistics.median(times):7.3f} s  ({args.runs} runs)"
                )
            ours, alone = (statistics.median(rows[k]) for k in ("anki (ours)", "genanki alone"))
            print(f"{n:>7} cards  overhead over genanki alone: {100 * (ours / alone - 1):+.0f}%")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
