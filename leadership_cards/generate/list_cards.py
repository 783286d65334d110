"""The cards of one list, whatever extractor found it: one card an item, and the count.

An ordered list is asked as overlapping clozes: each item blanked with the list's name and its
neighbouring items as cues (the Cloze Overlapper pattern), which teaches both the items and
their order. Its count is asked only when the list has a name a learner could recall; "How many
points...?" asks nothing worth knowing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.phrasing import (
    ListName,
    count_question,
    number_words,
    overlapping_cloze,
)
from leadership_cards.generate.text import capitalise


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a list: its number as printed, the answer a card asks for (None when no
    short answer could be made), where it is and the passage it came from."""

    number: int
    answer: str | None
    position: str
    passage: str


def ordered_list_cards(
    chapter: Chapter,
    name: ListName,
    entries: Sequence[Entry],
    kinds: tuple[Kind, Kind],
    count_position: str,
    count_passage: str | None = None,
) -> Iterator[Card]:
    """An overlapping cloze for each entry that has an answer, then the count card."""
    kind, count_kind = kinds
    items = [(e.number, e.answer) for e in entries if e.answer]
    if len(items) < 2:
        return
    asked = [e for e in entries if e.answer]
    for index, entry in enumerate(asked):
        cloze = overlapping_cloze(chapter.title, name, items, index)
        yield chapter.card(kind, "", "", entry.position, entry.passage, cloze=cloze)
    if name.generic:
        return
    yield chapter.card(
        count_kind,
        count_question(name, chapter.title),
        capitalise(number_words(len(entries))),
        count_position,
        count_passage or "\n\n".join(dict.fromkeys(e.passage for e in entries)),
    )
