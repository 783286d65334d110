"""Key points -> cloze cards on each point's salient phrase (its contrast, comparison, verdict
or main claim), never a random word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, partial

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.alternatives import Alternative, Alternatives, Guard
from leadership_cards.generate.blanks import complete
from leadership_cards.generate.blanks import problems as blank_problems
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.list_cards import own_cue_cloze, titled_lists
from leadership_cards.generate.phrasing import (
    ListName,
    about_the_topic,
    among,
    chapter_name,
    opening,
    overlapping_cloze,
)
from leadership_cards.generate.quality import passes
from leadership_cards.generate.questions import claim_question, clause_question, object_question
from leadership_cards.generate.text import (
    _phrase_before,
    capitalise,
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_citations,
    strip_connectives,
)
from leadership_cards.source import ListRole


def extract(chapter: Chapter) -> Iterator[Card | Alternatives]:
    titled = {id(t.block) for t in titled_lists(chapter.doc)}
    for numbered in chapter.doc.lists:
        if numbered.role is not ListRole.KEY_POINTS or id(numbered) in titled:
            continue  # a list a sentence names is asked item by item (`techniques`)
        points = [
            (item.number, (sentences(item.text) or [item.text])[0]) for item in numbered.items
        ]
        for index, item in enumerate(numbered.items):
            if item.text.endswith(":"):
                continue  # it introduces the items after it; they are what to ask
            position = numbered.position(item)
            alternatives = Alternatives(_alternatives(chapter, item.text, position))
            yield alternatives  # `generate` keeps the first that passes and is no repeat
            chosen = alternatives.first(passes)
            for question, answer in second_claims(item.text, chosen.back if chosen else ""):
                # The point's other claim, beside the one its card asks.
                yield chapter.card(Kind.CLAIM, question, answer, position, item.text)
            if chosen is None:
                # Nothing inside the point to blank ("Clear expectations."): it is asked
                # as an item of the chapter's key points, so every key point yields a card.
                # A numbered list's neighbours are its cue; a bulleted one's are an accident
                # of writing, so the point is asked by its own words.
                if numbered.ordered:
                    cloze = listed_clozes(chapter.title, points, index)
                else:
                    start = among(chapter.title, _KEY_POINTS)
                    cloze = own_cue_cloze(start, points[index][1].rstrip(" ."), item.text)
                if cloze:
                    yield chapter.card(Kind.ENUMERATION, "", "", position, item.text, cloze=cloze)


def _alternatives(chapter: Chapter, text: str, position: str) -> Iterator[Alternative]:
    """The point's cards, best first: its condition asked, a blank inside it, a question on
    its object, then the point framed as one of the chapter's."""
    for question, answer in condition_questions(text, chapter.title):
        yield chapter.card(Kind.KEY_POINT, question, answer, position, text)
    for cloze in candidate_clozes(text):
        yield chapter.card(Kind.KEY_POINT, "", "", position, text, cloze=cloze)
    # Last resort, when no blank leaves enough of the point: a question on its object.
    first = strip_connectives(sentences(text)[0])
    question = object_question(first) or claim_question(first)
    if question and not about_the_topic(question[0], chapter.title):
        # `named_in_place` opens it with the chapter, as it does every question.
        yield chapter.card(Kind.KEY_POINT, question[0], question[1], position, text)
    sequel = sequel_cloze(text)
    if sequel:
        yield chapter.card(Kind.KEY_POINT, "", "", position, text, cloze=sequel)
    # A point with no blank worth asking, about a thing of its own: the thing shown, the
    # point asked.
    topic = topic_question(first, chapter.title)
    if topic:
        yield chapter.card(Kind.KEY_POINT, topic[0], topic[1], position, text)
    # Then the point named as one of the chapter's: its words frame the blank.
    for cloze, framed in framed_clozes(chapter.title, text):
        yield chapter.card(Kind.KEY_POINT, "", "", position, text, cloze=cloze), framed


@lru_cache(maxsize=1024)
def condition_questions(text: str, chapter_title: str) -> tuple[tuple[str, str], ...]:
    """A point whose first claim turns on its condition ("Trust grows when words and actions
    match over time; ..."): the condition is what to recall, so it is asked first ("When
    does trust grow?"), before any blank inside the point. Cached, as `candidate_clozes`."""
    found = sentences(text)
    if not found:
        return ()
    first = strip_citations(strip_connectives(found[0]))
    asked = (
        clause_question(first)
        or instruction_question(first)
        or side_question(first)
        or point_reason(first)
        or action_question(first)
    )
    if not asked or about_the_topic(asked[0], chapter_title):
        return ()
    return (asked,)


