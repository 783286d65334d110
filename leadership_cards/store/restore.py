"""Putting a backup in place of the collection. The backup is copied first and only the copy
is checked and, if it is older, upgraded, so the backup itself never changes; the copy then
replaces the collection's content in one SQLite transaction, so the collection is either
wholly restored or untouched."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from leadership_cards.backup import Backup, remove_database, take, verify
from leadership_cards.errors import StoreError
from leadership_cards.files import create_private_file, private_folder
from leadership_cards.store import schema


def restore(db: Path, backup: Backup, now: datetime) -> Path | None:
    """Put `backup` in place of the collection, after backing up the collection as it is;
    the backup of it, or None when there was no collection."""
    private_folder(db.parent)
    fd, temp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".restoring", dir=db.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with open(backup.path, "rb") as source_file, open(temp, "wb") as copy:
            while chunk := source_file.read(1 << 20):
                copy.write(chunk)
        if verify(temp) < schema.VERSION:
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                schema.migrate(conn)
            finally:
                conn.close()
        saved = take(db, "before-restore", now) if db.exists() else None
        create_private_file(db)
        source = sqlite3.connect(temp)
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
    finally:
        remove_database(temp)
    return saved
