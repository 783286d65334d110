"""Whatever a member saves as Markdown, HTML or page text with hand-written cards in it, the
readers give good cards or one clean line naming the file."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import KEY_POINTS, assert_good_cards_or_a_clean_error

_REAL_LINES = [line for line in KEY_POINTS.read_text(encoding="utf-8").splitlines() if line]
_MARKS = st.sampled_from(
    [
        "",
        "# ",
        "## ",
        "- ",
        "  - ",
        "    - ",
        "* ",
        "1. ",
        "2) ",
        "Q: ",
        "A: ",
        "C: ",
        "A:",
        "```",
        "---",
        "**",
        "<b>",
        "</b>",
        "<li>",
        "<ul>",
        "</ul>",
        "<p>",
        "<h2>",
        "<script>",
        "</script>",
        "<dl><dt>",
        "<dd>",
        "[",
        "]",
        "Term: ",
        "\t",
    ]
)
_LINE = st.one_of(
    st.sampled_from(_REAL_LINES),
    st.text(max_size=60),
    st.builds(lambda a, b, c: a + b + c, _MARKS, st.sampled_from(_REAL_LINES), _MARKS),
    st.builds(lambda a, b: a + b, _MARKS, st.text(max_size=30)),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=20).map("\n".join), st.sampled_from([".txt", ".md", ".html"]))
# A title the chapter's name cannot frame a card with: its one card is dropped once named.
@example(
    "TABLE OF CONTENTS0\n  1. Leaders who work in the middle ranges of the corporation use unique skills.",
    ".txt",
)
# A heading that spells out a definition's answer: the question naming it would show it.
@example(
    "#   2. Inner leadership has a dual definition: part structural, part personal.\n"
    "  2. Inner leadership has a dual definition: part structural, part personal.",
    ".md",
)
def test_any_chapter_in_any_format_gives_good_cards_or_a_clean_error(
    text: str, suffix: str
) -> None:
    assert_good_cards_or_a_clean_error(text, suffix)
