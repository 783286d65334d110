"""The options every command shares, and how they reach the collection."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from leadership_cards.clock import now_utc
from leadership_cards.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])


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
