"""A card made from one sentence of a paragraph names what that sentence takes from the
sentences before it, or is not made."""

from __future__ import annotations

from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.generate.references import (
    chapter_terms,
    named_antecedents,
    standing_alone,
)

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


TOAST = (
    "A wedding toast is short. Guests remember the couple's names and one story. Finally, "
    "the farewell should echo the first line; a toast that returns to its opening feels whole."
)


def test_a_definite_subject_nothing_makes_definite_leaves_no_card() -> None:
    """ "the farewell" of what? The paragraph never says, nor does the chapter elsewhere."""
    terms = chapter_terms("Wedding Toasts", [TOAST])
    assert named_antecedents("What should the farewell echo?", TOAST, terms) is None
    cloze = "The farewell should echo {{c1::the first line}}."
    assert named_antecedents(cloze, TOAST, terms) is None


def test_a_definite_subject_the_chapter_or_everyone_knows_stays() -> None:
    # The chapter speaks of farewells elsewhere, or its title names them.
    elsewhere = chapter_terms("Wedding Toasts", [TOAST, "Farewells are hard to write."])
    question = "What should the farewell echo?"
    assert named_antecedents(question, TOAST, elsewhere) == question
    titled = chapter_terms("The Farewell Toast", [TOAST])
    assert named_antecedents(question, TOAST, titled) == question
    # A role or a setting a reader knows without a sentence before.
    terms = chapter_terms("Wedding Toasts", [TOAST])
    for known in ("What should the speaker echo?", "What should the audience echo?"):
        assert named_antecedents(known, TOAST, terms) == known
    # Without the chapter's words the card is left as it is.
    assert named_antecedents(question, TOAST) == question


def test_chapter_terms_count_a_word_and_its_plural_together() -> None:
    terms = chapter_terms("Notes", ["One hook works.", "Two hooks compete. A pause helps."])
    assert {"hook", "hooks", "notes"} <= terms
    assert "pause" not in terms


def test_a_comparison_whose_other_side_is_elsewhere_leaves_no_card() -> None:
    passage = "Some leaders answer at once. A better reply asks what the other would do."
    assert named_antecedents("What does a better reply ask?", passage) is None
    assert named_antecedents("What does a more useful reply ask?", passage) is None
    # The comparison's other side on the card: it stands alone.
    kept = "What asks more than a better reply to the question?"
    assert named_antecedents(kept, passage) == kept
    both = "What does a better reply ask than a quick answer?"
    assert named_antecedents(both, passage) == both
    kind = "Better questions get {{c1::better answers}} from the team."
    assert named_antecedents(kind, "Ask well. " + kind) == kind


def test_a_bare_figure_gets_the_scale_the_sentence_before_set() -> None:
    passage = (
        "Ask the team to rate, from one to five, how clear the goal is. A rating below four "
        "is a sign that the goal needs rewording."
    )
    assert named_antecedents("What is a rating below four?", passage) == (
        "What is a rating below four on a scale from one to five?"
    )
    on_a_scale = "Rate it on a scale of 1 to 10. A score above 7 means go."
    assert named_antecedents("What does a score above 7 mean?", on_a_scale) == (
        "What does a score above 7 on a scale from 1 to 10 mean?"
    )
    cloze = "A rating {{c1::below four}} is a sign that the goal needs rewording."
    assert named_antecedents(cloze, passage) == (
        "A rating {{c1::below four}} on a scale from one to five is a sign that the goal "
        "needs rewording."
    )


def test_a_figure_with_its_unit_or_its_own_scale_is_left() -> None:
    passage = "Rate the talk from one to ten. A talk below eight minutes is short."
    unit = "What is a talk below eight minutes?"
    assert named_antecedents(unit, passage) == unit
    own = "Scores run from one to ten, and a score below eight is weak."
    cloze = "Scores run from one to ten, and a score {{c1::below eight}} is weak."
    assert named_antecedents(cloze, own) == cloze
    unscaled = "A team below five is small."
    assert named_antecedents("What is a team below five?", unscaled) == (
        "What is a team below five?"
    )


def test_a_part_is_named_by_the_whole_its_sentence_speaks_of() -> None:
    passage = (
        "A talk needs a plan. Finally, the ending should echo the start; a talk that circles "
        "back feels whole."
    )
    terms = chapter_terms("Planning Remarks", [passage])
    assert named_antecedents("What should the ending echo?", passage, terms) == (
        "What should a talk's ending echo?"
    )
    club = "Dues are due in March. The budget is a record of what the club will do."
    terms = chapter_terms("Running the Board", [club])
    assert named_antecedents("What is the budget?", club, terms) == "What is the club's budget?"
    # A term of art names its one thing.
    method = "Plans fail. The premortem comes from Gary Klein."
    terms = chapter_terms("Plans", [method])
    assert named_antecedents("Where does the premortem come from?", method, terms) == (
        "Where does the premortem come from?"
    )
