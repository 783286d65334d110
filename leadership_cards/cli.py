"""The `leadership-cards` command: thin click commands over the core.

Each command parses its options, calls the core, and renders. Expected failures are
`UserError`s, which reach the user as one line on stderr and exit status 1.
"""

from __future__ import annotations

import errno
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
        except (UserError, sqlite3.Error, ValueError, OSError) as error:
            message = expected_failure(error)
            if message is None:
                raise
            raise click.ClickException(one_line(message)) from None


def expected_failure(error: Exception) -> str | None:
    """What to tell the user about an expected failure; None for a real fault."""
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in str(error) or "busy" in str(error):
            return "the collection is busy in another process; try again in a moment"
        if "readonly" in str(error):
            return "the collection is read-only here; nothing was changed"
        return f"the collection could not be used: {error}"
    if isinstance(error, sqlite3.DatabaseError):
        return f"the collection file is damaged ({error}); `leadership-cards check` can tell more"
    if isinstance(error, ValueError) and "null byte" in str(error):
        # The OS takes no NUL character in a path; any path option can meet this.
        return "a path cannot contain a NUL character"
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return f"not enough space to write {error.filename or 'the file'}; nothing was changed"
        if error.strerror and error.filename:
            return f"{error.filename}: {error.strerror}"
    return None


