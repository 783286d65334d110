"""Definitions -> "What is X?" cards.

Recognised: "a (simple) definition of X is Y", "X has a dual definition: Y", "For current
purposes, X is Y", "X is/can be defined as Y", "X means Y", "X refers to Y", "By X we mean Y",
"X is called Y" the other way round, and the plainest form, "X is the/a Y" ("Delegation is the
transfer of authority from a leader to a follower"), when X is a short term and Y a noun
phrase that is not a verdict ("the key ...", "the only ..."). A term of one word is asked
with its chapter named, since its meaning here is the chapter's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import STATEMENT_LISTS, Chapter, with_term_before
from leadership_cards.generate.list_cards import TitledList, titled_lists
from leadership_cards.generate.phrasing import ListName, lead_in_name, with_article
from leadership_cards.generate.referents import with_person_named
from leadership_cards.generate.text import (
    NUMBER_WORDS,
    capitalise,
    dangles,
    sentences,
    strip_citations,
    strip_connectives,
    word_count,
)
from leadership_cards.source import Heading, NumberedList, Paragraph

if TYPE_CHECKING:
    from leadership_cards.generate.syntax import Token

_WORD_MEANS = "What does “{}” mean?"
_TERM = r"(?P<term>[A-Za-z][\w'’ -]{1,60}?)"
_PATTERNS = (
    (
        re.compile(
            rf"^(?:a|an|the)\s+(?:[\w-]+,?\s+){{0,3}}?definition of {_TERM} is (?P<def>.+)$",
            re.I,
        ),
        "What is {}?",
    ),
    (
        re.compile(rf"^{_TERM} has a (?P<adj>\w+) definition:\s*(?P<def>.+)$", re.I),
        "What is the {adj} definition of {}?",
    ),
    (
        re.compile(
            rf"^for (?P<purposes>current|present|our) purposes, {_TERM} (?:is|are) (?P<def>.+)$",
            re.I,
        ),
        # The working definition the chapter sets up, beside any plain "X is Y" it gives.
        "What is {}, for {purposes} purposes?",
    ),
    (
        re.compile(rf"^{_TERM} (?:is|are|can be|may be) defined as (?P<def>.+)$", re.I),
        "What is {}?",
    ),
    (
        re.compile(rf"^{_TERM} (?:means|refers to|denotes|signifies) (?P<def>.+)$", re.I),
        "What is {}?",
    ),
    (re.compile(rf"^{_TERM} stands for (?P<def>.+)$"), "What does {} stand for?"),
    (
        re.compile(rf"^{_TERM} (?:happens|occurs|is) (?P<def>when\s.+)$", re.I),
        "What is {}?",
    ),
    (
        # "By host we mean ...": a sentence about the word, so the word is asked, quoted.
        re.compile(
            rf"^by {_TERM},? (?:we|I|they|the author|this chapter) means? (?P<def>.+)$", re.I
        ),
        _WORD_MEANS,
    ),
    (
        # "A position is what someone says they want": a countable term, so a meaning.
        re.compile(r"^(?P<term>(?:a|an)\s[\w'’ -]{1,40}?) is (?P<def>(?:what|why|how)\s.+)$", re.I),
        "What is {}?",
    ),
    (
        re.compile(
            rf"^{_TERM} (?:is|are) (?:(?:only|just|merely|simply)\s+)?(?P<def>(?!(?:(?:the|an?) )?(?:only|most|key|prime|main|best|"
            r"first|second|third|last|same|other|one(?!\s+(?:that|which|who|whose)\b)|chief|central|core|primary|essential|"
            r"single|greatest|real|true|not|no|often|always|never|also|still|just|more|less|"
            r"what|why|how|when|where|who|that|this|there)\b)(?:(?:the|an?) )?[^,;:]+.*)$",
            re.I,
        ),
        "What is {}?",
    ),
)
#: The patterns from here on are the plain "X is Y" forms, which `_plain_definition` checks.
_FIRST_PLAIN = len(_PATTERNS) - 1
#: Words that show a sentence's subject is a reference, not a term: "This is a ...".
_NOT_A_TERM = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "there",
        "here",
        "which",
        "what",
        "who",
        "one",
        "each",
        "all",
        "some",
        "many",
        "most",
        "such",
        "every",
        "no",
        "any",
        "both",
    ]
)
MAX_PLAIN_TERM_WORDS = 4
MAX_DEFINITION_WORDS = 30
MAX_ENTRY_WORDS = 45
# "Accountability, in this chapter, means ...": an aside between the term and its meaning.
_ASIDE = re.compile(
    r",\s+(?:in|for)\s+(?:this|our|the present)\s+(?:chapter|book|section|context|handout|"
    r"course|purpose|sense)s?,|,\s+here,",
    re.I,
)
# "... the duty to answer for a result, and it cannot be delegated": a second claim, not the
# meaning.
_AFTERTHOUGHT = re.compile(
    r"(?:,\s+(?:and|but|so)\s+(?:it|this|they|that)\b|;\s|:\s).*$", re.I
)  # ": goals, methods, priorities": examples, not the meaning
#: ", not a structural," inside a meaning: the sentence contrasts, it does not define.
_CONTRAST = re.compile(r",\s+(?:not|rather than)\s|\s+rather\s+than\s+(?=(?:an?|the)\s)", re.I)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


def extract(chapter: Chapter) -> Iterator[Card]:
    belongs = {
        id(t.block): _belonging(_list_name(t)) for t in titled_lists(chapter.doc) if t.of_terms
    }
    heading = ""
    for block in chapter.doc.blocks:
        if isinstance(block, Heading):
            heading = block.text
        elif isinstance(block, Paragraph):
            yield from _from_text(
                chapter, block.text, f"paragraph {block.number}", block.terms, heading
            )
        elif isinstance(block, NumberedList) and block.role in STATEMENT_LISTS:
            for item in block.items:
                position = block.position(item)
                if item.term and _is_entry_term(item.term):
                    yield from _glossary_entry(
                        chapter,
                        item.term,
                        item.meaning,
                        position,
                        item.text,
                        belongs.get(id(block), ""),
                    )
                else:
                    yield from _from_text(chapter, item.text, position, item.terms)


#: "Term: meaning" written as a sentence of its own, as glossaries are ("Hook: a question ...").
_ENTRY = re.compile(r"^(?P<term>[A-Z][\w'’-]*(?: [\w'’-]+){0,3}):\s+(?P<def>\S.+)$")
#: Labels that open a line the way a term does, but are not terms.
_LABELS = frozenset(
    [
        "note",
        "tip",
        "example",
        "examples",
        "warning",
        "caution",
        "answer",
        "question",
        "step",
        "source",
        "see",
        "also",
        "remember",
        "summary",
        "key",
        "point",
        "points",
        "definition",
    ]
)


def _list_name(titled: TitledList) -> ListName | None:
    """The list's name, or the one its lead-in gives a glossary without a heading of its
    own ("The five conflict modes are:")."""
    if titled.name is None and titled.block.title:
        return lead_in_name(titled.block.title, len(titled.block.items))
    return titled.name


def _belonging(name: ListName | None) -> str:
    """Where a listed term belongs, said after its question: a part of a model ("Situation"
    in the SBI model) or one of a named set ("Competing", one of the conflict modes) means
    what it does there, not in general. "" for a list named only by a bare heading
    ("Structure"), whose items are a glossary's, not a model's."""
    if name is None or name.generic or name.heading:
        return ""
    if name.whole:
        return f" in the {name.singular}" if len(name.singular.split()) > 1 else ""
    return f" as {with_article(name.singular)}"


def _glossary_entry(
    chapter: Chapter, term: str, meaning: str, position: str, passage: str, belongs: str = ""
) -> Iterator[Card]:
    meaning = capitalise(meaning.strip().rstrip("."))
    if not meaning or word_count(meaning) > MAX_ENTRY_WORDS or term.lower() in _LABELS:
        return
    name = term if any(w[:1].isupper() for w in term.split()[1:]) else term[:1].lower() + term[1:]
    # Quoted, a term of any kind reads right: a noun with or without its article, a verb.
    # The chapter is named on the front by `named_in_place`, as for every question.
    front = f"What does “{name}” mean{belongs}?"
    yield chapter.card(Kind.DEFINITION, front, meaning + ".", position, passage)


_THINKING = ("Think of ", "Try to think of ", "It helps to think of ", "It is useful to think of ")
_THINK_OF = re.compile(
    r"^(?:Try to |It helps to |It is useful to )?[Tt]hink of "
    r"(?P<term>(?:an?|the|your)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s+as\s+"
    r"(?P<def>(?:an?|the)\s+[^;:]{3,100}?)\.?$"
)
#: "Here, empathy means ...", "Put simply, a quorum is ...": the meaning is still the term's.
_SCOPE = re.compile(
    r"^(?:Here|Put simply|Simply put|Strictly speaking|Technically|Formally|In plain terms),\s+"
)


def _from_text(
    chapter: Chapter, text: str, position: str, terms: tuple[str, ...] = (), heading: str = ""
) -> Iterator[Card]:
    previous = ""
    for raw, before in with_term_before(sentences(text), terms):
        sentence = _ASIDE.sub("", strip_connectives(strip_citations(raw)))
        sentence = capitalise(_SCOPE.sub("", sentence)) if _SCOPE.match(sentence) else sentence
        made = _MADE_HEART.match(sentence) if " made " in sentence or " make" in sentence else None
        if made:
            yield from _made_heart(chapter, made, _distinction(previous, heading), position, text)
        previous = sentence
        entry = _ENTRY.match(sentence)
        if (
            entry
            and not _plural_sentence(entry.group("term"))
            and _is_entry_term(entry.group("term"))
        ):
            yield from _glossary_entry(
                chapter, entry.group("term"), entry.group("def"), position, text
            )
            continue
        owned = _OWNED.match(sentence) if "s " in sentence else None
        if owned:
            yield from _owned(chapter, owned, position, text)
            continue
        kind_of = _KIND_OF.match(sentence) if " of " in sentence else None
        if kind_of:
            yield from _kind_of(chapter, kind_of, position, text)
            continue
        marked = _marked_definition(sentence, terms)
        if marked:
            yield from _glossary_entry(chapter, marked[0], marked[1], position, text)
            continue
        arc = _ARC.match(sentence) if " as " in sentence and "with " in sentence else None
        if arc:
            yield from _arc(chapter, arc, position, text)
        thought = _THINK_OF.match(sentence) if sentence.startswith(_THINKING) else None
        if thought and _is_noun(_LEADING_DETERMINER.sub("", thought.group("term"))):
            # "Think of an agenda as a contract between ...": the picture the chapter gives
            front = f"What should {thought.group('term')} be thought of as?"
            meaning = capitalise(_without_second_clause(thought.group("def")))
            yield chapter.card(Kind.DEFINITION, front, meaning, position, text)
            continue
        grounds = _GROUNDS.match(sentence) if _GROUND_VERB.search(sentence) else None
        grounded = list(_grounds(chapter, grounds, position, text)) if grounds else []
        if grounded:
            yield from grounded
            continue
        attributed = list(_attributed(chapter, sentence, position, text))
        if attributed:
            yield from attributed
            continue
        for dashed in _DASHED.finditer(sentence) if "—" in sentence or "–" in sentence else ():
            yield from _dashed(chapter, dashed, position, text)
        # "He called such a problem ...": the person named from the passage's citations.
        called = (
            _CALLED_BY.match(with_person_named(sentence, text) or "")
            if " call" in sentence
            else None
        )
        if called:
            yield from _called_by(chapter, called, before, position, text)
        if before:
            referred = list(_referred(chapter, sentence, before, position, text))
            if referred:
                yield from referred
                continue
        yield from _named_in_passing(chapter, sentence, position, text)
        unlike = _UNLIKE.match(sentence) if sentence.startswith("Unlike ") else None
        if unlike:
            # "Unlike a manager, a leader is someone whom people follow by choice": the
            # meaning is set against the other, so the question names it.
            yield from _set_against(
                chapter,
                capitalise(unlike.group("rest")),
                f", unlike {unlike.group('other')}",
                position,
                text,
            )
            continue
        for clause in _clauses(_without_other_names(sentence)):
            yield from _defined(chapter, clause, position, text)


#: "The pause is the speaker's punctuation.": a thing, then what it is to its owner, and
#: nothing after.
_OWNED = re.compile(
    r"^(?P<term>(?:(?:The|An?)\s+)?[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}) (?P<verb>is|are) "
    r"(?P<meaning>the (?P<owner>[a-z][\w-]*)['’]s (?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\.?$"
)


def _owned(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "The pause is the speaker's punctuation" is a metaphor: not what a pause means, but
    what it is to a speaker. "What is the pause to a speaker?" -> "The speaker's
    punctuation." A rank ("the speaker's best tool") is a verdict and makes no such card."""
    from leadership_cards.generate.syntax import analyse, lexicon_tag

    raw_term, owner = m.group("term"), m.group("owner")
    bare = _LEADING_DETERMINER.sub("", raw_term)
    if bare.split()[0].lower() in _NOT_A_TERM or not _is_noun(bare[:1].lower() + bare[1:]):
        return
    if lexicon_tag(owner) != "NN" or owner.lower() in bare.lower():
        return
    analysis = analyse(m.group("meaning"))
    if analysis is None or any(
        t.tag in ("JJS", "RBS", "JJR") or t.lower in _MEASURED_AGAINST for t in analysis.tokens
    ):
        return  # "the listener's other tool": other than one the card does not show
    if not analysis.tokens[-1].tag.startswith("NN"):
        return
    term = raw_term[:1].lower() + raw_term[1:] if not _is_name(raw_term) else raw_term
    front = f"What {m.group('verb')} {term} to {with_article(owner)}?"
    yield chapter.card(Kind.DEFINITION, front, capitalise(m.group("meaning")) + ".", position, text)


