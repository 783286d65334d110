"""Which version of the tool, and which chapter files, made the embedded deck in a collection.

A collection keeps the stamp of the version that generated its embedded deck; when the tool
running now would stamp it differently, the deck is regenerated (see
`collection.refresh_embedded`). The stamp covers the package's own files (the generator and
everything it reads with) and the shipped chapters, on two levels so that checking it costs
almost nothing on every start: `files` digests their names, sizes and modification times
(one `stat` a file), and `content` digests their bytes, read only when `files` differs. A
reinstall that touches the files without changing them costs one read and no regeneration.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import leadership_cards

_PACKAGE = os.path.dirname(os.path.abspath(leadership_cards.__file__))
#: Where the shipped decks live in a source checkout; an installed package holds them inside.
_CHECKOUT_DECKS = os.path.join(os.path.dirname(_PACKAGE), "decks")


@dataclass(frozen=True, slots=True)
class Stamp:
    version: str
    files: str
    content: str

    def to_json(self) -> dict[str, str]:
        return {"version": self.version, "files": self.files, "content": self.content}

    @classmethod
    def from_json(cls, value: Any) -> Stamp | None:
        """The stamp saved in a collection; None for one made before stamps were kept."""
        if not isinstance(value, dict):
            return None
        try:
            return cls(str(value["version"]), str(value["files"]), str(value["content"]))
        except KeyError:
            return None


def current_stamp(saved: Stamp | None = None) -> Stamp:
    """The stamp of the running version; its content digest is taken from `saved` when the
    files have not been touched since `saved` was made."""
    version = leadership_cards.__version__
    paths = list(_files())
    files = hashlib.blake2b(version.encode(), digest_size=12)
    for path in paths:
        info = os.stat(path)
        files.update(f"\x1f{_relative(path)}\x1f{info.st_size}\x1f{info.st_mtime_ns}".encode())
    files_digest = files.hexdigest()
    if saved is not None and saved.files == files_digest:
        return Stamp(version, files_digest, saved.content)
    content = hashlib.blake2b(version.encode(), digest_size=12)
    for path in paths:
        content.update(f"\x1f{_relative(path)}\x1f".encode())
        with open(path, "rb") as file:
            content.update(file.read())
    return Stamp(version, files_digest, content.hexdigest())


def _files() -> Iterator[str]:
    """The package's files and the checkout's shipped decks, in a fixed order (compiled
    bytecode left out: it follows the sources)."""
    for root in (_PACKAGE, _CHECKOUT_DECKS):
        if not os.path.isdir(root):
            continue
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            for name in sorted(names):
                if not name.endswith((".pyc", ".pyo")):
                    yield os.path.join(folder, name)


def _relative(path: str) -> str:
    return os.path.relpath(path, os.path.dirname(_PACKAGE))
