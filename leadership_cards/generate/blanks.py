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
from collections.abc import Iterator
from functools import lru_cache

from leadership_cards.generate.quantities import ends_a_time, is_hedge, is_share
from leadership_cards.generate.syntax import (
    AUXILIARY_WORDS,
    Analysis,
    Token,
    analyse,
    is_content,
    is_function,
    lexicon_tag,
)
from leadership_cards.generate.words import (
    COPULAS,
    FINITE_TAGS,
    LINKING_VERBS,
    QUANTIFIERS,
    REPORTING_VERBS,
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
        "skill",
        "skills",
        "ability",
        "abilities",
        "quality",
        "qualities",
        "way",
        "ways",
    ]
)
#: Nouns a writer borrows to picture one thing as another ("the platform upon which all
#: work is done", "a stepping stone to the CEO's chair"): blanked, the picture asks for the
#: writer's choice of image, which any of its synonyms would answer, not for the idea.
_VEHICLES = frozenset(
    [
        "platform",
        "foundation",
        "foundations",
        "cornerstone",
        "bedrock",
        "backbone",
        "building",
        "blocks",
        "glue",
        "cement",
        "fuel",
        "engine",
        "lifeblood",
        "heartbeat",
        "chair",
        "seat",
        "throne",
        "ladder",
        "rung",
        "rungs",
        "stone",
        "springboard",
        "launchpad",
        "bridge",
        "compass",
        "anchor",
        "roadmap",
        "blueprint",
        "keystone",
        "pillar",
        "pillars",
        "root",
        "roots",
        "seed",
        "seeds",
        "wave",
        "tip",
        "iceberg",
        "lens",
        "currency",
        "soil",
    ]
)
#: Words that open an aside set off by a comma: "..., unlike that of their bosses",
#: "..., focusing as they do on work community values, ...". The claim is outside it.
_ASIDE_OPENERS = frozenset(["unlike", "like", "including"])
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


