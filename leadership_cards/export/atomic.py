"""Writing an export so that a reader never sees half a file.

The output goes to a temporary file in the target's own folder (so the final rename stays on
one file system and is atomic), and replaces the target only when it is complete. On any
failure the temporary file is removed and an existing target is left as it was.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from leadership_cards.errors import UserError
from leadership_cards.files import PRIVATE_FILE, refuse_collection_file

#: The output path that means standard output.
STDOUT = "-"


def check_target(path: Path, collection: Path | None = None) -> None:
    """Refuse an output path that cannot be written, or must not be (the collection being
    exported, its journals, its backups), before any work is done."""
    parent = path.parent
    if collection is not None:
        refuse_collection_file(path, collection)
    if path.is_dir():
        raise UserError(f"cannot write {path}: it is a folder")
    if not parent.is_dir():
        raise UserError(f"cannot write {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"cannot write {path}: the folder {parent} is not writable")


@contextlib.contextmanager
def atomic_output(
    path: Path, binary: bool = False, collection: Path | None = None, private: bool = False
) -> Iterator[IO]:
    """A file to write the export into; it becomes `path` only if the block succeeds.

    A new `private` file (it carries a member's progress) is readable by its owner only.
    """
    check_target(path, collection)
    remove_abandoned(path)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror}") from None
    temp = Path(temp_name)
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        newline = None if binary else ""
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp, _mode_for(path, private))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_abandoned(path: Path) -> None:
    """Remove the temporary files of earlier exports to `path` whose process was killed
    before it could clean up (the writer's pid is in the name; a live one is left alone)."""
    for temp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        pid = temp.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            temp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mode_for(path: Path, private: bool) -> int:
    """An existing file keeps the permissions its owner gave it; a new one is owner-only
    when private, else gets the usual ones (mkstemp's are owner-only)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        if private:
            return PRIVATE_FILE
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def output(
    target: str | Path,
    binary: bool = False,
    collection: Path | None = None,
    private: bool = False,
) -> Iterator[IO]:
    """Standard output for "-", else an atomically replaced file.

    A binary export on standard output is refused when that is a terminal: it would only
    garble the screen.
    """
    if str(target) != STDOUT:
        with atomic_output(Path(target), binary, collection, private) as file:
            yield file
        return
    if not binary:
        yield sys.stdout
        sys.stdout.flush()
        return
    stream = sys.stdout.buffer
    if stream.isatty():
        raise UserError("refusing to write a binary .apkg to a terminal; use -o FILE or a pipe")
    # Built in memory first, so a failure half way writes nothing to the pipe.
    with tempfile.SpooledTemporaryFile(max_size=64 << 20) as spool:
        yield spool
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            stream.write(chunk)
        stream.flush()
