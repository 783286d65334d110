"""The Anki package (.apkg): the cards as Anki notes, optionally with their progress.

Re-importing a later export must update notes, never duplicate them, and two exports of the
same collection must be the same bytes. So:
- note types and decks have fixed ids (decks: derived from their names), and a note's GUID
  is derived from its card's id;
- notes are written one at a time through genanki (`Note.write_to_db`), streamed from the
  store, into a collection file of our own, and zipped with fixed dates;
- every `mod` time is the "export stamp": kept in the collection's settings together with a
  digest of what was exported, it stays the same while the export's content does, and moves
  forward when the content changes, so Anki's "update if newer" takes the new text.

With progress, each card's schedule, FSRS memory state and review log are written into the
package's collection the way Anki stores them (`cards.type/queue/due/ivl/data`, `revlog`).
Review due dates are day numbers counted from the collection's creation day; the package's
collection is dated 2000-01-01 (UTC, rollover at the learner's hour), and Anki shifts day
numbers by the difference between the two collections' "today" when it imports.
Anki keeps all this only when the package is imported with its learning progress (the
import dialog's option; `ImportAnkiPackageOptions(with_scheduling=True)` in its API), and it
never changes the schedule of cards it already has.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from leadership_cards.cards import UNSCHEDULED_KINDS
from leadership_cards.clock import StudyDay, to_epoch
from leadership_cards.errors import UserError
from leadership_cards.export.fields import (
    anki_deck_name,
    anki_id,
    cloze_html,
    deck_part,
    escape,
    source_html,
    tags_for,
)
from leadership_cards.store import ExportedReview, Store, StoredCard

if TYPE_CHECKING:
    import genanki

BASIC_MODEL_ID = 1_736_204_811
CLOZE_MODEL_ID = 1_736_204_812
DISCUSSION_MODEL_ID = 1_736_204_813

#: First note and card id; ids count up from here in export order (Anki matches notes by
#: GUID, so ids only need to be unique and stable).
ID_BASE = 1_735_689_600_000  # 2025-01-01 in milliseconds
#: Where the export stamp and the digest of the last export live, per selection.
MARKS_KEY = "anki_export_marks"
#: The package's collection is created on this day (UTC), its day 0.
CREATED = date(2000, 1, 1)
CREATED_STAMP = int(datetime(2000, 1, 1, 12, tzinfo=UTC).timestamp())
#: Zip entries carry this date, not the time of writing.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; }
.source { margin-top: 1.5em; font-size: 14px; color: #777; text-align: left; }
"""
SOURCE = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'


def models() -> dict[int, genanki.Model]:
    """The three note types, with fixed ids so every export updates the same ones."""
    import genanki

    return {
        BASIC_MODEL_ID: genanki.Model(
            BASIC_MODEL_ID,
            "Leadership Cards Basic",
            fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
            templates=[
                {
                    "name": "Card 1",
                    "qfmt": "{{Front}}",
                    "afmt": '{{FrontSide}}<hr id="answer">{{Back}}' + SOURCE,
                }
            ],
            css=CSS,
        ),
        CLOZE_MODEL_ID: genanki.Model(
            CLOZE_MODEL_ID,
            "Leadership Cards Cloze",
            fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}],
            templates=[
                {
                    "name": "Cloze",
                    "qfmt": "{{cloze:Text}}",
                    "afmt": "{{cloze:Text}}<br>{{Back Extra}}" + SOURCE,
                }
            ],
            css=CSS,
            model_type=genanki.Model.CLOZE,
        ),
        DISCUSSION_MODEL_ID: genanki.Model(
            DISCUSSION_MODEL_ID,
            "Leadership Cards Discussion",
            fields=[{"name": "Prompt"}, {"name": "Chapter"}],
            templates=[
                {
                    "name": "Prompt",
                    "qfmt": "{{Prompt}}",
                    "afmt": '{{FrontSide}}<hr id="answer">{{Chapter}}',
                }
            ],
            css=CSS,
        ),
    }


