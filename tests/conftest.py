"""Shared fixtures: real collection files in tmp_path filled with small hand-made decks, and
the shipped Inner Leadership chapters with the cards they generate."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pexpect
import pytest

from leadership_cards.cards import Card, Kind, SourceRef, cloze_parts
from leadership_cards.deck_source import embedded_deck, embedded_deck_dir
from leadership_cards.generate import generate
from leadership_cards.store import DeckInfo, Store

#: A fixed moment for deterministic tests: a Monday, mid-morning UTC.
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def sample_cards(deck: str = "sample", chapters: int = 2, per_chapter: int = 6) -> list[Card]:
    """A small deck with every shape of card the store must carry: basic, cloze, discussion,
    siblings (two cards from one source item) and text with markup in it."""
    cards: list[Card] = []
    for c in range(1, chapters + 1):
        chapter = f"Chapter {c}: Sample Chapter {c}"
        for i in range(1, per_chapter + 1):
            item = f"{deck}/ch{c}/p{(i + 1) // 2}"  # pairs of cards share an item
            source = SourceRef(f"chapter-{c}.txt", f"paragraph {i}", f"Passage {c}.{i} text.")
            if i % 3 == 0:
                cloze = f"Leaders in chapter {c} rely on {{{{c1::value number {i}}}}}, not rank."
                front, back = cloze_parts(cloze)
                cards.append(
                    Card(deck, chapter, Kind.CLAIM, front, back, source, item, cloze, (deck,))
                )
            else:
                cards.append(
                    Card(
                        deck,
                        chapter,
                        Kind.DEFINITION,
                        f"What is term {c}.{i} <b>& co</b>?",
                        f"Answer {c}.{i} & more",
                        source,
                        item,
                        None,
                        (deck, "definition"),
                    )
                )
        cards.append(
            Card(
                deck,
                chapter,
                Kind.DISCUSSION,
                f"How would you apply chapter {c} at work?",
                chapter,
                SourceRef(f"chapter-{c}.txt", "discussion question 1"),
                f"{deck}/ch{c}/q1",
                None,
                (deck, "discussion"),
            )
        )
    return cards


def spawn_cli(
    db: Path,
    *args: str,
    color: bool = False,
    width: int = 120,
    timeout: float = 30,
    env: dict[str, str] | None = None,
) -> pexpect.spawn:
    """`leadership-cards ARGS --db DB` in a real pseudo-terminal, with a small, fixed
    environment (no colour unless asked for; `env` adds to it)."""
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", **(env or {})}
    if not color:
        env["NO_COLOR"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "leadership_cards", *args, "--db", str(db)],
        env=env,
        encoding="utf-8",
        timeout=timeout,
        dimensions=(40, width),
    )


def run_cli(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """`leadership-cards ARGS` in this process: exit status, standard output, standard error."""
    from click.testing import CliRunner

    from leadership_cards.cli import cli

    result = CliRunner().invoke(cli, list(args), input=input, env=env)
    return result.exit_code, result.stdout, result.stderr


def snapshot(db: Path) -> tuple:
    """Everything a user could notice in a collection: cards (retired ones too), the review
    log and the decks, to show that something changed nothing."""
    with Store.open(db) as store:
        cards = [card.to_json() for card in store.cards(include_retired=True)]
        return cards, list(store.reviews()), store.decks()


def fill(store: Store, deck: str = "sample", **kwargs) -> list[Card]:
    cards = sample_cards(deck, **kwargs)
    store.sync_deck(DeckInfo(deck, deck.title(), origin=f"test:{deck}"), cards, NOW)
    return cards


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A collection file holding the sample deck (so the embedded deck is not loaded)."""
    path = tmp_path / "collection.db"
    with Store.open(path) as store:
        fill(store)
    return path


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


# -- the shipped chapters --------------------------------------------------------------

DECK_DIR = embedded_deck_dir()
SERVANTHOOD = DECK_DIR / "servanthood-service-techniques.txt"
INNER_TOP = DECK_DIR / "02-inner-and-top-leadership.txt"
KEY_POINTS = DECK_DIR / "02-inner-and-top-leadership-key-points.txt"
CHAPTER_5 = DECK_DIR / "05-technique-2-relationship-focus.txt"
OVERVIEW = DECK_DIR / "01-overview.txt"


@pytest.fixture(scope="session")
def cards() -> list[Card]:
    return generate(embedded_deck())


@pytest.fixture
def deck_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped deck folder: its chapters and manifest, without the
    shipped overrides.toml, so a test that writes one starts from the generator's own cards."""
    folder = tmp_path / "inner-leadership"
    shutil.copytree(DECK_DIR, folder, ignore=shutil.ignore_patterns("overrides.toml"))
    return folder


def of_kind(cards: list[Card], kind: Kind) -> list[Card]:
    return [c for c in cards if c.kind is kind]


def one(cards: list[Card], kind: Kind, *, front: str = "", back: str = "") -> Card:
    """The single card of `kind` whose question and answer contain the given text."""
    found = [
        c
        for c in cards
        if c.kind is kind and front.lower() in c.front.lower() and back.lower() in c.back.lower()
    ]
    assert len(found) == 1, (kind, front, back, [(c.front, c.back) for c in found])
    return found[0]


_CHAPTER_LEAD = re.compile(r"^In “[^”]*”, ")


def statement(text: str) -> str:
    """A cloze's sentence as its source writes it: without the chapter named before it
    ("In “Overview”, inner leaders rely on ..." -> "Inner leaders rely on ...")."""
    m = _CHAPTER_LEAD.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    skip = len("{{c1::") if rest.startswith("{{c1::") else 0
    first = next((i for i, c in enumerate(rest) if c.isalpha() and i >= skip), None)
    if first is None or rest.startswith("[...]"):
        return rest
    return rest[:first] + rest[first].upper() + rest[first + 1 :]


def assert_good_cards_or_a_clean_error(text: str, suffix: str) -> None:
    """A chapter file of `text` either yields cards that break no quality rule, or one clean
    line naming the file: what the property tests ask of any input."""
    import tempfile

    from leadership_cards.deck_source import deck_from_paths
    from leadership_cards.errors import SourceError
    from leadership_cards.generate.quality import deck_problems, problems

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"chapter{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            cards = generate(deck_from_paths([path]))
        except SourceError as error:
            message = str(error)
            assert str(path) in message
            assert "\n" not in message and message.endswith(".")
            return
    assert cards
    assert {c.id: problems(c) for c in cards if problems(c)} == {}
    assert deck_problems(cards) == []
