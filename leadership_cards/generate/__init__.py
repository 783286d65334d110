"""Turning a deck's chapters into cards.

One extractor module a card kind; each proposes candidates from a parsed chapter and
`quality.problems` decides which survive. Extractors run in a fixed order (definitions before the looser cloze kinds), so when two propose the same question the more
specific card is kept. Generation is deterministic and linear in the size of the deck.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from leadership_cards.cards import WRITTEN_KINDS, Card, Kind, cloze_parts, normalise
from leadership_cards.deck_source import DeckSource
from leadership_cards.errors import SourceError
from leadership_cards.garbage import fewer_collections
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
    written,
)
from leadership_cards.generate.alternatives import Alternatives, Guard
from leadership_cards.generate.context import Chapter, shaped
from leadership_cards.generate.order import reading_order
from leadership_cards.generate.overrides import (
    Overrides,
    apply_overrides,
    load_overrides,
    stale_ids,
)
from leadership_cards.generate.phrasing import (
    Casing,
    chapter_casing,
    in_chapter,
    named_reference,
    names_its_place,
    question_in_chapter,
)
from leadership_cards.generate.quality import leaks, passes
from leadership_cards.generate.references import chapter_terms, standing_alone
from leadership_cards.generate.text import FUNCTION_WORDS, sentences
from leadership_cards.source import Document, NumberedList, Paragraph

__all__ = [
    "EXTRACTORS",
    "Generation",
    "generate",
    "generate_chapter",
    "generate_report",
    "stale_overrides",
]

#: What an extractor proposes: a card, or one item's alternative cards, best first.
Candidate = Card | Alternatives
Extractor = Callable[[Chapter], Iterable[Candidate]]

#: In priority order: when two extractors ask the same question, the first one wins.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("written", written.extract),
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


@dataclass(frozen=True, slots=True)
class Generation:
    """A deck's cards and what the user should hear about: overrides that no longer apply.

    `generated` keeps the cards as the generator made them, before the overrides, so that
    `carrying_on` can give them the ids of the stored cards they replace and apply the
    overrides by those ids (the ids a member sees and writes into overrides.toml).
    """

    cards: list[Card]
    warnings: list[str] = field(default_factory=list)
    stale_overrides: list[str] = field(default_factory=list)  # card ids
    generated: list[Card] = field(default_factory=list)
    overrides: Overrides | None = None
    overrides_path: Path | None = None

    def carrying_on(self, identities: Mapping[str, str]) -> Generation:
        """The deck once each generated card takes the id of the stored card it carries on
        (`identities`: generated id -> stored id), with the overrides applied by those ids."""
        cards = [
            replace(card, fixed_id=identities[card.id]) if card.id in identities else card
            for card in self.generated
        ]
        return _with_overrides(cards, self.overrides, self.overrides_path)


def generate(deck: DeckSource) -> list[Card]:
    """Every card of the deck, each passing the quality rules, chapter by chapter in the
    order a learner should meet them (see `order.reading_order`).

    Raises SourceError when a chapter file cannot be read or yields no card at all, and
    applies the folder's overrides.toml if there is one (`generate_report` also says which
    of its ids no longer match a card).
    """
    return generate_report(deck).cards


def stale_overrides(deck: DeckSource) -> list[str]:
    """Ids in the deck's overrides.toml that the deck no longer generates."""
    return generate_report(deck).stale_overrides


def generate_report(deck: DeckSource) -> Generation:
    """`generate`, with warnings about overrides that name cards the deck does not have."""
    with fewer_collections():
        return _generate_report(deck)


def _generate_report(deck: DeckSource) -> Generation:
    seen = _Seen()
    cards: list[Card] = []
    for chapter in deck.chapters:
        contexts = [
            (path, Chapter(deck.name, deck.title, chapter.title, deck.document(path)))
            for path in chapter.files
        ]
        # Extractor by extractor across the chapter's files, so a key point on the key-points
        # page wins over a heading that says the same on the chapter page.
        seen.new_chapter()
        chapter_cards: list[Card] = []
        for _, extract in EXTRACTORS:
            for _, ctx in contexts:
                chapter_cards.extend(seen.admit(extract(ctx)))
        docs = [ctx.doc for _, ctx in contexts]
        named = named_in_place(reading_order(chapter_cards, docs), chapter.title, docs)
        cards.extend(named)
        # Counted once the chapter's name frames each card: a card that cannot carry it
        # is dropped there, and a file left with none must say so like a file with
        # nothing to ask, not add an empty deck.
        made = {card.source.file for card in named}
        for path, ctx in contexts:
            if ctx.doc.file not in made and not _only_repeats(ctx):
                raise SourceError(f"{path} yields no cards.")
    cards = without_leaked_answers(cards)
    path = deck.overrides_path
    return _with_overrides(cards, None if path is None else load_overrides(path), path)