#: Words that rank a thing or set it beside another, in a metaphor that is a verdict.
_MEASURED_AGAINST = frozenset(
    ["other", "own", "same", "only", "main", "first", "last", "next", "real", "true", "chief"]
    + ["favourite", "favorite", "prime", "second", "final", "single", "one"]
)


#: "Moving someone up a level is itself a form of recognition": the kind a thing is.
_KIND_OF = re.compile(
    r"^(?P<term>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?) (?P<verb>is|are) "
    r"(?:(?:itself|themselves|really|simply|also|just|essentially)\s+)?"
    r"(?:an?|one) (?P<kind>form|kind|type|sort|variety|version|mode) of "
    r"(?P<genus>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})(?=[,;:.]|$)"
)


def _kind_of(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "Moving someone up a level is itself a form of recognition, and ..." -> "What is
    moving someone up a level a form of?" -> "Recognition": the kind a thing belongs to is
    a fact of its own, whatever the sentence adds after it."""
    term, genus = m.group("term"), m.group("genus")
    if dangles(term) or term.split()[0].lower() in _NOT_A_TERM or _POINTS_BACK.search(genus):
        return
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(genus)
    if analysis is None or not analysis.tokens[-1].tag.startswith("NN"):
        return  # "a form of [giving up]" is asked elsewhere, if at all
    term = term if _is_name(term) else term[:1].lower() + term[1:]
    front = f"What {m.group('verb')} {term} {with_article(m.group('kind'))} of?"
    yield chapter.card(Kind.DEFINITION, front, capitalise(genus) + ".", position, text)


#: "Unlike a manager, a leader is ...": the other side, then the definition.
_UNLIKE = re.compile(
    r"^Unlike (?P<other>(?:(?:the|an?)\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}),\s+(?P<rest>.+)$"
)
#: ", also known as reflective listening,", " (also called the way forward)": another name
#: for the term, set between it and its verb.
_OTHER_NAME = re.compile(
    r",\s+(?:also\s+)?(?:known\s+as|called|or)\s+[^,;:()]{1,40},(?=\s+(?:is|are|means|refers)\b)"
    r"|\s+\((?:also\s+)?(?:known\s+as|called)\s+[^()]{1,40}\)"
)


def _without_other_names(sentence: str) -> str:
    """ "Active listening, also known as reflective listening, is ..." -> "Active listening
    is ...": the other name is asked by its own cloze (see `_named_in_passing`)."""
    return (
        _OTHER_NAME.sub("", sentence)
        if "known" in sentence or "called" in sentence or ", or " in sentence
        else sentence
    )


def _set_against(
    chapter: Chapter, sentence: str, against: str, position: str, text: str
) -> Iterator[Card]:
    for card in _defined(chapter, sentence, position, text):
        if card.cloze is None and card.front.startswith("What ") and card.front.endswith("?"):
            yield chapter.card(
                card.kind, card.front[:-1] + against + "?", card.back, position, text
            )


def _attributed(chapter: Chapter, sentence: str, position: str, text: str) -> Iterator[Card]:
    """A meaning given as someone's ("According to Kotter, urgency is ...", "Edmondson
    defines X as ...") or as a word's ("The term groupthink describes ...")."""
    according = _ACCORDING_TO.match(sentence) if sentence.startswith("According") else None
    if according:
        yield from _according_to(chapter, according, position, text)
        return
    in_account = _IN_ACCOUNT.match(sentence) if "’s " in sentence or "'s " in sentence else None
    if in_account:
        # "Empathy, in Greenleaf's account, is the acceptance of the person ...": as
        # "According to Greenleaf, empathy is ...".
        head, body = in_account.group("head"), in_account.group("body")
        rest = f"{head[:1].lower()}{head[1:]} {body}" if head else body
        said = _ACCORDING_TO.match(f"According to {in_account.group('who')}, {rest}")
        if said:
            yield from _according_to(chapter, said, position, text)
            return
    what_called = _WHAT_CALLED.match(sentence) if sentence.startswith("What ") else None
    if what_called:
        term = what_called.group("term")
        if _LEADING_DETERMINER.match(term):
            # "What Greenleaf called the servant-leader": a kind, asked as "a servant-leader"
            term = with_article(_LEADING_DETERMINER.sub("", term))
        yield from _set_against(
            chapter,
            f"{capitalise(term)} is {what_called.group('def')}",
            f", as {what_called.group('who')} called it",
            position,
            text,
        )
        return
    which_means = (
        _WHICH_MEANS.match(sentence)
        if "which means" in sentence or "which refers" in sentence
        else None
    )
    if which_means:
        meaning = _meaning(which_means.group("def"))
        term = which_means.group("term")
        term = term if _is_name(term) else term[:1].lower() + term[1:]
        if meaning and _is_noun(term) and term.split()[0] not in _NOT_A_TERM:
            yield chapter.card(Kind.DEFINITION, f"What is {term}?", meaning, position, text)
        return
    used = (
        _USE_THE_WORD.search(sentence) if "the word" in sentence or "the term" in sentence else None
    )
    if used:
        meaning = _meaning(used.group("def"))
        if meaning and not _POINTS_BACK.search(meaning):
            front = _WORD_MEANS.format(used.group("term"))
            yield chapter.card(Kind.DEFINITION, front, meaning, position, text)
        return
    viewed = _DEFINES_AS.match(sentence) if " as " in sentence else None
    if viewed:
        yield from _defines_as(chapter, viewed, position, text)
        return
    word = _THE_TERM.match(sentence) if sentence.startswith("The ") else None
    if word:
        meaning = _meaning(_without_second_clause(word.group("def")))
        if meaning and _is_noun(word.group("term")):
            front = _WORD_MEANS.format(word.group("term"))
            yield chapter.card(Kind.DEFINITION, front, meaning, position, text)


def _without_second_clause(meaning: str) -> str:
    """ "building awareness ..., and advice, however good, builds neither" -> "building
    awareness ...": a clause joined after a comma, with its own verb, is a second claim."""
    from leadership_cards.generate.syntax import analyse

    for m in _JOINED.finditer(meaning):
        analysis = analyse(meaning[m.end() :])
        if analysis and any(t.tag in ("VBZ", "VBP", "VBD", "MD") for t in analysis.tokens):
            return meaning[: m.start()]
    return meaning


#: An author or two: "Kotter", "Oncken and Wass".
_AUTHOR = r"[A-Z][a-z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][a-z][\w'’-]+){0,3}"
#: "What Janis called groupthink is the habit of ...".
_WHAT_CALLED = re.compile(
    rf"^What (?P<who>{_AUTHOR}) "
    r"(?:called|calls|termed|terms|named) "
    r"(?P<term>(?:(?:the|an?) )?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}) "
    r"(?:is|was) (?P<def>.+)$"
)
#: "Feedforward, which means suggestions for the future ..., lowers defensiveness".
_WHICH_MEANS = re.compile(
    r"^(?P<term>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}),\s+which\s+(?:means|refers\s+to)\s+"
    r"(?P<def>[^,;:]{3,160}),\s"
)
#: "Psychologists use the word flow for the state of being fully absorbed in a task".
_USE_THE_WORD = re.compile(
    r"\b(?:use|uses|used)\s+the\s+(?:word|term|name|label)\s+[“\"]?"
    r"(?P<term>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)[”\"]?\s+for\s+(?P<def>.+)$"
)
_JOINED = re.compile(r",\s+(?:and|but|so|while|yet)\s+")
#: "According to Kotter, urgency is ...": a definition and whose it is.
_ACCORDING_TO = re.compile(
    rf"^According to (?P<who>{_AUTHOR})(?:\s+\(\d{{4}}\))?,\s+(?P<rest>[a-z].+)$"
)


#: "Bridges saw transition as starting with an ending, passing through ..., and only then
#: arriving at a new beginning": a model's first and last stages, and whose model it is.
_ARC = re.compile(
    rf"^(?P<who>{_AUTHOR})(?:\s+\(\d{{4}}\))?\s+(?:saw|sees|described|describes|pictured|"
    r"pictures|viewed|views|framed|frames|portrayed|portrays|thought of|thinks of)\s+"
    r"(?P<term>(?:(?:the|an?)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)\s+as\s+"
    r"(?P<opens>starting|beginning|opening)\s+with\s+(?P<start>[^,;]+?)"
    r"(?:,\s+[^;]*?)?,?\s+(?:and\s+)?(?:(?:only\s+)?then\s+|finally\s+|eventually\s+)?"
    r"(?P<closes>arriving\s+at|ending\s+(?:with|in)|finishing\s+with|concluding\s+with|"
    r"closing\s+with|reaching)\s+(?P<end>[^,;]+?)\.?$"
)
_ARC_VERBS = {
    "starting": "start with",
    "beginning": "begin with",
    "opening": "open with",
    "arriving at": "arrive at",
    "ending with": "end with",
    "ending in": "end in",
    "finishing with": "finish with",
    "concluding with": "conclude with",
    "closing with": "close with",
    "reaching": "reach",
}


def _arc(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "Bridges saw transition as starting with an ending, ..., and arriving at a new
    beginning" -> "What does transition start with, according to Bridges?" and "... arrive
    at ...?": each end of the model asked on its own, with whose model it is."""
    term = m.group("term")
    if term.split()[0] in _NOT_A_TERM or not _is_noun(_LEADING_DETERMINER.sub("", term)):
        return  # "saw it as starting with ...": the card would not say what "it" is
    for verb, answer in ((m.group("opens"), m.group("start")), (m.group("closes"), m.group("end"))):
        if _POINTS_BACK.search(answer) or word_count(answer) > 8:
            continue
        ask = _ARC_VERBS[" ".join(verb.split())]
        front = f"What does {term} {ask}, according to {m.group('who')}?"
        yield chapter.card(Kind.DEFINITION, front, capitalise(answer), position, text)


#: "Fisher and Ury made this distinction the heart of principled negotiation": what
#: "this distinction" is comes from the sentence before or the section's heading.
_MADE_HEART = re.compile(
    rf"^(?P<who>{_AUTHOR})(?:\s+\(\d{{4}}\))?\s+(?P<verb>made|makes|make)\s+"
    r"(?:this|that|the|their)\s+(?:distinction|difference|contrast)\s+"
    r"(?P<role>the\s+(?:heart|core|centre|center|basis|foundation|cornerstone|starting point))\s+"
    r"of\s+(?P<what>[^,;]+?)\.?$"
)
#: A heading that names a contrast: "Interests, not positions", "Task versus relationship".
_CONTRAST_HEADING = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3},?\s+(?:not|versus|vs\.?|over|rather than)\s+"
    r"[\w'’-]+(?:\s+[\w'’-]+){0,3}$"
)
#: "A position is what someone says they want; an interest is why they want it.": two terms
#: set side by side, the distinction a following "this distinction" means.
_TWO_TERMS = re.compile(
    r"^(?:(?:An?|The)\s+)?(?P<first>[A-Za-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)\s+(?:is|are|means)\s+"
    r"[^;]+[;,]\s+(?:but\s+|while\s+|and\s+)?(?:(?:an?|the)\s+)?"
    r"(?P<second>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)\s+(?:is|are|means)\s+"
)


