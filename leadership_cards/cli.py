"""The `leadership-cards` command: thin click commands over the core.

Each command parses its options, calls the core, and renders. Expected failures are
`UserError`s, which reach the user as one line on stderr and exit status 1.
"""

from __future__ import annotations

import errno
import json
import sqlite3
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from leadership_cards import __version__
from leadership_cards.clock import iso, now_utc
from leadership_cards.errors import SettingWarning, UserError
from leadership_cards.words import counted

F = TypeVar("F", bound=Callable[..., Any])


class Group(click.Group):
    """Turns the core's expected failures into click's one-line errors, and Ctrl-C into
    exit status 130 (every answer given before it is already committed)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", SettingWarning)
                warnings.showwarning = _warn_once()
                return super().invoke(ctx)
        except (UserError, sqlite3.Error, ValueError, OSError) as error:
            message = expected_failure(error)
            if message is None:
                raise
            raise click.ClickException(one_line(message)) from None
        except KeyboardInterrupt:
            click.echo("\nInterrupted.", err=True)
            raise click.exceptions.Exit(130) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command's summary whole (click cuts them to fit one line), wrapped instead."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, command.get_short_help_str(limit=1_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _warn_once() -> Callable[..., None]:
    """Shows each `SettingWarning` once a command, as one line on stderr."""
    said: set[str] = set()
    shown = warnings.showwarning

    def show(message, category, *args: Any, **kwargs: Any) -> None:
        if not issubclass(category, SettingWarning):
            shown(message, category, *args, **kwargs)
        elif str(message) not in said:
            said.add(str(message))
            click.echo(f"Warning: {one_line(str(message))}", err=True)

    return show


def expected_failure(error: Exception) -> str | None:
    """What to tell the user about an expected failure; None for a real fault."""
    if isinstance(error, UserError):
        return str(error)
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in str(error) or "busy" in str(error):
            return "the collection is busy in another process; try again in a moment"
        if "readonly" in str(error):
            return "the collection is read-only here; nothing was changed"
        if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF == sqlite3.SQLITE_FULL:
            return "not enough space to write the collection; nothing was changed"
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


DB_HELP = "The collection file (default: $LEADERSHIP_CARDS_DB, else the user data folder)."


def db_option(command: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=True, path_type=Path),
        default=None,
        help=DB_HELP,
    )(command)


def collection_path(db: Path | None) -> Path:
    """--db after the command, else --db before it, else the default place."""
    from leadership_cards.paths import default_db_path

    if db is not None:
        return db
    context = click.get_current_context(silent=True)
    return _db_before(context) or default_db_path()


def _db_before(context: click.Context | None) -> Path | None:
    """--db given before the command's name (to the program or to a group of commands)."""
    while context is not None:
        if context.params.get("db") is not None:
            return context.params["db"]
        context = context.parent
    return None


def chosen_explicitly(db: Path | None) -> bool:
    """True when the path came from --db or $LEADERSHIP_CARDS_DB rather than the default."""
    import os

    from leadership_cards.paths import ENV_DB

    before = _db_before(click.get_current_context(silent=True))
    return db is not None or before is not None or bool(os.environ.get(ENV_DB))


def open_store(db: Path | None, *, reading: bool = False):
    """The collection. A command that only reads (`reading`) refuses a path that was given
    but does not exist, since that is a mistyped path, not a wish for a new collection."""
    from leadership_cards.collection import open_collection

    path = collection_path(db)
    if reading and chosen_explicitly(db) and not path.exists():
        raise UserError(f"no collection at {path}: the file does not exist")
    return open_collection(path, now_utc())


class WholeNumber(click.ParamType):
    """A whole-number option, its range checked, said in our one line ("--new 'abc' is not a
    whole number") rather than click's "not a valid integer range"."""

    name = "integer"

    def __init__(self, least: int | None = None, most: int | None = None) -> None:
        self.least, self.most = least, most

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        flag = param.opts[0] if param is not None and param.opts else "the value"
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            raise UserError(f"{flag} {value!r} is not a whole number") from None
        if (self.least is not None and number < self.least) or (
            self.most is not None and number > self.most
        ):
            raise UserError(f"{flag} must be {self._range()} (got {number})")
        return number

    def _range(self) -> str:
        if self.most is None:
            return f"at least {self.least}"
        if self.least is None:
            return f"at most {self.most}"
        return f"from {self.least} to {self.most}"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "INTEGER"