def _with_overrides(
    generated: list[Card], overrides: Overrides | None, path: Path | None
) -> Generation:
    if overrides is None or path is None:
        return Generation(generated, generated=generated)
    stale = stale_ids(generated, overrides)
    warnings = []
    if stale:
        warnings.append(
            f"{path} names cards this deck no longer has (left unused): {', '.join(stale)}."
        )
    cards = apply_overrides(generated, overrides, path)
    return Generation(cards, warnings, stale, generated, overrides, path)


def generate_chapter(doc: Document, deck: str = "deck", title: str | None = None) -> list[Card]:
    """Cards of one parsed document on its own (no manifest, no overrides)."""
    chapter_title = title or (doc.title.text if doc.title else doc.file)
    ctx = Chapter(deck, "", chapter_title, doc)
    with fewer_collections():
        cards = reading_order(list(_Seen().admit(_candidates(ctx))), [doc])
        return without_leaked_answers(named_in_place(cards, chapter_title, [doc]))


def named_in_place(cards: list[Card], chapter: str, docs: list[Document]) -> list[Card]:
    """Every generated cloze names its chapter, so its front stands alone on a phone: a
    statement that does not already say where it comes from ("Urgency is [...]") opens with
    it ("In “Leading Change from the Middle”, urgency is [...]"). Done here, once, for every
    extractor that makes clozes. A card whose answer the chapter's title spells out is
    dropped."""
    casing: Casing | None = None
    out = []
    asked: set[str] = set()  # questions once named: two wordings may meet there
    terms = chapter_terms(chapter, [text for doc in docs for text in _texts(doc)])
    for card in cards:
        # "The story should ...", "he called ...": named as the sentences before put it.
        alone = standing_alone(card, terms)
        if alone is None:
            continue
        card = alone
        if card.cloze is None:
            named = _question_in_place(card, chapter)
            question = normalise(named.front)
            if question in asked and card.kind not in _WRITTEN:
                continue
            # As with a cloze: a question the chapter's name would answer is dropped.
            if named is card or card.kind in _WRITTEN or passes(named):
                out.append(named)
                asked.add(question)
            continue
        if card.kind in _WRITTEN or names_its_place(card.front, chapter):
            out.append(card)
            continue
        if casing is None:
            casing = chapter_casing([text for doc in docs for text in _texts(doc)])
        cloze = in_chapter(card.cloze, chapter, casing)
        front, back = cloze_parts(cloze)
        # The chapter's name frames the statement; the card is still the statement's, so
        # it keeps the statement's id (progress, overrides and Anki notes stay with it).
        named = replace(card, front=front, back=back, cloze=cloze, fixed_id=card.id)
        if passes(named):
            out.append(named)
    return out


#: Kinds whose front is not a question about the chapter's content.
_UNPLACED = frozenset({Kind.DISCUSSION, Kind.TITLE})


def _question_in_place(card: Card, chapter: str) -> Card:
    """A question names its chapter as a cloze does ("In “Club Officer Duties”, what does
    “Sergeant at Arms” mean?"); a written one that points at "these notes" names it there."""
    if card.kind in _UNPLACED or names_its_place(card.front, chapter):
        return card
    if card.kind in _WRITTEN:
        front = named_reference(card.front, chapter)
    else:
        front = question_in_chapter(card.front, chapter)
    return card if front == card.front else replace(card, front=front, fixed_id=card.id)


def _texts(doc: Document) -> Iterator[str]:
    """The chapter's sentences, not its headings (written in title case)."""
    for block in doc.blocks:
        if isinstance(block, NumberedList):
            yield from (item.text for item in block.items)
        elif isinstance(block, Paragraph):
            yield block.text


