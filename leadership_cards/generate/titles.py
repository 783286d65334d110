"""Chapter and technique titles -> cards ("Which technique does Chapter 5 present?")."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind, normalise
from leadership_cards.generate.context import Chapter
from leadership_cards.source import parse_title


def extract(chapter: Chapter) -> Iterator[Card]:
    doc_title = chapter.doc.title
    title = doc_title if doc_title and doc_title.chapter_number else parse_title(chapter.title)
    subject = title.subject
    chapter_no, technique_no = title.chapter_number, title.technique_number
    if not subject or (chapter_no is None and technique_no is None):
        return
    position = "title"
    if chapter_no is not None and technique_no is not None:
        yield chapter.card(
            Kind.TITLE,
            f"Which technique does Chapter {chapter_no} present?",
            subject,
            position,
            title.text,
        )
    elif chapter_no is not None:
        yield chapter.card(
            Kind.TITLE, f"What is the title of Chapter {chapter_no}?", subject, position, title.text
        )
    if technique_no is not None:
        where = f" of {chapter.deck_title}" if _names_a_book(chapter, title.text) else ""
        yield chapter.card(
            Kind.TITLE, f"What is Technique {technique_no}{where}?", subject, position, title.text
        )


def _names_a_book(chapter: Chapter, title: str) -> bool:
    """True when the deck's title names a book the chapter belongs to ("Technique 2 of Inner
    Leadership"), not the chapter itself: a deck made from one chapter file is titled after
    it, and "Technique 2 of Technique 2 relationship focus" would garble the question."""
    deck = set(normalise(chapter.deck_title).split())
    return bool(deck) and not deck & set(normalise(f"{title} {chapter.title}").split())
