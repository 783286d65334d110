"""Card quality beyond the basic rules: no sentence cut mid-clause, brackets kept whole,
questions that do not give their answers away, and the order new cards are met in."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import CHAPTER_5, of_kind, statement
from leadership_cards.cards import Card, Kind, SourceRef
from leadership_cards.deck_source import deck_from_paths
from leadership_cards.generate import generate, generate_chapter
from leadership_cards.generate.quality import problems
from leadership_cards.generate.text import cloze_of, ends_in_function_word
from leadership_cards.source import read_document

_FUNCTION_ENDINGS = ("by.", "of.", "the.", "and.", "to.", "which.")


def _claim(cloze: str) -> Card:
    front, _, rest = cloze.partition("{{c1::")
    answer, _, after = rest.partition("}}")
    return Card(
        deck="d",
        chapter="C",
        kind=Kind.CLAIM,
        front=f"{front}[...]{after}",
        back=answer,
        source=SourceRef("f.txt", "paragraph 1", cloze),
        item="c/f.txt#paragraph-1",
        cloze=cloze,
        tags=("d", "c", "claim"),
    )


def test_no_card_of_the_deck_ends_mid_clause(cards: list[Card]) -> None:
    for card in cards:
        if card.kind is Kind.DISCUSSION:
            continue
        statement = card.cloze.replace("{{c1::", "").replace("}}", "") if card.cloze else ""
        for text in (card.front, card.back, statement):
            last = text.lower().rsplit(" ", 1)[-1]  # "command." does not end on "and."
            assert last not in _FUNCTION_ENDINGS, (card.front, card.back)


def test_a_sentence_cut_mid_clause_is_a_problem() -> None:
    assert ends_in_function_word("a process of persuasion and example by.")
    assert not ends_in_function_word("a process of persuasion and example.")
    cut = _claim("{{c1::Gardner}} (1990) sees leadership as a process of example by.")
    assert "sentence cut mid-clause" in problems(cut)
    whole = _claim("{{c1::Gardner}} (1990) sees leadership as a process of example.")
    assert problems(whole) == []


def test_a_deletion_keeps_its_brackets_paired() -> None:
    sentence = "Mutual trust is vital to any <script>alert(1)</script> & work-community action."
    start = sentence.index("vital")
    cloze = cloze_of(sentence, (start, sentence.index("(1)") - 1))
    deleted = cloze.partition("{{c1::")[2].partition("}}")[0]
    assert deleted == "vital to any <script>alert(1)</script>"
    assert "answer breaks a bracket pair" in problems(_claim("A {{c1::b (c}} d)."))


def test_markup_with_brackets_gives_whole_phrases(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(
        "Trust matters.\n\n"
        "Club mentors value shared <script>alert(1)</script> & work-community action, not "
        "rank.\n\n  1. Inner leaders use (personal) power, not authority.\n",
        encoding="utf-8",
    )
    cards = generate(deck_from_paths([path]))
    for card in cards:
        assert card.back.count("(") == card.back.count(")"), card.back
    action = next(c for c in cards if statement(c.front).startswith("Club mentors value"))
    assert action.back.endswith("<script>alert(1)</script> & work-community action")


def test_a_question_that_gives_its_answer_away_is_a_problem() -> None:
    card = _claim("{{c1::x}} y.")
    given_away = replace(
        card,
        kind=Kind.TITLE,
        front="What is Technique 2 of Technique 2 relationship focus?",
        back="Focus on relationship",
        cloze=None,
        tags=("d", "c", "title"),
    )
    assert "question gives away its answer" in problems(given_away)


def test_one_chapter_on_its_own_never_names_a_placeholder_deck() -> None:
    cards = generate_chapter(read_document(CHAPTER_5))
    assert cards
    assert not [c.front for c in cards if "deck" in c.front.lower()]


def test_new_cards_open_each_chapter_with_its_framing(cards: list[Card]) -> None:
    by_chapter: dict[str, list[Card]] = {}
    for card in cards:
        by_chapter.setdefault(card.chapter, []).append(card)
    framing = (Kind.TITLE, Kind.DEFINITION, Kind.KEY_POINT)
    for chapter_cards in by_chapter.values():
        kinds = [c.kind for c in chapter_cards]
        first_other = next((i for i, k in enumerate(kinds) if k not in framing), len(kinds))
        assert all(k not in framing for k in kinds[first_other:]), kinds
    chapter_2 = by_chapter["Differentiating Inner Leadership from Top Leadership"]
    kinds = [c.kind for c in chapter_2]
    assert kinds[0] is Kind.DEFINITION
    assert kinds[kinds.index(Kind.KEY_POINT) :].count(Kind.DEFINITION) == 0


def test_counts_come_right_after_their_items(cards: list[Card]) -> None:
    fronts = [c.front for c in cards]
    eleventh = fronts.index(
        "In “Servanthood”, the service techniques run: … 10. Providing both formal and "
        "informal organizational structures; 11. [...]."
    )
    assert not fronts[eleventh + 1].startswith("How many")  # the source never says "eleven"
    second = next(i for i, f in enumerate(fronts) if "objectives of inner leaders run: 1. " in f)
    assert fronts[second + 2].startswith("How many service objectives of inner leaders")
    techniques = [c.source.position for c in of_kind(cards, Kind.TECHNIQUE)]
    assert techniques == [f"technique {n}" for n in range(1, 12)]


def test_an_answer_holding_two_facts_keeps_its_first() -> None:
    from leadership_cards.generate.gist import one_fact

    assert one_fact("The quickest praise a chair can give, and it lands best in public.") == (
        "The quickest praise a chair can give."
    )
    assert one_fact("How fast the speaker talks; the faster it is, the less is heard.") == (
        "How fast the speaker talks."
    )
    assert one_fact("The clearest closing, because audiences remember the last words.") == (
        "The clearest closing."
    )
    assert one_fact("The outer event: the new agenda starts on Monday.") == "The outer event."
    # A list of what one subject does is one fact; so is a quotation's own clause.
    whole = "Opens the meeting, introduces the speakers and is responsible for timing."
    assert one_fact(whole) == whole
    quoted = 'Say what it caused ("the room relaxed, and we finished early").'
    assert one_fact(quoted) == quoted


def test_a_definition_of_two_facts_is_asked_for_one() -> None:
    text = (
        "Chairing a Meeting\n\nA gavel is the small hammer a chair uses to open a meeting, "
        "and it should be struck only once.\n"
    )
    cards = generate_chapter(read_document_text(text))
    meaning = [c for c in cards if c.kind is Kind.DEFINITION]
    assert [c.back for c in meaning] == ["The small hammer a chair uses to open a meeting."]


def read_document_text(text: str):
    from leadership_cards.source import parse_document

    return parse_document(text, "chairing.txt")


def test_every_cloze_names_its_chapter_once_and_keeps_names_capitalised() -> None:
    from leadership_cards.generate.phrasing import chapter_casing, in_chapter
    from leadership_cards.source import parse_document

    text = (
        "Chairing a Meeting\n\nUrgency is the chair's main tool, not the gavel. In 2020, "
        "about 40 percent of clubs met online.\n\nKey Points\n\n1. A chair keeps the "
        "agenda, not the speakers, at the centre of the meeting.\n2. Clear expectations.\n"
    )
    cards = generate_chapter(parse_document(text, "chairing.txt"))
    clozes = [c.front for c in cards if c.cloze is not None]
    for front in clozes:
        assert front.count("“Chairing a Meeting”") == 1, front  # named once, never twice
    assert "In “Chairing a Meeting”, a chair keeps the [...], not the speakers, at the " in (
        " | ".join(clozes)
    )
    # the word that says how exact a figure is belongs to the figure
    assert "In “Chairing a Meeting”, in 2020, [...] of clubs met online." in clozes
    # A sentence's first word is lowered unless the chapter writes it as a name.
    casing = chapter_casing(["Kotter says urgency matters, as Kotter found (Kotter, 1996)."])
    assert in_chapter("Kotter sees {{c1::urgency}} first.", "Change", casing) == (
        "In “Change”, Kotter sees {{c1::urgency}} first."
    )
    assert in_chapter("{{c1::Urgency}} comes first.", "Change", casing) == (
        "In “Change”, {{c1::urgency}} comes first."
    )


def test_a_surname_after_its_full_name_keeps_its_capital_after_the_chapter() -> None:
    from leadership_cards.generate.phrasing import chapter_casing, in_chapter
    from leadership_cards.source import parse_document

    # "John Whitmore" inside a sentence makes both words names, so the sentence that opens
    # on the surname keeps it; a common word opening a sentence is still lowered.
    casing = chapter_casing(["The GROW model, which John Whitmore made popular, has stages."])
    assert {"John", "Whitmore", "GROW"} <= casing.names
    text = (
        "Coaching Well\n\nThe GROW model, which John Whitmore made popular in the 1990s, "
        "structures a coaching conversation in four stages.\n\nWhitmore defined the purpose "
        "of coaching as building awareness and responsibility in the person being coached. "
        "Coaching asks more than it tells, and the coach listens for what the person wants.\n"
    )
    fronts = [c.front for c in generate_chapter(parse_document(text, "coaching.txt"))]
    assert any(f.startswith("In “Coaching Well”, how did Whitmore define") for f in fronts), fronts
    assert not any("whitmore" in f for f in fronts), fronts
    assert in_chapter("{{c1::Coaching}} asks more.", "Coaching Well", casing) == (
        "In “Coaching Well”, {{c1::coaching}} asks more."
    )


def test_one_fact_of_a_sentence_is_asked_once() -> None:
    from leadership_cards.source import parse_document

    text = (
        "Looking Ahead\n\nFeedforward lowers defensiveness, because no one can argue with an "
        "idea about a future that has not happened yet.\n\nOne survey showed that 70 percent "
        "of men and 59 percent of women see themselves as leaders.\n"
    )
    cards = generate_chapter(parse_document(text, "ahead.txt"))
    fronts = [c.front.removeprefix("In “Looking Ahead”, ") for c in cards]
    # The reason asked as a question stays; the cloze that shows it, asking the effect
    # the question names, is the same fact again.
    assert "why does feedforward lower defensiveness?" in fronts, fronts
    assert not any(f.startswith("feedforward lowers [...]") for f in fronts), fronts
    # Two blanks of one sentence are its two facts: both stay.
    assert [c.back for c in cards if "of men and" in c.front] == ["70 percent", "59 percent"]


def test_a_name_no_lexicon_knows_keeps_its_capital_before_a_possessive_or_a_report() -> None:
    """ "Tuckman's model", "Edmondson defines": an unknown word that owns a thing or reports a
    view is a name; "Today's problems" opens on a common word and is lowered."""
    from leadership_cards.generate.phrasing import chapter_casing, in_chapter

    casing = chapter_casing([])
    assert in_chapter("{{c1::Tuckman's}} model has stages.", "Teams", casing).startswith(
        "In “Teams”, {{c1::Tuckman's}}"
    )
    assert in_chapter("Edmondson defines {{c1::safety}}.", "Teams", casing) == (
        "In “Teams”, Edmondson defines {{c1::safety}}."
    )
    assert in_chapter("Today's problems need {{c1::alliances}}.", "Teams", casing) == (
        "In “Teams”, today's problems need {{c1::alliances}}."
    )
