"""The development corpus (tests/corpus/): every chapter, read through the real readers and
made into cards as `add` makes them, breaks no quality rule and asks at least 90% of the
facts listed beside it.

A fact is asked when some card's answer (its back, which for a cloze card is its deletion)
contains one of the fact's key phrases once case, punctuation, spacing and a leading article
are set aside (a cloze leaves "the" or "a" in its frame, as a cue), or
comes close to it (rapidfuzz, for inflections such as "listen"/"listens": a window of the
answer as many words long as the phrase must match it as a whole, so one shared word among
several never counts). Chapters still short of the bar are listed in `SHORT_OF_THE_BAR`
(expected to fail, not strictly); the failure message names each missed fact.

    pytest tests/test_corpus.py -s              # each chapter's coverage and missed facts
    pytest tests/test_corpus.py --runxfail      # the chapters short of the bar, as failures
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from leadership_cards.cards import Card, normalise
from leadership_cards.deck_source import deck_from_paths
from leadership_cards.generate import generate
from leadership_cards.generate.quality import deck_problems, problems

CORPUS = Path(__file__).parent / "corpus"
COVERAGE_BAR = 0.90
CLOSE_MATCH = 88  # rapidfuzz ratio (0-100) of a phrase and an answer window as long as it

#: Chapters whose cards do not yet ask 90% of their facts: the generator's open work, each
#: with the coverage it had when listed. Remove a chapter once it passes.
SHORT_OF_THE_BAR: dict[str, str] = {
    "coaching-conversations": "82% of facts asked",
    "deciding-together": "88% of facts asked",
    "delegation-that-develops-people": "85% of facts asked",
    "handout-conflict": "81% of facts asked",
    "meeting-roles": "81% of facts asked",
    "motivation": "70% of facts asked",
    "speech-openings": "77% of facts asked",
    "table-topics": "71% of facts asked",
    "voice-and-gesture": "72% of facts asked",
}


@dataclass(frozen=True)
class Fact:
    asks: str
    answers: tuple[str, ...]


def chapters() -> list[Path]:
    return sorted(CORPUS.glob("*.facts.toml"))


def load(facts_file: Path) -> tuple[Path, str, list[Fact]]:
    data = tomllib.loads(facts_file.read_text(encoding="utf-8"))
    facts = [Fact(f["asks"], tuple(f["answers"])) for f in data["fact"]]
    return CORPUS / data["source"], data["title"], facts


def asked(fact: Fact, answers: list[str]) -> bool:
    return any(_contains(answer, phrase) for phrase in fact.answers for answer in answers)


def _contains(answer: str, phrase: str) -> bool:
    """True when the answer holds the phrase, give or take case, punctuation and spacing, or
    a window of it as many words long matches the phrase closely (an inflection)."""
    answer, phrase = normalise(answer), _ARTICLE.sub("", normalise(phrase))
    if not phrase:
        return False
    if f" {phrase} " in f" {answer} ":
        return True
    words, size = answer.split(), len(phrase.split())
    return any(
        fuzz.ratio(" ".join(words[i : i + size]), phrase) >= CLOSE_MATCH
        for i in range(max(len(words) - size + 1, 0))
    )


_ARTICLE = re.compile(r"^(?:the|a|an) ")


def chapter_cards(source: Path) -> list[Card]:
    return generate(deck_from_paths([source]))


def _params():
    for facts_file in chapters():
        slug = facts_file.name.removesuffix(".facts.toml")
        marks = []
        if slug in SHORT_OF_THE_BAR:
            marks.append(pytest.mark.xfail(strict=False, reason=SHORT_OF_THE_BAR[slug]))
        yield pytest.param(facts_file, id=slug, marks=marks)


def test_the_corpus_is_there() -> None:
    assert len(chapters()) >= 12


@pytest.mark.parametrize("facts_file", list(_params()))
def test_a_corpus_chapter_breaks_no_rule_and_asks_its_facts(facts_file: Path) -> None:
    source, title, facts = load(facts_file)
    cards = chapter_cards(source)
    broken = [f"{c.front!r} -> {c.back!r}: {', '.join(problems(c))}" for c in cards if problems(c)]
    broken += deck_problems(cards)
    assert not broken, "\n".join(broken)
    answers = [c.back for c in cards]
    missed = [fact for fact in facts if not asked(fact, answers)]
    coverage = 1 - len(missed) / len(facts)
    report = "\n".join(
        [
            f"{source.name} ({title}): {len(cards)} cards ask {len(facts) - len(missed)} of "
            f"{len(facts)} facts ({coverage:.0%}; the bar is {COVERAGE_BAR:.0%}). Missed:",
            *(f"  - {fact.asks}: {' | '.join(fact.answers)}" for fact in missed),
        ]
    )
    print(report)
    assert coverage >= COVERAGE_BAR, report


def test_the_fact_matcher_is_not_fooled_by_one_shared_word() -> None:
    fact = Fact("the second level of delegation", ("recommend and act",))
    assert asked(fact, ["Recommend, and act."])
    assert asked(fact, ["They recommend and then act"]) is False
    assert asked(fact, ["recommends and acts"])  # an inflection
    assert not asked(fact, ["act"])
    assert not asked(fact, ["recommend the plan"])
