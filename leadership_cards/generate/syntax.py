"""Sentence analysis: each word's part of speech and the phrases it belongs to.

The tagger and chunker are those of Pattern as TextBlob ships them (`textblob/_text.py` with
its English lexicon, suffix and context rules): a Brill tagger, pure Python, with its data in
the package, so nothing is downloaded at run time. Only Pattern's module is loaded, not
TextBlob's package, whose import pulls in NLTK (a third of a second that `add` need not pay);
it is loaded on the first sentence analysed, so the commands that never generate cards never
load it.

Words are tokenised here, with their character spans, so a phrase found by the chunker maps
back onto the sentence exactly.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

#: Sentences longer than this are not analysed: no card is made from one, and the chunker's
#: work grows faster than the sentence.
MAX_WORDS = 80

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*%?"  # numbers, "2.5", "1,000", "70%"
    r"|[A-Za-z]+(?:[-'’][A-Za-z]+)*(?=n[’']t\b)"  # "do" of "don't"
    r"|n[’']t\b"
    r"|[’']s\b"  # the possessive, a token of its own as in the tagger's lexicon
    r"|\w+(?:[-.]\w+)*"  # words, "values-based", "e.g"
    r"|[^\w\s]"
)
_ROLES = ("NP", "VP", "PP", "ADJP", "ADVP")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # character span in the sentence
    end: int
    tag: str  # Penn Treebank tag: NN, NNS, VBZ, DT, IN, JJ...
    chunk: str  # "B-NP", "I-NP", "B-VP"... or "O"

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def phrase(self) -> str:
        """The kind of phrase the word belongs to ("NP", "VP", ...), or ""."""
        return self.chunk[2:] if self.chunk != "O" else ""


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str  # "NP", "VP", "PP", "ADJP", "ADVP"
    first: int  # token indexes, inclusive
    last: int


@dataclass(frozen=True, slots=True)
class Analysis:
    sentence: str
    tokens: tuple[Token, ...]

    @property
    def phrases(self) -> list[Phrase]:
        out: list[Phrase] = []
        for i, token in enumerate(self.tokens):
            if token.chunk.startswith("B-"):
                out.append(Phrase(token.phrase, i, i))
            elif token.chunk.startswith("I-") and out and out[-1].last == i - 1:
                out[-1] = Phrase(out[-1].kind, out[-1].first, i)
        return out

    def index_at(self, offset: int) -> int | None:
        """The token that covers or follows the character `offset`."""
        for i, token in enumerate(self.tokens):
            if token.end > offset:
                return i
        return None

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last].end


@cache
def _pattern() -> tuple[ModuleType, object]:
    """Pattern's tagger module and its English lexicon, loaded from TextBlob's files."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob is not installed")
    home = Path(next(iter(spec.submodule_search_locations)))
    module_spec = importlib.util.spec_from_file_location(
        "leadership_cards.generate._pattern_text", home / "_text.py"
    )
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    data = home / "en"
    lexicon = module.Lexicon(
        path=str(data / "en-lexicon.txt"),
        morphology=str(data / "en-morphology.txt"),
        context=str(data / "en-context.txt"),
        entities=str(data / "en-entities.txt"),
        language="en",
    )
    return module, lexicon


_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,40}>")


def words(sentence: str) -> list[tuple[str, int, int]]:
    """The sentence's words with their spans; markup such as "<b>" is text a card shows
    as it is, but no word of the sentence."""
    if "<" in sentence:
        sentence = _MARKUP.sub(lambda m: " " * len(m.group()), sentence)
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


@lru_cache(maxsize=4096)
def analyse(sentence: str) -> Analysis | None:
    """The sentence's words with their tags and phrases; None for a sentence too long to be
    a card. Cached: several extractors look at the same sentence."""
    found = words(sentence)
    if not found or len(found) > MAX_WORDS:
        return None
    module, lexicon = _pattern()
    texts = [w for w, _, _ in found]
    plain = module.find_tags(
        texts, lexicon=lexicon, morphology=lexicon.morphology, default=_DEFAULT, language="en"
    )
    tagged = lexicon.context.apply([list(item) for item in plain])
    _mend_tags(plain, tagged)
    chunked = module.find_chunks(tagged, language="en")
    return Analysis(
        sentence,
        tuple(
            Token(text, start, end, tag, chunk)
            for (text, start, end), (_, tag, chunk) in zip(found, chunked, strict=True)
        ),
    )


