"""Sentence-level helpers shared by the extractors: splitting, cleaning, and finding the phrase
a cloze card should delete. All patterns are compiled once; nothing here scans more than the
sentence it is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SENTENCE_BREAK = re.compile(r"([.!?][\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = _set(
    "e.g i.e etc dr mr mrs ms st vs cf al no p pp fig ed eds vol inc ltd co jr sr "
)
_WORD = re.compile(r"[\w'’-]+")
_PUNCTUATION = re.compile(r"[^\w\s'’-]")
_CONNECTIVE = re.compile(
    r"^(?:(?:for indeed|for one thing|first|second|third|fourth|fifth|sixth|indeed|thus|therefore|hence|rather|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|"
    r"nevertheless|nonetheless|of course|in effect|that is|still|obviously|undoubtedly|"
    r"finally|however|moreover|also|and|but|so|or|in short|in fact|in this way|by contrast|"
    r"given this|for example|for instance|similarly|likewise|accordingly|consequently),\s+)+",
    re.IGNORECASE,
)
_CLEFT = re.compile(r"^it is\b.{1,80}\b(?:who|that)\b", re.IGNORECASE)
_DEMONSTRATIVE = frozenset(("this", "these", "those", "such"))
_PARENTHETICAL_CITATION = re.compile(r"\s*\([^()]*\b(?:1[89]|20)\d\d[a-z]?\)")
_DANGLING_START = _set("they it this these those that such he she his her their its them both ")

NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty "
)
ORDINAL_WORDS = _words(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
)

DETERMINERS = _set("the a an their his her its our your my these those this that each every ")
AUXILIARIES = _set(
    "is are was were be been being am can cannot may must will would should could might shall do "
    "does did has have had "
)
ADVERBS = _set(
    "not always merely often also only just never really usually even still therefore fully "
    "truly routinely normally easily most far generally sometimes actually necessarily "
    "primarily largely simply "
)
PREPOSITIONS = _set(
    "to on in with without for of about from by into at upon over under through toward "
    "towards across among between within "
)
SUBORDINATORS = _set(
    "since because which who whom whose where when while unless if so as than that though "
    "although whereas whether "
)
_BASE_VERBS = _words(
    "use lead inspire learn concern occupy provide create make need rely require show see "
    "help serve become build define describe form give get take know think find develop "
    "accept apply assure engage foster focus deal treat act ask demand imply mean include "
    "involve depend determine change let keep come go work follow trust practice invite "
    "emphasize vary constitute favor contradict suggest say identify characterize influence "
    "shape support affect unite drive set prepare teach master measure incorporate maximize "
    "facilitate offer produce realize achieve attain receive exercise occur represent remain "
    "seem appear allow enable encourage motivate value share join compete generate sustain "
    "reflect bond animate appeal mute impel differentiate distinguish stand relate satisfy "
    "acquire encompass redefine induce persuade continue improve transform rank assume expect "
    "want choose try seek tend lack mature comprise emerge grow bring hold lose win reduce "
    "increase benefit matter live comprehend understand "
)
_IRREGULAR = _words(
    "led made took gave got knew thought found saw shown became came went kept said "
)


def _inflect(base: str) -> set[str]:
    forms = {base, base + "s", base + "ed", base + "ing"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith(("s", "sh", "ch", "x", "o")):
        forms.add(base + "es")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    return forms


VERBS = frozenset().union(*(_inflect(v) for v in _BASE_VERBS), _IRREGULAR, AUXILIARIES)
_NOUN_MARKERS = DETERMINERS | PREPOSITIONS | _set("any some no all many most few several")
# Verb forms that in this kind of prose are nearly always nouns ("work culture", "values").
_NOUNISH = _set("work works values needs leads forms changes means sets")
_MODALS = _set("can cannot may must will would should could might shall do does did")
_PRONOUNS = _set("i me we us you he him she her it they them himself herself themselves")


#: Longer than any abbreviation: the most of a word `sentences` looks back at.
_ABBREVIATION_WINDOW = 12


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping citations with the sentence they support. Linear
    in the text: a break after an abbreviation is judged by the few characters before it.
    A fresh list each call over a cached split: each extractor splits the same passages."""
    return list(_sentences(text))


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        window = text[max(start, match.start() - _ABBREVIATION_WINDOW) : match.start()]
        before = window.rsplit(None, 1)
        last = before[-1].rstrip(".").lower() if before else ""
        # "No. 5" is a number; "a yes or a no." ends a sentence
        abbreviation = last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
        if abbreviation and (last != "no" or text[match.end() : match.end() + 1].isdigit()):
            continue
        out.append(text[start : match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)


def word_count(text: str) -> int:
    return len(text.split())


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def ordinal_word(n: int) -> str:
    return ORDINAL_WORDS[n] if 0 <= n < len(ORDINAL_WORDS) else f"{n}th"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# Cached: each extractor, each pattern of a sentence and its best question ask it again.
@lru_cache(maxsize=8192)
def strip_connectives(sentence: str) -> str:
    """ "Indeed, followers are key..." -> "Followers are key..." (a card stands alone)."""
    stripped = _CONNECTIVE.sub("", sentence)
    if stripped is sentence or stripped == sentence:
        return sentence
    return capitalise(stripped)


# Cached: each extractor, each pattern of a sentence and its best question ask it again.
@lru_cache(maxsize=8192)
def strip_citations(sentence: str) -> str:
    """Drop parenthetical citations such as "(Kelley, 1992)" from a card's statement."""
    if "(" in sentence:  # every citation opens a bracket: most sentences need no search
        sentence = _PARENTHETICAL_CITATION.sub("", sentence)
    return " ".join(sentence.split())


#: "It is important to notice which tasks drain you": "it" stands for the infinitive after.
EXTRAPOSED = re.compile(
    r"^It\s+is\s+(?:often\s+|always\s+|usually\s+)?(?P<judged>important|essential|vital|"
    r"crucial|critical|useful|helpful|wise|better|best|easier|harder|easy|hard|tempting|"
    r"a\s+mistake|a\s+good\s+idea)\s+(?:for\s+(?P<who>[a-z][\w ]{1,30}?)\s+)?"
    r"to\s+(?P<verb>[a-z]+)\s+(?P<what>[^;:]+?)[.!]?$"
)
_SUCH_AS = re.compile(r"\bsuch\s+as\b|\bas\s+such\b", re.I)
_THOSE_WHO = re.compile(r"\b[Tt]hose\s+(?=who\b)")
_THIS_KIND = re.compile(r"\bthis\s+(?=(?:kind|sort|type)\s+of\b)")


@lru_cache(maxsize=8192)
def dangles(sentence: str) -> bool:
    """True when the sentence leans on the one before it ("They...", "This assumption...").
    Cached: each extractor asks it of the same sentences."""
    words = [w.lower() for w in _WORD.findall(sentence[:80])]
    # "such as" gives examples and "as such" means "in itself": neither points back.
    referring = _SUCH_AS.sub(" ", sentence) if "such" in sentence else sentence
    # "those who improvise" names people by what they do, "this kind of task" a kind: they
    # point back to nothing.
    referring = _THOSE_WHO.sub(" ", referring) if "hose" in referring else referring
    referring = _THIS_KIND.sub(" ", referring) if "his" in referring else referring
    if not words or any(w in _DEMONSTRATIVE for w in tokens_lower(referring)):
        return True
    if words[:2] == ["it", "is"] and _CLEFT.search(sentence):
        return False  # "It is inner leaders who ..." stands on its own
    if words[:2] == ["it", "is"] and EXTRAPOSED.match(sentence):
        return False  # "It is important to notice ...": "it" stands for what follows
    return words[0] in _DANGLING_START or _points_back(sentence)


# "The model works ...", "why does the skill lie in ...": a bare general noun as subject
# stands for a thing the chapter named earlier ("SBI", "choosing a mode"), which the card
# cannot show. "The model of ...", "the role to ..." name their own thing.
_SHELL_NOUN = (
    r"(?:model|skill|role|method|technique|approach|idea|practice|tool|process|framework|rule|"
    r"principle|strategy|concept|habit|exercise|pattern|trick|distinction|lesson|difference)"
)
_SHELL_SUBJECT = re.compile(
    rf"(?:^|\b(?:does|do|did|is|are|was|were|can|could|should|must|will|would)\s+)"
    rf"the\s+{_SHELL_NOUN}\s+(?!of\b|to\b|for\b|in\b|on\b|with\b|that\b|which\b|who\b|"
    r"behind\b|called\b|named\b|known\b)[a-z]",
    re.I,
)
# "the four techniques below", "listed above": a pointer to another part of the page.
_PAGE_POINTER = re.compile(r"\b(?:below|above)\b(?=\s*(?:[,.;:?!)]|$|(?:is|are|was|were)\b))", re.I)
# "when the two disagree": a count standing for things named before ("the two sides" names them).
_COUNT_AS_PRONOUN = re.compile(r"\bthe\s+(?:two|three|four|five|six)\s+([a-z]+)\b", re.I)


def _points_back(sentence: str) -> bool:
    if _SHELL_SUBJECT.search(sentence) or _PAGE_POINTER.search(sentence):
        return True
    if "the " not in sentence.lower():
        return False
    from leadership_cards.generate.syntax import lexicon_tag  # the tagger loads only when asked

    return any(
        (lexicon_tag(m.group(1)) or "").startswith(("VB", "MD"))
        for m in _COUNT_AS_PRONOUN.finditer(sentence)
    )


def tokens_lower(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their character spans."""
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


Span = tuple[int, int]

_CONTRAST = re.compile(r",\s+not\s+(?:just\s+|only\s+|merely\s+)?(?!even\b)[\w(\"“]", re.I)
_DEFINED_AS = re.compile(r"\bdefined\s+as\s+", re.I)
_DEFINITION_COLON = re.compile(r"\bdefinition:\s+", re.I)
_NOT_BUT = re.compile(r"\bnot\s+(?:one|just|only|merely|simply)?\s*[\w'’ -]{1,60}?\s+but\s+", re.I)
#: "sees workers as merely employees ..., but certainly not as volunteers": the side the
#: sentence rules out last is its point.
_BUT_NOT = re.compile(
    r",[\"”’]?\s+but\s+(?:certainly\s+|surely\s+)?(?:not|never)\s+(?:as|to|for|by|in)\s+",
    re.I,
)
_MORE_THAN = re.compile(r"\s+(?:far\s+)?more\s+than\s+", re.I)
_THAN = re.compile(r"\bmore\s+(?!than\b)\w[^,;]{0,80}?\s+than\s+", re.I)
_WITHOUT = re.compile(r"\b(?:no|impossible|cannot|can't)\b[^,;]{0,60}?\bwithout\s+", re.I)
# "ownership is what carries a plan through": the subject is the answer the clause asks for
_IS_WHAT = re.compile(r"\s(?:is|are)\s+(?:what|who)\s", re.I)
#: The words that put one side in place of another: "a technique rather than a weakness", "a
#: courtesy instead of a punishment", "a gift as opposed to a verdict".
PREFERRED_OVER = r"(?:rather\s+than|instead\s+of|as\s+opposed\s+to|in\s+place\s+of)"
_RATHER_THAN = re.compile(rf",?\s+{PREFERRED_OVER}\s+", re.I)
# "depends less on any officer's talent than on [the team's habit of showing up]": with
# "less", the side the chapter favours comes after "than".
_LESS_THAN = re.compile(
    r"\bless\s+(?:on|in|by|to|from|with)\s[^,;]{2,60}?\s+than\s+(?:on|in|by|to|from|with)\s+", re.I
)
# "Whitmore defined the purpose of coaching as building awareness ..."
_DEFINED_X_AS = re.compile(r"\bdefine[sd]?\s+[^,;]{3,60}?\s+as\s+", re.I)
# What something is measured by or built on, where it comes from, what it leads to.
_BASIS = re.compile(
    r"\b(?:measures?|measured|judges?|judged|builds?|built|based|rests?|founded|grounded|"
    r"depends?|rely|relies|relied)\b(?:\s+(?!by\b|on\b|upon\b)[\w'’-]+){0,3}?\s+(?:by|on|upon)\s+",
    re.I,
)
_ORIGIN = re.compile(
    r"\b(?:comes?|came|derives?|derived|stems?|springs?|originates?|originated)\s+from\s+", re.I
)
_CAUSE = re.compile(r"\b(?:leads?|led)\s+to\s+|\b(?:causes?|results?\s+in)\s+", re.I)
_KEY_TO = re.compile(r"\b(?:is|are)\s+(?:the\s+)?key\s+to\b", re.I)
_RANK = r"(?:key|driving|prime|central|core|chief|main|primary|essential|single|greatest)"
#: What a verdict ranks first: "the only ...", "the most important ...", "the key ...".
SUPERLATIVE = rf"(?:only|most\s+\w+|{_RANK})"
_ONLY_IS = re.compile(
    rf"\bthe\s+{SUPERLATIVE}\s+[\w\s'’-]{{1,100}}?\s+(?:is|are)\s+(?!not\b)", re.I
)
# "Setting and changing work-community values is the leader's prime job": the subject is
# what the verdict names.
_IS_THE_KEY = re.compile(
    rf"^(?P<subject>[A-Z][^,;:]{{3,80}}?)\s+(?:is|are)\s+(?:the|a)\s+(?:[\w'’-]+\s+)?{_RANK}\s+"
    r"[\w-]+(?:\s+[\w-]+)?[.!]?$",
    re.I,
)
# "It is attitude—both the leader's and the follower's— that determines ...": a cleft
# sentence puts its point in focus.
_CLEFT_FOCUS = re.compile(
    r"^it\s+is\s+(?P<focus>[^—–,;:()]{2,60}?)\s*(?:[—–,(]|\s(?:that|who)\s)", re.I
)
_POSTPOSITIVE = _set("implicit inherent involved required needed possible available")
_LIST_TAIL = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+,?\s+(?:and|or)\s")
# A bracket is a clause break only as a parenthetical aside (" (...)"), never inside a token
# such as "alert(1)".
_CLAUSE_END = re.compile(r"[,;:—–]|\s[(\[]|[)\]](?=[\s,;:.!?]|$)|\s-\s|\.$|[.!?][\"”’)]*$")


def _phrase_before(sentence: str, end: int) -> Span | None:
    """The noun phrase that ends at `end`: back to a clause boundary, at most six words,
    without a leading determiner (the determiner stays in the question, as a cue)."""
    start = 0
    for m in _CLAUSE_END.finditer(sentence, 0, end):
        start = m.end()
    words = [(w, s + start, e + start) for w, s, e in tokens(sentence[start:end])]
    if words and words[0][0] in ("and", "or"):
        return None  # the end of a list: no one phrase to ask for
    cut = 0
    for i, (w, _, _) in enumerate(words):
        verb = w in VERBS and w not in _NOUNISH and i > 0 and words[i - 1][0] not in _NOUN_MARKERS
        if w in SUBORDINATORS or w in AUXILIARIES or w in PREPOSITIONS or verb:
            cut = i + 1
    words = words[cut:]
    if any(w in _PRONOUNS for w, _, _ in words):
        return None
    if len(words) > 6:
        dets = [i for i, (w, _, _) in enumerate(words) if w in DETERMINERS]
        words = words[dets[-1] :] if dets else words[-4:]
    while words and (words[0][0] in DETERMINERS or words[0][0] in ("and", "or")):
        words = words[1:]
    if not words or len(words) > 6:
        return None
    return words[0][1], words[-1][2]


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,40}>")
_W = r"[\w'’-]+"
_LIST_BEFORE = re.compile(
    rf"(?:{_W}\s+){{0,3}}{_W}(?:,\s+{_W}(?:\s+{_W}){{0,2}}){{1,5}},?\s+(?:and|or)\s+"
    rf"{_W}(?:\s+{_W}){{0,2}}?(?P<participle>\s+(?:\w+ed|met|done|made|kept|given|heard))?\s*$"
)


def _list_before(sentence: str, end: int) -> Span | None:
    """The list that is the first term of a contrast: "to get his or her personal values,
    vision, goals, and outcomes met, not just those of the corporation" gives "personal
    values, vision, goals, and outcomes" (the contrast is what to recall, not its last noun)."""
    m = _LIST_BEFORE.search(sentence, 0, end)
    if not m:
        return None
    stop = m.start("participle") if m.group("participle") else len(sentence[:end].rstrip())
    words = tokens(sentence[m.start() : stop])
    skip = DETERMINERS | _PRONOUNS | PREPOSITIONS | SUBORDINATORS | VERBS | _set("and or")
    i = 0
    while i < len(words) and words[i][0] in skip:
        i += 1
    if i >= len(words) or len(words) - i > 10:
        return None
    return m.start() + words[i][1], stop


def _phrase_after(sentence: str, start: int, max_words: int = 8) -> Span | None:
    """The phrase that starts at `start`: to the end of its clause, its determiner left out."""
    stop = len(sentence)
    m = _CLAUSE_END.search(sentence, start)
    if m:
        stop = m.start()
        if m.group() == "," and _LIST_TAIL.match(sentence, m.end()):
            return None  # the phrase is one item of a list: no one thing to ask for
    words = [(w, s + start, e + start) for w, s, e in tokens(sentence[start:stop])]
    if any(w in _PRONOUNS for w, _, _ in words):
        return None
    for i, (w, _, _) in enumerate(words):
        if i and w in SUBORDINATORS:
            words = words[:i]
            break
    while words and (words[0][0] in DETERMINERS or words[0][0] in ADVERBS):
        words = words[1:]
    if len(words) > 2 and words[0][0] == "to" and words[1][0] in VERBS:
        words = words[1:]  # "is to accept the service role": the infinitive is the phrase
    for i, (w, _, _) in enumerate(words):
        if i >= 2 and w in _POSTPOSITIVE:
            words = words[:i]  # "the service role implicit in ...": the noun phrase ends
            break
    tags = [m.span() for m in _TAG.finditer(sentence, start, stop)] if "<" in sentence else []

    def length(ws: list[tuple[str, int, int]]) -> int:
        """Words a reader sees: markup such as "<b>" is text, but not a word to count."""
        return sum(not any(a <= s < b for a, b in tags) for _, s, _ in ws)

    if length(words) > max_words:
        preps = [i for i, (w, _, _) in enumerate(words) if i >= 2 and w in PREPOSITIONS]
        words = words[: preps[0]] if preps else []
    while words and (words[-1][0] in PREPOSITIONS or words[-1][0] in DETERMINERS):
        words = words[:-1]
    if not words or length(words) > max_words:
        return None
    return words[0][1], words[-1][2]


def main_verb_object(sentence: str) -> Span | None:
    """The object of the sentence's main verb: "Inner leaders inspire follower obedience"
    gives "follower obedience". The main verb is the first finite verb the tagger finds
    after the subject, outside a relative clause ("leaders who know ..."); after it come
    its adverbs and particles, then the object or the complement."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence)
    if analysis is None:
        return _main_verb_object_by_words(sentence)
    found = analysis.tokens
    subject = False
    skip_to = 0
    if found and found[0].lower in _SUBORDINATE_OPENERS:
        # "When a coach asks ..., the other person fills ...": the main clause follows
        # the opening clause's comma.
        skip_to = next((i + 1 for i, t in enumerate(found) if t.text == ","), len(found))
    relative = False  # a relative clause opened on the subject, its verb not yet met
    in_relative = False  # the last finite verb was a relative clause's
    for i, token in enumerate(found):
        if i < skip_to:
            continue
        if (
            subject
            and (token.tag in ("WDT", "WP") or token.lower == "that")
            and found[i - 1].tag.startswith("NN")
            and _plain_noun_phrase(found[:i])
        ):
            relative = True
            continue
        if token.tag.startswith(("NN", "PRP")) or token.tag == "VBG" and i == 0:
            subject = True
            continue
        if token.tag not in ("VBZ", "VBP", "VBD", "MD") or not subject:
            continue
        if relative or (
            in_relative
            and i
            and (
                found[i - 1].tag == "CC"
                or found[i - 1].tag == "RB"
                and i > 1
                and found[i - 2].tag == "CC"
            )
        ):
            # "A question that everyone [can] answer ... invites [X]", "An opening that
            # entertains but never [arrives] ... leaves [X]": a relative clause's verbs.
            relative, in_relative = False, True
            continue
        in_relative = False
        if i and (found[i - 1].tag in ("WDT", "WP") or found[i - 1].lower == "that"):
            continue  # a relative clause's verb
        j = i + 1
        while j < len(found) and (
            found[j].phrase in ("VP", "ADVP")
            and found[j].tag not in ("VBG", "TO")
            or found[j].lower in ("or", "and")
            and j + 1 < len(found)
            and found[j + 1].tag in _FINITE
        ):
            j += 1  # its adverbs, and a verb coordinated with it: "succeeds or fails in [X]"
        if j < len(found) and found[j].tag == "TO" and j + 1 < len(found):
            j += 1 if found[j + 1].tag != "VB" else 0
        if j < len(found) and found[j].lower in _SUBORDINATE_OPENERS | _CLAUSE_WORDS:
            return None  # "happens when ...": a clause follows the verb, not an object
        if j < len(found) and found[j].tag == "IN":
            j += 1  # "rely on [X]"
        if j >= len(found) or not any(c.isalnum() for c in found[j].text):
            return None
        return _phrase_after(sentence, found[j].start)
    return None


def _plain_noun_phrase(words: tuple) -> bool:
    """Determiners and adjectives, then nouns: "a rhetorical question", not "effective
    leadership also demands" (a verb the tagger took for a noun)."""
    nouns = False
    for token in words:
        if token.tag.startswith("NN"):
            nouns = True
        elif nouns or not token.tag.startswith(("DT", "JJ", "PRP$")):
            return False
    return nouns


_FINITE = frozenset(("VBZ", "VBP", "VBD"))
_SUBORDINATE_OPENERS = _set(
    "when whenever if unless because since although though while as after before once until"
)
_CLAUSE_WORDS = _set("that if because since whether while although though as")


def _main_verb_object_by_words(sentence: str) -> Span | None:
    """`main_verb_object` for a sentence too long to tag, by word lists."""
    words = tokens(sentence)
    in_relative = False
    for i, (w, _, end) in enumerate(words):
        if i == 0:
            continue
        if w in ("who", "that", "which"):
            in_relative = True
            continue
        if w not in VERBS or words[i - 1][0] in _NOUN_MARKERS:
            continue
        if in_relative:
            in_relative = False
            continue
        j = i + 1
        while j < len(words) and (words[j][0] in AUXILIARIES or words[j][0] in ADVERBS):
            j += 1
        if (
            w in _MODALS
            and j + 1 < len(words)
            and words[j][0] not in _NOUN_MARKERS
            and words[j][0] != "to"
        ):
            j += 1  # "cannot substitute for X": the verb after a modal is not the object
        if j < len(words) and words[j][0] == "to":
            j += 1
        if j < len(words) and words[j][0] in PREPOSITIONS:
            j += 1
        if j >= len(words):
            return None
        if _PUNCTUATION.search(sentence, end, words[j][1]):
            return None  # punctuation between verb and object: no simple object
        return _phrase_after(sentence, words[j][1])
    return None


_PRESENT = ("VBZ", "VBP", "MD")
_QUOTED = re.compile(r'"[^"]{1,80}"|“[^”]{1,80}”')


_PERSONAL = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|me|us|[Mm]y|[Oo]ur|[Yy]our)\b")


# Cached: each extractor, each pattern of a sentence and its best question ask it again.
@lru_cache(maxsize=8192)
def states_a_claim(sentence: str) -> bool:
    """A statement in the present tense about something named: "A coach moves between
    the stages ...", not "In 1990 the club met ..." (narration), nor a question, nor a
    sentence in the first or second person (an aside to the reader)."""
    from leadership_cards.generate.syntax import analyse

    # Words in quotation marks are someone's speech ("how we do things here"), not an aside.
    unquoted = _QUOTED.sub('""', sentence)
    if sentence.rstrip(' "”’').endswith("?") or _PERSONAL.search(unquoted):
        return False
    analysis = analyse(sentence)
    if analysis is None:
        return False
    quoted = [m.span() for m in _QUOTED.finditer(sentence)]
    tokens = analysis.tokens
    for at, token in enumerate(tokens):
        if token.lower in ("i", "we", "you", "me", "us", "my", "our", "your") and not any(
            a <= token.start < b for a, b in quoted
        ):
            return False
        if token.tag in ("VBD",) and token.lower not in ("did",):
            if reduced_relative(tokens, at):
                continue
            if at and tokens[at - 1].tag == "WP":
                continue  # "reviews of [what went well] prepare ...": a clause in the subject
            return False
        if token.tag in _PRESENT:
            return True
        if (
            token.tag == "VB"
            and at > 1
            and tokens[at - 1].tag == "RB"
            and any(t.tag == "WP" for t in tokens[:at])
        ):
            return True  # "reviews of what went badly [prepare] people": the bare present
        if (
            token.tag == "NNS"
            and 0 < at <= 4
            and token.lower in VERBS
            and tokens[at - 1].tag in ("NN", "JJ", "NNP")
            and at + 1 < len(tokens)
            and tokens[at + 1].tag in ("JJR", "RBR", "RBS", "IN", "DT")
        ):
            return True  # "Timing [matters] more than ...": a verb the tagger read as a noun
    return False


_PARTICIPLE_NEXT = frozenset(("RB", "IN", "TO", "RBR"))


def reduced_relative(tokens: tuple, i: int) -> bool:
    """True when the past form at `i` describes the noun before it ("A win [declared] too
    early gives critics ...", "rewards [tied] tightly to output can ...") and the clause's own
    verb, in the present, comes after it."""
    from leadership_cards.generate.syntax import lexicon_tag

    if i == 0 or i + 1 >= len(tokens):
        return False
    noun = tokens[i - 1]
    after_article = i >= 2 and tokens[i - 2].tag in ("DT", "PRP$")  # "a [win] declared"
    if noun.tag not in ("NN", "NNS") and not (
        after_article or (lexicon_tag(noun.lower) or "").startswith("NN")
    ):
        return False
    if tokens[i + 1].tag not in _PARTICIPLE_NEXT:
        return False
    for token in tokens[i + 1 :]:
        if token.text in (",", ";", ":") or token.tag == "VBD":
            return False
        if token.tag in ("VBZ", "VBP", "MD"):
            return True
    return False


_PRONOUN_SUBJECT = re.compile(r"^(It|They|Its|Their)\s+(?=[a-z])")


def resolve_pronoun(sentence: str, previous: str) -> str:
    """ "It then moves to reality ..." after "The conversation begins with the goal ...":
    the pronoun that opens a sentence stands for the subject of the one before, when that
    subject is a plain noun phrase of the same number."""
    m = _PRONOUN_SUBJECT.match(sentence)
    if not m or not previous or _CLEFT.match(sentence):
        return sentence  # "It is attitude that determines ...": "it" stands for nothing
    from leadership_cards.generate.syntax import analyse, lexicon_tag

    # "Indeed, setting values is the leader's job. It involves ...": the subject after the
    # connective.
    previous = capitalise(strip_connectives(previous))
    analysis = analyse(previous)
    if analysis is None:
        return sentence
    tokens = analysis.tokens
    gerund = _gerund_subject(previous, tokens)
    if gerund and m.group(1) == "It":
        # "Buying time is allowed, and it is a technique": the gerund phrase is the subject.
        return gerund + " " + sentence[m.end() :]
    end = 0
    verb_read_as_noun = False
    while end < len(tokens) and tokens[end].phrase == "NP" and tokens[end].tag != "PRP":
        if end and tokens[end].chunk.startswith("B-"):
            break
        # "Inner leaders [face] this problem": a verb the tagger read into the noun phrase.
        if (
            end
            and tokens[end - 1].tag == "NNS"
            and end + 1 < len(tokens)
            and tokens[end + 1].tag in ("DT", "PRP$")
            and (lexicon_tag(tokens[end].lower + "s") or "") == "VBZ"
        ):
            verb_read_as_noun = True
            break
        end += 1
    head = tokens[end - 1] if end else None
    # "The opening of a speech is ...": the subject runs on through "of" and its noun phrase.
    while (
        end + 1 < len(tokens)
        and tokens[end].lower == "of"
        and tokens[end + 1].phrase == "NP"
        and tokens[end + 1].tag != "PRP"
    ):
        end += 1
        while end < len(tokens) and tokens[end].phrase == "NP" and tokens[end].tag != "PRP":
            end += 1
            if end < len(tokens) and tokens[end].chunk.startswith("B-"):
                break
    if not end or end >= len(tokens) or head is None:
        return sentence
    if tokens[end].phrase != "VP" and not verb_read_as_noun:
        return sentence
    plural = head.tag in ("NNS", "NNPS")
    if not head.tag.startswith("NN") or plural != (m.group(1) in ("They", "Their")):
        return sentence
    subject = previous[tokens[0].start : tokens[end - 1].end]
    if m.group(1) in ("Its", "Their"):
        # "Its remedy is structure" after "Groupthink grows when ...": "The remedy for
        # groupthink is structure".
        owned = re.match(r"([\w'’-]+)\s+(?=(?:is|are|was|were)\b)", sentence[m.end() :])
        if not owned:
            return sentence
        owner = subject if tokens[0].tag.startswith("NNP") else subject[:1].lower() + subject[1:]
        rest = sentence[m.end() + owned.end() :]
        return f"The {owned.group(1)} of {owner} {rest}"
    if tokens[0].tag.startswith("DT") or tokens[0].tag == "JJ":
        subject = subject[:1].upper() + subject[1:]
    if tokens[0].tag != "NNP" and not tokens[0].text.isupper():
        subject = subject[:1].upper() + subject[1:]
    return subject + " " + sentence[m.end() :]


def _gerund_subject(sentence: str, tokens: tuple) -> str | None:
    """ "Buying time is allowed" -> "Buying time": a short gerund phrase before "is"."""
    if not tokens or tokens[0].tag != "VBG":
        return None
    verb = next((i for i, t in enumerate(tokens[:7]) if t.lower in ("is", "was")), None)
    if verb is None or verb < 2 or any(not t.text[:1].isalnum() for t in tokens[:verb]):
        return None
    return sentence[: tokens[verb - 1].end]


def salient_span(sentence: str, statements: bool = True) -> tuple[Span, str] | None:
    """The phrase to delete from a statement and why: a contrast ("X, not Y"), a comparison
    ("X more than Y"), a verdict ("the only X is Y", "no Z without Y"), or the main verb's
    object; the first that makes a good blank (`blanks.problems`), completed to its whole
    phrase. Returns None when nothing in the sentence is worth asking about. With
    `statements` false only the patterns are tried: a sentence that states no claim is not
    analysed for a plain object or subject."""
    from leadership_cards.generate import blanks  # the tagger loads only when cards are made

    for why, rule in _SALIENT_RULES:
        if not statements and why in _UNPATTERNED:
            continue
        found = rule(sentence)
        for span in found if isinstance(found, list) else [found] if found else []:
            if why == "number":
                if blanks.good(sentence, span):
                    return span, why  # a number keeps the words that say how exact it is
                continue
            # The phrase the rule found, else its first noun phrase alone: "no growth without
            # [steady mentoring] by experienced speakers" keeps the speakers as a cue.
            for candidate in (
                blanks.complete(sentence, span),
                blanks.head_phrase(sentence, span),
            ):
                if not candidate or not blanks.good(sentence, candidate):
                    continue
                if why == "statement" and not blanks.is_noun_phrase(sentence, candidate):
                    continue  # with no pattern to point at it, only a noun phrase is salient
                return candidate, why
    return None


_UNPATTERNED = frozenset({"statement"})


def _after(pattern: re.Pattern[str], sentence: str, max_words: int) -> Span | None:
    m = pattern.search(sentence)
    return _phrase_after(sentence, m.end(), max_words=max_words) if m else None


def _to_the_end(pattern: re.Pattern[str], sentence: str, max_words: int) -> Span | None:
    """The rest of the sentence after the pattern, when it is short: "... than on [the
    team's habit of showing up]"."""
    m = pattern.search(sentence)
    if not m:
        return None
    end = len(sentence.rstrip(" .!?"))
    rest = sentence[m.end() : end]
    if not rest or len(rest.split()) > max_words or _PUNCTUATION.search(rest.replace("'", "")):
        return None
    return m.end(), end


def _before(pattern: re.Pattern[str], sentence: str) -> Span | None:
    m = pattern.search(sentence)
    return _phrase_before(sentence, m.start()) if m else None


def _definition_after_colon(sentence: str) -> Span | None:
    m = _DEFINITION_COLON.search(sentence)
    if m:
        end = len(sentence.rstrip(".!? "))
        if m.end() < end and len(sentence[m.end() : end].split()) <= 8:
            return m.end(), end
    return None


def _contrast(sentence: str) -> Span | None:
    m = _CONTRAST.search(sentence)
    if m:
        return _phrase_before(sentence, m.start()) or _list_before(sentence, m.start())
    return None


#: "The leader's vision forms the platform upon which ...": a thing pictured as another.
_PICTURED = re.compile(
    r"^(?:(?:The|A|An|Our|Their|Its)\s+)?(?P<subject>[\w'’-]+(?:\s+[\w'’-]+){0,4}?)\s+"
    r"(?:is|are|forms?|provides?|becomes?|remains?|serves?\s+as)\s+(?:the|a|an)\s+"
    r"(?P<image>[\w-]+(?:\s+[\w-]+)?)"
)


def _pictured(sentence: str) -> Span | None:
    """What the sentence pictures, not the picture: "The [leader's vision] forms the
    platform upon which all work is done" (a blank on "platform" asks for the writer's
    image, which any synonym answers)."""
    from leadership_cards.generate.blanks import is_image

    m = _PICTURED.match(sentence)
    if m and any(is_image(word) for word in m.group("image").split()):
        return m.span("subject")
    return None


def _than(sentence: str) -> Span | None:
    m = _THAN.search(sentence)
    if m:
        return _phrase_before(sentence, m.start() + m.group().lower().rfind(" than"))
    return None


def _cleft_focus(sentence: str) -> Span | None:
    m = _CLEFT_FOCUS.match(sentence)
    if m and _CLEFT.search(sentence):
        span = _phrase_after(sentence, m.start("focus"), max_words=6)
        if span and span[1] <= m.end("focus"):
            return span
    return None


def _key_subject(sentence: str) -> Span | None:
    m = _IS_THE_KEY.match(sentence)
    if m and not dangles(m.group("subject")):
        words = tokens(m.group("subject"))
        if 1 <= len(words) <= 6 and not any(w in _PRONOUNS for w, _, _ in words):
            start = words[1][1] if words[0][0] in DETERMINERS and len(words) > 1 else 0
            return start, m.end("subject")
    return None


def _what_subject(sentence: str) -> Span | None:
    """ "..., and ownership is what carries a plan": the noun phrase before "is what"."""
    from leadership_cards.generate import blanks

    m = _IS_WHAT.search(sentence)
    return blanks.noun_phrase_ending_at(sentence, m.start()) if m else None


def _quantity(sentence: str) -> list[Span]:
    from leadership_cards.generate.quantities import quantities

    return quantities(sentence)


def _subject(sentence: str) -> Span | None:
    from leadership_cards.generate import blanks

    return blanks.subject_phrase(sentence)


#: The kinds of salient phrase, in the order they are tried: the first that finds a phrase
#: in a sentence names what its cloze asks for.
_SALIENT_RULES: tuple[tuple[str, Callable[[str], Span | list[Span] | None]], ...] = (
    ("definition", lambda s: _after(_DEFINED_AS, s, 4)),
    ("definition", _definition_after_colon),
    ("contrast", _contrast),
    ("contrast", lambda s: _after(_NOT_BUT, s, 6)),
    ("contrast", lambda s: _to_the_end(_BUT_NOT, s, 4)),
    ("verdict", _pictured),
    ("comparison", lambda s: _to_the_end(_LESS_THAN, s, 8)),
    ("comparison", lambda s: _before(_MORE_THAN, s)),
    ("comparison", _than),
    ("verdict", lambda s: _after(_ONLY_IS, s, 6)),
    ("verdict", lambda s: _after(_WITHOUT, s, 8)),
    ("verdict", _cleft_focus),
    ("verdict", _key_subject),
    ("verdict", lambda s: _before(_KEY_TO, s)),
    ("verdict", _what_subject),
    ("contrast", lambda s: _before(_RATHER_THAN, s)),
    ("definition", lambda s: _after(_DEFINED_X_AS, s, 6)),
    ("basis", lambda s: _after(_BASIS, s, 6)),
    ("origin", lambda s: _after(_ORIGIN, s, 6)),
    ("cause", lambda s: _after(_CAUSE, s, 6)),
    ("number", _quantity),
    ("statement", lambda s: main_verb_object(s)),
    ("statement", _subject),
)


_OPENING = frozenset(" \t([{\"“‘'—–")
_CLOSING = frozenset(" \t.,;:!?)]}\"”’'—–")


# Only a clause that can go without leaving a fragment: "which"/"while"/"if" after a comma
# (never "by which", a relative clause the sentence needs), "since"/"because" anywhere.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:since|because|if|while|which|so that)\s+|\s+(?:since|because|so that)\s+",
    re.IGNORECASE,
)
LONG_STATEMENT_WORDS = 25