#: "Followers are key to all social action and success since they provide ...": a point
#: and its reason, with or without a comma between them.
_SINCE = re.compile(
    r"^(?P<head>[A-Z][^,;:]{3,120}?),?\s+(?:because|since)\s+(?P<why>(?![\d(])[^;:]{3,240}?)"
    r"[.!]?$"
)
#: Where a reason's own condition starts: "... top leaders must have [if they are to ...]".
_REASON_TAIL = re.compile(r"\s+(?:if|unless|when|whenever|so that|in order to)\s.*$")


def point_reason(sentence: str) -> tuple[str, str] | None:
    """A point whose claim comes with its reason, asked why: "Followers are key to all
    social action and success since they provide the strength ... top leaders must have if
    ..." -> ("Why are followers key to all social action and success?", "Because they
    provide the strength, power, capacity, and facts top leaders must have"). The reason is
    what the point teaches; a blank inside the claim asks a word the reason does not cue."""
    from leadership_cards.generate.questions import reason_question

    m = _SINCE.match(sentence.strip())
    if m is None:
        return None
    why = _REASON_TAIL.sub("", m.group("why").rstrip(" .!"))
    return reason_question(f"{m.group('head')}, because {why}.")


#: Words of an action that opens a point ("Repeating the question"), and of what it does.
MAX_ACTION_WORDS = 6
MAX_EFFECT_WORDS = 12


