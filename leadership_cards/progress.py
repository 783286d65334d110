"""Progress shown on stderr for work that can take more than a second (adding a folder of
chapters, an export, `check`, `optimize`).

Drawn with rich, imported only when a bar is actually shown: on a terminal, never in a pipe
or a script (stderr not a TTY), and not under NO_COLOR's plain output either way, since the
bar is transient and leaves nothing behind.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[int], None]


def _shown() -> bool:
    return sys.stderr.isatty()


@contextmanager
def progress(description: str | None, total: int | None = None) -> Iterator[Advance]:
    """A bar for `total` steps (a spinner with the time taken when `total` is unknown);
    the callable it gives advances it. Nothing is drawn when stderr is not a terminal, or
    without a description."""
    if description is None or not _shown():
        yield lambda steps=1: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda steps=1: bar.advance(task, steps)
