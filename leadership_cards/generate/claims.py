"""Salient claims in prose -> cloze cards.

Only sentences that carry a contrast or a verdict qualify ("not X but Y", "Rather, ...", "the
only ...", "the most important ...", "the key ingredient is ...", "X is the key to Y", "It is
X that ...", a short statement of what the deck's subject is, and the summary points "The
first is ... A second ... Finally ..."); ordinary narration does not make a card. Sentences
of numbered items count too, after the item's first sentence (its technique card).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.list_cards import item_passages
from leadership_cards.generate.phrasing import about_the_topic
from leadership_cards.generate.quantities import quantities
from leadership_cards.generate.questions import (
    claim_question,
    clause_question,
    contrast_question,
    copular_question,
    origin_question,
    subject_question,
)
from leadership_cards.generate.text import (
    _RANK,
    SUPERLATIVE,
    VERBS,
    capitalise,
    clauses,
    cloze_of,
    dangles,
    main_clause,
    resolve_pronoun,
    salient_span,
    sentences,
    states_a_claim,
    strip_citations,
    strip_connectives,
    tokens,
    word_count,
)
from leadership_cards.source import parse_title

# Patterns that find their own phrase (a contrast, comparison or verdict)...
_PATTERNED = re.compile(
    r",\s+not\s|\bnot\b[^.]{1,60}\bbut\b|\bthe only\b|\bthe most\s+\w+\b|\bkey to\b|"
    r"\bmore\b[^.]{0,80}\bthan\b|\bwithout\b|"
    rf"\bthe\s+{_RANK}\s|\b(?:is|are)\s+(?:the|a)\s+(?:[\w'’-]+\s+)?{_RANK}\s|^it\s+is\s",
    re.IGNORECASE,
)
# "Inner leaders ... develop trust relationships with their followers, for that is the only
# kind of relationship that ...": "that" stands for the main verb's object.
_FOR_THAT = re.compile(
    r"^(?P<head>.+?),\s+(?:for|since|because)\s+(?:that|this|it|they)\s+(?:is|are)\s+"
    rf"(?P<pred>the\s+{SUPERLATIVE}\s.+)$",
    re.IGNORECASE,
)
_TRAILING_PHRASE = re.compile(
    r"\s+and\s+(?:against|in|through|across|over|under|with|for)\s[^;]+$", re.IGNORECASE
)
_PREPOSITION = re.compile(r"\s(?:with|to|for|of|in|among|between|across)\s", re.IGNORECASE)
MAX_TOPIC_WORDS = 15
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
    topic = _topic(chapter)
    # Key points are left to their own extractor, discussion questions are not claims.
    for text, position in item_passages(chapter):
        previous = ""
        for index, raw in _clauses_of(text):
            before = previous
            raw, previous = resolve_pronoun(raw, previous), raw
            if index == 0 and not position.startswith("paragraph"):
                continue  # an item's first sentence is its technique card
            verdict = bool(_VERDICT.search(raw))
            if topic and topic.match(raw) and word_count(raw) <= MAX_TOPIC_WORDS:
                verdict = True
            resolved = _resolve_that(strip_citations(raw))
            if resolved:
                yield chapter.card(Kind.CLAIM, "", "", position, text, cloze=resolved)
                continue
            sentence = strip_citations(raw)
            sentence = capitalise(_SUMMARY.sub("", sentence))
            sentence = _with_what_it_replaces(sentence, strip_citations(before))
            sentence = strip_connectives(sentence)
            who, sentence = _reported(sentence)
            if dangles(sentence):
                sentence = _main_clause_after_but(sentence)
            if (
                dangles(sentence)
                or _ORDINAL_REFERENCE.search(sentence)
                or word_count(sentence) > MAX_SENTENCE_WORDS
                or "{{" in sentence
                or "}}" in sentence
            ):
                continue
            # A general statement in the present tense is a claim of the chapter's own;
            # narration (past tense), questions and asides are not.
            verdict = verdict or states_a_claim(sentence)
            found = salient_span(sentence, statements=verdict)
            contrasted = contrast_question(sentence)
            if contrasted and not _covers(sentence, found, contrasted[1]):
                # The blank cannot hold the whole side the chapter puts in place of the
                # one it rejects: ask for that side instead.
                asked = contrasted[0]
                yield chapter.card(
                    Kind.CLAIM, _in_chapter(chapter, asked[0], who), asked[1], position, text
                )
                continue
            if verdict and (not found or found[1] == "statement"):
                asked = _not_the_topic(clause_question(sentence), chapter)
                if asked:
                    yield chapter.card(
                        Kind.CLAIM, _in_chapter(chapter, asked[0], who), asked[1], position, text
                    )
                    continue
            if found and found[1] == "statement" and quantities(sentence):
                # "A [board meeting] lasts from one to two hours": the number is the point,
                # asked as a question when no blank can hold it.
                asked = _not_the_topic(claim_question(main_clause(sentence)), chapter)
                if asked:
                    yield chapter.card(
                        Kind.CLAIM, _in_chapter(chapter, asked[0], who), asked[1], position, text
                    )
                    continue
            if not found and verdict:
                plain = main_clause(sentence)
                asked = _not_the_topic(
                    copular_question(plain)
                    or claim_question(plain)
                    or origin_question(plain)
                    or subject_question(plain),
                    chapter,
                )
                if asked:
                    yield chapter.card(
                        Kind.CLAIM, _in_chapter(chapter, asked[0], who), asked[1], position, text
                    )
                continue
            if found and (found[1] != "statement" or verdict):
                yield chapter.card(
                    Kind.CLAIM,
                    "",
                    "",
                    position,
                    text,
                    cloze=_according_to(who, cloze_of(sentence, found[0])),
                )


def _not_the_topic(asked: tuple[str, str] | None, chapter: Chapter) -> tuple[str, str] | None:
    """The question, unless it asks about the chapter's own topic and so has as many answers
    as the chapter has points ("What do inner leaders foster?" in a chapter on inner
    leadership)."""
    return None if asked and about_the_topic(asked[0], chapter.title) else asked


def _clauses_of(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence's independent clauses, with the index of the sentence they belong to."""
    for index, sentence in enumerate(sentences(text)):
        parts = clauses(strip_connectives(sentence))
        # A sentence that stays whole keeps its connective: "Rather, ..." says what it
        # puts in place of the sentence before.
        for clause in parts if len(parts) > 1 else [sentence]:
            yield index, clause


