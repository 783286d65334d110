"""Card identity through edits and upgrades: a card regenerated from the same source keeps its
id (so its Anki note), its schedule and its history, whether the member reworded the chapter,
a newer generator words the card differently, or the collection was made by an older release."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import KEY_POINTS, NOW
from conftest import run_cli as run
from leadership_cards.cards import CLOZE_BLANK, Card, normalise
from leadership_cards.collection import (
    EMBEDDED_STAMP,
    add_deck,
    open_collection,
    refresh_embedded,
)
from leadership_cards.deck_source import deck_from_paths, embedded_deck
from leadership_cards.generate import Generation, generate
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.stamp import Stamp, current_stamp
from leadership_cards.store import Store

RELEASE = Path(__file__).parent / "fixtures" / "release-0.1"


def study(store: Store, deck: str, days: int = 3) -> None:
    """Answer every card the queue offers for a few days, with varied ratings."""
    config = SchedulerConfig(fuzz=False, new_per_day=1000)
    ratings = (Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.EASY, Rating.AGAIN)
    for day in range(days):
        now = NOW + timedelta(days=day)
        session = ReviewSession(store, config, deck=deck, now=now)
        while (card := session.next_card(now)) is not None:
            rating = ratings[(card.schedule.reps + len(card.front)) % len(ratings)]
            session.answer(card, rating, now, 4000)
            now += timedelta(seconds=10)


def progress(db: Path) -> dict[str, tuple]:
    """Every card's schedule and answers, by id, read straight from the file."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT c.id, c.deck, c.kind, c.item, c.state, c.stability, c.difficulty, c.due, "
        "c.reps, c.lapses, c.suspended, c.retired_at, "
        "(SELECT group_concat(r.rating || '@' || r.reviewed_at) FROM "
        "(SELECT * FROM reviews WHERE card_id = c.id ORDER BY reviewed_at, id) r) "
        "FROM cards c"
    ).fetchall()
    conn.close()
    return {row[0]: row[1:] for row in rows}


SCHEDULE = slice(3, 10)  # state .. suspended
ANSWERS = 11


def answers(row: tuple) -> int:
    return len(row[ANSWERS].split(",")) if row[ANSWERS] else 0


def anki_guids(db: Path, deck: str, tmp_path: Path) -> set[str]:
    tmp_path.mkdir()
    target = tmp_path / f"{deck}.apkg"
    code, _, err = run("export", "anki", "--deck", deck, "-o", str(target), "--db", str(db))
    assert code == 0, err
    with zipfile.ZipFile(target) as package:
        package.extract("collection.anki2", tmp_path / "apkg")
    conn = sqlite3.connect(tmp_path / "apkg" / "collection.anki2")
    guids = {row[0] for row in conn.execute("SELECT guid FROM notes")}
    conn.close()
    return guids


# -- a collection made by release 0.1.0 ----------------------------------------------------


def facts(item: str, kind: str, card) -> set[tuple[str, str, str]]:
    """What a card asks, worded any way: its answer, and a cloze's whole sentence."""
    found = {(item, kind, normalise(card.back))}
    if kind.endswith("_count"):
        # "Two" and "Two service objectives" are one count, the second naming what it counts
        found.add((item, kind, normalise(card.back).split(" ", 1)[0]))
    if CLOZE_BLANK in card.front:
        found.add((item, kind, normalise(card.front.replace(CLOZE_BLANK, card.back))))
    return found


@pytest.fixture
def release_copy(tmp_path: Path) -> Path:
    target = tmp_path / "collection.db"
    shutil.copyfile(RELEASE / "collection.db", target)
    return target