def one_line(text: str) -> str:
    """An error message kept to one line: control characters that came in with a user's
    path or name (a newline, a tab) are shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


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
    from leadership_cards.generate import generate_report

    source = deck_from_paths(list(paths), name)
    generation = generate_report(source)  # bad input fails here, before the collection is touched
    origin = ";".join(sorted(str(path.resolve()) for path in paths))
    with open_store(db) as store:
        existing = {deck.name: deck for deck in store.decks()}
        if source.name in existing and existing[source.name].origin != origin:
            raise UserError(
                f"a deck named {source.name!r} already exists from other files; "
                "choose another name with --deck"
            )
        update = add_deck(store, source, now_utc(), origin=origin, generation=generation)
    for warning in update.warnings:
        click.echo(f"Warning: {warning}", err=True)
    result = update.result
    verb = "Updated" if source.name in existing else "Added"
    click.echo(
        f"{verb} deck {source.name!r}: {result.added} new cards, {result.carried} carried over, "
        f"{result.updated} updated, {result.unchanged} unchanged, {result.retired} retired."
    )


# -- review ------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--new", "new", type=click.IntRange(min=0), help="New cards in this session.")
@click.option("--limit", type=click.IntRange(min=1), help="Answers in this session at most.")
def review(db: Path | None, deck: str | None, new: int | None, limit: int | None) -> None:
    """The daily review: Space shows the answer, 1-4 rate it, u undoes, q quits."""
    from leadership_cards.backup import DailyBackup, daily_due
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
        backup = (
            DailyBackup(store.path, now_utc()) if daily_due(store.path, session.day.start) else None
        )
        run_review(session, term, now_utc)
        if backup is not None and (error := backup.finish()) is not None:
            click.echo(f"Warning: today's backup could not be made: {error}", err=True)


# -- meeting practice: quiz and Table Topics ---------------------------------------------


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--chapter", help="A chapter number or part of its title.")
@click.option("--count", type=int, default=10, show_default=True, help="Questions.")
@click.option(
    "--mode",
    type=click.Choice(["choice", "typed", "flip"]),
    default="choice",
    show_default=True,
    help="Pick one of four, type the answer, or reveal and grade yourself.",
)
@click.option("--seed", type=int, help="Seed the draw, for the same quiz again.")
@click.option("--weakest", is_flag=True, help="The cards most likely forgotten.")
@click.option("--history", "show_history", is_flag=True, help="Show past quiz scores.")
def quiz(
    db: Path | None,
    deck: str | None,
    chapter: str | None,
    count: int,
    mode: str,
    seed: int | None,
    weakest: bool,
    show_history: bool,
) -> None:
    """A quiz before the meeting; it never changes the review schedule."""
    import random

    from leadership_cards.quiz import QuizSession, plan_quiz, run_quiz
    from leadership_cards.terminal import interactive

    if show_history:
        _quiz_history(db)
        return
    now = now_utc()
    with open_store(db) as store:
        retrievability = None
        if weakest:
            from leadership_cards.config import scheduler_config
            from leadership_cards.scheduler import Scheduler

            scheduler = Scheduler(scheduler_config(store))
            retrievability = lambda card: scheduler.retrievability(card.schedule, now)  # noqa: E731
        questions, place = plan_quiz(
            store,
            deck=deck,
            chapter=chapter,
            count=count,
            mode=mode,
            rng=random.Random(seed),
            weakest=weakest,
            retrievability=retrievability,
        )
        session = QuizSession(
            store,
            questions,
            mode,
            deck=place[0] if place else deck,
            chapter=place[1] if place else None,
            weakest=weakest,
        )
        with interactive("quiz") as term:
            run_quiz(session, term, now_utc)


def _quiz_history(db: Path | None) -> None:
    from leadership_cards.clock import local_zone
    from leadership_cards.quiz import format_duration

    with open_store(db) as store:
        runs = store.quiz_runs()
    if not runs:
        click.echo("No quizzes yet. Start one with: leadership-cards quiz")
        return
    zone = local_zone()
    click.echo(f"{'date':<16}  {'deck':<16}  {'mode':<6}  {'score':>7}  {'time':>7}  chapter")
    for run in runs:
        score = f"{run.correct}/{run.asked}"
        mode = run.mode + ("*" if run.weakest else "")
        click.echo(
            f"{run.started_at.astimezone(zone):%Y-%m-%d %H:%M}  {run.deck or 'all':<16}  "
            f"{mode:<6}  {score:>7}  {format_duration(run.duration_ms):>7}  "
            f"{run.chapter or 'all chapters'}"
        )
    if any(run.weakest for run in runs):
        click.echo("* weakest cards")


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--count", type=int, default=3, show_default=True, help="Topics.")
@click.option("--green", default="1:00", show_default=True, help="Green light (M:SS or seconds).")
@click.option("--yellow", default="1:30", show_default=True, help="Yellow light.")
@click.option("--red", default="2:00", show_default=True, help="Red light.")
@click.option("--seed", type=int, help="Seed the draw.")
def topics(
    db: Path | None,
    deck: str | None,
    count: int,
    green: str,
    yellow: str,
    red: str,
    seed: int | None,
) -> None:
    """Table Topics practice: answer discussion questions against the timing lights."""
    import random
    import shutil

    from leadership_cards.terminal import interactive
    from leadership_cards.topics import Lights, draw_topics, parse_time, run_topics

    lights = Lights(
        parse_time(green, "--green"), parse_time(yellow, "--yellow"), parse_time(red, "--red")
    )
    with open_store(db) as store:
        chosen = draw_topics(store, deck, count, random.Random(seed))
        if len(chosen) < count:
            click.echo(f"Only {len(chosen)} discussion questions; using them all.")
        width = max(20, min(60, shutil.get_terminal_size((60, 24)).columns - 1))
        with interactive("topics") as term:
            run_topics(store, chosen, lights, term, now_utc, width=width)


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


# -- reliability -------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--repair", is_flag=True, help="Fix what can be fixed safely (after a backup).")
def check(db: Path | None, repair: bool) -> None:
    """Check the collection's integrity and invariants."""
    from leadership_cards import backup
    from leadership_cards.check import check as run_check
    from leadership_cards.check import repair as run_repair
    from leadership_cards.config import scheduler_config

    with open_store(db) as store:
        report = run_check(store)
        if report.ok:
            click.echo("The collection is sound.")
            return
        for line in report.lines():
            click.echo(f"- {line}")
        if not repair:
            raise UserError("problems found; `leadership-cards check --repair` fixes what it can")
        if report.integrity:
            raise UserError(
                "the file itself is damaged and cannot be repaired safely; "
                "restore a backup with `leadership-cards backup restore latest`"
            )
        saved = backup.take(store.path, "before-repair", now_utc(), store.conn)
        for line in run_repair(store, report, scheduler_config(store), now_utc()):
            click.echo(f"Repaired: {line}")
        click.echo(f"A copy from before the repair is at {saved}")


@cli.group(name="backup", cls=Group)
def backup_group() -> None:
    """List, make and restore backups of the collection."""


@backup_group.command(name="list")
@db_option
def backup_list(db: Path | None) -> None:
    """The backups, oldest first."""
    from leadership_cards.backup import backups
    from leadership_cards.paths import default_db_path

    found = backups(db or default_db_path())
    if not found:
        click.echo("No backups yet.")
    for item in found:
        size = item.path.stat().st_size / 1e6
        click.echo(f"{item.name}  {item.reason:<18} {size:8.1f} MB")


