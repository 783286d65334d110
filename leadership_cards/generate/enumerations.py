"""Ordinal enumerations in prose ("First, ... Second, ... Six, ...") -> one card an item and
one for the count, named by the sentence that announces them ("six dimensions of difference")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.quality import MAX_ANSWER_WORDS
from leadership_cards.generate.text import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    capitalise,
    number_word,
    ordinal_word,
    sentences,
    strip_citations,
    word_count,
)
from leadership_cards.source import Heading, Paragraph, singular

_MARKERS = {w: i for i, w in enumerate(ORDINAL_WORDS) if i}
_MARKERS.update({w: i for i, w in enumerate(NUMBER_WORDS) if i >= 2})
_MARKER = re.compile(
    r"^(?P<marker>" + "|".join(sorted(_MARKERS, key=len, reverse=True)) + r"|finally|lastly),\s+",
    re.IGNORECASE,
)
_STOP = r"(?=\s+(?:can|could|are|is|were|may|might|will|that|which|stand|have|we|to)\b|[.,;:])"
_HEAD_END = re.compile(r"\s+(?:of|between|in|for|among)\s+")
_LOOK_BACK_BLOCKS = 3
_MAX_GAP_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class _Item:
    block: int
    paragraph: Paragraph
    text: str  # the sentence, marker removed


def extract(chapter: Chapter) -> Iterator[Card]:
    blocks = chapter.doc.blocks
    for run in _runs(blocks):
        count = len(run)
        label = _label(blocks, run[0], count)
        for n, item in enumerate(run, 1):
            answer = capitalise(strip_citations(item.text))
            if word_count(answer) > MAX_ANSWER_WORDS:
                continue
            if label:
                front = f"What is the {ordinal_word(n)} of the {number_word(count)} {label}?"
            else:
                front = f"What is the {ordinal_word(n)} of the {number_word(count)} points?"
            yield chapter.card(
                Kind.ENUMERATION,
                front,
                answer,
                f"paragraph {item.paragraph.number}",
                item.paragraph.text,
            )
        if label:
            first, last = run[0].paragraph.number, run[-1].paragraph.number
            yield chapter.card(
                Kind.ENUMERATION_COUNT,
                f"How many {label} are there?",
                capitalise(number_word(count)),
                f"paragraphs {first}-{last}",
                "\n\n".join(dict.fromkeys(i.paragraph.text for i in run)),
            )


def _runs(blocks) -> Iterator[list[_Item]]:
    """Sentences that open with First, Second, ... in order, three or more."""
    run: list[_Item] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        for sentence in sentences(block.text):
            m = _MARKER.match(sentence)
            if not m:
                continue
            word = m.group("marker").lower()
            value = len(run) + 1 if word in ("finally", "lastly") else _MARKERS[word]
            item = _Item(index, block, sentence[m.end() :])
            if value == 1:
                if len(run) >= 3:
                    yield run
                run = [item]
            elif run and value == len(run) + 1 and index - run[-1].block <= _MAX_GAP_BLOCKS:
                run.append(item)
            else:
                if len(run) >= 3:
                    yield run
                run = []
    if len(run) >= 3:
        yield run


def _label(blocks, first: _Item, count: int) -> str | None:
    """What the items are, from "At least six dimension of difference between ... can be
    identified" in the first item's paragraph or the few blocks before it."""
    pattern = re.compile(
        rf"\b(?:{number_word(count)}|{count})\s+(?P<label>[a-z][\w'’-]*(?:\s+[\w'’-]+){{0,7}}?){_STOP}",
        re.IGNORECASE,
    )
    start = max(0, first.block - _LOOK_BACK_BLOCKS)
    for block in reversed(blocks[start : first.block + 1]):
        if isinstance(block, Heading):
            continue
        if not isinstance(block, Paragraph):
            break
        text = block.text
        if block is first.paragraph:
            text = text[: text.find(first.text)] if first.text in text else ""
        matches = list(pattern.finditer(text))
        if matches:
            m = matches[-1]
            label = " ".join(m.group("label").split())
            head, sep, rest = _split_head(label)
            if not head.endswith("s") or singular(head) == head:
                head += "s"
            return f"{head}{sep}{rest}".lower()
    return None


def _split_head(label: str) -> tuple[str, str, str]:
    m = _HEAD_END.search(label)
    if not m:
        return label, "", ""
    return label[: m.start()], m.group(), label[m.end() :]
