"""Regenerating after small edits of the source must not reset any card's progress."""

from __future__ import annotations

import re
from pathlib import Path

from leadership_cards.deck_source import load_manifest
from leadership_cards.generate import generate

# A one-word term names its chapter, whose meaning it carries.
SERVICE = "In “Servanthood: Service Techniques”, what is service?"


def _ids(folder: Path) -> dict[str, tuple[str, str]]:
    return {c.id: (c.front, c.back) for c in generate(load_manifest(folder))}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_ids_survive_case_punctuation_and_white_space_edits(deck_copy: Path) -> None:
    before = _ids(deck_copy)
    servanthood = deck_copy / "servanthood-service-techniques.txt"
    # White space: doubled spaces, trailing spaces, extra blank lines, Windows line ends.
    text = servanthood.read_text(encoding="utf-8")
    text = re.sub(r"(?<=\w) (?=\w)", "  ", text).replace("\n", "  \r\n\r\n")
    servanthood.write_text(text, encoding="utf-8")
    # Case and punctuation.
    _edit(servanthood, "helps  another  person", "helps  Another  Person")
    _edit(servanthood, "service  oriented  work", "service-oriented  work")
    key_points = deck_copy / "02-inner-and-top-leadership-key-points.txt"
    _edit(key_points, "Inspiration, not motivation,", "Inspiration, not motivation ,")
    _edit(key_points, "their personal power more", "their PERSONAL power more")
    assert _ids(deck_copy).keys() == before.keys()


def test_a_real_edit_changes_only_that_card(deck_copy: Path) -> None:
    before = _ids(deck_copy)
    _edit(
        deck_copy / "servanthood-service-techniques.txt",
        "helps another person",
        "helps a colleague",
    )
    after = _ids(deck_copy)
    gone = before.keys() - after.keys()
    new = after.keys() - before.keys()
    assert [before[i] for i in gone] == [
        (
            SERVICE,
            "Any act, attitude, or behavior someone does that helps another person.",
        )
    ]
    assert [after[i] for i in new] == [
        (SERVICE, "Any act, attitude, or behavior someone does that helps a colleague.")
    ]