def _focus(sentence: str, after: int) -> str:
    """A long statement loses its trailing "since ..."/"because ..." clause, when the
    deletion comes before it: the card asks one thing, and the rest is reading matter."""
    if len(sentence.split()) <= LONG_STATEMENT_WORDS:
        return sentence
    m = _TRAILING_CLAUSE.search(sentence, after)
    if not m or len(sentence[: m.start()].split()) < 6:
        return sentence
    head = sentence[: m.start()]
    return sentence if ends_in_function_word(head) else head + "."


def cloze_of(sentence: str, span: Span) -> str:
    """The sentence with `span` marked for deletion, widened to whole words so that a
    deletion never splits something like "<b>personal</b>"."""
    start, end = span
    while start > 0 and sentence[start - 1] not in _OPENING:
        start -= 1
    while end < len(sentence) and sentence[end] not in _CLOSING:
        end += 1
    balanced = _balance(sentence, start, end)
    if balanced[1] > balanced[0]:
        start, end = balanced
    sentence = _focus(sentence, end)
    return f"{sentence[:start]}{{{{c1::{sentence[start:end]}}}}}{sentence[end:]}"


_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _balance(sentence: str, start: int, end: int) -> Span:
    """Widen a deletion until its brackets pair up, so it never stops inside "alert(1)" or
    opens a parenthesis it does not close; if no partner exists, stop before the stray one."""
    for _ in range(4):
        depth: list[str] = []
        stray_close = None
        for i in range(start, end):
            c = sentence[i]
            if c in _PAIRS:
                depth.append(c)
            elif c in _PAIRS.values():
                if depth and _PAIRS[depth[-1]] == c:
                    depth.pop()
                elif stray_close is None:
                    stray_close = i
        if not depth and stray_close is None:
            return start, end
        if depth:
            close = sentence.find(_PAIRS[depth[0]], end)
            if close < 0:
                end = sentence.index(depth[0], start)
                break
            end = close + 1
            while end < len(sentence) and sentence[end] not in _CLOSING:
                end += 1
        else:
            assert stray_close is not None
            opener = {v: k for k, v in _PAIRS.items()}[sentence[stray_close]]
            found = sentence.rfind(opener, 0, start)
            if found < 0:
                end = stray_close
                break
            start = found
            while start > 0 and sentence[start - 1] not in _OPENING:
                start -= 1
    while end > start and sentence[end - 1] in " \t([{":
        end -= 1
    return start, end


