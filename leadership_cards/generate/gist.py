"""The gist of a list item: the short phrase a learner can recall, not the sentence to recite.

A technique is stated as a long first sentence ("Inner leaders need to prepare to serve their
followers by learning to relate in one-on-one relationships with followers to convey ...").
What is worth recalling is its verb phrase, without the subject boilerplate ("Inner leaders
need to", "A first task is") and without the qualification that follows the first relative
clause, means ("by", "through"), purpose ("to convey") or clause break. The phrase is given as
a gerund ("Learning to relate ..."), so every answer in a list reads alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leadership_cards.generate.text import (
    _BASE_VERBS,
    DETERMINERS,
    PREPOSITIONS,
    _set,
    capitalise,
    ends_in_function_word,
    word_count,
)

MIN_GIST_WORDS = 4
MAX_GIST_WORDS = 15

_ROLE = r"(?:task|step|job|need|skill|technique|requirement|principle|element|aspect)"
_TASK_IS = re.compile(
    rf"^(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+(?:(?:in|of|for)\s+[^,]{{0,60}}?\s+)?"
    r"(?:is|are)\s+(?:to\s+)?",
    re.IGNORECASE,
)
_ASKS_LEADERS = re.compile(
    r"^(?:[\w'’-]+\s+){0,6}?(?:asks?|requires?|invites?|expects?|calls\s+on)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:leaders|managers|members|them)\s+to\s+",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:(?:successful|effective|good|excellent|all|most|many|the)\s+)*"
    r"(?:(?:inner|top|middle|mid-level|in-the-middle|servant|service)\s+)?"
    r"(?:leaders|managers|followers|members|we|you)\s+",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"^(?:(?:must|should|can|will|need\s+to|needs\s+to|have\s+to|has\s+to|learn\s+to|"
    r"learns\s+to|are\s+to|is\s+to|also|always|often|to)\s+)+",
    re.IGNORECASE,
)
_GERUND_SUBJECT = re.compile(
    r"^(?P<subject>[A-Z][a-z]+ing\b[^,;:]{3,100}?)\s+(?:is|are|implies|means|requires|asks|"
    r"becomes|forms|involves|demands)\s",
)
_TOPIC = re.compile(
    r"^.{0,60}?\b(?:has|have)\s+to\s+do\s+with\s+(?P<topic>.+)$|"
    r"^.{0,60}?\b(?:concerns|is\s+about|deals\s+with)\s+(?P<topic2>.+)$",
    re.IGNORECASE,
)
_LEADING_TO = re.compile(r"^to\s+", re.IGNORECASE)

#: Words after which "to" starts an infinitive that belongs to the phrase ("learning to
#: relate"), not a purpose clause that qualifies it ("followers to convey").
_INFINITIVE_TAKERS = _set(
    "need needs needing learn learns learning prepare prepares preparing want wants "
    "wanting try trying seek seeks seeking tend able how expected willing going ought "
    "have has having asked continue continuing begin beginning strive striving"
)
_EXTRA_VERBS = _set(
    "convey communicate enhance ensure insure promulgate perform be relate let assure engage master"
)
GIST_VERBS = frozenset(_BASE_VERBS) | _EXTRA_VERBS
_RELATIVE = _set("that which who whom whose where what when while whereby as")
_MEANS = frozenset(("by", "through", "via"))
_TRAILING = DETERMINERS | PREPOSITIONS | _set("and or but otherwise also as")
_WORD = re.compile(r"[\w'’-]+|[,;:—–()]")
_LIST_COMMA = re.compile(
    r"\s*(?:(?:and|or)\s|(?:[\w'’-]+\s+){0,3}?[\w'’-]+,?\s+(?:and|or)\s)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Gist:
    text: str
    means: str | None = None  # the "by ..." phrase, to tell apart items with one shared gist


def gerund(word: str) -> str:
    """ "create" -> "creating", "set" -> "setting"; a word already in -ing is left alone."""
    lower = word.lower()
    if lower.endswith("ing") or not lower.isalpha():
        return word
    if lower == "be":
        out = "being"
    elif lower.endswith("ie"):
        out = lower[:-2] + "ying"
    elif lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        out = lower[:-1] + "ing"
    elif len(re.findall(r"[aeiou]+", lower)) == 1 and re.search(
        r"[^aeiou][aeiou][^aeiouwxy]$", lower
    ):
        out = lower + lower[-1] + "ing"
    else:
        out = lower + "ing"
    return capitalise(out) if word[:1].isupper() else out


def _base(word: str) -> str | None:
    lower = word.lower()
    if lower in GIST_VERBS:
        return lower
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and lower[: -len(suffix)] + repl in GIST_VERBS:
            return lower[: -len(suffix)] + repl
    return None


def _gerund_phrase(phrase: str) -> str:
    """The verb phrase as a gerund: its first verb, and the verbs coordinated with it
    ("create, promulgate, and consistently apply" -> "creating, promulgating, and applying").
    Adverbs in the verb series are dropped: they qualify, the verbs are what to recall."""
    words = phrase.split()
    if not words:
        return phrase
    out = [gerund(_base(words[0].strip(",")) or words[0].strip(",")) + _punct(words[0])]
    i = 1
    series = words[0].endswith(",")
    while i < len(words):
        word = words[i]
        bare = word.strip(",").lower()
        if bare in ("and", "or") and (series or out[-1].endswith("ing")):
            nxt = i + 1
            while nxt < len(words) and _adverb(words[nxt]):
                nxt += 1
            if nxt < len(words) and _base(words[nxt].strip(",")):
                out.append(word)
                out.append(gerund(_base(words[nxt].strip(",")) or "") + _punct(words[nxt]))
                i = nxt + 1
                series = words[nxt].endswith(",")
                continue
            break
        if series and _base(bare):
            out.append(gerund(_base(bare) or bare) + _punct(word))
            series = word.endswith(",")
            i += 1
            continue
        break
    return " ".join(out + words[i:])


def _punct(word: str) -> str:
    return "," if word.endswith(",") else ""


def strip_subject(sentence: str) -> tuple[str, bool]:
    """The verb phrase of a technique sentence, and whether boilerplate was removed."""
    text = sentence.strip().rstrip(".!?")
    for pattern in (_TASK_IS, _ASKS_LEADERS):
        m = pattern.match(text)
        if m:
            return _MODAL.sub("", text[m.end() :]), True
    m = _SUBJECT.match(text)
    if m:
        rest = _MODAL.sub("", text[m.end() :])
        first = rest.split(maxsplit=1)[0] if rest else ""
        if _base(first.strip(",")) or first.lower().endswith("ing"):
            return rest, True
    return text, False


def _cuts(phrase: str) -> list[tuple[int, str]]:
    """Where the phrase may end: before a relative clause, a means or purpose phrase, a
    clause break or a second coordinated phrase. Each with its kind."""
    cuts: list[tuple[int, str]] = []
    matches = list(_WORD.finditer(phrase))
    for i, m in enumerate(matches):
        w = m.group().lower()
        if i == 0:
            continue
        prev = matches[i - 1].group().lower()
        nxt = matches[i + 1].group().lower() if i + 1 < len(matches) else ""
        if w == ",":
            if not _LIST_COMMA.match(phrase, m.end()):
                cuts.append((m.start(), "clause"))
        elif w in ";:—–(":
            cuts.append((m.start(), "clause"))
        elif w in _RELATIVE:
            cuts.append((m.start(), "relative"))
        elif w in _MEANS:
            cuts.append((m.start(), "means"))
        elif w == "to" and prev not in _INFINITIVE_TAKERS and nxt in GIST_VERBS:
            cuts.append((m.start(), "purpose"))
        elif w == "and" and nxt in ("in", "to", "for", "with", "against", "through"):
            cuts.append((m.start(), "coordinate"))
        elif w == "so" and nxt == "that":
            cuts.append((m.start(), "purpose"))
    return cuts


def _trim(phrase: str) -> str:
    words = phrase.strip(" ,;:—–(").split()
    while words and words[-1].lower().strip(",") in _TRAILING:
        words.pop()
    return " ".join(words).rstrip(",;:—– ")


def shorten(phrase: str) -> tuple[str, str | None] | None:
    """The phrase up to the first cut that leaves at least four words, and the means phrase
    if that cut came before "by"/"through". None when no cut gives a recallable length."""
    phrase = phrase.strip().rstrip(".!?")
    for at, kind in _cuts(phrase):
        head = _trim(phrase[:at])
        if word_count(head) < MIN_GIST_WORDS:
            continue
        if word_count(head) > MAX_GIST_WORDS:
            break
        means = None
        if kind == "means":
            means = phrase[at:].split(maxsplit=1)[1] if len(phrase[at:].split()) > 1 else None
        return head, means
    whole = _trim(phrase)
    if MIN_GIST_WORDS - 2 <= word_count(whole) <= MAX_GIST_WORDS:
        return whole, None
    return None


def technique_gist(sentence: str) -> Gist | None:
    """The gist of an item's first sentence, or None when no rule gives a short, complete
    phrase (the caller then keeps the sentence)."""
    m = _GERUND_SUBJECT.match(sentence.strip())
    if m and MIN_GIST_WORDS - 1 <= word_count(m.group("subject")) <= MAX_GIST_WORDS:
        subject = _trim(m.group("subject"))
        if not ends_in_function_word(subject):
            return Gist(capitalise(subject))
    phrase, stripped = strip_subject(sentence)
    if not stripped:
        return None
    found = shorten(phrase)
    if not found:
        return None
    head, means = found
    text = capitalise(_gerund_phrase(head))
    means_gist = None
    if means:
        shorter = shorten(means)
        if shorter:
            means_gist = capitalise(_gerund_phrase(shorter[0]))
    return Gist(text, means_gist)


def item_phrase(text: str) -> str | None:
    """An enumerated item given as a phrase ("second, to seek to enhance each member ...")
    as a gerund phrase, shortened like a technique's."""
    phrase = _LEADING_TO.sub("", text.strip().rstrip(".!?;"))
    found = shorten(phrase)
    if not found:
        return None
    return capitalise(_gerund_phrase(found[0]))


