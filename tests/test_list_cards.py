"""List questions on chapters the tests write: each names its chapter and its list, reads as
grammatical English whatever the list is called, and asks an ordered list as overlapping
clozes, with a count only for a list that has a name."""

from __future__ import annotations

import re

import pytest

from conftest import statement
from leadership_cards.cards import Card, Kind
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.phrasing import (
    count_question,
    list_name,
    opening,
    overlapping_cloze,
)
from leadership_cards.source import parse_document, read_document

CHAPTER = """Running a Club Meeting

A club meeting follows a fixed order so that every member knows when to speak.

Meeting Roles

1. The Toastmaster of the evening introduces each speaker and keeps the programme moving.
2. The timer tracks how long each speaker talks and shows the green, yellow and red lights.
3. The ah-counter notes the filler words each speaker uses.
4. The grammarian listens for good and poor use of language.
5. The general evaluator evaluates the meeting as a whole.

The Evaluation Process

1. Listen to the whole speech before judging any part of it.
2. Praise one thing the speaker did well, with an example.
3. Suggest one change the speaker could try next time.
4. End with encouragement that sends the speaker back to the lectern.

Good evaluations share three habits. First, the evaluator speaks about the speech, not about the speaker. Second, the evaluator gives specific examples from the speech. Third, the evaluator ends on a note of encouragement.
"""


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return generate_chapter(parse_document(CHAPTER, "club-meeting.txt"))


def _kind(cards: list[Card], *kinds: Kind) -> list[Card]:
    return [c for c in cards if c.kind in kinds]


def test_every_item_of_a_titled_list_is_asked_with_the_list_and_chapter_named(
    cards: list[Card],
) -> None:
    roles = [c for c in _kind(cards, Kind.TECHNIQUE) if "meeting roles" in c.front]
    assert [c.source.position for c in roles] == [f"role {n}" for n in range(1, 6)]
    for card in roles:
        assert card.front.startswith("In “Running a Club Meeting”, the meeting roles run: ")
        assert card.cloze and "[...]" in card.front


def test_an_overlapping_cloze_shows_the_items_on_either_side(cards: list[Card]) -> None:
    roles = [c for c in _kind(cards, Kind.TECHNIQUE) if "meeting roles" in c.front]
    middle = roles[2]
    assert "2. The timer tracks how long each speaker talks" in middle.front
    assert "3. [...]; 4. The grammarian listens for good and poor use of language" in middle.front
    assert middle.front.endswith("; …")
    assert "1. [...]; 2. " in roles[0].front and "… " not in roles[0].front
    assert roles[-1].front.endswith("; 5. [...].")


def test_a_list_named_in_the_singular_runs_as_a_whole(cards: list[Card]) -> None:
    steps = [c for c in _kind(cards, Kind.TECHNIQUE) if "evaluation process" in c.front]
    assert len(steps) == 4
    assert steps[0].front.startswith("In “Running a Club Meeting”, the evaluation process runs: ")
    # The source numbers the steps but never says how many there are: no count card.
    assert not [c for c in _kind(cards, Kind.TECHNIQUE_COUNT) if "evaluation process" in c.front]


def test_counts_name_their_list_and_chapter(cards: list[Card]) -> None:
    counts = _kind(cards, Kind.TECHNIQUE_COUNT, Kind.ENUMERATION_COUNT)
    # The five roles are numbered under their heading, but the source never says "five":
    # only the count it states is asked, with what it counts named in the answer.
    assert [(c.front, c.back) for c in counts] == [
        ("How many habits of good evaluations does “Running a Club Meeting” list?", "Three habits")
    ]
    for card in counts:
        assert "“Running a Club Meeting”" in card.front
        assert not re.match(r"how many (?:the|points|things|items are)\b", card.front, re.I)


def test_an_enumeration_in_prose_is_asked_by_the_name_its_sentence_gives(
    cards: list[Card],
) -> None:
    habits = _kind(cards, Kind.ENUMERATION)
    assert len(habits) == 3
    assert habits[1].front == (
        "In “Running a Club Meeting”, the habits of good evaluations run: 1. The evaluator "
        "speaks about the speech, not about the speaker; 2. [...]; 3. The evaluator ends on a "
        "note of encouragement."
    )
    assert habits[1].back == "The evaluator gives specific examples from the speech"


