"""The salient claims of prose, each pattern with a sentence that yields its card and a near
miss that must not: a denial and its replacement, advice with "must"/"should", "X is what
...", two kinds compared, a reason after ", because", "X is what/why ...", what a thing teaches
people to do, how a thing should be done. All on text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Card
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.blanks import problems as blank_problems
from leadership_cards.generate.claims import _clauses_of
from leadership_cards.generate.quality import deck_problems
from leadership_cards.generate.quality import problems as card_problems
from leadership_cards.generate.questions import (
    claim_question,
    clause_question,
    cleft_question,
    contrast_question,
    copular_question,
    infinitive_question,
    judged_by_question,
    kind_question,
    meaning_question,
    means_question,
    one_test_question,
    reason_question,
    relative_subject_question,
    subject_question,
)
from leadership_cards.generate.text import (
    dangles,
    main_verb_object,
    resolve_pronoun,
    salient_span,
    states_a_claim,
)
from leadership_cards.source import read_document


def test_a_denial_and_the_clause_that_replaces_it_are_one_contrast() -> None:
    assert list(_clauses_of("Members do not quit clubs; they quit meetings that waste time.")) == [
        (0, "Members quit not clubs but meetings that waste time.")
    ]
    assert list(_clauses_of("A budget is not a wish list. It is a plan.")) == [
        (0, "A budget is not a wish list but a plan.")
    ]
    # Near misses: a second denial, or another verb, replaces nothing.
    assert len(list(_clauses_of("Urgency is not panic. It is not a deadline."))) == 2
    assert len(list(_clauses_of("Members do not quit clubs. They join other ones."))) == 2


def test_pronouns_resolve_in_a_chain_and_through_of() -> None:
    first = "The chair of the board is elected. Its term is one year."
    assert resolve_pronoun(first.split(". ")[1], first.split(". ")[0] + ".") == (
        "The term of the chair of the board is one year."
    )


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "The agenda must lead to the vote.",
            "What must the agenda lead to?",
            "The vote",
        ),
        (
            "Every speaker should know the timing rules.",
            "What should every speaker know?",
            "The timing rules",
        ),
    ],
)
def test_advice_with_must_or_should_is_asked_with_its_modal(
    sentence: str, question: str, answer: str
) -> None:
    assert claim_question(sentence) == (question, answer)


def test_how_a_thing_should_be_done_is_asked() -> None:
    assert claim_question(
        "A complaint that can be settled quietly should be handled privately, by the officer "
        "closest to it."
    ) == (
        "How should a complaint that can be settled quietly be handled?",
        "Privately, by the officer closest to it",
    )
    assert claim_question("A report should be made.") is None  # no manner to ask for


def test_x_is_what_does_y_asks_for_x() -> None:
    assert cleft_question("Preparation is what carries a speaker through the first minute.") == (
        "What carries a speaker through the first minute?",
        "Preparation",
    )
    assert cleft_question("Preparation is what the speaker needs.") is None  # X is the object
    assert cleft_question("This is what carries a speaker.") is None  # names nothing


def test_x_is_what_or_why_is_asked_as_a_meaning() -> None:
    assert copular_question("A motion is what a member asks the club to decide.") == (
        "What is a motion?",
        "What a member asks the club to decide",
    )
    assert copular_question("Trust is what carries a plan.") is None  # the cleft's, not this


def test_two_kinds_compared_ask_which_kind() -> None:
    assert kind_question(
        "A club that sets goals in July grows faster than one that sets them in spring."
    ) == (
        "Which club grows faster than one that sets them in spring?",
        "A club that sets goals in July",
    )
    assert kind_question("A club that sets goals grows.") is None  # no comparison
    assert kind_question("Clubs grow faster than teams.") is None  # no kind named by a clause


def test_a_reason_after_because_is_a_second_card() -> None:
    assert reason_question("A story is the best opening, because people follow a narrative.") == (
        "Why is a story the best opening?",
        "Because people follow a narrative",
    )
    assert reason_question("It is the best opening, because people follow a narrative.") is None
    assert reason_question("A story was the best opening, because people followed it.") is None


def test_what_a_thing_teaches_people_to_do() -> None:
    assert infinitive_question("A chair who answers every question teaches members to wait.") == (
        "What does a chair who answers every question teach members to do?",
        "To wait",
    )
    assert infinitive_question("A good chair leads members to the exit.") is None


def test_any_verb_that_leads_someone_to_act_is_asked_what_it_leads_them_to_do() -> None:
    # The class of teaching, allowing and causing verbs, not a list of the chapter's words.
    assert infinitive_question(
        "A clear agenda enables the chair to close the meeting on time."
    ) == (
        "What does a clear agenda enable the chair to do?",
        "To close the meeting on time",
    )
    assert infinitive_question("A timed speech forces speakers to cut their weakest point.") == (
        "What does a timed speech force speakers to do?",
        "To cut their weakest point",
    )
    assert infinitive_question("Good mentors push new members to speak early.") == (
        "What do good mentors push new members to do?",
        "To speak early",
    )
    assert infinitive_question("The chair wants to close the meeting on time.") is None


def test_a_condition_keeps_its_adjective_complement_and_drops_only() -> None:
    assert clause_question("A motion is complete only when the club has voted on it.") == (
        "When is a motion complete?",
        "When the club has voted on it",
    )
    listed = "A vote is valid when members attend, and when a quorum is met."
    assert clause_question(listed) is None


def test_a_plural_subject_the_tagger_read_as_a_verb_is_asked_for() -> None:
    assert subject_question("Short-term wins keep a change alive.") == (
        "What keeps a change alive?",
        "Short-term wins",
    )


def test_quoted_speech_is_no_aside() -> None:
    assert states_a_claim('A ritual is complete when members call it "how we do things".')
    assert not states_a_claim("We call it how we do things.")


def test_no_blank_falls_inside_a_relative_clause_on_the_subject() -> None:
    sentence = "A question that everyone can answer in their heads invites a shrug."
    span = main_verb_object(sentence)
    assert span is None or sentence[span[0] : span[1]] != "heads"


CHAPTER = """Chairing a Meeting

