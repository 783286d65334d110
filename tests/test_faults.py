"""Faults a collection must survive: processes killed mid-write, several processes at once,
damaged, foreign and newer files, read-only files and folders, and a full disk.

Each test runs the real command in a child process against a real file, then checks that the
collection still opens, passes `check`, and lost nothing that had been committed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from conftest import spawn_cli
from leadership_cards.deck_source import embedded_deck_dir
from leadership_cards.store import Store, schema

ENV = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "TERM": "xterm", "LANG": "C.UTF-8"}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "leadership_cards", *args]


def run(*args: str, **options) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args), capture_output=True, text=True, timeout=60, env=ENV, **options
    )


def assert_sound(db: Path) -> None:
    result = run("check", "--db", str(db))
    assert (result.returncode, result.stdout) == (0, "The collection is sound.\n"), result.stderr


def assert_one_line_error(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def big_chapter_folder(folder: Path, copies: int) -> Path:
    """A folder of many chapters (the real ones, renamed), so that `add` takes a while."""
    folder.mkdir()
    sources = sorted(embedded_deck_dir().glob("*.txt"))
    for i in range(copies):
        source = sources[i % len(sources)]
        text = source.read_text().replace("inner leader", f"inner leader {i}")
        (folder / f"{i:04d}-{source.name}").write_text(text)
    return folder


def kill_when(child: subprocess.Popen, ready, timeout: float = 30) -> bool:
    """SIGKILL `child` as soon as `ready()` is true; False if it finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            return False
        if ready():
            child.send_signal(signal.SIGKILL)
            child.wait()
            return True
        time.sleep(0.001)
    child.kill()
    raise AssertionError("the command neither finished nor reached the point to kill it")


# -- killed processes ----------------------------------------------------------------------


def test_sigkill_during_add_leaves_the_deck_whole_or_absent(db_path: Path, tmp_path: Path) -> None:
    folder = big_chapter_folder(tmp_path / "book", 120)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.unlink(missing_ok=True)
    start_size = wal.stat().st_size if wal.exists() else 0
    child = subprocess.Popen(command("add", str(folder), "--db", str(db_path)), env=ENV)
    # killed once the add has begun writing to the collection
    kill_when(child, lambda: wal.exists() and wal.stat().st_size > start_size + 4096)
    assert_sound(db_path)
    with Store.open(db_path) as store:
        partial = {deck.name for deck in store.decks()}
        count = sum(1 for _ in store.cards(deck="book")) if "book" in partial else 0
    # a second, uninterrupted add gives the whole deck; the killed one gave all or nothing
    assert run("add", str(folder), "--db", str(db_path)).returncode == 0
    with Store.open(db_path) as store:
        whole = sum(1 for _ in store.cards(deck="book"))
    assert count in (0, whole)


def make_big_deck(db: Path, tmp_path: Path) -> None:
    folder = big_chapter_folder(tmp_path / "book", 200)
    assert run("add", str(folder), "--db", str(db)).returncode == 0