def test_no_count_without_a_named_list() -> None:
    text = (
        "Notes on Feedback\n\nFeedback lands when it is timely and kind. First, give it "
        "soon after the event. Second, describe what you saw rather than what you assume. "
        "Third, ask the person what they would change.\n"
    )
    cards = generate_chapter(parse_document(text, "feedback.txt"))
    items = _kind(cards, Kind.ENUMERATION)
    assert len(items) == 3
    assert all(c.front.startswith("In “Notes on Feedback”, the points run: ") for c in items)
    assert not _kind(cards, Kind.ENUMERATION_COUNT, Kind.TECHNIQUE_COUNT)


def test_ordinals_inside_one_part_of_a_counted_list_are_not_its_items() -> None:
    text = (
        "Notes on Clubs\n\nFour duties of a club president can be named. The first duty is "
        "running the meeting. Some of the parts of a meeting need care. First, the opening "
        "sets the tone for the evening. Second, the prepared speeches carry the programme. "
        "Third, the evaluations close the loop. Fourth, the business session keeps the club "
        "in order.\n"
    )
    cards = generate_chapter(parse_document(text, "clubs.txt"))
    fronts = [c.front for c in _kind(cards, Kind.ENUMERATION, Kind.ENUMERATION_COUNT)]
    assert not [f for f in fronts if "duties" in f], fronts


@pytest.mark.parametrize(
    ("label", "question"),
    [
        ("Service Techniques", "How many service techniques does “Ch” list?"),
        ("The Four Levels of Delegation", "How many levels of delegation does “Ch” list?"),
        (
            "Criteria for a Good Evaluation",
            "How many criteria for a good evaluation does “Ch” list?",
        ),
        ("Meeting Role", "How many items does “Ch” list under “Meeting Role”?"),
        ("Meeting Agenda", "How many items make up the meeting agenda in “Ch”?"),
        ("Club Officer Duties", "How many club officer duties does “Ch” list?"),
        ("TED Talk Tips", "How many TED talk tips does “Ch” list?"),
        (
            "the steps of a speech evaluation are",
            "How many steps of a speech evaluation does “Ch” list?",
        ),
    ],
)
def test_count_questions_are_grammatical_for_any_list_name(label: str, question: str) -> None:
    name = list_name(label)
    assert name is not None
    assert count_question(name, "Ch") == question


@pytest.mark.parametrize(
    ("label", "start"),
    [
        ("Service Techniques", "In “Ch”, the service techniques run: "),
        ("Meeting Agenda", "In “Ch”, the meeting agenda runs: "),
        ("Criteria for a Good Evaluation", "In “Ch”, the criteria for a good evaluation run: "),
    ],
)
def test_overlapping_clozes_agree_with_their_list_name(label: str, start: str) -> None:
    name = list_name(label)
    assert name is not None
    cloze = overlapping_cloze(opening("Ch", name), [(1, "Alpha"), (2, "Beta"), (3, "Gamma")], 1)
    assert cloze == start + "1. Alpha; 2. {{c1::Beta}}; 3. Gamma."


def test_the_chapter_is_named_without_the_books_numbering() -> None:
    name = list_name("Service Techniques")
    assert name is not None
    question = count_question(name, "Chapter 5: Technique 2: Maintaining a Relationship Focus")
    assert question == "How many service techniques does “Maintaining a Relationship Focus” list?"


MARKDOWN_LISTS = """# Club Officers

The club's officers share the work of a meeting.

Follow these four steps in order.

1. Book the room a month ahead.
2. Send the agenda a week before the meeting.
3. Greet every guest at the door.
4. Collect the guest cards at the end.

The sergeant at arms has three duties:

- set out the lectern and the timing lights
- welcome guests and find them a seat
- keep the meeting to its schedule

## Key terms

- **Quorum**: the number of members who must be present for the club to vote.
- **Proxy**: a member who votes for another member who cannot attend.

Good meetings need three things: a clear agenda, a timer who is ready, and speakers who have rehearsed.

Evaluations differ from criticism: an evaluation helps the speaker, while criticism only judges.
"""


