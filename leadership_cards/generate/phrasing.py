"""The wording of list questions: names of lists, counts and overlapping clozes.

A front is read weeks later on a phone, with no header: it must say which chapter and which
list it asks about, in grammatical English. Plurals, number words and verb agreement come
from `inflect`, never from pasting strings, so an odd list name ("criteria for a good
evaluation", "The Meeting Agenda") reads as well as "service techniques".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from leadership_cards.generate.text import FUNCTION_WORDS
from leadership_cards.source import parse_title

#: Words that end the head noun phrase of a list's name ("dimensions | of difference ...").
_POSTMODIFIER = re.compile(
    r"\s+(?:of|between|in|for|among|to|at|on|with|from|by|that|which|who|we|you|a|an|the)\s+",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:the|our|these|those|a|an|some|following|\d+|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)+",
    re.IGNORECASE,
)
#: Heads that name nothing by themselves: "How many points...?" asks what no one could say.
GENERIC_HEADS = frozenset(
    [
        "points",
        "things",
        "items",
        "ideas",
        "ways",
        "elements",
        "aspects",
        "parts",
        "issues",
        "factors",
        "notes",
        "examples",
        "considerations",
    ]
)
#: Singular heads that name a list as a whole ("The Evaluation Process", "Meeting Agenda");
#: any other singular heading ("Timer") names what its list is about.
COLLECTIVE_HEADS = frozenset(
    [
        "process",
        "procedure",
        "agenda",
        "checklist",
        "sequence",
        "cycle",
        "method",
        "model",
        "framework",
        "plan",
        "routine",
        "outline",
        "structure",
        "order",
        "timeline",
        "program",
        "programme",
        "formula",
        "recipe",
        "list",
        "ladder",
        "pyramid",
        "hierarchy",
        "path",
        "journey",
        "roadmap",
    ]
)
#: Words kept in their capitals when a heading is lowered into a sentence.
_KEEP_CASE = re.compile(r"^(?:[A-Z0-9]{2,}|[A-Z][a-z]+[A-Z]\w*)$")
#: A list this short is shown whole around its blank; a longer one shows the blank's
#: neighbours.
WHOLE_LIST_ITEMS = 4
#: Words in a neighbour cue beyond which it is cut: a cue reminds, it does not recite.
MAX_CUE_WORDS = 12


@cache
def _engine():
    import inflect

    return inflect.engine()


@lru_cache(maxsize=1024)
def number_words(n: int) -> str:
    """ "eleven", "twenty-one": numbers as a sentence spells them. Cached: a list's count
    is spelt for every sentence that might announce it."""
    return str(_engine().number_to_words(n))


#: Latin plurals English uses as singular nouns ("the meeting agenda").
_SINGULAR_IN_USE = frozenset(("agenda", "data", "media", "trivia"))


def with_article(noun: str) -> str:
    """ "conflict mode" -> "a conflict mode", "evaluation word" -> "an evaluation word"."""
    return str(_engine().a(noun))


def plural_noun(noun: str) -> str:
    """ "technique" -> "techniques", "process" -> "processes"."""
    return str(_engine().plural_noun(noun))


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("ss", "sis", "us")) or lower in _SINGULAR_IN_USE:
        return False
    single = _engine().singular_noun(lower)
    return bool(single) and single != lower


@dataclass(frozen=True, slots=True)
class ListName:
    """What a list is called, as a noun phrase in both numbers: "service techniques" /
    "service technique"; "dimensions of difference between ..." / "dimension of difference
    between ...". A heading in the singular ("The Evaluation Process", "Meeting Agenda")
    names the list as a whole, not its items: `whole` is then True."""

    plural: str
    singular: str
    whole: bool = False
    #: A heading that names neither the items nor the list as a whole ("Timer", over the
    #: timer's duties): the list is the one "under" it.
    heading: str = ""
    generic: bool = False  # a bare "points" or "things": no name a learner could recall

    def described(self, words: str) -> ListName:
        """The name with words after it: "points" -> "points emphasized"."""
        return replace(self, plural=f"{self.plural} {words}", singular=f"{self.singular} {words}")

    @property
    def subject(self) -> str:
        """The list as the subject of "run": "the service techniques", "the evaluation
        process", "the list under “Timer”"."""
        if self.heading:
            return f"the list under “{self.heading}”"
        return f"the {self.singular if self.whole else self.plural}"

    @property
    def runs(self) -> str:
        return "runs" if self.whole or self.heading else "run"


