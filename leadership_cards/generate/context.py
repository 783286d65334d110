"""What every extractor needs to know about the chapter it reads, and the one way to make a card."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace

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
        share `item`, which makes them siblings. Its answer's shape is left to `shaped`:
        most candidates are dropped, and the shape asks the tagger."""
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
        )


def shaped(card: Card) -> Card:
    """The card with its answer's phrase type, found once the card is admitted."""
    return replace(card, shape=str(answer_shape(card.back)))


def with_term_before(
    sentences: Iterable[str], marked: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    """Each sentence with the term the sentence before it was about ("" if none): what a
    following "It means ...", "Janis described it as ..." or "coined the term" refers to.
    A sentence is about a term when it opens on one the source marked (bold, emphasis) or
    on a short noun phrase followed by "is", "are", "means", "refers to" or "happens when"."""
    term = ""
    for sentence in sentences:
        yield sentence, term
        term = _opening_term(sentence, marked)


def _opening_term(sentence: str, marked: tuple[str, ...]) -> str:
    for phrase in marked:
        if sentence.startswith(phrase) and not sentence[len(phrase) : len(phrase) + 1].isalnum():
            return phrase
    m = _OPENS_ON_TERM.match(sentence)
    if not m or m.group("term").split()[0].lower() in _NOT_TERMS:
        return ""
    return m.group("term")


_OPENS_ON_TERM = re.compile(
    r"^(?:(?:The|A|An)\s+)?(?P<term>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,2}?)\s+"
    r"(?:is|are|means|refers to|happens when|occurs when)\s"
)
#: Openings that point elsewhere or count, never a term: "It is ...", "Each is ...".
_NOT_TERMS = frozenset(
    ["it", "this", "that", "these", "those", "they", "he", "she", "we", "you", "i", "there"]
    + ["here", "what", "which", "who", "one", "each", "all", "some", "many", "most", "such"]
    + ["every", "no", "any", "both", "the", "a", "an"]
)
