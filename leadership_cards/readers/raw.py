"""What a reader hands over: a flat run of raw blocks, in reading order.

Each format's reader (page text, Markdown, HTML, PDF) knows only its own syntax; it reports
headings, runs of text and list items with the words it marked as terms (bold, emphasis).
`source.build_document` turns the run into the one document model the extractors read, so
titles, list roles, glossaries and hand-written cards are decided in one place for every
format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RawKind(StrEnum):
    HEADING = "heading"
    TEXT = "text"  # a paragraph: its lines kept, since hand-written cards are line-based
    ITEM = "item"  # one list item


@dataclass(slots=True)
class RawBlock:
    kind: RawKind
    lines: list[str]
    terms: list[str] = field(default_factory=list)  # phrases the source marked (bold, emphasis)
    level: int = 2  # headings: 1 is a page title, 2 and deeper are sections
    number: int | None = None  # items: the number printed before a numbered item
    ordered: bool = False  # items: part of a numbered list
    depth: int = 0  # items: 0 for a top-level list, 1 for a list inside an item, ...

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def heading(text: str, level: int = 2) -> RawBlock:
    return RawBlock(RawKind.HEADING, [text], level=level)


def text(lines: list[str], terms: list[str] | None = None) -> RawBlock:
    return RawBlock(RawKind.TEXT, lines, terms or [])


def item(
    lines: list[str],
    *,
    number: int | None,
    ordered: bool,
    depth: int = 0,
    terms: list[str] | None = None,
) -> RawBlock:
    return RawBlock(RawKind.ITEM, lines, terms or [], number=number, ordered=ordered, depth=depth)