@pytest.fixture(scope="module")
def officer_cards(tmp_path_factory: pytest.TempPathFactory) -> list[Card]:
    path = tmp_path_factory.mktemp("md") / "club-officers.md"
    path.write_text(MARKDOWN_LISTS, encoding="utf-8")
    return generate_chapter(read_document(path))


def test_a_list_a_paragraph_counts_is_named_by_it(officer_cards: list[Card]) -> None:
    steps = [c for c in officer_cards if c.front.startswith("In “Club Officers”, the steps run: ")]
    assert [c.back for c in steps] == [
        "Book the room a month ahead",
        "Send the agenda a week before the meeting",
        "Greet every guest at the door",
        "Collect the guest cards at the end",
    ]
    counts = [c.front for c in officer_cards if c.front.startswith("How many steps")]
    assert counts == ["How many steps does “Club Officers” list?"]


def test_a_bulleted_list_names_its_lead_in_and_shows_neighbours_unnumbered(
    officer_cards: list[Card],
) -> None:
    # "The sergeant at arms has three duties": the list is named by whose duties they are.
    duties = [c for c in officer_cards if "duties of the sergeant at arms include" in c.front]
    assert [c.back for c in duties] == [
        "Set out the lectern and the timing lights",
        "Welcome guests and find them a seat",
        "Keep the meeting to its schedule",
    ]
    assert duties[1].front == (
        "In “Club Officers”, the duties of the sergeant at arms include: Set out the lectern "
        "and the timing lights; [...]; Keep the meeting to its schedule."
    )


def test_terms_are_asked_by_their_meaning(officer_cards: list[Card]) -> None:
    asked = {c.front: c.back for c in officer_cards if c.back in ("Quorum", "Proxy")}
    assert asked == {
        "In “Club Officers”, which of the key terms means “the number of members who must be "
        "present for the club to vote”?": "Quorum",
        "In “Club Officers”, which of the key terms means “a member who votes for another "
        "member who cannot attend”?": "Proxy",
    }


def test_a_list_inside_a_sentence_is_asked_item_by_item(officer_cards: list[Card]) -> None:
    things = [
        c
        for c in officer_cards
        if statement(c.front).startswith("Good meetings need three things:")
    ]
    assert [c.back for c in things] == [
        "a clear agenda",
        "a timer who is ready",
        "speakers who have rehearsed",
    ]
    assert statement(things[1].front) == (
        "Good meetings need three things: a clear agenda, [...], and speakers who have rehearsed."
    )
    # "things" names nothing: no count; and a colon that explains is not a list.
    assert not [c for c in officer_cards if c.front.startswith("How many things")]
    assert not [
        c
        for c in officer_cards
        if statement(c.front).startswith("Evaluations differ") and c.kind is Kind.ENUMERATION
    ]


def test_items_that_open_with_their_name_are_answered_by_it() -> None:
    text = (
        "Notes on Motivation\n\nPeople are most motivated when three basic needs are met. "
        "The first is autonomy, the sense of choosing one's own actions. The second is "
        "competence, the sense of getting better at something. The third is relatedness, "
        "the sense of belonging to a group.\n\nChange passes through three stages. First, "
        "unfreezing: the group sees that the old way cannot go on. Second, changing: the "
        "group tries the new way. Third, refreezing: the new way becomes habit.\n"
    )
    cards = generate_chapter(parse_document(text, "motivation.txt"))
    named = {c.back: c.front for c in cards if c.kind is Kind.ENUMERATION}
    assert set(named) >= {"Autonomy", "Competence", "Relatedness"}
    assert set(named) >= {"Unfreezing", "Changing", "Refreezing"}
    assert named["Competence"] == (
        "In “Notes on Motivation”, the basic needs run: 1. Autonomy; 2. [...]; 3. Relatedness."
    )
    counts = {c.front: c.back for c in cards if c.kind is Kind.ENUMERATION_COUNT}
    assert counts == {
        "How many basic needs does “Notes on Motivation” list?": "Three basic needs",
        "How many stages does “Notes on Motivation” list?": "Three stages",
    }


