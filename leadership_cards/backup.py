"""Backups of the collection: one a day at the first review (the last seven kept), one before
every schema migration and repair. Restoring one is the store's (`store.restore`), since it
opens the backup as a collection first.

Backups live in a folder beside the collection, `<name>-backups/`, and are whole SQLite files
made with SQLite's online backup, so they are consistent even while a review is being written.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from leadership_cards.errors import NotFound

KEEP_DAILY = 7
DAILY = "daily"
STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    reason: str
    taken_at: datetime

    @property
    def name(self) -> str:
        return self.path.name


def backup_folder(db: Path) -> Path:
    return db.with_name(f"{db.stem}-backups")


def backups(db: Path) -> list[Backup]:
    """Every backup of `db`, oldest first."""
    folder = backup_folder(db)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        stamp, _, reason = path.stem.partition("-")
        try:
            taken = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, reason, taken))
    # Two backups in one second (a repair right after a manual one) keep their real order.
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.stat().st_mtime_ns))


def copy_database(source: sqlite3.Connection | Path, target: Path) -> Path:
    """A consistent copy of a database, written to a temporary name and then renamed, so a
    half-written backup never looks like a whole one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    opened = isinstance(source, Path)
    conn = sqlite3.connect(source) if isinstance(source, Path) else source
    try:
        destination = sqlite3.connect(partial)
        try:
            conn.backup(destination)
        finally:
            destination.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if opened:
            conn.close()
    return target


def take(db: Path, reason: str, now: datetime, source: sqlite3.Connection | None = None) -> Path:
    target = backup_folder(db) / f"{now.astimezone(UTC).strftime(STAMP)}-{reason}.db"
    return copy_database(source if source is not None else db, target)


def prune(db: Path, keep: int = KEEP_DAILY) -> None:
    daily = [backup for backup in backups(db) if backup.reason == DAILY]
    for old in daily[:-keep] if keep else daily:
        old.path.unlink(missing_ok=True)


def daily_due(db: Path, day_start: datetime) -> bool:
    """True when no daily backup was taken in the current study day."""
    return not any(b.reason == DAILY and b.taken_at >= day_start for b in backups(db))


class DailyBackup:
    """The day's backup, taken in a background thread with its own connection so the first
    card is on screen at once; `finish` waits for it before the process exits."""

    def __init__(self, db: Path, now: datetime) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(db, now), daemon=True)
        self._thread.start()

    def _run(self, db: Path, now: datetime) -> None:
        try:
            take(db, DAILY, now)
            prune(db)
        except BaseException as error:  # reported by finish(), never lost silently
            self._error = error

    def finish(self) -> BaseException | None:
        self._thread.join()
        return self._error


def find(db: Path, name: str) -> Backup:
    """A backup by file name, or the newest for "latest"."""
    found = backups(db)
    if not found:
        raise NotFound(f"no backups of {db} yet")
    if name == "latest":
        return found[-1]
    for backup in found:
        if name in (backup.name, backup.path.stem):
            return backup
    raise NotFound(f"no backup named {name!r} (see `leadership-cards backup list`)")
