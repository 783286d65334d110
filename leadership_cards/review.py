"""The daily review: which card comes next, what an answer does, and the terminal loop.

The queue is asked for one card at a time (learning cards due now, then reviews due today,
then new cards within the day's limits), so showing a card never loads the collection.
Every answer is written in its own transaction the moment it is given.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from leadership_cards.cards import normalise
from leadership_cards.clock import StudyDay
from leadership_cards.editing import edit_card
from leadership_cards.errors import UserError
from leadership_cards.scheduler import Rating, Scheduler, SchedulerConfig, format_interval
from leadership_cards.store import Answer, Store, StoredCard
from leadership_cards.terminal import CTRL_C, CTRL_D, Terminal, style, wrap, wrap_groups
from leadership_cards.today import budget, left
from leadership_cards.words import counted

#: Learning cards due within this window are shown early rather than keeping the learner
#: waiting at the end of a session (Anki's "learn ahead limit").
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True, slots=True)
class Limits:
    new: int
    reviews: int
    answers: int | None = None  # --limit: answers in this session


@dataclass
class Tally:
    """What this session did, for the progress line and the summary."""

    answered: int = 0
    correct: int = 0
    milliseconds: int = 0
    new_seen: int = 0
    reviews_seen: int = 0
    history: list[tuple[int, str, int]] = field(default_factory=list)  # review id, card, rating


class ReviewSession:
    """The review's core: no terminal, time and randomness passed in."""

    def __init__(
        self,
        store: Store,
        config: SchedulerConfig,
        *,
        deck: str | None = None,
        new_limit: int | None = None,
        answer_limit: int | None = None,
        zone: tzinfo | None = None,
        rng: random.Random | None = None,
        now: datetime,
    ) -> None:
        self.store = store
        self.config = config
        self.deck = deck
        self.zone = zone
        self.rng = rng or random.Random()
        self.day = StudyDay.containing(now, zone, config.rollover_hour)
        # The day's limits hold across decks: a `--deck` session spends the same budget.
        remaining = budget(store, config, now, zone)
        # --new replaces what is left of the day's new-card budget for this session.
        self.limits = Limits(
            new=remaining.new if new_limit is None else max(0, new_limit),
            reviews=remaining.reviews,
            answers=answer_limit,
        )
        self.tally = Tally()
        self._scheduler: Scheduler | None = None

    @property
    def scheduler(self) -> Scheduler:
        # Built on first use: importing fsrs can wait until the first card is on screen.
        if self._scheduler is None:
            self._scheduler = Scheduler(self.config)
        return self._scheduler

    def next_card(self, now: datetime) -> StoredCard | None:
        """The card to show now, or None when today's work is done."""
        if self.limits.answers is not None and self.tally.answered >= self.limits.answers:
            return None
        card = self.store.next_learning(self.deck, now, now)
        if card is not None:
            return card
        if self.tally.reviews_seen < self.limits.reviews:
            card = self.store.next_review(self.deck, self.day.end, now)
            if card is not None:
                return card
        if self.tally.new_seen < self.limits.new:
            card = self.store.next_new(self.deck, now)
            if card is not None:
                return card
        return self.store.next_learning(self.deck, now + LEARN_AHEAD, now)

    def left(self, now: datetime) -> dict[str, int]:
        """Cards still to do today, within the limits (the progress line)."""
        new_left = max(0, self.limits.new - self.tally.new_seen)
        reviews_left = max(0, self.limits.reviews - self.tally.reviews_seen)
        return left(self.store, self.deck, self.day, now, new_left, reviews_left)

    def intervals(self, card: StoredCard, now: datetime) -> dict[Rating, timedelta]:
        return self.scheduler.preview(card.schedule, now)

    def answer(self, card: StoredCard, rating: Rating, now: datetime, duration_ms: int) -> int:
        """Record an answer at once; returns the review's id (for undo)."""
        with self.store.transaction():
            # Read the schedule again inside the write lock: another terminal may have
            # answered this card since it was shown.
            before = self.store.schedule_of(card.id)
            # The wall clock may have been set back (or another terminal's runs ahead): an
            # answer is never placed before the card's last one, so its log only moves on.
            if before.last_review is not None and now < before.last_review:
                now = before.last_review
            after = self.scheduler.answer(before, rating, now, self.rng)
            leech = (
                before.state == "review"
                and rating == Rating.AGAIN
                and after.lapses >= self.config.leech_lapses
            )
            siblings = (
                self.store.siblings_to_bury(card.id) if before.state in ("new", "review") else []
            )
            review_id = self.store.record(
                Answer(
                    card.id, int(rating), now, duration_ms, before, after, leech, tuple(siblings)
                ),
                bury_until=self.day.end,
            )
        self.tally.answered += 1
        self.tally.correct += rating != Rating.AGAIN
        self.tally.milliseconds += duration_ms
        self.tally.new_seen += before.state == "new"
        self.tally.reviews_seen += before.state == "review"
        self.tally.history.append((review_id, before.state, int(rating)))
        return review_id

    def undo(self) -> str | None:
        """Take back the last answer of this session; returns the card's id."""
        if not self.tally.history:
            return None
        review_id, state_before, rating = self.tally.history[-1]
        card_id = self.store.undo(review_id)  # refused if the card was answered again since
        self.tally.history.pop()
        self.tally.answered -= 1
        self.tally.correct -= rating != Rating.AGAIN
        self.tally.new_seen -= state_before == "new"
        self.tally.reviews_seen -= state_before == "review"
        return card_id

    def edit(self, card: StoredCard, front: str, back: str, now: datetime) -> None:
        """New wording for a card, kept as an override so regenerating the deck keeps it."""
        edit_card(self.store, card.id, front, back, now)

    def toggle_flag(self, card: StoredCard) -> bool:
        flagged = not card.flagged
        self.store.set_flagged([card.id], flagged)
        return flagged

    def suspend(self, card: StoredCard) -> None:
        self.store.set_suspended([card.id], True)

    def bury(self, card: StoredCard) -> None:
        self.store.bury(card.id, self.day.end)

    def due_tomorrow(self) -> int:
        """Cards falling due in the next study day, as the `stats` forecast counts them: what
        is still due today is told apart, not counted again."""
        tomorrow = self.day.next(self.zone, self.config.rollover_hour)
        return self.store.stats_due([(tomorrow.start, tomorrow.end)], self.deck)[0]


