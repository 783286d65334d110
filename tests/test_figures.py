"""Every figure and every maker of a named model a learner is asked for yields a cloze that blanks the whole figure: a time
with what it counts from, a rate, a date, a season, a point on a scale, a count of named
things; and a way of speaking that only looks like a figure yields none."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Card, Kind
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.quantities import timed
from leadership_cards.source import read_document


def chapter_cards(tmp_path: Path, body: str, title: str = "Club Roles") -> list[Card]:
    path = tmp_path / "chapter.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return generate_chapter(read_document(path), deck="roles", title=title)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            "The officer term runs for one year, from July 1 to June 30, and the district "
            "offers officer training twice a year.",
            "from July 1 to June 30",
        ),
        ("A club should start its officer nominations in the spring.", "in the spring"),
        (
            "The coach asks the person to rate, from one to ten, how likely they are to act.",
            "from one to ten",
        ),
        ("An answer below eight is a signal that the plan is too big.", "below eight"),
        (
            "The Toastmaster of the evening confirms every role-taker a day before, and "
            "announces a theme.",
            "a day before",
        ),
        (
            "Conversational speech runs at about 120 to 150 words per minute, and a nervous "
            "speaker often runs faster.",
            "about 120 to 150 words per minute",
        ),
        (
            "The club's goals are measured by a set of ten goals covering education awards.",
            "ten goals",
        ),
        (
            "Speakers who rehearse their first three sentences word for word start steadily.",
            "their first three sentences",
        ),
        ("Three habits separate sound decision making from hasty choice.", "three habits"),
        (
            "Eight out of ten employees who quit say they left a manager, not a company.",
            "eight out of ten",
        ),
        ("One in three followers never hears praise at work.", "one in three"),
        ("Nearly half of new managers fail within their first eighteen months.", "nearly half"),
        ("Two thirds of teams set goals they never review.", "two thirds"),
        ("The first club met in 1924 in a basement in Santa Ana.", "in 1924"),
        ("Teams with clear goals are twice as likely to finish on time.", "twice as likely"),
        ("Praise should outnumber criticism by about five to one.", "about five to one"),
        ("About half of all decisions in organizations fail through haste.", "about half"),
    ],
)
def test_a_figure_is_blanked_whole(tmp_path: Path, sentence: str, figure: str) -> None:
    cards = chapter_cards(tmp_path, sentence)
    figures = [c for c in cards if c.kind is Kind.STATISTIC]
    assert figure in [c.back for c in figures], [(c.front, c.back) for c in cards]
    card = next(c for c in figures if c.back == figure)
    assert card.front.startswith("In “Club Roles”, ")


def test_a_time_keeps_what_it_counts_from() -> None:
    sentence = "A speaker who runs more than thirty seconds past the red signal is over time."
    assert [sentence[a:b] for a, b in timed(sentence)] == [
        "more than thirty seconds past the red signal"
    ]
    sentence = "An audience decides within the first thirty seconds whether to listen."
    assert [sentence[a:b] for a, b in timed(sentence)] == ["within the first thirty seconds"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Three points can be emphasized here that will aid in understanding the method.",
        "Neither of these two definitions of leadership is discussed in classrooms.",
        "One member is asked to argue the other side before the plan is final.",
        "The four levels of delegation are: report back, recommend, act and inform, act alone.",
        "A day before the meeting the Toastmaster confirms every role.",
    ],
)
def test_a_way_of_speaking_is_no_figure(sentence: str) -> None:
    """A count of the text's own parts, a count pointed back to, "one" as a way of saying
    "a", a list's count after "the", and a time whose event follows ("a day before the
    meeting" is asked as the claim it is) are not figures to blank."""
    assert timed(sentence) == []


def test_a_share_that_counts_nothing_is_no_figure(tmp_path: Path) -> None:
    """ "Half the battle is showing up" and "one in a million" are ways of speaking: only a
    share of something ("half of ...", "one in three ...") is asked."""
    cards = chapter_cards(
        tmp_path,
        "Half the battle is showing up.\n\nA good mentor is one in a million.\n\n"
        "Members go from one to another by turns.",
    )
    assert not [c for c in cards if c.kind is Kind.STATISTIC]


