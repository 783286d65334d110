"""Every salient sentence of a paragraph gives a card: when no pattern of its own fits, the
best question its grammar allows (a leading condition read after its main clause, each of
two joined claims). All on sentences written here."""

from __future__ import annotations

from pathlib import Path

from leadership_cards.cards import Card
from leadership_cards.generate import generate_chapter
from leadership_cards.source import read_document


def cards_of(tmp_path: Path, text: str) -> list[Card]:
    path = tmp_path / "meeting.txt"
    path.write_text(f"Running a Club Meeting\n\n{text}\n", encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Running a Club Meeting")


def asked(cards: list[Card]) -> set[tuple[str, str]]:
    return {(c.front.split("”, ", 1)[-1], c.back) for c in cards}


def test_a_leading_condition_is_asked_after_its_main_clause(tmp_path: Path) -> None:
    cards = cards_of(
        tmp_path,
        "Once a speaker has rehearsed aloud, a timer rarely needs to flash red. "
        "When the chair speaks first, the members agree with the chair.",
    )
    assert asked(cards) == {
        ("when does a timer rarely need to flash red?", "Once a speaker has rehearsed aloud"),
        ("when do the members agree with the chair?", "When the chair speaks first"),
    }


def test_a_leading_clause_in_the_past_is_narration_not_a_claim(tmp_path: Path) -> None:
    cards = cards_of(
        tmp_path,
        "When the club met in 1990, the members voted for a new name. "
        "The toastmaster of the evening is the host who keeps the meeting moving.",
    )
    assert not any("vote" in c.front for c in cards)


def test_each_of_two_joined_claims_is_asked(tmp_path: Path) -> None:
    cards = cards_of(
        tmp_path,
        "The president opens the meeting, and the sergeant at arms keeps the door. "
        "The treasurer collects the dues, and the secretary keeps the minutes of every meeting.",
    )
    backs = {c.back for c in cards}
    assert "The door" in backs
    assert "The minutes of every meeting" in backs


def test_a_joined_claim_that_points_back_is_not_asked_alone(tmp_path: Path) -> None:
    cards = cards_of(
        tmp_path,
        "The president opens the meeting, and she closes it with a short thanks. "
        "The toastmaster of the evening is the host who keeps the meeting moving.",
    )
    assert not any("she" in c.front.lower().split() for c in cards)
    assert not any(c.back.lower().startswith(("it ", "she ")) for c in cards)