def note_fields(card: StoredCard) -> tuple[int, list[str]]:
    """The note type and escaped fields a card becomes."""
    if card.kind in UNSCHEDULED_KINDS:
        return DISCUSSION_MODEL_ID, [escape(card.front), escape(card.chapter)]
    if card.cloze:
        return CLOZE_MODEL_ID, [cloze_html(card.cloze), "", source_html(card)]
    return BASIC_MODEL_ID, [escape(card.front), escape(card.back), source_html(card)]


def note_guid(card_id: str) -> str:
    import genanki

    return genanki.guid_for(card_id)


@dataclass(frozen=True, slots=True)
class AnkiExport:
    notes: int
    reviews: int
    stamp: int


@dataclass(frozen=True, slots=True)
class Timing:
    """How the learner's days are counted: the local zone and the rollover hour."""

    zone: tzinfo | None = None
    rollover_hour: int = 4
    desired_retention: float = 0.9
    learning_steps: int = 2
    relearning_steps: int = 1

    def day_number(self, moment: datetime) -> int:
        """Days since the package's creation day, of the study day containing `moment`."""
        day = StudyDay.containing(moment, self.zone, self.rollover_hour)
        local = day.start.astimezone(self.zone) if self.zone else day.start.astimezone()
        return (local.date() - CREATED).days


def write_apkg(
    store: Store,
    out: IO[bytes],
    *,
    now: datetime,
    deck: str | None = None,
    discussion: bool = True,
    with_progress: bool = False,
    timing: Timing | None = None,
) -> AnkiExport:
    """Write the cards (of one deck) as an .apkg to `out`."""
    import genanki

    timing = timing or Timing()
    titles = {info.name: info.title for info in store.decks()}
    note_types = models()
    digest = hashlib.sha256(repr((deck, discussion, with_progress)).encode())
    fd, name = tempfile.mkstemp(prefix="leadership-cards-", suffix=".anki2")
    os.close(fd)
    collection = Path(name)
    try:
        conn = sqlite3.connect(collection, isolation_level=None)
        try:
            cursor = conn.cursor()
            _create_collection(cursor, timing)
            cursor.execute("BEGIN")
            ids = itertools.count(ID_BASE)
            decks: set[int] = set()
            notes = 0
            for card in store.cards(deck=deck):
                if card.kind in UNSCHEDULED_KINDS and not discussion:
                    continue
                deck_id = _register_deck(cursor, decks, titles.get(card.deck, card.deck), card)
                model_id, fields = note_fields(card)
                note = genanki.Note(
                    model=note_types[model_id],
                    fields=fields,
                    tags=tags_for(card),
                    guid=note_guid(card.id),
                    due=notes,
                )
                note.write_to_db(cursor, 0, deck_id, ids)
                digest.update(repr((note.guid, deck_id, model_id, fields, note.tags)).encode())
                notes += 1
            if notes == 0:
                what = f"deck {deck!r}" if deck else "the collection"
                raise UserError(f"nothing to export: {what} has no cards")
            _register_models(cursor, note_types.values())
            reviews = 0
            if with_progress:
                reviews = _write_progress(cursor, store, deck, timing, now, digest)
            # Discussion prompts never enter review; in Anki they wait, suspended, until
            # the learner wants them.
            cursor.execute(
                "UPDATE cards SET queue = -1 WHERE nid IN (SELECT id FROM notes WHERE mid = ?)",
                (DISCUSSION_MODEL_ID,),
            )
            stamp = _export_stamp(store, deck, discussion, with_progress, digest.hexdigest(), now)
            _stamp(cursor, stamp)
            cursor.execute("COMMIT")
        finally:
            conn.close()
        _zip(collection, out)
    finally:
        collection.unlink(missing_ok=True)
    _remember_stamp(store, deck, discussion, with_progress, digest.hexdigest(), stamp)
    return AnkiExport(notes, reviews, stamp)


# -- the package's collection ----------------------------------------------------------------


