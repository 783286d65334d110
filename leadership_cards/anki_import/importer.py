"""Bringing notes into the collection: our own cards matched by GUID, everyone else's as
decks of their own, and Anki's answers merged into each card's history.

The import is worked out first (nothing written), then applied in one transaction, so a
dry run reports exactly what a real run does, and an interrupted run changes nothing.

An answer is known when the card already has one with the same rating at the same moment,
or up to a second before it: our export writes each answer's time as its review-log id,
nudged up a millisecond when two answers share one, so answers that went to Anki with a
card's progress come back as themselves and are not doubled.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

from leadership_cards.anki_import.notes import AnkiAnswer, Note, NoteCard, Skipped
from leadership_cards.anki_import.report import Edit, ImportReport
from leadership_cards.anki_import.text import (
    cloze_card,
    cloze_numbers,
    cloze_text,
    html_to_text,
)
from leadership_cards.cards import UNSCHEDULED_KINDS, Card, Kind, SourceRef
from leadership_cards.clock import to_epoch
from leadership_cards.scheduler import Rating, Schedule, Scheduler, SchedulerConfig
from leadership_cards.store import DeckInfo, Store, StoredCard
from leadership_cards.store.imports import CardLog, LoggedAnswer
from leadership_cards.terminal import printable

#: How far before an incoming answer a logged one may lie and still be the same answer.
SAME_ANSWER_MS = 1000


class Progress(Protocol):
    def start(self, what: str, total: int) -> None: ...
    def advance(self, done: int = 1) -> None: ...


class NoProgress:
    def start(self, what: str, total: int) -> None:
        pass

    def advance(self, done: int = 1) -> None:
        pass


@dataclass
class Plan:
    """What an import will change."""

    report: ImportReport
    decks: dict[str, DeckInfo] = field(default_factory=dict)
    cards: dict[str, list[Card]] = field(default_factory=dict)  # by deck
    answers: dict[str, list[AnkiAnswer]] = field(default_factory=dict)  # new, by card id
    logs: dict[str, CardLog] = field(default_factory=dict)  # already logged
    forgotten: dict[str, int] = field(default_factory=dict)  # forgotten in Anki, when (ms)


def run_import(
    store: Store,
    notes: Iterable[Note],
    *,
    source: str,
    config: SchedulerConfig,
    now: datetime,
    skipped: Skipped | None = None,
    media: int = 0,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    progress = progress or NoProgress()
    skipped = skipped or Skipped()
    report = ImportReport(source=source, dry_run=dry_run, media=media)
    notes = list(notes)
    # Worked out and applied under one write lock: an answer given in another terminal
    # meanwhile cannot slip between the replay's reading of a log and its writing.
    with store.transaction() as conn:
        plan = _plan(store, notes, report, skipped, progress, source)
        _count_new_answers(store, plan, progress)
        report.skipped = skipped.reasons
        # A dry run applies the plan too and then takes it back, so its report counts the
        # new and updated cards exactly as the real import would.
        if dry_run:
            conn.execute("SAVEPOINT dry_run")
        try:
            _apply(store, plan, config, now, progress)
        finally:
            if dry_run:
                conn.execute("ROLLBACK TO dry_run")
                conn.execute("RELEASE dry_run")
    return report


# -- working it out ------------------------------------------------------------------------


def _plan(
    store: Store,
    notes: list[Note],
    report: ImportReport,
    skipped: Skipped,
    progress: Progress,
    source: str,
) -> Plan:
    from leadership_cards.export.apkg import MARKS_KEY, note_fields, note_guid

    plan = Plan(report)
    ours = {note_guid(card_id): card_id for card_id in store.card_ids()}
    marks = store.setting(MARKS_KEY, {}) or {}
    last_export = max((int(mark["stamp"]) for mark in marks.values()), default=0)
    decks = {deck.name: deck for deck in store.decks()}
    matched: dict[str, StoredCard] = {}
    incoming: dict[str, list[AnkiAnswer]] = {}
    progress.start("Reading notes", len(notes))
    report.notes = len(notes)
    for note in notes:
        progress.advance()
        card_id = ours.get(note.guid) if note.guid else None
        if card_id is not None:
            card = store.card(card_id)
            matched[card_id] = card
            report.notes_matched += 1
            edit = _edit(card, note, note_fields(card)[1], last_export, skipped)
            if edit is not None:
                report.edits.append(edit)
            first = next((c for c in note.cards if c.ord == 0), None)
            if first is not None and first.forgotten_ms and card.kind not in UNSCHEDULED_KINDS:
                plan.forgotten[card_id] = first.forgotten_ms
            if first is not None and first.answers:
                if card.kind in UNSCHEDULED_KINDS:
                    skipped.add(
                        "answers to discussion prompts (never scheduled here)", len(first.answers)
                    )
                else:
                    incoming[card_id] = list(first.answers)
            continue
        for anki_card in note.cards:
            card = _foreign_card(note, anki_card, skipped)
            if card is None:
                continue
            deck = _deck_for(anki_card.deck, decks, plan.decks, source)
            plan.cards.setdefault(deck.name, []).append(
                _replace_deck(card, deck.name) if card.deck != deck.name else card
            )
            if anki_card.answers:
                incoming[card.id] = list(anki_card.answers)
            if anki_card.forgotten_ms:
                plan.forgotten[card.id] = anki_card.forgotten_ms
    report.missing = _missing(store, matched)
    report.new_decks = [name for name in plan.decks if name not in decks]
    plan.answers = incoming
    return plan


def _edit(
    card: StoredCard, note: Note, exported: list[str], last_export: int, skipped: Skipped
) -> Edit | None:
    """The card's text as corrected in Anki, if the note differs from what we export and
    was changed after our last export (an older export's text is no correction)."""
    from leadership_cards.export.fields import source_html

    fields = [*note.fields, "", ""]
    # Our CSV puts the source passage under the answer; it is not part of the answer.
    back = fields[1].removesuffix("<br><br>" + source_html(card))
    if card.cloze and card.kind not in UNSCHEDULED_KINDS:
        if fields[0] == exported[0]:
            return None
        text = cloze_text(fields[0])
        if 1 not in cloze_numbers(text):
            skipped.add("edits that removed the cloze deletion (left as they are here)")
            return None
        stored, front, answer = cloze_card(text, 1)
        changed = stored != card.cloze
        edit = Edit(card.id, front, answer)
    else:
        if card.kind in UNSCHEDULED_KINDS:
            back = exported[1]  # a prompt's second field names its chapter: not an answer
        if [fields[0], back] == exported[:2]:
            return None
        front, answer = html_to_text(fields[0]), html_to_text(back)
        if not front or not answer:
            skipped.add("edits that left a side empty (left as they are here)")
            return None
        if card.kind in UNSCHEDULED_KINDS:
            answer = card.back
        changed = (_words(front), _words(answer)) != (_words(card.front), _words(card.back))
        edit = Edit(card.id, front, answer)
    if not changed:
        return None
    if note.modified and note.modified <= last_export:
        skipped.add("notes holding an earlier export's text (the cards here are newer)")
        return None
    return edit


def _words(text: str) -> str:
    return " ".join(text.split())


def foreign_card_id(guid: str, ordinal: int) -> str:
    """A card from another deck keeps its id through edits: it is named by its note's GUID
    and its place in the note, as Anki names it."""
    key = f"anki\x1f{guid}\x1f{ordinal}"
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def _foreign_card(note: Note, anki_card: NoteCard, skipped: Skipped) -> Card | None:
    fields = note.fields
    chapter = anki_card.deck.split("::")[-1]
    # Named by the note, not by the file it came in: the next export has another name.
    where = SourceRef("Anki", f"note {note.guid}" if note.guid else "note")
    item = f"anki/{note.guid}"
    tags = tuple(note.tags)
    if note.notetype.cloze:
        if "image-occlusion:" in fields[0]:
            skipped.add("image occlusion cards")
            return None
        text = cloze_text(fields[0])
        number = anki_card.ord + 1
        if number not in cloze_numbers(text):
            skipped.add("cloze cards whose deletion is gone from the note's text")
            return None
        stored, front, back = cloze_card(text, number)
        extra = html_to_text(fields[1]) if len(fields) > 1 else ""
        where = SourceRef(where.file, where.position, extra)
        kind, cloze = Kind.CLOZE, stored
    else:
        if len(fields) < 2:
            skipped.add("notes of a one-field note type")
            return None
        if anki_card.ord > 1:
            skipped.add("cards of a third or later card type (only front-back and back-front)")
            return None
        front, back = html_to_text(fields[0]), html_to_text(fields[1])
        if anki_card.ord == 1:
            front, back = back, front
        kind, cloze = Kind.QUESTION, None
    if not front or not back:
        skipped.add("cards with a side empty of text (blank, or media only)")
        return None
    ident = foreign_card_id(note.guid, anki_card.ord) if note.guid else None
    return Card(
        anki_card.deck, chapter, kind, front, back, where, item, cloze, tags, fixed_id=ident
    )


def _replace_deck(card: Card, deck: str) -> Card:
    return replace(card, deck=deck)


def _deck_for(
    name: str, existing: dict[str, DeckInfo], planned: dict[str, DeckInfo], source: str
) -> DeckInfo:
    """The deck an Anki deck's cards go to: its own name, unless a deck made here from
    chapters already has that name ("Name (Anki)" then, or "Name (Anki 2)", ...). A name
    from a file is text to show and type: its control characters are left out."""
    name = " ".join(printable(name).split()) or "Anki"
    for number in itertools.count(1):
        candidate = (
            name if number == 1 else f"{name} (Anki{'' if number == 2 else f' {number - 1}'})"
        )
        known = existing.get(candidate) or planned.get(candidate)
        if known is None:
            info = DeckInfo(candidate, name, origin=f"anki:{source}")
            planned[candidate] = info
            return info
        if known.origin.startswith("anki:"):
            planned.setdefault(candidate, known)
            return known
    raise AssertionError("itertools.count never ends")


def _missing(store: Store, matched: dict[str, StoredCard]) -> list[str]:
    """Live cards of the decks the file matched that it does not hold (discussion prompts
    only when the file has some, as an export may leave them out)."""
    if not matched:
        return []
    decks = {card.deck for card in matched.values()}
    prompts = any(card.kind in UNSCHEDULED_KINDS for card in matched.values())
    missing = []
    for deck in sorted(decks):
        for card in store.cards(deck=deck):
            if card.id in matched or (card.kind in UNSCHEDULED_KINDS and not prompts):
                continue
            missing.append(card.id)
    return missing


def _count_new_answers(store: Store, plan: Plan, progress: Progress) -> None:
    """Keep only the answers the log does not already hold; count both. A card forgotten in
    Anki after its last reset here starts again from that moment, like `reset`: its earlier
    answers stay in the log and no longer count for its schedule."""
    progress.start("Matching answers", len(plan.answers))
    plan.logs = store.answer_logs({**plan.answers, **plan.forgotten})
    fresh: dict[str, list[AnkiAnswer]] = {}
    for card_id, moment in list(plan.forgotten.items()):
        log = plan.logs[card_id]
        if moment <= log.reset_at_ms:  # already taken, or reset here since
            del plan.forgotten[card_id]
            continue
        plan.logs[card_id] = CardLog(moment, log.answers)
        fresh[card_id] = []  # replayed even when no answer is new
    plan.report.cards_forgotten = len(plan.forgotten)
    for card_id, answers in plan.answers.items():
        progress.advance()
        logged = [(a.reviewed_at_ms, a.rating) for a in plan.logs[card_id].answers]
        new, known = new_answers(answers, logged)
        plan.report.answers_known += known
        if new:
            fresh[card_id] = new
            plan.report.answers_added += len(new)
    plan.answers = fresh
    plan.report.cards_replayed = len(fresh)


def new_answers(
    incoming: Sequence[AnkiAnswer], logged: Sequence[tuple[int, int]]
) -> tuple[list[AnkiAnswer], int]:
    """The incoming answers the log (moments in ms, ratings; sorted) does not hold, and how
    many it does. Each logged answer stands for one incoming answer at most."""
    moments = [moment for moment, _ in logged]
    used: set[int] = set()
    new: list[AnkiAnswer] = []
    known = 0
    for answer in sorted(incoming, key=lambda a: a.moment_ms):
        start = bisect.bisect_left(moments, answer.moment_ms - SAME_ANSWER_MS)
        end = bisect.bisect_right(moments, answer.moment_ms)
        match = next(
            (i for i in range(start, end) if i not in used and logged[i][1] == answer.rating),
            None,
        )
        if match is None:
            new.append(answer)
        else:
            used.add(match)
            known += 1
    return new, known


# -- applying it ---------------------------------------------------------------------------


def _apply(
    store: Store, plan: Plan, config: SchedulerConfig, now: datetime, progress: Progress
) -> None:
    report = plan.report
    for deck, cards in plan.cards.items():
        added, updated = store.take_in_cards(plan.decks[deck], cards, now)
        report.new_cards += added
        report.updated_cards += updated
    for edit in report.edits:
        _take_edit(store, edit, now)
    store.set_reset_moments(plan.forgotten)
    scheduler = Scheduler(config)
    inserted: list[tuple] = []
    rewritten: list[tuple] = []
    schedules: list[tuple[str, Schedule, bool]] = []
    progress.start("Replaying schedules", len(plan.answers))
    for card_id, answers in plan.answers.items():
        progress.advance()
        schedule, leech = _replay(
            card_id, plan.logs[card_id], answers, scheduler, config, inserted, rewritten
        )
        schedules.append((card_id, schedule, leech))
        report.leeches += leech
    store.add_replayed_answers(inserted)
    store.rewrite_replayed_answers(rewritten)
    store.set_replayed_schedules(schedules)


def _replay(
    card_id: str,
    log: CardLog,
    new: list[AnkiAnswer],
    scheduler: Scheduler,
    config: SchedulerConfig,
    inserted: list[tuple],
    rewritten: list[tuple],
) -> tuple[Schedule, bool]:
    """Replay a card's merged log (as `check --repair` does): the new answers go into
    `inserted` and the logged ones, whose states may change, into `rewritten`, as rows.
    Answers before a reset to new are replayed apart, for their rows only. Returns the
    schedule the log ends in, and whether a new answer made the card a leech."""
    from leadership_cards.check import replay_answers

    merged: list[LoggedAnswer | AnkiAnswer] = sorted([*log.answers, *new], key=_ms)
    schedule = Schedule()
    leech = False
    for counts in (False, True):
        part = [a for a in merged if (_ms(a) >= log.reset_at_ms) == counts]
        steps = replay_answers(
            card_id, ((Rating(a.rating), _moment(_ms(a))) for a in part), scheduler
        )
        for answer, (before, after) in zip(part, steps, strict=True):
            schedule = after
            row = (
                before.state,
                after.state,
                after.stability,
                after.difficulty,
                to_epoch(after.due),
            )
            if isinstance(answer, LoggedAnswer):
                rewritten.append((*row, answer.id))
                continue
            inserted.append((card_id, answer.rating, answer.moment_ms, answer.duration_ms, *row))
            leech |= (
                counts
                and before.state == "review"
                and answer.rating == Rating.AGAIN
                and after.lapses >= config.leech_lapses
            )
        if not counts:
            schedule = Schedule()
    return schedule, leech


def _take_edit(store: Store, edit: Edit, now: datetime) -> None:
    """Keep a correction made in Anki as the card's override, so a regenerated deck keeps it."""
    store.set_override(edit.card_id, front=edit.front, back=edit.back, origin="anki", now=now)


def _ms(answer: LoggedAnswer | AnkiAnswer) -> int:
    return answer.reviewed_at_ms if isinstance(answer, LoggedAnswer) else answer.moment_ms


def _moment(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)
