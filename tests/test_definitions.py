"""Every common form of definition yields a "What is X?" card, on chapters written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadership_cards.cards import Card, Kind
from leadership_cards.generate import generate_chapter
from leadership_cards.generate.definitions import asks_for_a_term
from leadership_cards.source import read_document


def chapter_cards(tmp_path: Path, body: str, title: str = "Club Roles") -> list[Card]:
    path = tmp_path / "chapter.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return generate_chapter(read_document(path), deck="roles", title=title)


@pytest.mark.parametrize(
    ("sentence", "front", "back"),
    [
        (
            "Table Topics is the impromptu speaking part of a club meeting.",
            "In “Club Roles”, what is Table Topics?",
            "The impromptu speaking part of a club meeting.",
        ),
        (
            "A pathway is a series of speech projects built around one set of skills.",
            "In “Club Roles”, what is a pathway?",
            "A series of speech projects built around one set of skills.",
        ),
        (
            "Delegation is the transfer of authority from a club officer to a member.",
            "In “Club Roles”, what is delegation?",
            "The transfer of authority from a club officer to a member.",
        ),
        (
            "Active listening means attending to a speaker's words, tone and intent.",
            "In “Club Roles”, what is active listening?",
            "Attending to a speaker's words, tone and intent.",
        ),
        (
            "A gavel refers to the small hammer the presiding officer uses.",
            "In “Club Roles”, what is a gavel?",
            "The small hammer the presiding officer uses.",
        ),
        (
            "By crutch words we mean fillers such as um, ah and you know.",
            "In “Club Roles”, what are crutch words?",
            "Fillers such as um, ah and you know.",
        ),
        (
            "A quorum is defined as the number of members who must be present to vote.",
            "In “Club Roles”, what is a quorum?",
            "The number of members who must be present to vote.",
        ),
    ],
)
def test_every_definition_form_yields_its_card(  # every definition names its chapter
    tmp_path: Path, sentence: str, front: str, back: str
) -> None:
    body = f"{sentence} Members learn the term in their first month."
    cards = [c for c in chapter_cards(tmp_path, body) if _asks_a_meaning(c)]
    assert len(cards) == 1, [c.front for c in cards]
    card = cards[0]
    assert card.front == front
    assert card.back == back


@pytest.mark.parametrize(
    "sentence",
    [
        "This is the hardest part of any meeting for a new member to master.",
        "The result is a more confident speaker after only a few meetings.",
        "Preparation is the key to a good evaluation of any prepared speech.",
        "Members who speak often are the ones who improve the fastest.",
        "Name the speaker's goal and what it means for the next speech.",
        "Rehearse your opening line and what it means for the room.",
    ],
)
def test_a_statement_of_the_same_shape_is_not_a_definition(tmp_path: Path, sentence: str) -> None:
    cards = chapter_cards(tmp_path, f"{sentence} Members learn this in their first month.")
    assert not [c for c in cards if c.kind is Kind.DEFINITION], [c.front for c in cards]


def test_glossary_entries_and_marked_terms_yield_definitions(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(
        "# Evaluation Words\n\n"
        "Words evaluators use when they talk about a speech.\n\n"
        "- **Commend**: name a strength specifically enough that the speaker can repeat it.\n"
        "- **Vocal variety**: changing pitch, pace and volume so the voice carries meaning.\n\n"
        "Hook: a question or story that opens a speech and makes the audience want more.\n\n"
        "**Active listening** is attention to what a speaker means as well as what they say.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="words", title="Evaluation Words")
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Evaluation Words”, what does “commend” mean?"] == (
        "Name a strength specifically enough that the speaker can repeat it."
    )
    assert asked["In “Evaluation Words”, what does “vocal variety” mean?"].startswith(
        "Changing pitch, pace"
    )
    assert asked["In “Evaluation Words”, what does “hook” mean?"].startswith("A question or story")
    assert asked["In “Evaluation Words”, what does “active listening” mean?"].startswith(
        "Attention to what a speaker"
    )


def test_a_statement_with_a_colon_is_not_a_glossary_entry(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Good clubs share one habit: they start every meeting on time.\n\n"
        "Three roles matter most: the timer, the grammarian and the evaluator.",
    )
    assert not [c for c in cards if c.kind is Kind.DEFINITION], [c.front for c in cards]


def test_an_acronym_is_asked_what_it_stands_for(tmp_path: Path) -> None:
    cards = chapter_cards(tmp_path, "PREP stands for point, reason, example, point.")
    assert [(c.front, c.back) for c in cards if c.kind is Kind.DEFINITION] == [
        ("In “Club Roles”, what does PREP stand for?", "Point, reason, example, point.")
    ]


@pytest.mark.parametrize(
    ("sentence", "front", "back"),
    [
        (
            "Reverse delegation happens when a follower hands a problem back to the leader.",
            "In “Club Roles”, what is reverse delegation?",
            "When a follower hands a problem back to the leader.",
        ),
        (
            "Accountability, in this chapter, means the duty to answer for a result, and it "
            "cannot be delegated.",
            "In “Club Roles”, what is accountability?",
            "The duty to answer for a result.",
        ),
    ],
)
def test_a_definition_keeps_to_its_meaning(
    tmp_path: Path, sentence: str, front: str, back: str
) -> None:
    cards = [c for c in chapter_cards(tmp_path, sentence) if _asks_a_meaning(c)]
    assert [(c.front, c.back) for c in cards] == [(front, back)]


def _asks_a_meaning(card: Card) -> bool:
    return card.kind is Kind.DEFINITION and not asks_for_a_term(card)


def test_a_glossary_term_of_several_words_names_its_chapter(tmp_path: Path) -> None:
    # "Sergeant at Arms" ordinarily means a parliamentary officer: only the chapter says
    # that the club officer is meant.
    cards = chapter_cards(
        tmp_path, "Sergeant at Arms: prepares the meeting room and greets guests at the door."
    )
    fronts = [c.front for c in cards if c.kind is Kind.DEFINITION]
    assert fronts == ["In “Club Roles”, what does “Sergeant at Arms” mean?"]


def test_a_long_many_part_meaning_is_not_one_answer(tmp_path: Path) -> None:
    sentence = (
        "For current purposes, mentoring is a voluntary relationship between an experienced "
        "member and a newer one in which both agree on goals, meet on a schedule, review "
        "each speech together, share contacts across clubs and trust each other enough to "
        "speak plainly."
    )
    assert not [c for c in chapter_cards(tmp_path, sentence) if c.kind is Kind.DEFINITION]


def test_a_contrast_is_a_claim_not_a_definition(tmp_path: Path) -> None:
    # "What is mentoring?" -> "A personal, not a formal, bond" would be too open to answer.
    cards = chapter_cards(tmp_path, "Mentoring is a personal, not a formal, bond between members.")
    assert not [c for c in cards if c.front.endswith("what is mentoring?")]


@pytest.mark.parametrize(
    ("sentence", "front", "back"),
    [
        (
            "A premortem is a short exercise that turns the team's imagination against its "
            "own plan.",
            "In “Club Roles”, what is the term for a short exercise that turns the team's "
            "imagination against its own plan?",
            "A premortem",
        ),
        (
            "Task conflict is disagreement about the work itself: goals, methods, priorities.",
            "In “Club Roles”, what is the term for disagreement about the work itself?",
            "Task conflict",
        ),
        (
            "Accountability means the duty to answer for a result.",
            "In “Club Roles”, what is the term for the duty to answer for a result?",
            "Accountability",
        ),
    ],
)
def test_a_term_is_asked_from_its_meaning(
    tmp_path: Path, sentence: str, front: str, back: str
) -> None:
    cards = [c for c in chapter_cards(tmp_path, sentence) if asks_for_a_term(c)]
    assert [(c.front, c.back) for c in cards] == [(front, back)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pace is the lever most speakers misuse, and slowing down is the cure.",
        "A story is the strongest opening of all, because people follow a narrative.",
        "Transition is the inner process people go through to come to terms with it.",
        "Leadership is a way of working with a leadership team.",
    ],
)
def test_a_verdict_or_a_leaning_meaning_is_not_asked_for_its_term(
    tmp_path: Path, sentence: str
) -> None:
    """ "The lever most speakers misuse" says something of pace; it is not what "pace"
    means, and a meaning with "it" in it, or one that names its term, gives nothing to
    recognise."""
    assert not [c for c in chapter_cards(tmp_path, sentence) if asks_for_a_term(c)]


def test_two_definitions_in_one_sentence_each_yield_a_card(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path, "A position is what someone says they want; an interest is why they want it."
    )
    assert [(c.front, c.back) for c in cards if c.kind is Kind.DEFINITION] == [
        ("In “Club Roles”, what is a position?", "What someone says they want."),
        ("In “Club Roles”, what is an interest?", "Why they want it."),
    ]


def test_a_meaning_without_an_article_is_a_noun_not_a_verdict(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Task conflict is disagreement about the work itself: goals, methods, priorities.\n\n"
        "Consensus is slow in large clubs. Trust is earned in small moments. "
        "Ownership is what carries a plan through the first setback.",
    )
    assert [(c.front, c.back) for c in cards if _asks_a_meaning(c)] == [
        ("In “Club Roles”, what is task conflict?", "Disagreement about the work itself.")
    ]


def test_a_short_contrast_after_a_colon_asks_what_the_term_is_if_not_the_other(
    tmp_path: Path,
) -> None:
    cards = chapter_cards(
        tmp_path, "The last four words carry the weight: feedback is an offer, not an order."
    )
    assert ("In “Club Roles”, what is feedback, if not an order?", "An offer.") in [
        (c.front, c.back) for c in cards
    ]


def test_a_definition_that_refers_to_the_sentence_before(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Urgency is not panic, and it is not a deadline handed down. It means that enough "
        "people believe the present situation is more dangerous than the change.\n\n"
        "Groupthink is the danger that grows with a team's closeness. Janis described it as "
        "the habit of a close group that puts agreement ahead of a realistic look at the "
        "alternatives (Janis, 1972).\n\n"
        "Specific praise is praise that names the behaviour and its effect. It is the "
        "cheapest development tool a leader has, and the least used.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what does urgency mean?"] == (
        "Enough people believe the present situation is more dangerous than the change."
    )
    assert asked["In “Club Roles”, what is groupthink, as Janis described it?"] == (
        "The habit of a close group that puts agreement ahead of a realistic look at the "
        "alternatives."
    )
    assert (
        asked[
            "In “Club Roles”, what is the cheapest development tool a leader has, and the least used?"
        ]
        == "Specific praise"
    )


def test_it_with_no_term_before_defines_nothing(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Members vote at the annual meeting. It means that enough people believe the club "
        "is worth keeping. It is the most important night of the year for the club.",
    )
    assert not [c for c in cards if c.kind is Kind.DEFINITION], [c.front for c in cards]


def test_a_name_given_in_passing_is_blanked_and_an_acronym_asked(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Bridges saw transition as starting with an ending, passing through a confusing "
        "middle he called the neutral zone, and only then arriving at a new beginning.\n\n"
        "The Center for Creative Leadership teaches a shape called SBI, which stands for "
        "situation, behaviour, impact.\n\n"
        "The Topicsmaster calls on speakers one at a time. Decide by a named person after "
        "consultation.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert "the neutral zone" in asked.values()
    assert asked["In “Club Roles”, what does SBI stand for?"] == "Situation, behaviour, impact."
    assert not [c for c in cards if c.back in ("speakers", "person after consultation")]


def test_a_term_and_its_meaning_side_by_side(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "The first is autonomy, the sense of choosing one's own actions rather than being "
        "controlled.\n\n"
        "Two dimensions place the modes: assertiveness, how far you pursue your own "
        "concerns, and cooperativeness, how far you pursue the other person's concerns.\n\n"
        "A club is led by an elected team of officers, the club executive committee.\n\n"
        "When two followers are in conflict, the leader is tempted to decide for them.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is autonomy?"] == (
        "The sense of choosing one's own actions rather than being controlled."
    )
    assert asked["In “Club Roles”, what is assertiveness?"] == (
        "How far you pursue your own concerns."
    )
    assert asked["In “Club Roles”, what is an elected team of officers called?"] == (
        "The club executive committee"
    )
    assert not [front for front in asked if "in conflict" in front]


def test_a_definition_inside_a_longer_sentence(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "Buying time is allowed, and it is a technique rather than a weakness.\n\n"
        "Generate at least two real options, because a decision with one option is only a "
        "proposal waiting for approval.\n\n"
        "The first is autonomy, the sense of choosing one's own actions.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is buying time, if not a weakness?"] == "A technique."
    assert asked["In “Club Roles”, what is a decision with one option?"] == (
        "A proposal waiting for approval."
    )
    assert asked[
        "In “Club Roles”, what is the term for the sense of choosing one's own actions?"
    ] == ("Autonomy")
    # A description of five words is no name to recall.
    assert "A decision with one option" not in asked.values()


def test_what_goes_by_a_name_is_asked_for(tmp_path: Path) -> None:
    cards = chapter_cards(
        tmp_path,
        "The Vice President Education is often called the busiest officer, because every "
        "agenda depends on the roles being filled.",
    )
    assert (
        "In “Club Roles”, what is often called the busiest officer?",
        "The Vice President Education",
    ) in [(c.front, c.back) for c in cards]


def test_a_marked_term_that_is_called_something_is_asked_for_by_that_name(tmp_path: Path) -> None:
    path = tmp_path / "officers.md"
    path.write_text(
        "# Officers\n\nThe **Vice President Education** is often called the busiest officer, "
        "because every agenda depends on the roles being filled.\n",
        encoding="utf-8",
    )
    cards = generate_chapter(read_document(path), deck="o", title="Officers")
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked == {
        "In “Officers”, what is often called the busiest officer?": "The Vice President Education"
    }


def test_a_listed_term_is_asked_with_the_model_or_set_it_belongs_to(tmp_path: Path) -> None:
    """ "Situation" means what it does in the SBI model, not in general; "competing" is one
    of the conflict modes. A glossary under a bare heading ("Structure") stays as it was."""
    model = (
        "## The SBI model\n\n"
        "Feedback takes a three-part shape:\n\n"
        "1. **Situation**: name when and where it happened.\n"
        "2. **Behaviour**: describe what the person did.\n"
        "3. **Impact**: say what it caused.\n\n"
        "## Structure\n\n"
        "- **Opening**: the first thirty seconds of a speech.\n"
        "- **Close**: the last words of a speech.\n"
    )
    path = tmp_path / "chapter.md"
    path.write_text(f"# Club Roles\n\n{model}", encoding="utf-8")
    cards = generate_chapter(read_document(path), deck="roles", title="Club Roles")
    modes = (
        "People handle conflict in different ways. The five conflict modes are:\n\n"
        "1. Competing: assertive and uncooperative.\n"
        "2. Avoiding: unassertive and uncooperative.\n"
        "3. Accommodating: unassertive and cooperative.\n"
        "4. Collaborating: assertive and cooperative.\n"
        "5. Compromising: the middle ground."
    )
    cards += chapter_cards(tmp_path, modes)
    fronts = {c.front for c in cards if c.kind is Kind.DEFINITION}
    assert "In “Club Roles”, what does “situation” mean in the SBI model?" in fronts
    assert "In “Club Roles”, what does “competing” mean as a conflict mode?" in fronts
    assert "In “Club Roles”, what does “opening” mean?" in fronts
    assert "In “Club Roles”, what does “situation” mean?" not in fronts


def test_a_verdict_on_a_term_is_not_read_as_its_meaning(tmp_path: Path) -> None:
    """ "A startling fact is a reliable way in" rates the fact as a means; "Inner leadership
    is a people-oriented task" says what inner leadership is."""
    cards = chapter_cards(
        tmp_path,
        "A startling fact is a reliable way in. Inner leadership is a people-oriented task.",
    )
    fronts = {c.front for c in cards if c.kind is Kind.DEFINITION}
    assert "In “Club Roles”, what is a startling fact?" not in fronts
    assert "In “Club Roles”, what is inner leadership?" in fronts