A chair who decides every motion alone teaches members to stay silent. The agenda must lead \
to the vote. Preparation is what carries a chair through the first hour.

Members do not leave clubs; they leave meetings that waste their time. A chair is the best \
timekeeper of all, because members watch the chair.

A club that reviews its meetings every month improves faster than one that never looks back.
"""


def chapter_cards(tmp_path: Path) -> list[Card]:
    path = tmp_path / "chair.txt"
    path.write_text(CHAPTER, encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Chairing a Meeting")


def test_a_page_of_such_claims_asks_each_and_breaks_no_rule(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path)
    fronts = {c.front: c.back for c in cards}
    place = "In “Chairing a Meeting”, "
    assert fronts[place + "what must the agenda lead to?"] == "The vote"
    assert fronts[place + "what carries a chair through the first hour?"] == "Preparation"
    assert fronts[place + "what do members leave, if not clubs?"] == (
        "Meetings that waste their time"
    )
    assert fronts[place + "why is a chair the best timekeeper of all?"] == (
        "Because members watch the chair"
    )
    assert any(back == "A club that reviews its meetings every month" for back in fronts.values())
    assert not [c for c in cards if card_problems(c)]
    assert not deck_problems(cards)


def test_a_means_or_a_measure_is_asked_how() -> None:
    assert claim_question("The chair protects the agenda by parking new topics.") == (
        "How does the chair protect the agenda?",
        "By parking new topics",
    )
    assert judged_by_question(
        "The health of a club is measured by its retention, not only by its size."
    ) == ("How is the health of a club measured, besides by its size?", "By its retention")
    assert judged_by_question("The health of a club is measured by its retention.") is None


def test_x_means_that_asks_for_the_meaning() -> None:
    assert meaning_question("Quorum means that enough members are present to vote.") == (
        "What does quorum mean?",
        "That enough members are present to vote",
    )
    assert meaning_question("It means that enough members are present.") is None


def test_a_copula_with_rather_than_or_not_asks_for_the_side_kept() -> None:
    asked = contrast_question("Silence is a tool rather than a failure.")
    assert asked is not None and asked[0] == ("What is silence, rather than a failure?", "A tool")
    asked = contrast_question("The aim of a first evaluation is to encourage, not to correct.")
    assert asked is not None and asked[0] == (
        "What is the aim of a first evaluation, if not to correct?",
        "To encourage",
    )
    assert contrast_question("The techniques are used together, not one at a time.") is None


def test_a_kind_named_by_a_relative_clause_is_asked_which() -> None:
    assert relative_subject_question(
        "A chair who answers every question alone loses the room."
    ) == ("Which chair loses the room?", "A chair who answers every question alone")
    # Near misses: a clause nested in the relative clause, a predicate that points back.
    assert relative_subject_question("Members who say that they listen speak less.") is None
    assert relative_subject_question("A chair who plans the term finishes it early.") is None


def test_an_aside_between_commas_leaves_the_claim_and_its_reason() -> None:
    chapter = (
        "Debate\n\nTask conflict, kept in proportion, can improve a team's plans, because it "
        "brings hidden assumptions into the open.\n"
    )
    cards = _cards_of(chapter)
    assert any(
        c.front.endswith("why can task conflict improve a team's plans?")
        and c.back == "Because it brings hidden assumptions into the open"
        for c in cards
    ), [c.front for c in cards]


def _cards_of(text: str) -> list[Card]:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "debate.txt"
    path.write_text(text, encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Debate")


def test_with_less_than_the_favoured_side_comes_after_than() -> None:
    sentence = "A club's health depends less on any one officer than on the habit of showing up."
    found = salient_span(sentence)
    assert found is not None and sentence[found[0][0] : found[0][1]] == "habit of showing up"


def test_a_source_the_blank_cannot_hold_is_asked_whole() -> None:
    cards = _cards_of(
        "Words\n\nThe word gavel comes from the carpenter's mallet that masons used to mark "
        "their stones on the building site.\n"
    )
    assert any(
        c.front.endswith("where does the word gavel come from?")
        and c.back.startswith("The carpenter's mallet that masons used")
        for c in cards
    ), [c.front for c in cards]


def test_this_kind_of_points_back_to_nothing() -> None:
    assert not dangles("The key to a level is the record with this kind of task.")
    assert dangles("The key to a level is this record.")


def test_a_bare_general_noun_as_subject_points_back() -> None:
    # "the model" stands for a model the chapter named before; "the model of change" names it
    assert dangles("The model works because each part is a fact the receiver can check.")
    assert dangles("In “Feedback”, why does the role exist, if not to embarrass speakers?")
    assert not dangles("The model of change has three stages that run in order.")
    assert not dangles("The timer keeps track of how long each speaker talks.")


def test_pointers_to_the_page_or_to_a_count_point_back() -> None:
    assert dangles("The four techniques below are used together, not one at a time.")
    assert dangles("When the two disagree, the audience believes the voice and the body.")
    assert not dangles("The two sides disagree about the plan until the vote.")
    assert not dangles("An answer below eight is a signal that the plan is too big.")


def test_that_before_a_noun_with_no_verb_after_it_points_back() -> None:
    sentence = "Planned movement turns that energy into structure."
    assert "frame points back to an earlier sentence" in blank_problems(sentence, (0, 16))
    assert blank_problems("Research shows that members stay longer.", (0, 8)) == []


def test_the_one_measure_a_colon_names_is_asked() -> None:
    assert one_test_question(
        "A good agenda is judged by one test: whether the meeting ends on time."
    ) == ("What one test is a good agenda judged by?", "Whether the meeting ends on time")
    assert one_test_question("A good agenda is judged by its length.") is None


def test_any_words_that_put_one_side_in_place_of_another_make_a_contrast() -> None:
    assert contrast_question(
        "A timer is a courtesy to the audience instead of a punishment for the speaker."
    ) == (
        ("What is a timer, instead of a punishment for the speaker?", "A courtesy to the audience"),
        (11, 37),
    )
    assert contrast_question("An evaluation is a gift as opposed to a verdict.") == (
        ("What is an evaluation, as opposed to a verdict?", "A gift"),
        (17, 23),
    )
    # A passive names no thing in place of another.
    assert contrast_question("The evaluation is delivered instead of the speech.") is None


def test_the_means_of_any_passive_is_asked_how() -> None:
    assert means_question("Progress in the program is tracked by a checklist of ten goals.") == (
        "How is progress in the program tracked?",
        "By a checklist of ten goals",
    )
    assert means_question("A club's health is built through steady mentoring.") == (
        "How is a club's health built?",
        "Through steady mentoring",
    )
    # A place is no means, and an adjective is no verb done to the subject.
    assert means_question("The meeting is held in the library.") is None
    assert means_question("The office is open by appointment.") is None


def test_what_holds_only_under_a_condition_is_not_asked_apart() -> None:
    # The second claim is true only when the first clause's condition holds: asked alone it
    # would teach a falsehood ("What do members reject?").
    cards = _cards_of(
        "Debate\n\nConfusion starts when a club skips its agenda, and members reject a plan "
        "that was only meant as a draft. A slip is not a failure if it was honest: the "
        "speaker simply continues, and the audience notices a person rather than a "
        "mistake.\n\nThe proposer opens the debate, and the opposer answers every argument "
        "in the same order.\n"
    )
    fronts = [c.front for c in cards]
    assert not any("members reject" in f for f in fronts), fronts
    assert not any("audience notice" in f for f in fronts), fronts
    # Two claims with no condition between them are still each a card's worth.
    assert any("what does the opposer answer?" in f for f in fronts), fronts


def test_a_pronoun_is_named_past_a_connective_and_a_misread_verb() -> None:
    assert (
        resolve_pronoun(
            "They decide with less authority.",
            "Inner leaders face this problem in a sharper form than top leaders do.",
        )
        == "Inner leaders decide with less authority."
    )
    assert (
        resolve_pronoun(
            "It involves creating a subculture.",
            "Indeed, setting and changing shared values is the leader's prime job.",
        )
        == "Setting and changing shared values involves creating a subculture."
    )
    cleft = "It is attitude that determines whether an act helps."
    assert resolve_pronoun(cleft, "In effect, servant leadership invites a culture.") == cleft


def test_a_clause_in_the_subject_does_not_make_a_claim_a_story() -> None:
    from leadership_cards.generate.text import states_a_claim

    assert states_a_claim("Reviews of what went well and what went badly prepare people.")
    assert not states_a_claim("The team reviewed what went well.")