# -- the terminal loop -------------------------------------------------------------------

REVEAL_KEYS = (" ", "\r", "\n")
QUIT_KEYS = ("q", "Q", CTRL_D, "\x1b")
#: Keys that work on either side of a card: quit, undo, suspend, bury, edit, flag.
OTHER_KEYS = (*QUIT_KEYS, CTRL_C, "u", "s", "b", "e", "f")
RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}
BUTTON_COLOURS = {
    Rating.AGAIN: "red",
    Rating.HARD: "yellow",
    Rating.GOOD: "green",
    Rating.EASY: "blue",
}
FRONT_KEYS = [
    "[Space/Enter] show answer",
    "[e] edit",
    "[f] flag",
    "[s] suspend",
    "[b] bury",
    "[u] undo",
    "[q] quit",
]

#: Opens an editor on a card's front and back; returns the new pair, or None if unchanged.
Editor = Callable[[StoredCard], "tuple[str, str] | None"]


def run_review(
    session: ReviewSession,
    term: Terminal,
    now: Callable[[], datetime],
    monotonic: Callable[[], float] = time.monotonic,
    editor: Editor | None = None,
) -> Tally:
    """Show cards until the day's work is done or the learner quits.

    Ctrl-C stops at once (KeyboardInterrupt): every answer already given is committed, and
    the card on screen is left as it was.
    """
    replay: StoredCard | None = None
    notice = ""  # what the last key did, shown on the next screen so it can be read
    while True:
        moment = now()
        card = replay or session.next_card(moment)
        replay = None
        if card is None:
            if notice:
                term.write(style(term, notice, dim=True) + "\n")
            _finish(session, term, moment, empty=session.tally.answered == 0)
            return session.tally
        shown_at = monotonic()
        term.clear()
        if notice:
            term.write(style(term, notice, dim=True) + "\n")
        notice = ""
        _show_front(session, term, card, moment)
        key = _wait(term, (*REVEAL_KEYS, *OTHER_KEYS))
        if key in REVEAL_KEYS:
            _show_back(session, term, card, moment)
            key = _wait(term, (*RATING_KEYS, *OTHER_KEYS))
        if key == CTRL_C:
            raise KeyboardInterrupt
        if key in RATING_KEYS:
            duration = int((monotonic() - shown_at) * 1000)
            session.answer(card, RATING_KEYS[key], now(), duration)
        elif key in QUIT_KEYS:
            break
        elif key == "u":
            notice, replay = _undo(session)
        elif key == "e":
            notice, replay = _edit(session, card, editor, now())
        elif key == "f":
            notice, replay = _flag(session, card)
        else:
            notice = _set_aside(session, card, key)
    if notice:
        term.write(style(term, notice, dim=True) + "\n")
    _finish(session, term, now(), empty=False)
    return session.tally


