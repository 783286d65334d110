"""Whatever a user feeds in, the generator gives good cards or one clean error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import (
    INNER_TOP,
    KEY_POINTS,
    SERVANTHOOD,
    assert_good_cards_or_a_clean_error,
    statement,
)
from leadership_cards.cards import Kind
from leadership_cards.deck_source import deck_from_paths
from leadership_cards.generate import generate

_REAL_LINES = [
    line
    for path in (INNER_TOP, KEY_POINTS, SERVANTHOOD)
    for line in path.read_text(encoding="utf-8").splitlines()
]
_SHAPES = st.sampled_from(
    [
        "",
        "  1. ",
        "  2. ",
        "Chapter 3: Technique 1: ",
        "First, ",
        "Second, ",
        "Third, ",
        "For current purposes, x is ",
        "A definition of ",
        "{{c1::",
        "}}",
        "<script>",
        "&amp;",
        "(Smith, 1999)",
        "70 percent ",
        ", not ",
        "?",
    ]
)
_LINE = st.one_of(
    st.sampled_from(_REAL_LINES),
    st.text(max_size=80),
    st.builds(lambda a, b: a + b, _SHAPES, st.text(max_size=40)),
    st.lists(st.one_of(_SHAPES, st.sampled_from(_REAL_LINES)), max_size=4).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=25).map("\n".join))
def test_any_text_gives_good_cards_or_a_clean_error(text: str) -> None:
    assert_good_cards_or_a_clean_error(text, ".txt")


def test_markup_stays_text_in_cards(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        "  1. Inner leaders use <b>personal</b> power, not authority & rank.\n"
        "  2. A definition of <script>alert(1)</script> is any act &amp; attitude.\n",
        encoding="utf-8",
    )
    cards = generate(deck_from_paths([path]))
    texts = " ".join(c.front + " " + c.back for c in cards)
    assert "<script>alert(1)</script>" in texts
    source = path.read_text(encoding="utf-8")
    for card in cards:
        if card.cloze:
            assert statement(card.cloze).replace("{{c1::", "").replace("}}", "") in source
    point = next(c for c in cards if c.kind is Kind.KEY_POINT)
    assert (
        statement(point.cloze)
        == "Inner leaders use {{c1::<b>personal</b> power}}, not authority & rank."
    )
