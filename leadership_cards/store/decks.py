"""Decks and their cards: listing, syncing a regenerated deck, finding and flagging cards."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from leadership_cards.cards import Card
from leadership_cards.clock import to_epoch
from leadership_cards.errors import NotFound, UserError
from leadership_cards.store.base import StoreBase
from leadership_cards.store.overrides import cloze_with
from leadership_cards.store.rows import (
    CARD_COLUMNS,
    DeckInfo,
    StoredCard,
    SyncResult,
    card_from_row,
)

if TYPE_CHECKING:
    from leadership_cards.matching import Fingerprint


#: A stored card's content as `sync_deck` compares it, then its generated id and retirement.
_SYNC_SELECT = (
    "SELECT id, chapter, kind, front, back, cloze, tags, source_file, source_position, "
    "passage, item, ord, shape, generated_id, retired_at FROM cards WHERE deck = ?"
)


class DeckQueries(StoreBase):
    """Decks, the cards in them, and the flags a learner sets on a card."""

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

    def deck_with_origin(self, origin: str) -> DeckInfo | None:
        """The deck made from `origin` (the embedded deck, whatever it is called now)."""
        row = self.conn.execute(
            "SELECT name, title, publisher, source, origin FROM decks WHERE origin = ? "
            "ORDER BY position LIMIT 1",
            (origin,),
        ).fetchone()
        return None if row is None else DeckInfo(*row)

    def require_deck(self, name: str | None) -> None:
        if name is not None:
            self.deck(name)

    def sync_deck(
        self,
        info: DeckInfo,
        cards: Sequence[Card],
        now: datetime,
        generated_ids: Mapping[str, str] | None = None,
        *,
        exclusive: bool = False,
    ) -> SyncResult:
        """Make the deck hold exactly `cards`. Each card is first paired with the stored card
        it replaces (`matching.match`: the same id, or the same kind and source with alike
        text), and a paired card keeps the stored card's id, schedule and history while its
        text, source and position are updated. Stored cards left unpaired are retired, not
        deleted; a retired card paired again comes back with its history.

        `generated_ids` gives, by card id, the id the generator gave that card before it took
        a stored card's id or a hand-made rewording (by default, its own id).

        An `exclusive` sync refuses a deck of the same name made from other files. The check
        is made inside the write transaction, so of two processes adding one name at once,
        one adds it and the other is refused, never retiring the first one's cards.
        """
        from leadership_cards.matching import Fingerprint, match

        generated_ids = generated_ids or {}
        stamp = to_epoch(now)
        with self.transaction() as conn:
            row = conn.execute("SELECT origin FROM decks WHERE name = ?", (info.name,)).fetchone()
            if exclusive and row is not None and row[0] != info.origin:
                raise UserError(
                    f"a deck named {info.name!r} already exists from other files; "
                    "choose another name with --deck"
                )
            conn.execute(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at) "
                "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM decks), ?) "
                "ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
                "publisher = excluded.publisher, source = excluded.source, "
                "origin = excluded.origin",
                (info.name, info.title, info.publisher, info.source, info.origin, stamp),
            )
            # A deck added again is no longer one the learner removed.
            conn.execute("DELETE FROM removed_decks WHERE name = ?", (info.name,))
            # The learner's own wording wins over the generated one, every time.
            reworded = {
                row[0]: (row[1], row[2])
                for row in conn.execute("SELECT card_id, front, back FROM overrides")
            }
            existing = {row[0]: tuple(row[1:]) for row in conn.execute(_SYNC_SELECT, (info.name,))}
            pairs = match(
                self.fingerprints(info.name),
                [Fingerprint.of(card) for card in cards],
            )
            replaces = {pair.new: pair.old for pair in pairs}
            added = updated = unchanged = restored = carried = 0
            for order, card in enumerate(cards):
                generated = generated_ids.get(card.id, card.id)
                stored_id = replaces.get(card.id, card.id)
                front, back, cloze = card.front, card.back, card.cloze
                if stored_id in reworded:
                    front, back = reworded[stored_id]
                    cloze = cloze_with(front, back) if cloze else None
                content = (
                    card.chapter,
                    str(card.kind),
                    front,
                    back,
                    cloze,
                    json.dumps(list(card.tags)),
                    card.source.file,
                    card.source.position,
                    card.source.passage,
                    card.item,
                    order,
                    card.shape,
                    None if generated == stored_id else generated,
                )
                old = existing.pop(stored_id, None)
                if old is None:
                    conn.execute(
                        "INSERT INTO cards (id, deck, chapter, kind, front, back, cloze, tags, "
                        "source_file, source_position, passage, item, ord, shape, generated_id, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (card.id, info.name, *content, stamp),
                    )
                    added += 1
                    continue
                old_generated = old[-2] or stored_id
                if old[-1] is not None:
                    restored += 1
                elif old[:-1] == content:
                    unchanged += 1
                    continue
                elif old_generated != generated:
                    carried += 1
                else:
                    updated += 1
                conn.execute(
                    "UPDATE cards SET chapter = ?, kind = ?, front = ?, back = ?, cloze = ?, "
                    "tags = ?, source_file = ?, source_position = ?, passage = ?, item = ?, "
                    "ord = ?, shape = ?, generated_id = ?, retired_at = NULL WHERE id = ?",
                    (*content, stored_id),
                )
            gone = [card_id for card_id, old in existing.items() if old[-1] is None]
            conn.executemany(
                "UPDATE cards SET retired_at = ? WHERE id = ?", [(stamp, i) for i in gone]
            )
        return SyncResult(
            added, updated, unchanged, len(gone), restored, carried, created=row is None
        )

    def fingerprints(self, deck: str) -> list[Fingerprint]:
        """What matching needs of every card of the deck, retired ones included."""
        from leadership_cards.matching import Fingerprint

        rows = self.conn.execute(
            "SELECT id, kind, item, front, back, passage, generated_id FROM cards "
            "WHERE deck = ? ORDER BY ord",
            (deck,),
        )
        ids_from = self.ids_deck_name(deck)
        return [Fingerprint.stored(ids_from, *row) for row in rows]

    # -- cards ---------------------------------------------------------------------------

    def cards(
        self,
        deck: str | None = None,
        kind: str | None = None,
        search: str | None = None,
        chapter: str | None = None,
        include_retired: bool = False,
        tag: str | None = None,
        state: str | None = None,
        flagged: bool | None = None,
    ) -> Iterator[StoredCard]:
        """Cards in deck order, filtered; streamed, never loaded all at once."""
        where: list[str] = []
        args: list[Any] = []
        if tag is not None:
            where.append(_HAS_TAG)
            args += [tag] * 3 + [int(tag == "leech")]
        if state == "suspended":
            where.append("suspended = 1")
        elif state is not None:
            where.append("state = ? AND suspended = 0")
            args.append(state)
        if flagged is not None:
            where.append("flagged = ?")
            args.append(int(flagged))
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
            # The text is matched as written: % and _ in it are not wildcards.
            where.append(
                "(front LIKE ? ESCAPE '\\' OR back LIKE ? ESCAPE '\\' "
                "OR chapter LIKE ? ESCAPE '\\')"
            )
            literal = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args += [f"%{literal}%"] * 3
        sql = f"SELECT {CARD_COLUMNS} FROM cards"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY (SELECT position FROM decks WHERE name = deck), ord"
        for row in self.conn.execute(sql, args):
            yield card_from_row(row)

    def card(self, card_id: str) -> StoredCard:
        """A card by id, or by an unambiguous prefix of one (as git takes short hashes)."""
        rows = self.conn.execute(
            f"SELECT {CARD_COLUMNS} FROM cards WHERE id >= ? AND id < ? LIMIT 2",
            (card_id, card_id + "\uffff"),
        ).fetchall()
        exact = [row for row in rows if row["id"] == card_id]
        if exact:
            return card_from_row(exact[0])
        if len(rows) == 1 and card_id:
            return card_from_row(rows[0])
        if not rows or not card_id:
            raise NotFound(f"no card with id {card_id!r}")
        raise NotFound(f"card id {card_id!r} is ambiguous; give more characters")

    def _known_ids(self, card_ids: Sequence[str]) -> list[str]:
        """The full ids of `card_ids` (prefixes allowed), each once however often it was
        named, so a count of cards changed counts cards; an unknown id stops everything."""
        return list(dict.fromkeys(self.card(card_id).id for card_id in card_ids))

    def set_suspended(self, card_ids: Sequence[str], suspended: bool) -> list[str]:
        """Suspend or unsuspend cards; every id is checked before anything changes."""
        ids = self._known_ids(card_ids)
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET suspended = ?, leech = CASE WHEN ? THEN leech ELSE 0 END "
                "WHERE id = ?",
                [(int(suspended), int(suspended), card_id) for card_id in ids],
            )
        return ids

    def set_flagged(self, card_ids: Sequence[str], flagged: bool) -> list[str]:
        """Flag cards for later (or take the flag off); every id is checked first."""
        ids = self._known_ids(card_ids)
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET flagged = ? WHERE id = ?", [(int(flagged), i) for i in ids]
            )
        return ids

    def tag_cards(
        self, card_ids: Sequence[str], add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> list[str]:
        """Add tags to cards and take others off. Kept apart from the generated tags, so
        regenerating the deck keeps them; every id is checked before anything changes."""
        ids = self._known_ids(card_ids)
        with self.transaction() as conn:
            for card_id in ids:
                row = conn.execute("SELECT tag_changes FROM cards WHERE id = ?", (card_id,))
                changes = json.loads(row.fetchone()[0])
                added = [t for t in changes.get("added", []) if t not in remove]
                removed = [t for t in changes.get("removed", []) if t not in add]
                added += [t for t in add if t not in added]
                removed += [t for t in remove if t not in removed]
                conn.execute(
                    "UPDATE cards SET tag_changes = ? WHERE id = ?",
                    (json.dumps({"added": added, "removed": removed}), card_id),
                )
        return ids

    def reset_cards(self, card_ids: Sequence[str], now: datetime) -> list[str]:
        """Cards back to new, as if never studied; their answers stay in the log (`reset_at`
        says from when the log counts for the new schedule)."""
        ids = self._known_ids(card_ids)
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE cards SET state = 'new', step = NULL, stability = NULL, "
                "difficulty = NULL, due = NULL, last_review = NULL, reps = 0, lapses = 0, "
                "buried_until = NULL, reset_at = ? WHERE id = ?",
                [(int(now.timestamp() * 1000), card_id) for card_id in ids],
            )
        return ids

    def remove_deck(self, name: str, now: datetime) -> int:
        """Delete a deck with its cards, their answers, practice records and overrides; the
        name is remembered, so an embedded deck is not loaded again. Returns the cards gone."""
        deck = self.deck(name)
        cards = "SELECT id FROM cards WHERE deck = :deck"
        with self.transaction() as conn:
            removed = conn.execute("SELECT count(*) FROM cards WHERE deck = ?", (name,)).fetchone()[
                0
            ]
            for table in ("reviews", "quiz_answers", "topic_talks", "overrides"):
                conn.execute(f"DELETE FROM {table} WHERE card_id IN ({cards})", {"deck": name})
            conn.execute("DELETE FROM cards WHERE deck = ?", (name,))
            conn.execute("DELETE FROM decks WHERE name = ?", (name,))
            conn.execute(
                "INSERT INTO removed_decks (name, origin, removed_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET origin = excluded.origin, "
                "removed_at = excluded.removed_at",
                (name, deck.origin, to_epoch(now)),
            )
        return removed

    def removed_decks(self) -> dict[str, str]:
        """Decks the learner removed, with the origin each came from (e.g. "embedded")."""
        return dict(self.conn.execute("SELECT name, origin FROM removed_decks").fetchall())

    def ids_deck_name(self, name: str) -> str:
        """The deck name the ids of deck `name`'s cards were made under: its own, unless it
        was renamed since."""
        row = self.conn.execute("SELECT ids_from FROM decks WHERE name = ?", (name,)).fetchone()
        return row[0] if row is not None and row[0] else name

    def rename_deck(self, old: str, new: str) -> None:
        """Give a deck a new name; its cards keep their ids, schedules and history."""
        self.deck(old)
        new = new.strip()
        if not new or not new.isprintable():
            raise UserError("a deck's new name must be printable text, not empty")
        if new == old:
            return
        if self.conn.execute("SELECT 1 FROM decks WHERE name = ?", (new,)).fetchone():
            raise UserError(f"a deck named {new!r} already exists")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO decks (name, title, publisher, source, origin, position, added_at, "
                "ids_from) SELECT ?, title, publisher, source, origin, position, added_at, "
                "coalesce(ids_from, name) FROM decks WHERE name = ?",
                (new, old),
            )
            conn.execute("UPDATE cards SET deck = ? WHERE deck = ?", (new, old))
            conn.execute("UPDATE quiz_runs SET deck = ? WHERE deck = ?", (new, old))
            conn.execute("DELETE FROM decks WHERE name = ?", (old,))

    def bury(self, card_id: str, until: datetime) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE cards SET buried_until = ? WHERE id = ?", (to_epoch(until), card_id)
            )

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

    def count_cards(self, deck: str | None = None) -> int:
        """Live cards (of one deck), without loading them."""
        sql, args = "SELECT count(*) FROM cards WHERE retired_at IS NULL", []
        if deck is not None:
            sql += " AND deck = ?"
            args.append(deck)
        return self.conn.execute(sql, args).fetchone()[0]


#: A card carries a tag: generated and not taken off, or added by the learner (or, for
#: "leech", marked a leech). Bound as (tag, tag, tag, is-leech).
_HAS_TAG = (
    "((EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?) "
    "AND NOT EXISTS (SELECT 1 FROM json_each(tag_changes, '$.removed') WHERE value = ?)) "
    "OR EXISTS (SELECT 1 FROM json_each(tag_changes, '$.added') WHERE value = ?) "
    "OR (? AND leech = 1))"
)
