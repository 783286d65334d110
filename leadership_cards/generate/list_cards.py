"""The cards of one list, whatever extractor found it: one card an item, and the count.

A list is asked as overlapping clozes: each item blanked with the list's name and its
neighbouring items as cues (the Cloze Overlapper pattern), which teaches both the items and
their order. Its count is asked only when the list has a name a learner could recall; "How many
points...?" asks nothing worth knowing."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from leadership_cards.cards import Card, Kind
from leadership_cards.document import Document, Heading, ListRole, NumberedList, Paragraph
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.gist import shorten
from leadership_cards.generate.phrasing import (
    WHOLE_LIST_ITEMS,
    ListName,
    among,
    chapter_name,
    count_question,
    counted_name,
    lead_in_name,
    list_name,
    number_words,
    opening,
    overlapping_cloze,
    plural_noun,
    states_count,
)
from leadership_cards.generate.text import capitalise, sentences


@dataclass(frozen=True, slots=True)
class TitledList:
    """A list something names: a heading ("Service Techniques"), a lead-in sentence ("Repairing
    broken trust takes four moves:") or a paragraph that announces it with its count ("Follow
    these twelve steps in order."). `name` is None when the lead-in gives no name to count
    by; its sentence is then the cue."""

    block: NumberedList
    name: ListName | None
    lead_in: str = ""
    #: The source states how many items the list has, or numbers them under a name of
    #: their own ("Service Techniques", 1-11): only then is the count worth a card.
    counted: bool = False

    @property
    def of_terms(self) -> bool:
        """True for a list of "Term: meaning" entries, asked term by term."""
        items = self.block.items
        return sum(bool(item.term) for item in items) * 3 >= len(items) * 2


def titled_lists(doc: Document) -> list[TitledList]:
    """The document's lists that a heading or a sentence names, and its glossaries; not its
    key points or discussion questions, which have extractors of their own."""
    out: list[TitledList] = []
    heading = ""
    previous: object = None
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = block.text
        if isinstance(block, NumberedList) and len(block.items) >= 2:
            found = _titled(block, heading, previous)
            if found:
                out.append(found)
        previous = block
    return out


def _titled(block: NumberedList, heading: str, previous: object) -> TitledList | None:
    count = len(block.items)
    if block.role is ListRole.GLOSSARY:
        label = block.label or heading
        name = list_name(label) if label else None
        return TitledList(block, name, counted=states_count(label, count))
    if block.role is ListRole.ITEMS:
        name = list_name(block.label)
        # Items numbered 1-11 under a heading are not "the eleven techniques": the count is
        # worth a card only where the source makes the number part of the idea.
        return TitledList(block, name, counted=states_count(block.label, count)) if name else None
    if block.role is not ListRole.KEY_POINTS:
        return None
    lead_in = block.title if block.title and block.title != heading else ""
    if lead_in:
        return TitledList(
            block, lead_in_name(lead_in, count), lead_in, counted=states_count(lead_in, count)
        )
    if isinstance(previous, Paragraph):
        name = counted_name(previous.text, count)
        if name and not name.generic:
            return TitledList(block, name, counted=True)
    return None


def item_passages(chapter: Chapter) -> Iterator[tuple[str, str]]:
    """The chapter's paragraphs and the items of the lists it names (a heading's techniques,
    "Follow these twelve steps"), as (text, position) in reading order: the prose whose
    claims are asked beside each item's own card. Key points and questions have extractors
    of their own."""
    titled = {id(t.block) for t in titled_lists(chapter.doc)}
    for block in chapter.doc.blocks:
        if isinstance(block, Paragraph):
            yield block.text, f"paragraph {block.number}"
        elif isinstance(block, NumberedList) and (
            block.role is ListRole.ITEMS
            or (block.role is ListRole.KEY_POINTS and id(block) in titled)
        ):
            for item in block.items:
                yield item.text, block.position(item)


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a list: its number as printed, the answer a card asks for (None when no
    short answer could be made), where it is and the passage it came from."""

    number: int
    answer: str | None
    position: str
    passage: str


