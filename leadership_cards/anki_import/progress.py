"""The import's progress: one bar a phase (reading notes, matching answers, replaying), drawn
by the shared `leadership_cards.progress` bar when a phase is long enough to watch."""

from __future__ import annotations

from contextlib import ExitStack

from leadership_cards.progress import Advance, progress

#: Below this many steps a phase ends before a bar would be worth drawing.
SHOWN_FROM = 2000


class PhaseProgress:
    """Implements the importer's `Progress`; close it (or use it as a context manager)."""

    def __init__(self) -> None:
        self._phase = ExitStack()
        self._advance: Advance | None = None

    def start(self, what: str, total: int) -> None:
        self._phase.close()
        self._advance = self._phase.enter_context(
            progress(what if total >= SHOWN_FROM else None, total)
        )

    def advance(self, done: int = 1) -> None:
        if self._advance is not None:
            self._advance(done)

    def close(self) -> None:
        self._phase.close()
        self._advance = None

    def __enter__(self) -> PhaseProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
