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


def _chapter_cards(tmp_path, text: str) -> list[Card]:
    from leadership_cards.deck_source import deck_from_paths
    from leadership_cards.generate import generate

    path = tmp_path / "officers.md"
    path.write_text(text, encoding="utf-8")
    return generate(deck_from_paths([path]))


def test_a_definition_asks_the_meaning_of_a_term_never_of_a_clause(tmp_path) -> None:
    cards = _chapter_cards(
        tmp_path,
        "# Running a Club\n\n"
        "Officers keep a club healthy when they plan their year together.\n\n"
        "- Succession planning: preparing the next officer before the current one leaves.\n"
        "- Share the work: an officer who does everything alone burns out by midyear.\n"
        "- Give it soon: feedback loses value with every day that passes.\n"
        "- Mediation works better: the leader meets both people together.\n\n"
        "Every role is a small leadership assignment with a clear job.\n",
    )
    defined = [c.front for c in cards if c.kind is Kind.DEFINITION]
    assert any("succession planning" in front for front in defined), defined
    for clause in ("share the work", "give it soon", "mediation works better", "every role"):
        assert not any(clause in front for front in defined), (clause, defined)


def test_a_definition_of_a_clause_is_refused() -> None:
    assert "definition of a clause, not a term" in problems(
        _card(front="In “C”, what does “share the work” mean?")
    )
    assert "definition of a clause, not a term" in problems(
        _card(front="In “C”, what is every meeting role?")
    )
    for term in ("word of the day", "call to action", "reflecting feelings", "a premortem"):
        assert problems(_card(front=f"In “C”, what is {term}?")) == [], term


def _key_point(cloze: str) -> Card:
    start, _, rest = cloze.partition("{{c1::")
    back, _, end = rest.partition("}}")
    return _card(
        kind=Kind.KEY_POINT,
        cloze=cloze,
        front=f"{start}[...]{end}",
        back=back,
        tags=("d", "chapter", "key_point"),
    )


def test_a_blank_never_takes_the_sentences_only_verb() -> None:
    lead = "A key point of “Meeting Roles”: "
    taken = _key_point(f"{lead}The {{{{c1::timer signals}}}} green at the minimum, red at the end.")
    assert "blank takes the sentence's verb" in problems(taken)
    kept = _key_point(f"{lead}The {{{{c1::ah-counter}}}} makes speakers aware of filler words.")
    assert problems(kept) == []


def test_a_definition_is_a_meaning_not_a_rank_or_an_owner() -> None:
    verdict = "a rank or an owner, not a meaning"
    assert verdict in problems(_card(front="What is silence?", back="The listener's other tool."))
    assert verdict in problems(
        _card(front="What is a story?", back="The strongest opening of all.")
    )
    for meaning in (
        "The choice of which word in a sentence to stress.",
        "The duty to answer for a result.",
        "The meeting's host: the member who introduces every speaker and keeps time.",
    ):
        assert problems(_card(front="What is emphasis?", back=meaning)) == [], meaning


def test_a_blank_the_sentence_spells_is_refused() -> None:
    lead = "A key point of “Leadership”: "
    spelled = _key_point(f"{lead}Inner leaders learn to both {{{{c1::trust}}}} and be trustworthy.")
    assert "the sentence gives the blank away" in problems(spelled)
    kept = _key_point(f"{lead}{{{{c1::Inspiration}}}}, not motivation, marks the inner leader.")
    assert problems(kept) == []


def test_a_definition_asked_by_its_description_is_not_judged_as_a_term() -> None:
    for front in (
        "In “C”, what is the term for how far you pursue your own concerns?",
        "In “C”, what is groupthink, as Janis described it?",
        "In “C”, what is often called the busiest officer?",
    ):
        assert problems(_card(front=front, back="Assertiveness")) == [], front


def test_a_prose_card_that_leans_on_the_sentence_before_is_refused() -> None:
    cloze = "In “Goals”, across {{c1::40 studies}}, people who made such plans did better."
    front, back = cloze_parts(cloze)
    card = replace(
        _card(kind=Kind.STATISTIC, front=front, back=back, cloze=cloze),
        tags=("d", "chapter", "statistic"),
    )
    assert "question leans on a sentence it does not show" in problems(card)
    whole = "In “Goals”, across {{c1::40 studies}}, people who made if-then plans did better."
    front, back = cloze_parts(whole)
    assert "question leans on a sentence it does not show" not in problems(
        replace(card, front=front, back=back, cloze=whole)
    )


def test_a_definition_whose_pronoun_stands_for_nothing_it_shows_is_refused() -> None:
    pointed = "answer points to what the card does not show"
    away = _card(front="What is grief?", back="The slow process people follow to accept it.")
    assert pointed in problems(away)
    for whole in (
        "Why they want it.",  # names nothing: anyone's motive
        "The slow process by which a person learns to accept a loss and live with it.",
        "The new routine is built into habits so that it holds when attention moves on.",
        "The willingness to trust another person because you expect them to act well.",
    ):
        assert pointed not in problems(_card(back=whole)), whole