def item_cards(
    chapter: Chapter,
    name: ListName | None,
    entries: Sequence[Entry],
    kinds: tuple[Kind, Kind],
    count_position: str,
    count_passage: str | None = None,
    lead_in: str = "",
    ordered: bool = True,
    counted: bool = True,
) -> Iterator[Card]:
    """An overlapping cloze for each entry that has an answer, then the count card. A list
    with no name is opened by its lead-in sentence and has no count card, nor has a list
    whose count the source never states (`counted` False); an unordered one shows its
    neighbours without numbers."""
    kind, count_kind = kinds
    items = [(e.number, e.answer) for e in entries if e.answer]
    if len(items) < 2:
        return
    asked = [e for e in entries if e.answer]
    start = opening(chapter.title, name, lead_in, ordered)
    # A short list is shown whole around its blank: the rest of the set is the cue. In a
    # longer unordered one, neighbours are an accident of writing: each item is asked by
    # its own words under the list's name.
    by_itself = not ordered and len(items) > WHOLE_LIST_ITEMS
    for index, entry in enumerate(asked):
        if by_itself:
            assert entry.answer is not None
            cloze = own_cue_cloze(among(chapter.title, name, lead_in), entry.answer, entry.passage)
        else:
            cloze = overlapping_cloze(start, items, index, ordered)
        if cloze:
            yield chapter.card(kind, "", "", entry.position, entry.passage, cloze=cloze)
    if name is None or name.generic or not counted:
        return
    yield chapter.card(
        count_kind,
        count_question(name, chapter.title),
        count_answer(name, len(entries)),
        count_position,
        count_passage or "\n\n".join(dict.fromkeys(e.passage for e in entries)),
    )


#: Where a list's name stops naming the items and starts to qualify them.
_QUALIFIER = re.compile(r"\s+(?:of|for|in|between|that|which|who|to|on|by|from|under)\s.*$")


def count_answer(name: ListName, count: int) -> str:
    """A count names what it counts, so the answer reads as a fact on its own: "Eleven
    service techniques", "Three basic needs"; a list named as a whole counts its items."""
    if name.whole or name.heading:
        counted = "item" if count == 1 else "items"
    else:
        counted = name.singular if count == 1 else name.plural
    counted = _QUALIFIER.sub("", counted)
    return capitalise(f"{number_words(count)} {counted}")


#: Words an explanation needs to cue its item ("Bluffing is discovered sooner than leaders
#: think").
MIN_CUE_WORDS = 4


def own_cue_cloze(start: str, answer: str, passage: str) -> str | None:
    """An item of an unordered list asked by its own words, after `start` (see
    `phrasing.among`): the item blanked before its explanation ('[Share the work]: an
    officer who does everything alone burns out by midyear.'), or, when it has none, the
    salient phrase of its own sentence blanked ('Attend [officer training] early in the
    term.'). None when neither leaves a cue."""
    from leadership_cards.generate.text import cloze_of, salient_span, sentences

    head = answer.rstrip(" .;:")
    text = " ".join(passage.split())
    named, colon, _ = head.partition(": ")
    if colon and len(named.split()) >= 2:
        head = named  # 'Ask before you give: "Would a thought ... be useful?"'
    if text.lower().startswith(head.lower()):
        rest = text[len(head) :]
        following = sentences(rest.lstrip(" .:;,—–")) if rest.strip(" .") else []
        if following and len(following[0].split()) >= MIN_CUE_WORDS:
            separator = rest[: len(rest) - len(rest.lstrip(" .:;,—–"))]
            return f"{start} {{{{c1::{text[: len(head)]}}}}}{separator}{following[0]}"
    found = sentences(text)
    if not found:
        return None
    sentence = found[0]
    if "{{" in sentence or "}}" in sentence:
        return None
    found_span = salient_span(sentence)
    span = found_span[0] if found_span else _item_phrase(sentence)
    return f"{start} {cloze_of(sentence, span)}" if span else None


#: The list's name before the item stands in for content words its own frame lacks.
_NAMED_FRAME = frozenset(["frame too short for one answer"])


def _item_phrase(sentence: str) -> tuple[int, int] | None:
    """The item's first noun phrase after its opening word (an imperative's object) that
    makes a good blank once the list is named: "Keep a [spare gavel] in the club box"."""
    from leadership_cards.generate import blanks
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    for phrase in [p for p in analysis.phrases if p.kind == "NP"]:
        if phrase.first == 0:
            continue  # the subject, or an imperative's verb the tagger took for a noun
        first = phrase.first
        while first < phrase.last and tokens[first].tag in ("DT", "PDT", "PRP$", "RB", "CC"):
            first += 1
        span = blanks.complete(sentence, analysis.span(first, phrase.last))
        if span and set(blanks.problems(sentence, span)) <= _NAMED_FRAME:
            return span
    return None