def test_a_release_collection_keeps_every_answer_and_gets_this_versions_deck(
    release_copy: Path,
) -> None:
    before = progress(release_copy)
    made_now = generate(embedded_deck())
    code, out, err = run("cards", "--json", "--db", str(release_copy))
    assert code == 0, err
    after = progress(release_copy)
    # Not one answer lost, none doubled.
    assert sorted(row[ANSWERS] or "" for row in after.values() if row[ANSWERS]) == sorted(
        row[ANSWERS] for row in before.values() if row[ANSWERS]
    )
    # Each card whose source item still asks its fact (the same answer, or the same
    # sentence) with a card of its kind keeps its id, so its Anki note, its history and its
    # schedule, however the question is worded now.
    asked_now = {key for card in made_now for key in facts(card.item, str(card.kind), card)}
    conn = sqlite3.connect(RELEASE / "collection.db")
    released = conn.execute(
        "SELECT id, item, kind, front, back FROM cards WHERE deck = 'inner-leadership'"
    ).fetchall()
    conn.close()
    still_asked = [
        card_id
        for card_id, item, kind, front, back in released
        if facts(item, kind, SimpleNamespace(front=front, back=back)) & asked_now
    ]
    for card_id in still_asked:
        assert after[card_id][10] is None, card_id
        assert after[card_id][SCHEDULE] == before[card_id][SCHEDULE]
        assert after[card_id][ANSWERS] == before[card_id][ANSWERS]
    studied = [row for row in before.values() if row[0] == "inner-leadership" and row[7]]
    assert sum(before[i][7] > 0 for i in still_asked) >= 0.5 * len(studied)  # not vacuous
    # The embedded deck is now exactly what this version generates.
    shown = [
        (c["kind"], c["front"], c["back"])
        for c in json.loads(out)
        if c["deck"] == "inner-leadership"
    ]
    assert shown == [(str(c.kind), c.front, c.back) for c in made_now]
    # The member's own deck is as it was, suspended card and all.
    for card_id, row in before.items():
        if row[0] == "evaluator":
            assert after[card_id] == row
    with Store.open(release_copy) as store:
        assert Stamp.from_json(store.setting(EMBEDDED_STAMP)) == current_stamp()
        # Opened again, nothing is regenerated.
        assert refresh_embedded(store, NOW) is None


# -- a member rewords a studied chapter ----------------------------------------------------

#: Each key point of the shipped key-points page, reworded as a member would: a word changed,
#: or a clause moved.
REWORDINGS = [
    ("in the middle ranges of the corporation", "in the middle levels of the corporation"),
    ("part structural, part personal", "part personal, part structural"),
    (
        "Quantitatively, and perhaps qualitatively, more leadership is exercised",
        "More leadership, quantitatively and perhaps qualitatively, is exercised",
    ),
    ("unlike that of their bosses", "unlike the culture of their bosses"),
    ("may be the wave of the future", "may well be the wave of the future"),
    ("Followers are key to all social action", "Followers are key to every social action"),
    ("voluntarily engaged in situations", "freely engaged in situations"),
    ("Each person comes to work", "Every person comes to work"),
    ("not system or procedure, are most important", "are most important, not system or procedure,"),
    ("Inner leaders inspire follower obedience", "Inner leaders inspire obedience in followers"),
    (
        "Inspiration, not motivation, characterizes",
        "Inspiration, rather than motivation, characterizes",
    ),
    (
        "use their personal power more than authority power",
        "rely on their personal power more than authority power",
    ),
    ("learn to both trust and be trustworthy", "learn both to trust and to be trustworthy"),
    ("concerns the whole person", "concerns the entire person"),
    (
        "For many people, the role of inner leader is a conscious choice.",
        "The role of inner leader is, for many people, a conscious choice.",
    ),
]


def test_rewording_every_key_point_of_a_studied_chapter_keeps_every_answer(
    tmp_path: Path,
) -> None:
    chapter = tmp_path / "key-points.txt"
    shutil.copy(KEY_POINTS, chapter)
    db = tmp_path / "c.db"
    code, out, err = run("add", str(chapter), "--deck", "points", "--db", str(db))
    assert code == 0, err
    with Store.open(db) as store:
        study(store, "points")
        wording = {c.id: (c.front, c.back) for c in store.cards(deck="points")}
    before = progress(db)
    guids = anki_guids(db, "points", tmp_path / "before")
    text = chapter.read_text(encoding="utf-8")
    for old, new in REWORDINGS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    chapter.write_text(text, encoding="utf-8")

    code, out, err = run("add", str(chapter), "--deck", "points", "--db", str(db))
    assert code == 0, err
    after = progress(db)
    with Store.open(db) as store:
        reworded = {c.id: (c.front, c.back) for c in store.cards(deck="points")}
    assert reworded.keys() == wording.keys()
    changed = [i for i in wording if wording[i] != reworded[i]]
    assert len(changed) >= len(REWORDINGS) - 2  # nearly every key point makes a card
    assert out.startswith(f"Updated deck 'points': 0 new cards, {len(changed)} carried over, ")
    assert out.endswith(" 0 retired.\n")
    assert after.keys() == before.keys()
    for card_id, row in before.items():
        assert after[card_id][SCHEDULE] == row[SCHEDULE]
        assert after[card_id][ANSWERS] == row[ANSWERS]
        assert after[card_id][10] is None
    # The new text, under the old ids: an export updates the same Anki notes.
    assert anki_guids(db, "points", tmp_path / "after") == guids


