"""The pre-meeting quiz: questions on a chapter, answered by choice, by typing, or by flipping.

A quiz never touches a card's schedule or the review log: it is practice before a meeting,
not a review, and answering the same card twice in ten minutes would distort its memory
model. Its results go to tables of their own (`quiz_runs`, `quiz_answers`).
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from leadership_cards.cards import UNSCHEDULED_KINDS, Shape, normalise
from leadership_cards.drawing import draw_questions
from leadership_cards.errors import NotFound, UserError
from leadership_cards.review import context_line
from leadership_cards.store import Store, StoredCard
from leadership_cards.terminal import CTRL_C, CTRL_D, Terminal, style, wrap

MODES = ("choice", "typed", "flip")
OPTIONS = 4
#: A typed answer this similar (rapidfuzz ratio, 0-100, after normalising) counts as right
#: but is shown beside the expected answer.
CLOSE_ENOUGH = 85.0


class _Answered(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def deck(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def front(self) -> str: ...
    @property
    def back(self) -> str: ...
    @property
    def chapter(self) -> str: ...
    @property
    def shape(self) -> str: ...


# -- choosing the chapter and the cards ------------------------------------------------------


def resolve_chapter(chapters: Sequence[tuple[str, str]], wanted: str) -> tuple[str, str]:
    """The (deck, chapter) that `wanted` names: its number in reading order (as listed in
    the error), a title that itself says "Chapter N", or a case-insensitive part of a title."""
    if not chapters:
        raise NotFound("there are no chapters to quiz on (the collection has no cards)")
    text = wanted.strip()
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(chapters):
            return chapters[number - 1]
        titled = [c for c in chapters if re.match(rf"chapter\s+{number}\b", c[1], re.I)]
        if len(titled) == 1:
            return titled[0]
    else:
        folded = text.casefold()
        exact = [c for c in chapters if c[1].casefold() == folded]
        found = exact or [c for c in chapters if folded and folded in c[1].casefold()]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(c[1] for c in found)
            raise NotFound(f"{wanted!r} matches several chapters ({names}); say more of the title")
    listed = "; ".join(f"{n}. {c[1]}" for n, c in enumerate(chapters, 1))
    raise NotFound(f"no chapter {wanted!r} (chapters: {listed})")


def weakest_first(
    cards: Iterable[StoredCard],
    retrievability: Callable[[StoredCard], float],
    rng: random.Random,
) -> list[StoredCard]:
    """Cards most likely forgotten first.

    Reviewed cards come first, lowest retrievability first: they were learned and are
    fading, which ten minutes of practice can rescue. Cards never reviewed follow, in a
    seeded random order: nothing is known about them yet, and learning them is the daily
    review's work. Ties keep the seeded order, so a seed gives the same quiz.
    """
    pool = [card for card in cards if card.kind not in UNSCHEDULED_KINDS]
    rng.shuffle(pool)
    reviewed = [card for card in pool if card.schedule.state != "new"]
    unseen = [card for card in pool if card.schedule.state == "new"]
    reviewed.sort(key=retrievability)
    return reviewed + unseen


# -- questions -------------------------------------------------------------------------------


_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def distractors(
    card: _Answered, pool: Iterable[_Answered], rng: random.Random, k: int = OPTIONS - 1
) -> list[str]:
    """Up to `k` wrong answers for `card`, of the same shape as its answer (a number for a
    number, a gerund phrase for a gerund phrase; by kind for a card stored before shapes
    were), so that no option gives itself away.

    Candidates come from the card's deck: none equal to the right answer or to each other
    once normalised, none that answers the same question (two cloze cards can blank the same
    sentence), none that the question itself shows (an overlapping cloze shows the items
    beside its blank). They are taken from the same chapter first, then from cards of the
    same kind, then from the rest of the deck; within each, from the 2k nearest in length.
    A number with too few rivals in the deck is given invented neighbours of the same form."""
    right = normalise(card.back)
    question = normalise(card.front)
    shown = f" {question} "
    seen = {right}
    tiers: list[list[str]] = [[], [], [], []]
    for other in pool:
        if other.id == card.id or other.deck != card.deck or other.kind in UNSCHEDULED_KINDS:
            continue
        if not _same_shape(card, other):
            continue
        if normalise(other.front) == question:
            continue  # another right answer to the same question
        key = normalise(other.back)
        if not key or key in seen or f" {key} " in shown:
            continue
        seen.add(key)
        tiers[(other.chapter != card.chapter) * 2 + (other.kind != card.kind)].append(other.back)
    chosen: list[str] = []
    for tier in tiers:
        needed = k - len(chosen)
        if needed <= 0:
            break
        rng.shuffle(tier)  # ties in length fall in seeded order
        tier.sort(key=lambda answer: abs(len(answer) - len(card.back)))
        nearest = tier[: 2 * needed]
        chosen.extend(rng.sample(nearest, min(needed, len(nearest))))
    if len(chosen) < k and card.shape in (Shape.COUNT, Shape.QUANTITY):
        taken = seen | {normalise(answer) for answer in chosen}
        chosen.extend(nearby_numbers(card.back, k - len(chosen), taken, rng))
    return chosen


def _same_shape(card: _Answered, other: _Answered) -> bool:
    if card.shape:
        return other.shape == card.shape
    return other.kind == card.kind


_FIGURE = re.compile(r"\d+(?:\.\d+)?|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def nearby_numbers(answer: str, k: int, taken: set[str], rng: random.Random) -> list[str]:
    """Up to `k` answers like `answer` with its number moved a little ("Eleven" -> "Ten",
    "70 percent" -> "60 percent"), in the same form, none in `taken` (normalised)."""
    m = _FIGURE.search(answer)
    if not m:
        return []
    text = m.group()
    as_word = not text[0].isdigit()
    value = float(_NUMBER_WORDS[text.lower()]) if as_word else float(text)
    percent = "percent" in answer.lower() or "%" in answer
    step = 10.0 if percent and value >= 10 else 1.0
    out: list[str] = []
    offsets = [d * step for n in range(1, 6) for d in (n, -n)]
    rng.shuffle(offsets)
    for offset in sorted(offsets, key=abs):
        number = value + offset
        if number < 0 or (percent and number > 100) or (as_word and number > 20):
            continue
        if as_word:
            words = list(_NUMBER_WORDS)
            figure = words[int(number)]
            figure = figure.capitalize() if text[0].isupper() else figure
        else:
            figure = f"{number:g}"
        candidate = answer[: m.start()] + figure + answer[m.end() :]
        if normalise(candidate) in taken:
            continue
        taken.add(normalise(candidate))
        out.append(candidate)
        if len(out) == k:
            break
    return out


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    card: StoredCard
    mode: str  # the mode it is asked in: a choice with no distractor is flipped instead
    options: tuple[str, ...] = ()
    right: int | None = None  # index of the right option
    note: str = ""


def build_question(
    number: int, card: StoredCard, mode: str, pool: Sequence[StoredCard], rng: random.Random
) -> Question:
    if mode != "choice":
        return Question(number, card, mode)
    wrong = distractors(card, pool, rng)
    like = f"{card.shape} answers" if card.shape else f"{card.kind} cards"
    if not wrong:
        return Question(
            number,
            card,
            "flip",
            note=f"no other {like} to choose from: reveal and grade yourself",
        )
    options = [*wrong, card.back]
    rng.shuffle(options)
    note = ""
    if len(options) < OPTIONS:
        note = f"only {len(options)} options: the deck has too few {like}"
    return Question(number, card, mode, tuple(options), options.index(card.back), note)


def plan_quiz(
    store: Store,
    *,
    deck: str | None,
    chapter: str | None,
    count: int,
    mode: str,
    rng: random.Random,
    weakest: bool = False,
    retrievability: Callable[[StoredCard], float] | None = None,
) -> tuple[list[Question], tuple[str, str] | None]:
    """The questions of a quiz, and the (deck, chapter) it is on if one was asked for."""
    if count < 1:
        raise UserError("--count must be at least 1")
    if mode not in MODES:
        raise UserError(f"unknown mode {mode!r} (modes: {', '.join(MODES)})")
    store.require_deck(deck)
    place = resolve_chapter(store.chapters(deck), chapter) if chapter is not None else None
    in_deck, in_chapter = place if place else (deck, None)
    cards = list(store.cards(deck=in_deck, chapter=in_chapter))
    if weakest:
        if retrievability is None:
            raise ValueError("weakest needs a retrievability")
        chosen = weakest_first(cards, retrievability, rng)[:count]
    else:
        chosen = draw_questions(cards, count, rng)
    if not chosen:
        where = (
            f"chapter {in_chapter!r}"
            if in_chapter
            else f"deck {deck!r}"
            if deck
            else "the collection"
        )
        raise UserError(f"no cards to quiz on in {where}")
    pools: dict[str, list[StoredCard]] = {}
    questions = []
    for number, card in enumerate(chosen, 1):
        if mode == "choice" and card.deck not in pools:
            pools[card.deck] = list(store.cards(deck=card.deck))
        questions.append(build_question(number, card, mode, pools.get(card.deck, []), rng))
    return questions, place


# -- grading typed answers -------------------------------------------------------------------


def _graded_form(text: str) -> str:
    words = normalise(text.replace("&", " and ")).split()
    return " ".join(_NUMBER_WORDS.get(word, word) for word in words)


@dataclass(frozen=True, slots=True)
class Grade:
    verdict: str  # "right", "close" or "wrong"
    similarity: float  # 0-100

    @property
    def correct(self) -> bool:
        return self.verdict != "wrong"


def grade_typed(expected: str, typed: str) -> Grade:
    """Right when equal after normalising (case, punctuation, spacing, "five" for "5");
    close when nearly so (a typo, a dropped word) and every number agrees, since "Answer
    1.2" for "Answer 1.1" is a different fact, not a typo; wrong otherwise."""
    from rapidfuzz import fuzz

    want, got = _graded_form(expected), _graded_form(typed)
    if not got:
        return Grade("wrong", 0.0)
    if want == got:
        return Grade("right", 100.0)
    similarity = fuzz.ratio(want, got)
    numbers_agree = re.findall(r"\d+", want) == re.findall(r"\d+", got)
    if similarity >= CLOSE_ENOUGH and numbers_agree:
        return Grade("close", similarity)
    return Grade("wrong", similarity)


