"""Anki's text format: a CSV (or tab-separated) file whose `#key:value` lines at the top say
how to read it, as Anki's own "Import File" and our `export csv` write it.

Headers read: `#separator` (a name such as `tab` or `comma`, or the character), `#html`,
`#columns`, `#notetype`, `#deck`, `#tags`, and the `#notetype column`, `#deck column`,
`#tags column` and `#guid column` numbers (counted from 1). Without a `#separator`, the
first row tells: a tab if it has one, else a semicolon, else a comma, as Anki guesses.
Every row must have as many columns as the first (or as `#columns` names); a file where one
does not is refused whole, naming the line.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from pathlib import Path

from leadership_cards.anki_import.notes import Note, NoteCard, NoteType
from leadership_cards.anki_import.text import cloze_numbers, cloze_text
from leadership_cards.errors import UserError
from leadership_cards.files import require_regular_file
from leadership_cards.words import counted

SEPARATOR_NAMES = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
BASIC = NoteType("Basic", False, ("Front", "Back"))
CLOZE = NoteType("Cloze", True, ("Text", "Back Extra"))


@dataclass
class Headers:
    separator: str | None = None
    html: bool = False
    columns: list[str] = field(default_factory=list)
    notetype: str = "Basic"
    deck: str | None = None
    tags: list[str] = field(default_factory=list)
    notetype_column: int | None = None
    deck_column: int | None = None
    tags_column: int | None = None
    guid_column: int | None = None


def read_csv(path: Path, deck: str | None = None) -> list[Note]:
    """The notes of a text file; a deck named here puts them all in that deck."""
    require_regular_file(path, "a text file (CSV or Anki's text format)")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None
    if "\x00" in text:
        raise UserError(f"{path} is not a text file")
    lines = text.splitlines(keepends=True)
    headers, first = _headers(lines, path)
    body = "".join(lines[first:])
    separator = headers.separator or _guess_separator(body)
    rows = csv.reader(io.StringIO(body), delimiter=separator)
    expected = len(headers.columns) or None
    notes: list[Note] = []
    for row in rows:
        number = first + rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if expected is None:
            expected = len(row)
        if len(row) != expected:
            raise UserError(
                f"{path}, line {number}: {counted(len(row), 'column')} where {expected} "
                f"{'is' if expected == 1 else 'are'} expected; "
                "nothing was imported"
            )
        notes.append(_note(row, headers, deck, path.stem))
    if not notes:
        raise UserError(f"{path} holds no rows to import")
    return notes


def _headers(lines: list[str], path: Path) -> tuple[Headers, int]:
    headers = Headers()
    count = 0
    for line in lines:
        if not line.startswith("#") or ":" not in line:
            break
        count += 1
        key, _, value = line[1:].rstrip("\r\n").partition(":")
        key = key.strip().lower()
        value = value.strip()
        if key == "separator":
            headers.separator = SEPARATOR_NAMES.get(value.lower(), value[:1] or None)
        elif key == "html":
            headers.html = value.lower() == "true"
        elif key == "notetype":
            headers.notetype = value
        elif key == "deck":
            headers.deck = value
        elif key == "tags":
            headers.tags = value.split()
        elif key in ("notetype column", "deck column", "tags column", "guid column"):
            if not value.isdigit() or int(value) < 1:
                raise UserError(f"{path}: #{key} must be a column number, not {value!r}")
            setattr(headers, key.replace(" ", "_"), int(value))
    for line in lines[:count]:
        if line[1:].lower().startswith("columns:"):
            separator = headers.separator or _guess_separator(line)
            headers.columns = line.split(":", 1)[1].rstrip("\r\n").split(separator)
    return headers, count


def _guess_separator(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return next((sep for sep in ("\t", ";") if sep in first), ",")


def _note(row: list[str], headers: Headers, forced_deck: str | None, stem: str) -> Note:
    def column(index: int | None) -> str | None:
        return row[index - 1] if index is not None and index <= len(row) else None

    deck = forced_deck or column(headers.deck_column) or headers.deck or stem
    meta = {headers.notetype_column, headers.deck_column, headers.tags_column, headers.guid_column}
    values = [cell for i, cell in enumerate(row, start=1) if i not in meta]
    notetype_name = column(headers.notetype_column) or headers.notetype
    notetype = CLOZE if "cloze" in notetype_name.lower() else BASIC
    markup = values if headers.html else [_as_html(value) for value in values]
    fields = tuple(markup[:2]) + ("",) * (2 - len(markup[:2]))
    if notetype.cloze:
        numbers = cloze_numbers(cloze_text(fields[0]))
        cards = tuple(NoteCard(n - 1, deck) for n in numbers)
    else:
        cards = (NoteCard(0, deck),)
    tags = (*headers.tags, *(column(headers.tags_column) or "").split())
    return Note(
        guid=(column(headers.guid_column) or "").strip(),
        notetype=notetype,
        fields=fields,
        tags=tuple(dict.fromkeys(tags)),
        modified=0,
        cards=cards,
    )


def _as_html(text: str) -> str:
    """Plain text as the HTML the rest of the import reads (so `<` stays a character)."""
    return html.escape(text, quote=False).replace("\n", "<br>")
