"""A printable handout: every card grouped by chapter, or a quiz with its answer key.

Card text is plain text, so anything Markdown or HTML would read as markup is escaped: what
the sheet shows is what the card says.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterable
from typing import IO

from leadership_cards.cards import UNSCHEDULED_KINDS
from leadership_cards.drawing import draw_questions
from leadership_cards.export.fields import source_text
from leadership_cards.store import StoredCard

#: Starts a new printed page (honoured by browsers, pandoc's HTML and PDF routes).
PAGE_BREAK = '<div style="page-break-after: always;"></div>'

_MARKDOWN = re.compile(r"([\\`*_\[\]#|~])")


def md(text: str) -> str:
    """Plain text made safe for Markdown: HTML escaped, Markdown's markup characters
    backslashed, and line breaks kept inside the paragraph."""
    text = _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))
    return "  \n".join(" ".join(line.split()) for line in text.splitlines() or [""])


def write_handout(cards: Iterable[StoredCard], titles: dict[str, str], out: IO[str]) -> int:
    """Every card, a section per deck and chapter; discussion prompts close each chapter."""
    written = 0
    deck = chapter = None
    prompts: list[StoredCard] = []
    for card in cards:
        if card.deck != deck:
            _prompts(out, prompts)
            deck, chapter = card.deck, None
            out.write(("\n" if written else "") + f"# {md(titles.get(deck, deck))}\n")
        if card.chapter != chapter:
            _prompts(out, prompts)
            chapter = card.chapter
            out.write(f"\n## {md(chapter)}\n")
        written += 1
        if card.kind in UNSCHEDULED_KINDS:
            prompts.append(card)
            continue
        out.write(f"\n**Q.** {md(card.front)}  \n**A.** {md(card.back)}  \n")
        out.write(f"*{md(source_text(card))}*\n")
    _prompts(out, prompts)
    return written


def _prompts(out: IO[str], prompts: list[StoredCard]) -> None:
    if not prompts:
        return
    out.write("\n### For discussion\n\n")
    for number, card in enumerate(prompts, 1):
        out.write(f"{number}. {md(card.front)}\n")
    prompts.clear()


def write_quiz(cards: Iterable[StoredCard], title: str, count: int, seed: int, out: IO[str]) -> int:
    """`count` questions on the first page, the answer key on the next; returns how many."""
    drawn = draw_questions(cards, count, random.Random(seed))
    if not drawn:
        return 0
    out.write(f"# Quiz: {md(title)}\n\n")
    out.write(f"{len(drawn)} questions (seed {seed}). Name: ____________________\n\n")
    for number, card in enumerate(drawn, 1):
        out.write(f"{number}. {md(card.front)}\n\n")
    out.write(f"{PAGE_BREAK}\n\n## Answer key\n\n")
    for number, card in enumerate(drawn, 1):
        out.write(
            f"{number}. {md(card.back)}  \n   *{md(card.chapter)}; {md(source_text(card))}*\n"
        )
    return len(drawn)