def _distinction(previous: str, heading: str) -> str:
    """What a "this distinction" names: the section's heading when it names a contrast
    ("Interests, not positions"), else the two terms the sentence before sets side by side
    ("the distinction between a position and an interest"); "" when neither does."""
    if _CONTRAST_HEADING.match(heading):
        return heading
    m = _TWO_TERMS.match(previous)
    if not m or m.group("first").split()[0].lower() in _NOT_A_TERM:
        return ""
    first, second = m.group("first"), m.group("second")
    return f"The distinction between {with_article(first.lower())} and {with_article(second)}"


def _made_heart(
    chapter: Chapter, m: re.Match[str], distinction: str, position: str, text: str
) -> Iterator[Card]:
    """ "Fisher and Ury made this distinction the heart of principled negotiation" -> "What
    did Fisher and Ury make the heart of principled negotiation?", the distinction named."""
    if not distinction:
        return
    did = "did" if m.group("verb") == "made" else "does" if m.group("verb") == "makes" else "do"
    front = f"What {did} {m.group('who')} make {m.group('role')} of {m.group('what')}?"
    yield chapter.card(Kind.DEFINITION, front, distinction, position, text)


#: "Motivation is based primarily on tangible rewards", "Trust is built on consistency":
#: what a thing rests on, a part of what it is.
_GROUNDS = re.compile(
    r"^(?P<term>(?:(?:The|A|An)\s+)?[A-Za-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s+"
    r"(?P<be>is|are)\s+(?:(?:primarily|mainly|largely|chiefly|ultimately|always|usually)\s+)?"
    r"(?P<verb>based|built|founded|grounded|rooted)\s+"
    r"(?:(?:primarily|mainly|largely|chiefly|firmly)\s+)?(?P<prep>on|upon|in)\s+"
    r"(?P<what>[^;:]+?)(?:;\s.*)?\.?$"
)
_GROUND_VERB = re.compile(
    r"\b(?:based|built|founded|grounded|rooted)\s+(?:\w+\s+)?(?:on|upon|in)\b"
)
_SO_CALLED = re.compile(r"^so-called\s+", re.I)
#: The most words the ground of a thing may take to be one answer.
MAX_GROUND_WORDS = 14