def _analysed(sentence: str, span: Span) -> tuple[Analysis, int, int] | None:
    """The sentence's analysis with the first and last token inside `span`; None when the
    sentence is too long to analyse or the span holds no token."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    found = _covered(analysis, span)
    return None if found is None else (analysis, *found)


def _in_np(token: Token) -> bool:
    return token.phrase == "NP"


def complete(sentence: str, span: Span) -> Span | None:
    """`span` trimmed of the function words at its edges and widened to the whole noun
    phrase it cuts into ("the [theory] of ..." stays; "values-based [leadership]" becomes
    "[values-based leadership]")."""
    analysed = _analysed(sentence, span)
    if analysed is None:
        return None
    analysis, first, last = analysed
    tokens = analysis.tokens
    while first <= last and (is_function(tokens[first]) or not is_word(tokens[first])):
        first += 1
    while last >= first and (
        is_function(tokens[last])
        and not _closing_particle(tokens, last)
        or not is_word(tokens[last])
    ):
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
    analysed = _analysed(sentence, span)
    if analysed is None:
        return None
    analysis, first, last = analysed
    for phrase in analysis.phrases:
        if phrase.kind == "NP" and first <= phrase.first and phrase.last < last:
            if analysis.tokens[phrase.last + 1].tag not in ("IN", "TO", "VBN"):
                return None  # an item of a list or coordination: no one phrase to ask
            return complete(sentence, analysis.span(phrase.first, phrase.last))
    return None


_PARTICLE_WORDS = frozenset(["up", "out", "down", "back", "off", "away", "through", "over"])


def _closing_particle(tokens: tuple[Token, ...], i: int) -> bool:
    """ "the team's habit of showing [up]": a verb's particle that ends the sentence belongs
    to the phrase, not a function word left at its edge."""
    return (
        tokens[i].lower in _PARTICLE_WORDS
        and i > 0
        and tokens[i - 1].tag.startswith("VB")
        and (i + 1 == len(tokens) or not is_word(tokens[i + 1]))
    )


def is_word(token: Token) -> bool:
    text = token.text
    return text[:1].isalnum() or any(c.isalnum() for c in text)  # most words start on one


def problems(sentence: str, span: Span) -> list[str]:
    """What is wrong with blanking `span` of `sentence`; empty when the blank is good."""
    return list(_problems(sentence, span))


@lru_cache(maxsize=4096)
def _problems(sentence: str, span: Span) -> tuple[str, ...]:
    return tuple(_each_problem(sentence, span))


def good(sentence: str, span: Span) -> bool:
    # Through the cache of `problems`: the quality pass asks it of the same blanks.
    return not _problems(sentence, span)


def _each_problem(sentence: str, span: Span) -> Iterator[str]:
    analysis = analyse(sentence)
    if analysis is None:
        return  # too long to analyse: the length rules judge it
    found = _covered(analysis, span)
    if found is None:
        yield "blank holds no word"
        return
    first, last = found
    tokens = analysis.tokens
    blank = tokens[first : last + 1]
    frame = tokens[:first] + tokens[last + 1 :]
    if not any(is_content(t) and t.lower != "one" for t in blank):
        yield "blank is a function word"  # "one" alone stands for a noun: a pronoun
    elif (
        (is_function(blank[0]) and blank[0].tag not in ("PRP$",) and not is_hedge(tokens, first))
        or is_function(blank[-1])
        and not _closing_particle(tokens, last)
        and not ends_a_time(tokens, last)
    ):
        yield "blank starts or ends on a function word"
    words = [t for t in blank if is_word(t)]
    if all(t.tag == "CD" for t in words) and not any(
        c.isdigit() for c in sentence[span[0] : span[1]]
    ):
        yield "blank is a bare count"  # "are [two]: first, ...": the count of a list
    if len(words) > MAX_BLANK_WORDS:
        yield "blank is longer than a phrase"
    if _two_objects(blank, tokens, first):
        yield "blank holds who receives and what is given"
    if words and words[0].lower in _SENTENCE_ADVERBS:
        yield "blank starts on a sentence adverb"  # "is [therefore part of the job]"
    if (
        words
        and words[-1].lower in ("rather", "other")
        and last + 1 < len(tokens)
        and (tokens[last + 1].lower == "than")
    ):
        yield "blank splits a phrase"  # "to [react rather] than respond"
    if _is_clause(blank) or (first == 0 and blank[0].tag == "VB" and len(words) > 1):
        # "[Write down exact words and moments], not ...": an instruction's verb with its
        # object is the whole instruction, with nothing left to cue it.
        yield "blank is a whole clause"
    if (
        words
        and _adverbial(words[-1])
        and all(_adverbial(t) or t.tag.startswith(("JJ", "DT")) for t in words)
    ):
        yield "blank is an adverb"  # "is [often worth] more", "in [more surely] than"
    elif any(
        t.lower in LINKING_VERBS and n + 1 < len(blank) and blank[n + 1].tag.startswith("JJ")
        for n, t in enumerate(blank[1:], 1)
    ):
        yield "blank is a verb fragment"  # "all [four sounds conversational]"
    elif _is_verb_fragment(blank, tokens, last):
        yield "blank is a verb fragment"
    if _runs_into_clause(blank):
        yield "blank runs into a clause"  # "the [cheapest tool a leader] has"
    if is_list(blank):
        yield "blank is a list of three or more items"
    elif _in_list(tokens, first, last):
        yield "blank is one item of a list"
    if _is_filler(blank, tokens, first):
        yield "blank is filler"
    if _given_away(sentence, blank, frame, first, last):
        yield "the sentence gives the blank away"
    elif _tone_given(blank, frame):
        yield "the sentence's tone gives the blank away"
    if blank[0].lower in _NEGATIONS:
        yield "blank is a negation"  # "Urgency is [not panic]": asks only for "not"
    if _is_generic(blank):
        yield "blank is a generic noun"
    if _filler_head(blank):
        yield "blank is headed by a filler noun"  # "the [idea of trust]"
    if _dangling_demonstrative(frame):
        yield "frame points back to an earlier sentence"  # "these second level leaders"
    # A superlative or a rank ("the leader's prime job") admits one answer in a short frame.
    ranked = any(t.tag == "JJS" or t.lower in _RANKS for t in frame)
    needed = MIN_FRAME_CONTENT - ranked
    if _bare_predicate(tokens, first, last):
        needed = MIN_FRAME_CONTENT + 1
    elif _whole_predicate(tokens, first, last):
        needed = MIN_FRAME_CONTENT + 1 - ranked
    if _bare_argument(tokens, first, last) and not _qualified_superlative(frame):
        needed = max(needed, MIN_FRAME_CONTENT + 2)
    if sum(is_content(t) for t in frame) < needed:
        yield "frame too short for one answer"
    if _splits_phrase(tokens, first, last) and not is_share(sentence[span[0] : span[1]]):
        # "[Eight out of ten] employees", "[Nearly half] of new managers": a share is one
        # phrase, as "[70 percent] of men" is; the noun it counts stays in the frame.
        yield "blank splits a phrase"
    elif _runs_into_noun_phrase(tokens, last) and not _counted(tokens, first, last):
        yield "blank ends on a verb read as a noun"  # "the [corporation use] unique skills"
    if _in_aside(tokens, first, last):
        yield "blank is inside an aside"  # "..., unlike that of their [bosses]"
    if _vehicle(blank, tokens, last):
        yield "blank is a metaphor's image"  # "forms the [platform] upon which ..."
    if _quoted(sentence[: span[0]]):
        yield "blank is inside a quotation"  # an example of wording, not a claim


_SENTENCE_ADVERBS = frozenset(
    ["therefore", "thus", "hence", "also", "still", "indeed", "however", "moreover", "then"]
)


def _two_objects(blank: list[Token], tokens: tuple[Token, ...], first: int) -> bool:
    """True for "gives [critics their best argument]": a noun phrase right after the verb,
    then a second one with no preposition between them."""
    verb = tokens[first - 1] if first else None
    if verb is None or not verb.tag.startswith("VB") or verb.lower in ("is", "are", "was", "were"):
        return False  # "what a leader can do is [shape the conditions]": a verb phrase
    return any(
        t.tag in ("NN", "NNS") and blank[k + 1].tag in ("DT", "PRP$")
        for k, t in enumerate(blank[:-1])
    )


def _in_aside(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The blank sits inside an aside: a participle phrase or a comparison set off by a
    comma after the claim has its verb ("inner leaders, focusing as they do on [...], show
    ...", "occupy a unique culture, unlike that of their [...]"), or words in brackets or
    between dashes ("situations ([communities] or cultures)"). The aside qualifies the
    claim; what it says is no point of its own."""
    opened = None
    for i in range(first - 1, -1, -1):
        text = tokens[i].text
        if text in (",", ";", ":") or text in ("—", "–", "(", ")"):
            opened = i
            break
    if opened is None or opened == 0:
        return False
    mark = tokens[opened].text
    if mark == "(":
        return any(t.text == ")" for t in tokens[last + 1 :])
    if mark in ("—", "–"):
        # a dash pair around the blank; a single dash opens the claim's second half
        return any(t.text == mark for t in tokens[last + 1 :]) and not any(
            t.text == mark for t in tokens[:opened]
        )
    if mark != ",":
        return False
    opener = tokens[opened + 1]
    if opener.lower not in _ASIDE_OPENERS and opener.tag not in ("VBG",):
        return False
    # the aside ends at the next comma or the sentence's end; the blank is inside it
    close = next(
        (i for i in range(opened + 1, len(tokens)) if tokens[i].text in (",", ";", ":", "—")),
        len(tokens),
    )
    if opener.tag == "VBG" and (
        close == len(tokens) or any(t.tag in ("VBZ", "VBP", "VBD", "MD") for t in tokens[:opened])
    ):
        # "..., giving the enterprise ...": a result, the claim's second half; "After a
        # follower finishes, waiting [...] brings out ...": the subject after an opening clause
        return False
    return last < close


