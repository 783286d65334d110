"""The collection's schema, as an ordered list of sqlite-utils migrations.

`PRAGMA user_version` counts the migrations applied, so opening an up-to-date collection
costs one pragma read and never imports sqlite-utils. A new migration is appended to the
end of `MIGRATIONS`, never inserted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from leadership_cards.store.rows import IN_QUEUE, LEARNING

MIGRATION_SET = "leadership_cards"
#: Marks a file as ours, so a foreign SQLite database is refused rather than changed.
APPLICATION_ID = 0x4C43_4152  # "LCAR"


def _m001_initial(db) -> None:
    db.execute(
        """CREATE TABLE decks (
            name TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            publisher TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            added_at INTEGER NOT NULL
        )"""
    )
    # Content columns are rewritten when a deck is regenerated; schedule columns
    # (state .. retired_at) belong to the learner and survive it.
    db.execute(
        """CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            deck TEXT NOT NULL REFERENCES decks(name),
            chapter TEXT NOT NULL,
            kind TEXT NOT NULL,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            cloze TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            source_file TEXT NOT NULL,
            source_position TEXT NOT NULL,
            passage TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL,
            ord INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'new'
                CHECK (state IN ('new', 'learning', 'review', 'relearning')),
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER,
            last_review INTEGER,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until INTEGER,
            leech INTEGER NOT NULL DEFAULT 0,
            retired_at INTEGER
        )"""
    )
    # The queue: partial indexes over the cards that can be shown, in the order shown.
    db.execute(f"CREATE INDEX cards_due ON cards (due) WHERE state != 'new' AND {IN_QUEUE}")
    db.execute(
        f"CREATE INDEX cards_deck_due ON cards (deck, due) WHERE state != 'new' AND {IN_QUEUE}"
    )
    db.execute(f"CREATE INDEX cards_new ON cards (deck, ord) WHERE state = 'new' AND {IN_QUEUE}")
    db.execute("CREATE INDEX cards_deck_ord ON cards (deck, ord)")
    db.execute("CREATE INDEX cards_item ON cards (deck, item)")
    db.execute(
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL,
            stability REAL,
            difficulty REAL,
            due_after INTEGER,
            undo TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE INDEX reviews_card ON reviews (card_id, reviewed_at)")
    db.execute("CREATE INDEX reviews_time ON reviews (reviewed_at)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _m002_review_stats(db) -> None:
    # `stats` counts answers by study day and week over the whole log; this index covers
    # those range counts, so they read a narrow index instead of every review row (each
    # with its undo record), and the optimizer reads the log from it in one pass.
    db.execute(
        "CREATE INDEX reviews_stats ON reviews "
        "(reviewed_at, card_id, state_before, rating, duration_ms)"
    )


def _m003_quiz_and_topics(db) -> None:
    """Meeting practice keeps its own records: a quiz never touches the review log or a
    card's schedule, and Table Topics remembers when each question was last spoken on."""
    db.execute(
        """CREATE TABLE quiz_runs (
            id INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            deck TEXT,
            chapter TEXT,
            mode TEXT NOT NULL CHECK (mode IN ('choice', 'typed', 'flip')),
            weakest INTEGER NOT NULL DEFAULT 0,
            planned INTEGER NOT NULL,
            asked INTEGER NOT NULL DEFAULT 0,
            correct INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE INDEX quiz_runs_time ON quiz_runs (started_at)")
    db.execute(
        """CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES quiz_runs(id),
            card_id TEXT NOT NULL REFERENCES cards(id),
            position INTEGER NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('right', 'close', 'wrong')),
            given TEXT NOT NULL DEFAULT '',
            answered_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE INDEX quiz_answers_run ON quiz_answers (run_id, position)")
    db.execute("CREATE INDEX quiz_answers_card ON quiz_answers (card_id, answered_at)")
    db.execute(
        """CREATE TABLE topic_talks (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            spoken_at INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            green_ms INTEGER NOT NULL,
            red_ms INTEGER NOT NULL,
            qualified INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE INDEX topic_talks_card ON topic_talks (card_id, spoken_at)")


def _m004_queue_indexes(db) -> None:
    """One partial index per queue (learning, review), each ordered by due and covering the
    buried check, so `review` finds its next card and counts what is left by reading only
    the cards of that queue, however many others are overdue."""
    for name, state in (("learning", LEARNING), ("review", "state = 'review'")):
        where = f"WHERE {state} AND {IN_QUEUE}"
        db.execute(f"CREATE INDEX cards_queue_{name} ON cards (due, buried_until) {where}")
        db.execute(
            f"CREATE INDEX cards_queue_{name}_deck ON cards (deck, due, buried_until) {where}"
        )


def _m005_learner_changes(db) -> None:
    """What the learner does to cards and decks, kept apart from what generation writes, so
    regenerating a deck keeps it: a flag, tags added or taken off, new wording (overrides,
    from an edit or an Anki import), the moment a card was reset to new (its earlier answers
    stay in the log), and the decks removed (an embedded deck stays removed)."""
    db.execute("ALTER TABLE cards ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE cards ADD COLUMN tag_changes TEXT NOT NULL DEFAULT '{}'")
    db.execute("ALTER TABLE cards ADD COLUMN reset_at INTEGER")
    db.execute(
        """CREATE TABLE overrides (
            card_id TEXT PRIMARY KEY,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            origin TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        )"""
    )
    db.execute(
        "CREATE TABLE removed_decks (name TEXT PRIMARY KEY, origin TEXT NOT NULL DEFAULT '', "
        "removed_at INTEGER NOT NULL)"
    )


def _m006_renamed_decks(db) -> None:
    """A renamed deck remembers the name its card ids were made under (NULL: its own)."""
    db.execute("ALTER TABLE decks ADD COLUMN ids_from TEXT")


def _m007_answer_shape(db) -> None:
    """Each card's answer shape, found when it is generated, so the quiz can choose wrong
    answers of the same shape without analysing text. Cards added before it have ''
    until their deck is added again."""
    db.execute("ALTER TABLE cards ADD COLUMN shape TEXT NOT NULL DEFAULT ''")


MIGRATIONS: list[Callable] = [
    _m001_initial,
    _m002_review_stats,
    _m003_quiz_and_topics,
    _m004_queue_indexes,
    _m005_learner_changes,
    _m006_renamed_decks,
    _m007_answer_shape,
]
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, upto: int = VERSION) -> None:
    """Apply the pending migrations up to `upto` (all, unless an older schema is wanted, as
    tests of upgrades do); the caller has backed the file up first."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in MIGRATIONS[:upto]:
        migrations(name=step.__name__.lstrip("_"))(step)
    db = Database(conn)
    migrations.apply(db)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {upto}")
