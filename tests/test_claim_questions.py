"""Claims whose point no blank can hold are asked as questions that name their chapter: a
"when" or "because" clause, the side a contrast puts in place of the one it rejects, an
object or complement, a duration, a source; numbers keep the words that say how exact they
are; compound sentences give a claim a clause. All on text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Card
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.blanks import problems
from leadership_cards.generate.quality import deck_problems
from leadership_cards.generate.quality import problems as card_problems
from leadership_cards.generate.quantities import quantities
from leadership_cards.generate.questions import (
    claim_question,
    clause_question,
    contrast_question,
    copular_question,
    object_question,
    origin_question,
    subject_question,
)
from leadership_cards.generate.text import clauses, main_clause
from leadership_cards.source import read_document


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "Loyalty grows when members feel valued.",
            "When does loyalty grow?",
            "When members feel valued",
        ),
        (
            "Volunteers leave because nobody thanks them.",
            "Why do volunteers leave?",
            "Because nobody thanks them",
        ),
        (
            "Most agendas fail not because they are long but because they are unclear.",
            "Why do most agendas fail?",
            "Because they are unclear",
        ),
        (
            "Scope creep happens when a project grows without a decision.",
            "What is it called when a project grows without a decision?",
            "Scope creep",
        ),
    ],
)
def test_a_when_or_because_clause_is_asked_as_a_question(
    sentence: str, question: str, answer: str
) -> None:
    assert clause_question(sentence) == (question, answer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Loyalty grows when members feel valued, when goals are clear, and when leaders listen.",
        "It grows when members feel valued.",  # no subject of its own
        "Loyalty grew when members felt valued.",  # narration
        "Members who stay when others leave are rare.",  # no plain main clause before "when"
    ],
)
def test_a_clause_question_needs_one_plain_claim(sentence: str) -> None:
    assert clause_question(sentence) is None


def test_a_contrast_asks_for_the_side_the_chapter_keeps() -> None:
    asked, span = contrast_question(
        "The budget is not a wish list but a record of what the club will do."
    )
    assert asked == ("What is the budget, if not a wish list?", "A record of what the club will do")
    asked, _ = contrast_question("The chair speaks not to decide but to open the floor.")
    assert asked == ("Why does the chair speak, if not to decide?", "To open the floor")
    assert contrast_question("This is not a test but a rehearsal.") is None  # no subject named


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "Audiences remember a single vivid image.",
            "What do audiences remember?",
            "A single vivid image",
        ),
        (
            "Printed agendas work well for long, formal meetings.",
            "What do printed agendas work well for?",
            "Long, formal meetings",
        ),
        ("A hurried bow looks awkward.", "How does a hurried bow look?", "Awkward"),
        (
            "A chair who decides everything becomes the bottleneck.",
            "What does a chair who decides everything become?",
            "The bottleneck",
        ),
        (
            "A board meeting lasts from one to two hours.",
            "How long does a board meeting last?",
            "From one to two hours",
        ),
    ],
)
def test_a_claim_is_asked_for_its_object_or_complement(
    sentence: str, question: str, answer: str
) -> None:
    assert claim_question(sentence) == (question, answer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Researchers distinguish two kinds.",  # a count of what comes next
        "Short-term wins keep a change alive.",  # an object and its complement
        "A leader teaches the team to wait.",  # an object and its own clause
        "A relationship with no end tends to drift.",  # an infinitive, not an object
    ],
)
def test_an_object_question_needs_one_plain_object(sentence: str) -> None:
    assert claim_question(sentence) is None


def test_a_superlative_complement_asks_for_the_subject() -> None:
    assert copular_question("A story is the strongest opening of all.") == (
        "What is the strongest opening of all?",
        "A story",
    )


def test_a_key_of_two_purposes_is_asked_for_the_first() -> None:
    """ "The key to X is to A and to B": two purposes too long for one answer; the first is
    asked. One purpose of many words is still too long to ask."""
    assert copular_question(
        "The key to resolving conflict is to separate the people from the problem and to ask "
        "why before arguing about what."
    ) == ("What is the key to resolving conflict?", "To separate the people from the problem")
    assert (
        copular_question(
            "The key to resolving conflict is to separate the people who disagree from the "
            "problem that they share with everyone."
        )
        is None
    )


def test_a_source_and_a_named_subject_are_asked() -> None:
    assert origin_question('The word "gavel" comes from an old word for a mason\'s mallet.') == (
        'Where does the word "gavel" come from?',
        "An old word for a mason's mallet",
    )
    assert subject_question("The club secretary keeps the minutes of every meeting.") == (
        "What keeps the minutes of every meeting?",
        "The club secretary",
    )
    assert subject_question("Researchers distinguish two kinds of goals.") is None


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Clubs lose about 30 percent of new members in their first year.", "about 30 percent"),
        ("The board meets at least once a month to review the goals.", "at least once a month"),
        ("Most members give a prepared speech twice a year at the club.", "twice a year"),
        ("The term runs for one year, from July 1 to June 30.", "one year"),
    ],
)
def test_a_number_keeps_its_hedge_and_its_frequency(sentence: str, phrase: str) -> None:
    found = [sentence[a:b] for a, b in quantities(sentence)]
    assert phrase in found
    span = next(s for s in quantities(sentence) if sentence[s[0] : s[1]] == phrase)
    assert problems(sentence, span) == []


def test_a_hedge_is_no_blank_without_its_number() -> None:
    sentence = "Members talk about the agenda before every meeting of the club."
    start = sentence.index("about")
    assert problems(sentence, (start, start + len("about the agenda")))


def test_compound_sentences_give_each_claim_a_clause() -> None:
    assert clauses("Praise is public; correction is private.") == [
        "Praise is public.",
        "Correction is private.",
    ]
    assert clauses(
        "A chair who listens learns, names the problem, and helps the club through it."
    ) == ["A chair who listens learns, names the problem, and helps the club through it."]
    assert clauses("Goals; methods; priorities are set.") == ["Goals; methods; priorities are set."]
    assert main_clause("A story is the best opening, because people follow narratives.") == (
        "A story is the best opening."
    )


CHAPTER = """Running the Board

