"""A card made from one sentence of a paragraph names what that sentence takes from the
sentences before it, or is not made."""

from __future__ import annotations

from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.generate.references import named_antecedents, standing_alone

STORY = (
    "A story is the strongest opening of all, because people are built to follow a "
    "narrative. By a story opening we mean beginning in the middle of a scene. The story "
    "should connect to the speech's message."
)
HERZBERG = (
    "Frederick Herzberg studied the factors of work in two kinds. Pay, working conditions "
    "and supervision he called hygiene factors."
)


def test_the_subject_introduced_a_sentence_earlier_is_named() -> None:
    asked = named_antecedents("What should the story connect to?", STORY)
    assert asked == "What should a story connect to?"


def test_a_subject_the_chapter_uses_as_its_general_term_stays() -> None:
    passage = "The audience decides early. The audience should be asked to act."
    question = "What should the audience be asked to do?"
    assert named_antecedents(question, passage) == question


def test_one_instance_named_before_is_no_antecedent() -> None:
    """ "the next speech" is one speech, not what "the speech" means in general."""
    passage = "An evaluator prepares for the next speech. The speech is judged by its aims."
    question = "What is the speech judged by?"
    assert named_antecedents(question, passage) == question


def test_a_noun_named_away_from_the_subject_is_left() -> None:
    passage = "A community grows. Its values are held by some members of the community."
    cloze = "Its values are held by some {{c1::members}} of the community."
    assert named_antecedents(cloze, passage) == cloze


def test_he_becomes_the_person_last_named() -> None:
    cloze = "Pay, working conditions and supervision he called {{c1::hygiene factors}}."
    named = named_antecedents(cloze, HERZBERG)
    assert named == (
        "Pay, working conditions and supervision Frederick Herzberg called {{c1::hygiene factors}}."
    )


def test_a_person_never_named_before_leaves_no_card() -> None:
    passage = "The follower's record matters. The key to choosing a level is not her title."
    question = "What is the key to choosing a level, if not her title?"
    assert named_antecedents(question, passage) is None


def test_a_pronoun_whose_person_is_in_the_card_or_a_quotation_stays() -> None:
    passage = "Delegation frees time. The leader hands over the work, but she still answers."
    cloze = "The leader hands over the {{c1::work}}, but she still answers."
    assert named_antecedents(cloze, passage) == cloze
    quoted = 'Stress changes meaning. "I didn\'t say she took the money" is {{c1::two}} claims.'
    assert named_antecedents(quoted, quoted) == quoted


def test_a_named_card_keeps_its_id() -> None:
    card = Card(
        deck="d",
        chapter="Openings",
        kind=Kind.CLAIM,
        front="What should the story connect to?",
        back="The speech's message",
        source=SourceRef("openings.txt", "paragraph 4", STORY),
        item="openings.txt#paragraph 4",
    )
    named = standing_alone(card)
    assert named is not None
    assert named.front == "What should a story connect to?"
    assert named.id == card.id


def test_a_person_named_in_the_sentence_but_not_the_question_is_named_there() -> None:
    passage = (
        "Levels differ. The key to choosing a level is the follower's track record, not her "
        "title or seniority."
    )
    question = "What is the key to choosing a level, if not her title or seniority?"
    assert named_antecedents(question, passage) == (
        "What is the key to choosing a level, if not the follower's title or seniority?"
    )


def test_a_noun_naming_what_an_earlier_clause_did_leaves_no_card() -> None:
    passage = (
        "A story opens well. The story should connect to the message, and the connection "
        "should become clear before the audience starts to wonder."
    )
    question = "When should the connection become clear?"
    assert named_antecedents(question, passage) is None
    # A noun the clause before does not make from its own verb stays.
    kept = "When should the audience laugh?"
    assert named_antecedents(kept, "A story opens well. The audience should laugh early.") == kept
