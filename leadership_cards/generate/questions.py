"""Questions made from a plain claim when no blank in it would do: on its object, its
complement, its subject, its "when" or "because" clause, the side a "not X but Y" contrast
keeps, or where something comes from. Each maker returns the question and its answer, or
None when the sentence is anything subtler than the shape it asks about. The makers a
sentence's patterns, its best question and the other extractors all ask are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leadership_cards.generate.blanks import MAX_BLANK_WORDS, Span, is_list, is_word
from leadership_cards.generate.syntax import (
    AUXILIARY_WORDS,
    Analysis,
    Token,
    analyse,
    is_content,
    is_function,
    lexicon_tag,
)
from leadership_cards.generate.text import EXTRAPOSED, PREFERRED_OVER, reduced_relative
from leadership_cards.generate.words import (
    COPULAS,
    DURATIONS,
    FINITE_TAGS,
    LINKING_VERBS,
    POINTING_WORDS,
    QUANTIFIERS,
    REPORTING_VERBS,
    UNITS,
)


def object_question(sentence: str) -> tuple[str, str] | None:
    """A short statement whose every blank leaves too little ("Inner leaders inspire
    follower obedience.") asked as a question on its object: ("What do inner leaders
    inspire?", "Follower obedience"). Only a plain present-tense subject-verb-object
    sentence qualifies; anything subtler is better left without a card."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    verb = next((i for i, t in enumerate(tokens) if t.phrase == "VP"), None)
    if verb is None or verb == 0 or tokens[verb].tag not in ("VBZ", "VBP"):
        return None
    subject = tokens[:verb]
    if not all(t.phrase == "NP" and t.tag not in ("PRP", "WDT") for t in subject):
        return None
    if tokens[verb].lower in AUXILIARY_WORDS or tokens[verb + 1].phrase == "VP":
        return None
    if _misread_verb(tokens, verb):
        return None
    rest = [t for t in tokens[verb + 1 :] if is_word(t) or t.text in ",-"]
    end = len(sentence.rstrip(" .!?"))
    if not rest or len(rest) > MAX_BLANK_WORDS or is_list(list(rest)):
        return None
    if any(t.tag in FINITE_TAGS for t in rest) or not any(is_content(t) for t in rest):
        return None
    if not any(t.tag.startswith(("NN", "CD", "VB")) for t in rest):
        return None  # "The leader goes first": an adverb is no object to ask for
    first_word = subject[0].text if subject[0].tag.startswith("NNP") else subject[0].lower
    subject_text = first_word + sentence[subject[0].end : subject[-1].end]
    does = "does" if tokens[verb].tag == "VBZ" else "do"
    base = _base_form(tokens[verb].lower) if does == "does" else tokens[verb].lower
    answer = sentence[rest[0].start : end]
    return f"What {does} {subject_text} {base}?", answer[:1].upper() + answer[1:]


def _misread_verb(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether the tagger took a verb for the subject and a noun for the verb: in "changes
    behavior patterns with elan" (a clause whose subject came earlier) "changes" is the
    verb and "behavior patterns" its object, so no "What do changes behavior?" is asked.
    Told by a subject that opens on a verb form, or by a bare one-word subject whose "verb"
    the lexicon knows only as a noun and that a noun follows."""
    if lexicon_tag(tokens[0].lower) in ("VBZ", "VBD"):
        return True
    return (
        verb == 1
        and tokens[verb].tag == "VBP"
        and not _can_be_verb(tokens[verb].lower)
        and verb + 1 < len(tokens)
        and tokens[verb + 1].tag.startswith("NN")
    )


def _can_be_verb(word: str) -> bool:
    """Whether the lexicon knows the word or one of its inflections as a verb: "track"
    ("tracked") can be, "behavior" cannot."""
    stem = word[:-1] if word.endswith("e") else word
    forms = (word, word + "s", word + "ed", word + "d", stem + "ing", stem + "ed")
    return any((lexicon_tag(form) or "").startswith("VB") for form in forms)


def _base_form(verb: str) -> str:
    """ "concerns" -> "concern", "teaches" -> "teach", "carries" -> "carry"."""
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


_RANKED = frozenset(
    [
        "best",
        "worst",
        "most",
        "least",
        "first",
        "last",
        "main",
        "chief",
        "key",
        "prime",
        "central",
        "core",
        "primary",
        "only",
        "hardest",
        "easiest",
        "simplest",
        "biggest",
        "greatest",
        "strongest",
        "surest",
        "commonest",
        "best-known",
    ]
)
MAX_COPULAR_WORDS = 22
_WH_WORDS = frozenset(["what", "why", "how", "where", "when", "who"])


@lru_cache(maxsize=4096)
def copular_question(sentence: str) -> tuple[str, str] | None:
    """ "The hardest discipline for a leader who coaches is resisting the urge to solve."
    -> ("What is the hardest discipline for a leader who coaches?", "Resisting the urge to
    solve"); "The open question is the coach's working instrument." -> ("What is the coach's
    working instrument?", "The open question"); "The job of an opening is to win attention."
    -> ("What is the job of an opening?", "To win attention"). The side that describes (a
    superlative or rank, a definite "the ..." or a purpose "is to ...") becomes the question;
    the other side is the answer."""
    analysis = analyse(sentence)
    if analysis is None or len(analysis.tokens) > MAX_COPULAR_WORDS:
        return None
    tokens = analysis.tokens
    verbs = [i for i, t in enumerate(tokens) if t.lower in ("is", "are") and t.tag.startswith("VB")]
    relative = set()
    for i, t in enumerate(tokens):
        if t.tag in ("WP", "WDT") or t.lower == "that":
            # "the refreezing that [leaders] neglect": the relative clause's own verb
            k = i + 1
            while k < len(tokens) and tokens[k].tag.startswith(("DT", "JJ", "NN", "PRP")):
                k += 1
            relative |= {i + 1, k}
    # "A position is what someone says they want": the verbs of a "what" clause after the
    # copula are its own.
    wh = next(
        (i for i in range(1, len(tokens)) if tokens[i].lower in _WH_WORDS and i - 1 in verbs),
        len(tokens),
    )
    verbs = [i for i in verbs if i < wh]
    others = [
        i
        for i, t in enumerate(tokens[:wh])
        if t.tag in FINITE_TAGS and t.lower not in ("is", "are")
    ]
    if len(verbs) != 1 or any(i not in relative for i in others):
        return None  # one main verb, the copula: "X is Y", not "X say they are Y"
    verb = verbs[0]
    if verb == 0 or tokens[0].tag in ("PRP", "EX", "WDT") or tokens[0].lower in ("this", "that"):
        return None
    end = len(tokens) - 1 if tokens[-1].text in ".!" else len(tokens)
    if end <= verb + 1:
        return None
    if any(
        t.text in ",;:" or t.tag in ("VB", "VBP") and not (i and tokens[i - 1].tag == "TO")
        for i, t in enumerate(tokens[:verb])
    ):
        # "generate two options, because a decision ... is": no plain subject ("the best
        # time to build it" keeps its infinitive)
        return None
    subject = sentence[tokens[0].start : tokens[verb - 1].end]
    complement = sentence[tokens[verb + 1].start : tokens[end - 1].end]
    be = tokens[verb].lower
    if any(t.lower in _RANKED or t.tag == "JJS" for t in tokens[:verb]):
        question, answer = subject, complement
    elif (
        tokens[verb + 1].lower in _WH_WORDS
        and verb + 2 < end
        and tokens[verb + 2].tag not in FINITE_TAGS
        and tokens[0].lower in ("a", "an", "the")
        and verb <= 4
    ):
        question, answer = subject, complement  # "A position is [what someone says they want]"
    elif (
        tokens[verb + 1].tag == "TO"
        and verb + 2 < end
        and tokens[verb + 2].tag == "VB"
        and (tokens[0].lower == "the" or any(t.tag == "POS" for t in tokens[:verb]))
    ):
        question, answer = subject, complement  # "The job of an opening is [to win ...]"
    elif tokens[verb + 1].lower == "the" and not any(t.tag == "JJS" for t in tokens[verb + 1 :]):
        question, answer = complement, subject
    elif (
        tokens[verb + 1].lower == "the"
        and verb + 2 < end
        and (tokens[verb + 2].tag == "JJS" or tokens[verb + 2].lower in _RANKED)
        and not any(t.text in ",;:" for t in tokens[verb + 1 : end])  # ", not the gavel"
    ):
        question, answer = complement, subject  # "A story is [the strongest opening]"
    else:
        return None
    if answer == subject and not _opens_on_noun_phrase(tokens[:verb]):
        return None  # "[Implicit in the relationship] is the idea of trust": no meaning of X
    if answer.startswith("to "):
        # "... is to separate the people from the problem and to ask why ...": two purposes,
        # the first asked, as a fact of its own.
        answer = _SECOND_PURPOSE.split(answer, maxsplit=1)[0]
    if (
        not any(is_content(t) for t in tokens[verb + 1 : end])
        or len(answer.split()) > MAX_BLANK_WORDS
    ):
        return None
    question = (
        question[:1].lower() + question[1:]
        if question[:2].istitle() or question[:1].isupper() and question[1:2].islower()
        else question
    )
    return f"What {be} {question}?", answer[:1].upper() + answer[1:]


_SECOND_PURPOSE = re.compile(r",?\s+and\s+to\s+(?=[a-z])")


def _opens_on_noun_phrase(tokens: tuple[Token, ...]) -> bool:
    """Whether the words name a thing before any preposition or adverb: "the open question",
    "a story about the club"; not "implicit in the relationship" nor "here"."""
    for token in tokens:
        if token.tag.startswith(("NN", "CD", "VBG", "PRP")):
            return True
        if not token.tag.startswith(("DT", "JJ", "PRP$", "POS")):
            return False
    return False


def subject_of(sentence: str) -> str | None:
    """The main clause's subject as a phrase that stands alone: "While compelling, this hero
    model was never the case" -> "the hero model" (a demonstrative becomes "the")."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    start = 0
    if tokens and (tokens[0].lower in _SUBORDINATE or tokens[0].tag in ("JJ", "IN", "VBG")):
        start = next((i + 1 for i, t in enumerate(tokens) if t.text == ","), 0)
    phrase = next((p for p in analysis.phrases if p.first >= start), None)
    if phrase is None or phrase.kind != "NP" or phrase.first != start:
        return None
    words = list(tokens[phrase.first : phrase.last + 1])
    if not words or words[-1].tag not in ("NN", "NNS", "NNP", "NNPS"):
        return None
    after = tokens[phrase.last + 1] if phrase.last + 1 < len(tokens) else None
    if after is not None and after.phrase != "VP" and after.text != "(":
        return None  # the phrase runs on: not the whole subject
    text = sentence[words[0].start : words[-1].end]
    if words[0].lower in ("this", "that", "these", "those"):
        text = ("the" if words[0].lower in ("this", "that") else "these") + text[
            len(words[0].text) :
        ]
    elif words[0].tag == "PRP":
        return None
    return text[:1].lower() + text[1:] if words[0].tag != "NNP" else text


_SUBORDINATE = frozenset(
    ["while", "when", "although", "though", "if", "because", "since", "as", "after", "before"]
)

_CONCESSIVE = frozenset(["while", "whereas", "although", "though"])
_CLAUSE_QUESTION = {"when": "When", "whenever": "When", "because": "Why", "once": "When"}
_HAPPENS = frozenset(["happens", "occurs", "arises", "begins", "starts"])
MAX_CLAUSE_ANSWER_WORDS = 18
MAX_CLAUSE_HEAD_WORDS = 10


@lru_cache(maxsize=4096)
def clause_question(sentence: str) -> tuple[str, str] | None:
    """A short present-tense claim whose point is its "when" or "because" clause, asked as a
    question on that clause: "Trust grows when people feel heard." -> ("When does trust
    grow?", "When people feel heard"); "Leaders underrate listening because it looks like
    doing nothing." -> ("Why do leaders underrate listening?", "Because it looks like doing
    nothing"); "Most feedback fails not because it is wrong but because it is vague." ->
    ("Why does most feedback fail?", "Because it is vague"). A clause that says what
    something is ("X happens when ...") asks for the thing: ("What happens when ...?", "X")."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _CLAUSE_QUESTION):
        return None  # no clause to ask for: the sentence need not be analysed
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    at = next((i for i, t in enumerate(tokens) if i > 1 and t.lower in _CLAUSE_QUESTION), None)
    if at is None or at + 1 < len(tokens) and not is_word(tokens[at + 1]):
        return None  # "announce the vision once, at a meeting": an adverb, not a clause
    head = list(tokens[:at])
    tail_start = at
    rejected = head[-1].lower == "not"
    if rejected:
        # "fails not because X but because Y": the clause the sentence puts in its place.
        head.pop()
        but = next(
            (
                j
                for j in range(at + 1, len(tokens) - 1)
                if tokens[j].lower == "but" and tokens[j + 1].lower == tokens[at].lower
            ),
            None,
        )
        if but is None:
            return None
        tail_start = but + 1
    if len(head) > MAX_CLAUSE_HEAD_WORDS or any(not is_word(t) for t in head):
        return None  # a comma or a dash before the clause: no plain main clause
    if head[0].tag in ("PRP", "EX", "WDT", "WRB", "IN", "CC") or head[0].lower in POINTING_WORDS:
        return None
    verb = next((i for i, t in enumerate(head) if t.tag in ("VBZ", "VBP") and i > 0), None)
    if verb is None:
        # "The model [works] because", "Recognition [works] best when": a verb the tagger
        # took for a noun, followed by nothing but an adverb of degree.
        verb = next(
            (
                i
                for i in range(1, len(head))
                if head[i].lower in _VERB_AS_NOUN
                and all(t.tag in ("RB", "RBR", "RBS", "JJS", "JJR") for t in head[i + 1 :])
            ),
            None,
        )
    if verb is None or any(t.tag in ("VBD", "MD") for t in head):
        return None
    if any(t.tag in FINITE_TAGS for t in head[verb + 1 :]) or any(
        t.tag in ("WDT", "WP") or t.lower == "that" for t in head
    ):
        return None  # a relative clause in the main one: no plain subject and verb
    stop = next(
        (j for j in range(tail_start, len(tokens)) if tokens[j].text in (";", "—", "–", ":")),
        len(tokens),
    )
    again = [j for j in range(tail_start + 1, stop) if tokens[j].lower == tokens[at].lower]
    if (
        again
        and tokens[again[0] - 1].text == ","
        and not any(tokens[j - 1].lower in ("and", "or") for j in again)
    ):
        # "complete only when X, when a new member ...": the second clause restates the first.
        stop = again[0] - 1
    if len([t for t in tokens[tail_start:stop] if is_word(t)]) > MAX_CLAUSE_ANSWER_WORDS:
        # "because leaders overestimate ... and move on to planning while most people are
        # still comfortable": a long reason ends before its own "while" clause.
        stop = next(
            (j for j in range(tail_start + 3, stop) if tokens[j].lower in _CONCESSIVE), stop
        )
        if stop < len(analysis.tokens) and tokens[stop - 1].lower in ("and", "or", ","):
            stop -= 1
    tokens = tokens[:stop]  # "...; one gap undoes months of consistency": another claim
    tail = [t for t in tokens[tail_start:] if is_word(t)]
    if not 2 < len(tail) <= MAX_CLAUSE_ANSWER_WORDS:
        return None
    if any(t.lower == tokens[at].lower for t in tokens[tail_start + 1 :]):
        return None  # "when ..., when ..., and when ...": a list of conditions
    if tail[1].tag.startswith(("IN", "TO", "VB", "RB", "JJ")):
        return None  # "when in doubt", "when ready": no clause to ask for
    end = tokens[-1].end if stop < len(analysis.tokens) else len(sentence.rstrip(" .!?"))
    answer = sentence[tokens[tail_start].start : end].rstrip(" .!?")
    answer = answer[:1].upper() + answer[1:]
    subject_tokens = head[:verb]
    first = subject_tokens[0]
    subject = _subject_text(sentence, subject_tokens)
    word = head[verb].lower
    rest = sentence[head[verb].end : head[-1].end] if verb + 1 < len(head) else ""
    if word in _HAPPENS and not rest and tokens[at].lower in ("when", "whenever"):
        clause = sentence[tokens[at].start : end]
        name = sentence[first.start : subject_tokens[-1].end]
        if sum(is_content(t) for t in subject_tokens) < 2:
            return None  # "Growth happens when ...": too general to be a name
        return f"What is it called {clause[:1].lower()}{clause[1:]}?", name
    if rest.endswith(" only"):
        rest = rest[: -len(" only")]  # "complete only when": the question asks without it
    if word in ("is", "are"):
        if verb + 1 < len(head) and not head[verb + 1].tag.startswith(("JJ", "RB")):
            return None  # "X is the drive to do Y because ...": the clause belongs to Y
        question = f"{_CLAUSE_QUESTION[tokens[at].lower]} {word} {subject}{rest}?"
    else:
        does = "does" if head[verb].tag == "VBZ" or word.endswith("s") else "do"
        base = _base_form(word) if does == "does" else word
        question = f"{_CLAUSE_QUESTION[tokens[at].lower]} {does} {subject} {base}{rest}?"
    if sum(is_content(t) for t in head) < 2:
        return None
    return question, answer


def _subject_text(sentence: str, subject: tuple[Token, ...] | list[Token]) -> str:
    """The subject as it reads inside a question: "Trust" -> "trust", but "GROW" and "Vice
    President Education" keep their capitals (the tagger marks any capitalised first word
    as a proper noun, so one such word alone is not a name)."""
    first = subject[0]
    named = first.lower not in ("a", "an", "the") and (
        first.text.isupper()
        or first.tag.startswith("NNP")
        and len(subject) > 1
        and subject[1].tag.startswith("NNP")
    )
    return (first.text if named else first.lower) + sentence[first.end : subject[-1].end]


#: Verbs the tagger often reads as plural nouns when a clause follows them.
_VERB_AS_NOUN = frozenset(
    ["works", "fails", "grows", "helps", "matters", "lasts", "succeeds", "fades", "thrives"]
)


_NOT_X_BUT_Y = re.compile(
    r"^(?P<intro>(?:(?:For|In|To|At)\s[^,;:]{2,40},\s+)?)(?P<subject>[A-Za-z][^,;:]{1,60}?)\s+"
    r"(?P<verb>[a-z]+)\s+(?:therefore\s+|thus\s+|also\s+|still\s+)?not\s+"
    r"(?:just\s+|only\s+|merely\s+|simply\s+)?(?P<x>[^,;:]{2,60}?)"
    r"\s+but\s+(?P<y>[^,;:—–]{2,80}?)(?=[,;:—–.!]|$)"
)
MAX_CONTRAST_WORDS = 10
MAX_CONTRAST_ANSWER_WORDS = 16  # "but [a sign that people care enough about the work ...]"


# "Energy, not time, is the resource that limits most leaders": the side kept comes first,
# the side rejected after it between commas.
_X_NOT_Y_FIRST = re.compile(
    r"^(?P<x>[A-Z][\w'’ -]{1,40}?),\s+not\s+(?P<y>[^,;:]{1,40}),\s+"
    r"(?P<verb>[a-z]+)\s+(?P<rest>[^,;:]{3,80}?)[.!]?$"
)


# "Leadership is a social, not a structural, phenomenon": the kind kept and the kind rejected.
_KIND_NOT_KIND = re.compile(
    r"^(?P<subject>[A-Z][\w'’ -]{1,40}?)\s+(?P<be>is|are)\s+(?:an?\s+)?(?P<x>[\w-]+),\s+not\s+"
    r"(?:an?\s+)?(?P<y>[\w-]+),\s+(?P<noun>[a-z][a-z -]{2,30}?)[.!]?$"
)


def _kind_not_kind(sentence: str) -> tuple[tuple[str, str], Span] | None:
    m = _KIND_NOT_KIND.match(sentence)
    if not m or m.group("subject").split()[0].lower() in POINTING_WORDS | {"it", "they"}:
        return None
    subject = m.group("subject")
    subject = subject if subject[:2].isupper() else subject[:1].lower() + subject[1:]
    noun, be = m.group("noun"), m.group("be")
    question = f"What kind of {noun} {be} {subject}, if not {m.group('y')}?"
    x = m.group("x")
    return (question, x[:1].upper() + x[1:]), (m.start("x"), m.end("x"))


def _x_not_y_first(sentence: str) -> tuple[tuple[str, str], Span] | None:
    m = _X_NOT_Y_FIRST.match(sentence)
    if m is None:
        return _kind_not_kind(sentence)
    if m.group("x").split()[0].lower() in POINTING_WORDS | {"it", "they", "this"}:
        return None
    verb = m.group("verb")
    if verb not in ("is", "are") and not verb.endswith("s"):
        return None  # the claim's own verb, in the present: "is", "limits", "matters"
    said = "is" if verb == "are" else verb
    question = f"What {said} {m.group('rest')}, if not {m.group('y')}?"
    x = m.group("x")
    return (question, x[:1].upper() + x[1:]), (m.start("x"), m.end("x"))


@lru_cache(maxsize=4096)
def contrast_question(sentence: str) -> tuple[tuple[str, str], Span] | None:
    """ "The program is not a contest between clubs but a checklist of what a healthy club
    does." -> ("What is the program, if not a contest between clubs?", "A checklist of what a
    healthy club does"); "The inner leader delegates not to shed work but to grow people" ->
    ("Why does the inner leader delegate, if not to shed work?", "To grow people"). The side
    the chapter puts in place of the one it rejects is the answer; returns the question and
    answer with the answer's span in the sentence."""
    m = _NOT_X_BUT_Y.match(sentence)
    if not m:
        return _rather_than_question(sentence) or _x_not_y_first(sentence)
    x, y = m.group("x"), m.group("y")
    if len(y.split()) > MAX_CONTRAST_ANSWER_WORDS or len(x.split()) > MAX_CONTRAST_WORDS:
        return None
    if y.split()[0].lower() in ("because", "since", "as", "also", "rather"):
        return None  # a reason is asked by `clause_question`
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    verb = analysis.index_at(m.start("verb"))
    subject_last = analysis.index_at(m.start("subject"))
    if verb is None or subject_last is None:
        return None
    subject_tokens = tokens[subject_last:verb]
    word = tokens[verb].lower
    if tokens[verb].tag not in ("VBZ", "VBP") and word not in _VERB_AS_NOUN:
        return None
    if (
        not subject_tokens
        or subject_tokens[0].tag in ("PRP", "EX", "WDT", "CC")
        or subject_tokens[0].lower in POINTING_WORDS | {"it"}
        or any(t.tag in FINITE_TAGS or t.tag in ("WDT", "WP") for t in subject_tokens)
        or word in AUXILIARY_WORDS - {"is", "are"}
        or not any(is_content(t) for t in subject_tokens)
    ):
        return None
    subject = _subject_text(sentence, subject_tokens)
    intro = m.group("intro")
    lead = f"{intro[:1].lower()}{intro[1:]}" if intro else ""
    if word in ("is", "are"):
        question = f"{lead}what {word} {subject}, if not {x}?"
    else:
        does = "does" if tokens[verb].tag == "VBZ" or word.endswith("s") else "do"
        base = _base_form(word) if does == "does" else word
        asks = "why" if y.lower().startswith("to ") and x.lower().startswith("to ") else "what"
        question = f"{lead}{asks} {does} {subject} {base}, if not {x}?"
    return (question[:1].upper() + question[1:], y[:1].upper() + y[1:]), (
        m.start("y"),
        m.end("y"),
    )


_BECOMING = frozenset(["become", "becomes"])
#: Prepositions a question may end on: "What do extrinsic rewards work well for?".
_ASKED_PREPOSITIONS = frozenset(
    ["for", "with", "to", "on", "like", "about", "into", "against", "from"]
)
_PARTICLES = frozenset(["out", "up", "down", "back", "forward"])
_FREQUENCY = frozenset(["never", "always", "rarely", "seldom", "first", "also"])
_ADVISING_MODALS = frozenset(["must", "should", "can"])
_LASTING = frozenset(["last", "lasts", "run", "runs", "take", "takes"])
_LIES_IN = frozenset(["lie", "lies", "consist", "consists", "result", "results"])
_CLAUSE_STOP = frozenset([",", ";", ":", "—", "–", "(", "because", "since", "so", "while"])
MAX_CLAIM_ANSWER_WORDS = 10
#: Words that open a condition: an object runs no further ("believe the decisions [when
#: ...]"), and a sentence that goes on past it is asked whole or not at all.
_CONDITIONS = frozenset(["when", "whenever", "if", "unless", "until"])


@lru_cache(maxsize=4096)
def claim_question(sentence: str) -> tuple[str, str] | None:
    """A plain present-tense claim whose object or complement no blank can hold, asked as a
    question on it: "Audiences remember a single idea supported by a single story." ->
    ("What do audiences remember?", "A single idea supported by a single story"); "Extrinsic
    rewards work well for simple, routine tasks." -> ("What do extrinsic rewards work well
    for?", "Simple, routine tasks"); "A late gesture looks rehearsed." -> ("How does a late
    gesture look?", "Rehearsed"); "A leader who does everything becomes the bottleneck." ->
    ("What does a leader who does everything become?", "The bottleneck"). The subject may
    carry a relative clause; the answer runs to the end of the main clause."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    if not tokens or tokens[0].tag in ("PRP", "EX", "WDT", "WP", "WRB", "IN", "CC", "VB", "RB"):
        return None
    if tokens[0].lower in POINTING_WORDS | {"it", "there"} or tokens[0].tag == "CD":
        return None  # "Three habits separate ...": the count of what the chapter lists next
    verb = None
    modal = ""
    how_often = ""
    subject_end = 0
    in_relative = relative_verb = relative_finite = False
    opened = 0
    for i, t in enumerate(tokens):
        if t.text == "?":
            return None  # '"What got in the way?" gathers facts': a quoted question as subject
        if i > 0 and (t.tag in ("WDT", "WP") or t.lower == "that"):
            in_relative, relative_verb, relative_finite = True, False, False
            opened = i
        elif in_relative and (t.tag == "MD" and not relative_verb or t.tag in ("VB", "VBN", "RB")):
            # "a decision that can be undone cheaply should ...": inside the subject
            relative_verb = True
            relative_finite = relative_finite or t.tag == "MD"
            continue
        elif (
            in_relative
            and not relative_finite
            and t.tag in ("VBZ", "VBP", "VBD")
            # "that never [arrives] at the point": the clause's verb right after its word
            and all(u.tag in ("RB", "JJ") for u in tokens[opened + 1 : i])
        ):
            # "an opening that never [arrives] at the point leaves ...": the clause's verb
            relative_finite = relative_verb = True
            continue
        elif in_relative and t.tag == "MD":
            in_relative = False
        if t.tag == "MD" and i > 0 and t.lower in _ADVISING_MODALS and i + 1 < len(tokens):
            # "The opening must lead to the purpose": the advice's verb is asked with its
            # modal ("What must the opening lead to?").
            if tokens[i + 1].tag == "VB" and tokens[i + 1].lower not in AUXILIARY_WORDS:
                modal, verb, subject_end = t.lower, i + 1, i
                break
            if (
                tokens[i + 1].lower in _FREQUENCY
                and i + 2 < len(tokens)
                and tokens[i + 2].tag == "VB"
                and tokens[i + 2].lower not in AUXILIARY_WORDS
            ):
                # "A speaker should never explain a joke": "What should a speaker never
                # explain?"
                modal, verb, subject_end = t.lower, i + 2, i
                how_often = tokens[i + 1].lower + " "
                break
            return _manner_question(sentence, tokens, i)
        if t.tag == "VBD" and reduced_relative(tokens, i):
            continue  # "A win [declared] too early gives ...": inside the subject
        if t.text in _CLAUSE_STOP or t.tag in ("VBD", "MD"):
            return None  # a clause or an aside before the main verb: no plain subject
        # "A mentor [shares] what ...": a verb the tagger took for a plural noun.
        read_as_noun = (
            t.tag == "NNS"
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].tag == "NN"
            and tokens[i + 1].lower == "what"
        )
        if i > 0 and (
            t.tag in ("VBZ", "VBP") or t.lower in LINKING_VERBS | _BECOMING or read_as_noun
        ):
            if tokens[i - 1].tag in ("WDT", "WP") or tokens[i - 1].lower == "that":
                continue  # the verb of a relative clause inside the subject
            verb = subject_end = i
            break
    if verb is None or tokens[verb].lower in AUXILIARY_WORDS or _misread_verb(tokens, verb):
        return None
    subject = tokens[:subject_end]
    if not any(is_content(t) for t in subject) or subject[-1].tag in ("IN", "DT", "CC"):
        return None
    relative = [i for i, t in enumerate(subject) if t.tag in ("WDT", "WP") or t.lower == "that"]
    if any(
        t.tag in ("VB", "VBZ", "VBP", "VBD", "PRP")
        and not (t.tag == "VBD" and reduced_relative(tokens, n))
        for n, t in enumerate(subject[: relative[0] if relative else None])
    ):
        return None  # "a reason to take care of the moods they bring": no plain subject
    j = verb + 1
    while j < len(tokens) and (
        tokens[j].tag in ("RB", "RBR", "RP")
        and tokens[j].lower != "not"
        or tokens[j].lower in _PARTICLES  # "draws out what ...": the verb's particle
        and j + 1 < len(tokens)
        and tokens[j + 1].lower == "what"
    ):
        j += 1
    if j >= len(tokens) or tokens[j].lower in ("not", "never"):
        return None
    word = tokens[verb].lower
    kind = "what"
    preposition = ""
    # "A mentor shares [what worked in the mentor's own career]": a "what" clause as object.
    free_relative = tokens[j].lower == "what" and j > verb
    if free_relative:
        pass
    elif tokens[j].tag.startswith(("JJ", "VBN")) and word in LINKING_VERBS:
        kind = "how"
    elif (
        tokens[j].lower == "by"
        and j + 1 < len(tokens)
        and tokens[j + 1].tag == "VBG"
        and j == verb + 1
    ):
        kind = "how"  # "The Topicsmaster helps [by writing questions ...]"
    elif tokens[j].tag in ("IN", "TO") and (
        tokens[j].lower in _ASKED_PREPOSITIONS or tokens[j].lower == "in" and word in _LIES_IN
    ):
        preposition = " " + tokens[j].lower
        j += 1
    elif (
        not tokens[j].tag.startswith(("DT", "NN", "JJ", "PRP$", "CD"))
        and not (
            tokens[j].tag == "VBG"
            and j + 1 < len(tokens)
            and tokens[j + 1].tag in ("IN", "DT", "NN")
        )
        # "avoid [humour] that ...": a noun the tagger read as a verb
        and not (tokens[j].tag == "VB" and lexicon_tag(tokens[j].lower) == "NN")
    ):
        return None  # ("stop [fiddling with pens]": a gerund object is asked too)
    if j >= len(tokens) or preposition == " to" and tokens[j].tag == "VB":
        return None  # "tends to drift": an infinitive, not an object
    stop = next(
        (
            k
            for k in range(j, len(tokens))
            if (tokens[k].lower in _CLAUSE_STOP or tokens[k].lower in _CONDITIONS)
            and not (
                # "simple, routine tasks": a comma between two adjectives of one phrase
                tokens[k].text == ","
                and 0 < k < len(tokens) - 1
                and tokens[k - 1].tag.startswith("JJ")
                and tokens[k + 1].tag.startswith("JJ")
            )
        ),
        len(tokens),
    )
    if (
        stop < len(tokens)
        and tokens[stop].text != ","
        or stop < len(tokens) - 1
        and (
            tokens[stop].text == ","
            and not (stop + 1 < len(tokens) and tokens[stop + 1].lower in ("and", "but", "so"))
        )
    ):
        return None  # the claim runs on past its object: asked as a whole elsewhere or not
    # "embarrass panellists [and rarely produce ...]": a second verb phrase is no object.
    second_verb = next(
        (
            k
            for k in range(j + 1, stop - 1)
            if tokens[k].lower in ("and", "or")
            and next((t for t in tokens[k + 1 : stop] if t.tag != "RB"), tokens[k]).tag
            in ("VB", "VBP", "VBZ")
        ),
        None,
    )
    if second_verb is not None:
        stop = second_verb
    if tokens[j].lower in ("more", "less", "fewer") or tokens[j].tag in ("JJR", "RBR"):
        return None  # "speak [less than anyone]": the comparison is asked by its winner
    if any(t.lower in ("only", "just") and t.tag == "RB" for t in tokens[j + 1 : stop]):
        return None  # "raise your glass [only at the end]": when is the point
    answer_tokens = [t for t in tokens[j:stop] if is_word(t)]
    rejected = next(
        (
            n
            for n, t in enumerate(answer_tokens[:-1])
            if n
            and (t.lower, answer_tokens[n + 1].lower) in (("instead", "of"), ("rather", "than"))
        ),
        None,
    )
    # A means ("by writing questions that invite a story ...") may take a few words more.
    limit = MAX_CLAIM_ANSWER_WORDS + (4 if tokens[j].lower == "by" else 0)
    if rejected is not None and len(answer_tokens) > limit:
        # "lies in choosing the mode on purpose instead of falling into ...": the side kept.
        answer_tokens = answer_tokens[:rejected]
    if not answer_tokens or len(answer_tokens) > limit:
        return None
    relative = next(
        (
            n
            for n, t in enumerate(answer_tokens)
            if n and (t.tag in ("WDT", "WP") or t.lower == "that")
        ),
        len(answer_tokens),
    )
    state = _left_in_a_state(answer_tokens, word) if kind == "what" and not preposition else 0
    if state:
        # "leaves the audience [amused and lost]": "How does X leave the audience?"
        kind = "how"
        j = tokens.index(answer_tokens[state])
        answer_tokens = answer_tokens[state:]
        relative = len(answer_tokens)
    if (
        not free_relative
        and not state
        and any(
            n < relative  # "followers [who wait to be told]": a clause inside the object
            and (
                t.tag in FINITE_TAGS
                or t.tag == "TO"
                and n + 1 < len(answer_tokens)
                and answer_tokens[n + 1].tag == "VB"
            )
            for n, t in enumerate(answer_tokens)
        )
    ):
        return None  # "teaches the team to bring ...": an object and its own clause
    manner = answer_tokens[-1]
    if (
        kind == "what"
        and not preposition
        and len(answer_tokens) >= 2
        and manner.tag == "RB"
        and manner.lower.endswith("ly")
        and relative == len(answer_tokens)
        and all(t.tag in ("DT", "JJ", "NN", "NNS", "PRP$") for t in answer_tokens[:-1])
    ):
        # "A resilient team shares information [quickly]": how it does it is the point.
        kind = "how"
        j = tokens.index(manner)
        answer_tokens = [manner]
    if (
        answer_tokens[-1].tag.startswith(("JJ", "RB"))
        and kind == "what"
        and word not in _BECOMING
        and relative == len(answer_tokens)  # "the sentences [that matter most]" is one phrase
        # "invites [a shrug]": a noun after an article, whatever the tagger read
        and not (
            len(answer_tokens) == 2
            and answer_tokens[0].lower in ("a", "an")
            and (lexicon_tag(answer_tokens[1].lower) or "").startswith(("NN", "VB"))
        )
    ):
        return None  # "keep a change alive": an object and its complement
    if answer_tokens[0].tag == "CD" and answer_tokens[-1].lower not in UNITS:
        return None  # "distinguish [two kinds]": the count of what the chapter lists next
    if not any(is_content(t) for t in answer_tokens) or is_function(answer_tokens[-1]):
        return None
    described = any(t.tag in ("WDT", "WP") or t.lower == "that" for t in subject[1:])
    if len(answer_tokens) <= 2 and answer_tokens[0].lower in ("a", "an") and not described:
        # "knows [an answer]": too general to be worth asking; "a rhetorical question that
        # everyone can answer invites [a shrug]" is what that kind of thing does
        return None
    means = next(
        (
            n
            for n in range(1, len(answer_tokens) - 1)
            if answer_tokens[n].lower == "by" and answer_tokens[n + 1].tag == "VBG"
        ),
        None,
    )
    if means is not None and kind == "what" and not preposition:
        # "The chair protects the agenda by parking new topics": asked how, the object stays
        # in the question ("How does the chair protect the agenda?").
        kind = "how"
        j = tokens.index(answer_tokens[means])
        answer_tokens = answer_tokens[means:]
    receiver = _receiver(answer_tokens) if kind == "what" and word in _GIVING else 0
    if receiver:
        # "gives critics [their best argument]": who receives it stays in the question.
        j = tokens.index(answer_tokens[receiver])
        answer_tokens = answer_tokens[receiver:]
    second = _second_place(answer_tokens, word) if kind == "what" and not preposition else 0
    if second:
        # "fills the silence [with a better answer]": "What does X fill the silence with?"
        preposition = " " + answer_tokens[second].lower
        j = tokens.index(answer_tokens[second]) + 1
        answer_tokens = answer_tokens[second + 1 :]
    answer = sentence[answer_tokens[0].start : answer_tokens[-1].end]
    between = sentence[tokens[verb].end : tokens[j - 1 if preposition else j].start].strip()
    subject_text = _subject_text(sentence, subject)
    does = modal or ("does" if tokens[verb].tag in ("VBZ", "NNS") else "do")
    base = how_often + (_base_form(word) if does == "does" else word)
    middle = f" {between}" if between else ""
    if word in _LASTING and answer_tokens[-1].lower in DURATIONS:
        # "A response lasts from one to two minutes." -> "How long does a response last?"
        kind, middle, preposition = "how long", "", ""
        answer = sentence[tokens[verb + 1].start : answer_tokens[-1].end]
    if preposition == " from" and word not in _LASTING:
        return None  # where something comes from is `origin_question`'s
    if kind == "what" and word in LINKING_VERBS:
        return None  # "feels [kind]" read as a noun: how it feels, not what
    if kind == "what" and not preposition and _a_person(answer_tokens):
        kind = "who"  # "meets [each panellist]": "Who does the moderator meet?"
    question = f"{kind.capitalize()} {does} {subject_text} {base}{middle}{preposition}?"
    return question, answer[:1].upper() + answer[1:]


#: Verbs that take who receives as well as what is given: "gives critics their best argument".
_GIVING = frozenset(
    ["give", "gives", "offer", "offers", "show", "shows", "tell", "tells", "teach", "teaches"]
    + ["hand", "hands", "bring", "brings", "cost", "costs", "earn", "earns", "buy", "buys"]
)


#: Verbs whose second place is a phrase after a preposition: "fill the silence with ...",
#: "turn energy into structure", "prepare people for the unexpected".
_TWO_PLACES = {
    "with": frozenset(["fill", "replace", "reward", "meet", "answer", "trade", "confuse"]),
    "into": frozenset(["turn", "translate", "convert", "change", "put"]),
    "for": frozenset(["prepare", "reward", "praise", "blame", "thank", "trade", "exchange"]),
    "from": frozenset(["protect", "shield", "separate", "distinguish", "keep"]),
}


def _second_place(answer: list[Token], verb: str) -> int:
    """Where the second place of a two-place verb starts in its object ("the silence [with]
    a better answer"), or 0."""
    base = _base_form(verb)
    for k in range(1, min(5, len(answer) - 1)):
        place = _TWO_PLACES.get(answer[k].lower)
        if place is None:
            continue
        if base not in place or not all(
            t.tag in ("DT", "JJ", "NN", "NNS", "PRP$", "PRP") for t in answer[:k]
        ):
            return 0
        return k
    return 0


#: Verbs whose object is followed by the state they put it in: "leaves the audience amused".
_LEAVING = frozenset(["leave", "make", "keep", "get", "render", "find"])


def _left_in_a_state(answer: list[Token], verb: str) -> int:
    """Where the state starts after the object of "leave", "make", "keep" ("the audience
    [amused and lost]"), or 0: adjectives (and "and") to the end."""
    if _base_form(verb) not in _LEAVING:
        return 0
    for k in range(1, min(4, len(answer))):
        if answer[k].tag.startswith("JJ") or answer[k].tag == "VBN":
            rest = answer[k:]
            if all(
                t.tag.startswith("JJ") or t.tag in ("VBN", "VBD") or t.lower == "and" for t in rest
            ):
                objects = answer[:k]
                if all(t.tag in ("DT", "NN", "NNS", "PRP$", "PRP", "NNP") for t in objects):
                    return k
            return 0
    return 0


def _receiver(answer: list[Token]) -> int:
    """Where the thing given starts after who receives it ("critics [their best argument]",
    "the audience [a part to play]"), or 0 when the object is one phrase."""
    for k in range(1, min(4, len(answer))):
        if answer[k].tag in ("DT", "PRP$") and all(
            t.tag in ("DT", "NN", "NNS", "NNP", "NNPS", "JJ") for t in answer[:k]
        ):
            return k if answer[k - 1].tag.startswith("NN") else 0
    return 0


def subject_question(sentence: str) -> tuple[str, str] | None:
    """A plain present-tense claim asked for its subject when the subject is the named
    thing: "Short-term wins keep a change alive." -> ("What keeps a change alive?",
    "Short-term wins"). Only a short subject that names something (no pronoun, no relative
    clause, no count) and a predicate with content of its own."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    opening = analysis.opening_noun_phrase()
    if opening is None:
        return None
    verb = opening.last + 1
    if opening.last > 0 and _verb_read_as_noun(tokens, opening.last):
        verb = opening.last  # "The first meeting [matters] most": the NP ran over the verb
    elif verb >= len(tokens) or tokens[verb].tag not in ("VBZ", "VBP"):
        return None
    if tokens[verb].tag.startswith("NN"):
        plural_noun = False
    elif (
        verb + 1 < len(tokens)
        and tokens[verb].tag == "VBZ"
        and tokens[verb].lower not in AUXILIARY_WORDS
        and tokens[verb + 1].tag in ("VB", "VBN", "VBP")
        and lexicon_tag(tokens[verb + 1].lower) in ("VB", "VBP")
    ):
        # "Short-term wins keep": two verbs in a row, the first a plural noun the tagger
        # took for a verb.
        verb += 1
        plural_noun = True
    else:
        plural_noun = False
    word = tokens[verb].lower
    if word in AUXILIARY_WORDS or word in REPORTING_VERBS or word.rstrip("s") in REPORTING_VERBS:
        return None
    subject = tokens[:verb]
    if subject[0].tag in ("PRP", "CD", "EX") or subject[0].lower in QUANTIFIERS | POINTING_WORDS:
        return None
    named = any(t.tag in ("NNP", "NNPS") for t in subject[1:])
    head_noun = subject[-1].tag == "NN" or plural_noun
    # "Timing matters more than the words": a comparison's winner is the point, one word or
    # not.
    compared = any(t.lower == "than" for t in tokens[verb + 1 :]) and any(
        t.tag in ("JJR", "RBR") for t in tokens[verb + 1 :]
    )
    if (
        not named
        and not (compared and head_noun)
        and (not head_noun or sum(is_content(t) for t in subject) < 2)
    ):
        return None  # "Researchers distinguish ...", "The audience loses ...": no one thing named
    if sum(is_content(t) for t in subject) > 4 or verb + 1 >= len(tokens):
        return None
    rest = [t for t in tokens[verb + 1 :] if is_word(t)]
    # "matters most": a verdict, however short its predicate
    ranked = len(rest) == 1 and rest[0].lower in ("most", "least", "best")
    if not (ranked or 2 <= len(rest) <= MAX_CLAIM_ANSWER_WORDS) or any(
        t.text in ",;:" or t.tag in FINITE_TAGS for t in tokens[verb + 1 :]
    ):
        return None  # one predicate, no clause of its own after it
    if not ranked and sum(is_content(t) for t in rest) < 2:
        return None
    third = word if tokens[verb].tag in ("VBZ", "NNS") and not plural_noun else _third_person(word)
    end = len(sentence.rstrip(" .!?"))
    predicate = sentence[tokens[verb + 1].start : end]
    answer = sentence[: subject[-1].end]
    return f"What {third} {predicate}?", answer[:1].upper() + answer[1:]


def _third_person(verb: str) -> str:
    """ "keep" -> "keeps", "carry" -> "carries", "teach" -> "teaches", "have" -> "has"."""
    if verb == "have":
        return "has"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    return verb + "s"


_ORIGIN_VERB = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{2,60}?)\s+(?P<verb>comes?|derives?|stems?|springs?)\s+from\s+"
    r"(?P<source>[^,;:]{2,120}?)[.!]?$"
)


def origin_question(sentence: str) -> tuple[str, str] | None:
    """ "The word "hook" comes from fishing." -> ("Where does the word "hook" come from?",
    "Fishing"): where something comes from, asked when the frame is too short to blank."""
    m = _ORIGIN_VERB.match(sentence.strip())
    if not m or len(m.group("source").split()) > MAX_CLAUSE_ANSWER_WORDS:
        return None
    analysis = analyse(sentence)
    if analysis is None:
        return None
    subject_tokens = [t for t in analysis.tokens if t.end <= m.end("subject")]
    if (
        not subject_tokens
        or subject_tokens[0].tag in ("PRP", "WDT")
        or subject_tokens[0].lower in ("this", "that", "it", "they")
    ):
        return None
    subject = _subject_text(sentence, subject_tokens)
    verb = m.group("verb")
    plural = not verb.endswith("s")
    base = verb if plural else _base_form(verb)
    source = m.group("source")
    return (
        f"Where {'do' if plural else 'does'} {subject} {base} from?",
        source[:1].upper() + source[1:],
    )


_IS_WHAT = re.compile(
    r"^(?P<x>[A-Z][\w'’ -]{1,60}?)\s+(?:is|are)\s+what\s+(?P<rest>[a-z][^;:]{3,100}?)[.!]?$"
)


def cleft_question(sentence: str) -> tuple[str, str] | None:
    """ "Ownership is what carries a plan through the first setback." -> ("What carries a
    plan through the first setback?", "Ownership"): the thing the sentence names as the one
    that does something, asked for by what it does."""
    m = _IS_WHAT.match(sentence.strip())
    if not m or len(m.group("x").split()) > MAX_BLANK_WORDS:
        return None
    analysis = _naming_subject(sentence)
    if analysis is None:
        return None
    rest = analysis.index_at(m.start("rest"))
    if rest is None or analysis.tokens[rest].tag not in ("VBZ", "VBP", "MD"):
        return None  # "what the team needs": the thing is the object, asked elsewhere
    x = m.group("x")
    return f"What {m.group('rest')}?", x[:1].upper() + x[1:]


_BECAUSE = re.compile(
    r"^(?P<head>[A-Z][^,;:]{3,120}?),\s+(?:because|since)\s+(?P<why>[^;:]{3,160}?)[.!]?$"
)
MAX_REASON_WORDS = 16


@lru_cache(maxsize=4096)
def reason_question(sentence: str) -> tuple[str, str] | None:
    """ "A story is the strongest opening of all, because people are built to follow a
    narrative." -> ("Why is a story the strongest opening of all?", "Because people are built
    to follow a narrative"): a claim and its reason make a second card beside the claim's
    own. Only a plain present-tense main clause (a named subject, then its verb) is asked."""
    m = _BECAUSE.match(sentence.strip())
    if not m or len(m.group("why").split()) > MAX_REASON_WORDS:
        return None
    head = m.group("head")
    analysis = analyse(head)
    if analysis is None:
        return None
    tokens = analysis.tokens
    verb = next((i for i, t in enumerate(tokens) if t.tag in FINITE_TAGS), None)
    read_as_noun = next((i for i in range(1, len(tokens)) if _verb_read_as_noun(tokens, i)), None)
    if verb is None and read_as_noun is not None:
        verb = read_as_noun  # "The first meeting [matters] most, because ..."
    elif not verb or tokens[verb].tag not in ("VBZ", "VBP", "MD"):
        return None
    if tokens[verb].tag == "MD" and (
        tokens[verb].lower not in ("can", "must", "should")
        or verb + 1 >= len(tokens)
        or tokens[verb + 1].tag != "VB"
    ):
        return None
    subject = tokens[:verb]
    if subject[0].tag in ("PRP", "EX") or subject[0].lower in POINTING_WORDS | {"it"}:
        return None
    if not all(t.tag.startswith(("DT", "JJ", "NN", "PRP$", "POS", "CD")) for t in subject):
        return None
    if not any(is_content(t) for t in subject) or verb + 1 >= len(tokens) or verb == 0:
        return None
    word = tokens[verb].lower
    rest = head[tokens[verb].end :].strip()
    subject_text = _subject_text(head, subject)
    if word in ("is", "are", "can", "must", "should"):
        # "Why can task conflict improve a team's decisions?"
        question = f"Why {word} {subject_text} {rest}?"
    elif word in AUXILIARY_WORDS:
        return None
    else:
        does = "does" if tokens[verb].tag in ("VBZ", "NNS") else "do"
        base = _base_form(word) if does == "does" else word
        question = f"Why {does} {subject_text} {base} {rest}?"
    return question, "Because " + m.group("why")


def _manner_question(
    sentence: str, tokens: tuple[Token, ...], modal: int
) -> tuple[str, str] | None:
    """ "A decision that can be undone cheaply should be made quickly, by the person closest
    to the work." -> ("How should a decision that can be undone cheaply be made?", "Quickly,
    by the person closest to the work"): advice on how a thing is done."""
    at = modal + 2
    if not (
        at + 1 < len(tokens)
        and tokens[modal + 1].lower == "be"
        and tokens[at].tag == "VBN"
        and tokens[at + 1].tag in ("RB", "RBR")
    ):
        return None
    subject = tokens[:modal]
    if not any(is_content(t) for t in subject) or subject[0].tag in ("PRP", "EX", "WDT"):
        return None
    end = next((k for k in range(at + 1, len(tokens)) if tokens[k].text in ";:—–"), len(tokens))
    answer = sentence[tokens[at + 1].start : tokens[end - 1].end].rstrip(" .!?,")
    if len(answer.split()) > MAX_CLAIM_ANSWER_WORDS:
        return None
    subject_text = _subject_text(sentence, subject)
    question = f"How {tokens[modal].lower} {subject_text} be {tokens[at].lower}?"
    return question, answer[:1].upper() + answer[1:]


_KIND_COMPARED = re.compile(
    r"^(?P<det>An?|The)?\s*(?P<noun>(?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:who|that)\s+"
    r"(?P<rest>.+?)\s+than\s+(?P<other>[^;:]+?)[.!]?$",
    re.IGNORECASE,
)


def kind_question(sentence: str) -> tuple[str, str] | None:
    """ "A team that reviews its process after each important decision learns faster than
    one that only celebrates its wins." -> ("Which team learns faster than one that only
    celebrates its wins?", "A team that reviews its process after each important
    decision"): two kinds compared, the one the chapter favours named by what it does."""
    m = _KIND_COMPARED.match(sentence.strip())
    if not m or " than " in m.group("rest"):
        return None
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    start = analysis.index_at(m.start("rest"))
    stop = analysis.index_at(m.end("rest"))
    if start is None or stop is None:
        return None
    # The main verb: the last finite verb before "than" with a comparison after it.
    verb = None
    for i in range(stop, start, -1):
        finite = tokens[i].tag in ("VBZ", "VBP") or (
            tokens[i].tag == "VB" and tokens[i - 1].text == ","  # ", write better hooks"
        )
        if finite and tokens[i - 1].lower not in ("and", "or"):
            verb = i
            break
    if verb is None or verb <= start:
        return None
    if not any(
        t.tag in ("JJR", "RBR") or t.lower in ("more", "better", "less", "fewer")
        for t in tokens[verb + 1 : stop + 1]
    ):
        return None
    if tokens[verb].lower in AUXILIARY_WORDS - {"does", "do"}:
        return None
    # "Speakers who plan their opening last, after they know ...,": the aside stays out.
    answer = sentence[: tokens[verb - 1].end].split(",")[0].rstrip()
    if len(answer.split()) > MAX_CLAIM_ANSWER_WORDS + 4:
        return None
    predicate = sentence[tokens[verb].start :].rstrip(" .!?")
    return f"Which {m.group('noun').lower()} {predicate}?", answer[:1].upper() + answer[1:]


#: Verbs that lead someone to act, taking an object and an infinitive ("teaches the team to
#: bring", "enables the chair to close", "forces speakers to cut"): teaching, inviting,
#: allowing, causing, asking and urging.
_LEADING_VERBS = frozenset(
    (
        "teach",
        "train",
        "coach",
        "invite",
        "encourage",
        "allow",
        "permit",
        "enable",
        "empower",
        "equip",
        "prepare",
        "help",
        "lead",
        "push",
        "ask",
        "tell",
        "urge",
        "remind",
        "persuade",
        "inspire",
        "motivate",
        "prompt",
        "drive",
        "cause",
        "force",
        "compel",
        "oblige",
        "require",
        "get",
        "tempt",
        "challenge",
        "expect",
        "trust",
        "advise",
        "instruct",
        "warn",
    )
)


def _present_forms(base: str) -> str:
    third = base + ("es" if base.endswith(("ch", "sh", "s", "x")) else "s")
    return f"{base}|{third}"


_LEADS_TO = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{2,80}?)\s+(?P<verb>"
    + "|".join(_present_forms(v) for v in sorted(_LEADING_VERBS))
    + r")\s+(?P<object>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"\s+to\s+(?P<what>[a-z][^;:,]{2,80}?)[.!]?$"
)


def infinitive_question(sentence: str) -> tuple[str, str] | None:
    """ "A leader who settles every dispute personally teaches the team to bring every dispute
    to the leader." -> ("What does a leader who settles every dispute personally teach the
    team?", "To bring every dispute to the leader"); "An open question invites a person to
    think aloud." -> ("What does an open question invite a person to do?", "To think
    aloud"): what a thing leads people to do."""
    m = _LEADS_TO.match(sentence.strip())
    if not m or len(m.group("what").split()) > MAX_CLAIM_ANSWER_WORDS:
        return None
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    verb = analysis.index_at(m.start("verb"))
    first_object = analysis.index_at(m.start("object"))
    to = analysis.index_at(m.end("object"))
    if verb is None or first_object is None or to is None or verb == 0:
        return None
    if _points_away(tokens[0]):
        return None
    subject = tokens[:verb]
    if any(t.tag in ("VBD", "MD") for t in subject) or not any(is_content(t) for t in subject):
        return None
    if any(t.tag.startswith("VB") or t.tag in ("IN", "WDT", "WP") for t in tokens[first_object:to]):
        return None  # "helps people who ... to": the object runs into a clause
    after = to + 1 if to < len(tokens) and tokens[to].lower == "to" else None
    if after is None or after >= len(tokens) or tokens[after].tag != "VB":
        return None  # "leads people to the exit": no infinitive
    word = m.group("verb")
    third = word not in _LEADING_VERBS
    does = "does" if third else "do"
    base = _base_form(word) if third else word
    subject_text = _subject_text(sentence, subject)
    what = m.group("what")
    question = f"What {does} {subject_text} {base} {m.group('object')} to do?"
    return question, "To " + what


_MEANS = re.compile(r"^(?P<x>[A-Z][\w'’ -]{1,40}?)\s+means\s+(?P<y>that\s[^;:]{5,160}?)[.!]?$")
MAX_MEANING_WORDS = 16


@lru_cache(maxsize=4096)
def meaning_question(sentence: str) -> tuple[str, str] | None:
    """ "Urgency means that enough people believe the present situation is more dangerous
    than the change." -> ("What does urgency mean?", "That enough people believe ..."): a
    term's meaning stated as a clause."""
    m = _MEANS.match(sentence.strip())
    if not m or len(m.group("y").split()) > MAX_MEANING_WORDS or len(m.group("x").split()) > 4:
        return None
    analysis = _naming_subject(m.group("x"))
    if analysis is None:
        return None
    if not analysis.tokens[-1].tag.startswith("NN"):
        return None
    y = m.group("y")
    return f"What does {_subject_text(m.group('x'), analysis.tokens)} mean?", y[:1].upper() + y[1:]


_Y_RATHER_THAN_X = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{1,60}?)\s+(?P<verb>is|are)\s+(?P<y>[^,;:]{2,60}?)"
    rf"(?:,?\s+(?P<over>{PREFERRED_OVER})|,\s+(?P<not>not))\s+(?P<x>[^,;:]{{2,60}}?)[.!]?$"
)


def _rather_than_question(sentence: str) -> tuple[tuple[str, str], Span] | None:
    """ "Buying time is a technique rather than a weakness." -> ("What is buying time,
    rather than a weakness?", "A technique"); "The aim of an evaluation is to encourage, not
    to correct." -> ("What is the aim of an evaluation, if not to correct?", "To
    encourage"): the copula's "rather than" or ", not" contrast."""
    m = _Y_RATHER_THAN_X.match(sentence.strip())
    if not m or len(m.group("y").split()) > MAX_CONTRAST_WORDS:
        return None
    analysis = _naming_subject(m.group("subject"))
    if analysis is None:
        return None
    if any(t.tag in FINITE_TAGS for t in analysis.tokens):
        return None  # "what leaders say is ...": no plain subject
    y = m.group("y")
    if len(m.group("x").split()) == 1 and len(y.split()) > 3:
        # "is to leave the person feeling celebrated, not exposed": the rejected word answers
        # the last word of the side kept, not all of it.
        return None
    said = analyse(sentence)
    at = said.index_at(m.start("y")) if said else None
    if at is None or said is None or said.tokens[at].tag in ("VBN", "VBD", "RB"):
        return None  # "are used together, not one at a time": a passive, not a thing named
    subject = _subject_text(m.group("subject"), analysis.tokens)
    # "The aim of the first evaluation is to encourage, not to correct."
    contrast = "if not" if m.group("not") else " ".join(m.group("over").lower().split())
    question = f"What {m.group('verb')} {subject}, {contrast} {m.group('x')}?"
    return (question, y[:1].upper() + y[1:]), (m.start("y"), m.end("y"))


_JUDGED_BY = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{2,60}?)\s+(?P<be>is|are)\s+(?:(?:usually|often|best|always)\s+)?"
    r"(?P<done>[a-z]+)\s+(?P<y>(?P<means>by|through|in)\s[^,;:]{2,60}?)"
    r"(?:,\s+not\s+(?P<only>only\s+|just\s+|merely\s+)?"
    r"(?P<x>(?:by|through|in)\s[^,;:]{2,60}?))?[.!]?$"
)