#: A meaning longer than this is cut at its first clause in a "which term means" question.
MAX_MEANING_WORDS = 20
_RELATIVE_CLAUSE = re.compile(r",\s+(?=(?:which|who|whose|because|so|while|whereas|as)\b)")
_CLAUSE_BREAK = re.compile(r"\s*[;—–]\s|\s*:\s")


def term_cards(chapter: Chapter, titled: TitledList, kinds: tuple[Kind, Kind]) -> Iterator[Card]:
    """A "Term: meaning" list, asked term by term with its meaning as the cue: 'In “Speech
    Craft Glossary”, which term under “Voice” means “how high or low the voice sounds”?'"""
    kind, count_kind = kinds
    where = chapter_name(chapter.title)
    name = titled.name
    if name is None or name.generic:
        among = "which term"
    elif name.heading or name.whole:
        among = f"which term under “{titled.block.label or titled.block.title}”"
    else:
        among = f"which of the {name.plural}"
    noun = titled.block.item_noun
    # Duties listed alike ("President: presides ...", "Treasurer: manages ..."): a duty whose
    # verb the tagger took for a noun ("schedules speakers ...") reads as its neighbours do.
    doing = [_says_what_it_does(item.meaning) for item in titled.block.items]
    duties = sum(doing) * 3 >= len(doing) * 2
    for item, does in zip(titled.block.items, doing, strict=True):
        meaning = _CLAUSE_BREAK.split(item.meaning, maxsplit=1)[0].strip().rstrip(".,;:")
        if len(meaning.split()) > MAX_MEANING_WORDS:
            # "grouping ideas in threes, because audiences remember ..." -> its first clause
            head = _RELATIVE_CLAUSE.split(meaning, maxsplit=1)[0]
            short = (head, None) if head != meaning else shorten(meaning)
            meaning = short[0] if short else ""
        if not item.term or not meaning or len(meaning.split()) > MAX_MEANING_WORDS:
            continue
        if not _names_a_term(item.term):
            continue  # "Good meetings need three things: ..." is a sentence, not a term
        meaning = meaning[0].lower() + meaning[1:] if meaning[1:2].islower() else meaning
        if does or (duties and _may_be_a_duty(meaning)):
            # "President: presides at meetings" -> "which of the club officers presides ...?"
            front = f"In {where}, {among.replace('which term', 'which one')} {meaning}?"
        else:
            front = f"In {where}, {among} means “{meaning}”?"
        term = item.term.strip("*_ ").rstrip(":")
        yield chapter.card(kind, front, term, titled.block.position(item), item.text)
    items = titled.block.items
    named = name is not None and not name.generic and not name.heading and not name.whole
    if named and titled.counted:
        yield chapter.card(
            count_kind,
            count_question(name, chapter.title),
            count_answer(name, len(items)),
            titled.block.where(f"{plural_noun(noun)} {items[0].number}-{items[-1].number}"),
            "\n".join(item.text for item in items),
        )


_FINITE_TAGS = frozenset(("VBZ", "VBP", "VBD", "MD"))


def _may_be_a_duty(meaning: str) -> bool:
    """True when a meaning opens on a word that can be a verb in the third person
    ("schedules speakers ...", "tracks progress"), however the tagger read it."""
    from leadership_cards.generate.questions import _can_be_verb

    first = meaning.split(" ", 1)[0].lower()
    return first.endswith("s") and not first.endswith("ss") and _can_be_verb(first[:-1])


def _names_a_term(term: str) -> bool:
    """True when the words before a colon name something rather than state something: no
    finite verb among them."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(term.strip("*_ ").rstrip(":") + ".")
    return analysis is None or not any(t.tag in _FINITE_TAGS for t in analysis.tokens)


def _says_what_it_does(meaning: str) -> bool:
    """True when a meaning opens with a verb in the third person ("presides at meetings"):
    it tells what the term does, not what it is."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(meaning)
    if analysis is None or len(analysis.tokens) < 2:
        return False
    first, second = analysis.tokens[0], analysis.tokens[1]
    # "sounds and words such as ..." is a noun phrase the tagger may read as a verb
    return first.tag == "VBZ" and second.tag not in ("CC", ",")


#: An item's answer longer than this is cut at its first clause when it has one.
MAX_ITEM_WORDS = 12


