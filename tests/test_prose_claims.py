"""A page of paragraphs yields its claims; citations ask the claim; no question shows another
card's answer. All on chapters written here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import statement
from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.errors import SourceError
from leadership_cards.generate import generate_chapter, without_leaked_answers
from leadership_cards.generate.quality import deck_problems, leaks
from leadership_cards.source import read_document

PROSE = """Running a Club Meeting

The toastmaster of the evening is the host who keeps the meeting moving. A good toastmaster \
introduces every speaker with a short, warm introduction rather than a long biography. \
Timing lights keep each speech within its limits, not the speaker's goodwill.

The hardest role for a new member is the general evaluator. It reviews the whole meeting, \
from the opening to the closing remarks. Table Topics sessions build impromptu confidence \
more than any prepared speech does.

Good clubs measure their health by member retention. The key to retention is a mentor for \
every new member. Clubs that assign mentors in the first week keep most of their new members.
"""


def cards_of(tmp_path: Path, text: str, name: str = "meeting.txt") -> list[Card]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Running a Club Meeting")


def test_a_page_of_paragraphs_yields_its_claims(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, PROSE)
    answers = {c.back for c in cards}
    assert "warm introduction" in answers  # a side of "rather than"
    assert "impromptu confidence" in answers  # a comparison
    assert "A mentor for every new member" in answers  # a verdict: "the key to X is Y"
    assert "The general evaluator" in answers  # "the hardest ..." asked: one answer
    assert "member retention" in answers  # what it is measured by
    assert len(cards) >= 6


def test_a_page_with_nothing_to_ask_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Notes\n\nWe met. It rained. They left early.\n", encoding="utf-8")
    from leadership_cards.deck_source import deck_from_paths
    from leadership_cards.generate import generate

    with pytest.raises(SourceError, match="yields no cards"):
        generate(deck_from_paths([path]))


def test_a_citation_blanks_the_claim_and_keeps_its_author(tmp_path: Path) -> None:
    text = (
        "Evaluations\n\n"
        "Specific praise improves the next speech more than general encouragement does "
        "(Harlow, 2004). Most members remember one recommendation a speech.\n"
    )
    cards = [c for c in cards_of(tmp_path, text) if c.kind is Kind.CITATION]
    assert len(cards) == 1
    assert cards[0].front.endswith("more than general encouragement does (Harlow, 2004).")
    assert cards[0].back in ("Specific praise", "next speech")


def _cloze(front_cloze: str, item: str) -> Card:
    from leadership_cards.cards import cloze_parts

    front, back = cloze_parts(front_cloze)
    return Card(
        deck="d",
        chapter="c",
        kind=Kind.CLAIM,
        front=front,
        back=back,
        source=SourceRef("f.txt", item, "passage"),
        item=f"c/f.txt#{item}",
        cloze=front_cloze,
        tags=("d", "c", "claim"),
    )


def test_no_question_shows_another_cards_answer() -> None:
    asked = _cloze("{{c1::Followers}} are key to all social action and success.", "p1")
    shows = _cloze(
        "Followers are key to all social action, for there is no leadership without "
        "{{c1::followership of a group}}.",
        "p2",
    )
    elsewhere = _cloze("Good clubs give new {{c1::speaking roles}} to followers early.", "p3")
    cards = [asked, shows, elsewhere]
    # "Followers are key" shows the first card's answer in its own context; a bare
    # "followers" elsewhere does not.
    assert leaks(cards) == [(1, 0)]
    assert deck_problems(cards) == [f"question {shows.front!r} shows the answer of {asked.front!r}"]
    assert without_leaked_answers(cards) == [shows, elsewhere]
    # A key point is what the chapter is for: the looser card that shows it goes instead.
    point = replace(asked, kind=Kind.KEY_POINT, tags=("d", "c", "key_point"))
    assert without_leaked_answers([point, shows, elsewhere]) == [point, elsewhere]


def test_generated_chapters_show_no_answer_on_another_front(tmp_path: Path) -> None:
    cards = cards_of(tmp_path, PROSE)
    assert leaks(cards) == []


def test_what_the_chapter_rejects_and_puts_in_its_place(tmp_path: Path) -> None:
    text = (
        "Mentoring\n\n"
        "For years, the buddy system was never enough for new members. Rather, strong clubs "
        "rely on a formal mentoring programme.\n"
    )
    cards = cards_of(tmp_path, text)
    assert any(
        statement(c.front) == "Strong clubs rely on a [...], not the buddy system."
        and c.back == "formal mentoring programme"
        for c in cards
    ), [c.front for c in cards]


def test_an_author_set_inside_or_before_a_claim_is_named_on_its_card(tmp_path: Path) -> None:
    """ "The first duty of a leader, Drucker wrote, is ..." and "As Kelley says, ..." state a
    claim and whose it is; "The meeting, members said, was too long" names no author."""
    cards = cards_of(
        tmp_path,
        "The first duty of a leader, Drucker wrote, is to define reality.\n\n"
        "As Kelley says, most followers are leaders in their own right in other settings.\n\n"
        "The meeting, members said, was too long.\n",
    )
    asked = {c.front: c.back for c in cards if c.cloze is None}
    front = "In “Running a Club Meeting”, according to Drucker, what is the first duty of a leader?"
    assert asked[front] == "To define reality"
    assert any("according to Kelley" in front for front in asked)
    assert not any("members" in front.lower() for front in asked)


def test_a_claim_given_in_an_authors_words_names_the_author(tmp_path: Path) -> None:
    cards = cards_of(
        tmp_path,
        "In Greenleaf's words, the best test of a servant leader is whether the people served "
        "grow as persons.\n",
    )
    asked = {c.front: c.back for c in cards if c.cloze is None}
    front = (
        "In “Running a Club Meeting”, according to Greenleaf, what is the best test of a "
        "servant leader?"
    )
    assert asked[front] == "Whether the people served grow as persons"
