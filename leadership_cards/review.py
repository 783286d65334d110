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
from leadership_cards.errors import UserError
from leadership_cards.scheduler import Rating, Scheduler, SchedulerConfig, format_interval
from leadership_cards.store import Answer, Store, StoredCard
from leadership_cards.terminal import CTRL_C, CTRL_D, Terminal, style, wrap

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
        done = store.answered_since(self.day.start, deck)
        # --new replaces what is left of the day's new-card budget for this session.
        new_budget = config.new_per_day - done.get("new", 0) if new_limit is None else new_limit
        self.limits = Limits(
            new=max(0, new_budget),
            reviews=max(0, config.reviews_per_day - done.get("review", 0)),
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
        caps = {"new": new_left, "review": reviews_left}
        return self.store.count_due(self.deck, self.day.end, now, caps)

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

    def suspend(self, card: StoredCard) -> None:
        self.store.set_suspended([card.id], True)

    def bury(self, card: StoredCard) -> None:
        self.store.bury(card.id, self.day.end)

    def due_tomorrow(self) -> int:
        tomorrow = self.day.next(self.zone, self.config.rollover_hour)
        due = self.store.count_due(self.deck, tomorrow.end, tomorrow.start)
        return due["learning"] + due["review"]


# -- the terminal loop -------------------------------------------------------------------

REVEAL_KEYS = (" ", "\r", "\n")
QUIT_KEYS = ("q", "Q", CTRL_C, CTRL_D, "\x1b")
#: Keys that work on either side of a card: quit, undo, suspend, bury.
OTHER_KEYS = (*QUIT_KEYS, "u", "s", "b")
RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}
BUTTON_COLOURS = {
    Rating.AGAIN: "red",
    Rating.HARD: "yellow",
    Rating.GOOD: "green",
    Rating.EASY: "blue",
}


def run_review(
    session: ReviewSession,
    term: Terminal,
    now: Callable[[], datetime],
    monotonic: Callable[[], float] = time.monotonic,
) -> Tally:
    """Show cards until the day's work is done or the learner quits."""
    replay: StoredCard | None = None
    while True:
        moment = now()
        card = replay or session.next_card(moment)
        replay = None
        if card is None:
            _finish(session, term, moment, empty=session.tally.answered == 0)
            return session.tally
        shown_at = monotonic()
        term.clear()
        _show_front(session, term, card, moment)
        key = _wait(term, (*REVEAL_KEYS, *OTHER_KEYS))
        if key in REVEAL_KEYS:
            _show_back(session, term, card, moment)
            key = _wait(term, (*RATING_KEYS, *OTHER_KEYS))
        if key in RATING_KEYS:
            duration = int((monotonic() - shown_at) * 1000)
            session.answer(card, RATING_KEYS[key], now(), duration)
        elif key in QUIT_KEYS:
            break
        elif key == "u":
            replay = _undo(session, term)
        else:
            _set_aside(session, term, card, key)
    _finish(session, term, now(), empty=False)
    return session.tally


def _wait(term: Terminal, keys: tuple[str, ...]) -> str:
    while True:
        key = term.key()
        if key in keys:
            return key


def _undo(session: ReviewSession, term: Terminal) -> StoredCard | None:
    try:
        card_id = session.undo()
    except UserError as refused:
        said = str(refused)
        term.write(style(term, f"{said[:1].upper()}{said[1:]}.\n", dim=True))
        return None
    if card_id is None:
        term.write(style(term, "Nothing to undo.\n", dim=True))
        return None
    term.write(style(term, "Undone.\n", dim=True))
    return session.store.card(card_id)


def _set_aside(session: ReviewSession, term: Terminal, card: StoredCard, key: str) -> None:
    if key == "s":
        session.suspend(card)
        term.write(style(term, "Suspended.\n", dim=True))
    else:
        session.bury(card)
        term.write(style(term, "Buried until tomorrow.\n", dim=True))


def _progress(session: ReviewSession, moment: datetime) -> str:
    left = session.left(moment)
    return (
        f"done {session.tally.answered} · left today: {left['new']} new, "
        f"{left['learning']} learning, {left['review']} review"
    )


def _show_front(session: ReviewSession, term: Terminal, card: StoredCard, moment: datetime) -> None:
    term.write(style(term, _progress(session, moment), dim=True) + "\n")
    term.write(style(term, context_line(card), fg="cyan") + "\n\n")
    term.write(style(term, wrap(card.front), bold=True) + "\n\n")
    term.write(
        style(
            term, "[Space/Enter] show answer  [s] suspend  [b] bury  [u] undo  [q] quit", dim=True
        )
        + "\n"
    )


def _show_back(session: ReviewSession, term: Terminal, card: StoredCard, moment: datetime) -> None:
    term.write("\n" + answer_text(term, card) + "\n")
    term.write(style(term, f"from {card.source_file}, {card.source_position}", dim=True) + "\n\n")
    intervals = session.intervals(card, moment)
    buttons = "   ".join(
        style(
            term, f"{int(r)} {r.name.title()} {format_interval(intervals[r])}", fg=BUTTON_COLOURS[r]
        )
        for r in Rating
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
    """The answer; for a cloze card, the whole statement with the deletion filled in and
    highlighted, as Anki shows it."""
    highlighted = style(term, card.back, fg="green", bold=True)
    if not card.cloze:
        return highlighted
    before, _, rest = card.cloze.partition("{{c1::")
    _, _, after = rest.partition("}}")
    return before + highlighted + after


def _finish(session: ReviewSession, term: Terminal, moment: datetime, empty: bool) -> None:
    tally = session.tally
    if empty:
        next_due = session.store.next_due_after(session.deck, moment)
        if next_due is None:
            term.write("Nothing is due. No scheduled cards wait.\n")
        else:
            wait = format_interval(next_due - moment) if next_due > moment else "now"
            local = next_due.astimezone(session.zone).strftime("%Y-%m-%d %H:%M")
            term.write(f"Nothing is due now. The next card is due in {wait} ({local}).\n")
        return
    correct = round(100 * tally.correct / tally.answered) if tally.answered else 0
    minutes, seconds = divmod(round(tally.milliseconds / 1000), 60)
    term.write(
        "\n"
        + style(term, "Session done.", bold=True)
        + f" Reviewed {tally.answered}, {correct}% correct, in {minutes}m {seconds:02d}s. "
        + f"Due tomorrow: {session.due_tomorrow()}.\n"
    )