def action_question(sentence: str) -> tuple[str, str] | None:
    """A point whose subject is an action, a gerund with its object, asked for the action:
    what to do is what the point teaches, and what it achieves is the cue ("Repeating the
    question buys time and gives the audience context." -> ("What buys time and gives the
    audience context?", "Repeating the question")). A blank in the predicate would ask a
    word of the effect ("gives the [audience context]")."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence)
    if analysis is None or len(analysis.tokens) < 4:
        return None
    tokens = analysis.tokens
    if not tokens[0].lower.endswith("ing") or tokens[0].tag not in ("VBG", "NN", "NNP"):
        return None
    verb = next((i for i, t in enumerate(tokens) if t.tag in ("VBZ", "MD")), None)
    if verb is None or not 2 <= verb <= MAX_ACTION_WORDS:
        return None
    if any(not t.text[:1].isalnum() for t in tokens[:verb]):
        return None  # "Forming alliances—partnerships—between ...": more than one phrase
    effect = sentence[tokens[verb].start :].strip().rstrip(".!")
    if len(effect.split()) > MAX_EFFECT_WORDS or any(c in effect for c in ";:—("):
        return None
    return f"What {effect}?", sentence[: tokens[verb - 1].end]


#: "Trust is measured by behaviour, not by surveys", "Inner leaders delegate to grow people,
#: not to shed work": a contrast whose two sides open on the same preposition.
_SIDES = re.compile(
    r"^(?P<subject>[A-Z][\w'’ -]{1,50}?)\s+(?:(?P<be>is|are)\s+)?(?P<verb>[a-z]+)\s+"
    r"(?P<prep>to|by|through|in|at)\s+(?P<y>[^,;:]{2,50}?),\s+not\s+(?P=prep)\s+"
    r"(?P<x>[^,;:.]{2,50}?)\s*(?:[.;:!]|$)"
)
_SIDE_QUESTION = {"to": "why", "by": "how", "through": "how", "in": "where", "at": "where"}
_PRONOUNS = frozenset(["it", "they", "this", "that", "these", "those", "he", "she", "we", "you"])


def side_question(sentence: str) -> tuple[str, str] | None:
    """A contrast whose sides open on one preposition, asked for the side the point keeps:
    a blank may not start on "by", so "[behaviour], not by surveys" would leave the side
    half asked. -> ("How is trust measured, if not by surveys?", "By behaviour")."""
    from leadership_cards.generate.questions import _base_form, _can_be_verb

    m = _SIDES.match(sentence)
    if m is None or m.group("subject").split()[0].lower() in _PRONOUNS:
        return None
    subject, verb, prep = _lowered(m.group("subject")), m.group("verb"), m.group("prep")
    ask = _SIDE_QUESTION[prep]
    if m.group("be"):
        question = (
            f"{ask.capitalize()} {m.group('be')} {subject} {verb}, if not {prep} {m.group('x')}?"
        )
    else:
        if not _can_be_verb(_base_form(verb)):
            return None
        singular = verb.endswith("s") and not verb.endswith("ss")
        does, base = ("does", _base_form(verb)) if singular else ("do", verb)
        question = f"{ask.capitalize()} {does} {subject} {base}, if not {prep} {m.group('x')}?"
    return question, capitalise(f"{prep} {m.group('y')}")


#: Subordinators whose clause says when an instruction applies.
_WHEN = frozenset(["before", "after", "until", "once", "when", "whenever"])
#: An instruction in two halves that differ only in where each is done: "Praise in public,
#: correct in private", "Give credit in public and take blame in private".
_PAIRED_PLACES = re.compile(
    r"^(?P<one>[A-Z][a-z]+(?: [a-z]+){0,2}?) (?P<in1>in|at) (?P<a>[a-z]+)(?:,| and|, and) "
    r"(?P<two>[a-z]+(?: [a-z]+){0,2}?) (?P<in2>in|at) (?P<b>[a-z]+)[.!]?$"
)
MAX_INSTRUCTION_WORDS = 8
#: Where something is done, as "in ..." names it ("in people", "in results" are not places).
_PLACES = frozenset(["public", "private", "person", "writing", "front", "secret", "open"])


def instruction_question(sentence: str) -> tuple[str, str] | None:
    """An instruction whose point is when or where it is done, asked for that: "Extend trust
    before it is fully earned, ..." -> ("When should you extend trust?", "Before it is fully
    earned"); "Praise in public, correct in private." -> ("Where should you praise, and where
    correct?", the instruction whole: its two places are one maxim)."""
    from leadership_cards.generate.questions import _can_be_verb
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence)
    if analysis is None or len(analysis.tokens) < 3:
        return None
    tokens = analysis.tokens
    paired = _PAIRED_PLACES.match(sentence.strip())
    if (
        paired
        and {paired.group("a"), paired.group("b")} <= _PLACES
        and paired.group("a") != paired.group("b")
        and _can_be_verb(tokens[0].lower)
    ):
        # "Praise" opens a sentence as often as a noun: its twin half shows it is a verb
        one, two = paired.group("one"), paired.group("two")
        question = f"Where should you {one[:1].lower()}{one[1:]}, and where {two}?"
        return question, sentence.strip().rstrip(".!")
    if tokens[0].tag != "VB":
        return None
    at = next((i for i, t in enumerate(tokens) if t.lower in _WHEN), None)
    if at is None or not 1 < at <= MAX_INSTRUCTION_WORDS:
        # "Ask before you give": a verb with no object of its own asks "when should you
        # ask?", which has as many answers as there are things to ask
        return None
    head = tokens[:at]
    if any(t.tag in (",", ":", "(", ")") or t.text in (";", "—", "–") for t in head):
        return None  # more than one instruction before the clause
    stop = next(
        (j for j in range(at + 1, len(tokens)) if tokens[j].text in (",", ";", ":", "—", "–")),
        len(tokens),
    )
    clause = [t for t in tokens[at + 1 : stop] if t.tag not in (".",)]
    if len(clause) < 2 or not any(t.tag.startswith(("VB", "MD")) for t in clause):
        return None  # "before the meeting": a time, not a clause with its own verb
    end = tokens[stop - 1].end if stop < len(tokens) else len(sentence.rstrip(" .!?"))
    answer = sentence[tokens[at].start : end].rstrip(" .!?")
    verb = sentence[: head[-1].end]
    return f"When should you {verb[:1].lower()}{verb[1:]}?", answer[:1].upper() + answer[1:]


#: Where a point's second claim starts: "X is Y: it is ...", "X; Y", "X, so Y".
_SECOND_CLAIM = re.compile(r"(?<=\w)(?::|;|,\s+so)\s+(?=[a-z])")
_READ_AS = re.compile(
    r"^(?P<subject>(?!(?:it|they|this|that|these|those)\b)[a-z][\w'’ -]{2,40}?)\s+"
    r"(?P<be>is|are)\s+(?P<verb>read|seen|taken|treated|understood|heard)\s+as\s+"
    r"(?P<answer>[^,;:]{3,60})$",
    re.IGNORECASE,
)
_CANNOT_BE = re.compile(
    r"^(?P<subject>(?!(?:it|they|this|that|these|those)\b)[A-Za-z][\w'’ -]{2,40}?)\s+"
    r"(?P<modal>cannot|can never|must never|should never)\s+be\s+(?P<verb>[a-z]+ed)$"
)


