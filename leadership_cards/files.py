"""The files that hold a member's history: which paths a writer must never touch, and the
private modes those files are created with.

A review history is personal, so the collection, its journals, its backups and exports that
carry progress are readable by their owner only, whatever the umask says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from leadership_cards.errors import UserError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

#: The files SQLite keeps beside a collection while it is open.
JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


def backup_folder(db: Path) -> Path:
    """Where the backups of `db` live: named by the whole file name, so `work.db` and
    `work.sqlite` never share one."""
    return db.with_name(f"{db.name}-backups")


def older_backup_folder(db: Path) -> Path:
    """Where versions before the per-file folder kept the backups of `db`, by its stem."""
    return db.with_name(f"{db.stem}-backups")


def require_regular_file(path: Path, what: str) -> None:
    """Refuse, in one line, a path that is missing, a folder (`what` says what to give
    instead), or not a regular file: a FIFO would block the read forever and a device such as
    /dev/zero never ends."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UserError(f"{path} does not exist") from None
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror}") from None
    if stat.S_ISDIR(mode):
        raise UserError(f"{path} is a folder; give {what}")
    if not stat.S_ISREG(mode):
        raise UserError(f"{path} is not a regular file (a device, pipe or socket); give {what}")


def collection_files(db: Path) -> list[Path]:
    """The collection file and the journals SQLite keeps beside it."""
    return [db, *(db.with_name(db.name + suffix) for suffix in JOURNAL_SUFFIXES)]


def refuse_collection_file(target: Path, db: Path) -> None:
    """Refuse to write `target` when it is the collection, one of its journals, or inside one
    of its backup folders: by device and inode where the file exists (so a symbolic or hard link to
    it is seen through), else by its resolved path."""
    for protected in collection_files(db):
        if _same_file(target, protected):
            raise UserError(
                f"cannot write {target}: it is the collection {db} (or its journal); "
                "choose another output file"
            )
    if any(_same_file(target.parent, f) for f in (backup_folder(db), older_backup_folder(db))):
        raise UserError(f"cannot write {target}: it is in the collection's backup folder")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return _resolved(a) == _resolved(b)


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by its owner only; an existing folder
    is left as its owner set it."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is narrowed by the umask, never widened


def create_private_file(path: Path) -> bool:
    """Create `path` empty with owner-only permissions unless it exists; True if created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    os.chmod(path, PRIVATE_FILE)
    return True


#: Free space below which an I/O error from SQLite is taken to be a full disk: SQLite says
#: "disk I/O error" when it cannot grow its shared-memory index or its WAL on a full disk.
LOW_SPACE_BYTES = 1 << 20


def low_on_space(folder: Path) -> bool:
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES
