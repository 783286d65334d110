"""Reading an Anki collection (schema 11 to 18) into notes, cards and answers.

Schema 11 keeps note types and decks as JSON in the `col` row; schema 18 keeps them in
tables of their own (`notetypes`, `fields`, `decks`), with a deck's levels joined by the
unit separator and a note type's kind in its protobuf `config` (field 1: 0 normal, 1 cloze).
Notes, cards and the review log have the same shape in both.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from leadership_cards.anki_import.notes import AnkiAnswer, Note, NoteCard, NoteType, Skipped

FIELD_SEPARATOR = "\x1f"
#: Anki's review-log kinds that are answers: learn, review, relearn, filtered (cram).
ANSWER_KINDS = frozenset({0, 1, 2, 3})
#: Manual entries (a due date set by hand) and rescheduled ones: Anki moved the card, no one
#: answered. A forget is a manual entry too, told apart by its interval of 0 (and taken).
NOT_ANSWERS = "review-log entries that are not answers (due dates set by hand, rescheduling)"
MANUAL_KIND = 4


def read_notes(conn: sqlite3.Connection, skipped: Skipped) -> Iterator[Note]:
    """Every note with its cards and their answers, in note order."""
    notetypes = _notetypes(conn)
    decks = _decks(conn)
    answers, forgotten = _answers(conn, skipped)
    cards: dict[int, list[NoteCard]] = {}
    # A card studied in a filtered deck belongs to its home deck (`odid`).
    for card_id, note_id, deck_id, ordinal in conn.execute(
        "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord FROM cards "
        "ORDER BY nid, ord"
    ):
        deck = decks.get(deck_id, "Default")
        cards.setdefault(note_id, []).append(
            NoteCard(ordinal, deck, tuple(answers.pop(card_id, ())), forgotten.get(card_id, 0))
        )
    skipped.add("review-log entries of cards not in the file", sum(map(len, answers.values())))
    for note_id, guid, model_id, tags, fields, modified in conn.execute(
        "SELECT id, guid, mid, tags, flds, mod FROM notes ORDER BY id"
    ):
        notetype = notetypes.get(model_id)
        if notetype is None:
            skipped.add("notes whose note type is missing from the file")
            continue
        yield Note(
            guid=guid,
            notetype=notetype,
            fields=tuple(fields.split(FIELD_SEPARATOR)),
            tags=tuple(tags.split()),
            modified=int(modified),
            cards=tuple(cards.get(note_id, ())),
        )


def _answers(
    conn: sqlite3.Connection, skipped: Skipped
) -> tuple[dict[int, list[AnkiAnswer]], dict[int, int]]:
    """The answers of each card, oldest first, and the moment each card was last forgotten
    (Anki's "Forget" logs a manual entry with no button and an interval of 0); other
    review-log entries are counted."""
    found: dict[int, list[AnkiAnswer]] = {}
    forgotten: dict[int, int] = {}
    for moment, card_id, ease, taken, kind, interval in conn.execute(
        "SELECT id, cid, ease, time, type, ivl FROM revlog ORDER BY cid, id"
    ):
        if kind in ANSWER_KINDS and 1 <= ease <= 4:
            found.setdefault(card_id, []).append(AnkiAnswer(moment, ease, max(0, taken)))
        elif kind == MANUAL_KIND and ease == 0 and interval == 0:
            forgotten[card_id] = moment  # rows come oldest first: the last one stays
        else:
            skipped.add(NOT_ANSWERS)
    return found, forgotten


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _notetypes(conn: sqlite3.Connection) -> dict[int, NoteType]:
    if "notetypes" in _tables(conn):
        fields: dict[int, list[str]] = {}
        for notetype_id, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            fields.setdefault(notetype_id, []).append(name)
        return {
            notetype_id: NoteType(name, _kind(config) == 1, tuple(fields.get(notetype_id, ())))
            for notetype_id, name, config in conn.execute("SELECT id, name, config FROM notetypes")
        }
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0] or "{}")
    return {
        int(model_id): NoteType(
            model["name"],
            model.get("type") == 1,
            tuple(f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])),
        )
        for model_id, model in models.items()
    }


def _decks(conn: sqlite3.Connection) -> dict[int, str]:
    if "notetypes" in _tables(conn):
        return {
            deck_id: name.replace(FIELD_SEPARATOR, "::")
            for deck_id, name in conn.execute("SELECT id, name FROM decks")
        }
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0] or "{}")
    return {int(deck_id): deck["name"] for deck_id, deck in decks.items()}


def _kind(config: bytes) -> int:
    """Field 1 (`kind`) of a NotetypeConfig message: the first varint field numbered 1."""
    position = 0
    while position < len(config):
        key, position = _varint(config, position)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, position = _varint(config, position)
            if number == 1:
                return value
        elif wire == 2:
            length, position = _varint(config, position)
            position += length
        elif wire == 5:
            position += 4
        elif wire == 1:
            position += 8
        else:
            break
    return 0  # proto3 leaves a zero (normal) kind out


def _varint(data: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while position < len(data):
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            break
        shift += 7
    return value, position
