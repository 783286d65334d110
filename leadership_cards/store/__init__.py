"""The collection: one SQLite file holding decks, cards with their schedules, the review log,
practice results and settings. Every query lives in this package, one module a concern:

- `base`: opening the file (refusing foreign, damaged or newer ones), transactions, settings;
- `schema`: the tables and indexes, as ordered migrations;
- `rows`: the records callers receive and the SQL conditions the queue shares;
- `decks`: decks, their cards, syncing a regenerated deck, flags, tags, resets, removal;
- `overrides`: the learner's own wording for a card, kept through regeneration;
- `queue`: which card comes next and how many wait;
- `log`: recording and undoing answers, reading the review log;
- `checks`: what `check` looks for and what `check --repair` changes;
- `stats`: the aggregates of `stats` and the optimizer's input;
- `practice`: quiz runs and Table Topics talks;
- `exports`: what the export formats read beyond the cards;
- `imports`: cards and answers taken in from Anki, and the schedules replayed from them;
- `bulk`: loading a prepared collection at once;
- `restore`: putting a backup in place of the collection.

The review path uses the standard `sqlite3` module directly; `sqlite_utils` (and its
migrations) is imported only when the schema has to be created or upgraded, which keeps
`review` quick to start.
"""

from __future__ import annotations

from leadership_cards.store.base import StoreBase
from leadership_cards.store.bulk import BULK_CARD_COLUMNS, BULK_REVIEW_COLUMNS, BulkLoading
from leadership_cards.store.checks import Checks
from leadership_cards.store.decks import DeckQueries
from leadership_cards.store.exports import ExportQueries
from leadership_cards.store.imports import ImportQueries
from leadership_cards.store.log import ReviewLog
from leadership_cards.store.overrides import CardOverrides, Override
from leadership_cards.store.practice import Practice
from leadership_cards.store.queue import ReviewQueue
from leadership_cards.store.rows import (
    IN_QUEUE,
    LEARNING,
    Answer,
    DeckInfo,
    ExportedReview,
    QuizRun,
    Review,
    StoredCard,
    SyncResult,
)
from leadership_cards.store.schema import APPLICATION_ID
from leadership_cards.store.stats import StatsQueries, study_day_sql


class Store(
    DeckQueries,
    CardOverrides,
    ReviewQueue,
    ReviewLog,
    Checks,
    StatsQueries,
    Practice,
    ExportQueries,
    ImportQueries,
    BulkLoading,
    StoreBase,
):
    """An open collection. Use `Store.open`; close it (or use it as a context manager)."""


__all__ = [
    "APPLICATION_ID",
    "BULK_CARD_COLUMNS",
    "BULK_REVIEW_COLUMNS",
    "IN_QUEUE",
    "LEARNING",
    "Answer",
    "Override",
    "DeckInfo",
    "ExportedReview",
    "QuizRun",
    "Review",
    "Store",
    "StoredCard",
    "SyncResult",
    "study_day_sql",
]
