"""The quiz's core: drawing, distractors, typed grading, the weakest cards, chapters, and the
promise that a quiz never changes a card's schedule."""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from leadership_cards.cards import Card, Kind, SourceRef, normalise
from leadership_cards.cli import cli
from leadership_cards.drawing import draw_questions
from leadership_cards.errors import NotFound, UserError
from leadership_cards.quiz import (
    QuizSession,
    distractors,
    grade_typed,
    plan_quiz,
    resolve_chapter,
    weakest_first,
)
from leadership_cards.scheduler import Rating, Scheduler, SchedulerConfig
from leadership_cards.store import Answer, DeckInfo, Store
from tests.conftest import NOW, fill, sample_cards


def card(back: str, kind: Kind = Kind.DEFINITION, deck: str = "d", front: str = "") -> Card:
    front = front or f"What is {back}?"
    return Card(deck, "Chapter 1", kind, front, back, SourceRef("c.txt", "p1"), f"{deck}/{back}")


# -- drawing -------------------------------------------------------------------------------


def test_draw_is_the_same_for_a_seed_and_skips_discussion_cards():
    cards = sample_cards(chapters=2, per_chapter=6)
    first = draw_questions(cards, 5, random.Random(7))
    again = draw_questions(cards, 5, random.Random(7))
    other = draw_questions(cards, 5, random.Random(8))
    assert [c.id for c in first] == [c.id for c in again]
    assert [c.id for c in first] != [c.id for c in other]
    everything = draw_questions(cards, 100, random.Random(1))
    assert len(everything) == 12  # 14 cards, 2 of them discussion questions
    assert len({c.id for c in everything}) == 12
    assert all(c.kind != Kind.DISCUSSION for c in everything)
    assert draw_questions(cards, 0, random.Random(1)) == []


# -- distractors ---------------------------------------------------------------------------


def test_distractors_are_same_kind_and_deck_and_never_repeat_the_answer():
    right = card("Active listening")
    pool = [
        right,
        card("active  LISTENING!", front="A restated question"),  # the answer again
        card("Servant leadership"),
        card("Servant leadership."),  # a duplicate of another distractor
        card("Shared vision"),
        card("Trust building"),
        card("A statistic answer", kind=Kind.STATISTIC),
        card("Other deck answer", deck="other"),
        card("Also right", front=right.front),  # another card asking the same question
    ]
    for seed in range(30):
        chosen = distractors(right, pool, random.Random(seed))
        assert len(chosen) == 3
        keys = [normalise(answer) for answer in chosen]
        assert normalise(right.back) not in keys
        assert len(set(keys)) == 3
        assert set(keys) <= {"servant leadership", "shared vision", "trust building"}


def test_distractors_have_lengths_near_the_answer():
    right = card("x" * 20)
    near = [card(chr(97 + i) * n) for i, n in enumerate((16, 18, 19, 21, 22, 25))]
    far = [card(chr(110 + i) * n) for i, n in enumerate((2, 120, 300))]
    for seed in range(40):
        chosen = distractors(right, [right, *far, *near], random.Random(seed))
        assert len(chosen) == 3
        assert all(15 <= len(answer) <= 25 for answer in chosen)


def test_too_few_cards_of_a_kind_give_fewer_options_or_a_flip_and_say_so(tmp_path: Path):
    cards = [
        *(card(f"Definition answer {n}", deck="few") for n in range(3)),
        *(card(f"Claim answer {n}", kind=Kind.CLAIM, deck="few") for n in range(5)),
        card("The only statistic", kind=Kind.STATISTIC, deck="few"),
    ]
    with Store.open(tmp_path / "c.db") as store:
        store.sync_deck(DeckInfo("few", "Few"), cards, NOW)
        questions, _ = plan_quiz(
            store, deck="few", chapter=None, count=20, mode="choice", rng=random.Random(1)
        )
    by_kind: dict[str, list] = {}
    for q in questions:
        by_kind.setdefault(q.card.kind, []).append(q)
    assert all(len(q.options) == 3 for q in by_kind["definition"])
    assert all(
        "only 3 options: the deck has too few definition cards" in q.note
        for q in by_kind["definition"]
    )
    assert all(len(q.options) == 4 and not q.note for q in by_kind["claim"])
    (statistic,) = by_kind["statistic"]
    assert statistic.mode == "flip" and not statistic.options
    assert "reveal and grade yourself" in statistic.note
    for q in questions:
        if q.options:
            assert q.right is not None and q.options[q.right] == q.card.back


