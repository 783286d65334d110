"""Opening the collection file: refusing what is not ours, upgrading what is older, the
connection's settings, transactions and the `settings` table."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from leadership_cards.errors import StoreError
from leadership_cards.files import create_private_file, low_on_space, private_folder
from leadership_cards.store import schema
from leadership_cards.store.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000  # long enough for another terminal's answer, short enough to say so


class StoreBase:
    """An open collection file: its connection, transactions and settings. `Store` adds the
    queries of each concern; use `Store.open`, and close it (or use it as a context manager)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Self:
        """Open (and if need be create or upgrade) the collection at `path`.

        A file that is not ours, is damaged, or was written by a newer version is refused
        before anything is written to it.
        """
        path = Path(path)
        existed = _check_file(path, create)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as error:
            raise StoreError(_explain(path, error)) from None
        store = cls(path, conn)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = _identify(conn, path)
            if version > schema.VERSION:
                raise StoreError(
                    f"{path} was written by a newer version of leadership-cards "
                    f"(schema {version}, this version knows {schema.VERSION}); upgrade to open it"
                )
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable against a killed process in WAL mode; only power loss
            # could take the last transactions.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if version < schema.VERSION:
                _upgrade(conn, path, existed)
        except sqlite3.OperationalError as error:
            conn.close()
            raise StoreError(_explain(path, error)) from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(
                f"{path} is not a usable leadership-cards collection ({error})"
            ) from None
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so two writers queue instead of deadlocking."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def backup(self, target: Path) -> Path:
        """A consistent copy of the collection at `target` (SQLite's online backup)."""
        from leadership_cards.backup import copy_database

        return copy_database(self.conn, target)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM decks)").fetchone()[0] == 1

    # -- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def settings(self) -> dict[str, Any]:
        rows = self.conn.execute("SELECT key, value FROM settings ORDER BY key")
        return {key: json.loads(value) for key, value in rows}

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )


def _upgrade(conn: sqlite3.Connection, path: Path, existed: bool) -> None:
    """Back up and migrate an older (or new, empty) collection under the write lock, the
    version read again inside it: of several processes opening an old collection at once,
    one upgrades it and the others find it done."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < schema.VERSION:
            if existed and version > 0:
                from leadership_cards.backup import take

                # Copied through a connection of its own: in WAL mode it reads beside our
                # write lock, where SQLite's backup from the locking connection would wait.
                take(path, f"before-schema-{schema.VERSION}", datetime.now(UTC))
            schema.migrate(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _explain(path: Path, error: sqlite3.Error) -> str:
    """SQLite's terse errors, said in terms of the user's file."""
    text = str(error)
    if "readonly" in text:
        return f"cannot change {path}: the file or its folder is read-only"
    if "unable to open" in text:
        return f"cannot open {path}: its folder is missing or not writable"
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another process; try again in a moment"
    if "disk is full" in text or ("disk I/O error" in text and low_on_space(path.parent)):
        return f"not enough space to use {path}; nothing was changed"
    return f"cannot use {path}: {text}"


def _check_file(path: Path, create: bool) -> bool:
    """Refuse a path that cannot be a collection; say whether the file already exists."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a collection file")
    if not path.exists():
        if not create:
            raise StoreError(f"no collection at {path}")
        try:
            private_folder(path.parent)
        except OSError as error:
            raise StoreError(f"cannot create {path.parent}: {error.strerror}") from None
        try:
            create_private_file(path)  # a review history is personal, whatever the umask
        except OSError as error:
            raise StoreError(f"cannot create {path}: {error.strerror}") from None
        return False
    if not path.is_file():
        # A pipe would block the first read for ever; a device is nobody's collection.
        raise StoreError(f"{path} is not a regular file, so it cannot be a collection")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if header and header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a leadership-cards collection (not an SQLite database)")
    return bool(header)


def _identify(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of our own file, 0 for a new one; refuses anyone else's."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID:
        return version
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != 0 or has_tables:
        raise StoreError(
            f"{path} is not a leadership-cards collection (another program's database)"
        )
    return 0
