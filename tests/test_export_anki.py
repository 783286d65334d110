"""The .apkg export, checked by importing it into the real Anki engine."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from click.testing import CliRunner
from genanki import guid_for

from conftest import NOW, fill, sample_cards
from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.cli import cli
from leadership_cards.export import ExportOptions, export
from leadership_cards.review import ReviewSession
from leadership_cards.scheduler import Rating, SchedulerConfig
from leadership_cards.store import DeckInfo, Store


def markup_cards(deck: str = "markup") -> list[Card]:
    """Cards whose text looks like HTML, entities and Anki templates."""
    source = SourceRef("chapter-9.txt", "paragraph 1", "A <i>passage</i> & {{Front}}.")
    cloze = "Never run {{c1::<script>alert(1)</script>}} & trust {{Back}}."
    front, back = cloze_parts(cloze)
    return [
        Card(deck, "Chapter 9: Tags & Things", Kind.CLAIM, front, back, source, "m/1", cloze),
        Card(
            deck,
            "Chapter 9: Tags & Things",
            Kind.DEFINITION,
            "What does <script>alert('x')</script> & {{Back}} do?",
            "Nothing <b>at all</b> & {{c1::no cloze}}",
            source,
            "m/2",
        ),
    ]


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """The sample deck and a deck of markup, in a real collection file."""
    path = tmp_path / "collection.db"
    with Store.open(path) as store:
        fill(store)
        store.sync_deck(DeckInfo("markup", "Markup: Deck"), markup_cards(), NOW)
    return path


def anki(tmp_path: Path, name: str = "anki") -> Collection:
    folder = tmp_path / name
    folder.mkdir()
    return Collection(str(folder / "collection.anki2"))


def import_apkg(col: Collection, path: Path, scheduling: bool = False):
    options = ImportAnkiPackageOptions(with_scheduling=scheduling)
    request = ImportAnkiPackageRequest(package_path=str(path), options=options)
    return col.import_anki_package(request).log


def write(db: Path, target: Path, now: datetime = NOW, **options) -> Path:
    with Store.open(db) as store:
        export(store, "anki", target, ExportOptions(**options), now)
    return target


def all_cards(col: Collection):
    return [col.get_card(card_id) for card_id in col.find_cards("deck:*")]


def text(rendered: str) -> str:
    without_style = re.sub(r"<style>.*?</style>", "", rendered, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", "", without_style).strip()


def test_every_card_arrives_rendered_tagged_and_in_its_chapter_deck(collection, tmp_path):
    package = write(collection, tmp_path / "out.apkg")
    col = anki(tmp_path)
    try:
        log = import_apkg(col, package)
        with Store.open(collection) as store:
            cards = list(store.cards())
        assert len(log.new) == len(cards)
        anki_cards = all_cards(col)
        assert len(anki_cards) == len(cards)  # one Anki card per card, clozes included
        for card in anki_cards:
            question, answer = card.question(), card.answer()
            assert text(question) and text(answer)
            assert "{{" not in question and "{{" not in answer
            assert card.note().tags
        names = {deck.name for deck in col.decks.all_names_and_ids()}
        assert "Sample::Chapter 1 - Sample Chapter 1" in names
        assert "Markup - Deck::Chapter 9 - Tags & Things" in names
        notetypes = {col.models.get(card.note().mid)["name"] for card in anki_cards}
        assert notetypes == {
            "Leadership Cards Basic",
            "Leadership Cards Cloze",
            "Leadership Cards Discussion",
        }
        tags = set(col.tags.all())
        assert {"sample", "chapter-1-sample-chapter-1", "definition", "discussion"} <= tags
    finally:
        col.close()


def test_markup_arrives_escaped_and_only_the_cloze_marker_is_live(collection, tmp_path):
    package = write(collection, tmp_path / "out.apkg", deck="markup")
    col = anki(tmp_path)
    try:
        import_apkg(col, package)
        by_type = {col.models.get(c.note().mid)["name"]: c for c in all_cards(col)}
        cloze = by_type["Leadership Cards Cloze"]
        assert "<script>" not in cloze.question() and "<script>" not in cloze.answer()
        assert "[...]" in cloze.question()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cloze.answer()
        assert "&amp; trust &#123;&#123;Back&#125;&#125;" in cloze.note()["Text"]
        basic = by_type["Leadership Cards Basic"]
        assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp;" in basic.question()
        assert "Nothing &lt;b&gt;at all&lt;/b&gt;" in basic.answer()
        assert "A &lt;i&gt;passage&lt;/i&gt; &amp;" in basic.answer()  # the source passage
        assert len(all_cards(col)) == 2  # the escaped "{{c1::" in a Back made no extra card
    finally:
        col.close()


def test_two_exports_are_the_same_bytes_and_reimport_changes_nothing(collection, tmp_path):
    first = write(collection, tmp_path / "first.apkg")
    second = write(collection, tmp_path / "second.apkg", now=NOW + timedelta(days=3))
    assert first.read_bytes() == second.read_bytes()
    col = anki(tmp_path)
    try:
        import_apkg(col, first)
        notes = sorted(col.find_notes("deck:*"))
        log = import_apkg(col, second)
        assert not log.new and not log.updated
        assert sorted(col.find_notes("deck:*")) == notes
    finally:
        col.close()


def test_a_later_export_updates_the_notes_instead_of_duplicating_them(collection, tmp_path):
    first = write(collection, tmp_path / "first.apkg", deck="sample")
    with Store.open(collection) as store:
        changed = [
            Card(
                c.deck,
                c.chapter,
                c.kind,
                c.front,
                c.back,
                SourceRef(c.source.file, c.source.position, "A rewritten passage."),
                c.item,
                c.cloze,
                c.tags,
            )
            for c in sample_cards()
        ]  # same ids: only the passage changed
        store.sync_deck(DeckInfo("sample", "Sample"), changed, NOW)
    second = write(collection, tmp_path / "second.apkg", now=NOW + timedelta(days=1), deck="sample")
    assert first.read_bytes() != second.read_bytes()
    col = anki(tmp_path)
    try:
        import_apkg(col, first)
        notes = sorted(col.find_notes("deck:*"))
        log = import_apkg(col, second)
        assert len(log.updated) == len(changed) and not log.new
        assert sorted(col.find_notes("deck:*")) == notes
        notes = [col.get_note(n) for n in col.find_notes("deck:Sample*")]
        sources = [note["Source"] for note in notes if "Source" in note]
        assert len(sources) == 12 and all("A rewritten passage." in s for s in sources)
    finally:
        col.close()


def test_discussion_prompts_can_be_left_out(collection, tmp_path):
    package = write(collection, tmp_path / "out.apkg", deck="sample", discussion=False)
    col = anki(tmp_path)
    try:
        import_apkg(col, package)
        with Store.open(collection) as store:
            wanted = [c for c in store.cards(deck="sample") if c.kind != "discussion"]
        assert len(all_cards(col)) == len(wanted)
        assert not col.find_notes("tag:discussion")
    finally:
        col.close()


def study(db: Path) -> None:
    """A week of reviews through the real session, with fixed times and a seeded generator;
    the last answer leaves one card in learning."""
    rng = random.Random(7)
    now = NOW
    with Store.open(db) as store:
        for _ in range(6):
            session = ReviewSession(store, SchedulerConfig(), now=now, rng=rng, zone=UTC)
            for _ in range(25):
                card = session.next_card(now)
                if card is None:
                    break
                session.answer(card, Rating(rng.choice([1, 3, 3, 3, 4])), now, 4000)
                now += timedelta(minutes=3)
            now += timedelta(days=2)
        session = ReviewSession(store, SchedulerConfig(), now=now, rng=rng, zone=UTC)
        card = session.next_card(now)
        assert card is not None
        session.answer(card, Rating.AGAIN, now, 2000)


def test_with_progress_keeps_due_dates_memory_and_review_counts(collection, tmp_path):
    study(collection)
    package = write(collection, tmp_path / "out.apkg", deck="sample", with_progress=True)
    col = anki(tmp_path)
    try:
        import_apkg(col, package, scheduling=True)
        with Store.open(collection) as store:
            ours = {guid_for(c.id): c for c in store.cards(deck="sample")}
            reviews = {}
            for review in store.reviews():
                reviews[review.card_id] = reviews.get(review.card_id, 0) + 1
        today, cutoff = col.sched.today, col.sched.day_cutoff
        states = {"new": 0, "learning": 1, "review": 2, "relearning": 3}
        seen = set()
        for card in all_cards(col):
            mine = ours[card.note().guid]
            seen.add(mine.id)
            s = mine.schedule
            assert card.type == states[s.state]
            assert card.reps == s.reps and card.lapses == s.lapses
            count = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id)
            assert count == reviews.get(mine.id, 0)
            if s.state == "review":
                # Anki's day `due` runs from the cutoff of day due-1 to that of day due.
                start = cutoff + (card.due - today - 1) * 86400
                assert start <= s.due.timestamp() < start + 86400
                assert card.memory_state.stability == pytest.approx(s.stability, rel=1e-3)
            elif s.state in ("learning", "relearning"):
                assert card.due == int(s.due.timestamp())
        assert seen == {c.id for c in ours.values()}
        states_seen = {c.schedule.state for c in ours.values()}
        assert "review" in states_seen and states_seen & {"learning", "relearning"}
        assert (
            col.db.scalar("SELECT count() FROM revlog")
            == sum(reviews.get(c.id, 0) for c in ours.values())
            > 0
        )
    finally:
        col.close()


def test_without_progress_every_card_arrives_new(collection, tmp_path):
    study(collection)
    package = write(collection, tmp_path / "out.apkg", deck="sample")
    col = anki(tmp_path)
    try:
        import_apkg(col, package, scheduling=True)
        assert {card.type for card in all_cards(col)} == {0}
        assert col.db.scalar("SELECT count() FROM revlog") == 0
    finally:
        col.close()


def test_the_command_writes_the_default_file(collection, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["export", "anki", "--db", str(collection), "--deck", "sample"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote 14 notes to sample.apkg.\n"
    assert (tmp_path / "sample.apkg").read_bytes()[:2] == b"PK"


def test_with_progress_suspended_cards_stay_suspended(collection, tmp_path):
    with Store.open(collection) as store:
        session = ReviewSession(
            store, SchedulerConfig(), deck="sample", now=NOW, rng=random.Random(1)
        )
        card = session.next_card(NOW)
        assert card is not None
        session.answer(card, Rating.EASY, NOW, 1000)
        by_state = {}
        for card in store.cards(deck="sample"):
            if card.kind != "discussion":
                by_state.setdefault(card.state, card.id)
        assert set(by_state) == {"new", "review"}, by_state
        store.set_suspended([by_state["new"], by_state["review"]], True)
        suspended = {guid_for(by_state["new"]), guid_for(by_state["review"])}
    package = write(collection, tmp_path / "out.apkg", deck="sample", with_progress=True)
    col = anki(tmp_path)
    try:
        import_apkg(col, package, scheduling=True)
        queues = {card.note().guid: card.queue for card in all_cards(col)}
        assert {guid for guid, queue in queues.items() if queue == -1} >= suspended
        prompts = col.find_cards("tag:discussion")
        assert prompts and all(col.get_card(c).queue == -1 for c in prompts)
        assert sum(queue == -1 for queue in queues.values()) == len(suspended) + len(prompts)
    finally:
        col.close()
