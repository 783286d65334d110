"""Cards a member wrote by hand in a chapter file -> question and cloze cards, as written
(the kinds that cards written in Anki arrive as).

A `C:` statement with several `[bracketed]` parts gives one cloze card a part (Anki's c1,
c2, ...), each showing the other parts filled in; its cards are siblings."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.document import WrittenCard
from leadership_cards.generate.context import Chapter


def extract(chapter: Chapter) -> Iterator[Card]:
    for written in chapter.doc.written:
        position = f"card {written.number}"
        if not written.cloze:
            passage = f"Q: {written.question}\nA: {written.answer}"
            yield chapter.card(Kind.QUESTION, written.question, written.answer, position, passage)
            continue
        for cloze in clozes(written):
            yield chapter.card(Kind.CLOZE, "", "", position, f"C: {written.cloze}", cloze=cloze)


def clozes(written: WrittenCard) -> list[str]:
    """One `{{c1::...}}` statement a bracketed part; the other parts lose their brackets."""
    spans = written.deletions
    out = []
    for asked in spans:
        pieces: list[str] = []
        last = 0
        for start, end in spans:
            inner = written.cloze[start + 1 : end - 1]
            pieces.append(written.cloze[last:start])
            pieces.append(f"{{{{c1::{inner}}}}}" if (start, end) == asked else inner)
            last = end
        pieces.append(written.cloze[last:])
        out.append("".join(pieces))
    return out
