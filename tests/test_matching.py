"""Pairing regenerated cards with the stored cards they replace (`matching.match`)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_cards.cards import Card
from leadership_cards.deck_source import embedded_deck
from leadership_cards.generate import generate
from leadership_cards.matching import (
    ELSEWHERE_THRESHOLD,
    SAME_SOURCE_THRESHOLD,
    STATEMENT_KINDS,
    Fingerprint,
    likeness,
    match,
)


@pytest.fixture(scope="module")
def deck() -> list[Card]:
    return generate(embedded_deck())


def fp(
    id: str, front: str, back: str, kind: str = "key_point", item: str = "", passage: str = ""
) -> Fingerprint:
    return Fingerprint(id, kind, item or f"item-{id}", front, back, passage)


def stored(card: Card) -> Fingerprint:
    return Fingerprint.stored(
        card.deck, card.id, str(card.kind), card.item, card.front, card.back, card.source.passage
    )


def pairing(pairs) -> dict[str, str]:
    return {pair.new: pair.old for pair in pairs}


def test_unchanged_cards_pair_with_themselves(deck: list[Card]) -> None:
    pairs = match([stored(c) for c in deck], [Fingerprint.of(c) for c in deck])
    assert pairing(pairs) == {c.id: c.id for c in deck}
    assert all(pair.exact for pair in pairs)


def test_a_reworded_answer_keeps_its_card() -> None:
    old = [fp("a", "The evaluator speaks to help the speaker [...].", "grow")]
    new = [fp("b", "The evaluator speaks to help the speaker [...].", "grow and improve", item="")]
    new = [replace(new[0], item=old[0].item)]
    (pair,) = match(old, new)
    assert (pair.new, pair.old, pair.exact) == ("b", "a", False)


def test_cloze_siblings_of_one_sentence_each_find_their_own() -> None:
    sentence = "One survey showed that {} of men and {} of women feel heard."
    old = [
        fp("men", sentence.format("[...]", "59 percent"), "70 percent", "statistic", "p4"),
        fp("women", sentence.format("70 percent", "[...]"), "59 percent", "statistic", "p4"),
    ]
    # The member rewords the sentence; both deletions come back.
    reworded = "A survey found that {} of men and {} of women feel heard at work."
    new = [
        fp("w2", reworded.format("70 percent", "[...]"), "59 percent", "statistic", "p4"),
        fp("m2", reworded.format("[...]", "59 percent"), "70 percent", "statistic", "p4"),
    ]
    assert pairing(match(old, new)) == {"m2": "men", "w2": "women"}


def test_a_numbered_question_does_not_inherit_a_removed_siblings_history() -> None:
    # Technique 5 is gone and technique 9 is new: their questions differ by one word, their
    # answers entirely. Neither is a rewording of the other.
    old = [fp("t5", "What is service technique 5 of 11?", "Learning to be teachers", "technique")]
    new = [
        fp(
            "t9",
            "What is service technique 9 of 11?",
            "Learning to be of service to society",
            "technique",
        )
    ]
    assert match(old, new) == []


def test_a_renumbered_key_point_is_found_by_its_passage() -> None:
    point = "Inner leaders use their personal power more than authority power."
    old = [
        fp(
            "a",
            "Inner leaders use their [...] more than authority power.",
            "personal power",
            item="kp-12",
            passage=point,
        )
    ]
    # A point was inserted above, so this one is now number 13, and a newer generator blanks
    # another part of it: alike enough for its own passage, not for anywhere in the deck.
    new = [
        fp(
            "n",
            "Leaders share a [...] with every follower.",
            "vision",
            item="kp-12",
            passage="Leaders share a vision with every follower.",
        ),
        fp(
            "b",
            "Inner leaders use their personal power more than [...].",
            "authority power",
            item="kp-13",
            passage=point,
        ),
    ]
    assert SAME_SOURCE_THRESHOLD <= likeness(old[0], new[1]) < ELSEWHERE_THRESHOLD
    assert pairing(match(old, new)) == {"b": "a"}


def test_a_claim_asked_as_a_definition_carries_on() -> None:
    old = [fp("a", "Inner leadership is a [...].", "people-oriented task", "claim", "p4")]
    new = [
        fp("d", "What is inner leadership?", "A people-oriented task.", "definition", "p4"),
        fp("o", "What is inner leadership?", "A people-oriented task.", "definition", "p9"),
    ]
    assert pairing(match(old, new)) == {"d": "a"}  # from its own paragraph only


def test_a_same_kind_rewording_wins_over_another_kind() -> None:
    old = [fp("a", "Inner leadership is a [...].", "people-oriented task", "claim", "p4")]
    new = [
        fp("d", "What is inner leadership?", "A people-oriented task.", "definition", "p4"),
        fp("c", "Inner leadership is a [...] task.", "people-oriented", "claim", "p4"),
    ]
    assert pairing(match(old, new)) == {"c": "a"}


def test_numbered_and_discussion_cards_never_cross_kinds() -> None:
    old = [fp("a", "What is service technique 5 of 11?", "Learning to be teachers", "technique")]
    new = [fp("b", "What is service technique 5 of 11?", "Learning to be teachers", "claim")]
    new = [replace(new[0], item=old[0].item)]
    assert match(old, new) == []
    old = [fp("q", "How would you apply this at work?", "Chapter 1", "discussion", "q1")]
    new = [fp("r", "How would you apply this at work?", "Chapter 1", "claim", "q1")]
    assert match(old, new) == []


def test_a_stored_card_that_carried_on_another_is_still_found_by_its_own_text() -> None:
    # Stored under the id it inherited; generated again unchanged, its new id is the hash of
    # its text, which is the stored card's alias.
    card = Fingerprint.stored("deck", "inherited", "key_point", "kp-1", "A [...] question.", "b")
    again = Fingerprint("0" * 12, "key_point", "kp-1", "A [...] question.", "b")
    again = replace(again, id=card.aliases[0])
    (pair,) = match([card], [again])
    assert pair.old == "inherited" and pair.exact


def test_a_one_word_change_anywhere_in_the_shipped_deck_keeps_its_card(deck: list[Card]) -> None:
    rng = random.Random(7)
    old = [stored(c) for c in deck]
    new = []
    changed = {}
    for card in deck:
        words = card.back.split()
        i = rng.randrange(len(words))
        words[i] = "remarkably" if words[i] != "remarkably" else "notably"
        fresh = Fingerprint(
            "new-" + card.id,
            str(card.kind),
            card.item,
            card.front,
            " ".join(words),
            card.source.passage,
        )
        new.append(fresh)
        changed[fresh.id] = card.id
    assert pairing(match(old, new)) == changed


# -- properties ---------------------------------------------------------------------------

WORDS = ["lead", "serve", "trust", "value", "vision", "team", "goal", "power", "inner", "care"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
fingerprints = st.builds(
    Fingerprint,
    id=st.sampled_from([f"{n:02d}" for n in range(30)]),
    kind=st.sampled_from(["key_point", "claim"]),
    item=st.sampled_from(["p1", "p2", "p3"]),
    front=texts,
    back=texts,
    passage=st.sampled_from(["", "inner leaders serve", "trust is a value"]),
)
decks = st.lists(fingerprints, max_size=12, unique_by=lambda card: card.id)


@settings(max_examples=300, deadline=None)
@given(old=decks, new=decks, seed=st.integers(0, 1000))
def test_pairing_is_one_to_one_deterministic_and_exact_ids_win(
    old: list[Fingerprint], new: list[Fingerprint], seed: int
) -> None:
    pairs = match(old, new)
    olds = [pair.old for pair in pairs]
    news = [pair.new for pair in pairs]
    assert len(set(olds)) == len(olds) and len(set(news)) == len(news)
    old_by_id = {card.id: card for card in old}
    new_by_id = {card.id: card for card in new}
    assert set(olds) <= old_by_id.keys() and set(news) <= new_by_id.keys()
    for pair in pairs:
        a, b = old_by_id[pair.old], new_by_id[pair.new]
        if not pair.exact and a.kind != b.kind:
            # Across kinds only between statements, and only from the same source.
            assert {a.kind, b.kind} <= STATEMENT_KINDS
            assert a.item == b.item or (a.passage and a.passage == b.passage)
    shared = old_by_id.keys() & new_by_id.keys()
    assert {pair.new for pair in pairs if pair.new == pair.old} == shared
    # The same cards in another order pair the same way.
    rng = random.Random(seed)
    assert match(rng.sample(old, len(old)), rng.sample(new, len(new))) == pairs


@settings(max_examples=200, deadline=None)
@given(old=decks, new=decks)
def test_similar_pairs_are_alike_enough_and_no_alike_pair_is_left_over(
    old: list[Fingerprint], new: list[Fingerprint]
) -> None:
    pairs = match(old, new)
    old_by_id = {card.id: card for card in old}
    new_by_id = {card.id: card for card in new}
    unpaired_old = old_by_id.keys() - {pair.old for pair in pairs}
    unpaired_new = new_by_id.keys() - {pair.new for pair in pairs}
    for pair in pairs:
        a, b = old_by_id[pair.old], new_by_id[pair.new]
        if not pair.exact and a.kind == b.kind:
            assert likeness(a, b) >= SAME_SOURCE_THRESHOLD
            if a.item != b.item and not (a.passage and b.passage):
                assert likeness(a, b) >= ELSEWHERE_THRESHOLD
    # Two cards left over are never alike enough to pair from anywhere in the deck.
    for old_id in unpaired_old:
        for new_id in unpaired_new:
            a, b = old_by_id[old_id], new_by_id[new_id]
            if a.kind == b.kind:
                assert likeness(a, b) < ELSEWHERE_THRESHOLD


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_one_word_changes_across_the_shipped_deck_keep_every_card(data, deck) -> None:
    """Change one word of the question or the answer of any cards at once, as a member's
    edit or a newer generator would: each changed card pairs with its original."""
    old = [stored(c) for c in deck]
    chosen = data.draw(st.sets(st.integers(0, len(deck) - 1), min_size=1, max_size=len(deck)))
    new, expected = [], {}
    for index, card in enumerate(deck):
        fresh = Fingerprint.of(card)
        if index in chosen:
            side = data.draw(st.sampled_from(["front", "back"]))
            words = getattr(card, side).split()
            at = data.draw(st.integers(0, len(words) - 1))
            words[at] = data.draw(st.sampled_from(["notably", "Trust", "team", "several"]))
            fresh = replace(fresh, id=f"new-{card.id}", **{side: " ".join(words)})
        new.append(fresh)
        expected[fresh.id] = card.id
    assert pairing(match(old, new)) == expected


def test_a_count_card_reworded_carries_on_its_list_count() -> None:
    kind = "technique_count"
    old = fp("a" * 12, "How many roles are there?", "Five", kind, item="roles-1-5")
    new = fp("b" * 12, "How many meeting roles does “Club” list?", "Five roles", kind, "roles-1-5")
    assert [(p.new, p.old) for p in match([old], [new])] == [("b" * 12, "a" * 12)]
    # Another list's count is another card.
    other = fp("c" * 12, "How many officers does “Club” list?", "Seven officers", kind, "off-1-7")
    assert match([old], [other]) == []
