"""What a card's sentence takes from the sentences before it, named on the card.

"A story is the strongest opening of all. ... The story should connect to the speech's
message": on a card of its own, "the story" points at nothing, so it is named as the paragraph
introduced it ("A story should connect to ..."). "Herzberg split the factors of work in two.
... supervision he called hygiene factors": "he" becomes "Herzberg". A pronoun for a person
whom the paragraph never names before leaves the card with nothing to stand on: no card.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from leadership_cards.cards import Card, Kind, cloze_parts
from leadership_cards.generate.text import FUNCTION_WORDS, sentences

# The chapter's name that frames a card's front: context, not the sentence.
_CHAPTER_LEAD = re.compile(r"^In “[^”]{1,200}”, (?:according to [^,]{1,60}, )?")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_PERSONAL = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)
# Nouns that name a person, so that a "he" or "she" after them has its referent in the card:
# "the leader may hand over the work, but she still answers for it".
_PERSON_NOUNS = _set(
    "person people someone anyone everyone nobody somebody anybody individual member boss "
    "chair child parent friend colleague staff team audience who whoever guest host coach "
    "secretary sergeant"
)
_PERSON_ENDINGS = ("er", "or", "ist", "ant", "ent", "ee", "ian")
_NOUN_TAGS = frozenset({"NN", "NNS"})
# What makes "the N" a phrase of its own, naming its thing: "the story of the launch", "the
# story that ...", "the story's end".
_OWN_MODIFIER = _set("of that who which whom whose where when to for from in on about with behind")


def named_antecedents(
    statement: str, passage: str, terms: frozenset[str] | None = None
) -> str | None:
    """The card text `statement` (a question, or a cloze with its deletion marked) with what
    it takes from the sentences of `passage` before its own named there: its first bare "the
    N" becomes the noun phrase that introduced N ("a startling fact"), a "he" or "she" the
    person last named, a bare figure the scale the sentences before gave it. The statement
    unchanged when it takes nothing from before, and None when it leans on what the card
    cannot name: a person the passage does not name before it, a comparison whose other side
    is in another sentence ("A better reply asks ..."), or, when the chapter's `terms` (the
    words it uses more than once, and its title's) are given, a "the N" that neither the
    passage, nor the chapter, nor common knowledge makes definite ("the close should ...")."""
    lead = _CHAPTER_LEAD.match(statement)
    head = lead.group(0) if lead else ""
    body = statement[len(head) :]
    own, before = _source(body, passage)
    named = _named_person(body, own, before)
    if named is None:
        return None
    thing = _named_thing(named, before, own, terms)
    if thing is None:
        return None
    return head + _scaled(thing, own, before)


def _source(body: str, passage: str) -> tuple[str, list[str]]:
    """The sentence of the passage the card was made from (the one whose content words it
    shares most) and the sentences before it."""
    said = _passage_words(passage)
    if not said:
        return "", []
    mine = content_words(body.replace("{{c1::", " ").replace("}}", " "))
    shared = [len(mine & words) for _, words in said]
    best = max(range(len(said)), key=shared.__getitem__)
    return said[best][0], [sentence for sentence, _ in said[:best]]


@lru_cache(maxsize=1024)
def _passage_words(passage: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each sentence of a passage with its content words: the cards of one paragraph ask
    for them again and again."""
    return tuple((s, frozenset(content_words(s))) for s in sentences(passage))


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS}


def _outside_blank(statement: str, start: int) -> bool:
    opened = statement.rfind("{{c1::", 0, start)
    return opened < 0 or statement.find("}}", opened) < start


def _named_person(body: str, own: str, before: list[str]) -> str | None:
    from leadership_cards.generate.syntax import analyse  # the tagger loads only when asked

    m = _PERSONAL.search(body)
    if not m or not _outside_blank(body, m.start()) or _quoted(body, m.start()):
        return body
    analysis = analyse(body.replace("{{c1::", "").replace("}}", ""))
    if analysis is None:
        return body
    pronoun = next((t for t in analysis.tokens if t.lower == m.group(0).lower()), None)
    if pronoun is None:
        return body
    if any(_names_a_person(t) for t in analysis.tokens if t.start < pronoun.start):
        return body  # its referent is in the card: "the leader ..., but she ..."
    # "The key is the follower's track record, not her title": the person is in the
    # sentence, though not in the card's question.
    person = _person_in(own, pronoun.lower) or _last_person(before)
    if person is None:
        return None
    possessive = pronoun.tag == "PRP$" or m.group(0).lower() == "his"
    name = person + "'s" if possessive else person
    return body[: m.start()] + name + body[m.end() :]