def _create_collection(cursor: sqlite3.Cursor, timing: Timing) -> None:
    from genanki.apkg_col import APKG_COL
    from genanki.apkg_schema import APKG_SCHEMA

    cursor.executescript(APKG_SCHEMA + APKG_COL)
    conf = json.loads(cursor.execute("SELECT conf FROM col").fetchone()[0])
    # The v2 scheduler's day counting with an explicit creation offset: day numbers are
    # calendar days since CREATED, each starting at the learner's rollover hour.
    conf.update(schedVer=2, rollover=timing.rollover_hour, creationOffset=0, nextPos=0)
    cursor.execute(
        "UPDATE col SET crt = ?, conf = ?, decks = '{}'",
        (CREATED_STAMP, json.dumps(conf, sort_keys=True)),
    )
    default = {
        "1": {
            "collapsed": False,
            "conf": 1,
            "desc": "",
            "dyn": 0,
            "extendNew": 0,
            "extendRev": 0,
            "id": 1,
            "lrnToday": [0, 0],
            "mod": 0,
            "name": "Default",
            "newToday": [0, 0],
            "revToday": [0, 0],
            "timeToday": [0, 0],
            "usn": 0,
        }
    }
    cursor.execute("UPDATE col SET decks = ?", (json.dumps(default),))


def _register_deck(cursor: sqlite3.Cursor, known: set[int], title: str, card: StoredCard) -> int:
    """The Anki deck for a card's chapter, added (with its parent) the first time it is met."""
    import genanki

    name = anki_deck_name(title, card.chapter)
    deck_id = anki_id(name)
    if deck_id in known:
        return deck_id
    parent = deck_part(title)
    for deck_name, description in ((parent, title), (name, card.chapter)):
        ident = anki_id(deck_name)
        if ident not in known:
            genanki.Deck(ident, deck_name, escape(description)).write_to_db(cursor, 0, iter(()))
            known.add(ident)
    return deck_id


def _register_models(cursor: sqlite3.Cursor, note_types) -> None:
    models_json = json.loads(cursor.execute("SELECT models FROM col").fetchone()[0])
    for model in note_types:
        models_json[str(model.model_id)] = model.to_json(0, 1)
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models_json, sort_keys=True),))


def _stamp(cursor: sqlite3.Cursor, stamp: int) -> None:
    """Every modification time in the package becomes the export stamp."""
    cursor.execute("UPDATE notes SET mod = ?", (stamp,))
    cursor.execute("UPDATE cards SET mod = ?", (stamp,))
    cursor.execute("UPDATE col SET mod = ?, scm = ?", (stamp * 1000, stamp * 1000))
    for column in ("models", "decks"):
        data = json.loads(cursor.execute(f"SELECT {column} FROM col").fetchone()[0])
        for value in data.values():
            value["mod"] = stamp
        cursor.execute(f"UPDATE col SET {column} = ?", (json.dumps(data, sort_keys=True),))


def _export_stamp(
    store: Store, deck: str | None, discussion: bool, progress: bool, digest: str, now: datetime
) -> int:
    previous = store.setting(MARKS_KEY, {}).get(_marks_key(deck, discussion, progress))
    if previous and previous["digest"] == digest:
        return int(previous["stamp"])
    stamp = to_epoch(now) or 0
    return max(stamp, int(previous["stamp"]) + 1) if previous else stamp


def _remember_stamp(
    store: Store, deck: str | None, discussion: bool, progress: bool, digest: str, stamp: int
) -> None:
    marks = store.setting(MARKS_KEY, {})
    key = _marks_key(deck, discussion, progress)
    if marks.get(key) != {"digest": digest, "stamp": stamp}:
        marks[key] = {"digest": digest, "stamp": stamp}
        store.set_setting(MARKS_KEY, marks)


def _marks_key(deck: str | None, discussion: bool, progress: bool) -> str:
    return json.dumps([deck, discussion, progress])


def _zip(collection: Path, out: IO[bytes]) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("collection.anki2", collection.read_bytes()), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


# -- progress --------------------------------------------------------------------------------

#: Anki's card types and queues.
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
QUEUE_SUSPENDED = -1
#: Anki's review-log kinds, by the state the card was in when answered.
REVLOG_KIND = {"new": 0, "learning": 0, "review": 1, "relearning": 2}