def without_leaked_answers(cards: list[Card]) -> list[Card]:
    """The deck without the cards whose answer another card's question shows: the learner
    would read it there before being asked for it."""
    dropped = _asked_twice(cards)
    listed: dict[str, list[str]] = {}  # chapter -> its list items' answers
    for card in cards:
        if card.kind in _LIST_ITEM_KINDS:
            listed.setdefault(card.chapter, []).append(normalise(card.back))
    found = leaks(cards)
    # A key point that shows items of a list the chapter asks item by item restates the
    # list ("..., from look into it and report back to act on your own"): the items stay.
    restating = {
        i for i, j in found if cards[i].kind is Kind.KEY_POINT and cards[j].kind in _LIST_ITEM_KINDS
    }
    for i, j in found:
        if i in dropped or j in dropped:
            continue
        if i in restating and cards[j].kind in _LIST_ITEM_KINDS:
            dropped.add(i)
            continue
        # A card written by hand is the member's own: it stays, and a generated card that
        # shows its answer goes. A key point or a definition is what the chapter is for:
        # the looser card goes.
        if cards[j].kind in _WRITTEN and cards[i].kind in _WRITTEN:
            continue
        keep_j = _rank(cards[j]) > _rank(cards[i])
        if keep_j and cards[j].kind not in _WRITTEN and cards[i].kind in _LIST_ITEM_KINDS:
            # A list's item shows its neighbours by design; a card that asks again what
            # one of them says ("What is leadership?" beside "1. Leadership is a social,
            # not a structural, phenomenon") is the one that goes.
            answer = normalise(cards[j].back)
            keep_j = not any(answer in item for item in listed.get(cards[i].chapter, ()))
        dropped.add(i if keep_j else j)
    return [card for n, card in enumerate(cards) if n not in dropped]


def _asked_twice(cards: list[Card]) -> set[int]:
    """The cards that ask again a fact a card of the same sentence asks: "why does
    feedforward lower defensiveness?" beside "feedforward lowers [...], because no one can
    argue with ..." (each front shows the other's answer), or "feedforward refers to
    suggestions for the [...]" beside "what does “feedforward” mean?" (one answer a part of
    the other, asked of one statement). Of each pair the better card stays (`_twice_rank`,
    then the first). Cards of one passage that ask its different facts are left alone, and
    so are a figure's and an author's cards."""
    by_item: dict[str, list[int]] = {}
    for n, card in enumerate(cards):
        if card.kind not in _WRITTEN | _UNPLACED | _LIST_ITEM_KINDS | _OWN_FACTS:
            by_item.setdefault(card.item, []).append(n)
    dropped: set[int] = set()
    for group in by_item.values():
        for a, b in combinations(group, 2):
            if a not in dropped and b not in dropped and _one_fact(cards[a], cards[b]):
                dropped.add(a if _twice_rank(cards[b]) > _twice_rank(cards[a]) else b)
    return dropped


#: Kinds whose answer is a fact of its own beside the statement's: a figure, an author.
_OWN_FACTS = frozenset({Kind.STATISTIC, Kind.CITATION})


def _twice_rank(card: Card) -> tuple[int, bool]:
    """Of one fact asked twice, the better card: by `_rank`, then a question over a cloze
    (its answer is the whole relation, not a word taken out of it)."""
    return _rank(card), card.cloze is None


def _one_fact(card: Card, other: Card) -> bool:
    """True when two cards of one passage ask one fact of one of its sentences. Two clozes
    of a sentence never do: each blanks a different part of it; nor a definition and its
    term asked from its meaning."""
    if card.cloze is not None and other.cloze is not None:
        return False
    if definitions.asks_for_a_term(card) or definitions.asks_for_a_term(other):
        return False  # the term asked from its meaning: the other direction, on purpose
    if _asks_back(card, other) or _asks_back(other, card):
        return False  # "What is groupthink?" and "What is the danger that grows ...?"
    answer, other_answer = _padded(card.back), _padded(other.back)
    if answer == "  " or other_answer == "  ":
        return False
    if not any(
        answer in said and other_answer in said
        for said in map(_padded, sentences(card.source.passage))
    ):
        return False
    if other_answer in _padded(card.front) and answer in _padded(other.front):
        return True  # each question holds the other's answer
    return (other_answer in answer and answer in _padded(_statement(other))) or (
        answer in other_answer and other_answer in _padded(_statement(card))
    )


