"""Whatever a user types, the command answers with output or one clear error, never a crash."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import fill
from leadership_cards.cli import cli
from leadership_cards.store import Store

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
NUMBER = st.one_of(st.integers(-(10**9), 10**9).map(str), TEXT)


def command_lines():
    return st.one_of(
        st.tuples(st.just("cards"), st.just("--kind"), TEXT, st.just("--search"), TEXT),
        st.tuples(st.just("cards"), st.just("--deck"), TEXT, st.just("--json")),
        st.tuples(st.just("history"), st.just("--card"), TEXT),
        st.tuples(st.just("suspend"), TEXT),
        st.tuples(st.just("unsuspend"), TEXT, TEXT),
        st.tuples(st.just("config"), TEXT, TEXT),
        st.tuples(
            st.just("config"),
            st.sampled_from(
                ["new_per_day", "desired_retention", "learning_steps", "fuzz", "rollover_hour"]
            ),
            NUMBER,
        ),
        st.tuples(st.just("stats"), st.just("--deck"), TEXT),
        st.tuples(st.just("quiz"), st.just("--count"), NUMBER, st.just("--chapter"), TEXT),
        st.tuples(st.just("quiz"), st.just("--mode"), TEXT),
        st.tuples(st.just("topics"), st.just("--green"), TEXT, st.just("--count"), NUMBER),
        st.tuples(st.just("export"), TEXT, st.just("--deck"), TEXT),
        st.tuples(
            st.just("export"),
            st.just("markdown"),
            st.just("--quiz"),
            NUMBER,
            st.just("-o"),
            st.just("-"),
        ),
        st.tuples(st.just("review"), st.just("--new"), NUMBER, st.just("--limit"), NUMBER),
        st.tuples(st.just("simulate"), st.just("--days"), NUMBER, st.just("--retention"), NUMBER),
        st.tuples(st.just("add"), TEXT),
        st.tuples(TEXT),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=command_lines())
def test_any_command_line_is_answered_cleanly(line: tuple[str, ...]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        db = folder / "c.db"
        with Store.open(db) as store:
            fill(store)
        here = os.getcwd()
        os.chdir(folder)  # an export with no -o lands here, not in the repository
        try:
            result = CliRunner().invoke(cli, [*line, "--db", str(db)], catch_exceptions=True)
        finally:
            os.chdir(here)
        # 0: done; 1: a user error said in one line; 2: click's usage error
        assert result.exit_code in (0, 1, 2), (line, result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            line,
            repr(result.exception),
        )
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, (
                line,
                result.stderr,
            )
        with Store.open(db) as store:  # still a sound collection
            assert store.integrity_problems() == []
    finally:
        shutil.rmtree(folder)
