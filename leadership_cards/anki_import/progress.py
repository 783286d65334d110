"""A progress bar on the terminal for large imports (rich, imported only when shown)."""

from __future__ import annotations

import sys
from typing import Any

#: Below this many steps a phase ends before a bar would be worth drawing.
SHOWN_FROM = 2000


class TerminalProgress:
    """One bar per phase on standard error, when it is a terminal and the phase is long."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def start(self, what: str, total: int) -> None:
        if total < SHOWN_FROM or not sys.stderr.isatty():
            self._task = None
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
        self._task = self._bar.add_task(what, total=total)

    def advance(self, done: int = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
