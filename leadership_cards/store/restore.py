"""Putting a backup in place of the collection: the backup is opened as a collection first, so
a damaged or foreign file is refused before anything changes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from leadership_cards.backup import Backup, take
from leadership_cards.errors import StoreError
from leadership_cards.store import Store


def restore(db: Path, backup: Backup, now: datetime) -> Path:
    """Put `backup` in place of the collection, after backing up the collection as it is."""
    with Store.open(backup.path, create=False):
        pass  # refuses a backup that is damaged or not ours before anything changes
    saved = take(db, "before-restore", now) if db.exists() else None
    source = sqlite3.connect(backup.path)
    try:
        target = sqlite3.connect(db, timeout=10)
        try:
            source.backup(target)  # writes through SQLite, so the WAL stays consistent
        finally:
            target.close()
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot restore while the collection is in use ({error})") from None
    finally:
        source.close()
    return saved or backup.path
