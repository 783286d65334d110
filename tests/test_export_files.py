"""Markdown and JSON exports, standard output, atomic replacement and bad input."""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from conftest import NOW, sample_cards
from leadership_cards.cli import cli
from leadership_cards.drawing import draw_questions
from leadership_cards.export.markdown import PAGE_BREAK, md
from leadership_cards.store import DeckInfo, Store


def run(*args: str):
    return CliRunner().invoke(cli, ["export", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- markdown ------------------------------------------------------------------------------


def test_the_handout_groups_cards_by_chapter_and_escapes_markup(db_path):
    result = run("markdown", "--db", str(db_path), "-o", "-")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Sample\n\n## Chapter 1: Sample Chapter 1\n")
    assert text.index("## Chapter 1") < text.index("## Chapter 2")
    chapter_1 = text[text.index("## Chapter 1") : text.index("## Chapter 2")]
    assert chapter_1.count("**Q.**") == 6  # the chapter's cards, the prompt apart
    assert "### For discussion\n\n1. How would you apply chapter 1 at work?" in chapter_1
    assert "What is term 1.1 &lt;b&gt;&amp; co&lt;/b&gt;?" in text and "<b>" not in text
    assert "*chapter-1.txt, paragraph 1*" in text


def test_the_quiz_puts_its_answer_key_on_a_separate_page(db_path):
    result = run("markdown", "--db", str(db_path), "--quiz", "4", "--seed", "3", "-o", "-")
    assert result.exit_code == 0, result.output
    questions, key = result.stdout.split(PAGE_BREAK)
    assert questions.startswith("# Quiz: Leadership cards\n\n4 questions (seed 3).")
    assert "Answer key" not in questions and key.startswith("\n\n## Answer key\n")
    with Store.open(db_path) as store:
        drawn = draw_questions(store.cards(), 4, random.Random(3))
    assert [card.kind for card in drawn if card.kind == "discussion"] == []
    for number, card in enumerate(drawn, 1):
        assert f"{number}. {md(card.front)}\n" in questions
        assert f"{number}. {md(card.back)}  \n   *{md(card.chapter)}; " in key
    again = run("markdown", "--db", str(db_path), "--quiz", "4", "--seed", "3", "-o", "-")
    assert again.stdout == result.stdout


def test_draw_questions_is_deterministic_and_skips_discussion(store):
    cards = list(store.cards())
    first = draw_questions(cards, 5, random.Random(11))
    assert first == draw_questions(iter(cards), 5, random.Random(11))
    assert len({card.id for card in first}) == 5
    everything = draw_questions(cards, 100, random.Random(1))
    assert len(everything) == 12 and all(card.kind != "discussion" for card in everything)
    seeds = {tuple(c.id for c in draw_questions(cards, 5, random.Random(s))) for s in range(5)}
    assert len(seeds) > 1


# -- json ----------------------------------------------------------------------------------


def test_json_is_the_cards_json_shape(db_path, tmp_path):
    exported = run("json", "--db", str(db_path), "-o", "-")
    listed = CliRunner().invoke(cli, ["cards", "--db", str(db_path), "--json"])
    assert exported.exit_code == 0, exported.output
    assert exported.stdout == listed.stdout
    data = json.loads(exported.stdout)
    assert len(data) == 14 and set(data[0]) >= {"id", "deck", "front", "back", "due", "state"}


# -- standard output, atomic replacement ---------------------------------------------------


def test_anki_package_on_a_pipe_is_the_file_bytes(db_path, tmp_path):
    target = tmp_path / "x.apkg"
    assert run("anki", "--db", str(db_path), "-o", str(target)).exit_code == 0
    piped = CliRunner().invoke(cli, ["export", "anki", "--db", str(db_path), "-o", "-"])
    assert piped.exit_code == 0
    assert piped.stdout_bytes == target.read_bytes()


def test_anki_package_is_refused_on_a_terminal(db_path, tmp_path):
    child = pexpect.spawn(
        sys.executable,
        ["-m", "leadership_cards", "export", "anki", "--db", str(db_path), "-o", "-"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert child.before.strip() == (
        "Error: refusing to write a binary .apkg to a terminal; use -o FILE or a pipe"
    )


def test_an_existing_file_is_replaced_whole(db_path, tmp_path):
    target = tmp_path / "cards.json"
    target.write_text("old")
    os.chmod(target, 0o640)
    assert run("json", "--db", str(db_path), "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())[0]["deck"] == "sample"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(db_path, tmp_path):
    with Store.open(db_path) as store:
        only_prompts = [c for c in sample_cards("talk") if c.kind == "discussion"]
        store.sync_deck(DeckInfo("talk", "Talk"), only_prompts, NOW)
    target = tmp_path / "talk.apkg"
    target.write_bytes(b"old")
    result = run(
        "anki", "--db", str(db_path), "--deck", "talk", "--no-discussion", "-o", str(target)
    )
    assert result.exit_code == 1
    assert result.stderr == "Error: nothing to export: deck 'talk' has no cards\n"
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


# -- bad input -----------------------------------------------------------------------------


def test_an_unknown_format_is_refused(db_path):
    result = run("pdf", "--db", str(db_path))
    assert result.exit_code == 2
    assert "'pdf' is not one of 'anki', 'csv', 'markdown', 'json'." in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["json", "--deck", "nope"], "no deck named 'nope' (decks: sample, empty)"),
        (
            ["csv", "-o", "{tmp}/missing/x.csv"],
            "cannot write {tmp}/missing/x.csv: the folder {tmp}/missing does not exist",
        ),
        (["markdown", "-o", "{tmp}"], "cannot write {tmp}: it is a folder"),
        (["json", "--deck", "empty"], "nothing to export: deck 'empty' has no cards"),
        (["json", "--quiz", "3"], "--quiz applies only to the markdown export"),
        (["markdown", "--seed", "3"], "--seed needs --quiz N"),
        (["csv", "--with-progress"], "--with-progress applies only to the anki export"),
    ],
)
def test_bad_input_gets_one_line_and_writes_nothing(db_path, tmp_path, monkeypatch, args, message):
    with Store.open(db_path) as store:
        store.sync_deck(DeckInfo("empty", "Empty"), [], NOW)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(*args, "--db", str(db_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message.replace('{tmp}', str(tmp_path))}\n"
    assert list(work.iterdir()) == []
