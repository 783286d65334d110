from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHAPTER_5, DECK_DIR, OVERVIEW
from leadership_cards.deck_source import (
    deck_from_paths,
    embedded_deck,
    embedded_deck_dir,
    load_manifest,
)
from leadership_cards.errors import SourceError
from leadership_cards.generate import generate


def test_the_shipped_deck_is_found_and_read() -> None:
    assert (embedded_deck_dir() / "deck.toml").is_file()
    deck = embedded_deck()
    assert (deck.name, deck.title, deck.publisher) == (
        "inner-leadership",
        "Inner Leadership",
        "Westside Toastmasters",
    )
    assert [len(c.files) for c in deck.chapters] == [1, 2, 1, 1]
    assert deck.chapters[2].title == "Chapter 5: Technique 2: Maintaining a Relationship Focus"


def test_a_folder_with_a_manifest_uses_it() -> None:
    deck = deck_from_paths([DECK_DIR], name="My Deck")
    assert deck.name == "my-deck"
    assert len(deck.chapters) == 4


def test_a_folder_without_a_manifest_makes_one_chapter_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "My Leadership Notes"
    folder.mkdir()
    (folder / "b-relationships.md").write_text(CHAPTER_5.read_text(encoding="utf-8"))
    (folder / "a-overview.txt").write_text(OVERVIEW.read_text(encoding="utf-8"))
    (folder / "notes.pdf").write_bytes(b"%PDF")
    deck = deck_from_paths([folder])
    assert deck.name == "my-leadership-notes"
    assert [c.title for c in deck.chapters] == [
        "A overview",
        "Chapter 5: Technique 2: Maintaining a Relationship Focus",
    ]
    assert {c.chapter for c in generate(deck)} == {c.title for c in deck.chapters}
    assert [str(s) for s in deck.skipped] == ["notes.pdf, which is not a PDF we can read"]


def test_single_file_deck_is_named_after_it(tmp_path: Path) -> None:
    path = tmp_path / "Relationship_Focus.txt"
    path.write_text(CHAPTER_5.read_text(encoding="utf-8"))
    deck = deck_from_paths([path])
    assert deck.name == "relationship_focus"
    assert generate(deck)


def test_path_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as error:
        deck_from_paths([tmp_path / "missing"])
    assert str(error.value) == f"{tmp_path / 'missing'} does not exist."
    with pytest.raises(SourceError) as error:
        deck_from_paths([tmp_path])
    assert str(error.value) == f"{tmp_path} holds no chapter files (.txt, .md, .html or .pdf)."


def test_a_file_that_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "thin.txt"
    path.write_text("Just A Heading\n\nok then.\n")
    with pytest.raises(SourceError) as error:
        generate(deck_from_paths([path]))
    assert str(error.value) == f"{path} yields no cards."


def test_manifest_errors(tmp_path: Path) -> None:
    (tmp_path / "deck.toml").write_text(
        'name = "x"\n[[chapters]]\ntitle = "One"\nfiles = ["gone.txt"]\n'
    )
    with pytest.raises(SourceError) as error:
        load_manifest(tmp_path)
    assert str(error.value) == f"{tmp_path / 'deck.toml'}: chapter file gone.txt does not exist."
    (tmp_path / "deck.toml").write_text("name = [")
    with pytest.raises(SourceError, match="is not a valid manifest"):
        load_manifest(tmp_path)


def test_a_single_chapter_file_deck_is_titled_by_its_chapter(tmp_path: Path) -> None:
    path = tmp_path / "05-technique-2-relationship-focus.txt"
    path.write_text(CHAPTER_5.read_text(encoding="utf-8"))
    deck = deck_from_paths([path])
    assert deck.title == "Chapter 5: Technique 2: Maintaining a Relationship Focus"
    # The deck is the chapter, so no card names it twice (nor garbles it).
    assert not [c.front for c in generate(deck) if "Chapter 5" in c.front]
    untitled = tmp_path / "my_notes-on-trust.txt"
    untitled.write_text(OVERVIEW.read_text(encoding="utf-8"))
    assert deck_from_paths([untitled]).title == "My notes on trust"
