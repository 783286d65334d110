"""Where a deck's chapters come from: the shipped Inner Leadership folder or a user's own files.

A deck folder may carry a `deck.toml` manifest (name, title, publisher, source address and the
chapters in reading order, each with its files); without one, every chapter file in it (page
text, Markdown, HTML or PDF) is a chapter, in name order, and every other file is skipped
with its reason, for `add` to report.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from leadership_cards.errors import SourceError
from leadership_cards.readers.files import FORMATS
from leadership_cards.source import Document, read_document

MANIFEST = "deck.toml"
OVERRIDES = "overrides.toml"
EMBEDDED_DECK = "inner-leadership"
CHAPTER_SUFFIXES = tuple(FORMATS)


@dataclass(frozen=True, slots=True)
class ChapterSource:
    title: str
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in an added folder that is not a chapter, and why."""

    path: Path
    reason: str  # e.g. "is empty", "is not a chapter file (.txt, .md, .html or .pdf)"

    def __str__(self) -> str:
        """ "notes.pdf, which has no text layer" """
        verb = self.reason.split(" ", 1)[0]
        joint = ", which " if verb in ("is", "has", "holds", "yields") else ": "
        return f"{self.path.name}{joint}{self.reason}"


@dataclass(frozen=True, slots=True)
class DeckSource:
    name: str
    title: str
    chapters: tuple[ChapterSource, ...]
    folder: Path | None = None
    publisher: str = ""
    source: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False)
    skipped: tuple[Skipped, ...] = field(default=(), compare=False)  # files of a folder left out
    # Chapters already read (to find their titles), so generating does not read them twice.
    documents: dict[Path, Document] = field(default_factory=dict, compare=False, repr=False)

    def document(self, path: Path) -> Document:
        """The chapter file's document, read once."""
        if path not in self.documents:
            self.documents[path] = read_document(path)
        return self.documents[path]

    @property
    def overrides_path(self) -> Path | None:
        """The folder's overrides.toml, if it has one."""
        if self.folder is None:
            return None
        path = self.folder / OVERRIDES
        return path if path.is_file() else None


@lru_cache(maxsize=256)
def slugify(text: str) -> str:
    """ "Chapter 5: Technique 2" -> "chapter-5-technique-2". Cached: every card of a chapter
    names its item by the chapter's slug."""
    slug = _NOT_SLUG.sub("-", text.casefold()).strip("-_")
    return slug or "deck"


_NOT_SLUG = re.compile(r"[^\w]+")


def embedded_deck_dir(name: str = EMBEDDED_DECK) -> Path:
    """The folder of a deck that ships with the package, installed or in a source checkout."""
    candidates = []
    try:
        packaged = resources.files("leadership_cards") / "decks" / name
        candidates.append(Path(str(packaged)))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - zipped or odd installs
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "decks" / name)
    for folder in candidates:
        if (folder / MANIFEST).is_file():
            return folder
    raise SourceError(f"The shipped deck {name!r} is missing from this installation.")


def embedded_deck(name: str = EMBEDDED_DECK) -> DeckSource:
    return load_manifest(embedded_deck_dir(name))


def load_manifest(folder: str | Path) -> DeckSource:
    """Read `folder/deck.toml`. Every chapter file it names must exist."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        raise SourceError(f"{folder} has no {MANIFEST}.")
    data = read_toml(path, "manifest")
    chapters_data = data.get("chapters")
    if not isinstance(chapters_data, list) or not chapters_data:
        raise SourceError(f"{path} lists no [[chapters]].")
    chapters = []
    for number, entry in enumerate(chapters_data, 1):
        files = entry.get("files") if isinstance(entry, dict) else None
        title = entry.get("title") if isinstance(entry, dict) else None
        if not isinstance(title, str) or not title.strip():
            raise SourceError(f"{path}: chapter {number} has no title.")
        if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
            raise SourceError(f"{path}: chapter {number} ({title}) lists no files.")
        paths = tuple(_inside(folder, f, path) for f in files)
        for chapter_file in paths:
            if not chapter_file.is_file():
                raise SourceError(f"{path}: chapter file {chapter_file.name} does not exist.")
        chapters.append(ChapterSource(title.strip(), paths))
    name = data.get("name")
    name = slugify(name) if isinstance(name, str) and name.strip() else slugify(folder.name)
    title = data.get("title")
    known = {"name", "title", "publisher", "source", "chapters"}
    return DeckSource(
        name=name,
        title=title.strip() if isinstance(title, str) and title.strip() else folder.name,
        chapters=tuple(chapters),
        folder=folder,
        publisher=str(data.get("publisher", "")),
        source=str(data.get("source", "")),
        extra={k: v for k, v in data.items() if k not in known},
    )


def read_toml(path: Path, what: str) -> dict:
    """A deck folder's TOML file; one line for anything unreadable, nesting too deep included."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{path} is not a valid {what}: {exc}.") from None
    except RecursionError:
        raise SourceError(f"{path} is not a valid {what}: it is nested too deeply.") from None


