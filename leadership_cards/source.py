"""Reading a chapter file into a document the extractors can trust.

Chapter pages are saved from the web, so they carry page furniture (navigation lines, the club
banner, "on Meetup" links) that must never reach a card. What is left is a flat sequence of
blocks: headings, paragraphs and numbered lists. A list is classified by what it holds (key
points, discussion questions, or the items named by the heading above it) because the
extractors treat each very differently. Text is only ever text: markup is never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from leadership_cards.errors import SourceError

# Page furniture: whole lines that belong to the web page, not to the chapter.
_FURNITURE = re.compile(
    r"""^(?:
        table\ of\ contents\b.*
      | previous\ section\b.*
      | next\ section\b.*
      | westside\ toastmasters\ is\ located\ in\b.*
      | .{0,60}\bon\ meetup
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$")
_CHAPTER_TITLE = re.compile(
    r"^(?:chapter\s+(?P<chapter>\d+)\s*[:.\-–—]\s*)?"
    r"(?:technique\s+(?P<technique>\d+)\s*[:.\-–—]\s*)?(?P<subject>.+)$",
    re.IGNORECASE,
)
_HEADING_MAX_WORDS = 12


def is_furniture(line: str) -> bool:
    """True for a line of page furniture (navigation, club banner, "on Meetup")."""
    line = line.strip()
    return len(line) <= 160 and bool(_FURNITURE.match(line))


class ListRole(StrEnum):
    KEY_POINTS = "key_points"
    QUESTIONS = "questions"
    ITEMS = "items"  # the numbered items a heading names, e.g. "Service Techniques"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    number: int  # 1-based among the document's headings


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    number: int  # 1-based among the document's paragraphs


@dataclass(frozen=True, slots=True)
class ListItem:
    number: int  # as printed
    text: str


@dataclass(frozen=True, slots=True)
class NumberedList:
    items: tuple[ListItem, ...]
    role: ListRole
    label: str = ""  # for ITEMS: the heading that names them, e.g. "Service Techniques"

    @property
    def item_noun(self) -> str:
        """What one item is called in a source position: "key point", "technique"..."""
        if self.role is ListRole.KEY_POINTS:
            return "key point"
        if self.role is ListRole.QUESTIONS:
            return "discussion question"
        words = self.label.split()
        return singular(words[-1].lower()) if words else "item"


Block = Heading | Paragraph | NumberedList


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    chapter_number: int | None = None
    technique_number: int | None = None
    subject: str = ""  # the title without its chapter/technique numbers


@dataclass(frozen=True, slots=True)
class Document:
    """One chapter file, furniture removed."""

    file: str  # the file name, as cards cite it
    title: Title | None
    blocks: tuple[Block, ...] = field(default=())

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def lists(self) -> list[NumberedList]:
        return [b for b in self.blocks if isinstance(b, NumberedList)]


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def parse_title(text: str) -> Title:
    """Split "Chapter 5: Technique 2: Maintaining a Relationship Focus" into its parts."""
    match = _CHAPTER_TITLE.match(text.strip())
    assert match  # the pattern accepts any non-empty text
    chapter, technique = match.group("chapter"), match.group("technique")
    return Title(
        text=text.strip(),
        chapter_number=int(chapter) if chapter else None,
        technique_number=int(technique) if technique else None,
        subject=match.group("subject").strip(),
    )


def read_text(path: Path) -> str:
    """The file's text, or a SourceError in one sentence naming the file."""
    if not path.exists():
        raise SourceError(f"{path} does not exist.")
    if path.is_dir():
        raise SourceError(f"{path} is a folder, not a chapter file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror.lower() if exc.strerror else "unreadable"
        raise SourceError(f"{path} cannot be read: {reason}.") from None
    if not data.strip():
        raise SourceError(f"{path} is empty.")
    if b"\x00" in data:
        raise SourceError(f"{path} is a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{path} is not UTF-8 text.") from None


def read_document(path: str | Path) -> Document:
    """Read a chapter file. Raises SourceError for anything that is not a usable chapter."""
    path = Path(path)
    return parse_document(read_text(path), path.name, where=str(path))


def parse_document(text: str, file: str, where: str | None = None) -> Document:
    """Parse chapter text; `file` is the name cards cite, `where` names it in errors."""
    raw_blocks = _split_blocks(text)
    if not raw_blocks:
        raise SourceError(f"{where or file} has no chapter text to make cards from.")
    title: Title | None = None
    first = raw_blocks[0]
    # A section heading ("DISCUSSION ISSUES AND QUESTIONS") is not the chapter's title.
    if len(first) == 1 and _looks_like_heading(first[0]) and not _SECTION_HEADING.search(first[0]):
        title = parse_title(first[0])
        raw_blocks = raw_blocks[1:]
    return Document(file=file, title=title, blocks=tuple(_classify(raw_blocks)))


def _split_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of stripped lines, furniture dropped. A numbered line
    always starts a block of its own, so lists survive without blank lines between items."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line or is_furniture(line):
            if current:
                blocks.append(current)
                current = []
            continue
        if _NUMBERED.match(line) and current:
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= _HEADING_MAX_WORDS
        and len(line) <= 100
        and line[0].isupper()
        and line[-1] not in ".!?,;:…\"'”)"
        and not _NUMBERED.match(line)
        and sum(c.isalpha() for c in line) >= 3
    )


def _classify(raw_blocks: list[list[str]]) -> list[Block]:
    blocks: list[Block] = []
    pending: list[ListItem] = []
    headings = paragraphs = 0
    last_heading: str | None = None  # the heading since the last list, if any

    def flush() -> None:
        nonlocal last_heading
        if pending:
            blocks.append(_make_list(tuple(pending), last_heading))
            pending.clear()
            last_heading = None

    for lines in raw_blocks:
        numbered = _NUMBERED.match(lines[0])
        if numbered:
            number = int(numbered.group(1))
            if pending and number <= pending[-1].number:
                flush()  # numbering restarts: a second list (e.g. discussion questions)
            text = " ".join([numbered.group(2), *lines[1:]])
            pending.append(ListItem(number, text))
            continue
        flush()
        text = " ".join(lines)
        if len(lines) == 1 and _looks_like_heading(text):
            headings += 1
            blocks.append(Heading(text, headings))
            last_heading = text
        else:
            paragraphs += 1
            blocks.append(Paragraph(text, paragraphs))
    flush()
    return blocks


# The site's pages of a chapter's points call them "Issues" ("DISCUSSION ISSUES AND
# QUESTIONS", then "Issues" and "Questions" lists).
_KEY_POINT_HEADING = re.compile(
    r"key points?|summary|takeaways?|main points?|\bissues?\b|lessons?", re.IGNORECASE
)
#: A heading that names a section of the page, never the chapter's title.
_SECTION_HEADING = re.compile(r"\bdiscussion\b|\bquestions?\b|\bissues?\b", re.IGNORECASE)
_QUESTION_HEADING = re.compile(r"questions?", re.IGNORECASE)


def _make_list(items: tuple[ListItem, ...], heading: str | None) -> NumberedList:
    asking = sum("?" in item.text for item in items)
    if (heading and _QUESTION_HEADING.search(heading)) or asking * 2 > len(items):
        return NumberedList(items, ListRole.QUESTIONS)
    if heading and not _KEY_POINT_HEADING.search(heading) and len(heading.split()) <= 5:
        return NumberedList(items, ListRole.ITEMS, heading)
    return NumberedList(items, ListRole.KEY_POINTS)
