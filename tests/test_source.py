from pathlib import Path

import pytest

from conftest import CHAPTER_5, INNER_TOP, KEY_POINTS, OVERVIEW, SERVANTHOOD
from leadership_cards.errors import SourceError
from leadership_cards.source import (
    Heading,
    ListRole,
    Paragraph,
    parse_document,
    read_document,
)

FURNITURE = ("Table of Contents", "Previous Section", "Westside Toastmasters", "on Meetup")


@pytest.mark.parametrize("path", [OVERVIEW, INNER_TOP, KEY_POINTS, CHAPTER_5, SERVANTHOOD])
def test_page_furniture_is_stripped(path: Path) -> None:
    doc = read_document(path)
    texts = [b.text for b in doc.blocks if isinstance(b, Heading | Paragraph)]
    texts += [item.text for lst in doc.lists for item in lst.items]
    assert texts
    assert not [t for t in texts if any(f in t for f in FURNITURE)]


def test_chapter_and_technique_numbers_come_from_the_title() -> None:
    title = read_document(CHAPTER_5).title
    assert title is not None
    assert title.text == "Chapter 5: Technique 2: Maintaining a Relationship Focus"
    assert (title.chapter_number, title.technique_number) == (5, 2)
    assert title.subject == "Maintaining a Relationship Focus"


def test_a_page_that_opens_with_prose_has_no_title() -> None:
    assert read_document(OVERVIEW).title is None
    assert len(read_document(OVERVIEW).paragraphs) == 8


def test_headings_are_short_unpunctuated_lines() -> None:
    headings = [h.text for h in read_document(INNER_TOP).headings]
    assert "Inner Leaders Use Personal More Than Authority Power" in headings
    assert "Differentiating Inner Leadership from Top Leadership" in headings
    assert [h.text for h in read_document(SERVANTHOOD).headings] == ["Service Techniques"]


def test_key_points_and_discussion_questions_are_told_apart() -> None:
    lists = read_document(KEY_POINTS).lists
    assert [(lst.role, len(lst.items)) for lst in lists] == [
        (ListRole.KEY_POINTS, 15),
        (ListRole.QUESTIONS, 7),
    ]
    assert lists[1].items[0].text.startswith("What are the essential components")


def test_a_list_under_a_heading_is_named_by_it() -> None:
    (techniques,) = read_document(SERVANTHOOD).lists
    assert techniques.role is ListRole.ITEMS
    assert techniques.label == "Service Techniques"
    assert techniques.item_noun == "technique"
    assert [i.number for i in techniques.items] == list(range(1, 12))


def test_markup_is_plain_text() -> None:
    doc = parse_document("<script>alert('x')</script> &amp; Tom & Jerry <b>bold</b>.\n", "m.txt")
    assert doc.paragraphs[0].text == "<script>alert('x')</script> &amp; Tom & Jerry <b>bold</b>."


def test_lists_without_blank_lines_and_windows_line_ends() -> None:
    doc = parse_document("Intro line one.\r\n  1. First item.\r\n  2. Second item.\r\n", "w.txt")
    assert [(i.number, i.text) for i in doc.lists[0].items] == [
        (1, "First item."),
        (2, "Second item."),
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "{p} does not exist."),
        (lambda p: (p.mkdir(), p)[1], "{p} is a folder, not a chapter file."),
        (lambda p: (p.write_text(""), p)[1], "{p} is empty."),
        (lambda p: (p.write_text("  \n\n "), p)[1], "{p} is empty."),
        (
            lambda p: (p.write_bytes(b"PK\x03\x04\x00\x00binary"), p)[1],
            "{p} is a binary file, not text.",
        ),
        (lambda p: (p.write_bytes(b"caf\xe9 au lait"), p)[1], "{p} is not UTF-8 text."),
        (
            lambda p: (p.write_text("Westside Toastmasters on Meetup\n"), p)[1],
            "{p} has no chapter text to make cards from.",
        ),
    ],
)
def test_bad_input_is_one_sentence_naming_the_file(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path / "chapter.txt")
    with pytest.raises(SourceError) as error:
        read_document(path)
    assert str(error.value) == message.format(p=path)


ISSUES_PAGE = """Table of Contents, Inner Leadership Resources Page

DISCUSSION ISSUES AND QUESTIONS

Issues

  1. Inner leaders work in relationships built around some common interest directed by the leader.

  2. The relationship is the primary environment within which inner leadership takes place.

Questions

  1. How do you build trust with a new coworker?

  2. Describe a relationship at work that changed how you lead. What made it work?

Westside Toastmasters on Meetup
"""


def test_a_page_of_issues_and_questions() -> None:
    """The site's "DISCUSSION ISSUES AND QUESTIONS" pages: the issues are the chapter's key
    points, and the section heading is not mistaken for the chapter's title."""
    from leadership_cards.source import ListRole, parse_document

    doc = parse_document(ISSUES_PAGE, "issues.txt")
    assert doc.title is None
    roles = [block.role for block in doc.lists]
    assert roles == [ListRole.KEY_POINTS, ListRole.QUESTIONS]
    assert [len(block.items) for block in doc.lists] == [2, 2]