def _write_progress(
    cursor: sqlite3.Cursor,
    store: Store,
    deck: str | None,
    timing: Timing,
    now: datetime,
    digest: Any,
) -> int:
    """Carry every card's schedule and review log into the package's collection."""
    anki_cards = dict(
        cursor.execute("SELECT n.guid, c.id FROM cards c JOIN notes n ON n.id = c.nid")
    )
    for card in store.cards(deck=deck):
        anki_card = anki_cards.get(note_guid(card.id))
        if anki_card is None or card.kind in UNSCHEDULED_KINDS:
            continue
        values = _card_schedule(card, timing)
        if values is None:
            if card.suspended:  # a new card keeps its place among the new ones
                digest.update(repr((anki_card, "suspended")).encode())
                cursor.execute("UPDATE cards SET queue = -1 WHERE id = ?", (anki_card,))
            continue
        digest.update(repr((anki_card, values)).encode())
        cursor.execute(
            "UPDATE cards SET type = :type, queue = :queue, due = :due, ivl = :ivl, "
            "factor = :factor, reps = :reps, lapses = :lapses, left = :left, data = :data "
            "WHERE id = :id",
            {**values, "id": anki_card},
        )
    used: set[int] = set()
    written = 0
    for card_id, group in itertools.groupby(store.exported_reviews(deck), lambda r: r.card_id):
        anki_card = anki_cards.get(note_guid(card_id))
        if anki_card is None:
            continue
        last_interval = 0
        for review in group:
            row = _revlog_row(review, anki_card, last_interval, timing, used)
            last_interval = row[4]
            digest.update(repr(row).encode())
            cursor.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)", row)
            written += 1
    return written


def _card_schedule(card: StoredCard, timing: Timing) -> dict[str, Any] | None:
    """Anki's columns for a card's schedule; None for a card that was never answered."""
    s = card.schedule
    if s.state == "new" or s.due is None:
        return None
    memory = {}
    if s.stability is not None and s.difficulty is not None:
        memory = {
            "s": round(s.stability, 4),
            "d": round(s.difficulty, 4),
            "dr": timing.desired_retention,
        }
    if s.last_review is not None:
        memory["lrt"] = to_epoch(s.last_review)
    values = {
        **_base(card),
        "factor": 2500,
        "data": json.dumps(memory, sort_keys=True, separators=(",", ":")),
    }
    if s.state == "review":
        due = timing.day_number(s.due)
        last = timing.day_number(s.last_review) if s.last_review else due - 1
        values |= {"type": REVIEW, "queue": REVIEW, "due": due, "ivl": max(1, due - last)}
    else:
        steps = timing.learning_steps if s.state == "learning" else timing.relearning_steps
        kind = LEARNING if s.state == "learning" else RELEARNING
        interval = max(1, round(s.stability or 1)) if kind == RELEARNING else 0
        values |= {
            "type": kind,
            "queue": LEARNING,
            "due": to_epoch(s.due),
            "ivl": interval,
            "left": max(1, steps - (s.step or 0)),
        }
    if card.suspended:
        values["queue"] = QUEUE_SUSPENDED
    return values


def _base(card: StoredCard) -> dict[str, Any]:
    return {
        "type": NEW,
        "queue": NEW,
        "due": 0,
        "ivl": 0,
        "factor": 0,
        "reps": card.schedule.reps,
        "lapses": card.schedule.lapses,
        "left": 0,
        "data": "",
    }


def _revlog_row(
    review: ExportedReview, anki_card: int, last_interval: int, timing: Timing, used: set[int]
) -> tuple[int, ...]:
    """One review-log row: id (the answer's time in ms, unique), card, ease, interval (days,
    or negative seconds while learning), last interval, factor, time taken, kind."""
    ident = review.reviewed_at_ms
    while ident in used:
        ident += 1
    used.add(ident)
    interval = 0
    if review.due_after is not None:
        seconds = review.due_after - review.reviewed_at_ms // 1000
        if review.state_after == "review":
            reviewed = datetime.fromtimestamp(review.reviewed_at_ms / 1000, UTC)
            due = datetime.fromtimestamp(review.due_after, UTC)
            interval = max(1, timing.day_number(due) - timing.day_number(reviewed))
        else:
            interval = -max(1, seconds)
    factor = 2500 if review.state_after in ("review", "relearning") else 0
    return (
        ident,
        anki_card,
        review.rating,
        interval,
        last_interval,
        factor,
        min(review.duration_ms, 60_000),
        REVLOG_KIND[review.state_before],
    )
