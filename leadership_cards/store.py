"""The collection: one SQLite file holding decks, cards with their schedules, the review log
and settings. Every query lives here.

The review path uses the standard `sqlite3` module directly; `sqlite_utils` (and its
migrations) is imported only when the schema has to be created or upgraded, which keeps
`review` quick to start.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from leadership_cards.cards import UNSCHEDULED_KINDS, Card
from leadership_cards.clock import from_epoch, iso, to_epoch
from leadership_cards.errors import NotFound, StoreError
from leadership_cards.scheduler import Schedule

#: Marks a file as ours, so a foreign SQLite database is refused rather than changed.
APPLICATION_ID = 0x4C43_4152  # "LCAR"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000  # long enough for another terminal's answer, short enough to say so

_UNSCHEDULED = ", ".join(f"'{kind}'" for kind in sorted(UNSCHEDULED_KINDS))
#: A card that may be shown in review. Spelled the same in the partial indexes and in the
#: queue queries, so SQLite can use those indexes.
IN_QUEUE = f"suspended = 0 AND retired_at IS NULL AND kind NOT IN ({_UNSCHEDULED})"

#: Cards in the learning queue (learning or relearning), spelled as in its partial index.
LEARNING = "state IN ('learning', 'relearning')"
NOT_BURIED = "(buried_until IS NULL OR buried_until <= :now)"

CARD_COLUMNS = (
    "id, deck, chapter, kind, front, back, cloze, tags, source_file, source_position, "
    "passage, item, ord, state, step, stability, difficulty, due, last_review, reps, "
    "lapses, suspended, buried_until, leech, retired_at"
)


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A card as the collection holds it: its content, its schedule and its flags."""

    id: str
    deck: str
    chapter: str
    kind: str
    front: str
    back: str
    cloze: str | None
    tags: tuple[str, ...]
    source_file: str
    source_position: str
    passage: str
    item: str
    schedule: Schedule
    suspended: bool = False
    buried_until: datetime | None = None
    leech: bool = False
    retired_at: datetime | None = None

    @property
    def state(self) -> str:
        return "suspended" if self.suspended else self.schedule.state

    @property
    def all_tags(self) -> list[str]:
        return [*self.tags, "leech"] if self.leech else list(self.tags)

    def to_json(self) -> dict[str, Any]:
        """The `cards --json` shape promised in DESIGN.md."""
        s = self.schedule
        return {
            "id": self.id,
            "deck": self.deck,
            "chapter": self.chapter,
            "kind": self.kind,
            "front": self.front,
            "back": self.back,
            "tags": self.all_tags,
            "source": {"file": self.source_file, "position": self.source_position},
            "state": self.state,
            "due": iso(s.due),
            "stability": s.stability,
            "difficulty": s.difficulty,
            "reps": s.reps,
            "lapses": s.lapses,
        }


@dataclass(frozen=True, slots=True)
class DeckInfo:
    name: str
    title: str
    publisher: str = ""
    source: str = ""
    origin: str = ""  # the files or folder the deck was generated from