def _person_in(sentence: str, pronoun: str) -> str | None:
    """The noun phrase naming a person before `pronoun` in the sentence: "the follower" in
    "the follower's track record, not her title"."""
    from leadership_cards.generate.syntax import analyse

    analysis = analyse(sentence) if sentence else None
    if analysis is None:
        return None
    tokens = analysis.tokens
    at = next((i for i, t in enumerate(tokens) if t.lower == pronoun), None)
    for i in range(at - 1 if at else -1, -1, -1):
        if not _names_a_person(tokens[i]) or tokens[i].lower in ("who", "whoever", "team"):
            continue
        if tokens[i].tag.startswith("NNP"):
            return None  # a name is found among the sentences before, with its verb
        first = i
        while first > 0 and tokens[first - 1].tag in ("DT", "JJ", "NN"):
            first -= 1
        if tokens[first].lower not in ("the", "a", "an", "each", "every"):
            return None
        return sentence[tokens[first].start : tokens[i].end]
    return None


def _quoted(text: str, at: int) -> bool:
    """True inside a quotation: "I didn't say she took the money" speaks for itself."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _names_a_person(token) -> bool:
    if token.tag in ("NNP", "NNPS") and token.text[:1].isupper():
        return True
    word = token.lower
    return word in _PERSON_NOUNS or (
        token.tag in _NOUN_TAGS and word.rstrip("s").endswith(_PERSON_ENDINGS)
    )


def _last_person(before: list[str]) -> str | None:
    """The proper name last used in the sentences before as the subject of a verb: "Herzberg
    split ...", "Frederick Herzberg found ..."."""
    from leadership_cards.generate.syntax import analyse

    for sentence in reversed(before):
        analysis = analyse(sentence)
        if analysis is None:
            continue
        tokens = analysis.tokens
        found = None
        i = 0
        while i < len(tokens):
            if tokens[i].tag != "NNP" or not tokens[i].text[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].tag == "NNP":
                j += 1
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                (i == 0 or tokens[i - 1].lower not in ("the", "a", "an"))
                and after is not None
                and _verb(after)
            ):
                found = sentence[tokens[i].start : tokens[j].end]
            i = j + 1
        if found:
            return found
    return None


def _verb(token) -> bool:
    """A verb by its tag or by the lexicon: the tagger reads "Herzberg split the factors" as
    a noun after a name."""
    from leadership_cards.generate.syntax import lexicon_tag

    return token.tag.startswith("VB") or (lexicon_tag(token.lower) or "").startswith("VB")


def _named_thing(
    body: str, before: list[str], own: str = "", terms: frozenset[str] | None = None
) -> str | None:
    """The body with the bare "the N" that is its subject named as the sentences before
    introduced N; None when N names what an earlier clause of its own sentence did ("The
    story should connect to the message, and the connection should ...": the connection of
    what, the card cannot say)."""
    from leadership_cards.generate.syntax import analyse

    plain = body.replace("{{c1::", "").replace("}}", "")
    if "the " not in plain.lower() and not _MAYBE_COMPARED.search(plain):
        return body  # no definite noun phrase to name, no comparison: nothing to analyse
    analysis = analyse(plain) if before or own else None
    if analysis is None:
        return body
    tokens = analysis.tokens
    # The subject comes first, or after the question's word and its auxiliary: "What
    # should the story connect to?"
    i = 0
    while i < len(tokens) and (tokens[i].tag in _BEFORE_SUBJECT or tokens[i].lower in _AUX):
        i += 1
    if _compared_elsewhere(tokens[i:], plain):
        return None
    if i + 1 >= len(tokens) or tokens[i].lower != "the":
        return body
    alone = _between_auxiliary_and_verb(tokens, i)  # "the X" with its verb after it
    if not (alone or _noun(tokens[i + 1])):
        return body
    token, noun = tokens[i], tokens[i + 1]
    after = tokens[i + 2] if i + 2 < len(tokens) and not alone else None
    if after is not None and (
        (after.tag in _NOUN_TAGS | {"POS", "NNP"} and _noun(after)) or after.lower in _OWN_MODIFIER
    ):
        return body
    if _named_by_its_verb(noun.lower, own, plain[token.start : noun.end]):
        return None
    antecedent = _introduced(noun.lower, before)
    if antecedent is None:
        if terms is None or _definite_without_context(noun, own, before, terms):
            return body
        # "the close" of what? Of the speech the sentence speaks of: "a speech's close".
        whole = _whole_named(own, before, noun.lower)
        if whole is None:
            return None
        antecedent = f"{whole}'s {noun.text}"
    start = body.find(plain[token.start : noun.end])
    if start < 0 or not _outside_blank(body, start):
        return body
    if token.text[0].isupper():
        antecedent = antecedent[:1].upper() + antecedent[1:]
    elif antecedent[:2].lower() in ("a ", "an"):
        antecedent = antecedent[:1].lower() + antecedent[1:]
    return body[:start] + antecedent + body[start + noun.end - token.start :]


_NOMINAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "al")


def _named_by_its_verb(noun: str, own: str, phrase: str) -> bool:
    """True when "the connection" follows "connect" in its own sentence: the noun names
    what the clause before it did."""
    at = own.lower().find(phrase.lower())
    if at <= 0 or not noun.endswith(_NOMINAL_ENDINGS):
        return False
    stem = noun[:5]
    return any(word.startswith(stem) and word != noun for word in own[:at].lower().split())


def _between_auxiliary_and_verb(tokens: list, at: int) -> bool:
    """True when "the X" is all that stands between a question's auxiliary (not a form of
    "be") and its last word, which must then be its verb, so X is the subject's noun
    whatever else it can be: "What should the close answer?"."""
    return (
        at > 0
        and tokens[at - 1].lower in _AUX - _COPULA
        and len(tokens) == at + 4
        and tokens[-1].text == "?"
    )


_MAYBE_COMPARED = re.compile(r"\b(?:an?|the)\s+(?:more|less|\w+er)\b", re.IGNORECASE)


def _compared_elsewhere(subject: list, plain: str) -> bool:
    """True when the subject is better or stronger than something the card does not say:
    "A better reply asks what the follower would recommend" (better than what the sentence
    before described). One thing compared needs its other side; "Better questions get
    better answers" speaks of a kind and stands alone."""
    if len(subject) < 3 or subject[0].lower not in ("a", "an", "the"):
        return False
    at = 1
    if at < len(subject) and subject[at].lower in ("more", "less") and at + 1 < len(subject):
        at += 1
        comparative = subject[at].tag == "JJ"
    else:
        comparative = at < len(subject) and subject[at].tag == "JJR"
    return (
        comparative
        and at + 1 < len(subject)
        and _noun(subject[at + 1])
        and " than " not in plain.lower()
    )


#: Nouns every reader takes as definite without a sentence before: the people, the settings
#: and the meeting's fixtures a chapter of this kind speaks of as one ("the audience", "the
#: meeting", "the agenda").
_GENERAL_NOUNS = _set(
    "audience meeting club district area division team group organization organisation "
    "company workplace office room stage world floor agenda lectern podium microphone "
    "conversation session time end beginning start day week year result work task job goal"
)


def _definite_without_context(noun, own: str, before: list[str], terms: frozenset[str]) -> bool:
    """True when a reader knows which N "the N" means with no sentence before it: the
    sentence or the passage names N elsewhere, the chapter speaks of N more than once (or
    in its title), or N is a role or setting everybody knows ("the speaker", "the
    audience")."""
    from leadership_cards.generate.syntax import lexicon_tag

    word = noun.lower
    forms = {word, word.rstrip("s"), word + "s"}
    role = _noun(noun) and word.rstrip("s").endswith(_PERSON_ENDINGS)
    if forms & terms or word in _GENERAL_NOUNS or role or _names_a_person(noun):
        return True
    if lexicon_tag(word) is None:
        return True  # a term of art names its one thing: "the premortem"
    said = _WORD.findall(" ".join([*before, own]).lower())
    return sum(w in forms for w in said) > 1 or any(
        w in forms for w in _WORD.findall(" ".join(before).lower())
    )


#: The wholes a chapter of this kind speaks of, whose parts a "the N" may mean: "the close"
#: in a sentence about a speech is the speech's close. Those a reader takes as one (the
#: club, the meeting) keep "the"; the rest are one of many ("a speech's close").
_WHOLES = _set("speech talk presentation conversation project meeting club team board")


def _whole_named(own: str, before: list[str], part: str) -> str | None:
    """The whole that the card's sentence (or else the sentence before it) speaks of, as
    the owner of a part: "a speech", "the club"."""
    for sentence in (own, *before[-1:]):
        for word in _WORD.findall(sentence.lower()):
            if word in _WHOLES and word != part:
                return ("the " if word in _GENERAL_NOUNS else "a ") + word
    return None