def test_one_side_of_a_contrast_is_asked_with_the_other(tmp_path: Path) -> None:
    """ "Change is the external event" is what change is as against transition, which the
    passage sets beside it; a definition with no such line drawn is asked alone."""
    cards = chapter_cards(
        tmp_path,
        "Bridges drew a line between change and transition. Change is the external event. "
        "Transition is the inner process people go through.\n\n"
        "Delegation is the transfer of authority from a club officer to a member.",
    )
    fronts = {c.front for c in cards if c.kind is Kind.DEFINITION}
    assert "In “Club Roles”, what is change, as against transition?" in fronts
    assert "In “Club Roles”, what is transition, as against change?" in fronts
    assert "In “Club Roles”, what is change?" not in fronts
    assert "In “Club Roles”, what is delegation?" in fronts


def test_a_term_is_asked_as_the_source_writes_it(tmp_path: Path) -> None:
    """ "By host we mean" speaks of the word, so the word is asked, quoted; "the opening of
    a speech" keeps its article; "By a story opening we mean" asks for the thing."""
    cards = chapter_cards(
        tmp_path,
        "By host we mean the person responsible for the meeting's energy. "
        "The opening of a speech is defined as everything said before the topic is known. "
        "By a story opening we mean beginning in the middle of a scene.",
    )
    fronts = {c.front for c in cards if c.kind is Kind.DEFINITION}
    assert "In “Club Roles”, what does “host” mean?" in fronts
    assert "In “Club Roles”, what is host?" not in fronts
    assert "In “Club Roles”, what is the opening of a speech?" in fronts
    assert "In “Club Roles”, what is opening of a speech?" not in fronts
    assert "In “Club Roles”, what is a story opening?" in fronts


