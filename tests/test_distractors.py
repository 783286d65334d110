"""Quiz options of the same shape as the answer: a number for a number, a phrase like the
answer's phrase, from the same chapter first; the shape is found when cards are generated,
stored with them, and read by a quiz that never analyses text."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from leadership_cards.cards import Card, Kind, Shape, SourceRef
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.shapes import answer_shape
from leadership_cards.quiz import distractors, nearby_numbers, plan_quiz
from leadership_cards.source import parse_document
from leadership_cards.store import DeckInfo, Store
from tests.conftest import NOW


def card(back: str, chapter: str = "One", kind: Kind = Kind.CLAIM, front: str = "") -> Card:
    return Card(
        "d",
        chapter,
        kind,
        front or f"Question about {back}?",
        back,
        SourceRef("c.txt", "paragraph 1", "text"),
        f"d/{chapter}/{back}",
        shape=str(answer_shape(back)),
    )


@pytest.mark.parametrize(
    ("answer", "shape"),
    [
        ("Eleven", Shape.COUNT),
        ("12", Shape.COUNT),
        ("70 percent", Shape.QUANTITY),
        ("two minutes", Shape.QUANTITY),
        ("Learning to be teachers", Shape.VERB_PHRASE),
        ("accept the service role", Shape.VERB_PHRASE),
        ("Leaders are in service to others", Shape.CLAUSE),
        ("personal power", Shape.NOUN_PHRASE),
        ("personal values, vision, goals, and outcomes", Shape.NOUN_PHRASE),
        ("Trust relationships", Shape.NOUN_PHRASE),
        ("Listen to the whole speech first", Shape.VERB_PHRASE),
        ("The timer tracks how long each speaker talks", Shape.CLAUSE),
    ],
)
def test_answer_shapes(answer: str, shape: Shape) -> None:
    assert answer_shape(answer) is shape


def test_a_number_is_offered_numbers_and_a_phrase_phrases() -> None:
    count = card("Eleven", kind=Kind.TECHNIQUE_COUNT)
    phrase = card("personal power")
    pool = [
        count,
        phrase,
        card("Six", kind=Kind.ENUMERATION_COUNT),
        card("Three", kind=Kind.ENUMERATION_COUNT),
        card("Four", chapter="Two", kind=Kind.TECHNIQUE_COUNT),
        card("unique culture"),
        card("follower obedience"),
        card("conscious choice"),
        card("Learning to be teachers", kind=Kind.TECHNIQUE),
        card("Leaders are in service to others", kind=Kind.ENUMERATION),
    ]
    for seed in range(20):
        numbers = distractors(count, pool, random.Random(seed))
        assert sorted(numbers) == ["Four", "Six", "Three"]
        phrases = distractors(phrase, pool, random.Random(seed))
        assert sorted(phrases) == ["conscious choice", "follower obedience", "unique culture"]


def test_a_number_without_rivals_gets_neighbours_of_its_own_form() -> None:
    alone = card("70 percent")
    chosen = distractors(alone, [alone, card("personal power")], random.Random(3))
    assert len(chosen) == 3
    assert all(c.endswith(" percent") and c != "70 percent" for c in chosen)
    words = nearby_numbers("Eleven", 3, {"eleven"}, random.Random(1))
    assert len(words) == 3 and all(w[0].isupper() and w.isalpha() for w in words)


def test_distractors_come_from_the_same_chapter_first() -> None:
    right = card("personal power", chapter="One")
    same = [card(a, chapter="One") for a in ("unique culture", "conscious choice", "wave")]
    other = [card(a, chapter="Two") for a in ("shared vision", "mutual trust", "core values")]
    for seed in range(20):
        chosen = distractors(right, [right, *other, *same], random.Random(seed))
        assert sorted(chosen) == sorted(c.back for c in same)


def test_an_item_the_question_shows_is_never_offered() -> None:
    front = "In “Ch”, the roles run: 1. Timer; 2. [...]; 3. Grammarian; …"
    right = card("Ah-counter", kind=Kind.TECHNIQUE, front=front)
    pool = [right, *(card(a, kind=Kind.TECHNIQUE) for a in ("Timer", "Grammarian", "Host"))]
    chosen = distractors(right, pool, random.Random(0))
    assert chosen == ["Host"]


def test_shapes_are_stored_at_add_and_used_by_the_quiz(tmp_path: Path) -> None:
    text = (
        "Club Roles\n\nMeeting Roles\n\n1. The timer keeps time.\n2. The grammarian listens "
        "for language.\n3. The ah-counter counts filler words.\n4. The host opens the "
        "meeting.\n\nSeventy percent of members say they joined to speak better.\n"
    )
    cards = generate_chapter(parse_document(text, "roles.txt"), deck="roles")
    assert all(c.shape == answer_shape(c.back) for c in cards)
    with Store.open(tmp_path / "c.db") as store:
        store.sync_deck(DeckInfo("roles", "Roles"), cards, NOW)
        stored = {c.id: c.shape for c in store.cards(deck="roles")}
        assert stored == {c.id: c.shape for c in cards}
        questions, _ = plan_quiz(
            store, deck="roles", chapter=None, count=20, mode="choice", rng=random.Random(2)
        )
    for question in questions:
        right = question.card
        for option in question.options:
            if option != right.back:
                assert answer_shape(option) == right.shape or right.shape in (
                    Shape.COUNT,
                    Shape.QUANTITY,
                )


def test_the_quiz_never_imports_the_generator() -> None:
    code = (
        "import sys, leadership_cards.quiz, leadership_cards.review, leadership_cards.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('leadership_cards.generate')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
