"""Definitions -> "What is X?" cards.

Recognised: "a (simple) definition of X is Y", "X has a dual definition: Y", "For current
purposes, X is Y", "X is/can be defined as Y"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import (
    capitalise,
    dangles,
    sentences,
    strip_citations,
    strip_connectives,
    word_count,
)

_TERM = r"(?P<term>[A-Za-z][\w'’ -]{1,60}?)"
_PATTERNS = (
    (
        re.compile(
            rf"^(?:a|an|the)\s+(?:[\w-]+,?\s+){{0,3}}?definition of {_TERM} is (?P<def>.+)$",
            re.I,
        ),
        "What is {}?",
    ),
    (
        re.compile(rf"^{_TERM} has a (?P<adj>\w+) definition:\s*(?P<def>.+)$", re.I),
        "What is the {adj} definition of {}?",
    ),
    (
        re.compile(
            rf"^for (?:current|present|our) purposes, {_TERM} (?:is|are) (?P<def>.+)$", re.I
        ),
        "What is {}, for current purposes?",
    ),
    (
        re.compile(rf"^{_TERM} (?:is|are|can be|may be) defined as (?P<def>.+)$", re.I),
        "What is {}?",
    ),
)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


def extract(chapter: Chapter) -> Iterator[Card]:
    for text, position in chapter.passages():
        yield from _from_text(chapter, text, position)


def _from_text(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    for raw in sentences(text):
        sentence = strip_citations(raw)
        lowered = sentence.lower()
        if "defin" not in lowered and "purposes" not in lowered:
            continue
        sentence = strip_connectives(sentence)
        for pattern, question in _PATTERNS:
            m = pattern.match(sentence)
            if not m:
                continue
            term = _LEADING_DETERMINER.sub("", m.group("term").strip())
            if dangles(term) or word_count(term) > 8:
                break
            if term[:2].istitle() or term[:1].isupper() and term[1:2].islower():
                term = term[0].lower() + term[1:]
            answer = capitalise(m.group("def").strip().rstrip("."))
            adj = m.groupdict().get("adj") or ""
            front = question.format(term, adj=adj.lower())
            yield chapter.card(Kind.DEFINITION, front, answer + ".", position, text)
            break