def topic_of(sentence: str) -> str | None:
    """ "An element of this definition has to do with the inner leader's followership role."
    -> "The inner leader's followership role": a sentence that only announces its topic."""
    m = _TOPIC.match(sentence.strip().rstrip(".!?"))
    if not m:
        return None
    topic = _trim(m.group("topic") or m.group("topic2") or "")
    if not MIN_GIST_WORDS - 2 <= word_count(topic) <= MAX_GIST_WORDS:
        return None
    return capitalise(topic)


def _adverb(word: str) -> bool:
    bare = word.strip(",").lower()
    return bare.endswith("ly") and _base(bare) is None


#: Where an answer's second fact begins: "; the higher it is, ...", ", but ...", ", because
#: ...".
_SECOND_FACT = re.compile(r";\s+|,\s+(?=(?:but|because|whereas|yet)\s)", re.IGNORECASE)
#: ", and" and ":" end a fact only before a clause with its own subject ("The external
#: event: the new system goes live ...").
_CLAUSE_AFTER = re.compile(r",\s+and\s+|:\s+", re.IGNORECASE)
_FINITE_TAGS = ("VBZ", "VBP", "VBD", "MD")
#: A head shorter than this is not an answer on its own ("Yes; ...").
MIN_FACT_WORDS = 2