_COMPOUND_MODIFIER = re.compile(r"^[A-Za-z]+-(?:[A-Za-z]+-)*[a-z]+(?:ed|ing|en)$")


_DEFAULT = ("NN", "NNP", "CD")  # unknown words: nouns, capitalised ones proper nouns
#: Closed classes: a word the lexicon puts in one is never moved out of it by a context rule
#: (Brill's rules, learnt on newswire, turn "in", "as" and "if" into verbs in our prose).
_CLOSED = frozenset(
    [
        "IN",
        "TO",
        "DT",
        "PDT",
        "CC",
        "MD",
        "WDT",
        "WP",
        "WP$",
        "PRP",
        "PRP$",
        "EX",
        "POS",
        ",",
        ".",
        ":",
        "(",
        ")",
        "``",
        "''",
    ]
)


def _mend_tags(plain: list[list[str]], tagged: list[list[str]]) -> None:
    """Context rules mend open-class words ("trust" a verb after "want to"); a word the
    lexicon puts in a closed class stays there, punctuation stays punctuation; a hyphenated
    compound before a noun is an adjective ("values-based leadership", not a participle)."""
    for i, (item, before) in enumerate(zip(tagged, plain, strict=True)):
        word, tag = item[0], item[1]
        if before[1] in _CLOSED and tag not in _CLOSED or not any(c.isalnum() for c in word):
            item[1] = before[1]
        item[1] = item[1].split("-")[0] if item[1].startswith("NNP-") else item[1]
        if not any(c.isalnum() for c in word) and item[1][:1].isalpha():
            item[1] = ":"  # a dash or a symbol the lexicon does not know: a break
        if item[1] == "VBG" and not word.lower().endswith("ing"):
            item[1] = "NNS" if word.endswith("s") else "NN"  # "follower" is not a gerund
        nxt = tagged[i + 1][1] if i + 1 < len(tagged) else ""
        if item[1] == "VB" and i and tagged[i - 1][1] in ("VB", "VBP", "VBZ") and nxt[:2] == "NN":
            item[1] = "NN"  # "induce follower action": a verb's object opens with a noun
        if (
            item[1] in ("VB", "VBP")
            and i >= 2
            and tagged[i - 1][1].startswith("NN")
            and tagged[i - 2][0].lower() in ("a", "an")
        ):
            item[1] = "NN"  # "a values construct": "a" asks for a singular noun as head
        if (
            item[1] in ("VBN", "VBG", "VBD", "NNS")
            and _COMPOUND_MODIFIER.match(word)
            and nxt[:2] == "NN"
        ):
            item[1] = "JJ"


#: Tags of words that carry content: a blank must hold one, and a frame must keep enough.
CONTENT_TAGS = ("NN", "JJ", "CD", "VB", "RB", "FW")
#: Tags of function words, which never start or end a blank.
FUNCTION_TAGS = frozenset(
    [
        "DT",
        "PDT",
        "IN",
        "TO",
        "CC",
        "MD",
        "PRP",
        "PRP$",
        "WDT",
        "WP",
        "WP$",
        "WRB",
        "EX",
        "POS",
        "RP",
        "UH",
        ",",
        ".",
        ":",
        "(",
        ")",
        "``",
        "''",
    ]
)
AUXILIARY_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "can",
        "cannot",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "will",
        "would",
        "'s",
        "'re",
        "'ve",
    ]
)


def is_content(token: Token) -> bool:
    if token.lower in AUXILIARY_WORDS or token.tag in FUNCTION_TAGS:
        return False
    if token.tag.startswith("RB") and token.lower in ("not", "n't", "also", "only", "just"):
        return False
    if token.lower in ("ones", "others"):
        return False  # pronouns: "the [ones] that ..."
    return token.tag.startswith(CONTENT_TAGS) and any(c.isalnum() for c in token.text)


def is_function(token: Token) -> bool:
    return token.tag in FUNCTION_TAGS or token.lower in AUXILIARY_WORDS
