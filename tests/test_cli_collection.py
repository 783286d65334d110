"""The learner in charge of the collection, through the command line: decks removed and
renamed, one card seen whole, mended, reset and tagged, and the conventions every command
keeps (--db before the command, --json, one-line errors, plurals)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from conftest import NOW
from leadership_cards import backup
from leadership_cards.cli import cli
from leadership_cards.collection import open_collection
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store
from leadership_cards.words import counted


def run(*args: str, input: str | None = None, env: dict | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, env=env)
    return result.exit_code, result.stdout, result.stderr


def answer(db: Path, count: int, deck: str | None = None) -> list[str]:
    with Store.open(db) as store:
        session = ReviewSession(store, SchedulerConfig(fuzz=False), deck=deck, now=NOW)
        done = []
        for _ in range(count):
            card = session.next_card(NOW)
            session.answer(card, Rating.GOOD, NOW, 2000)
            done.append(card.id)
        return done


@pytest.fixture
def embedded(tmp_path: Path) -> Path:
    path = tmp_path / "embedded.db"
    open_collection(path, NOW).close()
    return path


# -- decks ---------------------------------------------------------------------------------


def test_remove_asks_takes_a_backup_and_the_embedded_deck_stays_removed(embedded: Path):
    answer(embedded, 2)
    code, _, err = run("decks", "remove", "inner-leadership", "--db", str(embedded), input="n\n")
    assert (code, err) == (1, "Error: nothing was removed\n")
    with Store.open(embedded) as store:
        assert store.count_cards() > 50
    code, out, _ = run("decks", "remove", "inner-leadership", "--db", str(embedded), input="y\n")
    assert code == 0
    assert "Remove deck 'inner-leadership': " in out and "and their review history? [y/N]" in out
    assert "A backup is at " in out and "decks restore-embedded" in out
    backups = [b.path for b in backup.backups(embedded) if b.reason == "before-deck-remove"]
    assert len(backups) == 1
    with Store.open(backups[0]) as saved:
        assert saved.counts()["reviews"] == 2  # the history is in the backup
    # Opening again does not bring the embedded deck back.
    code, out, _ = run("decks", "--json", "--db", str(embedded))
    assert (code, json.loads(out)) == (0, [])
    with Store.open(embedded) as store:
        assert store.counts() == {"cards": 0, "reviews": 0}
        assert store.removed_decks() == {"inner-leadership": "embedded"}
    code, out, _ = run("decks", "restore-embedded", "--db", str(embedded))
    assert code == 0 and out.startswith("Restored the Inner Leadership deck: ")
    assert json.loads(run("decks", "--json", "--db", str(embedded))[1])[0]["cards"] > 50
    code, _, err = run("decks", "restore-embedded", "--db", str(embedded))
    assert (code, err) == (1, "Error: the Inner Leadership deck is already in the collection\n")


def test_restoring_the_embedded_deck_after_renaming_it_names_it(embedded: Path):
    answer(embedded, 2)
    assert run("decks", "rename", "inner-leadership", "il", "--db", str(embedded))[0] == 0
    code, out, err = run("decks", "restore-embedded", "--db", str(embedded))
    assert (code, out, err) == (
        1,
        "",
        "Error: the Inner Leadership deck is already in the collection (as 'il')\n",
    )
    with Store.open(embedded) as store:
        assert store.counts()["reviews"] == 2
        assert [deck.name for deck in store.decks()] == ["il"]


def test_remove_with_yes_and_an_unknown_deck(db_path: Path):
    code, _, err = run("decks", "remove", "nope", "--yes", "--db", str(db_path))
    assert (code, err) == (1, "Error: no deck named 'nope' (decks: sample)\n")
    code, out, _ = run("decks", "remove", "sample", "--yes", "--db", str(db_path))
    assert code == 0 and out.startswith("Removed deck 'sample' (14 cards). A backup is at ")


def test_rename_keeps_every_card_and_its_history(db_path: Path):
    (card_id,) = answer(db_path, 1)
    code, out, _ = run("decks", "rename", "sample", "mine", "--db", str(db_path))
    assert (code, out) == (0, "Renamed deck 'sample' to 'mine'.\n")
    with Store.open(db_path) as store:
        assert store.card(card_id).deck == "mine"
        assert len(list(store.reviews(card_id))) == 1
        assert [d.name for d in store.decks()] == ["mine"]
    code, _, err = run("decks", "rename", "nope", "x", "--db", str(db_path))
    assert (code, err) == (1, "Error: no deck named 'nope' (decks: mine)\n")


def test_db_before_the_command(db_path: Path):
    code, out, _ = run("--db", str(db_path), "decks", "--json")
    assert code == 0 and [d["name"] for d in json.loads(out)] == ["sample"]
    code, out, _ = run("--db", str(db_path), "decks", "rename", "sample", "other")
    assert code == 0
    assert run("decks", "--db", str(db_path), "--json")[1].count('"other"') == 1


def test_a_mistyped_db_for_a_read_only_command_is_not_created(tmp_path: Path):
    typo = tmp_path / "colection.db"
    for command in (["decks"], ["cards"], ["stats"], ["history"], ["show", "abc"]):
        code, _, err = run(*command, "--db", str(typo))
        assert (code, err) == (1, f"Error: no collection at {typo}: the file does not exist\n")
    assert not typo.exists()


def test_decks_stats_and_review_count_alike(db_path: Path):
    answer(db_path, 3)
    decks = json.loads(run("decks", "--json", "--db", str(db_path))[1])[0]
    stats = json.loads(run("stats", "--json", "--db", str(db_path))[1])
    assert {k: decks[k] for k in ("new", "learning", "review")} == stats["left_today"]
    assert decks["new"] == stats["new_today"] == 9  # 12 new cards, 3 introduced today
    assert decks["due_today"] == stats["due_today"]
    text = run("decks", "--db", str(db_path))[1]
    assert text.splitlines()[0].split() == ["deck", "cards", "new", "learning", "review", "title"]


def test_the_new_card_limit_holds_across_deck_sessions(db_path: Path):
    with Store.open(db_path) as store:
        from conftest import fill

        fill(store, deck="other")
    run("config", "new_per_day", "5", "--db", str(db_path))
    config = SchedulerConfig(fuzz=False, new_per_day=5)
    introduced = 0
    for deck in ("sample", "other", "sample"):
        with Store.open(db_path) as store:
            session = ReviewSession(store, config, deck=deck, now=NOW)
            while (card := session.next_card(NOW)) is not None and card.schedule.state == "new":
                session.answer(card, Rating.EASY, NOW, 1000)
            introduced += session.tally.new_seen
    assert introduced == 5  # not 5 a deck


# -- one card ------------------------------------------------------------------------------


def test_show_lines_up_answers_given_in_the_middle_of_a_second(db_path: Path):
    from datetime import timedelta

    moment = NOW + timedelta(milliseconds=324)
    with Store.open(db_path) as store:
        session = ReviewSession(store, SchedulerConfig(fuzz=False), now=moment)
        card = session.next_card(moment)
        session.answer(card, Rating.GOOD, moment, 2000)
    out = run("show", card.id, "--db", str(db_path))[1]
    header, row = out.splitlines()[-2:]
    assert header.index("rating") == row.index("Good")
    assert row.startswith(f"{NOW:%Y-%m-%dT%H:%M:%S}Z  Good")


def test_show_a_card_whole_by_a_prefix(db_path: Path):
    (card_id,) = answer(db_path, 1)
    code, out, _ = run("show", card_id[:6], "--db", str(db_path))
    assert code == 0
    with Store.open(db_path) as store:
        card = store.card(card_id)
    for text in (card.id, card.front, card.back, card.source_file, card.passage, "Good"):
        assert text in out
    assert "state     learning" in out and "new -> learning" in out
    data = json.loads(run("show", card_id, "--json", "--db", str(db_path))[1])
    assert data["id"] == card_id and data["passage"] == card.passage
    assert [r["rating"] for r in data["reviews"]] == [3]
    assert data["flagged"] is False and data["edited"] is None
    code, _, err = run("show", "zzz", "--db", str(db_path))
    assert (code, err) == (1, "Error: no card with id 'zzz'\n")


def test_edit_with_options_is_kept_through_regeneration(db_path: Path):
    with Store.open(db_path) as store:
        card = next(c for c in store.cards() if c.kind == "definition")
    code, out, _ = run("edit", card.id, "--back", "A shorter answer", "--db", str(db_path))
    assert (code, out) == (0, f"Edited {card.id}: {card.front}\n")
    with Store.open(db_path) as store:
        from conftest import fill

        fill(store)  # the deck generated again
        assert store.card(card.id).back == "A shorter answer"
    data = json.loads(run("show", card.id, "--json", "--db", str(db_path))[1])
    assert data["edited"]["origin"] == "edit"
    code, _, err = run("edit", card.id, "--front", "  ", "--db", str(db_path))
    assert code == 1 and err == (
        "Error: a card needs both a question and an answer; nothing was changed\n"
    )


def test_an_edit_keeps_no_control_sequence(db_path: Path):
    with Store.open(db_path) as store:
        card = next(c for c in store.cards() if c.kind == "definition")
    front = "What\x1b[2J is\x1b]52;c;aGk=\x07 it?"
    assert (
        run("edit", card.id, "--front", front, "--back", "\x1b[31mIt\x00", "--db", str(db_path))[0]
        == 0
    )
    with Store.open(db_path) as store:
        saved = store.card(card.id)
    assert (saved.front, saved.back) == ("What is it?", "It")
    code, _, err = run("edit", card.id, "--back", "\x1b[2J", "--db", str(db_path))
    assert (code, err) == (
        1,
        "Error: a card needs both a question and an answer; nothing was changed\n",
    )


def test_edit_in_the_editor(db_path: Path, tmp_path: Path):
    with Store.open(db_path) as store:
        card = next(c for c in store.cards() if c.kind == "definition")
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('## Back\\n', '## Back\\nNew answer\\n# gone\\n'))\n"
    )
    env = {"EDITOR": f"{os.sys.executable} {script}", "VISUAL": ""}
    code, out, _ = run("edit", card.id, "--db", str(db_path), env=env)
    assert code == 0, out
    with Store.open(db_path) as store:
        assert store.card(card.id).back == f"New answer {card.back}"


def test_reset_keeps_the_history_and_check_stays_sound(db_path: Path):
    first, second = answer(db_path, 2)
    code, out, _ = run("reset", first, second[:7], "--db", str(db_path))
    assert (code, out) == (0, "Reset 2 cards to new; the review history is kept.\n")
    with Store.open(db_path) as store:
        assert store.card(first).schedule.state == "new" and store.card(first).schedule.reps == 0
        assert len(list(store.reviews(first))) == 1
    assert run("check", "--db", str(db_path))[1] == "The collection is sound.\n"
    assert run("reset", first, "--db", str(db_path))[1].startswith("Reset 1 card to new")


def test_tags_flags_and_the_card_filters(db_path: Path):
    with Store.open(db_path) as store:
        ids = [c.id for c in store.cards() if c.kind == "definition"][:3]
    code, out, _ = run(
        "tag", *ids[:2], "--add", "hard", "--remove", "definition", "--db", str(db_path)
    )
    assert (code, out) == (0, "Tagged 2 cards: added hard; took off definition.\n")
    cards = json.loads(run("cards", "--tag", "hard", "--json", "--db", str(db_path))[1])
    assert sorted(c["id"] for c in cards) == sorted(ids[:2])
    assert all("definition" not in c["tags"] and "hard" in c["tags"] for c in cards)
    with Store.open(db_path) as store:
        from conftest import fill

        fill(store)  # tags survive regeneration
        store.set_flagged([ids[2]], True)
    assert len(json.loads(run("cards", "--tag", "hard", "--json", "--db", str(db_path))[1])) == 2
    flagged = json.loads(run("cards", "--flagged", "--json", "--db", str(db_path))[1])
    assert [c["id"] for c in flagged] == [ids[2]]
    answer(db_path, 1)
    learning = json.loads(run("cards", "--state", "learning", "--json", "--db", str(db_path))[1])
    assert len(learning) == 1
    code, _, err = run("tag", ids[0], "--db", str(db_path))
    assert (code, err) == (1, "Error: say what to do: --add TAG or --remove TAG\n")


def test_a_card_named_twice_is_counted_once(db_path: Path):
    with Store.open(db_path) as store:
        first = next(iter(store.cards())).id
    for command, said in (
        ("reset", "Reset 1 card to new; the review history is kept.\n"),
        ("suspend", "Suspended 1 card.\n"),
        ("unsuspend", "Unsuspended 1 card.\n"),
    ):
        assert run(command, first, first[:5], "--db", str(db_path)) == (0, said, "")
    code, out, _ = run("tag", first, first[:4], "--remove", "x", "--db", str(db_path))
    assert (code, out) == (0, "Tagged 1 card: took off x.\n")


def test_card_kinds_as_shown_or_as_stored(db_path: Path):
    spaced = run("cards", "--kind", "key point", "--json", "--db", str(db_path))
    stored = run("cards", "--kind", "key_point", "--json", "--db", str(db_path))
    assert spaced == stored and spaced[0] == 0
    assert (
        len(json.loads(run("cards", "--kind", "Definition", "--json", "--db", str(db_path))[1]))
        == 8
    )
    code, _, err = run("cards", "--kind", "poem", "--db", str(db_path))
    assert code == 1 and err.startswith("Error: unknown kind 'poem' (kinds: citation, claim, ")


# -- conventions -------------------------------------------------------------------------


def test_config_reads_one_setting_and_refuses_bad_values_in_its_own_words(db_path: Path):
    assert run("config", "new_per_day", "--db", str(db_path))[1] == "20\n"
    assert run("config", "learning_steps", "--db", str(db_path))[1] == "1m 10m\n"
    assert run("config", "fuzz", "--json", "--db", str(db_path))[1] == "true\n"
    code, _, err = run("config", "new_per_day", "-3", "--db", str(db_path))
    assert (code, err) == (1, "Error: new_per_day: '-3' must be a whole number from 0 to 100000\n")
    code, _, err = run("config", "desired_retention", "high", "--db", str(db_path))
    assert (code, err) == (1, "Error: desired_retention: 'high' is not a number\n")


def test_where_prints_the_path_and_size(db_path: Path, tmp_path: Path):
    code, out, _ = run("where", "--db", str(db_path))
    assert code == 0 and out.startswith(f"{db_path} (") and out.rstrip().endswith("kB)")
    missing = tmp_path / "none.db"
    assert run("where", "--db", str(missing))[1] == (
        f"{missing} (no collection yet: it is made on first use)\n"
    )
    assert not missing.exists()
    assert run("where", "--db", str(tmp_path)) == (
        1,
        "",
        f"Error: {tmp_path} is a folder, not a collection file\n",
    )
    assert run("where", "--db", "/dev/null")[2] == (
        "Error: /dev/null is not a regular file, so it cannot be a collection\n"
    )


def test_backup_list_is_aligned_and_has_json(db_path: Path):
    run("backup", "create", "--db", str(db_path))
    run("check", "--repair", "--db", str(db_path))
    from leadership_cards import backup

    backup.take(db_path, "before-deck-remove", NOW)
    lines = run("backup", "list", "--db", str(db_path))[1].splitlines()
    assert lines[0].split() == ["name", "reason", "size"]
    assert len({len(line) for line in lines}) == 1  # every row the same width
    rows = json.loads(run("backup", "list", "--json", "--db", str(db_path))[1])
    assert {row["reason"] for row in rows} == {"manual", "before-deck-remove"}
    assert all(row["bytes"] > 0 and row["taken_at"].endswith("Z") for row in rows)


def test_check_and_quiz_history_have_json(db_path: Path):
    code, out, _ = run("check", "--json", "--db", str(db_path))
    assert code == 0 and json.loads(out)["ok"] is True and json.loads(out)["problems"] == []
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE cards SET reps = 3 WHERE rowid = 1")
    conn.commit()
    conn.close()
    code, out, _ = run("check", "--json", "--db", str(db_path))
    assert code == 1 and len(json.loads(out)["bad_schedules"]) == 1
    with Store.open(db_path) as store:
        card = next(c for c in store.cards() if c.kind == "definition")
        run_id = store.start_quiz_run(NOW, "sample", None, "typed", 2, False)
        store.record_quiz_answer(run_id, card.id, 1, "right", card.back, NOW, 1500, 1500)
    (entry,) = json.loads(run("quiz", "--history", "--json", "--db", str(db_path))[1])
    assert entry["asked"] == 1 and entry["correct"] == 1 and entry["mode"] == "typed"


def test_singular_and_plural(db_path: Path):
    with Store.open(db_path) as store:
        first = next(store.cards()).id
    assert run("suspend", first, "--db", str(db_path))[1] == "Suspended 1 card.\n"
    assert run("unsuspend", first, "--db", str(db_path))[1] == "Unsuspended 1 card.\n"
    assert counted(1, "new card") == "1 new card" and counted(2, "day") == "2 days"
    assert counted(0, "card") == "0 cards"


def test_top_level_help_shows_each_summary_whole():
    code, out, _ = run("--help")
    assert code == 0 and "..." not in out.partition("Commands:")[2]
    words = " ".join(out.split())
    for command in cli.commands.values():
        summary = " ".join(command.get_short_help_str(limit=1000).split())
        assert summary in words, command.name


def test_shell_completion_offers_deck_names_and_kinds(db_path: Path):
    def complete(*words: str) -> list[str]:
        env = {
            "_LEADERSHIP_CARDS_COMPLETE": "bash_complete",
            "COMP_WORDS": " ".join(("leadership-cards", *words)),
            "COMP_CWORD": str(len(words)),
        }
        result = CliRunner().invoke(cli, [], env=env, prog_name="leadership-cards")
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete("--db", str(db_path), "review", "--deck", "sa") == ["sample"]
    assert complete("cards", "--db", str(db_path), "--deck", "") == ["sample"]
    assert complete("cards", "--kind", "key") == ["key_point"]
    assert "remove" in complete("decks", "")
    assert complete("config", "new") == ["new_per_day"]


def test_adding_a_folder_shows_progress_on_a_terminal(tmp_path: Path):
    import shutil

    from conftest import spawn_cli
    from leadership_cards.deck_source import embedded_deck_dir

    folder = tmp_path / "own"
    # The shipped deck's overrides name its own card ids, which a deck of another name lacks.
    shutil.copytree(embedded_deck_dir(), folder, ignore=shutil.ignore_patterns("overrides.toml"))
    child = spawn_cli(tmp_path / "c.db", "add", str(folder), "--deck", "own")
    child.expect(r"Making cards from \d+ chapters")
    child.expect("Added deck 'own': ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # In a pipe nothing but the result is printed.
    code, out, err = run("add", str(folder), "--deck", "own", "--db", str(tmp_path / "c.db"))
    assert code == 0 and out.startswith("Updated deck 'own': ") and err == ""


def test_a_renamed_deck_added_again_keeps_its_cards_and_history(tmp_path: Path):
    import shutil

    from leadership_cards.deck_source import embedded_deck_dir

    folder = tmp_path / "own"
    shutil.copytree(embedded_deck_dir(), folder)  # a folder with its manifest (and title)
    db = tmp_path / "c.db"
    assert run("add", str(folder), "--deck", "own", "--db", str(db))[0] == 0
    (answered,) = answer(db, 1, deck="own")
    assert run("decks", "rename", "own", "mine", "--db", str(db))[0] == 0
    code, out, err = run("add", str(folder), "--deck", "mine", "--db", str(db))
    assert code == 0, err
    assert out.startswith("Updated deck 'mine': 0 new cards, 0 carried over, 0 updated, ")
    assert out.endswith(" 0 retired.\n")
    with Store.open(db) as store:
        assert store.card(answered).deck == "mine"
        assert len(list(store.reviews(answered))) == 1
        assert "own" not in {deck.name for deck in store.decks()}


def test_the_readmes_card_search_finds_cards_in_the_embedded_deck(tmp_path: Path):
    import shlex

    readme = Path(__file__).parent.parent / "README.md"
    searches = [
        shlex.split(line.split("#")[0])[1:]
        for line in readme.read_text().splitlines()
        if line.startswith("leadership-cards cards ") and "--search" in line
    ]
    assert searches
    db = str(tmp_path / "c.db")
    assert run("backup", "create", "--db", db)[0] == 0  # a new collection, as on first use
    for args in searches:
        code, out, err = run(*args, "--db", db)
        assert (code, err) == (0, "")
        assert out.strip(), f"`{shlex.join(args)}` finds no card"
