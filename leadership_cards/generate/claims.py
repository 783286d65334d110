"""Salient claims in prose -> cloze cards.

Only sentences that carry a contrast or a verdict qualify ("not X but Y", "Rather, ...", "the
only ...", "the most important ...", "the key ingredient is ...", "X is the key to Y", "It is
X that ...", a short statement of what the deck's subject is, and the summary points "The
first is ... A second ... Finally ..."); ordinary narration does not make a card. Sentences
of numbered items count too, after the item's first sentence (its technique card).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from leadership_cards.cards import Card, Kind
from leadership_cards.generate.context import Chapter
from leadership_cards.generate.list_cards import item_passages
from leadership_cards.generate.phrasing import about_the_topic
from leadership_cards.generate.quality import passes
from leadership_cards.generate.quantities import quantities
from leadership_cards.generate.questions import (
    claim_question,
    clause_question,
    cleft_question,
    contrast_question,
    copular_question,
    extraposed_question,
    in_common_question,
    infinitive_question,
    judged_by_question,
    kind_question,
    meaning_question,
    means_question,
    one_test_question,
    origin_question,
    predicate_question,
    reason_question,
    relative_subject_question,
    subject_question,
)
from leadership_cards.generate.text import (
    _RANK,
    EXTRAPOSED,
    LONG_STATEMENT_WORDS,
    SUPERLATIVE,
    VERBS,
    capitalise,
    clauses,
    cloze_of,
    dangles,
    ends_in_function_word,
    main_clause,
    resolve_pronoun,
    salient_span,
    sentences,
    states_a_claim,
    strip_citations,
    strip_connectives,
    tokens,
    word_count,
)
from leadership_cards.source import parse_title

# Patterns that find their own phrase (a contrast, comparison or verdict)...
_PATTERNED = re.compile(
    r",\s+not\s|\bnot\b[^.]{1,60}\bbut\b|\bthe only\b|\bthe most\s+\w+\b|\bkey to\b|"
    r"\bmore\b[^.]{0,80}\bthan\b|\bwithout\b|"
    rf"\bthe\s+{_RANK}\s|\b(?:is|are)\s+(?:the|a)\s+(?:[\w'’-]+\s+)?{_RANK}\s|^it\s+is\s",
    re.IGNORECASE,
)
# "Inner leaders ... develop trust relationships with their followers, for that is the only
# kind of relationship that ...": "that" stands for the main verb's object.
_FOR_THAT = re.compile(
    r"^(?P<head>.+?),\s+(?:for|since|because)\s+(?:that|this|it|they)\s+(?:is|are)\s+"
    rf"(?P<pred>the\s+{SUPERLATIVE}\s.+)$",
    re.IGNORECASE,
)
_TRAILING_PHRASE = re.compile(
    r"\s+and\s+(?:against|in|through|across|over|under|with|for)\s[^;]+$", re.IGNORECASE
)
_PREPOSITION = re.compile(r"\s(?:with|to|for|of|in|among|between|across)\s", re.IGNORECASE)
MAX_TOPIC_WORDS = 15
# ...and verdicts whose main claim is the phrase to ask for.
_VERDICT = re.compile(
    r"^rather,|^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|final|last)\b|^finally,|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:vital|essential|critical|crucial)\b|\bcannot\b",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"^(?:the|a|an)\s+(?:first|second|third|fourth|fifth|final|last)(?:\s+\w+){0,2}\s+is\s+"
    r"that,?\s+(?:if\s[^,]{1,80},\s+)?",
    re.IGNORECASE,
)
MAX_SENTENCE_WORDS = 40


def extract(chapter: Chapter) -> Iterator[Card]:
    topic = _topic(chapter)
    # Key points are left to their own extractor, discussion questions are not claims.
    for text, position in item_passages(chapter):
        previous = ""
        for index, raw in _clauses_of(text):
            before = previous
            # Resolved in a chain: "Urgency is not panic. It is not a deadline. It means
            # ..." names urgency in the third sentence too.
            raw = previous = resolve_pronoun(raw, previous)
            if index == 0 and not position.startswith("paragraph"):
                continue  # an item's first sentence is its technique card
            prepared = _prepared(raw, before)
            made = list(_sentence_cards(chapter, topic, raw, prepared, position, text))
            yield from made
            if not any(passes(card) for card in made):
                # Every salient sentence gets a card: when its own pattern gives none that
                # passes, the best question its grammar allows.
                best = best_question(chapter, prepared, position, text)
                if best:
                    yield best


def _sentence_cards(
    chapter: Chapter,
    topic: re.Pattern[str] | None,
    raw: str,
    prepared: tuple[str, str],
    position: str,
    text: str,
) -> Iterator[Card]:
    """The cards of one sentence by the pattern that fits it: a contrast, a verdict, a
    comparison, a "when" clause, a number."""
    verdict = bool(_VERDICT.search(raw))
    if topic and topic.match(raw) and word_count(raw) <= MAX_TOPIC_WORDS:
        verdict = True
    resolved = _resolve_that(strip_citations(raw))
    if resolved:
        yield chapter.card(Kind.CLAIM, "", "", position, text, cloze=resolved)
        return
    who, sentence = prepared
    # A claim and its reason: the reason is a card of its own beside the claim's.
    reason = _not_the_topic(reason_question(sentence), chapter)
    if reason:
        yield _question_card(chapter, reason, who, position, text)
    if dangles(sentence):
        sentence = _main_clause_after_but(sentence)
    if word_count(sentence) > MAX_SENTENCE_WORDS:
        sentence = _without_aside(sentence)
    if word_count(sentence) > MAX_SENTENCE_WORDS and not dangles(sentence):
        # Too long to show whole, but its "when" clause may still be asked.
        asked = _not_the_topic(clause_question(sentence), chapter)
        if asked:
            yield _question_card(chapter, asked, who, position, text)
        return
    if (
        dangles(sentence)
        or _ORDINAL_REFERENCE.search(sentence)
        or word_count(sentence) > MAX_SENTENCE_WORDS
        or "{{" in sentence
        or "}}" in sentence
    ):
        return
    compared = _not_the_topic(
        kind_question(sentence)
        or meaning_question(sentence)
        or judged_by_question(sentence)
        or one_test_question(sentence),
        chapter,
    )
    if compared:
        # "A team that reviews ... learns faster than one that ...": what sets the
        # favoured kind apart is the point, not a word of the comparison.
        yield _question_card(chapter, compared, who, position, text)
        return
    # A general statement in the present tense is a claim of the chapter's own;
    # narration (past tense), questions and asides are not.
    # The tagger may miss a claim's verb ("Mentoring works best when ...") that
    # the "when" question still finds.
    verdict = (
        verdict
        or states_a_claim(sentence)
        or bool(clause_question(sentence) or claim_question(main_clause(sentence)))
    )
    found = salient_span(sentence, statements=verdict)
    contrasted = contrast_question(sentence)
    if contrasted and not _covers(sentence, found, contrasted[1]):
        # The blank cannot hold the whole side the chapter puts in place of the
        # one it rejects: ask for that side instead.
        asked = contrasted[0]
        yield _question_card(chapter, asked, who, position, text)
        return
    if verdict and (not found or found[1] == "statement"):
        # A plain object blank is the weakest card: a "when"/"because" clause, or
        # the side of "X is Y" that names the thing described, is asked instead.
        plain = main_clause(sentence)
        asked = _not_the_topic(
            clause_question(sentence)
            or found
            and (copular_question(plain) or infinitive_question(plain)),
            chapter,
        )
        if asked:
            yield _question_card(chapter, asked, who, position, text)
            return
    if found and found[1] == "statement" and quantities(sentence):
        # "A [board meeting] lasts from one to two hours": the number is the point,
        # asked as a question when no blank can hold it.
        asked = _not_the_topic(claim_question(main_clause(sentence)), chapter)
        if asked:
            yield _question_card(chapter, asked, who, position, text)
            return
    if not found and verdict:
        plain = main_clause(sentence)
        asked = _not_the_topic(
            cleft_question(plain)
            or copular_question(plain)
            or infinitive_question(plain)
            or claim_question(plain)
            or origin_question(plain)
            or subject_question(plain)
            or relative_subject_question(plain),
            chapter,
        )
        if asked:
            yield _question_card(chapter, asked, who, position, text)
        return
    if found and found[1] == "origin" and found[0][1] < len(sentence.rstrip(" .!?")):
        # "comes from the [banquet official] who proposed the toasts ...": the blank
        # holds only part of the source; the question asks for all of it.
        asked = _not_the_topic(origin_question(main_clause(sentence)), chapter)
        if asked:
            yield _question_card(chapter, asked, who, position, text)
            return
    if found and found[1] == "verdict" and _KEY_SUBJECT.match(sentence):
        # "The key to lasting change is the refreezing that leaders neglect": asked
        # as a question, the verdict keeps its whole phrase.
        asked = _not_the_topic(copular_question(main_clause(sentence)), chapter)
        if asked:
            yield _question_card(chapter, asked, who, position, text)
            return
    condition = _CONDITION.search(sentence)
    if found and condition and found[0][0] > condition.start():
        # "... worth its cost only when the decision cannot succeed without [X]": the
        # blank sits inside the condition, which is the point: ask for the condition.
        asked = _not_the_topic(clause_question(sentence), chapter)
        if asked:
            yield _question_card(chapter, asked, who, position, text)
            return
    if found and (found[1] != "statement" or verdict):
        cards = [
            chapter.card(
                Kind.CLAIM,
                "",
                "",
                position,
                text,
                cloze=_according_to(who, cloze_of(s, found[0])),
            )
            for s in dict.fromkeys([_before_colon(sentence, found[0]), sentence])
        ]
        # The statement cut at its colon, unless the cut leaves too little frame.
        yield next((card for card in cards if passes(card)), cards[-1])


def _prepared(raw: str, before: str) -> tuple[str, str]:
    """The sentence as a card would state it, and who the chapter reports it from: without
    its citations, its opening connective, its examples, its "The first is that" frame."""
    sentence = strip_citations(raw)
    sentence = capitalise(_SUMMARY.sub("", sentence))
    sentence = _with_what_it_replaces(sentence, strip_citations(before))
    sentence = strip_connectives(sentence)
    who, sentence = _reported(sentence)
    return who, _EXAMPLES.sub("", sentence)


def best_question(
    chapter: Chapter, prepared: tuple[str, str], position: str, text: str
) -> Card | None:
    """A sentence's best question when no pattern of its own gave it a card, by one ranked
    rule: the side of a contrast, a number with its unit, the complement of a copula, the
    object of the main verb, the condition of a "when"/"if" clause, the means or manner of
    advice, then the subject the claim is about. None for a sentence that is no claim of the
    chapter's own (a question, an aside to the reader, narration in the past tense), that
    points back to what the card cannot show, or whose every question fails a quality rule."""
    who, sentence = prepared
    if dangles(sentence):
        sentence = _main_clause_after_but(sentence)
    if word_count(sentence) > MAX_SENTENCE_WORDS:
        sentence = _without_aside(sentence)
    if (
        dangles(sentence)
        or word_count(sentence) > MAX_SENTENCE_WORDS
        or "{{" in sentence
        or not (
            _VERDICT.search(sentence)
            or states_a_claim(sentence)
            or _FINDING.match(sentence)
            or advice(sentence)
            or EXTRAPOSED.match(sentence)
            or in_common_question(sentence)
        )
    ):
        return None
    for variant, setting in _set_readings(sentence):
        plain = main_clause(variant)
        for make in _RANKED_QUESTIONS:
            asked = make(variant, plain)
            if asked and variant.startswith(_READER):
                asked = _addressed(asked)
            if asked and setting:
                if asked[0].startswith("When") and setting.startswith(("When", "Whenever")):
                    continue  # "When news travels slowly, when do problems grow?"
                asked = f"{setting}, {asked[0][:1].lower()}{asked[0][1:]}", asked[1]
            # The cheap refusals first: a weak answer, then a question on the chapter's topic.
            if not asked or not _answer_stands(asked[1]) or not _not_the_topic(asked, chapter):
                continue
            if _ORDINAL_REFERENCE.search(f"{asked[0]} {asked[1]}"):
                continue  # "the second level" of a list the card does not show
            card = _question_card(chapter, asked, who, position, text)
            if passes(card):
                return card
    return None


# "It as a way to clear their desks", "That view", "Down the reasons why", "Two kinds", "To
# be fashioned": an answer that points back, starts on a particle, is a bare count or a verb
# with no object was read from a sentence the question maker misparsed.
_WEAK_ANSWER = re.compile(
    r"^(?:(?:it|they|them|this|that|these|those|such|he|she|him|her)\b|"
    r"(?:down|up|out|off|away|back|in order)\b|to\s+be\b|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|many)\s+\w+$)",
    re.IGNORECASE,
)


# "Most failed decisions were made in haste": a finding over many cases, reported in the past
# tense, is a claim of the chapter's own, not a story.
_FINDING = re.compile(r"^(?:Most|Many|Few|Half|Nearly all|Almost all)\s+(?!of\s+(?:us|them)\b)\w")


def _answer_stands(answer: str) -> bool:
    return not _WEAK_ANSWER.match(answer.strip())


# "When a coach waits, the other person fills the silence": a condition, reason or time put
# first, which the question makers read after the main clause.
_LEADING_CLAUSE = re.compile(
    r"^(?P<word>When|Whenever|If|Once|Because|Unless|Until|While)\s+(?P<clause>[^,;:]{3,80}),\s+"
    r"(?P<main>[a-z][^;:]+?)[.!]?$"
)
# "A leader usually knows an answer, and giving it feels efficient": two claims in one
# sentence, each a card's worth.
_CONJOINED = re.compile(r",\s+(?:and|but|so|yet)\s+|;\s+")


# "For work that calls for judgment, large rewards can narrow attention": a setting put first,
# which the question keeps in front of what it asks of the main clause.
_SETTING = re.compile(
    r"^(?P<setting>(?:For|In|At|Before|After|During|With|Without|Under|On|Within|Among|Between)"
    r"\s[^,;:]{3,60}),\s+(?P<main>[a-z][^;:]+)$"
)


# "When a leader's decisions contradict the vision, people believe the decisions": the
# condition stands in front of the question too.
_LEADING_CONDITION = re.compile(
    r"^(?P<setting>(?:When|Whenever|If|Once|Unless)\s[^,;:]{3,80}),\s+(?P<main>[a-z][^;:]+)$"
)


def _set_readings(sentence: str) -> Iterator[tuple[str, str]]:
    """The sentence's readings, each with no setting, then its main clause's readings with the
    setting that opened the sentence (to stand in front of the question). Advice given as an
    instruction ("Avoid humour that targets a group") is read as what the reader should do."""
    instruction = advice(sentence)
    if instruction:
        for variant in _readings(instruction):
            if variant.startswith(_READER):
                yield variant, ""
        return
    for variant in _readings(sentence):
        yield variant, ""
    m = _SETTING.match(sentence) or _LEADING_CONDITION.match(sentence)
    if m and not dangles(m.group("setting")) and states_a_claim(m.group("main")):
        for variant in _readings(capitalise(m.group("main"))):
            yield variant, m.group("setting")


# "Members who speak in Table Topics every week report that the fear fades": the finding of
# people the chapter describes (a named author is `_REPORTED`'s, with "according to").
_SAID_THAT = re.compile(
    r"^(?:[A-Z][a-z]*\s+)?[a-z][^,;:]{2,80}?\s+(?:report|find|know|agree|say|notice|discover|show|suggest|confirm|reveal)s?"
    r"\s+that\s+(?P<claim>[a-z][^;:]+)$"
)


# A second clause whose subject is a bare "the N" tells what follows from the first.
_CONSEQUENCE = re.compile(r"^The\s+[a-z]+\s+[a-z]+s\b")
#: A first clause this short tells an event ("Nervous speakers speed up"), not a claim of
#: its own that the second merely sits beside.
MAX_EVENT_WORDS = 5


_READER = "The reader should "
_ADVERB_FIRST = re.compile(r"^(?P<adverb>Never|Always|Rarely|Seldom|Only)\s+(?P<rest>[a-z].+)$")
_DO_NOT = re.compile(r"^(?:Do not|Don't|Don’t)\s+(?P<rest>[a-z].+)$")


@lru_cache(maxsize=4096)
def advice(sentence: str) -> str | None:
    """ "Avoid humour that targets a group." -> "The reader should avoid humour that targets a
    group."; "Never explain a joke that failed." -> "The reader should never explain ...". An
    instruction opens on a verb's bare form and has no finite verb of its own before a clause
    of reason or result; None for any other sentence."""
    from leadership_cards.generate.syntax import analyse, lexicon_tag

    text = sentence.strip()
    adverb = ""
    m = _ADVERB_FIRST.match(text)
    if m:
        adverb, text = m.group("adverb").lower() + " ", m.group("rest")
    else:
        m = _DO_NOT.match(text)
        if m:
            adverb, text = "not ", m.group("rest")
    first = text.split(" ", 1)[0]
    verb = first.lower()
    if lexicon_tag(verb) not in ("VB", "VBP") and lexicon_tag(verb + "s") != "VBZ":
        return None  # "Pause" is a verb the lexicon lists as a noun, "Timing" is not
    analysis = analyse(verb + text[len(first) :])
    if analysis is None or len(analysis.tokens) < 3:
        return None
    relative = 0
    for token in analysis.tokens[1:]:
        if token.text in (";", ":", ",") or token.lower in ("so", "because", "since", "as"):
            break
        if token.lower in ("that", "who", "which", "what", "when", "if", "whether"):
            relative += 1  # "a joke [that failed]": a clause of its own
        elif token.tag in ("VBZ", "VBP", "MD", "VBD"):
            if not relative:
                return None  # "Test results show ...": a noun, then the clause's verb
            relative -= 1
    if analysis.tokens[1].tag in ("VBZ", "VBP", "MD", "POS"):
        return None
    return f"{_READER}{adverb}{verb}{text[len(first) :]}"


def _addressed(asked: tuple[str, str]) -> tuple[str, str] | None:
    """A question about what the reader should do, asked of "you"."""
    question, answer = asked
    if "reader" in answer.lower():
        return None
    question = question.replace("the reader", "you").replace("The reader", "You")
    return (question, answer) if "reader" not in question.lower() else None


# "A third aspect of inner leadership is that inspiration, not motivation, characterizes
# ...", "The fact is that no one can motivate someone else": the claim is the clause.
_IS_THAT = re.compile(r"^[A-Z][^,;:]{2,80}?\s+is\s+that\s+(?P<claim>[a-z][^;:]+)$")
# "The conventional wisdom is that ...", "Traditional definitions suggest that ...": a view the
# chapter sets up to reject.
_HELD_VIEW = re.compile(
    r"\b(?:wisdom|myth|belief|assumption|view|perception|notion|definitions?|traditional|"
    r"conventional|popular|common sense)\b",
    re.IGNORECASE,
)


def _readings(sentence: str) -> Iterator[str]:
    """The sentence, then the plainer sentences it holds that a question can be asked of:
    its main clause before a leading "when"/"if"/"because" clause, and each of two joined
    claims that stands alone (a pronoun pointing back to the first is not resolved)."""
    said = _SAID_THAT.match(sentence) or _IS_THAT.match(sentence)
    if (
        said
        and not dangles(said.group("claim"))
        and not _HELD_VIEW.search(sentence[: said.start("claim")])
    ):
        # "Members who speak every week report that the fear fades ...": what they found.
        yield capitalise(said.group("claim"))
    yield sentence
    m = _LEADING_CLAUSE.match(sentence)
    if m:
        word, clause, main = m.group("word").lower(), m.group("clause"), m.group("main")
        comma = "," if word == "because" else ""
        yield f"{capitalise(main)}{comma} {word} {clause}."
    parts = _CONJOINED.split(sentence.rstrip(" .!"))
    if len(parts) != 2:
        return
    if _SETS_A_CONDITION.search(parts[0]):
        parts = parts[:1]  # the second claim holds only under the first one's condition
    for n, part in enumerate(parts):
        part = capitalise(part.strip())
        if n and _CONSEQUENCE.match(part) and _event(parts[0]):
            continue  # "Speakers speed up, and the audience loses ...": what follows from it
        if (
            word_count(part) >= 4
            and "," not in part  # "when X, when Y": a list the part would cut short
            and not dangles(part)
            and states_a_claim(part)
        ):
            yield part + "."


def _contrasted(sentence: str, plain: str) -> tuple[str, str] | None:
    found = contrast_question(sentence)
    return found[0] if found else None


def _counted(sentence: str, plain: str) -> tuple[str, str] | None:
    return claim_question(plain) if quantities(sentence) else None


#: Best first: what the sentence sets against something else, then what it measures, then
#: what its verb says of its subject, then when it holds, then the subject itself.
_RANKED_QUESTIONS: tuple[Callable[[str, str], tuple[str, str] | None], ...] = (
    _contrasted,
    _counted,
    lambda sentence, plain: copular_question(plain),
    lambda sentence, plain: meaning_question(sentence),
    lambda sentence, plain: cleft_question(plain),
    lambda sentence, plain: claim_question(plain),
    lambda sentence, plain: clause_question(sentence),
    lambda sentence, plain: reason_question(sentence),
    lambda sentence, plain: infinitive_question(plain),
    lambda sentence, plain: judged_by_question(sentence),
    lambda sentence, plain: means_question(sentence),
    lambda sentence, plain: subject_question(plain),
    lambda sentence, plain: relative_subject_question(plain),
    lambda sentence, plain: predicate_question(plain),
    lambda sentence, plain: extraposed_question(sentence),
    lambda sentence, plain: in_common_question(sentence),
)

# "A rhetorical question that everyone can answer, such as asking whether ..., invites a
# shrug", "Task conflict, kept in proportion, can improve ...": examples and asides set off
# by commas before the main verb are reading matter, not the claim.
_EXAMPLES = re.compile(
    r",\s+(?:(?:such as|for example|for instance|like)\s[^,;:]{2,80}|"
    r"(?:on|in|at|with|without|under|after|before|for)\s[^,;:]{2,30}|"  # ", on thin evidence,"
    r"(?:kept|left|held|seen|done|taken|given|used|[a-z]+ed)\s[^,;:]{2,30}),"  # ", kept in ..."
    r"(?=\s+(?:[a-z]+s|can|must|should|will|is|are)\s)"  # the main verb follows
)
_KEY_SUBJECT = re.compile(r"^The\s+(?:key|secret|remedy|answer|cure)\s+(?:to|for)\s", re.IGNORECASE)
_CONDITION = re.compile(r"\s(?:when|whenever|because|once)\s", re.IGNORECASE)


# "..., whether that is a skill they were proud of, a routine ...": an aside that a long
# sentence can lose, leaving its claim whole.
_ASIDE = re.compile(
    r",\s+(?:whether|such as|including|which|where|because|since|so that|even if|even though|"
    r"usually|often)\s|:\s",
    re.IGNORECASE,
)


def _without_aside(sentence: str) -> str:
    """A sentence too long for a card, cut before its first trailing aside when what stays is
    a claim of its own."""
    m = _ASIDE.search(sentence)
    if not m or word_count(sentence[: m.start()]) < 6:
        return sentence
    head = sentence[: m.start()].rstrip()
    return sentence if ends_in_function_word(head) else head + "."


def _before_colon(sentence: str, span: tuple[int, int]) -> str:
    """A long statement whose blank comes before its colon ends there: "The remedy of
    groupthink is [structure] rather than goodwill: the leader speaks last, ..." asks one
    thing, and what the colon lists is reading matter."""
    colon = sentence.find(": ", span[1])
    if colon < 0 or word_count(sentence) <= LONG_STATEMENT_WORDS:
        return sentence
    head = sentence[:colon].rstrip()
    return sentence if ends_in_function_word(head) or word_count(head) < 6 else head + "."


def _not_the_topic(asked: tuple[str, str] | None, chapter: Chapter) -> tuple[str, str] | None:
    """The question, unless it asks about the chapter's own topic and so has as many answers
    as the chapter has points ("What do inner leaders foster?" in a chapter on inner
    leadership)."""
    return None if asked and about_the_topic(asked[0], chapter.title) else asked


def _clauses_of(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence's independent clauses, with the index of the sentence they belong to;
    a denial and the clause that puts something in its place ("People do not resist change;
    they resist loss.") are one contrast."""
    pending: tuple[int, str] | None = None
    for index, sentence in enumerate(sentences(text)):
        for clause in _standing_clauses(sentence):
            if pending is not None:
                joined = _denied_and_replaced(pending[1], clause)
                yield (pending[0], joined) if joined else pending
                pending = None
                if joined:
                    continue
            if _DENIAL.match(clause):
                pending = (index, clause)
            else:
                yield index, clause
    if pending is not None:
        yield pending


