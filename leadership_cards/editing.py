"""Mending one card: new wording kept as an override, and the text an editor is opened on.

An edit is saved twice in one transaction: on the card, so it shows at once, and as an
override in the collection, so regenerating the deck (a new generator, the chapter added
again) puts the learner's wording back instead of the generated one.
"""

from __future__ import annotations

from datetime import datetime

from leadership_cards.cards import CLOZE_BLANK
from leadership_cards.errors import UserError
from leadership_cards.store import Store, StoredCard
from leadership_cards.terminal import printable

FRONT_HEADER = "## Front"
BACK_HEADER = "## Back"
EDIT_HELP = (
    "# Change the question under '## Front' and the answer under '## Back'.\n"
    "# Lines starting with '#' are left out. The card keeps its history.\n"
    "# Save as it is, or empty the file, to change nothing.\n"
)


def edit_card(
    store: Store, card_id: str, front: str | None, back: str | None, now: datetime
) -> StoredCard:
    """Give a card new wording (None keeps that side); returns the card as saved."""
    card = store.card(card_id)
    # Control sequences typed or pasted in would travel into every export: left out here.
    front = card.front if front is None else " ".join(printable(front).split())
    back = card.back if back is None else " ".join(printable(back).split())
    if not front or not back:
        raise UserError("a card needs both a question and an answer; nothing was changed")
    # A cloze card's question shows the statement with a gap; the answer fills it.
    if card.cloze and CLOZE_BLANK not in front:
        raise UserError(
            "this card is a cloze: keep the gap [...] in its question; nothing was changed"
        )
    store.set_override(card.id, front=front, back=back, origin="edit", now=now)
    return store.card(card.id)


def editor_text(card: StoredCard) -> str:
    """The file an editor is opened on: the card's two sides under two headers."""
    return f"{EDIT_HELP}{FRONT_HEADER}\n{card.front}\n\n{BACK_HEADER}\n{card.back}\n"


def parse_editor_text(text: str) -> tuple[str, str] | None:
    """The two sides from an edited file; None when the file was emptied."""
    lines = [line for line in text.splitlines() if not line.startswith("#") or _header(line)]
    if not "".join(lines).strip():
        return None
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if _header(line):
            current = sections.setdefault(line.strip(), [])
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise UserError(f"text before '{FRONT_HEADER}' in the edited card; nothing was changed")
    if FRONT_HEADER not in sections or BACK_HEADER not in sections:
        raise UserError(
            f"the edited card needs its '{FRONT_HEADER}' and '{BACK_HEADER}' lines; "
            "nothing was changed"
        )
    return " ".join(sections[FRONT_HEADER]).strip(), " ".join(sections[BACK_HEADER]).strip()


def _header(line: str) -> bool:
    return line.strip() in (FRONT_HEADER, BACK_HEADER)


def edit_in_editor(card: StoredCard) -> tuple[str, str] | None:
    """Open $EDITOR on the card; the new sides, or None when nothing changed."""
    import click

    edited = click.edit(editor_text(card), extension=".md", require_save=True)
    if edited is None:
        return None
    sides = parse_editor_text(edited)
    if sides is None or sides == (card.front, card.back):
        return None
    return sides