#: A list found with no name ("First, ... Second, ..." with nothing announcing it).
POINTS = ListName("points", "point", generic=True)


def list_name(label: str) -> ListName | None:
    """The name of a list from its heading or lead-in ("The Four Levels of Delegation",
    "Service Techniques", "the steps of a speech evaluation are"), or None when nothing is
    left to name it by. Determiners and the count are dropped."""
    text = " ".join(label.split()).strip(" :.;,-—–")
    text = re.sub(r"\s+(?:are|is|include|includes|follow|run)(?:\s+as\s+follows)?$", "", text)
    text = _LEADING.sub("", text)
    if not text or not any(c.isalpha() for c in text):
        return None
    text = " ".join(w if _KEEP_CASE.match(w) else w.lower() for w in text.split())
    m = _POSTMODIFIER.search(text)
    head_part, rest = (text[: m.start()], text[m.start() :]) if m else (text, "")
    words = head_part.split()
    if not words:
        return None
    head = words[-1]
    join = " ".join(words[:-1]) + " " if len(words) > 1 else ""
    if _is_plural(head):
        single = str(_engine().singular_noun(head))
        generic = not join and not rest and head in GENERIC_HEADS
        return ListName(f"{join}{head}{rest}", f"{join}{single}{rest}", generic=generic)
    plural = str(_engine().plural_noun(head))
    under = "" if head in COLLECTIVE_HEADS else " ".join(label.split()).strip(" :.")
    return ListName(f"{join}{plural}{rest}", f"{join}{head}{rest}", whole=True, heading=under)


def chapter_name(title: str, beside: str = "") -> str:
    """The chapter as a front names it: its title without the book's numbering, quoted.
    A subtitle that only repeats what the question already says ("Servanthood: Service
    Techniques" in a question about the service techniques) is left off."""
    subject = parse_title(title).subject or title
    main, colon, sub = subject.partition(": ")
    if colon and beside:
        said = {_stem(w) for w in re.findall(r"[\w'’-]+", beside)}
        if all(_stem(w) in said for w in re.findall(r"[\w'’-]+", sub)):
            subject = main
    return f"“{subject.strip()}”"


def _stem(word: str) -> str:
    lower = word.lower()
    return str(_engine().singular_noun(lower) or lower) if _is_plural(lower) else lower


def states_count(text: str, count: int) -> bool:
    """True when `text` says how many items its list has ("Follow these twelve steps",
    "The 4 levels of delegation"): a count the source states is worth recalling, a count of
    bullets nobody numbered is not."""
    wanted = rf"\b(?:{re.escape(number_words(count))}|{count})\b"
    return re.search(wanted, text, re.IGNORECASE) is not None


def count_question(name: ListName, chapter: str) -> str:
    """'How many service techniques does “Servanthood” list?'; for a list named as a
    whole, 'How many items make up the meeting agenda in “Club Meetings”?'"""
    where = chapter_name(chapter, name.plural)
    if name.heading:
        return f"How many items does {where} list under “{name.heading}”?"
    if name.whole:
        return f"How many items make up the {name.singular} in {where}?"
    return f"How many {name.plural} does {where} list?"


def _cue(item: str) -> str:
    words = item.rstrip(" .;:").split()
    if len(words) <= MAX_CUE_WORDS:
        return " ".join(words)
    kept = words[:MAX_CUE_WORDS]
    while kept and kept[-1].lower().strip(",;:") in FUNCTION_WORDS:
        kept.pop()  # a cue that ends on "and" or "the" reads as a mistake
    return " ".join(kept).rstrip(",;:") + "…"