def marked_difference(term: Terminal, expected: str, typed: str) -> tuple[str, str]:
    """Both answers with the differing stretches highlighted (when the terminal has colour)."""
    from difflib import SequenceMatcher

    if not term.color:
        return expected, typed
    want, got = [], []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, expected, typed).get_opcodes():
        if op == "equal":
            want.append(expected[a1:a2])
            got.append(typed[b1:b2])
        else:
            want.append(style(term, expected[a1:a2], fg="green", bold=True, underline=True))
            got.append(style(term, typed[b1:b2], fg="red", bold=True, underline=True))
    return "".join(want), "".join(got)


# -- the session -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    question: Question
    verdict: str
    given: str

    @property
    def correct(self) -> bool:
        return self.verdict != "wrong"


@dataclass
class QuizSession:
    """A planned quiz and what has been answered; each answer is saved as it is given."""

    store: Store
    questions: list[Question]
    mode: str
    deck: str | None = None
    chapter: str | None = None
    weakest: bool = False
    outcomes: list[Outcome] = field(default_factory=list)
    elapsed_ms: int = 0
    run_id: int | None = None

    def answer(
        self,
        question: Question,
        verdict: str,
        given: str,
        now: datetime,
        duration_ms: int,
        elapsed_ms: int | None = None,
    ) -> Outcome:
        """Save one answer; `elapsed_ms` is the quiz's time so far (default: the sum of
        the answers' times)."""
        if self.run_id is None:
            self.run_id = self.store.start_quiz_run(
                now, self.deck, self.chapter, self.mode, len(self.questions), self.weakest
            )
        self.elapsed_ms = self.elapsed_ms + duration_ms if elapsed_ms is None else elapsed_ms
        self.store.record_quiz_answer(
            self.run_id,
            question.card.id,
            question.number,
            verdict,
            given,
            now,
            duration_ms,
            self.elapsed_ms,
        )
        outcome = Outcome(question, verdict, given)
        self.outcomes.append(outcome)
        return outcome

    @property
    def score(self) -> int:
        return sum(outcome.correct for outcome in self.outcomes)


