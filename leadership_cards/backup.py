"""Backups of the collection: one a day at the first review (the last seven kept), one before
every schema migration and repair. Restoring one is the store's (`store.restore`), since it
turns the backup into the collection.

Backups live in a folder beside the collection named by its whole file name,
`<file name>-backups/` (older versions kept them in `<stem>-backups/`; those are still listed
and can be restored, but are never pruned or written), and are whole SQLite files made with SQLite's online backup, so they
are consistent even while a review is being written. Each is written to a temporary name of
its own, checked, and only then given its real name: a name to the microsecond with a random
suffix, so backups taken at the same moment by several processes never meet.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from leadership_cards.errors import NotFound, StoreError
from leadership_cards.files import (
    JOURNAL_SUFFIXES,
    PRIVATE_FILE,
    backup_folder,
    older_backup_folder,
    private_folder,
)

KEEP_DAILY = 7
DAILY = "daily"
STAMP = "%Y%m%dT%H%M%S%fZ"
OLD_STAMP = "%Y%m%dT%H%M%SZ"  # names from before microseconds
SQLITE_MAGIC = b"SQLite format 3\x00"
REQUIRED_TABLES = ("decks", "cards", "reviews", "settings")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    reason: str
    taken_at: datetime
    #: Kept by an older version in `<stem>-backups/`, which collections of one stem shared.
    older: bool = False

    @property
    def name(self) -> str:
        return self.path.name


def backups(db: Path) -> list[Backup]:
    """Every backup of `db`, oldest first, those an older version kept included."""
    found = []
    for folder, older in ((backup_folder(db), False), (older_backup_folder(db), True)):
        if older and folder == backup_folder(db):
            continue  # a file name without a suffix: one folder, already listed
        if not folder.is_dir():
            continue
        for path in folder.glob("*.db"):
            parsed = _parse_name(path)
            if parsed is None:
                continue
            try:
                order = path.stat().st_mtime_ns
            except FileNotFoundError:  # pruned by another process meanwhile
                continue
            found.append((parsed[1], order, Backup(path, *parsed, older=older)))
    # Two backups in one moment (a repair right after a manual one) keep their real order.
    return [backup for *_, backup in sorted(found, key=lambda entry: entry[:2])]


def _parse_name(path: Path) -> tuple[str, datetime] | None:
    """(reason, moment) from `<stamp>-<reason>.<suffix>.db` (or the older `<stamp>-<reason>.db`)."""
    stem = path.name.removesuffix(".db")
    stamp, _, rest = stem.partition("-")
    reason = rest.rsplit(".", 1)[0] if "." in rest else rest
    for form in (STAMP, OLD_STAMP):
        try:
            return reason, datetime.strptime(stamp, form).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def verify(path: Path, thorough: bool = True) -> int:
    """The schema version of a sound leadership-cards collection at `path`; anything else (an
    empty, damaged, foreign, table-less or newer file) is refused in one line.

    A `thorough` check is SQLite's full integrity check. A copy we have just made is given the
    quick check (every page and record, without matching indexes to their tables): it finds
    what a failed copy leaves, at a tenth of the time on a large collection (1.5 s instead
    of 20 s for 100,000 cards with a million reviews; see benchmarks/backup.py).
    """
    from leadership_cards.store.schema import APPLICATION_ID, VERSION

    name = path.name
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if not header:
        raise StoreError(f"{name} is empty, not a backup of a collection")
    if header != SQLITE_MAGIC:
        raise StoreError(f"{name} is not a leadership-cards collection (not an SQLite database)")
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open {name}: {error}") from None
    try:
        check = "integrity_check" if thorough else "quick_check"
        problems = [row[0] for row in conn.execute(f"PRAGMA {check}")]
        if problems != ["ok"]:
            raise StoreError(f"{name} is damaged ({problems[0]})")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{name} is damaged ({error})") from None
    finally:
        conn.close()
    if app_id != APPLICATION_ID:
        raise StoreError(f"{name} is not a leadership-cards collection (another program's file)")
    if version > VERSION:
        raise StoreError(
            f"{name} was written by a newer version of leadership-cards (schema {version}, "
            f"this version knows {VERSION}); upgrade to restore it"
        )
    if version < 1 or not set(REQUIRED_TABLES) <= tables:
        raise StoreError(f"{name} holds no collection (its tables are missing)")
    return version


def copy_database(source: sqlite3.Connection | Path, target: Path) -> Path:
    """A consistent copy of a database at `target`, written to a temporary name of its own,
    checked, and then renamed, so a half-written or unsound copy never looks like a backup."""
    private_folder(target.parent)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".partial", dir=target.parent
    )
    os.close(fd)
    temp = Path(temp_name)
    opened = isinstance(source, Path)
    conn = sqlite3.connect(source) if isinstance(source, Path) else source
    try:
        destination = sqlite3.connect(temp)
        try:
            conn.backup(destination)
        finally:
            destination.close()
        verify(temp, thorough=False)
        os.chmod(temp, PRIVATE_FILE)
        os.replace(temp, target)
    except BaseException:
        remove_database(temp)
        raise
    finally:
        if opened:
            conn.close()
    return target


def take(db: Path, reason: str, now: datetime, source: sqlite3.Connection | None = None) -> Path:
    stamp = now.astimezone(UTC).strftime(STAMP)
    target = backup_folder(db) / f"{stamp}-{reason}.{secrets.token_hex(4)}.db"
    return copy_database(source if source is not None else db, target)


def prune(db: Path, keep: int = KEEP_DAILY) -> None:
    daily = [b for b in backups(db) if b.reason == DAILY and not b.older]
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


def remove_database(path: Path) -> None:
    """A temporary database and whatever journal SQLite left beside it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in JOURNAL_SUFFIXES)):
        with contextlib.suppress(OSError):
            leftover.unlink()
