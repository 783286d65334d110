"""The `leadership-cards` command group, and the one path every failure takes to the user:
an expected failure as one line on stderr and exit status 1, a fault as one line naming a
report file."""

from __future__ import annotations

import errno
import sqlite3
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from leadership_cards import __version__
from leadership_cards.cli.options import DB_HELP
from leadership_cards.errors import SettingWarning, UserError


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


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="leadership-cards")
@click.option("--db", "db", type=click.Path(dir_okay=True, path_type=Path), help=DB_HELP)
def cli(db: Path | None) -> None:
    """Spaced-repetition flashcards for the terminal, from Inner Leadership.

    Shell completion (deck names and card kinds included): see the README.
    """


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