def test_a_purpose_that_points_back_is_left_out_of_the_meaning(tmp_path: Path) -> None:
    """ "to come to terms with it" says "it" of a word the card never shows: the meaning is
    the thing before it. A purpose that names what it serves stays."""
    cards = chapter_cards(
        tmp_path,
        "A change arrives on a given date. "
        "Transition is the inner process people go through to come to terms with it.\n\n"
        "A rehearsal is a full run of the speech to find the weak transitions.",
    )
    backs = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert backs["In “Club Roles”, what is transition?"] == "The inner process people go through."
    assert backs["In “Club Roles”, what is a rehearsal?"] == (
        "A full run of the speech to find the weak transitions."
    )


def test_an_identity_is_asked_both_ways(tmp_path: Path) -> None:
    """ "Groupthink is the danger that grows with a team's closeness" names one thing twice:
    the term is asked, and so is the thing it names."""
    cards = chapter_cards(tmp_path, "Groupthink is the danger that grows with a team's closeness.")
    asked = {(c.front, c.back) for c in cards}
    assert (
        "In “Club Roles”, what is groupthink?",
        "The danger that grows with a team's closeness.",
    ) in asked
    assert (
        "In “Club Roles”, what is the danger that grows with a team's closeness?",
        "Groupthink",
    ) in asked


