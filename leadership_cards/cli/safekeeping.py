"""The collection kept sound: check and repair it, back it up, restore it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from leadership_cards.cli.app import Group, cli
from leadership_cards.cli.options import collection_path, db_option, emit_json, open_store
from leadership_cards.clock import now_utc
from leadership_cards.errors import UserError
from leadership_cards.words import byte_size


@cli.command()
@db_option
@click.option("--repair", is_flag=True, help="Fix what can be fixed safely (after a backup).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the findings; no repair).")
def check(db: Path | None, repair: bool, as_json: bool) -> None:
    """Check the collection's integrity and invariants."""
    from leadership_cards import backup
    from leadership_cards.check import check as run_check
    from leadership_cards.check import repair as run_repair
    from leadership_cards.check import unreadable_json
    from leadership_cards.config import scheduler_config
    from leadership_cards.progress import progress

    if as_json and repair:
        raise UserError("--json and --repair cannot be combined")
    try:
        with open_store(db, reading=not repair) as store:
            with progress("Checking the collection"):
                report = run_check(store)
            if as_json:
                emit_json(report.to_json())
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
            emit_json(unreadable_json(error))
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
    rows = [item.to_json() for item in found]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No backups yet.")
        return
    reasons = [row["reason"] + (" (older)" if row["older"] else "") for row in rows]
    name_width = max(4, *(len(row["name"]) for row in rows))
    reason_width = max(6, *(len(reason) for reason in reasons))
    sizes = [byte_size(row["bytes"]) for row in rows]
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