def test_a_term_list_of_roles_asks_what_each_one_does() -> None:
    text = (
        "Club Officers\n\nThe Officers\n\n- President: presides at meetings and leads the "
        "executive committee.\n- Treasurer: manages the club's money and collects dues.\n"
        "- Secretary: keeps the club's records.\n"
    )
    cards = generate_chapter(parse_document(text, "officers.txt"))
    asked = {c.back: c.front for c in cards}
    assert asked["Treasurer"] == (
        "In “Club Officers”, which of the officers manages the club's money and collects dues?"
    )
    assert "Three" not in asked  # three bullets the source never counts: no count card


def test_a_duty_the_tagger_reads_as_a_noun_is_asked_like_its_neighbours() -> None:
    text = (
        "Club Officers\n\nThe Officers\n\n- President: presides at meetings.\n"
        "- Vice President Education: schedules speakers and tracks each member's progress.\n"
        "- Treasurer: manages the club's money.\n"
        "\nThe Vice President Education is often called the busiest officer of the club.\n"
    )
    cards = generate_chapter(parse_document(text, "officers.txt"))
    asked = {c.back: c.front for c in cards}
    # asked from its duty, and kept though a looser claim names the officer on its front
    assert asked["Vice President Education"] == (
        "In “Club Officers”, which of the officers schedules speakers and tracks each "
        "member's progress?"
    )


def test_a_glossary_of_things_is_not_read_as_duties() -> None:
    text = (
        "Pace\n\nTerms\n\n- Rate: words per minute a speaker says.\n"
        "- Pitch: how high or low the voice sounds.\n- Volume: how loud the voice is.\n"
    )
    cards = generate_chapter(parse_document(text, "pace.txt"))
    asked = {c.back: c.front for c in cards}
    assert asked["Rate"].endswith("means “words per minute a speaker says”?")


def test_a_counted_list_after_are_is_asked_item_by_item() -> None:
    text = (
        "Mentoring\n\nThe three stages of a mentoring relationship are orientation, "
        "development and independence. Leaders are patient, curious, and kind.\n"
    )
    cards = generate_chapter(parse_document(text, "mentoring.txt"))
    stages = [c for c in cards if c.kind is Kind.ENUMERATION]
    assert [c.back for c in stages] == ["orientation", "development", "independence"]
    assert statement(stages[1].front) == (
        "The three stages of a mentoring relationship are orientation, [...] and independence."
    )
    counts = [(c.front, c.back) for c in cards if c.kind is Kind.ENUMERATION_COUNT]
    assert counts == [
        ("How many stages of a mentoring relationship does “Mentoring” list?", "Three stages")
    ]


def test_a_count_is_asked_only_when_the_source_states_it() -> None:
    text = (
        "Habits of Chairs\n\nThe Chair's Habits\n\n- Arrive before the members do.\n"
        "- Start the meeting on the minute.\n- Thank every speaker by name.\n\n"
        "Chairing Techniques\n\n1. Record each decision in one sentence.\n2. Name who will "
        "act on each decision.\n3. Send the minutes within two days.\n\n"
        "Welcoming a guest takes four moves:\n\n- Greet the guest at the door.\n"
        "- Offer the guest a seat near a member.\n- Explain the agenda before it starts.\n"
        "- Ask the guest for feedback after the meeting.\n"
    )
    cards = generate_chapter(parse_document(text, "chairs.txt"))
    counts = {
        c.front: c.back for c in cards if c.kind in (Kind.TECHNIQUE_COUNT, Kind.ENUMERATION_COUNT)
    }
    # Bullets nobody counts and a set numbered 1-3 under its name get no count card: the
    # number is no part of the idea. A lead-in that says "four" makes it one.
    assert counts == {
        "How many moves for welcoming a guest does “Habits of Chairs” list?": "Four moves",
    }