def _covers(
    sentence: str, found: tuple[tuple[int, int], str] | None, side: tuple[int, int]
) -> bool:
    """True when the blank found holds the whole side of a contrast (a leading "to" or
    article may stay in the frame as a cue)."""
    if not found:
        return False
    (start, end), _ = found
    left = sentence[side[0] : max(start, side[0])].strip().lower()
    return left in ("", "the", "a", "an") and end >= side[1]


def _in_chapter(chapter: Chapter, question: str, who: str = "") -> str:
    """ "When does trust grow?" -> "In “Building Trust”, when does trust grow?" (and
    "according to Kotter, ..." when the claim is a finding the chapter reports)."""
    source = f"according to {who}, " if who else ""
    return (
        f"In “{parse_title(chapter.title).subject}”, {source}{question[:1].lower()}{question[1:]}"
    )


# "Kotter found that many change efforts stall ...", "In their study, Nichols and Stevens
# found that people remember ...": the finding is the claim, its author the context.
_REPORTED = re.compile(
    r"^(?:[^,]{2,60},\s+)?(?P<who>[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3})\s+"
    r"(?:found|find|finds|showed|shows|estimated|estimates|argued|argues|observed|reported|"
    r"concluded|noted)\s+that\s+(?P<claim>[a-z].+)$"
)


def _reported(sentence: str) -> tuple[str, str]:
    """The author and the finding of a reported claim, else ("", the sentence)."""
    m = _REPORTED.match(sentence)
    if not m:
        return "", sentence
    return m.group("who"), capitalise(m.group("claim"))


