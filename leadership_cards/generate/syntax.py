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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from types import MethodType, ModuleType
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
#: A chunk label's phrase kind, one string shared by every token that holds it.
_PHRASE_KIND = {f"{edge}-{role}": role for role in _ROLES for edge in "BI"} | {"O": ""}


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
    get = _tagger()._lexicon
    return get(word) or get(word.lower())


_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,40}>")


def words(sentence: str) -> list[tuple[str, int, int]]:
    """The sentence's words with their spans; markup such as "<b>" is text a card shows
    as it is, but no word of the sentence."""
    texts, starts = _words_and_starts(sentence)
    return [(text, start, start + len(text)) for text, start in zip(texts, starts, strict=True)]


def _words_and_starts(sentence: str) -> tuple[list[str], list[int]]:
    """`words`, as the words and where each starts. `_TOKEN` takes every character but
    white space, so the next word starts where its text is next found."""
    if "<" in sentence:
        sentence = _MARKUP.sub(lambda m: " " * len(m.group()), sentence)
    texts = _TOKEN.findall(sentence)
    starts = []
    find = sentence.find
    at = 0
    for text in texts:
        at = find(text, at)
        starts.append(at)
        at += len(text)
    return texts, starts


@lru_cache(maxsize=8192)
def analyse(sentence: str) -> Analysis | None:
    """The sentence's words with their tags and phrases; None for a sentence too long to be
    a card. Cached: several extractors look at the same sentence, each extractor in turn over
    the whole chapter, so the cache holds a long chapter's sentences (a chapter of 400 kB
    analyses about 4,000 strings, a list of thousands of items one an item); a smaller one
    would analyse each sentence again for every extractor."""
    texts, starts = _words_and_starts(sentence)
    if not texts or len(texts) > MAX_WORDS:
        return None
    return _tagger().analyse(sentence, texts, starts)


@cache
def _tagger() -> _Tagger:
    module, lexicon = _pattern()
    return _Tagger(module, lexicon)


class _Tagger:
    """Pattern's tagging as TextBlob runs it (`find_tags` with the lexicon and the English
    suffix rules for unknown words), then Brill's context rules from the same package
    through an index, our mending of their newswire habits, and Pattern's chunker: the same
    tags and phrases, with each sentence held as a list of words beside a list of tags
    rather than as a list of [word, tag] lists, so nothing is copied from step to step."""

    def __init__(self, module: ModuleType, lexicon) -> None:
        len(lexicon)  # the lexicon loads on first use: load it now, not on the first word
        # The dictionary's own lookup: a lazy dictionary's `get` checks for loading each time.
        self._lexicon = MethodType(dict.get, lexicon)
        self._number = module.CD.match
        self._suffix_rules = module._suffix_rules
        self._context = _IndexedContext(list(lexicon.context))
        self._chunk_rules = [(name, _quick(rule).finditer) for name, rule in module.CHUNKS[0]]

    def analyse(self, sentence: str, texts: list[str], starts: list[int]) -> Analysis:
        plain = self._lexicon_tags(texts)
        tags = self._context.apply(texts, plain)
        _mend_tags(texts, plain, tags)
        chunks = _chunked(tags)
        word_class = _word_class
        kind = _PHRASE_KIND.get
        new = tuple.__new__  # a Token, without a call to its Python-level __new__
        tokens = tuple(
            [
                new(
                    Token,
                    (
                        text,
                        start,
                        start + len(text),
                        tag,
                        chunk,
                        *word_class(text, tag),
                        kind(chunk) or chunk[2:],
                    ),
                )
                for text, start, tag, chunk in zip(texts, starts, tags, chunks, strict=True)
            ]
        )
        return Analysis(sentence, tokens, _phrases(chunks))

    def _lexicon_tags(self, texts: list[str]) -> list[str]:
        """Pattern's `find_tags` before its context step: the lexicon's tag (the first word
        also looked up in lower case), else NNP for a capitalised word, CD for a number, and
        the suffix rules for the rest."""
        get = self._lexicon
        tags = []
        for i, token in enumerate(texts):
            tag = get(token)
            if tag is None and i == 0:
                tag = get(token.lower()) or None
            if tag is None:
                if token.istitle():
                    tag = _DEFAULT[1]
                elif self._number(token) is not None:
                    tag = _DEFAULT[2]
                else:
                    tag = self._suffix_rules([token, _DEFAULT[0]])[1]
            tags.append(tag)
        return tags


