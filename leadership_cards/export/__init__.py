"""Exports: Anki (.apkg), Anki's CSV text import, a Markdown handout or quiz, and JSON.

`export` checks everything a user can get wrong (deck, output folder, an empty selection)
before it writes, then streams the cards from the store into an atomically replaced file
(or standard output), so a failed export leaves nothing behind and an old file intact.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from leadership_cards.errors import UserError
from leadership_cards.export.atomic import STDOUT, check_target, output
from leadership_cards.store import Store

#: Format name -> file extension.
FORMATS = {"anki": "apkg", "csv": "csv", "markdown": "md", "json": "json"}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    deck: str | None = None
    discussion: bool = True
    with_progress: bool = False  # anki
    separator: str = "tab"  # csv
    quiz: int | None = None  # markdown
    seed: int | None = None  # markdown quiz


@dataclass(frozen=True, slots=True)
class ExportResult:
    target: str
    written: int
    what: str  # "notes", "cards", "questions"


def default_path(fmt: str, deck: str | None) -> Path:
    """`<deck or "leadership-cards">.<ext>` in the current folder."""
    stem = (deck or "leadership-cards").replace("/", "-").replace("\\", "-").strip(". ")
    return Path(f"{stem or 'leadership-cards'}.{FORMATS[fmt]}")


def export(
    store: Store, fmt: str, target: str | Path | None, options: ExportOptions, now: datetime
) -> ExportResult:
    """Write the cards (of one deck) in `fmt` to `target` ("-" is standard output)."""
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
    store.require_deck(options.deck)
    if store.count_cards(options.deck) == 0:
        what = f"deck {options.deck!r}" if options.deck else "the collection"
        raise UserError(f"nothing to export: {what} has no cards")
    target = str(target if target is not None else default_path(fmt, options.deck))
    if target != STDOUT:
        check_target(Path(target), store.path)
    titles = {info.name: info.title for info in store.decks()}
    cards = store.cards(deck=options.deck)
    if fmt == "anki":
        from leadership_cards.config import scheduler_config
        from leadership_cards.export.apkg import Timing, write_apkg

        config = scheduler_config(store)
        timing = Timing(
            rollover_hour=config.rollover_hour,
            desired_retention=config.desired_retention,
            learning_steps=len(config.learning_steps),
            relearning_steps=len(config.relearning_steps),
        )
        with output(target, True, store.path, private=options.with_progress) as file:
            result = write_apkg(
                store,
                file,
                now=now,
                deck=options.deck,
                discussion=options.discussion,
                with_progress=options.with_progress,
                timing=timing,
            )
        return ExportResult(target, result.notes, "notes")
    if fmt == "csv":
        from leadership_cards.export.csvfile import write_csv

        with output(target, collection=store.path) as file:
            written = write_csv(
                cards, titles, file, separator=options.separator, discussion=options.discussion
            )
        return ExportResult(target, written, "notes")
    if fmt == "markdown":
        from leadership_cards.export.markdown import write_handout, write_quiz

        if options.quiz is None:
            with output(target, collection=store.path) as file:
                written = write_handout(_discussion(cards, options.discussion), titles, file)
            return ExportResult(target, written, "cards")
        seed = options.seed if options.seed is not None else random.SystemRandom().randrange(10**6)
        title = titles.get(options.deck, options.deck) if options.deck else "Leadership cards"
        with output(target, collection=store.path) as file:
            written = write_quiz(cards, title, options.quiz, seed, file)
            if written == 0:
                raise UserError("nothing to quiz on: the selection holds only discussion prompts")
        return ExportResult(target, written, "questions")
    from leadership_cards.export.jsonfile import write_json

    with output(target, collection=store.path, private=True) as file:  # carries schedules
        written = write_json(cards, file)
    return ExportResult(target, written, "cards")


def _discussion(cards, keep: bool):
    from leadership_cards.cards import UNSCHEDULED_KINDS

    return cards if keep else (card for card in cards if card.kind not in UNSCHEDULED_KINDS)
