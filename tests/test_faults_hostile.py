"""Faults found by probing as a hostile or unlucky user would: an export aimed at the
collection, backups taken at the same moment, restores of files that are not sound backups,
settings that break the scheduler, manifests that reach outside their folder, and text that
carries terminal control sequences.

As in test_faults.py, each runs the real command in a child process against a real file.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pexpect
import pytest
from test_faults import ENV, assert_one_line_error, assert_sound, command, run

from conftest import CHAPTER_5, NOW, OVERVIEW, spawn_cli
from leadership_cards import backup
from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.store import DeckInfo, Store, schema


def counts(db: Path) -> dict[str, int]:
    with Store.open(db) as store:
        return store.counts()


# -- 1. an output path is never the collection ----------------------------------------------


def output_targets(db: Path) -> dict[str, Path]:
    """Every way a user might name the collection, or a file of its own, as an output."""
    folder = db.parent
    (folder / "link.db").symlink_to(db)
    os.link(db, folder / "hard.db")
    (folder / "wal-link").symlink_to(db.with_name(db.name + "-wal"))
    saved = backup.take(db, "manual", NOW)
    older = backup.older_backup_folder(db)
    older.mkdir()
    older_backup = older / "20260301T000000Z-daily.db"
    older_backup.write_bytes(saved.read_bytes())
    return {
        "itself": db,
        "relative": Path(os.path.relpath(db)),
        "via ..": folder / "sub" / ".." / db.name,
        "symlink": folder / "link.db",
        "hard link": folder / "hard.db",
        "its WAL": db.with_name(db.name + "-wal"),
        "its journal": db.with_name(db.name + "-journal"),
        "symlink to its WAL": folder / "wal-link",
        "a backup": saved,
        "new file in its backups": saved.with_name("new.json"),
        "an older version's backup": older_backup,
        "new file in an older version's backups": older / "new.json",
    }


@pytest.mark.parametrize("fmt", ["json", "csv", "anki", "markdown"])
def test_an_export_never_overwrites_the_collection(db_path: Path, fmt: str) -> None:
    (db_path.parent / "sub").mkdir()
    before = counts(db_path)
    targets = output_targets(db_path)
    saved = sorted(backup.backup_folder(db_path).iterdir())
    images = {path: path.read_bytes() for path in saved}
    for what, target in targets.items():
        result = run("export", fmt, "-o", str(target), "--db", str(db_path), cwd=db_path.parent)
        assert_one_line_error(result)
        assert "cannot write" in result.stderr, (what, result.stderr)
    assert counts(db_path) == before
    assert_sound(db_path)
    assert {path: path.read_bytes() for path in saved} == images
    # an ordinary file beside it is still fine
    assert (
        run("export", fmt, "-o", str(db_path.parent / "out"), "--db", str(db_path)).returncode == 0
    )


# -- 2. backups -----------------------------------------------------------------------------


def test_backups_at_the_same_moment_never_collide(db_path: Path) -> None:
    first = backup.take(db_path, "manual", NOW)
    second = backup.take(db_path, "manual", NOW)
    assert first != second and first.exists() and second.exists()
    assert len(backup.backups(db_path)) == 2


def test_sixteen_concurrent_backups_are_all_whole(db_path: Path, tmp_path: Path) -> None:
    from test_faults import make_big_deck

    make_big_deck(db_path, tmp_path)
    children = [
        subprocess.Popen(
            command("backup", "create", "--db", str(db_path)),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(16)
    ]
    said = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        said.append(out.removeprefix("Saved ").strip())
    found = backup.backups(db_path)
    assert sorted(str(b.path) for b in found) == sorted(said)  # 16 distinct files
    expected = counts(db_path)
    for item in found:
        assert backup.verify(item.path) == schema.VERSION
        with Store.open(item.path, create=False) as copy:
            assert copy.counts() == expected
    assert not [p for p in backup.backup_folder(db_path).iterdir() if not p.name.endswith(".db")]


def test_backups_are_kept_per_collection_file(tmp_path: Path) -> None:
    work_db, work_sqlite = tmp_path / "work.db", tmp_path / "work.sqlite"
    for path in (work_db, work_sqlite):
        Store.open(path).close()
        assert run("backup", "create", "--db", str(path)).returncode == 0
    assert backup.backup_folder(work_db) != backup.backup_folder(work_sqlite)
    assert len(backup.backups(work_db)) == len(backup.backups(work_sqlite)) == 1


def test_backups_and_the_collection_are_private(tmp_path: Path) -> None:
    db = tmp_path / "private" / "c.db"
    os.umask(0o022)
    assert run("backup", "create", "--db", str(db)).returncode == 0
    (saved,) = backup.backups(db)
    assert saved.path.stat().st_mode & 0o777 == 0o600
    assert saved.path.parent.stat().st_mode & 0o777 == 0o700
    assert db.stat().st_mode & 0o777 == 0o600
    assert db.parent.stat().st_mode & 0o777 == 0o700
    with Store.open(db) as store:  # the journals exist while the collection is open
        store.set_setting("new_per_day", 5)
        for journal in (db.with_name("c.db-wal"), db.with_name("c.db-shm")):
            assert journal.stat().st_mode & 0o777 == 0o600, journal
    out = tmp_path / "progress.apkg"
    assert run("export", "anki", "--with-progress", "-o", str(out), "--db", str(db)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600


def bad_backup(db: Path, kind: str) -> Path:
    """A file in the backup folder, named like a backup, that is not a sound one."""
    path = backup.backup_folder(db) / f"20260301T000000000000Z-manual.{kind}.db"
    path.parent.mkdir(exist_ok=True)
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "tableless":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA application_id = 1279476050")
        conn.execute("PRAGMA user_version = 4")
        conn.execute("CREATE TABLE unrelated (x)")
        conn.commit()
        conn.close()
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        shutil.copyfile(db, path)
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
        conn.commit()
        conn.close()
    elif kind == "damaged":
        shutil.copyfile(db, path)
        data = bytearray(path.read_bytes())
        data[4096:8192] = b"\xff" * 4096
        path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("kind", ["empty", "tableless", "foreign", "newer", "damaged"])
def test_restore_refuses_what_is_not_a_sound_backup(db_path: Path, kind: str) -> None:
    bad = bad_backup(db_path, kind)
    image = bad.read_bytes()
    before = counts(db_path)
    result = run("backup", "restore", bad.name, "--db", str(db_path))
    assert_one_line_error(result)
    assert counts(db_path) == before
    assert bad.read_bytes() == image
    assert [b.path for b in backup.backups(db_path)] == [bad]  # nothing taken, nothing left
    assert_sound(db_path)


def test_restoring_an_older_backup_upgrades_a_copy_not_the_backup(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    schema.migrate(conn, upto=schema.VERSION - 1)
    conn.execute("INSERT INTO decks (name, title, position, added_at) VALUES ('d', 'D', 1, 0)")
    conn.close()
    Store.open(db).close()
    target = backup.backup_folder(db) / "20260301T000000000000Z-manual.abcd.db"
    target.parent.mkdir()
    shutil.copyfile(old, target)
    image = target.read_bytes()
    result = run("backup", "restore", target.name, "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == image
    with Store.open(db) as store:
        assert [deck.name for deck in store.decks()] == ["d"]
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def old_collection(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(conn, upto=schema.VERSION - 1)
    conn.close()
    with Store.open(path.with_name("filler.db")) as store:
        from conftest import fill

        fill(store)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"ATTACH '{path.with_name('filler.db')}' AS f")
    for table in ("decks", "cards"):
        columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM f.{table}")
    conn.execute("DETACH f")
    conn.close()


def test_eight_openers_of_an_old_collection_at_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    old_collection(db)
    children = [
        subprocess.Popen(
            command("decks", "--db", str(db)),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert "sample" in out
    found = backup.backups(db)
    assert found and all(b.reason == f"before-schema-{schema.VERSION}" for b in found)
    for item in found:
        assert backup.verify(item.path) == schema.VERSION - 1
    assert_sound(db)


# -- 4. settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("learning_steps", "nan"),
        ("learning_steps", "inf"),
        ("learning_steps", "1e400"),
        ("learning_steps", "5000000d"),
        ("learning_steps", "0.1s"),
        ("relearning_steps", "1e9d"),
        ("relearning_steps", "-5m"),
        ("desired_retention", "nan"),
        ("desired_retention", "1e400"),
        ("desired_retention", "1"),
        ("new_per_day", "-1"),
        ("new_per_day", "1e400"),
        ("reviews_per_day", "10000000"),
        ("leech_lapses", "2.5"),
        ("rollover_hour", "24"),
    ],
)
def test_a_setting_out_of_range_is_refused(db_path: Path, key: str, value: str) -> None:
    result = run("config", "--db", str(db_path), "--", key, value)
    assert_one_line_error(result)
    assert result.stderr.startswith(f"Error: {key}: ")
    with Store.open(db_path) as store:
        assert key not in store.settings()


BAD_STORED = {
    "learning_steps": "[NaN]",
    "relearning_steps": "[1e400]",
    "desired_retention": "Infinity",
    "new_per_day": '"many"',
    "reviews_per_day": "-4",
    "leech_lapses": "null",
    "rollover_hour": "99",
    "fuzz": "[]",
    "fsrs_parameters": '{"parameters": [NaN, 1]}',
}


@pytest.mark.parametrize(
    "args",
    [
        ["decks"],
        ["stats"],
        ["simulate", "--days", "30"],
        ["export", "anki", "-o", "out.apkg"],
        ["config"],
    ],
)
def test_bad_stored_settings_fall_back_to_defaults(db_path: Path, args: list[str]) -> None:
    """Values an older version let through: every command still works, and says so once."""
    conn = sqlite3.connect(db_path)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", BAD_STORED.items())
    conn.commit()
    conn.close()
    result = run(*args, "--db", str(db_path), cwd=db_path.parent)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(set(lines)) == len(lines) >= len(BAD_STORED) - 1  # `config` needs no parameters
    assert all(line.startswith("Warning: the stored ") for line in lines)


def test_review_with_bad_stored_settings(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", BAD_STORED.items())
    conn.commit()
    conn.close()
    child = spawn_cli(db_path, "review")
    child.expect("show answer")
    child.send(" ")
    child.expect("4 Easy")
    child.send("3")
    child.expect("show answer")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert counts(db_path)["reviews"] == 1


# -- 5. manifests ---------------------------------------------------------------------------


def manifest_folder(tmp_path: Path, files: list[str]) -> Path:
    folder = tmp_path / "deck"
    folder.mkdir()
    shutil.copyfile(CHAPTER_5, folder / "ch5.txt")
    (folder / "deck.toml").write_text(
        'title = "Mine"\n[[chapters]]\ntitle = "One"\nfiles = ' + json.dumps(files) + "\n"
    )
    return folder


@pytest.mark.parametrize("escape", ["absolute", "dotdot", "symlink", "symlinked folder"])
def test_a_manifest_cannot_reach_outside_its_folder(
    db_path: Path, tmp_path: Path, escape: str
) -> None:
    secret = tmp_path / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text(CHAPTER_5.read_text().replace("Mutual", "PIN 4711 Mutual"))
    name = {
        "absolute": str(secret),
        "dotdot": "../private/notes.txt",
        "symlink": "link.txt",
        "symlinked folder": "elsewhere/notes.txt",
    }[escape]
    folder = manifest_folder(tmp_path, ["ch5.txt", name])
    (folder / "link.txt").symlink_to(secret)
    (folder / "elsewhere").symlink_to(secret.parent)
    before = counts(db_path)
    result = run("add", str(folder), "--db", str(db_path))
    assert_one_line_error(result)
    assert "outside the deck's folder" in result.stderr
    assert counts(db_path) == before


@pytest.mark.parametrize("file", ["deck.toml", "overrides.toml"])
def test_deeply_nested_toml_is_one_line(db_path: Path, tmp_path: Path, file: str) -> None:
    folder = manifest_folder(tmp_path, ["ch5.txt"])
    nested = "x = " + "[" * 20_000 + "]" * 20_000 + "\n"
    if file == "deck.toml":
        (folder / file).write_text(nested)
    else:
        (folder / file).write_text(nested)
    result = run("add", str(folder), "--db", str(db_path))
    assert_one_line_error(result)
    assert "nested too deeply" in result.stderr


# -- 6. control characters never reach the terminal -----------------------------------------

HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b]0;owned\x07\x9b2J\x1bc\x07"


def hostile_deck(db: Path) -> None:
    source = SourceRef("x.txt", "paragraph 1", f"passage {HOSTILE}")
    card = Card(
        "evil",
        f"Chapter {HOSTILE}",
        Kind.DEFINITION,
        f"What is {HOSTILE}trust?",
        f"The {HOSTILE}basis of leadership",
        source,
        "evil/1",
        None,
        ("evil",),
    )
    with Store.open(db) as store:
        store.sync_deck(DeckInfo("evil", f"Evil {HOSTILE}", origin="x"), [card], NOW)


def assert_clean(text: str) -> None:
    for sequence in ("\x1b]", "\x1b[2J", "\x9b", "\x1bc", "\x07"):
        assert sequence not in text, (sequence, text)


def test_control_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    hostile_deck(db)
    with Store.open(db) as store:
        card_id = next(store.cards()).id
    for args in (["cards"], ["decks"], ["show", card_id], ["quiz", "--history"]):
        result = run(*args, "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout)
        assert "trust" in result.stdout or "Evil" in result.stdout or "No quizzes" in result.stdout
    for color in (False, True):
        child = spawn_cli(db, "review", "--deck", "evil", color=color)
        child.logfile_read = screen = io.StringIO()
        child.expect("show answer")
        child.send(" ")
        child.expect("4 Easy")
        child.send("q")
        child.expect(pexpect.EOF)
        child.close()
        seen = screen.getvalue()
        assert "What is trust?" in seen.replace("\x1b[1m", "").replace("\x1b[0m", "")
        assert_clean(seen.replace("\x1b[2J\x1b[H", "") if color else seen)


# -- 3. undo across terminals -----------------------------------------------------------------


def test_undo_refuses_when_another_terminal_answered_since(db_path: Path) -> None:
    one, two = spawn_cli(db_path, "review"), spawn_cli(db_path, "review")
    for child in (one, two):  # both show the same first new card and answer it
        child.expect("show answer")
        child.send(" ")
        child.expect("4 Easy")
        child.send("3")
        child.expect("show answer")
    one.send("u")
    one.expect("Cannot undo: the card was answered again since")
    for child in (one, two):
        child.send("q")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    assert counts(db_path)["reviews"] == 2
    assert_sound(db_path)


# -- 7. two adds of one name at once ---------------------------------------------------------


def test_two_adds_of_one_name_at_once(db_path: Path, tmp_path: Path) -> None:
    folders = []
    for name, chapter in (("a", CHAPTER_5), ("b", OVERVIEW)):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copyfile(chapter, folder / chapter.name)
        folders.append(folder)
    # Another writer holds the collection while both adds generate their cards and look for
    # the name, so both reach the write at the same moment.
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    children = [
        subprocess.Popen(
            command("add", str(folder), "--deck", "shared", "--db", str(db_path)),
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in folders
    ]
    time.sleep(3)
    holder.execute("ROLLBACK")
    holder.close()
    outputs = [child.communicate(timeout=60) for child in children]
    results = [
        (child.returncode, out, err) for child, (out, err) in zip(children, outputs, strict=True)
    ]
    assert sorted(code for code, _, _ in results) == [0, 1], results
    (loser,) = [err for code, _, err in results if code == 1]
    assert loser == (
        "Error: a deck named 'shared' already exists from other files; "
        "choose another name with --deck\n"
    )
    (winner,) = [out for code, out, _ in results if code == 0]
    with Store.open(db_path) as store:
        live = sum(1 for _ in store.cards(deck="shared"))
        everything = sum(1 for _ in store.cards(deck="shared", include_retired=True))
    assert live == everything > 0  # nothing retired
    assert winner.startswith(f"Added deck 'shared': {live} new cards")


# -- 8. a clock that goes backwards ----------------------------------------------------------


def test_a_clock_set_back_never_reorders_the_log(db_path: Path) -> None:
    from datetime import timedelta

    from leadership_cards.check import check
    from leadership_cards.review import ReviewSession
    from leadership_cards.scheduler import Rating, SchedulerConfig

    with Store.open(db_path) as store:
        session = ReviewSession(store, SchedulerConfig(), now=NOW)
        card = session.next_card(NOW)
        session.answer(card, Rating.GOOD, NOW, 900)
        behind = NOW - timedelta(minutes=5)  # the clock was set back five minutes
        card = store.card(card.id)
        session.answer(card, Rating.AGAIN, behind, 900)
        answered = store.card(card.id).schedule
        assert answered.last_review >= NOW.replace(microsecond=0)
        log = list(store.reviews(card.id))
        assert [review.rating for review in log] == [3, 1]  # the log's time order is as given
        assert log[1].reviewed_at >= log[0].reviewed_at
        assert check(store).ok
    # Repair replays the answers in the order given (time order), to the schedule they gave.
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE cards SET stability = NULL WHERE id = ?", (card.id,))
    conn.commit()
    conn.close()
    result = run("check", "--repair", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    with Store.open(db_path) as store:
        assert store.card(card.id).schedule == answered
    assert_sound(db_path)


# -- 9. smaller ------------------------------------------------------------------------------


def test_a_pipe_or_a_device_is_not_a_collection(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    journal = Path("/dev/null-journal")
    had_journal = journal.exists()
    for target in (fifo, Path("/dev/null"), Path("/dev/zero")):
        result = run("decks", "--db", str(target))  # run's timeout catches a blocked open
        assert_one_line_error(result)
        assert result.stderr == (
            f"Error: {target} is not a regular file, so it cannot be a collection\n"
        )
    assert had_journal or not journal.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.db"]


@pytest.mark.parametrize(
    ("kind", "give"),
    [
        ("anki", "an .apkg or .colpkg file, or collection.anki2"),
        ("csv", "a text file (CSV or Anki's text format)"),
    ],
)
def test_an_import_of_a_pipe_or_a_device_is_refused(db_path: Path, kind: str, give: str) -> None:
    fifo = db_path.parent / f"fifo.{kind}"
    os.mkfifo(fifo)
    before = counts(db_path)
    for source in (fifo, Path("/dev/zero")):
        result = run("import", kind, str(source), "--db", str(db_path))  # times out if blocked
        assert_one_line_error(result)
        assert result.stderr == (
            f"Error: {source} is not a regular file (a device, pipe or socket); give {give}\n"
        )
    result = run("import", kind, str(db_path.parent), "--db", str(db_path))
    assert result.stderr == f"Error: {db_path.parent} is a folder; give {give}\n"
    assert counts(db_path) == before


def test_search_text_is_literal(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    fronts = ["What is the 50% rule?", "What is the 500 rule?", "What is a_b?", "What is axb?"]
    cards = [
        Card("d", "Ch", Kind.DEFINITION, front, "x", SourceRef("f", f"p{i}"), f"d/{i}")
        for i, front in enumerate(fronts)
    ]
    with Store.open(db) as store:
        store.sync_deck(DeckInfo("d", "D"), cards, NOW)
    for search, expected in (("50%", fronts[0]), ("a_b", fronts[2]), ("%", fronts[0])):
        result = run("cards", "--search", search, "--json", "--db", str(db))
        assert [card["front"] for card in json.loads(result.stdout)] == [expected], search


def test_a_nearly_full_disk_is_said_as_such(db_path: Path, tmp_path: Path) -> None:
    from test_faults import tiny_filesystem

    with Store.open(db_path) as store:
        card_id = next(store.cards()).id
    with tiny_filesystem("512k") as small:
        db = small / "c.db"
        shutil.copyfile(db_path, db)
        free = os.statvfs(small).f_bavail * os.statvfs(small).f_frsize
        (small / "filler").write_bytes(b"\0" * (free - 8192))
        result = run("suspend", card_id, "--db", str(db))
        assert_one_line_error(result)
        assert result.stderr == f"Error: not enough space to use {db}; nothing was changed\n"
        (small / "filler").unlink()
        folder = tmp_path / "book"
        from test_faults import big_chapter_folder

        big_chapter_folder(folder, 80)
        result = run("add", str(folder), "--db", str(db))
        assert_one_line_error(result)
        assert result.stderr.startswith("Error: not enough space")
        assert run("check", "--db", str(db)).returncode == 0
