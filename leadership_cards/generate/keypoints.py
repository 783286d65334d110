"""Key points -> cloze cards on each point's salient phrase (its contrast, comparison, verdict
or main claim), never a random word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.blanks import object_question
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.list_cards import titled_lists
from leadership_cards.generate.text import (
    _phrase_before,
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_citations,
    strip_connectives,
)
from leadership_cards.source import ListRole, parse_title


def extract(chapter: Chapter) -> Iterator[Card]:
    titled = {id(t.block) for t in titled_lists(chapter.doc)}
    for numbered in chapter.doc.lists:
        if numbered.role is not ListRole.KEY_POINTS or id(numbered) in titled:
            continue  # a list a sentence names is asked item by item (`techniques`)
        for item in numbered.items:
            if item.text.endswith(":"):
                continue  # it introduces the items after it; they are what to ask
            position = f"key point {item.number}"
            for cloze in candidate_clozes(item.text):
                yield chapter.card(Kind.KEY_POINT, "", "", position, item.text, cloze=cloze)
            # Last resort, when no blank leaves enough of the point: a question on its object.
            question = object_question(strip_connectives(sentences(item.text)[0]))
            if question:
                front = f"In “{parse_title(chapter.title).subject}”, {question[0][:1].lower()}{question[0][1:]}"
                yield chapter.card(Kind.KEY_POINT, front, question[1], position, item.text)


def candidate_clozes(text: str) -> list[str]:
    """Clozes of the point's sentences, best first: a contrast, comparison or verdict before
    a plain statement, the first sentence before later ones. The generator keeps the first
    that is not already in the deck (a key point often restates the chapter's prose)."""
    telling: list[str] = []
    plain: list[str] = []
    found_sentences = sentences(text)
    subject = _subject(found_sentences[0]) if found_sentences else None
    for index, raw in enumerate(found_sentences):
        sentence = strip_citations(strip_connectives(raw))
        if index and subject and _IT.match(sentence):
            # "It also deals with ..." continues the point about its first sentence's subject
            sentence = _IT.sub(subject + " ", sentence, count=1)
        if "{{" in sentence or "}}" in sentence or (index and dangles(sentence)):
            continue
        found = salient_span(sentence)
        if found and found[1] == "statement" and index:
            # A later sentence of a point says something new about a known subject, and
            # new information comes at the end of an English sentence: ask for that.
            found = None
        if found:
            (plain if found[1] == "statement" else telling).append(cloze_of(sentence, found[0]))
            continue
        end = len(sentence.rstrip('.!?"”’ '))
        span = _phrase_before(sentence, end)
        if span:
            plain.append(cloze_of(sentence, span))
    return telling + plain


_IT = re.compile(r"^It (?!is\b|was\b)")
_SUBJECT = re.compile(
    r"^((?:[A-Z][\w-]*)(?: [\w-]+){0,3}?) "
    r"(?:is|are|has|have|uses?|occupy|occupies|describes?|deals?|can|may|must|learns?)\b"
)


def _subject(sentence: str) -> str | None:
    """The short noun phrase a point's first sentence is about ("Inner leadership has ...")."""
    match = _SUBJECT.match(sentence)
    return match.group(1) if match else None