@backup_group.command(name="create")
@db_option
def backup_create(db: Path | None) -> None:
    """Back the collection up now."""
    from leadership_cards.backup import take

    with open_store(db) as store:
        saved = take(store.path, "manual", now_utc(), store.conn)
    click.echo(f"Saved {saved}")


@backup_group.command(name="restore")
@db_option
@click.argument("name", default="latest")
def backup_restore(db: Path | None, name: str) -> None:
    """Return the collection to a backup (NAME from `backup list`, or latest)."""
    from leadership_cards.backup import find
    from leadership_cards.paths import default_db_path
    from leadership_cards.store.restore import restore

    path = db or default_db_path()
    chosen = find(path, name)
    saved = restore(path, chosen, now_utc())
    click.echo(f"Restored {chosen.name}. The collection as it was is saved as {saved.name}.")


# -- stats, optimize, simulate ------------------------------------------------------------


@cli.command()
@db_option
@click.option("--deck", help="Only this deck.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: Path | None, deck: str | None, as_json: bool) -> None:
    """Numbers and charts: cards by state, retention, streak, forecast, heatmap."""
    from leadership_cards.clock import local_zone
    from leadership_cards.config import scheduler_config
    from leadership_cards.stats import collect

    with open_store(db) as store:
        store.require_deck(deck)
        figures = collect(
            store, scheduler_config(store), now=now_utc(), zone=local_zone(), deck=deck
        )
    if as_json:
        emit_json(figures)
        return
    from leadership_cards.charts import render_stats

    render_stats(figures)


@cli.command()
@db_option
@click.option("--dry-run", is_flag=True, help="Report the fit without keeping it.")
@click.option("--reset", is_flag=True, help="Go back to the default FSRS parameters.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def optimize(db: Path | None, dry_run: bool, reset: bool, as_json: bool) -> None:
    """Fit the FSRS parameters to your own review history."""
    from leadership_cards import optimize as core
    from leadership_cards.clock import local_zone
    from leadership_cards.config import scheduler_config

    with open_store(db) as store:
        if reset:
            if dry_run:
                raise UserError("--reset and --dry-run cannot be combined")
            had = core.reset(store)
            click.echo(
                "Back to the default FSRS parameters."
                if had
                else "The default FSRS parameters were already in use."
            )
            return
        fit = core.optimize(
            store,
            now=now_utc(),
            zone=local_zone(),
            rollover_hour=scheduler_config(store).rollover_hour,
            dry_run=dry_run,
        )
    if as_json:
        emit_json(fit.to_json())
        return
    click.echo(f"Fitted to {fit.reviews} reviews ({fit.items} on a later day than the one before).")
    click.echo(f"{'parameters':<10}  {'log loss':>8}  {'RMSE':>7}")
    rows = [("default", fit.default), ("current", fit.current), ("fitted", fit.fitted)]
    for name, evaluation in rows:
        if evaluation is not None:
            click.echo(f"{name:<10}  {evaluation.log_loss:8.4f}  {evaluation.rmse:7.4f}")
    if not fit.kept:
        click.echo("The fitted parameters predict your history no better; kept the current ones.")
    elif fit.stored:
        click.echo("Saved: the scheduler uses the fitted parameters from now on.")
    else:
        click.echo("Dry run: the fitted parameters are better but were not saved.")


@cli.command()
@db_option
@click.option(
    "--new-per-day", type=click.IntRange(min=0), help="New cards a day (default: setting)."
)
@click.option("--days", type=click.IntRange(1, 3650), default=365, show_default=True)
@click.option(
    "--retention", type=click.FloatRange(0.7, 0.99), help="Desired retention (default: setting)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def simulate(
    db: Path | None, new_per_day: int | None, days: int, retention: float | None, as_json: bool
) -> None:
    """The daily workload and cards learnt at a desired retention, with your parameters."""
    from leadership_cards.config import scheduler_config
    from leadership_cards.simulate import simulate as run

    with open_store(db) as store:
        config = scheduler_config(store)
        counts = store.stats_cards()
    deck_size = max(1, sum(counts[s] for s in ("new", "learning", "review", "relearning")))
    result = run(
        config.parameters,
        retention=retention if retention is not None else config.desired_retention,
        new_per_day=new_per_day if new_per_day is not None else config.new_per_day,
        days=days,
        deck_size=deck_size,
        reviews_per_day=config.reviews_per_day,
    )
    if as_json:
        emit_json(result)
        return
    from leadership_cards.charts import render_simulation

    render_simulation(result)


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
