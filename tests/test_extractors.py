"""Cards that must exist in the shipped deck, kind by kind."""

from __future__ import annotations

import re

import pytest

from conftest import of_kind, one, statement
from leadership_cards.cards import CLOZE_BLANK, Card, Kind


def test_definition_of_service(cards: list[Card]) -> None:
    card = one(cards, Kind.DEFINITION, front="What is service?")
    assert card.back == "Any act, attitude, or behavior someone does that helps another person."
    assert card.chapter == "Servanthood: Service Techniques"
    assert card.source.position == "paragraph 1"
    assert "simple, yet useful definition of service" in card.source.passage


def test_dual_definition_and_no_five_part_definition(cards: list[Card]) -> None:
    dual = one(cards, Kind.DEFINITION, front="dual definition of inner leadership")
    assert dual.back == "Part structural, part personal."
    # "For current purposes, inner leadership is ..." runs to forty words and five parts:
    # too much to recall as one answer, so no card asks it whole; its head is asked.
    assert not [c for c in cards if "voluntarily engaged" in c.back]
    head = one(cards, Kind.DEFINITION, front="what is inner leadership, for current purposes?")
    assert head.back == "An interactive relationship between a leader and several followers."


def test_all_eleven_service_techniques_and_no_count_the_source_never_states(
    cards: list[Card],
) -> None:
    techniques = of_kind(cards, Kind.TECHNIQUE)
    # Each item is asked with the list's name and its neighbours as cues.
    assert all(
        c.front.startswith("In “Servanthood”, the service techniques run: ") for c in techniques
    )
    assert techniques[6].front.endswith(
        "… 6. Mastering several techniques that facilitate follower service to the work "
        "community; 7. [...]; 8. Accepting a philosophy of service; …"
    )
    assert techniques[0].front.endswith(
        ": 1. [...]; 2. Creating, promulgating, and applying a vitalizing vision; …"
    )
    assert techniques[-1].front.endswith("; 11. [...].")
    assert [c.source.position for c in techniques] == [f"technique {n}" for n in range(1, 12)]
    assert [c.back for c in techniques] == [
        "Setting and living a consistent set of values",
        "Creating, promulgating, and applying a vitalizing vision",
        "Becoming expert in developing and leading a service oriented work community",
        "Learning to relate in one-on-one relationships with followers",
        "Learning to be teachers",
        "Mastering several techniques that facilitate follower service to the work community",
        "Engaging in a continuing program of personal change",
        "Accepting a philosophy of service",
        "Learning to be of service to stakeholders",
        "Providing both formal and informal organizational structures",
        "Assuring that service rendered is useful, relevant, and timely",
    ]
    # A gist to recall, not a sentence to recite; the full sentence stays in the passage.
    assert all(4 <= len(c.back.split()) <= 15 for c in techniques)
    assert techniques[3].source.passage.startswith(
        "Inner leaders need to prepare to serve their followers by learning to relate"
    )
    # Numbered 1-11 under their heading, never called "the eleven techniques": a count the
    # chapter does not make part of its idea is not worth a card.
    assert not of_kind(cards, Kind.TECHNIQUE_COUNT)


def test_the_parts_of_one_dimension_are_not_asked_as_the_dimensions(
    cards: list[Card],
) -> None:
    # "At least six dimension of difference ... The first dimension of differences,
    # definition. ... Some of the aspects of this definition need to be emphasized. First,
    # ... Six, ...": the six sentences are parts of the first dimension, not the six.
    dims = [c for c in cards if "dimensions of difference" in c.front]
    assert not dims, [c.front for c in dims]


