"""`check`, `--repair`, and backups: daily rotation, restore, before migrations."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from conftest import NOW
from leadership_cards import backup
from leadership_cards.check import check
from leadership_cards.cli import cli
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def with_history(db: Path) -> list[str]:
    with Store.open(db) as store:
        session = ReviewSession(store, SchedulerConfig(), now=NOW)
        ids = []
        moment = NOW
        for _ in range(4):
            card = session.next_card(moment)
            session.answer(card, Rating.GOOD, moment, 900)
            ids.append(card.id)
            moment += timedelta(minutes=1)
    return ids


def test_a_sound_collection_passes(db_path: Path) -> None:
    with_history(db_path)
    assert run("check", "--db", str(db_path)) == (0, "The collection is sound.\n", "")


def test_repair_rebuilds_schedules_from_history(db_path: Path) -> None:
    ids = with_history(db_path)
    with Store.open(db_path) as store:
        expected = {card_id: store.card(card_id).schedule for card_id in ids}
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE cards SET stability = NULL, reps = 7 WHERE id = ?", (ids[0],))
    conn.execute("UPDATE cards SET due = last_review - 100 WHERE id = ?", (ids[1],))
    conn.commit()
    conn.close()
    code, out, err = run("check", "--db", str(db_path))
    assert code == 1
    assert "2 cards have a schedule that does not match their review history" in out
    assert err.strip().endswith("fixes what it can")
    code, out, err = run("check", "--repair", "--db", str(db_path))
    assert code == 0, err
    assert "Repaired: rebuilt 2 schedules from their review history" in out
    assert run("check", "--db", str(db_path))[0] == 0
    with Store.open(db_path) as store:
        for card_id in ids[:2]:
            repaired = store.card(card_id).schedule
            assert repaired.state == expected[card_id].state
            assert repaired.stability == expected[card_id].stability
            assert repaired.reps == 1
    assert [b.reason for b in backup.backups(db_path)] == ["before-repair"]


def test_damaged_file_is_refused_untouched(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over a page
    db_path.write_bytes(bytes(data))
    code, _, err = run("check", "--repair", "--db", str(db_path))
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert db_path.read_bytes() == bytes(data)


def test_check_on_a_file_too_damaged_to_open_points_to_a_backup(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[3 * 4096 : 3 * 4096 + 3000] = bytes(3000)  # a page the open does not read
    db_path.write_bytes(bytes(data))
    code, out, err = run("check", "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.startswith("Error: the collection file is damaged (")
    assert err.endswith(
        "beyond what check can read; restore a backup with "
        "`leadership-cards backup restore latest`\n"
    )
    code, out, _ = run("check", "--json", "--db", str(db_path))
    report = json.loads(out)
    assert code == 1 and report["ok"] is False and report["integrity"]
    assert db_path.read_bytes() == bytes(data)


def test_daily_backups_keep_the_last_seven(db_path: Path) -> None:
    for day in range(10):
        backup.take(db_path, backup.DAILY, NOW + timedelta(days=day))
        backup.prune(db_path)
    kept = backup.backups(db_path)
    assert len(kept) == 7
    assert kept[0].taken_at == NOW + timedelta(days=3)
    assert not backup.daily_due(db_path, NOW + timedelta(days=9))
    assert backup.daily_due(db_path, NOW + timedelta(days=10))


def test_daily_backup_in_the_background_is_whole(db_path: Path) -> None:
    job = backup.DailyBackup(db_path, NOW)
    assert job.finish() is None
    (taken,) = backup.backups(db_path)
    with Store.open(taken.path, create=False) as copy:
        assert copy.counts()["cards"] > 0
    assert not list(taken.path.parent.glob("*.partial"))


def test_restore_returns_to_a_backup_and_keeps_the_present(db_path: Path) -> None:
    backup.take(db_path, "manual", NOW)
    with_history(db_path)
    code, out, err = run("backup", "restore", "--db", str(db_path))
    assert code == 0, err
    assert out.startswith("Restored ")
    with Store.open(db_path) as store:
        assert store.counts()["reviews"] == 0
    (before_restore,) = [b for b in backup.backups(db_path) if b.reason == "before-restore"]
    with Store.open(before_restore.path, create=False) as old:
        assert old.counts()["reviews"] == 4


def test_restore_with_no_backups_is_one_line(db_path: Path) -> None:
    code, _, err = run("backup", "restore", "--db", str(db_path))
    assert code == 1
    assert err == f"Error: no backups of {db_path} yet\n"


def test_check_finds_nothing_wrong_after_real_use(db_path: Path) -> None:
    with_history(db_path)
    with Store.open(db_path) as store:
        assert check(store).ok


def test_backups_an_older_version_kept_by_stem_are_listed_and_restorable(db_path: Path) -> None:
    older_folder = db_path.with_name("collection-backups")
    older_folder.mkdir()
    older = older_folder / "20260301T090000Z-daily.db"
    backup.take(db_path, "manual", NOW).rename(older)
    old_bytes = older.read_bytes()
    with_history(db_path)
    for day in range(9):
        backup.take(db_path, backup.DAILY, NOW + timedelta(days=day))
        backup.prune(db_path)

    code, out, _ = run("backup", "list", "--db", str(db_path))
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith(older.name)]
    assert line.split()[1:3] == ["daily", "(older)"]
    assert out.splitlines()[-1] == (
        f"(older): kept by an earlier version in {older_folder}/, a folder that collections "
        "with the same name before the dot shared; restorable, never pruned."
    )
    code, out, _ = run("backup", "list", "--db", str(db_path), "--json")
    (listed,) = [row for row in json.loads(out) if row["older"]]
    assert listed["name"] == older.name and listed["path"] == str(older)

    code, out, err = run("backup", "restore", older.name, "--db", str(db_path))
    assert (code, err) == (0, "")
    with Store.open(db_path) as store:
        assert store.counts()["reviews"] == 0
    assert older.read_bytes() == old_bytes  # read, never written
    assert len([b for b in backup.backups(db_path) if b.reason == backup.DAILY]) == 8


def test_restore_when_the_collection_file_is_gone(db_path: Path) -> None:
    saved = backup.take(db_path, "manual", NOW)
    db_path.unlink()
    code, out, err = run("backup", "restore", "--db", str(db_path))
    assert (code, out, err) == (
        0,
        f"Restored {saved.name}. There was no collection at {db_path} before.\n",
        "",
    )
    with Store.open(db_path) as store:
        assert store.counts()["cards"] > 0
