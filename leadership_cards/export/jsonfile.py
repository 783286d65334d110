"""The `cards --json` shape, written as a stream so a large collection is never held whole."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from leadership_cards.store import StoredCard


def write_json(cards: Iterable[StoredCard], out: IO[str]) -> int:
    """A JSON array, indented as `cards --json` prints it; returns how many cards."""
    written = 0
    for card in cards:
        text = json.dumps(card.to_json(), indent=2, ensure_ascii=False)
        out.write(("[\n" if written == 0 else ",\n") + _indent(text))
        written += 1
    out.write("\n]\n" if written else "[]\n")
    return written


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
