"""Every key point yields a card, whatever its form, on a chapter the test writes."""

from __future__ import annotations

import pytest

from leadership_cards.cards import CLOZE_BLANK, Card, Kind
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.keypoints import second_claims
from leadership_cards.generate.quality import problems
from leadership_cards.source import parse_document

POINTS = [
    "Coaching means helping someone find their own answer.",  # X means ...
    "Trust grows when words and actions match.",  # Y grows when ...
    "Listening is a skill that improves with practice.",  # Z is a skill that ...
    "Ask open questions.",  # imperative advice
    "Clear expectations.",  # a bare noun phrase
    "Feedback refers to information about performance that guides the next attempt.",
    "Delegation is built on trust.",
    "Praise in public, correct in private.",
    "The best leaders are also good followers.",
    "Silence gives the other person room to think.",
    "Never skip the follow-up.",
    "A team's mood comes from its leader.",
]
CHAPTER = "Growing Leaders\n\nKey Points\n\n" + "\n".join(
    f"{n}. {text}" for n, text in enumerate(POINTS, 1)
)


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return generate_chapter(parse_document(CHAPTER, "growing.txt"))


def test_every_key_point_yields_a_card(cards: list[Card]) -> None:
    asked = {c.source.position for c in cards}
    assert asked >= {f"key point {n}" for n in range(1, len(POINTS) + 1)}
    assert not [problems(c) for c in cards if problems(c)]


def test_a_key_point_card_names_its_chapter_or_keeps_its_sentence(cards: list[Card]) -> None:
    for card in cards:
        point = POINTS[int(card.source.position.rsplit(" ", 1)[1]) - 1]
        named = "“Growing Leaders”" in card.front
        # A cloze that does not name the chapter keeps the point's own words around its blank.
        kept = card.cloze is not None and all(
            part.strip(" .") in point for part in card.front.split(CLOZE_BLANK) if part.strip(" .")
        )
        assert named or kept, card.front


def test_a_bare_noun_phrase_is_asked_between_its_neighbours(cards: list[Card]) -> None:
    (card,) = [c for c in cards if c.source.position == "key point 5"]
    assert card.back == "Clear expectations"
    assert "4. Ask open questions; 5. [...]; 6. Feedback refers to" in card.front
    assert card.front.startswith("In “Growing Leaders”, the key points run: ")


def test_a_key_point_and_the_prose_it_restates_ask_one_question_once() -> None:
    text = (
        "Delegation\n\nA leader who does everything becomes the bottleneck of her own work "
        "community, and her followers learn only to wait.\n\nKey Points\n\n"
        "1. A leader who does everything becomes the bottleneck of the work community.\n"
        "2. Delegation is a dial, not a switch.\n"
    )
    cards = generate_chapter(parse_document(text, "delegation.txt"))
    fronts = [c.front for c in cards]
    assert len(fronts) == len(set(fronts))
    assert "In “Delegation”, what does a leader who does everything become?" in fronts


def test_a_point_that_turns_on_its_condition_asks_for_the_condition() -> None:
    text = (
        "Growing Trust\n\nKey Points\n\n"
        "1. Trust grows when a leader's words and actions match over time; one gap between "
        "them undoes months of consistency.\n"
        "2. Say “I do not know” when you do not know.\n"
    )
    cards = generate_chapter(parse_document(text, "trust.txt"))
    asked = {c.source.position: (c.front, c.back) for c in cards}
    assert asked["key point 1"] == (
        "In “Growing Trust”, when does trust grow?",
        "When a leader's words and actions match over time",
    )
    # an instruction has no subject to ask "when does ...?" of: no condition question
    assert not asked["key point 2"][0].startswith("In “Growing Trust”, when")


def test_an_instruction_is_asked_for_when_or_where_it_is_done() -> None:
    text = (
        "Trust at Work\n\nKey Points\n\n"
        "- Extend trust before it is fully earned, in amounts the situation can bear.\n"
        "- Give credit in public and take blame in private.\n"
        "- Trust in people, believe in results.\n"
        "- Contact the speaker before the meeting.\n"
    )
    cards = generate_chapter(parse_document(text, "trust.txt"))
    asked = {c.front: c.back for c in cards}
    assert asked["In “Trust at Work”, when should you extend trust?"] == "Before it is fully earned"
    assert (
        asked["In “Trust at Work”, where should you give credit, and where take blame?"]
        == "Give credit in public and take blame in private"
    )
    # "in people" is no place, and "before the meeting" is a time with no clause to recall
    assert not any(f.startswith("In “Trust at Work”, where should you trust") for f in asked)
    assert not any("when should you contact" in f for f in asked)


