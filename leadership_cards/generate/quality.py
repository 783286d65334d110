"""The rules every card obeys (DESIGN.md, "Cards that are worth learning").

Extractors propose candidates freely; `problems` is the single judge, used both to filter the
candidates and by the tests, so a rule is stated once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from leadership_cards.cards import (
    CLOZE_BLANK,
    WRITTEN_KINDS,
    Card,
    Kind,
    cloze_parts,
    normalise,
)
from leadership_cards.generate.text import (
    FUNCTION_WORDS,
    answer_points_away,
    dangles,
    ends_in_function_word,
    sentences,
)
from leadership_cards.source import is_furniture

MAX_ANSWER_WORDS = 45
MAX_QUESTION_WORDS = 80
_FURNITURE_TEXT = re.compile(
    r"table of contents|previous section|next section|westside toastmasters is located|"
    r"on meetup",
    re.IGNORECASE,
)


def problems(card: Card) -> list[str]:
    """Every rule the card breaks, in plain words; empty when the card is fit to learn."""
    found: list[str] = []
    front, back = card.front.strip(), card.back.strip()
    if not front:
        found.append("empty question")
    if not back or not any(c.isalnum() for c in back):
        found.append("empty answer")
    # A member's own card is taken as written: only the rules that keep a card usable apply.
    judged = card.kind not in WRITTEN_KINDS
    if judged and card.kind is not Kind.DISCUSSION and len(back.split()) > MAX_ANSWER_WORDS:
        found.append(f"answer longer than {MAX_ANSWER_WORDS} words")
    if judged and len(front.split()) > MAX_QUESTION_WORDS:
        found.append(f"question longer than {MAX_QUESTION_WORDS} words")
    if judged and back and _contains(front, back):
        found.append("question contains its answer")
    elif judged and back and _gives_away(front, back):
        found.append("question gives away its answer")
    if judged and card.kind is not Kind.DISCUSSION:
        statement = card.cloze.replace("{{c1::", "").replace("}}", "") if card.cloze else front
        if statement.endswith("?"):
            statement = ""  # a question may end on its preposition: "What does X stand for?"
        if ends_in_function_word(statement) or (
            ends_in_function_word(back) and not _whole_sentence(back, card.source.passage)
        ):
            found.append("sentence cut mid-clause")
    if judged and not balanced(back):
        found.append("answer breaks a bracket pair")
    if judged and card.kind in _PROSE_KINDS and dangles(_CHAPTER_LEAD.sub("", front)):
        # "..., people who formed such plans ...": every extractor of prose refuses a
        # sentence that leans on the one before, whichever of them read it.
        found.append("question leans on a sentence it does not show")
    if judged and card.kind is Kind.DEFINITION and answer_points_away(back):
        found.append("answer points to what the card does not show")  # "... terms with it"
    if judged and _COMPARED_TO_NOTHING.match(back):
        found.append("answer compares with what the card does not show")
    for text in (front, back):
        if _FURNITURE_TEXT.search(text) or any(is_furniture(line) for line in text.splitlines()):
            found.append("page furniture in the card")
            break
    if card.cloze is not None:
        try:
            parts = cloze_parts(card.cloze)
        except ValueError:
            found.append("malformed cloze")
        else:
            if parts != (card.front, card.back):
                found.append("cloze does not match question and answer")
            if card.cloze.count("{{c1::") != 1:
                found.append("more than one cloze deletion")
            elif card.kind in CHOSEN_BLANK_KINDS:
                blank = _blank_problems(card.cloze)
                if (
                    card.kind is Kind.STATISTIC
                    and _FRAME_TOO_SHORT in blank
                    and _figure_pinned(card.cloze)
                ):
                    blank = [p for p in blank if p != _FRAME_TOO_SHORT]
                found.extend(blank)
            if card.kind in CHOSEN_BLANK_KINDS and _names_the_subject(card):
                found.append("blank names the deck's or chapter's own subject")
            if card.kind in CHOSEN_BLANK_KINDS and _ATTRIBUTION_BLANK.search(card.cloze):
                found.append("blank is who said the claim, not the claim")
    elif CLOZE_BLANK in front:
        found.append("blank without a cloze")
    if judged and card.kind is Kind.DEFINITION and not _defines_a_term(front):
        found.append("definition of a clause, not a term")
    if judged and card.kind is Kind.DEFINITION and _ranks_or_owns(back) and not _to_its_owner(card):
        found.append("a rank or an owner, not a meaning")
    if not card.deck or not card.chapter:
        found.append("no deck or chapter")
    if not card.source.file or not card.source.position or not card.source.passage:
        found.append("no source position or passage")
    if card.deck not in card.tags or str(card.kind) not in card.tags:
        found.append("missing deck or kind tag")
    return found


#: Cards made from a sentence of prose, which must stand without the sentence before.
_PROSE_KINDS = frozenset({Kind.CLAIM, Kind.STATISTIC, Kind.CITATION})

# "The same care", "A similar effect", "Another voice": an answer measured against something
# named earlier on the page, which the learner cannot see ("the same care as the agenda" is
# whole).
_COMPARED_TO_NOTHING = re.compile(
    r"^(?:the\s+same|a\s+similar|similar|another)\b(?!.*\b(?:as|to|that)\b)", re.IGNORECASE
)


# "..., as [Lencioni] recommends", "according to [Kotter], ...": the blank is the voice the
# chapter quotes, and the claim itself is never tested.
_ATTRIBUTION_BLANK = re.compile(
    r"\b(?:as\s+\{\{c1::[^}]+\}\}\s+(?:recommends|recommended|argues|argued|suggests|"
    r"suggested|advises|advised|notes|noted|says|said|puts\s+it|writes|wrote|observes|"
    r"observed|reminds\s+us)\b|according\s+to\s+\{\{c1::)",
    re.IGNORECASE,
)


#: An unquoted "What is X?" longer than this asks by a description ("the term for ..."),
#: not for the meaning of a term.
MAX_ASKED_TERM_WORDS = 4
_DEFINED_TERM = re.compile(
    r"\bwhat (?:does “(?P<quoted>[^”]+)” mean|(?:is|are) (?P<term>.+?))\?$", re.I
)
#: Tags that a noun phrase never holds: a pronoun, a finite verb, a relative word.
_CLAUSE_TAGS = frozenset({"PRP", "WP", "WDT", "VBZ", "VBP", "VBD", "MD"})
#: Words after which a determiner still opens a noun phrase: "word of the day".
_BEFORE_A_DETERMINER = frozenset({"IN", "TO", "CC"})
_ARTICLES = frozenset({"a", "an", "the"})


def _defines_a_term(front: str) -> bool:
    """A definition asks the meaning of a term, which is a name: "What does 'share the work'
    mean?" asks for a piece of advice, "What is every role?" for a claim about all roles. A
    term holds no pronoun or finite verb, ends on no adverb ("give it soon", "mediation
    works better"), and has a determiner only at its start (one of a/an/the) or after a
    preposition: a verb and its object ("share the work") has one in the middle."""
    from leadership_cards.generate.syntax import analyse

    m = _DEFINED_TERM.search(front)
    if not m:
        return True
    term = m.group("quoted") or m.group("term")
    if not m.group("quoted") and ("," in term or len(term.split()) > MAX_ASKED_TERM_WORDS):
        return True  # "What is the term for how far you pursue ...?" asks for the term itself
    analysis = analyse(term[0].lower() + term[1:])
    if analysis is None:
        return True
    tokens = analysis.tokens
    if any(t.tag in _CLAUSE_TAGS for t in tokens) or tokens[-1].tag in ("RB", "RBR", "JJR"):
        return False
    for i, token in enumerate(tokens):
        if token.tag != "DT" and token.tag != "PDT":
            continue
        if i == 0 and token.lower not in _ARTICLES:
            return False  # "every role", "each member": a claim about all of them
        if i > 0 and tokens[i - 1].tag not in _BEFORE_A_DETERMINER:
            return False
    return True


#: A meaning this short is the whole answer: nothing after the description says what X is.
MAX_BARE_DESCRIPTION_WORDS = 6
#: Tags that make a definite description a rank or an owner: "the strongest", "the most",
#: "the speaker's".
_RANK_OR_OWNER = frozenset({"POS", "JJS", "RBS"})
#: Where a description's opening noun phrase ends: a preposition, a relative, a comma.
_PHRASE_ENDS = frozenset({"IN", "TO", "WDT", "WP", ",", ".", ":"})


def _ranks_or_owns(meaning: str) -> bool:
    """True when a short meaning is a definite description by rank or owner: "Silence is
    the listener's other tool", "A story is the strongest opening of all" say whose X is or
    how it ranks, so "What is silence? The listener's other tool." asks a verdict as if it
    were a meaning (the claim asked the other way, "What is the listener's other tool?",
    is the card). "The choice of which word to stress" says what X is."""
    from leadership_cards.generate.syntax import analyse

    if not meaning.lower().startswith("the ") or len(meaning.split()) > MAX_BARE_DESCRIPTION_WORDS:
        return False
    analysis = analyse(meaning)
    if analysis is None:
        return False
    for token in analysis.tokens[1:]:
        if token.tag in _PHRASE_ENDS:
            return False
        if token.tag in _RANK_OR_OWNER:
            return True
    return False


def _to_its_owner(card: Card) -> bool:
    """ "What is the pause to a speaker?" -> "The speaker's punctuation": the question asks
    what X is to its owner, so the owner is the point, not a verdict passed off as a
    meaning."""
    m = _OWNER.match(card.back)
    return m is not None and card.front.endswith(
        (f" to a {m.group('owner')}?", f" to an {m.group('owner')}?")
    )


_OWNER = re.compile(r"^The (?P<owner>[a-z][\w-]*)['’]s [a-z]")


def _whole_sentence(answer: str, passage: str) -> bool:
    """True when the answer is a whole sentence of its passage ("Listen before you judge
    it."), or ends where one of its sentences ends ("the one that people will act on."):
    it ends where its source ends, not cut mid-clause."""
    wanted = normalise(answer)
    return bool(wanted) and any(
        f" {normalise(sentence)}".endswith(f" {wanted}") for sentence in sentences(passage)
    )


#: Cloze kinds whose blank the generator chose inside a sentence; the blanks of list items
#: and of hand-written cards are the items and the writer's choice.
CHOSEN_BLANK_KINDS = frozenset(
    {Kind.KEY_POINT, Kind.CLAIM, Kind.HEADING, Kind.CITATION, Kind.STATISTIC}
)


_FRAME_TOO_SHORT = "frame too short for one answer"
#: Content words a figure's frame needs: the figure's own form (a number and its unit) narrows
#: the answer as a noun's blank does not ("The ideal team has [five to seven members]").
MIN_FIGURE_FRAME_CONTENT = 2


def short_frame(cloze: str) -> bool:
    """True when a blank's frame is too short for one answer by the bar every blank meets;
    a figure may still pass on a shorter one (`_figure_pinned`)."""
    return _FRAME_TOO_SHORT in _blank_problems(cloze)


def _figure_pinned(cloze: str) -> bool:
    """True when a figure's frame, the chapter's name aside, holds enough content words that
    one figure fits: "Allow [ten seconds] of silence before you speak". A count that leads
    into its list ("[Three habits] help: ...") is given away by the list."""
    from leadership_cards.generate.syntax import analyse, is_content

    if ":" in cloze[cloze.index("}}") :]:
        return False
    frame = re.sub(r"\{\{c1::.*?\}\}", " ", _CHAPTER_LEAD.sub("", cloze))
    analysis = analyse(frame)
    return bool(analysis) and sum(map(is_content, analysis.tokens)) >= MIN_FIGURE_FRAME_CONTENT


def _blank_problems(cloze: str) -> list[str]:
    from leadership_cards.generate import blanks  # the tagger loads only when cards are made

    lead = _CHAPTER_LEAD.match(cloze)
    if lead and "{{c1::" not in lead.group():
        # The chapter named for context is not the sentence, and the sentence is judged as
        # its source writes it, capital and all: the judgement it had before its chapter
        # was named (cached), not a second parse of a lowered copy the tagger reads worse.
        cloze = _FIRST_LETTER.sub(_capital, cloze[lead.end() :], count=1)
    start = cloze.index("{{c1::")
    end = cloze.index("}}", start)
    statement = cloze[:start] + cloze[start + 6 : end] + cloze[end + 2 :]
    found = blanks.problems(statement, (start, end - 6))
    if _derived_beside(statement, start, end - 6):
        found.append("the sentence gives the blank away")
    if _takes_the_verb(statement, start, end - 6):
        found.append("blank takes the sentence's verb")
    return found


def _takes_the_verb(statement: str, start: int, end: int) -> bool:
    """True when the blank ends on the sentence's only verb, read as a plural noun: in "The
    timer signals green at the minimum" the tagger finds no verb, and "[timer signals]"
    leaves "The [...] green at the minimum", a frame with no verb to say what is asked. A
    plural noun that a modifier or a phrase follows straight on, with no verb anywhere, is
    that verb."""
    from leadership_cards.generate.syntax import analyse

    # The clause the blank is in, after any lead-in ("A key point of “...”: ").
    cut = statement.rfind(": ", 0, start) + 1
    if cut:
        statement, start, end = statement[cut + 1 :], start - cut - 1, end - cut - 1
    analysis = analyse(statement)
    if analysis is None:
        return False
    tokens = analysis.tokens
    if any(t.tag.startswith(("VB", "MD")) for t in tokens):
        return False
    inside = [t for t in tokens if start <= t.start < end]
    after = next((t for t in tokens if t.start >= end), None)
    return bool(inside and after) and inside[-1].tag == "NNS" and after.tag in _AFTER_A_VERB


MIN_STEM_LETTERS = 4


def _derived_beside(statement: str, start: int, end: int) -> bool:
    """True when a one-word blank is the stem of a word the sentence keeps: "learn to both
    [trust] and be trustworthy", "no leadership without [followership]" beside "Followers":
    the frame spells most of the answer."""
    answer = normalise(statement[start:end])
    if " " in answer:
        return False
    stem = answer[:-1] if answer.endswith("s") else answer
    if len(stem) < MIN_STEM_LETTERS:
        return False
    frame = normalise(f"{statement[:start]} {statement[end:]}").split()
    return any(w != answer and w.startswith(stem) and len(w) > len(stem) + 1 for w in frame)


#: What follows a verb straight on when no object does: "signals green", "runs at noon".
_AFTER_A_VERB = frozenset({"JJ", "IN", "RB", "CD"})


_CHAPTER_LEAD = re.compile(r"^In “[^”]*”, ")
#: The letter `phrasing.in_chapter` lowers after the chapter's name, past a blank's opening
#: and any quote or bracket.
_FIRST_LETTER = re.compile(r"^(?P<lead>(?:\{\{c1::)?[\"“‘'(]*)(?P<letter>[a-z])")


def _capital(m: re.Match[str]) -> str:
    return m.group("lead") + m.group("letter").upper()


def _names_the_subject(card: Card) -> bool:
    """ "[Inner leaders] ask for ..." in a deck on inner leadership: the learner knows the
    subject from the deck's name, so the blank asks nothing."""
    from leadership_cards.generate.blanks import stem

    subject = {stem(w) for w in normalise(f"{card.deck} {card.chapter}").split()}
    answer = [stem(w) for w in normalise(card.back).split() if w not in FUNCTION_WORDS]
    return bool(answer) and all(w in subject for w in answer)


@lru_cache(maxsize=8192)
def passes(card: Card) -> bool:
    """Cached: a card is judged by its extractor, again when admitted, and again once named
    in its chapter; a card is frozen, and its judgement depends on nothing else."""
    return not problems(card)


#: Kinds asked item by item from one list: a list's cloze shows its neighbours' items as cues
#: (as an overlapping cloze does), and siblings are never shown the same day.
_LIST_KINDS = frozenset({Kind.TECHNIQUE, Kind.ENUMERATION})
MAX_LEAK_WORDS = 12


def _answer_keys(card: Card) -> list[str]:
    """What another front must contain to show this card's answer: a cloze's answer with a
    word of its own context beside it (a bare common word elsewhere gives nothing away); a
    question's answer when it holds two content words or more."""
    answer = normalise(card.back)
    words = answer.split()
    if not words or len(words) > MAX_LEAK_WORDS:
        return []
    if card.cloze is None:
        return [answer] if len(set(words) - FUNCTION_WORDS) >= 2 else []
    before, _, rest = card.cloze.partition("{{c1::")
    before = _CHAPTER_LEAD.sub("", before)  # the chapter's name is context, not the sentence
    after = rest.partition("}}")[2]
    left = _to_content_word(list(reversed(normalise(before).split())))[::-1]
    right = _to_content_word(normalise(after).split())
    keys = [" ".join([*left, answer]) if left else "", " ".join([answer, *right]) if right else ""]
    if len(set(words) - FUNCTION_WORDS) >= 3:
        keys.append(answer)  # a long phrase shows itself in any context
    return [k for k in keys if k]


def _to_content_word(words: list[str], limit: int = 4) -> list[str]:
    """The words out to the nearest content word: "[middle]" in "takes place in the [...]"
    has "place in the" beside it, which "in the middle ranges" does not show."""
    for n, word in enumerate(words[:limit]):
        if word not in FUNCTION_WORDS:
            return words[: n + 1]
    return []


def leaks(cards: list[Card]) -> list[tuple[int, int]]:
    """Pairs (i, j): card i's question shows card j's answer. Linear in the deck's words:
    answers are looked up by the word runs of each question, never card against card."""
    by_key: dict[str, list[int]] = {}
    for j, card in enumerate(cards):
        if card.kind is Kind.DISCUSSION:
            continue
        for key in _answer_keys(card):
            by_key.setdefault(key, []).append(j)
    if not by_key:
        return []
    longest = max(len(k.split()) for k in by_key)
    # Every key's opening words: a run of a question's words that opens no key cannot grow
    # into one, so the scan from each word stops there (most stop at their first word).
    openings = {
        " ".join(words[:n])
        for words in (k.split() for k in by_key)
        for n in range(1, len(words) + 1)
    }
    found: list[tuple[int, int]] = []
    for i, card in enumerate(cards):
        words = normalise(card.front).split()
        hits: set[int] = set()
        for start in range(len(words)):
            run = ""
            for word in words[start : start + longest]:
                run = f"{run} {word}" if run else word
                if run not in openings:
                    break
                hits.update(by_key.get(run, ()))
        for j in sorted(hits):
            other = cards[j]
            if j == i or other.item == card.item:
                continue
            if card.kind in _LIST_KINDS and (other.kind in _LIST_KINDS or _same_list(card, other)):
                continue  # a list's item shows its neighbours by design
            found.append((i, j))
    return found


def _same_list(card: Card, other: Card) -> bool:
    """True when two cards come from items of one list ("key point 4", "key point 5")."""
    return card.source.file == other.source.file and _list_of(card) == _list_of(other)


def _list_of(card: Card) -> str:
    return card.source.position.rstrip("0123456789- ")


def deck_problems(cards: Iterable[Card]) -> list[str]:
    """Rules that concern the deck as a whole: ids and questions are unique, and no
    question shows another card's answer."""
    cards = list(cards)
    found: list[str] = [
        f"question {cards[i].front!r} shows the answer of {cards[j].front!r}"
        for i, j in leaks(cards)
    ]
    ids: set[str] = set()
    fronts: set[tuple[str, str]] = set()
    for card in cards:
        if card.id in ids:
            found.append(f"duplicate card {card.id}: {card.front!r}")
        ids.add(card.id)
        key = (card.deck, normalise(card.front))
        if key in fronts:
            found.append(f"duplicate question: {card.front!r}")
        fronts.add(key)
    return found


_PAIRS = {")": "(", "]": "["}


def balanced(text: str) -> bool:
    """True when every bracket in the text is closed, in order."""
    stack: list[str] = []
    for c in text:
        if c in "([":
            stack.append(c)
        elif c in _PAIRS and (not stack or stack.pop() != _PAIRS[c]):
            return False
    return not stack


def _gives_away(front: str, back: str) -> bool:
    """True when every content word of the answer is already in the question, in any order
    ("What is Technique 2 of Technique 2 relationship focus?" -> "Relationship focus")."""
    answer = set(normalise(back).split()) - FUNCTION_WORDS
    return bool(answer) and answer <= set(normalise(front).split())


def _contains(front: str, back: str) -> bool:
    """True when the answer's words appear, in order and whole, in the question."""
    answer = normalise(back)
    if not answer:
        return False
    return f" {answer} " in f" {normalise(front)} "