def test_a_rewording_and_its_reversal_find_the_same_card(tmp_path: Path) -> None:
    chapter = tmp_path / "key-points.txt"
    shutil.copy(KEY_POINTS, chapter)
    db = tmp_path / "c.db"
    assert run("add", str(chapter), "--deck", "points", "--db", str(db))[0] == 0
    before = {c for c in progress(db)}
    original = chapter.read_text(encoding="utf-8")
    chapter.write_text(original.replace(*REWORDINGS[11]), encoding="utf-8")
    assert run("add", str(chapter), "--deck", "points", "--db", str(db))[1].startswith(
        "Updated deck 'points': 0 new cards, 1 carried over, "
    )
    chapter.write_text(original, encoding="utf-8")
    code, out, _ = run("add", str(chapter), "--deck", "points", "--db", str(db))
    assert out.startswith("Updated deck 'points': 0 new cards, 1 carried over, ")
    assert out.endswith(" 0 retired.\n")
    assert set(progress(db)) == before


# -- a newer generator words the cards differently -------------------------------------------


def newer_generator(card: Card) -> Card:
    """The same deck as a newer generator might word it: every question phrased anew, every
    cloze blanking a word more, every source item renamed (a new numbering scheme). Its ids
    are its own wording's: none is pinned to this generator's."""
    item = f"v2/{card.item.replace('#', '/')}"
    card = replace(card, fixed_id=None)
    if card.cloze is not None and CLOZE_BLANK in card.front:
        before, after = card.front.split(CLOZE_BLANK, 1)
        ahead, behind = before.split(), after.split()
        words = [i for i, word in enumerate(ahead) if any(c.isalnum() for c in word)]
        if words:  # the last word before the blank joins the deletion
            front = " ".join([*ahead[: words[-1]], CLOZE_BLANK]) + after
            back = " ".join([*ahead[words[-1] :], card.back])
        elif len(behind) > 1:  # or, at the start of the sentence, the word after it
            front = before + CLOZE_BLANK + " " + " ".join(behind[1:])
            back = f"{card.back} {behind[0]}"
        else:
            return replace(card, item=item)
        cloze = front.replace(CLOZE_BLANK, "{{c1::" + back + "}}")
        return replace(card, front=front, back=back, cloze=cloze, item=item)
    front = card.front.rstrip("?")
    return replace(
        card, front=f"According to the chapter, {front[0].lower()}{front[1:]}?", item=item
    )


