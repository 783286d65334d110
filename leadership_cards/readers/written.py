"""Cards a member wrote by hand, in the plain-text format of hashcards.

    Q: What does the Timer report?
    A: Each speaker's time, against the green, yellow and red lights.

    C: The [General Evaluator] evaluates the meeting as a whole.

A `Q:` runs until its `A:`, across blank lines if need be; an `A:` or `C:` runs to the next
blank line, heading or tag, and an `A:` or `C:` line left empty takes the block that follows
(hashcards' list answers). The lines of a card are taken out of the chapter's text, so the
extractors never mine them a second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leadership_cards.document import WrittenCard
from leadership_cards.errors import SourceError
from leadership_cards.readers.raw import RawBlock, RawKind

_TAGS = ("Q:", "A:", "C:")


@dataclass(slots=True)
class _Open:
    tag: str  # "Q", "A" or "C"
    question: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    listed: bool = False  # the answer is the list that follows its empty "A:" line


def take_written(blocks: list[RawBlock], where: str) -> tuple[list[RawBlock], list[WrittenCard]]:
    """The blocks without the hand-written cards' lines, and the cards, in file order."""
    cards: list[WrittenCard] = []
    kept: list[RawBlock] = []
    card: _Open | None = None

    def finish() -> None:
        nonlocal card
        if card is None:
            return
        number = len(cards) + 1
        body = " ".join(" ".join(card.lines).replace(" ; ", "; ").split())
        if card.tag == "Q":
            raise SourceError(f"{where}: hand-written card {number} has a Q: but no A: line.")
        if card.tag == "C":
            written = WrittenCard(number, cloze=body)
            if not written.deletions:
                raise SourceError(
                    f"{where}: hand-written card {number} (C:) has no [bracketed] part to ask."
                )
        else:
            question = " ".join(" ".join(card.question).split())
            if not question or not body:
                raise SourceError(
                    f"{where}: hand-written card {number} has an empty question or answer."
                )
            written = WrittenCard(number, question=question, answer=body)
        cards.append(written)
        card = None

    for block in blocks:
        if card is not None and card.tag in "AC":
            if block.kind is RawKind.ITEM and (card.listed or not _has_content(card)):
                card.listed = True  # "A:" alone, then a list: the list is the answer
                card.lines.append(block.text if not card.lines else "; " + block.text)
                continue
            if block.kind is RawKind.TEXT and not _has_content(card) and not _tag(block.lines[0]):
                card.lines.extend(block.lines)
                finish()
                continue
            finish()
        tagged = block.kind is RawKind.TEXT and any(_tag(line) for line in block.lines)
        if card is not None and card.tag == "Q" and not tagged:
            if block.kind is not RawKind.TEXT:
                finish()  # raises: the question never met its answer
            card.question.extend(block.lines)  # a question may run over blank lines
            continue
        if not tagged:
            kept.append(block)
            continue
        prose: list[str] = []
        for line in block.lines:
            tag = _tag(line)
            rest = line[2:].strip() if tag else line
            if tag in ("Q", "C"):
                finish()
                card = _Open(tag)
                if rest:
                    (card.question if tag == "Q" else card.lines).append(rest)
            elif tag == "A" and card is not None and card.tag == "Q":
                card.tag = "A"
                if rest:
                    card.lines.append(rest)
            elif card is None:
                prose.append(line)
            elif card.tag == "Q":
                card.question.append(line)
            else:
                card.lines.append(line)
        if prose:
            kept.append(RawBlock(block.kind, prose, block.terms, block.level))
    finish()
    return kept, cards


def _has_content(card: _Open) -> bool:
    return any(line.strip() for line in card.lines)


def _tag(line: str) -> str:
    """ "Q", "A" or "C" for a line that opens with its tag; "" otherwise."""
    return line[0] if line.startswith(_TAGS) else ""