def test_an_unordered_list_is_asked_by_each_items_own_words_not_its_neighbours() -> None:
    items = [
        "Arrive early: a chair who is late tells the room the meeting can wait.",
        "Thank every speaker by name.",
        "Keep a spare gavel in the club box.",
        "Hand the agenda to the timer before the meeting opens.",
        "Close on the minute: members plan their evenings around the finish.",
    ]
    text = "Chairing Well\n\nHabits of a Good Chair\n\n" + "".join(f"- {i}\n" for i in items)
    cards = generate_chapter(parse_document(text, "chair.txt"))
    habits = [c for c in cards if c.kind is Kind.TECHNIQUE]
    assert len(habits) == len(items)  # every item asked, each with its own cue
    for card in habits:
        assert card.front.startswith("In “Chairing Well”, among the habits of a good chair: ")
        shown = [i for i in items if i.rstrip(".").split(":")[0] in card.front]
        assert not shown, card.front  # no other item stands in as the cue
    by_answer = {c.back: c.front for c in habits}
    assert by_answer["Arrive early"] == (
        "In “Chairing Well”, among the habits of a good chair: [...]: a chair who is late "
        "tells the room the meeting can wait."
    )


def test_a_bulleted_key_point_with_nothing_to_blank_is_cued_by_its_explanation() -> None:
    points = [
        "Listen before you speak in any meeting of the club.",
        "Say thank you. A thank-you costs nothing and buys a hearing.",
        "Praise in public and correct in private.",
        "End with the next step, not with the verdict.",
        "Ask what the speaker wanted the audience to feel.",
    ]
    text = "Notes on Feedback\n\n" + "".join(f"- {p}\n" for p in points)
    cards = generate_chapter(parse_document(text, "feedback.txt"))
    thanks = [c for c in cards if "thank-you costs nothing" in c.front]
    assert [(c.front, c.back) for c in thanks] == [
        (
            "In “Notes on Feedback”, among the key points: [...]. A thank-you costs nothing "
            "and buys a hearing.",
            "Say thank you",
        )
    ]
    for card in cards:
        assert "Listen before you speak" not in card.front or card.source.position.endswith("1")


def test_the_later_sentences_of_a_counted_step_are_asked_as_claims() -> None:
    text = (
        "Running the Timer\n\nFollow these three steps in order.\n\n"
        "1. Collect the signal cards before the meeting.\n\n"
        "2. Sit where every speaker can see you. The green card shows at five minutes "
        "and the red card at seven.\n\n"
        "3. Report the times at the end of the meeting.\n"
    )
    cards = generate_chapter(parse_document(text, "timer.txt"))
    # a figure is asked as a statistic, the kind that asks figures
    claims = [c for c in cards if c.kind in (Kind.CLAIM, Kind.STATISTIC)]
    assert [(c.source.position, c.back) for c in claims] == [("key point 2", "five minutes")]
    # a step's first sentence is its own card in the list, never a claim as well
    steps = [c.back for c in cards if c.kind is Kind.ENUMERATION]
    assert "Sit where every speaker can see you" in steps


def test_stages_walked_through_in_prose_are_asked_as_an_ordered_list() -> None:
    text = (
        "Learning from Experience\n\nThe best-known account is the Kolb cycle. The cycle "
        "begins with concrete experience, where the learner does something. It then moves to "
        "reflection, a look back at what happened. From reflection it moves to "
        "conceptualisation, where the learner draws a lesson. It ends with experimentation, "
        "sometimes called active testing, in which the lesson is tried out.\n\n"
        "A meeting begins with the opening, where the chair welcomes guests. It then moves to "
        "the speeches, and it ends with the evaluations, which close the evening.\n"
    )
    cards = generate_chapter(parse_document(text, "kolb.txt"))
    stages = [c for c in cards if c.kind is Kind.ENUMERATION]
    assert [c.back for c in stages] == [
        "Concrete experience",
        "Reflection",
        "Conceptualisation",
        "Experimentation",
    ]
    assert statement(stages[1].front) == (
        "The stages of the Kolb cycle run: 1. Concrete experience; 2. [...]; "
        "3. Conceptualisation; 4. Experimentation."
    )
    # the meeting's walk names no model: its parts are left to the prose claims
    assert all(c.source.position == "paragraph 1" for c in stages)
    asked = {c.front: c.back for c in cards}
    question = "In “Learning from Experience”, what is the experimentation stage of the Kolb cycle also called?"
    assert asked[question] == "Active testing"