def _phrases(chunks: list[str]) -> tuple[Phrase, ...]:
    """The phrases of the chunk labels: a "B-" label opens one, an "I-" label right after
    it extends it (`Analysis.of`, from the labels alone)."""
    out: list[Phrase] = []
    kind = ""
    first = last = -2
    for i, chunk in enumerate(chunks):
        head = chunk[0]
        if head == "B":
            if kind:
                out.append(Phrase(kind, first, last))
            kind, first, last = chunk[2:], i, i
        elif head == "I" and last == i - 1:
            last = i
    if kind:
        out.append(Phrase(kind, first, last))
    return tuple(out)


class _IndexedContext:
    """Pattern's contextual rules (`Context.apply`), the same rules in the same order with
    the same effect, looked up by the word's tag, and by the word itself for the rules that
    name it, instead of trying all three hundred on every word.

    A rule tests only the word's neighbours and the words themselves, never the word's own
    tag, and the rules tried are those of the tag the word had before any fired: so the
    last rule that fires decides the tag. Each list of rules is compiled into one function
    that tries them from the last and returns the first new tag that fires; a word's
    rules are then one call, not a call a rule."""

    #: Commands that fire only on one word: the rule is filed under that word.
    _ON_WORD = {"curwd": 3, "wdnexttag": 3, "wdand2aft": 3, "wdand2tagaft": 3, "rbigram": 3}
    _ON_WORD_Y = {"wdprevtag": 4, "wdand2tagbfr": 4, "lbigram": 4}

    def __init__(self, rules: list[list[str]]) -> None:
        self.general: dict[str, list[_Rule]] = {}
        self.worded: dict[tuple[str, str], list[_Rule]] = {}
        for n, rule in enumerate(rules):
            cmd = rule[2].lower() if len(rule) > 2 else ""
            test = _TESTS.get(cmd)
            if test is None:
                continue
            field = self._ON_WORD.get(cmd) or self._ON_WORD_Y.get(cmd)
            x = rule[3] if len(rule) > 3 else ""
            y = rule[4] if len(rule) > 4 else ""
            entry = _Rule(n, rule[1], test, x, y)
            if field is not None and len(rule) > field:
                self.worded.setdefault((rule[0], rule[field]), []).append(entry)
            else:
                self.general.setdefault(rule[0], []).append(entry)
        self._named_words = {word for _, word in self.worded}
        self._by_tag: dict[str, Callable[[list[str], list[str], int], str | None]] = {}
        self._by_tag_and_word: dict[tuple[str, str], Callable] = {}

    def _rules(self, tag: str, word: str) -> Callable[[list[str], list[str], int], str | None]:
        if word not in self._named_words:
            found = self._by_tag.get(tag)
            if found is None:
                found = self._by_tag[tag] = _compiled(self._entries(tag, word))
            return found
        key = (tag, word)
        found = self._by_tag_and_word.get(key)
        if found is None:
            found = self._by_tag_and_word[key] = _compiled(self._entries(tag, word))
        return found

    def _entries(self, tag: str, word: str) -> list[_Rule]:
        return sorted(
            self.general.get(tag, [])
            + self.general.get("*", [])
            + self.worded.get((tag, word), [])
            + self.worded.get(("*", word), [])
        )

    def apply(self, texts: list[str], tags: list[str]) -> list[str]:
        w = [_PAD] * 3 + texts + [_PAD] * 3
        t = [_PAD] * 3 + tags + [_PAD] * 3
        rules = self._rules
        for i in range(3, len(t) - 3):
            # As Pattern does: the rules of the word's tag, each seeing the tags already
            # settled to its left; the last to fire wins.
            new_tag = rules(t[i], w[i])(w, t, i)
            if new_tag is not None:
                t[i] = new_tag
        return t[3:-3]


_PAD = "STAART"  # Pattern's word and tag on either side of a sentence


def _compiled(entries: list[_Rule]) -> Callable[[list[str], list[str], int], str | None]:
    """One function trying the rules from the last: the new tag of the last rule that fires
    on words `w` and tags `t` at `i`, or None. The rules' words and tags are handed to it
    as constants, never written into its code."""
    namespace: dict[str, object] = {}
    lines = ["def fire(w, t, i):"]
    for k, (_, new_tag, test, x, y) in enumerate(reversed(entries)):
        namespace.update({f"new{k}": new_tag, f"x{k}": x, f"y{k}": y})
        lines.append(f"    if {test.format(x=f'x{k}', y=f'y{k}')}: return new{k}")
    lines.append("    return None")
    exec("\n".join(lines), namespace)  # noqa: S102 - code made only of _TESTS' templates
    return namespace["fire"]  # type: ignore[return-value]


