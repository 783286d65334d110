"""Cards out and in: exports, and imports from Anki and CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from leadership_cards.cli.app import Group, cli
from leadership_cards.cli.options import (
    F,
    WholeNumber,
    db_option,
    deck_option,
    emit_json,
    open_store,
)
from leadership_cards.clock import now_utc
from leadership_cards.errors import UserError


@cli.command()
@db_option
@click.argument(
    "fmt", metavar="anki|csv|markdown|json", type=click.Choice(["anki", "csv", "markdown", "json"])
)
@click.option(
    "-o",
    "--output",
    "target",
    help='Output file, or "-" for standard output (default: DECK.EXT here).',
)
@deck_option()
@click.option(
    "--discussion/--no-discussion",
    default=True,
    show_default=True,
    help="Include the discussion prompts.",
)
@click.option(
    "--with-progress",
    is_flag=True,
    help="anki: carry schedules and the review log into Anki (import it with learning progress).",
)
@click.option(
    "--separator",
    type=click.Choice(["tab", "comma"]),
    help="csv: the field separator (default: tab).",
)
@click.option(
    "--quiz", type=WholeNumber(1), help="markdown: a quiz of N questions with an answer key."
)
@click.option(
    "--seed",
    type=WholeNumber(),
    help="markdown: the quiz's random seed, to print the same quiz again.",
)
def export(
    db: Path | None,
    fmt: str,
    target: str | None,
    deck: str | None,
    discussion: bool,
    with_progress: bool,
    separator: str | None,
    quiz: int | None,
    seed: int | None,
) -> None:
    """Export the cards: an Anki package, Anki's CSV, a Markdown handout or quiz, or JSON."""
    from leadership_cards.export import ExportOptions
    from leadership_cards.export import export as run_export

    for given, option, only in (
        (with_progress, "--with-progress", "anki"),
        (separator is not None, "--separator", "csv"),
        (quiz is not None, "--quiz", "markdown"),
        (seed is not None, "--seed", "markdown"),
    ):
        if given and fmt != only:
            raise UserError(f"{option} applies only to the {only} export")
    if seed is not None and quiz is None:
        raise UserError("--seed needs --quiz N")
    from leadership_cards.progress import progress

    options = ExportOptions(deck, discussion, with_progress, separator or "tab", quiz, seed)
    # Nothing is drawn beside an export written to standard output.
    shown = f"Exporting to {fmt}" if target != "-" else None
    with open_store(db, reading=True) as store, progress(shown):
        result = run_export(store, fmt, target, options, now_utc())
    if result.target != "-":
        click.echo(f"Wrote {result.written} {result.what} to {result.target}.")


@cli.group(name="import", cls=Group)
def import_group() -> None:
    """Bring answers and edits back from Anki; take any Anki deck or CSV in."""


def _import_options(command: F) -> F:
    command = click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")(
        command
    )
    command = click.option("--dry-run", is_flag=True, help="Show the report; change nothing.")(
        command
    )
    return db_option(command)


@import_group.command(name="anki")
@click.argument("path", type=click.Path(path_type=Path))
@_import_options
def import_anki(path: Path, db: Path | None, dry_run: bool, as_json: bool) -> None:
    """An .apkg or .colpkg exported with scheduling, or a profile's collection.anki2."""
    from leadership_cards.anki_import import import_anki as run

    _run_import(run, path, db, dry_run, as_json)


@import_group.command(name="csv")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--deck", help="Put every note in this deck (default: the file's #deck or name).")
@_import_options
def import_csv(path: Path, deck: str | None, db: Path | None, dry_run: bool, as_json: bool) -> None:
    """A file in Anki's text format (as `export csv` writes, or a spreadsheet of questions)."""
    from leadership_cards.anki_import import import_csv as run

    _run_import(run, path, db, dry_run, as_json, deck=deck)


def _run_import(run: Callable, path: Path, db: Path | None, dry_run: bool, as_json: bool, **kw):
    from leadership_cards.anki_import.progress import PhaseProgress
    from leadership_cards.config import scheduler_config

    with open_store(db) as store, PhaseProgress() as progress:
        report = run(
            store,
            path,
            scheduler_config(store),
            now_utc(),
            dry_run=dry_run,
            progress=progress,
            **kw,
        )
    if as_json:
        emit_json(report.to_json())
        return
    for line in report.lines():
        click.echo(line)
