"""`decks`, `cards` and `add` through the command line, on a real collection file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import NOW
from conftest import run_cli as run
from leadership_cards.collection import open_collection
from leadership_cards.deck_source import embedded_deck_dir
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store

CHAPTER_5 = embedded_deck_dir() / "05-technique-2-relationship-focus.txt"
CARD_KEYS = {
    "id",
    "deck",
    "chapter",
    "kind",
    "front",
    "back",
    "tags",
    "source",
    "state",
    "due",
    "stability",
    "difficulty",
    "reps",
    "lapses",
}


def fresh(tmp_path: Path) -> str:
    """A new collection, as first use makes it: the embedded deck in it."""
    path = tmp_path / "fresh.db"
    open_collection(path, NOW).close()
    return str(path)


def test_a_new_collection_starts_with_the_embedded_deck(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    code, out, err = run("decks", "--json", "--db", db)
    assert code == 0, err
    (deck,) = json.loads(out)
    assert deck["name"] == "inner-leadership"
    assert deck["title"] == "Inner Leadership"
    assert deck["cards"] > 50 and deck["new"] == 20  # what the day's limit lets in
    assert deck["due_today"] == 0


def test_cards_json_has_the_promised_shape(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    code, out, _ = run("cards", "--json", "--db", db)
    cards = json.loads(out)
    assert code == 0 and cards
    for card in cards:
        assert set(card) == CARD_KEYS
        assert isinstance(card["id"], str) and isinstance(card["tags"], list)
        assert set(card["source"]) == {"file", "position"}
        assert card["state"] == "new" and card["due"] is None and card["reps"] == 0
    assert len({card["id"] for card in cards}) == len(cards)


def test_cards_filters(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    _, out, _ = run("cards", "--json", "--kind", "definition", "--search", "service", "--db", db)
    cards = json.loads(out)
    assert cards and all(c["kind"] == "definition" for c in cards)
    assert any("service" in (c["front"] + c["back"]).lower() for c in cards)
    assert run("cards", "--kind", "poem", "--db", db)[2].startswith("Error: unknown kind 'poem'")
    assert run("cards", "--deck", "nope", "--db", db)[2] == (
        "Error: no deck named 'nope' (decks: inner-leadership)\n"
    )


def test_adding_an_edited_chapter_keeps_ids_and_history(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.txt"
    shutil.copy(CHAPTER_5, chapter)
    db = tmp_path / "c.db"
    code, out, err = run("add", str(chapter), "--db", str(db))
    assert code == 0, err
    assert out.startswith("Added deck 'chapter': ")
    with Store.open(db) as store:
        before = {c.id: c for c in store.cards(deck="chapter")}
        session = ReviewSession(store, SchedulerConfig(), deck="chapter", now=NOW)
        answered = [session.next_card(NOW)]
        session.answer(answered[0], Rating.GOOD, NOW, 1000)
    # small edits (case, punctuation, spacing) everywhere, and one real change
    text = chapter.read_text()
    text = text.replace("Inner leaders accept the notion", "INNER LEADERS accept  the notion")
    text = text.replace("Gardner (1990)", "Gardner (1991)")
    chapter.write_text(text)
    code, out, err = run("add", str(chapter), "--db", str(db))
    assert code == 0, err
    assert out.startswith("Updated deck 'chapter': ")
    with Store.open(db) as store:
        after = {c.id: c for c in store.cards(deck="chapter")}
        kept = set(before) & set(after)
        assert len(kept) >= len(before) - 2
        for card in answered:
            assert card.id in after
            assert after[card.id].schedule.reps == 1
            assert len(list(store.reviews(card.id))) == 1
        retired = set(before) - set(after)
        for card_id in retired:
            assert store.card(card_id).retired_at is not None


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty.txt is empty"),
        ("binary.txt", b"abc\x00\x01def", "binary.txt is a binary file"),
        ("latin1.txt", "café au lait\n".encode("latin-1"), "latin1.txt is not UTF-8"),
        ("short.txt", b"Hello.\n", "short.txt yields no cards"),
    ],
)
def test_bad_chapter_files_change_nothing(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "never.db"
    code, out, err = run("add", str(path), "--db", str(db))
    assert code == 1
    assert err.startswith("Error: ") and message in err and err.count("\n") == 1
    assert not db.exists()  # nothing was written, not even a new collection


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    code, _, err = run("add", str(tmp_path / "missing.txt"), "--db", str(db))
    assert code == 1 and "does not exist" in err
    (tmp_path / "empty").mkdir()
    code, _, err = run("add", str(tmp_path / "empty"), "--db", str(db))
    assert code == 1 and "holds no chapter files (.txt, .md, .html or .pdf)" in err
    assert not db.exists()


def test_a_deck_name_that_collides_is_refused(tmp_path: Path) -> None:
    db = Path(fresh(tmp_path))
    chapter = tmp_path / "ch.txt"
    shutil.copy(CHAPTER_5, chapter)
    with Store.open(db) as store:
        before = store.counts()
    code, _, err = run("add", str(chapter), "--deck", "inner-leadership", "--db", str(db))
    assert code == 1
    assert err == (
        "Error: a deck named 'inner-leadership' already exists from other files; "
        "choose another name with --deck\n"
    )
    with Store.open(db) as store:
        assert store.counts() == before


def test_markup_is_kept_as_text(tmp_path: Path) -> None:
    chapter = tmp_path / "markup.txt"
    text = CHAPTER_5.read_text().replace(
        "the driving value in many corporations today",
        "the driving value in many <script>alert(1)</script> & corporations today",
    )
    chapter.write_text(text)
    db = tmp_path / "c.db"
    assert run("add", str(chapter), "--db", str(db))[0] == 0
    _, out, _ = run("cards", "--json", "--deck", "markup", "--db", str(db))
    texts = [c["front"] + " " + c["back"] for c in json.loads(out)]
    assert any("<script>alert(1" in text and "</script> &" in text for text in texts)
    assert not any("&lt;" in text or "&amp;" in text for text in texts)


def test_overrides_apply_and_a_stale_one_is_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "own"
    shutil.copytree(embedded_deck_dir(), folder)
    db = tmp_path / "c.db"
    assert run("add", str(folder), "--deck", "own", "--db", str(db))[0] == 0
    _, out, _ = run("cards", "--json", "--deck", "own", "--db", str(db))
    first = json.loads(out)[0]
    (folder / "overrides.toml").write_text(
        f'drop = ["000000000000"]\n\n[reword.{first["id"]}]\nback = "Reworded by hand"\n'
    )
    code, out, err = run("add", str(folder), "--deck", "own", "--db", str(db))
    assert code == 0, err
    assert err.startswith("Warning: ") and "000000000000" in err
    _, out, _ = run("cards", "--json", "--deck", "own", "--db", str(db))
    reworded = {c["id"]: c for c in json.loads(out)}[first["id"]]
    assert reworded["back"] == "Reworded by hand"
