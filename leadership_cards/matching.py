"""Which regenerated card carries on which stored card.

A deck is generated again when a member edits a chapter and adds it again, and when a new
version of the generator words its cards better. Most cards then come back a little
different, and a card's id (a hash of its text) changes with its text. Like git's rename
detection, `match` pairs each newly generated card with the stored card it replaces, so the
new wording takes over that card's schedule and history instead of starting again:

1. exact: the same id, or one of the stored card's aliases: the id the generator gave its
   current wording, and the id its stored text would get today;
2. similar: of the cards left, pairs of the same kind are scored by how alike their questions
   and answers are (word order aside, so a reordered clause still scores high). A pair from
   the same source item (the same list entry or paragraph, or the same passage wherever it
   moved) needs less likeness than a pair from anywhere else in the deck. The best-scoring
   pairs are taken first, each card at most once.

A newer generator may also ask a sentence's fact as another kind of card (a claim's cloze
"Inner leadership is a [...]." becomes the definition "What is inner leadership?"). Among the
kinds that state one sentence's fact (`STATEMENT_KINDS`), a card from the same source item
whose fact reads nearly the same carries on across kinds, ranked below any same-kind pair;
numbered, counting and discussion cards never cross.

Ties are broken by id, so the pairing depends only on the cards, never on their order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from leadership_cards.cards import CLOZE_BLANK, Card, Kind, card_id, normalise

#: Likeness (0-100) a pair from the same source item needs: a one-word change in a short
#: answer, or a generator that blanks another part of the same sentence, still qualifies.
SAME_SOURCE_THRESHOLD = 50.0
#: Likeness a pair from different source items needs. Above what two different cards of
#: one kind reach in the shipped deck (numbered technique and enumeration questions share
#: all but one word of their question, and discussion prompts share their answer).
ELSEWHERE_THRESHOLD = 86.0
#: What a cloze's sentence counts for when its deletion moved (see `_likeness`): below
#: `ELSEWHERE_THRESHOLD` even for the very same sentence.
RESTATED = 0.8
#: Kinds whose card asks the fact of one sentence, which a generator may ask as another of
#: them. The fact is the cloze's sentence, or a question with its answer.
STATEMENT_KINDS = frozenset(
    {Kind.KEY_POINT, Kind.CLAIM, Kind.DEFINITION, Kind.HEADING, Kind.STATISTIC, Kind.CITATION}
)
#: Kinds that count a list, one card a list, asked of the list's source item.
_COUNT_KINDS = frozenset({str(Kind.TECHNIQUE_COUNT), str(Kind.ENUMERATION_COUNT)})
#: Score a pair across kinds needs (its facts' likeness, discounted by `RESTATED`): the same
#: sentence asked another way, not another sentence of the same paragraph.
CROSS_KIND_THRESHOLD = 64.0
#: Cards from elsewhere in the deck scored against each new card, at most (see
#: `_Kind.candidates`).
NEAR_TWINS = 32
#: A word in more stored cards of a kind than this finds too many to be worth looking up.
COMMON_WORD = 4 * NEAR_TWINS
#: Added to a same-source pair's score, so that between two equally alike candidates the
#: card from the same place wins.
SAME_SOURCE_BONUS = 10.0


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What matching needs to know of a card, stored or new."""

    id: str
    kind: str
    item: str
    front: str
    back: str
    passage: str = ""
    #: Other ids that mean this very card: for a stored card, the id the generator gave its
    #: wording and the id its stored text would be given now. Both differ from `id` once the
    #: card has carried on an older one, and the first also under a hand-made rewording.
    aliases: tuple[str, ...] = ()

    @classmethod
    def of(cls, card: Card) -> Fingerprint:
        return cls(card.id, str(card.kind), card.item, card.front, card.back, card.source.passage)

    @classmethod
    def stored(
        cls,
        deck: str,
        id: str,
        kind: str,
        item: str,
        front: str,
        back: str,
        passage: str = "",
        generated_id: str | None = None,
    ) -> Fingerprint:
        own = card_id(deck, kind, front, back)
        aliases = tuple(dict.fromkeys(i for i in (generated_id, own) if i and i != id))
        return cls(id, kind, item, front, back, passage, aliases)


