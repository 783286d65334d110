"""Citations -> cloze cards on the author who supports a claim.

Only a citation of one or two authors attached to a sentence that stands on its own makes a
card: who said it matters when the sentence says something worth remembering."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.text import (
    cloze_of,
    dangles,
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
                # Keep the one citation asked about; drop the others from the statement.
                kept = _OTHER_CITATIONS.sub("", sentence[: m.start()])
                tail = sentence[m.end() :]
                tail = _OTHER_CITATIONS.sub("", tail)
                statement = kept + sentence[m.start() : m.end()] + tail
                offset = len(kept) + (m.start("author") - m.start())
                span = (offset, offset + len(m.group("author")))
                if word_count(statement) > MAX_SENTENCE_WORDS:
                    break
                yield chapter.card(
                    Kind.CITATION,
                    "",
                    "",
                    f"paragraph {paragraph.number}",
                    paragraph.text,
                    cloze=cloze_of(statement, span),
                )
                break
            else:
                continue
            break  # one citation card a paragraph: who said it is secondary to what


def _supports_whole(sentence: str, m: re.Match[str], narrative: bool) -> bool:
    """A narrative citation opens the sentence ("Gardner (1990) sees..."); a parenthetical
    one closes it. Either way it vouches for the whole statement."""
    if narrative:
        return m.start() == 0
    return not sentence[m.end() :].strip(' .!?"”’')
