"""The daily review."""

from __future__ import annotations

from pathlib import Path

import click

from leadership_cards.cli.app import cli
from leadership_cards.cli.options import WholeNumber, db_option, deck_option, open_store
from leadership_cards.clock import now_utc


@cli.command()
@db_option
@deck_option()
@click.option("--new", "new", type=WholeNumber(0), help="New cards in this session.")
@click.option("--limit", type=WholeNumber(1), help="Answers in this session at most.")
def review(db: Path | None, deck: str | None, new: int | None, limit: int | None) -> None:
    """The daily review: Space shows the answer, 1-4 rate it, e edits, f flags, u undoes."""
    from leadership_cards.backup import DailyBackup, daily_due
    from leadership_cards.config import scheduler_config
    from leadership_cards.editing import edit_in_editor
    from leadership_cards.review import ReviewSession, run_review
    from leadership_cards.terminal import interactive

    with interactive("review") as term, open_store(db) as store:
        store.require_deck(deck)
        session = ReviewSession(
            store,
            scheduler_config(store),
            deck=deck,
            new_limit=new,
            answer_limit=limit,
            now=now_utc(),
        )
        backup = (
            DailyBackup(store.path, now_utc()) if daily_due(store.path, session.day.start) else None
        )
        try:
            run_review(session, term, now_utc, editor=edit_in_editor)
        finally:
            if backup is not None and (error := backup.finish()) is not None:
                click.echo(f"Warning: today's backup could not be made: {error}", err=True)
