"""PDF handouts with a text layer, through PDFium (pypdfium2).

PDFium's text page gives the text line by line; each line's font size and weight come from
the text objects that drew it. The lines are re-flowed into paragraphs (a paragraph ends at a
wider gap, or at a short line that ends a sentence), larger or bold short lines become
headings, numbered and bulleted lines start list items, words hyphenated across a line break
are mended, and page numbers and running headers repeated on most pages are dropped."""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import cache

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
_SENTENCE_STOPS = ".!?:;"
_CLOSERS = '"”’)'
# PDFium ends a line with CR LF, or, when the line ends on a hyphen, puts U+FFFE in the
# hyphen's place and runs the next line straight on.
_LINE_BREAK = re.compile("(\r\n|\ufffe)")
_HEADING_SCALE = 1.15
_PARAGRAPH_GAP = 1.45  # a gap this many times the usual line spacing parts paragraphs
_SHORT_LINE = 0.7  # a line under this share of a full line, ending a sentence, ends a paragraph


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    y: float
    size: float
    bold: bool
    terms: list[str]  # bold runs inside a line that is not bold throughout


def read(data: bytes, where: str) -> list[RawBlock]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise SourceError(
                f"{where} is an encrypted PDF; save a copy without a password."
            ) from None
        raise SourceError(f"{where} is not a PDF we can read.") from None
    try:
        lines = [line for number in range(len(document)) for line in _page_lines(document, number)]
    except pdfium.PdfiumError:
        raise SourceError(f"{where} is not a PDF we can read.") from None
    finally:
        document.close()
    if sum(len(line.text) for line in lines) < 20:
        raise SourceError(f"{where} has no text layer (a scanned PDF?), so no text to read.")
    return _blocks(_without_running_lines(lines))


def _page_lines(document, number: int) -> list[_Line]:
    """A page's text lines, with each line's place and the size and weight of its font.

    Asking the font of every character would cost more than reading the text, so a line's
    styles are found by bisection: a text object draws one run of characters in one font,
    so when a line's first and last characters belong to the same object the whole line
    does, and otherwise the line is halved until each part lies within one object."""
    page = document[number]
    textpage = page.get_textpage()
    try:
        styles = _Styles(textpage.raw)
        text = textpage.get_text_range()
        lines: list[_Line] = []
        start = 0
        pieces = _LINE_BREAK.split(text)
        for index in range(0, len(pieces), 2):
            piece = pieces[index]
            brk = pieces[index + 1] if index + 1 < len(pieces) else ""
            end = start + len(piece)
            stripped = piece.strip()
            if stripped:
                first = start + len(piece) - len(piece.lstrip())
                last = end - 1 - (len(piece) - len(piece.rstrip()))
                shown = stripped + "-" if brk == "\ufffe" else stripped
                lines.append(_line(text, first, last, shown, number, styles))
            start = end + len(brk)
        return lines
    finally:
        textpage.close()
        page.close()


def _line(text: str, first: int, last: int, shown: str, page: int, styles: _Styles) -> _Line:
    """The line of `text` from index `first` to `last`; `shown` is its text as read."""
    runs = styles.runs(first, last)
    if len(runs) == 1 and runs[0][1] is not None:  # one font throughout, as most lines are
        _, size, bold = runs[0][1]
        return _Line(" ".join(shown.split()), page, styles.baseline(first), size, bold, [])
    counts: Counter[tuple[float, bool]] = Counter()
    terms: list[str] = []
    term_start: int | None = None  # where the bold phrase still open began
    for number, (begin, style) in enumerate(runs):
        stop = runs[number + 1][0] if number + 1 < len(runs) else last + 1
        part = text[begin:stop].strip()
        if style is None:
            continue  # a space PDFium put between words, in no font
        _, size, bold = style
        if not part:
            term_start = term_start if bold else None  # a plain space ends a bold phrase
            continue
        counts[(size, bold)] += len(part)
        if not bold:
            term_start = None
        elif term_start is None:
            term_start = begin
            terms.append(" ".join(part.split()))
        else:  # bold again, after a space or in another object: the same phrase goes on
            terms[-1] = " ".join(text[term_start:stop].split())
    (size, bold), _ = counts.most_common(1)[0] if counts else ((0.0, False), 0)
    return _Line(
        " ".join(shown.split()), page, styles.baseline(first), size, bold, [] if bold else terms
    )


_Style = tuple[int, float, bool]  # the text object's address, its font size, bold or not


