"""`import anki`: the embedded deck goes to the real Anki engine, is studied there over
several days with Anki's own scheduler, edited, exported with scheduling (current and legacy
formats) and imported back; and decks made in Anki arrive with their history."""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest
from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from click.testing import CliRunner
from genanki import guid_for

from conftest import NOW, snapshot
from leadership_cards.cli import cli
from leadership_cards.collection import load_embedded
from leadership_cards.export import ExportOptions, export
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store

DAY_MS = 86_400_000
ENV = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "TERM": "xterm", "LANG": "C.UTF-8"}


# -- the real Anki engine --------------------------------------------------------------------


def new_anki(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_package(col: Collection, path: Path) -> None:
    options = ImportAnkiPackageOptions(with_scheduling=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


def answer(col: Collection, card_id: int, rating: int, at_ms: int, taken_ms: int) -> None:
    """Answer a card with Anki's own scheduler, as if at `at_ms` (its review-log id)."""
    card = col.get_card(card_id)
    card.start_timer()
    states = col._backend.get_scheduling_states(card_id)
    built = col.sched.build_answer(card=card, states=states, rating=rating - 1)
    built.answered_at_millis = at_ms
    built.milliseconds_taken = taken_ms
    col.sched.answer_card(built)


def export_package(col: Collection, path: Path, legacy: bool) -> Path:
    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy
    )
    col.export_anki_package(out_path=str(path), options=options, limit=None)
    return path


def anki_answers(col: Collection) -> dict[str, list[tuple[int, int, int]]]:
    """Each note's answers in Anki's review log, (moment in ms, rating, time taken), leaving
    out what is not an answer (rescheduling, forgetting)."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    rows = col.db.all(
        "SELECT n.guid, r.id, r.ease, r.time FROM revlog r JOIN cards c ON c.id = r.cid "
        "JOIN notes n ON n.id = c.nid WHERE r.type IN (0, 1, 2, 3) AND r.ease > 0 "
        "ORDER BY r.id"
    )
    for guid, moment, ease, taken in rows:
        found.setdefault(guid, []).append((moment, ease, taken))
    return found


# -- ours --------------------------------------------------------------------------------------


def import_cli(db: Path, path: Path, *extra: str) -> dict:
    result = CliRunner().invoke(
        cli, ["import", "anki", str(path), "--db", str(db), "--json", *extra]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def history(store: Store) -> dict[str, list[tuple[int, int, int]]]:
    found: dict[str, list[tuple[int, int, int]]] = {}
    for review in store.reviews():
        moment = int(review.reviewed_at.timestamp() * 1000)
        found.setdefault(review.card_id, []).append((moment, review.rating, review.duration_ms))
    return found


def fsrs_replay(answers: list[tuple[int, int, int]]) -> fsrs.Card:
    """py-fsrs on its own, with the settings the collection uses (the defaults, no fuzz)."""
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=0)
    for moment, rating, _ in sorted(answers):
        card, _ = scheduler.review_card(
            card, fsrs.Rating(rating), datetime.fromtimestamp(moment / 1000, UTC)
        )
    return card


@pytest.fixture
def studied(tmp_path: Path) -> Path:
    """The embedded deck, a few answers given here, then exported with its progress."""
    db = tmp_path / "collection.db"
    rng = random.Random(3)
    with Store.open(db) as store:
        load_embedded(store, NOW)
        session = ReviewSession(store, SchedulerConfig(), now=NOW, rng=rng, zone=UTC)
        now = NOW
        for _ in range(6):
            card = session.next_card(now)
            assert card is not None
            session.answer(card, Rating(rng.choice([1, 3, 4])), now, 3000)
            now += timedelta(minutes=2)
    return db


@pytest.mark.parametrize("legacy", [False, True], ids=["anki21b", "legacy"])
def test_answers_and_an_edit_made_in_anki_come_back(studied: Path, tmp_path: Path, legacy: bool):
    package = tmp_path / "ours.apkg"
    with Store.open(studied) as store:
        export(store, "anki", package, ExportOptions(with_progress=True), NOW + timedelta(hours=1))
        before = history(store)
        ours = {guid_for(card.id): card for card in store.cards()}
    col = new_anki(tmp_path / "anki")
    try:
        import_package(col, package)
        by_guid = {col.get_note(col.get_card(c).nid).guid: c for c in col.find_cards("")}
        studied_guids = [guid_for(card_id) for card_id in before]
        fresh = [
            guid
            for guid, card in ours.items()
            if card.kind in ("definition", "key_point") and card.id not in before
        ][:4]
        # Five days of study on the phone, a week after the export, with Anki's scheduler.
        rng = random.Random(11)
        start = int((NOW + timedelta(days=7)).timestamp() * 1000)
        for day in range(5):
            for i, guid in enumerate(studied_guids[:3] + fresh):
                rating = rng.choice([1, 2, 3, 3, 4])
                answer(col, by_guid[guid], rating, start + day * DAY_MS + i * 60_000, 2500 + i)
        # Not an answer: a due date set by hand. A card forgotten, then answered once more.
        col.sched.set_due_date([by_guid[fresh[0]]], "3")
        col.sched.schedule_cards_as_new([by_guid[fresh[1]]], restore_position=True)
        forgotten_at = start + 4 * DAY_MS + 3_600_000  # as if then, after the fifth day's study
        col.db.execute(
            "UPDATE revlog SET id = ? WHERE cid = ? AND type = 4 AND ivl = 0",
            forgotten_at,
            by_guid[fresh[1]],
        )
        answer(col, by_guid[fresh[1]], 3, start + 5 * DAY_MS, 2000)
        # A correction to one card's question.
        edited = next(
            guid for guid in fresh if ours[guid].kind == "definition" or guid == fresh[-1]
        )
        note = col.get_note(col.get_card(by_guid[edited]).nid)
        note[note.keys()[0]] = "Which <b>corrected</b> question &amp; answer?"
        col.update_note(note)
        expected = anki_answers(col)
        out = export_package(col, tmp_path / "back.apkg", legacy)
    finally:
        col.close()

    report = import_cli(studied, out)
    answered_here = sum(map(len, before.values()))
    answered_in_anki = 5 * (3 + len(fresh)) + 1
    assert report["notes_matched"] == len(ours)
    assert report["answers_added"] == answered_in_anki
    assert report["answers_known"] == answered_here  # the ones our export carried to Anki
    assert report["new_cards"] == 0 and report["missing_in_anki"] == []
    assert report["skipped"] == {
        "review-log entries that are not answers (due dates set by hand, rescheduling)": 1
    }
    assert report["cards_forgotten"] == 1
    with Store.open(studied) as store:
        after = history(store)
        # The history holds exactly Anki's answers, at Anki's moments.
        assert after == {ours[guid].id: answers for guid, answers in expected.items()}
        for card_id, answers in after.items():
            card = store.card(card_id)
            if card_id == ours[fresh[1]].id:  # forgotten in Anki: counted from then on
                answers = [a for a in answers if a[0] >= forgotten_at]
                assert len(answers) == 1
            replayed = fsrs_replay(answers)
            assert card.schedule.stability == pytest.approx(replayed.stability, rel=1e-9)
            assert card.schedule.difficulty == pytest.approx(replayed.difficulty, rel=1e-9)
            assert card.schedule.reps == len(answers)
            assert card.schedule.last_review == datetime.fromtimestamp(answers[-1][0] / 1000, UTC)
        assert store.inconsistent_schedules() == []
    assert [edit["card_id"] for edit in report["edits"]] == [ours[edited].id]
    assert report["edits"][0]["front"] == "Which corrected question & answer?"

    # Importing the same file again adds nothing.
    state = snapshot(studied)
    again = import_cli(studied, out)
    assert (again["answers_added"], again["answers_known"]) == (0, answered_here + answered_in_anki)
    assert snapshot(studied) == state
    # The correction is the card's override: shown now, and kept when the deck is generated
    # again.
    with Store.open(studied) as store:
        kept = store.override(ours[edited].id)
        assert kept is not None
        assert (kept.front, kept.origin) == ("Which corrected question & answer?", "anki")
        load_embedded(store, NOW + timedelta(days=30))
        assert store.card(ours[edited].id).front == "Which corrected question & answer?"


def test_a_dry_run_reports_and_changes_nothing(studied: Path, tmp_path: Path):
    package = tmp_path / "ours.apkg"
    with Store.open(studied) as store:
        export(store, "anki", package, ExportOptions(with_progress=True), NOW)
    col = new_anki(tmp_path / "anki")
    try:
        import_package(col, package)
        card_id = col.find_cards("")[0]
        answer(col, card_id, 3, int((NOW + timedelta(days=2)).timestamp() * 1000), 1000)
        out = export_package(col, tmp_path / "back.apkg", legacy=False)
    finally:
        col.close()
    state = snapshot(studied)
    report = import_cli(studied, out, "--dry-run")
    assert report["dry_run"] and report["answers_added"] == 1
    assert snapshot(studied) == state
    text = CliRunner().invoke(cli, ["import", "anki", str(out), "--db", str(studied), "--dry-run"])
    assert text.exit_code == 0
    assert "Answers: 1 added" in text.output and "Dry run: nothing was changed." in text.output


def foreign_collection(folder: Path) -> tuple[Collection, dict[str, list[int]]]:
    """A club's own deck made in Anki: Basic and Cloze notes in two decks, tagged."""
    col = new_anki(folder)
    basic, cloze = col.models.by_name("Basic"), col.models.by_name("Cloze")
    meetings = col.decks.id("Club::Meetings")
    roles = col.decks.id("Club::Roles")
    cards: dict[str, list[int]] = {}
    for i in range(3):
        note = col.new_note(basic)
        note["Front"] = f"Who opens meeting {i}?<br><i>(role)</i>"
        note["Back"] = f"The Toastmaster&nbsp;of the day {i}"
        note.tags = ["club", f"meeting-{i}"]
        col.add_note(note, meetings)
        cards[note.guid] = [c.id for c in note.cards()]
    note = col.new_note(cloze)
    note["Text"] = "The {{c1::timer}} shows green at {{c2::one minute::time}}."
    note.tags = ["roles"]
    col.add_note(note, roles)
    cards[note.guid] = [c.id for c in note.cards()]
    return col, cards


def test_a_deck_made_in_anki_arrives_with_its_history(tmp_path: Path):
    col, made = foreign_collection(tmp_path / "anki")
    try:
        start = int(NOW.timestamp() * 1000)
        for day in range(4):
            for i, card_id in enumerate(c for ids in made.values() for c in ids):
                answer(
                    col, card_id, [3, 1, 3, 4][(day + i) % 4], start + day * DAY_MS + i * 1000, 900
                )
        expected = anki_answers(col)
        out = export_package(col, tmp_path / "club.apkg", legacy=False)
    finally:
        col.close()
    db = tmp_path / "collection.db"
    report = import_cli(db, out)
    assert report["new_cards"] == 5 and report["notes_matched"] == 0
    assert set(report["new_decks"]) == {"Club::Meetings", "Club::Roles"}
    assert report["answers_added"] == 20
    with Store.open(db) as store:
        meetings = list(store.cards(deck="Club::Meetings"))
        roles = list(store.cards(deck="Club::Roles"))
        assert [c.front for c in meetings] == [f"Who opens meeting {i}?\n(role)" for i in range(3)]
        assert [c.back for c in meetings] == [f"The Toastmaster of the day {i}" for i in range(3)]
        assert {c.kind for c in meetings} == {"question"}
        assert meetings[0].tags == ("club", "meeting-0")
        assert sorted((c.front, c.back) for c in roles) == [
            ("The [...] shows green at one minute.", "timer"),
            ("The timer shows green at [time].", "one minute"),
        ]
        assert {c.kind for c in roles} == {"cloze"}
        logged = history(store)
        assert sorted(sum(logged.values(), [])) == sorted(sum(expected.values(), []))
        for card in meetings + roles:
            answers = logged[card.id]
            assert len(answers) == 4
            assert card.schedule.stability == pytest.approx(fsrs_replay(answers).stability)
    # Importing again updates by GUID: nothing new, nothing doubled.
    state = snapshot(db)
    again = import_cli(db, out)
    assert (again["new_cards"], again["answers_added"], again["answers_known"]) == (0, 0, 20)
    assert snapshot(db) == state


def test_a_profile_collection_is_read_and_refused_while_anki_has_it_open(tmp_path: Path):
    col, _ = foreign_collection(tmp_path / "profile")
    path = Path(col.path)
    db = tmp_path / "collection.db"
    try:
        col.set_config("touched", True)  # Anki holds its lock from the first write
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "leadership_cards",
                "import",
                "anki",
                str(path),
                "--db",
                str(db),
            ],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=60,
        )
    finally:
        col.close()
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {path} is open in Anki; close Anki (or export a package from it) and try again\n"
    )
    report = import_cli(db, path)
    assert report["new_cards"] == 5


