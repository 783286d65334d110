"""Which phrase of a sentence a cloze may blank, judged on the sentence's parts of speech.

A blank is a complete phrase that carries content: a noun phrase whole (never its last noun
alone, never its determiner), a number with its unit, a name, an adjective of contrast. It is
never a function word, a verb cut from its object, a clause with its own verb, a list of
three or more items, filler at the end of a chain of prepositions, nor a phrase the rest of
the sentence gives away; and what is left of the sentence keeps enough content words that
one answer fits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from leadership_cards.generate.syntax import (
    AUXILIARY_WORDS,
    Analysis,
    Token,
    analyse,
    is_content,
    is_function,
)

Span = tuple[int, int]

#: Content words the frame keeps besides the blank; fewer, and almost anything fits.
MIN_FRAME_CONTENT = 4
MAX_BLANK_WORDS = 8
#: A frame this full of content pins down even a one-noun answer.
RICH_FRAME_CONTENT = 7
#: Nouns of position, part or quantity: "in the middle of the [...]" blanks filler.
_PARTITIVE = frozenset(
    [
        "middle",
        "part",
        "parts",
        "end",
        "beginning",
        "rest",
        "top",
        "bottom",
        "centre",
        "center",
        "heart",
        "front",
        "back",
        "edge",
        "side",
        "sides",
        "kind",
        "kinds",
        "sort",
        "sorts",
        "type",
        "types",
        "lot",
        "lots",
        "number",
        "range",
        "variety",
        "series",
        "group",
        "host",
        "majority",
        "minority",
        "half",
        "most",
        "many",
        "much",
        "some",
        "all",
        "each",
        "one",
        "none",
        "any",
        "course",
        "form",
        "level",
        "levels",
        "way",
        "ways",
        "case",
        "cases",
        "point",
        "instance",
    ]
)
_RANKS = frozenset(
    [
        "only",
        "key",
        "prime",
        "main",
        "chief",
        "central",
        "core",
        "primary",
        "essential",
        "single",
        "first",
    ]
)
#: Heads that name no particular thing: "another [critical area]", "rely for [excellent
#: performance]". With nothing but adjectives beside them, a blank on one asks what any
#: number of words would answer; a more telling phrase of the sentence is asked instead.
_GENERIC_HEADS = frozenset(
    [
        "area",
        "areas",
        "thing",
        "things",
        "role",
        "roles",
        "performance",
        "success",
        "result",
        "results",
        "outcome",
        "outcomes",
        "factor",
        "factors",
        "issue",
        "issues",
        "aspect",
        "aspects",
        "element",
        "elements",
        "matter",
        "matters",
        "feature",
        "features",
        "field",
        "domain",
        "something",
        "stuff",
        "person",
    ]
)
#: Nouns that only frame the salient noun after them: "the [idea of trust]".
_FILLER_HEADS = frozenset(["idea", "notion", "concept", "sense", "kind", "sort", "type"])
_DEMONSTRATIVES = frozenset(["this", "these", "those", "that"])
#: Words that open a phrase saying which thing a demonstrative means: "those [who] serve".
_DEFINING = frozenset(["who", "whom", "which", "that", "of", "whose", "where", "when"])
#: Resources anyone spends on anything: "[time and attention]" asks for no particular fact.
_RESOURCES = frozenset(["time", "attention", "energy", "effort", "efforts", "resources", "money"])
#: Sentence adverbs that tell the tone of what follows: "Unfortunately ... has [negative
#: connotations]" gives a blank of evaluation away.
_TONE_ADVERBS = frozenset(
    ["unfortunately", "sadly", "regrettably", "alas", "fortunately", "happily", "luckily"]
)
_EVALUATIVE = frozenset(
    [
        "negative",
        "positive",
        "bad",
        "good",
        "poor",
        "harmful",
        "unpleasant",
        "pleasant",
        "favourable",
        "unfavourable",
        "favorable",
        "unfavorable",
        "worse",
        "better",
        "wrong",
    ]
)
_NEGATIONS = frozenset(["not", "never", "n't"])
_FINITE = ("VBZ", "VBP", "VBD", "MD")
_SUFFIXES = ("ship", "ness", "ment", "ings", "ing", "ers", "er", "ies", "es", "ed", "s", "ly")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude stem, enough to see "followership" in "followers" or "leaders" in "leading"."""
    word = word.lower().replace("’", "'")
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def _covered(analysis: Analysis, span: Span) -> tuple[int, int] | None:
    """Indexes of the first and last token inside `span`."""
    inside = [i for i, t in enumerate(analysis.tokens) if t.start >= span[0] and t.end <= span[1]]
    return (inside[0], inside[-1]) if inside else None


def _in_np(token: Token) -> bool:
    return token.phrase == "NP"


