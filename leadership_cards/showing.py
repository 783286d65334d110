"""`show`: one card whole, as plain text: both sides, where it came from, its schedule and
FSRS memory state, and every answer it was given."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from leadership_cards.clock import iso
from leadership_cards.store import Override, Review, StoredCard
from leadership_cards.terminal import wrap

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def render_card(card: StoredCard, reviews: Sequence[Review], override: Override | None) -> str:
    s = card.schedule
    lines = [
        f"card      {card.id}",
        f"deck      {card.deck} · {card.chapter} · {card.kind.replace('_', ' ')}",
        "",
        "front",
        _indented(card.front),
        "back",
        _indented(card.back),
        "",
        f"source    {card.source_file}, {card.source_position}",
    ]
    if card.passage:
        lines += ["passage", _indented(card.passage)]
    if override is not None:
        lines.append(
            f"edited    {iso(override.changed_at)} ({override.origin}); kept on regeneration"
        )
    marks = [
        name
        for name, on in (
            ("flagged", card.flagged),
            ("suspended", card.suspended),
            ("leech", card.leech),
        )
        if on
    ]
    lines += [
        f"tags      {' '.join(card.all_tags) or '-'}"
        + (f"   [{', '.join(marks)}]" if marks else ""),
        "",
        f"state     {card.state}" + (f" (step {s.step})" if s.step is not None else ""),
        f"due       {iso(s.due) or '-'}",
        f"last      {iso(s.last_review) or '-'}",
        f"stability {_number(s.stability, ' days')}   difficulty {_number(s.difficulty)}",
        f"reps      {s.reps}   lapses {s.lapses}",
        "",
    ]
    if not reviews:
        lines.append("No answers yet.")
    else:
        lines.append(f"{'answered':<20}  {'rating':<6}  {'time':>6}  change")
        for review in reviews:
            lines.append(
                # To the second, as the column is wide: `--json` keeps the milliseconds.
                f"{review.reviewed_at.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}  "
                f"{RATINGS[review.rating]:<6}  "
                f"{review.duration_ms / 1000:5.1f}s  {review.state_before} -> {review.state_after}"
            )
    return "\n".join(lines)


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in wrap(text).splitlines())


def _number(value: float | None, unit: str = "") -> str:
    return "-" if value is None else f"{value:.2f}{unit}"
