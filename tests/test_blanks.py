"""Where a cloze may put its blank, judged on sentences written here (not the shipped deck)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadership_cards.generate import blanks, quantities, questions
from leadership_cards.generate import text as text_module
from leadership_cards.generate.syntax import AUXILIARY_WORDS, analyse
from leadership_cards.generate.text import salient_span


def span_of(sentence: str, phrase: str) -> tuple[int, int]:
    start = sentence.index(phrase)
    return start, start + len(phrase)


def test_the_tagger_tells_nouns_verbs_and_function_words_apart() -> None:
    analysis = analyse("Good mentors build trust with the newest club members.")
    assert analysis is not None
    tags = {t.text: t.tag for t in analysis.tokens}
    assert tags["mentors"] == "NNS"
    assert tags["build"].startswith("VB")
    assert tags["the"] == "DT"
    assert tags["with"] == "IN"
    phrases = [
        " ".join(t.text for t in analysis.tokens[p.first : p.last + 1])
        for p in analysis.phrases
        if p.kind == "NP"
    ]
    assert "the newest club members" in phrases


@pytest.mark.parametrize(
    "sentence",
    [
        "Table Topics speakers build confidence, not memorised scripts, through steady practice.",
        "The evaluator's main duty is honest encouragement that helps every speaker grow.",
        "Club officers serve members more than they serve the district's procedures.",
        "Good timers rely on clear coloured lights rather than spoken warnings during speeches.",
        "A new member's first speech is the Ice Breaker, not a persuasive talk.",
        "There can be no lasting club growth without steady mentoring by experienced speakers.",
    ],
)
def test_a_blank_never_lands_on_a_determiner_preposition_or_auxiliary(sentence: str) -> None:
    found = salient_span(sentence)
    assert found is not None
    (start, end), _ = found
    analysis = analyse(sentence)
    assert analysis is not None
    inside = [t for t in analysis.tokens if t.start >= start and t.end <= end]
    assert inside
    for edge in (inside[0], inside[-1]):
        assert edge.tag not in ("DT", "IN", "TO", "CC", "MD"), sentence[start:end]
        assert edge.lower not in AUXILIARY_WORDS, sentence[start:end]
    assert blanks.good(sentence, (start, end))


@pytest.mark.parametrize(
    ("sentence", "phrase", "problem"),
    [
        ("Strong clubs welcome the guests warmly.", "the", "blank is a function word"),
        ("Strong clubs welcome guests with warm handshakes at the door.", "with", "function word"),
        ("Good evaluations are specific and kind to the speaker.", "are", "function word"),
        ("Mentors rely on the [x].", "x", "frame too short"),
        ("Members rely on the club.", "club", "frame too short"),
        (
            "Each speaker brings personal goals, fears, habits, and hopes to the lectern every week.",
            "personal goals, fears, habits, and hopes",
            "list",
        ),
        (
            "Speakers are key to every meeting, for there is no meeting without speakership.",
            "speakership",
            "gives the blank away",
        ),
        (
            "The timer sits in the middle of the room and shows the coloured lights to speakers.",
            "room",
            "filler",
        ),
        (
            "Good mentors know that new members need early speaking roles in meetings.",
            "new members need early speaking roles",
            "clause",
        ),
        (
            "Good mentors patiently build lasting trust with every new club member.",
            "build",
            "verb fragment",
        ),
        (
            "Skill at chairing a debate is therefore another vital area for club presidents.",
            "vital area",
            "generic noun",
        ),
        (
            'Sadly the word "critique" has harsh negative overtones for most new members.',
            "harsh negative overtones",
            "tone gives the blank away",
        ),
        (
            "Preparation is not luck, and it is never a matter of talent alone.",
            "not luck",
            "negation",
        ),
    ],
)
def test_bad_blanks_are_named(sentence: str, phrase: str, problem: str) -> None:
    found = blanks.problems(sentence, span_of(sentence, phrase))
    assert any(problem in p for p in found), found


def test_a_generic_blank_gives_way_to_the_telling_phrase_of_its_sentence() -> None:
    sentence = (
        "While timing matters in any meeting, good evaluators rely for lasting improvement "
        "on a specific suggestion that the speaker can try next time."
    )
    found = salient_span(sentence)
    assert found is not None
    start, end = found[0]
    assert sentence[start:end] == "specific suggestion"


def test_a_good_blank_keeps_its_frame() -> None:
    sentence = "The general evaluator reviews the whole meeting, not only the prepared speeches."
    assert blanks.problems(sentence, span_of(sentence, "whole meeting")) == []


def test_a_blank_is_widened_to_its_whole_noun_phrase() -> None:
    sentence = "Good clubs follow a values-based approach to mentoring, not a rulebook."
    start, end = blanks.complete(sentence, span_of(sentence, "approach")) or (0, 0)
    assert sentence[start:end] == "values-based approach"


def test_a_short_statement_becomes_a_question_on_its_object() -> None:
    assert questions.object_question("Grammarians track filler words.") == (
        "What do grammarians track?",
        "Filler words",
    )
    assert questions.object_question("The toastmaster introduces every speaker.") == (
        "What does the toastmaster introduce?",
        "Every speaker",
    )
    assert questions.object_question("They help.") is None


@pytest.mark.parametrize(
    "module", ["leadership_cards.review", "leadership_cards.quiz", "leadership_cards.cli"]
)
def test_commands_that_make_no_cards_never_load_the_tagger(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in sys.modules if m.startswith(('textblob', 'nltk')) "
        "or m.endswith(('generate.syntax', '_pattern_text'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        (
            "A Table Topics answer lasts from one to two minutes at most meetings.",
            "one to two minutes",
        ),
        ("The timer shows the green light after 5 minutes of a prepared speech.", "5 minutes"),
    ],
)
def test_a_number_is_blanked_with_its_unit(sentence: str, answer: str) -> None:
    found = salient_span(sentence)
    assert found is not None
    (start, end), why = found
    assert (sentence[start:end], why) == (answer, "number")


def test_a_count_without_a_unit_is_no_blank() -> None:
    sentence = "The club's officers have two duties: first, to serve members; second, to grow."
    assert "blank is a bare count" in blanks.problems(sentence, span_of(sentence, "two"))
    assert quantities.quantity("Three points can be emphasized about every good speech.") is None


def test_a_blank_inside_a_quotation_is_no_claim() -> None:
    sentence = 'Ask before you give: "Would a thought on your opening speech be useful?"'
    assert "blank is inside a quotation" in blanks.problems(sentence, span_of(sentence, "useful"))


@pytest.mark.parametrize(
    ("sentence", "phrase", "problem"),
    [
        (
            "Pairing the president with these newer officers may be the secret of a strong club.",
            "secret of a strong club",
            "frame points back to an earlier sentence",
        ),
        (
            "Behind every good evaluation lies the notion of candour.",
            "notion of candour",
            "blank is headed by a filler noun",
        ),
        (
            "Good mentors give their time and attention to each new member of the club.",
            "time and attention",
            "blank is a generic noun",
        ),
        (
            "Officers who serve at the top of the district use personal influence daily.",
            "district use",
            "blank ends on a verb read as a noun",
        ),
        (
            "Every club officer is a quiet mentor.",
            "quiet mentor",
            "frame too short for one answer",
        ),
    ],
)
def test_a_blank_the_frame_cannot_single_out_is_refused(
    sentence: str, phrase: str, problem: str
) -> None:
    assert problem in blanks.problems(sentence, span_of(sentence, phrase))


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Mentors who coach those who speak least build the strongest clubs.", "strongest clubs"),
        ("The hardest role for a new member is the general evaluator.", "general evaluator"),
        ("Behind every good evaluation lies a habit of candour.", "candour"),
    ],
)
def test_a_frame_that_says_what_it_points_at_keeps_its_blank(sentence: str, phrase: str) -> None:
    assert blanks.problems(sentence, span_of(sentence, phrase)) == []


@pytest.mark.parametrize(
    ("sentence", "blank"),
    [
        ("Listening to members is the officer's main duty.", "Listening to members"),
        ("For most clubs, the role of treasurer is a steady routine.", "steady routine"),
        ("New members occupy a special place, unlike guests.", "special place"),
        ("Good evaluators have a clear method.", "clear method"),
    ],
)
def test_a_whole_side_of_a_short_copula_is_no_blank(sentence: str, blank: str) -> None:
    start = sentence.index(blank)
    assert "frame too short for one answer" in blanks.problems(
        sentence, (start, start + len(blank))
    )


def test_a_superlative_with_its_qualifier_still_singles_out_its_blank() -> None:
    sentence = "The hardest role for a new member is the general evaluator."
    start = sentence.index("general evaluator")
    assert blanks.problems(sentence, (start, start + len("general evaluator"))) == []


@pytest.mark.parametrize(
    ("sentence", "phrase", "problem"),
    [
        (
            "A follow-up chat with the member is often worth more than the review itself.",
            "often worth",
            "blank is an adverb",
        ),
        (
            "A concrete scene pulls listeners in more surely than a general summary does.",
            "more surely",
            "blank is an adverb",
        ),
        (
            "Note down exact phrases and gestures, not general impressions, for the report.",
            "Note down exact phrases and gestures",
            "blank is a whole clause",
        ),
    ],
)
def test_an_adverb_or_a_whole_instruction_is_no_blank(
    sentence: str, phrase: str, problem: str
) -> None:
    assert problem in blanks.problems(sentence, span_of(sentence, phrase))


def test_the_other_side_of_an_instruction_and_a_noun_with_its_adverb_keep_their_blank() -> None:
    sentence = "Note down exact phrases and gestures, not general impressions, for the report."
    assert blanks.problems(sentence, span_of(sentence, "general impressions")) == []
    sentence = "The key to a strong team is not silence but the safety to disagree openly."
    found = blanks.problems(sentence, span_of(sentence, "safety to disagree openly"))
    assert "blank is an adverb" not in found, found


@pytest.mark.parametrize(
    ("sentence", "blank", "problem"),
    [
        ("Mentors hold a unique place, unlike that of their officers.", "officers", "aside"),
        (
            "Mentors, drawing as they do on long service, show newer members the way.",
            "long service",
            "aside",
        ),
        ("The club's vision forms the platform upon which all work is done.", "platform", "image"),
        ("Mentoring is not merely a ladder to the president's chair.", "president", "image"),
    ],
)
def test_a_blank_inside_an_aside_or_an_image_is_refused(
    sentence: str, blank: str, problem: str
) -> None:
    start = sentence.index(blank)
    assert any(problem in p for p in blanks.problems(sentence, (start, start + len(blank))))


def test_the_claim_outside_an_aside_and_a_plain_noun_keep_their_blank() -> None:
    sentence = "Mentors hold a unique place, unlike that of their officers."
    start = sentence.index("Mentors")
    assert not any("aside" in p for p in blanks.problems(sentence, (start, start + 7)))
    # A result clause at the end is the claim's second half, not an aside.
    sentence = "Power is shared, giving the club not one star but a whole team of costars."
    start = sentence.index("whole team")
    assert not any("aside" in p for p in blanks.problems(sentence, (start, start + 10)))
    sentence = "Trust forms the basis of every decision the board makes."
    start = sentence.index("decision")
    assert not any("image" in p for p in blanks.problems(sentence, (start, start + 8)))


def test_the_side_a_sentence_rules_out_last_is_its_blank() -> None:
    sentence = 'The chair sees members as "staff" or, worse, "helpers," but never as partners.'
    span, why = salient_span(sentence)
    assert sentence[span[0] : span[1]] == "partners" and why == "contrast"


def test_a_gerund_subject_after_an_opening_clause_is_no_aside() -> None:
    sentence = "After a member finishes, waiting two seconds before replying brings out more."
    start = sentence.index("two seconds")
    assert not any("aside" in p for p in blanks.problems(sentence, (start, start + 11)))


def test_a_sentence_that_pictures_a_thing_blanks_the_thing_not_the_picture() -> None:
    sentence = "The club's mission forms the foundation upon which every meeting is planned."
    span, why = salient_span(sentence)
    assert sentence[span[0] : span[1]] == "club's mission" and why == "verdict"
    # A plain noun after "forms the" is no picture: the subject is not preferred for it.
    plain = "The club's mission forms the agenda of every meeting."
    found = salient_span(plain)
    assert found is None or found[1] != "verdict"


# Words of the salient patterns, letters a case-blind pattern reads as ASCII ("İ", "ı", "ſ",
# the Kelvin sign), and the punctuation between them: sentences that come near each pattern.
_PATTERN_TEXT = st.lists(
    st.sampled_from(
        [
            "not",
            "but",
            "more",
            "less",
            "than",
            "rather",
            "instead",
            "of",
            "as",
            "opposed",
            "to",
            "in",
            "place",
            "without",
            "no",
            "cannot",
            "is",
            "are",
            "what",
            "who",
            "key",
            "the",
            "only",
            "most",
            "defined",
            "define",
            "definition:",
            "measured",
            "built",
            "based",
            "rests",
            "on",
            "upon",
            "by",
            "comes",
            "from",
            "led",
            "leads",
            "to",
            "causes",
            "results",
            "in",
            "leaders",
            "trust",
            "team",
            "İS",
            "ıS",
            "WıTHOUT",
            "ſUCH",
            "KEY",
            ",",
            ";",
            "—",
            ".",
            "İ",
            "ı",
            "ſ",
            "K",
        ]
    ),
    max_size=24,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_PATTERN_TEXT)
def test_a_salient_pattern_never_matches_without_the_word_that_gates_it(sentence: str) -> None:
    folded = text_module._folded(sentence)
    for _, needs, rule in text_module._SALIENT_RULES:
        if needs and not any(word in folded for word in needs):
            assert not rule(sentence), (needs, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Good timers rely on clear coloured lights rather than spoken warnings during speeches.",
        "There can be no lasting club growth without steady mentoring by experienced speakers.",
        "Table Topics speakers build confidence, not memorised scripts, through steady practice.",
    ],
)
def test_a_blank_is_good_exactly_when_it_has_no_problem(sentence: str) -> None:
    # `good` stops at the first problem; `problems` names them all: they must agree.
    words = [(t.start, t.end) for t in analyse(sentence).tokens]
    for first in range(len(words)):
        for last in range(first, min(first + 6, len(words))):
            span = (words[first][0], words[last][1])
            assert blanks.good(sentence, span) == (not blanks.problems(sentence, span)), span


@pytest.mark.parametrize(
    "sentence",
    [
        "There can be no lasting club growth WıTHOUT steady mentoring by experienced speakers.",
        "Careful listening İS \u212aEY to trust in every club.",
        "Clubs grow leſs on any officer's talent than on the team's habit of showing up.",
        "Good timers rely on clear coloured lights RATHER THAN spoken warnings.",
    ],
)
def test_a_pattern_read_through_odd_capitals_still_passes_its_gate(sentence: str) -> None:
    folded = text_module._folded(sentence)
    matched = [needs for _, needs, rule in text_module._SALIENT_RULES if needs and rule(sentence)]
    assert matched, sentence
    assert all(any(word in folded for word in needs) for needs in matched)
