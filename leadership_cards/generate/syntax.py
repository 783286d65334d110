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
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

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


class Token(NamedTuple):
    """One word of a sentence (a tuple: thousands are made a second)."""

    text: str
    start: int  # character span in the sentence
    end: int
    tag: str  # Penn Treebank tag: NN, NNS, VBZ, DT, IN, JJ...
    chunk: str  # "B-NP", "I-NP", "B-VP"... or "O"
    content: bool  # carries content (see `is_content`)
    function: bool  # a function word (see `is_function`)
    lower: str  # the text in lower case
    phrase: str  # the kind of phrase it belongs to ("NP", "VP", ...), or ""


class Phrase(NamedTuple):
    kind: str  # "NP", "VP", "PP", "ADJP", "ADVP"
    first: int  # token indexes, inclusive
    last: int


@dataclass(frozen=True, slots=True)
class Analysis:
    sentence: str
    tokens: tuple[Token, ...]
    phrases: tuple[Phrase, ...] = ()

    @staticmethod
    def of(sentence: str, tokens: tuple[Token, ...]) -> Analysis:
        out: list[Phrase] = []
        for i, token in enumerate(tokens):
            if token.chunk.startswith("B-"):
                out.append(Phrase(token.phrase, i, i))
            elif token.chunk.startswith("I-") and out and out[-1].last == i - 1:
                out[-1] = Phrase(out[-1].kind, out[-1].first, i)
        return Analysis(sentence, tokens, tuple(out))

    def index_at(self, offset: int) -> int | None:
        """The token that covers or follows the character `offset`."""
        for i, token in enumerate(self.tokens):
            if token.end > offset:
                return i
        return None

    def opening_noun_phrase(self) -> Phrase | None:
        """The noun phrase the sentence starts with, if it starts with one."""
        phrases = self.phrases
        return phrases[0] if phrases and phrases[0].kind == "NP" and phrases[0].first == 0 else None

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


def lexicon_tag(word: str) -> str | None:
    """The tag the lexicon gives a word out of context ("behavior" -> "NN"), or None for a
    word it does not know: a check on a tag that context rules may have misread."""
    _, lexicon = _pattern()
    return lexicon.get(word) or lexicon.get(word.lower())


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
    # The lexicon and Pattern's suffix rules for unknown words, as TextBlob's own tagger runs
    # them; then Brill's context rules from the same package, applied through an index.
    plain = module.find_tags(texts, lexicon=lexicon, default=_DEFAULT, language="en")
    tagged = _context().apply([list(item) for item in plain])
    _mend_tags(plain, tagged)
    chunked = _chunks(module, tagged)
    return Analysis.of(
        sentence,
        tuple(
            Token(text, start, end, tag, chunk, *_word_class(text, tag), chunk[2:])
            for (text, start, end), (_, tag, chunk) in zip(found, chunked, strict=True)
        ),
    )


class _IndexedContext:
    """Pattern's contextual rules (`Context.apply`), the same rules in the same order with
    the same effect, looked up by the word's tag, and by the word itself for the rules that
    name it, instead of trying all three hundred on every word."""

    #: Commands that fire only on one word: the rule is filed under that word.
    _ON_WORD = {"curwd": 3, "wdnexttag": 3, "wdand2aft": 3, "wdand2tagaft": 3, "rbigram": 3}
    _ON_WORD_Y = {"wdprevtag": 4, "wdand2tagbfr": 4, "lbigram": 4}

    def __init__(self, rules: list[list[str]]) -> None:
        self.general: dict[str, list[tuple[int, str, object]]] = {}
        self.worded: dict[tuple[str, str], list[tuple[int, str, object]]] = {}
        for n, rule in enumerate(rules):
            test = _rule_test(rule)
            if test is None:
                continue
            cmd = rule[2].lower()
            field = self._ON_WORD.get(cmd) or self._ON_WORD_Y.get(cmd)
            entry = (n, rule[1], test)
            if field is not None and len(rule) > field:
                self.worded.setdefault((rule[0], rule[field]), []).append(entry)
            else:
                self.general.setdefault(rule[0], []).append(entry)
        self._merged: dict[tuple[str, str], list[tuple[int, str, object]]] = {}

    def _rules(self, tag: str, word: str) -> list[tuple[int, str, object]]:
        key = (tag, word)
        found = self._merged.get(key)
        if found is None:
            found = sorted(
                self.general.get(tag, [])
                + self.general.get("*", [])
                + self.worded.get(key, [])
                + self.worded.get(("*", word), [])
            )
            if len(self._merged) < 50_000:
                self._merged[key] = found
        return found

    def apply(self, tokens: list[list[str]]) -> list[list[str]]:
        pad = [["STAART", "STAART"]] * 3
        t = pad + tokens + pad
        for i in range(3, len(t) - 3):
            # As Pattern does: every rule for the word's tag before any rule fired is tried
            # in order, each seeing the tags already settled to its left; the last to fire wins.
            for _, new_tag, test in self._rules(t[i][1], t[i][0]):
                if test(t, i):  # type: ignore[operator]
                    t[i] = [t[i][0], new_tag]
        return t[3:-3]


