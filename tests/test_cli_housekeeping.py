"""`suspend`, `unsuspend`, `config` and `history` through the command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOW
from leadership_cards.cli import cli
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import Store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_suspend_and_unsuspend(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first, second = [c.id for c in store.cards()][:2]
    code, out, _ = run("suspend", first, second[:5], "--db", str(db_path))
    assert (code, out) == (0, "Suspended 2 cards.\n")
    _, out, _ = run("cards", "--json", "--db", str(db_path))
    states = {c["id"]: c["state"] for c in json.loads(out)}
    assert states[first] == states[second] == "suspended"
    with Store.open(db_path) as store:
        session = ReviewSession(store, SchedulerConfig(), now=NOW)
        assert session.next_card(NOW).id not in (first, second)
    assert run("unsuspend", first, "--db", str(db_path))[1] == "Unsuspended 1 card.\n"


def test_suspend_checks_every_id_before_changing_any(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = next(store.cards()).id
    code, _, err = run("suspend", first, "nosuchcard", "--db", str(db_path))
    assert code == 1 and err == "Error: no card with id 'nosuchcard'\n"
    with Store.open(db_path) as store:
        assert not store.card(first).suspended


def test_config_shows_and_sets(db_path: Path) -> None:
    code, out, _ = run("config", "--json", "--db", str(db_path))
    assert json.loads(out)["new_per_day"] == 20
    assert run("config", "new_per_day", "5", "--db", str(db_path))[0] == 0
    assert run("config", "learning_steps", "2m 15m 1h", "--db", str(db_path))[0] == 0
    settings = json.loads(run("config", "--json", "--db", str(db_path))[1])
    assert settings["new_per_day"] == 5
    assert settings["learning_steps"] == [2.0, 15.0, 60.0]
    with Store.open(db_path) as store:
        from leadership_cards.config import scheduler_config

        config = scheduler_config(store)
        assert config.new_per_day == 5
        assert config.learning_steps == (
            timedelta(minutes=2),
            timedelta(minutes=15),
            timedelta(hours=1),
        )
    assert "learning_steps     2m 15m 60m" in run("config", "--db", str(db_path))[1]


def test_config_refuses_bad_values(db_path: Path) -> None:
    assert run("config", "colour", "blue", "--db", str(db_path))[2].startswith(
        "Error: unknown setting 'colour'"
    )
    assert run("config", "desired_retention", "1.5", "--db", str(db_path))[2] == (
        "Error: desired_retention: '1.5' must be between 0.70 and 0.99\n"
    )
    assert run("config", "new_per_day", "many", "--db", str(db_path))[0] == 1
    assert run("config", "new_per_day", "many", "--db", str(db_path))[2] == (
        "Error: new_per_day: 'many' is not a whole number\n"
    )
    assert run("config", "rollover_hour", "-1", "--db", str(db_path))[2] == (
        "Error: rollover_hour: '-1' must be an hour from 0 to 23\n"
    )
    assert run("config", "new_per_day", "--db", str(db_path))[1] == "20\n"


def test_history_json(db_path: Path) -> None:
    with Store.open(db_path) as store:
        session = ReviewSession(store, SchedulerConfig(), now=NOW)
        card = session.next_card(NOW)
        session.answer(card, Rating.HARD, NOW, 1234)
    code, out, _ = run("history", "--json", "--db", str(db_path))
    assert code == 0
    assert json.loads(out) == [
        {
            "card_id": card.id,
            "rating": 2,
            "reviewed_at": "2026-03-02T10:00:00Z",
            "duration_ms": 1234,
        }
    ]
    _, out, _ = run("history", "--card", card.id[:6], "--db", str(db_path))
    assert out.startswith(f"2026-03-02T10:00:00Z  {card.id}  Hard")
    assert (
        run("history", "--card", "zzz", "--db", str(db_path))[2] == "Error: no card with id 'zzz'\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "--new", "abc"], "Error: --new 'abc' is not a whole number\n"),
        (["review", "--new", "-1"], "Error: --new must be at least 0 (got -1)\n"),
        (["review", "--limit", "0"], "Error: --limit must be at least 1 (got 0)\n"),
        (["simulate", "--days", "0"], "Error: --days must be from 1 to 3650 (got 0)\n"),
        (
            ["simulate", "--new-per-day", "1e9"],
            "Error: --new-per-day '1e9' is not a whole number\n",
        ),
        (["quiz", "--count", "ten"], "Error: --count 'ten' is not a whole number\n"),
        (["export", "markdown", "--quiz", "0"], "Error: --quiz must be at least 1 (got 0)\n"),
    ],
)
def test_a_number_option_out_of_place_is_our_one_line(
    db_path: Path, args: list[str], message: str
) -> None:
    assert run(*args, "--db", str(db_path)) == (1, "", message)


def test_a_negative_seed_is_a_value(db_path: Path) -> None:
    code, out, err = run(
        "export", "markdown", "--quiz", "2", "--seed", "-5", "-o", "-", "--db", str(db_path)
    )
    assert (code, err) == (0, "")
    assert (
        out
        == run(
            "export", "markdown", "--quiz", "2", "--seed", "-5", "-o", "-", "--db", str(db_path)
        )[1]
    )


def test_an_empty_listing_says_so_and_its_json_is_empty(db_path: Path) -> None:
    assert run("history", "--db", str(db_path)) == (0, "No answers yet.\n", "")
    assert run("cards", "--flagged", "--db", str(db_path)) == (0, "No cards match.\n", "")
    assert run("cards", "--search", "zzzz", "--json", "--db", str(db_path)) == (0, "[]\n", "")
    assert run("history", "--json", "--db", str(db_path)) == (0, "[]\n", "")