class KindType(click.ParamType):
    """A card kind as the cards show it ("key point") or as stored (key_point)."""

    name = "kind"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        from leadership_cards.cards import Kind

        wanted = "_".join(str(value).strip().lower().replace("-", " ").split())
        kinds = {k.value for k in Kind}
        if wanted not in kinds:
            shown = ", ".join(k.replace("_", " ") for k in sorted(kinds))
            raise UserError(f"unknown kind {value!r} (kinds: {shown})")
        return wanted

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str):
        from click.shell_completion import CompletionItem

        from leadership_cards.cards import Kind

        return [CompletionItem(k.value) for k in Kind if k.value.startswith(incomplete)]


def complete_deck(ctx: click.Context, param: click.Parameter, incomplete: str):
    """Deck names for shell completion, read from the collection without creating one."""
    from click.shell_completion import CompletionItem

    from leadership_cards.store import Store

    db = _db_before(ctx)
    try:
        from leadership_cards.paths import default_db_path

        path = db or default_db_path()
        if not Path(path).exists():
            return []
        with Store.open(path, create=False) as store:
            names = [deck.name for deck in store.decks()]
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [CompletionItem(name) for name in names if name.startswith(incomplete)]


def deck_option(help: str = "Only this deck."):
    return click.option("--deck", help=help, shell_complete=complete_deck)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="leadership-cards")
@click.option("--db", "db", type=click.Path(dir_okay=True, path_type=Path), help=DB_HELP)
def cli(db: Path | None) -> None:
    """Spaced-repetition flashcards for the terminal, from Inner Leadership.

    Shell completion (deck names and card kinds included): see the README.
    """


# -- decks and cards ---------------------------------------------------------------------