def test_what_a_marked_term_does_is_asked_of_it(tmp_path) -> None:
    path = tmp_path / "roles.md"
    path.write_text(
        "# Meeting Roles\n\n"
        "The **timer** keeps track of how long each speaker talks and signals with cards.\n\n"
        "The **ah-counter** listens for filler sounds and words such as “um”.\n\n"
        "The **grammarian** is the keeper of the meeting's language.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path))
    asked = {c.front: c.back for c in cards}
    assert asked["In “Meeting Roles”, what does the timer keep track of?"] == (
        "How long each speaker talks"
    )
    assert asked["In “Meeting Roles”, what does the ah-counter listen for?"] == (
        "Filler sounds and words"
    )
    # what a term is, is a definition's to ask, not a duty
    assert not any("what does the grammarian" in front for front in asked)


def test_a_list_named_by_one_noun_is_named_by_the_sentence_that_counts_it() -> None:
    text = (
        "Notes on Deciding\n\nThree habits separate sound decisions from hasty ones. First, "
        "frame the question before answering it. Second, generate at least two options. "
        "Third, decide how you will decide.\n\nKurt Lewin described change as a passage "
        "through three stages. First, unfreezing: the group sees that the old way cannot go "
        "on. Second, changing: the group tries the new way. Third, refreezing: the new way "
        "becomes habit.\n\nChange passes through three phases. First, denial: people "
        "refuse the news. Second, resistance: people push back. Third, acceptance: people "
        "adopt the new way.\n"
    )
    cards = generate_chapter(parse_document(text, "deciding.txt"))
    named = {c.back: c.front for c in cards if c.kind is Kind.ENUMERATION}
    assert named["Changing"] == (
        "In “Notes on Deciding”, the stages that Kurt Lewin described run: 1. Unfreezing; "
        "2. [...]; 3. Refreezing."
    )
    assert named["Generate at least two options"].startswith(
        "In “Notes on Deciding”, the habits that separate sound decisions from hasty ones run:"
    )
    # One capitalised word opening the sentence is no teller: the phases keep their name.
    assert named["Resistance"].startswith("In “Notes on Deciding”, the phases run:")


def test_a_steps_later_instruction_is_asked_in_the_setting_of_its_step() -> None:
    text = (
        "Chairing a Board Meeting\n\nFollow these three steps in order.\n\n"
        "1. Send the agenda a week ahead. Ask each member which item they will lead.\n\n"
        "2. Keep the minutes during the meeting. Record decisions and owners, not the "
        "whole discussion, so that the minutes stay short.\n\n"
        "3. Close on time. The chair who runs over teaches the board to arrive late.\n"
    )
    cards = generate_chapter(parse_document(text, "board.txt"))
    asked = {c.front: c.back for c in cards if c.kind is Kind.CLAIM and "when you" in c.front}
    assert asked == {
        "In “Chairing a Board Meeting”, when you send the agenda a week ahead, what should you "
        "ask each member?": "Which item they will lead",
        "In “Chairing a Board Meeting”, when you keep the minutes during the meeting, what "
        "should you record, rather than the whole discussion?": "Decisions and owners",
    }  # step 3's second sentence is a claim, not an instruction: no such card


def test_what_happens_at_each_numbered_part_of_a_listed_whole_is_asked() -> None:
    text = (
        "Mentoring\n\nThe three stages of mentoring are orientation, development and "
        "independence. In the first stage the mentor sets the goals with the new member. In "
        "the second stage the member sets the goals and the mentor reviews them. In the third "
        "stage it ends.\n"
    )
    cards = generate_chapter(parse_document(text, "mentoring.txt"))
    asked = {c.front: c.back for c in cards if "what happens" in c.front}
    assert asked == {
        "In “Mentoring”, what happens in the first stage of mentoring?": (
            "The mentor sets the goals with the new member"
        ),
        "In “Mentoring”, what happens in the second stage of mentoring?": (
            "The member sets the goals and the mentor reviews them"
        ),
    }  # "it ends" says nothing without the sentence before


def test_an_ordinal_part_of_nothing_named_is_not_asked() -> None:
    text = "Mentoring\n\nMentors help. In the first stage the mentor sets the goals with them.\n"
    cards = generate_chapter(parse_document(text, "mentoring.txt"))
    assert not [c for c in cards if "what happens" in c.front]
