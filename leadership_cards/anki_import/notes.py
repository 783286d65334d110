"""What an import reads, whatever the file: notes with their cards, and the cards' answers.

An Anki package and a CSV file both become these records, so matching our own notes,
taking in foreign ones and merging review history are written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class NoteType:
    name: str
    cloze: bool
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnkiAnswer:
    """One answer from Anki's review log: when (its id, milliseconds since the epoch), the
    button (1 Again .. 4 Easy) and the time taken."""

    moment_ms: int
    rating: int
    duration_ms: int


@dataclass(frozen=True, slots=True)
class NoteCard:
    """One card of a note: its template (or cloze number - 1), its deck, its answers, and
    when it was last forgotten (reset to new) in Anki, 0 if never."""

    ord: int
    deck: str  # Anki's full name, levels joined by "::"
    answers: tuple[AnkiAnswer, ...] = ()
    forgotten_ms: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    guid: str
    notetype: NoteType
    fields: tuple[str, ...]  # HTML, as Anki keeps it
    tags: tuple[str, ...]
    modified: int  # epoch seconds
    cards: tuple[NoteCard, ...] = field(default=())


@dataclass
class Skipped:
    """Items not taken, counted by reason, for the report."""

    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, reason: str, count: int = 1) -> None:
        if count:
            self.reasons[reason] = self.reasons.get(reason, 0) + count