def _inside(folder: Path, name: str, manifest: Path) -> Path:
    """A chapter file the manifest names, which must lie in the deck's folder: a manifest
    cannot make cards (and exports) out of files elsewhere, through `..`, an absolute path
    or a symbolic link leading out."""
    chapter = folder / name
    if Path(name).is_absolute() or not chapter.resolve().is_relative_to(folder.resolve()):
        raise SourceError(f"{manifest}: chapter file {name!r} is outside the deck's folder.")
    return chapter


def deck_from_paths(
    paths: list[str | Path] | tuple[str | Path, ...], name: str | None = None
) -> DeckSource:
    """A deck from a user's chapter files and folders.

    A single folder with a deck.toml uses it. Otherwise each .txt/.md file (folders are
    expanded, in name order) is one chapter, titled by the title found in it or by its file
    name. The deck name defaults to the folder or first file's stem, slugified; a deck of
    one chapter file takes that chapter's title as its own.
    """
    if not paths:
        raise SourceError("No chapter files were given.")
    resolved = [Path(p) for p in paths]
    for p in resolved:
        if not p.exists():
            raise SourceError(f"{p} does not exist.")
    if len(resolved) == 1 and resolved[0].is_dir() and (resolved[0] / MANIFEST).is_file():
        deck = load_manifest(resolved[0])
        if name:
            deck = DeckSource(
                slugify(name),
                deck.title,
                deck.chapters,
                deck.folder,
                deck.publisher,
                deck.source,
                deck.extra,
            )
        return deck
    files: list[Path] = []
    skipped: list[Skipped] = []
    documents: dict[Path, Document] = {}
    for p in resolved:
        if not p.is_dir():
            files.append(p)
            continue
        found = []
        for f in sorted(p.iterdir()):
            if f.name in (MANIFEST, OVERRIDES):
                continue
            reason = _not_a_chapter(f)
            if reason is None:
                try:
                    documents[f] = read_document(f)
                except SourceError as error:
                    reason = _reason(error, f)
            if reason is None:
                found.append(f)
            else:
                skipped.append(Skipped(f, reason))
        if not found:
            raise SourceError(f"{p} holds no chapter files (.txt, .md, .html or .pdf).")
        files.extend(found)
    chapters = []
    for f in files:
        if f not in documents:
            documents[f] = read_document(f)
        doc = documents[f]
        title = doc.title.text if doc.title else _title_from_stem(f.stem)
        chapters.append(ChapterSource(title, (f,)))
    first = resolved[0]
    stem = first.name if first.is_dir() else first.stem
    deck_name = slugify(name or stem)
    folder = first if first.is_dir() and len(resolved) == 1 else None
    if name:
        title = name
    elif len(chapters) == 1 and not first.is_dir():
        title = chapters[0].title  # one chapter file: the deck is that chapter
    else:
        title = _title_from_stem(stem)
    return DeckSource(
        deck_name, title, tuple(chapters), folder, skipped=tuple(skipped), documents=documents
    )


def _not_a_chapter(path: Path) -> str | None:
    """Why a folder's entry is not read as a chapter, before opening it; None if it may be."""
    if path.is_symlink() and not path.exists():
        return "is a broken link"
    if path.is_dir():
        return "is a folder (folders inside a folder are not read)"
    if path.suffix.lower() not in CHAPTER_SUFFIXES:
        return "is not a chapter file (.txt, .md, .html or .pdf)"
    return None


def _reason(error: SourceError, path: Path) -> str:
    """ "/notes/x.pdf is empty." -> "is empty": the reason, for a line that names the file."""
    message = str(error)
    if message.startswith(str(path)):
        message = message[len(str(path)) :].lstrip(": ")
    return message.rstrip(".")


def _title_from_stem(stem: str) -> str:
    words = re.sub(r"^[\d\s._-]+", "", stem).replace("_", " ").replace("-", " ").split()
    if not words:
        return stem
    text = " ".join(words)
    return text[0].upper() + text[1:]