def test_a_key_point_that_restates_a_list_gives_way_to_the_lists_items() -> None:
    text = (
        "Delegation\n\nThe four levels of delegation are: look into it and report back, "
        "recommend and act, act and inform, and act on your own.\n\nKey Points\n\n"
        "1. Delegation is a dial, not a switch: it runs through four levels, from look into "
        "it and report back to act on your own.\n"
        "2. Accountability cannot be delegated, so delegation is built on trust.\n"
    )
    cards = generate_chapter(parse_document(text, "delegation.txt"))
    levels = [c.back for c in cards if c.kind is Kind.ENUMERATION]
    assert levels == [
        "look into it and report back",
        "recommend and act",
        "act and inform",
        "act on your own",
    ]
    assert not any("report back" in c.front and c.kind is Kind.KEY_POINT for c in cards)
    # a key point that shows no item keeps its card
    assert any(c.source.position == "key point 2" for c in cards)


def test_the_other_claim_of_a_point_that_makes_two_is_asked_too() -> None:
    text = (
        "Team Habits\n\nKey Points\n\n"
        "- Accountability cannot be delegated, so delegation is built on trust.\n"
        "- Morale is measured by behaviour, not by surveys: watch how early bad news "
        "reaches you.\n"
        "- Clear roles prevent most conflict; they take a season to settle.\n"
    )
    cards = generate_chapter(parse_document(text, "habits.txt"))
    asked = {c.front: c.back for c in cards}
    assert asked["In “Team Habits”, what cannot be delegated?"] == "Accountability"
    assert asked[
        "In “Team Habits”, morale is measured by behaviour, not by surveys: what should you watch?"
    ] == ("How early bad news reaches you")
    # "they take a season to settle" has no shape to ask: no second card
    third = [c for c in cards if c.source.position == "key point 3"]
    assert [c.kind for c in third] == [Kind.KEY_POINT]


def test_a_second_claim_is_asked_only_when_the_points_card_leaves_it() -> None:
    point = "Share news by default; withheld news is read as withheld respect."
    assert second_claims(point, "") == [("How is withheld news read?", "As withheld respect")]
    assert second_claims(point, "withheld respect") == []


def test_a_contrast_whose_sides_share_a_preposition_is_asked_for_the_whole_side() -> None:
    text = (
        "Measures\n\nKey Points\n\n"
        "1. Trust is measured by behaviour, not by surveys.\n"
        "2. Inner leaders delegate to grow people, not to shed work.\n"
        "3. Leaders earn respect, not titles.\n"
    )
    cards = generate_chapter(parse_document(text, "measures.txt"))
    asked = {c.front: c.back for c in cards}
    assert asked["In “Measures”, how is trust measured, if not by surveys?"] == "By behaviour"
    assert asked["In “Measures”, why do inner leaders delegate, if not to shed work?"] == (
        "To grow people"
    )
    # sides with no preposition are left to the other shapes: no "if not" question
    third = [c for c in cards if c.source.position == "key point 3"]
    assert third and "if not" not in third[0].front


LESSONS = [
    "Rehearse the closing aloud at least three times.",
    "Pauses give an audience time to absorb a point.",
    "Eye contact is held with one listener per sentence.",
]
TWO_LISTS = (
    CHAPTER
    + "\n\nLessons from the Stage\n\n"
    + "\n".join(f"{n}. {t}" for n, t in enumerate(LESSONS, 1))
)


