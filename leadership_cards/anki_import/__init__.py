"""`import anki|csv`: the way back from Anki, and any Anki deck or spreadsheet taken in.

- `package`: opening an .apkg, .colpkg or a profile's collection file, read-only;
- `reader`: an Anki collection's notes, cards and review log, in either schema;
- `csvtext`: Anki's text format;
- `text`: note HTML reduced to card text, cloze deletions;
- `importer`: matching, merging answers, replaying schedules, in one transaction;
- `report`: what the import did.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from leadership_cards.anki_import.importer import Progress, run_import
from leadership_cards.anki_import.notes import Skipped
from leadership_cards.anki_import.report import ImportReport
from leadership_cards.scheduler import SchedulerConfig
from leadership_cards.store import Store


def import_anki(
    store: Store,
    path: Path,
    config: SchedulerConfig,
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Bring in what an Anki package or collection file holds."""
    from leadership_cards.anki_import.package import open_anki
    from leadership_cards.anki_import.reader import read_notes

    skipped = Skipped()
    with open_anki(path) as opened:
        notes = list(read_notes(opened.conn, skipped))
    return run_import(
        store,
        notes,
        source=Path(path).name,
        config=config,
        now=now,
        skipped=skipped,
        media=opened.media,
        dry_run=dry_run,
        progress=progress,
    )


def import_csv(
    store: Store,
    path: Path,
    config: SchedulerConfig,
    now: datetime,
    *,
    deck: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Bring in the notes of a file in Anki's text format."""
    from leadership_cards.anki_import.csvtext import read_csv

    notes = read_csv(Path(path), deck)
    return run_import(
        store,
        notes,
        source=Path(path).name,
        config=config,
        now=now,
        dry_run=dry_run,
        progress=progress,
    )
