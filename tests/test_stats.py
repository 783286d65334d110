"""Stats figures on a small hand-made history, written through the real store."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from rich.console import Console

from leadership_cards.charts import render_simulation, render_stats
from leadership_cards.cli import cli
from leadership_cards.scheduler import Schedule, SchedulerConfig
from leadership_cards.simulate import simulate
from leadership_cards.stats import collect
from leadership_cards.store import Answer, Store

LA = ZoneInfo("America/Los_Angeles")
#: Noon in Los Angeles on Monday 2 March 2026: study day 2026-03-02 runs 12:00Z to 12:00Z.
NOW = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
CONFIG = SchedulerConfig(new_per_day=3)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def record(store: Store, card_id, rating, at, before, after, due, leech=False) -> None:
    store.record(
        Answer(
            card_id,
            rating,
            at,
            4000,
            Schedule(state=before, stability=3.0, difficulty=5.0, due=at, last_review=at),
            Schedule(state=after, stability=3.0, difficulty=5.0, due=due, last_review=at),
            suspend_as_leech=leech,
        ),
        bury_until=None,
    )


@pytest.fixture
def history(store: Store) -> tuple[Store, list[str]]:
    ids = [card.id for card in store.cards() if card.kind != "discussion"]
    # Study day 27 Feb (10:00 local): a review answered Good, now overdue.
    record(store, ids[0], 3, utc("2026-02-27T18:00"), "review", "review", utc("2026-03-01T18:00"))
    # 01:30 local on 1 March still belongs to study day 28 Feb. Due 03:00 local on 3 March:
    # still study day 2 March.
    record(
        store, ids[1], 1, utc("2026-03-01T09:30"), "review", "relearning", utc("2026-03-03T11:00")
    )
    # Study day 1 March: two reviews, due 05:00 local on 3 March (study day 3 March) and 10 March.
    record(store, ids[2], 3, utc("2026-03-01T20:00"), "review", "review", utc("2026-03-03T13:00"))
    record(store, ids[3], 3, utc("2026-03-01T21:00"), "review", "review", utc("2026-03-10T20:00"))
    # 40 days ago: a lapse that made a leech (outside the 30-day window).
    record(
        store, ids[4], 1, utc("2026-01-20T20:00"), "review", "review", utc("2026-04-30T20:00"), True
    )
    return store, ids


def test_figures_before_todays_review(history) -> None:
    store, _ = history
    figures = collect(store, CONFIG, now=NOW, zone=LA)
    assert figures["study_day"] == {
        "date": "2026-03-02",
        "start": "2026-03-02T12:00:00Z",
        "end": "2026-03-03T12:00:00Z",
    }
    assert figures["cards"] == 14
    assert figures["by_state"] == {
        "new": 7,
        "learning": 0,
        "review": 3,
        "relearning": 1,
        "suspended": 1,
    }
    assert figures["unscheduled"] == 2
    assert figures["leeches"] == 1
    assert figures["reviews"] == 5
    assert figures["reviews_today"] == 0
    assert figures["retention_30d"] == 0.75  # 3 of the 4 review answers in 30 days
    # 27 Feb, 28 Feb (the 01:30 answer) and 1 March; today is not over yet.
    assert figures["streak_days"] == 3
    assert figures["due_today"] == 2  # the overdue review and the 03:00 relearning card
    assert figures["new_today"] == 3  # 7 new cards, 3 a day
    assert figures["average_seconds"] == 4.0


def test_heatmap_counts_by_study_day(history) -> None:
    store, _ = history
    heatmap = collect(store, CONFIG, now=NOW, zone=LA)["heatmap"]
    assert len(heatmap) == 365
    assert heatmap[-1]["date"] == "2026-03-02"
    counts = {day["date"]: day["count"] for day in heatmap if day["count"]}
    assert counts == {"2026-01-20": 1, "2026-02-27": 1, "2026-02-28": 1, "2026-03-01": 2}


def test_forecast_puts_overdue_today_and_follows_the_rollover(history) -> None:
    store, _ = history
    forecast = collect(store, CONFIG, now=NOW, zone=LA)["forecast"]
    assert len(forecast) == 30
    assert forecast[0] == {"date": "2026-03-02", "due": 2}
    due = {day["date"]: day["due"] for day in forecast if day["due"]}
    assert due == {"2026-03-02": 2, "2026-03-03": 1, "2026-03-10": 1}


def test_retention_by_week(history) -> None:
    store, _ = history
    weeks = collect(store, CONFIG, now=NOW, zone=LA)["retention_by_week"]
    assert len(weeks) == 12
    assert weeks[-1] == {"start": "2026-02-24", "answers": 4, "retention": 0.75}
    lapse = [w for w in weeks if w["start"] <= "2026-01-20" < _plus_week(w["start"])]
    assert lapse == [{"start": "2026-01-20", "answers": 1, "retention": 0.0}]
    assert all(w["retention"] is None for w in weeks if w not in (weeks[-1], lapse[0]))


def _plus_week(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=7)).isoformat()


def test_an_answer_today_extends_the_streak_and_uses_the_new_card_budget(history) -> None:
    store, ids = history
    record(store, ids[5], 3, utc("2026-03-02T19:00"), "new", "learning", utc("2026-03-02T19:10"))
    figures = collect(store, CONFIG, now=NOW, zone=LA)
    assert figures["streak_days"] == 4
    assert figures["reviews_today"] == 1
    assert figures["new_today"] == 2  # 3 a day, one already introduced
    assert figures["due_today"] == 3  # the learning card joins
    assert figures["forecast"][0]["due"] == 3
    assert figures["retention_30d"] == 0.75  # a new card's answer is not a retention answer


def test_a_missed_day_breaks_the_streak(history) -> None:
    store, _ = history
    later = datetime(2026, 3, 4, 20, 0, tzinfo=UTC)  # 2 and 3 March passed without review
    assert collect(store, CONFIG, now=later, zone=LA)["streak_days"] == 0


def test_deck_filter(history) -> None:
    store, _ = history
    figures = collect(store, CONFIG, now=NOW, zone=LA, deck="sample")
    assert figures["reviews"] == 5
    assert figures["deck"] == "sample"


def test_stats_command_json_and_charts(db_path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["stats", "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    for key in ("cards", "reviews", "due_today", "new_today", "retention_30d", "streak_days"):
        assert key in figures
    assert figures["cards"] == 14 and figures["reviews"] == 0
    assert len(figures["forecast"]) == 30 and len(figures["heatmap"]) == 365
    text = runner.invoke(cli, ["stats", "--db", str(db_path)])
    assert text.exit_code == 0, text.output
    assert "Due in the next 30 days" in text.output
    assert "Reviews, last 12 months" in text.output
    assert "Retention by week" in text.output


def test_stats_unknown_deck_is_one_line(db_path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--db", str(db_path), "--deck", "nope"])
    assert result.exit_code == 1
    assert result.output == "Error: no deck named 'nope' (decks: sample)\n"


def test_a_deck_alone_counts_as_the_whole_collection(tmp_path) -> None:
    """With one deck in the collection, its stats equal the collection's; and a later
    answer shows up in the deck's figures at once."""
    import random
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from conftest import NOW, fill
    from leadership_cards.review import ReviewSession
    from leadership_cards.scheduler import Rating, SchedulerConfig
    from leadership_cards.stats import collect
    from leadership_cards.store import Store

    zone = ZoneInfo("America/Los_Angeles")
    config = SchedulerConfig(new_per_day=100)
    with Store.open(tmp_path / "c.db") as store:
        fill(store, chapters=3, per_chapter=8)
        rng = random.Random(5)
        moment = NOW - timedelta(days=20)
        for _ in range(20):
            session = ReviewSession(store, config, now=moment, zone=zone, rng=rng)
            while (card := session.next_card(moment)) is not None:
                session.answer(card, Rating(rng.choice([1, 3, 3, 4])), moment, 1500)
            moment += timedelta(days=1)
        whole = collect(store, config, now=NOW, zone=zone)
        alone = collect(store, config, now=NOW, zone=zone, deck="sample")
        for figure in (
            "reviews",
            "retention_30d",
            "streak_days",
            "heatmap",
            "retention_by_week",
            "forecast",
            "due_today",
            "average_seconds",
        ):
            assert alone[figure] == whole[figure], figure
        assert whole["reviews"] > 50
        session = ReviewSession(store, config, now=NOW, zone=zone, rng=rng)
        card = session.next_card(NOW)
        session.answer(card, Rating.GOOD, NOW, 1000)
        after = collect(store, config, now=NOW, zone=zone, deck="sample")
        assert after["reviews"] == whole["reviews"] + 1