def test_a_name_given_by_he_names_the_cited_author(tmp_path: Path) -> None:
    """ "... he called hygiene factors" leans on the sentence that cited Herzberg: the card
    names him. With nobody cited before it, the "he" stands for no one the card could show,
    and no card is made."""
    cards = chapter_cards(
        tmp_path,
        "Frederick Herzberg drew a distinction about work (Herzberg, 1959). "
        "Pay and working conditions he called hygiene factors.\n\n"
        "Our first club president ran a tight ship. "
        "Short, sharp evaluations she called quick wins.",
    )
    clozes = [c.cloze for c in cards if c.kind is Kind.DEFINITION and c.cloze]
    assert (
        "In “Club Roles”, pay and working conditions Herzberg called {{c1::hygiene factors}}."
        in clozes
    )
    assert not any("quick wins" in c for c in clozes)


def test_a_person_is_named_from_a_citation_of_one_author() -> None:
    from leadership_cards.generate.referents import with_person_named

    passage = "Bridges drew a line (Bridges, 1991). He called the middle the neutral zone."
    assert with_person_named("He called the middle the neutral zone.", passage) == (
        "Bridges called the middle the neutral zone."
    )
    said = "Bridges (1991) saw a middle he called the neutral zone."
    assert with_person_named(said, said) == said
    two = "Fisher and Ury wrote it (Fisher and Ury, 1981). He called it principled."
    assert with_person_named("He called it principled.", two) is None


