"""What every extractor needs to know about the chapter it reads, and the one way to make a card."""

from __future__ import annotations

from dataclasses import dataclass

from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.deck_source import slugify
from leadership_cards.source import Document


@dataclass(frozen=True, slots=True)
class Chapter:
    deck: str  # deck name, e.g. "inner-leadership"
    deck_title: str  # e.g. "Inner Leadership"
    title: str  # chapter title as the manifest gives it
    doc: Document

    @property
    def slug(self) -> str:
        return slugify(self.title)

    def card(
        self,
        kind: Kind,
        front: str,
        back: str,
        position: str,
        passage: str,
        cloze: str | None = None,
    ) -> Card:
        """A card citing this chapter's file at `position`. Cards from one source item
        share `item`, which makes them siblings."""
        if cloze is not None:
            front, back = cloze_parts(cloze)
        return Card(
            deck=self.deck,
            chapter=self.title,
            kind=kind,
            front=" ".join(front.split()),
            back=" ".join(back.split()),
            source=SourceRef(self.doc.file, position, passage),
            item=f"{self.slug}/{self.doc.file}#{position.replace(' ', '-')}",
            cloze=" ".join(cloze.split()) if cloze is not None else None,
            tags=(self.deck, self.slug, str(kind)),
        )