class _Styles:
    """The font size and weight of characters of one text page, asked of PDFium's text
    objects and kept per object."""

    def __init__(self, textpage) -> None:
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._textpage = textpage
        self._object_at = _object_address(pdfium_c)
        self._by_address = _by_address(pdfium_c)
        self._objects: dict[int, _Style] = {}
        self._bold_fonts: dict[int, bool] = {}
        # Out-parameters PDFium writes into, made once a page rather than once a call.
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._size, self._matrix = ctypes.c_float(), pdfium_c.FS_MATRIX()

    def baseline(self, index: int) -> float:
        self._c.FPDFText_GetCharOrigin(self._textpage, self._char(index), self._x, self._y)
        return round(self._y.value, 2)

    def runs(self, first: int, last: int) -> list[tuple[int, _Style | None]]:
        """Where each run of one text object starts between `first` and `last` (text
        indexes, both included), with the run's style."""
        runs: list[tuple[int, _Style | None]] = []
        pending = [(first, last, self.style(first), self.style(last))]
        while pending:
            low, high, low_style, high_style = pending.pop()
            if low_style == high_style:
                if not runs or runs[-1][1] != low_style:
                    runs.append((low, low_style))
            elif high - low == 1:
                if not runs or runs[-1][1] != low_style:
                    runs.append((low, low_style))
                runs.append((high, high_style))
            else:
                middle = (low + high) // 2
                middle_style = self.style(middle)
                pending.append((middle, high, middle_style, high_style))
                pending.append((low, middle, low_style, middle_style))
        return runs

    def style(self, index: int) -> _Style | None:
        address = self._object_at(self._textpage, self._char(index))
        if address is None:
            return None  # a character PDFium added: a space or a line break
        style = self._objects.get(address)
        if style is None:
            font_size, matrix_of, font_of = self._by_address
            size, matrix = self._size, self._matrix
            size.value = 0.0  # as a failed call leaves it
            font_size(address, size)
            # The font's size on the page: the object's matrix scales it.
            scale = 1.0
            if matrix_of(address, matrix):
                scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
            style = (address, round(size.value * scale, 1), self._bold(font_of(address)))
            self._objects[address] = style
        return style

    def _bold(self, address: int | None) -> bool:
        address = address or 0
        bold = self._bold_fonts.get(address)
        if bold is None:
            font = ctypes.cast(address, self._c.FPDF_FONT)
            length = self._c.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(max(length, 1))
            self._c.FPDFFont_GetBaseFontName(font, name, length)
            lowered = name.value.decode("latin-1").lower()
            bold = self._bold_fonts[address] = "bold" in lowered or "black" in lowered
        return bold

    def _char(self, index: int) -> int:
        """The character index behind a text index (PDFium may leave characters out of the
        text, or add some)."""
        return self._c.FPDFText_GetCharIndexFromTextIndex(self._textpage, index)


@cache
def _object_address(pdfium_c):
    """PDFium's FPDFText_GetTextObject, answering the object's address as a number (a key
    for the styles already found) rather than a pointer object to be cast on every call."""
    function = pdfium_c.FPDFText_GetTextObject
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, *function.argtypes)
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


@cache
def _by_address(pdfium_c):
    """PDFium's font size, matrix and font of a text object, called with the object's address
    as `_object_address` answers it (and the font answered as an address): no pointer object
    is made for a call."""

    def addressed(function, answer=None):
        prototype = ctypes.CFUNCTYPE(
            answer or function.restype, ctypes.c_void_p, *function.argtypes[1:]
        )
        return prototype(ctypes.cast(function, ctypes.c_void_p).value)

    return (
        addressed(pdfium_c.FPDFTextObj_GetFontSize),
        addressed(pdfium_c.FPDFPageObj_GetMatrix),
        addressed(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p),
    )


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
        return not _ends_sentence(prev.text)
    return 0 < prev.y - line.y <= spacing * _PARAGRAPH_GAP


def _ends_short(prev: _Line, full: float) -> bool:
    return len(prev.text) < full * _SHORT_LINE and _ends_sentence(prev.text)


def _ends_sentence(text: str) -> bool:
    """True when `text` ends on a stop, perhaps inside quotes or brackets. (A regular
    expression anchored at the end would be tried from every character of the line.)"""
    last = text.rstrip(_CLOSERS)[-1:]
    return last != "" and last in _SENTENCE_STOPS