@dataclass(frozen=True, slots=True)
class SyncResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    restored: int = 0


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int
    state_before: str
    state_after: str

    def to_json(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "rating": self.rating,
            "reviewed_at": iso(self.reviewed_at),
            "duration_ms": self.duration_ms,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """What one answer changed, kept so that `undo` can put it all back."""

    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int
    before: Schedule
    after: Schedule
    suspend_as_leech: bool = False
    buried_siblings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ExportedReview:
    """One answer as an export needs it: what Anki's review log records."""

    card_id: str
    rating: int
    reviewed_at_ms: int
    duration_ms: int
    state_before: str
    state_after: str
    due_after: int | None  # epoch seconds


class Store:
    """An open collection. Use `Store.open`; close it (or use it as a context manager)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Store:
        """Open (and if need be create or upgrade) the collection at `path`.

        A file that is not ours, is damaged, or was written by a newer version is refused
        before anything is written to it.
        """
        from leadership_cards import schema

        path = Path(path)
        existed = _check_file(path, create)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as error:
            raise StoreError(_explain(path, error)) from None
        store = cls(path, conn)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = _identify(conn, path)
            if version > schema.VERSION:
                raise StoreError(
                    f"{path} was written by a newer version of leadership-cards "
                    f"(schema {version}, this version knows {schema.VERSION}); upgrade to open it"
                )
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable against a killed process in WAL mode; only power loss
            # could take the last transactions.
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if version < schema.VERSION:
                if existed and version > 0:
                    from leadership_cards.backup import take

                    take(path, f"before-schema-{schema.VERSION}", datetime.now(UTC), conn)
                schema.migrate(conn)
        except sqlite3.OperationalError as error:
            conn.close()
            raise StoreError(_explain(path, error)) from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(
                f"{path} is not a usable leadership-cards collection ({error})"
            ) from None
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so two writers queue instead of deadlocking."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def backup(self, target: Path) -> Path:
        """A consistent copy of the collection at `target` (SQLite's online backup)."""
        from leadership_cards.backup import copy_database

        return copy_database(self.conn, target)

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM decks)").fetchone()[0] == 1

    # -- settings ------------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def settings(self) -> dict[str, Any]:
        rows = self.conn.execute("SELECT key, value FROM settings ORDER BY key")
        return {key: json.loads(value) for key, value in rows}

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(value)),
                )

    # -- decks ---------------------------------------------------------------------------

    def decks(self) -> list[DeckInfo]:
        rows = self.conn.execute(
            "SELECT name, title, publisher, source, origin FROM decks ORDER BY position, name"
        )
        return [DeckInfo(*row) for row in rows]

    def deck(self, name: str) -> DeckInfo:
        row = self.conn.execute(
            "SELECT name, title, publisher, source, origin FROM decks WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            known = ", ".join(deck.name for deck in self.decks()) or "none"
            raise NotFound(f"no deck named {name!r} (decks: {known})")
        return DeckInfo(*row)

    def require_deck(self, name: str | None) -> None:
        if name is not None:
            self.deck(name)

    def sync_deck(self, info: DeckInfo, cards: Sequence[Card], now: datetime) -> SyncResult:
        """Make the deck hold exactly `cards`, keeping the schedule and history of every card
        whose id survived. Cards that vanished from the source are retired, not deleted."""
        stamp = to_epoch(now)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?) "
                "ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
                "publisher = excluded.publisher, source = excluded.source, "
                "origin = excluded.origin",
                (info.name, info.title, info.publisher, info.source, info.origin, stamp),
            )
            existing = {
                row[0]: tuple(row[1:])
                for row in conn.execute(
                    "SELECT id, chapter, kind, front, back, cloze, tags, source_file, "
                    "source_position, passage, item, ord, retired_at FROM cards WHERE deck = ?",
                    (info.name,),
                )
            }
            added = updated = unchanged = restored = 0
            for order, card in enumerate(cards):
                content = (
                    card.chapter,
                    str(card.kind),
                    card.front,
                    card.back,
                    card.cloze,
                    json.dumps(list(card.tags)),
                    card.source.file,
                    card.source.position,
                    card.source.passage,
                    card.item,
                    order,
                )
                old = existing.pop(card.id, None)
                if old is None:
                    conn.execute(
                        "INSERT INTO cards (id, deck, chapter, kind, front, back, cloze, tags, "
                        "source_file, source_position, passage, item, ord, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (card.id, info.name, *content, stamp),
                    )
                    added += 1
                    continue
                if old[-1] is not None:
                    restored += 1
                elif old[:-1] == content:
                    unchanged += 1
                    continue
                else:
                    updated += 1
                conn.execute(
                    "UPDATE cards SET chapter = ?, kind = ?, front = ?, back = ?, cloze = ?, "
                    "tags = ?, source_file = ?, source_position = ?, passage = ?, item = ?, "
                    "ord = ?, retired_at = NULL WHERE id = ?",
                    (*content, card.id),
                )
            gone = [card_id for card_id, old in existing.items() if old[-1] is None]
            conn.executemany(
                "UPDATE cards SET retired_at = ? WHERE id = ?", [(stamp, i) for i in gone]
            )
        return SyncResult(added, updated, unchanged, len(gone), restored)

    # -- cards ---------------------------------------------------------------------------

    def cards(
        self,
        deck: str | None = None,
        kind: str | None = None,
        search: str | None = None,
        chapter: str | None = None,
        include_retired: bool = False,
    ) -> Iterator[StoredCard]:
        """Cards in deck order, filtered; streamed, never loaded all at once."""
        where, args = [], []
        if not include_retired:
            where.append("retired_at IS NULL")
        if deck is not None:
            where.append("deck = ?")
            args.append(deck)
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        if chapter is not None:
            where.append("chapter = ?")
            args.append(chapter)
        if search:
            where.append("(front LIKE ? OR back LIKE ? OR chapter LIKE ?)")
            args += [f"%{search}%"] * 3
        sql = f"SELECT {CARD_COLUMNS} FROM cards"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY (SELECT position FROM decks WHERE name = deck), ord"
        for row in self.conn.execute(sql, args):
            yield _card(row)

    def card(self, card_id: str) -> StoredCard:
        """A card by id, or by an unambiguous prefix of one (as git takes short hashes)."""
        rows = self.conn.execute(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE id >= ? AND id < ? LIMIT 2",
            (card_id, card_id + "\uffff"),
        ).fetchall()
        exact = [row for row in rows if row["id"] == card_id]
        if exact:
            return _card(exact[0])
        if len(rows) == 1 and card_id:
            return _card(rows[0])
        if not rows or not card_id:
            raise NotFound(f"no card with id {card_id!r}")
        raise NotFound(f"card id {card_id!r} is ambiguous; give more characters")

    def set_suspended(self, card_ids: Sequence[str], suspended: bool) -> list[str]:
        """Suspend or unsuspend cards; every id is checked before anything changes."""
        ids = [self.card(card_id).id for card_id in card_ids]
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET suspended = ?, leech = CASE WHEN ? THEN leech ELSE 0 END "
                "WHERE id = ?",
                [(int(suspended), int(suspended), card_id) for card_id in ids],
            )
        return ids

    def bury(self, card_id: str, until: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE cards SET buried_until = ? WHERE id = ?", (to_epoch(until), card_id)
            )

    # -- the review queue ----------------------------------------------------------------

    def next_learning(self, deck: str | None, before: datetime, now: datetime) -> StoredCard | None:
        """The learning or relearning card due first, if due before `before`."""
        return self._first(f"{LEARNING} AND due <= ?", [to_epoch(before)], deck, now, "due")

    def next_review(self, deck: str | None, before: datetime, now: datetime) -> StoredCard | None:
        return self._first("state = 'review' AND due < ?", [to_epoch(before)], deck, now, "due")

    def next_new(self, deck: str | None, now: datetime) -> StoredCard | None:
        return self._first("state = 'new'", [], deck, now, "deck, ord")

    def _first(
        self, condition: str, args: list[Any], deck: str | None, now: datetime, order: str
    ) -> StoredCard | None:
        sql = (
            f"SELECT {CARD_COLUMNS} FROM cards WHERE {condition} AND {IN_QUEUE} "
            "AND (buried_until IS NULL OR buried_until <= ?)"
        )
        args = [*args, to_epoch(now)]
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        row = self.conn.execute(f"{sql} ORDER BY {order} LIMIT 1", args).fetchone()
        return None if row is None else _card(row)

    def count_due(
        self,
        deck: str | None,
        before: datetime,
        now: datetime,
        caps: dict[str, int] | None = None,
    ) -> dict[str, int]:
        """How many cards wait: learning and reviews due before `before`, and new cards.

        Each queue is counted through its own partial index. `caps` bounds a count (the
        progress line needs no more than what today's limits allow), so a collection with
        thousands of overdue cards is not read in full to say "200 left".
        """
        params: dict[str, Any] = {"before": to_epoch(before), "now": to_epoch(now)}
        deck_filter = ""
        if deck is not None:
            deck_filter = " AND deck = :deck"
            params["deck"] = deck
        conditions = {
            "learning": f"{LEARNING} AND due < :before",
            "review": "state = 'review' AND due < :before",
            "new": "state = 'new'",
        }
        counts = {}
        for queue, condition in conditions.items():
            inner = f"SELECT 1 FROM cards WHERE {condition} AND {IN_QUEUE} AND {NOT_BURIED}"
            inner += deck_filter
            if caps is not None and queue in caps:
                inner += f" LIMIT {int(caps[queue])}"
            counts[queue] = self.conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[
                0
            ]
        return counts

    def deck_counts(self, before: datetime, now: datetime) -> list[dict[str, Any]]:
        """Per deck: cards, and how many are new, learning, due before `before`, suspended."""
        rows = self.conn.execute(
            "SELECT d.name, d.title, "
            "count(c.id), "
            f"count(*) FILTER (WHERE c.state = 'new' AND {IN_QUEUE}), "
            "count(*) FILTER (WHERE c.state IN ('learning', 'relearning') AND c.suspended = 0), "
            f"count(*) FILTER (WHERE c.state != 'new' AND c.due < :before AND {IN_QUEUE} "
            "AND (c.buried_until IS NULL OR c.buried_until <= :now)), "
            "count(*) FILTER (WHERE c.suspended = 1) "
            "FROM decks d LEFT JOIN cards c ON c.deck = d.name AND c.retired_at IS NULL "
            "GROUP BY d.name ORDER BY d.position, d.name",
            {"before": to_epoch(before), "now": to_epoch(now)},
        )
        keys = ("name", "title", "cards", "new", "learning", "due_today", "suspended")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def next_due_after(self, deck: str | None, moment: datetime) -> datetime | None:
        """When the next scheduled card falls due (for "nothing due until ...")."""
        sql = f"SELECT min(due) FROM cards WHERE state != 'new' AND {IN_QUEUE} AND due >= ?"
        args: list[Any] = [to_epoch(moment)]
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        return from_epoch(self.conn.execute(sql, args).fetchone()[0])

    def answered_since(self, since: datetime, deck: str | None = None) -> dict[str, int]:
        """Answers given since `since` (the study day's start), by the state before them."""
        sql = "SELECT state_before, count(*) FROM reviews r WHERE reviewed_at >= ?"
        args: list[Any] = [int(since.timestamp() * 1000)]
        if deck is not None:
            sql += " AND (SELECT deck FROM cards WHERE id = r.card_id) = ?"
            args.append(deck)
        rows = self.conn.execute(sql + " GROUP BY state_before", args)
        return dict(rows.fetchall())

    # -- answers -------------------------------------------------------------------------

    def schedule_of(self, card_id: str) -> Schedule:
        row = self.conn.execute(
            "SELECT state, step, stability, difficulty, due, last_review, reps, lapses "
            "FROM cards WHERE id = ?",
            (card_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no card with id {card_id!r}")
        return _schedule(row)

    def siblings_to_bury(self, card_id: str) -> list[str]:
        """New and review cards from the same source item, which wait until tomorrow."""
        rows = self.conn.execute(
            "SELECT s.id FROM cards c JOIN cards s ON s.deck = c.deck AND s.item = c.item "
            "WHERE c.id = ? AND s.id != c.id AND s.state IN ('new', 'review') "
            "AND s.suspended = 0 AND s.retired_at IS NULL",
            (card_id,),
        )
        return [row[0] for row in rows]

    def record(self, answer: Answer, bury_until: datetime | None) -> int:
        """Write one answer: the review log row and the card's new schedule, atomically."""
        after = answer.after
        prior = self.conn.execute(
            "SELECT suspended, leech, buried_until FROM cards WHERE id = ?", (answer.card_id,)
        ).fetchone()
        undo = {
            "schedule": _schedule_json(answer.before),
            "suspended": prior[0],
            "leech": prior[1],
            "buried_until": prior[2],
            "buried_siblings": list(answer.buried_siblings),
        }
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, "
                "state_after, stability, difficulty, due_after, undo) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer.card_id,
                    answer.rating,
                    int(answer.reviewed_at.timestamp() * 1000),
                    answer.duration_ms,
                    answer.before.state,
                    after.state,
                    after.stability,
                    after.difficulty,
                    to_epoch(after.due),
                    json.dumps(undo),
                ),
            )
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ?, buried_until = NULL, "
                "suspended = suspended OR ?, leech = leech OR ? WHERE id = ?",
                (
                    *_schedule_row(after),
                    int(answer.suspend_as_leech),
                    int(answer.suspend_as_leech),
                    answer.card_id,
                ),
            )
            if answer.buried_siblings and bury_until is not None:
                conn.executemany(
                    "UPDATE cards SET buried_until = ? WHERE id = ?",
                    [(to_epoch(bury_until), sibling) for sibling in answer.buried_siblings],
                )
            return int(cursor.lastrowid or 0)

    def undo(self, review_id: int) -> str:
        """Take back one answer: restore the card as it was and drop the log row."""
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT card_id, undo FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise NotFound("that answer is no longer in the log")
            card_id, undo = row[0], json.loads(row[1])
            before = _schedule_from_json(undo["schedule"])
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ?, suspended = ?, leech = ?, "
                "buried_until = ? WHERE id = ?",
                (
                    *_schedule_row(before),
                    undo["suspended"],
                    undo["leech"],
                    undo["buried_until"],
                    card_id,
                ),
            )
            conn.executemany(
                "UPDATE cards SET buried_until = NULL WHERE id = ?",
                [(sibling,) for sibling in undo["buried_siblings"]],
            )
            conn.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return card_id

    # -- the review log ------------------------------------------------------------------

    def reviews(self, card_id: str | None = None) -> Iterator[Review]:
        sql = (
            "SELECT id, card_id, rating, reviewed_at, duration_ms, state_before, state_after "
            "FROM reviews"
        )
        args: list[Any] = []
        if card_id is not None:
            sql += " WHERE card_id = ?"
            args.append(card_id)
        for row in self.conn.execute(sql + " ORDER BY reviewed_at, id", args):
            yield Review(
                row[0],
                row[1],
                row[2],
                datetime.fromtimestamp(row[3] / 1000, UTC),
                row[4],
                row[5],
                row[6],
            )

    # -- checks and repairs --------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check; empty when the file is sound."""
        rows = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def orphan_review_count(self) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)"
        ).fetchone()[0]

    def decks_missing(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT deck FROM cards WHERE deck NOT IN (SELECT name FROM decks) "
            "ORDER BY deck"
        )
        return [row[0] for row in rows]

    def inconsistent_schedules(self) -> list[str]:
        return [row[0] for row in self.conn.execute(_INCONSISTENT_SCHEDULES)]

    def recreate_decks(self, names: Sequence[str], now: datetime) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO decks (name, title, position, added_at) VALUES (?, ?, "
                "(SELECT coalesce(max(position), 0) + 1 FROM decks), ?)",
                [(name, f"{name} (recovered)", to_epoch(now)) for name in names],
            )

    def delete_orphan_reviews(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)")

    def write_schedule(self, card_id: str, schedule: Schedule) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                "last_review = ?, reps = ?, lapses = ? WHERE id = ?",
                (*_schedule_row(schedule), card_id),
            )

    def reindex(self) -> None:
        self.conn.execute("REINDEX")

    def counts(self) -> dict[str, int]:
        cards, reviews = self.conn.execute(
            "SELECT (SELECT count(*) FROM cards WHERE retired_at IS NULL), "
            "(SELECT count(*) FROM reviews)"
        ).fetchone()
        return {"cards": cards, "reviews": reviews}

    # -- statistics, optimizer input and bulk loading ------------------------------------
    # Every figure of `stats` is an aggregate computed here; the day a moment belongs to is
    # worked out in SQL by `study_day_sql`, so no query returns one row per review.

    def stats_cards(self, deck: str | None = None) -> dict[str, int]:
        """Cards by state (suspended counted apart), leeches, and cards never scheduled."""
        sql = (
            "SELECT count(*), "
            f"count(*) FILTER (WHERE kind IN ({_UNSCHEDULED})), "
            f"count(*) FILTER (WHERE suspended = 1 AND kind NOT IN ({_UNSCHEDULED})), "
            "count(*) FILTER (WHERE leech = 1), "
            + ", ".join(
                f"count(*) FILTER (WHERE state = '{state}' AND suspended = 0 "
                f"AND kind NOT IN ({_UNSCHEDULED}))"
                for state in ("new", "learning", "review", "relearning")
            )
            + " FROM cards WHERE retired_at IS NULL"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        row = self.conn.execute(sql, args).fetchone()
        keys = (
            "cards",
            "unscheduled",
            "suspended",
            "leeches",
            "new",
            "learning",
            "review",
            "relearning",
        )
        return dict(zip(keys, row, strict=True))

    def stats_answers(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[int]:
        """Answers given in each [start, end) range (one range a study day, say)."""
        return [row[0] for row in self._review_ranges(ranges, ["count(*)"], deck)]

    def stats_retention(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[tuple[int, int]]:
        """For each range: answers given to cards in review, and how many were not Again."""
        return self._review_ranges(
            ranges,
            [
                "count(*) FILTER (WHERE state_before = 'review')",
                "count(*) FILTER (WHERE state_before = 'review' AND rating > 1)",
            ],
            deck,
        )

    def stats_answer_time(
        self, start: datetime, end: datetime, deck: str | None = None
    ) -> tuple[int, int]:
        """Answers given in [start, end), and the milliseconds spent on them."""
        row = self._review_ranges([(start, end)], ["count(*)", "total(duration_ms)"], deck)[0]
        return row[0], int(row[1])

    def stats_review_count(self, deck: str | None = None) -> int:
        """Every answer ever given (to the deck's cards)."""
        if deck is None:
            return self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        return self.conn.execute(
            "SELECT count(*) FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE deck = ?)",
            (deck,),
        ).fetchone()[0]

    def _review_ranges(
        self,
        ranges: Sequence[tuple[datetime, datetime]],
        aggregates: Sequence[str],
        deck: str | None,
    ) -> list[tuple[int, ...]]:
        """Each aggregate over the answers in each range, as one statement: a correlated
        range scan of the covering index a range, so no answer is read twice and none is
        returned to Python. (A day's bounds come from `StudyDay`, which keeps
        daylight-saving changes right.)"""
        where = "reviewed_at >= b.lo AND reviewed_at < b.hi"
        args: list[Any] = [
            json.dumps(
                [[int(lo.timestamp() * 1000), int(hi.timestamp() * 1000)] for lo, hi in ranges]
            )
        ]
        source = "reviews INDEXED BY reviews_stats"
        if deck is not None:
            source = self._deck_reviews(deck)
        columns = ", ".join(
            f"(SELECT {aggregate} FROM {source} WHERE {where})" for aggregate in aggregates
        )
        rows = self.conn.execute(f"{_RANGES} SELECT {columns} FROM b ORDER BY b.i", args)
        return [tuple(row) for row in rows]

    def _deck_reviews(self, deck: str) -> str:
        """A temporary, time-indexed copy of one deck's answers (in SQLite's temp database,
        never the collection file), so each range of a deck's stats is a range scan of that
        deck alone rather than of every answer with a test of its card's deck."""
        # Named for the collection's state as well as the deck: any change to the
        # collection, from this connection or another, makes a fresh copy.
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        state = f"{deck}\x1f{version}\x1f{self.conn.total_changes}"
        key = hashlib.blake2b(state.encode(), digest_size=6).hexdigest()
        table = f"temp.deck_reviews_{key}"
        self.conn.execute(
            f"CREATE TABLE IF NOT EXISTS {table} AS SELECT r.reviewed_at, r.card_id, "
            "r.state_before, r.rating, r.duration_ms FROM cards c "
            "JOIN reviews r INDEXED BY reviews_card ON r.card_id = c.id WHERE c.deck = ?",
            (deck,),
        )
        self.conn.execute(
            f"CREATE INDEX IF NOT EXISTS temp.deck_reviews_{key}_time "
            f"ON deck_reviews_{key} (reviewed_at)"
        )
        return table

    def stats_due(
        self, ranges: Sequence[tuple[datetime, datetime]], deck: str | None = None
    ) -> list[int]:
        """Learning and review cards (in the queue) falling due in each [start, end) range."""
        where = f"state != 'new' AND {IN_QUEUE} AND due >= b.lo AND due < b.hi"
        args: list[Any] = [
            json.dumps([[int(lo.timestamp()), int(hi.timestamp())] for lo, hi in ranges])
        ]
        if deck is not None:
            where += " AND deck = ?"
            args.append(deck)
        rows = self.conn.execute(
            f"{_RANGES} SELECT (SELECT count(*) FROM cards WHERE {where}) FROM b ORDER BY b.i",
            args,
        )
        return [row[0] for row in rows]

    def review_span(self) -> tuple[datetime, datetime] | None:
        """The first and last answer in the log, or None for an empty log."""
        first, last = self.conn.execute(
            # Two subqueries, so each is one step down the time index.
            "SELECT (SELECT min(reviewed_at) FROM reviews), (SELECT max(reviewed_at) FROM reviews)"
        ).fetchone()
        if first is None:
            return None
        return (
            datetime.fromtimestamp(first / 1000, UTC),
            datetime.fromtimestamp(last / 1000, UTC),
        )

    def review_log_by_card(
        self, segments: Sequence[tuple[int, int]], rollover_hour: int
    ) -> Iterator[tuple[str, int, int]]:
        """Every answer as (card id, study day, rating), card by card and in order: the input
        the optimizer turns into FSRS items."""
        day = study_day_sql("reviewed_at", 1000, segments, rollover_hour)
        yield from self.conn.execute(
            f"SELECT card_id, {day}, rating FROM reviews ORDER BY card_id, reviewed_at"
        )

    def bulk_load(
        self,
        decks: Sequence[DeckInfo],
        cards: Iterable[Sequence[Any]],
        reviews: Iterable[Sequence[Any]],
        now: datetime,
    ) -> None:
        """Load a prepared collection in one transaction (benchmarks, imports of a history).

        `cards` rows follow `BULK_CARD_COLUMNS` and `reviews` rows `BULK_REVIEW_COLUMNS`;
        times are epoch seconds for cards and epoch milliseconds for reviews, as stored.
        """
        stamp = to_epoch(now)
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?)",
                [(d.name, d.title, d.publisher, d.source, d.origin, stamp) for d in decks],
            )
            marks = ", ".join("?" * len(BULK_CARD_COLUMNS))
            conn.executemany(
                f"INSERT INTO cards ({', '.join(BULK_CARD_COLUMNS)}) VALUES ({marks})", cards
            )
            marks = ", ".join("?" * len(BULK_REVIEW_COLUMNS))
            conn.executemany(
                f"INSERT INTO reviews ({', '.join(BULK_REVIEW_COLUMNS)}) VALUES ({marks})",
                reviews,
            )

    # -- meeting practice: quiz runs and Table Topics talks --------------------------------
    # Kept in tables of their own: practice never changes a card's schedule or the review log.

    def chapters(self, deck: str | None = None) -> list[tuple[str, str]]:
        """(deck, chapter) pairs in reading order: decks in their order, chapters by their
        first card."""
        sql = "SELECT deck, chapter, min(ord) AS first FROM cards WHERE retired_at IS NULL"
        args: list[Any] = []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        sql += (
            " GROUP BY deck, chapter ORDER BY (SELECT position FROM decks WHERE name = deck), first"
        )
        return [(row[0], row[1]) for row in self.conn.execute(sql, args)]

    def start_quiz_run(
        self,
        started_at: datetime,
        deck: str | None,
        chapter: str | None,
        mode: str,
        planned: int,
        weakest: bool,
    ) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO quiz_runs (started_at, finished_at, deck, chapter, mode, weakest, "
                "planned) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    _ms(started_at),
                    _ms(started_at),
                    deck,
                    chapter,
                    mode,
                    int(weakest),
                    planned,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_quiz_answer(
        self,
        run_id: int,
        card_id: str,
        position: int,
        verdict: str,
        given: str,
        answered_at: datetime,
        duration_ms: int,
        run_duration_ms: int,
    ) -> None:
        """One quiz answer and the run's running totals, together, so a quiz cut short
        still shows its score over the questions asked."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO quiz_answers (run_id, card_id, position, verdict, given, "
                "answered_at, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (run_id, card_id, position, verdict, given, _ms(answered_at), duration_ms),
            )
            conn.execute(
                "UPDATE quiz_runs SET asked = asked + 1, correct = correct + ?, "
                "finished_at = ?, duration_ms = ? WHERE id = ?",
                (int(verdict != "wrong"), _ms(answered_at), run_duration_ms, run_id),
            )

    def quiz_runs(self, limit: int | None = None) -> list[QuizRun]:
        """Past quizzes with at least one answer, oldest first (the last `limit` of them)."""
        sql = (
            "SELECT id, started_at, deck, chapter, mode, weakest, planned, asked, correct, "
            "duration_ms FROM quiz_runs WHERE asked > 0 ORDER BY started_at DESC, id DESC"
        )
        args: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        runs = [
            QuizRun(
                row[0],
                datetime.fromtimestamp(row[1] / 1000, UTC),
                row[2],
                row[3],
                row[4],
                bool(row[5]),
                row[6],
                row[7],
                row[8],
                row[9],
            )
            for row in self.conn.execute(sql, args)
        ]
        return runs[::-1]

    def last_spoken(self, deck: str | None = None) -> dict[str, datetime]:
        """When each discussion question was last spoken on, by card id."""
        sql = (
            "SELECT t.card_id, max(t.spoken_at) FROM topic_talks t JOIN cards c ON c.id = t.card_id"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " WHERE c.deck = ?"
            args.append(deck)
        rows = self.conn.execute(sql + " GROUP BY t.card_id", args)
        return {row[0]: datetime.fromtimestamp(row[1] / 1000, UTC) for row in rows}

    def record_talk(
        self,
        card_id: str,
        spoken_at: datetime,
        duration_ms: int,
        green_ms: int,
        red_ms: int,
        qualified: bool,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO topic_talks (card_id, spoken_at, duration_ms, green_ms, red_ms, "
                "qualified) VALUES (?, ?, ?, ?, ?, ?)",
                (card_id, _ms(spoken_at), duration_ms, green_ms, red_ms, int(qualified)),
            )

    # -- exports (queries the export formats need) -----------------------------------------

    def exported_reviews(self, deck: str | None = None) -> Iterator[ExportedReview]:
        """The review log of the live cards (of one deck), grouped by card, oldest first."""
        sql = (
            "SELECT r.card_id, r.rating, r.reviewed_at, r.duration_ms, r.state_before, "
            "r.state_after, r.due_after FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE c.retired_at IS NULL"
        )
        args: list[Any] = []
        if deck is not None:
            sql += " AND c.deck = ?"
            args.append(deck)
        for row in self.conn.execute(sql + " ORDER BY r.card_id, r.reviewed_at, r.id", args):
            yield ExportedReview(*row)

    def count_cards(self, deck: str | None = None) -> int:
        """Live cards (of one deck), without loading them."""
        sql, args = "SELECT count(*) FROM cards WHERE retired_at IS NULL", []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        return self.conn.execute(sql, args).fetchone()[0]


@dataclass(frozen=True, slots=True)
class QuizRun:
    """One past quiz, for `quiz --history`."""

    id: int
    started_at: datetime
    deck: str | None
    chapter: str | None
    mode: str
    weakest: bool
    planned: int
    asked: int
    correct: int
    duration_ms: int


def _ms(moment: datetime) -> int:
    """Milliseconds since the epoch, as the review log stores its times."""
    return int(moment.timestamp() * 1000)


# -- statistics helpers --------------------------------------------------------------------

#: The ranges a statistics query counts over, from a JSON array of [start, end) pairs bound
#: as the first parameter.
_RANGES = (
    "WITH b(i, lo, hi) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') "
    "FROM json_each(?))"
)

BULK_CARD_COLUMNS = (
    "id",
    "deck",
    "chapter",
    "kind",
    "front",
    "back",
    "cloze",
    "tags",
    "source_file",
    "source_position",
    "passage",
    "item",
    "ord",
    "created_at",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "leech",
)
BULK_REVIEW_COLUMNS = (
    "card_id",
    "rating",
    "reviewed_at",
    "duration_ms",
    "state_before",
    "state_after",
    "stability",
    "difficulty",
    "due_after",
)


def study_day_sql(
    column: str, per_second: int, segments: Sequence[tuple[int, int]], rollover_hour: int
) -> str:
    """An SQL expression numbering the local study day of `column` (days since 1970-01-01,
    local time, each day starting at `rollover_hour`).

    `column` counts `per_second` units a second. `segments` are (epoch second, UTC offset in
    seconds) pairs in time order, each offset holding from its moment until the next one, so
    daylight-saving changes fall on the right day. Every value is an integer we computed, so
    it is written into the SQL rather than bound.
    """
    if not segments:
        raise ValueError("at least one offset segment is needed")
    seconds = column if per_second == 1 else f"({column} / {int(per_second)})"
    if len(segments) == 1:
        offset = str(int(segments[0][1]))
    else:
        cases = " ".join(
            f"WHEN {column} >= {int(start) * per_second} THEN {int(offset)}"
            for start, offset in reversed(segments[1:])
        )
        offset = f"(CASE {cases} ELSE {int(segments[0][1])} END)"
    return f"(({seconds} + {offset} - {int(rollover_hour) * 3600}) / 86400)"


def _explain(path: Path, error: sqlite3.Error) -> str:
    """SQLite's terse errors, said in terms of the user's file."""
    text = str(error)
    if "readonly" in text:
        return f"cannot change {path}: the file or its folder is read-only"
    if "unable to open" in text:
        return f"cannot open {path}: its folder is missing or not writable"
    if "locked" in text or "busy" in text:
        return f"{path} is busy in another process; try again in a moment"
    return f"cannot use {path}: {text}"


def _check_file(path: Path, create: bool) -> bool:
    """Refuse a path that cannot be a collection; say whether the file already exists."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a collection file")
    if not path.exists():
        if not create:
            raise StoreError(f"no collection at {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {path.parent}: {error.strerror}") from None
        return False
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if header and header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a leadership-cards collection (not an SQLite database)")
    return bool(header)


def _identify(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of our own file, 0 for a new one; refuses anyone else's."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID:
        return version
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != 0 or has_tables:
        raise StoreError(
            f"{path} is not a leadership-cards collection (another program's database)"
        )
    return 0


def _schedule(row: Sequence[Any]) -> Schedule:
    state, step, stability, difficulty, due, last_review, reps, lapses = row
    return Schedule(
        state, step, stability, difficulty, from_epoch(due), from_epoch(last_review), reps, lapses
    )


def _schedule_row(s: Schedule) -> tuple[Any, ...]:
    return (
        s.state,
        s.step,
        s.stability,
        s.difficulty,
        to_epoch(s.due),
        to_epoch(s.last_review),
        s.reps,
        s.lapses,
    )


def _schedule_json(s: Schedule) -> list[Any]:
    return list(_schedule_row(s))


def _schedule_from_json(values: list[Any]) -> Schedule:
    return _schedule(values)


def _card(row: sqlite3.Row) -> StoredCard:
    return StoredCard(
        id=row["id"],
        deck=row["deck"],
        chapter=row["chapter"],
        kind=row["kind"],
        front=row["front"],
        back=row["back"],
        cloze=row["cloze"],
        tags=tuple(json.loads(row["tags"])),
        source_file=row["source_file"],
        source_position=row["source_position"],
        passage=row["passage"],
        item=row["item"],
        schedule=_schedule(
            (
                row["state"],
                row["step"],
                row["stability"],
                row["difficulty"],
                row["due"],
                row["last_review"],
                row["reps"],
                row["lapses"],
            )
        ),
        suspended=bool(row["suspended"]),
        buried_until=from_epoch(row["buried_until"]),
        leech=bool(row["leech"]),
        retired_at=from_epoch(row["retired_at"]),
    )


# A schedule is consistent with its log when: a new card has no reviews and no due date; a
# reviewed card has a memory state, its reps equal its reviews, its last review is the
# log's last, and it is not due before it was last reviewed.
_INCONSISTENT_SCHEDULES = """
WITH log AS (
    SELECT card_id, count(*) AS n, max(reviewed_at) AS last FROM reviews GROUP BY card_id
)
SELECT c.id FROM cards c LEFT JOIN log ON log.card_id = c.id
WHERE (c.state = 'new' AND (coalesce(log.n, 0) > 0 OR c.reps != 0 OR c.due IS NOT NULL))
   OR (c.state != 'new' AND (
        c.due IS NULL OR c.last_review IS NULL OR c.stability IS NULL OR c.difficulty IS NULL
        OR c.stability <= 0 OR c.due < c.last_review
        OR c.reps != coalesce(log.n, 0)
        OR abs(c.last_review - coalesce(log.last, 0) / 1000) > 1))
ORDER BY c.id
"""
