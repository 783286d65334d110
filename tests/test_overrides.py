from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Kind
from leadership_cards.deck_source import load_manifest
from leadership_cards.errors import SourceError
from leadership_cards.generate import generate, generate_report, stale_overrides

# A one-word term names its chapter, whose meaning it carries.
SERVICE = "In “Servanthood: Service Techniques”, what is service?"


def _service_and_count(folder: Path):
    cards = generate(load_manifest(folder))
    service = next(c for c in cards if c.front == SERVICE)
    count = next(c for c in cards if c.kind is Kind.ENUMERATION_COUNT)
    return cards, service, count


def test_drop_and_reword_by_id(deck_copy: Path) -> None:
    cards, service, count = _service_and_count(deck_copy)
    (deck_copy / "overrides.toml").write_text(
        f'drop = ["{count.id}"]\n\n'
        f"[reword.{service.id}]\n"
        'front = "How does the chapter define service?"\n',
        encoding="utf-8",
    )
    after = generate(load_manifest(deck_copy))
    assert len(after) == len(cards) - 1
    assert count.id not in {c.id for c in after}
    reworded = next(c for c in after if c.id == service.id)
    assert reworded.front == "How does the chapter define service?"
    assert reworded.back == service.back  # unchanged, and the id (so the history) is kept


def test_reword_a_cloze(deck_copy: Path) -> None:
    cards = generate(load_manifest(deck_copy))
    card = next(c for c in cards if c.kind is Kind.KEY_POINT and c.back.lower() == "inspiration")
    (deck_copy / "overrides.toml").write_text(
        f"[reword.{card.id}]\n"
        'cloze = "{{c1::Inspiration}}, not motivation, marks inner leadership."\n',
        encoding="utf-8",
    )
    reworded = next(c for c in generate(load_manifest(deck_copy)) if c.id == card.id)
    assert (reworded.front, reworded.back) == (
        "[...], not motivation, marks inner leadership.",
        "Inspiration",
    )


def test_stale_ids_are_warnings_not_errors(deck_copy: Path) -> None:
    cards, service, _ = _service_and_count(deck_copy)
    overrides = deck_copy / "overrides.toml"
    overrides.write_text(
        f'drop = ["000000000000", "{service.id}"]\n[reword.111111111111]\nfront = "Gone?"\n',
        encoding="utf-8",
    )
    report = generate_report(load_manifest(deck_copy))
    # The rest of the file still applies: the edited chapter can be added again.
    assert service.id not in {c.id for c in report.cards}
    assert len(report.cards) == len(cards) - 1
    assert report.stale_overrides == ["000000000000", "111111111111"]
    assert report.warnings == [
        f"{overrides} names cards this deck no longer has (left unused): "
        "000000000000, 111111111111."
    ]
    assert stale_overrides(load_manifest(deck_copy)) == report.stale_overrides
    assert generate(load_manifest(deck_copy)) == report.cards
    overrides.write_text(f'drop = ["{service.id}"]\n', encoding="utf-8")
    assert generate_report(load_manifest(deck_copy)).warnings == []


def test_a_bad_overrides_file_is_an_error(deck_copy: Path) -> None:
    (deck_copy / "overrides.toml").write_text("drop = [", encoding="utf-8")
    with pytest.raises(SourceError, match="is not a valid overrides file"):
        generate(load_manifest(deck_copy))