def _according_to(who: str, cloze: str) -> str:
    if not who:
        return cloze
    first = cloze.split(" ", 1)[0]
    keep = first.isupper() or first.startswith("{{")
    return f"According to {who}, {cloze if keep else cloze[:1].lower() + cloze[1:]}"


_RATHER = re.compile(r"^(?:Rather|Instead),\s+(?P<rest>.+?)[.!]?$")
_REJECTS = re.compile(r"\b(?:never|not|no longer|rarely)\b", re.I)


def _with_what_it_replaces(sentence: str, before: str) -> str:
    """ "While compelling, this hero model was never the case in practice. Rather, inner
    leaders rely on the theory of values-based leadership." The chapter rejects one thing and
    puts another in its place: the card states both, "..., not the hero model."."""
    m = _RATHER.match(sentence)
    if not m or not _REJECTS.search(before):
        return sentence
    from leadership_cards.generate.questions import subject_of

    rejected = subject_of(before)
    if not rejected:
        return sentence
    return f"{capitalise(m.group('rest'))}, not {rejected}."


# "the third approach", "the first two approaches": items of a list the card does not show.
_ORDINAL_REFERENCE = re.compile(
    r"\bthe\s+(?:first|second|third|fourth|fifth|sixth|last|final|former|latter)"
    r"(?:\s+(?:two|three|four|five))?\s+[a-z]+s?\b(?!\s+of\b)",
    re.IGNORECASE,
)
_BUT = re.compile(r",\s+but\s+(?P<rest>.+)$")


def _main_clause_after_but(sentence: str) -> str:
    """ "Both have their place, but a leader who only ever mentors raises followers who
    wait to be told": the clause after "but" may stand alone where the first cannot."""
    m = _BUT.search(sentence)
    return capitalise(m.group("rest")) if m else sentence


def _topic(chapter: Chapter) -> re.Pattern[str] | None:
    """ "Inner leadership is a people-oriented task": a short statement of what the deck's
    subject is, which is what a reader of the deck came for."""
    subject = " ".join(chapter.deck_title.split())
    if not subject or len(subject.split()) > 4:
        return None
    return re.compile(
        rf"^(?:[\w-]+,\s+)?{re.escape(subject)}\s+(?:is|are)\s+(?:a|an)\s", re.IGNORECASE
    )


def _last_object(head: str) -> str | None:
    """The noun phrase after the clause's last verb, up to its first preposition: "develop
    trust relationships with their followers" -> "trust relationships"."""
    words = tokens(head)
    verbs = [
        i
        for i, (w, _, _) in enumerate(words)
        if w in VERBS and i + 1 < len(words) and (i == 0 or words[i - 1][0] not in VERBS)
    ]
    if not verbs:
        return None
    start = words[verbs[-1] + 1][1]
    rest = head[start:].rstrip(".!? ")
    cut = _PREPOSITION.search(rest)
    noun = (rest[: cut.start()] if cut else rest).strip()
    noun = re.sub(r"^(?:the|a|an)\s+", "", noun, flags=re.IGNORECASE)
    if not noun or re.search(r"[^\w\s'’-]", noun):
        return None
    return noun


def _resolve_that(sentence: str) -> str | None:
    """ "..., for that is the only kind of relationship that can maintain itself intact over
    time" -> "{{c1::Trust relationships}} are the only kind of relationship that can maintain
    itself intact over time." """
    m = _FOR_THAT.match(sentence)
    if not m:
        return None
    noun = _last_object(m.group("head"))
    if not noun or not 1 <= word_count(noun) <= 5 or dangles(noun):
        return None
    last = noun.split()[-1].lower()
    verb = "are" if last.endswith("s") and not last.endswith("ss") else "is"
    pred = _TRAILING_PHRASE.sub("", m.group("pred").rstrip(".!? "))
    statement = f"{{{{c1::{capitalise(noun)}}}}} {verb} {pred}."
    return statement if word_count(statement) <= MAX_SENTENCE_WORDS else None