def test_every_key_point_yields_a_card(cards: list[Card]) -> None:
    points = of_kind(cards, Kind.KEY_POINT)
    listed = [c for c in of_kind(cards, Kind.ENUMERATION) if c.source.position.startswith("key")]
    asked = sorted({c.source.position for c in points + listed}, key=lambda p: int(p.split()[-1]))
    # Every key point yields a card; a point with no blank that leaves one answer (and no
    # question but one about the chapter's own topic) is asked as a point of its chapter.
    assert asked == [f"key point {n}" for n in range(1, 16)]
    # Never a word of the point's image ("stepping stone to the CEO's [chair]"): the point
    # that denies the image asks for what it says instead, with the image as its cue.
    assert not [c for c in points if c.back.lower() in ("chair", "ceo's chair", "ceo")]
    assert one(cards, Kind.KEY_POINT, front="stepping stone to the CEO's chair. For").back == (
        "conscious choice"
    )
    # A point given with its reason asks the reason, not a word of the claim ("all [social
    # action] and success").
    assert one(cards, Kind.KEY_POINT, front="why are followers key").back.startswith(
        "Because they provide the strength"
    )
    # A point whose blank would be generic ("use [unique skills]") is asked by its topic.
    assert one(cards, Kind.KEY_POINT, front="say about leaders who work in the middle").back == (
        "They use unique skills"
    )
    # Never a blank inside an aside ("unlike that of their [bosses]").
    assert one(cards, Kind.KEY_POINT, front="unlike that of their bosses. They").back == (
        "unique culture"
    )
    fronts = {statement(c.front) for c in cards}
    # "the role of inner leader is a [...]" would take "stepping stone" as well: no card.
    assert "For many people, the role of inner leader is a [...]." not in fronts
    assert any(c.back.startswith("Inner leadership is not always merely") for c in cards)
    # A point too short for a blank to leave one answer is asked between its neighbours:
    # "Inner leaders inspire [...]" would take almost anything, and so would "What do inner
    # leaders inspire?" in a chapter about inner leaders.
    for card in points:
        assert (card.cloze and CLOZE_BLANK in card.front) or "“Differentiating" in card.front
    point = one(cards, Kind.ENUMERATION, back="Inner leaders inspire follower obedience")
    assert point.front.startswith(
        "In “Differentiating Inner Leadership from Top Leadership”, the key points run: … 9."
    )
    assert not [c for c in cards if "what do inner leaders" in c.front]
    by_position = {c.source.position: c for c in points}
    # Key point 2 opens with the dual definition, which its definition card already asks, so
    # its card asks what the point adds, with "It" resolved to what the point is about.
    assert statement(by_position["key point 2"].front).startswith(
        "Inner leadership describes the type"
    )
    assert by_position["key point 2"].back == "middle"
    assert by_position["key point 11"].back.lower() == "inspiration"
    assert statement(by_position["key point 11"].front).startswith("[...], not motivation")
    assert by_position["key point 12"].back == "personal power"
    # A four-item list is no blank; the other side of the contrast is.
    assert by_position["key point 8"].back == "corporation"
    assert by_position["key point 8"].front.endswith("those of the [...].")


def test_discussion_questions_are_prompts(cards: list[Card]) -> None:
    prompts = of_kind(cards, Kind.DISCUSSION)
    assert len(prompts) == 7
    assert prompts[0].front.startswith("What are the essential components of inner leadership?")
    assert {c.back for c in prompts} == {"Differentiating Inner Leadership from Top Leadership"}


def test_no_card_asks_for_the_books_numbering(cards: list[Card]) -> None:
    assert not of_kind(cards, Kind.TITLE)
    numbering = re.compile(r"\b(?:chapter|technique) \d+\b", re.IGNORECASE)
    assert not [c.front for c in cards if numbering.search(c.front)]


@pytest.mark.parametrize("figure", ["70 percent", "59 percent", "20 percent", "36 percent"])
def test_statistics(cards: list[Card], figure: str) -> None:
    card = one(cards, Kind.STATISTIC, back=figure)
    assert card.back == figure
    assert card.cloze and f"{{{{c1::{figure}}}}}" in card.cloze


def test_citation_cards_ask_the_claim_with_its_author_as_context(cards: list[Card]) -> None:
    citations = of_kind(cards, Kind.CITATION)
    assert citations
    for card in citations:
        assert re.search(
            r"\([A-Z][a-z]+, (?:19|20)\d\d\)|[A-Z][a-z]+ \((?:19|20)\d\d\)", card.front
        )
        assert not re.fullmatch(r"[A-Z][a-z]+|(?:19|20)\d\d", card.back), card.back
    ruppert = one(cards, Kind.CITATION, back="base of their whole selves")
    assert (
        statement(ruppert.front)
        == "Inner leaders act from the [...], their spiritual cores (Ruppert, 1991)."
    )


def test_the_plainest_definition_is_asked_as_one(cards: list[Card]) -> None:
    # "Inner leadership is a people-oriented task": X is a Y, asked as "What is X?".
    card = one(cards, Kind.DEFINITION, front="What is inner leadership?")
    assert card.back == "A people-oriented task."


def test_claim_cards(cards: list[Card]) -> None:
    # The rest of each sentence gives these blanks away ("motivation", "Followers").
    assert not [c for c in cards if c.back in ("self-motivation", "followership")]