def opening(chapter: str, name: ListName | None, lead_in: str = "", ordered: bool = True) -> str:
    """What a list card says before its items: 'In “Servanthood”, the service techniques
    run:' for a named list (for a bulleted one, 'include'), or the chapter and the list's own
    lead-in sentence ('In “Club Meetings”, before the meeting the Toastmaster should:')."""
    if name is None:
        where = chapter_name(chapter)
        lead = lead_in.rstrip(" :.")
        first, _, rest = lead.partition(" ")
        if first.lower() in FUNCTION_WORDS or first.lower() in _OPENERS:
            lead = f"{first.lower()} {rest}".strip()
        return f"In {where}, {lead}:"
    where = chapter_name(chapter, name.plural)
    if ordered:
        return f"In {where}, {name.subject} {name.runs}:"
    verb = "includes" if name.whole else "include"
    return f"In {where}, {name.subject} {verb}:"


def among(chapter: str, name: ListName | None, lead_in: str = "") -> str:
    """What an item of an unordered list says before it: 'In “Club Officer Duties”, among
    the habits of a good officer:'. Its place in the list says nothing, so the list's name
    and the item's own words are its cue, never its neighbours."""
    if name is None:
        return opening(chapter, None, lead_in)
    where = chapter_name(chapter, name.plural)
    if name.heading:
        return f"In {where}, under “{name.heading}”:"
    return f"In {where}, among the {name.singular if name.whole else name.plural}:"


#: Words that open a lead-in sentence and are lowered when it follows "In “Chapter”,".
_OPENERS = frozenset(
    [
        "before",
        "after",
        "when",
        "during",
        "once",
        "if",
        "every",
        "each",
        "good",
        "most",
        "many",
        "some",
    ]
)


def overlapping_cloze(
    start: str, items: list[tuple[int, str]], index: int, ordered: bool = True, neighbours: int = 1
) -> str:
    """Item `index` of a list, blanked, after `start` (see `opening`) and with its
    neighbouring items as cues: 'In “Servanthood”, the service techniques run: … 6. Mastering
    ...; 7. {{c1::Engaging in ...}}; 8. Accepting a philosophy of service; …' (the Cloze
    Overlapper pattern). An ordered list shows its own numbers; an ellipsis marks items left
    out."""
    if len(items) <= WHOLE_LIST_ITEMS:
        neighbours = len(items)  # a short list is shown whole: its other items are the cue
    low, high = max(0, index - neighbours), min(len(items), index + neighbours + 1)
    shown = []
    for at in range(low, high):
        number, text = items[at]
        body = "{{c1::" + text.rstrip(" .;") + "}}" if at == index else _cue(text)
        shown.append(f"{number}. {body}" if ordered else body)
    before = "… " if low > 0 else ""
    after = "; …" if high < len(items) else ("" if shown[-1].endswith("…") else ".")
    return f"{start} {before}{'; '.join(shown)}{after}"


_NAMING = re.compile(
    r"^(?:the|our|these|its)\s+(?P<label>[\w'’ -]{3,80}?)\s+"
    r"(?:are|include|includes|were|run|follow|look\s+like\s+this)(?:\s+as\s+follows)?$",
    re.IGNORECASE,
)


#: Prepositions whose phrase belongs to a list's name ("levels of delegation"); others
#: ("steps in order") say something about the list, not what it is.
_NAME_PREPOSITIONS = frozenset(("of", "between", "among", "for"))
MAX_NAME_WORDS = 10


@lru_cache(maxsize=4096)
def counted_name(text: str, count: int) -> ListName | None:
    """The list that `text` announces with its count: "Follow these twelve steps in order"
    (12) -> "steps"; "The four levels of delegation are" (4) -> "levels of delegation". The
    name is the noun phrase the number opens, with an "of" phrase after it, read by the
    part-of-speech chunker. Cached: a long paragraph's runs ask it of the same sentences."""
    from leadership_cards.generate.syntax import analyse

    wanted = {number_words(count), str(count)}
    analysis = analyse(text)
    if analysis is None:
        return None
    tokens = analysis.tokens
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].lower not in wanted or tokens[i].tag != "CD":
            continue
        last = i
        while last + 1 < len(tokens) and tokens[last + 1].chunk == "I-NP":
            last += 1
        if last == i or not tokens[last].tag.startswith("NN"):
            return None
        # "of delegation", "of difference between inner and top leadership"
        while (
            last + 2 < len(tokens)
            and tokens[last + 1].lower in _NAME_PREPOSITIONS
            and tokens[last + 2].phrase in ("NP", "ADJP")
            and last - i < MAX_NAME_WORDS
        ):
            last += 2
            while last + 1 < len(tokens) and tokens[last + 1].phrase in ("NP", "ADJP"):
                last += 1
        if not tokens[last].tag.startswith("NN"):
            return None
        name = list_name(text[tokens[i + 1].start : tokens[last].end])
        if name and name.whole:
            # After a number the noun names the items, whatever its ending ("six dimension")
            name = ListName(name.plural, name.singular)
        if name and " " not in name.plural:
            name = _with_purpose(name, text, tokens, i)
        return name
    return None