def is_image(word: str) -> bool:
    """True when `word` is a noun writers borrow as an image ("platform", "cornerstone")."""
    return word.lower() in _VEHICLES


def _vehicle(blank: list[Token], tokens: tuple[Token, ...], last: int) -> bool:
    """A blank whose head is a metaphor's image: "the leader's vision forms the [platform]
    upon which ...", "a stepping stone to the [CEO's chair]"."""
    heads = [t for t in blank if t.tag.startswith("NN")]
    after = tokens[last + 1 : last + 4]
    if after and after[0].tag == "POS" and any(t.lower in _VEHICLES for t in after[1:]):
        return True  # "the [CEO]'s chair": the owner of the image is part of it
    if not heads or heads[-1].lower not in _VEHICLES:
        return False
    # "[stepping stone]" read as two nouns; "[the foundation of trust]" has its own idea
    return not any(t.lower == "of" for t in blank)


def _bare_predicate(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A blank that opens the sentence before "is" or "are" with no rank after it leaves a
    bare predicate, which many subjects fit: "[...] are key to all social action and
    success" ("key" here rates, where "the key ingredient" ranks)."""
    if first != 0 or last + 2 >= len(tokens) or tokens[last + 1].lower not in COPULAS:
        return False
    rest = tokens[last + 2 :]
    ranks = [t for t in rest[1:] if t.tag == "JJS" or t.lower in _RANKS]
    return not ranks and not (rest[0].lower == "the" and len(rest) > 1 and rest[1].lower in _RANKS)


#: Verbs that only place their subject beside their object: with one side blanked, the
#: frame must name enough of its own for one answer to fit.
_PLACING_VERBS = COPULAS | frozenset(["occupy", "occupies", "have", "has"])


def _bare_argument(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A blank that is a whole side of "is", "occupy" or "have": "[...] is the leader's
    prime job", "the role of inner leader is a [...]", "inner leaders occupy a [...]".
    A rank word does not single out its answer there; only more words of the frame do."""
    if first == 0:
        return last + 1 < len(tokens) and tokens[last + 1].lower in _PLACING_VERBS
    if last + 1 < len(tokens) and (
        tokens[last + 1].lower == "that" or tokens[last + 1].tag in ("WDT", "WP")
    ):
        return False  # "is a [...] that prioritizes service": a clause of its own describes it
    return (
        first >= 2 and tokens[first - 1].tag == "DT" and tokens[first - 2].lower in _PLACING_VERBS
    )


def _qualified_superlative(frame: list[Token]) -> bool:
    """A superlative or rank narrowed by a phrase of its own ("the hardest role [for a new
    member]", "the key ingredient [in assuring ...]"), which leaves one answer however short
    the frame; "the leader's prime job" names no one leader in particular."""
    return any(
        (t.tag == "JJS" or t.lower in _RANKS) and any(u.tag == "IN" for u in frame[n + 1 : n + 4])
        for n, t in enumerate(frame)
    )


def _runs_into_noun_phrase(tokens: tuple[Token, ...], last: int) -> bool:
    """A noun phrase does not run straight into another ("corporation use unique skills"):
    where the blank's last "noun" is followed by an adjective and a noun, it is the verb of
    the sentence, misread by the tagger."""
    if last + 2 >= len(tokens) or not tokens[last].tag.startswith("NN"):
        return False
    return tokens[last + 1].tag == "JJ" and tokens[last + 2].tag.startswith("NN")


def _counted(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "[Three habits] separate ...": a plural noun counted by the number before it is a
    noun, whatever follows it."""
    return tokens[first].tag == "CD" and tokens[last].tag == "NNS"


def _whole_predicate(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A blank that closes the sentence right after "is a" or "is the" is the whole
    predicate: the subject alone must then single the answer out, and a short one cannot
    ("Every meeting role is a [...]")."""
    if first < 2 or any(is_word(t) for t in tokens[last + 1 :]):
        return False
    return tokens[first - 1].tag == "DT" and tokens[first - 2].lower in COPULAS


def _filler_head(blank: list[Token]) -> bool:
    """A blank opening on "idea of", "notion of", "sense of": the head pads the salient noun
    after it, which is what a learner should recall."""
    words = [t for t in blank if is_word(t)]
    while words and words[0].tag in ("DT", "PRP$"):
        words = words[1:]
    return len(words) > 1 and words[0].lower in _FILLER_HEADS and words[1].lower == "of"


def _dangling_demonstrative(frame: list[Token]) -> bool:
    """ "these second level leaders", "this gap", "those": the frame points at something only
    the previous sentence names. A demonstrative whose phrase goes on to say what it means
    ("those who serve", "this idea of service") stands on its own."""
    for n, token in enumerate(frame):
        if token.lower not in _DEMONSTRATIVES:
            continue
        if token.tag not in ("DT", "PDT") and not _that_as_determiner(frame, n):
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


def _that_as_determiner(frame: list[Token], n: int) -> bool:
    """ "turns that energy into ...": "that" the tagger read as a conjunction, though a
    noun follows it and no verb follows the noun ("shows that members stay" is a clause)."""
    if frame[n].lower != "that" or n == 0 or n + 2 >= len(frame):
        return False
    noun, after = frame[n + 1], frame[n + 2]
    return (
        frame[n - 1].tag.startswith(("VB", "IN"))
        and noun.tag in ("NN", "NNS")
        and not after.tag.startswith(("VB", "MD", "NN", "PRP", "DT"))
    )


def _quoted(before: str) -> bool:
    """True when a quotation is open at the end of `before`."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_noun_phrase(sentence: str, span: Span) -> bool:
    """A noun phrase and nothing else, with at most one "of" phrase attached: "[values-based
    leadership]", "[part of ordinary work]", "[70 percent]"; not "[satisfy the needs]",
    "[up-front CEO over the behind-the-scenes leader]", nor "[longer]"."""
    analysed = _analysed(sentence, span)
    if analysed is None:
        return False
    analysis, first, last = analysed
    blank = analysis.tokens[first : last + 1]
    if not blank[-1].tag.startswith(("NN", "CD")) or blank[0].tag.startswith(("VB", "RB")):
        return False
    content = [t for t in blank if is_content(t)]
    frame = analysis.tokens[:first] + analysis.tokens[last + 1 :]
    rich = sum(is_content(t) for t in frame) >= RICH_FRAME_CONTENT
    if len(content) < 2 and not rich and not any(t.tag in ("NNP", "NNPS", "CD") for t in content):
        return False  # one common noun in a thin frame ("use the [platform]"): no point
    ofs = 0
    for t in blank:
        if t.phrase in ("NP", "ADJP") or t.tag in ("POS", "CC", "CD") or t.text in ("-", "–"):
            continue
        if not is_word(t) and t.text not in (",", ";", ":"):
            continue  # brackets and symbols inside a name such as "alert(1)"
        if t.lower == "of" and not ofs:
            ofs += 1
            continue
        return False
    return True


def _is_clause(blank: list[Token]) -> bool:
    """A subject and its finite verb inside the blank: "[they need to be concerned]"."""
    seen_noun = False
    for n, t in enumerate(blank):
        if (
            n == len(blank) - 1
            and n
            and blank[n - 1].tag == "NN"  # a singular subject, then its verb: "change arrives"
            and t.tag == "NNS"
            and lexicon_tag(t.lower) == "VBZ"
            and blank[0].tag != "CD"  # "[three basic needs]": a count's noun, not a verb
        ):
            return True  # "[a large change arrives]": its verb, read as a noun, ends the blank
        if t.tag.startswith(("NN", "PRP")):
            seen_noun = True
        elif t.tag in FINITE_TAGS and seen_noun:
            return True
        elif t.tag in ("WDT", "WP") or t.lower in ("that", "because", "since", "if", "when"):
            return any(u.tag in FINITE_TAGS for u in blank)
    return False


def _adverbial(token: Token) -> bool:
    """An adverb, also where context misread it ("too [briefly]" read as a noun)."""
    if token.tag.startswith("RB"):
        return True
    return token.lower.endswith("ly") and (lexicon_tag(token.lower) or "").startswith("RB")


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
    if blank[0].tag in FINITE_TAGS:
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


def is_list(blank: list[Token]) -> bool:
    """Three items or more: two separators ("values, vision, goals, and outcomes")."""
    commas = sum(t.text in (",", ";") for t in blank)
    conjunctions = sum(t.lower in ("and", "or") for t in blank)
    return commas >= 2 or (commas >= 1 and conjunctions >= 1)


def _in_list(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "a [complex array of interests], forces, attitudes, and values": one item of several,
    with no cue to say which."""
    if is_function(tokens[first]) and is_hedge(tokens, first):
        return False  # "for one year, [from July 1 to June 30], and ...": a time, an aside
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


def _given_away(
    sentence: str, blank: list[Token], frame: list[Token], first: int, last: int
) -> bool:
    """Every content word of the blank is named, in some form, by the rest of the sentence:
    "Followers are key ... no leadership without [followership]"."""
    numbers = [t for t in blank if t.tag == "CD"]
    if numbers:  # "[70 percent] of men and 59 percent of women": the figure is the answer
        return {t.lower for t in numbers} <= {t.lower for t in frame}
    answer = {stem(t.text) for t in blank if is_content(t) and t.tag[:2] in ("NN", "JJ", "VB")}
    if not answer:
        return False
    rest = _frame_stems(sentence, first, last)

    def named(word: str) -> bool:
        # The word, or a stem of five letters or more that it starts with: looked up by the
        # word's own prefixes, not by a pass over the frame.
        return word in rest or any(word[:n] in rest for n in range(5, len(word) + 1))

    if all(named(word) for word in answer):
        return True
    # "[Share information] by default; withheld information is read as withheld trust": a
    # second clause that names the blank's thing again restates the first, giving it away.
    head = next((t for t in reversed(blank) if t.tag.startswith("NN")), None)
    return head is not None and any(t.text == ";" for t in frame) and named(stem(head.text))


def _frame_stems(sentence: str, first: int, last: int) -> set[str]:
    """The stems of the sentence's words outside tokens `first` to `last`."""
    stems = _word_stems(sentence)
    found = set(stems[:first])
    found.update(stems[last + 1 :])
    found.discard(None)
    return found


@lru_cache(maxsize=4096)
def _word_stems(sentence: str) -> tuple[str | None, ...]:
    """Each token's stem, None for punctuation: stemmed once a sentence, not once for each
    blank tried in it."""
    analysis = analyse(sentence)
    tokens = analysis.tokens if analysis is not None else ()
    return tuple(stem(t.text) if is_word(t) else None for t in tokens)


def _is_generic(blank: list[Token]) -> bool:
    """A blank whose head noun names nothing in particular and whose other words only rate
    it: "[critical area]", "[excellent performance]", "[a single person]"; or a bare rating
    ("the [good] will of workers")."""
    if all(t.lower in _EVALUATIVE for t in blank if is_word(t)):
        return True
    # "[time and attention]", "[unique skills]": resources anyone spends, rated at most.
    if any(t.lower in _RESOURCES for t in blank) and all(
        t.lower in _RESOURCES or t.tag in ("CC", "DT", "PRP$") or t.tag.startswith("JJ")
        for t in blank
        if is_word(t)
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
    """The blank stops inside a noun phrase, leaving its head outside ("the [service] role"),
    or starts inside "each other" ("depend on each [other want different things]")."""
    if first > 0 and tokens[first - 1].lower == "each" and tokens[first].lower == "other":
        return True
    if last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    if (
        nxt.lower == "of"
        and tokens[last].tag.startswith("NN")
        and tokens[first].tag != "CD"
        and not is_hedge(tokens, first)
    ):
        return True  # "the [type] of leadership": the phrase runs on
    return (
        nxt.chunk == "I-NP"
        and tokens[last].phrase == "NP"
        and nxt.tag.startswith("NN")
        and tokens[last].tag != "POS"
    )


def subject_phrase(sentence: str) -> Span | None:
    """The noun phrase that opens the sentence, when a verb follows it: "The [Topicsmaster]
    prepares the questions and calls on speakers"."""
    analysis = analyse(sentence)
    if analysis is None:
        return None
    tokens = analysis.tokens
    first = analysis.opening_noun_phrase()
    if first is None:
        return None
    nxt = first.last + 1
    if nxt >= len(tokens) or tokens[nxt].phrase != "VP" or tokens[nxt].lower in AUXILIARY_WORDS:
        return None
    if tokens[nxt].lower.rstrip("s") in REPORTING_VERBS or "(" in sentence:
        return None  # "Gardner sees ...", "One survey showed ...": the claim is what follows
    subject = tokens[first.first : first.last + 1]
    if subject[0].lower in QUANTIFIERS or subject[0].tag == "CD":
        return None  # "Each person", "Three points": no one thing named
    named = any(t.tag in ("NNP", "NNPS") for t in subject if t.start > 0)
    if not named and sum(is_content(t) for t in subject) < 2:
        return None  # "[Members] join groups ...": too general to be the point
    if subject[-1].tag in ("NNS", "NNPS") and not named:
        return None  # a class of people or things doing something is narration, not a name
    return complete(sentence, analysis.span(first.first, first.last))


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