def ends_in_function_word(text: str) -> bool:
    """True for "... a process of persuasion and example by." (cut mid-clause)."""
    if text.rstrip(" .!?").endswith(('"', "”")):
        return False  # a quotation ends where its speaker ended it
    # An object pronoun ("repeat it") or an auxiliary ("as they always have") ends a clause.
    return _last_word(text.rstrip(' .!?"”’)')).lower() in _CLAUSE_ENDING_FUNCTION_WORDS


def _last_word(text: str) -> str:
    """The last of `_WORD`'s words in `text` ("" when it has none), read back from its end
    rather than by finding every word before it."""
    end = len(text)
    while end and not _in_word(text[end - 1]):
        end -= 1
    start = end
    while start and _in_word(text[start - 1]):
        start -= 1
    return text[start:end]


def _in_word(char: str) -> bool:
    """A character `_WORD` takes: a word character (a letter or digit, or "_"), an
    apostrophe or a hyphen."""
    return char.isalnum() or char in "_'’-"


#: Words too common to carry a fact: they neither give an answer away nor make two
#: statements alike.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "and",
        "or",
        "is",
        "are",
        "be",
        "for",
        "on",
        "with",
        "by",
        "as",
        "at",
        "it",
        "its",
        "their",
        "his",
        "her",
        "what",
        "which",
        "how",
        "many",
        "who",
    ]
)
#: Function words that end a clause cut short; an object pronoun or an auxiliary ends a
#: whole one.
_CLAUSE_ENDING_FUNCTION_WORDS = FUNCTION_WORDS - {"it", "is", "are", "be"}


