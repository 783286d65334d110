"""Which answers an import adds: those the log does not already hold, by moment and rating."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leadership_cards.anki_import.importer import SAME_ANSWER_MS, new_answers
from leadership_cards.anki_import.notes import AnkiAnswer

moments = st.integers(min_value=1_700_000_000_000, max_value=1_700_000_000_000 + 10**9)
answers = st.lists(
    st.builds(AnkiAnswer, moments, st.integers(1, 4), st.integers(0, 60_000)),
    unique_by=lambda a: a.moment_ms,
    max_size=30,
)


@given(answers, answers)
def test_every_answer_is_new_or_known_and_a_second_import_adds_nothing(incoming, logged):
    log = sorted((a.moment_ms, a.rating) for a in logged)
    new, known = new_answers(incoming, log)
    assert len(new) + known == len(incoming)
    assert known <= len(log)
    merged = sorted([*log, *((a.moment_ms, a.rating) for a in new)])
    assert new_answers(incoming, merged) == ([], len(incoming))


def test_an_answer_nudged_by_the_export_is_the_same_answer():
    # Our export writes two answers given in the same millisecond a millisecond apart.
    logged = [(1_000_000, 3), (1_000_000, 3)]
    incoming = [AnkiAnswer(1_000_000, 3, 0), AnkiAnswer(1_000_001, 3, 0)]
    assert new_answers(incoming, logged) == ([], 2)


def test_another_rating_or_a_later_moment_is_another_answer():
    logged = [(1_000_000, 3)]
    assert new_answers([AnkiAnswer(1_000_000, 1, 0)], logged)[1] == 0
    later = AnkiAnswer(1_000_000 + SAME_ANSWER_MS + 1, 3, 0)
    assert new_answers([later], logged) == ([later], 0)
    earlier = AnkiAnswer(999_999, 3, 0)  # the export only ever nudges forward
    assert new_answers([earlier], logged) == ([earlier], 0)