def test_a_figure_and_the_maker_of_its_theory_are_asked_apart(tmp_path: Path) -> None:
    """ "Self-determination theory, developed by Deci and Ryan, holds that ... [three basic
    needs] ...": the figure's card leaves the makers to their own card, and both are kept
    (a front that gave the other's answer away would drop it)."""
    cards = chapter_cards(
        tmp_path,
        "Self-determination theory, developed by Edward Deci and Richard Ryan, holds that "
        "people are most motivated when three basic needs are met.",
    )
    asked = {c.front: c.back for c in cards}
    assert asked["In “Club Roles”, who developed self-determination theory?"] == (
        "Edward Deci and Richard Ryan"
    )
    front = (
        "In “Club Roles”, self-determination theory holds that people are most motivated "
        "when [...] are met."
    )
    assert asked[front] == "three basic needs"


@pytest.mark.parametrize(
    ("body", "front", "back"),
    [
        (
            "The best-known method for coaching is the GROW model, which John Whitmore made "
            "popular in the 1990s.",
            "In “Club Roles”, who made the GROW model popular?",
            "John Whitmore",
        ),
        (
            "Feedforward refers to suggestions for the future. Marshall Goldsmith coined the "
            "term for a habit of asking what to do next time.",
            "In “Club Roles”, who coined the term feedforward?",
            "Marshall Goldsmith",
        ),
        (
            "The premortem comes from the research psychologist Gary Klein, who found that "
            "imagining a failure helps.",
            "In “Club Roles”, where does the premortem come from?",
            "The research psychologist Gary Klein",
        ),
        (
            "The Center for Creative Leadership teaches a three-part shape called SBI.",
            "In “Club Roles”, who teaches SBI?",
            "The Center for Creative Leadership",
        ),
        (
            "Self-determination theory, developed by Edward Deci and Richard Ryan, holds that "
            "people need autonomy.",
            "In “Club Roles”, who developed self-determination theory?",
            "Edward Deci and Richard Ryan",
        ),
        (
            "The term servant leadership was coined by Robert Greenleaf in 1970.",
            "In “Club Roles”, who coined the term servant leadership?",
            "Robert Greenleaf",
        ),
        (
            "Psychological safety is a term coined by Amy Edmondson.",
            "In “Club Roles”, who coined the term psychological safety?",
            "Amy Edmondson",
        ),
        (
            "Transformational leadership, a term James MacGregor Burns introduced in 1978, "
            "raises followers' aims.",
            "In “Club Roles”, who introduced the term transformational leadership?",
            "James MacGregor Burns",
        ),
        (
            "Peter Drucker is often credited with the saying that culture eats strategy.",
            "In “Club Roles”, who is credited with the saying that culture eats strategy?",
            "Peter Drucker",
        ),
        (
            "Robert Greenleaf introduced the idea of the servant as leader in an essay.",
            "In “Club Roles”, who introduced the idea of the servant as leader?",
            "Robert Greenleaf",
        ),
        (
            "The GROW model was first made popular by John Whitmore, a racing driver.",
            "In “Club Roles”, who made the GROW model popular?",
            "John Whitmore",
        ),
    ],
)
def test_who_made_a_named_model_is_asked(tmp_path: Path, body: str, front: str, back: str) -> None:
    cards = chapter_cards(tmp_path, body)
    assert (front, back) in [(c.front, c.back) for c in cards if c.kind is Kind.CITATION]


def test_an_author_alone_or_a_term_with_no_referent_is_not_asked(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Excellent followers support their bosses (Kelley, 1992). Goldsmith coined the term "
        "in a later book. The idea comes from the old club handbook.\n\nIt was developed by "
        "Edward Deci. The plan was introduced by the board.",
    )
    assert not [c.front for c in cards if c.kind is Kind.CITATION]