MAX_PURPOSE_WORDS = 6


def _with_purpose(name: ListName, text: str, tokens: tuple, count: int) -> ListName:
    """A one-word name says what the items are, not what they are for: "Repairing broken
    trust takes four moves" names "the moves for repairing broken trust"; "Good feedback
    has three parts", "the parts of good feedback"."""
    verb = count - 1
    if verb < 1 or not tokens[verb].tag.startswith("VB"):
        return name
    subject = tokens[:verb]
    if len(subject) > MAX_PURPOSE_WORDS or any(not t.text[:1].isalnum() for t in subject):
        return name
    if not any(t.tag.startswith(("NN", "VBG")) for t in subject):
        return name  # "We follow three steps": no subject to name the list by
    words = text[subject[0].start : subject[-1].end]
    if not subject[0].tag.startswith("NNP"):
        words = words[:1].lower() + words[1:]
    return name.described(f"{'for' if subject[0].tag == 'VBG' else 'of'} {words}")


def lead_in_name(lead_in: str, count: int) -> ListName | None:
    """The name a lead-in sentence gives its list: by its count, or as the subject of "are"
    or "include" ("The duties of the sergeant at arms include")."""
    found = counted_name(lead_in, count)
    if found:
        return found
    m = _NAMING.match(lead_in.strip().rstrip(":").strip())
    return list_name(m.group("label")) if m else None


_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")
#: A capitalised word after a word or a comma, bracket or dash: inside a sentence, a name.
#: The lookbehind consumes nothing, so each word of a run is found ("John Whitmore").
_NAME_INSIDE = re.compile(r"(?:(?<=[a-z,;(—–])|(?<=[a-z,;(—–]\s))\b([A-Z][\w'’-]*)")
_FIRST_WORD = re.compile(r"^(?P<lead>(?:\{\{c1::)?[\"“‘'(]*)(?P<word>[A-Za-z][\w'’-]*)")


@dataclass(frozen=True, slots=True)
class Casing:
    """How a chapter writes its words: those it writes in lower case somewhere, and those it
    capitalises inside a sentence (names)."""

    common: frozenset[str]
    names: frozenset[str]


def chapter_casing(texts: list[str]) -> Casing:
    # One search of the texts joined by a character that no word, break or lookbehind
    # takes, so each text is read as on its own; each word found lowered once.
    joined = "\0".join(texts)
    common = {w.lower() for w in set(_LOWER_WORD.findall(joined))}
    return Casing(frozenset(common), frozenset(_NAME_INSIDE.findall(joined)))


#: "What do inner leaders learn?", "What does feedback describe?": a bare subject and its verb.
_BARE_QUESTION = re.compile(
    r"^what (?:do|does) (?P<subject>(?:[\w'’-]+ ){1,3}?)[\w'’-]+(?: (?:for|about|with|to|on))?\?$",
    re.IGNORECASE,
)


def about_the_topic(question: str, title: str) -> bool:
    """True when `question` asks what a bare subject does and that subject is the chapter's
    own topic: "What do inner leaders learn?" in a chapter on inner leadership has as many
    answers as the chapter has points."""
    from leadership_cards.generate.blanks import stem

    m = _BARE_QUESTION.match(question.strip())
    if not m:
        return False
    words = [stem(w) for w in m.group("subject").split() if w.lower() not in FUNCTION_WORDS]
    topic = [stem(w) for w in re.findall(r"[\w'’-]+", title)]
    return bool(words) and all(
        any(word == other or (len(word) >= 5 and other.startswith(word)) for other in topic)
        for word in words
    )


