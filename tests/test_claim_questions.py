"""Claims whose point no blank can hold are asked as questions that name their chapter: a
"when" or "because" clause, the side a contrast puts in place of the one it rejects, an
object or complement, a duration, a source; numbers keep the words that say how exact they
are; compound sentences give a claim a clause. All on text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Card
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.blanks import problems
from leadership_cards.generate.quality import deck_problems
from leadership_cards.generate.quality import problems as card_problems
from leadership_cards.generate.quantities import quantities
from leadership_cards.generate.questions import (
    claim_question,
    clause_question,
    contrast_question,
    copular_question,
    object_question,
    origin_question,
    subject_question,
)
from leadership_cards.generate.text import clauses, main_clause
from leadership_cards.source import read_document


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "Loyalty grows when members feel valued.",
            "When does loyalty grow?",
            "When members feel valued",
        ),
        (
            "Volunteers leave because nobody thanks them.",
            "Why do volunteers leave?",
            "Because nobody thanks them",
        ),
        (
            "Most agendas fail not because they are long but because they are unclear.",
            "Why do most agendas fail?",
            "Because they are unclear",
        ),
        (
            "Scope creep happens when a project grows without a decision.",
            "What is it called when a project grows without a decision?",
            "Scope creep",
        ),
    ],
)
def test_a_when_or_because_clause_is_asked_as_a_question(
    sentence: str, question: str, answer: str
) -> None:
    assert clause_question(sentence) == (question, answer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Loyalty grows when members feel valued, when goals are clear, and when leaders listen.",
        "It grows when members feel valued.",  # no subject of its own
        "Loyalty grew when members felt valued.",  # narration
        "Members who stay when others leave are rare.",  # no plain main clause before "when"
    ],
)
def test_a_clause_question_needs_one_plain_claim(sentence: str) -> None:
    assert clause_question(sentence) is None


def test_a_contrast_asks_for_the_side_the_chapter_keeps() -> None:
    asked, span = contrast_question(
        "The budget is not a wish list but a record of what the club will do."
    )
    assert asked == ("What is the budget, if not a wish list?", "A record of what the club will do")
    asked, _ = contrast_question("The chair speaks not to decide but to open the floor.")
    assert asked == ("Why does the chair speak, if not to decide?", "To open the floor")
    assert contrast_question("This is not a test but a rehearsal.") is None  # no subject named


@pytest.mark.parametrize(
    ("sentence", "question", "answer"),
    [
        (
            "Audiences remember a single vivid image.",
            "What do audiences remember?",
            "A single vivid image",
        ),
        (
            "Printed agendas work well for long, formal meetings.",
            "What do printed agendas work well for?",
            "Long, formal meetings",
        ),
        ("A hurried bow looks awkward.", "How does a hurried bow look?", "Awkward"),
        (
            "A chair who decides everything becomes the bottleneck.",
            "What does a chair who decides everything become?",
            "The bottleneck",
        ),
        (
            "A board meeting lasts from one to two hours.",
            "How long does a board meeting last?",
            "From one to two hours",
        ),
    ],
)
def test_a_claim_is_asked_for_its_object_or_complement(
    sentence: str, question: str, answer: str
) -> None:
    assert claim_question(sentence) == (question, answer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Researchers distinguish two kinds.",  # a count of what comes next
        "Short-term wins keep a change alive.",  # an object and its complement
        "A leader teaches the team to wait.",  # an object and its own clause
        "A relationship with no end tends to drift.",  # an infinitive, not an object
    ],
)
def test_an_object_question_needs_one_plain_object(sentence: str) -> None:
    assert claim_question(sentence) is None


def test_a_superlative_complement_asks_for_the_subject() -> None:
    assert copular_question("A story is the strongest opening of all.") == (
        "What is the strongest opening of all?",
        "A story",
    )


def test_a_key_of_two_purposes_is_asked_for_the_first() -> None:
    """ "The key to X is to A and to B": two purposes too long for one answer; the first is
    asked. One purpose of many words is still too long to ask."""
    assert copular_question(
        "The key to resolving conflict is to separate the people from the problem and to ask "
        "why before arguing about what."
    ) == ("What is the key to resolving conflict?", "To separate the people from the problem")
    assert (
        copular_question(
            "The key to resolving conflict is to separate the people who disagree from the "
            "problem that they share with everyone."
        )
        is None
    )


def test_a_source_and_a_named_subject_are_asked() -> None:
    assert origin_question('The word "gavel" comes from an old word for a mason\'s mallet.') == (
        'Where does the word "gavel" come from?',
        "An old word for a mason's mallet",
    )
    assert subject_question("The club secretary keeps the minutes of every meeting.") == (
        "What keeps the minutes of every meeting?",
        "The club secretary",
    )
    assert subject_question("Researchers distinguish two kinds of goals.") is None


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Clubs lose about 30 percent of new members in their first year.", "about 30 percent"),
        ("The board meets at least once a month to review the goals.", "at least once a month"),
        ("Most members give a prepared speech twice a year at the club.", "twice a year"),
        ("The term runs for one year, from July 1 to June 30.", "one year"),
    ],
)
def test_a_number_keeps_its_hedge_and_its_frequency(sentence: str, phrase: str) -> None:
    found = [sentence[a:b] for a, b in quantities(sentence)]
    assert phrase in found
    span = next(s for s in quantities(sentence) if sentence[s[0] : s[1]] == phrase)
    assert problems(sentence, span) == []


def test_a_hedge_is_no_blank_without_its_number() -> None:
    sentence = "Members talk about the agenda before every meeting of the club."
    start = sentence.index("about")
    assert problems(sentence, (start, start + len("about the agenda")))


def test_compound_sentences_give_each_claim_a_clause() -> None:
    assert clauses("Praise is public; correction is private.") == [
        "Praise is public.",
        "Correction is private.",
    ]
    assert clauses(
        "A chair who listens learns, names the problem, and helps the club through it."
    ) == ["A chair who listens learns, names the problem, and helps the club through it."]
    assert clauses("Goals; methods; priorities are set.") == ["Goals; methods; priorities are set."]
    assert main_clause("A story is the best opening, because people follow narratives.") == (
        "A story is the best opening."
    )


CHAPTER = """Running the Board