@cli.group(cls=Group, invoke_without_command=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def decks(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """The decks, with card counts and what is left today; remove or rename one."""
    if ctx.invoked_subcommand is not None:
        return
    from leadership_cards.config import scheduler_config
    from leadership_cards.today import budget, left

    now = now_utc()
    with open_store(db, reading=True) as store:
        limits = budget(store, scheduler_config(store), now)
        rows = store.deck_counts(limits.day.end, now)
        for row in rows:
            # The same counts, under the same names, as `stats` and the review's progress line.
            row.update(left(store, row["name"], limits.day, now, limits.new, limits.reviews))
            row["due_today"] = row["learning"] + row["review"]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No decks. Add one with: leadership-cards add CHAPTER.txt")
        return
    from leadership_cards.terminal import printable

    names = [printable(row["name"]) for row in rows]
    width = max(4, *(len(name) for name in names))
    click.echo(f"{'deck':<{width}}  cards  new  learning  review  title")
    for name, row in zip(names, rows, strict=True):
        click.echo(
            f"{name:<{width}}  {row['cards']:>5}  {row['new']:>3}  {row['learning']:>8}"
            f"  {row['review']:>6}  {printable(row['title'])}"
        )
    click.echo("new, learning, review: what is left today, within the day's limits.")


@decks.command(name="remove")
@db_option
@click.argument("name", shell_complete=complete_deck)
@click.option("--yes", is_flag=True, help="Do not ask first.")
def decks_remove(db: Path | None, name: str, yes: bool) -> None:
    """Remove a deck, its cards and their history (a backup is taken first)."""
    from leadership_cards import backup

    with open_store(db, reading=True) as store:
        origin = store.deck(name).origin  # an unknown deck is refused before anything is asked
        cards = store.count_cards(name)
        if not yes:
            question = f"Remove deck {name!r}: {counted(cards, 'card')} and their review history?"
            if not click.confirm(question, default=False):
                raise UserError("nothing was removed")
        saved = backup.take(store.path, "before-deck-remove", now_utc(), store.conn)
        store.remove_deck(name, now_utc())
    click.echo(f"Removed deck {name!r} ({counted(cards, 'card')}). A backup is at {saved}")
    if origin == "embedded":
        click.echo("It stays removed; bring it back with: leadership-cards decks restore-embedded")


@decks.command(name="rename")
@db_option
@click.argument("old", shell_complete=complete_deck)
@click.argument("new")
def decks_rename(db: Path | None, old: str, new: str) -> None:
    """Give a deck a new name; its cards keep their history."""
    with open_store(db, reading=True) as store:
        store.rename_deck(old, new)
    click.echo(f"Renamed deck {old!r} to {new!r}.")


@decks.command(name="restore-embedded")
@db_option
def decks_restore_embedded(db: Path | None) -> None:
    """Bring back the Inner Leadership deck after it was removed (its history starts anew)."""
    from leadership_cards.collection import restore_embedded

    with open_store(db) as store:
        result = restore_embedded(store, now_utc())
    click.echo(f"Restored the Inner Leadership deck: {counted(result.added, 'new card')}.")


@cli.command()
@db_option
@deck_option()
@click.option(
    "--kind", type=KindType(), help="Only this kind of card (key point, definition, ...)."
)
@click.option("--search", help="Only cards whose text contains this.")
@click.option("--tag", help="Only cards with this tag.")
@click.option(
    "--state",
    type=click.Choice(["new", "learning", "review", "relearning", "suspended"]),
    help="Only cards in this state.",
)
@click.option("--flagged", is_flag=True, help="Only flagged cards.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def cards(
    db: Path | None,
    deck: str | None,
    kind: str | None,
    search: str | None,
    tag: str | None,
    state: str | None,
    flagged: bool,
    as_json: bool,
) -> None:
    """The cards, with their schedule."""
    with open_store(db, reading=True) as store:
        store.require_deck(deck)
        found = store.cards(
            deck=deck, kind=kind, search=search, tag=tag, state=state, flagged=flagged or None
        )
        if as_json:
            emit_json([card.to_json() for card in found])
            return
        from leadership_cards.terminal import printable

        listed = False
        for card in found:
            listed = True
            due = iso(card.schedule.due) or "-"
            mark = "⚑" if card.flagged else " "
            click.echo(
                f"{card.id} {mark} {card.state:<10}  {due[:10]:<10}  {card.kind:<17}  "
                + printable(card.front)
            )
        if not listed:
            click.echo(
                "No cards match." if (kind or search or tag or state or flagged) else "No cards."
            )


# -- one card ------------------------------------------------------------------------------


@cli.command()
@db_option
@click.argument("card_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(db: Path | None, card_id: str, as_json: bool) -> None:
    """One card whole: both sides, its source passage, schedule and review log."""
    with open_store(db, reading=True) as store:
        card = store.card(card_id)
        reviews = list(store.reviews(card.id))
        override = store.override(card.id)
    if as_json:
        emit_json(
            {
                **card.to_json(),
                "flagged": card.flagged,
                "cloze": card.cloze,
                "passage": card.passage,
                "step": card.schedule.step,
                "last_review": iso(card.schedule.last_review),
                "edited": None if override is None else override.to_json(),
                "reviews": [review.to_json() for review in reviews],
            }
        )
        return
    from leadership_cards.showing import render_card
    from leadership_cards.terminal import printable

    click.echo(printable(render_card(card, reviews, override)))


@cli.command()
@db_option
@click.argument("card_id")
@click.option("--front", help="The new question (instead of opening an editor).")
@click.option("--back", help="The new answer (instead of opening an editor).")
def edit(db: Path | None, card_id: str, front: str | None, back: str | None) -> None:
    """Reword a card in $EDITOR (or with --front/--back); it keeps its history, and
    regenerating the deck keeps the new wording."""
    from leadership_cards.editing import edit_card, edit_in_editor

    with open_store(db, reading=True) as store:
        card = store.card(card_id)
        if front is None and back is None:
            sides = edit_in_editor(card)
            if sides is None:
                click.echo("Not edited: the card is as it was.")
                return
            front, back = sides
        saved = edit_card(store, card.id, front, back, now_utc())
    from leadership_cards.terminal import printable

    click.echo(f"Edited {saved.id}: {printable(saved.front)}")


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
def reset(db: Path | None, card_ids: tuple[str, ...]) -> None:
    """Start cards over as new; their review history is kept."""
    with open_store(db, reading=True) as store:
        done = store.reset_cards(card_ids, now_utc())
    click.echo(f"Reset {counted(len(done), 'card')} to new; the review history is kept.")


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
@click.option("--add", "added", multiple=True, help="A tag to add (repeatable).")
@click.option("--remove", "removed", multiple=True, help="A tag to take off (repeatable).")
def tag(
    db: Path | None, card_ids: tuple[str, ...], added: tuple[str, ...], removed: tuple[str, ...]
) -> None:
    """Add tags to cards (--add TAG) or take them off (--remove TAG)."""
    if not added and not removed:
        raise UserError("say what to do: --add TAG or --remove TAG")
    for name in (*added, *removed):
        if not name.strip() or any(c.isspace() for c in name.strip()):
            raise UserError(f"a tag is one word without spaces, not {name!r}")
    with open_store(db, reading=True) as store:
        done = store.tag_cards(
            card_ids, add=[t.strip() for t in added], remove=[t.strip() for t in removed]
        )
    said = [f"added {' '.join(added)}"] if added else []
    said += [f"took off {' '.join(removed)}"] if removed else []
    click.echo(f"Tagged {counted(len(done), 'card')}: {'; '.join(said)}.")


@cli.command()
@db_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--deck", "name", help="The deck's name (default: from the folder or file).")
def add(db: Path | None, paths: tuple[Path, ...], name: str | None) -> None:
    """Make a deck from chapter files or a folder; adding again updates it."""
    from leadership_cards.collection import add_deck
    from leadership_cards.deck_source import deck_from_paths
    from leadership_cards.generate import generate_report
    from leadership_cards.progress import progress

    source = deck_from_paths(list(paths), name)
    for skipped in source.skipped:
        click.echo(f"Skipped {skipped}.", err=True)
    with progress(f"Making cards from {counted(len(source.chapters), 'chapter')}"):
        # Bad input fails here, before the collection is touched.
        generation = generate_report(source)
    origin = ";".join(sorted(str(path.resolve()) for path in paths))
    with open_store(db) as store:
        update = add_deck(
            store, source, now_utc(), origin=origin, generation=generation, exclusive=True
        )
    for warning in update.warnings:
        click.echo(f"Warning: {warning}", err=True)
    result = update.result
    verb = "Added" if result.created else "Updated"
    click.echo(
        f"{verb} deck {source.name!r}: {counted(result.added, 'new card')}, "
        f"{result.carried} carried over, "
        f"{result.updated} updated, {result.unchanged} unchanged, {result.retired} retired."
    )


# -- review ------------------------------------------------------------------------------


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


# -- meeting practice: quiz and Table Topics ---------------------------------------------


@cli.command()
@db_option
@deck_option()
@click.option("--chapter", help="A chapter number or part of its title.")
@click.option("--count", type=WholeNumber(), default=10, show_default=True, help="Questions.")
@click.option(
    "--mode",
    type=click.Choice(["choice", "typed", "flip"]),
    default="choice",
    show_default=True,
    help="Pick one of four, type the answer, or reveal and grade yourself.",
)
@click.option("--seed", type=WholeNumber(), help="Seed the draw, for the same quiz again.")
@click.option("--weakest", is_flag=True, help="The cards most likely forgotten.")
@click.option("--history", "show_history", is_flag=True, help="Show past quiz scores.")
@click.option("--json", "as_json", is_flag=True, help="With --history: print JSON.")
def quiz(
    db: Path | None,
    deck: str | None,
    chapter: str | None,
    count: int,
    mode: str,
    seed: int | None,
    weakest: bool,
    show_history: bool,
    as_json: bool,
) -> None:
    """A quiz before the meeting; it never changes the review schedule."""
    import random

    from leadership_cards.quiz import QuizSession, plan_quiz, run_quiz
    from leadership_cards.terminal import interactive

    if show_history:
        _quiz_history(db, as_json)
        return
    if as_json:
        raise UserError("--json applies to quiz --history")
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


def _quiz_history(db: Path | None, as_json: bool) -> None:
    from leadership_cards.clock import local_zone
    from leadership_cards.quiz import format_duration
    from leadership_cards.terminal import printable

    with open_store(db, reading=True) as store:
        runs = store.quiz_runs()
    if as_json:
        emit_json(
            [
                {
                    "started_at": iso(run.started_at),
                    "deck": run.deck,
                    "chapter": run.chapter,
                    "mode": run.mode,
                    "weakest": run.weakest,
                    "planned": run.planned,
                    "asked": run.asked,
                    "correct": run.correct,
                    "duration_ms": run.duration_ms,
                }
                for run in runs
            ]
        )
        return
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
            + printable(run.chapter or "all chapters")
        )
    if any(run.weakest for run in runs):
        click.echo("* weakest cards")


@cli.command()
@db_option
@deck_option()
@click.option("--count", type=WholeNumber(), default=3, show_default=True, help="Topics.")
@click.option("--green", default="1:00", show_default=True, help="Green light (M:SS or seconds).")
@click.option("--yellow", default="1:30", show_default=True, help="Yellow light.")
@click.option("--red", default="2:00", show_default=True, help="Red light.")
@click.option("--seed", type=WholeNumber(), help="Seed the draw.")
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


# -- import ------------------------------------------------------------------------------


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


# -- history, housekeeping -----------------------------------------------------------------


@cli.command()
@db_option
@click.option("--card", "card_id", help="Only this card's reviews.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def history(db: Path | None, card_id: str | None, as_json: bool) -> None:
    """The review log."""
    with open_store(db, reading=True) as store:
        if card_id is not None:
            card_id = store.card(card_id).id
        reviews = store.reviews(card_id)
        if as_json:
            emit_json([review.to_json() for review in reviews])
            return
        names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
        listed = False
        for review in reviews:
            listed = True
            click.echo(
                f"{iso(review.reviewed_at)}  {review.card_id}  {names[review.rating]:<5}  "
                f"{review.duration_ms / 1000:6.1f}s  {review.state_before} -> {review.state_after}"
            )
        if not listed:
            click.echo("No answers yet.")


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
def suspend(db: Path | None, card_ids: tuple[str, ...]) -> None:
    """Keep cards out of review until unsuspended."""
    with open_store(db, reading=True) as store:
        done = store.set_suspended(card_ids, True)
    click.echo(f"Suspended {counted(len(done), 'card')}.")


@cli.command()
@db_option
@click.argument("card_ids", nargs=-1, required=True)
def unsuspend(db: Path | None, card_ids: tuple[str, ...]) -> None:
    """Return suspended cards to review."""
    with open_store(db, reading=True) as store:
        done = store.set_suspended(card_ids, False)
    click.echo(f"Unsuspended {counted(len(done), 'card')}.")


# A negative number is a value here ("config rollover_hour -1" is refused by the setting,
# not taken for an unknown option).
@cli.command(context_settings={"ignore_unknown_options": True})
@db_option
@click.argument("key", required=False, shell_complete=lambda ctx, param, text: _settings(text))
@click.argument("value", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def config(db: Path | None, key: str | None, value: str | None, as_json: bool) -> None:
    """Show the settings, read one (config new_per_day), or set one (config new_per_day 30)."""
    from leadership_cards.config import SETTINGS, set_value, values

    if key is not None and key not in SETTINGS:
        raise UserError(f"unknown setting {key!r} (settings: {', '.join(SETTINGS)})")
    with open_store(db, reading=value is None) as store:
        if key is not None and value is not None:
            set_value(store, key, value)
        current = values(store)
    if key is not None and value is None:
        if as_json:
            emit_json(current[key])
        else:
            click.echo(_setting_text(key, current[key]))
        return
    if as_json:
        emit_json(current)
        return
    for name, setting in SETTINGS.items():
        click.echo(f"{name:<18} {_setting_text(name, current[name]):<10} {setting.help}")


def _settings(prefix: str) -> list[str]:
    from leadership_cards.config import SETTINGS

    return [name for name in SETTINGS if name.startswith(prefix)]


def _setting_text(name: str, value: Any) -> str:
    """A setting as `config` takes it back: steps as "1m 10m", switches as on/off."""
    if name.endswith("steps"):
        return " ".join(f"{m:g}m" for m in value)
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


@cli.command()
@db_option
def where(db: Path | None) -> None:
    """The collection's path and size."""
    path = collection_path(db)
    if not path.exists():
        click.echo(f"{path} (no collection yet: it is made on first use)")
        return
    # Said as opening the collection would say it, rather than a size that means nothing.
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a collection file")
    if not path.is_file():
        raise UserError(f"{path} is not a regular file, so it cannot be a collection")
    # The write-ahead log holds answers not yet folded into the file: part of its size.
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    click.echo(f"{path} ({_size_text(size)})")


def _size_text(size: int) -> str:
    """Bytes as people read them: 812 bytes, 41.9 MB."""
    if size < 1000:
        return counted(size, "byte")
    scaled = float(size)
    for unit in ("kB", "MB", "GB"):
        scaled /= 1000
        if scaled < 1000 or unit == "GB":
            break
    return f"{scaled:.1f} {unit}"


# -- reliability -------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--repair", is_flag=True, help="Fix what can be fixed safely (after a backup).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the findings; no repair).")
def check(db: Path | None, repair: bool, as_json: bool) -> None:
    """Check the collection's integrity and invariants."""
    from leadership_cards import backup
    from leadership_cards.check import check as run_check
    from leadership_cards.check import repair as run_repair
    from leadership_cards.config import scheduler_config
    from leadership_cards.progress import progress

    if as_json and repair:
        raise UserError("--json and --repair cannot be combined")
    try:
        with open_store(db, reading=not repair) as store:
            with progress("Checking the collection"):
                report = run_check(store)
            if as_json:
                emit_json(
                    {
                        "ok": report.ok,
                        "problems": report.lines(),
                        "integrity": report.integrity,
                        "orphan_reviews": report.orphan_reviews,
                        "missing_decks": report.missing_decks,
                        "bad_schedules": report.bad_schedules,
                    }
                )
                if not report.ok:
                    raise click.exceptions.Exit(1)
                return
            if report.ok:
                click.echo("The collection is sound.")
                return
            for line in report.lines():
                click.echo(f"- {line}")
            if not repair:
                raise UserError(
                    "problems found; `leadership-cards check --repair` fixes what it can"
                )
            if report.integrity:
                raise UserError(
                    "the file itself is damaged and cannot be repaired safely; "
                    "restore a backup with `leadership-cards backup restore latest`"
                )
            saved = backup.take(store.path, "before-repair", now_utc(), store.conn)
            with progress("Repairing"):
                repaired = run_repair(store, report, scheduler_config(store), now_utc())
            for line in repaired:
                click.echo(f"Repaired: {line}")
            click.echo(f"A copy from before the repair is at {saved}")
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError):  # busy, locked, read-only: said as such
            raise
        # Too damaged to open: the advice is a backup, not `check` itself.
        if as_json:
            emit_json(
                {
                    "ok": False,
                    "problems": [f"the file is damaged: {error}"],
                    "integrity": [str(error)],
                    "orphan_reviews": 0,
                    "missing_decks": [],
                    "bad_schedules": [],
                }
            )
            raise click.exceptions.Exit(1) from None
        raise UserError(
            f"the collection file is damaged ({error}) beyond what check can read; "
            "restore a backup with `leadership-cards backup restore latest`"
        ) from None


@cli.group(name="backup", cls=Group)
def backup_group() -> None:
    """List, make and restore backups of the collection."""


@backup_group.command(name="list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def backup_list(db: Path | None, as_json: bool) -> None:
    """The backups, oldest first."""
    from leadership_cards.backup import backups
    from leadership_cards.files import older_backup_folder

    path = collection_path(db)
    found = backups(path)
    rows = [
        {
            "name": item.name,
            "reason": item.reason,
            "taken_at": iso(item.taken_at),
            "bytes": item.path.stat().st_size,
            "path": str(item.path),
            "older": item.older,
        }
        for item in found
    ]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No backups yet.")
        return
    reasons = [row["reason"] + (" (older)" if row["older"] else "") for row in rows]
    name_width = max(4, *(len(row["name"]) for row in rows))
    reason_width = max(6, *(len(reason) for reason in reasons))
    sizes = [_size_text(row["bytes"]) for row in rows]
    size_width = max(4, *(len(size) for size in sizes))
    click.echo(f"{'name':<{name_width}}  {'reason':<{reason_width}}  {'size':>{size_width}}")
    for row, reason, size in zip(rows, reasons, sizes, strict=True):
        click.echo(f"{row['name']:<{name_width}}  {reason:<{reason_width}}  {size:>{size_width}}")
    if any(row["older"] for row in rows):
        click.echo(
            f"(older): kept by an earlier version in {older_backup_folder(path)}/, a folder "
            "that collections with the same name before the dot shared; restorable, never pruned."
        )


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
    from leadership_cards.store.restore import restore

    path = collection_path(db)
    chosen = find(path, name)
    saved = restore(path, chosen, now_utc())
    before = (
        f"The collection as it was is saved as {saved.name}."
        if saved is not None
        else f"There was no collection at {path} before."
    )
    click.echo(f"Restored {chosen.name}. {before}")


# -- stats, optimize, simulate ------------------------------------------------------------


@cli.command()
@db_option
@deck_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: Path | None, deck: str | None, as_json: bool) -> None:
    """Numbers and charts: cards by state, retention, streak, forecast, heatmap."""
    from leadership_cards.clock import local_zone
    from leadership_cards.config import scheduler_config
    from leadership_cards.stats import collect

    with open_store(db, reading=True) as store:
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
        from leadership_cards.progress import progress

        with progress("Fitting the FSRS parameters to your history"):
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
@click.option("--new-per-day", type=WholeNumber(0), help="New cards a day (default: setting).")
@click.option(
    "--days",
    type=WholeNumber(1, 3650),
    default=365,
    show_default=True,
    help="Days to simulate (1 to 3650).",
)
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

    with open_store(db, reading=True) as store:
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