_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|and|but)\s+(?=[a-z])")
MIN_CLAUSE_WORDS = 3


def clauses(sentence: str) -> list[str]:
    """The independent clauses of a sentence joined by a semicolon, "and", "but" or a
    contrasting "while": "A position is what someone says they want; an interest is why
    they want it." -> two claims, each a sentence of its own. A part that is not a clause
    with a subject and a verb of its own ("..., and helps people through it") stays with
    the clause before it; a list ("goals; methods; priorities") stays whole."""
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    if not breaks:
        return [sentence]
    from leadership_cards.generate.syntax import analyse

    end = len(sentence.rstrip(" .!"))
    starts = [0, *(m.end() for m in breaks)]
    stops = [*(m.start() for m in breaks), end]
    out: list[tuple[int, int]] = []
    for start, stop in zip(starts, stops, strict=True):
        analysis = analyse(sentence[start:stop])
        own = (
            analysis is not None
            and len(analysis.tokens) >= MIN_CLAUSE_WORDS
            and any(t.tag in ("VBZ", "VBP", "VBD", "MD") for t in analysis.tokens)
            and not analysis.tokens[0].tag.startswith(
                ("VBZ", "VBP", "VBD", "VB", "IN", "TO", "RB", "CC", "WRB")
            )
            or analysis is not None
            and analysis.tokens[0].tag == "VBG"  # "Buying time is allowed": a gerund subject
            and not out
            and any(t.tag in ("VBZ", "VBP") for t in analysis.tokens)
        )
        if not own and not out:
            return [sentence]  # no main clause to start from: a list, not clauses
        if own:
            out.append((start, stop))
        else:
            out[-1] = (out[-1][0], stop)
    if len(out) < 2:
        return [sentence]
    return [capitalise(sentence[a:b].strip()) + "." for a, b in out]


