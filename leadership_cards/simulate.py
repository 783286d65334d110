"""What a desired retention costs: the fsrs-rs simulator run with the learner's parameters.

A deck of the collection's size is learnt from scratch at `new_per_day`; the simulator
answers with the rating frequencies and answer times fsrs-rs takes from Anki users. The
seed is fixed, so the same settings always give the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leadership_cards.store import Store

COMPARED = (0.80, 0.85, 0.90, 0.95)
SEED = 42


def studied_cards(store: Store) -> int:
    """The deck size the simulation learns: every card that is scheduled and not suspended
    (at least one, so an empty collection still gives a curve)."""
    counts = store.stats_cards()
    return max(1, sum(counts[state] for state in ("new", "learning", "review", "relearning")))


def simulate(
    parameters: Sequence[float] | None,
    *,
    retention: float,
    new_per_day: int,
    days: int,
    deck_size: int,
    reviews_per_day: int,
    seed: int = SEED,
) -> dict[str, Any]:
    """Day-by-day workload at `retention`, and totals for a few retentions side by side."""
    from fsrs_rs_python import DEFAULT_PARAMETERS

    w = list(parameters or DEFAULT_PARAMETERS)
    run = _run(w, retention, new_per_day, days, deck_size, reviews_per_day, seed)
    per_day = [
        {
            "day": i + 1,
            "reviews": int(reviews),
            "learned": int(learned),
            "memorized": round(float(memorized), 1),
            "minutes": round(float(cost) / 60, 1),
        }
        for i, (reviews, learned, memorized, cost) in enumerate(
            zip(
                run.review_cnt_per_day,
                run.learn_cnt_per_day,
                run.memorized_cnt_per_day,
                run.cost_per_day,
                strict=True,
            )
        )
    ]
    comparison = []
    for r in sorted({*COMPARED, retention}):
        other = _run(w, r, new_per_day, days, deck_size, reviews_per_day, seed)
        minutes = sum(other.cost_per_day) / 60
        memorized = float(other.memorized_cnt_per_day[-1]) if days else 0.0
        comparison.append(
            {
                "retention": r,
                "reviews": int(sum(other.review_cnt_per_day)),
                "minutes": round(minutes, 1),
                "memorized": round(memorized, 1),
                "memorized_per_hour": round(memorized / (minutes / 60), 2) if minutes else 0.0,
            }
        )
    return {
        "retention": retention,
        "new_per_day": new_per_day,
        "deck_size": deck_size,
        "parameters": "fitted" if parameters else "default",
        "days": per_day,
        "weeks": weekly(per_day),
        "comparison": comparison,
    }


def weekly(per_day: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The days seven at a time: the mean reviews a day over each week (what the chart
    draws, one bar a week), and what is memorised at its end."""
    weeks = []
    for start in range(0, len(per_day), 7):
        days = per_day[start : start + 7]
        weeks.append(
            {
                "week": start // 7 + 1,
                "first_day": days[0]["day"],
                "last_day": days[-1]["day"],
                "reviews_per_day": round(sum(d["reviews"] for d in days) / len(days), 1),
                "minutes_per_day": round(sum(d["minutes"] for d in days) / len(days), 1),
                "memorized": days[-1]["memorized"],
            }
        )
    return weeks


def _run(w, retention, new_per_day, days, deck_size, reviews_per_day, seed):
    from fsrs_rs_python import default_simulator_config
    from fsrs_rs_python import simulate as run

    config = default_simulator_config()
    config.deck_size = deck_size
    config.learn_span = days
    config.learn_limit = new_per_day
    config.review_limit = reviews_per_day
    config.max_cost_perday = 86400.0  # show the workload, do not cap it
    return run(w, retention, config, seed)
