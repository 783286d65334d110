"""The site's page text (and any plain text): blank lines part blocks, a numbered or bulleted
line starts a list item (indented deeper, a list inside the item), and a short unpunctuated
line standing alone, or heading a block of longer lines, is a heading. Text wrapped by hand
(or extracted from a PDF) is joined back, words hyphenated at a line end mended."""

from __future__ import annotations

import re
from collections.abc import Iterable

from leadership_cards.readers import raw
from leadership_cards.readers.furniture import is_furniture
from leadership_cards.readers.raw import RawBlock

NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")
BULLETED = re.compile(r"^[-*•◦▪‣·–]\s+(\S.*)$")
_HEADING_MAX_WORDS = 12
#: A heading on top of a block is at most this share of the block's longest line.
_SHORT_HEADING = 0.6
#: Hyphenated prefixes that stay hyphenated when a line break falls on their hyphen.
_KEEP_HYPHEN = frozenset(
    {"self", "well", "non", "all", "ex", "half", "cross", "long", "short", "high", "low"}
    | {"full", "one", "two", "three", "first", "co", "multi", "inter", "anti", "semi"}
    | {"pre", "post"}
)
_HYPHENATED_END = re.compile(r"(\w+)-$")
_WORD = re.compile(r"\w[\w'-]*")


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
    words = printed_words([text]) if "-\n" in text or "-\r" in text else set()
    for indent, lines in _split(text):
        lines = _mended(lines, words)
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
        elif _heads_its_block(lines):
            blocks.append(raw.heading(lines[0], level=1 if not blocks else 2))
            blocks.append(raw.text(lines[1:]))
        else:
            blocks.append(raw.text(lines))
    return blocks


def _heads_its_block(lines: list[str]) -> bool:
    """ "The five conflict modes" over the wrapped lines of its first paragraph."""
    return (
        len(lines) >= 2
        and looks_like_heading(lines[0])
        and len(lines[0]) <= _SHORT_HEADING * max(len(line) for line in lines[1:])
        and (lines[1][:1].isupper() or lines[1][:1].isdigit())
    )


def printed_words(texts: Iterable[str]) -> set[str]:
    """The words as printed, to tell "self-aware" from "deci-sions" at a line break."""
    return {w.lower() for text in texts for w in _WORD.findall(text)}


def _mended(lines: list[str], words: set[str]) -> list[str]:
    """Lines with each word hyphenated at a line end joined to its other half."""
    out: list[str] = []
    for line in lines:
        append_line(out, line, words)
    return out


def append_line(lines: list[str], following: str, words: set[str]) -> None:
    """Add the next line of a paragraph to `lines`, mending a word hyphenated across the
    break (kept hyphenated when the text prints it so elsewhere, or its first half is a
    prefix such as "self-") and a dash at a line end. Only the first word of the new line
    moves, so a paragraph of any length is joined in linear time."""
    last = lines[-1].replace("\xad", "") if lines else ""
    m = _HYPHENATED_END.search(last)
    if m and following[:1].islower():
        head, _, rest = following.partition(" ")
        left = m.group(1)
        hyphenated = f"{left}-{head}".lower().rstrip(".,;:!?")
        keep = left.lower() in _KEEP_HYPHEN or hyphenated in words
        lines[-1] = f"{last}{head}" if keep else f"{last[:-1]}{head}"
    elif last.endswith(("—", "–")):
        head, _, rest = following.partition(" ")
        lines[-1] = last + head
    else:
        lines.append(following)
        return
    if rest:
        lines.append(rest)


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