def first_clause(text: str) -> str:
    """A long item's answer up to its colon or its first "because"/"which" clause
    ("Generate at least two real options, because a decision with one option ..."); the
    item itself when it is short or has no such clause."""
    if len(text.split()) <= MAX_ITEM_WORDS:
        return text
    head = text.split(":", 1)[0] if ":" in text else _RELATIVE_CLAUSE.split(text, maxsplit=1)[0]
    return head.rstrip(" ,;") if 2 <= len(head.split()) <= MAX_ITEM_WORDS else text


#: What ends the object of a step's instruction: a contrast, a purpose or a reason.
_OBJECT_END = re.compile(r",\s+(?:not|rather than)\s+|,?\s+(?:so that|so|because|since)\s|[,;:]")
_SIDE_REJECTED = re.compile(r"^,\s+(?:not|rather than)\s+(?P<side>[^,;:]{2,40}?)\s*(?:[,;:.]|$)")
_ASKED_WHOM = re.compile(
    r"^(?P<whom>(?:the|your|each|every)\s+[a-z]+)\s+(?=(?:which|what|whether|how|why|who)\s)"
)
_PARTICLES = frozenset(["down", "up", "out", "off", "back", "over", "through"])
MAX_STEP_WORDS = 12
MAX_DETAIL_WORDS = 25


def step_details(chapter: Chapter, block: NumberedList) -> Iterator[Card]:
    """A step's later instruction, asked in the setting of its step: "1. Contact the speaker
    before the meeting. Ask which project the speech belongs to, ..." -> ("When you contact
    the speaker before the meeting, what should you ask?", "Which project the speech belongs
    to, ..."); "Write down exact words and moments, not general impressions, so that ..." ->
    ("..., what should you write down, rather than general impressions?", "Exact words and
    moments"). The step's own words are asked by its list card; what it says to do next is
    the detail a member carries out."""
    if not block.ordered:
        return
    for item in block.items:
        found = sentences(item.text)
        if len(found) < 2:
            continue
        step = found[0].rstrip(" .!")
        if len(step.split()) > MAX_STEP_WORDS or not _is_instruction(step):
            continue
        for detail in found[1:]:
            asked = _detail_question(detail)
            if asked is None:
                continue
            question, answer = asked
            where = chapter_name(chapter.title)
            front = f"In {where}, when you {step[:1].lower()}{step[1:]}, {question}"
            yield chapter.card(Kind.CLAIM, front, answer, block.position(item), item.text)


def _is_instruction(sentence: str) -> bool:
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence + ".")
    if analysis is None or len(analysis.tokens) < 3:
        return False
    first, second = analysis.tokens[0], analysis.tokens[1]
    from leadership_cards.generate.questions import _can_be_verb

    return _can_be_verb(first.lower) and (
        first.tag == "VB" or second.tag in ("DT", "PRP$", "IN", "RP", "WRB", "WP", "JJ", "NNS")
    )


def _detail_question(sentence: str) -> tuple[str, str] | None:
    """ "Ask which project ..." -> ("what should you ask?", "Which project ..."), when the
    sentence is one instruction whose object is what to recall."""
    sentence = sentence.strip().rstrip(".!")
    if '"' in sentence or "“" in sentence or not _is_instruction(sentence):
        return None
    words = sentence.split(" ")
    verb = words[0].lower()
    at = 1
    if len(words) > 2 and words[1].lower() in _PARTICLES:
        verb, at = f"{verb} {words[1].lower()}", 2
    rest = " ".join(words[at:])
    whom = _ASKED_WHOM.match(rest)
    if whom:
        # "Ask the speaker what they plan to work on": whom to ask is the setting
        verb, rest = f"{verb} {whom.group('whom')}", rest[whom.end() :]
    if rest.split(" ", 1)[0].lower() in ("which", "what", "whether", "how", "why", "who"):
        # "Ask which project ..., what its objectives are, and whether ...": what to ask
        obj, rejected = re.split(r"\s*[;:—–]\s*", rest, maxsplit=1)[0], None
    else:
        end = _OBJECT_END.search(rest)
        obj = rest[: end.start()] if end else rest
        side = _SIDE_REJECTED.match(rest[end.start() :]) if end else None
        rejected = side.group("side") if side else None
    if not 2 <= len(obj.split()) <= MAX_DETAIL_WORDS:
        return None
    contrast = f", rather than {rejected}" if rejected else ""
    return f"what should you {verb}{contrast}?", capitalise(obj)