def test_a_time_whose_sentence_ends_on_a_preposition_is_asked_with_when(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "An audience decides within the first thirty seconds whether a speaker is worth "
        "listening to.",
    )
    assert (
        "In “Club Roles”, when does an audience decide whether a speaker is worth listening to?",
        "Within the first thirty seconds",
    ) in [(c.front, c.back) for c in cards]


def test_a_figure_whose_frame_gives_it_away_is_asked_as_a_question(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "For a standard prepared speech of five to seven minutes, green shows at five "
        "minutes, yellow at six and red at seven.\n\n"
        "A speaker who runs more than thirty seconds past the red signal is over time.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.STATISTIC}
    assert asked["In “Club Roles”, how long is a standard prepared speech?"] == (
        "Five to seven minutes"
    )
    assert asked["In “Club Roles”, when is a speaker over time?"] == (
        "More than thirty seconds past the red signal"
    )


def test_a_unit_of_time_after_a_number_is_part_of_the_figure() -> None:
    """The tagger reads "hours" after "two" as a verb; it is the figure's unit. A verb that
    is no unit after a number ("two leave early") stays out of it."""
    sentence = "Most managers spend about two hours a day in meetings."
    assert [sentence[a:b] for a, b in timed(sentence)] == ["about two hours a day"]
    assert timed("Of the five volunteers, two leave early.") == []


def test_an_attribution_lowers_the_article_of_the_thing_made(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "The GROW model, which John Whitmore made popular in the 1990s, structures a coaching "
        "conversation in four stages.",
    )
    fronts = [c.front for c in cards if c.kind is Kind.CITATION]
    assert "In “Club Roles”, who made the GROW model popular?" in fronts


def test_a_figure_in_a_short_sentence_is_blanked(tmp_path: Path) -> None:
    """A number and its unit narrow the answer as a noun does not: "The ideal team has [five
    to seven members]" is a card on a frame too short for a noun's blank. A frame with one
    content word ("[Two weeks] passed") is still too short."""
    cards = chapter_cards(
        tmp_path,
        "The ideal team has five to seven members.\n\nAllow ten seconds of silence before you "
        "speak.\n\nTwo weeks passed.",
    )
    answers = [c.back for c in cards if c.kind is Kind.STATISTIC]
    assert answers == ["five to seven members", "ten seconds"]


def test_a_time_counted_in_a_few_units_is_one_figure() -> None:
    sentence = "A visible improvement within the first few months gives supporters evidence."
    assert [sentence[a:b] for a, b in timed(sentence)] == ["within the first few months"]
    assert timed("A few months later the club met again.") == []


def test_a_term_whose_maker_is_named_is_not_defined_by_its_maker(tmp_path: Path) -> None:
    """ "Psychological safety is a term coined by Amy Edmondson" says whose the word is, not
    what it means: no "what is psychological safety?" card answers "a term coined by ..."."""
    cards = chapter_cards(tmp_path, "Psychological safety is a term coined by Amy Edmondson.")
    assert not [c for c in cards if c.kind is Kind.DEFINITION]


def test_a_place_in_a_counted_whole_is_asked_with_the_whole_named(tmp_path: Path) -> None:
    """ "Lewin described change as a passage through three stages. First, unfreezing: ...
    Leaders tend to rush the first stage and skip the third." asks which stage leaders rush
    and which they skip; "the first time", in a passage that counts no times, is no card."""
    cards = chapter_cards(
        tmp_path,
        "Kurt Lewin described change as a passage through three stages. First, unfreezing: "
        "the group sees that it cannot go on. Second, changing: the group tries the new way. "
        "Third, refreezing: the new way is built into habits. Leaders tend to rush the first "
        "stage and skip the third, and both errors send the group back.\n\n"
        "Speakers remember the first time they spoke.",
    )
    asked = {c.front: c.back for c in cards if c.cloze is None}
    prefix = "In “Club Roles”, which of Lewin's stages do leaders "
    assert asked[prefix + "tend to rush?"] == "The first stage (unfreezing)"
    assert asked[prefix + "skip?"] == "The third stage (refreezing)"
    assert not any("time" in front for front in asked)
