"""Citations -> cloze cards on the claim a cited author supports.

What a learner keeps is the claim; the author stays in the sentence as its context ("... about
[...] were abandoned within two years (Nutt, 1999)"), so the card tests what was found, and
who found it comes along as a cue. A sentence whose claim has no good blank makes no card: an
author or a year alone is not worth a morning's review."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import (
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_connectives,
    word_count,
)

_NAME = r"[A-Z][a-z][A-Za-z'’-]+"
_AUTHORS = rf"(?P<author>{_NAME}(?:\s+and\s+{_NAME})?)"
_YEAR = r"(?:1[89]|20)\d\d[a-z]?"
_PARENTHETICAL = re.compile(rf"\({_AUTHORS},\s*{_YEAR}\)")
_NARRATIVE = re.compile(rf"\b{_AUTHORS}\s+\({_YEAR}\)")
_OTHER_CITATIONS = re.compile(rf"\s*\([^()]*\b{_YEAR}\)")
MAX_SENTENCE_WORDS = 40


def extract(chapter: Chapter) -> Iterator[Card]:
    for paragraph in chapter.doc.paragraphs:
        if "(" not in paragraph.text:
            continue
        for raw in sentences(paragraph.text):
            sentence = strip_connectives(raw)
            if dangles(sentence) or "{{" in sentence or "}}" in sentence:
                continue
            for pattern in (_PARENTHETICAL, _NARRATIVE):
                m = pattern.search(sentence)
                if not m or not _supports_whole(sentence, m, pattern is _NARRATIVE):
                    continue
                cloze = _claim_cloze(sentence, m, narrative=pattern is _NARRATIVE)
                if cloze is None:
                    break
                yield chapter.card(
                    Kind.CITATION,
                    "",
                    "",
                    f"paragraph {paragraph.number}",
                    paragraph.text,
                    cloze=cloze,
                )
                break
            else:
                continue
            break  # one citation card a paragraph: its claim, with its author as context


def _claim_cloze(sentence: str, m: re.Match[str], narrative: bool) -> str | None:
    """The sentence with its claim's salient phrase blanked and the one citation kept: other
    citations are dropped; a narrative citation ("Gardner (1990) sees ...") stays as the
    subject, and the blank falls after it."""
    kept = _OTHER_CITATIONS.sub("", sentence[: m.start()])
    tail = _OTHER_CITATIONS.sub("", sentence[m.end() :])
    if narrative:
        statement = kept + m.group() + tail
        claim_start = len(kept) + len(m.group())
    else:
        # The claim alone is analysed; the citation is put back after the blank is chosen.
        statement = (kept.rstrip() + tail).strip()
        claim_start = 0
    if word_count(statement) > MAX_SENTENCE_WORDS:
        return None
    found = salient_span(statement)
    if found is None or found[0][0] < claim_start:
        return None
    cloze = cloze_of(statement, found[0])
    if narrative:
        return cloze
    end = len(cloze.rstrip(" .!?"))
    return f"{cloze[:end]} {m.group()}{cloze[end:]}"


def _supports_whole(sentence: str, m: re.Match[str], narrative: bool) -> bool:
    """A narrative citation opens the sentence ("Gardner (1990) sees..."); a parenthetical
    one closes it. Either way it vouches for the whole statement."""
    if narrative:
        return m.start() == 0
    return not sentence[m.end() :].strip(' .!?"”’')
