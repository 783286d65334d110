"""The `leadership-cards` command: thin click commands over the core.

Each command parses its options, calls the core, and renders. Expected failures are
`UserError`s, which reach the user as one line on stderr and exit status 1.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from leadership_cards import __version__
from leadership_cards.clock import iso, now_utc
from leadership_cards.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])


class Group(click.Group):
    """Turns the core's expected failures into click's one-line errors."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            raise click.ClickException(str(error)) from None
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise click.ClickException(
                    "the collection is busy in another process; try again in a moment"
                ) from None
            raise click.ClickException(f"the collection could not be used: {error}") from None
        except OSError as error:
            if error.errno == 28:  # ENOSPC
                raise click.ClickException("the disk is full; nothing was changed") from None
            if error.strerror and error.filename:
                raise click.ClickException(f"{error.filename}: {error.strerror}") from None
            raise


def db_option(command: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=True, path_type=Path),
        default=None,
        help="The collection file (default: $LEADERSHIP_CARDS_DB, else the user data folder).",
    )(command)


def open_store(db: Path | None):
    from leadership_cards.collection import open_collection
    from leadership_cards.paths import default_db_path

    return open_collection(db or default_db_path(), now_utc())


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="leadership-cards")
def cli() -> None:
    """Spaced-repetition flashcards for the terminal, from Inner Leadership."""


# -- decks and cards ---------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def decks(db: Path | None, as_json: bool) -> None:
    """The decks, with card counts and what is due today."""
    from leadership_cards.clock import StudyDay
    from leadership_cards.config import scheduler_config

    now = now_utc()
    with open_store(db) as store:
        day = StudyDay.containing(now, rollover_hour=scheduler_config(store).rollover_hour)
        rows = store.deck_counts(day.end, now)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No decks. Add one with: leadership-cards add CHAPTER.txt")
        return
    width = max(len(row["name"]) for row in rows)
    click.echo(f"{'deck':<{width}}  cards   new  learn  due  title")
    for row in rows:
        click.echo(
            f"{row['name']:<{width}}  {row['cards']:>5}  {row['new']:>4}  {row['learning']:>5}"
            f"  {row['due_today']:>3}  {row['title']}"
        )


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--kind", help="Only this kind of card (key_point, definition, ...).")
@click.option("--search", help="Only cards whose text contains this.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def cards(
    db: Path | None, deck: str | None, kind: str | None, search: str | None, as_json: bool
) -> None:
    """The cards, with their schedule."""
    from leadership_cards.cards import Kind

    if kind is not None and kind not in {k.value for k in Kind}:
        raise UserError(f"unknown kind {kind!r} (kinds: {', '.join(k.value for k in Kind)})")
    with open_store(db) as store:
        store.require_deck(deck)
        found = store.cards(deck=deck, kind=kind, search=search)
        if as_json:
            emit_json([card.to_json() for card in found])
            return
        for card in found:
            due = iso(card.schedule.due) or "-"
            click.echo(
                f"{card.id}  {card.state:<10}  {due[:10]:<10}  {card.kind:<17}  {card.front}"
            )


@cli.command()
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--deck", "name", help="The deck's name (default: from the folder or file).")
def add(db: Path | None, paths: tuple[Path, ...], name: str | None) -> None:
    """Make a deck from chapter files or a folder; adding again updates it."""
    from leadership_cards.collection import add_deck
    from leadership_cards.deck_source import deck_from_paths
    from leadership_cards.generate import generate

    source = deck_from_paths(list(paths), name)
    generate(source)  # fail on bad input before the collection is touched
    origin = ";".join(sorted(str(path.resolve()) for path in paths))
    with open_store(db) as store:
        existing = {deck.name: deck for deck in store.decks()}
        if source.name in existing and existing[source.name].origin != origin:
            raise UserError(
                f"a deck named {source.name!r} already exists from other files; "
                "choose another name with --deck"
            )
        result = add_deck(store, source, now_utc(), origin=origin)
    verb = "Updated" if source.name in existing else "Added"
    click.echo(
        f"{verb} deck {source.name!r}: {result.added} new cards, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.retired} retired."
    )


