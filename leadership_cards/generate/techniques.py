"""Lists named by a heading ("Service Techniques") or a sentence ("Follow these twelve steps")
-> one overlapping cloze an item, and one card for the list's count.

Reciting a list whole is hard to learn; one item a card, asked with the list's name and its
neighbouring items as cues, teaches both the items and their order (the Cloze Overlapper
pattern Anki users know). The answer is the item's gist (`gist.technique_gist`), a phrase of
a few words; the full sentence stays in the card's passage."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.gist import shorten, technique_gist
from leadership_cards.generate.list_cards import (
    Entry,
    item_cards,
    step_details,
    term_cards,
    titled_lists,
)
from leadership_cards.generate.phrasing import plural_noun
from leadership_cards.generate.quality import MAX_ANSWER_WORDS
from leadership_cards.generate.text import (
    FUNCTION_WORDS,
    capitalise,
    sentences,
    strip_citations,
    word_count,
)
from leadership_cards.source import ListRole, Paragraph

_CLAUSE = re.compile(r"[;:—]")
#: An item longer than this is answered by its first clause when it has one.
MAX_ITEM_WORDS = 12


def extract(chapter: Chapter) -> Iterator[Card]:
    for titled in titled_lists(chapter.doc):
        numbered = titled.block
        if titled.of_terms:
            yield from term_cards(chapter, titled, _HEADED)
            continue
        gists = item_gists([item.text for item in numbered.items])
        noun = numbered.item_noun
        entries = [
            Entry(item.number, gist, numbered.position(item), item.text)
            for item, gist in zip(numbered.items, gists, strict=True)
        ]
        first, last = numbered.items[0].number, numbered.items[-1].number
        kinds = _HEADED if numbered.role is ListRole.ITEMS else _ANNOUNCED
        yield from item_cards(
            chapter,
            titled.name,
            entries,
            kinds,
            numbered.where(f"{plural_noun(noun)} {first}-{last}"),
            "\n".join(f"{item.number}. {item.text}" for item in numbered.items),
            lead_in=titled.lead_in,
            ordered=numbered.ordered,
            counted=titled.counted,
        )
        yield from step_details(chapter, numbered)

    yield from marked_duties(chapter)


#: "The **timer** keeps track of how long each speaker talks and signals ...": a term the
#: source marks, then what it does. The verb may take its preposition ("listens for").
_DUTY = re.compile(
    r"^(?P<verb>[a-z]+s)(?P<rest>(?:\s+[a-z]+)?\s+(?:of|for|to|on|with|at|about|into))?\s+"
    r"(?P<object>[^,;:()]+?)(?=\s+such\s+as\b|[,;:.(]|$)"
)
#: "... how long each speaker talks and signals with cards": a second duty starts.
_AND_VERB = re.compile(r"\s+and\s+(?P<verb>[a-z]+s)\s")
_NOT_DUTIES = frozenset(["is", "was", "has", "means", "refers", "stands", "does", "comes"])
MIN_DUTY_WORDS = 2


def marked_duties(chapter: Chapter) -> Iterator[Card]:
    """What a term the source marks (bold, emphasis) does, asked of the sentence that opens
    on it: "The **timer** keeps track of how long each speaker talks" -> "What does the
    timer keep track of?" -> "How long each speaker talks". What the term is belongs to the
    definitions."""
    from leadership_cards.generate.questions import _base_form, _can_be_verb

    for block in chapter.doc.blocks:
        if not isinstance(block, Paragraph) or not block.terms:
            continue
        for sentence in sentences(block.text):
            for term in block.terms:
                opening = re.match(rf"^(?P<article>(?:The|An?)\s+)?{re.escape(term)}\s+", sentence)
                if opening is None:
                    continue
                m = _DUTY.match(sentence[opening.end() :])
                if m is None or m.group("verb") in _NOT_DUTIES:
                    continue
                verb = m.group("verb")
                base = _base_form(verb)
                duty = _first_duty(m.group("object").strip())
                if not _can_be_verb(base) or word_count(duty) < MIN_DUTY_WORDS:
                    continue
                article = (opening.group("article") or "").lower()
                question = f"What does {article}{term} {base}{m.group('rest') or ''}?"
                yield chapter.card(
                    Kind.CLAIM,
                    question,
                    capitalise(duty),
                    f"paragraph {block.number}",
                    block.text,
                )


def _first_duty(duty: str) -> str:
    """The object of the first duty, when a second one follows ("how long each speaker
    talks and signals with ..."); "filler sounds and words" is one object."""
    from leadership_cards.generate.questions import _base_form, _can_be_verb

    for m in _AND_VERB.finditer(duty):
        after = duty[m.end() :].split(" ", 1)[0].lower()
        if after in FUNCTION_WORDS and _can_be_verb(_base_form(m.group("verb"))):
            return duty[: m.start()]  # a verb takes "with", "the", "each" after it; a noun not
    return duty


_HEADED = (Kind.TECHNIQUE, Kind.TECHNIQUE_COUNT)
#: A list a sentence announces is an enumeration, as "First, ... Second, ..." in prose is.
_ANNOUNCED = (Kind.ENUMERATION, Kind.ENUMERATION_COUNT)


def item_gists(texts: list[str]) -> list[str | None]:
    """Each item's gist; items whose gists coincide ("Preparing to serve their followers")
    are told apart by what follows their "by" ("Learning to be teachers")."""
    found = []
    for text in texts:
        first = sentences(text)
        found.append(technique_gist(strip_citations(first[0])) if first else None)
    counts: dict[str, int] = {}
    for gist in found:
        if gist:
            counts[gist.text.lower()] = counts.get(gist.text.lower(), 0) + 1
    out: list[str | None] = []
    for text, gist in zip(texts, found, strict=True):
        if gist is None:
            out.append(item_gist(text))
        elif counts[gist.text.lower()] > 1:
            out.append(gist.means or item_gist(text))
        else:
            out.append(gist.text)
    return out


def item_gist(text: str) -> str | None:
    """An item's first sentence, or its first clause when the sentence runs long."""
    found = sentences(text)
    if not found:
        return None
    first = strip_citations(found[0]).rstrip(",;: ")
    if word_count(first) > MAX_ITEM_WORDS:
        # "Structure it as A, B, C: open with ..." -> "Structure it as A, B, C";
        # "Read the form in advance, so that you know ..." -> "Read the form in advance"
        clause = _CLAUSE.split(first, 1)[0].strip()
        short = (clause, None) if 2 <= word_count(clause) < word_count(first) else shorten(first)
        if short:
            return capitalise(short[0])
    if word_count(first) <= MAX_ANSWER_WORDS:
        return capitalise(first)
    clause = _CLAUSE.split(first, 1)[0].strip()
    if 6 <= word_count(clause) <= MAX_ANSWER_WORDS:
        return capitalise(clause) + "."
    return None