def _grounds(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "So-called motivation is based primarily on tangible, physical, or economic rewards"
    -> "What is motivation based on?"; a thing pointed back to ("It is based in ...") or a
    ground that runs on into a clause of its own is no card."""
    term = _SO_CALLED.sub("", m.group("term"))  # the writer's doubt about the name
    lowered = term if _is_name(term) else term[:1].lower() + term[1:]
    bare = _LEADING_DETERMINER.sub("", lowered)
    if bare.split()[0].lower() in _NOT_A_TERM or not _is_noun(bare):
        return
    ground = _without_second_clause(m.group("what"))
    if (
        _POINTS_BACK.search(ground)
        or word_count(ground) > MAX_GROUND_WORDS
        or word_count(ground) < 2
        or _JOINED.search(ground)
    ):
        return
    front = f"What {m.group('be')} {lowered} {m.group('verb')} {m.group('prep')}?"
    # A claim about the thing, not its meaning: the quality rules for a meaning's
    # question ("What is X?") do not apply.
    yield chapter.card(Kind.CLAIM, front, capitalise(ground), position, text)


#: "Empathy, in Greenleaf's account, is ...", "In Greenleaf's words, empathy is ...".
_IN_ACCOUNT = re.compile(
    r"^(?:(?P<head>[A-Z][\w'’ -]{1,40}),\s+in|In)\s+(?P<who>[A-Z][a-z][\w-]+(?:\s+"
    r"(?:and\s+)?[A-Z][a-z][\w-]+){0,3})['’]s\s+(?:words|view|account|terms|definition),\s+"
    r"(?P<body>[a-z].+)$"
)


def _according_to(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "According to Kotter, urgency is the belief that ..." -> "What is urgency, according
    to Kotter?": the meaning is the author's, so the question says whose."""
    rest = capitalise(m.group("rest"))
    for card in _defined(chapter, rest, position, text):
        if card.cloze is None and card.front.endswith("?"):
            front = f"{card.front[:-1]}, according to {m.group('who')}?"
            yield chapter.card(card.kind, front, card.back, position, text)


#: "Edmondson defines psychological safety as a shared belief that ...", "Gardner sees
#: leadership as a relationship ...".
_DEFINES_AS = re.compile(
    rf"^(?P<who>{_AUTHOR})(?:\s+\(\d{{4}}\))?\s+(?P<verb>defines|defined|describes|described|"
    r"characterises|characterizes|characterised|characterized|sees|saw|views|viewed)\s+"
    r"(?P<term>(?:(?:the|an?)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)\s+as\s+(?P<def>.+)$"
)


def _defines_as(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "Edmondson defines psychological safety as a shared belief that ..." -> "How does
    Edmondson define psychological safety?": a meaning, and whose."""
    term = m.group("term")
    if term.split()[0] in _NOT_A_TERM or not _is_noun(_LEADING_DETERMINER.sub("", term)):
        return  # "described it as ...": `_referred` names "it" from the sentence before
    meaning = _meaning(_without_second_clause(m.group("def")))
    if not meaning or not _is_description(meaning[:1].lower() + meaning[1:]):
        return
    lowered = meaning[:1].lower() + meaning[1:]
    if not (_may_define(lowered) or lowered.split()[0].endswith("ing")):
        return  # "described the meeting as long and dull": a verdict, not a meaning
    if _ARC.match(m.string):
        return  # "saw transition as starting with ...": `_arc` asks each end on its own
    verb = m.group("verb")
    if verb in _SEEING and not _cited(m.group("who"), text):
        return  # "Everyone sees conflict as a threat": a view, but nobody's in particular
    does = "did" if verb.endswith("ed") or verb == "saw" else "does"
    base = _BASE_VERBS[verb.rstrip("sd").removesuffix("e")]
    front = f"How {does} {m.group('who')} {base} {term}?"
    yield chapter.card(Kind.DEFINITION, front, meaning, position, text)


_SEEING = frozenset(["sees", "saw", "views", "viewed"])


def _cited(who: str, passage: str) -> bool:
    """True when the passage cites `who` by surname and year ("Gardner (1990)", "(Bridges,
    1991)"): the sure sign the subject is a person whose view the chapter reports."""
    surname = re.escape(who.split()[-1])
    return bool(re.search(rf"\b{surname}(?:\s+\(|,\s*|\s+and\s+[A-Z][\w'’-]+,\s*)\d{{4}}", passage))


_BASE_VERBS = {
    "defin": "define",
    "describ": "describe",
    "characteris": "characterise",
    "characteriz": "characterize",
    "se": "see",
    "saw": "see",
    "view": "view",
}
#: "The term groupthink describes the habit of ...": a sentence about a word.
_THE_TERM = re.compile(
    r"^The (?:term|word|phrase|label) [“\"]?(?P<term>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})[”\"]?"
    r",? (?:describes|means|refers to|names|denotes|covers) (?P<def>.+)$"
)
#: "Psychological safety—the belief that one will not be punished—matters": a term and, set
#: off by dashes, what it is.
_DASHED = re.compile(
    r"(?:^|(?<=\s))(?P<term>[A-Za-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})\s*[—–]\s*"
    r"(?P<def>(?:the|an?)\s+[^—–]{3,120}?)(?:\s*[—–]|\.$)"
)
#: "compete ... for dominance—the capacity ...": the term is what follows the preposition.
_AFTER_PREPOSITION = re.compile(r"^.*\b(?:for|of|with|to|in|on|about|by|from|at|into)\s+")


def _dashed(chapter: Chapter, m: re.Match[str], position: str, text: str) -> Iterator[Card]:
    """ "Psychological safety—the belief that one will not be punished—matters": "What is
    psychological safety?" A subject with "the" ("The meeting—a long one—") is a thing met
    before, not a term, and a gloss must name a thing of its own ("a long one" does not)."""
    term = _AFTER_PREPOSITION.sub("", m.group("term"))
    if term.split()[0].lower() in ("the", "this", "that", "these", "those", "its", "their"):
        return
    lowered = term[:1].lower() + term[1:] if not _is_name(term) else term
    bare = _LEADING_DETERMINER.sub("", lowered)
    if bare.split()[0] in _NOT_A_TERM or not _is_noun(bare):
        return
    meaning = _meaning(m.group("def"))
    if word_count(meaning) < MIN_GLOSS_WORDS or _ONE.search(meaning):
        return
    if not _is_description(meaning[:1].lower() + meaning[1:]):
        return
    verb = "are" if _plural_term(lowered) else "is"
    yield chapter.card(Kind.DEFINITION, f"What {verb} {lowered}?", meaning, position, text)
    yield from _named_from_meaning(chapter, lowered, meaning.rstrip("."), False, position, text)


#: A gloss this short ("a long one") says too little to be a meaning.
MIN_GLOSS_WORDS = 4
#: "a long one", "the other ones": a noun that stands for one named before.
_ONE = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+)?ones?\b")


#: "Oncken and Wass called such a problem a monkey that jumps ...": who gave what a name.
_CALLED_BY = re.compile(
    rf"^(?!(?:What|Which|Who|How|Why|When|Where)\b)(?P<who>{_AUTHOR}) "
    r"(?:called|termed|dubbed|named|labelled|labeled) "
    r"(?P<what>(?:such\s+an?|this|these|that|those|the|an?|their|his|her)\s+"
    r"(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s+"
    r"(?P<name>(?:an?|the)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?|[“\"][^”\"]{2,40}[”\"]"
    r"|[a-z][\w'’-]*(?=[.;]|$))"
    r"(?=[,;:.(]|\s+(?:that|which|who|because|for|since)\b|$)"
)
#: Nouns that judge rather than name: "called the meeting a success".
_VERDICTS = frozenset(
    ["success", "failure", "mistake", "disaster", "triumph", "waste", "mess", "win", "loss"]
    + ["joke", "farce", "error", "shame", "pity", "gift", "blessing", "curse", "problem"]
)
#: Determiners by which the thing named points to the sentence before: "such a problem".
_POINTING = re.compile(r"^(?:such\s+an?|this|these|that|those)\s+", re.I)


def _called_by(
    chapter: Chapter, m: re.Match[str], before: str, position: str, text: str
) -> Iterator[Card]:
    """ "Oncken and Wass called such a problem a monkey that jumps ..." -> "What did Oncken
    and Wass call the problem in reverse delegation?" -> "A monkey": a name and who gave it.
    A thing that points back ("such a problem") is named by the term the sentence before
    was about ("Reverse delegation happens when ..."), or the sentence makes no card."""
    from leadership_cards.generate.syntax import analyse

    what = m.group("what")
    pointing = _POINTING.match(what)
    if pointing:
        if not before or not _is_noun(what[pointing.end() :]):
            return
        what = f"the {what[pointing.end() :]} in {_as_term(before)}"
    elif what.split()[0].lower() in ("their", "his", "her"):
        return  # "called her approach ...": whose, the card cannot say
    analysis = analyse(m.group("name"))
    tokens = analysis.tokens if analysis else ()
    if not tokens or not tokens[-1].tag.startswith(("NN", "VBG")) or tokens[-1].lower in _VERDICTS:
        return  # "called the plan good", "called the meeting a success": a verdict, not a name
    front = f"What did {m.group('who')} call {what}?"
    yield chapter.card(Kind.DEFINITION, front, capitalise(m.group("name")) + ".", position, text)


def _is_name(term: str) -> bool:
    """ "SBI", "Table Topics": a term that keeps its capitals inside a question."""
    words = term.split()
    return sum(c.isupper() for c in words[0]) > 1 or any(w[:1].isupper() for w in words[1:])


def _referred(
    chapter: Chapter, sentence: str, before: str, position: str, text: str
) -> Iterator[Card]:
    """A definition that names its term in the sentence before: "Urgency is not panic. It
    means that enough people believe ...", "Groupthink is ... Janis described it as the
    habit of ...", "**Specific praise** is ... It is the cheapest development tool ..."."""
    term = _as_term(before)
    m = _IT_MEANS.match(sentence)
    if m:
        meaning = _meaning(m.group("def"))
        if meaning:
            yield chapter.card(Kind.DEFINITION, f"What does {term} mean?", meaning, position, text)
        return
    m = _DESCRIBED_IT.match(sentence)
    if m:
        meaning = _meaning(m.group("def"))
        if meaning:
            front = f"What is {term}, as {m.group('who')} described it?"
            yield chapter.card(Kind.DEFINITION, front, meaning, position, text)
        return
    m = _IT_IS_THE.match(sentence)
    if m and word_count(m.group("what")) <= MAX_RECOGNISED_WORDS:
        front = f"What is {m.group('what').rstrip('.')}?"
        yield chapter.card(Kind.DEFINITION, front, capitalise(term), position, text)


def _meaning(text: str) -> str:
    """A meaning as a card's answer: its first fact, or "" when too long to recall."""
    meaning = capitalise(_AFTERTHOUGHT.sub("", text.strip()).rstrip("."))
    return meaning + "." if 0 < word_count(meaning) <= MAX_DEFINITION_WORDS else ""


def _as_term(raw: str) -> str:
    """A term as it reads inside a question: "Urgency" -> "urgency"; a name ("Vice President
    Education") or an acronym ("SBI") keeps its capitals."""
    words = raw.split()
    if sum(c.isupper() for c in words[0]) > 1 or any(w[:1].isupper() for w in words[1:]):
        return raw
    return raw[:1].lower() + raw[1:]


_NAME = r"[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+)*"
_IT_MEANS = re.compile(r"^It (?:means|refers to) (?:that )?(?P<def>.+)$")
_DESCRIBED_IT = re.compile(
    rf"^(?P<who>{_NAME}) (?:described|defined|saw|characterised|characterized) "
    r"(?:it|this) as (?P<def>.+)$"
)
_IT_IS_THE = re.compile(
    r"^It is (?P<what>the (?:\w+est|most \w+|least \w+|only \w+|best|worst)\b.+)$"
)


def _named_in_passing(chapter: Chapter, sentence: str, position: str, text: str) -> Iterator[Card]:
    """A name the sentence gives in passing: "a confusing middle he called [the neutral
    zone]", "will, sometimes called [the way forward]," (a cloze of the name), and "SBI,
    which stands for situation, behaviour, impact" (asked what it stands for)."""
    m = _STANDS_FOR.search(sentence) if "which stands for" in sentence else None
    if m:
        meaning = capitalise(m.group("def").strip())
        front = f"What does {m.group('term')} stand for?"
        yield chapter.card(Kind.DEFINITION, front, meaning + ".", position, text)
    if word_count(sentence) > MAX_NAMING_SENTENCE_WORDS:
        return
    # The cheap textual refusals first: each pattern below needs the words tested before it.
    described = _COMMA_PHRASE.search(sentence) is not None
    for m in _APPOSITIVE.finditer(sentence) if described else ():
        term = m.group("term")
        if term.split()[0] in _NOT_A_TERM or not _is_noun(term):
            continue
        if not _is_description(m.group("def")):
            continue
        meaning = capitalise(m.group("def")) + "."
        verb = "are" if _plural_term(term) else "is"
        yield chapter.card(Kind.DEFINITION, f"What {verb} {term}?", meaning, position, text)
        yield from _named_from_meaning(chapter, term, m.group("def"), False, position, text)
    m = _OPENING_APPOSITIVE.match(sentence) if described or ", or " in sentence else None
    if m and (m.group("article") or _common_word(chapter, m.group("term"))):
        # "Followership, the willingness to follow the lead of others, is half of leadership",
        # "A quorum, or the smallest number of members who can decide, must be present"
        bare = m.group("term").lower()
        term = with_article(bare) if m.group("article") else bare
        if _is_noun(bare) and _is_description(m.group("def")):
            meaning = capitalise(m.group("def")) + "."
            verb = "are" if _plural_term(term) else "is"
            yield chapter.card(Kind.DEFINITION, f"What {verb} {term}?", meaning, position, text)
    m = _IS_CALLED.match(sentence) if "called" in sentence else None
    if m and _is_noun(_LEADING_DETERMINER.sub("", m.group("term"))):
        front = f"What is {m.group('how') or ''}called {m.group('name')}?"
        yield chapter.card(Kind.DEFINITION, front, capitalise(m.group("term")), position, text)
        return
    m = _NAMED_AFTER.search(sentence) if described else None
    if m and _is_noun(_LEADING_DETERMINER.sub("", m.group("term"))):
        front = f"What is {m.group('def')} called?"
        yield chapter.card(Kind.DEFINITION, front, capitalise(m.group("term")), position, text)
    named = with_person_named(sentence, text) if _MAY_CALL.search(sentence) else None
    for m in _CALLED.finditer(named) if named else ():
        name = m.group("name")
        if name.split()[0].lower() in _NOT_A_NAME or dangles(named):
            continue
        start, end = m.span("name")
        cloze = f"{named[:start]}{{{{c1::{name}}}}}{named[end:]}"
        yield chapter.card(Kind.DEFINITION, "", "", position, text, cloze=cloze)
        return


MAX_NAMING_SENTENCE_WORDS = 40
#: "Followership, the willingness to follow the lead of others, is ...": the term opens the
#: sentence, its meaning set between commas before the verb.
_OPENING_APPOSITIVE = re.compile(
    r"^(?P<article>(?:A|An|The)\s+)?(?P<term>[A-Za-z][a-z][\w-]*(?:\s[a-z][\w-]*){0,2}),\s+"
    r"(?(article)or\s+|(?:or\s+)?)"
    r"(?P<def>(?:the|an?)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*\s+"
    r"(?:of|that|in|to|at|for|about|between)\s+[^,;:()]+?),\s+"
    r"(?:is|are|was|were|has|have|can|may|must|will|[a-z]+s)\b"
)


def _common_word(chapter: Chapter, term: str) -> bool:
    """True when the chapter also writes the term in lower case ("followership"): a word,
    not a person's name ("John, the leader of the team, said ...")."""
    pattern = re.compile(rf"(?<![.!?]\s)\b{re.escape(term.lower())}\b")
    return any(pattern.search(text) for text, _ in chapter.passages())


#: What `_APPOSITIVE` and `_NAMED_AFTER` both need: a comma, then "the", "a", "an" or "how".
_COMMA_PHRASE = re.compile(r",\s+(?:the|an?|how)\s")
#: What `_CALLED` needs: one of its naming verbs.
_MAY_CALL = re.compile(r"call|termed|dubbed|known as")
#: "The first is autonomy, the sense of choosing one's own actions ...", "two dimensions:
#: assertiveness, how far you pursue your own concerns, and ...": a term, then what it is.
_APPOSITIVE = re.compile(
    r"(?:\b(?:is|are|with|to|of)\s+|:\s+|,\s+and\s+)"
    r"(?P<term>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}),\s+"
    r"(?P<def>(?:(?:the|an?)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*\s+"
    r"(?:of|that|in|to|at|for|about|between)|how\s+(?:far|much|often|well))\s+[^,;:()]+?)"
    r"(?=[,;:.]|$)"
)
#: "The Vice President Education is often called the busiest officer, because ...": asked for
#: what goes by that name.
_IS_CALLED = re.compile(
    r"^(?P<term>(?:The\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:is|are)\s+"
    r"(?P<how>(?:often|sometimes|also|usually|commonly|rightly)\s+)?called\s+"
    r"(?P<name>the\s+[\w'’ -]+?)(?=[,;:.]|\s+because\b|$)"
)
#: "led by an elected team of officers, the club executive committee.": a description, then
#: the name it goes by, closing the sentence.
_NAMED_AFTER = re.compile(
    r"\b(?P<def>an?\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s+of\s+[a-z][\w'’ -]+?),\s+"
    r"(?P<term>the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){1,3})\.?$"
)
_STANDS_FOR = re.compile(
    r"\b(?P<term>[A-Z]{2,6}),? which stands for (?P<def>[^:;.()]+?)\s*(?:[:;.(]|$)"
)
#: "a confusing middle he called the neutral zone,": the name ends where the phrase does.
_CALLED = re.compile(
    r"\b(?:[a-z]+|[A-Z][a-z]+) (?:called|termed|dubbed|calls|call|known as) "
    r"(?P<name>(?:(?:the|a|an) )?(?:[A-Z]{2,6}|[a-z][\w-]*(?: [a-z][\w-]*){0,2}))"
    r"(?=[,.;:)]|$)"
)
#: Words after "called" that make a phrasal verb or point elsewhere: "calls on speakers".
_NOT_A_NAME = frozenset(
    ["on", "for", "upon", "out", "up", "off", "in", "back", "to", "it", "them", "him", "her"]
    + ["this", "that", "these", "those", "attention", "order"]
)


def _clauses(sentence: str) -> list[str]:
    """The sentence, or its clauses when a semicolon or a colon joins two statements: "A
    position is what someone says they want; an interest is why they want it", "The last
    four words carry the weight: feedback is an offer, not an order"."""
    it_is = _AND_IT_IS.search(sentence)
    if it_is:
        # "Buying time is allowed, and it is a technique rather than a weakness": "it" is the
        # subject of the first clause.
        subject = _SUBJECT.match(sentence)
        if subject:
            return [sentence, f"{subject.group('term')} {it_is.group('rest')}"]
    parts = [p.strip() for p in _CLAUSE_BREAK.split(sentence)]
    if len(parts) == 1 or not all(_COPULA_OR_MEANS.search(p) for p in parts[1:]):
        return [sentence]
    return [capitalise(p.rstrip(".")) + "." for p in parts if p]


_CLAUSE_BREAK = re.compile(r";\s+|:\s+(?=[a-z])|,\s+because\s+")
_AND_IT_IS = re.compile(r",\s+and\s+it\s+(?P<rest>(?:is|means)\s+.+)$")
_SUBJECT = re.compile(r"^(?P<term>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?)\s+(?:is|are)\s")
_COPULA_OR_MEANS = re.compile(r"^[\w'’ -]{2,40}? (?:is|are|means|refers to) ")


def _defined(chapter: Chapter, sentence: str, position: str, text: str) -> Iterator[Card]:
    """The definition a sentence states, in any of `_PATTERNS`, asked as "What is X?" and,
    where the meaning is short enough to recognise, the other way round."""
    for index, (pattern, question) in enumerate(_PATTERNS):
        m = pattern.match(sentence)
        if not m:
            continue
        raw_term = m.group("term").strip()
        bare = _LEADING_DETERMINER.sub("", raw_term)
        if dangles(bare) or word_count(bare) > 8 or not _is_term(bare):
            return
        plain = index >= _FIRST_PLAIN
        if plain and not _may_define(m.group("def")):
            return  # cheap first: a meaning opens on an article or a noun
        if plain and word_count(bare) > MAX_PLAIN_TERM_WORDS:
            return
        if not _names_a_thing(bare):
            return
        if plain and not _plain_definition(raw_term, m.group("def")):
            return
        # The article stays ("What is a pathway?", "What is the opening of a speech?"); a
        # name keeps its capitals.
        term = raw_term if raw_term.lower().startswith(("a ", "an ", "the ")) else bare
        first_word = term.split()[0]
        acronym = sum(c.isupper() for c in first_word) > 1
        if not acronym and not any(w[:1].isupper() for w in term.split()[1:]):
            term = term[0].lower() + term[1:]
        meaning = _without_pointing_purpose(_AFTERTHOUGHT.sub("", m.group("def").strip()))
        meaning = _without_word_for(meaning, bare)
        if word_count(meaning) > MAX_DEFINITION_WORDS:
            # A meaning too long to recall as one fact: its head, if that names the kind of
            # thing the term is ("an interactive relationship between a leader and several
            # followers"); the qualifications after it are asked elsewhere.
            meaning = _head_of(meaning)
            if not meaning:
                return
        answer = capitalise(meaning)
        contrast = _CONTRAST.search(answer)
        if plain and contrast:
            yield from _contrasted(chapter, term, answer, contrast, position, text)
            return  # "a social, not a structural, phenomenon": a claim, asked by its contrast
        if question == _WORD_MEANS and (term != bare or _plural(sentence, m, bare)):
            # "By a story opening we mean", "By crutch words we mean": the article or the
            # plural already makes "What is/are X?" read right.
            question = "What is {}?"
        adj = m.groupdict().get("adj") or ""
        purposes = (m.groupdict().get("purposes") or "").lower()
        front = question.format(term, adj=adj.lower(), purposes=purposes)
        if question == "What is {}?":
            verb = "are" if _plural(sentence, m, bare) else "is"
            against = _contrasted_with(bare, text) if plain else ""
            front = (
                f"What {verb} {term}, as against {against}?" if against else f"What {verb} {term}?"
            )
        yield chapter.card(Kind.DEFINITION, front, answer + ".", position, text)
        if question in ("What is {}?", _WORD_MEANS):
            yield from _named_from_meaning(chapter, term, meaning, plain, position, text)
        return


def _without_pointing_purpose(meaning: str) -> str:
    """The meaning without a closing purpose that points back ("the inner process people go
    through [to come to terms with it]"): the thing itself is the meaning, and "it" would
    stand for a word the card never shows."""
    meaning = meaning.rstrip(".")
    purpose = _POINTING_PURPOSE.search(meaning)
    if purpose is None or _POINTS_BACK.search(meaning[: purpose.start()]):
        return meaning
    kept = meaning[: purpose.start()]
    return kept if word_count(kept) >= MIN_KEPT_MEANING_WORDS else meaning


#: A closing "to ..." clause that holds a pronoun: "to come to terms with it".
_POINTING_PURPOSE = re.compile(
    r"\s+(?:in order\s+)?to\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){0,6}?\s+(?:it|them|this|that)$"
)
#: What a meaning keeps at the least once its purpose goes: "the inner process people go
#: through", never a bare "a way".
MIN_KEPT_MEANING_WORDS = 4


#: "a term for", "shorthand for": words about the word, not its meaning.
_WORD_FOR = re.compile(
    r"^(?:(?:an?|the|another|our)\s+)?(?:[a-z]+\s+)?(?:term|word|name|label|shorthand|jargon)\s+for\s+",
    re.I,
)
#: "one that asks more of a person": "one" stands for the term's own noun.
_ONE_THAT = re.compile(r"^one\s+(?=(?:that|which|who|whose|where|in which)\s)", re.I)


def _without_word_for(meaning: str, term: str) -> str:
    """ "a term for imagining that a plan has failed" -> "imagining that a plan has failed";
    "one that asks more of a person" (for "a stretch assignment") -> "an assignment that
    asks more of a person": the meaning, not a remark about the word."""
    stripped = _WORD_FOR.sub("", meaning, count=1)
    if stripped != meaning and word_count(stripped) >= 2:
        return stripped
    one = _ONE_THAT.match(meaning)
    if one and term:
        head = term.split()[-1]
        return with_article(head[:1].lower() + head[1:]) + " " + meaning[one.end() :]
    return meaning


def _head_of(meaning: str) -> str:
    """The noun phrase a long meaning opens on, with its prepositional phrases, up to the
    participle, relative clause, adverb or comma that qualifies it: "an interactive
    relationship between a leader and several followers [voluntarily engaged in ...]". ""
    when that head is too short to say what the term is, or the meaning opens otherwise."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(meaning)
    if analysis is None or analysis.tokens[0].lower not in _ARTICLES:
        return ""
    tokens = analysis.tokens
    end = 0
    for i, token in enumerate(tokens):
        if token.tag not in _HEAD_TAGS:
            break
        if token.tag.startswith("NN"):
            end = i + 1
    head = meaning[: tokens[end - 1].end] if end else ""
    return head if MIN_HEAD_WORDS <= word_count(head) <= MAX_RECOGNISED_WORDS else ""


#: What a head noun phrase holds: determiners, adjectives, nouns, prepositions and "and".
_HEAD_TAGS = frozenset({"DT", "JJ", "JJR", "NN", "NNS", "IN", "CC", "CD", "PRP$", "POS"})
#: A head shorter than this ("a relationship") says too little to be the meaning.
MIN_HEAD_WORDS = 5


#: "drew a line between change and transition": the passage sets two terms side by side.
_BETWEEN = (
    r"\bbetween\s+(?:(?:the|an?)\s+)?(?P<first>{first})\s+and\s+(?:(?:the|an?)\s+)?"
    r"(?P<second>{second})"
)
#: The other term: a word or three, up to the punctuation or verb that ends it.
_OTHER_FIRST = r"[\w'’-]+(?:\s+[a-z][\w'’-]*){0,2}?"
_OTHER_SECOND = _OTHER_FIRST + r"(?=\s*[(,.;:]|\s+(?:is|are|was|were)\b|$)"


def _contrasted_with(term: str, text: str) -> str:
    """The other side, when the passage draws a line between this term and another: "Change
    is the external event" says what change is as against transition, not what it means."""
    word = re.escape(term)
    sides = ((word, _OTHER_SECOND, "second"), (_OTHER_FIRST, word + r"\b", "first"))
    for first, second, other in sides:
        m = re.search(_BETWEEN.format(first=first, second=second), text, re.I)
        if m:
            return m.group(other).lower()
    return ""


def _contrasted(
    chapter: Chapter, term: str, answer: str, contrast: re.Match[str], position: str, text: str
) -> Iterator[Card]:
    """ "Feedback is an offer, not an order": what X is, asked beside what it is not, when
    each side is a short phrase and nothing follows."""
    side, other = answer[: contrast.start()], answer[contrast.end() :]
    if word_count(side) > MAX_CONTRAST_WORDS or word_count(other) > MAX_CONTRAST_WORDS:
        return
    if "," in other:
        return
    verb = "are" if _plural_term(term) else "is"
    front = f"What {verb} {term}, if not {other[:1].lower()}{other[1:]}?"
    yield chapter.card(Kind.DEFINITION, front, capitalise(side) + ".", position, text)


MAX_CONTRAST_WORDS = 5
#: A name is short: "task conflict", "the club executive committee".
MAX_NAME_WORDS = 3
#: A meaning short enough that a learner recognises it and names its term.
MAX_RECOGNISED_WORDS = 16


def _named_from_meaning(
    chapter: Chapter, term: str, meaning: str, plain: bool, position: str, text: str
) -> Iterator[Card]:
    """The term asked from its meaning ("What is the term for a short exercise that turns
    the team's imagination against its own plan?" -> "A premortem"): the name is what a
    member uses in the meeting, so it is asked as well as its meaning."""
    words = meaning.split()
    if not 2 < len(words) <= MAX_RECOGNISED_WORDS:
        return
    if word_count(_LEADING_DETERMINER.sub("", term)) > MAX_NAME_WORDS:
        return  # "a decision with one option" is a description too, not a name
    if plain and not _DESCRIPTION.match(meaning):
        return  # "X is the lever most speakers misuse": a verdict on X, not what X means
    if _POINTS_BACK.search(meaning):
        return  # "... to come to terms with it": the meaning leans on another sentence
    term_words = {w.lower() for w in re.findall(r"[\w'’-]+", term)} - _ARTICLES
    if term_words & {w.lower().strip(",.") for w in words}:
        return  # the meaning names its term: "a pathway of speech projects"
    front = f"{TERM_QUESTION} {meaning[:1].lower()}{meaning[1:]}?"
    yield chapter.card(Kind.DEFINITION, front, capitalise(term), position, text)


#: How a question that asks for a term from its meaning opens (see `asks_for_a_term`).
TERM_QUESTION = "What is the term for"


def asks_for_a_term(card: Card) -> bool:
    """A card whose answer is a term named elsewhere in the chapter: when another card's
    question shows the term, this card is the one to go, not the other."""
    return card.kind is Kind.DEFINITION and TERM_QUESTION.lower() in card.front.lower()


#: A meaning that describes a class: an indefinite or bare noun phrase and what sets it apart
#: ("a short exercise that ...", "disagreement about the work itself").
_DESCRIPTION = re.compile(
    r"^(?!the\s)(?:an?\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?\s+"
    r"(?:that|which|who|whose|of|about|between|for|to|in which|by which)\s"
)
_POINTS_BACK = re.compile(r"\b(?:it|this|these|those|they|them|he|she)\b", re.I)
_ARTICLES = frozenset(["a", "an", "the"])


def _plural(sentence: str, m: re.Match[str], term: str) -> bool:
    """Whether the term takes "are": as the sentence itself says ("Crutch words are ..."),
    or, where its verb does not show number ("By X we mean"), by the tag of its last word."""
    said = sentence[m.end("term") : m.end("term") + 5].lower()
    if said.startswith((" is ", " is,")):
        return False
    if said.startswith(" are"):
        return True
    return _plural_term(term)


def _is_entry_term(term: str) -> bool:
    """A glossary's term is a name, not a clause: "Inner leadership has a dual definition:
    ..." is a statement that runs on after its colon."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(term)
    if analysis is None or len(analysis.tokens) > MAX_PLAIN_TERM_WORDS + 1:
        return False
    if analysis.tokens[0].lower in NUMBER_WORDS or analysis.tokens[0].tag == "CD":
        return False  # "Three roles matter most: ..." leads into a list
    return not any(t.tag in ("VBZ", "VBP", "VBD", "MD") for t in analysis.tokens)


def _plural_sentence(term: str) -> bool:
    """ "Three rules apply: ..." is a lead-in to a list, not a term and its meaning."""
    return term.split()[0].lower() in NUMBER_WORDS


_MARKED = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<term>.+?)\s+(?:is|are|means|refers to)\s+(?P<def>.+)$", re.I
)


_CALLED_START = re.compile(r"^(?:(?:often|sometimes|also|usually|commonly)\s+)?called\b")


def _marked_definition(sentence: str, terms: tuple[str, ...]) -> tuple[str, str] | None:
    """ "**Active listening** is ..." (the term marked bold or emphasised by the source):
    the writer has said which words are the term, so any "is" sentence defines it."""
    if not terms:
        return None
    m = _MARKED.match(sentence)
    if not m:
        return None
    term = m.group("term").strip("*_ ")
    if term not in terms or _CALLED_START.match(m.group("def")):
        return None  # "**X** is often called the busiest officer": a name, not a meaning
    return term, m.group("def")


def _plural_term(term: str) -> bool:
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(term)
    return bool(analysis) and analysis.tokens[-1].tag in ("NNS", "NNPS")


def _is_noun(term: str) -> bool:
    """A term that is a noun phrase, its last word a noun ("autonomy", "the club executive
    committee"), not a verb or an adjective that happens to stand before a comma."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(term)
    if not analysis or analysis.tokens[0].tag in ("IN", "TO", "CC", "DT", "RB"):
        return False  # "are [in conflict], the leader is ...": no term
    return analysis.tokens[-1].tag.startswith("NN") and _names_a_thing(term)


_WHOSE_WORD = re.compile(
    r"^an?\s+(?:term|phrase|word|expression|label|name)\s+(?:first\s+)?(?:coined|introduced|"
    r"used|popularised|popularized|made popular|invented|proposed)\b",
    re.I,
)


def _is_description(meaning: str) -> bool:
    """A phrase that describes, not a clause: "the sense of choosing ...", never "the leader
    is tempted to ..."."""
    from leadership_cards.generate.syntax import analyse

    if meaning.startswith("how "):
        return True  # "how far you pursue your own concerns": a measure, clause and all
    if _WHOSE_WORD.match(meaning):
        return False  # "a term coined by Amy Edmondson": whose the word is, not its meaning
    analysis = analyse(meaning)
    return bool(analysis) and not any(
        t.tag in ("VBZ", "VBP", "VBD", "MD") for t in analysis.tokens[:4]
    )


def _is_term(term: str) -> bool:
    words = term.lower().split()
    return bool(words) and words[0] not in _NOT_A_TERM and "(" not in term


def _names_a_thing(term: str) -> bool:
    """A term is a noun phrase. One that opens on a verb and its object, holds a pronoun, or ends on a
    function word is a clause the pattern cut in two ("State your own interest and what it
    means for the work" is an instruction, not a term "... and what it")."""
    from leadership_cards.generate.syntax import analyse, is_function

    analysis = analyse(term)
    if analysis is None:
        return False
    tokens = analysis.tokens
    if is_function(tokens[-1]):
        return False
    # "Build the team": an instruction and its object ("Reverse delegation" is tagged as a
    # verb too, but nothing of a clause follows it).
    if tokens[0].tag == "VB" and len(tokens) > 1 and tokens[1].tag in ("DT", "PRP$"):
        return False
    return not any(t.tag in ("PRP", "WP", "WDT") for t in tokens)


def _may_define(definition: str) -> bool:
    """Whether a plain "X is Y" may define, by its meaning's first word alone (no tagging):
    an article, or a word the lexicon knows as a noun ("disagreement about ...")."""
    from leadership_cards.generate.syntax import lexicon_tag

    if _WHOSE_WORD.match(definition):
        return False  # "a term coined by Amy Edmondson": whose the word is, not its meaning
    first = definition.split(maxsplit=1)[0].strip(",.;:") if definition.split() else ""
    if first.lower() in _ARTICLES or first.lower() in _PRONOUN_HEADS:
        return True
    return (lexicon_tag(first) or "").startswith("NN")


def _plain_definition(term: str, definition: str) -> bool:
    """ "X is the/a Y" defines X when X is a short term (no verb of its own, at most four
    words) and Y opens with a noun phrase: "Inner leadership is a people-oriented task",
    not "The result is a more loyal team" (a result, not a term)."""
    if word_count(
        _LEADING_DETERMINER.sub("", term)
    ) > MAX_PLAIN_TERM_WORDS or term.lower().startswith("the "):
        return False  # "The result is ...": a reference to what came before, not a term
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(f"{term} is {definition}")
    if analysis is None:
        return False
    tokens = analysis.tokens
    verb = next(i for i, t in enumerate(tokens) if t.start >= len(term))  # "is"
    if any(t.tag in ("VB", "VBZ", "VBP", "VBD", "MD", "PRP", "WP", "WDT") for t in tokens[:verb]):
        return False  # a term has no verb or relative clause of its own
    if not any(t.tag.startswith("NN") for t in tokens[:verb]):
        return False
    after = tokens[verb + 1 :]
    if len(after) <= 2:
        return False
    verdict = _VERDICT.match(definition.strip().rstrip("."))
    if verdict and verdict.group("noun").lower() in _SHELL_NOUNS:
        return False  # "A startling fact is a reliable way in": a verdict on X, not its meaning
    if after[0].lower in _PRONOUN_HEADS:
        # "someone whom people follow by choice", "one that asks more of a person": a
        # pronoun and the clause that says which
        return after[1].tag in ("WP", "WDT") or after[1].lower == "that"
    if after[0].tag == "DT":
        # not "both", "all"; "an [experienced member]" is a noun phrase the chunker misses
        return after[0].lower in _ARTICLES and (
            after[1].phrase == "NP" or _modified_noun(after[1:])
        )
    # No article: a mass noun and what it is about ("disagreement about the work itself"),
    # never an adjective or a participle ("Consensus is slow", "Trust is earned").
    return after[0].tag in ("NN", "NNS") and after[0].phrase == "NP" and after[1].tag == "IN"


#: Pronouns a definition may open on, with a clause that sets the thing apart.
_PRONOUN_HEADS = frozenset(["someone", "somebody", "something", "one", "anyone", "anything"])


def _modified_noun(tokens: tuple[Token, ...]) -> bool:
    """ "experienced member", "written record": a participle or an adjective, then a noun."""
    return (
        len(tokens) > 1 and tokens[0].tag in ("VBN", "VBG", "JJ") and tokens[1].tag in ("NN", "NNS")
    )


#: Nouns that rate a thing as a means rather than say what it is ("a reliable way in", "a
#: useful tool"): with nothing after them to set them apart, the phrase is a verdict.
_SHELL_NOUNS = frozenset(
    ["way", "tool", "means", "method", "approach", "route", "path", "choice", "option", "move"]
    + ["step", "thing", "idea", "place", "start", "sign", "habit", "practice", "trick"]
)
#: An article, at most two modifiers and a noun, with at most a particle after it.
_VERDICT = re.compile(
    r"^(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w'’-]+)"
    r"(?:\s+(?:in|out|up|on|forward|ahead|through|in))?$",
    re.I,
)
