"""Meeting practice: the quiz and Table Topics."""

from __future__ import annotations

from pathlib import Path

import click

from leadership_cards.cli.app import cli
from leadership_cards.cli.options import WholeNumber, db_option, deck_option, emit_json, open_store
from leadership_cards.clock import now_utc
from leadership_cards.errors import UserError


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
        emit_json([run.to_json() for run in runs])
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
