"""The one document model every reader produces and every extractor reads.

A chapter, whatever its format, is a title and a flat sequence of blocks: headings,
paragraphs and lists. A list is numbered or bulleted; it is classified by what it holds (key
points, discussion questions, a glossary, or the items its title names) because the
extractors treat each very differently. Words the source marked (bold, emphasis) travel with
their paragraph or item as terms, and the cards a member wrote by hand travel beside the
blocks, never inside them, so no extractor mines their text twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class ListRole(StrEnum):
    KEY_POINTS = "key_points"
    QUESTIONS = "questions"
    ITEMS = "items"  # the items a heading names, e.g. "Service Techniques"
    GLOSSARY = "glossary"  # "Term: meaning" entries under a heading such as "Key terms"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    number: int  # 1-based among the document's headings
    level: int = 2  # 2 for a section, 3 and deeper for its subsections


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    number: int  # 1-based among the document's paragraphs
    terms: tuple[str, ...] = ()  # phrases the source marked (bold, emphasis), as in `text`


@dataclass(frozen=True, slots=True)
class ListItem:
    number: int  # as printed; a bulleted item's position in its list
    text: str
    terms: tuple[str, ...] = ()  # phrases the source marked (bold, emphasis), as in `text`
    term: str = ""  # in a "Term: meaning" entry, the term

    @property
    def meaning(self) -> str:
        """What a "Term: meaning" entry says of its term (the whole text for other items)."""
        if not self.term:
            return self.text
        rest = self.text[len(self.term) :] if self.text.startswith(self.term) else self.text
        return _TERM_SEPARATOR.sub("", rest, count=1).strip()


_TERM_SEPARATOR = re.compile(r"^\s*(?::|[.,]|\s?[–—-])\s*")


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A list, numbered (`ordered`) or bulleted; bulleted items are numbered by position."""

    items: tuple[ListItem, ...]
    role: ListRole
    label: str = ""  # for ITEMS: the heading that names them, e.g. "Service Techniques"
    ordered: bool = True
    title: str = ""  # what introduces the list: its heading, or a lead-in sentence ending in ":"
    #: Which list it is among the document's lists of the same item noun; a later one's
    #: positions say so, or its items would be cited (and kept) as the first one's.
    place: str = ""

    def position(self, item: ListItem) -> str:
        """Where a card from `item` cites it: "key point 3" in the document's first list of
        key points, "Lessons from the stage, key point 3" in a later one."""
        return self.where(f"{self.item_noun} {item.number}")

    def where(self, items: str) -> str:
        """`items` ("key point 3", "techniques 1-11") as cited in this list."""
        return f"{self.place}, {items}" if self.place else items

    @property
    def item_noun(self) -> str:
        """What one item is called in a source position: "key point", "technique"..."""
        if self.role is ListRole.KEY_POINTS:
            return "key point"
        if self.role is ListRole.QUESTIONS:
            return "discussion question"
        if self.role is ListRole.GLOSSARY:
            return "term"
        words = self.label.split()
        return singular(words[-1].lower()) if words else "item"


Block = Heading | Paragraph | NumberedList


@dataclass(frozen=True, slots=True)
class WrittenCard:
    """A card a member wrote by hand: `Q:`/`A:` (question and answer) or `C:` (a statement
    whose `[bracketed]` parts are its deletions, one card each)."""

    number: int  # 1-based among the file's hand-written cards
    question: str = ""
    answer: str = ""
    cloze: str = ""  # the C: text, brackets kept

    @property
    def deletions(self) -> list[tuple[int, int]]:
        """Spans of the cloze text's bracketed parts, brackets included."""
        return [m.span() for m in _DELETION.finditer(self.cloze)]


_DELETION = re.compile(r"\[([^\[\]]+)\]")


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
    written: tuple[WrittenCard, ...] = ()
    format: str = "text"  # which reader read it: text, markdown, html or pdf

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