_TRAILING_REASON = re.compile(
    r",\s+(?:because|since|so that|as|which|where)\s+[^;:]+[.!]?$"
    # "..., and the least used": an afterthought with no verb of its own
    r"|,\s+and\s+(?:the\s+)?(?:least|most|often|usually|rarely)\s+[^,;:]{1,30}[.!]?$",
    re.I,
)


# Cached: each extractor, each pattern of a sentence and its best question ask it again.
@lru_cache(maxsize=8192)
def main_clause(sentence: str) -> str:
    """The sentence without a trailing reason or aside: "A story is the strongest opening of
    all, because people are built to follow a narrative." -> "A story is the strongest
    opening of all." (a question asks for one thing; the reason is reading matter)."""
    cut = _TRAILING_REASON.sub("", sentence.rstrip())
    return cut if cut == sentence.rstrip() else cut.rstrip(" ,") + "."


_SINGULAR_PRONOUNS = frozenset(["it", "its"])


@lru_cache(maxsize=4096)
def answer_points_away(answer: str) -> bool:
    """True when a definition's answer names a thing, then says "it" of something it never
    names. "It" stands for a singular noun of the answer, though not for its head when the
    answer is a noun phrase: the head is the defined term itself ("the inner process people go
    through to come to terms with [it]": a change the card never names). An answer that names
    nothing ("why they want it", "say what it caused") speaks of anyone's case in general."""
    if not any(w in _SINGULAR_PRONOUNS for w in tokens_lower(answer)):
        return False
    from leadership_cards.generate.syntax import analyse  # the tagger loads only when asked

    analysis = analyse(answer)
    if analysis is None:
        return False
    tokens = analysis.tokens
    head: int | None = None
    nouns: list[int] = []
    for i, token in enumerate(tokens):
        if token.tag.startswith("PRP") and token.lower in _SINGULAR_PRONOUNS and head is not None:
            # the head stands as a subject ("The new way is built ... so that it holds")
            subject = head + 1 < len(tokens) and tokens[head + 1].tag in (*_FINITE, "MD")
            if not any(tokens[n].tag in ("NN", "NNP") and (n != head or subject) for n in nouns):
                return True
        elif token.tag.startswith("NN") and not (i == 0 and _opens_instruction(tokens)):
            nouns.append(i)
            if head is None or (head == i - 2 and tokens[i - 1].tag == "POS"):
                head = i  # "the speaker's message": the owned noun heads the phrase
    return False


def _opens_instruction(tokens: tuple) -> bool:
    """ "Name when and where ...", "Say what ...": a first word the tagger read as a noun, with
    a question word after it, is a verb giving an instruction."""
    return len(tokens) > 1 and tokens[1].tag.startswith("W")