# -- the terminal loop -----------------------------------------------------------------------

QUIT_KEYS = ("q", "Q", CTRL_C, CTRL_D, "\x1b")
REVEAL_KEYS = (" ", "\r", "\n")


class _Quit(Exception):
    pass


def run_quiz(
    session: QuizSession,
    term: Terminal,
    now: Callable[[], datetime],
    monotonic: Callable[[], float] = time.monotonic,
) -> QuizSession:
    """Ask every question (q quits early), then show the score and the questions missed."""
    total = len(session.questions)
    started = monotonic()
    for question in session.questions:
        term.clear()
        _show_question(term, question, total)
        shown_at = monotonic()
        try:
            verdict, given = _ask(term, question)
        except _Quit:
            break
        duration = int((monotonic() - shown_at) * 1000)
        session.answer(
            question, verdict, given, now(), duration, int((monotonic() - started) * 1000)
        )
        if question.number < total and _wait(term, "[any key] next  [q] quit") in QUIT_KEYS:
            break
    session.elapsed_ms = int((monotonic() - started) * 1000)
    _finish(session, term)
    return session


def _show_question(term: Terminal, question: Question, total: int) -> None:
    card = question.card
    term.write(style(term, f"Question {question.number}/{total}", bold=True))
    term.write(style(term, f"  {context_line(card)}", fg="cyan") + "\n")
    if question.note:
        term.write(style(term, f"({question.note})", dim=True) + "\n")
    term.write("\n" + style(term, wrap(card.front), bold=True) + "\n\n")