def test_a_metaphor_is_asked_as_what_a_thing_is_to_its_owner(tmp_path: Path) -> None:
    """ "The pause is the speaker's punctuation" says what a pause is to a speaker, not what
    it means: it is asked so. A rank ("the speaker's best friend") is a verdict, not a
    metaphor to learn, and makes no such card."""
    cards = chapter_cards(
        tmp_path,
        "The pause is the speaker's punctuation.\n\nSilence is the speaker's best friend.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is the pause to a speaker?"] == "The speaker's punctuation."
    assert not any("silence" in front for front in asked)


def test_the_kind_a_thing_is_is_asked(tmp_path: Path) -> None:
    """ "X is itself a form of Y, and ..." -> "What is X a form of?"; a sentence whose
    subject points back ("This is a form of ...") gives no such card."""
    cards = chapter_cards(
        tmp_path,
        "Moving someone up a level is itself a form of recognition, and often a more "
        "welcome one than praise.\n\nA member gave up her role. This is a form of burnout.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is moving someone up a level a form of?"] == "Recognition."
    assert not any("burnout" in back.lower() for back in asked.values())


def test_a_name_and_who_gave_it_are_asked(tmp_path: Path) -> None:
    """ "Oncken and Wass called such a problem a monkey" names "such a problem" by the term
    of the sentence before; "He called ..." names the cited author. A pointer with no term
    before it ("Such a plan" after a sentence about no term) gives no card, nor does a
    verdict ("called the meeting a success")."""
    cards = chapter_cards(
        tmp_path,
        "Reverse delegation happens when a follower hands a problem back to the leader. "
        "Oncken and Wass called such a problem a monkey that jumps from back to back.\n\n"
        "Kurt Lewin described change in three stages (Lewin, 1947). "
        "He called the first stage unfreezing.\n\n"
        "Members wrote down what they would change. Smith and Jones called such a plan "
        "a roadmap. Jones called the meeting a success.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert (
        asked["In “Club Roles”, what did Oncken and Wass call the problem in reverse delegation?"]
        == "A monkey."
    )
    assert asked["In “Club Roles”, what did Lewin call the first stage?"] == "Unfreezing."
    assert not any(back in ("A roadmap.", "A success.") for back in asked.values())


