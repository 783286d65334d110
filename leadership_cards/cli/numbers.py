"""The review log and what it yields: stats, fitted parameters, a simulated future."""

from __future__ import annotations

from pathlib import Path

import click

from leadership_cards.cli.app import cli
from leadership_cards.cli.options import WholeNumber, db_option, deck_option, emit_json, open_store
from leadership_cards.clock import iso, now_utc
from leadership_cards.errors import UserError


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
        from leadership_cards.showing import RATINGS

        listed = False
        for review in reviews:
            listed = True
            click.echo(
                f"{iso(review.reviewed_at)}  {review.card_id}  {RATINGS[review.rating]:<5}  "
                f"{review.duration_ms / 1000:6.1f}s  {review.state_before} -> {review.state_after}"
            )
        if not listed:
            click.echo("No answers yet.")


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
    from leadership_cards.simulate import studied_cards

    with open_store(db, reading=True) as store:
        config = scheduler_config(store)
        deck_size = studied_cards(store)
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