def _wait(term: Terminal, keys: tuple[str, ...]) -> str:
    while True:
        key = term.key()
        if key in keys:
            return key


def _undo(session: ReviewSession) -> tuple[str, StoredCard | None]:
    try:
        card_id = session.undo()
    except UserError as refused:  # the card was answered again since, in another session
        said = str(refused)
        return f"{said[:1].upper()}{said[1:]}.", None
    if card_id is None:
        return "Nothing to undo.", None
    card = session.store.card(card_id)
    return f"Undone: the answer to {short_front(card)}", card


def _edit(
    session: ReviewSession, card: StoredCard, editor: Editor | None, moment: datetime
) -> tuple[str, StoredCard | None]:
    try:
        changed = editor(card) if editor is not None else None
    except UserError as error:  # a file edited out of shape: the card stays as it was
        return f"Not edited: {error}.", card
    if changed is None:
        return "Not edited: the card is as it was.", card
    front, back = changed
    session.edit(card, front, back, moment)
    return "Edited: the new wording is kept when the deck is generated again.", (
        session.store.card(card.id)
    )


def _flag(session: ReviewSession, card: StoredCard) -> tuple[str, StoredCard | None]:
    flagged = session.toggle_flag(card)
    again = session.store.card(card.id)
    if flagged:
        return "Flagged for later (see: leadership-cards cards --flagged).", again
    return "Flag taken off.", again


def _set_aside(session: ReviewSession, card: StoredCard, key: str) -> str:
    if key == "s":
        session.suspend(card)
        return (
            f"Suspended {card.id[:8]} (unsuspend with: leadership-cards unsuspend {card.id[:8]})."
        )
    session.bury(card)
    return f"Buried {card.id[:8]} until tomorrow."


def short_front(card: StoredCard, width: int = 40) -> str:
    """The question on one short line, to say which card a message is about."""
    front = " ".join(card.front.split())
    if len(front) > width:
        front = front[: width - 1] + "\u2026"
    return f"\u201c{front}\u201d"


def _progress(session: ReviewSession, moment: datetime) -> str:
    left = session.left(moment)
    return (
        f"done {session.tally.answered} · left today: {left['new']} new, "
        f"{left['learning']} learning, {left['review']} review"
    )


