"""What an import did (or, in a dry run, would do), for the screen and for scripts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    """Text corrected in Anki, taken as an override of the card."""

    card_id: str
    front: str
    back: str


@dataclass
class ImportReport:
    source: str
    dry_run: bool = False
    notes: int = 0  # notes read
    notes_matched: int = 0  # notes of this collection's cards, matched by GUID
    new_cards: int = 0
    updated_cards: int = 0
    new_decks: list[str] = field(default_factory=list)
    answers_added: int = 0
    answers_known: int = 0
    cards_replayed: int = 0
    cards_forgotten: int = 0  # reset to new, as they were in Anki
    leeches: int = 0
    edits: list[Edit] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # our cards the file no longer holds
    media: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "notes": self.notes,
            "notes_matched": self.notes_matched,
            "new_cards": self.new_cards,
            "updated_cards": self.updated_cards,
            "new_decks": self.new_decks,
            "answers_added": self.answers_added,
            "answers_known": self.answers_known,
            "cards_replayed": self.cards_replayed,
            "cards_forgotten": self.cards_forgotten,
            "leeches": self.leeches,
            "edits": [{"card_id": e.card_id, "front": e.front, "back": e.back} for e in self.edits],
            "missing_in_anki": self.missing,
            "media_skipped": self.media,
            "skipped": self.skipped,
        }

    def lines(self) -> list[str]:
        said = [
            f"{'Would import' if self.dry_run else 'Imported'} {self.source}: "
            f"{_count(self.notes, 'note')}, {self.notes_matched} matched to cards here.",
            f"Cards: {self.new_cards} new, {self.updated_cards} updated"
            + (f"; new decks: {', '.join(self.new_decks)}." if self.new_decks else "."),
            f"Answers: {self.answers_added} added, {self.answers_known} already known; "
            f"{_count(self.cards_replayed, 'schedule')} replayed from the merged history"
            + (
                f", {_count(self.leeches, 'new leech', 'new leeches')} suspended."
                if self.leeches
                else "."
            ),
        ]
        if self.cards_forgotten:
            said.append(
                f"{_count(self.cards_forgotten, 'card')} forgotten in Anki, reset to new here "
                "(their answers stay in the history)."
            )
        if self.edits:
            said.append(f"Edits taken, kept as overrides ({len(self.edits)}):")
            said += [f"  {edit.card_id}  {_one_line(edit.front)}" for edit in self.edits]
        if self.missing:
            shown = ", ".join(self.missing[:10])
            more = f" and {len(self.missing) - 10} more" if len(self.missing) > 10 else ""
            said.append(
                f"{_count(len(self.missing), 'card')} not in the file (deleted in Anki?), "
                f"kept here: {shown}{more}"
            )
        skipped = dict(self.skipped)
        if self.media:
            skipped["media files (not imported)"] = self.media
        if skipped:
            said.append("Skipped:")
            # Reason first, count after: a reason reads right for one item or many.
            said += [f"  {reason}: {count}" for reason, count in skipped.items()]
        if self.dry_run:
            said.append("Dry run: nothing was changed.")
        return said


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _one_line(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
