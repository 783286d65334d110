"""Ordinal enumerations in prose -> one card an item and one for the count, named by the
sentence that announces them ("six dimensions of difference").

Three shapes are read: sentences that open with "First, ... Second, ... Six, ...", summary
points ("The first is that ... A second summary point is that ... Finally, ..."), and an
enumeration inside one sentence ("The service objectives of inner leaders are two: first,
...; second, ..."). An item that only announces its topic ("An element of this definition
has to do with X") is answered by the topic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.gist import item_phrase, topic_of
from leadership_cards.generate.list_cards import Entry, count_answer, first_clause, item_cards
from leadership_cards.generate.phrasing import (
    POINTS,
    ListName,
    chapter_name,
    count_question,
    counted_name,
    lead_in_name,
    list_name,
)
from leadership_cards.generate.quality import MAX_ANSWER_WORDS
from leadership_cards.generate.text import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    capitalise,
    cloze_of,
    sentences,
    strip_citations,
    word_count,
)
from leadership_cards.source import Heading, ListRole, NumberedList, Paragraph

_MARKERS = {w: i for i, w in enumerate(ORDINAL_WORDS) if i}
_MARKERS.update({w: i for i, w in enumerate(NUMBER_WORDS) if i >= 2})
_MARKER = re.compile(
    r"^(?P<marker>" + "|".join(sorted(_MARKERS, key=len, reverse=True)) + r"|finally|lastly),\s+",
    re.IGNORECASE,
)
_ORDINALS = "|".join(w for w in ORDINAL_WORDS[1:] if w)
_SUMMARY = re.compile(
    rf"^(?:the|a|an)\s+(?P<marker>{_ORDINALS})(?:\s+[a-z]+){{0,2}}\s+is\s+that,?\s+"
    r"(?:if\s[^,]{1,80},\s+)?",
    re.IGNORECASE,
)
#: "The first is autonomy, the sense of ...", "The second is past, present, future: ..."
_THE_NTH = re.compile(rf"^the\s+(?P<marker>{_ORDINALS})\s+(?:is|was)\s+(?!that\b)", re.IGNORECASE)
_INLINE = re.compile(
    r"^(?P<label>[A-Za-z][\w'’ -]{2,80}?)\s+(?:are|is)\s+(?P<count>"
    + "|".join(NUMBER_WORDS[2:])
    + r"|\d+):\s+(?P<items>first,\s.+)$",
    re.IGNORECASE,
)
_INLINE_SPLIT = re.compile(rf";\s+(?:and\s+)?(?:{_ORDINALS}|finally|lastly),\s+", re.IGNORECASE)
_LOOK_BACK_BLOCKS = 3
_LABEL_WINDOW = 600
_MAX_GAP_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class _Item:
    block: int
    paragraph: Paragraph
    text: str  # the sentence, marker removed
    offset: int = 0  # where the sentence starts in the paragraph's text
    style: re.Pattern[str] | None = None  # the marker pattern that found it


def extract(chapter: Chapter) -> Iterator[Card]:
    blocks = chapter.doc.blocks
    for run in _runs(blocks):
        label = _label(blocks, run[0], len(run))
        if label is None:
            continue  # parts of one thing, not a list: its sentences are asked as claims
        found, verb = label
        name = found or POINTS
        if verb:
            name = name.described(verb)
        entries = []
        for n, item in enumerate(run, 1):
            answer = capitalise(strip_citations(item.text))
            answer = topic_of(answer) or named_item(answer) or first_clause(answer)
            fits = word_count(answer) <= MAX_ANSWER_WORDS
            position = f"paragraph {item.paragraph.number}"
            entries.append(Entry(n, answer if fits else None, position, item.paragraph.text))
        first, last = run[0].paragraph.number, run[-1].paragraph.number
        yield from item_cards(chapter, name, entries, _KINDS, f"paragraphs {first}-{last}")

    yield from _inline(chapter)
    yield from _sequences(chapter)
    yield from _ordinal_descriptions(chapter)


#: "At the first level the follower gathers the facts and the leader decides": what happens
#: at one numbered part of something the passage has listed.
_AT_ORDINAL = re.compile(
    r"^(?P<prep>At|In|During)\s+the\s+(?P<ordinal>first|second|third|fourth|fifth|sixth|"
    r"seventh|final|last)\s+(?P<noun>level|stage|step|phase|round)"
    r"(?P<of>\s+of\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)?,?\s+(?P<rest>[^;:]{8,})$"
)
#: Words that cannot start what happens: a pronoun whose referent is elsewhere.
_POINTING = frozenset(["it", "this", "that", "these", "those", "they", "he", "she"])
MAX_HAPPENS_WORDS = 20


def _ordinal_descriptions(chapter: Chapter) -> Iterator[Card]:
    """Each sentence that says what happens at a numbered part of a listed whole ("The four
    levels of delegation are: ... At the first level the follower gathers the facts and the
    leader decides."), asked for what happens there, named by the list the paragraph gives
    ("what happens at the first level of delegation?")."""
    for block in chapter.doc.blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in sentences(block.text):
            m = _AT_ORDINAL.match(sentence.strip().rstrip(".!"))
            if m is None:
                continue
            rest = m.group("rest")
            if rest.split(" ", 1)[0].lower() in _POINTING or word_count(rest) > MAX_HAPPENS_WORDS:
                continue
            noun = m.group("noun")
            of = m.group("of") or ""
            if not of:
                named = re.search(
                    rf"\b{noun}s\s+(?P<of>of\s+(?:the\s+)?[a-z][\w'’-]*)\b", block.text
                )
                if named is None:
                    continue  # "at the first stage" of what, the passage does not say
                of = " " + named.group("of")
            question = (
                f"In {chapter_name(chapter.title)}, what happens "
                f"{m.group('prep').lower()} the {m.group('ordinal')} {noun}{of}?"
            )
            position = f"paragraph {block.number}"
            yield chapter.card(Kind.CLAIM, question, capitalise(rest), position, block.text)


_KINDS = (Kind.ENUMERATION, Kind.ENUMERATION_COUNT)

#: A passage told as a journey through stages: "The conversation begins with the goal ...
#: It then moves to reality ... From reality it moves to options ... It ends with will".
_BEGINS = re.compile(r"\b(?:begins|starts|opens)\s+with\s+(?:the\s+|an?\s+)?", re.IGNORECASE)
_MOVES = re.compile(
    r"\b(?:moves|passes|turns|proceeds|goes)\s+(?:on\s+)?(?:to|into|through)\s+(?:the\s+|an?\s+)?",
    re.IGNORECASE,
)
_ENDS = re.compile(
    r"\b(?:ends|finishes|closes|concludes)\s+with\s+(?:the\s+|an?\s+)?", re.IGNORECASE
)
#: What the stages belong to, named in the passage: "the GROW model", "the Kolb cycle".
_SEQUENCE_NAME = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+){1,3}(?:model|method|cycle|process|framework))\b"
)
#: Where a stage's name ends: a comma, a clause, a colon.
_STAGE_END = re.compile(r"[,;:.(—–]|\s(?:where|which|in\s+which|when|that|sometimes)\s")
MAX_STAGE_WORDS = 3
_ALIAS = re.compile(
    r"^,\s+(?:sometimes|also|often)\s+(?:called|known\s+as|named)\s+"
    r"(?P<alias>[^,;:.()]{3,40}?)\s*(?=[,;:.(]|$)"
)


def _sequences(chapter: Chapter) -> Iterator[Card]:
    """A paragraph that walks through named stages in order, one sentence a stage, from one
    that "begins with" the first to one that "ends with" the last, asked as an ordered list
    named by the model the paragraph names ("the stages of the GROW model run: 1. Goal; 2.
    [...]; 3. Options; 4. Will")."""
    for block in chapter.doc.blocks:
        if not isinstance(block, Paragraph) or not _BEGINS.search(block.text):
            continue
        stages: list[str] = []
        aliases: list[tuple[str, str]] = []  # (stage, its other name)
        for sentence in sentences(block.text):
            pattern = _BEGINS if not stages else _ENDS if _ENDS.search(sentence) else _MOVES
            m = pattern.search(sentence)
            if m is None:
                if stages and pattern is not _BEGINS:
                    break  # the walk is over before it ended
                continue
            stage = _stage(sentence[m.end() :])
            if stage is None:
                break
            stages.append(stage)
            alias = _ALIAS.match(sentence[m.end() + len(stage) :])
            if alias:
                aliases.append((stage, alias.group("alias")))
            if pattern is _ENDS:
                break
        named = _SEQUENCE_NAME.search(block.text)
        if len(stages) < 3 or not _ENDS.search(block.text) or named is None:
            continue
        model = " ".join(named.group("name").split())
        name = ListName(f"stages of the {model}", f"stage of the {model}")
        position = f"paragraph {block.number}"
        entries = [Entry(n, s, position, block.text) for n, s in enumerate(stages, 1)]
        yield from item_cards(chapter, name, entries, _KINDS, position, counted=False)
        for stage, other in aliases:
            # "It ends with will, sometimes called the way forward": the other name is
            # what a member meets elsewhere, asked by the stage it names.
            question = f"What is the {stage.lower()} stage of the {model} also called?"
            yield chapter.card(Kind.CLAIM, question, capitalise(other), position, block.text)


def _stage(rest: str) -> str | None:
    """The stage's name at the start of `rest`: "reality, an honest look ..." -> "Reality"."""
    cut = _STAGE_END.search(rest)
    stage = (rest[: cut.start()] if cut else rest).strip()
    if not stage or word_count(stage) > MAX_STAGE_WORDS:
        return None
    return capitalise(stage)


#: "Unfreezing: the group comes to see ...", "PREP, which stands for ...": an item that opens
#: with its name; the name is what to recall, the rest explains it.
_NAMED_ITEM = re.compile(r"^(?P<name>[^,:;.]{1,50}?)(?::\s|,\s+(?=(?:the|a|an|which|who)\b))")
MAX_NAME_WORDS = 5


def named_item(text: str) -> str | None:
    """The name an enumerated item opens with ("Unfreezing: the group ..." -> "Unfreezing";
    "Autonomy, the sense of choosing ..." -> "Autonomy"), or None."""
    colon = text.find(":")
    if colon > 0 and word_count(text[:colon]) <= MAX_NAME_WORDS:
        return capitalise(text[:colon].strip())  # "Past, present, future: how things were"
    m = _NAMED_ITEM.match(text)
    if m and word_count(m.group("name")) <= MAX_NAME_WORDS:
        return capitalise(m.group("name").strip())
    return None


def _inline(chapter: Chapter) -> Iterator[Card]:
    """ "The service objectives of inner leaders are two: first, A; second, B." """
    for block in chapter.doc.blocks:
        if isinstance(block, Paragraph):
            texts = [(block.text, f"paragraph {block.number}")]
        elif isinstance(block, NumberedList) and block.role is not ListRole.QUESTIONS:
            texts = [(i.text, block.position(i)) for i in block.items]
        else:
            continue
        for text, position in texts:
            if ":" not in text and not _COPULA_HINT.search(text):
                continue
            for sentence in sentences(text):
                if ": first," in sentence.lower():
                    yield from _inline_sentence(chapter, sentence, text, position)
                else:
                    yield from _colon_list(chapter, sentence, text, position)


#: "The four levels of delegation are: A, B, C, and D." The lead-in ends at the colon.
_COLON_LIST = re.compile(r"^(?P<lead>[^:;]{3,160}?):\s+(?P<items>[^:]+?)[.!]?$")
_COPULA_LIST = re.compile(
    r"^(?P<lead>[^:;]{3,160}?\s(?:are|were|include|includes))\s+(?P<items>[^:;]+?)[.!]?$",
    re.IGNORECASE,
)
_COPULA_HINT = re.compile(r"\s(?:are|were|include|includes)\s[^.]*,", re.IGNORECASE)
_LEADING_AND = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_LAST_AND = re.compile(r"\s+(?:and|or)\s+(?!.*\s(?:and|or)\s)", re.IGNORECASE)
#: Items of a list inside a sentence are short phrases; longer parts are clauses.
MAX_INLINE_ITEM_WORDS = 10


def colon_items(items: str) -> list[tuple[int, int]] | None:
    """The spans of the items in "A, B, and C" (or "A; B; and C"), each without its "and",
    or None when the text is not a list of three or more short items."""
    separator = ";" if ";" in items else ","
    spans: list[tuple[int, int]] = []
    start = 0
    for part in items.split(separator):
        end = start + len(part)
        spans.append((start, end))
        start = end + 1
    if len(spans) < 2:
        return None
    last_start, last_end = spans[-1]
    last = items[last_start:last_end]
    if not _LEADING_AND.match(last.strip()):
        m = _LAST_AND.search(last)  # "A, B and C": no comma before the last item
        if not m:
            return None
        spans[-1:] = [(last_start, last_start + m.start()), (last_start + m.end(), last_end)]
    out = []
    for a, b in spans:
        text = items[a:b]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        skip = _LEADING_AND.match(text)
        if skip:
            lead += skip.end()
            text = text[skip.end() :]
        if not text or word_count(text) > MAX_INLINE_ITEM_WORDS:
            return None
        out.append((a + lead, a + lead + len(text)))
    return out if len(out) >= 3 else None


def _colon_list(chapter: Chapter, sentence: str, text: str, position: str) -> Iterator[Card]:
    """Each item of a list inside one sentence, blanked in that sentence (the other items
    and the lead-in are its cues), and the count when the lead-in names the list."""
    sentence = strip_citations(sentence)
    m = _COLON_LIST.match(sentence)
    counted = False
    if not m:
        # "The three stages of a mentoring relationship are orientation, development and
        # independence.": without a colon, only a lead-in that counts its items names a list.
        m = _COPULA_LIST.match(sentence)
        counted = True
    if not m:
        return
    spans = colon_items(m.group("items"))
    if not spans:
        return
    lead = m.group("lead")
    name = counted_name(lead, len(spans)) if counted else lead_in_name(lead, len(spans))
    if name is None:
        return  # a colon that opens an explanation, not a list the sentence names
    offset = m.start("items")
    for a, b in spans:
        yield chapter.card(
            Kind.ENUMERATION,
            "",
            "",
            position,
            text,
            cloze=cloze_of(sentence, (offset + a, offset + b)),
        )
    if (
        counted_name(m.group("lead"), len(spans))
        and len(name.plural.split()) > 1
        and not name.generic
    ):
        yield chapter.card(
            Kind.ENUMERATION_COUNT,
            count_question(name, chapter.title),
            count_answer(name, len(spans)),
            position,
            text,
        )


def _inline_sentence(chapter: Chapter, sentence: str, text: str, position: str) -> Iterator[Card]:
    m = _INLINE.match(strip_citations(sentence))
    if not m:
        return
    word = m.group("count").lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS.index(word)
    parts = _INLINE_SPLIT.split(m.group("items")[len("first,") :].strip())
    if len(parts) != count:
        return
    name = list_name(m.group("label"))
    answers = [item_phrase(part) for part in parts]
    if name is None or not all(answers):
        return
    entries = [Entry(n, answer, position, text) for n, answer in enumerate(answers, 1)]
    yield from item_cards(chapter, name, entries, _KINDS, position)


def _runs(blocks) -> Iterator[list[_Item]]:
    """Sentences that open with First, Second, ... in order, three or more."""
    run: list[_Item] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        offset = 0
        for sentence in sentences(block.text):
            offset = block.text.find(sentence, offset)  # sentences come in order: linear
            m = _MARKER.match(sentence) or _SUMMARY.match(sentence) or _THE_NTH.match(sentence)
            if not m:
                continue
            word = m.group("marker").lower()
            if word in ("finally", "lastly") and run and run[0].style is _THE_NTH:
                continue  # "Finally," closes "First, ..." or summary points, not "The first is"
            value = len(run) + 1 if word in ("finally", "lastly") else _MARKERS[word]
            item = _Item(index, block, sentence[m.end() :], offset, m.re)
            if value == 1:
                if len(run) >= 3:
                    yield run
                run = [item]
            elif run and value == len(run) + 1 and index - run[-1].block <= _MAX_GAP_BLOCKS:
                run.append(item)
            else:
                if len(run) >= 3:
                    yield run
                run = []
    if len(run) >= 3:
        yield run


#: "Some of the aspects of this definition need to be emphasized": a set announced without
#: its count, nearer the items than a counted name further back, which it is part of.
_UNCOUNTED = re.compile(
    r"\b(?:some|several|many|a few|a number)\s+of\s+(?:the|these|its|their)\s+\w+s\b", re.I
)
_PARTICIPLE = re.compile(r"\s+(?:can|could|may|will|should|must)\s+be\s+(?P<verb>[a-z]+ed)\b")


#: Words enough to say what a bare list is for, short of a second fact.
MAX_PREDICATE_WORDS = 8


def _named_by_its_sentence(name: ListName, sentence: str, count: int) -> ListName:
    """A one-word name ("habits", "stages") says what the items are but not whose: weeks
    later "the stages run: 1. Unfreezing ..." could be any stages. The sentence that counts
    them says whose: "Three habits separate sound decision making from hasty choice" names
    "the habits that separate sound decision making from hasty choice"; "Kurt Lewin
    described change as a passage through three stages", "the stages that Kurt Lewin
    described"."""
    from leadership_cards.generate.syntax import analyse

    if " " in name.plural or name.generic or name.whole or name.heading:
        return name
    counted = rf"(?:{'|'.join(NUMBER_WORDS[2:])}|\d+)"
    opening = re.match(
        rf"^{counted}\s+{re.escape(name.plural)}\s+(?P<rest>[^:;()]+?)\.?$", sentence, re.I
    )
    if opening and 1 < word_count(opening.group("rest")) <= MAX_PREDICATE_WORDS:
        return name.described(f"that {opening.group('rest')}")
    analysis = analyse(sentence)
    if analysis is None:
        return name
    tokens = analysis.tokens
    names = 0
    while names < len(tokens) and tokens[names].tag == "NNP":
        names += 1
    # Two names at least, a person's ("Kurt Lewin"): one capitalised word opening a sentence
    # is as often a common noun ("Change passes through three stages").
    if 1 < names < len(tokens) and tokens[names].tag in ("VBD", "VBZ"):
        teller = sentence[tokens[0].start : tokens[names].end]
        return name.described(f"that {teller}")
    return name


def _label(blocks, first: _Item, count: int) -> tuple[ListName | None, str | None] | None:
    """What the items are, from "At least six dimension of difference between ... can be
    identified" in the first item's paragraph or the few blocks before it, and the verb
    that names a bare "points" ("three points can be emphasized")."""
    start = max(0, first.block - _LOOK_BACK_BLOCKS)
    for block in reversed(blocks[start : first.block + 1]):
        if isinstance(block, Heading):
            continue
        if not isinstance(block, Paragraph):
            break
        # The label is announced just before the items: looking at the last few hundred
        # characters keeps labelling linear however many runs a long paragraph holds.
        end = first.offset if block is first.paragraph else len(block.text)
        text = block.text[max(0, end - _LABEL_WINDOW) : end]
        for sentence in reversed(sentences(text)):
            if _UNCOUNTED.search(sentence):
                return None  # the items are parts of this nearer, uncounted set
            name = counted_name(sentence, count)
            if name is None:
                continue
            name = _named_by_its_sentence(name, sentence, count)
            verb = None
            if name.generic:
                # A bare noun is named by its verb, so the question says which points:
                # "the points emphasized".
                head = re.search(rf"\b{re.escape(name.plural)}\b", sentence, re.IGNORECASE)
                verb = _PARTICIPLE.match(sentence, head.end()) if head else None
            return name, verb.group("verb").lower() if verb else None
    return None, None