def _standing_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that a card can state on its own. After a clause that sets a
    condition ("Trouble begins when a meeting mixes purposes, and people criticise ..."; "A
    line is no disaster if it was true: the audience hears ..."), what follows holds only
    under it, so it is not asked apart."""
    parts = [c for part in _colon_parts(sentence) for c in _split(part)]
    if len(parts) > 1 and _SETS_A_CONDITION.search(parts[0]):
        return parts[:1]
    # "Nervous speakers speed up, and the audience loses ...": what follows from the first.
    if len(parts) == 2 and _event(parts[0]):
        return [p for p in parts if p is parts[0] or not _CONSEQUENCE.match(p)]
    return parts


def _event(clause: str) -> bool:
    """True for a short clause with no object, which tells something happening ("Nervous
    speakers speed up"): a clause after it says what follows."""
    from leadership_cards.generate.syntax import analyse

    if word_count(clause) > MAX_EVENT_WORDS:
        return False
    analysis = analyse(clause)
    words = [t for t in analysis.tokens if t.text[:1].isalnum()] if analysis else []
    return bool(words) and words[-1].tag in ("RP", "RB", "IN", "VBZ", "VBP")


_SETS_A_CONDITION = re.compile(r"\b(?:when|whenever|if|unless|once|until|while)\b", re.IGNORECASE)


def _split(sentence: str) -> list[str]:
    parts = clauses(capitalise(_OPENING_CONJUNCTION.sub("", strip_connectives(sentence))))
    # A sentence that stays whole keeps its connective: "Rather, ..." says what it puts in
    # place of the sentence before.
    return parts if len(parts) > 1 else [capitalise(_OPENING_CONJUNCTION.sub("", sentence))]


# "This is the difference that matters most: a mentor shares ...": a head that only points
# at what the colon introduces.
_POINTING_HEAD = re.compile(r"^(?:This|That|Here)\s+(?:is|are)\b", re.IGNORECASE)


def _colon_parts(sentence: str) -> list[str]:
    """A sentence too long for one card, or one whose head only points ahead, split at its
    colon when what follows is a clause of its own: "Confidence comes from preparation, not
    from personality: speakers who rehearse ... start steadily ..." -> both claims."""
    head, colon, tail = sentence.partition(": ")
    if not colon or not tail[:1].islower() or word_count(tail) < 5:
        return [sentence]
    pointing = bool(_POINTING_HEAD.match(head))
    if not pointing and word_count(sentence) <= MAX_SENTENCE_WORDS:
        return [sentence]
    own = clauses(f"{head}, and {tail}")  # the tail must read as a clause of its own
    if len(own) < 2:
        return [sentence]
    tail = capitalise(tail)
    return [tail] if pointing else [head.rstrip(" ,") + ".", tail]


# "But an answer ... is ..., and ownership is ...", "Whatever the device, the opening must
# ...", "Rather than softening the message, it teaches ...": what opens the sentence ties it
# to the one before, and the clauses stand without it.
_OPENING_CONJUNCTION = re.compile(
    r"^(?:(?:But|And|Yet|So)\s+(?=[a-z])|(?:Whatever|Whichever|However)\s+[^,;:]{1,30},\s+(?=[a-z])"
    r"|(?:Rather than|Instead of)\s+[a-z][^,;:]{1,60},\s+(?=[a-z]))"
)


# "People do not resist change as such", "Feedback is not an order": a denial that the next
# clause may answer.
_DENIAL = re.compile(
    r"^(?P<subject>[A-Z][\w'’ -]{1,50}?)\s+(?:(?P<aux>do|does)\s+not\s+(?P<verb>[a-z]+)|"
    r"(?P<be>is|are)\s+not)\s+(?P<x>[^,;:()]{2,50}?)\.?$"
)
_REPLACEMENT = re.compile(r"^(?P<subject>[A-Z][\w'’ -]{1,50}?)\s+(?P<verb>[a-z]+)\s+(?P<y>.+)$")
_STANDS_FOR = frozenset(["it", "they", "he", "she"])


def _denied_and_replaced(denial: str, clause: str) -> str | None:
    """ "People do not resist change as such" + "they resist losing what the change takes"
    -> "People resist not change as such but losing what the change takes"; "Feedback is not
    an order" + "It is an offer" -> "Feedback is not an order but an offer". The second clause
    must repeat the verb with the same subject (or a pronoun for it), and deny nothing."""
    d, r = _DENIAL.match(denial), _REPLACEMENT.match(clause.rstrip(" .!"))
    if not d or not r:
        return None
    subject = r.group("subject")
    if subject.lower() not in _STANDS_FOR and subject.lower() != d.group("subject").lower():
        return None
    y = r.group("y")
    if y.split()[0].lower() in ("not", "never", "also", "too"):
        return None
    verb, be = r.group("verb"), d.group("be")
    if be:
        if verb != be:
            return None
        return f"{d.group('subject')} {be} not {d.group('x')} but {y}."
    denied = d.group("verb")
    if not denied or verb not in (denied, denied + "s", denied + "es"):
        return None
    return f"{d.group('subject')} {verb} not {d.group('x')} but {y}."


def _covers(
    sentence: str, found: tuple[tuple[int, int], str] | None, side: tuple[int, int]
) -> bool:
    """True when the blank found holds the whole side of a contrast (a leading "to" or
    article may stay in the frame as a cue)."""
    if not found:
        return False
    (start, end), _ = found
    left = sentence[side[0] : max(start, side[0])].strip().lower()
    return left in ("", "the", "a", "an") and end >= side[1]


def _question_card(
    chapter: Chapter, asked: tuple[str, str], who: str, position: str, text: str
) -> Card:
    """A claim asked as a question, named in its chapter (and by whom it is reported)."""
    # "is therefore part of the job, not a private matter": the adverb ties the sentence to
    # the one before; the answer is "Part of the job".
    answer = capitalise(_SENTENCE_ADVERB.sub("", asked[1]))
    return chapter.card(Kind.CLAIM, _in_chapter(chapter, asked[0], who), answer, position, text)


_SENTENCE_ADVERB = re.compile(r"^(?:therefore|thus|hence|also|still|indeed|then)\s+", re.I)


def _in_chapter(chapter: Chapter, question: str, who: str = "") -> str:
    """ "When does trust grow?" -> "In “Building Trust”, when does trust grow?" (and
    "according to Kotter, ..." when the claim is a finding the chapter reports)."""
    source = f"according to {who}, " if who else ""
    return (
        f"In “{parse_title(chapter.title).subject}”, {source}{question[:1].lower()}{question[1:]}"
    )


#: Who reports a claim: "Kotter", "Nichols and Stevens".
_WHO_REPORTS = r"(?P<who>[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3})"


# "Kotter found that many change efforts stall ...", "In their study, Nichols and Stevens
# found that people remember ...": the finding is the claim, its author the context.
_REPORTED = re.compile(
    rf"^(?:[^,]{{2,60}},\s+)?{_WHO_REPORTS}\s+"
    r"(?:found|find|finds|showed|shows|estimated|estimates|argued|argues|observed|reported|"
    r"concluded|noted)\s+that\s+(?P<claim>[a-z].+)$"
)


_SAYS = (
    r"(?:wrote|writes|said|says|argued|argues|observed|observes|noted|notes|insisted|insists|"
    r"claimed|claims|believed|believes|suggested|suggests|put it|puts it|reminds us)"
)
_REPORTING = re.compile(rf"\b{_SAYS}\b")
#: "The best test of a servant leader, Greenleaf wrote, is whether those served grow": the
#: author set between commas inside the claim.
_REPORTED_ASIDE = re.compile(
    rf"^(?P<head>[A-Z][^,]{{2,80}}),\s+{_WHO_REPORTS}\s+{_SAYS},\s+(?P<rest>[a-z].+)$"
)
_IN_WHOSE_WORDS = re.compile(
    r"^(?:(?P<head>[A-Z][^,]{2,60}),\s+in|In)\s+"
    r"(?P<who>[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+){0,3})['’]s\s+"
    r"(?:words|view|account|terms|phrase|model|framework|research|experience),\s+"
    r"(?P<rest>[a-z].+)$"
)
#: "As Kelley says, today almost everyone takes a turn leading", "The fact is, as Kelley
#: says, that ...": the author before the claim.
_AS_WHO_SAYS = re.compile(
    rf"^(?:The fact is,\s+)?[Aa]s\s+{_WHO_REPORTS}\s+{_SAYS},\s+(?:that\s+)?(?P<claim>[a-z].+)$"
)


def _reported(sentence: str) -> tuple[str, str]:
    """The author and the finding of a reported claim, else ("", the sentence)."""
    m = _REPORTED.match(sentence)
    if m:
        return m.group("who"), capitalise(m.group("claim"))
    m = _REPORTED_ASIDE.match(sentence) if _REPORTING.search(sentence) else None
    if m:
        # "The best test, Greenleaf wrote, is whether ..." -> "The best test is whether ..."
        return m.group("who"), f"{m.group('head')} {m.group('rest')}"
    m = _IN_WHOSE_WORDS.match(sentence) if "’s " in sentence or "'s " in sentence else None
    if m:
        # "In Greenleaf's words, the servant-leader is servant first", "Empathy, in
        # Greenleaf's account, is ...": the claim, and whose it is.
        claim = f"{m.group('head')} {m.group('rest')}" if m.group("head") else m.group("rest")
        return m.group("who"), capitalise(claim)
    m = _AS_WHO_SAYS.match(sentence) if _REPORTING.search(sentence) else None
    if m:
        claim = m.group("claim")
        now = _OPENING_NOW.match(claim)
        if now:
            # "today almost everyone takes a turn": the time closes the claim, so its
            # subject is a phrase of its own ("[almost everyone]"), not "[today almost ...]"
            claim = f"{claim[now.end() :].rstrip('.')} {now.group(1)}."
        return m.group("who"), capitalise(claim)
    return "", sentence


_OPENING_NOW = re.compile(r"^(today|nowadays|now|these days)\s+(?=[a-z])")


def _according_to(who: str, cloze: str) -> str:
    if not who:
        return cloze
    first = cloze.split(" ", 1)[0]
    keep = first.isupper() or first.startswith("{{")
    return f"According to {who}, {cloze if keep else cloze[:1].lower() + cloze[1:]}"


_RATHER = re.compile(r"^(?:Rather|Instead),\s+(?P<rest>.+?)[.!]?$")
_REJECTS = re.compile(r"\b(?:never|not|no longer|rarely)\b", re.I)


def _with_what_it_replaces(sentence: str, before: str) -> str:
    """ "While compelling, this hero model was never the case in practice. Rather, inner
    leaders rely on the theory of values-based leadership." The chapter rejects one thing and
    puts another in its place: the card states both, "..., not the hero model."."""
    m = _RATHER.match(sentence)
    if not m or not _REJECTS.search(before):
        return sentence
    from leadership_cards.generate.questions import subject_of

    rejected = subject_of(before)
    if not rejected:
        return sentence
    return f"{capitalise(m.group('rest'))}, not {rejected}."


# "the third approach", "the first two approaches", "the latter": items of a list the card
# does not show ("the first setback", "the first evaluation" are moments, not items).
_ORDINAL_REFERENCE = re.compile(
    r"\bthe\s+(?:(?:first|second|third|fourth|fifth|sixth|last|final)"
    r"(?:\s+(?:two|three|four|five))?\s+(?:approach|stage|step|point|level|habit|technique|"
    r"rule|principle|way|type|kind|mode|method|question|part|phase|factor|element|pillar|"
    r"lesson|reason|strategy|tip|key|category|group|item|option|one|structure|need|skill|"
    r"component|dimension|style|role|task)(?:e?s)?\b(?!\s+of\b)|former|latter|"
    r"(?:first|second|third|fourth|fifth|sixth|last|final)(?=\s+(?:is|are|was|were)\b))\b",
    re.IGNORECASE,
)
_BUT = re.compile(r",\s+but\s+(?P<rest>.+)$")


def _main_clause_after_but(sentence: str) -> str:
    """ "Both have their place, but a leader who only ever mentors raises followers who
    wait to be told": the clause after "but" may stand alone where the first cannot."""
    m = _BUT.search(sentence)
    return capitalise(m.group("rest")) if m else sentence


def _topic(chapter: Chapter) -> re.Pattern[str] | None:
    """ "Inner leadership is a people-oriented task": a short statement of what the deck's
    subject is, which is what a reader of the deck came for."""
    subject = " ".join(chapter.deck_title.split())
    if not subject or len(subject.split()) > 4:
        return None
    return re.compile(
        rf"^(?:[\w-]+,\s+)?{re.escape(subject)}\s+(?:is|are)\s+(?:a|an)\s", re.IGNORECASE
    )


def _last_object(head: str) -> str | None:
    """The noun phrase after the clause's last verb, up to its first preposition: "develop
    trust relationships with their followers" -> "trust relationships"."""
    words = tokens(head)
    verbs = [
        i
        for i, (w, _, _) in enumerate(words)
        if w in VERBS and i + 1 < len(words) and (i == 0 or words[i - 1][0] not in VERBS)
    ]
    if not verbs:
        return None
    start = words[verbs[-1] + 1][1]
    rest = head[start:].rstrip(".!? ")
    cut = _PREPOSITION.search(rest)
    noun = (rest[: cut.start()] if cut else rest).strip()
    noun = re.sub(r"^(?:the|a|an)\s+", "", noun, flags=re.IGNORECASE)
    if not noun or re.search(r"[^\w\s'’-]", noun):
        return None
    return noun


def _resolve_that(sentence: str) -> str | None:
    """ "..., for that is the only kind of relationship that can maintain itself intact over
    time" -> "{{c1::Trust relationships}} are the only kind of relationship that can maintain
    itself intact over time." """
    m = _FOR_THAT.match(sentence)
    if not m:
        return None
    noun = _last_object(m.group("head"))
    if not noun or not 1 <= word_count(noun) <= 5 or dangles(noun):
        return None
    last = noun.split()[-1].lower()
    verb = "are" if last.endswith("s") and not last.endswith("ss") else "is"
    pred = _TRAILING_PHRASE.sub("", m.group("pred").rstrip(".!? "))
    statement = f"{{{{c1::{capitalise(noun)}}}}} {verb} {pred}."
    return statement if word_count(statement) <= MAX_SENTENCE_WORDS else None