def judged_by_question(sentence: str) -> tuple[str, str] | None:
    """What a thing is measured or judged by, where the chapter sets it against another
    measure (see `_done_by`); with no contrast the statement is left to its cloze."""
    m = _JUDGED_BY.match(sentence.strip())
    return _done_by(sentence) if m and m.group("x") else None


def means_question(sentence: str) -> tuple[str, str] | None:
    """The means of any passive, with no contrast: "Progress is tracked by a checklist" ->
    ("How is progress tracked?", "By a checklist") (see `_done_by`)."""
    m = _JUDGED_BY.match(sentence.strip())
    return _done_by(sentence) if m and not m.group("x") else None


def _done_by(sentence: str) -> tuple[str, str] | None:
    """ "The quality of a decision is measured by the process that produced it, not only by
    the outcome." -> ("How is the quality of a decision measured, besides by the outcome?",
    "By the process that produced it"): what a thing is measured or judged by, the side the
    chapter puts first; with no contrast, the means of any passive ("Progress is tracked by
    a checklist" -> ("How is progress tracked?", "By a checklist"))."""
    m = _JUDGED_BY.match(sentence.strip())
    if not m or len(m.group("y").split()) > MAX_CLAIM_ANSWER_WORDS:
        return None
    if not m.group("x") and (
        m.group("means") == "in" or re.search(r"\b(?:than|more|less)\b|[()]", sentence)
    ):
        # "is held in the library": a place, not a means; "more leadership is exercised by
        # middle-level leaders than by ...": a comparison of who does it, not a means.
        return None
    said = analyse(sentence)
    done = said.index_at(m.start("done")) if said else None
    if said is None or done is None or said.tokens[done].tag != "VBN":
        return None  # "is open by appointment": no verb done to the subject
    analysis = _naming_subject(m.group("subject"))
    if analysis is None:
        return None
    if any(t.tag in FINITE_TAGS for t in analysis.tokens):
        return None
    subject = _subject_text(m.group("subject"), analysis.tokens)
    if m.group("x"):
        besides = "besides" if m.group("only") else "if not"
        question = f"How {m.group('be')} {subject} {m.group('done')}, {besides} {m.group('x')}?"
    else:
        # "Commitment is measured by a simple scale": the means is the point.
        question = f"How {m.group('be')} {subject} {m.group('done')}?"
    y = m.group("y")
    return question, y[:1].upper() + y[1:]