def test_a_second_key_points_list_is_asked_item_by_item_beside_the_first(
    cards: list[Card],
) -> None:
    both = generate_chapter(parse_document(TWO_LISTS, "growing.txt"))
    positions = {c.source.position for c in both}
    assert positions >= {f"key point {n}" for n in range(1, len(POINTS) + 1)}
    assert positions >= {f"Lessons from the Stage, key point {n}" for n in range(1, 4)}
    # The first list's cards are the one-list chapter's, with the same ids and positions, so
    # no collection's cards move when a chapter gains a second list.
    first = {(c.id, c.source.position, c.front, c.back) for c in cards}
    assert first <= {(c.id, c.source.position, c.front, c.back) for c in both}
    assert not [problems(c) for c in both if problems(c)]


def test_a_later_key_points_list_without_a_title_is_told_apart_by_its_order() -> None:
    text = (
        "Growing Leaders\n\nGood leaders listen before they speak. They ask about the goal:\n\n"
        + "\n".join(f"{n}. {t}" for n, t in enumerate(POINTS[:3], 1))
        + "\n\nA long paragraph between the lists, so the second has no title of its own.\n\n"
        + "\n".join(f"{n}. {t}" for n, t in enumerate(LESSONS, 1))
    )
    doc = parse_document(text, "growing.txt")
    assert [block.position(block.items[0]) for block in doc.lists] == [
        "key point 1",
        "list 2, key point 1",
    ]


def _points(*points: str) -> list[Card]:
    text = "Trust at Work Key Points\n\n" + "".join(
        f"  {n}. {point}\n\n" for n, point in enumerate(points, 1)
    )
    return generate_chapter(parse_document(text, "trust-key-points.txt"))


def test_a_point_given_with_its_reason_asks_the_reason() -> None:
    cards = _points(
        "Mentors are vital to every new member since they show the habits the club expects "
        "if members are to grow."
    )
    asked = [(c.front, c.back) for c in cards if c.kind is Kind.KEY_POINT]
    assert (
        "Why are mentors vital to every new member?",
        "Because they show the habits the club expects",
    ) in [(f.split(", ", 1)[-1].capitalize(), b) for f, b in asked]
    # A "since" of time is no reason.
    assert not any(
        c.front.lower().startswith("why") for c in _points("Club dues have risen since 2019.")
    )


def test_a_point_that_denies_an_image_asks_what_it_says_instead() -> None:
    cards = _points(
        "Mentoring is not merely a ladder to the club presidency. For most members, the role "
        "of mentor is a lasting friendship."
    )
    backs = {c.back for c in cards if c.kind is Kind.KEY_POINT}
    assert "lasting friendship" in backs
    assert not backs & {"club presidency", "presidency", "ladder"}  # the image's words
    # A point that denies nothing is not asked through its second sentence.
    plain = _points("Mentors meet new members weekly. For most members, it is a friendship.")
    assert not [c for c in plain if "weekly. For most members" in c.front]


def test_a_point_with_a_generic_blank_is_asked_by_its_topic() -> None:
    cards = _points("Members who chair the education session use special skills.")
    point = next(c for c in cards if c.kind is Kind.KEY_POINT)
    assert point.front.endswith("say about members who chair the education session?")
    assert point.back == "They use special skills"
    # A subject that is the chapter's own topic would fit every point: no such card.
    near = _points("Trust at work builds special skills.")
    assert not any("say about" in c.front for c in near)
    # An instruction and a claim in one point have no one subject to show.
    two = _points("Share the agenda by default; a hidden agenda is read as hidden motives.")
    assert not any("say about" in c.front for c in two)


def test_a_point_whose_next_sentence_says_more_shows_it_as_the_cue() -> None:
    cards = _points(
        "Mentors occupy a unique position, unlike that of their officers. They advise "
        "without authority and answer to no one."
    )
    point = next(c for c in cards if c.kind is Kind.KEY_POINT)
    assert point.back == "unique position"  # never "[officers]", inside the aside
    assert point.front.endswith("They advise without authority and answer to no one.")


def test_a_point_whose_subject_is_an_action_asks_for_the_action() -> None:
    cards = _points("Naming the next step gives every meeting a clear finish.")
    point = next(c for c in cards if c.kind is Kind.KEY_POINT)
    assert point.front.endswith("what gives every meeting a clear finish?")
    assert point.back == "Naming the next step"
    # A subject that names a thing, not an action, keeps its blank in the predicate.
    plain = _points("Meeting minutes give every member a clear record.")
    assert not any(c.front.endswith("what give every member a clear record?") for c in plain)