def second_claims(text: str, asked: str) -> list[tuple[str, str]]:
    """The claim of a point's first sentence that its card does not ask, when the sentence
    makes two ("Accountability cannot be delegated, so delegation is built on trust"), as a
    question: ("What cannot be delegated?", "Accountability"); "...; withheld information is
    read as withheld trust" -> ("How is withheld information read?", "As withheld trust");
    "Trust is measured by behaviour, not by surveys: watch how
    early bad news reaches you" -> (the first claim, then "what should you watch?", ...)."""
    found = sentences(text)
    if not found:
        return []
    sentence = strip_citations(strip_connectives(found[0])).rstrip(" .!")
    split = _SECOND_CLAIM.search(sentence)
    if split is None:
        return []
    first, second = sentence[: split.start()].strip(), sentence[split.end() :].strip()
    out: list[tuple[str, str]] = []
    for part in (first, second):
        if asked and asked.rstrip(" .").lower() in part.lower():
            continue  # the point's card asks this claim already
        if part is second and asked and asked.rstrip(" .").lower() not in first.lower():
            continue  # the card asked neither side: the point's first claim comes first
        question = _claim_question(part, first if part is second else "")
        if question:
            out.append(question)
            break
    return out


#: Words of the sentences after a point's first that may be shown as its blank's cue.
MAX_SEQUEL_WORDS = 25


def sequel_cloze(text: str) -> str | None:
    """A point whose first sentence names its claim and whose next says more of it ("Inner
    leaders occupy a unique culture, unlike that of their bosses. They foster dissimilar
    goals, use some distinct leadership techniques, ..."): the first sentence's object is
    the blank, and the sentences after it, which the blank alone leaves too few words to
    single out, are its cue."""
    from leadership_cards.generate.text import main_verb_object

    found = sentences(text)
    if len(found) < 2:
        return None
    first = strip_citations(strip_connectives(found[0])).strip()
    rest = " ".join(found[1:]).strip()
    if len(rest.split()) > MAX_SEQUEL_WORDS or "{{" in first + rest:
        return None
    if rest.split(" ", 1)[0] not in ("They", "It", "He", "She"):
        return None  # the next sentence goes on about the same subject, or it is no cue
    span = main_verb_object(first)
    span = span and complete(first, span)
    if not span or set(blank_problems(first, span)) != {"frame too short for one answer"}:
        return None
    return f"{cloze_of(first, span)} {rest}"


#: Bounds of a point asked by its topic: a subject that names a thing of its own, and a
#: predicate short enough to recall whole.
MIN_TOPIC_WORDS = 3
MAX_TOPIC_WORDS = 12
MAX_TOPIC_ANSWER_WORDS = 10