def _ask(term: Terminal, question: Question) -> tuple[str, str]:
    if question.mode == "choice":
        return _ask_choice(term, question)
    if question.mode == "typed":
        return _ask_typed(term, question)
    return _ask_flip(term, question)


def _ask_choice(term: Terminal, question: Question) -> tuple[str, str]:
    for index, option in enumerate(question.options, 1):
        term.write(f"  {index}. {option}\n")
    keys = tuple(str(n) for n in range(1, len(question.options) + 1))
    term.write("\n" + style(term, f"[{keys[0]}-{keys[-1]}] answer  [q] quit", dim=True) + "\n")
    key = _wait_for(term, (*keys, *QUIT_KEYS))
    if key in QUIT_KEYS:
        raise _Quit
    chosen = int(key) - 1
    right = question.right
    assert right is not None
    if chosen == right:
        term.write(style(term, "Right.", fg="green", bold=True) + "\n")
        return "right", question.options[chosen]
    term.write(
        style(term, "Wrong.", fg="red", bold=True)
        + f" The answer is {right + 1}. {question.options[right]}\n"
    )
    return "wrong", question.options[chosen]


def _ask_typed(term: Terminal, question: Question) -> tuple[str, str]:
    term.write(style(term, "Type the answer and press Enter (q alone quits).", dim=True) + "\n")
    try:
        typed = term.line("> ")
    except KeyboardInterrupt:
        raise _Quit from None
    if typed.strip() in ("q", "Q"):
        raise _Quit
    expected = question.card.back
    grade = grade_typed(expected, typed)
    if grade.verdict == "right":
        term.write(style(term, "Right.", fg="green", bold=True) + "\n")
    elif grade.verdict == "close":
        want, got = marked_difference(term, expected, typed)
        term.write(style(term, "Close enough.", fg="yellow", bold=True) + "\n")
        term.write(f"  expected: {want}\n  you typed: {got}\n")
    else:
        term.write(style(term, "Wrong.", fg="red", bold=True) + f" The answer is: {expected}\n")
    return grade.verdict, typed


def _ask_flip(term: Terminal, question: Question) -> tuple[str, str]:
    term.write(style(term, "[Space/Enter] show the answer  [q] quit", dim=True) + "\n")
    if _wait_for(term, (*REVEAL_KEYS, *QUIT_KEYS)) in QUIT_KEYS:
        raise _Quit
    term.write(style(term, question.card.back, fg="green", bold=True) + "\n\n")
    term.write(style(term, "Did you know it? [y] yes  [n] no  [q] quit", dim=True) + "\n")
    key = _wait_for(term, ("y", "Y", "n", "N", *QUIT_KEYS))
    if key in QUIT_KEYS:
        raise _Quit
    return ("right", "") if key in ("y", "Y") else ("wrong", "")


def _wait_for(term: Terminal, keys: tuple[str, ...]) -> str:
    while True:
        key = term.key()
        if key in keys:
            return key


def _wait(term: Terminal, prompt: str) -> str:
    term.write(style(term, prompt, dim=True) + "\n")
    return term.key() or ""


def format_duration(milliseconds: int) -> str:
    minutes, seconds = divmod(round(milliseconds / 1000), 60)
    return f"{minutes}m {seconds:02d}s"


def _finish(session: QuizSession, term: Terminal) -> None:
    asked, total = len(session.outcomes), len(session.questions)
    term.write("\n")
    if asked == 0:
        term.write("Quiz ended before the first answer; nothing was recorded.\n")
        return
    early = f" (stopped after {asked} of {total})" if asked < total else ""
    term.write(
        style(term, f"Score: {session.score}/{asked}", bold=True)
        + f"{early} in {format_duration(session.elapsed_ms)}.\n"
    )
    missed = [outcome for outcome in session.outcomes if not outcome.correct]
    if not missed:
        term.write("No questions missed.\n")
        return
    term.write("Missed:\n")
    for outcome in missed:
        card = outcome.question.card
        term.write(f"  {outcome.question.number}. {card.front}\n")
        term.write(
            "     "
            + style(term, card.back, fg="green")
            + style(term, f"  ({card.chapter})", dim=True)
            + "\n"
        )