def complete(sentence: str, span: Span) -> Span | None:
    """`span` trimmed of the function words at its edges and widened to the whole noun
    phrase it cuts into ("the [theory] of ..." stays; "values-based [leadership]" becomes
    "[values-based leadership]")."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    found = _covered(analysis, span)
    if found is None:
        return None
    first, last = found
    tokens = analysis.tokens
    while first <= last and (is_function(tokens[first]) or not _word(tokens[first])):
        first += 1
    while last >= first and (is_function(tokens[last]) or not _word(tokens[last])):
        last -= 1
    # A comparison's adverbs ("[its causes] more clearly than") are not part of the phrase.
    run = last
    while run > first and tokens[run].tag in ("RB", "RBR", "RBS"):
        run -= 1
    compared = any(t.tag in ("RBR", "RBS") for t in tokens[run + 1 : last + 1])
    if compared and tokens[first].phrase == "NP":
        last = run  # "[safety to disagree openly]" keeps its adverb
    if first > last:
        return None
    # Widen to the noun phrase's content: its modifiers before, its head after.
    while (
        first > 0
        and tokens[first].chunk.startswith("I-NP")
        and is_content(tokens[first - 1])
        and tokens[first - 1].tag != "CC"
    ):
        first -= 1
    while (
        last + 1 < len(tokens)
        and tokens[last + 1].chunk.startswith("I-NP")
        and _in_np(tokens[last])
        and tokens[last + 1].tag not in ("CC", "POS")
        and not is_function(tokens[last + 1])
    ):
        last += 1
    return analysis.span(first, last)


def head_phrase(sentence: str, span: Span) -> Span | None:
    """The first noun phrase inside `span`, when the span runs on past it."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    found = _covered(analysis, span)
    if found is None:
        return None
    for phrase in analysis.phrases:
        if phrase.kind == "NP" and found[0] <= phrase.first and phrase.last < found[1]:
            if analysis.tokens[phrase.last + 1].tag not in ("IN", "TO", "VBN"):
                return None  # an item of a list or coordination: no one phrase to ask
            return complete(sentence, analysis.span(phrase.first, phrase.last))
    return None


def _word(token: Token) -> bool:
    return any(c.isalnum() for c in token.text)


def problems(sentence: str, span: Span) -> list[str]:
    """What is wrong with blanking `span` of `sentence`; empty when the blank is good."""
    return list(_problems(sentence, span))


@lru_cache(maxsize=4096)
def _problems(sentence: str, span: Span) -> tuple[str, ...]:
    analysis = analyse(sentence)
    if analysis is None:
        return []  # too long to analyse: the length rules judge it
    found = _covered(analysis, span)
    if found is None:
        return ["blank holds no word"]
    first, last = found
    tokens = analysis.tokens
    blank = tokens[first : last + 1]
    frame = tokens[:first] + tokens[last + 1 :]
    out: list[str] = []
    if not any(is_content(t) and t.lower != "one" for t in blank):
        out.append("blank is a function word")  # "one" alone stands for a noun: a pronoun
    elif (
        is_function(blank[0]) and blank[0].tag not in ("PRP$",) and not _is_hedge(tokens, first)
    ) or is_function(blank[-1]):
        out.append("blank starts or ends on a function word")
    words = [t for t in blank if _word(t)]
    if all(t.tag == "CD" for t in words) and not any(
        c.isdigit() for c in sentence[span[0] : span[1]]
    ):
        out.append("blank is a bare count")  # "are [two]: first, ...": the count of a list
    if len(words) > MAX_BLANK_WORDS:
        out.append("blank is longer than a phrase")
    if _is_clause(blank):
        out.append("blank is a whole clause")
    elif any(
        t.lower in _LINKING and n + 1 < len(blank) and blank[n + 1].tag.startswith("JJ")
        for n, t in enumerate(blank[1:], 1)
    ):
        out.append("blank is a verb fragment")  # "all [four sounds conversational]"
    elif _is_verb_fragment(blank, tokens, last):
        out.append("blank is a verb fragment")
    if _runs_into_clause(blank):
        out.append("blank runs into a clause")  # "the [cheapest tool a leader] has"
    if _is_list(blank):
        out.append("blank is a list of three or more items")
    elif _in_list(tokens, first, last):
        out.append("blank is one item of a list")
    if _is_filler(blank, tokens, first):
        out.append("blank is filler")
    if _given_away(blank, frame):
        out.append("the sentence gives the blank away")
    elif _tone_given(blank, frame):
        out.append("the sentence's tone gives the blank away")
    if blank[0].lower in _NEGATIONS:
        out.append("blank is a negation")  # "Urgency is [not panic]": asks only for "not"
    if _is_generic(blank):
        out.append("blank is a generic noun")
    if _filler_head(blank):
        out.append("blank is headed by a filler noun")  # "the [idea of trust]"
    if _dangling_demonstrative(frame):
        out.append("frame points back to an earlier sentence")  # "these second level leaders"
    # A superlative or a rank ("the leader's prime job") admits one answer in a short frame.
    ranked = any(t.tag == "JJS" or t.lower in _RANKS for t in frame)
    needed = MIN_FRAME_CONTENT - ranked
    if _bare_predicate(tokens, first, last):
        needed = MIN_FRAME_CONTENT + 1
    elif _whole_predicate(tokens, first, last):
        needed = MIN_FRAME_CONTENT + 1 - ranked
    if sum(is_content(t) for t in frame) < needed:
        out.append("frame too short for one answer")
    if _splits_phrase(tokens, first, last):
        out.append("blank splits a phrase")
    elif _runs_into_noun_phrase(tokens, last):
        out.append("blank ends on a verb read as a noun")  # "the [corporation use] unique skills"
    if _quoted(sentence[: span[0]]):
        out.append("blank is inside a quotation")  # an example of wording, not a claim
    return tuple(out)


