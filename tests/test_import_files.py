"""`import csv`, and the files `import` refuses: each gets one clear line and changes nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOW
from leadership_cards.cli import cli
from leadership_cards.export import ExportOptions, export
from leadership_cards.store import Store


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, [*args, "--db", str(db)])


def snapshot(db: Path) -> tuple:
    with Store.open(db) as store:
        cards = [card.to_json() for card in store.cards(include_retired=True)]
        return cards, list(store.reviews()), store.decks()


def test_a_spreadsheet_of_questions_becomes_a_deck(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "meeting.csv"
    sheet.write_text(
        "What does the green light mean?,You have reached the minimum time\n"
        '"Who keeps time, and how?","The Timer, with three lights"\n'
        "\n"
        "What is a Table Topic?,An impromptu talk of one to two minutes\n",
        encoding="utf-8",
    )
    result = run(db_path, "import", "csv", str(sheet), "--deck", "Club night")
    assert result.exit_code == 0, result.output
    assert "Cards: 3 new, 0 updated; new decks: Club night." in result.output
    with Store.open(db_path) as store:
        cards = list(store.cards(deck="Club night"))
    assert [(c.kind, c.front, c.back) for c in cards] == [
        ("question", "What does the green light mean?", "You have reached the minimum time"),
        ("question", "Who keeps time, and how?", "The Timer, with three lights"),
        ("question", "What is a Table Topic?", "An impromptu talk of one to two minutes"),
    ]
    state = snapshot(db_path)
    again = run(db_path, "import", "csv", str(sheet), "--deck", "Club night")
    assert "Cards: 0 new, 0 updated." in again.output
    assert snapshot(db_path) == state


def test_anki_headers_are_read(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "roles.txt"
    sheet.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#guid column:3\n"
        "#tags column:6\n#columns:Notetype\tDeck\tGUID\tFront\tBack\tTags\n"
        "Basic\tClub::Roles\tg1\tWho is the <b>Ah-Counter</b>?\tThe one counting &quot;ah&quot;s\troles\n"
        "Cloze\tClub::Roles\tg2\tThe {{c1::General Evaluator}} evaluates the {{c2::meeting}}.\t\troles club\n",
        encoding="utf-8",
    )
    result = run(db_path, "import", "csv", str(sheet), "--json")
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        cards = sorted(store.cards(deck="Club::Roles"), key=lambda c: c.front)
    assert [(c.kind, c.front, c.back, c.tags) for c in cards] == [
        ("cloze", "The General Evaluator evaluates the [...].", "meeting", ("roles", "club")),
        ("cloze", "The [...] evaluates the meeting.", "General Evaluator", ("roles", "club")),
        ("question", "Who is the Ah-Counter?", 'The one counting "ah"s', ("roles",)),
    ]


def test_our_own_csv_export_comes_back_matched(db_path: Path, tmp_path: Path):
    out = tmp_path / "sample.csv"
    with Store.open(db_path) as store:
        export(store, "csv", out, ExportOptions(deck="sample"), NOW)
        count = store.count_cards("sample")
    state = snapshot(db_path)
    result = run(db_path, "import", "csv", str(out), "--json")
    assert result.exit_code == 0, result.output
    assert f'"notes_matched": {count}' in result.output
    assert '"new_cards": 0' in result.output and '"edits": []' in result.output
    assert snapshot(db_path) == state


# -- refused files ---------------------------------------------------------------------------


def our_package(db: Path, target: Path) -> Path:
    with Store.open(db) as store:
        export(store, "anki", target, ExportOptions(with_progress=True), NOW)
    return target


def truncated(db: Path, tmp_path: Path) -> Path:
    whole = our_package(db, tmp_path / "whole.apkg").read_bytes()
    path = tmp_path / "cut.apkg"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def not_anki(db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "photos.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.txt", "not a collection")
    return path


def newer_schema(db: Path, tmp_path: Path) -> Path:
    """Our package with its collection marked as written by a future Anki."""
    package = our_package(db, tmp_path / "ours.apkg")
    collection = tmp_path / "collection.anki2"
    with zipfile.ZipFile(package) as archive:
        collection.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(collection)
    conn.execute("UPDATE col SET ver = 19")
    conn.commit()
    conn.close()
    path = tmp_path / "future.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(collection, "collection.anki2")
    return path


def text_file(db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "notes.apkg"
    path.write_text("just some words\n")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (truncated, "{path} is not a complete zip file (truncated or damaged)"),
        (not_anki, "{path} is a zip file but not an Anki package (no collection in it)"),
        (
            newer_schema,
            "{path} was written by a newer Anki (collection schema 19; this version reads 11 "
            'to 18); export it with "Support older Anki versions" ticked',
        ),
        (text_file, "{path} is not an Anki package or collection"),
    ],
    ids=["truncated", "not-anki", "newer-schema", "text"],
)
def test_a_bad_package_gets_one_line_and_changes_nothing(db_path, tmp_path, make, message):
    path = make(db_path, tmp_path)
    state = snapshot(db_path)
    result = run(db_path, "import", "anki", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message.format(path=path)}\n"
    assert snapshot(db_path) == state


def test_a_csv_with_a_wrong_column_count_changes_nothing(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Q1,A1\nQ2,A2\nQ3,A3,extra\nQ4,A4\n", encoding="utf-8")
    state = snapshot(db_path)
    result = run(db_path, "import", "csv", str(sheet), "--deck", "Sheet")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {sheet}, line 3: 3 columns where 2 are expected; nothing was imported\n"
    )
    assert snapshot(db_path) == state


def test_a_cloze_corrected_in_our_csv_becomes_an_override(db_path: Path, tmp_path: Path):
    out = tmp_path / "sample.csv"
    with Store.open(db_path) as store:
        export(store, "csv", out, ExportOptions(deck="sample"), NOW)
        card = next(c for c in store.cards(deck="sample") if c.cloze)
    text = out.read_text(encoding="utf-8")
    old = "Leaders in chapter 1 rely on {{c1::value number 3}}, not rank."
    assert old in text
    out.write_text(text.replace(old, "In chapter 1, leaders rely on {{c1::values}}."))
    result = run(db_path, "import", "csv", str(out))
    assert result.exit_code == 0, result.output
    assert (
        f"Edits taken, kept as overrides (1):\n  {card.id}  In chapter 1, leaders rely on [...]."
        in (result.output)
    )
    with Store.open(db_path) as store:
        edited = store.card(card.id)
        assert (edited.front, edited.back) == ("In chapter 1, leaders rely on [...].", "values")
        assert edited.cloze == "In chapter 1, leaders rely on {{c1::values}}."
        assert store.override(card.id).origin == "anki"


def test_a_deck_made_here_from_chapters_is_never_filled_from_a_file(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Q1,A1\n", encoding="utf-8")
    result = run(db_path, "import", "csv", str(sheet), "--deck", "sample")
    assert "new decks: sample (Anki)." in result.output
    again = run(db_path, "import", "csv", str(sheet), "--deck", "sample")
    assert "Cards: 0 new, 0 updated." in again.output
    with Store.open(db_path) as store:
        assert [c.front for c in store.cards(deck="sample (Anki)")] == ["Q1"]


def test_our_own_package_read_back_adds_nothing(db_path: Path, tmp_path: Path):
    """The oldest layout (`collection.anki2`, schema 11), as our export writes it: every
    note is matched, and every answer it carries is already known."""
    from test_export_anki import study

    study(db_path)
    package = our_package(db_path, tmp_path / "ours.apkg")
    with zipfile.ZipFile(package) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
    with Store.open(db_path) as store:
        cards, reviews = store.count_cards(), len(list(store.reviews()))
    state = snapshot(db_path)
    result = run(db_path, "import", "anki", str(package), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["notes_matched"], report["answers_known"]) == (cards, reviews) and reviews
    assert (report["answers_added"], report["new_cards"], report["edits"]) == (0, 0, [])
    assert snapshot(db_path) == state


def test_skipped_rows_are_counted_in_words_that_fit_one_or_many(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "half.csv"
    sheet.write_text("What is a pivot?,A change of direction\nWho times speeches?,\n")
    result = run(db_path, "import", "csv", str(sheet), "--deck", "Club night")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        "Skipped:",
        "  cards with a side empty of text (blank, or media only): 1",
    ]


def test_a_row_of_one_column_is_named_in_the_singular(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "ragged.csv"
    sheet.write_text("What is a pivot?,A change of direction\nWho times speeches?\n")
    result = CliRunner().invoke(cli, ["import", "csv", str(sheet), "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {sheet}, line 2: 1 column where 2 are expected; nothing was imported\n",
    )


def test_a_deck_name_from_a_file_loses_its_control_characters(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("#deck:Club\x1b]0;owned\x07 night\x1b[31m\nWhat is a pivot?,A turn\n")
    for _ in range(2):  # the same deck again, not a second one
        result = CliRunner().invoke(cli, ["import", "csv", str(sheet), "--db", str(db_path)])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output
    with Store.open(db_path) as store:
        names = [deck.name for deck in store.decks()]
        assert names == ["sample", "Club night"]
        assert len(list(store.cards(deck="Club night"))) == 1


def test_a_dry_run_counts_the_cards_the_import_would_add(db_path: Path, tmp_path: Path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("What is a pivot?,A turn\nWho keeps time?,The Timer\n")
    state = snapshot(db_path)
    dry = run(db_path, "import", "csv", str(sheet), "--deck", "Club night", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.output.splitlines()[1] == "Cards: 2 new, 0 updated; new decks: Club night."
    assert snapshot(db_path) == state
    real = run(db_path, "import", "csv", str(sheet), "--deck", "Club night")
    assert real.output.splitlines()[1] == dry.output.splitlines()[1]