def _rule_test(rule: list[str]):  # noqa: C901 - one branch a command of Brill's rule format
    cmd = rule[2].lower() if len(rule) > 2 else ""
    x = rule[3] if len(rule) > 3 else ""
    y = rule[4] if len(rule) > 4 else ""
    tests = {
        "prevtag": lambda t, i: x == t[i - 1][1],
        "nexttag": lambda t, i: x == t[i + 1][1],
        "prev2tag": lambda t, i: x == t[i - 2][1],
        "next2tag": lambda t, i: x == t[i + 2][1],
        "prev1or2tag": lambda t, i: x in (t[i - 1][1], t[i - 2][1]),
        "next1or2tag": lambda t, i: x in (t[i + 1][1], t[i + 2][1]),
        "prev1or2or3tag": lambda t, i: x in (t[i - 1][1], t[i - 2][1], t[i - 3][1]),
        "next1or2or3tag": lambda t, i: x in (t[i + 1][1], t[i + 2][1], t[i + 3][1]),
        "surroundtag": lambda t, i: x == t[i - 1][1] and y == t[i + 1][1],
        "curwd": lambda t, i: x == t[i][0],
        "prevwd": lambda t, i: x == t[i - 1][0],
        "nextwd": lambda t, i: x == t[i + 1][0],
        "prev1or2wd": lambda t, i: x in (t[i - 1][0], t[i - 2][0]),
        "next1or2wd": lambda t, i: x in (t[i + 1][0], t[i + 2][0]),
        "prevwdtag": lambda t, i: x == t[i - 1][0] and y == t[i - 1][1],
        "nextwdtag": lambda t, i: x == t[i + 1][0] and y == t[i + 1][1],
        "wdprevtag": lambda t, i: x == t[i - 1][1] and y == t[i][0],
        "wdnexttag": lambda t, i: x == t[i][0] and y == t[i + 1][1],
        "wdand2aft": lambda t, i: x == t[i][0] and y == t[i + 2][0],
        "wdand2tagbfr": lambda t, i: x == t[i - 2][1] and y == t[i][0],
        "wdand2tagaft": lambda t, i: x == t[i][0] and y == t[i + 2][1],
        "lbigram": lambda t, i: x == t[i - 1][0] and y == t[i][0],
        "rbigram": lambda t, i: x == t[i][0] and y == t[i + 1][0],
        "prevbigram": lambda t, i: x == t[i - 2][1] and y == t[i - 1][1],
        "nextbigram": lambda t, i: x == t[i + 1][1] and y == t[i + 2][1],
    }
    return tests.get(cmd)


@cache
def _context() -> _IndexedContext:
    _, lexicon = _pattern()
    return _IndexedContext(list(lexicon.context))


def _chunks(module: ModuleType, tagged: list[list[str]]) -> list[list[str]]:
    """Pattern's chunker (`find_chunks`: its rules, its order, its corrections), with the
    position of each match found by a table rather than by counting separators from the
    start of the sentence, which made it quadratic in the sentence's length."""
    tags = "".join(f"{tag}/" for _, tag in tagged)
    # The token a character of `tags` belongs to: how many tokens end at or before it.
    ends = list(accumulate(len(tag) + 1 for _, tag in tagged))
    for name, rule in module.CHUNKS[0]:
        for m in rule.finditer(tags):
            j = bisect_right(ends, m.start())
            for k in range(j, bisect_right(ends, m.end())):
                item = tagged[k]
                if len(item) == 3:
                    continue
                if k == j and item[1] in ("CC", "CJ", "KON", "Conj(neven)"):
                    j += 1  # a conjunction does not open a chunk
                else:
                    item.append(("B-" if k == j else "I-") + name)
    for item in tagged:
        if len(item) < 3:
            item.append("O")
    for i, (_, tag, chunk) in enumerate(tagged):
        # "Very nice work" is one phrase; "Perhaps" + "you" are two.
        nxt = tagged[i + 1][1] if i + 1 < len(tagged) else "JJ"
        if tag.startswith("RB") and chunk == "B-NP" and not nxt.startswith("JJ"):
            tagged[i][2] = "B-ADVP"
            tagged[i + 1][2] = "B-NP"
    return tagged


_COMPOUND_MODIFIER = re.compile(r"^[A-Za-z]+-(?:[A-Za-z]+-)*[a-z]+(?:ed|ing|en)$")


