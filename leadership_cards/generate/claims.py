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

# Patterns that find their own phrase (a contrast, comparison or verdict)...
_PATTERNED = re.compile(
    r",\s+not\s|\bnot\b[^.]{1,60}\bbut\b|\bthe only\b|\bthe most\s+\w+\b|\bkey to\b|"
    r"\bmore\b[^.]{0,80}\bthan\b|\bwithout\b",
    re.IGNORECASE,
)
# ...and verdicts whose main claim is the phrase to ask for.
_VERDICT = re.compile(
    r"^rather,|^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|final|last)\b|^finally,|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:vital|essential|critical|crucial)\b|\bcannot\b",
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
            patterned, verdict = bool(_PATTERNED.search(raw)), bool(_VERDICT.search(raw))
            if not (patterned or verdict):
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
            if found and (found[1] != "statement" or verdict):
                yield chapter.card(
                    Kind.CLAIM,
                    "",
                    "",
                    f"paragraph {paragraph.number}",
                    paragraph.text,
                    cloze=cloze_of(sentence, found[0]),
                )