def _asks_back(card: Card, other: Card) -> bool:
    """True when `other` asks `card`'s identity the other way round: "What is groupthink?"
    -> "The danger that grows with a team's closeness", and "What is the danger that grows
    with a team's closeness?" -> "Groupthink". "X is the Y" names one thing twice, and a
    learner should know it from either name."""
    if card.kind is not Kind.DEFINITION or card.cloze is not None or other.cloze is not None:
        return False
    asked, asked_back = _IDENTITY.match(card.front), _IDENTITY.match(other.front)
    if asked is None or asked_back is None:
        return False
    return _bare(asked.group("what")) == _bare(other.back) and _bare(
        asked_back.group("what")
    ) == _bare(card.back)


#: "What is X?" (or "What is X to a speaker?") with or without the chapter's name before it.
_IDENTITY = re.compile(
    r"^(?:In “[^”]*”, )?[Ww]hat (?:is|are) (?P<what>.+?)(?: to an? [a-z][\w-]*)?\?$"
)


def _bare(text: str) -> str:
    """A name without its leading article, normalised: "The pause" and "pause" are one."""
    return re.sub(r"^(?:the|a|an) ", "", normalise(text))


def _padded(text: str) -> str:
    """Normalised text with a space at each end, so containment is of whole words."""
    return f" {normalise(text)} "


def _statement(card: Card) -> str:
    """What a card says once answered: a cloze filled in, a question beside its answer."""
    if card.cloze is not None:
        return re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", card.cloze)
    return f"{card.front} {card.back}"


_ESSENTIAL = frozenset({Kind.KEY_POINT, Kind.DEFINITION, Kind.TITLE})
_LIST_ITEM_KINDS = frozenset({Kind.TECHNIQUE, Kind.ENUMERATION})
_WRITTEN = WRITTEN_KINDS


def _rank(card: Card) -> int:
    """Which of two colliding cards stays: a member's own card, then what the chapter is
    for (its key points, definitions, title), then an item of a list it names (an officer
    asked from its duty), then a looser claim that happens to name that item. A term asked
    from its meaning is a looser card: the chapter's other questions name the term freely."""
    if card.kind in _WRITTEN:
        return 3
    if card.kind in _ESSENTIAL and not definitions.asks_for_a_term(card):
        return 2
    return 1 if card.kind in _LIST_ITEM_KINDS else 0


def _candidates(ctx: Chapter) -> Iterator[Candidate]:
    for _, extract in EXTRACTORS:
        yield from extract(ctx)


def _only_repeats(ctx: Chapter) -> bool:
    """True when the file did propose cards, all of which an earlier file already gave:
    cards that pass the quality rules once named in their chapter."""
    own = [
        card
        for candidate in _candidates(ctx)
        for card in (candidate if isinstance(candidate, Alternatives) else (candidate,))
        if passes(card)
    ]
    return bool(own) and bool(named_in_place(own, ctx.title, [ctx.doc]))


#: Two cloze statements that share an answer word and this share of their words ask the same.
NEAR_DUPLICATE = 0.6


#: Kinds whose extractor offers alternatives for one item, best first; the first that
#: survives deduplication is kept.
ONE_PER_ITEM = frozenset({Kind.KEY_POINT})


