"""Markdown notes through markdown-it-py (CommonMark): headings, bulleted and numbered lists
(nested too), bold and emphasis as term markers. Front matter, code and raw HTML are not
chapter text and are left out."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from leadership_cards.errors import SourceError
from leadership_cards.garbage import fewer_collections
from leadership_cards.readers import raw
from leadership_cards.readers.furniture import is_furniture
from leadership_cards.readers.raw import RawBlock, RawKind
from leadership_cards.readers.text import looks_like_heading

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S
)
_CODE = frozenset({"fence", "code_block"})
_TERM_OPEN = frozenset({"strong_open", "em_open"})
_TERM_CLOSE = frozenset({"strong_close", "em_close"})


_FRONT_MATTER_TITLE = re.compile(r"""^title\s*[:=]\s*["']?(?P<title>[^"'\n]+?)["']?\s*$""", re.M)


def read(text: str, where: str) -> list[RawBlock]:
    front = _FRONT_MATTER.match(text)
    title = _FRONT_MATTER_TITLE.search(front.group()) if front else None
    text = text[front.end() :] if front else text
    with fewer_collections():
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[RawBlock] = []
    lists: list[bool] = []  # open lists, innermost last: ordered or not
    items: list[RawBlock | None] = []  # the open items' blocks, once they have text
    numbers: list[int | None] = []
    heading_level = 0
    in_table = 0
    code = 0
    for token in tokens:
        kind = token.type
        if kind in _CODE:
            code += 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            items.append(None)
            numbers.append(int(token.info) if token.info.isdigit() else None)
        elif kind == "list_item_close":
            items.pop()
            numbers.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "table_open":
            in_table += 1
        elif kind == "table_close":
            in_table -= 1
        elif kind == "inline" and not in_table:
            lines, terms = _inline(token)
            if not any(line.strip() for line in lines):
                continue
            if heading_level:
                blocks.append(raw.heading(" ".join(" ".join(lines).split()), heading_level))
            elif items and items[-1] is not None:
                items[-1].lines.extend(lines)  # a later paragraph of the same item
                items[-1].terms.extend(terms)
            elif items:
                block = raw.item(
                    lines,
                    number=numbers[-1],
                    ordered=lists[-1],
                    depth=len(lists) - 1,
                    terms=terms,
                )
                items[-1] = block
                blocks.append(block)
            else:
                blocks.append(raw.text(lines, terms))
    if not blocks and code:
        raise SourceError(f"{where} holds only code blocks, no chapter text.")
    if not any(block.kind is RawKind.HEADING for block in blocks):
        _plain_headings(blocks)
    if title and not any(b.kind is RawKind.HEADING and b.level == 1 for b in blocks[:1]):
        # Notes that name themselves only in their front matter ("title: ...").
        blocks.insert(0, raw.heading(title.group("title").strip(), 1))
    return blocks


def _plain_headings(blocks: list[RawBlock]) -> None:
    """Notes without a Markdown heading are page text saved as .md: there, as in page text, a
    short unpunctuated line standing alone is a heading (the first one the title)."""
    first = True
    for block in blocks:
        if all(is_furniture(line) for line in block.lines):
            continue
        if block.kind is RawKind.TEXT and len(block.lines) == 1 and looks_like_heading(block.text):
            block.kind = RawKind.HEADING
            block.level = 1 if first else 2
        first = False


def _inline(token: Token) -> tuple[list[str], list[str]]:
    """The inline token's text as lines (soft and hard breaks kept, since hand-written cards
    are line-based) and the phrases it marks as terms. Each line is gathered as pieces and
    joined once, so a paragraph of many marks is not copied again for each."""
    lines: list[list[str]] = [[]]
    terms: list[str] = []
    opened: list[tuple[int, int]] = []  # (line, piece) where each open term began
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            lines[-1].append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            lines.append([])
        elif kind in _TERM_OPEN:
            opened.append((len(lines) - 1, len(lines[-1])))
        elif kind in _TERM_CLOSE and opened:
            line, piece = opened.pop()
            marked = " ".join(
                ["".join(lines[line][piece:]), *("".join(p) for p in lines[line + 1 :])]
            )
            if marked.strip():
                terms.append(marked)
        elif kind == "image":
            lines[-1].append(child.content)  # its alt text, which reads as part of the sentence
    return ["".join(pieces) for pieces in lines], terms
