"""Salient claims in prose -> cloze cards.

Only sentences that carry a contrast or a verdict qualify ("not X but Y", "Rather, ...", "the
only ...", "the most important ...", "X is the key to Y", and the summary points "The first
is ... A second ... Finally ..."); ordinary narration does not make a card."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import (
    capitalise,
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_citations,
    strip_connectives,
    word_count,
)

_MARKER = re.compile(
    r",\s+not\s|\bnot\b[^.]{1,60}\bbut\b|^rather,|\bthe only\b|\bthe most (?:important|powerful|"
    r"significant|critical)\b|\bkey to\b|\bmore than\b|\bfar more\b|\bwithout\b|"
    r"^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|final|last)\b|^finally,",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|final|last)(?:\s+\w+){0,2}\s+is\s+"
    r"that,?\s+(?:if\s[^,]{1,80},\s+)?",
    re.IGNORECASE,
)
MAX_SENTENCE_WORDS = 40


def extract(chapter: Chapter) -> Iterator[Card]:
    for paragraph in chapter.doc.paragraphs:
        for raw in sentences(paragraph.text):
            if not _MARKER.search(raw):
                continue
            sentence = strip_citations(raw)
            sentence = capitalise(_SUMMARY.sub("", sentence))
            sentence = strip_connectives(sentence)
            if (
                dangles(sentence)
                or word_count(sentence) > MAX_SENTENCE_WORDS
                or "{{" in sentence
                or "}}" in sentence
            ):
                continue
            found = salient_span(sentence)
            if found:
                yield chapter.card(
                    Kind.CLAIM,
                    "",
                    "",
                    f"paragraph {paragraph.number}",
                    paragraph.text,
                    cloze=cloze_of(sentence, found[0]),
                )
