"""Citations -> cloze cards on the claim a cited author supports, and attributions -> "Who
made the GROW model popular?" cards.

What a learner keeps is the claim; the author stays in the sentence as its context ("... about
[...] were abandoned within two years (Nutt, 1999)"), so the card tests what was found, and
who found it comes along as a cue. A sentence whose claim has no good blank makes no card: an
author or a year alone is not worth a morning's review. Who made, coined, developed or
teaches a named model is another matter: a member names the model with its maker ("John
Whitmore's GROW model"), so that is asked as a question of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter, with_term_before
from leadership_cards.generate.text import (
    capitalise,
    cloze_of,
    dangles,
    salient_span,
    sentences,
    strip_citations,
    strip_connectives,
    word_count,
)

_NAME = r"[A-Z][a-z][A-Za-z'’-]+"
_AUTHORS = rf"(?P<author>{_NAME}(?:\s+and\s+{_NAME})?)"
_YEAR = r"(?:1[89]|20)\d\d[a-z]?"
#: "(Hughes, Ginnett, and Curphy, 1999)", "(Kouzes et al., 2002)", and a run of works
#: vouching together, "(Bradford and Cohen, 1984; Bennis, 1999)".
_WORK = rf"{_NAME}(?:(?:,\s+{_NAME})*,?\s+and\s+{_NAME}|\s+et\s+al\.)?,\s*{_YEAR}"
_PARENTHETICAL = re.compile(
    rf"\((?P<author>{_NAME})(?:(?:,\s+{_NAME})*,?\s+and\s+{_NAME}|\s+et\s+al\.)?,\s*{_YEAR}"
    rf"(?:;\s*{_WORK})*\)"
)
_NARRATIVE = re.compile(rf"\b{_AUTHORS}\s+\({_YEAR}\)")
_OTHER_CITATIONS = re.compile(rf"\s*\([^()]*\b{_YEAR}\)")
MAX_SENTENCE_WORDS = 40


def extract(chapter: Chapter) -> Iterator[Card]:
    yield from _claims(chapter)
    for text, position in chapter.passages():
        yield from _attributions(chapter, text, position)


def _claims(chapter: Chapter) -> Iterator[Card]:
    for paragraph in chapter.doc.paragraphs:
        if "(" not in paragraph.text:
            continue
        for raw in sentences(paragraph.text):
            sentence = strip_connectives(raw)
            # Both citation patterns need a parenthesis: the cheap test first.
            if "(" not in sentence or dangles(sentence) or "{{" in sentence or "}}" in sentence:
                continue
            for pattern in (_PARENTHETICAL, _NARRATIVE):
                m = pattern.search(sentence)
                if not m or not _supports_whole(sentence, m, pattern is _NARRATIVE):
                    continue
                cloze = _claim_cloze(sentence, m, narrative=pattern is _NARRATIVE)
                if cloze is None:
                    break
                yield chapter.card(
                    Kind.CITATION,
                    "",
                    "",
                    f"paragraph {paragraph.number}",
                    paragraph.text,
                    cloze=cloze,
                )
                break
            else:
                continue
            break  # one citation card a paragraph: its claim, with its author as context


def _claim_cloze(sentence: str, m: re.Match[str], narrative: bool) -> str | None:
    """The sentence with its claim's salient phrase blanked and the one citation kept: other
    citations are dropped; a narrative citation ("Gardner (1990) sees ...") stays as the
    subject, and the blank falls after it."""
    kept = _OTHER_CITATIONS.sub("", sentence[: m.start()])
    tail = _OTHER_CITATIONS.sub("", sentence[m.end() :])
    if narrative:
        statement = kept + m.group() + tail
        claim_start = len(kept) + len(m.group())
    else:
        # The claim alone is analysed; the citation is put back after the blank is chosen.
        statement = (kept.rstrip() + tail).strip()
        claim_start = 0
    if word_count(statement) > MAX_SENTENCE_WORDS:
        return None
    found = salient_span(statement)
    if found is None or found[0][0] < claim_start:
        return None
    cloze = cloze_of(statement, found[0])
    if narrative:
        return cloze
    end = len(cloze.rstrip(" .!?"))
    return f"{cloze[:end]} {m.group()}{cloze[end:]}"


def _supports_whole(sentence: str, m: re.Match[str], narrative: bool) -> bool:
    """A narrative citation opens the sentence ("Gardner (1990) sees..."); a parenthetical
    one closes it. Either way it vouches for the whole statement."""
    if narrative:
        return m.start() == 0
    return not sentence[m.end() :].strip(' .!?"”’')


def _attributions(chapter: Chapter, text: str, position: str) -> Iterator[Card]:
    """ "the GROW model, which John Whitmore made popular" -> "Who made the GROW model
    popular?"; "Marshall Goldsmith coined the term" (the term the sentence before defined)
    -> "Who coined the term feedforward?"; "The premortem comes from the research
    psychologist Gary Klein" -> "Where does the premortem come from?"."""
    if not _MAKER_VERB.search(text):
        return
    for raw, before in with_term_before(sentences(text)):
        sentence = strip_citations(raw)
        found = _attribution(sentence, before) if _MAKER_VERB.search(sentence) else None
        if found:
            front, who = found
            yield chapter.card(Kind.CITATION, front, capitalise(who), position, text)


