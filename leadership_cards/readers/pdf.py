"""PDF handouts with a text layer, through pypdf.

pypdf gives the text line by line with each line's font and place on the page; the lines are
re-flowed into paragraphs (a paragraph ends at a wider gap, or at a short line that ends a
sentence), larger or bold short lines become headings, numbered and bulleted lines start list
items, words hyphenated across a line break are mended, and page numbers and running
headers repeated on most pages are dropped."""

from __future__ import annotations

import io
import re
import statistics
import struct
import zlib
from collections import Counter
from dataclasses import dataclass

from leadership_cards.errors import SourceError
from leadership_cards.readers import raw
from leadership_cards.readers.raw import RawBlock
from leadership_cards.readers.text import (
    BULLETED,
    NUMBERED,
    append_line,
    looks_like_heading,
    printed_words,
)

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_TAG = re.compile(r"^[QAC]:")
_SENTENCE_END = re.compile(r"[.!?:;][\"”’)]*$")
_HEADING_SCALE = 1.15
_PARAGRAPH_GAP = 1.45  # a gap this many times the usual line spacing parts paragraphs
_SHORT_LINE = 0.7  # a line under this share of a full line, ending a sentence, ends a paragraph
_READ_ERRORS = (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError)


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    y: float
    size: float
    bold: bool
    terms: list[str]  # bold runs inside a line that is not bold throughout


def read(data: bytes, where: str) -> list[RawBlock]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise SourceError(f"{where} is an encrypted PDF; save a copy without a password.")
        lines = _lines(reader)
    except SourceError:
        raise
    except (PyPdfError, struct.error, zlib.error, *_READ_ERRORS):
        raise SourceError(f"{where} is not a PDF we can read.") from None
    if sum(len(line.text) for line in lines) < 20:
        raise SourceError(f"{where} has no text layer (a scanned PDF?), so no text to read.")
    return _blocks(_without_running_lines(lines))


def _lines(reader) -> list[_Line]:
    """Every text line of every page, with its place and the size and weight of its font."""
    collector = _LineCollector()
    for number, page in enumerate(reader.pages):
        collector.page = number
        page.extract_text(visitor_text=collector.visit)
        collector.finish()
    return collector.lines


class _LineCollector:
    """pypdf's text visitor: the text arrives in pieces, a newline ending each line."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.page = 0
        self.parts: list[str] = []
        self.sizes: Counter[tuple[float, bool]] = Counter()
        self.y: float | None = None
        self.bold: list[str] = []  # the line's bold pieces, in order

    def visit(self, text: str, cm, tm, font, size: float) -> None:
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.finish()
            if not piece:
                continue
            if piece.strip():
                # The font's size on the page: the text and graphics matrices scale it.
                a = tm[0] * cm[0] + tm[1] * cm[2]
                b = tm[0] * cm[1] + tm[1] * cm[3]
                c = tm[2] * cm[0] + tm[3] * cm[2]
                d = tm[2] * cm[1] + tm[3] * cm[3]
                scale = abs(a * d - b * c) ** 0.5 or 1.0
                name = str(font.get("/BaseFont", "")).lower() if font else ""
                bold = "bold" in name or "black" in name
                self.sizes[(round(size * scale, 1), bold)] += len(piece.strip())
                if bold:
                    self.bold.append(piece.strip())
                if self.y is None:
                    self.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            self.parts.append(piece)

    def finish(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text and self.y is not None:
            (size, bold), _ = self.sizes.most_common(1)[0]
            terms = [] if bold else list(self.bold)
            self.lines.append(_Line(text, self.page, self.y, size, bold, terms))
        self.parts.clear()
        self.sizes.clear()
        self.bold.clear()
        self.y = None


def _without_running_lines(lines: list[_Line]) -> list[_Line]:
    """Drop page numbers and the running header or footer a handout repeats: a line among
    the first or last two of its page whose text, numbers aside, begins or ends most pages."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    edges = {i for indexes in by_page.values() for i in indexes[:2] + indexes[-2:]}
    repeated: Counter[str] = Counter()
    for indexes in by_page.values():
        for key in {_shape(lines[i].text) for i in indexes if i in edges}:
            repeated[key] += 1
    pages = len(by_page)
    running = {key for key, count in repeated.items() if pages >= 2 and count * 2 > pages}
    return [
        line
        for index, line in enumerate(lines)
        if not (index in edges and (_PAGE_NUMBER.match(line.text) or _shape(line.text) in running))
    ]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _blocks(lines: list[_Line]) -> list[RawBlock]:
    if not lines:
        return []
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    body = weights.most_common(1)[0][0]
    gaps = [
        prev.y - line.y
        for prev, line in zip(lines, lines[1:], strict=False)
        if line.page == prev.page and prev.size == body == line.size and prev.y > line.y
    ]
    spacing = statistics.median(gaps) if gaps else body * 1.2
    full = max(len(line.text) for line in lines if line.size == body)  # a full line's length
    largest = max(line.size for line in lines)
    words = printed_words(line.text for line in lines)

    blocks: list[RawBlock] = []
    current: list[str] = []
    terms: list[str] = []
    kind = ""  # "text" or "item" while a block is open
    number: int | None = None
    ordered = False
    prev: _Line | None = None

    def close() -> None:
        nonlocal kind
        if current:
            if kind == "item":
                blocks.append(
                    raw.item(list(current), number=number, ordered=ordered, terms=list(terms))
                )
            else:
                blocks.append(raw.text(list(current), list(terms)))
        current.clear()
        terms.clear()
        kind = ""

    for line in lines:
        heading = _is_heading(line, body)
        if heading:
            close()
            level = 1 if not blocks and line.size >= largest else 2
            wrapped = prev is not None and prev.size == line.size and _close(prev, line, spacing)
            if wrapped and blocks and blocks[-1].kind == "heading":
                blocks[-1].lines.append(line.text)  # a heading wrapped over two lines
            else:
                blocks.append(raw.heading(line.text, level))
            prev = line
            continue
        numbered = NUMBERED.match(line.text)
        bulleted = None if numbered else BULLETED.match(line.text)
        starts = (
            prev is None
            or numbered
            or bulleted
            or _TAG.match(line.text)
            or not kind
            or not _close(prev, line, spacing)
            or _ends_short(prev, full)
        )
        if starts:
            close()
            if numbered:
                kind, number, ordered = "item", int(numbered.group(1)), True
                current.append(numbered.group(2))
            elif bulleted:
                kind, number, ordered = "item", None, False
                current.append(bulleted.group(1))
            else:
                kind = "text"
                current.append(line.text)
        else:
            append_line(current, line.text, words)
        terms.extend(line.terms)
        prev = line
    close()
    return blocks


def _is_heading(line: _Line, body: float) -> bool:
    bigger = line.size >= body * _HEADING_SCALE
    return (bigger or line.bold) and looks_like_heading(line.text) and not _TAG.match(line.text)


def _close(prev: _Line, line: _Line, spacing: float) -> bool:
    """True when `line` follows `prev` at the usual spacing. Across a page break, a paragraph
    goes on when its last line stopped mid-sentence."""
    if line.page != prev.page:
        return not _SENTENCE_END.search(prev.text)
    return 0 < prev.y - line.y <= spacing * _PARAGRAPH_GAP


def _ends_short(prev: _Line, full: float) -> bool:
    return len(prev.text) < full * _SHORT_LINE and bool(_SENTENCE_END.search(prev.text))
