"""Sentence analysis takes its tags and phrases from Pattern's tagger and chunker, run
faster: the same lexicon, suffix and context rules and chunk rules, through indexes and
compiled rule lists. These tests hold the fast path to Pattern's own functions, step by
step, on every sentence of the embedded deck and of the development corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_cards.deck_source import embedded_deck_dir
from leadership_cards.generate import syntax
from leadership_cards.source import read_document

CORPUS = Path(__file__).parent / "corpus"


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(embedded_deck_dir().glob("*.txt"))]
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".txt", ".md", ".html"):
            texts += [p.text for p in read_document(path).paragraphs]
    pieces = [p for text in texts for p in re.split(r"(?<=[.!?:;])\s+|\n+", text)]
    # Clauses too, as the extractors analyse them: a sentence's parts start differently.
    pieces += [part for piece in pieces for part in piece.split(", ")[1:]]
    return sorted({piece.strip() for piece in pieces if piece.strip()})


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    """The words of every sentence short enough to analyse."""
    out = []
    for sentence in _sentences():
        texts, _ = syntax._words_and_starts(sentence)
        if texts and len(texts) <= syntax.MAX_WORDS:
            out.append(texts)
    assert len(out) > 1000
    return out


def test_lexicon_and_suffix_tags_are_patterns(sentences: list[list[str]]) -> None:
    module, lexicon = syntax._pattern()
    tagger = syntax._tagger()
    for texts in sentences:
        expected = module.find_tags(texts, lexicon=lexicon, default=syntax._DEFAULT)
        assert tagger._lexicon_tags(texts) == [tag for _, tag in expected], texts


def test_context_rules_give_patterns_tags(sentences: list[list[str]]) -> None:
    """Pattern tries all its context rules on every word; the compiled lists give the same
    tags."""
    module, lexicon = syntax._pattern()
    tagger = syntax._tagger()
    for texts in sentences:
        plain = tagger._lexicon_tags(texts)
        expected = lexicon.context.apply([[w, t] for w, t in zip(texts, plain, strict=True)])
        assert tagger._context.apply(texts, plain) == [tag for _, tag in expected], texts


def test_chunks_are_patterns(sentences: list[list[str]]) -> None:
    module, _ = syntax._pattern()
    tagger = syntax._tagger()
    for texts in sentences:
        plain = tagger._lexicon_tags(texts)
        tags = tagger._context.apply(texts, plain)
        syntax._mend_tags(texts, plain, tags)
        expected = module.find_chunks([[w, t] for w, t in zip(texts, tags, strict=True)])
        assert syntax._chunks(tagger._chunk_rules, tags) == [c for _, _, c in expected], texts
        assert syntax._chunked(tags) == [c for _, _, c in expected], texts


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_chunks_by_stretches_are_patterns(data: st.DataObject) -> None:
    """Chunked stretch by stretch between punctuation, any run of the lexicon's tags (the
    odd ones too: "NN|JJ", "1991)") is chunked as Pattern chunks it whole."""
    module, lexicon = syntax._pattern()
    syntax._tagger()  # loads the lexicon
    tags = data.draw(st.lists(st.sampled_from(sorted(set(dict.values(lexicon)))), max_size=30))
    expected = module.find_chunks([["w", tag] for tag in tags])
    assert syntax._chunked(tags) == [c for _, _, c in expected], tags


def test_every_chunk_rule_is_told_the_letters_it_starts_on() -> None:
    """A chunk rule of another TextBlob release would lose only its speed, not its matches;
    this one says when the table of first letters needs updating."""
    module, _ = syntax._pattern()
    unknown = [rule.pattern for _, rule in module.CHUNKS[0]]
    unknown = [p for p in unknown if p not in syntax._FIRST_LETTERS and p != "((MD)/)"]
    assert unknown == []


def test_words_keep_their_places_in_the_sentence() -> None:
    sentence = "Leaders don't <b>shout</b>: they ask — and listen, e.g. at 2.5 p.m."
    for text, start, end in syntax.words(sentence):
        assert sentence[start:end] == text
    assert [w for w, _, _ in syntax.words(sentence)][:4] == ["Leaders", "do", "n't", "shout"]