def _attribution(sentence: str, before: str) -> tuple[str, str] | None:
    m = _WHICH_MADE.search(sentence)
    if m:
        return _question(m.group("verb"), m.group("thing")), m.group("who")
    m = _MADE_BY.search(sentence)
    if m:
        return _question(m.group("verb"), m.group("thing")), m.group("who")
    m = _A_TERM_BY.match(sentence) or _A_TERM_WHO_MADE.match(sentence)
    if m:
        # "Psychological safety is a term coined by Amy Edmondson", "Transformational
        # leadership, a term Burns introduced in 1978, ...": the term and who made it.
        return _question(
            m.group("verb"), f"the {m.group('noun')} {_lowered(m.group('term'))}"
        ), m.group("who")
    m = _CREDITED.match(sentence)
    if m:
        return f"Who is credited with {m.group('thing')}?", m.group("who")
    m = _PASSIVE_MADE.match(sentence)
    if m and not dangles(m.group("thing")):
        return _question(m.group("verb"), m.group("thing")), m.group("who")
    m = _MAKER_FIRST.match(sentence)
    if m:
        thing = m.group("thing")
        seen_as = _SEEN_AS.match(sentence[m.end("thing") :]) if _IDEA_OF.search(thing) else None
        if seen_as:
            thing += seen_as.group()  # "the idea of the servant as leader": one idea
        called = _CALLED_NAME.search(thing)
        if called:
            thing = called.group("name")  # "a three-part shape called SBI": SBI
        elif thing.lower() == "the term":
            if not before:
                return None
            thing = f"the term {_lowered(before)}"
        if dangles(thing):
            return None
        return _question(m.group("verb"), thing), m.group("who")
    m = _COMES_FROM.match(sentence)
    if m and _NAMED.search(m.group("who")):
        thing = m.group("thing")
        return f"Where does {thing[:1].lower()}{thing[1:]} come from?", m.group("who")
    return None


def _question(verb: str, thing: str) -> str:
    if thing.startswith(("The ", "A ", "An ")):
        thing = thing[:1].lower() + thing[1:]  # "the GROW model": the article is no name's
    elif not _NAMED_THING.match(thing):
        thing = thing[:1].lower() + thing[1:]
    verb = verb.lower()
    if verb in ("made popular", "popularised", "popularized"):
        return f"Who made {thing} popular?"
    if verb in ("teaches", "teach"):
        return f"Who teaches {thing}?"
    return f"Who {verb} {thing}?"


def _lowered(term: str) -> str:
    words = term.split()
    if sum(c.isupper() for c in words[0]) > 1 or any(w[:1].isupper() for w in words[1:]):
        return term
    return term[:1].lower() + term[1:]


