"""How many prose sentences give a card: for each chapter, the sentences of its paragraphs
and listed items, and how many of them some card was made from (a card is counted for the
sentence of its passage whose content words it shares most). `--show` prints the sentences
left without a card, to see which shapes the generator still passes over.

    python benchmarks/sentence_coverage.py tests/corpus/*.facts.toml decks/inner-leadership
    python benchmarks/sentence_coverage.py --show tests/corpus/coaching-conversations.facts.toml
"""

from __future__ import annotations

import argparse
import re
import tomllib
from collections import defaultdict
from pathlib import Path

from leadership_cards.cards import Card
from leadership_cards.deck_source import deck_from_paths
from leadership_cards.generate import generate
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.list_cards import item_passages
from leadership_cards.generate.text import FUNCTION_WORDS, sentences

_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS}


def _restates(sentence: set[str], card: set[str]) -> bool:
    shared = len(sentence & card)
    return shared >= 4 and shared >= 0.6 * min(len(sentence), len(card))


def card_text(card: Card) -> str:
    if card.cloze:
        return re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", card.cloze)
    return f"{card.front} {card.back}"


def measure(path: Path) -> tuple[int, int, list[str]]:
    """(sentences seen, sentences with a card, the sentences without one)."""
    cards = generate(deck_from_paths([path]))
    by_place: dict[tuple[str, str], list[Card]] = defaultdict(list)
    for card in cards:
        by_place[(card.source.file, card.source.position)].append(card)
    seen = got = 0
    missed: list[str] = []
    deck = deck_from_paths([path])
    for chapter in deck.chapters:
        for file in chapter.files:
            ctx = Chapter(deck.name, deck.title, chapter.title, deck.document(file))
            for text, position in item_passages(ctx):
                said = sentences(text)
                carded = [False] * len(said)
                words = [content(s) for s in said]
                for card in by_place[(ctx.doc.file, position)]:
                    mine = content(card_text(card))
                    best = max(range(len(said)), key=lambda i: len(words[i] & mine), default=None)
                    if best is not None and words[best] & mine:
                        carded[best] = True
                # A point the chapter restates elsewhere (a key point, a card written by
                # hand) has its card there: the sentence is not left without one.
                for i, sentence_words in enumerate(words):
                    carded[i] = carded[i] or any(
                        _restates(sentence_words, content(card_text(card)))
                        for card in cards
                        if card.source.file == ctx.doc.file
                    )
                for sentence, has in zip(said, carded, strict=True):
                    if len(content(sentence)) < 3:
                        continue
                    seen += 1
                    got += has
                    if not has:
                        missed.append(sentence)
    return seen, got, missed


def source_of(arg: Path) -> Path:
    if arg.name.endswith(".facts.toml"):
        return arg.parent / tomllib.loads(arg.read_text(encoding="utf-8"))["source"]
    return arg


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    total_seen = total_got = 0
    for arg in args.paths:
        seen, got, missed = measure(source_of(arg))
        total_seen += seen
        total_got += got
        print(f"{source_of(arg).name}: {got}/{seen} sentences give a card")
        if args.show:
            for sentence in missed:
                print(f"    - {sentence}")
    share = total_got / total_seen if total_seen else 0
    print(f"all: {total_got}/{total_seen} ({share:.0%})")


if __name__ == "__main__":
    main()
