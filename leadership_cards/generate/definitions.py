"""Definitions -> "What is X?" cards.

Recognised: "a (simple) definition of X is Y", "X has a dual definition: Y", "For current
purposes, X is Y", "X is/can be defined as Y", "X means Y", "X refers to Y", "By X we mean Y",
"X is called Y" the other way round, and the plainest form, "X is the/a Y" ("Delegation is the
transfer of authority from a leader to a follower"), when X is a short term and Y a noun
phrase that is not a verdict ("the key ...", "the only ..."). A term of one word is asked
with its chapter named, since its meaning here is the chapter's."""

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
from leadership_cards.source import parse_title

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
    (
        re.compile(rf"^{_TERM} (?:means|refers to|denotes|signifies) (?P<def>.+)$", re.I),
        "What is {}?",
    ),
    (
        re.compile(
            rf"^by {_TERM},? (?:we|I|they|the author|this chapter) means? (?P<def>.+)$", re.I
        ),
        "What is {}?",
    ),
    (
        re.compile(
            rf"^{_TERM} (?:is|are) (?P<def>(?:the|an?) (?!(?:only|most|key|prime|main|best|first|"
            r"second|third|last|same|other|one|chief|central|core|primary|essential|single|"
            r"greatest|real|true)\b)[^,;:]+.*)$",
            re.I,
        ),
        "What is {}?",
    ),
)
#: Words that show a sentence's subject is a reference, not a term: "This is a ...".
_NOT_A_TERM = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "there",
        "here",
        "which",
        "what",
        "who",
        "one",
        "each",
        "all",
        "some",
        "many",
        "most",
        "such",
    ]
)
MAX_PLAIN_TERM_WORDS = 4
MAX_DEFINITION_WORDS = 30
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


def extract(chapter: Chapter) -> Iterator[Card]:
    for text, position in chapter.passages():
        yield from _from_text(chapter, text, position)


def _from_text(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    for raw in sentences(text):
        sentence = strip_connectives(strip_citations(raw))
        for index, (pattern, question) in enumerate(_PATTERNS):
            m = pattern.match(sentence)
            if not m:
                continue
            raw_term = m.group("term").strip()
            bare = _LEADING_DETERMINER.sub("", raw_term)
            if dangles(bare) or word_count(bare) > 8 or not _is_term(bare):
                break
            plain = index == len(_PATTERNS) - 1
            if plain and not _plain_definition(raw_term, m.group("def")):
                break
            # The article stays ("What is a pathway?"); a name keeps its capitals.
            term = raw_term if raw_term.lower().startswith(("a ", "an ")) else bare
            if term[:1].isupper() and not any(w[:1].isupper() for w in term.split()[1:]):
                term = term[0].lower() + term[1:]
            answer = capitalise(m.group("def").strip().rstrip("."))
            if plain and word_count(answer) > MAX_DEFINITION_WORDS:
                break  # a long "X is a ..." sentence is a claim with more in it than a meaning
            adj = m.groupdict().get("adj") or ""
            front = question.format(term, adj=adj.lower())
            if question == "What is {}?":
                verb = "are" if _plural(sentence, m, bare) else "is"
                front = f"What {verb} {term}?"
                if word_count(bare) == 1:
                    front = f"In “{parse_title(chapter.title).subject}”, what {verb} {term}?"
            yield chapter.card(Kind.DEFINITION, front, answer + ".", position, text)
            break


def _plural(sentence: str, m: re.Match[str], term: str) -> bool:
    """Whether the term takes "are": as the sentence itself says ("Crutch words are ..."),
    or, where its verb does not show number ("By X we mean"), by the tag of its last word."""
    said = sentence[m.end("term") : m.end("term") + 5].lower()
    if said.startswith((" is ", " is,")):
        return False
    if said.startswith(" are"):
        return True
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(term)
    return bool(analysis) and analysis.tokens[-1].tag in ("NNS", "NNPS")


def _is_term(term: str) -> bool:
    words = term.lower().split()
    return bool(words) and words[0] not in _NOT_A_TERM and "(" not in term


def _plain_definition(term: str, definition: str) -> bool:
    """ "X is the/a Y" defines X when X is a short term (no verb of its own, at most four
    words) and Y opens with a noun phrase: "Inner leadership is a people-oriented task",
    not "The result is a more loyal team" (a result, not a term)."""
    if word_count(term) > MAX_PLAIN_TERM_WORDS or term.lower().startswith("the "):
        return False  # "The result is ...": a reference to what came before, not a term
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(f"{term} is {definition}")
    if analysis is None:
        return False
    tokens = analysis.tokens
    verb = next(i for i, t in enumerate(tokens) if t.start >= len(term))  # "is"
    if any(t.tag in ("VBZ", "VBP", "VBD", "MD", "PRP") for t in tokens[:verb]):
        return False
    if not any(t.tag.startswith("NN") for t in tokens[:verb]):
        return False
    after = tokens[verb + 1 :]
    return len(after) > 2 and after[1].phrase == "NP"
