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
from pathlib import Path

import pexpect
import pytest
from test_faults import ENV, assert_one_line_error, assert_sound, command, run

from conftest import CHAPTER_5, NOW, spawn_cli
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
        assert run("decks", "--db", str(path)).returncode == 0
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
    assert run("decks", "--db", str(db)).returncode == 0
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
        conn.execute(f"INSERT INTO {table} SELECT * FROM f.{table}")
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
    for args in (["cards"], ["decks"]):
        result = run(*args, "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout)
        assert "trust" in result.stdout or "Evil" in result.stdout
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
