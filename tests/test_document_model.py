"""The document model every reader fills: bulleted lists, list titles, marked terms,
glossary entries and hand-written cards, the same from page text and Markdown."""

from pathlib import Path

import pytest

from leadership_cards.cards import Kind
from leadership_cards.errors import SourceError
from leadership_cards.generate import generate_chapter
from leadership_cards.source import ListRole, parse_document, read_document

BULLETED_KEY_POINTS = """Meeting Roles

Key Points

- The Timer keeps every speech within its time, not the speaker's own sense of it.
- The Grammarian listens for the word of the day more than for mistakes.
* The General Evaluator evaluates the meeting as a whole, not just the speeches.
"""


def test_bullets_under_a_key_points_heading_are_key_points() -> None:
    doc = parse_document(BULLETED_KEY_POINTS, "roles.txt")
    (points,) = doc.lists
    assert points.role is ListRole.KEY_POINTS
    assert not points.ordered
    assert points.title == "Key Points"
    assert [item.number for item in points.items] == [1, 2, 3]
    # Bullets reach the extractors exactly as numbered key points do.
    numbered = BULLETED_KEY_POINTS
    for n, bullet in enumerate(("- The Timer", "- The Grammarian", "* The General"), 1):
        numbered = numbered.replace(bullet, f"{n}. {bullet[2:]}")
    as_numbers = parse_document(numbered, "roles.txt")
    assert as_numbers.lists[0].ordered

    def seen(cards):
        return [(c.kind, c.front, c.back, c.source.position) for c in cards]

    cards = generate_chapter(doc)
    assert seen(cards) == seen(generate_chapter(as_numbers))
    assert {c.source.position for c in cards if c.kind is Kind.KEY_POINT} >= {
        "key point 2",
        "key point 3",
    }


def test_a_lead_in_sentence_titles_the_list_after_it() -> None:
    doc = parse_document(
        "A club meeting has three evaluators who share the work:\n"
        "1. The speech evaluator\n2. The General Evaluator\n3. The Grammarian\n",
        "evaluators.txt",
    )
    (roles,) = doc.lists
    assert roles.title == "A club meeting has three evaluators who share the work"
    assert [item.text for item in roles.items][0] == "The speech evaluator"


def test_glossary_entries_carry_their_term(tmp_path: Path) -> None:
    path = tmp_path / "terms.md"
    path.write_text(
        "# Club Terms\n\n## Glossary\n\n"
        "- **Table Topics**: impromptu speaking on a subject given at the meeting\n"
        "- Ah-Counter: the member who notes filler words\n"
    )
    (glossary,) = read_document(path).lists
    assert glossary.role is ListRole.GLOSSARY
    assert [(i.term, i.meaning) for i in glossary.items] == [
        ("Table Topics", "impromptu speaking on a subject given at the meeting"),
        ("Ah-Counter", "the member who notes filler words"),
    ]


def test_bold_and_emphasis_are_term_markers(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes\n\n**Active listening** is hearing *what is meant*, not what is said.\n"
    )
    (paragraph,) = read_document(path).paragraphs
    assert paragraph.text == "Active listening is hearing what is meant, not what is said."
    assert paragraph.terms == ("Active listening", "what is meant")


def test_a_list_inside_an_item_is_a_list_titled_by_that_item(tmp_path: Path) -> None:
    path = tmp_path / "nested.md"
    path.write_text("# Roles\n\n- Functionaries:\n  - Timer\n  - Grammarian\n- Speakers\n")
    outer, inner = read_document(path).lists
    assert [i.text for i in outer.items] == ["Functionaries:", "Speakers"]
    assert inner.title == "Functionaries"
    assert [i.text for i in inner.items] == ["Timer", "Grammarian"]


HAND_WRITTEN = """Evaluation

Q: What does the General Evaluator evaluate?
A: The meeting as a whole.

C: The [Timer] shows the [green, yellow and red] lights.

Q: Which lights
does the Timer show?

A:

- green
- yellow
- red

A good evaluation is specific, not vague, since the speaker must know what to change.
"""


def test_hand_written_cards_are_read_and_kept_out_of_the_text() -> None:
    doc = parse_document(HAND_WRITTEN, "evaluation.txt")
    assert [(c.question, c.answer, c.cloze) for c in doc.written] == [
        ("What does the General Evaluator evaluate?", "The meeting as a whole.", ""),
        ("", "", "The [Timer] shows the [green, yellow and red] lights."),
        ("Which lights does the Timer show?", "green; yellow; red", ""),
    ]
    assert [p.text for p in doc.paragraphs] == [
        "A good evaluation is specific, not vague, since the speaker must know what to change."
    ]
    assert not doc.lists


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q: A question without its answer?\n\nMore prose.\n\n## Next\n", "has a Q: but no A:"),
        ("C: A cloze without brackets.\n", "(C:) has no [bracketed] part to ask"),
    ],
)
def test_a_broken_hand_written_card_is_one_line(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=r"^cards\.txt: hand-written card 1 "):
        parse_document(text + "\n- an item\n", "cards.txt")
    with pytest.raises(SourceError) as error:
        parse_document(text + "\n- an item\n", "cards.txt")
    assert message in str(error.value)


def test_indented_bullets_in_page_text_are_a_list_inside_an_item() -> None:
    doc = parse_document(
        "Trust\n\n"
        "- Trust is built in drops and lost in buckets.\n"
        "- Repairing broken trust takes three moves:\n"
        "  - name what happened;\n"
        "  - own your part;\n"
        "  - say what you will do differently.\n"
        "- Give credit in public.\n",
        "trust.txt",
    )
    outer, inner = doc.lists
    assert len(outer.items) == 3
    assert inner.title == "Repairing broken trust takes three moves"
    assert [i.text for i in inner.items][0] == "name what happened;"


def test_a_paragraph_of_term_lines_is_a_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(
        "# Speech Craft\n\n## Structure\n\n"
        "Opening: the first thirty seconds of a speech.\n"
        "Hook: a question or story that makes the audience want the rest.\n"
    )
    (structure,) = read_document(path).lists
    assert [(i.term, i.meaning) for i in structure.items] == [
        ("Opening", "the first thirty seconds of a speech."),
        ("Hook", "a question or story that makes the audience want the rest."),
    ]


def test_notes_titled_only_in_their_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "trust.md"
    path.write_text(
        '---\ntitle: "Notes on Trust"\ntags: [trust]\n---\n\n'
        "Trust is built in drops and lost in buckets, not in grand gestures.\n"
    )
    doc = read_document(path)
    assert doc.title is not None and doc.title.text == "Notes on Trust"
    assert [p.text for p in doc.paragraphs] == [
        "Trust is built in drops and lost in buckets, not in grand gestures."
    ]