def test_a_long_meaning_is_asked_by_its_head(tmp_path: Path) -> None:
    """A meaning too long to recall is asked by the noun phrase it opens on, up to the words
    that qualify it; one whose head is a bare "a relationship" makes no card."""
    cards = chapter_cards(
        tmp_path,
        "For current purposes, inner leadership is an interactive relationship between a "
        "leader and several followers voluntarily engaged in situations where leader and led "
        "are united on values and trust each other enough to risk self in joint activity.\n\n"
        "For current purposes, mentoring is a relationship voluntarily entered into by two "
        "members of a club who agree to meet every week and talk through each speech the "
        "newer member gives until the pathway is done.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is inner leadership, for current purposes?"] == (
        "An interactive relationship between a leader and several followers."
    )
    assert "In “Club Roles”, what is mentoring, for current purposes?" not in asked


def test_a_meaning_opening_on_a_participle_and_its_noun_defines(tmp_path: Path) -> None:
    """ "an experienced member who ...": a participle before the noun still makes a noun
    phrase; "an experienced one" (no noun) is no meaning."""
    cards = chapter_cards(
        tmp_path,
        "A mentor is an experienced member who guides a newer one through the first speeches."
        "\n\nA timer is an experienced one.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is a mentor?"] == (
        "An experienced member who guides a newer one through the first speeches."
    )
    assert "In “Club Roles”, what is a timer?" not in asked


def test_a_meaning_given_as_someones_is_asked_with_whose(tmp_path: Path) -> None:
    """ "According to Kotter, X is Y", "Edmondson defines X as Y" and "The term X describes
    Y" give X's meaning and whose it is; "Janis described it as ..." is still named from the
    sentence before, and "Smith described the meeting as long, and ..." gives no meaning."""
    cards = chapter_cards(
        tmp_path,
        "According to Kotter, urgency is the belief that the present situation is more "
        "dangerous than change.\n\n"
        "Edmondson defines psychological safety as a shared belief that the team is safe for "
        "interpersonal risk taking, and most teams lack it.\n\n"
        "The term groupthink describes the habit of a close group that puts agreement first."
        "\n\nGroupthink is the danger that grows with closeness. Janis described it as the "
        "habit of a close group.\n\nSmith described the meeting as long and dull.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is urgency, according to Kotter?"] == (
        "The belief that the present situation is more dangerous than change."
    )
    assert asked["In “Club Roles”, how does Edmondson define psychological safety?"] == (
        "A shared belief that the team is safe for interpersonal risk taking."
    )
    assert asked["In “Club Roles”, what does “groupthink” mean?"] == (
        "The habit of a close group that puts agreement first."
    )
    assert "In “Club Roles”, what is groupthink, as Janis described it?" in asked
    assert not any("Smith" in front for front in asked)


def test_a_models_first_and_last_stages_are_asked_with_whose_model(tmp_path: Path) -> None:
    """ "Bridges saw transition as starting with A, passing through B, and arriving at C"
    asks what the model starts with and arrives at, and whose it is; "Smith saw it as
    starting with ..." names nothing the card could ask about."""
    cards = chapter_cards(
        tmp_path,
        "Bridges saw transition as starting with an ending, passing through a confusing "
        "middle, and only then arriving at a new beginning.\n\n"
        "Tuckman described the team cycle as beginning with polite testing and ending with "
        "real performance.\n\nSmith saw it as starting with a plan and ending with a party.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what does transition start with, according to Bridges?"] == (
        "An ending"
    )
    assert asked["In “Club Roles”, what does transition arrive at, according to Bridges?"] == (
        "A new beginning"
    )
    assert asked["In “Club Roles”, what does the team cycle end with, according to Tuckman?"] == (
        "Real performance"
    )
    assert not any("Smith" in front or " it " in front for front in asked)