class _Seen:
    """Deduplication in one pass: by id and by question across the deck, and, within a
    chapter, among cloze cards by a shared answer word and near-identical wording, so
    restating a point (a key point that repeats a heading) does not make a second card.
    Lookups go through sets and small buckets keyed by answer word, never over the deck."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.fronts: set[str] = set()
        self.definitions: set[str] = set()
        self.items: set[str] = set()
        self.statements: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        self.answers: set[str] = set()  # answers of question-and-answer cards, deck-wide
        self.contexts: set[tuple[str, str]] = set()  # (cloze answer, words beside it)

    def new_chapter(self) -> None:
        """Near-duplicates are looked for within a chapter, where restatements live; this
        keeps each comparison bucket small however long the book."""
        self.statements.clear()
        self.contexts.clear()

    def _repeats_a_fact(self, card: Card, back: str) -> bool:
        """A cloze that asks what a card of another kind already teaches: its whole statement
        is an enumerated item's answer, its deletion is a definition's answer, or it blanks the
        same phrase in the same words as an earlier cloze ("[...], not motivation, ...")."""
        assert card.cloze is not None
        statement = normalise(card.cloze.replace("{{c1::", "").replace("}}", ""))
        if statement in self.answers or back in self.answers:
            return True
        return any(key in self.contexts for key in _contexts(card.cloze, back))

    def admit(self, candidates: Iterable[Candidate]) -> Iterator[Card]:
        for candidate in candidates:
            if isinstance(candidate, Alternatives):
                # One item's ways to ask, best first: the first admitted is its card, and
                # the rest are never made; nor are any once the item has its card (a second
                # list numbered as the first names its items alike).
                for card, guard in candidate.ways():
                    if card.item in self.items:
                        break
                    if self._admits(card, guard):
                        yield shaped(card)
                        break
            elif self._admits(candidate):
                yield shaped(candidate)

    def _admits(self, card: Card, guard: Guard | None = None) -> bool:
        """True when the card passes its guard and the rules and repeats no card admitted
        before it, which it then joins. The set lookups come first: a repeat is dropped
        before it is judged."""
        if card.kind in ONE_PER_ITEM and card.item in self.items:
            return False  # an alternative for an item that already has its card
        # Compared as they will read once named in their chapter: "What does X
        # become?" and "In “Chapter”, what does X become?" ask the same.
        front = normalise(_IN_PLACE.sub("", card.front))
        card_id = card.id
        if card_id in self.ids or front in self.fronts:
            return False
        back = normalise(card.back)
        if card.kind is Kind.DEFINITION and back in self.definitions:
            return False
        near: tuple[frozenset[str], frozenset[str]] | None = None  # its words, its answer's
        if card.cloze is not None and card.kind not in _FACT_KINDS:
            if self._repeats_a_fact(card, back):
                return False
            words = frozenset(normalise(card.cloze.replace("c1::", "")).split())
            answer = frozenset(back.split())
            buckets = [self.statements.get(key, []) for key in answer - FUNCTION_WORDS]
            if any(
                _overlap(words, other_words) >= NEAR_DUPLICATE
                and _overlap(answer, other_answer) >= 0.5
                for bucket in buckets
                for other_words, other_answer in bucket
            ):
                return False
            near = words, answer
        if (guard is not None and not guard()) or not passes(card):
            return False
        if card.kind is Kind.DEFINITION:
            self.definitions.add(back)
        if near is not None:
            words, answer = near
            for key in answer - FUNCTION_WORDS:
                self.statements.setdefault(key, []).append((words, answer))
            self.contexts.update(_contexts(card.cloze, back))
        if card.kind in _FACT_KINDS:
            # A list's overlapping clozes share their neighbours' words by design, so
            # they are not compared as near-duplicates; their answers are facts a claim
            # must not ask again.
            self.answers.add(back)
        self.ids.add(card_id)
        self.fronts.add(front)
        if not definitions.asks_for_a_term(card):
            self.items.add(card.item)  # a term asked from its meaning stands in for nothing
        return True


_IN_PLACE = re.compile(r"^In “[^”]{1,200}”, (?=[a-z])")

#: Kinds whose answer is a statement or phrase a cloze card could repeat.
_FACT_KINDS = frozenset({Kind.DEFINITION, Kind.ENUMERATION, Kind.TECHNIQUE})
_CONTEXT_WORDS = 3


@lru_cache(maxsize=4096)
def _contexts(cloze: str, back: str) -> tuple[tuple[str, str], ...]:
    """The deletion's answer with the three words before it and with the three after it.
    Cached: a cloze's are asked when it is compared, and again when it is admitted."""
    before, _, after = cloze.partition("{{c1::")
    after = after.partition("}}")[2]
    out = []
    left = normalise(before).split()[-_CONTEXT_WORDS:]
    right = normalise(after).split()[:_CONTEXT_WORDS]
    if len(left) == _CONTEXT_WORDS:
        out.append((back, "<" + " ".join(left)))
    if len(right) == _CONTEXT_WORDS:
        out.append((back, ">" + " ".join(right)))
    return tuple(out)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