#: Verbs that credit someone with a model, a term or a method, in every pattern below.
_MADE = r"popularised|popularized|coined|developed|devised|introduced|created|invented"
_MAKERS = rf"(?:made popular|{_MADE}|proposed|founded)"
_WHO = r"(?P<who>(?:the )?[A-Z][\w'’-]+(?:\s+(?:for\s+|of\s+|and\s+)?[A-Z][\w'’-]+)*)"
_THING = r"(?P<thing>(?:(?:the|a|an)\s+|[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,2})"  # a short noun phrase
#: "the GROW model, which John Whitmore made popular in the 1990s"
_WHICH_MADE = re.compile(rf"\b{_THING},\s+which\s+{_WHO}\s+(?P<verb>{_MAKERS})\b")
#: "Self-determination theory, developed by Edward Deci and Richard Ryan, holds ..."
_MADE_BY = re.compile(
    rf"^{_THING},\s+(?:first\s+)?(?P<verb>{_MADE}|proposed|founded)\s+by\s+{_WHO}\s*,"
)
_TERM_NOUN = r"(?P<noun>term|phrase|word|expression|label)"
_TERM_SUBJECT = r"(?P<term>[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})"
#: "Psychological safety is a term coined by Amy Edmondson".
_A_TERM_BY = re.compile(
    rf"^{_TERM_SUBJECT}\s+is\s+an?\s+{_TERM_NOUN}\s+(?:first\s+)?(?P<verb>{_MAKERS})\s+by\s+"
    rf"{_WHO}(?=\s*[,.;]|\s+(?:in|during|at|while|as|who)\b|$)"
)
#: "Transformational leadership, a term James MacGregor Burns introduced in 1978, raises ...".
_A_TERM_WHO_MADE = re.compile(
    rf"^{_TERM_SUBJECT},\s+an?\s+{_TERM_NOUN}\s+(?:that\s+|which\s+)?{_WHO}\s+"
    rf"(?:first\s+)?(?P<verb>{_MAKERS})\b[^,]*,"
)
#: "Peter Drucker is often credited with the saying that culture eats strategy for breakfast".
_CREDITED = re.compile(
    rf"^{_WHO}\s+is\s+(?:often\s+|usually\s+|widely\s+|generally\s+)?credited\s+with\s+"
    r"(?P<thing>(?:the|a|an)\s+[^;]{5,120}?)\.?$"
)
#: "The term servant leadership was coined by Robert Greenleaf in 1970", "The GROW model
#: was first made popular by John Whitmore": the thing, then who made it.
_PASSIVE_MADE = re.compile(
    rf"^(?P<thing>(?:(?:The|A|An)\s+|[A-Z])[\w'’-]*(?:\s+[\w'’-]+){{0,4}}?)\s+"
    rf"(?:was|were|has\s+been|had\s+been)\s+(?:first\s+)?(?P<verb>{_MAKERS})\s+by\s+"
    rf"{_WHO}(?=\s*[,.;]|\s+(?:in|during|at|while|as|who)\b|$)"
)
#: "Marshall Goldsmith coined the term ...", "The Center for Creative Leadership teaches ..."
_MAKER_FIRST = re.compile(
    rf"^{_WHO}\s+(?P<verb>{_MADE}|teaches)\s+(?P<thing>the term|(?:the|a|an)\s+[\w'’ -]+?)"
    r"(?=\s+(?:for|in|to|that|which|as|with|when)\b|[,.;:]|$)"
)
#: "the idea of the servant as leader": an idea of one thing as another runs on past "as".
_IDEA_OF = re.compile(r"\b(?:idea|notion|concept|view|image|picture)\s+of\b")
_SEEN_AS = re.compile(r"^\s+as\s+(?:(?:an?|the)\s+)?[a-z][\w'’-]*")
_CALLED_NAME = re.compile(r"\bcalled\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$")
#: "The premortem comes from the research psychologist Gary Klein, who found ..."
_COMES_FROM = re.compile(
    r"^(?P<thing>The\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?)\s+(?:comes|came)\s+from\s+"
    r"(?P<who>(?:the\s+)?[\w'’ -]+?)(?=[,.;]|\s+who\b|$)"
)
_NAMED = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+")
_NAMED_THING = re.compile(r"^(?:[A-Z]{2}|[A-Z][a-z]+\s+[A-Z])")
#: What every pattern of `_attribution` needs in its sentence: a maker's verb.
_MAKER_VERB = re.compile(rf"\b(?:{_MAKERS}|teaches|(?:comes|came)\s+from|credited)\b")