class _Rule(NamedTuple):
    number: int  # its place in Pattern's list: the order rules are tried in
    new_tag: str
    test: str  # a template of _TESTS
    x: str
    y: str


#: Brill's rule commands, as Python tests on words `w` and tags `t` at `i`.
_TESTS = {
    "prevtag": "{x} == t[i - 1]",
    "nexttag": "{x} == t[i + 1]",
    "prev2tag": "{x} == t[i - 2]",
    "next2tag": "{x} == t[i + 2]",
    "prev1or2tag": "({x} == t[i - 1] or {x} == t[i - 2])",
    "next1or2tag": "({x} == t[i + 1] or {x} == t[i + 2])",
    "prev1or2or3tag": "({x} == t[i - 1] or {x} == t[i - 2] or {x} == t[i - 3])",
    "next1or2or3tag": "({x} == t[i + 1] or {x} == t[i + 2] or {x} == t[i + 3])",
    "surroundtag": "({x} == t[i - 1] and {y} == t[i + 1])",
    "curwd": "{x} == w[i]",
    "prevwd": "{x} == w[i - 1]",
    "nextwd": "{x} == w[i + 1]",
    "prev1or2wd": "({x} == w[i - 1] or {x} == w[i - 2])",
    "next1or2wd": "({x} == w[i + 1] or {x} == w[i + 2])",
    "prevwdtag": "({x} == w[i - 1] and {y} == t[i - 1])",
    "nextwdtag": "({x} == w[i + 1] and {y} == t[i + 1])",
    "wdprevtag": "({x} == t[i - 1] and {y} == w[i])",
    "wdnexttag": "({x} == w[i] and {y} == t[i + 1])",
    "wdand2aft": "({x} == w[i] and {y} == w[i + 2])",
    "wdand2tagbfr": "({x} == t[i - 2] and {y} == w[i])",
    "wdand2tagaft": "({x} == w[i] and {y} == t[i + 2])",
    "lbigram": "({x} == w[i - 1] and {y} == w[i])",
    "rbigram": "({x} == w[i] and {y} == w[i + 1])",
    "prevbigram": "({x} == t[i - 2] and {y} == t[i - 1])",
    "nextbigram": "({x} == t[i + 1] and {y} == t[i + 2])",
}


#: The letters each of Pattern's chunk rules can start on (the first letters of the tags its
#: first part allows), keyed by the rule's pattern. Told to the regular expression as a
#: lookahead, they let it pass over the other places at once: the same matches, in a
#: third of the time.
_FIRST_LETTERS = {
    pattern: letters
    for pattern, letters in [
        (
            r"((NN|NNS|NNP|NNPS|NNPS?\-[A-Z]{3,4}|PR|PRP|PRP\$)/)*((DT|CD|CC|CJ)/)*"
            r"(((?<!W)RB|RBR|RBS|JJ|JJR|JJS)/)*((NN|NNS|NNP|NNPS|NNPS?\-[A-Z]{3,4}|PR|PRP|PRP\$)/)+",
            "NPDCRJ",
        ),
        (r"(((MD|(?<!W)RB|RBR|RBS)/)*((VB|VBD|VBG|VBN|VBP|VBZ)/)+)+", "MRV"),
        (r"((IN|PP|TO)/)+", "IPT"),
        (r"((CC|CJ|(?<!W)RB|RBR|RBS|JJ|JJR|JJS)/)*((JJ|JJR|JJS)/)+", "CRJ"),
        (r"(((?<!W)RB|RBR|RBS|WRB)/)+", "RW"),
    ]
}


def _quick(rule: re.Pattern[str]) -> re.Pattern[str]:
    """`rule` with a lookahead for the letters it can start on, when they are known."""
    letters = _FIRST_LETTERS.get(rule.pattern)
    return re.compile(f"(?=[{letters}]){rule.pattern}") if letters else rule


_CONJUNCTIONS = ("CC", "CJ", "KON", "Conj(neven)")


def _chunks(rules, tags: list[str]) -> list[str]:
    """Pattern's chunker (`find_chunks`: its rules, its order, its corrections), with the
    position of each match found by a table rather than by counting separators from the
    start of the sentence, which made it quadratic in the sentence's length."""
    return _corrected(tags, _matched(rules, tags))