def topic_question(sentence: str, chapter_title: str) -> tuple[str, str] | None:
    """A point asked by its topic when no blank inside it asks anything ("Leaders who work
    in the middle ranges of the corporation use [unique skills]" has many answers): ("What
    does a key point of “...” say about leaders who work in the middle ranges of the
    corporation?", "They use unique skills"). Only a subject of several content words that
    is not the chapter's own topic: "inner leaders" would fit every point of the chapter."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    relative = closed = False
    verb = None
    for i, token in enumerate(tokens):
        if token.tag in ("WP", "WDT") or (i and token.lower == "that"):
            relative = True
        elif token.tag in ("VBZ", "VBP") or (closed and _verb_read_as_noun(tokens, i)):
            if not relative:
                verb = i
                break
            relative, closed = False, True
    if not verb or tokens[0].tag in ("PRP", "EX", "DT", "VB") and tokens[0].lower != "the":
        return None
    if any(not t.text[:1].isalnum() for t in tokens[:verb]):
        return None  # "Share information by default; withheld information is ...": two claims
    subject = sentence[: tokens[verb - 1].end]
    content = [t for t in tokens[:verb] if t.tag.startswith(("NN", "JJ", "VB"))]
    predicate = sentence[tokens[verb].start :].strip().rstrip(".!")
    if not MIN_TOPIC_WORDS <= len(content) <= MAX_TOPIC_WORDS:
        return None
    if len(predicate.split()) > MAX_TOPIC_ANSWER_WORDS or any(c in predicate for c in ",;:—("):
        return None
    if about_the_topic(f"What does {_lowered(subject)} do?", chapter_title):
        return None
    pronoun = "It" if tokens[verb].tag == "VBZ" else "They"
    where = chapter_name(chapter_title)
    return f"What does a key point of {where} say about {_lowered(subject)}?", (
        f"{pronoun} {predicate}"
    )


def _verb_read_as_noun(tokens, i: int) -> bool:
    """ "Leaders who work in ... the corporation [use] unique skills": after a relative
    clause, the tagger often reads the main verb as a noun; a noun that can be a verb and is
    followed by its object is the verb."""
    from leadership_cards.generate.questions import _can_be_verb

    token = tokens[i]
    return (
        token.tag in ("NN", "NNS", "VB")
        and _can_be_verb(token.lower)
        and i + 1 < len(tokens)
        and tokens[i + 1].tag in ("JJ", "DT", "NNS", "PRP$")
    )


def _claim_question(part: str, before: str) -> tuple[str, str] | None:
    """One clause of a point asked as a question; `before` is the clause it follows."""
    from leadership_cards.generate.questions import _can_be_verb

    m = _READ_AS.match(part)
    if m:
        subject = m.group("subject")
        return f"How {m.group('be')} {_lowered(subject)} {m.group('verb')}?", capitalise(
            f"as {m.group('answer')}"
        )
    m = _CANNOT_BE.match(part)
    if m:
        return f"What {m.group('modal')} be {m.group('verb')}?", capitalise(m.group("subject"))
    words = part.split(" ", 1)
    if before and len(words) == 2 and _can_be_verb(words[0].lower()) and _opens_imperative(part):
        # "...: watch how early bad news reaches you" -> "...: what should you watch?"
        return (
            f"{_lowered(before)}: what should you {words[0].lower()}?",
            capitalise(words[1]),
        )
    return None


def _opens_imperative(clause: str) -> bool:
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(capitalise(clause) + ".")
    if analysis is None or len(analysis.tokens) <= 3:
        return False
    first, second = analysis.tokens[0], analysis.tokens[1]
    # A sentence's first word is often tagged a noun; one that a "how", "what" or "the"
    # follows is a verb with its object ("Watch how early bad news reaches you").
    return first.tag == "VB" or second.tag in ("WRB", "WP", "DT", "PRP$")


def _lowered(subject: str) -> str:
    """A subject inside a question: "Withheld information" -> "withheld information"; a name
    ("GROW", "Vice President Education") keeps its capitals."""
    first = subject.split(" ", 1)[0]
    if first.isupper() or sum(w[:1].isupper() for w in subject.split()) > 1:
        return subject
    return subject[:1].lower() + subject[1:]


@lru_cache(maxsize=1024)
def candidate_clozes(text: str) -> tuple[str, ...]:
    """Clozes of the point's sentences, best first: a contrast, comparison or verdict before
    a plain statement, the first sentence before later ones. The generator keeps the first
    that is not already in the deck (a key point often restates the chapter's prose).
    Cached: a point repeated in the chapter (its summary, a nested outline) is parsed once."""
    telling: list[str] = []
    plain: list[str] = []
    found_sentences = sentences(text)
    replaced = _replacing_sentence(found_sentences)
    if replaced:
        telling.append(replaced)
    subject = _subject(found_sentences[0]) if found_sentences else None
    for index, raw in enumerate(found_sentences):
        sentence = strip_citations(strip_connectives(raw))
        if index and subject and _IT.match(sentence):
            # "It also deals with ..." continues the point about its first sentence's subject
            sentence = _IT.sub(subject + " ", sentence, count=1)
        if "{{" in sentence or "}}" in sentence or (index and dangles(sentence)):
            continue
        found = salient_span(sentence)
        if found and found[1] == "statement" and index:
            # A later sentence of a point says something new about a known subject, and
            # new information comes at the end of an English sentence: ask for that.
            found = None
        if found:
            (plain if found[1] == "statement" else telling).append(cloze_of(sentence, found[0]))
            continue
        end = len(sentence.rstrip('.!?"”’ '))
        span = _phrase_before(sentence, end)
        if span:
            plain.append(cloze_of(sentence, span))
    return (*telling, *plain)


#: A first sentence that only says what something is not ("Inner leadership is not always
#: merely a stepping stone to the CEO's chair.").
_DENIES = re.compile(
    r"^[A-Z][^,;:]{2,60}?\s(?:is|are)\s+not\s+(?:always\s+|just\s+|only\s+|merely\s+|simply\s+)*\w"
)


def _replacing_sentence(found: list[str]) -> str | None:
    """A point that denies one thing and then says what is true instead asks for the truth,
    with the denial shown as its cue: "Inner leadership is not always merely a stepping
    stone to the CEO's chair. For many people, the role of inner leader is a [conscious
    choice]." Blanked alone, the second sentence leaves many answers; the first sentence's
    image leaves only its own words."""
    if len(found) < 2:
        return None
    first = strip_citations(strip_connectives(found[0])).strip()
    second = strip_citations(found[1]).strip()
    if not _DENIES.match(first) or dangles(second) or "{{" in first + second:
        return None
    end = len(second.rstrip('.!?"”’ '))
    found_span = salient_span(second)
    span = found_span[0] if found_span else _phrase_before(second, end)
    if span is None:
        return None
    return f"{first} {cloze_of(second, span)}"


_IT = re.compile(r"^It (?!is\b|was\b)")
_SUBJECT = re.compile(
    r"^((?:[A-Z][\w-]*)(?: [\w-]+){0,3}?) "
    r"(?:is|are|has|have|uses?|occupy|occupies|describes?|deals?|can|may|must|learns?)\b"
)


def _subject(sentence: str) -> str | None:
    """The short noun phrase a point's first sentence is about ("Inner leadership has ...")."""
    match = _SUBJECT.match(sentence)
    return match.group(1) if match else None