def _show_front(session: ReviewSession, term: Terminal, card: StoredCard, moment: datetime) -> None:
    term.write(style(term, _progress(session, moment), dim=True) + "\n")
    flag = style(term, "  ⚑ flagged", fg="magenta") if card.flagged else ""
    term.write(style(term, context_line(card), fg="cyan") + flag + "\n\n")
    term.write(style(term, wrap(card.front), bold=True) + "\n\n")
    keys = wrap_groups([(k, k) for k in FRONT_KEYS])
    term.write("\n".join(style(term, line, dim=True) for line in keys.splitlines()) + "\n")


def _show_back(session: ReviewSession, term: Terminal, card: StoredCard, moment: datetime) -> None:
    term.write("\n" + answer_text(term, card) + "\n")
    term.write(
        style(term, wrap(f"from {card.source_file}, {card.source_position}"), dim=True) + "\n\n"
    )
    intervals = session.intervals(card, moment)
    labels = {r: f"{int(r)} {r.name.title()} {format_interval(intervals[r])}" for r in Rating}
    buttons = wrap_groups(
        [(labels[r], style(term, labels[r], fg=BUTTON_COLOURS[r])) for r in Rating], gap=3
    )
    term.write(buttons + "\n")


def context_line(card: StoredCard) -> str:
    """Deck, chapter and kind above the question; the chapter is left out when it would give
    the answer away (a card asking for the chapter's own title)."""
    kind = card.kind.replace("_", " ")
    if normalise(card.back) in normalise(card.chapter):
        return f"{card.deck} · {kind}"
    return f"{card.deck} · {card.chapter} · {kind}"


def answer_text(term: Terminal, card: StoredCard) -> str:
    """The answer, folded at word boundaries; for a cloze card, the whole statement with the
    deletion filled in and highlighted, as Anki shows it."""
    if not card.cloze:
        return style(term, wrap(card.back), fg="green", bold=True)
    before, _, rest = card.cloze.partition("{{c1::")
    _, _, after = rest.partition("}}")
    # Wrap the plain statement, then colour the answer's words where they fell, so the
    # styling codes never count towards a line's width.
    mark = "\x00"
    folded = wrap(before + mark + card.back.replace(" ", " " + mark) + mark + after)
    pieces = folded.split(mark)
    out = [pieces[0]]
    for index, piece in enumerate(pieces[1:], 1):
        inside = index < len(pieces) - 1
        out.append(style(term, piece, fg="green", bold=True) if inside else piece)
    return "".join(out)


def _finish(session: ReviewSession, term: Terminal, moment: datetime, empty: bool) -> None:
    tally = session.tally
    if empty:
        next_due = session.store.next_due_after(session.deck, moment)
        if next_due is None:
            term.write("Nothing is due. No scheduled cards wait.\n")
        else:
            term.write(f"Nothing is due now. {_next_due(session, next_due, moment)}\n")
        return
    correct = round(100 * tally.correct / tally.answered) if tally.answered else 0
    minutes, seconds = divmod(round(tally.milliseconds / 1000), 60)
    left = session.left(moment)
    waiting = sum(left.values())
    still = (
        f"Still due today: {left['new']} new, {left['learning']} learning, {left['review']} review."
        if waiting
        else "Nothing more is due today."
    )
    next_due = session.store.next_due_after(session.deck, moment)
    coming = f" {_next_due(session, next_due, moment)}" if next_due is not None else ""
    done = (
        f"Reviewed {counted(tally.answered, 'card')}, {correct}% correct, "
        f"in {minutes}m {seconds:02d}s."
        if tally.answered
        else "No cards reviewed."  # not "0% correct" of nothing
    )
    summary = f"{done} {still}{coming} Due tomorrow: {session.due_tomorrow()}."
    folded = wrap(f"Session done. {summary}").removeprefix("Session done.")
    term.write("\n" + style(term, "Session done.", bold=True) + folded + "\n")


def _next_due(session: ReviewSession, due: datetime, moment: datetime) -> str:
    wait = format_interval(due - moment) if due > moment else "now"
    local = due.astimezone(session.zone).strftime("%Y-%m-%d %H:%M")
    return f"The next card is due in {wait} ({local})."
