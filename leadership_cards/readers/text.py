"""The site's page text (and any plain text): blank lines part blocks, a numbered or bulleted
line starts a list item, and a short unpunctuated line standing alone is a heading."""

from __future__ import annotations

import re

from leadership_cards.readers import raw
from leadership_cards.readers.furniture import is_furniture
from leadership_cards.readers.raw import RawBlock

NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
BULLETED = re.compile(r"^[-*•◦▪‣·–]\s+(\S.*)$")
_HEADING_MAX_WORDS = 12


def looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        bool(words)
        and len(words) <= _HEADING_MAX_WORDS
        and len(line) <= 100
        and line[0].isupper()
        and line[-1] not in ".!?,;:…\"'”)"
        and not NUMBERED.match(line)
        and sum(c.isalpha() for c in line) >= 3
    )


def read(text: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    indents: list[int] = []  # the open lists' indentation, outermost first
    for indent, lines in _split(text):
        numbered = NUMBERED.match(lines[0])
        bulleted = None if numbered else BULLETED.match(lines[0])
        if not (numbered or bulleted):
            indents.clear()
        else:
            # An item indented deeper than the one before opens a list inside it.
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
        depth = len(indents) - 1
        if numbered:
            first = numbered.group(2)
            blocks.append(
                raw.item(
                    [first, *lines[1:]], number=int(numbered.group(1)), ordered=True, depth=depth
                )
            )
        elif bulleted:
            blocks.append(
                raw.item([bulleted.group(1), *lines[1:]], number=None, ordered=False, depth=depth)
            )
        elif len(lines) == 1 and looks_like_heading(lines[0]):
            # The page's first line, standing alone, is its title (if it is not a section's).
            blocks.append(raw.heading(lines[0], level=1 if not blocks else 2))
        else:
            blocks.append(raw.text(lines))
    return blocks


def _split(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks of stripped lines, each with its first line's indentation,
    furniture dropped. A numbered or bulleted line always starts a block of its own, so lists
    survive without blank lines between items."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    indent = 0
    for line_raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line_raw.split())
        if not line or is_furniture(line):
            if current:
                blocks.append((indent, current))
                current = []
            continue
        if current and (NUMBERED.match(line) or BULLETED.match(line)):
            blocks.append((indent, current))
            current = []
        if not current:
            indent = len(line_raw.expandtabs(4)) - len(line_raw.expandtabs(4).lstrip())
        current.append(line)
    if current:
        blocks.append((indent, current))
    return blocks