def test_a_newer_generator_carries_every_studied_card_over(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with open_collection(db, NOW) as store:
        study(store, "inner-leadership", days=2)
    before = progress(db)
    guids = anki_guids(db, "inner-leadership", tmp_path / "before")
    released = generate(embedded_deck())
    cards = [newer_generator(card) for card in released]
    assert len({c.id for c in cards}) == len(cards)
    reworded = sum(a.id != b.id for a, b in zip(released, cards, strict=True))
    assert reworded >= 0.9 * len(cards)
    with Store.open(db) as store:
        update = add_deck(
            store,
            embedded_deck(),
            NOW + timedelta(days=3),
            origin="embedded",
            generation=Generation(cards, generated=cards),
        )
        shown = {c.id: c for c in store.cards(deck="inner-leadership")}
    assert (update.result.added, update.result.retired) == (0, 0)
    assert update.result.carried == reworded
    assert update.result.updated == len(cards) - reworded  # moved to a new item only
    after = progress(db)
    for card_id, row in before.items():
        assert after[card_id][SCHEDULE] == row[SCHEDULE]
        assert after[card_id][ANSWERS] == row[ANSWERS]
    assert sorted((c.front, c.back) for c in shown.values()) == sorted(
        (c.front, c.back) for c in cards
    )
    assert anki_guids(db, "inner-leadership", tmp_path / "after") == guids


# -- upgrades of the tool ------------------------------------------------------------------


def test_the_embedded_deck_is_regenerated_only_when_the_stamp_changes(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with open_collection(db, NOW) as store:
        study(store, "inner-leadership", days=1)
        stamp = Stamp.from_json(store.setting(EMBEDDED_STAMP))
        assert stamp == current_stamp()
        assert refresh_embedded(store, NOW) is None
        # Files touched (a reinstall) but unchanged: no regeneration, the new times remembered.
        store.set_setting(EMBEDDED_STAMP, replace(stamp, files="touched").to_json())
        assert refresh_embedded(store, NOW) is None
        assert Stamp.from_json(store.setting(EMBEDDED_STAMP)) == stamp
        # Another version made the deck: it is regenerated, every card matched to itself.
        store.set_setting(EMBEDDED_STAMP, Stamp("0.0.9", "old", "old").to_json())
        before = progress(db)
        result = refresh_embedded(store, NOW)
        assert result is not None
        assert (result.added, result.carried, result.retired) == (0, 0, 0)
        assert progress(db) == before
        assert Stamp.from_json(store.setting(EMBEDDED_STAMP)) == stamp


def test_a_collection_without_the_embedded_deck_does_not_get_it_back(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    own = deck_from_paths([RELEASE / "the-evaluator.txt"], "evaluator")
    with Store.open(db) as store:
        add_deck(store, own, NOW, origin="own")
    for _ in range(2):
        with open_collection(db, NOW) as store:
            assert [deck.name for deck in store.decks()] == ["evaluator"]
            assert store.setting(EMBEDDED_STAMP) is None


def test_overrides_apply_by_the_id_a_carried_card_kept(tmp_path: Path) -> None:
    folder = tmp_path / "points"
    folder.mkdir()
    chapter = folder / "key-points.txt"
    shutil.copy(KEY_POINTS, chapter)
    db = tmp_path / "c.db"
    assert run("add", str(folder), "--db", str(db))[0] == 0
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace(*REWORDINGS[11]), encoding="utf-8"
    )
    code, out, _ = run("add", str(folder), "--db", str(db))
    assert ", 1 carried over, " in out
    with Store.open(db) as store:
        (carried,) = [c for c in store.cards(deck="points") if "rely on" in c.front + c.back]
    # The member corrects the carried card by the id `cards` shows them, the inherited one.
    (folder / "overrides.toml").write_text(
        f'[reword.{carried.id}]\nfront = "Which power do inner leaders use most?"\n'
        f'back = "Their personal power"\n',
        encoding="utf-8",
    )
    for _ in range(2):  # and it keeps applying, add after add
        code, out, err = run("add", str(folder), "--db", str(db))
        assert (code, err) == (0, ""), err
        assert out.endswith(" 0 retired.\n") and " 0 new cards, 0 carried over, " in out
        with Store.open(db) as store:
            card = store.card(carried.id)
        assert (card.front, card.back) == (
            "Which power do inner leaders use most?",
            "Their personal power",
        )
        assert card.retired_at is None


def test_a_learners_own_wording_stays_on_the_card_it_carries_on(tmp_path: Path) -> None:
    chapter = tmp_path / "key-points.txt"
    shutil.copy(KEY_POINTS, chapter)
    db = tmp_path / "c.db"
    assert run("add", str(chapter), "--deck", "points", "--db", str(db))[0] == 0
    with Store.open(db) as store:
        (card,) = [c for c in store.cards(deck="points") if "authority power" in c.front]
        store.set_override(
            card.id,
            front="Which power do inner leaders use most?",
            back="Personal power",
            origin="edit",
            now=NOW,
        )
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace(*REWORDINGS[11]), encoding="utf-8"
    )
    code, out, err = run("add", str(chapter), "--deck", "points", "--db", str(db))
    assert code == 0, err
    assert " 0 new cards, " in out and out.endswith(" 0 retired.\n")
    with Store.open(db) as store:
        kept = store.card(card.id)
    assert (kept.front, kept.back) == ("Which power do inner leaders use most?", "Personal power")
    assert kept.retired_at is None


def test_a_removed_embedded_deck_stays_removed_through_an_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    own = str(RELEASE / "the-evaluator.txt")
    assert run("add", own, "--deck", "evaluator", "--db", str(db))[0] == 0
    assert run("decks", "remove", "inner-leadership", "--yes", "--db", str(db))[0] == 0
    with Store.open(db) as store:
        store.set_setting(EMBEDDED_STAMP, Stamp("0.0.9", "old", "old").to_json())
    code, out, _ = run("decks", "--json", "--db", str(db))
    assert [deck["name"] for deck in json.loads(out)] == ["evaluator"]


def test_a_renamed_embedded_deck_is_refreshed_under_its_new_name(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with open_collection(db, NOW) as store:
        study(store, "inner-leadership", days=1)
    assert run("decks", "rename", "inner-leadership", "mine", "--db", str(db))[0] == 0
    before = progress(db)
    with Store.open(db) as store:
        store.set_setting(EMBEDDED_STAMP, Stamp("0.0.9", "old", "old").to_json())
    with open_collection(db, NOW) as store:
        assert [deck.name for deck in store.decks()] == ["mine"]
        assert Stamp.from_json(store.setting(EMBEDDED_STAMP)) == current_stamp()
    assert progress(db) == before


def test_answers_given_in_anki_come_back_to_the_reworded_cards(tmp_path: Path) -> None:
    from test_import_anki import answer, export_package, import_cli, import_package, new_anki

    chapter = tmp_path / "key-points.txt"
    shutil.copy(KEY_POINTS, chapter)
    db = tmp_path / "c.db"
    assert run("add", str(chapter), "--deck", "points", "--db", str(db))[0] == 0
    with Store.open(db) as store:
        study(store, "points", days=1)
    package = tmp_path / "points.apkg"
    args = ("export", "anki", "--deck", "points", "--with-progress", "-o", str(package))
    assert run(*args, "--db", str(db))[0] == 0
    col = new_anki(tmp_path / "anki")
    try:
        import_package(col, package)
        notes = col.note_count()
        studied_in_anki = sorted(col.find_cards("deck:*"))[:5]
        moment = int((NOW + timedelta(days=5)).timestamp() * 1000)
        for n, anki_card in enumerate(studied_in_anki):
            answer(col, anki_card, 3, moment + n * 60_000, 5000)
        # Meanwhile the member rewords every key point and adds the chapter again.
        text = chapter.read_text(encoding="utf-8")
        for old, new in REWORDINGS:
            text = text.replace(old, new)
        chapter.write_text(text, encoding="utf-8")
        code, out, _ = run("add", str(chapter), "--deck", "points", "--db", str(db))
        assert " 0 new cards, " in out and out.endswith(" 0 retired.\n")
        before = progress(db)
        back = export_package(col, tmp_path / "back.apkg", legacy=False)
        report = import_cli(db, back)
        # Every note found its card by GUID: no new cards, no twin deck, Anki's answers added.
        assert (report["notes_matched"], report["new_cards"]) == (notes, 0)
        assert report["answers_added"] == len(studied_in_anki)
        after = progress(db)
        assert after.keys() == before.keys()
        gained = sum(answers(after[i]) - answers(before[i]) for i in before)
        assert gained == len(studied_in_anki)
        # A later export updates the same notes in Anki instead of adding twins.
        again = tmp_path / "again.apkg"
        assert run(*args[:-1], str(again), "--db", str(db))[0] == 0
        import_package(col, again)
        assert col.note_count() == notes
    finally:
        col.close()


def test_a_read_only_collection_is_read_and_refreshed_later(tmp_path: Path) -> None:
    import os

    from test_faults import as_plain_user

    db = tmp_path / "c.db"
    with open_collection(db, NOW) as store:
        store.set_setting(EMBEDDED_STAMP, Stamp("0.0.9", "old", "old").to_json())
    os.chmod(db, 0o444)
    before = db.read_bytes()
    listed = as_plain_user("decks", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert "inner-leadership" in listed.stdout
    assert db.read_bytes() == before
    os.chmod(db, 0o644)
    with open_collection(db, NOW) as store:
        assert Stamp.from_json(store.setting(EMBEDDED_STAMP)) == current_stamp()
