"""From a path to a reader: regular files only, of bounded size, each format by its name or,
failing that, by what the file holds."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from leadership_cards.errors import SourceError
from leadership_cards.readers.raw import RawBlock

#: Larger than any chapter or handout (a 300-page book as text is about 1 MB); a file past it
#: is refused before it is read, so a mistaken path never fills memory.
MAX_BYTES = 20 * 1024 * 1024
MAX_LABEL = "20 MB"

#: Chapter files by extension; anything else is sniffed (see `sniff`).
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


@dataclass(frozen=True, slots=True)
class ChapterFile:
    format: str  # text, markdown, html or pdf
    blocks: list[RawBlock]


def read_chapter_file(path: Path) -> ChapterFile:
    data = read_bytes(path)
    form = sniff(path, data)
    if form == "pdf":
        from leadership_cards.readers import pdf

        return ChapterFile(form, pdf.read(data, str(path)))
    if form == "html":
        from leadership_cards.readers import html

        return ChapterFile(form, html.read(decode_page(data, path), str(path)))
    text = decode(data, path)
    if form == "markdown":
        from leadership_cards.readers import markdown

        return ChapterFile(form, markdown.read(text, str(path)))
    from leadership_cards.readers import text as page_text

    return ChapterFile(form, page_text.read(text))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a SourceError in one sentence naming the file. Only a regular file
    is opened (a FIFO would block, a device such as /dev/zero never ends), and never more than
    MAX_BYTES of it is read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(f"{path} does not exist.") from None
    except OSError as exc:
        raise SourceError(f"{path} cannot be read: {_reason(exc)}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{path} is a folder, not a chapter file.")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{path} is not a regular file (a device, pipe or socket).")
    if info.st_size > MAX_BYTES:
        raise SourceError(f"{path} is larger than {MAX_LABEL}, the limit for a chapter file.")
    try:
        # O_NONBLOCK: should the path turn into a FIFO after the check, opening never waits.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise SourceError(f"{path} is not a regular file (a device, pipe or socket).")
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{path} cannot be read: {_reason(exc)}.") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"{path} is larger than {MAX_LABEL}, the limit for a chapter file.")
    if not data.strip():
        raise SourceError(f"{path} is empty.")
    return data


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else "unreadable"


def sniff(path: Path, data: bytes) -> str:
    """The file's format: by its extension when it has a known one (a .txt that happens to
    mention <b> stays text), else by its opening bytes."""
    known = FORMATS.get(path.suffix.lower())
    if known:
        return known
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    return "text"


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def decode_page(data: bytes, path: Path) -> str:
    """A saved web page's text: UTF-8, or the character set its <meta> tag declares (pages
    saved from older sites are often windows-1252)."""
    try:
        return decode(data, path)
    except SourceError:
        declared = _CHARSET.search(data[:4096])
        if not declared:
            raise
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            raise SourceError(f"{path} declares an unknown character set.") from None


def decode(data: bytes, path: Path) -> str:
    if b"\x00" in data:
        raise SourceError(f"{path} is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{path} is not UTF-8 text.") from None