def _bare_predicate(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A blank that opens the sentence before "is" or "are" with no rank after it leaves a
    bare predicate, which many subjects fit: "[...] are key to all social action and
    success" ("key" here rates, where "the key ingredient" ranks)."""
    if first != 0 or last + 2 >= len(tokens) or tokens[last + 1].lower not in _COPULAS:
        return False
    rest = tokens[last + 2 :]
    ranks = [t for t in rest[1:] if t.tag == "JJS" or t.lower in _RANKS]
    return not ranks and not (rest[0].lower == "the" and len(rest) > 1 and rest[1].lower in _RANKS)


def _runs_into_noun_phrase(tokens: tuple[Token, ...], last: int) -> bool:
    """A noun phrase does not run straight into another ("corporation use unique skills"):
    where the blank's last "noun" is followed by an adjective and a noun, it is the verb of
    the sentence, misread by the tagger."""
    if last + 2 >= len(tokens) or not tokens[last].tag.startswith("NN"):
        return False
    return tokens[last + 1].tag == "JJ" and tokens[last + 2].tag.startswith("NN")


def _whole_predicate(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A blank that closes the sentence right after "is a" or "is the" is the whole
    predicate: the subject alone must then single the answer out, and a short one cannot
    ("Every meeting role is a [...]")."""
    if first < 2 or any(_word(t) for t in tokens[last + 1 :]):
        return False
    return tokens[first - 1].tag == "DT" and tokens[first - 2].lower in _COPULAS


def _filler_head(blank: list[Token]) -> bool:
    """A blank opening on "idea of", "notion of", "sense of": the head pads the salient noun
    after it, which is what a learner should recall."""
    words = [t for t in blank if _word(t)]
    while words and words[0].tag in ("DT", "PRP$"):
        words = words[1:]
    return len(words) > 1 and words[0].lower in _FILLER_HEADS and words[1].lower == "of"


def _dangling_demonstrative(frame: list[Token]) -> bool:
    """ "these second level leaders", "this gap", "those": the frame points at something only
    the previous sentence names. A demonstrative whose phrase goes on to say what it means
    ("those who serve", "this idea of service") stands on its own."""
    for n, token in enumerate(frame):
        if token.lower not in _DEMONSTRATIVES or token.tag not in ("DT", "PDT"):
            continue
        if token.lower == "that" and not (n + 1 < len(frame) and frame[n + 1].tag.startswith("NN")):
            continue  # "that" as a conjunction or relative pronoun, tagged loosely
        rest = frame[n + 1 :]
        while rest and rest[0].tag.startswith(("JJ", "NN", "VBN", "VBG", "CD")):
            rest = rest[1:]
        if rest and rest[0].lower in _DEFINING:
            continue
        return True
    return False


def _quoted(before: str) -> bool:
    """True when a quotation is open at the end of `before`."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def good(sentence: str, span: Span) -> bool:
    return not problems(sentence, span)


def is_noun_phrase(sentence: str, span: Span) -> bool:
    """A noun phrase and nothing else, with at most one "of" phrase attached: "[values-based
    leadership]", "[part of ordinary work]", "[70 percent]"; not "[satisfy the needs]",
    "[up-front CEO over the behind-the-scenes leader]", nor "[longer]"."""
    analysis = analyse(sentence)
    if analysis is None:
        return False
    found = _covered(analysis, span)
    if found is None:
        return False
    blank = analysis.tokens[found[0] : found[1] + 1]
    if not blank[-1].tag.startswith(("NN", "CD")) or blank[0].tag.startswith(("VB", "RB")):
        return False
    content = [t for t in blank if is_content(t)]
    frame = analysis.tokens[: found[0]] + analysis.tokens[found[1] + 1 :]
    rich = sum(is_content(t) for t in frame) >= RICH_FRAME_CONTENT
    if len(content) < 2 and not rich and not any(t.tag in ("NNP", "NNPS", "CD") for t in content):
        return False  # one common noun in a thin frame ("use the [platform]"): no point
    ofs = 0
    for t in blank:
        if t.phrase in ("NP", "ADJP") or t.tag in ("POS", "CC", "CD") or t.text in ("-", "–"):
            continue
        if not _word(t) and t.text not in (",", ";", ":"):
            continue  # brackets and symbols inside a name such as "alert(1)"
        if t.lower == "of" and not ofs:
            ofs += 1
            continue
        return False
    return True


def _is_clause(blank: list[Token]) -> bool:
    """A subject and its finite verb inside the blank: "[they need to be concerned]"."""
    seen_noun = False
    for t in blank:
        if t.tag.startswith(("NN", "PRP")):
            seen_noun = True
        elif t.tag in _FINITE and seen_noun:
            return True
        elif t.tag in ("WDT", "WP") or t.lower in ("that", "because", "since", "if", "when"):
            return any(u.tag in _FINITE for u in blank)
    return False


def _runs_into_clause(blank: list[Token]) -> bool:
    """A noun phrase followed at once by another that opens with a determiner, inside the
    blank: the second is the subject of a clause the blank cuts ("tool [a leader] has")."""
    for a, b in zip(blank, blank[1:], strict=False):
        if a.tag.startswith("NN") and b.chunk == "B-NP" and b.tag in ("DT", "PRP$"):
            return True
    return False


def _is_verb_fragment(blank: list[Token], tokens: tuple[Token, ...], last: int) -> bool:
    """A verb without its object ("leaders [inspire] trust"), or a finite verb phrase
    ("[is often misunderstood]"). A gerund or infinitive phrase with its object is whole."""
    content = [t for t in blank if is_content(t)]
    if not content:
        return False
    if blank[0].tag in _FINITE:
        return True
    tail = blank[-1]
    if tail.tag in ("VBZ", "VBP", "VBD"):
        return True
    if tail.tag.startswith("VB") and last + 1 < len(tokens):
        nxt = tokens[last + 1]
        # "[building] trust": the verb's object is left outside the blank
        if nxt.phrase == "NP" and nxt.chunk.startswith("B-") and nxt.tag != "PRP":
            return True
    # A bare verb is a fragment; "to solve" ending "resisting the urge to solve" is not.
    return tail.tag == "VB" and (len(blank) < 2 or blank[-2].tag != "TO")


_LIST_SEPARATOR = re.compile(r"^(?:,|;|and|or)$", re.IGNORECASE)


def _is_list(blank: list[Token]) -> bool:
    """Three items or more: two separators ("values, vision, goals, and outcomes")."""
    commas = sum(t.text in (",", ";") for t in blank)
    conjunctions = sum(t.lower in ("and", "or") for t in blank)
    return commas >= 2 or (commas >= 1 and conjunctions >= 1)


def _in_list(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "a [complex array of interests], forces, attitudes, and values": one item of several,
    with no cue to say which."""
    after = list(tokens[last + 1 : last + 10])
    if any(t.text == "(" for t in after):
        after = after[: next(n for n, t in enumerate(after) if t.text == "(")]  # a citation
    if len(after) > 1 and after[1].lower in ("not", "rather", "but", "unlike"):
        return False  # "[Inspiration], not motivation or fear, ...": a contrast, not a list
    if after and after[0].text == ",":
        rest = after[1:]
        if rest and rest[0].tag in ("IN", "TO") and rest[0].lower not in ("and", "or"):
            return False  # "for [one year], from July 1 to June 30": an aside, not an item
        # another comma or "and" a few words on: "[preparation of plans], setting standards
        # of service excellence, and displacement of ..."
        if any(t.text == "," or t.lower in ("and", "or") for t in rest[1:7]):
            return True
    before = tokens[max(0, first - 6) : first]
    if (
        before
        and before[-1].text == ","
        and len(after) > 1
        and after[0].text == ","
        and after[1].lower in ("and", "or")
    ):
        return True  # "strength, power, [capacity], and facts": an item in the middle
    joined = any(t.lower in ("and", "or") for t in tokens[first : last + 1])
    if before and before[-1].text == "," and joined:
        return True  # "credibility, [reliability and intimacy]": the list's tail
    if not before or before[-1].lower not in ("and", "or"):
        return False
    # "values, vision, and [goals]": a noun before the comma; ", and [ownership] is" after a
    # clause ("... the follower owns,") begins a clause of its own.
    commas = [i for i, t in enumerate(before) if t.text == ","]
    return (
        bool(commas)
        and commas[-1] > 0
        and before[commas[-1] - 1].tag.startswith(("NN", "JJ", "CD"))
    )


#: "in [total]", "in [practice]", "at [times]": a fixed phrase, not a thing to recall.
_IDIOMS = frozenset(
    [
        "in:total",
        "in:general",
        "in:particular",
        "in:practice",
        "in:fact",
        "in:turn",
        "in:time",
        "in:order",
        "in:short",
        "in:sum",
        "in:part",
        "in:person",
        "in:public",
        "in:private",
        "at:times",
        "at:once",
        "at:first",
        "at:last",
        "on:time",
        "on:purpose",
        "by:chance",
        "by:default",
    ]
)


def _is_filler(blank: list[Token], tokens: tuple[Token, ...], first: int) -> bool:
    """The object of "of" after a noun of position or quantity: "in the middle of the [...]";
    the blank says where, not what. So is a blank headed by such a noun: "a [variety of
    others]"."""
    if len(blank) == 1 and first and f"{tokens[first - 1].lower}:{blank[0].lower}" in _IDIOMS:
        return True
    head = next((t for t in blank if is_content(t)), None)
    if head is not None and head.lower in _PARTITIVE and len(blank) > 1:
        following = blank[blank.index(head) + 1 :]
        if following and following[0].lower == "of":
            return True
    i = first - 1
    while i >= 0 and tokens[i].tag in ("DT", "PRP$"):
        i -= 1
    if i < 1 or tokens[i].lower != "of":
        return False
    head = tokens[i - 1]
    return head.lower in _PARTITIVE and len([t for t in blank if is_content(t)]) <= 2


def _given_away(blank: list[Token], frame: list[Token]) -> bool:
    """Every content word of the blank is named, in some form, by the rest of the sentence:
    "Followers are key ... no leadership without [followership]"."""
    numbers = [t for t in blank if t.tag == "CD"]
    if numbers:  # "[70 percent] of men and 59 percent of women": the figure is the answer
        return {t.lower for t in numbers} <= {t.lower for t in frame}
    answer = {stem(t.text) for t in blank if is_content(t) and t.tag[:2] in ("NN", "JJ", "VB")}
    if not answer:
        return False
    rest = {stem(t.text) for t in frame if _word(t)}

    def named(word: str) -> bool:
        return word in rest or any(len(other) >= 5 and word.startswith(other) for other in rest)

    if all(named(word) for word in answer):
        return True
    # "[Share information] by default; withheld information is read as withheld trust": a
    # second clause that names the blank's thing again restates the first, giving it away.
    head = next((t for t in reversed(blank) if t.tag.startswith("NN")), None)
    return head is not None and any(t.text == ";" for t in frame) and named(stem(head.text))


def _is_generic(blank: list[Token]) -> bool:
    """A blank whose head noun names nothing in particular and whose other words only rate
    it: "[critical area]", "[excellent performance]", "[a single person]"; or a bare rating
    ("the [good] will of workers")."""
    if all(t.lower in _EVALUATIVE for t in blank if _word(t)):
        return True
    # "[time and attention]", "[unique skills]": resources anyone spends, rated at most.
    if any(t.lower in _RESOURCES for t in blank) and all(
        t.lower in _RESOURCES or t.tag in ("CC", "DT", "PRP$") or t.tag.startswith("JJ")
        for t in blank
        if _word(t)
    ):
        return True
    nouns = [t for t in blank if t.tag.startswith(("NN", "CD", "PRP"))]
    if len(nouns) != 1 or nouns[0] is not blank[-1] or nouns[0].tag.startswith("NNP"):
        return False
    others = [t for t in blank[:-1] if is_content(t)]
    return blank[-1].lower in _GENERIC_HEADS and all(
        t.tag.startswith(("JJ", "RB", "VBN", "VBG")) for t in others
    )


def _tone_given(blank: list[Token], frame: list[Token]) -> bool:
    """ "Unfortunately the idea of "follower" has [negative connotations]": the adverb
    already says the blank is negative."""
    return any(t.lower in _TONE_ADVERBS for t in frame) and any(
        t.lower in _EVALUATIVE for t in blank
    )


def _splits_phrase(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The blank stops inside a noun phrase, leaving its head outside ("the [service] role")."""
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    if (
        nxt.lower == "of"
        and tokens[last].tag.startswith("NN")
        and tokens[first].tag != "CD"
        and not _is_hedge(tokens, first)
    ):
        return True  # "the [type] of leadership": the phrase runs on
    return (
        nxt.chunk == "I-NP"
        and tokens[last].phrase == "NP"
        and nxt.tag.startswith("NN")
        and tokens[last].tag != "POS"
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
    rest = [t for t in tokens[verb + 1 :] if _word(t) or t.text in ",-"]
    end = len(sentence.rstrip(" .!?"))
    if not rest or len(rest) > MAX_BLANK_WORDS or _is_list(list(rest)):
        return None
    if any(t.tag in _FINITE for t in rest) or not any(is_content(t) for t in rest):
        return None
    if not any(t.tag.startswith(("NN", "CD", "VB")) for t in rest):
        return None  # "The leader goes first": an adverb is no object to ask for
    first_word = subject[0].text if subject[0].tag.startswith("NNP") else subject[0].lower
    subject_text = first_word + sentence[subject[0].end : subject[-1].end]
    does = "does" if tokens[verb].tag == "VBZ" else "do"
    base = _base_form(tokens[verb].lower) if does == "does" else tokens[verb].lower
    answer = sentence[rest[0].start : end]
    return f"What {does} {subject_text} {base}?", answer[:1].upper() + answer[1:]


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


def copular_question(sentence: str) -> tuple[str, str] | None:
    """ "The hardest discipline for a leader who coaches is resisting the urge to solve."
    -> ("What is the hardest discipline for a leader who coaches?", "Resisting the urge to
    solve"); "The open question is the coach's working instrument." -> ("What is the coach's
    working instrument?", "The open question"). The side that describes (a superlative or
    rank, or a definite "the ...") becomes the question; the other side is the answer."""
    analysis = analyse(sentence)
    if analysis is None or len(analysis.tokens) > MAX_COPULAR_WORDS:
        return None
    tokens = analysis.tokens
    verbs = [i for i, t in enumerate(tokens) if t.lower in ("is", "are") and t.tag.startswith("VB")]
    relative = {i + 1 for i, t in enumerate(tokens) if t.tag in ("WP", "WDT") or t.lower == "that"}
    others = [i for i, t in enumerate(tokens) if t.tag in _FINITE and t.lower not in ("is", "are")]
    if len(verbs) != 1 or any(i not in relative for i in others):
        return None  # one main verb, the copula: "X is Y", not "X say they are Y"
    verb = verbs[0]
    if verb == 0 or tokens[0].tag in ("PRP", "EX", "WDT") or tokens[0].lower in ("this", "that"):
        return None
    end = len(tokens) - 1 if tokens[-1].text in ".!" else len(tokens)
    if end <= verb + 1:
        return None
    if any(t.text in ",;:" or t.tag in ("VB", "VBP") for t in tokens[:verb]):
        return None  # "generate two options, because a decision ... is": no plain subject
    subject = sentence[tokens[0].start : tokens[verb - 1].end]
    complement = sentence[tokens[verb + 1].start : tokens[end - 1].end]
    be = tokens[verb].lower
    if any(t.lower in _RANKED or t.tag == "JJS" for t in tokens[:verb]):
        question, answer = subject, complement
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


_UNIT_AFTER = frozenset(["to", "and", "or"])


def quantity(sentence: str) -> Span | None:
    """A number with its unit, a range kept whole: "lasts from [one to two minutes]",
    "[70 percent] of men", "at [one minute thirty seconds]"."""
    found = quantities(sentence)
    return found[0] if found else None


def quantities(sentence: str) -> list[Span]:
    """Every number with its unit in the sentence (see `quantity`), each with the word that
    says how exact it is ("[about 50 percent]", "[at least once a month]"), and frequencies
    ("[twice a year]")."""
    analysis = analyse(sentence)
    if analysis is None:
        return []
    tokens = analysis.tokens
    out: list[Span] = []
    taken = -1  # the last token of the number before: "one to [two hours]" is no number
    for i, t in enumerate(tokens):
        if i <= taken:
            continue
        if t.lower in _TIMES and i + 2 < len(tokens) and tokens[i + 1].lower in _PER:
            if tokens[i + 2].lower in _UNITS:
                out.append(analysis.span(_hedged(tokens, i), i + 2))  # "twice a year"
            continue
        if t.tag != "CD" or (i and tokens[i - 1].tag == "CD"):
            continue
        j = i
        while j + 1 < len(tokens) and (
            tokens[j + 1].tag in ("NN", "NNS")
            or tokens[j + 1].tag == "CD"
            and (
                not tokens[j].tag.startswith("NN")  # "25 percent [two months] later"
                or tokens[j].lower in _DURATIONS  # "one minute thirty seconds"
                and j + 2 < len(tokens)
                and tokens[j + 2].lower in _DURATIONS
            )
            or tokens[j + 1].lower in _UNIT_AFTER
            and j + 2 < len(tokens)
            and tokens[j + 2].tag == "CD"
        ):
            j += 1
        measured = t.text[:1].isdigit() or tokens[j].lower in _UNITS
        if j > i and tokens[j].tag.startswith("NN") and measured:
            if j + 2 < len(tokens) and tokens[j].lower == "times" and tokens[j + 1].lower in _PER:
                j += 2  # "three times a week"
            out.append(analysis.span(_hedged(tokens, i), j))
        taken = j
    return out


def _hedged(tokens: tuple[Token, ...], i: int) -> int:
    """The index where a number's phrase starts once the words that say how exact it is are
    taken in: "about 50 percent", "at least once a month", "more than 30 seconds"."""
    if i and tokens[i - 1].lower in _HEDGES:
        return i - 1
    if i > 1 and (tokens[i - 2].lower, tokens[i - 1].lower) in _TWO_WORD_HEDGES:
        return i - 2
    return i


def _is_hedge(tokens: tuple[Token, ...], i: int) -> bool:
    """ "[about] 50 percent", "[at least] once a month": the word that says how exact a
    number is belongs to the number's phrase."""
    return any(
        j < len(tokens)
        and (tokens[j].tag == "CD" or tokens[j].lower in _TIMES)
        and _hedged(tokens, j) == i
        for j in (i + 1, i + 2)
    )


_TIMES = frozenset(["once", "twice"])
_PER = frozenset(["a", "an", "per", "each", "every"])
_HEDGES = frozenset(["about", "around", "roughly", "nearly", "almost", "approximately"])
_TWO_WORD_HEDGES = frozenset(
    [("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than")]
)


#: Units a number word measures in; "three points" or "one survey" counts nothing worth asking.
_UNITS = frozenset(
    [
        "percent",
        "per",
        "cent",
        "seconds",
        "second",
        "minutes",
        "minute",
        "hours",
        "hour",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "words",
        "word",
        "times",
        "people",
        "members",
        "speakers",
        "guests",
        "dollars",
    ]
)


def subject_phrase(sentence: str) -> Span | None:
    """The noun phrase that opens the sentence, when a verb follows it: "The [Topicsmaster]
    prepares the questions and calls on speakers"."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    phrases = analysis.phrases
    if not phrases or phrases[0].kind != "NP" or phrases[0].first != 0:
        return None
    first = phrases[0]
    nxt = first.last + 1
    if nxt >= len(tokens) or tokens[nxt].phrase != "VP" or tokens[nxt].lower in AUXILIARY_WORDS:
        return None
    if tokens[nxt].lower.rstrip("s") in _REPORTING or "(" in sentence:
        return None  # "Gardner sees ...", "One survey showed ...": the claim is what follows
    subject = tokens[first.first : first.last + 1]
    if subject[0].lower in _QUANTIFIERS or subject[0].tag == "CD":
        return None  # "Each person", "Three points": no one thing named
    named = any(t.tag in ("NNP", "NNPS") for t in subject if t.start > 0)
    if not named and sum(is_content(t) for t in subject) < 2:
        return None  # "[Members] join groups ...": too general to be the point
    if subject[-1].tag in ("NNS", "NNPS") and not named:
        return None  # a class of people or things doing something is narration, not a name
    return complete(sentence, analysis.span(first.first, first.last))


_REPORTING = frozenset(
    [
        "see",
        "saw",
        "show",
        "showed",
        "suggest",
        "suggested",
        "argue",
        "argued",
        "find",
        "found",
        "say",
        "said",
        "report",
        "reported",
        "note",
        "noted",
        "claim",
        "claimed",
        "believe",
        "believed",
    ]
)
_QUANTIFIERS = frozenset(
    ["each", "every", "some", "most", "many", "all", "any", "one", "few", "several", "no", "both"]
)


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


def noun_phrase_ending_at(sentence: str, offset: int) -> Span | None:
    """The noun phrase whose last word ends at `offset` (spaces aside)."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    for phrase in analysis.phrases:
        if phrase.kind == "NP" and analysis.tokens[phrase.last].end == len(
            sentence[:offset].rstrip()
        ):
            return complete(sentence, analysis.span(phrase.first, phrase.last))
    return None


#: The question word a subordinate clause answers: "grows [when ...]", "fails [because ...]".
_CLAUSE_QUESTION = {"when": "When", "whenever": "When", "because": "Why", "once": "When"}
_HAPPENS = frozenset(["happens", "occurs", "arises", "begins", "starts"])
MAX_CLAUSE_ANSWER_WORDS = 16
MAX_CLAUSE_HEAD_WORDS = 10


def clause_question(sentence: str) -> tuple[str, str] | None:
    """A short present-tense claim whose point is its "when" or "because" clause, asked as a
    question on that clause: "Trust grows when people feel heard." -> ("When does trust
    grow?", "When people feel heard"); "Leaders underrate listening because it looks like
    doing nothing." -> ("Why do leaders underrate listening?", "Because it looks like doing
    nothing"); "Most feedback fails not because it is wrong but because it is vague." ->
    ("Why does most feedback fail?", "Because it is vague"). A clause that says what
    something is ("X happens when ...") asks for the thing: ("What happens when ...?", "X")."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    at = next((i for i, t in enumerate(tokens) if i > 1 and t.lower in _CLAUSE_QUESTION), None)
    if at is None:
        return None
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
    if len(head) > MAX_CLAUSE_HEAD_WORDS or any(not _word(t) for t in head):
        return None  # a comma or a dash before the clause: no plain main clause
    if head[0].tag in ("PRP", "EX", "WDT", "WRB", "IN", "CC") or head[0].lower in (
        "this",
        "that",
        "these",
        "those",
        "such",
    ):
        return None
    verb = next((i for i, t in enumerate(head) if t.tag in ("VBZ", "VBP") and i > 0), None)
    if verb is None and head[-1].lower in _VERB_AS_NOUN and len(head) > 1:
        verb = len(head) - 1  # "The model [works] because": a verb the tagger took for a noun
    if verb is None or any(t.tag in ("VBD", "MD") for t in head):
        return None
    if any(t.tag in _FINITE for t in head[verb + 1 :]) or any(
        t.tag in ("WDT", "WP") or t.lower == "that" for t in head
    ):
        return None  # a relative clause in the main one: no plain subject and verb
    stop = next(
        (j for j in range(tail_start, len(tokens)) if tokens[j].text in (";", "—", "–", ":")),
        len(tokens),
    )
    tokens = tokens[:stop]  # "...; one gap undoes months of consistency": another claim
    tail = [t for t in tokens[tail_start:] if _word(t)]
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
    if word in ("is", "are"):
        if not all(t.tag.startswith(("JJ", "RB")) for t in head[verb + 1 :]):
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
_VERB_AS_NOUN = frozenset(["works", "fails", "grows", "helps", "matters", "lasts", "succeeds"])


_NOT_X_BUT_Y = re.compile(
    r"^(?P<intro>(?:(?:For|In|To|At)\s[^,;:]{2,40},\s+)?)(?P<subject>[A-Za-z][^,;:]{1,60}?)\s+"
    r"(?P<verb>[a-z]+)\s+not\s+(?:just\s+|only\s+|merely\s+|simply\s+)?(?P<x>[^,;:]{2,60}?)"
    r"\s+but\s+(?P<y>[^,;:—–]{2,80}?)(?=[,;:—–.!]|$)"
)
MAX_CONTRAST_WORDS = 10


def contrast_question(sentence: str) -> tuple[tuple[str, str], Span] | None:
    """ "The program is not a contest between clubs but a checklist of what a healthy club
    does." -> ("What is the program, if not a contest between clubs?", "A checklist of what a
    healthy club does"); "The inner leader delegates not to shed work but to grow people" ->
    ("Why does the inner leader delegate, if not to shed work?", "To grow people"). The side
    the chapter puts in place of the one it rejects is the answer; returns the question and
    answer with the answer's span in the sentence."""
    m = _NOT_X_BUT_Y.match(sentence)
    if not m:
        return None
    x, y = m.group("x"), m.group("y")
    if len(y.split()) > MAX_CONTRAST_WORDS or len(x.split()) > MAX_CONTRAST_WORDS:
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
        or subject_tokens[0].lower in ("this", "that", "these", "those", "such", "it")
        or any(t.tag in _FINITE or t.tag in ("WDT", "WP") for t in subject_tokens)
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


#: Verbs whose complement says what something is like: asked "How does X look?".
_COPULAS = frozenset(["is", "are", "was", "were"])
_LINKING = frozenset(["look", "looks", "sound", "sounds", "seem", "seems", "feel", "feels"])
_BECOMING = frozenset(["become", "becomes"])
#: Prepositions a question may end on: "What do extrinsic rewards work well for?".
_ASKED_PREPOSITIONS = frozenset(
    ["for", "with", "to", "on", "like", "about", "into", "against", "from"]
)
_LASTING = frozenset(["last", "lasts", "run", "runs", "take", "takes"])
_DURATIONS = frozenset(
    ["seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week"]
    + ["months", "month", "years", "year"]
)
_LIES_IN = frozenset(["lie", "lies", "consist", "consists", "result", "results"])
_CLAUSE_STOP = frozenset([",", ";", ":", "—", "–", "(", "because", "since", "so", "while"])
MAX_CLAIM_ANSWER_WORDS = 10


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
    if tokens[0].lower in ("this", "that", "these", "those", "such", "it", "there"):
        return None
    verb = None
    for i, t in enumerate(tokens):
        if t.text in _CLAUSE_STOP or t.tag in ("VBD", "MD"):
            return None  # a clause or an aside before the main verb: no plain subject
        if i > 0 and (t.tag in ("VBZ", "VBP") or t.lower in _LINKING | _BECOMING):
            if tokens[i - 1].tag in ("WDT", "WP") or tokens[i - 1].lower == "that":
                continue  # the verb of a relative clause inside the subject
            verb = i
            break
    if verb is None or tokens[verb].lower in AUXILIARY_WORDS:
        return None
    subject = tokens[:verb]
    if not any(is_content(t) for t in subject) or subject[-1].tag in ("IN", "DT", "CC"):
        return None
    relative = [i for i, t in enumerate(subject) if t.tag in ("WDT", "WP") or t.lower == "that"]
    if any(
        t.tag in ("VB", "VBZ", "VBP", "VBD", "PRP")
        for t in subject[: relative[0] if relative else None]
    ):
        return None  # "a reason to take care of the moods they bring": no plain subject
    j = verb + 1
    while j < len(tokens) and tokens[j].tag in ("RB", "RBR") and tokens[j].lower != "not":
        j += 1
    if j >= len(tokens) or tokens[j].lower in ("not", "never"):
        return None
    word = tokens[verb].lower
    kind = "what"
    preposition = ""
    if tokens[j].tag.startswith(("JJ", "VBN")) and word in _LINKING:
        kind = "how"
    elif tokens[j].tag in ("IN", "TO") and (
        tokens[j].lower in _ASKED_PREPOSITIONS or tokens[j].lower == "in" and word in _LIES_IN
    ):
        preposition = " " + tokens[j].lower
        j += 1
    elif not tokens[j].tag.startswith(("DT", "NN", "JJ", "PRP$", "CD")):
        return None
    if j >= len(tokens) or preposition == " to" and tokens[j].tag == "VB":
        return None  # "tends to drift": an infinitive, not an object
    stop = next(
        (
            k
            for k in range(j, len(tokens))
            if tokens[k].lower in _CLAUSE_STOP
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
    answer_tokens = [t for t in tokens[j:stop] if _word(t)]
    if not answer_tokens or len(answer_tokens) > MAX_CLAIM_ANSWER_WORDS:
        return None
    relative = next(
        (
            n
            for n, t in enumerate(answer_tokens)
            if n and (t.tag in ("WDT", "WP") or t.lower == "that")
        ),
        len(answer_tokens),
    )
    if any(
        n < relative  # "followers [who wait to be told]": a clause inside the object
        and (
            t.tag in _FINITE
            or t.tag == "TO"
            and n + 1 < len(answer_tokens)
            and answer_tokens[n + 1].tag == "VB"
        )
        for n, t in enumerate(answer_tokens)
    ):
        return None  # "teaches the team to bring ...": an object and its own clause
    if answer_tokens[-1].tag.startswith(("JJ", "RB")) and kind == "what" and word not in _BECOMING:
        return None  # "keep a change alive": an object and its complement
    if answer_tokens[0].tag == "CD" and answer_tokens[-1].lower not in _UNITS:
        return None  # "distinguish [two kinds]": the count of what the chapter lists next
    if not any(is_content(t) for t in answer_tokens) or is_function(answer_tokens[-1]):
        return None
    if len(answer_tokens) <= 2 and answer_tokens[0].lower in ("a", "an"):
        return None  # "knows [an answer]": too general to be worth asking
    answer = sentence[answer_tokens[0].start : answer_tokens[-1].end]
    between = sentence[tokens[verb].end : tokens[j - 1 if preposition else j].start].strip()
    subject_text = _subject_text(sentence, subject)
    does = "does" if tokens[verb].tag == "VBZ" else "do"
    base = _base_form(word) if does == "does" else word
    middle = f" {between}" if between else ""
    if word in _LASTING and answer_tokens[-1].lower in _DURATIONS:
        # "A response lasts from one to two minutes." -> "How long does a response last?"
        kind, middle, preposition = "how long", "", ""
        answer = sentence[tokens[verb + 1].start : answer_tokens[-1].end]
    if preposition == " from" and word not in _LASTING:
        return None  # where something comes from is `origin_question`'s
    question = f"{kind.capitalize()} {does} {subject_text} {base}{middle}{preposition}?"
    return question, answer[:1].upper() + answer[1:]


def subject_question(sentence: str) -> tuple[str, str] | None:
    """A plain present-tense claim asked for its subject when the subject is the named
    thing: "Short-term wins keep a change alive." -> ("What keeps a change alive?",
    "Short-term wins"). Only a short subject that names something (no pronoun, no relative
    clause, no count) and a predicate with content of its own."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    phrases = analysis.phrases
    if not phrases or phrases[0].kind != "NP" or phrases[0].first != 0:
        return None
    verb = phrases[0].last + 1
    if verb >= len(tokens) or tokens[verb].tag not in ("VBZ", "VBP"):
        return None
    word = tokens[verb].lower
    if word in AUXILIARY_WORDS or word in _REPORTING or word.rstrip("s") in _REPORTING:
        return None
    subject = tokens[:verb]
    if subject[0].tag in ("PRP", "CD", "EX") or subject[0].lower in _QUANTIFIERS | {
        "this",
        "that",
        "these",
        "those",
        "such",
    }:
        return None
    named = any(t.tag in ("NNP", "NNPS") for t in subject[1:])
    if not named and (subject[-1].tag != "NN" or sum(is_content(t) for t in subject) < 2):
        return None  # "Researchers distinguish ...", "The audience loses ...": no one thing named
    if sum(is_content(t) for t in subject) > 4 or verb + 1 >= len(tokens):
        return None
    rest = [t for t in tokens[verb + 1 :] if _word(t)]
    if not 2 <= len(rest) <= MAX_CLAIM_ANSWER_WORDS or any(
        t.text in ",;:" or t.tag in _FINITE for t in tokens[verb + 1 :]
    ):
        return None  # one predicate, no clause of its own after it
    if sum(is_content(t) for t in rest) < 2:
        return None
    third = word if tokens[verb].tag == "VBZ" else _third_person(word)
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
    r"(?P<source>[^,;:]{2,80}?)[.!]?$"
)


def origin_question(sentence: str) -> tuple[str, str] | None:
    """ "The word "hook" comes from fishing." -> ("Where does the word "hook" come from?",
    "Fishing"): where something comes from, asked when the frame is too short to blank."""
    m = _ORIGIN_VERB.match(sentence.strip())
    if not m or len(m.group("source").split()) > MAX_CLAIM_ANSWER_WORDS:
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