Loyalty grows when members feel valued. Volunteers leave because nobody thanks them.

The budget is not a wish list but a record of what the club will do. A board meeting lasts \
from one to two hours. Audiences remember a single vivid image.

Kotter found that most boards stall because they review too much and decide too little.
"""


def chapter_cards(tmp_path: Path) -> list[Card]:
    path = tmp_path / "board.txt"
    path.write_text(CHAPTER, encoding="utf-8")
    return generate_chapter(read_document(path), deck="club", title="Running the Board")


def test_question_cards_name_their_chapter_and_break_no_rule(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path)
    fronts = {c.front: c.back for c in cards}
    assert fronts["In “Running the Board”, when does loyalty grow?"] == "When members feel valued"
    assert (
        fronts["In “Running the Board”, why do volunteers leave?"] == "Because nobody thanks them"
    )
    assert (
        fronts["In “Running the Board”, what is the club's budget, if not a wish list?"]
        == "A record of what the club will do"
    )
    assert fronts["In “Running the Board”, how long does a board meeting last?"] == (
        "From one to two hours"
    )
    assert not [c for c in cards if card_problems(c)]
    assert not deck_problems(cards)


def test_a_reported_finding_is_asked_with_its_author(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path)
    assert any("according to Kotter" in c.front and c.back.startswith("Because") for c in cards), [
        c.front for c in cards
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Changes behavior patterns with elan.",
        "Gives direction to less well equipped coworkers.",
    ],
)
def test_a_verb_the_tagger_read_as_the_subject_makes_no_question(sentence: str) -> None:
    assert claim_question(sentence) is None
    assert object_question(sentence) is None


def test_a_plain_plural_subject_is_still_asked_about() -> None:
    assert claim_question("Audiences remember a single idea.") == (
        "What do audiences remember?",
        "A single idea",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Implicit in every good meeting is the habit of listening.",
        "Essential to lasting trust is the habit of candor.",
        "Here is the heart of the matter.",
    ],
)
def test_an_inverted_copula_whose_front_is_no_noun_phrase_makes_no_question(
    sentence: str,
) -> None:
    assert copular_question(sentence) is None


def test_a_noun_phrase_named_by_the_copula_is_still_asked_about() -> None:
    assert copular_question("The open question is the coach's working instrument.") == (
        "What is the coach's working instrument?",
        "The open question",
    )


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        (
            "Change succeeds or fails in the middle of the organization.",
            ("Where does change succeed or fail?", "In the middle of the organization"),
        ),
        (
            "Followers who are punished for a decision that went wrong soon stop deciding at all.",
            (
                "What do followers who are punished for a decision that went wrong soon do?",
                "Stop deciding at all",
            ),
        ),
        (
            "Most failed projects were planned in haste.",
            ("How were most failed projects planned?", "In haste"),
        ),
        (
            "Moving someone up a level is itself a form of recognition.",
            ("What is moving someone up a level a form of?", "Recognition"),
        ),
        (
            "The leader who simply answers takes the task back.",
            ("What does the leader who simply answers do?", "Take the task back"),
        ),
        (
            "A team that watches its leader change a habit will offer the next comment sooner.",
            (
                "What will a team that watches its leader change a habit do?",
                "Offer the next comment sooner",
            ),
        ),
        (
            "Pace is the lever most speakers misuse.",
            ("What is the lever most speakers misuse?", "Pace"),
        ),
        (
            "Leaders who reward early warnings hear about trouble while it is still small.",
            (
                "When do leaders who reward early warnings hear about trouble?",
                "While it is still small",
            ),
        ),
        (
            "The fear fades long before the skill is polished.",
            ("When does the fear fade?", "Long before the skill is polished"),
        ),
        ("Timing matters more than the words.", ("What matters more than the words?", "Timing")),
        (
            "Preparation decides most negotiations.",
            ("What decides most negotiations?", "Preparation"),
        ),
        (
            "Agreements made in a hurry tend to unravel.",
            ("What do agreements made in a hurry tend to do?", "Unravel"),
        ),
        (
            "A strong close matters as much as a strong opening.",
            ("What matters as much as a strong opening?", "A strong close"),
        ),
        (
            "A moderator's job is to make the panellists look good.",
            ("What is a moderator's job?", "To make the panellists look good"),
        ),
        (
            "The purpose of an evaluation is to help the speaker grow.",
            ("What is the purpose of an evaluation?", "To help the speaker grow"),
        ),
        (
            "Observations about shared experiences are safer than jokes.",
            ("What is safer than jokes?", "Observations about shared experiences"),
        ),
        (
            "Teams that work long hours make more mistakes.",
            ("What do teams that work long hours do?", "Make more mistakes"),
        ),
        (
            "A speaker who says a line in a flat voice has told the audience the opposite.",
            (
                "What has a speaker who says a line in a flat voice done?",
                "Told the audience the opposite",
            ),
        ),
    ],
)
def test_what_a_subject_does_where_or_how_is_asked(sentence: str, asked: tuple) -> None:
    from leadership_cards.generate.questions import predicate_question

    assert predicate_question(sentence) == asked


@pytest.mark.parametrize(
    "sentence",
    [
        "Novice coaches rush to rephrase a question.",  # "What do novice coaches do?": vague
        "The meeting ended in the first hour.",  # a time, and a story
        "The team met in the library.",  # past tense: narration
        "Trust is seen in friendship.",  # where, not how
        "Followers who believe their leader listens bring problems early.",  # a misread verb
        "A club whose officers drift loses them within a year.",  # "them": who?
        "Good teams will offer the next comment sooner.",  # no clause names the subject
        "Trust is the thing.",  # no clause describes the thing asked for
        "This is the lever most speakers misuse.",  # "this": which?
        "Inner leaders grow while CEOs focus on growth.",  # "while": a contrast, not a time
        '"What got in the way?" gathers facts.',  # a quotation is no subject to ask about
        "They work better than rules.",  # who?
        "The best way is to begin.",  # no job, role or purpose named
        "Leaders who refuse to delegate usually give one of three reasons.",  # a list's count
        "Leaders tend to rush.",  # "What do leaders tend to do?": as many answers as a chapter
        "Decisions fail more often than leaders admit.",  # a bare plural: no one thing named
    ],
)
def test_a_predicate_question_needs_a_named_subject_and_a_plain_shape(sentence: str) -> None:
    from leadership_cards.generate.questions import predicate_question

    assert predicate_question(sentence) is None


def test_a_finding_over_many_cases_is_a_claim_though_past(tmp_path: Path) -> None:
    path = tmp_path / "deciding.txt"
    path.write_text(
        "Deciding Well\n\nWe studied many projects. Most failed projects were planned in "
        "haste. The team met in the library.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Deciding Well")
    fronts = [card.front for card in cards]
    assert "In “Deciding Well”, how were most failed projects planned?" in fronts
    assert not any("library" in card.back.lower() for card in cards)


def test_a_participle_after_the_subject_and_who_receives_stay_in_the_question() -> None:
    asked = claim_question("A win declared too early gives critics their best argument.")
    assert asked == ("What does a win declared too early give critics?", "Their best argument")
    # A past verb with no present verb after it is a story, not a subject's description.
    assert claim_question("A win declared too early gave critics their best argument.") is None


def test_a_blank_holds_what_is_given_not_who_receives_it_too() -> None:
    sentence = "A late start gives critics their best argument."
    start = sentence.index("critics")
    assert "blank holds who receives and what is given" in problems(
        sentence, (start, len(sentence) - 1)
    )
    copula = "What a leader can do is shape the conditions."
    at = copula.index("shape")
    assert "blank holds who receives and what is given" not in problems(copula, (at, at + 20))


def test_a_setting_that_opens_the_sentence_opens_the_question(tmp_path: Path) -> None:
    path = tmp_path / "crisis.txt"
    path.write_text(
        "Crisis Work\n\nA crisis changes how a team behaves. In a crisis, teams follow the "
        "loudest voice. In this case, they follow the plan.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Crisis Work")
    asked = {card.front: card.back for card in cards}
    assert asked.get("In “Crisis Work”, in a crisis, what do teams follow?") == "The loudest voice"
    assert not any("plan" in back.lower() for back in asked.values())  # "this case": which?


def test_an_object_whose_own_clause_ends_on_an_adverb_is_still_asked() -> None:
    asked = claim_question("The audience misses the sentences that matter most.")
    assert asked == ("What does the audience miss?", "The sentences that matter most")
    assert claim_question("Short-term wins keep a change alive.") is None  # a complement


def test_what_people_report_is_read_as_the_claim_and_a_consequence_is_not_asked_apart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "topics.txt"
    path.write_text(
        "Table Topics\n\nPractice changes speakers. Members who speak every week report "
        "that stage fright fades within a season. Nervous speakers speed up, and the "
        "audience misses the sentences that matter most.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Table Topics")
    answers = [card.back.lower() for card in cards]
    assert any("within a season" in a or "stage fright" in a for a in answers), answers
    assert not any(a == "the sentences that matter most" for a in answers)


def test_how_a_subject_does_what_it_does_is_asked_by_its_adverb() -> None:
    assert claim_question("Stress affects teams unevenly.") == (
        "How does stress affect teams?",
        "Unevenly",
    )


def test_a_relative_subject_question_needs_the_main_verb_not_a_later_clause() -> None:
    from leadership_cards.generate.questions import relative_subject_question

    sentence = "Leaders who reward early warnings hear about trouble while it is still small."
    assert relative_subject_question(sentence) is None
    assert relative_subject_question(
        "A member who takes a role every week grows into a confident speaker."
    ) == ("Which member grows into a confident speaker?", "A member who takes a role every week")


@pytest.mark.parametrize(
    ("sentence", "asked"),
    [
        ("Avoid humour that targets a group.", "What should you avoid?"),
        ("Raise your glass only at the end of the toast.", "When should you raise your glass?"),
        ("Never explain a joke that failed; move on.", "What should you never explain?"),
        ("Start with small moments of humour.", "What should you start with?"),
    ],
)
def test_advice_given_as_an_instruction_is_asked_of_you(
    tmp_path: Path, sentence: str, asked: str
) -> None:
    path = tmp_path / "humour.txt"
    path.write_text(f"Humour\n\nHumour relaxes people. {sentence}\n", encoding="utf-8")
    cards = generate_chapter(read_document(path), deck="d", title="Humour")
    assert f"In “Humour”, {asked[:1].lower()}{asked[1:]}" in [card.front for card in cards]


def test_a_noun_that_opens_a_claim_is_no_instruction() -> None:
    from leadership_cards.generate.claims import advice

    assert advice("Timing matters more than the words.") is None
    assert advice("Test results show steady growth.") is None
    assert advice("Avoid humour that targets a group.") == (
        "The reader should avoid humour that targets a group."
    )


def test_an_adverb_of_time_or_a_pointing_one_makes_no_question() -> None:
    from leadership_cards.generate.questions import predicate_question, relative_subject_question

    once = "Leaders announce the vision once, at a meeting, and assume the work is done."
    assert predicate_question(once) is None
    assert clause_question(once) is None
    # "one" stands for the vision the sentence before named.
    assert relative_subject_question("A leader who needs three slides does not have one.") is None
    # An object runs no further than a condition: the condition is asked, not run into it.
    assert claim_question("People believe the decisions when the two disagree.") is None


def test_a_leading_condition_stands_in_front_of_its_question(tmp_path: Path) -> None:
    path = tmp_path / "vision.txt"
    path.write_text(
        "Vision\n\nA vision must be lived. When a coach waits after a question, the other "
        "person usually fills the silence with a better answer.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Vision")
    assert any(
        card.front.startswith("In “Vision”, when a coach waits after a question, what")
        and card.back == "A better answer"
        for card in cards
    ), [(card.front, card.back) for card in cards]


def test_the_second_place_of_a_two_place_verb_is_asked_with_the_object_kept() -> None:
    assert claim_question("Planned movement turns nervous energy into structure.") == (
        "What does planned movement turn nervous energy into?",
        "Structure",
    )
    # "with" after an object that is no second place: the object stays the answer.
    assert claim_question("Good chairs open the meeting with a clear purpose.") != (
        "What do good chairs open the meeting with?",
        "A clear purpose",
    )


def test_a_blank_neither_opens_on_a_sentence_adverb_nor_splits_rather_than() -> None:
    sentence = "Modelling good habits is therefore part of the job."
    start = sentence.index("therefore")
    assert "blank starts on a sentence adverb" in problems(sentence, (start, len(sentence) - 1))
    compared = "Tired leaders react rather than respond."
    at = compared.index("react")
    assert "blank splits a phrase" in problems(compared, (at, at + len("react rather")))


def test_the_side_kept_before_the_side_rejected_is_asked_for() -> None:
    asked = contrast_question("Trust, not authority, moves followers.")
    assert asked is not None and asked[0] == ("What moves followers, if not authority?", "Trust")
    assert contrast_question("This, not that, moves followers.") is None


def test_what_studies_show_is_asked_with_its_time(tmp_path: Path) -> None:
    path = tmp_path / "energy.txt"
    path.write_text(
        "Energy\n\nSleep matters to leaders. Studies of sleep loss show that judgment "
        "suffers long before people notice that they are tired. Modelling good habits is "
        "therefore part of the job, not a private matter.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Energy")
    asked = {card.front: card.back for card in cards}
    assert asked.get("In “Energy”, when does judgment suffer?") == (
        "Long before people notice that they are tired"
    )
    assert "Therefore" not in " ".join(asked.values())


def test_a_blank_ending_on_its_clause_verb_is_a_whole_clause() -> None:
    sentence = "A team that practises adapts faster when a large change arrives."
    at = sentence.index("large")
    assert "blank is a whole clause" in problems(sentence, (at, len(sentence) - 1))
    plural = "Strong teams welcome large changes."
    at = plural.index("large")
    assert "blank is a whole clause" not in problems(plural, (at, len(plural) - 1))


def test_people_are_asked_with_who_and_a_second_verb_phrase_is_no_object() -> None:
    from leadership_cards.generate.questions import predicate_question

    assert claim_question("Surprises embarrass panellists and rarely produce better answers.") == (
        "Who do surprises embarrass?",
        "Panellists",
    )
    assert claim_question("The best moderators speak less than anyone else.") is None
    assert predicate_question("The best moderators speak less than anyone else.") == (
        "Who speaks less than anyone else?",
        "The best moderators",
    )
    # An argument is no person; a feeling is asked how, not what.
    assert claim_question("A late win gives critics their best argument.") == (
        "What does a late win give critics?",
        "Their best argument",
    )
    assert claim_question('"Great job" feels kind and teaches nothing.') is None


def test_the_kind_kept_and_the_kind_rejected_are_asked_as_a_contrast() -> None:
    asked = contrast_question("Leadership is a social, not a structural, phenomenon.")
    assert asked is not None
    assert asked[0] == ("What kind of phenomenon is leadership, if not structural?", "Social")


def test_a_claim_stated_as_what_something_is_is_read_but_a_held_view_is_not() -> None:
    from leadership_cards.generate.claims import _readings

    assert "Inspiration moves followers." in list(
        _readings("The lesson of the study is that inspiration moves followers.")
    )
    assert "The job is to motivate workers." not in list(
        _readings("The conventional wisdom is that the job is to motivate workers.")
    )


def test_a_rejected_word_against_a_long_side_kept_is_no_contrast_question() -> None:
    sentence = "The aim is to leave the person feeling celebrated, not exposed."
    assert contrast_question(sentence) is None


def test_what_it_is_important_to_do_is_asked() -> None:
    from leadership_cards.generate.questions import extraposed_question
    from leadership_cards.generate.text import dangles

    sentence = "It is important to notice which tasks drain you."
    assert not dangles(sentence)
    assert extraposed_question(sentence) == (
        "What is it important to notice?",
        "Which tasks drain you",
    )
    assert extraposed_question("It is tempting to answer every question yourself.") == (
        "What is it tempting to answer yourself?",
        "Every question",
    )
    assert extraposed_question("It is easy to think of them as robots.") is None


def test_before_or_after_something_is_asked_when() -> None:
    from leadership_cards.generate.questions import predicate_question

    assert predicate_question("The reader should pause before the punchline.") == (
        "When should the reader pause?",
        "Before the punchline",
    )


def test_a_list_item_named_by_its_place_blocks_only_the_question_that_shows_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "levels.txt"
    path.write_text(
        "Levels\n\nDelegation has levels. A good reply asks what the follower would "
        "recommend, which returns the task to the second level. The second level suits "
        "new members.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="d", title="Levels")
    asked = {card.front: card.back for card in cards}
    assert asked.get("In “Levels”, what does a good reply ask?") == (
        "What the follower would recommend"
    )
    assert not any("second level" in front for front in asked)


def test_what_a_described_subject_does_to_its_object_is_asked() -> None:
    assert claim_question(
        "An opening that never arrives at the point leaves the audience amused and lost."
    ) == (
        "How does an opening that never arrives at the point leave the audience?",
        "Amused and lost",
    )
    assert claim_question("A question that everyone can answer invites a shrug.") == (
        "What does a question that everyone can answer invite?",
        "A shrug",
    )
    assert claim_question("A leader knows an answer.") is None  # too general to ask
    assert claim_question('"What got in the way?" gathers facts.') is None


def test_what_a_group_has_in_common_is_asked_from_its_colon() -> None:
    from leadership_cards.generate.questions import in_common_question

    assert in_common_question(
        "The projects that succeeded had something in common: each had a named owner."
    ) == ("What did the projects that succeeded have in common?", "Each had a named owner")
    assert in_common_question("They had something in common: a named owner.") is None
