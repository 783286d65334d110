"""Ordinal enumerations in prose -> one card an item and one for the count, named by the
sentence that announces them ("six dimensions of difference").

Three shapes are read: sentences that open with "First, ... Second, ... Six, ...", summary
points ("The first is that ... A second summary point is that ... Finally, ..."), and an
enumeration inside one sentence ("The service objectives of inner leaders are two: first,
...; second, ..."). An item that only announces its topic ("An element of this definition
has to do with X") is answered by the topic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.gist import item_phrase, topic_of
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
from leadership_cards.source import Heading, ListRole, NumberedList, Paragraph, singular

_MARKERS = {w: i for i, w in enumerate(ORDINAL_WORDS) if i}
_MARKERS.update({w: i for i, w in enumerate(NUMBER_WORDS) if i >= 2})
_MARKER = re.compile(
    r"^(?P<marker>" + "|".join(sorted(_MARKERS, key=len, reverse=True)) + r"|finally|lastly),\s+",
    re.IGNORECASE,
)
_ORDINALS = "|".join(w for w in ORDINAL_WORDS[1:] if w)
_SUMMARY = re.compile(
    rf"^(?:the|a|an)\s+(?P<marker>{_ORDINALS})(?:\s+[a-z]+){{0,2}}\s+is\s+that,?\s+"
    r"(?:if\s[^,]{1,80},\s+)?",
    re.IGNORECASE,
)
_INLINE = re.compile(
    r"^(?P<label>[A-Za-z][\w'’ -]{2,80}?)\s+(?:are|is)\s+(?P<count>"
    + "|".join(NUMBER_WORDS[2:])
    + r"|\d+):\s+(?P<items>first,\s.+)$",
    re.IGNORECASE,
)
_INLINE_SPLIT = re.compile(rf";\s+(?:and\s+)?(?:{_ORDINALS}|finally|lastly),\s+", re.IGNORECASE)
_STOP = r"(?=\s+(?:can|could|are|is|were|may|might|will|that|which|stand|have|we|to)\b|[.,;:])"
_HEAD_END = re.compile(r"\s+(?:of|between|in|for|among)\s+")
_LOOK_BACK_BLOCKS = 3
_LABEL_WINDOW = 600
_MAX_GAP_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class _Item:
    block: int
    paragraph: Paragraph
    text: str  # the sentence, marker removed
    offset: int = 0  # where the sentence starts in the paragraph's text


def extract(chapter: Chapter) -> Iterator[Card]:
    blocks = chapter.doc.blocks
    for run in _runs(blocks):
        count = len(run)
        label, verb = _label(blocks, run[0], count)
        for n, item in enumerate(run, 1):
            answer = capitalise(strip_citations(item.text))
            answer = topic_of(answer) or answer
            if word_count(answer) > MAX_ANSWER_WORDS:
                continue
            named = f"{label} {verb} in the chapter" if verb else label or "points"
            front = f"What is the {ordinal_word(n)} of the {number_word(count)} {named}?"
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
                f"How many {label} are {verb} in the chapter?"
                if verb
                else f"How many {label} are there?",
                capitalise(number_word(count)),
                f"paragraphs {first}-{last}",
                "\n\n".join(dict.fromkeys(i.paragraph.text for i in run)),
            )

    yield from _inline(chapter)


def _inline(chapter: Chapter) -> Iterator[Card]:
    """ "The service objectives of inner leaders are two: first, A; second, B." """
    for block in chapter.doc.blocks:
        if isinstance(block, Paragraph):
            texts = [(block.text, f"paragraph {block.number}")]
        elif isinstance(block, NumberedList) and block.role is not ListRole.QUESTIONS:
            texts = [(i.text, f"{block.item_noun} {i.number}") for i in block.items]
        else:
            continue
        for text, position in texts:
            if ": first," not in text.lower():
                continue
            for sentence in sentences(text):
                yield from _inline_sentence(chapter, sentence, text, position)


def _inline_sentence(chapter: Chapter, sentence: str, text: str, position: str) -> Iterator[Card]:
    m = _INLINE.match(strip_citations(sentence))
    if not m:
        return
    word = m.group("count").lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.index(word)
    parts = _INLINE_SPLIT.split(m.group("items")[len("first,") :].strip())
    if len(parts) != count:
        return
    label = re.sub(r"^(?:the|a|an)\s+", "", " ".join(m.group("label").split()), flags=re.I)
    label = label[0].lower() + label[1:]
    answers = [item_phrase(part) for part in parts]
    if not all(answers):
        return
    for n, answer in enumerate(answers, 1):
        front = f"What is the {ordinal_word(n)} of the {number_word(count)} {label}?"
        yield chapter.card(Kind.ENUMERATION, front, answer or "", position, text)
    yield chapter.card(
        Kind.ENUMERATION_COUNT,
        f"How many {label} are there?",
        capitalise(number_word(count)),
        position,
        text,
    )


def _runs(blocks) -> Iterator[list[_Item]]:
    """Sentences that open with First, Second, ... in order, three or more."""
    run: list[_Item] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        offset = 0
        for sentence in sentences(block.text):
            offset = block.text.find(sentence, offset)  # sentences come in order: linear
            m = _MARKER.match(sentence) or _SUMMARY.match(sentence)
            if not m:
                continue
            word = m.group("marker").lower()
            value = len(run) + 1 if word in ("finally", "lastly") else _MARKERS[word]
            item = _Item(index, block, sentence[m.end() :], offset)
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


_PARTICIPLE = re.compile(r"\s+(?:can|could|may|will|should|must)\s+be\s+(?P<verb>[a-z]+ed)\b")


def _label(blocks, first: _Item, count: int) -> tuple[str | None, str | None]:
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
        # The label is announced just before the items: looking at the last few hundred
        # characters keeps labelling linear however many runs a long paragraph holds.
        end = first.offset if block is first.paragraph else len(block.text)
        text = block.text[max(0, end - _LABEL_WINDOW) : end]
        matches = list(pattern.finditer(text))
        if matches:
            m = matches[-1]
            label = " ".join(m.group("label").split())
            head, sep, rest = _split_head(label)
            if not head.endswith("s") or singular(head) == head:
                head += "s"
            label = f"{head}{sep}{rest}".lower()
            # A bare noun ("three points can be emphasized") is named by its verb, so the
            # question says which points: "the three points emphasized in the chapter".
            verb = _PARTICIPLE.match(text, m.end()) if len(label.split()) == 1 else None
            return label, verb.group("verb").lower() if verb else None
    return None, None


def _split_head(label: str) -> tuple[str, str, str]:
    m = _HEAD_END.search(label)
    if not m:
        return label, "", ""
    return label[: m.start()], m.group(), label[m.end() :]
