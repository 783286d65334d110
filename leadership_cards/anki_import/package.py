"""Opening what Anki writes: a package (.apkg, .colpkg) or a profile's collection file.

A package is a zip. Anki 2.1.50 and later put the collection in `collection.anki21b`,
zstd-compressed, beside a stub `collection.anki2` that only asks for a newer Anki; older
versions (and "support older Anki versions" exports) write `collection.anki21` or
`collection.anki2` as plain SQLite. The newest one present is read. Media files are the
zip's numbered entries; they are counted, never extracted.

Everything is read from a private copy in a temporary folder, opened read-only, so the
user's files are never changed, and a profile collection that Anki holds open is refused
(Anki keeps an exclusive lock on it while running) rather than read half-written.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from leadership_cards.errors import UserError
from leadership_cards.files import require_regular_file

SQLITE_MAGIC = b"SQLite format 3\x00"
#: Collection entries, newest format first.
COLLECTION_ENTRIES = ("collection.anki21b", "collection.anki21", "collection.anki2")
#: The collection schemas read here: 11 (Anki 2.1 before 2.1.28) to 18 (current).
OLDEST_SCHEMA, NEWEST_SCHEMA = 11, 18


@dataclass(frozen=True, slots=True)
class OpenedCollection:
    """An Anki collection ready to read, and what its package held beside it."""

    conn: sqlite3.Connection
    schema: int
    media: int  # media files in the package, skipped
    kind: str  # "package" or "collection"


@contextmanager
def open_anki(path: Path) -> Iterator[OpenedCollection]:
    """The Anki collection in `path`, read-only; bad input raises one clear UserError."""
    path = Path(path)
    require_regular_file(path, "an .apkg or .colpkg file, or collection.anki2")
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise UserError(f"{path} does not exist") from None
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror}") from None
    with tempfile.TemporaryDirectory(prefix="leadership-cards-import-") as folder:
        copy = Path(folder) / "collection.sqlite"
        if head == SQLITE_MAGIC:
            _copy_profile_collection(path, copy)
            media, kind = 0, "collection"
        elif head[:2] == b"PK":
            media = _extract_package(path, copy)
            kind = "package"
        else:
            raise UserError(f"{path} is not an Anki package or collection")
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True, isolation_level=None)
        try:
            schema = _schema(conn, path)
            yield OpenedCollection(conn, schema, media, kind)
        finally:
            conn.close()


def _copy_profile_collection(path: Path, copy: Path) -> None:
    """A consistent copy of a profile's collection, taken through SQLite (so a WAL is
    included), refused while Anki has the file open."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error as error:
        raise UserError(f"cannot open {path}: {error}") from None
    try:
        source.execute("PRAGMA busy_timeout = 0")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise UserError(
                f"{path} is open in Anki; close Anki (or export a package from it) and try again"
            ) from None
        raise UserError(f"cannot read {path}: {error}") from None
    except sqlite3.DatabaseError as error:
        raise UserError(f"{path} is not a readable Anki collection ({error})") from None
    finally:
        source.close()


def _extract_package(path: Path, copy: Path) -> int:
    """Unpack the package's newest collection to `copy`; returns the media count."""
    import zstandard

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            entry = next((name for name in COLLECTION_ENTRIES if name in names), None)
            if entry is None:
                raise UserError(
                    f"{path} is a zip file but not an Anki package (no collection in it)"
                )
            media = sum(1 for name in names if name.isdigit())
            with archive.open(entry) as packed, copy.open("wb") as out:
                if entry.endswith("21b"):
                    zstandard.ZstdDecompressor().copy_stream(packed, out)
                else:
                    shutil.copyfileobj(packed, out)
    except zipfile.BadZipFile:
        raise UserError(f"{path} is not a complete zip file (truncated or damaged)") from None
    except (EOFError, zlib.error, zipfile.LargeZipFile, zstandard.ZstdError):
        raise UserError(f"{path} is damaged: its collection cannot be unpacked") from None
    return media


def _schema(conn: sqlite3.Connection, path: Path) -> int:
    try:
        row = conn.execute("SELECT ver FROM col").fetchone()
    except sqlite3.DatabaseError:
        raise UserError(f"{path} does not hold an Anki collection") from None
    if row is None:
        raise UserError(f"{path} does not hold an Anki collection")
    schema = int(row[0])
    if schema > NEWEST_SCHEMA:
        raise UserError(
            f"{path} was written by a newer Anki (collection schema {schema}; this version "
            f"reads {OLDEST_SCHEMA} to {NEWEST_SCHEMA}); export it with "
            '"Support older Anki versions" ticked'
        )
    if schema < OLDEST_SCHEMA:
        raise UserError(f"{path} was written by an Anki too old to read (schema {schema})")
    return schema