def _chunked(tags: list[str]) -> list[str]:
    """`_chunks` with the tagger's rules, run on each stretch of tags between punctuation
    once a chapter: a rule matches letters, so no match takes in or crosses a tag with none
    (",", ".", ":"), and the same stretches ("DT/JJ/NN/IN/NN") recur from sentence to
    sentence. Pattern's corrections, which look at the next tag, are made on the whole."""
    out: list[str] = []
    start = 0
    for i, tag in enumerate(tags):
        if _punctuation(tag):
            if i > start:
                out += _stretch_chunks(tuple(tags[start:i]))
            out.append("O")
            start = i + 1
    if start < len(tags):
        out += _stretch_chunks(tuple(tags[start:]))
    return _corrected(tags, out)


@cache
def _punctuation(tag: str) -> bool:
    """A tag no chunk rule can take: one with no capital letter in it."""
    return not any("A" <= c <= "Z" for c in tag)


@lru_cache(maxsize=8192)
def _stretch_chunks(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_matched(_tagger()._chunk_rules, tags))


def _matched(rules, tags: list[str] | tuple[str, ...]) -> list[str]:
    """Each tag's chunk label as Pattern's rules match them, in their order."""
    text = "/".join(tags) + "/"
    # The token a character of `text` belongs to: how many tokens end at or before it.
    ends = list(accumulate(len(tag) + 1 for tag in tags))
    chunks: list[str | None] = [None] * len(tags)
    for name, finditer in rules:
        opening, inside = "B-" + name, "I-" + name
        for m in finditer(text):
            j = bisect_right(ends, m.start())
            for k in range(j, bisect_right(ends, m.end())):
                if chunks[k] is not None:
                    continue
                if k == j and tags[k] in _CONJUNCTIONS:
                    j += 1  # a conjunction does not open a chunk
                else:
                    chunks[k] = opening if k == j else inside
    return [chunk or "O" for chunk in chunks]


def _corrected(tags: list[str], out: list[str]) -> list[str]:
    """Pattern's corrections of its chunks, made in place."""
    for i in range(len(tags) - 1):
        # "Very nice work" is one phrase; "Perhaps" + "you" are two.
        if out[i] == "B-NP" and tags[i][:2] == "RB" and tags[i + 1][:2] != "JJ":
            out[i] = "B-ADVP"
            out[i + 1] = "B-NP"
    return out


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


def _mend_tags(texts: list[str], plain: list[str], tags: list[str]) -> None:
    """Context rules mend open-class words ("trust" a verb after "want to"); a word the
    lexicon puts in a closed class stays there, punctuation stays punctuation; a hyphenated
    compound before a noun is an adjective ("values-based leadership", not a participle).
    `plain` holds the tags before the context rules; `tags` is mended in place, left to
    right, each word seeing its left neighbours mended and its right ones not yet."""
    count = len(tags)
    for i in range(count):
        word, tag = texts[i], tags[i]
        if plain[i] in _CLOSED and tag not in _CLOSED:
            tag = plain[i]
        if tag.startswith("NNP-"):
            tag = tag.split("-")[0]
        if tag[:1].isalpha() and not (word[0].isalnum() or _HAS_ALNUM.search(word)):
            tag = ":"  # a dash or a symbol the lexicon does not know: a break
        after = tags[i + 1] if i + 1 < count else ""
        if tag == "VB":
            if word.lower().endswith(_NOUN_SUFFIXES) and after not in _OBJECT_TAGS:
                tag = "NN"  # "the key to retention is": no object follows, so no verb
        elif tag == "VBG" and not word.lower().endswith("ing"):
            tag = "NNS" if word.endswith("s") else "NN"  # "follower" is not a gerund
        if tag == "VB" and i and tags[i - 1] in ("VB", "VBP", "VBZ") and after[:2] == "NN":
            tag = "NN"  # "induce follower action": a verb's object opens with a noun
        if (
            tag in ("VB", "VBP")
            and i >= 2
            and tags[i - 1].startswith("NN")
            and texts[i - 2].lower() in ("a", "an")
        ):
            tag = "NN"  # "a values construct": "a" asks for a singular noun as head
        if (
            tag in ("VBN", "VBG", "VBD", "NNS")
            and after[:2] == "NN"
            and _COMPOUND_MODIFIER.match(word)
        ):
            tag = "JJ"
        tags[i] = tag


#: Tags that open a verb's object: before one, a word ending like a noun may still be a verb.
_OBJECT_TAGS = frozenset(["DT", "PRP$", "PRP", "NN", "NNS", "JJ", "CD"])
#: A letter or a digit (`str.isalnum`, as a pattern: a word character but the underscore).
_HAS_ALNUM = re.compile(r"[^\W_]")


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
