"""Claim headings ("Inner Leaders Use Personal More Than Authority Power") -> cloze cards.

A heading is a claim when, read as a sentence, it has a main verb and a salient phrase; topic
headings ("Service Techniques", "Differentiating Inner Leadership...") are left alone."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import cloze_of, main_verb_object, salient_span


def extract(chapter: Chapter) -> Iterator[Card]:
    for heading in chapter.doc.headings:
        words = heading.text.split()
        if len(words) < 4 or words[0].lower().endswith("ing") or "{" in heading.text:
            continue
        sentence = sentence_case(heading.text) + "."
        if main_verb_object(sentence) is None:
            continue
        found = salient_span(sentence)
        if found:
            yield chapter.card(
                Kind.HEADING,
                "",
                "",
                f"heading {heading.number}",
                heading.text,
                cloze=cloze_of(sentence, found[0]),
            )


def sentence_case(title: str) -> str:
    """ "Inner Leaders Use Personal Power" -> "Inner leaders use personal power"; acronyms
    such as CEO keep their capitals."""
    words = title.split()
    out = [words[0]]
    for word in words[1:]:
        if word.isupper() and len(word) > 1:
            out.append(word)
        else:
            out.append(word.lower())
    return " ".join(out)
