"""One item's alternative cards are made lazily: deduplication keeps the first it admits and
never makes the rest, and a named cloze's blank is judged in its sentence as written."""

from __future__ import annotations

from collections.abc import Iterator

from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.generate import _Seen, named_in_place
from leadership_cards.generate.alternatives import Alternatives
from leadership_cards.generate.quality import problems


def _key_point(cloze: str, item: str = "c/f.txt#key-point-1") -> Card:
    front, _, rest = cloze.partition("{{c1::")
    answer, _, after = rest.partition("}}")
    return Card(
        deck="d",
        chapter="C",
        kind=Kind.KEY_POINT,
        front=f"{front}[...]{after}",
        back=answer,
        source=SourceRef("f.txt", item.rpartition("#")[2].replace("-", " "), cloze),
        item=item,
        cloze=cloze,
        tags=("d", "c", "key_point"),
    )


_WAYS = [
    "Trust grows when words and {{c1::actions}} match over time.",
    "Trust grows when {{c1::words and actions}} match over time.",
    "{{c1::Trust}} grows when words and actions match over time.",
]


def _counted(made: list[Card], clozes: list[str], item: str = "c/f.txt#key-point-1"):
    def ways() -> Iterator[Card]:
        for cloze in clozes:
            card = _key_point(cloze, item)
            made.append(card)
            yield card

    return Alternatives(ways())


def test_alternatives_are_made_once_however_often_they_are_walked() -> None:
    made: list[Card] = []
    group = _counted(made, _WAYS)
    assert group.first(lambda card: card.back == "words and actions") is not None
    assert len(made) == 2  # the third was not needed
    assert [card.back for card in group] == ["actions", "words and actions", "Trust"]
    assert [card.back for card in group] == ["actions", "words and actions", "Trust"]
    assert len(made) == 3


def test_the_first_admitted_alternative_is_kept_and_the_rest_never_made() -> None:
    assert problems(_key_point(_WAYS[0])) == []
    made: list[Card] = []
    kept = list(_Seen().admit([_counted(made, _WAYS)]))
    assert [card.back for card in kept] == ["actions"]
    assert len(made) == 1


def test_an_alternative_that_repeats_a_card_gives_way_to_the_next() -> None:
    seen = _Seen()
    earlier = _key_point(_WAYS[0], "c/f.txt#key-point-9")
    assert [card.id for card in seen.admit([earlier])] == [earlier.id]
    made: list[Card] = []
    kept = list(seen.admit([_counted(made, _WAYS)]))
    assert [card.back for card in kept] == ["words and actions"]
    assert len(made) == 2


def test_no_alternative_is_made_once_its_item_has_a_card() -> None:
    seen = _Seen()
    list(seen.admit([_key_point(_WAYS[0])]))
    made: list[Card] = []
    assert list(seen.admit([_counted(made, _WAYS[1:])])) == []
    assert len(made) == 1  # the first shows the item is taken


def test_a_named_cloze_is_judged_as_its_sentence_reads_in_the_source() -> None:
    card = _key_point(_WAYS[0])
    (named,) = named_in_place([card], "Building Trust", [])
    assert named.cloze.startswith("In “Building Trust”, trust grows")
    assert problems(named) == problems(card) == []


def test_a_guard_is_run_only_for_an_alternative_that_repeats_nothing_and_once() -> None:
    runs: list[str] = []

    def guard(back: str, verdict: bool):
        def run() -> bool:
            runs.append(back)
            return verdict

        return run

    seen = _Seen()
    earlier = _key_point(_WAYS[0], "c/f.txt#key-point-9")
    assert [card.id for card in seen.admit([earlier])] == [earlier.id]
    cards = [_key_point(cloze) for cloze in _WAYS]
    group = Alternatives(
        [(cards[0], guard("actions", True)), (cards[1], guard("words", False)), cards[2]]
    )
    kept = list(seen.admit([group]))
    # The first repeats the earlier card: its guard is never run. The second's guard fails.
    assert [card.back for card in kept] == ["Trust"]
    assert runs == ["words"]
    assert [card.back for card in group] == ["actions", "Trust"]
    assert runs == ["words", "actions"]