def test_a_distinction_made_the_heart_of_something_is_named(tmp_path: Path) -> None:
    """ "Fisher and Ury made this distinction the heart of ..." is asked with the distinction
    named: by the section's heading when it names a contrast, else by the two terms the
    sentence before sets side by side; with neither, no card."""
    cards = chapter_cards(
        tmp_path,
        "A position is what someone says they want; an interest is why they want it. "
        "Fisher and Ury made this distinction the heart of principled negotiation.\n\n"
        "Every meeting had an agenda. Jones made this distinction the core of his method.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    front = "In “Club Roles”, what did Fisher and Ury make the heart of principled negotiation?"
    assert asked[front] == "The distinction between a position and an interest"
    assert not any("Jones" in front for front in asked)
    path = tmp_path / "headed.md"
    path.write_text(
        "# Conflict\n\n## Interests, not positions\n\nA position is what someone says they "
        "want. Fisher and Ury made this distinction the heart of principled negotiation.\n",
        encoding="utf-8",
    )
    headed = {c.front: c.back for c in generate_chapter(read_document(path), deck="c")}
    assert (
        headed["In “Conflict”, what did Fisher and Ury make the heart of principled negotiation?"]
        == "Interests, not positions"
    )


def test_a_cited_authors_view_of_a_term_is_asked_as_theirs(tmp_path: Path) -> None:
    """ "Gardner (1990) sees leadership as ..." asks how Gardner sees it; "Everyone sees
    conflict as ..." names nobody the chapter cites, and gives no such card."""
    cards = chapter_cards(
        tmp_path,
        "Gardner (1990) sees leadership as a relationship of persuasion and example.\n\n"
        "Everyone sees conflict as a threat to the harmony of the team.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked == {
        "In “Club Roles”, how does Gardner see leadership?": (
            "A relationship of persuasion and example."
        )
    }


def test_what_a_thing_rests_on_is_asked(tmp_path: Path) -> None:
    """ "Motivation is based primarily on rewards" asks what motivation is based on; a
    thing pointed back to, a denial, or a ground that runs into a clause gives no such card."""
    cards = chapter_cards(
        tmp_path,
        "So-called motivation is based primarily on tangible, physical, or economic rewards; "
        "and leaders use them.\n\nTrust is built on consistency between what a leader says "
        "and does.\n\nIt is based in an eventually proven reality.\n\nTrust is not based "
        "on authority couched in procedures.\n\nThe decision was based on a survey, and the "
        "board agreed to it quickly.",
    )
    asked = {c.front: c.back for c in cards if c.cloze is None and " based" in c.front}
    asked |= {c.front: c.back for c in cards if c.cloze is None and " built" in c.front}
    assert asked == {
        "In “Club Roles”, what is motivation based on?": (
            "Tangible, physical, or economic rewards"
        ),
        "In “Club Roles”, what is trust built on?": (
            "Consistency between what a leader says and does"
        ),
    }


def test_a_gloss_after_a_dash_that_ends_the_sentence_is_a_meaning(tmp_path: Path) -> None:
    """ "... compete for dominance—the capacity to get one's way." glosses the word before the
    dash, not the phrase before it."""
    cards = chapter_cards(
        tmp_path,
        "Leaders compete with their colleagues for dominance—the capacity to get their own "
        "way against the competing action of others.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is dominance?"] == (
        "The capacity to get their own way against the competing action of others."
    )


def test_a_term_opening_its_sentence_with_its_meaning_between_commas(tmp_path: Path) -> None:
    """ "Followership, the willingness to follow the lead of others, is ..." defines the
    word; "John, the leader of the team, said ..." names a person, not a term."""
    cards = chapter_cards(
        tmp_path,
        "Followership, the willingness to follow the lead of others, is half of leadership. "
        "Good followership is rare.\n\nJohn, the leader of the team, said nothing.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked == {
        "In “Club Roles”, what is followership?": "The willingness to follow the lead of others."
    }


def test_what_someone_called_a_kind_is_asked_with_its_article(tmp_path: Path) -> None:
    """ "What Greenleaf called the servant-leader is ..." asks for "a servant-leader", and
    never reads "What Greenleaf" as the name of someone who called something."""
    cards = chapter_cards(
        tmp_path, "What Greenleaf called the servant-leader is a person who wants to serve first."
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is a servant-leader, as Greenleaf called it?"] == (
        "A person who wants to serve first."
    )
    assert not any("What Greenleaf" in front for front in asked)


def test_more_openings_of_a_meaning(tmp_path: Path) -> None:
    """ "A quorum, or the smallest number ..., must be present", "Here, empathy means ...",
    "Think of an agenda as a contract ..." each give the term's meaning; "The manager, the
    person in charge, said ..." (no "or") and "Think of it as ..." give none."""
    cards = chapter_cards(
        tmp_path,
        "A quorum, or the smallest number of members who can make a decision, must be "
        "present.\n\nHere, empathy means understanding how a follower feels without taking on "
        "the feeling.\n\nThink of an agenda as a contract between the chair and the members."
        "\n\nThe manager, the person in charge of the team, said nothing.\n\n"
        "Think of it as a contract between the chair and the members.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked["In “Club Roles”, what is a quorum?"] == (
        "The smallest number of members who can make a decision."
    )
    assert asked["In “Club Roles”, what is empathy?"] == (
        "Understanding how a follower feels without taking on the feeling."
    )
    assert asked["In “Club Roles”, what should an agenda be thought of as?"] == (
        "A contract between the chair and the members"
    )
    assert not any("manager" in front or " it " in front for front in asked)


def test_a_meaning_given_in_an_authors_account_is_asked_with_whose(tmp_path: Path) -> None:
    """ "Empathy, in Greenleaf's account, is ..." defines empathy as Greenleaf did; "The
    meeting, in the chair's view, was long" names no author and defines nothing."""
    cards = chapter_cards(
        tmp_path,
        "Empathy, in Greenleaf's account, is the acceptance of the person even when their "
        "work is refused.\n\nThe meeting, in the chair's view, was long.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked == {
        "In “Club Roles”, what is empathy, according to Greenleaf?": (
            "The acceptance of the person even when their work is refused."
        )
    }


def test_a_term_glossed_between_dashes_is_defined(tmp_path: Path) -> None:
    """ "Psychological safety—the belief that ...—matters": the gloss is the meaning. A thing
    met before ("The meeting—a long one—") or a clause between dashes is no gloss."""
    cards = chapter_cards(
        tmp_path,
        "Psychological safety—the belief that one will not be punished for speaking up—"
        "matters more than talent.\n\nThe meeting—a long one—ended late.\n\n"
        "Members left—the room was cold—without a word.",
    )
    asked = {c.front: c.back for c in cards if c.kind is Kind.DEFINITION}
    assert asked == {
        "In “Club Roles”, what is psychological safety?": (
            "The belief that one will not be punished for speaking up."
        ),
        "In “Club Roles”, what is the term for the belief that one will not be punished for "
        "speaking up?": "Psychological safety",
    }


@pytest.mark.parametrize(
    ("sentence", "front", "back"),
    [
        (
            "Active listening, also known as reflective listening, is a way of confirming "
            "what a speaker means.",
            "In “Club Roles”, what is active listening?",
            "A way of confirming what a speaker means.",
        ),
        (
            "A premortem is a term for imagining that a plan has already failed.",
            "In “Club Roles”, what is a premortem?",
            "Imagining that a plan has already failed.",
        ),
        (
            "Feedforward, which means suggestions for the future, lowers defensiveness.",
            "In “Club Roles”, what is feedforward?",
            "Suggestions for the future.",
        ),
        (
            "What Janis called groupthink is the habit of a close group that puts agreement first.",
            "In “Club Roles”, what is groupthink, as Janis called it?",
            "The habit of a close group that puts agreement first.",
        ),
        (
            "A stretch assignment is one that asks more of a person than they have done before.",
            "In “Club Roles”, what is a stretch assignment?",
            "An assignment that asks more of a person than they have done before.",
        ),
        (
            "Psychologists use the word flow for the state of being fully absorbed in a task.",
            "In “Club Roles”, what does “flow” mean?",
            "The state of being fully absorbed in a task.",
        ),
        (
            "Unlike a manager, a leader is someone whom people follow by choice.",
            "In “Club Roles”, what is a leader, unlike a manager?",
            "Someone whom people follow by choice.",
        ),
    ],
)
def test_a_term_named_with_another_name_or_word_is_defined(
    tmp_path: Path, sentence: str, front: str, back: str
) -> None:
    asked = {c.front: c.back for c in chapter_cards(tmp_path, sentence)}
    assert asked.get(front) == back, asked


def test_what_is_not_a_definition_in_those_forms_makes_none(tmp_path: Path) -> None:
    """A verdict after "Unlike", "one of" a group, "which means" with a pronoun's meaning."""
    cards = chapter_cards(
        tmp_path,
        "Unlike most clubs, ours is small and friendly.\n\n"
        "The winner is one of the members.\n\n"
        "This plan, which means more work for everyone, starts on Monday.",
    )
    assert not [c for c in cards if c.kind is Kind.DEFINITION], [c.front for c in cards]