@pytest.mark.parametrize(
    ("cloze", "position"),
    [
        # Chapter 5: a verdict, the deck's subject, and "that" resolved to what it stands for.
        ("The driving value in many corporations today is {{c1::service}}.", "paragraph 2"),
        (
            "{{c1::Trust relationships}} are the only kind of relationship that can maintain "
            "itself intact over time.",
            "paragraph 5",
        ),
        # Servanthood: a cleft sentence, and verdicts inside numbered items.
        (
            "It is {{c1::attitude}}—both the leader's and the follower's— that determines "
            "whether an act performed helps or does not help.",
            "paragraph 1",
        ),
        (
            # the deck's overrides.toml names the technique "the key ingredient" belongs to
            "The key ingredient in assuring that service rendered is useful, relevant, and "
            "timely is a {{c1::values construct}} that prioritizes service.",
            "technique 11",
        ),
    ],
)
def test_salient_claims_a_reader_expects(cards: list[Card], cloze: str, position: str) -> None:
    found = [c for c in cards if c.kind is Kind.CLAIM and c.cloze and cloze in statement(c.cloze)]
    assert [c.source.position for c in found] == [position]


def test_a_rank_with_no_qualifier_is_asked_as_a_question(cards: list[Card]) -> None:
    # "[...] is the leader's prime job" would take "vision" as well as the chapter's answer.
    found = [c for c in cards if c.back == "Setting and changing work-community values"]
    assert [(c.source.position, c.cloze) for c in found] == [("paragraph 19", None)]
    assert found[0].front.endswith("what is the leader's prime job?")


def test_most_important_part_of_preparation(cards: list[Card]) -> None:
    card = one(cards, Kind.CLAIM, front="The most important part of preparation")
    assert card.back == "accept the service role"
    assert card.source.position == "technique 8"


def test_a_cloze_never_repeats_a_fact_another_card_asks(cards: list[Card]) -> None:
    # "Leadership is a social, not a structural, phenomenon" is the first dimension's answer;
    # "[...], not motivation, characterizes" is key point 11's; neither comes back as a claim.
    assert not [c for c in of_kind(cards, Kind.CLAIM) if c.back in ("social", "inspiration")]
    assert not [c for c in of_kind(cards, Kind.CLAIM) if "part of the same process" in c.back]


def test_a_heading_too_short_for_one_answer_makes_no_cloze(cards: list[Card]) -> None:
    # "Inner leaders lead to [...]": a verb phrase after three words, almost anything fits.
    assert not [c for c in cards if statement(c.front).startswith("Inner leaders lead to")]


def test_cards_name_deck_chapter_and_passage(cards: list[Card]) -> None:
    for card in cards:
        assert card.deck == "inner-leadership"
        assert card.tags == ("inner-leadership", card.tags[1], str(card.kind))
        assert card.source.position and card.source.passage
        assert card.source.file.endswith(".txt")


def test_generation_is_deterministic(cards: list[Card]) -> None:
    from leadership_cards.deck_source import embedded_deck
    from leadership_cards.generate import generate

    assert generate(embedded_deck()) == cards


def test_summary_points_are_enumerated_without_a_bare_count(cards: list[Card]) -> None:
    named = "In “Inner Leadership: An Overview”, the points emphasized run: "
    points = [c for c in of_kind(cards, Kind.ENUMERATION) if c.front.startswith(named)]
    assert [c.back for c in points] == [
        "No change can occur without a committed work community and inner leaders",
        "Good leadership and followership are part of the same process",
        "Inner leadership is not always merely a stepping stone to the CEO's chair",
    ]
    # "points" names no list a learner could recall: no "How many points...?" card.
    assert not [c for c in cards if c.front.lower().startswith("how many points")]


def test_an_enumeration_inside_one_sentence(cards: list[Card]) -> None:
    objectives = [c for c in of_kind(cards, Kind.ENUMERATION) if "service objectives" in c.front]
    assert [(c.front, c.back) for c in objectives] == [
        (
            "In “Servanthood: Service Techniques”, the service objectives of inner leaders run: "
            "1. [...]; 2. Seeking to enhance each member of the work community.",
            "Helping stakeholders to produce high quality service to coworkers, clients, and "
            "customers",
        ),
        (
            "In “Servanthood: Service Techniques”, the service objectives of inner leaders run: "
            "1. Helping stakeholders to produce high quality service to coworkers, clients, and "
            "customers; 2. [...].",
            "Seeking to enhance each member of the work community",
        ),
    ]
    assert {c.source.position for c in objectives} == {"technique 6"}
    assert one(cards, Kind.ENUMERATION_COUNT, front="service objectives").back == (
        "Two service objectives"
    )
