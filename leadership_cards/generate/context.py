"""What every extractor needs to know about the chapter it reads, and the one way to make a card."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.deck_source import slugify
from leadership_cards.generate.gist import one_fact
from leadership_cards.generate.shapes import answer_shape
from leadership_cards.source import Document, ListRole, NumberedList, Paragraph

#: Lists whose items are statements (not the questions to discuss).
STATEMENT_LISTS = frozenset({ListRole.KEY_POINTS, ListRole.ITEMS, ListRole.GLOSSARY})
#: Question kinds whose answer is a sentence's fact (a meaning, a claim's predicate): it is cut
#: to its first fact, so a card never asks two things at once.
_ONE_FACT_KINDS = frozenset(
    {Kind.DEFINITION, Kind.CLAIM, Kind.KEY_POINT, Kind.HEADING, Kind.STATISTIC, Kind.CITATION}
)


@dataclass(frozen=True, slots=True)
class Chapter:
    deck: str  # deck name, e.g. "inner-leadership"
    deck_title: str  # e.g. "Inner Leadership"
    title: str  # chapter title as the manifest gives it
    doc: Document

    @property
    def slug(self) -> str:
        return slugify(self.title)

    def passages(
        self, list_roles: Collection[ListRole] = STATEMENT_LISTS
    ) -> Iterator[tuple[str, str]]:
        """The chapter's prose in reading order, as (text, position): each paragraph, and each
        item of the numbered lists of `list_roles`."""
        for block in self.doc.blocks:
            if isinstance(block, Paragraph):
                yield block.text, f"paragraph {block.number}"
            elif isinstance(block, NumberedList) and block.role in list_roles:
                for item in block.items:
                    yield item.text, block.position(item)

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
        elif kind in _ONE_FACT_KINDS:
            back = one_fact(back)
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
            shape=str(answer_shape(back)),
        )