def test_charts_are_readable_at_60_columns(history) -> None:
    store, _ = history
    figures = collect(store, CONFIG, now=NOW, zone=LA)
    out = io.StringIO()
    render_stats(figures, Console(file=out, width=60, no_color=True, highlight=False))
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 60
    # Every chart row stays on one line: 30 days of forecast, a row a weekday of heatmap.
    day_row = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d-\d\d ")
    assert len([line for line in lines if day_row.match(line)]) == 30
    heat_rows = [line for line in lines if "■" in line and "more" not in line]
    assert len(heat_rows) == 7 and max(line.count("■") for line in heat_rows) >= 50
    assert "Streak" in out.getvalue() and "Left today: new" in out.getvalue()


def test_simulation_chart_labels_weekly_means_as_json_has_them() -> None:
    result = simulate(
        None, retention=0.9, new_per_day=5, days=70, deck_size=50, reviews_per_day=200
    )
    out = io.StringIO()
    render_simulation(result, Console(file=out, width=60, no_color=True, highlight=False))
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 60
    rows = [line for line in lines if line.startswith("days ")]
    assert len(rows) == len(result["weeks"]) == 10
    assert "the mean of each week" in out.getvalue()
    first = result["weeks"][0]
    week_one = result["days"][:7]
    assert first["reviews_per_day"] == round(sum(d["reviews"] for d in week_one) / 7, 1)
    assert rows[0].startswith("days 1-7 ")
    assert f"{first['reviews_per_day']:6.1f}/day" in rows[0]


def test_stats_cards_add_up_with_the_discussion_questions(tmp_path) -> None:
    """The embedded deck's discussion questions are never scheduled; the table names them, so
    its rows add up to its card count as `cards` lists them."""
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["backup", "create", "--db", db]).exit_code == 0
    text = runner.invoke(cli, ["stats", "--db", db], env={"COLUMNS": "80"}).output
    rows = dict(re.findall(r"│ +(\S.*?\S) +│ +(\d+) │", text))
    parts = ("new", "learning", "review", "relearning", "suspended", "discussion (topics only)")
    listed = json.loads(runner.invoke(cli, ["cards", "--json", "--db", db]).output)
    assert sum(int(rows[name]) for name in parts) == int(rows["Cards"]) == len(listed)
    discussion = [card for card in listed if card["kind"] == "discussion"]
    assert int(rows["discussion (topics only)"]) == len(discussion) > 0
