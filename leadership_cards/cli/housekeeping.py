"""One card at a time (show, edit, reset, tag, suspend) and the settings."""

from __future__ import annotations

from pathlib import Path

import click

from leadership_cards.cli.app import cli
from leadership_cards.cli.options import collection_path, db_option, emit_json, open_store
from leadership_cards.clock import now_utc
from leadership_cards.errors import UserError
from leadership_cards.words import byte_size, counted


@cli.command()
@db_option
@click.argument("card_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(db: Path | None, card_id: str, as_json: bool) -> None:
    """One card whole: both sides, its source passage, schedule and review log."""
    from leadership_cards.showing import card_json

    with open_store(db, reading=True) as store:
        card = store.card(card_id)
        reviews = list(store.reviews(card.id))
        override = store.override(card.id)
    if as_json:
        emit_json(card_json(card, reviews, override))
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
    with open_store(db, reading=True) as store:
        done = store.tag_cards(card_ids, add=added, remove=removed)
    said = [f"added {' '.join(added)}"] if added else []
    said += [f"took off {' '.join(removed)}"] if removed else []
    click.echo(f"Tagged {counted(len(done), 'card')}: {'; '.join(said)}.")


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
    from leadership_cards.config import SETTINGS, set_value, shown, values

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
            click.echo(shown(key, current[key]))
        return
    if as_json:
        emit_json(current)
        return
    for name, setting in SETTINGS.items():
        click.echo(f"{name:<18} {shown(name, current[name]):<10} {setting.help}")


def _settings(prefix: str) -> list[str]:
    from leadership_cards.config import SETTINGS

    return [name for name in SETTINGS if name.startswith(prefix)]


@cli.command()
@db_option
def where(db: Path | None) -> None:
    """The collection's path and size."""
    from leadership_cards.files import collection_size

    path = collection_path(db)
    if not path.exists():
        click.echo(f"{path} (no collection yet: it is made on first use)")
        return
    size = collection_size(path)
    click.echo(f"{path} ({byte_size(size)})")