Loyalty grows when members feel valued. Volunteers leave because nobody thanks them.

The budget is not a wish list but a record of what the club will do. A board meeting lasts \
from one to two hours. Audiences remember a single vivid image.

Kotter found that most boards stall because they review too much and decide too little.
"""


def chapter_cards(tmp_path: Path) -> list[Card]:
    path = tmp_path / "board.txt"
    path.write_text(CHAPTER, encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Running the Board")


def test_question_cards_name_their_chapter_and_break_no_rule(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path)
    fronts = {c.front: c.back for c in cards}
    assert fronts["In “Running the Board”, when does loyalty grow?"] == "When members feel valued"
    assert (
        fronts["In “Running the Board”, why do volunteers leave?"] == "Because nobody thanks them"
    )
    assert (
        fronts["In “Running the Board”, what is the budget, if not a wish list?"]
        == "A record of what the club will do"
    )
    assert fronts["In “Running the Board”, how long does a board meeting last?"] == (
        "From one to two hours"
    )
    assert not [c for c in cards if card_problems(c)]
    assert not deck_problems(cards)


def test_a_reported_finding_is_asked_with_its_author(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path)
    assert any("according to Kotter" in c.front and c.back.startswith("Because") for c in cards), [
        c.front for c in cards
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Changes behavior patterns with elan.",
        "Gives direction to less well equipped coworkers.",
    ],
)
def test_a_verb_the_tagger_read_as_the_subject_makes_no_question(sentence: str) -> None:
    assert claim_question(sentence) is None
    assert object_question(sentence) is None


def test_a_plain_plural_subject_is_still_asked_about() -> None:
    assert claim_question("Audiences remember a single idea.") == (
        "What do audiences remember?",
        "A single idea",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Implicit in every good meeting is the habit of listening.",
        "Essential to lasting trust is the habit of candor.",
        "Here is the heart of the matter.",
    ],
)
def test_an_inverted_copula_whose_front_is_no_noun_phrase_makes_no_question(
    sentence: str,
) -> None:
    assert copular_question(sentence) is None


def test_a_noun_phrase_named_by_the_copula_is_still_asked_about() -> None:
    assert copular_question("The open question is the coach's working instrument.") == (
        "What is the coach's working instrument?",
        "The open question",
    )