@dataclass(frozen=True, slots=True)
class Pair:
    new: str  # the new card's id
    old: str  # the stored card's id
    exact: bool  # paired by id rather than by likeness
    score: float  # 100 for an exact pair


def match(stored: Iterable[Fingerprint], new: Iterable[Fingerprint]) -> list[Pair]:
    """Pair new cards with the stored cards they replace: one to one, exact ids first, then
    the most alike pairs of the same kind (see the module's docstring). Cards left unpaired
    are new cards, or stored cards whose source is gone."""
    old_cards = {card.id: card for card in stored}
    new_cards = {card.id: card for card in new}
    pairs = _exact(old_cards, new_cards)
    for pair in pairs:
        del old_cards[pair.old], new_cards[pair.new]
    pairs.extend(_similar(old_cards.values(), new_cards.values()))
    return sorted(pairs, key=lambda pair: pair.new)


def _exact(old: dict[str, Fingerprint], new: dict[str, Fingerprint]) -> list[Pair]:
    """Pairs by id, then by a stored card's aliases (first aliases first, then by id)."""
    pairs = [Pair(i, i, True, 100.0) for i in sorted(old.keys() & new.keys())]
    taken = {pair.old for pair in pairs}
    by_alias: dict[str, str] = {}
    rank = max((len(card.aliases) for card in old.values()), default=0)
    for position in range(rank):
        for card in sorted(old.values(), key=lambda card: card.id):
            if card.id not in taken and len(card.aliases) > position:
                by_alias.setdefault(card.aliases[position], card.id)
    for new_id in sorted(new.keys() - taken):
        old_id = by_alias.get(new_id)
        if old_id is not None and old_id not in taken:
            taken.add(old_id)
            pairs.append(Pair(new_id, old_id, True, 100.0))
    return pairs


def _similar(old: Iterable[Fingerprint], new: Iterable[Fingerprint]) -> list[Pair]:
    old_by_kind: dict[str, _Kind] = defaultdict(_Kind)
    statements = _Kind()  # stored cards of every statement kind, for pairs across kinds
    for card in old:
        text = _Text.of(card)
        old_by_kind[card.kind].add(text)
        if card.kind in STATEMENT_KINDS:
            statements.add(text)
    scored: list[tuple[float, str, str]] = []
    for card in new:
        fresh = _Text.of(card)
        kind = old_by_kind.get(card.kind)
        for prior in kind.candidates(fresh) if kind is not None else ():
            score = _score(prior, fresh)
            if score is not None:
                scored.append((score, prior.id, fresh.id))
        if card.kind in STATEMENT_KINDS:
            for prior in statements.same_source(fresh):
                if prior.kind != fresh.kind:
                    score = RESTATED * fuzz.ratio(prior.fact, fresh.fact)
                    if score >= CROSS_KIND_THRESHOLD:
                        scored.append((score, prior.id, fresh.id))
    scored.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
    pairs, used_old, used_new = [], set(), set()
    for score, old_id, new_id in scored:
        if old_id in used_old or new_id in used_new:
            continue
        used_old.add(old_id)
        used_new.add(new_id)
        pairs.append(Pair(new_id, old_id, False, score))
    return pairs


@dataclass(frozen=True, slots=True)
class _Text:
    """A card's text reduced once to what likeness is measured on: normalised, its words
    sorted (so `fuzz.ratio` of two of them is their `token_sort_ratio`)."""

    id: str
    kind: str
    item: str
    front: str
    back: str
    passage: str
    statement: str  # a cloze's whole sentence, its blank filled in; "" for a question

    @property
    def words(self) -> frozenset[str]:
        return frozenset(f"{self.front} {self.back}".split())

    @property
    def fact(self) -> str:
        """The sentence a cloze states, or a question with its answer."""
        return self.statement or " ".join(sorted(f"{self.front} {self.back}".split()))

    @classmethod
    def of(cls, card: Fingerprint) -> _Text:
        statement = ""
        if CLOZE_BLANK in card.front:
            statement = _sorted(card.front.replace(CLOZE_BLANK, f" {card.back} ", 1))
        return cls(
            card.id,
            card.kind,
            card.item,
            _sorted(card.front),
            _sorted(card.back),
            normalise(card.passage),
            statement,
        )