_DEFAULT = ("NN", "NNP", "CD")
#: Endings of nouns that are rarely verbs: with no object after it, such a word is a noun.
_NOUN_SUFFIXES = ("tion", "sion", "ness", "ity", "ship", "ism")
_SUBJECT_HEADS = frozenset(["NN", "NNS", "NNP", "NNPS", "PRP"])
_DETERMINERS = frozenset(["DT", "PRP$", "PDT", "CD"])
_SUBJECT_PRONOUNS = frozenset(["i", "we", "you", "they", "he", "she", "it"])
_OBJECT_OPENERS = frozenset(["DT", "PRP$", "PRP", "NN", "NNS", "NNP", "JJ", "CD", "IN"])
#: Words the lexicon tags as nouns that are as often verbs: "want to [trust] their leaders".
_VERB_TOO = frozenset(
    [
        "need",
        "needs",
        "trust",
        "trusts",
        "share",
        "shares",
        "gain",
        "gains",
        "sacrifice",
        "sacrifices",
        "result",
        "results",
        "work",
        "works",
        "lead",
        "leads",
        "value",
        "values",
        "change",
        "changes",
        "support",
        "supports",
        "help",
        "helps",
        "drive",
        "drives",
        "serve",
        "serves",
        "shape",
        "shapes",
        "form",
        "forms",
        "model",
        "models",
        "use",
        "uses",
        "show",
        "shows",
        "focus",
        "focuses",
        "act",
        "acts",
        "plan",
        "plans",
        "practice",
        "practices",
        "respect",
        "respects",
        "guide",
        "guides",
        "place",
        "places",
        "answer",
        "answers",
        "question",
        "questions",
        "lack",
        "lacks",
        "matter",
        "matters",
    ]
)  # unknown words: nouns, capitalised ones proper nouns
#: Tags of punctuation: a closed class, and nothing a blank may start or end on.
_PUNCTUATION_TAGS = [",", ".", ":", "(", ")", "``", "''"]
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
    ]
    + _PUNCTUATION_TAGS
)


def _mend_tags(plain: list[list[str]], tagged: list[list[str]]) -> None:
    """Context rules mend open-class words ("trust" a verb after "want to"); a word the
    lexicon puts in a closed class stays there, punctuation stays punctuation; a hyphenated
    compound before a noun is an adjective ("values-based leadership", not a participle)."""
    for i, (item, before) in enumerate(zip(tagged, plain, strict=True)):
        word, tag = item[0], item[1]
        if before[1] in _CLOSED and tag not in _CLOSED:
            item[1] = before[1]
        item[1] = item[1].split("-")[0] if item[1].startswith("NNP-") else item[1]
        if not any(c.isalnum() for c in word) and item[1][:1].isalpha():
            item[1] = ":"  # a dash or a symbol the lexicon does not know: a break
        after = tagged[i + 1][1] if i + 1 < len(tagged) else ""
        if (
            item[1] == "VB"
            and word.lower().endswith(_NOUN_SUFFIXES)
            and after not in ("DT", "PRP$", "PRP", "NN", "NNS", "JJ", "CD")
        ):
            item[1] = "NN"  # "the key to retention is": no object follows, so no verb
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
    ]
    + _PUNCTUATION_TAGS
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
    return token.content


def is_function(token: Token) -> bool:
    return token.function


#: Words that stand in for a noun ("the [ones] that", "do the [same]", "to do [something]")
#: or need one ("[worth]"): no blank asks for them.
_STANDS_FOR_A_NOUN = frozenset(
    [
        "ones",
        "others",
        "same",
        "other",
        "former",
        "latter",
        "worth",
        "something",
        "anything",
        "everything",
        "nothing",
        "someone",
        "anyone",
        "everyone",
        "somebody",
        "anybody",
        "everybody",
    ]
)


@lru_cache(maxsize=65_536)
def _word_class(text: str, tag: str) -> tuple[bool, bool, str]:
    """`Token.content`, `Token.function` and `Token.lower` of a tagged word: the same few
    thousand words recur in every chapter, so each is classed once."""
    return _content(text, tag), _function(text, tag), text.lower()


def _content(text: str, tag: str) -> bool:
    lower = text.lower()
    if lower in AUXILIARY_WORDS or tag in FUNCTION_TAGS:
        return False
    if tag.startswith("RB") and lower in ("not", "n't", "also", "only", "just"):
        return False
    if lower in _STANDS_FOR_A_NOUN:
        return False  # words that stand for a noun: "the [ones] that ...", "do the [same]"
    return tag.startswith(CONTENT_TAGS) and any(c.isalnum() for c in text)


def _function(text: str, tag: str) -> bool:
    return tag in FUNCTION_TAGS or text.lower() in AUXILIARY_WORDS
