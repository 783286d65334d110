"""Fitting the FSRS-6 parameters to the learner's own review log (fsrs-rs-python, no torch).

The log becomes FSRS items as Anki builds them: for each card, one item per answer given on
a later study day than the one before, holding every answer up to it, with the gap in whole
study days (the 4 a.m. rollover applies, so an answer at 01:30 belongs to the day before).

Thresholds: fewer than `MIN_REVIEWS` answers or `MIN_ITEMS` items gives a fit that mostly
echoes its noise. Anki asks for 400 reviews before it optimizes, and fsrs-rs itself only
pre-trains the first stabilities below 64 items; both are required here.

The fitted parameters are kept only when they predict the same history better (lower log
loss) than the parameters in use; the comparison is reported either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from leadership_cards.clock import iso
from leadership_cards.config import PARAMETERS_KEY
from leadership_cards.errors import UserError
from leadership_cards.store import Store

MIN_REVIEWS = 400
MIN_ITEMS = 64


@dataclass(frozen=True, slots=True)
class Evaluation:
    log_loss: float
    rmse: float


@dataclass(frozen=True, slots=True)
class Fit:
    reviews: int
    items: int
    parameters: list[float]
    default: Evaluation
    current: Evaluation | None  # None when the defaults are in use
    fitted: Evaluation
    kept: bool
    stored: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "reviews": self.reviews,
            "items": self.items,
            "parameters": self.parameters,
            "default": _evaluation_json(self.default),
            "current": _evaluation_json(self.current) if self.current else None,
            "fitted": _evaluation_json(self.fitted),
            "better": self.kept,
            "stored": self.stored,
        }


def build_items(rows) -> tuple[list[Any], int]:
    """FSRS items from (card id, study day, rating) rows ordered by card and time; also the
    number of answers read."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    dated: list[tuple[int, Any]] = []
    count = 0
    card, reviews, last_day = None, [], 0
    for card_id, day, rating in rows:
        count += 1
        if card_id != card:
            card, reviews, last_day = card_id, [], day
        delta = day - last_day
        reviews.append(FSRSReview(int(rating), int(delta)))
        if delta > 0:
            item = FSRSItem(list(reviews))
            if item.long_term_review_cnt() > 0:
                dated.append((day, item))
        last_day = day
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated], count


def load_items(store: Store, zone: tzinfo, rollover_hour: int, now: datetime):
    from leadership_cards.stats import offset_segments

    span = store.review_span()
    if span is None:
        return [], 0
    segments = offset_segments(zone, span[0], max(span[1], now) + timedelta(days=1))
    return build_items(store.review_log_by_card(segments, rollover_hour))


def evaluate(parameters, items) -> Evaluation:
    from fsrs_rs_python import FSRS

    result = FSRS(list(parameters)).evaluate(items)
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def optimize(
    store: Store, *, now: datetime, zone: tzinfo, rollover_hour: int, dry_run: bool = False
) -> Fit:
    """Fit, compare with the defaults and the parameters in use, and keep the better."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    items, reviews = load_items(store, zone, rollover_hour, now)
    if reviews < MIN_REVIEWS or len(items) < MIN_ITEMS:
        raise UserError(
            f"not enough history to optimize: {reviews} reviews and {len(items)} "
            f"later-day reviews; at least {MIN_REVIEWS} reviews and {MIN_ITEMS} later-day "
            "reviews are needed"
        )
    fitted = [float(x) for x in FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)]
    default = evaluate(DEFAULT_PARAMETERS, items)
    stored = store.setting(PARAMETERS_KEY)
    current = evaluate(stored["parameters"], items) if stored else None
    result = evaluate(fitted, items)
    kept = result.log_loss < (current or default).log_loss
    if kept and not dry_run:
        store.set_setting(
            PARAMETERS_KEY,
            {
                "parameters": fitted,
                "fitted_at": iso(now),
                "reviews": reviews,
                "log_loss": result.log_loss,
                "rmse": result.rmse,
            },
        )
    return Fit(reviews, len(items), fitted, default, current, result, kept, kept and not dry_run)


def reset(store: Store) -> bool:
    """Go back to the FSRS-6 defaults; says whether fitted parameters were in use."""
    had = store.setting(PARAMETERS_KEY) is not None
    store.set_setting(PARAMETERS_KEY, None)
    return had


def _evaluation_json(evaluation: Evaluation) -> dict[str, float]:
    return {"log_loss": round(evaluation.log_loss, 5), "rmse": round(evaluation.rmse, 5)}