def big_package(folder: Path, cards: int, answers_each: int) -> Path:
    """A deck made in Anki with many answers. The answers go into the closed collection's
    review log with SQLite (through the engine, each would take a scheduler call)."""
    from anki.collection import AddNoteRequest

    col = new_anki(folder)
    try:
        basic = col.models.by_name("Basic")
        deck = col.decks.id("Big")
        requests = []
        for i in range(cards):
            note = col.new_note(basic)
            note["Front"], note["Back"] = f"Question {i}?", f"Answer {i}"
            requests.append(AddNoteRequest(note=note, deck_id=deck))
        col.add_notes(requests)
        card_ids = col.find_cards("")
    finally:
        col.close()
    start = int(NOW.timestamp() * 1000)
    rows = [
        (start + k * DAY_MS + n, card_id, -1, 3, 1, 0, 2500, 3000, 0 if k == 0 else 1)
        for n, card_id in enumerate(card_ids)
        for k in range(answers_each)
    ]
    with contextlib.closing(sqlite3.connect(folder / "collection.anki2")) as conn, conn:
        conn.executemany("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    col = new_anki(folder)
    try:
        return export_package(col, folder.parent / "big.apkg", legacy=False)
    finally:
        col.close()


def test_a_killed_import_leaves_the_collection_as_it_was(studied: Path, tmp_path: Path):
    from conftest import spawn_cli

    package = big_package(tmp_path / "anki", cards=4000, answers_each=10)
    state = snapshot(studied)
    child = spawn_cli(studied, "import", "anki", str(package), timeout=120)
    # The cards are written first; the bar of the replay shows once they are.
    child.expect("Replaying schedules")
    child.kill(9)
    child.wait()
    assert snapshot(studied) == state
    check = CliRunner().invoke(cli, ["check", "--db", str(studied)])
    assert check.output == "The collection is sound.\n"
    # Run whole, the same import takes everything in.
    report = import_cli(studied, package)
    assert (report["new_cards"], report["answers_added"]) == (4000, 40000)


def test_a_whole_collection_package_with_media_and_a_leech(tmp_path: Path):
    """A .colpkg: the notes arrive, the picture is counted and skipped, and a card that
    lapsed eight times in Anki is a leech here (tagged and suspended)."""
    col, made = foreign_collection(tmp_path / "anki")
    try:
        picture = col.media.write_data("lectern.png", b"\x89PNG\r\n\x1a\n not really")
        note = col.get_note(col.get_card(next(iter(made.values()))[0]).nid)
        note["Back"] += f'<img src="{picture}">'
        col.update_note(note)
        leech_card = made[note.guid][0]
        start = int(NOW.timestamp() * 1000)
        # Good twice to graduate, then eight lapses, each relearnt; a day apart.
        ratings = [3, 3] + [1, 3] * 8
        for day, rating in enumerate(ratings):
            answer(col, leech_card, rating, start + day * DAY_MS, 1500)
        out = tmp_path / "club.colpkg"
        col.export_collection_package(str(out), include_media=True, legacy=False)
    finally:
        col.close()
    db = tmp_path / "collection.db"
    report = import_cli(db, out)
    assert report["media_skipped"] == 1 and report["new_cards"] == 5
    assert report["answers_added"] == len(ratings) and report["leeches"] == 1
    with Store.open(db) as store:
        card = next(c for c in store.cards(deck="Club::Meetings") if c.schedule.reps)
        assert card.schedule.lapses == 8
        assert card.suspended and card.leech and "leech" in card.all_tags
        assert card.back == "The Toastmaster of the day 0"  # the picture left out


def test_a_note_deleted_in_anki_is_reported_and_kept(studied: Path, tmp_path: Path):
    package = tmp_path / "ours.apkg"
    with Store.open(studied) as store:
        export(store, "anki", package, ExportOptions(with_progress=True), NOW)
        cards = {guid_for(card.id): card.id for card in store.cards()}
    col = new_anki(tmp_path / "anki")
    try:
        import_package(col, package)
        note_id = col.find_notes("tag:definition")[0]
        gone = cards[col.get_note(note_id).guid]
        col.remove_notes([note_id])
        out = export_package(col, tmp_path / "back.apkg", legacy=False)
    finally:
        col.close()
    report = import_cli(studied, out)
    assert report["missing_in_anki"] == [gone]
    with Store.open(studied) as store:
        assert store.card(gone).retired_at is None
    text = CliRunner().invoke(cli, ["import", "anki", str(out), "--db", str(studied)])
    assert f"1 card not in the file (deleted in Anki?), kept here: {gone}" in text.output