# -- typed answers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "typed", "verdict"),
    [
        ("Answer 1.1 & more", "answer 1.1 & MORE", "right"),
        ("Answer 1.1 & more", "Answer 1.1 and more", "right"),
        ("Five", "5", "right"),
        ("Maintaining a relationship focus", "maintaining a relatonship focus", "close"),
        ("Maintaining a relationship focus", "maintaining relationship focus", "close"),
        ("Answer 1.1 & more", "Answer 1.2 & more", "wrong"),  # a different fact
        ("Maintaining a relationship focus", "vision", "wrong"),
        ("Five", "", "wrong"),
        ("7", "8", "wrong"),
    ],
)
def test_typed_grading(expected: str, typed: str, verdict: str):
    assert grade_typed(expected, typed).verdict == verdict


# -- the weakest cards ---------------------------------------------------------------------


def test_weakest_puts_the_most_forgotten_first_and_unseen_cards_last(tmp_path: Path):
    scheduler = Scheduler(SchedulerConfig(fuzz=False))
    with Store.open(tmp_path / "c.db") as store:
        fill(store)
        ids = [c.id for c in store.cards() if c.kind != "discussion"]
        # Three cards reviewed long ago, last week, and yesterday; one lapsed.
        plan = {
            ids[0]: [(60, Rating.GOOD)],
            ids[1]: [(8, Rating.GOOD)],
            ids[2]: [(1, Rating.EASY)],
            ids[3]: [(3, Rating.AGAIN)],
        }
        for card_id, answers in plan.items():
            for days_ago, rating in answers:
                when = NOW - timedelta(days=days_ago)
                before = store.schedule_of(card_id)
                after = scheduler.answer(before, rating, when)
                store.record(Answer(card_id, int(rating), when, 1000, before, after), None)
        cards = list(store.cards())
        r = {c.id: scheduler.retrievability(c.schedule, NOW) for c in cards}
        ordered = weakest_first(cards, lambda c: r[c.id], random.Random(3))
    reviewed = [c.id for c in ordered[:4]]
    assert set(reviewed) == set(plan)
    assert [r[i] for i in reviewed] == sorted(r[i] for i in reviewed)
    assert reviewed[-1] == ids[2]  # answered Easy yesterday: the strongest
    assert all(c.schedule.state == "new" for c in ordered[4:])
    assert len(ordered) == 12  # discussion cards are never quizzed


# -- chapters ------------------------------------------------------------------------------

CHAPTERS = [
    ("il", "Inner Leadership: An Overview"),
    ("il", "Differentiating Inner Leadership from Top Leadership"),
    ("il", "Chapter 5: Technique 2: Maintaining a Relationship Focus"),
    ("il", "Servanthood: Service Techniques"),
]


def test_chapter_by_number_title_or_part_of_the_title():
    assert resolve_chapter(CHAPTERS, "2") == CHAPTERS[1]
    assert resolve_chapter(CHAPTERS, "5") == CHAPTERS[2]  # the title says "Chapter 5"
    assert resolve_chapter(CHAPTERS, "servant") == CHAPTERS[3]
    assert resolve_chapter(CHAPTERS, "RELATIONSHIP focus") == CHAPTERS[2]


def test_an_unknown_or_ambiguous_chapter_is_one_clear_error():
    with pytest.raises(NotFound) as unknown:
        resolve_chapter(CHAPTERS, "delegation")
    assert str(unknown.value) == (
        "no chapter 'delegation' (chapters: 1. Inner Leadership: An Overview; "
        "2. Differentiating Inner Leadership from Top Leadership; "
        "3. Chapter 5: Technique 2: Maintaining a Relationship Focus; "
        "4. Servanthood: Service Techniques)"
    )
    with pytest.raises(NotFound, match="matches several chapters"):
        resolve_chapter(CHAPTERS, "leadership")
    with pytest.raises(NotFound, match="no chapter '9'"):
        resolve_chapter(CHAPTERS, "9")