def _sorted(text: str) -> str:
    return " ".join(sorted(normalise(text).split()))


class _Kind:
    """The stored cards of one kind, indexed so that a new card is scored only against the
    cards it could pair with: those from its source item or passage, and those sharing one
    of its rarest words (`candidates`), never against the whole deck, which keeps a deck
    regenerated wholesale about linear in its size."""

    def __init__(self) -> None:
        self.cards: list[_Text] = []
        self.by_source: dict[str, list[int]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)

    def add(self, card: _Text) -> None:
        index = len(self.cards)
        self.by_source["item:" + card.item].append(index)
        if card.passage:
            self.by_source["passage:" + card.passage].append(index)
        for word in card.words:
            self.by_word[word].append(index)
        self.cards.append(card)

    def same_source(self, card: _Text) -> list[_Text]:
        """The cards from the same source item or passage."""
        return [self.cards[index] for index in sorted(self._same_source(card))]

    def _same_source(self, card: _Text) -> set[int]:
        found = set(self.by_source.get("item:" + card.item, ()))
        if card.passage:
            found.update(self.by_source.get("passage:" + card.passage, ()))
        return found

    def candidates(self, card: _Text) -> list[_Text]:
        """The cards from the same source, and from elsewhere the `NEAR_TWINS` that share
        the most of the new card's rarest words. A card alike enough to pair from elsewhere
        (`ELSEWHERE_THRESHOLD`) shares most of its words, so it shares some of the rarest two
        fifths of them. A common word ("what", "leaders") would make every card a candidate
        and is not looked up; the cap bounds the work where a deck holds many near-twins."""
        found = self._same_source(card)
        known = sorted(
            (len(self.by_word[word]), word) for word in card.words if word in self.by_word
        )
        shared: dict[int, int] = defaultdict(int)
        for count, word in known[: max(4, 2 * len(card.words) // 5 + 1)]:
            if count > COMMON_WORD:
                break
            for index in self.by_word[word]:
                shared[index] += 1
        nearest = sorted(shared.items(), key=lambda entry: (-entry[1], entry[0]))
        found.update(index for index, _ in nearest[:NEAR_TWINS])
        return [self.cards[index] for index in sorted(found)]


def likeness(a: Fingerprint, b: Fingerprint) -> float:
    """How alike two cards' questions and answers are, 0-100 (word order aside)."""
    return _likeness(_Text.of(a), _Text.of(b))


def _likeness(a: _Text, b: _Text, cutoff: float = 0.0) -> float:
    # The question and the answer weigh the same: cloze siblings share a sentence and
    # differ only in what is blanked, numbered questions share all but a word and differ
    # in their answers. Two clozes of one sentence that blank different parts (a reworded
    # sentence, a generator that chooses its deletion better) still teach that sentence:
    # they are as alike as their sentences, discounted so a sibling never outranks the
    # card that blanks the same part, and never enough to pair from elsewhere in the deck.
    score = 0.0
    if a.statement and b.statement:
        score = RESTATED * fuzz.ratio(a.statement, b.statement)
    front = fuzz.ratio(a.front, b.front)
    if (front + 100) / 2 >= max(cutoff, score):
        score = max(score, (front + fuzz.ratio(a.back, b.back)) / 2)
    if front == 100 and a.statement and b.statement:
        # The same cloze frame: the card that blanks the same part, however
        # its (short) answer was reworded, outranks a sibling that blanks another part.
        score = max(score, RESTATED * 100 + 1)
    return score


def _score(old: _Text, new: _Text) -> float | None:
    """The pair's score, or None when the two are not alike enough to be one card."""
    score = _likeness(old, new, SAME_SOURCE_THRESHOLD)
    if old.kind in _COUNT_KINDS and old.item == new.item:
        # A list has one count card: reworded ("Two" -> "Two service objectives"), it is
        # still that card.
        score = max(score, SAME_SOURCE_THRESHOLD)
    if score < SAME_SOURCE_THRESHOLD:
        return None
    if old.item == new.item or (old.passage and old.passage == new.passage):
        return score + SAME_SOURCE_BONUS
    return score if score >= ELSEWHERE_THRESHOLD else None
