"""The `leadership-cards` command: thin click commands over the core.

Each command parses its options, calls the core, and renders. Expected failures are
`UserError`s, which reach the user as one line on stderr and exit status 1. One module a
family of commands; importing this package registers them all on `cli`.
"""

from leadership_cards.cli import (  # noqa: F401  (each registers its commands)
    decks,
    housekeeping,
    numbers,
    practice,
    review,
    safekeeping,
    transfer,
)
from leadership_cards.cli.app import cli, expected_failure, main, one_line

__all__ = ["cli", "expected_failure", "main", "one_line"]