# -- review ------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--new", "new", type=click.IntRange(min=0), help="New cards in this session.")
@click.option("--limit", type=click.IntRange(min=1), help="Answers in this session at most.")
def review(db: Path | None, deck: str | None, new: int | None, limit: int | None) -> None:
    """The daily review: Space shows the answer, 1-4 rate it, u undoes, q quits."""
    from leadership_cards.config import scheduler_config
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
        run_review(session, term, now_utc)


# -- export ------------------------------------------------------------------------------


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
@click.option("--deck", help="Only this deck.")
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
    "--quiz", type=click.IntRange(min=1), help="markdown: a quiz of N questions with an answer key."
)
@click.option(
    "--seed", type=int, help="markdown: the quiz's random seed, to print the same quiz again."
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
    options = ExportOptions(deck, discussion, with_progress, separator or "tab", quiz, seed)
    with open_store(db) as store:
        result = run_export(store, fmt, target, options, now_utc())
    if result.target != "-":
        click.echo(f"Wrote {result.written} {result.what} to {result.target}.")


# -- history, housekeeping -----------------------------------------------------------------


@cli.command()
@db_option
@click.option("--card", "card_id", help="Only this card's reviews.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def history(db: Path | None, card_id: str | None, as_json: bool) -> None:
    """The review log."""
    with open_store(db) as store:
        if card_id is not None:
            card_id = store.card(card_id).id
        reviews = store.reviews(card_id)
        if as_json:
            emit_json([review.to_json() for review in reviews])
            return
        names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
        for review in reviews:
            click.echo(
                f"{iso(review.reviewed_at)}  {review.card_id}  {names[review.rating]:<5}  "
                f"{review.duration_ms / 1000:6.1f}s  {review.state_before} -> {review.state_after}"
            )


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
def suspend(db: Path | None, card_ids: tuple[str, ...]) -> None:
    """Keep cards out of review until unsuspended."""
    with open_store(db) as store:
        done = store.set_suspended(card_ids, True)
    click.echo(f"Suspended {len(done)} card{'s' if len(done) != 1 else ''}.")


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
def unsuspend(db: Path | None, card_ids: tuple[str, ...]) -> None:
    """Return suspended cards to review."""
    with open_store(db) as store:
        done = store.set_suspended(card_ids, False)
    click.echo(f"Unsuspended {len(done)} card{'s' if len(done) != 1 else ''}.")


@cli.command()
@db_option
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def config(db: Path | None, key: str | None, value: str | None, as_json: bool) -> None:
    """Show the settings, or set one: config new_per_day 30."""
    from leadership_cards.config import SETTINGS, set_value, values

    with open_store(db) as store:
        if key is not None and value is None:
            raise UserError(f"give a value: leadership-cards config {key} VALUE")
        if key is not None:
            set_value(store, key, value or "")
        current = values(store)
    if as_json:
        emit_json(current)
        return
    for name, setting in SETTINGS.items():
        shown = current[name]
        if name.endswith("steps"):
            shown = " ".join(f"{m:g}m" for m in shown)
        click.echo(f"{name:<18} {shown!s:<10} {setting.help}")


def main() -> None:
    """The console entry point: an unexpected fault is reported in one line, its traceback
    kept in a file for a bug report rather than shown."""
    try:
        cli(prog_name="leadership-cards")
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as error:
        report = write_crash_report()
        click.echo(
            f"Error: unexpected {type(error).__name__}: {error} (full report: {report})", err=True
        )
        sys.exit(1)


def write_crash_report() -> Path:
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile(
        "w", prefix="leadership-cards-crash-", suffix=".txt", delete=False
    ) as file:
        file.write(f"leadership-cards {__version__}\n{' '.join(sys.argv)}\n\n")
        file.write(traceback.format_exc())
    return Path(file.name)
