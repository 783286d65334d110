"""The optimizer on a synthetic history drawn from a known memory model, and `simulate`."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOW, sample_cards
from leadership_cards.cli import cli
from leadership_cards.config import PARAMETERS_KEY, scheduler_config
from leadership_cards.scheduler import Schedule
from leadership_cards.store import Answer, DeckInfo, Store

RATING_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def true_parameters() -> list[float]:
    """A learner unlike the FSRS-6 defaults: much longer first stabilities, flatter curve."""
    from fsrs_rs_python import DEFAULT_PARAMETERS

    w = list(DEFAULT_PARAMETERS)
    w[0:4] = [1.0, 3.0, 8.0, 20.0]
    w[20] = 0.3
    return w


def write_history(store: Store, cards: int, seed: int = 7) -> int:
    """Answers for `cards` cards where recall follows the FSRS forgetting curve of
    `true_parameters`, written through the store; returns the number of answers."""
    from fsrs_rs_python import FSRS

    w = true_parameters()
    model = FSRS(w)
    factor = 0.9 ** (-1 / w[20]) - 1
    rng = random.Random(seed)
    deck = sample_cards("synthetic", chapters=1, per_chapter=cards)
    store.sync_deck(DeckInfo("synthetic", "Synthetic"), deck, NOW)
    start = NOW - timedelta(days=400)
    written = 0
    with store.transaction():
        for card in deck:
            if card.kind == "discussion":
                continue
            rating = rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.5, 0.2])[0]
            day = rng.randint(0, 60)
            memory = getattr(model.next_states(None, 0.9, 0), RATING_NAMES[rating]).memory
            answers = [(day, rating)]
            for _ in range(rng.randint(3, 9)):
                gap = max(1, round(memory.stability * rng.uniform(0.3, 2.5)))
                day += gap
                recall = (1 + factor * gap / memory.stability) ** (-w[20])
                rating = (
                    rng.choices([2, 3, 4], [0.15, 0.7, 0.15])[0] if rng.random() < recall else 1
                )
                answers.append((day, rating))
                states = model.next_states(memory, 0.9, gap)
                memory = getattr(states, RATING_NAMES[rating]).memory
            state = "new"
            for day, rating in answers:
                at = start + timedelta(days=day, hours=18, minutes=rng.randint(0, 300))
                after = Schedule(
                    state="review", stability=1.0, difficulty=5.0, due=at, last_review=at
                )
                store.record(Answer(card.id, rating, at, 5000, Schedule(state=state), after), None)
                state = "review"
                written += 1
    return written


@pytest.fixture(scope="module")
def history_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("optimize") / "collection.db"
    with Store.open(path) as store:
        write_history(store, 300)
    return path


@pytest.fixture
def history(history_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "collection.db"
    with Store.open(history_file) as store:
        store.backup(copy)
    return copy


def run(*args: str):
    return CliRunner().invoke(cli, [*args])


def test_fitted_parameters_predict_the_history_better(history: Path) -> None:
    result = run("optimize", "--db", str(history), "--json")
    assert result.exit_code == 0, result.output
    fit = json.loads(result.output)
    assert fit["reviews"] > 1500
    assert fit["fitted"]["log_loss"] < fit["default"]["log_loss"]
    assert fit["better"] and fit["stored"]
    assert fit["current"] is None
    with Store.open(history) as store:
        saved = store.setting(PARAMETERS_KEY)
        assert saved["parameters"] == fit["parameters"] and len(saved["parameters"]) == 21
        assert saved["reviews"] == fit["reviews"]
        assert saved["log_loss"] == pytest.approx(fit["fitted"]["log_loss"], abs=1e-5)
        assert {"fitted_at", "rmse"} <= saved.keys()
        assert scheduler_config(store).parameters == tuple(fit["parameters"])
    # The first stabilities move towards the learner's (much longer) ones.
    assert fit["parameters"][2] > 2.3065 and fit["parameters"][3] > 8.2956


def test_dry_run_stores_nothing(history: Path) -> None:
    result = run("optimize", "--db", str(history), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run" in result.output
    assert "default" in result.output and "fitted" in result.output
    with Store.open(history) as store:
        assert store.setting(PARAMETERS_KEY) is None


def test_reset_restores_the_defaults(history: Path) -> None:
    assert run("optimize", "--db", str(history)).exit_code == 0
    with Store.open(history) as store:
        assert scheduler_config(store).parameters is not None
    result = run("optimize", "--db", str(history), "--reset")
    assert result.output == "Back to the default FSRS parameters.\n"
    with Store.open(history) as store:
        assert store.setting(PARAMETERS_KEY) is None
        assert scheduler_config(store).parameters is None


def test_a_second_fit_is_compared_with_the_one_in_use(history: Path) -> None:
    assert run("optimize", "--db", str(history)).exit_code == 0
    fit = json.loads(run("optimize", "--db", str(history), "--json").output)
    assert fit["current"] is not None


def test_refuses_a_tiny_history(tmp_path: Path) -> None:
    path = tmp_path / "small.db"
    with Store.open(path) as store:
        written = write_history(store, 10)
    result = run("optimize", "--db", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: not enough history to optimize: {written} reviews")
    assert "at least 400 reviews and 64 later-day reviews are needed" in result.output
    assert result.output.count("\n") == 1
    with Store.open(path) as store:
        assert store.setting(PARAMETERS_KEY) is None


def test_simulate_compares_retentions(db_path: Path) -> None:
    result = run("simulate", "--db", str(db_path), "--days", "60", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["days"]) == 60
    assert data["retention"] == 0.9 and data["new_per_day"] == 20 and data["deck_size"] == 12
    by_retention = {row["retention"]: row for row in data["comparison"]}
    assert sorted(by_retention) == [0.8, 0.85, 0.9, 0.95]
    # Higher retention costs more reviews and keeps more cards in memory.
    assert by_retention[0.8]["reviews"] < by_retention[0.95]["reviews"]
    assert by_retention[0.8]["memorized"] < by_retention[0.95]["memorized"]
    again = json.loads(run("simulate", "--db", str(db_path), "--days", "60", "--json").output)
    assert again == data  # seeded: the same settings give the same figures
    text = run("simulate", "--db", str(db_path), "--retention", "0.85", "--new-per-day", "5")
    assert text.exit_code == 0, text.output
    assert "Desired retention compared" in text.output
    assert "5 new a day" in text.output


def test_simulate_rejects_a_bad_retention(db_path: Path) -> None:
    result = run("simulate", "--db", str(db_path), "--retention", "1.5")
    assert result.exit_code == 2
    assert "1.5 is not in the range 0.7<=x<=0.99" in result.output