def framed_clozes(chapter_title: str, text: str) -> Iterator[tuple[str, Guard]]:
    """The point's first sentence after 'A key point of “Chapter”:', with each of its noun
    phrases blanked in turn, the last first (new information ends an English sentence),
    then its subject. A bare noun phrase ("Clear expectations.") is blanked whole. Made one
    by one, as the deck asks for them: it keeps the first that passes. Each comes with its
    guard: whether the point's own words leave room for one answer, judged only for a
    cloze that repeats no card."""
    from leadership_cards.generate.syntax import analyse

    found = sentences(text)
    if not found:
        return
    sentence = strip_citations(strip_connectives(found[0])).rstrip()
    if "{{" in sentence or "}}" in sentence:
        return
    prefix = f"A key point of {chapter_name(chapter_title)}: "
    analysis = analyse(sentence)
    if analysis is None:
        return
    tokens = analysis.tokens
    for phrase in reversed([p for p in analysis.phrases if p.kind == "NP"]):
        first = phrase.first
        # A blank starts on a content word: "the [follow-up]", "also [good followers]".
        while first < phrase.last and tokens[first].tag in _LEADING_TAGS:
            first += 1
        start, end = analysis.span(first, phrase.last)
        if not (sentence[:start].strip() or sentence[end:].strip(" .!?;")):
            continue
        yield prefix + cloze_of(sentence, (start, end)), partial(_framed, sentence, start, end)


def _framed(sentence: str, start: int, end: int) -> bool:
    """The prefix names the chapter; it is no cue to the answer, so the point's own words
    must leave room for one answer ("[...] are key to all social action" does not)."""
    return not _NO_FRAME_MENDS & set(blank_problems(sentence, (start, end)))


#: What naming the chapter in front of a point does not mend.
_NO_FRAME_MENDS = frozenset(["frame too short for one answer", "blank is one item of a list"])
#: Determiners, possessives and adverbs that open a noun phrase but are not what to recall.
_LEADING_TAGS = frozenset(("DT", "PDT", "PRP$", "RB", "RBR", "RBS", "CC"))


def listed_clozes(chapter_title: str, items: list[tuple[int, str]], index: int) -> str:
    """A point with nothing to blank inside it ("Clear expectations."), asked as an item of
    the chapter's key points, between its neighbours."""
    return overlapping_cloze(opening(chapter_title, _KEY_POINTS), items, index)


_KEY_POINTS = ListName("key points", "key point")