def test_sigkill_during_export_leaves_no_partial_file(db_path: Path, tmp_path: Path) -> None:
    make_big_deck(db_path, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "deck.apkg"
    child = subprocess.Popen(
        command("export", "anki", "-o", str(target), "--db", str(db_path)), env=ENV
    )
    killed = kill_when(child, lambda: any(out.glob(".deck.apkg.*.tmp")))
    assert killed, "the export finished before it could be interrupted"
    assert not target.exists()  # never a half-written export under the real name
    assert_sound(db_path)
    # the next export cleans up what the killed one left and writes a whole file
    assert run("export", "anki", "-o", str(target), "--db", str(db_path)).returncode == 0
    assert target.exists() and not list(out.glob(".deck.apkg.*.tmp"))


def spawn_review(db: Path) -> pexpect.spawn:
    child = spawn_cli(db, "review")
    child.delaybeforesend = None
    return child


def test_two_reviews_and_an_add_at_once(db_path: Path, tmp_path: Path) -> None:
    folder = big_chapter_folder(tmp_path / "book", 60)
    reviewers = [spawn_review(db_path), spawn_review(db_path)]
    adding = subprocess.Popen(
        command("add", str(folder), "--db", str(db_path)),
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    answers = 0
    for _ in range(4):
        for child in reviewers:
            child.expect("show answer")
            child.send(" ")
            child.expect("4 Easy")
            child.send("3")
            answers += 1
    for child in reviewers:
        child.expect("show answer")
        child.send("q")
        child.expect("Session done")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    out, err = adding.communicate(timeout=60)
    assert adding.returncode == 0, err
    assert out.startswith("Added deck 'book'")
    with Store.open(db_path) as store:
        assert store.counts()["reviews"] == answers
    assert_sound(db_path)


# -- damaged, foreign and newer files ------------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "garbage", "foreign", "newer"])
def test_a_bad_collection_file_is_refused_untouched(db_path: Path, damage: str) -> None:
    if damage == "truncated":
        db_path.write_bytes(db_path.read_bytes()[:3000])
    elif damage == "garbage":
        db_path.write_bytes(os.urandom(20_000))
    elif damage == "foreign":
        db_path.unlink()
        conn = sqlite3.connect(db_path)
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
        conn.commit()
        conn.close()
    else:
        conn = sqlite3.connect(db_path)
        conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
        conn.close()
    before = db_path.read_bytes()
    for args in (["decks"], ["cards", "--json"], ["suspend", "abc"], ["stats"], ["check"]):
        result = run(*args, "--db", str(db_path))
        assert_one_line_error(result)
    assert db_path.read_bytes() == before


# -- permissions and space -----------------------------------------------------------------

# As root, file permissions are not checked; dropping the capabilities that let root ignore
# them makes root subject to them, so these tests mean the same as root and as a user.
DROP_ROOT_POWERS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def as_plain_user(*args: str) -> subprocess.CompletedProcess[str]:
    prefix = DROP_ROOT_POWERS if os.geteuid() == 0 else []
    if prefix and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv to give up root's file access")
    return subprocess.run(
        [*prefix, *command(*args)], capture_output=True, text=True, timeout=60, env=ENV
    )


def test_a_read_only_collection_file(db_path: Path) -> None:
    card_id = next(Store.open(db_path).cards()).id
    os.chmod(db_path, 0o444)
    before = db_path.read_bytes()
    listed = as_plain_user("decks", "--db", str(db_path))
    assert listed.returncode == 0, listed.stderr  # reading still works
    result = as_plain_user("suspend", card_id, "--db", str(db_path))
    assert_one_line_error(result)
    assert result.stderr == "Error: the collection is read-only here; nothing was changed\n"
    assert db_path.read_bytes() == before


def test_a_read_only_folder(db_path: Path) -> None:
    folder = db_path.parent
    for leftover in folder.glob("collection.db-*"):
        leftover.unlink()
    os.chmod(folder, 0o555)
    try:
        result = as_plain_user("decks", "--db", str(db_path))
        assert_one_line_error(result)
        assert "read-only" in result.stderr
        result = as_plain_user("decks", "--db", str(folder / "new.db"))
        assert_one_line_error(result)
        assert not (folder / "new.db").exists()
    finally:
        os.chmod(folder, 0o755)


def test_an_unwritable_export_folder(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    os.chmod(out, 0o555)
    try:
        result = as_plain_user("export", "json", "-o", str(out / "x.json"), "--db", str(db_path))
        assert_one_line_error(result)
        assert (
            result.stderr
            == f"Error: cannot write {out / 'x.json'}: the folder {out} is not writable\n"
        )
        assert list(out.iterdir()) == []
    finally:
        os.chmod(out, 0o755)


@contextlib.contextmanager
def tiny_filesystem(size: str = "16k") -> Iterator[Path]:
    """A small tmpfs, so a write runs out of space for real (ENOSPC)."""
    folder = Path(tempfile.mkdtemp())
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
        folder.rmdir()


def test_a_full_disk_during_export(db_path: Path, tmp_path: Path) -> None:
    make_big_deck(db_path, tmp_path)
    with tiny_filesystem() as small:
        (small / "deck.json").write_text("the previous export\n")
        result = run("export", "json", "-o", str(small / "deck.json"), "--db", str(db_path))
        assert_one_line_error(result)
        assert result.stderr.startswith("Error: not enough space to write ")
        # the earlier file is untouched and no partial file is left
        assert (small / "deck.json").read_text() == "the previous export\n"
        assert sorted(p.name for p in small.iterdir()) == ["deck.json"]
    assert_sound(db_path)


def test_an_unexpected_fault_is_one_line_and_a_report_file(tmp_path: Path) -> None:
    """A bug (here a command added from outside that divides by zero) reaches the user as
    one line naming the report file; the traceback is in the file, not on the screen."""
    script = (
        "import sys, click\n"
        "from leadership_cards import cli\n"
        "cli.cli.add_command(click.Command('boom', callback=lambda: 1 / 0))\n"
        "sys.argv = ['leadership-cards', 'boom']\n"
        "cli.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**ENV, "TMPDIR": str(tmp_path)},
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: unexpected ZeroDivisionError: division by zero")
    report = Path(result.stderr.rsplit("full report: ", 1)[1].rstrip(")\n"))
    assert report.parent == tmp_path
    assert "Traceback" in report.read_text() and "ZeroDivisionError" in report.read_text()


def test_a_collection_locked_by_another_process(db_path: Path) -> None:
    with Store.open(db_path) as store:
        card_id = next(store.cards()).id
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holding the file for a long time
    try:
        started = time.monotonic()
        result = run("suspend", card_id, "--db", str(db_path))
        assert_one_line_error(result)
        assert "busy in another process" in result.stderr
        assert time.monotonic() - started >= 4  # it waited before giving up
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db_path) as store:
        assert not store.card(card_id).suspended
    assert run("suspend", card_id, "--db", str(db_path)).returncode == 0
