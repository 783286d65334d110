"""Turning a deck's chapters into cards.

One extractor module a card kind; each proposes candidates from a parsed chapter and
`quality.problems` decides which survive. Extractors run in a fixed order (titles and
definitions before the looser cloze kinds), so when two propose the same question the more
specific card is kept. Generation is deterministic and linear in the size of the deck.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from leadership_cards.cards import Card, Kind, normalise
from leadership_cards.deck_source import DeckSource
from leadership_cards.errors import SourceError
from leadership_cards.generate import (
    citations,
    claims,
    definitions,
    discussion,
    enumerations,
    headings,
    keypoints,
    statistics,
    techniques,
    titles,
)
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.overrides import apply_overrides, load_overrides
from leadership_cards.generate.quality import passes
from leadership_cards.source import Document, read_document

__all__ = ["EXTRACTORS", "generate", "generate_chapter"]

Extractor = Callable[[Chapter], Iterable[Card]]

#: In priority order: when two extractors ask the same question, the first one wins.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("titles", titles.extract),
    ("definitions", definitions.extract),
    ("key points", keypoints.extract),
    ("techniques", techniques.extract),
    ("enumerations", enumerations.extract),
    ("headings", headings.extract),
    ("statistics", statistics.extract),
    ("citations", citations.extract),
    ("claims", claims.extract),
    ("discussion", discussion.extract),
)


def generate(deck: DeckSource) -> list[Card]:
    """Every card of the deck, in reading order, each passing the quality rules.

    Raises SourceError when a chapter file cannot be read or yields no card at all, and
    applies the folder's overrides.toml if there is one.
    """
    seen = _Seen()
    cards: list[Card] = []
    for chapter in deck.chapters:
        docs = [(path, read_document(path)) for path in chapter.files]
        for path, doc in docs:
            before = len(cards)
            ctx = Chapter(deck.name, deck.title, chapter.title, doc)
            cards.extend(seen.admit(_candidates(ctx)))
            if len(cards) == before and not _only_repeats(ctx):
                raise SourceError(f"{path} yields no cards.")
    overrides_path = deck.overrides_path
    if overrides_path is not None:
        cards = apply_overrides(cards, load_overrides(overrides_path), overrides_path)
    return cards


def generate_chapter(doc: Document, deck: str = "deck", title: str | None = None) -> list[Card]:
    """Cards of one parsed document on its own (no manifest, no overrides)."""
    chapter_title = title or (doc.title.text if doc.title else doc.file)
    ctx = Chapter(deck, deck, chapter_title, doc)
    return list(_Seen().admit(_candidates(ctx)))


def _candidates(ctx: Chapter) -> Iterator[Card]:
    for _, extract in EXTRACTORS:
        yield from extract(ctx)


def _only_repeats(ctx: Chapter) -> bool:
    """True when the file did propose cards, all of which an earlier file already gave."""
    return any(passes(card) for card in _candidates(ctx))


class _Seen:
    """Deduplication in one pass: by id, by question, and among cloze cards of one kind by
    answer and near-identical wording, so restating a point does not make a second card."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.fronts: set[str] = set()
        self.definitions: set[str] = set()
        self.cloze_words: dict[tuple[Kind, str], list[frozenset[str]]] = {}

    def admit(self, candidates: Iterable[Card]) -> Iterator[Card]:
        for card in candidates:
            if not passes(card):
                continue
            front = normalise(card.front)
            if card.id in self.ids or front in self.fronts:
                continue
            back = normalise(card.back)
            if card.kind is Kind.DEFINITION:
                if back in self.definitions:
                    continue
                self.definitions.add(back)
            if card.cloze is not None:
                words = frozenset(front.split())
                similar = self.cloze_words.setdefault((card.kind, back), [])
                if any(len(words & w) >= 0.7 * len(words | w) for w in similar):
                    continue
                similar.append(words)
            self.ids.add(card.id)
            self.fronts.add(front)
            yield card
