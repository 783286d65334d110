"""Terminal charts for `stats` and `simulate`, drawn with rich (imported on first use).

The charts read only the figures' JSON shapes, so what the terminal shows and what
`--json` carries cannot drift apart.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from leadership_cards.words import counted

SPARKS = "▁▂▃▄▅▆▇█"
HEAT_STYLES = ("grey23", "green4", "green3", "green1", "bright_green")
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
#: What is left today, in the order and under the names `decks` and `review` use.
QUEUES = ("new", "learning", "review")


def console(color: bool | None = None):
    from rich.console import Console

    # rich honours NO_COLOR and plain pipes by itself; `color` forces it either way.
    return Console(highlight=False, no_color=None if color is None else not color)


def render_stats(figures: dict[str, Any], out=None) -> None:
    from rich.table import Table

    out = out or console()
    title = f"deck {figures['deck']}" if figures["deck"] else "all decks"
    summary = Table(title=f"Study day {figures['study_day']['date']} ({title})", show_header=False)
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    rows = [
        ("Cards", figures["cards"]),
        *((f"  {state}", n) for state, n in figures["by_state"].items()),
        # Never scheduled, but counted in "Cards" (and listed by `cards`): named so they add up.
        *(
            [("  discussion (topics only)", figures["unscheduled"])]
            if figures["unscheduled"]
            else []
        ),
        ("Leeches", figures["leeches"]),
        *((f"Left today: {queue}", figures["left_today"][queue]) for queue in QUEUES),
        ("Answers today", figures["reviews_today"]),
        ("Answers, all time", figures["reviews"]),
        ("Retention, last 30 days", _percent(figures["retention_30d"])),
        ("Streak", counted(figures["streak_days"], "day")),
        ("Time per card (30 days)", _seconds(figures["average_seconds"])),
    ]
    for label, value in rows:
        summary.add_row(label, str(value))
    out.print(summary)
    out.print(forecast_chart(figures["forecast"], width=out.width))
    out.print(heatmap_chart(figures["heatmap"], width=out.width))
    out.print(retention_line(figures["retention_by_week"]))


def bar_width(width: int, labels: int) -> int:
    """Room left for a bar on a line `width` columns wide beside `labels` columns of text:
    at most 40, at least 8, so the chart reads the same from 60 columns up."""
    return max(8, min(40, width - labels - 1))


def forecast_chart(forecast: list[dict[str, Any]], width: int = 80):
    """One bar a day: how many cards fall due (today's includes the overdue)."""
    from rich.text import Text

    text = Text("Due in the next 30 days\n", style="bold")
    top = max((day["due"] for day in forecast), default=0) or 1
    digits = len(str(top))
    room = bar_width(width, 10 + 1 + digits)
    for day in forecast:
        when = date.fromisoformat(day["date"])
        bar = "█" * round(room * day["due"] / top) if day["due"] else ""
        text.append(f"{when:%a %m-%d} ")
        text.append(f"{bar:<{room}}", style="cyan")
        text.append(f" {day['due']:>{digits}}\n")
    return text


def heatmap_chart(heatmap: list[dict[str, Any]], width: int = 80):
    """The year as a calendar: weeks as columns, weekdays as rows, shade by answers. A
    terminal too narrow for the year shows its last weeks."""
    from rich.text import Text

    if not heatmap:
        return Text("")
    weeks_shown = max(4, width - 5)
    if len(heatmap) > weeks_shown * 7:
        start = len(heatmap) - (weeks_shown - 1) * 7
        start -= date.fromisoformat(heatmap[start]["date"]).weekday()  # begin on a Monday
        heatmap = heatmap[start:]
    first = date.fromisoformat(heatmap[0]["date"])
    pad = first.weekday()  # columns start on Monday
    cells: list[int | None] = [None] * pad + [day["count"] for day in heatmap]
    weeks = (len(cells) + 6) // 7
    busy = sorted(c for c in cells if c)
    # Shades by quartile of the days studied, so one huge day does not wash out the rest.
    cuts = [busy[len(busy) * q // 4] for q in (1, 2, 3)] if busy else []

    def shade(count: int) -> str:
        if count == 0:
            return HEAT_STYLES[0]
        return HEAT_STYLES[1 + sum(count > cut for cut in cuts)]

    text = Text("Reviews, last 12 months\n", style="bold")
    months = [" "] * weeks
    for w in range(weeks):
        index = w * 7 - pad
        if 0 <= index < len(heatmap):
            when = date.fromisoformat(heatmap[index]["date"])
            if when.day <= 7 and w + 3 <= weeks:
                months[w : w + 3] = f"{when:%b}"
    text.append("    " + "".join(months) + "\n")
    for row in range(7):
        text.append(f"{WEEKDAYS[row]:<4}")
        for w in range(weeks):
            i = w * 7 + row
            if i >= len(cells) or cells[i] is None:
                text.append(" ")
            else:
                text.append("■", style=shade(cells[i]))
        text.append("\n")
    text.append("    less ")
    for style in HEAT_STYLES:
        text.append("■", style=style)
    text.append(" more\n")
    return text


def retention_line(weeks: list[dict[str, Any]]):
    """Retention week by week as a sparkline, scaled from 50% to 100%."""
    from rich.text import Text

    text = Text("Retention by week (reviews not forgotten)\n", style="bold")
    marks = ""
    for week in weeks:
        value = week["retention"]
        if value is None:
            marks += " "
        else:
            level = min(len(SPARKS) - 1, max(0, round((value - 0.5) * 2 * (len(SPARKS) - 1))))
            marks += SPARKS[level]
    text.append(f"{weeks[0]['start'] if weeks else ''} ", style="dim")
    text.append(marks, style="magenta")
    last = next((w["retention"] for w in reversed(weeks) if w["retention"] is not None), None)
    text.append(f"  this week {_percent(last)}\n")
    return text


def render_simulation(result: dict[str, Any], out=None) -> None:
    from rich.table import Table
    from rich.text import Text

    out = out or console()
    weeks = result["weeks"]
    days = len(result["days"])
    text = Text(
        f"Reviews a day, the mean of each week, at retention {result['retention']:.2f} "
        f"({result['new_per_day']} new a day, {days} days)\n",
        style="bold",
    )
    # One bar a week, so a year fits on a screen; each row is labelled with its days.
    top = max((w["reviews_per_day"] for w in weeks), default=0) or 1
    span = len(str(days))
    label = 5 + 2 * span + 1
    suffix = 7 + 6 + 11
    room = bar_width(out.width, label + suffix)
    for week in weeks:
        days_label = f"{week['first_day']}-{week['last_day']}"
        text.append(f"days {days_label:<{2 * span + 1}} ")
        text.append(f"{'█' * round(room * week['reviews_per_day'] / top):<{room}}", style="cyan")
        text.append(f" {week['reviews_per_day']:6.1f}/day {week['memorized']:5.0f} memorised\n")
    out.print(text)
    table = Table(title="Desired retention compared")
    for column in ("retention", "reviews", "minutes", "memorised", "per hour"):
        table.add_column(column, justify="right")
    for row in result["comparison"]:
        table.add_row(
            f"{row['retention']:.2f}",
            str(row["reviews"]),
            f"{row['minutes']:.0f}",
            f"{row['memorized']:.0f}",
            f"{row['memorized_per_hour']:.1f}",
        )
    out.print(table)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}s"
