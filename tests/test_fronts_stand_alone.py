"""Every front stands alone on a phone: it names its chapter or list, on chapters written
here."""

from __future__ import annotations

from pathlib import Path

from leadership_cards.cards import Card, Kind
from leadership_cards.generate import generate_chapter
from leadership_cards.source import read_document


def chapter_cards(tmp_path: Path, body: str, title: str = "Club Roles") -> list[Card]:
    path = tmp_path / "chapter.md"
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return generate_chapter(read_document(path), deck="roles", title=title)


def test_a_written_question_names_the_chapter_it_points_at(tmp_path: Path) -> None:
    body = (
        "The gavel opens every meeting of the club and closes it on time.\n\n"
        "Q: What is a gavel, according to these notes?\nA: The presiding officer's hammer\n"
    )
    written = [c for c in chapter_cards(tmp_path, body) if c.kind is Kind.QUESTION]
    assert [c.front for c in written] == ["What is a gavel, according to “Club Roles”?"]


def test_every_generated_question_names_its_chapter(tmp_path: Path) -> None:
    body = (
        "Table Topics is the impromptu speaking part of a club meeting. The timer keeps "
        "every speaker to the agreed time with green, amber and red lights."
    )
    questions = [c for c in chapter_cards(tmp_path, body) if c.cloze is None]
    assert questions, "the chapter should yield a question"
    assert all(c.front.startswith("In “Club Roles”, ") for c in questions), [
        c.front for c in questions
    ]


KEY_POINTS = """## Key points

1. Inner leaders inspire follower trust.
2. Inner leaders learn to listen.
3. A mentor who does everything becomes the bottleneck of the whole club.
4. Members are key to every club success.
"""


def test_a_question_about_the_chapters_own_topic_is_not_asked(tmp_path: Path) -> None:
    # "What do inner leaders inspire?" in "Inner Leadership" has as many answers as the
    # chapter has points.
    cards = chapter_cards(tmp_path, KEY_POINTS, title="Inner Leadership")
    fronts = [c.front for c in cards if c.cloze is None]
    assert not [f for f in fronts if "what do inner leaders" in f.lower()], fronts
    assert "In “Inner Leadership”, what does a mentor who does everything become?" in fronts


def test_a_blank_opening_a_short_predicate_is_not_asked(tmp_path: Path) -> None:
    # "[...] are key to every club success": many subjects fit; the chapter's name in front
    # of it is no cue.
    cards = chapter_cards(tmp_path, KEY_POINTS, title="Inner Leadership")
    assert not [
        c for c in cards if c.cloze and "{{c1::Members}} are key" in c.cloze.replace("m", "M", 0)
    ]
    assert not [c for c in cards if c.front.endswith("[...] are key to every club success.")]


def test_a_list_named_by_one_word_says_what_it_is_for(tmp_path: Path) -> None:
    body = (
        "Welcoming a new guest takes three steps:\n\n"
        "- Ask what changed since the last visit.\n"
        "- Invite the member to one named meeting.\n"
        "- Greet the member at the door that evening.\n"
    )
    fronts = [c.front for c in chapter_cards(tmp_path, body) if c.kind is Kind.ENUMERATION]
    assert fronts, "the list should be asked"
    assert all("the steps for welcoming a new guest" in f for f in fronts), fronts


def test_a_list_that_names_itself_keeps_its_name() -> None:
    from leadership_cards.generate.phrasing import counted_name

    name = counted_name("The four levels of delegation are:", 4)
    assert name is not None and name.plural == "levels of delegation"
    steps = counted_name("Follow these twelve steps in order:", 12)
    assert steps is not None and steps.plural == "steps"


def _blank(sentence: str, words: str) -> list[str]:
    from leadership_cards.generate.blanks import problems

    start = sentence.index(words)
    return problems(sentence, (start, start + len(words)))


def test_a_second_clause_naming_the_blanks_thing_gives_it_away() -> None:
    sentence = "Publish the agenda early; a late agenda is read as a late meeting."
    assert "the sentence gives the blank away" in _blank(sentence, "Publish the agenda")
    # With no second clause, a contrast inside one clause keeps its blank.
    kept = _blank("Speakers use their personal stories more than borrowed stories.", "personal")
    assert "the sentence gives the blank away" not in kept


def test_a_middle_item_of_a_list_is_no_blank() -> None:
    sentence = "Members bring the energy, time, patience, and ideas that every club needs to grow."
    assert "blank is one item of a list" in _blank(sentence, "patience")


def test_a_blank_before_a_bare_predicate_needs_a_fuller_frame() -> None:
    assert "frame too short for one answer" in _blank(
        "Mentors are key to every club success.", "Mentors"
    )
    # A rank after the verb admits one subject: "[...] is the prime duty of the chair".
    assert "frame too short for one answer" not in _blank(
        "Timekeeping is the prime duty of the chair.", "Timekeeping"
    )
