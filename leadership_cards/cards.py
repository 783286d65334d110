"""The card: what a reviewer sees, where it came from, and the id that keeps its history."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache


class Kind(StrEnum):
    """What a card asks. Each generated kind has one extractor in `generate/`."""

    KEY_POINT = "key_point"
    DEFINITION = "definition"
    TECHNIQUE = "technique"
    TECHNIQUE_COUNT = "technique_count"
    ENUMERATION = "enumeration"
    ENUMERATION_COUNT = "enumeration_count"
    HEADING = "heading"
    STATISTIC = "statistic"
    CITATION = "citation"
    CLAIM = "claim"
    TITLE = "title"
    DISCUSSION = "discussion"
    #: Written by hand rather than generated: a question and its answer, or a cloze
    #: deletion (each deletion of an Anki Cloze note is a card), as decks from Anki bring.
    QUESTION = "question"
    CLOZE = "cloze"


class Shape(StrEnum):
    """What kind of phrase a card's answer is, so a quiz can offer wrong answers of the
    same kind (`generate.shapes` finds it when the card is generated)."""

    COUNT = "count"  # "Eleven", "12"
    QUANTITY = "quantity"  # a number with its unit: "70 percent", "3 out of 4", "two minutes"
    VERB_PHRASE = "verb phrase"  # "Learning to be teachers", "accept the service role"
    CLAUSE = "clause"  # a statement with its own verb: "Leaders are in service to others"
    NOUN_PHRASE = "noun phrase"  # "personal power", "The inner leader's followership role"


#: Kinds a person wrote (in a chapter file, or in Anki): taken as written, never judged as
#: generated wording is.
WRITTEN_KINDS = frozenset({Kind.QUESTION, Kind.CLOZE})

#: Kinds that never enter the daily review: they are prompts to speak on, not facts to recall.
UNSCHEDULED_KINDS = frozenset({Kind.DISCUSSION})

#: The blank shown in place of a cloze deletion.
CLOZE_BLANK = "[...]"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a card came from: the chapter file and a position a reader can find."""

    file: str
    position: str  # e.g. "paragraph 4", "key point 7", "technique 3"
    passage: str = ""  # the source text the card was made from, for context


@dataclass(frozen=True, slots=True)
class Card:
    """One question and its answer.

    `item` names the source item (a paragraph, list entry or heading) inside the deck; cards
    made from one item are siblings and are not shown on the same day. `cloze` holds the
    statement with its deletion marked as `{{c1::...}}` for cloze cards, so exports can
    build real cloze notes; `front` is the same statement with the deletion blanked.
    `fixed_id` pins the id of a card reworded by hand, or of a regenerated card that carries
    on a stored one (see `matching`), so the new wording keeps that card's history.
    """

    deck: str
    chapter: str
    kind: Kind
    front: str
    back: str
    source: SourceRef
    item: str
    cloze: str | None = None
    tags: tuple[str, ...] = field(default=())
    fixed_id: str | None = None  # set when a reworded card keeps an earlier card's id
    #: The answer's phrase type ("count", "noun phrase", ...; see `generate.shapes`), found
    #: when the card is generated so that a quiz offers wrong answers of the same shape
    #: without analysing text. Empty when unknown.
    shape: str = ""

    @property
    def id(self) -> str:
        if self.fixed_id:
            return self.fixed_id
        return card_id(self.deck, self.kind, self.front, self.back)


_PUNCTUATION = re.compile(r"[^\w\s]")


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Text reduced to what survives small edits: case, punctuation and white space.
    Cached: generating a deck asks it of each card's question and answer many times over
    (its id, deduplication, the quality rules), and ids are asked of stored cards again."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def card_id(deck: str, kind: str, front: str, back: str) -> str:
    """A stable id: the same card text, give or take case, punctuation and white space,
    always gets the same id, so regenerating a deck keeps every unchanged card's history."""
    key = "\x1f".join((normalise(deck), str(kind), normalise(front), normalise(back)))
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def cloze_parts(cloze: str) -> tuple[str, str]:
    """Split `... {{c1::answer}} ...` into the blanked question and the answer."""
    match = re.search(r"\{\{c1::(.+?)\}\}", cloze)
    if not match:
        raise ValueError(f"not a cloze: {cloze!r}")
    return cloze[: match.start()] + CLOZE_BLANK + cloze[match.end() :], match.group(1)