_NUMBER = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|fifty|hundred)"
)
#: A bare figure compared ("below eight", "over 7") with nothing after it to say what it
#: counts: its scale is named elsewhere.
_BARE_FIGURE = re.compile(
    rf"\b(?:below|above|under|over)\s+(?:\{{{{c1::)?{_NUMBER}(?:}}}})?"
    r"(?=\s+(?:is|are|was|were|means?|signals?|shows?|suggests?|indicates?)\b|\s*[,?;.]|\s*$)",
    re.IGNORECASE,
)
_SCALE = re.compile(rf"\b(?:from|scale of) ({_NUMBER}) to ({_NUMBER})\b", re.IGNORECASE)


def _scaled(body: str, own: str, before: list[str]) -> str:
    """The body with a bare figure given the scale the sentence before set: "an answer below
    eight" after "rate, from one to ten, how likely ..." is "an answer below eight on a
    scale from one to ten"."""
    figure = _BARE_FIGURE.search(body)
    if figure is None or _SCALE.search(own) or not before:
        return body
    scale = _SCALE.search(before[-1])
    if scale is None:
        return body
    named = f" on a scale from {scale.group(1).lower()} to {scale.group(2).lower()}"
    return body[: figure.end()] + named + body[figure.end() :]


#: Tags of what may open a sentence before its subject: a question's word, an adverb, a comma.
_BEFORE_SUBJECT = frozenset({"WP", "WDT", "WRB", "MD", "RB", ","})
_AUX = _set("is are was were do does did has have had can will would should must may")
_COPULA = _set("is are was were")


def _noun(token) -> bool:
    """A noun by the lexicon where it knows the word: the tagger reads "should the story
    connect" as a verb after a modal."""
    from leadership_cards.generate.syntax import lexicon_tag

    known = lexicon_tag(token.lower)
    return known.startswith("NN") if known else token.tag in _NOUN_TAGS


def _introduced(noun: str, before: list[str]) -> str | None:
    """The noun phrase of the sentences before whose head is `noun` and that says more than
    "the N": "A startling fact", "a personal story". None when the last mention is a bare
    "the N" (the chapter uses it as a general term: "the audience") or there is none."""
    from leadership_cards.generate.syntax import analyse

    for sentence in reversed(before):
        analysis = analyse(sentence)
        if analysis is None:
            continue
        tokens = analysis.tokens
        for phrase in reversed(analysis.phrases):
            if phrase.kind != "NP":
                continue
            words = tokens[phrase.first : phrase.last + 1]
            heads = [k for k, t in enumerate(words) if t.lower == noun and t.tag in _NOUN_TAGS]
            if not heads:
                continue
            last = heads[-1]
            if last + 1 < len(words) and words[last + 1].tag in _NOUN_TAGS:
                continue  # "a story opening": the noun only describes another
            words = words[: last + 1]
            # Introduced as one of a kind ("a startling fact") or by its name ("the
            # Distinguished Club Program"); "the next speech" is one instance, "the
            # audience" the chapter's general term.
            named = any(t.tag in ("NNP", "NNPS") for t in words)
            if len(words) < 2 or not (words[0].lower in ("a", "an") or named):
                return None
            return sentence[words[0].start : words[-1].end]
    return None


#: Cards made from a sentence of prose, whose wording may lean on the sentence before.
_PROSE_KINDS = frozenset({Kind.CLAIM, Kind.STATISTIC, Kind.CITATION, Kind.DEFINITION})


def chapter_terms(title: str, texts: list[str]) -> frozenset[str]:
    """The words a chapter makes its own: those of its title and those its text uses more
    than once, so that "the hook" in its fifth paragraph needs no sentence before."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in _WORD.findall(text.lower()):
            counts[word] = counts.get(word, 0) + 1
    by_stem: dict[str, int] = {}
    for word, n in counts.items():
        stem = word[:-1] if word.endswith("s") else word
        by_stem[stem] = by_stem.get(stem, 0) + n
    used = {w for w in counts if by_stem[w[:-1] if w.endswith("s") else w] > 1}
    return frozenset(used | content_words(title))


def standing_alone(card: Card, terms: frozenset[str] | None = None) -> Card | None:
    """The card with what its sentence takes from the sentences before named on it (it keeps
    its id: it asks the same thing), or None when what it leans on cannot be named. `terms`
    are the chapter's own words (see `chapter_terms`)."""
    if card.kind not in _PROSE_KINDS or not card.source.passage:
        return card
    text = card.cloze if card.cloze is not None else card.front
    named = named_antecedents(text, card.source.passage, terms)
    if named is None:
        return None
    if named == text:
        return card
    if card.cloze is not None:
        front, back = cloze_parts(named)
        return replace(card, front=front, back=back, cloze=named, fixed_id=card.id)
    return replace(card, front=named, fixed_id=card.id)