# -- a quiz leaves the schedule alone ------------------------------------------------------


def test_quiz_answers_go_to_their_own_tables_and_the_schedule_is_untouched(store: Store):
    before = [c.to_json() for c in store.cards()]
    questions, place = plan_quiz(
        store, deck="sample", chapter="2", count=3, mode="typed", rng=random.Random(2)
    )
    assert place == ("sample", "Chapter 2: Sample Chapter 2")
    assert all(q.card.chapter == place[1] for q in questions)
    session = QuizSession(store, questions, "typed", deck="sample", chapter=place[1])
    session.answer(questions[0], "right", questions[0].card.back, NOW, 1500)
    session.answer(questions[1], "wrong", "no idea", NOW + timedelta(seconds=5), 2500)
    assert [c.to_json() for c in store.cards()] == before
    assert list(store.reviews()) == []
    (run,) = store.quiz_runs()
    assert (run.deck, run.chapter, run.mode, run.planned) == ("sample", place[1], "typed", 3)
    assert (run.asked, run.correct, run.duration_ms) == (2, 1, 4000)


# -- bad input from the command line ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quiz", "--count", "0"], "Error: --count must be at least 1\n"),
        (["quiz", "--deck", "nope"], "Error: no deck named 'nope' (decks: sample, empty)\n"),
        (
            ["quiz", "--chapter", "7"],
            "Error: no chapter '7' (chapters: 1. Chapter 1: Sample Chapter 1; "
            "2. Chapter 2: Sample Chapter 2)\n",
        ),
        (["quiz", "--deck", "empty"], "Error: no cards to quiz on in deck 'empty'\n"),
        (["topics", "--deck", "empty"], "Error: no discussion questions in deck 'empty'\n"),
        (["topics", "--count", "0"], "Error: --count must be at least 1\n"),
        (
            ["topics", "--green", "1:75"],
            "Error: --green '1:75' is not a time; use M:SS or seconds (e.g. 1:30 or 90)\n",
        ),
        (
            ["topics", "--yellow", "2:30"],
            "Error: the lights must come in order, after zero: --green < --yellow < --red "
            "(got 1:00, 2:30, 2:00)\n",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(db_path: Path, args: list[str], message: str):
    with Store.open(db_path) as store:
        store.sync_deck(DeckInfo("empty", "Empty"), [], NOW)
    result = CliRunner().invoke(cli, [*args, "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr == message
    conn = sqlite3.connect(db_path)
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM quiz_runs) + (SELECT count(*) FROM quiz_answers) "
        "+ (SELECT count(*) FROM topic_talks)"
    ).fetchone()
    conn.close()
    assert counts == (0,)


def test_quiz_refuses_without_a_terminal(db_path: Path):
    result = CliRunner().invoke(cli, ["quiz", "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: quiz needs an interactive terminal (stdin and stdout are not a TTY)\n"
    )


def test_plan_quiz_rejects_an_unknown_mode(store: Store):
    with pytest.raises(UserError, match="unknown mode 'oral'"):
        plan_quiz(store, deck=None, chapter=None, count=1, mode="oral", rng=random.Random(1))


def test_the_printed_quiz_and_the_terminal_quiz_draw_the_same_questions(store) -> None:
    """`export markdown --quiz N --seed S` is the paper copy of `quiz --count N --seed S`."""
    import io
    import random

    from leadership_cards.export.markdown import md, write_quiz  # md: the handout's escaping
    from leadership_cards.quiz import plan_quiz

    for seed in (1, 7, 42):
        questions, _ = plan_quiz(
            store, deck="sample", chapter=None, count=5, mode="flip", rng=random.Random(seed)
        )
        paper = io.StringIO()
        write_quiz(store.cards(deck="sample"), "Sample", 5, seed, paper)
        page = paper.getvalue().split("## Answer key")[0]
        fronts = [m.group(1) for m in re.finditer(r"^\d+\. (.*)$", page, re.MULTILINE)]
        assert fronts == [md(q.card.front) for q in questions]