def _verb_read_as_noun(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the word at `i` is a verb the tagger read as a plural noun: "matters" in "The
    first meeting matters most", followed by nothing but an adverb of degree."""
    return tokens[i].lower in _VERB_AS_NOUN and all(
        t.tag in ("RB", "RBR", "RBS", "JJS", "JJR", ".") for t in tokens[i + 1 :]
    )


_RELATIVE_WORDS = frozenset(["who", "that", "which"])
_BACK_POINTERS = frozenset(["it", "them", "they", "this", "these", "those", "he", "she", "him"])


def relative_subject_question(sentence: str) -> tuple[str, str] | None:
    """ "An officer who accepts every request soon does none of them well." -> ("Which
    officer soon does none of them well?", "An officer who accepts every request"): a kind of
    person or thing named by what it does, asked for by what the chapter says of it."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    rel = next((i for i, t in enumerate(tokens) if t.lower in _RELATIVE_WORDS), None)
    if (
        rel is None
        or rel == 0
        or not all(t.tag.startswith(("DT", "JJ", "NN")) for t in tokens[:rel])
    ):
        return None
    if not tokens[rel - 1].tag.startswith("NN") or tokens[0].lower in QUANTIFIERS:
        return None
    finite = [
        i
        for i in range(rel + 1, len(tokens))
        if tokens[i].tag in ("VBZ", "VBP", "VBD", "MD")
        and tokens[i - 1].lower not in ("and", "or")
        and not (tokens[i - 1].tag == "RB" and tokens[i - 2].lower in ("and", "or", "but"))
    ]
    if len(finite) != 2:
        return None  # one verb for the relative clause and one main verb, nothing nested
    main = finite[1]
    if tokens[main].tag in ("MD", "VBD") or any(t.text in ",;:" for t in tokens[main:]):
        return None
    if any(t.tag in ("WP", "WRB", "WDT") or t.lower == "that" for t in tokens[rel + 1 : main]):
        return None  # "use when they talk ...": a clause inside the relative clause
    if any(t.lower in _SUBORDINATING for t in tokens[rel + 1 : main]):
        return None  # "hear about trouble while it is small": the relative verb was misread
    if main + 1 < len(tokens) and tokens[main + 1].tag in ("VB", "VBN", "VBP", "VBZ"):
        return None  # "believe their leader listens bring": the verbs were misread
    predicate = [t for t in tokens[main:] if is_word(t)]
    needed = 1 if tokens[main].lower in ("is", "are") else 2  # "is over time"
    if (
        any(t.lower in _BACK_POINTERS for t in predicate)
        or sum(is_content(t) for t in predicate) < needed
    ):
        return None  # "finish it with ...": the question would point back
    answer = sentence[: tokens[main - 1].end].split(",")[0].rstrip()
    if len(answer.split()) > MAX_CLAIM_ANSWER_WORDS + 2 or tokens[main - 1].text == ",":
        return None
    if predicate[-1].lower in ("one", "ones"):
        return None  # "does not yet have one": one of what the sentence before named
    first = 1 if tokens[0].tag == "DT" else 0
    noun = _subject_text(sentence, tokens[first:rel]) if first < rel else ""
    if not noun:
        return None
    verb = tokens[main].lower if tokens[main].tag == "VBZ" else _third_person(tokens[main].lower)
    if tokens[main].tag == "VBP":
        verb = tokens[main].lower  # "Which officers [finish] ...": the plural agrees
    predicate_text = sentence[tokens[main].end : len(sentence.rstrip(" .!?"))]
    return f"Which {noun} {verb}{predicate_text}?", answer[:1].upper() + answer[1:]


_SUBORDINATING = frozenset(
    ["while", "when", "because", "if", "although", "though", "before", "after", "until"]
    + ["unless", "since", "whenever", "once"]
)

_ONE_TEST = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{2,60}?)\s+(?P<be>is|are)\s+(?P<done>judged|measured|tested|known)"
    r"\s+by\s+(?P<one>one|a single|a simple)\s+(?P<noun>[a-z]+):\s+(?P<what>[^;:]{3,120}?)[.!]?$"
)


def one_test_question(sentence: str) -> tuple[str, str] | None:
    """ "A good evaluation is judged by one test: whether the speaker wants to give the next
    speech." -> ("What one test is a good evaluation judged by?", "Whether the speaker wants
    to give the next speech"): the measure the colon names."""
    m = _ONE_TEST.match(sentence.strip())
    if not m or len(m.group("what").split()) > MAX_CLAUSE_ANSWER_WORDS:
        return None
    analysis = _naming_subject(m.group("subject"))
    if analysis is None:
        return None
    subject = _subject_text(m.group("subject"), analysis.tokens)
    one = "one" if m.group("one") == "one" else "single"
    question = f"What {one} {m.group('noun')} {m.group('be')} {subject} {m.group('done')} by?"
    what = m.group("what")
    return question, what[:1].upper() + what[1:]


def _naming_subject(text: str) -> Analysis | None:
    """The analysis of a text whose first word names something: None when it opens on a
    pronoun, "there", a relative word or a pointer back ("this", "those"), which a question
    cannot carry to a card of its own."""
    analysis = analyse(text)
    if analysis is None or _points_away(analysis.tokens[0]):
        return None
    return analysis


def _points_away(token: Token) -> bool:
    return token.tag in ("PRP", "EX", "WDT") or token.lower in POINTING_WORDS | {"it"}


#: Words that open a clause inside a subject, whose first finite verb is that clause's own:
#: "Followers [who are punished for a decision [that went wrong]] soon stop deciding".
_OPENS_CLAUSE = frozenset(
    ["who", "which", "whom", "whose", "why", "how", "what", "whether", "when", "where", "if"]
)
_PLACE_PREPOSITIONS = frozenset(["in", "at", "within", "inside", "on"])
#: Nouns that make "in the first week" a time, not a place.
_TIME_NOUNS = (
    frozenset(["moment", "start", "end", "beginning", "time", "times", "run", "past", "future"])
    | frozenset(["season", "seasons", "term", "quarter"])
    | DURATIONS
)
#: "X is itself a form of recognition": what X is one of.
_ONE_OF_A_KIND = frozenset(
    ["form", "kind", "type", "sort", "sign", "source", "measure", "symptom", "part", "test"]
)
_HOW_LONG = frozenset(["long", "shortly", "soon", "just", "right", "well", "immediately"])
_WHEN_WORDS = frozenset(["while", "before", "after", "once", "until", "whenever"])
_SAYING = REPORTING_VERBS | {"report", "reports", "know", "knows", "agree", "agrees"}
_REPORTING_QUANTIFIERS = frozenset(["most", "many", "few", "half", "nearly", "almost"])
MAX_PREDICATE_ANSWER_WORDS = 8


def _main_verb(tokens: tuple[Token, ...]) -> int | None:
    """The index of the main clause's finite verb: each clause the subject opens ("who
    ...", "that ...", "why ...") takes the first finite verb after it. None when a comma or
    a clause word comes first (an aside or a leading clause)."""
    pending = 0
    for i, t in enumerate(tokens):
        if t.text in _CLAUSE_STOP:
            return None
        opens = t.lower in _OPENS_CLAUSE or (
            t.lower == "that" and i and tokens[i - 1].tag in ("NN", "NNS")
        )
        before = tokens[i - 1].tag if i else ""
        after = tokens[i + 1].tag if i + 1 < len(tokens) else ""
        if t.tag == "VBD" and after in ("NN", "NNS") and before in ("", "DT", "JJS", "PRP$"):
            continue  # "Most [failed] decisions": a participle describing the noun
        if t.tag == "VBD" and reduced_relative(tokens, i):
            continue  # "A win [declared] too early gives ..."
        # "... soon [stop] deciding": the tagger reads a verb after an adverb as a bare form;
        # "agreements made in a hurry [tend] to unravel": a verb before its infinitive.
        bare = (
            t.tag == "VB"
            and not pending
            and before in ("NN", "NNS", "RB", "JJ")
            or (
                i
                and t.lower in ("tend", "tends", "seem", "seems")
                and i + 2 < len(tokens)
                and tokens[i + 1].lower == "to"
                and tokens[i + 2].tag == "VB"
            )
        )
        # "who simply [answers]", "that [watches] its leader": right after its clause word,
        # the tagger reads the clause's verb as a plural noun.
        opened = next(
            (k for k in range(i - 1, max(i - 3, -1), -1) if tokens[k].tag not in ("RB", "JJ")),
            -1,
        )
        misread = (
            pending
            and t.tag in ("NNS", "NN")
            and opened >= 0
            and (tokens[opened].lower in ("who", "that", "which"))
            and all(tokens[k].tag in ("RB", "JJ") for k in range(opened + 1, i))
            and _can_be_verb(_base_form(t.lower))
        )
        if misread:
            pending -= 1
            continue
        if i and opens:
            pending += 1
        elif t.tag in FINITE_TAGS or bare or i and t.lower in _VERB_AS_NOUN and t.tag == "NNS":
            if not i:
                return None
            if pending:
                # "who believe [their leader listens]": a verb that takes a clause opens one.
                soon = tokens[i + 2 : i + 4]
                clause = t.lower in _TAKES_A_CLAUSE and any(
                    n.tag in ("VBZ", "VBP") or n.lower in _VERB_AS_NOUN for n in soon
                )
                pending -= 0 if clause else 1
                continue
            if t.tag == "MD" or t.lower in AUXILIARY_WORDS:
                return i
            return i if _can_be_verb(_base_form(t.lower)) else None
    return None


#: Verbs whose object may be a clause with no "that": "Followers who believe their leader
#: listens bring problems early".
_TAKES_A_CLAUSE = frozenset(
    ["believe", "believes", "think", "thinks", "know", "knows", "feel", "feels", "say", "says"]
    + ["hope", "hopes", "expect", "expects", "see", "sees", "find", "finds", "learn", "learns"]
)
#: Participles whose "in" says where, not how: "trust is seen in friendship".
_SEEN = frozenset(["seen", "found", "shown", "observed", "felt", "heard", "held", "used"])


@lru_cache(maxsize=4096)
def predicate_question(sentence: str) -> tuple[str, str] | None:
    """A claim asked for what its subject does, when no object or complement question fits:
    "Change succeeds or fails in the middle of the organization." -> ("Where does change
    succeed or fail?", "In the middle of the organization"); "Followers who are punished for a
    decision that went wrong soon stop deciding." -> ("What do followers who are punished for
    a decision that went wrong soon do?", "Stop deciding"); "Most failed decisions were made
    in haste." -> ("How were most failed decisions made?", "In haste"); "Moving someone up a
    level is a form of recognition." -> ("What is moving someone up a level a form of?",
    "Recognition"). A finding reported in the past tense is asked only of a subject that
    counts ("Most ...", "Many ..."): other past-tense sentences tell a story."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    first = tokens[0]
    if first.tag in ("PRP", "EX", "WDT", "WP", "WRB", "IN", "CC", "RB", "VB", "CD", "MD"):
        return None
    if first.lower in POINTING_WORDS | {"it", "there"}:
        return None
    verb = _main_verb(tokens)
    if verb is None:
        return None
    end = verb
    while end > 1 and tokens[end - 1].tag == "RB" and tokens[end - 1].lower != "not":
        end -= 1  # "soon stop": the adverb stays with the question
    subject = tokens[:end]
    if subject[-1].tag in ("IN", "DT", "CC") or not any(
        t.tag.startswith("NN") or (lexicon_tag(t.lower) or "").startswith("NN") for t in subject
    ):
        return None
    if any(t.lower in _SAYING or t.text in ('"', "“", "?") for t in subject):
        return None  # "Members who speak report that the fear fades": a finding, read apart
    adverbs = sentence[tokens[end].start : tokens[verb].start].strip() if end < verb else ""
    stop = next((k for k in range(verb, len(tokens)) if tokens[k].text in _CLAUSE_STOP), None)
    stop = len(tokens) if stop is None else stop
    if tokens[-1].text in ".!":
        stop = min(stop, len(tokens) - 1)
    # A pronoun inside a clause of time has its referent there ("before people notice that
    # they are tired"); elsewhere it points back.
    own = next((k for k in range(verb, stop) if tokens[k].lower in _SUBORDINATING), stop)
    if any(t.tag == "PRP" and not t.lower.endswith(("self", "selves")) for t in tokens[:own]):
        return None  # "the culture in which they work", "loses them": who is not said here
    said = tokens[verb]
    subject_text = _subject_text(sentence, subject)
    past = said.tag == "VBD"
    if past and first.lower not in _REPORTING_QUANTIFIERS:
        return None
    compared = (
        _compared_subject(sentence, tokens, subject, verb, stop)
        or _tendency(sentence, tokens, subject_text, verb, stop)
        or _deciding_most(sentence, tokens, subject, verb, stop)
    )
    if compared:
        return compared
    if any(t.lower in ("not", "never", "no", "than") for t in tokens[verb:stop]):
        return None  # a denial or a comparison is asked by its own makers
    if said.lower in COPULAS:
        return _be_question(sentence, tokens, subject_text, verb, stop)
    if said.tag == "MD":
        return _modal_question(sentence, tokens, subject, subject_text, verb, stop)
    if said.lower in ("has", "have") and not past:
        return _done_question(sentence, tokens, subject, subject_text, verb, stop)
    if said.lower in AUXILIARY_WORDS:
        return None
    j = verb + 1
    base = _base_form(said.lower) if said.tag in ("VBZ", "NNS") else said.lower
    if j + 1 < stop and tokens[j].lower == "or" and tokens[j + 1].tag == said.tag:
        other = tokens[j + 1].lower
        base += " or " + (_base_form(other) if said.tag in ("VBZ", "NNS") else other)
        j += 2
    does = "did" if past else "does" if said.tag in ("VBZ", "NNS") else "do"
    middle = f" {adverbs}" if adverbs else ""
    placed = _place_or_time(sentence, tokens, j, stop)
    if placed:
        where, held, answer = placed
        return f"{where} {does} {subject_text}{middle} {base}{held}?", answer
    timed = next(
        (
            k
            for k in range(j + 1, len(tokens) - 1)
            if tokens[k].lower in _WHEN_WORDS
            and is_word(tokens[k + 1])  # "announce it once, at a meeting": an adverb
            # "while CEOs focus on ...": a contrast; "while it is still small": a time
            and (tokens[k].lower != "while" or tokens[k + 1].tag in ("PRP", "VBG"))
        ),
        None,
    )
    if timed is not None and tokens[timed - 1].lower in _HOW_LONG:
        timed -= 1  # "[long] before the skill is polished"
    if (
        timed is not None
        and not past
        and all(
            t.text not in _CLAUSE_STOP and t.lower not in _SUBORDINATING for t in tokens[j:timed]
        )
    ):
        # "... hear about trouble while it is still small": when it holds is the point.
        when = [t for t in tokens[timed:] if is_word(t)]
        if (
            len(when) <= MAX_CLAIM_ANSWER_WORDS
            and not is_function(when[-1])
            and not any(t.lower in _SUBORDINATING for t in when[2:])
        ):
            done = sentence[tokens[j - 1].end : tokens[timed - 1].end]
            answer = sentence[when[0].start : when[-1].end]
            question = f"When {does} {subject_text}{middle} {base}{done}?"
            return question, answer[:1].upper() + answer[1:]
    relative = any(t.lower in _OPENS_CLAUSE or t.lower == "that" for t in subject[1:])
    if past or not relative:
        return None  # "What do novice coaches do?" has as many answers as the chapter
    done = [t for t in tokens[verb:stop] if is_word(t)]
    at_all = len(done) > 2 and [t.lower for t in done[-2:]] == ["at", "all"]
    if len(done) > MAX_PREDICATE_ANSWER_WORDS or is_function(done[-1]) and not at_all:
        return None
    if not any(is_content(t) for t in done[1:]):
        return None  # "Leaders who wait lose": the verb alone says too little
    if any(t.tag == "CD" for t in done):
        return None  # "give one of three reasons": the count of what the chapter lists next
    answer = base + sentence[tokens[j - 1].end : done[-1].end]
    return f"What {does} {subject_text}{middle} do?", answer[:1].upper() + answer[1:]


def _be_question(
    sentence: str, tokens: tuple[Token, ...], subject: str, verb: int, stop: int
) -> tuple[str, str] | None:
    """ "Most failed decisions were made in haste" -> how they were made; "X is itself a
    form of recognition" -> what X is a form of."""
    be = tokens[verb].lower
    j = verb + 1
    while j < stop and tokens[j].tag == "RB" or j < stop and tokens[j].lower == "itself":
        j += 1
    if (
        j + 2 < stop
        and tokens[j].tag == "VBN"
        and tokens[j + 1].lower in ("in", "with")
        and tokens[j].lower not in _SEEN
    ):
        manner = [t for t in tokens[j + 1 : stop] if is_word(t)]
        if len(manner) > 4 or any(t.tag in ("DT", "PRP$") for t in manner):
            return None  # "made in the library": a place, asked elsewhere
        answer = sentence[manner[0].start : manner[-1].end]
        return f"How {be} {subject} {tokens[j].lower}?", answer[:1].upper() + answer[1:]
    if (
        j + 3 < stop + 1
        and tokens[j].lower in ("a", "an")
        and tokens[j + 1].lower in _ONE_OF_A_KIND
        and tokens[j + 2].lower == "of"
    ):
        kind = [t for t in tokens[j + 3 : stop] if is_word(t)]
        if not kind or len(kind) > MAX_CLAIM_ANSWER_WORDS or is_function(kind[-1]):
            return None
        answer = sentence[kind[0].start : kind[-1].end]
        what = f"{tokens[j].lower} {tokens[j + 1].lower} of"
        return f"What {be} {subject} {what}?", answer[:1].upper() + answer[1:]
    if (
        j + 1 < stop
        and tokens[j].lower == "to"
        and tokens[j + 1].tag == "VB"
        and _head_before_of(tokens[:verb]) in _PURPOSES
        and verb > 2  # "the aim" alone: the aim of what the sentence before named
    ):
        # "A moderator's job is to make the panellists look good": the job is the point.
        done = [t for t in tokens[j:stop] if is_word(t)]
        if len(done) <= MAX_CLAIM_ANSWER_WORDS + 2 and not is_function(done[-1]):
            answer = sentence[done[0].start : done[-1].end]
            return f"What {be} {subject}?", answer[:1].upper() + answer[1:]
    return _named_by_its_clause(sentence, tokens, verb, j, stop)


def _head_before_of(subject: tuple[Token, ...]) -> str:
    """The subject's head noun: "the [purpose] of an evaluation", "a moderator's [job]"."""
    of = next((k for k, t in enumerate(subject) if t.lower == "of" and k), len(subject))
    return subject[of - 1].lower


_PURPOSES = frozenset(
    ["job", "role", "task", "aim", "purpose", "goal", "duty", "mission", "point", "work"]
)


def _named_by_its_clause(
    sentence: str, tokens: tuple[Token, ...], verb: int, j: int, stop: int
) -> tuple[str, str] | None:
    """ "Pace is the lever most speakers misuse" -> ("What is the lever most speakers
    misuse?", "Pace"): a thing named, then described by a clause of its own, is asked for
    by the description."""
    if j >= stop or tokens[j].lower != "the" or verb > 4:
        return None
    k = j + 1
    while (
        k < stop
        and tokens[k].tag in ("JJ", "NN", "NNS")
        and tokens[k + 1 : k + 2]
        and (tokens[k + 1].tag in ("JJ", "NN", "NNS"))
    ):
        k += 1
    if k + 2 >= stop or not tokens[k].tag.startswith("NN"):
        return None
    clause = tokens[k + 1 :]
    relative = clause[0].lower in ("that", "who", "which")
    contact = clause[0].tag in ("RBS", "DT", "JJ", "NNS", "NN", "PRP$") and any(
        t.tag in ("VBP", "VBZ") for t in clause[:4]
    )
    if not (relative or contact):
        return None
    subject = tokens[:verb]
    if any(t.tag in ("PRP", "WDT", "WP") or t.lower in POINTING_WORDS for t in subject):
        return None
    end = tokens[stop - 1].end
    question = f"What {tokens[verb].lower} {sentence[tokens[j].start : end]}?"
    answer = sentence[subject[0].start : subject[-1].end]
    return question, answer[:1].upper() + answer[1:]


def _place_or_time(
    sentence: str, tokens: tuple[Token, ...], j: int, stop: int
) -> tuple[str, str, str] | None:
    """Where or when a verb's action happens, from `j` after the verb: ("Where", "", "In the
    middle of the organization"), or with an object kept in the question ("When", " your
    glass", "Only at the end")."""
    k = j
    while k < stop and tokens[k].tag in ("DT", "PRP$", "JJ", "NN", "NNS", "POS"):
        k += 1
    held = sentence[tokens[j - 1].end : tokens[k - 1].end] if k > j else ""
    start = k
    if k < stop and tokens[k].lower in ("only", "just", "always", "usually"):
        k += 1
    timed = k < stop and tokens[k].lower in ("before", "after", "during")
    if not (
        k + 2 <= stop
        and (tokens[k].lower in _PLACE_PREPOSITIONS or timed)
        and tokens[k + 1].tag in ("DT", "PRP$")
    ):
        return None
    place = [t for t in tokens[start:stop] if is_word(t)]
    head = next((t for t in place[2:] if t.tag.startswith("NN")), None)
    if head is None or len(place) > MAX_CLAIM_ANSWER_WORDS or is_function(place[-1]):
        return None
    answer = sentence[place[0].start : place[-1].end]
    # "within a season", "before the punchline": a time
    where = "When" if timed or head.lower in _TIME_NOUNS else "Where"
    return where, held, answer[:1].upper() + answer[1:]


def _modal_question(
    sentence: str,
    tokens: tuple[Token, ...],
    subject: tuple[Token, ...],
    subject_text: str,
    verb: int,
    stop: int,
) -> tuple[str, str] | None:
    """ "A team that watches its leader change a habit will offer the next comment sooner"
    -> ("What will a team that watches its leader change a habit do?", "Offer the next
    comment sooner"): what a subject named by its own clause will or must do; where or when
    a subject should do something ("The reader should raise a glass only at the end" ->
    "When should the reader raise a glass?")."""
    modal = tokens[verb].lower
    if modal not in ("will", "must", "should", "can", "would") or verb + 1 >= stop:
        return None
    if tokens[verb + 1].tag != "VB" or tokens[verb + 1].lower in AUXILIARY_WORDS:
        return None
    placed = _place_or_time(sentence, tokens, verb + 2, stop)
    if placed:
        where, held, answer = placed
        return f"{where} {modal} {subject_text} {tokens[verb + 1].lower}{held}?", answer
    if not any(t.lower in _OPENS_CLAUSE or t.lower == "that" for t in subject[1:]):
        return None  # "What will leaders do?" has as many answers as the chapter
    done = [t for t in tokens[verb + 1 : stop] if is_word(t)]
    if len(done) < 2 or len(done) > MAX_PREDICATE_ANSWER_WORDS or is_function(done[-1]):
        return None
    answer = sentence[done[0].start : done[-1].end]
    return f"What {modal} {subject_text} do?", answer[:1].upper() + answer[1:]


def _done_question(
    sentence: str,
    tokens: tuple[Token, ...],
    subject: tuple[Token, ...],
    subject_text: str,
    verb: int,
    stop: int,
) -> tuple[str, str] | None:
    """ "A speaker who begins with an apology has told the audience to expect little" ->
    ("What has a speaker who begins with an apology done?", "Told the audience to expect
    little"): what a subject named by its own clause has already done."""
    if verb + 1 >= stop or tokens[verb + 1].tag != "VBN" or tokens[verb + 1].lower == "been":
        return None
    if not any(t.lower in _OPENS_CLAUSE or t.lower == "that" for t in subject[1:]):
        return None
    done = [t for t in tokens[verb + 1 : stop] if is_word(t)]
    if len(done) < 2 or len(done) > MAX_PREDICATE_ANSWER_WORDS or is_function(done[-1]):
        return None
    answer = sentence[done[0].start : done[-1].end]
    has = tokens[verb].lower
    return f"What {has} {subject_text} done?", answer[:1].upper() + answer[1:]


_PEOPLE = frozenset(
    ["people", "person", "staff", "member", "audience", "mentor", "coach", "boss", "colleague"]
    + ["peer", "guest", "client", "customer", "employee", "volunteer", "officer", "chair"]
    + ["team", "followers", "child", "parent", "friend", "expert", "novice", "newcomer"]
)


def _a_person(phrase: list[Token]) -> bool:
    """True when the phrase's head noun (before any clause of its own) names people."""
    head = None
    for t in phrase:
        if t.tag in ("WDT", "WP", "IN", "TO") or t.lower == "that":
            break
        if t.tag.startswith("NN"):
            head = t
    if head is None or head.tag.startswith("NNP"):
        return False
    return _names_people(head.lower)


def _names_people(word: str) -> bool:
    """People by name ("members", "colleagues") or by what they do: a "-ist", or an "-er"
    or "-or" whose stem is a verb ("followers", "moderator"); "answer", "argument" are not."""
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word.endswith(("sses", "ches", "shes")):
        single = word[:-2]  # "bosses"
    if single in _PEOPLE or single.endswith(("ist", "ator")):
        return True
    if not single.endswith(("er", "or")):
        return False
    stem = single[:-2]
    return any(
        (lexicon_tag(form) or "").startswith("VB") for form in (stem, stem + "e") if len(form) > 2
    )


def _deciding_most(
    sentence: str, tokens: tuple[Token, ...], subject: tuple[Token, ...], verb: int, stop: int
) -> tuple[str, str] | None:
    """ "Preparation decides most negotiations." -> ("What decides most negotiations?",
    "Preparation"): a thing said to rule most cases of another is a verdict, asked for by
    the cases it rules."""
    said = tokens[verb]
    rest = [t for t in tokens[verb + 1 : stop] if is_word(t)]
    if not rest or rest[0].lower not in ("most", "every", "all", "many") or len(rest) > 6:
        return None
    if said.tag not in ("VBZ", "NNS") or said.lower in AUXILIARY_WORDS or len(subject) > 3:
        return None
    if not subject[-1].tag.startswith("NN") and not (
        (lexicon_tag(subject[-1].lower) or "").startswith("NN")
    ):
        return None
    question = f"What {said.lower} {sentence[rest[0].start : rest[-1].end]}?"
    answer = sentence[subject[0].start : subject[-1].end]
    return question, answer[:1].upper() + answer[1:]


def _tendency(
    sentence: str, tokens: tuple[Token, ...], subject: str, verb: int, stop: int
) -> tuple[str, str] | None:
    """ "Agreements made in a hurry tend to unravel." -> ("What do agreements made in a hurry
    tend to do?", "Unravel"): what a kind of thing is apt to do."""
    said = tokens[verb].lower
    if said not in ("tend", "tends") or verb + 2 >= stop or tokens[verb + 1].lower != "to":
        return None
    if not any(t.tag in ("VBN", "WDT", "WP", "JJ") or t.lower == "that" for t in tokens[:verb]):
        return None  # "What do leaders tend to do?" has as many answers as the chapter
    done = [t for t in tokens[verb + 2 : stop] if is_word(t)]
    if not done or done[0].tag != "VB" or len(done) > MAX_PREDICATE_ANSWER_WORDS:
        return None
    if is_function(done[-1]) and done[-1].lower not in _PARTICLES | {"off", "away"}:
        return None  # ("speed [up]" ends on its particle)
    if done[0].lower in AUXILIARY_WORDS:
        return None
    does = "does" if said == "tends" else "do"
    answer = sentence[done[0].start : done[-1].end]
    return f"What {does} {subject} tend to do?", answer[:1].upper() + answer[1:]


def _compared_subject(
    sentence: str, tokens: tuple[Token, ...], subject: tuple[Token, ...], verb: int, stop: int
) -> tuple[str, str] | None:
    """ "Timing matters more than the words" -> ("What matters more than the words?",
    "Timing"): what wins a comparison, asked for by it."""
    rest = tokens[verb + 1 : stop]
    than = next((k for k, t in enumerate(rest) if t.lower == "than"), None)
    # "a strong close matters [as much as] a strong opening": an equal is asked alike
    equal = any(rest[k].lower == "as" and rest[k + 2].lower == "as" for k in range(len(rest) - 2))
    if not equal and (than is None or not any(t.tag in ("JJR", "RBR") for t in rest[:than])):
        return None
    if len(subject) > 4 or any(t.tag in ("PRP", "PRP$", "CD") for t in subject):
        return None
    if len(subject) == 1 and subject[0].tag == "NNS":
        return None  # "Decisions fail more often than ...": a bare plural is no one thing
    if not subject[-1].tag.startswith("NN") and not (
        len(subject) == 1 and (lexicon_tag(subject[0].lower) or "").startswith(("NN", "VBG"))
    ):
        return None
    said = tokens[verb]
    if said.lower in COPULAS:
        verb_text = "was" if said.lower in ("was", "were") else "is"
    elif said.tag in ("VBZ", "NNS"):
        verb_text = said.lower
    else:
        verb_text = _third_person(said.lower)
    who = "Who" if _names_people(subject[-1].lower) else "What"
    question = f"{who} {verb_text}{sentence[said.end : tokens[stop - 1].end]}?"
    answer = sentence[subject[0].start : subject[-1].end]
    return question, answer[:1].upper() + answer[1:]


def extraposed_question(sentence: str) -> tuple[str, str] | None:
    """ "It is important to notice which tasks drain you." -> ("What is it important to
    notice?", "Which tasks drain you"): what the chapter judges worth doing."""
    m = EXTRAPOSED.match(sentence.strip())
    if not m:
        return None
    what = m.group("what")
    cut = re.search(r",|\s(?:because|since|so that|when|if|before|while)\s", what)
    if cut:
        what = what[: cut.start()]
    words = what.split()
    if not 1 <= len(words) <= MAX_CLAIM_ANSWER_WORDS:
        return None
    if words[0].lower() in _ASKED_PREPOSITIONS | {"of", "in", "at", "by"} or any(
        w.lower().strip(".,") in ("it", "them", "they", "this", "these", "him", "her")
        for w in words
    ):
        return None  # "to think [of them] ...": a verb's particle, or who is not said here
    if not _can_be_verb(m.group("verb")):
        return None
    who = f" for {m.group('who')}" if m.group("who") else ""
    oneself = ""
    if len(words) > 1 and words[-1].lower() in ("yourself", "themselves", "himself", "herself"):
        oneself = " " + words[-1]  # "to answer every question yourself"
        what = what[: what.rfind(" ")]
    question = f"What is it {m.group('judged')}{who} to {m.group('verb')}{oneself}?"
    return question, what[:1].upper() + what[1:]


# "The decisions that succeeded had something in common: more than one option was on the
# table": what a group shares, given after the colon.
_IN_COMMON = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{2,80}?)\s+(?P<have>have|has|had|share|shared|shares)\s+"
    r"(?:something|one thing|this|a feature|a trait)(?:\s+in common)?:\s+(?P<what>[^;:]{3,120}?)[.!]?$"
)


def in_common_question(sentence: str) -> tuple[str, str] | None:
    """What the things a sentence names have in common, after its colon: ("What did the
    decisions that succeeded have in common?", "More than one option was on the table")."""
    m = _IN_COMMON.match(sentence.strip())
    if not m or m.group("subject").split()[0].lower() in POINTING_WORDS | {"it", "they"}:
        return None
    what = m.group("what")
    cut = re.search(r"\s(?:before|after|because|when|while|so)\s", what)
    if cut and len(what[: cut.start()].split()) >= 3:
        what = what[: cut.start()]
    if len(what.split()) > MAX_CLAIM_ANSWER_WORDS + 2:
        return None
    have = m.group("have")
    does = {"had": "did", "shared": "did", "has": "does", "shares": "does"}.get(have, "do")
    verb = "share" if have.startswith("share") else "have"
    subject = m.group("subject")
    subject = subject[:1].lower() + subject[1:] if not subject[:2].isupper() else subject
    question = f"What {does} {subject} {verb} in common?"
    return question, what[:1].upper() + what[1:]
