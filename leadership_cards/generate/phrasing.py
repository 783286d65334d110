"""The wording of list questions: names of lists, counts and overlapping clozes.

A front is read weeks later on a phone, with no header: it must say which chapter and which
list it asks about, in grammatical English. Plurals, number words and verb agreement come
from `inflect`, never from pasting strings, so an odd list name ("criteria for a good
evaluation", "The Meeting Agenda") reads as well as "service techniques".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from leadership_cards.generate.text import FUNCTION_WORDS
from leadership_cards.source import parse_title

#: Words that end the head noun phrase of a list's name ("dimensions | of difference ...").
_POSTMODIFIER = re.compile(
    r"\s+(?:of|between|in|for|among|to|at|on|with|from|by|that|which|who|we|you|a|an|the)\s+",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:the|our|these|those|a|an|some|following|key|main|\d+|"
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
#: Words kept in their capitals when a heading is lowered into a sentence.
_KEEP_CASE = re.compile(r"^(?:[A-Z0-9]{2,}|[A-Z][a-z]+[A-Z]\w*)$")
#: Words in a neighbour cue beyond which it is cut: a cue reminds, it does not recite.
MAX_CUE_WORDS = 12


@cache
def _engine():
    import inflect

    return inflect.engine()


def number_words(n: int) -> str:
    """ "eleven", "twenty-one": numbers as a sentence spells them."""
    return str(_engine().number_to_words(n))


#: Latin plurals English uses as singular nouns ("the meeting agenda").
_SINGULAR_IN_USE = frozenset(("agenda", "data", "media", "trivia"))


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
    generic: bool = False  # a bare "points" or "things": no name a learner could recall

    def described(self, words: str) -> ListName:
        """The name with words after it: "points" -> "points emphasized"."""
        return replace(self, plural=f"{self.plural} {words}", singular=f"{self.singular} {words}")

    @property
    def subject(self) -> str:
        """The list as the subject of "run": "the service techniques", "the evaluation
        process"."""
        return f"the {self.singular if self.whole else self.plural}"

    @property
    def runs(self) -> str:
        return "runs" if self.whole else "run"


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
    return ListName(f"{join}{plural}{rest}", f"{join}{head}{rest}", whole=True)


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


def count_question(name: ListName, chapter: str) -> str:
    """ "How many service techniques does "Servanthood" list?"; for a list named as a
    whole, "How many items make up the meeting agenda in "Club Meetings"?" """
    where = chapter_name(chapter, name.plural)
    if name.whole:
        return f"How many items make up the {name.singular} in {where}?"
    return f"How many {name.plural} does {where} list?"


def _cue(item: str) -> str:
    words = item.rstrip(" .;").split()
    if len(words) <= MAX_CUE_WORDS:
        return " ".join(words)
    kept = words[:MAX_CUE_WORDS]
    while kept and kept[-1].lower().strip(",;:") in FUNCTION_WORDS:
        kept.pop()  # a cue that ends on "and" or "the" reads as a mistake
    return " ".join(kept).rstrip(",;:") + "…"


def overlapping_cloze(
    chapter: str, name: ListName, items: list[tuple[int, str]], index: int, neighbours: int = 1
) -> str:
    """Item `index` of an ordered list, blanked, with the list's name and its neighbouring
    items as cues: 'In "Servanthood", the service techniques run: … 6. Mastering ...;
    7. {{c1::Engaging in ...}}; 8. Accepting a philosophy of service; …' (the Cloze
    Overlapper pattern). The numbers are the list's own; an ellipsis marks items left out."""
    low, high = max(0, index - neighbours), min(len(items), index + neighbours + 1)
    shown = []
    for at in range(low, high):
        number, text = items[at]
        body = "{{c1::" + text.rstrip(" .;") + "}}" if at == index else _cue(text)
        shown.append(f"{number}. {body}")
    before = "… " if low > 0 else ""
    after = "; …" if high < len(items) else ("" if shown[-1].endswith("…") else ".")
    where = chapter_name(chapter, name.plural)
    return f"In {where}, {name.subject} {name.runs}: {before}{'; '.join(shown)}{after}"