def one_fact(answer: str) -> str:
    """An answer cut to its first fact at a clause boundary: "The cheapest motivator a leader
    controls, and it works best when it is specific" -> "The cheapest motivator a leader
    controls."; "How much you care about yourself; the higher it is, the lower the trust" ->
    "How much you care about yourself.". A list inside the answer ("presides at meetings,
    leads the committee and ...") is one fact and stays whole."""
    end = len(answer.rstrip(" .!"))
    cuts = [m.start() for m in _SECOND_FACT.finditer(answer, 0, end)]
    cuts += [
        m.start()
        for m in _CLAUSE_AFTER.finditer(answer, 0, end)
        if _opens_clause(answer[m.end() :])
    ]
    for cut in sorted(cuts):
        head = answer[:cut].rstrip(" ,;:")
        inside = head.count("(") > head.count(")") or head.count('"') % 2 or "“" in head
        if inside:
            continue  # a boundary inside brackets or a quotation is the quotation's own
        if word_count(head) >= MIN_FACT_WORDS and not ends_in_function_word(head):
            return head + ("." if answer.rstrip().endswith(".") else "")
    return answer


def _opens_clause(text: str) -> bool:
    """True when `text` opens with a subject and its own finite verb ("it works best ..."),
    not a verb that shares the sentence's subject ("is responsible for ...")."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(text.split(",", 1)[0])
    if analysis is None or not analysis.tokens:
        return False
    tokens = analysis.tokens
    if tokens[0].tag in _FINITE_TAGS or not tokens[0].tag.startswith(("NN", "PRP", "DT", "JJ")):
        return False
    for token in tokens[1:6]:
        if token.tag in ("WP", "WDT") or token.lower == "that":
            return False  # "the member who introduces ...": a noun described, not a clause
        if token.tag in _FINITE_TAGS:
            return True
    return False
