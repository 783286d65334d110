"""Hand corrections a deck folder keeps next to its chapters, in `overrides.toml`.

Format::

    # Drop cards by id (the id `leadership-cards cards` shows).
    drop = ["3f2a9c1b7d4e", "a1b2c3d4e5f6"]

    # Reword a card by id. A reworded card keeps the id it was generated with, so its
    # review history stays with it. Give `front` and/or `back`; for a cloze card give
    # `cloze` instead ("... {{c1::answer}} ..."), which sets both.
    [reword.9e8d7c6b5a41]
    front = "What must inner leaders become expert in?"
    back = "Developing and leading a service-oriented work community."

An id the deck does not generate (a typo, or a card whose source was edited) is reported as
a warning, not an error: the rest of the file still applies, and an edited chapter can be
added again without first cleaning up the overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from leadership_cards.cards import Card, cloze_parts
from leadership_cards.deck_source import read_toml
from leadership_cards.errors import SourceError


@dataclass(frozen=True, slots=True)
class Overrides:
    drop: frozenset[str] = frozenset()
    reword: dict[str, dict[str, str]] = field(default_factory=dict)


def load_overrides(path: Path) -> Overrides:
    data = read_toml(path, "overrides file")
    drop = data.get("drop", [])
    reword = data.get("reword", {})
    if not isinstance(drop, list) or not all(isinstance(i, str) for i in drop):
        raise SourceError(f"{path}: drop must be a list of card ids.")
    if not isinstance(reword, dict):
        raise SourceError(f"{path}: reword must be a table of card ids.")
    for card_id, change in reword.items():
        if (
            not isinstance(change, dict)
            or not change
            or not set(change) <= {"front", "back", "cloze"}
            or not all(isinstance(v, str) and v.strip() for v in change.values())
        ):
            raise SourceError(
                f"{path}: reword.{card_id} must set front, back or cloze to non-empty text."
            )
        if "cloze" in change and set(change) != {"cloze"}:
            raise SourceError(f"{path}: reword.{card_id} gives cloze with front or back.")
    return Overrides(frozenset(drop), dict(reword))


def stale_ids(cards: list[Card], overrides: Overrides) -> list[str]:
    """The ids the overrides name that the deck no longer generates, sorted."""
    known = {card.id for card in cards}
    return sorted((overrides.drop | set(overrides.reword)) - known)


def apply_overrides(cards: list[Card], overrides: Overrides, where: Path) -> list[Card]:
    """The cards with the overrides applied; ids the deck lacks are skipped (see
    `stale_ids`)."""
    out = []
    for card in cards:
        if card.id in overrides.drop:
            continue
        change = overrides.reword.get(card.id)
        if change:
            card = _reword(card, change, where)
        out.append(card)
    return out


def _reword(card: Card, change: dict[str, str], where: Path) -> Card:
    if "cloze" in change:
        try:
            front, back = cloze_parts(change["cloze"])
        except ValueError:
            raise SourceError(f"{where}: reword.{card.id} cloze has no {{{{c1::...}}}}.") from None
        return replace(card, front=front, back=back, cloze=change["cloze"], fixed_id=card.id)
    return replace(
        card,
        front=change.get("front", card.front),
        back=change.get("back", card.back),
        cloze=None,
        fixed_id=card.id,
    )
