"""The decks and their cards: list, add, remove, rename."""

from __future__ import annotations

from pathlib import Path

import click

from leadership_cards.cli.app import Group, cli
from leadership_cards.cli.options import (
    KindType,
    complete_deck,
    db_option,
    deck_option,
    emit_json,
    open_store,
)
from leadership_cards.clock import iso, now_utc
from leadership_cards.errors import UserError
from leadership_cards.words import counted


@cli.group(cls=Group, invoke_without_command=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def decks(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """The decks, with card counts and what is left today; remove or rename one."""
    if ctx.invoked_subcommand is not None:
        return
    from leadership_cards.config import scheduler_config
    from leadership_cards.today import deck_rows

    with open_store(db, reading=True) as store:
        rows = deck_rows(store, scheduler_config(store), now_utc())
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
