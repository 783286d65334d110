from __future__ import annotations

from dataclasses import replace

import pytest

from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.generate.quality import deck_problems, problems


def test_every_generated_card_passes(cards: list[Card]) -> None:
    assert {c.id: problems(c) for c in cards if problems(c)} == {}
    assert deck_problems(cards) == []


def _card(**changes) -> Card:
    card = Card(
        deck="d",
        chapter="Chapter",
        kind=Kind.DEFINITION,
        front="What is service?",
        back="Any act that helps another person.",
        source=SourceRef("f.txt", "paragraph 1", "A definition of service is ..."),
        item="chapter/f.txt#paragraph-1",
        tags=("d", "chapter", "definition"),
    )
    return replace(card, **changes)


def test_a_good_card_has_no_problems() -> None:
    assert problems(_card()) == []


def test_the_rules_are_enforced() -> None:
    assert "empty answer" in problems(_card(back=" "))
    assert "answer longer than 45 words" in problems(_card(back="word " * 46))
    assert problems(_card(kind=Kind.DISCUSSION, back="word " * 46, tags=("d", "discussion"))) == []
    assert "question contains its answer" in problems(
        _card(front="Is service, service?", back="Service")
    )
    assert "page furniture in the card" in problems(_card(back="Westside Toastmasters on Meetup"))
    assert "no source position or passage" in problems(_card(source=SourceRef("f.txt", "", "")))
    assert "cloze does not match question and answer" in problems(
        _card(kind=Kind.CLAIM, cloze="A {{c1::b}} c.", front="A [...] c.", back="x")
    )


def test_duplicates_are_reported() -> None:
    card = _card()
    assert deck_problems([card, card]) == [
        f"duplicate card {card.id}: 'What is service?'",
        "duplicate question: 'What is service?'",
    ]


@pytest.mark.parametrize("answer", ["The same care", "A similar effect", "Another voice"])
def test_an_answer_compared_with_what_the_card_cannot_show_is_refused(answer: str) -> None:
    asked = _card(front="What does the closing speech deserve?", back=answer)
    assert "answer compares with what the card does not show" in problems(asked)
    whole = replace(asked, back="The same care as the opening speech")
    assert problems(whole) == []


@pytest.mark.parametrize(
    "cloze",
    [
        "Keep each meeting to one purpose, as {{c1::Lencioni}} recommends.",
        "According to {{c1::Kotter}}, urgency comes first.",
    ],
)
def test_a_blank_on_who_said_the_claim_is_refused(cloze: str) -> None:
    front, back = cloze_parts(cloze)
    card = _card(kind=Kind.KEY_POINT, front=front, back=back, cloze=cloze)
    card = replace(card, tags=("d", "chapter", "key_point"))
    assert "blank is who said the claim, not the claim" in problems(card)
    claim = "Keep each meeting to {{c1::one purpose}}, as Lencioni recommends."
    front, back = cloze_parts(claim)
    assert "blank is who said the claim, not the claim" not in problems(
        replace(card, front=front, back=back, cloze=claim)
    )