def names_its_place(front: str, chapter: str) -> bool:
    """True when a front already says where it comes from: its chapter, quoted ("In
    “Servanthood”, the service techniques run: ...", "A key point of “...”: ...")."""
    subject = chapter_name(chapter).strip("“”")
    return f"“{subject.partition(': ')[0]}" in front


def in_chapter(cloze: str, chapter: str, casing: Casing) -> str:
    """A statement's cloze opened with its chapter, so it stands alone on a phone: "In
    “Leading Change from the Middle”, urgency is {{c1::...}}". The first word is lowered
    unless it is a name ("Kotter", "Patrick Lencioni", "PREP", "I")."""
    return f"In {chapter_name(chapter)}, {lowered_first(cloze, casing)}"


def lowered_first(text: str, casing: Casing) -> str:
    """`text` as it reads once a lead is put before it ("In “Coaching”, ...", "according
    to Kotter, ..."): its first word lowered, unless that word is a name the chapter
    writes capitalised ("Whitmore", "Patrick Lencioni", "PREP", "I")."""
    m = _FIRST_WORD.match(text)
    if not m or not _lowered(m.group("word"), text, casing):
        return text
    start = m.start("word")
    return text[:start] + text[start].lower() + text[start + 1 :]


#: Words with which a front points at a page the learner does not see: "according to these
#: notes", "in this chapter".
_DEICTIC = re.compile(
    r"\b(?P<prep>according to|in|from|of|by)\s+(?:these|this|the)\s+"
    r"(?:notes|chapter|handout|text|section|page|reading|passage|material)\b",
    re.IGNORECASE,
)


_QUESTION_WORDS = frozenset(
    ["what", "which", "how", "who", "whom", "whose", "when", "where", "why", "is", "are", "do"]
    + ["does", "did", "can", "should", "must", "name", "list", "give"]
)


def named_reference(front: str, chapter: str) -> str:
    """ "What is a monotone, according to these notes?" -> "What is a monotone, according
    to “Voice and Gesture”?": the page the question points at, named."""
    where = chapter_name(chapter)
    return _DEICTIC.sub(lambda m: f"{m.group('prep')} {where}", front)


def question_in_chapter(front: str, chapter: str) -> str:
    """A generated question opened with its chapter, so it stands alone: "What does
    “Sergeant at Arms” mean?" -> "In “Club Officer Duties”, what does “Sergeant at Arms”
    mean?". A question that points at "these notes" names the chapter there instead."""
    named = named_reference(front, chapter)
    if named != front:
        return named
    if front.split(" ", 1)[0].lower() in _QUESTION_WORDS:
        front = front[:1].lower() + front[1:]
    return f"In {chapter_name(chapter)}, {front}"


def _lowered(word: str, cloze: str, casing: Casing) -> bool:
    if word == "I" or any(c.isupper() for c in word[1:]):
        return False  # a pronoun, an acronym, a name such as "McKinsey"
    if word.lower() in casing.common:
        return True
    if word in casing.names:
        return False
    from leadership_cards.generate.syntax import analyse

    # A sentence's first word is often tagged a name; two in a row are one ("Patrick Lencioni").
    analysis = analyse(cloze.replace("{{c1::", "").replace("}}", ""))
    if analysis is None or len(analysis.tokens) < 2:
        return True
    first, second = analysis.tokens[0], analysis.tokens[1]
    paired = (
        second.lower == "and" and len(analysis.tokens) > 2 and analysis.tokens[2].text[:1].isupper()
    )  # "Kouzes and Posner identified ...": two authors
    if first.tag == "NNP" and (second.tag == "POS" or second.lower in _REPORTING_VERBS or paired):
        from leadership_cards.generate.syntax import lexicon_tag

        if lexicon_tag(word.lower()) is None:
            return False  # "Tuckman's model", "Edmondson defines": a word no lexicon has, so a name
    return not (first.tag.startswith("NNP") and second.tag.startswith("NNP"))


#: Verbs by which an author is reported: the unknown word before one is the author's name.
_REPORTING_VERBS = frozenset(
    ["defines", "defined", "argues", "argued", "found", "finds", "showed", "shows", "says"]
    + ["said", "suggests", "suggested", "describes", "described", "proposed", "proposes"]
    + ["wrote", "writes", "notes", "noted", "calls", "called", "observed", "observes"]
)
